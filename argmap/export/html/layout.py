"""The viewer's diagram: Graphviz's SVG of a view, reduced to plain data the page rebuilds safely.

Graphviz lays the diagram out (the same layout as ``argmap render``; measured against laying it out
in the page, see NOTES.md). Its SVG is parsed here and kept only as a tree of allowed elements and
attributes, each attribute value checked against a pattern; text stays text. The page rebuilds the
tree with ``createElementNS``, ``setAttribute`` and ``textContent``, so no string from a map ever
reaches the page as markup, whatever Graphviz did with it.

May import ``model``, ``view`` and ``export.dot``; nothing else imports this module except the html
package.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from argmap.errors import RenderError

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_ELEMENTS", "SvgTree", "svg_tree"]

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK = "{http://www.w3.org/1999/xlink}"

#: A tree node: ``[tag, {attribute: value}, child, ...]`` where a child is a tree node or a text.
SvgTree = list[Any]

_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?"
_NUMBERS = re.compile(rf"^(?:{_NUMBER}|[ ,])*$")
_COLOUR = re.compile(r"^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|none|transparent)$")
_PATH = re.compile(rf"^(?:[MCLHVZQSTAmclhvzqsta]|{_NUMBER}|[ ,])*$")
_TRANSFORM = re.compile(rf"^(?:(?:scale|rotate|translate)\((?:{_NUMBER}|[ ,])*\)|\s)*$")
_WORDS = re.compile(r"^[A-Za-z ,\-]{0,80}$")

#: Element -> nothing else: only these are rebuilt; anything else (``a``, ``image``, ``script``,
#: ``foreignObject``...) is dropped, though the children of ``a`` are kept.
ALLOWED_ELEMENTS = frozenset({"svg", "g", "path", "polygon", "polyline", "ellipse", "text"})

#: Attribute -> the pattern its value must match (others are dropped, so no ``on*``, ``href``, ``style``).
ALLOWED_ATTRIBUTES: dict[str, re.Pattern[str]] = {
    "class": re.compile(r"^(?:node|edge|cluster|graph)$"),
    "viewBox": _NUMBERS,
    "transform": _TRANSFORM,
    "fill": _COLOUR,
    "stroke": _COLOUR,
    "stroke-width": _NUMBERS,
    "stroke-dasharray": _NUMBERS,
    "fill-opacity": _NUMBERS,
    "stroke-opacity": _NUMBERS,
    "points": _NUMBERS,
    "d": _PATH,
    "cx": _NUMBERS,
    "cy": _NUMBERS,
    "rx": _NUMBERS,
    "ry": _NUMBERS,
    "x": _NUMBERS,
    "y": _NUMBERS,
    "text-anchor": re.compile(r"^(?:start|middle|end)$"),
    "font-family": _WORDS,
    "font-size": _NUMBERS,
    "font-weight": re.compile(r"^(?:bold|normal)$"),
    "font-style": re.compile(r"^(?:italic|normal)$"),
    "text-decoration": re.compile(r"^(?:underline|overline|line-through|none)$"),
    "data-id": re.compile(r"^[^\x00-\x1f]{1,300}$"),
}


def _tag(element: ET.Element) -> str:
    tag = element.tag
    return tag[len(_SVG) :] if tag.startswith(_SVG) else tag


def _attributes(element: ET.Element) -> dict[str, str]:
    kept: dict[str, str] = {}
    for name, value in element.attrib.items():
        if name.startswith(_XLINK) or "{" in name:
            continue
        pattern = ALLOWED_ATTRIBUTES.get(name)
        if pattern is not None and pattern.match(value):
            kept[name] = value
    return kept


def _children(element: ET.Element) -> list[Any]:
    out: list[Any] = []
    for child in element:
        tag = _tag(child)
        if tag == "a" or (tag == "g" and not _attributes(child)):
            # A tooltip link and its bare wrapper group: keep what they wrap, flat, so a node's
            # shape is a direct child of the node's group.
            out.extend(_children(child))
        elif tag in ALLOWED_ELEMENTS:
            out.append(_convert(child))
        # Comments, titles (the node names; the page gives nodes accessible names) and anything
        # unknown are dropped.
    return out


def _convert(element: ET.Element) -> SvgTree:
    tag = _tag(element)
    attributes = _attributes(element)
    if tag == "g" and attributes.get("class") in ("node", "edge", "cluster"):
        title = element.find(f"{_SVG}title")
        if title is not None and title.text:
            attributes["data-id"] = title.text
    node: SvgTree = [tag, attributes]
    if tag == "text":
        node.append("".join(element.itertext()))
    else:
        node.extend(_children(element))
    return node


def svg_tree(svg: bytes) -> SvgTree:
    """Graphviz SVG -> ``[tag, attributes, *children]`` holding only allowed elements and attributes.

    ``g`` elements of class ``node``, ``edge`` and ``cluster`` carry the Graphviz name in
    ``data-id`` (a node's name is its id; an edge's is ``tail->head``).
    """
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise RenderError(f"Graphviz produced SVG that cannot be read ({exc})") from None
    if _tag(root) != "svg":
        raise RenderError("Graphviz produced no SVG")
    return _convert(root)
