"""The viewer's data: quotes found in source texts as the linter finds them, relations, evaluations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import formats
from argmap.export.html.payload import BALANCE_LIMIT, PayloadOptions, build_payload, quote_segments
from argmap.lint.quotes import normalise
from argmap.view import make_view
from tests.conftest import MAPS
from tests.export.html.conftest import DOCUMENT_MAPS, SOURCES


@pytest.mark.parametrize(
    ("text", "quotes", "segments", "missing"),
    [
        ("abc", [], [("abc", [])], []),
        (
            "say hello world now",
            [("a", "hello world")],
            [("say ", []), ("hello world", ["a"]), (" now", [])],
            [],
        ),
        # Line breaks and runs of spaces in the source match one space in the quote.
        (
            "x hello\n   world y",
            [("a", "hello world")],
            [("x ", []), ("hello\n   world", ["a"]), (" y", [])],
            [],
        ),
        # Typographic quotes and dashes match plain ones; the page shows the source's own characters.
        (
            "it is \u201cbest\u201d \u2014 really",
            [("a", '"best" - really')],
            [("it is ", []), ("\u201cbest\u201d \u2014 really", ["a"])],
            [],
        ),
        # A soft hyphen inside a word is invisible to the match.
        (
            "co\u00adoperation grows",
            [("a", "cooperation")],
            [("co\u00adoperation", ["a"]), (" grows", [])],
            [],
        ),
        # Overlapping quotes split the text; each piece lists every node quoting it.
        (
            "one two three four",
            [("a", "one two three"), ("b", "two three four")],
            [("one ", ["a"]), ("two three", ["a", "b"]), (" four", ["b"])],
            [],
        ),
        ("same words", [("a", "same"), ("b", "same")], [("same", ["a", "b"]), (" words", [])], []),
        ("short text", [("a", "not there"), ("b", "")], [("short text", [])], ["a", "b"]),
        # A backtick is an apostrophe to the quote check, though it is ASCII.
        ("it`s here", [("a", "it's")], [("it`s", ["a"]), (" here", [])], []),
        # Case is kept: a quote is verbatim.
        ("Hello", [("a", "hello")], [("Hello", [])], ["a"]),
    ],
)
def test_quote_segments(
    text: str, quotes: list[tuple[str, str]], segments: list[tuple[str, list[str]]], missing: list[str]
) -> None:
    assert quote_segments(text, quotes) == (segments, missing)


@given(st.text(min_size=1, max_size=200), st.data())
def test_segments_cover_the_text_and_quotes_match(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    segments, missing = quote_segments(text, [("q", quote)])
    assert "".join(piece for piece, _ in segments) == text
    if not normalise(quote):
        assert missing == ["q"]
        return
    assert missing == []
    marked = "".join(piece for piece, ids in segments if ids)
    # The marked passage is the quote's first occurrence, as normalised text.
    assert normalise(marked) == normalise(quote)


@pytest.mark.needs_dot
@pytest.mark.parametrize("name", DOCUMENT_MAPS)
def test_document_maps_every_quote_is_found(name: str) -> None:
    if not SOURCES.is_dir():
        pytest.skip(f"the document maps' source texts are not at {SOURCES}")
    amap = formats.load(MAPS / f"{name}.yaml")
    payload = build_payload(amap, make_view(amap), ["svg", {}], PayloadOptions(sources_dir=SOURCES))
    quoted = {p.id for p in amap.propositions if p.citation is not None and p.citation.quote}
    found = {i for source in payload["sources"] for _, ids in source["segments"] for i in ids}
    assert found == quoted
    assert all(source["missing"] == [] for source in payload["sources"])
    assert set(payload["nodes"]) == {p.id for p in amap.propositions}
    assert all(node["drawn"] for node in payload["nodes"].values())
    for prop in amap.propositions:
        node = payload["nodes"][prop.id]
        assert node["text"] == prop.text
        assert node["supportedBy"] == list(amap.supporters(prop.id))
        assert set(amap.attackers(prop.id)) <= set(node["attackedBy"])
    assert set(payload["evaluations"]) == {"grounded", "preferred", "df-quad", "qe", "euler"}
    assert set(payload["balances"]) == set(payload["evaluations"])
    grounded = payload["evaluations"]["grounded"]["nodes"]
    assert set(grounded) == {p.id for p in amap.propositions}
    assert {label for label, _ in grounded.values()} <= {"in", "out", "undec"}


def test_without_source_texts_the_page_says_so() -> None:
    amap = formats.load(MAPS / "example-remote-work.yaml")
    payload = build_payload(amap, make_view(amap), ["svg", {}], PayloadOptions(semantics=("grounded",)))
    assert all(source["segments"] is None for source in payload["sources"])
    assert list(payload["evaluations"]) == ["grounded"]


def test_large_maps_leave_out_the_balance_table() -> None:
    amap = formats.load(MAPS / "example-remote-work.yaml")
    assert len(amap) <= BALANCE_LIMIT
    payload = build_payload(
        amap, make_view(amap), ["svg", {}], PayloadOptions(semantics=("qe",), balance=False)
    )
    assert payload["balances"] == {} and payload["balanceLimit"] == BALANCE_LIMIT
    assert payload["evaluations"]["qe"]["gradual"] is True


def test_unknown_semantics_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown semantics 'nope'"):
        PayloadOptions(semantics=("nope",))
