"""Tests of ``argmap-iccma``, the ICCMA solver interface: info calls, every problem, errors."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.af import Framework, credulous, extensions, sceptical
from argmap.af.iccma import dump_iccma
from argmap.cli.iccma import FORMATS, PROBLEMS, main, solve_problem


@pytest.fixture
def cycle_af(tmp_path: Path) -> Path:
    """1 attacks 2, 2 and 3 attack each other, 4 attacks itself: grounded {1, 3}, no stable extension."""
    path = tmp_path / "f.i23"
    path.write_text("p af 4\n1 2\n2 3\n3 2\n4 4\n", encoding="utf-8")
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("args", "out"),
    [
        ([], None),
        (["--problems"], "[" + ",".join(PROBLEMS) + "]\n"),
        (["--formats"], "[i23,apx,tgf]\n"),
    ],
)
def test_information_calls(args: list[str], out: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    """No arguments prints name and version; --problems and --formats print bracketed lists."""
    code, stdout, _ = _run(args, capsys)
    assert code == 0
    if out is None:
        assert stdout.startswith("argmap ") and stdout.count("\n") == 2
    else:
        assert stdout == out
    assert len(PROBLEMS) == 12 and "DS-PR" in PROBLEMS and set(FORMATS) == {"i23", "apx", "tgf"}


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["-p", "SE-GR"], "w 1 3\n"),
        (["-p", "SE-CO"], "w 1 3\n"),
        (["-p", "SE-PR"], "w 1 3\n"),
        (["-p", "SE-ST"], "NO\n"),
        (["-p", "DC-PR", "-a", "3"], "YES\nw 1 3\n"),
        (["-p", "DC-PR", "-a", "2"], "NO\n"),
        (["-p", "DC-CO", "-a", "1"], "YES\nw 1 3\n"),
        (["-p", "DC-GR", "-a", "4"], "NO\n"),
        (["-p", "DS-PR", "-a", "1"], "YES\n"),
        (["-p", "DS-GR", "-a", "4"], "NO\nw 1 3\n"),
        (["-p", "DS-ST", "-a", "4"], "YES\n"),
        (["-p", "DC-ST", "-a", "1"], "NO\n"),
        (["-p", "SE-GR", "-fo", "i23"], "w 1 3\n"),
    ],
)
def test_problems_answer_in_iccma_conventions(
    cycle_af: Path, args: list[str], out: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each problem prints the ICCMA 2023 answer: a witness line, or YES/NO with a certificate."""
    code, stdout, stderr = _run([*args, "-f", str(cycle_af)], capsys)
    assert (code, stdout, stderr) == (0, out, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "XX-PR", "-f", "FILE"], "unknown problem 'XX-PR'"),
        (["-p", "DC-PR", "-f", "FILE"], "needs the query argument"),
        (["-p", "DC-PR", "-f", "FILE", "-a", "9"], "argument '9' is not in the framework"),
        (["-p", "SE-PR", "-f", "FILE", "-fo", "xml"], "unknown format 'xml'"),
        (["-p", "SE-PR", "-f", "FILE", "-q"], "unrecognized arguments: -q"),
        (["-f", "FILE", "-a", "1"], "-p PROBLEM and -f FILE are required"),
    ],
)
def test_usage_errors_are_one_line_exit_2(
    cycle_af: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad problems, formats, arguments and options: exit 2, one stderr line, nothing on stdout."""
    code, stdout, stderr = _run([str(cycle_af) if a == "FILE" else a for a in args], capsys)
    assert code == 2 and stdout == ""
    assert stderr.count("\n") == 1 and message in stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [(None, "bad.i23: F001 no such file"), ("p af 2\n1 3\n", "bad.i23:2:1: A003 attack 1 3 names")],
)
def test_file_errors_name_the_file(
    tmp_path: Path, text: str | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or malformed framework file exits 2 with the file (and line) in one message."""
    path = tmp_path / "bad.i23"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    code, _, stderr = _run(["-p", "SE-GR", "-f", str(path)], capsys)
    assert code == 2 and message in stderr
    # The error policy every argmap command follows: one line per problem, 'prog: error: ' first.
    assert stderr.count("\n") == 1 and stderr.startswith("argmap-iccma: error: ")


def test_random_frameworks_agree_with_the_library(tmp_path: Path) -> None:
    """On random frameworks every problem's answer is consistent with the library's extensions."""
    rng = random.Random(7)
    for case in range(25):
        n = rng.randint(1, 9)
        fw = Framework.from_indices(n, [(rng.randint(1, n), rng.randint(1, n)) for _ in range(2 * n)])
        path = tmp_path / f"r{case}.i23"
        path.write_text(dump_iccma(fw), encoding="utf-8")
        query = str(rng.randint(1, n))
        for problem in PROBLEMS:
            task, code = problem.split("-")
            semantics = {"CO": "complete", "GR": "grounded", "PR": "preferred", "ST": "stable"}[code]
            answer = solve_problem(problem, str(path), argument=None if task == "SE" else query)
            exts = extensions(fw, semantics)
            lines = answer.splitlines()
            if task == "SE":
                assert lines == ["NO"] if not exts else frozenset(lines[0].split()[1:]) in exts
                continue
            decide = credulous if task == "DC" else sceptical
            expected = decide(fw, query, semantics).accepted
            assert lines[0] == ("YES" if expected else "NO"), (problem, case)
            if len(lines) > 1:  # the certificate is an extension of that semantics
                assert frozenset(lines[1].split()[1:]) in exts


def test_console_script_entry_point(cycle_af: Path) -> None:
    """The installed module runs as a program with the harness's calling convention."""
    result = subprocess.run(
        [sys.executable, "-m", "argmap.cli.iccma", "-p", "DC-PR", "-f", str(cycle_af), "-a", "3"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "YES\nw 1 3\n")
