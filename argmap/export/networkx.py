"""networkx interchange: ``to_networkx(map)`` and node-link JSON (``.nl.json``).

networkx is optional (a dev dependency, not a runtime one): it is imported only when :func:`to_networkx`
is called, with a clear error if it is missing. Node-link JSON is written without networkx, in the shape
``networkx.node_link_graph(data, edges="edges")`` reads (networkx 3.6 changed the default key from
``links`` to ``edges``, so the key is named explicitly on both sides). Reads the model through
:mod:`argmap.export._graphdata`.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.errors import InputError
from argmap.export._graphdata import graph_of
from argmap.model import ArgumentMap

__all__ = ["node_link_data", "node_link_json", "to_networkx"]


def node_link_data(amap: ArgumentMap) -> dict[str, Any]:
    """The map as networkx node-link data (a directed multigraph; edge keys are edge ids)."""
    nodes, edges = graph_of(amap)
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"title": amap.title},
        "nodes": [
            {
                "id": n.id,
                "kind": n.kind,
                "text": n.text,
                "role": n.role,
                "poles": list(n.poles),
                "themes": list(n.themes),
                "speaker": n.speaker,
                "tags": list(n.tags),
                "act": n.act,
            }
            for n in nodes
        ],
        "edges": [
            {"source": e.source, "target": e.target, "key": e.id, "relation": e.relation, "label": e.label}
            for e in edges
        ],
    }


def node_link_json(amap: ArgumentMap) -> str:
    """Node-link JSON text (UTF-8, unicode kept), ending with a newline."""
    return json.dumps(node_link_data(amap), ensure_ascii=False, indent=1) + "\n"


def to_networkx(amap: ArgumentMap) -> Any:
    """The map as a ``networkx.MultiDiGraph``: nodes and edges with their kinds and attributes.

    Raises :class:`~argmap.errors.InputError` when networkx is not installed.
    """
    try:
        import networkx as nx  # optional: imported on use
    except ImportError:
        raise InputError("to_networkx needs networkx: pip install networkx", code="U002") from None
    data = node_link_data(amap)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
