"""argmap: argument maps as typed data, with validation and Graphviz diagrams.

The public API in one place; each name lives in the module of its pipeline stage:
``model`` (the data), ``build`` (writing maps in Python), ``formats`` (files), ``validate``
(the linter), ``view``/``render`` (diagrams).
"""

from __future__ import annotations

from argmap.build import MapBuilder, add, remove, replace
from argmap.errors import ArgmapError, Diagnostic, InputError, Location, ParseError, RenderError, Severity
from argmap.formats import dump, dumps, json_schema, load, loads
from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
    Theme,
)
from argmap.outline import outline
from argmap.render import Overlay, RenderOptions, render_bytes, render_file, to_digraph, to_dot
from argmap.validate import validate
from argmap.view import ViewOptions

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Citation",
    "Diagnostic",
    "Inference",
    "InputError",
    "Location",
    "MapBuilder",
    "Overlay",
    "ParseError",
    "Pole",
    "Proposition",
    "RenderError",
    "RenderOptions",
    "Role",
    "Severity",
    "Source",
    "Speaker",
    "Theme",
    "ViewOptions",
    "add",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "outline",
    "remove",
    "render_bytes",
    "render_file",
    "replace",
    "to_digraph",
    "to_dot",
    "validate",
]
