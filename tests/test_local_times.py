"""``local times:``: the meeting's time on other clocks, as groups that meet across time zones print
it. The expected values are the Node.js TSC agenda's own (samples/real/nodejs-tsc-2016-02-18.txt)
and dates on which the zones' daylight saving time differ."""

from __future__ import annotations

import json

import pytest

from agendadsl import analyse, format_source
from agendadsl.render import Options, render_text
from agendadsl.render.view import build

NODE = """body: Node.js Foundation Technical Steering Committee (TSC)
date: Thu 18-Feb-2016
time: 20:00 UTC
local times: San Francisco (America/Los_Angeles), New York (America/New_York), Amsterdam (Europe/Amsterdam), \
Moscow (Europe/Moscow), Sydney (Australia/Sydney), Tokyo (Asia/Tokyo)

1. Preferred meeting tools
"""


def load(source: str):
    agenda, diagnostics = analyse(source)
    assert agenda is not None and not [d for d in diagnostics if d.is_error], [d.code for d in diagnostics]
    return agenda


def test_the_node_js_cities_get_the_times_the_original_prints() -> None:
    # "San Francisco: Thu 18-Feb-2016 12:00" ... "Sydney: Fri 19-Feb-2016 07:00", "Tokyo: Fri 19-Feb-2016 05:00"
    assert build(load(NODE)).meeting.local_times == (
        ("San Francisco", "Thursday, 18 February 2016, 12:00"),
        ("New York", "Thursday, 18 February 2016, 15:00"),
        ("Amsterdam", "Thursday, 18 February 2016, 21:00"),
        ("Moscow", "Thursday, 18 February 2016, 23:00"),
        ("Sydney", "Friday, 19 February 2016, 07:00"),
        ("Tokyo", "Friday, 19 February 2016, 05:00"))


def test_daylight_saving_time_of_each_place_on_that_date() -> None:
    # 20 March 2025: New York is on summer time (since 9 March), Paris not yet (30 March).
    source = "date: 20 March 2025\ntime: 14:00-15:30 Europe/Paris\nlocal times: New York (America/New_York)\n\n1. A\n"
    assert build(load(source)).meeting.local_times == (("New York", "Thursday, 20 March 2025, 09:00–10:30"),)


def test_a_slot_that_ends_on_the_next_day_there() -> None:
    source = "date: 18 February 2016\ntime: 20:00-22:30 UTC\nlocal times: Asia/Tokyo\n\n1. A\n"
    assert build(load(source)).meeting.local_times == (
        ("Tokyo", "Friday, 19 February 2016, 05:00–07:30"),)
    source = "date: 18 February 2016\ntime: 13:00-16:00 UTC\nlocal times: Asia/Tokyo\n\n1. A\n"
    assert build(load(source)).meeting.local_times == (
        ("Tokyo", "Thursday, 18 February 2016, 22:00 \u2013 Friday, 19 February 2016, 01:00"),)


def test_a_zone_alone_is_named_by_its_city_in_the_output_language() -> None:
    source = "date: 18 February 2016\ntime: 20:00 UTC\nlocal times: Europe/Moscow, New York (EST)\n\n1. A\n"
    agenda = load(source)
    assert build(agenda, language="fr").meeting.local_times == (
        ("Moscou", "jeudi 18 février 2016, 23\u00a0h\u00a000"), ("New York", "jeudi 18 février 2016, 15\u00a0h\u00a000"))


def test_fmt_keeps_the_zones_as_written() -> None:
    source = ("date: 18 February 2016\ntime: 20:00 UTC\nlocal times: Europe/Moscow,New York ( EST )\n\n"
              "1. A\n")
    formatted = format_source(source).text
    assert "local times: Europe/Moscow, New York (EST)\n" in formatted
    assert format_source(formatted).text == formatted


def test_an_unknown_zone_is_reported_where_it_is_written() -> None:
    _agenda, diagnostics = analyse("date: 18 February 2016\ntime: 20:00 UTC\n"
                                   "local times: Tokyo (Asia/Tokyo), Base (Mars/Olympus)\n\n1. A\n")
    (problem,) = diagnostics
    assert (problem.code, problem.span.line, problem.span.column) == ("unknown-time-zone", 3, 34)
    assert "'Mars/Olympus'" in problem.message


@pytest.mark.parametrize(("header", "missing"), [
    ("date: 18 February 2016\ntime: 20:00\n", "time zone on its time"),
    ("date: 18 February 2016\n", "time"),
    ("time: 20:00 UTC\n", "date"),
])
def test_local_times_need_a_date_and_a_zoned_time(header: str, missing: str) -> None:
    source = header + "local times: Asia/Tokyo\n\n1. A\n"
    agenda, diagnostics = analyse(source)
    assert [(d.code, d.is_error) for d in diagnostics] == [("local-times-without-time", False)]
    assert f"has no {missing} to convert" in diagnostics[0].message
    assert build(agenda).meeting.local_times == ()


def test_every_format_prints_them() -> None:
    agenda = load(NODE)
    assert "Sydney: Friday, 19 February 2016, 07:00" in render_text(agenda, "markdown", Options())
    assert "Sydney:</span> Friday, 19 February 2016, 07:00</li>" in render_text(agenda, "html", Options())
    assert "{\\small Sydney: Friday, 19 February 2016, 07:00}\\par" in render_text(agenda, "latex", Options())
    data = json.loads(render_text(agenda, "json", Options()))
    assert data["meeting"]["local_times"][4] == {"place": "Sydney", "zone": "Australia/Sydney",
                                                 "start": "2016-02-19T07:00:00+11:00", "end": None}
