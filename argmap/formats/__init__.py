"""Map file formats: one module per format and one registry table keyed by name and suffix.

This package is the only place that reads or writes map files. Stage 2 of the pipeline: may
import ``model`` and the shared layer (``errors``, ``_files``, ``_graph``); nothing later.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from argmap._graph import paused_gc
from argmap.diagnostics import Span, short_repr
from argmap.errors import ArgmapError, Diagnostic, InputError
from argmap.model.core import ArgumentMap

if TYPE_CHECKING:
    from argmap.formats._spec import FORMAT_VERSION
    from argmap.formats.aif import AifImport

__all__ = [
    "FORMATS",
    "FORMAT_VERSION",
    "Format",
    "dump",
    "dumps",
    "format_for",
    "json_schema",
    "load",
    "load_reporting",
    "loads",
    "span_ends",
]


@attrs.frozen
class Format:
    """A registered map format: its name, file suffixes, reader and writer."""

    name: str
    suffixes: tuple[str, ...]
    loads: Callable[[str, str | None], ArgumentMap]
    dumps: Callable[[ArgumentMap], str]


def __getattr__(name: str) -> Any:
    # The format modules load on first use (PEP 562): reading an AIF corpus need not pay for PyYAML.
    if name == "FORMAT_VERSION":
        from argmap.formats._spec import FORMAT_VERSION

        return FORMAT_VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the map format, for editors and other tools."""
    from argmap.formats._spec import json_schema as schema

    return schema()


def _yaml_loads(text: str, filename: str | None) -> ArgumentMap:
    from argmap.formats import yaml as _yaml

    return _yaml.loads(text, filename)


def _yaml_dumps(amap: ArgumentMap) -> str:
    from argmap.formats import yaml as _yaml

    return _yaml.dumps(amap)


def _json_dumps(amap: ArgumentMap) -> str:
    from argmap.formats import json as _json

    return _json.dumps(amap)


def _json_or_aif(text: str, filename: str | None) -> ArgumentMap:
    # AIF files are JSON too: they are told apart by content (their first key), not by name.
    from argmap.formats import aif
    from argmap.formats import json as _json

    if aif.sniff(text):
        return aif.loads(text, filename)
    return _json.loads(text, filename)


def _aif_loads(text: str, filename: str | None) -> ArgumentMap:
    # Imported on use, like Argdown: checking a YAML map need not pay for the AIF reader.
    from argmap.formats import aif

    return aif.loads(text, filename)


def _aif_dumps(amap: ArgumentMap) -> str:
    from argmap.formats import aif

    return aif.dumps(amap)


def _argdown_loads(text: str, filename: str | None) -> ArgumentMap:
    # Imported on use: reading AIF or YAML need not pay for the Argdown parser.
    from argmap.formats import argdown

    return argdown.loads(text, filename)


def _argdown_dumps(amap: ArgumentMap) -> str:
    from argmap.formats import argdown

    return argdown.dumps(amap)


#: Every map format argmap reads and writes, by name.
FORMATS: Mapping[str, Format] = {
    "yaml": Format("yaml", (".yaml", ".yml"), _yaml_loads, _yaml_dumps),
    "json": Format("json", (".json",), _json_or_aif, _json_dumps),
    "aif": Format("aif", (".aif",), _aif_loads, _aif_dumps),
    "argdown": Format("argdown", (".argdown", ".ad"), _argdown_loads, _argdown_dumps),
}


def format_for(path: str | os.PathLike[str], name: str | None = None) -> Format:
    """The format named ``name``, or the one whose suffix ``path`` has."""
    if name is not None:
        try:
            return FORMATS[name]
        except KeyError:
            raise InputError(
                f"unknown map format {short_repr(name)}; known: {', '.join(FORMATS)}", code="F009"
            ) from None
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    message = f"unknown map file suffix {short_repr(suffix)}; expected one of {known}"
    raise InputError(message, os.fspath(path), code="F009")


def loads(text: str, format: str = "yaml", filename: str | None = None) -> ArgumentMap:
    """Parse map text in the named format."""
    with paused_gc():
        return format_for(filename or "", format).loads(text, filename)


def load(path: str | os.PathLike[str], format: str | None = None) -> ArgumentMap:
    """Load a map file; the format comes from its suffix unless named."""
    fmt = format_for(path, format)
    if fmt.name in ("aif", "json"):
        return _load_json_or_aif(path, fmt)[0]
    from argmap._files import read_text  # on use: reading a corpus through aif.read needs neither

    text = read_text(path)
    with paused_gc():
        return fmt.loads(text, os.fspath(path))


def load_reporting(
    path: str | os.PathLike[str], format: str | None = None
) -> tuple[ArgumentMap, tuple[Diagnostic, ...]]:
    """Load a map file and say what its import could not keep (AIF nodes argmap cannot represent, defects
    of the file); for argmap's own formats and Argdown the second part is empty."""
    fmt = format_for(path, format)
    if fmt.name not in ("aif", "json"):
        return load(path, format), ()
    amap, result = _load_json_or_aif(path, fmt)
    return amap, result.diagnostics if result is not None else ()


def _load_json_or_aif(path: str | os.PathLike[str], fmt: Format) -> tuple[ArgumentMap, AifImport | None]:
    """A JSON or AIF file's map, and the AIF import's report where it is AIF (told by content)."""
    from argmap._files import decode_utf8, read_bytes
    from argmap.formats import aif

    # AIF is read from the file's bytes (orjson parses them without a decoding pass).
    data = read_bytes(path)
    if fmt.name == "json" and not aif.sniff(data):
        text = decode_utf8(data, path)
        with paused_gc():
            return fmt.loads(text, os.fspath(path)), None
    result = aif.read(data, os.fspath(path))
    return result.map, result


def span_ends(path: str | os.PathLike[str], format: str | None = None) -> Callable[[Span], Span]:
    """A function giving a span in the file at ``path`` its end, where it has none: the end of the YAML node
    or JSON value that starts where the span does (a proposition's mapping, a field's value).

    For argmap's own formats; a span elsewhere, or in a file of another format (AIF, Argdown) or one that
    cannot be read again, is returned as it is. The file is read again, and scanned on the first call.
    """
    from argmap._files import read_text
    from argmap.formats import _jsonpos, _located, aif

    unchanged: Callable[[Span], Span] = lambda span: span  # noqa: E731
    try:
        fmt = format_for(path, format)
        if fmt.name not in ("yaml", "json"):
            return unchanged
        text = read_text(path)
    except ArgmapError:
        return unchanged
    if fmt.name == "json" and aif.sniff(text):
        return unchanged
    extend = _located.node_spans(text) if fmt.name == "yaml" else _jsonpos.value_extender(text)
    name = os.fspath(path)

    def ended(span: Span) -> Span:
        if span.end_line is not None or span.file != name or span.whole_file:
            return span
        return extend(span)

    return ended


def dumps(amap: ArgumentMap, format: str = "yaml") -> str:
    """Map text in the named format."""
    with paused_gc():
        return format_for("", format).dumps(amap)


def dump(amap: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write a map file atomically; the format comes from the suffix unless named."""
    from argmap._files import write_atomic

    fmt = format_for(path, format)
    with paused_gc():
        text = fmt.dumps(amap)
    return write_atomic(path, text)
