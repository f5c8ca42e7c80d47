"""Evaluate an argument map: which claims stand, how strong each is, and the balance of a paradox.

The translation of a map into what the semantics evaluate is documented, with worked examples,
in ``docs/evaluation.md``. In short:

*Extension semantics* (grounded, complete, preferred, stable; Dung 1995) run on a Dung framework
whose arguments are the map's propositions and inferences plus two kinds of auxiliary arguments
that express support in attack-only form (in the spirit of the translations of bipolar and
abstract dialectical frameworks into Dung frameworks: Cayrol and Lagasquie-Schiex, IJAR 2013;
Polberg, PhD thesis, TU Wien 2017):

* an inference holds only if all its premises hold and no accepted undercut hits it: the
  inference is attacked by its undercutters and by an auxiliary ``~not:p`` for each premise
  ``p``, which ``p`` itself attacks (so ``~not:p`` is IN exactly when ``p`` is OUT);
* a proposition that is the conclusion of inferences holds only if one of them applies: it is
  attacked by an auxiliary ``~unsupported:p`` that every inference into it attacks;
  a proposition with no inference into it is a premise, taken as given unless rebutted;
* a rebuttal attacks its target proposition, an undercut its target inference; ``contradicts``
  is a rebuttal in both directions.

In complete labellings these auxiliaries make a node's label follow exactly the rules above.
Auxiliary arguments never appear in results (their names cannot clash with map ids).

*Gradual semantics* (DF-QuAD, quadratic energy, Euler-based; :mod:`argmap.af.bipolar`) run on a
weighted bipolar graph: propositions with their ``base_score`` (default 0.5), inferences with
base score 1 gated by their premises (weakest link), a support edge from each inference to its
conclusion, and the same attacks.

The **balance of a paradox** is the strength of each pole's thesis and the *margin*: the first
pole's thesis strength minus the strongest other thesis. For every factor of a pole (a
proposition of the pole other than its thesis) the *shift* is how much the margin moves when
the factor is removed from the map (with every inference it takes part in and every attack from
or on it). Under extension semantics a label stands for a number: IN / sceptically accepted = 1,
UNDEC / credulously accepted only = 0.5, OUT / rejected = 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from argmap.af import Framework, Semantics, grounded_labelling
from argmap.af import bipolar as gradual
from argmap.af.semantics import accepted_sets, count_extensions
from argmap.af.solvers import Backend
from argmap.model.core import ArgumentMap, Inference, Proposition

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

_NOT = "~not:"
_UNSUPPORTED = "~unsupported:"

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


@attrs.frozen(slots=True)
class _Parts:
    """The map's nodes and relations with dangling references dropped."""

    propositions: tuple[Proposition, ...]
    inferences: tuple[Inference, ...]
    #: (attacker proposition, target proposition or inference id).
    attacks: tuple[tuple[str, str], ...]


def _parts(amap: ArgumentMap) -> _Parts:
    props = tuple(amap.index.propositions.values())
    known = amap.index.propositions
    # References to unknown ids are dropped here; `argmap check` reports them.
    infs = tuple(
        inf
        for inf in amap.index.inferences.values()
        if inf.conclusion in known and inf.premises and all(p in known for p in inf.premises)
    )
    inf_ids = {inf.id for inf in infs}
    attacks: dict[tuple[str, str], None] = {}
    for att in amap.attacks:
        if att.attacker in known and (att.target in known or att.target in inf_ids):
            attacks[(att.attacker, att.target)] = None
    for prop in props:
        for other in prop.contradicts:
            if other in known and other != prop.id:
                attacks[(prop.id, other)] = None
                attacks[(other, prop.id)] = None
    return _Parts(props, infs, tuple(attacks))


def to_framework(amap: ArgumentMap) -> Framework:
    """The Dung framework a map stands for under extension semantics (see the module docstring)."""
    parts = _parts(amap)
    args: list[str] = [p.id for p in parts.propositions] + [i.id for i in parts.inferences]
    attacks: list[tuple[str, str]] = list(parts.attacks)
    premises = dict.fromkeys(p for inf in parts.inferences for p in inf.premises)
    for p in premises:
        args.append(_NOT + p)
        attacks.append((p, _NOT + p))
    for inf in parts.inferences:
        attacks.extend((_NOT + p, inf.id) for p in dict.fromkeys(inf.premises))
    conclusions = dict.fromkeys(inf.conclusion for inf in parts.inferences)
    for c in conclusions:
        args.append(_UNSUPPORTED + c)
        attacks.append((_UNSUPPORTED + c, c))
    for inf in parts.inferences:
        attacks.append((inf.id, _UNSUPPORTED + inf.conclusion))
    return Framework(args, attacks)


def to_bipolar_graph(amap: ArgumentMap) -> gradual.BipolarGraph:
    """The weighted bipolar graph a map stands for under gradual semantics."""
    parts = _parts(amap)
    base: dict[str, float] = {}
    for p in parts.propositions:
        base[p.id] = gradual.DEFAULT_BASE_SCORE if p.base_score is None else p.base_score
    for inf in parts.inferences:
        base[inf.id] = 1.0
    return gradual.BipolarGraph(
        nodes=[*base],
        base_scores=base,
        attacks=parts.attacks,
        supports=[(inf.id, inf.conclusion) for inf in parts.inferences],
        gates={inf.id: tuple(dict.fromkeys(inf.premises)) for inf in parts.inferences},
    )


# -- results ------------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class NodeResult:
    """The outcome for one proposition or inference."""

    id: str
    kind: str  # "proposition" or "inference"
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


def evaluate(
    amap: ArgumentMap,
    semantics: str = "df-quad",
    *,
    backend: Backend | str = Backend.AUTO,
) -> Evaluation:
    """Evaluate every proposition and inference of ``amap`` under ``semantics``."""
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; expected one of {', '.join(SEMANTICS)}")
    kinds = {p.id: "proposition" for p in amap.index.propositions.values()}
    kinds.update({i.id: "inference" for i in _parts(amap).inferences})
    if semantics in GRADUAL_SEMANTICS:
        result = gradual.strengths(to_bipolar_graph(amap), semantics)
        nodes = {
            node: NodeResult(node, kind, None, result.values[node])
            for node, kind in kinds.items()
            if node in result.values
        }
        return Evaluation(semantics, nodes, result.converged, result.steps, result.residual)
    framework = to_framework(amap)
    if semantics in ("grounded", "complete"):
        labelling = grounded_labelling(framework)
        labels = {node: labelling.label(node).value for node in kinds}
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
            if not sets.exists:
                labels[node] = "no-extension"
            elif node in sets.sceptical:
                labels[node] = "sceptical"
            else:
                labels[node] = "credulous" if node in sets.credulous else "rejected"
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
    """A new map without proposition ``node``, the inferences it takes part in, and attacks on them."""
    gone_infs = {inf.id for inf in amap.inferences if inf.conclusion == node or node in inf.premises}
    gone = gone_infs | {node}
    return attrs.evolve(
        amap,
        propositions=[p for p in amap.propositions if p.id != node],
        inferences=[inf for inf in amap.inferences if inf.id not in gone_infs],
        attacks=[a for a in amap.attacks if a.attacker not in gone and a.target not in gone],
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
    semantics: str = "df-quad",
    *,
    backend: Backend | str = Backend.AUTO,
) -> Balance:
    """The balance of the paradox in ``amap`` under ``semantics`` (see the module docstring)."""
    evaluation = evaluate(amap, semantics, backend=backend)
    poles = _thesis_strengths(amap, evaluation)
    margin = _margin(poles)
    factors: list[FactorImpact] = []
    for pole in amap.poles:
        for prop in amap.factors(pole.id):
            if prop.id not in evaluation.nodes:
                continue
            reduced = without(amap, prop.id)
            after_eval = evaluate(reduced, semantics, backend=backend)
            after = _thesis_strengths(reduced, after_eval)
            deltas = {
                b.pole: (a.strength or 0.0) - (b.strength or 0.0)
                for a, b in zip(after, poles, strict=True)
                if b.strength is not None
            }
            new_margin = _margin(after)
            shift = 0.0 if margin is None or new_margin is None else new_margin - margin
            factors.append(
                FactorImpact(prop.id, pole.id, prop.theme, evaluation.strength(prop.id), shift, deltas)
            )
    themes = []
    for theme in amap.themes:
        sides = {
            pole.id: tuple(f for f in factors if f.theme == theme.id and f.pole == pole.id)
            for pole in amap.poles
        }
        themes.append(ThemeBalance(theme.id, theme.label, sides))
    ranked = tuple(sorted(factors, key=lambda f: (-abs(f.shift), f.id)))
    return Balance(semantics, poles, margin, tuple(themes), ranked, evaluation)


# -- output -------------------------------------------------------------------------------------
