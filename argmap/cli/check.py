"""``argmap check``: validate maps and report their problems as text, JSON or SARIF.

Imports the lint stage when the command runs; the rule families load only when rules run. May
import every stage; nothing imports it but :mod:`argmap.cli.app`.
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from argmap.lint.check import FileReport
    from argmap.model.core import ArgumentMap

__all__ = ["check", "register"]


def _may_be_links(path: Path) -> bool:
    """Whether ``path`` could be a link file: its start mentions their ``argmap-links`` key."""
    if not path.is_file():  # a FIFO would block, a device never end: the map loader refuses them
        return False
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
    from argmap.lint import check as checking
    from argmap.lint import emit, select_rules, unchecked_quote_sources

    choice(fmt, emit.FORMATS, "--format")
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
    link_codes: frozenset[str] | None = None
    if selected is not None or ignored is not None:
        # K codes (link-file rules) choose what link files report; the rest go to the lint rules.
        from argmap.comparison.check import split_selection

        selected, ignored, link_codes = split_selection(selected, ignored)

    from argmap.cli._progress import Progress

    # Without --sources, quotes are checked only against texts the sources declare; say so once.
    unchecked: dict[str, tuple[str, ...]] = {}

    def note_unchecked(path: str, amap: "ArgumentMap") -> None:
        missing = unchecked_quote_sources(amap)
        if missing:
            unchecked[path] = missing

    try:
        quotes_wanted = sources is None and any(r.code == "V003" for r in select_rules(selected, ignored))
        with Progress("checking", len(maps)) as bar:

            def check_maps(paths: list[Path]) -> list["FileReport"]:
                return checking.check_files(
                    paths,
                    sources_dir=sources,
                    select=selected,
                    ignore=ignored,
                    progress=lambda _n, _total, path: bar.step(path),
                    loaded=note_unchecked if quotes_wanted else None,
                    ends=fmt != "text",  # text shows where a finding starts; JSON and SARIF its region
                )

            if any(_may_be_links(path) for path in maps):
                # Link files between two maps (``argmap-links: 1``) are checked against both maps
                # (K rules); the comparison stage is loaded only when there may be one.
                from argmap.cli.compare import check_paths

                reports = check_paths(maps, check_maps, link_codes)
            else:
                reports = check_maps(list(maps))
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--select/--ignore") from None
    color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    # Map texts and ids reach the terminal: control characters are shown escaped, never obeyed.
    echo_safe(emit.format_report(reports, fmt, color=color), nl=False, keep_colour=color, json=fmt != "text")
    if unchecked:
        typer.echo(_unchecked_line(unchecked), err=True)
    raise typer.Exit(checking.exit_code(reports, strict=strict))


def _unchecked_line(unchecked: dict[str, tuple[str, ...]]) -> str:
    """One info line: whose quotes went unchecked for want of a source text, and how to check them."""
    from argmap._files import escape_controls
    from argmap.diagnostics import short_repr

    first, ids = next(iter(unchecked.items()))
    shown = ", ".join(short_repr(i, 40) for i in ids[:3]) + (
        f" and {len(ids) - 3} more" if len(ids) > 3 else ""
    )
    if len(unchecked) == 1:
        where = f"{first}: quotes from {'source' if len(ids) == 1 else 'sources'} {shown}"
    else:
        total = sum(len(v) for v in unchecked.values())
        where = f"quotes from {total} sources in {len(unchecked)} maps (in {first}: {shown})"
    how = "give --sources DIR holding <source id>.txt, or a 'text:' path on the source"
    return escape_controls(f"argmap: info: {where} were not checked: no source text found; {how}")


def register(app: typer.Typer) -> None:
    """Add ``check`` to ``app``."""
    app.command("check")(check)
