"""How good the link suggestions are: precision and recall at k against the showcase link file.

The committed links between the 2008 cable map and the 2012 essay map are the answer key. For
every proposition of the cable that has at least one link, the suggester ranks the essay's
propositions; a suggestion is a hit when the pair is linked (with any relation). Precision at k
is hits / (k x propositions asked about); recall at k is hits / links. Three settings:

- ``text``: text similarity alone (theme, pole and role weights set to zero);
- ``labels``: the full score, themes aligned by their labels (no links at all, as for a new pair);
- ``aligned``: the full score with the link file's theme and pole links (an analyst aligns the
  themes first, then asks for proposition links).

Prints a table and the time of one full suggestion run. The weights were chosen on this same
file, so these numbers flatter the method; they guard against regressions.

Run: ``.venv/bin/python benchmarks/bench_suggest.py [--ks 1,3,5,10] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from unittest import mock

import attrs

from argmap import formats
from argmap.comparison import suggestions as suggest_module
from argmap.comparison.links import LinkKind, LinkSet, load_links
from argmap.model import ArgumentMap

__all__ = ["measure"]

ROOT = Path(__file__).resolve().parent.parent
LINKS = ROOT / "maps" / "links" / "beijing-2008--blank-2012.yaml"


def measure(
    a: ArgumentMap, b: ArgumentMap, links: LinkSet | None, gold: set[tuple[str, str]], k: int
) -> tuple[float, float]:
    """Precision and recall at ``k`` of the suggestions for ``a``'s linked propositions."""
    asked = {pair[0] for pair in gold}
    found = suggest_module.suggest(a, b, links, per_proposition=k, include_linked=True)
    hits = sum((s.a, s.b) in gold for s in found if s.a in asked)
    return hits / (k * len(asked)), hits / len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ks", default="1,3,5,10")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ks = [int(k) for k in args.ks.split(",")]

    links = load_links(LINKS)
    a, b = formats.load(links.map_path("a")), formats.load(links.map_path("b"))
    gold = {(lk.a, lk.b) for lk in links.of_kind(LinkKind.PROPOSITION)}
    aligned = attrs.evolve(links, links=links.of_kind(LinkKind.THEME) + links.of_kind(LinkKind.POLE))
    text_only = {"text": 1.0, "theme": 0.0, "pole": 0.0, "role": 0.0}
    print(
        f"{len(gold)} links from {len({g[0] for g in gold})} cable propositions; "
        f"{len(a)} x {len(b)} candidate pairs"
    )
    print(f"{'setting':<10}" + "".join(f"{f'P@{k}':>8}{f'R@{k}':>8}" for k in ks))
    for name, use, weights in (
        ("text", None, text_only),
        ("labels", None, dict(suggest_module.WEIGHTS)),
        ("aligned", aligned, dict(suggest_module.WEIGHTS)),
    ):
        with mock.patch.dict(suggest_module.WEIGHTS, weights):
            cells = [measure(a, b, use, gold, k) for k in ks]
        print(f"{name:<10}" + "".join(f"{p:>8.2f}{r:>8.2f}" for p, r in cells))
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        suggest_module.suggest(a, b, aligned)
        best = min(best, time.perf_counter() - start)
    print(f"one suggestion run ({len(a) * len(b)} pairs): {best * 1000:.1f} ms (best of {args.repeat})")


if __name__ == "__main__":
    main()
