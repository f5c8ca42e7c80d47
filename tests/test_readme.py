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


def test_interchange_examples_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command of the Interchange section runs as written, in order, from a folder holding what the
    text says (debate.argdown saved from its block, the repository's maps/, the QT30 nodeset where the shared
    corpora are), and its Python example prints what the graph holds."""
    import shlex
    import shutil

    from typer.testing import CliRunner

    from argmap import formats
    from argmap.cli import app

    section = README.split("\n## Interchange\n", 1)[1].split("\n## ", 1)[0]
    argdown_block = re.search(r"```argdown\n(.*?)```", section, flags=re.DOTALL)
    assert argdown_block is not None and "Save this as `debate.argdown`" in section
    (tmp_path / "debate.argdown").write_text(argdown_block.group(1), encoding="utf-8")
    (tmp_path / "maps").symlink_to(ROOT / "maps", target_is_directory=True)
    nodeset = ROOT.parent / "shared" / "corpora" / "aif" / "qt30-sample" / "nodeset17918.json"
    if nodeset.is_file():
        shutil.copy(nodeset, tmp_path)
    monkeypatch.chdir(tmp_path)
    commands = [
        shlex.split(line, comments=True)
        for block in re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
        for line in block.splitlines()
        if line.strip()
    ]
    assert len(commands) == 11
    ran = 0
    for argv in commands:
        assert argv[0] == "argmap", argv
        if "nodeset17918.json" in argv and not nodeset.is_file():
            continue  # the shared corpora are not beside this clone
        if argv[1] == "render" and shutil.which("dot") is None:
            continue
        result = CliRunner().invoke(app, argv[1:])
        assert result.exit_code == 0, (argv, result.output)
        ran += 1
        if "-o" in argv:
            written = tmp_path / argv[argv.index("-o") + 1]
            assert written.is_file() and written.stat().st_size > 0, argv
            if written.suffix in (".yaml", ".argdown", ".aif") or written.name.endswith("-ova.json"):
                assert formats.load(written).propositions, argv
        if "nodeset17918.json" in argv and argv[1] == "convert":
            assert "53 import problems (AIF140 x17, AIF150 x18, AIF151 x18)" in result.stderr
    assert ran >= 6
    assert formats.load("debate-again.argdown") == formats.load("debate.yaml")
    python = re.search(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert python is not None
    capsys.readouterr()
    exec(compile(python.group(1), "README.md", "exec"), {})
    assert capsys.readouterr().out == "16 ['conclusion', 'premise', 'rebut', 'undercut']\n"
