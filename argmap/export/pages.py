"""The whole map as a set of linked pages: an index (the overview) and one page per pole and theme.

A document map drawn at once is a poster (87 nodes on an 11,900-px row); read as pages it is a set
of pictures a screen can show. The index is the overview: clicking a pole's box (or, where the
poles are tints, its legend row) opens that pole's page, clicking a node opens the page of its
theme (or of its pole). On a pole or theme page every node links to the page of its theme (or
pole), so a reader can walk across the map. Links are SVG links (Graphviz ``URL``) to sibling
files named ``<stem>-<page>.svg``, the names ``argmap render --view all`` and ``docs/maps`` use.
May import ``model``, ``view`` and :mod:`argmap.export.dot`.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from argmap.export.dot import digraph
from argmap.model.core import ArgumentMap
from argmap.view.build import View, make_view
from argmap.view.overlay import Overlay
from argmap.view.presets import named_views
from argmap.view.select import ViewOptions

__all__ = ["WIDE", "Page", "named_links", "page_links", "pages"]

#: A top-to-bottom page with more nodes than this is drawn left to right instead.
WIDE = 40


@attrs.frozen
class Page:
    """One page of the set: its file-name part, title, view and outgoing links (id -> file)."""

    name: str
    title: str
    view: View
    #: Node or group id -> the file that clicking it opens.
    links: Mapping[str, str]

    @property
    def dot(self) -> str:
        """The page's DOT, links included."""
        source: str = digraph(self.view, self.links).source
        return source


def page_links(view: View, stem: str, names: set[str], here: str, suffix: str = "svg") -> dict[str, str]:
    """Where each node and pole box (or pole legend row) of ``view`` links: a node to its theme's
    page, else its pole's page; a pole to its page.

    ``names`` are the pages that exist (``overview``, ``pole-ID``, ``theme-ID``); a link to the page
    itself (``here``) is left out.
    """
    links: dict[str, str] = {}

    def target(name: str) -> str | None:
        return f"{stem}-{name}.{suffix}" if name in names and name != here else None

    for group in view.groups:
        if group.kind == "pole" and (url := target(f"pole-{group.ref}")):
            links[group.id] = url
    for entry in view.legend:
        # A view that tints its poles instead of boxing them links each pole's legend row.
        if entry.kind == "pole" and (url := target(f"pole-{entry.key}")):
            links[f"pole:{entry.key}"] = url
    for node in view.nodes:
        candidates = [f"theme-{t}-pole-{node.pole}" for t in node.themes if node.pole is not None]
        candidates += [f"theme-{t}" for t in node.themes]
        if node.pole is not None:
            candidates.append(f"pole-{node.pole}")
        for name in candidates:
            if url := target(name):
                links[node.id] = url
                break
    return links


def named_links(
    amap: ArgumentMap, stem: str, view_name: str, options: ViewOptions, suffix: str = "svg"
) -> dict[str, str]:
    """Links from the named view ``view_name`` (drawn with ``options``) to its sibling named views.

    The siblings are the files ``argmap render --view all`` writes: ``<stem>-<view>.<suffix>``.
    """
    names = {preset.name for preset in named_views(amap) if preset.name != "full"}
    return page_links(make_view(amap, options), stem, names, view_name, suffix)


def pages(
    amap: ArgumentMap, stem: str, overlay: Mapping[str, Overlay] | None = None, suffix: str = "svg"
) -> tuple[Page, ...]:
    """The index (overview) and a page per pole and theme of ``amap``, linked to one another.

    A theme page with more than :data:`WIDE` nodes is split into one page per pole (the theme's
    factors on that side, the other side's attackers beside what they attack), drawn left to right.
    """
    planned: list[tuple[str, str, ViewOptions]] = []
    for preset in named_views(amap):
        if preset.name == "full":
            continue
        options = preset.options
        if len(make_view(amap, options).nodes) <= WIDE or options.direction in ("LR", "RL"):
            planned.append((preset.name, preset.title, options))
            continue
        # Many nodes share a rank in a big theme: top to bottom they make one unreadably wide row;
        # left to right, one pole at a time, they stack down the page (benchmarks/bench_layout.py).
        wide = attrs.evolve(options, direction="LR")
        if not amap.poles or options.themes is None:
            planned.append((preset.name, preset.title, wide))
            continue
        for pole in amap.poles:
            planned.append(
                (
                    f"{preset.name}-pole-{pole.id}",
                    f"{preset.title} · Pole: {pole.label}",
                    attrs.evolve(wide, poles=(pole.id,)),
                )
            )
    names = {name for name, _, _ in planned}
    out: list[Page] = []
    for name, title, options in planned:
        view = make_view(amap, options, overlay)
        out.append(Page(name, title, view, page_links(view, stem, names, name, suffix)))
    return tuple(out)
