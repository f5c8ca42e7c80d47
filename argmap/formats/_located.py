"""A YAML loader that records where every mapping, sequence and value sits in the file.

Plain data is built straight from the events of PyYAML's C parser, without its composer: the
composer makes a Python node object per value and calls back into Python for each, which cost
several times the parse itself on large maps. Each event carries its position (a PyYAML mark);
the loader keeps those marks in a side table keyed by the identity of each constructed
container, and they become :class:`~argmap.errors.Location` values only when needed, so the
structuring stage can point at the exact line and column of a bad value.

What PyYAML's composer and safe constructor do is kept: anchors and aliases (an alias is the
same object as its anchor, positioned where the anchor is), merge keys (``<<``), explicit tags,
and the composer's errors, which are reported before any error found while building, as PyYAML
reports them when it composes the whole document first.

YAML is also made less surprising for map authors: only ``true``/``false`` are booleans (not
``yes``/``no``/``on``/``off``), dates stay strings, and duplicate keys are an error instead of
silently keeping the last one.

Work is bounded on hostile input (``docs/limits.md``): nesting deeper than
:data:`~argmap._files.MAX_NESTING` and integers beyond 64 bits are errors at their position, and
messages name values with :func:`~argmap.diagnostics.short_repr`, so an alias bomb (a kilobyte of
anchors that expands to billions of values) is never expanded: aliases share their anchor's
object, and nothing here walks a value whole.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

import attrs
import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from argmap._files import MAX_INTEGER, MAX_NESTING
from argmap.diagnostics import short_repr
from argmap.errors import Location, ParseError
from argmap.formats._spec import Located, Pos, ToLocation

__all__ = [
    "LocatedData",
    "load_located",
    "node_spans",
    "token_spans",
]

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_INT = "tag:yaml.org,2002:int"
#: Longest integer literal converted: 19 digits with a sign and ``_`` separators, or 64 binary.
_INT_CHARS = 90
_STR_KEYS = (_STR, _VALUE)  # a plain ``=`` key is the string "=", as PyYAML has it

#: Implicit resolvers by a plain scalar's first character, the wildcard ones appended, as
#: PyYAML looks them up; booleans are YAML 1.2's and timestamps are left out.
_IMPLICIT: dict[str | None, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple((tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _TIMESTAMP))
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _IMPLICIT[_first] = (
        *_IMPLICIT.get(_first, ()),
        (_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")),
    )
_WILDCARD = _IMPLICIT.pop(None, ())
_IMPLICIT = {first: (*resolvers, *_WILDCARD) for first, resolvers in _IMPLICIT.items()}
#: First characters of plain scalars that may be something other than a string (any, if there
#: are wildcard resolvers).
_SPECIAL = frozenset(_IMPLICIT)


def _resolve(value: str) -> str:
    """The tag of an untagged plain scalar, as PyYAML's resolver with the tables above gives it."""
    for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
        if regexp.match(value):
            return tag
    return _STR


def _mark_location(file: str | None) -> ToLocation:
    def to_location(mark: Any) -> Location:
        return Location(file, mark.line + 1, mark.column + 1)

    return to_location


@attrs.frozen
class LocatedData:
    """Loaded plain data plus the positions of its containers, by ``id``."""

    data: Any
    located: dict[int, Located]
    #: Turns a recorded position (a PyYAML mark) into a location.
    to_location: ToLocation
    #: The position of the start of the file.
    root: Pos
    #: Every container in ``located``, kept alive so their ids stay unique.
    keep: list[Any]


def _error(message: str, mark: Any, file: str | None, code: str = "Y001", end: Any = None) -> ParseError:
    """A coded error at ``mark``, reaching to ``end`` (an event's end mark) when given."""
    if end is None:
        return ParseError(message, file, mark.line + 1, mark.column + 1, code=code)
    return ParseError(
        message,
        file,
        mark.line + 1,
        mark.column + 1,
        code=code,
        end_line=end.line + 1,
        end_column=end.column + 1,
    )


class _Deferred(Exception):  # noqa: N818 - not an error of its own: carries one to raise later
    """An error found while building, raised once the rest of the document has been parsed.

    PyYAML's own loading composes the whole document before constructing anything, so a syntax
    error anywhere is reported before, say, a duplicate key near the top; this keeps that order.
    """

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


_MERGE_KEY = object()  # the key ``<<``: its value's pairs are merged into the mapping


class _Builder:
    """Plain data from parser events, recording container positions."""

    def __init__(self, loader: yaml.SafeLoader, file: str | None) -> None:
        self.loader = loader
        self.next: Callable[[], Any] = loader.get_event
        #: Tags of the plain scalars resolved so far: keys such as ``text`` recur on every node.
        self.tags: dict[str, str] = {}
        self.file = file
        #: Anchored values by name, with the position of the anchored value.
        self.anchors: dict[str, tuple[Any, Any]] = {}
        self.located: dict[int, Located] = {}
        self.keep: list[Any] = []
        #: Containers open around the current event.
        self.depth = 0

    # -- document ---------------------------------------------------------------------------

    def document(self) -> Any:
        """The single document's data (``None`` for an empty stream)."""
        self.next()  # stream start
        if type(self.next()) is StreamEndEvent:  # else a document start
            return None
        try:
            data = self.value(self.next())
        except _Deferred as deferred:
            self.drain()
            raise deferred.error from None
        self.next()  # document end
        self.expect_stream_end()
        return data

    def drain(self) -> None:
        """Parse the rest of the document, checking only what PyYAML's composer checked."""
        while True:
            event = self.next()
            cls = type(event)
            if cls is DocumentEndEvent:
                break
            if cls is AliasEvent:
                self.alias(event)
            elif cls in (ScalarEvent, MappingStartEvent, SequenceStartEvent) and event.anchor is not None:
                self.anchor(event, None)
        self.expect_stream_end()

    def expect_stream_end(self) -> None:
        event = self.next()
        if type(event) is not StreamEndEvent:
            raise _error(
                "invalid YAML: but found another document (expected a single document in the stream)",
                event.start_mark,
                self.file,
            )

    # -- anchors ----------------------------------------------------------------------------

    def anchor(self, event: Any, value: Any) -> None:
        name = event.anchor
        if name in self.anchors:
            raise _error(
                "invalid YAML: second occurrence (found duplicate anchor; first occurrence)",
                event.start_mark,
                self.file,
            )
        self.anchors[name] = (value, event.start_mark)

    def alias(self, event: Any) -> tuple[Any, Any]:
        found = self.anchors.get(event.anchor)
        if found is None:
            raise _error(
                "invalid YAML: found undefined alias", event.start_mark, self.file, end=event.end_mark
            )
        return found

    # -- values -----------------------------------------------------------------------------

    def value(self, event: Any) -> Any:
        cls = type(event)
        if cls is ScalarEvent:
            return self.scalar(event)
        if cls is MappingStartEvent:
            return self.mapping(event)
        if cls is SequenceStartEvent:
            return self.sequence(event)
        if cls is AliasEvent:
            return self.alias(event)[0]
        raise _error(f"invalid YAML: unexpected {event}", event.start_mark, self.file)  # pragma: no cover

    def scalar(self, event: Any) -> Any:
        if event.anchor is not None:
            self.anchor(event, None)  # a repeated anchor is reported before anything else
        tag = event.tag
        value = event.value
        if tag is None or tag == "!":
            tag = self.resolve(value, event.implicit)
        if tag != _STR:
            value = self.construct(tag, event)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, event.start_mark)
        return value

    def resolve(self, value: str, implicit: tuple[bool, bool]) -> str:
        if not implicit[0]:
            return _STR
        tag = self.tags.get(value)
        if tag is None:
            tag = self.tags[value] = _resolve(value)
        return tag

    def construct(self, tag: str, event: Any) -> Any:
        """A scalar with a tag other than string, built by PyYAML's safe constructor."""
        loader = self.loader
        if tag == _INT and len(event.value) > _INT_CHARS:  # never convert thousands of digits
            message = f"integer {short_repr(event.value, 30)} is out of range (at most 19 digits)"
            raise _Deferred(_error(message, event.start_mark, self.file, "Y004", event.end_mark))
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        constructor = loader.yaml_constructors.get(tag) or loader.yaml_constructors[None]
        try:
            value = constructor(loader, node)
        except yaml.MarkedYAMLError as exc:
            raise _Deferred(_yaml_error(exc, self.file)) from None
        except Exception as exc:  # e.g. ``!!int abc``: a bad value for an explicit tag
            mark = event.start_mark
            short = tag.rsplit(":", 1)[-1]
            error = _error(
                f"{short_repr(event.value)} is not a valid !!{short} value ({_clipped(str(exc))})",
                mark,
                self.file,
                "Y004",
                event.end_mark,
            )
            raise _Deferred(error) from None
        if type(value) is int and abs(value) > MAX_INTEGER:
            message = f"integer {short_repr(event.value, 30)} is out of range (at most 19 digits)"
            raise _Deferred(_error(message, event.start_mark, self.file, "Y004", event.end_mark))
        return value

    def enter(self, start: Any) -> None:
        """Count one more open container; nesting beyond the limit is an error at its start."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise _error(f"nesting deeper than {MAX_NESTING} levels", start.start_mark, self.file, "Y005")

    def sequence(self, start: Any, lenient: bool = False) -> list[Any]:
        """A sequence; ``lenient`` lets mappings directly in it repeat keys, as merged-in ones may."""
        self.enter(start)
        items: list[Any] = []
        marks: list[Any] = []
        if start.anchor is not None:
            self.anchor(start, items)
        self.located[id(items)] = (start.start_mark, marks, None)
        self.keep.append(items)
        next_event, tags = self.next, self.tags
        append, mark = items.append, marks.append
        while True:
            event = next_event()
            cls = type(event)
            if cls is ScalarEvent and event.tag is None and event.anchor is None:
                value = event.value
                # A quoted scalar, or a plain one no implicit resolver could claim, is a string.
                if event.implicit[0] and (value[:1] in _SPECIAL or _WILDCARD) and tags.get(value) != _STR:
                    value = self.scalar(event)
                append(value)
                mark(event.start_mark)
            elif cls is SequenceEndEvent:
                self.depth -= 1
                return items
            elif cls is AliasEvent:
                value, where = self.alias(event)
                append(value)
                mark(where)
            else:
                append(
                    self.mapping(event, lenient)
                    if lenient and cls is MappingStartEvent
                    else self.value(event)
                )
                mark(event.start_mark)

    def mapping(self, start: Any, lenient: bool = False) -> dict[Any, Any]:
        """A mapping; ``lenient`` lets repeated keys overwrite, as in a merged-in mapping."""
        self.enter(start)
        data: dict[Any, Any] = {}
        children: dict[Any, Any] = {}
        keys: dict[Any, Any] = {}
        if start.anchor is not None:
            self.anchor(start, data)
        self.located[id(data)] = (start.start_mark, children, keys)
        self.keep.append(data)
        next_event, tags = self.next, self.tags
        merges: list[tuple[Any, Any]] = []
        while True:
            event = next_event()
            cls = type(event)
            key_mark = event.start_mark
            if cls is ScalarEvent and event.tag is None and event.anchor is None:
                key = event.value
                if event.implicit[0] and (key[:1] in _SPECIAL or _WILDCARD) and tags.get(key) != _STR:
                    key = self.key(event)
            elif cls is MappingEndEvent:
                break
            else:
                key = self.key(event)
            if key is _MERGE_KEY:
                merges.append(self.merge_value(next_event()))
                continue
            if key in data and not lenient:
                message = f"duplicate key {short_repr(key)}"
                raise _Deferred(_error(message, key_mark, self.file, "Y002", event.end_mark))
            event = next_event()
            cls = type(event)
            if cls is ScalarEvent and event.tag is None and event.anchor is None:
                value = event.value
                if event.implicit[0] and (value[:1] in _SPECIAL or _WILDCARD) and tags.get(value) != _STR:
                    value = self.scalar(event)
                where = event.start_mark
            elif cls is AliasEvent:
                value, where = self.alias(event)
            else:
                value = self.value(event)
                where = event.start_mark
            data[key] = value
            children[key] = where
            keys[key] = key_mark
        if merges:
            self.merge(merges, data, children, keys)
        self.depth -= 1
        return data

    def key(self, event: Any) -> Any:
        """A mapping key: a string or an integer, or the merge key."""
        cls = type(event)
        if cls is ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.resolve(event.value, event.implicit)
            if tag == _MERGE or tag in _STR_KEYS:
                if event.anchor is not None:
                    self.anchor(event, event.value)
                return _MERGE_KEY if tag == _MERGE else event.value
            key = self.scalar(event)
        elif cls is AliasEvent:
            key = self.alias(event)[0]
        else:
            key = self.value(event)
        if not isinstance(key, str | int) or isinstance(key, bool):
            message = f"mapping keys must be strings, got {short_repr(key)}"
            raise _Deferred(_error(message, event.start_mark, self.file, "Y003", event.end_mark))
        return key

    def merge_value(self, event: Any) -> tuple[Any, Any]:
        """The value of a merge key and where it is; inline mappings in it may repeat keys."""
        cls = type(event)
        if cls is MappingStartEvent:
            return self.mapping(event, lenient=True), event.start_mark
        if cls is SequenceStartEvent:
            return self.sequence(event, lenient=True), event.start_mark
        if cls is AliasEvent:
            return self.alias(event)
        return self.value(event), event.start_mark

    def merge(
        self,
        merges: list[tuple[Any, Any]],
        data: dict[Any, Any],
        children: dict[Any, Any],
        keys: dict[Any, Any],
    ) -> None:
        """Put merged pairs first, in the order PyYAML's ``flatten_mapping`` gives them; own keys win."""
        pairs: list[tuple[Any, Any, Any, Any]] = []
        for value, where in merges:
            if type(value) is dict:
                pairs.extend(self.pairs(value))
            elif type(value) is list:
                positions = self.located[id(value)][1]
                chunks = []
                for item, item_where in zip(value, positions, strict=True):
                    if type(item) is not dict:
                        message = f"expected a mapping for merging, but found {_kind(item)}"
                        raise _Deferred(_merge_error(message, item_where, self.file))
                    chunks.append(self.pairs(item))
                for chunk in reversed(chunks):
                    pairs.extend(chunk)
            else:
                message = f"expected a mapping or list of mappings for merging, but found {_kind(value)}"
                raise _Deferred(_merge_error(message, where, self.file))
        own = [(key, value, keys[key], children[key]) for key, value in data.items()]
        data.clear()
        children.clear()
        keys.clear()
        for key, value, key_mark, where in (*pairs, *own):
            data[key] = value
            children[key] = where
            keys[key] = key_mark

    def pairs(self, mapping: dict[Any, Any]) -> list[tuple[Any, Any, Any, Any]]:
        _, children, keys = self.located[id(mapping)]
        assert isinstance(children, dict) and keys is not None
        return [(key, value, keys[key], children[key]) for key, value in mapping.items()]


def _clipped(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _kind(value: Any) -> str:
    return "mapping" if type(value) is dict else "sequence" if type(value) is list else "scalar"


def _merge_error(message: str, mark: Any, file: str | None) -> ParseError:
    return _error(f"invalid YAML: {message} (while constructing a mapping)", mark, file)


def _yaml_error(exc: yaml.MarkedYAMLError, file: str | None) -> ParseError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        problem = f"{exc.problem} ({exc.context})"
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    return ParseError(f"invalid YAML: {problem}", file, line, column, code="Y001")


def load_located(text: str, file: str | None) -> LocatedData:
    """Parse one YAML document, raising :class:`ParseError` with the position of a syntax error."""
    loader = _Base(text)
    builder = _Builder(loader, file)
    try:
        data = builder.document()
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, file) from None
    except yaml.YAMLError as exc:
        raise ParseError(f"invalid YAML: {exc}", file, code="Y001") from None
    finally:
        loader.dispose()
    root = yaml.Mark(file or "<string>", 0, 0, 0, None, 0)
    return LocatedData(data, builder.located, _mark_location(file), root, builder.keep)


def node_spans(text: str) -> Callable[[Location], Location]:
    """A function giving a span the end of the YAML node that starts where the span does: the outermost
    one (a mapping rather than its first key), without the blank lines and indentation after it; a
    span no node starts at is returned as it is.

    For findings about a loaded map (a proposition, a source, a field): the document is composed
    again, once, on the first call.
    """
    ends: dict[tuple[int, int], tuple[int, int]] | None = None

    def build() -> dict[tuple[int, int], tuple[int, int]]:
        found: dict[tuple[int, int], tuple[int, int]] = {}
        line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        try:
            root = yaml.compose(text, Loader=_Base)
        except yaml.YAMLError:  # the document loaded, so this is not expected
            return found
        stack = [root] if root is not None else []
        seen: set[int] = set()  # an alias shares its node: each is visited once
        while stack:
            node = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            start, end = node.start_mark, node.end_mark
            key = (start.line, start.column)
            if key not in found and end.line < len(line_starts):
                # Back over the whitespace before the next node: the region ends with this one's text.
                stop = line_starts[end.line] + end.column
                while stop > line_starts[start.line] + start.column and text[stop - 1].isspace():
                    stop -= 1
                line = bisect.bisect_right(line_starts, stop) - 1
                found[key] = (line, stop - line_starts[line])
            if isinstance(node, yaml.MappingNode):
                stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))
        return found

    def extend(span: Location) -> Location:
        nonlocal ends
        if ends is None:
            ends = build()
        end = ends.get((span.line - 1, span.column - 1))
        if end is None or span.whole_file or end <= (span.line - 1, span.column - 1):
            return span
        return Location(span.file, span.line, span.column, end[0] + 1, end[1] + 1)

    return extend


def token_spans(text: str) -> Callable[[Location], Location]:
    """A function stretching a span to the end of the YAML token that starts where the span does.

    For error messages only: the text is scanned again, once, on the first call (a load that finds
    no problem never pays for it). A span no token starts at is returned as it is.
    """
    ends: dict[tuple[int, int], tuple[int, int]] | None = None

    def extend(span: Location) -> Location:
        nonlocal ends
        if ends is None:
            ends = {}
            try:
                for token in yaml.scan(text, Loader=_Base):
                    start, end = token.start_mark, token.end_mark
                    if (start.line, start.column) != (end.line, end.column):
                        ends.setdefault((start.line, start.column), (end.line, end.column))
            except yaml.YAMLError:  # the document loaded, so this is not expected; keep what was found
                pass
        end = ends.get((span.line - 1, span.column - 1))
        if end is None or span.whole_file:
            return span
        return Location(span.file, span.line, span.column, end[0] + 1, end[1] + 1)

    return extend
