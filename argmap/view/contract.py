"""The view as JSON: a documented, versioned contract for viewers and other tools.

:func:`view_to_json` turns a :class:`~argmap.view.build.View` into plain JSON data (dicts, lists,
strings, numbers, booleans, ``null``) that validates against ``view.schema.json`` shipped beside
this module (:func:`view_schema`). The contract is described in ``docs/view-json.md``.

Versioning: ``version`` is an integer. Adding a field keeps the version (consumers ignore fields
they do not know); renaming, removing or changing the meaning of a field raises it. Strings are
the map's own text, unescaped: a consumer inserts them as text, never as markup. May import the
other ``view`` modules; never ``export``, ``cli`` or graphviz.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from argmap.view import palette as st
from argmap.view.build import Edge, Group, Junction, LegendEntry, Node, View

__all__ = ["VIEW_JSON_FORMAT", "VIEW_JSON_VERSION", "view_schema", "view_to_json"]

#: The ``format`` field of every view document.
VIEW_JSON_FORMAT = "argmap-view"
#: Raised only for incompatible changes (a field renamed, removed or changed in meaning).
VIEW_JSON_VERSION = 1


@cache
def _schema_text() -> str:
    return resources.files("argmap.view").joinpath("view.schema.json").read_text(encoding="utf-8")


def view_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`view_to_json`'s output (a fresh copy each call)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


def _line(style: str) -> str:
    parts = style.split(",")
    return next((p for p in ("dashed", "dotted", "bold") if p in parts), "solid")


def _node(node: Node) -> dict[str, Any]:
    style = node.style
    return {
        "id": node.id,
        "kind": "proposition",
        "role": node.role,
        "pole": node.pole,
        "themes": list(node.themes),
        "text": node.text,
        "label": {
            "header": [{"kind": part.kind, "text": part.text} for part in node.header],
            "body": list(node.body),
            "footer": list(node.footer),
            "hidden_note": node.hidden_note,
        },
        "tooltip": node.tooltip,
        "citation": None
        if node.citation is None
        else {
            "source": node.citation.source,
            "source_title": node.citation.source_title,
            "locator": node.citation.locator,
            "quote": node.citation.quote,
            "footnotes": list(node.citation.footnotes),
        },
        "speaker": None
        if node.speaker is None
        else {
            "name": node.speaker.name,
            "affiliation": node.speaker.affiliation,
            "title": node.speaker.title,
            "short": node.speaker.short,
        },
        "note": node.note,
        "faded": node.faded,
        "hidden": None
        if node.hidden is None
        else {"supporters": node.hidden.supporters, "attackers": node.hidden.attackers},
        "group": node.group,
        "style": {
            "shape": style.shape,
            "fill": node.fill,
            "border": style.border,
            "text": node.text_colour,
            "line": _line(style.style),
            "rounded": "rounded" in style.style.split(","),
            "penwidth": style.penwidth,
            "emphasis": node.emphasis,
        },
        "reports": [
            {
                "attribution": report.attribution,
                "speaker": {
                    "name": report.speaker.name,
                    "affiliation": report.speaker.affiliation,
                    "title": report.speaker.title,
                    "short": report.speaker.short,
                },
                "act": report.act,
                "hedge": report.hedge,
            }
            for report in node.reports
        ],
        "overlay": None
        if node.overlay is None
        else {
            "fill": node.overlay.fill,
            "badge": node.overlay.badge,
            "label": node.overlay.label,
            "strength": node.overlay.strength,
        },
    }


def _junction(junction: Junction) -> dict[str, Any]:
    return {
        "id": junction.id,
        "kind": "junction",
        "inference": junction.inference,
        "premises": list(junction.premises),
        "conclusion": junction.conclusion,
        "label": junction.label,
        "tooltip": junction.tooltip,
        "group": junction.group,
        "faded": junction.faded,
        "hedge": junction.hedge,
        "style": {"fill": st.JUNCTION_FILL},
    }


def _edge(edge: Edge) -> dict[str, Any]:
    edge_style = edge.style or st.RELATION_STYLES[edge.relation]
    out: dict[str, Any] = {
        "id": edge.id,
        "ref": edge.ref,
        "relation": edge.relation,
        "tail": edge.tail,
        "head": edge.head,
        "part": edge.part,
        "label": edge.label,
        "marker": edge.marker,
        "context": edge.context,
        "hedge": edge.hedge,
        "style": {
            "colour": edge_style.color,
            "line": edge_style.style,
            "arrow": "none" if edge.part == "premise" else edge_style.arrow,
            "penwidth": edge_style.penwidth,
        },
    }
    # Optional fields appear only when set, so the documents of map views stay as they were.
    if edge.tooltip is not None:
        out["tooltip"] = edge.tooltip
    return out


def _group(group: Group) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": group.id,
        "kind": group.kind,
        "ref": group.ref,
        "label": group.label,
        "members": list(group.members),
        "parent": group.parent,
        "context": group.context,
        "colours": {"fill": group.fill, "border": group.border},
    }
    if group.caption is not None:
        out["caption"] = group.caption
    return out


def _legend(entry: LegendEntry) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "key": entry.key,
        "label": entry.label,
        "colour": entry.colour,
        "fill": entry.fill,
        "line": entry.line,
        "arrow": entry.arrow,
    }


def view_to_json(view: View) -> dict[str, Any]:
    """The view as JSON data (see ``docs/view-json.md``); ``json.dumps`` of it is stable."""
    options = view.options
    out: dict[str, Any] = {
        "format": VIEW_JSON_FORMAT,
        "version": VIEW_JSON_VERSION,
        "title": view.title,
        "question": view.question,
        "question_lines": list(view.question_lines),
        "caption": view.caption,
        "direction": view.direction,
        "options": {
            "direction": options.direction,
            "show_evidence": options.show_evidence,
            "poles": None if options.poles is None else list(options.poles),
            "themes": None if options.themes is None else list(options.themes),
            "depth": options.depth,
            "group_themes": options.group_themes,
            "show_skeleton": options.show_skeleton,
            "context": options.context,
            "show_hidden_counts": options.show_hidden_counts,
            "show_legend": options.show_legend,
            "show_question": options.show_question,
            "show_locators": options.show_locators,
            "wrap": options.wrap,
        },
        "nodes": [_node(node) for node in view.nodes],
        "junctions": [_junction(junction) for junction in view.junctions],
        "edges": [_edge(edge) for edge in view.edges],
        "groups": [_group(group) for group in view.groups],
        "loose": list(view.loose),
        "legend": [_legend(entry) for entry in view.legend],
    }
    if view.layout != "graph":
        out["layout"] = view.layout
    return out
