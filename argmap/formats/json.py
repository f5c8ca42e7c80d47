"""The JSON form of the map format: the same structure as YAML, a documented public interface.

Values come from Python's own JSON parser (the authority on what JSON means); positions for
diagnostics come from one pass of :mod:`argmap.formats._jsonpos` over the same text.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.errors import ParseError
from argmap.formats import _jsonpos
from argmap.formats._spec import structure_map, unstructure_map
from argmap.model.core import ArgumentMap

__all__ = ["dumps", "loads"]


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _jsonpos.DuplicateKeyError
    return data


def loads(text: str, filename: str | None = None) -> ArgumentMap:
    """Parse a JSON map; problems raise :class:`~argmap.errors.ParseError` with line and column."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", filename, exc.lineno, exc.colno) from None
    except _jsonpos.DuplicateKeyError:
        pairs = json.loads(text, object_pairs_hook=_jsonpos.Pairs)
        found = _jsonpos.find_duplicate(text, pairs)
        assert found is not None  # the first parse saw one
        key, offset = found
        where = _jsonpos.offset_location(text, filename)(offset)
        raise ParseError(f"invalid JSON: duplicate key {key!r}", filename, where.line, where.column) from None
    return structure_map(
        data,
        file=filename,
        located=_jsonpos.locate(text, data),
        to_location=_jsonpos.offset_location(text, filename),
        root=0,
    )


def dumps(amap: ArgumentMap) -> str:
    """Write a map as indented JSON (UTF-8, unicode kept as is), ending with a newline."""
    return json.dumps(unstructure_map(amap), indent=2, ensure_ascii=False) + "\n"
