"""Tests of the frozen model: validation of values, equality, look-ups."""

from __future__ import annotations

import attrs
import pytest

from argmap.errors import Location
from argmap.model.core import ArgumentMap, Attack, AttackKind, Citation, Inference, Pole, Proposition, Role


def small_map() -> ArgumentMap:
    return ArgumentMap(
        "m",
        poles=[Pole("p", "P", "t")],
        propositions=[
            Proposition("t", "Thesis", role="thesis", pole="p"),
            Proposition("a", "A", pole="p"),
            Proposition("b", "B", role="evidence", citation=Citation("s", "¶1")),
            Proposition("c", "C"),
            Proposition("x", "X"),
        ],
        inferences=[Inference("i1", ["a", "b"], "t"), Inference("i2", ["c"], "t")],
        attacks=[Attack("k1", "x", "i2", kind="undercut"), Attack("k2", "x", "a")],
    )


@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (lambda: Proposition("bad id", "t"), "not a valid id"),
        (lambda: Proposition("-x", "t"), "not a valid id"),
        (lambda: Proposition("a", "t", role="opinion"), "opinion"),
        (lambda: Proposition("a", "t", base_score=1.5), "base_score"),
        (lambda: Inference("i", "abc", "c"), "single string"),
        (lambda: Attack("k", "a", "b", kind="support"), "support"),
        (lambda: Pole("p", 3), "must be <class 'str'>"),  # type: ignore[arg-type]
    ],
)
def test_invalid_values_are_rejected(factory: object, message: str) -> None:
    """Constructors reject malformed ids, roles, scores and kinds with a message naming the value."""
    with pytest.raises((ValueError, TypeError), match=message):
        factory()  # type: ignore[operator]


def test_instances_are_frozen() -> None:
    """Model values cannot be changed after construction."""
    prop = Proposition("a", "A")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        prop.text = "B"  # type: ignore[misc]


def test_locations_do_not_affect_equality() -> None:
    """Two propositions differing only in source position are equal and hash alike."""
    here = Proposition("a", "A", location=Location("f.yaml", 1, 1))
    there = Proposition(
        "a", "A", location=Location("g.yaml", 9, 3), field_locations={"id": Location(None, 1, 1)}
    )
    assert here == there
    assert hash(here) == hash(there)


def test_sequences_become_tuples() -> None:
    """Lists passed to constructors are stored as tuples, so maps stay immutable and hashable."""
    inf = Inference("i", ["a", "b"], "c")
    assert inf.premises == ("a", "b")
    assert isinstance(small_map().propositions, tuple)
    hash(small_map())


def test_lookups() -> None:
    """Supporters, attackers, inferences and neighbours come from the index in map order."""
    m = small_map()
    assert m.supporters("t") == ("a", "b", "c")
    assert [i.id for i in m.inferences_into("t")] == ["i1", "i2"]
    assert [i.id for i in m.inferences_from("a")] == ["i1"]
    assert m.attackers("a") == ("x",)
    assert m.attackers("i2") == ("x",)
    assert m.supported("c") == ("t",)
    assert set(m.neighbours("x")) == {"a", "t"}
    assert set(m.neighbours("t")) == {"a", "b", "c"}
    assert [p.id for p in m.factors("p")] == ["a"]
    assert [p.id for p in m.with_role(Role.EVIDENCE)] == ["b"]
    assert "a" in m and "zz" not in m
    assert m.get("i1") == m.inferences[0]
    assert m.get("k1") is not None and m.get("k1").kind is AttackKind.UNDERCUT  # type: ignore[union-attr]


def test_index_is_built_once() -> None:
    """The index is cached on the map rather than rebuilt on every look-up."""
    m = small_map()
    assert m.index is m.index


def test_unknown_references_do_not_break_lookups() -> None:
    """Look-ups on maps with dangling ids return empty results instead of raising."""
    m = ArgumentMap("m", inferences=[Inference("i", ["ghost"], "nowhere")])
    assert m.supporters("nowhere") == ("ghost",)
    assert m.neighbours("ghost") == ("nowhere",)
    assert m.factors("no-pole") == ()
