"""The progress bar of long commands: only on a watched terminal, only after a moment."""

from __future__ import annotations

import io

import pytest

from argmap.cli import _progress
from argmap.cli._progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "delay", "env", "shown"),
    [
        (True, 0.0, {}, True),
        (False, 0.0, {}, False),  # piped or redirected
        (True, 3600.0, {}, False),  # quick work: done before the delay
        (True, 0.0, {"NO_PROGRESS": "1"}, False),
        (True, 0.0, {"TERM": "dumb"}, False),
    ],
)
def test_bar_only_where_someone_watches(
    tty: bool, delay: float, env: dict[str, str], shown: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bar appears on a terminal once the work has taken DELAY seconds; otherwise nothing at all."""
    stream = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    monkeypatch.setattr(_progress, "DELAY", delay)
    monkeypatch.delenv("NO_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with Progress("checking", 3) as bar:
        for item in ("a.yaml", "b.yaml", "c.yaml"):
            bar.step(item)
    assert bool(stream.getvalue()) is shown
