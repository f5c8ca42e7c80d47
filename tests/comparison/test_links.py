"""Link files: reading with positions, one-line errors, writing, the schema, fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.comparison.links import (
    Link,
    LinkKind,
    LinkSet,
    MapRef,
    Relation,
    dump_links,
    dumps_links,
    fingerprint,
    is_link_file,
    links_schema,
    load_links,
    loads_links,
    stamp,
)
from argmap.errors import InputError, ParseError
from argmap.model import ArgumentMap
from tests.strategies import link_sets, map_pairs

from .conftest import SHOWCASE

GOOD = """\
argmap-links: 1
title: Commute
maps:
  a: a.yaml
  b: {path: sub/b.yaml}
links:
  - {a: late, b: punctual, relation: contradicts, note: "Now on time."}
  - a: late
    b: late-again
poles:
themes:
  - {a: rail, b: rail, relation: refines}
fingerprints:
  a: {late: "0123456789"}
"""


def test_reads_every_section_with_positions() -> None:
    links = loads_links(GOOD, "l.yaml")
    assert links.title == "Commute"
    assert (links.a.path, links.b.path) == ("a.yaml", "sub/b.yaml")
    assert [(lk.a, lk.b, lk.relation, lk.kind) for lk in links.links] == [
        ("late", "punctual", Relation.CONTRADICTS, LinkKind.PROPOSITION),
        ("late", "late-again", Relation.SAME, LinkKind.PROPOSITION),
        ("rail", "rail", Relation.REFINES, LinkKind.THEME),
    ]
    assert [str(lk.location) for lk in links.links] == ["l.yaml:7:5", "l.yaml:8:5", "l.yaml:12:5"]
    assert links.a.fingerprints == {"late": "0123456789"}
    assert str(links.a.fingerprint_locations["late"]) == "l.yaml:14:7"
    assert links.b.fingerprints == {}


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", "l.yaml", "empty file"),
        ("argmap: 1\ntitle: x\n", "l.yaml:1:1", "unknown key 'argmap'"),
        ("title: x\nmaps: {a: a, b: b}\n", "l.yaml:1:1", "'argmap-links' is missing"),
        ("argmap-links: 2\nmaps: {a: a, b: b}\n", "l.yaml:1:15", "unsupported link file version '2'"),
        ("argmap-links: 1\n", "l.yaml:1:1", "the 'maps' section is missing"),
        ("argmap-links: 1\nmaps: {a: a.yaml}\n", "l.yaml:2:7", "map 'b' is missing"),
        ("argmap-links: 1\nmaps: {a: a, b: {file: b}}\n", "l.yaml:2:18", "unknown key 'file'"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nlinks:\n  - {a: x}\n", "l.yaml:4:5", "link has no 'b'"),
        (
            "argmap-links: 1\nmaps: {a: a, b: b}\nlinks:\n  - {a: x, b: 'no way'}\n",
            "l.yaml:4:15",
            "not a valid id",
        ),
        (
            "argmap-links: 1\nmaps: {a: a, b: b}\nlinks:\n  - {a: x, b: y, relation: same-ish}\n",
            "l.yaml:4:28",
            "unknown relation 'same-ish'; expected one of: same, refines, contradicts, updates",
        ),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nlinks: {a: x}\n", "l.yaml:3:8", "links must be a list"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nmaps: {a: a, b: b}\n", "l.yaml:3:1", "duplicate key 'maps'"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nlinks:\n  - {a: x, b: [y\n", "l.yaml:5:1", "invalid YAML"),
        (
            "argmap-links: 1\nmaps: {a: a, b: b}\nfingerprints: {a: {x: 12}}\n",
            "l.yaml:3:23",
            "fingerprints.a.x must be a string",
        ),
    ],
)
def test_unusable_files_fail_with_one_positioned_line(text: str, where: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        loads_links(text, "l.yaml")
    line = str(caught.value)
    assert line.startswith(f"{where}: ")
    assert message in line
    assert "\n" not in line


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "M006"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nlinks: [\n", "Y001"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nmaps: {a: a, b: b}\n", "Y002"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nlinks: {a: x}\n", "M001"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nlinks:\n  - {a: x, b: y, relation: odd}\n", "M002"),
        ("argmap-links: 1\nmaps: {a: a, b: b}\nlink: []\n", "M003"),
        ("argmap-links: 1\nmaps: {a: a}\n", "M004"),
        ("argmap-links: 9\nmaps: {a: a, b: b}\n", "M005"),
    ],
)
def test_unusable_files_get_the_load_codes_map_files_get(text: str, code: str) -> None:
    with pytest.raises(ParseError) as caught:
        loads_links(text, "l.yaml")
    assert caught.value.code == code
    assert f" {code} " in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_links(tmp_path / "gone.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("argmap-links: 1\n", True),
        ("# links\nargmap-links: 1\n", True),
        ("argmap: 1\ntitle: links\n", False),
        ("title: x\n  argmap-links: 1\n", False),
    ],
)
def test_link_files_are_recognised_by_their_key(text: str, expected: bool) -> None:
    assert is_link_file(text) is expected


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(map_pairs.flatmap(lambda pair: link_sets(*pair)))
def test_dump_then_load_gives_the_same_links(links: LinkSet) -> None:
    assert loads_links(dumps_links(links)) == links


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(map_pairs.flatmap(lambda pair: st.tuples(st.just(pair), link_sets(*pair))))
def test_stamped_files_round_trip_and_match_the_schema(
    drawn: tuple[tuple[ArgumentMap, ArgumentMap], LinkSet],
) -> None:
    (a, b), links = drawn
    stamped = stamp(links, a, b)
    text = dumps_links(stamped)
    assert loads_links(text) == stamped
    jsonschema.validate(yaml.safe_load(text), links_schema())
    linked = {lk.a for lk in links.of_kind(LinkKind.PROPOSITION)}
    assert set(stamped.a.fingerprints) == linked


def test_schema_accepts_the_showcase_and_rejects_a_bad_relation() -> None:
    schema = links_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(SHOWCASE.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["links"][0]["relation"] = "agrees"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("The trains are late.", "The  trains are\nlate.", True),
        ("The trains are late.", "The trains are late!", False),
        ("", " ", True),
    ],
)
def test_fingerprints_ignore_whitespace_runs_only(left: str, right: str, same: bool) -> None:
    assert (fingerprint(left) == fingerprint(right)) is same
    assert len(fingerprint(left)) == 10


def test_dump_writes_atomically_and_map_paths_resolve_against_the_file(tmp_path: Path) -> None:
    links = LinkSet(MapRef("../m/a.yaml"), MapRef("b.yaml"), [Link("x", "y", "updates", "n")])
    target = tmp_path / "links" / "l.yaml"
    dump_links(links, target)
    loaded = load_links(target)
    assert loaded == links
    assert loaded.map_path("a") == tmp_path / "links" / "../m/a.yaml"
    assert [p.name for p in target.parent.iterdir()] == ["l.yaml"]


def test_schema_is_plain_json() -> None:
    assert json.loads(json.dumps(links_schema())) == links_schema()
