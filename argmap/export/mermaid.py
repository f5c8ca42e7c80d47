"""Mermaid flowcharts (``.mmd``), which GitHub and many editors render.

Node ids are generated (``n1``, ``n2``, ...): a map's own ids could be ``end`` or begin with ``o`` or ``x``
after an arrow, which Mermaid reads as syntax. Every label is quoted, with Mermaid's entity codes for the
characters a quoted label cannot hold (``#quot;`` for ``"``, and ``#`` itself, ``<``, ``>``, ``&``, ...),
control characters as spaces and an empty label as one space; long texts are shortened. The map's title is
front matter, written as a YAML double-quoted string. Propositions are boxes (theses and verdicts rounded),
inferences small circles joining linked premises; support is a plain arrow, rebuttals and undercuts dashed
arrows labelled with their kind, and so on. Reads the model through :mod:`argmap.export._graphdata`.
"""

from __future__ import annotations

import json
import re

from argmap.export._graphdata import graph_of
from argmap.model import ArgumentMap

__all__ = ["mermaid_label", "to_mermaid"]

_ENTITIES = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", ";": "#59;"}
_SPECIAL = re.compile(r'["#<>&`;]')
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: Longest label text before it is shortened with an ellipsis.
MAX_LABEL = 120

_ARROWS = {
    "premise": "---",
    "conclusion": "-->",
    "rebut": "-. rebut .->",
    "undercut": "-. undercut .->",
    "qualify": "-. qualify .->",
    "concede": "-. concede .->",
    "reports": "-. reports .->",
    "preference": "== preferred over ==>",
    "contradicts": "x-. contradicts .-x",
    "rephrases": "<-. rephrases .->",
}


def _flat(text: str) -> str:
    # Mermaid refuses a NUL anywhere and control characters break its lines: each becomes a space.
    return _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()


def mermaid_label(text: str, limit: int = MAX_LABEL) -> str:
    """``text`` as the inside of a quoted Mermaid label: one line, entity-coded, at most ``limit`` chars."""
    flat = _flat(text)
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return _SPECIAL.sub(lambda m: _ENTITIES[m.group(0)], flat)


def to_mermaid(amap: ArgumentMap, direction: str = "BT") -> str:
    """A Mermaid flowchart of the map's argument graph (``direction``: TB, BT, LR or RL)."""
    nodes, edges = graph_of(amap)
    ids: dict[str, str] = {}
    # The title is YAML front matter, not a label: a JSON string is a YAML double-quoted scalar, so its
    # escapes (a backslash, a quote) read back as the characters, where entity codes would show as written.
    title = json.dumps(_flat(amap.title), ensure_ascii=False)
    lines = ["---", f"title: {title}", "---", f"flowchart {direction}"]
    for k, n in enumerate(nodes, 1):
        mid = ids.setdefault(n.id, f"n{k}")
        label = mermaid_label(n.text) or " "  # an empty quoted label is a syntax error
        if n.kind == "inference":
            lines.append(f'  {mid}(("{label}"))')
        elif n.kind == "attribution":
            lines.append(f'  {mid}[/"{label}"/]')
        elif n.role in ("thesis", "verdict", "explanation"):
            lines.append(f'  {mid}("{label}")')
        else:
            lines.append(f'  {mid}["{label}"]')
    missing = 0
    for e in edges:
        for end in (e.source, e.target):
            if end not in ids:  # a dangling reference is drawn as such, not dropped
                missing += 1
                ids[end] = f"m{missing}"
                lines.append(f'  {ids[end]}["{mermaid_label("missing: " + end)}"]')
        lines.append(f"  {ids[e.source]} {_ARROWS[e.relation]} {ids[e.target]}")
    classes = {"inference": [], "attribution": []}  # type: dict[str, list[str]]
    for n in nodes:
        if n.kind in classes:
            classes[n.kind].append(ids[n.id])
    lines.append("  classDef inference fill:#888,stroke:#555,color:#fff")
    lines.append("  classDef attribution fill:#eef,stroke:#99c")
    for name, members in classes.items():
        if members:
            lines.append(f"  class {','.join(members)} {name}")
    return "\n".join(lines) + "\n"
