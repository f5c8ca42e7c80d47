"""Named views (argmap.view.presets): the readable pictures of a map, one spec each."""

from __future__ import annotations

import pytest

from argmap import formats
from argmap.errors import InputError
from argmap.view.presets import named_view, named_views
from argmap.view.select import ViewOptions, overview
from tests.conftest import MAPS

BLANK = formats.load(MAPS / "blank-2012-paradox.yaml")
EXAMPLE = formats.load(MAPS / "example-remote-work.yaml")


def test_views_in_reading_order() -> None:
    """Overview first, then each pole and each theme in map order, the whole map last."""
    names = [v.name for v in named_views(BLANK)]
    assert names[0] == "overview" and names[-1] == "full"
    assert names[1:-1] == [f"pole-{p.id}" for p in BLANK.poles] + [f"theme-{t.id}" for t in BLANK.themes]


@pytest.mark.parametrize(
    ("spec", "name", "options"),
    [
        # The essay's overview has at most 5 claims into one node: top to bottom fits a screen.
        ("overview", "overview", overview(direction="TB")),
        ("full", "full", ViewOptions()),
        (
            "pole:attraction",
            "pole-attraction",
            ViewOptions(poles=("attraction",), depth=2, show_skeleton=False, direction="LR"),
        ),
        ("theme:japan", "theme-japan", ViewOptions(themes=("japan",), show_skeleton=False)),
    ],
)
def test_spec_gives_the_view(spec: str, name: str, options: ViewOptions) -> None:
    """Each spec names its view; the spec round-trips through named_views."""
    chosen = named_view(BLANK, spec)
    assert (chosen.name, chosen.options, chosen.spec) == (name, options, spec)
    assert chosen in named_views(BLANK)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("pole:nope", "'nope' is not a pole of this map (it has attraction, estrangement)"),
        ("theme:nope", "'nope' is not a theme of this map (it has us-power,"),
        ("pole", "unknown view 'pole'"),
        ("overview:x", "unknown view 'overview:x'"),
        ("poster", "use overview, pole:ID, theme:ID or full"),
    ],
)
def test_bad_spec_says_what_exists(spec: str, message: str) -> None:
    """An unknown view or id is an InputError listing what the map has."""
    with pytest.raises(InputError) as caught:
        named_view(BLANK, spec)
    assert message in str(caught.value)


def test_map_without_themes_has_overview_poles_and_full() -> None:
    """The small example map: overview, its poles, the whole map."""
    assert [v.spec for v in named_views(EXAMPLE)] == [
        "overview",
        *(f"pole:{p.id}" for p in EXAMPLE.poles),
        *(f"theme:{t.id}" for t in EXAMPLE.themes),
        "full",
    ]


def test_overview_reads_left_to_right_when_a_rank_would_be_too_wide() -> None:
    """The cable's convergence thesis has 9 claims right below it: a top-to-bottom rank of 9 boxes
    would be wider than the left-to-right picture (benchmarks/bench_layout.py)."""
    cable = formats.load(MAPS / "beijing-2008-cable.yaml")
    assert named_view(cable, "overview").options == overview()
