"""The ``argmap`` command line: parses arguments, calls the library, maps errors to exit codes.

Exit codes: 0 success; 1 problems found in a map; 2 unusable input (missing file, parse
error, bad option, Graphviz missing). Errors are one line each on stderr, never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Annotated

import attrs
import typer

from argmap import formats
from argmap.cli._common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, choice, fail, warn_map_errors
from argmap.errors import ArgmapError
from argmap.evaluation import evaluate
from argmap.export.dot import OUTPUT_FORMATS, RenderOptions, format_from_path, render_bytes, render_file
from argmap.export.outline import outline
from argmap.lint import report
from argmap.view.overlay import overlays
from argmap.view.select import DIRECTIONS, ViewOptions

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNUSABLE", "app", "main"]

app = typer.Typer(
    name="argmap",
    help="Argument maps: check, render, outline and convert them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"argmap {metadata.version('argmap')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Argument maps: check, render, outline and convert them."""


def _known(ids: Iterable[str]) -> str:
    listed = ", ".join(ids)
    return f"it has {listed}" if listed else "it has none"


@app.command()
def render(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file (.yaml, .yml or .json).")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file; '-' writes to stdout. Default: MAP's name."),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="svg, png, pdf or dot (default: from -o, else svg).")
    ] = None,
    direction: Annotated[
        str | None,
        typer.Option("--direction", "-d", help="Layout: TB, BT, LR or RL (default TB; LR for --overview)."),
    ] = None,
    hide_evidence: Annotated[bool, typer.Option("--hide-evidence", help="Leave evidence nodes out.")] = False,
    pole: Annotated[
        list[str] | None, typer.Option("--pole", help="Show only this pole (repeatable).")
    ] = None,
    theme: Annotated[
        list[str] | None, typer.Option("--theme", help="Show only this theme (repeatable).")
    ] = None,
    legend: Annotated[bool, typer.Option("--legend/--no-legend", help="Draw the legend.")] = True,
    locators: Annotated[
        bool, typer.Option("--locators/--no-locators", help="Show locators and speakers.")
    ] = True,
    overview: Annotated[
        bool,
        typer.Option(
            "--overview", help="Only theses, explanations, verdict and the claims right below them."
        ),
    ] = False,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth", min=0, help="Only nodes at most N steps below a thesis, explanation or verdict."
        ),
    ] = None,
    group_themes: Annotated[
        bool, typer.Option("--group-themes", help="Group each pole's factors in boxes by theme.")
    ] = False,
    context: Annotated[
        bool,
        typer.Option("--context/--no-context", help="With --pole/--theme, show linked outside nodes faded."),
    ] = True,
    color_by: Annotated[
        str | None,
        typer.Option(
            "--color-by",
            help="Colour nodes by evaluation: label (grounded labelling) or strength (quadratic energy).",
        ),
    ] = None,
) -> None:
    """Render a map as a diagram (SVG, PNG, PDF, or DOT source)."""
    direction = choice(direction or ("LR" if overview else "TB"), DIRECTIONS, "--direction")
    if color_by is not None:
        choice(color_by, ("label", "strength"), "--color-by")
    try:
        if fmt is None:
            fmt = format_from_path(output) if output is not None and str(output) != "-" else "svg"
        choice(fmt, OUTPUT_FORMATS, "--format")
        amap = formats.load(map_file)
        warn_map_errors(amap, map_file)
        for pole_id in pole or ():
            if pole_id not in amap.index.poles:
                fail(f"{map_file}: --pole {pole_id!r} is not a pole of this map ({_known(amap.index.poles)})")
        for theme_id in theme or ():
            if theme_id not in amap.index.themes:
                known = _known(amap.index.themes)
                fail(f"{map_file}: --theme {theme_id!r} is not a theme of this map ({known})")
        view = ViewOptions(
            direction=direction,
            show_evidence=not hide_evidence,
            poles=tuple(pole) if pole else None,
            themes=tuple(theme) if theme else None,
            show_legend=legend,
            show_locators=locators,
            depth=1 if overview and depth is None else depth,
            group_themes=group_themes,
            context=context,
        )
        if overview:
            view = attrs.evolve(view, show_evidence=False)
        overlay = {}
        if color_by is not None:
            semantics = "grounded" if color_by == "label" else "qe"
            overlay = overlays(evaluate(amap, semantics), color_by)
        options = RenderOptions(format=fmt, view=view, overlay=overlay)
        if output is not None and str(output) == "-":
            sys.stdout.buffer.write(render_bytes(amap, options))
            return
        target = output or Path(map_file.stem + "." + fmt)
        written = render_file(amap, target, options)
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {written}")


@app.command()
def check(
    maps: Annotated[list[Path], typer.Argument(metavar="MAP...", help="Map files to check.")],
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
    choice(fmt, report.FORMATS, "--format")
    if sources is not None and not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")

    def codes(value: str | None) -> list[str] | None:
        return None if value is None else [c for c in value.replace(" ", ",").split(",") if c]

    def progress(n: int, total: int, path: str) -> None:
        # Only worth showing for several files; stderr keeps JSON and SARIF on stdout clean.
        if total > 1:
            typer.echo(f"[{n}/{total}] {path}", err=True)

    try:
        reports = report.check_files(
            maps, sources_dir=sources, select=codes(select), ignore=codes(ignore), progress=progress
        )
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--select/--ignore") from None
    color = fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    typer.echo(report.format_report(reports, fmt, color=color), nl=False)
    raise typer.Exit(report.exit_code(reports, strict=strict))


@app.command()
def show(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file.")],
) -> None:
    """Print an outline of a map as a tree."""
    try:
        amap = formats.load(map_file)
    except ArgmapError as error:
        fail(error)
    typer.echo("\n".join(outline(amap)))


@app.command()
def convert(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file to read.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write; its suffix picks the format.")
    ],
    to: Annotated[
        str | None, typer.Option("--to", help=f"Output format: {', '.join(formats.FORMATS)}.")
    ] = None,
) -> None:
    """Convert a map between YAML and JSON."""
    try:
        amap = formats.load(map_file)
        written = formats.dump(amap, output, to)
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {written}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the map format (for editors)."""
    typer.echo(json.dumps(formats.json_schema(), indent=2))


# `argmap af` and `argmap evaluate` live in their own module; imported here, after `app` exists.
from argmap.cli.evaluate import register as _register_evaluation  # noqa: E402

_register_evaluation(app)


def main() -> None:
    """Console-script entry point: usage errors become one line on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as stop:
        code = stop.exit_code
    except typer.TyperException as error:  # usage errors: unknown option, bad value, missing argument
        if error.format_message():  # empty when help was shown instead (no arguments at all)
            typer.echo(f"argmap: error: {error.format_message()} (see 'argmap -h')", err=True)
        sys.exit(EXIT_UNUSABLE if error.exit_code == 2 else error.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("argmap: interrupted", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
