"""iCalendar that calendars trust: a UID per meeting, day and sitting, SEQUENCE from the revision,
one event per day of a multi-day meeting with hours, no withdrawn item in the description, and a
VTIMEZONE for every zone named. Read back with icalendar, as a calendar would."""

from __future__ import annotations

import datetime
import zoneinfo

import icalendar
import pytest
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from agendadsl import analyse
from agendadsl.render import Options, View, render_text
from agendadsl.render.ics import CalendarEvent, calendar_events, write_calendar


def events(source: str) -> list[icalendar.Event]:
    agenda, diagnostics = analyse(source)
    assert agenda is not None and not [d for d in diagnostics if d.is_error], diagnostics
    calendar = icalendar.Calendar.from_ical(render_text(agenda, "ics", Options()))
    return list(calendar.walk("VEVENT"))


def test_two_meetings_of_one_body_in_a_month_are_two_events() -> None:
    first = events("body: Board\ndate: 5 May 2026\n\n1. Opening\n")
    second = events("body: Board\ndate: 19 May 2026\n\n1. Opening\n")
    assert str(first[0]["uid"]) != str(second[0]["uid"])
    assert [str(e["uid"]) for e in first + second] == ["board-2026-05-05@agendadsl", "board-2026-05-19@agendadsl"]


def test_the_uid_stays_when_the_agenda_is_revised() -> None:
    draft = events("body: Board\ndate: 5 May 2026\ntime: 10:00 UTC\n\n1. Opening\n")
    revised = events("body: Board\ndate: 5 May 2026\ntime: 10:00 UTC\nstatus: Rev.2\n\n1. Opening\n2. Budget\n")
    assert str(draft[0]["uid"]) == str(revised[0]["uid"])
    assert (draft[0]["sequence"], revised[0]["sequence"]) == (0, 2)


def test_a_multi_day_meeting_with_hours_is_one_event_a_day() -> None:
    found = events("body: Board\ndate: 28-30 October 2025\ntime: 09:30-17:00 Europe/Paris\n\n1. Opening\n")
    assert [(e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat()) for e in found] == [
        ("2025-10-28T09:30:00+01:00", "2025-10-28T17:00:00+01:00"),
        ("2025-10-29T09:30:00+01:00", "2025-10-29T17:00:00+01:00"),
        ("2025-10-30T09:30:00+01:00", "2025-10-30T17:00:00+01:00")]
    assert len({str(e["uid"]) for e in found}) == 3


def test_listed_days_with_hours_are_one_event_each() -> None:
    found = events("body: Board\ndate: 8 and 10 October 2025\ntime: 14:00 UTC\n\n1. Opening\n")
    assert [e.decoded("dtstart").isoformat() for e in found] == ["2025-10-08T14:00:00+00:00",
                                                                 "2025-10-10T14:00:00+00:00"]
    assert all("dtend" not in e for e in found)  # no end time is invented


SITTINGS = """\
body: Assembly
date: 1 June 2026

# Sitting, 10:00
#. Opening
# Sitting, 10:00
#. Reports
# Sitting, 14:00
#. Votes
# Tuesday 2 June 2026, 10:00
#. Elections
# Sitting, 10:00 CET
#. Closing
# Sitting, 10:00 UTC+1
#. Any other business
"""


def test_sittings_that_share_a_day_and_an_hour_each_have_a_uid_and_their_own_hours() -> None:
    """Sittings share their days, hours and the bases of their UIDs, each worked out once: each
    event still has its own UID, in the order of the agenda, and its own start."""
    found = events(SITTINGS)
    assert [(str(e["uid"]), e.decoded("dtstart").isoformat(), str(e["summary"]), str(e["description"]))
            for e in found] == [
        ("assembly-2026-06-01-1000@agendadsl", "2026-06-01T10:00:00", "Assembly: Sitting, 10:00", "1. Opening"),
        ("assembly-2026-06-01-1000-2@agendadsl", "2026-06-01T10:00:00", "Assembly: Sitting, 10:00", "2. Reports"),
        ("assembly-2026-06-01-1400@agendadsl", "2026-06-01T14:00:00", "Assembly: Sitting, 14:00", "3. Votes"),
        ("assembly-2026-06-02-1000@agendadsl", "2026-06-02T10:00:00",
         "Assembly: Tuesday 2 June 2026, 10:00", "4. Elections"),
        ("assembly-2026-06-01-1000-3@agendadsl", "2026-06-01T09:00:00+00:00", "Assembly: Sitting, 10:00 CET",
         "5. Closing"),
        ("assembly-2026-06-01-1000-4@agendadsl", "2026-06-01T09:00:00+00:00", "Assembly: Sitting, 10:00 UTC+1",
         "6. Any other business")]


def test_a_multi_day_meeting_without_hours_is_one_all_day_event() -> None:
    (event,) = events("body: Board\ndate: 28-30 October 2025\n\n1. Opening\n")
    assert (str(event.decoded("dtstart")), str(event.decoded("dtend"))) == ("2025-10-28", "2025-10-31")


def test_withdrawn_items_are_not_in_the_description() -> None:
    (event,) = events("body: Board\ndate: 5 May 2026\n\n1. Opening\n2. Dropped\n   @status withdrawn\n3. Close\n")
    assert str(event["description"]) == "1. Opening\n3. Close"


def test_every_zone_named_has_its_vtimezone() -> None:
    agenda, _ = analyse("body: Board\ndate: 5 May 2026\ntime: 10:00 America/New_York\n\n1. Opening\n")
    calendar = icalendar.Calendar.from_ical(render_text(agenda, "ics", Options()))
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_backslashes_semicolons_and_commas_in_titles_come_back_as_written() -> None:
    # icalendar's own escaping turns a written "\N" into a line break (found by hypothesis).
    (event,) = events("body: Board; Bureau, Paris\ndate: 5 May 2026\n\n"
                      "1. \\\\No. 5, see C:\\\\new; \\\\n is not a line break\n")
    assert str(event["summary"]) == "Board; Bureau, Paris"
    assert str(event["description"]) == "1. \\No. 5, see C:\\new; \\n is not a line break"
    raw = render_text(analyse("date: 5 May 2026\n\n1. \\\\No. 5\n")[0], "ics", Options())
    assert "DESCRIPTION:1. \\\\No. 5\r\n" in raw  # RFC 5545: a backslash is written twice


# Issue 14: a next meeting whose kind alone is to be confirmed went out CONFIRMED, and no test saw it.
NEXT = "body: Board\ndate: 1 May 2026\n\n1. Opening\n\nnext meetings:\n  - {meeting}\n"


def test_each_thing_to_be_confirmed_makes_a_next_meeting_tentative() -> None:
    statuses = {}
    for meeting in ("2 June 2026, Paris, in person", "2 June 2026 (tbc), Paris, in person",
                    "2 June 2026, Paris (tbc), in person", "2 June 2026, Paris, kind (tbc)"):
        *_, event = events(NEXT.format(meeting=meeting))  # the meeting's own event comes first
        statuses[meeting] = str(event["STATUS"])
    assert statuses == {
        "2 June 2026, Paris, in person": "CONFIRMED",
        "2 June 2026 (tbc), Paris, in person": "TENTATIVE",
        "2 June 2026, Paris (tbc), in person": "TENTATIVE",
        "2 June 2026, Paris, kind (tbc)": "TENTATIVE",
    }


# Mutants of render/ics.py that survived the rest of the suite (docs/testing.md).
def test_a_fixed_offset_is_written_in_utc_whatever_the_machines_zone(monkeypatch) -> None:
    import time

    source = "body: Board\ndate: 1 May 2026\ntime: 10:00-12:00 UTC+2\n\n1. Opening\n"
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # a machine far from UTC must not move the meeting
    time.tzset()
    try:
        (event,) = events(source)
        lines = event.to_ical().decode().splitlines()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert [line for line in lines if line.startswith(("DTSTART", "DTEND"))] == [
        "DTSTART:20260501T080000Z", "DTEND:20260501T100000Z"]


def test_a_meeting_whose_time_in_utc_is_past_year_9999_has_no_event() -> None:
    # 23:00 at UTC-2 on the last day of 9999 is 01:00 UTC in year 10000, which no calendar holds.
    assert events("body: Board\ndate: 31 December 9999\ntime: 23:00 UTC-2\n\n1. Opening\n") == []
    (event,) = events("body: Board\ndate: 31 December 9999\ntime: 20:00 UTC-2\n\n1. Opening\n")
    assert "DTSTART:99991231T220000Z" in event.to_ical().decode().splitlines()


# Issue 14: the calendar is written line by line, no longer through icalendar's object per property
# (31.8 s and 520 MB for 45,452 sittings). icalendar stays the reference: a real reader for what
# the file says, and a real writer for how it says it, byte for byte.
ALL_SAMPLES = sorted(SAMPLES.glob("*.agenda")) + sorted((SAMPLES / "real").glob("*.agenda"))


def _read(event: icalendar.Event) -> tuple:
    """What a calendar application reads of one event."""
    end = event.decoded("duration") if "duration" in event else event.decoded("dtend") if "dtend" in event else None
    return (str(event["uid"]), event.decoded("dtstart"), end, str(event["summary"]),
            str(event["location"]) if "location" in event else None,
            str(event["description"]) if "description" in event else None, str(event["status"]), event["sequence"])


@pytest.mark.parametrize("view", ["public", "internal"])
@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.stem)
def test_every_sample_reads_back_as_the_agenda_says(path, view) -> None:
    agenda, diagnostics = analyse(path.read_text(encoding="utf-8"))
    assert agenda is not None, diagnostics
    options = Options(View(view))
    calendar = icalendar.Calendar.from_ical(render_text(agenda, "ics", options))
    read = [_read(event) for event in calendar.walk("VEVENT")]
    # What was meant, before writing: the values of each event, as icalendar reads them back.
    revision = agenda.meeting.status.revision if agenda.meeting.status and agenda.meeting.status.revision else 0
    meant = [(e.uid, e.start, e.end, e.summary, e.location or None, e.description or None,
              "TENTATIVE" if e.tentative else "CONFIRMED", revision) for e in calendar_events(agenda, options)]
    assert read == meant
    # And what the agenda says, read from the agenda itself: each UID once, under the body's name;
    # the meeting's first day first (else its first sitting's); each next meeting's day, in order.
    uids = [entry[0] for entry in read]
    assert len(set(uids)) == len(uids) and all(uid.endswith("@agendadsl") for uid in uids)
    body = agenda.meeting.body.value if agenda.meeting.body else None
    if body is not None:
        assert all(entry[3].startswith(body) for entry in read)
    first_days = [d.start.to_date() for d in (agenda.meeting.dates, *(g.dates for g in agenda.groups)) if d]
    if first_days and read:
        assert _day(read[0][1]) in first_days
    next_days = [m.dates.start.to_date() for m in agenda.next_meetings if m.dates.start.to_date() is not None]
    assert [_day(entry[1]) for entry in read[len(read) - len(next_days):]] == next_days


def _day(value: datetime.date) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def test_several_zones_are_written_in_the_order_of_their_names() -> None:
    # icalendar added them in the order of a set: a different file on each run with two zones or more.
    zones = ["Pacific/Auckland", "America/New_York", "Europe/Paris", "Asia/Kolkata", "Africa/Nairobi"]
    sittings = "".join(f"# Day {n}, {n + 5} May 2026, 09:00 {zone}\n{n}. Item\n" for n, zone in enumerate(zones, 1))
    agenda, _ = analyse(f"body: Board\ndate: 6-10 May 2026\n\n{sittings}")
    calendar = icalendar.Calendar.from_ical(render_text(agenda, "ics", Options()))
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == sorted(zones)
    assert len(calendar.walk("VEVENT")) == 5


# Text as hostile as the view can make it: escapes, carets, multi-byte and wide characters at every
# place of a fold (the padding moves them across the 75-octet boundaries), and lines of every length.
HOSTILE = st.text(st.sampled_from("\\\\\\^^;,a \n\"éß€日🎉") | st.characters(codec="utf-8", exclude_categories=("Cs",)),
                  max_size=40).filter(lambda text: "\r" not in text)
TEXT = st.tuples(st.integers(0, 160), HOSTILE).map(lambda padded: "x" * padded[0] + padded[1])
ZONES = st.sampled_from([None, datetime.UTC, zoneinfo.ZoneInfo("Europe/Paris"),
                         zoneinfo.ZoneInfo("America/Argentina/ComodRivadavia"), zoneinfo.ZoneInfo("Etc/UTC")])


@st.composite
def calendar_event(draw, zone) -> CalendarEvent:
    day = draw(st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 30)))
    if draw(st.booleans()):
        start = datetime.datetime(day.year, day.month, day.day, draw(st.integers(0, 23)), draw(st.integers(0, 59)),
                                  tzinfo=zone)
        end = draw(st.none() | st.just(start + datetime.timedelta(hours=1)))
    else:
        start = day
        end = draw(st.sampled_from([day + datetime.timedelta(days=1), datetime.timedelta(days=3)]))
    uid = draw(st.from_regex(r"[a-z0-9-]{1,90}", fullmatch=True)) + "@agendadsl"
    texts = draw(TEXT), draw(st.none() | TEXT), draw(st.none() | TEXT)
    return CalendarEvent(uid, start, end, *texts, draw(st.booleans()))


def _icalendar_wrote(events: list[CalendarEvent], stamp: datetime.datetime, sequence: int) -> str:
    """The calendar as the icalendar library writes it, property by property (issue 14's before)."""
    from icalendar.prop import vInline

    calendar = icalendar.Calendar()
    for name, value in (("prodid", "-//agendadsl//agendadsl//EN"), ("version", "2.0"), ("calscale", "GREGORIAN")):
        calendar.add(name, value)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", event.uid)
        entry.add("dtstamp", stamp)
        entry.add("sequence", sequence)
        entry.add("dtstart", event.start)
        if event.end is not None:
            entry.add("duration" if isinstance(event.end, datetime.timedelta) else "dtend", event.end)
        texts = (("summary", event.summary), ("location", event.location), ("description", event.description))
        for name, text in texts:
            if text or name == "summary":
                escaped = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
                entry.add(name, vInline(escaped))
        entry.add("status", "TENTATIVE" if event.tentative else "CONFIRMED")
        entry.add("transp", "OPAQUE")
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


@settings(max_examples=300)
@given(zone=ZONES, data=st.data(), sequence=st.integers(0, 99))
def test_the_calendar_is_written_as_icalendar_writes_it(zone, data, sequence) -> None:
    events = data.draw(st.lists(calendar_event(zone), max_size=4))
    stamp = datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    assert write_calendar(events, stamp, sequence) == _icalendar_wrote(events, stamp, sequence)


@pytest.mark.parametrize("tail", ["\\", "\\\\", ";", "^", "^^", "日", "é\\", "🎉"])
def test_every_fold_is_where_icalendar_makes_it(tail) -> None:
    # A backslash or caret just before a fold moves to the next line with what it escapes.
    stamp = datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    events = [CalendarEvent(f"u{n}@agendadsl", datetime.date(2026, 5, 1), None, "x" * n + tail + "y" * n,
                            None, None, False) for n in range(55, 160)]
    assert write_calendar(events, stamp, 0) == _icalendar_wrote(events, stamp, 0)
