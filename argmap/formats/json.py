"""The JSON form of the map format: the same structure as YAML, a documented public interface.

Values come from Python's own JSON parser (the authority on what JSON means); positions for
diagnostics come from parsing the same text as YAML, of which JSON is all but a subset. Where
that second pass fails, the map still loads, just without line numbers on its nodes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from argmap.errors import Location, ParseError
from argmap.formats._located import load_located
from argmap.formats._spec import Located, structure_map, unstructure_map
from argmap.model import ArgumentMap

__all__ = ["dumps", "loads"]


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise ValueError(f"duplicate key {key!r}")
        data[key] = value
    return data


def _pair_up(value: Any, twin: Any, out: dict[int, Located], locate: Any) -> None:
    # Walk the JSON value and its YAML twin together, giving each JSON container its twin's positions.
    located = locate(twin)
    if located is None:
        return
    if isinstance(value, Mapping) and isinstance(twin, Mapping):
        out[id(value)] = located
        for key, item in value.items():
            if key in twin:
                _pair_up(item, twin[key], out, locate)
    elif isinstance(value, list) and isinstance(twin, list) and len(value) == len(twin):
        out[id(value)] = located
        for item, twin_item in zip(value, twin, strict=True):
            _pair_up(item, twin_item, out, locate)


def loads(text: str, filename: str | None = None) -> ArgumentMap:
    """Parse a JSON map; problems raise :class:`~argmap.errors.ParseError` with line and column."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", filename, exc.lineno, exc.colno) from None
    except ValueError as exc:  # duplicate key; its position comes from the YAML pass if possible
        line = column = None
        try:
            load_located(text, filename)
        except ParseError as located_error:
            line, column = located_error.line, located_error.column
        raise ParseError(f"invalid JSON: {exc}", filename, line, column) from None
    table: dict[int, Located] = {}
    try:
        twin = load_located(text, filename)
        _pair_up(data, twin.data, table, twin.locate)
    except ParseError:
        table = {}
    return structure_map(
        data, file=filename, locate=lambda v: table.get(id(v)), root=Location(filename, 1, 1)
    )


def dumps(amap: ArgumentMap) -> str:
    """Write a map as indented JSON (UTF-8, unicode kept as is), ending with a newline."""
    return json.dumps(unstructure_map(amap), indent=2, ensure_ascii=False) + "\n"
