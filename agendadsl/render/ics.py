"""The meeting and its next meetings as iCalendar events (RFC 5545), written line by line as the
icalendar library wrote them; the library still writes each VTIMEZONE.

UIDs are stable: a meeting is known by its body and the month it starts in, so re-publishing an
agenda, or the next agenda listing the same meeting, updates the calendar entry instead of
adding a second one. Output is deterministic: DTSTAMP is SOURCE_DATE_EPOCH when set, else the
first day of the meeting.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..language.dates import in_zone, moment
from ..language.nodes import (
    Agenda,
    DateRange,
    Group,
    Item,
    ItemStatus,
    NextMeeting,
    TimeOfDay,
    TimeSlot,
    Visibility,
)
from ..support.gcpause import collector_paused
from .view import build

if TYPE_CHECKING:
    from . import Options

PRODID = "-//agendadsl//agendadsl//EN"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "meeting"


def _stamp(agenda: Agenda) -> datetime.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    first = agenda.meeting.dates.start.to_date() if agenda.meeting.dates else None
    first = first or datetime.date(2000, 1, 1)
    return datetime.datetime(first.year, first.month, first.day, tzinfo=datetime.UTC)


_When = tuple[datetime.date, datetime.date | datetime.timedelta | None]
"""An event's start, and its end, its duration or None."""


def _when(dates: DateRange, time: TimeSlot | None) -> _When | None:
    first, last = dates.start.to_date(), dates.last.to_date()
    if first is None or last is None:
        return None
    if time is None or (dates.end is not None and first != last):
        if last == datetime.date.max:  # no day after it to end on: a DURATION instead (RFC 5545 3.6.1)
            return first, last - first + datetime.timedelta(days=1)
        return first, last + datetime.timedelta(days=1)  # all-day: DTEND is exclusive
    return _at(first, time)


def _at(day: datetime.date, time: TimeSlot) -> _When | None:
    """A timed event on ``day``; UTC and fixed offsets are written in UTC, needing no VTIMEZONE."""
    found = moment(day, time)
    if found is None:
        return None
    start, end = found
    if isinstance(start.tzinfo, datetime.timezone):
        utc_start, utc_end = in_zone(start, datetime.UTC), in_zone(end, datetime.UTC) if end else None
        if utc_start is None or (end is not None and utc_end is None):
            return None  # past the end of year 9999 in UTC: no calendar can hold it
        return utc_start, utc_end
    return start, end


def _days(dates: DateRange, time: TimeSlot | None) -> list[tuple[datetime.date | None, tuple]]:
    """The meeting's events: one for its dates, or with hours, one per day (a three-day meeting
    from 09:30 to 17:00 is three events of those hours, not one of three days)."""
    first, last = dates.start.to_date(), dates.last.to_date()
    if time is None or first is None or last is None or (first == last and not dates.days):
        when = _when(dates, time)
        return [(first, when)] if when is not None else []
    days = [v.to_date() for v in (dates.start, *dates.days)] if dates.days else \
        [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    out: list[tuple[datetime.date | None, tuple]] = []
    for day in days:
        if day is None:
            continue
        when = _at(day, time)
        if when is not None:
            out.append((day, when))
    return out


class _Uids:
    def __init__(self, body: str) -> None:
        self.body = _slug(body)
        self.used: set[str] = set()
        self.next: dict[str, int] = {}  # per base, the suffix to try first: no rescan from -2 each time
        self.bases: dict[tuple[datetime.date | None, TimeOfDay | None], str] = {}
        """Each base by its day and hour: sittings share a few, and strftime takes 1.6 us a date."""

    def __call__(self, first: datetime.date | None, time: TimeSlot | None = None) -> str:
        """The body and the day (two meetings of one body in a month are two events), and for a
        sitting its hour: the same in every revision of the agenda, so calendars update it."""
        hour = time.start if time is not None and first is not None else None
        base = self.bases.get((first, hour))
        if base is None:
            base = f"{self.body}-{first:%Y-%m-%d}" if first else f"{self.body}-undated"
            if hour is not None:
                base += f"-{hour.hour:02d}{hour.minute:02d}"
            self.bases[first, hour] = base
        uid, n = base, self.next.get(base, 2)
        while uid in self.used:
            uid, n = f"{base}-{n}", n + 1
        self.next[base] = n
        self.used.add(uid)
        return f"{uid}@agendadsl"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One VEVENT, as values: what the calendar says, before it is written out."""

    uid: str
    start: datetime.date
    end: datetime.date | datetime.timedelta | None
    """DTEND (a date or date-time), a DURATION, or None: no end is invented."""
    summary: str
    location: str | None
    description: str | None
    tentative: bool


def calendar_events(agenda: Agenda, options: Options) -> list[CalendarEvent]:
    """The events of the calendar, in its order: each sitting, else the meeting's days, then each
    next meeting."""
    view = build(agenda, view=options.view, language=options.language, templates=options.templates)
    meeting = agenda.meeting
    body = meeting.body.value if meeting.body else (view.meeting.heading_title or "Meeting")
    uids = _Uids(body)
    out: list[CalendarEvent] = []
    sittings, loose = _sittings(agenda)
    heading_views = [block.heading for block in view.blocks if block.heading is not None]
    headings = {id(group): heading for group, heading in zip(agenda.groups, heading_views, strict=True)}
    item_lines = _item_lines(agenda, view)
    line_of = {id(item): line for item, line in item_lines}
    # Sittings share their days and a few hours: each day and hour is worked out once. (The days are
    # the agenda's, alive while this runs, so their ids stand for them.)
    whens: dict[tuple[int, TimeSlot | None], _When | None] = {}
    for sitting in sittings:
        key = (id(sitting.dates), sitting.time)
        if key not in whens:  # _when() may be None: a sitting with no date to place it on
            whens[key] = _when(sitting.dates, sitting.time)
        when = whens[key]
        if when is None:
            continue
        # The sitting's own items, looked up by id: a scan of every item per sitting was quadratic.
        lines = [line_of[id(item)] for item in sitting.items if id(item) in line_of]
        group = sitting.group
        place = group.place.value if group.place else None
        location = ", ".join(p for p in (place or view.meeting.place, view.meeting.platform) if p) or None
        heading = headings[id(group)].text
        summary = f"{body}: {heading}" if heading else body
        out.append(CalendarEvent(uids(sitting.dates.start.to_date(), sitting.time), *when, summary, location,
                                 "\n".join(lines), False))
    if meeting.dates is not None and (loose or not sittings):
        shown = {id(item) for item in loose}
        lines = [line for item, line in item_lines if id(item) in shown or not sittings]
        location = ", ".join(p for p in (view.meeting.place, view.meeting.platform) if p) or None
        title = view.meeting.heading_title
        summary = f"{body}: {title}" if title and title != body else body
        for day, when in _days(meeting.dates, meeting.time):
            out.append(CalendarEvent(uids(day), *when, summary, location, "\n".join(lines), False))
    for next_meeting, shown_meeting in zip(agenda.next_meetings, _next_views(view), strict=True):
        when = _when(next_meeting.dates, None)
        if when is None:
            continue
        summary = f"{body}: {shown_meeting.kind}" if shown_meeting.kind else body
        host = view.labels["host"].format(name=shown_meeting.host) if shown_meeting.host else None
        description = "; ".join(p for p in (shown_meeting.tbc_note, host, shown_meeting.remark_text) if p) or None
        out.append(CalendarEvent(uids(next_meeting.dates.start.to_date()), *when, summary, shown_meeting.place,
                                 description, _tentative(next_meeting)))
    return out


def to_ics(agenda: Agenda, options: Options) -> str:
    """An iCalendar file with the meeting (when dated) and each next meeting."""
    sequence = agenda.meeting.status.revision if agenda.meeting.status is not None else 0
    # The view and the events are many small objects with no cycles, as in the other formats
    # (support/gcpause.py): the collector's passes over them were a third of the calendar's time.
    with collector_paused(then_freeze=True):
        return write_calendar(calendar_events(agenda, options), _stamp(agenda), sequence or 0)


def write_calendar(events: list[CalendarEvent], stamp: datetime.datetime, sequence: int) -> str:
    """The iCalendar text (RFC 5545) of ``events``, written line by line: what the icalendar
    library wrote, byte for byte (its order of properties, CRLF, lines folded at 75 octets), at a
    fraction of its cost; it still writes the VTIMEZONE of each zone named, before the events."""
    zones: dict[datetime.tzinfo, str] = {}
    stamp_line = f"DTSTAMP{_moment(stamp, zones)}\r\n"
    sequence_line = f"SEQUENCE:{sequence}\r\n"  # Rev.2 replaces Rev.1 in the calendars that have it
    lines = []
    for event in events:
        lines.append(f"BEGIN:VEVENT\r\n{_fold('SUMMARY:' + _escaped(event.summary))}\r\n"
                     f"{_fold('DTSTART' + _moment(event.start, zones))}\r\n")
        if isinstance(event.end, datetime.timedelta):
            lines.append(f"DURATION:{_duration(event.end)}\r\n")
        elif event.end is not None:
            lines.append(f"{_fold('DTEND' + _moment(event.end, zones))}\r\n")
        # The UID is a slug and a date: nothing to escape, but it may be long enough to fold.
        lines.append(f"{stamp_line}{_fold('UID:' + event.uid)}\r\n{sequence_line}")
        if event.description:
            lines.append(_fold("DESCRIPTION:" + _escaped(event.description)) + "\r\n")
        if event.location:
            lines.append(_fold("LOCATION:" + _escaped(event.location)) + "\r\n")
        lines.append(f"STATUS:{'TENTATIVE' if event.tentative else 'CONFIRMED'}\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n")
    head = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\nCALSCALE:GREGORIAN\r\n"
    return head + _timezones(set(zones.values())) + "".join(lines) + "END:VCALENDAR\r\n"


def _moment(value: datetime.date, zones: dict[datetime.tzinfo, str]) -> str:
    """A DATE or DATE-TIME value with its parameters, from the ``;`` or ``:`` after the name: UTC
    with a Z, a named zone with its TZID (noted in ``zones``), a floating time with neither."""
    if not isinstance(value, datetime.datetime):
        return f";VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"
    text = f"{value.year:04}{value.month:02}{value.day:02}T{value.hour:02}{value.minute:02}{value.second:02}"
    if value.tzinfo is None:
        return ":" + text
    if value.tzinfo not in zones:
        from icalendar.timezone.tzid import tzid_from_dt

        zones[value.tzinfo] = tzid_from_dt(value) or ""  # icalendar's name for the zone, as before
    tzid = zones[value.tzinfo]
    if not tzid:
        return ":" + text
    return f":{text}Z" if tzid == "UTC" else f";{_tzid_parameter(tzid)}:{text}"


@functools.cache
def _tzid_parameter(tzid: str) -> str:
    from icalendar.parser import Parameters

    return Parameters({"TZID": tzid}).to_ical().decode("utf-8")  # quoted where RFC 5545 says


def _duration(span: datetime.timedelta) -> str:
    """A DURATION of whole days (the only kind written: a meeting ending on the last day of 9999)."""
    return f"P{span.days}D"


def _timezones(tzids: set[str]) -> str:
    """A VTIMEZONE for each zone named, from icalendar and the system's zoneinfo; UTC needs none."""
    if not tzids - {"UTC", ""}:
        return ""
    from icalendar import Timezone

    out = []
    for tzid in sorted(tzids - {"UTC", ""}):
        try:
            out.append(Timezone.from_tzid(tzid).to_ical().decode("utf-8"))
        except ValueError:
            continue  # a zone icalendar does not know gets no VTIMEZONE, as before
    return "".join(out)


def _escaped(value: str) -> str:
    """A TEXT value escaped as RFC 5545 (3.3.11) says. (icalendar's own escaping turned a written
    "\\N" into a line break, so a title with a backslash before an N would change.)"""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """A content line folded as RFC 5545 (3.1) says and as icalendar folded it: pieces of at most 74
    octets (a continuation's leading space is a 75th), never split inside a character, and never
    right after a backslash or caret, which moves to the next piece with what it escapes."""
    if line.isascii():  # an octet a character: slices (a description can be megabytes long)
        pieces, start = [], 0
        while len(line) - start > 74:
            end = start + 73 if line[start + 73] in "\\^" else start + 74
            pieces.append(line[start:end])
            start = end
        pieces.append(line[start:])
        return "\r\n ".join(pieces)
    if len(line.encode("utf-8")) < 75:
        return line
    pieces = []
    current: list[str] = []
    size = 0
    for char in line:
        width = 1 if char < "\x80" else len(char.encode("utf-8"))
        if current and size + width >= 75:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, size = [carried], len(carried.encode("utf-8"))
            else:
                pieces.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


@dataclass
class _Sitting:
    """One calendar event: a heading with a date or time of its own, and the items under it that
    no deeper sitting holds."""

    group: Group
    dates: DateRange
    time: TimeSlot | None
    items: list[Item] = field(default_factory=list)


def _sittings(agenda: Agenda) -> tuple[list[_Sitting], list[Item]]:
    """The sittings that hold items (one event per day or sitting; a part heading with no date or
    time of its own is not one), and the items under no sitting."""
    meeting = agenda.meeting
    single_day = meeting.dates if meeting.dates is not None and meeting.dates.end is None else None
    sittings: list[_Sitting] = []
    loose: list[Item] = []

    def visit(body: tuple, dates: DateRange | None, time: TimeSlot | None, current: _Sitting | None) -> None:
        for entry in body:
            if isinstance(entry, Item):
                (current.items if current is not None else loose).append(entry)
            elif isinstance(entry, Group):
                own_dates = entry.dates or dates
                own_time = entry.time or time
                if own_time is not None and own_time.zone is None and time is not None and time.zone:
                    own_time = replace(own_time, zone=time.zone)  # the zone of the header's time
                inner = current
                if (entry.dates is not None or entry.time is not None) and own_dates is not None:
                    inner = _Sitting(entry, own_dates, own_time)
                    sittings.append(inner)
                visit(entry.body, own_dates, own_time, inner)

    visit(agenda.body, single_day, meeting.time, None)
    return [sitting for sitting in sittings if sitting.items], loose


def _item_lines(agenda: Agenda, view) -> list[tuple[Item, str]]:
    """Each top-level item shown in this view, with its line of an event's description: its
    number and its title as the view shows it (cross-references as the numbers they name).
    Withdrawn items are not on a calendar's list of what will be discussed."""
    shown = [item for item in agenda.items if view.view == "internal" or item.visibility is None
             or item.visibility.value is not Visibility.INTERNAL]
    out = []
    for item, item_view in zip(shown, view.items, strict=True):
        if item.status is not None and item.status.value is ItemStatus.WITHDRAWN:
            continue
        text = "".join(part.text for part in item_view.title)
        out.append((item, f"{item_view.number} {text}" if item_view.number else text))
    return out


def _next_views(view):
    return [meeting for block in view.blocks if block.type == "next_meetings" for meeting in block.meetings]


def _tentative(meeting: NextMeeting) -> bool:
    return meeting.dates_tbc or meeting.place_tbc or meeting.kind_tbc
