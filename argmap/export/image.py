"""Images: the only place argmap runs Graphviz ``dot`` (SVG, PNG, PDF), and atomic output files.

:func:`render_bytes` builds the DOT of a map (:mod:`argmap.export.dot`) and pipes it through
``dot``; a missing binary or a Graphviz failure is a :class:`~argmap.errors.RenderError` with one
line of explanation (``dot`` and ``json`` need no binary: they are the DOT source and the view's
JSON, :mod:`argmap.export.json`). :func:`render_file` writes the result atomically, so a failed render leaves
nothing behind. May import ``model``, ``view`` and :mod:`argmap.export.dot`; never ``cli``.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import graphviz

from argmap._files import write_atomic
from argmap.errors import InputError, RenderError
from argmap.export.dot import OUTPUT_FORMATS, RenderOptions, to_digraph
from argmap.model.core import ArgumentMap

__all__ = ["OUTPUT_FORMATS", "format_from_path", "pipe", "render_bytes", "render_file"]


def pipe(graph: graphviz.Digraph, fmt: str) -> bytes:
    """Run ``dot -T<fmt>`` on ``graph``; a missing binary or a Graphviz error is a RenderError."""
    try:
        return bytes(graph.pipe(format=fmt, quiet=True))
    except graphviz.ExecutableNotFound:
        raise RenderError(
            "Graphviz 'dot' was not found on PATH; install Graphviz (e.g. 'apt-get install graphviz') "
            "or ask for --format dot"
        ) from None
    except (graphviz.CalledProcessError, subprocess.CalledProcessError) as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"Graphviz failed: {detail[-1] if detail else exc}") from None


def render_bytes(amap: ArgumentMap, options: RenderOptions | None = None) -> bytes:
    """The diagram in ``options.format``: DOT or view JSON as UTF-8, or an image made by ``dot``."""
    options = options or RenderOptions()
    if options.format == "json":
        from argmap.export.json import to_view_json

        return to_view_json(amap, options.view, dict(options.overlay)).encode("utf-8")
    graph = to_digraph(amap, options)
    if options.format == "dot":
        source: str = graph.source
        return source.encode("utf-8")
    return pipe(graph, options.format)


def format_from_path(path: str | os.PathLike[str]) -> str:
    """The output format a file name asks for (``.gv`` counts as DOT)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = "dot" if suffix == "gv" else suffix
    if suffix not in OUTPUT_FORMATS:
        raise InputError(
            f"cannot tell the output format; use --format {'|'.join(OUTPUT_FORMATS)}",
            os.fspath(path),
            code="U001",
        )
    return suffix


def render_file(
    amap: ArgumentMap, path: str | os.PathLike[str], options: RenderOptions | None = None
) -> Path:
    """Render to ``path`` atomically (nothing is written if rendering fails)."""
    options = options or RenderOptions(format=format_from_path(path))
    return write_atomic(path, render_bytes(amap, options))
