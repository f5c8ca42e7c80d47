"""``argmap html``: a map as one self-contained interactive HTML page (diagram, source, evaluation).

Imports the export stage (and graphviz) only when the command runs. May import every stage;
nothing imports it but :mod:`argmap.cli.app`.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import fail, not_an_input, warn_map_errors

__all__ = ["html", "register"]


def html(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file (.yaml, .yml or .json).")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Page to write; '-' writes to stdout. Default: MAP's name.html."),
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="Directory of source texts (<source id>.txt) shown beside the diagram with quotes marked.",
        ),
    ] = None,
    semantics: Annotated[
        str | None,
        typer.Option(
            "--semantics",
            help="Comma-separated semantics the page can overlay (default: grounded, preferred, df-quad, qe, "
            "euler; preferred only up to 400 propositions).",
        ),
    ] = None,
    balance: Annotated[
        bool | None,
        typer.Option(
            "--balance/--no-balance",
            help="Include the balance table (default: for maps of at most 400 propositions).",
        ),
    ] = None,
) -> None:
    """Write an interactive viewer of a map: one HTML file that opens from disk, offline."""
    from argmap import formats
    from argmap._files import write_atomic
    from argmap.errors import ArgmapError
    from argmap.evaluation import SEMANTICS
    from argmap.export.html import to_html

    if sources is not None and not sources.is_dir():
        raise typer.BadParameter(f"{sources} is not a directory", param_hint="--sources")
    chosen: tuple[str, ...] | None = None
    if semantics is not None:
        chosen = tuple(s for s in semantics.replace(" ", ",").split(",") if s)
        for name in chosen:
            if name not in SEMANTICS:
                raise typer.BadParameter(
                    f"{name!r} is not one of {', '.join(SEMANTICS)}", param_hint="--semantics"
                )
    to_stdout = output is not None and str(output) == "-"
    target = output if output is not None else Path(map_file.stem + ".html")
    if not to_stdout:
        not_an_input(target, map_file)
    try:
        amap = formats.load(map_file)
        warn_map_errors(amap, map_file)
        page = to_html(amap, sources_dir=sources, semantics=chosen, balance=balance)
        if to_stdout:
            sys.stdout.write(page)
            return
        written = write_atomic(target, page)
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {written}")


def register(app: typer.Typer) -> None:
    """Add ``html`` to ``app``."""
    app.command("html")(html)
