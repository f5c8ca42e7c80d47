"""Fixtures for the comparison tests: the two document maps and the showcase link file."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import formats
from argmap.comparison import LinkSet, load_links
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parents[2]
SHOWCASE = ROOT / "maps" / "links" / "beijing-2008--blank-2012.yaml"


@pytest.fixture(scope="session")
def showcase() -> tuple[ArgumentMap, ArgumentMap, LinkSet]:
    links = load_links(SHOWCASE)
    return formats.load(links.map_path("a")), formats.load(links.map_path("b")), links
