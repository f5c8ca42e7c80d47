"""Visual style as data: roles and relations to shapes, colours and line styles.

Colours come from the Okabe-Ito palette, which stays distinguishable under the common forms of
colour blindness; every relation also differs in line style and arrowhead, so the diagram
reads in greyscale too.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.model.core import AttackKind, Role

__all__ = [
    "FADED_FONT_COLOR",
    "FONT",
    "HEDGE_FONT_COLOR",
    "JUNCTION_FILL",
    "OKABE_ITO",
    "POLE_FILLS",
    "QUESTION_STYLE",
    "RELATION_STYLES",
    "ROLE_STYLES",
    "SMALL_FONT_COLOR",
    "SUPPORT",
    "THEME_CLUSTER_FILL",
    "EdgeStyle",
    "NodeStyle",
    "faded",
    "pole_fill",
]

#: The Okabe-Ito colour-blind-safe palette.
OKABE_ITO: Mapping[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Light tints for pole backgrounds and their borders, in pole order (blue, orange, yellow).
POLE_FILLS: tuple[tuple[str, str], ...] = (
    ("#E3F2FB", OKABE_ITO["blue"]),
    ("#FBEFD6", OKABE_ITO["orange"]),
    # A third pole is yellow: green and purple already mean support and undercut, and no fourth
    # light tint stays apart from these three under colour blindness (tests/view/test_palette.py),
    # so a fourth pole repeats the first pole's colours (its label still names it).
    ("#FFF3A8", "#8C7A00"),
)


def pole_fill(index: int) -> tuple[str, str]:
    """Background and border colour of the ``index``-th pole."""
    return POLE_FILLS[index % len(POLE_FILLS)]


@attrs.frozen
class NodeStyle:
    """How a proposition of one role is drawn."""

    shape: str
    fill: str
    border: str
    penwidth: float = 1.0
    style: str = "filled,rounded"
    caption: str = ""


@attrs.frozen
class EdgeStyle:
    """How one kind of relation is drawn."""

    color: str
    style: str
    arrow: str
    label: str
    penwidth: float = 1.4


ROLE_STYLES: Mapping[Role, NodeStyle] = {
    Role.THESIS: NodeStyle("box", "#FFFFFF", "#000000", 2.4, caption="thesis"),
    Role.CLAIM: NodeStyle("box", "#FFFFFF", "#555555", 1.0),
    Role.EVIDENCE: NodeStyle("note", "#F2F2F2", "#777777", 1.0, style="filled", caption="evidence"),
    Role.ASSUMPTION: NodeStyle(
        "box", "#FFFFFF", "#777777", 1.0, style="filled,rounded,dashed", caption="assumption"
    ),
    Role.EXPLANATION: NodeStyle("hexagon", "#FBF7C9", "#8C7E00", 1.6, style="filled", caption="explanation"),
    Role.VERDICT: NodeStyle("box", "#F5E3EE", "#7A3B62", 3.0, style="filled,bold", caption="verdict"),
}

SUPPORT = EdgeStyle(OKABE_ITO["bluish_green"], "solid", "normal", "supports")
#: Relation -> style; one entry per ``AttackKind`` value plus ``support``. Each differs from every
#: other in line pattern or arrowhead as well as colour, so the picture reads in grey.
RELATION_STYLES: Mapping[str, EdgeStyle] = {
    "support": SUPPORT,
    AttackKind.REBUT.value: EdgeStyle(OKABE_ITO["vermillion"], "dashed", "tee", "rebuts"),
    AttackKind.UNDERCUT.value: EdgeStyle(
        OKABE_ITO["reddish_purple"], "dotted", "tee", "undercuts an inference", 2.0
    ),
    "qualify": EdgeStyle("#000000", "dashed", "odiamond", "qualifies (limits, never defeats)"),
    "concede": EdgeStyle("#666666", "dotted", "odot", "conceded (granted, held despite)"),
}

QUESTION_STYLE = NodeStyle("plaintext", "#FFFFFF", "#000000", 0.0, style="")
JUNCTION_FILL = OKABE_ITO["bluish_green"]
FONT = "Helvetica"
SMALL_FONT_COLOR = "#555555"
#: Text colour of faded context nodes (another pole's or theme's, shown only for their links).
FADED_FONT_COLOR = "#777777"
#: The text's own hedge word ("apparently") in a node's header or on an edge: a dark brown, apart
#: from the grey of other small text and from every pole and overlay colour.
HEDGE_FONT_COLOR = "#7A4A00"
#: Background of a theme's sub-cluster inside a pole.
THEME_CLUSTER_FILL = "#FFFFFF"


def faded(node_style: NodeStyle) -> NodeStyle:
    """The same shape drawn as context: white, grey and dashed, so it reads as "not this view's"."""
    parts = [part for part in node_style.style.split(",") if part and part != "bold"]
    if "dashed" not in parts:
        parts.append("dashed")
    return attrs.evolve(node_style, fill="#FFFFFF", border="#999999", penwidth=1.0, style=",".join(parts))
