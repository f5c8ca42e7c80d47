"""The grounded extension of an ICCMA file in plain Python: the baseline ``argmap af`` must beat.

What a competent user would write without argmap: read the ``p af N`` file line by line, keep each
argument's attackers count and targets, and run the classic worklist. An argument is IN when all
its attackers are OUT; the targets of an IN argument are OUT, which may leave further arguments
with no attacker that is not OUT. Prints the answer as ``argmap af --task some`` does
(``w 1 3 ...``, arguments in increasing order), so the benchmark can compare the two outputs.

Run: ``python benchmarks/grounded_queue.py FILE``. Standard library only, on purpose.
"""

from __future__ import annotations

import sys
from collections import deque

__all__ = ["grounded", "main", "read_iccma"]


def read_iccma(path: str) -> tuple[int, list[list[int]], list[int]]:
    """Argument count, each argument's targets and each argument's number of attackers (0-based)."""
    with open(path, encoding="utf-8") as handle:
        lines = iter(handle)
        n = -1
        for line in lines:
            if line.startswith("p af "):
                n = int(line.split()[2])
                break
        if n < 0:
            raise SystemExit(f"{path}: no 'p af N' line")
        targets: list[list[int]] = [[] for _ in range(n)]
        attackers = [0] * n
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            a, b = line.split()
            tail, head = int(a) - 1, int(b) - 1
            targets[tail].append(head)
            attackers[head] += 1
    return n, targets, attackers


def grounded(n: int, targets: list[list[int]], attackers: list[int]) -> list[int]:
    """The grounded extension (0-based, increasing) by the worklist of unattacked arguments."""
    live = attackers[:]  # attackers not (yet) OUT
    is_in = [False] * n
    is_out = [False] * n
    queue = deque(i for i in range(n) if live[i] == 0)
    while queue:
        arg = queue.popleft()
        is_in[arg] = True
        for target in targets[arg]:
            if is_out[target]:
                continue
            is_out[target] = True
            for victim in targets[target]:
                live[victim] -= 1
                if live[victim] == 0 and not is_out[victim]:
                    queue.append(victim)
    return [i for i in range(n) if is_in[i]]


def main(argv: list[str] | None = None) -> int:
    """Print the grounded extension of the file named in ``argv`` as an ICCMA witness line."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: grounded_queue.py FILE", file=sys.stderr)
        return 2
    n, targets, attackers = read_iccma(args[0])
    print(" ".join(["w", *(str(i + 1) for i in grounded(n, targets, attackers))]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
