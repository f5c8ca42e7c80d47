"""The joint diagram: two maps side by side, aligned themes facing each other, links drawn across.

:func:`joint_view` turns a :class:`~argmap.comparison.diff.Comparison` into a plain-data
:class:`~argmap.view.build.View` (``layout="columns"``): map a (the earlier document) is the left
``map`` group and map b the right one; each holds one ``theme`` group per aligned theme group with
linked propositions on that side, in the same order on both sides, so related boxes face each
other. Every proposition link is a ``link`` edge in its relation's colour, line style and arrowhead
(Okabe-Ito colours, readable in greyscale); a point that moved to the other pole is drawn thick.
Unlinked propositions are counted in their group's title, not drawn. The legend lists exactly the
marks drawn. The DOT and image exporters (:mod:`argmap.export.dot`, :mod:`argmap.export.image`)
draw it like any view, and the view's JSON contract describes it.

A proposition with several themes is drawn once, under the group of its first theme; its header
names the other themes (``also: ...``).

Imports ``model``, ``errors``, ``view``, ``export`` and the comparison data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import graphviz

from argmap._files import write_atomic
from argmap.comparison.diff import DEFAULT_SEMANTICS, NO_THEME, Change, Comparison, NodeRef, compare
from argmap.comparison.links import LinkSet, Relation
from argmap.errors import InputError
from argmap.export.dot import digraph
from argmap.export.image import OUTPUT_FORMATS, format_from_path, pipe
from argmap.model import ArgumentMap
from argmap.view import ViewOptions
from argmap.view.build import CitationInfo, Edge, Group, LabelPart, LegendEntry, Node, View
from argmap.view.contract import view_to_json
from argmap.view.labels import wrap_lines
from argmap.view.palette import OKABE_ITO, POLE_FILLS, EdgeStyle, NodeStyle, pole_fill

__all__ = [
    "DIAGRAM_FORMATS",
    "RELATION_LOOK",
    "joint_digraph",
    "joint_dot",
    "joint_view",
    "node_name",
    "render_joint",
    "write_diagram",
]

#: What ``--diagram`` writes: DOT, the joint view's JSON, or an image made by Graphviz.
DIAGRAM_FORMATS = OUTPUT_FORMATS

#: Colour, line style and arrowhead of each relation.
RELATION_LOOK: Mapping[Relation, EdgeStyle] = {
    Relation.SAME: EdgeStyle(OKABE_ITO["bluish_green"], "solid", "normal", Relation.SAME.description, 1.2),
    Relation.REFINES: EdgeStyle(OKABE_ITO["blue"], "dashed", "empty", Relation.REFINES.description, 1.2),
    Relation.UPDATES: EdgeStyle(OKABE_ITO["orange"], "solid", "vee", Relation.UPDATES.description, 1.2),
    Relation.CONTRADICTS: EdgeStyle(
        OKABE_ITO["vermillion"], "bold", "tee", Relation.CONTRADICTS.description, 2.2
    ),
}
#: Line width of a link whose two sides sit in poles that do not correspond.
MOVED_PENWIDTH = 2.6
_WRAP = 52
_MAX_LINES = 2
_NODE_BORDER = "#555555"
_THEME_FILL, _THEME_BORDER = "#F7F7F7", "#CCCCCC"
_MAP_FILL, _MAP_BORDER = "#FFFFFF", "#999999"


def node_name(side: str, pid: str) -> str:
    """The joint view's id of proposition ``pid`` of map ``side`` (``a`` or ``b``).

    Not ``a:id``: in a DOT edge, what follows a colon is read as a port.
    """
    return f"{side}~{pid}"


def _body(text: str) -> tuple[str, ...]:
    lines = wrap_lines(" ".join(text.split()), _WRAP)
    if len(lines) > _MAX_LINES:
        lines = [*lines[: _MAX_LINES - 1], lines[_MAX_LINES - 1].rstrip(".,;") + " …"]
    return tuple(lines)


def _theme_labels(amap: ArgumentMap, themes: tuple[str, ...]) -> list[str]:
    return [amap.index.themes[t].label if t in amap.index.themes else t for t in themes]


def _node(side: str, ref: NodeRef, amap: ArgumentMap, fill: str, group: str) -> Node:
    prop = amap.index.propositions.get(ref.id)
    header = [LabelPart("id", ref.id)]
    also = _theme_labels(amap, ref.themes[1:])
    if also:
        header.append(LabelPart("theme", "also: " + ", ".join(also)))
    tooltip = f"{ref.id}: {ref.text}" + (f" — “{ref.quote}”" if ref.quote else "")
    if ref.locator:
        tooltip += f" ({ref.locator})"
    if ref.themes:
        tooltip += " — themes: " + ", ".join(_theme_labels(amap, ref.themes))
    citation = None
    if prop is not None and prop.citation is not None:
        cite = prop.citation
        source = amap.index.sources.get(cite.source)
        citation = CitationInfo(
            cite.source, source.title if source else None, cite.locator, cite.quote, cite.footnotes
        )
    style = NodeStyle("box", fill, _NODE_BORDER, 1.0)
    return Node(
        id=node_name(side, ref.id),
        role=ref.role,
        text=ref.text,
        pole=ref.pole,
        themes=ref.themes,
        header=tuple(header),
        body=_body(ref.text),
        footer=(),
        hidden_note=None,
        tooltip=tooltip,
        citation=citation,
        speaker=None,
        note=prop.note if prop is not None else None,
        faded=False,
        style=style,
        fill=fill,
        text_colour="#000000",
        emphasis=False,
        overlay=None,
        group=group,
    )


def _fills(comparison: Comparison, a: ArgumentMap, b: ArgumentMap) -> tuple[dict[str, str], dict[str, str]]:
    """Each pole's fill per side; a pole of b takes the colour of the pole of a it is linked to
    (the first such pole, when several of a's poles are linked to it)."""
    fills_a = {pole.id: pole_fill(n)[0] for n, pole in enumerate(a.poles)}
    fills_b = {pole.id: pole_fill(n)[0] for n, pole in enumerate(b.poles)}
    paired: set[str] = set()
    for shift in comparison.poles:
        if shift.a_pole and shift.b_pole and shift.a_pole in fills_a and shift.b_pole not in paired:
            fills_b[shift.b_pole] = fills_a[shift.a_pole]
            paired.add(shift.b_pole)
    return fills_a, fills_b


def _legend(
    maps: tuple[ArgumentMap, ArgumentMap],
    nodes: list[Node],
    edges: list[Edge],
    fills: tuple[Mapping[str, str], Mapping[str, str]],
) -> tuple[LegendEntry, ...]:
    """One row per mark drawn: each relation drawn, the thick line if drawn, each pole fill used."""
    entries: list[LegendEntry] = []
    drawn = {edge.relation for edge in edges}
    for relation, look in RELATION_LOOK.items():
        if relation.value in drawn:
            entries.append(
                LegendEntry(
                    "link",
                    relation.value,
                    f"{relation.value}: {relation.description}",
                    look.color,
                    line=look.style,
                    arrow=look.arrow,
                )
            )
    if any(edge.style is not None and edge.style.penwidth == MOVED_PENWIDTH for edge in edges):
        entries.append(
            LegendEntry("link", "moved", "thick: moved to the other pole", _NODE_BORDER, line="bold")
        )
    # One row per fill drawn, naming every pole drawn in it: a's poles, then b's, in map order.
    used = {(node.id.split("~", 1)[0], node.pole) for node in nodes}
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for side, amap, side_fills in (("a", maps[0], fills[0]), ("b", maps[1], fills[1])):
        for pole in amap.poles:
            if (side, pole.id) in used:
                rows.setdefault(side_fills[pole.id], []).append((side, pole.id, pole.label))
    for fill, poles in rows.items():
        label = " ↔ ".join(f"{text or pole} ({side})" for side, pole, text in poles)
        key = "~".join(f"{side}:{pole}" for side, pole, _ in poles)
        # The border as in a map's own pole rows: each pole tint has one.
        entries.append(LegendEntry("pole", key, label, dict(POLE_FILLS).get(fill), fill))
    return tuple(entries)


def joint_view(comparison: Comparison, a: ArgumentMap, b: ArgumentMap) -> View:
    """The joint diagram of ``comparison`` (of maps ``a`` and ``b``) as a plain-data view."""
    fills = _fills(comparison, a, b)
    nodes: list[Node] = []
    groups: list[Group] = []
    for side, amap, side_fills in (("a", a, fills[0]), ("b", b, fills[1])):
        map_id = f"map:{side}"
        # Groups with nothing linked on this side get no box: an empty box would sit in the
        # other map's column and push this whole side below it. They are named in the caption.
        bare: list[str] = []
        children: list[Group] = []
        # A proposition linked into several theme groups (one of its own themes, another through
        # the other side's) is drawn once, in the first.
        drawn: set[str] = set()
        for n, group in enumerate(comparison.groups):
            refs: dict[str, NodeRef] = {}
            unlinked = 0
            for item in comparison.in_group(group.key, also=False):
                ref = item.a if side == "a" else item.b
                if ref is None:
                    continue
                if item.a is None or item.b is None:
                    unlinked += 1
                elif ref.id not in drawn:
                    refs.setdefault(ref.id, ref)
            themes = group.a_themes if side == "a" else group.b_themes
            title = " + ".join(_theme_labels(amap, themes)) or (
                "no theme" if group.key == NO_THEME else "not a theme here"
            )
            if not refs:
                if unlinked:
                    bare.append(f"{title} ({unlinked})")
                continue
            if unlinked:
                title += f" (+{unlinked} not linked)"
            drawn.update(refs)
            group_id = f"theme:{side}:{n}"
            members = []
            for ref in refs.values():
                nodes.append(_node(side, ref, amap, side_fills.get(ref.pole or "", "#FFFFFF"), group_id))
                members.append(nodes[-1].id)
            children.append(
                Group(
                    group_id,
                    "theme",
                    group.key,
                    title,
                    tuple(members),
                    _THEME_FILL,
                    _THEME_BORDER,
                    parent=map_id,
                    index=n,
                )
            )
        caption = f"nothing linked: {'; '.join(bare)}" if bare else None
        groups.append(
            Group(
                map_id,
                "map",
                side,
                amap.title,
                (),
                _MAP_FILL,
                _MAP_BORDER,
                index=0 if side == "a" else 1,
                caption=caption,
            )
        )
        groups.extend(children)
    edges: list[Edge] = []
    seen: set[tuple[str, str]] = set()
    for item in comparison.items:
        if item.a is None or item.b is None or item.relation is None:
            continue
        if (item.a.id, item.b.id) in seen:
            continue
        seen.add((item.a.id, item.b.id))
        look = RELATION_LOOK[item.relation]
        moved = item.change is Change.MOVED_POLE
        if moved:
            look = EdgeStyle(look.color, look.style, look.arrow, look.label, MOVED_PENWIDTH)
        pair = f"{item.a.id}~{item.b.id}"
        edges.append(
            Edge(
                f"link:{pair}",
                pair,
                item.relation.value,
                node_name("a", item.a.id),
                node_name("b", item.b.id),
                part="link",
                style=look,
                tooltip=f"{item.relation.value}{' (moved pole)' if moved else ''}"
                + (f": {item.note}" if item.note else ""),
            )
        )
    # Ranks run right to left, and every edge is drawn from its head (b) back to its tail (a): map
    # a's column is on the left, map b's on the right, and each arrowhead points into map b.
    options = ViewOptions(direction="RL", show_question=False)
    return View(
        title=f"{comparison.a_title}  →  {comparison.b_title}",
        question=None,
        question_lines=(),
        caption="",
        options=options,
        nodes=tuple(nodes),
        junctions=(),
        edges=tuple(edges),
        groups=tuple(groups),
        loose=(),
        legend=_legend((a, b), nodes, edges, fills),
        layout="columns",
    )


def joint_digraph(comparison: Comparison, a: ArgumentMap, b: ArgumentMap) -> graphviz.Digraph:
    """The joint diagram as a ``graphviz.Digraph``, drawn by the DOT exporter from :func:`joint_view`."""
    return digraph(joint_view(comparison, a, b))


def joint_dot(a: ArgumentMap, b: ArgumentMap, links: LinkSet, *, semantics: str = DEFAULT_SEMANTICS) -> str:
    """DOT text of the joint diagram of ``a`` and ``b`` through ``links``."""
    source: str = joint_digraph(compare(a, b, links, semantics=semantics), a, b).source
    return source


def render_joint(view: View, fmt: str) -> bytes:
    """The joint view as DOT text, view JSON (UTF-8) or an image made by Graphviz ``dot``."""
    if fmt not in DIAGRAM_FORMATS:
        raise InputError(
            f"unknown diagram format {fmt!r}; expected one of {', '.join(DIAGRAM_FORMATS)}", code="U001"
        )
    if fmt == "json":
        import json

        return (json.dumps(view_to_json(view), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    graph = digraph(view)
    if fmt == "dot":
        source: str = graph.source
        return source.encode("utf-8")
    return pipe(graph, fmt)


def write_diagram(
    a: ArgumentMap,
    b: ArgumentMap,
    links: LinkSet,
    path: str | os.PathLike[str],
    *,
    comparison: Comparison | None = None,
) -> Path:
    """Write the joint diagram to ``path`` (format from its suffix), atomically."""
    try:
        fmt = format_from_path(path)
    except InputError:
        # The exporter's message names --format, which for `compare` is the report's format.
        raise InputError(
            f"cannot tell the diagram format; end the file name in .{', .'.join(DIAGRAM_FORMATS)}",
            os.fspath(path),
            code="U001",
        ) from None
    result = comparison if comparison is not None else compare(a, b, links)
    return write_atomic(path, render_joint(joint_view(result, a, b), fmt))
