"""Print, for each theme of a paradox map, the factors on each side (pole).

Run ``python examples/themes_by_side.py`` to read the two document maps in ``maps/`` (Blank's
2012 "paradox" essay and the 2008 Beijing cable), or pass map files of your own. A theme showing
factors under both poles is what such maps exist to reveal: the same topic pulling both ways.

Output, per map::

    == <map title> ==
    <theme label> [<theme id>]
      <pole label>:
        - <proposition text> (<locator>; <speaker name>)
      <pole label>:
        (none)

Propositions of a theme that belong to no pole (e.g. an explanation) are listed under
``(no pole)``, shown only when there are any.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from argmap.formats import load
from argmap.model.core import ArgumentMap, Proposition

__all__ = ["DEFAULT_MAPS", "NO_POLE", "format_map", "main", "themes_by_side"]

#: The repository's two document maps, found relative to this file so the script runs from anywhere.
DEFAULT_MAPS: tuple[Path, ...] = tuple(
    Path(__file__).resolve().parent.parent / "maps" / name
    for name in ("blank-2012-paradox.yaml", "beijing-2008-cable.yaml")
)

#: Heading for a theme's propositions that carry no pole.
NO_POLE = "(no pole)"


def themes_by_side(amap: ArgumentMap) -> dict[str, dict[str, tuple[Proposition, ...]]]:
    """Theme id -> pole id (``None`` for unpoled) -> its factors, all in map order.

    Every declared pole appears under every theme, possibly with no factors, so a reader sees
    where a side is silent. Pole theses are left out: they state the side, they are not factors.
    """
    theses = {pole.thesis for pole in amap.poles if pole.thesis is not None}
    table: dict[str, dict[str, tuple[Proposition, ...]]] = {}
    for theme in amap.themes:
        members = [p for p in amap.by_theme(theme.id) if p.id not in theses]
        sides = {pole.id: tuple(p for p in members if p.pole == pole.id) for pole in amap.poles}
        known = set(sides)
        loose = tuple(p for p in members if p.pole is None or p.pole not in known)
        if loose:
            sides[NO_POLE] = loose
        table[theme.id] = sides
    return table


def _describe(prop: Proposition) -> str:
    where: list[str] = []
    if prop.citation is not None and prop.citation.locator:
        where.append(prop.citation.locator)
    if prop.speaker is not None:
        where.append(prop.speaker.name)
    suffix = f" ({'; '.join(where)})" if where else ""
    return f"- {' '.join(prop.text.split())}{suffix}"


def format_map(amap: ArgumentMap) -> str:
    """The report for one map as text: a title line, then each theme with its sides."""
    labels = {pole.id: pole.label for pole in amap.poles}
    lines = [f"== {amap.title} =="]
    table = themes_by_side(amap)
    for theme in amap.themes:
        lines.append(f"{theme.label} [{theme.id}]")
        for side, props in table[theme.id].items():
            lines.append(f"  {labels.get(side, side)}:")
            lines.extend(f"    {_describe(p)}" for p in props)
            if not props:
                lines.append("    (none)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report for each map named in ``argv`` (default: the two document maps)."""
    paths = [Path(arg) for arg in argv] if argv else list(DEFAULT_MAPS)
    print("\n\n".join(format_map(load(path)) for path in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
