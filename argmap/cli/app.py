"""The ``argmap`` command line: the app, its ``--version``, the entry point and the command table.

Owns the typer app and :func:`main`, which maps usage errors to exit code 2. The commands live in
one module per command group (:mod:`~argmap.cli.render`, :mod:`~argmap.cli.check`,
:mod:`~argmap.cli.maps`, :mod:`~argmap.cli.evaluate`, ...), each with a ``register(app)`` function;
:data:`COMMAND_MODULES` lists them in help order. To add a command group, write
``argmap/cli/<group>.py`` with ``register`` and add its name to the table.

Start-up is part of the interface: this module and the command modules import only typer, the
standard library and :mod:`argmap.cli._common` at module level. A command imports the stages it
needs (formats, lint rules, numpy-backed evaluation, graphviz) inside its function, so
``argmap --version`` and ``argmap check`` never pay for the evaluation stack
(``tests/test_startup.py``, ``benchmarks/bench_startup.py``). Command modules do not use ``from
__future__ import annotations``: typer would then compile every annotation string on every start
(about 15 ms for a command with many options); names imported only for type checking are quoted.

Exit codes: 0 success; 1 problems found in a map; 2 unusable input (missing file, parse error, bad
option, Graphviz missing). Errors are one line each on stderr, never a traceback.
"""

import importlib
import sys
from typing import Annotated

import typer

from argmap.cli._common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, run_guarded

__all__ = ["COMMAND_MODULES", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNUSABLE", "app", "main"]

#: Command-group modules under ``argmap.cli``, each with ``register(app: typer.Typer) -> None``.
#: Their order is the order of ``argmap --help``.
COMMAND_MODULES: tuple[str, ...] = ("check", "render", "html", "maps", "evaluate", "compare")

app = typer.Typer(
    name="argmap",
    help="Argument maps: check, render, outline and convert them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        import argmap

        typer.echo(f"argmap {argmap.__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Argument maps: check, render, outline and convert them."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"argmap.cli.{_name}").register(app)


def main() -> None:
    """Console-script entry point: usage errors become one line on stderr and exit code 2.

    A standard output that cannot be written (full device, closed pipe) is one line and exit 2.
    """
    sys.exit(run_guarded(_main))


def _main() -> None:
    try:
        code = app(standalone_mode=False)
    except typer.Exit as stop:
        code = stop.exit_code
    except typer.TyperException as error:  # usage errors: unknown option, bad value, missing argument
        if error.format_message():  # empty when help was shown instead (no arguments at all)
            typer.echo(f"argmap: error: {error.format_message()} (see 'argmap -h')", err=True)
        sys.exit(EXIT_UNUSABLE if error.exit_code == 2 else error.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("argmap: interrupted", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
