"""``argmap html`` through typer's CliRunner: the page, its options and the exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import EXIT_OK, EXIT_UNUSABLE, app
from tests.conftest import MAPS

runner = CliRunner()
EXAMPLE = str(MAPS / "example-remote-work.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.needs_dot
def test_html_writes_one_self_contained_page(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    code, out, err = run("html", EXAMPLE, "-o", str(target), "--semantics", "grounded,qe")
    assert code == EXIT_OK, err
    assert out.strip() == f"wrote {target}"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "default-src 'none'" in page
    assert '"grounded"' in page and '"qe"' in page and '"df-quad"' not in page


@pytest.mark.needs_dot
def test_html_to_stdout() -> None:
    code, out, _ = run("html", EXAMPLE, "-o", "-", "--semantics", "grounded", "--no-balance")
    assert code == EXIT_OK and out.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["html", "missing.yaml"], "missing.yaml: F001 no such file"),
        (["html", EXAMPLE, "--sources", "no-such-dir"], "no-such-dir is not a directory"),
        (["html", EXAMPLE, "--semantics", "grounded,nope"], "'nope' is not one of"),
        (["html", EXAMPLE, "-o", EXAMPLE], "would overwrite the input"),
    ],
)
def test_html_unusable_input_exits_2_with_one_line(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == EXIT_UNUSABLE
    assert message in out + err
    assert "Traceback" not in out + err


@pytest.mark.needs_dot
def test_html_never_leaves_half_a_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "map.html"
    target.parent.mkdir()
    target.parent.chmod(0o500)
    try:
        code, _, err = run("html", EXAMPLE, "-o", str(target), "--semantics", "grounded")
    finally:
        target.parent.chmod(0o700)
    if code == EXIT_OK:  # running as root: permissions do not apply
        assert target.read_text(encoding="utf-8").endswith("</html>\n")
    else:
        assert code == EXIT_UNUSABLE and "cannot write" in err and not target.exists()
