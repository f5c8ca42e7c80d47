"""The comparison page: the joint diagram of two linked maps and what changed, as one self-contained page.

The comparison stage (a later stage, which this module may not import) hands over plain data: the
joint :class:`~argmap.view.build.View` of the two maps and a JSON-ready report (the ``argmap
compare --format json`` document plus the maps' pole and theme labels). This module lays the view
out with Graphviz, reduces the SVG to allowed elements and attributes
(:mod:`~argmap.export.html.layout`), and writes the page with the same security model as the
viewer (:mod:`~argmap.export.html.page`): a policy allowing only the inlined script and style by
hash, the data in a JSON block nothing can break out of, and a script (``assets/compare.js``) that
inserts every string as text.

May import ``view``, :mod:`argmap.export.dot`, :mod:`argmap.export.image` and the other html
modules; never ``comparison`` or ``cli``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap._version import __version__
from argmap.export.dot import digraph
from argmap.export.html.layout import svg_tree
from argmap.export.html.page import asset, diagram_pane, fill_shell, page_end, page_head, page_script
from argmap.export.image import pipe
from argmap.view.build import View
from argmap.view.contract import view_to_json

__all__ = ["COMPARE_PAYLOAD_VERSION", "compare_payload", "render_compare_page", "to_compare_html"]

#: Raised when the page's data changes incompatibly (the page and its data always ship together).
COMPARE_PAYLOAD_VERSION = 1

_SHELL = (
    page_head("argmap comparison")
    + """<header><h1 id="title"></h1><p id="summary"></p></header>
<div class="toolbar" role="toolbar" aria-label="Report filters and diagram controls">
<label>Pole <select id="f-pole"></select></label>
<label>Change <select id="f-change"></select></label>
<span id="filter-count" class="count" aria-live="polite"></span>
<button id="clear" type="button">Clear selection</button>
<button id="fit" type="button">Fit to screen</button>
</div>
<main>
"""
    + diagram_pane("Joint diagram")
    + """<aside>
<section id="report" aria-label="What changed, theme by theme"></section>
<section id="details" aria-label="Selected point in both documents"></section>
</aside>
</main>
"""
    + page_end("argmap-compare-data")
)


def compare_payload(view: View, svg: bytes, report: Mapping[str, Any]) -> dict[str, Any]:
    """What the page knows: the joint view's nodes and legend, the sanitised layout and the report.

    ``report`` is the comparison's JSON document (``argmap-compare``) with a ``labels`` entry
    (``{"a": {"poles": {id: label}, "themes": {...}}, "b": ...}``); it is passed through as data.
    """
    view_json = view_to_json(view)
    return {
        "version": COMPARE_PAYLOAD_VERSION,
        "title": view.title,
        "nodes": {
            node["id"]: {"group": node["group"], "fill": node["style"]["fill"]} for node in view_json["nodes"]
        },
        "edges": [
            {"tail": e["tail"], "head": e["head"], "relation": e["relation"]} for e in view_json["edges"]
        ],
        "legend": view_json["legend"],
        "svg": svg_tree(svg),
        "report": dict(report),
    }


def render_compare_page(payload: Mapping[str, Any], version: str) -> str:
    """The whole page for ``payload`` (see :func:`compare_payload`)."""
    return fill_shell(_SHELL, page_script("compare.js"), asset("compare.css"), payload, version)


def to_compare_html(view: View, report: Mapping[str, Any], *, svg: bytes | None = None) -> str:
    """The comparison page of a joint ``view`` and its ``report``; Graphviz lays the view out
    unless its ``svg`` is given.

    Raises
    ------
    RenderError
        Graphviz ``dot`` is missing or failed.
    """
    drawn = svg if svg is not None else pipe(digraph(view), "svg")
    return render_compare_page(compare_payload(view, drawn, report), __version__)
