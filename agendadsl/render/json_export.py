"""The agenda as versioned JSON, for tools (schema in docs/json.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..language import docrefs
from ..language.nodes import (
    Agenda,
    Attr,
    Bullet,
    DateRange,
    DateValue,
    DocRef,
    Item,
    NextMeeting,
    NextMeetings,
    Note,
    RichText,
    Text,
    TimeSlot,
    walk,
)
from ..language.resolution import Resolution, resolve
from ..support.gcpause import collector_paused
from .batching import batched

SCHEMA = "https://agendadsl.org/schema/agenda-1.json"
VERSION = 1


def to_json(agenda: Agenda) -> str:
    """Deterministic, pretty-printed JSON of the whole agenda, with every item's display number."""
    return "".join(json_pieces(agenda))


def json_pieces(agenda: Agenda) -> Iterator[str]:
    """The text of to_json() in consecutive batches, for writing as they come."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    with collector_paused():
        yield from batched(encoder.iterencode(_Exporter(agenda).document()))
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
    return {"start": _date(dates.start), "end": _date(dates.end) if dates.end else None}


def _time(slot: TimeSlot | None) -> dict[str, Any] | None:
    if slot is None:
        return None
    return {"start": str(slot.start), "end": str(slot.end) if slot.end else None, "zone": slot.zone}


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
            if isinstance(entry, NextMeetings) and position is None:
                position = count
            elif isinstance(entry, Item):
                count += 1
        return {
            "$schema": SCHEMA,
            "version": VERSION,
            "meeting": self.meeting(),
            "items": [self.item(item) for item in agenda.items],
            "next_meetings": [self.next_meeting(m) for m in agenda.next_meetings],
            "next_meetings_position": position,
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
                       "revision": m.status.revision} if m.status else None,
            "language": _value(m.language),
            "numbering": [example.value for example in m.numbering],
            "series": [{"name": s.name, "pattern": s.pattern, "url": s.url} for s in m.series],
            "numbers_frozen": bool(m.frozen and m.frozen.value),
        }

    def item(self, item: Item) -> dict[str, Any]:
        return {
            "number": self.resolution.number_of(item),
            "numbering": item.mark.value,
            "title": item.title.plain,
            "title_parts": self.parts(item.title),
            "label": _value(item.label),
            "line": item.span.line,
            "time": _time(item.time),
            "duration_minutes": item.duration.minutes if item.duration else None,
            "presenter": _value(item.presenter),
            "action": _value(item.action),
            "status": _value(item.status),
            "session": _value(item.session),
            "visibility": _value(item.visibility),
            "documents": [self.docref(ref) for ref in item.documents],
            "child_numbering": _value(item.child_numbering),
            "notes": [self.block(block) for block in item.notes],
            "children": [self.item(child) for child in item.children],
        }

    def block(self, block: Note | Bullet) -> dict[str, Any]:
        if isinstance(block, Bullet):
            return {"kind": "bullet", "lines": [self.parts(block.text)]}
        return {"kind": "internal" if block.internal else "note", "lines": [self.parts(line) for line in block.lines]}

    def parts(self, text: RichText) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for part in text.parts:
            if isinstance(part, Text):
                out.append({"text": part.value})
            elif isinstance(part, DocRef):
                out.append({"docref": self.docref(part)})
            else:
                target = self.labels.get(part.label)
                out.append({"xref": part.label,
                            "number": self.resolution.number_of(target) if target is not None else None})
        return out

    def docref(self, ref: DocRef) -> dict[str, Any]:
        series, url = docrefs.link(ref, self.agenda.meeting.series)
        return {"text": ref.text, "series": series.name if series else None, "url": url}

    def next_meeting(self, meeting: NextMeeting) -> dict[str, Any]:
        return {
            "dates": _dates(meeting.dates),
            "dates_tbc": meeting.dates_tbc,
            "place": _value(meeting.place),
            "place_tbc": meeting.place_tbc,
            "kind": _value(meeting.kind),
            "kind_tbc": meeting.kind_tbc,
            "remark": _value(meeting.remark),
        }

