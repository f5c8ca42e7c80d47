"""The viewer's data: one JSON-ready dict built from a map, its view, its layout and its sources.

This is the single place that decides what the page knows about a map, so it is the one module to
adapt when the view contract (``argmap.view.contract``) settles. Everything in it is plain data
(strings, numbers, lists, dicts); the page inserts every string as text.

Parts:

- ``nodes``: each proposition with its text, role, pole, theme, speaker, citation and the ids of
  what supports and attacks it, and whether the diagram draws it;
- ``svg``: the Graphviz layout as a sanitised tree (:mod:`argmap.export.html.layout`);
- ``sources``: each cited source's text cut into segments, quoted segments listing the nodes that
  quote them (quotes are found as the linter finds them: white space and typographic punctuation
  normalised, words verbatim);
- ``evaluations`` and ``balances``: labels or strengths of every proposition under several
  semantics, and the paradox's balance table, all computed here so the page only looks them up.

May import ``model``, ``lint``, ``evaluation``, ``view`` and ``export``; imported only by the html
package.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from argmap.evaluation import GRADUAL_SEMANTICS, SEMANTICS, balance, evaluate
from argmap.lint.quotes import normalise
from argmap.lint.registry import SourceTexts
from argmap.model.core import ArgumentMap, Proposition, Role
from argmap.view import View, ViewOptions, view_to_json
from argmap.view.overlay import LABEL_COLOURS, STRENGTH_COLOURS

#: What the page takes from each node of the view contract (``docs/view-json.md``).
_CONTRACT_KEYS = ("text", "role", "pole", "themes", "citation", "speaker", "note", "faded")

__all__ = [
    "BALANCE_LIMIT",
    "DEFAULT_SEMANTICS",
    "ENUMERATING_SEMANTICS",
    "MAX_SOURCE_CHARS",
    "PAYLOAD_VERSION",
    "PayloadOptions",
    "build_payload",
    "quote_segments",
]

#: Bumped when the page's expectations of the payload change.
PAYLOAD_VERSION = 1

#: Semantics precomputed for the overlay: the grounded labelling, preferred acceptance and three
#: gradual strengths. Complete labels equal grounded ones here, and stable may have no extension.
DEFAULT_SEMANTICS = ("grounded", "preferred", "df-quad", "qe", "euler")

#: Semantics that enumerate extensions: their cost grows fast with the size of the map (preferred
#: took 3.3 s at 500 propositions and did not finish in 15 minutes at 2,000), so by default they
#: are left out beyond :data:`BALANCE_LIMIT` propositions; asked for by name they are computed.
ENUMERATING_SEMANTICS = ("preferred", "stable")

#: The balance table re-evaluates the map once per factor; beyond this many propositions it is left
#: out (``argmap evaluate`` still computes it) so a large map's page is built in seconds.
BALANCE_LIMIT = 400

#: A source text longer than this is not embedded (the page would no longer open quickly).
MAX_SOURCE_CHARS = 2_000_000


def _names(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen
class PayloadOptions:
    """What the page holds besides the map itself."""

    view: ViewOptions = attrs.field(factory=ViewOptions)
    sources_dir: str | os.PathLike[str] | None = None
    #: Source id -> full text, taking precedence over ``sources_dir`` (for in-memory use).
    source_texts: Mapping[str, str] | None = None
    #: ``None``: :data:`DEFAULT_SEMANTICS`, less :data:`ENUMERATING_SEMANTICS` for large maps.
    semantics: tuple[str, ...] | None = attrs.field(default=None, converter=_names)
    #: Compute the balance table (``None``: only for maps of at most :data:`BALANCE_LIMIT` propositions).
    balance: bool | None = None

    @semantics.validator
    def _check(self, _attribute: attrs.Attribute[Any], value: tuple[str, ...] | None) -> None:
        for name in value or ():
            if name not in SEMANTICS:
                raise ValueError(f"unknown semantics {name!r}; expected one of {', '.join(SEMANTICS)}")


#: ASCII characters the quote check rewrites (the backtick becomes an apostrophe); every other
#: ASCII character is its own normal form, which saves a call per character.
_CHANGED_ASCII = frozenset(c for c in map(chr, range(128)) if not c.isspace() and normalise(c) != c)


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """``normalise(text)`` and, for each of its characters, the offset it came from in ``text``."""
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            pending_space = bool(chars)
            continue
        plain = normalise(ch) if ch in _CHANGED_ASCII or not ch.isascii() else ch
        if not plain:
            continue  # soft hyphens and zero-width characters vanish
        if pending_space:
            chars.append(" ")
            offsets.append(i - 1)
            pending_space = False
        for piece in plain:
            chars.append(piece)
            offsets.append(i)
    return "".join(chars), offsets


def quote_segments(
    text: str, quotes: Iterable[tuple[str, str]]
) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """``text`` cut into ``(piece, node ids quoting it)`` segments, and the ids whose quote was not found.

    ``quotes`` holds ``(node id, quote)`` pairs; each quote is found at its first occurrence after
    both sides are normalised as the quote check does. Overlapping quotes split the text so that
    each segment lists every node quoting it.
    """
    flat, offsets = _normalised_with_offsets(text)
    spans: list[tuple[int, int, str]] = []
    missing: list[str] = []
    for node_id, quote in quotes:
        wanted = normalise(quote)
        at = flat.find(wanted) if wanted else -1
        if at < 0:
            missing.append(node_id)
            continue
        spans.append((offsets[at], offsets[at + len(wanted) - 1] + 1, node_id))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starting: dict[int, list[str]] = {}
    ending: dict[int, set[str]] = {}
    for start, end, node_id in spans:
        starting.setdefault(start, []).append(node_id)
        ending.setdefault(end, set()).add(node_id)
    segments: list[tuple[str, list[str]]] = []
    open_ids: list[str] = []
    for left, right in itertools.pairwise(cuts):
        gone = ending.get(left)
        if gone:
            open_ids = [i for i in open_ids if i not in gone]
        open_ids.extend(starting.get(left, ()))
        if left < right:
            segments.append((text[left:right], list(open_ids)))
    return segments, missing


def _ids(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _relations(amap: ArgumentMap, pid: str) -> dict[str, list[str]]:
    attacks = []
    for attack in amap.attacks_from(pid):
        hit = amap.index.inferences.get(attack.target)
        attacks.append(hit.conclusion if hit is not None else attack.target)
    undercut_by = [a.attacker for inf in amap.inferences_into(pid) for a in amap.attacks_on(inf.id)]
    return {
        "supports": _ids(amap.supported(pid)),
        "supportedBy": _ids(amap.supporters(pid)),
        "attacks": _ids(attacks),
        "attackedBy": _ids([*amap.attackers(pid), *undercut_by]),
        # Partners in a linked inference: one step away, as the argument needs them together.
        "coPremises": _ids(p for inf in amap.inferences_from(pid) for p in inf.premises if p != pid),
    }


def _node(amap: ArgumentMap, prop: Proposition, drawn: Mapping[str, Any] | None) -> dict[str, Any]:
    """A proposition as the view contract gives it (if drawn), plus what it supports and attacks."""
    if drawn is not None:
        node = {key: drawn[key] for key in _CONTRACT_KEYS}
    else:
        # Not in the view (e.g. a dangling reference): the model's own words, nothing drawn.
        node = {
            "text": prop.text,
            "role": prop.role.value,
            "pole": prop.pole,
            "themes": [prop.theme] if prop.theme is not None else [],
            "citation": None,
            "speaker": None,
            "note": prop.note,
            "faded": False,
        }
    node["drawn"] = drawn is not None
    node["contradicts"] = list(prop.contradicts)
    # What the view contract does not carry (yet): every pole, the source's hedge and the speech
    # acts of reported speech, all from the model.
    node["poles"] = list(prop.poles)
    node["hedge"] = prop.hedge
    node["confidence"] = prop.confidence
    node["speechActs"] = [
        {
            "speaker": str(a.speaker),
            "name": a.speaker.name,
            "act": a.act.value,
            "hedge": a.hedge,
            "locator": a.citation.locator if a.citation is not None else None,
        }
        for a in amap.attributions_of(prop.id)
    ]
    node.update(_relations(amap, prop.id))
    return node


def _sources(amap: ArgumentMap, options: PayloadOptions) -> list[dict[str, Any]]:
    texts = SourceTexts(
        sources_dir=options.sources_dir, source_texts=options.source_texts, map_path=amap.path
    )
    quotes: dict[str, list[tuple[str, str]]] = {}
    for prop in amap.propositions:
        cite = prop.citation
        if cite is not None and cite.quote:
            quotes.setdefault(cite.source, []).append((prop.id, cite.quote))
    out = []
    for source in amap.sources:
        found = texts.get(source.id, source.text)
        entry: dict[str, Any] = {
            "id": source.id,
            "title": source.title,
            "author": source.author,
            "date": source.date,
            "kind": source.kind,
            "url": source.url,
            "segments": None,
            "missing": [],
            "problem": found.problem,
        }
        if found.text is not None and len(found.text) > MAX_SOURCE_CHARS:
            entry["problem"] = f"text longer than {MAX_SOURCE_CHARS:,} characters, not embedded"
        elif found.text is not None:
            segments, missing = quote_segments(found.text, quotes.get(source.id, ()))
            entry["segments"] = segments
            entry["missing"] = missing
        out.append(entry)
    return out


def _round(value: float) -> float:
    return round(value, 4)


def _evaluations(amap: ArgumentMap, semantics: Sequence[str], with_balance: bool) -> tuple[Any, Any]:
    evaluations: dict[str, dict[str, Any]] = {}
    balances: dict[str, Any] = {}
    props = amap.index.propositions
    for name in semantics:
        if with_balance and amap.poles:
            table = balance(amap, name)
            result = table.evaluation
            balances[name] = {
                "margin": None if table.margin is None else _round(table.margin),
                "poles": [
                    {
                        "pole": p.pole,
                        "label": p.label,
                        "thesis": p.thesis,
                        "strength": None if p.strength is None else _round(p.strength),
                    }
                    for p in table.poles
                ],
                "factors": [
                    {"id": f.id, "pole": f.pole, "strength": _round(f.strength), "shift": _round(f.shift)}
                    for f in table.factors
                ],
            }
        else:
            result = evaluate(amap, name)
        evaluations[name] = {
            "gradual": name in GRADUAL_SEMANTICS,
            "converged": result.converged,
            "nodes": {
                node.id: [node.label, _round(node.strength)]
                for node in result.nodes.values()
                if node.id in props
            },
        }
    return evaluations, balances


def _junctions(view: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        j["id"]: {"inference": j["inference"], "conclusion": j["conclusion"], "premises": j["premises"]}
        for j in view["junctions"]
    }


def build_payload(
    amap: ArgumentMap, view: View, svg: list[Any], options: PayloadOptions | None = None
) -> dict[str, Any]:
    """Everything the page shows about ``amap``.

    ``view`` is the view the diagram was drawn from and ``svg`` its layout (from
    :func:`~argmap.export.html.layout.svg_tree`); the page reads nodes and junctions from the
    view's JSON contract and adds what the contract leaves to the model (relations, sources,
    evaluations).
    """
    options = options or PayloadOptions()
    view_json = view_to_json(view)
    drawn = {node["id"]: node for node in view_json["nodes"]}
    with_balance = options.balance if options.balance is not None else len(amap) <= BALANCE_LIMIT
    large = len(amap) > BALANCE_LIMIT
    semantics = options.semantics
    if semantics is None:
        semantics = tuple(s for s in DEFAULT_SEMANTICS if not (large and s in ENUMERATING_SEMANTICS))
    evaluations, balances = _evaluations(amap, semantics, with_balance)
    used_roles = {p.role for p in amap.propositions}
    speakers = _ids(
        [
            *(p.speaker.name for p in amap.propositions if p.speaker is not None),
            *(a.speaker.name for a in amap.attributions),
        ]
    )
    return {
        "version": PAYLOAD_VERSION,
        "title": amap.title,
        "question": amap.question,
        "description": amap.description,
        "poles": [{"id": p.id, "label": p.label, "thesis": p.thesis} for p in amap.poles],
        "themes": [{"id": t.id, "label": t.label} for t in amap.themes],
        "roles": [r.value for r in Role if r in used_roles],
        "speakers": speakers,
        "order": [p.id for p in amap.propositions],
        "nodes": {p.id: _node(amap, p, drawn.get(p.id)) for p in amap.index.propositions.values()},
        "junctions": _junctions(view_json),
        "svg": svg,
        "sources": _sources(amap, options),
        "evaluations": evaluations,
        "balances": balances,
        "balanceLimit": None if with_balance else BALANCE_LIMIT,
        "colours": {"labels": dict(LABEL_COLOURS), "strengths": list(STRENGTH_COLOURS)},
    }
