"""Golden snapshots of ``argmap evaluate`` in every output format (text, JSON, Markdown).

Each snapshot holds four runs: a clean map, a map with lint findings (reported, then exit 1), a map
that does not load and a missing file (one ``argmap: error:`` line per coded diagnostic, exit 2),
each with its exit code, standard output and standard error. The runs are made from
``tests/golden/inputs`` so paths stay short and stable. Regenerate with ``pytest --update-golden``.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.evaluation.emit import FORMATS
from tests.conftest import GOLDEN, check_golden

INPUTS = GOLDEN / "inputs"
CASES = [("clean.yaml", 0), ("findings.yaml", 1), ("broken.yaml", 2), ("missing.yaml", 2)]
SUFFIX = {"text": "txt", "json": "json.txt", "markdown": "md.txt"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_evaluate_output_matches_golden(
    fmt: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reports for usable maps, coded one-line errors for unusable ones, with the documented exit codes."""
    monkeypatch.chdir(INPUTS)
    runner = CliRunner()
    parts = []
    for name, expected in CASES:
        result = runner.invoke(app, ["evaluate", name, "--format", fmt, "--backend", "python"])
        assert result.exit_code == expected, (name, result.output)
        parts += [
            f"$ argmap evaluate {name} --format {fmt}",
            f"exit {result.exit_code}",
            "--- stdout",
            result.stdout.rstrip("\n"),
            "--- stderr",
            result.stderr.rstrip("\n"),
            "",
        ]
    check_golden(GOLDEN / "evaluate" / f"report.{SUFFIX[fmt]}", "\n".join(parts), update_golden)


def test_the_old_report_module_re_exports_the_emitters() -> None:
    """argmap.evaluation.report (before the split) still gives the same functions."""
    from argmap.evaluation import emit, report

    assert report.dumps_json is emit.dumps_json
    assert report.format_evaluation_text is emit.format_evaluation_text
    assert report.evaluation_report_markdown is emit.evaluation_report_markdown
