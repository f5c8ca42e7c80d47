"""The joint diagram: both maps side by side, aligned groups, one edge per link, styled by relation."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from argmap.comparison import compare
from argmap.comparison.diagram import RELATION_LOOK, joint_digraph, joint_dot, write_diagram
from argmap.errors import InputError

from .helpers import LINKS, earlier, later


def test_dot_has_both_sides_and_an_edge_per_link_in_its_relations_colour() -> None:
    dot = joint_dot(earlier(), later(), LINKS)
    assert "subgraph cluster_a {" in dot and "subgraph cluster_b {" in dot
    for a, b, relation in (("late", "punctual", "contradicts"), ("cheap", "dear", "updates")):
        colour, style, arrow = next(v for k, v in RELATION_LOOK.items() if k.value == relation)
        edge = next(line for line in dot.splitlines() if f'"a~{a}" -> "b~{b}"' in line)
        assert colour in edge and f"arrowhead={arrow}" in edge and f"style={style}" in edge
    assert "unsafe" not in dot  # not linked: counted in its group's title, not drawn
    assert "nothing linked: Safety (1)" in dot


def test_the_same_input_gives_the_same_dot() -> None:
    assert joint_dot(earlier(), later(), LINKS) == joint_dot(earlier(), later(), LINKS)


def test_user_text_is_escaped() -> None:
    import attrs

    a = earlier()
    tricky = [attrs.evolve(p, text='<b>&"x"') if p.id == "late" else p for p in a.propositions]
    dot = joint_digraph(compare(attrs.evolve(a, propositions=tricky), later(), LINKS), a, later()).source
    assert "&lt;b&gt;&amp;&quot;x&quot;" in dot


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
