"""Tests of the terminal outline (`argmap show`): trees per pole, linked premises, see-pole references."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap import formats
from argmap.export.outline import outline
from argmap.model.core import ArgumentMap
from tests.conftest import MAPS
from tests.strategies import argument_maps


def section(lines: list[str], heading: str) -> list[str]:
    """The lines of one pole's section of an outline."""
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return lines[start + 1 : end]


@pytest.mark.parametrize("name", ["blank-2012-paradox", "beijing-2008-cable", "example-remote-work"])
def test_each_pole_lists_only_its_own_side(name: str) -> None:
    """Under a pole, nodes of another pole appear only as one-line see-pole references, never expanded."""
    amap = formats.load(MAPS / f"{name}.yaml")
    lines = outline(amap)
    for pole in amap.poles:
        for line in section(lines, f"Pole: {pole.label}"):
            pid = line.split("[", 1)[1].split("]", 1)[0] if "[" in line else None
            prop = amap.index.propositions.get(pid or "")
            if (
                prop is not None
                and prop.pole is not None
                and prop.pole != pole.id
                and "linked premises" not in line
            ):
                assert line.endswith(f"(see pole {amap.index.poles[prop.pole].label})"), line


def test_attacker_from_other_pole_is_a_reference() -> None:
    """The other thesis, linked into attraction, is a reference there and written out under its own pole."""
    amap = formats.load(MAPS / "blank-2012-paradox.yaml")
    lines = outline(amap)
    attraction = section(lines, "Pole: Factors of attraction")
    references = [line.strip() for line in attraction if "[est-thesis]" in line]
    expected = "[est-thesis] (see pole Reasons for estrangement)"
    assert references and all(ref[2:] == expected for ref in references)
    estrangement = section(lines, "Pole: Reasons for estrangement")
    assert estrangement[0].strip().startswith("* [est-thesis] Much evidence")
    assert len(estrangement) > 40


def test_every_proposition_is_expanded_once() -> None:
    """Every proposition of the document maps is written out with its text exactly once."""
    for name in ("blank-2012-paradox", "beijing-2008-cable"):
        amap = formats.load(MAPS / f"{name}.yaml")
        lines = outline(amap)
        for prop in amap.propositions:
            written = [line for line in lines if f"[{prop.id}] {' '.join(prop.text.split())}" in line]
            assert len(written) == 1, prop.id


@given(argument_maps())
def test_outline_mentions_every_proposition(amap: ArgumentMap) -> None:
    """Every proposition of any map appears in the outline, with its text once."""
    lines = outline(amap)
    for prop in amap.propositions:
        assert sum(f"[{prop.id}] {' '.join(prop.text.split())}" in line for line in lines) == 1


def test_maps_without_poles_read_top_down() -> None:
    """Without poles, conclusions come first under 'Claims:' with their premises below."""
    from argmap.export.outline import outline
    from argmap.model.edit import MapBuilder

    amap = MapBuilder("T").evidence("e", "E").claim("c", "C").support("c", "e").build()
    assert outline(amap) == ["T", "Claims:", "  · [c] C", "    + [e] E (evidence)"]
