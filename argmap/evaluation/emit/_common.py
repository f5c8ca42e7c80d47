"""Formatting helpers every evaluation emitter shares: numbers, tables, a node's value, status.

Private to :mod:`argmap.evaluation.emit`. May import ``evaluation.core``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from argmap.evaluation.core import EXTENSION_COUNT_LIMIT, GRADUAL_SEMANTICS, Evaluation

__all__ = ["TOP_FACTORS", "md_escape", "num", "sort_value", "status", "table", "value"]


def num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    body = [list(header), *[list(r) for r in rows]]
    widths = [max(len(row[i]) for row in body) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in body]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def status(evaluation: Evaluation) -> str:
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


def value(evaluation: Evaluation, node: str) -> str:
    result = evaluation.nodes[node]
    if result.label is None:
        return num(result.strength)
    return result.label


#: How many factors the text report lists by impact; JSON lists all.
TOP_FACTORS = 15


def sort_value(ev: Evaluation, node: str) -> float:
    result = ev.nodes.get(node)
    return result.strength if result is not None else 0.0


def md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
