"""``argmap show``, ``convert`` and ``schema``: a map as an outline, in another format, its schema.

Imports the formats and export stages when a command runs. May import every stage; nothing imports
it but :mod:`argmap.cli.app`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli._common import fail

__all__ = ["convert", "register", "schema", "show"]


def show(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file.")],
) -> None:
    """Print an outline of a map as a tree."""
    from argmap import formats
    from argmap.errors import ArgmapError
    from argmap.export.outline import outline

    try:
        amap = formats.load(map_file)
    except ArgmapError as error:
        fail(error)
    typer.echo("\n".join(outline(amap)))


def convert(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file to read.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write; its suffix picks the format.")
    ],
    to: Annotated[
        str | None, typer.Option("--to", help="Output map format (default: from the suffix of -o).")
    ] = None,
) -> None:
    """Convert a map between YAML and JSON."""
    from argmap import formats
    from argmap.errors import ArgmapError

    try:
        amap = formats.load(map_file)
        written = formats.dump(amap, output, to)
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {written}")


def schema() -> None:
    """Print the JSON Schema of the map format (for editors)."""
    import json

    from argmap import formats

    typer.echo(json.dumps(formats.json_schema(), indent=2))


def register(app: typer.Typer) -> None:
    """Add ``show``, ``convert`` and ``schema`` to ``app``."""
    app.command("show")(show)
    app.command("convert")(convert)
    app.command("schema")(schema)
