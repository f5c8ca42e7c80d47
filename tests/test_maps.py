"""The two document maps: they check clean against their source texts and hold what a reader relies on."""

from __future__ import annotations

import re
from functools import cache

import pytest

from argmap import formats
from argmap.errors import Severity
from argmap.lint import validate
from argmap.model.core import ArgumentMap, Role
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

#: Cable points the cable attributes to no one speaker (group attributions, the embassy's own
#: comment): listed by the map's author; ¶1 and subject-line nodes are exempt as well.
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
    "expect-progress",
    "moscow-fears",
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
    """Every point of ¶2-¶10 has a speaker, except the points the cable attributes to no one."""
    amap = load(CABLE)
    missing = []
    for prop in amap.propositions:
        number = paragraph(prop.citation.locator if prop.citation else None)
        if number is not None and number >= 2 and prop.speaker is None and prop.id not in UNATTRIBUTED:
            missing.append(prop.id)
    assert missing == []
    for pid in UNATTRIBUTED:
        assert amap.proposition(pid).speaker is None, f"{pid} has a speaker now; drop it from the list"


@pytest.mark.parametrize("name", [BLANK, CABLE])
def test_every_declared_speaker_speaks(name: str) -> None:
    """Speakers on nodes are the source's declared speakers, and every declared speaker is used."""
    amap = load(name)
    declared = {s for source in amap.sources for s in source.speakers}
    used = {p.speaker for p in amap.propositions if p.speaker is not None}
    assert used == declared


def test_cable_names_the_observers() -> None:
    """The observers the issue names appear as speakers with their institutions."""
    speakers = {(p.speaker.name, p.speaker.affiliation or "") for p in load(CABLE).propositions if p.speaker}
    text = " ".join(f"{name} {affiliation}" for name, affiliation in speakers)
    for expected in ("CIIS", "CICIR", "Russian Embassy", "Wen Jiabao", "Cheng Guoping", "Wu iaoying"):
        assert expected in text


def test_cable_disagreements_are_attacks() -> None:
    """Chen's "not to confront the United States" attacks the claim that the aim is countering it."""
    amap = load(CABLE)
    attacked = {a.target for a in amap.attacks_from("not-confront-us")}
    assert "joint-counter-us" in attacked
    assert len(amap.attacks) >= 8
