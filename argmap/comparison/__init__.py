"""The comparison stage (after export, before cli): two maps of different documents, linked, and what
changed between them.

Owns link files (:mod:`~argmap.comparison.links`: the model, reading with positions, writing, the
JSON Schema), their check against both maps (:mod:`~argmap.comparison.check`: the K rules),
suggested links (:mod:`~argmap.comparison.suggestions`, rapidfuzz), the comparison itself
(:mod:`~argmap.comparison.diff`), its reports (:mod:`~argmap.comparison.report`), the joint
diagram (:mod:`~argmap.comparison.diagram`) and the comparison page of the HTML viewer
(:mod:`~argmap.comparison.html`). May import ``model``, ``formats``, ``lint``,
``evaluation``, ``view`` and ``export``; only ``cli`` imports it. The package is ``comparison`` so
that the function :func:`argmap.compare` does not shadow it.

>>> import argmap
>>> from argmap.comparison import Link, LinkSet, MapRef, Change
>>> a = argmap.MapBuilder("2008").claim("late", "The trains are often late.").build()
>>> b = argmap.MapBuilder("2012").claim("punctual", "The trains now run on time.").build()
>>> links = LinkSet(MapRef("a.yaml"), MapRef("b.yaml"), [Link("late", "punctual", "contradicts")])
>>> [item.change.value for item in argmap.compare(a, b, links).items]
['contradicted']
"""

from __future__ import annotations

from typing import Any

from argmap.comparison.check import LINK_RULES, LinkCheck, LinkRule, check_link_file, check_links
from argmap.comparison.diff import (
    DEFAULT_SEMANTICS,
    Change,
    Comparison,
    Item,
    NodeRef,
    PoleShift,
    ThemeGroup,
    compare,
)
from argmap.comparison.links import (
    Link,
    LinkKind,
    LinkSet,
    MapRef,
    Relation,
    dump_links,
    dumps_links,
    fingerprint,
    is_link_file,
    links_schema,
    load_links,
    loads_links,
    stamp,
)
from argmap.comparison.report import comparison_to_json, format_comparison
from argmap.comparison.suggestions import Suggestion, accept, suggest

__all__ = [
    "DEFAULT_SEMANTICS",
    "LINK_RULES",
    "Change",
    "Comparison",
    "Item",
    "Link",
    "LinkCheck",
    "LinkKind",
    "LinkRule",
    "LinkSet",
    "MapRef",
    "NodeRef",
    "PoleShift",
    "Relation",
    "Suggestion",
    "ThemeGroup",
    "accept",
    "check_link_file",
    "check_links",
    "compare",
    "comparison_html",
    "comparison_to_json",
    "dump_links",
    "dumps_links",
    "fingerprint",
    "format_comparison",
    "is_link_file",
    "links_schema",
    "load_links",
    "loads_links",
    "stamp",
    "suggest",
    "write_comparison_html",
]


def __getattr__(name: str) -> Any:
    # The page needs Graphviz and the html exporter: loaded on first use, so that checking a link
    # file or comparing as text stays as light as it was.
    if name in ("comparison_html", "write_comparison_html"):
        from argmap.comparison import html

        return getattr(html, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
