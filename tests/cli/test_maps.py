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
