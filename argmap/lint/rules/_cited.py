"""Every citation in a map, with what it belongs to: a proposition's or a report's (attribution's).

The provenance and hygiene rules check citations wherever a map writes them, so a quote in
reported speech ("Feng said ...") is checked as strictly as a quote on a proposition. May import
``model`` and the lint registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from argmap.errors import Location
from argmap.lint.registry import at
from argmap.model.core import ArgumentMap, Attribution, Citation, Proposition

__all__ = ["Cited", "citations"]


class Cited(NamedTuple):
    """One citation and the element that carries it (a named tuple: an attrs class costs start-up time)."""

    owner: Proposition | Attribution
    citation: Citation

    @property
    def what(self) -> str:
        """How a message names the owner: ``'ties'`` or ``report 'feng-says'``."""
        prefix = "report " if isinstance(self.owner, Attribution) else ""
        return f"{prefix}'{self.owner.id}'"

    @property
    def named(self) -> str:
        """The owner with its kind: ``proposition 'ties'`` or ``report 'feng-says'``."""
        kind = "report" if isinstance(self.owner, Attribution) else "proposition"
        return f"{kind} '{self.owner.id}'"

    @property
    def location(self) -> Location | None:
        """Where the citation is written, else where its owner is."""
        return self.citation.location or at(self.owner, "citation")


def citations(amap: ArgumentMap) -> Iterator[Cited]:
    """The map's citations in file order: propositions' first, then attributions'."""
    owners: tuple[Proposition | Attribution, ...] = (*amap.propositions, *amap.attributions)
    for owner in owners:
        if owner.citation is not None:
            yield Cited(owner, owner.citation)
