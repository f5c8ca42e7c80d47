"""``argmap show``, ``convert`` and ``schema``: a map as an outline, in another format, its schema.

Imports the formats and export stages when a command runs. May import every stage; nothing imports
it but :mod:`argmap.cli.app`.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli._common import echo_safe, fail, not_an_input, usage

if TYPE_CHECKING:
    from collections.abc import Callable

    from argmap.diagnostics import Diagnostic
    from argmap.model.core import ArgumentMap

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
            help="Output format: a map format (yaml, json, aif, argdown), ova3 (AIF as an OVA3 save) or a "
            "graph export (mermaid, graphml, node-link); default: from the suffix of -o (.yaml, .json, .aif, "
            ".argdown, .mmd, .graphml, .nl.json, ...).",
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

        # Checked before the map is read: a wrong -o or --to fails at once, even for a large input.
        writer = _writer(output, to)
        amap, imported = formats.load_reporting(map_file)
        if imported:
            _report_import(map_file, imported)
        written = write_atomic(output, writer(amap)) if writer is not None else formats.dump(amap, output, to)
        as_aif = writer is None and to is None and formats.format_for(output).name == "aif"
        if as_aif or to in ("aif", "ova3"):
            _report_left_out(written, amap)
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
            f"argmap: {map_file}: {len(found)} import problem{'' if len(found) == 1 else 's'} ({summary}); "
            "`argmap check` lists all"
        ),
        err=True,
    )
    for diag in found[:5]:
        typer.echo(escape_controls(f"  {diag}"), err=True)


def _report_left_out(written: Path, amap: "ArgumentMap") -> None:
    """On stderr, in one line: what AIF has no place for and was not written (poles, roles, ...)."""
    from argmap._files import escape_controls
    from argmap.formats.aif import left_out

    lost = left_out(amap)
    if lost:
        summary = ", ".join(what if n == 1 else f"{what} x{n}" for what, n in lost.items())
        line = f"argmap: {written}: not written, as AIF has no place for them: {summary}"
        typer.echo(escape_controls(line), err=True)


def _writer(output: Path, to: str | None) -> "Callable[[ArgumentMap], str] | None":
    """The writer of the graph export or OVA3 save that ``--to`` or the suffix of ``output`` picks; ``None``
    for a map format (``formats.dump`` picks it). Exits 2 on an unknown ``--to``, or one that contradicts
    the suffix (YAML in a .json, Mermaid in a .yaml); an unknown suffix claims nothing."""
    from argmap import formats
    from argmap.diagnostics import short_repr
    from argmap.errors import InputError
    from argmap.export.graphs import GRAPH_EXPORTS, graph_export_for

    graph = graph_export_for(output)
    implied: str | None = graph.name if graph is not None else None
    if implied is None:
        try:
            implied = formats.format_for(output).name
        except InputError:
            implied = None
    if to is None:
        if implied is None:
            known = ", ".join(s for f in formats.FORMATS.values() for s in f.suffixes)
            exports = ", ".join(s for e in GRAPH_EXPORTS.values() for s in e.suffixes)
            raise InputError(
                f"unknown map file suffix {short_repr(output.suffix)}; expected one of {known}, or a graph "
                f"export's {exports} (or name the format with --to)",
                str(output),
                code="F009",
            )
        to = implied
    names = (*formats.FORMATS, "ova3", *GRAPH_EXPORTS)
    if to not in names:
        usage(f"--to {short_repr(to)} is not an output format; known: {', '.join(names)}")
    # AIF, its OVA3 save and node-link data are JSON: a .json name suits each (AIF is told apart by content).
    if implied not in (None, to) and not (
        (implied == "json" and to in ("aif", "ova3", "node-link")) or (implied == "aif" and to == "ova3")
    ):
        suffix = next((x for x in graph.suffixes if output.name.lower().endswith(x)), "") if graph else ""
        fitting = {**{n: f.suffixes for n, f in formats.FORMATS.items()}, "ova3": (".json", ".aif")}
        fitting.update((n, e.suffixes) for n, e in GRAPH_EXPORTS.items())
        fail(
            f"{output}: --to {to} contradicts the file's suffix {suffix or output.suffix!r}; "
            f"drop --to, or give the file a suffix for {to} ({', '.join(fitting[to])})"
        )
    if to == "ova3":
        from argmap.formats import aif

        return lambda amap: aif.dumps(amap, "ova3")
    export = GRAPH_EXPORTS.get(to)
    return export.dumps if export is not None else None


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
