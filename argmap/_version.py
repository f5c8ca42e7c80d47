"""The package version, in one place: hatch reads it for the package metadata (``pyproject.toml``).

Kept in its own module, importing nothing, so ``argmap --version`` costs no more than reading it.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
