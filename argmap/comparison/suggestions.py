"""Suggested links between two maps, ranked by similarity of text, theme, pole and role.

Text similarity is rapidfuzz's ``partial_token_set_ratio`` over each proposition's text and
quote (lower-cased, punctuation stripped by ``rapidfuzz.utils.default_process``), computed for
all pairs at once with ``rapidfuzz.process.cdist``. To it are added fixed bonuses when the two
propositions sit in aligned themes, in corresponding poles, and have the same role. Themes are
aligned by the link file's theme links, or else by rapidfuzz on the theme labels; poles by pole
links, or else in map order. The weights were chosen on the showcase link file
(``benchmarks/bench_suggest.py`` prints precision and recall at k), so expect them to fit other
map pairs less well.

rapidfuzz is imported when suggestions are asked for, not when argmap is. Imports the model and
the link model only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from argmap.comparison.links import Link, LinkKind, LinkSet, Relation
from argmap.model import ArgumentMap, Proposition

__all__ = ["WEIGHTS", "Suggestion", "accept", "suggest"]

#: Weight of each part of the score; the total is divided by their sum, so scores lie in [0, 1].
WEIGHTS: dict[str, float] = {"text": 1.0, "theme": 0.2, "pole": 0.1, "role": 0.05}
#: Theme labels at least this similar (0-100) count as aligned when no theme links are given.
THEME_LABEL_CUTOFF = 60.0


@attrs.frozen(slots=True)
class Suggestion:
    """A proposed link ``a`` -> ``b`` with its score in [0, 1] and the parts it is made of."""

    a: str
    b: str
    score: float
    text: float
    same_theme: bool
    same_pole: bool
    same_role: bool


def _words(prop: Proposition) -> str:
    from rapidfuzz import utils

    quote = prop.citation.quote if prop.citation and prop.citation.quote else ""
    return str(utils.default_process(f"{prop.text} {quote}"))


def _theme_pairs(a: ArgumentMap, b: ArgumentMap, links: LinkSet | None) -> set[tuple[str, str]]:
    given = links.of_kind(LinkKind.THEME) if links is not None else ()
    if given:
        return {(lk.a, lk.b) for lk in given}
    from rapidfuzz import fuzz, process, utils

    pairs = set()
    labels_b = [t.label for t in b.themes]
    for theme in a.themes:
        for _label, score, j in process.extract(
            theme.label, labels_b, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=None
        ):
            if score >= THEME_LABEL_CUTOFF:
                pairs.add((theme.id, b.themes[j].id))
    return pairs


def _pole_pairs(a: ArgumentMap, b: ArgumentMap, links: LinkSet | None) -> set[tuple[str, str]]:
    given = links.of_kind(LinkKind.POLE) if links is not None else ()
    if given:
        return {(lk.a, lk.b) for lk in given}
    return {(pa.id, pb.id) for pa, pb in zip(a.poles, b.poles, strict=False)}


def _by_left(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for left, right in pairs:
        table.setdefault(left, set()).add(right)
    return table


def suggest(
    a: ArgumentMap,
    b: ArgumentMap,
    links: LinkSet | None = None,
    *,
    per_proposition: int = 3,
    min_score: float = 0.0,
    include_linked: bool = False,
) -> tuple[Suggestion, ...]:
    """For each proposition of ``a``, its ``per_proposition`` best matches in ``b``, best first overall.

    Pairs already linked in ``links`` are left out unless ``include_linked``.
    """
    from rapidfuzz import fuzz, process

    props_a: Sequence[Proposition] = a.propositions
    props_b: Sequence[Proposition] = b.propositions
    if not props_a or not props_b:
        return ()
    matrix = process.cdist(
        [_words(p) for p in props_a],
        [_words(p) for p in props_b],
        scorer=fuzz.partial_token_set_ratio,
        workers=1,
    )
    themes = _by_left(_theme_pairs(a, b, links))
    poles = _by_left(_pole_pairs(a, b, links))
    linked = set()
    if links is not None and not include_linked:
        linked = {(lk.a, lk.b) for lk in links.of_kind(LinkKind.PROPOSITION)}
    total = sum(WEIGHTS.values())
    found: list[Suggestion] = []
    for i, pa in enumerate(props_a):
        row: list[Suggestion] = []
        for j, pb in enumerate(props_b):
            if (pa.id, pb.id) in linked:
                continue
            text = float(matrix[i][j]) / 100.0
            same_theme = (pa.theme is None and pb.theme is None) or (
                pa.theme is not None and pb.theme in themes.get(pa.theme, ())
            )
            same_pole = pa.pole is not None and pb.pole in poles.get(pa.pole, ())
            same_role = pa.role is pb.role
            score = (
                WEIGHTS["text"] * text
                + WEIGHTS["theme"] * same_theme
                + WEIGHTS["pole"] * same_pole
                + WEIGHTS["role"] * same_role
            ) / total
            if score >= min_score:
                row.append(Suggestion(pa.id, pb.id, score, text, same_theme, same_pole, same_role))
        # Stable: ties keep map b's order, so the output is deterministic.
        row.sort(key=lambda s: -s.score)
        found.extend(row[:per_proposition])
    found.sort(key=lambda s: (-s.score, s.a, s.b))
    return tuple(found)


def accept(links: LinkSet, suggestions: Iterable[Suggestion]) -> LinkSet:
    """``links`` with each suggestion added as a ``same`` link noted for review (duplicates skipped)."""
    have = {(lk.a, lk.b) for lk in links.of_kind(LinkKind.PROPOSITION)}
    added = []
    for s in suggestions:
        if (s.a, s.b) in have:
            continue
        have.add((s.a, s.b))
        added.append(Link(s.a, s.b, Relation.SAME, f"suggested (score {s.score:.2f}); review the relation"))
    return attrs.evolve(links, links=links.links + tuple(added))
