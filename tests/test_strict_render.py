# ruff: noqa: RUF001  (CLDR and the wording files write en dashes; Russian text)
"""Strict tests of the renders' values: the localised dates, times and words in several shipped
languages, the view's fields, the whole JSON objects and iCalendar events, the diff summary's words
and the escaping. Every expected value is written out by hand (what the reader of the agenda should
see), never computed with the code under test; each compares a whole value, so that any one changed
token of the functions named in each group's comment shows."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from agendadsl import diff, parse
from agendadsl.language.diagnostics import AgendaError
from agendadsl.render import Options, View, _bilingual, cldr, render_bytes, render_text, tex_lines, to_json
from agendadsl.render import change_words as words
from agendadsl.render.escape import latex, latex_url, markdown, markdown_number, markdown_url
from agendadsl.render.final import unconfirmed
from agendadsl.render.json_export import _Streamed
from agendadsl.render.json_text import pieces
from agendadsl.render.localise import locale
from agendadsl.render.view import build
from agendadsl.render.view_model import Segment as S

NB = "\u00a0"  # no-break space
NNB = "\u202f"  # narrow no-break space
TH = "\u2009"  # thin space


def header_dates(text: str, language: str = "en"):
    return parse(f"body: X\ndate: {text}\nlanguage: {language}\n\n1. A\n").agenda.meeting.dates


def header_time(text: str):
    return parse(f"body: X\ndate: 1 March 2021\ntime: {text}\n\n1. A\n").agenda.meeting.time


# ------------------------------------------------------------------ localise: Locale.dates
# A header's date, range or list of days as each language prints it (CLDR's formats).

DATES = [
    ("en", "23 November 2020", "23 November 2020"),
    ("en", "Monday 23 November 2020", "Monday, 23 November 2020"),
    ("en", "7-11 December 2020", f"7{TH}–{TH}11 December 2020"),
    ("en", "28 June - 2 July 2021", f"28 June{TH}–{TH}2 July 2021"),
    ("en", "30 December 2026 - 2 January 2027", f"30 December 2026{TH}–{TH}2 January 2027"),
    ("en", "8 and 9 October 2025", "8 and 9 October 2025"),
    ("en", "8, 9 and 10 October 2025", "8, 9 and 10 October 2025"),
    ("en", "30 September and 1 October 2025", "30 September 2025 and 1 October 2025"),
    ("en", "from 11 December 2025", "from 11 December 2025"),
    ("en", "Wednesday 8 and Thursday 9 October 2025", f"Wednesday, 8{TH}October and Thursday, 9 October 2025"),
    ("en", "Monday 5 - Tuesday 6 October 2026", f"Monday, 5{TH}October –{TH}Tuesday, 6 October 2026"),
    ("fr", "23 November 2020", "23 novembre 2020"),
    ("fr", "Monday 23 November 2020", "lundi 23 novembre 2020"),
    ("fr", "7-11 December 2020", "7–11 décembre 2020"),
    ("fr", "28 June - 2 July 2021", f"28 juin{TH}–{TH}2 juillet 2021"),
    ("fr", "30 December 2026 - 2 January 2027", f"30 décembre 2026{TH}–{TH}2 janvier 2027"),
    ("fr", "8 and 9 October 2025", "8 et 9 octobre 2025"),
    ("fr", "8, 9 and 10 October 2025", "8, 9 et 10 octobre 2025"),
    ("fr", "30 September and 1 October 2025", "30 septembre 2025 et 1 octobre 2025"),
    ("fr", "from 11 December 2025", "à partir du 11 décembre 2025"),
    ("fr", "Wednesday 8 and Thursday 9 October 2025", "mercredi 8 et jeudi 9 octobre 2025"),
    ("fr", "Wednesday 8, Thursday 9 and Friday 10 October 2025", "mercredi 8, jeudi 9 et vendredi 10 octobre 2025"),
    ("fr", "Monday 5 - Tuesday 6 October 2026", f"lundi 5{TH}–{TH}mardi 6 octobre 2026"),
    ("de", "23 November 2020", "23. November 2020"),
    ("de", "Monday 23 November 2020", "Montag, 23. November 2020"),
    ("de", "7-11 December 2020", "7.–11. Dezember 2020"),
    ("de", "8, 9 and 10 October 2025", "8., 9. und 10. Oktober 2025"),
    ("de", "from 11 December 2025", "ab 11. Dezember 2025"),
    ("ru", "23 November 2020", f"23 ноября 2020{NNB}г."),
    ("ru", "7-11 December 2020", f"7—11 декабря 2020{NNB}г."),
    ("ru", "30 December 2026 - 2 January 2027", f"30 декабря 2026{NNB}г. — 2 января 2027{NNB}г."),
    ("ru", "from 11 December 2025", f"с 11 декабря 2025{NNB}г."),
    ("it", "8 and 9 October 2025", "08 e 09 ottobre 2025"),
    ("it", "from 11 December 2025", "dall'11 dicembre 2025"),  # elided before a vowel sound
    ("it", "from 8 December 2025", "dall'8 dicembre 2025"),
    ("it", "from 12 December 2025", "dal 12 dicembre 2025"),
    ("it", "from 18 December 2025", "dal 18 dicembre 2025"),
    ("en-US", "23 November 2020", "November 23, 2020"),
    ("en-US", "7-11 December 2020", f"December 7{TH}–{TH}11, 2020"),
    ("en-US", "8, 9 and 10 October 2025", "October 8, 9, and 10, 2025"),
    ("en-US", "Wednesday 8 and Thursday 9 October 2025", "Wednesday, October 8 and Thursday, October 9, 2025"),
]


@pytest.mark.parametrize(("language", "written", "printed"), DATES)
def test_a_header_date_is_printed_in_the_output_language(language: str, written: str, printed: str) -> None:
    assert locale(language).dates(header_dates(written, language)) == printed


# ------------------------------------------------------------------ localise: Locale.date_range
# The older wording-file formats (next meetings' lists, documents' dates): a range keeps the
# wording file's separators; a list of days is its first day.

DATE_RANGES = [
    ("en", "23 November 2020", "23 November 2020"),
    ("en", "Monday 23 November 2020", "Monday 23 November 2020"),
    ("en", "7-11 December 2020", "7-11 December 2020"),
    ("en", "28 June - 2 July 2021", "28 June - 2 July 2021"),
    ("en", "30 December 2026 - 2 January 2027", "30 December 2026 - 2 January 2027"),
    ("en", "8 and 9 October 2025", "8 October 2025"),
    ("en", "Monday 5 - Tuesday 6 October 2026", "Monday 5 October 2026 - Tuesday 6 October 2026"),
    ("en", "5 - 5 October 2026", "5 October 2026"),
    ("fr", "7-11 December 2020", "7-11 décembre 2020"),
    ("fr", "28 June - 2 July 2021", "28 juin - 2 juillet 2021"),
    ("fr", "Monday 23 November 2020", "lundi 23 novembre 2020"),
    ("de", "7-11 December 2020", "7.–11. Dezember 2020"),
    ("de", "28 June - 2 July 2021", "28. Juni – 2. Juli 2021"),
    ("de", "Monday 23 November 2020", "Montag, 23. November 2020"),
    ("ru", "30 December 2026 - 2 January 2027", "30 декабря 2026 – 2 января 2027"),
]


@pytest.mark.parametrize(("language", "written", "printed"), DATE_RANGES)
def test_a_date_range_is_printed_with_the_wording_files_separators(language: str, written: str,
                                                                   printed: str) -> None:
    assert locale(language).date_range(header_dates(written, language)) == printed


# ------------------------------------------------------------------ localise: Locale.times
# A time, slot, approximate or open time, several slots, a zone, as each language prints them.

TIMES = [
    ("en", "09:30", "09:30"),
    ("en", "09:30-10:00", "09:30–10:00"),
    ("en", "09:30-09:45", "09:30–09:45"),
    ("en", "10:00-10:00", "10:00–10:00"),
    ("en", "~11:20", "approx. 11:20"),
    ("en", "from 08:30", "from 08:30"),
    ("en", "09:00-24:00", "09:00–24:00"),
    ("en", "14:00-15:00 CET", "14:00–15:00 CET"),
    ("en", "09:00-10:00, 14:00-15:00", "09:00–10:00 and 14:00–15:00"),
    ("en", "~09:00-10:00", "approx. 09:00–10:00"),
    ("fr", "09:30", f"9{NB}h{NB}30"),
    ("fr", "09:30-10:00", f"9{NB}h{NB}30 – 10{NB}h{NB}00"),
    ("fr", "~11:20", f"vers 11{NB}h{NB}20"),
    ("fr", "from 08:30", f"à partir de 8{NB}h{NB}30"),
    ("fr", "09:00-24:00", f"9{NB}h{NB}00 – 24{NB}h{NB}00"),
    ("fr", "09:00-10:00, 14:00-15:00", f"9{NB}h{NB}00 – 10{NB}h{NB}00 et 14{NB}h{NB}00 – 15{NB}h{NB}00"),
    ("de", "09:30", "09:30"),
    ("de", "09:30-10:00", "09:30–10:00 Uhr"),
    ("de", "10:00-10:00", "10:00–10:00"),
    ("de", "~11:20", "ca. 11:20"),
    ("de", "from 08:30", "ab 08:30"),
    ("de", "14:00-15:00 CET", "14:00–15:00 Uhr CET"),
    ("it", "~11:20", "verso le 11:20"),
    ("it", "from 08:30", "dalle 08:30"),
    ("ru", "09:30-10:00", "09:30—10:00"),
    ("ru", "~11:20", "около 11:20"),
    ("ru", "09:00-10:00, 14:00-15:00", "09:00—10:00 и 14:00—15:00"),
    ("en-US", "09:30", f"9:30{NNB}AM"),
    ("en-US", "09:30-10:00", f"9:30{TH}–{TH}10:00{NNB}AM"),
    ("en-US", "09:30-09:45", f"9:30{TH}–{TH}9:45{NNB}AM"),
    ("en-US", "11:30-13:00", f"11:30{NNB}AM{TH}–{TH}1:00{NNB}PM"),
    ("en-US", "10:00-10:00", f"10:00{NNB}AM–10:00{NNB}AM"),
    ("en-US", "09:00-24:00", f"9:00{NNB}AM–12:00{NNB}AM"),
    ("en-US", "14:00-15:00 CET", f"2:00{TH}–{TH}3:00{NNB}PM CET"),
]


@pytest.mark.parametrize(("language", "written", "printed"), TIMES)
def test_a_time_is_printed_in_the_output_language(language: str, written: str, printed: str) -> None:
    assert locale(language).times(header_time(written)) == printed


# ------------------------------------------------------------------ localise: durations, labels, words


@pytest.mark.parametrize(("language", "printed"), [
    ("en", ["0 min", "5 min", "1 h", "1 h 30 min", "2 h", "2 h 1 min"]),
    ("fr", ["0 min", "5 min", "1 h", "1 h 30", "2 h", "2 h 01"]),
    ("de", ["0 Min.", "5 Min.", "1 Std.", "1 Std. 30 Min.", "2 Std.", "2 Std. 1 Min."]),
    ("ru", ["0 мин", "5 мин", "1 ч", "1 ч 30 мин", "2 ч", "2 ч 1 мин"]),
])
def test_a_duration_is_printed_in_hours_and_minutes(language: str, printed: list[str]) -> None:
    assert [locale(language).duration(m) for m in (0, 5, 60, 90, 120, 121)] == printed


@pytest.mark.parametrize(("language", "printed"), [("en", "10 + 5 min"), ("de", "10 + 5 Min."), ("ru", "10 + 5 мин")])
def test_a_duration_written_as_a_sum_keeps_its_parts(language: str, printed: str) -> None:
    item = parse("body: X\ndate: 1 March 2021\n\n1. A\n   @duration 10 + 5 min\n").agenda.items[0]
    assert locale(language).duration_value(item.duration) == printed


@pytest.mark.parametrize(("language", "presenter", "status"), [
    ("en", "Presenter: Y", "done"), ("fr", f"Présentation{NB}: Y", "fait"), ("de", "Vortrag: Y", "erledigt"),
    ("ru", "Докладчик: Y", "выполнено"), ("it", "Relatore: Y", None),
])
def test_labels_and_table_words_are_in_the_output_language(language: str, presenter: str, status: str | None) -> None:
    loc = locale(language)
    assert loc.label("presenter", name="Y") == presenter
    if status is not None:
        assert loc.word_or_written("action_status", "done") == status
    assert loc.word_or_written("action_status", "queued") == "queued"
    assert loc.word_or_written("no such table", "as written") == "as written"


def test_french_typesetting_puts_no_break_spaces_around_the_high_marks() -> None:
    text = "Note : a ; b ! c ? « d » e:f"
    assert locale("fr").typeset(text) == f"Note{NB}: a{NNB}; b{NNB}! c{NNB}? «{NB}d{NB}» e:f"
    assert locale("fr-CH").typeset(text) == f"Note{NB}: a{NNB}; b{NNB}! c{NNB}? «{NB}d{NB}» e:f"
    assert locale("fr").typeset("a:b") == "a:b"
    assert locale("en").typeset(text) == text
    assert locale("de").typeset(text) == text


@pytest.mark.parametrize(("language", "moscow"), [("en", "Moscow"), ("fr", "Moscou"), ("de", "Moskau"),
                                                  ("ru", "Москва")])
def test_a_zone_is_named_by_its_city_in_the_output_language(language: str, moscow: str) -> None:
    loc = locale(language)
    assert (loc.city("Europe/Moscow"), loc.city("UTC"), loc.city("+02:00")) == (moscow, None, None)


LOCAL_TIMES = [
    ("en", "Thursday, 18 February 2016, 12:00", "Thursday, 18 February 2016, 12:00–13:30",
     "Thursday, 18 February 2016, 23:00 – Friday, 19 February 2016, 01:00"),
    ("fr", f"jeudi 18 février 2016, 12{NB}h{NB}00", f"jeudi 18 février 2016, 12{NB}h{NB}00 – 13{NB}h{NB}30",
     f"jeudi 18 février 2016, 23{NB}h{NB}00 – vendredi 19 février 2016, 1{NB}h{NB}00"),
    ("de", "Donnerstag, 18. Februar 2016, 12:00", "Donnerstag, 18. Februar 2016, 12:00–13:30 Uhr",
     "Donnerstag, 18. Februar 2016, 23:00 – Freitag, 19. Februar 2016, 01:00"),
    ("ru", f"четверг, 18 февраля 2016{NNB}г., 12:00", f"четверг, 18 февраля 2016{NNB}г., 12:00—13:30",
     f"четверг, 18 февраля 2016{NNB}г., 23:00 – пятница, 19 февраля 2016{NNB}г., 01:00"),
    ("en-US", f"Thursday, February 18, 2016, 12:00{NNB}PM", f"Thursday, February 18, 2016, 12:00{TH}–{TH}1:30{NNB}PM",
     f"Thursday, February 18, 2016, 11:00{NNB}PM – Friday, February 19, 2016, 1:00{NNB}AM"),
]


@pytest.mark.parametrize(("language", "alone", "slot", "overnight"), LOCAL_TIMES)
def test_a_local_time_gives_the_weekday_the_date_and_the_time_there(language: str, alone: str, slot: str,
                                                                    overnight: str) -> None:
    loc = locale(language)
    at = datetime.datetime
    assert loc.local_time(at(2016, 2, 18, 12, 0), None) == alone
    assert loc.local_time(at(2016, 2, 18, 12, 0), at(2016, 2, 18, 13, 30)) == slot
    assert loc.local_time(at(2016, 2, 18, 23, 0), at(2016, 2, 19, 1, 0)) == overnight


@pytest.mark.parametrize(("code", "language", "region"), [
    ("fr-CH", "fr", "fr_CH"), ("en_us", "en", "en_US"), ("EN-GB", "en", "en_GB"), ("xx", "en", None),
    ("de-AT", "de", "de_AT"), ("fr-419", "fr", "fr_419"), (None, "en", None), ("it-IT-x", "it", None),
    ("ru", "ru", None), ("xx-US", "en", None),
])
def test_a_language_code_chooses_its_wording_file_and_region(code: str | None, language: str,
                                                             region: str | None) -> None:
    found = locale(code)
    assert (found.code, found.region) == (language, region)


# ------------------------------------------------------------------ view: helpers



def plain(value):
    """A view object as nested dicts of its fields (segments kept as segments), to compare whole."""
    if isinstance(value, S):
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    return value


RICH = """\
body: Test Committee
meeting: 31st meeting
kind: hybrid
platform: KUDO
place: Strasbourg, Agora
date: Monday 23 November 2020
time: 09:30-17:00 Europe/Paris
reference: T-ES(2020)OJ4
status: draft Rev.2
language: en
title: Annotated agenda
chair: Ms Jane Doe
host: Ministry X
contact: Ana Ruiz
issued: 9 November 2020
issued in: Brussels
distribution: restricted
original: fr
local times: Moscow (Europe/Moscow), America/New_York
fields: Quorum
Quorum: 14 members
numbering: 1. / 1.1
series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}

# Morning, 09:30-12:30
  @place Room 1
  @kind in person
  @session closed
  > Members only.
1. Opening {#open}
   @time 09:30-10:00
   @duration 30 min
   @for decision, information
   @session public
   @status tbc
   @documents available
   @presenter Rapporteur: Ms X
   @presenter Mr Y
   @docs [T-ES(2020)23]
   @docs for decision: [T-ES(2020)24] of 3 November 2020
   > See {open} and {annex A}[^1].
   >> An annotation.
   ! An internal note.
   - [x] @amos Send minutes
   - [queued] Something
   1.1 Sub item
2. Hidden
   @visibility internal
## 12:30-14:00 Lunch break

annexes:
  - A. Auditors' report [T-ES(2020)25]

participants:
  - Ms Jane Doe, Chair, Ireland (voting) (excused)
  - Mr Li

[^1]: A footnote.

next meetings:
  - 7-11 December 2020 (tbc), KUDO Platform
  - 15-19 March 2021 (tbc), Strasbourg (tbc), kind (tbc)
  - 20 April 2021, Paris, in person, hosted by France (tbc); see [logistics](https://example.org/x)
"""

URL = "https://rm.coe.int/T-ES%282020%29"


def rich(view: View = View.INTERNAL, language: str | None = None):
    return build(parse(RICH).agenda, view=view, language=language)


# ------------------------------------------------------------------ view: the meeting (_Builder.meeting, field, ref)
# Every field of the masthead, in the agenda's own language and published in French (the texts
# without a translation kept as written and marked as English in ``langs``).


def test_the_masthead_gives_every_header_field_in_the_agendas_language() -> None:
    assert plain(rich().meeting) == {
        "body": "Test Committee", "title": "31st meeting", "heading": "31st meeting, Monday, 23 November 2020",
        "heading_title": "31st meeting", "kind": "Hybrid meeting", "platform": "KUDO", "place": "Strasbourg, Agora",
        "dates": {"text": "Monday, 23 November 2020", "start": "2020-11-23", "end": None},
        "time": "09:30–17:00 Europe/Paris",
        "reference": {"text": "T-ES(2020)OJ4", "url": URL + "OJ4", "date": None},
        "status": "Draft Rev.2", "banner": "Draft Rev.2", "document_title": "Annotated agenda",
        "chair": "Ms Jane Doe", "host": "Ministry X", "contact": "Ana Ruiz",
        "issued": {"text": "9 November 2020", "start": "2020-11-09", "end": None}, "issued_time": None,
        "issued_in": "Brussels", "distribution": "restricted", "distribution_label": "restricted",
        "original": "French", "fields": (("Quorum", "14 members"),),
        "local_times": (("Moscow", "Monday, 23 November 2020, 11:30–19:00"),
                        ("New York", "Monday, 23 November 2020, 03:30–11:00")),
        "langs": {}, "numbering": ("1.", "1.1"),
    }


def test_the_masthead_published_in_french_marks_the_texts_left_in_english() -> None:
    h = f"{NB}h{NB}"
    assert plain(rich(language="fr").meeting) == {
        "body": "Test Committee", "title": "31st meeting", "heading": "31st meeting, lundi 23 novembre 2020",
        "heading_title": "31st meeting", "kind": "Réunion hybride", "platform": "KUDO", "place": "Strasbourg, Agora",
        "dates": {"text": "lundi 23 novembre 2020", "start": "2020-11-23", "end": None},
        "time": f"9{h}30 – 17{h}00 Europe/Paris",
        "reference": {"text": "T-ES(2020)OJ4", "url": URL + "OJ4", "date": None},
        "status": "Projet Rév.2", "banner": "Projet Rév.2", "document_title": "Annotated agenda",
        "chair": "Ms Jane Doe", "host": "Ministry X", "contact": "Ana Ruiz",
        "issued": {"text": "9 novembre 2020", "start": "2020-11-09", "end": None}, "issued_time": None,
        "issued_in": "Brussels", "distribution": "restricted", "distribution_label": "restreinte",
        "original": "français", "fields": (("Quorum", "14 members"),),
        "local_times": (("Moscow", f"lundi 23 novembre 2020, 11{h}30 – 19{h}00"),
                        ("New York", f"lundi 23 novembre 2020, 3{h}30 – 11{h}00")),
        "langs": {"meeting": "en", "body": "en", "title": "en", "place": "en", "platform": "en", "chair": "en",
                  "host": "en", "contact": "en", "issued_in": "en", "heading": "en", "Quorum": "en"},
        "numbering": ("1.", "1.1"),
    }
    assert rich(language="fr").tex_languages == {"fr": "french", "en": "english"}
    assert rich().tex_languages is None


def test_a_translated_header_field_is_published_in_its_translation() -> None:
    source = ("body: Committee\nmeeting: First meeting\nfr: Première réunion\nplace: Hall\nfr: Salle : A\n"
              "date: 1 March 2021\nlanguage: en, fr\n\n1. A\n")
    meeting = build(parse(source).agenda, language="fr").meeting
    assert (meeting.title, meeting.heading, meeting.place, meeting.body, meeting.langs) == (
        "Première réunion", "Première réunion, 1 mars 2021", f"Salle{NB}: A", "Committee", {"body": "en"})


STATUSES = [
    (None, "draft", "Draft", "Draft"),
    (None, "adopted", "Adopted", None),
    (None, "final", "Final", None),
    (None, "adopted Rev.1", "Adopted Rev.1", None),
    (None, "Rev.3", "Rev.3", "Rev.3"),
    (None, "draft Rev.1 as amended", "Draft Rev.1 as amended", "Draft Rev.1 as amended"),
    (None, "as amended by the Bureau", "as amended by the Bureau", "as amended by the Bureau"),
    (None, "adopted as amended", "Adopted as amended", None),
    (None, "provisional", "Provisional", "Provisional"),
    ("fr", "draft", "Projet", "Projet"),
    ("fr", "final", "Définitif", None),
    ("fr", "Rev.3", "Rév.3", "Rév.3"),
    ("fr", "revised", "Révisé", "Révisé"),
    ("de", "adopted Rev.1", "Angenommen Rev.1", None),
]


@pytest.mark.parametrize(("language", "written", "status", "banner"), STATUSES)
def test_the_status_and_its_banner_only_before_adoption(language: str | None, written: str, status: str,
                                                        banner: str | None) -> None:
    meeting = build(parse(f"body: B\ndate: 1 March 2021\nstatus: {written}\n\n1. A\n").agenda,
                    language=language).meeting
    assert (meeting.status, meeting.banner) == (status, banner)


@pytest.mark.parametrize(("header", "heading", "heading_title", "title"), [
    ("kind: virtual\ndate: 1 March 2021", "Virtual meeting, 1 March 2021", "Virtual meeting", "Agenda"),
    ("kind: virtual", "Virtual meeting", "Virtual meeting", "Agenda"),
    ("date: 1 March 2021", "1 March 2021", None, "Agenda"),
    ("meeting: M", "M", "M", "Agenda"),
    ("body: B", None, None, "B – Agenda"),
    ("body: B\nmeeting: M\ndate: 2-3 March 2021", f"M, 2{TH}–{TH}3 March 2021", "M", "B – Agenda"),
])
def test_the_meeting_line_is_its_title_or_kind_and_its_date(header: str, heading: str | None,
                                                             heading_title: str | None, title: str) -> None:
    view = build(parse(header + "\n\n1. A\n").agenda)
    assert (view.meeting.heading, view.meeting.heading_title, view.title) == (heading, heading_title, title)


def test_the_issue_time_the_original_by_name_and_the_number_label() -> None:
    source = ("meeting: M\ndate: 2 March 2021\nissued: 2005/09/30 1:29 p.m.\nnumber label: Item No.\n"
              "original: Klingon\ndistribution: public\n\n1. A\n   1.1 B\n")
    view = build(parse(source).agenda)
    m = view.meeting
    assert (plain(m.issued), m.issued_time, m.original, m.distribution, m.distribution_label) == (
        {"text": "30 September 2005", "start": "2005-09-30", "end": None}, "13:29", "Klingon", "public", "public")
    assert (view.items[0].number_label, view.items[0].children[0].number_label) == ("Item No.", None)
    fr = build(parse(source).agenda, language="fr").meeting
    assert (fr.issued.text, fr.issued_time, fr.distribution_label) == (
        "30 septembre 2005", f"13{NB}h{NB}29", "publique")


# ------------------------------------------------------------------ view: items (_Builder.item, note_views, bullet,
# segments, footnote_marker, presenter_text, ref): every field of an item in each view and language.

ITEM = {"number": None, "id": None, "depth": 1, "title": (), "plain_title": "", "title_text": None, "time": None,
        "duration": None, "presenter": None, "presenters": (), "details": (), "fields": (), "action": None,
        "status": None, "status_label": None, "documents_label": None, "session": None, "session_label": None,
        "internal": False, "documents": (), "document_groups": (), "notes": (), "children": (), "change": None,
        "old_number": None, "number_label": None, "numbering": None}
"""An item's view with nothing set: each expected item below says what it adds."""


def item(**fields) -> dict:
    return {**ITEM, **fields}


def note(kind: str, *lines: tuple, children: tuple = (), status: str | None = None, done: bool = False,
         owner: str | None = None) -> dict:
    return {"kind": kind, "lines": lines, "children": children, "status": status, "done": done, "owner": owner}


def test_an_item_with_every_attribute_in_the_run_sheet() -> None:
    view = rich()
    first, hidden = view.blocks[1].item, view.blocks[2].item
    assert plain(first) == item(
        number="1.", id="item-open", title=(S("text", "Opening"),), plain_title="Opening", title_text="Opening",
        time="09:30–10:00", duration="30 min", presenter="Rapporteur: Ms X; Presenter: Mr Y",
        presenters=("Rapporteur: Ms X", "Presenter: Mr Y"),
        details=("09:30–10:00", "30 min", "for decision, for information", "public session", "to be confirmed",
                 "documents available", "Rapporteur: Ms X", "Presenter: Mr Y"),
        action="for decision, for information", status="tbc", status_label="to be confirmed",
        documents_label="documents available", session="public", session_label="public session",
        documents=({"text": "T-ES(2020)23", "url": URL + "23", "date": None},
                   {"text": "T-ES(2020)24", "url": URL + "24", "date": "3 November 2020"}),
        document_groups=({"label": None, "refs": ({"text": "T-ES(2020)23", "url": URL + "23", "date": None},)},
                         {"label": "for decision",
                          "refs": ({"text": "T-ES(2020)24", "url": URL + "24", "date": "3 November 2020"},)}),
        notes=(note("note", (S("text", "See "), S("xref", "1.", href="#item-open"), S("text", " and "),
                             S("xref", "Annex A", href="#annex-A"),
                             S("footnote", "1", href="#fn-1", parts=(S("text", "A footnote."),), id="fnref-1"),
                             S("text", "."))),
               note("annotation", (S("text", "An annotation."),)),
               note("internal", (S("text", "An internal note."),)),
               note("bullet", (S("text", "Send minutes"),), status="done", done=True, owner="amos"),
               note("bullet", (S("docref", "queued"), S("text", " Something")))),
        children=(item(number="1.1", id="item-1-1", depth=2, title=(S("text", "Sub item"),), plain_title="Sub item",
                       title_text="Sub item"),))
    assert plain(hidden) == item(number="2.", id="item-2", title=(S("text", "Hidden"),), plain_title="Hidden",
                                 title_text="Hidden", internal=True)
    assert plain(view.footnotes) == ({"number": "1", "id": "fn-1", "parts": (S("text", "A footnote."),)},)


@pytest.mark.parametrize(("view", "kinds", "blocks"), [
    (View.PUBLIC, ("note", "bullet", "bullet"), ("heading", "item", "heading", "annexes", "participants",
                                                 "next_meetings")),
    (View.ANNOTATED, ("note", "annotation", "bullet", "bullet"), ("heading", "item", "heading", "annexes",
                                                                  "participants", "next_meetings")),
    (View.INTERNAL, ("note", "annotation", "internal", "bullet", "bullet"),
     ("heading", "item", "item", "heading", "annexes", "participants", "next_meetings")),
])
def test_each_view_shows_its_own_notes_and_items(view: View, kinds: tuple, blocks: tuple) -> None:
    built = rich(view)
    assert tuple(n.kind for n in built.blocks[1].item.notes) == kinds
    assert tuple(b.type for b in built.blocks) == blocks
    assert built.view == view.value


def test_an_item_published_in_french_keeps_its_english_texts_marked_and_its_words_in_french() -> None:
    h = f"{NB}h{NB}"
    first = rich(View.PUBLIC, "fr").blocks[1].item
    assert plain(first) == item(
        number="1.", id="item-open", title=(S("text", "Opening", lang="en"),), plain_title="Opening",
        title_text=None, time=f"9{h}30 – 10{h}00", duration="30 min",
        presenter=f"Rapporteur: Ms X; Présentation{NB}: Mr Y",
        presenters=("Rapporteur: Ms X", f"Présentation{NB}: Mr Y"),
        details=(f"9{h}30 – 10{h}00", "30 min", "pour décision, pour information", "séance publique", "à confirmer",
                 "documents disponibles", "Rapporteur: Ms X", f"Présentation{NB}: Mr Y"),
        action="pour décision, pour information", status="tbc", status_label="à confirmer",
        documents_label="documents disponibles", session="public", session_label="séance publique",
        documents=({"text": "T-ES(2020)23", "url": URL + "23", "date": None},
                   {"text": "T-ES(2020)24", "url": URL + "24", "date": "3 novembre 2020"}),
        document_groups=({"label": None, "refs": ({"text": "T-ES(2020)23", "url": URL + "23", "date": None},)},
                         {"label": "for decision",
                          "refs": ({"text": "T-ES(2020)24", "url": URL + "24", "date": "3 novembre 2020"},)}),
        notes=(note("note", (S("text", "See ", lang="en"), S("xref", "1.", href="#item-open"),
                             S("text", " and ", lang="en"), S("xref", "annexe A", href="#annex-A"),
                             S("footnote", "1", href="#fn-1", parts=(S("text", "A footnote.", lang="en"),),
                               id="fnref-1"),
                             S("text", ".", lang="en"))),
               note("bullet", (S("text", "Send minutes", lang="en"),), status="fait", done=True, owner="amos"),
               note("bullet", (S("docref", "queued"), S("text", " Something", lang="en")))),
        children=(item(number="1.1", id="item-1-1", depth=2, title=(S("text", "Sub item", lang="en"),),
                       plain_title="Sub item"),))


def test_translated_titles_and_notes_are_published_in_their_translation_and_typeset() -> None:
    source = ("body: B\ndate: 1 March 2021\nlanguage: en, fr\n\n1. Opening: welcome\n   fr: Ouverture : bienvenue\n"
              "   > Note: read it\n   fr: Note : lisez-la\n   - [ ] Send it\n     fr: Envoyer\n2. Untranslated\n")
    items = build(parse(source).agenda, language="fr").items
    assert plain(items[0]) == item(
        number="1.", id="item-1", title=(S("text", f"Ouverture{NB}: bienvenue"),), plain_title="Ouverture : bienvenue",
        title_text=f"Ouverture{NB}: bienvenue",
        notes=(note("note", (S("text", f"Note{NB}: lisez-la"),)),
               note("bullet", (S("text", "Envoyer"),), status="à faire")))
    assert (items[1].title, items[1].title_text) == ((S("text", "Untranslated", lang="en"),), None)
    english = build(parse(source).agenda).items[0]
    assert (english.title, english.notes[0].lines) == (
        (S("text", "Opening: welcome"),), ((S("text", "Note: read it"),),))


@pytest.mark.parametrize(("title", "segments"), [
    ("See {x} and {y}", (S("text", "See "), S("xref", "2.", href="#item-x"), S("text", " and "), S("text", "{y}"))),
    ("See {annex B} and {annex Z}", (S("text", "See "), S("xref", "Annex B", href="#annex-B"), S("text", " and "),
                                     S("text", "Annex Z"))),
    ("Report [T-ES(2020)23] at https://example.org/a", (
        S("text", "Report "), S("docref", "T-ES(2020)23", url=URL + "23"), S("text", " at "),
        S("link", "https://example.org/a", url="https://example.org/a"))),
    ("Unknown note[^9] and a known one[^n]", (S("text", "Unknown note"), S("text", "[^9]"),
                                              S("text", " and a known one"),
                                              S("footnote", "1", href="#fn-1", parts=(S("text", "Known."),),
                                                id="fnref-1"))),
    ("See {u} and {i}", (S("text", "See "), S("xref", "Unnumbered", href="#item-u"), S("text", " and "),
                         S("text", "3."))),
    # A sentence that ends on a number ending in a dot ends with one dot; elsewhere the number is whole.
    ("See {x}. Then {x}, {x}.. or {x}", (S("text", "See "), S("xref", "2", href="#item-x"), S("text", ". Then "),
                                       S("xref", "2.", href="#item-x"), S("text", ", "),
                                       S("xref", "2", href="#item-x"), S("text", ".. or "),
                                       S("xref", "2.", href="#item-x"))),
])
def test_inline_parts_of_a_title_become_their_segments(title: str, segments: tuple) -> None:
    source = (f"body: B\ndate: 1 March 2021\nseries T-ES: T-ES({{year}}){{n}} https://rm.coe.int/{{ref}}\n\n"
              f"1. {title}\n2. Target {{#x}}\n3. Internal {{#i}}\n   @visibility internal\n* Unnumbered {{#u}}\n\n"
              "annexes:\n  - B. Budget\n\n[^n]: Known.\n")
    assert build(parse(source).agenda).items[0].title == segments


def test_a_footnote_marked_twice_has_one_number_and_its_anchor_once() -> None:
    source = "body: B\ndate: 1 March 2021\n\n1. A[^a] B[^b]\n2. C[^a]\n\n[^a]: First.\n[^b]: Second.\n"
    view = build(parse(source).agenda)
    assert [view.items[0].title, view.items[1].title] == [
        (S("text", "A"), S("footnote", "1", href="#fn-1", parts=(S("text", "First."),), id="fnref-1"),
         S("text", " B"), S("footnote", "2", href="#fn-2", parts=(S("text", "Second."),), id="fnref-2")),
        (S("text", "C"), S("footnote", "1", href="#fn-1", parts=(S("text", "First."),))),
    ]
    assert plain(view.footnotes) == ({"number": "1", "id": "fn-1", "parts": (S("text", "First."),)},
                                     {"number": "2", "id": "fn-2", "parts": (S("text", "Second."),)})


# ------------------------------------------------------------------ view: headings (_Builder.heading, heading_time)
# A heading reads as written in its own language, with what its attributes add; published in
# another language, its words (translated or marked) then its date and time in that language.

HEADINGS = """\
body: B
date: 15-16 October 2025
time: 09:00-18:00
language: en, fr

# Wednesday 15 October 2025
  fr: Mercredi
## Morning, 09:00-12:30
  fr: Matin
1. Adoption
## 12:30-14:30 Lunch break
## Afternoon
  @time 14:30-18:00
  @place Room 2
  @kind virtual
  @session public
  @numbering (a)
(a) Report
### Quiet
  @break
  @time 16:00-16:15
### Photo, 17:00
### Nothing
# Part A
  @date 16 October 2025
  > Note.
  >> Ann.
2. Last
# Executive session
  @session closed
3. Staff
"""


def heading(level: int, number: int, title: tuple, plain_title: str, **fields) -> dict:
    return {"level": level, "id": f"part-{number}", "title": title, "plain_title": plain_title, "when": None,
            "dates": None, "time": None, "place": None, "kind": None, "session_label": None, "notes": (),
            "is_break": False, "numbering": None, **fields}


def test_headings_in_their_own_language_add_only_what_their_titles_do_not_say() -> None:
    view = build(parse(HEADINGS).agenda, view=View.PUBLIC)
    assert [plain(b.heading) for b in view.blocks if b.heading] == [
        heading(1, 1, (S("text", "Wednesday 15 October 2025"),), "Wednesday 15 October 2025",
                dates={"text": "Wednesday, 15 October 2025", "start": "2025-10-15", "end": None}),
        heading(2, 2, (S("text", "Morning, 09:00-12:30"),), "Morning, 09:00-12:30", time="09:00–12:30"),
        heading(2, 3, (S("text", "12:30-14:30 Lunch break"),), "12:30-14:30 Lunch break", time="12:30–14:30",
                is_break=True),
        heading(2, 4, (S("text", "Afternoon"),), "Afternoon", when="14:30–18:00", time="14:30–18:00", place="Room 2",
                kind="Virtual meeting", session_label="public session", numbering="(a)"),
        heading(3, 5, (S("text", "Quiet"),), "Quiet", when="16:00–16:15", time="16:00–16:15", is_break=True),
        heading(3, 6, (S("text", "Photo, 17:00"),), "Photo, 17:00", time="17:00", is_break=True),
        heading(3, 7, (S("text", "Nothing"),), "Nothing"),
        heading(1, 8, (S("text", "Part A"),), "Part A", when="16 October 2025",
                dates={"text": "16 October 2025", "start": "2025-10-16", "end": None},
                notes=(note("note", (S("text", "Note."),)),)),
        heading(1, 9, (S("text", "Executive session"),), "Executive session", session_label="closed session"),
    ]


def test_headings_published_in_french_give_their_words_then_the_date_and_time_in_french() -> None:
    h = f"{NB}h{NB}"
    view = build(parse(HEADINGS).agenda, view=View.ANNOTATED, language="fr")
    assert [plain(b.heading) for b in view.blocks if b.heading] == [
        heading(1, 1, (S("text", "Mercredi"),), "Mercredi", when="mercredi 15 octobre 2025",
                dates={"text": "mercredi 15 octobre 2025", "start": "2025-10-15", "end": None}),
        heading(2, 2, (S("text", "Matin"),), "Matin", when=f"9{h}00 – 12{h}30", time=f"9{h}00 – 12{h}30"),
        heading(2, 3, (S("text", "Lunch break", lang="en"),), "Lunch break", when=f"12{h}30 – 14{h}30",
                time=f"12{h}30 – 14{h}30", is_break=True),
        heading(2, 4, (S("text", "Afternoon", lang="en"),), "Afternoon", when=f"14{h}30 – 18{h}00",
                time=f"14{h}30 – 18{h}00", place="Room 2", kind="Réunion virtuelle", session_label="séance publique",
                numbering="(a)"),
        heading(3, 5, (S("text", "Quiet", lang="en"),), "Quiet", when=f"16{h}00 – 16{h}15", time=f"16{h}00 – 16{h}15",
                is_break=True),
        heading(3, 6, (S("text", "Photo", lang="en"),), "Photo", when=f"17{h}00", time=f"17{h}00", is_break=True),
        heading(3, 7, (S("text", "Nothing", lang="en"),), "Nothing"),
        heading(1, 8, (S("text", "Part A", lang="en"),), "Part A", when="16 octobre 2025",
                dates={"text": "16 octobre 2025", "start": "2025-10-16", "end": None},
                notes=(note("note", (S("text", "Note.", lang="en"),)),
                       note("annotation", (S("text", "Ann.", lang="en"),)))),
        heading(1, 9, (S("text", "Executive session", lang="en"),), "Executive session", session_label="huis clos"),
    ]


def test_a_heading_with_a_date_and_a_time_of_its_own_gives_both_after_its_title() -> None:
    source = "body: B\ndate: 15-16 October 2025\n\n# Part B\n  @date 16 October 2025\n  @time 10:00-11:00\n1. A\n"
    assert build(parse(source).agenda).blocks[0].heading.when == "16 October 2025, 10:00–11:00"
    assert build(parse(source).agenda, language="de").blocks[0].heading.when == "16. Oktober 2025, 10:00–11:00 Uhr"


# ------------------------------------------------------------------ view: next and past meetings (next_meeting,
# the blocks' columns), participants, tables and text blocks (entries, table)

BLOCKS = """\
body: B
date: 1 March 2021

1. A

next meetings:
  - 7 December 2021 (tbc)
  - 8-9 December 2021 (tbc)
  - 10 December 2021, Paris (tbc)
  - 11 December 2021, kind (tbc)
  - 12 December 2021, Paris (tbc), virtual (tbc)
  - 13 December 2021, hosted by X (tbc)
  - 14-15 December 2021 (tbc), Rome (tbc), hybrid (tbc), host Y (tbc); r
  - 16 December 2021, Oslo

past meetings:
  - 1 February 2021, virtual; minutes

participants:
  - Ms A, Chair, X (non-voting) (present)
  - Mr B (observer) (absent)
  - Mr C (apologies)
  - Mr D (expected)

table:
  Emoji | Meaning | X
  A | long text here [T(1)] |
  B | a cell of fifty characters, which is over the limit |

> Some text.
! Internal text.
"""


def blocks(language: str | None = None, view: View = View.PUBLIC):
    return build(parse(BLOCKS).agenda, language=language, view=view).blocks


NEXT_NOTES = [
    # place, kind, host, note in English, French, German, tentative
    (None, None, None, "(exact date tbc)", "(date exacte à confirmer)", "(genaues Datum zu bestätigen)", True),
    (None, None, None, "(exact dates tbc)", "(dates exactes à confirmer)", "(genaue Daten zu bestätigen)", True),
    ("Paris", None, None, "(place tbc)", "(lieu à confirmer)", "(Ort zu bestätigen)", True),
    (None, None, None, "(nature of the meeting tbc)", "(nature de la réunion à confirmer)",
     "(Art der Sitzung zu bestätigen)", True),
    ("Paris", "virtual", None, "(place/nature of the meeting tbc)", "(lieu/nature de la réunion à confirmer)",
     "(Ort/Art der Sitzung zu bestätigen)", True),
    (None, None, "X", "(host tbc)", "(hôte à confirmer)", "(Gastgeber zu bestätigen)", False),
    ("Rome", "hybrid", "Y", "(exact dates and place/nature of the meeting and host tbc)",
     "(dates exactes et lieu/nature de la réunion et hôte à confirmer)",
     "(genaue Daten und Ort/Art der Sitzung und Gastgeber zu bestätigen)", True),
    ("Oslo", None, None, None, None, None, False),
]


def test_what_is_to_be_confirmed_is_said_in_one_note_in_each_language() -> None:
    for language, column in ((None, 3), ("fr", 4), ("de", 5)):
        meetings = blocks(language)[1].meetings
        assert [(m.place, m.host, m.tbc_note, m.tentative) for m in meetings] == [
            (row[0], row[2], row[column], row[6]) for row in NEXT_NOTES]
    kinds = [m.kind for m in blocks("fr")[1].meetings]
    assert kinds == [None, None, None, None, "Réunion virtuelle", None, "Réunion hybride", None]


def test_next_and_past_meetings_are_tables_with_the_columns_some_meeting_fills() -> None:
    built = blocks()
    assert (built[1].type, built[1].columns, built[2].type, built[2].columns) == (
        "next_meetings", ("place", "kind", "host", "remark"), "past_meetings", ("kind", "remark"))
    assert plain(built[1].meetings[6]) == {
        "dates": {"text": f"14{TH}–{TH}15 December 2021", "start": "2021-12-14", "end": "2021-12-15"},
        "place": "Rome", "kind": "Hybrid meeting",
        "tbc_note": "(exact dates and place/nature of the meeting and host tbc)", "tentative": True,
        "remark": (S("text", "r"),), "remark_text": "r", "host": "Y"}
    assert plain(built[2].meetings) == ({
        "dates": {"text": "1 February 2021", "start": "2021-02-01", "end": None}, "place": None,
        "kind": "Virtual meeting", "tbc_note": None, "tentative": False, "remark": (S("text", "minutes"),),
        "remark_text": "minutes", "host": None},)
    only_tbc = "body: B\ndate: 1 March 2021\n\n1. A\n\nnext meetings:\n  - 7 December 2021, kind (tbc)\n"
    assert build(parse(only_tbc).agenda).blocks[1].columns == ("remark",)


@pytest.mark.parametrize(("language", "statuses"), [
    (None, [("non-voting", "present"), ("observer", "absent"), (None, "excused"), (None, "expected")]),
    ("fr", [("sans droit de vote", "présent"), ("observateur", "absent"), (None, "excusé"), (None, "attendu")]),
    ("de", [("nicht stimmberechtigt", "anwesend"), ("Beobachter", "abwesend"), (None, "entschuldigt"),
            (None, "erwartet")]),
])
def test_participants_statuses_are_in_the_output_language(language: str | None, statuses: list) -> None:
    people = blocks(language)[3].participants
    assert [(p.voting, p.attendance) for p in people] == statuses
    assert plain(people[0]) == {"name": "Ms A", "role": "Chair", "affiliation": "X", "voting": statuses[0][0],
                                "attendance": statuses[0][1]}
    assert [(p.name, p.role, p.affiliation) for p in people[1:]] == [("Mr B", None, None), ("Mr C", None, None),
                                                                    ("Mr D", None, None)]


def test_a_table_pads_short_rows_and_weighs_its_columns_between_3_and_40() -> None:
    table = blocks()[4].table
    assert plain(table) == {
        "header": ((S("text", "Emoji"),), (S("text", "Meaning"),), (S("text", "X"),)),
        "rows": (((S("text", "A"),), (S("text", "long text here "), S("docref", "T(1)")), ()),
                 ((S("text", "B"),), (S("text", "a cell of fifty characters, which is over the limit"),), ())),
        "weights": (5, 40, 3)}


@pytest.mark.parametrize(("view", "texts"), [
    (View.PUBLIC, ("Some text.",)), (View.ANNOTATED, ("Some text.",)),
    (View.INTERNAL, ("Some text.", "Internal text.")),
])
def test_text_between_items_is_published_as_its_view_allows(view: View, texts: tuple) -> None:
    built = blocks(view=view)
    shown = tuple(line[0].text for b in built if b.type == "text" for n in b.notes for line in n.lines)
    assert shown == texts
    assert [b.type for b in built] == ["item", "next_meetings", "past_meetings", "participants", "table", "text"]
    internal_only = build(parse("body: B\ndate: 1 March 2021\n\n1. A\n\n! Only internal.\n").agenda, view=view)
    assert [b.type for b in internal_only.blocks] == (["item", "text"] if view is View.INTERNAL else ["item"])


def test_a_heading_with_a_time_and_only_notes_under_it_is_no_break() -> None:
    source = "body: B\ndate: 1 March 2021\n\n# Welcome, 08:45\n  > Doors open.\n# Talks, 09:00\n1. A\n"
    assert [b.heading.is_break for b in build(parse(source).agenda).blocks if b.heading] == [False, False]


# ------------------------------------------------------------------ change_words: the diff's words
# kind, number (ranges, arrows, split and merge parts), headline (the cause of a renumbering),
# details (fields, parts), count and notes, in English, French and German.


CHANGES = {
    "split": ("1. Opening\n2. Budget and accounts\n3. Close\n", "1. Opening\n2. Budget\n3. Accounts\n4. Close\n"),
    "merge": ("1. Opening\n2. Minutes\n3. Budget\n4. Accounts\n5. Close\n",
              "1. Opening\n2. Minutes\n3. Budget and accounts\n4. Close\n"),
    "two": ("1. Opening\n2. Minutes\n3. Budget\n4. Accounts\n5. Close\n6. End\n",
            "1. Opening\n2. Accounts\n3. New thing\n4. Close\n5. End\n"),
    "moved": ("1. A\n2. B\n3. C\n", "1. A\n2. C\n3. B\n"),
    "meeting": ("body: B\nmeeting: One\ndate: 1 March 2021\n\n1. A\n   > x\n   > y\n",
                "body: B\nmeeting: Two\ndate: 2 March 2021\n\n1. A\n   > x\n   > z\n\n"
                "next meetings:\n  - 5 May 2021\n"),
}

CHANGE_WORDS = [
    ("split", "en", [("split", "2. → 2.–3.", "Budget and accounts", ["into 2. Budget; 3. Accounts"]),
                     ("renumbered", "3. → 4.", "after the split of 2.", [])], "1 split, 1 renumbered"),
    ("split", "fr", [("scindé", "2. → 2.–3.", "Budget and accounts", ["en 2. Budget; 3. Accounts"]),
                     ("renuméroté", "3. → 4.", "après la scission de 2.", [])], f"scindé{NB}: 1, renuméroté{NB}: 1"),
    ("split", "de", [("geteilt", "2. → 2.–3.", "Budget and accounts", ["in 2. Budget; 3. Accounts"]),
                     ("neu nummeriert", "3. → 4.", "nach der Teilung von 2.", [])], "geteilt: 1, neu nummeriert: 1"),
    ("merge", "en", [("merged", "3.–4. → 3.", "Budget and accounts", ["from 3. Budget; 4. Accounts"]),
                     ("renumbered", "5. → 4.", "after the merger into 3.", [])], "1 merged, 1 renumbered"),
    ("merge", "fr", [("fusionné", "3.–4. → 3.", "Budget and accounts", ["à partir de 3. Budget; 4. Accounts"]),
                     ("renuméroté", "5. → 4.", "après la fusion dans 3.", [])], f"fusionné{NB}: 1, renuméroté{NB}: 1"),
    ("two", "en", [("deleted", "2.", "Minutes", []), ("deleted", "3.", "Budget", []),
                   ("renumbered", "4. → 2.", "after the removal of 2. and the removal of 3.", []),
                   ("new", "3.", "New thing", []),
                   ("renumbered", "5.–6. → 4.–5.", "after the insertion of 3. (2 items)", [])],
     "2 deleted, 3 renumbered, 1 new"),
    ("two", "fr", [("supprimé", "2.", "Minutes", []), ("supprimé", "3.", "Budget", []),
                   ("renuméroté", "4. → 2.", "après la suppression de 2. et la suppression de 3.", []),
                   ("nouveau", "3.", "New thing", []),
                   ("renuméroté", "5.–6. → 4.–5.", "après l'insertion de 3. (2 points)", [])],
     f"supprimé{NB}: 2, renuméroté{NB}: 3, nouveau{NB}: 1"),
    ("two", "de", [("gestrichen", "2.", "Minutes", []), ("gestrichen", "3.", "Budget", []),
                   ("neu nummeriert", "4. → 2.", "nach der Streichung von 2. und der Streichung von 3.", []),
                   ("neu", "3.", "New thing", []),
                   ("neu nummeriert", "5.–6. → 4.–5.", "nach der Einfügung von 3. (2 Punkte)", [])],
     "gestrichen: 2, neu nummeriert: 3, neu: 1"),
    ("moved", "en", [("renumbered", "3. → 2.", "after the move of 2.", []), ("moved", "2. → 3.", "B", [])],
     "1 renumbered, 1 moved"),
    ("moved", "de", [("neu nummeriert", "3. → 2.", "nach der Verschiebung von 2.", []),
                     ("verschoben", "2. → 3.", "B", [])], "neu nummeriert: 1, verschoben: 1"),
    ("meeting", "en", [("changed", "1.", "A", ["notes"]), ("header", "", "meeting", ["meeting: One → Two"]),
                       ("header", "", "date", ["date: 1 March 2021 → 2 March 2021"]),
                       ("next meeting added", "", "5 May 2021", [])],
     "1 changed, 2 header, 1 next meeting added"),
    ("meeting", "fr", [("modifié", "1.", "A", ["notes"]), ("en-tête", "", "meeting", [f"réunion{NB}: One → Two"]),
                       ("en-tête", "", "date", [f"date{NB}: 1 March 2021 → 2 March 2021"]),
                       ("prochaine réunion ajoutée", "", "5 May 2021", [])],
     f"modifié{NB}: 1, en-tête{NB}: 2, prochaine réunion ajoutée{NB}: 1"),
    ("meeting", "de", [("geändert", "1.", "A", ["Anmerkungen"]), ("Kopf", "", "meeting", ["Sitzung: One → Two"]),
                       ("Kopf", "", "date", ["date: 1 March 2021 → 2 March 2021"]),
                       ("nächste Sitzung hinzugefügt", "", "5 May 2021", [])],
     "geändert: 1, Kopf: 2, nächste Sitzung hinzugefügt: 1"),
]


@pytest.mark.parametrize(("case", "language", "lines", "counted"), CHANGE_WORDS)
def test_each_change_is_worded_in_the_language_asked_for(case: str, language: str, lines: list, counted: str) -> None:
    old, new = CHANGES[case]
    changes = diff(parse(old).agenda, parse(new).agenda)
    loc = locale(language)
    assert [(words.kind(loc, c), words.number(loc, c), words.headline(loc, c),
             [text for text, _ in words.details(loc, c)]) for c in changes] == lines
    assert words.count(loc, changes) == counted


def test_changed_notes_are_shown_as_the_lines_removed_and_added() -> None:
    changes = diff(parse(CHANGES["meeting"][0]).agenda, parse(CHANGES["meeting"][1]).agenda)
    (notes,) = changes[0].fields
    assert (notes.field, words.notes(notes)) == ("notes", ["- > y", "+ > z"])
    assert words.details(locale("en"), changes[0]) == [("notes", notes)]


# ------------------------------------------------------------------ view: a revised agenda (_place_removed, removed,
# _change_of, change_summary): each removed item shown where it stood, each item's mark and old number.


def outline(view_item) -> tuple:
    i = view_item
    return (i.number, i.id, i.depth, i.change, i.old_number, i.plain_title, tuple(outline(c) for c in i.children))


def test_removed_items_are_shown_struck_where_they_stood() -> None:
    old = ("1. Gone first\n2. Parent\n   2.1 Gone sub\n   2.2 Kept sub\n   2.3 Last sub\n3. Gone after\n"
           "   3.1 Its child\n4. End\n")
    new = "1. Parent\n   1.1 Kept sub\n   1.2 Last sub\n2. End\n"
    view = build(parse(new).agenda, since=("Rev.1", parse(old).agenda))
    assert [outline(b.item) for b in view.blocks] == [
        ("1.", "removed-Gone-first", 1, "removed", None, "Gone first", ()),
        ("1.", "item-1", 1, "renumbered", "2.", "Parent", (
            ("2.1", "removed-Gone-sub", 2, "removed", None, "Gone sub", ()),
            ("1.1", "item-1-1", 2, "renumbered", "2.2", "Kept sub", ()),
            ("1.2", "item-1-2", 2, "renumbered", "2.3", "Last sub", ()))),
        ("3.", "removed-Gone-after", 1, "removed", None, "Gone after", (
            ("3.1", "removed-Its-child", 2, "removed", None, "Its child", ()),)),
        ("2.", "item-2", 1, "renumbered", "4.", "End", ()),
    ]
    assert plain(view.changes) == (
        {"kind": "removed", "label": "deleted", "number": "1.", "title": "Gone first"},
        {"kind": "renumbered", "label": "renumbered", "number": "2. → 1.",
         "title": "after the removal of 1. (3 items)"},
        {"kind": "removed", "label": "deleted", "number": "2.1", "title": "Gone sub"},
        {"kind": "removed", "label": "deleted", "number": "3.", "title": "Gone after"},
        {"kind": "renumbered", "label": "renumbered", "number": "4. → 2.", "title": "after the removal of 3."},
    )
    assert view.changes_since == "Rev.1"
    assert build(parse(new).agenda).changes == ()
    assert build(parse(new).agenda).changes_since is None


REVISED_OLD = """\
body: B
date: 1 March 2021
numbering: I. / I.1

I. Opening
   @time 09:00
II. Budget
   > Old note.
III. Staff
IV. Reports
   IV.1 First
   IV.2 Second
V. Audit
VI. Any other business
VII. Close
"""

REVISED_NEW = """\
body: B
date: 1 March 2021
numbering: I. / I.1

I. Opening
   @time 09:30
II. Budget for 2022
   > New note.
III. Reports
   III.1 First
   III.2 Second
   III.3 Third
IV. Audit
    @status withdrawn
V. Any other business
VI. Close
"""


@pytest.mark.parametrize(("language", "summary"), [
    (None, [("changed", "changed", "I.", "Opening (time: 09:00 → 09:30)"),
            ("retitled", "retitled", "II.", "Budget for 2022 (was: Budget; notes)"),
            ("removed", "deleted", "III.", "Staff"),
            ("renumbered", "renumbered", "IV.–VII. → III.–VI.", "after the removal of III. (6 items)"),
            ("added", "new", "III.3", "Third"),
            ("withdrawn", "withdrawn", "V. → IV.", "Audit (status: (none) → withdrawn)")]),
    ("fr", [("changed", "modifié", "I.", f"Opening (time{NB}: 09:00 → 09:30)"),
            ("retitled", "titre modifié", "II.", f"Budget for 2022 (ancien titre{NB}: Budget; notes)"),
            ("removed", "supprimé", "III.", "Staff"),
            ("renumbered", "renuméroté", "IV.–VII. → III.–VI.", "après la suppression de III. (6 points)"),
            ("added", "nouveau", "III.3", "Third"),
            ("withdrawn", "retiré", "V. → IV.", f"Audit (status{NB}: (aucun) → withdrawn)")]),
    ("de", [("changed", "geändert", "I.", "Opening (time: 09:00 → 09:30)"),
            ("retitled", "neuer Titel", "II.", "Budget for 2022 (bisher: Budget; Anmerkungen)"),
            ("removed", "gestrichen", "III.", "Staff"),
            ("renumbered", "neu nummeriert", "IV.–VII. → III.–VI.", "nach der Streichung von III. (6 Punkte)"),
            ("added", "neu", "III.3", "Third"),
            ("withdrawn", "zurückgezogen", "V. → IV.", "Audit (status: (keine) → withdrawn)")]),
])
def test_a_revised_agendas_summary_lists_each_change_in_the_output_language(language: str | None,
                                                                           summary: list) -> None:
    view = build(parse(REVISED_NEW).agenda, since=("Rev.1", parse(REVISED_OLD).agenda), language=language)
    assert [(c.kind, c.label, c.number, c.title) for c in view.changes] == summary
    assert [(i.number, i.change, i.old_number, [(c.number, c.change, c.old_number) for c in i.children])
            for i in view.items] == [
        ("I.", "changed", None, []), ("II.", "retitled", None, []), ("III.", "removed", None, []),
        ("III.", "renumbered", "IV.", [("III.1", "renumbered", "IV.1"), ("III.2", "renumbered", "IV.2"),
                                       ("III.3", "added", None)]),
        ("IV.", "withdrawn", "V.", []), ("V.", "renumbered", "VI.", []), ("VI.", "renumbered", "VII.", [])]


def test_an_item_with_several_changes_is_marked_by_the_weightiest() -> None:
    old = "1. Opening\n2. Audit\n3. Budget\n   @time 10:00\n4. Close\n   @time 11:00\n5. Moved\n6. Last\n"
    new = ("1. Opening\n2. Audit of the accounts\n   @status withdrawn\n3. Budget of 2022\n   @time 10:30\n"
           "4. Close\n   @time 11:30\n5. Last\n6. Moved\n")
    view = build(parse(new).agenda, since=("Rev.1", parse(old).agenda))
    assert [(i.number, i.change, i.old_number) for i in view.items] == [
        ("1.", None, None), ("2.", "withdrawn", None), ("3.", "retitled", None), ("4.", "changed", None),
        ("5.", "renumbered", "6."), ("6.", "moved", "5.")]


# ------------------------------------------------------------------ json_export: the whole document
# Every key of the meeting, of an item, a heading, a note, a bullet and an action, a reference, the
# next and past meetings, text, tables, annexes, participants and footnotes, for two agendas that
# between them use every attribute (the goldens' samples use few of them).



def exported(source: str) -> dict:
    return json.loads(render_text(parse(source).agenda, "json"))


def day(year: int, month: int, number: int) -> dict:
    return {"date": f"{year:04}-{month:02}-{number:02}", "day": number, "month": month, "year": year}


def on(year: int, month: int, number: int, end: dict | None = None, **more) -> dict:
    return {"start": day(year, month, number), "end": end, **more}


def ref(text: str, series: str | None = "T-ES", url: str | None = None, **more) -> dict:
    return {"text": text, "series": series, "url": url, **more}


def json_item(number: str, title: str, line: int, **fields) -> dict:
    return {"number": number, "numbering": "explicit", "title": title, "title_parts": [{"text": title}],
            "translations": {}, "label": None, "line": line, "time": None, "duration_minutes": None,
            "presenter": None, "presenters": [], "action": None, "actions": [], "fields": {}, "status": None,
            "session": None, "documents_state": None, "visibility": None, "documents": [], "document_groups": [],
            "child_numbering": None, "notes": [], "children": [], **fields}


def next_json(dates: dict, place: str | None = None, kind: str | None = None, host: str | None = None,
              remark: str | None = None, remark_parts: list | None = None, **tbc) -> dict:
    return {"dates": dates, "dates_tbc": tbc.get("dates_tbc", False), "place": place,
            "place_tbc": tbc.get("place_tbc", False), "kind": kind, "kind_tbc": tbc.get("kind_tbc", False),
            "host": host, "host_tbc": tbc.get("host_tbc", False), "remark": remark, "remark_parts": remark_parts}


def test_the_json_of_an_agenda_with_every_item_attribute_and_block() -> None:
    dated = ref("T-ES(2020)24", url=URL + "24", date=on(2020, 11, 3))
    assert exported(RICH) == {
        "$schema": "https://agendadsl.org/schema/agenda-1.json",
        "version": 1,
        "meeting": {
            "body": "Test Committee", "title": "31st meeting", "kind": "hybrid", "platform": "KUDO",
            "place": "Strasbourg, Agora", "dates": on(2020, 11, 23),
            "time": {"start": "09:30", "end": "17:00", "zone": "Europe/Paris"},
            "reference": ref("T-ES(2020)OJ4", url=URL + "OJ4"),
            "status": {"stage": "draft", "revision": 2, "words": None},
            "document_title": "Annotated agenda", "chair": "Ms Jane Doe", "host": "Ministry X", "contact": "Ana Ruiz",
            "issued": on(2020, 11, 9), "issued_time": None, "issued_in": "Brussels", "distribution": "restricted",
            "original_language": "fr", "fields": {"Quorum": "14 members"}, "language": "en", "languages": ["en"],
            "translations": {}, "numbering": ["1.", "1.1"],
            "series": [{"name": "T-ES", "pattern": "T-ES({year}){n}", "url": "https://rm.coe.int/{ref}"}],
            "numbers_frozen": False, "list_of_documents": False, "number_label": None,
            "local_times": [
                {"place": "Moscow", "zone": "Europe/Moscow", "start": "2020-11-23T11:30:00+03:00",
                 "end": "2020-11-23T19:00:00+03:00"},
                {"place": None, "zone": "America/New_York", "start": "2020-11-23T03:30:00-05:00",
                 "end": "2020-11-23T11:00:00-05:00"}],
        },
        "items": [
            json_item(
                "1.", "Opening", 30, label="open", time={"start": "09:30", "end": "10:00", "zone": None},
                duration_minutes=30, presenter="Rapporteur: Ms X",
                presenters=[{"name": "Ms X", "role": "Rapporteur"}, {"name": "Mr Y", "role": None}],
                action="decision", actions=["decision", "information"], status="tbc", session="public",
                documents_state="available", documents=[ref("T-ES(2020)23", url=URL + "23"), dated],
                document_groups=[{"label": None, "documents": [ref("T-ES(2020)23", url=URL + "23")]},
                                 {"label": "for decision", "documents": [dated]}],
                notes=[{"kind": "note", "lines": [[{"text": "See "}, {"xref": "open", "number": "1."},
                                                   {"text": " and "}, {"annex": "A"}, {"footnote": "1"},
                                                   {"text": "."}]]},
                       {"kind": "annotation", "lines": [[{"text": "An annotation."}]]},
                       {"kind": "internal", "lines": [[{"text": "An internal note."}]]},
                       {"kind": "action", "lines": [[{"text": "Send minutes"}]], "status": "done", "owner": "amos"},
                       {"kind": "bullet", "lines": [[{"docref": ref("queued", series=None)}, {"text": " Something"}]]}],
                children=[json_item("1.1", "Sub item", 46)]),
            json_item("2.", "Hidden", 47, visibility="internal"),
        ],
        "next_meetings": [
            next_json(on(2020, 12, 7, day(2020, 12, 11)), "KUDO Platform", dates_tbc=True),
            next_json(on(2021, 3, 15, day(2021, 3, 19)), "Strasbourg", dates_tbc=True, place_tbc=True, kind_tbc=True),
            next_json(on(2021, 4, 20), "Paris", "in person", "France", "see logistics",
                      [{"text": "see "}, {"link": {"text": "logistics", "url": "https://example.org/x"}}],
                      host_tbc=True),
        ],
        "next_meetings_position": None,
        "past_meetings": [],
        "body": [{
            "type": "heading", "level": 1, "title": "Morning, 09:30-12:30",
            "title_parts": [{"text": "Morning, 09:30-12:30"}], "translations": {}, "line": 25, "dates": None,
            "time": {"start": "09:30", "end": "12:30", "zone": None}, "place": "Room 1", "kind": "in person",
            "session": "closed", "break": False, "notes": [{"kind": "note", "lines": [[{"text": "Members only."}]]}],
            "body": [
                {"type": "item", "item": 0},
                {"type": "item", "item": 1},
                {"type": "heading", "level": 2, "title": "12:30-14:00 Lunch break",
                 "title_parts": [{"text": "12:30-14:00 Lunch break"}], "translations": {}, "line": 49, "dates": None,
                 "time": {"start": "12:30", "end": "14:00", "zone": None}, "place": None, "kind": None,
                 "session": None, "break": True, "notes": [], "body": []},
                {"type": "annexes", "line": 51, "annexes": [{
                    "label": "A", "title": "Auditors' report T-ES(2020)25",
                    "title_parts": [{"text": "Auditors' report "}, {"docref": ref("T-ES(2020)25", url=URL + "25")}],
                    "translations": {}}]},
                {"type": "participants", "line": 54, "participants": [
                    {"name": "Ms Jane Doe", "role": "Chair", "affiliation": "Ireland", "voting": "voting",
                     "attendance": "excused"},
                    {"name": "Mr Li", "role": None, "affiliation": None, "voting": None, "attendance": None}]},
                {"type": "next_meetings"},
            ]}],
        "footnotes": [{"label": "1", "text": "A footnote.", "text_parts": [{"text": "A footnote."}], "line": 58,
                       "translations": {}}],
    }


EXTRA = """\
body: Board
fr: Conseil
meeting: Spring meeting
fr: Réunion de printemps
date: 8 and 9 October 2025
time: ~09:00-12:00 and 14:00-17:00 Europe/Paris
status: adopted as amended
issued: 1 October 2025 13:29
language: en, fr
numbers: frozen
list of documents: yes
number label: Item No.
fields: Owner

> Opening text.
fr: Texte d'ouverture.

1. First {#first}
   @numbering (a)
   @owner Ms Z
   | Formal
   | text
   - Parent bullet
     - [ ] @bob Child action
   (a) Sub
2. Second, see {first} and {nowhere}

next meetings:
  - 1 December 2025 - ?, virtual (tbc)

# Part B
  fr: Partie B
  @date 9 October 2025
  @break
  @numbering 1.

past meetings:
  - 1 September 2025, Oslo; [minutes](https://example.org/m)

table:
  Head | Other
  a[^n] | b

annexes:
  - B. Budget
  fr: Budget (fr)

[^n]: Note.
fr: Note (fr).
"""


def test_the_json_of_an_agenda_with_translations_tables_and_past_meetings() -> None:
    assert exported(EXTRA) == {
        "$schema": "https://agendadsl.org/schema/agenda-1.json",
        "version": 1,
        "meeting": {
            "body": "Board", "title": "Spring meeting", "kind": None, "platform": None, "place": None,
            "dates": on(2025, 10, 8, days=[day(2025, 10, 9)]),
            "time": {"start": "09:00", "end": "12:00", "zone": "Europe/Paris", "approximate": True,
                     "also": [{"start": "14:00", "end": "17:00", "zone": "Europe/Paris"}]},
            "reference": None, "status": {"stage": "adopted", "revision": None, "words": "as amended"},
            "document_title": None, "chair": None, "host": None, "contact": None, "issued": on(2025, 10, 1),
            "issued_time": {"start": "13:29", "end": None, "zone": None}, "issued_in": None, "distribution": None,
            "original_language": None, "fields": {}, "language": "en", "languages": ["en", "fr"],
            "translations": {"fr": {"body": "Conseil", "title": "Réunion de printemps"}}, "numbering": [],
            "series": [], "numbers_frozen": True, "list_of_documents": True, "number_label": "Item No.",
            "local_times": [],
        },
        "items": [
            json_item("1.", "First", 18, label="first", fields={"Owner": "Ms Z"}, child_numbering="(a)",
                      notes=[{"kind": "verbatim", "lines": [[{"text": "Formal"}], [{"text": "text"}]]},
                             {"kind": "bullet", "lines": [[{"text": "Parent bullet"}]],
                              "children": [{"kind": "action", "lines": [[{"text": "Child action"}]], "status": "open",
                                            "owner": "bob"}]}],
                      children=[json_item("(a)", "Sub", 25)]),
            json_item("2.", "Second, see {first} and {nowhere}", 26,
                      title_parts=[{"text": "Second, see "}, {"xref": "first", "number": "1."}, {"text": " and "},
                                   {"xref": "nowhere", "number": None}]),
        ],
        "next_meetings": [next_json(on(2025, 12, 1, open_end=True), kind="virtual", kind_tbc=True)],
        "next_meetings_position": 2,
        "past_meetings": [next_json(on(2025, 9, 1), "Oslo", remark="minutes", remark_parts=[
            {"link": {"text": "minutes", "url": "https://example.org/m"}}])],
        "body": [
            {"type": "text", "line": 15, "blocks": [{
                "kind": "note", "lines": [[{"text": "Opening text."}]],
                "translations": {"fr": {"text": "Texte d'ouverture.", "lines": [[{"text": "Texte d'ouverture."}]]}}}]},
            {"type": "item", "item": 0},
            {"type": "item", "item": 1},
            {"type": "next_meetings"},
            {"type": "heading", "level": 1, "title": "Part B", "title_parts": [{"text": "Part B"}],
             "translations": {"fr": {"text": "Partie B", "lines": [[{"text": "Partie B"}]]}}, "line": 31,
             "dates": on(2025, 10, 9), "time": None, "place": None, "kind": None, "session": None, "break": True,
             "notes": [], "body": []},
            {"type": "past_meetings"},
            {"type": "table", "line": 40,
             "header": [{"text": "Head", "parts": [{"text": "Head"}]}, {"text": "Other", "parts": [{"text": "Other"}]}],
             "rows": [[{"text": "a[^n]", "parts": [{"text": "a"}, {"footnote": "n"}]},
                       {"text": "b", "parts": [{"text": "b"}]}]]},
            {"type": "annexes", "line": 44, "annexes": [{
                "label": "B", "title": "Budget", "title_parts": [{"text": "Budget"}],
                "translations": {"fr": {"text": "Budget (fr)", "lines": [[{"text": "Budget (fr)"}]]}}}]},
        ],
        "footnotes": [{"label": "n", "text": "Note.", "text_parts": [{"text": "Note."}], "line": 48,
                       "translations": {"fr": {"text": "Note (fr).", "lines": [[{"text": "Note (fr)."}]]}}}],
    }


def test_the_json_names_translated_header_fields_as_its_meeting_does_and_places_the_next_meetings() -> None:
    source = ("body: B\nmeeting: M\nfr: Mf\ntitle: Draft agenda\nfr: Projet d'ordre du jour\nchair: C\nfr: Cf\n"
              "date: 1 March 2021\nlanguage: en, fr\n\n1. A\n\npast meetings:\n  - 1 February 2021\n\n2. B\n\n"
              "next meetings:\n  - 1 May 2021\n\n3. C\n")
    document = exported(source)
    assert document["meeting"]["translations"] == {
        "fr": {"title": "Mf", "document_title": "Projet d'ordre du jour", "chair": "Cf"}}
    assert document["next_meetings_position"] == 2
    assert [entry["type"] for entry in document["body"]] == ["item", "past_meetings", "item", "next_meetings", "item"]


# ------------------------------------------------------------------ ics: the calendar's events, line by line
# (calendar_events, _when, _days, _at, _Uids, write_calendar, _moment, _escaped, _fold, _sittings,
# _item_lines, _stamp): each property of each event, for each way a meeting is dated and timed.

HEAD = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//agendadsl//agendadsl//EN", "CALSCALE:GREGORIAN"]


def calendar(source: str, options: Options | None = None) -> list[str]:
    text = render_text(parse(source).agenda, "ics", options or Options())
    assert text.endswith("\r\n")
    return text.split("\r\n")[:-1]


def events_of(lines: list[str]) -> list[str]:
    """The lines after the calendar's head and its time zones."""
    return lines[lines.index("END:VTIMEZONE") + 1:] if "END:VTIMEZONE" in lines else lines[len(HEAD):]


def event(summary: str, start: str, end: str | None, stamp: str, uid: str, sequence: int = 0,
          description: str | None = None, location: str | None = None, status: str = "CONFIRMED") -> list[str]:
    return ["BEGIN:VEVENT", f"SUMMARY:{summary}", f"DTSTART{start}", *([end] if end else []), f"DTSTAMP:{stamp}",
            f"UID:{uid}", f"SEQUENCE:{sequence}", *([f"DESCRIPTION:{description}"] if description else []),
            *([f"LOCATION:{location}"] if location else []), f"STATUS:{status}", "TRANSP:OPAQUE", "END:VEVENT"]


def test_a_meeting_of_two_days_with_hours_is_one_event_a_day_in_utc() -> None:
    source = ("body: Board of the Society; Trustees\ndate: 8-9 October 2025\ntime: 09:30-17:00 UTC\nplace: Hall, 2\n"
              "status: Rev.3\n\n1. Opening, welcome\n2. Withdrawn\n   @status withdrawn\n3. Secret\n"
              "   @visibility internal\n* Unnumbered\n")
    description = "1. Opening\\, welcome\\nUnnumbered"
    assert calendar(source) == [
        *HEAD,
        *event("Board of the Society\\; Trustees", ":20251008T093000Z", "DTEND:20251008T170000Z", "20251008T000000Z",
               "board-of-the-society-trustees-2025-10-08@agendadsl", 3, description, "Hall\\, 2"),
        *event("Board of the Society\\; Trustees", ":20251009T093000Z", "DTEND:20251009T170000Z", "20251008T000000Z",
               "board-of-the-society-trustees-2025-10-09@agendadsl", 3, description, "Hall\\, 2"),
        "END:VCALENDAR"]
    internal = calendar(source, Options(view=View.INTERNAL))
    assert [line for line in internal if line.startswith("DESCRIPTION")] == [
        "DESCRIPTION:1. Opening\\, welcome\\n3. Secret\\nUnnumbered"] * 2


@pytest.mark.parametrize(("source", "events"), [
    ("meeting: Annual meeting\ndate: 30 December 2026 - 2 January 2027\n\n1. A\n",
     event("Annual meeting", ";VALUE=DATE:20261230", "DTEND;VALUE=DATE:20270103", "20261230T000000Z",
           "annual-meeting-2026-12-30@agendadsl", description="1. A")),
    ("body: B\ndate: 8 and 10 October 2025\ntime: 10:00 UTC+2\n\n1. A\n",
     event("B", ":20251008T080000Z", None, "20251008T000000Z", "b-2025-10-08@agendadsl", description="1. A")
     + event("B", ":20251010T080000Z", None, "20251008T000000Z", "b-2025-10-10@agendadsl", description="1. A")),
    ("body: B\ndate: 8 October 2025\ntime: 10:00\nplatform: Zoom\n\n1. A\n",
     event("B", ":20251008T100000", None, "20251008T000000Z", "b-2025-10-08@agendadsl", description="1. A",
           location="Zoom")),
    ("body: B\ndate: 31 December 9999\n\n1. A\n",
     event("B", ";VALUE=DATE:99991231", "DURATION:P1D", "99991231T000000Z", "b-9999-12-31@agendadsl",
           description="1. A")),
    ("body: B\n\n1. A\n\nnext meetings:\n  - 5 May 2026\n  - 5 May 2026, Rome\n  - 6 May 2026, virtual (tbc)\n",
     event("B", ";VALUE=DATE:20260505", "DTEND;VALUE=DATE:20260506", "20000101T000000Z", "b-2026-05-05@agendadsl")
     + event("B", ";VALUE=DATE:20260505", "DTEND;VALUE=DATE:20260506", "20000101T000000Z",
             "b-2026-05-05-2@agendadsl", location="Rome")
     + event("B: Virtual meeting", ";VALUE=DATE:20260506", "DTEND;VALUE=DATE:20260507", "20000101T000000Z",
             "b-2026-05-06@agendadsl", description="(nature of the meeting tbc)", status="TENTATIVE")),
    ("meeting: M\ndate: 8 October 2025\n\n1. A\n",
     event("M", ";VALUE=DATE:20251008", "DTEND;VALUE=DATE:20251009", "20251008T000000Z", "m-2025-10-08@agendadsl",
           description="1. A")),
    ("date: 8 October 2025\n\n1. A\n",
     event("Meeting", ";VALUE=DATE:20251008", "DTEND;VALUE=DATE:20251009", "20251008T000000Z",
           "meeting-2025-10-08@agendadsl", description="1. A")),
    ("body: B\nmeeting: Plenary\ndate: 8 October 2025\n\n1. A\n",
     event("B: Plenary", ";VALUE=DATE:20251008", "DTEND;VALUE=DATE:20251009", "20251008T000000Z",
           "b-2025-10-08@agendadsl", description="1. A")),
    ("body: B\nmeeting: B\ndate: 8 October 2025\n\n1. A\n",
     event("B", ";VALUE=DATE:20251008", "DTEND;VALUE=DATE:20251009", "20251008T000000Z",
           "b-2025-10-08@agendadsl", description="1. A")),
])
def test_each_way_of_dating_a_meeting_makes_its_events(source: str, events: list[str]) -> None:
    assert calendar(source) == [*HEAD, *events, "END:VCALENDAR"]


def test_sittings_are_events_of_their_own_and_loose_items_go_on_the_meetings_days() -> None:
    source = ("body: B\ndate: 8-9 October 2025\ntime: 09:00-18:00 Europe/Paris\nplace: Hall\n\n1. Loose\n"
              "# Wednesday 8 October 2025\n## Morning, 09:00-12:00\n2. A\n## Afternoon, 14:00-17:00\n  @place Room 2\n"
              "3. B\n# Thursday 9 October 2025\n4. C\n# Part without a date\n")
    lines = calendar(source)
    assert lines[:5] == [*HEAD, "BEGIN:VTIMEZONE"]
    assert events_of(lines) == [
        *event("B: Morning\\, 09:00-12:00", ";TZID=Europe/Paris:20251008T090000",
               "DTEND;TZID=Europe/Paris:20251008T120000", "20251008T000000Z", "b-2025-10-08-0900@agendadsl",
               description="2. A", location="Hall"),
        *event("B: Afternoon\\, 14:00-17:00", ";TZID=Europe/Paris:20251008T140000",
               "DTEND;TZID=Europe/Paris:20251008T170000", "20251008T000000Z", "b-2025-10-08-1400@agendadsl",
               description="3. B", location="Room 2"),
        *event("B: Thursday 9 October 2025", ";TZID=Europe/Paris:20251009T090000",
               "DTEND;TZID=Europe/Paris:20251009T180000", "20251008T000000Z", "b-2025-10-09-0900@agendadsl",
               description="4. C", location="Hall"),
        *event("B", ";TZID=Europe/Paris:20251008T090000", "DTEND;TZID=Europe/Paris:20251008T180000",
               "20251008T000000Z", "b-2025-10-08@agendadsl", description="1. Loose", location="Hall"),
        *event("B", ";TZID=Europe/Paris:20251009T090000", "DTEND;TZID=Europe/Paris:20251009T180000",
               "20251008T000000Z", "b-2025-10-09@agendadsl", description="1. Loose", location="Hall"),
        "END:VCALENDAR"]


def test_the_next_meetings_are_events_tentative_while_anything_is_to_be_confirmed() -> None:
    assert events_of(calendar(RICH)) == [
        *event("Test Committee: Morning\\, 09:30-12:30", ";TZID=Europe/Paris:20201123T093000",
               "DTEND;TZID=Europe/Paris:20201123T123000", "20201123T000000Z",
               "test-committee-2020-11-23-0930@agendadsl", 2, "1. Opening", "Room 1\\, KUDO"),
        *event("Test Committee", ";VALUE=DATE:20201207", "DTEND;VALUE=DATE:20201212", "20201123T000000Z",
               "test-committee-2020-12-07@agendadsl", 2, "(exact dates tbc)", "KUDO Platform", "TENTATIVE"),
        *event("Test Committee", ";VALUE=DATE:20210315", "DTEND;VALUE=DATE:20210320", "20201123T000000Z",
               "test-committee-2021-03-15@agendadsl", 2, "(exact dates and place/nature of the meeting tbc)",
               "Strasbourg", "TENTATIVE"),
        *event("Test Committee: In-person meeting", ";VALUE=DATE:20210420", "DTEND;VALUE=DATE:20210421",
               "20201123T000000Z", "test-committee-2021-04-20@agendadsl", 2,
               "(host tbc)\\; Host: France\\; see logistics", "Paris"),
        "END:VCALENDAR"]
    french = events_of(calendar(RICH, Options(language="fr")))
    assert [line for line in french if line.startswith(("SUMMARY", "DESCRIPTION"))] == [
        f"SUMMARY:Test Committee: Morning\\, 9{NB}h{NB}30 – 12{NB}h{NB}30", "DESCRIPTION:1. Opening",
        "SUMMARY:Test Committee", "DESCRIPTION:(dates exactes à confirmer)",
        "SUMMARY:Test Committee", "DESCRIPTION:(dates exactes et lieu/nature de la réunion à confirmer)",
        "SUMMARY:Test Committee: Réunion en présentiel",
        f"DESCRIPTION:(hôte à confirmer)\\; Hôte{NB}: France\\; see logistics"]


def test_the_stamp_is_source_date_epoch_when_it_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert [line for line in calendar("body: B\ndate: 8 October 2025\n\n1. A\n") if line.startswith("DTSTAMP")] == [
        "DTSTAMP:20231114T221320Z"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    assert [line for line in calendar("body: B\ndate: 8 October 2025\n\n1. A\n") if line.startswith("DTSTAMP")] == [
        "DTSTAMP:20251008T000000Z"]


@pytest.mark.parametrize(("body", "summary", "uid"), [
    ("A" * 60 + " Committee of the Whole Council of Europe",
     ["SUMMARY:" + "A" * 60 + " Commi", " ttee of the Whole Council of Europe"],
     ["UID:" + "a" * 60 + "-committee", " -of-the-whole-council-of-europe-2025-10-08@agendadsl"]),
    ("Comité é" * 12,
     ["SUMMARY:" + "Comité é" * 6 + "Comit", " é é" + "Comité é" * 5],
     ["UID:" + "comit-" * 11 + "comi", " t-2025-10-08@agendadsl"]),
    ("X" * 65 + "\\N and more", ["SUMMARY:" + "X" * 65, " \\\\N and more"],
     ["UID:" + "x" * 65 + "-n-an", " d-more-2025-10-08@agendadsl"]),
    ("X" * 65, ["SUMMARY:" + "X" * 65], ["UID:" + "x" * 65 + "-2025", " -10-08@agendadsl"]),
])
def test_long_lines_are_folded_at_75_octets_between_characters(body: str, summary: list, uid: list) -> None:
    lines = calendar(f"body: {body}\ndate: 8 October 2025\n\n1. A\n")
    start = lines.index("BEGIN:VEVENT") + 1
    assert lines[start:start + len(summary)] == summary
    at = next(i for i, line in enumerate(lines) if line.startswith("UID:"))
    assert lines[at:at + len(uid)] == uid
    assert max(len(line.encode("utf-8")) for line in lines) <= 75


def test_events_on_one_day_get_uids_numbered_from_2() -> None:
    source = ("body: B\ndate: 4 May 2026\n\n1. A\n\nnext meetings:\n  - 5 May 2026\n  - 5 May 2026, Rome\n"
              "  - 5 May 2026, Oslo\n  - 5 May 2026, Bern\n")
    assert [line for line in calendar(source) if line.startswith("UID")] == [
        "UID:b-2026-05-04@agendadsl", "UID:b-2026-05-05@agendadsl", "UID:b-2026-05-05-2@agendadsl",
        "UID:b-2026-05-05-3@agendadsl", "UID:b-2026-05-05-4@agendadsl"]


# ------------------------------------------------------------------ final: what keeps an agenda from being final



def test_each_tbc_left_is_one_error_saying_what_is_still_to_be_confirmed() -> None:
    source = ("body: B\ndate: 1 March 2021\n\n1. A\n   @status tbc\n   1.1 B\n       @status tbc\n2. C\n"
              "   @status postponed\n\nnext meetings:\n  - 7 December 2021 (tbc)\n  - 8 December 2021, Paris (tbc)\n"
              "  - 9 December 2021, kind (tbc)\n  - 10 December 2021 (tbc), Rome (tbc)\n"
              "  - 11 December 2021, Rome (tbc), virtual (tbc)\n  - 12 December 2021 (tbc), Rome (tbc), virtual (tbc)\n"
              "  - 14 December 2021\n  - 15 December 2021, Oslo, hosted by Norway (tbc)\n"
              "  - 16 December 2021 (tbc), hosted by Norway (tbc)\n")
    hint = "confirm it and remove the tbc, or publish without --final"
    found = [(d.code, d.message, d.hint, d.span.line, d.severity.value) for d in unconfirmed(parse(source).agenda)]
    assert found == [
        ("not-final", "this item is still to be confirmed", hint, 5, "error"),
        ("not-final", "this item is still to be confirmed", hint, 7, "error"),
        ("not-final", "this next meeting's dates are still to be confirmed", hint, 12, "error"),
        ("not-final", "this next meeting's place is still to be confirmed", hint, 13, "error"),
        ("not-final", "this next meeting's kind is still to be confirmed", hint, 14, "error"),
        ("not-final", "this next meeting's dates and place are still to be confirmed", hint, 15, "error"),
        ("not-final", "this next meeting's place and kind are still to be confirmed", hint, 16, "error"),
        ("not-final", "this next meeting's dates, place and kind are still to be confirmed", hint, 17, "error"),
        ("not-final", "this next meeting's host is still to be confirmed", hint, 19, "error"),
        ("not-final", "this next meeting's dates and host are still to be confirmed", hint, 20, "error"),
    ]
    assert unconfirmed(parse("body: B\ndate: 1 March 2021\n\n1. A\n").agenda) == []


# ------------------------------------------------------------------ escape: user text as LaTeX and Markdown

BREAK = r"\penalty5000{}"


@pytest.mark.parametrize(("text", "tex"), [
    ("a\\b{c}$d&e#f^g_h~i%j\tk/l[m]n",
     r"a\textbackslash{}b\{c\}\$d\&e\#f\textasciicircum{}g\_h\textasciitilde{}i\%j k/\allowbreak{}l{[}m{]}n"),
    ("x" * 30, "x" * 30),
    ("x" * 31, BREAK.join("x" * 31)),
    ("short " + "y" * 31 + " end", "short " + BREAK.join("y" * 31) + " end"),
    ("a/" + "b" * 31, r"a/\allowbreak{}" + BREAK.join("b" * 31)),
    ("a/" + "b" * 30, r"a/\allowbreak{}" + "b" * 30),
    ("_" * 31, BREAK.join([r"\_"] * 31)),
    ("e\u0301" * 16, "e\u0301" * 16),
    ("שלום" * 8, "שלום" * 8),
    ("\U0001F1EB\U0001F1F7" * 16, "\U0001F1EB\U0001F1F7" * 16),
    ("x" * 15 + "e\u0301" + "x" * 15, BREAK.join("x" * 15) + BREAK + "e\u0301" + "x" + BREAK + BREAK.join("x" * 14)),
    ("x" * 15 + "\U0001F3FB" + "x" * 15, BREAK.join("x" * 15) + "\U0001F3FB" + "x" + BREAK + BREAK.join("x" * 14)),
    ("x" * 15 + "\U0001F3FF" + "x" * 15, BREAK.join("x" * 15) + "\U0001F3FF" + "x" + BREAK + BREAK.join("x" * 14)),
    ("x" * 15 + "\U0001F1E6" + "x" * 15, BREAK.join("x" * 15) + "\U0001F1E6" + "x" + BREAK + BREAK.join("x" * 14)),
    ("x" * 15 + "\U0001F400" + "x" * 15, BREAK.join("x" * 15) + BREAK + "\U0001F400" + BREAK + "x" + BREAK
     + BREAK.join("x" * 14)),
    ("x" * 14 + "\ufe0f\U0001F3FB\U000E0001" + "x" * 15,
     BREAK.join("x" * 14) + "\ufe0f\U0001F3FB\U000E0001" + "x" + BREAK + BREAK.join("x" * 14)),
])
def test_latex_prints_user_text_literally_and_breaks_only_long_words(text: str, tex: str) -> None:
    assert latex(text) == tex


@pytest.mark.parametrize(("text", "md"), [
    ("# heading", "\\# heading"), ("1. list", "1\\. list"), ("12) x", "12\\) x"), ("- a", "\\- a"),
    ("+ b", "\\+ b"), ("= c", "\\= c"), ("> d", "\\> d"), ("2024", "2024"), ("a - b", "a - b"),
    ("a*b_c`d[e]f<g>h|i~j&k$l!m\\n", "a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\&k\\$l\\!m\\\\n"),
    ("line\nbreak", "line break"),
])
def test_markdown_escapes_what_would_make_markup(text: str, md: str) -> None:
    assert markdown(text) == md


def test_numbers_urls_are_escaped_for_their_place() -> None:
    assert [markdown_number(n) for n in ("2.1", "(a)", "I.3", "1*", "A-1", "- 1")] == [
        "2.1", "(a)", "I.3", "1\\*", "A-1", "\\- 1"]
    assert markdown_url("https://x.org/a b<c>|d\\e\nf") == "https://x.org/a%20b%3Cc%3E%7Cd%5Cef"
    assert latex_url("https://x.org/a\\b#c%d{e}f~g^h&i_j$k l") == (
        "https://x.org/a\\%5Cb\\#c\\%d\\%7Be\\%7Df\\%7Eg\\%5Eh\\&i\\_j\\%24k\\%20l")


# ------------------------------------------------------------------ tex_lines: LaTeX lines short enough for TeX


@pytest.mark.parametrize(("line", "folded"), [
    ("aaaa bbbb", "aaaa bbbb"),
    ("aaaa bbbb cccc dddd", "aaaa bbbb\ncccc dddd"),
    ("aaaa bbbbb cccc", "aaaa bbbbb\ncccc"),
    ("aaaa bbbbbb cccc", "aaaa\nbbbbbb\ncccc"),
    ("\\textbf{aaaaaaaa}bbbbbbbb", "\\textbf{aaaaaaaa}%\nbbbbbbbb"),
    ("aaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaa"),
    ("  aaaa bbbb cccc  ", "  aaaa\nbbbb\ncccc  "),
    ("a\\ bbbbbbbbb cc", "a\\ bbbbbbbbb\ncc"),
    ("aaaa}{bbbbbbb}cccc", "aaaa}{bbbbbbb}%\ncccc"),
    ("aaaa}[bbbbbbb]cccc dd", "aaaa}[bbbbbbb]cccc\ndd"),
    ("aaaa} bbbbbbbbbbbbbbb", "aaaa}\nbbbbbbbbbbbbbbb"),
    ("aaaaaaaa % bbb ccc ddd", "aaaaaaaa\n% bbb ccc ddd"),
    ("aaaaaaaa}% c d e", "aaaaaaaa}%\n% c d e"),
    ("aaaaaaaaa}%c d e", "aaaaaaaaa}%\n%c d e"),
    ("aaaaaaaa \\% bbb ccc ddd", "aaaaaaaa\n\\% bbb ccc\nddd"),
    ("aaaaaaaaaaaaa bbb", "aaaaaaaaaaaaa\nbbb"),
])
def test_a_long_latex_line_is_folded_where_tex_reads_the_same(monkeypatch: pytest.MonkeyPatch, line: str,
                                                              folded: str) -> None:
    monkeypatch.setattr(tex_lines, "MAX_LINE", 10)
    assert tex_lines.fold(line) == folded


def test_latex_lines_are_folded_piece_by_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tex_lines, "MAX_LINE", 10)
    assert list(tex_lines.short_lines(["abc def ghi", " jkl mno pqr\nshort\n", "x" * 5])) == [
        "abc def\nghi jkl\nmno pqr\nshort\n", "xxxxx"]
    assert list(tex_lines.short_lines(["a b\nc d\n"])) == ["a b\nc d\n", ""]
    assert list(tex_lines.short_lines(["aaaa bbbb cccc dddd eeee ffff ", "gg"])) == [
        "aaaa bbbb\ncccc dddd\n", "eeee ffff\ngg"]


def test_a_latex_line_at_the_limit_is_left_and_one_over_it_is_broken() -> None:
    at_limit = "a " * 4999 + "bb"
    assert len(at_limit) == 10_000
    assert tex_lines.fold(at_limit) == at_limit
    assert tex_lines.fold(at_limit + "b") == "a " * 4998 + "a\nbbb"


# ------------------------------------------------------------------ render/__init__: formats, errors, bilingual pages



PLAIN = "body: B\ndate: 1 March 2021\n\n1. A\n"


@pytest.mark.parametrize(("fmt", "options", "error", "message"), [
    ("pdf", Options(), ValueError, "pdf is not a text format: use render_bytes"),
    ("docx", Options(), ValueError, "docx is not a text format: use render_bytes"),
    ("markdown", Options(bilingual=True), AgendaError,
     "--bilingual sets two columns in html and latex, not in markdown"),
    ("html", Options(bilingual=True), AgendaError,
     "--bilingual needs a second language: translate the agenda ('language: en, fr' in the header and 'fr: ...' "
     "lines), or name one with --language"),
    ("latex", Options(bilingual=True, language="en"), AgendaError,
     "--bilingual needs a second language: translate the agenda ('language: en, fr' in the header and 'fr: ...' "
     "lines), or name one with --language"),
])
def test_a_format_or_option_that_cannot_be_made_says_why(fmt: str, options: Options, error: type,
                                                          message: str) -> None:
    with pytest.raises(error) as raised:
        render_text(parse(PLAIN).agenda, fmt, options)
    assert str(raised.value) == message


def test_a_broken_house_template_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "markdown").mkdir()
    (tmp_path / "markdown" / "agenda.md.j2").write_text("line one\n{{ view.nothing.deeper }}\n", encoding="utf-8")
    with pytest.raises(AgendaError) as raised:
        render_text(parse(PLAIN).agenda, "markdown", Options(templates=tmp_path))
    assert str(raised.value) == (f"the markdown template {tmp_path}/markdown/agenda.md.j2, line 2: "
                                 "'agendadsl.render.view_model.AgendaView object' has no attribute 'nothing'")
    (tmp_path / "markdown" / "agenda.md.j2").write_text('x\n{% include "missing.md.j2" %}\n', encoding="utf-8")
    with pytest.raises(AgendaError) as raised:
        render_text(parse(PLAIN).agenda, "markdown", Options(templates=tmp_path))
    assert str(raised.value) == f"the markdown template {tmp_path}/markdown/agenda.md.j2, line 2: missing.md.j2"


def test_the_text_formats_as_bytes_and_the_public_json() -> None:
    agenda = parse(PLAIN).agenda
    assert render_bytes(agenda, "markdown") == render_text(agenda, "markdown").encode("utf-8")
    assert render_bytes(agenda, "markdown").startswith(b"**B**\n\n# Agenda\n\n1 March 2021\n")
    assert to_json(agenda) == render_text(agenda, "json")
    assert json.loads(to_json(agenda))["items"][0]["title"] == "A"
    assert render_text(agenda, "json").endswith("}\n")


BILINGUAL = ("body: B\ndate: 1 March 2021\nlanguage: en, fr, de\n\n# Morning\n  fr: Matin\n1. A {#a}\n   fr: A fr\n"
             "   > See {a}[^1] and {annex X}\n   fr: Voir {a}[^1] et {annex X}\n\nannexes:\n  - X. Annex\n\n"
             "[^1]: Note.\nfr: Note fr.\n")


@pytest.mark.parametrize(("language", "other", "tex", "title", "line"), [
    (None, "fr", {"en": "english", "fr": "french"}, (S("text", "A fr"),),
     (S("text", "Voir "), S("xref", "1.", href="#fr-item-a"),
      S("footnote", "1", href="#fr-fn-1", parts=(S("text", "Note fr."),), id="fr-fnref-1"), S("text", " et "),
      S("xref", "annexe X", href="#fr-annex-X"))),
    ("en", "fr", {"en": "english", "fr": "french"}, (S("text", "A fr"),),
     (S("text", "Voir "), S("xref", "1.", href="#fr-item-a"),
      S("footnote", "1", href="#fr-fn-1", parts=(S("text", "Note fr."),), id="fr-fnref-1"), S("text", " et "),
      S("xref", "annexe X", href="#fr-annex-X"))),
    ("de", "de", {"en": "english", "de": "german"}, (S("text", "A", lang="en"),),
     (S("text", "See ", lang="en"), S("xref", "1.", href="#de-item-a"),
      S("footnote", "1", href="#de-fn-1", parts=(S("text", "Note.", lang="en"),), id="de-fnref-1"),
      S("text", " and ", lang="en"), S("xref", "Anlage X", href="#de-annex-X"))),
])
def test_a_bilingual_page_has_the_agendas_language_left_and_the_other_right_with_its_own_anchors(
        language: str | None, other: str, tex: dict, title: tuple, line: tuple) -> None:
    left, right = _bilingual(parse(BILINGUAL).agenda, Options(bilingual=True, language=language))
    assert (left.language, right.language, left.anchors, right.anchors) == ("en", other, "", f"{other}-")
    assert (left.tex_languages, list(left.tex_languages)) == (tex, ["en", other])
    assert (left.items[0].id, right.items[0].id, right.blocks[0].heading.id) == ("item-a", f"{other}-item-a",
                                                                                   f"{other}-part-1")
    assert left.items[0].title == (S("text", "A"),)
    assert right.items[0].title == title
    assert right.items[0].notes[0].lines == (line,)
    assert [a.id for a in right.blocks[-1].annexes] == [f"{other}-annex-X"]
    assert [f.id for f in right.footnotes] == [f"{other}-fn-1"]


def test_a_bilingual_page_of_a_french_agenda_has_french_on_the_left() -> None:
    left, right = _bilingual(parse("body: B\ndate: 1 March 2021\nlanguage: fr, en\n\n1. A\n   en: A en\n").agenda,
                             Options(bilingual=True))
    assert (left.language, right.language, left.tex_languages) == ("fr", "en", {"fr": "french", "en": "english"})
    assert (left.items[0].title, right.items[0].title) == ((S("text", "A"),), (S("text", "A en"),))


# ------------------------------------------------------------------ view: the list of documents (_Builder.documents)

DOCUMENTS = """\
body: B
date: 1 March 2021
list of documents: yes
series CM: CM({year}){n} https://example.org/{ref}
series T-ES: T-ES({year}){n}
series E: E-{n}

1. Budget [CM(2020)1]
   @docs [T-ES(2020)2], [Other 1]
   > See [CM(2020)3] of 3 May 2020.
   - Bullet [CM(2020)9]
     - Child [CM(2020)8]
   1.1 Sub [CM(2020)1] [CM(2020)7]
       @docs [CM(2020)1] of 4 May 2020
   1.2 Other [CM(2020)6]
2. Hidden [CM(2020)4]
   @visibility internal
3. Grouped
   @docs for decision: [T-ES(2020)2]
   @docs [Other 2], [CM(2020)1] of 5 May 2020
* Unnumbered [CM(2020)5]
"""


def cited(text: str, items: tuple, url: str | None = None, date: str | None = None) -> dict:
    return {"ref": {"text": text, "url": url, "date": date}, "items": items}


def cm(n: int) -> str:
    return f"https://example.org/CM%282020%29{n}"


@pytest.mark.parametrize(("view", "language", "hidden", "dated"), [
    (View.PUBLIC, None, (), "4 May 2020"),
    (View.INTERNAL, None, (cited("CM(2020)4", ("2",), cm(4)),), "4 May 2020"),
    (View.PUBLIC, "fr", (), "4 mai 2020"),
])
def test_the_list_of_documents_groups_the_cited_references_by_series(view: View, language: str | None,
                                                                     hidden: tuple, dated: str) -> None:
    documents = build(parse(DOCUMENTS).agenda, view=view, language=language).documents
    assert plain(documents) == (
        {"name": "CM", "refs": (cited("CM(2020)1", ("1", "1.1", "3"), cm(1), dated), cited("CM(2020)3", ("1",), cm(3)),
                                cited("CM(2020)9", ("1",), cm(9)), cited("CM(2020)8", ("1",), cm(8)),
                                cited("CM(2020)7", ("1.1",), cm(7)), cited("CM(2020)6", ("1.2",), cm(6)), *hidden,
                                cited("CM(2020)5", (), cm(5)))},
        {"name": "T-ES", "refs": (cited("T-ES(2020)2", ("1", "3")),)},
        {"name": None, "refs": (cited("Other 1", ("1",)), cited("Other 2", ("3",)))},
    )


def test_no_list_of_documents_unless_asked_and_none_of_removed_items() -> None:
    assert build(parse(DOCUMENTS.replace("list of documents: yes\n", "")).agenda).documents == ()
    assert build(parse(DOCUMENTS.replace("list of documents: yes\n", "list of documents: no\n")).agenda).documents == ()
    old = "body: B\ndate: 1 March 2021\nlist of documents: yes\n\n1. Gone [X 1]\n2. Kept [X 2]\n"
    new = "body: B\ndate: 1 March 2021\nlist of documents: yes\n\n1. Kept [X 2]\n"
    documents = build(parse(new).agenda, since=("Rev.1", parse(old).agenda)).documents
    assert plain(documents) == ({"name": None, "refs": (cited("X 2", ("1",)),)},)


# ------------------------------------------------------------------ view: anchors and language names (_slug, the
# builder's ids, _language_name)

ANCHORS = ("body: B\ndate: 1 March 2021\n\n1. A {#x.y}\n2. B {#item}\n* Un Numbered: Title!\n* Un Numbered: Title!\n"
           "* Un Numbered: Title!\n* Ünïcödé\n* " + "Very long title " * 5 + "\n* ...\n3. C\n   (a) D\n   (b) E\n"
           "4. F\n   (a) G\n   (b) H\n")


def all_ids(items) -> list[str]:
    return [i for item in items for i in (item.id, *all_ids(item.children))]


@pytest.mark.parametrize("prefix", ["", "fr-"])
def test_each_item_has_a_unique_anchor_from_its_label_number_or_title(prefix: str) -> None:
    view = build(parse(ANCHORS).agenda, anchors=prefix)
    assert all_ids(view.items) == [prefix + i for i in (
        "item-x-y", "item-item", "item-un-numbered-title", "item-un-numbered-title-2", "item-un-numbered-title-3",
        "item-n-c-d", "item-very-long-title-very-long-title-very-lon", "item-x", "item-3", "item-a", "item-b",
        "item-4", "item-a-2", "item-b-2")]


@pytest.mark.parametrize(("written", "names"), [
    ("fr", ["French", "français", "Französisch", "французский"]),
    ("en", ["English", "anglais", "Englisch", "английский"]),
    ("fr-CA", ["French (Canada)", "français (Canada)", "Französisch (Kanada)", "французский (Канада)"]),
    ("zh_Hant", ["Chinese (Traditional)", "chinois (traditionnel)", "Chinesisch (Traditionell)",
                 "китайский (традиционная)"]),
    ("Klingon", ["Klingon"] * 4),
    ("xx", ["xx"] * 4),
])
def test_the_original_language_is_named_in_the_output_language(written: str, names: list[str]) -> None:
    agenda = parse(f"body: B\ndate: 1 March 2021\noriginal: {written}\n\n1. A\n").agenda
    assert [build(agenda, language=language).meeting.original for language in (None, "fr", "de", "ru")] == names


# ------------------------------------------------------------------ cldr: Babel's answers


def test_a_language_with_a_region_cldr_does_not_know_is_published_with_the_languages_formats() -> None:
    """``language: en-QQ`` passes check; every render crashed on Babel's UnknownLocaleError."""
    for code, expected in (("en-QQ", "**B**\n\n# Agenda\n\n1 March 2021\n\nTime: 18:30\n\n"),
                           ("de-XY", "**B**\n\n# Tagesordnung\n\n1\\. März 2021\n\nZeit: 18:30\n\n")):
        source = f"body: B\ndate: 1 March 2021\ntime: 18:30\nlanguage: {code}\n\n1. A\n"
        assert render_text(parse(source).agenda, "markdown").startswith(expected)
    assert cldr.locale_id("xx_YY", "fr_FR") == "fr_FR"


def test_babels_answers_about_locales_patterns_and_names() -> None:
    assert [cldr.locale_id("en_GB", "en"), cldr.locale_id("de_AT", "en"), cldr.locale_id("not a locale!", "de")] == [
        "en_GB", "de_AT", "de"]
    assert [cldr.zone_city("Asia/Tokyo", "fr_FR"), cldr.zone_city("Mars/Olympus", "en_GB")] == ["Tokyo", None]
    assert [cldr.language_name("pt_BR", "fr_FR"), cldr.language_name("qq", "en_GB"),
            cldr.language_name("!!", "en_GB")] == ["portugais (Brésil)", None, None]
    assert [cldr.date_pattern("fr_FR", "full"), cldr.date_pattern("en_US", "long"), cldr.time_pattern("en_US", "short"),
            cldr.time_pattern("de_DE", "short")] == ["EEEE d MMMM y", "MMMM d, y", f"h:mm{NNB}a", "HH:mm"]
    assert [cldr.interval("en_GB", "yMMMd", "d"), cldr.interval("en_GB", "yMMMd", "q"),
            cldr.interval("en_GB", "nope", "d")] == [(f"d{TH}–{TH}", "d MMM y"), None, None]
    assert [cldr.interval_fallback("fr_FR"), cldr.interval_fallback("ru_RU")] == [f"{{0}}{TH}–{TH}{{1}}", "{0} — {1}"]
    assert [cldr.format_date(datetime.date(2021, 3, 1), "full", "it_IT"),
            cldr.format_date(datetime.date(2021, 3, 1), "d MMM", "de_DE"),
            cldr.format_time(datetime.time(18, 5), "h:mm a", "en_US"),
            cldr.format_list(["a", "b", "c"], "fr_FR"), cldr.format_list(["a"], "fr_FR")] == [
        "lunedì 1 marzo 2021", "1 März", "6:05 PM", "a, b et c", "a"]


# ------------------------------------------------------------------ json_text: what JSON cannot hold



@pytest.mark.parametrize(("value", "message"), [
    ({"a": {1, 2}}, "Object of type set is not JSON serializable"),
    ([b"x"], "Object of type bytes is not JSON serializable"),
    ({"a": {(1, 2): "b"}}, "keys must be str, int, float, bool or None, not tuple"),
    ({"a": _Streamed(lambda x: x, [{(1,): 2}])}, "keys must be str, int, float, bool or None, not tuple"),
])
def test_a_value_json_cannot_hold_is_refused_as_json_refuses_it(value, message: str) -> None:
    with pytest.raises(TypeError) as raised:
        "".join(pieces(value, _Streamed))
    assert str(raised.value) == message


def test_keys_of_every_kind_are_written_as_json_writes_them() -> None:
    value = {"a": {1: 1, 2.5: 2, False: 3, None: 4, float("inf"): 5, "é": [1.0, -0.0, float("-inf"), 10**20]}}
    assert "".join(pieces(value, _Streamed)) == json.dumps(value, ensure_ascii=False, indent=2) == (
        '{\n  "a": {\n    "1": 1,\n    "2.5": 2,\n    "false": 3,\n    "null": 4,\n    "Infinity": 5,\n    "é": [\n'
        '      1.0,\n      -0.0,\n      -Infinity,\n      100000000000000000000\n    ]\n  }\n}')


# ------------------------------------------------------------------ localise and view: local times, wording-file
# times, dates that do not exist (Locale.time, Locale.dates, Locale.date_range, _Builder.local_times)

LOCAL = ("body: B\ndate: Thu 18-Feb-2016\ntime: 20:00 UTC\nlocal times: San Francisco (America/Los_Angeles), "
         "Europe/Moscow, UTC+9, EST, Sydney (Australia/Sydney)\n\n1. A\n")


@pytest.mark.parametrize(("language", "times"), [
    (None, [("San Francisco", "Thursday, 18 February 2016, 12:00"), ("Moscow", "Thursday, 18 February 2016, 23:00"),
            ("UTC+9", "Friday, 19 February 2016, 05:00"), ("EST", "Thursday, 18 February 2016, 15:00"),
            ("Sydney", "Friday, 19 February 2016, 07:00")]),
    ("fr", [("San Francisco", f"jeudi 18 février 2016, 12{NB}h{NB}00"),
            ("Moscou", f"jeudi 18 février 2016, 23{NB}h{NB}00"),
            ("UTC+9", f"vendredi 19 février 2016, 5{NB}h{NB}00"), ("EST", f"jeudi 18 février 2016, 15{NB}h{NB}00"),
            ("Sydney", f"vendredi 19 février 2016, 7{NB}h{NB}00")]),
    ("de", [("San Francisco", "Donnerstag, 18. Februar 2016, 12:00"), ("Moskau", "Donnerstag, 18. Februar 2016, 23:00"),
            ("UTC+9", "Freitag, 19. Februar 2016, 05:00"), ("EST", "Donnerstag, 18. Februar 2016, 15:00"),
            ("Sydney", "Freitag, 19. Februar 2016, 07:00")]),
])
def test_local_times_name_each_place_and_its_own_date_and_time(language: str | None, times: list) -> None:
    assert list(build(parse(LOCAL).agenda, language=language).meeting.local_times) == times
    undated = "body: B\ndate: Thu 18-Feb-2016\nlocal times: Europe/Moscow\n\n1. A\n"
    assert build(parse(undated).agenda, language=language).meeting.local_times == ()


@pytest.mark.parametrize(("language", "times"), [
    ("en", ["09:05", "18:30", "00:00", "00:00"]), ("fr", ["09 h 05", "18 h 30", "00 h 00", "00 h 00"]),
    ("de", ["09:05", "18:30", "00:00", "00:00"]), ("en-US", ["09:05", "18:30", "00:00", "00:00"]),
])
def test_the_wording_files_time_pattern_writes_24_00_as_midnight(language: str, times: list[str]) -> None:
    from agendadsl.language.nodes import TimeOfDay

    loc = locale(language)
    assert [loc.time(TimeOfDay(h, m)) for h, m in ((9, 5), (18, 30), (24, 0), (0, 0))] == times


@pytest.mark.parametrize(("written", "range_text"), [
    ("31 February 2026", "31 2 2026"), ("30 February - 2 March 2026", "30 2 2026"),
    ("31 February and 1 March 2026", "31 2 2026"),
])
def test_a_date_that_does_not_exist_is_printed_as_written(written: str, range_text: str) -> None:
    dates = parse(f"body: X\ndate: {written}\n\n1. A\n").agenda.meeting.dates
    for language in ("en", "fr", "de"):
        assert (locale(language).dates(dates), locale(language).date_range(dates)) == (written, range_text)


@pytest.mark.parametrize(("language", "printed"), [
    ("en", f"Wednesday, 8{TH}October, Thursday 9 and Friday, 10 October 2025"),
    ("fr", "mercredi 8, jeudi 9 et vendredi 10 octobre 2025"),
    ("de", "Mittwoch, 8., Donnerstag, 9. und Freitag, 10. Oktober 2025"),
    ("en-US", "Wednesday, October 8, Thursday 9, and Friday, October 10, 2025"),
    ("it", "mercoledì 8, giovedì 9 e venerdì 10 ottobre 2025"),
])
def test_three_weekdays_of_one_month_name_the_month_once(language: str, printed: str) -> None:
    dates = parse("body: X\ndate: Wednesday 8, Thursday 9 and Friday 10 October 2025\n\n1. A\n").agenda.meeting.dates
    assert locale(language).dates(dates) == printed


def test_interval_patterns_are_widened_to_full_months_and_weekdays_outside_quotes() -> None:
    from agendadsl.render.localise import _widen

    assert [_widen(p) for p in ("d 'de' MMM 'de' y", "E d MMM 'E MMM' LLL ccc", "EEEE MMMM", "EEEEE MMMMM", "EE")] == [
        "d 'de' MMMM 'de' y", "EEEE d MMMM 'E MMM' LLLL ccc", "EEEE MMMM", "EEEEE MMMMM", "EEEE"]


@pytest.mark.parametrize(("source", "events"), [
    ("body: B\ndate: 31 February 2026\n\n1. A\n\nnext meetings:\n  - 30 February 2027\n  - 1 March 2027\n",
     event("B", ";VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270302", "20000101T000000Z", "b-2027-03-01@agendadsl")),
    ("body: B\ndate: 1 March 2026\ntime: 10:00\n\n# Day two\n  @date 31 February 2026\n1. A\n", []),
    ("body: B\ndate: 31 February and 1 March 2026\ntime: 10:00 UTC\n\n1. A\n", []),
])
def test_a_date_that_does_not_exist_makes_no_event(source: str, events: list[str]) -> None:
    assert calendar(source) == [*HEAD, *events, "END:VCALENDAR"]


def test_a_removed_sub_item_is_shown_after_the_sub_item_before_it_with_its_own_children() -> None:
    old = "1. P\n   1.1 Kept\n   1.2 Gone\n       1.2.1 Gone child\n   1.3 Last\n2. End\n"
    new = "1. P\n   1.1 Kept\n   1.2 Last\n2. End\n"
    view = build(parse(new).agenda, since=("Rev.1", parse(old).agenda))
    assert [outline(b.item) for b in view.blocks] == [
        ("1.", "item-1", 1, None, None, "P", (
            ("1.1", "item-1-1", 2, None, None, "Kept", ()),
            ("1.2", "removed-Gone", 2, "removed", None, "Gone", (
                ("1.2.1", "removed-Gone-child", 3, "removed", None, "Gone child", ()),)),
            ("1.2", "item-1-2", 2, "renumbered", "1.3", "Last", ()))),
        ("2.", "item-2", 1, None, None, "End", ()),
    ]


@pytest.mark.parametrize(("languages", "translations", "published"), [
    ("en, fr-CH", "   fr-CH: A suisse\n", {"fr": "A suisse", "fr-CH": "A suisse", "fr-FR": "A suisse"}),
    ("en, fr, fr-CH", "   fr: A fr\n   fr-CH: A suisse\n", {"fr": "A fr", "fr-CH": "A suisse", "fr-FR": "A fr"}),
])
def test_a_translation_is_chosen_by_its_exact_code_else_by_its_language(languages: str, translations: str,
                                                                        published: dict) -> None:
    agenda = parse(f"body: B\ndate: 1 March 2021\nlanguage: {languages}\n\n1. A\n{translations}").agenda
    assert {code: build(agenda, language=code).items[0].title for code in published} == {
        code: (S("text", text),) for code, text in published.items()}


def test_the_view_says_which_scripts_and_directions_the_page_needs() -> None:
    hebrew = "body: B\ndate: 1 March 2021\n\n1. שלום עולם\n2. 会议 and Привет\n"
    assert (build(parse(hebrew).agenda).right_to_left, build(parse(hebrew).agenda).scripts) == (
        True, frozenset({"CJK", "HEBREW"}))
    assert (build(parse(PLAIN).agenda).right_to_left, build(parse(PLAIN).agenda).scripts) == (False, frozenset())
    old = "body: B\ndate: 1 March 2021\n\n1. שלום\n2. B\n"
    revised = build(parse("body: B\ndate: 1 March 2021\n\n1. B\n").agenda, since=("Rev.1", parse(old).agenda))
    assert (revised.right_to_left, revised.scripts) == (True, frozenset({"HEBREW"}))


def test_the_annexes_block_gives_each_annex_its_label_anchor_and_title() -> None:
    (annexes,) = [b.annexes for b in rich().blocks if b.type == "annexes"]
    assert plain(annexes) == ({"label": "A", "id": "annex-A", "title": (
        S("text", "Auditors' report "), S("docref", "T-ES(2020)25", url=URL + "25"))},)
    (french,) = [b.annexes for b in rich(language="fr").blocks if b.type == "annexes"]
    assert plain(french) == ({"label": "A", "id": "annex-A", "title": (
        S("text", "Auditors' report ", lang="en"), S("docref", "T-ES(2020)25", url=URL + "25"))},)


@pytest.mark.parametrize(("body", "summary"), [
    ("é" + "X" * 63 + "; rest", ["SUMMARY:é" + "X" * 63, " \\; rest"]),
    ("é" + "X" * 63 + "^ rest", ["SUMMARY:é" + "X" * 63, " ^ rest"]),
    ("é" + "X" * 64 + "; rest", ["SUMMARY:é" + "X" * 64, " \\; rest"]),
])
def test_a_fold_never_parts_an_escape_from_what_it_escapes(body: str, summary: list[str]) -> None:
    lines = calendar(f"body: {body}\ndate: 8 October 2025\n\n1. A\n")
    start = lines.index("BEGIN:VEVENT") + 1
    assert lines[start:start + 2] == summary


# ------------------------------------------------------------------ localise: a house style's wording (locale)


def test_a_house_styles_wording_comes_before_the_shipped_one_and_may_add_a_language(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "en-us.toml").write_text('[labels]\nagenda = "Order of business"\n', encoding="utf-8")
    (tmp_path / "i18n" / "xx.toml").write_text('[labels]\nagenda = "Ordine"\npresenter = "Parla: {name}"\n',
                                               encoding="utf-8")
    found = {code: locale(code, tmp_path) for code in ("en-US", "en", "xx", "xx-YY", "fr")}
    assert {code: (loc.code, loc.region, loc.label("agenda"), loc.label("presenter", name="N"), loc.babel)
            for code, loc in found.items()} == {
        "en-US": ("en-us", "en_US", "Order of business", "Presenter: N", "en_GB"),
        "en": ("en", None, "Agenda", "Presenter: N", "en_GB"),
        "xx": ("xx", None, "Ordine", "Parla: N", "en_GB"),
        "xx-YY": ("xx", "xx_YY", "Ordine", "Parla: N", "en_GB"),
        "fr": ("fr", None, "Ordre du jour", f"Présentation{NB}: N", "fr_FR"),
    }
    view = build(parse("body: B\ndate: 1 March 2021\nlanguage: en-US\n\n1. A\n   @presenter Y\n").agenda,
                 templates=tmp_path)
    assert (view.title, view.language, view.meeting.dates.text, view.items[0].presenter) == (
        "B – Order of business", "en-us", "March 1, 2021", "Presenter: Y")
    assert found["xx-YY"].dates(header_dates("8 and 9 October 2025")) == "8 and 9 October 2025"


def test_a_latex_page_with_a_very_long_paragraph_has_no_line_tex_cannot_read() -> None:
    source = "body: B\ndate: 1 March 2021\n\n1. A\n" + "   > " + "zqx " * 3000 + "\n"
    lines = render_text(parse(source).agenda, "latex").split("\n")
    assert max(len(line) for line in lines) <= 10_000
    assert sum(line.count("zqx") for line in lines) == 3000
