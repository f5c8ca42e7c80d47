"""Tests for argmap._files: atomic writes (content, permissions, no leftovers) and one-line read errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from argmap._files import read_text, write_atomic
from argmap.errors import InputError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("data", ["text é\n", b"\x00\x01bytes"])
def test_write_atomic_writes_content_and_leaves_no_temporary_file(tmp_path: Path, data: str | bytes) -> None:
    """The target holds exactly the data and the directory holds nothing else."""
    target = write_atomic(tmp_path / "sub" / "out.txt", data)
    expected = data.encode("utf-8") if isinstance(data, str) else data
    assert target.read_bytes() == expected
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    """A new output is as readable as one written by open(): 0666 minus the umask, not 0600."""
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "new.svg", "x")
    finally:
        os.umask(old)
    assert _mode(target) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    """Overwriting keeps the mode the user gave the file."""
    target = tmp_path / "kept.dot"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert _mode(target) == 0o640


def test_unwritable_target_is_one_input_error(tmp_path: Path) -> None:
    """A path under a regular file cannot be written: InputError naming it, nothing left behind."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(blocker / "out.svg", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "is a directory"),
        (lambda p: (p.write_bytes(b"\xff\xfe"), p)[1], "not UTF-8"),
    ],
)
def test_read_text_errors_are_one_line(tmp_path: Path, make: object, message: str) -> None:
    """Missing files, directories and non-UTF-8 bytes give a one-line InputError naming the file."""
    path = make(tmp_path / "map.yaml")  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as caught:
        read_text(path)
    assert "map.yaml" in str(caught.value) and "\n" not in str(caught.value)
