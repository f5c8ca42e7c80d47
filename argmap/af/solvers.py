"""Engines for the NP-hard semantics (complete, preferred, stable) on the undecided core.

Every complete labelling agrees with the grounded labelling on the arguments the grounded
semantics decides, and the arguments it leaves undecided form a sub-framework whose complete
labellings are exactly the rest (attacks from grounded-OUT arguments never matter; grounded-IN
arguments attack nothing undecided). So the engines here only ever see that undecided core,
given as local integer adjacency lists, and return extensions as sets of local indices.

Two engines:

* ``clingo``: answer-set programs in the style of the ASPARTIX encodings (Egly, Gaggl and Woltran,
  *Argument & Computation* 2010). Preferred extensions are the subset-maximal complete ones,
  enumerated with clingo's domain heuristic (``--heuristic=Domain --enum-mode=domRec``), which
  makes the solver itself return only inclusion-maximal models.
* ``python``: a plain backtracking search over conflict-free sets with bit masks, for small
  cores when clingo is not installed. It refuses cores above :data:`FALLBACK_LIMIT` arguments.
"""

from __future__ import annotations

import enum
import importlib.util
from collections.abc import Sequence
from typing import Any

import attrs

from argmap.errors import ArgmapError

__all__ = [
    "FALLBACK_LIMIT",
    "SCEPTICAL_BUDGET",
    "Backend",
    "CoreAcceptance",
    "Problem",
    "SolverUnavailableError",
    "acceptance",
    "clingo_available",
    "resolve_backend",
    "sceptical_preferred",
    "solve",
]

#: Largest undecided core the pure-Python engine accepts (its search is exponential).
FALLBACK_LIMIT = 40


class SolverUnavailableError(ArgmapError):
    """The requested engine is not installed, or the framework is too large for the fallback."""


class Backend(enum.Enum):
    """Which engine solves the undecided core."""

    AUTO = "auto"
    CLINGO = "clingo"
    PYTHON = "python"


class Problem(enum.Enum):
    """The extension-based semantics the engines know (grounded needs no engine)."""

    COMPLETE = "complete"
    PREFERRED = "preferred"
    STABLE = "stable"


def clingo_available() -> bool:
    """Whether the optional ``clingo`` package can be imported."""
    return importlib.util.find_spec("clingo") is not None


def resolve_backend(backend: Backend | str) -> Backend:
    """``AUTO`` becomes ``CLINGO`` when clingo is importable, else ``PYTHON``."""
    chosen = Backend(backend)
    if chosen is Backend.AUTO:
        return Backend.CLINGO if clingo_available() else Backend.PYTHON
    if chosen is Backend.CLINGO and not clingo_available():
        raise SolverUnavailableError(
            "the clingo engine is not installed; install argmap[solvers] or use backend='python'"
        )
    return chosen


def solve(
    attackers: Sequence[Sequence[int]],
    problem: Problem,
    *,
    require_in: int | None = None,
    require_out: int | None = None,
    limit: int = 0,
    backend: Backend | str = Backend.AUTO,
) -> list[frozenset[int]]:
    """Extensions of the core framework given by ``attackers`` (local indices).

    ``require_in`` / ``require_out`` keep only extensions that contain / lack that argument.
    For ``PREFERRED`` with ``require_in`` the result is the preferred extensions containing it
    (a maximal complete set among those containing an argument is maximal outright); with
    ``require_out`` it is the preferred extensions lacking it. ``limit`` > 0 stops after that
    many extensions. The result is sorted (by sorted member indices) for determinism.
    """
    chosen = resolve_backend(backend)
    if not attackers:
        # The empty framework has exactly one extension under every semantics: the empty set.
        return [frozenset()] if require_in is None else []
    if chosen is Backend.CLINGO:
        found = _solve_clingo(attackers, problem, require_in, require_out, limit)
    else:
        found = _solve_python(attackers, problem, require_in, require_out, limit)
    return sorted(found, key=sorted)


# -- clingo -------------------------------------------------------------------------------------

_GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
"""
_COMPLETE = """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- out(X), not undefended(X).
"""
_STABLE = """
:- out(X), not defeated(X).
"""
_MAXIMAL = """
#heuristic in(X) : arg(X). [1,true]
"""


def _program(attackers: Sequence[Sequence[int]], problem: Problem) -> str:
    n = len(attackers)
    parts = [f"arg(0..{n - 1})." if n else "", "#show in/1."]
    parts.extend(f"att({a},{b})." for b, column in enumerate(attackers) for a in column)
    parts.append(_GUESS)
    if problem is Problem.STABLE:
        parts.append(_STABLE)
    else:
        parts.append(_COMPLETE)
    return "\n".join(parts)


def _solve_clingo(
    attackers: Sequence[Sequence[int]],
    problem: Problem,
    require_in: int | None,
    require_out: int | None,
    limit: int,
) -> list[frozenset[int]]:
    import clingo  # optional dependency: imported only when this engine runs

    maximal = problem is Problem.PREFERRED
    # domRec with require_out would give maximal sets among those lacking the argument, which
    # need not be preferred; so that case enumerates all preferred sets and filters below.
    filter_out = maximal and require_out is not None
    args = [str(0 if filter_out else limit), "--warn=none"]
    if maximal:
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
    # The solver's own warnings (e.g. about heuristics) are not actionable for users.
    control = clingo.Control(args, logger=lambda _code, _message: None)
    program = _program(attackers, problem)
    if maximal:
        program += _MAXIMAL
    if require_in is not None:
        program += f"\n:- not in({require_in})."
    if require_out is not None and not filter_out:
        program += f"\n:- in({require_out})."
    control.add("base", [], program)
    control.ground([("base", [])])
    found: list[frozenset[int]] = []

    def on_model(model: clingo.Model) -> None:
        found.append(frozenset(sym.arguments[0].number for sym in model.symbols(shown=True)))

    control.solve(on_model=on_model)
    if filter_out:
        found = [ext for ext in found if require_out not in ext]
        if limit:
            found = sorted(found, key=sorted)[:limit]
    return found


# -- pure Python ----------------------------------------------------------------------------------


def _solve_python(
    attackers: Sequence[Sequence[int]],
    problem: Problem,
    require_in: int | None,
    require_out: int | None,
    limit: int,
) -> list[frozenset[int]]:
    n = len(attackers)
    if n > FALLBACK_LIMIT:
        raise SolverUnavailableError(
            f"{n} arguments are left undecided by the grounded semantics; the pure-Python engine "
            f"handles at most {FALLBACK_LIMIT}. Install argmap[solvers] (clingo) for larger frameworks."
        )
    att_mask = [0] * n
    tgt_mask = [0] * n
    for b, column in enumerate(attackers):
        for a in column:
            att_mask[b] |= 1 << a
            tgt_mask[a] |= 1 << b
    everything = (1 << n) - 1
    # Self-attackers can never be chosen: start with them blocked.
    self_attackers = sum(1 << j for j in range(n) if att_mask[j] >> j & 1)
    stable = problem is Problem.STABLE
    found: list[int] = []

    def accept(chosen: int) -> None:
        attacked = 0
        rest = chosen
        while rest:
            low = rest & -rest
            attacked |= tgt_mask[low.bit_length() - 1]
            rest ^= low
        if stable:
            if attacked | chosen == everything:
                found.append(chosen)
            return
        # Complete: conflict-free and equal to the set of arguments it defends.
        defended = 0
        for j in range(n):
            if att_mask[j] & ~attacked == 0:
                defended |= 1 << j
        if defended == chosen:
            found.append(chosen)

    def search(j: int, chosen: int, blocked: int) -> None:
        if j == n:
            accept(chosen)
            return
        bit = 1 << j
        if not blocked & bit and require_out != j:
            search(j + 1, chosen | bit, blocked | att_mask[j] | tgt_mask[j])
        if require_in != j:
            search(j + 1, chosen, blocked)

    if problem is Problem.PREFERRED:
        # Preferred = inclusion-maximal complete sets; filters apply after maximality.
        require_in_all, require_out_all = require_in, require_out
        require_in = require_out = None
        search(0, 0, self_attackers)
        found = _maximal(found)
        if require_in_all is not None:
            found = [m for m in found if m >> require_in_all & 1]
        if require_out_all is not None:
            found = [m for m in found if not m >> require_out_all & 1]
    else:
        search(0, 0, self_attackers)
    result = [frozenset(i for i in range(n) if m >> i & 1) for m in found]
    if limit:
        result = sorted(result, key=sorted)[:limit]
    return result


def _maximal(masks: list[int]) -> list[int]:
    ordered = sorted(set(masks), key=lambda m: -m.bit_count())
    kept: list[int] = []
    for m in ordered:
        if not any(m & k == m for k in kept):
            kept.append(m)
    return kept


# -- acceptance of every argument -----------------------------------------------------------------

#: Most maximal complete sets lacking one argument examined to decide its sceptical acceptance
#: under preferred semantics (the problem is Pi2-complete; past this the answer is refused).
SCEPTICAL_BUDGET = 2_000


@attrs.frozen(slots=True)
class CoreAcceptance:
    """Credulous and sceptical acceptance of every argument of a core (local indices)."""

    credulous: frozenset[int]
    sceptical: frozenset[int]
    #: Whether the core has an extension at all (only stable semantics may have none).
    exists: bool


def _ancestors(attackers: Sequence[Sequence[int]], target: int) -> list[int]:
    """``target`` and every argument with a path of attacks to it, in increasing order."""
    seen = {target}
    stack = [target]
    while stack:
        for a in attackers[stack.pop()]:
            if a not in seen:
                seen.add(a)
                stack.append(a)
    return sorted(seen)


def _components(attackers: Sequence[Sequence[int]]) -> list[list[int]]:
    """The weakly connected parts of a core (no attack between two parts), members sorted."""
    n = len(attackers)
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for b, column in enumerate(attackers):
        for a in column:
            neighbours[a].append(b)
            neighbours[b].append(a)
    part = [-1] * n
    parts: list[list[int]] = []
    for start in range(n):
        if part[start] >= 0:
            continue
        part[start] = len(parts)
        members = [start]
        for node in members:  # grows while read: a breadth-first walk
            for other in neighbours[node]:
                if part[other] < 0:
                    part[other] = part[start]
                    members.append(other)
        parts.append(sorted(members))
    return parts


def _restrict(attackers: Sequence[Sequence[int]], members: Sequence[int]) -> list[list[int]]:
    local = {g: k for k, g in enumerate(members)}
    return [[local[a] for a in attackers[g] if a in local] for g in members]


def acceptance(
    attackers: Sequence[Sequence[int]],
    problem: Problem,
    *,
    backend: Backend | str = Backend.AUTO,
) -> CoreAcceptance:
    """Which arguments of the core are in some extension, and which in every one (ICCMA DC, DS).

    Decided by a few solver calls per argument, never by enumerating every extension: 20 pairs
    of mutually attacking arguments have a million preferred extensions but take 80 calls.

    * Credulous: one call per argument not yet seen in an extension (each model found marks
      all its members). Under preferred semantics this is credulous complete acceptance.
    * Sceptical, stable: one call per credulous argument asking for a stable extension without
      it (each model found clears every argument it lacks). With no stable extension at all,
      every argument is sceptically accepted (the ICCMA convention).
    * Sceptical, complete: never, for an undecided-core argument (the grounded extension is
      complete and lacks it).
    * Sceptical, preferred: preferred semantics is *directional* (Baroni and Giacomin 2007), so
      only ``a`` and the arguments with a path of attacks to it matter. On that part, ``a`` is
      not sceptically accepted exactly when some complete set ``E`` without ``a``, maximal among
      those, has no complete superset containing ``a`` (then the preferred extensions around
      ``E`` all lack ``a``). The maximal sets are enumerated with clingo's domain heuristic under
      the assumption ``not in(a)``; :data:`SCEPTICAL_BUDGET` bounds them.

    The pure-Python engine enumerates the extensions of each such part (at most
    :data:`FALLBACK_LIMIT` arguments); for stable semantics, of the whole core.
    """
    chosen = resolve_backend(backend)
    n = len(attackers)
    if n == 0:
        return CoreAcceptance(frozenset(), frozenset(), True)
    if chosen is Backend.CLINGO:
        return _acceptance_clingo(attackers, problem)
    return _acceptance_python(attackers, problem)


def _acceptance_python(attackers: Sequence[Sequence[int]], problem: Problem) -> CoreAcceptance:
    n = len(attackers)
    if problem is Problem.STABLE:
        # Stable semantics is not directional, but parts with no attack between them are
        # independent: the extensions are the products of each part's (none if a part has none).
        credulous: set[int] = set()
        sceptical: set[int] = set()
        for part in _components(attackers):
            found = _solve_python(_restrict(attackers, part), problem, None, None, 0)
            if not found:
                return CoreAcceptance(frozenset(), frozenset(range(n)), False)
            credulous.update(part[k] for k in frozenset().union(*found))
            sceptical.update(part[k] for k in frozenset.intersection(*found))
        return CoreAcceptance(frozenset(credulous), frozenset(sceptical), True)
    credulous = set()
    sceptical = set()
    done: dict[tuple[int, ...], list[frozenset[int]]] = {}
    for target in range(n):
        members = tuple(_ancestors(attackers, target))
        if members not in done:
            done[members] = _solve_python(_restrict(attackers, members), problem, None, None, 0)
        found = done[members]
        local = members.index(target)
        hits = sum(local in ext for ext in found)
        if hits:
            credulous.add(target)
        if hits == len(found) and problem is Problem.PREFERRED:
            sceptical.add(target)
    return CoreAcceptance(frozenset(credulous), frozenset(sceptical), True)


def _acceptance_clingo(attackers: Sequence[Sequence[int]], problem: Problem) -> CoreAcceptance:
    n = len(attackers)
    stable = problem is Problem.STABLE
    plain = _Engine(attackers, Problem.STABLE if stable else Problem.COMPLETE)
    some = plain.first([])
    if some is None:  # stable only: no extension, so every argument is (vacuously) sceptical
        return CoreAcceptance(frozenset(), frozenset(range(n)), False)
    credulous = set(some)
    for target in range(n):
        if target not in credulous:
            model = plain.first([(plain.atom(target), True)])
            if model is not None:
                credulous |= model
    if problem is Problem.COMPLETE:
        return CoreAcceptance(frozenset(credulous), frozenset(), True)
    # A sceptically accepted argument is in every extension: in ``some`` too, when that is a
    # stable extension (``some`` is only a complete one under preferred semantics).
    candidates = [a for a in range(n) if a in (some if stable else credulous)]
    sceptical: set[int] = set()
    if stable:
        refuted: set[int] = set()
        for target in candidates:
            if target in refuted:
                continue
            model = plain.first([(plain.atom(target), False)])
            if model is None:
                sceptical.add(target)
            else:
                refuted.update(a for a in range(n) if a not in model)
        return CoreAcceptance(frozenset(credulous), frozenset(sceptical), True)
    parts: dict[tuple[int, ...], tuple[_Engine, _Engine]] = {}
    for target in candidates:
        members = tuple(_ancestors(attackers, target))
        engines = parts.get(members)
        if engines is None:
            sub = _restrict(attackers, members)
            engines = parts[members] = (_Engine(sub, Problem.COMPLETE), _Engine(sub, Problem.PREFERRED))
        if _sceptical_preferred(*engines, members.index(target)) is None:
            sceptical.add(target)
    return CoreAcceptance(frozenset(credulous), frozenset(sceptical), True)


def sceptical_preferred(attackers: Sequence[Sequence[int]], target: int) -> frozenset[int] | None:
    """``None`` if ``target`` is in every preferred extension, else a preferred one lacking it.

    Decided on ``target`` and what attacks it (directionality), as :func:`acceptance` does; the
    counter-example is then completed to a preferred extension of the whole core. Needs clingo.
    """
    members = _ancestors(attackers, target)
    sub = _restrict(attackers, members)
    local = members.index(target)
    complete, maximal = _Engine(sub, Problem.COMPLETE), _Engine(sub, Problem.PREFERRED)
    found = _sceptical_preferred(complete, maximal, local)
    if found is None:
        return None
    # A preferred extension of the part that lacks ``target``; any preferred extension of the
    # core agreeing with it on the part is preferred, and the domain heuristic finds one.
    part = maximal.first([(maximal.atom(a), True) for a in found])
    assert part is not None  # ``found`` itself is a model
    whole = _Engine(attackers, Problem.PREFERRED)
    chosen = {members[a] for a in part}
    assumptions = [(whole.atom(g), g in chosen) for g in members]
    extension = whole.first(assumptions)
    assert extension is not None  # directionality: the part's extension extends to the core
    return frozenset(extension)


def _sceptical_preferred(complete: _Engine, maximal: _Engine, target: int) -> list[int] | None:
    """``None`` if sceptically accepted, else a complete set whose preferred supersets lack it."""
    lacking = [(maximal.atom(target), False)]
    examined = 0
    with maximal.control.solve(assumptions=lacking, yield_=True) as handle:
        for model in handle:
            inside = [sym.arguments[0].number for sym in model.symbols(shown=True)]
            wanted = [(complete.atom(a), True) for a in (*inside, target)]
            if complete.first(wanted) is None:
                return inside
            examined += 1
            if examined >= SCEPTICAL_BUDGET:
                raise SolverUnavailableError(
                    f"deciding sceptical acceptance under preferred semantics took more than "
                    f"{SCEPTICAL_BUDGET} maximal sets for one argument; the framework is too hard "
                    "for this query (try grounded or complete semantics)"
                )
    return None


class _Engine:
    """One grounded clingo program over a core, queried many times under assumptions."""

    def __init__(self, attackers: Sequence[Sequence[int]], problem: Problem) -> None:
        import clingo

        maximal = problem is Problem.PREFERRED
        args = ["0" if maximal else "1", "--warn=none"]
        if maximal:
            args += ["--heuristic=Domain", "--enum-mode=domRec"]
        self.control = clingo.Control(args, logger=lambda _code, _message: None)
        program = _program(attackers, Problem.COMPLETE if maximal else problem)
        self.control.add("base", [], program + (_MAXIMAL if maximal else ""))
        self.control.ground([("base", [])])
        self._atoms = [clingo.Function("in", [clingo.Number(i)]) for i in range(len(attackers))]

    def atom(self, index: int) -> Any:
        return self._atoms[index]

    def first(self, assumptions: list[tuple[Any, bool]]) -> set[int] | None:
        """The members of one model under ``assumptions``, or ``None`` if there is none."""
        with self.control.solve(assumptions=assumptions, yield_=True) as handle:
            for model in handle:
                return {sym.arguments[0].number for sym in model.symbols(shown=True)}
        return None
