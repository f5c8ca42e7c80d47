"""Tests of argmap.cli._common: the one exit-code and error policy of argmap and argmap-iccma."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import EXIT_UNUSABLE, app
from argmap.cli._common import error_lines, report_error
from argmap.cli.iccma import main as iccma_main
from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.errors import InputError, ParseError


@pytest.mark.parametrize(
    ("error", "lines"),
    [
        (
            ParseError("title: expected a string, got a list", "m.yaml", 3, 8, code="M001"),
            ["argmap: error: m.yaml:3:8: M001 title: expected a string, got a list"],
        ),
        (
            ParseError(
                diagnostics=(
                    Diagnostic("M003", Severity.ERROR, "unknown key 'x'", (), Span("m.yaml", 4, 1)),
                    Diagnostic("M001", Severity.ERROR, "title: expected a string", (), Span("m.yaml", 3, 8)),
                )
            ),
            [
                "argmap: error: m.yaml:4:1: M003 unknown key 'x'",
                "argmap: error: m.yaml:3:8: M001 title: expected a string",
            ],
        ),
        (InputError("no such file", "m.yaml", code="F001"), ["argmap: error: m.yaml: F001 no such file"]),
        (ValueError("unknown problem 'XX'"), ["argmap: error: unknown problem 'XX'"]),
        ("plain text", ["argmap: error: plain text"]),
        (
            ParseError("bad \x1b[31mred\x1b[0m", "m.yaml", 1, 1, code="M002"),
            ["argmap: error: m.yaml:1:1: M002 bad \\x1b[31mred\\x1b[0m"],
        ),
    ],
    ids=["one", "several", "input", "other", "text", "controls"],
)
def test_error_lines(error: BaseException | str, lines: list[str]) -> None:
    """One line per diagnostic ('prog: error: FILE:LINE:COL: CODE message'), escape sequences shown."""
    assert error_lines(error) == lines


def test_report_error_prints_and_returns_2(capsys: pytest.CaptureFixture[str]) -> None:
    """report_error (argparse-based commands) prints the same lines on stderr and returns exit code 2."""
    assert report_error(InputError("no such file", "af.i23", code="F001"), "argmap-iccma") == EXIT_UNUSABLE
    assert capsys.readouterr().err == "argmap-iccma: error: af.i23: F001 no such file\n"


@pytest.mark.parametrize(
    "text", [None, "p af 2\n1 3\n", "1 2\n", "p af 2\n1 x\n"], ids=["missing", "outside", "header", "syntax"]
)
def test_argmap_and_argmap_iccma_report_a_bad_framework_alike(
    tmp_path: Path, text: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both console scripts give the same coded line (bar the program name) and exit 2."""
    path = tmp_path / "bad.i23"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["af", str(path), "--semantics", "grounded"])
    code = iccma_main(["-p", "SE-GR", "-f", str(path)])
    iccma_err = capsys.readouterr().err
    assert result.exit_code == code == EXIT_UNUSABLE
    assert result.stderr.removeprefix("argmap: ") == iccma_err.removeprefix("argmap-iccma: ")
    assert iccma_err.count("\n") == 1
    assert " A00" in iccma_err or " F001 " in iccma_err
