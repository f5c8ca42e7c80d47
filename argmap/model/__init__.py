"""Stage 1, the model: argument maps as frozen attrs data, their index, and building and editing them.

Owns :mod:`~argmap.model.core` (the classes and the look-up index) and :mod:`~argmap.model.edit`
(the builder and ``add``/``remove``/``replace``). May import only the shared layer below every
stage (:mod:`argmap.errors`, :mod:`argmap.diagnostics`); nothing in ``model`` knows about files,
linting, evaluation or drawing.
"""

from __future__ import annotations

from argmap.model.core import (
    ID_PATTERN,
    ArgumentMap,
    Attack,
    AttackKind,
    Citation,
    Index,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
    Theme,
)
from argmap.model.edit import MapBuilder, add, remove, replace

__all__ = [
    "ID_PATTERN",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Citation",
    "Index",
    "Inference",
    "MapBuilder",
    "Pole",
    "Proposition",
    "Role",
    "Source",
    "Speaker",
    "Theme",
    "add",
    "remove",
    "replace",
]
