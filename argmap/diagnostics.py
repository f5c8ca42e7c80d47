"""Diagnostics: the one value every problem argmap finds is reported as.

A :class:`Diagnostic` has a stable code, a :class:`Severity`, a one-line message, the ids involved,
a :class:`Span` (file, start and end line and column) and an optional hint. Lint findings, load
problems (a missing file, a YAML syntax error, a field of the wrong type) and reader notes are all
diagnostics, so every output format handles one kind of value.

:func:`short_repr` keeps user data in messages bounded: a message never formats a value whose
size the input controls.

This module sits below every pipeline stage and imports nothing from argmap.
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "LOAD_CODES",
    "LOAD_FAMILIES",
    "Diagnostic",
    "LoadCode",
    "Severity",
    "Span",
    "short_repr",
]


@attrs.frozen(slots=True)
class Span:
    """A region of a file: 1-based lines and columns, as editors count them.

    ``end_line``/``end_column`` is the position just after the region (exclusive, as SARIF's
    ``endColumn`` and LSP ranges count); ``None`` when only the start is known, and :attr:`end`
    then reads as the start (an empty region). Plain defaults rather than computed ones, because
    loaders make a span for every object of a map and each extra step there is measurable.
    ``file`` is ``None`` for text that came from no file. Line 0 means the file as a whole (a
    missing file has no lines): see :meth:`of_file`.

    >>> str(Span("m.yaml", 3, 7, 3, 12))
    'm.yaml:3:7'
    >>> Span("m.yaml", 3, 7).end
    (3, 7)
    >>> str(Span.of_file("m.yaml"))
    'm.yaml'
    """

    file: str | None
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None

    @classmethod
    def of_file(cls, file: str | None) -> Span:
        """The whole of ``file``, for problems with no line (it is missing, unreadable, too large)."""
        return cls(file, 0, 0)

    @property
    def whole_file(self) -> bool:
        """True for a span made by :meth:`of_file`."""
        return self.line == 0

    def __str__(self) -> str:
        if self.line == 0:
            return self.file or "<string>"
        return f"{self.file or '<string>'}:{self.line}:{self.column}"

    @property
    def start(self) -> tuple[int, int]:
        """(line, column) of the first character."""
        return (self.line, self.column)

    @property
    def end(self) -> tuple[int, int]:
        """(line, column) just after the last character; the start when no end is known."""
        if self.end_line is None or self.end_column is None:
            return (self.line, self.column)
        return (self.end_line, self.end_column)


class Severity(enum.Enum):
    """How serious a diagnostic is; ``ERROR`` makes ``argmap check`` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(slots=True, init=False)
class Diagnostic:
    """One problem: a stable code, the ids involved, where, and how to fix it.

    ``location=`` is accepted as the old name of ``span``, and :attr:`location` reads it.

    >>> d = Diagnostic("S001", Severity.ERROR, "unknown id 'x'", ("x",), Span("m.yaml", 4, 3))
    >>> str(d)
    "m.yaml:4:3: S001 unknown id 'x'"
    """

    code: str
    severity: Severity
    message: str
    ids: tuple[str, ...]
    span: Span | None
    hint: str | None

    def __init__(
        self,
        code: str,
        severity: Severity,
        message: str,
        ids: Iterable[str] = (),
        span: Span | None = None,
        hint: str | None = None,
        *,
        location: Span | None = None,
    ) -> None:
        self.__attrs_init__(code, severity, message, tuple(ids), span if span is not None else location, hint)

    @property
    def location(self) -> Span | None:
        """The span, under the name it had before spans had an end."""
        return self.span

    def __str__(self) -> str:
        where = f"{self.span}: " if self.span else ""
        return f"{where}{self.code} {self.message}"


class _ShortRepr(reprlib.Repr):
    """``reprlib`` with integers bounded too: ``repr`` of a huge int is slow, or refused past 4,300 digits."""

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() <= 256:
            return repr(x)
        return f"<integer of ~{int(x.bit_length() * 0.30103) + 1} digits>"

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        # reprlib sorts the keys first, a cost growing with the dict; document order is cheaper and clearer.
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = []
        for index, (key, value) in enumerate(x.items()):
            if index == self.maxdict:
                items.append("...")
                break
            items.append(f"{self.repr1(key, level - 1)}: {self.repr1(value, level - 1)}")
        return "{" + ", ".join(items) + "}"

    def repr_bytes(self, x: bytes, level: int) -> str:
        return self._prefix(x)

    def repr_str(self, x: str, level: int) -> str:
        return self._prefix(x)

    def _prefix(self, x: str | bytes) -> str:
        # Only a prefix is ever repr'd, so a megabyte string costs no more than a short one.
        if len(x) <= self.maxstring:
            return repr(x)
        text = repr(x[: self.maxstring])
        return text[:-1] + "…" + text[-1]


_REPR = _ShortRepr()
_REPR.maxlevel = 3
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdict = 4


def short_repr(value: Any, limit: int = 80) -> str:
    """``repr(value)`` cut to at most ``limit`` characters, at a cost bounded whatever the value.

    Nested containers are cut after a few items and levels, long strings after a prefix, huge
    integers are described rather than printed; control characters are escaped as ``repr``
    escapes them, so the result is safe on a terminal. Use it for every user value in a message.

    >>> short_repr("tea")
    "'tea'"
    >>> short_repr("x" * 1000, limit=20)
    "'xxxxxxxxxxxxxxxxx…'"
    >>> short_repr(list(range(100)))
    '[0, 1, 2, 3, ...]'
    >>> short_repr(10**5000)
    '<integer of ~5001 digits>'
    """
    text = _REPR.repr(value)
    if len(text) <= limit:
        return text
    if text[:1] in "'\"" and limit >= 3:
        return text[: limit - 2] + "…" + text[0]
    return text[: max(limit - 1, 0)] + "…"


# -- load problems ------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class LoadCode:
    """A code for input argmap cannot use at all, documented like a lint rule.

    ``example`` is what triggers it (a file's text, or a command line) and ``message`` what argmap
    then says; ``fix`` is the hint. ``docs/rules.md`` is generated from :data:`LOAD_CODES`.
    """

    code: str
    name: str
    summary: str
    example: str
    message: str
    fix: str
    #: The fenced-block language of ``example``: ``yaml``, ``json``, ``text`` (a framework or Argdown
    #: file), ``console`` (a command line) or ``python``.
    lang: str = "yaml"


#: Family letter of load codes -> (family name, what the family covers).
LOAD_FAMILIES: dict[str, tuple[str, str]] = {
    "F": ("files", "Files that cannot be read or written: missing, unreadable, too large, not text."),
    "Y": ("YAML", "YAML that does not parse, or parses into something argmap refuses."),
    "J": ("JSON", "JSON that does not parse, or parses into something argmap refuses."),
    "M": ("map structure", "Files that parse but do not have the shape of a map."),
    "D": ("Argdown", "Argdown text that cannot be parsed into a map."),
    "A": ("framework files", "Abstract argumentation frameworks in ICCMA, APX or TGF that cannot be read."),
    "U": (
        "usage",
        "Arguments and option values that name nothing argmap knows, or miss what a command needs.",
    ),
}

_CODES = (
    LoadCode(
        "F000",
        "unusable-input",
        "input argmap cannot use, raised by code that gives no more specific code (a plug-in, older code)",
        'raise ParseError("not a map of ours", "m.yaml")',
        "m.yaml: F000 not a map of ours",
        "read the message; report a missing code as a bug",
        "python",
    ),
    LoadCode(
        "F001",
        "file-not-found",
        "the file does not exist",
        "argmap check mpa.yaml",
        "mpa.yaml: F001 no such file",
        "check the path",
        "console",
    ),
    LoadCode(
        "F002",
        "permission-denied",
        "the file exists but may not be read (or written)",
        "argmap check /root/m.yaml",
        "/root/m.yaml: F002 permission denied",
        "check the file's permissions",
        "console",
    ),
    LoadCode(
        "F003",
        "not-a-regular-file",
        "the path names a directory, device, FIFO or socket",
        "argmap check maps/",
        "maps/: F003 is a directory, expected a file",
        "name a map file, not a directory or device",
        "console",
    ),
    LoadCode(
        "F004",
        "not-utf8",
        "the file is not UTF-8 text",
        "argmap check latin1.yaml",
        "latin1.yaml: F004 not UTF-8 text (byte 12: invalid start byte)",
        "save the file as UTF-8",
        "console",
    ),
    LoadCode(
        "F005",
        "file-too-large",
        "the file is larger than argmap reads (see docs/limits.md)",
        "argmap check huge.yaml",
        "huge.yaml: F005 file too large (300 MiB; the limit is 128 MiB)",
        "split the map, or check that the path names the intended file",
        "console",
    ),
    LoadCode(
        "F006",
        "read-failed",
        "the operating system refused to read the file for another reason",
        "argmap check /mnt/gone/m.yaml",
        "/mnt/gone/m.yaml: F006 cannot read (Input/output error)",
        "check the disk or the network share",
        "console",
    ),
    LoadCode(
        "F007",
        "write-failed",
        "an output file cannot be written",
        "argmap render m.yaml -o /proc/m.svg",
        "/proc/m.svg: F007 cannot write (No such file or directory)",
        "choose a writable -o path",
        "console",
    ),
    LoadCode(
        "F008",
        "output-is-input",
        "the output path names one of the input files",
        "argmap render m.yaml -o m.yaml",
        "m.yaml: F008 the output would overwrite the input m.yaml",
        "choose another -o path",
        "console",
    ),
    LoadCode(
        "F009",
        "unknown-format",
        "the file's suffix or the format name is not one argmap knows",
        "argmap check notes.txt",
        "notes.txt: F009 unknown map file suffix '.txt'; expected one of .yaml, .yml, .json, ...",
        "use .yaml, .yml or .json, or name the format",
        "console",
    ),
    LoadCode(
        "Y001",
        "yaml-syntax",
        "the file is not valid YAML",
        "title: [unclosed\n",
        "m.yaml:2:1: Y001 invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
        "fix the YAML syntax at the position shown (an editor with YAML support helps)",
    ),
    LoadCode(
        "Y002",
        "yaml-duplicate-key",
        "a mapping repeats a key (YAML would silently keep the last)",
        "title: A\ntitle: B\n",
        "m.yaml:2:1: Y002 duplicate key 'title'",
        "keep one of the two keys",
    ),
    LoadCode(
        "Y003",
        "yaml-bad-key",
        "a mapping key is not a string (a list, a number, a null)",
        "[a, b]: x\n",
        "m.yaml:1:1: Y003 mapping keys must be strings, got ['a', 'b']",
        "quote the key or use a plain word",
    ),
    LoadCode(
        "Y004",
        "yaml-bad-value",
        "a tagged or typed value is invalid or out of range",
        "argmap: !!int abc\n",
        "m.yaml:1:9: Y004 'abc' is not a valid !!int value (invalid literal for int() with base 10: 'abc')",
        "remove the tag or give a value of the tagged type",
    ),
    LoadCode(
        "Y005",
        "yaml-too-deep",
        "containers nest deeper than argmap reads (see docs/limits.md)",
        "title: [[[[[[ ... ]]]]]]\n",
        "m.yaml:1:107: Y005 nesting deeper than 100 levels",
        "flatten the structure; a map never nests that deep",
    ),
    LoadCode(
        "J001",
        "json-syntax",
        "the file is not valid JSON",
        '{"title": "A",}\n',
        "m.json:1:15: J001 invalid JSON: Expecting property name enclosed in double quotes",
        "fix the JSON syntax at the position shown",
        "json",
    ),
    LoadCode(
        "J002",
        "json-duplicate-key",
        "an object repeats a key (JSON parsers would silently keep the last)",
        '{"title": "A", "title": "B"}\n',
        "m.json:1:16: J002 invalid JSON: duplicate key 'title'",
        "keep one of the two keys",
        "json",
    ),
    LoadCode(
        "J003",
        "json-bad-value",
        "a value JSON allows but argmap cannot hold: a lone surrogate, a huge number",
        '{"title": "\\ud800"}\n',
        "m.json:1:12: J003 a lone UTF-16 surrogate \\ud800 is not a character",
        "remove the escape or give the full surrogate pair",
        "json",
    ),
    LoadCode(
        "J004",
        "json-too-deep",
        "arrays and objects nest deeper than argmap reads (see docs/limits.md)",
        '{"title": [[[[[[ ... ]]]]]]}\n',
        "m.json:1:110: J004 nesting deeper than 100 levels",
        "flatten the structure; a map never nests that deep",
        "json",
    ),
    LoadCode(
        "M001",
        "wrong-type",
        "a value has the wrong type (a list where text belongs, a number for an id)",
        "argmap: 1\ntitle: [A, B]\n",
        "m.yaml:2:8: M001 title: expected a string, got a list",
        "give a value of the type the message names",
    ),
    LoadCode(
        "M002",
        "invalid-value",
        "a value has the right type but is not allowed (a bad id, a role, a score)",
        "argmap: 1\ntitle: T\npropositions:\n  - {id: a b, text: A}\n",
        "m.yaml:4:10: M002 propositions[0].id: 'a b' is not a valid id ...",
        "ids use letters, digits, '_', '-', '.'; the README's file format section lists allowed values",
    ),
    LoadCode(
        "M003",
        "unknown-key",
        "a key the format does not have (often a typo)",
        "argmap: 1\ntitle: T\npropositons: []\n",
        "m.yaml:3:1: M003 unknown key 'propositons' in map; expected one of: ...",
        "fix the spelling; the message lists the keys allowed there",
    ),
    LoadCode(
        "M004",
        "missing-key",
        "a required key is missing",
        "argmap: 1\ntitle: T\npropositions:\n  - {id: a}\n",
        "m.yaml:4:5: M004 propositions[0]: missing required key 'text' in proposition",
        "add the key",
    ),
    LoadCode(
        "M005",
        "unsupported-version",
        "the file's format version is newer than this argmap reads",
        "argmap: 99\ntitle: T\n",
        "m.yaml:1:9: M005 map format version 99 is newer than this argmap reads (2); upgrade argmap",
        "upgrade argmap",
    ),
    LoadCode(
        "M006",
        "no-map",
        "the file holds no map at all (it is empty, or a list or a plain value)",
        "# nothing yet\n",
        "m.yaml:1:1: M006 the file holds no map (it is empty); expected a mapping with a title",
        "start from the example in the README (Your first map)",
    ),
    LoadCode(
        "A001",
        "framework-syntax",
        "a line of a framework file is malformed",
        "p af 2\n1 x\n",
        "af.i23:2:1: A001 argument numbers must be positive integers, got '1 x'",
        "write each attack as two argument numbers (i23), att(a,b). (APX) or 'a b' (TGF)",
        "text",
    ),
    LoadCode(
        "A002",
        "framework-header",
        "the header is missing, repeated or out of place",
        "1 2\n",
        "af.i23:1:1: A002 expected the header 'p af N' before any attack, got '1 2'",
        "start an i23 file with 'p af N', a TGF file's attacks after '#'",
        "text",
    ),
    LoadCode(
        "A003",
        "framework-unknown-argument",
        "an attack names an argument the file does not declare",
        "p af 2\n1 3\n",
        "af.i23:2:1: A003 attack 1 3 names an argument outside 1..2",
        "declare the argument, or fix the attack",
        "text",
    ),
    LoadCode(
        "A004",
        "framework-duplicate-argument",
        "an argument is declared twice",
        "a\na\n#\n",
        "af.tgf:2:1: A004 argument 'a' is declared twice",
        "remove the repeated line",
        "text",
    ),
    LoadCode(
        "A005",
        "framework-too-large",
        "the declared framework size is beyond what argmap reads",
        "p af 1000000000\n",
        "af.i23:1:1: A005 the header declares 1000000000 arguments; a file of 15 characters may declare ...",
        "check the header; see docs/limits.md",
        "text",
    ),
    LoadCode(
        "D001",
        "argdown-syntax",
        "a line of an Argdown file cannot be parsed",
        "===\ntitle: T\n",
        "m.argdown:1:1: D001 front matter opened with '===' is never closed",
        "fix the line shown; see docs/argdown.md for what argmap reads",
        "text",
    ),
    LoadCode(
        "U001",
        "unknown-name",
        "an argument or option names something that does not exist: a view, pole, theme or output format",
        "argmap render m.yaml --view pole:nope",
        "U001 view 'pole:nope': 'nope' is not a pole of this map (it has: gains, losses)",
        "use one of the names the message lists",
        "console",
    ),
    LoadCode(
        "U002",
        "missing-requirement",
        "a command lacks what it needs: an output path, an optional package",
        "argmap convert m.yaml",
        "U002 convert needs -o FILE, or --upgrade to rewrite MAP in place",
        "give what the message asks for",
        "console",
    ),
)

#: Every load code by code, in catalogue order.
LOAD_CODES: dict[str, LoadCode] = {entry.code: entry for entry in _CODES}
