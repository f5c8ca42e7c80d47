"""Whole-process start-up: ``argmap`` commands against ``python -c "import typer"`` in the same run.

Every command a user types pays for Python, typer and whatever the command imports. This script
times whole processes (best of ``--repeat`` rounds, default 7, each round running every command in
turn) and prints each as a ratio to the baseline,
``python -c "import typer"``, measured in the same run on the same machine, so the ratios hold
across machines and loads. Targets (issue 11):

* ``argmap --version``: at most 1.3x the baseline (no stage, numpy or graphviz is imported);
* ``argmap check maps/example-remote-work.yaml``: at most 2.5x (formats and lint only);
* ``argmap af FILE --semantics grounded --task some`` on a random framework with N = 100,000
  arguments and 3N attacks: faster than ``benchmarks/grounded_queue.py``, the plain-Python
  worklist a user would write, reading the same file (the two answers must agree).

Run: ``.venv/bin/python benchmarks/bench_startup.py [--repeat R] [--n N]``. Exits 1 when a target
is missed. A progress bar shows on a terminal; piped output is the table alone.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "maps" / "example-remote-work.yaml"
QUEUE = ROOT / "benchmarks" / "grounded_queue.py"


def _argmap() -> list[str]:
    """The installed ``argmap`` script beside this Python, else ``python -m argmap``."""
    script = Path(sys.executable).parent / "argmap"
    return [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]


def _run(command: list[str]) -> tuple[float, str]:
    """Wall time of one run of ``command``, and its standard output."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return took, done.stdout


def write_framework(path: Path, n: int, seed: int = 2024) -> None:
    """A random ICCMA ``p af N`` file with ``n`` arguments and ``3n`` attacks (seeded)."""
    rng = random.Random(seed)
    lines = [f"p af {n}\n"] + [f"{rng.randint(1, n)} {rng.randint(1, n)}\n" for _ in range(3 * n)]
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Time the commands, print the table, return 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7, help="runs per command; the best counts")
    parser.add_argument("--n", type=int, default=100_000, help="arguments in the af framework")
    args = parser.parse_args(argv)
    argmap = _argmap()
    with tempfile.TemporaryDirectory() as tmp:
        framework = Path(tmp) / f"random-{args.n}.af"
        write_framework(framework, args.n)
        jobs: list[tuple[str, list[str]]] = [
            ("python -c 'import typer' (baseline)", [sys.executable, "-c", "import typer"]),
            ("argmap --version", [*argmap, "--version"]),
            ("argmap check example-remote-work.yaml", [*argmap, "check", str(EXAMPLE)]),
            (
                f"argmap af (grounded, N={args.n:,})",
                [*argmap, "af", str(framework), "--semantics", "grounded", "--task", "some"],
            ),
            (f"grounded_queue.py (N={args.n:,})", [sys.executable, str(QUEUE), str(framework)]),
        ]
        err = Console(stderr=True)
        # Rounds of every command in turn, so a burst of load on a shared machine hits the baseline
        # and the commands alike; each command's best round counts.
        best = [float("inf")] * len(jobs)
        outputs = [""] * len(jobs)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("timing commands", total=args.repeat * len(jobs))
            for _ in range(args.repeat):
                for k, (label, command) in enumerate(jobs):
                    progress.update(task, description=label)
                    took, outputs[k] = _run(command)
                    best[k] = min(best[k], took)
                    progress.advance(task)
        results = list(zip(best, outputs, strict=True))
    base = results[0][0]
    (version, _), (check, _), (af, af_out), (queue, queue_out) = results[1:]
    if af_out.split() != queue_out.split():
        print("argmap af and grounded_queue.py disagree on the grounded extension", file=sys.stderr)
        return 1
    rows = [
        (jobs[0][0], base, 1.0, None),
        (jobs[1][0], version, version / base, 1.3),
        (jobs[2][0], check, check / base, 2.5),
        (jobs[3][0], af, af / base, None),
        (jobs[4][0], queue, queue / base, None),
    ]
    print(f"best of {args.repeat} runs per command; ratio = time / baseline")
    print(f"{'command':<40} {'seconds':>8} {'ratio':>7}   target")
    missed = False
    for label, seconds, ratio, target in rows:
        verdict = ""
        if target is not None:
            ok = ratio <= target
            missed |= not ok
            verdict = f"<= {target}x  " + ("ok" if ok else "OVER TARGET")
        print(f"{label:<40} {seconds:8.3f} {ratio:6.2f}x   {verdict}")
    faster = af < queue
    missed |= not faster
    print(
        f"argmap af / grounded_queue.py = {af / queue:.2f}  "
        + ("ok (argmap faster)" if faster else "OVER TARGET (the plain-Python queue is faster)")
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
