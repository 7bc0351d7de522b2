"""What checks share: the agenda, its numbering resolution, and indexes built once."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..language.nodes import (
    Agenda,
    Annexes,
    Bullet,
    DocRef,
    Entry,
    Group,
    Inline,
    Item,
    NextMeeting,
    NextMeetings,
    Note,
    RichText,
    Table,
    Text,
    TextBlock,
    Translation,
    XRef,
    walk,
)
from ..language.resolution import Resolution, resolve

E = TypeVar("E")
P = TypeVar("P")


@dataclass
class CheckContext:
    agenda: Agenda
    resolution: Resolution
    items: list[tuple[Item, int]]

    @classmethod
    def of(cls, agenda: Agenda) -> CheckContext:
        return cls(agenda, resolve(agenda), walk(agenda.items))

    def entries(self, kind: type[E]) -> list[E]:
        """The entries of one kind other than items (headings, tables, next-meetings blocks...),
        headings' bodies included, in document order: the agenda walked once, not once for each
        check that asks."""
        return self._by_kind.get(kind, [])  # type: ignore[return-value]

    @functools.cached_property
    def _by_kind(self) -> dict[type, list[Entry]]:
        found: dict[type, list[Entry]] = {}
        for entry in self.non_items:
            found.setdefault(type(entry), []).append(entry)
        return found

    @functools.cached_property
    def non_items(self) -> list[Entry]:
        """The body's entries other than items (headings, text, tables, annexes, meetings lists),
        headings' bodies included, in document order: a few among what may be thousands of items,
        which each check that looks for them no longer passes over."""
        return [entry for entry in self.agenda.groups_and_body() if not isinstance(entry, Item)]

    @property
    def groups(self) -> list[Group]:
        """Every heading, subheadings included, in document order (``agenda.groups``)."""
        return self.entries(Group)

    @functools.cached_property
    def next_meetings(self) -> tuple[NextMeeting, ...]:
        """``agenda.next_meetings``."""
        return tuple(m for block in self.entries(NextMeetings) if not block.past for m in block.meetings)

    @functools.cached_property
    def past_meetings(self) -> tuple[NextMeeting, ...]:
        """``agenda.past_meetings``."""
        return tuple(m for block in self.entries(NextMeetings) if block.past for m in block.meetings)

    def texts(self) -> Iterator[tuple[RichText, Item | None]]:
        """Every line of rich text (titles, note lines, bullets, and their translations) with its
        item: the items', then the headings' and the text blocks' (whose item is None)."""
        return iter(self._texts)

    @functools.cached_property
    def _texts(self) -> list[tuple[RichText, Item | None]]:
        # Gathered once: six checks read every text, and walking the agenda again for each was a
        # third of the checks' time on a flat list of 200,000 items.
        return self._gather_texts()

    def _gather_texts(self) -> list[tuple[RichText, Item | None]]:
        # The items' texts are appended in a plain loop: a generator's step per item took longer
        # than the rest.
        texts: list[tuple[RichText, Item | None]] = []
        for item, _depth in self.items:
            texts.append((item.title, item))
            if item.translations:  # most items have neither: no generator made for them
                texts.extend((line, item) for line in _translated(item.translations))
            if item.notes:
                texts.extend((line, item) for line in _lines(item.notes))
        texts.extend(self._other_texts())
        return texts

    def _other_texts(self) -> Iterator[tuple[RichText, None]]:
        """The texts of the headings, text blocks, footnotes, annexes, meetings lists and tables."""
        for entry in self.non_items:
            if isinstance(entry, Group):
                yield entry.title, None
                yield from ((line, None) for line in _translated(entry.translations))
                yield from ((line, None) for line in _lines(entry.notes))
            elif isinstance(entry, TextBlock):
                yield from ((line, None) for line in _lines(entry.parts))
        for note in self.agenda.footnotes:
            yield note.text, None
            yield from ((line, None) for line in _translated(note.translations))
        for entry in self.non_items:
            if isinstance(entry, Annexes):
                for annex in entry.annexes:
                    yield annex.title, None
                    yield from ((line, None) for line in _translated(annex.translations))
            elif isinstance(entry, NextMeetings):
                yield from ((meeting.remark, None) for meeting in entry.meetings if meeting.remark is not None)
            elif isinstance(entry, Table):
                yield from ((cell, None) for row in (entry.header, *entry.rows) for cell in row)

    def parts(self, kind: type[P]) -> list[P]:
        """The parts of one kind other than plain text (cross-references, document and annex
        references, footnote markers, links) of every text, in the order of texts()."""
        return self._parts_by_kind.get(kind, [])  # type: ignore[return-value]

    @functools.cached_property
    def _parts_by_kind(self) -> dict[type, list[Inline]]:
        # Sorted once: four checks look for a kind of part, and each passed over every text for it.
        found: dict[type, list[Inline]] = {}
        for text, _item in self._texts:
            parts = text.parts
            if len(parts) == 1 and parts[0].__class__ is Text:  # most texts: nothing but text
                continue
            for part in parts:
                if part.__class__ is not Text:
                    found.setdefault(type(part), []).append(part)
        return found

    def xrefs(self) -> Iterator[XRef]:
        return iter(self.parts(XRef))

    def docrefs(self) -> Iterator[DocRef]:
        """Every document reference: the header's own, in texts, and in @docs."""
        if self.agenda.meeting.reference is not None:
            yield self.agenda.meeting.reference
        yield from self.parts(DocRef)
        for item, _depth in self.items:
            yield from item.documents


def _lines(blocks: tuple[Note | Bullet, ...]) -> Iterator[RichText]:
    """The lines of paragraphs and bullets and of their translations, bullets under bullets included."""
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if isinstance(block, Note):
            yield from block.lines
        else:
            yield block.text
            stack.extend(reversed(block.children))
        yield from _translated(block.translations)


def _translated(translations: tuple[Translation, ...]) -> Iterator[RichText]:
    for translation in translations:
        yield from translation.lines
