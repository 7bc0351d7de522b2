"""Dates and times: validity, ranges, weekdays, and how they are written. Pure functions."""

from __future__ import annotations

import datetime

from .nodes import DateRange, DateValue, LocalTime, Meeting, TimeSlot

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def problem(value: DateValue) -> str | None:
    """Why a date is not a real, complete date, or None when it is."""
    if value.month is None or value.year is None:
        return "incomplete"
    if value.to_date() is None:
        return "impossible"
    return None


def english(value: DateValue) -> str:
    """``23 November 2020`` (with what is known), for messages."""
    parts = [str(value.day)]
    if value.month is not None:
        parts.append(MONTHS[value.month - 1])
    if value.year is not None:
        parts.append(str(value.year))
    return " ".join(parts)


def last_day(dates: DateRange) -> DateValue:
    """The last day of a range, or of a list of days (``8, 9 and 10 October 2025``: the 10th)."""
    return dates.days[-1] if dates.days else dates.last


def bounds(dates: DateRange) -> tuple[datetime.date, datetime.date] | None:
    """First and last day of a range (or of a list of days), or None when either is not a real date."""
    first = dates.start.to_date()
    last = last_day(dates).to_date()
    if first is None or last is None:
        return None
    return first, last


def time_zone(name: str) -> datetime.tzinfo | None:
    """The zone named after a header's time: UTC, GMT, UTC+2, UTC-03:30 or an IANA name such as
    Europe/Paris; None when the name is unknown."""
    import re
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if name in ("UTC", "GMT"):
        return datetime.UTC
    offset = re.fullmatch(r"UTC([+-])([0-9]{1,2})(?::([0-9]{2}))?", name)
    if offset:
        sign = 1 if offset.group(1) == "+" else -1
        delta = datetime.timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
        return datetime.timezone(sign * delta) if delta < datetime.timedelta(hours=15) else None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def moment(day: datetime.date, slot: TimeSlot) -> tuple[datetime.datetime, datetime.datetime | None] | None:
    """The start and end of ``slot`` on ``day``, in its zone (floating times when it names none);
    None when the zone it names is unknown, or when it ends past 31 December 9999 (the last day
    Python's dates reach). An end at 24:00 or past midnight counts from the day's start."""
    zone = time_zone(slot.zone) if slot.zone is not None else None
    if slot.zone is not None and zone is None:
        return None
    midnight = datetime.datetime(day.year, day.month, day.day, tzinfo=zone)
    try:
        start = midnight + datetime.timedelta(hours=slot.start.hour, minutes=slot.start.minute)
        end = None if slot.end is None else midnight + datetime.timedelta(hours=slot.end.hour,
                                                                           minutes=slot.end.minute)
    except OverflowError:
        return None
    return start, end


def in_zone(moment: datetime.datetime, zone: datetime.tzinfo) -> datetime.datetime | None:
    """``moment`` on the clock of ``zone``; None when that falls past 31 December 9999."""
    try:
        return moment.astimezone(zone)
    except OverflowError:
        return None


def local_times(meeting: Meeting) -> list[tuple[LocalTime, datetime.datetime | None, datetime.datetime | None]]:
    """Each place of ``local times:`` with the meeting's start and end on its clock; None for both
    without a date and a time with its zone to convert from (local-times-without-time)."""
    first = meeting.dates.start.to_date() if meeting.dates is not None else None
    slot = meeting.time
    found = moment(first, slot) if first is not None and slot is not None and slot.zone is not None else None
    out: list[tuple[LocalTime, datetime.datetime | None, datetime.datetime | None]] = []
    for place in meeting.local_times:
        zone = time_zone(place.zone)
        if found is None or zone is None:
            out.append((place, None, None))
        else:
            out.append((place, in_zone(found[0], zone), in_zone(found[1], zone) if found[1] else None))
    return out
