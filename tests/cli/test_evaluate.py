"""Tests of the ``argmap af`` and ``argmap evaluate`` commands through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "maps" / "example-remote-work.yaml"
runner = CliRunner()


@pytest.fixture
def cycle_af(tmp_path: Path) -> Path:
    """An ICCMA file: 1 attacks 2, 2 and 3 attack each other, 4 attacks itself."""
    path = tmp_path / "f.af"
    path.write_text("# example\np af 4\n1 2\n2 3\n3 2\n4 4\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["--semantics", "grounded"], "w 1 3\n"),
        (["--semantics", "preferred"], "w 1 3\n"),
        (["--semantics", "stable"], "NO\n"),
        (["--semantics", "complete", "--task", "some"], "w 1 3\n"),
        (["--semantics", "preferred", "--task", "credulous", "--arg", "3"], "YES\nw 1 3\n"),
        (["--semantics", "preferred", "--task", "credulous", "--arg", "2"], "NO\n"),
        (["--semantics", "preferred", "--task", "sceptical", "--arg", "1"], "YES\n"),
        (["--semantics", "grounded", "--task", "sceptical", "--arg", "4"], "NO\nw 1 3\n"),
        (["--semantics", "stable", "--task", "sceptical", "--arg", "4"], "YES\n"),
        (["--semantics", "preferred", "--backend", "python"], "w 1 3\n"),
    ],
)
def test_af_prints_iccma_answers(cycle_af: Path, args: list[str], output: str) -> None:
    """`argmap af` prints extensions and YES/NO answers in the ICCMA conventions, exit 0."""
    result = runner.invoke(app, ["af", str(cycle_af), *args])
    assert result.exit_code == 0, result.output
    assert result.stdout == output


def test_af_malformed_file_exits_2_with_line(tmp_path: Path) -> None:
    """A malformed framework file exits with 2 and names the file and line."""
    path = tmp_path / "bad.af"
    path.write_text("p af 2\n1 9\n", encoding="utf-8")
    result = runner.invoke(app, ["af", str(path)])
    assert result.exit_code == 2
    assert "bad.af:2" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--semantics", "ideal"],
        ["--task", "credulous"],
        ["--task", "sceptical", "--arg", "99"],
        ["--task", "guess"],
    ],
)
def test_af_bad_options_exit_2(cycle_af: Path, args: list[str]) -> None:
    """Unknown semantics or tasks, a missing --arg and an unknown argument are unusable input."""
    result = runner.invoke(app, ["af", str(cycle_af), *args])
    assert result.exit_code == 2


def test_af_reads_apx(tmp_path: Path) -> None:
    """APX files are recognised by their suffix and answered with argument names."""
    path = tmp_path / "f.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n", encoding="utf-8")
    result = runner.invoke(app, ["af", str(path), "--semantics", "stable"])
    assert result.exit_code == 0 and result.stdout == "w a\n"


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "stable", "df-quad", "qe", "euler"])
def test_evaluate_text_table(semantics: str) -> None:
    """`argmap evaluate` prints a table with both poles and the margin for every semantics."""
    result = runner.invoke(app, ["evaluate", str(EXAMPLE), "--semantics", semantics])
    assert result.exit_code == 0, result.output
    assert "Productivity gains" in result.stdout and "Innovation losses" in result.stdout
    assert "margin" in result.stdout and f"semantics: {semantics}" in result.stdout


def test_evaluate_text_lists_themes_per_side() -> None:
    """The text report gives each theme a block with one line per pole, strongest factor first."""
    out = runner.invoke(app, ["evaluate", str(EXAMPLE)]).stdout
    block = out[out.index("themes (factors on each side") :].splitlines()
    assert block[1] == "Focus time"
    assert block[2].startswith("  Productivity gains [2]: ")
    assert block[3].startswith("  Innovation losses [2]: ")
    assert all(len(line) <= 100 for line in block[: block.index("")])


def test_evaluate_json() -> None:
    """`--format json` prints the balance as JSON with per-factor shifts."""
    result = runner.invoke(app, ["evaluate", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["semantics"] == "qe"  # the default: DF-QuAD saturates on maps with many supports
    assert {f["id"] for f in data["factors"]} >= {"async-habits", "ticket-mix"}


@pytest.mark.parametrize(
    "args",
    [["--semantics", "h-categoriser"], ["--format", "xml"], ["missing.yaml"]],
)
def test_evaluate_bad_input_exits_2(args: list[str]) -> None:
    """Unknown semantics or formats and missing files exit with 2."""
    target = [] if args == ["missing.yaml"] else [str(EXAMPLE)]
    result = runner.invoke(app, ["evaluate", *target, *args])
    assert result.exit_code == 2


_BROKEN = """\
title: Broken
propositions:
  - {id: a, text: A}
  - {id: b, text: B}
inferences:
  - {id: i, premises: [a, zz], conclusion: b}
"""


def test_evaluate_map_with_errors_prints_result_warns_and_exits_1(tmp_path: Path) -> None:
    """A map with validation errors is still evaluated, but stderr says so and the exit code is 1."""
    path = tmp_path / "broken.yaml"
    path.write_text(_BROKEN, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1
    assert "node" in result.stdout
    assert result.stderr.count("\n") == 1
    assert "broken.yaml" in result.stderr and "S002" in result.stderr and "'zz'" in result.stderr


def test_evaluate_clean_map_has_no_warning() -> None:
    """The shipped example map evaluates with exit 0 and nothing on stderr."""
    result = runner.invoke(app, ["evaluate", str(EXAMPLE)])
    assert result.exit_code == 0
    assert result.stderr == ""
