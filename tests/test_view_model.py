"""The view model's values that the templates print as they are: each expected value is written
out here by hand, not computed with the view."""

from __future__ import annotations

from agendadsl import parse
from agendadsl.render import render_text
from agendadsl.render.view import build

AGENDA = """\
body: Test Committee
date: Monday 23 November 2020
series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}

1. Budget
   @presenter Rapporteur: Ms Jane Doe
   @documents to follow
   @status postponed
   @session closed
   @for decision
   @duration 30 min
   @time 09:30-10:00
   @presenter Mr Yan Li
2. Report [T-ES(2020)23]
   @docs [T-ES(2020)23] of 3 November 2020
3. Other [T-ES(2020)23]
4. Plain item
"""


def items():
    return build(parse(AGENDA).agenda).items


def test_details_are_the_items_facts_in_their_fixed_order_whatever_the_order_written() -> None:
    assert items()[0].details == ("09:30–10:00", "30 min", "for decision", "closed session", "postponed",
                                  "documents to follow", "Rapporteur: Ms Jane Doe", "Presenter: Mr Yan Li")


def test_details_leave_out_what_an_item_does_not_have() -> None:
    assert [item.details for item in items()[1:]] == [(), (), ()]


def test_every_format_prints_the_details_on_one_line() -> None:
    agenda = parse(AGENDA).agenda
    line = ("09:30–10:00 · 30 min · for decision · closed session · postponed · documents to follow · "
            "Rapporteur: Ms Jane Doe · Presenter: Mr Yan Li")
    assert f"  *{line}*\n" in render_text(agenda, "markdown")
    assert f"\\agendadetail{{1}}{{\\textit{{{line}}}}}\n" in render_text(agenda, "latex")
    html = ('<p class="meta"><span>09:30–10:00</span> · <span>30 min</span> · <span>for decision</span> · '
            "<span>closed session</span> · <span>postponed</span> · <span>documents to follow</span> · "
            "<span>Rapporteur: Ms Jane Doe</span> · <span>Presenter: Mr Yan Li</span></p>\n")
    assert html in render_text(agenda, "html")


def test_a_reference_keeps_its_date_where_the_same_reference_is_also_cited_without_one() -> None:
    """The views of references are shared by their text, but only those without a date: the
    title of item 2 cites the document first, undated, and its @docs line then with its date."""
    second, third = items()[1:3]
    url = "https://rm.coe.int/T-ES%282020%2923"
    assert [(ref.text, ref.url, ref.date) for ref in second.documents] == [("T-ES(2020)23", url, "3 November 2020")]
    assert [(s.kind, s.text, s.url) for s in second.title] == [("text", "Report ", None),
                                                                ("docref", "T-ES(2020)23", url)]
    assert [(s.kind, s.text, s.url) for s in third.title] == [("text", "Other ", None),
                                                               ("docref", "T-ES(2020)23", url)]
    assert f"  Documents: [T-ES(2020)23](<{url}>) (3 November 2020)\n" in render_text(parse(AGENDA).agenda,
                                                                                       "markdown")


def test_title_text_is_a_plain_title_as_typeset_and_none_for_any_markup() -> None:
    shown = items()
    assert shown[0].title_text == "Budget"
    assert shown[3].title_text == "Plain item"
    assert shown[1].title_text is None  # a document reference
    french = build(parse("body: Comité\ndate: 23 novembre 2020\nlanguage: fr\n\n1. Adoption : ordre du jour\n"
                         "2. Voir {#deux} [^1]\n\n[^1]: Note.\n").agenda).items
    assert french[0].title_text == "Adoption\xa0: ordre du jour"  # French spacing, as the segment has it
    assert french[1].title_text is None  # a footnote marker


def test_a_title_left_in_another_language_has_no_title_text() -> None:
    agenda = parse("body: Committee\ndate: 23 November 2020\nlanguage: en, fr\n\n1. Budget\n   fr: Budget FR\n").agenda
    fr = build(agenda, language="fr").items[0]
    assert fr.title_text == "Budget FR"
    en_only = parse("body: Committee\ndate: 23 November 2020\nlanguage: en, fr\n\n1. Budget\n").agenda
    untranslated = build(en_only, language="fr").items[0]
    assert untranslated.title[0].lang == "en"
    assert untranslated.title_text is None


SITTINGS = """\
body: B
date: 1 May 2026

# Morning, 10:00 CET
#. a
# Afternoon, 10:00 UTC+1
#. b
# Evening, 10:00 CET
#. c
# Late
  @time 10:00 UTC+1
#. d
"""


def test_headings_with_the_same_time_keep_the_zone_each_wrote() -> None:
    """Each heading time is written once per value and text (a long agenda repeats a few): 10:00 CET
    and 10:00 UTC+1 are the same time, yet each heading names its zone as written."""
    headings = [block.heading for block in build(parse(SITTINGS).agenda).blocks if block.heading is not None]
    assert [(h.plain_title, h.time, h.when) for h in headings] == [
        ("Morning, 10:00 CET", "10:00 CET", None), ("Afternoon, 10:00 UTC+1", "10:00 UTC+1", None),
        ("Evening, 10:00 CET", "10:00 CET", None), ("Late", "10:00 UTC+1", "10:00 UTC+1")]
    french = [block.heading for block in build(parse(SITTINGS).agenda, language="fr").blocks
              if block.heading is not None]
    assert [(h.plain_title, h.when) for h in french] == [
        ("Morning", "10\xa0h\xa000 CET"), ("Afternoon", "10\xa0h\xa000 UTC+1"), ("Evening", "10\xa0h\xa000 CET"),
        ("Late", "10\xa0h\xa000 UTC+1")]
