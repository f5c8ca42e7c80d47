"""Tests of the builder and of the pure map-deriving functions."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap.model.core import Attack, AttackKind, Proposition, Role
from argmap.model.edit import MapBuilder, add, remove, replace
from tests.strategies import argument_maps


def builder_map() -> MapBuilder:
    return (
        MapBuilder("Tea or coffee?", question="Which should I drink?")
        .source("diary", "My diary", author="me", date="2024")
        .pole("tea", "Tea", thesis_text="Tea is better")
        .pole("coffee", "Coffee", thesis_text="Coffee is better")
        .theme("sleep", "Sleep")
        .claim("calm", "Tea keeps me calm", pole="tea", theme="sleep", cite=("diary", "p. 3", "calm all day"))
        .claim("awake", "Coffee keeps me up", pole="coffee", theme="sleep")
        .support("tea-thesis", "calm")
        .support("coffee-thesis", "awake", id="i-awake")
        .undercut("calm", "i-awake", label="but not at night")
        .explanation("both", "They serve different hours")
        .verdict("v", "Tea after noon")
        .support("v", "tea-thesis", "coffee-thesis", "both")
    )


def test_builder_makes_the_expected_map() -> None:
    """The builder wires poles, theses, citations, inferences and attacks by id."""
    m = builder_map().build()
    assert [p.id for p in m.poles] == ["tea", "coffee"]
    assert m.proposition("tea-thesis").role is Role.THESIS
    assert m.proposition("calm").citation is not None
    assert m.supporters("v") == ("tea-thesis", "coffee-thesis", "both")
    assert m.attacks == (Attack("att1", "calm", "i-awake", AttackKind.UNDERCUT, label="but not at night"),)
    assert m.inferences[0].id == "inf1"


def test_builder_can_build_twice() -> None:
    """Building does not consume the builder; each build is an equal, independent value."""
    b = builder_map()
    assert b.build() == b.build()


def test_add_returns_a_new_map() -> None:
    """add appends parts to a copy and leaves the original untouched."""
    m = builder_map().build()
    extra = Proposition("extra", "Extra")
    m2 = add(m, extra)
    assert "extra" in m2 and "extra" not in m
    assert len(m2.propositions) == len(m.propositions) + 1


def test_replace_by_id() -> None:
    """replace swaps the part with the same id, and refuses unknown ids."""
    m = builder_map().build()
    m2 = replace(m, Proposition("calm", "Tea calms me", pole="tea"))
    assert m2.proposition("calm").text == "Tea calms me"
    assert m.proposition("calm").text == "Tea keeps me calm"
    with pytest.raises(KeyError):
        replace(m, Proposition("nope", "x"))


def test_remove_leaves_nothing_dangling() -> None:
    """Removing a premise drops it from inferences, and attacks on removed inferences go too."""
    m = builder_map().build()
    m2 = remove(m, "awake")
    assert "awake" not in m2
    assert all(i.id != "i-awake" for i in m2.inferences)
    assert m2.attacks == ()  # the undercut targeted i-awake
    m3 = remove(m, "tea-thesis")
    assert m3.index.poles["tea"].thesis is None
    assert m3.supporters("v") == ("coffee-thesis", "both")


@given(argument_maps())
def test_remove_never_leaves_unknown_references(amap: object) -> None:
    """After removing any one proposition every reference still resolves."""
    from argmap.model.core import ArgumentMap

    assert isinstance(amap, ArgumentMap)
    for prop in amap.propositions[:3]:
        smaller = remove(amap, prop.id)
        known = set(smaller.index.propositions)
        inferences = set(smaller.index.inferences)
        for inf in smaller.inferences:
            assert set(inf.premises) <= known and inf.conclusion in known
        for att in smaller.attacks:
            assert att.attacker in known and att.target in known | inferences
