"""Browser fixtures for the viewer: the system's headless Chromium driven by Selenium.

Never downloads a browser: Chromium and chromedriver come from the system (``make test`` installs
Debian's ``chromium`` and ``chromium-driver`` where missing, as it installs Graphviz). Where neither
can be found the browser tests are skipped with the reason shown. Every page is opened from a
``file://`` URL, as a reader would open it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

SOURCES = ROOT.parent / "shared" / "sources"
DOCUMENT_MAPS = ("blank-2012-paradox", "beijing-2008-cable")

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: Flags for a headless Chromium that may run as root and must not talk to the network on its own.
CHROMIUM_FLAGS = (
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


def _find_browser() -> tuple[str, str] | str:
    """(browser, driver) paths, or the reason there are none."""
    browser = next((found for name in _BROWSERS if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        missing = " and ".join(n for n, p in (("chromium", browser), ("chromedriver", driver)) if p is None)
        return f"{missing} not found; 'make test' installs Debian's chromium and chromium-driver where it can"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return browser, driver


class Browser:
    """A Selenium session with helpers for console errors and requests leaving the page."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def open(self, path: Path, fragment: str = "") -> None:
        self.requests()  # forget what the browser did before (its own start-up pages)
        self.driver.get(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        self.driver.execute_script("return 1")
        self.logs()  # start each page with empty logs

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def logs(self) -> list[dict[str, Any]]:
        """Console messages since the last call (warnings and errors, including CSP violations)."""
        return list(self.driver.get_log("browser"))

    def console_errors(self) -> list[str]:
        return [entry["message"] for entry in self.logs() if entry["level"] in ("SEVERE", "WARNING")]

    def requests(self) -> list[str]:
        """URLs requested since the last call (Chromium's network events), the browser's own
        ``chrome:`` pages left out."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
                if not url.startswith(("chrome:", "chrome-untrusted:", "devtools:")):
                    urls.append(url)
        return urls


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole run (a fresh profile, removed afterwards)."""
    found = _find_browser()
    if isinstance(found, str):
        pytest.skip(f"browser tests skipped: {found}")
    binary, driver_path = found
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="argmap-chromium-")
    options = Options()
    options.binary_location = binary
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield Browser(driver)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def document_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two document maps' pages, built once with their source texts."""
    if not SOURCES.is_dir():
        pytest.skip(f"the document maps' source texts are not at {SOURCES}")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz 'dot' is not installed")
    from argmap import formats
    from argmap.export.html import write_html

    folder = tmp_path_factory.mktemp("viewer")
    return {
        name: write_html(
            formats.load(ROOT / "maps" / f"{name}.yaml"), folder / f"{name}.html", sources_dir=SOURCES
        )
        for name in DOCUMENT_MAPS
    }
