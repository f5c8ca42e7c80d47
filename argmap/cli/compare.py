"""The ``argmap compare`` command and link-file support for ``argmap check``, registered on the main app.

``argmap compare A B --links L`` prints what changed between two maps (text, Markdown or JSON);
``--suggest`` lists proposed links (``--accept`` adds them to L); ``--stamp`` refreshes L's
fingerprints; ``--diagram`` writes the joint diagram and ``--html`` the comparison page of the HTML
viewer; ``--schema`` prints the link file's JSON Schema. :func:`check_paths` lets ``argmap check``
take link files (recognised by their ``argmap-links:`` key) beside maps. Exit codes as everywhere:
0 success, 1 problems found (a link file with errors), 2 unusable input.
"""

import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli._common import EXIT_PROBLEMS, choice, fail

if TYPE_CHECKING:
    from argmap.comparison import LinkSet, Suggestion
    from argmap.lint.check import FileReport
    from argmap.model import ArgumentMap

__all__ = ["check_paths", "register", "run_compare"]

_FORMATS = ("text", "markdown", "json")


def _relative(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()


def _format_suggestions(found: Sequence["Suggestion"], fmt: str) -> str:
    if fmt == "json":
        rows = [
            {
                "a": s.a,
                "b": s.b,
                "score": round(s.score, 4),
                "text": round(s.text, 4),
                "same_theme": s.same_theme,
                "same_pole": s.same_pole,
                "same_role": s.same_role,
            }
            for s in found
        ]
        return json.dumps({"argmap-suggestions": 1, "suggestions": rows}, indent=2) + "\n"
    if fmt == "markdown":
        lines = [
            "| a | b | score | text | theme | pole | role |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for s in found:
            marks = ["yes" if flag else "" for flag in (s.same_theme, s.same_pole, s.same_role)]
            lines.append(f"| `{s.a}` | `{s.b}` | {s.score:.2f} | {s.text:.2f} | " + " | ".join(marks) + " |")
        return "\n".join(lines) + "\n"
    lines = [f"{'score':>5}  {'a':<28} b"]
    for s in found:
        flags = "".join(
            c if f else "." for c, f in zip("TPR", (s.same_theme, s.same_pole, s.same_role), strict=True)
        )
        lines.append(f"{s.score:5.2f}  {s.a:<28} {s.b}  [{flags}]")
    lines.append("(T: aligned themes, P: corresponding poles, R: same role)")
    return "\n".join(lines) + "\n"


def _warn_link_problems(diagnostics: Iterable[object]) -> int:
    from argmap.errors import Diagnostic, Severity

    errors = 0
    for diag in diagnostics:
        assert isinstance(diag, Diagnostic)
        if diag.severity is Severity.INFO:
            continue
        errors += diag.severity is Severity.ERROR
        typer.echo(f"argmap: {diag.severity.value}: {diag}", err=True)
    return errors


def run_compare(
    map_a: Annotated[
        Path | None, typer.Argument(metavar="A", help="The earlier map.", show_default=False)
    ] = None,
    map_b: Annotated[
        Path | None, typer.Argument(metavar="B", help="The later map.", show_default=False)
    ] = None,
    links_file: Annotated[
        Path | None, typer.Option("--links", "-l", help="Link file between A and B (argmap-links: 1).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    semantics: Annotated[
        str, typer.Option("--semantics", "-s", help="Semantics for strengths and the balance (default qe).")
    ] = "qe",
    suggest_links: Annotated[
        bool, typer.Option("--suggest", help="List suggested links instead of the report.")
    ] = False,
    per_proposition: Annotated[
        int, typer.Option("--top", help="Suggestions per proposition of A.", min=1)
    ] = 3,
    min_score: Annotated[float, typer.Option("--min-score", help="Leave out weaker suggestions.")] = 0.0,
    accept_all: Annotated[
        bool,
        typer.Option("--accept", help="With --suggest: add the suggestions to --links (created if new)."),
    ] = False,
    stamp_links: Annotated[
        bool,
        typer.Option("--stamp", help="Refresh the fingerprints in --links after reviewing changed texts."),
    ] = False,
    diagram: Annotated[
        Path | None,
        typer.Option(
            "--diagram", help="Also write the joint diagram (.svg, .png, .pdf, .dot or view .json)."
        ),
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the link file's JSON Schema and exit.")
    ] = False,
    html_page: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="Also write the comparison page of the HTML viewer: the joint diagram beside the report.",
        ),
    ] = None,
) -> None:
    """Compare two maps: what persisted, appeared, disappeared, was contradicted or moved pole."""
    from argmap import formats
    from argmap._files import write_atomic
    from argmap.comparison import (
        LinkSet,
        MapRef,
        accept,
        dump_links,
        links_schema,
        load_links,
        stamp,
        suggest,
    )
    from argmap.errors import ArgmapError
    from argmap.evaluation import SEMANTICS

    if schema:
        typer.echo(json.dumps(links_schema(), indent=2))
        return
    if map_a is None or map_b is None:
        raise typer.BadParameter("two maps are needed: argmap compare A B", param_hint="A B")
    choice(fmt, _FORMATS, "--format")
    choice(semantics, SEMANTICS, "--semantics")
    _check_usage(links_file, suggest_links=suggest_links, accept_all=accept_all, stamp_links=stamp_links)
    try:
        a, b = formats.load(map_a), formats.load(map_b)
        links: LinkSet | None = None
        if links_file is not None and (links_file.exists() or not accept_all):
            links = load_links(links_file)
    except ArgmapError as error:
        fail(error)
    problems = _check_against(links, links_file, a, b, (map_a, map_b), stamping=stamp_links) if links else 0

    def write_links(new: "LinkSet") -> None:
        assert links_file is not None
        try:
            dump_links(stamp(new, a, b), links_file)
        except ArgmapError as error:
            fail(error)
        typer.echo(f"wrote {links_file}", err=True)

    if stamp_links and links is not None:
        write_links(links)
    if suggest_links:
        found = suggest(a, b, links, per_proposition=per_proposition, min_score=min_score)
        _emit(_format_suggestions(found, fmt), output, write_atomic)
        if accept_all:
            assert links_file is not None
            base = links_file.parent
            start = links or LinkSet(
                MapRef(_relative(map_a, base)), MapRef(_relative(map_b, base)), path=str(links_file)
            )
            write_links(accept(start, found))
        raise typer.Exit(EXIT_PROBLEMS if problems else 0)
    if links is None:
        typer.echo(
            "argmap: note: no --links given: every proposition counts as appeared or disappeared; "
            "try --suggest",
            err=True,
        )
        links = LinkSet(MapRef(str(map_a)), MapRef(str(map_b)))
    _report(
        a,
        b,
        links,
        fmt=fmt,
        semantics=semantics,
        output=output,
        diagram=diagram,
        names=(map_a, map_b, links_file),
        html_page=html_page,
    )
    raise typer.Exit(EXIT_PROBLEMS if problems else 0)


def _check_against(
    links: "LinkSet",
    links_file: Path | None,
    a: "ArgumentMap",
    b: "ArgumentMap",
    given: tuple[Path, Path],
    *,
    stamping: bool,
) -> int:
    """Warn about the link file's problems against the maps given; return how many are errors."""
    from argmap.comparison import check_links

    named = (links.map_path("a").resolve(), links.map_path("b").resolve())
    if named != (given[0].resolve(), given[1].resolve()):
        typer.echo(
            f"argmap: warning: {links_file} links {links.a.path} and {links.b.path};"
            f" comparing {given[0]} and {given[1]} as given",
            err=True,
        )
    checked = check_links(links, {"a": a, "b": b})
    # Fingerprint warnings are what --stamp is for; do not repeat them while stamping.
    shown = [d for d in checked.diagnostics if not (stamping and d.code in ("K003", "K006", "K007"))]
    return _warn_link_problems(shown)


def _check_usage(
    links_file: Path | None, *, suggest_links: bool, accept_all: bool, stamp_links: bool
) -> None:
    if accept_all and not suggest_links:
        raise typer.BadParameter("--accept only goes with --suggest", param_hint="--accept")
    if (accept_all or stamp_links) and links_file is None:
        raise typer.BadParameter("name the link file to write with --links", param_hint="--links")


def _report(
    a: "ArgumentMap",
    b: "ArgumentMap",
    links: "LinkSet",
    *,
    fmt: str,
    semantics: str,
    output: Path | None,
    diagram: Path | None,
    names: tuple[Path, Path, Path | None],
    html_page: Path | None = None,
) -> None:
    from argmap._files import write_atomic
    from argmap.comparison import compare, format_comparison
    from argmap.errors import ArgmapError

    result = compare(a, b, links, semantics=semantics)
    options = {}
    if fmt == "markdown":
        map_a, map_b, links_file = names
        options = {
            "links_path": str(links_file) if links_file else None,
            "a_name": f"`{map_a}`",
            "b_name": f"`{map_b}`",
        }
    _emit(format_comparison(result, fmt, **options), output, write_atomic)
    if diagram is not None:
        from argmap.comparison.diagram import write_diagram

        try:
            write_diagram(a, b, links, diagram, comparison=result)
        except ArgmapError as error:
            fail(error)
        typer.echo(f"wrote {diagram}", err=True)
    if html_page is not None:
        from argmap.comparison.html import write_comparison_html

        try:
            write_comparison_html(a, b, links, html_page, comparison=result)
        except ArgmapError as error:
            fail(error)
        typer.echo(f"wrote {html_page}", err=True)


def _emit(text: str, output: Path | None, write: Callable[[Path, str], object]) -> None:
    from argmap.errors import ArgmapError

    if output is None or str(output) == "-":
        typer.echo(text, nl=False)
        return
    try:
        write(output, text)
    except ArgmapError as error:
        fail(error)
    typer.echo(f"wrote {output}", err=True)


def check_paths(
    paths: Sequence[Path],
    check_maps: Callable[[list[Path]], list["FileReport"]],
    link_codes: frozenset[str] | None = None,
) -> list["FileReport"]:
    """Reports for ``paths`` in order: link files checked here, the rest by ``check_maps``.

    ``link_codes`` are the K rules to report (all when ``None``); see
    :func:`argmap.comparison.check.split_selection`.
    """
    from argmap.comparison import check_links, is_link_file, load_links
    from argmap.errors import ArgmapError
    from argmap.lint.check import FileReport

    def sniff(path: Path) -> bool:
        if not path.is_file():  # a FIFO would block, a device never end: the map loader refuses them
            return False
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                return is_link_file(handle.read(4096))
        except OSError:
            return False  # the map loader reports the file as unreadable

    kinds = [sniff(path) for path in paths]
    maps = iter(check_maps([p for p, is_links in zip(paths, kinds, strict=True) if not is_links]))
    reports: list[FileReport] = []
    for path, is_links in zip(paths, kinds, strict=True):
        if not is_links:
            reports.append(next(maps))
            continue
        try:
            checked = check_links(load_links(path))
        except ArgmapError as error:
            # The link file's own coded diagnostics (Y001, M003 ...), as a map file's would be.
            reports.append(FileReport.unreadable(os.fspath(path), error, links=True))
            continue
        kept = tuple(
            d
            for d in checked.diagnostics
            if link_codes is None or not d.code.startswith("K") or d.code in link_codes
        )
        reports.append(FileReport(os.fspath(path), kept, links=True))
    return reports


def register(app: typer.Typer) -> None:
    """Add the ``compare`` command to ``app``."""
    app.command("compare")(run_compare)
