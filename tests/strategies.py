"""Hypothesis strategies for argument maps, all in one place.

``argument_maps()`` draws *valid* maps: unique ids, every reference resolving, support acyclic
(premises always come later in the map than their conclusion), paradox structure complete
(each pole has a thesis and factors, explanations relate to every pole, the verdict is
supported) and every evidence node cited. Texts include unicode, quotes, newlines and long runs.
Every attribute a map file holds is drawn somewhere (``tests/formats/test_spec.py`` checks it):
several themes and poles, hedges and confidences, qualifications and concessions with weights,
reported speech, preferences and rephrases.
"""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Attribution,
    Citation,
    Inference,
    Pole,
    Preference,
    Proposition,
    Role,
    Source,
    Speaker,
    SpeechAct,
    Theme,
)

__all__ = [
    "aif_documents",
    "argument_maps",
    "broken_maps",
    "diagnostics",
    "drawn_maps",
    "file_reports",
    "ids",
    "json_values",
    "spans",
    "texts",
]

# Surrogates cannot be encoded as UTF-8, so no file format can hold them.
_chars = st.characters(codec="utf-8")
_tricky = st.sampled_from(
    [
        '"',
        "'",
        "\n",
        "\\",
        ": ",
        "- ",
        "#",
        "&amp;",
        "<b>",
        "{x}",
        "[1]",
        "“quoted”",
        "naïve",
        "中文",
        "ß",
        "\t",
        " ",
        "~",
    ]
)
# A blank text gets a letter rather than being filtered out: a filter rejects the whole drawn map, and how
# often it did depended on the constants Hypothesis draws from the project's loaded modules, tests included
# (with two more test modules loaded, no preference note came in 300, or 500, maps in a row).
texts = (
    st.lists(st.one_of(st.text(_chars, min_size=1, max_size=40), _tricky), min_size=1, max_size=8)
    .map("".join)
    .map(lambda s: s if s.strip() else s + "x")
)
# Excluded by category, not filtered: a filter rejected over half of the drawn maps as invalid.
short_texts = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc"]), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
ids = st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True)
speakers = st.builds(Speaker, short_texts, st.none() | short_texts, st.none() | short_texts, st.booleans())
#: The text's own hedging words: known ones, phrases around them and words the vocabulary lacks.
hedges = st.sampled_from(
    ["apparently", "perhaps", "it seems clear", "may", "perhaps ... explains", "arguably"]
)
confidences = st.floats(0, 1)
notes = st.none() | texts


@st.composite
def argument_maps(draw: st.DrawFn, max_factors: int = 3) -> ArgumentMap:
    """A valid, paradox-shaped (or, sometimes, plain) argument map."""
    # Unique by construction (a drawn stem plus a counter) rather than by rejection, which is slow.
    stem = draw(ids)
    pool = (f"{stem}{n}" if n % 3 else f"n{n}.{stem}" for n in range(10**6))
    seen_texts: set[str] = set()

    def fresh_text() -> str:
        text = draw(texts)
        while " ".join(text.split()) in seen_texts:
            text += " (again)"
        seen_texts.add(" ".join(text.split()))
        return text

    source_speakers = draw(st.lists(speakers, max_size=2))
    sources = [
        Source(
            next(pool),
            draw(short_texts),
            author=draw(st.none() | short_texts),
            date=draw(st.none() | st.sampled_from(["2012-06-22", "2008", "24 January 2008"])),
            kind=draw(st.none() | st.sampled_from(["article", "cable", "book"])),
            url=draw(st.none() | st.sampled_from(["https://example.org/a?b=1&c=2", "doi:10.1000/182"])),
            # A declared text that does not exist is only an info (V008), never an error.
            text=draw(st.none() | st.sampled_from(["sources/missing.txt", "../texts/über.md"])),
            speakers=tuple(source_speakers),
        )
        for _ in range(draw(st.integers(1, 2)))
    ]

    def citation() -> Citation:
        return Citation(
            draw(st.sampled_from(sources)).id,
            draw(st.none() | short_texts),
            draw(st.none() | texts),
            tuple(draw(st.lists(st.from_regex(r"[1-9][0-9]?", fullmatch=True), max_size=2))),
        )

    themes = [
        Theme(next(pool), draw(short_texts), draw(st.none() | texts)) for _ in range(draw(st.integers(0, 2)))
    ]
    propositions: list[Proposition] = []
    inferences: list[Inference] = []
    attacks: list[Attack] = []
    attributions: list[Attribution] = []
    preferences: list[Preference] = []

    def prop(
        role: Role,
        pole: str | None = None,
        theme: str | None = None,
        cited: bool = False,
        *,
        poles: tuple[str, ...] = (),
        themes_: tuple[str, ...] = (),
    ) -> str:
        pid = next(pool)
        cite = citation() if cited or (role is not Role.THESIS and draw(st.booleans())) else None
        speaker = None
        if cite is not None and source_speakers:
            source = next(s for s in sources if s.id == cite.source)
            wanted: bool = draw(st.booleans())
            if source.speakers and wanted:
                speaker = draw(st.sampled_from(source.speakers))
        hedged = cite is not None and draw(st.booleans())
        propositions.append(
            Proposition(
                pid,
                fresh_text(),
                role=role,
                pole=pole,
                theme=theme,
                poles=poles,
                themes=themes_,
                tags=tuple(draw(st.lists(short_texts, max_size=2))),
                citation=cite,
                speaker=speaker,
                base_score=draw(st.none() | st.floats(0, 1)),
                # An uncited statement the author states (true), or a cited one only mentioned (false).
                asserted=draw(st.none() | st.just(cite is None)),
                hedge=draw(hedges) if hedged else None,
                confidence=draw(st.none() | confidences) if hedged else None,
                note=draw(notes),
            )
        )
        return pid

    def support(conclusion: str, premises: list[str]) -> str:
        iid = next(pool)
        hedged: bool = draw(st.booleans())
        inferences.append(
            Inference(
                iid,
                tuple(premises),
                conclusion,
                label=draw(st.none() | short_texts),
                hedge=draw(hedges) if hedged else None,
                confidence=draw(st.none() | confidences) if hedged else None,
                note=draw(notes),
            )
        )
        return iid

    n_poles = draw(st.sampled_from([0, 2, 2, 3]))
    poles: list[Pole] = []
    theses: list[str] = []
    evidence_by_pole: list[list[str]] = []
    factor_inferences: list[list[str]] = []
    for _ in range(n_poles):
        pole_id = next(pool)
        thesis = prop(Role.THESIS, pole_id)
        poles.append(Pole(pole_id, draw(short_texts), thesis, draw(st.none() | texts)))
        theses.append(thesis)
        evidence: list[str] = []
        incoming: list[str] = []
        for j in range(draw(st.integers(1, max_factors))):
            theme = themes[j % len(themes)].id if themes else None
            # A factor in two theatres carries both themes.
            both: bool = len(themes) > 1 and draw(st.booleans())
            factor = (
                prop(Role.CLAIM, pole_id, themes_=(theme, themes[(j + 1) % len(themes)].id))
                if both and theme is not None
                else prop(Role.CLAIM, pole_id, theme)
            )
            if draw(st.booleans()):
                item = prop(Role.EVIDENCE, pole_id, theme, cited=True)
                evidence.append(item)
                if draw(st.booleans()):
                    incoming.append(support(thesis, [factor, item]))  # linked
                    continue
                support(factor, [item])
            incoming.append(support(thesis, [factor]))
        evidence_by_pole.append(evidence)
        factor_inferences.append(incoming)
    factors_by_pole = [
        [p.id for p in propositions if p.pole == pole.id and p.role is Role.CLAIM] for pole in poles
    ]
    if poles:
        explanation = prop(Role.EXPLANATION)
        verdict = prop(Role.VERDICT)
        support(verdict, [*theses, explanation])
        # A two-edged statement bears on every pole; it is cited, so it has standing of its own.
        if draw(st.booleans()):
            edge = prop(Role.CLAIM, cited=True, poles=tuple(p.id for p in poles))
            support(theses[0], [edge])
        # Cross-pole attacks: evidence of one pole may undercut a factor inference of the next.
        for k in range(n_poles):
            other = (k + 1) % n_poles
            undercut: bool = draw(st.booleans())
            if evidence_by_pole[k] and factor_inferences[other] and undercut:
                attacks.append(
                    Attack(
                        next(pool),
                        draw(st.sampled_from(evidence_by_pole[k])),
                        draw(st.sampled_from(factor_inferences[other])),
                        AttackKind.UNDERCUT,
                        weight=draw(st.none() | st.floats(0, 1)),
                        note=draw(notes),
                    )
                )
            # Evidence of one pole may also qualify a factor of the next, or be conceded by it.
            # Drawn apart: inside the `and` chain mypy infers the draw's type from the lists.
            qualify_next: bool = draw(st.booleans())
            if evidence_by_pole[k] and factors_by_pole[other] and qualify_next:
                attacks.append(
                    Attack(
                        next(pool),
                        draw(st.sampled_from(evidence_by_pole[k])),
                        draw(st.sampled_from(factors_by_pole[other])),
                        draw(st.sampled_from([AttackKind.QUALIFY, AttackKind.CONCEDE])),
                        weight=draw(st.none() | st.floats(0, 1)),
                        label=draw(st.none() | short_texts),
                    )
                )
    else:
        root = prop(Role.CLAIM)
        for _ in range(draw(st.integers(1, max_factors))):
            support(root, [prop(Role.EVIDENCE, cited=True)])
        if draw(st.booleans()):
            attacker = prop(Role.CLAIM)
            attack = Attack(next(pool), attacker, root, AttackKind.REBUT, label=draw(texts))
            attacks.append(attack)
            if draw(st.booleans()):  # the text holds its claim over the objection (a PA node)
                note = draw(texts) if draw(st.booleans()) else None  # `notes` draws None most often
                preferences.append(Preference(next(pool), root, attacker, note))
    # Two statements that cannot both be true, and a rephrase of one of them.
    if draw(st.booleans()):
        first, second = prop(Role.CLAIM), prop(Role.CLAIM)
        propositions[-2] = attrs.evolve(propositions[-2], contradicts=(second,))
        if draw(st.booleans()):
            prop(Role.CLAIM)
            propositions[-1] = attrs.evolve(propositions[-1], rephrases=(first,))
    # Reported speech: at most one report per statement, so no speaker both asserts and denies it.
    for target in draw(st.lists(st.sampled_from([p.id for p in propositions]), max_size=3, unique=True)):
        source = draw(st.sampled_from(sources))
        attributions.append(
            Attribution(
                next(pool),
                draw(st.sampled_from(source.speakers) if source.speakers else speakers),
                target,
                draw(st.sampled_from(SpeechAct)),
                citation=Citation(source.id, draw(st.none() | short_texts)) if draw(st.booleans()) else None,
                hedge=draw(st.none() | hedges),
                confidence=draw(st.none() | confidences),
                note=draw(notes),
            )
        )
    return ArgumentMap(
        draw(short_texts),
        question=draw(st.none() | texts),
        description=draw(st.none() | texts),
        sources=tuple(sources),
        poles=tuple(poles),
        themes=tuple(themes),
        propositions=tuple(propositions),
        inferences=tuple(inferences),
        attacks=tuple(attacks),
        attributions=tuple(attributions),
        preferences=tuple(preferences),
    )


def drawn_maps(count: int) -> list[ArgumentMap]:
    """``count`` maps from :func:`argument_maps`, drawn the same way every run: for checks that batch many
    maps through one external process (a Node process an example would take a second each)."""
    drawn: list[ArgumentMap] = []

    @settings(max_examples=count, database=None, derandomize=True, phases=[Phase.generate])
    @given(argument_maps())
    def collect(amap: ArgumentMap) -> None:
        drawn.append(amap)

    collect()
    return drawn


# ------------------------------------------------------------------------------------------------
# Broken maps for the validator (tests/test_validate.py): one injected defect in a valid map.
# Injected ids are upper case, which ``ids`` never draws, so they cannot collide with the map's.
# ------------------------------------------------------------------------------------------------


def _add(amap: ArgumentMap, **extra: tuple[object, ...]) -> ArgumentMap:
    """``amap`` with items appended to some of its collections (a new map; the old one is untouched)."""
    changes: dict[str, Any] = {name: (*getattr(amap, name), *items) for name, items in extra.items()}
    return attrs.evolve(amap, **changes)


def _replace(amap: ArgumentMap, old: Proposition, new: Proposition) -> ArgumentMap:
    return attrs.evolve(amap, propositions=tuple(new if p is old else p for p in amap.propositions))


@st.composite
def broken_maps(draw: st.DrawFn) -> tuple[ArgumentMap, str, tuple[str, ...]]:
    """A valid map with one defect injected: ``(map, rule code expected, ids it must name)``."""
    amap = draw(argument_maps())
    props = list(amap.propositions)
    prop = draw(st.sampled_from(props))
    inference = draw(st.sampled_from(amap.inferences))
    premise, conclusion = draw(st.sampled_from(inference.premises)), inference.conclusion
    kinds = ["S001", "S002", "S003", "S004", "S006", "S007", "S010", "L001", "L002", "H001"]
    cited = [p for p in props if p.citation is not None]
    if cited:
        kinds.append("V002")
    if amap.poles:
        kinds.append("P001")
    kind = draw(st.sampled_from(kinds))
    if kind == "S001":
        return (
            _add(amap, propositions=(Proposition(inference.id, "Injected duplicate."),)),
            kind,
            (inference.id,),
        )
    if kind == "S002":
        broken = Inference("X-INF", ("X-MISSING",), prop.id)
        return _add(amap, inferences=(broken,)), kind, ("X-INF", "X-MISSING")
    if kind == "S003":
        attack = Attack("X-ATT", prop.id, "X-MISSING", AttackKind.UNDERCUT)
        return _add(amap, attacks=(attack,)), kind, ("X-ATT", "X-MISSING")
    if kind == "S004":
        return _replace(amap, prop, attrs.evolve(prop, poles=("X-POLE",))), kind, (prop.id, "X-POLE")
    if kind == "S006":
        return _add(amap, attacks=(Attack("X-ATT", prop.id, prop.id),)), kind, ("X-ATT", prop.id)
    if kind == "S007":
        attack = Attack("X-ATT", premise, conclusion, AttackKind.UNDERCUT)
        return _add(amap, attacks=(attack,)), kind, ("X-ATT", conclusion)
    if kind == "S010":
        broken = Inference("X-INF", (premise, conclusion), conclusion)
        return _add(amap, inferences=(broken,)), kind, ("X-INF", conclusion)
    if kind == "L001":
        # Every cycle must use the injected back edge, so both of its ends are named.
        return (
            _add(amap, inferences=(Inference("X-INF", (conclusion,), premise),)),
            kind,
            (premise, conclusion),
        )
    if kind == "L002":
        return (
            _add(amap, attacks=(Attack("X-ATT", premise, conclusion),)),
            kind,
            ("X-ATT", premise, conclusion),
        )
    if kind == "H001":
        return (
            _add(amap, propositions=(Proposition("X-LONE", "An injected loose claim."),)),
            kind,
            ("X-LONE",),
        )
    if kind == "V002":
        victim = draw(st.sampled_from(cited))
        assert victim.citation is not None
        moved = attrs.evolve(victim, citation=attrs.evolve(victim.citation, source="X-SRC"))
        return _replace(amap, victim, moved), kind, (victim.id, "X-SRC")
    pole = draw(st.sampled_from(amap.poles))
    poles = tuple(attrs.evolve(p, thesis=None) if p is pole else p for p in amap.poles)
    return attrs.evolve(amap, poles=poles), "P001", (pole.id,)


# ------------------------------------------------------------------------------------------------
# Link files between two maps (tests/comparison/): links drawn between the ids two maps really have.
# ------------------------------------------------------------------------------------------------

from argmap.comparison.links import Link, LinkKind, LinkSet, MapRef, Relation  # noqa: E402

__all__ += ["link_sets", "map_pairs"]

map_pairs = st.tuples(argument_maps(max_factors=2), argument_maps(max_factors=2))


@st.composite
def link_sets(draw: st.DrawFn, a: ArgumentMap, b: ArgumentMap, max_links: int = 8) -> LinkSet:
    """Links between propositions, poles and themes of ``a`` and ``b``; notes with tricky text."""
    links: list[Link] = []
    for kind, left, right in (
        (LinkKind.PROPOSITION, [p.id for p in a.propositions], [p.id for p in b.propositions]),
        (LinkKind.POLE, [p.id for p in a.poles], [p.id for p in b.poles]),
        (LinkKind.THEME, [t.id for t in a.themes], [t.id for t in b.themes]),
    ):
        if not left or not right:
            continue
        pair = st.tuples(st.sampled_from(left), st.sampled_from(right), st.sampled_from(list(Relation)))
        for x, y, relation in draw(st.lists(pair, max_size=max_links)):
            links.append(Link(x, y, relation, draw(st.none() | texts), kind))
    title = draw(st.none() | short_texts)
    return LinkSet(
        MapRef(draw(st.sampled_from(["a.yaml", "../maps/a b.yaml"]))), MapRef("b.json"), links, title
    )


# ------------------------------------------------------------------------------------------------
# Hostile text for the exporters (tests/export/): valid maps whose every string may be empty,
# blank, full of control characters and Graphviz escapes, or longer than Graphviz's 16,384 limit.
# ------------------------------------------------------------------------------------------------

__all__ += ["hostile_maps", "hostile_texts"]

_hostile_pieces = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\x01\x07\x1b[31m",
        "\x7f\x85\x9f",
        "\r\n",
        "\u2028",
        "\\G\\N\\L\\E\\T\\H",
        "\\l\\n\\r",
        "\\",
        '\\"',
        '"',
        "]]>",
        "&#92;N",
        "<TABLE>",
        "\U0001d54f",
        "\u202e",
    ]
)
#: Strings a careless renderer breaks on; sometimes very long.
hostile_texts = st.one_of(
    st.lists(st.one_of(_hostile_pieces, texts), max_size=6).map("".join),
    st.integers(16_000, 20_000).map(lambda n: ("x\\N" * n)[:n]),
)


@st.composite
def hostile_maps(draw: st.DrawFn) -> ArgumentMap:
    """A valid map (``argument_maps``) with its titles, texts, quotes, labels and notes made hostile."""
    amap = draw(argument_maps(max_factors=2))

    def text() -> str:
        return draw(hostile_texts)

    def maybe(value: str | None) -> str | None:
        return text() if value is not None or draw(st.booleans()) else None

    propositions = []
    for prop in amap.propositions:
        citation = prop.citation
        if citation is not None:
            citation = attrs.evolve(citation, locator=maybe(citation.locator), quote=maybe(citation.quote))
        speaker = prop.speaker
        if speaker is not None:
            speaker = attrs.evolve(speaker, name=text(), affiliation=maybe(speaker.affiliation))
        propositions.append(
            attrs.evolve(prop, text=text(), citation=citation, speaker=speaker, note=maybe(prop.note))
        )
    return attrs.evolve(
        amap,
        title=text(),
        question=maybe(amap.question),
        poles=tuple(attrs.evolve(p, label=text()) for p in amap.poles),
        themes=tuple(attrs.evolve(t, label=text()) for t in amap.themes),
        propositions=tuple(propositions),
        inferences=tuple(attrs.evolve(i, label=maybe(i.label)) for i in amap.inferences),
        attacks=tuple(attrs.evolve(a, label=maybe(a.label)) for a in amap.attacks),
    )


# -- diagnostics and check reports (tests/test_diagnostics.py, tests/lint/emit) ---------------------

from argmap.diagnostics import Diagnostic, Severity, Span  # noqa: E402
from argmap.lint.check import FileReport  # noqa: E402

#: Plain data as a YAML or JSON loader returns it: scalars, lists and string-keyed mappings.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=200),
    lambda children: (
        st.lists(children, max_size=8) | st.dictionaries(st.text(max_size=10), children, max_size=8)
    ),
    max_leaves=40,
)

report_paths = st.sampled_from(
    ["maps/a.yaml", "dir with space/m.yaml", "/abs/ünï.yaml", "x.json", "a#b%c.yaml"]
)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """A span in a file (or none named), possibly a whole-file one, its end never before its start."""
    file = draw(st.none() | report_paths)
    if draw(st.integers(0, 5)) == 0:
        return Span.of_file(file)
    line, column = draw(st.integers(1, 500)), draw(st.integers(1, 80))
    end_line = draw(st.integers(line, line + 3))
    end_column = draw(st.integers(column if end_line == line else 1, 120))
    return Span(file, line, column, end_line, end_column)


diagnostics = st.builds(
    Diagnostic,
    st.sampled_from(["S002", "H001", "P006", "F001", "Y001", "M003", "X999"]),
    st.sampled_from(Severity),
    st.text(min_size=1, max_size=30),
    st.lists(st.text(max_size=5), max_size=3).map(tuple),
    st.none() | spans(),
    st.none() | st.text(max_size=20),
)

file_reports = st.builds(
    FileReport, report_paths, st.lists(diagnostics, max_size=4).map(tuple), loaded=st.booleans()
)


# -- AIF documents as real files have them, defects included (tests/formats/aif/test_speedups.py) ------

_aif_ids = st.sampled_from(["1", "2", "17", "659343", "a", "b.c", "-x", "é1", "x y", ""]) | st.integers(0, 9)
_aif_types = st.sampled_from(["I", "L", "RA", "CA", "MA", "PA", "TA", "YA", "XX", "", "i"])
#: Locution and proposition texts: "Name : text" in its variants, "Name says '...'", odd whitespace.
_aif_text_pieces = st.sampled_from(
    [
        "Bob",
        " : ",
        ":",
        ": ",
        "\u00a0",
        "\u2003",
        "\u3000",
        "\t",
        "\n",
        " says '",
        "'",
        "Ann says 'yes'",
        "Jeane Freeman : today",
        "x" * 101,
        "é",
        "",
    ]
)
_aif_texts = st.lists(_aif_text_pieces | st.text(max_size=8), max_size=6).map("".join)


@st.composite
def aif_documents(draw: st.DrawFn) -> dict[str, Any]:
    """AIFdb JSON as parsed: nodes with ids that may repeat or be numbers, known and unknown types, texts
    that are missing, null, numbers or "Name : text" in its variants; edges among them (loops, dangling
    ends); sometimes locutions with participants naming their speakers."""
    nodes: list[Any] = []
    for _ in range(draw(st.integers(0, 14))):
        node: dict[str, Any] = {"nodeID": draw(_aif_ids), "type": draw(_aif_types)}
        text = draw(st.one_of(_aif_texts, st.none(), st.integers(0, 3), st.just("missing")))
        if text != "missing":
            node["text"] = text
        if draw(st.integers(0, 5)) == 0:
            node["scheme"] = draw(st.sampled_from(["Default Inference", "Expert Opinion", "", 3]))
        if draw(st.integers(0, 12)) == 0:
            del node[draw(st.sampled_from(["nodeID", "type"]))]
        nodes.append(node if draw(st.integers(0, 30)) else draw(st.sampled_from([None, "node", [1]])))
    ids = [n["nodeID"] for n in nodes if isinstance(n, dict) and "nodeID" in n] or ["1"]
    edges = [
        {"edgeID": f"e{k}", "fromID": draw(st.sampled_from(ids)), "toID": draw(st.sampled_from(ids))}
        for k in range(draw(st.integers(0, 14)))
    ]
    document: dict[str, Any] = {"nodes": nodes, "edges": edges}
    if draw(st.booleans()):
        document["participants"] = [{"participantID": "p1", "firstname": "Zed", "surname": "Q"}]
        speaking = draw(st.lists(st.sampled_from(ids)))
        document["locutions"] = [{"nodeID": i, "personID": "p1"} for i in speaking]
    return document
