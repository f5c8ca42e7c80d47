"""Read and write the framework formats of the ICCMA competitions, and print ICCMA answers.

Formats:

* ``iccma`` (ICCMA 2023): a header ``p af N`` declaring arguments ``1`` .. ``N``, then one attack
  ``i j`` per line. Lines starting with ``#`` are comments; blank lines are ignored. Comments may
  precede the header; nothing else may.
* ``apx`` (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``; ``%`` starts a comment.
* ``tgf`` (Trivial Graph Format): one argument per line (``id`` and an optional label), a line
  ``#``, then one attack ``a b`` per line (an optional label after it is ignored).

Every malformed line raises :class:`~argmap.errors.ParseError` with the file and line number;
nothing is skipped silently. Work is bounded by the file (``docs/limits.md``): files are read
through :func:`argmap._files.read_text` (regular files, size limit), and a ``p af N`` header may
declare at most :func:`declared_limit` arguments, so a 20-byte file cannot ask for a billion.

Answers follow the ICCMA 2023 output rules: an extension is printed ``w 1 2 5``; a decision is
``YES`` or ``NO``, with a witness extension on the next line where the rules ask for one (credulous
YES, sceptical NO). When all extensions are enumerated, each is printed on its own ``w`` line;
``NO`` means there is none.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from argmap._files import ARGUMENTS_PER_BYTE, MAX_ARGUMENTS, read_text
from argmap.af.framework import Framework
from argmap.af.semantics import Acceptance
from argmap.diagnostics import short_repr
from argmap.errors import InputError, ParseError

__all__ = [
    "FrameworkFormat",
    "declared_limit",
    "detect_format",
    "dump_apx",
    "dump_framework",
    "dump_iccma",
    "dump_tgf",
    "format_acceptance",
    "format_extension",
    "format_extensions",
    "parse_apx",
    "parse_framework",
    "parse_iccma",
    "parse_tgf",
    "read_framework",
]


class FrameworkFormat(enum.Enum):
    """The supported framework file formats."""

    ICCMA = "iccma"
    APX = "apx"
    TGF = "tgf"


_SUFFIXES = {
    ".af": FrameworkFormat.ICCMA,
    ".i23": FrameworkFormat.ICCMA,
    ".iccma": FrameworkFormat.ICCMA,
    ".apx": FrameworkFormat.APX,
    ".tgf": FrameworkFormat.TGF,
}

_APX_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*")


# -- ICCMA 2023 ---------------------------------------------------------------------------------


def declared_limit(text: str) -> int:
    """Most arguments a ``p af N`` header in ``text`` may declare.

    A million always; beyond that :data:`~argmap._files.ARGUMENTS_PER_BYTE` per byte of the file,
    and never more than :data:`~argmap._files.MAX_ARGUMENTS`. Every argument gets a name, so the
    declared size, not the file, would otherwise set the memory and time spent.
    """
    return min(MAX_ARGUMENTS, max(1_000_000, ARGUMENTS_PER_BYTE * len(text)))


def _check_declared(n: int, text: str, file: str | None, line: int) -> None:
    limit = declared_limit(text)
    if n > limit:
        raise ParseError(
            f"the header declares {short_repr(n)} arguments; a file of {len(text):,} characters may "
            f"declare at most {limit:,}",
            file,
            line,
            code="A005",
        )


def parse_iccma(text: str, file: str | None = None) -> Framework:
    """Parse the ICCMA 2023 ``p af N`` format."""
    fast = _parse_iccma_fast(text)
    if fast is not None:
        return fast
    return _parse_iccma_lines(text.splitlines(), file)


# Longest argument number the line-by-line parser reads (int64 holds 18 decimal digits safely).
_MAX_DIGITS = 18
_DIGITS = b"0123456789"


def _parse_iccma_fast(text: str) -> Framework | None:
    """The common case in a few vectorised passes, or ``None`` if any line needs a closer look.

    After the header (possibly preceded by comments and blank lines), when every line is exactly
    ``i j`` (digits, one space, digits), the structure is checked and all numbers are read by
    numpy at once; any irregularity (comments or blank lines among attacks, tabs, carriage
    returns, bad lines, numbers out of range) returns ``None`` so that the line-by-line parser
    handles it and reports errors with their line number.
    """
    pos = 0
    while True:
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if line.strip() and not line.lstrip().startswith("#"):
            break
        if end < 0:
            return None
        pos = end + 1
    header = line.split()
    if len(header) != 3 or header[:2] != ["p", "af"] or not header[2].isdigit():
        return None
    if len(header[2]) > _MAX_DIGITS or int(header[2]) > declared_limit(text):
        return None  # the line-by-line parser reports it
    n = int(header[2])
    body = "" if end < 0 else text[end + 1 :]
    if not body:
        return Framework.from_columns(n, (), ())
    if not body.isascii():
        return None
    if not body.endswith("\n"):
        body += "\n"
    data = body.encode("ascii")
    lines = data.count(b"\n")
    # Without its digits every line must read " \n", and no number may be empty: then every line
    # is exactly "digits space digits" (a few C-level passes over the bytes, no per-line work).
    if data.translate(None, _DIGITS) != b" \n" * lines:
        return None
    if data.startswith(b" ") or b"\n " in data or b" \n" in data:
        return None
    # Numbers too long for int64 saturate at its maximum, far above any declared n.
    numbers = np.fromstring(data, dtype=np.intp, sep=" ")
    if len(numbers) != 2 * lines or numbers.min() < 1 or numbers.max() > n:
        return None
    return Framework.from_columns(n, numbers[0::2] - 1, numbers[1::2] - 1)


def _parse_iccma_lines(lines: list[str], file: str | None) -> Framework:
    """Line-by-line parse, naming the first malformed line."""
    n: int | None = None
    attacks: list[tuple[int, int]] = []
    append = attacks.append
    for number, raw in enumerate(lines, start=1):
        parts = raw.split()
        if not parts or parts[0].startswith("#"):
            continue
        if n is None:
            if len(parts) != 3 or parts[0] != "p" or parts[1] != "af" or not parts[2].isdigit():
                raise ParseError(
                    f"expected the header 'p af N' before any attack, got {short_repr(raw.strip())}",
                    file,
                    number,
                    code="A002",
                )
            if len(parts[2]) > _MAX_DIGITS:
                message = f"the header declares {short_repr(parts[2], 30)} arguments, far too many"
                raise ParseError(message, file, number, code="A005")
            n = int(parts[2])
            _check_declared(n, "\n".join(lines), file, number)
            continue
        if len(parts) != 2:
            if parts[0] == "p":
                raise ParseError("a second 'p af' header", file, number, code="A002")
            raise ParseError(
                f"expected an attack 'i j' (two argument numbers), got {short_repr(raw.strip())}",
                file,
                number,
                code="A001",
            )
        a, b = parts
        if not (a.isascii() and a.isdigit() and b.isascii() and b.isdigit()):
            message = f"argument numbers must be positive integers, got {short_repr(raw.strip())}"
            raise ParseError(message, file, number, code="A001")
        if len(a) > _MAX_DIGITS or len(b) > _MAX_DIGITS:
            raise ParseError(
                f"attack {short_repr(raw.strip())} names an argument outside 1..{n}",
                file,
                number,
                code="A003",
            )
        ia, ib = int(a), int(b)
        if not (1 <= ia <= n and 1 <= ib <= n):
            raise ParseError(f"attack {ia} {ib} names an argument outside 1..{n}", file, number, code="A003")
        append((ia, ib))
    if n is None:
        raise ParseError("missing the header 'p af N'", file, 1, code="A002")
    return Framework.from_indices(n, attacks)


def dump_iccma(framework: Framework) -> str:
    """The framework in ``p af N`` format.

    Arguments are numbered in framework order; when their names are not already ``1`` .. ``N``
    a comment line ``# i name`` records each name, so nothing is lost.
    """
    args = framework.arguments
    lines = [f"p af {len(args)}"]
    if list(args) != [str(i) for i in range(1, len(args) + 1)]:
        lines.extend(f"# {i} {name}" for i, name in enumerate(args, start=1))
    for b, column in enumerate(framework.attackers):
        lines.extend(f"{a + 1} {b + 1}" for a in column)
    return "\n".join(lines) + "\n"


# -- APX ----------------------------------------------------------------------------------------


def parse_apx(text: str, file: str | None = None) -> Framework:
    """Parse ASPARTIX ``arg(a).`` / ``att(a,b).`` facts; attacks must name declared arguments."""
    arguments: list[str] = []
    declared: set[str] = set()
    attacks: list[tuple[str, str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("%", 1)[0]
        if not line.strip():
            continue
        pos = 0
        while pos < len(line):
            if not line[pos:].strip():
                break
            match = _APX_FACT.match(line, pos)
            if match is None:
                raise ParseError(
                    f"expected a fact 'arg(a).' or 'att(a,b).', got {short_repr(line[pos:].strip())}",
                    file,
                    number,
                    pos + 1,
                    code="A001",
                )
            kind, first, second = match.groups()
            if kind == "arg":
                if second is not None:
                    raise ParseError("arg(...) takes one argument", file, number, pos + 1, code="A001")
                if first not in declared:
                    declared.add(first)
                    arguments.append(first)
            else:
                if second is None:
                    raise ParseError("att(...) takes two arguments", file, number, pos + 1, code="A001")
                attacks.append((first, second, number))
            pos = match.end()
    for a, b, number in attacks:
        for name in (a, b):
            if name not in declared:
                message = f"att(...) names {short_repr(name)}, which no arg(...) declares"
                raise ParseError(message, file, number, code="A003")
    return Framework(arguments, [(a, b) for a, b, _ in attacks])


def dump_apx(framework: Framework) -> str:
    """The framework as APX facts."""
    lines = [f"arg({name})." for name in framework.arguments]
    lines.extend(f"att({a},{b})." for a, b in framework.attacks)
    return "\n".join(lines) + "\n"


# -- TGF ----------------------------------------------------------------------------------------


def parse_tgf(text: str, file: str | None = None) -> Framework:
    """Parse Trivial Graph Format: arguments, a ``#`` line, attacks."""
    arguments: list[str] = []
    declared: set[str] = set()
    attacks: list[tuple[str, str]] = []
    in_attacks = False
    number = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        parts = raw.split()
        if not parts:
            continue
        if parts == ["#"]:
            if in_attacks:
                raise ParseError("a second '#' separator", file, number, code="A002")
            in_attacks = True
            continue
        if not in_attacks:
            name = parts[0]
            if name in declared:
                raise ParseError(f"argument {short_repr(name)} is declared twice", file, number, code="A004")
            declared.add(name)
            arguments.append(name)
            continue
        if len(parts) < 2:
            raise ParseError(
                f"expected an attack 'a b', got {short_repr(raw.strip())}", file, number, code="A001"
            )
        a, b = parts[0], parts[1]
        for name in (a, b):
            if name not in declared:
                message = f"attack names {short_repr(name)}, which is not declared above '#'"
                raise ParseError(message, file, number, code="A003")
        attacks.append((a, b))
    if not in_attacks:
        raise ParseError(
            "missing the '#' line that separates arguments from attacks", file, max(number, 1), code="A002"
        )
    return Framework(arguments, attacks)


def dump_tgf(framework: Framework) -> str:
    """The framework in Trivial Graph Format."""
    lines = list(framework.arguments)
    lines.append("#")
    lines.extend(f"{a} {b}" for a, b in framework.attacks)
    return "\n".join(lines) + "\n"


# -- dispatch -----------------------------------------------------------------------------------


def detect_format(text: str, path: str | None = None) -> FrameworkFormat:
    """The format of a framework file: from the file suffix, else from its first content line."""
    if path is not None:
        known = _SUFFIXES.get(Path(path).suffix.lower())
        if known is not None:
            return known
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("#") and line != "#":
            continue
        if line.startswith("p "):
            return FrameworkFormat.ICCMA
        if line.startswith(("arg(", "att(", "arg (", "att (")):
            return FrameworkFormat.APX
        return FrameworkFormat.TGF
    return FrameworkFormat.ICCMA


def parse_framework(
    text: str, fmt: FrameworkFormat | str | None = None, file: str | None = None
) -> Framework:
    """Parse a framework in ``fmt`` (detected when ``None``)."""
    chosen = detect_format(text, file) if fmt is None else FrameworkFormat(fmt)
    if chosen is FrameworkFormat.ICCMA:
        return parse_iccma(text, file)
    if chosen is FrameworkFormat.APX:
        return parse_apx(text, file)
    return parse_tgf(text, file)


def read_framework(path: str | Path, fmt: FrameworkFormat | str | None = None) -> Framework:
    """Read a framework file; ``ParseError`` naming the file if it cannot be read or parsed."""
    name = str(path)
    try:
        text = read_text(path)
    except InputError as exc:
        # A ParseError, as callers of this function catch, with the file's own code (F001 ...).
        raise ParseError(diagnostics=exc.diagnostics) from None
    return parse_framework(text, fmt, name)


def dump_framework(framework: Framework, fmt: FrameworkFormat | str) -> str:
    """The framework as text in ``fmt``."""
    chosen = FrameworkFormat(fmt)
    if chosen is FrameworkFormat.ICCMA:
        return dump_iccma(framework)
    if chosen is FrameworkFormat.APX:
        return dump_apx(framework)
    return dump_tgf(framework)


# -- answers ------------------------------------------------------------------------------------


def format_extension(framework: Framework, extension: Iterable[str]) -> str:
    """One extension as an ICCMA witness line, ``w 1 2 5`` (members in framework order)."""
    members = framework.sorted_names(extension)
    return " ".join(["w", *members])


def format_extensions(framework: Framework, extensions: Sequence[Iterable[str]]) -> str:
    """Several extensions, one ``w`` line each; ``NO`` when there is none."""
    if not extensions:
        return "NO"
    return "\n".join(format_extension(framework, ext) for ext in extensions)


def format_acceptance(framework: Framework, answer: Acceptance) -> str:
    """``YES`` or ``NO``, followed by the witness line when the answer carries one."""
    head = "YES" if answer.accepted else "NO"
    if answer.witness is None:
        return head
    return f"{head}\n{format_extension(framework, answer.witness)}"
