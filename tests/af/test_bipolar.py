"""Tests of argmap.af.bipolar: DF-QuAD, quadratic energy and Euler-based strengths."""

from __future__ import annotations

import math
import os
import random

import pytest
from argumentation.gradual.dfquad import dfquad_strengths
from argumentation.gradual.gradual import WeightedBipolarGraph, quadratic_energy_strengths
from hypothesis import given
from hypothesis import strategies as st

from argmap.af.bipolar import BipolarGraph, Method, df_quad, euler_based, quadratic_energy, strengths

CASES = int(os.environ.get("ARGMAP_DIFF_CASES", "300"))


def random_graph(rng: random.Random, acyclic: bool) -> BipolarGraph:
    n = rng.randint(1, 12)
    edges: set[tuple[int, int]] = set()
    for _ in range(rng.randint(0, 3 * n)):
        a, b = rng.randrange(n), rng.randrange(n)
        if (a < b) if acyclic else True:
            edges.add((a, b))
    ordered = sorted(edges)
    rng.shuffle(ordered)
    cut = rng.randint(0, len(ordered))
    base = [round(rng.random(), 3) for _ in range(n)]
    return BipolarGraph.from_indices(base, ordered[:cut], ordered[cut:])


def reference(graph: BipolarGraph) -> WeightedBipolarGraph:
    return WeightedBipolarGraph(
        arguments=frozenset(graph.nodes),
        initial_weights=dict(graph.base_scores),
        attacks=frozenset(graph.attacks),
        supports=frozenset(graph.supports),
    )


def test_dfquad_and_qe_match_reference_on_random_acyclic_graphs() -> None:
    """DF-QuAD and quadratic energy agree with the reference library within 1e-6 on acyclic graphs."""
    rng = random.Random(11)
    for case in range(CASES):
        graph = random_graph(rng, acyclic=True)
        ref = reference(graph)
        ours = df_quad(graph)
        theirs = dfquad_strengths(ref).strengths
        assert ours.acyclic and ours.converged
        assert max(abs(ours[x] - theirs[x]) for x in graph.nodes) <= 1e-6
        if case % 4:
            continue  # the reference integrates QE step by step even when acyclic: keep it to 1 in 4
        ours = quadratic_energy(graph)
        theirs = quadratic_energy_strengths(ref).strengths
        assert max(abs(ours[x] - theirs[x]) for x in graph.nodes) <= 1e-6


def test_qe_matches_reference_on_random_cyclic_graphs() -> None:
    """On cyclic graphs the continuous quadratic-energy model agrees with the reference's integration."""
    rng = random.Random(12)
    for _ in range(CASES // 10):
        graph = random_graph(rng, acyclic=False)
        ours = quadratic_energy(graph)
        theirs = quadratic_energy_strengths(reference(graph))
        if ours.converged and theirs.converged:
            assert max(abs(ours[x] - theirs.strengths[x]) for x in graph.nodes) <= 1e-6


TWO_CYCLE = BipolarGraph(["a", "b"], {"a": 1.0, "b": 1.0}, attacks=[("a", "b"), ("b", "a")])
QE_ROOT = 0.6823278038280193  # the real root of s^3 + s - 1 = 0


@pytest.mark.parametrize(
    ("method", "expected"),
    [(Method.DF_QUAD, 0.5), (Method.QUADRATIC_ENERGY, QE_ROOT), (Method.EULER, 1.0)],
)
def test_two_cycle_with_base_one(method: Method, expected: float) -> None:
    """A mutual attack between two arguments of base score 1 settles at the literature's values."""
    result = strengths(TWO_CYCLE, method)
    assert result.converged and not result.acyclic
    assert result["a"] == pytest.approx(expected, abs=1e-8)
    assert result["b"] == pytest.approx(expected, abs=1e-8)
    assert result.residual <= 1e-10


def test_qe_root_is_the_cubic_root() -> None:
    """The quadratic-energy value of the 2-cycle solves s^3 + s - 1 = 0."""
    s = quadratic_energy(TWO_CYCLE)["a"]
    assert s**3 + s - 1 == pytest.approx(0.0, abs=1e-8)


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        # DF-QuAD: base 0.5 attacked by strength 1 -> 0.5 - 0.5 * 1.
        (Method.DF_QUAD, 0.0),
        # QE: energy -1, h(1) = 1/2 -> 0.5 - 0.5 * 0.5.
        (Method.QUADRATIC_ENERGY, 0.25),
        # Euler: 1 - (1 - 0.25) / (1 + 0.5 e^-1).
        (Method.EULER, 1 - 0.75 / (1 + 0.5 * math.exp(-1))),
    ],
)
def test_single_attack_by_a_certain_argument(method: Method, expected: float) -> None:
    """One attacker of strength 1 on a base-0.5 argument gives each semantics' closed-form value."""
    graph = BipolarGraph(["x", "y"], {"x": 1.0, "y": 0.5}, attacks=[("x", "y")])
    result = strengths(graph, method)
    assert result.acyclic and result.steps == 0
    assert result["y"] == pytest.approx(expected)


def test_self_attacker_settles() -> None:
    """A self-attacking argument of base 1 reaches the fixed point of its own update (DF-QuAD 0.5)."""
    graph = BipolarGraph(["a"], {"a": 1.0}, attacks=[("a", "a")])
    result = df_quad(graph)
    assert result.converged and result["a"] == pytest.approx(0.5, abs=1e-8)


def test_gate_takes_weakest_premise() -> None:
    """A gated node's base score is scaled by its weakest gate node (linked premises)."""
    graph = BipolarGraph(["p", "q", "i"], {"p": 0.9, "q": 0.3, "i": 1.0}, gates={"i": ("p", "q")})
    assert df_quad(graph)["i"] == pytest.approx(0.3)


def test_euler_uses_support() -> None:
    """Support raises an Euler-based strength above the base score."""
    graph = BipolarGraph(["s", "t"], {"s": 1.0, "t": 0.5}, supports=[("s", "t")])
    assert euler_based(graph)["t"] == pytest.approx(1 - 0.75 / (1 + 0.5 * math.e))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"nodes": ["a"], "base_scores": {"a": 1.5}}, "must lie"),
        ({"nodes": ["a"], "attacks": [("a", "b")]}, "undeclared"),
        ({"nodes": ["a"], "base_scores": {"b": 0.5}}, "undeclared"),
    ],
)
def test_invalid_graphs_are_rejected(kwargs: dict[str, object], message: str) -> None:
    """Out-of-range base scores and edges to undeclared nodes are rejected."""
    with pytest.raises(ValueError, match=message):
        BipolarGraph(**kwargs)  # type: ignore[arg-type]


@st.composite
def graphs(draw: st.DrawFn) -> BipolarGraph:
    n = draw(st.integers(1, 8))
    names = [f"n{i}" for i in range(n)]
    base = {name: draw(st.floats(0.0, 1.0)) for name in names}
    edge = st.tuples(st.sampled_from(names), st.sampled_from(names))
    edges = draw(st.lists(edge, max_size=3 * n, unique=True))
    cut = draw(st.integers(0, len(edges)))
    return BipolarGraph(names, base, attacks=edges[:cut], supports=edges[cut:])


@given(graphs(), st.sampled_from(list(Method)))
def test_strengths_stay_in_unit_interval(graph: BipolarGraph, method: Method) -> None:
    """Every strength lies in [0, 1] and the result covers every node."""
    result = strengths(graph, method, max_steps=20_000)
    assert set(result.values) == set(graph.nodes)
    assert all(0.0 <= v <= 1.0 for v in result.values.values())


@given(graphs(), st.sampled_from(list(Method)))
def test_converged_result_is_a_fixed_point(graph: BipolarGraph, method: Method) -> None:
    """When the result reports convergence, strengths equal the update of themselves (no NaN)."""
    result = strengths(graph, method, max_steps=20_000)
    if result.converged:
        again = strengths(graph, method, max_steps=20_000)
        assert again.values == result.values  # deterministic
        assert result.residual <= 1e-10


@given(graphs())
def test_graph_rebuilds_from_its_views_and_pickles(graph: BipolarGraph) -> None:
    """The name-keyed views rebuild an equal graph, and pickling keeps it equal with its tables."""
    import pickle

    rebuilt = BipolarGraph(graph.nodes, graph.base_scores, graph.attacks, graph.supports, graph.gates)
    assert rebuilt == graph and hash(rebuilt) == hash(graph)
    back = pickle.loads(pickle.dumps(graph))
    assert back == graph and back.attackers == graph.attackers and back.supporters == graph.supporters


def test_from_indices_equals_named_graph_and_drops_repeats() -> None:
    """Integer edges give the same graph as names, repeats dropped, edge order kept."""
    fast = BipolarGraph.from_indices([0.2, 0.5, 1.0], [(0, 2), (1, 2), (0, 2)], [(0, 1)])
    named = BipolarGraph(
        ["0", "1", "2"], {"0": 0.2, "2": 1.0}, attacks=[("0", "2"), ("1", "2")], supports=[("0", "1")]
    )
    assert fast == named
    assert fast.attacks == (("0", "2"), ("1", "2")) and fast.attackers == ((), (), (0, 1))


@pytest.mark.parametrize(
    ("base", "attacks", "supports"),
    [([0.5, 1.5], [], []), ([0.5, -0.1], [], []), ([0.5], [(0, 1)], []), ([0.5], [], [(-1, 0)])],
)
def test_from_indices_rejects_bad_input(
    base: list[float], attacks: list[tuple[int, int]], supports: list[tuple[int, int]]
) -> None:
    """A base score outside [0, 1] or an edge outside the nodes is a ValueError."""
    with pytest.raises(ValueError):
        BipolarGraph.from_indices(base, attacks, supports)


@st.composite
def acyclic_gated_graphs(draw: st.DrawFn) -> BipolarGraph:
    n = draw(st.integers(1, 10))
    names = [f"n{i}" for i in range(n)]
    base = {name: draw(st.floats(0.0, 1.0)) for name in names}
    # Every edge and gate goes from a lower to a higher position, so the graph is acyclic.
    forward = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda e: e[0] < e[1])
    edges = [(names[a], names[b]) for a, b in draw(st.lists(forward, max_size=3 * n, unique=True))]
    cut = draw(st.integers(0, len(edges)))
    gates = {
        names[b]: [names[a] for a, _ in pairs]
        for b, pairs in _group(draw(st.lists(forward, max_size=n, unique=True))).items()
    }
    return BipolarGraph(names, base, attacks=edges[:cut], supports=edges[cut:], gates=gates)


def _group(pairs: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    out: dict[int, list[tuple[int, int]]] = {}
    for a, b in pairs:
        out.setdefault(b, []).append((a, b))
    return out


@given(acyclic_gated_graphs(), st.sampled_from(list(Method)))
def test_one_pass_is_a_fixed_point_of_the_update(graph: BipolarGraph, method: Method) -> None:
    """On acyclic graphs (gates included) the forward one-pass result satisfies every node's own update."""
    from argmap.af.bipolar import _make_update

    result = strengths(graph, method)
    assert result.acyclic and result.steps == 0
    s = [result[name] for name in graph.nodes]
    update = _make_update(graph, method)
    assert max(abs(update(i, s) - s[i]) for i in range(len(s))) <= 1e-12


def test_rows_and_tables_are_derived_from_the_columns() -> None:
    """Out-going rows and per-node tables group the edge columns by source and by target."""
    graph = BipolarGraph.from_indices([0.5] * 4, [(0, 2), (1, 2), (0, 3)], [(3, 1)])
    assert graph.attack_rows == ((0, 2, 3, 3, 3), (2, 3, 2))
    assert graph.support_rows == ((0, 0, 0, 0, 1), (1,))
    assert graph.attackers == ((), (), (0, 1), (0,)) and graph.supporters == ((), (3,), (), ())
    gated = BipolarGraph(["p", "q", "i"], gates={"i": ("q", "p")})
    assert gated.gate_nodes == ((), (), (1, 0)) and gated.gate_rows == ((0, 1, 2, 2), (2, 2))
