"""Thesis strengths after removing one factor, recomputed incrementally (the balance's impacts).

Owns :class:`GradualRemoval`, which :func:`argmap.evaluation.balance` uses under the gradual
semantics so that the per-factor impacts cost near-linear time in the number of factors
(``benchmarks/bench_balance.py``). May import ``model``, ``af`` and ``_graph``; knows nothing of
how a map is translated (it is given the bipolar graph and its strengths).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence

from argmap._graph import strongly_connected
from argmap.af import bipolar as gradual
from argmap.model.core import ArgumentMap

__all__ = ["GradualRemoval"]

_ATTACK, _SUPPORT, _GATE = 0, 1, 2
#: Energies beyond this change no Euler-based strength in double precision (as in ``af.bipolar``).
_MAX_ENERGY = 700.0


class GradualRemoval:
    """Thesis strengths after removing one proposition, recomputing only what it reaches.

    Removing a node is the same as giving it strength 0 under the three gradual semantics: an
    attacker or supporter of strength 0 leaves both the DF-QuAD products and the energy sums
    unchanged, and the inferences that take part with the node are removed with it. So the
    removed nodes are set to 0 and the change is pushed forward in topological order, only to
    nodes upstream of a thesis and only while strengths change. Each node keeps its
    aggregates (DF-QuAD: the product of ``1 - s`` over attackers and over supporters, with the
    factors that are exactly 0 counted apart; energy: supporters' minus attackers' strengths),
    and a changed in-neighbour adjusts them in constant time, so a thesis with 10,000
    supporters costs no more per factor than one with two. The update formulas are those of
    :mod:`argmap.af.bipolar`. A cycle (a contradiction, mutual support) reached by the change is
    evaluated as a whole by :func:`argmap.af.bipolar.strengths` on a small graph: its members
    and, as fixed sources, the nodes feeding it. A differential test compares the results with
    evaluating :func:`without`.
    """

    def __init__(
        self, amap: ArgumentMap, method: str, graph: gradual.BipolarGraph, strengths: Sequence[float]
    ) -> None:
        self.amap = amap
        self.method = method
        self.graph = graph
        self.index = graph.index
        self.strengths = strengths = list(strengths)
        n = len(graph.nodes)
        self.out: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for a, b in zip(graph.attack_sources, graph.attack_sinks, strict=True):
            self.out[a].append((b, _ATTACK))
        for a, b in zip(graph.support_sources, graph.support_sinks, strict=True):
            self.out[a].append((b, _SUPPORT))
        self.gates = graph.gate_nodes
        for node, gates in enumerate(self.gates):
            for g in gates:
                self.out[g].append((node, _GATE))
        self.base = graph.base
        self.weight = [self._weight(v, strengths.__getitem__) for v in range(n)]
        # Aggregates: [attack product, attack zeros, support product, support zeros] or [energy].
        self.aggregates: list[list[float]] = [self._fresh(method) for _ in range(n)]
        for u in range(n):
            for v, kind in self.out[u]:
                if kind != _GATE:
                    self._add(self.aggregates[v], kind, strengths[u], 1)
        self.into: list[list[int]] = [[] for _ in range(n)]
        #: Each node's incoming attacks and supports, as (source, kind).
        self.incoming: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for u in range(n):
            for v, kind in self.out[u]:
                self.into[v].append(u)
                if kind != _GATE:
                    self.incoming[v].append((u, kind))
        # Components of the dependency graph, dependencies first: a topological order of them.
        self.components = strongly_connected(self.into)
        self.position = [0] * n
        for k, members in enumerate(self.components):
            for v in members:
                self.position[v] = k
        self.cyclic = [len(c) > 1 or c[0] in self.into[c[0]] for c in self.components]
        self.relevant = self._upstream_of_theses(n)
        self.inferences_of: dict[str, list[str]] = {}
        for inf in amap.inferences:
            for p in {inf.conclusion, *inf.premises}:
                self.inferences_of.setdefault(p, []).append(inf.id)

    def _upstream_of_theses(self, n: int) -> list[bool]:
        into = self.into
        relevant = [False] * n
        theses = [p.thesis for p in self.amap.poles if p.thesis is not None]
        stack = [self.index[t] for t in theses if t in self.index]
        for v in stack:
            relevant[v] = True
        while stack:
            for u in into[stack.pop()]:
                if not relevant[u]:
                    relevant[u] = True
                    stack.append(u)
        return relevant

    def _weight(self, v: int, value: Callable[[int], float]) -> float:
        gates = self.gates[v]
        return self.base[v] * min(map(value, gates)) if gates else self.base[v]

    @staticmethod
    def _fresh(method: str) -> list[float]:
        return [1.0, 0.0, 1.0, 0.0] if method == "df-quad" else [0.0]

    def _add(self, agg: list[float], kind: int, strength: float, sign: int) -> None:
        """Add (``sign`` 1) or take out (-1) one attacker's or supporter's contribution."""
        if self.method != "df-quad":
            agg[0] += sign * (strength if kind == _SUPPORT else -strength)
            return
        slot = 0 if kind == _ATTACK else 2
        keep = 1.0 - strength
        if keep == 0.0:
            agg[slot + 1] += sign
        elif sign > 0:
            agg[slot] *= keep
        else:
            agg[slot] /= keep

    def _value(self, w: float, agg: list[float]) -> float:
        if self.method == "df-quad":
            keep_a = 0.0 if agg[1] else agg[0]
            keep_s = 0.0 if agg[3] else agg[2]
            c = keep_a - keep_s
            return w + c * (1.0 - w) if c >= 0.0 else w + c * w
        energy = agg[0]
        if self.method == "qe":
            sq = energy * energy
            return w + (1.0 - w) * sq / (1.0 + sq) if energy >= 0.0 else w - w * sq / (1.0 + sq)
        energy = min(energy, _MAX_ENERGY)
        return 1.0 - (1.0 - w * w) / (1.0 + w * math.exp(energy))

    def _component(self, k: int, current: Callable[[int], float], removed: set[int]) -> dict[int, float]:
        """New strengths of the members of cyclic component ``k``, its inputs as they are now."""
        graph = self.graph
        members = [v for v in self.components[k] if v not in removed]
        inside = set(members)
        feeding = sorted({u for v in members for u in self.into[v] if u not in inside and u not in removed})
        names = [str(i) for i in range(len(members) + len(feeding))]
        local = {g: names[i] for i, g in enumerate((*members, *feeding))}
        # A node with no attacker, supporter or gate keeps its base score under all three
        # semantics, so the feeding nodes enter as sources whose base is their current strength.
        base = {local[v]: graph.base[v] for v in members}
        base.update({local[u]: current(u) for u in feeding})
        # Only the members' own incoming edges: the rest of the graph is never scanned.
        edges = [(u, v, kind) for v in members for u, kind in self.incoming[v] if u in local]
        attacks = [(local[u], local[v]) for u, v, kind in edges if kind == _ATTACK]
        supports = [(local[u], local[v]) for u, v, kind in edges if kind == _SUPPORT]
        gates = {local[v]: [local[g] for g in graph.gate_nodes[v] if g in local] for v in members}
        sub = gradual.BipolarGraph(names, base, attacks, supports, gates)
        values = gradual.strengths(sub, self.method).values
        return {v: values[local[v]] for v in members}

    def theses_without(self, node: str) -> dict[str, float | None]:
        """Each pole's thesis strength in the map without proposition ``node``, by pole id.

        ``None`` for a pole whose thesis is unknown or is ``node`` itself.
        """
        index = self.index
        removed = {index[x] for x in (node, *self.inferences_of.get(node, ())) if x in index}
        changed: dict[int, float] = dict.fromkeys(removed, 0.0)
        aggregates: dict[int, list[float]] = {}
        dirty_weight: set[int] = set()
        queue: list[tuple[int, int]] = []
        queued: set[int] = set()
        relevant, position, strengths = self.relevant, self.position, self.strengths

        def push(u: int, old: float, new: float) -> None:
            for v, kind in self.out[u]:
                if v in removed or not relevant[v]:
                    continue
                if kind == _GATE:
                    dirty_weight.add(v)
                else:
                    agg = aggregates.get(v)
                    if agg is None:
                        agg = aggregates[v] = list(self.aggregates[v])
                    self._add(agg, kind, old, -1)
                    self._add(agg, kind, new, 1)
                if v not in queued:
                    queued.add(v)
                    heapq.heappush(queue, (position[v], v))

        for u in removed:
            push(u, strengths[u], 0.0)

        def current(u: int) -> float:
            return changed.get(u, strengths[u])

        done: set[int] = set()
        while queue:
            k, v = heapq.heappop(queue)
            if self.cyclic[k]:
                if k not in done:
                    done.add(k)
                    for u, value in self._component(k, current, removed).items():
                        if value != strengths[u]:
                            changed[u] = value
                            push(u, strengths[u], value)
                continue
            w = self._weight(v, current) if v in dirty_weight else self.weight[v]
            value = self._value(w, aggregates.get(v, self.aggregates[v]))
            if value != strengths[v]:
                changed[v] = value
                push(v, strengths[v], value)
        out: dict[str, float | None] = {}
        for pole in self.amap.poles:
            thesis = pole.thesis if pole.thesis in index and pole.thesis != node else None
            out[pole.id] = current(index[thesis]) if thesis is not None else None
        return out
