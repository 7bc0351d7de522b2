"""The agenda as versioned JSON, for tools (schema in docs/json.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..language import docrefs
from ..language.dates import local_times
from ..language.nodes import (
    Agenda,
    Annexes,
    AnnexRef,
    Attr,
    Bullet,
    DateRange,
    DateValue,
    DocRef,
    Entry,
    FootnoteRef,
    Group,
    Item,
    Link,
    NextMeeting,
    NextMeetings,
    Note,
    Participants,
    Presenter,
    RichText,
    Table,
    Text,
    TextBlock,
    TimeSlot,
    Translation,
    walk,
)
from ..language.resolution import Resolution, resolve
from ..support.gcpause import collector_paused
from . import json_text
from .batching import batched

SCHEMA = "https://agendadsl.org/schema/agenda-1.json"
VERSION = 1


def to_json(agenda: Agenda) -> str:
    """Deterministic, pretty-printed JSON of the whole agenda, with every item's display number."""
    return "".join(json_pieces(agenda))


def json_pieces(agenda: Agenda) -> Iterator[str]:
    """The text of to_json() in consecutive batches, for writing as they come: the text json.dumps
    (indent=2, ensure_ascii=False) would write, from json_text's faster writer."""
    with collector_paused(then_freeze=True):  # the dictionaries of the items: no cycles
        yield from batched(json_text.pieces(_Exporter(agenda).document(), _Streamed))
    yield "\n"


def _value(attr: Attr | None) -> Any:
    if attr is None:
        return None
    value = attr.value
    return value.value if hasattr(value, "value") and not isinstance(value, str) else value


def _date(value: DateValue) -> dict[str, Any]:
    real = value.to_date()
    return {"date": real.isoformat() if real else None, "day": value.day, "month": value.month,
            "year": value.year}


def _dates(dates: DateRange | None) -> dict[str, Any] | None:
    if dates is None:
        return None
    out: dict[str, Any] = {"start": _date(dates.start), "end": _date(dates.end) if dates.end else None}
    if dates.days:
        out["days"] = [_date(day) for day in dates.days]
    if dates.open_end:
        out["open_end"] = True
    return out


def _time(slot: TimeSlot | None) -> dict[str, Any] | None:
    if slot is None:
        return None
    out: dict[str, Any] = {"start": str(slot.start), "end": str(slot.end) if slot.end else None, "zone": slot.zone}
    if slot.approximate:
        out["approximate"] = True
    if slot.open_end:
        out["open_end"] = True
    if slot.also:
        out["also"] = [_time(more) for more in slot.also]
    return out


def _presenter(presenter: Presenter) -> str:
    """The first presenter as written: ``Rapporteur: Ms X``."""
    return f"{presenter.role}: {presenter.name}" if presenter.role else presenter.name


_IN_BODY = (Item, TextBlock, Group, Annexes, Participants, NextMeetings, Table)
"""The entries the outline lists ("body"), in the order entry() tells them apart."""


class _Streamed(list):
    """A list of dictionaries that json's encoder writes without holding them all: each is made
    from its node when the encoder comes to it and dropped once written, so the items of a large
    agenda are never all in memory as dictionaries at once (at 100,000 items, about 100 MB).
    The encoder takes it for a list (it checks ``isinstance(value, list)``) and only iterates it."""

    def __init__(self, make: Callable[[Any], dict[str, Any]], nodes: Sequence[Any]) -> None:
        super().__init__()
        self._make, self._nodes = make, nodes

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self._make, self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)


class _Exporter:
    def __init__(self, agenda: Agenda) -> None:
        self.agenda = agenda
        self.resolution: Resolution = resolve(agenda)
        self.labels = {item.label.value: item for item, _ in walk(agenda.items) if item.label is not None}

    def document(self) -> dict[str, Any]:
        agenda = self.agenda
        position = None
        count = 0
        for entry in agenda.body:
            if isinstance(entry, NextMeetings) and not entry.past and position is None:
                position = count
            elif isinstance(entry, Item):
                count += 1
        return {
            "$schema": SCHEMA,
            "version": VERSION,
            "meeting": self.meeting(),
            "items": _Streamed(self.item, agenda.items),
            "next_meetings": [self.next_meeting(m) for m in agenda.next_meetings],
            "next_meetings_position": position,
            "past_meetings": [self.next_meeting(m) for m in agenda.past_meetings],
            "body": self.body(agenda.body, {id(item): i for i, item in enumerate(agenda.items)}),
            "footnotes": [{"label": note.label, "text": note.text.plain, "text_parts": self.parts(note.text),
                           "line": note.span.line, "translations": self.translations(note.translations)}
                          for note in agenda.footnotes],
        }

    def body(self, entries: tuple[Entry, ...], index: dict[int, int]) -> list[dict[str, Any]]:
        """The agenda's outline in source order: items (by their index in "items"), headings with
        what they hold, text that is not an item, and the next-meetings list."""
        return _Streamed(lambda entry: self.entry(entry, index), [e for e in entries if isinstance(e, _IN_BODY)])

    def entry(self, entry: Entry, index: dict[int, int]) -> dict[str, Any]:
        if isinstance(entry, Item):
            return {"type": "item", "item": index[id(entry)]}
        if isinstance(entry, TextBlock):
            return {"type": "text", "line": entry.span.line, "blocks": [self.block(part) for part in entry.parts]}
        if isinstance(entry, Group):
            return self.group(entry, index)
        if isinstance(entry, Annexes):
            return {"type": "annexes", "line": entry.span.line, "annexes": [
                {"label": a.label, "title": a.title.plain, "title_parts": self.parts(a.title),
                 "translations": self.translations(a.translations)} for a in entry.annexes]}
        if isinstance(entry, Participants):
            return {"type": "participants", "line": entry.span.line,
                    "participants": [{"name": p.name, "role": p.role, "affiliation": p.affiliation,
                                      "voting": p.voting, "attendance": p.attendance} for p in entry.people]}
        if isinstance(entry, NextMeetings):
            return {"type": "past_meetings" if entry.past else "next_meetings"}
        assert isinstance(entry, Table)
        return {"type": "table", "line": entry.span.line, "header": [self.cell(cell) for cell in entry.header],
                "rows": [[self.cell(cell) for cell in row] for row in entry.rows]}

    def cell(self, cell: RichText) -> dict[str, Any]:
        return {"text": cell.plain, "parts": self.parts(cell)}

    def group(self, group: Group, index: dict[int, int]) -> dict[str, Any]:
        return {
            "type": "heading",
            "level": group.level,
            "title": group.title.plain,
            "title_parts": self.parts(group.title),
            "translations": self.translations(group.translations),
            "line": group.span.line,
            "dates": _dates(group.dates),
            "time": _time(group.time),
            "place": _value(group.place),
            "kind": _value(group.kind),
            "session": _value(group.session),
            "break": group.is_break,
            "notes": [self.block(block) for block in group.notes],
            "body": self.body(group.body, index),
        }

    def meeting(self) -> dict[str, Any]:
        m = self.agenda.meeting
        return {
            "body": _value(m.body),
            "title": _value(m.title),
            "kind": _value(m.kind),
            "platform": _value(m.platform),
            "place": _value(m.place),
            "dates": _dates(m.dates),
            "time": _time(m.time),
            "reference": self.docref(m.reference) if m.reference else None,
            "status": {"stage": m.status.stage.value if m.status.stage else None,
                       "revision": m.status.revision, "words": m.status.words} if m.status else None,
            "document_title": _value(m.document_title),
            "chair": _value(m.chair),
            "host": _value(m.host),
            "contact": _value(m.contact),
            "issued": _dates(m.issued),
            "issued_time": _time(m.issued_time),
            "issued_in": _value(m.issued_in),
            "distribution": _value(m.distribution),
            "original_language": _value(m.original),
            "fields": {custom.name: custom.value for custom in m.custom},
            "language": _value(m.language),
            "languages": list(m.languages),
            "translations": self.field_translations(),
            "numbering": [example.value for example in m.numbering],
            "series": [{"name": s.name, "pattern": s.pattern, "url": s.url} for s in m.series],
            "numbers_frozen": bool(m.frozen and m.frozen.value),
            "list_of_documents": bool(m.documents_list and m.documents_list.value),
            "number_label": _value(m.number_label),
            "local_times": self.local_times(),
        }

    def local_times(self) -> list[dict[str, Any]]:
        """``local times:``: each place, its zone, and the meeting's start and end there (ISO 8601
        with the offset), or null when the meeting has no date and zoned time to convert."""
        return [{"place": place.label, "zone": place.zone, "start": start.isoformat() if start else None,
                 "end": end.isoformat() if end else None} for place, start, end in local_times(self.agenda.meeting)]

    def item(self, item: Item) -> dict[str, Any]:
        # Most items have no presenters, documents, notes or sub-items: an empty list costs nothing,
        # a comprehension over an empty tuple a call (0.2 s over 200,000 items for the seven).
        return {
            "number": self.resolution.number_of(item),
            "numbering": item.mark.value,
            "title": item.title.plain,
            "title_parts": self.parts(item.title),
            "translations": self.translations(item.translations) if item.translations else {},
            "label": _value(item.label),
            "line": item.span.line,
            "time": _time(item.time),
            "duration_minutes": item.duration.minutes if item.duration else None,
            "presenter": _presenter(item.presenters[0]) if item.presenters else None,
            "presenters": [{"name": p.name, "role": p.role} for p in item.presenters] if item.presenters else [],
            "action": item.actions[0].value.value if item.actions else None,
            "actions": [a.value.value for a in item.actions] if item.actions else [],
            "fields": {custom.name: custom.value for custom in item.fields} if item.fields else {},
            "status": _value(item.status),
            "session": _value(item.session),
            "documents_state": _value(item.documents_state),
            "visibility": _value(item.visibility),
            "documents": [self.docref(ref) for ref in item.documents] if item.documents else [],
            "document_groups": [{"label": group.label, "documents": [self.docref(ref) for ref in group.refs]}
                                for group in item.document_groups] if item.document_groups else [],
            "child_numbering": _value(item.child_numbering),
            "notes": [self.block(block) for block in item.notes] if item.notes else [],
            "children": [self.item(child) for child in item.children] if item.children else [],
        }

    def block(self, block: Note | Bullet) -> dict[str, Any]:
        if isinstance(block, Bullet):
            out: dict[str, Any] = {"kind": "bullet", "lines": [self.parts(block.text)]}
            if block.status is not None:
                out.update(kind="action", status=block.status, owner=block.owner)
            if block.children:
                out["children"] = [self.block(child) for child in block.children]
            if block.translations:
                out["translations"] = self.translations(block.translations)
            return out
        kind = ("internal" if block.internal else "annotation" if block.annotation else
                "verbatim" if block.verbatim else "note")
        note: dict[str, Any] = {"kind": kind, "lines": [self.parts(line) for line in block.lines]}
        if block.translations:
            note["translations"] = self.translations(block.translations)
        return note

    def translations(self, translations: tuple[Translation, ...]) -> dict[str, Any]:
        """A text's translations by language: its plain text and parts, line by line for a note."""
        return {t.language: {"text": "\n".join(line.plain for line in t.lines),
                             "lines": [self.parts(line) for line in t.lines]} for t in translations}

    def field_translations(self) -> dict[str, dict[str, str]]:
        """The header fields' translations by language: {"fr": {"body": "Comité de Lanzarote"}}."""
        out: dict[str, dict[str, str]] = {}
        names = {"meeting": "title", "title": "document_title"}  # as "meeting" names them above
        for t in self.agenda.meeting.translations:
            out.setdefault(t.language, {})[names.get(t.key, t.key)] = t.value
        return out

    def parts(self, text: RichText) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for part in text.parts:
            if isinstance(part, Text):
                out.append({"text": part.value})
            elif isinstance(part, DocRef):
                out.append({"docref": self.docref(part)})
            elif isinstance(part, Link):
                out.append({"link": {"text": part.text, "url": part.url}})
            elif isinstance(part, FootnoteRef):
                out.append({"footnote": part.label})
            elif isinstance(part, AnnexRef):
                out.append({"annex": part.label})
            else:
                target = self.labels.get(part.label)
                out.append({"xref": part.label,
                            "number": self.resolution.number_of(target) if target is not None else None})
        return out

    def docref(self, ref: DocRef) -> dict[str, Any]:
        series, url = docrefs.link(ref, self.agenda.meeting.series)
        out: dict[str, Any] = {"text": ref.text, "series": series.name if series else None, "url": url}
        if ref.date is not None:
            out["date"] = _dates(ref.date)
        return out

    def next_meeting(self, meeting: NextMeeting) -> dict[str, Any]:
        return {
            "dates": _dates(meeting.dates),
            "dates_tbc": meeting.dates_tbc,
            "place": _value(meeting.place),
            "place_tbc": meeting.place_tbc,
            "kind": _value(meeting.kind),
            "kind_tbc": meeting.kind_tbc,
            "host": _value(meeting.host),
            "host_tbc": meeting.host_tbc,
            "remark": meeting.remark.plain if meeting.remark else None,
            "remark_parts": self.parts(meeting.remark) if meeting.remark else None,
        }

