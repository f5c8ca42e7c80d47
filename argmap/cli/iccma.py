"""``argmap-iccma``: argmap behind the command-line interface of the ICCMA solver competitions.

Competition harnesses call every solver the same way, so argmap can be compared with other
solvers file for file:

* ``argmap-iccma`` (no arguments) prints the solver's name and version;
* ``argmap-iccma --formats`` prints the file formats read, ``[i23,apx,tgf]``;
* ``argmap-iccma --problems`` prints the supported problems, ``[DC-CO,DC-GR,...]``;
* ``argmap-iccma -p TASK -f FILE [-fo FORMAT] [-a ARG]`` solves one problem.

Problems are ``DC`` (credulous acceptance), ``DS`` (sceptical acceptance) and ``SE`` (some
extension) under ``CO``, ``GR``, ``PR`` and ``ST`` (complete, grounded, preferred, stable).
Answers follow the ICCMA 2023 output rules (see :mod:`argmap.af.iccma`). ``-fo`` is optional, as
in ICCMA 2023, whose only format is ``i23`` (``p af N``); older harnesses pass it.

Exit codes are those of ``argmap``: 0 answered, 2 unusable input (unknown problem, missing
argument, unreadable or malformed file), each with one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import metadata
from typing import NoReturn

from argmap._files import run_guarded
from argmap.af import Semantics, SolverUnavailableError, credulous, sceptical, some_extension
from argmap.af.iccma import FrameworkFormat, format_acceptance, format_extension, read_framework
from argmap.cli._common import report_error
from argmap.errors import ArgmapError

__all__ = ["FORMATS", "PROBLEMS", "main", "solve_problem"]

_SEMANTICS = {
    "CO": Semantics.COMPLETE,
    "GR": Semantics.GROUNDED,
    "PR": Semantics.PREFERRED,
    "ST": Semantics.STABLE,
}
#: Every problem ``argmap-iccma -p`` accepts, in the order ``--problems`` prints them.
PROBLEMS = tuple(f"{task}-{sem}" for task in ("DC", "DS", "SE") for sem in _SEMANTICS)
#: ``-fo`` names of the formats read (``i23`` is the ICCMA 2023 ``p af N`` format).
FORMATS = {"i23": FrameworkFormat.ICCMA, "apx": FrameworkFormat.APX, "tgf": FrameworkFormat.TGF}


def solve_problem(problem: str, file: str, fmt: str | None = None, argument: str | None = None) -> str:
    """The answer to ``problem`` (e.g. ``"DC-PR"``) on the framework in ``file``, as ICCMA prints it.

    ``ValueError`` for an unknown problem, format or argument, or a missing ``argument`` for
    ``DC``/``DS``; :class:`~argmap.errors.ParseError` when the file cannot be read or parsed.
    """
    if problem not in PROBLEMS:
        raise ValueError(f"unknown problem {problem!r}; expected one of {', '.join(PROBLEMS)}")
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    task, code = problem.split("-")
    semantics = _SEMANTICS[code]
    framework = read_framework(file, FORMATS[fmt] if fmt is not None else None)
    if task == "SE":
        extension = some_extension(framework, semantics)
        return "NO" if extension is None else format_extension(framework, extension)
    if argument is None:
        raise ValueError(f"problem {problem} needs the query argument (-a ARG)")
    if argument not in framework:
        raise ValueError(f"{file}: argument {argument!r} is not in the framework")
    decide = credulous if task == "DC" else sceptical
    return format_acceptance(framework, decide(framework, argument, semantics))


class _UsageError(Exception):
    """A command-line usage error, reported in one line."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises usage errors instead of printing the whole usage text and exiting."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="argmap-iccma", description="argmap behind the ICCMA solver interface.")
    parser.add_argument("-p", dest="problem", help="problem, e.g. DC-PR (see --problems)")
    parser.add_argument("-f", dest="file", help="framework file")
    parser.add_argument("-fo", dest="fmt", help="file format: i23 (default from the file), apx or tgf")
    parser.add_argument("-a", dest="argument", help="query argument for DC and DS problems")
    parser.add_argument("--formats", action="store_true", help="print the supported formats")
    parser.add_argument("--problems", action="store_true", help="print the supported problems")
    return parser


def _error(error: BaseException | str) -> int:
    # The error policy of every argmap command: one line per problem, exit 2 (see cli._common).
    return report_error(error, "argmap-iccma")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ICCMA interface on ``argv`` (default: the process arguments); returns the exit code.

    A standard output that cannot be written (full device, closed pipe) is one line and exit 2.
    """
    return run_guarded(lambda: _main(argv), "argmap-iccma")


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        options = parser.parse_args(args)
    except _UsageError as error:
        return _error(f"{error} (see 'argmap-iccma -h')")
    if not args:
        print(f"argmap {metadata.version('argmap')}\nThe argmap developers")
        return 0
    if options.formats:
        print(f"[{','.join(FORMATS)}]")
        return 0
    if options.problems:
        print(f"[{','.join(PROBLEMS)}]")
        return 0
    if options.problem is None or options.file is None:
        return _error("-p PROBLEM and -f FILE are required (or --formats, --problems)")
    try:
        print(solve_problem(options.problem, options.file, options.fmt, options.argument))
    except (ValueError, ArgmapError, SolverUnavailableError) as error:
        return _error(error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
