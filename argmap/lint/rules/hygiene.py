"""Hygiene rules (H...): nothing wrong in logic, but harder to read, render or maintain.

Loose propositions, repeated texts, labels too long for a diagram node, declarations nothing uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.errors import Severity
from argmap.lint.registry import CLEAN_EXAMPLE, Context, Family, Finding, at, rule
from argmap.lint.rules._cited import citations

__all__ = ["MAX_QUOTE", "MAX_TEXT"]

_H = Family.HYGIENE
#: Longest proposition text that still makes a readable diagram node (characters).
MAX_TEXT = 280
#: Longest quote worth calling "short" (characters); longer ones belong in a note.
MAX_QUOTE = 400

_CLEAN = CLEAN_EXAMPLE


@rule(
    "H001",
    "isolated-proposition",
    _H,
    Severity.WARNING,
    "A proposition takes part in no inference and no attack.",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: weather, text: It is raining.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: weather, text: It is raining.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
        attacks:
          - {id: a1, from: weather, to: bus}
    """,
)
def isolated_proposition(ctx: Context) -> Iterator[Finding]:
    idx = ctx.index
    theses = {p.thesis for p in ctx.amap.poles}
    linked: set[str] = set(idx.inferences_into) | set(idx.inferences_from) | set(idx.attacks_from)
    linked |= set(idx.attacks_on)
    for prop in ctx.amap.propositions:
        # A thesis without factors is reported by the paradox rules (P002), not again here.
        if prop.id not in linked and prop.id not in theses:
            yield Finding(
                f"proposition '{prop.id}' is connected to nothing",
                (prop.id,),
                at(prop, "id"),
                "link it by an inference or an attack, or remove it",
            )


_SPACE = re.compile(r"\s+")


@rule(
    "H002",
    "duplicate-text",
    _H,
    Severity.WARNING,
    "Two propositions have the same text (ignoring case and white space).",
    example="""
        argmap: 1
        title: Commute
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
          - {id: delays, text: The trains are often  late.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
          - {id: i2, premises: [delays], conclusion: bus}
    """,
    fix=_CLEAN,
)
def duplicate_text(ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for prop in ctx.amap.propositions:
        key = _SPACE.sub(" ", prop.text).strip().casefold()
        if not key:
            continue  # S011
        if key in first:
            yield Finding(
                f"proposition '{prop.id}' repeats the text of '{first[key]}'",
                (prop.id, first[key]),
                at(prop, "text"),
                f"use '{first[key]}' wherever this claim is meant, and remove '{prop.id}'",
            )
        else:
            first[key] = prop.id


@rule(
    "H003",
    "long-text",
    _H,
    Severity.WARNING,
    f"A proposition's text is longer than {MAX_TEXT} characters, too long for a diagram node.",
    example=f"""
        argmap: 1
        title: Commute
        propositions:
          - {{id: late, text: The trains are often late.}}
          - id: bus
            text: {"Take the bus, " * 24}every day.
        inferences:
          - {{id: i1, premises: [late], conclusion: bus}}
    """,
    fix=_CLEAN,
)
def long_text(ctx: Context) -> Iterator[Finding]:
    for prop in ctx.amap.propositions:
        if len(prop.text) > MAX_TEXT:
            yield Finding(
                f"text of '{prop.id}' is {len(prop.text)} characters long (more than {MAX_TEXT})",
                (prop.id,),
                at(prop, "text"),
                "state the claim in one short sentence; move detail to 'note'",
            )


@rule(
    "H004",
    "unused-source",
    _H,
    Severity.INFO,
    "A source is declared but no proposition cites it.",
    example="""
        argmap: 1
        title: Commute
        sources:
          - {id: timetable, title: Rail timetable 2024}
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        sources:
          - {id: timetable, title: Rail timetable 2024}
        propositions:
          - {id: late, text: The trains are often late., citation: {source: timetable, locator: p. 3}}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def unused_source(ctx: Context) -> Iterator[Finding]:
    cited = {c.citation.source for c in citations(ctx.amap)}
    for source in ctx.amap.sources:
        if source.id not in cited:
            yield Finding(
                f"source '{source.id}' is never cited",
                (source.id,),
                at(source),
                "cite it from the propositions it supports, or remove it",
            )


@rule(
    "H005",
    "unused-theme",
    _H,
    Severity.INFO,
    "A theme is declared but no proposition uses it.",
    example="""
        argmap: 1
        title: Commute
        themes:
          - {id: cost, label: Cost}
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
    fix="""
        argmap: 1
        title: Commute
        themes:
          - {id: cost, label: Cost}
        propositions:
          - {id: late, text: The trains are often late.}
          - {id: bus, theme: cost, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def unused_theme(ctx: Context) -> Iterator[Finding]:
    for theme in ctx.amap.themes:
        if not ctx.index.by_theme.get(theme.id):
            yield Finding(
                f"theme '{theme.id}' is never used",
                (theme.id,),
                at(theme),
                f"tag propositions with 'theme: {theme.id}', or remove the theme",
            )


@rule(
    "H006",
    "long-quote",
    _H,
    Severity.INFO,
    f"A citation's quote is longer than {MAX_QUOTE} characters; a short verbatim quote is easier to check.",
    example=f"""
        argmap: 1
        title: Commute
        sources:
          - {{id: timetable, title: Rail timetable 2024}}
        propositions:
          - id: late
            text: The trains are often late.
            citation:
              source: timetable
              quote: {"delays on the line, " * 22}all year
          - {{id: bus, text: Take the bus.}}
        inferences:
          - {{id: i1, premises: [late], conclusion: bus}}
    """,
    fix="""
        argmap: 1
        title: Commute
        sources:
          - {id: timetable, title: Rail timetable 2024}
        propositions:
          - id: late
            text: The trains are often late.
            citation: {source: timetable, quote: delays on the line all year}
          - {id: bus, text: Take the bus.}
        inferences:
          - {id: i1, premises: [late], conclusion: bus}
    """,
)
def long_quote(ctx: Context) -> Iterator[Finding]:
    for cited in citations(ctx.amap):
        quote = cited.citation.quote
        if quote is not None and len(quote) > MAX_QUOTE:
            yield Finding(
                f"quote of {cited.what} is {len(quote)} characters long (more than {MAX_QUOTE})",
                (cited.owner.id,),
                cited.location,
                "quote the decisive words only; the locator points to the rest",
            )
