"""Upgrading map files to the current format version, keeping everything the author wrote.

Every key of format version 1 means the same in version 2 (``pole: x`` and ``theme: x`` are the
one-item forms of ``poles`` and ``themes``), so a version-1 file loads unchanged and upgrading
it only has to change its declared version. :func:`upgrade_text` does exactly that to the text,
so comments, anchors, key order and quoting survive, and then checks that the result loads to
the same map; only when the version cannot be found in the text (a flow-style top-level
mapping) is the map written out afresh. Part of the formats stage: imports the model and the
other format modules only.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import attrs
import yaml

from argmap._files import read_text, write_atomic
from argmap.errors import InputError, ParseError
from argmap.formats import json as _json
from argmap.formats import yaml as _yaml
from argmap.formats._spec import FORMAT_VERSION

__all__ = ["Upgrade", "upgrade_file", "upgrade_text"]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_VERSION = re.compile(r"^argmap:[ \t]*(\d+)[ \t]*(?=#|$)", re.MULTILINE)
_JSON_VERSION = re.compile(r'^(\s*\{\s*"argmap"\s*:\s*)(\d+)')


@attrs.frozen
class Upgrade:
    """The outcome of upgrading one file: its new text and the version it declared before."""

    text: str
    #: The version the file declared (``None`` if it declared none, which reads as the current one).
    before: int | None
    changed: bool


def upgrade_text(text: str, format: str = "yaml", filename: str | None = None) -> Upgrade:
    """``text`` (a map in ``format``, "yaml" or "json") declaring the current format version.

    Raises :class:`~argmap.errors.ParseError` if the text is not a readable map of any version.
    """
    codec = {"yaml": _yaml, "json": _json}.get(format)
    if codec is None:
        raise ValueError(f"only YAML and JSON map files have format versions, not {format!r}")
    amap = codec.loads(text, filename)
    pattern = _YAML_VERSION if format == "yaml" else _JSON_VERSION
    found = pattern.search(text)
    if found is None:
        data = json.loads(text) if format == "json" else yaml.load(text, Loader=_Loader)
        if not isinstance(data, dict) or "argmap" not in data:
            return Upgrade(text, None, False)  # no version declared: already read as the current one
        new = codec.dumps(amap)
        return Upgrade(new, data["argmap"], True)
    digits = found.group(1) if format == "yaml" else found.group(2)
    before = int(digits)
    if before >= FORMAT_VERSION:
        return Upgrade(text, before, False)
    start, end = found.span(1 if format == "yaml" else 2)
    new = text[:start] + str(FORMAT_VERSION) + text[end:]
    try:
        same = codec.loads(new, filename) == amap
    except ParseError:  # pragma: no cover - every version-1 key is a version-2 key
        same = False
    if not same:  # pragma: no cover - guards the promise above
        new = codec.dumps(amap)
    return Upgrade(new, before, True)


def upgrade_file(path: str | os.PathLike[str]) -> Upgrade:
    """Rewrite a YAML or JSON map file in place (atomically) to declare the current version.

    The file is left untouched when it already does. :class:`~argmap.errors.InputError` for
    another suffix, :class:`~argmap.errors.ParseError` when it is not a readable map.
    """
    suffix = Path(path).suffix.lower()
    format = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}.get(suffix)
    if format is None:
        raise InputError(
            f"only YAML and JSON map files have a format version to upgrade, not {suffix or 'no suffix'!r}",
            os.fspath(path),
            code="F009",
        )
    result = upgrade_text(read_text(path), format, os.fspath(path))
    if result.changed:
        write_atomic(path, result.text)
    return result
