"""One table describes the map file format; loading, dumping and the JSON Schema all read it.

The table is derived from the model: every attribute a file holds carries a
:class:`~argmap.model.core.FileField` in its attrs metadata (file key, kind, doc, the version
that introduced it), and :func:`spec_for` turns a model class into a :class:`Spec` from those.
Nothing here restates a field, so a field added to the model is parsed, written and documented
at once. Structuring collects every problem it finds, with the file position of each, before
giving up. Version 1 files are read as they are: every version-1 key means the same in version
2, and a key introduced later is refused with a message naming the version it needs.
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from argmap.diagnostics import short_repr
from argmap.errors import Location, ParseError
from argmap.model.core import (
    ID_PATTERN,
    ArgumentMap,
    Attack,
    Attribution,
    FieldKind,
    Inference,
    Preference,
    Proposition,
    file_fields,
)

__all__ = [
    "FORMAT_VERSION",
    "MAP_SPEC",
    "Field",
    "FieldLocations",
    "Kind",
    "Located",
    "Pos",
    "Spec",
    "ToLocation",
    "declared_version",
    "json_schema",
    "spec_for",
    "structure_map",
    "unstructure_map",
]

#: The map format version this argmap writes; it reads every version up to this one.
FORMAT_VERSION = 2

#: The shape of a field's value in a file (the model's :class:`~argmap.model.core.FieldKind`).
Kind = FieldKind


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
    #: A singular key accepted instead of ``key`` for a one-item list (``theme`` for ``themes``).
    alias: str | None = None
    #: The format version that introduced the key.
    since: int = 1
    #: The attribute's default, which dumping leaves out.
    default: Any = None


@attrs.frozen(eq=False)
class Spec:
    """An object in the file: its fields and the model class it becomes."""

    name: str
    cls: type[Any]
    doc: str
    fields: tuple[Field, ...]
    #: Keys accepted but not stored on the model (e.g. the format version).
    extra: Mapping[str, Field] = attrs.field(factory=dict)


#: File names of model classes whose name in the format is not their lower-cased class name.
_SPEC_NAMES: Mapping[type[Any], str] = {ArgumentMap: "map"}
_VERSION_FIELD = Field(
    "argmap",
    "",
    Kind.INT,
    f"Format version; this argmap reads 1 to {FORMAT_VERSION} and writes {FORMAT_VERSION}.",
)


def _summary(cls: type[Any]) -> str:
    doc = (cls.__doc__ or cls.__name__).strip()
    return " ".join(doc.split("\n\n")[0].split())


@functools.cache
def spec_for(cls: type[Any]) -> Spec:
    """The file-format description of model class ``cls``, derived from its attribute metadata."""
    fields = []
    for attribute, meta in file_fields(cls):
        default: Any = attribute.default
        required = default is attrs.NOTHING
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        fields.append(
            Field(
                key=meta.key or attribute.name,
                attr=attribute.name,
                kind=meta.kind,
                doc=meta.doc,
                required=required,
                enum=meta.enum,
                spec=_spec_of(meta.item) if meta.item is not None else None,
                alias=meta.alias,
                since=meta.since,
                default=None if required else default,
            )
        )
    extra = {"argmap": _VERSION_FIELD} if cls is ArgumentMap else {}
    name = _SPEC_NAMES.get(cls, cls.__name__.lower())
    return Spec(name, cls, _summary(cls), tuple(fields), extra)


def _spec_of(cls: type[Any]) -> Spec:
    spec: Spec = spec_for(cls)  # type: ignore[arg-type]  # classes are hashable; mypy cannot tell
    return spec


#: The whole format, from the map down.
MAP_SPEC = spec_for(ArgumentMap)

_LOCATED_SPECS = {spec_for(cls).name for cls in (Proposition, Inference, Attack, Attribution, Preference)}

# -- positions --------------------------------------------------------------------------------
# Loaders record positions as whatever is cheapest for them (PyYAML's marks, character offsets
# in JSON) and give structuring a function turning one into a Location. Structuring makes a
# Location only where a model object or a diagnostic needs one: building ~20 per proposition
# up front was a large share of loading time on big maps.

#: A position as a loader recorded it; only the loader's ``ToLocation`` looks inside.
Pos = Any
ToLocation = Callable[[Pos], Location]
#: Positions of one container: where it starts, where each child value starts (by key, or a
#: list by index for sequences) and, for mappings, where each key starts.
Located = tuple[Pos, Mapping[Any, Pos] | Sequence[Pos], Mapping[Any, Pos] | None]


class FieldLocations(Mapping[str, Location]):
    """Per-field source positions of one model object, turned into locations when looked up.

    Keys are field names and, for id lists, ``name[i]`` for each item. Diagnostics look up a
    handful of these; most are never read, so they stay raw.
    """

    __slots__ = ("_fields", "_lists", "_to_location")

    def __init__(
        self,
        fields: Mapping[str, Pos],
        lists: Mapping[str, Sequence[Pos]],
        to_location: ToLocation,
    ) -> None:
        self._fields = fields
        self._lists = lists
        self._to_location = to_location

    def _raw(self, key: str) -> Pos:
        if key in self._fields:
            return self._fields[key]
        name, bracket, rest = key.partition("[")
        digits = rest[:-1]
        if bracket and rest.endswith("]") and digits.isascii() and digits.isdigit():
            positions = self._lists.get(name, ())
            index = int(digits)
            if index < len(positions) and str(index) == digits:
                return positions[index]
        raise KeyError(key)

    def __getitem__(self, key: str) -> Location:
        return self._to_location(self._raw(key))

    def __iter__(self) -> Iterator[str]:
        for key in self._fields:
            yield key
            yield from (f"{key}[{i}]" for i in range(len(self._lists.get(key, ()))))

    def __len__(self) -> int:
        return len(self._fields) + sum(map(len, self._lists.values()))

    def __repr__(self) -> str:
        return f"FieldLocations({dict(self)!r})"

    def __reduce__(self) -> tuple[type[dict[str, Location]], tuple[dict[str, Location]]]:
        # Pickles as a plain dict: the loader's converter need not travel with the map.
        return dict, (dict(self),)


# -- structuring -----------------------------------------------------------------------------
# Small caches over the constant tables above: structuring runs once per object in a map, so
# anything derivable from a Spec or Field is computed once, not per object.


@functools.cache
def _keys(spec: Spec, version: int = FORMAT_VERSION) -> tuple[str, ...]:
    keys: list[str] = []
    for f in spec.fields:
        if f.since <= version:
            keys.append(f.key)
            if f.alias is not None:
                keys.append(f.alias)
    return (*keys, *spec.extra)


@functools.cache
def _since(spec: Spec) -> Mapping[str, int]:
    """The version that introduced each key of ``spec`` (aliases included)."""
    table = {f.key: f.since for f in spec.fields}
    table.update({f.alias: f.since for f in spec.fields if f.alias is not None})
    return table


@functools.cache
def _alias_field(field: Field) -> Field:
    """The singular key of a list field, as a field of one id."""
    assert field.alias is not None
    return attrs.evolve(field, key=field.alias, kind=Kind.ID, alias=None)


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


#: One key as the quick structuring path reads it: attribute (empty for an extra key), kind
#: (or :data:`_ALIAS` for the singular key of a list), required, the field itself and, for enum
#: fields, the members by value.
_Step = tuple[str, Any, bool, Field, Mapping[str, enum.Enum]]
_ALIAS = object()


@attrs.frozen
class _Plan:
    """What structuring needs to know about one spec, derived once from the table."""

    cls: type[Any]
    steps: Mapping[str, _Step]
    required: frozenset[str]
    has_location: bool
    field_locations: bool
    #: (singular key, list key) pairs: a file may hold one or the other, not both.
    aliases: tuple[tuple[str, str], ...]


@functools.cache
def _plan(spec: Spec, version: int = FORMAT_VERSION) -> _Plan:
    def step(field: Field, attr: str) -> _Step:
        members = _enum_values(field.enum) if field.enum is not None else {}
        return (attr, field.kind, field.required, field, members)

    fields = [f for f in spec.fields if f.since <= version]
    steps = {f.key: step(f, f.attr) for f in fields}
    for f in fields:
        if f.alias is not None:
            steps[f.alias] = (f.attr, _ALIAS, False, f, {})
    steps.update({key: step(f, "") for key, f in spec.extra.items()})
    return _Plan(
        cls=spec.cls,
        steps=steps,
        required=frozenset(f.key for f in fields if f.required),
        has_location=_has_location(spec),
        field_locations=spec.name in _LOCATED_SPECS,
        aliases=tuple((f.alias, f.key) for f in fields if f.alias is not None),
    )


_FAILED = object()  # the quick path's "look again, thoroughly"
# Plain names for the kinds: looking a member up on an Enum class costs a descriptor call, and
# structuring compares kinds a few times per value.
_STR, _ID, _INT, _UNIT, _ENUM, _OBJ = Kind.STR, Kind.ID, Kind.INT, Kind.UNIT, Kind.ENUM, Kind.OBJ
_BOOL = Kind.BOOL
_IDS, _STRS, _OBJS = Kind.IDS, Kind.STRS, Kind.OBJS
_SEQUENCE_KINDS = (_IDS, _STRS, _OBJS)
_match_id = ID_PATTERN.match
_NO_POSITIONS: Mapping[Any, Pos] = {}


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


def _sub(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Structurer:
    """Turns loaded plain data into model objects, collecting every problem with its position.

    Paths such as ``propositions[3].text`` are only built when an error needs one.
    """

    def __init__(
        self,
        file: str | None,
        located: Mapping[int, Located],
        to_location: ToLocation,
        version: int = FORMAT_VERSION,
    ) -> None:
        self.file = file
        self.located = located
        self.to_location = to_location
        #: The format version the file declares; keys introduced later are refused.
        self.version = version
        self.errors: list[ParseError] = []

    def error(self, where: Pos, path: str, message: str, code: str = "M001") -> None:
        """Record a problem (``code`` from the M family of ``argmap.diagnostics.LOAD_CODES``)."""
        prefix = f"{path}: " if path else ""
        loc = self.to_location(where)
        self.errors.append(ParseError(prefix + message, self.file, loc.line, loc.column, code=code))

    def scalar(self, value: object, field: Field, where: Pos, path: str) -> Any:
        kind = field.kind
        if kind in (_STR, _ID):
            if not isinstance(value, str):
                self.error(where, path, f"expected a string, got {_type_name(value)}")
                return None
            if kind is _ID and not _match_id(value):
                self.error(
                    where,
                    path,
                    f"{short_repr(value)} is not a valid id (use letters, digits, '_', '-', '.'; "
                    "start with a letter, digit or '_')",
                    "M002",
                )
                return None
            return value
        if kind is _INT:
            if isinstance(value, bool) or not isinstance(value, int):
                self.error(where, path, f"expected an integer, got {_type_name(value)}")
                return None
            return value
        if kind is _BOOL:
            if not isinstance(value, bool):
                self.error(where, path, f"expected true or false, got {_type_name(value)}")
                return None
            return value
        if kind is _UNIT:
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.error(where, path, f"expected a number in [0, 1], got {_type_name(value)}")
                return None
            if not (0.0 <= float(value) <= 1.0) or math.isnan(float(value)):
                self.error(where, path, f"expected a number in [0, 1], got {short_repr(value)}", "M002")
                return None
            return float(value)
        if kind is _ENUM:
            assert field.enum is not None
            members = _enum_values(field.enum)
            if not isinstance(value, str) or value not in members:
                message = f"expected one of {', '.join(members)}, got {short_repr(value)}"
                self.error(where, path, message, "M002")
                return None
            return members[value]
        raise AssertionError(kind)  # pragma: no cover - every scalar kind is handled above

    def sequence(self, value: object, field: Field, where: Pos, path: str) -> tuple[Any, ...] | None:
        if type(value) is not list and (isinstance(value, str) or not isinstance(value, Sequence)):
            self.error(where, path, f"expected a list, got {_type_name(value)}")
            return None
        kind = field.kind
        if kind is _IDS:
            try:
                if all(map(_match_id, value)):
                    return tuple(value)
            except TypeError:  # an item that is not a string; reported below
                pass
        elif kind is _STRS and all(isinstance(item, str) for item in value):
            return tuple(value)
        positions = self.positions(value, where)
        item_field = _item_field(field)
        items: list[Any] = []
        for i, item in enumerate(value):
            if item_field is not None:
                items.append(self.scalar(item, item_field, positions[i], f"{path}[{i}]"))
            else:
                assert field.spec is not None
                items.append(self.obj(item, field.spec, positions[i], f"{path}[{i}]"))
        return tuple(items)

    def positions(self, value: Sequence[Any], where: Pos) -> Sequence[Pos]:
        """Where each item of a list starts (``where``, the list's own position, if unknown)."""
        loc = self.located.get(id(value))
        return (where,) * len(value) if loc is None else loc[1]  # type: ignore[return-value]

    def obj(self, value: object, spec: Spec, where: Pos, path: str) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            if value is None and not path:
                message = "the file holds no map (it is empty); expected a mapping with a title"
                self.error(where, path, message, "M006")
            else:
                self.error(where, path, f"expected a {spec.name} (a mapping), got {_type_name(value)}")
            return None
        loc = self.located.get(id(value))
        if loc is None:
            start, children, keys = where, _NO_POSITIONS, _NO_POSITIONS
        else:
            start, children, keys = loc  # type: ignore[assignment]
        before = len(self.errors)
        done = self.quick(value, _plan(spec, self.version), start, children, path)
        if done is not _FAILED:
            return done
        # Something is wrong in this object: start again the thorough way, which reports every
        # problem in the documented order (unknown keys, then fields as the table lists them).
        del self.errors[before:]
        return self.thorough(value, spec, start, children, keys or _NO_POSITIONS, path)

    def quick(  # noqa: PLR0915 - the hot path of loading: every kind handled inline
        self, value: Mapping[Any, Any], plan: _Plan, start: Pos, children: Mapping[Any, Pos], path: str
    ) -> Any:
        """The object for a mapping with nothing wrong in it, else :data:`_FAILED`.

        Walks the keys present rather than every field the table lists, and handles the
        common kinds inline.
        """
        before = len(self.errors)
        raw: dict[str, Pos] | None = None
        lists: dict[str, Sequence[Pos]] | None = None
        if plan.field_locations:
            raw, lists = {}, {}
        kwargs: dict[str, Any] = {}
        steps = plan.steps
        for key, item in value.items():
            step = steps.get(key)
            if step is None:
                return _FAILED
            attr, kind, required, field, members = step
            if item is None:
                if required or not attr:  # an extra key is checked even when null
                    return _FAILED
                continue
            where = children.get(key, start)
            if raw is not None:
                raw[key if kind is _ALIAS else field.key] = where  # the table's strings, not per object
            if kind is _STR:
                if isinstance(item, str):
                    kwargs[attr] = item
                    continue
                return _FAILED
            if kind is _ID:
                if isinstance(item, str) and _match_id(item):
                    kwargs[attr] = item
                    continue
                return _FAILED
            if kind is _ENUM:
                member = members.get(item) if isinstance(item, str) else None
                if member is None:
                    return _FAILED
                kwargs[attr] = member
                continue
            if kind is _ALIAS:
                if isinstance(item, str) and _match_id(item):
                    kwargs[attr] = (item,)
                    if raw is not None and lists is not None:
                        raw[field.key] = where
                        lists[field.key] = (where,)
                    continue
                return _FAILED
            if kind is _OBJ:
                assert field.spec is not None
                result = self.obj(item, field.spec, where, _sub(path, key))
            elif kind in _SEQUENCE_KINDS:
                result = self.sequence(item, field, where, _sub(path, key))
                if kind is _IDS and lists is not None and result is not None:
                    lists[field.key] = self.positions(item, where)
            else:
                result = self.scalar(item, field, where, _sub(path, key))
            if result is None:
                return _FAILED
            if attr:  # extra keys (the format version) are checked but not stored
                kwargs[attr] = result
        if len(self.errors) > before or not value.keys() >= plan.required:
            return _FAILED
        for one, many in plan.aliases:
            if one in value and many in value:
                return _FAILED
        if plan.has_location:
            kwargs["location"] = self.to_location(start)
        if raw is not None and lists is not None:
            kwargs["field_locations"] = FieldLocations(raw, lists or _NO_POSITIONS, self.to_location)
        try:
            return plan.cls(**kwargs)
        except (TypeError, ValueError):  # a model validator the table does not mirror
            return _FAILED

    def alias(
        self,
        value: Mapping[Any, Any],
        spec: Spec,
        field: Field,
        where: tuple[Pos, Mapping[Any, Pos], Mapping[Any, Pos]],
        path: str,
        kwargs: dict[str, Any],
        positions: tuple[dict[str, Pos] | None, dict[str, Sequence[Pos]]],
    ) -> None:
        """Structure the singular key of a list field (``theme: x``), unless the list is given too."""
        assert field.alias is not None
        one, key = field.alias, field.key
        start, children, keys = where
        if value.get(key) is not None:
            message = f"give {one!r} or {key!r} in {spec.name}, not both"
            self.error(keys.get(one, start), path, message, "M002")
            return
        at = children.get(one, start)
        single = self.scalar(value[one], _alias_field(field), at, _sub(path, one))
        if single is not None:
            kwargs[field.attr] = (single,)
            raw, lists = positions
            if raw is not None:
                raw[one] = raw[key] = at
                lists[key] = (at,)

    def thorough(  # noqa: PLR0915 - one pass over the table, reporting in its order
        self,
        value: Mapping[Any, Any],
        spec: Spec,
        start: Pos,
        children: Mapping[Any, Pos],
        keys: Mapping[Any, Pos],
        path: str,
    ) -> Any:
        """The object for a mapping, or ``None`` after reporting every problem in it."""
        before = len(self.errors)
        known = _keys(spec, self.version)
        for key in value:
            if key not in known:
                since = _since(spec).get(key) if isinstance(key, str) else None
                if since is not None:
                    message = (
                        f"key {key!r} in {spec.name} needs map format version {since}; the file says "
                        f"'argmap: {self.version}' (run 'argmap convert --upgrade' or change the version)"
                    )
                else:
                    allowed = ", ".join(known)
                    message = f"unknown key {short_repr(key)} in {spec.name}; expected one of: {allowed}"
                self.error(keys.get(key, start), path, message, "M003")
        raw: dict[str, Pos] | None = None
        lists: dict[str, Sequence[Pos]] = {}
        if spec.name in _LOCATED_SPECS:
            raw = {}
        kwargs: dict[str, Any] = {}
        for field in spec.fields:
            if field.since > self.version:
                continue
            key = field.key
            sub_path = _sub(path, key)
            item = value.get(key)
            if field.alias is not None and value.get(field.alias) is not None:
                self.alias(value, spec, field, (start, children, keys), path, kwargs, (raw, lists))
                continue
            if item is None:
                if field.required:
                    self.error(start, path, f"missing required key {key!r} in {spec.name}", "M004")
                continue
            where = children.get(key, start)
            if raw is not None:
                raw[key] = where
            if field.kind in _SEQUENCE_KINDS:
                result = self.sequence(item, field, where, sub_path)
                if field.kind is _IDS and result is not None:
                    lists[key] = self.positions(item, where)
            elif field.kind is _OBJ:
                assert field.spec is not None
                result = self.obj(item, field.spec, where, sub_path)
            else:
                result = self.scalar(item, field, where, sub_path)
            if result is not None:
                kwargs[field.attr] = result
        for key, field in spec.extra.items():
            if key in value:
                self.scalar(value[key], field, children.get(key, start), key)
        if len(self.errors) > before:
            return None
        if _has_location(spec):
            kwargs["location"] = self.to_location(start)
        if raw is not None:
            kwargs["field_locations"] = FieldLocations(raw, lists or _NO_POSITIONS, self.to_location)
        try:
            return spec.cls(**kwargs)
        except (TypeError, ValueError) as exc:  # a model validator the table does not mirror
            reason = str(exc)
            self.error(start, path, reason if len(reason) <= 200 else reason[:199] + "…", "M002")
            return None


def structure_map(
    data: object,
    *,
    file: str | None,
    located: Mapping[int, Located],
    to_location: ToLocation,
    root: Pos,
    extend: Callable[[Location], Location] | None = None,
) -> ArgumentMap:
    """Build an :class:`ArgumentMap` from loaded data, or raise the first :class:`ParseError`.

    ``located`` gives the positions of each container by its ``id``; ``to_location`` turns a
    recorded position (and ``root``, the start of the file) into a :class:`Location`. The raised
    error carries every problem found in ``errors`` so a caller can show them all. ``extend``, when
    given, stretches an error's span to the end of the token it starts at (on the error path only).
    """
    structurer = _Structurer(file, located, to_location, declared_version(data) or FORMAT_VERSION)
    if isinstance(data, Mapping) and "argmap" in data:
        version = data["argmap"]
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            loc = located.get(id(data))
            where = to_location(root if loc is None else loc[1].get("argmap", root))  # type: ignore[union-attr]
            raise ParseError(
                f"map format version {version} is newer than this argmap reads ({FORMAT_VERSION}); "
                "upgrade argmap",
                file,
                where.line,
                where.column,
                code="M005",
            )
    result = structurer.obj(data, MAP_SPEC, root, "")
    if structurer.errors or result is None:
        if structurer.errors:
            errors = structurer.errors
        else:
            start = to_location(root)
            errors = [ParseError("the map could not be read", file, start.line, start.column, code="M006")]
        if extend is not None:
            for error in errors:
                error.diagnostics = tuple(
                    attrs.evolve(d, span=extend(d.span)) if d.span is not None else d
                    for d in error.diagnostics
                )
        first = errors[0]
        raise _with_all(first, errors)
    amap: ArgumentMap = attrs.evolve(result, path=file)
    return amap


def declared_version(data: object) -> int | None:
    """The format version a loaded file declares (``argmap: N``), if it is one this argmap reads."""
    if not isinstance(data, Mapping):
        return None
    version = data.get("argmap")
    if isinstance(version, int) and not isinstance(version, bool) and 1 <= version <= FORMAT_VERSION:
        return version
    return None


def _with_all(first: ParseError, errors: list[ParseError]) -> ParseError:
    first.errors = tuple(errors)
    return first


# -- unstructuring ----------------------------------------------------------------------------


def _unstructure(obj: Any, spec: Spec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in spec.fields:
        value = getattr(obj, field.attr)
        # A required list is written even when empty (``premises: []``), so the file loads back.
        if value is None or (value == () and not field.required):
            continue
        if field.kind is Kind.BOOL:
            if value is not field.default:
                out[field.key] = value
            continue
        if field.alias is not None and len(value) == 1:
            out[field.alias] = value[0]  # the shorter form reads best for the common case
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
    elif field.kind is Kind.BOOL:
        schema = {"type": "boolean"}
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
    props: dict[str, Any] = {}
    exclusive: list[dict[str, Any]] = []
    for f in spec.fields:
        props[f.key] = _field_schema(f, defs)
        if f.alias is not None:
            props[f.alias] = _field_schema(_alias_field(f), defs)
            props[f.alias]["description"] = f"One id, for `{f.key}` with one item."
            exclusive.append({"not": {"required": [f.alias, f.key]}})
    props.update({key: _field_schema(f, defs) for key, f in spec.extra.items()})
    schema: dict[str, Any] = {
        "type": "object",
        "description": spec.doc,
        "properties": props,
        "required": [f.key for f in spec.fields if f.required],
        "additionalProperties": False,
    }
    if exclusive:
        schema["allOf"] = exclusive
    return schema


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
        "$id": f"https://argmap.dev/schema/map-v{FORMAT_VERSION}.json",
        "title": "argmap argument map",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
