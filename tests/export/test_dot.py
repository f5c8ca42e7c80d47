"""Tests of diagram building (DOT, no binary needed) and of rendering images through Graphviz."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given

from argmap import formats
from argmap.errors import InputError, RenderError
from argmap.export.dot import (
    Overlay,
    RenderOptions,
    format_from_path,
    render_bytes,
    render_file,
    to_digraph,
    to_dot,
)
from argmap.model.core import ArgumentMap, Citation, Proposition, Speaker
from argmap.view.select import ViewOptions
from tests.conftest import GOLDEN, MAPS, check_golden
from tests.strategies import argument_maps

EXAMPLE = MAPS / "example-remote-work.yaml"

GOLDEN_CASES = {
    "example-full": ViewOptions(),
    "example-lr-no-evidence": ViewOptions(direction="LR", show_evidence=False),
    "example-one-pole": ViewOptions(poles=("losses",), show_legend=False),
    "example-one-theme": ViewOptions(themes=("focus",), show_locators=False),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_dot(name: str, update_golden: bool) -> None:
    """The DOT of the example map under each option set matches its golden file."""
    dot = to_dot(formats.load(EXAMPLE), GOLDEN_CASES[name])
    check_golden(GOLDEN / f"{name}.dot", dot, update_golden)


def test_dot_is_deterministic() -> None:
    """Building the same diagram twice gives identical DOT."""
    amap = formats.load(EXAMPLE)
    assert to_dot(amap) == to_dot(formats.load(EXAMPLE))


def node_names(dot: str) -> set[str]:
    return set(re.findall(r'^\s*"?([^"\s\[]+)"? \[', dot, flags=re.MULTILINE))


def test_selection_options() -> None:
    """Hiding evidence, picking a pole and picking a theme drop exactly the expected nodes."""
    amap = formats.load(EXAMPLE)
    full = node_names(to_dot(amap, ViewOptions(show_legend=False)))
    assert {"output-up", "ticket-mix", "gains-thesis", "verdict"} <= full
    no_evidence = node_names(to_dot(amap, ViewOptions(show_evidence=False, show_legend=False)))
    assert "output-up" not in no_evidence and "fewer-interruptions" in no_evidence
    one_pole = node_names(to_dot(amap, ViewOptions(poles=("losses",), show_legend=False, context=False)))
    assert "gains-thesis" not in one_pole and "losses-thesis" in one_pole and "async-habits" not in one_pole
    one_theme = node_names(to_dot(amap, ViewOptions(themes=("contact",), show_legend=False)))
    assert "fewer-chance-meetings" in one_theme and "async-habits" in one_theme
    assert "shallow-focus" not in one_theme and "gains-thesis" in one_theme


def test_what_a_reader_needs_is_in_the_dot() -> None:
    """Poles are clusters, themes and locators label nodes, undercuts hit the inference junction."""
    dot = to_dot(formats.load(EXAMPLE))
    assert "cluster_pole_0" in dot and "<B>Productivity gains</B>" in dot
    assert "<B>FOCUS TIME</B>" in dot and "<B>INFORMAL CONTACT</B>" in dot
    assert "interview 1 · A. Rivera (Platform" in dot
    assert "Question:" in dot
    # The undercut a-mix aims at the junction of i-output, not at the thesis it concludes.
    assert re.search(r'"i-output~inference" -> "ticket-mix" \[[^\]]*style=dotted', dot)
    # Linked premises meet in one junction.
    assert '"losses-thesis" -> "i-shallow~inference"' in dot
    assert '"i-shallow~inference" -> "shallow-focus"' in dot
    assert "cluster_legend" in dot


@pytest.mark.parametrize(
    "text",
    [
        'He said "no" & left',
        "<b>not bold</b>",
        "back\\slash \\n \\l",
        "a\nb",
        "{record|shape}",
        "中文 naïve ✓",
    ],
)
def test_user_text_is_escaped(text: str) -> None:
    """Text with quotes, angle brackets, backslashes and newlines cannot break out of a label."""
    amap = ArgumentMap(
        text,
        question=text,
        propositions=[
            Proposition(
                "a",
                text,
                citation=Citation("s", text, text),
                speaker=Speaker(text),
                note=text,
            )
        ],
    )
    dot = to_dot(amap)
    labels = re.findall(r"label=<(.*?)>\s", dot)
    assert all("<b>" not in label for label in labels)  # user markup is escaped in HTML labels
    if "<b>" in text:
        assert "&lt;b&gt;not bold&lt;/b&gt;" in dot
    if "\\" in text:
        assert "\\\\slash" in dot  # tooltips double the backslash so \n stays literal
    if shutil.which("dot"):
        # Graphviz itself must accept the DOT: nothing the user wrote broke out of a label.
        result = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True, check=False)
        assert result.returncode == 0, result.stderr.decode()


@given(argument_maps())
def test_any_valid_map_builds_a_digraph(amap: ArgumentMap) -> None:
    """Every generated map becomes a Digraph mentioning each proposition exactly once as a node."""
    dot = to_dot(amap, ViewOptions(show_legend=False, show_question=False))
    for prop in amap.propositions:
        assert dot.count(f"\t{_quoted(prop.id)} [") == 1, prop.id


def _quoted(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) else f'"{name}"'


def _node_blocks(dot: str) -> dict[str, tuple[str, ...]]:
    """Each declared node's enclosing subgraphs, outermost first (DOT as graphviz writes it)."""
    stack: list[str] = []
    blocks: dict[str, tuple[str, ...]] = {}
    for line in dot.splitlines():
        text = line.strip()
        if text.startswith("subgraph "):
            stack.append(text.split()[1])
        elif text == "}":
            if stack:
                stack.pop()
        elif " [" in text and " -> " not in text.split(" [", 1)[0]:
            blocks[text.split(" [", 1)[0].strip('"')] = tuple(stack)
    return blocks


@given(argument_maps())
def test_junctions_sit_in_their_conclusions_box(amap: ArgumentMap) -> None:
    """A linked inference's junction is declared once, inside the same pole/theme box as its conclusion."""
    dot = to_dot(amap, ViewOptions(show_legend=False, show_question=False, group_themes=True))
    blocks = _node_blocks(dot)
    for inf in amap.inferences:
        junction = f"{inf.id}~inference"
        if junction in blocks and inf.conclusion in blocks:
            assert dot.count(f"\t{_quoted(junction)} [") == 1
            assert blocks[junction] == blocks[inf.conclusion], inf.id


def test_example_junction_is_inside_its_pole() -> None:
    """In the example map the linked inference into a pole's thesis is drawn inside that pole's box."""
    blocks = _node_blocks(to_dot(formats.load(MAPS / "example-remote-work.yaml")))
    assert blocks["i-shallow~inference"] == blocks["losses-thesis"] == ("cluster_pole_1",)
    assert blocks["i-verdict~inference"] == ()


def test_overlay_marks_nodes() -> None:
    """An overlay sets the fill colour and adds a badge to the named node only."""
    amap = formats.load(EXAMPLE)
    options = RenderOptions(format="dot", overlay={"verdict": Overlay(fill="#123456", badge="IN 0.73")})
    graph = to_digraph(amap, options)
    assert "#123456" in graph.source and "IN 0.73" in graph.source


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
    ("name", "fmt"), [("a.svg", "svg"), ("a.PNG", "png"), ("a.pdf", "pdf"), ("a.gv", "dot")]
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
