"""Tests for argmap._files: bounded reads, harmless writes, escaped terminal output, a failing stdout."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from argmap._files import (
    MAX_INPUT_BYTES,
    check_not_input,
    escape_controls,
    read_bytes,
    read_text,
    run_guarded,
    write_atomic,
)
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


# -- bounded reads --------------------------------------------------------------------------------


def test_read_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    """A FIFO is refused before it is opened (opening it would wait for a writer)."""
    fifo = tmp_path / "map.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        read_text(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_read_refuses_devices(device: str) -> None:
    """/dev/zero would be read until memory runs out: refused as not a regular file."""
    if not os.path.exists(device):
        pytest.skip(f"{device} is missing here")
    with pytest.raises(InputError, match="character device"):
        read_bytes(device)


def test_read_refuses_a_symlink_to_a_device(tmp_path: Path) -> None:
    link = tmp_path / "m.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="character device"):
        read_text(link)


@pytest.mark.parametrize(("size", "ok"), [(100, True), (101, False)])
def test_size_limit(tmp_path: Path, size: int, ok: bool) -> None:
    """At most ``limit`` bytes; one more is a one-line error naming the limit."""
    path = tmp_path / "m.yaml"
    path.write_bytes(b"x" * size)
    if ok:
        assert read_text(path, limit=100) == "x" * size
    else:
        with pytest.raises(InputError, match="file too large"):
            read_text(path, limit=100)


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 65537, 300_000])
@pytest.mark.parametrize("reported", ["true", "smaller", "zero"])
def test_read_gets_the_whole_file_whatever_size_it_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, reported: str
) -> None:
    """The first read is sized by what fstat reports; a file that grew since, or reports no size (as /proc
    files do), is still read to its end, and the limit still holds."""
    path = tmp_path / "m.json"
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path.write_bytes(data)
    if reported != "true":
        real = os.fstat

        def fstat(fd: int) -> os.stat_result:
            info = list(real(fd))
            info[stat.ST_SIZE] = info[stat.ST_SIZE] // 3 if reported == "smaller" else 0
            return os.stat_result(info)

        monkeypatch.setattr(os, "fstat", fstat)
    assert read_bytes(path) == data
    if size > 2:
        with pytest.raises(InputError, match="file too large"):
            read_bytes(path, limit=size - 1)


def test_read_gets_a_proc_file_that_reports_no_size() -> None:
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc here")
    assert status.stat().st_size == 0
    assert "Name:" in read_text(status)


def test_default_limit_refuses_a_sparse_giant_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(InputError, match="the limit is 128 MiB"):
        read_bytes(path)


# -- harmless writes ------------------------------------------------------------------------------


def test_write_to_a_character_device_never_replaces_it() -> None:
    """-o /dev/null writes to the device; the rename of an atomic write would replace it (as root)."""
    before = os.stat("/dev/null")
    assert write_atomic("/dev/null", "data") == Path("/dev/null")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_write_to_a_fifo_without_reader_fails_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="no reader"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_write_to_a_fifo_with_a_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "out.dot"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "digraph {}")
        assert os.read(reader, 100) == b"digraph {}"
    finally:
        os.close(reader)


def test_write_follows_a_symlink(tmp_path: Path) -> None:
    """The file the link names is replaced; the link stays a link."""
    (tmp_path / "real.json").write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    write_atomic(link, "new")
    assert link.is_symlink() and (tmp_path / "real.json").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_write_refuses_a_directory(tmp_path: Path) -> None:
    (tmp_path / "out.svg").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        write_atomic(tmp_path / "out.svg", "x")


@pytest.mark.parametrize(
    ("output", "same"),
    [("m.yaml", True), ("./m.yaml", True), ("sub/../m.yaml", True), ("hard.yaml", True), ("o.yaml", False)],
)
def test_output_must_not_be_an_input(tmp_path: Path, output: str, same: bool) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "m.yaml").write_text("x")
    os.link(tmp_path / "m.yaml", tmp_path / "hard.yaml")
    if same:
        with pytest.raises(InputError, match="would overwrite the input"):
            check_not_input(tmp_path / output, [tmp_path / "m.yaml"])
    else:
        check_not_input(tmp_path / output, [tmp_path / "m.yaml"])
    check_not_input("-", [tmp_path / "m.yaml"])  # stdout is never an input


# -- terminal output ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown", "as_json"),
    [
        ("plain é\ttab\nline", "plain é\ttab\nline", "plain é\ttab\nline"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07", "\\u001b]0;title\\u0007"),
        ("\x1b[2J", "\\x1b[2J", "\\u001b[2J"),
        ("\x9b1m", "\\x9b1m", "\\u009b1m"),
        ("a\u202eb", "a\\u202eb", "a\\u202eb"),
        ("\x00\x7f", "\\x00\\x7f", "\\u0000\\u007f"),
    ],
)
def test_escape_controls(text: str, shown: str, as_json: str) -> None:
    assert escape_controls(text) == shown
    assert escape_controls(text, json=True) == as_json


def test_escape_controls_keeps_only_colour_sequences() -> None:
    assert escape_controls("\x1b[31mE1\x1b[0m \x1b[2J", keep_colour=True) == "\x1b[31mE1\x1b[0m \\x1b[2J"


class _Failing:
    """A stdout whose writes fail as a full device's do."""

    def __init__(self, err: int) -> None:
        self.err = err

    def write(self, data: str) -> int:
        raise OSError(self.err, os.strerror(self.err))

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        raise ValueError("no descriptor")


@pytest.mark.parametrize(
    ("err", "reason"), [(errno.ENOSPC, "No space left"), (errno.EPIPE, "closed the pipe")]
)
def test_run_guarded_reports_a_failing_stdout_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], err: int, reason: str
) -> None:
    monkeypatch.setattr(sys, "stdout", _Failing(err))
    assert run_guarded(lambda: print("hello") or 0, "argmap") == 2
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and reason in message and message.startswith("argmap: error:")
