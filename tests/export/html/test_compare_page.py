"""The comparison page without a browser: the policy, the payload block, the script's own rules."""

from __future__ import annotations

import json
import re

import pytest

from argmap.comparison import compare
from argmap.comparison.diagram import joint_view
from argmap.comparison.html import page_report
from argmap.export.html.compare_page import (
    COMPARE_PAYLOAD_VERSION,
    compare_payload,
    render_compare_page,
    to_compare_html,
)
from argmap.export.html.page import asset, content_security_policy, page_script
from tests.comparison.helpers import LINKS, earlier, later
from tests.export.html.test_browser import HOSTILE

_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<g class="graph"><script>x</script></g></svg>'
)


def _page(text: str = "</script><script>alert(1)</script> & \u2028") -> str:
    a = earlier()
    import attrs

    a = attrs.evolve(a, title=text)
    result = compare(a, later(), LINKS)
    return to_compare_html(joint_view(result, a, later()), page_report(result, a, later()), svg=_SVG)


def test_policy_allows_only_the_page_script_and_style_by_hash() -> None:
    page = _page()
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert found is not None
    assert found.group(1) == content_security_policy(page_script("compare.js"), asset("compare.css"))
    assert "'none'" in found.group(1) and "unsafe" not in found.group(1)
    assert re.findall(r"<script>(.*?)</script>", page, re.S) == [page_script("compare.js")]
    assert re.findall(r"<style>(.*?)</style>", page, re.S) == [asset("compare.css")]


def test_no_map_string_reaches_the_markup_and_the_payload_round_trips() -> None:
    page = _page(HOSTILE[6])
    block = re.search(r'<script type="application/json" id="argmap-compare-data">(.*?)</script>', page, re.S)
    assert block is not None and "<" not in block.group(1)
    payload = json.loads(block.group(1))
    assert payload["version"] == COMPARE_PAYLOAD_VERSION
    assert payload["report"]["a"]["title"] == HOSTILE[6]
    assert payload["report"]["labels"]["a"]["themes"] == {"time": "Timeliness", "cost": "Fares"}
    outside = page.replace(block.group(0), "")
    assert "pwned" not in outside and page.count("<script") == 2


def test_payload_keeps_the_view_and_only_allowed_svg() -> None:
    result = compare(earlier(), later(), LINKS)
    view = joint_view(result, earlier(), later())
    payload = compare_payload(view, _SVG, {"items": []})
    assert set(payload["nodes"]) == {node.id for node in view.nodes}
    assert payload["edges"][0] == {
        "tail": view.edges[0].tail,
        "head": view.edges[0].head,
        "relation": view.edges[0].relation,
    }
    assert "script" not in json.dumps(payload["svg"])  # dropped by the layout's allow-list
    assert render_compare_page(payload, '1"2').count('content="argmap 12"') == 1


@pytest.mark.parametrize("name", ["compare.js", "compare.css"])
def test_assets_cannot_end_the_page_early(name: str) -> None:
    assert "</script" not in asset(name).lower() and "</style" not in asset(name).lower()


def test_page_script_never_parses_markup() -> None:
    """As for the viewer: map strings go in as text, so no markup sink is used at all."""
    script = re.sub(r"/\*.*?\*/", "", page_script("compare.js"), flags=re.S)
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
    assert not re.search(r"""["']href["']|\.href\s*=[^=]|\.src\s*=[^=]""", script)
