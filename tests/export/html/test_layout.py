"""Graphviz SVG reduced to allowed elements and attributes: nothing executable survives, text stays text."""

from __future__ import annotations

import pytest

from argmap.errors import RenderError
from argmap.export.html.layout import ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS, svg_tree

_HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
)


def _walk(tree: list[object]) -> list[list[object]]:
    found = [tree]
    for child in tree[2:]:
        if isinstance(child, list):
            found.extend(_walk(child))
    return found


def test_graphviz_structure_is_kept_flat() -> None:
    svg = (
        _HEAD
        + '<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 40)"><title>g</title>'
        '<g id="node1" class="node"><title>a&#45;1</title><g id="a_node1"><a xlink:title="tip">'
        '<path fill="#ffffff" stroke="black" d="M1,2C3,4 5,6 7,8"/>'
        '<text text-anchor="start" x="1" y="-2" font-family="Helvetica,sans-Serif" font-size="9.00">'
        "A &amp; B</text>"
        "</a></g></g>"
        '<g id="edge1" class="edge"><title>a&#45;1&#45;&gt;b</title>'
        '<path fill="none" stroke="#009e73" d="M1,1"/></g>'
        "</g></svg>"
    ).encode()
    tree = svg_tree(svg)
    assert tree[0] == "svg" and tree[1] == {"viewBox": "0 0 10 10"}
    graph = tree[2]
    assert graph[1] == {"class": "graph", "transform": "scale(1 1) rotate(0) translate(4 40)"}
    node, edge = graph[2], graph[3]
    assert node[1] == {"class": "node", "data-id": "a-1"}
    # The tooltip link and its wrapper are gone; the shape is the node's first child.
    assert node[2][0] == "path" and node[3] == ["text", node[3][1], "A & B"]
    assert edge[1]["data-id"] == "a-1->b"


@pytest.mark.parametrize(
    "element",
    [
        "<script>alert(1)</script>",
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
        '<image href="http://example.com/x.png"/>',
        '<a href="javascript:alert(1)"><script>alert(2)</script></a>',
        '<use href="#x"/>',
        "<style>* { background: url(http://example.com) }</style>",
    ],
)
def test_dangerous_elements_are_dropped(element: str) -> None:
    tree = svg_tree((_HEAD + element + "</svg>").encode())
    tags = {node[0] for node in _walk(tree)}
    assert tags <= ALLOWED_ELEMENTS
    assert tags == {"svg"}


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("onclick", "alert(1)"),
        ("onload", "alert(1)"),
        ("style", "fill: red"),
        ("href", "javascript:alert(1)"),
        ("fill", "url(javascript:alert(1))"),
        ("fill", "url(#grad)"),
        ("stroke", "red;background:url(x)"),
        ("d", "M1,1 javascript:alert(1)"),
        ("transform", "translate(1 1) url(x)"),
        ("class", "node evil"),
        ("font-family", "x</text><script>"),
    ],
)
def test_unsafe_attribute_values_are_dropped(attribute: str, value: str) -> None:
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    tree = svg_tree((_HEAD + f'<path {attribute}="{escaped}"/></svg>').encode())
    assert tree[2] == ["path", {}]


def test_every_kept_attribute_has_a_pattern() -> None:
    assert not any(name.startswith("on") or name in ("href", "style", "src") for name in ALLOWED_ATTRIBUTES)


@pytest.mark.parametrize("svg", [b"not xml", b"<html></html>"])
def test_unreadable_svg_is_a_render_error(svg: bytes) -> None:
    with pytest.raises(RenderError):
        svg_tree(svg)
