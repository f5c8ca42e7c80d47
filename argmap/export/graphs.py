"""The graph exports by name and file suffix, for ``argmap convert``: Mermaid, GraphML, node-link JSON.

These write a map's argument graph for other tools; argmap does not read them back as maps (that is
what the map formats in :mod:`argmap.formats` are for).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

import attrs

from argmap.export.graphml import to_graphml
from argmap.export.mermaid import to_mermaid
from argmap.export.networkx import node_link_json
from argmap.model import ArgumentMap

__all__ = ["GRAPH_EXPORTS", "GraphExport", "graph_export_for"]


@attrs.frozen
class GraphExport:
    """A graph export: its name, the file suffixes that pick it, and its writer."""

    name: str
    suffixes: tuple[str, ...]
    dumps: Callable[[ArgumentMap], str]


GRAPH_EXPORTS: Mapping[str, GraphExport] = {
    "mermaid": GraphExport("mermaid", (".mmd", ".mermaid"), to_mermaid),
    "graphml": GraphExport("graphml", (".graphml",), to_graphml),
    "node-link": GraphExport("node-link", (".nl.json",), node_link_json),
}


def graph_export_for(path: str | os.PathLike[str], name: str | None = None) -> GraphExport | None:
    """The graph export named ``name``, else the one whose suffix ends ``path``; ``None`` if neither."""
    if name is not None:
        return GRAPH_EXPORTS.get(name)
    filename = os.fspath(path).lower()
    for export in GRAPH_EXPORTS.values():
        if filename.endswith(export.suffixes):
            return export
    return None
