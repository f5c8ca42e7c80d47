"""Tests of the DOT export: golden files, escaping and sanitising user text, the DOT always parses."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

from argmap import formats
from argmap.cli.app import app
from argmap.evaluation import evaluate
from argmap.export.dot import PLACEHOLDER, Overlay, RenderOptions, clean, digraph, to_digraph, to_dot
from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
    Theme,
)
from argmap.view import View, make_view, overlays
from argmap.view import palette as st
from argmap.view.presets import named_views
from argmap.view.select import ViewOptions
from tests.conftest import GOLDEN, MAPS, check_golden
from tests.strategies import argument_maps, hostile_maps

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
    """Poles are tints named in the legend (clusters in a view of chosen poles), themes and locators
    label nodes, undercuts hit the inference junction."""
    amap = formats.load(EXAMPLE)
    dot = to_dot(amap)
    assert "cluster_pole_0" not in dot and "Productivity gains" in dot.split("legend~", 1)[1]
    gains_fill, _ = st.pole_fill(0)
    assert re.search(rf'"gains-thesis" \[.*fillcolor="{gains_fill}"', dot)
    chosen = to_dot(amap, ViewOptions(poles=("gains", "losses")))
    assert "cluster_pole_0" in chosen and "<B>Productivity gains</B>" in chosen
    assert "<B>FOCUS TIME</B>" in dot and "<B>INFORMAL CONTACT</B>" in dot
    assert "interview 1 · A. Rivera (Platform" in dot
    assert "Question:" in dot
    # The undercut a-mix aims at the junction of i-output, not at the thesis it concludes. Its
    # attacker supports a claim of its own, so the line runs forward from it (arrowhead on the junction).
    assert re.search(
        r"\"ticket-mix\" -> \"i-output~inference\" \[.*arrowhead=tee.*dir=forward.*style=dotted", dot
    )
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
    both = ViewOptions(poles=("gains", "losses"))
    blocks = _node_blocks(to_dot(formats.load(MAPS / "example-remote-work.yaml"), both))
    assert blocks["i-shallow~inference"] == blocks["losses-thesis"] == ("cluster_pole_1",)
    assert blocks["i-verdict~inference"] == ()


def test_overlay_marks_nodes() -> None:
    """An overlay sets the fill colour and adds a badge to the named node only."""
    amap = formats.load(EXAMPLE)
    options = RenderOptions(format="dot", overlay={"verdict": Overlay(fill="#123456", badge="IN 0.73")})
    graph = to_digraph(amap, options)
    assert "#123456" in graph.source and "IN 0.73" in graph.source


# ------------------------------------------------------------------------------------------------
# Everything that checks clean renders: hostile text is sanitised once, here, and the DOT parses.
# ------------------------------------------------------------------------------------------------

#: The longest quoted or HTML string Graphviz's scanner accepts.
GRAPHVIZ_STRING_LIMIT = 16_384


def _dot_strings(dot: str) -> list[str]:
    """Every quoted string and HTML string in ``dot`` (HTML strings nest angle brackets)."""
    strings: list[str] = []
    i, n = 0, len(dot)
    while i < n:
        c = dot[i]
        if c == '"':
            j = i + 1
            while dot[j] != '"':
                j += 2 if dot[j] == "\\" else 1
            strings.append(dot[i + 1 : j])
            i = j + 1
        elif c == "<" and dot[i - 1] == "=":
            depth, j = 1, i + 1
            while depth:
                depth += {"<": 1, ">": -1}.get(dot[j], 0)
                j += 1
            strings.append(dot[i + 1 : j - 1])
            i = j
        else:
            i += 1
    return strings


def _graphviz(dot: str, fmt: str = "svg") -> str:
    result = subprocess.run(["dot", f"-T{fmt}"], input=dot.encode("utf-8"), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[:500]
    return result.stdout.decode("utf-8")


@pytest.mark.needs_dot
@settings(max_examples=25)
@given(hostile_maps())
def test_hostile_text_always_gives_dot_that_parses(amap: ArgumentMap) -> None:
    """Empty, blank, control, NUL, backslash-escape and over-long strings: Graphviz accepts our DOT."""
    dot = to_dot(amap)
    assert all(len(s.encode("utf-8")) < GRAPHVIZ_STRING_LIMIT for s in _dot_strings(dot))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", dot)
    ElementTree.fromstring(_graphviz(dot))  # the SVG is well-formed XML


HOSTILE = {
    "empty title": ArgumentMap("", propositions=[Proposition("a", "fine")]),
    "blank texts": ArgumentMap("t", propositions=[Proposition("a", ""), Proposition("b", "   ")]),
    "control chars": ArgumentMap("t\x1b[31m", propositions=[Proposition("a", "bell\x07 tab\t del\x7f")]),
    "nul": ArgumentMap("t", propositions=[Proposition("a", "before\x00after")]),
    "escapes": ArgumentMap("\\G\\N", propositions=[Proposition("a", "lit \\G\\N\\L\\E\\T\\H\\l\\n\\r end")]),
    "long quote": ArgumentMap(
        "t",
        sources=[Source("s", "S")],
        propositions=[Proposition("a", "q", citation=Citation("s", "p. 1", "word " * 4_000))],
    ),
    "long text": ArgumentMap("t", propositions=[Proposition("a", "y" * 20_000)]),
}


@pytest.mark.needs_dot
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_render_hostile_maps_through_the_cli(case: str, tmp_path: Path) -> None:
    """``argmap render`` of each map exits 0 and the SVG shows the literal (or visibly marked) text."""
    amap = HOSTILE[case]
    path = tmp_path / "map.json"
    formats.dump(amap, path)
    out = tmp_path / "map.svg"
    result = CliRunner().invoke(app, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    shown = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    titles = " ".join(
        a.get("{http://www.w3.org/1999/xlink}title", "") for a in root.iter("{http://www.w3.org/2000/svg}a")
    )
    if case == "empty title":
        assert "(untitled map)" in shown
    elif case == "blank texts":
        assert shown.count(PLACEHOLDER) == 2
    elif case == "control chars":
        assert "␛[31m" in shown and "bell␇" in shown and "␡" in shown
    elif case == "nul":
        assert "before␀after" in shown
    elif case == "escapes":
        assert "lit \\G\\N\\L\\E\\T\\H\\l\\n\\r end" in shown  # nothing expanded, nothing lost
        assert "\\G\\N" in shown
    elif case == "long quote":
        assert "“word word" in titles and "…" in titles  # the quote, cut to fit, in the tooltip
    else:
        assert "yyyy…" in shown and "y" * 10_000 in titles  # cut in the box, whole-ish in the tooltip


@pytest.mark.needs_dot
def test_huge_linked_inference_renders() -> None:
    """A linked inference whose junction tooltip would pass Graphviz's limit still renders."""
    props = [Proposition("c", "conclusion")]
    props += [Proposition(f"premise-number-{i:05d}", f"p{i}") for i in range(800)]
    amap = ArgumentMap("big", propositions=props, inferences=[Inference("i", [p.id for p in props[1:]], "c")])
    dot = to_dot(amap, ViewOptions(show_legend=False))
    assert all(len(s.encode("utf-8")) < GRAPHVIZ_STRING_LIMIT for s in _dot_strings(dot))
    _graphviz(dot)


def test_five_thousand_premises_build_within_limits() -> None:
    """5,000 premises: every DOT string within Graphviz's limit (rendering it takes dot ~25 s)."""
    props = [Proposition("c", "conclusion")] + [Proposition(f"p{i}", f"premise {i}") for i in range(5_000)]
    amap = ArgumentMap("big", propositions=props, inferences=[Inference("i", [p.id for p in props[1:]], "c")])
    dot = to_dot(amap, ViewOptions(show_legend=False))
    assert all(len(s.encode("utf-8")) < GRAPHVIZ_STRING_LIMIT for s in _dot_strings(dot))


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("a\x00b", "a␀b"),
        ("\x1b[0m", "␛[0m"),
        ("tab\there", "tab here"),
        ("crlf\r\nline", "crlf\nline"),
        ("del\x7f", "del␡"),
        ("c1\x85", "c1\ufffd"),
        ("lone\ud800", "lone\ufffd"),
        ("plain", "plain"),
    ],
)
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned
    assert clean("x" * 50, 10) == "x" * 9 + "…"


# ------------------------------------------------------------------------------------------------
# An honest legend: every mark drawn is explained, and nothing else is.
# ------------------------------------------------------------------------------------------------


def _attrs(line: str) -> dict[str, str]:
    """``key=value`` pairs of one DOT statement; values quoted, HTML (nested ``<>``) or bare."""
    if " [" not in line:
        return {}
    text = line.split(" [", 1)[1]
    out: dict[str, str] = {}
    i = 0
    while i < len(text):
        eq = text.find("=", i)
        if eq < 0:
            break
        key = text[i:eq].strip()
        j = eq + 1
        if text[j] == '"':
            k = j + 1
            while text[k] != '"':
                k += 2 if text[k] == "\\" else 1
            out[key], i = text[j + 1 : k], k + 1
        elif text[j] == "<":
            depth, k = 1, j + 1
            while depth:
                depth += {"<": 1, ">": -1}.get(text[k], 0)
                k += 1
            out[key], i = text[j + 1 : k - 1], k
        else:
            k = j
            while k < len(text) and text[k] not in " ]":
                k += 1
            out[key], i = text[j:k], k
        i += 1
    return out


#: A speech act after a speaker in a node's small-print footer ("Feng (CICIR) asserts").
_SPEECH = re.compile(r'POINT-SIZE="9"[^>]*>(?:[^<]|<BR[^>]*>)*\b(?:asserts|concedes|questions|denies)\b')


def drawn_marks(dot: str) -> set[tuple[str, ...]]:
    """The marks the DOT draws, read back from the DOT itself (not from the view)."""
    marks: set[tuple[str, ...]] = set()
    for line in dot.splitlines():
        text = line.strip()
        if not text.endswith("]") or text.startswith(("graph ", "node ", "edge ", "legend~", '"legend~')):
            continue
        attributes = _attrs(text)
        if f'COLOR="{st.HEDGE_FONT_COLOR}"><I>' in attributes.get("label", ""):
            marks.add(("hedge",))
        if " -> " in text.split(" [", 1)[0]:
            marks.add(("relation", attributes["color"], attributes["style"]))
            marker = re.search(r"[> ](\[\d+\])</FONT>", attributes.get("label", ""))
            if marker:
                marks.add(("note", marker.group(1)))
        elif attributes.get("shape") == "circle":
            marks.add(("junction", attributes["fillcolor"]))
        elif "dashed" in attributes.get("style", "") and attributes.get("color") == "#999999":
            marks.add(("context",))
        else:
            marks.add(("fill", attributes["fillcolor"], attributes["color"]))
        if "not shown" in attributes.get("label", ""):
            marks.add(("hidden",))
        if _SPEECH.search(attributes.get("label", "")):
            marks.add(("speech",))
    return marks


def legend_marks(view: View) -> set[tuple[str, ...]]:
    marks: set[tuple[str, ...]] = set()
    for entry in view.legend:
        if entry.kind == "relation":
            marks.add(("relation", entry.colour or "", entry.line or ""))
        elif entry.kind == "junction":
            marks.add(("junction", entry.colour or ""))
        elif entry.kind in ("context", "hidden", "hedge", "speech"):
            marks.add((entry.kind,))
        elif entry.kind == "note":
            marks.add(("note", entry.key))
        elif entry.kind == "role":
            marks.add(("fill", entry.fill or "", entry.colour or ""))
        elif entry.kind == "pole":
            marks.add(("pole", entry.fill or ""))
        else:
            marks.add(("overlay", entry.fill or ""))
    return marks


def _tinted(marks: set[tuple[str, ...]], tints: set[str]) -> set[tuple[str, ...]]:
    """A node filled with a pole's tint draws two marks: the pole (its fill) and its role (its border)."""
    out: set[tuple[str, ...]] = set()
    for mark in marks:
        if mark[0] == "fill" and mark[1] in tints:
            out |= {("pole", mark[1]), ("border", mark[2])}
        else:
            out.add(mark)
    return out


def _legend_cases() -> list[tuple[str, ArgumentMap, ViewOptions, dict[str, Overlay]]]:
    cases: list[tuple[str, ArgumentMap, ViewOptions, dict[str, Overlay]]] = []
    for name in ("example-remote-work", "blank-2012-paradox", "beijing-2008-cable"):
        amap = formats.load(MAPS / f"{name}.yaml")
        by_label = overlays(evaluate(amap, "grounded"), "label")
        for preset in named_views(amap):
            cases.append((f"{name}/{preset.name}", amap, preset.options, {}))
        cases.append((f"{name}/overview/label", amap, named_views(amap)[0].options, by_label))
    return cases


LEGEND_CASES = _legend_cases()


@pytest.mark.parametrize(
    ("name", "amap", "options", "marks"), LEGEND_CASES, ids=[case[0] for case in LEGEND_CASES]
)
def test_legend_explains_every_drawn_mark_and_nothing_else(
    name: str, amap: ArgumentMap, options: ViewOptions, marks: dict[str, Overlay]
) -> None:
    view = make_view(amap, options, marks)
    drawn = drawn_marks(digraph(view).source)
    explained = legend_marks(view)
    overlay_fills = {("overlay", fill) for (_, fill) in {("", n.fill) for n in view.nodes if n.overlay}}
    if marks:
        # With an overlay a node's fill is the overlay's; the role is still told by its border and shape.
        drawn = {m for m in drawn if m[0] != "fill"} | overlay_fills
        explained = {m for m in explained if m[0] != "fill"}
    tints = {m[1] for m in explained if m[0] == "pole"}
    if tints:
        # Poles drawn as tints: a tinted node's role is told by its border (and shape), the role's
        # legend sample shows its own fill where some node of the role is drawn in it, else white.
        drawn = _tinted(drawn, tints)
        borders = {("border", m[2]) for m in explained if m[0] == "fill"}
        assert {m for m in drawn if m[0] == "border"} <= borders, name
        drawn = {m for m in drawn if m[0] != "border"}
        unmatched = {m for m in explained if m[0] == "fill"} - drawn
        assert all(
            m[1] == "#FFFFFF" and ("border", m[2]) in _tinted(drawn_marks(digraph(view).source), tints)
            for m in unmatched
        ), name
        explained -= unmatched
    assert drawn == explained, name


def _layout_map() -> ArgumentMap:
    """Pole a: A <- a1 <- e1; pole b: B <- b1; b1 (a premise of its own) and the lone attacker z
    attack a1, b1 qualifies the thesis A; an explanation x rests on a1 and b1."""
    return ArgumentMap(
        "layout",
        poles=[Pole("a", "Side A", "A"), Pole("b", "Side B", "B")],
        themes=[Theme("long", "A theme whose label is much longer than any line of body text")],
        propositions=[
            Proposition("A", "Thesis A.", Role.THESIS, pole="a"),
            Proposition("a1", "Claim a1.", pole="a", theme="long", hedge="apparently"),
            Proposition("e1", "Fact e1.", Role.EVIDENCE, pole="a"),
            Proposition("B", "Thesis B.", Role.THESIS, pole="b"),
            Proposition("b1", "Claim b1.", pole="b"),
            Proposition("z", "A lone objection.", pole="b"),
            Proposition("x", "Both hold.", Role.EXPLANATION),
        ],
        inferences=[
            Inference("i-a1", ["a1"], "A"),
            Inference("i-e1", ["e1"], "a1"),
            Inference("i-b1", ["b1"], "B"),
            Inference("i-x", ["a1", "b1"], "x"),
        ],
        attacks=[
            Attack("c-b1", "b1", "a1", kind=AttackKind.CONCEDE),
            Attack("r-z", "z", "a1"),
            Attack("q-b1", "b1", "A", kind=AttackKind.QUALIFY),
        ],
    )


def test_an_attack_from_a_placed_attacker_runs_forward() -> None:
    """A lone attacker hangs beyond its target (drawn target -> attacker, arrow back); an attacker
    with a place of its own in the argument keeps it, and its attack runs forward to the target."""
    dot = to_dot(_layout_map(), ViewOptions(show_legend=False))
    assert re.search(r'^\t"?a1"? -> "?z"? \[.*arrowtail=tee.*dir=back', dot, flags=re.MULTILINE)
    assert re.search(r'^\t"?b1"? -> "?a1"? \[.*arrowhead=odot.*dir=forward', dot, flags=re.MULTILINE)
    assert not re.search(r'^\t"?a1"? -> "?b1"? ', dot, flags=re.MULTILINE)
    # On a thesis (explanation, verdict) the attack hangs below all the same: the skeleton keeps the top.
    assert re.search(r'^\t"?A"? -> "?b1"? \[.*arrowtail=odiamond.*dir=back', dot, flags=re.MULTILINE)


def test_theses_and_explanations_share_a_rank() -> None:
    """Left to right, the theses and explanations form one column under the verdict (rank=same);
    not top to bottom (the spread costs no width there) and not in a pole view."""
    amap = _layout_map()
    dot = to_dot(amap, ViewOptions(show_legend=False, direction="LR"))
    row = re.search(r"\{\s*rank=same\s+(.*?)\}", dot, flags=re.DOTALL)
    assert row is not None and set(re.findall(r'"?([\w-]+)"?', row.group(1))) == {"A", "B", "x"}
    assert "rank=same" not in to_dot(amap, ViewOptions(show_legend=False))
    assert "rank=same" not in to_dot(amap, ViewOptions(poles=("a",), show_skeleton=False, direction="LR"))


def test_header_parts_wrap_to_the_body_width() -> None:
    """A header longer than the body is broken between its parts, so it never widens the box."""
    view = make_view(_layout_map(), ViewOptions(show_legend=False))
    node = view.node("a1")
    assert [part.kind for part in node.header] == ["theme", "hedge"]
    dot = digraph(view).source
    label = next(
        line
        for line in dot.splitlines()
        if line.strip().startswith('"a1" [') or line.strip().startswith("a1 [")
    )
    header = label.split("</TD></TR>", 1)[0]
    assert "A THEME WHOSE LABEL" in header and '<BR ALIGN="LEFT"/>' in header and "apparently" in header


def test_a_tinted_pole_is_named_and_linked_in_the_legend() -> None:
    """Where poles are tints, the legend has a row per pole, and that row links like a pole box."""
    amap = _layout_map()
    view = make_view(amap, ViewOptions())
    dot = digraph(view, {"pole:b": "m-pole-b.svg"}).source
    legend = dot.split("legend~", 1)[1]
    assert "Side A" in legend and "Side B" in legend
    assert legend.count('HREF="m-pole-b.svg"') == 2  # the sample and the label cell
    assert "cluster_pole" not in dot
