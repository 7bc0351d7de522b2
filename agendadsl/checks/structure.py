"""Structure checks: the agenda as a whole."""

from __future__ import annotations

from collections.abc import Iterable

from ..language.diagnostics import Diagnostic, Related, error, warning
from ..language.nodes import Table
from ..language.span import Span
from .context import CheckContext
from .registry import check


@check("empty-agenda")
def empty_agenda(context: CheckContext) -> Iterable[Diagnostic]:
    """A file with no items at all (empty, or only a header and comments)."""
    if not context.items:
        yield error("empty-agenda", "the agenda has no items", Span.point(1, 1),
                    "add at least one item, such as '1. Opening of the meeting'")


@check("unknown-language")
def unknown_language(context: CheckContext) -> Iterable[Diagnostic]:
    """A header language that agenda render has no wording for (it would fall back to English)."""
    from ..support.resources import available_languages

    language = context.agenda.meeting.language
    if language is None:
        return
    known = available_languages()
    if language.value.lower().split("-")[0] not in known:
        yield warning("unknown-language", f"there is no wording for the language '{language.value}'; rendered "
                      "agendas will use English", language.span,
                      f"use one of {', '.join(known)}, or add templates/i18n/{language.value.lower()}.toml")


@check("table-row-width")
def table_row_width(context: CheckContext) -> Iterable[Diagnostic]:
    """A table row with more or fewer cells than its header row."""
    for entry in context.entries(Table):
        width = len(entry.header)
        for row in entry.rows:
            if len(row) != width:
                where = row[0].span.to(row[-1].span) if row else entry.span
                cells = "1 cell" if len(row) == 1 else f"{len(row)} cells"
                yield warning("table-row-width", f"this row has {cells}, the header row {width}", where,
                              "separate the cells with '|' (write '\\|' for a '|' in a cell), or leave a cell "
                              "empty between two '|'", (Related(entry.header[0].span, "the header row"),)
                              if entry.header else ())
