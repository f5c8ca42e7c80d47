"""The rule registry: every validation rule with its stable code, family, severity and example.

A rule is a plain function from a :class:`Context` to the :class:`Finding` values it spots. The
:func:`rule` decorator records it with the metadata the documentation and the SARIF output are
generated from, so the catalogue cannot drift from the code. Codes never change meaning once
published: a retired rule keeps its code unused. The rule families (:mod:`argmap.lint.rules`) are
imported by :func:`all_rules` the first time rules are asked for, not when ``argmap.lint`` is.
"""

from __future__ import annotations

import enum
import importlib
import os
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import attrs

from argmap._files import MAX_SOURCE_BYTES, read_text
from argmap.errors import Diagnostic, InputError, Location, Severity
from argmap.lint.quotes import SourceIndex
from argmap.model.core import ArgumentMap, Attack, Citation, Index, Inference, Proposition

__all__ = [
    "CLEAN_EXAMPLE",
    "Context",
    "Family",
    "Finding",
    "Rule",
    "RuleCheck",
    "SourceText",
    "SourceTexts",
    "all_rules",
    "at",
    "rule",
    "select_rules",
]

#: The smallest clean map, the "fix" of rules whose fix is simply to drop the broken part.
CLEAN_EXAMPLE = """
    argmap: 1
    title: Commute
    propositions:
      - {id: late, text: The trains are often late.}
      - {id: bus, text: Take the bus.}
    inferences:
      - {id: i1, premises: [late], conclusion: bus}
"""


class Family(enum.Enum):
    """Rule families; the letter is the first character of every code in the family."""

    STRUCTURE = "structure"
    LOGIC = "logic"
    PARADOX = "paradox"
    PROVENANCE = "provenance"
    HYGIENE = "hygiene"

    @property
    def letter(self) -> str:
        return _LETTERS[self]

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_LETTERS = {
    Family.STRUCTURE: "S",
    Family.LOGIC: "L",
    Family.PARADOX: "P",
    Family.PROVENANCE: "V",
    Family.HYGIENE: "H",
}

_DESCRIPTIONS = {
    Family.STRUCTURE: "References, ids and the shape of relations: what makes a map well-formed.",
    Family.LOGIC: "Support and attack that cannot both hold: circles, self-defeat, contradictions.",
    Family.PARADOX: "Poles, theses, factors, themes, explanations and the verdict of a paradox map.",
    Family.PROVENANCE: "Citations, sources, verbatim quotes and speakers.",
    Family.HYGIENE: "Things that are not wrong but make a map harder to read or maintain.",
}


@attrs.frozen(slots=True)
class Finding:
    """What a rule reports; the registry adds the rule's code and severity to make a Diagnostic."""

    message: str
    ids: tuple[str, ...] = ()
    location: Location | None = None
    hint: str | None = None


@attrs.frozen(slots=True)
class SourceText:
    """The outcome of looking up a source's full text: the text, or why there is none."""

    source: str
    text: str | None
    #: Where the text came from (a file path), or ``None`` when given in memory.
    origin: str | None = None
    #: Why a declared text could not be read (missing file, bad encoding).
    problem: str | None = None


class SourceTexts:
    """Finds and caches source texts for one validation run.

    Looks in ``source_texts`` (id to text, for in-memory use) first, then in ``sources_dir`` as
    ``<id>.txt`` or ``<id>.md``, then at a source's own ``text:`` path, relative to the map file.
    Reads each file at most once; the cache is the only state, private to one run.

    A ``text:`` path is confined: it must be relative and resolve (symlinks followed) inside the
    map's directory or ``sources_dir``; an absolute or escaping path is reported as a problem and
    never read, so checking someone else's map cannot print ``/etc/passwd``. Texts are read as
    regular files of at most :data:`~argmap._files.MAX_SOURCE_BYTES` (``/dev/zero`` is refused).
    """

    __slots__ = ("_base", "_cache", "_dir", "_given", "_indexes")

    def __init__(
        self,
        *,
        sources_dir: str | os.PathLike[str] | None,
        source_texts: Mapping[str, str] | None,
        map_path: str | None,
    ) -> None:
        self._dir = Path(sources_dir) if sources_dir is not None else None
        self._given = dict(source_texts or {})
        self._base = Path(map_path).parent if map_path else Path()
        self._cache: dict[str, SourceText] = {}
        self._indexes: dict[str, SourceIndex] = {}

    @property
    def searched(self) -> bool:
        """Whether the caller asked for quote checking (a directory or texts were given)."""
        return self._dir is not None or bool(self._given)

    def get(self, source_id: str, declared: str | None) -> SourceText:
        """The text of source ``source_id`` whose entry declares the path ``declared`` (or none)."""
        found = self._cache.get(source_id)
        if found is None:
            found = self._cache[source_id] = self._lookup(source_id, declared)
        return found

    def index(self, found: SourceText) -> SourceIndex | None:
        """The quote index over a found text, built once per source."""
        if found.text is None:
            return None
        built = self._indexes.get(found.source)
        if built is None:
            built = self._indexes[found.source] = SourceIndex(found.text)
        return built

    def _lookup(self, source_id: str, declared: str | None) -> SourceText:
        if source_id in self._given:
            return SourceText(source_id, self._given[source_id])
        if self._dir is not None:
            for suffix in (".txt", ".md"):
                candidate = self._dir / f"{source_id}{suffix}"
                if candidate.is_file():
                    return _read(source_id, candidate)
        if declared:
            path = self._base / declared
            outside = self._outside(declared, path)
            if outside is not None:
                return SourceText(source_id, None, origin=declared, problem=outside)
            return _read(source_id, path)
        return SourceText(source_id, None)

    def _outside(self, declared: str, path: Path) -> str | None:
        """Why the declared ``text:`` path may not be read, or ``None`` when it is confined."""
        if os.path.isabs(declared):
            return "an absolute path; give a path relative to the map's directory"
        real = os.path.realpath(path)
        roots = [self._base, *([self._dir] if self._dir is not None else [])]
        for root in roots:
            top = os.path.realpath(root)
            if os.path.commonpath([top, real]) == top:
                return None
        where = "the map's directory or --sources" if self._dir is not None else "the map's directory"
        return f"outside {where}; source texts are only read from there"


def _read(source_id: str, path: Path) -> SourceText:
    try:
        return SourceText(source_id, read_text(path, MAX_SOURCE_BYTES), origin=str(path))
    except InputError as exc:
        # Any unreadable text becomes a diagnostic, never an exception; the message names the path.
        reason = str(getattr(exc, "message", exc)).removeprefix(f"{path}: ")
        return SourceText(source_id, None, origin=str(path), problem=reason)


@attrs.frozen(slots=True)
class Context:
    """Everything a rule may look at: the map, its index and the source texts."""

    amap: ArgumentMap
    texts: SourceTexts

    @property
    def index(self) -> Index:
        return self.amap.index


RuleCheck = Callable[[Context], Iterable[Finding]]


@attrs.frozen(slots=True)
class Rule:
    """One validation rule and its documentation."""

    code: str
    name: str
    family: Family
    severity: Severity
    summary: str
    #: A small complete YAML map showing the defect, and the same map fixed.
    example: str
    fix: str
    check: RuleCheck = attrs.field(eq=False, repr=False)
    #: Source texts (by source id) the example and fix are checked against, if any.
    texts: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)

    def run(self, ctx: Context) -> Iterator[Diagnostic]:
        """The rule's findings as diagnostics carrying its code and severity."""
        for found in self.check(ctx):
            yield Diagnostic(
                code=self.code,
                severity=self.severity,
                message=found.message,
                ids=found.ids,
                location=found.location,
                hint=found.hint,
            )


_CODE = re.compile(r"^[SLPVH]\d{3}$")
_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    family: Family,
    severity: Severity,
    summary: str,
    *,
    example: str,
    fix: str,
    texts: Mapping[str, str] | None = None,
) -> Callable[[RuleCheck], RuleCheck]:
    """Register the decorated function as rule ``code``; codes and names must be unique."""

    def register(check: RuleCheck) -> RuleCheck:
        if not _CODE.match(code) or code[0] != family.letter:
            raise ValueError(f"rule code {code!r} does not fit family {family.value}")
        if code in _RULES or any(r.name == name for r in _RULES.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        _RULES[code] = Rule(
            code=code,
            name=name,
            family=family,
            severity=severity,
            summary=summary,
            example=_dedent(example),
            fix=_dedent(fix),
            check=check,
            texts=dict(texts or {}),
        )
        return check

    return register


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, by family (structure, logic, paradox, provenance, hygiene), then code."""
    # The families register their rules when imported; importing them here, on first use, keeps
    # `import argmap.lint` (and every command that never runs a rule) from paying for them.
    importlib.import_module("argmap.lint.rules")
    families = list(Family)
    return tuple(sorted(_RULES.values(), key=lambda r: (families.index(r.family), r.code)))


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> tuple[Rule, ...]:
    """Rules chosen by code prefixes or family names (``"S"``, ``"L001"``, ``"provenance"``).

    ``select=None`` means all rules; ``ignore`` removes rules after selection. An entry that
    matches no rule raises ``ValueError``, so a typo never silently disables checking.
    """
    rules = all_rules()

    def matcher(entries: Iterable[str]) -> Callable[[Rule], bool]:
        prefixes: set[str] = set()
        names: set[str] = set()
        for raw in entries:
            entry = raw.strip()
            family = next((f for f in Family if f.value == entry.lower()), None)
            if not entry:
                continue
            if entry.upper() == "ALL":
                prefixes.add("")
            elif family is not None:
                prefixes.add(family.letter)
            elif any(r.name == entry.lower() for r in rules):
                names.add(entry.lower())
            elif any(r.code.startswith(entry.upper()) for r in rules):
                prefixes.add(entry.upper())
            else:
                raise ValueError(f"unknown rule code or family {raw!r}")
        return lambda r: r.name in names or any(r.code.startswith(p) for p in prefixes)

    chosen = rules if select is None else tuple(filter(matcher(select), rules))
    if ignore is not None:
        dropped = matcher(ignore)
        chosen = tuple(r for r in chosen if not dropped(r))
    return chosen


# -- locations ----------------------------------------------------------------------------------

Located = Proposition | Inference | Attack


def at(entity: Located | Citation | object, *fields: str) -> Location | None:
    """The most precise known position: the first of ``fields`` the loader recorded, else the entity's."""
    recorded: Mapping[str, Location] = getattr(entity, "field_locations", None) or {}
    for name in fields:
        loc = recorded.get(name)
        if loc is not None:
            return loc
    loc = getattr(entity, "location", None)
    return loc if isinstance(loc, Location) else None
