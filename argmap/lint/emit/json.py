"""The JSON emitter: one document per run, stable for tools to read (``"version": 2``).

Shape::

    {"version": 2,
     "files": [{"path": "m.yaml", "loaded": true, "diagnostics": [DIAGNOSTIC, ...]}, ...],
     "summary": {"files": 1, "unreadable": 0, "errors": 0, "warnings": 0, "info": 0}}

    DIAGNOSTIC = {"code": "S002", "severity": "error", "message": "...", "ids": ["i1"],
                  "span": {"file": "m.yaml", "line": 10, "column": 19, "end_line": 10, "end_column": 24},
                  "hint": "..." or null}

``span`` is ``null`` when nothing locates the problem; its ``line`` and columns are ``null`` for a
problem with the whole file (it is missing). Version 1 had ``location`` (no end) and a per-file
``error`` string for files that could not be loaded; those are now diagnostics with codes.
May import ``lint``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from argmap.diagnostics import Diagnostic, Span
from argmap.lint.check import FileReport, summarise

__all__ = ["VERSION", "diagnostic_json", "format_json", "span_json"]

#: Version of the document's shape; raised on any incompatible change.
VERSION = 2


def span_json(span: Span | None) -> dict[str, Any] | None:
    """A span as a JSON object (``null`` positions for a whole-file span)."""
    if span is None:
        return None
    if span.whole_file:
        return {"file": span.file, "line": None, "column": None, "end_line": None, "end_column": None}
    end_line, end_column = span.end
    return {
        "file": span.file,
        "line": span.line,
        "column": span.column,
        "end_line": end_line,
        "end_column": end_column,
    }


def diagnostic_json(diag: Diagnostic) -> dict[str, Any]:
    """One diagnostic as a JSON object (the documented shape of ``argmap check --format json``)."""
    return {
        "code": diag.code,
        "severity": diag.severity.value,
        "message": diag.message,
        "ids": list(diag.ids),
        "span": span_json(diag.span),
        "hint": diag.hint,
    }


def format_json(reports: Sequence[FileReport]) -> str:
    """The whole run as one JSON document (see the module docstring for its shape)."""
    summary = summarise(reports)
    document = {
        "version": VERSION,
        "files": [
            {
                "path": report.path,
                "loaded": report.loaded,
                "diagnostics": [diagnostic_json(d) for d in report.diagnostics],
            }
            for report in reports
        ],
        "summary": {
            "files": summary.files,
            "unreadable": summary.unreadable,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "info": summary.infos,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
