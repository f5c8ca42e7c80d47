"""Stage 7, the command line: ``argmap`` and ``argmap-iccma``, thin layers over the library.

Owns argument parsing, the one exit-code and error policy (:mod:`~argmap.cli._common`) and one
module per command group. May import every stage; nothing imports ``cli``. Commands import the
stages they need when they run, so ``argmap --version`` starts instantly.
"""

from __future__ import annotations

from argmap.cli._common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE
from argmap.cli.app import app, main

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_UNUSABLE", "app", "main"]
