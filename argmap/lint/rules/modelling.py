"""Rules for the faithful-modelling constructs of format version 2, in the families they belong to.

Qualifications and concessions, preferences, reported speech (attributions), rephrases, hedges
and confidence: references that resolve (S013-S016), commitments and preferences that cannot
all hold (L006, L007), and hedging that reads oddly (H007-H009). A confidence outside [0, 1] never
reaches a rule: the loader refuses it with its position. May import ``model`` and the registry.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.errors import Severity
from argmap.lint.registry import Context, Family, Finding, at, rule
from argmap.model.core import AttackKind, Attribution, Inference, Proposition
from argmap.model.hedges import hedge_confidence

__all__: list[str] = []  # rules register themselves

_S, _L, _H = Family.STRUCTURE, Family.LOGIC, Family.HYGIENE

_HEAD = """
    argmap: 2
    title: Russia and China
    propositions:
      - {id: ties, text: Ties between Russia and China are warming.}
      - {id: talks, text: The two held summit talks every year.}
      - {id: agenda, text: Russian leaders might have a different agenda.}
    inferences:
      - {id: i1, premises: [talks], conclusion: ties}
"""


@rule(
    "S013",
    "qualification-without-target",
    _S,
    Severity.ERROR,
    "A qualification or concession limits an id that is neither a proposition nor an inference.",
    example=_HEAD
    + """
    attacks:
      - {id: q1, from: agenda, to: tie, kind: qualify}
""",
    fix=_HEAD
    + """
    attacks:
      - {id: q1, from: agenda, to: ties, kind: qualify}
""",
)
def qualification_without_target(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    for att in ctx.amap.attacks:
        if att.kind.defeats or att.target in idx.propositions or att.target in idx.inferences:
            continue
        noun = "qualification" if att.kind is AttackKind.QUALIFY else "concession"
        yield Finding(
            f"{noun} '{att.id}' limits '{att.target}', which is no proposition or inference",
            (att.id, att.target),
            at(att, "to"),
            "'to' must name the proposition or inference that is limited",
        )


_SPEECH = """
    argmap: 2
    title: Russia and China
    sources:
      - id: cable
        title: Beijing cable
        speakers: [{name: Feng}]
    propositions:
      - {id: ties, text: Ties between Russia and China are warming.}
      - {id: talks, text: The two held summit talks every year., citation: {source: cable}}
    inferences:
      - {id: i1, premises: [talks], conclusion: ties}
"""


@rule(
    "S014",
    "report-of-unknown-proposition",
    _S,
    Severity.ERROR,
    "Reported speech names a proposition the map does not have.",
    example=_SPEECH
    + """
    attributions:
      - {id: feng-says, speaker: {name: Feng}, act: asserts, proposition: tie}
""",
    fix=_SPEECH
    + """
    attributions:
      - {id: feng-says, speaker: {name: Feng}, act: asserts, proposition: ties}
""",
)
def report_of_unknown_proposition(ctx: Context) -> Iterator[Finding]:
    props = ctx.index.propositions
    for report in ctx.amap.attributions:
        if report.proposition not in props:
            yield Finding(
                f"attribution '{report.id}' reports '{report.proposition}', which is not a known proposition",
                (report.id, report.proposition),
                at(report, "proposition"),
                "name the proposition the speaker's words express",
            )


_PREFS = """
    argmap: 2
    title: Commute
    propositions:
      - {id: late, text: The trains are often late.}
      - {id: punctual, text: The trains run on time.}
    attacks:
      - {id: a1, from: punctual, to: late}
"""


@rule(
    "S015",
    "preference-of-unknown-id",
    _S,
    Severity.ERROR,
    "A preference names an id that is no proposition, inference or attribution.",
    example=_PREFS
    + """
    preferences:
      - {id: p1, preferred: lates, over: punctual}
""",
    fix=_PREFS
    + """
    preferences:
      - {id: p1, preferred: late, over: punctual}
""",
)
def preference_of_unknown_id(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    for pref in ctx.amap.preferences:
        for field, ref in (("preferred", pref.preferred), ("over", pref.over)):
            if ref not in idx.propositions and ref not in idx.inferences and ref not in idx.attributions:
                yield Finding(
                    f"preference '{pref.id}' names '{ref}', no proposition, inference or attribution",
                    (pref.id, ref),
                    at(pref, field),
                    "a preference compares two arguments of the map",
                )


@rule(
    "S016",
    "unknown-rephrase",
    _S,
    Severity.ERROR,
    "A proposition rephrases an id that is not another proposition.",
    example="""
        argmap: 2
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: delays, text: Delays are common on the railway., rephrases: [lates]}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
          - {id: i2, premises: [delays], conclusion: bus}
    """,
    fix="""
        argmap: 2
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: delays, text: Delays are common on the railway., rephrases: [late]}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
          - {id: i2, premises: [delays], conclusion: bus}
    """,
)
def unknown_rephrase(ctx: Context) -> Iterator[Finding]:
    props = ctx.index.propositions
    for prop in ctx.amap.propositions:
        for n, other in enumerate(prop.rephrases):
            if other not in props or other == prop.id:
                what = "itself" if other == prop.id else f"'{other}', which is not a known proposition"
                yield Finding(
                    f"'{prop.id}' rephrases {what}",
                    (prop.id, other),
                    at(prop, f"rephrases[{n}]", "rephrases"),
                    "name the proposition that says the same in other words",
                )


@rule(
    "L006",
    "asserts-and-denies",
    _L,
    Severity.WARNING,
    "One speaker both commits to a proposition (asserts or concedes it) and denies it.",
    example=_SPEECH
    + """
    attributions:
      - {id: f1, speaker: {name: Feng}, act: asserts, proposition: ties}
      - {id: f2, speaker: {name: Feng}, act: denies, proposition: ties}
""",
    fix=_SPEECH
    + """
    attributions:
      - {id: f1, speaker: {name: Feng}, act: asserts, proposition: talks}
      - {id: f2, speaker: {name: Feng}, act: denies, proposition: ties}
""",
)
def asserts_and_denies(ctx: Context) -> Iterator[Finding]:
    said: dict[tuple[str, str], list[str]] = {}
    for report in ctx.amap.attributions:
        key = (" ".join(report.speaker.name.lower().split()), report.proposition)
        said.setdefault(key, []).append(report.id)
    by_id = ctx.index.attributions
    for (_name, prop), ids in said.items():
        commits = [i for i in ids if by_id[i].act.commits]
        denies = [i for i in ids if by_id[i].act.value == "denies"]
        if commits and denies:
            speaker = by_id[denies[0]].speaker.name
            yield Finding(
                f"{speaker} both commits to '{prop}' ('{commits[0]}') and denies it ('{denies[0]}')",
                (denies[0], commits[0], prop),
                at(by_id[denies[0]], "act"),
                "split the proposition into what is asserted and what is denied, or check the speaker",
            )


@rule(
    "L007",
    "preference-cycle",
    _L,
    Severity.ERROR,
    "Preferences go round in a circle, so none of them can decide an attack.",
    example=_PREFS
    + """
    preferences:
      - {id: p1, preferred: late, over: punctual}
      - {id: p2, preferred: punctual, over: late}
""",
    fix=_PREFS
    + """
    preferences:
      - {id: p1, preferred: late, over: punctual}
""",
)
def preference_cycle(ctx: Context) -> Iterator[Finding]:
    above: dict[str, list[tuple[str, str]]] = {}
    for pref in ctx.amap.preferences:
        above.setdefault(pref.preferred, []).append((pref.over, pref.id))
    reported: set[frozenset[str]] = set()
    for pref in ctx.amap.preferences:
        # Is there a way back from `over` to `preferred`? Then this preference lies on a circle.
        path = _path(above, pref.over, pref.preferred)
        if path is None:
            continue
        circle = frozenset([pref.id, *path])
        if circle in reported:
            continue
        reported.add(circle)
        yield Finding(
            f"preferences {', '.join(repr(i) for i in [pref.id, *path])} circle back to '{pref.preferred}'",
            (pref.id, *path, pref.preferred),
            at(pref, "preferred"),
            "drop the preference the text does not make",
        )


def _path(above: dict[str, list[tuple[str, str]]], start: str, goal: str) -> list[str] | None:
    """Ids of preferences leading from ``start`` down to ``goal``, if any."""
    stack: list[tuple[str, list[str]]] = [(start, [])]
    seen = {start}
    while stack:
        node, used = stack.pop()
        if node == goal:
            return used
        for lower, pid in above.get(node, ()):
            if lower not in seen:
                seen.add(lower)
                stack.append((lower, [*used, pid]))
    return None


@rule(
    "H007",
    "hedge-without-assertion",
    _H,
    Severity.WARNING,
    "A proposition carries a hedge or confidence, but nobody asserts it (no citation, no report).",
    example="""
        argmap: 2
        title: Commute
        propositions:
          - {id: late, text: The trains are often late., hedge: apparently}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
    fix="""
        argmap: 2
        title: Commute
        sources:
          - {id: diary, title: Travel diary}
        propositions:
          - id: late
            text: The trains are often late.
            hedge: apparently
            citation: {source: diary, locator: p. 3}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def hedge_without_assertion(ctx: Context) -> Iterator[Finding]:
    for prop in ctx.amap.propositions:
        if (prop.hedge is not None or prop.confidence is not None) and not ctx.amap.asserted(prop.id):
            yield Finding(
                f"'{prop.id}' is hedged, but nobody in the map asserts it",
                (prop.id,),
                at(prop, "hedge", "confidence"),
                "cite where the text says it, or record who says it in an attribution",
            )


@rule(
    "H008",
    "unknown-hedge-word",
    _H,
    Severity.INFO,
    "A hedge word the vocabulary does not know and no confidence: it counts as 0.75.",
    example="""
        argmap: 2
        title: Commute
        sources:
          - {id: diary, title: Travel diary}
        propositions:
          - id: late
            text: The trains are often late.
            hedge: arguably
            citation: {source: diary}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
    fix="""
        argmap: 2
        title: Commute
        sources:
          - {id: diary, title: Travel diary}
        propositions:
          - id: late
            text: The trains are often late.
            hedge: arguably
            confidence: 0.6
            citation: {source: diary}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def unknown_hedge_word(ctx: Context) -> Iterator[Finding]:
    hedged: list[Proposition | Inference | Attribution] = [
        *ctx.amap.propositions,
        *ctx.amap.inferences,
        *ctx.amap.attributions,
    ]
    for item in hedged:
        hedge, confidence = item.hedge, item.confidence
        if hedge is not None and confidence is None and hedge_confidence(hedge) is None:
            yield Finding(
                f"'{item.id}' is hedged with {hedge!r}, a word whose usual confidence is unknown",
                (item.id,),
                at(item, "hedge"),
                "add 'confidence:' in [0, 1] for how firmly the text commits",
            )


#: How far a given confidence may be from its hedge word's usual value before it reads oddly.
_MISMATCH = 0.35


@rule(
    "H009",
    "confidence-against-hedge",
    _H,
    Severity.INFO,
    "A confidence far from what its hedge word usually conveys ('perhaps' with 0.95).",
    example="""
        argmap: 2
        title: Commute
        sources:
          - {id: diary, title: Travel diary}
        propositions:
          - id: late
            text: The trains are often late.
            hedge: perhaps
            confidence: 0.95
            citation: {source: diary}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
    fix="""
        argmap: 2
        title: Commute
        sources:
          - {id: diary, title: Travel diary}
        propositions:
          - id: late
            text: The trains are often late.
            hedge: perhaps
            confidence: 0.5
            citation: {source: diary}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def confidence_against_hedge(ctx: Context) -> Iterator[Finding]:
    hedged: list[Proposition | Inference | Attribution] = [
        *ctx.amap.propositions,
        *ctx.amap.inferences,
        *ctx.amap.attributions,
    ]
    for item in hedged:
        hedge, confidence = item.hedge, item.confidence
        usual = hedge_confidence(hedge) if hedge is not None else None
        if usual is not None and confidence is not None and abs(confidence - usual) > _MISMATCH:
            yield Finding(
                f"'{item.id}' has confidence {confidence:g}, but {hedge!r} usually conveys about {usual:g}",
                (item.id,),
                at(item, "confidence"),
                "check the number against the text's wording",
            )
