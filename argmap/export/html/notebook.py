"""Maps in Jupyter: an ``ArgumentMap`` shown as its diagram, and the viewer inline in a cell.

The model stage may not import the exporters, so ``ArgumentMap`` has no ``_repr_svg_`` of its own.
Instead this module registers an IPython display formatter for the class (``image/svg+xml``):
``%load_ext argmap`` (or :func:`register`) once per session, and every map a cell returns is drawn.
:func:`show_html` returns an object whose ``_repr_html_`` is the viewer in a sandboxed ``iframe``
(``srcdoc``), so it needs no server and no files; calling it registers the formatter too.

IPython is optional: without it nothing is registered and :func:`show_html` still works wherever
``_repr_html_`` is honoured. May import ``model``, ``view`` and ``export``; nothing imports it but
the top-level API.
"""

from __future__ import annotations

import html
import sys
from typing import Any

from argmap.errors import ArgmapError
from argmap.model.core import ArgumentMap

__all__ = ["InlineViewer", "diagram_svg", "load_ipython_extension", "register", "show_html"]


def diagram_svg(amap: ArgumentMap) -> str | None:
    """The map's diagram as SVG text, or ``None`` (so IPython falls back to the repr) without Graphviz."""
    from argmap.export.dot import digraph
    from argmap.export.image import pipe
    from argmap.view import make_view

    try:
        return pipe(digraph(make_view(amap)), "svg").decode("utf-8")
    except ArgmapError:
        return None


def register(shell: Any = None) -> bool:
    """Show every ``ArgumentMap`` as its diagram in ``shell`` (default: the running IPython, if any).

    Returns whether a formatter was registered.
    """
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    shell.display_formatter.formatters["image/svg+xml"].for_type(ArgumentMap, diagram_svg)
    return True


def load_ipython_extension(shell: Any) -> None:
    """``%load_ext argmap``: register the diagram formatter in this session."""
    register(shell)


class InlineViewer:
    """The viewer page, displayed in a notebook as a sandboxed ``iframe`` built from ``srcdoc``."""

    __slots__ = ("height", "page")

    def __init__(self, page: str, height: int = 720) -> None:
        self.page = page
        self.height = height

    def _repr_html_(self) -> str:
        # The page goes into an attribute, escaped as one; its own strings stay inside its JSON
        # payload. "allow-scripts" without "allow-same-origin": the viewer cannot reach the notebook.
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd" '
            'title="argmap viewer"></iframe>'
        )


def show_html(amap: ArgumentMap, *, height: int = 720, **options: Any) -> InlineViewer:
    """The interactive viewer of ``amap`` for a notebook cell (``options`` go to ``to_html``)."""
    from argmap.export.html.viewer import to_html

    register()
    return InlineViewer(to_html(amap, **options), height)
