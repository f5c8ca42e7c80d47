"""Build the viewer page for a map: layout, payload and page put together, and written atomically.

May import ``model``, ``view`` and ``export``; imported by the html package and the CLI.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from argmap._files import write_atomic
from argmap.export.dot import digraph
from argmap.export.html.layout import svg_tree
from argmap.export.html.page import render_page
from argmap.export.html.payload import PayloadOptions, build_payload
from argmap.export.image import pipe
from argmap.model.core import ArgumentMap
from argmap.view import ViewOptions, make_view

__all__ = ["to_html", "write_html"]


def _version() -> str:
    try:
        return metadata.version("argmap")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def to_html(
    amap: ArgumentMap,
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    source_texts: Mapping[str, str] | None = None,
    semantics: tuple[str, ...] | None = None,
    balance: bool | None = None,
    view: ViewOptions | None = None,
) -> str:
    """The interactive viewer of ``amap`` as one self-contained HTML page.

    Parameters
    ----------
    amap
        The map.
    sources_dir
        A folder of source texts named ``<source id>.txt`` (or ``.md``); a source's own ``text:``
        path (relative to the map file) is used otherwise. Quotes are highlighted in these texts.
    source_texts
        Source id -> text, used before ``sources_dir`` (for maps built in memory).
    semantics
        The semantics whose labels or strengths the page can overlay (default:
        :data:`~argmap.export.html.payload.DEFAULT_SEMANTICS`; for maps of more than
        :data:`~argmap.export.html.payload.BALANCE_LIMIT` propositions without preferred and stable,
        whose enumeration grows too fast).
    balance
        Include the balance table of the paradox (default: for maps of at most
        :data:`~argmap.export.html.payload.BALANCE_LIMIT` propositions).
    view
        What the diagram shows (default: the whole map).

    Raises
    ------
    RenderError
        Graphviz ``dot`` is missing or failed.
    """
    options = PayloadOptions(
        view=view or ViewOptions(),
        sources_dir=sources_dir,
        source_texts=source_texts,
        semantics=semantics,
        balance=balance,
    )
    # One view for both the drawing and the page's data, so their ids agree.
    view_data = make_view(amap, options.view)
    svg = pipe(digraph(view_data), "svg")
    payload = build_payload(amap, view_data, svg_tree(svg), options)
    return render_page(payload, _version())


def write_html(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    semantics: tuple[str, ...] | None = None,
    balance: bool | None = None,
) -> Path:
    """Write :func:`to_html` of ``amap`` to ``path`` atomically (nothing is written on failure)."""
    page = to_html(amap, sources_dir=sources_dir, semantics=semantics, balance=balance)
    return write_atomic(path, page)
