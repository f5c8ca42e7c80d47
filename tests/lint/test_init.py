"""argmap.lint's package functions: which sources' quotes went unchecked."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import formats
from argmap.lint import unchecked_quote_sources

MAP = """
argmap: 1
title: T
sources:
  - {id: survey, title: Survey}
  - {id: diary, title: Diary, text: diary.txt}
  - {id: silent, title: Never quoted}
propositions:
  - id: a
    role: evidence
    text: A.
    citation: {source: survey, locator: p. 1, quote: rose 12%}
  - id: b
    role: evidence
    text: B.
    citation: {source: diary, locator: p. 2, quote: we got more done}
  - id: c
    role: evidence
    text: C.
    citation: {source: ghost, locator: p. 3, quote: boo}
  - {id: d, text: D., citation: {source: silent, locator: p. 4}}
"""


@pytest.mark.parametrize(
    ("files", "use_dir", "texts", "expected"),
    [
        ({}, False, None, ("survey",)),  # diary's missing text: file is V007's to report
        ({"diary.txt": "we got more done"}, False, None, ("survey",)),  # the declared text: path
        ({"texts/survey.txt": "rose 12%"}, True, None, ()),
        ({"diary.txt": "x"}, True, None, ("survey",)),
        ({"texts/survey.md": "rose 12%", "diary.txt": "x"}, True, None, ()),
        ({}, False, {"survey": "rose 12%", "diary": "x"}, ()),
    ],
)
def test_unchecked_quote_sources(
    files: dict[str, str],
    use_dir: bool,
    texts: dict[str, str] | None,
    expected: tuple[str, ...],
    tmp_path: Path,
) -> None:
    """Sources quoted but without a text anywhere validate looks; unknown and unquoted sources aside."""
    (tmp_path / "texts").mkdir()
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    amap = formats.load(path)
    sources_dir = tmp_path / "texts" if use_dir else None
    assert unchecked_quote_sources(amap, sources_dir=sources_dir, source_texts=texts) == expected
