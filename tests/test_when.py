# ruff: noqa: RUF001, RUF003  (real agendas write en dashes and typographic apostrophes)
"""agendadsl.language.when: date, time and duration values as real agendas write them.

Expected values are written out by hand, never computed with the code under test."""

from __future__ import annotations

import contextlib
import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agendadsl.language import when
from agendadsl.language.nodes import DateRange, DateValue, Duration, TimeOfDay, TimeSlot
from agendadsl.language.span import Span
from agendadsl.language.when import WhenError, heading_when, numeric_order, parse_dates, parse_duration, parse_times

ORIGIN = Span(3, 7, 3, 7)
T = TimeOfDay
D = DateValue


def times(text: str, language: str | None = None) -> TimeSlot:
    return parse_times(text, ORIGIN, language)


def dates(text: str, language: str | None = None) -> DateRange:
    return parse_dates(text, ORIGIN, language)


# ------------------------------------------------------------------------------------- times

TIMES = [
    # 24-hour clock
    ("09:30", T(9, 30), None), ("9:30", T(9, 30), None), ("09h30", T(9, 30), None), ("9h", T(9, 0), None),
    ("14.45", T(14, 45), None),
    # French
    ("18 h", T(18, 0), None), ("18 h 30", T(18, 30), None), ("18h30", T(18, 30), None),
    # 12-hour clock
    ("3.15 p.m.", T(15, 15), None), ("9 am", T(9, 0), None), ("9am", T(9, 0), None), ("11:00 AM", T(11, 0), None),
    ("6:00 P.M.", T(18, 0), None), ("12 am", T(0, 0), None), ("12:30 pm", T(12, 30), None),
    ("2.30pm", T(14, 30), None), ("noon", T(12, 0), None), ("midday", T(12, 0), None), ("12 noon", T(12, 0), None),
    # hour words
    ("20 Uhr", T(20, 0), None), ("20.15 hours", T(20, 15), None),
    # slots
    ("09:30-10:00", T(9, 30), T(10, 0)), ("09:30 – 10:00", T(9, 30), T(10, 0)), ("09:30—10:00", T(9, 30), T(10, 0)),
    ("09:30--10:00", T(9, 30), T(10, 0)), ("09:30 to 10:00", T(9, 30), T(10, 0)),
    ("18 h à 20 h", T(18, 0), T(20, 0)), ("9 till 11 am", T(9, 0), T(11, 0)), ("9 until 5 pm", T(9, 0), T(17, 0)),
    ("from 18.30 to 20.30 hours", T(18, 30), T(20, 30)), ("de 18 h à 20 h", T(18, 0), T(20, 0)),
    ("11 heures à 13 heures", T(11, 0), T(13, 0)), ("0830-0900", T(8, 30), T(9, 0)), ("1300-1500", T(13, 0), T(15, 0)),
    ("7:00pm to 9:00pm", T(19, 0), T(21, 0)), ("23:00-24:00", T(23, 0), T(24, 0)),
    # am/pm shared by the two ends
    ("6:00 – 9:00 P.M.", T(18, 0), T(21, 0)), ("11 - 2 pm", T(11, 0), T(14, 0)), ("11 am - 1", T(11, 0), T(13, 0)),
    ("9 - 10 am", T(9, 0), T(10, 0)), ("10:30 - 11:45 a.m.", T(10, 30), T(11, 45)),
]


@pytest.mark.parametrize(("text", "start", "end"), TIMES)
def test_times(text: str, start: TimeOfDay, end: TimeOfDay | None) -> None:
    slot = times(text)
    assert (slot.start, slot.end, slot.zone, slot.approximate, slot.open_end, slot.also) == \
        (start, end, None, False, False, ())
    assert slot.text == text
    assert slot.span == Span(3, 7, 3, 7 + len(text))


@pytest.mark.parametrize("text", ["approx. 11.20", "approx 11.20", "ca. 11.20", "c. 11.20", "around 11.20",
                                  "about 11:20", "+/- 11.20", "±11.20", "~11:20", "vers 11 h 20", "circa 11.20"])
def test_approximate(text: str) -> None:
    slot = times(text)
    assert (slot.start, slot.end, slot.approximate) == (T(11, 20), None, True)


def test_approximate_hour_only() -> None:
    assert (times("env. 11 h").start, times("env. 11 h").approximate) == (T(11, 0), True)


@pytest.mark.parametrize("text", ["from 08.30", "dès 8 h 30", "à partir de 8 h 30", "from 8:30 am"])
def test_open_end(text: str) -> None:
    slot = times(text)
    assert (slot.start, slot.end, slot.open_end) == (T(8, 30), None, True)


@pytest.mark.parametrize("text", ["09:00-12:30 and 14:00-18:00", "09:00-12:30, 14:00-18:00",
                                  "09:00-12:30 et 14:00-18:00", "09:00-12:30, and 14:00-18:00"])
def test_several_slots(text: str) -> None:
    slot = times(text)
    assert (slot.start, slot.end) == (T(9, 0), T(12, 30))
    assert [(more.start, more.end, more.text) for more in slot.also] == [(T(14, 0), T(18, 0), "14:00-18:00")]
    assert slot.also[0].span == Span(3, 7 + len(text) - 11, 3, 7 + len(text))
    assert slot.text == text


ZONES = [
    ("15:00-16:30 Europe/Paris", "Europe/Paris"), ("15:00 America/Argentina/Buenos_Aires",
                                                   "America/Argentina/Buenos_Aires"),
    ("15:00 UTC", "UTC"), ("15:00 GMT", "UTC"), ("15:00 UTC+2", "UTC+02:00"), ("15:00 UTC-03:30", "UTC-03:30"),
    ("15:00 GMT+1", "UTC+01:00"), ("15:00 UTC+0", "UTC"), ("15:00 CET", "UTC+01:00"), ("15:00 CEST", "UTC+02:00"),
    ("15:00 EDT", "UTC-04:00"), ("15:00 EST", "UTC-05:00"), ("15:00 PST", "UTC-08:00"), ("15:00 BST", "UTC+01:00"),
    ("11AM PT", "America/Los_Angeles"), ("10:30am Pacific", "America/Los_Angeles"),
    ("10:00 Pacific Time", "America/Los_Angeles"), ("10:00 Eastern", "America/New_York"),
    ("10:00 Eastern Time", "America/New_York"), ("10:00 Central European Summer Time", "UTC+02:00"),
    ("10:00 to 15:00 EDT (America/New_York)", "America/New_York"), ("10:00 (UTC)", "UTC"),
    ("10:00 AEST", "UTC+10:00"), ("10:00 IST", "UTC+05:30"), ("10:00 JST", "UTC+09:00"),
]


@pytest.mark.parametrize(("text", "zone"), ZONES)
def test_zones(text: str, zone: str) -> None:
    slot = times(text)
    assert slot.zone == zone
    assert slot.text == text


def test_generic_zone_is_a_real_zone_of_its_metazone() -> None:
    # Babel keeps no CLDR "golden zone"; whichever member is chosen follows Central European rules
    from zoneinfo import ZoneInfo

    zone = times("10:00 Central European Time").zone
    assert zone is not None and zone.startswith("Europe/")
    for day in (datetime.datetime(2025, 1, 15), datetime.datetime(2025, 7, 15)):
        paris = day.replace(tzinfo=ZoneInfo("Europe/Paris")).utcoffset()
        assert day.replace(tzinfo=ZoneInfo(zone)).utcoffset() == paris


def test_zone_names_of_the_agenda_language() -> None:
    assert times("10:00 MEZ", "de").zone == "UTC+01:00"
    assert times("10:00 heure d’été d’Europe centrale", "fr").zone == "UTC+02:00"


def test_zone_as_written() -> None:
    assert when.written_zone(times("10:00 to 15:00 EDT (America/New_York)")) == "EDT (America/New_York)"
    assert when.written_zone(times("10:00-11:00")) is None


TIME_ERRORS = [
    ("13.75", "'13.75' is not a time of day", 0, 5),
    ("25:00", "'25:00' is not a time of day", 0, 5),
    ("13 pm", "'13 pm' is not a time: with am or pm, the hour goes from 1 to 12", 0, 5),
    ("9", "'9' is not a time", 0, 1),
    ("9-10", "'9' is not a time", 0, 1),
    ("24:00", "24:00 is allowed only as the end of a slot", 0, 5),
    ("0830", "'0830' is not a time: write 08:30 (four digits only inside a slot like 0830-0900)", 0, 4),
    ("", "a time is missing", 0, 1),
    ("09:30-", "a time is missing at the end", 6, 7),
    ("10:00 Mars/Base", "'Mars/Base' is not a known time zone", 6, 15),
    ("10:00 CETT", "'CETT' is not a known time zone", 6, 10),
    ("10:00 UTC+15", "'UTC+15' is not a known time zone", 6, 12),
    ("10:00 ()", "a time zone is missing in '()'", 7, 8),
    ("de 18 h", "'de 18 h' has no end: write 'de 18 h to ...'", 0, 7),
    ("9" * 5000 + ":00", "'" + "9" * 30 + "...' is not a time", 0, 5000),
]


@pytest.mark.parametrize(("text", "message", "start", "end"), TIME_ERRORS)
def test_time_errors(text: str, message: str, start: int, end: int) -> None:
    with pytest.raises(WhenError) as caught:
        times(text)
    assert (caught.value.message, caught.value.start, caught.value.end) == (message, start, end)
    assert "09:30" in caught.value.hint or "UTC+2" in caught.value.hint


def test_time_hint_names_the_forms() -> None:
    with pytest.raises(WhenError) as caught:
        times("half past nine")
    assert caught.value.hint == ("write a time like 09:30, 9.30, 9 am, 3.15 p.m. or 18 h 30; "
                                 "a slot like 09:30-10:00 or 09:30 to 10:00")


# ----------------------------------------------------------------------------------- durations

DURATIONS = [
    ("15 min", 15, ()), ("15'", 15, ()), ("1 h 30 min", 90, ()), ("1h30", 90, ()), ("2 h", 120, ()),
    ("90 minutes", 90, ()), ("1.5 h", 90, ()), ("1,5 h", 90, ()), ("10+5 min", 15, (10, 5)),
    ("10 + 5 min", 15, (10, 5)), ("10 min + 5 min", 15, (10, 5)), ("20m", 20, ()), ("30m", 30, ()),
    ("1 hr", 60, ()), ("2 hrs", 120, ()), ("1 hour 30 minutes", 90, ()), ("15 mins", 15, ()), ("90min", 90, ()),
    ("1h 30m", 90, ()), ("0.25 h", 15, ()),
]


@pytest.mark.parametrize(("text", "minutes", "parts"), DURATIONS)
def test_durations(text: str, minutes: int, parts: tuple[int, ...]) -> None:
    value = parse_duration(text, ORIGIN)
    assert (value.minutes, value.parts, value.text) == (minutes, parts, text)
    assert value.span == Span(3, 7, 3, 7 + len(text))


DURATION_ERRORS = [
    ("45", "'45' has no unit: write '45 min' or '45 h'", 0, 2),
    ("1 min 30", "'30' is not part of a duration", 6, 8),
    ("0.01 h", "'0.01 h' is not a whole number of minutes", 0, 6),
    ("30 min 1 h", "'1' is not part of a duration", 7, 8),
    ("9" * 5000 + " min", "'" + "9" * 30 + "...' is not a duration", 0, 5000),
    ("soon", "'soon' is not a duration", 0, 4),
]


@pytest.mark.parametrize(("text", "message", "start", "end"), DURATION_ERRORS)
def test_duration_errors(text: str, message: str, start: int, end: int) -> None:
    with pytest.raises(WhenError) as caught:
        parse_duration(text, ORIGIN)
    assert (caught.value.message, caught.value.start, caught.value.end) == (message, start, end)
    assert caught.value.hint == "write a duration like 15 min, 15', 1 h 30 min, 1h30, 90 minutes, 1.5 h or 10+5 min"


# --------------------------------------------------------------------------------------- dates

DATES = [
    ("Monday 23 November 2020", D(23, 11, 2020, 0), None),
    ("Monday, 23 November 2020", D(23, 11, 2020, 0), None),
    ("23 November 2020", D(23, 11, 2020), None),
    ("23 Nov. 2020", D(23, 11, 2020), None),
    ("Mon. 23 Nov. 2020", D(23, 11, 2020, 0), None),
    ("Tues 24 Nov 2020", D(24, 11, 2020, 1), None),
    ("Thurs 26 Sept 2020", D(26, 9, 2020, 3), None),
    ("2020-11-23", D(23, 11, 2020, iso=True), None),
    ("March 4, 2025", D(4, 3, 2025), None),
    ("Tuesday, March 4, 2025", D(4, 3, 2025, 1), None),
    ("October 28", D(28, 10, None), None),
    ("21st March 2025", D(21, 3, 2025), None),
    ("2nd May 2025", D(2, 5, 2025), None),
    ("3rd June 2025", D(3, 6, 2025), None),
    ("May 4th, 2025", D(4, 5, 2025), None),
    ("Thu 18-Feb-2016", D(18, 2, 2016, 3), None),
    ("24/06/2025", D(24, 6, 2025), None),
    ("3.9.2024", D(3, 9, 2024), None),
    ("24-06-2025", D(24, 6, 2025), None),
    ("31 February 2026", D(31, 2, 2026), None),
    ("7-11 December 2020", D(7, 12, 2020), D(11, 12, 2020)),
    ("7–11 December 2020", D(7, 12, 2020), D(11, 12, 2020)),
    ("28 June - 2 July 2021", D(28, 6, 2021), D(2, 7, 2021)),
    ("30 December 2026 - 2 January 2027", D(30, 12, 2026), D(2, 1, 2027)),
    ("30 December - 2 January 2027", D(30, 12, 2026), D(2, 1, 2027)),
    ("Monday 23 - Tuesday 24 November 2020", D(23, 11, 2020, 0), D(24, 11, 2020, 1)),
    ("Tuesday-Wednesday, October 28-29, 2025", D(28, 10, 2025, 1), D(29, 10, 2025, 2)),  # W3C
    ("Tuesday to Thursday 14-16 April 2026", D(14, 4, 2026, 1), D(16, 4, 2026, 3)),
    ("2020-11-23 - 2020-11-25", D(23, 11, 2020, iso=True), D(25, 11, 2020, iso=True)),
    ("March 4-6, 2025", D(4, 3, 2025), D(6, 3, 2025)),
    ("December 30 - January 2, 2027", D(30, 12, 2026), D(2, 1, 2027)),
    ("from 3 to 5 May 2026", D(3, 5, 2026), D(5, 5, 2026)),
]


@pytest.mark.parametrize(("text", "start", "end"), DATES)
def test_dates(text: str, start: DateValue, end: DateValue | None) -> None:
    value = dates(text)
    assert (value.start, value.end, value.days, value.open_end) == (start, end, (), False)
    assert value.text == text
    assert value.span == Span(3, 7, 3, 7 + len(text))


@pytest.mark.parametrize(("text", "language", "start", "end"), [
    ("mardi 14 octobre 2025", "fr", D(14, 10, 2025, 1), None),
    ("mardi-jeudi 14-16 avril 2026", "fr", D(14, 4, 2026, 1), D(16, 4, 2026, 3)),
    ("Le mardi 4 octobre 2005", "fr", D(4, 10, 2005, 1), None),  # House of Commons, French side
    ("le 4 octobre 2005", "fr", D(4, 10, 2005), None),
    ("Mardi 5 octobre 2021", "fr", D(5, 10, 2021, 1), None),
    ("1er mars 2025", "fr", D(1, 3, 2025), None),
    ("mar. 14 oct. 2025", "fr", D(14, 10, 2025, 1), None),
    ("3 févr. 2025", "fr", D(3, 2, 2025), None),
    ("3 FEVRIER 2025", "fr", D(3, 2, 2025), None),
    ("du 3 au 5 mai 2026", "fr", D(3, 5, 2026), D(5, 5, 2026)),
    ("Montag, 7. März 2022", "de", D(7, 3, 2022, 0), None),
    ("Monday 7 March 2022", "de", D(7, 3, 2022, 0), None),
    ("06/24/2025", "en-US", D(24, 6, 2025), None),
    ("03/04/2025", "en-US", D(4, 3, 2025), None),
    ("03/04/2025", "en", D(3, 4, 2025), None),
    ("03/04/2025", "en-GB", D(3, 4, 2025), None),
    ("03.04.2025", "de", D(3, 4, 2025), None),
])
def test_dates_in_languages(text: str, language: str, start: DateValue, end: DateValue | None) -> None:
    value = dates(text, language)
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize(("text", "language", "days"), [
    ("8 and 9 October 2025", None, (D(8, 10, 2025), D(9, 10, 2025))),
    ("8, 9 and 10 October 2025", None, (D(8, 10, 2025), D(9, 10, 2025), D(10, 10, 2025))),
    ("8, 9, and 10 October 2025", None, (D(8, 10, 2025), D(9, 10, 2025), D(10, 10, 2025))),
    ("8 et 9 octobre 2025", "fr", (D(8, 10, 2025), D(9, 10, 2025))),
    ("October 8 and 9, 2025", None, (D(8, 10, 2025), D(9, 10, 2025))),
])
def test_lists_of_days(text: str, language: str | None, days: tuple[DateValue, ...]) -> None:
    value = dates(text, language)
    assert (value.start, value.end, value.days) == (days[0], None, days[1:])


@pytest.mark.parametrize(("text", "language"), [("11 December 2025 - ?", None), ("from 11 December 2025", None),
                                                ("à partir du 11 décembre 2025", "fr")])
def test_open_ended_dates(text: str, language: str | None) -> None:
    value = dates(text, language)
    assert (value.start, value.end, value.open_end) == (D(11, 12, 2025), None, True)


def test_spans_of_each_date() -> None:
    value = dates("28 June - 2 July 2021")
    assert value.start.span == Span(3, 7, 3, 14)
    assert value.end is not None and value.end.span == Span(3, 17, 3, 28)


def test_spans_after_non_ascii_text() -> None:
    # "date: " after "Réunion – " on the line: columns count code points
    line = "Réunion – 14 octobre 2025 – 9 h 30"
    origin = Span(5, 11, 5, 11)
    value = parse_dates(line[10:25], origin, "fr")
    assert value.span == Span(5, 11, 5, 26)
    assert line[value.span.column - 1:value.span.end_column - 1] == "14 octobre 2025"
    slot = parse_times("  " + line[28:], Span(5, 27, 5, 27), "fr")
    assert slot.span == Span(5, 29, 5, 35)
    assert line[slot.span.column - 1:slot.span.end_column - 1] == "9 h 30"


DATE_ERRORS = [
    ("2021-13-01", "'13' is not a month (read as year-month-day)", 5, 7),
    ("06/24/2025", "'24' is not a month (read as day/month/year)", 3, 5),
    ("24.06.25", "'25' is not a year: write the year with four digits (24/06/2025)", 6, 8),
    ("23 Nov 20", "'20' is not a year: write the year with four digits", 7, 9),
    ("18-Feb-16", "'16' is not a year: write the year with four digits", 7, 9),
    ("7-11", "'7' has no month", 0, 1),
    ("32 December 2020", "'32' is not a day of the month", 0, 2),
    ("Someday 3 May 2020", "'Someday' is not a month or a weekday", 0, 7),
    ("3 May 2020 maybe", "'maybe' is not part of a date", 11, 16),
    ("", "a date is missing", 0, 1),
    ("9" * 5000, "'" + "9" * 30 + "...' is not a day", 0, 5000),
]


@pytest.mark.parametrize(("text", "message", "start", "end"), [
    ("Tuesday-Wednesday 28 October 2025", "a range of weekdays needs a range of dates", 0, 17),
    ("Tuesday-Wednesday, 28 and 29 October 2025", "a range of weekdays needs a range of dates", 0, 17),
    ("Tuesday-Wednesday, Tuesday 28-29 October 2025", "this date has its weekday twice", 19, 29),
])
def test_weekday_range_errors(text: str, message: str, start: int, end: int) -> None:
    with pytest.raises(WhenError) as caught:
        dates(text)
    assert (caught.value.message, caught.value.start, caught.value.end) == (message, start, end)
    assert "Tuesday-Wednesday, October 28-29, 2025" in caught.value.hint or "weekdays once" in caught.value.hint


@pytest.mark.parametrize(("text", "message", "start", "end"), DATE_ERRORS)
def test_date_errors(text: str, message: str, start: int, end: int) -> None:
    with pytest.raises(WhenError) as caught:
        dates(text)
    assert (caught.value.message, caught.value.start, caught.value.end) == (message, start, end)
    assert "23 November 2020" in caught.value.hint and "2020-11-23" in caught.value.hint


def test_numeric_order() -> None:
    assert [numeric_order(code) for code in ("en", None, "en-GB", "en-US", "fr", "de", "xx", "12!")] == \
        ["dmy", "dmy", "dmy", "mdy", "dmy", "dmy", "dmy", "dmy"]


# ------------------------------------------------------------------------------------ headings

def test_headings() -> None:
    wednesday = heading_when("Wednesday 15 October 2025", ORIGIN)
    assert (wednesday[0] and wednesday[0].start, wednesday[1], wednesday[2]) == (D(15, 10, 2025, 2), None, "")
    morning = heading_when("Morning, 09.00–12.30", ORIGIN)
    assert (morning[0], morning[1] and (morning[1].start, morning[1].end), morning[2]) == \
        (None, (T(9, 0), T(12, 30)), "Morning")
    assert morning[1] is not None and morning[1].span == Span(3, 16, 3, 27)
    bare = heading_when("16.40 – 17.00", ORIGIN)
    assert (bare[0], bare[1] and (bare[1].start, bare[1].end), bare[2]) == (None, (T(16, 40), T(17, 0)), "")
    lunch = heading_when("12.30-14.00 Lunch break", ORIGIN)
    assert (lunch[1] and (lunch[1].start, lunch[1].end), lunch[2]) == ((T(12, 30), T(14, 0)), "Lunch break")
    sitting = heading_when("Tuesday, 3 May 2005 at 2.30pm", ORIGIN)
    assert (sitting[0] and sitting[0].start, sitting[1] and sitting[1].start, sitting[2]) == \
        (D(3, 5, 2005, 1), T(14, 30), "")
    assert heading_when("A. Items for decision", ORIGIN) == (None, None, "A. Items for decision")
    assert heading_when("2. Current political questions", ORIGIN) == (None, None, "2. Current political questions")
    matin = heading_when("mardi 14 octobre 2025, matin", ORIGIN, "fr")
    assert (matin[0] and matin[0].start, matin[1], matin[2]) == (D(14, 10, 2025, 1), None, "matin")
    evening = heading_when("Tuesday, October 9, 2018 - 7:00pm to 9:00pm", ORIGIN)
    assert (evening[0] and (evening[0].start, evening[0].end), evening[1] and (evening[1].start, evening[1].end),
            evening[2]) == ((D(9, 10, 2018, 1), None), (T(19, 0), T(21, 0)), "")
    meeting = heading_when("1370th meeting, 11 March 2020 (9.30 am)", ORIGIN)
    assert (meeting[0] and meeting[0].start, meeting[1] and meeting[1].start, meeting[2]) == \
        (D(11, 3, 2020), T(9, 30), "1370th meeting")
    session = heading_when("Session I (10:00-12:00)", ORIGIN)
    assert (session[1] and session[1].start, session[2]) == (T(10, 0), "Session I")


# Headings repeat (an agenda of many sittings writes "# Sitting, 10:00" again and again): where a
# heading's date and time are is searched for once per text and language, and the values are read
# again at each heading's own place. (text, language, date written at (start, end) and its value,
# time written at (start, end) and its value, title): offsets into the text, counted by hand.
REPEATED_HEADINGS = [
    ("Sitting, 10:00", None, None, None, (9, 14), (T(10, 0), None), "Sitting"),
    ("Monday 31 February 2026, 10:00", None, (0, 23), (D(31, 2, 2026, 0), None), (25, 30), (T(10, 0), None), ""),
    ("2021-13-01, 10:00", None, None, None, (12, 17), (T(10, 0), None), "2021-13-01"),  # month 13: title text
    ("7-11 December 2020", None, (0, 18), (D(7, 12, 2020), D(11, 12, 2020)), None, None, ""),
    ("Day 2 - Tuesday 3 May 2026", None, (8, 26), (D(3, 5, 2026, 1), None), None, None, "Day 2"),
    ("Morning (approx. 11.20)", None, None, None, (9, 22), (T(11, 20), None), "Morning"),
    ("Afternoon, 14:00-17:30 CET", None, None, None, (11, 26), (T(14, 0), T(17, 30)), "Afternoon"),
    ("Montag, 7. März 2022", "de", (0, 20), (D(7, 3, 2022, 0), None), None, None, ""),
    ("mardi 14 octobre 2025, matin", "fr", (0, 21), (D(14, 10, 2025, 1), None), None, None, "matin"),
    ("Report on 2025", None, None, None, None, None, "Report on 2025"),
]


@pytest.mark.parametrize(("text", "language", "date_at", "date", "time_at", "time", "title"), REPEATED_HEADINGS,
                         ids=[case[0] for case in REPEATED_HEADINGS])
def test_a_heading_seen_again_has_its_values_at_its_own_place(text, language, date_at, date, time_at, time,
                                                              title) -> None:
    when._heading_plan.cache_clear()
    for origin in (ORIGIN, Span(40, 3, 40, 80), ORIGIN, Span(41, 1, 41, 1)):  # the first search, then kept
        found_date, found_time, found_title = heading_when(text, origin, language)
        assert found_title == title
        if date is None:
            assert found_date is None
        else:
            assert found_date is not None and (found_date.start, found_date.end) == date
            assert found_date.span == Span(origin.line, origin.column + date_at[0], origin.line,
                                           origin.column + date_at[1])
            assert found_date.text == text[date_at[0]:date_at[1]]
            assert found_date.start.span.line == origin.line
        if time is None:
            assert found_time is None
        else:
            assert found_time is not None and (found_time.start, found_time.end) == time
            assert found_time.span == Span(origin.line, origin.column + time_at[0], origin.line,
                                           origin.column + time_at[1])
    assert when._heading_plan.cache_info().hits >= 3


def test_the_sittings_heading_of_the_hostile_benchmark_at_two_places() -> None:
    first = heading_when("Sitting, 10:00", Span(3, 7, 3, 21))
    again = heading_when("Sitting, 10:00", Span(40, 3, 40, 17))
    assert first[1] is not None and first[1].span == Span(3, 16, 3, 21) and first[1].text == "10:00"
    assert again[1] is not None and again[1].span == Span(40, 12, 40, 17) and again[1].text == "10:00"
    assert (first[0], first[2], again[0], again[2]) == (None, "Sitting", None, "Sitting")


def test_a_long_heading_is_searched_each_time_and_not_kept() -> None:
    when._heading_plan.cache_clear()
    text = "Report " * 40 + "on the sitting, 10:00"  # 301 characters
    for origin in (ORIGIN, Span(9, 1, 9, 1)):
        found = heading_when(text, origin)
        assert found[1] is not None and found[1].span == Span(origin.line, origin.column + 296, origin.line,
                                                              origin.column + 301)
        assert found[2] == "Report " * 40 + "on the sitting"
    assert when._heading_plan.cache_info().currsize == 0


def _exact(value: object) -> object:
    """A value with its spans and texts, which the nodes' equality leaves out."""
    if isinstance(value, tuple) and not isinstance(value, Span):
        return tuple(_exact(part) for part in value)
    if isinstance(value, DateRange):
        return ("dates", _exact(value.start), _exact(value.end), value.span, _exact(value.days), value.open_end,
                value.text)
    if isinstance(value, DateValue):
        return ("date", value, value.span)
    if isinstance(value, TimeSlot):
        return ("time", value, value.span, value.text, _exact(value.also))
    return value


_HEADING_WORDS = st.sampled_from(["Sitting", "Morning", "Lunch", "Report", "Session I", "Day 2", "le", "from",
                                  "approx.", "noon", "Tuesday", "May", "mardi", "octobre", "à partir de",
                                  "Europe/Paris", "(", ")", "#", "~", "1370th", "CET"])
_HEADING_TEXT = st.lists(st.one_of(_HEADING_WORDS, st.text(
    alphabet="0123456789 :.-–/h+'apmAPM,()~±?UTCESTandtoàfromvers", max_size=12)), max_size=6).map(" ".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_HEADING_TEXT, st.sampled_from([None, "fr", "de", "en-US"]))
def test_the_kept_search_of_a_heading_gives_what_a_new_search_gives(text: str, language: str | None) -> None:
    elsewhere = Span(12, 5, 12, 60)
    heading_when(text, ORIGIN, language)  # kept
    kept = heading_when(text, elsewhere, language)
    when._heading_plan.cache_clear()
    assert _exact(kept) == _exact(heading_when(text, elsewhere, language))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_HEADING_TEXT, st.sampled_from([None, "fr", "de", "en-US"]))
def test_no_date_or_time_starts_with_a_word_the_search_passes_over(text: str, language: str | None) -> None:
    """The search of a heading does not try the places that start with a word that cannot start
    a date or a time: from them, both readers refuse every length, and trying them all changes
    nothing."""
    tokens = when._lex(text)
    for first in range(len(tokens)):
        if when._may_start(tokens[first], language):
            continue
        for last in range(first + 1, min(len(tokens), first + 6) + 1):
            written = text[tokens[first].start:tokens[last - 1].end]
            with pytest.raises(WhenError):
                parse_dates(written, ORIGIN, language)
            with pytest.raises(WhenError):
                parse_times(written, ORIGIN, language)


def test_the_search_of_a_heading_finds_the_same_when_it_tries_every_place(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [case[0] for case in REPEATED_HEADINGS] + [
        "Sitting, 10:00", "Lunch break, 12.30-14.00", "Le mardi 4 octobre 2005", "from 18.30 to 20.30 hours",
        "Session (approx. 11.20)", "Report, noon", "Afternoon – from 14:00", "~ 10:00, opening"]
    found = {text: _exact(heading_when(text, ORIGIN, language)) for text in texts for language in (None, "fr")}
    when._heading_plan.cache_clear()
    monkeypatch.setattr(when, "_may_start", lambda token, language: True)
    assert found == {text: _exact(heading_when(text, ORIGIN, language)) for text in texts for language in (None, "fr")}
    when._heading_plan.cache_clear()


# ---------------------------------------------------------------------------------- properties

@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40), st.sampled_from([None, "en", "fr", "de", "en-US", "x!"]))
def test_any_text_is_a_value_or_a_when_error(text: str, language: str | None) -> None:
    for parse in (lambda: parse_times(text, ORIGIN, language), lambda: parse_dates(text, ORIGIN, language),
                  lambda: parse_duration(text, ORIGIN)):
        try:
            value = parse()
        except WhenError as error:
            assert error.message and error.hint and 0 <= error.start < error.end
            continue
        assert isinstance(value, TimeSlot | DateRange | Duration)
        assert value.text == text.strip()
        assert text[value.span.column - 7:value.span.end_column - 7] == value.text
    result = heading_when(text, ORIGIN, language)
    assert isinstance(result[2], str)


_WORDY = st.text(alphabet="0123456789 :.-–/h+'apmAPM,()~±?UTCESTandtoàfromvers", max_size=30)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(_WORDY)
def test_time_like_text_is_a_value_or_a_when_error(text: str) -> None:
    for parse in (parse_times, parse_dates, heading_when):
        with contextlib.suppress(WhenError):
            parse(text, ORIGIN)
    with contextlib.suppress(WhenError):
        parse_duration(text, ORIGIN)


@given(st.integers(0, 23), st.integers(0, 59), st.integers(0, 23), st.integers(0, 59),
       st.sampled_from(["{h}:{m:02d}", "{h:02d}:{m:02d}", "{h}h{m:02d}", "{h}.{m:02d}", "{h} h {m:02d}"]),
       st.sampled_from(["-", " – ", " to ", "—"]))
def test_generated_slots_read_back(h1: int, m1: int, h2: int, m2: int, form: str, dash: str) -> None:
    text = form.format(h=h1, m=m1) + dash + form.format(h=h2, m=m2)
    slot = times(text)
    assert (slot.start, slot.end, slot.text) == (T(h1, m1), T(h2, m2), text)


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["am", "pm", " a.m.", " P.M.", " PM"]))
def test_generated_twelve_hour_times_read_back(hour: int, minute: int, suffix: str) -> None:
    slot = times(f"{hour}:{minute:02d}{suffix}")
    afternoon = "p" in suffix.lower()
    assert slot.start == T(hour % 12 + (12 if afternoon else 0), minute)


_ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"]
_FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"]


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)),
       st.sampled_from(["{d} {M} {y}", "{M} {d}, {y}", "{W} {d} {M} {y}", "{W}, {M} {d}, {y}", "{y}-{m:02d}-{d:02d}",
                        "{d:02d}/{m:02d}/{y}", "{d}.{m}.{y}"]))
def test_generated_dates_read_back(day: datetime.date, form: str) -> None:
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    text = form.format(d=day.day, m=day.month, y=day.year, M=_ENGLISH_MONTHS[day.month - 1],
                       W=weekdays[day.weekday()])
    value = dates(text)
    assert value.start.to_date() == day
    assert value.start.weekday == (day.weekday() if "{W}" in form else None)
    assert value.text == text


@given(st.dates(datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)))
def test_generated_french_dates_read_back(day: datetime.date) -> None:
    value = dates(f"{day.day} {_FRENCH_MONTHS[day.month - 1]} {day.year}", "fr")
    assert value.start.to_date() == day


@given(st.integers(0, 20), st.integers(0, 59), st.integers(1, 300))
def test_generated_durations_read_back(hours: int, minutes: int, alone: int) -> None:
    assert parse_duration(f"{hours} h {minutes} min", ORIGIN).minutes == hours * 60 + minutes
    assert parse_duration(f"{hours}h{minutes:02d}", ORIGIN).minutes == hours * 60 + minutes
    assert parse_duration(f"{alone} min", ORIGIN).minutes == alone


# --------------------------------------------------------------------------------------- speed

def test_common_forms_do_not_load_babel_once_cached() -> None:
    import subprocess
    import sys

    code = ("import sys; from agendadsl.language.when import parse_times, parse_dates; "
            "from agendadsl.language.span import Span; o = Span(1, 1, 1, 1); "
            "parse_dates('Monday 23 November 2020', o); parse_times('09:30-10:00', o); parse_times('9 am CEST', o); "
            "print('babel' in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # fills the cache
    second = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert second.stdout.strip() == "False"


@pytest.mark.parametrize(("text", "code"), [("18:60", "invalid-time"), ("25:00", "invalid-time"),
                                            ("10:00 Europe/Strasburg", "unknown-time-zone"),
                                            ("nine", None), ("10:00 to", None)])
def test_time_errors_carry_the_precise_code(text: str, code: str | None) -> None:
    """Well written but impossible values, and unknown zones, keep codes of their own."""
    with pytest.raises(WhenError) as caught:
        times(text)
    assert caught.value.code == code


# Issue 14: with the weekday check reading only the first date of each range, no test failed.
@pytest.mark.parametrize(("dates", "column", "message"), [
    ("Monday 9 March - Wednesday 12 March 2026", 24, "12 March 2026 is a Thursday, not a Wednesday"),
    ("Monday 9 - Wednesday 12 March 2026", 18, "12 March 2026 is a Thursday, not a Wednesday"),
    ("Monday 9, Tuesday 10 and Friday 12 March 2026", 32, "12 March 2026 is a Thursday, not a Friday"),
    ("Monday 9, Friday 10 and Thursday 12 March 2026", 17, "10 March 2026 is a Tuesday, not a Friday"),
    ("Sunday 9 - Thursday 12 March 2026", 7, "9 March 2026 is a Monday, not a Sunday"),
])
def test_every_weekday_of_a_range_or_list_is_checked(dates: str, column: int, message: str) -> None:
    from agendadsl import analyse

    places = [(f"date: {dates}\n\n1. A\n", 2)]
    if "," not in dates:  # in a next meeting, a comma ends the dates
        places.append((f"date: 1 May 2026\n\n1. A\n\nnext meetings:\n  - {dates}\n", 7))
    for header, line in places:
        _agenda, diagnostics = analyse("body: Board\n" + header)
        found = [(d.span.line, d.span.column, d.message) for d in diagnostics if d.code == "weekday-mismatch"]
        offset = 0 if line == 2 else len("  - ") - len("date: ")  # the dates start two columns earlier
        assert found == [(line, column + offset, message)], header


def test_an_items_time_outside_the_meetings_is_reported_against_the_meeting_under_a_heading_without_time() -> None:
    from agendadsl import analyse

    source = "date: 1 May 2026\ntime: 09:00-12:00\n\n# Friday 1 May 2026\n\n1. Opening\n   @time 13:00\n"
    assert [(d.code, d.message, d.span.line) for d in analyse(source)[1]] == [
        ("time-outside-sitting", "this item's time (13:00) is outside the meeting (09:00-12:00)", 7)]
