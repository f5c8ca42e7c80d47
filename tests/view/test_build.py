"""The view: hedges and reported speech (header word, edge word, footer speakers, legend rows), and
poles drawn as boxes or as tints."""

from __future__ import annotations

import pytest

from argmap.export.dot import digraph
from argmap.model.core import (
    ArgumentMap,
    Attack,
    Attribution,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
    SpeechAct,
)
from argmap.view import make_view
from argmap.view import palette as st
from argmap.view.overlay import Overlay
from argmap.view.select import ViewOptions

FENG = Speaker("Feng", affiliation="China Institutes of Contemporary International Relations (CICIR)")
CHEN = Speaker("Chen", affiliation="China Institute of International Studies (CIIS)")


def _map(*, hedged: bool = True, reported: bool = True) -> ArgumentMap:
    return ArgumentMap(
        "t",
        sources=[Source("s", "S")],
        propositions=[
            Proposition(
                "a",
                "Ties are warming",
                citation=Citation("s", "para 1"),
                hedge="apparently" if hedged else None,
            ),
            Proposition("b", "Leaders meet often", citation=Citation("s", "para 2")),
        ],
        inferences=[Inference("i", ["b"], "a", hedge="perhaps" if hedged else None)],
        attributions=[
            Attribution("r1", FENG, "a", SpeechAct.ASSERTS),
            Attribution("r2", CHEN, "a", SpeechAct.DENIES),
        ]
        if reported
        else [],
    )


def test_hedge_word_in_the_header_and_on_the_concluding_edge() -> None:
    view = make_view(_map())
    assert [(p.kind, p.text) for p in view.node("a").header if p.kind == "hedge"] == [("hedge", "apparently")]
    assert not any(p.kind == "hedge" for p in view.node("b").header)
    assert {e.hedge for e in view.edges if e.ref == "i"} == {"perhaps"}
    source = digraph(view).source
    assert f'<FONT COLOR="{st.HEDGE_FONT_COLOR}"><I>apparently</I></FONT>' in source
    assert f'<FONT COLOR="{st.HEDGE_FONT_COLOR}"><I>perhaps</I></FONT>' in source


def test_footer_names_each_speaker_and_speech_act_in_map_order() -> None:
    node = make_view(_map()).node("a")
    assert " ".join(node.footer).endswith("Feng (CICIR) asserts · Chen (CIIS) denies")
    assert [(r.speaker.short, r.act) for r in node.reports] == [
        ("Feng (CICIR)", "asserts"),
        ("Chen (CIIS)", "denies"),
    ]


@pytest.mark.parametrize(
    ("hedged", "reported", "options", "kinds"),
    [
        (True, True, ViewOptions(), {"hedge", "speech"}),
        (False, True, ViewOptions(), {"speech"}),
        (True, False, ViewOptions(), {"hedge"}),
        (False, False, ViewOptions(), set()),
        # Locators hidden: no footer, so no speech row either.
        (True, True, ViewOptions(show_locators=False), {"hedge"}),
    ],
)
def test_legend_has_hedge_and_speech_rows_only_when_drawn(
    hedged: bool, reported: bool, options: ViewOptions, kinds: set[str]
) -> None:
    view = make_view(_map(hedged=hedged, reported=reported), options)
    assert {e.kind for e in view.legend} & {"hedge", "speech"} == kinds


def _poles_map() -> ArgumentMap:
    return ArgumentMap(
        "two sides",
        poles=[Pole("a", "Side A", "A"), Pole("b", "Side B", "B")],
        propositions=[
            Proposition("A", "Thesis A.", Role.THESIS, pole="a"),
            Proposition("a1", "Claim a1.", pole="a"),
            Proposition("e1", "Fact e1.", Role.EVIDENCE, pole="a"),
            Proposition("B", "Thesis B.", Role.THESIS, pole="b"),
            Proposition("b1", "Claim b1.", pole="b"),
            Proposition("x", "Both hold.", Role.EXPLANATION),
        ],
        inferences=[
            Inference("i-a1", ["a1"], "A"),
            Inference("i-e1", ["e1"], "a1"),
            Inference("i-b1", ["b1"], "B"),
            Inference("i-x", ["a1", "b1"], "x"),
        ],
        attacks=[Attack("r-b1", "b1", "a1")],
    )


def test_poles_meeting_in_one_view_are_tints_named_in_the_legend() -> None:
    """Where several poles are shown, each node takes its pole's box colour instead of a box, and
    the legend names each pole with that colour; unpoled nodes keep their role's fill."""
    view = make_view(_poles_map())
    assert view.groups == ()
    for node in view.nodes:
        if node.pole is None:
            assert node.fill == st.ROLE_STYLES[Role(node.role)].fill, node.id
        else:
            assert node.fill == st.pole_fill(["a", "b"].index(node.pole))[0], node.id
    poles = [(e.key, e.label, e.fill) for e in view.legend if e.kind == "pole"]
    assert poles == [("a", "Side A", st.pole_fill(0)[0]), ("b", "Side B", st.pole_fill(1)[0])]
    # Every evidence node is tinted, so the evidence sample shows its shape and border only.
    evidence = next(e for e in view.legend if e.kind == "role" and e.key == "evidence")
    assert evidence.fill == "#FFFFFF"
    assert set(view.loose) >= {"A", "a1", "B", "b1", "x", "i-x~inference"}


@pytest.mark.parametrize(
    "options",
    [ViewOptions(poles=("a",)), ViewOptions(poles=("a", "b")), ViewOptions(group_themes=True)],
    ids=["one pole", "chosen poles", "theme boxes"],
)
def test_chosen_poles_keep_their_boxes(options: ViewOptions) -> None:
    """A view of chosen poles (and one with theme boxes) draws poles as boxes, without tints."""
    view = make_view(_poles_map(), options)
    assert any(g.kind == "pole" for g in view.groups)
    assert not any(e.kind == "pole" for e in view.legend)
    assert all(n.fill in {st.ROLE_STYLES[Role(n.role)].fill, "#FFFFFF"} for n in view.nodes)


def test_an_overlay_keeps_the_pole_boxes() -> None:
    """Under an overlay the fill is the overlay's, so the poles stay boxes."""
    view = make_view(_poles_map(), overlay={"a1": Overlay(fill="#123456", meaning="marked")})
    assert [g.ref for g in view.groups if g.kind == "pole"] == ["a", "b"]
    assert view.node("a1").fill == "#123456"
