"""The ``argmap`` command line: the app, its ``--version``, the entry point and the command table.

Owns the typer app and :func:`main`, which maps usage errors to exit code 2. The commands live in
one module per command group (:mod:`~argmap.cli.render`, :mod:`~argmap.cli.check`,
:mod:`~argmap.cli.maps`, :mod:`~argmap.cli.evaluate`, ...), each with a ``register(app)`` function;
:data:`COMMANDS` names the group module of every command, in help order. To add a command group,
write ``argmap/cli/<group>.py`` with ``register`` and add its commands to the table
(``tests/cli/test_app.py`` checks the table against what the modules register).

Start-up is part of the interface: this module and the command modules import only typer, the
standard library and :mod:`argmap.cli._common` at module level. A command imports the stages it
needs (formats, lint rules, numpy-backed evaluation, graphviz) inside its function, so
``argmap --version`` and ``argmap check`` never pay for the evaluation stack
(``tests/test_startup.py``, ``benchmarks/bench_startup.py``). :func:`main` builds an app with the
one command group the command line names (all of them for ``--help``, no command or an unknown
one), so a command neither imports nor converts the other commands' functions; :data:`app`, with
every command, is built on first use. Command modules do not use ``from __future__ import
annotations``: typer would then compile every annotation string on every start (about 15 ms for
a command with many options); names imported only for type checking are quoted.

Exit codes: 0 success; 1 problems found in a map; 2 unusable input (missing file, parse error, bad
option, Graphviz missing). Errors are one line each on stderr, never a traceback.
"""

import importlib
import sys
from collections.abc import Iterable, Sequence
from typing import Annotated

import typer

from argmap.cli._common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, run_guarded

__all__ = [
    "COMMANDS",
    "COMMAND_MODULES",
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_UNUSABLE",
    "app",
    "command_modules",
    "main",
    "make_app",
]

#: Command name -> the command-group module under ``argmap.cli`` that registers it (its
#: ``register(app: typer.Typer) -> None``). Their order is the order of ``argmap --help``.
COMMANDS: dict[str, str] = {
    "check": "check",
    "render": "render",
    "html": "html",
    "show": "maps",
    "convert": "maps",
    "schema": "maps",
    "af": "evaluate",
    "evaluate": "evaluate",
    "compare": "compare",
}
#: The app with every command (what ``--help`` lists), built on first use by ``__getattr__``.
app: typer.Typer

#: The command-group modules, in help order.
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))

_HELP = "Argument maps: check, render, outline and convert them."
_HELP_OPTIONS = ("-h", "--help")


def _version(value: bool) -> None:
    if value:
        import argmap

        typer.echo(f"argmap {argmap.__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Argument maps: check, render, outline and convert them."""


def make_app(modules: Iterable[str] = COMMAND_MODULES) -> typer.Typer:
    """A typer app with the commands of the command-group ``modules`` (default: every command)."""
    made = typer.Typer(
        name="argmap",
        help=_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": list(_HELP_OPTIONS)},
    )
    made.callback()(_root)
    for name in modules:
        importlib.import_module(f"argmap.cli.{name}").register(made)
    return made


def command_modules(args: Sequence[str]) -> tuple[str, ...]:
    """The command-group modules a command line needs: the named command's, else all of them.

    The root takes no option with a value, so the first argument that is not an option names the
    command. Without one (no arguments), after a help option (``argmap -h check`` shows the root's
    help) or with an unknown name, every group loads, so help lists every command and typer can
    suggest the closest name.
    """
    for arg in args:
        if arg == "--" or arg in _HELP_OPTIONS:
            break
        if not arg.startswith("-"):
            module = COMMANDS.get(arg)
            return (module,) if module is not None else COMMAND_MODULES
    return COMMAND_MODULES


def __getattr__(name: str) -> typer.Typer:
    # ``app`` (every command) is built on first use: main() builds only what a command needs.
    if name == "app":
        made = make_app()
        globals()["app"] = made
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point: usage errors become one line on stderr and exit code 2.

    A standard output that cannot be written (full device, closed pipe) is one line and exit 2.
    """
    sys.exit(run_guarded(_main))


def _main() -> None:
    command_line = make_app(command_modules(sys.argv[1:]))
    try:
        code = command_line(standalone_mode=False)
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
