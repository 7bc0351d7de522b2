# ruff: noqa: RUF001  (CLDR writes en dashes)
"""render/localise.py: dates, times and durations written per language and region (CLDR).

Expected strings are literal. CLDR puts thin spaces (U+2009) around the en dash of most intervals,
and a narrow no-break space (U+202F) before AM/PM; they are written as escapes here.

``nl`` has no wording file: it is rendered wholly in English (en.toml, whose Babel locale is
en_GB), dates included, so that no agenda mixes two languages."""

from __future__ import annotations

import pytest

from agendadsl.language.span import Span
from agendadsl.language.when import parse_dates, parse_duration, parse_times
from agendadsl.render.localise import locale

ORIGIN = Span(1, 1, 1, 1)
LANGUAGES = ("en", "en-US", "en-GB", "fr", "nl")

DATES = {
    "7-11 December 2020": ("7\u2009–\u200911 December 2020", "December 7\u2009–\u200911, 2020",
                           "7\u2009–\u200911 December 2020", "7–11 décembre 2020", "7\u2009–\u200911 December 2020"),
    "28 June - 2 July 2021": ("28 June\u2009–\u20092 July 2021", "June 28\u2009–\u2009July 2, 2021",
                              "28 June\u2009–\u20092 July 2021", "28 juin\u2009–\u20092 juillet 2021",
                              "28 June\u2009–\u20092 July 2021"),
    "30 December 2026 - 2 January 2027": (
        "30 December 2026\u2009–\u20092 January 2027", "December 30, 2026\u2009–\u2009January 2, 2027",
        "30 December 2026\u2009–\u20092 January 2027", "30 décembre 2026\u2009–\u20092 janvier 2027",
        "30 December 2026\u2009–\u20092 January 2027"),
    "23 November 2020": ("23 November 2020", "November 23, 2020", "23 November 2020", "23 novembre 2020",
                         "23 November 2020"),
    "Monday 23 November 2020": ("Monday, 23 November 2020", "Monday, November 23, 2020", "Monday, 23 November 2020",
                                "lundi 23 novembre 2020", "Monday, 23 November 2020"),
    "8 and 9 October 2025": ("8 and 9 October 2025", "October 8 and 9, 2025", "8 and 9 October 2025",
                             "8 et 9 octobre 2025", "8 and 9 October 2025"),
    "8, 9 and 10 October 2025": ("8, 9 and 10 October 2025", "October 8, 9, and 10, 2025", "8, 9 and 10 October 2025",
                                 "8, 9 et 10 octobre 2025", "8, 9 and 10 October 2025"),
    "11 December 2025 - ?": ("from 11 December 2025", "from December 11, 2025", "from 11 December 2025",
                             "à partir du 11 décembre 2025", "from 11 December 2025"),
    "October 28": ("October 28",) * 5,
    "31 February 2026": ("31 February 2026",) * 5,
}


@pytest.mark.parametrize("written", list(DATES))
def test_dates(written: str) -> None:
    value = parse_dates(written, ORIGIN)
    assert tuple(locale(code).dates(value) for code in LANGUAGES) == DATES[written]


TIMES = {
    "15:15-16:00": ("15:15–16:00", "3:15\u2009–\u20094:00\u202fPM", "15:15–16:00", "15\u00a0h\u00a015 – 16\u00a0h\u00a000", "15:15–16:00"),
    "09:15-16:00": ("09:15–16:00", "9:15\u202fAM\u2009–\u20094:00\u202fPM", "09:15–16:00", "9\u00a0h\u00a015 – 16\u00a0h\u00a000",
                    "09:15–16:00"),
    "15:15": ("15:15", "3:15\u202fPM", "15:15", "15\u00a0h\u00a015", "15:15"),
    "approx. 11.20": ("approx. 11:20", "approx. 11:20\u202fAM", "approx. 11:20", "vers 11\u00a0h\u00a020", "approx. 11:20"),
    "from 08.30": ("from 08:30", "from 8:30\u202fAM", "from 08:30", "à partir de 8\u00a0h\u00a030", "from 08:30"),
    "09:00-12:30 and 14:00-18:00": (
        "09:00–12:30 and 14:00–18:00", "9:00\u202fAM\u2009–\u200912:30\u202fPM and 2:00\u2009–\u20096:00\u202fPM",
        "09:00–12:30 and 14:00–18:00", "9\u00a0h\u00a000 – 12\u00a0h\u00a030 et 14\u00a0h\u00a000 – 18\u00a0h\u00a000", "09:00–12:30 and 14:00–18:00"),
    "10:00 to 15:00 EDT (America/New_York)": (
        "10:00–15:00 EDT (America/New_York)", "10:00\u202fAM\u2009–\u20093:00\u202fPM EDT (America/New_York)",
        "10:00–15:00 EDT (America/New_York)", "10\u00a0h\u00a000 – 15\u00a0h\u00a000 EDT (America/New_York)",
        "10:00–15:00 EDT (America/New_York)"),
    # Both in the afternoon from noon on: one PM, after the end (12 is PM in a 12-hour clock).
    "12:30-13:30": ("12:30–13:30", "12:30\u2009–\u20091:30\u202fPM", "12:30–13:30", "12\u00a0h\u00a030 – 13\u00a0h\u00a030",
                    "12:30–13:30"),
    "23:00-24:00": ("23:00–24:00", "11:00\u202fPM–12:00\u202fAM", "23:00–24:00", "23\u00a0h\u00a000 – 24\u00a0h\u00a000", "23:00–24:00"),
}


@pytest.mark.parametrize("written", list(TIMES))
def test_times(written: str) -> None:
    value = parse_times(written, ORIGIN)
    assert tuple(locale(code).times(value) for code in LANGUAGES) == TIMES[written]


def test_durations() -> None:
    assert [locale(code).duration_value(parse_duration("10+5 min", ORIGIN)) for code in LANGUAGES] == ["10 + 5 min"] * 5
    assert [locale(code).duration_value(parse_duration("1 h 30", ORIGIN)) for code in LANGUAGES] == \
        ["1 h 30 min", "1 h 30 min", "1 h 30 min", "1 h 30", "1 h 30 min"]


def test_regions() -> None:
    assert [(locale(code).code, locale(code).cldr) for code in LANGUAGES] == \
        [("en", "en_GB"), ("en", "en_US"), ("en", "en_GB"), ("fr", "fr_FR"), ("en", "en_GB")]
    assert (locale("fr-CH").code, locale("fr-CH").cldr) == ("fr", "fr_CH")
    assert (locale("nl-NL").code, locale("nl-NL").cldr) == ("en", "en_GB")  # English wording: English dates
    assert (locale("de-AT").code, locale("de-AT").cldr) == ("de", "de_AT")  # German ships: Austrian dates


@pytest.mark.parametrize(("written", "english", "french"), [
    ("7 December 2020", "7 December 2020", "7 décembre 2020"),
    ("Monday 7 December 2020", "Monday 7 December 2020", "lundi 7 décembre 2020"),  # the weekday kept
])
def test_a_single_date_is_written_with_its_weekday_when_the_agenda_gives_one(written, english, french) -> None:
    value = parse_dates(written, ORIGIN)
    assert (locale("en").date_range(value), locale("fr").date_range(value)) == (english, french)


def test_existing_methods_unchanged_for_a_region() -> None:
    # the methods that today's goldens use keep the wording file's Babel locale
    assert locale("en-US").babel == "en_GB"
    value = parse_dates("7-11 December 2020", ORIGIN)
    assert locale("en-US").date_range(value) == "7-11 December 2020"
