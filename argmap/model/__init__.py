"""Stage 1, the model: argument maps as frozen attrs data, their index, and building and editing them.

Owns :mod:`~argmap.model.core` (the classes, their file metadata and the look-up index),
:mod:`~argmap.model.hedges` (hedge words and their usual confidence) and :mod:`~argmap.model.edit`
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
    Attribution,
    Citation,
    Index,
    Inference,
    Pole,
    Preference,
    Proposition,
    Role,
    Source,
    Speaker,
    SpeechAct,
    Theme,
)
from argmap.model.edit import MapBuilder, add, remove, replace

__all__ = [
    "ID_PATTERN",
    "ArgumentMap",
    "Attack",
    "AttackKind",
    "Attribution",
    "Citation",
    "Index",
    "Inference",
    "MapBuilder",
    "Pole",
    "Preference",
    "Proposition",
    "Role",
    "Source",
    "Speaker",
    "SpeechAct",
    "Theme",
    "add",
    "remove",
    "replace",
]
