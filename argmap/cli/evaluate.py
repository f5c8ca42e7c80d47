"""The ``argmap af`` and ``argmap evaluate`` commands, registered on the main CLI app.

Kept apart from the other commands so the evaluation commands can grow on their own;
:func:`register` adds them to the app. The af and evaluation stages (numpy, the solvers) are
imported inside the commands, so other commands never load them. Same exit codes as the rest of
the CLI: 0 success, 1 problems (a map with validation errors, or a gradual evaluation that did
not converge; the result is still printed), 2 unusable input.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli._common import EXIT_PROBLEMS, choice, echo_safe, fail, usage, warn_map_errors

if TYPE_CHECKING:
    from argmap.af import Framework

__all__ = ["AF_TASKS", "register", "run_af", "run_evaluate"]

AF_TASKS = ("enumerate", "some", "credulous", "sceptical")
_BACKENDS = ("auto", "clingo", "python")  # Backend values; tests/cli/test_evaluate.py checks


def _answer(fw: "Framework", semantics: str, task: str, arg: str | None, backend: str, most: int = 0) -> str:
    from argmap.af import credulous, extensions, sceptical, some_extension
    from argmap.af.iccma import format_acceptance, format_extension, format_extensions

    if task == "enumerate":
        # One more than asked for tells whether there are more; never all of a million.
        found = extensions(fw, semantics, backend=backend, limit=most + 1 if most else 0)
        if most and len(found) > most:
            raise _TooMany(format_extensions(fw, found[:most]))
        return format_extensions(fw, found)
    if task == "some":
        ext = some_extension(fw, semantics, backend=backend)
        return "NO" if ext is None else format_extension(fw, ext)
    assert arg is not None  # checked by the caller
    decide = credulous if task == "credulous" else sceptical
    return format_acceptance(fw, decide(fw, arg, semantics, backend=backend))


class _TooMany(Exception):  # noqa: N818 - not an error: carries the first extensions found
    """More extensions than ``--max``; carries the text of the first ``--max``."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def run_af(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="Framework file (ICCMA .af/.i23, .apx or .tgf).")
    ],
    semantics: Annotated[
        str, typer.Option("--semantics", "-s", help="grounded, complete, preferred or stable.")
    ] = "grounded",
    task: Annotated[
        str, typer.Option("--task", "-t", help="enumerate, some, credulous or sceptical.")
    ] = "enumerate",
    arg: Annotated[
        str | None, typer.Option("--arg", "-a", help="The argument for credulous/sceptical.")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="iccma, apx or tgf (default: from the file).")
    ] = None,
    backend: Annotated[str, typer.Option("--backend", help="auto, clingo or python.")] = "auto",
    most: Annotated[
        int,
        typer.Option(
            "--max", min=0, help="With --task enumerate: print at most N extensions (0: all). Default 1000."
        ),
    ] = 1000,
) -> None:
    """Solve an abstract framework; prints extensions or YES/NO as ICCMA solvers do."""
    from argmap.af import Semantics, SolverUnavailableError
    from argmap.af.iccma import FrameworkFormat, read_framework
    from argmap.diagnostics import short_repr
    from argmap.errors import ArgmapError

    choice(semantics, tuple(s.value for s in Semantics), "--semantics")
    choice(task, AF_TASKS, "--task")
    choice(backend, _BACKENDS, "--backend")
    if fmt is not None:
        choice(fmt, tuple(f.value for f in FrameworkFormat), "--format")
    if task in ("credulous", "sceptical") and arg is None:
        raise typer.BadParameter(f"--task {task} needs --arg", param_hint="--arg")
    try:
        fw = read_framework(file, fmt)
        if arg is not None and arg not in fw:
            usage(f"argument {short_repr(arg)} is not in the framework", file)
        typer.echo(_answer(fw, semantics, task, arg, backend, most))
    except _TooMany as partial:
        typer.echo(partial.text)
        typer.echo(
            f"argmap: warning: {file}: more than {most} extensions; printed the first {most} "
            "(raise --max, or ask --task credulous/sceptical per argument)",
            err=True,
        )
        raise typer.Exit(EXIT_PROBLEMS) from None
    except (ArgmapError, SolverUnavailableError) as error:
        fail(error)


def run_evaluate(
    map_file: Annotated[Path, typer.Argument(metavar="MAP", help="Map file (.yaml, .yml or .json).")],
    semantics: Annotated[
        str,
        typer.Option(
            "--semantics",
            "-s",
            help="grounded, preferred, stable, df-quad, qe or euler (default qe: DF-QuAD saturates "
            "at 1.0 under many convergent supports, which hides the balance).",
        ),
    ] = "qe",
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, json or markdown (every semantics side by side).")
    ] = "text",
    backend: Annotated[str, typer.Option("--backend", help="auto, clingo or python.")] = "auto",
) -> None:
    """Evaluate a map: pole theses, factors per theme, and how much each factor moves the balance."""
    from argmap import formats
    from argmap.errors import ArgmapError
    from argmap.evaluation import SEMANTICS, balance
    from argmap.evaluation.emit import FORMATS, format_evaluation

    choice(semantics, SEMANTICS, "--semantics")
    choice(fmt, FORMATS, "--format")
    choice(backend, _BACKENDS, "--backend")
    try:
        amap = formats.load(map_file)
        result = balance(amap, semantics, backend=backend)
        report = format_evaluation(amap, result, fmt, backend=backend)
    except ArgmapError as error:
        fail(error)
    echo_safe(report, nl=False, json=fmt == "json")
    # An evaluation of a map with errors (unknown ids are left out of it) is not the map's answer.
    broken = warn_map_errors(amap, map_file)
    if not result.evaluation.converged:
        typer.echo("argmap: warning: the gradual semantics did not converge", err=True)
    if broken or not result.evaluation.converged:
        raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    """Add the ``af`` and ``evaluate`` commands to ``app``."""
    app.command("af")(run_af)
    app.command("evaluate")(run_evaluate)
