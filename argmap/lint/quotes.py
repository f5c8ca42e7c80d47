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
_ANCHOR_MIN = 4
# Scanning left to right, a match of this pattern always starts at a word's first character.
_ANCHOR = re.compile(rf"\w{{{_ANCHOR_MIN},}}")

#: How many distinct rare words anchor candidate windows, and how many windows are scored.
_ANCHORS = 4
_MAX_CANDIDATES = 200
#: A substring search costs about as much as comparing at one anchor per this many characters.
_SCAN_RATIO = 500


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
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """Each word of four or more characters to its start offsets (built once, on first use).

        Short words are left out: they are too common to anchor on and make up most of a text.
        """
        if self._positions is None:
            table: dict[str, list[int]] = {}
            for found in _ANCHOR.finditer(self.text):
                word = found.group()
                if word in table:
                    table[word].append(found.start())
                else:
                    table[word] = [found.start()]
            self._positions = table
        return self._positions

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` occurs verbatim in the text after normalising both.

        A plain substring search per quote would make checking many quotes against a long text
        quadratic. Instead the quote is anchored on its rarest inner word (inner words of a
        verbatim occurrence are whole words of the text too), and only the few places where
        that word occurs are compared.
        """
        wanted = normalise(quote)
        if not wanted:
            return False
        # The first and last words of a quote may be cut; inner words are whole in the text too.
        inner = [m for m in list(_WORD.finditer(wanted))[1:-1] if len(m.group()) >= _ANCHOR_MIN]
        if not inner:
            return wanted in self.text
        positions = self.positions
        best = min(inner, key=lambda m: len(positions.get(m.group(), ())))
        places = positions.get(best.group(), ())
        if len(places) * _SCAN_RATIO > len(self.text):
            # Only common words to anchor on: one substring search in C is cheaper.
            return wanted in self.text
        offset = best.start()
        return any(self.text.startswith(wanted, pos - offset) for pos in places if pos >= offset)

    def closest(self, quote: str) -> Match | None:
        """The passage most like ``quote``, or ``None`` when they share no word."""
        wanted = normalise(quote)
        positions = self.positions
        present = [(m.group(), m.start()) for m in _WORD.finditer(wanted) if m.group() in positions]
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
