"""Structure rules (S...): ids, references and the shape of relations.

These are the mistakes that make a map ill-formed: an id used twice, a reference to something
that does not exist, a relation that points at itself or at the wrong kind of node.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.errors import Severity
from argmap.lint.registry import CLEAN_EXAMPLE, Context, Family, Finding, at, rule
from argmap.model.core import AttackKind, Pole, Source, Theme

__all__: list[str] = []  # rules register themselves; nothing here is called directly

_S = Family.STRUCTURE
_CLEAN = CLEAN_EXAMPLE


@rule(
    "S001",
    "duplicate-id",
    _S,
    Severity.ERROR,
    "Two propositions, inferences or attacks (or two sources, poles or themes) share an id.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: late, premises: [late], conclusion: bus}
    """,
    fix=_CLEAN,
)
def duplicate_id(ctx: Context) -> Iterator[Finding]:
    amap = ctx.amap
    # Propositions, inferences and attacks share one namespace: an attack's target may be either.
    groups = (
        (
            "node",
            [("proposition", p) for p in amap.propositions]
            + [("inference", i) for i in amap.inferences]
            + [("attack", a) for a in amap.attacks],
        ),
        ("source", [("source", s) for s in amap.sources]),
        ("pole", [("pole", p) for p in amap.poles]),
        ("theme", [("theme", t) for t in amap.themes]),
    )
    for _group, members in groups:
        first: dict[str, tuple[str, object]] = {}
        for kind, entity in members:
            eid: str = entity.id
            if eid not in first:
                first[eid] = (kind, entity)
                continue
            first_kind, first_entity = first[eid]
            where = at(first_entity, "id")
            seen = f" (first declared as {first_kind}"
            seen += f" at line {where.line})" if where is not None else ")"
            yield Finding(
                f"{kind} id '{eid}' is already used{seen}",
                (eid,),
                at(entity, "id"),
                "give every proposition, inference and attack an id of its own",
            )


@rule(
    "S002",
    "unknown-proposition",
    _S,
    Severity.ERROR,
    "A premise, conclusion, attacker, rebuttal target, pole thesis or contradiction names no proposition.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: strike, to: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: strike, text: The bus drivers are on strike.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: strike, to: bus}
    """,
)
def unknown_proposition(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    props = idx.propositions

    def what(ref: str) -> str:
        if ref in idx.inferences:
            return f"'{ref}' is an inference, not a proposition"
        if ref in idx.attacks:
            return f"'{ref}' is an attack, not a proposition"
        return f"'{ref}' is not a known proposition"

    hint = "check the spelling, or add the proposition"
    for inf in ctx.amap.inferences:
        for n, premise in enumerate(inf.premises):
            if premise not in props:
                yield Finding(
                    f"premise {what(premise)} (in inference '{inf.id}')",
                    (inf.id, premise),
                    at(inf, f"premises[{n}]", "premises"),
                    hint,
                )
        if inf.conclusion not in props:
            yield Finding(
                f"conclusion {what(inf.conclusion)} (in inference '{inf.id}')",
                (inf.id, inf.conclusion),
                at(inf, "conclusion"),
                hint,
            )
    for att in ctx.amap.attacks:
        if att.attacker not in props:
            yield Finding(
                f"attacker {what(att.attacker)} (in attack '{att.id}')",
                (att.id, att.attacker),
                at(att, "from"),
                hint,
            )
        unknown_target = att.target not in props and att.target not in idx.inferences
        if att.kind is AttackKind.REBUT and unknown_target and att.target not in idx.attacks:
            yield Finding(
                f"rebuttal target {what(att.target)} (in attack '{att.id}')",
                (att.id, att.target),
                at(att, "to"),
                hint,
            )
    for pole in ctx.amap.poles:
        if pole.thesis is not None and pole.thesis not in props:
            yield Finding(
                f"thesis {what(pole.thesis)} (of pole '{pole.id}')",
                (pole.id, pole.thesis),
                at(pole),
                hint,
            )
    for prop in ctx.amap.propositions:
        for n, other in enumerate(prop.contradicts):
            if other not in props:
                yield Finding(
                    f"contradicted {what(other)} (in proposition '{prop.id}')",
                    (prop.id, other),
                    at(prop, f"contradicts[{n}]", "contradicts"),
                    hint,
                )


@rule(
    "S003",
    "unknown-inference",
    _S,
    Severity.ERROR,
    "An undercut (or an attack on an attack) targets an id that is no inference.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: strike, text: The bus drivers are on strike.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: strike, to: i2, kind: undercut}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: strike, text: The bus drivers are on strike.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: strike, to: i1, kind: undercut}
    """,
)
def unknown_inference(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    for att in ctx.amap.attacks:
        if att.target in idx.inferences or att.target in idx.propositions:
            continue
        if att.kind is AttackKind.UNDERCUT or att.target in idx.attacks:
            what = "an attack, not an inference" if att.target in idx.attacks else "not a known inference"
            noun = "undercut" if att.kind is AttackKind.UNDERCUT else "attack"
            yield Finding(
                f"{noun} '{att.id}' targets '{att.target}', which is {what}",
                (att.id, att.target),
                at(att, "to"),
                "an undercut's 'to' must name an inference id",
            )


@rule(
    "S004",
    "unknown-pole",
    _S,
    Severity.ERROR,
    "A proposition names a pole the map does not declare.",
    example="""
        argmap: 1
        title: Commute
        poles:
          - {id: rail, label: Rail, thesis: rail-thesis}
        propositions:
          - {id: rail-thesis, role: thesis, pole: rail, text: Rail is the best way in.}
          - {id: fast, pole: rail, text: Trains are fast.}
          - {id: cheap, pole: rial, text: Season tickets are cheap.}
        inferences:
          - {id: i1, premises: [fast], conclusion: rail-thesis}
          - {id: i2, premises: [cheap], conclusion: rail-thesis}
    """,
    fix="""
        argmap: 1
        title: Commute
        poles:
          - {id: rail, label: Rail, thesis: rail-thesis}
        propositions:
          - {id: rail-thesis, role: thesis, pole: rail, text: Rail is the best way in.}
          - {id: fast, pole: rail, text: Trains are fast.}
          - {id: cheap, pole: rail, text: Season tickets are cheap.}
        inferences:
          - {id: i1, premises: [fast], conclusion: rail-thesis}
          - {id: i2, premises: [cheap], conclusion: rail-thesis}
    """,
)
def unknown_pole(ctx: Context) -> Iterator[Finding]:
    poles = ctx.index.poles
    for prop in ctx.amap.propositions:
        for n, pole in enumerate(prop.poles):
            if pole not in poles:
                yield Finding(
                    f"proposition '{prop.id}' names unknown pole '{pole}'",
                    (prop.id, pole),
                    at(prop, f"poles[{n}]", "poles", "pole"),
                    "declare the pole under 'poles', or fix the spelling",
                )


@rule(
    "S005",
    "unknown-theme",
    _S,
    Severity.ERROR,
    "A proposition names a theme the map does not declare.",
    example="""
        argmap: 1
        title: Commute
        themes:
          - {id: cost, label: Cost}
        propositions:
          - {id: cheap, theme: cost, text: A season ticket is cheap.}
          - {id: fare, theme: costs, text: Fares rose by a tenth.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [cheap], conclusion: bus}
        attacks:
          - {id: a1, from: fare, to: cheap}
    """,
    fix="""
        argmap: 1
        title: Commute
        themes:
          - {id: cost, label: Cost}
        propositions:
          - {id: cheap, theme: cost, text: A season ticket is cheap.}
          - {id: fare, theme: cost, text: Fares rose by a tenth.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [cheap], conclusion: bus}
        attacks:
          - {id: a1, from: fare, to: cheap}
    """,
)
def unknown_theme(ctx: Context) -> Iterator[Finding]:
    themes = ctx.index.themes
    for prop in ctx.amap.propositions:
        for n, theme in enumerate(prop.themes):
            if theme not in themes:
                yield Finding(
                    f"proposition '{prop.id}' names unknown theme '{theme}'",
                    (prop.id, theme),
                    at(prop, f"themes[{n}]", "themes", "theme"),
                    "declare the theme under 'themes', or fix the spelling",
                )


@rule(
    "S006",
    "self-relation",
    _S,
    Severity.ERROR,
    "A node attacks itself, or a proposition contradicts itself.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: bus, to: bus}
    """,
    fix=_CLEAN,
)
def self_relation(ctx: Context) -> Iterator[Finding]:
    for att in ctx.amap.attacks:
        if att.attacker == att.target:
            yield Finding(
                f"attack '{att.id}' has '{att.attacker}' attacking itself",
                (att.id, att.attacker),
                at(att, "to"),
                "point 'to' at the claim or inference being attacked",
            )
    for prop in ctx.amap.propositions:
        for n, other in enumerate(prop.contradicts):
            if other == prop.id:
                yield Finding(
                    f"proposition '{prop.id}' contradicts itself",
                    (prop.id,),
                    at(prop, f"contradicts[{n}]", "contradicts"),
                    "remove its own id from 'contradicts'",
                )


@rule(
    "S007",
    "undercut-on-proposition",
    _S,
    Severity.ERROR,
    "An undercut targets a proposition; undercuts attack inferences, rebuttals attack propositions.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: timetable, text: The new timetable fixed the delays.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: timetable, to: late, kind: undercut}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: timetable, text: The new timetable fixed the delays.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: timetable, to: late, kind: rebut}
    """,
)
def undercut_on_proposition(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    for att in ctx.amap.attacks:
        if att.kind is AttackKind.UNDERCUT and att.target in idx.propositions and att.target != att.attacker:
            yield Finding(
                f"undercut '{att.id}' targets proposition '{att.target}', not an inference",
                (att.id, att.target),
                at(att, "kind", "to"),
                "write 'kind: rebut' to attack the claim, or point 'to' at an inference to undercut it",
            )


@rule(
    "S008",
    "rebut-on-inference",
    _S,
    Severity.ERROR,
    "A rebuttal targets an inference; attacking the step from premises to conclusion is an undercut.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: jam, text: The buses are stuck in the same jams.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: jam, to: i1, kind: rebut}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: jam, text: The buses are stuck in the same jams.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: jam, to: i1, kind: undercut}
    """,
)
def rebut_on_inference(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    for att in ctx.amap.attacks:
        if (
            att.kind is AttackKind.REBUT
            and att.target in idx.inferences
            and att.target not in idx.propositions
        ):
            yield Finding(
                f"rebuttal '{att.id}' targets inference '{att.target}', not a proposition",
                (att.id, att.target),
                at(att, "kind", "to"),
                "write 'kind: undercut' to attack the inference",
            )


@rule(
    "S009",
    "inference-without-premises",
    _S,
    Severity.ERROR,
    "An inference lists no premises, so it supports nothing.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
          - {id: i2, premises: [], conclusion: bus}
    """,
    fix=_CLEAN,
)
def inference_without_premises(ctx: Context) -> Iterator[Finding]:
    for inf in ctx.amap.inferences:
        if not inf.premises:
            yield Finding(
                f"inference '{inf.id}' has no premises",
                (inf.id,),
                at(inf, "premises"),
                "list the propositions that support the conclusion, or remove the inference",
            )


@rule(
    "S010",
    "conclusion-among-premises",
    _S,
    Severity.ERROR,
    "An inference lists its own conclusion as a premise (it argues in a circle in one step).",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late, bus], conclusion: bus}
    """,
    fix=_CLEAN,
)
def conclusion_among_premises(ctx: Context) -> Iterator[Finding]:
    for inf in ctx.amap.inferences:
        if inf.conclusion in inf.premises:
            n = inf.premises.index(inf.conclusion)
            yield Finding(
                f"inference '{inf.id}' lists its conclusion '{inf.conclusion}' among its premises",
                (inf.id, inf.conclusion),
                at(inf, f"premises[{n}]", "premises"),
                "remove the conclusion from the premises",
            )


@rule(
    "S011",
    "empty-text",
    _S,
    Severity.ERROR,
    "A proposition has no text (or a pole, theme or source has no label or title).",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: "  "}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
    fix=_CLEAN,
)
def empty_text(ctx: Context) -> Iterator[Finding]:
    amap = ctx.amap
    for prop in amap.propositions:
        if not prop.text.strip():
            yield Finding(
                f"proposition '{prop.id}' has no text",
                (prop.id,),
                at(prop, "text"),
                "state the claim in a short sentence",
            )
    labelled: list[tuple[str, str, str, Pole | Theme | Source]] = [
        ("pole", p.id, p.label, p) for p in amap.poles
    ]
    labelled += [("theme", t.id, t.label, t) for t in amap.themes]
    labelled += [("source", s.id, s.title, s) for s in amap.sources]
    for kind, eid, label, entity in labelled:
        if not label.strip():
            noun = "title" if kind == "source" else "label"
            yield Finding(f"{kind} '{eid}' has no {noun}", (eid,), at(entity), f"give the {kind} a {noun}")


@rule(
    "S012",
    "repeated-premise",
    _S,
    Severity.WARNING,
    "An inference lists the same premise twice.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late, late], conclusion: bus}
    """,
    fix=_CLEAN,
)
def repeated_premise(ctx: Context) -> Iterator[Finding]:
    for inf in ctx.amap.inferences:
        seen: set[str] = set()
        for n, premise in enumerate(inf.premises):
            if premise in seen:
                yield Finding(
                    f"inference '{inf.id}' lists premise '{premise}' twice",
                    (inf.id, premise),
                    at(inf, f"premises[{n}]", "premises"),
                    "list each premise once",
                )
            seen.add(premise)
