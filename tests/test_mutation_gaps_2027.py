"""Behaviour that the mutation sample drawn with seed 2027 (tests/mutation/sample.txt) showed no test
pinned: each test names the surviving mutant it was written for, and was seen to fail with that
mutant planted (docs/testing.md, "Surviving mutants of the sample"). Expected values are written
by hand from the language's documentation and the outputs' wording, never computed by the code
under test."""

from __future__ import annotations

import re

from agendadsl import analyse, diff, format_source, parse
from agendadsl.render import Options, render_text


def changes_of(old: str, new: str) -> list[tuple]:
    """Each change of the diff: kind, title, old and new line, and the fields that changed."""
    return [(c.kind, c.title, c.old_line, c.new_line, [(f.field, f.old, f.new) for f in c.fields or ()])
            for c in diff(parse(old).agenda, parse(new).agenda)]


# ------------------------------------------------------------------ edit: the semantic diff


def test_a_heading_whose_place_changed_is_one_heading_change() -> None:
    """edit.changes.x__group_changes__mutmut_71: the old heading's attributes were read from None, and
    the diff of any heading whose title or attributes changed crashed."""
    old = "# Morning\n  @place Room 1\n\n1. Opening\n"
    new = "# Morning\n  @place Room 2\n\n1. Opening\n"
    assert changes_of(old, new) == [("heading", "Morning", 1, 1, [("place", "Room 1", "Room 2")])]


def test_text_only_added_or_only_removed_is_reported_with_its_line() -> None:
    """edit.changes.x__text_changes__mutmut_116 and _127: a paragraph only added made a change without
    its text, and the diff crashed; a paragraph only removed was of the kind "XXtext-removedXX"."""
    shorter = "1. A\n\n> Closing.\n"
    longer = "1. A\n\n> Closing.\n\n> Added.\n"
    assert changes_of(shorter, longer) == [("text-added", "> Added.", None, 5, [])]
    assert changes_of(longer, shorter) == [("text-removed", "> Added.", 5, None, [])]


def test_three_paragraphs_replaced_by_one_are_an_edit_and_two_removals() -> None:
    """edit.changes.x__text_changes__mutmut_105 and _107: past the new lines of a replaced run, the old
    lines left over were removed with the kind "TEXT-REMOVED", or read at the wrong index (a crash)."""
    old = "1. A\n\n> One.\n\n> Two.\n\n> Three.\n"
    new = "1. A\n\n> Only.\n"
    assert changes_of(old, new) == [("text", "> Only.", 3, 3, [("text", "> One.", "> Only.")]),
                                    ("text-removed", "> Two.", 5, None, []),
                                    ("text-removed", "> Three.", 7, None, [])]


def test_a_note_under_a_heading_that_changed_is_a_text_change() -> None:
    """edit.changes.x__text_changes__mutmut_6: the notes under headings were left out of the text
    compared, and an edit there was no change at all."""
    old = "# Morning\n  > Welcome.\n\n1. A\n"
    new = "# Morning\n  > Welcome, all.\n\n1. A\n"
    assert changes_of(old, new) == [("text", "> Welcome, all.", 2, 2, [("text", "> Welcome.", "> Welcome, all.")])]


def test_a_renumbering_after_a_merge_names_the_merged_item() -> None:
    """edit.changes.x__split_changes__mutmut_102: the merge given as the cause of a renumbering had the
    merged item's line for its title, and no line."""
    old = "1. Opening\n2. Minutes\n3. Budget\n4. Accounts\n5. Close\n"
    new = "1. Opening\n2. Minutes\n3. Budget and accounts\n4. Close\n"
    changes = diff(parse(old).agenda, parse(new).agenda)
    assert [(c.kind, c.title) for c in changes] == [("merged", "Budget and accounts"), ("renumbered", "Close")]
    assert [(a.kind, a.number, a.title, a.line) for a in changes[1].after] == [
        ("merged", "3.", "Budget and accounts", 3)]


# ------------------------------------------------------------------ render: the diff's text


def test_the_diff_shows_a_merges_old_numbers_as_a_range_and_counts_each_kind(cli, tmp_path) -> None:
    """render.change_words.x_number__mutmut_67 and _68 (a merge's old numbers: the range's end lost, or
    a crash) and x_count__mutmut_4 (the summary counted only the last change of each kind)."""
    merged_old, merged_new = tmp_path / "a.agenda", tmp_path / "b.agenda"
    merged_old.write_text("1. Opening\n2. Minutes\n3. Budget\n4. Accounts\n5. Close\n", encoding="utf-8")
    merged_new.write_text("1. Opening\n2. Minutes and budget\n3. Close\n", encoding="utf-8")
    run = cli("diff", str(merged_old), str(merged_new))
    assert run.exit_code == 0, run.stderr
    assert re.search("^merged +2\\.\u20133\\. → 2\\. +Minutes and budget$", run.stdout, flags=re.MULTILINE)
    removed_old, removed_new = tmp_path / "c.agenda", tmp_path / "d.agenda"
    removed_old.write_text("1. Opening\n2. Minutes\n3. Budget\n4. Close\n5. Other\n", encoding="utf-8")
    removed_new.write_text("1. Opening\n2. Close\n3. Other\n", encoding="utf-8")
    run = cli("diff", str(removed_old), str(removed_new))
    assert run.exit_code == 0, run.stderr
    assert run.stdout.rstrip().splitlines()[-1] == "2 deleted, 2 renumbered"


# ------------------------------------------------------------------ render: pages


def test_days_over_two_months_are_each_printed_with_their_month() -> None:
    """render.localise.xǁLocaleǁdates__mutmut_77: a list of days not all in one month crashed every
    render (each day was printed without the day)."""
    agenda, found = analyse("date: 30 June, 1 and 2 July 2026\n\n1. A\n")
    assert found == []
    assert "30 June 2026, 1 July 2026 and 2 July 2026" in render_text(agenda, "markdown")


def test_a_heading_published_in_another_language_keeps_its_date() -> None:
    """render.view.xǁ_Builderǁheading__mutmut_30: in a page published in the heading's translation,
    the date the heading gave was left out; it is printed in the output's language."""
    agenda, found = analyse("language: en, fr\ndate: 4 May 2026\n\n# Tuesday 5 May 2026\nfr: Mardi\n\n"
                            "1. Opening\n   fr: Ouverture\n")
    assert found == []
    assert "## Mardi, mardi 5 mai 2026" in render_text(agenda, "markdown", Options(language="fr")).splitlines()


def test_a_bilingual_page_of_an_agenda_without_a_language_line_has_english_on_the_left() -> None:
    """render.x__bilingual__mutmut_3: an agenda that names no language is English (docs/language.md);
    its bilingual page took the language "XXenXX" for the left column: the LaTeX loaded no English,
    and the advice to name a second language wrote 'language: XXenXX, fr'."""
    import pytest

    from agendadsl.language.diagnostics import AgendaError

    agenda, _ = analyse("date: 4 May 2026\n\n1. Opening\n   fr: Ouverture\n")
    preamble = render_text(agenda, "latex", Options(language="fr", bilingual=True)).splitlines()
    assert "\\babelprovide[import,main]{english}" in preamble and "\\babelprovide[import]{french}" in preamble
    with pytest.raises(AgendaError) as refused:
        render_text(analyse("date: 4 May 2026\n\n1. Opening\n")[0], "html", Options(bilingual=True))
    assert "('language: en, fr' in the header" in str(refused.value)


# ------------------------------------------------------------------ edit: fmt and renumbering


def test_fmt_keeps_free_numbers_and_a_next_meeting_ending_in_a_capital_x() -> None:
    """edit.formatter.x_header_fields__mutmut_186 ("free" written back as "FREE") and
    x_next_meeting_line__mutmut_53 (the capital X's at the end of a next meeting's line stripped)."""
    for source in ("numbers: free\n\n1. A\n", "1. A\n\nnext meetings:\n  - 7 May 2026, Room X\n"):
        assert format_source(source).text == source


def test_renumbering_frozen_numbers_says_why_it_refuses() -> None:
    """edit.renumbering.x_renumber__mutmut_6: the refusal was printed in capitals."""
    import pytest

    from agendadsl.edit.renumbering import renumber
    from agendadsl.language.diagnostics import AgendaError

    with pytest.raises(AgendaError) as refused:
        renumber(parse("numbers: frozen\n\n1. A\n3. B\n").agenda)
    assert str(refused.value).startswith("the numbers of this agenda are frozen ('numbers: frozen' in its header)")


# ------------------------------------------------------------------ language and checks


def test_a_first_number_below_the_start_offers_the_starting_number() -> None:
    """language.resolution.xǁ_SiblingRunǁ_check_sequence__mutmut_24: the quick fix was made without the
    number, and checking an agenda that starts at 0. crashed."""
    (found,) = analyse("0. Opening\n1. Close\n")[1]
    assert (found.code, found.span.line) == ("numbering-order", 1)
    assert [(fix.title, fix.text) for fix in found.fixes] == [("Number this item 1.", "1.")]


def test_a_bare_number_before_hours_counts_hours() -> None:
    """language.when.x__duration_term__mutmut_33: in "1 + 2 h" the bare 1 was counted as a minute."""
    agenda, found = analyse("1. A\n   @duration 1 + 2 h\n")
    assert found == []
    assert (agenda.body[0].duration.minutes, agenda.body[0].duration.parts) == (180, (60, 120))


def test_an_indented_next_meetings_line_says_to_start_it_in_the_first_column() -> None:
    """language.syntax_errors.x__line_start__mutmut_13: the error of its own was lost."""
    (found,) = analyse("1. A\n\n  next meetings:\n  - 7 May 2026\n")[1]
    assert (found.code, found.hint) == ("unexpected-indent", "start the 'next meetings:' line in the first column")


def test_the_outline_names_annexes_and_labels_are_found_where_they_are_defined() -> None:
    """checks.index.xǁAgendaIndexǁsymbol__mutmut_64 (the outline's word "annexes"), label_at__mutmut_12
    and _22 (the label under the cursor in its definition: a crash, or the name's place off by the
    '#'); the editor's outline, rename and go-to-definition read them."""
    from agendadsl.checks.index import AgendaIndex, SymbolKind

    result = parse("1. Opening {#open}\n2. See {open}\n\nannexes:\n  - A. Report\n")
    assert result.diagnostics == ()
    index = AgendaIndex(result.agenda)
    assert [(s.name, s.kind, s.span.line) for s in index.outline()][-1] == ("annexes", SymbolKind.BLOCK, 4)
    # "1. Opening {#open}": the name "open" is written in columns 14 to 17.
    assert index.label_at(1, 16) == ("open", (1, 14, 1, 18))
    assert index.label_at(2, 9) == ("open", (2, 9, 2, 13))


def test_the_editor_index_gives_the_date_of_a_dated_document_reference() -> None:
    """checks.index.xǁAgendaIndexǁdates__mutmut_5 (no test of the selection reached it; the editor's
    highlighting and navigation read it): the undated references' None was given instead."""
    from agendadsl.checks.index import AgendaIndex

    result = parse("series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}\n\n"
                   "1. Report [T-ES(2020)23]\n   @docs [T-ES(2020)23] of 3 November 2020\n")
    assert result.diagnostics == ()
    assert [d.text for d in AgendaIndex(result.agenda).dates()] == ["3 November 2020"]


def test_a_subclass_of_a_node_may_delete_an_attribute_of_its_own() -> None:
    """language.nodes.xǁTimeOfDayǁ__delattr____mutmut_10: deleting an attribute that is not one of
    the node's fields was passed on as ``delattr(None)``, a TypeError."""
    from agendadsl.language.nodes import TimeOfDay

    class Noted(TimeOfDay):
        pass

    time = Noted(9, 30)
    time.note = "approximate"
    del time.note
    assert not hasattr(time, "note") and (time.hour, time.minute) == (9, 30)


def test_fmt_writes_a_date_made_by_a_program_in_the_canonical_form() -> None:
    """edit.formatter.x_date_range__mutmut_3 and x_date_value__mutmut_10 (no test reached them): a date
    with no text as written (made by a program, not read from a file) crashed fmt's writer."""
    from agendadsl.edit.formatter import date_range
    from agendadsl.language.nodes import DateRange, DateValue

    assert date_range(DateRange(DateValue(7, 12, 2020))) == "7 December 2020"
    assert date_range(DateRange(DateValue(7, 12, 2020, weekday=0))) == "Monday 7 December 2020"


def test_the_meeting_line_left_in_its_own_language_is_marked_as_such_for_templates() -> None:
    """render.view.xǁ_Builderǁmeeting__mutmut_119: the view's ``langs`` names the language of each
    header text left untranslated, for a house style's templates: the meeting's name and the
    heading line made from it."""
    from agendadsl.render.view import build

    agenda, _ = analyse("language: en, fr\nmeeting: Plenary\ndate: 4 May 2026\n\n1. Opening\n   fr: Ouverture\n")
    assert build(agenda, language="fr").meeting.langs == {"meeting": "en", "heading": "en"}
