"""Second, mutation-driven pass over the edit layer (agendadsl/edit/) and the checks layer: each
test pins a user-visible result that a surviving mutant of a sampled run changed. Every expected
value is written out by hand."""

from __future__ import annotations

from agendadsl import diff, parse
from agendadsl.edit import alignment
from agendadsl.edit.changes import Change, FieldChange, ItemRef, compare
from agendadsl.edit.formatter import format_source

DH = "body: Board\nlanguage: en, fr\n\n"


def changes(old: str, new: str) -> list[Change]:
    old_agenda, new_agenda = parse(DH + old).agenda, parse(DH + new).agenda
    assert old_agenda is not None and new_agenda is not None
    return diff(old_agenda, new_agenda)


def test_two_items_removed_one_after_the_other_are_reported_in_their_order() -> None:
    # changes._place_removals: each removal after the same kept item comes after the one before it
    assert changes("1. Opening\n2. Budget\n3. Elections\n4. Other business\n", "1. Opening\n") == [
        Change("removed", "Budget", "2.", None, (), 5, None),
        Change("removed", "Elections", "3.", None, (), 6, None),
        Change("removed", "Other business", "4.", None, (), 7, None),
    ]


def test_removed_items_at_the_start_come_before_the_run_they_renumber() -> None:
    assert changes("1. Welcome\n2. Greetings\n3. Budget\n", "1. Budget plan\n") == [
        Change("removed", "Welcome", "1.", None, (), 4, None),
        Change("removed", "Greetings", "2.", None, (), 5, None),
        Change("renumbered", "Budget plan", "3.", "1.", (), 6, 4, last_old_number="3.", last_new_number="1.",
               items=1, after=(ItemRef("removed", "1.", "Welcome", 4), ItemRef("removed", "2.", "Greetings", 5))),
        Change("retitled", "Budget plan", "3.", "1.", (FieldChange("title", "Budget", "Budget plan"),), 6, 4),
    ]



def test_items_removed_on_either_side_of_an_unchanged_item_are_each_reported() -> None:
    # Both removals come after the same (absent) change: they tie in place, and keep their order.
    assert changes("* A\n* R1\n* B\n* R2\n", "* A\n* B\n") == [
        Change("removed", "R1", None, None, (), 5, None),
        Change("removed", "R2", None, None, (), 7, None),
    ]


def test_a_removal_after_a_renumbered_run_comes_after_it() -> None:
    assert changes("1. A\n2. R1\n3. B\n   3.1 x\n4. R2\n", "1. A\n2. B\n   2.1 x\n") == [
        Change("removed", "R1", "2.", None, (), 5, None),
        Change("renumbered", "B", "3.", "2.", (), 6, 5, last_old_number="3.", last_new_number="2.", items=2,
               after=(ItemRef("removed", "2.", "R1", 5),)),
        Change("removed", "R2", "4.", None, (), 8, None),
    ]

# ------------------------------------------------------------------ fmt: trailing Unicode spaces
# fmt strips only the spaces and tabs at a line's end: a no-break or em space that ends a title is
# part of the title (the parser keeps it), and a formatted agenda must keep it too.

TRAILING_SPACES = ("body: Board\u00a0\ntitle: Agenda\u00a0\n\n# Heading\u00a0\n\n1. A\u00a0\n   fr: B\u00a0\n"
                   "   @presenter Jane\u00a0\n   > note\u00a0\n\nannexes:\n  - A. Draft\u00a0\n  - B. Other\u2003\n"
                   "  - C. Plain\u3000\n")
NOTES_AND_FOOTNOTES = "body: Board\n\n1. A[^1]\n   - bullet\u00a0\n   - [ ] Jane: task\u00a0\n\n[^1]: foot\u00a0\n"


def test_fmt_keeps_a_no_break_or_em_space_that_ends_a_title() -> None:
    for source in (TRAILING_SPACES, NOTES_AND_FOOTNOTES):
        result = format_source(source)
        assert result.text == source
        assert result.changed is False


def test_fmt_strips_the_spaces_and_tabs_that_end_an_annex_line() -> None:
    assert format_source("body: Board\n\n1. A\n\nannexes:\n  - A. Draft \t\n").text == (
        "body: Board\n\n1. A\n\nannexes:\n  - A. Draft\n")


# ------------------------------------------------------------------ alignment: identical titles
# An item matched by its label first does not stop the items after it from being matched by their
# identical titles, in order (not by the likeness pass, which would prefer the same number).

def test_identical_titles_after_an_item_matched_by_its_label_are_matched_in_order() -> None:
    old = "1. Open {#o}\n2. X\n3. Same\n4. Same\n"
    new = "1. Opening {#o}\n2. Same\n3. Same\n"
    found = alignment.align(alignment.entries(parse(old).agenda), alignment.entries(parse(new).agenda))
    assert found == {0: 0, 1: 2, 2: 3}
    assert changes(old, new) == [
        Change("retitled", "Opening", "1.", "1.", (FieldChange("title", "Open", "Opening"),), 4, 4),
        Change("removed", "X", "2.", None, (), 5, None),
        Change("renumbered", "Same", "3.", "2.", (), 6, 5, last_old_number="4.", last_new_number="3.", items=2,
               after=(ItemRef("removed", "2.", "X", 5),)),
    ]


def test_an_item_removed_before_every_kept_item_is_placed_at_minus_one() -> None:
    # Comparison.removed: (old item, depth, index in new pre-order of the nearest earlier kept item or -1)
    result = compare(parse(DH + "1. Welcome\n2. Budget\n3. Gone\n").agenda, parse(DH + "1. Budget\n").agenda)
    assert [(item.title.plain, depth, kept) for item, depth, kept in result.removed] == [
        ("Welcome", 1, -1), ("Gone", 1, 0)]
