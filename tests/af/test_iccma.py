"""Tests of argmap.af.iccma: ICCMA 2023, APX and TGF parsing and writing, answer formatting."""

from __future__ import annotations

from pathlib import Path

import pytest
from argumentation.interop.iccma import parse_af as ref_parse_af
from hypothesis import given
from hypothesis import strategies as st

from argmap.af import Acceptance, Framework
from argmap.af.iccma import (
    FrameworkFormat,
    detect_format,
    dump_framework,
    dump_iccma,
    format_acceptance,
    format_extension,
    format_extensions,
    parse_apx,
    parse_framework,
    parse_iccma,
    parse_tgf,
    read_framework,
)
from argmap.errors import ParseError

ICCMA_TEXT = """# a comment before the header
p af 4

# attacks
1 2
2 3
  3 4
"""


def test_iccma_with_comments_and_blank_lines() -> None:
    """Comments and blank lines are ignored; arguments are 1..N even when some attack nothing."""
    fw = parse_iccma(ICCMA_TEXT)
    assert fw.arguments == ("1", "2", "3", "4")
    assert fw.attacks == (("1", "2"), ("2", "3"), ("3", "4"))


def test_iccma_agrees_with_reference_parser() -> None:
    """The same file gives the same arguments and attacks as the reference library's parser."""
    ours = parse_iccma(ICCMA_TEXT)
    theirs = ref_parse_af(ICCMA_TEXT)
    assert set(ours.arguments) == set(theirs.arguments)
    assert set(ours.attacks) == set(theirs.defeats)


@pytest.mark.parametrize(
    ("text", "line", "message", "code"),
    [
        ("1 2\n", 1, "header", "A002"),
        ("p af x\n", 1, "header", "A002"),
        ("p af 3\n1 2\n1 2 3\n", 3, "attack", "A001"),
        ("p af 3\n1 2\np af 3\n", 3, "second", "A002"),
        ("p af 3\n1 4\n", 2, "outside", "A003"),
        ("p af 3\n0 1\n", 2, "outside", "A003"),
        ("p af 3\n1 b\n", 2, "integers", "A001"),
        ("p af 3\n-1 2\n", 2, "integers", "A001"),
        ("# only a comment\n", 1, "missing", "A002"),
        ("", 1, "missing", "A002"),
    ],
)
def test_iccma_malformed_lines_raise_with_line_numbers(text: str, line: int, message: str, code: str) -> None:
    """Every malformed ICCMA line is an error naming the file and its line; none is skipped."""
    with pytest.raises(ParseError, match=message) as info:
        parse_iccma(text, "x.af")
    assert info.value.line == line
    assert info.value.code == code
    assert info.value.file == "x.af"


def test_apx_parses_facts_and_comments() -> None:
    """APX facts (several on a line allowed) and % comments parse to the framework."""
    fw = parse_apx("% comment\narg(a). arg(b).\narg(c).\natt(a,b).\natt( b , c ).\n")
    assert fw.arguments == ("a", "b", "c")
    assert fw.attacks == (("a", "b"), ("b", "c"))


@pytest.mark.parametrize(
    ("text", "line", "message", "code"),
    [
        ("arg(a).\natt(a,b).\n", 2, "declares", "A003"),
        ("arg(a)\n", 1, "expected a fact", "A001"),
        ("arg(a).\nfoo(a).\n", 2, "expected a fact", "A001"),
        ("arg(a,b).\n", 1, "one argument", "A001"),
        ("arg(a).\natt(a).\n", 2, "two arguments", "A001"),
    ],
)
def test_apx_malformed_lines_raise(text: str, line: int, message: str, code: str) -> None:
    """Malformed APX lines and attacks on undeclared arguments are errors with line numbers."""
    with pytest.raises(ParseError, match=message) as info:
        parse_apx(text)
    assert info.value.line == line
    assert info.value.code == code


def test_tgf_parses_nodes_and_edges() -> None:
    """TGF nodes (labels ignored), the # separator, and edges parse to the framework."""
    fw = parse_tgf("a first\nb\nc\n#\na b\nb c edge label\n")
    assert fw.arguments == ("a", "b", "c")
    assert fw.attacks == (("a", "b"), ("b", "c"))


@pytest.mark.parametrize(
    ("text", "line", "message", "code"),
    [
        ("a\nb\n#\na x\n", 4, "not declared", "A003"),
        ("a\n#\na\n", 3, "expected an attack", "A001"),
        ("a\na\n#\n", 2, "twice", "A004"),
        ("a\nb\n", 2, "missing", "A002"),
        ("a\n#\n#\n", 3, "second", "A002"),
    ],
)
def test_tgf_malformed_lines_raise(text: str, line: int, message: str, code: str) -> None:
    """Malformed TGF lines are errors with line numbers."""
    with pytest.raises(ParseError, match=message) as info:
        parse_tgf(text)
    assert info.value.line == line
    assert info.value.code == code


@st.composite
def named_frameworks(draw: st.DrawFn) -> Framework:
    names = draw(st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True), unique=True, max_size=8))
    if not names:
        return Framework([], [])
    attacks = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)), max_size=20))
    return Framework(names, attacks)


@given(named_frameworks(), st.sampled_from([FrameworkFormat.APX, FrameworkFormat.TGF]))
def test_named_formats_round_trip(fw: Framework, fmt: FrameworkFormat) -> None:
    """Writing APX or TGF and reading it back gives an equal framework."""
    assert parse_framework(dump_framework(fw, fmt), fmt) == fw


@given(named_frameworks())
def test_iccma_round_trip_keeps_structure(fw: Framework) -> None:
    """Writing ICCMA numbers arguments in order; reading back gives the same attack structure."""
    back = parse_iccma(dump_iccma(fw))
    assert len(back) == len(fw)
    assert back.attackers == fw.attackers


def test_iccma_dump_records_names_in_comments() -> None:
    """Named arguments are numbered and listed in '# i name' comments."""
    text = dump_iccma(Framework(["x", "y"], [("x", "y")]))
    assert text == "p af 2\n# 1 x\n# 2 y\n1 2\n"


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("p af 1\n", None, FrameworkFormat.ICCMA),
        ("# c\np af 1\n", None, FrameworkFormat.ICCMA),
        ("arg(a).\n", None, FrameworkFormat.APX),
        ("a\n#\n", None, FrameworkFormat.TGF),
        ("whatever", "f.apx", FrameworkFormat.APX),
        ("whatever", "f.i23", FrameworkFormat.ICCMA),
    ],
)
def test_detect_format(text: str, path: str | None, expected: FrameworkFormat) -> None:
    """The format comes from the suffix, else from the first content line."""
    assert detect_format(text, path) is expected


def test_read_framework_reports_missing_file(tmp_path: Path) -> None:
    """A missing file is a ParseError naming it, with the file code F001 and no line."""
    with pytest.raises(ParseError, match=r"nope\.af: F001 no such file") as caught:
        read_framework(tmp_path / "nope.af")
    assert caught.value.code == "F001" and caught.value.line is None


def test_answer_formatting_follows_iccma_conventions() -> None:
    """Extensions print as 'w' lines in framework order; decisions as YES/NO with witnesses."""
    fw = Framework.from_indices(5, [])
    assert format_extension(fw, {"5", "1", "2"}) == "w 1 2 5"
    assert format_extension(fw, set()) == "w"
    assert format_extensions(fw, []) == "NO"
    assert format_extensions(fw, [{"1"}, {"2"}]) == "w 1\nw 2"
    assert format_acceptance(fw, Acceptance(True, frozenset({"2", "1"}))) == "YES\nw 1 2"
    assert format_acceptance(fw, Acceptance(True)) == "YES"
    assert format_acceptance(fw, Acceptance(False)) == "NO"


@pytest.mark.parametrize(
    "text",
    [
        "p af 3\n1 2\n2 3\n",
        "# c\np af 3\n1 2\n2 3",
        "p af 3\n1 2\n\n2 3\n",
        "p af 3\n1 2\n# mid\n2 3\n",
        "p af 3\n1\t2\n 2 3 \n",
        "p af 3\n1  2\n2 3\n1 2\n",
        "p af 3\n",
        "p af 3\r\n1 2\r\n2 3\r\n",
        "p af 3\n1 2\n\n",
        "p af 3\n01 2\n2 003\n",
        "p af 3\n1 2\n1 2\n3 1\n",
        "\n# lead\n\np af 2\n2 1",
    ],
)
def test_iccma_fast_and_line_paths_agree(text: str) -> None:
    """The bulk reader and the line-by-line reader give the same framework on every layout."""
    from argmap.af.iccma import _parse_iccma_fast, _parse_iccma_lines

    slow = _parse_iccma_lines(text.splitlines(), None)
    fast = _parse_iccma_fast(text)
    assert fast is None or fast == slow
    assert parse_iccma(text) == slow
    assert all(type(i) is int for i in (*slow.sources, *slow.sinks))


@pytest.mark.parametrize(
    "text",
    ["p af 3\n1 2\n2 3\n", "# c\np af 3\n1 2\n2 3", "p af 3\n1 2\n1 2\n3 1\n", "p af 1\n"],
)
def test_iccma_fast_path_takes_plain_files(text: str) -> None:
    """Plain files (comments only before the header) never fall back to the line parser."""
    from argmap.af.iccma import _parse_iccma_fast

    fast = _parse_iccma_fast(text)
    assert fast is not None
    assert all(type(i) is int for i in (*fast.sources, *fast.sinks))


@pytest.mark.parametrize(
    "text",
    [
        "p af 3\n1 2 3\n2\n",
        "p af 3\n1 4\n",
        "p af 3\n1 123456789012345678901234\n",
        "p af 3\n1 2\n\n",
        "p af 3\n 1 2\n",
        "p af 3\n1 2\n2 3 \n",
        "p af 3\n1 2\n 3\n",
        "p af 3\n1 2\n3 \n",
        "p af 3\n12\n 3\n",
        "p af 3\n1 18446744073709551617\n",
    ],
)
def test_iccma_fast_path_declines_irregular_files(text: str) -> None:
    """Anything but ``i j`` lines goes to the line parser, which names the line or skips blanks."""
    from argmap.af.iccma import _parse_iccma_fast

    assert _parse_iccma_fast(text) is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("p af 3\n1 2\n1\n2 3 1\n", 3),
        ("p af 3\n1 2\n1 4\n", 3),
        ("p af 3\n1 2\n0 1\n", 3),
        ("p af 3\n1 2\n1 x\n", 3),
        ("p af 3\n1 \u0663\n", 2),
    ],
)
def test_iccma_fast_path_defers_errors_to_line_numbers(text: str, line: int) -> None:
    """Malformed bodies that look almost regular still fail with the right line number."""
    with pytest.raises(ParseError) as caught:
        parse_iccma(text)
    assert caught.value.line == line
