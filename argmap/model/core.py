"""The argument-map model: frozen, slotted attrs classes that refer to each other by id.

A map holds propositions (with a role and provenance), sources, inferences (linked premises
jointly supporting one conclusion; several inferences into one claim are convergent support),
attacks (a rebuttal attacks a proposition, an undercut attacks an inference, a qualification or
concession limits its target without defeating it), reported speech (a speaker asserts,
concedes, questions or denies a proposition), preferences between arguments, and an optional
paradox structure: a central question, poles with a thesis each, cross-cutting themes.

Every attribute that a map file holds carries its file description in its attrs metadata (a
:class:`FileField` under :data:`FILE`): the key in the file, the kind of value, a one-line doc
and the format version that introduced it. :mod:`argmap.formats` derives the file format, its
JSON Schema and the documentation from these, so the model is the one place a field is declared.

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
    "FILE",
    "ID_PATTERN",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Attribution",
    "Citation",
    "FieldKind",
    "FileField",
    "Index",
    "Inference",
    "Pole",
    "Preference",
    "Proposition",
    "Role",
    "Source",
    "Speaker",
    "SpeechAct",
    "Theme",
    "file_fields",
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
    """How an attack bears on its target.

    A rebuttal attacks a proposition; an undercut attacks an inference (denies that the premises
    support the conclusion). Both defeat their target when they succeed. A qualification limits
    its target (scope, certainty: "she indicated Russian leaders *might* have a different
    agenda") and a concession is a point the target's author grants and holds the target
    despite ("despite Russia's *professed* identity of interests"): both weaken the target in
    gradual semantics but never defeat it.
    """

    REBUT = "rebut"
    UNDERCUT = "undercut"
    QUALIFY = "qualify"
    CONCEDE = "concede"

    @property
    def defeats(self) -> bool:
        """Whether a successful attack of this kind defeats its target (rebut, undercut)."""
        return self in (AttackKind.REBUT, AttackKind.UNDERCUT)


class SpeechAct(enum.Enum):
    """What a speaker does with a proposition in reported speech (AIF's illocutionary force)."""

    ASSERTS = "asserts"
    CONCEDES = "concedes"
    QUESTIONS = "questions"
    DENIES = "denies"

    @property
    def commits(self) -> bool:
        """Whether the speaker commits to the proposition (asserts or concedes it)."""
        return self in (SpeechAct.ASSERTS, SpeechAct.CONCEDES)


class FieldKind(enum.Enum):
    """The shape of an attribute's value in a map file."""

    ID = "id"
    STR = "str"
    INT = "int"
    BOOL = "bool"
    UNIT = "unit"  # a float in [0, 1]
    IDS = "ids"
    STRS = "strs"
    ENUM = "enum"
    OBJ = "obj"
    OBJS = "objs"


#: The attrs metadata key under which an attribute's :class:`FileField` is stored.
FILE = "argmap.file"


@attrs.frozen(slots=True)
class FileField:
    """How one model attribute is written in map files (kept in the attribute's metadata).

    ``key`` is the file key when it differs from the Python name (an attack's ``from`` and
    ``to`` are ``attacker`` and ``target`` in Python, because ``from`` is a Python keyword).
    ``alias`` is a second, singular key accepted for a one-item list (``theme: x`` for
    ``themes: [x]``). ``since`` is the format version that introduced the key.
    """

    kind: FieldKind
    doc: str
    key: str | None = None
    enum: type[enum.Enum] | None = None
    item: type[Any] | None = None
    alias: str | None = None
    since: int = 1


def _file(kind: FieldKind, doc: str, **options: Any) -> dict[str, FileField]:
    return {FILE: FileField(kind, doc, **options)}


def file_fields(cls: type[Any]) -> tuple[tuple[attrs.Attribute[Any], FileField], ...]:
    """The attributes of model class ``cls`` that map files hold, in declaration order."""
    return tuple((a, a.metadata[FILE]) for a in attrs.fields(cls) if FILE in a.metadata)


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


def _check_unit(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    # NaN fails both comparisons, so it is rejected too.
    if value is not None and not (0.0 <= value <= 1.0):
        raise ValueError(f"{attribute.name} must lie in [0, 1], got {value}")


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
_opt_bool = attrs.validators.optional(attrs.validators.instance_of(bool))
K = FieldKind

_HEDGE_DOC = "The text's own hedging word or phrase, kept verbatim, e.g. 'apparently', 'perhaps'."
_CONFIDENCE_DOC = (
    "How firmly the source commits, in [0, 1] (1: plainly; default: from the hedge word, else 1)."
)
_NOTE_DOC = "Analyst's note."


@attrs.frozen(slots=True)
class Speaker:
    """A person or group a source quotes or paraphrases, e.g. a scholar at an institute in a cable.

    A group speaker ("Chinese scholars", "observers", "Chinese media") sets ``group``.
    """

    name: str = attrs.field(
        validator=_str, metadata=_file(K.STR, "Name as the source gives it (may be a description).")
    )
    affiliation: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Institution or organisation.")
    )
    title: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Position or title, e.g. 'deputy director'.")
    )
    group: bool = attrs.field(
        default=False,
        validator=attrs.validators.instance_of(bool),
        metadata=_file(K.BOOL, "Whether the speaker is a group ('observers', 'Chinese media').", since=2),
    )

    def __str__(self) -> str:
        parts = [self.name]
        if self.title:
            parts.append(self.title)
        if self.affiliation:
            parts.append(self.affiliation)
        return ", ".join(parts)


@attrs.frozen(slots=True)
class Citation:
    """Where in a source a statement comes from: a locator and a short verbatim quote."""

    source: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Id of an entry in `sources`."))
    locator: str | None = attrs.field(
        default=None,
        validator=_opt_str,
        metadata=_file(K.STR, "Section, paragraph, page or footnote, e.g. 'Reasons ¶3'."),
    )
    quote: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "A short verbatim quote from the source.")
    )
    footnotes: tuple[str, ...] = attrs.field(
        default=(),
        converter=_tuple,
        metadata=_file(K.STRS, "Footnote numbers the source gives for the point."),
    )
    location: Location | None = _location_field()


@attrs.frozen(slots=True)
class Source:
    """A document the map cites: an article, a cable, a book, an interview."""

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the source."))
    title: str = attrs.field(validator=_str, metadata=_file(K.STR, "Title of the document."))
    author: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Author or originator.")
    )
    date: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Date of the document, ideally ISO 8601.")
    )
    kind: str | None = attrs.field(
        default=None,
        validator=_opt_str,
        metadata=_file(K.STR, "Kind of document: article, cable, book, interview..."),
    )
    url: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Where the document can be found.")
    )
    #: Path of the source's full text (relative to the map file), for checking quotes.
    text: str | None = attrs.field(
        default=None,
        validator=_opt_str,
        metadata=_file(K.STR, "Path of the full text, relative to the map file (for quote checks)."),
    )
    #: People the source quotes; a speaker on a proposition should be one of them.
    speakers: tuple[Speaker, ...] = attrs.field(
        default=(), converter=_tuple, metadata=_file(K.OBJS, "People the document quotes.", item=Speaker)
    )
    location: Location | None = _location_field()


@attrs.frozen(slots=True)
class Pole:
    """One side of a paradox: a label and the id of its thesis proposition."""

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the pole."))
    label: str = attrs.field(
        validator=_str, metadata=_file(K.STR, "Short label, e.g. 'Factors of attraction'.")
    )
    thesis: str | None = attrs.field(
        default=None,
        validator=_check_optional_id,
        metadata=_file(K.ID, "Id of the proposition stating the pole's thesis."),
    )
    description: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Longer description.")
    )
    location: Location | None = _location_field()


@attrs.frozen(slots=True)
class Theme:
    """A topic that cuts across poles, e.g. a region or a policy area."""

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the theme."))
    label: str = attrs.field(validator=_str, metadata=_file(K.STR, "Short label, e.g. 'Central Asia'."))
    description: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Longer description.")
    )
    location: Location | None = _location_field()


@attrs.frozen(slots=True, init=False)
class Proposition:
    """A statement in the map, with its role, poles and themes, provenance and hedging.

    ``poles`` and ``themes`` are tuples: a factor in two theatres carries both themes, and a
    two-edged statement bears on both poles. The first of each is where diagrams draw the node,
    and :attr:`pole` and :attr:`theme` give it. In files a single one may be written ``pole: x``
    / ``theme: x``; the constructor accepts ``pole=`` and ``theme=`` the same way.

    *Assertion*: a statement its source asserts in its own voice has standing of its own, so
    support adds to it but losing that support does not make it fall. By default a statement
    with a ``citation`` is asserted by its source; ``asserted`` says otherwise either way
    (``false`` for a cited passage the author only mentions, ``true`` for an uncited one the
    author states). A statement is also asserted when an :class:`Attribution` reports a speaker
    asserting or conceding it (see :meth:`ArgumentMap.asserted`).

    *Hedging*: ``hedge`` keeps the text's own word ("apparently", "it seems clear") and
    ``confidence`` says how firmly the source commits (default: the hedge word's usual value,
    :mod:`argmap.model.hedges`, else 1). ``rephrases`` lists statements that say the same in
    other words (AIF's rephrase, MA; an Argdown equivalence class): they stand or fall together.
    """

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the proposition."))
    text: str = attrs.field(validator=_str, metadata=_file(K.STR, "The statement, in the analyst's words."))
    role: Role = attrs.field(
        default=Role.CLAIM,
        converter=Role,
        metadata=_file(K.ENUM, "What the statement does in the map.", enum=Role),
    )
    poles: tuple[str, ...] = attrs.field(
        default=(),
        converter=_tuple,
        validator=_check_ids,
        metadata=_file(
            K.IDS,
            "Ids of the poles the statement bears on (more than one when the text makes it two-edged).",
            alias="pole",
        ),
    )
    themes: tuple[str, ...] = attrs.field(
        default=(),
        converter=_tuple,
        validator=_check_ids,
        metadata=_file(K.IDS, "Ids of the themes the statement belongs to.", alias="theme"),
    )
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tuple, metadata=_file(K.STRS, "Free tags."))
    citation: Citation | None = attrs.field(
        default=None, metadata=_file(K.OBJ, "Provenance in a source.", item=Citation)
    )
    speaker: Speaker | None = attrs.field(
        default=None,
        metadata=_file(
            K.OBJ,
            "Who says it, where the source attributes it (to keep report and content apart, use an "
            "attribution instead).",
            item=Speaker,
        ),
    )
    #: Prior strength in [0, 1] for gradual semantics; ``None`` means the evaluator's default.
    base_score: float | None = attrs.field(
        default=None,
        validator=_check_unit,
        metadata=_file(K.UNIT, "Prior strength in [0, 1] for gradual semantics."),
    )
    #: Ids of propositions this one contradicts (cannot both be true).
    contradicts: tuple[str, ...] = attrs.field(
        default=(),
        converter=_tuple,
        validator=_check_ids,
        metadata=_file(K.IDS, "Ids of propositions that cannot be true together with this one."),
    )
    rephrases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_tuple,
        validator=_check_ids,
        metadata=_file(K.IDS, "Ids of propositions this one restates in other words.", since=2),
    )
    asserted: bool | None = attrs.field(
        default=None,
        validator=_opt_bool,
        metadata=_file(
            K.BOOL,
            "Whether the source asserts the statement in its own voice (default: when it is cited).",
            since=2,
        ),
    )
    hedge: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, _HEDGE_DOC, since=2)
    )
    confidence: float | None = attrs.field(
        default=None, validator=_check_unit, metadata=_file(K.UNIT, _CONFIDENCE_DOC, since=2)
    )
    note: str | None = attrs.field(default=None, validator=_opt_str, metadata=_file(K.STR, _NOTE_DOC))
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()

    def __init__(
        self,
        id: str,
        text: str,
        role: Role | str = Role.CLAIM,
        pole: str | None = None,
        theme: str | None = None,
        tags: Iterable[str] = (),
        citation: Citation | None = None,
        speaker: Speaker | None = None,
        base_score: float | None = None,
        contradicts: Iterable[str] = (),
        note: str | None = None,
        *,
        poles: Iterable[str] = (),
        themes: Iterable[str] = (),
        rephrases: Iterable[str] = (),
        asserted: bool | None = None,
        hedge: str | None = None,
        confidence: float | None = None,
        location: Location | None = None,
        field_locations: Mapping[str, Location] | None = None,
    ) -> None:
        self.__attrs_init__(
            id,
            text,
            role,
            _one_or_many("pole", pole, poles),
            _one_or_many("theme", theme, themes),
            tags,
            citation,
            speaker,
            base_score,
            contradicts,
            rephrases,
            asserted,
            hedge,
            confidence,
            note,
            location=location,
            field_locations={} if field_locations is None else field_locations,
        )

    @property
    def pole(self) -> str | None:
        """The first of :attr:`poles` (where diagrams draw the statement), or ``None``."""
        return self.poles[0] if self.poles else None

    @property
    def theme(self) -> str | None:
        """The first of :attr:`themes` (where diagrams draw the statement), or ``None``."""
        return self.themes[0] if self.themes else None

    @property
    def asserted_by_source(self) -> bool:
        """Whether the source asserts this in its own voice: ``asserted`` if set, else whether it is cited."""
        return self.asserted if self.asserted is not None else self.citation is not None


def _one_or_many(name: str, one: str | None, many: Iterable[str]) -> tuple[str, ...]:
    items = _tuple(many)
    if one is None:
        return items
    if items and items != (one,):
        raise TypeError(f"give {name}= or {name}s=, not both")
    return (one,)


@attrs.frozen(slots=True)
class Inference:
    """Premises that *jointly* support a conclusion (linked support).

    ``hedge`` and ``confidence`` say how firmly the text draws the conclusion ("perhaps ...
    explains"); in gradual semantics the confidence is the inference's own strength before its
    premises are taken into account.
    """

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the inference."))
    premises: tuple[str, ...] = attrs.field(
        converter=_tuple, validator=_check_ids, metadata=_file(K.IDS, "Ids of the linked premises.")
    )
    conclusion: str = attrs.field(
        validator=_check_id, metadata=_file(K.ID, "Id of the supported proposition.")
    )
    label: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Short label shown on the diagram.")
    )
    hedge: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, _HEDGE_DOC, since=2)
    )
    confidence: float | None = attrs.field(
        default=None, validator=_check_unit, metadata=_file(K.UNIT, _CONFIDENCE_DOC, since=2)
    )
    note: str | None = attrs.field(default=None, validator=_opt_str, metadata=_file(K.STR, _NOTE_DOC))
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()


@attrs.frozen(slots=True)
class Attack:
    """``attacker`` (a proposition) attacks ``target``: a proposition or an inference.

    In files the two ends are written ``from`` (``attacker``) and ``to`` (``target``). ``kind``
    says how (:class:`AttackKind`: rebut, undercut, qualify, concede). ``weight`` in [0, 1] scales
    the attack in gradual semantics (default 1 for rebuttals and undercuts, 0.5 for
    qualifications and concessions); which rebuttals *succeed* under extension semantics is
    decided by :class:`Preference` entries (ASPIC+: an attack on a strictly preferred target
    fails; undercuts always succeed).
    """

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the attack."))
    attacker: str = attrs.field(
        validator=_check_id, metadata=_file(K.ID, "Id of the attacking proposition.", key="from")
    )
    target: str = attrs.field(
        validator=_check_id,
        metadata=_file(K.ID, "Id of the attacked proposition or inference.", key="to"),
    )
    kind: AttackKind = attrs.field(
        default=AttackKind.REBUT,
        converter=AttackKind,
        metadata=_file(
            K.ENUM,
            "rebut or undercut (defeat when they succeed), qualify or concede (limit, never defeat).",
            enum=AttackKind,
        ),
    )
    weight: float | None = attrs.field(
        default=None,
        validator=_check_unit,
        metadata=_file(
            K.UNIT,
            "Weight of the attack in gradual semantics, in [0, 1] (default 1; 0.5 for qualify, concede).",
            since=2,
        ),
    )
    label: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Short label shown on the diagram.")
    )
    note: str | None = attrs.field(default=None, validator=_opt_str, metadata=_file(K.STR, _NOTE_DOC))
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()


@attrs.frozen(slots=True)
class Attribution:
    """Reported speech: ``speaker`` asserts, concedes, questions or denies ``proposition``.

    The report ("Feng said X") is its own element, apart from its content X, as AIF separates a
    locution (L node) from the proposition it expresses (I node) by an illocutionary connection
    (YA): contradicting X leaves the fact that Feng said it standing, and two observers who
    disagree are both recorded. ``citation`` is where the text reports it; ``hedge`` and
    ``confidence`` qualify the reporting ("she indicated", "he suggested"). The speaker may be a
    group. How an attribution counts in evaluation is defined in ``docs/evaluation.md``: the
    report itself stands as a fact of the text; asserting or conceding gives the proposition
    standing, denying conflicts with it, questioning weakens it without defeating it.
    """

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the attribution."))
    speaker: Speaker = attrs.field(metadata=_file(K.OBJ, "Who speaks (a person or a group).", item=Speaker))
    proposition: str = attrs.field(
        validator=_check_id, metadata=_file(K.ID, "Id of the proposition the speaker's words express.")
    )
    act: SpeechAct = attrs.field(
        default=SpeechAct.ASSERTS,
        converter=SpeechAct,
        metadata=_file(K.ENUM, "What the speaker does with it (default asserts).", enum=SpeechAct),
    )
    citation: Citation | None = attrs.field(
        default=None, metadata=_file(K.OBJ, "Where the source reports it.", item=Citation)
    )
    hedge: str | None = attrs.field(default=None, validator=_opt_str, metadata=_file(K.STR, _HEDGE_DOC))
    confidence: float | None = attrs.field(
        default=None, validator=_check_unit, metadata=_file(K.UNIT, _CONFIDENCE_DOC)
    )
    note: str | None = attrs.field(default=None, validator=_opt_str, metadata=_file(K.STR, _NOTE_DOC))
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()


@attrs.frozen(slots=True)
class Preference:
    """``preferred`` is preferred over ``over`` (an AIF preference application, PA node).

    Both ends are ids of propositions, inferences or attributions (a denial is compared through
    its attribution). Under extension semantics an attack from ``over`` on ``preferred`` fails
    (ASPIC+, Modgil and Prakken 2013: attacks become defeats unless the target is strictly
    preferred; undercuts succeed regardless). Preferences are read as a strict partial order:
    its transitive closure, with pairs preferred both ways cancelling out.
    """

    id: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Unique id of the preference."))
    preferred: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Id of the stronger argument."))
    over: str = attrs.field(validator=_check_id, metadata=_file(K.ID, "Id of the weaker argument."))
    note: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "Why, in the text's terms.")
    )
    location: Location | None = _location_field()
    field_locations: Mapping[str, Location] = _fields_field()


@attrs.frozen(slots=True)
class Index:
    """Look-up tables over a map, built once in one linear pass (see :attr:`ArgumentMap.index`).

    Ids that occur more than once keep their first occurrence; the validator reports duplicates.
    ``by_pole`` and ``by_theme`` list a statement under every pole and theme it names.
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
    attributions: Mapping[str, Attribution] = attrs.field(factory=dict)
    #: Attributions by the proposition they report.
    attributions_of: Mapping[str, tuple[Attribution, ...]] = attrs.field(factory=dict)

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
            for pole in dict.fromkeys(prop.poles):
                by_pole.setdefault(pole, []).append(prop)
            for theme in dict.fromkeys(prop.themes):
                by_theme.setdefault(theme, []).append(prop)
        reported: dict[str, list[Attribution]] = {}
        for attribution in amap.attributions:
            reported.setdefault(attribution.proposition, []).append(attribution)

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
            attributions=first(amap.attributions),
            attributions_of=freeze(reported),
        )


@attrs.frozen(slots=True, weakref_slot=False)
class ArgumentMap:
    """A whole argument map. Immutable: use :mod:`argmap.model.edit` functions to derive new maps."""

    title: str = attrs.field(validator=_str, metadata=_file(K.STR, "Title of the map."))
    question: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "The central question the map answers.")
    )
    description: str | None = attrs.field(
        default=None, validator=_opt_str, metadata=_file(K.STR, "What the map covers.")
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_tuple, metadata=_file(K.OBJS, "Documents cited.", item=Source)
    )
    poles: tuple[Pole, ...] = attrs.field(
        default=(),
        converter=_tuple,
        metadata=_file(K.OBJS, "Sides of the paradox, each with a thesis.", item=Pole),
    )
    themes: tuple[Theme, ...] = attrs.field(
        default=(), converter=_tuple, metadata=_file(K.OBJS, "Topics cutting across the poles.", item=Theme)
    )
    propositions: tuple[Proposition, ...] = attrs.field(
        default=(), converter=_tuple, metadata=_file(K.OBJS, "Statements.", item=Proposition)
    )
    inferences: tuple[Inference, ...] = attrs.field(
        default=(), converter=_tuple, metadata=_file(K.OBJS, "Linked support.", item=Inference)
    )
    attacks: tuple[Attack, ...] = attrs.field(
        default=(),
        converter=_tuple,
        metadata=_file(K.OBJS, "Rebuttals, undercuts, qualifications and concessions.", item=Attack),
    )
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(),
        converter=_tuple,
        metadata=_file(
            K.OBJS,
            "Reported speech: who asserts, concedes, questions or denies what.",
            item=Attribution,
            since=2,
        ),
    )
    preferences: tuple[Preference, ...] = attrs.field(
        default=(),
        converter=_tuple,
        metadata=_file(K.OBJS, "Which arguments prevail over which.", item=Preference, since=2),
    )
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

    def attributions_of(self, pid: str) -> tuple[Attribution, ...]:
        """Reported speech about proposition ``pid``, in map order."""
        return self.index.attributions_of.get(pid, ())

    def asserted(self, pid: str) -> bool:
        """Whether someone asserts ``pid``: its source in its own voice, or a speaker (asserts, concedes)."""
        prop = self.index.propositions.get(pid)
        if prop is not None and prop.asserted_by_source:
            return True
        return any(a.act.commits for a in self.attributions_of(pid))

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
        """Propositions bearing on ``pole`` (the thesis and its factors)."""
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
