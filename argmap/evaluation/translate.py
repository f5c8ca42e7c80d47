"""From a map to what the semantics evaluate: a Dung framework, a weighted bipolar graph.

Owns the translation documented (with worked examples) in ``docs/evaluation.md``:

* **Standing.** A proposition that someone asserts (its source in its own voice, or a speaker
  who asserts or concedes it: :meth:`~argmap.model.core.ArgumentMap.asserted`) has standing of
  its own: under extension semantics it holds unless defeated, whatever happens to its support.
  A proposition nobody asserts that is the conclusion of inferences holds only as far as one of
  them applies (the auxiliary ``~unsupported:c``); one that is nobody's conclusion is a premise.
* **Defeat.** Rebuttals, undercuts and ``contradicts`` attack; under extension semantics a
  rebuttal (or contradiction) from ``a`` on ``b`` becomes a defeat unless ``b`` is strictly
  preferred to ``a`` (ASPIC+: Modgil and Prakken, *Artificial Intelligence* 195, 2013; the
  preferences are the map's PA nodes, closed transitively); undercuts always defeat.
  Qualifications and concessions never defeat: they only weaken, in gradual semantics.
* **Reported speech.** An attribution is a fact of the text and stands. Asserting or conceding
  gives its proposition standing; a denial is the speaker's counter-claim ``~denies:a``, which
  conflicts with the proposition both ways (subject to preferences naming the attribution);
  questioning weakens (gradual) without defeating.
* **Rephrases** (``rephrases``) make one statement of several phrasings: the first in map order
  stands for the class, and every member gets its result.
* **Weights.** Gradual semantics (:mod:`argmap.af.bipolar`) read a proposition's base score
  (``base_score``, default 0.5) scaled by its confidence (the hedge's usual value when no number
  is given: :mod:`argmap.model.hedges`), an inference's confidence as its own base (gated by its
  premises: weakest link), a report's base as 0.5 scaled by its confidence, and edge weights:
  an attack's ``weight`` (default 1; 0.5 for qualifications and concessions), support from an
  assertion 1 and from a concession 0.5, a denial 1 and a question 0.5. A weighted edge
  ``a -> b`` of weight ``w`` goes through an auxiliary node ``~w:<id>`` of base ``w`` gated by
  ``a``, whose strength is exactly ``w * s(a)`` under all three semantics (Potyka, KR 2018: the
  weighted aggregation of modular semantics).
* **Grouping claims are transparent** for gradual semantics (:func:`flatten_groupings`): a claim
  nobody asserts, with no weight or hedge of its own, that only passes its support on to one
  conclusion, is read through, so grouping factors under an intermediate claim does not change
  the strength of what they support (a saturating semantics would otherwise compress the group).

Auxiliary arguments and nodes start with ``~``, which map ids cannot. References to unknown ids
are dropped (``argmap check`` reports them). Imports the model and ``af`` only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from argmap.af import Framework
from argmap.af import bipolar as gradual
from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Attribution,
    Inference,
    Proposition,
    Role,
    SpeechAct,
)
from argmap.model.hedges import confidence_of

__all__ = [
    "DEFAULT_ATTACK_WEIGHT",
    "SPEECH_ACT_WEIGHT",
    "flatten_groupings",
    "members",
    "strictly_preferred",
    "to_bipolar_graph",
    "to_framework",
    "transparent",
]

NOT = "~not:"
UNSUPPORTED = "~unsupported:"
DENIES = "~denies:"
WEIGHTED = "~w:"

#: Weight of an attack in gradual semantics when the map gives none, by kind.
DEFAULT_ATTACK_WEIGHT: Mapping[AttackKind, float] = {
    AttackKind.REBUT: 1.0,
    AttackKind.UNDERCUT: 1.0,
    AttackKind.QUALIFY: 0.5,
    AttackKind.CONCEDE: 0.5,
}
#: Weight of the edge from a report to its proposition in gradual semantics: support for
#: asserting and conceding, attack for denying and questioning.
SPEECH_ACT_WEIGHT: Mapping[SpeechAct, float] = {
    SpeechAct.ASSERTS: 1.0,
    SpeechAct.CONCEDES: 0.5,
    SpeechAct.DENIES: 1.0,
    SpeechAct.QUESTIONS: 0.5,
}


@attrs.frozen(slots=True)
class _Edge:
    """One attack between arguments, after rephrases are merged."""

    id: str
    attacker: str
    target: str
    kind: AttackKind
    weight: float


@attrs.frozen(slots=True)
class _Parts:
    """The map's nodes and relations with dangling references dropped and rephrases merged."""

    #: One proposition per rephrase class (its first member in map order).
    propositions: tuple[Proposition, ...]
    inferences: tuple[Inference, ...]
    attacks: tuple[_Edge, ...]
    #: Contradicting pairs, each once as (first, second) in map order.
    contradictions: tuple[tuple[str, str], ...]
    attributions: tuple[Attribution, ...]
    #: Representatives that someone asserts.
    asserted: frozenset[str]
    #: Gradual base score of each representative.
    base: Mapping[str, float]
    #: Strict preferences (preferred, over) between argument ids, transitively closed.
    preferences: frozenset[tuple[str, str]]
    #: Every proposition id -> the id that stands for its rephrase class.
    canonical: Mapping[str, str]


def _classes(amap: ArgumentMap) -> dict[str, str]:
    """Each proposition id -> the first member (map order) of its rephrase class."""
    known = amap.index.propositions
    parent = {pid: pid for pid in known}
    order = {pid: n for n, pid in enumerate(known)}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for prop in known.values():
        for other in prop.rephrases:
            if other in known:
                a, b = find(prop.id), find(other)
                if a != b:
                    first, second = (a, b) if order[a] < order[b] else (b, a)
                    parent[second] = first
    return {pid: find(pid) for pid in known}


def members(amap: ArgumentMap) -> Mapping[str, tuple[str, ...]]:
    """Each rephrase class with more than one member: its representative -> every member id."""
    groups: dict[str, list[str]] = {}
    for pid, rep in _classes(amap).items():
        groups.setdefault(rep, []).append(pid)
    return {rep: tuple(ids) for rep, ids in groups.items() if len(ids) > 1}


def _closure(pairs: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The strict part of the transitive closure of ``pairs`` (pairs both ways cancel)."""
    above: dict[str, set[str]] = {}
    for a, b in pairs:
        if a != b:
            above.setdefault(a, set()).add(b)
    closed: set[tuple[str, str]] = set()
    for start, below in above.items():
        seen: set[str] = set()
        stack = list(below)
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(above.get(node, ()))
        closed.update((start, node) for node in seen if node != start)
    return frozenset((a, b) for a, b in closed if (b, a) not in closed)


def strictly_preferred(amap: ArgumentMap) -> frozenset[tuple[str, str]]:
    """The map's strict preferences as (preferred, over) pairs, rephrases merged, transitively closed."""
    return _parts(amap).preferences


def _parts(amap: ArgumentMap) -> _Parts:
    idx = amap.index
    known = idx.propositions
    canonical = _classes(amap)
    reps = tuple(p for p in known.values() if canonical[p.id] == p.id)
    # References to unknown ids are dropped here; `argmap check` reports them.
    infs = []
    for inf in idx.inferences.values():
        if inf.conclusion in known and inf.premises and all(p in known for p in inf.premises):
            premises = tuple(dict.fromkeys(canonical[p] for p in inf.premises))
            conclusion = canonical[inf.conclusion]
            same = premises == inf.premises and conclusion == inf.conclusion
            infs.append(inf if same else attrs.evolve(inf, premises=premises, conclusion=conclusion))
    inf_ids = {inf.id for inf in infs}
    edges: dict[tuple[str, str, AttackKind, float], str] = {}
    for att in amap.attacks:
        if att.attacker in known and (att.target in known or att.target in inf_ids):
            target = canonical.get(att.target, att.target)
            weight = DEFAULT_ATTACK_WEIGHT[att.kind] if att.weight is None else att.weight
            edges.setdefault((canonical[att.attacker], target, att.kind, weight), att.id)
    attacks = tuple(_Edge(aid, a, t, kind, w) for (a, t, kind, w), aid in edges.items())
    contradictions: dict[tuple[str, str], None] = {}
    for prop in known.values():
        for other in prop.contradicts:
            if other in known and canonical[other] != canonical[prop.id]:
                pair = (canonical[prop.id], canonical[other])
                if (pair[1], pair[0]) not in contradictions:
                    contradictions[pair] = None
    attributions = tuple(
        attrs.evolve(a, proposition=canonical[a.proposition])
        if canonical[a.proposition] != a.proposition
        else a
        for a in idx.attributions.values()
        if a.proposition in known
    )
    asserted = {canonical[pid] for pid in known if amap.asserted(pid)}
    base: dict[str, float] = {}
    for pid, prop in known.items():
        prior = gradual.DEFAULT_BASE_SCORE if prop.base_score is None else prop.base_score
        value = prior * confidence_of(prop.confidence, prop.hedge)
        rep = canonical[pid]
        # One statement in several phrasings stands as strong as its strongest phrasing.
        base[rep] = max(base.get(rep, 0.0), value)
    arguments = set(canonical.values()) | inf_ids | set(idx.attributions)
    preferences = _closure(
        (canonical.get(p.preferred, p.preferred), canonical.get(p.over, p.over))
        for p in amap.preferences
        if p.preferred in arguments or p.preferred in canonical
        if p.over in arguments or p.over in canonical
    )
    return _Parts(
        propositions=reps,
        inferences=tuple(infs),
        attacks=attacks,
        contradictions=tuple(contradictions),
        attributions=attributions,
        asserted=frozenset(asserted),
        base=base,
        preferences=preferences,
        canonical=canonical,
    )


def to_framework(amap: ArgumentMap) -> Framework:
    """The Dung framework a map stands for under extension semantics (see the module docstring)."""
    parts = _parts(amap)
    prefer = parts.preferences

    def defeat(attacker: str, target: str) -> bool:
        return (target, attacker) not in prefer

    args: list[str] = [p.id for p in parts.propositions] + [i.id for i in parts.inferences]
    args += [a.id for a in parts.attributions]
    attacks: dict[tuple[str, str], None] = {}
    for edge in parts.attacks:
        if edge.kind is AttackKind.UNDERCUT or (edge.kind.defeats and defeat(edge.attacker, edge.target)):
            attacks[(edge.attacker, edge.target)] = None
    for p, q in parts.contradictions:
        if defeat(p, q):
            attacks[(p, q)] = None
        if defeat(q, p):
            attacks[(q, p)] = None
    for report in parts.attributions:
        if report.act is SpeechAct.DENIES:
            claim, content = report.proposition, DENIES + report.id
            args.append(content)
            if defeat(report.id, claim):
                attacks[(content, claim)] = None
            if defeat(claim, report.id):
                attacks[(claim, content)] = None
    out = list(attacks)
    premises = dict.fromkeys(p for inf in parts.inferences for p in inf.premises)
    for p in premises:
        args.append(NOT + p)
        out.append((p, NOT + p))
    for inf in parts.inferences:
        out.extend((NOT + p, inf.id) for p in inf.premises)
    # Only a conclusion nobody asserts needs support to stand.
    needy = dict.fromkeys(inf.conclusion for inf in parts.inferences if inf.conclusion not in parts.asserted)
    for c in needy:
        args.append(UNSUPPORTED + c)
        out.append((UNSUPPORTED + c, c))
    for inf in parts.inferences:
        if inf.conclusion in needy:
            out.append((inf.id, UNSUPPORTED + inf.conclusion))
    return Framework(args, out)


class _GraphBuilder:
    """Collects nodes and (possibly weighted) edges of a bipolar graph."""

    def __init__(self) -> None:
        self.base: dict[str, float] = {}
        self.gates: dict[str, tuple[str, ...]] = {}
        self.attacks: list[tuple[str, str]] = []
        self.supports: list[tuple[str, str]] = []

    def edge(self, kind: str, source: str, target: str, weight: float, name: str) -> None:
        if weight <= 0.0:
            return  # an edge of weight 0 contributes nothing
        if weight < 1.0:
            via = WEIGHTED + name
            self.base[via] = weight
            self.gates[via] = (source,)
            source = via
        (self.attacks if kind == "attack" else self.supports).append((source, target))

    def graph(self) -> gradual.BipolarGraph:
        return gradual.BipolarGraph(
            nodes=[*self.base],
            base_scores=self.base,
            attacks=self.attacks,
            supports=self.supports,
            gates=self.gates,
        )


def to_bipolar_graph(amap: ArgumentMap) -> gradual.BipolarGraph:
    """The weighted bipolar graph a map stands for under gradual semantics (as the map is wired).

    :func:`~argmap.evaluation.evaluate` reads grouping claims through first
    (:func:`flatten_groupings`); this function translates exactly the map it is given.
    """
    parts = _parts(amap)
    build = _GraphBuilder()
    for p in parts.propositions:
        build.base[p.id] = parts.base[p.id]
    for inf in parts.inferences:
        build.base[inf.id] = confidence_of(inf.confidence, inf.hedge)
        build.gates[inf.id] = inf.premises
    for report in parts.attributions:
        build.base[report.id] = gradual.DEFAULT_BASE_SCORE * confidence_of(report.confidence, report.hedge)
    for inf in parts.inferences:
        build.edge("support", inf.id, inf.conclusion, 1.0, inf.id)
    for edge in parts.attacks:
        build.edge("attack", edge.attacker, edge.target, edge.weight, edge.id)
    for first, second in parts.contradictions:
        build.attacks.extend([(first, second), (second, first)])
    for report in parts.attributions:
        kind = "support" if report.act.commits else "attack"
        build.edge(kind, report.id, report.proposition, SPEECH_ACT_WEIGHT[report.act], report.id)
    return build.graph()


# -- grouping claims ------------------------------------------------------------------------------


def transparent(amap: ArgumentMap) -> frozenset[str]:
    """Ids of the grouping claims that gradual evaluation reads through (:func:`flatten_groupings`).

    A claim is transparent when nobody asserts it and nothing about it but its support is
    recorded: role ``claim``, no base score, confidence or hedge, no rephrase, contradiction or
    report, no attack from it, no pole's thesis, at least one inference into it, and exactly one
    inference out of it, with it as the only premise. Attacks on it, or on the inference out of
    it, count against each inference it groups (:func:`flatten_groupings`).
    """
    idx = amap.index
    theses = {pole.thesis for pole in amap.poles}
    rephrased = {other for p in idx.propositions.values() for other in p.rephrases}
    contradicted = {other for p in idx.propositions.values() for other in p.contradicts}
    # How many inferences use each premise, counted once per map, not once per candidate.
    uses: dict[str, int] = {}
    for inf in amap.inferences:
        for premise in set(inf.premises):
            uses[premise] = uses.get(premise, 0) + 1
    found = []
    for pid, prop in idx.propositions.items():
        if (
            prop.role is not Role.CLAIM
            or pid in theses
            or prop.base_score is not None
            or prop.confidence is not None
            or prop.hedge is not None
            or prop.rephrases
            or prop.contradicts
            or pid in rephrased
            or pid in contradicted
            or amap.asserted(pid)
            or amap.attributions_of(pid)
            or amap.attacks_from(pid)
            or not amap.inferences_into(pid)
        ):
            continue
        out = amap.inferences_from(pid)
        if len(out) != 1 or out[0].premises != (pid,):
            continue
        if out[0].conclusion not in idx.propositions or out[0].conclusion == pid:
            continue
        if uses.get(pid, 0) != 1:
            continue  # a repeated inference id hides a second use
        found.append(pid)
    return frozenset(found)


def flatten_groupings(amap: ArgumentMap) -> ArgumentMap:
    """``amap`` with its transparent grouping claims read through.

    Each inference into a transparent claim ``m`` is redirected to the conclusion of the one
    inference out of ``m`` (following chains of transparent claims), its confidence multiplied
    by theirs; ``m`` and that inference are left out. An attack on ``m`` or on the inference
    out of it becomes an attack (with the same weight) on each inference redirected through
    them. The map is returned unchanged (the same object) when it has no transparent claim.
    """
    through = transparent(amap)
    if not through:
        return amap
    onward = {pid: amap.inferences_from(pid)[0] for pid in through}
    hits = {pid: (*amap.attacks_on(pid), *amap.attacks_on(onward[pid].id)) for pid in through}
    moved: list[Attack] = []
    infs: list[Inference] = []
    for inf in amap.inferences:
        if inf.premises and inf.premises[0] in through and inf is onward.get(inf.premises[0]):
            continue  # the inference out of a grouping claim: read through
        conclusion, factor, seen = inf.conclusion, confidence_of(inf.confidence, inf.hedge), set()
        passed: list[Attack] = []
        while conclusion in through and conclusion not in seen:
            seen.add(conclusion)
            passed.extend(hits[conclusion])
            step = onward[conclusion]
            factor *= confidence_of(step.confidence, step.hedge)
            conclusion = step.conclusion
        if conclusion in seen:  # a circle of grouping claims (reported by the linter): leave as is
            infs.append(inf)
            continue
        if conclusion != inf.conclusion:
            for att in passed:
                weight = DEFAULT_ATTACK_WEIGHT[att.kind] if att.weight is None else att.weight
                moved.append(attrs.evolve(att, id=f"{att.id}..{inf.id}", target=inf.id, weight=weight))
            changed: dict[str, Any] = {"conclusion": conclusion}
            if factor != confidence_of(inf.confidence, inf.hedge):
                changed["confidence"] = factor
            infs.append(attrs.evolve(inf, **changed))
            continue
        infs.append(inf)
    return attrs.evolve(
        amap,
        propositions=tuple(p for p in amap.propositions if p.id not in through),
        inferences=tuple(infs),
        attacks=(*amap.attacks, *moved),
    )
