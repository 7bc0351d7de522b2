"""What the semantic diff says about everything that is not an item: the header, headings, the
text around the items (paragraphs, bullets, footnotes, participants, annexes, tables) and the next
and past meetings (agendadsl/edit/changes.py). Each case is a small edit of a small agenda, and the
changes it should give are written out by hand: kind, title, old and new line, changed fields."""

from __future__ import annotations

import pytest

from agendadsl import diff, parse

HEAD = "body: Board\ndate: 10 March 2026\n\n"


def changes_of(old: str, new: str) -> list[tuple]:
    old_agenda, new_agenda = parse(old).agenda, parse(new).agenda
    assert old_agenda is not None and new_agenda is not None
    return [(c.kind, c.title, c.old_line, c.new_line, [(f.field, f.old, f.new) for f in c.fields or ()])
            for c in diff(old_agenda, new_agenda)]


# ------------------------------------------------------------------ the header


@pytest.mark.parametrize(("old", "new", "expected"), [
    (HEAD, "body: Board\ndate: 17 March 2026\n\n",
     [("header", "date", None, None, [("date", "10 March 2026", "17 March 2026")])]),
    (HEAD, "body: Board\ndate: 10 March 2026\nplace: Room 4\n\n",
     [("header", "place", None, None, [("place", None, "Room 4")])]),
    ("body: Board\nplace: Room 4\ndate: 10 March 2026\n\n", HEAD,
     [("header", "place", None, None, [("place", "Room 4", None)])]),
    (HEAD, HEAD, []),
], ids=["changed", "added", "removed", "none"])
def test_a_header_field_added_changed_or_removed(old: str, new: str, expected: list) -> None:
    assert changes_of(old + "1. Opening\n", new + "1. Opening\n") == expected


# ------------------------------------------------------------------ headings


def test_headings_added_removed_and_changed_each_say_so_once() -> None:
    """The items' changes come first, in the new agenda's order, then the headings': an attribute
    changed (named without its @), a retitled heading in the same place, one added."""
    old = HEAD + "# Morning\n  @time 09:00-12:00\n\n1. Opening\n\n# Lunch\n\n2. Budget\n"
    new = HEAD + "# Morning\n  @time 09:30-12:00\n\n1. Opening\n\n# Afternoon\n\n2. Budget\n\n# Evening\n\n3. Dinner\n"
    assert changes_of(old, new) == [
        ("added", "Dinner", None, 15, []),
        ("heading", "Morning", 4, 4, [("time", "09:00-12:00", "09:30-12:00")]),
        ("heading", "Afternoon", 9, 9, [("title", "Lunch", "Afternoon")]),
        ("heading-added", "Evening", None, 13, []),
    ]


def test_a_heading_removed_is_one_change_at_its_old_line() -> None:
    old = HEAD + "# Morning\n\n1. Opening\n\n# Afternoon\n\n2. Budget\n\n# Evening\n\n3. Dinner\n"
    new = HEAD + "# Morning\n\n1. Opening\n\n# Afternoon\n\n2. Budget\n3. Dinner\n"
    assert [c for c in changes_of(old, new) if c[0].startswith("heading")] == [
        ("heading-removed", "Evening", 12, None, [])]


def test_a_heading_that_changes_level_in_its_place_is_one_change_of_level() -> None:
    """Headings are matched by title and level, then by place among those left: the same heading
    one level deeper is one change, of its level."""
    old = HEAD + "# Morning\n\n1. Opening\n"
    new = HEAD + "## Morning\n\n1. Opening\n"
    assert changes_of(old, new) == [("heading", "Morning", 4, 4, [("level", "#", "##")])]


# ------------------------------------------------------------------ text around the items


def test_a_paragraph_edited_added_and_removed_around_the_items() -> None:
    old = HEAD + "> Welcome to the meeting.\n\n1. Opening\n\n> Closing words.\n\n> Thanks.\n"
    new = HEAD + "> Welcome to the board meeting.\n\n1. Opening\n\n> Thanks.\n\n- Coffee served\n"
    assert changes_of(old, new) == [
        ("text", "> Welcome to the board meeting.", 4, 4,
         [("text", "> Welcome to the meeting.", "> Welcome to the board meeting.")]),
        ("text-removed", "> Closing words.", 8, None, []),
        ("text-added", "- Coffee served", None, 10, []),
    ]


def test_footnotes_participants_annexes_and_table_rows_are_compared_line_by_line() -> None:
    old = (HEAD + "1. Opening [^1]\n\n[^1]: In English only.\n\nparticipants:\n  - Ms A, Chair\n\n"
           "annexes:\n  - A. Draft budget\n\ntable:\n  Item | Owner\n  Budget | Ms A\n")
    new = (HEAD + "1. Opening [^1]\n\n[^1]: In English and French.\n\nparticipants:\n  - Ms A, Vice-Chair\n\n"
           "annexes:\n  - A. Final budget\n\ntable:\n  Item | Owner\n  Budget | Mr B\n")
    assert changes_of(old, new) == [
        ("text", "[^1]: In English and French.", 6, 6,
         [("text", "[^1]: In English only.", "[^1]: In English and French.")]),
        ("text", "- Ms A, Vice-Chair", 9, 9, [("text", "- Ms A, Chair", "- Ms A, Vice-Chair")]),
        ("text", "- A. Final budget", 12, 12, [("text", "- A. Draft budget", "- A. Final budget")]),
        ("text", "Budget | Mr B", 16, 16, [("text", "Budget | Ms A", "Budget | Mr B")]),
    ]


def test_a_line_added_before_an_edited_one_is_added_and_the_edit_stays_an_edit() -> None:
    """A replaced run of lines of unequal lengths is paired by likeness, in order: the participant
    added is a line added, and the annex edited after it an edit of the annex, not of the new line."""
    old = (HEAD + "1. Opening\n\nparticipants:\n  - Ms A, Chair\n\n"
           "annexes:\n  - A. Draft budget\n\ntable:\n  Item | Owner\n  Budget | Ms A\n")
    new = (HEAD + "1. Opening\n\nparticipants:\n  - Ms A, Chair\n  - Mr B\n\n"
           "annexes:\n  - A. Final budget\n\ntable:\n  Item | Owner\n  Budget | Mr B\n")
    assert changes_of(old, new) == [
        ("text-added", "- Mr B", None, 8, []),
        ("text", "- A. Final budget", 10, 11, [("text", "- A. Draft budget", "- A. Final budget")]),
        ("text", "Budget | Mr B", 14, 15, [("text", "Budget | Ms A", "Budget | Mr B")]),
    ]


def test_lines_with_nothing_alike_are_removed_and_added_unless_they_are_as_many() -> None:
    """In a run of unequal lengths, a new line like no old one is added and the old one removed;
    a run of the same length is edited line by line, however much each line changed."""
    old = HEAD + "> Before.\n\n1. Opening\n\n> The minutes were approved.\n\n> After.\n"
    two = HEAD + "> Before.\n\n1. Opening\n\n- Coffee\n- Tea\n\n> After.\n"
    one = HEAD + "> Before.\n\n1. Opening\n\n- Coffee\n\n> After.\n"
    assert changes_of(old, two) == [("text-removed", "> The minutes were approved.", 8, None, []),
                                    ("text-added", "- Coffee", None, 8, []),
                                    ("text-added", "- Tea", None, 9, [])]
    assert changes_of(old, one) == [("text", "- Coffee", 8, 8, [("text", "> The minutes were approved.",
                                                                  "- Coffee")])]


def test_a_participant_added_after_the_others_is_one_line_added() -> None:
    old = HEAD + "1. Opening\n\nparticipants:\n  - Ms A, Chair\n\nannexes:\n  - A. Budget\n"
    new = HEAD + "1. Opening\n\nparticipants:\n  - Ms A, Chair\n  - Mr B\n\nannexes:\n  - A. Budget\n"
    assert changes_of(old, new) == [("text-added", "- Mr B", None, 8, [])]
    assert changes_of(new, old) == [("text-removed", "- Mr B", 8, None, [])]


# ------------------------------------------------------------------ next and past meetings


MEETINGS = "next meetings:\n  - 7 April 2026, Room 4\n  - 5 May 2026, Room 4\n"


@pytest.mark.parametrize(("new", "expected"), [
    ("next meetings:\n  - 7 April 2026, Room 9\n  - 5 May 2026, Room 4\n",
     [("next-meeting", "7 April 2026, Room 9", 7, 7, [("meeting", "7 April 2026, Room 4", "7 April 2026, Room 9")])]),
    # Moved within its month, in a list that grew: matched by the month, not taken for a new meeting.
    ("next meetings:\n  - 14 April 2026, Room 4\n  - 5 May 2026, Room 4\n  - 2 June 2026, Room 4\n",
     [("next-meeting", "14 April 2026, Room 4", 7, 7,
       [("meeting", "7 April 2026, Room 4", "14 April 2026, Room 4")]),
      ("next-meeting-added", "2 June 2026, Room 4", None, 9, [])]),
    ("next meetings:\n  - 7 April 2026, Room 4\n  - 5 May 2026, Room 4\n  - 2 June 2026, Room 4\n",
     [("next-meeting-added", "2 June 2026, Room 4", None, 9, [])]),
    ("next meetings:\n  - 5 May 2026, Room 4\n",
     [("next-meeting-removed", "7 April 2026, Room 4", 7, None, [])]),
    # Another month, and the list as long as before: the meeting in the same place of the list.
    ("next meetings:\n  - 7 April 2026, Room 4\n  - 9 June 2026, Room 4\n",
     [("next-meeting", "9 June 2026, Room 4", 8, 8, [("meeting", "5 May 2026, Room 4", "9 June 2026, Room 4")])]),
], ids=["place", "day-in-month", "added", "removed", "same-place-in-list"])
def test_next_meetings_are_matched_by_date_then_month_then_place_in_the_list(new: str, expected: list) -> None:
    assert changes_of(HEAD + "1. Opening\n\n" + MEETINGS, HEAD + "1. Opening\n\n" + new) == expected


def test_past_meetings_have_kinds_of_their_own() -> None:
    old = HEAD + "1. Opening\n\npast meetings:\n  - 3 February 2026, Room 4\n"
    new = HEAD + "1. Opening\n\npast meetings:\n  - 3 February 2026, Room 4\n  - 3 March 2026, Room 4\n"
    assert changes_of(old, new) == [("past-meeting-added", "3 March 2026, Room 4", None, 8, [])]
    assert changes_of(new, old) == [("past-meeting-removed", "3 March 2026, Room 4", 8, None, [])]
