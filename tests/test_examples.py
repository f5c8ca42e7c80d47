"""Every script in examples/ runs to completion and writes what it says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPTS = sorted((ROOT / "examples").glob("*.py"))


def test_there_are_examples() -> None:
    """The examples directory holds at least the two documented scripts."""
    names = {s.name for s in SCRIPTS}
    assert {"build_and_render.py", "inspect_and_convert.py"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    """The script exits with 0 when run from a scratch directory."""
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    for line in result.stdout.splitlines():
        if line.startswith("wrote "):
            assert (tmp_path / line.removeprefix("wrote ")).is_file()


def test_build_and_render_output(tmp_path: Path) -> None:
    """The builder example produces a loadable YAML map equal to the one it built."""
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import build_and_render
    finally:
        sys.path.pop(0)
    import argmap

    assert build_and_render.main(["x", str(tmp_path)]) == 0
    assert argmap.load(tmp_path / "tram.yaml") == build_and_render.build_map()
    assert (tmp_path / "tram.dot").read_text(encoding="utf-8").startswith("digraph argmap {")


def test_themes_by_side_lists_both_poles() -> None:
    """The themes example prints each document map's themes with a heading for each pole."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "themes_by_side.py")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Factors of attraction" in result.stdout or "attraction" in result.stdout.lower()
    assert result.stdout.count("== ") >= 2
