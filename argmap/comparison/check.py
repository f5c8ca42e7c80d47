"""Checking a link file against its two maps: the K rules ("links") of the rule catalogue.

Each rule is data (code, name, severity, summary, a broken and a fixed example) plus one branch
of :func:`check_links`; the catalogue section in ``docs/rules.md`` is generated from
:data:`LINK_RULES` by :func:`link_rules_markdown`. Problems are
:class:`~argmap.errors.Diagnostic` values positioned at the offending link in the link file.

Imports :mod:`argmap.errors`, :mod:`argmap.model`, :mod:`argmap.formats` and the link model.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence

import attrs

from argmap import formats
from argmap.comparison.links import Link, LinkKind, LinkSet, Relation, fingerprint, load_links
from argmap.errors import ArgmapError, Diagnostic, Location, ParseError, Severity
from argmap.lint.catalogue import rule_section
from argmap.model import ArgumentMap

__all__ = [
    "LINK_FAMILY",
    "LINK_RULES",
    "LinkCheck",
    "LinkRule",
    "catalogue_markdown",
    "check_link_file",
    "check_links",
    "link_rules_markdown",
    "load_linked_maps",
    "split_selection",
]


@attrs.frozen(slots=True)
class LinkRule:
    """One link-file rule and its documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    #: A link file showing the defect (maps ``a.yaml`` and ``b.yaml`` as in :data:`EXAMPLE_MAPS`).
    example: str
    fixed: str


#: The two small maps every rule example links (``a.yaml`` then ``b.yaml``).
EXAMPLE_MAPS = """\
# a.yaml
argmap: 1
title: Commute, 2008
propositions:
  - {id: late, text: The trains are often late.}
# b.yaml
argmap: 1
title: Commute, 2012
propositions:
  - {id: punctual, text: The trains now run on time.}
  - {id: late-again, text: The trains are often late.}
"""

_HEAD = "argmap-links: 1\nmaps: {a: a.yaml, b: b.yaml}\nlinks:\n"
_LATE = fingerprint("The trains are often late.")
_PUNCTUAL = fingerprint("The trains now run on time.")
_CONTRA = "  - {a: late, b: punctual, relation: contradicts}\n"


def _prints(a: str = f'late: "{_LATE}"', b: str = f'punctual: "{_PUNCTUAL}"') -> str:
    return f"fingerprints:\n  a: {{{a}}}\n  b: {{{b}}}\n"


LINK_RULES: tuple[LinkRule, ...] = (
    LinkRule(
        "K001",
        "unknown-linked-id",
        Severity.ERROR,
        "A link names a proposition, pole or theme that its map does not have.",
        _HEAD + "  - {a: late, b: on-time, relation: contradicts}\n" + _prints(b=f'on-time: "{_PUNCTUAL}"'),
        _HEAD + _CONTRA + _prints(),
    ),
    LinkRule(
        "K002",
        "same-and-contradicts",
        Severity.ERROR,
        "The same pair is linked both as agreeing (same, refines, updates) and as contradicting.",
        _HEAD + "  - {a: late, b: punctual, relation: same}\n" + _CONTRA + _prints(),
        _HEAD + _CONTRA + _prints(),
    ),
    LinkRule(
        "K003",
        "linked-text-changed",
        Severity.WARNING,
        "A linked proposition's text changed since the links were stamped: review the link, then "
        "restamp with `argmap compare A B --links L --stamp`.",
        _HEAD + _CONTRA + _prints('late: "0000000000"'),
        _HEAD + _CONTRA + _prints(),
    ),
    LinkRule(
        "K004",
        "linked-map-unusable",
        Severity.ERROR,
        "A map the link file names is missing, unreadable or does not parse (paths are relative to "
        "the link file).",
        _HEAD.replace("b.yaml", "b2.yaml") + _CONTRA + _prints(),
        _HEAD + _CONTRA + _prints(),
    ),
    LinkRule(
        "K005",
        "duplicate-link",
        Severity.WARNING,
        "The same pair is linked twice with the same relation.",
        _HEAD + _CONTRA + _CONTRA + _prints(),
        _HEAD + _CONTRA + _prints(),
    ),
    LinkRule(
        "K006",
        "unstamped-link",
        Severity.WARNING,
        "A linked proposition has no fingerprint, so later changes to its text would go unnoticed: "
        "stamp with `argmap compare A B --links L --stamp`.",
        _HEAD + _CONTRA,
        _HEAD + _CONTRA + _prints(),
    ),
    LinkRule(
        "K007",
        "stale-fingerprint",
        Severity.INFO,
        "A fingerprint is kept for a proposition that no link uses any more.",
        _HEAD + _CONTRA + _prints(f'gone: "0123456789", late: "{_LATE}"'),
        _HEAD + _CONTRA + _prints(),
    ),
)

_RULES = {rule.code: rule for rule in LINK_RULES}
_AGREE = frozenset({Relation.SAME, Relation.REFINES, Relation.UPDATES})


@attrs.frozen(slots=True)
class LinkCheck:
    """A link file checked: its links, the two maps (``None`` when unusable) and every problem."""

    links: LinkSet
    a: ArgumentMap | None
    b: ArgumentMap | None
    diagnostics: tuple[Diagnostic, ...]


def _diag(code: str, message: str, ids: tuple[str, ...], location: Location | None) -> Diagnostic:
    rule = _RULES[code]
    return Diagnostic(code, rule.severity, message, ids, location, None)


def _ids(amap: ArgumentMap, kind: LinkKind) -> Mapping[str, object]:
    idx = amap.index
    return {LinkKind.PROPOSITION: idx.propositions, LinkKind.POLE: idx.poles, LinkKind.THEME: idx.themes}[
        kind
    ]


def load_linked_maps(
    links: LinkSet, maps: Mapping[str, ArgumentMap] | None = None
) -> tuple[dict[str, ArgumentMap], list[Diagnostic]]:
    """Load both maps of ``links`` (``maps`` may supply either by side); unusable ones become K004."""
    loaded: dict[str, ArgumentMap] = dict(maps or {})
    problems: list[Diagnostic] = []
    for side, ref in (("a", links.a), ("b", links.b)):
        if side in loaded:
            continue
        path = links.map_path(side)
        try:
            loaded[side] = formats.load(path)
        except ParseError as exc:
            problems.append(_diag("K004", f"map {side} ({ref.path}) does not parse: {exc}", (), ref.location))
        except ArgmapError as exc:
            reason = str(exc).removeprefix(f"{os.fspath(path)}: ")
            problems.append(_diag("K004", f"map {side} ({ref.path}): {reason}", (), ref.location))
    return loaded, problems


def _check_side(links: LinkSet, side: str, amap: ArgumentMap) -> Iterator[Diagnostic]:
    ref = links.a if side == "a" else links.b
    used: set[str] = set()
    referenced: set[str] = set()  # ids links name, known or not: their fingerprints are not stale
    for link in links.links:
        lid = link.a if side == "a" else link.b
        if link.kind is LinkKind.PROPOSITION:
            referenced.add(lid)
        if lid not in _ids(amap, link.kind):
            yield _diag(
                "K001",
                f"map {side} ({ref.path}) has no {link.kind.noun} {lid!r}",
                (lid,),
                link.location,
            )
            continue
        if link.kind is not LinkKind.PROPOSITION:
            continue
        if lid in used:
            continue  # one fingerprint per id, so one report per id
        used.add(lid)
        stored = ref.fingerprints.get(lid)
        now = fingerprint(amap.index.propositions[lid].text)
        if stored is None:
            yield _diag("K006", f"{side}: {lid!r} has no fingerprint", (lid,), link.location)
        elif stored != now:
            yield _diag(
                "K003",
                f"{side}: the text of {lid!r} changed since the links were stamped; check the link",
                (lid,),
                link.location,
            )
    for pid in ref.fingerprints:
        if pid not in referenced:
            yield _diag(
                "K007",
                f"{side}: fingerprint for {pid!r}, which no link uses",
                (pid,),
                ref.fingerprint_locations.get(pid),
            )


def _check_pairs(links: LinkSet) -> Iterator[Diagnostic]:
    seen: dict[tuple[LinkKind, str, str], list[Link]] = {}
    for link in links.links:
        earlier = seen.setdefault((link.kind, link.a, link.b), [])
        for prior in earlier:
            pair = f"{link.a!r} -> {link.b!r}"
            where = f"line {prior.location.line}" if prior.location else "an earlier link"
            if prior.relation is link.relation:
                yield _diag(
                    "K005",
                    f"{pair} is linked twice as {link.relation.value} (first at {where})",
                    (link.a, link.b),
                    link.location,
                )
            elif Relation.CONTRADICTS in (prior.relation, link.relation) and (
                {prior.relation, link.relation} & _AGREE
            ):
                yield _diag(
                    "K002",
                    f"{pair} is linked as {link.relation.value} here and as {prior.relation.value}"
                    f" at {where}",
                    (link.a, link.b),
                    link.location,
                )
        earlier.append(link)


def check_links(links: LinkSet, maps: Mapping[str, ArgumentMap] | None = None) -> LinkCheck:
    """Every problem in ``links`` against its maps, loaded from disk unless given in ``maps``."""
    loaded, problems = load_linked_maps(links, maps)
    found = list(problems)
    found.extend(_check_pairs(links))
    for side in ("a", "b"):
        if side in loaded:
            found.extend(_check_side(links, side, loaded[side]))
    found.sort(key=_sort_key)
    return LinkCheck(links, loaded.get("a"), loaded.get("b"), tuple(found))


#: The family name that selects every K rule, as ``structure`` selects the S rules.
LINK_FAMILY = "links"


def _names_link_rules(entry: str) -> bool:
    entry = entry.strip()
    upper = entry.upper()
    return (
        entry.lower() == LINK_FAMILY
        or any(rule.name == entry.lower() for rule in LINK_RULES)
        or (upper.startswith("K") and any(rule.code.startswith(upper) for rule in LINK_RULES))
    )


def _link_rules_named(entries: Sequence[str]) -> set[str]:
    if any(entry.strip().upper() == "ALL" for entry in entries):
        return set(_RULES)
    chosen: set[str] = set()
    for entry in entries:
        if _names_link_rules(entry):
            upper, lower = entry.strip().upper(), entry.strip().lower()
            chosen.update(
                rule.code
                for rule in LINK_RULES
                if lower in (LINK_FAMILY, rule.name) or rule.code.startswith(upper)
            )
    return chosen


def split_selection(
    select: Sequence[str] | None, ignore: Sequence[str] | None
) -> tuple[list[str] | None, list[str] | None, frozenset[str]]:
    """``--select``/``--ignore`` entries split between the lint rules and the K rules.

    An entry names K rules when it is a prefix of their codes (``K``, ``K00``, ``K003``), a K
    rule's name (``duplicate-link``) or the family name ``links``; ``ALL`` counts for both. Returns
    the lint rules' select and ignore lists (entries that name no K rule, left for the lint
    registry to accept or refuse; a select naming only K rules selects no lint rule) and the K
    codes to report, chosen by the same rules as lint codes: all unless selected, minus ignored.

    >>> split_selection(["S", "K003"], ["duplicate-link"])
    (['S'], [], frozenset({'K003'}))
    >>> sorted(split_selection(None, ["links"])[2])
    []
    """

    def lint_part(entries: Sequence[str] | None) -> list[str] | None:
        if entries is None:
            return None
        return [e for e in entries if e.strip().upper() == "ALL" or not _names_link_rules(e)]

    chosen = set(_RULES) if select is None else _link_rules_named(select)
    if ignore is not None:
        chosen -= _link_rules_named(ignore)
    return lint_part(select), lint_part(ignore), frozenset(chosen)


def _sort_key(diag: Diagnostic) -> tuple[bool, int, int, str]:
    loc = diag.location
    return (loc is None, loc.line if loc else 0, loc.column if loc else 0, diag.code)


def check_link_file(path: str | os.PathLike[str]) -> LinkCheck:
    """Load and check the link file at ``path``; an unusable file raises ``ParseError``/``InputError``."""
    return check_links(load_links(path))


def link_rules_markdown() -> str:
    """The K section of the rule catalogue: a table, then each rule with a broken and a fixed link file."""
    lines = [
        "## K: Links",
        "",
        "Link files between two maps (`argmap-links: 1`), checked by `argmap check` against both maps.",
        "Every example links these two maps:",
        "",
        "```yaml",
        EXAMPLE_MAPS.rstrip("\n"),
        "```",
        "",
        "| Code | Name | Severity | Summary |",
        "| --- | --- | --- | --- |",
    ]
    for rule in LINK_RULES:
        summary = rule.summary.replace("|", "\\|")
        anchor = f"[{rule.code}](#{rule.code.lower()}-{rule.name})"
        lines.append(f"| {anchor} | {rule.name} | {rule.severity.value} | {summary} |")
    for rule in LINK_RULES:
        severity = rule.severity.value
        lines += rule_section(rule.code, rule.name, severity, rule.summary, rule.example, rule.fixed)
    return "\n".join(lines) + "\n"


def catalogue_markdown() -> str:
    """``docs/rules.md``: the lint rule catalogue, then the K rules for link files."""
    from argmap.lint import rules_markdown

    return rules_markdown() + "\n" + link_rules_markdown()
