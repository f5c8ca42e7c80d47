"""The comparison as a page of the HTML viewer: the joint diagram beside the report, line by line.

Builds the plain data the html exporter (:mod:`argmap.export.html.compare_page`, an earlier stage
that may not import this one) turns into a page: the joint view
(:func:`~argmap.comparison.diagram.joint_view`) and the JSON report
(:func:`~argmap.comparison.report.comparison_to_json`) with each map's pole and theme labels, so the
page can name what the report's ids stand for.

Imports ``model``, ``export`` and the comparison data, diagram and report.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from argmap._files import write_atomic
from argmap.comparison.diagram import joint_view
from argmap.comparison.diff import DEFAULT_SEMANTICS, Comparison, compare
from argmap.comparison.links import LinkSet
from argmap.comparison.report import comparison_to_json
from argmap.export.html.compare_page import to_compare_html
from argmap.model import ArgumentMap

__all__ = ["comparison_html", "page_report", "write_comparison_html"]


def _labels(amap: ArgumentMap) -> dict[str, Any]:
    return {
        "title": amap.title,
        "poles": {pole.id: pole.label for pole in amap.poles},
        "themes": {theme.id: theme.label for theme in amap.themes},
    }


def page_report(comparison: Comparison, a: ArgumentMap, b: ArgumentMap) -> dict[str, Any]:
    """The report the page shows: the JSON report plus each map's title, pole and theme labels."""
    report = comparison_to_json(comparison)
    report["labels"] = {"a": _labels(a), "b": _labels(b)}
    return report


def comparison_html(
    a: ArgumentMap,
    b: ArgumentMap,
    links: LinkSet,
    *,
    semantics: str = DEFAULT_SEMANTICS,
    comparison: Comparison | None = None,
) -> str:
    """The comparison page of ``a`` (the earlier map) and ``b`` through ``links``: one HTML file.

    The joint diagram (pan, zoom) sits beside the report, theme by theme and filterable by pole and
    kind of change; clicking a line focuses its nodes on both sides and shows each side's text and
    quote; clicking a node lists its links. ``comparison`` saves recomputing one already made.

    Raises
    ------
    RenderError
        Graphviz ``dot`` is missing or failed.
    """
    result = comparison if comparison is not None else compare(a, b, links, semantics=semantics)
    return to_compare_html(joint_view(result, a, b), page_report(result, a, b))


def write_comparison_html(
    a: ArgumentMap,
    b: ArgumentMap,
    links: LinkSet,
    path: str | os.PathLike[str],
    *,
    semantics: str = DEFAULT_SEMANTICS,
    comparison: Comparison | None = None,
) -> Path:
    """Write :func:`comparison_html` to ``path`` atomically (nothing is written on failure)."""
    return write_atomic(path, comparison_html(a, b, links, semantics=semantics, comparison=comparison))
