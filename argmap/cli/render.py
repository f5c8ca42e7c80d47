"""``argmap render``: a map as a diagram (SVG, PNG, PDF or DOT source), or its view as JSON.

``--view`` picks one of the readable pictures of :mod:`argmap.view.presets` (``overview``,
``pole:ID``, ``theme:ID``, ``full``; ``all`` writes every one of them into a directory in one
process); the other options adjust it, or build a view from scratch as before. Imports the view
and export stages (and graphviz) only when the command runs. May import every stage; nothing
imports it but :mod:`argmap.cli.app`.
"""

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from argmap.cli._common import choice, fail, not_an_input, usage, warn_map_errors

if TYPE_CHECKING:
    from argmap.model.core import ArgumentMap

__all__ = ["register", "render"]

# Copies of the export and view vocabularies, so building the CLI does not import those stages;
# tests/test_startup.py checks they agree.
_DIRECTIONS = ("TB", "BT", "LR", "RL")
#: Formats that stay readable at any size; ``--view all`` draws the whole map only in these.
_SCALABLE = ("svg", "pdf", "dot", "json")


def _known(ids: Iterable[str]) -> str:
    listed = ", ".join(ids)
    return f"it has {listed}" if listed else "it has none"


def _formats(fmt: str | None, output: Path | None, many: bool) -> list[str]:
    """The output formats asked for: ``--format`` (comma-separated with ``--view all``), else from -o."""
    from argmap.export.dot import OUTPUT_FORMATS
    from argmap.export.image import format_from_path

    if fmt is None:
        if many or output is None or str(output) == "-":
            return ["svg"]
        return [format_from_path(output)]
    chosen = [f.strip().lower() for f in fmt.split(",") if f.strip()]
    for one in chosen:
        choice(one, OUTPUT_FORMATS, "--format")
    if not chosen or (len(chosen) > 1 and not many):
        usage(f"--format {fmt}: give one format (several, comma-separated, only with --view all)")
    if not many and output is not None and str(output) != "-":
        _check_suffix(output, chosen[0])
    return list(dict.fromkeys(chosen))


def _check_suffix(output: Path, fmt: str) -> None:
    """Exit 2 when ``output``'s suffix names another format than ``fmt`` (PNG bytes in a .svg)."""
    from argmap.errors import InputError
    from argmap.export.image import format_from_path

    try:
        implied = format_from_path(output)
    except InputError:
        return  # an unknown suffix (m.out) claims nothing: --format decides
    if implied != fmt:
        fail(
            f"{output}: --format {fmt} contradicts the file's suffix {output.suffix!r}; "
            f"name the file {output.stem}.{fmt} or drop --format"
        )


def render(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file (.yaml, .yml or .json).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output file; '-' writes to stdout; with --view all, a directory. "
            "Default: MAP's name (plus the view's), in the current directory.",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="svg, png, pdf, dot or json (the view, docs/view-json.md); default: from -o, else svg. "
            "With --view all, several: svg,png.",
        ),
    ] = None,
    view: Annotated[
        str | None,
        typer.Option(
            "--view",
            help="A readable picture: overview, pole:ID, theme:ID or full (the whole map); "
            "all writes each of them. The options below adjust it.",
        ),
    ] = None,
    direction: Annotated[
        str | None,
        typer.Option("--direction", "-d", help="Layout: TB, BT, LR or RL (default TB; LR for --overview)."),
    ] = None,
    hide_evidence: Annotated[
        bool | None,
        typer.Option(
            "--hide-evidence/--show-evidence",
            help="Leave evidence nodes out (default: shown; hidden in overviews).",
        ),
    ] = None,
    pole: Annotated[
        list[str] | None, typer.Option("--pole", help="Show only this pole (repeatable).")
    ] = None,
    theme: Annotated[
        list[str] | None, typer.Option("--theme", help="Show only this theme (repeatable).")
    ] = None,
    legend: Annotated[
        bool | None, typer.Option("--legend/--no-legend", help="Draw the legend (default: yes).")
    ] = None,
    locators: Annotated[
        bool | None,
        typer.Option("--locators/--no-locators", help="Show locators and speakers (default: yes)."),
    ] = None,
    skeleton: Annotated[
        bool | None,
        typer.Option(
            "--skeleton/--no-skeleton",
            help="Show explanations and the verdict (default: yes; no for pole and theme views).",
        ),
    ] = None,
    overview: Annotated[
        bool,
        typer.Option(
            "--overview",
            help="Only theses, explanations, verdict and the claims right below them (= --view overview).",
        ),
    ] = False,
    depth: Annotated[
        int | None,
        typer.Option(
            "--depth", min=0, help="Only nodes at most N steps below a thesis, explanation or verdict."
        ),
    ] = None,
    group_themes: Annotated[
        bool | None,
        typer.Option(
            "--group-themes/--no-group-themes",
            help="Group each pole's factors in boxes by theme (default: no; yes for pole views).",
        ),
    ] = None,
    context: Annotated[
        bool | None,
        typer.Option(
            "--context/--no-context",
            help="With --pole/--theme, show linked outside nodes faded (default: yes).",
        ),
    ] = None,
    color_by: Annotated[
        str | None,
        typer.Option(
            "--color-by",
            help="Colour nodes by evaluation: label (grounded labelling) or strength (quadratic energy).",
        ),
    ] = None,
) -> None:
    """Render a map as a diagram (SVG, PNG, PDF or DOT source), or its view as JSON.

    Readable pictures of a large map: --view overview, --view pole:ID, --view theme:ID;
    --view all -o DIR -f svg,png writes every one of them.
    """
    import attrs

    from argmap import formats
    from argmap.errors import ArgmapError
    from argmap.view import presets
    from argmap.view.select import ViewOptions
    from argmap.view.select import overview as overview_options

    if direction is not None:
        choice(direction, _DIRECTIONS, "--direction")
    if color_by is not None:
        choice(color_by, ("label", "strength"), "--color-by")
    if overview and view is not None and view != "overview":
        raise typer.BadParameter(f"--overview contradicts --view {view}", param_hint="--overview")
    every = view == "all"
    try:
        kinds = _formats(fmt, output, every)
        amap = formats.load(map_file)
        warn_map_errors(amap, map_file)
        for pole_id in pole or ():
            if pole_id not in amap.index.poles:
                usage(f"--pole {pole_id!r} is not a pole of this map ({_known(amap.index.poles)})", map_file)
        for theme_id in theme or ():
            if theme_id not in amap.index.themes:
                known = _known(amap.index.themes)
                usage(f"--theme {theme_id!r} is not a theme of this map ({known})", map_file)
        # Options given on the command line adjust the chosen view; the rest keep its settings.
        changes: dict[str, Any] = {
            name: value
            for name, value in (
                ("direction", direction),
                ("show_evidence", None if hide_evidence is None else not hide_evidence),
                ("poles", tuple(pole) if pole else None),
                ("themes", tuple(theme) if theme else None),
                ("show_legend", legend),
                ("show_locators", locators),
                ("show_skeleton", skeleton),
                ("depth", depth),
                ("group_themes", group_themes),
                ("context", context),
            )
            if value is not None
        }
        overlay = _overlay(amap, color_by)
        if every:
            _render_all(amap, map_file, output, kinds, changes, overlay)
            return
        if view is not None:
            chosen = presets.named_view(amap, view)
            base, suffix = chosen.options, f"-{chosen.name}"
        else:
            base, suffix = (overview_options(), "-overview") if overview else (ViewOptions(), "")
        options = attrs.evolve(base, **changes)
        links = _links(amap, map_file, suffix.removeprefix("-"), options) if view is not None else {}
        written = _render_one(amap, map_file, output, kinds[0], options, overlay, suffix, links)
    except ArgmapError as error:
        fail(error)
    if written is not None:
        typer.echo(f"wrote {written}")


def _overlay(amap: "ArgumentMap", color_by: str | None) -> dict[str, Any]:
    if color_by is None:
        return {}
    from argmap.evaluation import evaluate
    from argmap.view.overlay import overlays

    semantics = "grounded" if color_by == "label" else "qe"
    return dict(overlays(evaluate(amap, semantics), color_by))


def _render_one(
    amap: "ArgumentMap",
    map_file: Path,
    output: Path | None,
    fmt: str,
    view: Any,
    overlay: dict[str, Any],
    suffix: str,
    links: dict[str, str] | None = None,
) -> Path | None:
    """Render one picture to ``output`` (stdout for '-'); the path written, or None for stdout."""
    from argmap.export.dot import RenderOptions
    from argmap.export.image import render_bytes, render_file

    options = RenderOptions(format=fmt, view=view, overlay=overlay, links=links or {})
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(render_bytes(amap, options))
        return None
    target = output or Path(f"{map_file.stem}{suffix}.{fmt}")
    not_an_input(target, map_file)
    return render_file(amap, target, options)


def _links(amap: "ArgumentMap", map_file: Path, name: str, options: Any) -> dict[str, str]:
    """SVG links from a named view to the sibling pictures ``--view all`` writes beside it."""
    from argmap.export.pages import named_links

    return named_links(amap, map_file.stem, name, options)


def _render_all(
    amap: "ArgumentMap",
    map_file: Path,
    output: Path | None,
    kinds: list[str],
    changes: dict[str, Any],
    overlay: dict[str, Any],
) -> None:
    """Every named view into directory ``output``, one ``wrote PATH  TITLE`` line per file."""
    import attrs

    from argmap.cli._progress import Progress
    from argmap.view.presets import named_views

    if output is not None and str(output) == "-":
        usage("--view all writes several files: give -o a directory, not '-'")
    folder = output or Path()
    if folder.exists() and not folder.is_dir():
        usage("--view all needs a directory for -o, and this is a file", folder)
    os.makedirs(folder, exist_ok=True)
    jobs: list[tuple[Path, str, Any, str]] = []
    for named in named_views(amap):
        # A whole document map as PNG is a poster too large to read on a screen; it gets an SVG.
        wanted = kinds if named.name != "full" else [k if k in _SCALABLE else "svg" for k in kinds]
        for fmt in dict.fromkeys(wanted):
            target = folder / f"{map_file.stem}-{named.name}.{fmt}"
            jobs.append((target, fmt, attrs.evolve(named.options, **changes), named.title))
    with Progress("rendering", len(jobs)) as bar:
        for target, fmt, options, title in jobs:
            bar.step(target.name)
            links = _links(amap, map_file, target.stem.removeprefix(f"{map_file.stem}-"), options)
            written = _render_one(amap, map_file, target, fmt, options, overlay, "", links)
            typer.echo(f"wrote {written}  {title}")


def register(app: typer.Typer) -> None:
    """Add ``render`` to ``app``."""
    app.command("render")(render)
