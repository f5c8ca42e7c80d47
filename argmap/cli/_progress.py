"""A progress bar for long command-line work, shown only where a person is watching.

The bar goes to standard error, and only when standard error is a terminal and the work has already
taken a moment (:data:`DELAY` seconds): checking three small maps prints nothing extra, piped or
redirected output never carries progress lines, and standard output (reports, JSON, SARIF) is never
touched. The bar is transient: it disappears when the work is done. ``rich`` (installed with typer)
is imported only when a bar is actually shown, so quick commands pay nothing for it.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import Any

__all__ = ["DELAY", "Progress"]

#: Seconds of work before a bar appears; quicker work shows none.
DELAY = 0.5


def _watched() -> bool:
    # TERM=dumb terminals cannot redraw a bar; NO_PROGRESS is an explicit opt-out.
    stream = sys.stderr
    return (
        stream is not None
        and stream.isatty()
        and os.environ.get("TERM") != "dumb"
        and "NO_PROGRESS" not in os.environ
    )


class Progress:
    """``with Progress("checking", total) as bar: bar.step("a.yaml")`` before each item."""

    __slots__ = ("_bar", "_done", "_label", "_started", "_task", "_total", "_watched")

    def __init__(self, label: str, total: int) -> None:
        self._label = label
        self._total = total
        self._done = 0
        self._started = time.monotonic()
        self._watched = _watched()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        return self

    def step(self, item: str) -> None:
        """Item ``item`` is about to be worked on (the ones before it are done)."""
        if self._bar is None and self._watched and time.monotonic() - self._started >= DELAY:
            self._start()
        if self._bar is not None:
            shown = item if len(item) <= 48 else "…" + item[-47:]
            self._bar.update(self._task, completed=self._done, description=f"{self._label} {shown}")
        self._done += 1

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("{task.description}", style="dim"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(self._label, total=self._total, completed=self._done)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
