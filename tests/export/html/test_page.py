"""The page itself: one file, a policy that forbids the network, a payload nothing can break out of."""

from __future__ import annotations

import json
import re

import pytest

from argmap.export.html.page import asset, content_security_policy, dumps_payload, page_script, render_page

_PAGE = render_page({"title": "t", "text": "</script><script>alert(1)</script> & \u2028"}, "1.0")


def _csp(page: str) -> str:
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_policy_forbids_the_network_and_allows_only_our_inline_code() -> None:
    policy = _csp(_PAGE)
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "http" not in policy
    assert directives["script-src"].startswith("'sha256-") and directives["style-src"].startswith("'sha256-")
    assert policy == content_security_policy(page_script("viewer.js"), asset("viewer.css"))


def test_inline_code_is_exactly_what_the_policy_hashes() -> None:
    scripts = re.findall(r"<script>(.*?)</script>", _PAGE, re.S)
    styles = re.findall(r"<style>(.*?)</style>", _PAGE, re.S)
    assert scripts == [page_script("viewer.js")] and styles == [asset("viewer.css")]


def test_payload_cannot_close_its_block() -> None:
    block = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', _PAGE, re.S)
    assert block is not None
    assert "<" not in block.group(1) and "&" not in block.group(1) and "\u2028" not in block.group(1)
    assert json.loads(block.group(1))["text"] == "</script><script>alert(1)</script> & \u2028"
    assert _PAGE.count("<script") == 2


@pytest.mark.parametrize("value", ["<!--", "]]>", "</SCRIPT >", "\u2029", {"k": [1.5, None, True]}])
def test_dumps_payload_round_trips(value: object) -> None:
    text = dumps_payload(value)
    assert json.loads(text) == value
    assert "<" not in text


@pytest.mark.parametrize("name", ["common.js", "viewer.js", "viewer.css"])
def test_assets_cannot_end_the_page_early(name: str) -> None:
    assert "</script" not in asset(name).lower() and "</style" not in asset(name).lower()


def test_viewer_script_never_parses_markup() -> None:
    """Our own rule, checked on our code: map strings go in as text, so no markup sink is used at all."""
    # Comments may name the sinks they forbid; the code may not use them.
    script = re.sub(r"/\*.*?\*/", "", page_script("viewer.js"), flags=re.S)
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "srcdoc",
    ):
        assert sink not in script, sink
    # No links are made at all, so no map string can become a javascript: URL.
    assert not re.search(r"""["']href["']|\.href\s*=[^=]|\.src\s*=[^=]""", script)
