"""The K rules: each rule's broken example is caught, its fix is clean, and the showcase checks clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.comparison.check import (
    EXAMPLE_MAPS,
    LINK_RULES,
    LinkRule,
    check_link_file,
    check_links,
    link_rules_markdown,
)
from argmap.comparison.links import LinkSet, loads_links, stamp
from argmap.errors import Severity
from argmap.model import ArgumentMap
from tests.strategies import link_sets, map_pairs


def _write_maps(directory: Path) -> None:
    # EXAMPLE_MAPS holds both maps, each after a "# <name>" line.
    for name, body in re.findall(r"# (\S+)\n(.*?)(?=^# |\Z)", EXAMPLE_MAPS, flags=re.S | re.M):
        (directory / name).write_text(body, encoding="utf-8")


@pytest.mark.parametrize("rule", LINK_RULES, ids=lambda r: r.code)
def test_broken_example_is_caught_and_fixed_example_is_clean(tmp_path: Path, rule: LinkRule) -> None:
    _write_maps(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text(rule.example, encoding="utf-8")
    found = check_link_file(broken).diagnostics
    assert {d.code for d in found} == {rule.code}
    assert all(d.severity is rule.severity for d in found)
    assert all(d.location is not None and d.location.file == str(broken) for d in found)
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(rule.fixed, encoding="utf-8")
    assert check_link_file(fixed).diagnostics == ()


def test_codes_are_unique_and_in_order() -> None:
    codes = [rule.code for rule in LINK_RULES]
    assert codes == sorted(set(codes))
    assert all(re.fullmatch(r"K\d{3}", code) for code in codes)


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        (
            "  - {a: late, b: punctual, relation: same}\n  - {a: late, b: punctual, relation: contradicts}\n",
            ["K002"],
        ),
        (
            "  - {a: late, b: punctual, relation: updates}\n"
            "  - {a: late, b: punctual, relation: contradicts}\n",
            ["K002"],
        ),
        ("  - {a: late, b: punctual, relation: same}\n  - {a: late, b: punctual, relation: refines}\n", []),
        ("  - {a: late, b: punctual}\n  - {a: late, b: punctual, relation: same}\n", ["K005"]),
        ("  - {a: nope, b: nope}\n", ["K001", "K001"]),
    ],
)
def test_pairs_with_clashing_relations(links: str, expected: list[str]) -> None:
    text = "argmap-links: 1\nmaps: {a: a.yaml, b: b.yaml}\nlinks:\n" + links
    parsed = loads_links(text, "l.yaml")
    maps = _maps()
    found = [d for d in check_links(parsed, maps).diagnostics if d.code not in ("K006",)]
    assert [d.code for d in found] == expected
    for diag in found:
        assert diag.location is not None and diag.location.file == "l.yaml"


def _maps() -> dict[str, ArgumentMap]:
    from argmap.model import MapBuilder

    a = MapBuilder("a").claim("late", "The trains are often late.").build()
    b = MapBuilder("b").claim("punctual", "The trains now run on time.").build()
    return {"a": a, "b": b}


def test_map_files_resolve_against_the_link_file_and_missing_ones_are_k004(tmp_path: Path) -> None:
    (tmp_path / "links").mkdir()
    _write_maps(tmp_path)
    path = tmp_path / "links" / "l.yaml"
    path.write_text("argmap-links: 1\nmaps: {a: ../a.yaml, b: b.yaml}\n", encoding="utf-8")
    checked = check_link_file(path)
    assert checked.a is not None and checked.b is None
    [diag] = checked.diagnostics
    assert diag.code == "K004" and diag.severity is Severity.ERROR
    assert "map b (b.yaml)" in diag.message and "no such file" in diag.message
    assert str(diag.location) == f"{path}:2:22"


def test_a_map_that_does_not_parse_is_k004_with_its_position(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("argmap: 1\ntitle: [x\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("argmap: 1\ntitle: b\n", encoding="utf-8")
    path = tmp_path / "l.yaml"
    path.write_text("argmap-links: 1\nmaps: {a: a.yaml, b: b.yaml}\n", encoding="utf-8")
    [diag] = check_link_file(path).diagnostics
    assert diag.code == "K004"
    assert "does not parse" in diag.message and "a.yaml:3:1" in diag.message


def test_a_reworded_proposition_is_reported_once_per_id(
    showcase: tuple[ArgumentMap, ArgumentMap, LinkSet],
) -> None:
    import attrs

    a, b, links = showcase
    reworded = attrs.evolve(
        a,
        propositions=[
            attrs.evolve(p, text=p.text + " Maybe.") if p.id == "iran-sanctions" else p
            for p in a.propositions
        ],
    )
    found = check_links(links, {"a": reworded, "b": b}).diagnostics
    assert [(d.code, d.ids) for d in found] == [("K003", ("iran-sanctions",))]


def test_the_showcase_checks_clean(showcase: tuple[ArgumentMap, ArgumentMap, LinkSet]) -> None:
    _, _, links = showcase
    checked = check_links(links)
    assert checked.diagnostics == ()
    assert checked.a is not None and checked.b is not None


def test_catalogue_section_lists_every_rule_with_both_examples() -> None:
    text = link_rules_markdown()
    for rule in LINK_RULES:
        assert f"### {rule.code} {rule.name}" in text
        assert rule.example.rstrip("\n") in text and rule.fixed.rstrip("\n") in text


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(map_pairs.flatmap(lambda pair: st.tuples(st.just(pair), link_sets(*pair))))
def test_stamped_links_between_real_ids_raise_only_pair_rules(
    drawn: tuple[tuple[ArgumentMap, ArgumentMap], LinkSet],
) -> None:
    (a, b), links = drawn
    found = check_links(stamp(links, a, b), {"a": a, "b": b}).diagnostics
    assert {d.code for d in found} <= {"K002", "K005"}
    pairs = [(lk.kind, lk.a, lk.b) for lk in links.links]
    if len(pairs) == len(set(pairs)):
        assert found == ()
