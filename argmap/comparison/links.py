"""Link files: which propositions, poles and themes of two maps correspond, and how.

A link file is versioned YAML (``argmap-links: 1`` at the top, which is also how ``argmap check``
recognises one). It names the two maps by paths relative to the link file (``a``: the earlier
document, ``b``: the later one) and lists links, each a pair of ids with a relation and an
optional note. A last section records a short fingerprint of every linked proposition's text
per map, so a link into a proposition that was reworded since is reported (rule K003).

This module owns the link model, reading (with file:line:col positions, one-line
:class:`~argmap.errors.ParseError` for unusable files), writing and the JSON Schema. It imports
only :mod:`argmap.errors`, :mod:`argmap.model` and :mod:`argmap._files`.
"""

from __future__ import annotations

import enum
import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import yaml

from argmap._files import read_text, write_atomic
from argmap.errors import Location, ParseError
from argmap.model import ID_PATTERN, ArgumentMap

__all__ = [
    "LINKS_VERSION",
    "VERSION_KEY",
    "Link",
    "LinkKind",
    "LinkSet",
    "MapRef",
    "Relation",
    "dump_links",
    "dumps_links",
    "fingerprint",
    "is_link_file",
    "links_schema",
    "load_links",
    "loads_links",
    "stamp",
]

#: The top-level key that marks a link file and holds its format version.
VERSION_KEY = "argmap-links"
LINKS_VERSION = 1


class Relation(enum.Enum):
    """How the ``b`` side of a link stands to its ``a`` side."""

    SAME = "same"  # the same point, made again
    REFINES = "refines"  # the same point, made narrower, more precise or better explained
    CONTRADICTS = "contradicts"  # they cannot both be true
    UPDATES = "updates"  # later evidence on the same point (b is the later document)

    @property
    def description(self) -> str:
        return _RELATION_DOCS[self]


_RELATION_DOCS = {
    Relation.SAME: "b makes the same point as a",
    Relation.REFINES: "b makes a's point narrower, more precise or better explained",
    Relation.CONTRADICTS: "a and b cannot both be true",
    Relation.UPDATES: "b is later evidence on a's point (b is the later document)",
}


class LinkKind(enum.Enum):
    """What a link joins; each kind has its own section in the file."""

    PROPOSITION = "links"
    POLE = "poles"
    THEME = "themes"

    @property
    def noun(self) -> str:
        return {"links": "proposition", "poles": "pole", "themes": "theme"}[self.value]


@attrs.frozen(slots=True)
class Link:
    """Proposition (or pole, or theme) ``a`` of the first map corresponds to ``b`` of the second."""

    a: str
    b: str
    relation: Relation = attrs.field(default=Relation.SAME, converter=Relation)
    note: str | None = None
    kind: LinkKind = attrs.field(default=LinkKind.PROPOSITION, converter=LinkKind)
    location: Location | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


def _prints(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value)


@attrs.frozen(slots=True)
class MapRef:
    """One of the two maps: its path (relative to the link file) and the fingerprints of its linked texts."""

    path: str
    #: Proposition id to :func:`fingerprint` of its text when the links were last stamped.
    fingerprints: Mapping[str, str] = attrs.field(factory=dict, converter=_prints, hash=False)
    location: Location | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)
    #: Where each fingerprint entry sits in the file, by id (diagnostics only).
    fingerprint_locations: Mapping[str, Location] = attrs.field(
        factory=dict, eq=False, repr=False, kw_only=True, hash=False
    )


def _links(value: Iterable[Link]) -> tuple[Link, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class LinkSet:
    """A whole link file."""

    a: MapRef
    b: MapRef
    links: tuple[Link, ...] = attrs.field(default=(), converter=_links)
    title: str | None = None
    #: The file the links were loaded from; map paths are relative to its directory.
    path: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def of_kind(self, kind: LinkKind) -> tuple[Link, ...]:
        """The links of one section, in file order."""
        return tuple(link for link in self.links if link.kind is kind)

    def map_path(self, side: str) -> Path:
        """Where map ``side`` (``"a"`` or ``"b"``) lives, resolved against the link file's directory."""
        ref = self.a if side == "a" else self.b
        base = Path(self.path).parent if self.path else Path()
        return base / ref.path


def fingerprint(text: str) -> str:
    """A short, stable hash of a proposition's text; whitespace runs count as one space."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]


def stamp(links: LinkSet, a: ArgumentMap, b: ArgumentMap) -> LinkSet:
    """``links`` with fresh fingerprints of every linked proposition that exists in its map."""

    def prints(amap: ArgumentMap, ids: Iterable[str]) -> dict[str, str]:
        table = amap.index.propositions
        return {pid: fingerprint(table[pid].text) for pid in sorted(set(ids)) if pid in table}

    props = links.of_kind(LinkKind.PROPOSITION)
    return attrs.evolve(
        links,
        a=attrs.evolve(links.a, fingerprints=prints(a, (lk.a for lk in props))),
        b=attrs.evolve(links.b, fingerprints=prints(b, (lk.b for lk in props))),
    )


# -- reading ------------------------------------------------------------------------------------

_SIDE_KEYS = frozenset({"path"})
_LINK_KEYS = frozenset({"a", "b", "relation", "note"})
_TOP_KEYS = frozenset({VERSION_KEY, "title", "maps", "fingerprints", *(kind.value for kind in LinkKind)})
_Node = yaml.Node


def is_link_file(text: str) -> bool:
    """Whether ``text`` looks like a link file: a top-level ``argmap-links:`` key on its own line."""
    return re.search(rf"(?m)^{re.escape(VERSION_KEY)}\s*:", text) is not None


class _Reader:
    """Turns composed YAML nodes into a :class:`LinkSet`, failing on the first unusable value."""

    def __init__(self, file: str | None) -> None:
        self.file = file

    def at(self, node: _Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def fail(self, node: _Node, message: str, code: str) -> ParseError:
        # The load codes of map files (docs/rules.md): the same problems get the same codes here.
        loc = self.at(node)
        return ParseError(message, self.file, loc.line, loc.column, code=code)

    def mapping(self, node: _Node, what: str, allowed: frozenset[str]) -> dict[str, tuple[_Node, _Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping", "M001")
        table: dict[str, tuple[_Node, _Node]] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise self.fail(key, f"{what}: keys must be plain strings", "Y003")
            if key.value in table:
                raise self.fail(key, f"{what}: duplicate key {key.value!r}", "Y002")
            if key.value not in allowed:
                expected = ", ".join(sorted(allowed))
                raise self.fail(
                    key, f"{what}: unknown key {key.value!r}; expected one of: {expected}", "M003"
                )
            table[key.value] = (key, value)
        return table

    def string(self, node: _Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            raise self.fail(node, f"{what} must be a string", "M001")
        return str(node.value)

    def ident(self, node: _Node, what: str) -> str:
        value = self.string(node, what)
        if not ID_PATTERN.match(value):
            raise self.fail(node, f"{what} {value!r} is not a valid id", "M002")
        return value

    def document(self, root: _Node | None) -> LinkSet:
        if root is None:
            raise ParseError(
                f"empty file; a link file starts with '{VERSION_KEY}: {LINKS_VERSION}'",
                self.file,
                code="M006",
            )
        top = self.mapping(root, "link file", _TOP_KEYS)
        if VERSION_KEY not in top:
            raise self.fail(root, f"not a link file: the top-level key '{VERSION_KEY}' is missing", "M004")
        version_node = top[VERSION_KEY][1]
        if not isinstance(version_node, yaml.ScalarNode) or version_node.value != str(LINKS_VERSION):
            raise self.fail(
                version_node,
                f"unsupported link file version {version_node.value!r}; expected {LINKS_VERSION}",
                "M005",
            )
        if "maps" not in top:
            raise self.fail(
                root, "the 'maps' section is missing (maps: {a: earlier.yaml, b: later.yaml})", "M004"
            )
        maps_node = top["maps"][1]
        sides = self.mapping(maps_node, "maps", frozenset({"a", "b"}))
        for side in ("a", "b"):
            if side not in sides:
                raise self.fail(maps_node, f"maps: map {side!r} is missing", "M004")
        prints: dict[str, tuple[_Node, _Node]] = {}
        if "fingerprints" in top:
            prints = self.mapping(top["fingerprints"][1], "fingerprints", frozenset({"a", "b"}))
        title = self.string(top["title"][1], "title") if "title" in top else None
        links: list[Link] = []
        for kind in LinkKind:
            if kind.value in top:
                links.extend(self.links(top[kind.value][1], kind))
        a = self.side(*sides["a"], "a", prints.get("a"))
        b = self.side(*sides["b"], "b", prints.get("b"))
        return LinkSet(a, b, links, title, path=self.file)

    def side(self, key: _Node, node: _Node, name: str, stamped: tuple[_Node, _Node] | None) -> MapRef:
        if isinstance(node, yaml.ScalarNode):
            path = self.string(node, f"maps.{name}")  # the short form: ``a: path.yaml``
        else:
            fields = self.mapping(node, f"maps.{name}", _SIDE_KEYS)
            if "path" not in fields:
                raise self.fail(node, f"maps.{name}: 'path' is missing", "M004")
            path = self.string(fields["path"][1], f"maps.{name}.path")
        prints: dict[str, str] = {}
        where: dict[str, Location] = {}
        if stamped is not None:
            table = stamped[1]
            if not isinstance(table, yaml.MappingNode):
                raise self.fail(table, f"fingerprints.{name} must be a mapping of id to fingerprint", "M001")
            for id_node, value in table.value:
                pid = self.ident(id_node, f"fingerprints.{name}: key")
                if pid in prints:
                    raise self.fail(id_node, f"fingerprints.{name}: duplicate id {pid!r}", "Y002")
                prints[pid] = self.string(value, f"fingerprints.{name}.{pid}")
                where[pid] = self.at(id_node)
        return MapRef(path, prints, location=self.at(key), fingerprint_locations=where)

    def links(self, node: _Node, kind: LinkKind) -> list[Link]:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{kind.value} must be a list of links", "M001")
        found = []
        for item in node.value:
            fields = self.mapping(item, f"{kind.value}: link", _LINK_KEYS)
            for side in ("a", "b"):
                if side not in fields:
                    raise self.fail(
                        item, f"{kind.value}: link has no {side!r} (the {kind.noun} id in map {side})", "M004"
                    )
            relation = Relation.SAME
            if "relation" in fields:
                value = fields["relation"][1]
                word = self.string(value, f"{kind.value}: relation")
                try:
                    relation = Relation(word)
                except ValueError:
                    known = ", ".join(r.value for r in Relation)
                    raise self.fail(
                        value, f"{kind.value}: unknown relation {word!r}; expected one of: {known}", "M002"
                    ) from None
            note = self.string(fields["note"][1], f"{kind.value}: note") if "note" in fields else None
            found.append(
                Link(
                    self.ident(fields["a"][1], f"{kind.value}: a"),
                    self.ident(fields["b"][1], f"{kind.value}: b"),
                    relation,
                    note,
                    kind,
                    location=self.at(item),
                )
            )
        return found


def loads_links(text: str, filename: str | None = None) -> LinkSet:
    """Parse a link file; an unusable one raises :class:`ParseError` with its line and column."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise ParseError(
            f"invalid YAML: {exc.problem or exc.context}", filename, line, column, code="Y001"
        ) from None
    except yaml.YAMLError as exc:
        raise ParseError(f"invalid YAML: {exc}", filename, code="Y001") from None
    finally:
        loader.dispose()
    return _Reader(filename).document(root)


def load_links(path: str | os.PathLike[str]) -> LinkSet:
    """Read a link file; missing or unreadable files raise :class:`~argmap.errors.InputError`."""
    return loads_links(read_text(path), os.fspath(path))


# -- writing ------------------------------------------------------------------------------------


#: Characters YAML does not allow raw in a file, or reads as line breaks inside a quoted scalar.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _quote(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar; JSON escapes the control characters, and the
    # characters YAML would reject or fold are escaped here.
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def dumps_links(links: LinkSet) -> str:
    """The link file as YAML, one link per flow mapping so diffs stay one line per link."""
    lines = [f"{VERSION_KEY}: {LINKS_VERSION}"]
    if links.title is not None:
        lines.append(f"title: {_quote(links.title)}")
    lines.append("maps:")
    for side, ref in (("a", links.a), ("b", links.b)):
        lines.append(f"  {side}: {_quote(ref.path)}")
    for kind in LinkKind:
        section = links.of_kind(kind)
        if not section:
            continue
        lines.append(f"{kind.value}:")
        for link in section:
            parts = [f"a: {link.a}", f"b: {link.b}", f"relation: {link.relation.value}"]
            if link.note is not None:
                parts.append(f"note: {_quote(link.note)}")
            lines.append("  - {" + ", ".join(parts) + "}")
    if links.a.fingerprints or links.b.fingerprints:
        # Last, as they are for argmap rather than for readers.
        lines.append("fingerprints:")
        for side, ref in (("a", links.a), ("b", links.b)):
            if ref.fingerprints:
                lines.append(f"  {side}:")
                lines.extend(f"    {pid}: {_quote(value)}" for pid, value in sorted(ref.fingerprints.items()))
    return "\n".join(lines) + "\n"


def dump_links(links: LinkSet, path: str | os.PathLike[str]) -> Path:
    """Write the link file atomically."""
    return write_atomic(path, dumps_links(links))


def links_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the link file format."""
    ident = {"type": "string", "pattern": ID_PATTERN.pattern}
    side = {
        "oneOf": [
            {"type": "string"},
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["path"],
                "properties": {"path": {"type": "string"}},
            },
        ],
        "description": "The map file, relative to the link file.",
    }
    prints = {
        "type": "object",
        "description": "Fingerprint of each linked proposition's text when the links were stamped.",
        "propertyNames": ident,
        "additionalProperties": {"type": "string"},
    }
    link = {
        "type": "object",
        "additionalProperties": False,
        "required": ["a", "b"],
        "properties": {
            "a": {**ident, "description": "Id in map a (the earlier document)."},
            "b": {**ident, "description": "Id in map b (the later document)."},
            "relation": {
                "enum": [r.value for r in Relation],
                "default": Relation.SAME.value,
                "description": "; ".join(f"{r.value}: {r.description}" for r in Relation),
            },
            "note": {"type": "string"},
        },
    }
    sections = {
        kind.value: {
            "type": ["array", "null"],
            "items": {"$ref": "#/$defs/link"},
            "description": f"Links between {kind.noun}s of the two maps.",
        }
        for kind in LinkKind
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://argmap.dev/schema/links-1.json",
        "title": "argmap link file",
        "type": "object",
        "additionalProperties": False,
        "required": [VERSION_KEY, "maps"],
        "properties": {
            VERSION_KEY: {"const": LINKS_VERSION},
            "title": {"type": "string"},
            "maps": {
                "type": "object",
                "additionalProperties": False,
                "required": ["a", "b"],
                "properties": {"a": {"$ref": "#/$defs/side"}, "b": {"$ref": "#/$defs/side"}},
            },
            **sections,
            "fingerprints": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"a": prints, "b": prints},
            },
        },
        "$defs": {"side": side, "link": link},
    }
