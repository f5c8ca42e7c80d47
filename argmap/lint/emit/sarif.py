"""The SARIF 2.1.0 emitter, for code-scanning services (GitHub, GitLab, IDE viewers).

One run whose driver lists every lint rule and every load code (``F001`` no such file, ``Y001``
invalid YAML ...), and one result per diagnostic, load problems included, with a region from the
diagnostic's span (``endLine``/``endColumn`` exclusive, as SARIF counts). Columns are counted in
Unicode code points, as the loaders count them. May import ``lint`` and ``diagnostics``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from argmap.diagnostics import LOAD_CODES, LOAD_FAMILIES, Diagnostic, LoadCode, Severity
from argmap.lint.check import FileReport
from argmap.lint.registry import Rule, all_rules

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "format_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    # argmap/_version.py is the one source of the version; importlib.metadata costs every
    # `argmap check` about 20 ms of start-up, SARIF or not.
    from argmap._version import __version__

    return __version__


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (with ``/``), absolute ones become file URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())


def _lint_rule(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.summary}\n\nBroken:\n{rule.example}\nFixed:\n{rule.fix}"
    help_md = f"{rule.summary}\n\nBroken:\n\n```yaml\n{rule.example}```\n\nFixed:\n\n```yaml\n{rule.fix}```\n"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} ({rule.family.value})"},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.family.value]},
    }


def _load_rule(entry: LoadCode) -> dict[str, Any]:
    family = LOAD_FAMILIES[entry.code[0]][0]
    help_text = (
        f"{entry.summary}\n\nExample:\n{entry.example}\nargmap says:\n{entry.message}\nFix: {entry.fix}"
    )
    help_md = (
        f"{entry.summary}\n\nExample:\n\n```{entry.lang}\n{entry.example.rstrip()}\n```\n\n"
        f"argmap says: `{entry.message}`\n\nFix: {entry.fix}\n"
    )
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": f"{entry.summary} ({family})"},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["load", family]},
    }


def _location(path: str, diag: Diagnostic) -> dict[str, Any]:
    span = diag.span
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(span.file if span and span.file else path)}}
    if span is not None and not span.whole_file:
        start = (max(span.line, 1), max(span.column, 1))
        end = max(span.end, start)
        physical["region"] = {
            "startLine": start[0],
            "startColumn": start[1],
            "endLine": end[0],
            "endColumn": end[1],
        }
    return {"physicalLocation": physical}


def format_sarif(reports: Sequence[FileReport], rules: Sequence[Rule] | None = None) -> str:
    """A SARIF 2.1.0 log with one run: the tool's rules and load codes, and every diagnostic."""
    descriptors = [_lint_rule(rule) for rule in (rules if rules is not None else all_rules())]
    descriptors += [_load_rule(entry) for entry in LOAD_CODES.values()]
    position = {descriptor["id"]: n for n, descriptor in enumerate(descriptors)}
    results: list[dict[str, Any]] = []
    for report in reports:
        for diag in report.diagnostics:
            text = diag.message if not diag.hint else f"{diag.message} (hint: {diag.hint})"
            result: dict[str, Any] = {
                "ruleId": diag.code,
                "level": _LEVEL[diag.severity],
                "message": {"text": text},
                "locations": [_location(report.path, diag)],
                "properties": {"ids": list(diag.ids)},
            }
            if diag.code in position:
                result["ruleIndex"] = position[diag.code]
            results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": {"name": "argmap", "version": _version(), "rules": descriptors}},
                "invocations": [{"executionSuccessful": True}],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
