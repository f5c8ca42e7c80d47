"""What a diagram shows: selecting parts of a map and grouping them, with no DOT in sight.

A :class:`View` is plain data computed from a map and :class:`ViewOptions`: which propositions
appear (hide evidence, one pole only, some themes only), which inferences need a junction
(linked premises, or an undercut to aim at), and the edges between what remains.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.model import ArgumentMap, Attack, Inference, Proposition, Role

__all__ = ["DIRECTIONS", "Edge", "Junction", "View", "ViewOptions", "junction_name", "make_view"]

DIRECTIONS = ("TB", "BT", "LR", "RL")
_SKELETON = (Role.THESIS, Role.EXPLANATION, Role.VERDICT)


@attrs.frozen
class ViewOptions:
    """Which parts of a map a diagram shows."""

    direction: str = attrs.field(default="TB", validator=attrs.validators.in_(DIRECTIONS))
    show_evidence: bool = True
    #: Only these poles (and the unpoled skeleton: explanations, verdict); ``None`` shows all.
    poles: tuple[str, ...] | None = None
    #: Only propositions of these themes (plus theses, explanations and the verdict).
    themes: tuple[str, ...] | None = None
    show_legend: bool = True
    show_question: bool = True
    show_locators: bool = True
    #: Characters per line when wrapping node text.
    wrap: int = attrs.field(default=30, validator=attrs.validators.ge(10))


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


@attrs.frozen
class View:
    """Everything a renderer needs, in stable (map) order."""

    amap: ArgumentMap
    options: ViewOptions
    propositions: tuple[Proposition, ...]
    junctions: tuple[Junction, ...]
    edges: tuple[Edge, ...]
    #: Pole id -> propositions shown in that pole's group.
    groups: Mapping[str, tuple[Proposition, ...]]
    #: Propositions outside every pole group (explanations, verdict, unpoled claims).
    loose: tuple[Proposition, ...]


def _selected(amap: ArgumentMap, options: ViewOptions) -> dict[str, Proposition]:
    keep: dict[str, Proposition] = {}
    for prop in amap.propositions:
        if not options.show_evidence and prop.role is Role.EVIDENCE:
            continue
        if options.poles is not None and prop.pole is not None and prop.pole not in options.poles:
            continue
        if options.themes is not None and prop.role not in _SKELETON and prop.theme not in options.themes:
            continue
        keep.setdefault(prop.id, prop)
    if options.poles is not None:
        # Unpoled propositions only make sense beside the selected poles if connected to them.
        anchored = {p for p, prop in keep.items() if prop.pole is not None}
        for prop in list(keep.values()):
            if prop.pole is None and not any(n in anchored for n in amap.neighbours(prop.id)):
                if prop.role in (Role.EXPLANATION, Role.VERDICT):
                    continue
                del keep[prop.id]
    return keep


def junction_name(inference_id: str) -> str:
    """The node name of an inference's junction (ids cannot contain "~", so it never clashes)."""
    return f"{inference_id}~inference"


def make_view(amap: ArgumentMap, options: ViewOptions | None = None) -> View:
    """Select and group what a diagram of ``amap`` shows."""
    options = options or ViewOptions()
    keep = _selected(amap, options)
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
    groups: dict[str, list[Proposition]] = {
        pole.id: [] for pole in amap.poles if options.poles is None or pole.id in options.poles
    }
    loose: list[Proposition] = []
    for prop in keep.values():
        if prop.pole in groups:
            groups[prop.pole].append(prop)
        else:
            loose.append(prop)
    return View(
        amap=amap,
        options=options,
        propositions=tuple(keep.values()),
        junctions=tuple(junctions),
        edges=tuple(edges),
        groups={pole: tuple(props) for pole, props in groups.items()},
        loose=tuple(loose),
    )


def _attack_edge(attack: Attack, keep: Mapping[str, Proposition], inferences: Mapping[str, str]) -> Edge | None:
    if attack.attacker not in keep:
        return None
    if attack.target in inferences:
        return Edge("undercut", attack.attacker, inferences[attack.target], attack.label, id=attack.id)
    if attack.target in keep:
        return Edge(attack.kind.value, attack.attacker, attack.target, attack.label, id=attack.id)
    return None
