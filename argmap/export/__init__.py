"""Stage 6, exports: a view (or a map) -> DOT, images, outlines and other targets.

Owns :mod:`~argmap.export.dot` (the ``graphviz.Digraph`` of a view, and images made by running
``dot``) and :mod:`~argmap.export.outline` (a text tree). Every exporter reads the backend-neutral
view from :mod:`argmap.view` (or the model), never another exporter's output. May import every
stage before it; never ``cli``. Submodules are imported on use so that importing this package
does not pull in graphviz.
"""

from __future__ import annotations

__all__: list[str] = []
