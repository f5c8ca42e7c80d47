"""Maps in Jupyter: the IPython formatter draws an ArgumentMap, the viewer shows in a sandboxed iframe."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest

import argmap
from argmap.export.html.notebook import InlineViewer, diagram_svg, register
from tests.conftest import MAPS

IPython = pytest.importorskip("IPython")


@pytest.fixture
def shell() -> Iterator[object]:
    from IPython.core.interactiveshell import InteractiveShell

    instance = InteractiveShell.instance()
    try:
        yield instance
    finally:
        InteractiveShell.clear_instance()


@pytest.mark.needs_dot
def test_load_ext_shows_maps_as_their_diagram(shell: object) -> None:
    shell.run_line_magic("load_ext", "argmap")  # type: ignore[attr-defined]
    amap = argmap.load(MAPS / "blank-2012-paradox.yaml")
    data, _ = shell.display_formatter.format(amap)  # type: ignore[attr-defined]
    assert data["image/svg+xml"].lstrip().startswith("<?xml") and "<svg" in data["image/svg+xml"]
    assert data["image/svg+xml"] == diagram_svg(amap)


def test_register_without_ipython_running_does_nothing() -> None:
    assert register() is False


def test_inline_viewer_escapes_the_page_into_its_attribute() -> None:
    page = '<!DOCTYPE html><p title="x">&amp; "quoted"</p>'
    out = InlineViewer(page, height=300)._repr_html_()
    assert out.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in out
    attribute = out.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]
    assert '"' not in attribute and "<" not in attribute
    assert html.unescape(attribute) == page
    assert "allow-same-origin" not in out and "height: 300px" in out


@pytest.mark.needs_dot
def test_show_html_returns_the_viewer() -> None:
    amap = argmap.load(MAPS / "example-remote-work.yaml")
    shown = argmap.show_html(amap, semantics=("grounded",))
    assert isinstance(shown, InlineViewer)
    assert "argmap-data" in shown.page and shown.page == argmap.to_html(amap, semantics=("grounded",))
