"""Formatting validation results: text for people, JSON for tools, SARIF 2.1.0 for code scanning.

One :class:`FileReport` per checked map holds its diagnostics, or the reason it could not be
read. Every formatter is a pure function from reports to a string; only the caller decides
where the string goes and whether the terminal takes colour.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

import attrs

from argmap import formats
from argmap.errors import ArgmapError, Diagnostic, Location, ParseError, Severity
from argmap.lint import Rule, all_rules, select_rules, validate

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

#: Output formats of :func:`format_report`, by the name ``argmap check --format`` takes.
FORMATS = ("text", "json", "sarif")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _diagnostics(items: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(items)


@attrs.frozen(slots=True)
class FileReport:
    """The outcome of checking one map file."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)
    #: Why the file could not be read at all (missing, not a map, malformed); ``None`` if it was.
    error: str | None = None
    #: Where the unreadable input went wrong, when known.
    error_location: Location | None = None


@attrs.frozen(slots=True)
class Summary:
    """Counts over a set of reports."""

    files: int
    unreadable: int
    errors: int
    warnings: int
    infos: int

    @property
    def clean(self) -> bool:
        """Nothing at all to report."""
        return not (self.unreadable or self.errors or self.warnings or self.infos)


def summarise(reports: Iterable[FileReport]) -> Summary:
    """Files, unreadable files and diagnostics by severity."""
    files = unreadable = 0
    counts = dict.fromkeys(Severity, 0)
    for report in reports:
        files += 1
        unreadable += report.error is not None
        for diag in report.diagnostics:
            counts[diag.severity] += 1
    return Summary(files, unreadable, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])


# -- text ---------------------------------------------------------------------------------------

_ANSI = {"red": "31", "yellow": "33", "blue": "34", "green": "32", "bold": "1", "dim": "2"}
_SEVERITY_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _paint(text: str, colour: str, enabled: bool) -> str:
    return f"\x1b[{_ANSI[colour]}m{text}\x1b[0m" if enabled else text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


def _where(diag: Diagnostic, path: str) -> str:
    loc = diag.location
    if loc is None:
        return path
    return f"{loc.file or path}:{loc.line}:{loc.column}"


def format_text(reports: Sequence[FileReport], *, color: bool = False, hints: bool = True) -> str:
    """``file:line:col: CODE message`` lines (each with its hint), then a one-line summary."""
    lines: list[str] = []
    for report in reports:
        if report.error is not None:
            # Load errors already name the file (and line and column where known).
            lines.extend(
                f"{_paint('unreadable:', 'red', color)} {line}" for line in report.error.splitlines()
            )
            continue
        for diag in report.diagnostics:
            code = _paint(diag.code, _SEVERITY_COLOUR[diag.severity], color)
            lines.append(f"{_where(diag, report.path)}: {code} {diag.message}")
            if hints and diag.hint:
                lines.append(f"    {_paint('hint:', 'dim', color)} {diag.hint}")
    lines.append(summary_line(summarise(reports), color=color))
    return "\n".join(lines) + "\n"


def summary_line(summary: Summary, *, color: bool = False) -> str:
    """``Checked 3 maps: 1 error, 2 warnings, 0 info`` (with colour when asked)."""
    head = f"Checked {_plural(summary.files, 'map')}"
    if summary.clean:
        return f"{head}: {_paint('no problems found', 'green', color)}"
    parts = [
        _paint(_plural(summary.errors, "error"), "red", color and summary.errors > 0),
        _paint(_plural(summary.warnings, "warning"), "yellow", color and summary.warnings > 0),
        _paint(_plural(summary.infos, "info"), "blue", color and summary.infos > 0),
    ]
    if summary.unreadable:
        parts.append(_paint(f"{summary.unreadable} unreadable", "red", color))
    return f"{_paint(head, 'bold', color)}: {', '.join(parts)}"


# -- JSON ---------------------------------------------------------------------------------------


def _location_json(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"file": loc.file, "line": loc.line, "column": loc.column}


def diagnostic_json(diag: Diagnostic) -> dict[str, Any]:
    """One diagnostic as a JSON object (the documented shape of ``argmap check --format json``)."""
    return {
        "code": diag.code,
        "severity": diag.severity.value,
        "message": diag.message,
        "ids": list(diag.ids),
        "location": _location_json(diag.location),
        "hint": diag.hint,
    }


def format_json(reports: Sequence[FileReport]) -> str:
    """``{"version": 1, "files": [...], "summary": {...}}``, stable for tools to read."""
    summary = summarise(reports)
    document = {
        "version": 1,
        "files": [
            {
                "path": report.path,
                "error": report.error,
                "error_location": _location_json(report.error_location),
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


# -- SARIF --------------------------------------------------------------------------------------


def _version() -> str:
    # argmap/_version.py is the one source of the version; importlib.metadata costs start-up time.
    from argmap._version import __version__

    return __version__


def _uri(path: str) -> str:
    """A SARIF artifact URI: relative paths stay relative (with ``/``), absolute ones become file URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.summary}\n\nBroken:\n{rule.example}\nFixed:\n{rule.fix}"
    help_md = f"{rule.summary}\n\nBroken:\n\n```yaml\n{rule.example}```\n\nFixed:\n\n```yaml\n{rule.fix}```\n"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} ({rule.family.value})"},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": [rule.family.value]},
    }


def _physical(path: str, loc: Location | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(loc.file if loc and loc.file else path)}}
    if loc is not None:
        physical["region"] = {"startLine": max(loc.line, 1), "startColumn": max(loc.column, 1)}
    return physical


def format_sarif(reports: Sequence[FileReport], rules: Sequence[Rule] | None = None) -> str:
    """A SARIF 2.1.0 log with one run: every rule in the tool's catalogue and every diagnostic."""
    catalogue = list(rules if rules is not None else all_rules())
    position = {rule.code: n for n, rule in enumerate(catalogue)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        if report.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"cannot read map: {report.error}"},
                    "locations": [{"physicalLocation": _physical(report.path, report.error_location)}],
                }
            )
            continue
        for diag in report.diagnostics:
            text = diag.message if not diag.hint else f"{diag.message} (hint: {diag.hint})"
            result: dict[str, Any] = {
                "ruleId": diag.code,
                "level": _SARIF_LEVEL[diag.severity],
                "message": {"text": text},
                "locations": [{"physicalLocation": _physical(report.path, diag.location)}],
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
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": _version(),
                        "rules": [_sarif_rule(rule) for rule in catalogue],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def format_report(
    reports: Sequence[FileReport], fmt: str = "text", *, color: bool = False, hints: bool = True
) -> str:
    """Reports in one of :data:`FORMATS`; ``ValueError`` for any other name."""
    if fmt == "text":
        return format_text(reports, color=color, hints=hints)
    if fmt == "json":
        return format_json(reports)
    if fmt == "sarif":
        return format_sarif(reports)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


# -- checking files -----------------------------------------------------------------------------


def check_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[FileReport]:
    """Load and validate each map file; a file that cannot be loaded gets a report with its error.

    ``progress(n, total, path)`` is called before each file. ``ValueError`` for an unknown rule
    selector (raised before any file is read).
    """
    select = list(select) if select is not None else None
    ignore = list(ignore) if ignore is not None else None
    select_rules(select, ignore)  # fail on a bad selector before reading anything
    reports: list[FileReport] = []
    for n, path in enumerate(paths, start=1):
        name = os.fspath(path)
        if progress is not None:
            progress(n, len(paths), name)
        try:
            amap = formats.load(path)
        except ArgmapError as error:
            problems = error.errors if isinstance(error, ParseError) else (error,)
            first = problems[0]
            reports.append(
                FileReport(
                    name,
                    error="\n".join(str(p) for p in problems),
                    error_location=first.location if isinstance(first, ParseError) else None,
                )
            )
            continue
        found = validate(amap, sources_dir=sources_dir, select=select, ignore=ignore)
        reports.append(FileReport(name, tuple(found)))
    return reports


def exit_code(reports: Iterable[FileReport], *, strict: bool = False) -> int:
    """0: no errors (with ``strict``, no warnings either); 1: there are; 2: a file was unreadable."""
    summary = summarise(reports)
    if summary.unreadable:
        return 2
    if summary.errors or (strict and summary.warnings):
        return 1
    return 0
