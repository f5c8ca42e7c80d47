"""A YAML loader that records where every mapping, sequence and value sits in the file.

PyYAML's composer knows each node's position; this loader keeps those positions in a side
table keyed by the identity of the constructed container, so the structuring stage can point at
the exact line and column of a bad value. It also makes YAML less surprising for map authors:
only ``true``/``false`` are booleans (not ``yes``/``no``/``on``/``off``), dates stay strings, and
duplicate keys are an error instead of silently keeping the last one.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from argmap.errors import Location, ParseError
from argmap.formats._spec import Located

__all__ = ["LocatedData", "load_located"]

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """SafeLoader with position tracking and YAML-1.2-like scalars."""

    def __init__(self, stream: str, file: str | None) -> None:
        super().__init__(stream)
        self.file = file
        self.located: dict[int, Located] = {}
        self.keep: list[Any] = []  # keeps located objects alive so their ids stay unique

    def where(self, mark: yaml.Mark) -> Location:
        return Location(self.file, mark.line + 1, mark.column + 1)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _TIMESTAMP)]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


_STR = "tag:yaml.org,2002:str"


def _build(loader: _Loader, node: yaml.Node, memo: dict[int, Any]) -> Any:
    """Plain data for ``node``, recording container positions.

    A direct walk over the composed nodes: PyYAML's generic construction machinery costs more
    than the parse itself on large maps. Aliases reuse the object built for their anchor.
    """
    done = memo.get(id(node))
    if done is not None:
        return done
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        constructor = loader.yaml_constructors.get(node.tag) or loader.yaml_constructors[None]
        return constructor(loader, node)
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        memo[id(node)] = items
        items.extend(_build(loader, child, memo) for child in node.value)
        children: dict[str | int, Location] = {
            i: loader.where(c.start_mark) for i, c in enumerate(node.value)
        }
        loader.located[id(items)] = Located(loader.where(node.start_mark), children)
        loader.keep.append(items)
        return items
    if isinstance(node, yaml.MappingNode):
        own = {id(k) for k, _ in node.value}
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<), putting merged pairs first
        merged: set[Any] = set()  # keys that came from a merge; the node's own keys override them
        data: dict[Any, Any] = {}
        memo[id(node)] = data
        children = {}
        keys: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key = _build(loader, key_node, memo)
            if not isinstance(key, str | int) or isinstance(key, bool):
                raise ParseError(
                    f"mapping keys must be strings, got {key!r}", loader.file, *_pos(loader, key_node)
                )
            if id(key_node) not in own:
                merged.add(key)
            elif key in merged:
                merged.discard(key)
            elif key in data:
                raise ParseError(f"duplicate key {key!r}", loader.file, *_pos(loader, key_node))
            data[key] = _build(loader, value_node, memo)
            children[key] = loader.where(value_node.start_mark)
            keys[str(key)] = loader.where(key_node.start_mark)
        loader.located[id(data)] = Located(loader.where(node.start_mark), children, keys)
        loader.keep.append(data)
        return data
    raise ParseError(
        f"unsupported YAML node {node.tag}", loader.file, *_pos(loader, node)
    )  # pragma: no cover


def _pos(loader: _Loader, node: yaml.Node) -> tuple[int, int]:
    where = loader.where(node.start_mark)
    return where.line, where.column


class LocatedData:
    """Loaded plain data plus the positions of its containers."""

    def __init__(self, data: Any, located: dict[int, Located], keep: list[Any]) -> None:
        self.data = data
        self._located = located
        self._keep = keep

    def locate(self, value: object) -> Located | None:
        return self._located.get(id(value))


def load_located(text: str, file: str | None) -> LocatedData:
    """Parse one YAML document, raising :class:`ParseError` with the position of a syntax error."""
    loader = _Loader(text, file)
    try:
        node = loader.get_single_node()
        data = None if node is None else _build(loader, node, {})
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
    return LocatedData(data, loader.located, loader.keep)
