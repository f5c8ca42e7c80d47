"""The incremental factor removal behind ``balance`` against evaluating the reduced graph from scratch.

``balance`` does not evaluate the map without each factor from scratch (quadratic in the number
of factors): :class:`argmap.evaluation.removal.GradualRemoval` sets the factor and its inferences
to strength 0 and recomputes only what they reach, with constant-time updates of each node's
aggregates and whole cycles re-evaluated. This test compares every factor's thesis strengths with
:func:`argmap.af.bipolar.strengths` on the graph with those nodes deleted, on generated maps
(cycles included) under the three semantics.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given

from argmap.af import bipolar
from argmap.evaluation import GRADUAL_SEMANTICS, to_bipolar_graph
from argmap.evaluation.removal import GradualRemoval
from argmap.model.core import ArgumentMap
from tests.strategies import argument_maps


def _reduced(graph: bipolar.BipolarGraph, removed: set[str]) -> bipolar.BipolarGraph:
    # A node gated by a removed one (a weighted edge's auxiliary node) goes with it.
    removed = removed | {n for n, gs in graph.gates.items() if removed & set(gs)}
    keep = [n for n in graph.nodes if n not in removed]
    return bipolar.BipolarGraph(
        keep,
        {n: graph.base_scores[n] for n in keep},
        [(a, b) for a, b in graph.attacks if a not in removed and b not in removed],
        [(a, b) for a, b in graph.supports if a not in removed and b not in removed],
        {n: gs for n, gs in graph.gates.items() if n not in removed},
    )


@pytest.mark.parametrize("semantics", GRADUAL_SEMANTICS)
@given(amap=argument_maps(max_factors=4))
def test_incremental_removal_matches_a_fresh_evaluation(semantics: str, amap: ArgumentMap) -> None:
    if not amap.index.propositions.keys().isdisjoint(inf.id for inf in amap.inferences):
        return  # an id shared by a proposition and an inference: balance evaluates such maps in full
    graph = to_bipolar_graph(amap)
    values = bipolar.strengths(graph, semantics).values
    removal = GradualRemoval(amap, semantics, graph, [values[n] for n in graph.nodes])
    for pole in amap.poles:
        for prop in amap.factors(pole.id):
            if prop.id not in values:
                continue
            gone = {prop.id} | {
                inf.id for inf in amap.inferences if prop.id == inf.conclusion or prop.id in inf.premises
            }
            fresh = bipolar.strengths(_reduced(graph, gone & set(graph.nodes)), semantics).values
            after = removal.theses_without(prop.id)
            for other in amap.poles:
                strength = after[other.id]
                if strength is None:
                    assert other.thesis == prop.id or other.thesis not in values
                    continue
                assert other.thesis is not None
                assert math.isclose(strength, fresh[other.thesis], abs_tol=1e-7), (prop.id, other.id)
