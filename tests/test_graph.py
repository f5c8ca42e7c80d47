"""Tests of argmap._graph: the shared graph kernels, against networkx as the oracle."""

from __future__ import annotations

import gc

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap._graph import (
    adjacency,
    compressed_rows,
    key_counts,
    paused_gc,
    peel_acyclic,
    rows_to_tuples,
    shortest_cycle,
    strongly_connected,
    strongly_connected_ids,
    unique_edge_arrays,
    unique_edges,
)

# Small directed graphs with self-loops and repeated edges: n nodes, edges among them.
graphs = st.integers(1, 12).flatmap(
    lambda n: st.tuples(
        st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=40)
    )
)


def _successors(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    succ: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        succ[a].append(b)
    return succ


def _nx(n: int, edges: list[tuple[int, int]]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    return graph


@given(graphs)
def test_components_agree_with_networkx_in_dependency_order(graph: tuple[int, list[tuple[int, int]]]) -> None:
    """The same partition as networkx; a component comes after every component it reaches."""
    n, edges = graph
    found = strongly_connected(_successors(n, edges))
    oracle = _nx(n, edges)
    assert sorted(map(sorted, found)) == sorted(sorted(c) for c in nx.strongly_connected_components(oracle))
    position = {v: k for k, component in enumerate(found) for v in component}
    for a, b in edges:
        assert position[b] <= position[a]


@given(graphs)
def test_components_by_id_match_the_integer_kernel(graph: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = graph
    table: dict[str, list[str]] = {}
    for a, b in edges:
        table.setdefault(f"n{a}", []).append(f"n{b}")
    by_id = strongly_connected_ids([f"n{k}" for k in range(n)], table)
    assert by_id == [[f"n{v}" for v in c] for c in strongly_connected(_successors(n, edges))]


@given(graphs)
def test_peel_acyclic_orders_exactly_the_nodes_on_and_below_no_cycle(
    graph: tuple[int, list[tuple[int, int]]],
) -> None:
    """``order`` is topological; ``rest`` is every node on a cycle or reachable from one."""
    n, edges = graph
    order, rest = peel_acyclic(_successors(n, edges))
    oracle = _nx(n, edges)
    cyclic = {
        v for c in nx.strongly_connected_components(oracle) for v in c if len(c) > 1 or oracle.has_edge(v, v)
    }
    below = set(cyclic)
    for v in cyclic:
        below |= nx.descendants(oracle, v)
    assert set(rest) == below
    assert sorted(order + rest) == list(range(n))
    assert (not rest) == nx.is_directed_acyclic_graph(oracle)
    place = {v: k for k, v in enumerate(order)}
    assert all(place[a] < place[b] for a, b in edges if a in place and b in place)


@given(graphs, st.data())
def test_shortest_cycle_is_as_short_as_networkx_finds(
    graph: tuple[int, list[tuple[int, int]]], data: st.DataObject
) -> None:
    n, edges = graph
    oracle = _nx(n, edges)
    components = [c for c in nx.strongly_connected_components(oracle) if len(c) > 1]
    if not components:
        return
    members = data.draw(st.sampled_from(components))
    start = min(members)
    table = {a: [b for b in oracle.successors(a)] for a in oracle}
    cycle = shortest_cycle(start, set(members), table)
    assert cycle[0] == start
    assert all(oracle.has_edge(a, b) for a, b in zip(cycle, [*cycle[1:], cycle[0]], strict=True))
    inside = oracle.subgraph(members)
    best = min(nx.shortest_path_length(inside, start, p) + 1 for p in inside.predecessors(start))
    assert len(cycle) == best


def test_shortest_cycle_of_a_lone_node_is_the_node() -> None:
    assert shortest_cycle("a", {"a"}, {}) == ["a"]


@given(graphs)
def test_compressed_rows_and_adjacency_group_in_input_order(graph: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = graph
    keys = [a for a, _ in edges]
    values = [b for _, b in edges]
    expected = tuple(tuple(b for a, b in edges if a == k) for k in range(n))
    assert adjacency(n, keys, values) == expected
    assert rows_to_tuples(compressed_rows(n, keys, values)) == expected
    assert key_counts(n, keys) == tuple(len(row) for row in expected)


@given(graphs)
def test_unique_edges_keep_first_occurrences_in_order(graph: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = graph
    src, dst = unique_edges(n, [a for a, _ in edges], [b for _, b in edges])
    assert list(zip(src, dst, strict=True)) == list(dict.fromkeys(edges))
    *_, codes = unique_edge_arrays(n, [a for a, _ in edges], [b for _, b in edges])
    assert codes.tolist() == sorted({a * max(n, 1) + b for a, b in edges})


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_gc_restores_the_callers_setting(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with paused_gc():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), paused_gc():
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_long_chain_needs_no_recursion() -> None:
    """200,000 nodes in one cycle: iterative, so no RecursionError."""
    n = 200_000
    (component,) = strongly_connected([[(k + 1) % n] for k in range(n)])
    assert len(component) == n and component[0] == 0
