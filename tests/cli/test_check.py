"""Tests of ``argmap check`` through typer's CliRunner: every output format, option and exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, app
from argmap.lint import all_rules
from tests.conftest import MAPS
from tests.lint.emit.test_sarif import assert_valid_sarif

runner = CliRunner()
EXAMPLE = str(MAPS / "example-remote-work.yaml")
RULES = {rule.code: rule for rule in all_rules()}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def broken(tmp_path: Path) -> str:
    """A map with one error (S002, an unknown attacker)."""
    return write(tmp_path, "broken.yaml", RULES["S002"].example)


@pytest.fixture
def warned(tmp_path: Path) -> str:
    """A map with one warning only (H001, a loose proposition)."""
    return write(tmp_path, "warned.yaml", RULES["H001"].example)


def test_clean_map_exits_0() -> None:
    """A clean map: exit 0 and a summary saying nothing was found."""
    code, out, _ = run(EXAMPLE)
    assert code == EXIT_OK
    assert out == "Checked 1 map: no problems found\n"


def test_errors_exit_1_with_located_lines(broken: str) -> None:
    """A map with an error: exit 1, a 'file:line:col: CODE message' line, its hint and the summary."""
    code, out, _ = run(broken)
    assert code == EXIT_PROBLEMS
    lines = out.splitlines()
    assert lines[0] == f"{broken}:9:20: S002 attacker 'strike' is not a known proposition (in attack 'a1')"
    assert lines[1].strip().startswith("hint:")
    assert lines[-1] == "Checked 1 map: 1 error, 0 warnings, 0 info"


def test_warnings_pass_unless_strict(warned: str) -> None:
    """Warnings alone exit 0, and 1 with --strict."""
    assert run(warned)[0] == EXIT_OK
    assert run(warned, "--strict")[0] == EXIT_PROBLEMS


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (["--select", "S"], EXIT_PROBLEMS),
        (["--select", "H,V"], EXIT_OK),
        (["--ignore", "S002"], EXIT_OK),
        (["--ignore", "structure"], EXIT_OK),
        (["--select", "S002", "--ignore", "S"], EXIT_OK),
    ],
)
def test_select_and_ignore(broken: str, options: list[str], code: int) -> None:
    """--select and --ignore take comma-separated codes, prefixes and families."""
    assert run(broken, *options)[0] == code


def test_unknown_selector_exits_2(broken: str) -> None:
    """An unknown rule code is a usage error: exit 2 with a one-line message, no traceback."""
    code, out, err = run(broken, "--select", "Z42")
    assert code == EXIT_UNUSABLE
    assert "Z42" in out + err and "Traceback" not in out + err


def test_unknown_format_exits_2() -> None:
    """--format accepts only text, json and sarif."""
    code, out, err = run(EXAMPLE, "--format", "xml")
    assert code == EXIT_UNUSABLE and "xml" in out + err


def test_missing_file_exits_2(tmp_path: Path) -> None:
    """A map that does not exist is unusable input: exit 2, reported like a finding with code F001."""
    code, out, _ = run(str(tmp_path / "nope.yaml"))
    assert code == EXIT_UNUSABLE
    assert "nope.yaml: F001 no such file" in out


def test_parse_error_exits_2_even_beside_errors(tmp_path: Path, broken: str) -> None:
    """A malformed file makes the run exit 2, and the other maps are still checked."""
    bad = write(tmp_path, "bad.yaml", "argmap: 1\ntitle: [unclosed\n")
    code, out, _ = run(bad, broken)
    assert code == EXIT_UNUSABLE
    assert "bad.yaml:3:1:" in out and "S002" in out


def test_many_files_print_no_progress_lines(broken: str, warned: str) -> None:
    """Three small maps, output not a terminal: no progress lines, one total on stdout."""
    code, out, err = run(EXAMPLE, broken, warned)
    assert code == EXIT_PROBLEMS
    assert [line for line in err.splitlines() if not line.startswith("argmap: info:")] == []
    assert out.splitlines()[-1] == "Checked 3 maps: 1 error, 1 warning, 0 info"


def test_single_file_shows_no_progress() -> None:
    """One map: no progress lines."""
    assert run(EXAMPLE, "--select", "S")[2] == ""


def test_unchecked_quotes_get_one_info_line(tmp_path: Path) -> None:
    """Without source texts, one stderr line says whose quotes went unchecked and how to check them."""
    code, out, err = run(EXAMPLE)
    assert code == EXIT_OK and out == "Checked 1 map: no problems found\n"
    assert err.splitlines() == [
        f"argmap: info: {EXAMPLE}: quotes from sources 'survey', 'interviews' were not checked: no source "
        "text found; give --sources DIR holding <source id>.txt, or a 'text:' path on the source"
    ]
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "survey.txt").write_text("interruptions fell by a third; closed tickets per head rose 12%")
    only_interviews = run(EXAMPLE, "--sources", str(texts))[2]
    assert only_interviews == ""  # with --sources, rule V008 reports each missing text in the report
    assert run(EXAMPLE, "--ignore", "V003")[2] == ""  # quote checking not asked for


def test_json_output(broken: str, warned: str) -> None:
    """--format json prints one JSON document with every file's diagnostics and the totals."""
    code, out, _ = run(broken, warned, "--format", "json")
    assert code == EXIT_PROBLEMS
    doc = json.loads(out)
    assert [d["code"] for f in doc["files"] for d in f["diagnostics"]] == ["S002", "H001"]
    assert doc["files"][0]["diagnostics"][0]["ids"] == ["a1", "strike"]
    assert doc["summary"]["errors"] == 1 and doc["summary"]["warnings"] == 1


def test_sarif_output_is_valid(tmp_path: Path, broken: str) -> None:
    """--format sarif prints a SARIF 2.1.0 log valid against the schema, a missing file as result F001."""
    code, out, _ = run(broken, str(tmp_path / "missing.yaml"), "--format", "sarif")
    assert code == EXIT_UNUSABLE
    log = json.loads(out)
    assert_valid_sarif(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["S002", "F001"]


def test_sources_option_checks_quotes(tmp_path: Path) -> None:
    """--sources DIR checks quotes against DIR/<source id>.txt: a misquote is an error."""
    rule = RULES["V003"]
    texts = tmp_path / "texts"
    texts.mkdir()
    for source, text in rule.texts.items():
        (texts / f"{source}.txt").write_text(text, encoding="utf-8")
    broken_map = write(tmp_path, "misquote.yaml", rule.example)
    fixed_map = write(tmp_path, "fixed.yaml", rule.fix)
    code, out, _ = run(broken_map, "--sources", str(texts))
    assert code == EXIT_PROBLEMS and "V003" in out and "closest passage" in out
    assert run(broken_map)[0] == EXIT_OK  # without source texts the quote cannot be checked
    assert run(fixed_map, "--sources", str(texts))[0] == EXIT_OK


def test_sources_must_be_a_directory(tmp_path: Path) -> None:
    """--sources pointing at no directory is a usage error."""
    assert run(EXAMPLE, "--sources", str(tmp_path / "none"))[0] == EXIT_UNUSABLE


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_map_passes_strict(path: Path) -> None:
    """Every map in maps/ passes check --strict (no errors, no warnings)."""
    sources = MAPS.parent.parent / "shared" / "sources"
    extra = ["--sources", str(sources)] if sources.is_dir() else []
    code, out, _ = run(str(path), "--strict", *extra)
    assert code == EXIT_OK, out
