"""Suggested links: ranking, what counts toward the score, leaving linked pairs out, accepting."""

from __future__ import annotations

import pytest

from argmap.comparison import Link, LinkKind, LinkSet, MapRef, Relation, accept, suggest
from argmap.model import ArgumentMap

from .helpers import LINKS, earlier, later


def test_the_same_words_rank_first_and_aligned_places_break_ties() -> None:
    found = suggest(earlier(), later(), LINKS, include_linked=True)
    staff = [s for s in found if s.a == "staff"]
    assert (staff[0].b, staff[0].text) == ("friendly", 1.0)
    # Every word of one thesis is in the other and both are theses of linked poles: top of all.
    assert (found[0].a, found[0].b) == ("bad-thesis", "con-thesis")
    assert found[0].same_pole and found[0].same_role and not staff[0].same_pole
    assert all(0.0 <= s.score <= 1.0 for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


@pytest.mark.parametrize("per_proposition", [1, 2, 4])
def test_at_most_k_suggestions_per_proposition(per_proposition: int) -> None:
    found = suggest(earlier(), later(), None, per_proposition=per_proposition)
    counts: dict[str, int] = {}
    for s in found:
        counts[s.a] = counts.get(s.a, 0) + 1
    assert max(counts.values()) == per_proposition
    assert set(counts) == {p.id for p in earlier().propositions}


def test_linked_pairs_are_left_out_unless_asked_for() -> None:
    linked = {(lk.a, lk.b) for lk in LINKS.of_kind(LinkKind.PROPOSITION)}
    assert not linked & {(s.a, s.b) for s in suggest(earlier(), later(), LINKS, per_proposition=9)}
    assert linked <= {
        (s.a, s.b) for s in suggest(earlier(), later(), LINKS, per_proposition=9, include_linked=True)
    }


def test_theme_and_pole_alignment_come_from_the_links_or_else_from_labels_and_order() -> None:
    with_links = {(s.a, s.b): s for s in suggest(earlier(), later(), LINKS, per_proposition=9)}
    assert with_links[("late", "unsafe")].same_theme is False
    bare = {(s.a, s.b): s for s in suggest(earlier(), later(), None, per_proposition=9, include_linked=True)}
    # "Fares" and "Fares and tickets" are alike; "Timeliness" and "Punctuality" are not.
    assert bare[("cheap", "dear")].same_theme is True
    assert bare[("late", "punctual")].same_theme is False
    # Without pole links, poles pair up in map order: good-pro, bad-con.
    assert bare[("cheap", "punctual")].same_pole is True and bare[("late", "dear")].same_pole is True


def test_minimum_score_and_empty_maps() -> None:
    assert all(s.score >= 0.5 for s in suggest(earlier(), later(), min_score=0.5))
    assert suggest(ArgumentMap("empty"), later()) == ()


def test_accept_adds_same_links_marked_for_review_once() -> None:
    start = LinkSet(MapRef("a.yaml"), MapRef("b.yaml"), [Link("late", "punctual", Relation.CONTRADICTS)])
    found = suggest(earlier(), later(), start, per_proposition=1)
    grown = accept(start, [*found, *found])
    added = grown.links[1:]
    assert len(added) == len({(s.a, s.b) for s in found})
    assert all(lk.relation is Relation.SAME and lk.note and "review" in lk.note for lk in added)
    assert grown.links[0] == start.links[0]


def test_the_showcase_is_found_better_than_by_chance(
    showcase: tuple[ArgumentMap, ArgumentMap, LinkSet],
) -> None:
    a, b, links = showcase
    gold = {(lk.a, lk.b) for lk in links.of_kind(LinkKind.PROPOSITION)}
    asked = {pair[0] for pair in gold}
    found = suggest(a, b, links, per_proposition=5, include_linked=True)
    hits = sum((s.a, s.b) in gold for s in found if s.a in asked)
    # Five random picks among the essay's propositions would find about 5/87 of the links.
    assert hits / len(gold) > 0.4
