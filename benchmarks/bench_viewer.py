"""How the interactive viewer copes: page size, build time, start-up, pan, zoom, filter and search.

Builds the viewer page of the Blank map (with its source text when ``../shared/sources`` is there)
and of a generated paradox-shaped map of ``--size`` propositions (2,000 by default), opens each in
the system's headless Chromium (Selenium; never a downloaded browser) and measures, as the reader
feels it, from the call to the second animation frame after it (the change is painted):

* start-up: the viewer's own set-up time and DOMContentLoaded, after a warm-up load;
* pan (one drag step), zoom (one wheel step), filter by pole (and back), search (a word; cleared);

each the median of ``--repeat`` runs. The generated map's figures are printed beside the Blank
map's, with their ratio: the Blank map is the baseline measured in the same run. Targets (issue 15):
the Blank page under 1 MB and interactive within 1 s; at 2,000 propositions pan, filter and search
each under 100 ms.

Run: ``.venv/bin/python benchmarks/bench_viewer.py [--size 2000] [--repeat 15]``
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import synthetic_map

from argmap import formats
from argmap.export.html import to_html

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"
_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,900",
)

#: Runs STATEMENT and calls back with the milliseconds until it is painted. The statement is
#: spliced in, not evaluated by the page: the page's policy forbids eval and new Function.
_TIMED = """
const done = arguments[arguments.length - 1];
const v = window.argmapViewer;
const t0 = performance.now();
STATEMENT;
requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
"""


def _driver(profile: str) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        raise SystemExit("needs the system's chromium and chromedriver ('make test' installs them)")
    options = Options()
    options.binary_location = browser
    for flag in (*_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    session = webdriver.Chrome(options=options, service=Service(driver))
    session.set_script_timeout(120)
    return session


def _timed(driver: Any, statement: str, repeat: int) -> float:
    script = _TIMED.replace("STATEMENT", statement)
    return float(statistics.median(driver.execute_async_script(script) for _ in range(repeat)))


def _measure(driver: Any, page: Path, pole: str, word: str, repeat: int) -> dict[str, float]:
    url = page.resolve().as_uri()
    driver.get(url)  # warm-up: the first load also starts the renderer
    driver.get("about:blank")
    driver.get(url)
    out = {
        "set-up ms": float(driver.execute_script("return window.argmapViewer.readyMs")),
        "loaded ms": float(
            driver.execute_script(
                "return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
            )
        ),
    }
    out["pan ms"] = _timed(driver, "v.panBy(40, 25)", repeat)
    out["zoom ms"] = _timed(driver, "v.zoomBy(1.1)", repeat)
    driver.execute_script("window.argmapViewer.fit()")
    out["filter ms"] = _timed(driver, f"v.setFilter('pole', {pole!r})", repeat // 2 + 1)
    out["unfilter ms"] = _timed(driver, "v.setFilter('pole', '')", repeat // 2 + 1)
    out["search ms"] = _timed(driver, f"v.search({word!r}); v.search('')", repeat)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    blank = formats.load(ROOT / "maps" / "blank-2012-paradox.yaml")
    big, texts = synthetic_map(args.size)
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-viewer-"))
    pages: dict[str, tuple[Path, str, str]] = {}
    print(f"{'map':>22} {'propositions':>12} {'page KB':>8} {'build s':>8}")
    for label, amap, options in (
        ("Blank 2012", blank, {"sources_dir": SOURCES if SOURCES.is_dir() else None}),
        (f"generated {args.size}", big, {"source_texts": texts}),
    ):
        start = time.perf_counter()
        html = to_html(amap, **options)
        built = time.perf_counter() - start
        path = folder / f"{label.replace(' ', '-')}.html"
        path.write_text(html, encoding="utf-8")
        size_kb = path.stat().st_size / 1024
        print(f"{label:>22} {len(amap):>12} {size_kb:>8.0f} {built:>8.2f}")
        pages[label] = (path, amap.poles[0].id, "china" if amap is blank else "factor 1")

    profile = tempfile.mkdtemp(prefix="argmap-bench-chromium-")
    driver = _driver(profile)
    try:
        results = {
            label: _measure(driver, path, pole, word, args.repeat)
            for label, (path, pole, word) in pages.items()
        }
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
    (base_label, base), (big_label, large) = results.items()
    print()
    print(
        f"{'median of ' + str(args.repeat):>14} {base_label:>12} {big_label:>16} {'ratio':>7} {'target':>8}"
    )
    targets = {
        "set-up ms": 1000.0,
        "loaded ms": 1000.0,
        "pan ms": 100.0,
        "filter ms": 100.0,
        "search ms": 100.0,
    }
    for key in base:
        target = targets.get(key)
        mark = "" if target is None else ("ok" if large[key] < target else "SLOW")
        shown = "" if target is None else f"<{target:.0f}"
        ratio = large[key] / base[key]
        print(f"{key:>14} {base[key]:>12.1f} {large[key]:>16.1f} {ratio:>7.2f} {shown:>6} {mark}")


if __name__ == "__main__":
    main()
