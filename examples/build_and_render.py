"""Build a small paradox map in Python, check it, and render it as DOT (and SVG when Graphviz is there).

Usage: ``python examples/build_and_render.py [OUTPUT_DIR]`` (default ``build/examples``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import argmap

__all__ = ["build_map", "main"]


def build_map() -> argmap.ArgumentMap:
    """A two-pole map about a city's new tram line, written with the builder."""
    return (
        argmap.MapBuilder("The new tram line", question="Why do ridership and complaints both rise?")
        .source("council", "Transport committee report", author="City council", date="2025-02", kind="report")
        .theme("time", "Travel time")
        .pole("success", "Success", thesis_text="The tram line is a success")
        .pole("trouble", "Trouble", thesis_text="The tram line is failing its riders")
        .evidence(
            "riders",
            "Weekday riders doubled in a year",
            pole="success",
            theme="time",
            cite=("council", "section 2", "ridership has doubled"),
        )
        .claim("faster", "Trips across town are faster than by bus", pole="success", theme="time")
        .claim(
            "crowded",
            "Peak trams are too crowded to board",
            pole="trouble",
            theme="time",
            cite=("council", "section 4"),
        )
        .support("success-thesis", "riders")
        .support("success-thesis", "faster")
        .support("trouble-thesis", "crowded")
        .rebut("crowded", "faster", label="not if you cannot board")
        .explanation("demand", "Demand outgrew the fleet ordered for the old forecast")
        .verdict("verdict", "A success that needs more trams, not a failure")
        .support("verdict", "success-thesis", "trouble-thesis", "demand")
        .build()
    )


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("build/examples")
    amap = build_map()
    problems = [d for d in argmap.validate(amap) if d.severity is argmap.Severity.ERROR]
    for problem in problems:
        print(problem)
    written = [argmap.render_file(amap, out / "tram.dot", argmap.RenderOptions(format="dot"))]
    if shutil.which("dot"):
        written.append(argmap.render_file(amap, out / "tram.svg"))
    written.append(argmap.dump(amap, out / "tram.yaml"))
    for path in written:
        print(f"wrote {path}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
