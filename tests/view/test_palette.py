"""Colour semantics: every colour distinction a committed view relies on survives colour blindness.

Each committed view (the named views of the document maps and the example map, plain and with both
evaluation overlays) is built, and the colours it actually draws are grouped by the kind of mark:
relation lines, pole backgrounds, evaluation fills. Within a kind every pair of distinct colours,
and every evaluation fill against every pole background, stays at least ``THRESHOLD`` apart
(CIEDE2000) in normal vision and in deuteranopia and protanopia simulated with the Machado, Oliveira
and Fernandes (2009) matrices at full severity (ColorAide's ``machado`` filter).
"""

from __future__ import annotations

from functools import cache
from itertools import combinations

import pytest
from coloraide import Color

from argmap import formats
from argmap.evaluation import evaluate
from argmap.model.core import ArgumentMap, AttackKind
from argmap.view import View, make_view, overlays
from argmap.view import palette as st
from argmap.view.overlay import LABEL_COLOURS, STRENGTH_COLOURS
from argmap.view.presets import named_views
from tests.conftest import MAPS

#: Two colours closer than this (CIEDE2000) count as the same to a reader.
THRESHOLD = 10.0
MAP_NAMES = ("blank-2012-paradox", "beijing-2008-cable", "example-remote-work")


@cache
def _seen(hex_colour: str) -> tuple[Color, Color, Color]:
    colour = Color(hex_colour)
    return (
        colour,
        colour.filter("deutan", method="machado").convert("srgb"),
        colour.filter("protan", method="machado").convert("srgb"),
    )


def distance(a: str, b: str) -> float:
    """The smallest CIEDE2000 difference of ``a`` and ``b`` over normal, deutan and protan vision."""
    return min(x.delta_e(y, method="2000") for x, y in zip(_seen(a), _seen(b), strict=True))


@cache
def _map(name: str) -> ArgumentMap:
    return formats.load(MAPS / f"{name}.yaml")


def committed_views() -> list[tuple[str, View]]:
    out: list[tuple[str, View]] = []
    for name in MAP_NAMES:
        amap = _map(name)
        marks = {
            "": {},
            "label": overlays(evaluate(amap, "grounded"), "label"),
            "strength": overlays(evaluate(amap, "qe"), "strength"),
        }
        for preset in named_views(amap):
            for by, overlay in marks.items():
                out.append(
                    (f"{name}/{preset.name}/{by or 'plain'}", make_view(amap, preset.options, overlay))
                )
    return out


VIEWS = committed_views()


def _pairs_apart(colours: set[str]) -> list[tuple[str, str, float]]:
    return [(a, b, d) for a, b in combinations(sorted(colours), 2) if (d := distance(a, b)) < THRESHOLD]


@pytest.mark.parametrize(("name", "view"), VIEWS, ids=[name for name, _ in VIEWS])
def test_every_colour_distinction_survives_colour_blindness(name: str, view: View) -> None:
    relations = {st.RELATION_STYLES[e.relation].color for e in view.edges}
    # A pole's colour is its box's background, or (where poles are tints) the fill of its nodes.
    poles = {g.fill for g in view.groups if g.kind == "pole"} | {
        e.fill for e in view.legend if e.kind == "pole" and e.fill
    }
    fills = {n.overlay.fill for n in view.nodes if n.overlay is not None and n.overlay.fill}
    assert _pairs_apart(relations) == [], "relation colours"
    assert _pairs_apart(poles) == [], "pole backgrounds"
    assert _pairs_apart(fills) == [], "evaluation fills"
    close = [(f, p, distance(f, p)) for f in fills for p in poles if distance(f, p) < THRESHOLD]
    assert close == [], "an evaluation fill reads as a pole's colour"


def test_palettes_are_apart_in_full() -> None:
    """Beyond the committed views: all relation colours, pole colours and overlay fills are apart."""
    assert {k.value for k in AttackKind} | {"support"} == set(st.RELATION_STYLES)
    assert _pairs_apart({s.color for s in st.RELATION_STYLES.values()}) == []
    assert _pairs_apart({fill for fill, _ in st.POLE_FILLS}) == []
    assert _pairs_apart({border for _, border in st.POLE_FILLS}) == []
    assert _pairs_apart(set(LABEL_COLOURS.values())) == []
    assert _pairs_apart(set(STRENGTH_COLOURS)) == []
    for fill in {*LABEL_COLOURS.values(), *STRENGTH_COLOURS}:
        for pole_fill, _ in st.POLE_FILLS:
            assert distance(fill, pole_fill) >= THRESHOLD, (fill, pole_fill)


def test_relations_differ_in_grey() -> None:
    """Without colour every relation still differs from every other in line pattern or arrowhead."""
    shapes = [(s.style, s.arrow) for s in st.RELATION_STYLES.values()]
    assert len(set(shapes)) == len(shapes)
