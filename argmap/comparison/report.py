"""The comparison report: text, Markdown (one page for an analyst) and JSON.

Every line names the node ids on both sides and quotes them: the citation's verbatim quote
where the map has one (shortened at a word with "…" when long), else the map's own wording in
italics. Imports only the comparison data (:mod:`argmap.comparison.diff`) and the link model.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from argmap.comparison.diff import NO_THEME, Change, Comparison, Item, NodeRef, PoleShift, ThemeGroup

__all__ = ["FORMATS", "comparison_to_json", "format_comparison", "report_markdown", "report_text"]

#: Output formats of :func:`format_comparison`.
FORMATS = ("text", "markdown", "json")
#: Appeared or disappeared points quoted per theme; the rest are listed by id.
_QUOTED_PER_GROUP = 2
_QUOTE_LIMIT = 90


def _short(text: str, limit: int = _QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + " …"


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    shown = f"{value:+.3f}" if signed else f"{value:.3f}"
    return "+0.000" if shown == "-0.000" else shown


def _quote_md(ref: NodeRef) -> str:
    if ref.quote:
        return f"“{_short(ref.quote)}”"
    return f"*{_short(ref.text)}*"


def _quote_text(ref: NodeRef) -> str:
    return f"“{_short(ref.quote)}”" if ref.quote else f"[{_short(ref.text)}]"


def _rank(items: Iterable[Item]) -> list[Item]:
    # Most weight in its map first (a factor's share of the margin), then the map's own order.
    def side(item: Item) -> NodeRef:
        ref = item.b if item.b is not None else item.a
        assert ref is not None
        return ref

    listed = list(items)
    return sorted(listed, key=lambda item: -abs(side(item).weight or 0.0))


def _also(comparison: Comparison, item: Item, here: str) -> str:
    """ " (also under: ...)" naming the item's other theme groups, for an item with several themes."""
    others = [key for key in (item.group, *item.also) if key != here]
    if not others:
        return ""
    return " (also under: " + "; ".join(comparison.group(key).label for key in others) + ")"


def _pair_md(item: Item, *, notes: bool = True) -> str:
    assert item.a is not None and item.b is not None and item.relation is not None
    line = (
        f"**{item.relation.value}** a:`{item.a.id}` {_quote_md(item.a)} → b:`{item.b.id}` {_quote_md(item.b)}"
    )
    return f"{line} — {item.note}" if item.note and notes else line


def _glance_md(group: ThemeGroup, items: Sequence[Item]) -> str:
    """One bullet per theme: counts, the weightiest persisted pair quoted, one appeared and one gone."""
    counts = {change: [i for i in items if i.change is change] for change in Change}
    parts = [
        f"- **{group.label}** (weight {_num(group.a_weight, True)} → {_num(group.b_weight, True)}):",
    ]
    persisted = counts[Change.PERSISTED]
    if persisted:
        top = max(
            persisted,
            key=lambda i: abs((i.a.weight if i.a else 0) or 0) + abs((i.b.weight if i.b else 0) or 0),
        )
        parts.append(f"{len(persisted)} persisted, e.g. {_pair_md(top, notes=False)};")
    turned = len(counts[Change.CONTRADICTED]) + len(counts[Change.MOVED_POLE])
    if turned:
        parts.append(f"{turned} contradicted or moved (above);")
    for change, side in ((Change.APPEARED, "b"), (Change.DISAPPEARED, "a")):
        found = counts[change]
        if found:
            ref = _rank(found)[0].b if side == "b" else _rank(found)[0].a
            assert ref is not None
            parts.append(f"{len(found)} {change.value}, e.g. {side}:`{ref.id}` {_quote_md(ref)};")
    return " ".join(parts).rstrip(";") + "."


def _one_side_md(comparison: Comparison, here: str, items: Sequence[Item], change: Change) -> list[str]:
    if not items:
        return []
    side = "b" if change is Change.APPEARED else "a"
    ranked = _rank(items)
    shown = []
    for item in ranked[:_QUOTED_PER_GROUP]:
        ref = item.b if side == "b" else item.a
        assert ref is not None
        shown.append(f"{side}:`{ref.id}` {_quote_md(ref)}{_also(comparison, item, here)}")
    rest = []
    for item in ranked[_QUOTED_PER_GROUP:]:
        ref = item.b if side == "b" else item.a
        assert ref is not None
        rest.append(f"`{ref.id}`")
    line = f"- *{change.value}* ({len(items)}): " + "; ".join(shown)
    if rest:
        line += "; also " + ", ".join(rest)
    return [line]


def _pole_rows(comparison: Comparison) -> list[str]:
    rows = [
        "| Pole in a | Thesis strength | Pole in b | Thesis strength | Change |",
        "| --- | --- | --- | --- | --- |",
    ]
    for shift in comparison.poles:
        rows.append(
            f"| {shift.a_label or '—'} | {_num(shift.a_strength)} | {shift.b_label or '—'}"
            f"{f' ({shift.relation.value})' if shift.relation else ''} | {_num(shift.b_strength)} | "
            f"{_num(shift.delta, signed=True)} |"
        )
    delta = None
    if comparison.a_margin is not None and comparison.b_margin is not None:
        delta = comparison.b_margin - comparison.a_margin
    first = comparison.poles[0] if comparison.poles else None
    who = f"{first.a_label or first.b_label} minus the other" if first else "first pole minus the other"
    rows.append(
        f"| **Margin** ({who}) | {_num(comparison.a_margin, True)} | | {_num(comparison.b_margin, True)} | "
        f"{_num(delta, signed=True)} |"
    )
    return rows


def _group_heading(group: ThemeGroup) -> str:
    return f"### {group.label}"


def _by_pole_rows(comparison: Comparison) -> list[str]:
    rows = [
        "| Pole (a → b) | persisted | contradicted | moved to another pole | appeared | disappeared |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    keys: list[tuple[str | None, str]] = [
        (s.a_pole, f"{s.a_label or '—'} → {s.b_label or '—'}") for s in comparison.poles if s.a_pole
    ]
    keys.append((None, "no pole (explanations, verdicts, hubs)"))
    for pole, label in keys:
        mine = [item for item in comparison.items if item.pole == pole]
        cells = [str(sum(1 for item in mine if item.change is change)) for change in Change]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return rows


def report_markdown(
    comparison: Comparison,
    *,
    links_path: str | None = None,
    a_name: str = "a",
    b_name: str = "b",
    diagram: str | None = None,
    page: str | None = None,
) -> str:
    """One page for an analyst: the balance, what was contradicted or moved, then theme by theme.

    ``diagram`` is the joint diagram's SVG path relative to the report (its DOT sits beside it);
    ``page`` the comparison page of the HTML viewer, likewise.
    """
    c = comparison
    counts = c.counts()
    lines = [
        f"# What changed: {c.a_title} → {c.b_title}",
        "",
        "<!-- Generated by argmap compare (docs/generate.py, make docs); do not edit by hand. -->",
        "",
        f"*a* = {a_name}, *b* = {b_name}"
        + (f"; links: `{links_path}`" if links_path else "")
        + f"; semantics: {c.semantics}. Quotes are the maps' verbatim citations (*italics*: the map's"
        " own wording where it cites none); ids are the maps' node ids.",
        "",
        *(
            [f"Joint diagram: [SVG]({diagram}) ([DOT]({diagram.removesuffix('.svg')}.dot)).", ""]
            if diagram
            else []
        ),
        *(
            [
                f"Interactive: [the comparison page]({page}) (download and open it in a browser: the"
                " diagram beside this report, each line focusing its nodes and showing both quotes).",
                "",
            ]
            if page
            else []
        ),
        f"**{counts[Change.PERSISTED]} points persisted, {counts[Change.CONTRADICTED]} were contradicted, "
        f"{counts[Change.MOVED_POLE]} moved to the other pole; {counts[Change.APPEARED]} appeared and "
        f"{counts[Change.DISAPPEARED]} disappeared.**",
        "",
        "## Balance",
        "",
        *_pole_rows(c),
        "",
        "Thesis strengths and margin under the semantics above: each map's own balance, side by side."
        " They depend on how each map is drawn as well as on what its text says, so read a change"
        " together with the quoted lines below.",
        "",
        "## Contradicted",
        "",
    ]
    lines += [f"- {_pair_md(item)}" for item in c.with_change(Change.CONTRADICTED)] or ["- none"]
    lines += ["", "## Moved to the other pole", ""]
    moved = c.with_change(Change.MOVED_POLE)
    lines += [
        f"- {item.a.pole} → {item.b.pole}: {_pair_md(item)}"
        for item in moved
        if item.a is not None and item.b is not None
    ] or ["- none"]
    lines += ["", "## Theme by theme", ""]
    lines.append(
        "Weight: what the theme's factors add to the margin in each map (positive: toward the first"
        " pole). One pair per theme is quoted; every link is listed under *All links* below."
    )
    lines.append("")
    for group in c.groups:
        items = c.in_group(group.key)
        if items:
            lines.append(_glance_md(group, items))
    lines += ["", "## All links, theme by theme"]
    for group in c.groups:
        items = c.in_group(group.key)
        if not items:
            continue
        lines += ["", _group_heading(group), ""]
        persisted = [i for i in items if i.change is Change.PERSISTED]
        lines += [f"- {_pair_md(item, notes=False)}{_also(c, item, group.key)}" for item in persisted]
        others = [i for i in items if i.change in (Change.CONTRADICTED, Change.MOVED_POLE)]
        if others:
            ids = ", ".join(f"`{i.a.id}`→`{i.b.id}`" for i in others if i.a and i.b)
            lines.append(f"- contradicted or moved (above): {ids}")
        for change in (Change.APPEARED, Change.DISAPPEARED):
            lines += _one_side_md(c, group.key, [i for i in items if i.change is change], change)
    lines += ["", "## By pole", "", *_by_pole_rows(c)]
    return "\n".join(lines) + "\n"


def report_text(comparison: Comparison) -> str:
    """The same content as plain text for a terminal."""
    c = comparison
    counts = c.counts()
    out = [f"{c.a_title}  ->  {c.b_title}  (semantics {c.semantics})"]
    out.append(", ".join(f"{n} {change.value}" for change, n in counts.items()))
    out.append("")
    out.append("balance:")
    for s in c.poles:
        out.append(
            f"  {s.a_pole or '-'} {_num(s.a_strength)} -> {s.b_pole or '-'} {_num(s.b_strength)}"
            f"  ({_num(s.delta, signed=True)})"
        )
    out.append(f"  margin {_num(c.a_margin, True)} -> {_num(c.b_margin, True)}")

    def pair(item: Item) -> str:
        assert item.a is not None and item.b is not None and item.relation is not None
        text = (
            f"  {item.change.value:<12} {item.relation.value:<11} a:{item.a.id} {_quote_text(item.a)}\n"
            f"  {'':<24} b:{item.b.id} {_quote_text(item.b)}"
        )
        return text + (f"\n  {'':<24} note: {item.note}" if item.note else "")

    for group in c.groups:
        items = c.in_group(group.key)
        if not items:
            continue
        out += ["", f"[{group.label}]  weight a {_num(group.a_weight, True)}, b {_num(group.b_weight, True)}"]
        for item in items:
            if item.a is not None and item.b is not None:
                out.append(pair(item))
            else:
                ref = item.a or item.b
                assert ref is not None
                side = "a" if item.a is not None else "b"
                out.append(f"  {item.change.value:<24} {side}:{ref.id} {_quote_text(ref)}")
            also = _also(c, item, group.key)
            if also:
                out.append(f"  {'':<24} {also.strip().strip('()')}")
    return "\n".join(out) + "\n"


def _ref_json(ref: NodeRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "id": ref.id,
        "text": ref.text,
        "quote": ref.quote,
        "locator": ref.locator,
        "role": ref.role,
        "pole": ref.pole,
        "theme": ref.theme,
        "strength": ref.strength,
        "weight": ref.weight,
        "themes": list(ref.themes),
    }


def _pole_json(shift: PoleShift) -> dict[str, Any]:
    return {
        "a": shift.a_pole,
        "b": shift.b_pole,
        "a_label": shift.a_label,
        "b_label": shift.b_label,
        "relation": shift.relation.value if shift.relation else None,
        "a_thesis": shift.a_thesis,
        "b_thesis": shift.b_thesis,
        "a_strength": shift.a_strength,
        "b_strength": shift.b_strength,
        "delta": shift.delta,
    }


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data (``"argmap-compare": 1`` names the version)."""
    c = comparison
    return {
        "argmap-compare": 1,
        "a": {"title": c.a_title, "margin": c.a_margin},
        "b": {"title": c.b_title, "margin": c.b_margin},
        "semantics": c.semantics,
        "counts": {change.value: n for change, n in c.counts().items()},
        "poles": [_pole_json(s) for s in c.poles],
        "themes": [
            {
                "key": None if g.key == NO_THEME else g.key,
                "a": list(g.a_themes),
                "b": list(g.b_themes),
                "label": g.label,
                "a_weight": g.a_weight,
                "b_weight": g.b_weight,
            }
            for g in c.groups
        ],
        "items": [
            {
                "change": item.change.value,
                "relation": item.relation.value if item.relation else None,
                "note": item.note,
                "theme": None if item.group == NO_THEME else item.group,
                "also": list(item.also),
                "pole": item.pole,
                "a": _ref_json(item.a),
                "b": _ref_json(item.b),
            }
            for item in c.items
        ],
    }


def format_comparison(comparison: Comparison, fmt: str = "text", **markdown: Any) -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`); ``markdown`` options go to :func:`report_markdown`."""
    if fmt == "text":
        return report_text(comparison)
    if fmt == "markdown":
        return report_markdown(comparison, **markdown)
    if fmt == "json":
        return json.dumps(comparison_to_json(comparison), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
