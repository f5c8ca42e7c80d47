"""Tests of the view's JSON form: golden files, the shipped schema, stability, the CLI's ``--format json``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from typer.testing import CliRunner

from argmap import formats
from argmap.cli.app import app
from argmap.evaluation import evaluate
from argmap.export.json import dumps_view, to_view_json
from argmap.model.core import ArgumentMap
from argmap.view import VIEW_JSON_VERSION, ViewOptions, make_view, overlays, overview, view_schema
from tests.conftest import GOLDEN, MAPS, check_golden
from tests.strategies import argument_maps

GOLDEN_CASES = {
    "view-example": ("example-remote-work", ViewOptions()),
    "view-example-pole-themes": (
        "example-remote-work",
        ViewOptions(poles=("losses",), group_themes=True),
    ),
    "view-blank-2012-paradox-overview": ("blank-2012-paradox", overview()),
    "view-beijing-2008-cable-overview": ("beijing-2008-cable", overview()),
}

VALIDATOR = jsonschema.Draft202012Validator(view_schema())


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(view_schema())
    assert view_schema()["properties"]["version"] == {"const": VIEW_JSON_VERSION}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_view_json(name: str, update_golden: bool) -> None:
    """The JSON view of each case matches its golden file and validates against the schema."""
    map_name, options = GOLDEN_CASES[name]
    text = to_view_json(formats.load(MAPS / f"{map_name}.yaml"), options)
    VALIDATOR.validate(json.loads(text))
    check_golden(GOLDEN / f"{name}.json", text, update_golden)


def test_overlay_in_json() -> None:
    """An evaluation overlay gives each node its fill, badge, label and strength."""
    amap = formats.load(MAPS / "example-remote-work.yaml")
    marks = overlays(evaluate(amap, "grounded"), "label")
    data = json.loads(to_view_json(amap, ViewOptions(), marks))
    VALIDATOR.validate(data)
    node = next(n for n in data["nodes"] if n["id"] == "gains-thesis")
    assert node["overlay"]["label"] == marks["gains-thesis"].label
    assert node["overlay"]["fill"] == node["style"]["fill"]
    assert {"kind": "badge", "text": marks["gains-thesis"].badge} in node["label"]["header"]


@given(argument_maps())
def test_any_map_gives_valid_json(amap: ArgumentMap) -> None:
    """Every view of any valid map validates; ids are unique and every reference resolves."""
    for options in (ViewOptions(), ViewOptions(group_themes=True, show_legend=False)):
        data = json.loads(dumps_view(make_view(amap, options)))
        VALIDATOR.validate(data)
        node_ids = [n["id"] for n in data["nodes"]]
        names = node_ids + [j["id"] for j in data["junctions"]]
        assert len(set(names)) == len(names)
        edge_ids = [e["id"] for e in data["edges"]]
        assert len(set(edge_ids)) == len(edge_ids)
        assert all(e["tail"] in names and e["head"] in names for e in data["edges"])
        group_ids = {g["id"] for g in data["groups"]}
        placed = [m for g in data["groups"] for m in g["members"]] + data["loose"]
        assert sorted(placed) == sorted(names), "every node and junction is drawn exactly once"
        assert all(n["group"] is None or n["group"] in group_ids for n in data["nodes"])


def test_cli_render_json(tmp_path: Path) -> None:
    """``argmap render --format json`` and ``-o view.json`` write the view document."""
    runner = CliRunner()
    out = tmp_path / "view.json"
    result = runner.invoke(app, ["render", str(MAPS / "example-remote-work.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    VALIDATOR.validate(data)
    result = runner.invoke(
        app, ["render", str(MAPS / "example-remote-work.yaml"), "-f", "json", "-o", "-", "--pole", "gains"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["options"]["poles"] == ["gains"]
