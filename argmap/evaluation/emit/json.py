"""The JSON emitter of ``argmap evaluate``: the evaluation and balance as one document.

A pure function of the map and its :class:`~argmap.evaluation.core.Balance`. May import
``model`` and ``evaluation.core``.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from argmap.evaluation.core import Balance, FactorImpact
from argmap.model.core import ArgumentMap

__all__ = ["dumps_json", "evaluation_to_json"]


def evaluation_to_json(amap: ArgumentMap, result: Balance) -> dict[str, Any]:
    """The evaluation and balance as JSON-ready data."""
    ev = result.evaluation

    def factor(f: FactorImpact) -> dict[str, Any]:
        return {
            "id": f.id,
            "pole": f.pole,
            "theme": f.theme,
            "strength": f.strength,
            "shift": f.shift,
            "deltas": dict(f.deltas),
        }

    return {
        "title": amap.title,
        "semantics": ev.semantics,
        "converged": ev.converged,
        "steps": ev.steps,
        "residual": ev.residual,
        "extensions": ev.extensions,
        "poles": [attrs.asdict(p) for p in result.poles],
        "margin": result.margin,
        "themes": [
            {
                "theme": t.theme,
                "label": t.label,
                "sides": {pole: [f.id for f in items] for pole, items in t.sides.items()},
            }
            for t in result.themes
        ],
        "factors": [factor(f) for f in result.factors],
        "nodes": [
            {"id": n.id, "kind": n.kind, "label": n.label, "strength": n.strength} for n in ev.nodes.values()
        ],
    }


def dumps_json(amap: ArgumentMap, result: Balance) -> str:
    """:func:`evaluation_to_json` as indented JSON text."""
    return json.dumps(evaluation_to_json(amap, result), indent=2, ensure_ascii=False) + "\n"
