"""Dung argumentation frameworks: a frozen set of arguments and an attack relation.

Arguments are strings; internally every argument gets an integer index. The attack relation is
held as two flat integer tuples (``sources``, ``sinks``: attack ``k`` is
``sources[k] -> sinks[k]``), so every semantics runs over plain integers instead of hashing
strings in its inner loops.

Construction is a handful of passes that run in C (``map``, ``dict.fromkeys``, ``tuple`` and
numpy's sorts and counts): no Python-level statement runs per attack. Everything derived from
the columns is built on first use and cached: the columns, the targets of every argument as
compressed rows and the attacker counts, as read-only numpy arrays (which the grounded semantics
works on; :meth:`from_columns` seeds those it already has) and as flat tuples, the per-argument
tables ``attackers`` and ``targets``, the name index and the ``attacks`` pairs. A tuple per argument
costs more to build than everything else in construction, so only the semantics that need
those tables pay for them.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import repeat
from operator import itemgetter, sub
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from argmap._graph import (
    IntColumn,
    compressed_rows,
    int_array,
    paused_gc,
    rows_to_tuples,
    unique_edge_arrays,
    unique_edges,
)

__all__ = ["Framework"]


_first = itemgetter(0)
_second = itemgetter(1)


def _check_range(n: int, sources: IntColumn, sinks: IntColumn) -> None:
    """``ValueError`` (in 1-based ICCMA terms) unless every index lies in ``0..n-1``."""
    if not len(sources):
        return
    src, dst = int_array(sources), int_array(sinks)
    if min(src.min(), dst.min()) < 0 or max(src.max(), dst.max()) >= n:
        bad = int(np.flatnonzero((src < 0) | (src >= n) | (dst < 0) | (dst >= n))[0])
        raise ValueError(f"attack {src[bad] + 1} {dst[bad] + 1} names an argument outside 1..{n}")


def _read_only(array: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """``array`` (new, owned by the framework) made read-only: a cache shared with callers."""
    array.flags.writeable = False
    return array


def _grouped_targets(
    n: int, sources: npt.NDArray[np.intp], codes: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """``(starts, flat)`` from the sorted distinct edge codes ``source * n + sink``, read-only."""
    starts = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(sources, minlength=n), out=starts[1:])
    return _read_only(starts), _read_only(codes % max(n, 1))


def _freeze_arguments(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("arguments must be a sequence of strings, not a single string")
    # Keep the caller's order (it decides output order) but drop repeats.
    return tuple(dict.fromkeys(value))


@attrs.frozen(slots=True, weakref_slot=False, init=False, repr=False)
class Framework:
    """An abstract argumentation framework (Dung 1995): arguments and who attacks whom.

    ``Framework(arguments, attacks)``: ``arguments`` keeps the order given (repeats dropped);
    ``attacks`` is an iterable of ``(attacker, target)`` name pairs (repeats dropped). Every
    attack must name declared arguments, otherwise :class:`ValueError` is raised. For large
    integer-numbered inputs use :meth:`from_indices`.
    """

    arguments: tuple[str, ...]
    #: Attack ``k`` goes from ``arguments[sources[k]]`` to ``arguments[sinks[k]]`` (order given).
    sources: tuple[int, ...]
    sinks: tuple[int, ...]

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        names = _freeze_arguments(arguments)
        index = {name: i for i, name in enumerate(names)}
        pairs = attacks if isinstance(attacks, list | tuple) else list(attacks)
        try:
            sources = list(map(index.__getitem__, map(str, map(_first, pairs))))
            sinks = list(map(index.__getitem__, map(str, map(_second, pairs))))
        except KeyError as missing:
            raise ValueError(f"an attack names the undeclared argument {missing.args[0]!r}") from None
        sources, sinks = unique_edges(len(names), sources, sinks)
        self.__attrs_init__(names, tuple(sources), tuple(sinks))
        # The index was needed above anyway: seed the cache instead of rebuilding it later.
        object.__setattr__(self, "index", index)

    @classmethod
    def from_indices(cls, n: int, attacks: Iterable[tuple[int, int]]) -> Framework:
        """A framework with arguments ``"1"`` .. ``str(n)`` and 1-based integer attacks.

        This is the fast path for large and ICCMA inputs: no argument name is hashed.
        Repeated attacks are dropped. ``ValueError`` if an attack is outside ``1..n``.
        """
        with paused_gc():
            # Dropping repeats first, on the caller's own pairs, is cheaper than coding them.
            pairs = dict.fromkeys(attacks)
            sources = tuple(map(sub, map(_first, pairs), repeat(1)))
            sinks = tuple(map(sub, map(_second, pairs), repeat(1)))
            _check_range(n, sources, sinks)
            return cls._build(n, sources, sinks)

    @classmethod
    def from_columns(cls, n: int, sources: IntColumn, sinks: IntColumn) -> Framework:
        """A framework with arguments ``"1"`` .. ``str(n)`` and 0-based attacks
        ``sources[k] -> sinks[k]`` (repeats dropped). The inputs are not modified.

        ``ValueError`` if the columns differ in length or an index is outside ``0..n-1``.
        """
        if len(sources) != len(sinks):
            raise ValueError("sources and sinks must have the same length")
        with paused_gc():
            # Check first: an index out of range could share its code with a valid edge.
            _check_range(n, sources, sinks)
            src, dst, codes = unique_edge_arrays(n, sources, sinks)
            made = cls._build(n, src.tolist(), dst.tolist())
            # The arrays are at hand (and new): numpy work on the framework starts from them
            # instead of converting the tuples back.
            object.__setattr__(made, "columns", (_read_only(src), _read_only(dst)))
            object.__setattr__(made, "target_arrays", _grouped_targets(n, src, codes))
            return made

    @classmethod
    def _build(cls, n: int, sources: Sequence[int], sinks: Sequence[int]) -> Framework:
        """Set every field from 0-based, repeat-free attack columns (names ``"1"`` .. ``str(n)``).

        Callers have checked every index against ``0..n-1``.
        """
        made: Framework = object.__new__(cls)
        made.__attrs_init__(tuple(map(str, range(1, n + 1))), tuple(sources), tuple(sinks))
        object.__setattr__(made, "numbered", True)
        return made

    @functools.cached_property
    def index(self) -> Mapping[str, int]:
        """Argument name -> integer index (position in ``arguments``)."""
        return dict(zip(self.arguments, range(len(self.arguments)), strict=True))

    @functools.cached_property
    def columns(self) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """``sources`` and ``sinks`` as integer arrays (for numpy work; do not modify them)."""
        return _read_only(int_array(self.sources)), _read_only(int_array(self.sinks))

    @functools.cached_property
    def target_arrays(self) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """``(starts, flat)`` arrays: argument ``i`` attacks ``flat[starts[i]:starts[i + 1]]``.

        The same rows as :attr:`target_rows`, but each row in increasing index order (one sort,
        which building from columns has done already); read-only, for numpy work.
        """
        src, dst = self.columns
        n = len(self.arguments)
        return _grouped_targets(n, src, np.sort(src * max(n, 1) + dst))

    @functools.cached_property
    def attacker_count_array(self) -> npt.NDArray[np.intp]:
        """:attr:`attacker_counts` as an integer array (for numpy work; do not modify it)."""
        return _read_only(np.bincount(self.columns[1], minlength=len(self.arguments)))

    @functools.cached_property
    def target_rows(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """``(starts, flat)``: argument ``i`` attacks ``flat[starts[i]:starts[i + 1]]`` (attack order)."""
        src, dst = self.columns
        return compressed_rows(len(self.arguments), src, dst)

    @functools.cached_property
    def attacker_counts(self) -> tuple[int, ...]:
        """For each argument index, how many arguments attack it."""
        return tuple(self.attacker_count_array.tolist())

    @functools.cached_property
    def attackers(self) -> tuple[tuple[int, ...], ...]:
        """For each argument index, the indices of its attackers (in attack order)."""
        with paused_gc():
            return rows_to_tuples(compressed_rows(len(self.arguments), self.sinks, self.sources))

    @functools.cached_property
    def targets(self) -> tuple[tuple[int, ...], ...]:
        """For each argument index, the indices of the arguments it attacks (in attack order)."""
        with paused_gc():
            return rows_to_tuples(self.target_rows)

    @functools.cached_property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """The attacks as ``(attacker, target)`` name pairs, in the order given."""
        name = self.arguments.__getitem__
        return tuple(zip(map(name, self.sources), map(name, self.sinks), strict=True))

    def __repr__(self) -> str:
        return f"Framework(arguments={self.arguments!r}, attacks={self.attacks!r})"

    def __len__(self) -> int:
        return len(self.arguments)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.index

    def __getstate__(self) -> dict[str, Any]:
        # Only the defining data travels; caches are rebuilt on first use after unpickling.
        return {"arguments": self.arguments, "sources": self.sources, "sinks": self.sinks}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__attrs_init__(state["arguments"], state["sources"], state["sinks"])

    def names(self, indices: Iterable[int]) -> frozenset[str]:
        """The argument names of a collection of indices."""
        return frozenset(map(self.arguments.__getitem__, indices))

    def indices(self, names: Iterable[str]) -> list[int]:
        """The indices of argument names; ``KeyError`` names the first unknown argument."""
        index = self.index
        out: list[int] = []
        for name in names:
            if name not in index:
                raise KeyError(f"unknown argument {name!r}")
            out.append(index[name])
        return out

    def attackers_of(self, name: str) -> frozenset[str]:
        """Names of the arguments attacking ``name``."""
        return self.names(self.attackers[self.index[name]])

    def restrict(self, keep: Sequence[str]) -> Framework:
        """The sub-framework induced by the arguments in ``keep`` (attacks among them only)."""
        kept = set(keep)
        return Framework(
            arguments=[a for a in self.arguments if a in kept],
            attacks=[(a, b) for a, b in self.attacks if a in kept and b in kept],
        )

    def sorted_names(self, names: Iterable[str]) -> list[str]:
        """Names in framework order (the order used for every printed extension).

        ``KeyError`` for a name not in the framework.
        """
        items = names if isinstance(names, Collection) else list(names)
        if self.numbered:
            # Arguments "1" .. "n" in order: sorting the numbers needs no name index. A name that
            # is no such number ("x", "01", "0") sends the call down the general path.
            try:
                numbers = sorted(map(int, items))
            except ValueError:
                numbers = [0]
            if not numbers or (numbers[0] >= 1 and numbers[-1] <= len(self)):
                ordered = list(map(str, numbers))
                if set(ordered) == set(items):
                    return ordered
        index = self.index
        return sorted(items, key=index.__getitem__)

    @functools.cached_property
    def numbered(self) -> bool:
        """Whether the arguments are ``"1"`` .. ``str(n)`` in order (as in every ICCMA file)."""
        return self.arguments == tuple(map(str, range(1, len(self.arguments) + 1)))
