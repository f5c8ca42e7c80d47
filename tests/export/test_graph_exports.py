"""Graph exports: Mermaid checked by mermaid's own parser (one Node process), GraphML and node-link JSON read
back by networkx, ``argmap.to_networkx``, and ``argmap convert`` picking each by suffix or ``--to``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from typer.testing import CliRunner

import argmap
from argmap.cli.app import app
from argmap.export.graphml import _ILLEGAL, to_graphml
from argmap.export.graphs import GRAPH_EXPORTS, graph_export_for
from argmap.export.mermaid import mermaid_label, to_mermaid
from argmap.export.networkx import node_link_data, node_link_json, to_networkx
from argmap.formats import load
from argmap.model import ArgumentMap, Attack, AttackKind, Inference, Proposition
from tests.strategies import argument_maps, drawn_maps

nx = pytest.importorskip("networkx")

ROOT = Path(__file__).resolve().parents[2]
NODE_DIR = ROOT / "tests" / "node"
FIXTURES = ROOT / "tests" / "formats" / "argdown" / "fixtures"
CORPUS = sorted((ROOT.parent / "shared" / "corpora" / "argdown").glob("*.argdown"))
_node_missing = (
    "node is not installed"
    if shutil.which("node") is None
    else "mermaid is not installed in tests/node (run `make test`, which runs npm ci there)"
    if not (NODE_DIR / "node_modules" / "mermaid").is_dir()
    else None
)

TRICKY = ArgumentMap(
    title='A "tricky" map # with <html> & ; `code`',
    propositions=(
        Proposition("end", 'He said "end" --> x; <b>bold</b> & #35; `tick`'),
        Proposition("o1", "An id starting with o\nover two lines"),
        Proposition("x1", "An id starting with x " + "long " * 60, role="thesis"),
        Proposition("graph", "click here; style x fill:red"),
    ),
    inferences=(Inference("subgraph", ("o1", "x1"), "end", label='scheme "quoted"'),),
    attacks=(
        Attack("class", "graph", "end", AttackKind.REBUT),
        Attack("style", "graph", "subgraph", AttackKind.UNDERCUT),
    ),
)


#: Texts Mermaid reads as syntax where they are not escaped, each as a map's title and its one text.
AWKWARD_TEXTS = [
    "",
    " ",
    "\\",
    '"',
    "%%",
    "a\\nb",
    "{x}",
    "[]",
    "()",
    "|x|",
    "-->",
    "é ☃ 😀",
    "#quot;",
    "\u2028",
    "\x00",
]


def _maps() -> dict[str, ArgumentMap]:
    maps = {"tricky": TRICKY}
    for path in [*CORPUS, *sorted(FIXTURES.glob("*.argdown")), *sorted((ROOT / "maps").glob("*.yaml"))]:
        maps[path.stem] = load(path)
    for k, text in enumerate(AWKWARD_TEXTS):
        maps[f"awkward-{k}"] = ArgumentMap(text, propositions=(Proposition("p", text),))
    for k, amap in enumerate(drawn_maps(40)):
        maps[f"drawn-{k}"] = amap
    return maps


@pytest.fixture(scope="module")
def mermaid_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """mermaid's parser's verdict on each exported file, from one Node process."""
    if _node_missing is not None:
        pytest.skip(_node_missing)
    tmp = tmp_path_factory.mktemp("mermaid")
    files = {}
    for name, amap in _maps().items():
        path = tmp / f"{name}.mmd"
        path.write_text(to_mermaid(amap), encoding="utf-8")
        files[name] = str(path)
    done = subprocess.run(
        ["node", str(NODE_DIR / "mermaid_check.mjs"), *files.values()],
        capture_output=True,
        text=True,
        check=True,
        timeout=180,
    )
    by_file = json.loads(done.stdout)
    return {name: by_file[path] for name, path in files.items()}


@pytest.mark.parametrize("name", list(_maps()))
def test_mermaid_parses_in_mermaid(name: str, mermaid_results: dict[str, dict[str, Any]]) -> None:
    result = mermaid_results[name]
    assert result["ok"], result["error"]
    assert result["type"] == "flowchart-v2"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ('say "hi"', "say #quot;hi#quot;"),
        ("a # b", "a #35; b"),
        ("<b> & c;", "#lt;b#gt; #amp; c#59;"),
        ("two\n  lines", "two lines"),
        ("x" * 130, "x" * 119 + "…"),
    ],
)
def test_mermaid_labels_are_quoted_safely(text: str, label: str) -> None:
    assert mermaid_label(text) == label


@pytest.mark.parametrize("title", [*AWKWARD_TEXTS, TRICKY.title])
def test_mermaid_title_reads_back_as_the_maps_title(title: str) -> None:
    import yaml

    front = to_mermaid(ArgumentMap(title)).split("---\n")[1]
    assert yaml.safe_load(front)["title"] == " ".join(title.replace("\x00", " ").split())


def test_mermaid_node_ids_are_generated() -> None:
    text = to_mermaid(TRICKY)
    assert " end" not in text.replace('"', " ").split("flowchart", 1)[1].split("\n", 1)[0]
    for line in text.splitlines()[4:]:
        first = line.strip().split(" ", 1)[0].split("[", 1)[0].split("(", 1)[0]
        assert first in ("classDef", "class") or first.startswith(("n", "m")), line


def test_graphml_is_read_back_by_networkx(tmp_path: Path) -> None:
    path = tmp_path / "map.graphml"
    path.write_text(to_graphml(TRICKY), encoding="utf-8")
    graph = nx.read_graphml(path)
    assert graph.graph["title"] == TRICKY.title
    assert graph.nodes["end"]["kind"] == "proposition"
    assert graph.nodes["end"]["text"].startswith('He said "end"')
    assert graph.nodes["x1"]["role"] == "thesis"
    assert graph.nodes["subgraph"]["kind"] == "inference"
    relations = sorted(d["relation"] for _, _, d in graph.edges(data=True))
    assert relations == ["conclusion", "premise", "premise", "rebut", "undercut"]


@given(argument_maps())
def test_graphml_keeps_kinds_roles_poles_themes_speakers(amap: ArgumentMap) -> None:
    graph = nx.parse_graphml(to_graphml(amap))
    assert graph.number_of_nodes() == len(amap.propositions) + len(amap.inferences) + len(amap.attributions)
    for prop in amap.propositions:
        data = graph.nodes[prop.id]
        assert data["kind"] == "proposition" and data["role"] == prop.role.value
        assert data.get("pole", "") == "; ".join(prop.poles)
        assert data.get("themes", "") == "; ".join(prop.themes)
        speaker = prop.speaker.name.translate(_ILLEGAL) if prop.speaker else ""
        assert data.get("speaker", "") == speaker
    kinds = [d["relation"] for _, _, d in graph.edges(data=True)]
    assert kinds.count("rebut") + kinds.count("undercut") + kinds.count("qualify") + kinds.count(
        "concede"
    ) == len(amap.attacks)


@given(argument_maps())
def test_node_link_json_and_to_networkx_agree(amap: ArgumentMap) -> None:
    from_json = nx.node_link_graph(json.loads(node_link_json(amap)), edges="edges")
    direct = to_networkx(amap)
    assert nx.utils.graphs_equal(from_json, direct)
    nodes = {n["id"] for n in node_link_data(amap)["nodes"]}
    assert {p.id for p in amap.propositions} <= nodes


def test_to_networkx_in_the_top_level_namespace() -> None:
    graph = argmap.to_networkx(TRICKY)
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.edges["graph", "end", "class"]["relation"] == "rebut"


def test_to_networkx_without_networkx_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_networkx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "networkx":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_networkx)
    with pytest.raises(argmap.InputError, match="pip install networkx"):
        to_networkx(TRICKY)


@pytest.mark.parametrize(
    ("name", "suffix", "to"),
    [
        ("mermaid", ".mmd", None),
        ("graphml", ".graphml", None),
        ("node-link", ".nl.json", None),
        ("mermaid", ".txt", "mermaid"),
    ],
)
def test_convert_picks_graph_exports_by_suffix_or_to(
    tmp_path: Path, name: str, suffix: str, to: str | None
) -> None:
    source = tmp_path / "map.argdown"
    source.write_text((FIXTURES / "strict.argdown").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    args = ["convert", str(source), "-o", str(out)] + (["--to", to] if to else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == GRAPH_EXPORTS[name].dumps(load(source))
    assert graph_export_for(out, to) is GRAPH_EXPORTS[name]
