"""argmap: argument maps as typed data, with linting, evaluation and diagrams.

The public API in one place. Each name lives in the package of its pipeline stage, and the stages
import one way only::

    model -> formats -> lint -> evaluation -> view -> export -> cli      (af beside them, map-free)

``model`` (the data, building and editing), ``formats`` (files <-> model), ``lint`` (model ->
diagnostics), ``af`` (abstract and bipolar frameworks, which know nothing of maps), ``evaluation``
(map -> acceptance, strength, balance), ``view`` (map + optional evaluation -> plain view data),
``export`` (view -> DOT, images, outline), ``cli`` (the command line). Shared values sit below every
stage: :mod:`argmap.errors` (exceptions), :mod:`argmap.diagnostics`, :mod:`argmap._files` and
:mod:`argmap._graph`.

Every name, the model included, is imported on first use, so ``import argmap`` stays instant (it
does not even load attrs) and pulls in neither numpy nor graphviz until a function that needs them is
called (``tests/test_startup.py``).

>>> import argmap
>>> b = argmap.MapBuilder("Tea?").claim("tea", "Tea is best").claim("calm", "Tea calms me")
>>> m = b.support("tea", "calm").build()
>>> [d.code for d in argmap.validate(m)]
[]
>>> argmap.loads(argmap.dumps(m, "yaml"), "yaml") == m
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.comparison import compare
    from argmap.diagnostics import Diagnostic, Severity, Span
    from argmap.errors import ArgmapError, InputError, Location, ParseError, RenderError
    from argmap.evaluation import Balance, Evaluation, balance, evaluate
    from argmap.export.dot import RenderOptions, to_digraph, to_dot
    from argmap.export.html import to_html
    from argmap.export.html.notebook import load_ipython_extension, show_html
    from argmap.export.image import render_bytes, render_file
    from argmap.export.mermaid import to_mermaid
    from argmap.export.networkx import to_networkx
    from argmap.export.outline import outline
    from argmap.formats import dump, dumps, json_schema, load, loads
    from argmap.lint import validate
    from argmap.model import (
        ArgumentMap,
        Attack,
        AttackKind,
        Citation,
        Inference,
        MapBuilder,
        Pole,
        Proposition,
        Role,
        Source,
        Speaker,
        Theme,
        add,
        remove,
        replace,
    )
    from argmap.view import Overlay, View, ViewOptions, make_view

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Balance",
    "Citation",
    "Diagnostic",
    "Evaluation",
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
    "Span",
    "Speaker",
    "Theme",
    "View",
    "ViewOptions",
    "__version__",
    "add",
    "balance",
    "compare",
    "dump",
    "dumps",
    "evaluate",
    "json_schema",
    "load",
    "load_ipython_extension",
    "loads",
    "make_view",
    "outline",
    "remove",
    "render_bytes",
    "render_file",
    "replace",
    "show_html",
    "to_digraph",
    "to_dot",
    "to_html",
    "to_mermaid",
    "to_networkx",
    "validate",
]

#: Public name -> the module it is imported from on first use.
_LAZY: dict[str, str] = {
    "ArgmapError": "argmap.errors",
    "InputError": "argmap.errors",
    "ParseError": "argmap.errors",
    "RenderError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "Attack": "argmap.model",
    "AttackKind": "argmap.model",
    "Citation": "argmap.model",
    "Inference": "argmap.model",
    "MapBuilder": "argmap.model",
    "Pole": "argmap.model",
    "Proposition": "argmap.model",
    "Role": "argmap.model",
    "Source": "argmap.model",
    "Speaker": "argmap.model",
    "Theme": "argmap.model",
    "add": "argmap.model",
    "remove": "argmap.model",
    "replace": "argmap.model",
    "Diagnostic": "argmap.diagnostics",
    "Location": "argmap.errors",
    "Severity": "argmap.diagnostics",
    "Span": "argmap.diagnostics",
    "Balance": "argmap.evaluation",
    "Evaluation": "argmap.evaluation",
    "balance": "argmap.evaluation",
    "evaluate": "argmap.evaluation",
    "RenderOptions": "argmap.export.dot",
    "render_bytes": "argmap.export.image",
    "render_file": "argmap.export.image",
    "to_digraph": "argmap.export.dot",
    "to_dot": "argmap.export.dot",
    "outline": "argmap.export.outline",
    "to_html": "argmap.export.html",
    "to_mermaid": "argmap.export.mermaid",
    "to_networkx": "argmap.export.networkx",
    "show_html": "argmap.export.html.notebook",
    "load_ipython_extension": "argmap.export.html.notebook",
    "dump": "argmap.formats",
    "dumps": "argmap.formats",
    "json_schema": "argmap.formats",
    "load": "argmap.formats",
    "loads": "argmap.formats",
    "validate": "argmap.lint",
    "compare": "argmap.comparison",
    "Overlay": "argmap.view",
    "View": "argmap.view",
    "ViewOptions": "argmap.view",
    "make_view": "argmap.view",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # One source for the package metadata (hatch reads it) and this attribute, without the
        # cost of importlib.metadata at start-up.
        from argmap._version import __version__

        globals()["__version__"] = __version__
        return __version__
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
