"""Argdown import and export: the parser against Argdown itself (one Node process), errors, round trips."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from argmap.errors import ParseError
from argmap.formats import argdown, format_for, load
from argmap.model import ArgumentMap, AttackKind
from tests.strategies import argument_maps, drawn_maps

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
FIXTURES = sorted((HERE / "fixtures").glob("*.argdown"))
CORPUS = ROOT.parent / "shared" / "corpora" / "argdown"
CORPUS_FILES = sorted(CORPUS.glob("*.argdown"))
NODE_DIR = ROOT / "tests" / "node"
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason=f"Argdown corpus not found at {CORPUS}")
_node_missing = (
    "node is not installed"
    if shutil.which("node") is None
    else "Argdown is not installed in tests/node (run `make test`, which runs npm ci there)"
    if not (NODE_DIR / "node_modules" / "@argdown" / "core").is_dir()
    else None
)
needs_node = pytest.mark.skipif(_node_missing is not None, reason=_node_missing or "")

_TAG = re.compile(r"#(?:\([^)\n]+\)|[a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)")
_KIND = {"equivalence-class": "statement", "argument": "argument", "inference": "inference"}


def _norm(text: str | None) -> str | None:
    # argmap keeps tags apart from the text; whitespace runs count as one space.
    if text is None:
        return None
    return re.sub(r"\s+", " ", _TAG.sub("", text)).strip() or None


def _theirs(model: dict[str, Any]) -> dict[str, Any]:
    return {
        "statements": {
            k: sorted({t for x in v["texts"] if (t := _norm(x))}) for k, v in model["statements"].items()
        },
        "arguments": {
            k: (
                [t for x in v["descriptions"] if (t := _norm(x))],
                [(p["title"], p["role"], p["rules"]) for p in v["pcs"]],
            )
            for k, v in model["arguments"].items()
        },
        "relations": sorted(
            (_KIND[r["fromType"]], r["from"], _KIND[r["toType"]], r["to"], r["type"])
            for r in model["relations"]
        ),
        "tags": {
            **{f"[{k}]": sorted(v["tags"]) for k, v in model["statements"].items() if v["tags"]},
            **{f"<{k}>": sorted(v["tags"]) for k, v in model["arguments"].items() if v["tags"]},
        },
        "data": {
            **{f"[{k}]": v["data"] for k, v in model["statements"].items() if v["data"]},
            **{f"<{k}>": v["data"] for k, v in model["arguments"].items() if v["data"]},
        },
        "front matter": model["frontMatter"] or {},
        "sections": [tuple(x) for x in model["sections"]],
        "section of": {
            **{f"[{k}]": v["section"] for k, v in model["statements"].items()},
            **{f"<{k}>": v["section"] for k, v in model["arguments"].items()},
        },
    }


def _ours(doc: argdown.ArgdownDocument) -> dict[str, Any]:
    return {
        "statements": {k: sorted({t for x in v.texts if (t := _norm(x))}) for k, v in doc.statements.items()},
        "arguments": {
            k: ([t for x in v.descriptions if (t := _norm(x))], [(p.title, p.role, p.rules) for p in v.pcs])
            for k, v in doc.arguments.items()
        },
        "relations": sorted((*r.source, *r.target, r.kind) for r in doc.relations),
        "tags": {
            **{f"[{k}]": sorted(v.tags) for k, v in doc.statements.items() if v.tags},
            **{f"<{k}>": sorted(v.tags) for k, v in doc.arguments.items() if v.tags},
        },
        "data": {
            **{f"[{k}]": v.data for k, v in doc.statements.items() if v.data},
            **{f"<{k}>": v.data for k, v in doc.arguments.items() if v.data},
        },
        "front matter": doc.front_matter,
        "sections": doc.sections,
        "section of": {
            **{f"[{k}]": v.section for k, v in doc.statements.items()},
            **{f"<{k}>": v.section for k, v in doc.arguments.items()},
        },
    }


def _exports(tmp: Path) -> list[Path]:
    """argmap's Argdown for every corpus and fixture file read by argmap, and for the example map."""
    written = []
    for path in MAPS:
        out = tmp / f"export-{path.stem}.argdown"
        out.write_text(argdown.dumps(load(path)), encoding="utf-8")
        written.append(out)
    for path in [*CORPUS_FILES, *FIXTURES]:
        out = tmp / f"export-{path.name}"
        out.write_text(
            argdown.dumps(argdown.loads(path.read_text(encoding="utf-8"), str(path))), encoding="utf-8"
        )
        written.append(out)
    return written


@pytest.fixture(scope="module")
def argdown_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Argdown's own model of every file, from one Node process (Argdown's CLI takes a second a file)."""
    if _node_missing is not None:
        pytest.skip(_node_missing)
    exports = _exports(tmp_path_factory.mktemp("argdown-exports"))
    files = [str(p) for p in [*CORPUS_FILES, *FIXTURES, *exports]]
    done = subprocess.run(
        ["node", str(NODE_DIR / "argdown_model.mjs"), *files],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    models: dict[str, dict[str, Any]] = json.loads(done.stdout)
    return models


def _case_ids(path: Path) -> str:
    return path.name


@needs_node
@pytest.mark.parametrize("path", [*CORPUS_FILES, *FIXTURES], ids=_case_ids)
def test_parser_agrees_with_argdown(path: Path, argdown_models: dict[str, dict[str, Any]]) -> None:
    theirs = argdown_models[str(path)]
    assert theirs["errors"] == []
    ours = argdown.parse(path.read_text(encoding="utf-8"), str(path))
    assert _ours(ours) == _theirs(theirs)


@needs_node
@pytest.mark.parametrize("path", [*CORPUS_FILES, *FIXTURES], ids=_case_ids)
def test_export_parses_in_argdown_with_the_same_relations(
    path: Path, argdown_models: dict[str, dict[str, Any]]
) -> None:
    matches = [m for name, m in argdown_models.items() if name.endswith(f"export-{path.name}")]
    assert len(matches) == 1
    theirs = matches[0]
    assert theirs["errors"] == []
    exported = argdown.dumps(argdown.loads(path.read_text(encoding="utf-8"), str(path)))
    assert _ours(argdown.parse(exported)) == _theirs(theirs)


_SYMBOL = re.compile(r"^[ \t]*(\+>|->|_>|><|<\+|<-|<_|\+|-(?!-)|_)[ \t]", flags=re.MULTILINE)


@needs_node
def test_every_relation_symbol_is_covered(argdown_models: dict[str, dict[str, Any]]) -> None:
    """The fixtures use each of Argdown's ten relation symbols in loose and in strict mode, and give every
    relation kind Argdown's model has."""
    kinds = {r["type"] for p in FIXTURES for r in argdown_models[str(p)]["relations"]}
    assert kinds == {"support", "attack", "undercut", "contradictory", "entails", "contrary"}
    every = [p.read_text(encoding="utf-8") for p in FIXTURES]
    for strict in (False, True):
        texts = [text for text in every if ("mode: strict" in text) is strict]
        symbols = {m.group(1) for text in texts for m in _SYMBOL.finditer(text)}
        assert symbols == {"+", "-", "_", "><", "<+", "<-", "<_", "+>", "->", "_>"}, strict


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=_case_ids)
def test_corpus_file_round_trips(path: Path) -> None:
    amap = load(path)
    assert amap.propositions
    assert argdown.loads(argdown.dumps(amap), str(path)) == amap


@given(argument_maps())
def test_map_to_argdown_and_back_is_lossless(amap: ArgumentMap) -> None:
    assert argdown.loads(argdown.dumps(amap), amap.path) == amap


def test_constructs_become_the_right_map_elements() -> None:
    amap = load(HERE / "fixtures" / "constructs.argdown")
    idx = amap.index
    health = idx.inferences["Health-Argument"]
    assert (health.premises, health.conclusion, health.note) == (
        ("Harm", "Untitled-4"),
        "Tax",
        "Sugar harms health.",
    )
    first = idx.inferences["Health-Argument.1"]
    assert first.premises == ("Children", "Untitled-3") and first.label == "Modus ponens, generalisation"
    assert amap.proposition("Tax").tags == ("health", "public policy")
    assert amap.proposition("Tax").text == "Taxes on sugar should rise."
    assert amap.proposition("Children").contradicts == ("No-problem",)
    kinds = {(a.attacker, a.target): a.kind for a in amap.attacks}
    # An argument without a premise-conclusion structure has no inference to undercut: it is rebutted.
    assert kinds[("Elastic", "Regressive")] is AttackKind.REBUT
    assert kinds[("Free-market", "Health-Argument")] is AttackKind.UNDERCUT
    assert kinds[("Regressive", "Tax")] is AttackKind.REBUT
    assert [t.label for t in amap.themes] == ["Statements", "Arguments", "Lists"]


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("  + [A]: x\n", 1, 1, "a relation needs a statement or argument above it"),
        ("[A]: x {a: [1\n", 1, 8, "never closed"),
        ("[A]: x {a: b: c}\n", 1, 13, "not valid YAML"),
        ("===\ntitle: [\n===\n[A]: x\n", 3, 1, "front matter is not valid YAML"),
        ("===\ntitle: x\n", 1, 1, "front matter opened with '===' is never closed"),
        ("<A>\n\n(1) p\n--\nrule\n\n", 4, 1, "never closed with '--'"),
        ("<A>\n\n(1) p\n----\n", 4, 1, "followed by its conclusion"),
        ("<A>\n\n(1) p\n(2) q\n", 4, 1, "has no conclusion"),
        ("----\n(1) p\n", 1, 1, "needs premises above it"),
        ("[A]: x /* open\n", 1, 8, "comment '/*' is never closed"),
        ("[A]: x\n  + [B]: {role: nonsense}\n", 2, 5, "role"),
        # A problem in the front matter's argmap key is reported where it is.
        ("===\ntitle: T\nargmap:\n  question: Q\n  bogus: 1\n===\n\n[A]: x\n", 5, 3, "unknown key 'bogus'"),
        ("===\nargmap:\n  poles: [{id: p}]\n===\n\n[A]: x\n", 3, 11, "missing required key 'label'"),
        # A field of an inference is placed on the inference's line, not its conclusion's.
        ("<A>\n\n(1) [p]: p\n-- {hedge: [1]} --\n(2) [c]: c\n", 4, 1, "inferences[0].hedge"),
        # A character YAML refuses: PyYAML's message runs over two lines and counts from the data's start.
        ('[A]: x {a: "\x1b"}\n', 1, 13, "character U+001B is not allowed in YAML"),
        ("[A]: x\n\n[B]: y {a: 1,\n  b: '\x07'}\n", 4, 7, "character U+0007 is not allowed in YAML"),
        ("===\ntitle: \x07\n===\n[A]: x\n", 2, 8, "front matter is not valid YAML: character U+0007"),
    ],
)
def test_syntax_errors_carry_line_and_column(text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)) as info:
        argdown.loads(text, "bad.argdown")
    assert (info.value.file, info.value.line, info.value.column) == ("bad.argdown", line, column)
    assert "\n" not in str(info.value)  # one line, as every error argmap prints


def test_registered_by_suffix() -> None:
    assert format_for("map.argdown").name == "argdown"
    assert format_for("map.ad").name == "argdown"


def test_untitled_elements_are_numbered_like_argdown() -> None:
    doc = argdown.parse("First paragraph.\n\n<A>\n\n(1) premise\n----\n(2) conclusion\n")
    assert list(doc.statements) == ["Untitled 1", "Untitled 2", "Untitled 3"]
    assert [p.role for p in doc.arguments["A"].pcs] == ["premise", "main-conclusion"]


def test_a_thousand_statements_parse_in_linear_time() -> None:
    text = "\n\n".join(f"[s{k}]: Statement number {k}. #tag\n  + [t{k}]: Support {k}." for k in range(1000))
    amap = argdown.loads(text)
    assert len(amap.propositions) == 2000 and len(amap.inferences) == 1000


def test_the_guides_example_loads_as_the_map_it_describes() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("argdown_guide", ROOT / "docs" / "argdown_guide.py")
    assert spec is not None and spec.loader is not None
    guide = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guide)
    amap = argdown.loads(guide.EXAMPLE, "example.argdown")
    assert [p.thesis for p in amap.poles] == ["keep-remote", "back-to-office"]
    assert amap.proposition("juniors").hedge == "apparently"
    assert amap.proposition("back-to-office").contradicts == ("keep-remote",)
    assert (ROOT / "docs" / "argdown.md").read_text(encoding="utf-8").count(guide.EXAMPLE) == 1
    # The Blank map in Argdown (regenerated by make docs) loads; whether it is current is make docs' business.
    blank = load(ROOT / "docs" / "argdown" / "blank-2012-paradox.argdown")
    assert blank.title == load(ROOT / "maps" / "blank-2012-paradox.yaml").title


def test_the_readme_argdown_example_loads() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```argdown\n(.*?)```", readme, flags=re.DOTALL)
    assert block is not None
    amap = argdown.loads(block.group(1), "README.md")
    assert [p.id for p in amap.propositions] == ["keep-remote", "output-up", "juniors"]
    assert len(amap.inferences) == 1 and len(amap.attacks) == 1


@needs_node
def test_exports_of_drawn_maps_read_in_argdown_as_in_argmap(tmp_path: Path) -> None:
    """Argdown reads what argmap writes for 40 drawn maps without an error, and finds what argmap's parser
    finds: statements and texts, arguments, relations, tags, every field in the data, the front matter."""
    paths = []
    # Strings YAML 1.2 (Argdown's js-yaml) reads as numbers where YAML 1.1 (PyYAML) does not.
    numbers = [ArgumentMap(title) for title in ("1e100", "0o17", "-2E-5")]
    for k, amap in enumerate([*drawn_maps(40), *numbers]):
        path = tmp_path / f"drawn-{k}.argdown"
        path.write_text(argdown.dumps(amap), encoding="utf-8")
        paths.append(path)
    done = subprocess.run(
        ["node", str(NODE_DIR / "argdown_model.mjs"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=180,
    )
    models = json.loads(done.stdout)
    for path in paths:
        theirs = models[str(path)]
        assert theirs["errors"] == [], path.name
        assert _ours(argdown.parse(path.read_text(encoding="utf-8"))) == _theirs(theirs), path.name


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        # An escaped brace in a text opens no data, so the relation below still belongs to the statement.
        ("[a]: a \\{ brace\n  >< [b]: b\n", [("statement", "a", "statement", "b", "contradictory")]),
        # '--' inside inference data does not close the inference.
        ('<r>\n\n(1) [p]: p\n-- {"label": "a -- b"} --\n(2) [c]: c\n', []),
    ],
)
def test_escapes_and_data_do_not_end_elements_early(text: str, relations: list[tuple[str, ...]]) -> None:
    doc = argdown.parse(text)
    assert _ours(doc)["relations"] == relations
    amap = argdown.loads(text)
    assert amap.propositions
    assert all(i.label in (None, "a -- b") for i in amap.inferences)


@pytest.mark.parametrize("text", ["", " \t", "\x00\x01", "[x]: y", "a -- b {c}"])
def test_texts_argdown_cannot_show_survive_in_data(text: str) -> None:
    from argmap.model import Proposition

    amap = ArgumentMap("t", propositions=(Proposition("p", text),)) if text else ArgumentMap("t")
    assert argdown.loads(argdown.dumps(amap)) == amap


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_map_round_trips_through_argdown(path: Path) -> None:
    amap = load(path)
    assert argdown.loads(argdown.dumps(amap), str(path)) == amap


@needs_node
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_maps_argdown_parses_in_argdown_with_its_attacks(
    path: Path, argdown_models: dict[str, dict[str, Any]]
) -> None:
    (theirs,) = [m for name, m in argdown_models.items() if name.endswith(f"export-{path.stem}.argdown")]
    assert theirs["errors"] == []
    amap = load(path)
    ours = argdown.parse(argdown.dumps(amap))
    assert _ours(ours)["relations"] == _theirs(theirs)["relations"]
    attacks = [r for r in theirs["relations"] if r["type"] in ("attack", "undercut")]
    assert len(attacks) == len(amap.attacks)


# -- hostile input ------------------------------------------------------------------------------------

#: Lines that made a pattern rescan the rest of the line from every opener: each took minutes to hours.
_HOSTILE_LINES = {
    "open brackets": "[" * 200_000,
    "links whose URL never closes": "[x](" * 50_000,
    "links whose URL runs into the next": "[x](y " * 40_000,
    "mentions that never close": "@[" * 100_000,
    "argument mentions that never close": "@<" * 100_000,
    "long tags that never close": "#(" * 100_000,
    "bold that never closes": "**a " * 50_000,
    "italics that never close": "*a _b " * 40_000,
}
_HOSTILE_FILES = {
    # Each comment's line was counted from the start of the file.
    "200,000 comment lines": "[A]: x\n" + "// a comment\n" * 200_000,
    # Each attack on an argument scanned every relation (every attack and contradiction) of the file.
    "20,000 attacks on arguments": "\n\n".join(
        f"<a{k}>\n\n(1) [p{k}]: p\n----\n(2) [c{k}]: c\n  <- [s{k}]: s\n\n[s{k}]\n  -> <a{k}>"
        for k in range(20_000)
    ),
}
_PARSE_ALL = """
import sys
from tests.formats.argdown.test_argdown import _HOSTILE_FILES, _HOSTILE_LINES
from argmap.formats import argdown
for name, line in _HOSTILE_LINES.items():
    doc = argdown.parse("[A]: " + line + "\\n")
    print(name, len(doc.statements), flush=True)
for name, text in _HOSTILE_FILES.items():
    doc = argdown.parse(text)
    print(name, len(doc.statements), flush=True)
"""


def test_hostile_lines_and_files_are_read_in_one_pass() -> None:
    """Each input parses in a second or so; the timeout (generous for a loaded machine) catches a rescan."""
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _PARSE_ALL], capture_output=True, text=True, timeout=180, cwd=ROOT, check=True
    )
    counts = dict(line.rsplit(" ", 1) for line in done.stdout.splitlines())
    assert counts == {**dict.fromkeys(_HOSTILE_LINES, "1"), "200,000 comment lines": "1"} | {
        "20,000 attacks on arguments": "60000"
    }


def test_markup_is_removed_as_the_span_patterns_would() -> None:
    """Every string of up to six bold, italic, space, letter and escape marks: the linear pass gives what each
    span pattern's own substitution gives."""
    from argmap.formats.argdown._parse import _MARKUP, _unmark

    for length in range(1, 7):
        for chars in itertools.product("*_ a\x00", repeat=length):
            text = "".join(chars)
            expected = text
            for span, _opener, _closer in _MARKUP:
                expected = span.sub(r"\2", expected)
            assert _unmark(text) == expected, repr(text)


def test_an_undercut_of_a_statement_stays_on_the_statement() -> None:
    # Argdown 2.0.1 sends this undercut to the inference of <Arg>, the last argument reconstructed before it
    # (state left over from the structure above), though <Arg> does not hold [D]; argmap keeps what is said.
    text = "<Arg>\n\n(1) [A]: a\n----\n(2) [G]: g\n\n[D]: D holds.\n  _ <U>: An undercutter.\n"
    assert _ours(argdown.parse(text))["relations"] == [("argument", "U", "statement", "D", "undercut")]


AIF_CORPUS = sorted((ROOT.parent / "shared" / "corpora" / "aif").glob("*/*.json"))


@pytest.mark.skipif(not AIF_CORPUS, reason="the AIF corpora are not in ../shared/corpora/aif")
def test_every_aif_corpus_file_round_trips_through_argdown() -> None:
    """AraucariaDB and QT30 maps (dialogue layer, locutions, schemes) come back from Argdown unchanged."""
    for path in AIF_CORPUS:
        amap = load(path)
        assert argdown.loads(argdown.dumps(amap), str(path)) == amap, path.name
