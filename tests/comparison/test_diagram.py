"""The joint diagram: a plain-data view of both maps side by side, drawn by the DOT exporter."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.comparison import compare
from argmap.comparison.diagram import (
    MOVED_PENWIDTH,
    RELATION_LOOK,
    joint_digraph,
    joint_dot,
    joint_view,
    render_joint,
    write_diagram,
)
from argmap.comparison.links import Link, LinkSet, Relation
from argmap.errors import InputError
from argmap.model import ArgumentMap
from argmap.view import view_schema, view_to_json
from tests.strategies import link_sets, map_pairs

from .helpers import LINKS, earlier, later


def _view(a: ArgumentMap | None = None, b: ArgumentMap | None = None, links: LinkSet = LINKS):  # type: ignore[no-untyped-def]
    a, b = a or earlier(), b or later()
    return joint_view(compare(a, b, links), a, b)


def test_two_map_groups_each_holding_its_aligned_theme_groups_in_the_same_order() -> None:
    view = _view()
    assert view.layout == "columns"
    maps = [g for g in view.groups if g.kind == "map"]
    assert [(g.id, g.label) for g in maps] == [("map:a", "Rail, 2008"), ("map:b", "Rail, 2012")]
    themes = {side: [g.ref for g in view.groups if g.parent == f"map:{side}"] for side in "ab"}
    assert themes["a"] == themes["b"]  # aligned groups face each other
    labels = [g.label for g in view.groups if g.parent == "map:a"]
    assert labels == ["Timeliness", "Fares", "no theme (+2 not linked)"]  # the theses


def test_every_node_sits_in_a_theme_group_of_its_own_side() -> None:
    view = _view()
    groups = {g.id: g for g in view.groups}
    for node in view.nodes:
        group = groups[node.group or ""]
        side = node.id.split("~", 1)[0]
        assert group.parent == f"map:{side}" and node.id in group.members


def test_unlinked_points_are_counted_not_drawn() -> None:
    view = _view()
    assert "b~unsafe" not in {n.id for n in view.nodes}
    right = next(g for g in view.groups if g.id == "map:b")
    assert right.caption == "nothing linked: Safety (1)"
    assert next(g for g in view.groups if g.id == "map:a").caption is None


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("late", "punctual", Relation.CONTRADICTS),
        ("cheap", "dear", Relation.UPDATES),
        ("staff", "friendly", Relation.SAME),
    ],
)
def test_one_link_edge_per_link_in_its_relations_look(a: str, b: str, relation: Relation) -> None:
    view = _view()
    edge = next(e for e in view.edges if e.tail == f"a~{a}" and e.head == f"b~{b}")
    assert edge.part == "link" and edge.relation == relation.value
    assert edge.style is not None
    assert (edge.style.color, edge.style.style, edge.style.arrow) == (
        RELATION_LOOK[relation].color,
        RELATION_LOOK[relation].style,
        RELATION_LOOK[relation].arrow,
    )


def test_a_point_that_moved_pole_is_drawn_thick_and_the_legend_says_so() -> None:
    # staff (good) -> friendly (con): the poles good and pro correspond, so the point moved.
    view = _view()
    edge = next(e for e in view.edges if e.tail == "a~staff")
    assert edge.style is not None and edge.style.penwidth == MOVED_PENWIDTH
    assert edge.tooltip == "same (moved pole)"
    assert any(entry.key == "moved" for entry in view.legend)


def test_the_legend_lists_exactly_the_marks_drawn() -> None:
    only_same = attrs.evolve(
        LINKS, links=(*LINKS.of_kind(LINKS.links[3].kind), Link("cheap", "punctual", "same"))
    )
    view = _view(links=only_same)
    assert [(e.kind, e.key) for e in view.legend if e.kind == "link"] == [("link", "same")]
    fills = {n.fill for n in view.nodes}
    assert {e.fill for e in view.legend if e.kind == "pole"} == fills
    full = _view()
    assert {e.key for e in full.legend if e.kind == "link"} == {"same", "updates", "contradicts", "moved"}


def test_linked_poles_share_a_fill_and_one_legend_row() -> None:
    view = _view()
    assert view.node("a~cheap").fill == view.node("b~punctual").fill  # good <-> pro
    rows = [e.label for e in view.legend if e.kind == "pole"]
    assert rows == ["Rail is good (a) ↔ For rail (b)", "Rail is bad (a) ↔ Against rail (b)"]


def test_a_proposition_with_several_themes_is_drawn_once_naming_its_other_themes() -> None:
    a = earlier()
    props = [attrs.evolve(p, themes=("cost", "time")) if p.id == "cheap" else p for p in a.propositions]
    a = attrs.evolve(a, propositions=props)
    view = _view(a=a)
    drawn = [n for n in view.nodes if n.id == "a~cheap"]
    assert len(drawn) == 1
    assert drawn[0].header[-1].text == "also: Timeliness"
    assert "themes: Fares, Timeliness" in drawn[0].tooltip
    assert sum(1 for e in view.edges if e.tail == "a~cheap") == 1


def test_the_view_json_validates_against_the_schema() -> None:
    document = view_to_json(_view())
    jsonschema.validate(document, view_schema())
    assert document["layout"] == "columns"
    captions = {g["id"]: g.get("caption") for g in document["groups"] if g["kind"] == "map"}
    assert captions == {"map:a": None, "map:b": "nothing linked: Safety (1)"}


def test_dot_comes_from_the_dot_exporter_with_both_columns_and_an_edge_per_link() -> None:
    dot = joint_dot(earlier(), later(), LINKS)
    assert "subgraph cluster_pole_0 {" in dot and "subgraph cluster_pole_1 {" in dot
    assert "rankdir=RL" in dot and "ranksep=2.5" in dot
    # Drawn head first with dir=back: map b's node, then map a's.
    edge = next(line for line in dot.splitlines() if '"b~punctual" -> "a~late"' in line)
    assert RELATION_LOOK[Relation.CONTRADICTS].color in edge and "arrowtail=tee" in edge
    assert "unsafe" not in dot and "nothing linked: Safety (1)" in dot


def test_the_same_input_gives_the_same_dot() -> None:
    assert joint_dot(earlier(), later(), LINKS) == joint_dot(earlier(), later(), LINKS)


def test_user_text_is_escaped() -> None:
    a = earlier()
    tricky = [attrs.evolve(p, text='<b>&"x"\\N') if p.id == "late" else p for p in a.propositions]
    a = attrs.evolve(a, propositions=tricky)
    dot = joint_digraph(compare(a, later(), LINKS), a, later()).source
    assert "&lt;b&gt;&amp;&quot;x&quot;\\\\N" in dot


def test_json_format_is_the_view_document() -> None:
    view = _view()
    assert json.loads(render_joint(view, "json")) == view_to_json(view)
    with pytest.raises(InputError, match="unknown diagram format"):
        render_joint(view, "gif")


def test_unknown_suffix_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot tell the diagram format"):
        write_diagram(earlier(), later(), LINKS, tmp_path / "x.gif")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.needs_dot
def test_svg_is_written_atomically_and_parses(tmp_path: Path) -> None:
    target = write_diagram(earlier(), later(), LINKS, tmp_path / "joint.svg")
    root = ElementTree.parse(target).getroot()
    assert root.tag.endswith("svg")
    assert [p.name for p in tmp_path.iterdir()] == ["joint.svg"]


def _node_xs(svg: bytes) -> dict[str, float]:
    """Each drawn node's x (its first text line) in Graphviz's SVG."""
    from argmap.export.html.layout import svg_tree

    xs: dict[str, float] = {}

    def walk(node: list[object]) -> None:
        attributes = node[1]
        assert isinstance(attributes, dict)
        if attributes.get("class") == "node" and "data-id" in attributes:
            for child in node[2:]:
                if isinstance(child, list) and child[0] == "text":
                    xs.setdefault(attributes["data-id"], float(child[1]["x"]))
        for child in node[2:]:
            if isinstance(child, list):
                walk(child)

    walk(svg_tree(svg))
    return xs


@pytest.mark.needs_dot
@pytest.mark.parametrize("which", ["rail", "showcase"])
def test_map_a_is_drawn_left_of_map_b(which: str, showcase: tuple[ArgumentMap, ArgumentMap, LinkSet]) -> None:
    a, b, links = showcase if which == "showcase" else (earlier(), later(), LINKS)
    xs = _node_xs(render_joint(joint_view(compare(a, b, links), a, b), "svg"))
    left = [x for n, x in xs.items() if n.startswith("a~")]
    right = [x for n, x in xs.items() if n.startswith("b~")]
    assert left and right and max(left) < min(right)


# Two maps per example make generation slow on a loaded machine; the property is what matters.
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(map_pairs.flatmap(lambda pair: st.tuples(st.just(pair), link_sets(*pair))))
def test_any_joint_view_is_consistent_and_valid(
    drawn: tuple[tuple[ArgumentMap, ArgumentMap], LinkSet],
) -> None:
    (a, b), links = drawn
    result = compare(a, b, links)
    view = joint_view(result, a, b)
    jsonschema.validate(view_to_json(view), view_schema())
    groups = {g.id: g for g in view.groups}
    nodes = {n.id for n in view.nodes}
    assert len(nodes) == len(view.nodes)  # each proposition drawn once, whatever its themes
    for node in view.nodes:
        group = groups[node.group or ""]
        assert node.id in group.members and group.parent == f"map:{node.id[0]}"
    # Exactly the linked pairs are drawn, each once, between drawn nodes of the right sides.
    pairs = {(i.a.id, i.b.id) for i in result.items if i.a is not None and i.b is not None}
    assert {(e.tail[2:], e.head[2:]) for e in view.edges} == pairs and len(view.edges) == len(pairs)
    assert all(
        e.tail in nodes and e.tail[0] == "a" and e.head in nodes and e.head[0] == "b" for e in view.edges
    )
    # The legend: exactly the relations drawn, and a fill row for every fill used.
    assert {e.key for e in view.legend if e.kind == "link" and e.key != "moved"} == {
        e.relation for e in view.edges
    }
    assert {e.fill for e in view.legend if e.kind == "pole"} >= {n.fill for n in view.nodes} - {"#FFFFFF"}
    assert joint_digraph(result, a, b).source.startswith("digraph argmap {")
