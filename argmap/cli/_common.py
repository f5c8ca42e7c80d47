"""Pieces every command shares: exit codes, one-line errors, option checks, map warnings.

The one exit-code and error policy of ``argmap`` and ``argmap-iccma``:

* **0** done; **1** problems found in a map (lint errors, or warnings with ``--strict``);
  **2** unusable input (a file that is missing or does not parse, a bad option value).
* An error is printed on stderr as one line per diagnostic it carries,
  ``argmap: error: FILE:LINE:COL: CODE message`` (see :func:`error_lines`), control characters
  escaped; never a traceback.

Kept in one place so every command module reports errors and exits the same way. Imports typer
only inside the functions that need it (``argmap-iccma`` uses argparse), and errors and the
linter when they are needed, so command modules can import it without slowing start-up.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NoReturn

from argmap._files import run_guarded, stdout_failed

if TYPE_CHECKING:
    from argmap.errors import ArgmapError
    from argmap.model.core import ArgumentMap

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_UNUSABLE",
    "choice",
    "echo_safe",
    "error_lines",
    "fail",
    "not_an_input",
    "report_error",
    "run_guarded",
    "stdout_failed",
    "usage",
    "warn_map_errors",
]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


def error_lines(error: BaseException | str, prog: str = "argmap") -> list[str]:
    """The stderr lines for ``error``: one per diagnostic it carries, else one for its message.

    ``ParseError`` and ``InputError`` give ``prog: error: FILE:LINE:COL: CODE message`` for each
    problem found (the file alone when the problem has no line); any other error its message.
    """
    from argmap._files import escape_controls

    diagnostics = getattr(error, "diagnostics", None)
    items = [str(d) for d in diagnostics] if diagnostics else [str(error)]
    return [escape_controls(f"{prog}: error: {item}") for item in items]


def report_error(error: BaseException | str, prog: str = "argmap") -> int:
    """Print :func:`error_lines` on stderr and return the exit code for unusable input (2)."""
    for line in error_lines(error, prog):
        print(line, file=sys.stderr)
    return EXIT_UNUSABLE


def fail(error: ArgmapError | str, code: int = EXIT_UNUSABLE) -> NoReturn:
    """Print an error (every problem it carries, one per line) and exit with ``code``."""
    import typer

    for line in error_lines(error):
        typer.echo(line, err=True)
    raise typer.Exit(code)


def usage(message: str, file: str | os.PathLike[str] | None = None) -> NoReturn:
    """Exit 2 with a U001 line: an option or argument names nothing the input has (``file``, if given)."""
    from argmap.errors import InputError

    fail(InputError(message, None if file is None else os.fspath(file), code="U001"))


def echo_safe(text: str, *, nl: bool = True, keep_colour: bool = False, json: bool = False) -> None:
    """Print map-derived ``text`` on stdout with control characters escaped (see ``escape_controls``)."""
    import typer

    from argmap._files import escape_controls

    typer.echo(escape_controls(text, keep_colour=keep_colour, json=json), nl=nl)


def not_an_input(output: str | os.PathLike[str] | None, *inputs: str | os.PathLike[str]) -> None:
    """Exit 2 with one line when ``output`` names one of ``inputs`` (``render m.yaml -o m.yaml``)."""
    from argmap._files import check_not_input
    from argmap.errors import InputError

    if output is None:
        return
    try:
        check_not_input(output, inputs)
    except InputError as error:
        fail(error)


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """``value`` if it is one of ``allowed``, else a usage error naming ``option``."""
    import typer

    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)
    return value


def warn_map_errors(amap: ArgumentMap, map_file: str | os.PathLike[str]) -> int:
    """Warn on stderr, in one line, when ``amap`` has validation errors; return how many.

    Rendering and evaluation go on with such a map (unknown ids are drawn as such, or left out
    of the evaluation), but the user must not take the output as the map's full story.
    """
    import typer

    from argmap.errors import Severity
    from argmap.lint import validate

    errors = [d for d in validate(amap) if d.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = f" and {len(errors) - 1} more" if len(errors) > 1 else ""
        typer.echo(
            f"argmap: warning: {os.fspath(map_file)}: the map has errors ({first.code} {first.message}"
            f"{more}); 'argmap check' lists them",
            err=True,
        )
    return len(errors)
