"""Tests of argmap.lint.emit.json: the version 2 document, spans with ends, load problems as diagnostics."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from argmap.lint.check import FileReport
from argmap.lint.emit.json import VERSION, format_json
from tests.lint.emit.sample import REPORTS
from tests.strategies import file_reports


def test_json_document() -> None:
    """Files with their diagnostics (code, severity, ids, span with end, hint), then a summary."""
    doc = json.loads(format_json(REPORTS))
    assert doc["version"] == VERSION == 2
    assert [(f["path"], f["loaded"]) for f in doc["files"]] == [
        ("maps/a.yaml", True),
        ("maps/clean.yaml", True),
        ("maps/bad.yaml", False),
        ("maps/gone.yaml", False),
    ]
    assert doc["files"][0]["diagnostics"][0] == {
        "code": "S002",
        "severity": "error",
        "message": "premise 'ghost' is not a known proposition (in inference 'i1')",
        "ids": ["i1", "ghost"],
        "span": {"file": "maps/a.yaml", "line": 10, "column": 19, "end_line": 10, "end_column": 24},
        "hint": "check the spelling, or add the proposition",
    }
    assert doc["files"][0]["diagnostics"][1]["span"] is None
    assert doc["files"][2]["diagnostics"][0]["code"] == "Y002"
    assert doc["files"][3]["diagnostics"][0]["span"] == {
        "file": "maps/gone.yaml",
        "line": None,
        "column": None,
        "end_line": None,
        "end_column": None,
    }
    assert doc["summary"] == {"files": 4, "unreadable": 2, "errors": 3, "warnings": 1, "info": 1}


@given(st.lists(file_reports, max_size=3))
def test_any_report_round_trips_through_json(reports: list[FileReport]) -> None:
    """Whatever the messages and paths, the output is JSON holding every diagnostic's code and message."""
    doc = json.loads(format_json(reports))
    assert [[(d["code"], d["message"]) for d in f["diagnostics"]] for f in doc["files"]] == [
        [(d.code, d.message) for d in r.diagnostics] for r in reports
    ]
