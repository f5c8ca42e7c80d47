"""Provenance rules (V...): citations, sources, verbatim quotes and speakers.

Quotes are checked against a source's full text when one is available: from ``sources_dir``
(``<source id>.txt`` or ``.md``), from texts given in memory, or from the path in the source's
own ``text:`` field. Matching is described in :mod:`argmap.lint.quotes`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from argmap.errors import Severity
from argmap.lint.registry import Context, Family, Finding, at, rule
from argmap.lint.rules._cited import citations
from argmap.model.core import Proposition, Role, Source, Speaker

__all__: list[str] = []  # rules register themselves

_V = Family.PROVENANCE
#: Below this similarity the closest passage is not worth showing.
_SHOW_CLOSEST = 0.5


_SOURCES = """
    sources:
      - {id: survey, title: Staff survey, author: People team, date: "2024-03"}
"""


@rule(
    "V001",
    "evidence-without-citation",
    _V,
    Severity.WARNING,
    "A proposition with role 'evidence' cites no source.",
    example="""
        argmap: 1
        title: Remote work
        propositions:
          - {id: output, role: evidence, text: Output per head rose 12%.}
          - {id: gains, text: Remote work raises output.}
        inferences:
          - {id: i1, premises: [output], conclusion: gains}
    """,
    fix=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SOURCES, "    ")}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4}}
          - {{id: gains, text: Remote work raises output.}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
    """,
)
def evidence_without_citation(ctx: Context) -> Iterator[Finding]:
    for prop in ctx.amap.propositions:
        if prop.role is Role.EVIDENCE and prop.citation is None:
            yield Finding(
                f"evidence '{prop.id}' has no citation",
                (prop.id,),
                at(prop, "role"),
                "add 'citation: {source: ..., locator: ..., quote: ...}'",
            )


@rule(
    "V002",
    "unknown-source",
    _V,
    Severity.ERROR,
    "A citation names a source the map does not declare.",
    example=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SOURCES, "    ")}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4}}
          - id: gains
            text: Remote work raises output.
            citation: {{source: servey, locator: summary}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
    """,
    fix=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SOURCES, "    ")}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4}}
          - id: gains
            text: Remote work raises output.
            citation: {{source: survey, locator: summary}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
    """,
)
def unknown_source(ctx: Context) -> Iterator[Finding]:
    sources = ctx.index.sources
    for cited in citations(ctx.amap):
        cite = cited.citation
        if cite.source not in sources:
            yield Finding(
                f"{cited.named} cites unknown source '{cite.source}'",
                (cited.owner.id, cite.source),
                cited.location,
                "declare the source under 'sources', or fix the spelling",
            )


_QUOTE_TEXT = "Across teams, closed tickets per head rose 12% in the first quarter."


@rule(
    "V003",
    "quote-not-found",
    _V,
    Severity.ERROR,
    "A quote (of a proposition or of reported speech) does not occur verbatim in its source's text "
    "(white space and typographic quotes aside).",
    example=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SOURCES, "    ")}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4, quote: closed tickets per person rose 12%}}
          - {{id: gains, text: Remote work raises output.}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
        # survey.txt: "{_QUOTE_TEXT}"
    """,
    fix=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SOURCES, "    ")}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4, quote: closed tickets per head rose 12%}}
          - {{id: gains, text: Remote work raises output.}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
        # survey.txt: "{_QUOTE_TEXT}"
    """,
    texts={"survey": _QUOTE_TEXT},
)
def quote_not_found(ctx: Context) -> Iterator[Finding]:
    sources = ctx.index.sources
    for cited in citations(ctx.amap):
        cite = cited.citation
        if not cite.quote:
            continue
        source = sources.get(cite.source)
        found = ctx.texts.get(cite.source, source.text if source is not None else None)
        index = ctx.texts.index(found)
        if index is None or index.contains(cite.quote):
            continue
        where = f" ({found.origin})" if found.origin else ""
        hint = "copy the quote exactly from the source text"
        if index.text.casefold().find(" ".join(cite.quote.split()).casefold()) >= 0:
            hint = "the quote matches only when letter case is ignored: copy it exactly"
        else:
            closest = index.closest(cite.quote)
            if closest is not None and closest.ratio >= _SHOW_CLOSEST:
                hint = f'closest passage ({closest.ratio:.0%} alike): "{_clip(closest.passage)}"'
        yield Finding(
            f"quote of {cited.what} not found in source '{cite.source}'{where}: \"{_clip(cite.quote)}\"",
            (cited.owner.id, cite.source),
            cited.location,
            hint,
        )


def _clip(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


_SPEAKER_SOURCES = """
    sources:
      - id: interviews
        title: Interviews with team leads
        speakers:
          - {name: A. Rivera, affiliation: Platform group}
"""
# The corrected map shared by the two speaker rules.
_SPEAKER_FIX = f"""
    argmap: 1
    title: Remote work{textwrap.indent(_SPEAKER_SOURCES, "")}
    propositions:
      - id: contact
        text: Chance meetings have stopped.
        citation: {{source: interviews, locator: interview 1}}
        speaker: {{name: A. Rivera, affiliation: Platform group}}
      - {{id: losses, text: Remote work costs new ideas.}}
    inferences:
      - {{id: i1, premises: [contact], conclusion: losses}}
"""


def _spoken(ctx: Context) -> Iterator[tuple[Proposition, Speaker, Source]]:
    """Propositions with a speaker and a citation to a known source (unknown sources are V002)."""
    for prop in ctx.amap.propositions:
        if prop.speaker is None or prop.citation is None:
            continue
        source = ctx.index.sources.get(prop.citation.source)
        if source is not None:
            yield prop, prop.speaker, source


@rule(
    "V004",
    "speaker-not-declared",
    _V,
    Severity.WARNING,
    "A proposition has a speaker but its cited source declares no speakers.",
    example="""
        argmap: 1
        title: Remote work
        sources:
          - {id: interviews, title: Interviews with team leads}
        propositions:
          - id: contact
            text: Chance meetings have stopped.
            citation: {source: interviews, locator: interview 1}
            speaker: {name: A. Rivera, affiliation: Platform group}
          - {id: losses, text: Remote work costs new ideas.}
        inferences:
          - {id: i1, premises: [contact], conclusion: losses}
    """,
    fix=_SPEAKER_FIX,
)
def speaker_not_declared(ctx: Context) -> Iterator[Finding]:
    for prop, speaker, source in _spoken(ctx):
        if not source.speakers:
            yield Finding(
                f"'{prop.id}' has speaker '{speaker.name}' but source '{source.id}' declares no speakers",
                (prop.id, source.id),
                at(prop, "speaker"),
                f"list '{speaker.name}' under the source's 'speakers'",
            )


@rule(
    "V005",
    "unknown-speaker",
    _V,
    Severity.WARNING,
    "A proposition's speaker is not among the speakers its cited source declares (compared by name).",
    example=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SPEAKER_SOURCES, "    ")}
        propositions:
          - id: contact
            text: Chance meetings have stopped.
            citation: {{source: interviews, locator: interview 1}}
            speaker: {{name: A. Rivero, affiliation: Platform group}}
          - {{id: losses, text: Remote work costs new ideas.}}
        inferences:
          - {{id: i1, premises: [contact], conclusion: losses}}
    """,
    fix=_SPEAKER_FIX,
)
def unknown_speaker(ctx: Context) -> Iterator[Finding]:
    for prop, speaker, source in _spoken(ctx):
        if not source.speakers:
            continue
        names = [s.name for s in source.speakers]
        if speaker.name not in names:
            known = ", ".join(f"'{n}'" for n in names)
            yield Finding(
                f"speaker '{speaker.name}' of '{prop.id}' is not among the speakers of "
                f"source '{source.id}' ({known})",
                (prop.id, source.id),
                at(prop, "speaker"),
                "use the name exactly as the source's 'speakers' lists it, or add the speaker there",
            )


@rule(
    "V006",
    "speaker-without-citation",
    _V,
    Severity.WARNING,
    "A proposition names a speaker but cites no source the speaker was quoted in.",
    example=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SPEAKER_SOURCES, "    ")}
        propositions:
          - id: contact
            text: Chance meetings have stopped.
            citation: {{source: interviews, locator: interview 1}}
          - id: losses
            text: Remote work costs new ideas.
            speaker: {{name: A. Rivera, affiliation: Platform group}}
        inferences:
          - {{id: i1, premises: [contact], conclusion: losses}}
    """,
    fix=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SPEAKER_SOURCES, "    ")}
        propositions:
          - id: contact
            text: Chance meetings have stopped.
            citation: {{source: interviews, locator: interview 1}}
          - id: losses
            text: Remote work costs new ideas.
            citation: {{source: interviews, locator: interview 2}}
            speaker: {{name: A. Rivera, affiliation: Platform group}}
        inferences:
          - {{id: i1, premises: [contact], conclusion: losses}}
    """,
)
def speaker_without_citation(ctx: Context) -> Iterator[Finding]:
    for prop in ctx.amap.propositions:
        if prop.speaker is not None and prop.citation is None:
            yield Finding(
                f"'{prop.id}' has speaker '{prop.speaker.name}' but no citation",
                (prop.id,),
                at(prop, "speaker"),
                "cite the source that quotes the speaker",
            )


@rule(
    "V007",
    "source-text-unreadable",
    _V,
    Severity.WARNING,
    "A source's 'text:' path cannot be read, so its quotes go unchecked.",
    example="""
        argmap: 1
        title: Remote work
        sources:
          - {id: survey, title: Staff survey, text: texts/no-such-survey.txt}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {source: survey, locator: table 4, quote: closed tickets per head rose 12%}
          - {id: gains, text: Remote work raises output.}
        inferences:
          - {id: i1, premises: [output], conclusion: gains}
    """,
    fix=f"""
        argmap: 1
        title: Remote work{textwrap.indent(_SOURCES, "    ")}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4, quote: closed tickets per head rose 12%}}
          - {{id: gains, text: Remote work raises output.}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
    """,
)
def source_text_unreadable(ctx: Context) -> Iterator[Finding]:
    for source in ctx.amap.sources:
        if not source.text:
            continue
        found = ctx.texts.get(source.id, source.text)
        if found.problem is not None:
            yield Finding(
                f"text of source '{source.id}' cannot be read: {found.origin}: {found.problem}",
                (source.id,),
                at(source),
                "a 'text:' path is relative to the map file and stays inside its directory (or --sources)",
            )


@rule(
    "V008",
    "source-text-missing",
    _V,
    Severity.INFO,
    "Source texts were given, but none for a source whose quotes the map cites.",
    example=f"""
        argmap: 1
        title: Remote work
        sources:
          - {{id: survey, title: Staff survey}}
          - {{id: diary, title: Team diary}}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4, quote: closed tickets per head rose 12%}}
          - id: gains
            text: Remote work raises output.
            citation: {{source: diary, locator: week 3, quote: we got more done}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
        # survey.txt: "{_QUOTE_TEXT}"
    """,
    fix=f"""
        argmap: 1
        title: Remote work
        sources:
          - {{id: survey, title: Staff survey}}
          - {{id: diary, title: Team diary}}
        propositions:
          - id: output
            role: evidence
            text: Output per head rose 12%.
            citation: {{source: survey, locator: table 4, quote: closed tickets per head rose 12%}}
          - id: gains
            text: Remote work raises output.
            citation: {{source: diary, locator: week 3}}
        inferences:
          - {{id: i1, premises: [output], conclusion: gains}}
        # survey.txt: "{_QUOTE_TEXT}"
    """,
    texts={"survey": _QUOTE_TEXT},
)
def source_text_missing(ctx: Context) -> Iterator[Finding]:
    if not ctx.texts.searched:
        return
    reported: set[str] = set()
    sources = ctx.index.sources
    for prop in ctx.amap.propositions:
        cite = prop.citation
        if cite is None or not cite.quote or cite.source in reported or cite.source not in sources:
            continue
        source = sources[cite.source]
        found = ctx.texts.get(source.id, source.text)
        if found.text is None and found.problem is None:
            reported.add(source.id)
            yield Finding(
                f"quotes from source '{source.id}' are not checked: no text found for it",
                (source.id,),
                at(source),
                f"put the text in the sources directory as '{source.id}.txt', "
                "or give the source a 'text:' path",
            )
