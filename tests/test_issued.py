"""``issued:`` with the time of issue after the date, as the House of Commons of Canada stamps its
notices ("2005/09/30 1:29 p.m." / "2005/09/30 13 h 29")."""

from __future__ import annotations

import json

from agendadsl import analyse, format_source
from agendadsl.render import Options, render_text

HEAD = "body: Standing Committee on Procedure and House Affairs\ndate: Tuesday, October 4, 2005\nlanguage: en-CA\n"


def load(issued: str):
    agenda, diagnostics = analyse(HEAD + f"issued: {issued}\n\n1. Election of Vice-Chair\n")
    return agenda, diagnostics


def test_the_stamp_gives_the_date_and_the_time_of_issue() -> None:
    agenda, diagnostics = load("2005/09/30 1:29 p.m.")
    assert diagnostics == []
    assert str(agenda.meeting.issued.start.to_date()) == "2005-09-30"
    assert (agenda.meeting.issued_time.start.hour, agenda.meeting.issued_time.start.minute) == (13, 29)
    # CLDR's en-CA time: a narrow no-break space before "p.m."
    assert "Issued September 30, 2005, 1:29\u202fp.m." in render_text(agenda, "markdown", Options())
    assert "Publié le 30 septembre 2005 à 13\u00a0h\u00a029" in render_text(agenda, "html", Options(language="fr"))
    meeting = json.loads(render_text(agenda, "json", Options()))["meeting"]
    assert meeting["issued"]["start"]["date"] == "2005-09-30"
    assert meeting["issued_time"]["start"] == "13:29"


def test_a_comma_between_the_date_and_the_time() -> None:
    agenda, diagnostics = load("30 September 2005, 13:29")
    assert diagnostics == []
    assert (agenda.meeting.issued.start.day, str(agenda.meeting.issued_time.start)) == (30, "13:29")


def test_a_date_alone_has_no_time() -> None:
    agenda, _ = load("2005/09/30")
    assert agenda.meeting.issued_time is None


def test_what_is_neither_a_date_nor_a_time_is_reported_where_it_is() -> None:
    _agenda, diagnostics = load("2005/09/30 soon")
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("date-syntax", 4, 20)]


def test_fmt_keeps_the_stamp() -> None:
    source = HEAD.replace("language:", "issued: 2005/09/30 1:29 p.m.\nlanguage:") + "\n1. Election of Vice-Chair\n"
    assert format_source(source).text == source


def test_the_place_and_date_line_stands_under_the_reference() -> None:
    import html5lib

    source = ("body: Lanzarote Committee\ndate: 23 November 2020\nreference: T-ES(2020)OJ4\nissued: 9 March 2020\n"
              "issued in: Strasbourg\nlanguage: en\n\n1. Opening\n")
    agenda, diagnostics = analyse(source)
    assert diagnostics == []
    page = html5lib.parse(render_text(agenda, "html", Options(language="fr")), namespaceHTMLElements=False)
    (symbol,) = [div for div in page.iter("div") if div.get("class") == "symbol"]
    assert [" ".join("".join(p.itertext()).split()) for p in symbol] == ["T-ES(2020)OJ4", "Strasbourg, 9 mars 2020"]
    assert "Publié le" not in "".join(page.find("body").itertext())  # said once, by the place-and-date line
    latex = render_text(agenda, "latex", Options())
    assert "\\hfill{}T-ES(2020)OJ4\\par\n\\hfill{}Strasbourg, 9 March 2020\\par" in latex
    assert "\n\nStrasbourg, 9 March 2020\n" in render_text(agenda, "markdown", Options())
    assert json.loads(render_text(agenda, "json", Options()))["meeting"]["issued_in"] == "Strasbourg"
    assert format_source(source).text == source
