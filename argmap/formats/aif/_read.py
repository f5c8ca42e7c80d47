"""Reading AIF (AIFdb JSON and OVA3 saves) into an argument map, reporting what cannot be kept.

This module owns the mapping from AIF's node types to argmap's model:

* I-node -> :class:`~argmap.model.Proposition` (same id when it is a valid argmap id);
* RA-node -> :class:`~argmap.model.Inference` (its I-node premises are linked; several RA nodes into one
  conclusion are convergent); the scheme name becomes the inference's label;
* CA-node -> :class:`~argmap.model.Attack`: on an I-node a rebuttal, on an RA-node an undercut;
* the dialogue layer: an L-node anchored to an I-node by a YA-node becomes the proposition's speaker and a
  citation of the locution (source ``dialogue``, locator ``locution <id> (<illocution>)``, the locution's text
  as the quote); an L-node that anchors no proposition becomes a proposition of its own, tagged
  ``aif-locution``, with its speaker.

Everything else (CA on CA, MA rephrases, PA preferences, TA transitions, YA nodes that anchor anything but an
I-node, and every defect of a real file) is *counted and reported* as a coded :class:`~argmap.errors.Diagnostic`
naming the file, the node ids and the line of the node in the file. Reading never raises for a defect of the
graph; only text that is not JSON, or JSON that is not AIF, raises :class:`~argmap.errors.ParseError`.

Imports only :mod:`argmap.model` and :mod:`argmap.errors`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from argmap.errors import Diagnostic, Location, ParseError, Severity
from argmap.model import ID_PATTERN, ArgumentMap, Attack, AttackKind, Citation, Inference, Proposition, Source
from argmap.model import Speaker as _Speaker

__all__ = [
    "CODES",
    "DIALOGUE_SOURCE",
    "LOCUTION_TAG",
    "AifImport",
    "loads",
    "read",
    "read_data",
    "sniff",
]

#: Id of the source that locutions are cited from.
DIALOGUE_SOURCE = "dialogue"
#: Tag of a proposition that stands for an L-node anchoring no I-node.
LOCUTION_TAG = "aif-locution"

#: Every diagnostic the reader emits: code -> (severity, what it means). Rules as data, like the linter's.
CODES: Mapping[str, tuple[Severity, str]] = {
    "AIF101": (Severity.WARNING, "a node entry without nodeID or type was skipped"),
    "AIF102": (Severity.WARNING, "a node id occurs twice; the later node was skipped"),
    "AIF103": (Severity.WARNING, "a node of an unknown type was skipped"),
    "AIF104": (Severity.WARNING, "an edge entry is malformed or names a node that does not exist"),
    "AIF105": (Severity.WARNING, "an edge from a node to itself was skipped"),
    "AIF106": (Severity.WARNING, "an edge joins two nodes without a scheme node between them"),
    "AIF110": (Severity.WARNING, "an RA node has no conclusion; its inference was left out"),
    "AIF111": (Severity.WARNING, "an RA node has no premise; its inference was left out"),
    "AIF112": (Severity.WARNING, "an RA node has several conclusions; the first was kept"),
    "AIF120": (Severity.WARNING, "a CA node lacks an attacker or a target; its attack was left out"),
    "AIF121": (Severity.WARNING, "a CA node attacks another CA node (an attack on an attack), not representable"),
    "AIF122": (Severity.INFO, "a CA node with several attackers or targets became one attack per pair"),
    "AIF130": (Severity.WARNING, "an MA node (rephrase) is not representable"),
    "AIF131": (Severity.WARNING, "a PA node (preference) is not representable"),
    "AIF140": (Severity.WARNING, "a TA node (transition between locutions) is not representable"),
    "AIF141": (Severity.WARNING, "a YA node has no locution or no content at one end"),
    "AIF142": (Severity.WARNING, "a YA node anchors something other than an I-node in a locution"),
    "AIF143": (Severity.WARNING, "an I-node is anchored by several locutions; the first gives its speaker"),
    "AIF150": (Severity.INFO, "an I-node takes part in no relation"),
    "AIF151": (Severity.INFO, "an L-node takes part in no relation"),
    "AIF160": (Severity.INFO, "a node id is not a valid argmap id and was rewritten"),
}

_EXPLAINED = frozenset(
    {("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA"), ("CA", "CA")}
)
_REPORTED_WITH_NODE = frozenset({"YA", "TA", "MA", "PA"})
_KNOWN = frozenset({"I", "L", "RA", "CA", "MA", "PA", "TA", "YA"})
# Illocution names that only say "default"; they are not kept (export writes the default back).
_DEFAULT_ILLOCUTIONS = frozenset({"", "YA", "Default Illocuting"})
_DEFAULT_SCHEMES = {"RA": frozenset({"RA", "Default Inference"}), "CA": frozenset({"CA", "Default Conflict"})}
# "Name : text" (AIFdb, OVA) and "Name says 'text'" (AraucariaDB).
_SAYS = re.compile(r"(?s)^\s*([^:\n]{1,100}?)\s+says\s+'(.*)'\s*$")
_PREFIX = re.compile(r"(?s)^\s*([^:\n]{1,100}?)\s*:\s+(.*?)\s*$")
_BAD_ID_CHARS = re.compile(r"[^A-Za-z0-9_.\-]")
# One pass over the text finds each node's line when a diagnostic needs it.
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')


@attrs.frozen(slots=True)
class AifImport:
    """The map read from an AIF file, what could not be kept, and how many nodes of each type it had."""

    map: ArgumentMap
    diagnostics: tuple[Diagnostic, ...]
    #: Nodes read per AIF type (``I``, ``RA``, ...), and ``edges``.
    counts: Mapping[str, int]
    #: ``"aifdb"`` or ``"ova3"``.
    flavour: str


def sniff(text: str) -> bool:
    """Whether JSON text looks like AIF (its first key is one of AIF's top-level keys)."""
    match = re.match(r'\s*\{\s*"(nodes|edges|locutions|participants|AIF|OVA|text|schemefulfillments)"', text)
    return match is not None


def loads(text: str, filename: str | None = None) -> ArgumentMap:
    """The map in AIF text (the registry's reader); :func:`read` also returns the diagnostics."""
    return read(text, filename).map


def read(text: str, filename: str | None = None) -> AifImport:
    """Read AIFdb JSON or an OVA3 save; a syntax error is a :class:`ParseError` with line and column."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", filename, exc.lineno, exc.colno) from None
    except RecursionError:
        raise ParseError("JSON nested too deeply", filename, 1, 1) from None
    return read_data(data, filename, text)


def _stem(filename: str | None) -> str:
    if not filename:
        return "AIF import"
    name = re.split(r"[\\/]", filename)[-1]
    for suffix in (".aif.json", ".json", ".aif"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name


class _Reader:
    """One file's reading state; diagnostics are collected, never raised."""

    def __init__(self, filename: str | None, text: str | None) -> None:
        self.filename = filename
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self._lines: dict[str, int] | None = None

    def line_of(self, node_id: str) -> int:
        if self.text is None:
            return 1
        if self._lines is None:
            lines: dict[str, int] = {}
            line = 1
            last = 0
            for match in _NODE_ID.finditer(self.text):
                line += self.text.count("\n", last, match.start())
                last = match.start()
                lines.setdefault(match.group(1), line)
            self._lines = lines
        return self._lines.get(node_id, 1)

    def report(self, code: str, message: str, ids: Iterable[str], hint: str | None = None) -> None:
        severity, _ = CODES[code]
        ids = tuple(ids)
        line = self.line_of(ids[0]) if ids else 1
        self.diagnostics.append(
            Diagnostic(code, severity, message, ids, Location(self.filename, line, 1), hint)
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _speaker_and_quote(text: str, name: str | None) -> tuple[str | None, str]:
    """Split a locution's text into its speaker and what was said."""
    if name:
        stripped = text.lstrip()
        if stripped.startswith(name):
            rest = stripped[len(name) :].lstrip()
            if rest.startswith(":"):
                return name, rest[1:].strip()
        return name, text.strip()
    match = _SAYS.match(text) or _PREFIX.match(text)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    return None, text.strip()


def read_data(data: Any, filename: str | None = None, text: str | None = None) -> AifImport:
    """Read already-parsed AIF data (``text``, if given, lets diagnostics name lines)."""
    flavour = "aifdb"
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        flavour = "ova3"
        data = data["AIF"]
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise ParseError(
            "not an AIF file: expected an object with a 'nodes' list (AIFdb JSON) or an 'AIF' object (OVA3)",
            filename,
            1,
            1,
        )
    edges_in = data.get("edges", [])
    if not isinstance(edges_in, list):
        raise ParseError("not an AIF file: 'edges' is not a list", filename, 1, 1)
    r = _Reader(filename, text)

    # -- nodes ----------------------------------------------------------------------------------
    kind: dict[str, str] = {}
    texts: dict[str, str] = {}
    schemes: dict[str, str] = {}
    counts: dict[str, int] = {}
    for position, raw in enumerate(data["nodes"]):
        if not isinstance(raw, dict) or raw.get("nodeID") is None or not isinstance(raw.get("type"), str):
            r.report("AIF101", f"node entry {position} has no nodeID or no type; skipped", ())
            continue
        nid = _text(raw["nodeID"])
        ntype = raw["type"]
        counts[ntype] = counts.get(ntype, 0) + 1
        if nid in kind:
            r.report("AIF102", f"node {nid} occurs twice; the later one ({ntype}) was skipped", (nid,))
            continue
        if ntype not in _KNOWN:
            r.report("AIF103", f"node {nid} has unknown type {ntype[:20]!r}; skipped", (nid,))
            continue
        kind[nid] = ntype
        texts[nid] = _text(raw.get("text"))
        scheme = raw.get("scheme")
        if isinstance(scheme, str) and scheme:
            schemes[nid] = scheme

    # -- edges ----------------------------------------------------------------------------------
    ins: dict[str, list[str]] = {}
    outs: dict[str, list[str]] = {}
    seen_edges: set[tuple[str, str]] = set()
    counts["edges"] = len(edges_in)
    for position, edge in enumerate(edges_in):
        if not isinstance(edge, dict) or edge.get("fromID") is None or edge.get("toID") is None:
            r.report("AIF104", f"edge entry {position} has no fromID or no toID; skipped", ())
            continue
        src, dst = _text(edge["fromID"]), _text(edge["toID"])
        eid = _text(edge.get("edgeID"))
        if src not in kind or dst not in kind:
            missing = src if src not in kind else dst
            r.report("AIF104", f"edge {eid} names node {missing}, which does not exist; skipped", (missing,))
            continue
        if src == dst:
            r.report("AIF105", f"edge {eid} goes from node {src} to itself; skipped", (src,))
            continue
        if (src, dst) in seen_edges:
            continue
        seen_edges.add((src, dst))
        outs.setdefault(src, []).append(dst)
        ins.setdefault(dst, []).append(src)

    # -- ids: AIF ids are any string; argmap ids are slugs ------------------------------------------
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for nid in kind:
        if ID_PATTERN.match(nid) and nid not in taken:
            ids[nid] = nid
            taken.add(nid)
    for nid in kind:
        if nid in ids:
            continue
        base = _BAD_ID_CHARS.sub("_", nid)
        if not base or base[0] in "-.":
            base = "n" + base
        new, k = base, 1
        while new in taken:
            k += 1
            new = f"{base}.{k}"
        ids[nid] = new
        taken.add(new)
        r.report("AIF160", f"node id {nid[:40]!r} is written {new!r} in the map", (nid,))

    def fresh(base: str) -> str:
        new, k = base, 1
        while new in taken:
            k += 1
            new = f"{base}.{k}"
        taken.add(new)
        return new

    # -- participants and locutions give L-nodes their speakers -------------------------------------
    people: dict[str, str] = {}
    for part in data.get("participants") or ():
        if isinstance(part, dict) and part.get("participantID") is not None:
            name = f"{_text(part.get('firstname')).strip()} {_text(part.get('surname')).strip()}".strip()
            if name:
                people[_text(part["participantID"])] = name
    person_of: dict[str, str] = {}
    for loc in data.get("locutions") or ():
        if isinstance(loc, dict) and loc.get("nodeID") is not None and loc.get("personID") is not None:
            name = people.get(_text(loc["personID"]))
            if name:
                person_of.setdefault(_text(loc["nodeID"]), name)

    # -- the dialogue layer: which locution anchors which proposition --------------------------------
    anchor: dict[str, tuple[str, str | None]] = {}  # I-node -> (L-node, illocution)
    anchoring: set[str] = set()  # L-nodes folded into a proposition
    for nid, ntype in kind.items():
        if ntype != "YA":
            continue
        sources, targets = ins.get(nid, []), outs.get(nid, [])
        if not sources or not targets:
            end = "locution" if not sources else "content"
            r.report("AIF141", f"YA node {nid} has no {end}; its anchoring was left out", (nid,))
            continue
        illocution = schemes.get(nid) or texts[nid]
        if illocution in _DEFAULT_ILLOCUTIONS or illocution.startswith("YA_"):
            illocution_kept: str | None = None
        else:
            illocution_kept = illocution
        pairs: list[tuple[str, str]]
        if len(sources) == 1:
            pairs = [(sources[0], t) for t in targets]
        elif len(targets) == 1:
            pairs = [(s, targets[0]) for s in sources]
        else:
            pairs = list(zip(sources, targets, strict=False))
            if len(sources) != len(targets):
                r.report(
                    "AIF141",
                    f"YA node {nid} joins {len(sources)} locutions to {len(targets)} contents; "
                    "paired in order, the rest left out",
                    (nid,),
                )
        for src, dst in pairs:
            if kind[src] == "L" and kind[dst] == "I":
                if dst in anchor:
                    r.report(
                        "AIF143",
                        f"I-node {dst} is also anchored by locution {src} (YA {nid}); "
                        f"its speaker comes from locution {anchor[dst][0]}",
                        (dst, src, nid),
                    )
                    continue
                anchor[dst] = (src, illocution_kept)
                anchoring.add(src)
            else:
                r.report(
                    "AIF142",
                    f"YA node {nid} anchors {kind[dst]} node {dst} in {kind[src]} node {src} "
                    f"({illocution[:40]!r}); not representable",
                    (nid, src, dst),
                )

    speakers: dict[str, _Speaker] = {}

    def speaker(name: str | None) -> _Speaker | None:
        if name is None:
            return None
        found = speakers.get(name)
        if found is None:
            found = speakers[name] = _Speaker(name)
        return found

    # -- propositions: I-nodes, and L-nodes that anchor none ------------------------------------------
    props: list[Proposition] = []
    for nid, ntype in kind.items():
        if ntype == "I":
            if nid not in ins and nid not in outs:
                r.report("AIF150", f"I-node {nid} takes part in no relation", (nid,))
            said = anchor.get(nid)
            if said is None:
                props.append(Proposition(ids[nid], texts[nid]))
                continue
            lid, illocution = said
            name, quote = _speaker_and_quote(texts[lid], person_of.get(lid))
            locator = f"locution {lid}" + (f" ({illocution})" if illocution else "")
            props.append(
                Proposition(
                    ids[nid],
                    texts[nid],
                    citation=Citation(DIALOGUE_SOURCE, locator, quote or None),
                    speaker=speaker(name),
                )
            )
        elif ntype == "L" and nid not in anchoring:
            if nid not in ins and nid not in outs:
                r.report("AIF151", f"L-node {nid} takes part in no relation", (nid,))
            name, quote = _speaker_and_quote(texts[nid], person_of.get(nid))
            props.append(
                Proposition(
                    ids[nid],
                    quote,
                    tags=(LOCUTION_TAG,),
                    citation=Citation(DIALOGUE_SOURCE, f"locution {nid}"),
                    speaker=speaker(name),
                )
            )

    # -- inferences and attacks --------------------------------------------------------------------
    inferences: list[Inference] = []
    attacks: list[Attack] = []
    for nid, ntype in kind.items():
        if ntype == "RA":
            label = schemes.get(nid) or texts[nid]
            kept_label = None if label in _DEFAULT_SCHEMES["RA"] else label
            premises = [p for p in ins.get(nid, []) if kind[p] == "I"]
            conclusions = [c for c in outs.get(nid, []) if kind[c] == "I"]
            if not conclusions:
                r.report("AIF110", f"RA node {nid} has no conclusion; inference left out", (nid,))
                continue
            if not premises:
                r.report("AIF111", f"RA node {nid} has no premise; inference left out", (nid,))
                continue
            if len(conclusions) > 1:
                r.report(
                    "AIF112",
                    f"RA node {nid} has {len(conclusions)} conclusions; only {conclusions[0]} was kept",
                    (nid, *conclusions[1:]),
                )
            inferences.append(
                Inference(ids[nid], tuple(ids[p] for p in premises), ids[conclusions[0]], label=kept_label)
            )
        elif ntype == "CA":
            label = schemes.get(nid) or texts[nid]
            kept_label = None if label in _DEFAULT_SCHEMES["CA"] else label
            attackers = [a for a in ins.get(nid, []) if kind[a] == "I"]
            targets: list[tuple[str, AttackKind]] = []
            for t in outs.get(nid, []):
                if kind[t] == "I":
                    targets.append((t, AttackKind.REBUT))
                elif kind[t] == "RA":
                    targets.append((t, AttackKind.UNDERCUT))
                elif kind[t] == "CA":
                    r.report(
                        "AIF121",
                        f"CA node {nid} attacks CA node {t} (an attack on an attack); not representable",
                        (nid, t),
                    )
            if not attackers or not targets:
                if attackers or not any(kind[t] == "CA" for t in outs.get(nid, [])):
                    end = "attacker" if not attackers else "target"
                    r.report("AIF120", f"CA node {nid} has no {end}; attack left out", (nid,))
                continue
            if len(attackers) * len(targets) > 1:
                r.report(
                    "AIF122",
                    f"CA node {nid} has {len(attackers)} attackers and {len(targets)} targets; "
                    "one attack per pair",
                    (nid,),
                )
            first = True
            for a in attackers:
                for t, akind in targets:
                    aid = ids[nid] if first else fresh(f"{ids[nid]}.{ids[a]}")
                    first = False
                    attacks.append(Attack(aid, ids[a], ids[t], akind, label=kept_label))
        elif ntype == "MA":
            r.report(
                "AIF130",
                f"MA node {nid} (rephrase of {', '.join(ins.get(nid, [])) or 'nothing'} as "
                f"{', '.join(outs.get(nid, [])) or 'nothing'}) is not representable",
                (nid,),
            )
        elif ntype == "PA":
            r.report("AIF131", f"PA node {nid} (preference) is not representable", (nid,))
        elif ntype == "TA":
            r.report("AIF140", f"TA node {nid} (transition between locutions) is not representable", (nid,))

    # Edges that no pass above explains: I->I, I->L, L->RA, RA->RA and the like. Edges touching YA, TA,
    # MA or PA nodes were reported with those nodes.
    for src, dsts in outs.items():
        for dst in dsts:
            pair = (kind[src], kind[dst])
            if pair in _EXPLAINED or pair[0] in _REPORTED_WITH_NODE or pair[1] in _REPORTED_WITH_NODE:
                continue
            r.report(
                "AIF106",
                f"edge {src} -> {dst} joins {pair[0]} to {pair[1]} without a scheme node between; skipped",
                (src, dst),
            )

    sources: tuple[Source, ...] = ()
    if speakers or anchoring or any(p.citation is not None for p in props):
        sources = (
            Source(DIALOGUE_SOURCE, "Dialogue", kind="dialogue", speakers=tuple(speakers.values())),
        )
    amap = ArgumentMap(
        title=_stem(filename),
        sources=sources,
        propositions=tuple(props),
        inferences=tuple(inferences),
        attacks=tuple(attacks),
        path=filename,
    )
    return AifImport(amap, tuple(r.diagnostics), counts, flavour)
