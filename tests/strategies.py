"""Hypothesis strategies for argument maps, all in one place.

``argument_maps()`` draws *valid* maps: unique ids, every reference resolving, support acyclic
(premises always come later in the map than their conclusion), paradox structure complete
(each pole has a thesis and factors, explanations relate to every pole, the verdict is
supported) and every evidence node cited. Texts include unicode, quotes, newlines and long runs.
"""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import (
    ArgumentMap,
    Attack,
    AttackKind,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
    Theme,
)

__all__ = ["argument_maps", "ids", "texts"]

# Surrogates cannot be encoded as UTF-8, so no file format can hold them.
_chars = st.characters(blacklist_categories=("Cs",))
_tricky = st.sampled_from(
    ['"', "'", "\n", "\\", ": ", "- ", "#", "&amp;", "<b>", "{x}", "[1]", "“quoted”", "naïve", "中文", "ß", "\t", " ", "~"]
)
texts = st.lists(st.one_of(st.text(_chars, min_size=1, max_size=40), _tricky), min_size=1, max_size=8).map(
    "".join
).filter(lambda s: s.strip() != "")
short_texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)
ids = st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True)
speakers = st.builds(Speaker, short_texts, st.none() | short_texts, st.none() | short_texts)


@st.composite
def argument_maps(draw: st.DrawFn, max_factors: int = 3) -> ArgumentMap:
    """A valid, paradox-shaped (or, sometimes, plain) argument map."""
    # Unique by construction (a drawn stem plus a counter) rather than by rejection, which is slow.
    stem = draw(ids)
    pool = (f"{stem}{n}" if n % 3 else f"n{n}.{stem}" for n in range(10**6))
    seen_texts: set[str] = set()

    def fresh_text() -> str:
        text = draw(texts)
        while " ".join(text.split()) in seen_texts:
            text += " (again)"
        seen_texts.add(" ".join(text.split()))
        return text

    source_speakers = draw(st.lists(speakers, max_size=2))
    sources = [
        Source(
            next(pool),
            draw(short_texts),
            author=draw(st.none() | short_texts),
            date=draw(st.none() | st.sampled_from(["2012-06-22", "2008", "24 January 2008"])),
            kind=draw(st.none() | st.sampled_from(["article", "cable", "book"])),
            speakers=tuple(source_speakers),
        )
        for _ in range(draw(st.integers(1, 2)))
    ]

    def citation() -> Citation:
        return Citation(
            draw(st.sampled_from(sources)).id,
            draw(st.none() | short_texts),
            draw(st.none() | texts),
            tuple(draw(st.lists(st.from_regex(r"[1-9][0-9]?", fullmatch=True), max_size=2))),
        )

    themes = [Theme(next(pool), draw(short_texts)) for _ in range(draw(st.integers(0, 2)))]
    propositions: list[Proposition] = []
    inferences: list[Inference] = []
    attacks: list[Attack] = []

    def prop(role: Role, pole: str | None = None, theme: str | None = None, cited: bool = False) -> str:
        pid = next(pool)
        cite = citation() if cited or (role is not Role.THESIS and draw(st.booleans())) else None
        speaker = None
        if cite is not None and source_speakers:
            source = next(s for s in sources if s.id == cite.source)
            if source.speakers and draw(st.booleans()):
                speaker = draw(st.sampled_from(source.speakers))
        propositions.append(
            Proposition(
                pid,
                fresh_text(),
                role=role,
                pole=pole,
                theme=theme,
                tags=tuple(draw(st.lists(short_texts, max_size=2))),
                citation=cite,
                speaker=speaker,
                base_score=draw(st.none() | st.floats(0, 1)),
            )
        )
        return pid

    def support(conclusion: str, premises: list[str]) -> str:
        iid = next(pool)
        inferences.append(Inference(iid, tuple(premises), conclusion, label=draw(st.none() | short_texts)))
        return iid

    n_poles = draw(st.sampled_from([0, 2, 2, 3]))
    poles: list[Pole] = []
    theses: list[str] = []
    evidence_by_pole: list[list[str]] = []
    factor_inferences: list[list[str]] = []
    for _ in range(n_poles):
        pole_id = next(pool)
        thesis = prop(Role.THESIS, pole_id)
        poles.append(Pole(pole_id, draw(short_texts), thesis))
        theses.append(thesis)
        evidence: list[str] = []
        incoming: list[str] = []
        for j in range(draw(st.integers(1, max_factors))):
            theme = themes[j % len(themes)].id if themes else None
            factor = prop(Role.CLAIM, pole_id, theme)
            if draw(st.booleans()):
                item = prop(Role.EVIDENCE, pole_id, theme, cited=True)
                evidence.append(item)
                if draw(st.booleans()):
                    incoming.append(support(thesis, [factor, item]))  # linked
                    continue
                support(factor, [item])
            incoming.append(support(thesis, [factor]))
        evidence_by_pole.append(evidence)
        factor_inferences.append(incoming)
    if poles:
        explanation = prop(Role.EXPLANATION)
        verdict = prop(Role.VERDICT)
        support(verdict, [*theses, explanation])
        # Cross-pole attacks: evidence of one pole may undercut a factor inference of the next.
        for k in range(n_poles):
            other = (k + 1) % n_poles
            if evidence_by_pole[k] and factor_inferences[other] and draw(st.booleans()):
                attacks.append(
                    Attack(
                        next(pool),
                        draw(st.sampled_from(evidence_by_pole[k])),
                        draw(st.sampled_from(factor_inferences[other])),
                        AttackKind.UNDERCUT,
                    )
                )
    else:
        root = prop(Role.CLAIM)
        for _ in range(draw(st.integers(1, max_factors))):
            support(root, [prop(Role.EVIDENCE, cited=True)])
        if draw(st.booleans()):
            attacks.append(Attack(next(pool), prop(Role.CLAIM), root, AttackKind.REBUT, label=draw(texts)))
    return ArgumentMap(
        draw(short_texts),
        question=draw(st.none() | texts),
        description=draw(st.none() | texts),
        sources=tuple(sources),
        poles=tuple(poles),
        themes=tuple(themes),
        propositions=tuple(propositions),
        inferences=tuple(inferences),
        attacks=tuple(attacks),
    )
