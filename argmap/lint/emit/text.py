"""The text emitter: ``file:line:col: CODE message`` lines with hints, then a one-line summary.

The shape compilers and ruff use, so editors can jump to each problem. May import ``lint``.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.diagnostics import Diagnostic, Severity
from argmap.lint.check import FileReport, Summary, summarise

__all__ = ["format_text", "summary_line"]

_ANSI = {"red": "31", "yellow": "33", "blue": "34", "green": "32", "bold": "1", "dim": "2"}
_SEVERITY_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _paint(text: str, colour: str, enabled: bool) -> str:
    return f"\x1b[{_ANSI[colour]}m{text}\x1b[0m" if enabled else text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


def where(diag: Diagnostic, path: str) -> str:
    """``file:line:col`` of ``diag`` (``file`` alone for a whole-file problem), ``path`` if it names none."""
    span = diag.span
    if span is None:
        return path
    file = span.file or path
    return file if span.whole_file else f"{file}:{span.line}:{span.column}"


def format_text(reports: Sequence[FileReport], *, color: bool = False, hints: bool = True) -> str:
    """``file:line:col: CODE message`` lines (each with its hint), then a one-line summary."""
    lines: list[str] = []
    for report in reports:
        for diag in report.diagnostics:
            code = _paint(diag.code, _SEVERITY_COLOUR[diag.severity], color)
            lines.append(f"{where(diag, report.path)}: {code} {diag.message}")
            if hints and diag.hint:
                lines.append(f"    {_paint('hint:', 'dim', color)} {diag.hint}")
    lines.append(summary_line(summarise(reports), color=color))
    return "\n".join(lines) + "\n"


def summary_line(summary: Summary, *, color: bool = False) -> str:
    """``Checked 3 maps: 1 error, 2 warnings, 0 info`` (``Checked 2 maps and 1 link file: ...`` when link
    files were checked too; with colour when asked)."""
    head = f"Checked {_plural(summary.files - summary.links, 'map')}"
    if summary.links:
        head += f" and {_plural(summary.links, 'link file')}"
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
