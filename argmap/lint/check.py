"""Checking map files: load and lint each one into a :class:`FileReport`, count, choose the exit code.

A file that cannot be loaded is reported like any other: its load problems (``F001`` no such file,
``Y001`` invalid YAML, ``M003`` unknown key ...) are the report's diagnostics, so every emitter in
:mod:`argmap.lint.emit` handles one kind of value. May import ``model``, ``formats`` and the rest
of ``lint``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

import attrs

from argmap import formats
from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.errors import UNCODED, ArgmapError
from argmap.lint import select_rules, validate
from argmap.model.core import ArgumentMap

__all__ = ["FileReport", "Summary", "check_files", "exit_code", "summarise"]


@attrs.frozen(slots=True, init=False)
class FileReport:
    """The outcome of checking one file: its diagnostics, and whether it could be loaded at all.

    ``error=`` (a message) and ``error_location=`` are accepted as the older way of saying the
    file could not be loaded; prefer :meth:`unreadable`.
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    #: False when the file could not be read or parsed; its diagnostics then say why.
    loaded: bool
    #: True for a file of links between two maps (checked against both), not a map.
    links: bool = False

    def __init__(
        self,
        path: str,
        diagnostics: Iterable[Diagnostic] = (),
        *,
        loaded: bool = True,
        links: bool = False,
        error: str | None = None,
        error_location: Span | None = None,
    ) -> None:
        found = tuple(diagnostics)
        if error is not None:
            span = error_location or Span.of_file(path)
            found = (Diagnostic(UNCODED, Severity.ERROR, error, (), span), *found)
            loaded = False
        self.__attrs_init__(path, found, loaded, links)

    @classmethod
    def unreadable(cls, path: str, error: ArgmapError, *, links: bool = False) -> FileReport:
        """The report of a file that ``error`` kept from loading (every diagnostic it carries)."""
        found = getattr(error, "diagnostics", None)
        if not found:
            found = (Diagnostic(UNCODED, Severity.ERROR, str(error), (), Span.of_file(path)),)
        return cls(path, found, loaded=False, links=links)

    @property
    def error(self) -> str | None:
        """Deprecated: the load problems as text, or ``None`` for a file that loaded."""
        return None if self.loaded else "\n".join(str(d) for d in self.diagnostics)


@attrs.frozen(slots=True)
class Summary:
    """Counts over a set of reports; load problems count as errors too."""

    files: int
    unreadable: int
    errors: int
    warnings: int
    infos: int
    #: How many of the files are link files (the rest are maps).
    links: int = 0

    @property
    def clean(self) -> bool:
        """Nothing at all to report."""
        return not (self.unreadable or self.errors or self.warnings or self.infos)


def summarise(reports: Iterable[FileReport]) -> Summary:
    """Files, unreadable files and diagnostics by severity."""
    files = unreadable = links = 0
    counts = dict.fromkeys(Severity, 0)
    for report in reports:
        files += 1
        unreadable += not report.loaded
        links += report.links
        for diag in report.diagnostics:
            counts[diag.severity] += 1
    return Summary(
        files, unreadable, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], links
    )


def check_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    loaded: Callable[[str, ArgumentMap], None] | None = None,
    ends: bool = True,
) -> list[FileReport]:
    """Load and lint each map file; a file that cannot be loaded gets its load problems instead.

    ``progress(n, total, path)`` is called before each file, ``loaded(path, amap)`` with each map
    that loaded (a caller can look further at it without loading it again). With ``ends`` (the
    default), a finding's span in a YAML or JSON map runs to the end of the key or value it starts
    at (for SARIF's and editors' regions), which costs a second read of a file with findings; text
    output, which shows only where a finding starts, can do without. ``ValueError`` for an unknown
    rule selector (raised before any file is read).
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
            # An imported file (AIF) also reports what its import could not keep.
            amap, imported = formats.load_reporting(path)
        except ArgmapError as error:
            reports.append(FileReport.unreadable(name, error))
            continue
        if loaded is not None:
            loaded(name, amap)
        found = validate(amap, sources_dir=sources_dir, select=select, ignore=ignore)
        if ends and found:
            found = _ended(found, formats.span_ends(path))
        reports.append(FileReport(name, (*imported, *found) if imported else found))
    return reports


def _ended(found: Sequence[Diagnostic], ended: Callable[[Span], Span]) -> list[Diagnostic]:
    out = []
    for d in found:
        span = ended(d.span) if d.span is not None else None
        out.append(d if span == d.span else Diagnostic(d.code, d.severity, d.message, d.ids, span, d.hint))
    return out


def exit_code(reports: Iterable[FileReport], *, strict: bool = False) -> int:
    """0: no errors (with ``strict``, no warnings either); 1: there are; 2: a file could not be loaded."""
    summary = summarise(reports)
    if summary.unreadable:
        return 2
    if summary.errors or (strict and summary.warnings):
        return 1
    return 0
