"""Tests of argmap.diagnostics: spans, diagnostics, the bounded short_repr and the load-code catalogue."""

from __future__ import annotations

import pickle
import time
from typing import Any

import pytest
from hypothesis import given

import argmap
from argmap.af.iccma import parse_framework
from argmap.diagnostics import LOAD_CODES, LOAD_FAMILIES, Diagnostic, Severity, Span, short_repr
from argmap.errors import InputError, Location, ParseError
from tests.strategies import json_values

# -- spans and diagnostics ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (Span("m.yaml", 3, 7, 3, 12), "m.yaml:3:7"),
        (Span(None, 1, 1), "<string>:1:1"),
        (Span.of_file("m.yaml"), "m.yaml"),
        (Span.of_file(None), "<string>"),
    ],
)
def test_span_str_is_file_line_column(span: Span, text: str) -> None:
    """A span prints as editors link it: file:line:col, the file alone for a whole-file problem."""
    assert str(span) == text


def test_a_span_from_a_start_alone_is_empty() -> None:
    """Without an end, the end is the start (an empty region), so every span has one."""
    span = Span("m.yaml", 4, 2)
    assert span.end == span.start == (4, 2)
    assert not span.whole_file and Span.of_file("m.yaml").whole_file


def test_location_is_the_old_name_of_span() -> None:
    """argmap.Location still builds what it built, now a Span; positional file, line, column."""
    assert argmap.Location is Span is Location
    assert Location("f", 3, 1) == Span("f", 3, 1) and Location("f", 3, 1).end == (3, 1)


def test_diagnostic_accepts_location_as_the_old_name_of_span() -> None:
    """Diagnostic(location=...) and .location keep working for older callers; ids become a tuple."""
    old = Diagnostic("S002", Severity.ERROR, "m", ["a"], location=Location("f", 3, 1))
    new = Diagnostic("S002", Severity.ERROR, "m", ("a",), Span("f", 3, 1))
    assert old == new and old.location is old.span and old.ids == ("a",)
    assert str(new) == "f:3:1: S002 m"
    assert str(Diagnostic("H001", Severity.WARNING, "loose")) == "H001 loose"


@pytest.mark.parametrize(
    ("severity", "rank"), [(Severity.ERROR, 0), (Severity.WARNING, 1), (Severity.INFO, 2)]
)
def test_severity_rank_orders_errors_first(severity: Severity, rank: int) -> None:
    """Errors sort before warnings before info."""
    assert severity.rank == rank


# -- short_repr ---------------------------------------------------------------------------------------


def _bomb(levels: int) -> list[Any]:
    """An alias bomb as YAML builds it: each level is a list of the same list, 10 times."""
    value: list[Any] = ["lol"]
    for _ in range(levels):
        value = [value] * 10
    return value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("tea", "'tea'"),
        ("a\x1b[31m", "'a\\x1b[31m'"),
        ("\u202eevil", "'\\u202eevil'"),
        (list(range(100)), "[0, 1, 2, 3, ...]"),
        ({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}, "{'a': 1, 'b': 2, 'c': 3, 'd': 4, ...}"),
        (10**5000, "<integer of ~5001 digits>"),
        (12, "12"),
    ],
    ids=["plain", "escape", "bidi", "list", "dict", "huge-int", "small-int"],
)
def test_short_repr_table(value: object, expected: str) -> None:
    """Short values are their repr; long containers cut; control characters escaped; huge ints described."""
    assert short_repr(value) == expected


def test_short_repr_of_an_alias_bomb_is_instant_and_short() -> None:
    """A value of 10**30 leaves (a kilobyte of YAML anchors) is shown in bounded time and length."""
    started = time.perf_counter()
    text = short_repr(_bomb(30))
    assert len(text) <= 80 and time.perf_counter() - started < 0.5


def test_short_repr_of_a_huge_string_is_short() -> None:
    """A megabyte string costs no more than a short one and is cut with an ellipsis inside its quotes."""
    text = short_repr("x" * 1_000_000, limit=20)
    assert text == "'" + "x" * 17 + "…'" and len(text) == 20


@given(json_values)
def test_short_repr_never_exceeds_the_limit(value: object) -> None:
    """Whatever the value, the result is at most `limit` characters and has no raw control character."""
    for limit in (10, 80):
        text = short_repr(value, limit)
        assert len(text) <= limit
        assert not any(ch < " " for ch in text)


# -- the load-code catalogue --------------------------------------------------------------------------


def test_load_codes_are_well_formed() -> None:
    """Codes are a family letter and three digits, unique names, every family described."""
    names = [entry.name for entry in LOAD_CODES.values()]
    assert len(set(names)) == len(names)
    for code, entry in LOAD_CODES.items():
        assert code == entry.code and code[0] in LOAD_FAMILIES and code[1:].isdigit() and len(code) == 4
        assert entry.message.split(": ")[0 if entry.lang == "console" else 1].startswith(code) or (
            f" {code} " in entry.message
        )


def _deep(example: str) -> str:
    # The catalogue abbreviates a 101-level nesting as "[[[[[[ ... ]]]]]]".
    return example.replace("[[[[[[ ... ]]]]]]", "[" * 101 + "1" + "]" * 101)


_RUNNABLE = [e for e in LOAD_CODES.values() if e.lang in ("yaml", "json", "text")]


@pytest.mark.parametrize("entry", _RUNNABLE, ids=[e.code for e in _RUNNABLE])
def test_each_catalogue_example_gives_its_code_and_message(entry: Any) -> None:
    """The documented example really raises that code, with the documented message (docs cannot drift)."""
    with pytest.raises(ParseError) as caught:
        if entry.code.startswith("D"):
            argmap.loads(entry.example, "argdown", filename="m.argdown")
        elif entry.lang == "text":
            name = "af.tgf" if entry.code == "A004" else "af.i23"
            parse_framework(entry.example, None, name)
        else:
            argmap.loads(_deep(entry.example), entry.lang, filename=f"m.{entry.lang}")
    assert caught.value.code == entry.code
    shown = str(caught.value)
    expected = entry.message.removesuffix(" ...").removesuffix("...")
    assert shown.startswith(expected), (shown, entry.message)


def test_every_load_code_has_a_fix_that_becomes_the_hint() -> None:
    """A coded error gets its catalogue fix as hint unless the raiser gives one."""
    error = ParseError("expected a string, got a list", "m.yaml", 2, 8, code="M001")
    assert error.diagnostics[0].hint == LOAD_CODES["M001"].fix
    assert ParseError("x", code="M001", hint="do this").diagnostics[0].hint == "do this"


# -- the exceptions -----------------------------------------------------------------------------------


def test_parse_error_is_its_first_diagnostic() -> None:
    """str() is the first diagnostic's line; every problem is in .diagnostics; attributes read the first."""
    first = Diagnostic("M003", Severity.ERROR, "unknown key 'x'", (), Span("m.yaml", 4, 1, 4, 2))
    second = Diagnostic("M001", Severity.ERROR, "title: expected a string", (), Span("m.yaml", 3, 8))
    error = ParseError(diagnostics=(first, second))
    assert str(error) == "m.yaml:4:1: M003 unknown key 'x'"
    assert error.diagnostics == (first, second)
    assert (error.code, error.file, error.line, error.column, error.message) == (
        "M003",
        "m.yaml",
        4,
        1,
        "unknown key 'x'",
    )


def test_old_parse_error_constructor_still_works() -> None:
    """ParseError(message, file, line, column) as before, with the catch-all code F000."""
    error = ParseError("bad", "m.yaml", 3)
    assert str(error) == "m.yaml:3:1: F000 bad" and error.location == Span("m.yaml", 3, 1)
    assert str(ParseError("bad", "m.yaml")) == "m.yaml: F000 bad"
    assert ParseError("bad", "m.yaml").location is None
    with pytest.raises(TypeError):
        ParseError()


def test_errors_is_deprecated_but_works() -> None:
    """.errors gives one ParseError per diagnostic, with a DeprecationWarning."""
    error = ParseError(
        diagnostics=(Diagnostic("Y001", Severity.ERROR, "a"), Diagnostic("Y002", Severity.ERROR, "b"))
    )
    with pytest.warns(DeprecationWarning):
        parts = error.errors
    assert [p.code for p in parts] == ["Y001", "Y002"]
    error.errors = parts[1:]
    assert [d.code for d in error.diagnostics] == ["Y002"]


@pytest.mark.parametrize("cls", [ParseError, InputError])
def test_coded_errors_pickle_with_their_diagnostics(cls: type[ParseError]) -> None:
    """Errors cross process boundaries (multiprocessing) with every diagnostic intact."""
    error = cls("no such file", "m.yaml", code="F001")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is cls and again.diagnostics == error.diagnostics and str(again) == str(error)


def test_loading_a_missing_file_is_a_coded_input_error(tmp_path: Any) -> None:
    """The library raises InputError with F001 and a whole-file span for a missing map."""
    with pytest.raises(InputError) as caught:
        argmap.load(tmp_path / "missing.yaml")
    diag = caught.value.diagnostics[0]
    assert diag.code == "F001" and diag.span is not None and diag.span.whole_file
