"""AIF, the Argument Interchange Format: AIFdb JSON and OVA3 saves in, AIFdb JSON (or OVA3) out.

:func:`read` (of text or bytes) and :func:`read_file` (of a path) return the map with every diagnostic
about what AIF holds and argmap cannot (see :data:`CODES`); :func:`loads` and :func:`dumps` are the
registry's reader and writer. Which of the two flavours a file is, is decided by its content, not its name.

Imports only :mod:`argmap.model`, :mod:`argmap.errors`, :mod:`argmap._files`, :mod:`argmap._graph` and
orjson.
"""

from __future__ import annotations

from typing import Any

from argmap.formats.aif._read import (
    CODES,
    DIALOGUE_SOURCE,
    LOCUTION_TAG,
    AifImport,
    loads,
    read,
    read_data,
    read_file,
    sniff,
)
from argmap.model import ArgumentMap


# The writer loads on first use: reading a corpus need not pay for it.
def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as AIFdb JSON data: ``nodes``, ``edges``, ``locutions`` and ``participants``."""
    from argmap.formats.aif._write import to_aif as write

    return write(amap)


def left_out(amap: ArgumentMap) -> dict[str, int]:
    """What AIF has no place for and :func:`dumps` leaves out, counted by what it is (empty when the AIF
    holds the whole map); see :func:`argmap.formats.aif._write.left_out`."""
    from argmap.formats.aif._write import left_out as count

    return count(amap)


def dumps(amap: ArgumentMap, flavour: str = "aifdb") -> str:
    """AIF text: AIFdb JSON, or (``flavour="ova3"``) an OVA3 save ``{AIF, OVA, text}``."""
    from argmap.formats.aif._write import dumps as write

    return write(amap, flavour)


__all__ = [
    "CODES",
    "DIALOGUE_SOURCE",
    "LOCUTION_TAG",
    "AifImport",
    "dumps",
    "left_out",
    "loads",
    "read",
    "read_data",
    "read_file",
    "sniff",
    "to_aif",
]
