"""The argument-map model: frozen, slotted attrs classes that refer to each other by id.

A map holds propositions (with a role and provenance), sources, inferences (linked premises
jointly supporting one conclusion; several inferences into one claim are convergent support),
attacks (a rebuttal attacks a proposition, an undercut attacks an inference) and an optional
paradox structure: a central question, poles with a thesis each, cross-cutting themes.

Source positions (``location``) are kept for diagnostics but excluded from equality, so a
map loaded from a file equals the same map dumped and loaded again. This module imports
nothing else from argmap except the :class:`~argmap.errors.Location` value.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from argmap.errors import Location

__all__ = [
    "ID_PATTERN",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Citation",
    "Index",
    "Inference",
    "Pole",
    "Proposition",
    "Role",
    "Source",
    "Speaker",
    "Theme",
]

#: Ids are short, readable slugs so they can appear in diagnostics, DOT and file names.
ID_PATTERN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")

_T = TypeVar("_T")


class Role(enum.Enum):
    """What a proposition does in the map."""

    THESIS = "thesis"  # a pole's main claim
    CLAIM = "claim"  # an ordinary claim, e.g. a factor of one pole
    EVIDENCE = "evidence"  # a cited fact or observation
    EXPLANATION = "explanation"  # reconciles the poles of a paradox
    VERDICT = "verdict"  # where the whole map comes out
    ASSUMPTION = "assumption"  # an unstated premise made explicit by the analyst


class AttackKind(enum.Enum):
    """A rebuttal attacks a proposition; an undercut attacks an inference."""

    REBUT = "rebut"
    UNDERCUT = "undercut"


def _check_id(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ValueError(
            f"{attribute.name} {value!r} is not a valid id "
            "(letters, digits, '_', '-', '.'; not starting with '-' or '.')"
        )


def _check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_id(instance, attribute, value)


def _check_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _check_id(instance, attribute, item)


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    # Accept any iterable from callers but store an immutable tuple.
    if isinstance(value, str):
        raise TypeError("expected a sequence of strings, got a single string")
    return tuple(value)


def _location_field() -> Any:
    return attrs.field(default=None, eq=False, repr=False, kw_only=True)


def _fields_field() -> Any:
    # Per-field source positions (e.g. of each premise); diagnostics only, never compared.
    return attrs.field(factory=dict, eq=False, repr=False, kw_only=True, hash=False)


_str = attrs.validators.instance_of(str)
_opt_str = attrs.validators.optional(_str)


@attrs.frozen(slots=True)
class Speaker:
    """A person a source quotes or paraphrases, e.g. a scholar at an institute in a cable."""

    name: str = attrs.field(validator=_str)
    affiliation: str | None = attrs.field(default=None, validator=_opt_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)

    def __str__(self) -> str:
        parts = [self.name]
        if self.title:
            parts.append(self.title)
        if self.affiliation:
            parts.append(self.affiliation)
        return ", ".join(parts)


@attrs.frozen(slots=True)
class Citation:
    """Where in a source a proposition comes from: a locator and a short verbatim quote."""

    source: str = attrs.field(validator=_check_id)
    locator: str | None = attrs.field(default=None, validator=_opt_str)
    quote: str | None = attrs.field(default=None, validator=_opt_str)
    footnotes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    location: Location | None = _location_field()


@attrs.frozen(slots=True)
class Source:
    """A document the map cites: an article, a cable, a book, an interview."""

    id: str = attrs.field(validator=_check_id)
    title: str = attrs.field(validator=_str)
    author: str | None = attrs.field(default=None, validator=_opt_str)
    date: str | None = attrs.field(default=None, validator=_opt_str)
    kind: str | None = attrs.field(default=None, validator=_opt_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    #: Path of the source's full text (relative to the map file), for checking quotes.
    text: str | None = attrs.field(default=None, validator=_opt_str)
    #: People the source quotes; a speaker on a proposition should be one of them.
    speakers: tuple[Speaker, ...] = attrs.field(default=(), converter=_tuple)
    location: Location | None = _location_field()


@attrs.frozen(slots=True)
class Pole:
    """One side of a paradox: a label and the id of its thesis proposition."""

    id: str = attrs.field(validator=_check_id)
    label: str = attrs.field(validator=_str)
    thesis: str | None = attrs.field(default=None, validator=_check_optional_id)
    description: str | None = attrs.field(default=None, validator=_opt_str)
    location: Location | None = _location_field()


@attrs.frozen(slots=True)
class Theme:
    """A topic that cuts across poles, e.g. a region or a policy area."""

    id: str = attrs.field(validator=_check_id)
    label: str = attrs.field(validator=_str)
    description: str | None = attrs.field(default=None, validator=_opt_str)
    location: Location | None = _location_field()


@attrs.frozen(slots=True)
class Proposition:
    """A statement in the map, with its role, optional pole and theme, and provenance."""

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_str)
    role: Role = attrs.field(default=Role.CLAIM, converter=Role)
    pole: str | None = attrs.field(default=None, validator=_check_optional_id)
    theme: str | None = attrs.field(default=None, validator=_check_optional_id)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    citation: Citation | None = attrs.field(default=None)
    speaker: Speaker | None = attrs.field(default=None)
    #: Prior strength in [0, 1] for gradual semantics; ``None`` means the evaluator's default.
    base_score: float | None = attrs.field(default=None)
    #: Ids of propositions this one contradicts (cannot both be true).
    contradicts: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_check_ids)
    note: str | None = attrs.field(default=None, validator=_opt_str)
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()

    @base_score.validator
    def _check_base_score(self, _attribute: attrs.Attribute[Any], value: float | None) -> None:
        if value is not None and not (0.0 <= value <= 1.0):
            raise ValueError(f"base_score must lie in [0, 1], got {value}")


@attrs.frozen(slots=True)
class Inference:
    """Premises that *jointly* support a conclusion (linked support)."""

    id: str = attrs.field(validator=_check_id)
    premises: tuple[str, ...] = attrs.field(converter=_tuple, validator=_check_ids)
    conclusion: str = attrs.field(validator=_check_id)
    label: str | None = attrs.field(default=None, validator=_opt_str)
    note: str | None = attrs.field(default=None, validator=_opt_str)
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()


@attrs.frozen(slots=True)
class Attack:
    """``attacker`` (a proposition) attacks ``target``: a proposition (rebut) or an inference (undercut).

    In files the two ends are written ``from`` and ``to``.
    """

    id: str = attrs.field(validator=_check_id)
    attacker: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    kind: AttackKind = attrs.field(default=AttackKind.REBUT, converter=AttackKind)
    label: str | None = attrs.field(default=None, validator=_opt_str)
    note: str | None = attrs.field(default=None, validator=_opt_str)
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()


@attrs.frozen(slots=True)
class Index:
    """Look-up tables over a map, built once in one linear pass (see :attr:`ArgumentMap.index`).

    Ids that occur more than once keep their first occurrence; the validator reports duplicates.
    """

    propositions: Mapping[str, Proposition]
    inferences: Mapping[str, Inference]
    attacks: Mapping[str, Attack]
    sources: Mapping[str, Source]
    poles: Mapping[str, Pole]
    themes: Mapping[str, Theme]
    inferences_into: Mapping[str, tuple[Inference, ...]]
    inferences_from: Mapping[str, tuple[Inference, ...]]
    attacks_on: Mapping[str, tuple[Attack, ...]]
    attacks_from: Mapping[str, tuple[Attack, ...]]
    by_pole: Mapping[str, tuple[Proposition, ...]]
    by_theme: Mapping[str, tuple[Proposition, ...]]

    @classmethod
    def build(cls, amap: ArgumentMap) -> Index:
        def first(items: Iterable[Any]) -> dict[str, Any]:
            table: dict[str, Any] = {}
            for item in items:
                table.setdefault(item.id, item)
            return table

        into: dict[str, list[Inference]] = {}
        out: dict[str, list[Inference]] = {}
        for inf in amap.inferences:
            into.setdefault(inf.conclusion, []).append(inf)
            for premise in dict.fromkeys(inf.premises):
                out.setdefault(premise, []).append(inf)
        on: dict[str, list[Attack]] = {}
        frm: dict[str, list[Attack]] = {}
        for att in amap.attacks:
            on.setdefault(att.target, []).append(att)
            frm.setdefault(att.attacker, []).append(att)
        by_pole: dict[str, list[Proposition]] = {}
        by_theme: dict[str, list[Proposition]] = {}
        for prop in amap.propositions:
            if prop.pole is not None:
                by_pole.setdefault(prop.pole, []).append(prop)
            if prop.theme is not None:
                by_theme.setdefault(prop.theme, []).append(prop)

        def freeze(table: dict[str, list[_T]]) -> dict[str, tuple[_T, ...]]:
            return {key: tuple(value) for key, value in table.items()}

        return cls(
            propositions=first(amap.propositions),
            inferences=first(amap.inferences),
            attacks=first(amap.attacks),
            sources=first(amap.sources),
            poles=first(amap.poles),
            themes=first(amap.themes),
            inferences_into=freeze(into),
            inferences_from=freeze(out),
            attacks_on=freeze(on),
            attacks_from=freeze(frm),
            by_pole=freeze(by_pole),
            by_theme=freeze(by_theme),
        )


@attrs.frozen(slots=True, weakref_slot=False)
class ArgumentMap:
    """A whole argument map. Immutable: use :mod:`argmap.model.edit` functions to derive new maps."""

    title: str = attrs.field(validator=_str)
    question: str | None = attrs.field(default=None, validator=_opt_str)
    description: str | None = attrs.field(default=None, validator=_opt_str)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    poles: tuple[Pole, ...] = attrs.field(default=(), converter=_tuple)
    themes: tuple[Theme, ...] = attrs.field(default=(), converter=_tuple)
    propositions: tuple[Proposition, ...] = attrs.field(default=(), converter=_tuple)
    inferences: tuple[Inference, ...] = attrs.field(default=(), converter=_tuple)
    attacks: tuple[Attack, ...] = attrs.field(default=(), converter=_tuple)
    #: The file the map was loaded from, if any (diagnostics only).
    path: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @functools.cached_property
    def index(self) -> Index:
        """Look-up tables, built on first use and cached for the life of this (immutable) map."""
        return Index.build(self)

    # -- look-ups ---------------------------------------------------------------------------

    def proposition(self, pid: str) -> Proposition:
        """The proposition with id ``pid``; ``KeyError`` if there is none."""
        return self.index.propositions[pid]

    def get(self, pid: str) -> Proposition | Inference | Attack | None:
        """Any node with this id (proposition, inference or attack), or ``None``."""
        idx = self.index
        return idx.propositions.get(pid) or idx.inferences.get(pid) or idx.attacks.get(pid)

    def inferences_into(self, pid: str) -> tuple[Inference, ...]:
        """Inferences whose conclusion is ``pid`` (more than one: convergent support)."""
        return self.index.inferences_into.get(pid, ())

    def inferences_from(self, pid: str) -> tuple[Inference, ...]:
        """Inferences in which ``pid`` is a premise."""
        return self.index.inferences_from.get(pid, ())

    def attacks_on(self, target: str) -> tuple[Attack, ...]:
        """Attacks whose target is ``target`` (a proposition or an inference id)."""
        return self.index.attacks_on.get(target, ())

    def attacks_from(self, pid: str) -> tuple[Attack, ...]:
        """Attacks made by ``pid``."""
        return self.index.attacks_from.get(pid, ())

    def supporters(self, pid: str) -> tuple[str, ...]:
        """Ids of all premises of inferences into ``pid``, in map order, without repeats."""
        return tuple(dict.fromkeys(p for inf in self.inferences_into(pid) for p in inf.premises))

    def attackers(self, target: str) -> tuple[str, ...]:
        """Ids of propositions attacking ``target``, without repeats."""
        return tuple(dict.fromkeys(a.attacker for a in self.attacks_on(target)))

    def supported(self, pid: str) -> tuple[str, ...]:
        """Ids of conclusions ``pid`` helps to support."""
        return tuple(dict.fromkeys(inf.conclusion for inf in self.inferences_from(pid)))

    def neighbours(self, pid: str) -> tuple[str, ...]:
        """Propositions directly related to ``pid`` by support or attack, in either direction."""
        ids: dict[str, None] = {}
        for inf in self.inferences_into(pid):
            ids.update(dict.fromkeys(inf.premises))
        for inf in self.inferences_from(pid):
            ids[inf.conclusion] = None
            ids.update(dict.fromkeys(inf.premises))
        for att in self.attacks_on(pid):
            ids[att.attacker] = None
        for att in self.attacks_from(pid):
            hit = self.index.inferences.get(att.target)
            # An undercut relates the attacker to the conclusion of the inference it hits.
            ids[hit.conclusion if hit is not None else att.target] = None
        ids.pop(pid, None)
        return tuple(ids)

    def by_pole(self, pole: str) -> tuple[Proposition, ...]:
        """Propositions tagged with ``pole`` (the thesis and its factors)."""
        return self.index.by_pole.get(pole, ())

    def factors(self, pole: str) -> tuple[Proposition, ...]:
        """Propositions of ``pole`` other than its thesis."""
        thesis = self.index.poles[pole].thesis if pole in self.index.poles else None
        return tuple(p for p in self.by_pole(pole) if p.id != thesis)

    def by_theme(self, theme: str) -> tuple[Proposition, ...]:
        """Propositions tagged with ``theme``, across all poles."""
        return self.index.by_theme.get(theme, ())

    def with_role(self, role: Role | str) -> tuple[Proposition, ...]:
        """Propositions with the given role, in map order."""
        wanted = Role(role)
        return tuple(p for p in self.propositions if p.role is wanted)

    def __iter__(self) -> Iterator[Proposition]:
        return iter(self.propositions)

    def __len__(self) -> int:
        return len(self.propositions)

    def __contains__(self, pid: object) -> bool:
        return isinstance(pid, str) and pid in self.index.propositions
