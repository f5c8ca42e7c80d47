"""Committed diagrams under docs/maps match what the maps give now (DOT compared; SVG varies by Graphviz)."""

from __future__ import annotations

import importlib.util
from types import ModuleType
from xml.etree import ElementTree

import pytest

from tests.conftest import ROOT

DOCS_MAPS = ROOT / "docs" / "maps"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATE = _generator()
DIAGRAMS: dict[str, str] = GENERATE.diagrams()


@pytest.mark.parametrize("stem", sorted(DIAGRAMS))
def test_committed_dot_is_current(stem: str) -> None:
    """Each view's committed DOT equals the DOT the map gives now; run `make docs` if not."""
    path = DOCS_MAPS / f"{stem}.dot"
    assert path.exists(), f"{path.name} is missing: run make docs"
    assert path.read_text(encoding="utf-8") == DIAGRAMS[stem], f"{path.name} is stale: run make docs"


def test_no_stale_diagrams() -> None:
    """Every DOT and SVG under docs/maps belongs to a current view, and every view has its SVG."""
    on_disk = {p.name for p in DOCS_MAPS.iterdir() if p.suffix in (".dot", ".svg")}
    expected = {f"{stem}{suffix}" for stem in DIAGRAMS for suffix in (".dot", ".svg")}
    assert on_disk == expected


def test_index_lists_every_view() -> None:
    """docs/maps/README.md is current and links every view's SVG."""
    index = (DOCS_MAPS / "README.md").read_text(encoding="utf-8")
    assert index == GENERATE.index_markdown()
    for stem in DIAGRAMS:
        assert f"({stem}.svg)" in index


def test_document_maps_have_every_view() -> None:
    """Both document maps have an overview, one view per pole and per theme, and the whole map."""
    for name in GENERATE.DOCUMENT_MAPS:
        stems = {s.removeprefix(f"{name}-") for s in DIAGRAMS if s.startswith(f"{name}-")}
        assert {"overview", "full"} <= stems
        assert sum(s.startswith("pole-") for s in stems) == 2
        assert sum(s.startswith("theme-") for s in stems) >= 9


def test_generated_text_files_are_current() -> None:
    """docs/rules.md is the rule catalogue (lint rules, then link-file rules) generated now."""
    from argmap.comparison.check import catalogue_markdown

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == catalogue_markdown()


def test_svgs_are_well_formed() -> None:
    """Every committed SVG parses as an SVG document."""
    for path in sorted(DOCS_MAPS.glob("*.svg")):
        root = ElementTree.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg", path.name


def test_committed_argdown_docs_are_current() -> None:
    """docs/argdown.md and the Blank map written in Argdown are what `make docs` writes now."""
    for relative, data in GENERATE.argdown_docs(GENERATE._maps()).items():
        path = ROOT / "docs" / relative
        assert path.read_bytes() == data, f"docs/{relative} is stale: run make docs"
