"""``argmap check``: validate maps and report their problems as text, JSON or SARIF.

Imports the lint stage when the command runs; the rule families load only when rules run. May
import every stage; nothing imports it but :mod:`argmap.cli.app`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from argmap.lint.report import FileReport

__all__ = ["check", "register"]


def _may_be_links(path: Path) -> bool:
    """Whether ``path`` could be a link file: its start mentions their ``argmap-links`` key."""
    try:
        with open(path, "rb") as handle:
            return b"argmap-links" in handle.read(4096)
    except OSError:
        return False  # the map loader reports the file as unreadable


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

    from argmap.cli._progress import Progress

    try:
        with Progress("checking", len(maps)) as bar:

            def check_maps(paths: list[Path]) -> list[FileReport]:
                return report.check_files(
                    paths,
                    sources_dir=sources,
                    select=selected,
                    ignore=ignored,
                    progress=lambda _n, _total, path: bar.step(path),
                )

            if any(_may_be_links(path) for path in maps):
                # Link files between two maps (``argmap-links: 1``) are checked against both maps
                # (K rules); the comparison stage is loaded only when there may be one.
                from argmap.cli.compare import check_paths

                reports = check_paths(maps, check_maps)
            else:
                reports = check_maps(list(maps))
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
