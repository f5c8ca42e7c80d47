"""GraphML with explicit attribute keys, so that another tool can read back what each node and edge is.

Keys: on the graph ``title`` (the map's); on nodes ``kind`` (proposition, inference, attribution),
``text``, ``role``, ``pole``, ``themes``, ``speaker``, ``tags``, ``act``; on edges ``relation`` (premise,
conclusion, rebut, undercut, qualify, concede, reports, preference, contradicts, rephrases) and ``label``.
Several poles, themes or tags are joined with ``"; "``. Written as plain XML (escaped by
:mod:`xml.sax.saxutils`), read back by networkx's ``read_graphml`` in the tests. Reads the model through
:mod:`argmap.export._graphdata`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from argmap.export._graphdata import graph_of
from argmap.model import ArgumentMap

__all__ = ["EDGE_KEYS", "NODE_KEYS", "to_graphml"]

NODE_KEYS = ("kind", "text", "role", "pole", "themes", "speaker", "tags", "act")
EDGE_KEYS = ("relation", "label")
_ILLEGAL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF], " ")


def _text(value: str) -> str:
    # XML 1.0 cannot hold most control characters, even escaped; a raw CR would be read back as LF.
    return escape(value.translate(_ILLEGAL), {"\r": "&#13;"})


def to_graphml(amap: ArgumentMap) -> str:
    """GraphML text of the map's argument graph."""
    nodes, edges = graph_of(amap)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for key in NODE_KEYS:
        out.append(f'  <key id="n_{key}" for="node" attr.name="{key}" attr.type="string"/>')
    for key in EDGE_KEYS:
        out.append(f'  <key id="e_{key}" for="edge" attr.name="{key}" attr.type="string"/>')
    out.append('  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>')
    out.append(f'  <graph id={quoteattr(amap.title.translate(_ILLEGAL))} edgedefault="directed">')
    # The graph's id is not data to most readers (networkx drops it): the title is also a graph attribute.
    out.append(f'    <data key="g_title">{_text(amap.title)}</data>')
    for n in nodes:
        values = {
            "kind": n.kind,
            "text": n.text,
            "role": n.role,
            "pole": "; ".join(n.poles),
            "themes": "; ".join(n.themes),
            "speaker": n.speaker,
            "tags": "; ".join(n.tags),
            "act": n.act,
        }
        out.append(f"    <node id={quoteattr(n.id)}>")
        out.extend(f'      <data key="n_{k}">{_text(v)}</data>' for k, v in values.items() if v)
        out.append("    </node>")
    for e in edges:
        out.append(
            f"    <edge id={quoteattr(e.id)} source={quoteattr(e.source)} target={quoteattr(e.target)}>"
        )
        out.append(f'      <data key="e_relation">{_text(e.relation)}</data>')
        if e.label:
            out.append(f'      <data key="e_label">{_text(e.label)}</data>')
        out.append("    </edge>")
    out.append("  </graph>")
    out.append("</graphml>")
    return "\n".join(out) + "\n"
