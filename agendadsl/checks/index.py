"""An agenda's index for editors: where each label is defined and referred to, where its document
references, dates and times are, what each item displays as its number, and its outline.

Built from the same context the checks use, so the editor and ``agenda check`` agree on what a
label, a reference or an item number is.
"""

from __future__ import annotations

import enum
import functools
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass

from ..language import docrefs
from ..language.inline import label_name
from ..language.nodes import (
    Agenda,
    Annexes,
    DateRange,
    DocRef,
    Entry,
    Group,
    Item,
    Meeting,
    NextMeetings,
    Participants,
    Series,
    Table,
    TextBlock,
    TimeSlot,
    XRef,
    walk,
)
from ..language.span import Span
from .context import CheckContext


class SymbolKind(enum.Enum):
    ITEM = "item"
    GROUP = "group"          # a heading: a day, a sitting, a break
    MEETINGS = "meetings"    # the "next meetings:" or "past meetings:" block
    MEETING = "meeting"      # one of its meetings
    BLOCK = "block"          # participants, annexes, a table


@dataclass(frozen=True)
class Symbol:
    """One entry of the outline: ``span`` runs from its first line to its last (what is indented
    under it included); ``selection`` is its heading line."""

    name: str
    kind: SymbolKind
    span: Span
    selection: Span
    children: tuple[Symbol, ...] = ()
    detail: str | None = None


class AgendaIndex:
    """What an editor asks about an agenda, computed once per version of the text."""

    def __init__(self, agenda: Agenda) -> None:
        self.agenda = agenda
        self.context = CheckContext.of(agenda)
        self.definitions: dict[str, list[Span]] = {}
        """Each label with every place it is defined (more than one is a duplicate-label error)."""
        for item, _depth in self.context.items:
            if item.label is not None:
                self.definitions.setdefault(item.label.value, []).append(item.label.span)
        self.xrefs: list[XRef] = list(self.context.xrefs())
        self.docrefs: list[DocRef] = list(self.context.docrefs())

    @property
    def series(self) -> tuple[Series, ...]:
        return self.agenda.meeting.series

    def item_labelled(self, label: str) -> Item | None:
        """The first item with ``label``."""
        return next((item for item, _depth in self.context.items
                     if item.label is not None and item.label.value == label), None)

    def number_of(self, item: Item) -> str | None:
        """The number ``item`` displays (an automatic one resolved), or None when unnumbered."""
        return self.context.resolution.number_of(item)

    def link(self, ref: DocRef) -> tuple[Series | None, str | None]:
        """The declared series of a document reference and its safe URL, each None if there is none."""
        return docrefs.link(ref, self.series)

    def label_at(self, line: int, column: int) -> tuple[str, Span] | None:
        """The label defined (``{#label}``) or referred to (``{label}``) at a position, and where
        its name is written there."""
        for xref in self.xrefs:
            if _inside(xref.span, line, column):
                return xref.label, label_name(xref.span, definition=False)
        for label, spans in self.definitions.items():
            for span in spans:
                if _inside(span, line, column):
                    return label, label_name(span, definition=True)
        return None

    def references_to(self, label: str) -> list[Span]:
        """Every cross-reference to ``label``, in source order."""
        return [xref.span for xref in self.xrefs if xref.label == label]

    def name_spans(self, label: str) -> list[Span]:
        """Where the name ``label`` is written, in its definitions and every cross-reference to it:
        what renaming the label rewrites."""
        return [*(label_name(span, definition=True) for span in self.definitions.get(label, ())),
                *(label_name(span, definition=False) for span in self.references_to(label))]

    def dates(self) -> Iterator[DateRange]:
        """Every date the agenda gives: the meeting's, its issue, each heading's, each next or
        past meeting's and each document's date."""
        meeting = self.agenda.meeting
        yield from (d for d in (meeting.dates, meeting.issued) if d is not None)
        for entry in self.agenda.groups_and_body():
            if isinstance(entry, Group) and entry.dates is not None:
                yield entry.dates
            elif isinstance(entry, NextMeetings):
                yield from (m.dates for m in entry.meetings)
        yield from (ref.date for ref in self.docrefs if ref.date is not None)

    def times(self) -> Iterator[TimeSlot]:
        """Every time of day the agenda gives: the meeting's, the headings' and the items'."""
        meeting = self.agenda.meeting
        yield from (t for t in (meeting.time, meeting.issued_time) if t is not None)
        yield from (g.time for g in self.agenda.groups if g.time is not None)
        yield from (item.time for item, _depth in self.context.items if item.time is not None)

    @functools.cached_property
    def symbols(self) -> tuple[Symbol, ...]:
        """The outline, computed once."""
        return tuple(self.outline())

    def outline(self) -> list[Symbol]:
        """The agenda's structure: headings, items, the meetings blocks, as nested symbols."""
        return [symbol for entry in self.agenda.body if (symbol := self.symbol(entry)) is not None]

    def numbers_in(self, entry: Entry) -> tuple[str | None, ...]:
        """The number of every item in a top-level entry, sub-items and a heading's items included:
        with the entry itself, all that its symbol depends on."""
        return tuple(self.number_of(item) for item, _depth in walk(_top_items(entry)))

    def symbol(self, entry: Entry) -> Symbol | None:
        """A top-level entry's symbol in the outline, with those of what it holds; None for text."""
        if isinstance(entry, Item):
            return self._item(entry)
        if isinstance(entry, Group):
            children = tuple(s for e in entry.body if (s := self.symbol(e)) is not None)
            return Symbol(entry.title.plain.strip() or "#" * entry.level, SymbolKind.GROUP, extent(entry),
                          entry.span, children, "break" if entry.is_break else None)
        if isinstance(entry, NextMeetings):
            meetings = tuple(Symbol(m.dates.text or "meeting", SymbolKind.MEETING, m.span, m.dates.span,
                                    detail=m.place.value if m.place else None) for m in entry.meetings)
            name = "past meetings" if entry.past else "next meetings"
            return Symbol(name, SymbolKind.MEETINGS, extent(entry), entry.span, meetings)
        if isinstance(entry, (Participants, Annexes, Table)):
            name = {Participants: "participants", Annexes: "annexes", Table: "table"}[type(entry)]
            return Symbol(name, SymbolKind.BLOCK, extent(entry), entry.span)
        assert isinstance(entry, TextBlock)
        return None

    def _item(self, item: Item) -> Symbol:
        number = self.number_of(item)
        title = item.title.plain.strip()
        name = f"{number} {title}" if number and title else number or title or "(untitled item)"
        return Symbol(name, SymbolKind.ITEM, extent(item),
                      item.span, tuple(self._item(child) for child in item.children))

    def folds(self) -> list[tuple[int, int]]:
        """Line ranges (1-based, inclusive) an editor can fold: the header, each heading, item
        and block over more than one line, and each run of comment lines."""
        found: list[tuple[int, int]] = []
        header = [value.span for name in _field_names(Meeting)
                  for value in _values(getattr(self.agenda.meeting, name)) if isinstance(value.span, Span)]
        if header:
            found.append((min(span.line for span in header), max(span.end_line for span in header)))
        stack = list(self.symbols)
        while stack:
            symbol = stack.pop()
            found.append((symbol.span.line, symbol.span.end_line))
            stack.extend(symbol.children)
        lines = sorted(comment.span.line for comment in self.agenda.comments)
        start = previous = None
        for line in [*lines, None]:
            if previous is not None and line != previous + 1:
                found.append((start, previous))  # type: ignore[arg-type]
                start = None
            start = line if start is None else start
            previous = line
        return sorted({(first, last) for first, last in found if last > first})


def body_start(agenda: Agenda) -> int | None:
    """The first line after the header (that of the first item, heading or text), None if none."""
    return min((entry.span.line for entry in agenda.body if entry.span.line), default=None)


def extent(node: object) -> Span:
    """From where a node starts to where the last thing under it ends (its children, attributes
    and notes included)."""
    span: Span = node.span  # type: ignore[attr-defined]
    line, column = _end(node)
    return Span(span.line, span.column, line, column) if (line, column) > (span.end_line, span.end_column) else span


def _end(node: object) -> tuple[int, int]:
    """Where the last thing in a node ends. A single value (a title, a time) ends where its span
    does; a collection (children, notes, meetings, rows) is in source order, so only its last
    element is looked into (it may have children of its own): each item costs its depth, not its
    whole subtree."""
    span: Span = node.span  # type: ignore[attr-defined]
    best = (span.end_line, span.end_column)
    for field_value in _contents(type(node))(node):
        if not field_value:
            continue  # None and (): most of a node's fields
        value = field_value
        collection = type(value) is tuple  # a Span is a tuple too, but one of its own type
        while type(value) is tuple and value:
            value = value[-1]  # the last child, the last note, the last cell of the last row
        inner = getattr(value, "span", None)
        if isinstance(inner, Span) and inner.line:
            best = max(best, _end(value) if collection else (inner.end_line, inner.end_column))
    return best


def _contents(cls: type) -> Callable[[object], tuple]:
    """Reads a node's fields but its span, in one call: the outline asks for every item's."""
    reader = _READERS.get(cls)
    if reader is None:
        names = tuple(name for name in _field_names(cls) if name != "span")
        reader = _READERS[cls] = (operator.attrgetter(*names) if len(names) > 1
                                  else lambda node: tuple(getattr(node, name) for name in names))
    return reader


_READERS: dict[type, Callable[[object], tuple]] = {}


def _top_items(entry: Entry) -> tuple[Item, ...]:
    """The items written at the top level in an entry: the entry itself, or a heading's items."""
    if isinstance(entry, Item):
        return (entry,)
    if isinstance(entry, Group):
        return tuple(item for inner in entry.body for item in _top_items(inner))
    return ()


def _values(value: object) -> tuple:
    """A header field's values: the field's one value, or each value of a repeated field (series)."""
    if isinstance(value, tuple) and not isinstance(value, Span):
        return value
    return () if value is None else (value,)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A node class's field names, read once per class."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else ()
    return names


def _inside(span: Span, line: int, column: int) -> bool:
    """Whether a position is in a one-line span, its end included (the cursor right after it)."""
    return span.line == line and span.column <= column <= span.end_column
