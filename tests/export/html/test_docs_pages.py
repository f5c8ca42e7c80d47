"""The committed viewer pages under docs/viewer: present, linked from the README, small, up to date."""

from __future__ import annotations

import json
import re

import pytest

from argmap import formats
from argmap.export.html.payload import PayloadOptions, build_payload
from argmap.view import make_view
from tests.conftest import MAPS, ROOT
from tests.export.html.conftest import DOCUMENT_MAPS, SOURCES


def _payload(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', page, re.S)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


@pytest.mark.parametrize("name", DOCUMENT_MAPS)
def test_page_is_committed_linked_and_small(name: str) -> None:
    page = ROOT / "docs" / "viewer" / f"{name}.html"
    assert page.is_file(), "run make docs"
    assert page.stat().st_size < 1_000_000
    assert f"](docs/viewer/{name}.html)" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DOCUMENT_MAPS)
def test_page_matches_the_map_and_its_source(name: str) -> None:
    """The map's words, relations and quotes in the page are today's (the layout is Graphviz's own)."""
    if not SOURCES.is_dir():
        pytest.skip(f"the document maps' source texts are not at {SOURCES}")
    committed = _payload((ROOT / "docs" / "viewer" / f"{name}.html").read_text(encoding="utf-8"))
    amap = formats.load(MAPS / f"{name}.yaml")
    fresh = build_payload(amap, make_view(amap), [], PayloadOptions(sources_dir=SOURCES, semantics=()))
    assert committed["nodes"] == json.loads(json.dumps(fresh["nodes"])), "run make docs"
    assert committed["sources"] == json.loads(json.dumps(fresh["sources"])), "run make docs"
