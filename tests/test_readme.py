"""The README opens with the two set-up commands and its Python example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    """The first code block holds exactly `make demo` and `make test`."""
    first = re.search(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    assert first is not None
    commands = [line.split("#")[0].strip() for line in first.group(1).splitlines()]
    assert commands == ["make demo", "make test"]


def test_python_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's Python example runs as written and does what the text says."""
    block = re.search(r"```python\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    code = block.group(1)
    assert len(code.strip().splitlines()) <= 6
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "digraph argmap {" in out
    assert (tmp_path / "tea.yaml").is_file()


def test_yaml_example_is_a_valid_fragment() -> None:
    """The README's YAML example loads as a map."""
    from argmap import formats

    block = re.search(r"```yaml\n(.*?)```", README, flags=re.DOTALL)
    assert block is not None
    amap = formats.loads(block.group(1))
    assert amap.title.startswith("Remote work")


def test_every_documented_picture_has_its_command() -> None:
    """Each SVG under docs/maps is listed with the one `argmap render` command that draws it."""
    rows = dict(re.findall(r"\]\(docs/maps/([\w.-]+)\.svg\) \| `(argmap render [^`]+)` \|", README))
    pictures = sorted(p.stem for p in (ROOT / "docs" / "maps").glob("*.svg"))
    assert sorted(rows) == pictures
    for stem, command in rows.items():
        _, _, map_path, option, spec = command.split()
        assert option == "--view" and (ROOT / map_path).is_file()
        # tests/cli/test_render.py checks that --view SPEC draws the committed DOT of <map>-<view>.
        assert stem == f"{Path(map_path).stem}-{spec.replace(':', '-')}"


def test_readme_says_how_to_run_and_install() -> None:
    """After set-up: how to run argmap, how to install it elsewhere, where quote texts come from."""
    for needed in (".venv/bin/argmap", "source .venv/bin/activate", "pip install", "[solvers]", "--sources"):
        assert needed in README, needed
