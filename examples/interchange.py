"""Take a map out to the interchange formats and the graph tools, and bring it back in.

Writes the map as Argdown (read back as the same map), as AIF (read back with its argument graph: AIF has
no place for poles, themes or roles), as a Mermaid flowchart, as GraphML and as networkx node-link JSON,
and reads the AIF file's report of what it could not keep.

Usage: ``python examples/interchange.py [MAP] [OUTPUT_DIR]`` (defaults: the example map in ``maps/`` and
``build/examples``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import argmap
from argmap.export.graphs import GRAPH_EXPORTS
from argmap.formats import aif, load_reporting

__all__ = ["main"]

DEFAULT_MAP = Path(__file__).resolve().parent.parent / "maps" / "example-remote-work.yaml"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_MAP
    out = Path(argv[2]) if len(argv) > 2 else Path("build/examples")
    amap = argmap.load(path)

    # Argdown carries argmap's own structure in its front matter and {data}: nothing is lost.
    argdown_file = argmap.dump(amap, out / f"{path.stem}.argdown")
    assert argmap.load(argdown_file) == amap
    print(f"wrote {argdown_file}")

    # AIF keeps the argument graph: the same propositions, inferences and attacks come back.
    aif_file = argmap.dump(amap, out / f"{path.stem}.aif")
    back, problems = load_reporting(aif_file)
    assert [p.id for p in back.propositions] == [p.id for p in amap.propositions]
    assert [(i.premises, i.conclusion) for i in back.inferences] == [
        (i.premises, i.conclusion) for i in amap.inferences
    ]
    assert [(a.attacker, a.target) for a in back.attacks] == [(a.attacker, a.target) for a in amap.attacks]
    print(f"wrote {aif_file}")
    print(f"  read back: {len(back.propositions)} propositions, {len(problems)} import problems")
    data = json.loads(aif_file.read_text(encoding="utf-8"))
    kinds = sorted({node["type"] for node in data["nodes"]})
    print(f"  AIF node types: {', '.join(kinds)}; as an OVA3 save: {len(aif.dumps(amap, 'ova3'))} characters")

    # Graph exports for other tools: Mermaid (GitHub renders it), GraphML and node-link JSON (networkx).
    for export in GRAPH_EXPORTS.values():
        target = out / f"{path.stem}{export.suffixes[0]}"
        target.write_text(export.dumps(amap), encoding="utf-8")
        print(f"wrote {target}")
    try:
        graph = argmap.to_networkx(amap)
    except argmap.InputError as error:  # networkx is optional
        print(f"  networkx: {error}")
        return 0
    relations = ", ".join(sorted({kind for _, _, kind in graph.edges(data="relation")}))
    print(f"  networkx: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({relations})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
