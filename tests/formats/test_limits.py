"""The readers' limits on hostile input (docs/limits.md): nesting, integers, surrogates, bombs.

Each limit is pinned at its edge (the largest accepted input and the smallest refused one) for
YAML and JSON, and the refusal is a ParseError with the position of the offending value.
"""

from __future__ import annotations

import time

import pytest

from argmap._files import MAX_NESTING
from argmap.errors import ParseError
from argmap.formats import loads


def _nested_yaml(depth: int) -> str:
    # The top-level mapping is one level; the note holds depth - 1 lists.
    return f"argmap: 1\ntitle: t\nx: {'[' * (depth - 1)}{']' * (depth - 1)}\n"


def _nested_json(depth: int) -> str:
    return f'{{"argmap": 1, "title": "t", "x": {"[" * (depth - 1)}{"]" * (depth - 1)}}}'


@pytest.mark.parametrize(("fmt", "build"), [("yaml", _nested_yaml), ("json", _nested_json)])
@pytest.mark.parametrize("depth", [MAX_NESTING, MAX_NESTING + 1, 600, 5000])
def test_nesting_limit(fmt: str, build: object, depth: int) -> None:
    """Nesting up to the limit reaches the structure check; deeper is refused where it starts."""
    text = build(depth)  # type: ignore[operator]
    with pytest.raises(ParseError) as caught:
        loads(text, fmt, f"m.{fmt}")
    message = str(caught.value)
    if depth <= MAX_NESTING:
        assert "nesting" not in message and "unknown key 'x'" in message
    else:
        # libyaml's own guard (about 1,000 flow levels) may speak first; both are located.
        assert f"nesting deeper than {MAX_NESTING} levels" in message or "nesting depth" in message
        assert caught.value.line == (3 if fmt == "yaml" else 1)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("9223372036854775807", True),
        ("-9223372036854775807", True),
        ("9223372036854775808", False),
        ("1" + "0" * 5000, False),
    ],
)
def test_integer_range(fmt: str, number: str, ok: bool) -> None:
    """64-bit integers load (and then fail the type check); larger ones are out of range, located."""
    text = (
        f"argmap: 1\ntitle: t\nx: {number}\n"
        if fmt == "yaml"
        else f'{{"argmap": 1, "title": "t", "x": {number}}}'
    )
    with pytest.raises(ParseError) as caught:
        loads(text, fmt, "m")
    if ok:
        assert "unknown key 'x'" in str(caught.value)
    else:
        assert "out of range" in str(caught.value) and len(str(caught.value)) < 200
        assert caught.value.line == (3 if fmt == "yaml" else 1)


def test_base_score_beyond_the_largest_float_is_a_located_error() -> None:
    text = "argmap: 1\ntitle: t\npropositions:\n  - id: a\n    text: A\n    base_score: 1" + "0" * 400 + "\n"
    with pytest.raises(ParseError, match="out of range") as caught:
        loads(text, "yaml", "m.yaml")
    assert caught.value.line == 6


@pytest.mark.parametrize(
    ("escaped", "lone"),
    [
        ("\\ud800", True),
        ("\\udfff", True),
        ("x\\ud800\\u0041", True),
        ("\\ud83d\\ude00", False),  # a pair: one character
        ("\\\\ud800", False),  # an escaped backslash, then plain text
        ("\\\\\\ud800", True),  # an escaped backslash, then a lone surrogate
    ],
)
def test_json_lone_surrogates_are_refused_at_load(escaped: str, lone: bool) -> None:
    text = f'{{"argmap": 1, "title": "{escaped}"}}'
    if lone:
        with pytest.raises(ParseError, match="lone UTF-16 surrogate") as caught:
            loads(text, "json", "m.json")
        assert caught.value.line == 1 and caught.value.column is not None
    else:
        loaded = loads(text, "json", "m.json")
        loaded.title.encode("utf-8")  # every loaded string can be written out


@pytest.mark.parametrize("place", ["role: *i", "*i : x"])
def test_alias_bomb_is_reported_without_expanding(place: str) -> None:
    """Nine levels of nine aliases (9^9 strings if expanded) cost milliseconds to refuse."""
    lines = ["argmap: 1", "title: bomb", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["propositions:", "  - id: p", "    text: t", f"    {place}"]
    start = time.perf_counter()
    with pytest.raises(ParseError) as caught:
        loads("\n".join(lines) + "\n", "yaml", "m.yaml")
    assert time.perf_counter() - start < 5  # a guard against a hang, not a measurement
    assert all(len(str(d)) < 400 for d in caught.value.diagnostics)
