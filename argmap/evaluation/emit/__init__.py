"""One emitter per output format of ``argmap evaluate``: :mod:`.text`, :mod:`.json`, :mod:`.markdown`.

Each reads the map and its :class:`~argmap.evaluation.core.Balance` and computes nothing the
evaluation did not (the Markdown report's side-by-side columns are evaluated by its
:func:`~argmap.evaluation.emit.markdown.evaluation_report_markdown` wrapper). Problems that stop an
evaluation (a missing file, a parse error) are not part of a report: they are diagnostics the
command line prints under the one error policy of :mod:`argmap.cli._common`. May import ``model``,
``af`` and ``evaluation.core``.
"""

from __future__ import annotations

from argmap.af.solvers import Backend
from argmap.evaluation.core import Balance
from argmap.evaluation.emit.json import dumps_json, evaluation_to_json
from argmap.evaluation.emit.markdown import evaluation_report_markdown, format_markdown
from argmap.evaluation.emit.text import format_evaluation_text
from argmap.model.core import ArgumentMap

__all__ = [
    "FORMATS",
    "dumps_json",
    "evaluation_report_markdown",
    "evaluation_to_json",
    "format_evaluation",
    "format_evaluation_text",
    "format_markdown",
]

#: Output formats of :func:`format_evaluation`, by the name ``argmap evaluate --format`` takes.
FORMATS = ("text", "json", "markdown")


def format_evaluation(
    amap: ArgumentMap, result: Balance, fmt: str = "text", *, backend: Backend | str = Backend.AUTO
) -> str:
    """``result`` in one of :data:`FORMATS` (Markdown evaluates the other semantics with ``backend``)."""
    if fmt == "text":
        return format_evaluation_text(amap, result)
    if fmt == "json":
        return dumps_json(amap, result)
    if fmt == "markdown":
        return evaluation_report_markdown(amap, main=result, backend=backend)
    raise ValueError(f"unknown evaluation format {fmt!r}; expected one of {', '.join(FORMATS)}")
