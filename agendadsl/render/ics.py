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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..language.dates import in_zone, moment
from ..language.nodes import Agenda, DateRange, Group, Item, ItemStatus, NextMeeting, TimeSlot, Visibility
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


def _when(dates: DateRange, time: TimeSlot | None) -> tuple[object, object | None] | None:
    first, last = dates.start.to_date(), dates.last.to_date()
    if first is None or last is None:
        return None
    if time is None or (dates.end is not None and first != last):
        if last == datetime.date.max:  # no day after it to end on: a DURATION instead (RFC 5545 3.6.1)
            return first, last - first + datetime.timedelta(days=1)
        return first, last + datetime.timedelta(days=1)  # all-day: DTEND is exclusive
    return _at(first, time)


def _at(day: datetime.date, time: TimeSlot) -> tuple[object, object | None] | None:
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

    def __call__(self, first: datetime.date | None, time: TimeSlot | None = None) -> str:
        """The body and the day (two meetings of one body in a month are two events), and for a
        sitting its hour: the same in every revision of the agenda, so calendars update it."""
        base = f"{self.body}-{first:%Y-%m-%d}" if first else f"{self.body}-undated"
        if time is not None and first is not None:
            base += f"-{time.start.hour:02d}{time.start.minute:02d}"
        uid, n = base, self.next.get(base, 2)
        while uid in self.used:
            uid, n = f"{base}-{n}", n + 1
        self.next[base] = n
        self.used.add(uid)
        return f"{uid}@agendadsl"


def to_ics(agenda: Agenda, options: Options) -> str:
    """An iCalendar file with the meeting (when dated) and each next meeting."""
    from icalendar import Calendar, Event

    view = build(agenda, view=options.view, language=options.language, templates=options.templates)
    meeting = agenda.meeting
    body = meeting.body.value if meeting.body else (view.meeting.heading_title or "Meeting")
    uids = _Uids(body)
    stamp = _stamp(agenda)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")

    sequence = meeting.status.revision if meeting.status is not None and meeting.status.revision else 0

    def event(uid: str, when: tuple[object, object], summary: str, location: str | None,
              description: str | None, tentative: bool) -> Event:
        entry = Event()
        entry.add("uid", uid)
        entry.add("dtstamp", stamp)
        entry.add("sequence", sequence)  # Rev.2 replaces Rev.1 in the calendars that have it
        entry.add("dtstart", when[0])
        if isinstance(when[1], datetime.timedelta):
            entry.add("duration", when[1])
        elif when[1] is not None:  # a time with no end has none: none is invented
            entry.add("dtend", when[1])
        entry.add("summary", _text(summary))
        if location:
            entry.add("location", _text(location))
        if description:
            entry.add("description", _text(description))
        entry.add("status", "TENTATIVE" if tentative else "CONFIRMED")
        entry.add("transp", "OPAQUE")
        return entry

    sittings, loose = _sittings(agenda)
    heading_views = [block.heading for block in view.blocks if block.heading is not None]
    headings = {id(group): heading for group, heading in zip(agenda.groups, heading_views, strict=True)}
    item_lines = _item_lines(agenda, view)
    line_of = {id(item): line for item, line in item_lines}
    for sitting in sittings:
        when = _when(sitting.dates, sitting.time)
        if when is None:
            continue
        # The sitting's own items, looked up by id: a scan of every item per sitting was quadratic.
        lines = [line_of[id(item)] for item in sitting.items if id(item) in line_of]
        group = sitting.group
        place = group.place.value if group.place else None
        location = ", ".join(p for p in (place or view.meeting.place, view.meeting.platform) if p) or None
        heading = headings[id(group)].text
        summary = f"{body}: {heading}" if heading else body
        calendar.add_component(event(uids(sitting.dates.start.to_date(), sitting.time), when, summary, location,
                                     "\n".join(lines), False))
    if meeting.dates is not None and (loose or not sittings):
        shown = {id(item) for item in loose}
        lines = [line for item, line in item_lines if id(item) in shown or not sittings]
        location = ", ".join(p for p in (view.meeting.place, view.meeting.platform) if p) or None
        title = view.meeting.heading_title
        summary = f"{body}: {title}" if title and title != body else body
        for day, when in _days(meeting.dates, meeting.time):
            calendar.add_component(event(uids(day), when, summary, location, "\n".join(lines), False))
    for next_meeting, shown in zip(agenda.next_meetings, _next_views(view), strict=True):
        when = _when(next_meeting.dates, None)
        if when is None:
            continue
        summary = f"{body}: {shown.kind}" if shown.kind else body
        host = view.labels["host"].format(name=shown.host) if shown.host else None
        description = "; ".join(p for p in (shown.tbc_note, host, shown.remark_text) if p) or None
        calendar.add_component(event(uids(next_meeting.dates.start.to_date()), when, summary, shown.place,
                                     description, _tentative(next_meeting)))
    calendar.add_missing_timezones()  # a VTIMEZONE for every zone named (icalendar >= 7.3, pyproject.toml)
    return calendar.to_ical().decode("utf-8")


def _text(value: str) -> object:
    """A TEXT value escaped as RFC 5545 (3.3.11) says. icalendar's own escaping first turns a
    written "\\N" into a line break, so a title with a backslash before an N would change."""
    from icalendar.prop import vInline

    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return vInline(escaped)


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
