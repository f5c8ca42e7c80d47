"""Writing maps in Python: a small builder, and pure functions that derive new maps from old.

The builder collects parts and produces an immutable :class:`~argmap.model.ArgumentMap`;
``add``, ``remove`` and ``replace`` return new maps and never change the one they are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self

import attrs

from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Attribution,
    Citation,
    Inference,
    Pole,
    Preference,
    Proposition,
    Role,
    Source,
    Speaker,
    SpeechAct,
    Theme,
)

__all__ = ["MapBuilder", "add", "remove", "replace"]

Part = Proposition | Inference | Attack | Source | Pole | Theme | Attribution | Preference
_FIELD_FOR: dict[type, str] = {
    Proposition: "propositions",
    Inference: "inferences",
    Attack: "attacks",
    Source: "sources",
    Pole: "poles",
    Theme: "themes",
    Attribution: "attributions",
    Preference: "preferences",
}
CiteArg = Citation | tuple[str, str | None, str | None] | tuple[str, str | None] | None


def _citation(cite: CiteArg) -> Citation | None:
    if cite is None or isinstance(cite, Citation):
        return cite
    return Citation(*cite)


class MapBuilder:
    """Collects the parts of a map in readable calls; :meth:`build` returns the frozen map.

    >>> m = (MapBuilder("Tea?")
    ...      .claim("tea", "Tea is the better drink")
    ...      .evidence("calm", "Tea calms without keeping people awake")
    ...      .support("tea", "calm")
    ...      .build())
    >>> m.supporters("tea")
    ('calm',)
    """

    def __init__(self, title: str, *, question: str | None = None, description: str | None = None) -> None:
        self._title = title
        self._question = question
        self._description = description
        self._parts: dict[str, list[Part]] = {name: [] for name in _FIELD_FOR.values()}
        self._inference_ids: set[str] = set()
        self._attack_ids: set[str] = set()
        self._other_ids: set[str] = set()

    # -- context ---------------------------------------------------------------------------

    def source(self, id: str, title: str, **fields: object) -> Self:
        """Declare a source (author, date, kind, url, text, speakers as keywords)."""
        self._parts["sources"].append(Source(id, title, **fields))  # type: ignore[arg-type]
        return self

    def pole(self, id: str, label: str, *, thesis: str | None = None, thesis_text: str | None = None) -> Self:
        """Declare a pole; with ``thesis_text`` also add its thesis (id ``<pole>-thesis`` unless given)."""
        if thesis_text is not None:
            thesis = thesis or f"{id}-thesis"
            self.proposition(thesis, thesis_text, role=Role.THESIS, pole=id)
        self._parts["poles"].append(Pole(id, label, thesis))
        return self

    def theme(self, id: str, label: str, description: str | None = None) -> Self:
        """Declare a theme that cuts across poles."""
        self._parts["themes"].append(Theme(id, label, description))
        return self

    # -- propositions ----------------------------------------------------------------------

    def proposition(
        self,
        id: str,
        text: str,
        *,
        role: Role | str = Role.CLAIM,
        pole: str | None = None,
        theme: str | None = None,
        poles: Iterable[str] = (),
        themes: Iterable[str] = (),
        cite: CiteArg = None,
        speaker: Speaker | str | None = None,
        tags: Iterable[str] = (),
        base_score: float | None = None,
        contradicts: Iterable[str] = (),
        rephrases: Iterable[str] = (),
        asserted: bool | None = None,
        hedge: str | None = None,
        confidence: float | None = None,
        note: str | None = None,
    ) -> Self:
        """Add a proposition; ``cite`` is a Citation or ``(source, locator[, quote])``.

        ``pole``/``theme`` name one pole or theme, ``poles``/``themes`` several.
        """
        self._parts["propositions"].append(
            Proposition(
                id,
                text,
                role=Role(role),
                pole=pole,
                theme=theme,
                poles=tuple(poles),
                themes=tuple(themes),
                tags=tuple(tags),
                citation=_citation(cite),
                speaker=Speaker(speaker) if isinstance(speaker, str) else speaker,
                base_score=base_score,
                contradicts=tuple(contradicts),
                rephrases=tuple(rephrases),
                asserted=asserted,
                hedge=hedge,
                confidence=confidence,
                note=note,
            )
        )
        return self

    def thesis(self, id: str, text: str, **kw: object) -> Self:
        """Add a thesis (usually via :meth:`pole`)."""
        return self.proposition(id, text, role=Role.THESIS, **kw)  # type: ignore[arg-type]

    def claim(self, id: str, text: str, **kw: object) -> Self:
        """Add a claim."""
        return self.proposition(id, text, role=Role.CLAIM, **kw)  # type: ignore[arg-type]

    def evidence(self, id: str, text: str, **kw: object) -> Self:
        """Add a piece of cited evidence."""
        return self.proposition(id, text, role=Role.EVIDENCE, **kw)  # type: ignore[arg-type]

    def explanation(self, id: str, text: str, **kw: object) -> Self:
        """Add an explanation that reconciles the poles."""
        return self.proposition(id, text, role=Role.EXPLANATION, **kw)  # type: ignore[arg-type]

    def verdict(self, id: str, text: str, **kw: object) -> Self:
        """Add the verdict."""
        return self.proposition(id, text, role=Role.VERDICT, **kw)  # type: ignore[arg-type]

    # -- relations -------------------------------------------------------------------------

    def _fresh(self, prefix: str, taken: set[str]) -> str:
        n = len(taken) + 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    def support(
        self,
        conclusion: str,
        *premises: str,
        id: str | None = None,
        label: str | None = None,
        hedge: str | None = None,
        confidence: float | None = None,
    ) -> Self:
        """Add one inference: all ``premises`` jointly (linked) support ``conclusion``.

        Call it once per independent reason for convergent support.
        """
        inference_id = id or self._fresh("inf", self._inference_ids)
        self._inference_ids.add(inference_id)
        self._parts["inferences"].append(
            Inference(inference_id, premises, conclusion, label=label, hedge=hedge, confidence=confidence)
        )
        return self

    def rebut(self, attacker: str, target: str, *, id: str | None = None, label: str | None = None) -> Self:
        """``attacker`` counts against the proposition ``target``."""
        return self._attack(attacker, target, AttackKind.REBUT, id, label)

    def undercut(
        self, attacker: str, inference: str, *, id: str | None = None, label: str | None = None
    ) -> Self:
        """``attacker`` denies that the inference ``inference`` holds (not its conclusion)."""
        return self._attack(attacker, inference, AttackKind.UNDERCUT, id, label)

    def qualify(
        self,
        attacker: str,
        target: str,
        *,
        id: str | None = None,
        label: str | None = None,
        weight: float | None = None,
    ) -> Self:
        """``attacker`` limits ``target`` (a proposition or inference) without defeating it."""
        return self._attack(attacker, target, AttackKind.QUALIFY, id, label, weight)

    def concede(
        self,
        conceded: str,
        target: str,
        *,
        id: str | None = None,
        label: str | None = None,
        weight: float | None = None,
    ) -> Self:
        """``target``'s author grants ``conceded``, which counts against ``target`` but never defeats it."""
        return self._attack(conceded, target, AttackKind.CONCEDE, id, label, weight)

    def _attack(
        self,
        attacker: str,
        target: str,
        kind: AttackKind,
        id: str | None,
        label: str | None,
        weight: float | None = None,
    ) -> Self:
        attack_id = id or self._fresh("att", self._attack_ids)
        self._attack_ids.add(attack_id)
        self._parts["attacks"].append(Attack(attack_id, attacker, target, kind, weight, label=label))
        return self

    def attribute(
        self,
        speaker: Speaker | str,
        act: SpeechAct | str,
        proposition: str,
        *,
        id: str | None = None,
        cite: CiteArg = None,
        hedge: str | None = None,
        confidence: float | None = None,
        note: str | None = None,
    ) -> Self:
        """Reported speech: ``speaker`` asserts, concedes, questions or denies ``proposition``."""
        attribution_id = id or self._fresh("said", self._other_ids)
        self._other_ids.add(attribution_id)
        self._parts["attributions"].append(
            Attribution(
                attribution_id,
                Speaker(speaker) if isinstance(speaker, str) else speaker,
                proposition,
                SpeechAct(act),
                _citation(cite),
                hedge,
                confidence,
                note,
            )
        )
        return self

    def prefer(self, preferred: str, over: str, *, id: str | None = None, note: str | None = None) -> Self:
        """``preferred`` prevails over ``over`` where they attack each other."""
        preference_id = id or self._fresh("pref", self._other_ids)
        self._other_ids.add(preference_id)
        self._parts["preferences"].append(Preference(preference_id, preferred, over, note))
        return self

    def build(self) -> ArgumentMap:
        """The frozen map; the builder can keep going and build again."""
        return ArgumentMap(
            self._title,
            question=self._question,
            description=self._description,
            **{name: tuple(parts) for name, parts in self._parts.items()},  # type: ignore[arg-type]
        )


def add(amap: ArgumentMap, *parts: Part) -> ArgumentMap:
    """A new map with ``parts`` appended (any of the map's kinds of part)."""
    grouped: dict[str, list[Part]] = {}
    for part in parts:
        grouped.setdefault(_FIELD_FOR[type(part)], []).append(part)
    changes: dict[str, Any] = {name: (*getattr(amap, name), *items) for name, items in grouped.items()}
    return attrs.evolve(amap, **changes)


def replace(amap: ArgumentMap, part: Part) -> ArgumentMap:
    """A new map with the part of the same kind and id as ``part`` replaced by it."""
    name = _FIELD_FOR[type(part)]
    items = getattr(amap, name)
    if not any(item.id == part.id for item in items):
        raise KeyError(f"no {type(part).__name__.lower()} with id {part.id!r}")
    changes: dict[str, Any] = {name: tuple(part if item.id == part.id else item for item in items)}
    return attrs.evolve(amap, **changes)


def remove(amap: ArgumentMap, *ids: str) -> ArgumentMap:
    """A new map without the named parts, and nothing left dangling.

    Removing a proposition drops it from premise lists (an inference left with no premises goes),
    drops inferences concluding in it, attacks from or on it and reported speech of it; removing
    an inference drops the undercuts that hit it. Preferences naming anything removed go too.
    """
    gone = set(ids)
    propositions = tuple(p for p in amap.propositions if p.id not in gone)
    inferences: list[Inference] = []
    for inf in amap.inferences:
        if inf.id in gone or inf.conclusion in gone:
            gone.add(inf.id)
            continue
        premises = tuple(p for p in inf.premises if p not in gone)
        if not premises:
            gone.add(inf.id)
            continue
        inferences.append(inf if premises == inf.premises else attrs.evolve(inf, premises=premises))
    attacks = tuple(
        a for a in amap.attacks if a.id not in gone and a.attacker not in gone and a.target not in gone
    )
    poles = tuple(attrs.evolve(pole, thesis=None) if pole.thesis in gone else pole for pole in amap.poles)
    attributions = tuple(a for a in amap.attributions if a.id not in gone and a.proposition not in gone)
    gone.update(a.id for a in amap.attributions if a.proposition in gone)
    preferences = tuple(
        p for p in amap.preferences if p.id not in gone and p.preferred not in gone and p.over not in gone
    )
    return attrs.evolve(
        amap,
        propositions=propositions,
        inferences=tuple(inferences),
        attacks=attacks,
        poles=poles,
        attributions=attributions,
        preferences=preferences,
    )
