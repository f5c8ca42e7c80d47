"""Reading AIF (AIFdb JSON and OVA3 saves) into an argument map, reporting what cannot be kept.

This module owns the mapping from AIF's node types to argmap's model:

* I-node -> :class:`~argmap.model.Proposition` (same id when it is a valid argmap id);
* RA-node -> :class:`~argmap.model.Inference` (its I-node premises are linked; several RA nodes into one
  conclusion are convergent); the scheme name becomes the inference's label;
* CA-node -> :class:`~argmap.model.Attack`: on an I-node a rebuttal, on an RA-node an undercut;
* MA-node (rephrase) -> the rephrasing proposition's ``rephrases``;
* PA-node (preference) -> :class:`~argmap.model.Preference`;
* the dialogue layer: an L-node anchored to an I-node by a YA-node becomes an
  :class:`~argmap.model.Attribution` (reported speech: the speaker, the act read from the illocution -
  asserting, conceding, questioning, denying - and a citation of the locution: source ``dialogue``, locator
  ``locution <id> (<illocution>)``, the locution's text as the quote); an L-node that anchors no proposition
  becomes a proposition of its own (same id), tagged ``aif-locution``, with its speaker, citing the
  dialogue.

Everything else (CA on CA, TA transitions, YA nodes that anchor anything but an I-node, and every defect of a
real file) is *counted and reported* as a coded
:class:`~argmap.errors.Diagnostic` naming the file, the node ids and the line of the node in the file.
Reading never raises for a defect of the graph; only text that is not JSON, or JSON that is not AIF,
raises :class:`~argmap.errors.ParseError`.

Speed (``benchmarks/bench_interchange.py``): a file is read as bytes (:func:`read_file`) and parsed by
orjson (see :func:`read`) with the collector paused; the phases that visit every node or edge take a path
for well-formed files that leaves the per-entry work to C; model objects are built without attrs' checks,
after the reader's own (:func:`_maker`). The two loops that run once per node (indexing the nodes,
building the propositions) have an optional C accelerator, ``_speedups.c``, which ``make`` builds where a
C compiler exists: it does the well-formed case and leaves everything else to the Python code here, which
remains the definition (tests compare the two on every corpus file and on drawn documents);
``ARGMAP_PURE_PYTHON=1`` keeps it unused.

Imports only :mod:`argmap.model`, :mod:`argmap.errors`, :mod:`argmap._graph` (the GC pause), orjson and
its own accelerator; :mod:`argmap._files` (the bounded read) on use.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from functools import partial
from itertools import compress, repeat
from operator import eq, itemgetter, or_
from types import MappingProxyType
from typing import Any, AnyStr, TypeVar

import attrs
import orjson

from argmap._graph import paused_gc
from argmap.errors import Diagnostic, Location, ParseError, Severity
from argmap.model import (
    ID_PATTERN,
    ArgumentMap,
    Attack,
    AttackKind,
    Attribution,
    Citation,
    Inference,
    Preference,
    Proposition,
    Source,
    SpeechAct,
)
from argmap.model import Speaker as _Speaker

# The optional C accelerator of the two per-node loops (see _speedups.c): built by `make` where a C
# compiler exists. ARGMAP_PURE_PYTHON=1 keeps it unused (the benchmark measures both), and so does a
# module built from an older source (its API number differs), which `make` builds again.
_SPEEDUPS_API = 1
_speedups: Any
try:
    if os.environ.get("ARGMAP_PURE_PYTHON"):
        raise ImportError("ARGMAP_PURE_PYTHON is set")
    from argmap.formats.aif import _speedups

    if getattr(_speedups, "API", None) != _SPEEDUPS_API:
        raise ImportError("the accelerator was built from another version of its source")
except ImportError:
    _speedups = None

_T = TypeVar("_T")

__all__ = [
    "CODES",
    "DIALOGUE_SOURCE",
    "KIND_KEY",
    "LOCUTION_TAG",
    "UNNAMED",
    "AifImport",
    "loads",
    "read",
    "read_data",
    "read_file",
    "sniff",
]

#: Id of the source that locutions are cited from.
DIALOGUE_SOURCE = "dialogue"
#: Tag of a proposition that stands for an L-node anchoring no I-node.
LOCUTION_TAG = "aif-locution"
_LOCUTION_TAGS = (LOCUTION_TAG,)
#: Speaker of a locution whose text and participants name nobody.
UNNAMED = "(unnamed)"
#: Extra key on a CA-node by which argmap keeps an attack kind AIF has no node for (qualify, concede).
KIND_KEY = "argmapKind"
_OWN_KINDS = frozenset(k.value for k in AttackKind if k not in (AttackKind.REBUT, AttackKind.UNDERCUT))


def _act(illocution: str | None) -> SpeechAct:
    """The speech act an AIF illocution names (asserting unless it says otherwise)."""
    word = (illocution or "").lower()
    if "conced" in word or word.startswith("agree"):
        return SpeechAct.CONCEDES
    if "question" in word or "challeng" in word:
        return SpeechAct.QUESTIONS
    if "disagree" in word or "deny" in word or "denying" in word:
        return SpeechAct.DENIES
    return SpeechAct.ASSERTS


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
    "AIF121": (
        Severity.WARNING,
        "a CA node attacks another CA node (an attack on an attack), not representable",
    ),
    "AIF122": (Severity.INFO, "a CA node with several attackers or targets became one attack per pair"),
    "AIF130": (Severity.WARNING, "an MA node (rephrase) does not join two I-nodes; left out"),
    "AIF131": (Severity.WARNING, "a PA node (preference) does not join two I- or RA-nodes; left out"),
    "AIF140": (Severity.WARNING, "a TA node (transition between locutions) is not representable"),
    "AIF141": (Severity.WARNING, "a YA node has no locution or no content at one end"),
    "AIF142": (Severity.WARNING, "a YA node anchors something other than an I-node in a locution"),
    "AIF150": (Severity.INFO, "an I-node takes part in no relation"),
    "AIF151": (Severity.INFO, "an L-node takes part in no relation"),
    "AIF160": (Severity.INFO, "a node id is not a valid argmap id and was rewritten"),
}

_EXPLAINED = frozenset({("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA"), ("CA", "CA")})
_REPORTED_WITH_NODE = frozenset({"YA", "TA", "MA", "PA"})
_PLAIN = frozenset({"I", "L"})
_KNOWN = frozenset({"I", "L", "RA", "CA", "MA", "PA", "TA", "YA"})
_SCHEMES = _KNOWN - _PLAIN
# The scheme nodes the relations phase visits, in file order; of them, TA nodes are only reported.
_RELATIONAL = frozenset({"RA", "CA", "PA", "TA"})
# The scheme nodes whose attributes and edges later phases read: all but TA.
_WIRED = _SCHEMES - {"TA"}
# The letter only that type has, for counting types in C (read_nodes).
_LETTER = {"I": "I", "L": "L", "RA": "R", "CA": "C", "MA": "M", "PA": "P", "TA": "T", "YA": "Y"}
# Illocution names that only say "default"; they are not kept (export writes the default back).
_DEFAULT_ILLOCUTIONS = frozenset({"", "YA", "Default Illocuting"})
_DEFAULT_SCHEMES = {
    "RA": frozenset({"RA", "Default", "Default Inference"}),
    "CA": frozenset({"CA", "Default", "Default Conflict"}),
}
# "Name : text" (AIFdb, OVA) and "Name says 'text'" (AraucariaDB).
_SAYS = re.compile(r"(?s)^\s*([^:\n]{1,100}?)\s+says\s+'(.*)'\s*$")
_MAX_NAME = 100
_LAZY_MESSAGES = {
    "AIF140": "TA node {0} (transition between locutions) is not representable",
    "AIF150": "I-node {0} takes part in no relation",
    "AIF151": "L-node {0} takes part in no relation",
}
_BAD_ID_CHARS = re.compile(r"[^A-Za-z0-9_.\-]")
_BAD_ID_CHARS_OR_START = re.compile(r"[^A-Za-z0-9_.\-\n]|^[-.]|^$", re.MULTILINE)
_FROM = itemgetter("fromID")
_TO = itemgetter("toID")
_FIRST = itemgetter(0)
# One pass over the text finds each node's line when a diagnostic needs it.
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')
_NODE_ID_BYTES = re.compile(_NODE_ID.pattern.encode())
# And each edge's, for the problems of an edge (see AifImport.problem_edges).
_EDGE_ID = re.compile(r'"edgeID"\s*:\s*"?([^",}\s]+)')
_EDGE_ID_BYTES = re.compile(_EDGE_ID.pattern.encode())
_AIF_START = re.compile(r'\s*\{\s*"(nodes|edges|locutions|participants|AIF|OVA|text|schemefulfillments)"')
_AIF_START_BYTES = re.compile(_AIF_START.pattern.encode())


@attrs.frozen(slots=True)
class AifImport:
    """The map read from an AIF file, what could not be kept, and how many nodes of each type it had."""

    map: ArgumentMap
    #: Nodes read per AIF type (``I``, ``RA``, ...), and ``edges``.
    counts: Mapping[str, int]
    #: ``"aifdb"`` or ``"ova3"``.
    flavour: str
    #: What could not be kept, as (code, message, node ids); :attr:`diagnostics` gives them in full.
    problems: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    file: str | None = None
    #: The file's text, or its bytes as read (see :func:`read_file`): where the diagnostics find their lines.
    text: str | bytes | None = attrs.field(default=None, repr=False, eq=False)
    #: The problems about an edge (one naming a node that does not exist, a loop): the position of each in
    #: :attr:`problems`, and the edge's id, by which its diagnostic finds the edge's line.
    problem_edges: Mapping[int, str] = attrs.field(factory=dict, repr=False, eq=False)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every problem as a coded diagnostic naming the file, the node ids and the line of the first node
        (of the edge, for a problem of an edge).

        Built on demand: a corpus of real files has tens of thousands (isolated locutions, transitions),
        and finding their lines costs a pass over each file's text.
        """
        source = self.text if self.problems else None
        lines = _line_index(source) if source is not None else {}
        edge_lines = _line_index(source, edges=True) if source is not None and self.problem_edges else {}
        found = []
        for k, (code, message, ids) in enumerate(self.problems):
            edge = self.problem_edges.get(k)
            line = edge_lines.get(edge) if edge is not None else None
            if line is None:
                line = lines.get(ids[0], 1) if ids else 1
            # A frequent problem's message is written only when asked for.
            text = message or _LAZY_MESSAGES[code].format(*ids)
            found.append(Diagnostic(code, CODES[code][0], text, ids, Location(self.file, line, 1)))
        return tuple(found)


def _line_index(text: str | bytes, edges: bool = False) -> dict[str, int]:
    """The line of each node id's first ``"nodeID"`` (or edge id's first ``"edgeID"``) in the text (or UTF-8
    bytes), in one pass."""
    if isinstance(text, bytes):
        found = _lines_of(_EDGE_ID_BYTES if edges else _NODE_ID_BYTES, text, b"\n")
        return {nid.decode("utf-8", "replace"): line for nid, line in found.items()}
    return _lines_of(_EDGE_ID if edges else _NODE_ID, text, "\n")


def _lines_of(pattern: re.Pattern[AnyStr], text: AnyStr, newline: AnyStr) -> dict[AnyStr, int]:
    lines: dict[AnyStr, int] = {}
    line = 1
    last = 0
    for match in pattern.finditer(text):
        line += text.count(newline, last, match.start())
        last = match.start()
        lines.setdefault(match.group(1), line)
    return lines


def sniff(text: str | bytes) -> bool:
    """Whether JSON text (or its UTF-8 bytes) looks like AIF: its first key is one of AIF's top-level keys."""
    if isinstance(text, bytes):
        return _AIF_START_BYTES.match(text) is not None
    return _AIF_START.match(text) is not None


def loads(text: str, filename: str | None = None) -> ArgumentMap:
    """The map in AIF text (the registry's reader); :func:`read` also returns the diagnostics."""
    return read(text, filename).map


def read(text: str | bytes, filename: str | None = None) -> AifImport:
    """Read AIFdb JSON or an OVA3 save, as text or as UTF-8 bytes; a syntax error is a :class:`ParseError`
    with line and column, bytes that are not UTF-8 an :class:`~argmap.errors.InputError` (F004).

    The text is parsed by orjson, a third faster than the standard library on AIF corpora (and faster
    again on bytes, which it need not encode first). What the result is, is the standard library's: text
    orjson refuses (NaN, lone surrogates, a syntax error, bytes that are not UTF-8) is parsed again by the
    standard library, which accepts it or raises its own error; and since orjson reads an integer beyond 64
    bits as a float, a file whose reading turns a number into text is read again from the standard
    library's parse.
    """
    # The collector is paused from the parse on (see paused_gc): a corpus file's parse makes hundreds of
    # containers, and every few hundred set off a collection.
    with paused_gc():
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
        else:
            try:
                return _read_data(data, filename, text, exact=False)
            except _InexactNumberError:
                pass
        if isinstance(text, bytes):
            from argmap._files import decode_utf8  # on use: the fallback only (see the import test)

            text = decode_utf8(text, filename)
        return _read_data(_loads(text, filename), filename, text, exact=True)


def read_file(path: str | os.PathLike[str]) -> AifImport:
    """Read an AIF file (a regular file within argmap's size limit, see :func:`argmap._files.read_bytes`):
    :func:`read` of its bytes, which saves decoding them; the diagnostics name the path."""
    from argmap._files import read_bytes  # on use: reading text (aif.read) does not need it

    return read(read_bytes(path), os.fspath(path))


def _loads(text: str, filename: str | None) -> Any:
    """The standard library's parse, its errors as :class:`ParseError`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", filename, exc.lineno, exc.colno, code="J001") from None
    except RecursionError:
        raise ParseError("JSON nested too deeply", filename, 1, 1, code="J004") from None


class _InexactNumberError(Exception):
    """A number read by orjson became text: read again from the standard library's parse."""


def _stem(filename: str | None) -> str:
    if not filename:
        return "AIF import"
    name = filename.replace("\\", "/").rpartition("/")[2]
    for suffix in (".aif.json", ".json", ".aif"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name


def _maker(proto: _T, *params: str) -> Callable[..., _T]:
    """A constructor for ``type(proto)`` that skips attrs' converters and validators.

    Loading a corpus builds hundreds of thousands of model objects, and attrs' checks were most of the
    time spent. The constructor takes exactly ``params`` (by position or by name) and the reader passes
    only values it has checked itself (ids that match the id pattern or were rewritten to, strings,
    tuples, enum members); every other attribute is ``proto``'s, which went through the checks once.

    A frozen class refuses attribute assignment, and setting its slots through their descriptors costs a
    call each. So the object is born as an instance of a subclass that adds nothing (no slot, no
    ``__weakref__``) but allows plain assignment, which the interpreter compiles to a direct store into
    the slot, and then becomes the frozen class itself: Python allows assigning ``__class__`` between
    classes of the same layout. The constructor is generated, as attrs generates its own ``__init__``;
    a test compares what it builds with the checked constructor's.
    """
    cls = type(proto)
    names = tuple(a.name for a in attrs.fields(cls))  # type: ignore[arg-type]
    assert set(params) <= set(names), params
    building = type(
        f"_Building{cls.__name__}",
        (cls,),
        # Both, so that the subclass keeps object's own attribute setting (and its fast stores).
        {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__},
    )
    namespace: dict[str, Any] = {"_new": object.__new__, "_building": building, "_cls": cls}
    body = []
    for k, name in enumerate(names):
        if name in params:
            body.append(f"    o.{name} = {name}")
        else:
            default = getattr(proto, name)
            if default is None or type(default) is bool or (type(default) in (tuple, str) and not default):
                # None, a bool, () or "": written as a literal, a constant load (cheaper than a global's).
                body.append(f"    o.{name} = {default!r}")
                continue
            namespace[f"_d{k}"] = MappingProxyType({}) if isinstance(default, dict) else default
            body.append(f"    o.{name} = _d{k}")
    source = (
        f"def make({', '.join(params)}):\n    o = _new(_building)\n"
        + "\n".join(body)
        + "\n    o.__class__ = _cls\n    return o\n"
    )
    exec(compile(source, f"<argmap fast {cls.__name__}>", "exec"), namespace)  # our own source, not input
    make: Callable[..., _T] = namespace["make"]
    return make


_proposition = _maker(Proposition("p", ""), "id", "text", "rephrases")
_plain = _maker(Proposition("p", ""), "id", "text")
_citation = _maker(Citation("s"), "source", "locator", "quote")
_inference = _maker(Inference("i", ("p",), "p"), "id", "premises", "conclusion", "label")
_attack = _maker(Attack("a", "p", "p"), "id", "attacker", "target", "kind", "label")
_attribution = _maker(Attribution("a", _Speaker("s"), "p"), "id", "speaker", "proposition", "act", "citation")
# A locution kept as a proposition cites the dialogue; its id is the L-node's, so one shared (immutable)
# citation says all there is to say.
_LOCUTION_CITATION = Citation(DIALOGUE_SOURCE)
_locution = _maker(
    Proposition("p", "", tags=_LOCUTION_TAGS, citation=_LOCUTION_CITATION), "id", "text", "speaker"
)
_speaker = _maker(_Speaker("s"), "name")


def _fast_maker(make: Callable[..., _T], *params: str) -> Any:
    """The C accelerator's constructor doing what ``make`` (a :func:`_maker` constructor) does, or None.

    Its prototype is built by ``make`` itself, so the fields it copies are exactly those ``make`` writes
    (a dict default, for one, as the read-only mapping ``make`` puts in its place).
    """
    if _speedups is None:
        return None
    proto: Any = make(*("" for _ in params))
    cls = type(proto)
    fields = tuple(getattr(cls, a.name) for a in attrs.fields(cls))
    return _speedups.Maker(proto, fields, tuple(getattr(cls, name) for name in params))


_fast_plain = _fast_maker(_plain, "id", "text")
_fast_locution = _fast_maker(_locution, "id", "text", "speaker")
_source = _maker(Source("s", ""), "id", "title", "kind", "speakers")
_map = _maker(
    ArgumentMap(""),
    "title",
    "sources",
    "propositions",
    "inferences",
    "attacks",
    "attributions",
    "preferences",
    "path",
)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _text_of_exact(value: Any) -> str:
    # A float from orjson may be an integer of more than 64 bits that the standard library keeps whole.
    if type(value) is float:
        raise _InexactNumberError
    return _text(value)


def _speaker_and_quote(text: str, name: str | None) -> tuple[str | None, str]:
    """Split a locution's text into its speaker and what was said."""
    if name:
        stripped = text.lstrip()
        if stripped.startswith(name):
            rest = stripped[len(name) :].lstrip()
            if rest.startswith(":"):
                return name, rest[1:].strip()
        return name, text.strip()
    if " says '" in text and (match := _SAYS.match(text)):
        return match.group(1).strip(), match.group(2).strip()
    # "Name : text" without a regular expression: this runs once per locution of a corpus.
    head, colon, tail = text.partition(":")
    if colon and tail[:1].isspace() and "\n" not in head and 0 < len(head.strip()) <= _MAX_NAME:
        return head.strip(), tail.strip()
    return None, text.strip()


def read_data(data: Any, filename: str | None = None, text: str | bytes | None = None) -> AifImport:
    """Read already-parsed AIF data (``text``, if given, lets diagnostics name lines)."""
    with paused_gc():
        return _read_data(data, filename, text, exact=True)


def _read_data(data: Any, filename: str | None, text: str | bytes | None, exact: bool) -> AifImport:
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
            code="M006",
        )
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise ParseError("not an AIF file: 'edges' is not a list", filename, 1, 1, code="M001")
    # Called with the collector paused (read, read_data).
    r = _Reader(_text if exact else _text_of_exact)
    r.read_nodes(data["nodes"])
    r.read_edges(edges)
    r.assign_ids()
    r.read_people(data.get("participants"), data.get("locutions"))
    r.read_anchors()
    r.read_rephrases()
    props = r.propositions()
    attributions = r.attributions()
    inferences, attacks, preferences = r.relations()
    r.stray_edges()
    sources: tuple[Source, ...] = ()
    if r.speakers or attributions:
        speakers = tuple(r.speakers.values())
        sources = (_source(DIALOGUE_SOURCE, "Dialogue", kind="dialogue", speakers=speakers),)
    amap = _map(
        _stem(filename),
        sources=sources,
        propositions=tuple(props),
        inferences=tuple(inferences),
        attacks=tuple(attacks),
        attributions=tuple(attributions),
        preferences=tuple(preferences),
        path=filename,
    )
    return AifImport(amap, r.counts, flavour, tuple(r.problems), filename, text, r.problem_edges)


class _Ids(dict[str, str]):
    """AIF id -> argmap id: only the rewritten ids are stored; every other id stands for itself."""

    __slots__ = ()

    def __missing__(self, key: str) -> str:
        return key


class _Reader:
    """One file's reading state, filled phase by phase; diagnostics are collected, never raised.

    The phases that visit every node or edge (nodes, edges, ids, propositions) first try a path for the
    usual, well-formed file that leaves the per-item work to C (``dict(map(itemgetter...))``, set
    comparisons); any irregularity sends that phase to the item-by-item path, which checks and reports
    each entry. Both paths fill the same tables.
    """

    def __init__(self, as_text: Callable[[Any], str] = _text) -> None:
        # How a value that is not a string becomes one (see read()).
        self.as_text = as_text
        self.problems: list[tuple[str, str, tuple[str, ...]]] = []
        self.problem_edges: dict[int, str] = {}  # see AifImport.problem_edges
        self.kind: dict[str, str] = {}  # node id -> AIF type, in file order
        self.text_list: list[str] = []  # each node's text, in the same order
        self.texts: dict[str, str] | None = None  # node id -> text, made when first looked up
        self.schemes: dict[str, str] = {}
        self.own_kind: dict[str, AttackKind] = {}  # a CA-node's attack kind, where argmap wrote it
        self.counts: dict[str, int] = {}
        # The scheme nodes that later phases read the neighbours of (YA, MA, RA, CA, PA); edges are
        # indexed for these only.
        self.wired: set[str] = set()
        self.ins: dict[str, list[str]] = {}
        self.outs: dict[str, list[str]] = {}
        # Valid edges, first of each (from, to) pair, in file order (see pairs()); every node an edge touches.
        self.pair_list: list[tuple[str, str]] | None = None
        self.froms: list[str] = []  # the ends of every valid edge (duplicates too), in file order
        self.tos: list[str] = []
        self.touched: set[str] = set()
        self.ids = _Ids()
        self.taken: set[str] | None = None  # argmap ids in use, made when a fresh one is first needed
        self.person_of: dict[str, str] = {}  # L-node -> speaker name
        self.anchors: list[tuple[str, str, str | None]] = []  # (L-node, I-node, illocution) in file order
        self.anchoring: set[str] = set()  # L-nodes that report a proposition
        self.rephrases: dict[str, list[str]] = {}  # I-node -> the I-nodes it rephrases
        self.speakers: dict[str, _Speaker] = {}
        self.by_head: dict[str, _Speaker | None] = {}  # "Name" before a locution's colon -> its speaker
        # Scheme nodes in file order, so that each later phase visits only its own: YA, MA, and the
        # relations (RA, CA, PA and TA share one list, as the diagnostics follow the file's order).
        self.relational: list[tuple[str, str]] = []
        self.schematic: dict[str, list[str]] = {"YA": [], "MA": []}

    # -- diagnostics ---------------------------------------------------------------------------------

    def report(self, code: str, message: str, ids: tuple[str, ...]) -> None:
        self.problems.append((code, message, ids))

    def edge_problem(self, edge: Any) -> str:
        """The id of an edge about to be reported; the report will find the edge's line by it."""
        eid = self.as_text(edge.get("edgeID"))
        if eid:
            self.problem_edges[len(self.problems)] = eid
        return eid

    # -- phases ---------------------------------------------------------------------------------------

    def read_nodes(self, nodes: list[Any]) -> None:
        if _speedups is not None and type(nodes) is list:
            # The same tables from C, or None for a list this path does not take (see _speedups.c).
            scanned = _speedups.scan_nodes(nodes, _KNOWN, _RELATIONAL, _WIRED)
            if scanned is not None:
                self.kind, self.text_list, self.counts, self.relational, wired = scanned
                for nid, ntype, raw in wired:
                    self.add_scheme_node(nid, ntype, raw)
                return
        try:
            kind = {raw["nodeID"]: raw["type"] for raw in nodes}  # (faster than dict(map(itemgetter)))
            # Every id a string, none twice, every type known: nothing to report.
            clean = len(kind) == len(nodes) and _KNOWN.issuperset(kind.values())
            "".join(kind)
            texts: list[Any] = list(map(dict.get, nodes, repeat("text")))
        except (TypeError, KeyError, IndexError):
            clean = False
        if not clean:
            self.read_nodes_one_by_one(nodes)
            return
        try:
            "".join(texts)
        except TypeError:
            as_text = self.as_text
            texts = [t if type(t) is str else as_text(t) for t in texts]
        self.kind = kind
        self.text_list = texts
        types = list(kind.values())
        # Every type is one of _KNOWN, and each of those has a letter none of the others has: counting the
        # letters of all types joined counts the types, in C, and the first letter found is the type seen
        # first (the counts keep the order of the file, as the entry-by-entry path's do).
        joined = "".join(types)
        found = [(joined.find(c), t) for t, c in _LETTER.items() if c in joined]
        self.counts = {t: joined.count(_LETTER[t]) for _, t in sorted(found)}
        if len(self.counts) > ("I" in self.counts) + ("L" in self.counts):
            # In C: the relational nodes in file order (QT30 has tens of thousands of TA nodes, of which
            # nothing more is read), and only the other scheme nodes one by one.
            self.relational = list(compress(kind.items(), map(_RELATIONAL.__contains__, types)))
            if len(self.counts) > ("I" in self.counts) + ("L" in self.counts) + ("TA" in self.counts):
                entries = zip(kind.items(), nodes, strict=True)
                for (nid, ntype), raw in compress(entries, map(_WIRED.__contains__, types)):
                    self.add_scheme_node(nid, ntype, raw)

    def read_nodes_one_by_one(self, nodes: list[Any]) -> None:
        kind, texts, counts, report = self.kind, self.text_list, self.counts, self.report
        for position, raw in enumerate(nodes):
            try:
                nid, ntype = raw["nodeID"], raw["type"]
            except (TypeError, KeyError, IndexError):
                nid = ntype = None
            if nid is None or type(ntype) is not str:
                report("AIF101", f"node entry {position} has no nodeID or no type; skipped", ())
                continue
            if type(nid) is not str:
                nid = self.as_text(nid)
            counts[ntype] = counts.get(ntype, 0) + 1
            if nid in kind:
                report("AIF102", f"node {nid} occurs twice; the later one ({ntype}) was skipped", (nid,))
                continue
            if ntype not in _KNOWN:
                report("AIF103", f"node {nid} has unknown type {ntype[:20]!r}; skipped", (nid,))
                continue
            kind[nid] = ntype
            text = raw.get("text")
            texts.append(text if type(text) is str else self.as_text(text))
            if ntype in _RELATIONAL:
                self.relational.append((nid, ntype))
            if ntype in _WIRED:
                self.add_scheme_node(nid, ntype, raw)

    def add_scheme_node(self, nid: str, ntype: str, raw: Any) -> None:
        """A scheme node other than TA (which is only reported): its edges are indexed, its scheme kept."""
        self.wired.add(nid)
        if ntype in ("YA", "MA"):
            self.schematic[ntype].append(nid)
        scheme = raw.get("scheme")
        if isinstance(scheme, str) and scheme:
            self.schemes[nid] = scheme
        own = raw.get(KIND_KEY)
        if ntype == "CA" and own in _OWN_KINDS:
            self.own_kind[nid] = AttackKind(own)

    def read_edges(self, edges: list[Any]) -> None:
        kind = self.kind
        self.counts["edges"] = len(edges)
        try:
            froms = list(map(_FROM, edges))
            tos = list(map(_TO, edges))
            touched = set(froms)
            touched.update(tos)
            # Both ends of every edge are nodes (so strings), and no edge is a loop: nothing to report.
            clean = kind.keys() >= touched and not any(map(eq, froms, tos))
        except (TypeError, KeyError, IndexError):
            clean = False
        if clean:
            self.froms, self.tos, self.touched = froms, tos, touched
        else:
            self.pair_list = pairs = self.read_edges_one_by_one(edges)
            self.froms = [a for a, _ in pairs]
            self.tos = [b for _, b in pairs]
            self.touched = set(self.froms)
            self.touched.update(self.tos)
        wired = self.wired
        if wired:
            outs, ins = self.outs, self.ins
            for src, dst in self.pairs():
                if src in wired:
                    if src in outs:
                        outs[src].append(dst)
                    else:
                        outs[src] = [dst]
                if dst in wired:
                    if dst in ins:
                        ins[dst].append(src)
                    else:
                        ins[dst] = [src]

    def pairs(self) -> list[tuple[str, str]]:
        """Valid edges, the first of each (from, to) pair, in file order (made when first needed)."""
        if self.pair_list is None:
            self.pair_list = list(dict.fromkeys(zip(self.froms, self.tos, strict=True)))
        return self.pair_list

    def read_edges_one_by_one(self, edges: list[Any]) -> list[tuple[str, str]]:
        kind = self.kind
        pairs: dict[tuple[str, str], None] = {}
        for position, edge in enumerate(edges):
            try:
                src, dst = edge["fromID"], edge["toID"]
            except (TypeError, KeyError, IndexError):
                src = dst = None
            if src is None or dst is None:
                self.report("AIF104", f"edge entry {position} has no fromID or no toID; skipped", ())
                continue
            if type(src) is not str:
                src = self.as_text(src)
            if type(dst) is not str:
                dst = self.as_text(dst)
            if src not in kind or dst not in kind:
                eid = self.edge_problem(edge)
                missing = src if src not in kind else dst
                self.report(
                    "AIF104", f"edge {eid} names node {missing}, which does not exist; skipped", (missing,)
                )
                continue
            if src == dst:
                eid = self.edge_problem(edge)
                self.report("AIF105", f"edge {eid} goes from node {src} to itself; skipped", (src,))
                continue
            pairs[src, dst] = None
        return list(pairs)

    def assign_ids(self) -> None:
        # AIF ids are any string; argmap ids are slugs. Valid ids are kept, the rest rewritten.
        kind = self.kind
        glued = "".join(kind)
        # One scan of all ids at once finds the usual case, every id valid: plain ASCII letters and digits
        # (AIFdb's numbers) checked by two string methods, else one regular expression (no id may hold a
        # line break).
        # (As bytes: bytes.isalnum looks each byte up in a table, where str.isalnum asks Unicode's.)
        if glued.isascii() and glued.encode("ascii").isalnum() and "" not in kind:
            return
        joined = "\n".join(kind)
        if joined.count("\n") == len(kind) - 1 and not _BAD_ID_CHARS_OR_START.search(joined):
            return
        match = ID_PATTERN.match
        bad = [nid for nid in kind if not match(nid)]
        self.taken = set(kind).difference(bad)
        for nid in bad:
            base = _BAD_ID_CHARS.sub("_", nid)
            if not base or base[0] in "-.":
                base = "n" + base
            self.ids[nid] = new = self.fresh(base)
            self.report("AIF160", f"node id {nid[:40]!r} is written {new!r} in the map", (nid,))

    def text_of(self, nid: str) -> str:
        texts = self.texts
        if texts is None:  # only scheme nodes and anchoring locutions are looked up by id
            texts = self.texts = dict(zip(self.kind, self.text_list, strict=True))
        return texts[nid]

    def fresh(self, base: str) -> str:
        taken = self.taken
        if taken is None:  # every AIF id was kept as it is
            taken = self.taken = set(self.kind)
        new, k = base, 1
        while new in taken:
            k += 1
            new = f"{base}.{k}"
        taken.add(new)
        return new

    def read_people(self, participants: Any, locutions: Any) -> None:
        people: dict[str, str] = {}
        for part in participants if isinstance(participants, list) else ():
            if isinstance(part, dict) and part.get("participantID") is not None:
                parts = (self.as_text(part.get("firstname")), self.as_text(part.get("surname")))
                if name := " ".join(x for x in parts if x.strip()):
                    people[self.as_text(part["participantID"])] = name
        if not people:  # QT30 names no participants: its locutions' speakers are in their texts
            return
        for loc in locutions if isinstance(locutions, list) else ():
            if not isinstance(loc, dict) or loc.get("nodeID") is None or loc.get("personID") is None:
                continue
            if name := people.get(self.as_text(loc["personID"]), ""):
                self.person_of.setdefault(self.as_text(loc["nodeID"]), name)

    def read_anchors(self) -> None:
        """Which locution anchors which proposition, through which YA-node."""
        kind = self.kind
        for nid in self.schematic["YA"]:
            sources, targets = self.ins.get(nid, []), self.outs.get(nid, [])
            if not sources or not targets:
                end = "locution" if not sources else "content"
                self.report("AIF141", f"YA node {nid} has no {end}; its anchoring was left out", (nid,))
                continue
            illocution = self.schemes.get(nid) or self.text_of(nid)
            kept = None if illocution in _DEFAULT_ILLOCUTIONS or illocution.startswith("YA_") else illocution
            if len(sources) == 1:
                pairs = [(sources[0], t) for t in targets]
            elif len(targets) == 1:
                pairs = [(s, targets[0]) for s in sources]
            else:
                # One YA-node shared by many L -> I pairs (AraucariaDB does this): edges pair in order.
                pairs = list(zip(sources, targets, strict=False))
                if len(sources) != len(targets):
                    self.report(
                        "AIF141",
                        f"YA node {nid} joins {len(sources)} locutions to {len(targets)} contents; "
                        "paired in order, the rest left out",
                        (nid,),
                    )
            for src, dst in pairs:
                if kind[src] != "L" or kind[dst] != "I":
                    self.report(
                        "AIF142",
                        f"YA node {nid} anchors {kind[dst]} node {dst} in {kind[src]} node {src} "
                        f"({illocution[:40]!r}); not representable",
                        (nid, src, dst),
                    )
                else:
                    self.anchors.append((src, dst, kept))
                    self.anchoring.add(src)

    def speaker(self, name: str | None) -> _Speaker:
        if name is None:
            name = UNNAMED
        found = self.speakers.get(name)
        if found is None:
            found = self.speakers[name] = _speaker(name)
        return found

    def head_speaker(self, head: str) -> _Speaker | None:
        """The speaker named by the text before a locution's first colon, or ``None`` if it names none."""
        if "\n" in head or not 0 < len(name := head.strip()) <= _MAX_NAME:
            return None
        return self.speaker(name)

    def unusual_proposition(self, nid: str, ntype: str, text: str) -> Proposition:
        """The proposition of an I-node that rephrases others, or of an L-node whose speaker comes from
        the participants or from "Name says '...'" (the loop in :meth:`propositions` does the rest)."""
        ids = self.ids
        if ntype == "I":
            rephrased = tuple(ids[o] for o in self.rephrases[nid])
            return _proposition(id=ids[nid], text=text, rephrases=rephrased)
        name, quote = _speaker_and_quote(text, self.person_of.get(nid))
        return _locution(ids[nid], quote, self.speaker(name))

    def propositions(self) -> list[Proposition]:
        """I-nodes, and L-nodes that anchor none (kept as locutions of their own)."""
        if _speedups is not None:
            # The loop below, in C; what it does not do itself it asks of the methods passed.
            built: list[Proposition] = _speedups.build_propositions(
                self.kind,
                self.text_list,
                self.touched,
                self.anchoring,
                self.person_of,
                self.rephrases,
                self.ids,
                self.by_head,
                self.problems,
                _fast_plain,
                _fast_locution,
                self.head_speaker,
                partial(self.speaker, None),
                self.unusual_proposition,
            )
            return built
        # The hot loop of a corpus load: once per I- and L-node, everything it uses bound to a local.
        props: list[Proposition] = []
        append, problem = props.append, self.problems.append
        ids, touched, rephrases, anchoring = self.ids, self.touched, self.rephrases, self.anchoring
        person_of, by_head, plain, locution = self.person_of, self.by_head, _plain, _locution
        unnamed = None
        for nid, ntype, text in zip(self.kind, self.kind.values(), self.text_list, strict=True):
            if ntype == "I":
                if nid not in touched:
                    problem(("AIF150", "", (nid,)))
                if rephrases and nid in rephrases:
                    append(self.unusual_proposition(nid, ntype, text))
                else:
                    append(plain(ids[nid] if ids else nid, text))
            elif ntype == "L" and not (anchoring and nid in anchoring):
                if nid not in touched:
                    problem(("AIF151", "", (nid,)))
                if (person_of and nid in person_of) or " says '" in text:
                    append(self.unusual_proposition(nid, ntype, text))
                    continue
                # _speaker_and_quote's usual case inlined ("Name : text" or no name), the speaker of each
                # distinct "Name" found once.
                head, colon, tail = text.partition(":")
                found = None
                if colon and tail[:1].isspace():
                    found = by_head.get(head, False)
                    if found is False:
                        found = by_head[head] = self.head_speaker(head)
                if found is not None:
                    append(locution(ids[nid] if ids else nid, tail.strip(), found))
                else:
                    if unnamed is None:
                        unnamed = self.speaker(None)
                    append(locution(ids[nid] if ids else nid, text.strip(), unnamed))
        return props

    def read_rephrases(self) -> None:
        kind = self.kind
        for nid in self.schematic["MA"]:
            originals, restated = self.ins.get(nid, []), self.outs.get(nid, [])
            if not originals or not restated or any(kind[x] != "I" for x in (*originals, *restated)):
                was = ", ".join(originals) or "nothing"
                now = ", ".join(restated) or "nothing"
                self.report(
                    "AIF130", f"MA node {nid} (rephrase of {was} as {now}) does not join I-nodes", (nid,)
                )
                continue
            for new in restated:
                listed = self.rephrases.setdefault(new, [])
                listed.extend(o for o in originals if o not in listed)

    def attributions(self) -> list[Attribution]:
        """Reported speech: each locution anchoring a proposition."""
        found: list[Attribution] = []
        used: set[str] = set()
        for lid, iid, illocution in self.anchors:
            name, quote = _speaker_and_quote(self.text_of(lid), self.person_of.get(lid))
            locator = f"locution {lid}" + (f" ({illocution})" if illocution else "")
            aid = self.ids[lid] if lid not in used else self.fresh(f"{self.ids[lid]}.{self.ids[iid]}")
            used.add(lid)
            found.append(
                _attribution(
                    id=aid,
                    speaker=self.speaker(name),
                    proposition=self.ids[iid],
                    act=_act(illocution),
                    citation=_citation(source=DIALOGUE_SOURCE, locator=locator, quote=quote or None),
                )
            )
        return found

    def preference(self, nid: str) -> list[Preference]:
        kind = self.kind
        preferred, over = self.ins.get(nid, []), self.outs.get(nid, [])
        if not preferred or not over or any(kind[x] not in ("I", "RA") for x in (*preferred, *over)):
            self.report(
                "AIF131",
                f"PA node {nid} (preference of {', '.join(preferred) or 'nothing'} over "
                f"{', '.join(over) or 'nothing'}) does not join I- or RA-nodes; left out",
                (nid,),
            )
            return []
        found: list[Preference] = []
        for a in preferred:
            for b in over:
                pid = self.fresh(f"{self.ids[nid]}.{self.ids[a]}") if found else self.ids[nid]
                found.append(Preference(pid, self.ids[a], self.ids[b]))
        return found

    def relations(self) -> tuple[list[Inference], list[Attack], list[Preference]]:
        inferences: list[Inference] = []
        attacks: list[Attack] = []
        preferences: list[Preference] = []
        problems = self.problems
        for nid, ntype in self.relational:
            if ntype == "TA":  # first: QT30 has tens of thousands
                problems.append(("AIF140", "", (nid,)))
            elif ntype == "RA":
                inference = self.inference(nid)
                if inference is not None:
                    inferences.append(inference)
            elif ntype == "CA":
                attacks.extend(self.attacks(nid))
            else:
                preferences.extend(self.preference(nid))
        return inferences, attacks, preferences

    def inference(self, nid: str) -> Inference | None:
        kind, ids = self.kind, self.ids
        label = self.schemes.get(nid) or self.text_of(nid)
        premises = [p for p in self.ins.get(nid, []) if kind[p] == "I"]
        conclusions = [c for c in self.outs.get(nid, []) if kind[c] == "I"]
        if not conclusions:
            self.report("AIF110", f"RA node {nid} has no conclusion; inference left out", (nid,))
            return None
        if not premises:
            self.report("AIF111", f"RA node {nid} has no premise; inference left out", (nid,))
            return None
        if len(conclusions) > 1:
            self.report(
                "AIF112",
                f"RA node {nid} has {len(conclusions)} conclusions; only {conclusions[0]} was kept",
                (nid, *conclusions[1:]),
            )
        kept = None if label in _DEFAULT_SCHEMES["RA"] else label
        return _inference(
            id=ids[nid], premises=tuple(ids[p] for p in premises), conclusion=ids[conclusions[0]], label=kept
        )

    def attacks(self, nid: str) -> list[Attack]:
        kind, ids = self.kind, self.ids
        label = self.schemes.get(nid) or self.text_of(nid)
        kept = None if label in _DEFAULT_SCHEMES["CA"] else label
        attackers = [a for a in self.ins.get(nid, []) if kind[a] == "I"]
        targets: list[tuple[str, AttackKind]] = []
        on_attack = False
        own = self.own_kind.get(nid)
        for t in self.outs.get(nid, []):
            if kind[t] == "I":
                targets.append((t, own or AttackKind.REBUT))
            elif kind[t] == "RA":
                targets.append((t, AttackKind.UNDERCUT))
            elif kind[t] == "CA":
                on_attack = True
                self.report(
                    "AIF121",
                    f"CA node {nid} attacks CA node {t} (an attack on an attack); not representable",
                    (nid, t),
                )
        if not attackers or not targets:
            if not attackers or not on_attack:  # an attack on an attack was reported above
                end = "attacker" if not attackers else "target"
                self.report("AIF120", f"CA node {nid} has no {end}; attack left out", (nid,))
            return []
        if len(attackers) * len(targets) > 1:
            self.report(
                "AIF122",
                f"CA node {nid} has {len(attackers)} attackers and {len(targets)} targets; "
                "one attack per pair",
                (nid,),
            )
        found: list[Attack] = []
        for a in attackers:
            for t, akind in targets:
                aid = self.fresh(f"{ids[nid]}.{ids[a]}") if found else ids[nid]
                found.append(_attack(id=aid, attacker=ids[a], target=ids[t], kind=akind, label=kept))
        return found

    def stray_edges(self) -> None:
        # Edges no phase explains: I->I, I->L, L->RA, RA->RA and the like. Edges touching YA, TA, MA or PA
        # nodes were reported with those nodes. Where no RA or CA node exists (QT30), every edge touching
        # one of those is the usual case, checked in C; else the kinds of node an edge joins are collected,
        # and the edges are visited one by one only if some pair of kinds needs reporting.
        kind, counts = self.kind, self.counts
        if "RA" not in counts and "CA" not in counts:
            reported = set(map(_FIRST, self.relational))  # TA and PA nodes
            reported.update(self.schematic["YA"], self.schematic["MA"])
            if all(map(or_, map(reported.__contains__, self.froms), map(reported.__contains__, self.tos))):
                return
        get = kind.__getitem__
        joined = set(zip(map(get, self.froms), map(get, self.tos), strict=True))
        unexplained = {
            p
            for p in joined
            if p not in _EXPLAINED and p[0] not in _REPORTED_WITH_NODE and p[1] not in _REPORTED_WITH_NODE
        }
        if not unexplained:
            return
        # Reported grouped by the edge's source, sources in the order they first occur.
        outs: dict[str, list[str]] = {}
        for src, dst in self.pairs():
            outs.setdefault(src, []).append(dst)
        for src, dsts in outs.items():
            for dst in dsts:
                pair = (kind[src], kind[dst])
                if pair in unexplained:
                    self.report(
                        "AIF106",
                        f"edge {src} -> {dst} joins {pair[0]} to {pair[1]} without a scheme node between; "
                        "skipped",
                        (src, dst),
                    )
