"""Benchmark argmap's semantics against the formal-argumentation reference library, side by side.

Random frameworks with N arguments and 3N attacks (seeded). Prints sizes, times (best of
``--repeat`` runs) and the ratio reference / argmap:

* grounded extension, N = 100,000: solve only (framework prebuilt; after its first run the
  framework's cached target rows are reused, so this is the labelling pass alone), end to end from
  the list of ``(attacker, target)`` pairs (which includes building the target rows), and end to
  end from the text of an ICCMA ``p af N`` file;
* all preferred extensions, N = 1,000 (argmap with clingo; the reference's complete-labelling
  enumeration is only run with ``--slow-reference``, as it can take very long);
* DF-QuAD strengths on a random acyclic bipolar graph, N = 100,000 (half attacks, half supports):
  build only (the edge columns), solve only (graph prebuilt; after its first run the graph's
  cached out-going rows are reused, so this is the forward pass alone) and end to end from the
  edge lists (which includes building those rows).

Targets (issue 6), which must hold end to end: grounded at N = 100,000 in at most 0.5 s, all
preferred at N = 1,000 in at most 0.2 s, DF-QuAD at N = 100,000 in at most 2 s. The reference
column times the reference library's own solve on its prebuilt framework, so "end to end" ratios
understate argmap's advantage.

Run: ``.venv/bin/python benchmarks/bench_semantics.py [--quick]``.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import Any

from argmap.af import Framework, grounded_extension, preferred_extensions
from argmap.af.bipolar import BipolarGraph, df_quad

__all__ = ["main"]


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs, and the last result."""
    times = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def row(task: str, size: str, ours: float, theirs: float | None, target: float | None) -> None:
    """One result line; ``target`` is ``None`` for the part-time rows that have no target."""
    ratio = f"{theirs / ours:8.1f}x" if theirs is not None else "       -"
    ref = f"{theirs:9.3f}" if theirs is not None else "        -"
    if target is None:
        verdict = ""
    else:
        verdict = f"target {target:.2f} s  " + ("ok" if ours <= target else "SLOWER THAN TARGET")
    print(f"{task:<34} {size:>14} {ours:9.3f} {ref} {ratio}   {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one repeat")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slow-reference", action="store_true", help="also time the reference preferred")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    scale = 10 if args.quick else 1

    rng = random.Random(2024)
    print(f"best of {repeat} runs; targets hold end to end (construction included)")
    print(f"{'task':<34} {'size':>14} {'argmap s':>9} {'ref s':>9} {'ratio':>9}")
    bench_grounded(rng, scale, repeat)
    bench_preferred(scale, repeat, args.slow_reference)
    bench_dfquad(rng, scale, repeat)


def bench_grounded(rng: random.Random, scale: int, repeat: int) -> None:
    """Grounded, N = 100,000, 3N attacks: solve only and end to end."""
    from argumentation.core.dung import ArgumentationFramework
    from argumentation.core.dung import grounded_extension as ref_grounded

    from argmap.af.iccma import parse_iccma

    n = 100_000 // scale
    pairs = [(rng.randint(1, n), rng.randint(1, n)) for _ in range(3 * n)]
    text = f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in pairs)
    build, fw = best(lambda: Framework.from_indices(n, pairs), repeat)
    ours, ext = best(lambda: grounded_extension(fw), repeat)
    whole, ext_pairs = best(lambda: grounded_extension(Framework.from_indices(n, pairs)), repeat)
    from_file, ext_file = best(lambda: grounded_extension(parse_iccma(text)), repeat)
    ref_af = ArgumentationFramework(arguments=frozenset(fw.arguments), defeats=frozenset(fw.attacks))
    theirs, ref_ext = best(lambda: ref_grounded(ref_af), repeat)
    assert ext == ref_ext == ext_pairs == ext_file, "grounded extensions differ"
    size = f"{n}/{len(fw.attacks)}"
    row("grounded: build from pairs only", size, build, None, None)
    row("grounded: solve (prebuilt)", size, ours, theirs, 0.5)
    row("grounded: end to end (pairs)", size, whole, theirs, 0.5)
    row("grounded: end to end (ICCMA text)", size, from_file, theirs, 0.5)


def bench_preferred(scale: int, repeat: int, slow_reference: bool) -> None:
    """Preferred, N = 1,000, 3N attacks (clingo engine), over a few seeds."""
    from argumentation.core.dung import ArgumentationFramework
    from argumentation.core.dung import preferred_extensions as ref_preferred

    n = 1_000 // scale
    total_ours = 0.0
    total_theirs = 0.0
    seeds = 5
    for seed in range(seeds):
        local = random.Random(seed)
        fw = Framework.from_indices(n, [(local.randint(1, n), local.randint(1, n)) for _ in range(3 * n)])
        t, exts = best(lambda fw=fw: preferred_extensions(fw, backend="clingo"), repeat)  # type: ignore[misc]
        total_ours += t
        if slow_reference:
            ref_af = ArgumentationFramework(arguments=frozenset(fw.arguments), defeats=frozenset(fw.attacks))
            t_ref, ref_exts = best(lambda r=ref_af: ref_preferred(r), 1)  # type: ignore[misc]
            assert set(exts) == set(ref_exts), "preferred extensions differ"
            total_theirs += t_ref
    row(
        "all preferred (clingo), mean of 5",
        f"{n}/{3 * n}",
        total_ours / seeds,
        total_theirs / seeds if slow_reference else None,
        0.2,
    )


def bench_dfquad(rng: random.Random, scale: int, repeat: int) -> None:
    """DF-QuAD, N = 100,000 on a random DAG with 3N edges."""
    from argumentation.gradual.dfquad import dfquad_strengths
    from argumentation.gradual.gradual import WeightedBipolarGraph

    n = 100_000 // scale
    edges: set[tuple[int, int]] = set()
    while len(edges) < 3 * n:
        a, b = rng.randrange(n), rng.randrange(n)
        if a < b:
            edges.add((a, b))
    ordered = list(edges)
    rng.shuffle(ordered)
    attacks, supports = ordered[: len(ordered) // 2], ordered[len(ordered) // 2 :]
    base = [rng.random() for _ in range(n)]
    build, graph = best(lambda: BipolarGraph.from_indices(base, attacks, supports), repeat)
    ours, result = best(lambda: df_quad(graph), repeat)
    whole, result_whole = best(lambda: df_quad(BipolarGraph.from_indices(base, attacks, supports)), repeat)
    ref_graph = WeightedBipolarGraph(
        arguments=frozenset(graph.nodes),
        initial_weights=dict(graph.base_scores),
        attacks=frozenset(graph.attacks),
        supports=frozenset(graph.supports),
    )
    theirs, ref_result = best(lambda: dfquad_strengths(ref_graph), 1)
    worst = max(abs(result[x] - ref_result.strengths[x]) for x in graph.nodes)
    assert worst <= 1e-9, f"DF-QuAD differs by {worst}"
    assert result_whole.values == result.values, "end-to-end DF-QuAD differs"
    size = f"{n}/{3 * n}"
    row("DF-QuAD: build from edges only", size, build, None, None)
    row("DF-QuAD: solve (prebuilt)", size, ours, theirs, 2.0)
    row("DF-QuAD: end to end (edges)", size, whole, theirs, 2.0)


if __name__ == "__main__":
    main()
