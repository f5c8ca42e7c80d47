"""The argument graph of a map as plain nodes and edges, which the graph exports (Mermaid, GraphML, networkx)
share.

Nodes: every proposition (kind ``proposition``), inference (``inference``: the junction of its linked
premises) and attribution (``attribution``: reported speech). Edges: ``premise`` (premise -> inference),
``conclusion`` (inference -> conclusion), an attack's kind (``rebut``, ``undercut``, ``qualify``,
``concede``; attacker -> proposition or inference), ``reports`` (attribution -> proposition, with its speech
act), ``preference`` (preferred -> over), ``contradicts`` and ``rephrases``. Reads the model only.
"""

from __future__ import annotations

import attrs

from argmap.model import ArgumentMap

__all__ = ["GraphEdge", "GraphNode", "graph_of"]


@attrs.frozen(slots=True)
class GraphNode:
    """One node with the attributes every graph export writes (empty string: not set)."""

    id: str
    kind: str
    text: str
    role: str = ""
    poles: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    speaker: str = ""
    tags: tuple[str, ...] = ()
    act: str = ""


@attrs.frozen(slots=True)
class GraphEdge:
    """One edge: its id, ends and relation kind (and a label, if the map gives one)."""

    id: str
    source: str
    target: str
    relation: str
    label: str = ""


def graph_of(amap: ArgumentMap) -> tuple[tuple[GraphNode, ...], tuple[GraphEdge, ...]]:
    """The nodes and edges of ``amap``, in map order; linear in the map's size."""
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    for prop in amap.propositions:
        nodes.append(
            GraphNode(
                prop.id,
                "proposition",
                prop.text,
                prop.role.value,
                prop.poles,
                prop.themes,
                prop.speaker.name if prop.speaker is not None else "",
                prop.tags,
            )
        )
    for inf in amap.inferences:
        nodes.append(GraphNode(inf.id, "inference", inf.label or ""))
    for said in amap.attributions:
        nodes.append(
            GraphNode(
                said.id,
                "attribution",
                f"{said.speaker.name} {said.act.value}",
                speaker=said.speaker.name,
                act=said.act.value,
            )
        )

    def edge(source: str, target: str, relation: str, label: str = "", eid: str | None = None) -> None:
        edges.append(GraphEdge(eid or f"e{len(edges) + 1}", source, target, relation, label))

    for inf in amap.inferences:
        for premise in dict.fromkeys(inf.premises):
            edge(premise, inf.id, "premise")
        edge(inf.id, inf.conclusion, "conclusion", inf.label or "")
    for att in amap.attacks:
        edge(att.attacker, att.target, att.kind.value, att.label or "", att.id)
    for said in amap.attributions:
        edge(said.id, said.proposition, "reports", said.act.value)
    for pref in amap.preferences:
        edge(pref.preferred, pref.over, "preference", "", pref.id)
    for prop in amap.propositions:
        for other in prop.contradicts:
            edge(prop.id, other, "contradicts")
        for other in prop.rephrases:
            edge(prop.id, other, "rephrases")
    return tuple(nodes), tuple(edges)
