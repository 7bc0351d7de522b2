"""The body of ``agenda render``, without typer: cli/render.py is its typer definition, and the fast
path (cli/fast.py) calls this directly. watch and serve render through it too."""

from __future__ import annotations

import enum
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..language.diagnostics import AgendaError
from .common import ColorMode, analyse_file, check_language, load_version, usage_error, use_color
from .report import EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from ..language.source import SourceFile
    from ..render import Options
    from .outputs import Target


class ViewChoice(str, enum.Enum):
    public = "public"
    annotated = "annotated"
    internal = "internal"


def render(files: list[str], to: str, output: str | None, view: ViewChoice, language: str | None,
           templates: Path | None, fragment: bool, bilingual: bool, final: bool, changes_since: str | None,
           color: ColorMode, quiet: bool, jobs: int | None) -> None:
    """Render each file to each format of ``to`` (comma-separated) where ``output`` says, and exit
    with the worst status of the files (SystemExit: 0, 1 an agenda with errors, 2 usage or I/O)."""
    from .outputs import parse_formats, plan

    try:
        formats = parse_formats(to)
        if fragment and set(formats) - {"html", "latex"}:
            others = ", ".join(f for f in formats if f not in ("html", "latex"))
            raise AgendaError(f"--fragment applies to html and latex, not to {others}: a fragment of it would "
                              "not be a file of its own kind; render it without --fragment")
        if bilingual and (fragment or set(formats) - {"html", "latex", "pdf"}):
            others = "--fragment" if fragment else ", ".join(f for f in formats if f not in ("html", "latex", "pdf"))
            raise AgendaError(f"--bilingual sets two columns side by side in html, latex and pdf, not in {others}; "
                              "render the other formats once per language with --language")
        targets = plan(files, formats, output)
        options = replace(render_options(view, language, templates, fragment), bilingual=bilingual)
    except AgendaError as problem:
        usage_error(problem)
    if changes_since is not None:
        earlier = load_version(changes_since, color)
        if earlier is None:
            raise SystemExit(EXIT_PROBLEMS)
        options = replace(options, since=(changes_since, earlier))
    sources = dict.fromkeys(t.source for t in targets)
    groups = [(source, [t for t in targets if t.source == source]) for source in sources]
    status = 0
    if len(groups) == 1 or "-" in files or any(t.path is None for t in targets):
        for source, group in groups:
            status = max(status, render_once(source, group, options, final, color, quiet))
        raise SystemExit(status)
    import functools

    from .jobs import in_order

    # Each file's messages are kept by its worker and printed here in the order of the command line,
    # its diagnostics first, then the files it wrote: the same text whatever the number of workers.
    decided = ColorMode.always if use_color(color) else ColorMode.never
    work = functools.partial(render_captured, options=options, final=final, color=decided, quiet=quiet)
    for outcome, out, err in in_order(work, groups, jobs):
        sys.stderr.write(err)
        sys.stderr.flush()
        sys.stdout.write(out)
        sys.stdout.flush()
        status = max(status, outcome)
    raise SystemExit(status)



def render_options(view: ViewChoice, language: str | None, templates: Path | None, fragment: bool) -> Options:
    """The rendering options the command line asks for; AgendaError when they cannot be met."""
    from ..render import Options, View

    if templates is not None and not templates.is_dir():
        raise AgendaError(f"{templates}: not a folder of templates")
    check_language(language, templates)
    return Options(View(view.value), language, templates, fragment)


def render_captured(group: tuple[str, list[Target]], options: Options, final: bool, color: ColorMode,
                    quiet: bool) -> tuple[int, str, str]:
    """A worker's job: render one input to its targets; the exit status and what it printed."""
    from .jobs import captured

    source, targets = group
    return captured(lambda: render_once(source, targets, options, final, color, quiet))


def render_once(source: str, targets: list[Target], options: Options, final: bool, color: ColorMode,
                quiet: bool = False) -> int:
    """Render one input to each of its targets; the exit status for it."""
    from ..render import render_chunks
    from .files import write_output
    from .report import FileReport, format_text

    try:
        report, agenda = analyse_file(source)
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        return EXIT_USAGE
    problems = list(report.diagnostics)
    if agenda is not None and final:
        from ..render.final import unconfirmed

        problems += unconfirmed(agenda)
    if problems:
        sys.stderr.write(format_text(FileReport(source, report.source, problems), color=use_color(color)))
    if agenda is None or any(d.is_error for d in problems):
        sys.stderr.write(f"{source}: not rendered because of the errors above\n")
        return EXIT_PROBLEMS
    status = 0
    for target in targets:  # one failed format (say, PDF without TeX) does not stop the others
        try:
            chunks = render_chunks(agenda, target.fmt, options)
            if target.path is None:
                # Standard output gets nothing unless the whole render succeeds.
                sys.stdout.buffer.write(b"".join(chunks))
                sys.stdout.flush()
            else:
                target.path.parent.mkdir(parents=True, exist_ok=True)
                written = write_output(target.path, chunks)
                if not quiet:
                    sys.stdout.write(f"{'wrote' if written else 'unchanged'} {target.path}\n")
        except AgendaError as problem:
            sys.stderr.write(f"agenda: error: {source}{_where(problem, report.source)}: {problem}\n")
            status = EXIT_USAGE
        except OSError as problem:
            where = target.path if target.path is not None else "standard output"
            sys.stderr.write(f"agenda: error: {where}: {problem.strerror or problem}\n")
            status = EXIT_USAGE
    return status


def _where(problem: AgendaError, source: SourceFile | None) -> str:
    """``:3:12``, the line and column of the first character of the source that no PDF font has,
    when that is the problem; else nothing."""
    char = getattr(problem, "char", None)
    if char is None or source is None or char not in source.text:
        return ""
    before = source.text[:source.text.index(char)]
    return f":{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"
