"""``argmap render``: a map as a diagram (SVG, PNG, PDF or DOT source).

Imports the view and export stages (and graphviz) only when the command runs. May import every
stage; nothing imports it but :mod:`argmap.cli.app`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import choice, fail, not_an_input, warn_map_errors

__all__ = ["register", "render"]

# Copies of the export and view vocabularies, so building the CLI does not import those stages;
# tests/cli/test_render.py checks they agree.
_DIRECTIONS = ("TB", "BT", "LR", "RL")


def _known(ids: Iterable[str]) -> str:
    listed = ", ".join(ids)
    return f"it has {listed}" if listed else "it has none"


def render(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file (.yaml, .yml or .json).")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file; '-' writes to stdout. Default: MAP's name."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="svg, png, pdf, dot or json (the view, docs/view-json.md); default: from -o, else svg.",
        ),
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
    """Render a map as a diagram (SVG, PNG, PDF or DOT source), or its view as JSON."""
    import attrs

    from argmap import formats
    from argmap.errors import ArgmapError
    from argmap.export.dot import OUTPUT_FORMATS, RenderOptions
    from argmap.export.image import format_from_path, render_bytes, render_file
    from argmap.view.select import ViewOptions

    direction = choice(direction or ("LR" if overview else "TB"), _DIRECTIONS, "--direction")
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
            from argmap.evaluation import evaluate
            from argmap.view.overlay import overlays

            semantics = "grounded" if color_by == "label" else "qe"
            overlay = overlays(evaluate(amap, semantics), color_by)
        options = RenderOptions(format=fmt, view=view, overlay=overlay)
        if output is not None and str(output) == "-":
            sys.stdout.buffer.write(render_bytes(amap, options))
            return
        target = output or Path(map_file.stem + "." + fmt)
        not_an_input(target, map_file)
        written = render_file(amap, target, options)
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {written}")


def register(app: typer.Typer) -> None:
    """Add ``render`` to ``app``."""
    app.command("render")(render)
