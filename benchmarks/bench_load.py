"""Loading and dumping scale linearly: time per 1,000 propositions at 1k, 10k and 100k.

Builds a synthetic paradox-shaped map (two poles, themes, evidence chains, linked premises,
undercuts), writes it as YAML and JSON, and times loading each back. Prints sizes, seconds,
milliseconds per 1,000 propositions and the ratio to the smallest size (1.0 means linear).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from argmap import formats
from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Theme,
)

__all__ = ["main", "synthetic_map"]


def synthetic_map(n: int) -> ArgumentMap:
    """A valid map with about ``n`` propositions."""
    themes = [Theme(f"t{k}", f"Theme {k}") for k in range(8)]
    props = [
        Proposition("thesis-a", "Pole A holds", role=Role.THESIS, pole="a"),
        Proposition("thesis-b", "Pole B holds", role=Role.THESIS, pole="b"),
    ]
    inferences: list[Inference] = []
    attacks: list[Attack] = []
    for i in range((n - 2) // 2):
        pole = "a" if i % 2 else "b"
        claim, evidence = f"c{i}", f"e{i}"
        theme = f"t{i % 8}"
        props.append(Proposition(claim, f"Claim number {i} about “topic” {i % 97}", pole=pole, theme=theme))
        props.append(
            Proposition(
                evidence,
                f"Evidence {i}: a fact reported in paragraph {i % 40}",
                role=Role.EVIDENCE,
                pole=pole,
                theme=theme,
                citation=Citation("src", f"¶{i % 40}", f"fact {i}"),
            )
        )
        inferences.append(Inference(f"i{i}", (claim, evidence), f"thesis-{pole}"))
        if i % 10 == 0 and i:
            attacks.append(Attack(f"k{i}", f"e{i - 1}", f"i{i}", AttackKind.UNDERCUT))
    return ArgumentMap(
        f"Synthetic map of {n}",
        sources=[Source("src", "Synthetic source")],
        poles=[Pole("a", "A", "thesis-a"), Pole("b", "B", "thesis-b")],
        themes=themes,
        propositions=props,
        inferences=inferences,
        attacks=attacks,
    )


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv[1:]] or [1_000, 10_000, 100_000]
    heads = ("propositions", "format", "MB", "load s", "ms/1k", "ratio", "dump s")
    widths = (12, 6, 6, 8, 8, 6, 8)
    print(" ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    base: dict[str, float] = {}
    for n in sizes:
        amap = synthetic_map(n)
        for name in ("yaml", "json"):
            text = formats.dumps(amap, name)
            assert formats.loads(text, name) == amap
            repeat = 3 if n <= 10_000 else 1
            load = best_of(lambda: formats.loads(text, name), repeat)  # noqa: B023 - called at once
            dump = best_of(lambda: formats.dumps(amap, name), repeat)  # noqa: B023
            per_k = load / n * 1000 * 1000
            base.setdefault(name, per_k)
            size = len(text.encode()) / 1e6
            ratio = per_k / base[name]
            print(f"{n:>12} {name:>6} {size:>6.1f} {load:>8.3f} {per_k:>8.2f} {ratio:>6.2f} {dump:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
