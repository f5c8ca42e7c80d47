"""Extension and labelling semantics of Dung frameworks: grounded, complete, preferred, stable.

Definitions follow Dung (1995) for extensions and Caminada (2006) / Baroni, Caminada and
Giacomin (2011) for labellings: a labelling maps every argument to IN, OUT or UNDEC; it is
*legal* (complete) when an argument is IN exactly if all its attackers are OUT, and OUT exactly
if some attacker is IN. Complete extensions are the IN sets of legal labellings; the grounded
extension is the least one, preferred extensions the maximal ones, stable extensions those
with no UNDEC argument.

The grounded labelling is computed in time linear in arguments plus attacks: each argument keeps
a count of attackers not yet OUT; arguments whose count reaches zero go IN, and everything they
attack goes OUT, which lowers the counts of what *those* attack. Large frameworks take these
steps a whole level at a time on numpy arrays and leave a long tail to the worklist. The other
semantics solve only the part the grounded labelling leaves UNDEC (see :mod:`argmap.af.solvers`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import eq, not_

import attrs
import numpy as np
import numpy.typing as npt

from argmap.af.framework import Framework
from argmap.af.solvers import Backend, Problem, acceptance, resolve_backend, sceptical_preferred, solve

__all__ = [
    "Acceptance",
    "AcceptanceSets",
    "Label",
    "Labelling",
    "Semantics",
    "accepted_sets",
    "complete_extensions",
    "count_extensions",
    "credulous",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "is_legal_labelling",
    "labelling_of",
    "labellings",
    "preferred_extensions",
    "sceptical",
    "some_extension",
    "stable_extensions",
]

_IN, _OUT, _UNDEC = 0, 1, 2


class Semantics(enum.Enum):
    """The Dung semantics argmap computes."""

    GROUNDED = "grounded"
    COMPLETE = "complete"
    PREFERRED = "preferred"
    STABLE = "stable"


class Label(enum.Enum):
    """The three labels of a labelling."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


@attrs.frozen(slots=True)
class Labelling:
    """A three-valued labelling: the arguments labelled IN, OUT and UNDEC."""

    inside: frozenset[str]
    outside: frozenset[str]
    undecided: frozenset[str]

    def label(self, argument: str) -> Label:
        """The label of ``argument``; ``KeyError`` if it is not labelled."""
        if argument in self.inside:
            return Label.IN
        if argument in self.outside:
            return Label.OUT
        if argument in self.undecided:
            return Label.UNDEC
        raise KeyError(argument)

    def as_dict(self) -> dict[str, Label]:
        """Argument -> label."""
        table = dict.fromkeys(self.inside, Label.IN)
        table.update(dict.fromkeys(self.outside, Label.OUT))
        table.update(dict.fromkeys(self.undecided, Label.UNDEC))
        return table


@attrs.frozen(slots=True)
class Acceptance:
    """Whether an argument is accepted, with an ICCMA-style certificate.

    ``witness`` is an extension containing the argument (credulous YES) or lacking it
    (sceptical NO); it is ``None`` where no certificate is due.
    """

    accepted: bool
    witness: frozenset[str] | None = None


# Below this many arguments the worklist alone is quickest (numpy's per-call cost dominates).
_ROUNDS_FROM = 2048
# A vectorised round costs some twenty numpy calls however few arguments it settles; after this
# many rounds that settle fewer than _SMALL_ROUND arguments each, the worklist finishes (a long
# chain of attacks would otherwise take one round per link).
_SMALL_ROUNDS = 64
_SMALL_ROUND = 64


def _grounded_labels(framework: Framework) -> list[int]:
    """The grounded label (``_IN``, ``_OUT``, ``_UNDEC``) of every argument index.

    Large frameworks go level by level in vectorised rounds: every argument whose attackers are
    all OUT goes IN at once, everything those attack goes OUT, and the attacker counts of what
    the new OUT arguments attack drop together. Each round costs what it touches, so the whole
    stays linear; the worklist finishes a long tail of small rounds.
    """
    n = len(framework.arguments)
    if n < _ROUNDS_FROM:
        labels = [_UNDEC] * n
        live = list(framework.attacker_counts)
        starts, flat = framework.target_rows
        return _grounded_worklist(starts, flat, labels, live, list(compress(range(n), map(not_, live))))
    starts_array, flat_array = framework.target_arrays
    live_array = framework.attacker_count_array.copy()
    label_array = np.full(n, _UNDEC, dtype=np.int8)
    frontier = np.flatnonzero(live_array == 0)
    scratch = np.empty(n, dtype=np.intp)
    small_rounds = 0
    while frontier.size and small_rounds < _SMALL_ROUNDS:
        small_rounds += frontier.size < _SMALL_ROUND
        label_array[frontier] = _IN
        hit = _row_values(starts_array, flat_array, frontier)
        out = _distinct(hit[label_array[hit] == _UNDEC], scratch)
        label_array[out] = _OUT
        touched = _row_values(starts_array, flat_array, out)
        np.subtract.at(live_array, touched, 1)
        frontier = _distinct(touched[(live_array[touched] == 0) & (label_array[touched] == _UNDEC)], scratch)
    labels = label_array.tolist()
    if not frontier.size:
        return labels
    return _grounded_worklist(
        starts_array.tolist(), flat_array.tolist(), labels, live_array.tolist(), frontier.tolist()
    )


def _distinct(values: npt.NDArray[np.intp], scratch: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """``values`` without repeats, in time linear in ``len(values)`` (``scratch`` covers every value).

    Each value writes its position into ``scratch``; the last write wins, so exactly one
    occurrence of each value reads its own position back. (No sort, and not ``np.unique``,
    which imports ``numpy.ma``.)
    """
    positions = np.arange(len(values))
    scratch[values] = positions
    kept: npt.NDArray[np.intp] = values[scratch[values] == positions]
    return kept


def _row_values(
    starts: npt.NDArray[np.intp], flat: npt.NDArray[np.intp], rows: npt.NDArray[np.intp]
) -> npt.NDArray[np.intp]:
    """``flat[starts[r]:starts[r + 1]]`` for every ``r`` in ``rows``, concatenated (no Python loop)."""
    first = starts[rows]
    lengths = starts[rows + 1] - first
    ends = np.cumsum(lengths)
    # Position j of the output belongs to row k: it is first[k] + (j - where row k's run begins).
    positions = np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(first - ends + lengths, lengths)
    values: npt.NDArray[np.intp] = flat[positions]
    return values


def _grounded_worklist(
    starts: Sequence[int], flat: Sequence[int], labels: list[int], live: list[int], queue: list[int]
) -> list[int]:
    """Finish the grounded labelling from ``queue``, the arguments whose attackers are all OUT.

    Argument ``a`` attacks ``flat[starts[a]:starts[a + 1]]``; ``live`` counts each argument's
    attackers not yet OUT. ``labels`` and ``live`` are updated in place and ``labels`` returned.
    """
    # The queue only grows; reading it by position avoids deque overhead.
    pos = 0
    while pos < len(queue):
        a = queue[pos]
        pos += 1
        labels[a] = _IN
        for b in flat[starts[a] : starts[a + 1]]:
            if labels[b] == _UNDEC:
                labels[b] = _OUT
                for c in flat[starts[b] : starts[b + 1]]:
                    live[c] -= 1
                    if not live[c] and labels[c] == _UNDEC:
                        queue.append(c)
    return labels


def _with_label(args: tuple[str, ...], labels: list[int], label: int) -> frozenset[str]:
    """The arguments whose label is ``label`` (one C-level pass)."""
    return frozenset(compress(args, map(eq, labels, repeat(label))))


def grounded_labelling(framework: Framework) -> Labelling:
    """The grounded labelling (least complete labelling), in linear time."""
    labels = _grounded_labels(framework)
    args = framework.arguments
    return Labelling(
        inside=_with_label(args, labels, _IN),
        outside=_with_label(args, labels, _OUT),
        undecided=_with_label(args, labels, _UNDEC),
    )


def grounded_extension(framework: Framework) -> frozenset[str]:
    """The grounded extension: the least fixed point of the characteristic function."""
    return _with_label(framework.arguments, _grounded_labels(framework), _IN)


class _Core:
    """The UNDEC core of the grounded labelling as a local framework of integer indices."""

    __slots__ = ("attackers", "grounded_in", "labels", "local", "members")

    def __init__(self, framework: Framework) -> None:
        self.labels = _grounded_labels(framework)
        labels = self.labels
        self.grounded_in = [i for i, v in enumerate(labels) if v == _IN]
        self.members = [i for i, v in enumerate(labels) if v == _UNDEC]
        self.local = {g: k for k, g in enumerate(self.members)}
        local = self.local
        # Attacks from OUT arguments never change a complete labelling; IN ones hit no UNDEC.
        self.attackers = [
            [local[a] for a in framework.attackers[g] if labels[a] == _UNDEC] for g in self.members
        ]

    def lift(self, framework: Framework, extension: frozenset[int]) -> frozenset[str]:
        args = framework.arguments
        members = self.members
        return frozenset([args[i] for i in self.grounded_in] + [args[members[k]] for k in extension])


def _problem(semantics: Semantics) -> Problem:
    return Problem(semantics.value)


def extensions(
    framework: Framework,
    semantics: Semantics | str,
    *,
    backend: Backend | str = Backend.AUTO,
    limit: int = 0,
) -> list[frozenset[str]]:
    """All extensions of ``framework`` under ``semantics``, in a deterministic order.

    Stable semantics may give an empty list (no stable extension exists). ``limit`` > 0 stops
    after that many (clingo stops searching; the pure-Python engine only trims its result).
    """
    chosen = Semantics(semantics)
    if chosen is Semantics.GROUNDED:
        return [grounded_extension(framework)]
    core = _Core(framework)
    found = solve(core.attackers, _problem(chosen), limit=limit, backend=backend)
    return [core.lift(framework, ext) for ext in found]


def complete_extensions(
    framework: Framework, *, backend: Backend | str = Backend.AUTO
) -> list[frozenset[str]]:
    """All complete extensions."""
    return extensions(framework, Semantics.COMPLETE, backend=backend)


def preferred_extensions(
    framework: Framework, *, backend: Backend | str = Backend.AUTO
) -> list[frozenset[str]]:
    """All preferred extensions (maximal complete extensions; there is always at least one)."""
    return extensions(framework, Semantics.PREFERRED, backend=backend)


def stable_extensions(framework: Framework, *, backend: Backend | str = Backend.AUTO) -> list[frozenset[str]]:
    """All stable extensions (possibly none)."""
    return extensions(framework, Semantics.STABLE, backend=backend)


def some_extension(
    framework: Framework,
    semantics: Semantics | str,
    *,
    backend: Backend | str = Backend.AUTO,
) -> frozenset[str] | None:
    """One extension (ICCMA task SE), or ``None`` when there is none (stable only)."""
    chosen = Semantics(semantics)
    if chosen is Semantics.GROUNDED:
        return grounded_extension(framework)
    core = _Core(framework)
    found = solve(core.attackers, _problem(chosen), limit=1, backend=backend)
    return core.lift(framework, found[0]) if found else None


def credulous(
    framework: Framework,
    argument: str,
    semantics: Semantics | str,
    *,
    backend: Backend | str = Backend.AUTO,
) -> Acceptance:
    """Is ``argument`` in *some* extension (ICCMA task DC)? The witness is one such extension."""
    chosen = Semantics(semantics)
    target = framework.indices([argument])[0]
    if chosen is Semantics.GROUNDED:
        ext = grounded_extension(framework)
        return Acceptance(argument in ext, ext if argument in ext else None)
    core = _Core(framework)
    label = core.labels[target]
    if label == _OUT:
        return Acceptance(False)
    if label == _IN:
        # Grounded-IN arguments are in every extension, if there is one (stable may have none).
        found = solve(core.attackers, _problem(chosen), limit=1, backend=backend)
        return Acceptance(True, core.lift(framework, found[0])) if found else Acceptance(False)
    found = solve(core.attackers, _problem(chosen), require_in=core.local[target], limit=1, backend=backend)
    return Acceptance(True, core.lift(framework, found[0])) if found else Acceptance(False)


def sceptical(
    framework: Framework,
    argument: str,
    semantics: Semantics | str,
    *,
    backend: Backend | str = Backend.AUTO,
) -> Acceptance:
    """Is ``argument`` in *every* extension (ICCMA task DS)? A NO comes with a counter-example.

    With no stable extension at all, every argument is sceptically accepted under stable
    semantics (the ICCMA convention; the claim holds vacuously).
    """
    chosen = Semantics(semantics)
    target = framework.indices([argument])[0]
    if chosen in (Semantics.GROUNDED, Semantics.COMPLETE):
        # The grounded extension is the intersection of all complete extensions.
        ext = grounded_extension(framework)
        return Acceptance(True) if argument in ext else Acceptance(False, ext)
    core = _Core(framework)
    label = core.labels[target]
    if label == _IN:
        return Acceptance(True)
    if label == _OUT:
        found = solve(core.attackers, _problem(chosen), limit=1, backend=backend)
        return Acceptance(False, core.lift(framework, found[0])) if found else Acceptance(True)
    if chosen is Semantics.PREFERRED and resolve_backend(backend) is Backend.CLINGO:
        # A few solver calls (see ``sceptical_preferred``) instead of listing every preferred
        # extension to find one without the argument.
        counter = sceptical_preferred(core.attackers, core.local[target])
        return Acceptance(True) if counter is None else Acceptance(False, core.lift(framework, counter))
    found = solve(core.attackers, _problem(chosen), require_out=core.local[target], limit=1, backend=backend)
    return Acceptance(False, core.lift(framework, found[0])) if found else Acceptance(True)


def labelling_of(framework: Framework, extension: Iterable[str]) -> Labelling:
    """The labelling an extension induces: IN its members, OUT what they attack, UNDEC the rest."""
    inside = frozenset(extension)
    members = framework.indices(inside)
    attacked = {b for a in members for b in framework.targets[a]}
    outside = framework.names(attacked)
    undecided = frozenset(framework.arguments) - inside - outside
    return Labelling(inside=inside, outside=outside, undecided=undecided)


def labellings(
    framework: Framework,
    semantics: Semantics | str,
    *,
    backend: Backend | str = Backend.AUTO,
) -> list[Labelling]:
    """The labellings of all extensions under ``semantics`` (same order as :func:`extensions`)."""
    return [labelling_of(framework, ext) for ext in extensions(framework, semantics, backend=backend)]


def is_legal_labelling(framework: Framework, labelling: Labelling) -> bool:
    """Whether ``labelling`` labels every argument once and is complete (legal everywhere)."""
    table = labelling.as_dict()
    if len(table) != len(framework) or set(table) != set(framework.arguments):
        return False
    if (
        labelling.inside & labelling.outside
        or labelling.inside & labelling.undecided
        or labelling.outside & labelling.undecided
    ):
        return False
    args = framework.arguments
    for i, name in enumerate(args):
        attacker_labels = [table[args[a]] for a in framework.attackers[i]]
        some_in = Label.IN in attacker_labels
        all_out = all(lab is Label.OUT for lab in attacker_labels)
        wanted = Label.IN if all_out else Label.OUT if some_in else Label.UNDEC
        if table[name] is not wanted:
            return False
    return True


@attrs.frozen(slots=True)
class AcceptanceSets:
    """The credulously and the sceptically accepted arguments of a framework under one semantics."""

    credulous: frozenset[str]
    sceptical: frozenset[str]
    #: Whether there is an extension at all (only stable semantics may have none; then every
    #: argument is vacuously sceptical and none credulous).
    exists: bool


def accepted_sets(
    framework: Framework,
    semantics: Semantics | str,
    *,
    backend: Backend | str = Backend.AUTO,
) -> AcceptanceSets:
    """Credulous and sceptical acceptance of every argument (ICCMA DC and DS for all at once).

    The grounded labelling decides most arguments (IN: in every extension; OUT: in none); the
    undecided core is decided by a few solver calls per argument (:func:`argmap.af.solvers.acceptance`),
    never by enumerating every extension.
    """
    chosen = Semantics(semantics)
    if chosen is Semantics.GROUNDED:
        ext = grounded_extension(framework)
        return AcceptanceSets(ext, ext, True)
    core = _Core(framework)
    found = acceptance(core.attackers, _problem(chosen), backend=backend)
    if not found.exists:
        return AcceptanceSets(frozenset(), frozenset(framework.arguments), False)
    args, members = framework.arguments, core.members
    grounded_in = [args[i] for i in core.grounded_in]
    return AcceptanceSets(
        frozenset(grounded_in + [args[members[k]] for k in found.credulous]),
        frozenset(grounded_in + [args[members[k]] for k in found.sceptical]),
        True,
    )


#: Largest undecided core whose extensions the pure-Python engine counts (its search is exponential).
_PYTHON_COUNT_LIMIT = 16


def count_extensions(
    framework: Framework,
    semantics: Semantics | str,
    limit: int,
    *,
    backend: Backend | str = Backend.AUTO,
) -> int | None:
    """The number of extensions if at most ``limit``, else ``None`` (enumerates at most ``limit + 1``).

    Also ``None`` when the pure-Python engine would have to search a core of more than 16
    arguments to count (it cannot stop early).
    """
    chosen = Semantics(semantics)
    if chosen is Semantics.GROUNDED:
        return 1
    core = _Core(framework)
    if resolve_backend(backend) is Backend.PYTHON and len(core.members) > _PYTHON_COUNT_LIMIT:
        return None
    found = solve(core.attackers, _problem(chosen), limit=limit + 1, backend=backend)
    return len(found) if len(found) <= limit else None
