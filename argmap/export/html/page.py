"""The viewer page: the shell, the inlined script and style, the JSON payload and the security policy.

One self-contained HTML file. The Content-Security-Policy allows nothing from the network
(``default-src 'none'``) and only our own inline script and style, by their SHA-256 hashes; the
payload is a ``<script type="application/json">`` block that is never executed, and its JSON has
``<``, ``>`` and ``&`` escaped so no string in it can close the block. No map string is written into
the markup itself: the page's script inserts every one as text.

May import ``model``, ``view`` and ``export``; imported only by the html package.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "CSP_DIRECTIVES",
    "asset",
    "content_security_policy",
    "diagram_pane",
    "dumps_payload",
    "fill_shell",
    "page_end",
    "page_head",
    "page_script",
    "render_page",
]

#: Everything is forbidden except our hashed inline script and style, and data: images (none today).
CSP_DIRECTIVES = (
    "default-src 'none'",
    "script-src {script}",
    "style-src {style}",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
)


def page_head(title: str) -> str:
    """The page's head, with the places for its policy, version and style, and the opening body tag."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="argmap {version}">\n'
        f"<title>{title}</title>\n"
        "<style>{style}</style>\n"
        "</head>\n"
        "<body>\n"
    )


def diagram_pane(label: str) -> str:
    """The diagram pane with the zoom buttons ``common.js`` drives, named ``label`` for screen readers."""
    return (
        '<section id="diagram" tabindex="0"\n'
        f' aria-label="{label}: drag or arrow keys to pan, wheel or + and - to zoom, 0 to fit">\n'
        '<div class="zoom">\n'
        '<button id="zoom-in" type="button" aria-label="Zoom in">+</button>\n'
        '<button id="zoom-out" type="button" aria-label="Zoom out">&#x2212;</button>\n'
        "</div>\n"
        "</section>\n"
    )


def page_end(data_id: str) -> str:
    """The status line, the JSON block ``data_id`` and the inline script that end every page."""
    return (
        '<div id="status" class="sr-only" role="status" aria-live="polite"></div>\n'
        f'<script type="application/json" id="{data_id}">{{payload}}</script>\n'
        "<script>{script}</script>\n"
        "</body>\n"
        "</html>\n"
    )


_SHELL = (
    page_head("argmap viewer")
    + """<header><h1 id="title"></h1><p id="question"></p></header>
<div class="toolbar" role="toolbar" aria-label="Diagram controls">
<label>Search <input type="search" id="search" placeholder="text, id, quote (/)" autocomplete="off"></label>
<span id="search-count" class="count" aria-live="polite"></span>
<label>Pole <select id="f-pole"></select></label>
<label>Theme <select id="f-theme"></select></label>
<label>Role <select id="f-role"></select></label>
<label>Speaker <select id="f-speaker"></select></label>
<span id="filter-count" class="count" aria-live="polite"></span>
<label>Steps <input type="number" id="focus-depth" min="0" max="20" value="1"></label>
<button id="focus-btn" type="button" aria-pressed="false">Focus on selection</button>
<label>Evaluation <select id="overlay"></select></label>
<button id="fit" type="button">Fit to screen</button>
<button id="permalink" type="button">Permalink</button>
<input id="permalink-box" readonly hidden aria-label="Permalink to this view">
</div>
<main>
"""
    + diagram_pane("Diagram")
    + """<aside>
<section id="details" aria-label="Selected node"></section>
<section id="source" aria-label="Source text"></section>
</aside>
</main>
"""
    + page_end("argmap-data")
)


@cache
def asset(name: str) -> str:
    """The text of a bundled asset (``viewer.js``, ``viewer.css``)."""
    return resources.files("argmap.export.html").joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(script: str, style: str) -> str:
    """The policy allowing exactly this inline ``script`` and ``style`` and nothing from anywhere."""
    return "; ".join(CSP_DIRECTIVES).format(script=_sha256(script), style=_sha256(style))


def dumps_payload(payload: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``: nothing in it can end the block."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def page_script(name: str) -> str:
    """The inline script of a page: the shared ``common.js`` (markup-free building, pan and zoom),
    then the page's own ``name``. One script, so the policy's one hash covers both."""
    return asset("common.js") + "\n" + asset(name)


def fill_shell(shell: str, script: str, style: str, payload: Any, version: str) -> str:
    """``shell`` with its policy, version, inline ``style`` and ``script`` and JSON ``payload`` in place."""
    # str.replace, not str.format: the assets and the payload contain braces.
    page = shell.replace("{csp}", content_security_policy(script, style))
    page = page.replace("{version}", version.replace('"', ""))
    page = page.replace("{style}", style).replace("{script}", script)
    return page.replace("{payload}", dumps_payload(payload))


def render_page(payload: Any, version: str) -> str:
    """The whole page for ``payload`` (see :mod:`argmap.export.html.payload`)."""
    return fill_shell(_SHELL, page_script("viewer.js"), asset("viewer.css"), payload, version)
