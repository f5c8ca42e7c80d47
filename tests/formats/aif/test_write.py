"""The AIF writer read back by another tool: arguebuf 2.7.2 (a dev dependency) loads what argmap writes for
the document maps, the QT30 sample and drawn maps, keeping every node and edge of the argument layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from argmap.formats import aif, load
from argmap.model import ArgumentMap, AttackKind
from tests.strategies import argument_maps

arguebuf = pytest.importorskip("arguebuf")

ROOT = Path(__file__).resolve().parents[3]
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
QT30 = sorted((ROOT.parent / "shared" / "corpora" / "aif" / "qt30-sample").glob("*.json"))
#: Node types of AIF's dialogue layer, which arguebuf leaves out.
DIALOGUE = ("L", "YA", "TA")


def _through_arguebuf(amap: ArgumentMap) -> tuple[dict[str, Any], dict[str, Any]]:
    ours = aif.to_aif(amap)
    return ours, arguebuf.dump.aif(arguebuf.load.aif(ours))


def _argument_layer(data: dict[str, Any]) -> tuple[set[str], list[tuple[str, str]]]:
    layer = {str(n["nodeID"]) for n in data["nodes"] if n["type"] not in DIALOGUE}
    edges = [(str(e["fromID"]), str(e["toID"])) for e in data["edges"]]
    return layer, sorted((a, b) for a, b in edges if a in layer and b in layer)


def _graph(amap: ArgumentMap) -> tuple[Any, ...]:
    """The argument graph: what AIF and arguebuf hold of a map (attack kinds beyond rebut and undercut ride
    on argmap's own key, which arguebuf does not keep)."""
    plain = {AttackKind.REBUT, AttackKind.UNDERCUT}
    return (
        sorted((p.id, p.text, p.rephrases) for p in amap.propositions),
        sorted((i.id, tuple(dict.fromkeys(i.premises)), i.conclusion) for i in amap.inferences),
        sorted((a.id, a.attacker, a.target, a.kind if a.kind in plain else None) for a in amap.attacks),
        sorted((p.id, p.preferred, p.over) for p in amap.preferences),
    )


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_document_maps_keep_their_argument_graph_through_arguebuf(path: Path) -> None:
    amap = load(path)
    ours, theirs = _through_arguebuf(amap)
    layer, edges = _argument_layer(ours)
    assert {str(n["nodeID"]) for n in theirs["nodes"]} == layer
    assert sorted((str(e["fromID"]), str(e["toID"])) for e in theirs["edges"]) == edges
    back = aif.read_data(theirs).map
    expected = _graph(amap)
    # Through arguebuf an attack's kind is read from its target again: a qualification of an inference is
    # an undercut, of a proposition a rebuttal.
    inference_ids = {i.id for i in amap.inferences}
    expected = (
        *expected[:2],
        sorted(
            (a, f, t, k or (AttackKind.UNDERCUT if t in inference_ids else AttackKind.REBUT))
            for a, f, t, k in expected[2]
        ),
        expected[3],
    )
    assert _graph(back)[:2] == expected[:2]
    assert sorted((a.id, a.attacker, a.target, a.kind) for a in back.attacks) == expected[2]
    assert _graph(back)[3] == expected[3]


@pytest.mark.skipif(not QT30, reason="the QT30 sample is not in ../shared/corpora/aif")
@pytest.mark.parametrize("path", QT30[::8], ids=lambda p: p.name)
def test_qt30_nodesets_written_by_argmap_load_in_arguebuf(path: Path) -> None:
    ours, theirs = _through_arguebuf(load(path))
    layer, edges = _argument_layer(ours)
    assert len(theirs["nodes"]) == len(layer) and len(theirs["edges"]) == len(edges)


@settings(max_examples=25, deadline=None)
@given(argument_maps())
def test_drawn_maps_written_as_aif_load_in_arguebuf(amap: ArgumentMap) -> None:
    ours, theirs = _through_arguebuf(amap)
    layer, edges = _argument_layer(ours)
    assert {str(n["nodeID"]) for n in theirs["nodes"]} == layer
    assert len(theirs["edges"]) == len(edges)
