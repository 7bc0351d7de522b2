"""Hover, go to definition, find references and rename: what the text under the cursor is."""

from __future__ import annotations

from lsprotocol import types

from agendadsl import Span
from agendadsl.checks.index import AgendaIndex
from agendadsl.language.inline import valid_label
from agendadsl.language.nodes import DateRange, DateValue

from .analysis import Analysis

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def hover(analysis: Analysis, params: types.HoverParams) -> types.Hover | None:
    """A cross-reference: the item's number and title; a document reference: its series and
    link; a date: its weekday."""
    index = analysis.index
    if index is None:
        return None
    line, column = analysis.lines.column(params.position)
    found = _hover_text(index, line, column)
    if found is None:
        return None
    text, span = found
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text), analysis.lines.range(span))


def _hover_text(index: AgendaIndex, line: int, column: int) -> tuple[str, Span] | None:
    for xref in index.xrefs:
        if _at(xref.span, line, column):
            item = index.item_labelled(xref.label)
            if item is None:
                return f"no item is labelled `{{#{xref.label}}}`", xref.span
            number = index.number_of(item)
            return f"**{number + ' ' if number else ''}{item.title.plain.strip()}**", xref.span
    for ref in index.docrefs:
        if _at(ref.span, line, column):
            series, url = index.link(ref)
            if series is None:
                return f"`{ref.text}`: no declared series", ref.span
            text = f"`{ref.text}`: series **{series.name}** (`{series.pattern}`)"
            return (text + f"\n\n[{url}]({url})" if url else text), ref.span
    for dates in index.dates():
        if _at(dates.span, line, column):
            return _weekdays(dates), dates.span
    return None


def _weekdays(dates: DateRange) -> str:
    """``Thursday 2 April 2026``; a range or list of days gives each day's weekday."""
    days = [dates.start, *dates.days] + ([dates.end] if dates.end is not None else [])
    said = [_day(day) for day in days]
    joiner = " to " if dates.end is not None and not dates.days else ", "
    return joiner.join(said)


def _day(day: DateValue) -> str:
    real = day.to_date()
    if real is None:
        return "not a complete date: no weekday"
    return f"{WEEKDAYS[real.weekday()]} {real.day} {MONTHS[real.month - 1]} {real.year}"


def _at(span: Span, line: int, column: int) -> bool:
    """Whether a position is on a span, its end included (the cursor right after it)."""
    return span.line <= line <= span.end_line and (span.line < line or span.column <= column) and (
        line < span.end_line or column <= span.end_column)


def definition(analysis: Analysis, params: types.DefinitionParams) -> list[types.Location] | None:
    index, label = _label(analysis, params.position)
    if index is None or label is None or label not in index.definitions:
        return None
    return [types.Location(params.text_document.uri, analysis.lines.range(span)) for span in index.definitions[label]]


def references(analysis: Analysis, params: types.ReferenceParams) -> list[types.Location] | None:
    index, label = _label(analysis, params.position)
    if index is None or label is None:
        return None
    declarations = index.definitions.get(label, []) if params.context.include_declaration else []
    return [types.Location(params.text_document.uri, analysis.lines.range(span))
            for span in declarations + index.references_to(label)]


def prepare_rename(analysis: Analysis, params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
    index = analysis.index
    found = index.label_at(*analysis.lines.column(params.position)) if index is not None else None
    if found is None:
        return None
    label, span = found
    return types.PrepareRenamePlaceholder(analysis.lines.range(span), label)


class Refused(ValueError):
    """A rename that cannot be done; the message says why."""


def rename(analysis: Analysis, position: types.Position, uri: str, new_name: str) -> types.WorkspaceEdit | None:
    """Every definition of the label and every reference to it, renamed. A name that cannot be a
    label is refused with the reason (the editor shows it)."""
    index, label = _label(analysis, position)
    if index is None or label is None:
        return None
    if analysis.agenda is None:  # a line left out for its syntax error may use the label too
        raise Refused("fix the syntax errors first: a line that does not parse may use this label")
    if not valid_label(new_name):
        raise Refused(f"'{new_name}' cannot be a label: a label starts with a letter and has only letters, "
                         "digits, '_', '.' and '-'")
    edits = [types.TextEdit(analysis.lines.range(span), new_name) for span in index.name_spans(label)]
    return types.WorkspaceEdit(changes={uri: edits})


def _label(analysis: Analysis, position: types.Position) -> tuple[AgendaIndex | None, str | None]:
    index = analysis.index
    found = index.label_at(*analysis.lines.column(position)) if index is not None else None
    return index, found[0] if found is not None else None
