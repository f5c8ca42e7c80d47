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


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    data: dict[Any, Any] = {}
    children: dict[str | int, Location] = {}
    keys: dict[str, Location] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int) or isinstance(key, bool):
            raise ParseError(
                f"mapping keys must be strings, got {key!r}", loader.file, *_pos(loader, key_node)
            )
        if key in data:
            raise ParseError(f"duplicate key {key!r}", loader.file, *_pos(loader, key_node))
        data[key] = loader.construct_object(value_node, deep=True)
        children[key] = loader.where(value_node.start_mark)
        keys[str(key)] = loader.where(key_node.start_mark)
    loader.located[id(data)] = Located(loader.where(node.start_mark), children, keys)
    loader.keep.append(data)
    return data


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> list[Any]:
    data = [loader.construct_object(child, deep=True) for child in node.value]
    children: dict[str | int, Location] = {i: loader.where(c.start_mark) for i, c in enumerate(node.value)}
    loader.located[id(data)] = Located(loader.where(node.start_mark), children)
    loader.keep.append(data)
    return data


def _pos(loader: _Loader, node: yaml.Node) -> tuple[int, int]:
    where = loader.where(node.start_mark)
    return where.line, where.column


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


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
        data = loader.get_single_data()
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
