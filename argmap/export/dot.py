"""Rendering: a view and a style become a ``graphviz.Digraph``; only here is ``dot`` ever run.

Building DOT is pure and needs no binary (:func:`to_digraph`, :func:`to_dot`); images (SVG,
PNG, PDF) go through Graphviz (:func:`render_bytes`, :func:`render_file`). Conclusions sit
above their premises: support and attack edges run from the conclusion down to the premise
with ``dir=back``, so ranks follow the argument while arrowheads still point at what is
supported or attacked. User text reaches DOT only through HTML-escaped labels or
``graphviz.escape``.
"""

from __future__ import annotations

import html
import os
import subprocess
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs
import graphviz

from argmap._files import write_atomic
from argmap.errors import InputError, RenderError
from argmap.model.core import ArgumentMap, Proposition, Role
from argmap.view import palette as st
from argmap.view.overlay import Overlay
from argmap.view.select import Edge, Junction, View, ViewOptions, make_view, short_speaker

__all__ = [
    "OUTPUT_FORMATS",
    "Overlay",
    "RenderOptions",
    "render_bytes",
    "render_file",
    "to_digraph",
    "to_dot",
    "view_caption",
]

#: Output formats by name; ``dot`` is the DOT source itself and needs no binary.
OUTPUT_FORMATS = ("svg", "png", "pdf", "dot")


@attrs.frozen
class RenderOptions:
    """Output format plus what to show (:class:`~argmap.view.ViewOptions`)."""

    format: str = attrs.field(default="svg", validator=attrs.validators.in_(OUTPUT_FORMATS))
    view: ViewOptions = attrs.field(factory=ViewOptions)
    #: Node id -> overlay, e.g. from an evaluation; ids not in the map are ignored.
    overlay: Mapping[str, Overlay] = attrs.field(factory=dict)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width=width, break_long_words=True) or [""])
    return lines


def _small(text: str) -> str:
    return f'<FONT POINT-SIZE="9" COLOR="{st.SMALL_FONT_COLOR}">{text}</FONT>'


def _footer(prop: Proposition) -> str:
    parts: list[str] = []
    if prop.citation is not None:
        cite = prop.citation
        parts.append(cite.locator or cite.source)
        if cite.footnotes:
            parts.append("fn " + ", ".join(cite.footnotes))
    if prop.speaker is not None:
        parts.append(short_speaker(prop.speaker))  # the full affiliation is in the tooltip
    return " · ".join(parts)


def _in_theme_cluster(prop: Proposition, view: View) -> bool:
    """Whether ``prop`` is drawn inside a theme sub-cluster of its pole (see ``group_themes``)."""
    return (
        view.options.group_themes
        and prop.theme is not None
        and prop.role not in (Role.THESIS, Role.EXPLANATION, Role.VERDICT)
        and prop.pole in view.groups
        and prop.pole not in view.context_poles
        and prop.id not in view.faded
    )


def _hidden_note(view: View, pid: str) -> str:
    hidden = view.hidden.get(pid)
    if hidden is None:
        return ""
    parts = []
    if hidden.supporters:
        parts.append(f"{hidden.supporters} supporter{'s' if hidden.supporters != 1 else ''}")
    if hidden.attackers:
        parts.append(f"{hidden.attackers} attacker{'s' if hidden.attackers != 1 else ''}")
    return f"+ {' and '.join(parts)} not shown"


def _node_label(prop: Proposition, view: View, overlay: Overlay | None) -> str:
    amap, options = view.amap, view.options
    header: list[str] = []
    # One theme in view, or a theme sub-cluster around the node: the label would only repeat.
    if prop.theme is not None and prop.theme != view.single_theme and not _in_theme_cluster(prop, view):
        theme = amap.index.themes.get(prop.theme)
        header.append(f"<B>{_esc((theme.label if theme else prop.theme).upper())}</B>")
    faded = prop.id in view.faded
    caption = st.ROLE_STYLES[prop.role].caption
    if caption:
        header.append(_esc(caption))
    if overlay is not None and overlay.badge:
        header.append(f"<B>{_esc(overlay.badge)}</B>")
    rows: list[str] = []
    if header:
        rows.append(f'<TR><TD ALIGN="LEFT">{_small(" · ".join(header))}</TD></TR>')
    width = options.wrap + (10 if prop.role in (Role.VERDICT, Role.EXPLANATION) else 0)
    body = '<BR ALIGN="LEFT"/>'.join(_esc(line) for line in _lines(prop.text, width))
    size = ' POINT-SIZE="15"' if prop.role in (Role.THESIS, Role.VERDICT) else ""
    if faded:
        size += f' COLOR="{st.FADED_FONT_COLOR}"'
    rows.append(f'<TR><TD ALIGN="LEFT"><FONT{size}>{body}</FONT><BR ALIGN="LEFT"/></TD></TR>')
    footer = _footer(prop) if options.show_locators else ""
    if footer:
        footer_lines = '<BR ALIGN="LEFT"/>'.join(_esc(line) for line in _lines(footer, width + 6))
        rows.append(f'<TR><TD ALIGN="LEFT">{_small(footer_lines)}</TD></TR>')
    note = _hidden_note(view, prop.id)
    if note:
        rows.append(f'<TR><TD ALIGN="LEFT">{_small(f"<I>{_esc(note)}</I>")}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>>'


def _tooltip(prop: Proposition) -> str:
    parts = [prop.id]
    if prop.citation is not None:
        cite = prop.citation
        parts.append(f"{cite.source}, {cite.locator or ''}".rstrip(", "))
        if cite.quote:
            parts.append(f"“{cite.quote}”")
    if prop.speaker is not None:
        parts.append(str(prop.speaker))
    if prop.note:
        parts.append(prop.note)
    return str(graphviz.escape(" — ".join(parts)))


def _add_proposition(graph: graphviz.Digraph, prop: Proposition, view: View, overlay: Overlay | None) -> None:
    node_style = st.ROLE_STYLES[prop.role]
    if prop.id in view.faded:
        node_style = st.faded(node_style)
    graph.node(
        prop.id,
        label=_node_label(prop, view, overlay),
        shape=node_style.shape,
        style=node_style.style,
        fillcolor=(overlay.fill if overlay and overlay.fill else node_style.fill),
        color=node_style.border,
        penwidth=str(node_style.penwidth),
        tooltip=_tooltip(prop),
    )


def _add_junction(graph: graphviz.Digraph, junction: Junction) -> None:
    inf = junction.inference
    graph.node(
        f"{inf.id}~inference",
        label="",
        shape="circle",
        width="0.14",
        height="0.14",
        fixedsize="true",
        style="filled",
        fillcolor=st.JUNCTION_FILL,
        color=st.JUNCTION_FILL,
        tooltip=graphviz.escape(f"inference {inf.id}: {' + '.join(junction.premises)} → {inf.conclusion}"),
    )


def _add_junctions(graph: graphviz.Digraph, junctions: Iterable[Junction]) -> None:
    for junction in junctions:
        _add_junction(graph, junction)


def _add_edge(graph: graphviz.Digraph, edge: Edge, direction: str = "TB") -> None:
    edge_style = st.RELATION_STYLES[edge.relation]
    attributes = {
        "color": edge_style.color,
        "style": edge_style.style,
        "penwidth": str(edge_style.penwidth),
        "dir": "back",
        "arrowtail": "none" if edge.part == "premise" else edge_style.arrow,
    }
    if edge.label:
        # Left to right, a layout label takes a rank of its own and doubles the width; an
        # external label is placed after layout instead.
        key = "xlabel" if direction in ("LR", "RL") else "label"
        attributes[key] = f"<{_small(_esc(edge.label))}>"
    if edge.context and edge.relation != "support":
        # An attack to or from context must not drag the context across the layout.
        attributes["constraint"] = "false"
    # Drawn head-to-tail (see module docstring): the graph edge runs from conclusion to premise.
    graph.edge(edge.head, edge.tail, **attributes)


def _graph_label(amap: ArgumentMap, view: View) -> str:
    """Title, then the question, then what the view selects: the same place in every direction."""
    parts = [f"<B>{_esc(amap.title)}</B>"]
    if view.options.show_question and amap.question:
        question = "<BR/>".join(_esc(line) for line in _lines(amap.question, 90))
        parts.append(f'<FONT POINT-SIZE="15"><I>Question:</I> {question}</FONT>')
    caption = view_caption(view)
    if caption:
        parts.append(f'<FONT POINT-SIZE="13" COLOR="{st.SMALL_FONT_COLOR}">{_esc(caption)}</FONT>')
    return f"<{'<BR/>'.join(parts)}>"


def _legend_row(sample: str, text: str) -> str:
    return f'<TR><TD ALIGN="CENTER">{sample}</TD><TD ALIGN="LEFT">{_small(_esc(text))}</TD></TR>'


def _add_legend(graph: graphviz.Digraph, view: View) -> None:
    """One compact table node: it takes the same small space in every layout direction."""
    rows: list[str] = []
    glyphs = {"solid": "———", "dashed": "– – –", "dotted": "·····"}
    for edge_style in st.RELATION_STYLES.values():
        head = "▶" if edge_style.arrow == "normal" else "⊣"
        sample = f'<FONT COLOR="{edge_style.color}"><B>{glyphs.get(edge_style.style, "———")}{head}</B></FONT>'
        rows.append(_legend_row(sample, edge_style.label))
    rows.append(_legend_row(f'<FONT COLOR="{st.JUNCTION_FILL}">●</FONT>', "linked premises (one inference)"))
    for role in Role:
        node_style = st.ROLE_STYLES[role]
        if node_style.caption and any(p.role is role for p in view.propositions):
            cell = (
                f'<TABLE BORDER="1" CELLBORDER="0" COLOR="{node_style.border}" BGCOLOR="{node_style.fill}">'
            )
            rows.append(_legend_row(f'{cell}<TR><TD WIDTH="40"> </TD></TR></TABLE>', node_style.caption))
    if view.faded:
        cell = '<TABLE BORDER="1" CELLBORDER="0" COLOR="#999999" STYLE="dashed">'
        rows.append(
            _legend_row(f'{cell}<TR><TD WIDTH="40"> </TD></TR></TABLE>', "context: shown for its links")
        )
    if view.hidden:
        rows.append(_legend_row(_small("<I>+ n</I>"), "supporters or attackers not shown"))
    table = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{"".join(rows)}</TABLE>'
    with graph.subgraph(name="cluster_legend") as legend:
        legend.attr(label="<<B>Legend</B>>", style="rounded", color="#BBBBBB", fontsize="11")
        legend.node("legend~", label=f"<{table}>", shape="plaintext")


def _add_pole_members(
    cluster: graphviz.Digraph,
    index: int,
    props: tuple[Proposition, ...],
    view: View,
    overlay: Mapping[str, Overlay],
    junctions: Mapping[str, list[Junction]],
) -> None:
    """A pole's propositions, in theme sub-clusters when the view asks for them.

    Each proposition brings the junctions of the inferences into it, so a junction sits in its
    conclusion's box instead of outside every box, where its edges would loop around the pole.
    """
    for prop in props:
        if not _in_theme_cluster(prop, view):
            _add_proposition(cluster, prop, view, overlay.get(prop.id))
            _add_junctions(cluster, junctions.get(prop.id, ()))
    _, border = st.pole_fill(index)
    for number, theme in enumerate(view.amap.themes):
        members = [p for p in props if p.theme == theme.id and _in_theme_cluster(p, view)]
        if not members:
            continue
        with cluster.subgraph(name=f"cluster_pole_{index}_theme_{number}") as sub:
            sub.attr(
                label=f"<<B>{_esc(theme.label.upper())}</B>>",
                style="filled,rounded",
                fillcolor=st.THEME_CLUSTER_FILL,
                color=border,
                penwidth="1",
                fontsize="10",
                fontcolor=st.SMALL_FONT_COLOR,
            )
            for prop in members:
                _add_proposition(sub, prop, view, overlay.get(prop.id))
                _add_junctions(sub, junctions.get(prop.id, ()))


def view_caption(view: View) -> str:
    """A one-line description of what a view selects, e.g. "Theme: Korea · evidence hidden"; "" for all."""
    options, amap = view.options, view.amap
    parts: list[str] = []
    if options.depth is not None:
        parts.append(
            "Overview: theses, explanations, verdict and the claims right below them"
            if options.depth == 1
            else f"Up to {options.depth} steps below the theses"
        )
    if options.poles is not None:
        labels = [amap.index.poles[p].label if p in amap.index.poles else p for p in options.poles]
        parts.append(f"Pole{'s' if len(labels) > 1 else ''}: {', '.join(labels)}")
    if options.themes is not None:
        labels = [amap.index.themes[t].label if t in amap.index.themes else t for t in options.themes]
        parts.append(f"Theme{'s' if len(labels) > 1 else ''}: {', '.join(labels)}")
    if not options.show_evidence:
        parts.append("evidence not shown")
    return " · ".join(parts)


def to_digraph(amap: ArgumentMap, options: RenderOptions | ViewOptions | None = None) -> graphviz.Digraph:
    """The diagram of ``amap`` as a ``graphviz.Digraph``; pure, needs no Graphviz binary."""
    render_options = (
        options if isinstance(options, RenderOptions) else RenderOptions(view=options or ViewOptions())
    )
    view = make_view(amap, render_options.view)
    overlay = render_options.overlay
    graph = graphviz.Digraph(name="argmap")
    graph.attr(
        rankdir=view.options.direction,
        label=_graph_label(amap, view),
        labelloc="t",
        fontname=st.FONT,
        fontsize="20",
        newrank="true",
        nodesep="0.3",
        ranksep="0.45",
        pad="0.3",
        forcelabels="true",
    )
    graph.attr("node", fontname=st.FONT, fontsize="12", margin="0.12,0.06")
    graph.attr("edge", fontname=st.FONT, fontsize="9")
    # Colours follow the pole's place in the map, so a pole keeps its colour in every view.
    pole_index = {pole.id: index for index, pole in enumerate(amap.poles)}
    into: dict[str, list[Junction]] = {}
    for junction in view.junctions:
        into.setdefault(junction.inference.conclusion, []).append(junction)
    for pole_id, props in view.groups.items():
        index = pole_index[pole_id]
        pole = amap.index.poles[pole_id]
        fill, border = st.pole_fill(index)
        context = pole_id in view.context_poles
        with graph.subgraph(name=f"cluster_pole_{index}") as cluster:
            cluster.attr(
                label=f"<<I>{_esc(pole.label)}: linked nodes only</I>>"
                if context
                else f"<<B>{_esc(pole.label)}</B>>",
                style="dashed,rounded" if context else "filled,rounded",
                fillcolor=fill,
                color=border,
                penwidth="1.2" if context else "2",
                fontsize="12" if context else "16",
            )
            _add_pole_members(cluster, index, props, view, overlay, into)
    for prop in view.loose:
        _add_proposition(graph, prop, view, overlay.get(prop.id))
        _add_junctions(graph, into.get(prop.id, ()))
    drawn = {prop.id for props in view.groups.values() for prop in props}
    drawn.update(prop.id for prop in view.loose)
    # A junction whose conclusion is not drawn (not expected of a view) still gets its own node.
    _add_junctions(graph, (j for j in view.junctions if j.inference.conclusion not in drawn))
    for edge in view.edges:
        _add_edge(graph, edge, view.options.direction)
    if view.options.show_legend:
        _add_legend(graph, view)
    return graph


def to_dot(amap: ArgumentMap, options: RenderOptions | ViewOptions | None = None) -> str:
    """DOT source of the diagram; stable for the same map and options."""
    source: str = to_digraph(amap, options).source
    return source


def render_bytes(amap: ArgumentMap, options: RenderOptions | None = None) -> bytes:
    """The diagram in ``options.format``: DOT text as UTF-8, or an image made by Graphviz ``dot``."""
    options = options or RenderOptions()
    graph = to_digraph(amap, options)
    if options.format == "dot":
        source: str = graph.source
        return source.encode("utf-8")
    try:
        data = bytes(graph.pipe(format=options.format, quiet=True))
    except graphviz.ExecutableNotFound:
        raise RenderError(
            "Graphviz 'dot' was not found on PATH; install Graphviz (e.g. 'apt-get install graphviz') "
            "or ask for --format dot"
        ) from None
    except (graphviz.CalledProcessError, subprocess.CalledProcessError) as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz failed: {detail[-1] if detail else exc}") from None
    return data


def format_from_path(path: str | os.PathLike[str]) -> str:
    """The output format a file name asks for (``.gv`` counts as DOT)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = "dot" if suffix == "gv" else suffix
    if suffix not in OUTPUT_FORMATS:
        raise InputError(
            f"{os.fspath(path)}: cannot tell the output format; use --format {'|'.join(OUTPUT_FORMATS)}"
        )
    return suffix


def render_file(
    amap: ArgumentMap, path: str | os.PathLike[str], options: RenderOptions | None = None
) -> Path:
    """Render to ``path`` atomically (nothing is written if rendering fails)."""
    options = options or RenderOptions(format=format_from_path(path))
    return write_atomic(path, render_bytes(amap, options))
