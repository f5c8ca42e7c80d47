"""DOT export: a :class:`~argmap.view.View` becomes a ``graphviz.Digraph``; pure, no binary needed.

Every word and colour comes precomputed from the view; this module only lays it out in DOT.
Conclusions sit above their premises: support and attack edges run from the conclusion down to the
premise with ``dir=back``, so ranks follow the argument while arrowheads still point at what is
supported or attacked. User text reaches DOT only through HTML-escaped labels or
``graphviz.escape``. Running ``dot`` to make images is :mod:`argmap.export.image`'s job. May import
``model`` and ``view``; never ``cli``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import attrs
import graphviz

from argmap.model.core import ArgumentMap, Role
from argmap.view import palette as st
from argmap.view.build import Edge, Group, Junction, LabelPart, LegendEntry, Node, View, make_view
from argmap.view.overlay import Overlay
from argmap.view.select import ViewOptions

__all__ = [
    "BODY_LIMIT",
    "OUTPUT_FORMATS",
    "PLACEHOLDER",
    "TOOLTIP_BYTES",
    "Overlay",
    "RenderOptions",
    "clean",
    "digraph",
    "to_digraph",
    "to_dot",
    "view_caption",
]

#: Output formats by name; ``dot`` is the DOT source and ``json`` the view (``docs/view-json.md``):
#: neither needs the Graphviz binary.
OUTPUT_FORMATS = ("svg", "png", "pdf", "dot", "json")


@attrs.frozen
class RenderOptions:
    """Output format plus what to show (:class:`~argmap.view.ViewOptions`)."""

    format: str = attrs.field(default="svg", validator=attrs.validators.in_(OUTPUT_FORMATS))
    view: ViewOptions = attrs.field(factory=ViewOptions)
    #: Node id -> overlay, e.g. from an evaluation; ids not in the map are ignored.
    overlay: Mapping[str, Overlay] = attrs.field(factory=dict)
    #: Node or group id -> URL opened by clicking it in an SVG (:func:`argmap.export.pages.named_links`).
    links: Mapping[str, str] = attrs.field(factory=dict)


#: Longest text put into one node's body, footer, header part, edge or group label (characters).
#: Graphviz rejects any string over 16,384 bytes; these keep a whole label well inside it.
BODY_LIMIT = 1_000
FOOTER_LIMIT = 400
SHORT_LIMIT = 120
#: Heading limits (title, question, caption), so the graph label stays inside Graphviz's limit too.
TITLE_LIMIT = 300
QUESTION_LIMIT = 800
#: Bytes a quoted tooltip may take in the DOT file (Graphviz's own limit is 16,384).
TOOLTIP_BYTES = 16_000
#: Shown for a text that is empty or blank, so no box is ever unlabelled.
PLACEHOLDER = "(no text)"


def _control_table() -> dict[int, str]:
    # C0 controls other than newline become their visible Unicode "control pictures" (NUL -> ␀);
    # DEL likewise; C1 controls, lone surrogates (not encodable) and U+FFFE/U+FFFF (not XML
    # characters, so Graphviz's HTML-label parser rejects them) become U+FFFD.
    table = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A}
    table[0x09] = " "
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    table.update({code: "\ufffd" for code in range(0xD800, 0xE000)})
    table[0xFFFE] = table[0xFFFF] = "\ufffd"
    return table


_CONTROLS = _control_table()
#: Relations drawn as attacks (everything but support; links between maps are not relations).
_ATTACKS = frozenset(key for key in st.RELATION_STYLES if key != "support")
#: Roles that share the rank under the verdict.
_ROW_ROLES = frozenset({Role.THESIS.value, Role.EXPLANATION.value})
#: The skeleton: it keeps the top of the picture.
_SKELETON_ROLES = _ROW_ROLES | {Role.VERDICT.value}


def clean(text: str, limit: int | None = None) -> str:
    """``text`` safe to show: control characters visible, ``\\r\\n`` as newline, cut to ``limit`` with "…"."""
    text = text.replace("\r\n", "\n").translate(_CONTROLS)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _esc(text: str, limit: int | None = SHORT_LIMIT) -> str:
    """User text for an HTML-like label: cleaned, cut, entity-escaped, backslashes doubled.

    Graphviz expands ``\\N``, ``\\G`` and friends even inside HTML labels; a doubled backslash is shown
    as one literal backslash.
    """
    return html.escape(clean(text, limit), quote=True).replace("\\", "\\\\")


def _named(text: str, placeholder: str) -> str:
    """A label that must show something (Graphviz rejects an empty ``<B></B>``)."""
    return _esc(text) if text.strip() else _esc(placeholder)


def _tooltip(text: str) -> str:
    """User text for a tooltip, cut so that the quoted DOT string stays under Graphviz's limit.

    Tooltips are escape strings: the DOT parser halves backslashes and Graphviz then expands
    ``\\N``, ``\\G``, ``\\l`` ..., so a literal backslash needs four in the file.
    """

    def quoted(candidate: str) -> str:
        # graphviz.escape's result must stay as it is: made a plain str again, a tooltip written
        # "<...>" would be emitted unquoted, as an HTML-like string (a syntax error in dot).
        escaped: str = graphviz.escape(candidate.replace("\\", "\\\\"))
        return escaped

    text = clean(text)
    out = quoted(text)
    if len(out.encode("utf-8")) + 2 * out.count('"') <= TOOLTIP_BYTES:
        return out
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        candidate = quoted(text[:mid] + "…")
        if len(candidate.encode("utf-8")) + 2 * candidate.count('"') <= TOOLTIP_BYTES:
            low = mid
        else:
            high = mid - 1
    return quoted(text[:low] + "…")


def _cut_lines(lines: tuple[str, ...], limit: int) -> tuple[list[str], bool]:
    """Whole lines until ``limit`` characters, the last one ending in "…" when cut."""
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) > limit:
            kept.append(line[: max(0, limit - used)] + "…")
            return kept, True
        kept.append(line)
        used += len(line)
    return kept, False


_LEFT_BREAK = '<BR ALIGN="LEFT"/>'


def _small(text: str) -> str:
    # Graphviz rejects a <FONT> with nothing (or only spaces) inside: a no-break space keeps it valid.
    return f'<FONT POINT-SIZE="9" COLOR="{st.SMALL_FONT_COLOR}">{text if text.strip() else "&#160;"}</FONT>'


def _body(node: Node) -> tuple[list[str], bool]:
    """The body lines to draw (a placeholder for blank text) and whether they were cut."""
    if not node.text.strip():
        return [PLACEHOLDER], False
    return _cut_lines(node.body, BODY_LIMIT)


def _hedge(word: str) -> str:
    # Italic and brown: the text's own hedge reads as a quoted word, apart from captions and labels.
    return f'<FONT COLOR="{st.HEDGE_FONT_COLOR}"><I>{_named(word, "(hedged)")}</I></FONT>'


def _header_part(part: LabelPart) -> str:
    if part.kind in ("role", "id"):
        return _esc(part.text)
    if part.kind == "hedge":
        return _hedge(part.text)
    return f"<B>{_named(part.text, '(unnamed)')}</B>"


#: Small (9-pt) header characters per body (12-pt) character: a header line as wide as the body.
HEADER_PER_BODY_CHAR = 1.35


def _header_lines(node: Node) -> list[str]:
    """The header parts packed into lines no wider than the body (a part never split).

    On one line, "from Obstacles (so are the obstacles) · COUNTERING THE UNITED STATES AND EUROPE ·
    might" made its box twice as wide as its text; in a left-to-right view every box that wide
    widens its whole column (benchmarks/bench_layout.py: the cable's convergence pole 7.9 -> 9.9 px).
    """
    width = max((len(line) for line in node.body), default=0)
    limit = max(24, round(width * HEADER_PER_BODY_CHAR))
    lines: list[list[str]] = []
    used = 0
    for part in node.header:
        if lines and used + 3 + len(part.text) <= limit:
            lines[-1].append(_header_part(part))
            used += 3 + len(part.text)
        else:
            lines.append([_header_part(part)])
            used = len(part.text)
    return [" · ".join(line) for line in lines]


def _node_label(node: Node) -> str:
    header = _header_lines(node)
    rows: list[str] = []
    if header:
        rows.append(f'<TR><TD ALIGN="LEFT">{_small(_LEFT_BREAK.join(header))}</TD></TR>')
    lines, _ = _body(node)
    body = '<BR ALIGN="LEFT"/>'.join(_esc(line, None) for line in lines)
    size = ' POINT-SIZE="15"' if node.emphasis else ""
    if node.faded:
        size += f' COLOR="{node.text_colour}"'
    rows.append(f'<TR><TD ALIGN="LEFT"><FONT{size}>{body}</FONT><BR ALIGN="LEFT"/></TD></TR>')
    if node.footer:
        footer, _ = _cut_lines(node.footer, FOOTER_LIMIT)
        footer_lines = '<BR ALIGN="LEFT"/>'.join(_esc(line, None) for line in footer)
        rows.append(f'<TR><TD ALIGN="LEFT">{_small(footer_lines)}</TD></TR>')
    if node.hidden_note:
        rows.append(f'<TR><TD ALIGN="LEFT">{_small(f"<I>{_esc(node.hidden_note)}</I>")}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>>'


def _url(url: str) -> str:
    # URLs are escape strings too; ours are file names made of ids, but keep them inert anyway.
    return _tooltip(url)


def _add_node(graph: graphviz.Digraph, node: Node, url: str | None = None) -> None:
    node_style = node.style
    _, cut = _body(node)
    # A box shows at most BODY_LIMIT characters; the tooltip then starts with the whole text.
    tooltip = f"{node.text} — {node.tooltip}" if cut else node.tooltip
    extra = {"URL": _url(url)} if url else {}
    graph.node(
        node.id,
        label=_node_label(node),
        shape=node_style.shape,
        style=node_style.style,
        fillcolor=node.fill,
        color=node_style.border,
        penwidth=str(node_style.penwidth),
        tooltip=_tooltip(tooltip),
        **extra,
    )


def _add_junction(graph: graphviz.Digraph, junction: Junction) -> None:
    graph.node(
        junction.id,
        label="",
        shape="circle",
        width="0.14",
        height="0.14",
        fixedsize="true",
        style="filled",
        fillcolor=st.JUNCTION_FILL,
        color=st.JUNCTION_FILL,
        tooltip=_tooltip(f"{junction.tooltip} (“{junction.hedge}”)" if junction.hedge else junction.tooltip),
    )


def _forward_attacks(view: View) -> frozenset[str]:
    """The attacks drawn forward, from the attacker to its target (see :func:`_add_edge`).

    An attack normally hangs its attacker one rank beyond its target. An attacker with a place of
    its own in the argument (it supports something drawn, or something drawn supports or attacks
    it) would drag that whole argument a rank further each time, so its attack runs forward from
    where it stands: the essay's attraction pole went from eight columns to five
    (benchmarks/bench_layout.py). An attack on a thesis, explanation or verdict still hangs below
    it: drawn forward, it pulled the essay's estrangement thesis from the top row to the bottom.
    """
    placed = {edge.tail for edge in view.edges if edge.relation == "support"}
    placed.update(edge.head for edge in view.edges)
    skeleton = {node.id for node in view.nodes if node.role in _SKELETON_ROLES}
    return frozenset(
        edge.id
        for edge in view.edges
        if edge.relation in _ATTACKS and edge.tail in placed and edge.head not in skeleton
    )


def _add_edge(graph: graphviz.Digraph, edge: Edge, forward_ids: frozenset[str] = frozenset()) -> None:
    # A link between two maps carries its own look; the map's relations take the palette's.
    edge_style = edge.style or st.RELATION_STYLES[edge.relation]
    forward = edge.id in forward_ids
    arrow = "none" if edge.part == "premise" else edge_style.arrow
    attributes = {
        "color": edge_style.color,
        "style": edge_style.style,
        "penwidth": str(edge_style.penwidth),
        "dir": "forward" if forward else "back",
        "arrowhead" if forward else "arrowtail": arrow,
    }
    if edge.tooltip:
        attributes["tooltip"] = _tooltip(edge.tooltip)
    words = [_hedge(edge.hedge)] if edge.hedge else []
    if edge.marker and edge.label:
        words.append(_esc(edge.marker))
    if words:
        # A layout label (not an xlabel, which Graphviz drops on top of whatever is there): dot
        # gives it room of its own. Long labels are a short marker here, their text in the legend.
        attributes["label"] = f"<{_small(' '.join(words))}>"
        tip = " ".join(text for text in (edge.hedge, edge.label) if text)
        attributes["labeltooltip"] = _tooltip(tip)
    # Context edges keep their say in the layout: a context node then sits next to the node it
    # attacks instead of at the far end of the picture (measured: benchmarks/bench_layout.py).
    # Drawn head-to-tail (see module docstring): the graph edge runs from conclusion to premise.
    if forward:
        graph.edge(edge.tail, edge.head, **attributes)
    else:
        graph.edge(edge.head, edge.tail, **attributes)


def _add_skeleton_row(graph: graphviz.Digraph, view: View) -> None:
    """Theses and explanations on one rank, right under the verdict, in a left-to-right picture.

    Left to themselves they spread over three ranks (an explanation is placed near its deepest
    premise); left to right each rank is a column as wide as its widest box, so the row saves two
    columns (the cable's overview 9.2 -> 11.0 px body text). Top to bottom the spread costs no width
    and the row would make one wide one (the essay's overview 15.7 -> 11.7 px), so it is left out.
    """
    row = [n.id for n in view.nodes if n.role in _ROW_ROLES and not n.faded]
    if len(row) > 1 and view.direction in ("LR", "RL"):
        with graph.subgraph() as same:
            same.attr(rank="same")
            for name in row:
                same.node(name)


def _graph_label(view: View) -> str:
    """Title, then the question, then what the view selects: the same place in every direction."""
    parts = [f"<B>{_esc(view.title if view.title.strip() else '(untitled map)', TITLE_LIMIT)}</B>"]
    if view.question_lines:
        lines, _ = _cut_lines(view.question_lines, QUESTION_LIMIT)
        question = "<BR/>".join(_esc(line, None) for line in lines)
        parts.append(f'<FONT POINT-SIZE="15"><I>Question:</I> {question}</FONT>')
    if view.caption:
        parts.append(
            f'<FONT POINT-SIZE="13" COLOR="{st.SMALL_FONT_COLOR}">{_esc(view.caption, TITLE_LIMIT)}</FONT>'
        )
    return f"<{'<BR/>'.join(parts)}>"


def _legend_row(sample: str, text: str, url: str | None = None) -> str:
    link = f' HREF="{html.escape(clean(url), quote=True)}"' if url else ""
    return f'<TR><TD ALIGN="CENTER"{link}>{sample}</TD><TD ALIGN="LEFT"{link}>{_small(_esc(text))}</TD></TR>'


#: Legend samples of line patterns: a continuous line, spaced dashes, spaced dots (distinct in grey).
_GLYPHS = {"solid": "━━━━━", "dashed": "▬ ▬ ▬", "dotted": "• • • •"}
_HEADS = {"normal": "▶", "tee": "┫", "odiamond": "◇", "odot": "○", "empty": "▷", "vee": "›", "none": ""}


def _legend_sample(entry: LegendEntry) -> str:
    if entry.kind in ("relation", "link"):
        head = _HEADS.get(entry.arrow or "none", "")
        return f'<FONT COLOR="{entry.colour}"><B>{_GLYPHS.get(entry.line or "", "━━━━━")}{head}</B></FONT>'
    if entry.kind == "junction":
        return f'<FONT COLOR="{entry.colour}">●</FONT>'
    if entry.kind == "role":
        cell = f'<TABLE BORDER="1" CELLBORDER="0" COLOR="{entry.colour}" BGCOLOR="{entry.fill}">'
        return f'{cell}<TR><TD WIDTH="40"> </TD></TR></TABLE>'
    if entry.kind == "context":
        cell = f'<TABLE BORDER="1" CELLBORDER="0" COLOR="{entry.colour}" STYLE="{entry.line}">'
        return f'{cell}<TR><TD WIDTH="40"> </TD></TR></TABLE>'
    if entry.kind == "hidden":
        return _small("<I>+ n</I>")
    if entry.kind == "note":
        return _small(_esc(entry.key))
    if entry.kind == "hedge":
        return _small(_hedge("perhaps"))
    if entry.kind == "speech":
        return _small("X asserts")
    cell = f'<TABLE BORDER="1" CELLBORDER="0" COLOR="#777777" BGCOLOR="{entry.fill}">'
    return f'{cell}<TR><TD WIDTH="40"> </TD></TR></TABLE>'


def _add_legend(
    graph: graphviz.Digraph, legend: tuple[LegendEntry, ...], links: Mapping[str, str] | None = None
) -> None:
    """One compact table node: it takes the same small space in every layout direction. A pole's
    row links where its box would (``links["pole:ID"]``) when the poles are tints, not boxes."""
    links = links or {}
    rows = [
        _legend_row(
            _legend_sample(entry),
            entry.label.removeprefix(f"{entry.key} ") if entry.kind == "note" else entry.label,
            links.get(f"pole:{entry.key}") if entry.kind == "pole" else None,
        )
        for entry in legend
    ]
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{"".join(rows)}</TABLE>'
    with graph.subgraph(name="cluster_legend") as legend_graph:
        legend_graph.attr(label="<<B>Legend</B>>", style="rounded", color="#BBBBBB", fontsize="11")
        legend_graph.node("legend~", label=f"<{table}>", shape="plaintext")


def _add_members(
    graph: graphviz.Digraph,
    members: tuple[str, ...],
    nodes: Mapping[str, Node],
    junctions: Mapping[str, Junction],
    links: Mapping[str, str],
) -> None:
    for member in members:
        if member in nodes:
            _add_node(graph, nodes[member], links.get(member))
        else:
            _add_junction(graph, junctions[member])


def _add_group(
    graph: graphviz.Digraph,
    group: Group,
    children: Mapping[str, list[Group]],
    nodes: Mapping[str, Node],
    junctions: Mapping[str, Junction],
    name: str,
    links: Mapping[str, str],
) -> None:
    with graph.subgraph(name=name) as cluster:
        if group.id in links:
            cluster.attr(URL=_url(links[group.id]))
        if group.kind in ("pole", "map"):
            caption = f"<BR/>{_small(_esc(group.caption, TITLE_LIMIT))}" if group.caption else ""
            cluster.attr(
                label=f"<<I>{_named(group.label, '(unnamed pole)')}</I>>"
                if group.context
                else f"<<B>{_named(group.label, '(unnamed pole)')}</B>{caption}>",
                style="dashed,rounded" if group.context else "filled,rounded",
                fillcolor=group.fill,
                color=group.border,
                penwidth="1.2" if group.context else "2",
                fontsize="12" if group.context else "16",
            )
        else:
            cluster.attr(
                label=f"<<B>{_named(group.label, '(UNNAMED THEME)')}</B>>",
                style="filled,rounded",
                fillcolor=group.fill,
                color=group.border,
                penwidth="1",
                fontsize="10",
                fontcolor=st.SMALL_FONT_COLOR,
            )
        _add_members(cluster, group.members, nodes, junctions, links)
        for child in children.get(group.id, ()):
            _add_group(cluster, child, children, nodes, junctions, f"{name}_theme_{child.index}", links)


def digraph(view: View, links: Mapping[str, str] | None = None) -> graphviz.Digraph:
    """The ``graphviz.Digraph`` of a view: pure, deterministic, needs no Graphviz binary.

    ``links`` maps node and group ids to URLs (another page of the map, :mod:`argmap.export.pages`):
    in an SVG, clicking the node or the group's box opens it.
    """
    links = links or {}
    graph = graphviz.Digraph(name="argmap")
    graph.attr(
        rankdir=view.direction,
        label=_graph_label(view),
        labelloc="t",
        fontname=st.FONT,
        fontsize="20",
        newrank="true",
        nodesep="0.3",
        ranksep="0.45",
        # Four times the default effort at removing crossings. Measured with
        # benchmarks/bench_layout.py on every committed view: the cable's obstacles pole 8 -> 4
        # crossings, the essay's attraction pole 3 -> 1, its Korea theme loses its edge through a
        # node; no other view gets worse by more than one crossing; layout time stays well under 1 s.
        mclimit="4",
        pad="0.3",
        forcelabels="true",
    )
    if view.layout == "columns":
        # Two facing columns of boxes with every edge running across: tight columns, and a wide
        # gap so the links between them can be told apart.
        graph.attr(nodesep="0.06", ranksep="2.5")
    graph.attr("node", fontname=st.FONT, fontsize="12", margin="0.12,0.06")
    graph.attr("edge", fontname=st.FONT, fontsize="9")
    nodes = {node.id: node for node in view.nodes}
    junctions = {junction.id: junction for junction in view.junctions}
    children: dict[str, list[Group]] = {}
    for group in view.groups:
        if group.parent is not None:
            children.setdefault(group.parent, []).append(group)
    for group in view.groups:
        if group.parent is None:
            # Cluster names follow the pole's place in the map, as its colour does.
            _add_group(graph, group, children, nodes, junctions, f"cluster_pole_{group.index}", links)
    _add_members(graph, view.loose, nodes, junctions, links)
    if view.options.show_skeleton and view.layout == "graph":  # a joint view keeps its two columns
        _add_skeleton_row(graph, view)
    forward = _forward_attacks(view)
    for edge in view.edges:
        _add_edge(graph, edge, forward)
    if view.legend:
        _add_legend(graph, view.legend, links)
    return graph


def _render_options(options: RenderOptions | ViewOptions | None) -> RenderOptions:
    if isinstance(options, RenderOptions):
        return options
    return RenderOptions(view=options or ViewOptions())


def to_digraph(amap: ArgumentMap, options: RenderOptions | ViewOptions | None = None) -> graphviz.Digraph:
    """The diagram of ``amap`` as a ``graphviz.Digraph``; pure, needs no Graphviz binary."""
    render_options = _render_options(options)
    return digraph(make_view(amap, render_options.view, render_options.overlay), render_options.links)


def to_dot(amap: ArgumentMap, options: RenderOptions | ViewOptions | None = None) -> str:
    """DOT source of the diagram; stable for the same map and options."""
    source: str = to_digraph(amap, options).source
    return source


def view_caption(view: View) -> str:
    """A one-line description of what a view selects (kept for callers of the old API)."""
    return view.caption


_MOVED = {"render_bytes", "render_file", "format_from_path"}


def __getattr__(name: str) -> Any:
    # Image rendering moved to argmap.export.image; old imports from here keep working.
    if name in _MOVED:
        from argmap.export import image

        return getattr(image, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
