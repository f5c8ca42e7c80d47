"""Tests of argmap.lint.check: file reports (load problems included), summaries, exit codes, checking."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.errors import InputError, ParseError
from argmap.lint.check import FileReport, check_files, exit_code, summarise
from tests.conftest import MAPS

UNKNOWN = Diagnostic("S002", Severity.ERROR, "premise 'ghost' is not a known proposition", ("i1", "ghost"))
LOOSE = Diagnostic("H001", Severity.WARNING, "proposition 'x' is connected to nothing", ("x",))
THEME = Diagnostic("P006", Severity.INFO, "theme 't' appears only on pole 'p'", ("t", "p"))
MISSING = Diagnostic("F001", Severity.ERROR, "no such file", (), Span.of_file("x.yaml"))


@pytest.mark.parametrize(
    ("diagnostics", "loaded", "strict", "code"),
    [
        ((), True, False, 0),
        ((THEME,), True, True, 0),
        ((LOOSE,), True, False, 0),
        ((LOOSE,), True, True, 1),
        ((UNKNOWN,), True, False, 1),
        ((MISSING,), False, False, 2),
    ],
)
def test_exit_code(diagnostics: tuple[Diagnostic, ...], loaded: bool, strict: bool, code: int) -> None:
    """0 without errors (warnings fail only when strict, info never), 1 with errors, 2 when unreadable."""
    reports = [FileReport("a.yaml", diagnostics, loaded=loaded), FileReport("ok.yaml")]
    assert exit_code(reports, strict=strict) == code


def test_unreadable_wins_over_errors() -> None:
    """One file that could not be loaded makes the exit code 2 even when another file has errors."""
    reports = [FileReport("a.yaml", (UNKNOWN,)), FileReport("x.yaml", (MISSING,), loaded=False)]
    assert exit_code(reports) == 2


def test_summary_counts_load_problems_as_errors_and_files_as_unreadable() -> None:
    """A file's load problems are errors like any other; the file also counts as unreadable."""
    summary = summarise(
        [FileReport("a.yaml", (UNKNOWN, LOOSE, THEME)), FileReport("x.yaml", (MISSING,), loaded=False)]
    )
    assert (summary.files, summary.unreadable, summary.errors, summary.warnings, summary.infos) == (
        2,
        1,
        2,
        1,
        1,
    )
    assert not summary.clean and summarise([FileReport("a.yaml")]).clean


@pytest.mark.parametrize(
    "error",
    [
        ParseError("title: expected a string, got a list", "m.yaml", 3, 8, code="M001"),
        InputError("no such file", "m.yaml", code="F001"),
    ],
    ids=["parse", "input"],
)
def test_unreadable_report_keeps_every_coded_diagnostic(error: ParseError | InputError) -> None:
    """A report made from an error holds that error's diagnostics, codes and spans unchanged."""
    report = FileReport.unreadable("m.yaml", error)
    assert not report.loaded and report.diagnostics == error.diagnostics


def test_old_error_keywords_still_make_an_unreadable_report() -> None:
    """FileReport(path, error=..., error_location=...) (the older form) is a coded, unloaded report."""
    report = FileReport("b.yaml", error="bad", error_location=Span("b.yaml", 3, 7))
    assert not report.loaded
    assert report.diagnostics == (Diagnostic("F000", Severity.ERROR, "bad", (), Span("b.yaml", 3, 7)),)
    assert report.error == "b.yaml:3:7: F000 bad" and FileReport("a.yaml").error is None


def test_check_files_reports_each_file(tmp_path: Path) -> None:
    """Each file gets a report: lint findings for a map that loads, coded load problems otherwise."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\ntitle: T\npropositions:\n  - {id: a, text: A.}\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: [unclosed\n", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    reports = check_files(
        [MAPS / "example-remote-work.yaml", broken, bad, tmp_path / "missing.yaml"],
        progress=lambda n, total, path: seen.append((n, total, Path(path).name)),
    )
    assert [r.loaded for r in reports] == [True, True, False, False]
    assert [[d.code for d in r.diagnostics] for r in reports] == [[], ["H001"], ["Y001"], ["F001"]]
    syntax = reports[2].diagnostics[0]
    assert syntax.span is not None and (syntax.span.file, syntax.span.line) == (str(bad), 3)
    assert reports[3].diagnostics[0].span == Span.of_file(str(tmp_path / "missing.yaml"))
    assert seen == [
        (1, 4, "example-remote-work.yaml"),
        (2, 4, "broken.yaml"),
        (3, 4, "bad.yaml"),
        (4, 4, "missing.yaml"),
    ]


def test_check_files_reports_every_structure_problem(tmp_path: Path) -> None:
    """All structure problems of a file are reported, each with its own M code and position."""
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\ntitle: [A]\npropositons: []\n", encoding="utf-8")
    (report,) = check_files([path])
    found = sorted((d.code, d.span.line if d.span else 0) for d in report.diagnostics)
    assert found == [("M001", 2), ("M003", 3)]


def test_check_files_rejects_a_bad_selector_before_reading() -> None:
    """An unknown rule selector raises ValueError before any file is looked at."""
    with pytest.raises(ValueError, match="Q1"):
        check_files(["does-not-exist.yaml"], select=["Q1"])


def test_the_old_report_module_re_exports_the_new_homes() -> None:
    """argmap.lint.report (before the split) still gives the same functions, from check.py and emit/."""
    from argmap.lint import check, emit, report

    assert report.check_files is check.check_files and report.FileReport is check.FileReport
    assert report.format_sarif is emit.format_sarif and report.FORMATS == emit.FORMATS
