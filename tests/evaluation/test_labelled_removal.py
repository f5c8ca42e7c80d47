"""Grounded labels after removing one proposition, incrementally, against evaluating :func:`without`.

:class:`argmap.evaluation.labelled_removal.GroundedRemoval` labels again only what the removal
reaches; here every proposition of generated maps (cycles, undercuts, denials, grouping claims)
and of hand-made ones is removed both ways and the theses' values compared.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from argmap import formats
from argmap.evaluation import balance, evaluate, without
from argmap.evaluation.labelled_removal import GroundedRemoval
from argmap.model.core import ArgumentMap
from tests.conftest import MAPS
from tests.strategies import argument_maps


def _fresh(amap: ArgumentMap, node: str, semantics: str = "grounded") -> dict[str, float | None]:
    reduced = without(amap, node)
    result = evaluate(reduced, semantics)
    return {
        pole.id: result.strength(pole.thesis)
        if pole.thesis is not None and pole.thesis in result.nodes
        else None
        for pole in reduced.poles
    }


def _check_every_removal(amap: ArgumentMap) -> None:
    removal = GroundedRemoval(amap)
    for prop in amap.propositions:
        assert removal.theses_without(prop.id) == _fresh(amap, prop.id), prop.id
        reduced = without(amap, prop.id)
        result = evaluate(reduced, "grounded")
        expected = {p.id: result.nodes[p.id].label for p in reduced.propositions}
        assert {pid: label.value for pid, label in removal.labels_without(prop.id).items()} == expected


@given(amap=argument_maps(max_factors=4))
def test_incremental_labels_match_a_fresh_evaluation(amap: ArgumentMap) -> None:
    if GroundedRemoval.applies(amap):
        _check_every_removal(amap)


_CYCLES = """
argmap: 2
title: Rebuttals in a ring, a denial and a grouping claim
poles:
  - {id: a, label: A, thesis: ta}
  - {id: b, label: B, thesis: tb}
propositions:
  - {id: ta, role: thesis, poles: [a], text: Thesis A.}
  - {id: tb, role: thesis, poles: [b], text: Thesis B.}
  - {id: group, poles: [a], text: The grouped factors.}
  - {id: f1, poles: [a], text: Factor one., asserted: true}
  - {id: f2, poles: [a], text: Factor two., asserted: true}
  - {id: g1, poles: [b], text: Factor three., asserted: true}
  - {id: r1, text: Rebuttal one., asserted: true}
  - {id: r2, text: Rebuttal two., asserted: true}
  - {id: r3, text: Rebuttal three., asserted: true}
  - {id: s1, text: Odd ring one., asserted: true}
  - {id: s2, text: Odd ring two., asserted: true}
  - {id: s3, text: Odd ring three., asserted: true}
  - {id: g2, poles: [b], text: A factor the odd ring attacks.}
  - {id: e2, role: evidence, text: Evidence for that factor., asserted: true}
  - {id: lone, text: A claim with one support.}
  - {id: e1, role: evidence, text: Evidence for the lone claim., asserted: true}
inferences:
  - {id: i1, premises: [f1], conclusion: group}
  - {id: i2, premises: [f2], conclusion: group}
  - {id: i3, premises: [group], conclusion: ta}
  - {id: i4, premises: [g1, lone], conclusion: tb}
  - {id: i5, premises: [e1], conclusion: lone}
  - {id: i6, premises: [e2], conclusion: g2}
  - {id: i7, premises: [g2], conclusion: tb}
attacks:
  - {id: a1, from: r1, to: r2}
  - {id: a2, from: r2, to: r3}
  - {id: a3, from: r3, to: r1}
  - {id: a4, from: r1, to: tb}
  - {id: a5, from: g1, to: i3, kind: undercut}
  - {id: a6, from: e1, to: r3}
  - {id: a7, from: s1, to: s2}
  - {id: a8, from: s2, to: s3}
  - {id: a9, from: s3, to: s1}
  - {id: a10, from: s1, to: g2}
attributions:
  - {id: says, speaker: {name: Li}, act: denies, proposition: f2}
"""


@pytest.mark.parametrize("name", ["cycles", "blank-2012-paradox", "example-remote-work"])
def test_incremental_labels_on_fixed_maps(name: str) -> None:
    amap = formats.loads(_CYCLES, "yaml") if name == "cycles" else formats.load(MAPS / f"{name}.yaml")
    assert GroundedRemoval.applies(amap)
    _check_every_removal(amap)


def test_maps_with_preferences_or_rephrases_are_left_to_the_full_evaluation() -> None:
    """Removing a preferred statement can change defeats elsewhere: such maps are evaluated in full."""
    cable = formats.load(MAPS / "beijing-2008-cable.yaml")
    assert cable.preferences and not GroundedRemoval.applies(cable)
    plain = attrs.evolve(cable, preferences=())
    rephrased = any(p.rephrases for p in plain.propositions)
    assert GroundedRemoval.applies(plain) is not rephrased
    # Either way the balance is the one evaluating each reduced map gives.
    for semantics in ("grounded", "complete"):
        found = balance(cable, semantics)
        for factor in found.factors:
            after = _fresh(cable, factor.id, semantics)
            for pole in found.poles:
                if pole.strength is not None and after[pole.pole] is not None:
                    assert factor.deltas[pole.pole] == after[pole.pole] - pole.strength  # type: ignore[operator]
