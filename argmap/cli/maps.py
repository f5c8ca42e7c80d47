"""``argmap show``, ``convert`` and ``schema``: a map as an outline, in another format, its schema.

Imports the formats and export stages when a command runs. May import every stage; nothing imports
it but :mod:`argmap.cli.app`.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli._common import echo_safe, fail, not_an_input

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic

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
    echo_safe("\n".join(outline(amap)))


def convert(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file to read.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write; its suffix picks the format."),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Output format: a map format (yaml, json, aif, argdown) or a graph export (mermaid, "
            "graphml, node-link); default: from the suffix of -o (.mmd, .graphml, .nl.json, ...).",
        ),
    ] = None,
    upgrade: Annotated[
        bool,
        typer.Option(
            "--upgrade",
            help="Without -o: rewrite MAP in place to the current format version, keeping comments.",
        ),
    ] = False,
) -> None:
    """Convert a map between formats (always writing the current format version), or --upgrade it in place."""
    from argmap import formats
    from argmap.errors import ArgmapError, InputError
    from argmap.formats.upgrade import upgrade_file

    try:
        if output is None:
            if not upgrade:
                raise InputError("convert needs -o FILE, or --upgrade to rewrite MAP in place", code="U002")
            result = upgrade_file(map_file)
            state = "upgraded to" if result.changed else "already at"
            typer.echo(f"{map_file}: {state} map format version {formats.FORMAT_VERSION}")
            return
        not_an_input(output, map_file)
        from argmap._files import write_atomic
        from argmap.export.graphs import graph_export_for

        graph = graph_export_for(output, to)
        if to is not None and graph is None:
            _check_suffix(output, to)
        amap, imported = formats.load_reporting(map_file)
        if imported:
            _report_import(map_file, imported)
        # Graph exports (Mermaid, GraphML, node-link JSON) by suffix or --to; map formats otherwise.
        written = (
            write_atomic(output, graph.dumps(amap)) if graph is not None else formats.dump(amap, output, to)
        )
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {written}")


def _report_import(map_file: Path, found: "tuple[Diagnostic, ...]") -> None:
    """On stderr: how many problems the import found, by code, and the first few in full."""
    from collections import Counter

    from argmap._files import escape_controls

    by_code = Counter(d.code for d in found)
    summary = ", ".join(f"{code} x{n}" for code, n in sorted(by_code.items()))
    typer.echo(
        escape_controls(
            f"argmap: {map_file}: {len(found)} import problems ({summary}); `argmap check` lists all"
        ),
        err=True,
    )
    for diag in found[:5]:
        typer.echo(escape_controls(f"  {diag}"), err=True)


def _check_suffix(output: Path, to: str) -> None:
    """Exit 2 when ``output``'s suffix names another map format than ``--to`` (YAML in a .json)."""
    from argmap import formats
    from argmap.errors import InputError

    try:
        implied = formats.format_for(output).name
    except InputError:
        return  # an unknown suffix claims nothing: --to decides (and names an unknown format itself)
    # AIF is JSON, and the JSON reader recognises it by content: an AIF file may be called .json.
    if implied != to and not (to == "aif" and implied == "json"):
        fail(
            f"{output}: --to {to} contradicts the file's suffix {output.suffix!r}; "
            f"drop --to, or give the file a {to} suffix"
        )


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
