"""Verbatim quote matching against a source text, and the closest passage when it fails.

A quote matches when it occurs in the source after both are normalised: runs of white space
(line breaks included) become one space, typographic quotes, apostrophes and dashes become their
plain forms, soft hyphens vanish. Letter case and words are kept: the match is verbatim.

When a quote is not found, :func:`closest_passage` proposes the passage most like it. Comparing
the quote with every window of the text would be quadratic, so candidate windows are anchored
on the occurrences of the quote's rarest words and only those are scored with difflib.
"""

from __future__ import annotations

import difflib
import re

import attrs

__all__ = ["Match", "SourceIndex", "closest_passage", "find_quote", "normalise"]

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00ad": None,  # soft hyphen: invisible, must not break a match
        "\u200b": None,  # zero-width space
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

#: How many distinct rare words anchor candidate windows, and how many windows are scored.
_ANCHORS = 4
_MAX_CANDIDATES = 200


def normalise(text: str) -> str:
    """``text`` with white space collapsed and typographic punctuation made plain."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


@attrs.frozen(slots=True)
class Match:
    """A passage of the (normalised) source text and how similar it is to the quote (0 to 1)."""

    passage: str
    ratio: float


class SourceIndex:
    """A source text normalised once, with the positions of its words, for many quote look-ups."""

    __slots__ = ("_positions", "text")

    def __init__(self, text: str) -> None:
        self.text = normalise(text)
        # Case-insensitive word positions: a quote whose only fault is letter case still anchors.
        self._positions: dict[str, list[int]] = {}
        for found in _WORD.finditer(self.text):
            self._positions.setdefault(found.group().casefold(), []).append(found.start())

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` occurs verbatim in the text after normalising both."""
        wanted = normalise(quote)
        return bool(wanted) and wanted in self.text

    def closest(self, quote: str) -> Match | None:
        """The passage most like ``quote``, or ``None`` when they share no word."""
        wanted = normalise(quote)
        positions = self._positions
        present = [
            (m.group().casefold(), m.start())
            for m in _WORD.finditer(wanted)
            if m.group().casefold() in positions
        ]
        if not present:
            return None
        rarest = sorted(dict.fromkeys(w for w, _ in present), key=lambda w: (len(positions[w]), -len(w)))
        starts: dict[int, None] = {}
        for word in rarest[:_ANCHORS]:
            offsets = [off for w, off in present if w == word]
            for pos in positions[word]:
                for off in offsets:
                    starts[max(0, pos - off)] = None
            if len(starts) >= _MAX_CANDIDATES:
                break
        best: Match | None = None
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)  # difflib caches its analysis of seq2, the side that stays fixed
        for start in list(starts)[:_MAX_CANDIDATES]:
            window = _widen(self.text, start, start + len(wanted))
            matcher.set_seq1(window)
            ratio = matcher.ratio()
            if best is None or ratio > best.ratio:
                best = Match(window, ratio)
        return best


def find_quote(quote: str, text: str) -> bool:
    """Whether ``quote`` occurs verbatim in ``text`` after normalising both."""
    return SourceIndex(text).contains(quote)


def closest_passage(quote: str, text: str) -> Match | None:
    """The passage of ``text`` most like ``quote``, or ``None`` when they share no word."""
    return SourceIndex(text).closest(quote)


def _widen(text: str, start: int, end: int) -> str:
    """``text[start:end]`` extended outwards to whole words."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip()
