"""Map validation: a linter for argument maps with stable, documented rule codes.

``validate(amap)`` runs every rule (or those chosen with ``select``/``ignore``) and returns the
diagnostics sorted by position, then code. It is pure and never raises on map content: every
problem in a map is a :class:`~argmap.errors.Diagnostic`. The rules live in one module per family
(structure, logic, paradox, provenance, hygiene) and register themselves with the registry, which
also generates the rule table in ``docs/rules.md`` (:func:`rules_markdown`). The families are imported
when rules are first asked for (:func:`all_rules`, :func:`validate`), so importing this package is cheap.

Stage 3 of the pipeline: may import ``model`` and ``formats`` (to check files); never ``af``,
``evaluation``, ``view``, ``export`` or ``cli``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from argmap.errors import Diagnostic, Severity
from argmap.lint.catalogue import rules_markdown
from argmap.lint.registry import Context, Family, Rule, SourceTexts, all_rules, select_rules
from argmap.model.core import ArgumentMap

__all__ = [
    "Family",
    "Rule",
    "all_rules",
    "rules_markdown",
    "select_rules",
    "sort_key",
    "unchecked_quote_sources",
    "validate",
]


def sort_key(diagnostic: Diagnostic) -> tuple[bool, str, int, int, str]:
    """Order of diagnostics: by file position (unlocated last), then by code."""
    loc = diagnostic.location
    if loc is None:
        return (True, "", 0, 0, diagnostic.code)
    return (False, loc.file or "", loc.line, loc.column, diagnostic.code)


def validate(
    amap: ArgumentMap,
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    source_texts: Mapping[str, str] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Diagnostic]:
    """Every problem the chosen rules find in ``amap``, sorted by location then code.

    ``sources_dir`` holds source texts as ``<source id>.txt`` (or ``.md``); ``source_texts``
    gives them in memory (id to text) and takes precedence. Without either, quotes are checked
    only for sources that declare a ``text:`` path. ``select`` and ``ignore`` take codes, code
    prefixes (``"S"``, ``"L00"``), rule names or family names; an unknown one raises
    ``ValueError`` (a mistake in the call, not in the map).
    """
    rules = select_rules(select, ignore)
    ctx = Context(
        amap,
        SourceTexts(sources_dir=sources_dir, source_texts=source_texts, map_path=amap.path),
    )
    found: list[Diagnostic] = []
    for chosen in rules:
        try:
            found.extend(chosen.run(ctx))
        except Exception as exc:
            found.append(
                Diagnostic(
                    code=chosen.code,
                    severity=Severity.ERROR,
                    message=f"internal error in rule {chosen.code} ({chosen.name}): {exc!r}",
                    hint="this is a bug in argmap; please report it with the map",
                )
            )
    return sorted(found, key=sort_key)


def unchecked_quote_sources(
    amap: ArgumentMap,
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    source_texts: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """Ids of the sources whose quotes :func:`validate` could not check: no text was found for them.

    Looks where :func:`validate` looks (``source_texts``, ``sources_dir``, each source's ``text:``
    path), in map order of the sources' first quote. A text that exists but cannot be read is not
    listed here: rule V007 reports it. Lets a command say, in one line, that quotes went unchecked.
    """
    texts = SourceTexts(sources_dir=sources_dir, source_texts=source_texts, map_path=amap.path)
    declared = {source.id: source.text for source in amap.sources}
    quoted = dict.fromkeys(
        p.citation.source for p in amap.propositions if p.citation is not None and p.citation.quote
    )
    unchecked: list[str] = []
    for source_id in quoted:
        if source_id not in declared:
            continue  # an unknown source is its own diagnostic (V002)
        found = texts.get(source_id, declared[source_id])
        if found.text is None and found.problem is None:
            unchecked.append(source_id)
    return tuple(unchecked)
