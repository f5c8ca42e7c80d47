"""The interactive viewer: one self-contained HTML page per map, and the map in Jupyter.

Owns the page (:mod:`~argmap.export.html.page`: shell, inlined assets, security policy), the data
the page reads (:mod:`~argmap.export.html.payload`, built from the view contract, the model, the
source texts and precomputed evaluations), the diagram's layout (:mod:`~argmap.export.html.layout`:
Graphviz SVG reduced to allowed elements and attributes) and notebook display
(:mod:`~argmap.export.html.notebook`), and the comparison page of two linked maps
(:mod:`~argmap.export.html.compare_page`, from plain data the comparison stage hands it). May
import every stage before ``export`` and :mod:`argmap.export.dot`; never ``cli``. Submodules load
on use so that this package stays light.
"""

from __future__ import annotations

from argmap.export.html.viewer import to_html, write_html

__all__ = ["to_html", "write_html"]
