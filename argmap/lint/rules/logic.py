"""Logic rules (L...): support and attack that cannot both hold.

Circular support is found with the graph kernels of :mod:`argmap._graph` (Kahn's algorithm peels
the acyclic part, then Tarjan's components of what remains), linear in the size of the map; each
strongly connected component is reported once, with one cycle through it spelled out in order.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap._graph import peel_acyclic, shortest_cycle, strongly_connected_ids
from argmap.errors import Severity
from argmap.lint.registry import Context, Family, Finding, at, rule
from argmap.model.core import AttackKind, Inference

__all__: list[str] = []

_L = Family.LOGIC


def _support_pairs(ctx: Context) -> dict[tuple[str, str], Inference]:
    """(premise, conclusion) for every inference, mapped to the first inference making it."""
    pairs: dict[tuple[str, str], Inference] = {}
    for inf in ctx.amap.inferences:
        for premise in inf.premises:
            pairs.setdefault((premise, inf.conclusion), inf)
    return pairs


@rule(
    "L001",
    "circular-support",
    _L,
    Severity.ERROR,
    "Propositions support each other in a circle; the cycle is reported in order.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: crowded, text: The trains are crowded.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: crowded}
          - {id: i2, premises: [crowded], conclusion: late}
          - {id: i3, premises: [late], conclusion: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: crowded, text: The trains are crowded.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: crowded}
          - {id: i3, premises: [late, crowded], conclusion: bus}
    """,
)
def circular_support(ctx: Context) -> Iterator[Finding]:
    props = ctx.index.propositions
    edges: dict[str, list[str]] = {}
    via: dict[tuple[str, str], Inference] = {}
    for inf in ctx.amap.inferences:
        if inf.conclusion not in props:
            continue
        for premise in dict.fromkeys(inf.premises):
            # A conclusion among its own premises is rule S010; unknown ids are S002.
            if premise in props and premise != inf.conclusion:
                if (premise, inf.conclusion) not in via:
                    edges.setdefault(premise, []).append(inf.conclusion)
                via.setdefault((premise, inf.conclusion), inf)
    order = {pid: n for n, pid in enumerate(props)}
    names = list(props)
    successors = [[order[c] for c in edges.get(pid, ())] for pid in names]
    # Peel off the acyclic part first (cheap); only what remains can hold a circle.
    _, rest = peel_acyclic(successors)
    if not rest:
        return
    remaining = [names[i] for i in rest]
    components = [c for c in strongly_connected_ids(remaining, edges) if len(c) > 1]
    components.sort(key=lambda c: min(order[m] for m in c))
    for component in components:
        start = min(component, key=order.__getitem__)
        cycle = shortest_cycle(start, set(component), edges)
        steps = [via[(a, b)] for a, b in zip(cycle, [*cycle[1:], cycle[0]], strict=True)]
        chain = " -> ".join([*cycle, cycle[0]])
        inferences = ", ".join(f"'{inf.id}'" for inf in steps)
        extra = len(component) - len(cycle)
        more = f"; {extra} more proposition(s) take part in the same circle" if extra else ""
        yield Finding(
            f"circular support: {chain} (through inferences {inferences}){more}",
            tuple(cycle),
            at(steps[-1], "conclusion"),
            "a claim cannot ground itself: remove or reverse one inference of the circle",
        )


@rule(
    "L002",
    "support-and-attack",
    _L,
    Severity.ERROR,
    "One node both supports and attacks the same target: it rebuts what it supports, "
    "or undercuts its own inference.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: late, to: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def support_and_attack(ctx: Context) -> Iterator[Finding]:
    pairs = _support_pairs(ctx)
    inferences = ctx.index.inferences
    for att in ctx.amap.attacks:
        if att.attacker == att.target:
            continue  # S006
        if att.kind is AttackKind.REBUT:
            inf = pairs.get((att.attacker, att.target))
            if inf is not None:
                yield Finding(
                    f"'{att.attacker}' both supports '{att.target}' (inference '{inf.id}') "
                    f"and rebuts it (attack '{att.id}')",
                    (att.id, att.attacker, att.target),
                    at(att),
                    "decide which it is: drop the attack or the premise",
                )
        else:
            target = inferences.get(att.target)
            if target is not None and att.attacker in target.premises:
                yield Finding(
                    f"'{att.attacker}' is a premise of inference '{target.id}' "
                    f"and undercuts it (attack '{att.id}')",
                    (att.id, att.attacker, target.id),
                    at(att),
                    "decide which it is: drop the undercut or the premise",
                )


@rule(
    "L003",
    "attacks-own-supporter",
    _L,
    Severity.ERROR,
    "A proposition rebuts one of its own supporters, undermining its own ground.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: bus, to: late}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def attacks_own_supporter(ctx: Context) -> Iterator[Finding]:
    pairs = _support_pairs(ctx)
    for att in ctx.amap.attacks:
        if att.kind is not AttackKind.REBUT or att.attacker == att.target:
            continue
        inf = pairs.get((att.target, att.attacker))
        if inf is not None:
            yield Finding(
                f"'{att.attacker}' rebuts '{att.target}' (attack '{att.id}'), "
                f"which supports it (inference '{inf.id}')",
                (att.id, att.attacker, att.target),
                at(att),
                "a claim cannot attack its own ground: drop the attack or the inference",
            )


def _contradictions(ctx: Context) -> Iterator[tuple[str, str]]:
    """Each declared contradiction once, as (declaring proposition, contradicted proposition)."""
    seen: set[frozenset[str]] = set()
    props = ctx.index.propositions
    for prop in ctx.amap.propositions:
        for other in prop.contradicts:
            key = frozenset((prop.id, other))
            if other != prop.id and other in props and key not in seen:
                seen.add(key)
                yield prop.id, other


@rule(
    "L004",
    "contradictory-support",
    _L,
    Severity.ERROR,
    "Two propositions marked as contradicting each other are linked by support.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late., contradicts: [punctual]}
          - {id: punctual, text: The trains run on time.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
          - {id: i2, premises: [punctual], conclusion: late}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late., contradicts: [punctual]}
          - {id: punctual, text: The trains run on time.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: punctual, to: late}
    """,
)
def contradictory_support(ctx: Context) -> Iterator[Finding]:
    pairs = _support_pairs(ctx)
    for one, other in _contradictions(ctx):
        for premise, conclusion in ((one, other), (other, one)):
            inf = pairs.get((premise, conclusion))
            if inf is not None:
                yield Finding(
                    f"'{one}' and '{other}' are marked contradictory, yet '{premise}' supports "
                    f"'{conclusion}' (inference '{inf.id}')",
                    (one, other, inf.id),
                    at(inf, "conclusion"),
                    "contradictory claims attack each other: turn the support into a rebuttal",
                )


@rule(
    "L005",
    "contradictory-premises",
    _L,
    Severity.WARNING,
    "Two propositions marked as contradicting each other are linked premises of one inference.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late., contradicts: [punctual]}
          - {id: punctual, text: The trains run on time.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late, punctual], conclusion: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late., contradicts: [punctual]}
          - {id: punctual, text: The trains run on time.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: punctual, to: late}
    """,
)
def contradictory_premises(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    for one, other in _contradictions(ctx):
        for inf in idx.inferences_from.get(one, ()):
            if other in inf.premises:
                yield Finding(
                    f"inference '{inf.id}' needs both '{one}' and '{other}', which are marked contradictory",
                    (inf.id, one, other),
                    at(inf, "premises"),
                    "linked premises must be able to hold together: split the inference or drop one",
                )
