"""Pieces every ``argmap`` command shares: exit codes, one-line errors, option checks, map warnings.

Kept in one place so every command module reports errors and exits the same way. Imports only
typer at module level (errors and the linter load when they are needed), so command modules can
import it without slowing start-up.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from argmap.errors import ArgmapError
    from argmap.model.core import ArgumentMap

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNUSABLE", "choice", "fail", "warn_map_errors"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


def fail(error: ArgmapError | str, code: int = EXIT_UNUSABLE) -> NoReturn:
    """Print an error (every problem of a ParseError, one per line) and exit with ``code``."""
    from argmap.errors import ParseError

    errors = error.errors if isinstance(error, ParseError) else (error,)
    for item in errors:
        typer.echo(f"argmap: error: {item}", err=True)
    raise typer.Exit(code)


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """``value`` if it is one of ``allowed``, else a usage error naming ``option``."""
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)
    return value


def warn_map_errors(amap: ArgumentMap, map_file: str | os.PathLike[str]) -> int:
    """Warn on stderr, in one line, when ``amap`` has validation errors; return how many.

    Rendering and evaluation go on with such a map (unknown ids are drawn as such, or left out
    of the evaluation), but the user must not take the output as the map's full story.
    """
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
