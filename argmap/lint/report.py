"""Deprecated home of checking and report formatting; kept so older imports keep working.

Checking files is :mod:`argmap.lint.check`; each output format is its own module under
:mod:`argmap.lint.emit`. New code imports from those.
"""

from __future__ import annotations

from argmap.lint.check import FileReport, Summary, check_files, exit_code, summarise
from argmap.lint.emit import FORMATS, format_json, format_report, format_sarif, format_text, summary_line
from argmap.lint.emit.json import diagnostic_json

__all__ = [
    "FORMATS",
    "FileReport",
    "Summary",
    "check_files",
    "diagnostic_json",
    "exit_code",
    "format_json",
    "format_report",
    "format_sarif",
    "format_text",
    "summarise",
    "summary_line",
]
