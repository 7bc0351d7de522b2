"""The next- and past-meetings blocks: the host and the rich remark, the past meetings (kept out of
the calendar and the next-meeting checks), the tables every format prints, and the diff; and "|"
text kept as written outside items."""

from __future__ import annotations

import json

import html5lib
import pytest
from markdown_it import MarkdownIt

from agendadsl import analyse, format_source
from agendadsl.edit.changes import diff
from agendadsl.language.nodes import Group, Link, TextBlock
from agendadsl.render import Options, render_text

SOURCE = """body: Squid Software Foundation
date: 25 February 2020

1. Opening of the meeting

next meetings:
  - 7-8 April 2020 (tbc), Geneva, hosted by Igalia (tbc); see [the wiki](https://example.org/wiki)
  - 8 May 2020, virtual, host Ecma International

past meetings:
  - 2017-02-24, IRC; #22, minutes circulated
  - 2016-10-28, IRC; #21, http://example.org/2016-10-28_board-meeting-21.html
"""


def load(source: str = SOURCE):
    agenda, diagnostics = analyse(source)
    assert agenda is not None and not [d for d in diagnostics if d.is_error], [d.code for d in diagnostics]
    return agenda, diagnostics


def codes(source: str) -> list[str]:
    _agenda, diagnostics = analyse(source)
    return [d.code for d in diagnostics]


def test_past_meetings_are_their_own_list() -> None:
    agenda, _ = load()
    assert [str(m.dates.start.to_date()) for m in agenda.next_meetings] == ["2020-04-07", "2020-05-08"]
    assert [str(m.dates.start.to_date()) for m in agenda.past_meetings] == ["2017-02-24", "2016-10-28"]
    assert [m.place.value for m in agenda.past_meetings] == ["IRC", "IRC"]


def test_host_and_its_tbc() -> None:
    agenda, _ = load()
    first, second = agenda.next_meetings
    assert (first.host.value, first.host_tbc, first.place.value) == ("Igalia", True, "Geneva")
    assert (second.host.value, second.host_tbc) == ("Ecma International", False)


def test_the_remark_holds_links_and_bare_addresses() -> None:
    agenda, _ = load()
    links = [part for m in (*agenda.next_meetings, *agenda.past_meetings) if m.remark
             for part in m.remark.parts if isinstance(part, Link)]
    assert [(link.text, link.url) for link in links] == [
        ("the wiki", "https://example.org/wiki"),
        ("http://example.org/2016-10-28_board-meeting-21.html", "http://example.org/2016-10-28_board-meeting-21.html")]


def test_a_remark_link_with_another_scheme_stays_text() -> None:
    source = SOURCE.replace("[the wiki](https://example.org/wiki)", "[click](javascript:alert(1))")
    agenda, _ = load(source)
    assert not [p for p in agenda.next_meetings[0].remark.parts if isinstance(p, Link)]
    page = render_text(agenda, "html", Options())
    assert "javascript:" not in "".join(
        e.get("href", "") for e in html5lib.parse(page, namespaceHTMLElements=False).iter("a"))


def test_fmt_writes_the_canonical_words_and_reads_back_the_same() -> None:
    source = SOURCE.replace("past meetings:", "Previous meetings:")
    formatted = format_source(source).text
    assert "\npast meetings:\n" in formatted
    assert "  - 8 May 2020, virtual, hosted by Ecma International\n" in formatted
    assert "hosted by Igalia (tbc); see [the wiki](https://example.org/wiki)\n" in formatted
    assert format_source(formatted).text == formatted


def test_a_place_that_starts_with_host_is_quoted_and_stays_a_place() -> None:
    source = SOURCE.replace("8 May 2020, virtual, host Ecma International", '8 May 2020, "Host City Hall"')
    agenda, _ = load(source)
    assert agenda.next_meetings[1].place.value == "Host City Hall" and agenda.next_meetings[1].host is None
    formatted = format_source(source).text
    assert '  - 8 May 2020, "Host City Hall"\n' in formatted
    assert load(formatted)[0].next_meetings[1].place.value == "Host City Hall"


@pytest.mark.parametrize("place", ["Kind", "Virtual", "In-person", "hybrid"])
def test_a_place_named_like_a_kind_is_quoted_and_stays_a_place(place: str) -> None:
    source = SOURCE.replace("8 May 2020, virtual, host Ecma International", f'8 May 2020, "{place}"')
    assert load(source)[0].next_meetings[1].place.value == place
    formatted = format_source(source).text
    assert f'  - 8 May 2020, "{place}"\n' in formatted
    assert load(formatted)[0].next_meetings[1].place.value == place


def test_a_second_host_is_reported() -> None:
    assert "duplicate-field" in codes(SOURCE.replace("host Ecma International", "host Ecma, hosted by Igalia"))


@pytest.mark.parametrize(("dates", "expected"), [
    (["2017-02-24", "2016-10-28", "2016-09-16"], []),  # the latest first, as an archive lists them
    (["2016-09-16", "2016-10-28", "2017-02-24"], []),  # the earliest first
    (["2017-02-24", "2016-09-16", "2016-10-28"], ["past-meetings-order"]),
    (["2017-02-24", "2021-09-16"], ["past-meeting-not-before"]),
    (["2020-02-25"], ["past-meeting-not-before"]),  # the day of this meeting is not past
])
def test_past_meetings_checks(dates: list[str], expected: list[str]) -> None:
    lines = "".join(f"  - {d}, IRC\n" for d in dates)
    source = f"date: 25 February 2020\n\n1. Opening\n\npast meetings:\n{lines}"
    assert [c for c in codes(source) if c.startswith("past")] == expected


def test_past_meetings_are_not_checked_as_next_meetings() -> None:
    assert codes(SOURCE) == []


def test_the_calendar_leaves_past_meetings_out() -> None:
    agenda, _ = load()
    ics = render_text(agenda, "ics", Options())
    starts = [line for line in ics.splitlines() if line.startswith("DTSTART")]
    assert starts == ["DTSTART;VALUE=DATE:20200225", "DTSTART;VALUE=DATE:20200407", "DTSTART;VALUE=DATE:20200508"]
    assert "DESCRIPTION:(exact dates and host tbc)\\; Host: Igalia\\; see the wiki" in ics


def test_json_exports_past_meetings_host_and_remark_parts() -> None:
    agenda, _ = load()
    data = json.loads(render_text(agenda, "json", Options()))
    assert [m["dates"]["start"]["date"] for m in data["past_meetings"]] == ["2017-02-24", "2016-10-28"]
    assert [m["dates"]["start"]["date"] for m in data["next_meetings"]] == ["2020-04-07", "2020-05-08"]
    assert [entry["type"] for entry in data["body"]] == ["item", "next_meetings", "past_meetings"]
    first = data["next_meetings"][0]
    assert (first["host"], first["host_tbc"]) == ("Igalia", True)
    assert first["remark"] == "see the wiki"
    assert first["remark_parts"] == [{"text": "see "}, {"link": {"text": "the wiki", "url": "https://example.org/wiki"}}]


def _table(page: str, section_class: str) -> list[list[str]]:
    document = html5lib.parse(page, namespaceHTMLElements=False)
    (section,) = [s for s in document.iter("section") if section_class in s.get("class", "").split()]
    return [["".join(cell.itertext()).strip() for cell in row] for row in section.iter("tr")]


def test_html_prints_each_block_as_a_table_of_the_columns_some_meeting_fills() -> None:
    agenda, _ = load()
    page = render_text(agenda, "html", Options())
    assert _table(page, "next-meetings") == [
        ["Date", "Place", "Format", "Host", "Remarks"],
        ["7\u2009\u2013\u20098 April 2020", "Geneva", "", "Igalia", "(exact dates and host tbc) see the wiki"],
        ["8 May 2020", "", "Virtual meeting", "Ecma International", ""]]
    assert _table(page, "past-meetings") == [
        ["Date", "Place", "Remarks"],
        ["24 February 2017", "IRC", "#22, minutes circulated"],
        ["28 October 2016", "IRC", "#21, http://example.org/2016-10-28_board-meeting-21.html"]]


def test_markdown_tables_keep_a_pipe_in_its_cell() -> None:
    agenda, _ = load(SOURCE.replace("#22, minutes circulated", "#22 | minutes circulated"))
    text = render_text(agenda, "markdown", Options())
    html = MarkdownIt("commonmark").enable("table").render(text)
    document = html5lib.parse(html, namespaceHTMLElements=False)
    tables = list(document.iter("table"))
    assert len(tables) == 2
    rows = [["".join(cell.itertext()) for cell in row] for row in tables[1].iter("tr")]
    assert rows[1] == ["24 February 2017", "IRC", "#22 | minutes circulated"]
    assert all(len(row) == 3 for row in rows)


def test_latex_prints_past_meetings_in_a_longtable() -> None:
    agenda, _ = load()
    tex = render_text(agenda, "latex", Options())
    assert "\\begin{longtable}" in tex and "\\section*{Past meetings}" in tex
    assert "\\href{http://example.org/2016-10-28\\_board-meeting-21.html}" in tex


def test_french_headings_and_columns() -> None:
    agenda, _ = load()
    page = render_text(agenda, "html", Options(language="fr"))
    assert _table(page, "past-meetings")[0] == ["Date", "Lieu", "Observations"]
    assert "Réunions précédentes" in page


def test_diff_reports_past_meetings_apart() -> None:
    old, _ = load()
    new, _ = load(SOURCE + "  - 2016-09-16, IRC and Skype; #20\n")
    changes = diff(old, new)
    assert [(c.kind, c.title) for c in changes] == [("past-meeting-added", "2016-09-16, IRC and Skype; #20")]


def test_text_kept_as_written_outside_items() -> None:
    source = ("date: 1 May 2026\n\n| RESOLVED [that]\n|   the Board\n\n# Logistics\n  > Run this:\n"
              "  | let x = {a: 1};\n\n1. Opening\n")
    agenda, _ = load(source)
    preamble = agenda.body[0]
    assert isinstance(preamble, TextBlock)
    (note,) = preamble.parts
    assert note.verbatim and [line.plain for line in note.lines] == ["RESOLVED [that]", "  the Board"]
    heading = agenda.body[1]
    assert isinstance(heading, Group)
    assert [(n.verbatim, n.lines[0].plain) for n in heading.notes] == [(False, "Run this:"), (True, "let x = {a: 1};")]
    assert format_source(source).text == source
    page = render_text(agenda, "html", Options())
    assert '<p class="verbatim">RESOLVED [that]<br>\n  the Board</p>' in page


def test_a_timed_heading_with_text_under_it_is_a_heading_not_a_break() -> None:
    # W3C's "Research Day" (a date, a time and bullets) is an event, not a row such as "11:30 Break".
    source = ("date: 28 October 2025\n\n1. Opening\n\n# Research Day\n  @date Thursday, October 30, 2025\n"
              "  @time 09:00 - 17:30 CET\n  - Agenda on the research day's page\n\n# 12:30 Coffee\n")
    agenda, _ = load(source)
    page = render_text(agenda, "html", Options())
    document = html5lib.parse(page, namespaceHTMLElements=False)
    headings = ["".join(h.itertext()).split(",")[0] for h in document.iter("h2") if "part" in h.get("class", "")]
    breaks = ["".join(b.itertext()).strip() for b in document.iter("p") if "break" in b.get("class", "").split()]
    assert headings == ["Research Day"]
    assert len(breaks) == 1 and "Coffee" in breaks[0]


def test_a_long_list_of_next_meetings_runs_over_pages_in_the_pdf(tmp_path) -> None:
    """More next meetings than a page holds break across pages instead of falling off it."""
    import subprocess

    from agendadsl import parse
    from agendadsl.render import render_bytes
    from conftest import need

    need("lualatex")
    pdftotext = need("pdftotext")
    import datetime

    days = [datetime.date(2026, 2, 2) + datetime.timedelta(weeks=n) for n in range(40)]
    weeks = [f"  - {day.day} {day:%B} {day.year}, Strasbourg; session {n}" for n, day in enumerate(days, start=1)]
    agenda = parse("body: X\ndate: 1 January 2026\n\n1. A\n\nnext meetings:\n" + "\n".join(weeks) + "\n").agenda
    pdf = tmp_path / "many.pdf"
    pdf.write_bytes(render_bytes(agenda, "pdf"))
    pages = [subprocess.run([pdftotext, "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True,
                            check=False).stdout for n in (1, 2)]
    # A row set below the page's bottom would still be in the file: each must be on a page of its own.
    assert "session 1\n" in pages[0] and "session 40\n" in pages[1]
    assert [f"session {n}\n" in pages[0] + pages[1] for n in range(1, 41)] == [True] * 40


# Issue 14: a place-only tbc printed "(place/nature of the meeting tbc)" and no test saw it.
TBC = ("body: Board\ndate: 1 May 2026\nlanguage: {language}\n\n1. Opening\n\nnext meetings:\n"
       "  - 2 June 2026, Paris (tbc), in person\n  - 3 July 2026 (tbc), Paris (tbc), kind (tbc), hosted by X (tbc)\n"
       "  - 4 August 2026, Rome, kind (tbc)\n  - 5-6 September 2026 (tbc), Rome\n  - 7 October 2026, Rome, in person\n")


@pytest.mark.parametrize(("language", "notes"), [
    ("en", ["(place tbc)", "(exact date and place/nature of the meeting and host tbc)",
            "(nature of the meeting tbc)", "(exact dates tbc)", None]),
    ("fr", ["(lieu à confirmer)", "(date exacte et lieu/nature de la réunion et hôte à confirmer)",
            "(nature de la réunion à confirmer)", "(dates exactes à confirmer)", None]),
])
def test_the_tbc_note_names_exactly_what_is_to_be_confirmed(language: str, notes: list[str | None]) -> None:
    agenda, _ = load(TBC.format(language=language))
    document = json.loads(render_text(agenda, "json"))
    markdown = render_text(agenda, "markdown")
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "2026" in line]
    assert len(rows) == len(notes)
    for row, note in zip(rows, notes):
        assert (f"*{note}*" in row) if note else "tbc" not in row and "confirmer" not in row, row
    # JSON gives the flags themselves, for tools to word as they like.
    assert [[name for name in ("dates_tbc", "place_tbc", "kind_tbc", "host_tbc") if m[name]]
            for m in document["next_meetings"]] == [
        ["place_tbc"], ["dates_tbc", "place_tbc", "kind_tbc", "host_tbc"], ["kind_tbc"], ["dates_tbc"], []]


def test_a_next_meeting_moved_to_another_month_is_one_change_when_the_list_keeps_its_length() -> None:
    old = "date: 1 March 2026\n\n1. Opening\n\nnext meetings:\n  - 7 December 2026, Paris\n"
    new = "date: 1 March 2026\n\n1. Opening\n\nnext meetings:\n  - 15 March 2027, Paris\n"
    changes = diff(load(old)[0], load(new)[0])
    assert [(c.kind, c.old_line, c.new_line) for c in changes] == [("next-meeting", 6, 6)]


def test_a_next_meeting_added_is_given_with_its_line_in_the_new_file() -> None:
    old = "date: 1 March 2026\n\n1. Opening\n\nnext meetings:\n  - 7 December 2026, Paris\n"
    new = old + "  - 15 March 2027, Rome\n"
    changes = diff(load(old)[0], load(new)[0])
    assert [(c.kind, c.title, c.old_line, c.new_line) for c in changes] == [
        ("next-meeting-added", "15 March 2027, Rome", None, 7)]
