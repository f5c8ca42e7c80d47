"""Start-up: what ``import argmap`` and each command import, checked in fresh interpreters.

Timing lives in ``benchmarks/bench_startup.py`` (ratios against ``import typer``); these tests pin
the cause instead, which does not flake: the modules a process has loaded after a command.
"""

from __future__ import annotations

import json
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest

from tests.conftest import MAPS

EXAMPLE = str(MAPS / "example-remote-work.yaml")

#: Heavy imports no light command may pay for: numpy (af, evaluation), graphviz (export), pydantic
#: (typer 0.29 coerces parameters through it) and the evaluation stack.
HEAVY = ("numpy", "graphviz", "pydantic", "argmap.af", "argmap.evaluation", "argmap.export")


def loaded_after(code: str) -> set[str]:
    """The modules loaded after running ``code`` in a fresh interpreter (SystemExit is expected)."""
    script = (
        "import json, sys\n"
        "try:\n" + "".join(f"    {line}\n" for line in code.splitlines()) + "except SystemExit:\n    pass\n"
        "sys.__stdout__.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def command(*args: str) -> str:
    return f"sys.argv = ['argmap', *{list(args)!r}]\nfrom argmap.cli import main\nmain()"


@pytest.mark.parametrize(
    ("code", "absent"),
    [
        ("import argmap", (*HEAVY, "attrs", "yaml", "argmap.lint", "argmap.formats")),
        ("import argmap.cli", (*HEAVY, "yaml", "argmap.lint", "argmap.formats")),
        (
            command("--version"),
            (*HEAVY, "typer", "attrs", "yaml", "argmap.lint", "argmap.formats", "importlib.metadata"),
        ),
        (
            command("check", EXAMPLE),
            (*HEAVY, "importlib.metadata", "argmap.formats.aif", "argmap.cli.render", "argmap.cli.compare"),
        ),
        (command("show", EXAMPLE), ("numpy", "graphviz", "pydantic", "argmap.af", "argmap.evaluation")),
        ("import argmap.lint", ("argmap.lint.rules", *HEAVY)),
    ],
    ids=["import argmap", "import argmap.cli", "--version", "check", "show", "import argmap.lint"],
)
def test_light_paths_import_no_heavy_module(code: str, absent: tuple[str, ...]) -> None:
    """``import argmap``, ``--version``, ``check`` and ``show`` load neither numpy nor graphviz."""
    loaded = loaded_after(code)
    assert not {name for name in absent if name in loaded}


def test_rule_families_load_when_rules_are_asked_for() -> None:
    """``all_rules()`` imports the rule families; every family has rules."""
    loaded = loaded_after(
        "from argmap.lint import all_rules\nassert len({r.family for r in all_rules()}) == 5"
    )
    assert "argmap.lint.rules.structure" in loaded


def test_af_command_imports_the_solver_but_not_the_map_stages() -> None:
    """``argmap af`` loads the af package (numpy) but no map format, linter or exporter."""
    loaded = loaded_after(command("af", "--help"))
    assert not {"argmap.evaluation", "argmap.export", "graphviz"} & loaded


def test_grounded_af_run_loads_neither_map_stages_nor_numpy_ma(tmp_path: Path) -> None:
    """Solving a large framework (the vectorised grounded path) loads no map stage and not
    ``numpy.ma`` (``np.unique`` would import it: 10 ms)."""
    framework = tmp_path / "chain.af"
    n = 5000
    framework.write_text(f"p af {n}\n" + "".join(f"{i} {i + 1}\n" for i in range(1, n)), encoding="utf-8")
    loaded = loaded_after(command("af", str(framework), "--semantics", "grounded", "--task", "some"))
    assert "argmap.af.framework" in loaded
    assert not {"numpy.ma", "argmap.evaluation", "argmap.export", "argmap.lint", "yaml"} & loaded


@pytest.mark.parametrize(
    ("copy", "original"),
    [
        ("argmap.cli.render:_DIRECTIONS", "argmap.view.select:DIRECTIONS"),
        ("argmap.cli.evaluate:_BACKENDS", "argmap.af:Backend"),
    ],
)
def test_cli_copies_of_vocabularies_agree(copy: str, original: str) -> None:
    """The CLI keeps a few option vocabularies as literals so building it imports no stage."""
    import importlib

    def value(spec: str) -> tuple[str, ...]:
        module, _, name = spec.partition(":")
        found = getattr(importlib.import_module(module), name)
        if isinstance(found, type) and issubclass(found, Enum):
            return tuple(str(member.value) for member in found)
        return tuple(found)

    assert value(copy) == value(original)


def test_command_modules_keep_annotations_evaluated() -> None:
    """No command module defers annotations: typer would compile each one on every start."""
    import importlib

    from argmap.cli.app import COMMAND_MODULES

    deferred = [
        name
        for name in COMMAND_MODULES
        if hasattr(importlib.import_module(f"argmap.cli.{name}"), "annotations")
    ]
    assert deferred == []
