"""The view: a map, options and an optional overlay become plain data that every exporter reads.

:func:`make_view` runs the selection (:mod:`~argmap.view.select`), then precomputes everything a
picture shows: each node's header parts, wrapped body, footer, hidden-count note and tooltip; the
junctions and edges under one naming rule (:func:`~argmap.view.select.junction_name`); the groups
(poles, theme sub-groups) with labels and colours; the legend entries for the marks actually drawn;
the title, question and caption. A :class:`View` holds no map and no Graphviz object, so the DOT
exporter, the JSON contract (:mod:`~argmap.view.contract`) and the HTML viewer all read the same
thing. May import ``model`` and the other ``view`` modules; never ``export``, ``cli`` or graphviz.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.model.core import ArgumentMap, Proposition, Role
from argmap.view import labels
from argmap.view import palette as st
from argmap.view.overlay import Overlay
from argmap.view.select import Hidden, Selection, ViewOptions, junction_name, select

__all__ = [
    "CitationInfo",
    "Edge",
    "Group",
    "Junction",
    "LabelPart",
    "LegendEntry",
    "Node",
    "ReportInfo",
    "SpeakerInfo",
    "View",
    "make_view",
]

_SKELETON = (Role.THESIS, Role.EXPLANATION, Role.VERDICT)


@attrs.frozen
class LabelPart:
    """One piece of a node's header line: ``kind`` is ``pole`` (a context node drawn in another
    pole's box: "from <pole>"), ``theme``, ``role``, ``hedge`` (the text's own hedge word,
    "apparently"), ``badge`` or ``id`` (the proposition id, in a joint view of two maps)."""

    kind: str
    text: str


@attrs.frozen
class CitationInfo:
    """Where a node's words come from: source id and title, locator, verbatim quote, footnotes."""

    source: str
    source_title: str | None = None
    locator: str | None = None
    quote: str | None = None
    footnotes: tuple[str, ...] = ()


@attrs.frozen
class SpeakerInfo:
    """Who said it: the full speaker, and the short form used in footers."""

    name: str
    affiliation: str | None = None
    title: str | None = None
    short: str = ""


@attrs.frozen
class ReportInfo:
    """Reported speech about a node: who (a person or a group, as the map gives it), the speech act
    (``asserts``, ``concedes``, ``questions``, ``denies``) and the text's hedge on the reporting."""

    attribution: str
    speaker: SpeakerInfo
    act: str
    hedge: str | None = None


@attrs.frozen
class Node:
    """A proposition as drawn: ids and classification, precomputed label parts, colours, overlay."""

    id: str
    role: str
    text: str
    pole: str | None
    themes: tuple[str, ...]
    #: Small line above the body: theme label, role caption, overlay badge (each only when shown).
    header: tuple[LabelPart, ...]
    #: The text wrapped for a box of the view's width.
    body: tuple[str, ...]
    #: Locator, footnotes and short speaker, wrapped (empty when locators are hidden or absent).
    footer: tuple[str, ...]
    #: "+ n supporters ... not shown", or ``None``.
    hidden_note: str | None
    tooltip: str
    citation: CitationInfo | None
    speaker: SpeakerInfo | None
    note: str | None
    #: Shown only as context (another pole's or theme's node linked to this view's).
    faded: bool
    #: The drawing style (shape, fill, border, line), faded when the node is context.
    style: st.NodeStyle
    #: The fill actually drawn: the overlay's when there is one, else the style's.
    fill: str
    #: Text colour of the body.
    text_colour: str
    #: Thesis and verdict are set larger.
    emphasis: bool
    overlay: Overlay | None
    #: Id of the innermost group the node is drawn in, or ``None`` at top level.
    group: str | None
    hidden: Hidden | None = None
    #: Reported speech about the proposition, in map order; the footer names each (when shown).
    reports: tuple[ReportInfo, ...] = ()


@attrs.frozen
class Junction:
    """An inference drawn as a small dot where its premises meet; ``id`` is its node name."""

    id: str
    inference: str
    premises: tuple[str, ...]
    conclusion: str
    label: str | None
    tooltip: str
    group: str | None
    #: The inference concludes in faded context.
    faded: bool = False
    #: The text's hedge on the inference ("perhaps ... explains"), or ``None``.
    hedge: str | None = None


@attrs.frozen
class Edge:
    """A drawn line. ``id`` is unique in the view; ``ref`` is the inference or attack it draws.

    ``relation`` is ``support``, ``rebut`` or ``undercut``; ``tail`` and ``head`` are node or
    junction ids (the arrow points at ``head``); ``part`` is ``whole`` (one premise straight to its
    conclusion, or an attack), ``premise`` (premise to junction, no arrowhead) or ``conclusion``
    (junction to conclusion). In a joint view of two maps, ``part`` is ``link`` and ``relation`` the
    link's (``same``, ``refines``, ``updates``, ``contradicts``), drawn in ``style``.
    """

    id: str
    ref: str
    relation: str
    tail: str
    head: str
    part: str = "whole"
    label: str | None = None
    #: The edge touches faded context.
    context: bool = False
    #: What the picture writes on the edge: the label itself when short, else a numbered marker
    #: such as "[1]" whose full text the legend's notes (and the edge's tooltip) give.
    marker: str | None = None
    #: The text's hedge on the inference this edge concludes ("perhaps"), drawn as a small word on
    #: the edge into the conclusion; ``None`` on premise edges, attacks and unhedged inferences.
    hedge: str | None = None
    #: The edge's own look, for relations outside ``palette.RELATION_STYLES`` (a ``link`` between
    #: two maps: ``same``, ``refines``, ``updates``, ``contradicts``); ``None`` takes the relation's.
    style: st.EdgeStyle | None = None
    #: What hovering the edge says (a link's relation and note); ``None`` for map edges.
    tooltip: str | None = None


@attrs.frozen
class Group:
    """A box around nodes: a pole, or a theme inside a pole (``parent`` is then the pole's group).

    In a joint view of two maps (``View.layout == "columns"``) a ``map`` group holds one map's
    column and its ``theme`` children the aligned theme groups, in the same order in both columns.
    """

    id: str
    kind: str
    ref: str
    label: str
    #: Node and junction ids drawn directly in this group (not in a child group), in drawing order.
    members: tuple[str, ...]
    fill: str
    border: str
    #: A pole shown only for its links to the selected poles.
    context: bool = False
    parent: str | None = None
    #: Position of the pole or theme in the map (its colour follows it in every view).
    index: int = 0
    #: A second, smaller line under the label (a ``map`` group's points with nothing linked).
    caption: str | None = None


@attrs.frozen
class LegendEntry:
    """One legend row: a mark drawn in the picture and what it means.

    ``kind`` is ``relation``, ``junction``, ``role``, ``context``, ``hidden``, ``overlay``,
    ``hedge`` (a hedge word drawn in a header or on an edge), ``speech`` (reported speech in a
    footer: speaker and speech act), ``link`` (a link between two maps: key the relation, or
    ``moved`` for the thick line of a point that moved pole), ``pole`` (a fill standing for a pole,
    or for two linked poles, in a joint view) or ``note`` (an edge label too long for its edge: ``key`` is
    the marker drawn, ``label`` the text);
    ``key`` names the relation, role or overlay value.
    """

    kind: str
    key: str
    label: str
    colour: str | None = None
    fill: str | None = None
    line: str | None = None
    arrow: str | None = None


@attrs.frozen
class View:
    """Everything an exporter needs to draw a map, and no map: plain, frozen data in stable order."""

    title: str
    question: str | None
    #: The question wrapped for the picture's heading.
    question_lines: tuple[str, ...]
    #: What the view selects, e.g. "Theme: Korea · evidence not shown"; "" for the whole map.
    caption: str
    options: ViewOptions
    nodes: tuple[Node, ...]
    junctions: tuple[Junction, ...]
    edges: tuple[Edge, ...]
    #: Pole groups in map order, each followed by its theme sub-groups.
    groups: tuple[Group, ...]
    #: Node and junction ids drawn outside every group, in drawing order.
    loose: tuple[str, ...]
    legend: tuple[LegendEntry, ...]
    #: ``graph`` (a map: edges follow the argument) or ``columns`` (the joint view of two maps:
    #: one ``map`` group per column, facing, with only ``link`` edges running across).
    layout: str = "graph"

    @property
    def direction(self) -> str:
        """Rank direction: ``TB``, ``BT``, ``LR`` or ``RL``."""
        return self.options.direction

    @property
    def faded(self) -> frozenset[str]:
        """Ids of nodes shown only as context."""
        return frozenset(n.id for n in self.nodes if n.faded)

    def node(self, node_id: str) -> Node:
        """The node called ``node_id`` (``KeyError`` when the view does not show it)."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)


def _in_theme_group(prop: Proposition, selection: Selection, groups: Mapping[str, object]) -> bool:
    """Whether ``prop`` is drawn inside a theme sub-group of its pole (see ``group_themes``)."""
    return (
        selection.options.group_themes
        and prop.theme is not None
        and prop.role not in _SKELETON
        and prop.pole in groups
        and prop.pole not in selection.context_poles
        and prop.id not in selection.faded
    )


def _header(
    amap: ArgumentMap, prop: Proposition, show_theme: bool, overlay: Overlay | None
) -> tuple[LabelPart, ...]:
    parts: list[LabelPart] = []
    if show_theme and prop.theme is not None:
        theme = amap.index.themes.get(prop.theme)
        parts.append(LabelPart("theme", (theme.label if theme else prop.theme).upper()))
    caption = st.ROLE_STYLES[prop.role].caption
    if caption:
        parts.append(LabelPart("role", caption))
    if prop.hedge and prop.hedge.strip():  # a blank hedge says nothing; drawn, it would be an empty mark
        parts.append(LabelPart("hedge", prop.hedge))
    if overlay is not None and overlay.badge:
        parts.append(LabelPart("badge", overlay.badge))
    return tuple(parts)


def _node(
    amap: ArgumentMap,
    prop: Proposition,
    selection: Selection,
    overlay: Overlay | None,
    in_theme_group: bool,
    group: str | None,
) -> Node:
    options = selection.options
    single_theme = selection.single_theme
    # One theme in view, or a theme sub-group around the node: the label would only repeat.
    show_theme = prop.theme != single_theme and not in_theme_group
    width = options.wrap + (10 if prop.role in (Role.VERDICT, Role.EXPLANATION) else 0)
    reports = amap.attributions_of(prop.id)
    footer = labels.footer_text(prop, reports) if options.show_locators else ""
    hidden = selection.hidden.get(prop.id)
    note = labels.hidden_note(hidden.supporters, hidden.attackers) if hidden is not None else ""
    faded = prop.id in selection.faded
    node_style = st.faded(st.ROLE_STYLES[prop.role]) if faded else st.ROLE_STYLES[prop.role]
    citation = None
    if prop.citation is not None:
        cite = prop.citation
        source = amap.index.sources.get(cite.source)
        citation = CitationInfo(
            cite.source, source.title if source else None, cite.locator, cite.quote, cite.footnotes
        )
    speaker = None
    if prop.speaker is not None:
        sp = prop.speaker
        speaker = SpeakerInfo(sp.name, sp.affiliation, sp.title, labels.short_speaker(sp))
    return Node(
        id=prop.id,
        role=prop.role.value,
        text=prop.text,
        pole=prop.pole,
        themes=tuple(prop.themes),
        header=_header(amap, prop, show_theme, overlay),
        body=tuple(labels.wrap_lines(prop.text, width)),
        footer=tuple(labels.wrap_lines(footer, width + 6)) if footer else (),
        hidden_note=note or None,
        tooltip=labels.proposition_tooltip(prop, reports),
        citation=citation,
        speaker=speaker,
        note=prop.note,
        faded=faded,
        style=node_style,
        fill=overlay.fill if overlay is not None and overlay.fill else node_style.fill,
        text_colour=st.FADED_FONT_COLOR if faded else "#000000",
        emphasis=prop.role in (Role.THESIS, Role.VERDICT),
        overlay=overlay,
        group=group,
        hidden=hidden,
        reports=tuple(
            ReportInfo(
                report.id,
                SpeakerInfo(
                    report.speaker.name,
                    report.speaker.affiliation,
                    report.speaker.title,
                    labels.short_speaker(report.speaker),
                ),
                report.act.value,
                report.hedge,
            )
            for report in reports
        ),
    )


#: Edge labels up to this many characters are written on the edge; longer ones become markers.
SHORT_EDGE_LABEL = 16


def _edges(amap: ArgumentMap, selection: Selection) -> tuple[Edge, ...]:
    """The selection's edges with unique ids (premise edges are named after their premise), markers
    and the hedge of the inference each concluding edge draws."""
    out: list[Edge] = []
    notes = 0
    for edge in selection.edges:
        ref = edge.id or f"{edge.tail}~{edge.head}"
        if edge.part == "premise":
            ident = f"{ref}~premise~{edge.tail}"
        elif edge.part == "conclusion":
            ident = f"{ref}~conclusion"
        else:
            ident = ref
        marker = None
        if edge.label and edge.label.strip():
            if len(edge.label) <= SHORT_EDGE_LABEL and "\n" not in edge.label:
                marker = edge.label
            else:
                notes += 1
                marker = f"[{notes}]"
        inference = amap.index.inferences.get(ref) if edge.relation == "support" else None
        hedge = inference.hedge if inference is not None and edge.part != "premise" else None
        hedge = hedge if hedge and hedge.strip() else None
        out.append(
            Edge(
                ident,
                ref,
                edge.relation,
                edge.tail,
                edge.head,
                edge.part,
                edge.label,
                edge.context,
                marker,
                hedge or None,
            )
        )
    return tuple(out)


def _legend(
    nodes: tuple[Node, ...],
    junctions: list[Junction],
    edges: tuple[Edge, ...],
    options: ViewOptions,
    poles: tuple[LegendEntry, ...] | list[LegendEntry] = (),
) -> tuple[LegendEntry, ...]:
    """One entry per kind of mark actually drawn, and nothing else."""
    if not options.show_legend:
        return ()
    entries: list[LegendEntry] = []
    relations = {edge.relation for edge in edges}
    for key, edge_style in st.RELATION_STYLES.items():
        if key in relations:
            entries.append(
                LegendEntry(
                    "relation",
                    key,
                    edge_style.label,
                    edge_style.color,
                    line=edge_style.style,
                    arrow=edge_style.arrow,
                )
            )
    if junctions:
        entries.append(
            LegendEntry("junction", "junction", "linked premises (one inference)", st.JUNCTION_FILL)
        )
    roles = {n.role for n in nodes if not n.faded}
    tints = {entry.fill for entry in poles}
    for role in Role:
        if role.value in roles:
            node_style = st.ROLE_STYLES[role]
            # Where every node of the role is drawn in its pole's tint, the sample shows the shape
            # and border only: its fill is the pole's, which the pole rows explain.
            own_fill = any(
                n.role == role.value and not n.faded and (n.fill not in tints or n.overlay is not None)
                for n in nodes
            )
            entries.append(
                LegendEntry(
                    "role",
                    role.value,
                    node_style.caption or role.value,
                    node_style.border,
                    node_style.fill if own_fill else "#FFFFFF",
                )
            )
    entries.extend(poles)
    if any(n.faded for n in nodes):
        faded = st.faded(st.ROLE_STYLES[Role.CLAIM])
        entries.append(
            LegendEntry("context", "context", "context: shown for its links", faded.border, line="dashed")
        )
    if any(part.kind == "hedge" for n in nodes for part in n.header) or any(e.hedge for e in edges):
        entries.append(
            LegendEntry("hedge", "hedge", "the text's own hedge (e.g. “apparently”)", st.HEDGE_FONT_COLOR)
        )
    if any(n.reports and n.footer for n in nodes):
        entries.append(
            LegendEntry(
                "speech", "speech", "footer: who says it and how (asserts, concedes, questions, denies)"
            )
        )
    if any(n.hidden_note for n in nodes):
        entries.append(LegendEntry("hidden", "hidden", "supporters or attackers not shown"))
    for edge in edges:
        if edge.label and edge.marker and edge.marker != edge.label:
            entries.append(LegendEntry("note", edge.marker, f"{edge.marker} {edge.label}"))
    marks: dict[str, str] = {}
    for node in nodes:
        if node.overlay is not None and node.overlay.fill:
            marks.setdefault(node.overlay.fill, node.overlay.meaning or node.overlay.badge or "marked")
    for fill, meaning in sorted(marks.items(), key=lambda item: item[1]):
        entries.append(LegendEntry("overlay", meaning, meaning, fill=fill))
    return tuple(entries)


def _context_beside_links(
    amap: ArgumentMap, groups: list[Group], nodes: Mapping[str, Node], selection: Selection
) -> list[Group]:
    """Move each context node of another pole into the box of the node it is linked to.

    Kept in a box of its own pole, a context node sits outside the selected pole's box and each of
    its edges runs across that box; beside the node it attacks (or supports) its edges are short.
    Measured with ``benchmarks/bench_layout.py``: the cable's pole views go from 18 and 9 crossings
    to 3 and 6. Its header then says which pole it comes from; a context pole left empty is dropped.
    """
    context_groups = {g.id for g in groups if g.context}
    if not context_groups:
        return groups
    group_of = {m: g.id for g in groups for m in g.members}
    moved: dict[str, str] = {}  # member id -> the group it moves to
    for edge in selection.edges:
        for mine, other in ((edge.tail, edge.head), (edge.head, edge.tail)):
            if mine in moved or group_of.get(mine) not in context_groups or mine not in nodes:
                continue
            home = group_of.get(other)
            if home is not None and home not in context_groups:
                moved[mine] = home
    if not moved:
        return groups
    # A junction into a moved node moves with it (it sits in its conclusion's box).
    for junction in selection.junctions:
        conclusion = junction.inference.conclusion
        if conclusion in moved:
            moved[junction_name(junction.inference.id)] = moved[conclusion]
    out: list[Group] = []
    for group in groups:
        members = tuple(m for m in group.members if m not in moved)
        members += tuple(m for m, home in moved.items() if home == group.id)
        if members or not group.context:
            out.append(attrs.evolve(group, members=members))
    return out


def _from_pole(amap: ArgumentMap, node: Node) -> Node:
    pole = amap.index.poles.get(node.pole or "")
    label = pole.label if pole is not None else node.pole or ""
    return attrs.evolve(node, header=(LabelPart("pole", f"from {label}"), *node.header))


def _tint_poles(
    amap: ArgumentMap,
    groups: list[Group],
    nodes: dict[str, Node],
    loose: list[str],
    options: ViewOptions,
    overlay: Mapping[str, Overlay],
) -> tuple[list[Group], list[LegendEntry]]:
    """Draw the poles as tinted nodes instead of boxes: each node takes its pole's box colour.

    A view of several poles side by side (the overview, a theme, the whole map) is where the sides
    meet: concessions, qualifications and explanations drawing on both. Boxes keep each pole's nodes
    in one block, so every cross-pole link runs across the other pole's edges (the cable's overview
    had 13 crossings, its theme views up to 6); without them Graphviz places a node beside what it
    is linked to (2 and at most 2). The pole stays readable from the fill, which is the colour its
    box has in a pole view, and from the legend. Measured with ``benchmarks/bench_layout.py``.
    Moves the pole groups' members into ``loose`` (pole by pole, as the boxes were drawn) and
    returns the groups left (none) and one legend entry per pole drawn. A view of chosen poles keeps
    its boxes (a pole view places the other side's context inside them), and so does one with
    theme boxes or an overlay (the fill is then the overlay's).
    """
    if options.poles is not None or options.group_themes or any(o.fill for o in overlay.values()):
        return groups, []
    keys: list[LegendEntry] = []
    for group in groups:
        tinted = False
        for member in group.members:
            loose.append(member)
            node = nodes.get(member)
            if node is None:
                continue  # a junction
            if node.faded:
                nodes[member] = attrs.evolve(node, group=None)
                continue
            nodes[member] = attrs.evolve(node, group=None, fill=group.fill)
            tinted = True
        if tinted:
            keys.append(
                LegendEntry("pole", group.ref, amap.index.poles[group.ref].label, group.border, group.fill)
            )
    return [], keys


def make_view(
    amap: ArgumentMap, options: ViewOptions | None = None, overlay: Mapping[str, Overlay] | None = None
) -> View:
    """Select, group and label what a diagram of ``amap`` shows; ``overlay`` marks nodes by id."""
    options = options or ViewOptions()
    overlay = overlay or {}
    selection = select(amap, options)
    pole_index = {pole.id: index for index, pole in enumerate(amap.poles)}
    theme_index = {theme.id: index for index, theme in enumerate(amap.themes)}
    into: dict[str, list[str]] = {}
    junctions: list[Junction] = []
    for junction in selection.junctions:
        inf = junction.inference
        name = junction_name(inf.id)
        into.setdefault(inf.conclusion, []).append(name)
        junctions.append(
            Junction(
                name,
                inf.id,
                junction.premises,
                inf.conclusion,
                inf.label,
                labels.junction_tooltip(inf.id, junction.premises, inf.conclusion),
                None,
                inf.conclusion in selection.faded,
                inf.hedge or None,
            )
        )
    placed: dict[str, str | None] = {}  # node or junction id -> group id
    nodes: dict[str, Node] = {}
    groups: list[Group] = []
    for pole_id, props in selection.groups.items():
        index = pole_index[pole_id]
        pole = amap.index.poles[pole_id]
        fill, border = st.pole_fill(index)
        context = pole_id in selection.context_poles
        group_id = f"pole:{pole_id}"
        members: list[str] = []
        themed: dict[str, list[Proposition]] = {}
        for prop in props:
            if _in_theme_group(prop, selection, selection.groups):
                themed.setdefault(prop.theme or "", []).append(prop)
                continue
            nodes[prop.id] = _node(amap, prop, selection, overlay.get(prop.id), False, group_id)
            members.append(prop.id)
            members.extend(into.get(prop.id, ()))
        groups.append(
            Group(
                group_id,
                "pole",
                pole_id,
                f"{pole.label}: linked nodes only" if context else pole.label,
                tuple(members),
                fill,
                border,
                context=context,
                index=index,
            )
        )
        for theme in amap.themes:
            if theme.id not in themed:
                continue
            sub_id = f"theme:{pole_id}:{theme.id}"
            sub_members: list[str] = []
            for prop in themed[theme.id]:
                nodes[prop.id] = _node(amap, prop, selection, overlay.get(prop.id), True, sub_id)
                sub_members.append(prop.id)
                sub_members.extend(into.get(prop.id, ()))
            groups.append(
                Group(
                    sub_id,
                    "theme",
                    theme.id,
                    theme.label.upper(),
                    tuple(sub_members),
                    st.THEME_CLUSTER_FILL,
                    border,
                    parent=group_id,
                    index=theme_index[theme.id],
                )
            )
    groups = _context_beside_links(amap, groups, nodes, selection)
    for group in groups:
        for member in group.members:
            if member in nodes and nodes[member].group != group.id:
                nodes[member] = _from_pole(amap, attrs.evolve(nodes[member], group=group.id))
    loose: list[str] = []
    groups, pole_keys = _tint_poles(amap, groups, nodes, loose, options, overlay)
    for group in groups:
        placed.update(dict.fromkeys(group.members, group.id))
    for prop in selection.loose:
        nodes[prop.id] = _node(amap, prop, selection, overlay.get(prop.id), False, None)
        loose.append(prop.id)
        loose.extend(into.get(prop.id, ()))
    drawn = set(nodes)
    # A junction whose conclusion is not drawn (not expected of a selection) still gets a place.
    loose.extend(j.id for j in junctions if j.conclusion not in drawn)
    ordered = tuple(nodes[p.id] for p in selection.propositions)
    edges = _edges(amap, selection)
    return View(
        title=amap.title,
        question=amap.question if options.show_question else None,
        question_lines=tuple(labels.wrap_lines(amap.question, 90))
        if options.show_question and amap.question
        else (),
        caption=labels.view_caption(
            amap,
            depth=options.depth,
            poles=options.poles,
            themes=options.themes,
            show_evidence=options.show_evidence,
        ),
        options=options,
        nodes=ordered,
        junctions=tuple(attrs.evolve(j, group=placed.get(j.id)) for j in junctions),
        edges=edges,
        groups=tuple(groups),
        loose=tuple(loose),
        legend=_legend(ordered, junctions, edges, options, pole_keys),
    )
