"""``argmap convert`` through CliRunner: --to and the output's suffix must agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import formats
from argmap.cli import EXIT_OK, EXIT_UNUSABLE, app
from tests.conftest import MAPS

runner = CliRunner()
EXAMPLE = str(MAPS / "example-remote-work.yaml")


@pytest.mark.parametrize(
    ("name", "to", "code"),
    [
        ("m.json", "yaml", EXIT_UNUSABLE),  # YAML text in a .json file
        ("m.yaml", "json", EXIT_UNUSABLE),
        ("m.json", "json", EXIT_OK),
        ("m.json", "aif", EXIT_OK),  # AIF is JSON, recognised by content
        ("m.map", "yaml", EXIT_OK),  # an unknown suffix claims nothing
    ],
)
def test_to_must_agree_with_the_suffix(name: str, to: str, code: int, tmp_path: Path) -> None:
    """A --to that contradicts the output's suffix is one error line and exit 2, and writes nothing."""
    target = tmp_path / name
    result = runner.invoke(app, ["convert", EXAMPLE, "-o", str(target), "--to", to])
    assert result.exit_code == code, result.stderr
    if code == EXIT_UNUSABLE:
        assert "contradicts the file's suffix" in result.stderr and not target.exists()
    else:
        back = formats.loads(target.read_text(encoding="utf-8"), to)
        # AIF keeps the argument structure but not every field, so only its propositions are compared.
        assert back == formats.load(EXAMPLE) or (to == "aif" and back.propositions)


@pytest.mark.parametrize(
    ("name", "to"),
    [
        ("m.mmd", "yaml"),  # YAML in a Mermaid file
        ("m.yaml", "mermaid"),  # a Mermaid chart in a YAML file
        ("m.nl.json", "json"),  # a map in a node-link file
        ("m.graphml", "aif"),
        ("m.argdown", "ova3"),
    ],
)
def test_to_must_agree_with_a_graph_exports_suffix(name: str, to: str, tmp_path: Path) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["convert", EXAMPLE, "-o", str(target), "--to", to])
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert "contradicts the file's suffix" in result.stderr and not target.exists()
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "to", "export"),
    [
        ("m.json", "node-link", "node-link"),  # node-link data is JSON
        ("m.txt", "mermaid", "mermaid"),  # an unknown suffix claims nothing
        ("m.json", "ova3", "ova3"),
        ("m.aif", "ova3", "ova3"),
        ("m.aif", None, "aif"),
    ],
)
def test_json_names_take_every_json_output(name: str, to: str | None, export: str, tmp_path: Path) -> None:
    from argmap.export.graphs import GRAPH_EXPORTS
    from argmap.formats import aif

    target = tmp_path / name
    amap = formats.load(EXAMPLE)
    result = runner.invoke(app, ["convert", EXAMPLE, "-o", str(target), *(["--to", to] if to else [])])
    assert result.exit_code == EXIT_OK, result.output
    written = target.read_text(encoding="utf-8")
    if export in GRAPH_EXPORTS:
        assert written == GRAPH_EXPORTS[export].dumps(amap)
    else:
        assert aif.read(written).flavour == ("ova3" if export == "ova3" else "aifdb")
        assert written == aif.dumps(amap, "ova3" if export == "ova3" else "aifdb")


def test_an_unknown_to_names_every_output_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["convert", EXAMPLE, "-o", str(tmp_path / "m.yaml"), "--to", "dot"])
    assert result.exit_code == EXIT_UNUSABLE
    assert result.stderr.splitlines() == [
        "argmap: error: U001 --to 'dot' is not an output format; "
        "known: yaml, json, aif, argdown, ova3, mermaid, graphml, node-link"
    ]


def test_an_unknown_suffix_names_the_graph_exports_too(tmp_path: Path) -> None:
    result = runner.invoke(app, ["convert", EXAMPLE, "-o", str(tmp_path / "m.txt")])
    assert result.exit_code == EXIT_UNUSABLE
    (line,) = result.stderr.splitlines()
    assert "F009 unknown map file suffix '.txt'" in line and ".mmd, .mermaid, .graphml, .nl.json" in line
    assert not (tmp_path / "m.txt").exists()


def test_one_import_problem_is_one_problem(tmp_path: Path) -> None:
    source = tmp_path / "one.json"
    source.write_text(
        '{"nodes": [{"nodeID": "1", "text": "A reason.", "type": "I"}, {"nodeID": "2", "text": "A claim.",'
        ' "type": "I"}, {"nodeID": "3", "text": "Default Inference", "type": "RA"}],\n'
        ' "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "2"},'
        ' {"edgeID": "3", "fromID": "1", "toID": "9"}]}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "one.yaml")])
    assert result.exit_code == EXIT_OK, result.output
    assert f"{source}: 1 import problem (AIF104 x1);" in result.stderr


@pytest.mark.parametrize(("name", "to"), [("m.aif", None), ("m.json", "aif"), ("m.json", "ova3")])
def test_writing_aif_says_what_aif_has_no_place_for(name: str, to: str | None, tmp_path: Path) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["convert", EXAMPLE, "-o", str(target), *(["--to", to] if to else [])])
    assert result.exit_code == EXIT_OK, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"argmap: {target}: not written, as AIF has no place for them: map description, ")
    assert "proposition poles x8" in line and "proposition role x6" in line
    # Converting that AIF again loses nothing more: nothing to report.
    again = runner.invoke(app, ["convert", str(target), "-o", str(tmp_path / "again.aif")])
    assert again.exit_code == EXIT_OK and again.stderr == ""


SHARED = MAPS.parent.parent / "shared" / "corpora"
#: Every Argdown example and every tenth AIF file of the shared corpora (the library tests read them all).
CORPUS_SAMPLE = [*sorted(SHARED.glob("argdown/*.argdown")), *sorted(SHARED.glob("aif/*/*.json"))[::10]]


@pytest.mark.skipif(not CORPUS_SAMPLE, reason=f"the shared corpora are not at {SHARED}")
@pytest.mark.parametrize("suffix", [".yaml", ".argdown", ".aif"])
def test_corpus_files_convert_both_ways(suffix: str, tmp_path: Path) -> None:
    """convert writes each file in the format and reads it back as the same map; an AIF file's import
    problems are coded lines on stderr, never a traceback."""
    for k, path in enumerate(CORPUS_SAMPLE):
        there, back = tmp_path / f"{k}{suffix}", tmp_path / f"{k}-back.yaml"
        out = runner.invoke(app, ["convert", str(path), "-o", str(there)])
        assert out.exit_code == EXIT_OK, (path.name, out.output)
        lines = out.stderr.splitlines()
        assert all(line.startswith(("argmap: ", "  ")) and "Traceback" not in line for line in lines), path
        again = runner.invoke(app, ["convert", str(there), "-o", str(back)])
        assert again.exit_code == EXIT_OK, (path.name, again.output)
        if suffix != ".aif":  # AIF has no place for Argdown's themes and tags (reported on stderr)
            assert formats.load(back) == formats.load(path), path.name
