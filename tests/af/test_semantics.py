"""Tests of argmap.af: Dung semantics against the reference library, literature cases, properties."""

from __future__ import annotations

import os
import random

import pytest
from argumentation.core.dung import ArgumentationFramework
from argumentation.core.dung import complete_extensions as ref_complete
from argumentation.core.dung import grounded_extension as ref_grounded
from argumentation.core.dung import preferred_extensions as ref_preferred
from argumentation.core.dung import stable_extensions as ref_stable
from hypothesis import given
from hypothesis import strategies as st

from argmap._graph import compressed_rows
from argmap.af import (
    Backend,
    Framework,
    Label,
    Labelling,
    Semantics,
    SolverUnavailableError,
    credulous,
    extensions,
    grounded_extension,
    grounded_labelling,
    is_legal_labelling,
    labelling_of,
    labellings,
    preferred_extensions,
    sceptical,
    solvers,
    some_extension,
    stable_extensions,
)

#: Random frameworks per differential run; raise it (e.g. 5000) for a thorough run.
CASES = int(os.environ.get("ARGMAP_DIFF_CASES", "300"))
BACKENDS = [Backend.CLINGO, Backend.PYTHON]


def random_framework(rng: random.Random, max_args: int = 10) -> Framework:
    n = rng.randint(0, max_args)
    m = rng.randint(0, 3 * n) if n else 0
    attacks = [(str(rng.randint(1, n)), str(rng.randint(1, n))) for _ in range(m)]
    return Framework([str(i) for i in range(1, n + 1)], attacks)


def reference(fw: Framework) -> ArgumentationFramework:
    return ArgumentationFramework(arguments=frozenset(fw.arguments), defeats=frozenset(fw.attacks))


@st.composite
def frameworks(draw: st.DrawFn, max_args: int = 9) -> Framework:
    n = draw(st.integers(0, max_args))
    names = [f"a{i}" for i in range(n)]
    if not names:
        return Framework([], [])
    attacks = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=3 * n))
    return Framework(names, attacks)


# -- differential ---------------------------------------------------------------------------------


def test_agrees_with_reference_on_random_frameworks() -> None:
    """Both engines give the reference library's grounded, complete, preferred and stable extensions."""
    rng = random.Random(20240601)
    for _ in range(CASES):
        fw = random_framework(rng)
        ref = reference(fw)
        assert grounded_extension(fw) == ref_grounded(ref)
        expected = {
            Semantics.COMPLETE: sorted(map(sorted, ref_complete(ref))),
            Semantics.PREFERRED: sorted(map(sorted, ref_preferred(ref))),
            Semantics.STABLE: sorted(map(sorted, ref_stable(ref))),
        }
        for backend in BACKENDS:
            for sem, exts in expected.items():
                assert sorted(map(sorted, extensions(fw, sem, backend=backend))) == exts, (fw, sem, backend)


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda b: b.value)
def test_acceptance_matches_extensions_on_random_frameworks(backend: Backend) -> None:
    """Credulous/sceptical answers agree with membership in the reference's extensions, witnesses included."""
    rng = random.Random(7)
    refs = {
        Semantics.PREFERRED: ref_preferred,
        Semantics.STABLE: ref_stable,
        Semantics.COMPLETE: ref_complete,
    }
    for _ in range(CASES // 3):
        fw = random_framework(rng, 8)
        if not fw.arguments:
            continue
        arg = rng.choice(fw.arguments)
        for sem, ref_fn in refs.items():
            exts = ref_fn(reference(fw))
            cred = credulous(fw, arg, sem, backend=backend)
            assert cred.accepted == any(arg in e for e in exts)
            if cred.accepted:
                assert cred.witness in exts and arg in cred.witness
            scep = sceptical(fw, arg, sem, backend=backend)
            assert scep.accepted == all(arg in e for e in exts)
            if not scep.accepted:
                assert scep.witness in exts and arg not in scep.witness


# -- literature cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS, ids=lambda b: b.value)
@pytest.mark.parametrize(
    ("arguments", "attacks", "semantics", "expected"),
    [
        # Dung 1995: a reinstatement chain a -> b -> c.
        ("abc", [("a", "b"), ("b", "c")], Semantics.GROUNDED, [{"a", "c"}]),
        ("abc", [("a", "b"), ("b", "c")], Semantics.PREFERRED, [{"a", "c"}]),
        # A 2-cycle: grounded empty, two preferred and stable extensions.
        ("ab", [("a", "b"), ("b", "a")], Semantics.GROUNDED, [set()]),
        ("ab", [("a", "b"), ("b", "a")], Semantics.PREFERRED, [{"a"}, {"b"}]),
        ("ab", [("a", "b"), ("b", "a")], Semantics.STABLE, [{"a"}, {"b"}]),
        ("ab", [("a", "b"), ("b", "a")], Semantics.COMPLETE, [set(), {"a"}, {"b"}]),
        # Odd cycles: no stable extension, the empty set is the only preferred one.
        ("abc", [("a", "b"), ("b", "c"), ("c", "a")], Semantics.STABLE, []),
        ("abc", [("a", "b"), ("b", "c"), ("c", "a")], Semantics.PREFERRED, [set()]),
        ("abcde", [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a")], Semantics.STABLE, []),
        # A self-attacker is never accepted; it does not stop what it attacks from being defended.
        ("a", [("a", "a")], Semantics.STABLE, []),
        ("a", [("a", "a")], Semantics.PREFERRED, [set()]),
        ("ab", [("a", "a"), ("a", "b")], Semantics.GROUNDED, [set()]),
        ("abc", [("a", "a"), ("a", "b"), ("c", "a")], Semantics.STABLE, [{"b", "c"}]),
        # Floating reinstatement (Prakken and Vreeswijk): d is sceptically preferred but not grounded.
        (
            "abcd",
            [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")],
            Semantics.PREFERRED,
            [{"a", "d"}, {"b", "d"}],
        ),
        ("", [], Semantics.PREFERRED, [set()]),
    ],
)
def test_literature_cases(
    backend: Backend,
    arguments: str,
    attacks: list[tuple[str, str]],
    semantics: Semantics,
    expected: list[set[str]],
) -> None:
    """Hand-checked frameworks give the extensions the literature gives."""
    fw = Framework(list(arguments), attacks)
    found = extensions(fw, semantics, backend=backend)
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))


def test_grounded_labelling_of_a_chain_and_a_cycle() -> None:
    """The grounded labelling labels a chain IN/OUT alternately and leaves an odd cycle UNDEC."""
    fw = Framework(
        ["a", "b", "c", "x", "y", "z"], [("a", "b"), ("b", "c"), ("x", "y"), ("y", "z"), ("z", "x")]
    )
    lab = grounded_labelling(fw)
    assert [lab.label(a) for a in "abc"] == [Label.IN, Label.OUT, Label.IN]
    assert lab.undecided == {"x", "y", "z"}


def _large(shape: str, n: int = 5000) -> Framework:
    """Frameworks above the size where grounded goes by vectorised rounds (seeded)."""
    rng = random.Random(n)
    if shape == "random":
        pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(3 * n)]
    elif shape == "sparse":  # many unattacked arguments, long-ish paths
        pairs = [(rng.randrange(n), rng.randrange(n)) for _ in range(n)]
    elif shape == "chain":  # one round per link: the worklist must take over
        pairs = [(i, i + 1) for i in range(n - 1)]
    elif shape == "chain-then-fan":  # small rounds, then the worklist meets a wide level
        pairs = [(i, i + 1) for i in range(200)] + [(200, j) for j in range(201, n)]
        pairs += [(j, (j + 1) % n) for j in range(201, n, 3)]
    elif shape == "cycles":  # odd cycles under unattacked attackers, self-attacks
        pairs = [(i, i + 1 - 3 * (i % 3 == 2)) for i in range(n - n % 3)] + [(7, 7), (n - 1, 5)]
    else:
        pairs = []
    # Repeated attacks go through from_columns' repeat handling too.
    pairs += pairs[: len(pairs) // 10]
    return Framework.from_columns(n, [a for a, _ in pairs], [b for _, b in pairs])


@pytest.mark.parametrize("shape", ["random", "sparse", "chain", "chain-then-fan", "cycles", "none"])
def test_grounded_of_large_frameworks_agrees_with_reference(shape: str) -> None:
    """Large frameworks (vectorised rounds, then the worklist) give the reference grounded extension."""
    fw = _large(shape)
    expected = ref_grounded(reference(fw))
    assert grounded_extension(fw) == expected
    lab = grounded_labelling(fw)
    assert lab.inside == expected and is_legal_labelling(fw, lab)


def test_sceptical_stable_is_vacuously_yes_without_stable_extensions() -> None:
    """With no stable extension every argument is sceptically stable-accepted and none credulously."""
    fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert sceptical(fw, "a", "stable").accepted
    assert not credulous(fw, "a", "stable").accepted
    assert some_extension(fw, "stable") is None


def test_grounded_in_argument_is_not_credulously_stable_without_stable_extensions() -> None:
    """An unattacked argument beside an odd cycle is grounded IN yet in no stable extension (none exist)."""
    fw = Framework(["u", "a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert credulous(fw, "u", "grounded").accepted
    assert credulous(fw, "u", "preferred").accepted
    assert not credulous(fw, "u", "stable").accepted


def test_unknown_argument_in_attack_is_rejected() -> None:
    """A framework whose attack names an undeclared argument cannot be built."""
    with pytest.raises(ValueError, match="undeclared"):
        Framework(["a"], [("a", "b")])


def test_acceptance_of_unknown_argument_raises() -> None:
    """Asking about an argument the framework lacks is a KeyError, not a silent NO."""
    with pytest.raises(KeyError):
        credulous(Framework(["a"], []), "b", "preferred")


def test_python_engine_refuses_large_cores() -> None:
    """The fallback engine refuses an undecided core above its limit instead of running for ages."""
    n = solvers.FALLBACK_LIMIT + 2
    names = [str(i) for i in range(n)]
    fw = Framework(names, [(names[i], names[(i + 1) % n]) for i in range(n)])
    with pytest.raises(SolverUnavailableError, match="undecided"):
        preferred_extensions(fw, backend=Backend.PYTHON)


def test_auto_backend_falls_back_to_python_without_clingo(monkeypatch: pytest.MonkeyPatch) -> None:
    """When clingo cannot be imported, AUTO picks the Python engine and CLINGO is an error."""
    monkeypatch.setattr(solvers, "clingo_available", lambda: False)
    assert solvers.resolve_backend(Backend.AUTO) is Backend.PYTHON
    with pytest.raises(SolverUnavailableError):
        solvers.resolve_backend(Backend.CLINGO)
    fw = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    assert sorted(map(sorted, preferred_extensions(fw))) == [["a"], ["b"]]


def test_from_indices_equals_named_construction() -> None:
    """The integer fast path builds the same framework and tables as the general constructor."""
    fast = Framework.from_indices(3, [(1, 2), (2, 3), (1, 2)])
    slow = Framework(["1", "2", "3"], [("1", "2"), ("2", "3")])
    assert fast == slow
    assert fast.attackers == slow.attackers and fast.targets == slow.targets
    with pytest.raises(ValueError, match="outside"):
        Framework.from_indices(2, [(1, 3)])


@pytest.mark.parametrize(
    ("n", "sources", "sinks", "attacks"),
    [
        (3, [0, 1, 0], [1, 2, 1], (("1", "2"), ("2", "3"))),
        (2, [1, 0], [0, 1], (("2", "1"), ("1", "2"))),
        (1, [0, 0], [0, 0], (("1", "1"),)),
        (4, [], [], ()),
    ],
)
def test_from_columns_drops_repeats_and_keeps_order(
    n: int, sources: list[int], sinks: list[int], attacks: tuple[tuple[str, str], ...]
) -> None:
    """0-based columns give the attacks in input order, first occurrence kept, inputs untouched."""
    before = (list(sources), list(sinks))
    fw = Framework.from_columns(n, sources, sinks)
    assert fw.attacks == attacks
    assert fw == Framework([str(i) for i in range(1, n + 1)], attacks)
    assert (sources, sinks) == before


@pytest.mark.parametrize(
    ("n", "sources", "sinks"), [(2, [0], [2]), (2, [-1], [0]), (2, [0, 1], [1]), (2, [2], [0])]
)
def test_from_columns_rejects_bad_columns(n: int, sources: list[int], sinks: list[int]) -> None:
    """Indices outside 0..n-1 (also ones whose code collides with a valid edge) and ragged columns fail."""
    with pytest.raises(ValueError):
        Framework.from_columns(n, sources, sinks)


def test_from_columns_out_of_range_code_collision() -> None:
    """An out-of-range edge sharing its integer code with an earlier valid one is still an error."""
    with pytest.raises(ValueError, match="outside"):
        Framework.from_columns(2, [1, 0], [0, 2])


@given(frameworks())
def test_framework_pickles_and_equals_rebuilt(fw: Framework) -> None:
    """A framework survives pickling with equal attacks and tables, and hashes like its rebuild."""
    import pickle

    back = pickle.loads(pickle.dumps(fw))
    assert back == fw and hash(back) == hash(fw)
    assert back.attackers == fw.attackers and back.targets == fw.targets
    rebuilt = Framework(fw.arguments, fw.attacks)
    assert rebuilt == fw and rebuilt.index == fw.index


@given(frameworks())
def test_array_tables_agree_with_the_tuples(fw: Framework) -> None:
    """The numpy tables hold the tuple tables' rows (sorted), counts and columns, read-only."""
    starts, flat = fw.target_arrays
    rows = [sorted(row) for row in fw.targets]
    assert [flat[starts[i] : starts[i + 1]].tolist() for i in range(len(fw))] == rows
    # The tuple rows keep attack order.
    by_attacker: list[list[int]] = [[] for _ in range(len(fw))]
    for a, b in zip(fw.sources, fw.sinks, strict=True):
        by_attacker[a].append(b)
    assert [list(row) for row in fw.targets] == by_attacker
    assert fw.attacker_count_array.tolist() == list(fw.attacker_counts)
    assert [column.tolist() for column in fw.columns] == [list(fw.sources), list(fw.sinks)]
    assert not any(a.flags.writeable for a in (starts, flat, fw.attacker_count_array, *fw.columns))
    # from_columns seeds the arrays it computed; they equal the ones derived afresh.
    seeded = Framework.from_columns(len(fw), fw.sources, fw.sinks)
    assert [a.tolist() for a in seeded.target_arrays] == [starts.tolist(), flat.tolist()]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["3", "1", "2"], ["1", "2", "3"]),
        (iter(["5", "4"]), ["4", "5"]),
        (frozenset(), []),
        (["2", "2"], ["2", "2"]),
        (["01"], KeyError),
        (["0"], KeyError),
        (["6"], KeyError),
        (["x", "1"], KeyError),
        (["1", " 1"], KeyError),
    ],
)
def test_sorted_names_of_a_numbered_framework(names: list[str], expected: list[str] | type) -> None:
    """Numbered frameworks sort by number; a name that is not an argument is a KeyError as always."""
    fw = Framework.from_columns(5, [0, 1], [1, 2])
    assert fw.numbered and fw.index  # the index only for the KeyError path's comparison
    if expected is KeyError:
        with pytest.raises(KeyError):
            fw.sorted_names(names)
    else:
        assert fw.sorted_names(names) == expected


def test_numbered_is_the_names_not_the_constructor() -> None:
    """``numbered`` holds for "1".."n" in order however built, and for nothing else."""
    assert Framework(["1", "2"], []).numbered
    assert not Framework(["2", "1"], []).numbered and not Framework(["a"], []).numbered
    assert Framework.from_indices(3, [(1, 2)]).numbered and Framework([], []).numbered


# -- properties -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "keys", "values", "starts", "flat"),
    [
        (0, [], [], (0,), ()),
        (3, [], [], (0, 0, 0, 0), ()),
        (3, [2, 0, 2, 1], [0, 1, 2, 2], (0, 1, 2, 4), (1, 2, 0, 2)),
        (2, [1, 1, 1], [1, 0, 1], (0, 0, 3), (1, 0, 1)),
    ],
)
def test_compressed_rows_group_values_by_key_in_input_order(
    n: int, keys: list[int], values: list[int], starts: tuple[int, ...], flat: tuple[int, ...]
) -> None:
    """Row i of the compressed rows holds the values of key i in input order; inputs stay as given."""
    before = (list(keys), list(values))
    assert compressed_rows(n, keys, values) == (starts, flat)
    assert (keys, values) == before


@given(frameworks())
def test_flat_tables_agree_with_per_argument_tables(fw: Framework) -> None:
    """Target rows and attacker counts describe the same relation as ``targets`` and ``attackers``."""
    starts, flat = fw.target_rows
    assert len(starts) == len(fw) + 1
    assert tuple(flat[starts[i] : starts[i + 1]] for i in range(len(fw))) == fw.targets
    assert fw.attacker_counts == tuple(map(len, fw.attackers))
    assert sorted((a, b) for a, column in enumerate(fw.targets) for b in column) == sorted(
        (a, b) for b, column in enumerate(fw.attackers) for a in column
    )
    assert sorted(zip(fw.sources, fw.sinks, strict=True)) == sorted(
        (a, b) for a, column in enumerate(fw.targets) for b in column
    )


@given(frameworks())
def test_grounded_is_contained_in_every_preferred(fw: Framework) -> None:
    """The grounded extension is a subset of every preferred extension."""
    grounded = grounded_extension(fw)
    for ext in preferred_extensions(fw):
        assert grounded <= ext


@given(frameworks())
def test_every_stable_is_preferred(fw: Framework) -> None:
    """Every stable extension is also a preferred extension."""
    preferred = set(preferred_extensions(fw))
    for ext in stable_extensions(fw):
        assert ext in preferred


@given(frameworks(), st.sampled_from(list(Semantics)))
def test_every_labelling_is_legal(fw: Framework, semantics: Semantics) -> None:
    """Every labelling of every semantics is a legal (complete) labelling; stable ones have no UNDEC."""
    for lab in labellings(fw, semantics):
        assert is_legal_labelling(fw, lab)
        if semantics is Semantics.STABLE:
            assert not lab.undecided
    assert is_legal_labelling(fw, grounded_labelling(fw))


@given(frameworks(max_args=7))
def test_engines_agree(fw: Framework) -> None:
    """The clingo and Python engines give the same extensions."""
    for sem in (Semantics.COMPLETE, Semantics.PREFERRED, Semantics.STABLE):
        assert extensions(fw, sem, backend="clingo") == extensions(fw, sem, backend="python")


def test_illegal_labellings_are_detected() -> None:
    """A labelling that puts an attacked argument IN next to its IN attacker is not legal."""
    fw = Framework(["a", "b"], [("a", "b")])
    assert not is_legal_labelling(fw, Labelling(frozenset("ab"), frozenset(), frozenset()))
    assert not is_legal_labelling(fw, Labelling(frozenset("a"), frozenset(), frozenset()))
    assert is_legal_labelling(fw, labelling_of(fw, {"a"}))
