"""The shape of the package: stages import one way, every package says what it owns and may import.

The pipeline is ``model -> formats -> lint -> evaluation -> view -> export -> comparison -> cli``;
``af`` (abstract and bipolar frameworks) knows nothing of maps and may be used from ``evaluation``
on. The shared layer (``errors``, ``diagnostics``, ``_files``, ``_graph``, ``_version``) sits below
every stage and imports none. Every ``import`` statement counts, including those inside functions
(lazy imports), because a lazy import that runs backwards is still a dependency that runs backwards.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "argmap"

#: Stage of each top-level part of ``argmap`` -> its rank; a module may import only lower ranks
#: (and its own stage). ``af`` is handled apart: it imports only the shared layer.
RANKS: dict[str, int] = {
    "errors": 0,
    "diagnostics": 0,
    "_files": 0,
    "_graph": 0,
    "_version": 0,
    "model": 1,
    "formats": 2,
    "lint": 3,
    "af": 4,
    "evaluation": 5,
    "view": 6,
    "export": 7,
    "comparison": 8,
    "cli": 9,
    "__main__": 10,
}
SHARED = {name for name, rank in RANKS.items() if rank == 0}


def _stage(module: str) -> str | None:
    """The stage of a dotted module name inside argmap, or None for the top-level API module."""
    parts = module.split(".")
    if parts[0] != "argmap" or len(parts) == 1:
        return None
    return parts[1]


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every argmap module ``path`` imports, at any depth of the file, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "argmap":
                # ``from argmap import formats`` imports the submodule ``argmap.formats``.
                found.extend((node.lineno, f"argmap.{alias.name}") for alias in node.names)
            else:
                found.append((node.lineno, node.module))
    return [(line, name) for line, name in found if name == "argmap" or name.startswith("argmap.")]


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "node_modules" not in p.parts)


def _allowed(importer: str, imported: str) -> bool:
    if imported == importer or imported in SHARED:
        return True
    if importer in SHARED:
        return False
    if importer == "af":
        return False  # abstract frameworks know nothing of maps
    return RANKS[imported] < RANKS[importer]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_run_one_way(path: Path) -> None:
    importer = _stage(_module_name(path))
    if importer is None:
        return  # argmap/__init__.py is the public API: it may name anything (lazily)
    assert importer in RANKS, f"{path}: stage {importer!r} is not in the pipeline table of this test"
    backwards = []
    for line, name in _imports(path):
        imported = _stage(name)
        if imported is None:
            if RANKS[importer] >= RANKS["cli"]:
                continue  # the command line may use the public API (e.g. for __version__)
            backwards.append(f"line {line}: imports the top-level API 'argmap' (import the stage instead)")
            continue
        assert imported in RANKS, f"{path}:{line}: {name} is not in the pipeline table of this test"
        if not _allowed(importer, imported):
            backwards.append(f"line {line}: {importer} imports {name}")
    assert not backwards, f"{path.relative_to(ROOT)} imports against the pipeline: " + "; ".join(backwards)


def test_the_checker_catches_a_backwards_lazy_import(tmp_path: Path) -> None:
    """The rule itself: a function-local import from a later stage is found (the test can fail)."""
    module = tmp_path / "m.py"
    module.write_text(
        "def f():\n    from argmap.export.dot import to_dot\n    return to_dot\n", encoding="utf-8"
    )
    assert _imports(module) == [(2, "argmap.export.dot")]
    assert not _allowed("view", "export")
    assert not _allowed("af", "model")
    assert not _allowed("_graph", "model")
    assert _allowed("evaluation", "af")
    assert not _allowed("lint", "af")


PACKAGES = sorted(p for p in PACKAGE.rglob("__init__.py") if "node_modules" not in p.parts)


@pytest.mark.parametrize("path", PACKAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_package_says_what_it_owns_and_may_import(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc, f"{path.relative_to(ROOT)} has no docstring"
    if path.parent != PACKAGE and path.parent.parent == PACKAGE:
        words = " ".join(doc.split()).lower()
        assert "may import" in words or "imports nothing" in words, (
            f"{path.relative_to(ROOT)}: the docstring should say what the package may import"
        )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_has_a_docstring_and_all(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{path.relative_to(ROOT)} has no module docstring"
    if path.name == "__main__.py":
        return
    names = {
        t.id
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(t, ast.Name)
    }
    assert "__all__" in names, f"{path.relative_to(ROOT)} has no explicit __all__"


def test_no_function_shadows_its_module() -> None:
    """``argmap.X`` for a public function X is never also a subpackage or module of argmap."""
    import argmap

    modules = {p.stem for p in PACKAGE.glob("*.py")} | {p.name for p in PACKAGE.iterdir() if p.is_dir()}
    clashes = sorted(name for name in argmap.__all__ if name in modules)
    assert not clashes, f"public names that shadow a module of the same name: {clashes}"
