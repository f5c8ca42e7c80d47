"""The comparison page from the comparison stage: the report it hands over, the file it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.comparison import compare, comparison_html, write_comparison_html
from argmap.comparison.html import page_report
from argmap.errors import RenderError

from .helpers import LINKS, earlier, later


def test_the_report_names_each_maps_poles_and_themes() -> None:
    report = page_report(compare(earlier(), later(), LINKS), earlier(), later())
    assert report["argmap-compare"] == 1
    assert report["labels"]["a"]["poles"] == {"good": "Rail is good", "bad": "Rail is bad"}
    assert report["labels"]["b"]["themes"]["safety"] == "Safety"
    assert report["poles"][0]["a_label"] == "Rail is good" and report["poles"][0]["b_label"] == "For rail"


@pytest.mark.needs_dot
def test_write_is_atomic_and_the_page_is_the_same_as_returned(tmp_path: Path) -> None:
    target = write_comparison_html(earlier(), later(), LINKS, tmp_path / "c.html")
    assert target.read_text(encoding="utf-8") == comparison_html(earlier(), later(), LINKS)
    assert [p.name for p in tmp_path.iterdir()] == ["c.html"]


def test_without_graphviz_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(RenderError, match="Graphviz 'dot' was not found"):
        write_comparison_html(earlier(), later(), LINKS, tmp_path / "c.html")
    assert list(tmp_path.iterdir()) == []
