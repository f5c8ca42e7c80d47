"""Overlays: marks an evaluation puts on a diagram (a fill colour and a short badge per node).

Plain data for every exporter. May import ``model`` and ``evaluate``.
"""

from __future__ import annotations

import attrs

from argmap.evaluation.core import Evaluation

__all__ = [
    "LABEL_COLOURS",
    "LABEL_MEANINGS",
    "STRENGTH_COLOURS",
    "Overlay",
    "overlays",
    "strength_bin",
    "strength_meaning",
]


@attrs.frozen
class Overlay:
    """Extra marking for one node, e.g. an evaluation result: a fill colour and a short badge."""

    fill: str | None = None
    badge: str | None = None
    #: The evaluation's label for the node (``in``, ``out``, ``undec``, ...), when it has one.
    label: str | None = None
    #: The node's strength in [0, 1], when the evaluation gives one.
    strength: float | None = None
    #: What the fill means, for the legend (e.g. "accepted (IN)", "strength 0.40–0.60").
    meaning: str | None = None


#: Fill colours per label. Disjoint from the pole and role colours (so an overlay never reads as
#: "this pole"), and every pair stays apart (CIEDE2000 >= 10) under deuteranopia and protanopia
#: (tests/view/test_palette.py): green for accepted, pear for credulous only, grey for undecided,
#: lilac for rejected, the same hues as the ends of the strength scale.
LABEL_COLOURS = {
    "in": "#5AAE61",
    "sceptical": "#5AAE61",
    "credulous": "#BBCC33",
    "undec": "#BBBBBB",
    "no-extension": "#BBBBBB",
    "out": "#CC99FF",
    "rejected": "#CC99FF",
}

#: What each label's colour means, for the legend.
LABEL_MEANINGS = {
    "in": "accepted (IN)",
    "sceptical": "accepted in every extension",
    "credulous": "accepted in some extension",
    "undec": "undecided (UNDEC)",
    "no-extension": "no extension",
    "out": "rejected (OUT)",
    "rejected": "rejected in every extension",
}

#: Five bins from weak (purple) to strong (green), disjoint from the pole colours; every pair stays
#: apart under colour-blindness simulation, and the badge gives the exact value.
STRENGTH_COLOURS = ("#9966CC", "#CC99FF", "#BBBBBB", "#BBCC33", "#5AAE61")


def strength_bin(strength: float) -> int:
    """The index into :data:`STRENGTH_COLOURS` of a strength in [0, 1]."""
    return max(0, min(len(STRENGTH_COLOURS) - 1, int(strength * len(STRENGTH_COLOURS))))


def strength_meaning(index: int) -> str:
    """Legend text of a strength bin, e.g. "strength 0.40–0.60"."""
    size = 1 / len(STRENGTH_COLOURS)
    return f"strength {index * size:.2f}–{(index + 1) * size:.2f}"


def overlays(evaluation: Evaluation, by: str = "strength") -> dict[str, Overlay]:
    """Per-node fill colour and badge for :class:`argmap.export.dot.RenderOptions`.

    ``by="label"`` colours by the extension label (use an extension semantics); ``by="strength"``
    colours by strength in five bins and writes the value in the badge.
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
                meaning=LABEL_MEANINGS[node.label],
            )
        else:
            index = strength_bin(node.strength)
            out[node.id] = Overlay(
                fill=STRENGTH_COLOURS[index],
                badge=f"{node.strength:.2f}",
                label=node.label,
                strength=node.strength,
                meaning=strength_meaning(index),
            )
    return out
