"""What checks share: the agenda, its numbering resolution, and indexes built once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..language.nodes import Agenda, Bullet, DocRef, Item, Note, RichText, XRef, walk
from ..language.resolution import Resolution, resolve


@dataclass
class CheckContext:
    agenda: Agenda
    resolution: Resolution
    items: list[tuple[Item, int]]

    @classmethod
    def of(cls, agenda: Agenda) -> CheckContext:
        return cls(agenda, resolve(agenda), walk(agenda.items))

    def texts(self) -> Iterator[tuple[RichText, Item]]:
        """Every line of rich text under items (titles, note lines, bullets) with its item."""
        for item, _depth in self.items:
            yield item.title, item
            for block in item.notes:
                if isinstance(block, Note):
                    for line in block.lines:
                        yield line, item
                elif isinstance(block, Bullet):
                    yield block.text, item

    def xrefs(self) -> Iterator[XRef]:
        for text, _item in self.texts():
            for part in text.parts:
                if isinstance(part, XRef):
                    yield part

    def docrefs(self) -> Iterator[DocRef]:
        """Every document reference: the header's own, in texts, and in @docs."""
        if self.agenda.meeting.reference is not None:
            yield self.agenda.meeting.reference
        for text, _item in self.texts():
            for part in text.parts:
                if isinstance(part, DocRef):
                    yield part
        for item, _depth in self.items:
            yield from item.documents
