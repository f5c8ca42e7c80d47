"""Diagnostics: the one value every problem argmap finds is reported as.

A :class:`Diagnostic` has a stable code, a :class:`Severity`, a one-line message, the ids involved,
a :class:`Span` (file, start and end line and column) and an optional hint. Lint findings, load
problems (a missing file, a YAML syntax error, a field of the wrong type) and reader notes are all
diagnostics, so every output format handles one kind of value.

:func:`short_repr` keeps user data in messages bounded: a message never formats a value whose
size the input controls.

This module sits below every pipeline stage and imports nothing from argmap.
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "Diagnostic",
    "Severity",
    "Span",
    "short_repr",
]


@attrs.frozen(slots=True)
class Span:
    """A region of a file: 1-based lines and columns, as editors count them.

    ``end_line``/``end_column`` is the position just after the region (exclusive, as SARIF's
    ``endColumn`` and LSP ranges count); a span built from a start alone is empty (end = start).
    ``file`` is ``None`` for text that came from no file.

    >>> str(Span("m.yaml", 3, 7, 3, 12))
    'm.yaml:3:7'
    >>> Span("m.yaml", 3, 7).end_column
    7
    """

    file: str | None
    line: int
    column: int
    end_line: int = attrs.field(default=attrs.Factory(lambda self: self.line, takes_self=True))
    end_column: int = attrs.field(default=attrs.Factory(lambda self: self.column, takes_self=True))

    def __str__(self) -> str:
        return f"{self.file or '<string>'}:{self.line}:{self.column}"

    @property
    def start(self) -> tuple[int, int]:
        """(line, column) of the first character."""
        return (self.line, self.column)

    @property
    def end(self) -> tuple[int, int]:
        """(line, column) just after the last character."""
        return (self.end_line, self.end_column)


class Severity(enum.Enum):
    """How serious a diagnostic is; ``ERROR`` makes ``argmap check`` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(slots=True, init=False)
class Diagnostic:
    """One problem: a stable code, the ids involved, where, and how to fix it.

    ``location=`` is accepted as the old name of ``span``, and :attr:`location` reads it.

    >>> d = Diagnostic("S001", Severity.ERROR, "unknown id 'x'", ("x",), Span("m.yaml", 4, 3))
    >>> str(d)
    "m.yaml:4:3: S001 unknown id 'x'"
    """

    code: str
    severity: Severity
    message: str
    ids: tuple[str, ...]
    span: Span | None
    hint: str | None

    def __init__(
        self,
        code: str,
        severity: Severity,
        message: str,
        ids: Iterable[str] = (),
        span: Span | None = None,
        hint: str | None = None,
        *,
        location: Span | None = None,
    ) -> None:
        self.__attrs_init__(code, severity, message, tuple(ids), span if span is not None else location, hint)

    @property
    def location(self) -> Span | None:
        """The span, under the name it had before spans had an end."""
        return self.span

    def __str__(self) -> str:
        where = f"{self.span}: " if self.span else ""
        return f"{where}{self.code} {self.message}"


class _ShortRepr(reprlib.Repr):
    """``reprlib`` with integers bounded too: ``repr`` of a huge int is slow, or refused past 4,300 digits."""

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() <= 256:
            return repr(x)
        return f"<integer of ~{int(x.bit_length() * 0.30103) + 1} digits>"

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        # reprlib sorts the keys first, a cost growing with the dict; document order is cheaper and clearer.
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = []
        for index, (key, value) in enumerate(x.items()):
            if index == self.maxdict:
                items.append("...")
                break
            items.append(f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}")
        return "{" + ", ".join(items) + "}"

    def repr_bytes(self, x: bytes, level: int) -> str:
        return self._prefix(x)

    def repr_str(self, x: str, level: int) -> str:
        return self._prefix(x)

    def _prefix(self, x: str | bytes) -> str:
        # Only a prefix is ever repr'd, so a megabyte string costs no more than a short one.
        if len(x) <= self.maxstring:
            return repr(x)
        text = repr(x[: self.maxstring])
        return text[:-1] + "…" + text[-1]


_REPR = _ShortRepr()
_REPR.maxlevel = 3
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdict = 4


def short_repr(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to at most ``limit`` characters, at a cost bounded whatever the value.

    Nested containers are cut after a few items and levels, long strings after a prefix, huge
    integers are described rather than printed; control characters are escaped as ``repr``
    escapes them, so the result is safe on a terminal. Use it for every user value in a message.

    >>> short_repr("tea")
    "'tea'"
    >>> short_repr("x" * 1000, limit=20)
    "'xxxxxxxxxxxxxxxxx…'"
    >>> short_repr(list(range(100)))
    '[0, 1, 2, 3, ...]'
    >>> short_repr(10**5000)
    '<integer of ~5001 digits>'
    """
    text = _REPR.repr(value)
    if len(text) <= limit:
        return text
    if text[:1] in "'\"" and limit >= 3:
        return text[: limit - 2] + "…" + text[0]
    return text[: max(limit - 1, 0)] + "…"
