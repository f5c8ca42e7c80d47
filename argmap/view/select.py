"""What a diagram shows: selecting parts of a map and grouping them, with no DOT in sight.

A :class:`Selection` is plain data computed from a map and :class:`ViewOptions`: which propositions
appear, which appear only as faded context, which inferences need a junction (linked premises,
or an undercut to aim at), the edges between what remains, and how many supporters and attackers
of each shown node were left out.

Selections, each optional and combinable:

- **depth**: only nodes within so many support or attack steps below the skeleton (theses,
  explanations, verdict); :func:`overview` is depth 1 without evidence.
- **poles**: one side of a paradox. A node of another pole that is directly linked to a shown node
  stays as a faded *context* node, so nothing floats unconnected and cross-pole attacks stay visible.
- **themes**: the theme's factors plus the path from them up to their pole's thesis (unthemed hub
  claims in between); co-premises of their linked inferences and attackers from outside the theme
  appear faded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from argmap.model.core import ArgumentMap, Attack, Inference, Proposition, Role

__all__ = [
    "DIRECTIONS",
    "Edge",
    "Hidden",
    "Junction",
    "Selection",
    "ViewOptions",
    "junction_name",
    "overview",
    "select",
    "skeleton_depths",
]

DIRECTIONS = ("TB", "BT", "LR", "RL")
_SKELETON = (Role.THESIS, Role.EXPLANATION, Role.VERDICT)


def _optional_ids(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen
class ViewOptions:
    """Which parts of a map a diagram shows, and how they are grouped."""

    direction: str = attrs.field(default="TB", validator=attrs.validators.in_(DIRECTIONS))
    show_evidence: bool = True
    #: Only these poles (and the unpoled skeleton: explanations, verdict); ``None`` shows all.
    poles: tuple[str, ...] | None = attrs.field(default=None, converter=_optional_ids)
    #: Only propositions of these themes, the paths from them to the theses, and the skeleton.
    themes: tuple[str, ...] | None = attrs.field(default=None, converter=_optional_ids)
    #: Only nodes at most this many support/attack steps below a thesis, explanation or verdict.
    depth: int | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.ge(0)))
    #: Draw each pole's factors in sub-clusters by theme (the theme is then not repeated per node).
    group_themes: bool = False
    #: Show explanations and the verdict (theses always show; so do explanations of a selected theme).
    show_skeleton: bool = True
    #: Keep directly linked nodes of hidden poles (and outside co-premises) as faded context.
    context: bool = True
    #: Note "+N supporters / attackers not shown" under nodes whose neighbours were left out.
    show_hidden_counts: bool = True
    show_legend: bool = True
    show_question: bool = True
    show_locators: bool = True
    #: Characters per line when wrapping node text.
    wrap: int = attrs.field(default=30, validator=attrs.validators.ge(10))


def overview(**changes: Any) -> ViewOptions:
    """Options for an overview: skeleton and the hub claims right below it, no evidence, left to right."""
    return attrs.evolve(ViewOptions(depth=1, show_evidence=False, direction="LR"), **changes)


@attrs.frozen
class Junction:
    """An inference drawn as a small node: premises meet there and one arrow leaves it."""

    inference: Inference
    premises: tuple[str, ...]


@attrs.frozen
class Edge:
    """A drawn relation. ``relation`` is ``support``, ``rebut`` or ``undercut``; ends are node names."""

    relation: str
    tail: str
    head: str
    label: str | None = None
    #: ``premise`` edges join a premise to its junction (no arrowhead).
    part: str = "whole"
    id: str | None = None
    #: The edge touches faded context; renderers should not let it shape the layout.
    context: bool = False


@attrs.frozen
class Hidden:
    """How many direct supporters and attackers of a shown node the view leaves out."""

    supporters: int = 0
    attackers: int = 0


@attrs.frozen
class Selection:
    """What a view shows and how it is grouped, in stable (map) order; labels come later (``build``)."""

    options: ViewOptions
    propositions: tuple[Proposition, ...]
    junctions: tuple[Junction, ...]
    edges: tuple[Edge, ...]
    #: Pole id -> propositions shown in that pole's group, poles in map order.
    groups: Mapping[str, tuple[Proposition, ...]]
    #: Propositions outside every pole group (explanations, verdict, unpoled claims).
    loose: tuple[Proposition, ...]
    #: Ids of propositions shown only as faded context (another pole's or another theme's).
    faded: frozenset[str] = frozenset()
    #: Poles whose group holds context nodes only (not selected by ``options.poles``).
    context_poles: frozenset[str] = frozenset()
    #: Shown proposition id -> its supporters and attackers left out (only non-zero entries).
    hidden: Mapping[str, Hidden] = attrs.field(factory=dict)

    @property
    def single_theme(self) -> str | None:
        """The theme id when the view shows exactly one theme, else ``None``."""
        themes = self.options.themes
        return themes[0] if themes is not None and len(themes) == 1 else None


def junction_name(inference_id: str) -> str:
    """The node name of an inference's junction (ids cannot contain "~", so it never clashes)."""
    return f"{inference_id}~inference"


def _below(amap: ArgumentMap, pid: str) -> list[str]:
    # What argues for or against pid: premises of its inferences, attackers of it and of them.
    found: list[str] = []
    for inf in amap.inferences_into(pid):
        found.extend(inf.premises)
        found.extend(a.attacker for a in amap.attacks_on(inf.id))
    found.extend(a.attacker for a in amap.attacks_on(pid))
    return found


def _above(amap: ArgumentMap, pid: str) -> list[str]:
    # What pid argues for or against: conclusions it supports, targets it attacks (an undercut
    # counts against the attacked inference's conclusion).
    found = [inf.conclusion for inf in amap.inferences_from(pid)]
    for attack in amap.attacks_from(pid):
        inf = amap.index.inferences.get(attack.target)
        found.append(inf.conclusion if inf is not None else attack.target)
    return found


def _linked(amap: ArgumentMap, pid: str) -> list[str]:
    # Directly related by an edge of its own (not merely a co-premise).
    return [*_below(amap, pid), *_above(amap, pid)]


def skeleton_depths(amap: ArgumentMap) -> dict[str, int]:
    """Support/attack steps from each proposition up to the nearest thesis, explanation or verdict.

    Skeleton nodes have depth 0; a node that argues for or against nothing reachable from the
    skeleton is absent. Breadth-first, so linear in the size of the map.
    """
    depths = {p.id: 0 for p in amap.propositions if p.role in _SKELETON}
    queue = deque(depths)
    while queue:
        pid = queue.popleft()
        for below in _below(amap, pid):
            if below not in depths and below in amap.index.propositions:
                depths[below] = depths[pid] + 1
                queue.append(below)
    return depths


def _passes(prop: Proposition, options: ViewOptions) -> bool:
    """Whether the evidence, skeleton and pole filters let ``prop`` appear (themes are handled apart)."""
    if not options.show_evidence and prop.role is Role.EVIDENCE:
        return False
    # A theme's own explanation still belongs in that theme's view.
    own_theme = _own_theme(prop, options)
    if not options.show_skeleton and prop.role in (Role.EXPLANATION, Role.VERDICT) and not own_theme:
        return False
    return options.poles is None or prop.pole is None or prop.pole in options.poles


def _own_theme(prop: Proposition, options: ViewOptions) -> bool:
    # A statement belongs to every theme it names: a factor in two theatres shows in both.
    return options.themes is not None and any(t in options.themes for t in prop.themes)


def _passes_unpoled(prop: Proposition, options: ViewOptions) -> bool:
    """Like :func:`_passes` but ignoring the pole filter (for context nodes of other poles)."""
    return _passes(prop, attrs.evolve(options, poles=None))


def _selected(amap: ArgumentMap, options: ViewOptions) -> tuple[dict[str, Proposition], set[str]]:
    """The shown propositions (map order) and the subset that is faded context."""
    props = amap.index.propositions
    chosen: set[str] = set()
    faded: set[str] = set()
    for prop in amap.propositions:
        if not _passes(prop, options):
            continue
        if options.themes is not None and prop.role not in _SKELETON and not _own_theme(prop, options):
            continue
        chosen.add(prop.id)
    if options.themes is not None:
        # Walk up from the theme's factors to the skeleton so each hangs from its thesis.
        queue = deque(p for p in chosen if props[p].role not in _SKELETON)
        while queue:
            for above in _above(amap, queue.popleft()):
                upper = props.get(above)
                if upper is None or above in chosen or above in faded or not _passes(upper, options):
                    continue
                if upper.theme is None:
                    chosen.add(above)
                else:
                    faded.add(above)
                queue.append(above)
    if options.depth is not None:
        depths = skeleton_depths(amap)
        chosen = {p for p in chosen if depths.get(p, options.depth + 1) <= options.depth}
        faded = {p for p in faded if depths.get(p, options.depth + 1) <= options.depth}
    if options.poles is not None:
        # Unpoled claims only make sense beside the selected poles if linked to a shown poled node.
        anchored = {p for p in chosen if props[p].pole is not None}
        chosen = {
            p
            for p in chosen
            if props[p].pole is not None
            or props[p].role in (Role.EXPLANATION, Role.VERDICT)
            or any(n in anchored for n in _linked(amap, p))
        }
    if options.context:
        faded |= _context(amap, options, chosen)
    faded -= chosen
    shown = chosen | faded
    keep = {p.id: p for p in amap.propositions if p.id in shown}
    return keep, faded & shown


def _context(amap: ArgumentMap, options: ViewOptions, chosen: set[str]) -> set[str]:
    """Nodes to show faded: hidden-pole neighbours, outside co-premises and outside attackers."""
    props = amap.index.propositions
    context: set[str] = set()

    def offer(pid: str) -> None:
        prop = props.get(pid)
        if prop is None or pid in chosen or not _passes_unpoled(prop, options):
            return
        if options.poles is not None and prop.pole is not None and prop.pole not in options.poles:
            context.add(pid)  # the other side, linked to this one
        elif options.themes is not None:
            context.add(pid)

    for pid in sorted(chosen):
        if options.poles is not None:
            for other in (*_below(amap, pid), *_above(amap, pid)):
                offer(other)
            for attack in amap.attacks_from(pid):
                inf = amap.index.inferences.get(attack.target)
                if inf is not None:
                    for premise in inf.premises:
                        offer(premise)  # the undercut inference, drawn whole
        if options.themes is not None and props[pid].role not in _SKELETON:
            for attack in amap.attacks_on(pid):
                offer(attack.attacker)
    if options.themes is not None:
        for inf in amap.inferences:
            if inf.conclusion in chosen and any(p in chosen for p in inf.premises):
                for premise in inf.premises:
                    offer(premise)  # a linked premise makes no sense without its partners
    if options.depth is not None:
        depths = skeleton_depths(amap)
        context = {p for p in context if depths.get(p, options.depth + 1) <= options.depth}
    return context


def select(amap: ArgumentMap, options: ViewOptions | None = None) -> Selection:
    """Select and group what a diagram of ``amap`` shows."""
    options = options or ViewOptions()
    keep, faded = _selected(amap, options)
    junctions, edges = _draw(amap, keep, faded)
    if _filtered(options):
        # A node whose every link was cut by the selection would only float: leave it out.
        ends = {end for e in edges for end in (e.tail, e.head)}
        keep = {pid: p for pid, p in keep.items() if p.role in _SKELETON or pid in ends}
        faded = faded & set(keep)
        junctions, edges = _draw(amap, keep, faded)
    if options.poles is not None and faded:
        keep, junctions, edges = _links_to_this_side(keep, faded, junctions, edges)
        faded = faded & set(keep)
    selected_poles = set(options.poles) if options.poles is not None else None
    groups: dict[str, list[Proposition]] = {}
    for pole in amap.poles:
        if (
            selected_poles is None
            or pole.id in selected_poles
            or any(p.pole == pole.id for p in keep.values())
        ):
            groups.setdefault(pole.id, [])
    loose: list[Proposition] = []
    for prop in keep.values():
        if prop.pole in groups:
            groups[prop.pole].append(prop)
        else:
            loose.append(prop)
    context_poles = frozenset(g for g in groups if selected_poles is not None and g not in selected_poles)
    return Selection(
        options=options,
        propositions=tuple(keep.values()),
        junctions=tuple(junctions),
        edges=tuple(edges),
        groups={pole: tuple(props) for pole, props in groups.items()},
        loose=tuple(loose),
        faded=frozenset(faded),
        context_poles=context_poles,
        hidden=_hidden(amap, keep, faded) if options.show_hidden_counts else {},
    )


def _links_to_this_side(
    keep: Mapping[str, Proposition], faded: set[str], junctions: list[Junction], edges: list[Edge]
) -> tuple[dict[str, Proposition], list[Junction], list[Edge]]:
    """A pole view's context keeps only its links to the selected side.

    An edge between two context nodes is the other pole's own argument (its page shows it); drawn
    here, it chains context nodes into ranks of their own (the cable's convergence pole grew from
    five columns to eight). It stays only where a shown node aims at the inference it belongs to
    (an undercut or qualification needs the whole inference); a context node left without an edge
    goes. Measured with ``benchmarks/bench_layout.py`` (NOTES.md, diagrams section).
    """
    other = set(faded) | {junction_name(j.inference.id) for j in junctions if j.inference.conclusion in faded}
    needed = {
        end
        for e in edges
        if not (e.tail in other and e.head in other)
        for end in (e.tail, e.head)
        if end in other and end not in faded
    }
    kept = [
        e for e in edges if not (e.tail in other and e.head in other) or e.tail in needed or e.head in needed
    ]
    ends = {end for e in kept for end in (e.tail, e.head)}
    return (
        {pid: p for pid, p in keep.items() if pid not in faded or pid in ends},
        [j for j in junctions if junction_name(j.inference.id) in ends],
        kept,
    )


def _filtered(options: ViewOptions) -> bool:
    return (
        options.poles is not None
        or options.themes is not None
        or options.depth is not None
        or not options.show_skeleton
    )


def _draw(
    amap: ArgumentMap, keep: Mapping[str, Proposition], faded: frozenset[str] | set[str]
) -> tuple[list[Junction], list[Edge]]:
    """Junctions and edges among the shown propositions; edges touching faded context are marked."""
    undercut_targets = {a.target for a in amap.attacks if a.attacker in keep}
    junctions: list[Junction] = []
    edges: list[Edge] = []
    drawn_inferences: dict[str, str] = {}  # inference id -> node name that undercuts aim at
    for inf in amap.inferences:
        if inf.conclusion not in keep:
            continue
        premises = tuple(dict.fromkeys(p for p in inf.premises if p in keep))
        if not premises:
            continue
        if len(premises) > 1 or inf.id in undercut_targets:
            name = junction_name(inf.id)
            junctions.append(Junction(inf, premises))
            drawn_inferences[inf.id] = name
            edges.append(Edge("support", name, inf.conclusion, inf.label, part="conclusion", id=inf.id))
            edges.extend(Edge("support", p, name, part="premise", id=inf.id) for p in premises)
        else:
            edges.append(Edge("support", premises[0], inf.conclusion, inf.label, id=inf.id))
    for attack in amap.attacks:
        edge = _attack_edge(attack, keep, drawn_inferences)
        if edge is not None:
            edges.append(edge)
    if faded:
        faded_names = faded | {
            junction_name(j.inference.id) for j in junctions if j.inference.conclusion in faded
        }
        edges = [
            attrs.evolve(e, context=True) if e.tail in faded_names or e.head in faded_names else e
            for e in edges
        ]
    return junctions, edges


def _hidden(
    amap: ArgumentMap, keep: Mapping[str, Proposition], faded: frozenset[str] | set[str]
) -> dict[str, Hidden]:
    counts: dict[str, Hidden] = {}
    for pid in keep:
        if pid in faded:
            continue  # context nodes are partial by design
        supporters = sum(1 for s in amap.supporters(pid) if s not in keep)
        attackers = {a.attacker for a in amap.attacks_on(pid)}
        for inf in amap.inferences_into(pid):
            attackers.update(a.attacker for a in amap.attacks_on(inf.id))
        missing = sum(1 for a in attackers if a not in keep)
        if supporters or missing:
            counts[pid] = Hidden(supporters, missing)
    return counts


def _attack_edge(
    attack: Attack, keep: Mapping[str, Proposition], inferences: Mapping[str, str]
) -> Edge | None:
    if attack.attacker not in keep:
        return None
    if attack.target in inferences:
        # Every attack on an inference aims at its junction; the kind (undercut, qualify, ...) stays.
        return Edge(attack.kind.value, attack.attacker, inferences[attack.target], attack.label, id=attack.id)
    if attack.target in keep:
        return Edge(attack.kind.value, attack.attacker, attack.target, attack.label, id=attack.id)
    return None
