"""Tests for the survivors of the seed-2028 draw (docs/testing.md, "Mutation testing").

Written after that draw's first run, against its survivors: they do not count for its estimate
(the first run's figures are the suite's). Each pins what a user sees, with values written by
hand, and was seen to fail with its survivor's change planted."""

from __future__ import annotations

import pytest

from agendadsl import analyse, diff, parse
from agendadsl.language import diagnostic_dataclasses, diagnostics
from agendadsl.language.span import Span
from agendadsl.language.when import parse_times


def test_an_item_split_into_items_of_four_letter_words_is_a_split() -> None:
    """Words of four letters count when an item is split ("Fees and rent" into "Fees" and "Rent");
    shorter ones ("and") do not."""
    old = parse("1. Opening\n2. Fees and rent\n3. Close\n").agenda
    new = parse("1. Opening\n2. Fees\n3. Rent\n4. Close\n").agenda
    assert old is not None and new is not None
    assert [(c.kind, c.title, c.old_number, c.new_number, [(p.number, p.title) for p in c.parts])
            for c in diff(old, new)] == [
        ("split", "Fees and rent", "2.", "2.", [("2.", "Fees"), ("3.", "Rent")]),
        ("renumbered", "Close", "3.", "4.", [])]


@pytest.mark.parametrize(("written", "zone"), [
    ("Eastern Time", "America/New_York"),
    ("Central Time", "America/Chicago"),
    ("Mountain Time", "America/Denver"),
    ("Pacific Time", "America/Los_Angeles"),
])
def test_a_generic_zone_name_is_its_main_city(written: str, zone: str) -> None:
    """A zone written by its generic name is the zone Windows names for its standard name, the
    metazone's main city: the one whose summer time the calendar follows."""
    assert parse_times("10:00 " + written, Span(1, 1, 1, 1)).zone == zone


@pytest.mark.parametrize("module", [diagnostic_dataclasses, diagnostics], ids=["definitions", "generated"])
def test_the_shorthands_put_each_argument_in_its_field(module) -> None:
    """``error()`` and ``warning()`` of the definitions, which the generated module copies."""
    span, elsewhere = Span(1, 1, 1, 5), Span(2, 1, 2, 3)
    related = (module.Related(elsewhere, "first used here"),)
    fixes = (module.Fix("write 1.", span, "1."),)
    for make, severity in ((module.error, module.Severity.ERROR), (module.warning, module.Severity.WARNING)):
        made = make("some-code", "what is wrong", span, "how to fix it", related, fixes)
        assert (made.code, made.severity, made.message, made.span, made.hint, made.related, made.fixes) == (
            "some-code", severity, "what is wrong", span, "how to fix it", related, fixes)


def test_an_action_item_with_only_an_owner_is_shown_in_the_diff_as_written() -> None:
    """The diff shows an action item's old and new lines without a trailing space, as fmt writes them."""
    old = parse("1. A\n   - [ ] @bob\n").agenda
    new = parse("1. A\n   - [x] @bob\n").agenda
    assert old is not None and new is not None
    assert [(c.kind, [(f.field, f.old, f.new) for f in c.fields]) for c in diff(old, new)] == [
        ("changed", [("notes", "- [ ] @bob", "- [x] @bob")])]


def test_a_line_left_out_under_an_item_after_a_blank_line_is_still_in_its_block() -> None:
    """A blank line between an item and the lines under it does not end its block: a line left out
    there may be what the item's numbering rests on, so the gap is not reported."""
    _, found = analyse("1. Reports\n   1.1 First\n   1.3 Third\n\n      1.3.1Bad\n2. Close\n")
    assert [(d.span.line, d.code) for d in found] == [(5, "missing-space")]
