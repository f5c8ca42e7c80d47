"""Safe file and terminal I/O shared by every stage: bounded reads, harmless writes, safe output.

Owns the limits on what argmap reads (regular files only, at most :data:`MAX_INPUT_BYTES`; the
nesting, integer and framework-size limits the readers apply), the rules for where it writes
(atomic replacement of regular files; devices and FIFOs written in place, never replaced; symlinks
followed; an output never overwrites an input), :func:`escape_controls` (no escape sequence from a
map reaches a terminal; messages bound values with :func:`argmap.diagnostics.short_repr`) and
:func:`run_guarded`, which makes a standard output that fails (full device, closed pipe) one line
and exit code 2 for both console scripts. Imports only :mod:`argmap.errors`; every stage may
import it. ``docs/limits.md`` lists the limits.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.diagnostics import short_repr

__all__ = [
    "ARGUMENTS_PER_BYTE",
    "MAX_ARGUMENTS",
    "MAX_INPUT_BYTES",
    "MAX_INTEGER",
    "MAX_NESTING",
    "MAX_SOURCE_BYTES",
    "check_not_input",
    "decode_utf8",
    "escape_controls",
    "read_bytes",
    "read_text",
    "run_guarded",
    "short_repr",
    "stdout_failed",
    "write_atomic",
]

#: Largest map or framework file read (maps of 100,000 propositions are about 25 MB).
MAX_INPUT_BYTES = 128 * 1024 * 1024
#: Largest source text read for quote checks (a long book is a few MB).
MAX_SOURCE_BYTES = 32 * 1024 * 1024
#: Deepest nesting of mappings and lists in a map file (maps need about 6 levels; every stage
#: that walks the data recursively stays far from Python's recursion limit).
MAX_NESTING = 100
#: Most arguments a framework file may declare (``p af N``): never more than this, and never more
#: than :data:`ARGUMENTS_PER_BYTE` per byte of the file beyond the first million, so a 20-byte file
#: cannot make argmap name a billion arguments.
MAX_ARGUMENTS = 10_000_000
ARGUMENTS_PER_BYTE = 16
#: Largest magnitude of an integer in a map file (64-bit); larger ones are out of range.
MAX_INTEGER = 2**63 - 1

_KINDS = (
    (stat.S_ISDIR, "is a directory, expected a file"),
    (stat.S_ISCHR, "is a character device, expected a regular file"),
    (stat.S_ISBLK, "is a block device, expected a regular file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), expected a regular file"),
    (stat.S_ISSOCK, "is a socket, expected a regular file"),
)


def _kind_problem(mode: int) -> str | None:
    for test, problem in _KINDS:
        if test(mode):
            return problem
    return None if stat.S_ISREG(mode) else "is not a regular file"


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MiB" if count >= 1024 * 1024 else f"{count:,} bytes"


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; else a one-line :class:`InputError`.

    Devices, FIFOs and sockets are refused before they are opened (``/dev/zero`` would never end,
    a FIFO would block), and the size is checked again on what was actually read, so a file that
    grows while being read cannot get past the limit.
    """
    from argmap.errors import InputError  # on use: the error path only, and start-up stays light

    name = os.fspath(path)
    try:
        problem = _kind_problem(os.stat(name).st_mode)
        if problem is not None:
            raise InputError(problem, name, code="F003")
        # O_NONBLOCK: a FIFO swapped in after the stat must not block the open.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", name, code="F001") from None
    except PermissionError:
        raise InputError("permission denied", name, code="F002") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", name, code="F006") from None
    try:
        info = os.fstat(fd)
        problem = _kind_problem(info.st_mode)
        if problem is not None:
            raise InputError(problem, name, code="F003")
        if info.st_size > limit:
            raise InputError(
                f"file too large ({_size(info.st_size)}; the limit is {_size(limit)})", name, code="F005"
            )
        chunks: list[bytes] = []
        total = 0
        # The first read asks for the size the file reports and one byte more, so that its buffer is the
        # file's size: a fixed large buffer, shrunk after each read, made the C heap grow and shrink once
        # per file (measured: about six page faults a file when loading a corpus). Reading goes on until the
        # end of the file is seen, so a file that grows, or reports no size (as /proc files do), is read in
        # whole, up to the limit.
        request = info.st_size + 1
        while total <= limit:
            chunk = os.read(fd, min(request, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            request = 1 if total == info.st_size else 1 << 16
        if total > limit:
            raise InputError(f"file too large (more than the limit of {_size(limit)})", name, code="F005")
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", name, code="F006") from None
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> str:
    """A bounded UTF-8 text file (see :func:`read_bytes`); bad bytes are a one-line :class:`InputError`.

    Newlines are kept as they are in the file, as ``open(..., newline="")`` would.
    """
    return decode_utf8(read_bytes(path, limit), path)


def decode_utf8(data: bytes, path: str | os.PathLike[str] | None) -> str:
    """The text of a file's bytes; bytes that are not UTF-8 are a one-line :class:`InputError` (F004)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from argmap.errors import InputError  # on use: the error path only, and start-up stays light

        where = os.fspath(path) if path is not None else None
        raise InputError(f"not UTF-8 text (byte {exc.start}: {exc.reason})", where, code="F004") from None


# -- writing ------------------------------------------------------------------------------------


def _file_mode(target: Path) -> int:
    """The permissions ``target`` should get: its own if it exists, else what ``open`` would give.

    A temporary file is created private (0600); renaming it over the target would otherwise make
    every output unreadable to other users.
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_in_place(target: Path, payload: bytes) -> Path:
    """Write to a character device or FIFO as a shell redirection would, never replacing it."""
    from argmap.errors import InputError  # on use: the error path only, and start-up stays light

    try:
        # O_NONBLOCK makes opening a FIFO nobody reads fail at once (ENXIO) instead of waiting.
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise InputError("cannot write (a FIFO with no reader)", str(target), code="F007") from None
        raise InputError(f"cannot write ({exc.strerror})", str(target), code="F007") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror})", str(target), code="F007") from None
    finally:
        os.close(fd)
    return target


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to ``path`` so that no reader ever sees half a file and nothing is harmed.

    A regular file is written via a temporary file and a rename; the directory is created when
    missing; the file gets the permissions a plain write would give it (an existing file keeps its
    own). A symlink is followed: the file it points to is replaced, the link stays. A character
    device or FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is written in place, never
    replaced by a file; directories, sockets and block devices are refused.
    """
    from argmap.errors import InputError  # on use: the error path only, and start-up stays light

    given = Path(path)
    # Follow symlinks (every level), so the rename replaces the file the link names, not the link.
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            _write_in_place(target, payload)
            return given
        raise InputError(f"cannot write: it {_kind_problem(mode)}", str(given), code="F003")
    import tempfile  # here: the command line's start-up imports this module, rarely writes

    directory = target.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write ({exc.strerror})", str(given), code="F007") from None
    try:
        os.fchmod(fd, _file_mode(target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write ({exc.strerror})", str(given), code="F007") from None
        raise
    return given


def check_not_input(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse (:class:`InputError`) an output path that names one of the input files.

    Compared by device and inode when both exist (hard links, symlinks, ``./m.yaml``), else by
    resolved path; ``-`` (stdout) is never an input file.
    """
    from argmap.errors import InputError  # on use: the error path only, and start-up stays light

    out = os.fspath(output)
    if out == "-":
        return
    for given in inputs:
        name = os.fspath(given)
        try:
            same = os.path.samefile(out, name)
        except OSError:
            same = os.path.realpath(out) == os.path.realpath(name)
        if same:
            raise InputError(
                f"the output would overwrite the input {name}; choose another -o path", out, code="F008"
            )


# -- bounded and terminal-safe text -------------------------------------------------------------

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
# that reorder what a terminal shows (the "Trojan Source" characters).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_controls(text: str, *, keep_colour: bool = False, json: bool = False) -> str:
    """``text`` with every control character written as a visible escape (``\\x1b``, ``\\u202e``).

    Map texts are printed by ``show``, ``check`` and ``evaluate``; an escape sequence in a map
    must not move the cursor, retitle the window or hide text. Tabs and newlines stay.
    ``keep_colour`` keeps SGR colour sequences (``ESC [ 31 m``) that argmap's own reports add;
    ``json`` writes ``\\u009b`` instead of ``\\x9b``, which keeps JSON output valid (JSON escapes
    C0 controls itself, not C1 or bidirectional controls).
    """
    escape = _json_escaped if json else _escaped
    if not keep_colour:
        return _CONTROLS.sub(escape, text)
    parts = []
    last = 0
    for match in _SGR.finditer(text):
        parts.append(_CONTROLS.sub(escape, text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(_CONTROLS.sub(escape, text[last:]))
    return "".join(parts)


# -- standard output ------------------------------------------------------------------------------

#: errno values of a standard output that cannot take more: closed pipe, full or failed device.
_STDOUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG})


def stdout_failed(exc: BaseException, prog: str = "argmap") -> int | None:
    """If ``exc`` is standard output failing (``> /dev/full``, ``| head -c1``), report it; else ``None``.

    Prints one line on stderr and points stdout at ``/dev/null`` so the interpreter's own flush at
    exit stays quiet; returns exit code 2 (the environment cannot take the output).
    """
    if not isinstance(exc, OSError) or exc.errno not in _STDOUT_ERRNOS:
        return None
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout without a file descriptor (a test runner's capture)
        pass
    reason = "the reader closed the pipe" if exc.errno == errno.EPIPE else (exc.strerror or "write failed")
    with contextlib.suppress(OSError):
        print(f"{prog}: error: cannot write to standard output ({reason})", file=sys.stderr)
    return 2


class _StdoutError(Exception):
    """Standard output failed; not an ``OSError``, so no command or library handler swallows it."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _GuardedStream:
    """A stream whose write and flush errors become :class:`_StdoutError` (binary ``buffer`` too)."""

    __slots__ = ("_stream",)

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> Any:
        try:
            return self._stream.write(data)
        except OSError as exc:
            raise _StdoutError(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _StdoutError(exc) from None

    @property
    def buffer(self) -> _GuardedStream:
        return _GuardedStream(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def run_guarded(run: Callable[[], int | None], prog: str = "argmap") -> int:
    """Run a command-line entry point so that a failing stdout is one line and exit code 2.

    Typer and click exit 1 without a word on a closed pipe, and Python prints a traceback for a
    full device (``argmap show m.yaml > /dev/full``); here every write and the final flush go
    through a guard. ``SystemExit`` from ``run`` passes through once the output is flushed.
    """
    stream = sys.stdout
    guarded = _GuardedStream(stream)
    sys.stdout = guarded
    try:
        try:
            code = run()
        finally:
            guarded.flush()
    except _StdoutError as failure:
        failed = stdout_failed(failure.error, prog)
        return 2 if failed is None else failed
    finally:
        sys.stdout = stream
    return code or 0


def __getattr__(name: str) -> Any:
    # short_repr is re-exported for modules written against it here, loaded on first use so that
    # `argmap --version` (which imports this module for the output guard) does not load attrs.
    if name == "short_repr":
        from argmap.diagnostics import short_repr

        return short_repr
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
