"""AIF, the Argument Interchange Format: AIFdb JSON and OVA3 saves in, AIFdb JSON (or OVA3) out.

:func:`read` returns the map with every diagnostic about what AIF holds and argmap cannot (see
:data:`CODES`); :func:`loads` and :func:`dumps` are the registry's reader and writer. Which of the two
flavours a file is, is decided by its content, not its name.

Imports only :mod:`argmap.model` and :mod:`argmap.errors`.
"""

from __future__ import annotations

from argmap.formats.aif._read import (
    CODES,
    DIALOGUE_SOURCE,
    LOCUTION_TAG,
    AifImport,
    loads,
    read,
    read_data,
    sniff,
)
from argmap.formats.aif._write import dumps, to_aif

__all__ = [
    "CODES",
    "DIALOGUE_SOURCE",
    "LOCUTION_TAG",
    "AifImport",
    "dumps",
    "loads",
    "read",
    "read_data",
    "sniff",
    "to_aif",
]
