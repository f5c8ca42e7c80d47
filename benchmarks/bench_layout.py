"""Layout quality of every committed view, measured on Graphviz's own layout (``dot -Tjson``).

For each named view of each map under ``maps/`` (the pictures ``docs/maps`` commits), lays the DOT
out and prints:

- ``cross``: pairs of edges whose drawn curves cross (edges sharing an end do not count);
- ``lbl/node``: edge labels whose box overlaps a node's box (text over text);
- ``thru``: edges whose curve passes through a node that is neither of its ends;
- ``text px``: the size of 12-pt body text when the whole picture is shown 1,920 px wide;
- ``fill``: the share of the picture's area covered by nodes.

Targets for every view of the document maps but the full one: at most 5 crossings, no label over a
node, no edge through a node, body text at least 10 px. ``--baseline REV`` lays out the DOT
committed at a git revision too and prints the ratio (baseline / now) of crossings and text size,
both measured in this run. Exits 1 when a target is missed, so CI could run it; ``make test`` does
not (layout takes a minute).

Usage: ``.venv/bin/python benchmarks/bench_layout.py [--baseline REV] [--map NAME]``
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from argmap import formats
from argmap.export.dot import to_dot
from argmap.model.core import ArgumentMap
from argmap.view.presets import named_views

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_MAPS = ("blank-2012-paradox", "beijing-2008-cable")
MAPS = (*DOCUMENT_MAPS, "example-remote-work")
SCREEN_PX = 1920
BODY_PT = 12.0
TARGETS = {"cross": 5, "lbl/node": 0, "thru": 0}
MIN_TEXT_PX = 10.0

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@attrs.frozen
class Quality:
    """What one laid-out view measures."""

    crossings: int
    labels_over_nodes: int
    edges_through_nodes: int
    text_px: float
    fill: float
    width_pt: float
    height_pt: float

    def misses(self) -> list[str]:
        """The targets this view misses (empty when it meets them all)."""
        out = []
        if self.crossings > TARGETS["cross"]:
            out.append(f"{self.crossings} crossings")
        if self.labels_over_nodes:
            out.append(f"{self.labels_over_nodes} labels over nodes")
        if self.edges_through_nodes:
            out.append(f"{self.edges_through_nodes} edges through nodes")
        if self.text_px < MIN_TEXT_PX:
            out.append(f"text {self.text_px:.1f} px")
        return out


def layout(dot: str) -> dict[str, object]:
    """Graphviz's layout of ``dot`` as its JSON output."""
    result = subprocess.run(["dot", "-Tjson"], input=dot.encode("utf-8"), capture_output=True, check=True)
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _bezier(points: Sequence[Point], steps: int = 8) -> list[Point]:
    """A cubic B-spline as Graphviz writes it (p0, then three points per segment), as a polyline."""
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            out.append(
                (
                    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
                )
            )
    return out


def _splines(pos: str) -> list[list[Point]]:
    """An edge's ``pos`` as polylines: Graphviz writes one spline per ``;``-separated part (an edge
    drawn in pieces, e.g. a flat edge routed around a node), each with optional ``s,``/``e,`` ends."""
    curves: list[list[Point]] = []
    for spline in pos.split(";"):
        points: list[Point] = []
        for part in spline.split():
            if part.startswith(("e,", "s,")):
                continue  # arrowhead ends
            x, y = part.split(",")[:2]
            points.append((float(x), float(y)))
        if points:
            curves.append(_bezier(points) if len(points) >= 4 else points)
    return curves


def _ccw(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _segments_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    d1, d2 = _ccw(r, s, p), _ccw(r, s, q)
    d3, d4 = _ccw(p, q, r), _ccw(p, q, s)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0) and d1 * d2 < 0 and d3 * d4 < 0


def _bounds(points: Sequence[Point]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _polylines_cross(a: Sequence[Point], b: Sequence[Point]) -> bool:
    if not _overlap(_bounds(a), _bounds(b)):
        return False
    segments_b = list(itertools.pairwise(b))
    for p, q in itertools.pairwise(a):
        box = (min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]))
        for r, s in segments_b:
            if _overlap(box, (min(r[0], s[0]), min(r[1], s[1]), max(r[0], s[0]), max(r[1], s[1]))) and (
                _segments_cross(p, q, r, s)
            ):
                return True
    return False


def _segment_hits_box(p: Point, q: Point, box: Box) -> bool:
    # Sample the segment: precise enough at the 8-steps-per-curve resolution used here.
    for k in range(11):
        t = k / 10
        x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
        if box[0] < x < box[2] and box[1] < y < box[3]:
            return True
    return False


def _label_boxes(edge: dict[str, object]) -> Iterator[Box]:
    for key in ("_ldraw_", "_xldraw_", "_hldraw_", "_tldraw_"):
        size = 9.0
        for op in edge.get(key, ()):  # type: ignore[attr-defined]
            if op["op"] == "F":
                size = float(op["size"])
            elif op["op"] == "T":
                x, y = op["pt"]
                width = float(op["width"])
                x0 = {"l": x, "c": x - width / 2, "r": x - width}[op["align"]]
                yield (x0, y - size * 0.25, x0 + width, y + size * 0.85)


def measure(dot: str) -> Quality:
    """Lay ``dot`` out and measure it."""
    data = layout(dot)
    x0, y0, x1, y1 = (float(v) for v in str(data["bb"]).split(","))
    objects: list[dict[str, object]] = data.get("objects", [])  # type: ignore[assignment]
    boxes: dict[int, Box] = {}
    node_area = 0.0
    for obj in objects:
        if "nodes" in obj or "pos" not in obj:
            continue  # a cluster
        x, y = (float(v) for v in str(obj["pos"]).split(","))
        w, h = float(str(obj["width"])) * 72, float(str(obj["height"])) * 72
        # A hair inside the outline: an edge ending on the border is not "through" the node.
        boxes[int(str(obj["_gvid"]))] = (x - w / 2 + 2, y - h / 2 + 2, x + w / 2 - 2, y + h / 2 - 2)
        if str(obj["name"]) != "legend~":
            node_area += w * h
    edges: list[dict[str, object]] = data.get("edges", [])  # type: ignore[assignment]
    curves = [
        (int(str(e["tail"])), int(str(e["head"])), _splines(str(e["pos"]))) for e in edges if "pos" in e
    ]
    crossings = 0
    for i, (ta, ha, a) in enumerate(curves):
        for tb, hb, b in curves[i + 1 :]:
            if {ta, ha} & {tb, hb}:
                continue
            # Two edges cross once however many of their pieces meet.
            crossings += any(_polylines_cross(pa, pb) for pa in a for pb in b)
    through = 0
    for tail, head, pieces in curves:
        for gvid, box in boxes.items():
            if gvid in (tail, head):
                continue
            if any(
                _overlap(_bounds(piece), box)
                and any(_segment_hits_box(p, q, box) for p, q in itertools.pairwise(piece))
                for piece in pieces
            ):
                through += 1
                break
    over = 0
    for edge in edges:
        for label in _label_boxes(edge):
            if any(_overlap(label, box) for box in boxes.values()):
                over += 1
    width, height = x1 - x0, y1 - y0
    return Quality(
        crossings=crossings,
        labels_over_nodes=over,
        edges_through_nodes=through,
        text_px=BODY_PT * SCREEN_PX / max(width, 1.0),
        fill=node_area / max(width * height, 1.0),
        width_pt=width,
        height_pt=height,
    )


def committed_dot(rev: str, stem: str) -> str | None:
    """``docs/maps/<stem>.dot`` as committed at ``rev``, or ``None`` when it was not there."""
    result = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:docs/maps/{stem}.dot"], capture_output=True, check=False
    )
    return result.stdout.decode("utf-8") if result.returncode == 0 else None


def views(names: Sequence[str]) -> Iterator[tuple[str, str, ArgumentMap, str]]:
    """(map name, view name, map, DOT) for every named view of the maps called ``names``."""
    for name in names:
        amap = formats.load(ROOT / "maps" / f"{name}.yaml")
        for preset in named_views(amap):
            yield name, preset.name, amap, to_dot(amap, preset.options)


def _row(label: str, q: Quality, baseline: Quality | None, checked: bool) -> str:
    misses = q.misses() if checked else []
    verdict = "ok" if checked and not misses else ("-" if not checked else "MISS: " + ", ".join(misses))
    ratio = ""
    if baseline is not None:
        ratio = (
            f"  base cross {baseline.crossings:>3} ({baseline.crossings / max(q.crossings, 1):4.1f}x)"
            f"  base px {baseline.text_px:5.1f} ({q.text_px / max(baseline.text_px, 1e-9):4.2f}x)"
        )
    return (
        f"{label:<46} {q.crossings:>5} {q.labels_over_nodes:>8} {q.edges_through_nodes:>5} "
        f"{q.text_px:>7.1f} {q.fill:>5.2f} {q.width_pt:>7.0f}x{q.height_pt:<6.0f} {verdict}{ratio}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="git revision whose docs/maps DOT to measure as the baseline")
    parser.add_argument("--map", action="append", help="only this map (repeatable)")
    args = parser.parse_args(argv)
    header = (
        f"{'view':<46} {'cross':>5} {'lbl/node':>8} {'thru':>5} {'text px':>7} {'fill':>5} {'size pt':>14}"
    )
    print(header)
    missed = 0
    for name, view, _amap, dot in views(args.map or MAPS):
        quality = measure(dot)
        base = None
        if args.baseline:
            old = committed_dot(args.baseline, f"{name}-{view}")
            base = measure(old) if old is not None else None
        checked = name in DOCUMENT_MAPS and view != "full"
        missed += bool(checked and quality.misses())
        print(_row(f"{name}/{view}", quality, base, checked), flush=True)
    print(
        f"targets: <= {TARGETS['cross']} crossings, no label over a node, no edge through a node, "
        f"body text >= {MIN_TEXT_PX:.0f} px at {SCREEN_PX} px wide; views missing them: {missed}"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
