"""Acceptance of every argument at once (``accepted_sets``) and bounded enumeration, against the reference.

``accepted_sets`` decides credulous and sceptical acceptance by a few solver calls per argument
instead of listing the extensions; these tests compare it, with both engines, with membership in
the extensions the reference library (``formal-argumentation``) computes, and pin the cases that
used to enumerate a million extensions.
"""

from __future__ import annotations

import random

import pytest
from argumentation.core.dung import complete_extensions as ref_complete
from argumentation.core.dung import preferred_extensions as ref_preferred
from argumentation.core.dung import stable_extensions as ref_stable

from argmap.af import Backend, Framework, Semantics, extensions, sceptical
from argmap.af.iccma import declared_limit, parse_iccma
from argmap.af.semantics import accepted_sets, count_extensions
from argmap.errors import ParseError
from tests.af.test_semantics import BACKENDS, CASES, random_framework, reference

_REFERENCE = {
    Semantics.COMPLETE: ref_complete,
    Semantics.PREFERRED: ref_preferred,
    Semantics.STABLE: ref_stable,
}


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda b: b.value)
@pytest.mark.parametrize("semantics", list(_REFERENCE), ids=lambda s: s.value)
def test_accepted_sets_agree_with_the_reference(backend: Backend, semantics: Semantics) -> None:
    rng = random.Random(11)
    for _ in range(CASES // 2):
        fw = random_framework(rng, 9)
        exts = [frozenset(e) for e in _REFERENCE[semantics](reference(fw))]
        got = accepted_sets(fw, semantics, backend=backend)
        if not exts:
            assert not got.exists and got.sceptical == frozenset(fw.arguments), fw
            continue
        assert got.exists
        assert got.credulous == frozenset().union(*exts), (fw, semantics)
        assert got.sceptical == frozenset.intersection(*exts), (fw, semantics)


def test_sceptical_preferred_counter_examples_are_preferred_extensions() -> None:
    rng = random.Random(5)
    for _ in range(CASES // 2):
        fw = random_framework(rng, 8)
        exts = [frozenset(e) for e in ref_preferred(reference(fw))]
        for arg in fw.arguments:
            answer = sceptical(fw, arg, Semantics.PREFERRED, backend=Backend.CLINGO)
            assert answer.accepted == all(arg in e for e in exts), (fw, arg)
            if not answer.accepted:
                assert answer.witness in exts and arg not in answer.witness


def _pairs(n: int) -> Framework:
    """``n`` independent mutual attacks: 2**n preferred and stable extensions."""
    args = [f"{side}{k}" for k in range(n) for side in "xy"]
    attacks = [(f"x{k}", f"y{k}") for k in range(n)] + [(f"y{k}", f"x{k}") for k in range(n)]
    return Framework(args, attacks)


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda b: b.value)
@pytest.mark.parametrize("semantics", [Semantics.PREFERRED, Semantics.STABLE], ids=lambda s: s.value)
def test_twenty_contradictions_decide_without_enumerating(backend: Backend, semantics: Semantics) -> None:
    """A million extensions: every argument credulous, none sceptical, by a few calls each."""
    fw = _pairs(20)
    got = accepted_sets(fw, semantics, backend=backend)
    assert got.exists and got.credulous == frozenset(fw.arguments) and not got.sceptical
    if backend is Backend.CLINGO:
        assert not sceptical(fw, "x3", semantics, backend=backend).accepted
        assert count_extensions(fw, semantics, 100, backend=backend) is None
        assert len(extensions(fw, semantics, backend=backend, limit=5)) == 5


def test_count_extensions_counts_up_to_the_limit() -> None:
    fw = _pairs(3)
    for backend in BACKENDS:
        assert count_extensions(fw, Semantics.PREFERRED, 8, backend=backend) == 8
        assert count_extensions(fw, Semantics.PREFERRED, 7, backend=backend) is None


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("p af 1000000\n", True),
        ("p af 1000001\n", False),
        ("p af 1000000000\n", False),
        ("p af 99999999999999999999999999\n", False),
    ],
)
def test_declared_framework_size_is_bounded_by_the_file(text: str, ok: bool) -> None:
    """A 16-byte file may not make argmap name a billion arguments (it would hang)."""
    assert declared_limit(text) == 1_000_000
    if ok:
        assert len(parse_iccma(text, "f.af").arguments) == 1_000_000
    else:
        with pytest.raises(ParseError, match="declares") as caught:
            parse_iccma(text, "f.af")
        assert caught.value.line == 1


def test_declared_limit_grows_with_the_file() -> None:
    assert declared_limit("x" * 100_000) == 1_600_000
    assert declared_limit("x" * 100_000_000) == 10_000_000
