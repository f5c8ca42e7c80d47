"""The joint diagram: two maps side by side, aligned themes facing each other, links drawn across.

Map a (the earlier document) is on the left, map b on the right; each side groups its linked
propositions in one box per aligned theme group, in the same order on both sides, so related
boxes face each other. Each relation has its own colour, line style and arrowhead (Okabe-Ito
colours, readable in greyscale). Unlinked propositions are counted in their group's title, not
drawn. Built as a ``graphviz.Digraph`` (no ``dot`` needed for DOT); images go through ``dot``.

Imports ``model``, ``errors``, the view palette, the image exporter and the comparison data.
"""

from __future__ import annotations

import html
import os
import textwrap
from collections.abc import Mapping
from pathlib import Path

import graphviz

from argmap._files import write_atomic
from argmap.comparison.diff import DEFAULT_SEMANTICS, NO_THEME, Change, Comparison, NodeRef, compare
from argmap.comparison.links import LinkSet, Relation
from argmap.errors import InputError
from argmap.export.image import pipe
from argmap.model import ArgumentMap
from argmap.view.palette import FONT, OKABE_ITO, pole_fill

__all__ = ["DIAGRAM_FORMATS", "RELATION_LOOK", "joint_digraph", "joint_dot", "render_joint", "write_diagram"]

DIAGRAM_FORMATS = ("dot", "svg", "png", "pdf")

#: Colour, line style and arrowhead of each relation.
RELATION_LOOK: Mapping[Relation, tuple[str, str, str]] = {
    Relation.SAME: (OKABE_ITO["bluish_green"], "solid", "normal"),
    Relation.REFINES: (OKABE_ITO["blue"], "dashed", "empty"),
    Relation.UPDATES: (OKABE_ITO["orange"], "solid", "vee"),
    Relation.CONTRADICTS: (OKABE_ITO["vermillion"], "bold", "tee"),
}
_WRAP = 52
_MAX_LINES = 2


def _text_lines(text: str) -> str:
    lines = textwrap.wrap(text, _WRAP)
    if len(lines) > _MAX_LINES:
        lines = [*lines[: _MAX_LINES - 1], lines[_MAX_LINES - 1].rstrip(".,;") + " …"]
    return "<BR/>".join(html.escape(line) for line in lines)


def _name(side: str, pid: str) -> str:
    # Not "a:id": in an edge, graphviz reads what follows a colon as a port.
    return f"{side}~{pid}"


def _node(graph: graphviz.Digraph, side: str, ref: NodeRef, fills: Mapping[str, str]) -> None:
    fill = fills.get(ref.pole or "", "#FFFFFF")
    label = f'<<FONT POINT-SIZE="9" COLOR="#555555">{html.escape(ref.id)}</FONT><BR/>{_text_lines(ref.text)}>'
    tooltip = f"{ref.id}: {ref.text}" + (f" — “{ref.quote}”" if ref.quote else "")
    graph.node(
        _name(side, ref.id),
        label,
        shape="box",
        style="filled,rounded",
        fillcolor=fill,
        fontname=FONT,
        fontsize="10",
        tooltip=tooltip,
    )


def joint_digraph(comparison: Comparison, a: ArgumentMap, b: ArgumentMap) -> graphviz.Digraph:
    """The joint diagram of ``comparison`` (of maps ``a`` and ``b``) as a Graphviz digraph."""
    graph = graphviz.Digraph("compare")
    graph.attr(rankdir="LR", newrank="true", nodesep="0.06", ranksep="2.5", fontname=FONT, compound="true")
    graph.attr(
        label=f"{comparison.a_title}  →  {comparison.b_title}", labelloc="t", fontsize="16", fontname=FONT
    )
    fills_a = {pole.id: pole_fill(n)[0] for n, pole in enumerate(a.poles)}
    fills_b = {pole.id: pole_fill(n)[0] for n, pole in enumerate(b.poles)}
    # Give a pole of b the colour of the pole of a it is linked to.
    for shift in comparison.poles:
        if shift.a_pole and shift.b_pole and shift.a_pole in fills_a:
            fills_b[shift.b_pole] = fills_a[shift.a_pole]
    for side, amap, fills in (("a", a, fills_a), ("b", b, fills_b)):
        with graph.subgraph(name=f"cluster_{side}") as outer:
            # Groups with nothing linked on this side get no box: an empty box would sit in the
            # other map's column and push this whole side below it. They are named in the title.
            bare: list[str] = []
            for n, group in enumerate(comparison.groups):
                refs: dict[str, NodeRef] = {}
                unlinked = 0
                for item in comparison.in_group(group.key):
                    ref = item.a if side == "a" else item.b
                    if ref is None:
                        continue
                    if item.a is None or item.b is None:
                        unlinked += 1
                    else:
                        refs.setdefault(ref.id, ref)
                themes = group.a_themes if side == "a" else group.b_themes
                labels = [amap.index.themes[t].label for t in themes if t in amap.index.themes]
                title = " + ".join(labels) or ("no theme" if group.key == NO_THEME else "not a theme here")
                if not refs:
                    if unlinked:
                        bare.append(f"{title} ({unlinked})")
                    continue
                if unlinked:
                    title += f" (+{unlinked} not linked)"
                with outer.subgraph(name=f"cluster_{side}_{n}") as box:
                    box.attr(
                        label=html.escape(title),
                        style="rounded,filled",
                        fillcolor="#F7F7F7",
                        color="#CCCCCC",
                        fontsize="11",
                    )
                    for ref in refs.values():
                        _node(box, side, ref, fills)
            caption = amap.title + (f"\nnothing linked: {'; '.join(bare)}" if bare else "")
            outer.attr(label=html.escape(caption), style="rounded", color="#999999", fontsize="13")
    seen: set[tuple[str, str]] = set()
    for item in comparison.items:
        if item.a is None or item.b is None or item.relation is None:
            continue
        if (item.a.id, item.b.id) in seen:
            continue
        seen.add((item.a.id, item.b.id))
        colour, style, arrow = RELATION_LOOK[item.relation]
        moved = item.change is Change.MOVED_POLE
        graph.edge(
            _name("a", item.a.id),
            _name("b", item.b.id),
            color=colour,
            style=style,
            arrowhead=arrow,
            penwidth="2.2" if moved or item.change is Change.CONTRADICTED else "1.2",
            tooltip=f"{item.relation.value}{' (moved pole)' if moved else ''}: {item.note or ''}",
        )
    rows = "".join(
        f'<TR><TD><FONT COLOR="{colour}">{"━━ " if style != "dashed" else "╌╌ "}{arrow}</FONT></TD>'
        f'<TD ALIGN="LEFT">{html.escape(relation.value)}: {html.escape(relation.description)}</TD></TR>'
        for relation, (colour, style, arrow) in RELATION_LOOK.items()
    )
    graph.node(
        "legend",
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2"><TR><TD COLSPAN="2"><B>Links</B> (thick: '
        f"contradicted or moved to the other pole)</TD></TR>{rows}</TABLE>>",
        shape="box",
        style="rounded",
        fontname=FONT,
        fontsize="10",
    )
    return graph


def joint_dot(a: ArgumentMap, b: ArgumentMap, links: LinkSet, *, semantics: str = DEFAULT_SEMANTICS) -> str:
    """DOT text of the joint diagram of ``a`` and ``b`` through ``links``."""
    source: str = joint_digraph(compare(a, b, links, semantics=semantics), a, b).source
    return source


def render_joint(graph: graphviz.Digraph, fmt: str) -> bytes:
    """The diagram as DOT text (UTF-8) or an image made by Graphviz ``dot``."""
    if fmt == "dot":
        source: str = graph.source
        return source.encode("utf-8")
    if fmt not in DIAGRAM_FORMATS:
        raise InputError(
            f"unknown diagram format {fmt!r}; expected one of {', '.join(DIAGRAM_FORMATS)}", code="U001"
        )
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
    fmt = Path(path).suffix.lower().lstrip(".")
    fmt = "dot" if fmt == "gv" else fmt
    if fmt not in DIAGRAM_FORMATS:
        raise InputError(
            f"cannot tell the diagram format; use one of {', '.join(DIAGRAM_FORMATS)}",
            os.fspath(path),
            code="U001",
        )
    result = comparison if comparison is not None else compare(a, b, links)
    return write_atomic(path, render_joint(joint_digraph(result, a, b), fmt))
