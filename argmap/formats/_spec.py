"""One table describes the map file format; loading, dumping and the JSON Schema all read it.

Keeping a single declarative table means the three cannot drift apart: a field added here is
parsed, written and documented at once. Structuring collects every problem it finds, with the
file position of each, before giving up.
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from argmap.errors import Location, ParseError
from argmap.model import (
    ID_PATTERN,
    ArgumentMap,
    Attack,
    AttackKind,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
    Theme,
)

__all__ = [
    "FORMAT_VERSION",
    "MAP_SPEC",
    "Field",
    "Located",
    "Spec",
    "json_schema",
    "structure_map",
    "unstructure_map",
]

FORMAT_VERSION = 1


class Kind(enum.Enum):
    """The shape of a field's value in a file."""

    ID = "id"
    STR = "str"
    INT = "int"
    UNIT = "unit"  # a float in [0, 1]
    IDS = "ids"
    STRS = "strs"
    ENUM = "enum"
    OBJ = "obj"
    OBJS = "objs"


@attrs.frozen(eq=False)  # compared and hashed by identity: these are constant tables
class Field:
    """One key of an object in the file and the model attribute it fills."""

    key: str
    attr: str
    kind: Kind
    doc: str
    required: bool = False
    enum: type[enum.Enum] | None = None
    spec: Spec | None = None


@attrs.frozen(eq=False)
class Spec:
    """An object in the file: its fields and the model class it becomes."""

    name: str
    cls: type[Any]
    doc: str
    fields: tuple[Field, ...]
    #: Keys accepted but not stored on the model (e.g. the format version).
    extra: Mapping[str, Field] = attrs.field(factory=dict)


@attrs.frozen
class Located:
    """Positions recorded by a loader: where each container starts and where each child value is."""

    start: Location
    children: Mapping[str | int, Location]
    keys: Mapping[str, Location] = attrs.field(factory=dict)


F = Field
K = Kind

SPEAKER = Spec(
    "speaker",
    Speaker,
    "A person the source quotes or paraphrases.",
    (
        F("name", "name", K.STR, "Name as the source gives it (may be a description).", required=True),
        F("affiliation", "affiliation", K.STR, "Institution or organisation."),
        F("title", "title", K.STR, "Position or title, e.g. 'deputy director'."),
    ),
)
CITATION = Spec(
    "citation",
    Citation,
    "Where in a source the proposition comes from.",
    (
        F("source", "source", K.ID, "Id of an entry in `sources`.", required=True),
        F("locator", "locator", K.STR, "Section, paragraph, page or footnote, e.g. 'Reasons ¶3'."),
        F("quote", "quote", K.STR, "A short verbatim quote from the source."),
        F("footnotes", "footnotes", K.STRS, "Footnote numbers the source gives for the point."),
    ),
)
SOURCE = Spec(
    "source",
    Source,
    "A document the map cites.",
    (
        F("id", "id", K.ID, "Unique id of the source.", required=True),
        F("title", "title", K.STR, "Title of the document.", required=True),
        F("author", "author", K.STR, "Author or originator."),
        F("date", "date", K.STR, "Date of the document, ideally ISO 8601."),
        F("kind", "kind", K.STR, "Kind of document: article, cable, book, interview..."),
        F("url", "url", K.STR, "Where the document can be found."),
        F("text", "text", K.STR, "Path of the full text, relative to the map file (for quote checks)."),
        F("speakers", "speakers", K.OBJS, "People the document quotes.", spec=SPEAKER),
    ),
)
POLE = Spec(
    "pole",
    Pole,
    "One side of a paradox.",
    (
        F("id", "id", K.ID, "Unique id of the pole.", required=True),
        F("label", "label", K.STR, "Short label, e.g. 'Factors of attraction'.", required=True),
        F("thesis", "thesis", K.ID, "Id of the proposition stating the pole's thesis."),
        F("description", "description", K.STR, "Longer description."),
    ),
)
THEME = Spec(
    "theme",
    Theme,
    "A topic cutting across poles.",
    (
        F("id", "id", K.ID, "Unique id of the theme.", required=True),
        F("label", "label", K.STR, "Short label, e.g. 'Central Asia'.", required=True),
        F("description", "description", K.STR, "Longer description."),
    ),
)
PROPOSITION = Spec(
    "proposition",
    Proposition,
    "A statement in the map.",
    (
        F("id", "id", K.ID, "Unique id of the proposition.", required=True),
        F("text", "text", K.STR, "The statement, in the analyst's words.", required=True),
        F("role", "role", K.ENUM, "What the statement does in the map.", enum=Role),
        F("pole", "pole", K.ID, "Id of the pole the statement belongs to."),
        F("theme", "theme", K.ID, "Id of the theme the statement belongs to."),
        F("tags", "tags", K.STRS, "Free tags."),
        F("citation", "citation", K.OBJ, "Provenance in a source.", spec=CITATION),
        F("speaker", "speaker", K.OBJ, "Who says it, where the source attributes it.", spec=SPEAKER),
        F("base_score", "base_score", K.UNIT, "Prior strength in [0, 1] for gradual semantics."),
        F(
            "contradicts",
            "contradicts",
            K.IDS,
            "Ids of propositions that cannot be true together with this one.",
        ),
        F("note", "note", K.STR, "Analyst's note."),
    ),
)
INFERENCE = Spec(
    "inference",
    Inference,
    "Premises that jointly support a conclusion.",
    (
        F("id", "id", K.ID, "Unique id of the inference.", required=True),
        F("premises", "premises", K.IDS, "Ids of the linked premises.", required=True),
        F("conclusion", "conclusion", K.ID, "Id of the supported proposition.", required=True),
        F("label", "label", K.STR, "Short label shown on the diagram."),
        F("note", "note", K.STR, "Analyst's note."),
    ),
)
ATTACK = Spec(
    "attack",
    Attack,
    "A rebuttal (attacks a proposition) or an undercut (attacks an inference).",
    (
        F("id", "id", K.ID, "Unique id of the attack.", required=True),
        F("from", "attacker", K.ID, "Id of the attacking proposition.", required=True),
        F(
            "to",
            "target",
            K.ID,
            "Id of the attacked proposition (rebut) or inference (undercut).",
            required=True,
        ),
        F("kind", "kind", K.ENUM, "rebut or undercut.", enum=AttackKind),
        F("label", "label", K.STR, "Short label shown on the diagram."),
        F("note", "note", K.STR, "Analyst's note."),
    ),
)
MAP_SPEC = Spec(
    "map",
    ArgumentMap,
    "An argmap argument map.",
    (
        F("title", "title", K.STR, "Title of the map.", required=True),
        F("question", "question", K.STR, "The central question the map answers."),
        F("description", "description", K.STR, "What the map covers."),
        F("sources", "sources", K.OBJS, "Documents cited.", spec=SOURCE),
        F("poles", "poles", K.OBJS, "Sides of the paradox, each with a thesis.", spec=POLE),
        F("themes", "themes", K.OBJS, "Topics cutting across the poles.", spec=THEME),
        F("propositions", "propositions", K.OBJS, "Statements.", spec=PROPOSITION),
        F("inferences", "inferences", K.OBJS, "Linked support.", spec=INFERENCE),
        F("attacks", "attacks", K.OBJS, "Rebuttals and undercuts.", spec=ATTACK),
    ),
    extra={"argmap": F("argmap", "", K.INT, f"Format version; this argmap reads {FORMAT_VERSION}.")},
)

_LOCATED_SPECS = {PROPOSITION.name, INFERENCE.name, ATTACK.name}

# -- structuring -----------------------------------------------------------------------------
# Small caches over the constant tables above: structuring runs once per object in a map, so
# anything derivable from a Spec or Field is computed once, not per object.


@functools.cache
def _keys(spec: Spec) -> tuple[str, ...]:
    return (*(f.key for f in spec.fields), *spec.extra)


@functools.cache
def _has_location(spec: Spec) -> bool:
    return "location" in attrs.fields_dict(spec.cls)


@functools.cache
def _item_field(field: Field) -> Field | None:
    kind = {Kind.IDS: Kind.ID, Kind.STRS: Kind.STR}.get(field.kind)
    return None if kind is None else attrs.evolve(field, kind=kind)


@functools.cache
def _enum_values(enum_type: type[enum.Enum]) -> dict[str, enum.Enum]:
    return {str(member.value): member for member in enum_type}


LocateFn = Callable[[object], Located | None]


def _type_name(value: object) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence):
        return "a list"
    return type(value).__name__


class _Structurer:
    """Turns loaded plain data into model objects, collecting every problem with its position."""

    def __init__(self, file: str | None, locate: LocateFn, root: Location) -> None:
        self.file = file
        self.locate = locate
        self.root = root
        self.errors: list[ParseError] = []

    def error(self, where: Location, path: str, message: str) -> None:
        prefix = f"{path}: " if path else ""
        self.errors.append(ParseError(prefix + message, self.file, where.line, where.column))

    def scalar(self, value: object, field: Field, where: Location, path: str) -> Any:
        kind = field.kind
        if kind in (Kind.STR, Kind.ID):
            if not isinstance(value, str):
                self.error(where, path, f"expected a string, got {_type_name(value)}")
                return None
            if kind is Kind.ID and not ID_PATTERN.match(value):
                self.error(
                    where,
                    path,
                    f"{value!r} is not a valid id (use letters, digits, '_', '-', '.'; "
                    "start with a letter, digit or '_')",
                )
                return None
            return value
        if kind is Kind.INT:
            if isinstance(value, bool) or not isinstance(value, int):
                self.error(where, path, f"expected an integer, got {_type_name(value)}")
                return None
            return value
        if kind is Kind.UNIT:
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.error(where, path, f"expected a number in [0, 1], got {_type_name(value)}")
                return None
            if not (0.0 <= float(value) <= 1.0) or math.isnan(float(value)):
                self.error(where, path, f"expected a number in [0, 1], got {value}")
                return None
            return float(value)
        if kind is Kind.ENUM:
            assert field.enum is not None
            members = _enum_values(field.enum)
            if not isinstance(value, str) or value not in members:
                self.error(where, path, f"expected one of {', '.join(members)}, got {value!r}")
                return None
            return members[value]
        raise AssertionError(kind)  # pragma: no cover - every scalar kind is handled above

    def sequence(self, value: object, field: Field, where: Location, path: str) -> tuple[Any, ...] | None:
        if isinstance(value, str) or not isinstance(value, Sequence):
            self.error(where, path, f"expected a list, got {_type_name(value)}")
            return None
        loc = self.locate(value)
        items: list[Any] = []
        item_field = _item_field(field)
        for i, item in enumerate(value):
            item_where = loc.children.get(i, where) if loc else where
            item_path = f"{path}[{i}]"
            if item_field is not None:
                items.append(self.scalar(item, item_field, item_where, item_path))
            else:
                assert field.spec is not None
                items.append(self.obj(item, field.spec, item_where, item_path))
        return tuple(items)

    def obj(self, value: object, spec: Spec, where: Location, path: str) -> Any:
        if not isinstance(value, Mapping):
            if value is None and not path:
                self.error(
                    where, path, "the file holds no map (it is empty); expected a mapping with a title"
                )
            else:
                self.error(where, path, f"expected a {spec.name} (a mapping), got {_type_name(value)}")
            return None
        loc = self.locate(value)
        start = loc.start if loc else where
        known = _keys(spec)
        before = len(self.errors)
        for key in value:
            if key not in known:
                key_where = (loc.keys.get(str(key)) if loc else None) or start
                allowed = ", ".join(known)
                self.error(key_where, path, f"unknown key {key!r} in {spec.name}; expected one of: {allowed}")
        kwargs: dict[str, Any] = {}
        field_locations: dict[str, Location] = {}
        for field in spec.fields:
            sub_path = f"{path}.{field.key}" if path else field.key
            if field.key not in value or value[field.key] is None:
                if field.required:
                    self.error(start, path, f"missing required key {field.key!r} in {spec.name}")
                continue
            item = value[field.key]
            where_item = loc.children.get(field.key, start) if loc else start
            field_locations[field.key] = where_item
            if field.kind in (Kind.IDS, Kind.STRS, Kind.OBJS):
                result = self.sequence(item, field, where_item, sub_path)
                if field.kind is Kind.IDS and result is not None:
                    item_loc = self.locate(item)
                    for i in range(len(result)):
                        field_locations[f"{field.key}[{i}]"] = (
                            item_loc.children.get(i, where_item) if item_loc else where_item
                        )
            elif field.kind is Kind.OBJ:
                assert field.spec is not None
                result = self.obj(item, field.spec, where_item, sub_path)
            else:
                result = self.scalar(item, field, where_item, sub_path)
            if result is not None:
                kwargs[field.attr] = result
        for key, field in spec.extra.items():
            if key in value:
                self.scalar(value[key], field, loc.children.get(key, start) if loc else start, key)
        if len(self.errors) > before:
            return None
        if _has_location(spec):
            kwargs["location"] = start
        if spec.name in _LOCATED_SPECS:
            kwargs["field_locations"] = field_locations
        try:
            return spec.cls(**kwargs)
        except (TypeError, ValueError) as exc:  # a model validator the table does not mirror
            self.error(start, path, str(exc))
            return None


def structure_map(
    data: object,
    *,
    file: str | None,
    locate: LocateFn,
    root: Location,
) -> ArgumentMap:
    """Build an :class:`ArgumentMap` from loaded data, or raise the first :class:`ParseError`.

    The raised error carries every problem found in ``errors`` so a caller can show them all.
    """
    structurer = _Structurer(file, locate, root)
    if isinstance(data, Mapping) and "argmap" in data:
        version = data["argmap"]
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            loc = locate(data)
            where = loc.children.get("argmap", root) if loc else root
            raise ParseError(
                f"map format version {version} is newer than this argmap reads ({FORMAT_VERSION}); "
                "upgrade argmap",
                file,
                where.line,
                where.column,
            )
    result = structurer.obj(data, MAP_SPEC, root, "")
    if structurer.errors or result is None:
        errors = structurer.errors or [ParseError("the map could not be read", file, root.line, root.column)]
        first = errors[0]
        raise _with_all(first, errors)
    amap: ArgumentMap = attrs.evolve(result, path=file)
    return amap


def _with_all(first: ParseError, errors: list[ParseError]) -> ParseError:
    first.errors = tuple(errors)
    return first


# -- unstructuring ----------------------------------------------------------------------------


def _unstructure(obj: Any, spec: Spec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in spec.fields:
        value = getattr(obj, field.attr)
        if value is None or value == ():
            continue
        if field.kind is Kind.ENUM:
            out[field.key] = value.value  # always written: role and kind are part of the public format
        elif field.kind is Kind.OBJ:
            assert field.spec is not None
            out[field.key] = _unstructure(value, field.spec)
        elif field.kind is Kind.OBJS:
            assert field.spec is not None
            out[field.key] = [_unstructure(item, field.spec) for item in value]
        elif field.kind in (Kind.IDS, Kind.STRS):
            out[field.key] = list(value)
        else:
            out[field.key] = value
    return out


def unstructure_map(amap: ArgumentMap) -> dict[str, Any]:
    """Plain data (dicts, lists, strings, numbers) for a map, with the format version first."""
    return {"argmap": FORMAT_VERSION, **_unstructure(amap, MAP_SPEC)}


# -- JSON Schema -------------------------------------------------------------------------------


def _field_schema(field: Field, defs: dict[str, Any]) -> dict[str, Any]:
    id_schema = {"type": "string", "pattern": ID_PATTERN.pattern}
    schema: dict[str, Any]
    if field.kind is Kind.ID:
        schema = dict(id_schema)
    elif field.kind is Kind.STR:
        schema = {"type": "string"}
    elif field.kind is Kind.INT:
        schema = {"type": "integer"}
    elif field.kind is Kind.UNIT:
        schema = {"type": "number", "minimum": 0, "maximum": 1}
    elif field.kind is Kind.IDS:
        schema = {"type": "array", "items": id_schema}
        if field.key == "premises":
            schema["minItems"] = 1
    elif field.kind is Kind.STRS:
        schema = {"type": "array", "items": {"type": "string"}}
    elif field.kind is Kind.ENUM:
        assert field.enum is not None
        schema = {"enum": [m.value for m in field.enum]}
    elif field.kind is Kind.OBJ:
        assert field.spec is not None
        schema = {"$ref": f"#/$defs/{_define(field.spec, defs)}"}
    else:
        assert field.spec is not None
        schema = {"type": "array", "items": {"$ref": f"#/$defs/{_define(field.spec, defs)}"}}
    schema["description"] = field.doc
    return schema


def _object_schema(spec: Spec, defs: dict[str, Any]) -> dict[str, Any]:
    props = {f.key: _field_schema(f, defs) for f in spec.fields}
    props.update({key: _field_schema(f, defs) for key, f in spec.extra.items()})
    return {
        "type": "object",
        "description": spec.doc,
        "properties": props,
        "required": [f.key for f in spec.fields if f.required],
        "additionalProperties": False,
    }


def _define(spec: Spec, defs: dict[str, Any]) -> str:
    if spec.name not in defs:
        defs[spec.name] = {}  # placeholder first: breaks recursion
        defs[spec.name] = _object_schema(spec, defs)
    return spec.name


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the map format, for editors and other tools."""
    defs: dict[str, Any] = {}
    root = _object_schema(MAP_SPEC, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://argmap.dev/schema/map-v1.json",
        "title": "argmap argument map",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
