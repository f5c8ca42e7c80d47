"""The two document maps: they check clean against their source texts and hold what a reader relies on."""

from __future__ import annotations

import re
from functools import cache

import pytest

from argmap import formats
from argmap.errors import Severity
from argmap.evaluation import balance, evaluate
from argmap.lint import validate
from argmap.lint.quotes import find_quote
from argmap.model.core import ArgumentMap, AttackKind, Proposition, Role
from argmap.model.hedges import confidence_of
from tests.conftest import MAPS, ROOT

BLANK = "blank-2012-paradox"
CABLE = "beijing-2008-cable"
SOURCES = ROOT.parent / "shared" / "sources"

#: The essay's theatres, as theme ids of the Blank map.
ESSAY_THEMES = {
    "central-asia": "Central Asia",
    "korea": "Korea",
    "japan": "Japan",
    "southeast-asia": "Southeast Asia",
    "alliances": "Missile defence",
    "proliferation": "Proliferation",
    "energy": "Energy",
    "military": "military",
    "trade": "railways",
    "rfe": "Russian Far East",
    "global-order": "UN Security Council",
}

#: Cable points of ¶2-¶10 in the Embassy's own voice (its observations, its remarks on what
#: Feng did not say, its headings), so no speaker's report: listed by the map's author; ¶1 and
#: subject-line nodes are exempt as well.
UNATTRIBUTED = {
    "emphasize-positive",
    "year-of-china",
    "high-level-meetings",
    "play-up-multilateral",
    "trilateral-platform",
    "india-muted",
    "sco-platform",
    "sco-objectives",
    "unsc-cooperation",
    "burma-veto",
    "feng-stops-short",
    "medvedev-joy",
    "medvedev-close-to-putin",
    "downplaying",
}


@cache
def load(name: str) -> ArgumentMap:
    return formats.load(MAPS / f"{name}.yaml")


def paragraph(locator: str | None) -> int | None:
    """The cable paragraph number of a locator such as "¶7", or None for "subject line" and the like."""
    match = re.fullmatch(r"¶(\d+)", locator or "")
    return int(match.group(1)) if match else None


@pytest.mark.parametrize("name", [BLANK, CABLE])
@pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is not present")
def test_clean_against_sources(name: str) -> None:
    """With the source texts, the validator finds no error and no warning, and checks every quote."""
    found = validate(load(name), sources_dir=SOURCES)
    serious = [f"{d.code} {d.message}" for d in found if d.severity is not Severity.INFO]
    assert serious == []
    assert not [d for d in found if d.code == "V008"], "a source text was not found, so quotes went unchecked"


@pytest.mark.parametrize("name", [BLANK, CABLE])
def test_poles_have_theses_and_factors(name: str) -> None:
    """Each map has two poles, each with a thesis of role thesis and several factors."""
    amap = load(name)
    assert len(amap.poles) == 2
    for pole in amap.poles:
        assert pole.thesis is not None and amap.proposition(pole.thesis).role is Role.THESIS
        assert len(amap.factors(pole.id)) >= 10, pole.id
    assert amap.question and amap.with_role(Role.VERDICT) and amap.with_role(Role.EXPLANATION)


@pytest.mark.parametrize("name", [BLANK, CABLE])
def test_every_cited_node_has_locator_and_quote(name: str) -> None:
    """Every citation names its locator and a verbatim quote, so a reader can check it in a minute."""
    amap = load(name)
    for prop in amap.propositions:
        if prop.citation is not None:
            assert prop.citation.locator and prop.citation.quote, prop.id
        else:
            assert "analyst" in prop.tags or prop.role is Role.EXPLANATION, f"{prop.id} rests on nothing"


def test_every_essay_theme_is_used() -> None:
    """Each theatre of the essay is a theme of the Blank map with at least one factor."""
    amap = load(BLANK)
    for theme_id, words in ESSAY_THEMES.items():
        theme = amap.index.themes[theme_id]
        assert words.lower() in theme.label.lower(), theme.label
        assert amap.by_theme(theme_id), theme_id


def test_essay_themes_show_on_both_sides() -> None:
    """The essay's point holds in the map: most theatres appear under both poles."""
    amap = load(BLANK)
    both = [
        t.id for t in amap.themes if {p.pole for p in amap.by_theme(t.id)} >= {"attraction", "estrangement"}
    ]
    assert len(both) >= 8, both


def test_essay_footnotes_all_used() -> None:
    """All 29 footnotes of the essay are cited somewhere in the map."""
    amap = load(BLANK)
    used = {fn for p in amap.propositions if p.citation for fn in p.citation.footnotes}
    assert used == {str(n) for n in range(1, 30)}


def test_every_cable_paragraph_is_cited() -> None:
    """Paragraphs 1 to 10 of the cable are each the locator of at least one node."""
    amap = load(CABLE)
    cited = {paragraph(p.citation.locator) for p in amap.propositions if p.citation}
    assert set(range(1, 11)) <= cited


def test_attributed_cable_points_have_speakers() -> None:
    """Every point of ¶2-¶10 is reported speech, except the points in the Embassy's own voice.

    A reported point is the speaker's, not the cable's: an attribution says who, and the
    proposition itself is not asserted in the cable's voice.
    """
    amap = load(CABLE)
    missing = []
    for prop in amap.propositions:
        number = paragraph(prop.citation.locator if prop.citation else None)
        if number is not None and number >= 2 and prop.id not in UNATTRIBUTED:
            if not amap.attributions_of(prop.id):
                missing.append(prop.id)
            elif prop.asserted is not False:
                missing.append(f"{prop.id} (asserted in the cable's voice)")
    assert missing == []
    for pid in UNATTRIBUTED:
        assert not amap.attributions_of(pid), f"{pid} is reported speech now; drop it from the list"


@pytest.mark.parametrize("name", [BLANK, CABLE])
def test_every_declared_speaker_speaks(name: str) -> None:
    """Speakers on nodes are the source's declared speakers, and every declared speaker is used."""
    amap = load(name)
    declared = {s for source in amap.sources for s in source.speakers}
    used = {p.speaker for p in amap.propositions if p.speaker is not None}
    used |= {a.speaker for a in amap.attributions}
    assert used == declared


def test_cable_names_the_observers() -> None:
    """The observers the issue names appear as speakers with their institutions."""
    amap = load(CABLE)
    speakers = {(a.speaker.name, a.speaker.affiliation or "") for a in amap.attributions}
    text = " ".join(f"{name} {affiliation}" for name, affiliation in speakers)
    for expected in ("CIIS", "CICIR", "Russian Embassy", "Wen Jiabao", "Cheng Guoping", "Wu iaoying"):
        assert expected in text
    groups = {a.speaker.name for a in amap.attributions if a.speaker.group}
    assert {"Chinese scholars", "observers", "Chinese policymakers"} <= groups


def test_cable_disagreements_are_attacks() -> None:
    """Chen's "not to confront the United States" attacks the claim that the aim is countering it."""
    amap = load(CABLE)
    attacked = {a.target for a in amap.attacks_from("not-confront-us")}
    assert "joint-counter-us" in attacked
    assert len(amap.attacks) >= 8


# -- the cable (format version 2): evaluation respects what the text asserts ----------------------

CABLE_SEMANTICS = ("grounded", "preferred", "stable", "df-quad", "qe", "euler")


def disputed(amap: ArgumentMap) -> set[str]:
    """Propositions someone in the text disputes: rebutted, contradicted, denied or questioned.

    Derived from the map, so a new rebuttal widens the set and nothing else does: undercuts
    attack a step, qualifications and concessions limit without disputing.
    """
    found = {a.target for a in amap.attacks if a.kind is AttackKind.REBUT}
    for prop in amap.propositions:
        if prop.contradicts:
            found |= {prop.id, *prop.contradicts}
    found |= {a.proposition for a in amap.attributions if not a.act.commits}
    return found


def start(prop: Proposition) -> float:
    """A proposition's gradual value before any relation: base score times its confidence."""
    base = 0.5 if prop.base_score is None else prop.base_score
    return base * confidence_of(prop.confidence, prop.hedge)


@pytest.mark.parametrize("semantics", CABLE_SEMANTICS)
def test_cable_undisputed_assertions_stand(semantics: str) -> None:
    """No proposition the cable (or a speaker in it) asserts and nobody disputes comes out OUT.

    Extension semantics: not OUT, not rejected. Gradual semantics: not pushed below the lower
    quarter (closer to OUT, 0, than to undecided, 0.5), unless its own hedge starts it there,
    and then not below its start.
    """
    amap = load(CABLE)
    result = evaluate(amap, semantics)
    contested = disputed(amap)
    assert contested == {"joint-counter-us"}, "a new rebuttal in the cable: check it is one"
    fallen = []
    for prop in amap.propositions:
        if not amap.asserted(prop.id) or prop.id in contested:
            continue
        node = result.nodes[prop.id]
        if node.label is not None:
            if node.label in ("out", "rejected", "no-extension"):
                fallen.append(f"{prop.id} {node.label}")
        elif node.strength < min(0.25, start(prop)) - 1e-9:
            fallen.append(f"{prop.id} {node.strength:.3f}")
    assert fallen == []


@pytest.mark.parametrize("semantics", CABLE_SEMANTICS)
def test_cable_balance_real_but_so_are_the_obstacles(semantics: str) -> None:
    """Both theses stand, neither wipes out the other; the explanations and the verdict stand."""
    amap = load(CABLE)
    result = balance(amap, semantics)
    strengths = {p.thesis: p.strength for p in result.poles}
    assert set(strengths) == {"convergence-thesis", "obstacles-thesis"}
    for thesis, value in strengths.items():
        assert value is not None and value >= 0.5, thesis
    assert result.margin is not None and abs(result.margin) <= 0.5
    nodes = result.evaluation.nodes
    for pid in ("levels-explanation", "trade-explanation", "verdict", "outlook"):
        node = nodes[pid]
        assert node.label in (None, "in", "sceptical"), (pid, node.label)
        assert node.strength >= 0.5, (pid, node.strength)


def test_cable_reports_quote_the_cable() -> None:
    """The reporting words an attribution quotes occur verbatim in the cable (the linter checks
    only propositions' quotes)."""
    text_path = SOURCES / f"{CABLE}.txt"
    if not text_path.is_file():
        pytest.skip("../shared/sources is not present")
    text = text_path.read_text(encoding="utf-8")
    quoted = [a for a in load(CABLE).attributions if a.citation is not None and a.citation.quote]
    assert len(quoted) >= 20
    missing = [a.id for a in quoted if not (a.citation and find_quote(a.citation.quote or "", text))]
    assert missing == []


# -- the essay (format version 2): qualifications, modesty and reported speech do not defeat ------

ESSAY_SEMANTICS = ("grounded", "preferred", "stable", "df-quad", "qe", "euler")

#: What the essay stands by at the end: both sides of the paradox, the explanation and its two
#: halves (Moscow anchors China; it resists where the issues are purely Asian), the verdict.
ESSAY_STANDING = ("att-thesis", "est-thesis", "expl-anchor", "expl-purely-asian", "expl-paradox", "verdict")


def fallen_assertions(amap: ArgumentMap, semantics: str) -> list[str]:
    """Asserted, undisputed propositions that come out OUT (extensions) or pushed down (gradual)."""
    result = evaluate(amap, semantics)
    contested = disputed(amap)
    fallen = []
    for prop in amap.propositions:
        if not amap.asserted(prop.id) or prop.id in contested:
            continue
        node = result.nodes[prop.id]
        if node.label is not None:
            if node.label in ("out", "rejected", "no-extension"):
                fallen.append(f"{prop.id} {node.label}")
        elif node.strength < min(0.25, start(prop)) - 1e-9:
            fallen.append(f"{prop.id} {node.strength:.3f}")
    return fallen


@pytest.mark.parametrize("semantics", ESSAY_SEMANTICS)
def test_essay_undisputed_assertions_stand(semantics: str) -> None:
    """No proposition the essay (or a voice in it) asserts and nobody disputes comes out OUT.

    Same measure as the cable's: not OUT or rejected under extension semantics; under gradual
    ones not below the lower quarter unless its own hedge starts it lower, and then not below
    its start. The essay disputes nothing outright, so the derived disputed set is empty.
    """
    amap = load(BLANK)
    assert disputed(amap) == set(), "a rebuttal or denial in the essay: check the text has one"
    assert fallen_assertions(amap, semantics) == []


@pytest.mark.parametrize("semantics", ESSAY_SEMANTICS)
def test_essay_explanation_and_verdict_stand(semantics: str) -> None:
    """Both sides of the paradox stand, and so do the explanation and the verdict, the author's
    modesty ("other interpretations ... may supersede this one") notwithstanding."""
    amap = load(BLANK)
    result = balance(amap, semantics)
    strengths = {p.thesis: p.strength for p in result.poles}
    assert set(strengths) == {"att-thesis", "est-thesis"}
    assert result.margin is not None and abs(result.margin) <= 0.5
    nodes = result.evaluation.nodes
    for pid in ESSAY_STANDING:
        node = nodes[pid]
        assert node.label in (None, "in", "sceptical"), (pid, node.label)
        assert node.strength >= 0.5, (pid, node.strength)


def test_essay_limits_are_partial_relations() -> None:
    """The essay's "despite", "while", "of course" and "undoubtedly ... may" limit without
    defeating: every attack is a qualification or a concession, and the two caveats are
    concessions to the explanation, not undercuts of it."""
    amap = load(BLANK)
    kinds = {a.id: a.kind for a in amap.attacks}
    assert set(kinds.values()) <= {AttackKind.QUALIFY, AttackKind.CONCEDE}
    for aid in ("a-hidden-objectives", "a-other-interpretations"):
        attack = next(a for a in amap.attacks if a.id == aid)
        assert (attack.kind, attack.target) == (AttackKind.CONCEDE, "expl-paradox")


def test_essay_hedges_keep_the_texts_words() -> None:
    """The essay's hedges are on the statements and steps they hedge, in its own words."""
    amap = load(BLANK)
    hedges = {p.id: p.hedge for p in amap.propositions if p.hedge}
    hedges |= {i.id: i.hedge for i in amap.inferences if i.hedge}
    expected = {
        "sum-siberia-investment": "apparently",
        "expl-anchor": "apparently",
        "att-anti-americanism": "it seems clear",
        "att-identity-of-views": "seeming",
        "est-sea-cam-ranh-return": "probably",
        "caveat-other-interpretations": "may",
        "i-rfe-threat": "perhaps",
        "i-verdict-diminishing": "suggests",
    }
    for node, word in expected.items():
        assert word in (hedges.get(node) or "").lower(), node
    source = SOURCES / f"{BLANK}.txt"
    if source.is_file():
        text = source.read_text(encoding="utf-8").lower()
        for node, hedge in hedges.items():
            for part in hedge.lower().split(" ... "):
                assert part in text, (node, hedge)


def test_essay_voices_are_reported_speech() -> None:
    """The voices the essay quotes speak through attributions, groups as group speakers, and the
    reporting words they quote occur verbatim in the essay."""
    amap = load(BLANK)
    people = {a.speaker.name for a in amap.attributions if not a.speaker.group}
    groups = {a.speaker.name for a in amap.attributions if a.speaker.group}
    assert {"Fedor Lukyanov", "Andrei Denisov", "Xi Jinping", "Vladimir Putin"} <= people
    assert {"Chinese media", "Chinese officials", "Western and Asian observers"} <= groups
    assert not [p.id for p in amap.propositions if p.speaker is not None], "voices belong in attributions"
    for pid in (
        "luk-interference",
        "est-sea-china-denounces",
        "est-rail-xi-market",
        "est-rfe-threat-perception",
    ):
        assert amap.proposition(pid).asserted is False and amap.asserted(pid), pid
    source = SOURCES / f"{BLANK}.txt"
    if not source.is_file():
        pytest.skip("../shared/sources is not present")
    text = source.read_text(encoding="utf-8")
    quoted = [a for a in amap.attributions if a.citation is not None and a.citation.quote]
    assert len(quoted) >= 10
    missing = [a.id for a in quoted if not (a.citation and find_quote(a.citation.quote or "", text))]
    assert missing == []


def test_essay_factors_in_several_theatres() -> None:
    """A factor the essay places in more than one theatre carries every one of them as a theme."""
    amap = load(BLANK)
    several = {p.id for p in amap.propositions if len(p.themes) > 1}
    assert {
        "est-s400-rfe-2009",
        "est-japan-overtures",
        "est-sea-media-cooperation",
        "est-korea-bypass",
    } <= several
    assert not [p.id for p in amap.propositions for t in p.tags if t in amap.index.themes]
