"""Stage 5, the view: what a diagram shows, as plain data every exporter reads.

Owns selection (:mod:`~argmap.view.select`: poles, themes, depth, context), the words around each
node (:mod:`~argmap.view.labels`), the assembled view (:mod:`~argmap.view.build`: nodes with
precomputed label parts, junctions, edges, groups, legend), the palette
(:mod:`~argmap.view.palette`), evaluation overlays (:mod:`~argmap.view.overlay`) and the view's
versioned JSON form (:mod:`~argmap.view.contract`). May import ``model``, ``lint`` and
``evaluation``; never ``export`` or ``cli``, and never graphviz: DOT is one exporter of a view
among others.
"""

from __future__ import annotations

from argmap.view.build import (
    CitationInfo,
    Edge,
    Group,
    Junction,
    LabelPart,
    LegendEntry,
    Node,
    SpeakerInfo,
    View,
    make_view,
)
from argmap.view.contract import VIEW_JSON_VERSION, view_schema, view_to_json
from argmap.view.overlay import Overlay, overlays
from argmap.view.select import DIRECTIONS, Hidden, Selection, ViewOptions, overview, select

__all__ = [
    "DIRECTIONS",
    "VIEW_JSON_VERSION",
    "CitationInfo",
    "Edge",
    "Group",
    "Hidden",
    "Junction",
    "LabelPart",
    "LegendEntry",
    "Node",
    "Overlay",
    "Selection",
    "SpeakerInfo",
    "View",
    "ViewOptions",
    "make_view",
    "overlays",
    "overview",
    "select",
    "view_schema",
    "view_to_json",
]
