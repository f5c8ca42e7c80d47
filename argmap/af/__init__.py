"""Abstract argumentation frameworks (Dung 1995): semantics, solvers and ICCMA file formats.

Beside the pipeline: frameworks are arguments and attacks (and, in :mod:`~argmap.af.bipolar`,
weighted supports) with no notion of a map. May import only the shared layer (``errors``,
``_graph``); :mod:`argmap.evaluation` translates maps into these frameworks.

>>> from argmap.af import Framework, grounded_extension
>>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(grounded_extension(af))
['a', 'c']
"""

from __future__ import annotations

from argmap.af.framework import Framework
from argmap.af.semantics import (
    Acceptance,
    Label,
    Labelling,
    Semantics,
    complete_extensions,
    credulous,
    extensions,
    grounded_extension,
    grounded_labelling,
    is_legal_labelling,
    labelling_of,
    labellings,
    preferred_extensions,
    sceptical,
    some_extension,
    stable_extensions,
)
from argmap.af.solvers import Backend, SolverUnavailableError, clingo_available

__all__ = [
    "Acceptance",
    "Backend",
    "Framework",
    "Label",
    "Labelling",
    "Semantics",
    "SolverUnavailableError",
    "clingo_available",
    "complete_extensions",
    "credulous",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "is_legal_labelling",
    "labelling_of",
    "labellings",
    "preferred_extensions",
    "sceptical",
    "some_extension",
    "stable_extensions",
]
