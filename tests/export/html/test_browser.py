"""The viewer in a real headless Chromium: the two document maps, hostile input, speed on open.

Each test opens a page from disk and drives it as a reader would (clicks, keys, the search box,
the filter menus); ``window.argmapViewer`` is used only to read state and for timings.
"""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

import pytest

from argmap import formats
from argmap.model.core import (
    ArgumentMap,
    Attack,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
)
from tests.conftest import ROOT
from tests.export.html.conftest import DOCUMENT_MAPS, Browser

pytestmark = pytest.mark.needs_dot


def _click(browser: Browser, css: str) -> None:
    browser.driver.find_element("css selector", css).click()


def _assert_clean(browser: Browser) -> None:
    assert browser.console_errors() == []
    leaving = [u for u in browser.requests() if not u.startswith(("file:", "data:", "about:"))]
    assert leaving == []


@pytest.mark.parametrize("name", DOCUMENT_MAPS)
def test_every_quoted_node_selects_and_highlights_its_quote(
    browser: Browser, document_pages: dict[str, Path], name: str
) -> None:
    browser.open(document_pages[name])
    amap = formats.load(ROOT / "maps" / f"{name}.yaml")
    quoted = [p for p in amap.propositions if p.citation is not None and p.citation.quote]
    assert quoted
    for prop in quoted:
        _click(browser, f'g.node.prop[data-id="{prop.id}"]')
        panel = browser.driver.find_element("id", "node-panel")
        assert panel.get_attribute("data-node") == prop.id
        assert browser.driver.find_element("id", "node-text").text == " ".join(prop.text.split())
        current = browser.js(
            "return Array.from(document.querySelectorAll('mark.current'), m => m.getAttribute('data-ids'))"
        )
        assert current and all(prop.id in ids.split() for ids in current), prop.id
        # The quote is scrolled into the source pane's view.
        visible = browser.js(
            "const m = document.querySelector('mark.current'), p = document.getElementById('source');"
            "const a = m.getBoundingClientRect(), b = p.getBoundingClientRect();"
            "return a.bottom > b.top && a.top < b.bottom;"
        )
        assert visible, prop.id
    _assert_clean(browser)


@pytest.mark.parametrize("name", DOCUMENT_MAPS)
def test_click_on_a_highlight_selects_its_node(
    browser: Browser, document_pages: dict[str, Path], name: str
) -> None:
    browser.open(document_pages[name])
    mark = browser.driver.find_elements("css selector", "mark")[3]
    ids = mark.get_attribute("data-ids").split()
    browser.js("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    assert browser.js("return window.argmapViewer.state().node") in ids
    assert browser.driver.find_element("id", "node-panel").get_attribute("data-node") in ids
    assert f"node={browser.js('return window.argmapViewer.state().node')}" in browser.js(
        "return location.hash"
    )
    _assert_clean(browser)


def test_panel_lists_supports_and_attacks_as_links(browser: Browser, document_pages: dict[str, Path]) -> None:
    browser.open(document_pages["beijing-2008-cable"])
    amap = formats.load(ROOT / "maps" / "beijing-2008-cable.yaml")
    attacked = next(a.target for a in amap.attacks if a.target in amap)
    _click(browser, f'g.node.prop[data-id="{attacked}"]')
    heads = [h.text for h in browser.driver.find_elements("css selector", "#node-panel h3")]
    assert any(h.startswith("Attacked by") for h in heads)
    attacker = amap.attackers(attacked)[0]
    _click(browser, f'#node-panel button[data-node="{attacker}"]')
    assert browser.js("return window.argmapViewer.state().node") == attacker
    _assert_clean(browser)


def test_filter_by_pole_search_overlay_and_permalink(
    browser: Browser, document_pages: dict[str, Path]
) -> None:
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    page = document_pages["blank-2012-paradox"]
    amap = formats.load(ROOT / "maps" / "blank-2012-paradox.yaml")
    browser.open(page)
    pole = amap.poles[0]
    Select(browser.driver.find_element("id", "f-pole")).select_by_value(pole.id)
    dimmed = set(
        browser.js("return Array.from(document.querySelectorAll('g.node.prop.dim'), g => g.dataset.id)")
    )
    assert dimmed == {p.id for p in amap.propositions if pole.id not in p.poles}
    assert f"pole={pole.id}" in browser.js("return location.hash")

    search = browser.driver.find_element("id", "search")
    search.send_keys("Vietnam")
    hits = browser.js("return window.argmapViewer.state().hits")
    expected = [p.id for p in amap.propositions if "vietnam" in _haystack(p)]
    assert hits == expected and hits
    assert (
        browser.driver.find_element("id", "search-count").text
        == f"{len(hits)} match{'es' * (len(hits) != 1)}"
    )
    search.send_keys(Keys.ENTER)
    assert browser.js("return window.argmapViewer.state().node") == hits[0]

    Select(browser.driver.find_element("id", "overlay")).select_by_value("grounded")
    badges = browser.js("return Array.from(document.querySelectorAll('text.badge'), t => t.textContent)")
    assert len(badges) == len(amap.propositions) and set(badges) <= {"IN", "OUT", "UNDEC"}
    assert browser.driver.find_element("id", "balance-poles").is_displayed()
    Select(browser.driver.find_element("id", "overlay")).select_by_value("df-quad")
    badges = browser.js("return Array.from(document.querySelectorAll('text.badge'), t => t.textContent)")
    assert all(0.0 <= float(b) <= 1.0 for b in badges)
    Select(browser.driver.find_element("id", "overlay")).select_by_value("")
    assert browser.js("return document.querySelectorAll('text.badge').length") == 0

    # The permalink, opened afresh, restores the selection, filter, search and overlay.
    Select(browser.driver.find_element("id", "overlay")).select_by_value("qe")
    _click(browser, "#permalink")
    link = browser.driver.find_element("id", "permalink-box").get_attribute("value")
    state = browser.js("return window.argmapViewer.state()")
    _assert_clean(browser)
    browser.driver.get("about:blank")
    browser.driver.get(link)
    restored = browser.js("return window.argmapViewer.state()")
    for key in ("node", "pole", "q", "ev"):
        assert restored[key] == state[key], key
    assert browser.driver.find_element("id", "node-panel").get_attribute("data-node") == state["node"]
    assert browser.driver.find_element("id", "search").get_attribute("value") == "Vietnam"
    _assert_clean(browser)


def _haystack(prop: Proposition) -> str:
    cite = prop.citation
    parts = [prop.id, prop.text, cite.quote if cite else None, cite.locator if cite else None, prop.note]
    parts.append(prop.speaker.name if prop.speaker else None)
    return "\n".join(p for p in parts if p).lower()


def test_focus_keyboard_and_pan_zoom(browser: Browser, document_pages: dict[str, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    browser.open(document_pages["beijing-2008-cable"])
    amap = formats.load(ROOT / "maps" / "beijing-2008-cable.yaml")
    body = browser.driver.find_element("tag name", "body")
    body.send_keys("n")
    first = amap.propositions[0].id
    assert browser.js("return window.argmapViewer.state().node") == first
    assert browser.js("return document.activeElement.dataset.id") == first
    assert browser.js("return document.activeElement.getAttribute('aria-label')").endswith(
        amap.propositions[0].text
    )
    browser.driver.switch_to.active_element.send_keys("n")
    second = amap.propositions[1].id
    assert browser.js("return window.argmapViewer.state().node") == second
    browser.driver.switch_to.active_element.send_keys("f")  # focus on the node's neighbourhood
    shown = set(
        browser.js("return Array.from(document.querySelectorAll('g.node.prop:not(.dim)'), g => g.dataset.id)")
    )
    undercutters = {a.attacker for inf in amap.inferences_into(second) for a in amap.attacks_on(inf.id)}
    assert shown == {second, *amap.neighbours(second), *undercutters}
    assert "focus=1" in browser.js("return location.hash")
    browser.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert browser.js("return window.argmapViewer.state().node") is None

    before = browser.js("return window.argmapViewer.state().viewBox")
    browser.driver.find_element("id", "diagram").send_keys(Keys.ARROW_LEFT)
    after = browser.js("return window.argmapViewer.state().viewBox")
    assert after["x"] < before["x"] and after["w"] == before["w"]
    _click(browser, "#zoom-in")
    assert browser.js("return window.argmapViewer.state().viewBox")["w"] < after["w"]
    _click(browser, "#fit")
    assert browser.js("return window.argmapViewer.state().viewBox")["w"] >= before["w"] * 0.99
    _assert_clean(browser)


def _png_size_and_colours(png: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct colours in the first rows (RGBA, 8 bits)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    chunks, at = [], 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            chunks.append(png[at + 8 : at + 8 + length])
        at += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    channels = 4 if png[25] == 6 else 3
    stride = width * channels + 1
    colours = {
        raw[i : i + channels]
        for row in range(0, height, 7)
        for i in range(row * stride + 1, (row + 1) * stride, channels * 5)
    }
    return width, height, len(colours)


@pytest.mark.parametrize("name", DOCUMENT_MAPS)
def test_screenshot_is_full_size_and_not_blank(
    browser: Browser, document_pages: dict[str, Path], name: str
) -> None:
    browser.open(document_pages[name])
    png = base64.b64decode(browser.driver.get_screenshot_as_base64())
    width, height, colours = _png_size_and_colours(png)
    assert width >= 1000 and height >= 600
    assert colours > 20  # a blank or error page has a handful


@pytest.mark.parametrize("name", DOCUMENT_MAPS)
def test_page_is_small_and_interactive_within_a_second(
    browser: Browser, document_pages: dict[str, Path], name: str
) -> None:
    page = document_pages[name]
    assert page.stat().st_size < 1_000_000
    browser.open(page)
    ready = browser.js("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    assert browser.js("return window.argmapViewer.readyMs") < 1000
    assert ready < 1000
    _assert_clean(browser)


HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "\"quoted\" & 'single' &amp; &lt;b&gt;",
    "javascript:window.__pwned = 3",
    "<<B>bold</B>>",
    '<svg onload="window.__pwned = 4"></svg>',
    "</script><script>window.__pwned = 5</script>",
]


def _hostile_map() -> tuple[ArgumentMap, str]:
    bad = " ".join(HOSTILE)
    source_text = f"Intro. {HOSTILE[0]} and {HOSTILE[1]} then {HOSTILE[4]} end."
    props = [
        Proposition("t", HOSTILE[0], Role.THESIS, pole="p"),
        Proposition(
            "c",
            HOSTILE[1],
            pole="p",
            citation=Citation("s", locator=HOSTILE[3], quote=HOSTILE[1]),
            speaker=Speaker(HOSTILE[2], affiliation=HOSTILE[4]),
            note=HOSTILE[5],
        ),
        Proposition("e", HOSTILE[6], Role.EVIDENCE, pole="q", citation=Citation("s", HOSTILE[4], HOSTILE[4])),
        Proposition("u", HOSTILE[3], Role.THESIS, pole="q"),
    ]
    amap = ArgumentMap(
        bad,
        question=HOSTILE[6],
        description=HOSTILE[1],
        sources=[Source("s", HOSTILE[1], author=HOSTILE[0], url=HOSTILE[3])],
        poles=[Pole("p", HOSTILE[4], "t"), Pole("q", HOSTILE[0], "u")],
        propositions=props,
        inferences=[Inference("i", ("c",), "t", label=HOSTILE[1]), Inference("j", ("e",), "u")],
        attacks=[Attack("a", "e", "c", label=HOSTILE[0])],
    )
    return amap, source_text


def test_hostile_strings_show_as_text_and_nothing_runs(browser: Browser, tmp_path: Path) -> None:
    from argmap.export.html import to_html

    amap, text = _hostile_map()
    page = tmp_path / "hostile.html"
    page.write_text(to_html(amap, source_texts={"s": text}), encoding="utf-8")
    browser.open(page)
    assert browser.js("return window.__pwned === undefined")
    assert browser.js("return document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.js("return document.scripts.length") == 2  # the payload and the viewer
    assert browser.js("return document.querySelectorAll('a').length") == 0
    assert browser.driver.find_element("id", "title").get_attribute("textContent") == amap.title
    assert browser.driver.title.startswith(amap.title)
    assert browser.driver.find_element("id", "question").get_attribute("textContent") == HOSTILE[6]
    _click(browser, 'g.node.prop[data-id="c"]')
    panel = browser.driver.find_element("id", "node-panel")
    assert browser.driver.find_element("id", "node-text").get_attribute("textContent") == HOSTILE[1]
    assert browser.driver.find_element("id", "node-quote").get_attribute("textContent") == HOSTILE[1]
    content = panel.get_attribute("textContent")
    for literal in (HOSTILE[3], HOSTILE[5], HOSTILE[2], HOSTILE[4]):
        assert literal in content
    marks = browser.js("return Array.from(document.querySelectorAll('mark.current'), m => m.textContent)")
    assert marks == [HOSTILE[1]]
    source = browser.driver.find_element("id", "source").get_attribute("textContent")
    assert HOSTILE[0] in source and HOSTILE[3] in source
    # Labels drawn by Graphviz keep the literal text too.
    texts = browser.js(
        "return Array.from(document.querySelectorAll('#diagram text'), t => t.textContent).join(' ')"
    )
    assert "<script>window.__pwned" in texts and "<img src=x" in texts
    browser.driver.find_element("id", "search").send_keys("<img")
    assert browser.js("return window.argmapViewer.state().hits") == ["c"]
    assert browser.js("return window.__pwned === undefined")
    _assert_clean(browser)


def test_map_with_dangling_references_still_opens(browser: Browser, tmp_path: Path) -> None:
    """Unknown ids (a map with validation errors) show as plain ids; the page works on."""
    from argmap.export.html import to_html

    amap = ArgumentMap(
        "Broken",
        propositions=[Proposition("a", "A"), Proposition("b", "B", citation=Citation("nosuch", quote="zzz"))],
        inferences=[Inference("i", ("a", "ghost"), "b")],
        attacks=[Attack("x", "ghost2", "a")],
    )
    page = tmp_path / "broken.html"
    page.write_text(to_html(amap, semantics=("grounded",)), encoding="utf-8")
    browser.open(page)
    _click(browser, 'g.node.prop[data-id="b"]')
    content = browser.driver.find_element("id", "node-panel").get_attribute("textContent")
    assert "ghost" in content and "The source text is not included" in content
    _assert_clean(browser)


def test_panel_shows_poles_hedges_and_speech_acts(browser: Browser, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import Select

    from argmap.export.html import to_html
    from argmap.model.core import Attribution, SpeechAct

    amap = ArgumentMap(
        "Reported speech",
        poles=[Pole("p", "Near", "t"), Pole("q", "Far", "u")],
        propositions=[
            Proposition("t", "Close", Role.THESIS, pole="p"),
            Proposition("u", "Apart", Role.THESIS, pole="q"),
            Proposition("c", "Both at once", poles=("p", "q"), hedge="apparently"),
        ],
        inferences=[Inference("i", ("c",), "t"), Inference("j", ("c",), "u")],
        attributions=[
            Attribution("a1", Speaker("Feng Yujun"), "c", SpeechAct.CONCEDES, hedge="suggested"),
            Attribution("a2", Speaker("Wu"), "c", SpeechAct.DENIES),
        ],
    )
    page = tmp_path / "speech.html"
    page.write_text(to_html(amap, semantics=("grounded",)), encoding="utf-8")
    browser.open(page)
    _click(browser, 'g.node.prop[data-id="c"]')
    content = browser.driver.find_element("id", "node-panel").get_attribute("textContent")
    assert "PolesNear, Far" in content and "Hedge“apparently”" in content
    assert "Feng Yujun concedes (“suggested”)" in content and "Wu denies" in content
    Select(browser.driver.find_element("id", "f-speaker")).select_by_value("Wu")
    shown = browser.js(
        "return Array.from(document.querySelectorAll('g.node.prop:not(.dim)'), g => g.dataset.id)"
    )
    assert shown == ["c"]
    Select(browser.driver.find_element("id", "f-speaker")).select_by_value("")
    Select(browser.driver.find_element("id", "f-pole")).select_by_value("q")
    shown = browser.js(
        "return Array.from(document.querySelectorAll('g.node.prop:not(.dim)'), g => g.dataset.id)"
    )
    assert sorted(shown) == ["c", "u"]
    _assert_clean(browser)
