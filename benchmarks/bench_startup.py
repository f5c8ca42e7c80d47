"""Whole-process start-up: ``argmap`` commands against ``python -c "import typer"`` in the same run.

Every command a user types pays for Python, typer and whatever the command imports. This script
times whole processes (best of ``--repeat`` rounds, default 7, each round running every command in
turn) and prints each as a ratio to the baseline,
``python -c "import typer"``, measured in the same run on the same machine, so the ratios hold
across machines and loads. Targets (issue 11):

* ``argmap --version``: at most 1.3x the baseline (no stage, numpy or graphviz is imported);
* ``argmap check maps/example-remote-work.yaml``: at most 2.5x (formats and lint only);
* ``argmap af FILE --semantics grounded --task some`` on a random framework with N = 100,000
  arguments and 3N attacks: faster than ``benchmarks/grounded_queue.py``, the plain-Python
  worklist a user would write, reading the same file (the two answers must agree).

Every command runs as an installed package does: with its compiled bytecode. pip compiles every
module of a wheel when it installs it (typer, the baseline's own import, included), and an
editable install caches bytecode on first use; but ``PYTHONDONTWRITEBYTECODE`` (set in some shells
and sandboxes) makes Python compile every argmap module from source on every start while typer's
cached bytecode is still read, which would time argmap's compiler work against typer's load. So
the children run without that variable, with ``PYTHONPYCACHEPREFIX`` pointing into a temporary
directory (nothing is written into the source tree), after one untimed warm-up round.
``--no-bytecode-cache`` times the other condition instead (every argmap module compiled on every
run), to see what that costs.

Run: ``.venv/bin/python benchmarks/bench_startup.py [--repeat R] [--n N] [--no-bytecode-cache]``.
Exits 1 when a target is missed. A progress bar shows on a terminal; piped output is the table
alone.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "maps" / "example-remote-work.yaml"
QUEUE = ROOT / "benchmarks" / "grounded_queue.py"


def _argmap() -> list[str]:
    """The installed ``argmap`` script beside this Python, else ``python -m argmap``."""
    script = Path(sys.executable).parent / "argmap"
    return [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]


def child_environment(pycache: Path | None) -> dict[str, str]:
    """This environment for the timed commands: bytecode cached under ``pycache``, or never cached."""
    env = dict(os.environ)
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall time of one run of ``command``, and its standard output."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return took, done.stdout


def write_framework(path: Path, n: int, seed: int = 2024) -> None:
    """A random ICCMA ``p af N`` file with ``n`` arguments and ``3n`` attacks (seeded)."""
    rng = random.Random(seed)
    lines = [f"p af {n}\n"] + [f"{rng.randint(1, n)} {rng.randint(1, n)}\n" for _ in range(3 * n)]
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Time the commands, print the table, return 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7, help="runs per command; the best counts")
    parser.add_argument("--n", type=int, default=100_000, help="arguments in the af framework")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="compile every argmap module from source on every run (PYTHONDONTWRITEBYTECODE=1)",
    )
    args = parser.parse_args(argv)
    argmap = _argmap()
    with tempfile.TemporaryDirectory() as tmp:
        framework = Path(tmp) / f"random-{args.n}.af"
        write_framework(framework, args.n)
        jobs: list[tuple[str, list[str]]] = [
            ("python -c 'import typer' (baseline)", [sys.executable, "-c", "import typer"]),
            ("argmap --version", [*argmap, "--version"]),
            ("argmap check example-remote-work.yaml", [*argmap, "check", str(EXAMPLE)]),
            (
                f"argmap af (grounded, N={args.n:,})",
                [*argmap, "af", str(framework), "--semantics", "grounded", "--task", "some"],
            ),
            (f"grounded_queue.py (N={args.n:,})", [sys.executable, str(QUEUE), str(framework)]),
        ]
        env = child_environment(None if args.no_bytecode_cache else Path(tmp) / "pycache")
        if not args.no_bytecode_cache:
            for _, command in jobs:  # warm-up: every module's bytecode is cached before timing
                _run(command, env)
        err = Console(stderr=True)
        # Rounds of every command in turn, so a burst of load on a shared machine hits the baseline
        # and the commands alike; each command's best round counts.
        best = [float("inf")] * len(jobs)
        outputs = [""] * len(jobs)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
            task = progress.add_task("timing commands", total=args.repeat * len(jobs))
            for _ in range(args.repeat):
                for k, (label, command) in enumerate(jobs):
                    progress.update(task, description=label)
                    took, outputs[k] = _run(command, env)
                    best[k] = min(best[k], took)
                    progress.advance(task)
        results = list(zip(best, outputs, strict=True))
    base = results[0][0]
    (version, _), (check, _), (af, af_out), (queue, queue_out) = results[1:]
    if af_out.split() != queue_out.split():
        print("argmap af and grounded_queue.py disagree on the grounded extension", file=sys.stderr)
        return 1
    rows = [
        (jobs[0][0], base, 1.0, None),
        (jobs[1][0], version, version / base, 1.3),
        (jobs[2][0], check, check / base, 2.5),
        (jobs[3][0], af, af / base, None),
        (jobs[4][0], queue, queue / base, None),
    ]
    condition = (
        "no bytecode cache (every argmap module compiled on every run)"
        if args.no_bytecode_cache
        else "bytecode cached, as installed"
    )
    print(f"best of {args.repeat} runs per command; ratio = time / baseline; {condition}")
    print(f"{'command':<40} {'seconds':>8} {'ratio':>7}   target")
    missed = False
    for label, seconds, ratio, target in rows:
        verdict = ""
        if target is not None:
            ok = ratio <= target
            missed |= not ok
            verdict = f"<= {target}x  " + ("ok" if ok else "OVER TARGET")
        print(f"{label:<40} {seconds:8.3f} {ratio:6.2f}x   {verdict}")
    faster = af < queue
    missed |= not faster
    print(
        f"argmap af / grounded_queue.py = {af / queue:.2f}  "
        + ("ok (argmap faster)" if faster else "OVER TARGET (the plain-Python queue is faster)")
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
