"""The exceptions argmap raises on purpose, each carrying coded diagnostics.

Exceptions are for input argmap cannot use at all (a file that is missing or does not parse, a
missing binary); problems in the *content* of a map are :class:`~argmap.diagnostics.Diagnostic`
values, collected in full by the linter and never raised. :class:`ParseError` and
:class:`InputError` carry the same kind of diagnostic, with a code from
:data:`~argmap.diagnostics.LOAD_CODES`, so every report treats a file that cannot be read like a
lint finding.

Imports only :mod:`argmap.diagnostics` (whose names it re-exports for older callers).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

from argmap.diagnostics import LOAD_CODES, Diagnostic, Severity, Span

#: The old name of :class:`~argmap.diagnostics.Span`, kept for callers that import it from here.
Location = Span

__all__ = [
    "ArgmapError",
    "Diagnostic",
    "InputError",
    "Location",
    "ParseError",
    "RenderError",
    "Severity",
]

#: The code of a load problem raised without one.
UNCODED = "F000"


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


def _diagnostic(
    message: str,
    file: str | None,
    line: int | None,
    column: int | None,
    end_line: int | None,
    end_column: int | None,
    code: str,
    ids: Iterable[str],
    hint: str | None,
) -> Diagnostic:
    if line is not None:
        column = column or 1
        span = Span(file, line, column, end_line, end_column)
    elif file is not None:
        span = Span.of_file(file)
    else:
        span = None
    if hint is None and code in LOAD_CODES:
        hint = LOAD_CODES[code].fix
    return Diagnostic(code, Severity.ERROR, message, ids, span, hint)


def _rebuild(cls: type[_CodedError], diagnostics: tuple[Diagnostic, ...]) -> _CodedError:
    return cls(diagnostics=diagnostics)


class _CodedError(ArgmapError):
    """An error made of one or more coded diagnostics; ``str()`` is the first one's line."""

    diagnostics: tuple[Diagnostic, ...]

    def __init__(
        self,
        message: str | None = None,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        *,
        code: str = UNCODED,
        end_line: int | None = None,
        end_column: int | None = None,
        ids: Iterable[str] = (),
        hint: str | None = None,
        diagnostics: Iterable[Diagnostic] = (),
    ) -> None:
        found = tuple(diagnostics)
        if message is not None:
            found = (_diagnostic(message, file, line, column, end_line, end_column, code, ids, hint), *found)
        if not found:
            raise TypeError(f"{type(self).__name__} needs a message or diagnostics")
        self.diagnostics = found
        super().__init__(str(found[0]))

    def __str__(self) -> str:
        return str(self.diagnostics[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.diagnostics))

    @property
    def code(self) -> str:
        """The first diagnostic's code."""
        return self.diagnostics[0].code

    @property
    def message(self) -> str:
        """The first diagnostic's message, without file, position or code."""
        return self.diagnostics[0].message

    @property
    def span(self) -> Span | None:
        """Where the first problem is."""
        return self.diagnostics[0].span

    @property
    def file(self) -> str | None:
        span = self.span
        return span.file if span is not None else None

    @property
    def line(self) -> int | None:
        span = self.span
        return span.line if span is not None and not span.whole_file else None

    @property
    def column(self) -> int | None:
        span = self.span
        return span.column if span is not None and not span.whole_file else None

    @property
    def location(self) -> Span | None:
        """The first problem's span when it has a line (the name older callers use)."""
        span = self.span
        return span if span is not None and not span.whole_file else None


class ParseError(_CodedError):
    """A map, framework or link file that cannot be read or parsed.

    Carries every problem found in the file as :attr:`diagnostics` (a loader collects them all),
    the first being the one ``str()`` shows. Built either from one problem, the older way
    (``ParseError(message, file, line, column, code="M001")``), or from ``diagnostics=``.

    >>> e = ParseError("expected a string, got a list", "m.yaml", 2, 8, code="M001")
    >>> str(e), e.code, e.line
    ('m.yaml:2:8: M001 expected a string, got a list', 'M001', 2)
    """

    @property
    def errors(self) -> tuple[ParseError, ...]:
        """Deprecated: one :class:`ParseError` per diagnostic; read :attr:`diagnostics` instead."""
        warnings.warn("ParseError.errors is deprecated; use .diagnostics", DeprecationWarning, stacklevel=2)
        return tuple(ParseError(diagnostics=(d,)) for d in self.diagnostics)

    @errors.setter
    def errors(self, errors: Iterable[ParseError]) -> None:
        self.diagnostics = tuple(d for error in errors for d in error.diagnostics)


class InputError(_CodedError):
    """Input that cannot be used at all: a missing or unreadable file, an unknown format.

    >>> str(InputError("no such file", "m.yaml", code="F001"))
    'm.yaml: F001 no such file'
    """


class RenderError(ArgmapError):
    """Rendering failed, e.g. because the Graphviz ``dot`` binary is missing."""
