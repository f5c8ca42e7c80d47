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

from argmap.errors import ArgmapError

__all__ = [
    "FALLBACK_LIMIT",
    "Backend",
    "Problem",
    "SolverUnavailableError",
    "clingo_available",
    "resolve_backend",
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
