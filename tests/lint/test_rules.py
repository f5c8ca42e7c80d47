"""Tests of argmap.validate: every rule on its smallest broken map and its fix, properties, locations."""

from __future__ import annotations

import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import formats
from argmap.errors import Diagnostic, Location, Severity
from argmap.lint import Family, all_rules, registry, rules_markdown, select_rules, sort_key, validate
from argmap.lint.quotes import SourceIndex, closest_passage, find_quote, normalise
from argmap.lint.registry import Context, Finding
from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Attribution,
    Citation,
    Inference,
    Pole,
    Proposition,
    Source,
    Speaker,
)
from tests.conftest import MAPS, ROOT, check_golden
from tests.strategies import argument_maps, broken_maps

RULES = {rule.code: rule for rule in all_rules()}

#: For each rule, the ids its documented example must name (one tuple per diagnostic).
EXPECTED_IDS: dict[str, list[tuple[str, ...]]] = {
    "S001": [("late",)],
    "S002": [("a1", "strike")],
    "S003": [("a1", "i2")],
    "S004": [("cheap", "rial")],
    "S005": [("fare", "costs")],
    "S006": [("a1", "bus")],
    "S007": [("a1", "late")],
    "S008": [("a1", "i1")],
    "S009": [("i2",)],
    "S010": [("i1", "bus")],
    "S011": [("bus",)],
    "S012": [("i1", "late")],
    "L001": [("late", "crowded")],
    "L002": [("a1", "late", "bus")],
    "L003": [("a1", "bus", "late")],
    "L004": [("late", "punctual", "i2")],
    "L005": [("i1", "late", "punctual")],
    "P001": [("pro",)],
    "P002": [("pro",)],
    "P003": [("con", "con-thesis")],
    "P004": [("late", "pro-thesis", "i2")],
    "P005": [("fast", "pro-thesis", "a1")],
    "P006": [("time", "pro")],
    "P007": [("peak", "con")],
    "P008": [("verdict",)],
    "V001": [("output",)],
    "V002": [("gains", "servey")],
    "V003": [("output", "survey")],
    "V004": [("contact", "interviews")],
    "V005": [("contact", "interviews")],
    "V006": [("losses",)],
    "V007": [("survey",)],
    "V008": [("diary",)],
    "H001": [("weather",)],
    "H002": [("delays", "late")],
    "H003": [("bus",)],
    "H004": [("timetable",)],
    "H005": [("cost",)],
    "H006": [("late",)],
    "S013": [("q1", "tie")],
    "S014": [("feng-says", "tie")],
    "S015": [("p1", "lates")],
    "S016": [("delays", "lates")],
    "L006": [("f2", "f1", "ties")],
    "L007": [("p1", "p2", "late")],
    "H007": [("late",)],
    "H008": [("late",)],
    "H009": [("late",)],
}


def _load(text: str, name: str = "map.yaml") -> ArgumentMap:
    return formats.loads(text, "yaml", filename=name)


def _errors(found: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in found if d.severity is Severity.ERROR]


# -- the catalogue -------------------------------------------------------------------------------


def test_every_rule_has_an_expectation() -> None:
    """The table of expected ids covers exactly the registered rules, so a new rule needs a test."""
    assert set(EXPECTED_IDS) == set(RULES)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_example_reports_exactly_that_rule(code: str) -> None:
    """A rule's documented broken map yields its code alone, naming the expected ids, with a position."""
    rule = RULES[code]
    found = validate(_load(rule.example, f"{code}.yaml"), source_texts=rule.texts or None)
    assert [d.code for d in found] == [code] * len(EXPECTED_IDS[code])
    assert [d.ids for d in found] == EXPECTED_IDS[code]
    assert all(d.severity is rule.severity for d in found)
    assert all(d.location is not None and d.location.file == f"{code}.yaml" for d in found)
    assert all(d.message and d.hint for d in found)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_fix_is_clean(code: str) -> None:
    """A rule's documented fix gives no diagnostic at all."""
    rule = RULES[code]
    assert validate(_load(rule.fix), source_texts=rule.texts or None) == []


def test_codes_are_grouped_by_family() -> None:
    """Every code starts with its family's letter, and rules come ordered by family then code."""
    rules = all_rules()
    assert all(r.code[0] == r.family.letter for r in rules)
    families = list(Family)
    keys = [(families.index(r.family), r.code) for r in rules]
    assert keys == sorted(keys)
    assert len({r.name for r in rules}) == len(rules)


def test_docs_rules_md_is_generated_from_the_registry(update_golden: bool) -> None:
    """docs/rules.md is what the registry generates: lint rules and load codes, then the link rules.

    (Rewritten with --update-golden; ``make docs`` writes it too.)
    """
    from argmap.comparison.check import catalogue_markdown

    text = catalogue_markdown()
    assert text.startswith(rules_markdown())
    check_golden(ROOT / "docs" / "rules.md", text, update_golden)


def test_rules_markdown_documents_every_load_code() -> None:
    """Every load code (F, Y, J, M, A) has a row and a section with its example and message."""
    from argmap.diagnostics import LOAD_CODES

    text = rules_markdown()
    for entry in LOAD_CODES.values():
        assert f"| [{entry.code}](#{entry.code.lower()}-{entry.name}) |" in text
        assert f"### {entry.code} {entry.name}" in text and entry.message in text


def test_rules_markdown_lists_every_code_with_an_example() -> None:
    """The generated table has a row and a broken and fixed example for every rule."""
    text = rules_markdown()
    for rule in all_rules():
        assert f"| [{rule.code}](#" in text
        assert f"### {rule.code} {rule.name}" in text
        assert rule.example.strip() in text and rule.fix.strip() in text


# -- the shipped maps ------------------------------------------------------------------------------


def test_example_map_is_clean() -> None:
    """The small example map in maps/ passes every rule without a single diagnostic."""
    assert validate(formats.load(MAPS / "example-remote-work.yaml")) == []


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_maps_have_no_errors_or_warnings(path: Path) -> None:
    """Every map in maps/ has no error and no warning (info is allowed)."""
    sources = ROOT.parent / "shared" / "sources"
    found = validate(formats.load(path), sources_dir=sources if sources.is_dir() else None)
    assert [str(d) for d in found if d.severity is not Severity.INFO] == []


# -- logic: cycles ----------------------------------------------------------------------------------


def _chain(ids: list[str], edges: list[tuple[str, str]]) -> ArgumentMap:
    props = [Proposition(pid, f"Claim {pid}.") for pid in ids]
    infs = [Inference(f"i-{a}-{b}", (a,), b) for a, b in edges]
    return ArgumentMap("Chain", propositions=props, inferences=infs)


def test_cycle_is_reported_in_order() -> None:
    """A three-step circle is one L001 naming its propositions in support order, with its inferences."""
    amap = _chain(["x", "a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a"), ("x", "a")])
    found = validate(amap, select=["L001"])
    assert [(d.code, d.ids) for d in found] == [("L001", ("a", "b", "c"))]
    assert "a -> b -> c -> a" in found[0].message
    assert "'i-c-a'" in found[0].message


def test_each_circle_is_reported_once() -> None:
    """Two separate circles give two diagnostics; a circle with a chord still gives one."""
    amap = _chain(
        ["a", "b", "c", "d", "e"],
        [("a", "b"), ("b", "a"), ("c", "d"), ("d", "e"), ("e", "c"), ("c", "e")],
    )
    found = validate(amap, select=["L001"])
    assert [d.ids for d in found] == [("a", "b"), ("c", "e")]
    assert "1 more proposition" in found[1].message


def test_long_cycle_needs_no_recursion() -> None:
    """A circle through 20,000 propositions is found without recursion and quickly."""
    n = 20_000
    ids = [f"p{k}" for k in range(n)]
    amap = _chain(ids, [(ids[k], ids[(k + 1) % n]) for k in range(n)])
    start = time.perf_counter()
    found = validate(amap, select=["L001"])
    assert time.perf_counter() - start < 5
    assert len(found) == 1 and found[0].ids == tuple(ids)


# -- provenance: quotes and speakers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "found"),
    [
        ("He said the warming trend is real.", "the warming trend is real", True),
        ("the warming\n   trend is\nreal", "the warming trend is real", True),
        ("China’s “strategic” partner", 'China\'s "strategic" partner', True),
        ('China\'s "strategic" partner', "China’s “strategic” partner", True),
        ("relations – or rather – ties", "relations - or rather - ties", True),
        ("pipe\u00adline politics", "pipeline politics", True),
        ("The Warming trend", "the warming trend", False),
        ("the warming trend", "the warning trend", False),
        ("abc", "", False),
        ("a long enough text with some rather unusual vocabulary", "with some rather unusual", True),
        ("a long enough text with some rather unusual vocabulary", "ith some rather unusu", True),
    ],
)
def test_quote_matching_normalises_only_spacing_and_typography(text: str, quote: str, found: bool) -> None:
    """Quotes match verbatim once white space, typographic quotes, dashes and soft hyphens are normalised."""
    assert find_quote(quote, text) is found


_WORDS = st.sampled_from(
    ["pipeline", "Russia's", "border", "trade", "a", "of", "energy", "“axis”", "—", "Korea"]
)


@given(st.lists(_WORDS, min_size=3, max_size=60), st.data())
def test_any_slice_of_a_text_is_found_whatever_its_spacing(words: list[str], data: st.DataObject) -> None:
    """A stretch of a source, re-spaced with line breaks and straight quotes, is always found."""
    text = " ".join(words)
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j].replace(" ", "\n  ").replace("’", "'").replace("“", '"').replace("—", "-")
    if normalise(quote):
        assert SourceIndex(text).contains(quote)


def test_closest_passage_is_reported_for_a_misquote() -> None:
    """A misquote's hint shows the passage of the source that is most like it."""
    text = (
        "Intro. " * 50
        + "Observers say the warming trend is real, but so are the obstacles. "
        + "Outro. " * 50
    )
    match = closest_passage("the warming trend is genuine, but so are the obstacles", text)
    assert match is not None and match.ratio > 0.8
    assert "warming trend is real, but so are the obstacles" in match.passage
    assert closest_passage("nothing alike", "zz yy xx") is None


def _cited_map(quote: str, *, text_path: str | None = None, speaker: Speaker | None = None) -> ArgumentMap:
    source = Source("cable", "A cable", text=text_path, speakers=(Speaker("Li Wei", "CIIS"),))
    return ArgumentMap(
        "Quotes",
        sources=[source],
        propositions=[
            Proposition(
                "warm", "Relations warm.", citation=Citation("cable", "para 2", quote), speaker=speaker
            ),
            Proposition("real", "The trend is real."),
        ],
        inferences=[Inference("i1", ("warm",), "real")],
    )


_CABLE = "Observers say the warming trend is real, but so are the obstacles."


def test_quote_checked_against_sources_dir(tmp_path: Path) -> None:
    """With a sources directory, a misquote is V003 with the closest passage; a true quote is clean."""
    (tmp_path / "cable.txt").write_text(_CABLE, encoding="utf-8")
    bad = validate(_cited_map("the warming trend is genuine"), sources_dir=tmp_path)
    assert [(d.code, d.ids) for d in bad] == [("V003", ("warm", "cable"))]
    assert bad[0].hint is not None and "warming trend is real" in bad[0].hint
    assert validate(_cited_map("the warming\ntrend is real"), sources_dir=tmp_path) == []


def test_markdown_source_text_is_found(tmp_path: Path) -> None:
    """A source text may also be <id>.md in the sources directory."""
    (tmp_path / "cable.md").write_text(_CABLE, encoding="utf-8")
    assert [d.code for d in validate(_cited_map("not in it at all"), sources_dir=tmp_path)] == ["V003"]


def test_case_only_misquote_gets_a_case_hint() -> None:
    """A quote that differs only in letter case is reported with a hint saying so."""
    found = validate(_cited_map("OBSERVERS say"), source_texts={"cable": _CABLE})
    assert [d.code for d in found] == ["V003"]
    assert found[0].hint is not None and "letter case" in found[0].hint


def test_declared_text_path_is_relative_to_the_map(tmp_path: Path) -> None:
    """A source's own 'text:' path is read relative to the map file."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "cable.txt").write_text(_CABLE, encoding="utf-8")
    path = str(tmp_path / "map.yaml")
    good = attrs.evolve(_cited_map("warming trend is real", text_path="texts/cable.txt"), path=path)
    assert validate(good) == []
    bad = attrs.evolve(_cited_map("cooling trend", text_path="texts/cable.txt"), path=path)
    assert [d.code for d in validate(bad)] == ["V003"]
    missing = attrs.evolve(_cited_map("x", text_path="texts/none.txt"), path=path)
    assert [(d.code, d.ids) for d in validate(missing)] == [("V007", ("cable",))]


def _reported_map(source: str, quote: str) -> ArgumentMap:
    """The quotes map, with the cable's words also reported as Li Wei's."""
    amap = _cited_map("warming trend is real")
    report = Attribution(
        "li-says", Speaker("Li Wei", "CIIS"), "warm", citation=Citation(source, "para 3", quote)
    )
    return attrs.evolve(amap, attributions=[report])


@pytest.mark.parametrize(
    ("source", "quote", "expected"),
    [
        ("cable", "so are the obstacles", []),
        ("cable", "so were the obstacles", [("V003", ("li-says", "cable"))]),
        ("cabel", "so are the obstacles", [("V002", ("li-says", "cabel"))]),
        ("cable", "so are the obstacles " * 20, [("H006", ("li-says",)), ("V003", ("li-says", "cable"))]),
    ],
)
def test_reported_speech_citations_are_checked_like_propositions(
    source: str, quote: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    """A report's citation is checked for its source and its quote, as a proposition's is."""
    found = validate(_reported_map(source, quote), source_texts={"cable": _CABLE})
    assert sorted((d.code, d.ids) for d in found) == expected
    assert all("report 'li-says'" in d.message for d in found)


def test_a_source_cited_only_by_a_report_is_used() -> None:
    """H004 counts citations in reported speech: a source only a report cites is not unused."""
    amap = _reported_map("cable", "so are the obstacles")
    only_report = attrs.evolve(amap, propositions=[attrs.evolve(p, citation=None) for p in amap.propositions])
    assert [d.code for d in validate(only_report, select=["H004"])] == []
    assert [d.code for d in validate(attrs.evolve(only_report, attributions=[]), select=["H004"])] == ["H004"]


def test_no_source_text_means_no_quote_check() -> None:
    """Without any source text a quote is not checked, and nothing is reported."""
    assert validate(_cited_map("anything at all")) == []


def test_speaker_compared_by_name() -> None:
    """A speaker matches a declared one by name, whatever the affiliation says."""
    same = _cited_map("q", speaker=Speaker("Li Wei", "another institute"))
    assert validate(same) == []
    other = _cited_map("q", speaker=Speaker("Wang Fang", "CIIS"))
    assert [(d.code, d.ids) for d in validate(other)] == [("V005", ("warm", "cable"))]


# -- selection, ordering, locations ------------------------------------------------------------------


_BROKEN = RULES["S002"].example


@pytest.mark.parametrize(
    ("select", "ignore", "codes"),
    [
        (None, None, {"S002", "H001"}),
        (["S"], None, {"S002"}),
        (["structure"], None, {"S002"}),
        (["unknown-proposition"], None, {"S002"}),
        (["S002", "H"], None, {"S002", "H001"}),
        (None, ["S00"], {"H001"}),
        (["ALL"], ["hygiene"], {"S002"}),
        (["L"], None, set()),
    ],
)
def test_select_and_ignore(select: list[str] | None, ignore: list[str] | None, codes: set[str]) -> None:
    """Rules are chosen by code, prefix, rule name or family; ignore wins over select."""
    amap = _load(
        _BROKEN.replace(
            "{id: late, text: The trains are often late.}",
            "{id: late, text: Late.}\n  - {id: loose, text: Nothing links here.}",
        )
    )
    assert {d.code for d in validate(amap, select=select, ignore=ignore)} == codes


def test_unknown_selector_is_an_error() -> None:
    """A selector that matches no rule raises ValueError rather than silently checking nothing."""
    with pytest.raises(ValueError, match="X9"):
        select_rules(["X9"])
    with pytest.raises(ValueError, match="nonsense"):
        validate(ArgumentMap("t"), ignore=["nonsense"])


def test_diagnostics_sorted_by_location_then_code() -> None:
    """Diagnostics come in file order, unlocated ones last, ties broken by code."""
    a = Diagnostic("S002", Severity.ERROR, "m", location=Location("f", 3, 1))
    b = Diagnostic("H001", Severity.WARNING, "m", location=Location("f", 3, 1))
    c = Diagnostic("A000", Severity.INFO, "m")
    d = Diagnostic("S001", Severity.ERROR, "m", location=Location("f", 1, 9))
    assert sorted([a, b, c, d], key=sort_key) == [d, b, a, c]


_LOCATED = """\
argmap: 1
title: Positions
propositions:
  - {id: a, text: A claim.}
  - id: b
    text: Another claim.
    pole: nowhere
inferences:
  - id: i1
    premises: [a, ghost]
    conclusion: b
attacks:
  - {id: x1, from: a, to: phantom, kind: undercut}
"""


def test_diagnostics_point_at_the_offending_field() -> None:
    """Each diagnostic points at the most precise position: the premise, the pole field, the 'to' field."""
    found = {d.code: d.location for d in validate(_load(_LOCATED, "pos.yaml"))}
    assert found["S002"] == Location("pos.yaml", 10, 19)  # 'ghost', the second premise
    assert found["S004"] == Location("pos.yaml", 7, 11)  # the value of 'pole'
    assert found["S003"] == Location("pos.yaml", 13, 27)  # the value of 'to'


def test_maps_built_in_python_have_no_locations() -> None:
    """A map built with constructors gets diagnostics without a location, never a made-up one."""
    amap = ArgumentMap("t", propositions=[Proposition("a", "A.")], inferences=[Inference("i", ("b",), "a")])
    found = validate(amap)
    assert {d.code for d in found} == {"S002"} and all(d.location is None for d in found)


def test_a_crashing_rule_becomes_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in one rule is reported as an error diagnostic; the other rules still run."""

    def boom(_ctx: Context) -> list[Finding]:
        raise RuntimeError("boom")

    monkeypatch.setitem(registry._RULES, "H001", attrs.evolve(RULES["H001"], check=boom))
    found = validate(_load(RULES["S002"].example))
    assert {d.code for d in found} == {"H001", "S002"}
    assert any("internal error" in d.message for d in found)


# -- properties -----------------------------------------------------------------------------------------


@settings(max_examples=30)
@given(argument_maps())
def test_valid_maps_have_no_errors(amap: ArgumentMap) -> None:
    """A generated valid map gives no error diagnostic."""
    assert _errors(validate(amap)) == []


@settings(max_examples=20)
@given(argument_maps())
def test_quotes_of_valid_maps_are_found_in_their_sources(amap: ArgumentMap) -> None:
    """When each source's text is made of its quotes, every quote verifies, whatever characters it holds."""
    texts: dict[str, list[str]] = {s.id: ["Preface."] for s in amap.sources}
    for prop in amap.propositions:
        if prop.citation is not None and prop.citation.quote:
            texts[prop.citation.source].append(prop.citation.quote)
    found = validate(amap, source_texts={k: "\n\n".join(v) for k, v in texts.items()}, select=["V003"])
    assert found == []


@settings(max_examples=50)
@given(broken_maps())
def test_an_injected_defect_is_named(case: tuple[ArgumentMap, str, tuple[str, ...]]) -> None:
    """Injecting one defect into a valid map yields that code, naming the injected ids."""
    amap, code, ids = case
    found = validate(amap)
    assert any(d.code == code and set(ids) <= set(d.ids) for d in found), [str(d) for d in found]


_POOL = ["a", "b", "c", "i", "j", "x"]


@st.composite
def tangled_maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps whose references point anywhere, including at nothing and at the wrong kind of node."""
    ref = st.sampled_from(_POOL)
    props = [
        Proposition(
            pid,
            draw(st.sampled_from(["", " ", "Same.", "same.", "Other."])),
            pole=draw(st.none() | ref),
            theme=draw(st.none() | ref),
            contradicts=tuple(draw(st.lists(ref, max_size=2))),
            citation=draw(st.none() | st.builds(Citation, ref, quote=st.none() | st.text(max_size=5))),
            speaker=draw(st.none() | st.builds(Speaker, st.sampled_from(["P", "Q"]))),
        )
        for pid in draw(st.lists(ref, max_size=5))
    ]
    infs = [
        Inference(draw(ref), tuple(draw(st.lists(ref, max_size=3))), draw(ref))
        for _ in range(draw(st.integers(0, 5)))
    ]
    atts = [
        Attack(draw(ref), draw(ref), draw(ref), draw(st.sampled_from(AttackKind)))
        for _ in range(draw(st.integers(0, 4)))
    ]
    poles = [
        Pole(pid, draw(st.sampled_from(["", "P"])), draw(st.none() | ref))
        for pid in draw(st.lists(ref, max_size=3))
    ]
    sources = [
        Source(sid, "S", speakers=draw(st.sampled_from([(), (Speaker("P"),)])))
        for sid in draw(st.lists(ref, max_size=2))
    ]
    return ArgumentMap(
        "Tangled", sources=sources, poles=poles, propositions=props, inferences=infs, attacks=atts
    )


@settings(max_examples=80)
@given(tangled_maps(), st.dictionaries(st.sampled_from(_POOL), st.text(max_size=20), max_size=3))
def test_validation_never_raises_on_map_content(amap: ArgumentMap, texts: dict[str, str]) -> None:
    """Whatever the references point at, validation returns diagnostics and no rule crashes."""
    found = validate(amap, source_texts=texts)
    assert not any("internal error" in d.message for d in found)
    assert found == sorted(found, key=sort_key)


_TWO_POLES = """
argmap: 2
title: Commute
poles:
  - {id: pro, label: For rail, thesis: pro-thesis}
  - {id: con, label: Against rail, thesis: con-thesis}
themes:
  - {id: time, label: Time}
  - {id: cost, label: Cost}
propositions:
  - {id: pro-thesis, role: thesis, poles: [pro], text: The train is the best way in.}
  - {id: con-thesis, role: thesis, poles: [con], text: The train is a poor way in.}
  - {id: fast, poles: [pro], themes: [time], text: The train is fast.}
  - {id: late, poles: [con], themes: [time], text: The train is often late.}
  - {id: fare, poles: %(fare_poles)s, themes: %(fare_themes)s, text: Fares are fixed and high.}
inferences:
  - {id: i1, premises: [fast], conclusion: pro-thesis}
  - {id: i2, premises: [late], conclusion: con-thesis}
  - {id: i3, premises: [fare], conclusion: %(fare_supports)s}
"""


@pytest.mark.parametrize(
    ("fare_poles", "fare_themes", "fare_supports", "expected"),
    [
        # A two-edged statement on both poles puts its theme on both sides and may support either.
        ("[pro, con]", "[cost]", "pro-thesis", []),
        ("[pro, con]", "[cost]", "con-thesis", []),
        # One pole only: its theme is one-sided, and supporting the other pole is P004.
        ("[con]", "[cost]", "con-thesis", [("P006", ("cost", "con"))]),
        (
            "[con]",
            "[time, cost]",
            "pro-thesis",
            [("P004", ("fare", "pro-thesis", "i3")), ("P006", ("cost", "con"))],
        ),
        # Every pole and theme a statement names is checked, not only the first.
        (
            "[pro, cons]",
            "[time, cost]",
            "pro-thesis",
            [("P006", ("cost", "pro")), ("S004", ("fare", "cons"))],
        ),
        ("[pro, con]", "[cost, tme]", "pro-thesis", [("S005", ("fare", "tme"))]),
    ],
)
def test_paradox_rules_read_every_pole_and_theme(
    fare_poles: str, fare_themes: str, fare_supports: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    """S004, S005, P004 and P006 consider all the poles and themes a statement names."""
    text = _TWO_POLES % {"fare_poles": fare_poles, "fare_themes": fare_themes, "fare_supports": fare_supports}
    found = validate(_load(text), select=["S004", "S005", "P004", "P005", "P006", "P007"])
    assert sorted((d.code, d.ids) for d in found) == expected


def test_a_statement_on_both_poles_attacking_one_thesis_is_p005() -> None:
    """P005 reads every pole of the attacker: a statement of both poles attacks its own pole's thesis."""
    text = _TWO_POLES % {"fare_poles": "[pro, con]", "fare_themes": "[cost]", "fare_supports": "con-thesis"}
    text += "attacks:\n  - {id: a1, from: fare, to: pro-thesis}\n"
    found = validate(_load(text), select=["P005"])
    assert [(d.code, d.ids) for d in found] == [("P005", ("fare", "pro-thesis", "a1"))]
