"""Behaviour that the mutation sample drawn with seed 2026 (tests/mutation/sample.txt) showed no test
pinned: each test names the surviving mutant it was written for, and was seen to fail with that
mutant planted (docs/testing.md, "Surviving mutants of the sample"). Expected values are written
by hand from the language's documentation, never computed by the code under test."""

from __future__ import annotations

from agendadsl import analyse, format_source, parse
from agendadsl.render import Options, render_text

# A heading's translation written after the heading's own lines (its attributes), at the top
# level: docs/language.md puts it on the first line under the heading, and fmt moves it there, but
# the grammar reads it where it is, as the heading's.
HEADING_TRANSLATED_AFTER_ITS_LINES = """\
body: Board
date: 15 October 2025
language: en, fr

## Morning, 09:30-12:30
  @place Room 1
fr: Matin, 9 h 30-12 h 30

1. Opening
   fr: Ouverture
"""


def test_a_headings_translation_after_its_lines_is_the_headings() -> None:
    """language.transformer.x__translated_entry__mutmut_19 (the earlier sample's one survivor): the
    translation was read from no line, and every agenda written this way crashed the parse."""
    agenda, found = analyse(HEADING_TRANSLATED_AFTER_ITS_LINES)
    assert found == []
    group = agenda.groups[0]
    assert [(t.language, t.text.plain) for t in group.translations] == [("fr", "Matin, 9 h 30-12 h 30")]
    assert group.translations[0].name.plain == "Matin"  # the time is written in each output's language
    assert group.place.value == "Room 1"


def test_a_headings_translation_after_its_lines_is_published_and_moved_under_it_by_fmt() -> None:
    page = render_text(parse(HEADING_TRANSLATED_AFTER_ITS_LINES).agenda, "html", Options(language="fr"))
    assert '>Matin, <span class="when">9\u00a0h\u00a030 \u2013 12\u00a0h\u00a030</span></h3>' in page
    assert format_source(HEADING_TRANSLATED_AFTER_ITS_LINES).text == """\
body: Board
date: 15 October 2025
language: en, fr

## Morning, 09:30-12:30
  fr: Matin, 9 h 30-12 h 30
  @place Room 1

1. Opening
   fr: Ouverture
"""


def test_a_second_translation_of_a_heading_after_its_lines_is_a_duplicate() -> None:
    source = HEADING_TRANSLATED_AFTER_ITS_LINES.replace("## Morning, 09:30-12:30\n",
                                                        "## Morning, 09:30-12:30\n  fr: Matinée\n")
    agenda, found = analyse(source)
    assert [(d.code, d.span.line) for d in found] == [("duplicate-translation", 8)]
    assert [t.text.plain for t in agenda.groups[0].translations] == ["Matinée"]  # the first one stands


# ------------------------------------------------------------------ language: where errors point

def test_an_indented_first_line_is_reported_on_the_first_line_where_its_text_starts() -> None:
    """language.layout.xǁLayoutǁ_marker__mutmut_14: the indentation token's line and column swapped,
    so the error pointed at line 4, column 1, with the hint for a line further down."""
    _agenda, found = analyse("   body: X\n\n1. A\n")
    assert [(d.code, d.span.line, d.span.column, d.hint) for d in found] == [
        ("unexpected-indent", 1, 4, "remove the spaces before it: the first line starts in the first column")]


def test_a_first_line_indented_by_one_space_or_a_tab_is_an_error() -> None:
    """language.lexer.xǁLineLexerǁlex__mutmut_225: the first line's indentation read one character short,
    so one space or one tab before it went unnoticed (and two were read as one)."""
    for source, column in ((" 1. A\n2. B\n", 2), ("\tbody: X\n\n1. A\n", 2), ("  1. A\n2. B\n", 3)):
        _agenda, found = analyse(source)
        assert [(d.code, d.span.line, d.span.column) for d in found] == [("unexpected-indent", 1, column)], source


def test_an_unknown_zone_in_local_times_says_how_to_write_one() -> None:
    """language.transformer.xǁAgendaTransformerǁlocal_times_field__mutmut_49: the hint dropped."""
    _agenda, found = analyse("date: 18 February 2016\ntime: 20:00 UTC\nlocal times: Base (Mars/Olympus)\n\n1. A\n")
    (problem,) = found
    assert problem.message == "'Mars/Olympus' is not a known time zone"
    assert problem.hint == ("write a place and its zone, like 'New York (America/New_York)', or a zone alone "
                            "('Europe/Paris'); places are separated by commas")


def test_a_numeric_date_with_a_three_digit_day_says_which_forms_are_read() -> None:
    """language.when.x__numeric_date__mutmut_72: the hint left out, and the error could not be made."""
    _agenda, found = analyse("date: 123/06/2025\n\n1. A\n")
    assert [(d.code, d.span.line, d.span.column, d.message, d.hint) for d in found] == [(
        "date-syntax", 1, 7, "'123' is not a day",
        "write a date like 23 November 2020, Monday 23 November 2020, March 4, 2025, 24/06/2025 or 2020-11-23; "
        "a range like 7-11 December 2020 or 28 June - 2 July 2021")]


# ------------------------------------------------------------------ checks: the editor's index, recovery

INDEXED = """\
date: 2 April 2026

# Morning, 09:00-12:00

1. Opening {#open}

## 10:30 Coffee break

2. Reports {#reports}

past meetings:
  - 5 March 2026

table:
  Name | Role
  Ann | Chair
"""


def test_the_outline_names_a_break_past_meetings_and_a_table() -> None:
    """checks.index.xǁAgendaIndexǁsymbol__mutmut_25, _46 and _66: the words an editor's outline shows
    for a break heading ("break" beside it), a past-meetings block and a table."""
    from agendadsl.checks.index import AgendaIndex, SymbolKind

    result = parse(INDEXED)
    assert result.diagnostics == ()
    morning, past, table = AgendaIndex(result.agenda).outline()
    assert [(s.name, s.kind, s.detail) for s in morning.children] == [
        ("1. Opening", SymbolKind.ITEM, None), ("10:30 Coffee break", SymbolKind.GROUP, "break"),
        ("2. Reports", SymbolKind.ITEM, None)]
    assert (past.name, past.kind, [m.name for m in past.children]) == ("past meetings", SymbolKind.MEETINGS,
                                                                       ["5 March 2026"])
    assert (table.name, table.kind, table.span.line, table.span.end_line) == ("table", SymbolKind.BLOCK, 14, 16)


def test_the_item_a_label_names_is_that_item_or_none() -> None:
    """checks.index.xǁAgendaIndexǁitem_labelled__mutmut_4 (no in-process test reached it: the editor's
    go-to-definition and completion use it): ``or`` for ``and`` gave the first labelled item for any label."""
    from agendadsl.checks.index import AgendaIndex

    index = AgendaIndex(parse(INDEXED).agenda)
    assert index.item_labelled("reports").title.plain == "Reports"
    assert index.item_labelled("open").title.plain == "Opening"
    assert index.item_labelled("nowhere") is None


def test_a_footnote_referred_to_only_on_a_line_left_out_is_not_reported_unused() -> None:
    """checks.partial.xǁ_Gapsǁ_at__mutmut_12: the footnote's name read from one column too early (the
    line's last character, for a footnote at the margin), so the left-out line no longer explained it."""
    _agenda, found = analyse("1. Opening\n2.Adoption [^1]\n3. Close\n\n[^1]: Only in English.\n")
    assert [(d.span.line, d.code) for d in found] == [(2, "missing-space")]


def test_a_left_out_line_on_a_file_without_a_final_line_end_still_silences_the_gap_it_leaves() -> None:
    """checks.partial.xǁ_Gapsǁ_next_to__mutmut_5: a finding on the last line of a file that does not end
    with a line end was taken for one outside the text, and the gap left by item 2 reported."""
    assert found_by_line("1. A\n2.Adoption of the agenda\n4. D") == [(2, "missing-space")]


def test_a_line_left_out_under_a_later_sibling_does_not_silence_a_finding_about_an_earlier_one() -> None:
    """checks.partial.xǁ_Gapsǁ_next_to__mutmut_25: the block under the item in question ran on past its
    next sibling, so a line left out under item 4 silenced the numbering gap of item 3."""
    assert found_by_line("1. A\n3. C\n4. D\n   4.1Bad line\n") == [(2, "numbering-gap"), (4, "missing-space")]


def test_a_line_left_out_under_a_sibling_does_not_reach_past_the_parent() -> None:
    """checks.partial.xǁ_Gapsǁ_next_to__mutmut_43: walking back from a left-out line, the walk went on
    over the lines kept, past the parent 3., to item 2 left out at the top level, which then silenced the
    gap between 3.1 and 3.3. A left-out 3.1.1 does not explain that gap; a left-out 2. does not either."""
    text = "1. Opening\n2.Adoption of it\n3. Reports\n   3.1 First\n      3.1.1Deep line\n   3.3 Third\n"
    assert found_by_line(text) == [(2, "missing-space"), (5, "missing-space"), (6, "numbering-gap")]


def test_a_series_used_at_the_start_of_a_second_line_left_out_is_not_reported_unused() -> None:
    """checks.partial.xǁ_Gapsǁ__init____mutmut_5: the lines left out were joined with letters between
    them, so a name at the start of any but the first no longer started a word there, and the series
    that line uses was reported unused."""
    text = ("series T-ES: T-ES({year}){n}\n\n1. Opening\n2.Adoption of the agenda\n"
            "T-ES(2020)23 to be adopted\n3. Close\n")
    assert found_by_line(text) == [(4, "missing-space"), (5, "not-an-item")]


def test_an_item_outside_a_sitting_without_a_name_is_reported_against_its_sitting() -> None:
    """checks.dates.x__sittings__mutmut_14: the words for a heading that is only a time changed."""
    _agenda, found = analyse("date: 2 April 2026\n\n## 09:00-12:00\n\n1. A\n   @time 13:00\n")
    assert [(d.code, d.span.line, d.message) for d in found] == [
        ("time-outside-sitting", 6, "this item's time (13:00) is outside its sitting (09:00-12:00)")]


def test_an_annexs_translation_into_a_language_not_declared_is_reported() -> None:
    """checks.translations.x__all_translations__mutmut_8: the annexes' translations were never checked."""
    _agenda, found = analyse("body: X\nlanguage: en, fr\n\n1. A\n   fr: B\n\nannexes:\n  - A. Draft resolution\n"
                             "  de: Entwurf\n")
    assert [(d.code, d.span.line, d.message) for d in found] == [
        ("undeclared-translation", 9, "a translation into 'de', which the header's languages (en, fr) do not list")]


def found_by_line(text: str) -> list[tuple[int, str]]:
    return [(d.span.line, d.code) for d in analyse(text)[1]]


# ------------------------------------------------------------------ render: diff wording, LaTeX lines

DIFF_OLD = "date: 2 April 2026\n\n1. Opening\n   > Welcome.\n2. Close\n\n> Closing text.\n\n" \
           "next meetings:\n  - 7 May 2026, Paris\n"
DIFF_NEW = "date: 2 April 2026\n\n1. Opening\n   > Welcome to all.\n2. Close\n\n> Closing text, revised.\n\n" \
           "next meetings:\n  - 7 May 2026, Lyon\n"


def test_a_diff_names_notes_text_and_meetings_in_the_language_asked_for(cli, tmp_path) -> None:
    """render.change_words.x_field__mutmut_15: the fields the diff names itself (notes, text, meeting)
    printed in English whatever the language (German: templates/i18n/de.toml's [diff] table)."""
    old, new = tmp_path / "old.agenda", tmp_path / "new.agenda"
    old.write_text(DIFF_OLD, encoding="utf-8")
    new.write_text(DIFF_NEW, encoding="utf-8")
    run = cli("diff", "--language", "de", str(old), str(new))
    assert run.exit_code == 0
    lines = [line.strip() for line in run.stdout.splitlines()]
    assert "Anmerkungen" in lines and "notes" not in lines
    assert "Text: > Closing text. → > Closing text, revised." in lines
    assert "Sitzung: 7 May 2026, Paris → 7 May 2026, Lyon" in lines


def test_the_render_modules_to_json_is_the_agendas_json() -> None:
    """render.x_to_json__mutmut_1 (no test called it): ``agendadsl.render.to_json``, kept for the public
    API, exported nothing."""
    import json

    from agendadsl.render import to_json

    document = json.loads(to_json(parse("1. Opening\n2. Close\n").agenda))
    assert [(item["number"], item["title"], item["line"]) for item in document["items"]] == [
        ("1.", "Opening", 1), ("2.", "Close", 2)]


def test_a_slot_that_ends_when_it_starts_is_published() -> None:
    """render.localise.xǁLocaleǁ_slot__mutmut_80: CLDR has no interval for two equal times, and the
    wording's fallback was looked up under a key that does not exist: the English page crashed."""
    agenda = parse("date: 2 April 2026\ntime: 10:00-10:00\n\n1. A\n   @time 11:00-11:00\n").agenda
    page = render_text(agenda, "markdown")
    assert "Time: 10:00\u201310:00\n" in page and "*11:00\u201311:00*" in page


def test_meetings_on_one_day_get_uids_numbered_on_from_2() -> None:
    """render.ics.xǁ_Uidsǁ__call____mutmut_17: the suffix counted down (-2, then -1), so a calendar that
    knew the third meeting of the day as ...-3 would see it as a new event."""
    import re

    source = ("body: Board\ndate: 5 May 2026\n\n1. A\n\nnext meetings:\n  - 2 June 2026, Paris\n"
              "  - 2 June 2026, Lyon\n  - 2 June 2026, Rome\n")
    assert re.findall(r"UID:(\S+)", render_text(parse(source).agenda, "ics")) == [
        "board-2026-05-05@agendadsl", "board-2026-06-02@agendadsl", "board-2026-06-02-2@agendadsl",
        "board-2026-06-02-3@agendadsl"]


def test_a_deleted_first_sub_item_is_shown_struck_through_in_its_place() -> None:
    """render.view.xǁ_Builderǁitem__mutmut_20: the removed items shown as an item's first children
    were looked up under no item, so a deleted 2.1 vanished from the revised agenda's list."""
    old = parse("1. Opening\n2. Budget\n   2.1 Draft budget\n   2.2 Staff costs\n3. Close\n").agenda
    new = parse("1. Opening\n2. Budget\n   2.1 Staff costs\n3. Close\n").agenda
    page = render_text(new, "markdown", Options(since=("Rev.1", old)))
    assert ("* **2.** Budget\n"
            "  * ~~**2.1** Draft budget~~ *(deleted)*\n"
            "  * ~~2.2~~ **2.1** Staff costs *(renumbered)*\n"
            "* **3.** Close\n") in page


def test_an_adopted_or_final_agenda_has_no_status_banner() -> None:
    """render.view.xǁ_Builderǁmeeting__mutmut_77: "adopted" compared in capitals, so an adopted agenda
    carried the red banner meant for drafts."""
    for status, shown in (("adopted", "Adopted"), ("final", "Final")):
        page = render_text(parse(f"body: Board\nstatus: {status}\n\n1. A\n").agenda, "html")
        assert f'<h1>Agenda <span class="status">({shown})</span></h1>' in page
        assert 'class="banner"' not in page
    assert '<p class="banner">Draft</p>' in render_text(parse("body: Board\nstatus: draft\n\n1. A\n").agenda, "html")


XREFS = "1. Opening, see {secret} and {aob}\n2. Staff matters {#secret}\n   @visibility internal\n" \
        "* Any other business {#aob}\n"


def test_a_reference_to_an_internal_item_is_no_link_in_the_public_agenda() -> None:
    """render.view.xǁ_Builderǁsegments__mutmut_99: the public page linked to #item-secret, an item it
    leaves out; the run sheet (internal view) links to it."""
    from agendadsl.render import View

    agenda = parse(XREFS).agenda
    public = render_text(agenda, "html")
    assert 'see 2. and <a class="xref" href="#item-aob">Any other business</a>' in public
    assert "item-secret" not in public
    internal = render_text(agenda, "html", Options(view=View.INTERNAL))
    assert 'see <a class="xref" href="#item-secret">2.</a> and' in internal


def test_a_reference_to_an_unnumbered_item_shows_its_title() -> None:
    """render.view.xǁ_Builderǁsegments__mutmut_86: the title of an item without a number was read from
    no text, and the page crashed."""
    page = render_text(parse(XREFS).agenda, "markdown")
    assert "* **1.** Opening, see 2\\. and Any other business\n" in page  # Markdown has no anchors


def test_a_latex_line_with_no_break_within_the_limit_is_broken_at_the_first_place_after_it() -> None:
    """render.tex_lines.x__break_point__mutmut_25: the places after the limit searched from the line's
    start, where the '}' that ends the line made a break before the first character, again and again:
    the LaTeX of a title with a word longer than the limit never finished."""
    from agendadsl.render import tex_lines

    start = "\\agendaitem{1}{1.}{"
    word = "x" * (tex_lines.MAX_LINE + 500)
    line = start + word + " end}"
    assert tex_lines._break_point(line) == (len(start) + len(word), "")  # the space after the long word
    assert tex_lines.fold(line) == start + word + "\nend}"


def test_latex_keeps_every_long_word_of_a_title() -> None:
    """render.escape.x_latex__mutmut_9: with two words past LONG_WORD characters, the text before the
    second one (the first long word included) was dropped from the LaTeX, so from the PDF."""
    agenda = parse("1. See " + "a" * 31 + " and " + "b" * 31 + " now\n").agenda
    breakable_a = "\\penalty5000{}".join("a" * 31)  # a\penalty5000{}a ... a: may break between letters
    breakable_b = "\\penalty5000{}".join("b" * 31)
    assert f"See {breakable_a} and {breakable_b} now" in render_text(agenda, "latex")


def test_fmt_writes_the_chair_and_frozen_numbers_back() -> None:
    """edit.formatter.x_header_fields__mutmut_93 and _183: the field name "chair" and the value "frozen"
    of ``numbers:`` changed in what fmt writes."""
    source = "title: Draft agenda\nchair: Ms Jane Doe\nnumbers: frozen\ndate: 2 April 2026\n\n1. A\n"
    formatted = format_source(source).text
    assert formatted == "title: Draft agenda\ndate: 2 April 2026\nchair: Ms Jane Doe\nnumbers: frozen\n\n1. A\n"
    assert parse(formatted).agenda == parse(source).agenda


# ------------------------------------------------------------------ edit: the diff's causes

def test_a_renumbering_after_a_removal_names_the_removed_item() -> None:
    """edit.shifts.x__event__mutmut_6: the removed item read from the new agenda at its old place, so the
    cause was the item now there ("Elections"), with the same number."""
    from agendadsl import diff

    old = "1. Opening\n2. Budget\n3. Elections\n4. Any other business\n"
    new = "1. Opening\n2. Elections\n3. Any other business\n"
    removed, renumbered = diff(parse(old).agenda, parse(new).agenda)
    assert (removed.kind, removed.title, removed.old_number) == ("removed", "Budget", "2.")
    assert (renumbered.kind, renumbered.old_number, renumbered.last_old_number, renumbered.new_number,
            renumbered.last_new_number) == ("renumbered", "3.", "4.", "2.", "3.")
    assert [(p.kind, p.number, p.title, p.line) for p in renumbered.after] == [("removed", "2.", "Budget", 2)]


def changes_of(old: str, new: str) -> list[tuple]:
    from agendadsl import diff

    return [(c.kind, c.title, c.old_number, c.new_number, [(f.field, f.old, f.new) for f in c.fields or ()])
            for c in diff(parse(old).agenda, parse(new).agenda)]


def test_a_heading_added_is_reported_with_its_line() -> None:
    """edit.changes.x__group_changes__mutmut_55: a heading matched neither by title nor by place read
    the old heading at index None, and the diff crashed. No test named "heading-added" before."""
    from agendadsl import diff

    old = "# Morning\n\n1. Opening\n2. Close\n"
    new = "# Morning\n\n1. Opening\n\n# Afternoon\n\n2. Close\n"
    (change,) = diff(parse(old).agenda, parse(new).agenda)
    assert (change.kind, change.title, change.old_line, change.new_line) == ("heading-added", "Afternoon", None, 5)


def test_a_sub_item_under_a_new_item_is_not_taken_for_a_top_level_item_of_borderline_likeness() -> None:
    """edit.alignment.x__similar_titles__mutmut_45: "under the same parent" was also granted between a
    top-level old item and a child of a new, unmatched item, and its bonus made two titles alike enough
    (61.9, the bar is 62) to be one item moved and retitled."""
    old = "1. Opening\n2. Election of the board\n3. Close\n"
    new = "1. Opening\n2. Governance\n   2.1 Vote for the new board\n3. Close\n"
    assert changes_of(old, new) == [("removed", "Election of the board", "2.", None, []),
                                    ("added", "Governance", None, "2.", []),
                                    ("added", "Vote for the new board", None, "2.1", [])]


def test_a_next_meeting_moved_within_its_month_is_one_change_when_the_list_changes_length() -> None:
    """edit.changes.x__next_meeting_changes__mutmut_32: the match by month left out; with lists of other
    lengths nothing else pairs the meetings, and the moved one was reported removed and added."""
    old = "1. A\n\nnext meetings:\n  - 7 May 2026\n  - 3 June 2026\n"
    new = "1. A\n\nnext meetings:\n  - 14 May 2026\n"
    assert changes_of(old, new) == [("next-meeting", "14 May 2026", None, None,
                                     [("meeting", "7 May 2026", "14 May 2026")]),
                                    ("next-meeting-removed", "3 June 2026", None, None, [])]


def test_a_merged_item_whose_number_changed_is_reported_once() -> None:
    """edit.changes.x__split_changes__mutmut_91: the merged item not marked as having its own change, so
    its new number was also reported as a renumbering."""
    old = "1. Opening\n2. Minutes\n3. Budget\n4. Accounts\n5. Close\n"
    new = "1. Opening\n2. Budget and accounts\n3. Close\n"
    assert changes_of(old, new) == [("removed", "Minutes", "2.", None, []),
                                    ("merged", "Budget and accounts", "3.", "2.", []),
                                    ("renumbered", "Close", "5.", "3.", [])]


def test_a_paragraph_edited_and_one_added_after_it_are_an_edit_and_an_addition() -> None:
    """edit.changes.x__text_changes__mutmut_51: past the old lines of a replaced run, the next unchanged
    line was taken for the old text of the added paragraph ("> Last." -> "> Added.")."""
    old = "1. A\n\n> First.\n\n> Last.\n"
    new = "1. A\n\n> First, revised.\n\n> Added.\n\n> Last.\n"
    assert changes_of(old, new) == [
        ("text", "> First, revised.", None, None, [("text", "> First.", "> First, revised.")]),
        ("text-added", "> Added.", None, None, [])]
