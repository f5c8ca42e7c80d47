"""Tests of the format table derived from the model: coverage, versions, aliases and upgrading."""

from __future__ import annotations

import json
from collections.abc import Hashable
from pathlib import Path
from typing import Any, cast

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given, seed, settings
from typer.testing import CliRunner

from argmap import formats
from argmap.cli.app import app
from argmap.errors import InputError, ParseError
from argmap.formats._spec import FORMAT_VERSION, MAP_SPEC, Spec, spec_for
from argmap.formats.upgrade import upgrade_file, upgrade_text
from argmap.model import core
from argmap.model.core import FILE, ArgumentMap, Proposition
from tests.conftest import MAPS
from tests.strategies import argument_maps

#: Attributes that are bookkeeping, not content: positions and the file a map came from.
_NOT_IN_FILES = {"location", "field_locations", "path"}
MODEL_CLASSES = [
    core.ArgumentMap,
    core.Source,
    core.Speaker,
    core.Citation,
    core.Pole,
    core.Theme,
    core.Proposition,
    core.Inference,
    core.Attack,
    core.Attribution,
    core.Preference,
]


def _specs(spec: Spec, seen: dict[str, Spec]) -> dict[str, Spec]:
    seen.setdefault(spec.name, spec)
    for field in spec.fields:
        if field.spec is not None and field.spec.name not in seen:
            _specs(field.spec, seen)
    return seen


SPECS = _specs(MAP_SPEC, {})


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_model_attribute_is_in_the_format(cls: type[Any]) -> None:
    """Each content attribute of a model class carries file metadata, and the derived spec lists it."""
    missing = [a.name for a in attrs.fields(cls) if a.name not in _NOT_IN_FILES and FILE not in a.metadata]
    assert missing == []
    spec = spec_for(cast(Hashable, cls))  # classes are hashable; typeshed's type[Any] is not marked so
    assert [f.attr for f in spec.fields] == [a.name for a in attrs.fields(cls) if FILE in a.metadata]
    assert spec.name in SPECS, "every model class is reachable from the map"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_field_is_in_the_json_schema(name: str) -> None:
    """The JSON Schema has a property (with a description) for every key, aliases included."""
    schema = formats.json_schema()
    node = schema if name == "map" else schema["$defs"][name]
    for field in SPECS[name].fields:
        assert node["properties"][field.key]["description"]
        if field.alias is not None:
            assert field.alias in node["properties"]
    assert node["required"] == [f.key for f in SPECS[name].fields if f.required]


def test_file_keys_that_differ_from_python_names_are_documented() -> None:
    """An attack's ``from``/``to`` are ``attacker``/``target`` in Python, and the class says so."""
    renamed = {(s.name, f.key, f.attr) for s in SPECS.values() for f in s.fields if f.key != f.attr}
    assert renamed == {("attack", "from", "attacker"), ("attack", "to", "target")}
    assert core.Attack.__doc__ is not None and "``from`` (``attacker``)" in core.Attack.__doc__


def _set_fields(amap: ArgumentMap) -> set[tuple[str, str]]:
    """(spec name, attribute) for every attribute that holds something other than its default."""
    found: set[tuple[str, str]] = set()

    def visit(obj: Any, spec: Spec) -> None:
        for field in spec.fields:
            value = getattr(obj, field.attr)
            if value is None or value == () or (field.default is not None and value == field.default):
                continue
            found.add((spec.name, field.attr))
            if field.spec is not None:
                for item in value if isinstance(value, tuple) else (value,):
                    visit(item, field.spec)
            if field.alias is not None and len(value) > 1:
                found.add((spec.name, f"{field.attr}[several]"))

    visit(amap, MAP_SPEC)
    return found


def test_round_trip_strategies_draw_every_field() -> None:
    """The maps the round-trip properties use set every attribute of the format at least once.

    Role and attack kind count as set when they differ from their defaults; lists that may hold
    several items (themes, poles) must be drawn with more than one.
    """
    seen: set[tuple[str, str]] = set()

    @settings(max_examples=300, derandomize=True, database=None)
    @given(argument_maps())
    def collect(amap: ArgumentMap) -> None:
        seen.update(_set_fields(amap))

    collect()
    wanted = {(s.name, f.attr) for s in SPECS.values() for f in s.fields}
    wanted |= {(s.name, f"{f.attr}[several]") for s in SPECS.values() for f in s.fields if f.alias}
    # Hypothesis also draws constants it finds in the project's loaded modules (tests included), so the
    # maps a fixed seed gives depend on what ran before in the process: a field the first run missed gets
    # runs with two other fixed seeds (a preference's note went missing once more tests were loaded).
    for other in (1, 2):
        if wanted <= seen:
            break
        seed(other)(collect)()
    assert wanted - seen == set()


# -- versions -------------------------------------------------------------------------------------


V2_ONLY = """\
argmap: 1
title: T
propositions:
  - {id: a, text: A, hedge: apparently}
"""


def test_version_one_file_is_refused_a_version_two_key() -> None:
    """A file declaring version 1 that uses a key from version 2 gets one located error naming both."""
    with pytest.raises(ParseError) as caught:
        formats.loads(V2_ONLY, "yaml", filename="m.yaml")
    assert (caught.value.line, caught.value.column) == (4, 22)
    assert "'hedge' in proposition needs map format version 2" in str(caught.value)
    assert "argmap convert --upgrade" in str(caught.value)


def test_undeclared_version_reads_as_the_current_one() -> None:
    """Without ``argmap:`` a file is read as the current version."""
    amap = formats.loads(V2_ONLY.replace("argmap: 1\n", ""), "yaml")
    assert amap.propositions[0].hedge == "apparently"


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_committed_maps_load_at_their_version_and_after_upgrading(path: Path) -> None:
    """Every committed map loads as it is, and its upgraded text loads to the same map."""
    text = path.read_text(encoding="utf-8")
    amap = formats.loads(text, "yaml", filename=str(path))
    result = upgrade_text(text, "yaml", str(path))
    assert formats.loads(result.text, "yaml") == amap
    assert (result.changed, f"argmap: {FORMAT_VERSION}" in result.text) == (result.before == 1, True)


@pytest.mark.parametrize(
    ("text", "first_lines"),
    [
        ("# kept\nargmap: 1  # the version\ntitle: T\n", "# kept\nargmap: 2  # the version\ntitle: T\n"),
        ("{argmap: 1, title: T}\n", "argmap: 2\ntitle: T\n"),
        ("title: T\n", "title: T\n"),
    ],
)
def test_upgrading_yaml_keeps_the_text(text: str, first_lines: str) -> None:
    """Upgrading changes the version only, keeping comments; a flow mapping is rewritten whole."""
    assert upgrade_text(text, "yaml").text == first_lines


def test_upgrading_json_changes_the_version_only() -> None:
    text = '{"argmap": 1,\n   "title": "T"}\n'
    assert upgrade_text(text, "json").text == '{"argmap": 2,\n   "title": "T"}\n'


def test_upgrade_file_rewrites_in_place_and_only_once(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\ntitle: T\n", encoding="utf-8")
    assert upgrade_file(path).changed
    assert path.read_text(encoding="utf-8") == "argmap: 2\ntitle: T\n"
    assert not upgrade_file(path).changed


def test_upgrade_file_refuses_other_formats_with_a_code(tmp_path: Path) -> None:
    path = tmp_path / "m.argdown"
    path.write_text("[A]: a\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        upgrade_file(path)
    assert caught.value.code == "F009"
    assert str(caught.value).startswith(f"{path}: F009 only YAML and JSON map files")
    assert path.read_text(encoding="utf-8") == "[A]: a\n"


def test_cli_convert_upgrade(tmp_path: Path) -> None:
    """``argmap convert MAP --upgrade`` rewrites MAP; without -o or --upgrade it is a usage error."""
    path = tmp_path / "m.yaml"
    path.write_text("# note\nargmap: 1\ntitle: T\n", encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["convert", str(path), "--upgrade"])
    assert done.exit_code == 0, done.output
    assert "upgraded to map format version 2" in done.output
    assert path.read_text(encoding="utf-8") == "# note\nargmap: 2\ntitle: T\n"
    assert runner.invoke(app, ["convert", str(path)]).exit_code == 2
    broken = tmp_path / "b.yaml"
    broken.write_text("argmap: 1\ntitle: [x\n", encoding="utf-8")
    assert runner.invoke(app, ["convert", str(broken), "--upgrade"]).exit_code == 2
    assert broken.read_text(encoding="utf-8") == "argmap: 1\ntitle: [x\n"


# -- several poles and themes ---------------------------------------------------------------------


def test_singular_and_plural_keys() -> None:
    """``theme: x`` is ``themes: [x]``; both at once is an error at the singular key."""
    one = formats.loads("title: T\npropositions:\n  - {id: a, text: A, theme: t, pole: p}\n")
    assert one.propositions[0].themes == ("t",) and one.propositions[0].pole == "p"
    assert one.propositions[0].field_locations["theme"].column == 29  # the value, as for every field
    assert one.propositions[0].field_locations["themes[0]"].column == 29
    two = formats.loads("title: T\npropositions:\n  - {id: a, text: A, themes: [t, u]}\n")
    assert two.propositions[0].themes == ("t", "u") and two.propositions[0].theme == "t"
    assert yaml.safe_load(formats.dumps(two))["propositions"][0]["themes"] == ["t", "u"]
    assert yaml.safe_load(formats.dumps(one))["propositions"][0]["theme"] == "t"
    with pytest.raises(ParseError, match="give 'theme' or 'themes' in proposition, not both"):
        formats.loads("title: T\npropositions:\n  - {id: a, text: A, theme: t, themes: [u]}\n")


def test_constructor_accepts_one_or_several() -> None:
    assert Proposition("a", "A", pole="p").poles == ("p",)
    assert Proposition("a", "A", poles=["p", "q"]).pole == "p"
    with pytest.raises(TypeError):
        Proposition("a", "A", pole="p", poles=["q"])


@settings(max_examples=20)
@given(argument_maps())
def test_schema_accepts_what_is_dumped(amap: ArgumentMap) -> None:
    """Every dumped map, new constructs included, satisfies the published schema."""
    jsonschema.validate(json.loads(formats.dumps(amap, "json")), formats.json_schema())
