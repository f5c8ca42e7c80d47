"""Tests of the map translation: standing, preferences, reported speech, rephrases, weights, grouping.

Worked examples 5 to 8 of ``docs/evaluation.md`` are read from the page itself (their YAML and
their tables), so the documentation cannot drift from what argmap computes.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import formats
from argmap.evaluation import GRADUAL_SEMANTICS, balance, evaluate
from argmap.evaluation.translate import flatten_groupings, strictly_preferred, to_framework, transparent
from argmap.model import MapBuilder
from argmap.model.core import ArgumentMap, Attack, Citation, Inference, Pole, Proposition
from tests.strategies import argument_maps

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
_SECTION = re.compile(r"^### Worked example (\d+):.*?(?=^##)", re.S | re.M)


def _examples() -> dict[int, str]:
    return {int(m.group(1)): m.group(0) for m in _SECTION.finditer(DOC)}


def _yaml_and_table(section: str) -> tuple[str, list[str], list[list[str]]]:
    text = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in rows[0].strip("|").split("|")]
    body = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[1:]]
    return text, header[1:], body


@pytest.mark.parametrize("number", [5, 6, 7, 8])
def test_worked_examples_in_the_docs(number: int) -> None:
    """Every value in the table of worked examples 5-8 is what argmap computes from their YAML."""
    text, semantics, rows = _yaml_and_table(_examples()[number])
    amap = formats.loads(text, "yaml")
    assert rows, "each example prints a table"
    for name in semantics:
        ev = evaluate(amap, name)
        for row in rows:
            node, want = row[0].strip("`"), row[1 + semantics.index(name)]
            got = ev.nodes[node]
            shown = got.label if got.label is not None else f"{got.strength:.3f}"
            assert shown == want, (number, name, node)


def test_worked_example_eight_margins() -> None:
    """Grouped and direct wiring give the margin the page prints; read as drawn it would flip."""
    text, _, _ = _yaml_and_table(_examples()[8])
    grouped = formats.loads(text, "yaml")
    assert transparent(grouped) == {"economy"}
    assert f"{balance(grouped, 'qe').margin:+.3f}" == "+0.096"
    assert "margin is +0.096 either way" in DOC and "margin would be −0.041" in DOC


# -- standing and assertion -----------------------------------------------------------------------


def _labels(amap: ArgumentMap, semantics: str = "grounded") -> dict[str, str | None]:
    return {n: r.label for n, r in evaluate(amap, semantics).nodes.items()}


def _base() -> MapBuilder:
    return (
        MapBuilder("t")
        .source("s", "Source")
        .claim("c", "Claim")
        .claim("p", "Premise")
        .claim("u", "Undercutter")
        .support("c", "p", id="i")
        .undercut("u", "i", id="x")
    )


@pytest.mark.parametrize(
    ("change", "label"),
    [
        ({}, "out"),  # nobody asserts c: it stands only by its support
        ({"cite": ("s", "¶1")}, "in"),  # its source asserts it
        ({"cite": ("s", "¶1"), "asserted": False}, "out"),  # cited but only mentioned
        ({"asserted": True}, "in"),  # uncited, but stated by the author
    ],
)
def test_asserted_claims_keep_their_standing(change: dict[str, object], label: str) -> None:
    """A claim its source asserts survives the undercut of its only support; one nobody asserts does not."""
    builder = MapBuilder("t").source("s", "Source").claim("c", "Claim", **change)
    amap = builder.claim("p", "Premise").claim("u", "U").support("c", "p", id="i").undercut("u", "i").build()
    assert _labels(amap)["c"] == label


def test_an_asserting_report_gives_standing_and_the_report_stands() -> None:
    amap = _base().attribute("Feng", "asserts", "c", id="r").rebut("u", "c", id="y").build()
    labels = _labels(amap)
    assert labels["r"] == "in"  # that Feng said it is a fact of the text
    assert labels["c"] == "out"  # what he said is rebutted


def test_questioning_never_defeats_and_qualifying_never_defeats() -> None:
    amap = _base().attribute("Chen", "questions", "p", id="r").qualify("u", "p").build()
    assert _labels(amap)["p"] == "in"
    assert evaluate(amap, "qe").strength("p") < 0.5  # but both weaken it


# -- preferences ----------------------------------------------------------------------------------


def test_preferences_are_closed_transitively_and_cycles_cancel() -> None:
    amap = (
        MapBuilder("t")
        .claim("a", "A")
        .claim("b", "B")
        .claim("c", "C")
        .prefer("a", "b")
        .prefer("b", "c")
        .prefer("c", "b")
        .build()
    )
    assert strictly_preferred(amap) == {("a", "b"), ("a", "c")}


def test_undercuts_succeed_whatever_the_preferences() -> None:
    amap = _base().prefer("i", "u").build()
    assert _labels(amap)["i"] == "out"


def test_a_preference_between_report_and_claim_decides_a_denial() -> None:
    amap = (
        MapBuilder("t")
        .claim("x", "X")
        .attribute("Feng", "asserts", "x", id="f")
        .attribute("Chen", "denies", "x", id="c")
        .prefer("c", "x")
        .build()
    )
    assert _labels(amap)["x"] == "out"
    assert ("~denies:c", "x") in to_framework(amap).attacks


# -- rephrases, hedges, weights -------------------------------------------------------------------


def test_rephrases_stand_or_fall_together() -> None:
    amap = (
        MapBuilder("t")
        .claim("a", "Trains are late")
        .claim("b", "Delays are common", rephrases=["a"])
        .claim("r", "Rebutter")
        .rebut("r", "b")
        .build()
    )
    assert _labels(amap) == {"a": "out", "b": "out", "r": "in"}
    strengths = evaluate(amap, "qe").nodes
    assert strengths["a"].strength == strengths["b"].strength


@pytest.mark.parametrize(
    ("hedge", "base"), [(None, 0.5), ("apparently", 0.35), ("perhaps ... explains", 0.25)]
)
def test_hedges_scale_the_base_score(hedge: str | None, base: float) -> None:
    amap = MapBuilder("t").source("s", "S").claim("a", "A", hedge=hedge, cite=("s", None)).build()
    assert math.isclose(evaluate(amap, "qe").strength("a"), base)


def test_attack_weight_scales_the_attack() -> None:
    def strength(weight: float | None) -> float:
        amap = MapBuilder("t").claim("a", "A").claim("b", "B").build()
        amap = attrs.evolve(amap, attacks=[attrs.evolve(_attack(), weight=weight)])
        return evaluate(amap, "df-quad").strength("b")

    assert math.isclose(strength(None), 0.25)  # 0.5 - 0.5 * 0.5
    assert math.isclose(strength(0.5), 0.375)  # the attacker counts as 0.25
    assert math.isclose(strength(0.0), 0.5)


def _attack() -> Attack:
    return Attack("x", "a", "b")


# -- grouping claims ------------------------------------------------------------------------------


@st.composite
def groupable(draw: st.DrawFn) -> tuple[ArgumentMap, ArgumentMap]:
    """A paradox map with new factors wired to one pole's thesis, and the same factors grouped.

    The factors are drawn from the map's own kinds (cited or not, hedged or not, with their
    own evidence or not); the grouping claim is an analyst's: uncited, unhedged, unattacked.
    """
    amap = draw(argument_maps())
    if not amap.poles:  # give a plain map two poles, so it has a balance
        theses = [Proposition(f"X-T{k}", f"Thesis {k}.", role="thesis", pole=f"X-P{k}") for k in (1, 2)]
        amap = attrs.evolve(
            amap,
            poles=[Pole(f"X-P{k}", f"Pole {k}", f"X-T{k}") for k in (1, 2)],
            propositions=(*amap.propositions, *theses),
        )
    pole = draw(st.sampled_from(amap.poles))
    assert pole.thesis is not None
    factors, direct, grouped = [], [], []
    for n in range(draw(st.integers(2, 4))):
        fid = f"X-F{n}"
        factors.append(
            Proposition(
                fid,
                f"Factor {n}.",
                pole=pole.id,
                citation=draw(st.none() | st.just(Citation(amap.sources[0].id))),
                hedge=draw(st.none() | st.sampled_from(["apparently", "perhaps"])),
                base_score=draw(st.none() | st.floats(0, 1)),
            )
        )
        confidence = draw(st.none() | st.floats(0, 1))
        direct.append(Inference(f"X-I{n}", (fid,), pole.thesis, confidence=confidence))
        grouped.append(Inference(f"X-I{n}", (fid,), "X-GROUP", confidence=confidence))
    group = Proposition("X-GROUP", "An analyst's grouping of factors.", pole=pole.id)
    joined = Inference("X-GROUPED", ("X-GROUP",), pole.thesis)
    plain = attrs.evolve(
        amap, propositions=(*amap.propositions, *factors), inferences=(*amap.inferences, *direct)
    )
    wired = attrs.evolve(
        amap,
        propositions=(*amap.propositions, *factors, group),
        inferences=(*amap.inferences, *grouped, joined),
    )
    return plain, wired


@settings(max_examples=40)
@given(groupable(), st.sampled_from([*GRADUAL_SEMANTICS, "grounded"]))
def test_balance_does_not_depend_on_grouping(maps: tuple[ArgumentMap, ArgumentMap], semantics: str) -> None:
    """Grouping factors under a claim nobody asserts leaves the margin and the theses as they were."""
    amap, grouped = maps
    assert "X-GROUP" in transparent(grouped)
    before, after = balance(amap, semantics), balance(grouped, semantics)
    assert (before.margin is None) == (after.margin is None)
    if before.margin is not None and after.margin is not None:
        assert math.isclose(before.margin, after.margin, abs_tol=1e-9)
    for a, b in zip(before.poles, after.poles, strict=True):
        assert a.strength is None or math.isclose(a.strength, b.strength or 0.0, abs_tol=1e-9)


def test_a_claim_the_text_asserts_is_not_read_through() -> None:
    text, _, _ = _yaml_and_table(_examples()[8])
    amap = formats.loads(text.replace("pole: near}", "pole: near, citation: {source: essay}}"), "yaml")
    assert transparent(amap) == frozenset()
    assert flatten_groupings(amap) is amap
