"""Reports every emitter test formats: lint findings (with and without spans), a clean file, and two
files that could not be loaded (a parse error with a span that has an end, a missing file)."""

from __future__ import annotations

from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.lint.check import FileReport

UNKNOWN = Diagnostic(
    "S002",
    Severity.ERROR,
    "premise 'ghost' is not a known proposition (in inference 'i1')",
    ("i1", "ghost"),
    Span("maps/a.yaml", 10, 19, 10, 24),
    "check the spelling, or add the proposition",
)
LOOSE = Diagnostic("H001", Severity.WARNING, "proposition 'x' is connected to nothing", ("x",))
THEME = Diagnostic(
    "P006", Severity.INFO, "theme 't' appears only on pole 'p'", ("t", "p"), Span("maps/a.yaml", 4, 5)
)
SYNTAX = Diagnostic(
    "Y002",
    Severity.ERROR,
    "duplicate key 'title'",
    (),
    Span("maps/bad.yaml", 3, 1, 3, 6),
    "keep one of the two keys",
)
MISSING = Diagnostic(
    "F001", Severity.ERROR, "no such file", (), Span.of_file("maps/gone.yaml"), "check the path"
)

REPORTS = [
    FileReport("maps/a.yaml", (UNKNOWN, LOOSE, THEME)),
    FileReport("maps/clean.yaml"),
    FileReport("maps/bad.yaml", (SYNTAX,), loaded=False),
    FileReport("maps/gone.yaml", (MISSING,), loaded=False),
]
