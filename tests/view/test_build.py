"""The view's hedges and reported speech: header word, edge word, footer speakers, legend rows."""

from __future__ import annotations

import pytest

from argmap.export.dot import digraph
from argmap.model.core import (
    ArgumentMap,
    Attribution,
    Citation,
    Inference,
    Proposition,
    Source,
    Speaker,
    SpeechAct,
)
from argmap.view import make_view
from argmap.view import palette as st
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
