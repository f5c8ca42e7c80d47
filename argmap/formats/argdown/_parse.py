"""A parser for the Argdown 1.7 language, giving Argdown's own model: statements, arguments, relations.

It reads front matter (``===`` YAML ``===``), headings (sections), statements (``[Title]: text``,
references ``[Title]``, untitled paragraphs), equivalence classes (several members under one title), arguments
(``<Title>: text``, ``<Title>``) with premise-conclusion structures (``(1) ...``, ``----``,
``-- rule, rule {data} --``, intermediary conclusions), the relation symbols ``+ - _ >< <+ <- <_ +> -> _>``
under an element at any depth, list items, tags (``#tag``, ``#(a tag)``), inline and multi-line ``{data}``,
mentions (``@[..]``, ``@<..>``), links, bold and italic markup, escapes and comments (``//``, ``/* */``,
``<!-- -->``). Relation kinds follow Argdown's model: loose mode (the default) reads ``+``/``-`` as support
and attack; strict mode (``model: {mode: strict}`` in the front matter) reads them between statements as
entailment and contrariety. Outgoing relations of a reconstructed argument are those of its main
conclusion; an undercut of a reconstructed argument hits its final inference.

Untitled elements get Argdown's ``Untitled N`` titles, counted in document order. Syntax errors are
:class:`~argmap.errors.ParseError` values with line and column. One pass over the lines; linear in the input.

Imports only :mod:`argmap.errors` (and PyYAML for data).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs
import yaml

from argmap.errors import ParseError

__all__ = [
    "ArgdownArgument",
    "ArgdownDocument",
    "ArgdownRelation",
    "ArgdownStatement",
    "PcsItem",
    "parse",
]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@attrs.define(slots=True)
class ArgdownStatement:
    """An equivalence class: every member's text under one title, in document order."""

    title: str
    texts: list[str] = attrs.field(factory=list)
    tags: list[str] = attrs.field(factory=list)
    data: dict[str, Any] = attrs.field(factory=dict)
    section: str | None = None
    line: int = 1
    column: int = 1

    @property
    def text(self) -> str | None:
        """The canonical member's text: the one marked ``isCanonical``, else the first with text."""
        return self.texts[0] if self.texts else None


@attrs.define(slots=True)
class PcsItem:
    """One numbered statement of a premise-conclusion structure, with the inference above it if any."""

    number: int
    title: str
    role: str  # "premise", "intermediary-conclusion" or "main-conclusion"
    rules: list[str] = attrs.field(factory=list)
    inference_data: dict[str, Any] | None = None
    line: int = 1
    #: Line of the inference above (``----`` or ``-- rules {data} --``), if any.
    inference_line: int | None = None


@attrs.define(slots=True)
class ArgdownArgument:
    """An argument: descriptions, tags, data and premise-conclusion structure (empty if not reconstructed)."""

    title: str
    descriptions: list[str] = attrs.field(factory=list)
    tags: list[str] = attrs.field(factory=list)
    data: dict[str, Any] = attrs.field(factory=dict)
    pcs: list[PcsItem] = attrs.field(factory=list)
    section: str | None = None
    line: int = 1
    column: int = 1


@attrs.define(slots=True)
class ArgdownRelation:
    """``source`` relates to ``target``; kinds as Argdown names them (support, attack, undercut, ...)."""

    source: tuple[str, str]  # ("statement" | "argument" | "inference", title)
    target: tuple[str, str]
    kind: str
    line: int = 1
    column: int = 1


@attrs.define(slots=True)
class ArgdownDocument:
    """What a file says, as Argdown's model has it."""

    front_matter: dict[str, Any] = attrs.field(factory=dict)
    #: The front matter's YAML text and the line it starts on, for positions in it.
    front_matter_source: str = ""
    front_matter_line: int = 1
    statements: dict[str, ArgdownStatement] = attrs.field(factory=dict)
    arguments: dict[str, ArgdownArgument] = attrs.field(factory=dict)
    relations: list[ArgdownRelation] = attrs.field(factory=list)
    sections: list[tuple[int, str]] = attrs.field(factory=list)  # (level, title) in order


# -- lines ------------------------------------------------------------------------------------------

# Links, mentions and long tags are found by _Links and _Closing, not by patterns: a pattern rescans the rest
# of the line from every '[' (a line of 100,000 '[' took minutes).
_COMMENT_OR_LINK = re.compile(r"(\\.)|(\[)|(<!--.*?-->|/\*.*?\*/)|(//[^\n]*)|(<!--|/\*)", re.DOTALL)
_RELATION = re.compile(r"^([ \t]*)(\+>|->|_>|><|<\+|<-|<_|\+|-(?!-)|_(?=\s))[ \t]*")
_PCS = re.compile(r"^[ \t]*\((\d+)\)[ \t]*")
_INFERENCE = re.compile(r"^[ \t]*--")
_HEADING = re.compile(r"^(#+) ")
_LIST = re.compile(r"^([ \t]*)(?:\*|\d+\.)(?=\s)[ \t]*")
_FRONT = re.compile(r"^===+[ \t]*$")

# -- inline text ------------------------------------------------------------------------------------

_STATEMENT_DEF = re.compile(r"^[ \t]*\[([^\n]+?)\]:")
_ARGUMENT_DEF = re.compile(r"^[ \t]*<([^\n]+?)>:")
_LINK_START = re.compile(r"^[ \t]*\[[^\]\n]+?\]\([^)\n]+?\)")
_STATEMENT_REF = re.compile(r"^[ \t]*\[([^-\n][^\n]*?)\]")
_ARGUMENT_REF = re.compile(r"^[ \t]*<([^-\n][^\n]*?)>")
_INLINE = re.compile(
    r"(?P<esc>\\(?P<escaped>.))"
    r"|(?P<link>\[)"
    r"|(?P<mention>@[\[<])"
    r"|(?P<tag>#(?:(?P<tag_long>\()|(?P<tag_short>[a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)))"
    r"|(?P<data>\{)",
    re.DOTALL,
)
# Bold and italic delimiters; an escaped delimiter (marked by NUL) is text. Each is (the whole span, where an
# opener may start, where a closer may start): see _unmark.
_MARKUP = (
    (
        re.compile(r"(?<!\x00)(\*\*|__)(?=\S)(.+?)(?<=[^\s\x00])\1"),
        re.compile(r"(?=(\*\*|__))"),
        re.compile(r"(?<=[^\s\x00])(?=(\*\*|__))"),
    ),
    (
        re.compile(r"(?<![\w*\x00])(\*|_)(?=[^\s*_])(.+?)(?<=[^\s*_\x00])\1(?!\w)"),
        re.compile(r"(?=(\*|_))"),
        re.compile(r"(?<=[^\s*_\x00])(?=(\*|_)(?!\w))"),
    ),
)
_SPACES = re.compile(r"\s+")
_BLOCK_DATA = re.compile(r"\{[ \t]*\n")


@attrs.define(slots=True)
class _Inline:
    text: str
    tags: list[str]
    data: dict[str, Any]


class _Parser:
    def __init__(self, text: str, filename: str | None) -> None:
        self.filename = filename
        self.doc = ArgdownDocument()
        self.counter = 0
        self.section: str | None = None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        # Front matter is YAML, where '//' (in a URL) is no comment: it is taken out before comments are.
        self.front: tuple[int, list[str]] | None = None
        raw_lines = text.split("\n")
        start = 0
        while start < len(raw_lines) and not raw_lines[start].strip():
            start += 1
        if start < len(raw_lines) and _FRONT.match(raw_lines[start]):
            end = start + 1
            while end < len(raw_lines) and not _FRONT.match(raw_lines[end]):
                end += 1
            if end >= len(raw_lines):
                raise self.error("front matter opened with '===' is never closed", start + 1, 1)
            self.front = (start + 2, raw_lines[start + 1 : end])
            text = "\n" * (end + 1) + "\n".join(raw_lines[end + 1 :])
        self.lines, self.ignored = self._strip_comments(text)

    # -- errors and comments ------------------------------------------------------------------------

    def error(self, message: str, line: int, column: int = 1) -> ParseError:
        return ParseError(message, self.filename, line, column, code="D001")

    def _strip_comments(self, text: str) -> tuple[list[str], set[int]]:
        """Blank out comments (keeping every other character's line and column); lines that held only a
        comment are ignored, as Argdown's lexer swallows them."""
        pieces: list[str] = []
        commented: set[int] = set()
        last = 0
        # Lines are counted from the previous comment on, not from the start (quadratic with many comments).
        counted, lines_before = 0, 0
        links = _Links(text)
        at = 0
        while (match := _COMMENT_OR_LINK.search(text, at)) is not None:
            at = match.end()
            if match.group(3) is None and match.group(4) is None:
                if match.group(5) is not None:
                    line = text.count("\n", 0, match.start()) + 1
                    column = match.start() - text.rfind("\n", 0, match.start())
                    raise self.error(f"comment {match.group(5)!r} is never closed", line, column)
                if match.group(2) is not None and (link := links.at(match.start())) is not None:
                    at = link[1]  # a '//' in a link's URL is no comment
                continue
            pieces.append(text[last : match.start()])
            lines_before += text.count("\n", counted, match.start())
            counted = match.start()
            first_line = lines_before
            body = match.group(0)
            commented.update(range(first_line, first_line + body.count("\n") + 1))
            pieces.append(re.sub(r"[^\n]", " ", body))
            last = match.end()
        pieces.append(text[last:])
        lines = "".join(pieces).split("\n")
        ignored = {n for n in commented if n < len(lines) and not lines[n].strip()}
        return lines, ignored

    # -- driver ---------------------------------------------------------------------------------------

    def blank(self, n: int) -> bool:
        return n not in self.ignored and not self.lines[n].strip()

    def next_line(self, n: int) -> int:
        """The next line after ``n`` that is not a swallowed comment line."""
        n += 1
        while n in self.ignored:
            n += 1
        return n

    def parse(self) -> ArgdownDocument:
        n = self.front_matter()
        last_argument: str | None = None
        while n < len(self.lines):
            line = self.lines[n]
            if n in self.ignored or not line.strip():
                n += 1
                continue
            if _HEADING.match(line):
                n = self.heading(n)
                last_argument = None
            elif _PCS.match(line) or _INFERENCE.match(line):
                if last_argument is None:
                    last_argument = self.untitled()
                    self.argument(last_argument, n, 1)
                n = self.pcs(n, last_argument)
                last_argument = None
            elif _RELATION.match(line):
                raise self.error("a relation needs a statement or argument above it", n + 1, 1)
            else:
                n, element = self.element_block(n, "top")
                last_argument = element[1] if element[0] == "argument" else None
        return self.doc

    def front_matter(self) -> int:
        if self.front is None:
            return 0
        first, lines = self.front
        source = "\n".join(lines)
        self.doc.front_matter = self.yaml(source, first, 1, "front matter")
        self.doc.front_matter_source, self.doc.front_matter_line = source, first
        return first + len(lines)

    def yaml(self, source: str, line: int, column: int, what: str) -> dict[str, Any]:
        try:
            value = yaml.load(source, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark
            at_line = line + (mark.line if mark else 0)
            at_col = (mark.column + (column if mark and mark.line == 0 else 1)) if mark else column
            raise self.error(f"{what} is not valid YAML: {exc.problem}", at_line, at_col) from None
        except yaml.reader.ReaderError as exc:
            # A character YAML does not accept (a control character): its message runs over two lines and
            # counts characters from the start of the data, so the place is computed here.
            at_line, at_col = _position(source, exc.position, line, column)
            code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
            problem = f"character U+{code:04X} is not allowed in YAML; escape it in a quoted string"
            raise self.error(f"{what} is not valid YAML: {problem}", at_line, at_col) from None
        except yaml.YAMLError as exc:
            problem = _SPACES.sub(" ", str(exc)).strip()
            raise self.error(f"{what} is not valid YAML: {problem}", line, column) from None
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(f"{what} must be a mapping of keys to values", line, column)
        return value

    def untitled(self) -> str:
        self.counter += 1
        return f"Untitled {self.counter}"

    # -- headings -------------------------------------------------------------------------------------

    def heading(self, n: int) -> int:
        match = _HEADING.match(self.lines[n])
        assert match is not None
        level = len(match.group(1))
        raw, m = self.continuation(n)
        inline = self.inline(raw[match.end() :], n + 1, match.end() + 1)
        self.section = inline.text
        self.doc.sections.append((level, inline.text))
        return m

    # -- elements -------------------------------------------------------------------------------------

    def continuation(self, n: int) -> tuple[str, int]:
        """The element text starting on line ``n`` and running over following lines, and the next line."""
        parts = [self.lines[n]]
        depth = _brace_depth(self.lines[n])
        m = self.next_line(n)
        while m < len(self.lines) and not self.blank(m):
            line = self.lines[m]
            if depth <= 0 and (
                _RELATION.match(line) or _PCS.match(line) or _INFERENCE.match(line) or _HEADING.match(line)
            ):
                break
            if depth <= 0 and _LIST.match(line):
                break
            parts.append(line)
            depth += _brace_depth(line)
            m = self.next_line(m)
        return "\n".join(parts), m

    def element_block(self, n: int, role: str) -> tuple[int, tuple[str, str]]:
        """A top-level element (or list item) and the tree of relations under it."""
        line = self.lines[n]
        list_match = _LIST.match(line)
        base_indent = len(list_match.group(1)) if list_match else -1
        offset = list_match.end() if list_match else 0
        raw, m = self.continuation(n)
        element = self.element(raw[offset:], n + 1, offset + 1, role)
        return self.relations(m, element, base_indent), element

    def element(self, raw: str, line: int, column: int, role: str) -> tuple[str, str]:
        """Define or reference a statement or argument; returns (kind, title)."""
        if match := _STATEMENT_DEF.match(raw):
            inline = self.inline(raw[match.end() :], line, column + match.end())
            return "statement", self.statement(match.group(1), inline, line, column)
        if match := _ARGUMENT_DEF.match(raw):
            inline = self.inline(raw[match.end() :], line, column + match.end())
            return "argument", self.argument(match.group(1), line, column, inline)
        if not _LINK_START.match(raw):
            if match := _STATEMENT_REF.match(raw):
                inline = self.inline(raw[match.end() :], line, column + match.end())
                inline.text = ""
                return "statement", self.statement(match.group(1), inline, line, column)
            if match := _ARGUMENT_REF.match(raw):
                inline = self.inline(raw[match.end() :], line, column + match.end())
                inline.text = ""
                return "argument", self.argument(match.group(1), line, column, inline)
        inline = self.inline(raw, line, column)
        if not inline.text and role == "top" and not inline.data and not inline.tags:
            raise self.error("an element without text", line, column)
        return "statement", self.statement(self.untitled(), inline, line, column)

    def statement(self, title: str, inline: _Inline, line: int, column: int) -> str:
        found = self.doc.statements.get(title)
        if found is None:
            found = self.doc.statements[title] = ArgdownStatement(
                title, section=self.section, line=line, column=column
            )
        if inline.text:
            found.texts.append(inline.text)
        for tag in inline.tags:
            if tag not in found.tags:
                found.tags.append(tag)
        found.data.update(inline.data)
        return title

    def argument(self, title: str, line: int, column: int, inline: _Inline | None = None) -> str:
        found = self.doc.arguments.get(title)
        if found is None:
            found = self.doc.arguments[title] = ArgdownArgument(
                title, section=self.section, line=line, column=column
            )
        if inline is not None:
            if inline.text:
                found.descriptions.append(inline.text)
            for tag in inline.tags:
                if tag not in found.tags:
                    found.tags.append(tag)
            found.data.update(inline.data)
        return title

    # -- relations ------------------------------------------------------------------------------------

    def relations(self, n: int, root: tuple[str, str], root_indent: int) -> int:
        stack: list[tuple[int, tuple[str, str]]] = [(root_indent, root)]
        while n < len(self.lines) and not self.blank(n):
            line = self.lines[n]
            match = _RELATION.match(line)
            if match is None:
                break
            indent = len(match.group(1).expandtabs(4))
            while len(stack) > 1 and stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1]
            raw, m = self.continuation(n)
            child = self.element(raw[match.end() :], n + 1, match.end() + 1, "relation")
            self.relate(parent, child, match.group(2), n + 1, len(match.group(1)) + 1)
            stack.append((indent, child))
            n = m
        return n

    def relate(
        self, parent: tuple[str, str], child: tuple[str, str], symbol: str, line: int, column: int
    ) -> None:
        kind = {"+": "support", "-": "attack", "_": "undercut", "><": "contradictory"}[
            symbol.strip("<>") or "><"
        ]
        if symbol in ("+>", "->", "_>", "><"):
            source, target = parent, child
        else:
            source, target = child, parent
        self.doc.relations.append(ArgdownRelation(source, target, kind, line, column))

    # -- premise-conclusion structures --------------------------------------------------------------

    def pcs(self, n: int, argument: str) -> int:
        arg = self.doc.arguments[argument]
        pending_rules: list[str] | None = None
        pending_data: dict[str, Any] | None = None
        pending_line: int | None = None
        items: list[PcsItem] = []
        while n < len(self.lines):
            if self.blank(n) or n in self.ignored:
                m = n
                while m < len(self.lines) and (self.blank(m) or m in self.ignored):
                    m += 1
                if m < len(self.lines) and (_PCS.match(self.lines[m]) or _INFERENCE.match(self.lines[m])):
                    n = m
                    continue
                break
            line = self.lines[n]
            if match := _PCS.match(line):
                raw, m = self.continuation(n)
                title = self.element(raw[match.end() :], n + 1, match.end() + 1, "pcs")[1]
                if title not in self.doc.statements:  # an argument reference in a pcs is not a statement
                    raise self.error("a premise or conclusion must be a statement", n + 1, match.end() + 1)
                role = "premise" if pending_rules is None else "intermediary-conclusion"
                items.append(
                    PcsItem(
                        int(match.group(1)),
                        title,
                        role,
                        pending_rules or [],
                        pending_data,
                        line=n + 1,
                        inference_line=pending_line,
                    )
                )
                pending_rules, pending_data = None, None
                n = self.relations(m, ("statement", title), len(line) - len(line.lstrip()))
            elif _INFERENCE.match(line):
                if pending_rules is not None:
                    raise self.error("two inferences in a row; a conclusion must come between", n + 1, 1)
                if not items:
                    raise self.error("an inference needs premises above it", n + 1, 1)
                pending_line = n + 1
                pending_rules, pending_data, n = self.inference(n)
            else:
                break
        if pending_rules is not None:
            raise self.error("an inference must be followed by its conclusion", n, 1)
        if items and items[-1].role != "premise":
            items[-1].role = "main-conclusion"
        elif items:
            raise self.error(
                f"the premise-conclusion structure of <{argument}> has no conclusion", items[-1].line
            )
        arg.pcs = items
        return n

    def inference(self, n: int) -> tuple[list[str], dict[str, Any], int]:
        """``----`` or ``-- rule, rule {data} --`` (possibly over several lines)."""
        start = n
        line = self.lines[n]
        body_start = line.index("--") + 2
        rest = line[body_start:]
        collected: list[str] = []
        while True:
            close = _inference_end(rest)
            if close is not None:
                collected.append(rest[:close])
                break
            collected.append(rest)
            n += 1
            if n >= len(self.lines) or self.blank(n):
                raise self.error("an inference opened with '--' is never closed with '--'", start + 1, 1)
            rest = self.lines[n]
        body = "\n".join(collected)
        inline = self.inline(body, start + 1, body_start + 1, markup=False)
        rules = [r.strip() for r in inline.text.split(",") if r.strip()] if inline.text else []
        return rules, inline.data, n + 1

    # -- inline text ----------------------------------------------------------------------------------

    def inline(self, raw: str, line: int, column: int, *, markup: bool = True) -> _Inline:
        """Text without its tags and data; markup removed, whitespace collapsed."""
        out: list[str] = []
        tags: list[str] = []
        data: dict[str, Any] = {}
        pos = 0  # the text before pos is in out
        at = 0  # where the next search starts
        links = _Links(raw)
        closing = {"[": _Closing(raw, "]"), "<": _Closing(raw, ">"), "(": _Closing(raw, ")")}
        while (match := _INLINE.search(raw, at)) is not None:
            start = match.start()
            if match.group("link") is not None:
                link = links.at(start)
                if link is None:  # a '[' that opens no link is text
                    at = start + 1
                    continue
                out.append(raw[pos:start])
                out.append(raw[start + 1 : link[0]])
                pos = at = link[1]
                continue
            close = match.end()
            if match.group("mention") is not None or match.group("tag_long") is not None:
                # '@[title]', '@<title>', '#(a tag)': a non-empty body within the line, up to its closer.
                found = closing[raw[start + 1]].end(start + 2)
                if found is None:  # not a mention or tag: its characters are text
                    at = start + 1
                    continue
                close = found + 1
            out.append(raw[pos:start])
            pos = at = close
            if match.group("esc") is not None:
                out.append("\x00" + match.group("escaped"))  # protected from the markup pass
            elif match.group("mention") is not None:
                out.append(raw[start:close])
            elif match.group("tag") is not None:
                tag = match.group("tag_short") or raw[start + 2 : close - 1]
                if tag not in tags:
                    tags.append(tag)
            else:
                pos = at = self.data(raw, start, line, column, data)
        out.append(raw[pos:])
        text = "".join(out)
        if markup and ("*" in text or "_" in text):
            text = "\n".join(_unmark(line) for line in text.split("\n"))
        text = _SPACES.sub(" ", text.replace("\x00", "")).strip()
        return _Inline(text, tags, data)

    def data(self, raw: str, start: int, line: int, column: int, into: dict[str, Any]) -> int:
        """Read the ``{data}`` opening at ``raw[start]`` into ``into``; returns the index after its ``}``."""
        end = _closing_brace(raw, start)
        where = _position(raw, start, line, column)
        if end < 0:
            raise self.error("data opened with '{' is never closed", *where)
        body = raw[start : end + 1]
        if block := _BLOCK_DATA.match(body):
            # Data whose '{' ends its line is block YAML between the braces, as Argdown reads it.
            into.update(self.yaml(body[block.end() : -1], where[0] + 1, 1, "data"))
        else:
            into.update(self.yaml(body, where[0], where[1], "data"))
        return end + 1


class _Links:
    """Argdown's links, ``[text](url)`` within a line, in one text, in linear time over all the calls.

    Where no link starts at a '[', none starts at a '[' before the ']' that ended its text either (they share
    that ']'), and where a URL finds no ')' before the end of its line, no later URL on that line does; both
    facts are remembered, so no character is scanned twice for the same reason.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.no_link_before = -1
        self.no_url_before = -1

    def at(self, start: int) -> tuple[int, int] | None:
        """(end of the link's text, end of the link) for a link starting at ``start``, or ``None``."""
        if start < self.no_link_before:
            return None
        text = self.text
        close = _NOT_CLOSE.match(text, start + 1).end()  # type: ignore[union-attr]
        if close == start + 1 or not text.startswith("](", close) or close + 2 < self.no_url_before:
            self.no_link_before = close
            return None
        paren = _NOT_PAREN.match(text, close + 2).end()  # type: ignore[union-attr]
        if not text.startswith(")", paren):
            self.no_url_before = paren
        if paren == close + 2 or not text.startswith(")", paren):
            self.no_link_before = close
            return None
        return close, paren + 1


class _Closing:
    """Where spans that close with one character end, within their line, in linear time over all the calls.

    A body that reaches the end of its line without the closer fails, and so does every later body that
    starts before that end: it is remembered. Calls come in the order of the text.
    """

    def __init__(self, text: str, closer: str) -> None:
        self.text = text
        self.closer = closer
        self.body = re.compile(rf"[^{re.escape(closer)}\n]*")
        self.failed_to = -1

    def end(self, start: int) -> int | None:
        """Index of the closer of a non-empty body starting at ``start``, or ``None``."""
        if start <= self.failed_to:
            return None
        end = self.body.match(self.text, start).end()  # type: ignore[union-attr]
        if end == start or not self.text.startswith(self.closer, end):
            self.failed_to = end
            return None
        return end


_NOT_CLOSE = re.compile(r"[^\]\n]*")
_NOT_PAREN = re.compile(r"[^)\n]*")


def _unmark(line: str) -> str:
    """``line`` with bold, then italic, markup removed as ``pattern.sub(r"\\2", line)`` for each span pattern
    would, in linear time.

    A span's body cannot cross a line, so an opener whose kind has no closer later in the line fails, and so
    does every later opener of that kind: ``sub`` would rescan the rest of the line from each of them (a line
    of 100,000 ``**a `` took minutes). Openers are tried only where a closer of their kind lies ahead, and
    there the lazy body stops at the first closer, whose span is consumed.
    """
    for span, opener, closer in _MARKUP:
        last: dict[str, int] = {}
        for match in closer.finditer(line):
            last[match.group(1)] = match.start()
        if not last:
            continue
        out: list[str] = []
        pos = 0
        for start in opener.finditer(line):
            at = start.start()
            # The body holds a character at least: the closer starts past the opener and one more.
            if at < pos or last.get(start.group(1), -1) <= at + len(start.group(1)):
                continue
            found = span.match(line, at)
            if found is not None:
                out.append(line[pos:at])
                out.append(found.group(2))
                pos = found.end()
        out.append(line[pos:])
        line = "".join(out)
    return line


def _brace_depth(line: str) -> int:
    """Braces opened minus braces closed on a line, escaped braces (``\\{``) not counted: data that is still
    open makes the next line part of the same element."""
    if "\\" in line:
        line = _ESCAPED.sub("", line)
    return line.count("{") - line.count("}")


_ESCAPED = re.compile(r"\\.")


def _inference_end(text: str) -> int | None:
    """Where the ``--`` closing an inference starts in ``text`` (``{data}`` skipped), or ``None``."""
    k = 0
    while True:
        dash = text.find("--", k)
        brace = text.find("{", k)
        if dash < 0:
            return None
        if brace < 0 or dash < brace:
            return dash
        end = _closing_brace(text, brace)
        if end < 0:
            return dash
        k = end + 1


def _closing_brace(raw: str, start: int) -> int:
    """Index of the ``}`` matching the ``{`` at ``start`` (quotes respected), or -1."""
    depth = 0
    quote = ""
    k = start
    n = len(raw)
    while k < n:
        char = raw[k]
        if quote:
            if char == "\\" and quote == '"':
                k += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return -1


def _position(raw: str, offset: int, line: int, column: int) -> tuple[int, int]:
    before = raw.count("\n", 0, offset)
    if before == 0:
        return line, column + offset
    return line + before, offset - raw.rfind("\n", 0, offset)


def _finish(doc: ArgdownDocument) -> ArgdownDocument:
    """Argdown's model transformations: strict mode, relations of reconstructed arguments."""
    model = doc.front_matter.get("model")
    strict = isinstance(model, Mapping) and model.get("mode") == "strict"
    arguments = doc.arguments
    relations: list[ArgdownRelation] = []
    seen: set[tuple[tuple[str, str], tuple[str, str], str]] = set()
    for rel in doc.relations:
        source, target = rel.source, rel.target
        if source[0] == "argument" and arguments[source[1]].pcs:
            source = ("statement", arguments[source[1]].pcs[-1].title)
        if rel.kind == "undercut" and target[0] == "argument" and arguments[target[1]].pcs:
            target = ("inference", target[1])
        kind = rel.kind
        if strict and source[0] == "statement" and target[0] == "statement":
            if kind == "support":
                kind = "entails"
            elif kind == "attack":
                kind = "contrary"
        if source == target:  # an argument's relation to its own conclusion says nothing
            continue
        key = (source, target, kind)
        if kind in ("contrary", "contradictory"):
            key = (min(source, target), max(source, target), kind)
        if key in seen and (source != rel.source or kind in ("contrary", "contradictory")):
            continue
        seen.add(key)
        relations.append(ArgdownRelation(source, target, kind, rel.line, rel.column))
    # An attack on an argument by a statement that already attacks one of its premises says nothing new. What
    # each statement attacks or contradicts is indexed first (a scan of every relation per attack was
    # quadratic in the number of relations).
    against: dict[str, set[str]] = {}
    for other in relations:
        if other.source[0] != "statement" or other.target[0] != "statement":
            continue
        if other.kind == "attack":
            against.setdefault(other.source[1], set()).add(other.target[1])
        elif other.kind in ("contrary", "contradictory"):
            against.setdefault(other.source[1], set()).add(other.target[1])
            against.setdefault(other.target[1], set()).add(other.source[1])
    kept: list[ArgdownRelation] = []
    for rel in relations:
        if rel.kind == "attack" and rel.source[0] == "statement" and rel.target[0] == "argument":
            hit = against.get(rel.source[1])
            if hit and any(p.role == "premise" and p.title in hit for p in arguments[rel.target[1]].pcs):
                continue
        kept.append(rel)
    doc.relations = kept
    return doc


def parse(text: str, filename: str | None = None) -> ArgdownDocument:
    """Argdown's model of ``text``; a syntax error raises :class:`ParseError` with line and column."""
    return _finish(_Parser(text, filename).parse())
