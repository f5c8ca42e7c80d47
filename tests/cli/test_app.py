"""CLI tests through typer's CliRunner: render, show, convert, schema, --version, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import formats
from argmap.cli import EXIT_OK, EXIT_UNUSABLE, app
from tests.conftest import MAPS

runner = CliRunner()
EXAMPLE = str(MAPS / "example-remote-work.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    """--version prints the package version and exits 0."""
    code, out, _ = run("--version")
    assert code == EXIT_OK and out.startswith("argmap ")


def test_render_dot(tmp_path: Path) -> None:
    """render -o x.dot writes DOT and says what it wrote."""
    target = tmp_path / "m.dot"
    code, out, _ = run("render", EXAMPLE, "-o", str(target))
    assert code == EXIT_OK, out
    assert target.read_text(encoding="utf-8").startswith("digraph argmap {")
    assert f"wrote {target}" in out


def test_render_dot_to_stdout() -> None:
    """render -o - --format dot writes the DOT to standard output."""
    code, out, _ = run(
        "render", EXAMPLE, "-o", "-", "--format", "dot", "--hide-evidence", "--direction", "LR"
    )
    assert code == EXIT_OK
    assert "rankdir=LR" in out and "output-up" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "missing.yaml", "-f", "dot"], "missing.yaml: F001 no such file"),
        (["render", EXAMPLE, "--pole", "nope", "-f", "dot"], "'nope' is not a pole"),
        (["render", EXAMPLE, "--theme", "nope", "-f", "dot"], "'nope' is not a theme"),
        (["render", EXAMPLE, "-o", "out.gif"], "cannot tell the output format"),
        (["show", "missing.yaml"], "no such file"),
        (["convert", EXAMPLE, "-o", "out.txt"], "unknown map file suffix"),
    ],
)
def test_unusable_input_exits_2(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unusable input gives one error line naming the problem and exit code 2."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(*args)
    assert code == EXIT_UNUSABLE
    lines = err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in err


def test_parse_errors_list_every_problem(tmp_path: Path) -> None:
    """A malformed map gives one line per problem, each with file, line and column."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: x\npropositions:\n  - {id: a, role: nope}\n  - {id: b, text: [1]}\n", encoding="utf-8"
    )
    code, _, err = run("show", str(bad))
    assert code == EXIT_UNUSABLE
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"argmap: error: {bad}:") for line in lines)


def test_bad_option_values_exit_2() -> None:
    """Unknown formats and directions are usage errors (exit 2)."""
    assert run("render", EXAMPLE, "--format", "gif")[0] == EXIT_UNUSABLE
    assert run("render", EXAMPLE, "--direction", "up")[0] == EXIT_UNUSABLE


def test_show_outline() -> None:
    """show prints the title, the question, each pole and the verdict with its linked premises."""
    code, out, _ = run("show", EXAMPLE)
    assert code == EXIT_OK
    assert out.splitlines()[0] == "Remote work: more productive, yet less innovative?"
    assert "Pole: Productivity gains" in out and "Pole: Innovation losses" in out
    assert "& linked premises [i-shallow]" in out
    assert "x undercuts [i-output]" in out


def test_convert_round_trip(tmp_path: Path) -> None:
    """convert YAML to JSON and back keeps the map equal."""
    as_json, back = tmp_path / "m.json", tmp_path / "m.yaml"
    assert run("convert", EXAMPLE, "-o", str(as_json))[0] == EXIT_OK
    assert run("convert", str(as_json), "-o", str(back))[0] == EXIT_OK
    assert formats.load(back) == formats.load(EXAMPLE)
    assert json.loads(as_json.read_text(encoding="utf-8"))["title"].startswith("Remote work")


def test_schema_is_json() -> None:
    """schema prints a JSON Schema document."""
    code, out, _ = run("schema")
    assert code == EXIT_OK
    schema = json.loads(out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "propositions" in schema["properties"]


@pytest.mark.needs_dot
def test_render_svg_default_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o, render writes <map name>.svg in the current directory."""
    assert shutil.which("dot")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("render", EXAMPLE)
    assert code == EXIT_OK, out
    assert (tmp_path / "example-remote-work.svg").read_bytes().lstrip().startswith(b"<?xml")


def test_console_script_usage_error_is_one_line() -> None:
    """The installed entry point turns usage errors into one line on stderr and exit code 2."""
    result = subprocess.run(
        [sys.executable, "-c", "from argmap.cli import main; main()", "render", EXAMPLE, "--format", "gif"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == EXIT_UNUSABLE
    assert result.stderr.strip().count("\n") == 0
    assert "gif" in result.stderr and "Traceback" not in result.stderr


def entry_point(*args: str) -> subprocess.CompletedProcess[str]:
    """The console script's ``main`` run in a fresh interpreter with ``args``."""
    code = "from argmap.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)


@pytest.mark.parametrize("args", [["--version"], ["-V"], ["--version", "check"], ["-V", "--help"]])
def test_version_answers_as_the_typer_app_does(args: list[str]) -> None:
    """``--version`` alone is answered before typer loads; its output and exit code are the app's."""
    fast = entry_point(*args)
    code, out, _ = run(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (code, out, "")


def test_version_to_a_full_device_is_one_line() -> None:
    """The fast ``--version`` keeps the output guard: a full device is one line and exit 2."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    fast = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[1:] = ['-V']; from argmap.cli import main; main()"],
        stdout=open("/dev/full", "w"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert fast.returncode == EXIT_UNUSABLE
    assert fast.stderr.strip() == "argmap: error: cannot write to standard output (No space left on device)"


def test_command_table_matches_what_the_modules_register() -> None:
    """``COMMANDS`` names every registered command, its module and the help order."""
    import typer

    from argmap.cli.app import COMMAND_MODULES, COMMANDS, make_app

    assert [info.name for info in make_app().registered_commands] == list(COMMANDS)
    for module in COMMAND_MODULES:
        names = [info.name for info in make_app([module]).registered_commands]
        assert names == [name for name, owner in COMMANDS.items() if owner == module]
    assert isinstance(app, typer.Typer)
    assert [info.name for info in app.registered_commands] == list(COMMANDS)


@pytest.mark.parametrize(
    ("args", "modules"),
    [
        (["check", "m.yaml"], ("check",)),
        (["show", "m.yaml"], ("maps",)),
        (["af", "f.af", "--task", "some"], ("evaluate",)),
        (["--version", "render", "-h"], ("render",)),
        (["check", "render"], ("check",)),
        ([], None),
        (["--help"], None),
        (["chek", "m.yaml"], None),
        (["--", "check"], None),
        (["-h", "check"], None),
        (["--version", "--help", "show"], None),
        (["check", "--help"], ("check",)),
    ],
)
def test_command_modules_loads_only_the_named_command(
    args: list[str], modules: tuple[str, ...] | None
) -> None:
    """The entry point builds the named command's group alone; help and unknown names get all."""
    from argmap.cli.app import COMMAND_MODULES, command_modules

    assert command_modules(args) == (COMMAND_MODULES if modules is None else modules)


@pytest.mark.parametrize("args", [["--help"], ["-h", "check"]])
def test_entry_point_help_lists_every_command(args: list[str]) -> None:
    """``argmap --help`` (and ``-h`` before a command) lists every command, in the table's order."""
    from argmap.cli.app import COMMANDS

    result = entry_point(*args)
    assert result.returncode == EXIT_OK
    listed = [
        line.split()[1]
        for line in result.stdout.splitlines()
        if line.startswith("│ ") and line.split()[1] in COMMANDS
    ]
    assert listed == list(COMMANDS)


@pytest.mark.parametrize(("by", "badge"), [("label", "IN"), ("strength", "0.")])
def test_render_color_by(by: str, badge: str) -> None:
    """--color-by adds evaluation fills and badges to the diagram; unknown values exit 2."""
    plain = run("render", EXAMPLE, "-o", "-", "-f", "dot")[1]
    code, out, _ = run("render", EXAMPLE, "-o", "-", "-f", "dot", "--color-by", by)
    assert code == EXIT_OK
    assert out != plain and badge.lower() in out.lower()
    assert run("render", EXAMPLE, "-f", "dot", "--color-by", "mood")[0] == EXIT_UNUSABLE


def test_render_map_with_errors_warns_but_writes(tmp_path: Path) -> None:
    """A map with an unknown id still renders (exit 0), with one warning line naming the problem."""
    path = tmp_path / "broken.yaml"
    path.write_text(
        "title: B\npropositions:\n  - {id: a, text: A}\n"
        "attacks:\n  - {id: k, from: a, to: nope, kind: rebut}\n",
        encoding="utf-8",
    )
    out = tmp_path / "broken.dot"
    code, _, stderr = run("render", str(path), "-o", str(out))
    assert code == EXIT_OK and out.exists()
    assert stderr.count("\n") == 1 and "'nope'" in stderr and "warning" in stderr


@pytest.mark.parametrize(("option", "message"), [("--pole", "it has none"), ("--theme", "it has none")])
def test_render_unknown_view_id_lists_what_the_map_has(tmp_path: Path, option: str, message: str) -> None:
    """An unknown --pole/--theme exits 2 and says which ids the map does have."""
    path = tmp_path / "plain.yaml"
    path.write_text("title: P\npropositions:\n  - {id: a, text: A}\n", encoding="utf-8")
    code, _, stderr = run("render", str(path), option, "x", "-o", str(tmp_path / "p.dot"))
    assert code == EXIT_UNUSABLE and message in stderr
