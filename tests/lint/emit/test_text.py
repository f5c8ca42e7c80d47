"""Tests of argmap.lint.emit.text: one line per diagnostic (load problems alike), hints, colour, summary."""

from __future__ import annotations

import re

import pytest

from argmap.lint.check import FileReport, summarise
from argmap.lint.emit import format_json, format_report, format_sarif
from argmap.lint.emit.text import format_text, summary_line
from tests.lint.emit.sample import MISSING, REPORTS, UNKNOWN


def test_text_lines_have_the_familiar_shape() -> None:
    """'file:line:col: CODE message' for every diagnostic, load problems too; hints below; a summary."""
    assert format_text(REPORTS).splitlines() == [
        "maps/a.yaml:10:19: S002 premise 'ghost' is not a known proposition (in inference 'i1')",
        "    hint: check the spelling, or add the proposition",
        "maps/a.yaml: H001 proposition 'x' is connected to nothing",
        "maps/a.yaml:4:5: P006 theme 't' appears only on pole 'p'",
        "maps/bad.yaml:3:1: Y002 duplicate key 'title'",
        "    hint: keep one of the two keys",
        "maps/gone.yaml: F001 no such file",
        "    hint: check the path",
        "Checked 4 maps: 3 errors, 1 warning, 1 info, 2 unreadable",
    ]


def test_text_without_hints() -> None:
    """Hints can be left out."""
    assert "hint:" not in format_text(REPORTS, hints=False)


def test_colour_only_when_asked() -> None:
    """ANSI colour codes appear only with color=True, and the text is the same once they are removed."""
    plain = format_text(REPORTS)
    coloured = format_text(REPORTS, color=True)
    assert "\x1b[" not in plain
    assert "\x1b[31mS002\x1b[0m" in coloured and "\x1b[31mF001\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


@pytest.mark.parametrize(
    ("reports", "line"),
    [
        ([FileReport("a.yaml")], "Checked 1 map: no problems found"),
        ([FileReport("a.yaml"), FileReport("b.yaml")], "Checked 2 maps: no problems found"),
        ([FileReport("a.yaml", (UNKNOWN, UNKNOWN))], "Checked 1 map: 2 errors, 0 warnings, 0 info"),
        (
            [FileReport("a.yaml", (MISSING,), loaded=False)],
            "Checked 1 map: 1 error, 0 warnings, 0 info, 1 unreadable",
        ),
        (
            [FileReport("a.yaml"), FileReport("b.yaml"), FileReport("ab.links.yaml", links=True)],
            "Checked 2 maps and 1 link file: no problems found",
        ),
        (
            [
                FileReport("x.links.yaml", links=True),
                FileReport("y.links.yaml", (MISSING,), loaded=False, links=True),
            ],
            "Checked 0 maps and 2 link files: 1 error, 0 warnings, 0 info, 1 unreadable",
        ),
    ],
)
def test_summary_line(reports: list[FileReport], line: str) -> None:
    """The summary counts maps, errors (load problems too), warnings, info and unreadable files."""
    assert summary_line(summarise(reports)) == line


def test_format_report_dispatches_and_rejects_unknown_formats() -> None:
    """format_report picks the emitter by name and rejects any other name."""
    assert format_report(REPORTS, "text") == format_text(REPORTS)
    assert format_report(REPORTS, "json") == format_json(REPORTS)
    assert format_report(REPORTS, "sarif") == format_sarif(REPORTS)
    with pytest.raises(ValueError, match="xml"):
        format_report(REPORTS, "xml")
