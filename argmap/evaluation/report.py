"""Evaluation reports: a :class:`~argmap.evaluation.core.Balance` as text, JSON or Markdown.

One emitter per output format; they read the evaluation results and the map, and compute nothing
the evaluation did not. May import ``model`` and ``evaluate.core``.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from argmap.af.solvers import Backend
from argmap.evaluation.core import (
    EXTENSION_COUNT_LIMIT,
    GRADUAL_SEMANTICS,
    Balance,
    Evaluation,
    FactorImpact,
    balance,
    evaluate,
)
from argmap.model.core import ArgumentMap

__all__ = ["dumps_json", "evaluation_report_markdown", "evaluation_to_json", "format_evaluation_text"]


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
    if evaluation.semantics in ("preferred", "stable"):
        return f"more than {EXTENSION_COUNT_LIMIT} extensions (acceptance decided per node)"
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
