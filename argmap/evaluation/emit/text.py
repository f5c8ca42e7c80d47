"""The text emitter of ``argmap evaluate``: pole theses, themes, factors by impact, every node.

A pure function of the map and its :class:`~argmap.evaluation.core.Balance`; it computes nothing
the evaluation did not. May import ``model`` and ``evaluation.core``.
"""

from __future__ import annotations

import textwrap

from argmap.evaluation.core import Balance
from argmap.evaluation.emit._common import TOP_FACTORS, num, sort_value, status, table, value
from argmap.model.core import ArgumentMap

__all__ = ["format_evaluation_text"]


def format_evaluation_text(amap: ArgumentMap, result: Balance) -> str:
    """A plain-text report: pole theses, the themes side by side, factors by impact, all nodes."""
    ev = result.evaluation
    lines = [f"{amap.title}", f"semantics: {ev.semantics} ({status(ev)})", ""]
    if result.poles:
        lines += table(
            ["pole", "thesis", "value"],
            [[p.label, p.thesis or "-", value(ev, p.thesis) if p.thesis else "-"] for p in result.poles],
        )
        if result.margin is not None:
            lines.append(
                f"margin ({result.poles[0].label} minus strongest other): {num(result.margin, True)}"
            )
        lines.append("")
    if result.themes:
        # One block per theme, one wrapped line per side: a side-by-side table of dozens of
        # factors is wider than any terminal.
        lines.append("themes (factors on each side, strongest first)")
        for theme in result.themes:
            lines.append(theme.label)
            for pole in amap.poles:
                items = sorted(theme.sides.get(pole.id, ()), key=lambda f: -sort_value(ev, f.id))
                listing = ", ".join(f"{f.id} {value(ev, f.id)}" for f in items) or "-"
                lines += textwrap.wrap(
                    f"{pole.label} [{len(items)}]: {listing}",
                    width=100,
                    initial_indent="  ",
                    subsequent_indent="      ",
                    break_on_hyphens=False,
                )
        lines.append("")
    if result.factors:
        shown = result.factors[:TOP_FACTORS]
        lines.append("factors by impact (shift: change of the margin if the factor is removed)")
        lines += table(
            ["factor", "pole", "theme", "value", "shift"],
            [[f.id, f.pole, f.theme or "-", value(ev, f.id), num(f.shift, True)] for f in shown],
        )
        if len(result.factors) > len(shown):
            lines.append(f"... and {len(result.factors) - len(shown)} more (--format json lists all)")
        lines.append("")
    lines += table(
        ["node", "kind", "value"],
        [[n.id, n.kind, value(ev, n.id)] for n in ev.nodes.values()],
    )
    return "\n".join(lines) + "\n"
