"""Stage 5, the view: what a diagram shows, as plain data every exporter reads.

Owns selection (:mod:`~argmap.view.select`: poles, themes, depth, context), the palette
(:mod:`~argmap.view.palette`) and evaluation overlays (:mod:`~argmap.view.overlay`). May import
``model``, ``lint`` and ``evaluation``; never ``export`` or ``cli``, and never graphviz: DOT is one
exporter of a view among others.
"""

from __future__ import annotations

from argmap.view.overlay import Overlay, overlays
from argmap.view.select import DIRECTIONS, Edge, Hidden, Junction, View, ViewOptions, make_view, overview

__all__ = [
    "DIRECTIONS",
    "Edge",
    "Hidden",
    "Junction",
    "Overlay",
    "View",
    "ViewOptions",
    "make_view",
    "overlays",
    "overview",
]
