"""How the balance of a paradox grows with the number of factors: 250, 1,000 and 10,000.

``balance`` evaluates a map and, for every factor of every pole, how much the margin moves when
the factor is removed. Evaluating the map without each factor from scratch is quadratic; the
incremental removal (only what the factor reaches is recomputed) should be near-linear. Maps come
from ``bench_validate.synthetic_map`` (two poles, themes, linked and convergent support,
rebuttals, undercuts and contradictions, so the graphs have cycles too).

Prints, per size and semantics, the best of a few runs, the time per 1,000 factors and its ratio
to the smallest size (near 1: linear). The baseline, measured in the same run, is the old way
(re-evaluating the map without each factor) at the smallest size, with its ratio to the new way.

Run: ``.venv/bin/python benchmarks/bench_balance.py [--sizes 250,1000,10000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import synthetic_map  # a sibling script, found through the path above

from argmap.evaluation import balance, evaluate, without
from argmap.evaluation.core import _thesis_strengths
from argmap.model.core import ArgumentMap


def _factors(amap: ArgumentMap) -> int:
    return sum(len(list(amap.factors(pole.id))) for pole in amap.poles)


def _best(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def _from_scratch(amap: ArgumentMap, semantics: str) -> None:
    """The baseline: evaluate the map without each factor in full."""
    evaluation = evaluate(amap, semantics)
    for pole in amap.poles:
        for prop in amap.factors(pole.id):
            if prop.id in evaluation.nodes:
                reduced = without(amap, prop.id)
                _thesis_strengths(reduced, evaluate(reduced, semantics))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,10000", help="factor counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--semantics", default="qe,df-quad")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    for semantics in args.semantics.split(","):
        first: float | None = None
        for size in sizes:
            amap, _ = synthetic_map(size + 2)  # the two theses are not factors
            count = _factors(amap)
            best = _best(lambda amap=amap, semantics=semantics: balance(amap, semantics), args.repeat)
            per_k = best / count * 1000
            first = first or per_k
            print(
                f"{semantics:8} {count:>6} factors  {best:7.3f} s  {per_k * 1000:7.1f} ms per 1,000"
                f"  ratio {per_k / first:5.2f}"
            )
        amap, _ = synthetic_map(sizes[0] + 2)
        old = _best(lambda amap=amap, semantics=semantics: _from_scratch(amap, semantics), 1)
        new = _best(lambda amap=amap, semantics=semantics: balance(amap, semantics), args.repeat)
        count = _factors(amap)
        print(
            f"{semantics:8} baseline at {count} factors: from scratch {old:.3f} s, {old / new:.1f}x the time"
        )


if __name__ == "__main__":
    main()
