"""The human-written YAML map format (comments allowed; ``argmap: 1`` names the version)."""

from __future__ import annotations

from typing import Any

import yaml

from argmap.formats._located import load_located, token_spans
from argmap.formats._spec import structure_map, unstructure_map
from argmap.model.core import ArgumentMap

__all__ = ["dumps", "loads"]

_Dumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def loads(text: str, filename: str | None = None) -> ArgumentMap:
    """Parse a YAML map; problems raise :class:`~argmap.errors.ParseError` with line and column."""
    loaded = load_located(text, filename)
    return structure_map(
        loaded.data,
        file=filename,
        located=loaded.located,
        to_location=loaded.to_location,
        root=loaded.root,
        extend=token_spans(text),
    )


def _str_representer(dumper: yaml.SafeDumper, value: str) -> Any:
    # Multi-line texts read best as literal blocks; PyYAML falls back to quoting when it must.
    style = "|" if "\n" in value and value == value.strip() and "\r" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _MapDumper(_Dumper):  # type: ignore[valid-type,misc]
    """SafeDumper that writes multi-line strings as literal blocks."""


_MapDumper.add_representer(str, _str_representer)


def dumps(amap: ArgumentMap) -> str:
    """Write a map as YAML, keys in the documented order, unicode kept as is."""
    text: str = yaml.dump(
        unstructure_map(amap),
        Dumper=_MapDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text
