"""Shared pytest set-up: the ``--update-golden`` flag, the ``needs_dot`` marker, Hypothesis profiles."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"
GOLDEN = Path(__file__).resolve().parent / "golden"

# Hypothesis profiles. "default" (a developer's plain `pytest`) draws new random examples each run and
# remembers failures in .hypothesis/. "ci" is what `make test` and any run with CI=true use: the same
# examples every run (derandomized, seeded from each test's name) and no example database, so a
# submission's result never depends on the draw or on files left by earlier runs. "thorough"
# (`make test-thorough`) draws many more random examples and prints how to reproduce a failure.
_SLOW_IS_FINE = [HealthCheck.too_slow]
settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=_SLOW_IS_FINE)
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW_IS_FINE,
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, print_blob=True, suppress_health_check=_SLOW_IS_FINE
)


def _profile() -> str:
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        return chosen
    ci = os.environ.get("CI", "").strip().lower()
    return "ci" if ci not in ("", "0", "false", "no") else "default"


settings.load_profile(_profile())


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output instead of comparing with them",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if shutil.which("dot") is not None:
        return
    skip = pytest.mark.skip(reason="Graphviz 'dot' is not installed")
    for item in items:
        if "needs_dot" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("--update-golden"))


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare ``actual`` with the golden file, or rewrite it when ``update`` is set."""
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path.name} is missing; run pytest --update-golden to create it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs from the output; if intended, run pytest --update-golden"
