"""``argmap render`` through CliRunner: --view pictures, --view all, format and suffix checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import formats
from argmap.cli import EXIT_OK, EXIT_UNUSABLE, app
from argmap.view.presets import named_views
from tests.conftest import MAPS, ROOT

runner = CliRunner()
EXAMPLE = str(MAPS / "example-remote-work.yaml")
DOCS_MAPS = ROOT / "docs" / "maps"
DOCUMENT_MAPS = ("blank-2012-paradox", "beijing-2008-cable")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["render", *args])
    return result.exit_code, result.stdout, result.stderr


def _pictures() -> list[tuple[str, str]]:
    """(map name, view spec) for every view of the document maps."""
    return [
        (name, view.spec)
        for name in DOCUMENT_MAPS
        for view in named_views(formats.load(MAPS / f"{name}.yaml"))
    ]


@pytest.mark.parametrize(("name", "spec"), _pictures())
def test_view_reproduces_the_documented_picture(name: str, spec: str) -> None:
    """`argmap render MAP --view SPEC` draws exactly the picture under docs/maps (the README's commands)."""
    code, out, err = run(str(MAPS / f"{name}.yaml"), "--view", spec, "-f", "dot", "-o", "-")
    assert code == EXIT_OK, err
    stem = spec.replace(":", "-")
    committed = (DOCS_MAPS / f"{name}-{stem}.dot").read_text(encoding="utf-8")
    assert _without_links(out) == _without_links(committed)


def _without_links(dot: str) -> str:
    # The documentation's pictures also link to one another (URL attributes, docs/generate.py);
    # the picture itself, everything else in the DOT, is what the command must reproduce.
    return re.sub(r"\n\t*URL=\"[^\"]*\"(?=\n)", "", re.sub(r" URL=\"[^\"]*\"", "", dot))


@pytest.mark.parametrize(
    ("args", "present", "absent"),
    [
        (["--view", "overview", "--direction", "TB"], "rankdir=TB", "rankdir=LR"),
        (["--view", "pole:gains"], "rankdir=LR", "rankdir=TB"),
        (["--view", "full", "--no-legend"], "digraph", "Legend"),
        (["--overview"], "rankdir=LR", "output-up"),
    ],
)
def test_options_adjust_the_chosen_view(args: list[str], present: str, absent: str) -> None:
    """Options given beside --view change only what they name."""
    code, out, err = run(EXAMPLE, *args, "-f", "dot", "-o", "-")
    assert code == EXIT_OK, err
    assert present in out and absent not in out


def test_no_skeleton_leaves_out_the_verdict() -> None:
    """--no-skeleton (the setting of the pole and theme views) drops explanations and the verdict."""
    amap = formats.load(EXAMPLE)
    verdicts = [p.id for p in amap.propositions if p.role.value == "verdict"]
    assert verdicts
    with_skeleton = run(EXAMPLE, "-f", "dot", "-o", "-")[1]
    without = run(EXAMPLE, "--no-skeleton", "-f", "dot", "-o", "-")[1]
    assert all(v in with_skeleton for v in verdicts) and not any(f'"{v}"' in without for v in verdicts)


def test_view_all_writes_every_view(tmp_path: Path) -> None:
    """--view all -o DIR writes each view in each format, one 'wrote PATH  TITLE' line per file."""
    code, out, err = run(EXAMPLE, "--view", "all", "-o", str(tmp_path / "pics"), "-f", "dot,json")
    assert code == EXIT_OK, err
    views = named_views(formats.load(EXAMPLE))
    expected = [f"example-remote-work-{v.name}.{fmt}" for v in views for fmt in ("dot", "json")]
    assert sorted(p.name for p in (tmp_path / "pics").iterdir()) == sorted(expected)
    lines = out.splitlines()
    assert len(lines) == len(expected) and all(line.startswith("wrote ") for line in lines)
    assert lines[0].endswith("example-remote-work-overview.dot  Overview")


@pytest.mark.needs_dot
def test_view_all_draws_the_whole_map_as_svg_not_png(tmp_path: Path) -> None:
    """A PNG of the whole map is an unreadable poster: --view all gives it an SVG instead."""
    code, _, err = run(EXAMPLE, "--view", "all", "-o", str(tmp_path), "-f", "png")
    assert code == EXIT_OK, err
    names = {p.name for p in tmp_path.iterdir()}
    assert "example-remote-work-full.svg" in names and "example-remote-work-full.png" not in names
    assert "example-remote-work-overview.png" in names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "png", "-o", "m.svg"], "--format png contradicts the file's suffix '.svg'"),
        (["-f", "dot", "-o", "m.json"], "--format dot contradicts"),
        (["--view", "pole:nope", "-f", "dot"], "'nope' is not a pole of this map"),
        (["--view", "poster", "-f", "dot"], "unknown view 'poster'"),
        (["--view", "all", "-o", "-"], "give -o a directory"),
        (["-f", "svg,png", "-o", "m.svg"], "several, comma-separated, only with --view all"),
        (["--overview", "--view", "full"], "--overview contradicts --view full"),
    ],
)
def test_contradictions_exit_2(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format that contradicts the file name, or an unknown view, is one error line and exit 2."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(EXAMPLE, *args)
    assert code == EXIT_UNUSABLE
    assert message in err and "Traceback" not in err
    assert not list(tmp_path.iterdir()), "nothing is written"


def test_unknown_suffix_takes_the_format(tmp_path: Path) -> None:
    """A suffix that names no format (m.out) claims nothing: --format decides."""
    target = tmp_path / "m.out"
    assert run(EXAMPLE, "-f", "dot", "-o", str(target))[0] == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("digraph")


def test_default_name_carries_the_view(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o, a view is written as <map>-<view>.<format> in the current directory."""
    monkeypatch.chdir(tmp_path)
    assert run(EXAMPLE, "--view", "overview", "-f", "dot")[0] == EXIT_OK
    assert (tmp_path / "example-remote-work-overview.dot").exists()


@pytest.mark.parametrize(
    ("view", "option", "needle"),
    [
        ("overview", "--show-evidence", "output-up"),  # evidence the overview leaves out
        ("pole:gains", "--skeleton", '"different-measures" ['),  # an explanation a pole view leaves out
    ],
)
def test_every_preset_setting_can_be_turned_back(view: str, option: str, needle: str) -> None:
    """Each setting a named view changes has a flag that undoes it."""
    preset = run(EXAMPLE, "--view", view, "-f", "dot", "-o", "-")[1]
    adjusted = run(EXAMPLE, "--view", view, option, "-f", "dot", "-o", "-")[1]
    assert (needle in preset) != (needle in adjusted)
