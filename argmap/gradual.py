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

Evaluation: the dependency graph is split into strongly connected components, visited in
topological order. A node on no cycle is computed once (``s = f(s)``), so an acyclic graph
takes one pass. The nodes of a cyclic component follow the continuous model of Potyka (2018),
``ds/dt = f(s) - s`` from ``s(0) = w``, integrated with fourth-order Runge-Kutta until the
residual ``max |f(s) - s|`` is at most the tolerance; the result reports whether every
component converged, the number of integration steps and the final residual.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter

import attrs

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


def _edges(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys((str(a), str(b)) for a, b in value))


def _nodes(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("nodes must be a sequence of strings, not a single string")
    return tuple(dict.fromkeys(value))


def _scores(value: Mapping[str, float]) -> dict[str, float]:
    return {str(k): float(v) for k, v in value.items()}


def _gates(value: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return {str(k): tuple(v) for k, v in value.items()}


@attrs.frozen(slots=True, weakref_slot=False)
class BipolarGraph:
    """Nodes with base scores, attacks and supports (and optional gates), indexed once.

    ``base_scores`` may omit nodes (they get :data:`DEFAULT_BASE_SCORE`); every score must lie in
    [0, 1] and every edge must name declared nodes, else :class:`ValueError`.
    """

    nodes: tuple[str, ...] = attrs.field(converter=_nodes)
    base_scores: Mapping[str, float] = attrs.field(factory=dict, converter=_scores)
    attacks: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_edges)
    supports: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_edges)
    #: node -> nodes whose weakest strength scales its base score (linked premises).
    gates: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_gates)
    index: Mapping[str, int] = attrs.field(init=False, eq=False, repr=False)
    base: tuple[float, ...] = attrs.field(init=False, eq=False, repr=False)
    attackers: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    supporters: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    gate_nodes: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {name: i for i, name in enumerate(self.nodes)}
        n = len(index)
        unknown = [k for k in self.base_scores if k not in index]
        if unknown:
            raise ValueError(f"base score for the undeclared node {unknown[0]!r}")
        base = [float(self.base_scores.get(name, DEFAULT_BASE_SCORE)) for name in self.nodes]
        for name, value in zip(self.nodes, base, strict=True):
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"base score of {name!r} must lie in [0, 1], got {value}")

        def table(pairs: Sequence[tuple[str, str]], what: str) -> tuple[tuple[int, ...], ...]:
            try:
                # String look-ups in C via map(); the loop below touches integers only.
                sources = list(map(index.__getitem__, map(itemgetter(0), pairs)))
                sinks = list(map(index.__getitem__, map(itemgetter(1), pairs)))
            except KeyError as missing:
                raise ValueError(f"a {what} names the undeclared node {missing.args[0]!r}") from None
            columns: list[list[int]] = [[] for _ in range(n)]
            for a, b in zip(sources, sinks, strict=True):
                columns[b].append(a)
            return tuple(map(tuple, columns))

        gate_pairs = [(g, node) for node, gs in self.gates.items() for g in gs]
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "base", tuple(base))
        object.__setattr__(self, "attackers", table(self.attacks, "attack"))
        object.__setattr__(self, "supporters", table(self.supports, "support"))
        object.__setattr__(self, "gate_nodes", table(gate_pairs, "gate"))

    @classmethod
    def from_indices(
        cls,
        base: Sequence[float],
        attacks: Iterable[tuple[int, int]],
        supports: Iterable[tuple[int, int]] = (),
    ) -> BipolarGraph:
        """A graph on nodes ``"0"`` .. ``str(n-1)`` with 0-based integer edges (for large inputs)."""
        names = [str(i) for i in range(len(base))]
        return cls(
            nodes=names,
            base_scores=dict(zip(names, base, strict=True)),
            attacks=[(names[a], names[b]) for a, b in attacks],
            supports=[(names[a], names[b]) for a, b in supports],
        )


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


def _topological(deps: list[list[int]]) -> list[int] | None:
    """A topological order (dependencies first), or ``None`` if there is a cycle."""
    n = len(deps)
    dependents: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for i, column in enumerate(deps):
        waiting[i] = len(column)
        for d in column:
            dependents[d].append(i)
    order = [i for i in range(n) if not waiting[i]]
    pos = 0
    while pos < len(order):
        d = order[pos]
        pos += 1
        for i in dependents[d]:
            waiting[i] -= 1
            if not waiting[i]:
                order.append(i)
    return order if len(order) == n else None


def _components(deps: list[list[int]]) -> list[list[int]]:
    """Strongly connected components, dependencies first (iterative Tarjan)."""
    n = len(deps)
    number = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(n):
        if number[root] != -1:
            continue
        work = [(root, 0)]
        number[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            v, k = work[-1]
            column = deps[v]
            if k < len(column):
                work[-1] = (v, k + 1)
                u = column[k]
                if number[u] == -1:
                    number[u] = low[u] = counter
                    counter += 1
                    stack.append(u)
                    on_stack[u] = True
                    work.append((u, 0))
                elif on_stack[u]:
                    low[v] = min(low[v], number[u])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
            if low[v] == number[v]:
                component: list[int] = []
                while True:
                    u = stack.pop()
                    on_stack[u] = False
                    component.append(u)
                    if u == v:
                        break
                found.append(component)
    # Edges point from a node to what it depends on, so Tarjan emits dependencies first.
    return found


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
    update = _make_update(graph, chosen)
    s = list(graph.base)
    deps = _dependencies(graph)
    order = _topological(deps)
    names = graph.nodes
    if order is not None:
        for i in order:
            s[i] = update(i, s)
        return Strengths(chosen, dict(zip(names, s, strict=True)), True, 0, 0.0, True)
    converged, steps, residual = True, 0, 0.0
    for component in _components(deps):
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
