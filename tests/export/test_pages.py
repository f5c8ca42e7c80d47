"""Tests of the paged full view: an index and a page per pole and theme, linked; big maps stay readable."""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from types import ModuleType

import pytest

from argmap import formats
from argmap.export.pages import pages
from argmap.model.core import ArgumentMap, Attack, Inference, Pole, Proposition, Role, Theme
from tests.conftest import MAPS, ROOT


@cache
def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_layout", ROOT / "benchmarks" / "bench_layout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_layout"] = module
    spec.loader.exec_module(module)
    return module


def big_map(themes: int = 5, claims: int = 10, evidence: int = 4) -> ArgumentMap:
    """A paradox map of about 500 propositions: two poles, every theme in both, cross-pole rebuttals.

    Each pole has a thesis; per theme a hub claim supporting it; per hub ``claims`` claims, each with
    ``evidence`` cited facts; every fifth claim's first fact rebuts a claim of the other pole.
    """
    props: list[Proposition] = []
    infs: list[Inference] = []
    attacks: list[Attack] = []
    for side in ("a", "b"):
        props.append(Proposition(f"{side}-thesis", f"Thesis of pole {side}.", Role.THESIS, pole=side))
        for t in range(themes):
            hub = f"{side}-t{t}"
            props.append(Proposition(hub, f"Hub {t} of pole {side}.", pole=side, theme=f"t{t}"))
            infs.append(Inference(f"i-{hub}", [hub], f"{side}-thesis"))
            for c in range(claims):
                claim = f"{hub}-c{c}"
                props.append(
                    Proposition(
                        claim, f"Claim {c} about theme {t} for pole {side}.", pole=side, theme=f"t{t}"
                    )
                )
                infs.append(Inference(f"i-{claim}", [claim], hub))
                for e in range(evidence):
                    fact = f"{claim}-e{e}"
                    props.append(
                        Proposition(
                            fact, f"Fact {e} behind claim {c}.", Role.EVIDENCE, pole=side, theme=f"t{t}"
                        )
                    )
                    infs.append(Inference(f"i-{fact}", [fact], claim))
                if c % 5 == 0:
                    other = "b" if side == "a" else "a"
                    attacks.append(Attack(f"r-{claim}", f"{claim}-e0", f"{other}-t{t}-c{c + 1}"))
    props.append(Proposition("expl", "Both hold at different levels.", Role.EXPLANATION))
    props.append(Proposition("verdict", "A tense partnership.", Role.VERDICT))
    infs.append(Inference("i-verdict", ["a-thesis", "b-thesis", "expl"], "verdict"))
    return ArgumentMap(
        "A big paradox",
        question="Partners or rivals?",
        poles=[Pole("a", "Pole A", "a-thesis"), Pole("b", "Pole B", "b-thesis")],
        themes=[Theme(f"t{t}", f"Theme {t}") for t in range(themes)],
        propositions=props,
        inferences=infs,
        attacks=attacks,
    )


def test_pages_cover_every_pole_and_theme_and_link_them() -> None:
    amap = formats.load(MAPS / "blank-2012-paradox.yaml")
    book = pages(amap, "blank")
    names = [page.name for page in book]
    assert names[0] == "overview"
    assert {f"pole-{p.id}" for p in amap.poles} | {f"theme-{t.id}" for t in amap.themes} == set(names[1:])
    index = book[0].dot
    for pole in amap.poles:
        assert f'URL="blank-pole-{pole.id}.svg"' in index
    # Every link names a page of the set, and no page links to itself.
    for page in book:
        targets = set(re.findall(r'URL="blank-([^"]+)\.svg"', page.dot))
        assert targets <= set(names) - {page.name}, page.name


@pytest.mark.needs_dot
def test_five_hundred_propositions_every_page_meets_the_targets() -> None:
    """At about 500 propositions each page keeps the layout targets of the committed views."""
    amap = big_map()
    assert len(amap.propositions) >= 500
    bench = _bench()
    book = pages(amap, "big")
    # Overview, two poles, and each of the five big themes split into one page per pole.
    assert [p.name for p in book][:3] == ["overview", "pole-a", "pole-b"] and len(book) == 13
    for page in book:
        quality = bench.measure(page.dot)
        assert quality.misses() == [], (page.name, quality)


def test_named_links_point_at_sibling_pictures() -> None:
    """A named view links its pole boxes and nodes to the files ``--view all`` writes beside it."""
    from argmap.export.pages import named_links
    from argmap.view.presets import named_view

    amap = formats.load(MAPS / "example-remote-work.yaml")
    overview = named_view(amap, "overview")
    links = named_links(amap, "m", "overview", overview.options)
    assert links["pole:gains"] == "m-pole-gains.svg"
    assert set(links.values()) <= {
        f"m-{v}.svg" for v in ("pole-gains", "pole-losses", "theme-focus", "theme-contact")
    }
    pole = named_view(amap, "pole:gains")
    assert "m-pole-gains.svg" not in named_links(amap, "m", "pole-gains", pole.options).values()
