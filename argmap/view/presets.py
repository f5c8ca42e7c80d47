"""Named views: the readable pictures of a map, each one option away (``overview``, ``pole:ID``, ...).

A whole document map drawn at once is a poster nobody can read on a screen. These presets are the
pictures the documentation shows (``docs/maps``) and ``make demo`` writes, so that one spec, given to
``argmap render --view``, reproduces any of them:

- ``overview``: theses, explanations, verdict and the claims right below them, top to bottom when
  no node has more than :data:`TB_MAX_FAN_IN` of them (a rank then fits a screen), else left to right;
- ``pole:ID``: one pole two steps below its thesis (each factor's theme in its header), without the
  explanations and verdict (the overview shows those), left to right;
- ``theme:ID``: every node of one theme and the path up to its thesis, without explanations and
  verdict;
- ``full``: the whole map.

Plain data over :class:`~argmap.view.select.ViewOptions`; may import ``model`` and the rest of
``view``, never ``export`` or ``cli``.
"""

from __future__ import annotations

import attrs

from argmap.diagnostics import short_repr
from argmap.errors import InputError
from argmap.model.core import ArgumentMap
from argmap.view.select import ViewOptions, overview, select

__all__ = ["TB_MAX_FAN_IN", "VIEW_KINDS", "NamedView", "named_view", "named_views"]

#: The kinds of named view, in reading order; ``pole`` and ``theme`` take an id (``pole:ID``).
VIEW_KINDS = ("overview", "pole", "theme", "full")


@attrs.frozen
class NamedView:
    """One readable picture of a map: its spec, file-name part, title and view options."""

    #: What ``argmap render --view`` takes: ``overview``, ``pole:ID``, ``theme:ID`` or ``full``.
    spec: str
    #: The file-name part: ``overview``, ``pole-ID``, ``theme-ID`` or ``full``.
    name: str
    #: A short human title: "Overview", "Pole: <label>", "Theme: <label>", "The whole map".
    title: str
    options: ViewOptions


def _pole(pole_id: str, label: str) -> NamedView:
    # Two steps, no theme boxes, context edges shaping the layout: measured with
    # benchmarks/bench_layout.py, theme boxes and a third step multiply crossings (the essay's poles
    # go from 22 and 32 crossings to 0 and 1; the cable's from 66 and 72 to 18 and 9); the header
    # names each factor's theme and "+ n not shown" counts what the second step folds away. Left
    # to right: a pole's factors are many to a rank and few ranks deep (top to bottom the four pole
    # views measure 5.4-7.9 px body text, left to right 11.7-15.0 px).
    options = ViewOptions(poles=(pole_id,), depth=2, show_skeleton=False, direction="LR")
    return NamedView(f"pole:{pole_id}", f"pole-{pole_id}", f"Pole: {label}", options)


def _theme(theme_id: str, label: str) -> NamedView:
    options = ViewOptions(themes=(theme_id,), show_skeleton=False)
    return NamedView(f"theme:{theme_id}", f"theme-{theme_id}", f"Theme: {label}", options)


#: Most boxes side by side in one rank of a top-to-bottom overview (30-character wrap, 1,920 px).
TB_MAX_FAN_IN = 6


def _overview(amap: ArgumentMap) -> NamedView:
    # Left to right, a picture is as wide as its ranks are many; top to bottom, as its widest rank.
    # Measured with benchmarks/bench_layout.py: the essay's overview (at most 5 claims into one
    # node) goes from 6.7 px body text and 4 crossings left to right to 14.6 px and 3 top to bottom;
    # the cable's (9 claims into its convergence thesis) gets worse top to bottom (9.0 -> 7.8 px,
    # 11 -> 14 crossings), so it stays left to right. With poles as tints and theses and
    # explanations on one rank (export.dot) the cable's is 10.9 px with 2 crossings left to right
    # and 7.6 px top to bottom even with its claims staggered over two ranks.
    options = overview()
    fan_in: dict[str, int] = {}
    for edge in select(amap, options).edges:
        if edge.part != "premise":
            fan_in[edge.head] = fan_in.get(edge.head, 0) + 1
    if max(fan_in.values(), default=0) <= TB_MAX_FAN_IN:
        options = overview(direction="TB")
    return NamedView("overview", "overview", "Overview", options)


_FULL = NamedView("full", "full", "The whole map", ViewOptions())


def named_views(amap: ArgumentMap) -> tuple[NamedView, ...]:
    """Every named view of ``amap`` in reading order: overview, each pole, each theme, the whole map."""
    return (
        _overview(amap),
        *(_pole(p.id, p.label) for p in amap.poles),
        *(_theme(t.id, t.label) for t in amap.themes),
        _FULL,
    )


def _known(ids: list[str]) -> str:
    shown = ", ".join(ids[:12]) + (f" and {len(ids) - 12} more" if len(ids) > 12 else "")
    return f"it has {shown}" if ids else "it has none"


def named_view(amap: ArgumentMap, spec: str) -> NamedView:
    """The named view ``spec`` of ``amap``; an :class:`~argmap.errors.InputError` names the map's file
    and says what exists."""
    kind, sep, ident = spec.partition(":")
    if kind in ("overview", "full") and not sep:
        return _overview(amap) if kind == "overview" else _FULL
    if kind == "pole" and sep:
        pole = amap.index.poles.get(ident)
        if pole is None:
            raise InputError(
                f"view {short_repr(spec)}: {short_repr(ident)} is not a pole of this map "
                f"({_known(list(amap.index.poles))})",
                amap.path,
                code="U001",
            )
        return _pole(pole.id, pole.label)
    if kind == "theme" and sep:
        theme = amap.index.themes.get(ident)
        if theme is None:
            known = _known(list(amap.index.themes))
            raise InputError(
                f"view {short_repr(spec)}: {short_repr(ident)} is not a theme of this map ({known})",
                amap.path,
                code="U001",
            )
        return _theme(theme.id, theme.label)
    message = f"unknown view {short_repr(spec)}; use overview, pole:ID, theme:ID or full"
    raise InputError(message, amap.path, code="U001")
