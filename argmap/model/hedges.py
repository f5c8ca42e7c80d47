"""Hedge words and the confidence each conveys when a map gives no number.

A map keeps the text's own hedging word ("apparently", "perhaps", "it seems clear") on a
proposition, inference or attribution. Where the mapper gives no ``confidence``, evaluation and
lint read the usual strength of the word from :data:`HEDGES`: a small, documented vocabulary
after the hedging and evidential markers of academic and diplomatic English (Hyland, *Hedging
in Scientific Research Articles*, 1998; the probability words of Kent, *Words of Estimative
Probability*, 1964). An unknown hedge counts as :data:`UNKNOWN_HEDGE`; the linter points at it.
Part of the model: imports nothing from argmap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["HEDGES", "UNKNOWN_HEDGE", "confidence_of", "hedge_confidence"]

#: Usual confidence of each hedge word or phrase (lower case, single spaces).
HEDGES: Mapping[str, float] = {
    # boosters: the author marks the point as settled
    "certainly": 0.95,
    "clearly": 0.9,
    "it seems clear": 0.85,
    "undoubtedly": 0.95,
    "evidently": 0.85,
    "surely": 0.9,
    # probable
    "almost certainly": 0.9,
    "very likely": 0.85,
    "probably": 0.75,
    "likely": 0.75,
    "presumably": 0.7,
    # evidential: it looks so, on what the author sees or hears
    "apparently": 0.7,
    "appears": 0.7,
    "seems": 0.7,
    "it seems": 0.7,
    "seemingly": 0.65,
    "reportedly": 0.6,
    "allegedly": 0.5,
    "professed": 0.5,
    "suggests": 0.65,
    "indicated": 0.65,
    # possible
    "perhaps": 0.5,
    "maybe": 0.5,
    "possibly": 0.5,
    "may": 0.5,
    "might": 0.45,
    "could": 0.45,
    # improbable
    "unlikely": 0.25,
    "doubtful": 0.25,
    "hardly": 0.15,
}

#: Confidence of a hedge word that :data:`HEDGES` does not know: hedged, by an unstated degree.
UNKNOWN_HEDGE = 0.75

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def hedge_confidence(hedge: str) -> float | None:
    """The usual confidence of ``hedge``, or ``None`` if no known hedge occurs in it.

    The whole phrase is looked up first, then the longest known phrase inside it, so
    "perhaps ... explains" reads as "perhaps".
    """
    words = _normal(hedge)
    if words in HEDGES:
        return HEDGES[words]
    padded = f" {words} "
    found = [phrase for phrase in HEDGES if f" {phrase} " in padded]
    if not found:
        return None
    return HEDGES[max(found, key=lambda phrase: (len(phrase), phrase))]


def confidence_of(confidence: float | None, hedge: str | None) -> float:
    """The confidence a statement carries: the given number, else its hedge's, else 1."""
    if confidence is not None:
        return confidence
    if hedge is None:
        return 1.0
    known = hedge_confidence(hedge)
    return UNKNOWN_HEDGE if known is None else known
