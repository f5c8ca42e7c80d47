"""Argdown, the text language for argument maps: read any Argdown 1.7 file as a map, write a map as Argdown.

:func:`parse` gives Argdown's own model of a file (statements, arguments, relations); :func:`loads` reads it
as an :class:`~argmap.model.ArgumentMap`; :func:`dumps` writes a map as Argdown that Argdown's tools open and
that :func:`loads` reads back as the same map. See ``docs/argdown.md``.

Imports only :mod:`argmap.model`, :mod:`argmap.errors` and the formats' shared helpers.
"""

from __future__ import annotations

from argmap.formats.argdown._convert import ARGUMENT_TAG, document_to_map, dumps, loads
from argmap.formats.argdown._parse import (
    ArgdownArgument,
    ArgdownDocument,
    ArgdownRelation,
    ArgdownStatement,
    PcsItem,
    parse,
)

__all__ = [
    "ARGUMENT_TAG",
    "ArgdownArgument",
    "ArgdownDocument",
    "ArgdownRelation",
    "ArgdownStatement",
    "PcsItem",
    "document_to_map",
    "dumps",
    "loads",
    "parse",
]
