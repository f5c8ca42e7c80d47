"""Overlays: marks an evaluation puts on a diagram (a fill colour and a short badge per node).

Plain data for every exporter. May import ``model`` and ``evaluate``.
"""

from __future__ import annotations

import attrs

from argmap.evaluation.core import Evaluation

__all__ = ["LABEL_COLOURS", "STRENGTH_COLOURS", "Overlay", "overlays"]


@attrs.frozen
class Overlay:
    """Extra marking for one node, e.g. an evaluation result: a fill colour and a short badge."""

    fill: str | None = None
    badge: str | None = None
    #: The evaluation's label for the node (``in``, ``out``, ``undec``, ...), when it has one.
    label: str | None = None
    #: The node's strength in [0, 1], when the evaluation gives one.
    strength: float | None = None


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
    """Per-node fill colour and badge for :class:`argmap.export.dot.RenderOptions`.

    ``by="label"`` colours by the extension label (use an extension semantics); ``by="strength"``
    colours by strength in seven bins and writes the value in the badge.
    """
    if by not in ("label", "strength"):
        raise ValueError(f"colour by 'label' or 'strength', not {by!r}")
    out: dict[str, Overlay] = {}
    for node in evaluation.nodes.values():
        if by == "label" and node.label is not None:
            out[node.id] = Overlay(
                fill=LABEL_COLOURS[node.label],
                badge=node.label.upper(),
                label=node.label,
                strength=node.strength,
            )
        else:
            colour = STRENGTH_COLOURS[
                min(len(STRENGTH_COLOURS) - 1, int(node.strength * len(STRENGTH_COLOURS)))
            ]
            out[node.id] = Overlay(
                fill=colour, badge=f"{node.strength:.2f}", label=node.label, strength=node.strength
            )
    return out
