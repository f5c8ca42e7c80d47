"""The Hypothesis profile each kind of run gets: derandomized under CI=true and `make test`."""

from __future__ import annotations

import pytest
from hypothesis import settings

from tests.conftest import _profile


@pytest.mark.parametrize(
    ("env", "profile"),
    [
        ({}, "default"),
        ({"CI": "true"}, "ci"),
        ({"CI": "1"}, "ci"),
        ({"CI": "false"}, "default"),
        ({"CI": "true", "HYPOTHESIS_PROFILE": "thorough"}, "thorough"),
        ({"HYPOTHESIS_PROFILE": "ci"}, "ci"),
    ],
)
def test_profile_follows_the_environment(
    env: dict[str, str], profile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI=true picks the derandomized profile unless HYPOTHESIS_PROFILE names one."""
    for name in ("CI", "HYPOTHESIS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _profile() == profile


def test_ci_profile_is_reproducible() -> None:
    """The CI profile draws the same examples every run and writes no example database."""
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.database is None
    assert settings.get_profile("thorough").max_examples > ci.max_examples
