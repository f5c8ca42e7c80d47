"""``argmap check``: validate maps and report their problems as text, JSON or SARIF.

Imports the lint stage when the command runs; the rule families load only when rules run. May
import every stage; nothing imports it but :mod:`argmap.cli.app`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["check", "register"]


def check(
    maps: Annotated[
        list[Path], typer.Argument(metavar="MAP...", help="Map files (and link files between maps) to check.")
    ],
    *,
    sources: Annotated[
        Path | None,
        typer.Option("--sources", help="Directory of source texts (<source id>.txt) for checking quotes."),
    ] = None,
    select: Annotated[
        str | None, typer.Option("--select", help="Rules to run: comma-separated codes, prefixes, families.")
    ] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="Rules to skip, in the same form.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output: text, json or sarif.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Exit with 1 on warnings too.")] = False,
) -> None:
    """Validate maps and report problems (exit 0 clean, 1 errors, 2 unreadable input)."""
    from argmap.cli._common import choice, echo_safe
    from argmap.lint import report

    choice(fmt, report.FORMATS, "--format")
    if sources is not None and not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")

    def codes(value: str | None, option: str) -> list[str] | None:
        if value is None:
            return None
        listed = [c for c in value.replace(" ", ",").split(",") if c]
        if not listed:  # an empty --select would run no rule and report "no problems found"
            raise typer.BadParameter("names no rule (give codes, prefixes or families)", param_hint=option)
        return listed

    selected, ignored = codes(select, "--select"), codes(ignore, "--ignore")

    def progress(n: int, total: int, path: str) -> None:
        # Only worth showing for several files; stderr keeps JSON and SARIF on stdout clean.
        if total > 1:
            typer.echo(f"[{n}/{total}] {path}", err=True)

    from argmap.cli.compare import check_paths

    try:
        # Link files between two maps (``argmap-links: 1``) are checked against both maps (K rules).
        reports = check_paths(
            maps,
            lambda paths: report.check_files(
                paths, sources_dir=sources, select=selected, ignore=ignored, progress=progress
            ),
        )
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--select/--ignore") from None
    color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    # Map texts and ids reach the terminal: control characters are shown escaped, never obeyed.
    echo_safe(
        report.format_report(reports, fmt, color=color), nl=False, keep_colour=color, json=fmt != "text"
    )
    raise typer.Exit(report.exit_code(reports, strict=strict))


def register(app: typer.Typer) -> None:
    """Add ``check`` to ``app``."""
    app.command("check")(check)
