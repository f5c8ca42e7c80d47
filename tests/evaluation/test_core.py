"""Tests of argmap.evaluate: the documented translation, worked examples, balance, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from argmap import formats
from argmap.af import grounded_extension, is_legal_labelling, labellings
from argmap.evaluation import GRADUAL_SEMANTICS, SEMANTICS, balance, evaluate, to_framework, without
from argmap.evaluation.emit import dumps_json, evaluation_report_markdown, format_evaluation_text
from argmap.model.core import ArgumentMap, Attack, Inference, Proposition
from argmap.view.overlay import overlays
from tests.strategies import argument_maps

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
DOCUMENT_MAPS = [ROOT / "maps" / "beijing-2008-cable.yaml", ROOT / "maps" / "blank-2012-paradox.yaml"]


def props(*ids: str) -> list[Proposition]:
    return [Proposition(i, f"claim {i}") for i in ids]


LINKED = ArgumentMap(
    title="linked",
    propositions=props("p", "q", "c", "r"),
    inferences=[Inference("i", ["p", "q"], "c")],
    attacks=[Attack("u", "r", "i", kind="undercut")],
)
CONVERGENT = ArgumentMap(
    title="convergent",
    propositions=props("p", "q", "c", "r"),
    inferences=[Inference("i1", ["p"], "c"), Inference("i2", ["q"], "c")],
    attacks=[Attack("x", "r", "p")],
)
MUTUAL = ArgumentMap(
    title="mutual",
    propositions=props("a", "b"),
    attacks=[Attack("x", "a", "b"), Attack("y", "b", "a")],
)


def values(amap: ArgumentMap, semantics: str) -> dict[str, object]:
    ev = evaluate(amap, semantics)
    return {n: (r.label if r.label is not None else round(r.strength, 4)) for n, r in ev.nodes.items()}


@pytest.mark.parametrize(
    ("amap", "semantics", "expected", "doc_row"),
    [
        # Worked example 1.
        (
            LINKED,
            "grounded",
            {"p": "in", "q": "in", "r": "in", "i": "out", "c": "out"},
            "| `c` | out | 0.625 |",
        ),
        (LINKED, "df-quad", {"p": 0.5, "q": 0.5, "r": 0.5, "i": 0.25, "c": 0.625}, "| `i` | out | 0.250 |"),
        # Worked example 2.
        (
            CONVERGENT,
            "grounded",
            {"p": "out", "q": "in", "r": "in", "i1": "out", "i2": "in", "c": "in"},
            "| `c` | in | 0.8125 |",
        ),
        (
            CONVERGENT,
            "df-quad",
            {"p": 0.25, "q": 0.5, "r": 0.5, "i1": 0.25, "i2": 0.5, "c": 0.8125},
            "| `p` | out | 0.250 |",
        ),
        # Worked example 3.
        (MUTUAL, "grounded", {"a": "undec", "b": "undec"}, "Grounded leaves both `undec`"),
        (MUTUAL, "preferred", {"a": "credulous", "b": "credulous"}, "so both are `credulous`"),
        (MUTUAL, "stable", {"a": "credulous", "b": "credulous"}, "two preferred (and\nstable) extensions"),
        (MUTUAL, "df-quad", {"a": 0.3333, "b": 0.3333}, "at 1/3 = 0.333 each"),
    ],
)
def test_worked_examples(
    amap: ArgumentMap, semantics: str, expected: dict[str, object], doc_row: str
) -> None:
    """Each worked example of docs/evaluation.md gives the values the page prints."""
    assert values(amap, semantics) == expected
    assert doc_row in DOC


def test_worked_example_four_remote_work_balance() -> None:
    """The example map's balance under DF-QuAD matches worked example 4."""
    amap = formats.load(ROOT / "maps" / "example-remote-work.yaml")
    result = balance(amap, "df-quad")
    strengths = {p.pole: round(p.strength or 0.0, 3) for p in result.poles}
    assert strengths == {"gains": 0.906, "losses": 0.625}
    assert round(result.margin or 0.0, 3) == 0.281
    top = result.factors[0]
    assert (top.id, round(top.shift, 3)) == ("async-habits", -0.344)
    ticket = next(f for f in result.factors if f.id == "ticket-mix")
    assert round(ticket.shift, 3) == 0.156
    for text in (
        "| Productivity gains | `gains-thesis` | 0.906 |",
        "Margin +0.281",
        "shift −0.344",
        "shift +0.156",
    ):
        assert text in DOC


def test_undercut_only_blocks_its_inference() -> None:
    """An accepted undercut defeats the inference but leaves its premises standing."""
    ev = evaluate(LINKED, "preferred")
    assert ev.nodes["p"].label == "sceptical" and ev.nodes["i"].label == "rejected"


def test_linked_inference_fails_when_one_premise_is_rebutted() -> None:
    """A linked inference does not apply once any single premise is rebutted."""
    amap = ArgumentMap(
        title="t",
        propositions=props("p", "q", "c", "r"),
        inferences=[Inference("i", ["p", "q"], "c")],
        attacks=[Attack("x", "r", "q")],
    )
    assert values(amap, "grounded") == {"p": "in", "q": "out", "r": "in", "i": "out", "c": "out"}


def test_contradicts_is_a_mutual_rebuttal() -> None:
    """Two propositions that contradict each other behave like a rebuttal cycle."""
    amap = ArgumentMap(
        title="t", propositions=[Proposition("a", "a", contradicts=["b"]), Proposition("b", "b")]
    )
    assert values(amap, "grounded") == {"a": "undec", "b": "undec"}


def test_support_cycle_with_self_defeat_has_no_stable_extension() -> None:
    """A claim that supports its own rebutter defeats itself: no stable extension, nothing accepted."""
    amap = ArgumentMap(
        title="t",
        propositions=props("p", "q"),
        inferences=[Inference("i", ["p"], "q")],
        attacks=[Attack("x", "q", "p")],
    )
    ev = evaluate(amap, "stable")
    assert ev.extensions == 0 and ev.nodes["p"].label == "no-extension"
    assert values(amap, "grounded")["p"] == "undec"


def test_dangling_references_are_ignored() -> None:
    """Inferences and attacks naming unknown ids are left out instead of failing."""
    amap = ArgumentMap(
        title="t",
        propositions=props("a"),
        inferences=[Inference("i", ["ghost"], "a")],
        attacks=[Attack("x", "ghost", "a"), Attack("y", "a", "nowhere")],
    )
    assert values(amap, "grounded") == {"a": "in"}


def test_without_removes_factor_inferences_and_attacks() -> None:
    """Removing a proposition drops its inferences and attacks and leaves the input map unchanged."""
    smaller = without(LINKED, "p")
    assert [p.id for p in smaller.propositions] == ["q", "c", "r"]
    assert smaller.inferences == () and smaller.attacks == ()
    assert len(LINKED.propositions) == 4


def test_unknown_semantics_is_rejected() -> None:
    """An unknown semantics name is a ValueError listing the valid ones."""
    with pytest.raises(ValueError, match="df-quad"):
        evaluate(LINKED, "nope")


@settings(max_examples=20)
@given(argument_maps())
def test_every_map_translates_to_legal_labellings(amap: ArgumentMap) -> None:
    """For any map, the framework's preferred labellings are legal and contain the grounded extension."""
    fw = to_framework(amap)
    grounded = grounded_extension(fw)
    for lab in labellings(fw, "preferred"):
        assert is_legal_labelling(fw, lab)
        assert grounded <= lab.inside


@settings(max_examples=20)
@given(argument_maps())
def test_gradual_strengths_of_any_map_lie_in_unit_interval(amap: ArgumentMap) -> None:
    """Every gradual semantics gives every node a strength in [0, 1]."""
    for semantics in GRADUAL_SEMANTICS:
        ev = evaluate(amap, semantics)
        assert all(0.0 <= r.strength <= 1.0 for r in ev.nodes.values())


@pytest.mark.parametrize("path", DOCUMENT_MAPS, ids=lambda p: p.stem)
def test_document_maps_evaluate_under_every_semantics(path: Path) -> None:
    """Both document maps evaluate under every semantics, with a margin and ranked factors."""
    amap = formats.load(path)
    for semantics in SEMANTICS:
        result = balance(amap, semantics) if semantics in ("grounded", "df-quad") else None
        ev = evaluate(amap, semantics)
        assert ev.converged
        assert set(ev.nodes) >= {p.id for p in amap.propositions}
        if result is not None:
            assert result.margin is not None
            shifts = [abs(f.shift) for f in result.factors]
            assert shifts == sorted(shifts, reverse=True)
            assert len(result.factors) == sum(len(amap.factors(p.id)) for p in amap.poles)


def test_reports_render() -> None:
    """Text, JSON and Markdown reports name the poles, the margin and every proposition."""
    amap = formats.load(ROOT / "maps" / "example-remote-work.yaml")
    result = balance(amap, "qe")
    text = format_evaluation_text(amap, result)
    assert "Productivity gains" in text and "margin" in text and "ticket-mix" in text
    data = json.loads(dumps_json(amap, result))
    assert data["semantics"] == "qe" and {p["pole"] for p in data["poles"]} == {"gains", "losses"}
    md = evaluation_report_markdown(amap)
    assert md.startswith("# Evaluation: Remote work")
    assert all(f"`{p.id}`" in md for p in amap.propositions)


def test_overlays_colour_by_label_and_strength() -> None:
    """Overlays give every node a fill and a badge: the label, or the strength to two decimals."""
    by_label = overlays(evaluate(LINKED, "grounded"), "label")
    assert by_label["c"].badge == "OUT" and by_label["p"].fill != by_label["c"].fill
    by_strength = overlays(evaluate(LINKED, "df-quad"), "strength")
    assert by_strength["c"].badge == "0.62" or by_strength["c"].badge == "0.63"
    with pytest.raises(ValueError, match="label"):
        overlays(evaluate(LINKED, "df-quad"), "size")
