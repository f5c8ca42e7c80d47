"""Tests of view selection: overview and depth, pole views, theme views with their paths."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import formats
from argmap.export.dot import to_dot
from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Inference,
    Pole,
    Proposition,
    Role,
    Speaker,
)
from argmap.view.labels import short_speaker
from argmap.view.select import (
    Hidden,
    Selection,
    ViewOptions,
    junction_name,
    overview,
    select,
    skeleton_depths,
)
from tests.conftest import MAPS
from tests.strategies import argument_maps

SKELETON = (Role.THESIS, Role.EXPLANATION, Role.VERDICT)


@cache
def load(name: str) -> ArgumentMap:
    return formats.load(MAPS / f"{name}.yaml")


def shown(view: Selection) -> set[str]:
    return {p.id for p in view.propositions}


def linked_in_view(view: Selection) -> set[str]:
    """Propositions that are an end of at least one drawn edge (junctions resolved to their nodes)."""
    ends: set[str] = set()
    for edge in view.edges:
        ends.update({edge.tail, edge.head})
    for junction in view.junctions:
        if junction_name(junction.inference.id) in ends:
            ends.update(junction.premises)
            ends.add(junction.inference.conclusion)
    return ends


def test_skeleton_depths() -> None:
    """Theses, explanations and verdict are at depth 0, hubs below them at 1, their evidence deeper."""
    depths = skeleton_depths(load("blank-2012-paradox"))
    assert depths["att-thesis"] == depths["verdict"] == depths["expl-paradox"] == 0
    assert depths["att-commonalities"] == 1 and depths["est-all-theaters"] == 1
    assert depths["att-korea-identity"] == 3


@pytest.mark.parametrize("name", ["blank-2012-paradox", "beijing-2008-cable", "example-remote-work"])
def test_overview_keeps_skeleton_and_hubs_only(name: str) -> None:
    """The overview shows every skeleton node, nothing deeper than one step and no evidence."""
    amap = load(name)
    view = select(amap, overview())
    depths = skeleton_depths(amap)
    assert {p.id for p in amap.propositions if p.role in SKELETON} <= shown(view)
    assert all(depths[p.id] <= 1 and p.role is not Role.EVIDENCE for p in view.propositions)
    assert view.options.direction == "LR"


def test_overview_counts_what_it_folds() -> None:
    """A hub whose supporters and attacker are folded away says how many there are."""
    view = select(load("blank-2012-paradox"), overview())
    assert view.hidden["att-commonalities"] == Hidden(supporters=9, attackers=1)
    assert view.hidden["est-all-theaters"].supporters == 16
    assert "verdict" not in view.hidden


@pytest.mark.parametrize(
    ("name", "pole"),
    [
        ("blank-2012-paradox", "attraction"),
        ("blank-2012-paradox", "estrangement"),
        ("beijing-2008-cable", "convergence"),
        ("beijing-2008-cable", "obstacles"),
    ],
)
@pytest.mark.parametrize("depth", [None, 2])
def test_pole_view_has_no_floating_nodes(name: str, pole: str, depth: int | None) -> None:
    """In a pole view every non-skeleton node has an edge, and other poles' nodes are faded context."""
    amap = load(name)
    view = select(amap, ViewOptions(poles=(pole,), depth=depth, show_skeleton=False))
    linked = linked_in_view(view)
    for prop in view.propositions:
        assert prop.role in SKELETON or prop.id in linked, prop.id
        if prop.pole is not None and prop.pole != pole:
            assert prop.id in view.faded, prop.id
    assert view.context_poles <= {p.id for p in amap.poles} - {pole}


def test_pole_view_context_shows_cross_pole_links() -> None:
    """The losses view keeps the gains node that rebuts its thesis and the undercut inference, faded."""
    view = select(load("example-remote-work"), ViewOptions(poles=("losses",)))
    assert {"async-habits", "output-up", "gains-thesis"} <= view.faded
    assert view.context_poles == frozenset({"gains"})
    assert any(e.relation == "undercut" and e.context for e in view.edges)
    no_context = select(load("example-remote-work"), ViewOptions(poles=("losses",), context=False))
    assert not no_context.faded and "async-habits" not in shown(no_context)


def _two_poles() -> ArgumentMap:
    """Pole a: A <- a1, A <- a2. Pole b: B <- b1, B <- b2. b1 rebuts a1; a2 qualifies b2's inference."""
    return ArgumentMap(
        "two sides",
        poles=[Pole("a", "Side A", "A"), Pole("b", "Side B", "B")],
        propositions=[
            Proposition("A", "Thesis A.", Role.THESIS, pole="a"),
            Proposition("a1", "Claim a1.", pole="a"),
            Proposition("a2", "Claim a2.", pole="a"),
            Proposition("B", "Thesis B.", Role.THESIS, pole="b"),
            Proposition("b1", "Claim b1.", pole="b"),
            Proposition("b2", "Claim b2.", pole="b"),
        ],
        inferences=[
            Inference("i-a1", ["a1"], "A"),
            Inference("i-a2", ["a2"], "A"),
            Inference("i-b1", ["b1"], "B"),
            Inference("i-b2", ["b2"], "B"),
        ],
        attacks=[
            Attack("r-b1", "b1", "a1"),
            Attack("q-a2", "a2", "i-b2", kind=AttackKind.QUALIFY),
        ],
    )


def test_pole_view_context_keeps_only_its_links_to_this_side() -> None:
    """The other side's own argument is left out of a pole view, except an inference a shown node
    aims at (drawn whole); a context node left without a link is not drawn."""
    view = select(_two_poles(), ViewOptions(poles=("a",)))
    pairs = {(e.tail, e.head) for e in view.edges}
    assert ("b1", "a1") in pairs  # the rebuttal of this side
    assert ("b1", "B") not in pairs  # b1's own support of its thesis: the other pole's page shows it
    junction = junction_name("i-b2")
    assert {("a2", junction), ("b2", junction), (junction, "B")} <= pairs  # the qualified inference
    assert view.faded == {"b1", "b2", "B"}
    for name in ("blank-2012-paradox", "beijing-2008-cable"):
        amap = load(name)
        for pole in amap.poles:
            view = select(amap, ViewOptions(poles=(pole.id,), depth=2, show_skeleton=False))
            context = set(view.faded) | {
                junction_name(j.inference.id) for j in view.junctions if j.inference.conclusion in view.faded
            }
            aimed = {e.head for e in view.edges if e.tail not in context and e.head in context}
            for edge in view.edges:
                if edge.tail in context and edge.head in context:
                    assert aimed & {edge.tail, edge.head}, (name, pole.id, edge)


def test_cable_obstacle_supporting_other_pole_is_not_lost() -> None:
    """russia-nato (an obstacle) only links to convergence claims; it stays, with its targets as context."""
    view = select(load("beijing-2008-cable"), ViewOptions(poles=("obstacles",)))
    assert "russia-nato" in shown(view) and "russia-nato" not in view.faded
    assert "russia-counterweight" in view.faded


@pytest.mark.parametrize(
    ("name", "theme"),
    [("blank-2012-paradox", t.id) for t in load("blank-2012-paradox").themes]
    + [("beijing-2008-cable", t.id) for t in load("beijing-2008-cable").themes],
)
def test_theme_view_hangs_every_factor_from_a_thesis(name: str, theme: str) -> None:
    """Every node of the theme is shown and reaches a thesis (or a hub just below the verdict)."""
    amap = load(name)
    view = select(amap, ViewOptions(themes=(theme,), show_skeleton=False))
    ids = shown(view)
    assert {p.id for p in amap.by_theme(theme)} <= ids
    up: dict[str, set[str]] = {}
    junction_to_conclusion = {junction_name(j.inference.id): j.inference.conclusion for j in view.junctions}
    for edge in view.edges:
        head = junction_to_conclusion.get(edge.head, edge.head)
        up.setdefault(edge.tail, set()).add(head)
    for name_, conclusion in junction_to_conclusion.items():
        up.setdefault(name_, set()).add(conclusion)
    depths = skeleton_depths(amap)
    tops = {p.thesis for p in amap.poles} | {p for p, d in depths.items() if d == 1 and p in ids}
    for prop in amap.by_theme(theme):
        if prop.role is Role.EXPLANATION:
            continue
        seen, stack = {prop.id}, [prop.id]
        while stack:
            for nxt in up.get(stack.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        assert seen & tops, f"{prop.id} does not reach a thesis in the {theme} view"


def test_theme_view_fades_co_premises_and_keeps_hubs() -> None:
    """Korea: the trade co-premise of a linked inference is faded; the unthemed hub on the path is not."""
    view = select(load("blank-2012-paradox"), ViewOptions(themes=("korea",)))
    assert "est-trade-china-silk-road" in view.faded
    assert "est-all-theaters" in shown(view) and "est-all-theaters" not in view.faded
    assert view.single_theme == "korea"


def test_single_theme_label_is_not_repeated() -> None:
    """With one theme shown its label is not printed in every box; in the full map it is."""
    amap = load("blank-2012-paradox")
    assert "<B>KOREA</B>" in to_dot(amap)
    assert "<B>KOREA</B>" not in to_dot(amap, ViewOptions(themes=("korea",)))
    assert "Theme: Korea" in to_dot(amap, ViewOptions(themes=("korea",)))


def test_group_themes_draws_sub_clusters() -> None:
    """Grouping by theme puts a pole's factors in theme sub-clusters labelled once."""
    options = ViewOptions(poles=("estrangement",), group_themes=True, context=False)
    dot = to_dot(load("blank-2012-paradox"), options)
    assert "subgraph cluster_pole_1_theme_" in dot
    assert dot.count("<B>KOREA</B>") == 1


@pytest.mark.parametrize(("pole", "colour"), [("attraction", "#0072B2"), ("estrangement", "#E69F00")])
def test_pole_colour_follows_the_map_not_the_view(pole: str, colour: str) -> None:
    """A pole shown alone keeps the colour of its place in the map."""
    dot = to_dot(load("blank-2012-paradox"), ViewOptions(poles=(pole,), context=False))
    assert f'color="{colour}"' in dot


@pytest.mark.parametrize(
    ("speaker", "short"),
    [
        (
            Speaker(
                "Chen Yurong", "MFA-affiliated China Institute of International Studies (CIIS)", "scholar"
            ),
            "Chen Yurong (CIIS)",
        ),
        (
            Speaker(
                "Cheng Guoping", "MFA Department of European and Central Asian Affairs", "Director General"
            ),
            "Cheng Guoping (MFA)",
        ),
        (Speaker("Wen Jiabao", None, "Premier"), "Wen Jiabao (Premier)"),
        (
            Speaker("Fedor Lukyanov", "Russia in Global Affairs", "Editor"),
            "Fedor Lukyanov (Russia in Global Affairs)",
        ),
        (Speaker("A. Person"), "A. Person"),
        (
            Speaker("B. Long", "an institute whose name runs on for many words indeed"),
            "B. Long (an institute whose name runs…)",
        ),
    ],
)
def test_short_speaker(speaker: Speaker, short: str) -> None:
    """Footers carry the name and an acronym or short affiliation."""
    assert short_speaker(speaker) == short


def test_speaker_footer_short_and_tooltip_full() -> None:
    """The DOT footer has the short form, the tooltip the full affiliation."""
    dot = to_dot(load("beijing-2008-cable"))
    assert "Feng Yujun (CICIR)" in dot
    assert "Feng Yujun, Deputy Director of the Russia Studies Institute, Ministry of State Security" in dot


def test_reported_speech_names_speaker_and_act() -> None:
    """Attributions show in the footer (the act only when not a plain assertion) and the tooltip."""
    amap = load("beijing-2008-cable")
    dot = to_dot(amap)
    assert "observers concedes" in dot  # ¶1: "Observers acknowledge, however"
    assert "Chen Yurong (CIIS) concedes" in dot  # ¶10: "despite fears in Moscow"
    theme_view = select(amap, ViewOptions(themes=("energy",)))
    assert "trade-foundation" in shown(theme_view)  # its second theme


@given(
    argument_maps(),
    st.booleans(),
    st.sampled_from([None, 0, 1, 2]),
    st.booleans(),
    st.booleans(),
    st.data(),
)
def test_views_are_consistent(
    amap: ArgumentMap, evidence: bool, depth: int | None, skeleton: bool, pick_pole: bool, data: st.DataObject
) -> None:
    """For any map and options: edges join shown nodes, faded nodes are shown, no filtered node floats."""
    poles = None
    if pick_pole and amap.poles:
        poles = (data.draw(st.sampled_from([p.id for p in amap.poles])),)
    themes = None
    use_theme = data.draw(st.booleans())
    if amap.themes and use_theme:
        themes = (data.draw(st.sampled_from([t.id for t in amap.themes])),)
    options = ViewOptions(
        show_evidence=evidence, depth=depth, show_skeleton=skeleton, poles=poles, themes=themes
    )
    view = select(amap, options)
    ids = shown(view)
    names = ids | {junction_name(j.inference.id) for j in view.junctions}
    assert all(e.tail in names and e.head in names for e in view.edges)
    assert view.faded <= ids
    assert len(ids) == len(view.propositions)
    if not evidence:
        assert all(p.role is not Role.EVIDENCE for p in view.propositions)
    if depth is not None:
        depths = skeleton_depths(amap)
        assert all(depths.get(p, depth + 1) <= depth for p in ids)
    if poles is not None or themes is not None or depth is not None:
        linked = linked_in_view(view)
        assert all(p.role in SKELETON or p.id in linked for p in view.propositions)
    assert to_dot(amap, options).startswith("digraph argmap {")
