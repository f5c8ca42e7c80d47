"""Writing an argument map as AIF: AIFdb JSON, or an OVA3 save wrapping it.

The inverse of :mod:`argmap.formats.aif._read` on what that reads: propositions become I-nodes (a proposition
tagged ``aif-locution`` an L-node), inferences RA-nodes (the label as text and scheme), attacks CA-nodes; a
proposition with a speaker or a citation of a locution gets an L-node ("Speaker : quote") anchored to it by a
YA-node, and its speaker becomes a participant. Ids are the map's own; nodes that only AIF has get fresh ids.
argmap's paradox structure (poles, themes, roles) has no place in AIF and is not written; :func:`left_out`
counts what a map loses that way, so that nothing is lost silently.

Imports only :mod:`argmap.model`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import attrs

from argmap.formats.aif._read import DIALOGUE_SOURCE, KIND_KEY, LOCUTION_TAG
from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Attribution,
    Inference,
    Preference,
    Proposition,
    Speaker,
    SpeechAct,
)

__all__ = ["dumps", "left_out", "to_aif"]

_LOCATOR = re.compile(r"^locution (\S+)(?: \((.+)\))?$")


_ILLOCUTIONS = {
    SpeechAct.ASSERTS: "Asserting",
    SpeechAct.CONCEDES: "Conceding",
    SpeechAct.QUESTIONS: "Questioning",
    SpeechAct.DENIES: "Disagreeing",
}


def _locution(prop: Proposition | Attribution) -> tuple[str | None, str | None]:
    """The locution id and illocution a proposition or attribution was read from, if it was."""
    cite = prop.citation
    if cite is not None and cite.source == DIALOGUE_SOURCE and cite.locator:
        match = _LOCATOR.match(cite.locator)
        if match:
            return match.group(1), match.group(2)
    return None, None


def to_aif(amap: ArgumentMap) -> dict[str, Any]:
    """The map as AIFdb JSON data: ``nodes``, ``edges``, ``locutions`` and ``participants``."""
    w = _Writer(amap)
    for prop in amap.propositions:
        w.proposition(prop)
    for said in amap.attributions:
        w.attribution(said)
    for prop in amap.propositions:
        for original in prop.rephrases:
            ma = w.fresh("MA")
            w.node(ma, "MA", "Default Rephrase")
            w.edge(original, ma)
            w.edge(ma, prop.id)
    for inf in amap.inferences:
        w.node(inf.id, "RA", inf.label or "Default Inference", inf.label)
        for premise in dict.fromkeys(inf.premises):
            w.edge(premise, inf.id)
        w.edge(inf.id, inf.conclusion)
    # A CA-node's target says whether it rebuts (an I-node) or undercuts (an RA-node).
    for att in amap.attacks:
        w.node(att.id, "CA", att.label or "Default Conflict", att.label)
        if att.kind not in (AttackKind.REBUT, AttackKind.UNDERCUT):
            w.nodes[-1][KIND_KEY] = att.kind.value
        w.edge(att.attacker, att.id)
        w.edge(att.id, att.target)
    for pref in amap.preferences:
        w.node(pref.id, "PA", "Default Preference")
        w.edge(pref.preferred, pref.id)
        w.edge(pref.id, pref.over)
    participants = [
        {"participantID": pid, "firstname": name, "surname": ""} for name, pid in w.people.items()
    ]
    return {"nodes": w.nodes, "edges": w.edges, "locutions": w.locutions, "participants": participants}


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.taken: set[str] = {p.id for p in amap.propositions}
        self.taken.update(i.id for i in amap.inferences)
        self.taken.update(a.id for a in amap.attacks)
        self.taken.update(p.id for p in amap.preferences)
        self.counter = 0
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.people: dict[str, str] = {}
        self.texts = {p.id: p.text for p in amap.propositions}

    def fresh(self, prefix: str) -> str:
        while True:
            self.counter += 1
            new = f"{prefix}{self.counter}"
            if new not in self.taken:
                self.taken.add(new)
                return new

    def node(self, nid: str, ntype: str, text: str, scheme: str | None = None) -> None:
        entry: dict[str, Any] = {"nodeID": nid, "text": text, "type": ntype}
        if scheme is not None:
            entry["scheme"] = scheme
        self.nodes.append(entry)

    def edge(self, src: str, dst: str) -> None:
        self.edges.append(
            {"edgeID": str(len(self.edges) + 1), "fromID": src, "toID": dst, "formEdgeID": None}
        )

    def locution(self, lid: str, name: str | None, said: str) -> None:
        self.node(lid, "L", f"{name} : {said}" if name else said)
        if name:
            pid = self.people.setdefault(name, str(len(self.people) + 1))
            self.locutions.append({"nodeID": lid, "personID": pid})

    def attribution(self, att: Attribution) -> None:
        lid, illocution = _locution(att)
        if lid is None or lid in self.taken:
            lid = self.fresh("L")
        else:
            self.taken.add(lid)
        said = att.citation.quote if att.citation is not None and att.citation.quote else None
        self.locution(lid, att.speaker.name, said or self.texts.get(att.proposition, ""))
        ya = self.fresh("YA")
        # Asserting is AIF's default illocution; the reader reads "Default Illocuting" back as no word at all.
        default = "Default Illocuting" if att.act is SpeechAct.ASSERTS else _ILLOCUTIONS[att.act]
        self.node(ya, "YA", illocution or default)
        self.edge(lid, ya)
        self.edge(ya, att.proposition)

    def proposition(self, prop: Proposition) -> None:
        name = prop.speaker.name if prop.speaker is not None else None
        if LOCUTION_TAG in prop.tags:
            self.locution(prop.id, name, prop.text)
            return
        self.node(prop.id, "I", prop.text)
        lid, illocution = _locution(prop)
        if lid is None and name is None:
            return
        if lid is None or lid in self.taken:
            lid = self.fresh("L")
        else:
            self.taken.add(lid)
        said = prop.citation.quote if prop.citation is not None and prop.citation.quote else prop.text
        self.locution(lid, name, said)
        ya = self.fresh("YA")
        self.node(ya, "YA", illocution or "Default Illocuting")
        self.edge(lid, ya)
        self.edge(ya, prop.id)


def dumps(amap: ArgumentMap, flavour: str = "aifdb") -> str:
    """AIF text: AIFdb JSON, or (``flavour="ova3"``) an OVA3 save ``{AIF, OVA, text}``."""
    data = to_aif(amap)
    if flavour == "ova3":
        # OVA lays nodes out itself when it has no coordinates it likes; a plain grid keeps it readable.
        layout = [
            {"nodeID": n["nodeID"], "visible": True, "x": 50 + 250 * (k % 8), "y": 50 + 150 * (k // 8)}
            for k, n in enumerate(data["nodes"])
        ]
        data = {
            "AIF": data,
            "OVA": {"firstname": "", "surname": "", "url": "", "nodes": layout, "edges": []},
            "text": "",
        }
    elif flavour != "aifdb":
        raise ValueError(f"unknown AIF flavour {flavour!r}; expected 'aifdb' or 'ova3'")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


#: The fields the writer carries over, by kind of element; every other field that is set is left out.
_WRITTEN: dict[type, tuple[str, frozenset[str]]] = {
    Proposition: ("proposition", frozenset({"id", "text", "rephrases", "speaker", "tags", "citation"})),
    Inference: ("inference", frozenset({"id", "premises", "conclusion", "label"})),
    Attack: ("attack", frozenset({"id", "attacker", "target", "kind", "label"})),
    Attribution: ("attribution", frozenset({"id", "speaker", "proposition", "act", "citation"})),
    Preference: ("preference", frozenset({"id", "preferred", "over"})),
}


def left_out(amap: ArgumentMap) -> dict[str, int]:
    """What AIF has no place for and :func:`dumps` does not write, counted by what it is (``"proposition
    role"``: how many propositions have a role other than claim, ``"map poles"``: the map's poles), sorted;
    empty when the AIF holds the whole map.

    A proposition's tags and citation, and a speaker's affiliation and title, are left out; a citation of
    the dialogue (a locution read from AIF) and the speaker's name are written.
    """
    lost: Counter[str] = Counter()
    for name in ("question", "description", "poles", "themes"):
        if getattr(amap, name):
            lost[f"map {name}"] += 1
    lost["map sources"] += sum(1 for source in amap.sources if source.id != DIALOGUE_SOURCE)
    for items in (amap.propositions, amap.inferences, amap.attacks, amap.attributions, amap.preferences):
        for item in items:
            kind, written = _WRITTEN[type(item)]
            for field in attrs.fields(type(item)):
                if field.eq and field.name not in written and getattr(item, field.name) != _default(field):
                    lost[f"{kind} {field.name}"] += 1
            if isinstance(item, Proposition) and set(item.tags) - {LOCUTION_TAG}:
                lost[f"{kind} tags"] += 1
            citation = getattr(item, "citation", None)
            if citation is not None and citation.source != DIALOGUE_SOURCE:
                lost[f"{kind} citation"] += 1
            speaker = getattr(item, "speaker", None)
            if isinstance(speaker, Speaker) and speaker != Speaker(speaker.name):
                lost[f"{kind} speaker's details"] += 1
    return {what: n for what, n in sorted(lost.items()) if n}


def _default(field: Any) -> Any:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return None if default is attrs.NOTHING else default
