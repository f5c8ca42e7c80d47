"""The lint rules, one module per family: structure (S), logic (L), paradox (P), provenance (V), hygiene (H).

Importing this package registers every rule with :mod:`argmap.lint.registry`. May import ``model``
and the lint registry.
"""

from __future__ import annotations

from argmap.lint.rules import hygiene, logic, paradox, provenance, structure

__all__ = ["hygiene", "logic", "paradox", "provenance", "structure"]
