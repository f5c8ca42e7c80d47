"""JSON export: a view as the versioned ``argmap-view`` document (``docs/view-json.md``).

The data and its schema belong to the view stage (:mod:`argmap.view.contract`); this module only
turns them into stable text. May import ``model`` and ``view``; never ``cli``.
"""

from __future__ import annotations

import json

from argmap.model.core import ArgumentMap
from argmap.view.build import View, make_view
from argmap.view.contract import view_to_json
from argmap.view.overlay import Overlay
from argmap.view.select import ViewOptions

__all__ = ["dumps_view", "to_view_json"]


def dumps_view(view: View) -> str:
    """The view's JSON text: two-space indents, UTF-8 characters kept, a final newline; stable."""
    return json.dumps(view_to_json(view), indent=2, ensure_ascii=False) + "\n"


def to_view_json(
    amap: ArgumentMap, options: ViewOptions | None = None, overlay: dict[str, Overlay] | None = None
) -> str:
    """The JSON view of ``amap`` under ``options``, with an optional evaluation ``overlay``."""
    return dumps_view(make_view(amap, options, overlay))
