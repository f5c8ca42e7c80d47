"""The comparison reports: golden text, Markdown and JSON of a small pair; the committed showcase page."""

from __future__ import annotations

import importlib.util
import json
import re
from types import ModuleType

import pytest

from argmap.comparison import Change, compare, comparison_to_json, format_comparison
from argmap.comparison.links import LinkSet
from argmap.comparison.report import FORMATS
from argmap.model import ArgumentMap
from tests.conftest import ROOT, check_golden

from .helpers import LINKS, earlier, later

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_reports_match_their_golden_files(fmt: str, suffix: str, update_golden: bool) -> None:
    text = format_comparison(compare(earlier(), later(), LINKS), fmt)
    check_golden(GOLDEN / f"compare-rail.{suffix}", text, update_golden)


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="expected one of text, markdown, json"):
        format_comparison(compare(earlier(), later(), LINKS), "html")
    assert FORMATS == ("text", "markdown", "json")


def test_json_names_every_item_with_both_sides() -> None:
    data = comparison_to_json(compare(earlier(), later(), LINKS))
    assert data["argmap-compare"] == 1
    assert data["counts"] == {
        "persisted": 0,
        "contradicted": 1,
        "moved pole": 2,
        "appeared": 3,
        "disappeared": 2,
    }
    [contradicted] = [i for i in data["items"] if i["change"] == "contradicted"]
    assert (contradicted["a"]["id"], contradicted["b"]["id"], contradicted["note"]) == (
        "late",
        "punctual",
        "now on time",
    )
    assert json.loads(json.dumps(data)) == data


def _generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_showcase_report_and_dot_are_current() -> None:
    """docs/compare is what `make docs` writes now (regenerate with `make docs`)."""
    for name, data in _generate().comparisons(with_svg=False).items():
        committed = (ROOT / "docs" / "compare" / name).read_bytes()
        assert committed == data, f"docs/compare/{name} is stale: run make docs"


def test_showcase_report_quotes_both_sides_on_every_linked_line(
    showcase: tuple[ArgumentMap, ArgumentMap, LinkSet],
) -> None:
    a, b, links = showcase
    result = compare(a, b, links)
    text = format_comparison(result, "markdown")
    pairs = [line for line in text.splitlines() if " → b:`" in line]
    assert len(pairs) >= sum(1 for i in result.items if i.change is not Change.APPEARED and i.b and i.a)
    for line in pairs:
        # a quoted (“…”) or own-wording (*…*) rendering follows each side's id
        assert re.search(r"a:`[^`]+` (“|\*)", line) and re.search(r"b:`[^`]+` (“|\*)", line), line
    # Each quote shown is the map's verbatim citation, or a prefix of it cut at a word.
    checked = 0
    for item in result.items:
        for side, ref in (("a", item.a), ("b", item.b)):
            marker = f"{side}:`{ref.id}` “" if ref is not None else ""
            if ref is not None and ref.quote and marker in text:
                shown = text.split(marker, 1)[1].split("”", 1)[0]
                assert ref.quote.startswith(shown.removesuffix(" …").rstrip(",;:.")), ref.id
                checked += 1
    assert checked > 50


def test_a_point_with_several_themes_is_listed_under_each_with_an_also_under_note() -> None:
    import attrs

    b = later()
    several = [
        attrs.evolve(p, themes=("safety", "punctuality")) if p.id == "unsafe" else p for p in b.propositions
    ]
    result = compare(earlier(), attrs.evolve(b, propositions=several), LINKS)
    safety, time = (result.group(key).label for key in ("b:safety", "a:time"))
    markdown = format_comparison(result, "markdown")
    sections = {chunk.split("\n", 1)[0]: chunk for chunk in markdown.split("\n### ")[1:]}
    assert "b:`unsafe` “Stations feel unsafe at night.”" not in markdown  # not quoted: the map cites nothing
    assert f"b:`unsafe` *Stations feel unsafe at night.* (also under: {time})" in sections[safety]
    assert f"b:`unsafe` *Stations feel unsafe at night.* (also under: {safety})" in sections[time]
    text = format_comparison(result, "text")
    assert text.count("b:unsafe") == 2 and f"also under: {time}" in text and f"also under: {safety}" in text
    [item] = [
        i
        for i in json.loads(format_comparison(result, "json"))["items"]
        if i["b"] and i["b"]["id"] == "unsafe"
    ]
    assert item["theme"] == "b:safety" and item["also"] == ["a:time"]
