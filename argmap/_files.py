"""File helpers shared by every stage that writes: atomic writes, readable input errors."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from argmap.errors import InputError

__all__ = ["read_text", "write_atomic"]


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file, turning OS and decoding errors into one-line :class:`InputError`."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, expected a file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None


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


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename, so no reader sees half a file.

    The directory is created when missing; the file gets the permissions a plain write would
    give it (an existing file keeps its own).
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror})") from None
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
            raise InputError(f"{target}: cannot write ({exc.strerror})") from None
        raise
    return target
