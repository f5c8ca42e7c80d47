"""Paradox rules (P...): poles, theses, factors, themes, explanations and the verdict.

A paradox map sets two or more poles against each other; each pole has a thesis and factors
(propositions tagged with the pole). Themes cut across poles, explanations reconcile them and a
verdict says where the map comes out.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.errors import Severity
from argmap.lint.registry import Context, Family, Finding, at, rule
from argmap.model.core import AttackKind, Role

__all__: list[str] = []  # rules register themselves

_P = Family.PARADOX


def _paradox(broken_factor: str, extra: str = "", inference: str = "", body: str = "") -> str:
    """A small two-pole map; the arguments replace one line each to show a defect."""
    return f"""
        argmap: 1
        title: Commute
        question: Why do we praise the train and still avoid it?
        poles:
          - {{id: pro, label: For rail, thesis: pro-thesis}}
          - {{id: con, label: Against rail, thesis: con-thesis}}
        themes:
          - {{id: time, label: Time}}
        propositions:
          - {{id: pro-thesis, role: thesis, pole: pro, text: The train is the best way in.}}
          - {{id: fast, pole: pro, theme: time, text: The train is fast.}}
          - {{id: con-thesis, role: thesis, pole: con, text: The train is a poor way in.}}
          - {broken_factor or "{id: late, pole: con, theme: time, text: The train is often late.}"}
          - {{id: peak, role: explanation, text: Fast off-peak and late at peak hours.}}
          - {{id: verdict, role: verdict, text: Take the train off-peak.}}{extra}
        inferences:
          - {{id: i1, premises: [fast], conclusion: pro-thesis}}
          - {inference or "{id: i2, premises: [late], conclusion: con-thesis}"}
          - {{id: i3, premises: [pro-thesis, con-thesis, peak], conclusion: verdict}}{body}
    """


_CLEAN = _paradox("")


@rule(
    "P001",
    "pole-without-thesis",
    _P,
    Severity.WARNING,
    "A pole names no thesis proposition.",
    example="""
        argmap: 1
        title: Commute
        poles:
          - {id: pro, label: For rail}
        propositions:
          - {id: fast, pole: pro, text: The train is fast.}
          - {id: bus, text: Take the bus.}
        attacks:
          - {id: a1, from: fast, to: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        poles:
          - {id: pro, label: For rail, thesis: pro-thesis}
        propositions:
          - {id: pro-thesis, role: thesis, pole: pro, text: The train is the best way in.}
          - {id: fast, pole: pro, text: The train is fast.}
        inferences:
          - {id: i1, premises: [fast], conclusion: pro-thesis}
    """,
)
def pole_without_thesis(ctx: Context) -> Iterator[Finding]:
    for pole in ctx.amap.poles:
        if pole.thesis is None:
            yield Finding(
                f"pole '{pole.id}' has no thesis",
                (pole.id,),
                at(pole),
                "add a proposition with role 'thesis' and name it in the pole's 'thesis'",
            )


@rule(
    "P002",
    "pole-without-factors",
    _P,
    Severity.WARNING,
    "A pole has no propositions tagged with it besides its thesis.",
    example="""
        argmap: 1
        title: Commute
        poles:
          - {id: pro, label: For rail, thesis: pro-thesis}
        propositions:
          - {id: pro-thesis, role: thesis, pole: pro, text: The train is the best way in.}
          - {id: fast, text: The train is fast.}
        inferences:
          - {id: i1, premises: [fast], conclusion: pro-thesis}
    """,
    fix="""
        argmap: 1
        title: Commute
        poles:
          - {id: pro, label: For rail, thesis: pro-thesis}
        propositions:
          - {id: pro-thesis, role: thesis, pole: pro, text: The train is the best way in.}
          - {id: fast, pole: pro, text: The train is fast.}
        inferences:
          - {id: i1, premises: [fast], conclusion: pro-thesis}
    """,
)
def pole_without_factors(ctx: Context) -> Iterator[Finding]:
    for pole in ctx.amap.poles:
        if not any(p.id != pole.thesis for p in ctx.index.by_pole.get(pole.id, ())):
            yield Finding(
                f"pole '{pole.id}' has no factors",
                (pole.id,),
                at(pole),
                f"tag the propositions that argue for this side with 'pole: {pole.id}'",
            )


@rule(
    "P003",
    "thesis-of-other-pole",
    _P,
    Severity.WARNING,
    "A pole's thesis is tagged with a different pole.",
    example=_paradox("", inference="").replace(
        "{id: con-thesis, role: thesis, pole: con,", "{id: con-thesis, role: thesis, pole: pro,"
    ),
    fix=_CLEAN,
)
def thesis_of_other_pole(ctx: Context) -> Iterator[Finding]:
    props = ctx.index.propositions
    for pole in ctx.amap.poles:
        thesis = props.get(pole.thesis) if pole.thesis is not None else None
        if thesis is not None and thesis.pole is not None and thesis.pole != pole.id:
            yield Finding(
                f"thesis '{thesis.id}' of pole '{pole.id}' is tagged with pole '{thesis.pole}'",
                (pole.id, thesis.id),
                at(thesis, "pole"),
                f"tag the thesis with 'pole: {pole.id}'",
            )


def _names(poles: list[str]) -> str:
    return ", ".join(f"'{p}'" for p in poles)


def _theses(ctx: Context) -> dict[str, str]:
    """Thesis proposition id to the pole it is the thesis of."""
    return {p.thesis: p.id for p in ctx.amap.poles if p.thesis is not None}


@rule(
    "P004",
    "factor-supports-other-pole",
    _P,
    Severity.WARNING,
    "A factor tagged with one pole supports another pole's thesis.",
    example=_paradox("", inference="{id: i2, premises: [late], conclusion: pro-thesis}"),
    fix=_CLEAN,
)
def factor_supports_other_pole(ctx: Context) -> Iterator[Finding]:
    theses = _theses(ctx)
    props = ctx.index.propositions
    for inf in ctx.amap.inferences:
        pole = theses.get(inf.conclusion)
        if pole is None:
            continue
        for n, premise in enumerate(inf.premises):
            prop = props.get(premise)
            if prop is None:
                continue
            # Factors of an undeclared pole are rule S004's business.
            sides = [p for p in prop.poles if p in ctx.index.poles]
            if sides and pole not in sides:
                yield Finding(
                    f"'{premise}' (pole {_names(sides)}) supports '{inf.conclusion}', "
                    f"the thesis of pole '{pole}' (inference '{inf.id}')",
                    (premise, inf.conclusion, inf.id),
                    at(inf, f"premises[{n}]", "premises"),
                    f"tag '{premise}' with 'pole: {pole}', or make it attack the thesis instead",
                )


@rule(
    "P005",
    "factor-attacks-own-pole",
    _P,
    Severity.WARNING,
    "A factor attacks the thesis of its own pole (or undercuts support for it).",
    example=_paradox("", body="\n        attacks:\n          - {id: a1, from: fast, to: pro-thesis}").replace(
        "- {id: i1, premises: [fast], conclusion: pro-thesis}",
        "- {id: i1, premises: [fast], conclusion: verdict}",
    ),
    fix=_CLEAN,
)
def factor_attacks_own_pole(ctx: Context) -> Iterator[Finding]:
    theses = _theses(ctx)
    idx = ctx.index
    for att in ctx.amap.attacks:
        attacker = idx.propositions.get(att.attacker)
        if attacker is None or not attacker.poles:
            continue
        target = att.target
        if att.kind is AttackKind.UNDERCUT:
            inf = idx.inferences.get(att.target)
            if inf is None:
                continue
            target = inf.conclusion
        own = theses.get(target)
        if own is not None and own in attacker.poles:
            yield Finding(
                f"'{attacker.id}' (pole '{own}') attacks its own pole's thesis "
                f"'{target}' (attack '{att.id}')",
                (attacker.id, target, att.id),
                at(att),
                "tag the attacker with the other pole, or turn the attack into support",
            )


@rule(
    "P006",
    "one-sided-theme",
    _P,
    Severity.INFO,
    "A theme appears on one pole only; paradox maps usually show each theme on both sides.",
    example=_paradox("{id: late, pole: con, text: The train is often late.}"),
    fix=_CLEAN,
)
def one_sided_theme(ctx: Context) -> Iterator[Finding]:
    if len(ctx.amap.poles) < 2:
        return
    for theme in ctx.amap.themes:
        # Undeclared poles are rule S004's business.
        known = ctx.index.poles
        sides = {pole for p in ctx.index.by_theme.get(theme.id, ()) for pole in p.poles if pole in known}
        if len(sides) == 1:
            (side,) = sides
            yield Finding(
                f"theme '{theme.id}' appears only on pole '{side}'",
                (theme.id, side),
                at(theme),
                "worth a look: does the other side have something to say on this theme?",
            )


@rule(
    "P007",
    "explanation-misses-pole",
    _P,
    Severity.WARNING,
    "An explanation is not related (by support or attack, or as a co-premise) to every pole.",
    example=_paradox("", inference="", body="")
    .replace("premises: [pro-thesis, con-thesis, peak]", "premises: [pro-thesis, peak]")
    .replace(
        "- {id: i2, premises: [late], conclusion: con-thesis}",
        "- {id: i2, premises: [late], conclusion: con-thesis}\n"
        "          - {id: i4, premises: [con-thesis], conclusion: verdict}",
    ),
    fix=_CLEAN,
)
def explanation_misses_pole(ctx: Context) -> Iterator[Finding]:
    amap = ctx.amap
    idx = ctx.index
    if not amap.poles:
        return
    theses = _theses(ctx)
    for prop in amap.propositions:
        if prop.role is not Role.EXPLANATION:
            continue
        reached: set[str] = set()
        for other in amap.neighbours(prop.id):
            neighbour = idx.propositions.get(other)
            if neighbour is not None:
                reached.update(neighbour.poles)
            if other in theses:
                reached.add(theses[other])
        missing = [p.id for p in amap.poles if p.id not in reached]
        if missing and not prop.poles:
            names = ", ".join(f"'{m}'" for m in missing)
            yield Finding(
                f"explanation '{prop.id}' does not relate to pole(s) {names}",
                (prop.id, *missing),
                at(prop, "role"),
                "an explanation reconciles the poles: link it to each pole's thesis or factors",
            )


@rule(
    "P008",
    "verdict-without-support",
    _P,
    Severity.WARNING,
    "A verdict has no inference supporting it.",
    example=_paradox("").replace(
        "- {id: i3, premises: [pro-thesis, con-thesis, peak], conclusion: verdict}",
        "- {id: i3, premises: [pro-thesis, con-thesis], conclusion: peak}\n"
        "        attacks:\n          - {id: a1, from: verdict, to: con-thesis}",
    ),
    fix=_CLEAN,
)
def verdict_without_support(ctx: Context) -> Iterator[Finding]:
    for prop in ctx.amap.propositions:
        if prop.role is Role.VERDICT and not ctx.index.inferences_into.get(prop.id):
            yield Finding(
                f"verdict '{prop.id}' has no support",
                (prop.id,),
                at(prop, "role"),
                "add an inference from the theses and the explanation to the verdict",
            )
