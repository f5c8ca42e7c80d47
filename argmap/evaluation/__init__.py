"""Stage 4, evaluation: a map -> acceptance (Dung labels), strength (gradual semantics) and balance.

Owns the translation of a map into an abstract or bipolar framework (:mod:`~argmap.evaluation.core`),
the balance of a paradox, and the evaluation reports (one emitter per format under
:mod:`~argmap.evaluation.emit`: text, JSON, Markdown). May import ``model``, ``formats``, ``lint``
and ``af``; never ``view``, ``export`` or ``cli``.
The package is ``evaluation`` so that the function :func:`argmap.evaluate` does not shadow it.
"""

from __future__ import annotations

from argmap.evaluation.core import (
    EXTENSION_SEMANTICS,
    GRADUAL_SEMANTICS,
    LABEL_VALUE,
    SEMANTICS,
    Balance,
    Evaluation,
    FactorImpact,
    NodeResult,
    PoleStrength,
    ThemeBalance,
    balance,
    evaluate,
    to_bipolar_graph,
    to_framework,
    without,
)

__all__ = [
    "EXTENSION_SEMANTICS",
    "GRADUAL_SEMANTICS",
    "LABEL_VALUE",
    "SEMANTICS",
    "Balance",
    "Evaluation",
    "FactorImpact",
    "NodeResult",
    "PoleStrength",
    "ThemeBalance",
    "balance",
    "evaluate",
    "to_bipolar_graph",
    "to_framework",
    "without",
]
