"""The meeting and its next meetings as iCalendar events (RFC 5545), through the icalendar library.

UIDs are stable: a meeting is known by its body and the month it starts in, so re-publishing an
agenda, or the next agenda listing the same meeting, updates the calendar entry instead of
adding a second one. Output is deterministic: DTSTAMP is SOURCE_DATE_EPOCH when set, else the
first day of the meeting.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import TYPE_CHECKING

from ..language.dates import time_zone
from ..language.nodes import Agenda, DateRange, NextMeeting, TimeSlot
from .view import build

if TYPE_CHECKING:
    from . import Options

PRODID = "-//agendadsl//agendadsl//EN"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "meeting"


def _zone(name: str | None) -> datetime.tzinfo | None:
    return time_zone(name) if name is not None else None


def _stamp(agenda: Agenda) -> datetime.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    first = agenda.meeting.dates.start.to_date() if agenda.meeting.dates else None
    first = first or datetime.date(2000, 1, 1)
    return datetime.datetime(first.year, first.month, first.day, tzinfo=datetime.UTC)


def _when(dates: DateRange, time: TimeSlot | None) -> tuple[object, object] | None:
    first, last = dates.start.to_date(), dates.last.to_date()
    if first is None or last is None:
        return None
    if time is None or (dates.end is not None and first != last):
        return first, last + datetime.timedelta(days=1)  # all-day: DTEND is exclusive
    zone = _zone(time.zone)
    start = datetime.datetime(first.year, first.month, first.day, time.start.hour % 24, time.start.minute, tzinfo=zone)
    if time.end is None:
        end = start + datetime.timedelta(hours=1)
    else:
        end = datetime.datetime(first.year, first.month, first.day, tzinfo=zone) + datetime.timedelta(
            hours=time.end.hour, minutes=time.end.minute)
    if isinstance(zone, datetime.timezone):  # UTC or a fixed offset: written in UTC, needing no VTIMEZONE
        return start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    return start, end


class _Uids:
    def __init__(self, body: str) -> None:
        self.body = _slug(body)
        self.used: set[str] = set()

    def __call__(self, dates: DateRange) -> str:
        first = dates.start.to_date()
        base = f"{self.body}-{first:%Y-%m}" if first else f"{self.body}-undated"
        uid, n = base, 2
        while uid in self.used:
            uid, n = f"{base}-{n}", n + 1
        self.used.add(uid)
        return f"{uid}@agendadsl"


def to_ics(agenda: Agenda, options: Options) -> str:
    """An iCalendar file with the meeting (when dated) and each next meeting."""
    from icalendar import Calendar, Event

    view = build(agenda, view=options.view, language=options.language)
    meeting = agenda.meeting
    body = meeting.body.value if meeting.body else (view.meeting.heading_title or "Meeting")
    uids = _Uids(body)
    stamp = _stamp(agenda)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")

    def event(uid: str, when: tuple[object, object], summary: str, location: str | None,
              description: str | None, tentative: bool) -> Event:
        entry = Event()
        entry.add("uid", uid)
        entry.add("dtstamp", stamp)
        entry.add("dtstart", when[0])
        entry.add("dtend", when[1])
        entry.add("summary", summary)
        if location:
            entry.add("location", location)
        if description:
            entry.add("description", description)
        entry.add("status", "TENTATIVE" if tentative else "CONFIRMED")
        entry.add("transp", "OPAQUE")
        return entry

    if meeting.dates is not None:
        when = _when(meeting.dates, meeting.time)
        if when is not None:
            lines = []
            for item in view.items:
                text = "".join(part.text for part in item.title)
                lines.append(f"{item.number} {text}" if item.number else text)
            location = ", ".join(p for p in (view.meeting.place, view.meeting.platform) if p) or None
            title = view.meeting.heading_title
            summary = f"{body}: {title}" if title and title != body else body
            calendar.add_component(event(uids(meeting.dates), when, summary, location, "\n".join(lines), False))
    for next_meeting, shown in zip(agenda.next_meetings, _next_views(view), strict=True):
        when = _when(next_meeting.dates, None)
        if when is None:
            continue
        summary = f"{body}: {shown.kind}" if shown.kind else body
        description = "; ".join(p for p in (shown.tbc_note, shown.remark) if p) or None
        calendar.add_component(event(uids(next_meeting.dates), when, summary, shown.place, description,
                                     _tentative(next_meeting)))
    if hasattr(calendar, "add_missing_timezones"):
        calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


def _next_views(view):
    return [meeting for block in view.blocks for meeting in block.meetings]


def _tentative(meeting: NextMeeting) -> bool:
    return meeting.dates_tbc or meeting.place_tbc or meeting.kind_tbc
