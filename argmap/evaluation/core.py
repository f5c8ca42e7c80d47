"""Evaluate an argument map: which claims stand, how strong each is, and the balance of a paradox.

The translation of a map into what the semantics evaluate is documented, with worked examples,
in ``docs/evaluation.md``. In short:

*Extension semantics* (grounded, complete, preferred, stable; Dung 1995) run on a Dung framework
whose arguments are the map's propositions, inferences and reports plus auxiliary arguments
that express support in attack-only form (in the spirit of the translations of bipolar and
abstract dialectical frameworks into Dung frameworks: Cayrol and Lagasquie-Schiex, IJAR 2013;
Polberg, PhD thesis, TU Wien 2017):

* an inference holds only if all its premises hold and no accepted undercut hits it: the
  inference is attacked by its undercutters and by an auxiliary ``~not:p`` for each premise
  ``p``, which ``p`` itself attacks (so ``~not:p`` is IN exactly when ``p`` is OUT);
* a proposition that nobody asserts and that is the conclusion of inferences holds only if one
  of them applies: it is attacked by an auxiliary ``~unsupported:p`` that every inference into
  it attacks; a proposition someone asserts, or with no inference into it, holds unless defeated;
* a rebuttal attacks its target proposition, an undercut its target inference; ``contradicts``
  is a rebuttal in both directions; rebuttals succeed unless the target is strictly preferred
  (ASPIC+); qualifications and concessions never defeat.

The full translation (reported speech, rephrases, weights, grouping claims) is in
:mod:`argmap.evaluation.translate`. In complete labellings the auxiliaries make a node's label
follow exactly these rules. Auxiliary arguments never appear in results.

*Gradual semantics* (DF-QuAD, quadratic energy, Euler-based; :mod:`argmap.af.bipolar`) run on a
weighted bipolar graph: propositions with their ``base_score`` (default 0.5) scaled by their
confidence, inferences with their confidence as base gated by their premises (weakest link), a
support edge from each inference to its conclusion, and the attacks with their weights; grouping
claims that only pass support on are read through, so wiring does not change a strength.

The **balance of a paradox** is the strength of each pole's thesis and the *margin*: the first
pole's thesis strength minus the strongest other thesis. For every factor of a pole (a
proposition of the pole other than its thesis) the *shift* is how much the margin moves when
the factor is removed from the map (with every inference it takes part in and every attack from
or on it). Under extension semantics a label stands for a number: IN / sceptically accepted = 1,
UNDEC / credulously accepted only = 0.5, OUT / rejected = 0.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from argmap.af import Semantics, grounded_labelling
from argmap.af import bipolar as gradual
from argmap.af.semantics import accepted_sets, count_extensions
from argmap.af.solvers import Backend
from argmap.evaluation import translate
from argmap.evaluation.labelled_removal import GroundedRemoval
from argmap.evaluation.removal import GradualRemoval
from argmap.evaluation.translate import flatten_groupings, to_bipolar_graph, to_framework, transparent
from argmap.model.core import ArgumentMap

__all__ = [
    "EXTENSION_COUNT_LIMIT",
    "EXTENSION_SEMANTICS",
    "GRADUAL_SEMANTICS",
    "LABEL_VALUE",
    "SEMANTICS",
    "Balance",
    "Evaluation",
    "FactorImpact",
    "NodeResult",
    "PoleStrength",
    "ThemeBalance",
    "balance",
    "evaluate",
    "to_bipolar_graph",
    "to_framework",
    "without",
]

EXTENSION_SEMANTICS = ("grounded", "complete", "preferred", "stable")
GRADUAL_SEMANTICS = ("df-quad", "qe", "euler")
#: Every semantics :func:`evaluate` accepts.
SEMANTICS = EXTENSION_SEMANTICS + GRADUAL_SEMANTICS

#: Most extensions :func:`evaluate` counts (it never needs them: acceptance is decided directly).
EXTENSION_COUNT_LIMIT = 100

#: Numeric value of each label in balances and diagrams.
LABEL_VALUE = {
    "in": 1.0,
    "undec": 0.5,
    "out": 0.0,
    "sceptical": 1.0,
    "credulous": 0.5,
    "rejected": 0.0,
    "no-extension": 0.5,
}


# -- results ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class NodeResult:
    """The outcome for one proposition or inference."""

    id: str
    kind: str  # "proposition", "inference" or "attribution"
    #: Extension semantics: in/out/undec (grounded, complete: the grounded labelling),
    #: sceptical/credulous/rejected (preferred, stable), or no-extension; ``None`` for gradual.
    label: str | None
    #: Gradual strength, or the label's value (:data:`LABEL_VALUE`).
    strength: float


@attrs.frozen(slots=True)
class Evaluation:
    """A map evaluated under one semantics."""

    semantics: str
    nodes: Mapping[str, NodeResult]
    converged: bool = True
    steps: int = 0
    residual: float = 0.0
    #: Number of extensions (preferred, stable) when at most :data:`EXTENSION_COUNT_LIMIT`;
    #: ``None`` otherwise (more than that, or grounded/complete/gradual).
    extensions: int | None = None

    def strength(self, node: str) -> float:
        """Strength (or label value) of ``node``; ``KeyError`` if the map has no such node."""
        return self.nodes[node].strength


def _kinds(amap: ArgumentMap) -> dict[str, str]:
    """Every node a result names: propositions, inferences whose ends are known, reports."""
    idx = amap.index
    known = idx.propositions
    kinds = dict.fromkeys(known, "proposition")
    for inf in idx.inferences.values():
        if inf.conclusion in known and inf.premises and all(p in known for p in inf.premises):
            kinds.setdefault(inf.id, "inference")
    for report in idx.attributions.values():
        if report.proposition in known:
            kinds.setdefault(report.id, "attribution")
    return kinds


def _gradual(amap: ArgumentMap, semantics: str) -> tuple[dict[str, float], gradual.Strengths]:
    """Strengths of every node, grouping claims read through (see ``translate.flatten_groupings``)."""
    flat = flatten_groupings(amap)
    result = gradual.strengths(to_bipolar_graph(flat), semantics)
    values = dict(result.values)
    if flat is not amap:
        # A grouping claim and the inference out of it still get a strength of their own,
        # from the map as wired; what they support is valued as if its factors were direct.
        wired = gradual.strengths(to_bipolar_graph(amap), semantics)
        for node, value in wired.values.items():
            values.setdefault(node, value)
    for rep, ids in translate.members(amap).items():
        for pid in ids:
            values[pid] = values[rep]
    return values, result


def evaluate(
    amap: ArgumentMap,
    semantics: str = "qe",
    *,
    backend: Backend | str = Backend.AUTO,
) -> Evaluation:
    """Evaluate every proposition, inference and report of ``amap`` under ``semantics``.

    The default, quadratic energy, is also the command line's (``argmap evaluate``).
    """
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}")
    kinds = _kinds(amap)
    if semantics in GRADUAL_SEMANTICS:
        values, result = _gradual(amap, semantics)
        nodes = {
            node: NodeResult(node, kind, None, values[node]) for node, kind in kinds.items() if node in values
        }
        return Evaluation(semantics, nodes, result.converged, result.steps, result.residual)
    framework = to_framework(amap)
    same = {pid: rep for rep, ids in translate.members(amap).items() for pid in ids}
    if semantics in ("grounded", "complete"):
        labelling = grounded_labelling(framework)
        labels = {node: labelling.label(same.get(node, node)).value for node in kinds}
        count = None
    else:
        # Acceptance per node by a few solver calls (ICCMA DC/DS), never by listing every
        # extension: 20 independent contradictions have a million preferred extensions.
        chosen = Semantics(semantics)
        sets = accepted_sets(framework, chosen, backend=backend)
        count = (
            count_extensions(framework, chosen, EXTENSION_COUNT_LIMIT, backend=backend) if sets.exists else 0
        )
        labels = {}
        for node in kinds:
            arg = same.get(node, node)  # a rephrase stands or falls with its class
            if not sets.exists:
                labels[node] = "no-extension"
            elif arg in sets.sceptical:
                labels[node] = "sceptical"
            else:
                labels[node] = "credulous" if arg in sets.credulous else "rejected"
    nodes = {
        node: NodeResult(node, kind, labels[node], LABEL_VALUE[labels[node]]) for node, kind in kinds.items()
    }
    return Evaluation(semantics, nodes, extensions=count)


# -- balance of a paradox -----------------------------------------------------------------------


@attrs.frozen(slots=True)
class PoleStrength:
    """One pole and the strength of its thesis (``None`` if the pole names no known thesis)."""

    pole: str
    label: str
    thesis: str | None
    strength: float | None


@attrs.frozen(slots=True)
class FactorImpact:
    """A factor of a pole, its own strength, and what removing it does to the balance."""

    id: str
    pole: str
    theme: str | None
    strength: float
    #: Change of the margin when the factor is removed (negative: the first pole loses ground).
    shift: float
    #: Change of each pole's thesis strength when the factor is removed.
    deltas: Mapping[str, float]
    #: Every theme of the factor (``theme`` is the first).
    themes: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class ThemeBalance:
    """One theme: the factors on each side, with their strengths and impacts."""

    theme: str
    label: str
    sides: Mapping[str, tuple[FactorImpact, ...]]


@attrs.frozen(slots=True)
class Balance:
    """Where a paradox stands under one semantics."""

    semantics: str
    poles: tuple[PoleStrength, ...]
    #: First pole's thesis strength minus the strongest other thesis; ``None`` with < 2 theses.
    margin: float | None
    themes: tuple[ThemeBalance, ...]
    #: Every factor, largest absolute shift first.
    factors: tuple[FactorImpact, ...]
    evaluation: Evaluation


def without(amap: ArgumentMap, node: str) -> ArgumentMap:
    """A new map without proposition ``node``, its inferences, the attacks on them and the reports of it.

    A grouping claim (:func:`~argmap.evaluation.translate.transparent`) left with nothing to
    group goes too: it has no standing of its own, so it stood only on what was removed.
    """
    removed = {node}
    grouping = transparent(amap) - removed
    while True:
        gone_infs = {
            inf.id for inf in amap.inferences if inf.conclusion in removed or removed & set(inf.premises)
        }
        emptied = {m for m in grouping if all(inf.id in gone_infs for inf in amap.inferences_into(m))}
        if not emptied:
            break
        removed |= emptied
        grouping -= emptied
    gone = gone_infs | removed
    reports = [a for a in amap.attributions if a.proposition not in removed]
    gone.update(a.id for a in amap.attributions if a.proposition in removed)
    return attrs.evolve(
        amap,
        propositions=[p for p in amap.propositions if p.id not in removed],
        inferences=[inf for inf in amap.inferences if inf.id not in gone_infs],
        attacks=[a for a in amap.attacks if a.attacker not in gone and a.target not in gone],
        attributions=reports,
        preferences=[p for p in amap.preferences if p.preferred not in gone and p.over not in gone],
    )


def _thesis_strengths(amap: ArgumentMap, evaluation: Evaluation) -> tuple[PoleStrength, ...]:
    out = []
    for pole in amap.poles:
        thesis = pole.thesis if pole.thesis in evaluation.nodes else None
        strength = evaluation.strength(thesis) if thesis is not None else None
        out.append(PoleStrength(pole.id, pole.label, thesis, strength))
    return tuple(out)


def _margin(poles: Sequence[PoleStrength]) -> float | None:
    if len(poles) < 2 or poles[0].strength is None:
        return None
    others = [p.strength for p in poles[1:] if p.strength is not None]
    if not others:
        return None
    return poles[0].strength - max(others)


def balance(
    amap: ArgumentMap,
    semantics: str = "qe",
    *,
    backend: Backend | str = Backend.AUTO,
) -> Balance:
    """The balance of the paradox in ``amap`` under ``semantics`` (see the module docstring)."""
    evaluation = evaluate(amap, semantics, backend=backend)
    poles = _thesis_strengths(amap, evaluation)
    margin = _margin(poles)
    factors: list[FactorImpact] = []
    # Gradual semantics read grouping claims through; removing one is removing its whole group.
    flat = flatten_groupings(amap) if semantics in GRADUAL_SEMANTICS else amap
    after_removal = _removal(flat, semantics, evaluation, backend)
    for pole in amap.poles:
        for prop in amap.factors(pole.id):
            if prop.id not in evaluation.nodes:
                continue
            if prop.id in flat.index.propositions:
                after = after_removal(prop.id)
            else:
                reduced = without(amap, prop.id)
                after = _thesis_strengths(reduced, evaluate(reduced, semantics, backend=backend))
            deltas = {
                b.pole: (a.strength or 0.0) - (b.strength or 0.0)
                for a, b in zip(after, poles, strict=True)
                if b.strength is not None
            }
            new_margin = _margin(after)
            shift = 0.0 if margin is None or new_margin is None else new_margin - margin
            factors.append(
                FactorImpact(
                    prop.id, pole.id, prop.theme, evaluation.strength(prop.id), shift, deltas, prop.themes
                )
            )
    themes = []
    for theme in amap.themes:
        sides = {
            pole.id: tuple(f for f in factors if theme.id in f.themes and f.pole == pole.id)
            for pole in amap.poles
        }
        themes.append(ThemeBalance(theme.id, theme.label, sides))
    ranked = tuple(sorted(factors, key=lambda f: (-abs(f.shift), f.id)))
    return Balance(semantics, poles, margin, tuple(themes), ranked, evaluation)


# -- the map without one factor ------------------------------------------------------------------


def _removal(
    amap: ArgumentMap, semantics: str, evaluation: Evaluation, backend: Backend | str
) -> Callable[[str], tuple[PoleStrength, ...]]:
    """A function giving the pole theses' strengths once a proposition is removed from ``amap``.

    Under gradual semantics only what lies downstream of the removed nodes changes, so
    :class:`_GradualRemoval` recomputes just that part, incrementally; under grounded and
    complete semantics :class:`~argmap.evaluation.labelled_removal.GroundedRemoval` labels just
    that part again. Preferred and stable semantics (and maps the incremental ways do not cover)
    evaluate :func:`without` in full (linear per factor, so quadratic per balance).
    """
    # An inference sharing a proposition's id (a map with errors) merges two nodes of the graph;
    # only the full evaluation of each reduced map says what that means.
    clash = not amap.index.propositions.keys().isdisjoint(inf.id for inf in amap.inferences)
    if semantics in GRADUAL_SEMANTICS and not clash:
        return _GradualRemoval(amap, semantics, evaluation).poles_without
    if semantics in ("grounded", "complete") and GroundedRemoval.applies(amap):
        theses_without = GroundedRemoval(amap).theses_without

        def labelled(node: str) -> tuple[PoleStrength, ...]:
            after = theses_without(node)
            return tuple(
                PoleStrength(p.id, p.label, p.thesis if after[p.id] is not None else None, after[p.id])
                for p in amap.poles
            )

        return labelled

    def full(node: str) -> tuple[PoleStrength, ...]:
        reduced = without(amap, node)
        return _thesis_strengths(reduced, evaluate(reduced, semantics, backend=backend))

    return full


class _GradualRemoval(GradualRemoval):
    """:class:`~argmap.evaluation.removal.GradualRemoval` on the graph a map translates to."""

    def __init__(self, amap: ArgumentMap, method: str, evaluation: Evaluation) -> None:
        graph = to_bipolar_graph(amap)
        known = evaluation.nodes
        # Auxiliary nodes (weighted edges) have no result of their own: computed once, here.
        extra = {} if all(n in known for n in graph.nodes) else gradual.strengths(graph, method).values
        strengths = [known[n].strength if n in known else extra[n] for n in graph.nodes]
        super().__init__(amap, method, graph, strengths)

    def poles_without(self, node: str) -> tuple[PoleStrength, ...]:
        after = self.theses_without(node)
        return tuple(
            PoleStrength(p.id, p.label, p.thesis if after[p.id] is not None else None, after[p.id])
            for p in self.amap.poles
        )


# -- output -------------------------------------------------------------------------------------
