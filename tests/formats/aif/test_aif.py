"""AIF import and export: a fixture per defect, the corpora against an independent tally, round trips."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from argmap.errors import InputError, ParseError, Severity
from argmap.formats import FORMATS, aif, load, loads
from argmap.model import ArgumentMap, AttackKind, Speaker, SpeechAct
from tests.strategies import argument_maps
from tests.test_startup import loaded_after

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[3]
CORPORA = ROOT.parent / "shared" / "corpora" / "aif"
CORPUS_FILES = sorted(CORPORA.glob("*/*.json"))
needs_corpora = pytest.mark.skipif(not CORPUS_FILES, reason=f"AIF corpora not found at {CORPORA}")


def _read(name: str) -> aif.AifImport:
    path = FIXTURES / name
    return aif.read(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize(
    ("name", "codes", "propositions", "inferences", "attacks"),
    [
        ("ra-without-conclusion.json", ["AIF110"], 1, 0, 0),
        ("ra-without-premise.json", ["AIF111"], 1, 0, 0),
        ("self-loop.json", ["AIF105"], 2, 1, 0),
        ("isolated-nodes.json", ["AIF150", "AIF151"], 2, 0, 0),
        ("ya-missing-end.json", ["AIF141"], 1, 0, 0),
        ("i-to-i.json", ["AIF106"], 2, 0, 0),
        ("ova3-integer-ids.json", [], 2, 1, 0),
        (
            "dialogue-and-attacks.json",
            ["AIF142", "AIF121", "AIF140"],
            8,
            2,
            2,
        ),
    ],
)
def test_fixture_defects_are_reported_with_file_and_node(
    name: str, codes: list[str], propositions: int, inferences: int, attacks: int
) -> None:
    result = _read(name)
    assert [d.code for d in result.diagnostics] == codes
    for diag in result.diagnostics:
        assert diag.location is not None and diag.location.file == str(FIXTURES / name)
        assert diag.ids, diag
        assert diag.ids[0] in diag.message
        assert diag.severity is aif.CODES[diag.code][0]
    assert (len(result.map.propositions), len(result.map.inferences), len(result.map.attacks)) == (
        propositions,
        inferences,
        attacks,
    )


def test_diagnostics_name_the_line_of_the_node() -> None:
    result = _read("ra-without-conclusion.json")
    assert result.diagnostics[0].location is not None
    assert result.diagnostics[0].location.line == 3


@pytest.mark.parametrize("as_bytes", [False, True])
def test_an_edges_problem_names_the_line_of_the_edge(as_bytes: bool) -> None:
    text = "\n".join(
        [
            '{"nodes": [{"nodeID": "1", "text": "A", "type": "I"},',
            '           {"nodeID": "2", "text": "B", "type": "I"}],',
            ' "edges": [{"edgeID": "7", "fromID": "1", "toID": "9"},',
            '           {"edgeID": 8, "fromID": "2", "toID": "2"},',
            '           {"fromID": "1", "toID": "1"}]}',
        ]
    )
    result = aif.read(text.encode() if as_bytes else text, "remote.json")
    found = [(d.code, d.location.line if d.location else None) for d in result.diagnostics]
    # The edge missing a node, the loop with a numeric id; a loop without an id falls back to its node.
    assert found[:3] == [("AIF104", 3), ("AIF105", 4), ("AIF105", 1)]
    assert str(result.diagnostics[0]).startswith("remote.json:3:1: AIF104 edge 7 names node 9")


def test_ova3_is_detected_by_content_and_integer_ids_become_strings() -> None:
    result = _read("ova3-integer-ids.json")
    assert result.flavour == "ova3"
    (inf,) = result.map.inferences
    assert (inf.id, inf.premises, inf.conclusion, inf.label) == ("3", ("2",), "1", None)


def test_dialogue_layer_becomes_reported_speech() -> None:
    amap = _read("dialogue-and-attacks.json").map
    (said,) = amap.attributions
    assert (said.id, said.speaker.name, said.proposition, said.act) == (
        "20",
        "Andy Burnham",
        "1",
        SpeechAct.ASSERTS,
    )
    assert said.citation is not None
    assert (said.citation.locator, said.citation.quote) == (
        "locution 20 (Asserting)",
        "schools should reopen",
    )
    host = amap.proposition("22")  # reports nothing: kept as a locution of its own
    assert aif.LOCUTION_TAG in host.tags
    assert host.speaker is not None and host.speaker.name == "Fiona Bruce"
    assert sorted(s.name for s in amap.sources[0].speakers) == ["Andy Burnham", "Fiona Bruce"]


def test_rephrases_and_preferences() -> None:
    amap = _read("dialogue-and-attacks.json").map
    assert amap.proposition("12").rephrases == ("1",)
    assert [(p.id, p.preferred, p.over) for p in amap.preferences] == [("13", "4", "25")]


@pytest.mark.parametrize(
    ("illocution", "act"),
    [
        ("Asserting", SpeechAct.ASSERTS),
        ("Restating", SpeechAct.ASSERTS),
        ("Conceding", SpeechAct.CONCEDES),
        ("Agreeing", SpeechAct.CONCEDES),
        ("Pure Questioning", SpeechAct.QUESTIONS),
        ("Challenging", SpeechAct.QUESTIONS),
        ("Disagreeing", SpeechAct.DENIES),
    ],
)
def test_illocutions_become_speech_acts(illocution: str, act: SpeechAct) -> None:
    data = {
        "nodes": [
            {"nodeID": "1", "text": "p", "type": "I"},
            {"nodeID": "2", "text": "Ann : p", "type": "L"},
            {"nodeID": "3", "text": illocution, "type": "YA"},
        ],
        "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
    }
    amap = aif.read(json.dumps(data)).map
    assert amap.attributions[0].act is act
    assert aif.read(aif.dumps(amap)).map == amap


def test_schemes_linked_premises_rebuttals_and_undercuts() -> None:
    amap = _read("dialogue-and-attacks.json").map
    linked = amap.index.inferences["4"]
    assert (linked.premises, linked.conclusion, linked.label) == (
        ("2", "3"),
        "1",
        "Argument From Consequences",
    )
    kinds = {a.id: (a.attacker, a.target, a.kind) for a in amap.attacks}
    assert kinds == {"6": ("5", "1", AttackKind.REBUT), "8": ("7", "4", AttackKind.UNDERCUT)}


@pytest.mark.parametrize(
    ("value", "read_as"),
    [
        # orjson reads integers beyond 64 bits as floats; the standard library keeps them whole.
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("18446744073709551616", "18446744073709551616"),
        ("-9223372036854775809", "-9223372036854775809"),
        ("18446744073709551615", "18446744073709551615"),
        ("1.5", "1.5"),
        # What the standard library accepts and orjson refuses.
        ("NaN", "nan"),
        ("1e400", "inf"),
        ('"\\ud800"', "\ud800"),
    ],
)
def test_numbers_and_strings_read_as_the_standard_library_reads_them(value: str, read_as: str) -> None:
    text = f'{{"nodes": [{{"nodeID": {value}, "type": "I", "text": {value}}}], "edges": []}}'
    assert json.loads(text)["nodes"][0]["text"] is not None
    (prop,) = aif.read(text).map.propositions
    assert prop.text == read_as == str(json.loads(text)["nodes"][0]["text"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"nodes": [', "not valid JSON"),
        ("[1, 2]", "not an AIF file"),
        ('{"nodes": {}}', "not an AIF file"),
        ('{"nodes": [], "edges": 3}', "'edges' is not a list"),
    ],
)
def test_text_that_is_not_aif_is_a_parse_error(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        aif.read(text, "bad.json")
    assert info.value.file == "bad.json" and info.value.line is not None


def _outcome(read: Any) -> Any:
    """What a reading gives: the map, problems, counts, flavour and diagnostics in full, or its error."""
    try:
        result = read()
    except (ParseError, InputError) as exc:
        return type(exc).__name__, str(exc)
    return result.map, result.problems, result.counts, result.flavour, result.diagnostics


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.json")))
def test_bytes_text_and_file_read_alike(name: str) -> None:
    path = FIXTURES / name
    raw = path.read_bytes()
    want = _outcome(lambda: aif.read(raw.decode("utf-8"), str(path)))
    assert _outcome(lambda: aif.read(raw, str(path))) == want
    assert _outcome(lambda: aif.read_file(path)) == want


@pytest.mark.parametrize(
    "raw",
    [
        # Each of these sends the bytes to the standard library's parse (orjson refuses them).
        b'{"nodes": [{"nodeID": "1", "type": "I", "text": NaN}], "edges": []}',
        b'{"nodes": [{"nodeID": "1", "type": "I", "text": "\\ud800"}], "edges": []}',
        b'{"nodes": [{"nodeID": 18446744073709551616, "type": "I", "text": "big"}], "edges": []}',
        b'{"nodes": [',
        b'\xef\xbb\xbf{"nodes": [], "edges": []}',
        b"[1, 2]",
    ],
)
def test_bytes_read_as_their_text_reads(raw: bytes) -> None:
    assert _outcome(lambda: aif.read(raw, "x.json")) == _outcome(lambda: aif.read(raw.decode(), "x.json"))


def test_bytes_that_are_not_utf8_are_an_input_error() -> None:
    with pytest.raises(InputError, match=r"bad\.json: F004 not UTF-8 text \(byte 30"):
        aif.read(b'{"nodes": [{"nodeID": "1", "te\xffxt": "x", "type": "I"}], "edges": []}', "bad.json")


@pytest.mark.parametrize(
    ("text", "is_aif"),
    [('{"nodes": []}', True), (' \n{ "AIF": {}}', True), ('{"title": "m"}', False), ("[]", False)],
)
def test_sniff_reads_text_and_bytes_alike(text: str, is_aif: bool) -> None:
    assert aif.sniff(text) is aif.sniff(text.encode()) is is_aif


@pytest.mark.parametrize(
    "node",
    [
        {"text": "no id", "type": "I"},
        {"nodeID": "1", "type": 5},
        "not an object",
        {"nodeID": "1", "type": "XX", "text": "unknown"},
    ],
)
def test_malformed_nodes_are_reported_not_raised(node: Any) -> None:
    result = aif.read(json.dumps({"nodes": [node], "edges": [{"edgeID": "1", "fromID": "1", "toID": "9"}]}))
    assert {d.code for d in result.diagnostics} <= {"AIF101", "AIF103", "AIF104"}
    assert result.diagnostics


def test_invalid_ids_are_rewritten_and_reported() -> None:
    data = {
        "nodes": [
            {"nodeID": "a b", "text": "A", "type": "I"},
            {"nodeID": "-x", "text": "B", "type": "I"},
            {"nodeID": "r", "text": "RA", "type": "RA"},
        ],
        "edges": [{"fromID": "a b", "toID": "r"}, {"fromID": "r", "toID": "-x"}],
    }
    result = aif.read(json.dumps(data))
    assert [d.code for d in result.diagnostics] == ["AIF160", "AIF160"]
    assert result.map.inferences[0].premises == ("a_b",) and result.map.inferences[0].conclusion == "n-x"


def test_rewritten_ids_avoid_the_ids_kept_and_reach_locutions() -> None:
    data = {
        "nodes": [
            {"nodeID": "a b", "text": "A", "type": "I"},
            {"nodeID": "a_b", "text": "B", "type": "I"},
            {"nodeID": "l 1", "text": "Ann : hello", "type": "L"},
        ],
        "edges": [],
    }
    result = aif.read(json.dumps(data))
    assert [(p.id, p.text) for p in result.map.propositions] == [
        ("a_b.2", "A"),
        ("a_b", "B"),
        ("l_1", "hello"),
    ]
    assert result.map.propositions[2].speaker == Speaker("Ann")
    assert [code for code, _, _ in result.problems] == ["AIF160", "AIF160", "AIF150", "AIF150", "AIF151"]


def test_registry_tells_aif_from_argmap_json_by_content(tmp_path: Path) -> None:
    amap = load(FIXTURES / "dialogue-and-attacks.json")
    assert len(amap.propositions) == 8
    assert FORMATS["aif"].dumps(amap) == aif.dumps(amap)
    plain = tmp_path / "map.json"
    plain.write_text(FORMATS["json"].dumps(amap), encoding="utf-8")
    assert load(plain) == amap


# -- the shared corpora against an independent tally -----------------------------------------------


def _tally(data: dict[str, Any]) -> Counter[str]:
    """What a faithful reader must produce, counted straight from the JSON without argmap's code."""
    kinds = {str(n["nodeID"]): n["type"] for n in data["nodes"]}
    ins: dict[str, list[str]] = {}
    outs: dict[str, list[str]] = {}
    touched: set[str] = set()
    for e in data["edges"]:
        a, b = str(e["fromID"]), str(e["toID"])
        touched.update((a, b))
        outs.setdefault(a, []).append(b)
        ins.setdefault(b, []).append(a)
    tally: Counter[str] = Counter()
    folded = {
        src
        for ya, kind in kinds.items()
        if kind == "YA"
        for src in ins.get(ya, [])
        if kinds[src] == "L" and any(kinds[t] == "I" for t in outs.get(ya, []))
    }
    for ya, kind in kinds.items():
        if kind == "YA":
            ls = [x for x in ins.get(ya, []) if kinds[x] == "L"]
            targets = [x for x in outs.get(ya, []) if kinds[x] == "I"]
            if ls and targets:
                tally["attributions"] += (
                    len(ls) * len(targets) if min(len(ls), len(targets)) == 1 else min(len(ls), len(targets))
                )
    tally["propositions"] = sum(k == "I" for k in kinds.values()) + sum(
        1 for n, k in kinds.items() if k == "L" and n not in folded
    )
    for node, kind in kinds.items():
        premises = [p for p in ins.get(node, []) if kinds[p] == "I"]
        targets = [t for t in outs.get(node, []) if kinds[t] in ("I", "RA")]
        if kind == "RA" and premises and any(kinds[t] == "I" for t in outs.get(node, [])):
            tally["inferences"] += 1
        if kind == "CA" and premises:
            tally["attacks"] += len(premises) * len(targets)
        if kind == "TA":
            tally["AIF140"] += 1
        if kind in ("I", "L") and node not in touched:
            tally["AIF150" if kind == "I" else "AIF151"] += 1
    return tally


@needs_corpora
def test_every_corpus_file_loads_and_matches_an_independent_tally() -> None:
    assert len(CORPUS_FILES) == 661 + 78
    got: Counter[str] = Counter()
    want: Counter[str] = Counter()
    for path in CORPUS_FILES:
        text = path.read_text(encoding="utf-8")
        result = aif.read(text, str(path))
        got.update(
            propositions=len(result.map.propositions),
            inferences=len(result.map.inferences),
            attacks=len(result.map.attacks),
            attributions=len(result.map.attributions),
        )
        got.update(d.code for d in result.diagnostics)
        want.update(_tally(json.loads(text)))
        for diag in result.diagnostics:
            assert diag.location is not None and diag.location.file == str(path)
    assert got == want
    # The sample's known shape: AraucariaDB is clean; QT30's test split keeps only I, L and TA nodes.
    assert set(got) - {"propositions", "inferences", "attacks", "attributions"} == {
        "AIF140",
        "AIF150",
        "AIF151",
    }


def _without_dialogue(amap: ArgumentMap) -> ArgumentMap:
    return attrs.evolve(
        amap,
        sources=(),
        attributions=(),
        propositions=tuple(
            attrs.evolve(p, speaker=None, citation=None)
            for p in amap.propositions
            if aif.LOCUTION_TAG not in p.tags
        ),
    )


def _unlabelled(amap: ArgumentMap) -> ArgumentMap:
    return attrs.evolve(
        amap,
        inferences=tuple(attrs.evolve(i, label=None) for i in amap.inferences),
        attacks=tuple(attrs.evolve(a, label=None) for a in amap.attacks),
    )


@needs_corpora
def test_every_corpus_file_round_trips_through_argmap() -> None:
    for path in CORPUS_FILES:
        first = aif.read(path.read_text(encoding="utf-8"), str(path))
        again = aif.read(aif.dumps(first.map), str(path))
        assert again.map == first.map, path
        # What was reported the first time is not in the map, so it is not written or reported again.
        assert {code for code, _, _ in again.problems} <= {"AIF150", "AIF151"}, path


@needs_corpora
@pytest.mark.parametrize("path", CORPUS_FILES[:661:40], ids=lambda p: p.name)
def test_round_trip_through_arguebuf_keeps_node_and_edge_counts(path: Path) -> None:
    arguebuf = pytest.importorskip("arguebuf")
    amap = aif.read(path.read_text(encoding="utf-8"), str(path)).map
    ours = aif.to_aif(amap)
    theirs = arguebuf.dump.aif(arguebuf.load.aif(ours))
    # arguebuf keeps the argument layer only (I, RA, CA, ...): compare that layer's nodes and edges.
    layer = {n["nodeID"] for n in ours["nodes"] if n["type"] not in ("L", "YA", "TA")}
    layer_edges = [e for e in ours["edges"] if e["fromID"] in layer and e["toID"] in layer]
    assert (len(theirs["nodes"]), len(theirs["edges"])) == (len(layer), len(layer_edges))
    back = aif.read_data(theirs, str(path)).map
    # arguebuf also forgets scheme names outside its own list (AraucariaDB's "EstablishedRule").
    assert _unlabelled(_without_dialogue(back)) == _unlabelled(_without_dialogue(amap))


@given(argument_maps())
def test_map_to_aif_and_back_keeps_the_argument_graph(amap: ArgumentMap) -> None:
    back = aif.read(aif.dumps(amap)).map
    assert [(p.id, p.text, p.rephrases) for p in back.propositions] == [
        (p.id, p.text, p.rephrases) for p in amap.propositions
    ]
    assert [(i.id, i.premises, i.conclusion, i.label) for i in back.inferences] == [
        (i.id, tuple(dict.fromkeys(i.premises)), i.conclusion, i.label) for i in amap.inferences
    ]
    assert [(a.id, a.attacker, a.target, a.kind, a.label) for a in back.attacks] == [
        (a.id, a.attacker, a.target, a.kind, a.label) for a in amap.attacks
    ]
    assert [(p.id, p.preferred, p.over) for p in back.preferences] == [
        (p.id, p.preferred, p.over) for p in amap.preferences
    ]
    # A speaker on a proposition comes back as reported speech, beside the map's own attributions.
    said = [(p.id, p.speaker.name, SpeechAct.ASSERTS) for p in amap.propositions if p.speaker is not None]
    said += [(a.proposition, a.speaker.name, a.act) for a in amap.attributions]
    assert [(a.proposition, a.speaker.name, a.act) for a in back.attributions] == said


def test_ova3_export_reads_back_as_ova3() -> None:
    amap = _read("dialogue-and-attacks.json").map
    result = aif.read(aif.dumps(amap, flavour="ova3"))
    assert result.flavour == "ova3" and result.map == attrs.evolve(amap, title="AIF import")
    assert loads(aif.dumps(amap), "json") == attrs.evolve(amap, title="AIF import")


def test_each_node_type_has_a_letter_no_other_type_has() -> None:
    # The reader counts a well-formed file's node types by counting these letters in the joined types.
    from argmap.formats.aif._read import _KNOWN, _LETTER

    assert _LETTER.keys() == _KNOWN
    assert all(letter in kind and sum(letter in t for t in _KNOWN) == 1 for kind, letter in _LETTER.items())


def test_importing_the_reader_loads_no_other_format() -> None:
    # A corpus load through aif.read pays for the model and the reader only.
    loaded = loaded_after("import argmap.formats.aif")
    others = (
        "yaml",
        "argmap.formats.yaml",
        "argmap.formats._spec",
        "argmap.formats._located",
        "argmap._files",
    )
    assert not {
        name for name in (*others, "argmap.formats.argdown", "argmap.formats.aif._write") if name in loaded
    }
    assert {"argmap.model", "orjson"} <= loaded


def test_severities_are_known() -> None:
    assert {sev for sev, _ in aif.CODES.values()} <= set(Severity)


@needs_corpora
@pytest.mark.parametrize("path", CORPUS_FILES[::60], ids=lambda p: p.name)
def test_fast_constructed_objects_pass_the_models_own_checks(path: Path) -> None:
    amap = aif.read(path.read_text(encoding="utf-8"), str(path)).map
    # attrs.evolve runs the checked constructor with the same values: every converter and validator.
    items: list[Any] = [*amap.propositions, *amap.inferences, *amap.attacks, *amap.attributions]
    items += [*amap.preferences, *amap.sources, *(speaker for s in amap.sources for speaker in s.speakers)]
    for item in items:
        rebuilt = attrs.evolve(item)
        assert rebuilt == item
        assert attrs.asdict(rebuilt, recurse=False) == attrs.asdict(item, recurse=False)
        # Built as a mutable subclass, then turned into the model's own frozen class.
        assert type(item) is type(rebuilt)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            item.note = "changed"
    assert attrs.evolve(amap) == amap and type(amap) is ArgumentMap
    assert amap.index.propositions.keys() == {p.id for p in amap.propositions}


@needs_corpora
@pytest.mark.parametrize("path", [*CORPUS_FILES[:661:50], *CORPUS_FILES[661::10]], ids=lambda p: p.name)
def test_the_item_by_item_path_reads_what_the_fast_path_reads(path: Path) -> None:
    # A malformed node entry and a malformed edge entry at the end send the node and edge phases to the
    # path that checks entry by entry; apart from those two reports, the result is the same.
    data = json.loads(path.read_text(encoding="utf-8"))
    fast = aif.read_data(data, str(path))
    data["nodes"].append({"text": "no id, no type"})
    data["edges"].append({"edgeID": "e0"})
    slow = aif.read_data(data, str(path))
    assert slow.map == fast.map
    assert slow.problems[:2] == (
        ("AIF101", f"node entry {len(data['nodes']) - 1} has no nodeID or no type; skipped", ()),
        ("AIF104", f"edge entry {len(data['edges']) - 1} has no fromID or no toID; skipped", ()),
    )
    assert slow.problems[2:] == fast.problems
    assert slow.counts == {**fast.counts, "edges": fast.counts["edges"] + 1}


def test_convert_and_check_report_what_the_import_could_not_keep(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from argmap.cli.app import app

    source = FIXTURES / "dialogue-and-attacks.json"
    out = tmp_path / "map.yaml"
    converted = CliRunner().invoke(app, ["convert", str(source), "-o", str(out)])
    assert converted.exit_code == 0, converted.output
    assert "3 import problems (AIF121 x1, AIF140 x1, AIF142 x1)" in converted.stderr
    assert load(out) == attrs.evolve(load(source), path=str(out))
    checked = CliRunner().invoke(app, ["check", str(source), "--format", "json"])
    codes = {d["code"] for f in json.loads(checked.stdout)["files"] for d in f["diagnostics"]}
    assert {"AIF121", "AIF140", "AIF142"} <= codes
