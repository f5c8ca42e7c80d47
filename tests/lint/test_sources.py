"""Where source texts may be read from: confined to the map's directory or ``--sources``.

A map from someone else must not make ``argmap check`` read (and echo, as the closest passage
of a misquote) any file on the machine: absolute paths, ``..`` paths and symlinks out of the map's
directory are V007 diagnostics and are never opened. Texts are bounded regular files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.formats import load
from argmap.lint import validate

_MAP = """argmap: 1
title: t
sources:
  - {{id: s, title: S, text: "{text}"}}
propositions:
  - id: a
    text: t
    citation: {{source: s, locator: l, quote: "secret line of the text X"}}
"""


def _codes_and_messages(tmp_path: Path, text: str, sources_dir: Path | None = None) -> tuple[list[str], str]:
    path = tmp_path / "maps" / "m.yaml"
    path.write_text(_MAP.format(text=text), encoding="utf-8")
    found = [d for d in validate(load(path), sources_dir=sources_dir) if d.code.startswith("V")]
    return [d.code for d in found], " ".join(f"{d.message} {d.hint}" for d in found)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "maps" / "texts").mkdir(parents=True)
    (tmp_path / "outside.txt").write_text("secret line of the text", encoding="utf-8")
    (tmp_path / "maps" / "texts" / "inside.txt").write_text("secret line of the text", encoding="utf-8")
    (tmp_path / "maps" / "texts" / "out-link.txt").symlink_to(tmp_path / "outside.txt")
    (tmp_path / "maps" / "in-link.txt").symlink_to(tmp_path / "maps" / "texts" / "inside.txt")
    (tmp_path / "maps" / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "maps" / "fifo.txt")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("texts/inside.txt", None),
        ("in-link.txt", None),  # a symlink that stays inside
        ("./texts/../texts/inside.txt", None),
        ("/etc/passwd", "an absolute path"),
        ("../outside.txt", "outside the map's directory"),
        ("texts/out-link.txt", "outside the map's directory"),
        ("zero.txt", "outside the map's directory"),
        ("fifo.txt", "FIFO"),
    ],
)
def test_text_paths_are_confined(tree: Path, text: str, problem: str | None) -> None:
    codes, messages = _codes_and_messages(tree, text)
    if problem is None:
        assert codes == ["V003"], messages  # read and checked: the quote is not in it
        assert "secret line of the text" in messages  # the closest passage comes from the text
    else:
        assert codes == ["V007"] and problem in messages, messages
        assert 'secret line of the text"' not in messages.replace("X", "")


def test_sources_directory_is_a_root_too(tree: Path) -> None:
    """With --sources, a text: path may point into that directory as well."""
    codes, messages = _codes_and_messages(tree, "../outside.txt", sources_dir=tree)
    assert codes == ["V003"], messages
