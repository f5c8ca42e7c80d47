"""Tests of the YAML and JSON map formats: round trips, positions in errors, the JSON Schema."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import formats
from argmap.errors import InputError, Location, ParseError
from argmap.formats import _jsonpos
from argmap.formats._located import load_located
from argmap.formats._spec import FieldLocations
from argmap.model.core import ArgumentMap, Attack, AttackKind, Inference, Proposition, Role
from tests.conftest import MAPS
from tests.strategies import argument_maps

EXAMPLE = MAPS / "example-remote-work.yaml"


@given(argument_maps())
def test_yaml_round_trip(amap: ArgumentMap) -> None:
    """Dumping any valid map to YAML and loading it back gives an equal map."""
    assert formats.loads(formats.dumps(amap, "yaml"), "yaml") == amap


@given(argument_maps())
def test_json_round_trip(amap: ArgumentMap) -> None:
    """Dumping any valid map to JSON and loading it back gives an equal map."""
    assert formats.loads(formats.dumps(amap, "json"), "json") == amap


@given(argument_maps())
def test_generated_maps_satisfy_the_schema(amap: ArgumentMap) -> None:
    """Every dumped map is valid against the published JSON Schema."""
    jsonschema.validate(json.loads(formats.dumps(amap, "json")), formats.json_schema())


def test_json_uses_the_documented_names() -> None:
    """The JSON form keeps the public names: title, sources, poles, ..., from/to/kind on attacks."""
    data = json.loads(formats.dumps(formats.load(EXAMPLE), "json"))
    assert {"title", "sources", "poles", "themes", "propositions", "inferences", "attacks"} <= set(data)
    assert data["argmap"] == formats.FORMAT_VERSION
    prop = next(p for p in data["propositions"] if p["id"] == "async-habits")
    assert {"id", "text", "role", "pole", "theme", "speaker", "citation"} <= set(prop)
    assert {"source", "locator"} <= set(prop["citation"])
    assert set(data["inferences"][0]) >= {"id", "premises", "conclusion"}
    assert set(data["attacks"][0]) >= {"id", "from", "to", "kind"}
    assert data["attacks"][0]["kind"] in ("rebut", "undercut")


def test_example_map_loads_with_positions() -> None:
    """Loading records where each node and each referenced id sits in the file."""
    amap = formats.load(EXAMPLE)
    inference = amap.index.inferences["i-shallow"]
    assert inference.location is not None and inference.location.file == str(EXAMPLE)
    first, second = inference.field_locations["premises[0]"], inference.field_locations["premises[1]"]
    assert first.line == second.line and second.column > first.column
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[second.line - 1][second.column - 1 :].startswith("ticket-mix")
    attack = amap.index.attacks["a-mix"]
    assert lines[attack.field_locations["to"].line - 1][attack.field_locations["to"].column - 1 :].startswith(
        "i-output"
    )
    assert amap.path == str(EXAMPLE)


def test_yaml_anchors_and_kinds() -> None:
    """Anchored speakers are shared, and roles and kinds become enums."""
    amap = formats.load(EXAMPLE)
    assert amap.proposition("async-habits").speaker == amap.proposition("fewer-chance-meetings").speaker
    assert amap.proposition("verdict").role is Role.VERDICT
    assert amap.index.attacks["a-mix"].kind is AttackKind.UNDERCUT


def test_yaml_merge_keys() -> None:
    """A merge key copies an anchored mapping and the node's own keys override it."""
    text = "title: x\npropositions:\n  - &p {id: a, text: hello}\n  - <<: *p\n    id: b\n"
    assert [(p.id, p.text) for p in formats.loads(text).propositions] == [("a", "hello"), ("b", "hello")]
    with pytest.raises(ParseError, match="duplicate key 'id'"):
        formats.loads(text + "    id: c\n")


def test_yaml_merge_keys_follow_yaml_precedence() -> None:
    """Own keys beat merged ones, earlier mappings in a merged list beat later ones; positions follow."""
    text = (
        "title: x\n"
        "poles:\n"
        "  - &a {id: a, label: A, description: from a}\n"
        "  - &b {id: b, label: B, thesis: tb}\n"
        "  - <<: [*a, *b]\n"
        "    id: c\n"
    )
    amap = formats.loads(text, filename="m.yaml")
    pole = amap.poles[2]
    assert (pole.id, pole.label, pole.thesis, pole.description) == ("c", "A", "tb", "from a")
    assert pole.location == Location("m.yaml", 5, 5)


@pytest.mark.parametrize("merged", ["{question: a, question: b}", "[{question: a, question: b}]"])
def test_yaml_merged_in_mappings_may_repeat_keys(merged: str) -> None:
    """As in PyYAML, a mapping written inline under ``<<`` may repeat a key; the last one wins."""
    assert formats.loads(f"title: x\n<<: {merged}\n").question == "b"


def test_yaml_aliases_share_objects_and_anchor_positions() -> None:
    """An aliased id list reads the same, positioned where its anchor is."""
    text = (
        "title: x\n"
        "inferences:\n"
        "  - {id: i, premises: &p [a, b], conclusion: c}\n"
        "  - {id: j, premises: *p, conclusion: d}\n"
    )
    first, second = formats.loads(text, filename="m.yaml").inferences
    assert second.premises == ("a", "b")
    assert (
        second.field_locations["premises"] == first.field_locations["premises"] == Location("m.yaml", 3, 23)
    )
    assert second.field_locations["premises[1]"] == Location("m.yaml", 3, 30)


_yaml_values = st.recursive(
    st.none()
    | st.booleans()
    # Integers beyond 64 bits are refused on purpose (docs/limits.md), where PyYAML reads them.
    | st.integers(min_value=-(2**63 - 1), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(st.sampled_from("ab: -#&*!|>'\"\n\t{}[],<=~é"), max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=25,
)


@given(_yaml_values, st.sampled_from([None, False, True]), st.booleans())
def test_yaml_loader_agrees_with_pyyaml(value: Any, flow: bool | None, unicode: bool) -> None:
    """Data equals what PyYAML itself loads, and each position is where PyYAML's composer puts the node.

    The reference is PyYAML's load of the text, not the value dumped: PyYAML does not round-trip
    every string (a NEL character is dumped raw and read back as a line break folded to a space).
    """
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=unicode, sort_keys=False)
    loaded = load_located(text, "f.yaml")
    assert loaded.data == yaml.safe_load(text)

    def check(node: yaml.Node, data: Any) -> None:
        if isinstance(node, yaml.ScalarNode):
            return
        start, children, keys = loaded.located[id(data)]
        assert (start.line, start.column) == (node.start_mark.line, node.start_mark.column)
        if isinstance(node, yaml.MappingNode):
            assert isinstance(children, dict) and keys is not None
            for (key_node, value_node), key in zip(node.value, data, strict=True):
                assert (keys[key].line, keys[key].column) == (
                    key_node.start_mark.line,
                    key_node.start_mark.column,
                )
                where = children[key]
                assert (where.line, where.column) == (
                    value_node.start_mark.line,
                    value_node.start_mark.column,
                )
                check(value_node, data[key])
        else:
            for child, item, where in zip(node.value, data, children, strict=True):
                assert (where.line, where.column) == (child.start_mark.line, child.start_mark.column)
                check(child, item)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert root is not None
    check(root, loaded.data)


def test_yaml_scalars_are_not_surprising() -> None:
    """Dates stay strings and yes/no/on/off are words, not booleans."""
    text = "title: no\nsources:\n  - {id: s, title: on, date: 2012-06-22}\n"
    amap = formats.loads(text)
    assert amap.title == "no"
    assert amap.sources[0].title == "on"
    assert amap.sources[0].date == "2012-06-22"


BAD_YAML = [
    ("title: [1\n", 2, 1, "invalid YAML"),
    ("title: x\nfoo: 1\n", 2, 1, "unknown key 'foo' in map"),
    ("title: x\ntitle: y\n", 2, 1, "duplicate key 'title'"),
    ("- a\n", 1, 1, "expected a map (a mapping), got a list"),
    ("", 1, 1, "the file holds no map"),
    ("title: 3\n", 1, 8, "title: expected a string, got a number"),
    ("title: !!int abc\n", 1, 8, "'abc' is not a valid !!int value"),
    ("title: x\npropositions:\n  - id: a\n", 3, 5, "missing required key 'text' in proposition"),
    (
        "title: x\npropositions:\n  - {id: a, text: t, role: opinion}\n",
        3,
        28,
        "expected one of thesis, claim",
    ),
    ("title: x\npropositions:\n  - {id: 'a b', text: t}\n", 3, 10, "'a b' is not a valid id"),
    ("title: x\npropositions:\n  - {id: a, text: t, base_score: 2}\n", 3, 34, "expected a number in [0, 1]"),
    (
        "title: x\ninferences:\n  - {id: i, premises: a, conclusion: b}\n",
        3,
        23,
        "expected a list, got a string",
    ),
    (
        "title: x\nattacks:\n  - {id: k, from: a, to: b, kind: support}\n",
        3,
        35,
        "expected one of rebut, undercut",
    ),
    ("title: x\npoles: {a: 1}\n", 2, 8, "poles: expected a list"),
    ("argmap: 9\ntitle: x\n", 1, 9, "newer than this argmap reads"),
    ("argmap: ~\ntitle: x\n", 1, 9, "argmap: expected an integer, got nothing (null)"),
    ("title: x\nargmap: '1'\n", 2, 9, "argmap: expected an integer, got a string"),
    ("title: x\nthemes:\n  - {id: t, label: T, colour: red}\n", 3, 23, "unknown key 'colour' in theme"),
    ("title: x\nsources:\n  - id: s\n    title: S\n    speakers: [{nom: X}]\n", 5, 17, "unknown key 'nom'"),
    ("title: x\n\tbad: tab\n", 2, 1, "invalid YAML"),
    ("title: !!python/object:os.system x\n", 1, 8, "could not determine a constructor"),
    ("title: [a, *nope]\n", 1, 12, "undefined alias"),
    ("? [a]\n: b\n", 1, 3, "mapping keys must be strings"),
    ("title: x\n=: 1\n", 2, 1, "unknown key '=' in map"),
    ("title: x\n<<: 3\n", 2, 5, "expected a mapping or list of mappings for merging"),
    ("title: x\n---\ntitle: y\n", 2, 1, "expected a single document"),
    ("a: &x 1\nb: &x 2\n", 2, 4, "duplicate anchor"),
    # Errors in the YAML itself come first, wherever they are, as when the document is composed whole.
    ("title: x\ntitle: y\nfoo: [\n", 4, 1, "invalid YAML: did not find expected node content"),
    ("title: x\ntitle: y\nq: *zz\n", 3, 4, "found undefined alias"),
    ("title: x\ntitle: y\n---\nz: 1\n", 3, 1, "expected a single document"),
    ("title: x\nq: *a\nr: &a 1\n", 2, 4, "found undefined alias"),
    ("title: x\n<<: [{q: 1}, 3]\n", 2, 14, "expected a mapping for merging, but found scalar"),
]


#: The load code of each BAD_YAML problem, by its message (see docs/rules.md).
YAML_CODE = {
    "invalid YAML": "Y001",
    "unknown key 'foo' in map": "M003",
    "duplicate key 'title'": "Y002",
    "expected a map (a mapping), got a list": "M001",
    "the file holds no map": "M006",
    "title: expected a string, got a number": "M001",
    "'abc' is not a valid !!int value": "Y004",
    "missing required key 'text' in proposition": "M004",
    "expected one of thesis, claim": "M002",
    "'a b' is not a valid id": "M002",
    "expected a number in [0, 1]": "M002",
    "expected a list, got a string": "M001",
    "expected one of rebut, undercut": "M002",
    "poles: expected a list": "M001",
    "newer than this argmap reads": "M005",
    "argmap: expected an integer, got nothing (null)": "M001",
    "argmap: expected an integer, got a string": "M001",
    "unknown key 'colour' in theme": "M003",
    "unknown key 'nom'": "M003",
    "could not determine a constructor": "Y001",
    "undefined alias": "Y001",
    "mapping keys must be strings": "Y003",
    "unknown key '=' in map": "M003",
    "expected a mapping or list of mappings for merging": "Y001",
    "expected a single document": "Y001",
    "duplicate anchor": "Y001",
    "invalid YAML: did not find expected node content": "Y001",
    "found undefined alias": "Y001",
    "expected a mapping for merging, but found scalar": "Y001",
}


@pytest.mark.parametrize(("text", "line", "column", "message"), BAD_YAML)
def test_bad_yaml_names_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """Malformed YAML raises a ParseError naming the file, line, column and what was expected."""
    with pytest.raises(ParseError) as caught:
        formats.loads(text, "yaml", filename="bad.yaml")
    error = caught.value
    assert message in error.message
    assert (error.file, error.line, error.column) == ("bad.yaml", line, column)
    assert str(error).startswith(f"bad.yaml:{line}:{column}: {YAML_CODE[message]} ")


BAD_JSON = [
    ('{"title": "x",}', 1, 15, "invalid JSON"),
    ('{"title": "x", "title": "y"}', 1, 16, "duplicate key 'title'"),
    ('{\n  "title": "x",\n  "poles": [{"id": "p"}]\n}', 3, 13, "missing required key 'label' in pole"),
    ('{"title": 1}', 1, 11, "expected a string"),
    ('{"title": "x", "poles": [{"id": "p", "id": "q"}]}', 1, 38, "duplicate key 'id'"),
    ('{"a": 1, "a": {"x": 1, "x": 2}}', 1, 10, "duplicate key 'a'"),
    ('{"title": "x", "propositions": [{"id": "a", "text": "t", "base_score": NaN}]}', 1, 72, "got nan"),
    (
        '{"title": "x",\n "inferences": [{"id": "i", "premises": ["a", "b c"], "conclusion": "z"}]}',
        2,
        47,
        "'b c'",
    ),
    ('{"title": "x", "colour": [1]}', 1, 16, "unknown key 'colour' in map"),
]


#: The load code of each BAD_JSON problem, by its message (see docs/rules.md).
JSON_CODE = {
    "invalid JSON": "J001",
    "duplicate key 'title'": "J002",
    "missing required key 'label' in pole": "M004",
    "expected a string": "M001",
    "duplicate key 'id'": "J002",
    "duplicate key 'a'": "J002",
    "got nan": "M002",
    "'b c'": "M002",
    "unknown key 'colour' in map": "M003",
}


@pytest.mark.parametrize(("text", "line", "column", "message"), BAD_JSON)
def test_bad_json_names_line_and_column(text: str, line: int, column: int, message: str) -> None:
    """Malformed JSON raises a ParseError with the position of the problem."""
    with pytest.raises(ParseError) as caught:
        formats.loads(text, "json", filename="bad.json")
    assert message in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.code == JSON_CODE[message]


def test_all_problems_are_collected() -> None:
    """A ParseError carries every problem found in the file, not only the first."""
    text = "title: x\npropositions:\n  - {id: a, role: nope}\n  - {id: b, text: [1]}\n"
    with pytest.raises(ParseError) as caught:
        formats.loads(text)
    messages = [d.message for d in caught.value.diagnostics]
    assert sorted(d.code for d in caught.value.diagnostics) == ["M001", "M002", "M004"]
    assert len(messages) == 3
    assert any("missing required key 'text'" in m for m in messages)
    assert any("role" in m for m in messages)
    assert any("propositions[1].text" in m for m in messages)


def test_unknown_ids_load_fine() -> None:
    """References to ids that do not exist are left to the validator; loading does not fail."""
    text = (
        "title: x\ninferences: [{id: i, premises: [ghost], conclusion: nowhere}]\n"
        "attacks: [{id: k, from: a, to: b}]\n"
    )
    amap = formats.loads(text)
    assert amap.supporters("nowhere") == ("ghost",)


def test_files_by_suffix(tmp_path: Path) -> None:
    """load and dump pick the format from the suffix; unknown suffixes are InputErrors."""
    amap = formats.load(EXAMPLE)
    for name in ("m.json", "m.yml", "m.yaml"):
        formats.dump(amap, tmp_path / name)
        assert formats.load(tmp_path / name) == amap
    with pytest.raises(InputError, match="unknown map file suffix"):
        formats.dump(amap, tmp_path / "m.txt")
    with pytest.raises(InputError, match="no such file"):
        formats.load(tmp_path / "missing.yaml")
    (tmp_path / "latin1.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        formats.load(tmp_path / "latin1.yaml")


def test_dump_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed write leaves the previous file intact and no temporary file behind."""
    target = tmp_path / "m.yaml"
    target.write_text("previous", encoding="utf-8")

    def broken(_amap: ArgumentMap) -> str:
        raise RuntimeError("boom")

    amap = formats.load(EXAMPLE)
    monkeypatch.setitem(
        formats.FORMATS, "yaml", formats.Format("yaml", (".yaml",), formats.FORMATS["yaml"].loads, broken)
    )
    with pytest.raises(RuntimeError):
        formats.dump(amap, target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]


def test_schema_rejects_what_the_loader_rejects() -> None:
    """The schema forbids unknown keys and bad enum values, like the loader does."""
    schema = formats.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    good = {"title": "x", "propositions": [{"id": "a", "text": "t", "role": "claim"}]}
    jsonschema.validate(good, schema)
    bad: Any
    for bad in (
        {"title": "x", "colour": 1},
        {"title": "x", "propositions": [{"id": "a", "text": "t", "role": "opinion"}]},
        {"propositions": []},
        {"title": "x", "attacks": [{"id": "k", "from": "a", "to": "b", "kind": "support"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


# -- positions in JSON ---------------------------------------------------------------------------

_json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.sampled_from('a"\\/{}[],: \n\té中-0e'), max_size=6)
)
_json_values = st.recursive(
    _json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=25,
)
_json_layouts = st.sampled_from(
    [
        {},
        {"indent": 2},
        {"separators": (",", ":")},
        {"indent": "\t", "ensure_ascii": False},
        {"indent": 1, "separators": (" ,", " :  ")},
    ]
)


def _containers(value: Any) -> list[Any]:
    found = [value] if isinstance(value, dict | list) else []
    for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
        found.extend(_containers(item))
    return found


@given(_json_values, _json_layouts, st.sampled_from(["", " ", "\n\t "]))
def test_json_positions_point_at_each_value(value: Any, layout: dict[str, Any], margin: str) -> None:
    """Every container, key and value located in a JSON text starts exactly where it is recorded.

    Reading one JSON value at each recorded offset gives back what ``json.loads`` gave for it.
    """
    text = margin + json.dumps(value, **layout) + margin
    data = json.loads(text)
    located = _jsonpos.locate(text, data)
    decoder = json.JSONDecoder()

    def read(offset: int) -> Any:
        return decoder.raw_decode(text, offset)[0]

    containers = _containers(data)
    assert len(located) == len(containers)
    for container in containers:
        start, children, keys = located[id(container)]
        assert read(start) == container
        if isinstance(container, dict):
            assert keys is not None and list(keys) == list(container) == list(children)
            for key, item in container.items():
                assert read(keys[key]) == key
                assert read(children[key]) == item
        else:
            assert keys is None and len(children) == len(container)
            for item, offset in zip(container, children, strict=True):
                assert read(offset) == item


@given(_json_values, _json_layouts)
def test_json_offsets_become_lines_and_columns(value: Any, layout: dict[str, Any]) -> None:
    """Offsets map to the line and column Python's own JSON errors would name."""
    text = json.dumps(value, **layout)
    to_location = _jsonpos.offset_location(text, "f.json")
    for offset in range(0, len(text) + 1, max(1, len(text) // 17)):
        error = json.JSONDecodeError("probe", text, offset)
        assert to_location(offset) == Location("f.json", error.lineno, error.colno)


@pytest.mark.parametrize(
    ("text", "key", "marker"),
    [
        ('{"a": 1, "a": 2}', "a", '"a": 2'),
        ('{"a": {"x": 1, "x": 2}, "a": 3}', "x", '"x": 2'),
        ('{"b": {"a": 1}, "a": 2, "b": 3}', "b", '"b": 3'),
        ('[{"k": "\\"k\\""}, {"k": 1, "k": 2}]', "k", '"k": 2'),
        ('{"[": "{", "[": 0}', "[", '"[": 0'),
    ],
)
def test_json_first_duplicate_key(text: str, key: str, marker: str) -> None:
    """The first key repeated within one object, in document order, and where it is."""
    found = _jsonpos.find_duplicate(text, json.loads(text, object_pairs_hook=_jsonpos.Pairs))
    assert found == (key, text.index(marker))


def test_json_special_numbers_are_located() -> None:
    """NaN and the infinities, which Python's JSON accepts, are tokens like any number."""
    text = '{"a": [NaN, -Infinity, Infinity, -1.5e-3, true, null]}'
    data = json.loads(text)
    _, items, _ = _jsonpos.locate(text, data)[id(data["a"])]
    assert [text[offset : offset + 4] for offset in items] == ["NaN,", "-Inf", "Infi", "-1.5", "true", "null"]


def test_field_locations_are_computed_on_look_up() -> None:
    """Per-field positions answer like a dict of locations, id lists item by item, and pickle as one."""
    calls: list[int] = []

    def to_location(offset: int) -> Location:
        calls.append(offset)
        return Location("f", 1, offset + 1)

    fields = FieldLocations({"id": 0, "premises": 5, "conclusion": 9}, {"premises": [6, 7]}, to_location)
    assert calls == []
    assert fields["premises[1]"] == Location("f", 1, 8)
    assert list(fields) == ["id", "premises", "premises[0]", "premises[1]", "conclusion"]
    assert len(fields) == 5
    for missing in ("premises[2]", "premises[01]", "premises[-1]", "premises[", "nope", "id[0]"):
        assert missing not in fields
    assert fields.get("nope") is None
    plain = pickle.loads(pickle.dumps(fields))
    assert type(plain) is dict and plain == dict(fields) and plain["conclusion"] == Location("f", 1, 10)


def test_loaded_maps_pickle_with_their_positions() -> None:
    """A loaded map survives pickling, positions included."""
    amap = formats.load(EXAMPLE)
    back = pickle.loads(pickle.dumps(amap))
    assert back == amap
    inference = back.index.inferences["i-shallow"]
    assert (
        inference.field_locations["premises[1]"]
        == amap.index.inferences["i-shallow"].field_locations["premises[1]"]
    )


@pytest.mark.parametrize("name", ["yaml", "json"])
def test_positions_point_at_ids_in_either_format(name: str) -> None:
    """Every recorded id position in a dumped file, of a node or of a premise, points at that id."""
    text = formats.dumps(formats.load(EXAMPLE), name)
    lines = text.splitlines()
    loaded = formats.loads(text, name, filename=f"m.{name}")
    nodes: list[Proposition | Inference | Attack] = [
        *loaded.propositions,
        *loaded.inferences,
        *loaded.attacks,
    ]
    checked = 0
    for node in nodes:
        for key, where in node.field_locations.items():
            assert where.file == f"m.{name}"
            rest = lines[where.line - 1][where.column - 1 :].lstrip('"')
            if key.startswith("premises["):
                assert isinstance(node, Inference)
                assert rest.startswith(node.premises[int(key[len("premises[") : -1])])
                checked += 1
            elif key == "id":
                assert rest.startswith(node.id)
                checked += 1
    assert checked > len(nodes)


@settings(max_examples=30)
@given(argument_maps(), st.data(), st.sampled_from(["yaml", "json"]))
def test_convert_keeps_empty_lists(amap: ArgumentMap, data: st.DataObject, fmt: str) -> None:
    """What convert writes always loads back equal, empty lists included (``premises: []`` was dropped).

    A map with an empty premise list is not valid (S-rules say so), but it loads, so convert must
    carry it through unchanged rather than write a file it cannot read back.
    """
    if amap.inferences:
        k = data.draw(st.integers(0, len(amap.inferences) - 1))
        emptied = attrs.evolve(amap.inferences[k], premises=())
        amap = attrs.evolve(amap, inferences=(*amap.inferences[:k], emptied, *amap.inferences[k + 1 :]))
    assert formats.loads(formats.dumps(amap, fmt), fmt) == amap


# -- the ends of findings' spans ---------------------------------------------------------------------

# Blanks after the first proposition's last value (trailing spaces, an empty line) are not its region.
_SPANNED_YAML = "title: Spans\npropositions:\n  - id: a\n    text: First.   \n\n  - {id: b, text: Second.}\n"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ((3, 5), (4, 17)),  # a block mapping, to its last value (not the blanks and indent after it)
        ((6, 5), (6, 27)),  # a flow mapping, to its brace
        ((6, 10), (6, 11)),  # a scalar
        ((2, 1), (2, 13)),  # a key, as a scalar
        ((4, 5), (4, 9)),  # the key of the mapping's second pair
    ],
)
def test_span_ends_reach_the_end_of_the_yaml_node(
    tmp_path: Path, start: tuple[int, int], end: tuple[int, int]
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(_SPANNED_YAML, encoding="utf-8")
    ended = formats.span_ends(path)(Location(str(path), *start))
    assert (ended.line, ended.column) == start and ended.end == end


def test_span_ends_reach_the_end_of_the_json_value(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    text = '{"title": "Spans",\n "propositions": [{"id": "a",\n   "text": "First."}, {"id": "b"}]}\n'
    path.write_text(text, encoding="utf-8")
    ends = formats.span_ends(path)
    assert ends(Location(str(path), 2, 19)).end == (3, 21)  # the first proposition's object
    assert ends(Location(str(path), 2, 26)).end == (2, 29)  # its id's value
    assert ends(Location(str(path), 1, 11)).end == (1, 18)  # the title
    assert ends(Location(str(path), 1, 6)) == Location(str(path), 1, 6)  # inside a string: no value starts


def test_span_ends_leave_other_spans_and_formats_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(_SPANNED_YAML, encoding="utf-8")
    ends = formats.span_ends(path)
    for span in (Location("other.yaml", 3, 5), Location.of_file(str(path)), Location(str(path), 3, 5, 3, 6)):
        assert ends(span) == span
    aif = tmp_path / "m.aif"
    aif.write_text('{"nodes": [], "edges": []}', encoding="utf-8")
    assert formats.span_ends(aif)(Location(str(aif), 1, 1)) == Location(str(aif), 1, 1)
    missing = tmp_path / "gone.yaml"
    assert formats.span_ends(missing)(Location(str(missing), 1, 1)) == Location(str(missing), 1, 1)


def test_span_ends_visit_an_aliased_node_once(tmp_path: Path) -> None:
    # Ten levels of ten aliases each: walked alias by alias this would be 10**10 visits.
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{k}: &l{k} [{', '.join([f'*l{k - 1}'] * 10)}]" for k in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert formats.span_ends(path)(Location(str(path), 10, 5)).end == (10, 59)
