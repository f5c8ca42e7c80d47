"""A map as an indented outline for the terminal: the question, each pole's argument tree, the verdict.

Pure: returns lines of text. Each node appears under what it supports (``+``), rebuts (``-``),
qualifies or is conceded against (``~``) or undercuts (``x``, attached to the inference it hits);
linked premises are listed together under one ``&`` line. A node already shown higher up is
named again but not expanded, which also keeps circular support finite. Under a pole, a node of
another pole (e.g. an attacker from the other side) is named with a "(see pole …)" reference and
expanded under its own pole, not here.
"""

from __future__ import annotations

from argmap.model.core import ArgumentMap, AttackKind, Proposition, Role

__all__ = ["outline"]

_MARK = {
    "support": "+",
    AttackKind.REBUT: "-",
    AttackKind.UNDERCUT: "x",
    AttackKind.QUALIFY: "~",  # limits without defeating
    AttackKind.CONCEDE: "~",
}


def _describe(prop: Proposition, amap: ArgumentMap) -> str:
    parts = [f"[{prop.id}] {' '.join(prop.text.split())}"]
    tags: list[str] = []
    if prop.role is not Role.CLAIM:
        tags.append(prop.role.value)
    if prop.theme is not None:
        theme = amap.index.themes.get(prop.theme)
        tags.append(theme.label if theme else prop.theme)
    if prop.citation is not None and prop.citation.locator:
        tags.append(prop.citation.locator)
    if prop.speaker is not None:
        tags.append(str(prop.speaker))
    if tags:
        parts.append(f"({'; '.join(tags)})")
    return " ".join(parts)


def outline(amap: ArgumentMap, *, max_depth: int = 50) -> list[str]:
    """Lines of an outline of ``amap``: each pole's tree, then the verdict, then anything left."""
    lines = [amap.title]
    if amap.question:
        lines.append(f"Question: {amap.question}")
    shown: set[str] = set()

    def walk(pid: str, depth: int, mark: str, pole: str | None = None) -> None:
        prop = amap.index.propositions.get(pid)
        pad = "  " * depth
        if prop is None:
            lines.append(f"{pad}{mark} [{pid}] (unknown id)")
            return
        if pole is not None and prop.pole is not None and prop.pole != pole:
            other = amap.index.poles.get(prop.pole)
            lines.append(f"{pad}{mark} [{pid}] (see pole {other.label if other else prop.pole})")
            return
        if pid in shown or depth > max_depth:
            lines.append(f"{pad}{mark} [{pid}] (see above)")
            return
        shown.add(pid)
        lines.append(f"{pad}{mark} {_describe(prop, amap)}")
        for inf in amap.inferences_into(pid):
            label = f" {inf.label}" if inf.label else ""
            if len(inf.premises) > 1:
                lines.append(f"{pad}  & linked premises [{inf.id}]{label}")
                for premise in inf.premises:
                    walk(premise, depth + 2, "+", pole)
            else:
                for premise in inf.premises:
                    walk(premise, depth + 1, "+", pole)
            for attack in amap.attacks_on(inf.id):
                walk(attack.attacker, depth + 2, f"x undercuts [{inf.id}]:", pole)
        for attack in amap.attacks_on(pid):
            walk(attack.attacker, depth + 1, _MARK[attack.kind], pole)

    for pole in amap.poles:
        lines.append(f"Pole: {pole.label}")
        if pole.thesis is not None:
            walk(pole.thesis, 1, "*", pole.id)
        for prop in amap.by_pole(pole.id):
            if prop.id not in shown:
                walk(prop.id, 1, "·", pole.id)
    verdicts = amap.with_role(Role.VERDICT)
    if verdicts:
        lines.append("Verdict:")
    for prop in verdicts:
        walk(prop.id, 1, "=")
    rest = [p for p in amap.propositions if p.id not in shown]
    if rest:
        lines.append("Other claims:" if amap.poles else "Claims:")
        # Conclusions first (nodes that support or attack nothing), so trees read top down.
        roots = [p for p in rest if not amap.inferences_from(p.id) and not amap.attacks_from(p.id)]
        for prop in [*roots, *rest]:
            if prop.id not in shown:
                walk(prop.id, 1, "·")
    return lines
