"""Tests of rendering through Graphviz: formats, missing binary, atomic files, image signatures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap import formats
from argmap.errors import InputError, RenderError
from argmap.export.dot import RenderOptions
from argmap.export.image import format_from_path, render_bytes, render_file
from tests.conftest import MAPS

EXAMPLE = MAPS / "example-remote-work.yaml"


def test_dot_format_needs_no_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    """DOT output works with no Graphviz on PATH; images then fail with a clear RenderError."""
    monkeypatch.setenv("PATH", "/nonexistent")
    amap = formats.load(EXAMPLE)
    assert render_bytes(amap, RenderOptions(format="dot")).startswith(b"digraph argmap {")
    with pytest.raises(RenderError, match="Graphviz 'dot' was not found"):
        render_bytes(amap, RenderOptions(format="svg"))


def test_failed_render_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When rendering fails the output file is not created (or left as it was)."""
    monkeypatch.setenv("PATH", "/nonexistent")
    target = tmp_path / "out.svg"
    with pytest.raises(RenderError):
        render_file(formats.load(EXAMPLE), target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.svg", "svg"), ("a.PNG", "png"), ("a.pdf", "pdf"), ("a.gv", "dot"), ("a.json", "json")],
)
def test_format_from_path(name: str, fmt: str) -> None:
    """The output format follows the file suffix."""
    assert format_from_path(name) == fmt


def test_unknown_output_suffix() -> None:
    """An output suffix that names no format is an InputError."""
    with pytest.raises(InputError, match="cannot tell the output format"):
        format_from_path("a.gif")


@pytest.mark.needs_dot
@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<svg"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_images_render(tmp_path: Path, fmt: str, magic: bytes) -> None:
    """SVG, PNG and PDF come out of Graphviz with the right file signature."""
    assert shutil.which("dot")
    path = render_file(formats.load(EXAMPLE), tmp_path / f"example.{fmt}")
    data = path.read_bytes()
    assert magic in data[:400]


def test_old_import_path_still_works() -> None:
    """``render_bytes`` and friends moved to export.image; importing them from export.dot still works."""
    from argmap.export import dot, image

    assert dot.render_bytes is image.render_bytes
    assert dot.format_from_path is image.format_from_path
