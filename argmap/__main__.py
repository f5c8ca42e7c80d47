"""``python -m argmap``: the same command line as the ``argmap`` script."""

from __future__ import annotations

from argmap.cli import main

if __name__ == "__main__":
    main()
