"""Deprecated home of the evaluation reports; kept so older imports keep working.

Each output format is its own module under :mod:`argmap.evaluation.emit`; new code imports from
there.
"""

from __future__ import annotations

from argmap.evaluation.emit import (
    dumps_json,
    evaluation_report_markdown,
    evaluation_to_json,
    format_evaluation_text,
)

__all__ = ["dumps_json", "evaluation_report_markdown", "evaluation_to_json", "format_evaluation_text"]
