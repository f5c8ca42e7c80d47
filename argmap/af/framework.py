"""Dung argumentation frameworks: a frozen set of arguments and an attack relation.

Arguments are strings; internally every argument gets an integer index and the attack relation
is stored twice as adjacency tuples (attackers of each argument, targets of each argument).
These tables are built once, when the framework is made, so every semantics can run over plain
integer lists instead of hashing strings in its inner loops.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter

import attrs

__all__ = ["Framework"]


def _freeze_arguments(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError("arguments must be a sequence of strings, not a single string")
    # Keep the caller's order (it decides output order) but drop repeats.
    return tuple(dict.fromkeys(value))


def _freeze_attacks(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(dict.fromkeys((str(a), str(b)) for a, b in value))


@attrs.frozen(slots=True, weakref_slot=False)
class Framework:
    """An abstract argumentation framework (Dung 1995): arguments and who attacks whom.

    ``arguments`` keeps the order given (repeats dropped); ``attacks`` is a tuple of
    ``(attacker, target)`` pairs (repeats dropped). Every attack must name declared arguments,
    otherwise :class:`ValueError` is raised.
    """

    arguments: tuple[str, ...] = attrs.field(converter=_freeze_arguments)
    attacks: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_freeze_attacks)
    #: Argument name -> integer index (position in ``arguments``).
    index: Mapping[str, int] = attrs.field(init=False, eq=False, repr=False)
    #: For each argument index, the indices of its attackers.
    attackers: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    #: For each argument index, the indices of the arguments it attacks.
    targets: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index = {name: i for i, name in enumerate(self.arguments)}
        try:
            sources = list(map(index.__getitem__, map(itemgetter(0), self.attacks)))
            sinks = list(map(index.__getitem__, map(itemgetter(1), self.attacks)))
        except KeyError as missing:
            raise ValueError(f"an attack names the undeclared argument {missing.args[0]!r}") from None
        self._set_tables(index, sources, sinks)

    def _set_tables(self, index: dict[str, int], sources: list[int], sinks: list[int]) -> None:
        n = len(index)
        attackers: list[list[int]] = [[] for _ in range(n)]
        targets: list[list[int]] = [[] for _ in range(n)]
        # Integer-only loops: the string look-ups happened above, in C, via map().
        for a, b in zip(sources, sinks, strict=True):
            attackers[b].append(a)
        for a, b in zip(sources, sinks, strict=True):
            targets[a].append(b)
        # Frozen attrs classes forbid assignment; these derived tables are set exactly once here.
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "attackers", tuple(map(tuple, attackers)))
        object.__setattr__(self, "targets", tuple(map(tuple, targets)))

    @classmethod
    def from_indices(cls, n: int, attacks: Iterable[tuple[int, int]]) -> Framework:
        """A framework with arguments ``"1"`` .. ``str(n)`` and 1-based integer attacks.

        This is the fast path for ICCMA files: it never hashes argument names per attack.
        ``ValueError`` if an attack is outside ``1..n``.
        """
        pairs = list(dict.fromkeys(attacks))
        sources = [a - 1 for a, _ in pairs]
        sinks = [b - 1 for _, b in pairs]
        if pairs and (min(*sources, *sinks) < 0 or max(*sources, *sinks) >= n):
            bad = next(p for p in pairs if not (1 <= p[0] <= n and 1 <= p[1] <= n))
            raise ValueError(f"attack {bad[0]} {bad[1]} names an argument outside 1..{n}")
        names = [str(i) for i in range(1, n + 1)]
        made = object.__new__(cls)
        # Bypass __init__ (and its string-keyed pass); set every field exactly once.
        object.__setattr__(made, "arguments", tuple(names))
        object.__setattr__(
            made, "attacks", tuple((names[a], names[b]) for a, b in zip(sources, sinks, strict=True))
        )
        made._set_tables({name: i for i, name in enumerate(names)}, sources, sinks)
        return made

    def __len__(self) -> int:
        return len(self.arguments)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.index

    def names(self, indices: Iterable[int]) -> frozenset[str]:
        """The argument names of a collection of indices."""
        args = self.arguments
        return frozenset(args[i] for i in indices)

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
        """Names in framework order (the order used for every printed extension)."""
        index = self.index
        return sorted(names, key=index.__getitem__)
