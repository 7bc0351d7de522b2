"""Completion: attribute names after '@', header fields at the start of a header line, labels
inside '{...}' and declared series inside '[...]'. The words come from the grammar and from the
last version of the document that parsed, so they are offered while a line is half written."""

from __future__ import annotations

from lsprotocol import types

from agendadsl.checks.index import AgendaIndex, body_start
from agendadsl.language.vocabulary import (
    Completing,
    attribute_names,
    completion_context,
    custom_attribute_names,
    header_fields,
)

from .analysis import Analysis

TRIGGERS = ["@", "{", "["]


def complete(analysis: Analysis, params: types.CompletionParams) -> types.CompletionList | None:
    position = params.position
    line, column = analysis.lines.column(position)
    before = analysis.lines.line(line)[: column - 1]
    agenda = analysis.last_good
    first = body_start(agenda) if agenda is not None else None
    context = completion_context(before, in_header=first is None or line < first)
    if context is None:
        return None
    start = analysis.lines.position(line, context.start + 1)
    replaced = types.Range(start, position)

    def item(label: str, kind: types.CompletionItemKind, insert: str | None = None,
             detail: str | None = None) -> types.CompletionItem:
        return types.CompletionItem(label, kind=kind, detail=detail,
                                    text_edit=types.TextEdit(replaced, insert if insert is not None else label))

    items: list[types.CompletionItem] = []
    if context.kind is Completing.ATTRIBUTE:
        declared = tuple(f.value for f in agenda.meeting.fields) if agenda is not None else ()
        items = [item(name, types.CompletionItemKind.Property, name + " ") for name in attribute_names()]
        items += [item(name, types.CompletionItemKind.Property, name + " ", "declared in fields:")
                  for name in custom_attribute_names(declared)]
    elif context.kind is Completing.FIELD:
        items = [item(name, types.CompletionItemKind.Field, name + ": ") for name in header_fields()]
    elif context.kind is Completing.LABEL and agenda is not None:
        index = analysis.index or AgendaIndex(agenda)
        items = [item(label, types.CompletionItemKind.Reference, detail=_described(index, label))
                 for label in index.definitions]
    elif context.kind is Completing.SERIES and agenda is not None:
        items = [item(series.name, types.CompletionItemKind.Module, detail=series.pattern)
                 for series in agenda.meeting.series]
    return types.CompletionList(is_incomplete=False, items=items)


def _described(index: AgendaIndex, label: str) -> str | None:
    """The number and title of the item a label names, shown beside it."""
    labelled = index.item_labelled(label)
    if labelled is None:
        return None
    number, title = index.number_of(labelled), labelled.title.plain.strip()
    return f"{number} {title}" if number else title
