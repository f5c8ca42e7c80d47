"""Typed errors and diagnostics.

Exceptions are for input argmap cannot use at all (a file that does not parse, a missing
binary); problems in the *content* of a map are :class:`Diagnostic` values, collected in full
by the validator and never raised.
"""

from __future__ import annotations

from argmap.diagnostics import Diagnostic, Severity, Span

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


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class ParseError(ArgmapError):
    """A map (or framework) file that cannot be read: names the file, line and column."""

    def __init__(
        self,
        message: str,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        #: Every problem found in the same file, this one first (a loader collects them all).
        self.errors: tuple[ParseError, ...] = (self,)
        super().__init__(str(self))

    @property
    def location(self) -> Location | None:
        if self.line is None:
            return None
        return Location(self.file, self.line, self.column or 1)

    def __str__(self) -> str:
        where = self.file or "<string>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class InputError(ArgmapError):
    """Input that cannot be used at all: a missing or unreadable file, an unknown format."""


class RenderError(ArgmapError):
    """Rendering failed, e.g. because the Graphviz ``dot`` binary is missing."""
