"""The AIF reader's C accelerator against the pure-Python reader it stands in for.

Every corpus file, every fixture and drawn documents (defects included) are read twice, with the
accelerator and without it; the two readings must agree in everything: the map, each object's field
types, the problems, counts and diagnostics. Skipped, with the reason shown, where the accelerator was
not built (no C compiler where argmap was set up).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

from argmap.formats import aif
from argmap.formats.aif import _read
from argmap.model import Proposition, Speaker
from tests.strategies import aif_documents

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[3]
CORPUS_FILES = sorted((ROOT.parent / "shared" / "corpora" / "aif").glob("*/*.json"))
FILES = [*CORPUS_FILES, *sorted(FIXTURES.glob("*.json"))]

needs_speedups = pytest.mark.skipif(
    _read._speedups is None,
    reason="the AIF reader's C accelerator is not built (make setup builds it where a C compiler exists)",
)


def _reading(read: Any) -> Any:
    """Everything a reading gives, field types included, or the error it raised."""
    try:
        done: aif.AifImport = read()
    except Exception as exc:  # the two readers must fail alike too
        return ("raised", type(exc).__name__, str(exc))
    amap = done.map
    items: list[Any] = [*amap.propositions, *amap.inferences, *amap.attacks, *amap.attributions]
    types = [
        (type(item).__name__, *(type(getattr(item, a.name)).__name__ for a in attrs.fields(type(item))))
        for item in items
    ]
    diagnostics = [(d.code, d.message, d.ids, d.location) for d in done.diagnostics]
    tables = (done.problems, dict(done.counts), done.flavour, dict(done.problem_edges))
    return (amap, types, *tables, diagnostics)


def _both(read: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    fast = _reading(read)
    with monkeypatch.context() as patched:
        patched.setattr(_read, "_speedups", None)
        pure = _reading(read)
    return fast, pure


@needs_speedups
@pytest.mark.skipif(not CORPUS_FILES, reason="AIF corpora not found beside the repository")
def test_every_corpus_file_and_fixture_reads_alike_with_and_without_the_accelerator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    differing = []
    for path in FILES:
        raw = path.read_bytes()
        fast, pure = _both(lambda raw=raw, path=path: aif.read(raw, str(path)), monkeypatch)
        if fast != pure:
            differing.append(path.name)
    assert not differing
    assert len(FILES) > 700


@needs_speedups
@given(aif_documents())
def test_drawn_documents_read_alike_with_and_without_the_accelerator(document: dict[str, Any]) -> None:
    # (No monkeypatch fixture under @given: the switch is made and undone here.)
    fast = _reading(lambda: aif.read_data(json.loads(json.dumps(document)), "drawn.json"))
    saved, _read._speedups = _read._speedups, None
    try:
        pure = _reading(lambda: aif.read_data(json.loads(json.dumps(document)), "drawn.json"))
    finally:
        _read._speedups = saved
    assert fast == pure


@needs_speedups
@pytest.mark.parametrize(
    "nodes",
    [
        [None],
        [{"nodeID": "1"}],
        [{"type": "I"}],
        [{"nodeID": 1, "type": "I", "text": "a"}],
        [{"nodeID": "1", "type": "XX", "text": "a"}],
        [{"nodeID": "1", "type": "I", "text": None}],
        [{"nodeID": "1", "type": "I", "text": 2}],
        [{"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": "1", "type": "L", "text": "b"}],
        [{"nodeID": "1", "type": ["I"], "text": "a"}],
    ],
)
def test_scan_nodes_leaves_every_irregular_list_to_the_reader(nodes: list[Any]) -> None:
    assert _read._speedups.scan_nodes(nodes, _read._KNOWN, _read._RELATIONAL, _read._WIRED) is None


@needs_speedups
def test_scan_nodes_makes_the_readers_tables() -> None:
    nodes = [
        {"nodeID": "1", "type": "L", "text": "Bob : hi"},
        {"nodeID": "2", "type": "TA"},
        {"nodeID": "3", "type": "YA", "text": "Asserting"},
        {"nodeID": "4", "type": "I", "text": "hi"},
    ]
    kind, texts, counts, relational, wired = _read._speedups.scan_nodes(
        nodes, _read._KNOWN, _read._RELATIONAL, _read._WIRED
    )
    assert list(kind.items()) == [("1", "L"), ("2", "TA"), ("3", "YA"), ("4", "I")]
    assert texts == ["Bob : hi", "", "Asserting", "hi"]
    assert list(counts.items()) == [("L", 1), ("TA", 1), ("YA", 1), ("I", 1)]
    assert relational == [("2", "TA")]
    assert wired == [("3", "YA", nodes[2])]


@needs_speedups
def test_a_maker_builds_what_the_checked_constructor_builds() -> None:
    speaker = Speaker("Ann")
    made = _read._fast_locution("p1", "What she said", speaker)
    assert type(made) is Proposition
    assert made == attrs.evolve(_read._locution("p0", "", speaker), id="p1", text="What she said")
    assert attrs.evolve(made) == made  # the model's own checks pass
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]


@needs_speedups
def test_a_maker_refuses_what_it_cannot_build() -> None:
    maker_type = _read._speedups.Maker
    fields = tuple(getattr(Proposition, a.name) for a in attrs.fields(Proposition))
    with pytest.raises(TypeError, match="takes 2 values"):
        _read._fast_plain("only one")
    with pytest.raises(TypeError, match="by position"):
        _read._fast_plain(id="p", text="t")
    with pytest.raises(TypeError, match="member descriptor"):
        maker_type(Proposition("p", ""), (Proposition.__init__,), ())
    with pytest.raises(TypeError, match="defined in Python"):
        maker_type(object(), fields, ())
    with pytest.raises(ValueError, match="unset"):
        maker_type(object.__new__(Proposition), fields, ())


# -- the build script -------------------------------------------------------------------------------


def _build_script(monkeypatch: pytest.MonkeyPatch, source: Path) -> Any:
    spec = importlib.util.spec_from_file_location("build_speedups", ROOT / "tools" / "build_speedups.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "SOURCE", source)
    monkeypatch.setattr(module, "ROOT", source.parent)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="built with the compiler Python was built with")
@pytest.mark.parametrize(
    ("source_text", "no_compiler", "said"),
    [
        ("", True, "no C compiler"),  # none found: says so in one line, succeeds
        ("this is not C;\n", False, "the compiler failed"),  # a failed compile leaves no module behind
    ],
)
def test_a_build_that_cannot_succeed_says_why_in_one_line_and_leaves_nothing_behind(
    source_text: str,
    no_compiler: bool,
    said: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "_speedups.c"
    source.write_text(source_text, encoding="utf-8")
    script = _build_script(monkeypatch, source)
    if no_compiler:
        monkeypatch.setattr(script.shutil, "which", lambda name: None)
    assert script.main() == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and said in out and "not built" in out and "pure-Python reader is used" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_speedups.c"]


@needs_speedups
def test_the_build_compiles_the_accelerator_into_the_name_python_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sysconfig

    source = tmp_path / "_speedups.c"
    source.write_bytes((ROOT / "argmap" / "formats" / "aif" / "_speedups.c").read_bytes())
    assert _build_script(monkeypatch, source).main() == 0
    assert capsys.readouterr().out.startswith("built ")
    built = tmp_path / ("_speedups" + sysconfig.get_config_var("EXT_SUFFIX"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["_speedups.c", built.name])


@needs_speedups
def test_a_key_that_changes_the_list_while_it_is_read_leaves_it_to_the_reader() -> None:
    # read_data takes any data: a key equal in hash to "nodeID" runs Python code in every lookup.
    nodes: list[Any] = []

    class Sly:
        def __hash__(self) -> int:
            return hash("nodeID")

        def __eq__(self, other: object) -> bool:
            nodes.clear()
            return False

    entries = [{Sly(): 1, "nodeID": "1", "type": "I", "text": "a"}, {"nodeID": "2", "type": "I", "text": "b"}]
    scan = _read._speedups.scan_nodes
    # A copy is read in whole (the key empties the other list); the list itself is given up on.
    nodes += entries
    assert scan(list(entries), _read._KNOWN, _read._RELATIONAL, _read._WIRED) is not None
    assert nodes == []
    nodes += entries
    assert scan(nodes, _read._KNOWN, _read._RELATIONAL, _read._WIRED) is None
    assert nodes == []
    nodes += entries
    assert len(aif.read_data({"nodes": nodes, "edges": []}).map.propositions) <= 2


def _wheel(tmp_path: Path, env: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """A wheel built from the checkout with the project's build hook (hatch_build.py): its name and files."""
    import subprocess
    import zipfile

    pip = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip, "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
        env=env,
    )
    (wheel,) = tmp_path.glob("argmap-*.whl")
    return wheel.name, zipfile.ZipFile(wheel).namelist()


@needs_speedups
def test_a_wheel_built_from_the_checkout_carries_the_accelerator(tmp_path: Path) -> None:
    import sysconfig

    name, files = _wheel(tmp_path)
    assert not name.endswith("-none-any.whl")  # tagged for this platform
    assert f"argmap/formats/aif/_speedups{sysconfig.get_config_var('EXT_SUFFIX')}" in files
    assert "argmap/formats/aif/_speedups.pyi" in files


def test_without_a_compiler_the_wheel_is_pure_python(tmp_path: Path) -> None:
    import os

    # No compiler on PATH (Python itself is called by its full path).
    env = {**os.environ, "PATH": str(tmp_path / "empty"), "CC": "no-such-cc"}
    name, files = _wheel(tmp_path, env)
    assert name.endswith("-py3-none-any.whl")
    assert not [f for f in files if f.endswith((".so", ".pyd"))]
    assert "argmap/formats/aif/_read.py" in files


@needs_speedups
def test_the_accelerator_is_the_version_the_reader_expects() -> None:
    # A module built from an older source is not used (the reader would run in pure Python).
    assert _read._speedups.API == _read._SPEEDUPS_API
    source = (ROOT / "argmap" / "formats" / "aif" / "_speedups.c").read_text(encoding="utf-8")
    assert f"#define SPEEDUPS_API {_read._SPEEDUPS_API}\n" in source
