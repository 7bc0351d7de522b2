"""iCalendar that calendars trust: a UID per meeting, day and sitting, SEQUENCE from the revision,
one event per day of a multi-day meeting with hours, no withdrawn item in the description, and a
VTIMEZONE for every zone named. Read back with icalendar, as a calendar would."""

from __future__ import annotations

import icalendar

from agendadsl import analyse
from agendadsl.render import Options, render_text


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
