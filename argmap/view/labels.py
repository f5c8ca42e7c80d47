"""The words a diagram puts around a proposition: captions, footers, tooltips, header parts, notes.

Plain strings, computed once here so that every exporter (DOT, the JSON view, an HTML viewer) shows
the same text. Nothing here escapes or sanitises: each exporter escapes for its own target. May
import ``model``; never ``export``, ``cli`` or graphviz.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from argmap.model.core import ArgumentMap, Attribution, Proposition, Speaker

__all__ = [
    "footer_text",
    "hidden_note",
    "junction_tooltip",
    "proposition_tooltip",
    "reported",
    "short_speaker",
    "view_caption",
    "wrap_lines",
]


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` characters, keeping its own line breaks; at least one line."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width=width, break_long_words=True) or [""])
    return lines


def _acronym(text: str) -> str | None:
    # "... Studies (CIIS)" -> "CIIS"; "MFA Eurasia Department" -> "MFA".
    if text.endswith(")") and "(" in text:
        inner = text[text.rindex("(") + 1 : -1]
        if inner.isupper() and " " not in inner:
            return inner
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return first if len(first) >= 2 and first.isupper() and first.isalpha() else None


def short_speaker(speaker: Speaker, limit: int = 28) -> str:
    """The speaker's name and a short affiliation, for a node's footer (the full one is for tooltips).

    The short form is an institution's acronym where the affiliation or title gives one, else the
    affiliation or title if it is short, else the affiliation cut at a word boundary.
    """
    details = [text for text in (speaker.affiliation, speaker.title) if text]
    short: str | None = None
    for text in details:
        short = _acronym(text)
        if short:
            break
    if short is None:
        short = next((text for text in details if len(text) <= limit), None)
    if short is None and details:
        words = details[0].split()
        short = ""
        for word in words:
            if len(short) + len(word) + 1 > limit:
                break
            short = f"{short} {word}".strip()
        short += "…"
    return f"{speaker.name} ({short})" if short else speaker.name


def reported(report: Attribution) -> str:
    """E.g. "Feng (CICIR) asserts", "Chinese scholars concedes": the short speaker and the act.

    Every act is spelled out, "asserts" too: a footer says who holds the words, not just who is named.
    """
    who = short_speaker(report.speaker)
    return f"{who} {report.act.value}"


def footer_text(prop: Proposition, reports: Sequence[Attribution] = ()) -> str:
    """Locator (or source id), footnotes and short speakers, joined by " · "; "" when there are none.

    ``reports`` are the attributions of ``prop``: each speaker is named, with the speech act
    ("Feng (CICIR) asserts · Chen (CIIS) denies"), in the map's order.
    """
    parts: list[str] = []
    if prop.citation is not None:
        cite = prop.citation
        parts.append(cite.locator or cite.source)
        if cite.footnotes:
            parts.append("fn " + ", ".join(cite.footnotes))
    if prop.speaker is not None:
        parts.append(short_speaker(prop.speaker))  # the full affiliation is in the tooltip
    parts.extend(reported(report) for report in reports)
    return " · ".join(parts)


def hidden_note(supporters: int, attackers: int) -> str:
    """E.g. "+ 2 supporters and 1 attacker not shown"; "" when nothing was left out."""
    parts = []
    if supporters:
        parts.append(f"{supporters} supporter{'s' if supporters != 1 else ''}")
    if attackers:
        parts.append(f"{attackers} attacker{'s' if attackers != 1 else ''}")
    return f"+ {' and '.join(parts)} not shown" if parts else ""


def proposition_tooltip(prop: Proposition, reports: Sequence[Attribution] = ()) -> str:
    """Id, source and locator, the verbatim quote, the full speakers and the note, joined by " — "."""
    parts = [prop.id]
    if prop.citation is not None:
        cite = prop.citation
        parts.append(f"{cite.source}, {cite.locator or ''}".rstrip(", "))
        if cite.quote:
            parts.append(f"“{cite.quote}”")
    if prop.speaker is not None:
        parts.append(str(prop.speaker))
    parts.extend(
        f"{report.speaker} {report.act.value}" + (f" (“{report.hedge}”)" if report.hedge else "")
        for report in reports
    )
    if prop.note:
        parts.append(prop.note)
    return " — ".join(parts)


def junction_tooltip(inference_id: str, premises: Sequence[str], conclusion: str) -> str:
    """E.g. "inference i-1: a + b → c"."""
    return f"inference {inference_id}: {' + '.join(premises)} → {conclusion}"


def view_caption(
    amap: ArgumentMap,
    *,
    depth: int | None = None,
    poles: Sequence[str] | None = None,
    themes: Sequence[str] | None = None,
    show_evidence: bool = True,
) -> str:
    """A one-line description of what a view selects, e.g. "Theme: Korea · evidence not shown"; "" for all."""
    parts: list[str] = []
    if depth is not None:
        parts.append(
            "Overview: theses, explanations, verdict and the claims right below them"
            if depth == 1
            else f"Up to {depth} steps below the theses"
        )
    if poles is not None:
        labels = [amap.index.poles[p].label if p in amap.index.poles else p for p in poles]
        parts.append(f"Pole{'s' if len(labels) > 1 else ''}: {', '.join(labels)}")
    if themes is not None:
        labels = [amap.index.themes[t].label if t in amap.index.themes else t for t in themes]
        parts.append(f"Theme{'s' if len(labels) > 1 else ''}: {', '.join(labels)}")
    if not show_evidence:
        parts.append("evidence not shown")
    return " · ".join(parts)
