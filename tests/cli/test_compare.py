"""Tests of ``argmap compare`` and of link files in ``argmap check``, through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from argmap import formats
from argmap.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, app
from argmap.comparison import LinkKind, dump_links, links_schema, load_links, stamp
from tests.comparison.helpers import LINKS, earlier, later

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str, str]:
    """Two maps and a stamped link file between them, as files in ``tmp_path``."""
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    formats.dump(earlier(), a)
    formats.dump(later(), b)
    links = tmp_path / "links.yaml"
    dump_links(stamp(LINKS, earlier(), later()), links)
    return str(a), str(b), str(links)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_report_in_each_format(pair: tuple[str, str, str], fmt: str) -> None:
    a, b, links = pair
    code, out, err = run("compare", a, b, "--links", links, "--format", fmt)
    assert (code, err) == (EXIT_OK, "")
    assert "punctual" in out and "late" in out
    if fmt == "json":
        assert json.loads(out)["counts"]["contradicted"] == 1


def test_report_and_diagram_to_files(pair: tuple[str, str, str], tmp_path: Path) -> None:
    a, b, links = pair
    report, dot = tmp_path / "out" / "r.md", tmp_path / "out" / "j.dot"
    code, out, err = run(
        "compare", a, b, "-l", links, "-f", "markdown", "-o", str(report), "--diagram", str(dot)
    )
    assert code == EXIT_OK and out == ""
    assert f"wrote {report}" in err
    assert report.read_text(encoding="utf-8").startswith("# What changed: Rail, 2008 → Rail, 2012")
    dot_text = dot.read_text(encoding="utf-8")
    assert dot_text.startswith("digraph argmap {") and '"b~punctual" -> "a~late"' in dot_text


@pytest.mark.needs_dot
def test_comparison_page(pair: tuple[str, str, str], tmp_path: Path) -> None:
    a, b, links = pair
    page = tmp_path / "out" / "compare.html"
    code, out, err = run("compare", a, b, "-l", links, "--html", str(page))
    assert code == EXIT_OK and "punctual" in out and f"wrote {page}" in err
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'id="argmap-compare-data"' in text


def test_comparison_page_without_graphviz_exits_2(
    pair: tuple[str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, links = pair
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    code, _, err = run("compare", a, b, "-l", links, "--html", str(tmp_path / "c.html"))
    assert code == EXIT_UNUSABLE and "Graphviz 'dot' was not found" in err and "Traceback" not in err
    assert not (tmp_path / "c.html").exists()


def test_diagram_as_view_json(pair: tuple[str, str, str], tmp_path: Path) -> None:
    a, b, links = pair
    target = tmp_path / "joint.json"
    code, _, _ = run("compare", a, b, "-l", links, "--diagram", str(target))
    assert code == EXIT_OK
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "argmap-view" and document["layout"] == "columns"


def test_link_problems_are_one_line_each_and_exit_1(pair: tuple[str, str, str], tmp_path: Path) -> None:
    a, b, _ = pair
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "argmap-links: 1\nmaps: {a: a.yaml, b: b.yaml}\nlinks:\n  - {a: late, b: gone}\n", encoding="utf-8"
    )
    code, out, err = run("compare", a, b, "--links", str(bad))
    assert code == EXIT_PROBLEMS
    assert f"argmap: error: {bad}:4:5: K001 map b (b.yaml) has no proposition 'gone'" in err.splitlines()
    assert "Traceback" not in err and out  # the report is still printed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "a-missing.yaml", "b.yaml"], "no such file"),
        (["compare", "{a}", "{b}", "--links", "{bad}"], "bad.yaml:2:1: Y001 invalid YAML"),
        (["compare", "{a}"], "two maps are needed"),
        (["compare", "{a}", "{b}", "--accept"], "--accept only goes with --suggest"),
        (["compare", "{a}", "{b}", "--stamp"], "name the link file to write with --links"),
        (["compare", "{a}", "{b}", "--format", "html"], "'html' is not one of text, markdown, json"),
        (["compare", "{a}", "{b}", "--diagram", "{tmp}/x.gif"], "cannot tell the diagram format"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    pair: tuple[str, str, str], tmp_path: Path, args: list[str], message: str
) -> None:
    a, b, _ = pair
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap-links: 1\n{", encoding="utf-8")
    filled = [x.format(a=a, b=b, bad=bad, tmp=tmp_path) for x in args]
    code, _, err = run(*filled)
    assert code == EXIT_UNUSABLE
    assert message in err
    assert "Traceback" not in err


def test_suggest_then_accept_creates_a_link_file_with_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    a, b = tmp_path / "maps" / "a.yaml", tmp_path / "maps" / "b.yaml"
    formats.dump(earlier(), a)
    formats.dump(later(), b)
    target = tmp_path / "links" / "new.yaml"
    code, out, err = run(
        "compare", str(a), str(b), "--suggest", "--top", "1", "--accept", "--links", str(target)
    )
    assert code == EXIT_OK, err
    assert "(T: aligned themes, P: corresponding poles, R: same role)" in out
    made = load_links(target)
    assert (made.a.path, made.b.path) == ("../maps/a.yaml", "../maps/b.yaml")
    assert len(made.of_kind(LinkKind.PROPOSITION)) == len(earlier().propositions)
    assert set(made.a.fingerprints) == {lk.a for lk in made.links}
    code, out, _ = run("check", "--strict", str(target))
    assert code == EXIT_OK and "K0" not in out


def test_suggestions_as_json(pair: tuple[str, str, str]) -> None:
    a, b, links = pair
    code, out, _ = run(
        "compare", a, b, "--links", links, "--suggest", "--format", "json", "--min-score", "0.5"
    )
    assert code == EXIT_OK
    rows = json.loads(out)["suggestions"]
    assert rows and all(row["score"] >= 0.5 for row in rows)


def test_stamp_refreshes_fingerprints_after_a_change(pair: tuple[str, str, str]) -> None:
    a, b, links = pair
    Path(a).write_text(Path(a).read_text(encoding="utf-8").replace("often late", "late"), encoding="utf-8")
    code, _, err = run("check", links)
    assert code == EXIT_OK  # a warning only
    code, out, _ = run("check", "--strict", links)
    assert code == EXIT_PROBLEMS and "K003" in out
    code, _, err = run("compare", a, b, "--links", links, "--stamp")
    assert code == EXIT_OK and "K003" not in err
    code, out, _ = run("check", "--strict", links)
    assert code == EXIT_OK and out.splitlines()[-1] == "Checked 0 maps and 1 link file: no problems found"


def test_check_takes_maps_and_link_files_together_in_order(
    pair: tuple[str, str, str], tmp_path: Path
) -> None:
    a, _, links = pair
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap-links: 1\nmaps: {a: a.yaml, b: nowhere.yaml}\n", encoding="utf-8")
    code, out, _ = run("check", a, str(broken), links, "--format", "json")
    assert code == EXIT_PROBLEMS
    data = json.loads(out)
    files = [f["path"] for f in data["files"]] if "files" in data else [f["file"] for f in data]
    assert files == [a, str(broken), links]
    assert "K004" in out


def test_check_reports_an_unparsable_link_file_as_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap-links: 1\nmaps: [\n", encoding="utf-8")
    code, out, _ = run("check", str(bad))
    assert code == EXIT_UNUSABLE
    assert f"{bad}:3:1" in out


def test_schema_option_prints_the_link_file_schema() -> None:
    code, out, _ = run("compare", "--schema")
    assert code == EXIT_OK
    schema = json.loads(out)
    assert schema == links_schema()
    jsonschema.Draft202012Validator.check_schema(schema)


def test_maps_other_than_the_link_files_are_compared_with_a_warning(
    pair: tuple[str, str, str], tmp_path: Path
) -> None:
    a, b, links = pair
    other = tmp_path / "copy.yaml"
    other.write_text(Path(b).read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("compare", a, str(other), "--links", links)
    assert code == EXIT_OK
    assert f"comparing {a} and {other} as given" in err


@pytest.fixture
def faulty_links(pair: tuple[str, str, str], tmp_path: Path) -> str:
    """A link file beside ``pair``'s maps with K001 (error), K005 and K006 (warnings)."""
    path = tmp_path / "faulty.yaml"
    path.write_text(
        "argmap-links: 1\nmaps: {a: a.yaml, b: b.yaml}\nlinks:\n  - {a: late, b: gone}\n"
        "  - {a: cheap, b: dear, relation: updates}\n  - {a: cheap, b: dear, relation: updates}\n",
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize(
    ("options", "codes", "exit_code"),
    [
        ([], {"K001", "K005", "K006"}, EXIT_PROBLEMS),
        (["--select", "K001"], {"K001"}, EXIT_PROBLEMS),
        (["--select", "k00"], {"K001", "K005", "K006"}, EXIT_PROBLEMS),
        (["--select", "ALL"], {"K001", "K005", "K006"}, EXIT_PROBLEMS),
        (["--ignore", "K001"], {"K005", "K006"}, EXIT_OK),
        (["--ignore", "K006,duplicate-link"], {"K001"}, EXIT_PROBLEMS),
        (["--select", "links", "--ignore", "unknown-linked-id"], {"K005", "K006"}, EXIT_OK),
        (["--select", "S,K005"], {"K005"}, EXIT_OK),
        (["--select", "structure"], set(), EXIT_OK),
        (["--ignore", "K"], set(), EXIT_OK),
    ],
)
def test_check_select_and_ignore_take_the_link_rule_codes(
    faulty_links: str, options: list[str], codes: set[str], exit_code: int
) -> None:
    code, out, _ = run("check", faulty_links, "--format", "json", *options)
    assert code == exit_code
    [report] = json.loads(out)["files"]
    assert {d["code"] for d in report["diagnostics"]} == codes


def test_selecting_only_link_rules_runs_no_lint_rule_on_maps(faulty_links: str, tmp_path: Path) -> None:
    untidy = tmp_path / "untidy.yaml"
    untidy.write_text(
        "argmap: 1\ntitle: T\npropositions:\n  - {id: x, text: An orphan claim.}\n", encoding="utf-8"
    )
    code, out, _ = run("check", str(untidy), faulty_links, "--select", "K005", "--format", "json")
    files = json.loads(out)["files"]
    assert [d["code"] for d in files[0]["diagnostics"]] == []
    assert {d["code"] for d in files[1]["diagnostics"]} == {"K005"}
    assert code == EXIT_OK
    code, out, _ = run("check", str(untidy), "--format", "json")
    assert json.loads(out)["files"][0]["diagnostics"]  # the same map has problems under the lint rules


@pytest.mark.parametrize("entry", ["K9", "K0011", "links-rules"])
def test_an_unknown_link_code_is_refused(faulty_links: str, entry: str) -> None:
    code, _, err = run("check", faulty_links, "--select", entry)
    assert code == EXIT_UNUSABLE and "unknown rule code or family" in err
