"""Gradual semantics for weighted bipolar argumentation graphs: DF-QuAD, quadratic energy, Euler.

A weighted bipolar graph has nodes with a base score in [0, 1], attack edges and support edges.
A gradual semantics gives every node a *strength* in [0, 1] from its base score and the
strengths of its attackers and supporters, through an update function ``f``:

* **DF-QuAD** (Rago, Toni, Aurisicchio and Baroni, KR 2016): attackers and supporters are each
  combined by probabilistic sum, ``v = 1 - prod(1 - s)``; with ``c = v_sup - v_att`` the
  strength is ``w + c (1 - w)`` if ``c >= 0`` and ``w + c w`` otherwise.
* **Quadratic energy** (Potyka, KR 2018): energy ``E = sum(s_sup) - sum(s_att)``,
  ``h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)``, strength ``w - w h(-E) + (1 - w) h(E)``.
* **Euler-based** (Amgoud and Ben-Naim, ECSQARU 2017 / IJAR 2018): with the same ``E``,
  strength ``1 - (1 - w^2) / (1 + w e^E)``.

A node may also have *gate* nodes: its base score is then multiplied by the weakest gate
strength. argmap uses gates for linked premises (an inference is only as strong as its weakest
premise: Pollock's weakest-link principle, *Artificial Intelligence* 133, 2001); plain graphs
have none.

Evaluation: an acyclic graph takes one topological pass (Kahn's algorithm over out-going
compressed rows) that computes each node as it becomes ready and pushes its contribution
forward to the nodes it attacks, supports or gates. Otherwise the dependency graph is split
into strongly connected components, visited in topological order; a node on no cycle is
computed once (``s = f(s)``). The nodes of a cyclic component follow the continuous model of Potyka (2018),
``ds/dt = f(s) - s`` from ``s(0) = w``, integrated with fourth-order Runge-Kutta until the
residual ``max |f(s) - s|`` is at most the tolerance; the result reports whether every
component converged, the number of integration steps and the final residual.
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import compress
from operator import itemgetter, not_
from typing import Any

import attrs

from argmap._graph import adjacency, compressed_rows, paused_gc, strongly_connected

__all__ = [
    "DEFAULT_BASE_SCORE",
    "BipolarGraph",
    "Method",
    "Strengths",
    "df_quad",
    "euler_based",
    "quadratic_energy",
    "strengths",
]

#: Base score of a node when none is given.
DEFAULT_BASE_SCORE = 0.5

#: ``exp`` overflows past ~709; energies beyond this bound change no strength in double precision.
_MAX_ENERGY = 700.0


class Method(enum.Enum):
    """The gradual semantics argmap implements."""

    DF_QUAD = "df-quad"
    QUADRATIC_ENERGY = "qe"
    EULER = "euler"


def _nodes(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("nodes must be a sequence of strings, not a single string")
    return tuple(dict.fromkeys(value))


def _edge_columns(
    index: Mapping[str, int], pairs: Iterable[tuple[str, str]], what: str
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Repeat-free integer columns of named edges; ``ValueError`` names an undeclared node."""
    kept = list(dict.fromkeys((str(a), str(b)) for a, b in pairs))
    try:
        # String look-ups in C via map(); nothing below touches names.
        return tuple(map(index.__getitem__, map(_first, kept))), tuple(
            map(index.__getitem__, map(_second, kept))
        )
    except KeyError as missing:
        raise ValueError(f"a {what} names the undeclared node {missing.args[0]!r}") from None


def _index_columns(
    n: int, pairs: Iterable[tuple[int, int]], what: str
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Repeat-free columns of 0-based integer edges; ``ValueError`` if one is outside ``0..n-1``."""
    kept = dict.fromkeys(pairs)
    if not kept:
        return (), ()
    # One transposition in C gives both columns.
    sources, sinks = zip(*kept, strict=True)
    if min(sources) < 0 or min(sinks) < 0 or max(sources) >= n or max(sinks) >= n:
        raise ValueError(f"a {what} names a node outside 0..{n - 1}")
    return sources, sinks


_first = itemgetter(0)
_second = itemgetter(1)


@attrs.frozen(slots=True, weakref_slot=False, init=False, repr=False)
class BipolarGraph:
    """Nodes with base scores, attacks and supports (and optional gates), indexed once.

    ``BipolarGraph(nodes, base_scores, attacks, supports, gates)``: ``base_scores`` may omit
    nodes (they get :data:`DEFAULT_BASE_SCORE`); every score must lie in [0, 1] and every edge
    must name declared nodes, else :class:`ValueError`. Repeated edges are dropped. Edges are
    held as integer columns (edge ``k`` of a kind goes from ``*_sources[k]`` to ``*_sinks[k]``);
    everything else is derived from them on first use and cached: the name-keyed views
    (``base_scores``, ``attacks``, ``supports``, ``gates``, ``index``), the compressed rows the
    one-pass evaluation walks (``attack_rows``, ``support_rows``, ``gate_rows``) and the
    per-node tables the cyclic evaluation reads (``attackers``, ``supporters``). For large
    integer-numbered inputs use :meth:`from_indices`.
    """

    nodes: tuple[str, ...]
    #: Base score of every node, in node order (defaults filled in).
    base: tuple[float, ...]
    attack_sources: tuple[int, ...]
    attack_sinks: tuple[int, ...]
    support_sources: tuple[int, ...]
    support_sinks: tuple[int, ...]
    #: For each node index, the nodes whose weakest strength scales its base score.
    gate_nodes: tuple[tuple[int, ...], ...]

    def __init__(
        self,
        nodes: Iterable[str],
        base_scores: Mapping[str, float] | None = None,
        attacks: Iterable[tuple[str, str]] = (),
        supports: Iterable[tuple[str, str]] = (),
        gates: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        names = _nodes(nodes)
        index = {name: i for i, name in enumerate(names)}
        scores = {str(k): float(v) for k, v in (base_scores or {}).items()}
        unknown = [k for k in scores if k not in index]
        if unknown:
            raise ValueError(f"base score for the undeclared node {unknown[0]!r}")
        base = [scores.get(name, DEFAULT_BASE_SCORE) for name in names]
        for name, value in zip(names, base, strict=True):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"base score of {name!r} must lie in [0, 1], got {value}")
        gate_pairs = [(str(g), str(node)) for node, gs in (gates or {}).items() for g in gs]
        with paused_gc():
            a_src, a_dst = _edge_columns(index, attacks, "attack")
            s_src, s_dst = _edge_columns(index, supports, "support")
            g_src, g_dst = _edge_columns(index, gate_pairs, "gate")
            self.__attrs_init__(
                names, tuple(base), a_src, a_dst, s_src, s_dst, adjacency(len(names), g_dst, g_src)
            )
        object.__setattr__(self, "index", index)

    @classmethod
    def from_indices(
        cls,
        base: Sequence[float],
        attacks: Iterable[tuple[int, int]],
        supports: Iterable[tuple[int, int]] = (),
    ) -> BipolarGraph:
        """A graph on nodes ``"0"`` .. ``str(n-1)`` with 0-based integer edges (for large inputs).

        Built in C-level passes without hashing any name; ``ValueError`` for a base score outside
        [0, 1] or an edge outside ``0..n-1``.
        """
        n = len(base)
        scores = tuple(map(float, base))
        if scores and (min(scores) < 0.0 or max(scores) > 1.0):
            bad = next(i for i, v in enumerate(scores) if not 0.0 <= v <= 1.0)
            raise ValueError(f"base score of {str(bad)!r} must lie in [0, 1], got {scores[bad]}")
        made: BipolarGraph = object.__new__(cls)
        with paused_gc():
            a_src, a_dst = _index_columns(n, attacks, "attack")
            s_src, s_dst = _index_columns(n, supports, "support")
            made.__attrs_init__(tuple(map(str, range(n))), scores, a_src, a_dst, s_src, s_dst, ((),) * n)
        return made

    @functools.cached_property
    def index(self) -> Mapping[str, int]:
        """Node name -> integer index (position in ``nodes``)."""
        return dict(zip(self.nodes, range(len(self.nodes)), strict=True))

    @functools.cached_property
    def base_scores(self) -> Mapping[str, float]:
        """Node name -> base score, for every node (defaults filled in)."""
        return dict(zip(self.nodes, self.base, strict=True))

    @functools.cached_property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """The attacks as ``(attacker, target)`` name pairs, in the order given."""
        name = self.nodes.__getitem__
        return tuple(zip(map(name, self.attack_sources), map(name, self.attack_sinks), strict=True))

    @functools.cached_property
    def supports(self) -> tuple[tuple[str, str], ...]:
        """The supports as ``(supporter, target)`` name pairs, in the order given."""
        name = self.nodes.__getitem__
        return tuple(zip(map(name, self.support_sources), map(name, self.support_sinks), strict=True))

    @functools.cached_property
    def gates(self) -> Mapping[str, tuple[str, ...]]:
        """Node name -> names of its gate nodes (only nodes that have gates)."""
        names = self.nodes
        return {names[i]: tuple(names[g] for g in gs) for i, gs in enumerate(self.gate_nodes) if gs}

    @functools.cached_property
    def attack_rows(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """``(starts, flat)``: node ``i`` attacks ``flat[starts[i]:starts[i + 1]]`` (edge order)."""
        return compressed_rows(len(self.nodes), self.attack_sources, self.attack_sinks)

    @functools.cached_property
    def support_rows(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """``(starts, flat)``: node ``i`` supports ``flat[starts[i]:starts[i + 1]]`` (edge order)."""
        return compressed_rows(len(self.nodes), self.support_sources, self.support_sinks)

    @functools.cached_property
    def gate_rows(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """``(starts, flat)``: node ``g`` gates the nodes ``flat[starts[g]:starts[g + 1]]``."""
        gates = self.gate_nodes
        gated = [i for i, gs in enumerate(gates) if gs for _ in gs]
        return compressed_rows(len(self.nodes), [g for gs in gates if gs for g in gs], gated)

    @functools.cached_property
    def attackers(self) -> tuple[tuple[int, ...], ...]:
        """For each node index, its attackers (in edge order)."""
        with paused_gc():
            return adjacency(len(self.nodes), self.attack_sinks, self.attack_sources)

    @functools.cached_property
    def supporters(self) -> tuple[tuple[int, ...], ...]:
        """For each node index, its supporters (in edge order)."""
        with paused_gc():
            return adjacency(len(self.nodes), self.support_sinks, self.support_sources)

    def __repr__(self) -> str:
        return (
            f"BipolarGraph(nodes={self.nodes!r}, base_scores={self.base_scores!r}, "
            f"attacks={self.attacks!r}, supports={self.supports!r}, gates={self.gates!r})"
        )

    def __getstate__(self) -> dict[str, Any]:
        # Only the defining data travels; caches are rebuilt from the columns on first use.
        return {
            "nodes": self.nodes,
            "base": self.base,
            "columns": (self.attack_sources, self.attack_sinks, self.support_sources, self.support_sinks),
            "gate_nodes": self.gate_nodes,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        a_src, a_dst, s_src, s_dst = state["columns"]
        self.__attrs_init__(state["nodes"], state["base"], a_src, a_dst, s_src, s_dst, state["gate_nodes"])


@attrs.frozen(slots=True)
class Strengths:
    """The result of a gradual semantics: a strength per node and how it was reached."""

    method: Method
    values: Mapping[str, float]
    #: Whether every cyclic component reached the tolerance (always true when acyclic).
    converged: bool
    #: Runge-Kutta steps over all cyclic components (0 when the graph is acyclic).
    steps: int
    #: Largest ``|f(s) - s|`` at the end (0 for nodes computed in one pass).
    residual: float
    acyclic: bool

    def __getitem__(self, node: str) -> float:
        return self.values[node]


_Update = Callable[[int, list[float]], float]


def _make_update(graph: BipolarGraph, method: Method) -> _Update:
    base = graph.base
    attackers = graph.attackers
    supporters = graph.supporters
    gates = graph.gate_nodes

    def weight(i: int, s: list[float]) -> float:
        w = base[i]
        gs = gates[i]
        if gs:
            w *= min(s[g] for g in gs)
        return w

    def dfquad(i: int, s: list[float]) -> float:
        w = weight(i, s)
        keep_a = 1.0
        for a in attackers[i]:
            keep_a *= 1.0 - s[a]
        keep_s = 1.0
        for b in supporters[i]:
            keep_s *= 1.0 - s[b]
        # (1 - keep_s) - (1 - keep_a): support aggregate minus attack aggregate.
        c = keep_a - keep_s
        return w + c * (1.0 - w) if c >= 0.0 else w + c * w

    def energy_qe(i: int, s: list[float]) -> float:
        w = weight(i, s)
        energy = 0.0
        for b in supporters[i]:
            energy += s[b]
        for a in attackers[i]:
            energy -= s[a]
        if energy >= 0.0:
            sq = energy * energy
            return w + (1.0 - w) * sq / (1.0 + sq)
        sq = energy * energy
        return w - w * sq / (1.0 + sq)

    def euler(i: int, s: list[float]) -> float:
        w = weight(i, s)
        energy = 0.0
        for b in supporters[i]:
            energy += s[b]
        for a in attackers[i]:
            energy -= s[a]
        energy = min(energy, _MAX_ENERGY)
        return 1.0 - (1.0 - w * w) / (1.0 + w * math.exp(energy))

    updates = {Method.DF_QUAD: dfquad, Method.QUADRATIC_ENERGY: energy_qe, Method.EULER: euler}
    return updates[method]


def _dependencies(graph: BipolarGraph) -> list[list[int]]:
    """For each node, the nodes whose strength it depends on."""
    return [
        [*graph.attackers[i], *graph.supporters[i], *graph.gate_nodes[i]] for i in range(len(graph.nodes))
    ]


def _waiting(graph: BipolarGraph) -> list[int]:
    """For each node, how many edges (attacks, supports, gates) point at it."""
    waiting = [0] * len(graph.nodes)
    for t in graph.attack_sinks:
        waiting[t] += 1
    for t in graph.support_sinks:
        waiting[t] += 1
    for i, gs in enumerate(graph.gate_nodes):
        if gs:
            waiting[i] += len(gs)
    return waiting


def _release_gates(
    v: float, targets: tuple[int, ...], weakest: list[float], waiting: list[int], ready: list[int]
) -> None:
    """Pass a finished gate node's strength ``v`` on to the nodes it gates."""
    for t in targets:
        weakest[t] = min(weakest[t], v)
        left = waiting[t] - 1
        waiting[t] = left
        if not left:
            ready.append(t)


def _one_pass(graph: BipolarGraph, method: Method) -> list[float] | None:
    """Strengths in one topological pass, or ``None`` if the graph has a cycle.

    Kahn's algorithm over the out-going compressed rows, computing each node as it becomes
    ready: a finished node pushes its contribution into the accumulators of the nodes it
    attacks, supports or gates, so every edge is touched once and no per-node container is
    built. The loops are written out per method because this is the hot path of large graphs.
    """
    n = len(graph.nodes)
    waiting = _waiting(graph)
    order = list(compress(range(n), map(not_, waiting)))
    if method is Method.DF_QUAD:
        s = _pass_dfquad(graph, waiting, order)
    else:
        s = _pass_energy(graph, waiting, order, euler=method is Method.EULER)
    return s if len(order) == n else None


def _pass_dfquad(graph: BipolarGraph, waiting: list[int], order: list[int]) -> list[float]:
    """DF-QuAD over ``order`` (grown in place as nodes become ready), products pushed forward."""
    n = len(graph.nodes)
    base = graph.base
    a_starts, a_flat = graph.attack_rows
    s_starts, s_flat = graph.support_rows
    gate_nodes = graph.gate_nodes
    gated = any(gate_nodes)
    g_starts, g_flat = graph.gate_rows if gated else ((), ())
    weakest = [1.0] * n
    s = [0.0] * n
    # prod(1 - s) over the attackers / supporters finished so far.
    keep_a = [1.0] * n
    keep_s = [1.0] * n
    append = order.append
    # ``order`` grows while it is walked: a list iterator reads the current length each step.
    for d in order:
        w = base[d]
        if gated and gate_nodes[d]:
            w *= weakest[d]
        # (1 - keep_s) - (1 - keep_a): support aggregate minus attack aggregate.
        c = keep_a[d] - keep_s[d]
        v = w + c * (1.0 - w) if c >= 0.0 else w + c * w
        s[d] = v
        keep = 1.0 - v
        for t in a_flat[a_starts[d] : a_starts[d + 1]]:
            keep_a[t] *= keep
            left = waiting[t] - 1
            waiting[t] = left
            if not left:
                append(t)
        for t in s_flat[s_starts[d] : s_starts[d + 1]]:
            keep_s[t] *= keep
            left = waiting[t] - 1
            waiting[t] = left
            if not left:
                append(t)
        if gated:
            _release_gates(v, g_flat[g_starts[d] : g_starts[d + 1]], weakest, waiting, order)
    return s


def _pass_energy(graph: BipolarGraph, waiting: list[int], order: list[int], *, euler: bool) -> list[float]:
    """Quadratic energy or Euler-based over ``order``, energies pushed forward."""
    n = len(graph.nodes)
    base = graph.base
    a_starts, a_flat = graph.attack_rows
    s_starts, s_flat = graph.support_rows
    gate_nodes = graph.gate_nodes
    gated = any(gate_nodes)
    g_starts, g_flat = graph.gate_rows if gated else ((), ())
    weakest = [1.0] * n
    s = [0.0] * n
    # sum(s_sup) - sum(s_att) over the attackers and supporters finished so far.
    energies = [0.0] * n
    append = order.append
    exp = math.exp
    for d in order:
        w = base[d]
        if gated and gate_nodes[d]:
            w *= weakest[d]
        energy = energies[d]
        if euler:
            v = 1.0 - (1.0 - w * w) / (1.0 + w * exp(min(energy, _MAX_ENERGY)))
        else:
            sq = energy * energy
            v = w + (1.0 - w) * sq / (1.0 + sq) if energy >= 0.0 else w - w * sq / (1.0 + sq)
        s[d] = v
        for t in a_flat[a_starts[d] : a_starts[d + 1]]:
            energies[t] -= v
            left = waiting[t] - 1
            waiting[t] = left
            if not left:
                append(t)
        for t in s_flat[s_starts[d] : s_starts[d + 1]]:
            energies[t] += v
            left = waiting[t] - 1
            waiting[t] = left
            if not left:
                append(t)
        if gated:
            _release_gates(v, g_flat[g_starts[d] : g_starts[d + 1]], weakest, waiting, order)
    return s


def _integrate(
    members: list[int],
    s: list[float],
    update: _Update,
    *,
    step: float,
    tolerance: float,
    max_steps: int,
) -> tuple[bool, int, float]:
    """Runge-Kutta 4 on ``ds/dt = f(s) - s`` over ``members``, in place on ``s``."""

    def rates(state: list[float]) -> list[float]:
        return [update(i, state) - state[i] for i in members]

    # One scratch copy per component: only members change, the rest stays at its final value.
    scratch = s.copy()

    def shifted(k: list[float], factor: float) -> list[float]:
        for j, i in enumerate(members):
            scratch[i] = s[i] + factor * k[j]
        return scratch

    k1 = rates(s)
    residual = max(abs(x) for x in k1)
    steps = 0
    while residual > tolerance and steps < max_steps:
        k2 = rates(shifted(k1, step / 2.0))
        k3 = rates(shifted(k2, step / 2.0))
        k4 = rates(shifted(k3, step))
        for j, i in enumerate(members):
            value = s[i] + step / 6.0 * (k1[j] + 2.0 * k2[j] + 2.0 * k3[j] + k4[j])
            # The exact flow stays in [0, 1]; clipping only removes rounding overshoot.
            s[i] = 0.0 if value < 0.0 else 1.0 if value > 1.0 else value
        steps += 1
        k1 = rates(s)
        residual = max(abs(x) for x in k1)
    return residual <= tolerance, steps, residual


def strengths(
    graph: BipolarGraph,
    method: Method | str = Method.DF_QUAD,
    *,
    tolerance: float = 1e-10,
    max_steps: int = 100_000,
) -> Strengths:
    """Strength of every node of ``graph`` under ``method`` (see the module docstring)."""
    chosen = Method(method)
    if tolerance <= 0.0:
        raise ValueError("tolerance must be positive")
    names = graph.nodes
    with paused_gc():
        one_pass = _one_pass(graph, chosen)
    if one_pass is not None:
        return Strengths(chosen, dict(zip(names, one_pass, strict=True)), True, 0, 0.0, True)
    update = _make_update(graph, chosen)
    s = list(graph.base)
    deps = _dependencies(graph)
    converged, steps, residual = True, 0, 0.0
    # Edges point from a node to what it depends on, so components come dependencies first.
    for component in strongly_connected(deps):
        v = component[0]
        if len(component) == 1 and v not in deps[v]:
            s[v] = update(v, s)
            continue
        fan_in = max(len(deps[i]) for i in component)
        # A step below 1/fan-in keeps RK4 well inside its stability region for these updates,
        # whose partial derivatives are at most 1 per incoming edge.
        step = min(0.5, 1.0 / fan_in)
        ok, used, rest = _integrate(component, s, update, step=step, tolerance=tolerance, max_steps=max_steps)
        converged = converged and ok
        steps += used
        residual = max(residual, rest)
    return Strengths(chosen, dict(zip(names, s, strict=True)), converged, steps, residual, False)


def df_quad(graph: BipolarGraph, *, tolerance: float = 1e-10, max_steps: int = 100_000) -> Strengths:
    """DF-QuAD strengths (Rago et al., KR 2016)."""
    return strengths(graph, Method.DF_QUAD, tolerance=tolerance, max_steps=max_steps)


def quadratic_energy(graph: BipolarGraph, *, tolerance: float = 1e-10, max_steps: int = 100_000) -> Strengths:
    """Quadratic-energy strengths (Potyka, KR 2018)."""
    return strengths(graph, Method.QUADRATIC_ENERGY, tolerance=tolerance, max_steps=max_steps)


def euler_based(graph: BipolarGraph, *, tolerance: float = 1e-10, max_steps: int = 100_000) -> Strengths:
    """Euler-based strengths (Amgoud and Ben-Naim, 2017/2018)."""
    return strengths(graph, Method.EULER, tolerance=tolerance, max_steps=max_steps)
