"""Graph kernels shared by every stage: one implementation of each, used by lint, af and evaluation.

Below all stages; imports nothing from argmap. Graphs are integer-indexed (nodes ``0..n-1``, a
successor list per node) so the hot loops never hash strings; :func:`strongly_connected_ids`
and :func:`shortest_cycle` serve callers that work with ids.

* :func:`strongly_connected`: iterative Tarjan (no recursion limit), linear in nodes + edges;
* :func:`peel_acyclic`: Kahn's algorithm, the topological order of everything on no cycle and
  what remains (only that can hold a cycle);
* :func:`shortest_cycle`: a shortest cycle through a node inside one component (breadth-first);
* compressed rows (:func:`compressed_rows`, :func:`adjacency`, :func:`key_counts`,
  :func:`unique_edges`; array forms for callers that go on in numpy): grouping edge columns by
  key with numpy's sorts and counts. numpy is imported by these functions when first called,
  so stages that only need the pure-Python kernels (linting a map, for one) never load it;
* :func:`paused_gc`: the cyclic garbage collector paused while building large acyclic tables.

networkx is the test oracle for this module (``tests/test_graph.py``), not a runtime dependency.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeAlias, TypeVar

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    #: A column of 0-based node indices: Python ints, or a numpy integer array.
    IntColumn: TypeAlias = Sequence[int] | npt.NDArray[np.intp]
else:
    IntColumn = Sequence[int]

__all__ = [
    "IntColumn",
    "adjacency",
    "compressed_rows",
    "int_array",
    "key_counts",
    "paused_gc",
    "peel_acyclic",
    "rows_to_tuples",
    "shortest_cycle",
    "strongly_connected",
    "strongly_connected_ids",
    "unique_edge_arrays",
    "unique_edges",
]

_H = TypeVar("_H", bound=Hashable)


class paused_gc:  # noqa: N801  (used as a function: ``with paused_gc():``)
    """Pause the cyclic garbage collector for the block, restoring the caller's setting after.

    Loading a map or building adjacency tables allocates hundreds of thousands of small objects
    that all stay alive; every allocation counts towards the collector's thresholds, so it would
    rescan the ever-growing set of live objects again and again (measured: YAML dumping went from
    linear to quadratic). Nothing built under the pause forms a reference cycle that could leak.

    A class rather than a generator-based context manager: a corpus load enters it once per file, and
    a generator's set-up cost a few microseconds each time.
    """

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was_enabled:
            gc.enable()


def strongly_connected(successors: Sequence[Sequence[int]]) -> list[list[int]]:
    """Strongly connected components of the graph ``i -> successors[i]`` (iterative Tarjan).

    Components come out in reverse topological order of the condensation: a component is listed
    after every component it reaches, so when edges point from a node to what it depends on,
    dependencies come first. Members are listed in discovery order. Linear in nodes + edges.
    """
    n = len(successors)
    number = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(n):
        if number[root] != -1:
            continue
        number[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            v, k = work[-1]
            column = successors[v]
            if k < len(column):
                work[-1] = (v, k + 1)
                u = column[k]
                if number[u] == -1:
                    number[u] = low[u] = counter
                    counter += 1
                    stack.append(u)
                    on_stack[u] = True
                    work.append((u, 0))
                elif on_stack[u] and number[u] < low[v]:
                    low[v] = number[u]
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
                component.reverse()
                found.append(component)
    return found


def _indexed(nodes: Iterable[_H], edges: Mapping[_H, Sequence[_H]]) -> tuple[list[_H], list[list[int]]]:
    """``nodes`` (repeats dropped) and their successor lists as indices; edges to unknown nodes dropped."""
    names = list(dict.fromkeys(nodes))
    number = {name: i for i, name in enumerate(names)}
    successors = [[number[t] for t in edges.get(name, ()) if t in number] for name in names]
    return names, successors


def strongly_connected_ids(nodes: Iterable[_H], edges: Mapping[_H, Sequence[_H]]) -> list[list[_H]]:
    """:func:`strongly_connected` for a graph given by ids; edges leaving ``nodes`` are ignored."""
    names, successors = _indexed(nodes, edges)
    return [[names[i] for i in component] for component in strongly_connected(successors)]


def peel_acyclic(successors: Sequence[Sequence[int]]) -> tuple[list[int], list[int]]:
    """Kahn's algorithm: ``(order, rest)``.

    ``order`` is a topological order of every node that lies on no cycle and is not reachable
    from one; ``rest`` (in index order) holds the nodes on or below a cycle. ``rest`` is empty
    exactly when the graph is acyclic.
    """
    n = len(successors)
    waiting = [0] * n
    for column in successors:
        for t in column:
            waiting[t] += 1
    order = [i for i in range(n) if not waiting[i]]
    for v in order:  # the list grows while it is walked
        for t in successors[v]:
            waiting[t] -= 1
            if not waiting[t]:
                order.append(t)
    rest = [i for i in range(n) if waiting[i]] if len(order) < n else []
    return order, rest


def shortest_cycle(start: _H, members: set[_H] | frozenset[_H], edges: Mapping[_H, Sequence[_H]]) -> list[_H]:
    """A shortest cycle through ``start`` using only ``members`` (breadth-first), ``start`` first.

    ``[start]`` when there is none (a component of one node without a self-loop).
    """
    parent: dict[_H, _H] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in edges.get(node, ()):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                path.reverse()
                return path
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]


# -- compressed rows ------------------------------------------------------------------------------


def adjacency(n: int, keys: Iterable[int], values: Iterable[int]) -> tuple[tuple[int, ...], ...]:
    """For each ``i`` in ``0..n-1``, the ``values[k]`` with ``keys[k] == i``, in input order.

    Keys must lie in ``0..n-1`` (a negative key would wrap around; callers check ranges first).
    """
    columns: list[list[int]] = [[] for _ in range(n)]
    # list.append(columns[key], value) for every pair, driven entirely by C iterators: the
    # deque with maxlen 0 only exhausts the map and keeps nothing.
    deque(map(list.append, map(columns.__getitem__, keys), values), maxlen=0)
    return tuple(map(tuple, columns))


def int_array(values: IntColumn) -> npt.NDArray[np.intp]:
    """``values`` as a flat integer array (one C-level pass over the Python ints)."""
    import numpy as np

    if isinstance(values, np.ndarray):
        return values.astype(np.intp, copy=False)
    return np.fromiter(values, dtype=np.intp, count=len(values))


def compressed_rows(n: int, keys: IntColumn, values: IntColumn) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``(starts, flat)``: the ``values[k]`` with ``keys[k] == i`` are ``flat[starts[i]:starts[i + 1]]``.

    The same grouping as :func:`adjacency`, in input order, held in two flat tuples (``starts``
    has ``n + 1`` entries) instead of a tuple per key: a stable sort of the keys and a running
    count, both in numpy, with no container per key to allocate, track and free. Keys must lie
    in ``0..n-1``.
    """
    import numpy as np

    key_array = int_array(keys)
    order = np.argsort(key_array, kind="stable")
    starts = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(key_array, minlength=n), out=starts[1:])
    return tuple(starts.tolist()), tuple(int_array(values)[order].tolist())


def rows_to_tuples(rows: tuple[tuple[int, ...], tuple[int, ...]]) -> tuple[tuple[int, ...], ...]:
    """Compressed rows as one tuple per key (slicing a tuple gives a tuple)."""
    starts, flat = rows
    return tuple(map(flat.__getitem__, map(slice, starts, starts[1:])))


def key_counts(n: int, keys: IntColumn) -> tuple[int, ...]:
    """For each ``i`` in ``0..n-1``, how often ``i`` occurs in ``keys`` (keys lie in ``0..n-1``)."""
    import numpy as np

    return tuple(np.bincount(int_array(keys), minlength=n).tolist())


def unique_edges(n: int, sources: IntColumn, sinks: IntColumn) -> tuple[list[int], list[int]]:
    """``sources``/``sinks`` (0-based, below ``n``) with repeated edges dropped, first kept, order kept."""
    src, dst, _ = unique_edge_arrays(n, sources, sinks)
    return src.tolist(), dst.tolist()


def unique_edge_arrays(
    n: int, sources: IntColumn, sinks: IntColumn
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """:func:`unique_edges` as new arrays, with the distinct edge codes ``source * n + sink`` sorted.

    Edges are coded as integers and sorted once (numpy's fastest, unstable sort): repeats are
    then neighbours, and when nothing repeats (the common case) the columns come back in full.
    Otherwise only the edges whose code repeats are looked at again to keep each one's first.
    The sorted codes group the edges by source (each source's sinks in increasing order), which
    is all some callers need of the grouping.
    """
    import numpy as np

    src, dst = int_array(sources), int_array(sinks)
    codes = src * max(n, 1) + dst
    ordered = np.sort(codes)
    repeated = ordered[1:] == ordered[:-1]
    if not repeated.any():
        return src.copy(), dst.copy(), ordered
    values = ordered[1:][repeated]  # sorted, each repeated code once per extra copy
    slot = np.searchsorted(values, codes)
    slot[slot == len(values)] = 0
    involved = np.flatnonzero(values[slot] == codes)
    _, first = np.unique(codes[involved], return_index=True)  # stable: the earliest of each code
    keep = np.ones(len(codes), dtype=np.bool_)
    keep[involved] = False
    keep[involved[first]] = True
    return src[keep], dst[keep], ordered[np.concatenate(([True], ~repeated))]
