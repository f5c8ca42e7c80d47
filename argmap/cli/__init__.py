"""Stage 7, the command line: ``argmap`` and ``argmap-iccma``, thin layers over the library.

Owns argument parsing, the one exit-code and error policy (:mod:`~argmap.cli._common`) and one
module per command group. May import every stage; nothing imports ``cli``. Commands import the
stages they need when they run, and :func:`main` answers ``argmap --version`` before typer is
even imported, so the commonest first command starts instantly (``tests/cli/test_app.py`` checks
that the answer is the one the typer app gives). ``app`` and the exit codes are loaded on first use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

    from argmap.cli._common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE
    from argmap.cli.app import app

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNUSABLE", "app", "main"]

#: The command lines answered without typer: the version flag alone (any other argument goes
#: through the app, so ``argmap --version check`` and ``argmap -V --help`` behave as typer says).
_VERSION_ONLY = (["--version"], ["-V"])


def main() -> None:
    """Console-script entry point (:func:`argmap.cli.app.main`), with ``--version`` answered first."""
    if sys.argv[1:] in _VERSION_ONLY:
        from argmap._files import run_guarded

        sys.exit(run_guarded(_print_version))
    from argmap.cli.app import main as run_app

    run_app()


def _print_version() -> int:
    # What the app's eager --version option prints (typer.echo: the line, then a flush).
    from argmap._version import __version__

    sys.stdout.write(f"argmap {__version__}\n")
    sys.stdout.flush()
    return 0


def __getattr__(name: str) -> Any:
    if name in ("EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNUSABLE"):
        from argmap.cli import _common

        return getattr(_common, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(types.ModuleType):
    """This package, whose ``app`` is always the typer app (built on first use), never the submodule.

    Importing :mod:`argmap.cli.app` makes Python set the package attribute ``app`` to that
    submodule; the app used to be imported eagerly and bound over it. Now that the app loads
    lazily, the attribute is a property, and the import system's assignment is ignored.
    """

    @property
    def app(self) -> typer.Typer:
        return importlib.import_module("argmap.cli.app").app  # type: ignore[no-any-return]

    @app.setter
    def app(self, value: object) -> None:
        pass  # the submodule itself, set by the import system; see the class docstring


sys.modules[__name__].__class__ = _Package
