"""A YAML loader that records where every mapping, sequence and value sits in the file.

PyYAML's composer knows each node's position; this loader keeps those positions (PyYAML's own
marks, turned into :class:`~argmap.errors.Location` values only when needed) in a side table
keyed by the identity of the constructed container, so the structuring stage can point at the
exact line and column of a bad value. It also makes YAML less surprising for map authors: only
``true``/``false`` are booleans (not ``yes``/``no``/``on``/``off``), dates stay strings, and
duplicate keys are an error instead of silently keeping the last one.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from argmap.errors import Location, ParseError
from argmap.formats._spec import Located, Pos

__all__ = ["LocatedData", "load_located"]

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
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
_COLLECTION_TAGS: dict[type[yaml.Node], str] = {
    SequenceNode: _Base.DEFAULT_SEQUENCE_TAG,
    MappingNode: _Base.DEFAULT_MAPPING_TAG,
}


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader with YAML-1.2-like scalars and a cheaper resolver."""

    # The composer calls these two hooks for every node; argmap registers no path resolvers, so
    # they have nothing to do, and built-ins taking the same arguments save a Python call each.
    descend_resolver = staticmethod(slice)
    ascend_resolver = staticmethod(tuple)

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # Called for every node: PyYAML's version rebuilds the candidate list on each call.
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        return tag
            return _STR
        return _COLLECTION_TAGS[kind]


def _mark_location(file: str | None) -> Any:
    def to_location(mark: Any) -> Location:
        return Location(file, mark.line + 1, mark.column + 1)

    return to_location


@attrs.frozen
class LocatedData:
    """Loaded plain data plus the positions of its containers, by ``id``."""

    data: Any
    located: dict[int, Located]
    #: Turns a recorded position (a PyYAML mark) into a location.
    to_location: Any
    #: The position of the start of the file.
    root: Pos
    #: Every container in ``located``, kept alive so their ids stay unique.
    keep: list[Any]


class _Builder:
    """Plain data for composed nodes, recording container positions.

    A direct walk over the composed nodes: PyYAML's generic construction machinery costs more
    than the parse itself on large maps. Plain strings, by far the most common values, are taken
    inline without a call. Aliases reuse the object built for their anchor.
    """

    def __init__(self, loader: _Loader, file: str | None) -> None:
        self.loader = loader
        self.file = file
        self.memo: dict[int, Any] = {}
        self.located: dict[int, Located] = {}
        self.keep: list[Any] = []

    def error(self, message: str, node: yaml.Node) -> ParseError:
        mark = node.start_mark
        return ParseError(message, self.file, mark.line + 1, mark.column + 1)

    def build(self, node: yaml.Node) -> Any:
        done = self.memo.get(id(node))
        if done is not None:
            return done
        cls = type(node)
        if cls is ScalarNode:
            if node.tag == _STR:
                return node.value
            loader = self.loader
            constructor = loader.yaml_constructors.get(node.tag) or loader.yaml_constructors[None]
            return constructor(loader, node)
        if cls is SequenceNode:
            return self.sequence(node)
        if cls is MappingNode:
            return self.mapping(node)
        raise self.error(f"unsupported YAML node {node.tag}", node)  # pragma: no cover

    def sequence(self, node: yaml.Node) -> list[Any]:
        items: list[Any] = []
        self.memo[id(node)] = items
        append = items.append
        marks = []
        for child in node.value:
            append(child.value if type(child) is ScalarNode and child.tag == _STR else self.build(child))
            marks.append(child.start_mark)
        self.located[id(items)] = (node.start_mark, marks, None)
        self.keep.append(items)
        return items

    def mapping(self, node: yaml.Node) -> dict[Any, Any]:
        data: dict[Any, Any] = {}
        self.memo[id(node)] = data
        children: dict[Any, Pos] = {}
        keys: dict[Any, Pos] = {}
        pairs = node.value
        own = None
        for key_node, _ in pairs:
            if key_node.tag == _MERGE:
                own = {id(k) for k, _ in pairs}
                self.loader.flatten_mapping(node)  # resolves merge keys (<<), merged pairs first
                pairs = node.value
                break
        merged: set[Any] = set()  # keys that came from a merge; the node's own keys override them
        for key_node, value_node in pairs:
            if type(key_node) is ScalarNode and key_node.tag in _STR_KEYS:
                key = key_node.value
            else:
                key = self.build(key_node)
                if not isinstance(key, str | int) or isinstance(key, bool):
                    raise self.error(f"mapping keys must be strings, got {key!r}", key_node)
            if own is not None and id(key_node) not in own:
                merged.add(key)
            elif key in merged:
                merged.discard(key)
            elif key in data:
                raise self.error(f"duplicate key {key!r}", key_node)
            data[key] = (
                value_node.value
                if type(value_node) is ScalarNode and value_node.tag == _STR
                else self.build(value_node)
            )
            children[key] = value_node.start_mark
            keys[key] = key_node.start_mark
        self.located[id(data)] = (node.start_mark, children, keys)
        self.keep.append(data)
        return data


def load_located(text: str, file: str | None) -> LocatedData:
    """Parse one YAML document, raising :class:`ParseError` with the position of a syntax error."""
    loader = _Loader(text)
    builder = _Builder(loader, file)
    try:
        node = loader.get_single_node()
        data = None if node is None else builder.build(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise ParseError(f"invalid YAML: {problem}", file, line, column) from None
    except yaml.YAMLError as exc:
        raise ParseError(f"invalid YAML: {exc}", file) from None
    finally:
        loader.dispose()
    root = yaml.Mark(file or "<string>", 0, 0, 0, None, 0)
    return LocatedData(data, builder.located, _mark_location(file), root, builder.keep)
