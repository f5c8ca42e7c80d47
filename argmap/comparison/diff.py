"""What changed between two maps, given the links between them: typed data for reports and diagrams.

Every linked pair of propositions becomes an :class:`Item` that *persisted* (same, refines,
updates, with both sides in corresponding poles), was *contradicted*, or *moved pole* (an
agreeing link whose two sides sit in poles that do not correspond). Unlinked propositions of the
later map *appeared*; unlinked ones of the earlier map *disappeared*. Items are grouped by
aligned theme (themes joined by theme links, transitively) and by pole. Each pole's thesis
strength and the margin come from :func:`argmap.evaluation.balance` on each map, and each
proposition carries its strength and its share of the margin (minus the factor's shift).

Imports ``model``, ``evaluation`` and the link model; nothing imports this but the report, the
diagram and the CLI.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

import attrs

from argmap.comparison.links import Link, LinkKind, LinkSet, Relation
from argmap.evaluation import Balance, balance
from argmap.model import ArgumentMap, Proposition

__all__ = [
    "DEFAULT_SEMANTICS",
    "NO_THEME",
    "Change",
    "Comparison",
    "Item",
    "NodeRef",
    "PoleShift",
    "ThemeGroup",
    "compare",
]

#: Quadratic energy: DF-QuAD saturates on maps of this size (both theses at 1.000 in both document
#: maps), which would hide every shift; QE keeps the differences visible.
DEFAULT_SEMANTICS = "qe"

#: The key of the group of propositions that have no theme on either side.
NO_THEME = "~"


class Change(enum.Enum):
    """What happened to a point between the earlier map (a) and the later one (b)."""

    PERSISTED = "persisted"
    CONTRADICTED = "contradicted"
    MOVED_POLE = "moved pole"
    APPEARED = "appeared"
    DISAPPEARED = "disappeared"


@attrs.frozen(slots=True)
class NodeRef:
    """A proposition of one map as the comparison shows it: text, verbatim quote, place, strength."""

    id: str
    text: str
    quote: str | None
    locator: str | None
    role: str
    pole: str | None
    theme: str | None
    #: Strength (gradual) or label value (extension semantics) under the comparison's semantics.
    strength: float | None
    #: How much the factor adds to its map's margin (minus its shift); ``None`` for non-factors.
    weight: float | None
    #: All of the proposition's themes; ``theme`` is the first (where diagrams draw it).
    themes: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Item:
    """One line of the comparison: a linked pair, or a point found on one side only."""

    change: Change
    a: NodeRef | None
    b: NodeRef | None
    relation: Relation | None = None
    note: str | None = None
    #: The :class:`ThemeGroup` key the item belongs to.
    group: str = NO_THEME
    #: The pole of map a the item is counted under (map b's pole mapped back for appeared items).
    pole: str | None = None
    #: The keys of the other theme groups the item belongs to (a proposition with several themes):
    #: the report lists it under each, the diagram draws it once, under :attr:`group`.
    also: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class ThemeGroup:
    """Themes of the two maps joined by theme links (either side may be empty)."""

    key: str
    a_themes: tuple[str, ...]
    b_themes: tuple[str, ...]
    label: str
    #: Sum of the factors' weights in the group, per map: how much the theme adds to the margin
    #: (``None`` on a side with no theme in the group).
    a_weight: float | None
    b_weight: float | None


@attrs.frozen(slots=True)
class PoleShift:
    """A pole of map a, the pole of map b linked to it, and their theses' strengths."""

    a_pole: str | None
    b_pole: str | None
    a_label: str | None
    b_label: str | None
    relation: Relation | None
    a_thesis: str | None
    b_thesis: str | None
    a_strength: float | None
    b_strength: float | None

    @property
    def delta(self) -> float | None:
        if self.a_strength is None or self.b_strength is None:
            return None
        return self.b_strength - self.a_strength


@attrs.frozen(slots=True)
class Comparison:
    """Two maps compared through their links."""

    a_title: str
    b_title: str
    semantics: str
    poles: tuple[PoleShift, ...]
    #: First pole's thesis strength minus the strongest other, per map (see the balance).
    a_margin: float | None
    b_margin: float | None
    groups: tuple[ThemeGroup, ...]
    items: tuple[Item, ...]
    links: LinkSet

    def with_change(self, change: Change) -> tuple[Item, ...]:
        """Items of one kind, in group order."""
        return tuple(item for item in self.items if item.change is change)

    def in_group(self, key: str, *, also: bool = True) -> tuple[Item, ...]:
        """Items of one theme group; with ``also``, those listed there for another of their themes too."""
        return tuple(item for item in self.items if item.group == key or (also and key in item.also))

    def group(self, key: str) -> ThemeGroup:
        """The theme group called ``key``."""
        return next(group for group in self.groups if group.key == key)

    def counts(self) -> dict[Change, int]:
        """How many items of each kind."""
        return {change: len(self.with_change(change)) for change in Change}


class _Groups:
    """Union-find over ``a:theme`` and ``b:theme`` keys, joined by theme links."""

    def __init__(self, a: ArgumentMap, b: ArgumentMap, links: Sequence[Link]) -> None:
        self.parent: dict[str, str] = {}
        for theme in a.themes:
            self.parent[f"a:{theme.id}"] = f"a:{theme.id}"
        for theme in b.themes:
            self.parent[f"b:{theme.id}"] = f"b:{theme.id}"
        for link in links:
            left, right = f"a:{link.a}", f"b:{link.b}"
            if left in self.parent and right in self.parent:
                self.parent[self.find(right)] = self.find(left)

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def key(self, side: str, theme: str | None) -> str | None:
        if theme is None or f"{side}:{theme}" not in self.parent:
            return None
        return self.find(f"{side}:{theme}")


def _weights(result: Balance) -> dict[str, float]:
    # A factor's shift is how the margin moves when it is removed, so what it adds is minus that.
    return {f.id: -f.shift for f in result.factors}


def _ref(prop: Proposition, result: Balance, weights: Mapping[str, float]) -> NodeRef:
    node = result.evaluation.nodes.get(prop.id)
    return NodeRef(
        prop.id,
        prop.text,
        prop.citation.quote if prop.citation else None,
        prop.citation.locator if prop.citation else None,
        prop.role.value,
        prop.pole,
        prop.theme,
        node.strength if node is not None else None,
        weights.get(prop.id),
        tuple(prop.themes),
    )


def _pole_pairs(
    a: ArgumentMap, b: ArgumentMap, links: LinkSet
) -> tuple[list[Link], dict[str, str], dict[str, str]]:
    """The usable pole links, and each pole's counterpart in the other map (the first link wins)."""
    pole_links = [
        lk for lk in links.of_kind(LinkKind.POLE) if lk.a in a.index.poles and lk.b in b.index.poles
    ]
    if not links.of_kind(LinkKind.POLE):
        # No pole links at all: pair the poles in map order, as paradox maps list them alike.
        pole_links = [
            Link(pa.id, pb.id, kind=LinkKind.POLE) for pa, pb in zip(a.poles, b.poles, strict=False)
        ]
    pole_to_b: dict[str, str] = {}
    pole_to_a: dict[str, str] = {}
    for link in pole_links:
        pole_to_b.setdefault(link.a, link.b)
        pole_to_a.setdefault(link.b, link.a)
    return pole_links, pole_to_b, pole_to_a


def compare(
    a: ArgumentMap, b: ArgumentMap, links: LinkSet, *, semantics: str = DEFAULT_SEMANTICS
) -> Comparison:
    """Compare map ``a`` (the earlier document) with map ``b`` through ``links``.

    Links whose ids are missing from their map are skipped (``argmap check`` reports them as
    K001). Without pole links the poles pair up in map order. ``semantics`` is any of
    :data:`argmap.evaluation.SEMANTICS`.
    """
    result_a, result_b = balance(a, semantics), balance(b, semantics)
    weights_a, weights_b = _weights(result_a), _weights(result_b)
    props_a, props_b = a.index.propositions, b.index.propositions

    pole_links, pole_to_b, pole_to_a = _pole_pairs(a, b, links)

    groups = _Groups(a, b, links.of_kind(LinkKind.THEME))

    def groups_of(pa: Proposition | None, pb: Proposition | None) -> tuple[str, tuple[str, ...]]:
        """The item's theme group (its first theme's: a's, else b's) and the groups of its other themes."""
        keys: list[str] = []
        for side, prop in (("a", pa), ("b", pb)):
            for theme in prop.themes if prop is not None else ():
                key = groups.key(side, theme)
                if key is not None and key not in keys:
                    keys.append(key)
        return (keys[0], tuple(keys[1:])) if keys else (NO_THEME, ())

    items: list[Item] = []
    linked_a: set[str] = set()
    linked_b: set[str] = set()
    for link in links.of_kind(LinkKind.PROPOSITION):
        pa, pb = props_a.get(link.a), props_b.get(link.b)
        if pa is None or pb is None:
            continue
        linked_a.add(pa.id)
        linked_b.add(pb.id)
        if link.relation is Relation.CONTRADICTS:
            change = Change.CONTRADICTED
        elif pa.pole is not None and pb.pole is not None and pole_to_b.get(pa.pole) != pb.pole:
            change = Change.MOVED_POLE
        else:
            change = Change.PERSISTED
        group, also = groups_of(pa, pb)
        items.append(
            Item(
                change,
                _ref(pa, result_a, weights_a),
                _ref(pb, result_b, weights_b),
                link.relation,
                link.note,
                group,
                pa.pole,
                also,
            )
        )
    for prop in b.propositions:
        if prop.id not in linked_b:
            back = pole_to_a.get(prop.pole) if prop.pole else None
            ref = _ref(prop, result_b, weights_b)
            group, also = groups_of(None, prop)
            items.append(Item(Change.APPEARED, None, ref, group=group, pole=back, also=also))
    for prop in a.propositions:
        if prop.id not in linked_a:
            ref = _ref(prop, result_a, weights_a)
            group, also = groups_of(prop, None)
            items.append(Item(Change.DISAPPEARED, ref, None, group=group, pole=prop.pole, also=also))

    theme_groups = _theme_groups(a, b, groups, weights_a, weights_b)
    order = {group.key: n for n, group in enumerate(theme_groups)}
    change_order = {change: n for n, change in enumerate(Change)}
    items.sort(key=lambda item: (order[item.group], change_order[item.change]))

    shifts = _pole_shifts(a, b, (result_a, result_b), pole_links, (pole_to_b, pole_to_a))
    return Comparison(
        a.title,
        b.title,
        semantics,
        tuple(shifts),
        result_a.margin,
        result_b.margin,
        theme_groups,
        tuple(items),
        links,
    )


def _pole_shifts(
    a: ArgumentMap,
    b: ArgumentMap,
    results: tuple[Balance, Balance],
    pole_links: Sequence[Link],
    pairs: tuple[Mapping[str, str], Mapping[str, str]],
) -> list[PoleShift]:
    """Each pole of a with its counterpart in b and both theses' strengths, then b's unpaired poles."""
    result_a, result_b = results
    pole_to_b, pole_to_a = pairs
    strengths_a = {p.pole: p for p in result_a.poles}
    strengths_b = {p.pole: p for p in result_b.poles}
    shifts: list[PoleShift] = []
    for pole in a.poles:
        other = pole_to_b.get(pole.id)
        sa, sb = strengths_a.get(pole.id), strengths_b.get(other) if other else None
        relation = next((lk.relation for lk in pole_links if lk.a == pole.id and lk.b == other), None)
        shifts.append(
            PoleShift(
                pole.id,
                other,
                pole.label,
                b.index.poles[other].label if other else None,
                relation,
                pole.thesis,
                sb.thesis if sb else None,
                sa.strength if sa else None,
                sb.strength if sb else None,
            )
        )
    for pole in b.poles:
        if pole.id not in pole_to_a:
            sb = strengths_b.get(pole.id)
            shifts.append(
                PoleShift(
                    None,
                    pole.id,
                    None,
                    pole.label,
                    None,
                    None,
                    pole.thesis,
                    None,
                    sb.strength if sb else None,
                )
            )
    return shifts


def _theme_groups(
    a: ArgumentMap,
    b: ArgumentMap,
    groups: _Groups,
    weights_a: Mapping[str, float],
    weights_b: Mapping[str, float],
) -> tuple[ThemeGroup, ...]:
    members: dict[str, tuple[list[str], list[str]]] = {}
    # Map a's theme order first, then b's themes that join none of a's.
    for side, amap in (("a", a), ("b", b)):
        for theme in amap.themes:
            key = groups.find(f"{side}:{theme.id}")
            members.setdefault(key, ([], []))[0 if side == "a" else 1].append(theme.id)

    def weight(amap: ArgumentMap, themes: Sequence[str], weights: Mapping[str, float]) -> float | None:
        if not themes:
            return None
        return sum(weights.get(p.id, 0.0) for t in themes for p in amap.by_theme(t))

    out = []
    for key, (in_a, in_b) in members.items():
        labels_a = " + ".join(a.index.themes[t].label for t in in_a) or "—"
        labels_b = " + ".join(b.index.themes[t].label for t in in_b) or "—"
        out.append(
            ThemeGroup(
                key,
                tuple(in_a),
                tuple(in_b),
                f"{labels_a} → {labels_b}",
                weight(a, in_a, weights_a),
                weight(b, in_b, weights_b),
            )
        )
    no_theme = [p for p in a.propositions if p.theme is None], [p for p in b.propositions if p.theme is None]
    out.append(
        ThemeGroup(
            NO_THEME,
            (),
            (),
            "No theme (theses, explanations, verdicts, cross-cutting claims)",
            sum(weights_a.get(p.id, 0.0) for p in no_theme[0]),
            sum(weights_b.get(p.id, 0.0) for p in no_theme[1]),
        )
    )
    return tuple(out)
