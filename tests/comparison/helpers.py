"""Two small paradox maps, 2008 and 2012, for unit tests that must not depend on the document maps."""

from __future__ import annotations

from argmap.comparison import Link, LinkKind, LinkSet, MapRef
from argmap.model import ArgumentMap, MapBuilder

__all__ = ["LINKS", "earlier", "later"]


def earlier() -> ArgumentMap:
    return (
        MapBuilder("Rail, 2008")
        .pole("good", "Rail is good", thesis_text="Rail serves the town well.")
        .pole("bad", "Rail is bad", thesis_text="Rail fails the town.")
        .theme("time", "Timeliness")
        .theme("cost", "Fares")
        .claim("late", "The trains are often late.", pole="bad", theme="time")
        .claim("cheap", "Fares are cheap.", pole="good", theme="cost")
        .claim("staff", "Staff are friendly.", pole="good")
        .support("bad-thesis", "late")
        .support("good-thesis", "cheap", "staff")
        .build()
    )


def later() -> ArgumentMap:
    return (
        MapBuilder("Rail, 2012")
        .pole("pro", "For rail", thesis_text="Rail still serves the town.")
        .pole("con", "Against rail", thesis_text="Rail now fails the town badly.")
        .theme("punctuality", "Punctuality")
        .theme("fares", "Fares and tickets")
        .theme("safety", "Safety")
        .claim("punctual", "The trains now run on time.", pole="pro", theme="punctuality")
        .claim("dear", "Fares have become expensive.", pole="con", theme="fares")
        .claim("friendly", "Staff are friendly.", pole="con")
        .claim("unsafe", "Stations feel unsafe at night.", pole="con", theme="safety")
        .support("pro-thesis", "punctual")
        .support("con-thesis", "dear", "friendly", "unsafe")
        .build()
    )


LINKS = LinkSet(
    MapRef("a.yaml"),
    MapRef("b.yaml"),
    [
        Link("late", "punctual", "contradicts", "now on time"),
        Link("cheap", "dear", "updates"),
        Link("staff", "friendly", "same"),
        Link("good", "pro", "same", kind=LinkKind.POLE),
        Link("bad", "con", "same", kind=LinkKind.POLE),
        Link("time", "punctuality", "same", kind=LinkKind.THEME),
        Link("cost", "fares", "refines", kind=LinkKind.THEME),
    ],
)
