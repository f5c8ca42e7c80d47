"""The JSON form of the map format: the same structure as YAML, a documented public interface.

Values come from Python's own JSON parser (the authority on what JSON means); positions for
diagnostics come from one pass of :mod:`argmap.formats._jsonpos` over the same text.

Hostile input fails at its position (``docs/limits.md``): nesting deeper than
:data:`~argmap._files.MAX_NESTING`, integers beyond 64 bits (never converted from thousands of
digits) and lone UTF-16 surrogates (``"\\ud800"``, which no UTF-8 output can hold) are
:class:`~argmap.errors.ParseError` values with line and column.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap._files import MAX_INTEGER, MAX_NESTING
from argmap.diagnostics import LOAD_CODES, Diagnostic, Severity, short_repr
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


class _BigIntegerError(ValueError):
    """An integer literal out of range (raised from inside the parser, located afterwards)."""

    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


#: Longest integer literal converted: 19 digits and a sign.
_INT_CHARS = 20


def _parse_int(digits: str) -> int:
    if len(digits) > _INT_CHARS:
        raise _BigIntegerError(digits)
    value = int(digits)
    if abs(value) > MAX_INTEGER:
        raise _BigIntegerError(digits)
    return value


# A \u escape of a UTF-16 surrogate, with the run of backslashes before it (an even run means
# the backslash is itself escaped and the "escape" is plain text).
_SURROGATE = re.compile(r"(\\*)\\u([dD][89a-fA-F][0-9a-fA-F]{2})")


def _lone_surrogate(text: str) -> int | None:
    """The offset of the first ``\\uD800``-``\\uDFFF`` escape not part of a surrogate pair."""
    pending: int | None = None  # a high surrogate waiting for its low half, by end offset
    for match in _SURROGATE.finditer(text):
        if len(match.group(1)) % 2:  # an escaped backslash, then "u...": plain text
            continue
        code = int(match.group(2), 16)
        start = match.start(2) - 2
        if code >= 0xDC00 and pending == start:
            pending = None
            continue
        if pending is not None or code >= 0xDC00:
            return (pending - 6) if pending is not None else start
        pending = match.end()
    return None if pending is None else pending - 6


def _error_at(message: str, text: str, offset: int, filename: str | None, code: str) -> ParseError:
    """A coded error spanning the token at ``offset``."""
    span = _jsonpos.token_span(text, filename)(offset)
    return ParseError(
        diagnostics=(Diagnostic(code, Severity.ERROR, message, (), span, LOAD_CODES[code].fix),)
    )


def _nesting_offset(text: str) -> int:
    """Where the nesting first goes deeper than the limit (only called once it has)."""
    depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def loads(text: str, filename: str | None = None) -> ArgumentMap:
    """Parse a JSON map; problems raise :class:`~argmap.errors.ParseError` with line and column."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise _error_at(f"invalid JSON: {exc.msg}", text, exc.pos, filename, "J001") from None
    except RecursionError:
        offset = _nesting_offset(text)
        raise _error_at(f"nesting deeper than {MAX_NESTING} levels", text, offset, filename, "J004") from None
    except _BigIntegerError as exc:
        offset = max(text.find(exc.digits), 0)
        message = f"integer {short_repr(exc.digits, 30)} is out of range (at most 19 digits)"
        raise _error_at(message, text, offset, filename, "J003") from None
    except _jsonpos.DuplicateKeyError:
        pairs = json.loads(text, object_pairs_hook=_jsonpos.Pairs)
        found = _jsonpos.find_duplicate(text, pairs)
        assert found is not None  # the first parse saw one
        key, offset = found
        message = f"invalid JSON: duplicate key {short_repr(key)}"
        raise _error_at(message, text, offset, filename, "J002") from None
    if "\\u" in text:
        surrogate = _lone_surrogate(text)
        if surrogate is not None:
            message = f"a lone UTF-16 surrogate {text[surrogate : surrogate + 6]} is not a character"
            raise _error_at(message, text, surrogate, filename, "J003")
    try:
        located = _jsonpos.locate(text, data)
    except _jsonpos.NestingError as exc:
        raise _error_at(
            f"nesting deeper than {MAX_NESTING} levels", text, exc.offset, filename, "J004"
        ) from None
    return structure_map(
        data,
        file=filename,
        located=located,
        to_location=_jsonpos.offset_location(text, filename),
        root=0,
        extend=_jsonpos.token_extender(text),
    )


def dumps(amap: ArgumentMap) -> str:
    """Write a map as indented JSON (UTF-8, unicode kept as is), ending with a newline."""
    return json.dumps(unstructure_map(amap), indent=2, ensure_ascii=False) + "\n"
