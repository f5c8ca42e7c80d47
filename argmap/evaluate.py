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

*Gradual semantics* (DF-QuAD, quadratic energy, Euler-based; :mod:`argmap.gradual`) run on a
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

import json
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from argmap import gradual
from argmap.af import Framework, Semantics, extensions, grounded_labelling
from argmap.af.solvers import Backend
from argmap.model import ArgumentMap, Inference, Proposition
from argmap.render import Overlay

__all__ = [
    "EXTENSION_SEMANTICS",
    "GRADUAL_SEMANTICS",
    "LABEL_COLOURS",
    "LABEL_VALUE",
    "SEMANTICS",
    "STRENGTH_COLOURS",
    "Balance",
    "Evaluation",
    "FactorImpact",
    "NodeResult",
    "PoleStrength",
    "ThemeBalance",
    "balance",
    "dumps_json",
    "evaluate",
    "evaluation_report_markdown",
    "evaluation_to_json",
    "format_evaluation_text",
    "overlays",
    "to_bipolar_graph",
    "to_framework",
    "without",
]

EXTENSION_SEMANTICS = ("grounded", "complete", "preferred", "stable")
GRADUAL_SEMANTICS = ("df-quad", "qe", "euler")
#: Every semantics :func:`evaluate` accepts.
SEMANTICS = EXTENSION_SEMANTICS + GRADUAL_SEMANTICS

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
    #: Number of extensions (preferred, stable); ``None`` otherwise.
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
        exts = extensions(framework, Semantics(semantics), backend=backend)
        count = len(exts)
        labels = {}
        for node in kinds:
            hits = sum(node in ext for ext in exts)
            if not exts:
                labels[node] = "no-extension"
            elif hits == len(exts):
                labels[node] = "sceptical"
            else:
                labels[node] = "credulous" if hits else "rejected"
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


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    body = [list(header), *[list(r) for r in rows]]
    widths = [max(len(row[i]) for row in body) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in body]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _status(evaluation: Evaluation) -> str:
    if evaluation.semantics in GRADUAL_SEMANTICS:
        if evaluation.steps == 0:
            return "acyclic: one pass"
        state = "converged" if evaluation.converged else "did NOT converge"
        return f"{state} after {evaluation.steps} steps, residual {evaluation.residual:.1e}"
    if evaluation.extensions is not None:
        return f"{evaluation.extensions} extension(s)"
    return "grounded labelling"


def _value(evaluation: Evaluation, node: str) -> str:
    result = evaluation.nodes[node]
    if result.label is None:
        return _num(result.strength)
    return result.label


#: How many factors the text report lists by impact; JSON lists all.
_TOP_FACTORS = 15


def _sort_value(ev: Evaluation, node: str) -> float:
    result = ev.nodes.get(node)
    return result.strength if result is not None else 0.0


def format_evaluation_text(amap: ArgumentMap, result: Balance) -> str:
    """A plain-text report: pole theses, the themes side by side, factors by impact, all nodes."""
    ev = result.evaluation
    lines = [f"{amap.title}", f"semantics: {ev.semantics} ({_status(ev)})", ""]
    if result.poles:
        lines += _table(
            ["pole", "thesis", "value"],
            [[p.label, p.thesis or "-", _value(ev, p.thesis) if p.thesis else "-"] for p in result.poles],
        )
        if result.margin is not None:
            lines.append(
                f"margin ({result.poles[0].label} minus strongest other): {_num(result.margin, True)}"
            )
        lines.append("")
    if result.themes:
        # One block per theme, one wrapped line per side: a side-by-side table of dozens of
        # factors is wider than any terminal.
        lines.append("themes (factors on each side, strongest first)")
        for theme in result.themes:
            lines.append(theme.label)
            for pole in amap.poles:
                items = sorted(theme.sides.get(pole.id, ()), key=lambda f: -_sort_value(ev, f.id))
                listing = ", ".join(f"{f.id} {_value(ev, f.id)}" for f in items) or "-"
                lines += textwrap.wrap(
                    f"{pole.label} [{len(items)}]: {listing}",
                    width=100,
                    initial_indent="  ",
                    subsequent_indent="      ",
                    break_on_hyphens=False,
                )
        lines.append("")
    if result.factors:
        shown = result.factors[:_TOP_FACTORS]
        lines.append("factors by impact (shift: change of the margin if the factor is removed)")
        lines += _table(
            ["factor", "pole", "theme", "value", "shift"],
            [[f.id, f.pole, f.theme or "-", _value(ev, f.id), _num(f.shift, True)] for f in shown],
        )
        if len(result.factors) > len(shown):
            lines.append(f"... and {len(result.factors) - len(shown)} more (--format json lists all)")
        lines.append("")
    lines += _table(
        ["node", "kind", "value"],
        [[n.id, n.kind, _value(ev, n.id)] for n in ev.nodes.values()],
    )
    return "\n".join(lines) + "\n"


def evaluation_to_json(amap: ArgumentMap, result: Balance) -> dict[str, Any]:
    """The evaluation and balance as JSON-ready data."""
    ev = result.evaluation

    def factor(f: FactorImpact) -> dict[str, Any]:
        return {
            "id": f.id,
            "pole": f.pole,
            "theme": f.theme,
            "strength": f.strength,
            "shift": f.shift,
            "deltas": dict(f.deltas),
        }

    return {
        "title": amap.title,
        "semantics": ev.semantics,
        "converged": ev.converged,
        "steps": ev.steps,
        "residual": ev.residual,
        "extensions": ev.extensions,
        "poles": [attrs.asdict(p) for p in result.poles],
        "margin": result.margin,
        "themes": [
            {
                "theme": t.theme,
                "label": t.label,
                "sides": {pole: [f.id for f in items] for pole, items in t.sides.items()},
            }
            for t in result.themes
        ],
        "factors": [factor(f) for f in result.factors],
        "nodes": [
            {"id": n.id, "kind": n.kind, "label": n.label, "strength": n.strength} for n in ev.nodes.values()
        ],
    }


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def evaluation_report_markdown(
    amap: ArgumentMap,
    *,
    gradual_semantics: str = "qe",
    backend: Backend | str = Backend.AUTO,
) -> str:
    """A Markdown evaluation report: every semantics side by side, then the balance in detail."""
    main = balance(amap, gradual_semantics, backend=backend)
    columns = ["grounded", "preferred", "stable", *GRADUAL_SEMANTICS]
    evals = {
        s: (main.evaluation if s == gradual_semantics else evaluate(amap, s, backend=backend))
        for s in columns
    }
    out = [f"# Evaluation: {_md_escape(amap.title)}", ""]
    if amap.question:
        out += [f"*{_md_escape(amap.question.strip())}*", ""]
    out += [
        "Generated by `argmap evaluate`; the definitions are in [evaluation.md](evaluation.md).",
        "",
        "## Pole theses under each semantics",
        "",
        "| pole | thesis | " + " | ".join(columns) + " |",
        "|---|---|" + "---|" * len(columns),
    ]
    for p in main.poles:
        cells = [_value(evals[s], p.thesis) if p.thesis else "-" for s in columns]
        out.append(f"| {_md_escape(p.label)} | `{p.thesis}` | " + " | ".join(cells) + " |")
    out.append("")
    notes = []
    for s in columns:
        notes.append(f"{s}: {_status(evals[s])}")
    out += ["Computation: " + "; ".join(notes) + ".", ""]
    if main.margin is not None:
        out += [
            f"**Balance ({gradual_semantics})**: margin {_num(main.margin, True)} "
            f"({_md_escape(main.poles[0].label)} minus the strongest other pole).",
            "",
        ]
    if main.themes:
        out += ["## Themes: factors on each side", "", f"Strengths under {gradual_semantics}.", ""]
        out.append("| theme | " + " | ".join(_md_escape(p.label) for p in amap.poles) + " |")
        out.append("|---|" + "---|" * len(amap.poles))
        for t in main.themes:
            cells = [
                "<br>".join(f"`{f.id}` {_num(f.strength)}" for f in t.sides.get(p.id, ())) or "-"
                for p in amap.poles
            ]
            out.append(f"| {_md_escape(t.label)} | " + " | ".join(cells) + " |")
        out.append("")
    if main.factors:
        out += [
            "## Factors by impact",
            "",
            "Shift: how much the margin moves if the factor is removed (with its inferences and attacks).",
            "",
            "| factor | pole | theme | strength | shift |",
            "|---|---|---|---|---|",
        ]
        for f in main.factors:
            out.append(
                f"| `{f.id}` | {f.pole} | {f.theme or '-'} | {_num(f.strength)} | {_num(f.shift, True)} |"
            )
        out.append("")
    out += ["## Every proposition", "", "| id | role | " + " | ".join(columns) + " |"]
    out.append("|---|---|" + "---|" * len(columns))
    for prop in amap.index.propositions.values():
        cells = [_value(evals[s], prop.id) for s in columns]
        out.append(f"| `{prop.id}` | {prop.role.value} | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def dumps_json(amap: ArgumentMap, result: Balance) -> str:
    """:func:`evaluation_to_json` as indented JSON text."""
    return json.dumps(evaluation_to_json(amap, result), indent=2, ensure_ascii=False) + "\n"


# -- diagrams -----------------------------------------------------------------------------------

#: Fill colours per label, from Paul Tol's colour-blind-safe "light" scheme: blue for accepted,
#: orange for rejected, yellow for credulous only, grey for undecided (no red/green contrast).
LABEL_COLOURS = {
    "in": "#77AADD",
    "sceptical": "#77AADD",
    "credulous": "#EEDD88",
    "undec": "#DDDDDD",
    "no-extension": "#DDDDDD",
    "out": "#EE8866",
    "rejected": "#EE8866",
}

#: Seven bins from weak (orange) to strong (blue): Paul Tol's colour-blind-safe "sunset" scale.
STRENGTH_COLOURS = ("#F67E4B", "#FDB366", "#FEDA8B", "#EAECCC", "#C2E4EF", "#98CAE1", "#6EA6CD")


def overlays(evaluation: Evaluation, by: str = "strength") -> dict[str, Overlay]:
    """Per-node fill colour and badge for :class:`argmap.render.RenderOptions`.

    ``by="label"`` colours by the extension label (use an extension semantics); ``by="strength"``
    colours by strength in seven bins and writes the value in the badge.
    """
    if by not in ("label", "strength"):
        raise ValueError(f"colour by 'label' or 'strength', not {by!r}")
    out: dict[str, Overlay] = {}
    for node in evaluation.nodes.values():
        if by == "label" and node.label is not None:
            out[node.id] = Overlay(fill=LABEL_COLOURS[node.label], badge=node.label.upper())
        else:
            colour = STRENGTH_COLOURS[
                min(len(STRENGTH_COLOURS) - 1, int(node.strength * len(STRENGTH_COLOURS)))
            ]
            out[node.id] = Overlay(fill=colour, badge=f"{node.strength:.2f}")
    return out
