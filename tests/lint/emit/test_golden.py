"""Golden snapshots of ``argmap check`` in every output format (text, JSON, SARIF).

One run over four inputs: a clean map, a map with lint findings, two maps that do not load (a YAML
file with a wrong type and a misspelt key, a JSON file with a duplicate key) and a missing file,
so each emitter's snapshot shows load problems and lint findings side by side. The run is made
from ``tests/golden/inputs`` so the paths in the snapshots are short and stable. Regenerate with
``pytest --update-golden``.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.lint.emit import FORMATS
from tests.conftest import GOLDEN, check_golden

INPUTS = GOLDEN / "inputs"
FILES = ["clean.yaml", "findings.yaml", "broken.yaml", "broken.json", "missing.yaml"]
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif.json"}


def _stable(fmt: str, output: str) -> str:
    """The SARIF driver's version and rule texts change with releases and rule edits; the rest is pinned."""
    if fmt != "sarif":
        return output
    log = json.loads(output)
    driver = log["runs"][0]["tool"]["driver"]
    driver["version"] = "<version>"
    driver["rules"] = [rule["id"] for rule in driver["rules"]]
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_output_matches_golden(fmt: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each format reports load problems exactly like lint findings; the run exits 2 (unreadable files)."""
    monkeypatch.chdir(INPUTS)
    result = CliRunner().invoke(app, ["check", *FILES, "--format", fmt])
    assert result.exit_code == 2, result.output
    check_golden(GOLDEN / "check" / f"report.{SUFFIX[fmt]}", _stable(fmt, result.stdout), update_golden)
