"""Every hostile input through every command, each in a child process under a timeout and 1 GiB.

The corpus is ``tests/hostile/inputs/`` (committed, small) plus inputs built here at run time
(files over the size limit as sparse files, FIFOs, device symlinks, hostile output paths). Each
case runs one command line in a subprocess with ``RLIMIT_AS`` set and a timeout, in a fresh
directory, and checks the promises of ``docs/limits.md`` and the README: the documented exit
code, stderr made of ``argmap: ...`` lines only (never a traceback), no raw control character on
stdout, no file left behind on failure, inputs never changed. The cases run two at a time from
one fixture (the machine has two cores); the parametrized test then checks each one.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from argmap._files import MAX_INPUT_BYTES

INPUTS = Path(__file__).resolve().parent / "inputs"
BIN = Path(sys.executable).parent
TIMEOUT = 60  # seconds per command: generous for a loaded machine; a hang runs into it
MEMORY = 1 << 30  # bytes of address space per child

#: Commands every map input goes through; ``{map}`` is the input, ``{out}`` the case directory.
MAP_COMMANDS: dict[str, list[str]] = {
    "check": ["argmap", "check", "{map}"],
    "show": ["argmap", "show", "{map}"],
    "render-dot": ["argmap", "render", "{map}", "-f", "dot", "-o", "{out}/map.dot"],
    "render-svg": ["argmap", "render", "{map}", "-o", "{out}/map.svg"],
    "convert": ["argmap", "convert", "{map}", "-o", "{out}/map.json"],
    "evaluate-qe": ["argmap", "evaluate", "{map}"],
    "evaluate-preferred": ["argmap", "evaluate", "{map}", "-s", "preferred"],
}
FRAMEWORK_COMMANDS: dict[str, list[str]] = {
    "af": ["argmap", "af", "{map}", "-s", "preferred"],
    "iccma": ["argmap-iccma", "-p", "DS-PR", "-f", "{map}", "-a", "1"],
}

#: Commands that load a map exactly as another one in the table does (run on loadable maps only).
_SAME_LOADING = ("render-svg", "evaluate-preferred")

#: Map inputs argmap cannot use at all: exit 2 from every command, check reports them unreadable.
UNREADABLE = [
    "alias-bomb-key.yaml",
    "argdown-control-character.argdown",
    "argdown-unclosed-data.argdown",
    "alias-bomb-role.yaml",
    "binary.yaml",
    "deep-nesting.json",
    "deep-nesting-2000.json",
    "deep-nesting.yaml",
    "empty.yaml",
    "huge-base-score.yaml",
    "huge-integer.json",
    "infinite-base-score.yaml",
    "lone-surrogate.json",
    "long-line.yaml",
    "not-a-mapping.yaml",
    "yaml-bad-tag.yaml",
]
#: Map inputs that load: command -> exit codes allowed (default: 0).
LOADABLE: dict[str, dict[str, tuple[int, ...]]] = {
    # The text: paths are V007 warnings, never reads; H001 is a warning too.
    "source-absolute-path.yaml": {"check": (0,)},
    "source-escaping-path.yaml": {"check": (0,)},
    "control-characters.yaml": {},
    # S009 (no premises) is an error: check and evaluate exit 1, render warns.
    "empty-lists.yaml": {"check": (1,), "evaluate-qe": (1,), "evaluate-preferred": (1,)},
    "twenty-contradictions.yaml": {},
}
FRAMEWORKS = ["declared-billion.af", "declared-huge.af", "attack-out-of-range.af"]


@dataclass
class Case:
    """One command line and what it must do."""

    name: str
    argv: list[str]
    codes: tuple[int, ...]
    #: Files the case directory may hold afterwards (besides inputs put there by ``setup``).
    outputs: tuple[str, ...] = ()
    setup: Callable[[Path], None] | None = None
    check: Callable[[Path, Result], None] | None = None
    stdout: int | None = None  # a file descriptor for stdout instead of a pipe (see ``run``)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    timed_out: bool
    leftovers: list[str]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _argv(argv: list[str], map_path: Path) -> list[str]:
    return [str(BIN / argv[0]), *(a.replace("{map}", str(map_path)) for a in argv[1:])]


def run(case: Case, where: Path) -> Result:
    """Run ``case`` in the directory ``where`` (``{out}`` in its arguments names it)."""
    where.mkdir(parents=True, exist_ok=True)
    if case.setup is not None:
        case.setup(where)
    before = {p.name for p in where.iterdir()}
    env = {**os.environ, "NO_COLOR": "1", "OPENBLAS_NUM_THREADS": "1", "COLUMNS": "100", **case.extra}
    out = subprocess.PIPE if case.stdout is None else case.stdout
    with subprocess.Popen(
        [a.replace("{out}", str(where)) for a in case.argv],
        cwd=where,
        stdout=out,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=_limit_memory,  # noqa: PLW1509 - no threads start before exec in the child
        start_new_session=True,
    ) as child:
        try:
            raw_out, raw_err = child.communicate(timeout=TIMEOUT)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            raw_out, raw_err = child.communicate()
            timed_out = True
    after = sorted(p.name for p in where.iterdir() if p.name not in before)
    return Result(
        child.returncode,
        (raw_out or b"").decode("utf-8", "replace"),
        (raw_err or b"").decode("utf-8", "replace"),
        timed_out,
        after,
    )


# -- the cases ----------------------------------------------------------------------------------


def _no_passwd(_where: Path, result: Result) -> None:
    assert "root:x:0:0" not in result.stdout + result.stderr


def _map_cases() -> Iterator[Case]:
    for name in UNREADABLE:
        for command, argv in MAP_COMMANDS.items():
            if command in _SAME_LOADING:
                continue
            yield Case(f"{name}:{command}", _argv(argv, INPUTS / name), (2,))
    for name, codes in LOADABLE.items():
        for command, argv in MAP_COMMANDS.items():
            outputs = {"render-dot": ("map.dot",), "render-svg": ("map.svg",), "convert": ("map.json",)}
            yield Case(
                f"{name}:{command}",
                _argv(argv, INPUTS / name),
                codes.get(command, (0,)),
                outputs.get(command, ()),
                check=_no_passwd,
            )
    for name in FRAMEWORKS:
        for command, argv in FRAMEWORK_COMMANDS.items():
            yield Case(f"{name}:{command}", _argv(argv, INPUTS / name), (2,))
    yield Case("schema", [str(BIN / "argmap"), "schema"], (0,))


_TINY = "argmap: 1\ntitle: tiny\npropositions:\n  - {id: a, text: A}\n"


def _put(name: str, text: str = _TINY) -> Callable[[Path], None]:
    def setup(where: Path) -> None:
        (where / name).write_text(text, encoding="utf-8")

    return setup


def _sparse(where: Path) -> None:
    # Over the size limit without writing a byte: refused by its size, before reading.
    with open(where / "big.yaml", "wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)


def _fifo(name: str) -> Callable[[Path], None]:
    def setup(where: Path) -> None:
        os.mkfifo(where / name)

    return setup


def _link(name: str, target: str) -> Callable[[Path], None]:
    def setup(where: Path) -> None:
        os.symlink(target, where / name)

    return setup


def _both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(where: Path) -> None:
        for step in steps:
            step(where)

    return setup


def _unchanged(name: str, text: str = _TINY) -> Callable[[Path, Result], None]:
    def check(where: Path, _result: Result) -> None:
        assert (where / name).read_text(encoding="utf-8") == text

    return check


def _still_device(_where: Path, _result: Result) -> None:
    import stat

    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def _link_kept(where: Path, _result: Result) -> None:
    assert (where / "link.json").is_symlink() and "argmap" in (where / "real.json").read_text()


def _one_line(where: Path, result: Result) -> None:
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


_SOURCE_MAP = (
    "argmap: 1\ntitle: t\nsources:\n  - {{id: s, title: S, text: {text}}}\n"
    "propositions:\n  - id: a\n    text: t\n    citation: {{source: s, locator: l, quote: q}}\n"
)


def _runtime_cases() -> Iterator[Case]:
    argmap = str(BIN / "argmap")
    yield Case("too-large:check", [argmap, "check", "big.yaml"], (2,), setup=_sparse)
    yield Case("too-large:show", [argmap, "show", "big.yaml"], (2,), setup=_sparse)
    yield Case("fifo-map:show", [argmap, "show", "f.yaml"], (2,), setup=_fifo("f.yaml"))
    yield Case("fifo-map:check", [argmap, "check", "f.yaml"], (2,), setup=_fifo("f.yaml"))
    yield Case("dev-zero-map:show", [argmap, "show", "z.yaml"], (2,), setup=_link("z.yaml", "/dev/zero"))
    yield Case("dev-zero-framework:af", [argmap, "af", "z.af"], (2,), setup=_link("z.af", "/dev/zero"))
    yield Case(
        "dev-zero-framework:iccma",
        [str(BIN / "argmap-iccma"), "-p", "SE-GR", "-f", "/dev/zero"],
        (2,),
    )
    # Source texts: a symlink out of the map's directory, a FIFO inside it.
    yield Case(
        "source-dev-zero:check",
        [argmap, "check", "m.yaml"],
        (0,),
        setup=_both(_put("m.yaml", _SOURCE_MAP.format(text="zero.txt")), _link("zero.txt", "/dev/zero")),
    )
    yield Case(
        "source-fifo:check",
        [argmap, "check", "m.yaml"],
        (0,),
        setup=_both(_put("m.yaml", _SOURCE_MAP.format(text="f.txt")), _fifo("f.txt")),
    )
    # Outputs.
    yield Case(
        "output-is-input:render",
        [argmap, "render", "m.yaml", "-f", "dot", "-o", "m.yaml"],
        (2,),
        setup=_put("m.yaml"),
        check=_unchanged("m.yaml"),
    )
    yield Case(
        "output-is-input:convert",
        [argmap, "convert", "m.yaml", "-o", "./m.yaml"],
        (2,),
        setup=_put("m.yaml"),
        check=_unchanged("m.yaml"),
    )
    yield Case(
        "output-dev-null:render",
        [argmap, "render", "m.yaml", "-f", "dot", "-o", "/dev/null"],
        (0,),
        setup=_put("m.yaml"),
        check=_still_device,
    )
    yield Case(
        "output-fifo-no-reader:convert",
        [argmap, "convert", "m.yaml", "-o", "p.json"],
        (2,),
        setup=_both(_put("m.yaml"), _fifo("p.json")),
        check=_one_line,
    )
    yield Case(
        "output-symlink:convert",
        [argmap, "convert", "m.yaml", "-o", "link.json"],
        (0,),
        ("real.json",),
        setup=_both(_put("m.yaml"), _link("link.json", "real.json")),
        check=_link_kept,
    )
    yield Case(
        "output-directory:convert",
        [argmap, "convert", "m.yaml", "-o", "d.json"],
        (2,),
        setup=_both(_put("m.yaml"), lambda where: (where / "d.json").mkdir()),
        check=_one_line,
    )
    full = os.open("/dev/full", os.O_WRONLY) if os.path.exists("/dev/full") else None
    if full is not None:
        for command in (["show", "m.yaml"], ["schema"], ["render", "m.yaml", "-f", "dot", "-o", "-"]):
            yield Case(
                f"stdout-full:{command[0]}",
                [argmap, *command],
                (2,),
                setup=_put("m.yaml"),
                stdout=full,
                check=_one_line,
            )
        yield Case(
            "stdout-full:iccma",
            [str(BIN / "argmap-iccma"), "-p", "SE-GR", "-f", "f.af"],
            (2,),
            setup=_put("f.af", "p af 2\n1 2\n"),
            stdout=full,
            check=_one_line,
        )
    yield Case("empty-select:check", [argmap, "check", "m.yaml", "--select", ""], (2,), setup=_put("m.yaml"))
    yield Case(
        "blank-select:check", [argmap, "check", "m.yaml", "--select", " , "], (2,), setup=_put("m.yaml")
    )


def _closed_pipe_case() -> Case:
    read_end, write_end = os.pipe()
    os.close(read_end)
    return Case(
        "stdout-closed-pipe:show",
        [str(BIN / "argmap"), "show", "m.yaml"],
        (2,),
        setup=_put("m.yaml"),
        stdout=write_end,
        check=_one_line,
    )


CASES = [*_map_cases(), *_runtime_cases(), _closed_pipe_case()]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Result]]:
    """Every case run once, two at a time."""
    base = tmp_path_factory.mktemp("hostile")

    def one(indexed: tuple[int, Case]) -> tuple[str, tuple[Path, Result]]:
        k, case = indexed
        where = base / f"case{k}"
        return case.name, (where, run(case, where))

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(one, enumerate(CASES)))


_CONTROLS = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n", "\t"}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_fails_safe(case: Case, results: dict[str, tuple[Path, Result]]) -> None:
    """Documented exit code, argmap's own one-line errors, nothing raw or half-written left."""
    where, result = results[case.name]
    assert not result.timed_out, f"no answer within {TIMEOUT} s"
    assert result.code in case.codes, f"exit {result.code}, expected {case.codes}\n{result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr
    for line in result.stderr.splitlines():
        assert line.startswith(("argmap: ", "argmap-iccma: ")), f"stray stderr line: {line[:200]!r}"
        assert len(line) < 2000
    assert not _CONTROLS & set(result.stdout), "a raw control character reached stdout"
    leftovers = [n for n in result.leftovers if n not in case.outputs]
    assert not leftovers, f"left behind: {leftovers}"
    if result.code != 0:
        assert not [n for n in result.leftovers if n in case.outputs], "an output written on failure"
    if case.check is not None:
        case.check(where, result)
