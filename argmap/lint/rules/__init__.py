"""The lint rules, one module per family: structure (S), logic (L), paradox (P), provenance (V), hygiene (H).

:mod:`~argmap.lint.rules.modelling` holds the rules for the constructs of format version 2
(qualifications, reported speech, preferences, rephrases, hedges), coded in the families above.

Importing this package registers every rule with :mod:`argmap.lint.registry`. May import ``model``
and the lint registry.
"""

from __future__ import annotations

from argmap.lint.rules import hygiene, logic, modelling, paradox, provenance, structure

__all__ = ["hygiene", "logic", "modelling", "paradox", "provenance", "structure"]
