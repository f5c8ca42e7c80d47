"""Where every value of a JSON document starts, found in one pass over the text.

Python's JSON parser gives values but no positions. Once it has accepted a document, each value
and each key begins with a token that one regular expression can find: a string, ``{``, ``[``,
a number or a literal. In document order, the n-th such token starts the n-th key or value of a
pre-order walk over the parsed data (objects keep the file's key order), so walking the data
and the tokens together pairs every container, key and value with its character offset. Offsets
become lines and columns only when a diagnostic or a model object asks for one.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from argmap._files import MAX_NESTING
from argmap.errors import Location
from argmap.formats._spec import Located

__all__ = [
    "DuplicateKeyError",
    "NestingError",
    "Pairs",
    "find_duplicate",
    "locate",
    "offset_location",
    "token_extender",
    "token_span",
    "value_extender",
]

# A token starts with any character that can begin a value or key; the rest depends on that
# character: a string is matched whole, so that brackets, digits and letters inside it are never
# taken for tokens; ``[`` and ``{`` stand alone; a number or a literal (``NaN`` and ``Infinity``
# are JSON as Python reads it) runs to the next delimiter. Opening with one character class lets
# the regular expression engine skip whitespace and punctuation quickly.
_TOKEN = re.compile(
    r'[^\s,:\]}](?:(?<=")[^"\\]*(?:\\.[^"\\]*)*"|(?<=[\[{])|[^\s,:\[\]{}"]*)',
    re.DOTALL,
)
_NEWLINE = re.compile("\n")
_start = re.Match.start
_end = re.Match.end


def _starts(text: str) -> Iterator[int]:
    return map(_start, _TOKEN.finditer(text))


def locate(text: str, data: Any) -> dict[int, Located]:
    """Positions (character offsets) of every container in ``data``, by ``id``.

    ``data`` must be what :func:`json.loads` returned for ``text``, duplicate keys refused;
    ``NestingError`` (with the offset) when containers nest deeper than ``MAX_NESTING``.
    """
    located: dict[int, Located] = {}
    _walk(data, _starts(text).__next__, located, 1)
    return located


class NestingError(ValueError):
    """Containers nest deeper than :data:`~argmap._files.MAX_NESTING`; ``offset`` is where."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _walk(value: Any, next_start: Callable[[], int], located: dict[int, Located], depth: int) -> int:
    start = next_start()
    if depth > MAX_NESTING and (type(value) is dict or type(value) is list):
        raise NestingError(start)
    deeper = depth + 1
    if type(value) is dict:
        children: dict[str, int] = {}
        keys: dict[str, int] = {}
        for key, item in value.items():
            keys[key] = next_start()
            kind = type(item)
            children[key] = (
                _walk(item, next_start, located, deeper) if kind is dict or kind is list else next_start()
            )
        located[id(value)] = (start, children, keys)
    elif type(value) is list:
        items = [
            _walk(item, next_start, located, deeper)
            if type(item) is dict or type(item) is list
            else next_start()
            for item in value
        ]
        located[id(value)] = (start, items, None)
    return start


def offset_location(text: str, file: str | None) -> Callable[[int], Location]:
    """A function turning a character offset in ``text`` into a 1-based line and column.

    Lines end at ``\\n`` only, as in the messages of Python's JSON parser.
    """
    line_starts = [0, *map(_end, _NEWLINE.finditer(text))]

    def to_location(offset: int) -> Location:
        line = bisect.bisect_right(line_starts, offset)
        return Location(file, line, offset - line_starts[line - 1] + 1)

    return to_location


def token_span(text: str, file: str | None) -> Callable[[int], Location]:
    """Like :func:`offset_location`, with the span reaching to the end of the token at the offset.

    A string, number or literal spans itself; ``[`` and ``{`` span one character. For error
    messages only: the token is matched again, which plain positions need not pay for.
    """
    to_location = offset_location(text, file)

    def to_span(offset: int) -> Location:
        start = to_location(offset)
        match = _TOKEN.match(text, offset)
        if match is None or match.end() == offset:
            return start
        end = to_location(match.end())
        return Location(file, start.line, start.column, end.line, end.column)

    return to_span


def token_extender(text: str) -> Callable[[Location], Location]:
    """A function stretching a span to the end of the JSON token that starts where the span does.

    For error messages only (the token is matched again); a span no token starts at is returned
    as it is.
    """

    def token_end(offset: int) -> int | None:
        match = _TOKEN.match(text, offset)
        return None if match is None or match.end() == offset else match.end()

    return _extender(text, token_end)


def value_extender(text: str) -> Callable[[Location], Location]:
    """A function stretching a span to the end of the JSON value that starts where the span does (an
    object to its closing brace); a span no value starts at is returned as it is.

    For findings about a loaded map: the value is parsed again from its start by the standard library's
    scanner, which the document already passed.
    """
    decoder = json.JSONDecoder()

    def value_end(offset: int) -> int | None:
        try:
            return decoder.raw_decode(text, offset)[1]
        except (ValueError, RecursionError):
            return None

    return _extender(text, value_end)


def _extender(text: str, end_of: Callable[[int], int | None]) -> Callable[[Location], Location]:
    """A span stretched to ``end_of`` its start's offset in ``text`` (left as it is where that is None)."""
    line_starts: list[int] = []  # made on the first call

    def extend(span: Location) -> Location:
        if not line_starts:
            line_starts.extend([0, *map(_end, _NEWLINE.finditer(text))])
        if span.whole_file or span.line > len(line_starts):
            return span
        stop = end_of(line_starts[span.line - 1] + span.column - 1)
        if stop is None:
            return span
        end_line = bisect.bisect_right(line_starts, stop)
        end_column = stop - line_starts[end_line - 1] + 1
        return Location(span.file, span.line, span.column, end_line, end_column)

    return extend


class Pairs(list[tuple[str, Any]]):
    """An object's key-value pairs as parsed, duplicates kept (to find where a duplicate is)."""


class DuplicateKeyError(ValueError):
    """An object names the same key twice."""


def find_duplicate(text: str, data: Any) -> tuple[str, int] | None:
    """The first repeated key in document order and its offset, for ``data`` parsed with :class:`Pairs`."""
    return _find(data, _starts(text).__next__)


def _find(value: Any, next_start: Callable[[], int]) -> tuple[str, int] | None:
    next_start()
    if type(value) is Pairs:
        seen: set[str] = set()
        for key, item in value:
            offset = next_start()
            if key in seen:
                return key, offset
            seen.add(key)
            found = _find(item, next_start)
            if found is not None:
                return found
    elif type(value) is list:
        for item in value:
            found = _find(item, next_start)
            if found is not None:
                return found
    return None
