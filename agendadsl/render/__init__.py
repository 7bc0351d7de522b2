"""Rendering: one format-neutral view of an agenda (view.py), one Jinja template set per format
under ``templates/<format>/``, and the formats that are data rather than documents (JSON, iCalendar)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..language.nodes import Agenda
from ..support.gcpause import collector_paused
from . import cldr
from .batching import batched
from .view_model import AgendaView, View

FORMATS = ("html", "latex", "markdown", "json", "ics", "pdf", "docx")
EXTENSIONS = {"html": ".html", "latex": ".tex", "markdown": ".md", "json": ".json", "ics": ".ics", "pdf": ".pdf",
              "docx": ".docx"}
BINARY_FORMATS = ("pdf", "docx")
"""Formats that are bytes, not text: render_bytes makes them, render_text refuses them."""


@dataclass(frozen=True)
class Options:
    """How to render: which view, in which language, with which house style."""

    view: View = View.PUBLIC
    language: str | None = None
    templates: Path | None = None
    fragment: bool = False
    since: tuple[str, Agenda] | None = None
    """A revised agenda: (name, earlier version) to mark the changes since."""
    bilingual: bool = False
    """Two languages side by side: the agenda's own and ``language`` (default: its second)."""


def render_text(agenda: Agenda, fmt: str, options: Options = Options()) -> str:
    """The agenda in a text format: html, latex, markdown, json or ics."""
    return "".join(render_pieces(agenda, fmt, options))


def render_pieces(agenda: Agenda, fmt: str, options: Options = Options()) -> Iterator[str]:
    """The agenda in a text format, as consecutive pieces of a few thousand template outputs each:
    what is written to a file without ever holding the whole output (at 100,000 items, HTML is
    23 million characters)."""
    yield from _pieces(agenda, fmt, options)
    cldr.save()  # what Babel answered for this document, for the next run


def _pieces(agenda: Agenda, fmt: str, options: Options) -> Iterator[str]:
    if fmt == "json":
        from .json_export import json_pieces

        yield from json_pieces(agenda)
        return
    if fmt == "ics":
        from .ics import to_ics

        yield to_ics(agenda, options)
        return
    if fmt in BINARY_FORMATS:
        raise ValueError(f"{fmt} is not a text format: use render_bytes")
    from .environments import FRAGMENT_NAMES, TEMPLATE_NAMES

    name = FRAGMENT_NAMES.get(fmt, TEMPLATE_NAMES[fmt]) if options.fragment else TEMPLATE_NAMES[fmt]
    if fmt == "latex":
        from .tex_lines import short_lines

        yield from short_lines(_templated(agenda, fmt, name, options))
        return
    yield from _templated(agenda, fmt, name, options)


def _templated(agenda: Agenda, fmt: str, name: str, options: Options) -> Iterator[str]:
    """The output of the format's template ``name`` (or its bilingual one), in batches."""
    import jinja2

    from ..language.diagnostics import AgendaError
    from .environments import BILINGUAL_NAMES, template
    from .view import build

    try:
        with collector_paused(then_freeze=True):  # the view and the output: no cycles to speak of
            if options.bilingual:
                if fmt not in BILINGUAL_NAMES:
                    raise AgendaError(f"--bilingual sets two columns in html and latex, not in {fmt}")
                pair = _bilingual(agenda, options)
                pages = template(fmt, BILINGUAL_NAMES[fmt], options.templates)
                yield from batched(pages.generate(view=pair[0], other=pair[1]))
                return
            view = build(agenda, view=options.view, language=options.language, since=options.since,
                         templates=options.templates)
            yield from batched(template(fmt, name, options.templates).generate(view=view))
    except jinja2.TemplateError as problem:
        raise AgendaError(f"the {fmt} template {_where(problem)}: {problem.message or problem}") from None


def _bilingual(agenda: Agenda, options: Options) -> tuple[AgendaView, AgendaView]:
    """The two views of a bilingual agenda: in its own language, and in ``options.language`` or
    else the second language of its header, that one's anchors prefixed with its code."""
    from dataclasses import replace

    from ..language.diagnostics import AgendaError
    from .view import build

    languages = agenda.meeting.languages or ("en",)
    own = languages[0]
    other = options.language if options.language and options.language != own else next(iter(languages[1:]), None)
    if other is None:
        raise AgendaError("--bilingual needs a second language: translate the agenda ('language: "
                          f"{own}, fr' in the header and 'fr: ...' lines), or name one with --language")
    left = build(agenda, view=options.view, language=own, since=options.since, templates=options.templates)
    right = build(agenda, view=options.view, language=other, since=options.since, templates=options.templates,
                  anchors=f"{other}-")
    names = right.tex_languages or {}
    # The page's main language is the left column's: it comes first in the preamble's list.
    left = replace(left, tex_languages={code: names[code] for code in (own, other) if code in names})
    return left, right


def _where(problem: Exception) -> str:
    """``agenda.md.j2, line 48``: the template file and line a Jinja error comes from."""
    import traceback

    name, line = getattr(problem, "name", None), getattr(problem, "lineno", None)
    if line and name:
        return f"{name}, line {line}"
    frames = [f for f in traceback.extract_tb(problem.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}, line {frames[-1].lineno}" if frames else "(unknown place)"


def render_bytes(agenda: Agenda, fmt: str, options: Options = Options()) -> bytes:
    """The agenda in any format, as the bytes to write (PDF through LuaLaTeX)."""
    return b"".join(render_chunks(agenda, fmt, options))


def render_chunks(agenda: Agenda, fmt: str, options: Options = Options()) -> Iterator[bytes]:
    """The bytes of the agenda in any format, in consecutive chunks, for writing as they come."""
    if fmt == "pdf":
        from .ics import _stamp
        from .pdf import compile_latex

        latex = render_text(agenda, "latex", replace(options, fragment=False))
        # SOURCE_DATE_EPOCH cannot be negative: a meeting before 1970 is stamped 1 January 1970, the
        # same on every run, rather than with the time of the run.
        yield compile_latex(latex, epoch=max(0, int(_stamp(agenda).timestamp())))
        return
    if fmt == "docx":
        from .docx import to_docx

        yield to_docx(agenda, options)
        cldr.save()
        return
    for piece in render_pieces(agenda, fmt, options):
        yield piece.encode("utf-8")


def to_json(agenda: Agenda) -> str:
    """The agenda as versioned JSON (kept for the public API)."""
    from .json_export import to_json as export

    return export(agenda)


__all__ = ["BINARY_FORMATS", "EXTENSIONS", "FORMATS", "Options", "View", "render_bytes", "render_chunks",
           "render_pieces", "render_text", "to_json"]
