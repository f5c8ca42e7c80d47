"""Types of the AIF reader's optional C accelerator (``_speedups.c``; see there)."""

from collections.abc import Callable, Set
from typing import Any

_Tables = tuple[dict[str, str], list[str], dict[str, int], list[tuple[str, str]], list[tuple[str, str, Any]]]

class Maker:
    def __init__(self, proto: object, fields: tuple[Any, ...], params: tuple[Any, ...], /) -> None: ...
    def __call__(self, *values: object) -> Any: ...

def scan_nodes(
    nodes: list[Any], known: Set[str], relational: Set[str], wired: Set[str], /
) -> _Tables | None: ...
def build_propositions(
    kind: dict[str, str],
    texts: list[str],
    touched: Set[str],
    anchoring: Set[str],
    person_of: dict[str, str],
    rephrases: dict[str, list[str]],
    ids: dict[str, str],
    by_head: dict[str, Any],
    problems: list[tuple[str, str, tuple[str, ...]]],
    plain: Maker,
    locution: Maker,
    head_speaker: Callable[[str], Any],
    unnamed: Callable[[], Any],
    slow: Callable[[str, str, str], Any],
    /,
) -> list[Any]: ...
