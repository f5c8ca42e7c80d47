"""One emitter per output format of ``argmap check``: :mod:`.text`, :mod:`.json`, :mod:`.sarif`.

Every emitter is a pure function from :class:`~argmap.lint.check.FileReport` values to a string,
and treats a load problem (a missing file, a syntax error) exactly like a lint finding: both are
diagnostics with a code and a span. Only the caller decides where the string goes and whether
the terminal takes colour. May import ``lint`` and ``diagnostics``.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.lint.check import FileReport
from argmap.lint.emit.json import format_json
from argmap.lint.emit.sarif import format_sarif
from argmap.lint.emit.text import format_text, summary_line

__all__ = ["FORMATS", "format_json", "format_report", "format_sarif", "format_text", "summary_line"]

#: Output formats of :func:`format_report`, by the name ``argmap check --format`` takes.
FORMATS = ("text", "json", "sarif")


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
