"""Strict tests of the edit layer (agendadsl/edit/: the formatter, the semantic diff and what it
is built from) and of the editor index (agendadsl/checks/index.py). Every expected value is
written out by hand, as the user sees it: the whole formatted text, the whole list of changes with
every field, the whole rendered diff. A one-token change in these modules should fail a test here."""

from __future__ import annotations

import pytest

from agendadsl import diff, parse
from agendadsl.edit import formatter
from agendadsl.edit.formatter import FormatError, format_agenda, format_source, print_agenda
from agendadsl.language.nodes import DateRange, DateValue, Duration, TimeOfDay, TimeSlot


def fmt(text: str) -> str:
    return format_source(text).text


# ------------------------------------------------------------------ fmt: the header
# Every header field, written out of order and with extra spaces, comes back in the canonical
# order, one space after its colon, each translation under its field.

MESSY_HEADER = """\
// opening comment
language:   en, fr
numbering: 1. / 1.1
numbers: frozen
status: draft Rev.2 for comments
chair:  Ms Jane Doe
issued: 1 March 2026 10:00
issued in: Strasbourg
distribution: public
original: English
list of documents: yes
number label: Item
series CM: CM({year}){n} https://example.org/{ref}
series T: T-{n}
fields: Budget line, Owner
Owner:  Anna
contact: secretariat@example.org
host: City of Rome
reference:  REF-1
local times: Paris (Europe/Paris), Asia/Tokyo
time: 9:30-12:00
date: Tuesday 10 March 2026
place:  Palais
platform: Zoom
kind: hybrid
title: Agenda
meeting: Spring session
body:   Board
fr: Conseil

1. Opening {#open}
   @visibility internal
   @documents to follow
   @numbering a)
   @session closed
   @status withdrawn
   @for decision, information
   @presenter Chair: Jane
   @presenter Bob
   @duration 90 min
   @time 9:30-11:00
   @docs Main: [CM(2026)1] of 3 March 2026, [T-5]
   @budget-line 42
   fr: Ouverture
   >> annotation line
   ! internal line
   | verbatim {x} [y]
   > note one
   > note two
   - [ ] @alex Draft the report
   - [x] Done thing
   - plain bullet
     - sub bullet
   a) Sub one
   b) Sub two
#. Auto item
* Unnumbered
"""

CANONICAL_HEADER = """\
// opening comment

body: Board
fr: Conseil
meeting: Spring session
title: Agenda
kind: hybrid
platform: Zoom
place: Palais
date: Tuesday 10 March 2026
time: 9:30-12:00
local times: Paris (Europe/Paris), Asia/Tokyo
chair: Ms Jane Doe
host: City of Rome
contact: secretariat@example.org
reference: REF-1
issued: 1 March 2026 10:00
issued in: Strasbourg
distribution: public
original: English
status: draft Rev.2 for comments
language: en, fr
numbers: frozen
numbering: 1. / 1.1
number label: Item
series CM: CM({year}){n} https://example.org/{ref}
series T: T-{n}
list of documents: yes
fields: Budget line, Owner
Owner: Anna

1. Opening {#open}
   fr: Ouverture
   @time 9:30-11:00
   @duration 90 min
   @presenter Chair: Jane
   @presenter Bob
   @for decision, information
   @status withdrawn
   @session closed
   @visibility internal
   @docs Main: [CM(2026)1] of 3 March 2026, [T-5]
   @documents to follow
   @numbering a)
   @budget-line 42
   >> annotation line
   ! internal line
   | verbatim {x} [y]
   > note one
   > note two
   - [ ] @alex Draft the report
   - [x] Done thing
   - plain bullet
     - sub bullet

   a) Sub one
   b) Sub two

#. Auto item

* Unnumbered
"""


def test_fmt_writes_every_header_field_and_item_attribute_in_canonical_order() -> None:
    result = format_source(MESSY_HEADER)
    assert result.text == CANONICAL_HEADER
    assert result.changed is True
    again = format_source(CANONICAL_HEADER)
    assert again.text == CANONICAL_HEADER
    assert again.changed is False


# ------------------------------------------------------------------ fmt: around the items
# Headings with attributes, a break, the text blocks, participants, annexes, tables, next and past
# meetings, footnotes and comments.

MESSY_BODY = """\
body: Board
date: 10 March 2026
> Preamble  text[^1]
- bullet   in preamble
// before morning
# Morning   session
  @session   closed
  @kind virtual
  @place Room 1
  @time 09:00-12:00
  @date 10 March 2026
  fr: Matin
  > morning note
1. Opening of {open}
   @docs [\\^odd], [A\\[1\\]]
2. Item two {#open}
   > See {annex A} and [link text](https://example.org) and https://example.org/x
# Coffee break
  @time 10:30-10:45
# Pause
  @break
## Sub heading
3. Three
participants:
  - Ms Jane Doe, Chair, Ireland (voting) (excused)
  - @bnoordhuis, , TSC
  - Bob
  - Carol, Secretary
annexes:
  - A. Draft resolution [CM(2020)26]
  fr: Projet
table:
  | | Meaning |
  Emoji | Meaning \\| more
next meetings:
  - 7-11 December 2026 (tbc), Strasbourg (tbc), virtual (tbc), hosted by France (tbc); joint meeting
  - 15 March 2027, "Rome, Italy", kind (tbc)
  - 20 March 2027, "hosted by nobody"
  - 21 March 2027, "2 rooms"
  - 22 March 2027, "in person"
past meetings:
  - 1 January 2026, Paris
[^1]: A footnote.
fr: Une note.
// last
"""

CANONICAL_BODY = """\
body: Board
date: 10 March 2026

> Preamble  text[^1]
- bullet   in preamble

// before morning
# Morning   session
  fr: Matin
  @date 10 March 2026
  @time 09:00-12:00
  @place Room 1
  @kind virtual
  @session closed
  > morning note

1. Opening of {open}
   @docs [\\^odd], [A\\[1\\]]

2. Item two {#open}
   > See {annex A} and [link text](https://example.org) and https://example.org/x

# Coffee break
  @time 10:30-10:45

# Pause
  @break

## Sub heading

3. Three

participants:
  - Ms Jane Doe, Chair, Ireland (voting) (excused)
  - @bnoordhuis, , TSC
  - Bob
  - Carol, Secretary

annexes:
  - A. Draft resolution [CM(2020)26]
  fr: Projet

table:
  | | Meaning |
  Emoji | Meaning \\| more

next meetings:
  - 7-11 December 2026 (tbc), Strasbourg (tbc), virtual (tbc), hosted by France (tbc); joint meeting
  - 15 March 2027, "Rome, Italy", kind (tbc)
  - 20 March 2027, "hosted by nobody"
  - 21 March 2027, "2 rooms"
  - 22 March 2027, "in person"

past meetings:
  - 1 January 2026, Paris

[^1]: A footnote.
fr: Une note.
// last
"""


def test_fmt_writes_headings_text_tables_people_annexes_meetings_and_footnotes_canonically() -> None:
    assert fmt(MESSY_BODY) == CANONICAL_BODY
    assert fmt(CANONICAL_BODY) == CANONICAL_BODY


# ------------------------------------------------------------------ fmt: notes, children, comments


@pytest.mark.parametrize(("source", "expected"), [
    # Two paragraphs of one kind in a row are parted by a bare marker, for each of the four kinds.
    ("body: B\n\n1. A\n   > one\n   >\n   > two\n   ! i1\n   !\n   ! i2\n   >> a1\n   >>\n   >> a2\n"
     "   | v1\n   |\n   | v2\n",
     "body: B\n\n1. A\n   > one\n   >\n   > two\n   ! i1\n   !\n   ! i2\n   >> a1\n   >>\n   >> a2\n"
     "   | v1\n   |\n   | v2\n"),
    # An item of a label alone; sub-items packed unless one has lines under it.
    ("1. {#lab}\n2. Two\n   2.1 x\n   2.2 y\n       > n\n   2.3 z\n   2.4 w\n",
     "1. {#lab}\n\n2. Two\n   2.1 x\n\n   2.2 y\n       > n\n\n   2.3 z\n   2.4 w\n"),
    # An item with an attribute: a blank line before its first sub-item, not before the second.
    ("1. A\n   @time 10:00\n   1.1 x\n   1.2 y\n", "1. A\n   @time 10:00\n\n   1.1 x\n   1.2 y\n"),
    ("1. A\n   fr: Un\n   1.1 x\n", "1. A\n   fr: Un\n\n   1.1 x\n"),
    ("1. A\n   > n\n   1.1 x\n", "1. A\n   > n\n\n   1.1 x\n"),
    ("1. A\n   1.1 x\n   1.2 y\n", "1. A\n   1.1 x\n   1.2 y\n"),
    # Comments: an opening block set off by a blank line, an empty comment kept as "//".
    ("//\n// c2\nbody: B\n//\n1. A\n", "//\n// c2\n\nbody: B\n\n//\n1. A\n"),
    ("date: 1 May 2026\n// about the body\nbody: B\n\n1. A\n",
     "// about the body\n\nbody: B\ndate: 1 May 2026\n\n1. A\n"),
    ("body: B\n// about kind\nkind: virtual\nplace: P\n\n1. A\n",
     "body: B\n// about kind\nkind: virtual\nplace: P\n\n1. A\n"),
    ("body: B\n// about fields\nfields: Room\nRoom: 5\n\n1. A\n",
     "body: B\n// about fields\nfields: Room\nRoom: 5\n\n1. A\n"),
    ("body: B\n\n1. A\n// before B\n2. B\n   // before note\n   > n\n",
     "body: B\n\n1. A\n\n// before B\n2. B\n   // before note\n   > n\n"),
    ("1. A\n//\n", "1. A\n//\n"),
    ("1. A\n// end\n", "1. A\n// end\n"),
    ("", ""),
    ("// only\n", "// only\n"),
    ("\n\n1.   A   \n\n\n", "1. A\n"),
    # Action items: status marks, owners, a document reference that reads like a status.
    ("1. A\n   - [ in force ]\n   - [ ]   [\\^x]\n   - [?] maybe\n   - [wip] @bob x\n   - [X] done\n",
     "1. A\n   - [ in force ]\n   - [ ] [\\^x]\n   - [?] maybe\n   - [wip] @bob x\n   - [x] done\n"),
    # Translations of a bullet and of a custom field.
    ("language: en, fr\nbody: B\n\n1. A\n   - b\n     fr: c\n",
     "body: B\nlanguage: en, fr\n\n1. A\n   - b\n     fr: c\n"),
    ("body: B\nseries X: X-{n}\nfields: Room\nRoom: 5\nfr: Salle\nlanguage: en, fr\n\n1. A\n",
     "body: B\nlanguage: en, fr\nseries X: X-{n}\nfields: Room\nRoom: 5\nfr: Salle\n\n1. A\n"),
    ("list of documents:  no\nnumbers:  free\nbody: B\n\n1. A\n",
     "body: B\nnumbers: free\nlist of documents: no\n\n1. A\n"),
    ("body: B\nissued in: Strasbourg\nfr: Strasbourg FR\nlanguage: en, fr\nissued: 1 March 2026\n\n1. A\n",
     "body: B\nissued: 1 March 2026\nissued in: Strasbourg\nfr: Strasbourg FR\nlanguage: en, fr\n\n1. A\n"),
    # Table rows with an empty first or last cell keep their bars; a comment between rows stays there.
    ("table:\n  |   a |   |\n  | |   b |\n  c |   d\n", "table:\n  | a | |\n  | | b |\n  c | d\n"),
    ("table:\n  K | V\n  // c\n  a | b\n", "table:\n  K | V\n  // c\n  a | b\n"),
    # A heading's date and time written in its title stay there; a break named by its title and
    # timed needs no @break.
    ("# Morning, 09:30-12:30\n1. A\n# Lunch, 12:30-14:00\n# 10 March 2026\n## Tuesday 10 March 2026, 09:00-10:00\n"
     "  @break\n",
     "# Morning, 09:30-12:30\n\n1. A\n\n# Lunch, 12:30-14:00\n\n# 10 March 2026\n\n"
     "## Tuesday 10 March 2026, 09:00-10:00\n  @break\n"),
    ("# Lunch\n  @time 12:30-14:00\n# Pause\n  @break\n  @time 12:30-14:00\n",
     "# Lunch\n  @time 12:30-14:00\n\n# Pause\n  @time 12:30-14:00\n"),
    # Auto-numbered and unnumbered items, with sub-items.
    ("#.  A\n    #. B\n*   C\n    * D\n", "#. A\n   #. B\n\n* C\n  * D\n"),
], ids=["paragraph-kinds", "packing", "attribute-first", "translation-first", "note-first", "packed",
        "opening-comments", "comment-moved-up", "comment-before-kind", "comment-before-fields",
        "comments-in-items", "empty-comment-last", "comment-last", "empty", "comment-only",
        "blank-lines", "action-items", "bullet-translation", "custom-translation", "free-and-no",
        "issued-in-translation", "table-bars", "table-comment", "heading-times", "named-breaks",
        "auto-and-unnumbered"])
def test_fmt_output_for_non_canonical_inputs(source: str, expected: str) -> None:
    assert fmt(source) == expected
    assert fmt(expected) == expected


def test_fmt_result_says_whether_the_text_changed() -> None:
    assert format_source("1. A\n") == formatter.FormatResult("1. A\n", False)
    assert format_source("1.  A\n") == formatter.FormatResult("1. A\n", True)


@pytest.mark.parametrize(("source", "message"), [
    ("1. A\n   @time 25:99\n\u0000", "the agenda has syntax errors; fix them first (agenda check shows them)"),
    ("body: B\n  1. A\n", "the agenda has syntax errors; fix them first (agenda check shows them)"),
])
def test_fmt_refuses_an_agenda_with_syntax_errors(source: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        format_source(source)
    assert str(caught.value) == message


def _retitled(title: str):
    import dataclasses

    from agendadsl.language.nodes import RichText, Text
    agenda = parse("1. A\n").agenda
    item = dataclasses.replace(agenda.items[0], title=RichText((Text(title),)))
    return dataclasses.replace(agenda, body=(item,))


@pytest.mark.parametrize(("title", "message"), [
    ("A\n2. B", "the formatted text would change the agenda's meaning (a bug in agendadsl: please report it)"),
    ("A\n@time", "the formatted text does not parse (a bug in agendadsl: please report it)"),
])
def test_fmt_refuses_to_write_a_result_it_cannot_prove(title: str, message: str) -> None:
    """An agenda made by a program whose printed text would be read back otherwise: nothing written."""
    with pytest.raises(FormatError) as caught:
        format_agenda(_retitled(title), "1. A\n")
    assert str(caught.value) == message


def test_fmt_of_an_agenda_that_prints_as_it_is_read_back() -> None:
    assert format_agenda(_retitled("A"), "1. A\n") == formatter.FormatResult("1. A\n", False)
    assert format_agenda(_retitled("B"), "1. A\n") == formatter.FormatResult("1. B\n", True)


# ------------------------------------------------------------------ fmt: values made by a program
# Dates, times and durations without the text they were written as (made by renumbering or by a
# program) print in one canonical style.


def d(day: int, month: int | None = None, year: int | None = None, weekday: int | None = None,
      iso: bool = False) -> DateValue:
    return DateValue(day, month, year, weekday, iso)


@pytest.mark.parametrize(("value", "expected"), [
    (DateRange(d(1, 3, 2026)), "1 March 2026"),
    (DateRange(d(1, 3, 2026, weekday=6)), "Sunday 1 March 2026"),
    (DateRange(d(1, 12)), "1 December"),
    (DateRange(d(1)), "1"),
    (DateRange(d(1, 3, 2026, iso=True)), "2026-03-01"),
    (DateRange(d(1, None, 2026, iso=True)), "1 2026"),
    (DateRange(d(1, 3, None, iso=True)), "1 March"),
    (DateRange(d(7, 12, 2020), d(11, 12, 2020)), "7-11 December 2020"),
    (DateRange(d(7, 12, 2020, weekday=0), d(11, 12, 2020, weekday=4)), "Monday 7 - Friday 11 December 2020"),
    (DateRange(d(7, 12, 2020), d(11, 12, 2020, weekday=4)), "7 - Friday 11 December 2020"),
    (DateRange(d(7, 12, 2020, weekday=0), d(11, 12, 2020)), "Monday 7 - 11 December 2020"),
    (DateRange(d(28, 6, 2021), d(2, 7, 2021)), "28 June - 2 July 2021"),
    (DateRange(d(30, 12, 2026), d(2, 1, 2027)), "30 December 2026 - 2 January 2027"),
    (DateRange(d(30, 12, 2026), d(2, 12, 2027)), "30 December 2026 - 2 December 2027"),
    (DateRange(d(1, 3, 2026, iso=True), d(5, 3, 2026, iso=True)), "2026-03-01 - 2026-03-05"),
    (DateRange(d(1, 3, 2026), d(5, 3, 2026, iso=True)), "1 March 2026 - 2026-03-05"),
    (DateRange(d(1, 3, 2026), text="early March"), "early March"),
])
def test_dates_made_by_a_program_are_written_canonically(value: DateRange, expected: str) -> None:
    assert formatter.date_range(value) == expected


def test_a_date_value_can_be_written_without_its_month_or_year() -> None:
    value = d(3, 4, 2026, weekday=4)
    assert formatter.date_value(value) == "Friday 3 April 2026"
    assert formatter.date_value(value, with_month=False) == "Friday 3 2026"
    assert formatter.date_value(value, with_year=False) == "Friday 3 April"
    assert formatter.date_value(value, with_month=False, with_year=False) == "Friday 3"


@pytest.mark.parametrize(("value", "expected"), [
    (TimeSlot(TimeOfDay(9, 5)), "09:05"),
    (TimeSlot(TimeOfDay(9, 30), TimeOfDay(10, 0)), "09:30-10:00"),
    (TimeSlot(TimeOfDay(9, 30), TimeOfDay(10, 0), "Europe/Paris"), "09:30-10:00 Europe/Paris"),
    (TimeSlot(TimeOfDay(9, 30), None, "UTC"), "09:30 UTC"),
    (TimeSlot(TimeOfDay(9, 30), text="half past nine"), "half past nine"),
])
def test_times_made_by_a_program_are_written_canonically(value: TimeSlot, expected: str) -> None:
    assert formatter.time_slot(value) == expected


@pytest.mark.parametrize(("minutes", "expected"), [
    (0, "0 min"), (1, "1 min"), (59, "59 min"), (60, "1 h"), (61, "1 h 1 min"), (90, "1 h 30 min"),
    (120, "2 h"), (150, "2 h 30 min"),
])
def test_durations_made_by_a_program_are_written_canonically(minutes: int, expected: str) -> None:
    assert formatter.duration(Duration(minutes)) == expected
    assert formatter.duration(Duration(minutes, text="about an hour")) == "about an hour"


# ------------------------------------------------------------------ fmt: a next meeting's place


@pytest.mark.parametrize(("place", "expected"), [
    ("Strasbourg", "Strasbourg"),
    ("", '""'),
    ("Rome, Italy", '"Rome, Italy"'),
    ("Rome; Italy", '"Rome; Italy"'),
    ('Rome "centre"', '"Rome "centre""'),
    ("Rome (tbc)", '"Rome (tbc)"'),
    ("Rome (TBC)", '"Rome (TBC)"'),
    ("In person", '"In person"'),
    ("in-person", '"in-person"'),
    ("virtual", '"virtual"'),
    ("Hybrid", '"Hybrid"'),
    ("kind", '"kind"'),
    ("virtually there", "virtually there"),
    ("Kindergarten", "Kindergarten"),
    (" Rome", '" Rome"'),
    ("\tRome", '"\tRome"'),
    ("(Rome)", '"(Rome)"'),
    ("2 rooms", '"2 rooms"'),
    ("Room 2", "Room 2"),
    ("hosted by Rome", '"hosted by Rome"'),
    ("Hosted\tby Rome", '"Hosted\tby Rome"'),
    ("host Rome", '"host Rome"'),
    ("hostel Rome", "hostel Rome"),
    ("Host", "Host"),
])
def test_a_next_meetings_place_is_quoted_only_when_it_could_be_read_otherwise(place: str, expected: str) -> None:
    assert formatter._place(place) == expected


# ------------------------------------------------------------------ fmt: text written back


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"), ("a[b]c", "a\\[b\\]c"), ("{x}", "\\{x\\}"), ("back\\slash", "back\\\\slash"),
    ("(round)", "(round)"),
])
def test_text_is_escaped_to_mean_itself(text: str, expected: str) -> None:
    assert formatter.escape_text(text) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("1. See [T-1] and [^n] and {lab} and {annex A} and [site](https://x.org) and https://y.org {#lab}",
     "See [T-1] and [^n] and {lab} and {annex A} and [site](https://x.org) and https://y.org"),
    ("1. Doc [\\^odd] and [a\\]b] and [c\\\\d]", "Doc [\\^odd] and [a\\]b] and [c\\\\d]"),
    ("1. Link [a\\[b](https://x.org)", "Link [a\\[b](https://x.org)"),
    ("1. Text with \\{braces\\} and \\[brackets\\]", "Text with \\{braces\\} and \\[brackets\\]"),
])
def test_an_items_title_is_written_back_with_each_kind_of_reference(source: str, expected: str) -> None:
    agenda = parse(source + "\n").agenda
    assert agenda is not None
    assert formatter.rich(agenda.items[0].title) == expected


# ------------------------------------------------------------------ diff: the items
# Each case is an old and a new agenda written by hand; the expected changes are complete, every
# field of every change (kind, title, numbers, fields, lines, parts, the cause of a renumbering).

from agendadsl.edit.changes import Change, FieldChange, ItemRef, compare  # noqa: E402
from agendadsl.language.nodes import walk  # noqa: E402

DH = "body: Board\nlanguage: en, fr\n\n"


def changes(old: str, new: str) -> list[Change]:
    old_agenda, new_agenda = parse(DH + old).agenda, parse(DH + new).agenda
    assert old_agenda is not None and new_agenda is not None
    return diff(old_agenda, new_agenda)


def test_a_split_item_then_a_renumbered_retitled_and_a_removed_one() -> None:
    old = ("1. Opening\n2. Budget and accounts\n   @time 10:00\n   > The draft budget for 2027.\n"
           "3. Reports of the committees\n4. Elections\n5. Any other business\n")
    new = ("1. Opening\n2. Budget\n   @time 10:30\n   > The revised draft budget for 2027.\n3. Accounts 2026\n"
           "4. Reports of the standing committees\n5. Any other business\n")
    assert changes(old, new) == [
        Change("split", "Budget and accounts", "2.", "2.",
               (FieldChange("time", "10:00", "10:30"),
                FieldChange("notes", "> The draft budget for 2027.", "> The revised draft budget for 2027.")),
               5, 5, parts=(ItemRef("part", "2.", "Budget", 5), ItemRef("part", "3.", "Accounts 2026", 8))),
        Change("renumbered", "Reports of the standing committees", "3.", "4.", (), 8, 9,
               last_old_number="3.", last_new_number="4.", items=1,
               after=(ItemRef("split", "2.", "Budget and accounts", 5),)),
        Change("retitled", "Reports of the standing committees", "3.", "4.",
               (FieldChange("title", "Reports of the committees", "Reports of the standing committees"),), 8, 9),
        Change("removed", "Elections", "4.", None, (), 9, None),
    ]


def test_a_merged_item_then_the_run_it_renumbered() -> None:
    old = "1. Opening\n2. Budget\n   @time 10:00\n3. Accounts\n4. Elections\n5. Other\n"
    new = "1. Opening\n2. Budget and accounts\n   @time 10:30\n3. Elections\n4. Other\n"
    assert changes(old, new) == [
        Change("merged", "Budget and accounts", "2.", "2.", (FieldChange("time", "10:00", "10:30"),), 5, 5,
               parts=(ItemRef("part", "2.", "Budget", 5), ItemRef("part", "3.", "Accounts", 7))),
        Change("renumbered", "Elections", "4.", "3.", (), 8, 7, last_old_number="5.", last_new_number="4.", items=2,
               after=(ItemRef("merged", "2.", "Budget and accounts", 5),)),
    ]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("1. Opening\n2. Reports\n   2.1 Finance report\n   2.2 Audit report\n3. Elections\n",
     "1. Opening\n2. Reports\n   2.1 Finance report\n3. Elections\n   3.1 Audit report\n",
     [Change("moved", "Audit report", "2.2", "3.1", (), 7, 8)]),
    ("1. A\n   1.1 Sub one\n2. B\n", "1. A\n2. B\n   2.1 Sub one revised\n",
     [Change("moved", "Sub one revised", "1.1", "2.1", (FieldChange("title", "Sub one", "Sub one revised"),), 5, 6)]),
    ("1. A\n2. B\n3. C\n4. D\n", "1. A\n2. C\n3. B\n4. D\n",
     [Change("renumbered", "C", "3.", "2.", (), 6, 5, last_old_number="3.", last_new_number="2.", items=1,
             after=(ItemRef("moved", "2.", "B", 5),)),
      Change("moved", "B", "2.", "3.", (), 5, 6)]),
    ("1. Opening {#open}\n2. B\n", "1. Completely different words {#open}\n2. B\n",
     [Change("retitled", "Completely different words", "1.", "1.",
             (FieldChange("title", "Opening", "Completely different words"),), 4, 4)]),
    ("1. Adoption of the agenda\n2. B\n", "1. Adoption of the draft agenda\n2. B\n",
     [Change("retitled", "Adoption of the draft agenda", "1.", "1.",
             (FieldChange("title", "Adoption of the agenda", "Adoption of the draft agenda"),), 4, 4)]),
    ("* A\n* B\n", "* A\n* C\n* B\n", [Change("added", "C", None, None, (), None, 5)]),
    ("1. Opening\n2. Welcome\n3. Budget\n4. Elections\n", "1. Opening\n2. Budget\n3. Elections\n",
     [Change("removed", "Welcome", "2.", None, (), 5, None),
      Change("renumbered", "Budget", "3.", "2.", (), 6, 5, last_old_number="4.", last_new_number="3.", items=2,
             after=(ItemRef("removed", "2.", "Welcome", 5),))]),
    ("1. Opening\n2. Budget\n   2.1 Draft\n   2.2 Final\n3. Elections\n4. Other\n",
     "1. Opening\n2. Welcome\n3. Budget\n   3.1 Draft\n   3.2 Final\n4. Elections\n5. Other\n",
     [Change("added", "Welcome", None, "2.", (), None, 5),
      Change("renumbered", "Budget", "2.", "3.", (), 5, 6, last_old_number="4.", last_new_number="5.", items=5,
             after=(ItemRef("added", "2.", "Welcome", 5),))]),
    ("1. Opening\n3. Budget\n4. Elections\n", "1. Opening\n2. Budget\n3. Elections\n",
     [Change("renumbered", "Budget", "3.", "2.", (), 5, 5, last_old_number="4.", last_new_number="3.", items=2)]),
    ("1. Opening\n2. Reports\n   2.1 Finance\n   2.2 Audit\n3. Other\n", "1. Opening\n2. Other\n   2.1 New sub\n",
     [Change("removed", "Reports", "2.", None, (), 5, None),
      Change("renumbered", "Other", "3.", "2.", (), 8, 5, last_old_number="3.", last_new_number="2.", items=1,
             after=(ItemRef("removed", "2.", "Reports", 5),)),
      Change("added", "New sub", None, "2.1", (), None, 6)]),
    ("1. A\n2. B\n", "1. A\n2. B\n", []),
    ("* Alpha\n* Beta\n* Gamma\n", "* Gamma\n* Alpha\n* Beta\n", [Change("moved", "Gamma", None, None, (), 6, 4)]),
], ids=["moved-to-another-parent", "moved-and-retitled", "reordered", "retitled-by-label", "retitled-alike",
        "unnumbered-added", "renumbered-after-removal", "renumbered-after-insertion-with-sub-items",
        "numbers-corrected", "removed-with-its-sub-items", "nothing", "unnumbered-moved-same-fields-no-number"])
def test_the_changes_of_the_items(old: str, new: str, expected: list[Change]) -> None:
    assert changes(old, new) == expected


def test_an_items_fields_attributes_translation_and_notes_changed() -> None:
    old = ("1. Opening\n   @time 09:00-09:10\n   @presenter Chair\n   @status tbc\n   fr: Ouverture\n   > Old note\n"
           "2. Elections\n3. Budget\n   @for decision\n")
    new = ("1. Opening\n   @time 09:00-09:15\n   @presenter Chair\n   @presenter Secretary\n"
           "   fr: Ouverture de la séance\n   > New note\n2. Elections\n   @status withdrawn\n3. Budget plan\n"
           "   @for information\n")
    assert changes(old, new) == [
        Change("changed", "Opening", "1.", "1.",
               (FieldChange("fr", "Ouverture", "Ouverture de la séance"),
                FieldChange("presenter", "Chair", "Chair; Secretary"), FieldChange("status", "tbc", None),
                FieldChange("time", "09:00-09:10", "09:00-09:15"), FieldChange("notes", "> Old note", "> New note")),
               4, 4),
        Change("withdrawn", "Elections", "2.", "2.", (FieldChange("status", None, "withdrawn"),), 10, 10),
        Change("retitled", "Budget plan", "3.", "3.",
               (FieldChange("title", "Budget", "Budget plan"), FieldChange("for", "decision", "information")), 11, 12),
    ]


@pytest.mark.parametrize(("old", "new", "field"), [
    ("1. A\n", "1. A\n   > New\n", FieldChange("notes", None, "> New")),
    ("1. A\n   > Old\n", "1. A\n", FieldChange("notes", "> Old", None)),
    ("1. A\n   - b\n     fr: c\n     - d\n", "1. A\n   - b\n     fr: e\n     - d\n",
     FieldChange("notes", "- b\nfr: c\n  - d", "- b\nfr: e\n  - d")),
    ("1. A\n   ! x\n   >> y\n   | z {w}\n", "1. A\n   ! x\n   >> y\n   | z {v}\n",
     FieldChange("notes", "! x\n>> y\n| z {w}", "! x\n>> y\n| z {v}")),
    ("1. A\n   > x\n   fr: y\n", "1. A\n   > x\n   fr: z\n", FieldChange("notes", "> x\nfr: y", "> x\nfr: z")),
    ("1. A\n   fr: Un [T-1]\n", "1. A\n   fr: Un [T-2] {b}\n", FieldChange("fr", "Un [T-1]", "Un [T-2] {b}")),
    ("1. A\n   @time 10:00\n   > Old\n", "1. A\n   @time 10:00\n   > New\n", FieldChange("notes", "> Old", "> New")),
])
def test_an_items_notes_are_compared_as_their_lines(old: str, new: str, field: FieldChange) -> None:
    assert changes(old, new) == [Change("changed", "A", "1.", "1.", (field,), 4, 4)]


def test_what_the_revised_agenda_needs_of_a_comparison() -> None:
    old_agenda = parse(DH + "1. Opening\n2. Welcome\n   2.1 Words\n3. Budget\n4. Elections\n").agenda
    new_agenda = parse(DH + "1. Opening\n   @time 10:00\n2. Budget and more\n3. Elections\n4. Other\n").agenda
    result = compare(old_agenda, new_agenda)
    old_items, new_items = [i for i, _ in walk(old_agenda.items)], [i for i, _ in walk(new_agenda.items)]
    assert [(i.title.plain, depth, kept) for i, depth, kept in result.removed] == [("Welcome", 1, 0)]
    assert {new.title.plain: old.title.plain for new in new_items for old in old_items
            if result.matches.get(id(new)) == id(old)} == {"Opening": "Opening", "Budget and more": "Budget",
                                                           "Elections": "Elections"}
    assert [sorted(result.kinds[id(i)]) for i in new_items] == [["changed"], ["renumbered", "retitled"],
                                                                ["renumbered"], ["added"]]
    assert [result.old_numbers.get(id(i)) for i in new_items] == ["1.", "3.", "4.", None]
    assert sorted(result.old_numbers_all.values()) == ["1.", "2.", "2.1", "3.", "4."]


# ------------------------------------------------------------------ diff: headings, header, text, meetings


def test_a_heading_marked_as_a_break_is_compared_and_its_mark_reported() -> None:
    """A heading with ``@break`` (an attribute without a value) crashed the diff, even unchanged."""
    same = "# Pause\n  @break\n\n1. A\n"
    assert changes(same, same) == []
    assert changes("# Pause\n\n1. A\n", same) == [
        Change("heading", "Pause", fields=(FieldChange("break", None, "@break"),), old_line=4, new_line=4)]


def raw_changes(old: str, new: str) -> list[Change]:
    old_agenda, new_agenda = parse(old).agenda, parse(new).agenda
    assert old_agenda is not None and new_agenda is not None
    return diff(old_agenda, new_agenda)


def test_header_fields_translations_series_and_custom_fields_each_a_change() -> None:
    old = ("body: Board\nfr: Conseil\nlanguage: en, fr\nseries X: X-{n}\nseries Y: Y-{n}\nfields: Room\nRoom: 5\n"
           "\n1. A\n")
    new = ("body: Board\nfr: Le conseil\nlanguage: en, fr\nseries X: X2-{n}\nfields: Room\nRoom: 6\nstatus: draft\n"
           "\n1. A\n")
    assert raw_changes(old, new) == [
        Change("header", "body fr", fields=(FieldChange("body fr", "Conseil", "Le conseil"),)),
        Change("header", "series X", fields=(FieldChange("series X", "X: X-{n}", "X: X2-{n}"),)),
        Change("header", "series Y", fields=(FieldChange("series Y", "Y: Y-{n}", None),)),
        Change("header", "custom Room", fields=(FieldChange("custom Room", "Room: 5", "Room: 6"),)),
        Change("header", "status", fields=(FieldChange("status", None, "draft"),)),
    ]


def test_a_headings_attributes_break_translation_and_level_changed() -> None:
    old = "body: B\nlanguage: en, fr\n\n# Morning\n  fr: Matin\n  @place Room 1\n  @break\n\n1. A\n\n# Noon\n\n2. B\n"
    new = "body: B\nlanguage: en, fr\n\n# Morning\n  fr: Le matin\n  @place Room 2\n\n1. A\n\n## Noon\n\n2. B\n"
    assert raw_changes(old, new) == [
        Change("heading", "Morning", fields=(FieldChange("place", "Room 1", "Room 2"),
                                             FieldChange("break", "@break", None),
                                             FieldChange("fr", "Matin", "Le matin")), old_line=4, new_line=4),
        Change("heading", "Noon", fields=(FieldChange("level", "#", "##"),), old_line=11, new_line=10),
    ]


@pytest.mark.parametrize(("old", "new", "expected"), [
    # A line inserted before an edited one: added, then the edit paired with the line it is most like.
    ("> First line here\n> Second line here\n", "> Inserted\n> First line here!\n> Second line here\n",
     [Change("text-added", "> Inserted", new_line=3),
      Change("text", "> First line here!", fields=(FieldChange("text", "> First line here", "> First line here!"),),
             old_line=3, new_line=3)]),
    # As many lines replaced as written: each edited in its place, however unlike.
    ("> Alpha\n> Beta\n", "> Gamma\n> Delta\n",
     [Change("text", "> Gamma", fields=(FieldChange("text", "> Alpha", "> Gamma"),), old_line=3, new_line=3),
      Change("text", "> Delta", fields=(FieldChange("text", "> Beta", "> Delta"),), old_line=3, new_line=3)]),
    # Fewer lines, nothing alike: removed and added.
    ("> Alpha beta gamma\n> Delta epsilon\n", "> Something else entirely\n",
     [Change("text-removed", "> Alpha beta gamma", old_line=3),
      Change("text-removed", "> Delta epsilon", old_line=3),
      Change("text-added", "> Something else entirely", new_line=3)]),
    # A line removed from the end and one added at the start.
    ("> One\n\n1. A\n\n> Two\n", "> One\n\n1. A\n",
     [Change("text-removed", "> Two", old_line=7)]),
    ("> One\n\n1. A\n", "- Zero\n\n> One\n\n1. A\n",
     [Change("text-added", "- Zero", new_line=3)]),
], ids=["inserted-before-edit", "same-count", "nothing-alike", "removed", "added"])
def test_text_around_the_items_line_by_line(old: str, new: str, expected: list[Change]) -> None:
    assert raw_changes("body: B\n\n" + old, "body: B\n\n" + new) == expected


def test_footnotes_participants_annexes_and_table_rows_as_lines() -> None:
    old = ("body: B\n\n1. A [^n]\n\nparticipants:\n  - Ann, Chair\n\nannexes:\n  - A. Draft\n\n"
           "table:\n  K | V\n  a | b\n\n[^n]: Old note.\n")
    new = ("body: B\n\n1. A [^n]\n\nparticipants:\n  - Ann, Chair, Acme (voting)\n\nannexes:\n  - A. Final draft\n\n"
           "table:\n  K | V\n  a | c\n\n[^n]: New note.\n")
    assert raw_changes(old, new) == [
        Change("text", "[^n]: New note.", fields=(FieldChange("text", "[^n]: Old note.", "[^n]: New note."),),
               old_line=15, new_line=15),
        Change("text", "- Ann, Chair, Acme (voting)",
               fields=(FieldChange("text", "- Ann, Chair", "- Ann, Chair, Acme (voting)"),), old_line=6, new_line=6),
        Change("text", "- A. Final draft", fields=(FieldChange("text", "- A. Draft", "- A. Final draft"),),
               old_line=9, new_line=9),
        Change("text", "a | c", fields=(FieldChange("text", "a | b", "a | c"),), old_line=13, new_line=13),
    ]


def test_next_and_past_meetings_matched_by_date_month_and_place_in_the_list() -> None:
    old = ("body: B\n\n1. A\n\nnext meetings:\n  - 7 December 2026, Paris\n  - 9 January 2027, Rome\n"
           "  - 3 March 2027\n\npast meetings:\n  - 1 June 2026, Oslo\n")
    new = ("body: B\n\n1. A\n\nnext meetings:\n  - 7 December 2026, Lyon\n  - 20 January 2027, Rome\n"
           "  - 5 May 2027\n\npast meetings:\n  - 1 June 2026, Bergen\n  - 2 July 2026\n")
    assert raw_changes(old, new) == [
        Change("next-meeting", "7 December 2026, Lyon",
               fields=(FieldChange("meeting", "7 December 2026, Paris", "7 December 2026, Lyon"),),
               old_line=6, new_line=6),
        Change("next-meeting", "20 January 2027, Rome",
               fields=(FieldChange("meeting", "9 January 2027, Rome", "20 January 2027, Rome"),),
               old_line=7, new_line=7),
        Change("next-meeting", "5 May 2027", fields=(FieldChange("meeting", "3 March 2027", "5 May 2027"),),
               old_line=8, new_line=8),
        Change("past-meeting", "1 June 2026, Bergen",
               fields=(FieldChange("meeting", "1 June 2026, Oslo", "1 June 2026, Bergen"),), old_line=11, new_line=11),
        Change("past-meeting-added", "2 July 2026", new_line=12),
    ]


def test_a_next_meeting_of_another_month_in_a_shorter_list_is_removed_and_added() -> None:
    old = "body: B\n\n1. A\n\nnext meetings:\n  - 7 December 2026\n  - 9 January 2027\n"
    new = "body: B\n\n1. A\n\nnext meetings:\n  - 5 May 2027\n"
    assert raw_changes(old, new) == [
        Change("next-meeting-added", "5 May 2027", new_line=6),
        Change("next-meeting-removed", "7 December 2026", old_line=6),
        Change("next-meeting-removed", "9 January 2027", old_line=7),
    ]


def test_a_change_as_json_names_every_field() -> None:
    change = Change("renumbered", "Budget", "3.", "2.", (FieldChange("time", "10:00", None),), 6, 5,
                    parts=(ItemRef("part", "2.", "B", 4),), last_old_number="4.", last_new_number="3.", items=2,
                    after=(ItemRef("removed", "2.", "Welcome", 5),))
    assert change.as_dict() == {
        "kind": "renumbered", "title": "Budget", "old_number": "3.", "new_number": "2.", "last_old_number": "4.",
        "last_new_number": "3.", "items": 2, "fields": [{"field": "time", "old": "10:00", "new": None}],
        "parts": [{"kind": "part", "number": "2.", "title": "B", "line": 4}],
        "after": [{"kind": "removed", "number": "2.", "title": "Welcome", "line": 5}], "old_line": 6, "new_line": 5}
    assert Change("added", "X").as_dict() == {
        "kind": "added", "title": "X", "old_number": None, "new_number": None, "last_old_number": None,
        "last_new_number": None, "items": 1, "fields": [], "parts": [], "after": [], "old_line": None,
        "new_line": None}
    assert ItemRef("moved", None, "T").as_dict() == {"kind": "moved", "number": None, "title": "T", "line": None}


def test_an_item_retitled_and_withdrawn_is_reported_retitled() -> None:
    assert changes("1. Budget\n", "1. Budget plan\n   @status withdrawn\n") == [
        Change("retitled", "Budget plan", "1.", "1.",
               (FieldChange("title", "Budget", "Budget plan"), FieldChange("status", None, "withdrawn")), 4, 4)]


def test_a_sub_item_removed_under_a_kept_parent_is_one_removal() -> None:
    assert changes("1. A\n   1.1 x\n   1.2 y\n2. B\n", "1. A\n   1.1 x\n2. B\n") == [
        Change("removed", "y", "1.2", None, (), 6, None)]


def test_a_heading_is_retitled_only_in_a_place_no_other_heading_took() -> None:
    old = "body: B\n\n# Alpha\n\n1. A\n\n# Beta\n\n2. B\n"
    new = "body: B\n\n# Beta\n\n1. A\n\n# Gamma\n\n2. B\n"
    assert raw_changes(old, new) == [
        Change("heading-added", "Gamma", new_line=7),
        Change("heading-removed", "Alpha", old_line=3),
    ]


@pytest.mark.parametrize(("old", "new", "expected"), [
    # Exactly as alike as the threshold (60): one edited line, and one added.
    ("> a12\n", "> a45\n> zzzz\n",
     [Change("text", "> a45", fields=(FieldChange("text", "> a12", "> a45"),), old_line=3, new_line=3),
      Change("text-added", "> zzzz", new_line=3)]),
    # Just below it (57): removed and added.
    ("> old 1\n", "> new 1\n> zzzz\n",
     [Change("text-removed", "> old 1", old_line=3), Change("text-added", "> new 1", new_line=3),
      Change("text-added", "> zzzz", new_line=3)]),
], ids=["at-threshold", "below-threshold"])
def test_lines_of_text_are_one_edited_line_from_a_likeness_of_60(old: str, new: str, expected: list) -> None:
    assert raw_changes("body: B\n\n" + old, "body: B\n\n" + new) == expected


@pytest.mark.parametrize(("olds", "news", "edited"), [(101, 25, 25), (100, 25, 0)], ids=["over-limit", "at-limit"])
def test_long_replaced_runs_of_text_are_paired_in_order_only_beyond_the_limit(olds: int, news: int,
                                                                               edited: int) -> None:
    """Beyond 2,500 (old, new) pairs, lines are paired by position; up to it, by likeness (these
    lines are all unalike: none is paired)."""
    old = "body: B\n\n" + "".join(f"- old {k}\n" for k in range(olds))
    new = "body: B\n\n" + "".join(f"- NEW ROW {str(k).translate(str.maketrans('0123456789', 'ABCDEFGHIJ'))}\n"
                                    for k in range(news))
    kinds = [c.kind for c in raw_changes(old, new)]
    assert kinds.count("text") == edited
    assert kinds.count("text-removed") == olds - edited
    assert kinds.count("text-added") == news - edited


def test_a_next_meeting_moved_within_its_month_in_a_shorter_list() -> None:
    old = "body: B\n\n1. A\n\nnext meetings:\n  - 7 December 2026\n  - 9 January 2027\n"
    new = "body: B\n\n1. A\n\nnext meetings:\n  - 20 January 2027\n"
    assert raw_changes(old, new) == [
        Change("next-meeting", "20 January 2027", fields=(FieldChange("meeting", "9 January 2027", "20 January 2027"),),
               old_line=7, new_line=6),
        Change("next-meeting-removed", "7 December 2026", old_line=6),
    ]


# ------------------------------------------------------------------ alignment: which item is which
# Items matched between versions by label, identical title (the same number first), then by
# likeness of title at or above 62 out of 100, with 4 more for the same parent and 4 for the same
# number; words and stretches of a title count only on titles long enough to carry them.

from agendadsl.edit import alignment  # noqa: E402


def aligned(old: str, new: str) -> dict[int, int]:
    return alignment.align(alignment.entries(parse(old).agenda), alignment.entries(parse(new).agenda))


def test_an_agendas_entries_say_each_items_place() -> None:
    found = alignment.entries(parse("1. A\n   1.1 B\n   1.2 C, d!\n       1.2.1 D\n2. E\n* F\n").agenda)
    assert [(e.depth, e.number, e.parent, e.index, e.position, e.title, e.key) for e in found] == [
        (1, "1.", None, 0, 0, "A", "a"), (2, "1.1", 0, 1, 0, "B", "b"), (2, "1.2", 0, 2, 1, "C, d!", "c  d"),
        (3, "1.2.1", 2, 3, 0, "D", "d"), (1, "2.", None, 4, 1, "E", "e"), (1, None, None, 5, 2, "F", "f")]


def _alike(same: int, other: str, length: int = 50) -> str:
    """A title of ``length`` letters sharing its first ``same`` with every other such title."""
    return "a" * same + other * (length - same)


@pytest.mark.parametrize(("old", "new", "expected"), [
    # No bonus (another parent, another number): 62 is enough, 60 is not.
    (f"1. Intro\n2. {_alike(31, 'b')}\n", f"1. Intro\n   1.1 {_alike(31, 'c')}\n", {0: 0, 1: 1}),
    (f"1. Intro\n2. {_alike(30, 'b')}\n", f"1. Intro\n   1.1 {_alike(30, 'c')}\n", {0: 0}),
    (f"1. Intro\n2. {_alike(61, 'b', 100)}\n", f"1. Intro\n   1.1 {_alike(61, 'c', 100)}\n", {0: 0}),
    # Same parent and number: 54 is enough, 52 is not.
    (f"1. Intro\n2. {_alike(27, 'b')}\n", f"1. Intro\n2. {_alike(27, 'c')}\n", {0: 0, 1: 1}),
    (f"1. Intro\n2. {_alike(26, 'b')}\n", f"1. Intro\n2. {_alike(26, 'c')}\n", {0: 0}),
    # Same parent, another number: 58 is enough, 56 is not.
    (f"1. Intro\n2. X\n3. {_alike(29, 'b')}\n", f"1. Intro\n2. {_alike(29, 'c')}\n", {0: 0, 1: 2}),
    (f"1. Intro\n2. X\n3. {_alike(28, 'b')}\n", f"1. Intro\n2. {_alike(28, 'c')}\n", {0: 0}),
    # Words: a title extended by words, from three letters on, either way.
    ("1. Intro\n2. abc\n", "1. Intro\n2. abc xyzw qrst\n", {0: 0, 1: 1}),
    ("1. Intro\n2. ab\n", "1. Intro\n2. ab xyzw qrst\n", {0: 0}),
    ("1. Intro\n2. abc xyzw qrst\n", "1. Intro\n2. abc\n", {0: 0, 1: 1}),
    ("1. Intro\n2. ab xyzw qrst\n", "1. Intro\n2. ab\n", {0: 0}),
    # A stretch: a title found inside a longer one, from six letters on, either way.
    ("1. Intro\n2. X\n3. abcdef\n", "1. Intro\n2. zzabcdefzz yyyy\n", {0: 0, 1: 2}),
    ("1. Intro\n2. X\n3. abcde\n", "1. Intro\n2. zzabcdezz yyyy\n", {0: 0}),
    ("1. Intro\n2. X\n3. zzabcdefzz yyyy\n", "1. Intro\n2. abcdef\n", {0: 0, 1: 2}),
    ("1. Intro\n2. X\n3. zzabcdezz yyyy\n", "1. Intro\n2. abcde\n", {0: 0}),
    # Labels first, whatever the titles; identical titles: the same number first, else in order.
    ("1. Alpha {#a}\n2. Beta {#b}\n", "1. Beta {#a}\n2. Alpha {#b}\n", {0: 0, 1: 1}),
    ("1. Same\n2. Same\n3. Same\n", "1. Other\n2. Same\n", {1: 1}),
    ("1. Same\n2. Same\n3. Same\n", "1. Same\n2. Same\n", {0: 0, 1: 1}),
    ("1. X\n2. Same\n3. Same\n", "1. Same\n2. Same\n3. Same\n", {0: 1, 1: 2}),
    ("1. Same {#s}\n2. Same\n", "1. Same\n2. Same {#s}\n", {1: 0, 0: 1}),
    ("* Same\n* Same\n", "* Same\n", {0: 0}),
], ids=["62-no-bonus", "60-no-bonus", "61-no-bonus", "54-both-bonuses", "52-both-bonuses", "58-same-parent",
        "56-same-parent",
        "words-3", "words-2", "words-3-back", "words-2-back", "stretch-6", "stretch-5", "stretch-6-back",
        "stretch-5-back", "labels", "same-number-first", "in-order", "first-unused", "label-before-title",
        "unnumbered-first"])
def test_items_are_matched_by_label_title_and_likeness(old: str, new: str, expected: dict[int, int]) -> None:
    assert aligned(old, new) == expected


def test_of_two_equally_alike_titles_the_one_under_the_same_parent_and_number_is_taken() -> None:
    old = "1. Reports\n   1.1 Budget report 2026\n2. Other\n   2.1 Budget report 2026\n"
    new = "1. Reports\n2. Other\n   2.1 Budget report 2027\n"
    assert aligned(old, new) == {0: 0, 1: 2, 2: 3}


def _codes(letters: str, count: int) -> list[str]:
    return ["".join(letters[k // 13 ** p % 13] for p in range(3)) + letters[12] for k in range(count)]


@pytest.mark.parametrize(("count", "found"), [(316, True), (317, False)])
def test_beyond_100000_pairs_a_retitled_item_is_looked_for_only_near_its_place(count: int, found: bool) -> None:
    """316 x 316 unmatched items are all compared; 317 x 317 only within 12 places of each other:
    the new first item, like the old last one, is then not found."""
    olds = _codes("abcdefghijklm", count)
    news = [olds[-1] + "n", *_codes("nopqrstuvwxyz", count)[1:]]
    pairs = aligned("".join(f"* {t}\n" for t in olds), "".join(f"* {t}\n" for t in news))
    assert pairs == ({0: count - 1} if found else {})


@pytest.mark.parametrize(("values", "weights", "keep"), [
    ([0, 1, 2], [1, 1, 1], {0, 1, 2}),
    ([1, 0], [1, 1], {0}),
    ([1, 0], [1, 5], {1}),
    ([2, 0, 1], [1, 1, 1], {1, 2}),
    ([2, 0, 1], [5, 1, 1], {0}),
    ([2, 0, 1], [2, 1, 1], {0}),
    ([2, 0, 1], [2, 1, 2], {1, 2}),
    ([3, 1, 2, 0], [1, 1, 1, 1], {1, 2}),
    ([], [], set()),
])
def test_the_siblings_that_stay_are_the_heaviest_increasing_run(values: list, weights: list, keep: set) -> None:
    assert alignment._heaviest_run(values, weights) == keep


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("1. A\n2. B\n   2.1 x\n   2.2 y\n3. C\n", "1. B\n   1.1 x\n   1.2 y\n2. A\n3. C\n", {3}),
    ("1. A\n   1.1 x\n   1.2 y\n2. B\n3. C\n", "1. B\n2. A\n   2.1 x\n   2.2 y\n3. C\n", {0}),
    ("1. A\n   1.1 x\n2. B\n", "1. A\n2. B\n   2.1 x\n", {2}),
    ("1. A\n   1.1 x\n2. B\n", "1. B\n2. A\n   2.1 x\n", {0}),
    ("1. A\n2. B\n", "1. A\n2. B\n", set()),
], ids=["short-after-long", "short-before-long", "other-parent", "sub-items-travel", "none"])
def test_moved_items_are_those_off_the_heaviest_run_or_under_another_parent(old: str, new: str,
                                                                             expected: set) -> None:
    old_entries, new_entries = alignment.entries(parse(old).agenda), alignment.entries(parse(new).agenda)
    assert alignment.moved(old_entries, new_entries, alignment.align(old_entries, new_entries)) == expected


def test_beyond_100000_pairs_an_items_place_is_counted_from_the_nearest_matched_item_before_it() -> None:
    """317 x 317 unmatched items: the new item 20 places after the anchor (matched by its title)
    is looked for 20 places after the anchor's old place, and found there."""
    olds = ["Anchor", *_codes("abcdefghijklm", 317)]
    news = _codes("nopqrstuvwxyz", 318)
    news[150] = "Anchor"
    news[170] = olds[20] + "n"
    pairs = aligned("".join(f"* {t}\n" for t in olds), "".join(f"* {t}\n" for t in news))
    assert pairs == {150: 0, 170: 20}


# ------------------------------------------------------------------ fmt --renumber
# Every explicit number rewritten as the level's scheme counts; withdrawn items keep theirs when
# asked; frozen numbers and numbers a scheme cannot write are refused with a message.

from agendadsl.edit.renumbering import renumber  # noqa: E402
from agendadsl.language.diagnostics import AgendaError  # noqa: E402


@pytest.mark.parametrize(("source", "keep", "expected"), [
    ("1. A\n3. B\n   3.5 x\n   3.7 y\n7. C\n", False, "1. A\n\n2. B\n   2.1 x\n   2.2 y\n\n3. C\n"),
    ("numbering: I. / A.\n\n1. A\n1. B\n   1. x\n   1. y\n#. C\n* D\n", False,
     "numbering: I. / A.\n\nI. A\n\nII. B\n    A. x\n    B. y\n\n#. C\n\n* D\n"),
    ("1. A\n2bis. B\n3. C\n", False, "1. A\n\n2. B\n\n3. C\n"),
    ("1. A\n   @numbering a)\n   1.1 x\n   1.5 y\n# Head\n\n4. B\n", False,
     "1. A\n   @numbering a)\n\n   a) x\n   b) y\n\n# Head\n\n2. B\n"),
    ("1. A\n3. B\n   @status withdrawn\n5. C\n   5.3 x\n", True,
     "1. A\n\n3. B\n   @status withdrawn\n\n4. C\n   4.1 x\n"),
    ("1. A\n3. B\n   @status withdrawn\n5. C\n", False, "1. A\n\n2. B\n   @status withdrawn\n\n3. C\n"),
    ("1. A\n3. B\n   @status tbc\n5. C\n", True, "1. A\n\n2. B\n   @status tbc\n\n3. C\n"),
    ("numbers: free\n\n1. A\n3. B\n", False, "numbers: free\n\n1. A\n\n2. B\n"),
], ids=["arabic", "roman-and-letters", "insertion", "item-numbering", "keep-withdrawn", "withdrawn-renumbered",
        "other-status", "free"])
def test_renumber_rewrites_every_explicit_number(source: str, keep: bool, expected: str) -> None:
    assert print_agenda(renumber(parse(source).agenda, keep_withdrawn=keep)) == expected


def test_renumber_keeps_the_place_of_each_number_written_and_leaves_other_items_alone() -> None:
    agenda = renumber(parse("1. A\n3. B\n#. C\n* D\n").agenda)
    assert [(i.number.value, tuple(i.number.span)) if i.number else None for i in agenda.items] == [
        ("1.", (1, 1, 1, 3)), ("2.", (2, 1, 2, 3)), None, None]


@pytest.mark.parametrize(("source", "message"), [
    ("numbers: frozen\n\n1. A\n3. B\n", "the numbers of this agenda are frozen ('numbers: frozen' in its header): "
     "renumber by hand, or remove that line first"),
    ("numbering: MMMCMXCIX.\n\nI. A\nII. B\n", "line 4: item number 4000 cannot be written in upper-case roman "
     "numerals (I, II, III); declare another numbering scheme for that level"),
])
def test_renumber_refuses_what_it_cannot_do(source: str, message: str) -> None:
    with pytest.raises(AgendaError) as caught:
        renumber(parse(source).agenda)
    assert str(caught.value) == message


# ------------------------------------------------------------------ diff: renumbered runs and their causes
# One change per run of siblings renumbered for one reason; sub-items of an item whose own change
# says its number (a run, a move, a split or merge) are counted in, not reported again.


def ref(kind: str, number: str | None, title: str, line: int) -> ItemRef:
    return ItemRef(kind, number, title, line)


def run(title: str, numbers: tuple[str, str, str, str], lines: tuple[int, int], items: int = 1,
        after: tuple[ItemRef, ...] = ()) -> Change:
    first_old, first_new, last_old, last_new = numbers
    return Change("renumbered", title, first_old, first_new, (), lines[0], lines[1], last_old_number=last_old,
                  last_new_number=last_new, items=items, after=after)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("1. A\n   1.1 x\n2. B\n   2.1 y\n   2.2 z\n3. C\n", "1. B\n   1.1 y\n   1.2 z\n2. A\n   2.1 x\n3. C\n",
     [run("B", ("2.", "1.", "2.", "1."), (5, 3), 3, (ref("moved", "1.", "A", 3),)),
      Change("moved", "A", "1.", "2.", (), 3, 6)]),
    ("1. A\n   1.1 x\n       1.1.1 g\n2. B\n   2.1 y\n   2.2 z\n   2.3 w\n",
     "1. B\n   1.1 y\n   1.2 z\n   1.3 w\n2. A\n   2.1 x\n       2.1.1 g\n",
     [run("B", ("2.", "1.", "2.", "1."), (6, 3), 4, (ref("moved", "1.", "A", 3),)),
      Change("moved", "A", "1.", "2.", (), 3, 7)]),
    ("1. A\n", "1. A\n2. B\n   2.1 x\n",
     [Change("added", "B", None, "2.", (), None, 4), Change("added", "x", None, "2.1", (), None, 5)]),
    # Numbers corrected where an item was replaced by another: no cause for a number in its place.
    ("1. Zebra\n2. B\n4. C\n", "1. Quux\n2. B\n3. C\n",
     [Change("removed", "Zebra", "1.", None, (), 3, None), Change("added", "Quux", None, "1.", (), None, 3),
      run("C", ("4.", "3.", "4.", "3."), (5, 5))]),
    # Two runs parted by an item whose number did not change.
    ("1. A\n3. B\n3. C\n5. D\n", "1. A\n2. B\n3. C\n4. D\n",
     [run("B", ("3.", "2.", "3.", "2."), (4, 4)), run("D", ("5.", "4.", "5.", "4."), (6, 6))]),
    # Two renumbered neighbours for two reasons: two runs.
    ("1. A\n3. B\n4. C\n", "1. A\n2. B\n3. X\n5. C\n",
     [run("B", ("3.", "2.", "3.", "2."), (4, 4)), Change("added", "X", None, "3.", (), None, 5),
      run("C", ("4.", "5.", "4.", "5."), (5, 6), 1, (ref("added", "3.", "X", 5),))]),
    # An item moved in from another parent is the cause, as it stands now.
    ("1. A\n   1.1 x\n2. B\n   2.1 y\n", "1. A\n2. B\n   2.1 x\n   2.2 y\n",
     [Change("moved", "x", "1.1", "2.1", (), 4, 5),
      run("y", ("2.1", "2.2", "2.1", "2.2"), (6, 6), 1, (ref("moved", "2.1", "x", 5),))]),
    # A merged item whose number changed: the merge says it, with its sub-item.
    ("1. A\n2. Zebra\n3. Budget\n   3.1 x\n4. Accounts\n", "1. A\n2. Budget and accounts\n   2.1 x\n",
     [Change("removed", "Zebra", "2.", None, (), 4, None),
      Change("merged", "Budget and accounts", "3.", "2.", (), 5, 4,
             parts=(ref("part", "3.", "Budget", 5), ref("part", "4.", "Accounts", 7)))]),
    ("1. A\n2. Zebra\n3. Budget\n4. Accounts\n", "1. A\n2. Budget and accounts\n",
     [Change("removed", "Zebra", "2.", None, (), 4, None),
      Change("merged", "Budget and accounts", "3.", "2.", (), 5, 4,
             parts=(ref("part", "3.", "Budget", 5), ref("part", "4.", "Accounts", 6)))]),
], ids=["sub-items-of-a-moved-item", "sub-sub-items-of-a-moved-item", "sub-items-of-an-added-item",
        "corrected-in-place", "two-runs",
        "two-reasons", "moved-in", "merged-with-sub-item", "merged-renumbered"])
def test_renumbered_runs_and_what_caused_them(old: str, new: str, expected: list[Change]) -> None:
    assert raw_changes("body: B\n\n" + old, "body: B\n\n" + new) == expected


# ------------------------------------------------------------------ diff: splits and merges
# A split is a new neighbour of the aligned part carrying words (of 4 letters or more) the
# original lost, at least half of its words the original's.


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("1. A\n2. Budget and accounts\n", "1. A\n2. Accounts\n3. Budget extra\n",
     [Change("split", "Budget and accounts", "2.", "2.", (), 4, 4,
             parts=(ref("part", "2.", "Accounts", 4), ref("part", "3.", "Budget extra", 5)))]),
    ("1. A\n2. Budget and accounts 2027\n", "1. A\n2. Budget review\n3. Accounts 2027\n",
     [Change("split", "Budget and accounts 2027", "2.", "2.", (), 4, 4,
             parts=(ref("part", "2.", "Budget review", 4), ref("part", "3.", "Accounts 2027", 5)))]),
    # The fields of a split are those of the part aligned with the original, wherever it stands.
    ("1. A\n2. Budget and accounts 2027\n   @time 10:00\n",
     "1. A\n2. Budget review\n3. Accounts 2027\n   @time 10:30\n",
     [Change("split", "Budget and accounts 2027", "2.", "2.", (FieldChange("time", "10:00", "10:30"),), 4, 4,
             parts=(ref("part", "2.", "Budget review", 4), ref("part", "3.", "Accounts 2027", 5)))]),
    ("1. Budget and accounts 2027\n2. Z\n", "1. Budget review\n2. Accounts 2027\n3. Z\n",
     [Change("split", "Budget and accounts 2027", "1.", "1.", (), 3, 3,
             parts=(ref("part", "1.", "Budget review", 3), ref("part", "2.", "Accounts 2027", 4))),
      run("Z", ("2.", "3.", "2.", "3."), (4, 5), 1, (ref("split", "1.", "Budget and accounts 2027", 3),))]),
    # Not a split: the word lost is too short; the new item has too few of the original's words;
    # the new item has none of the words lost.
    ("1. A\n2. Budget and tax\n", "1. A\n2. Budget\n3. Tax\n",
     [Change("retitled", "Budget", "2.", "2.", (FieldChange("title", "Budget and tax", "Budget"),), 4, 4),
      Change("added", "Tax", None, "3.", (), None, 5)]),
    ("1. A\n2. Budget and accounts\n", "1. A\n2. Budget\n3. Accounts review meeting today\n",
     [Change("retitled", "Budget", "2.", "2.", (FieldChange("title", "Budget and accounts", "Budget"),), 4, 4),
      Change("added", "Accounts review meeting today", None, "3.", (), None, 5)]),
    ("1. A\n2. Budget and accounts\n", "1. A\n2. Budget\n3. Budget review\n",
     [Change("retitled", "Budget", "2.", "2.", (FieldChange("title", "Budget and accounts", "Budget"),), 4, 4),
      Change("added", "Budget review", None, "3.", (), None, 5)]),
], ids=["half-the-words", "part-before-the-aligned-one", "fields-of-the-aligned-part",
        "first-part-before-the-aligned-one", "short-word",
        "too-few-words", "no-word-lost"])
def test_splits_are_found_among_the_aligned_parts_neighbours(old: str, new: str, expected: list[Change]) -> None:
    assert raw_changes("body: B\n\n" + old, "body: B\n\n" + new) == expected


# ------------------------------------------------------------------ the editor index
# What an editor shows of an agenda: the outline (names, kinds, extents, details), the folds, the
# label under the cursor (its edges included), references, renames, dates and times.

from agendadsl.checks.index import AgendaIndex, body_start  # noqa: E402

INDEXED = """\
// c1
// c2
body: Board
date: 10 March 2026
time: 09:00-12:00
issued: 1 March 2026 10:00
series T: T-{n} https://example.org/{ref}

# Morning, 10 March 2026
  @time 09:00-10:00

1. Opening {#open}
   @time 09:00-09:10
   > See {budget} and [T-5] of 2 March 2026.
   1.1 Sub
#. Budget {#budget}
   @docs [T-6] of 2 March 2026
   > Back to {open}.
*
# Pause
  @break
#

next meetings:
  - 7-11 December 2026, Strasbourg
  - 3 March 2027

past meetings:
  - 1 January 2026

participants:
  - Ann

table:
  K | V

> closing
"""


@pytest.fixture(scope="module")
def index() -> AgendaIndex:
    return AgendaIndex(parse(INDEXED).agenda)


def _tree(symbols) -> list:
    return [(s.name, s.kind.value, tuple(s.span), tuple(s.selection), s.detail, _tree(s.children)) for s in symbols]


def test_the_outline_names_every_heading_item_and_block_with_its_extent(index: AgendaIndex) -> None:
    assert _tree(index.symbols) == [
        ("Morning, 10 March 2026", "group", (9, 1, 19, 2), (9, 1, 9, 25), None, [
            ("1. Opening", "item", (12, 1, 15, 11), (12, 1, 12, 19), None, [
                ("1.1 Sub", "item", (15, 4, 15, 11), (15, 4, 15, 11), None, [])]),
            ("2. Budget", "item", (16, 1, 18, 21), (16, 1, 16, 20), None, []),
            ("(untitled item)", "item", (19, 1, 19, 2), (19, 1, 19, 2), None, [])]),
        ("Pause", "group", (20, 1, 20, 8), (20, 1, 20, 8), "break", []),
        ("#", "group", (22, 1, 37, 10), (22, 1, 22, 2), None, [
            ("next meetings", "meetings", (24, 1, 26, 17), (24, 1, 24, 14), None, [
                ("7-11 December 2026", "meeting", (25, 3, 25, 35), (25, 5, 25, 23), "Strasbourg", []),
                ("3 March 2027", "meeting", (26, 3, 26, 17), (26, 5, 26, 17), None, [])]),
            ("past meetings", "meetings", (28, 1, 29, 19), (28, 1, 28, 14), None, [
                ("1 January 2026", "meeting", (29, 3, 29, 19), (29, 5, 29, 19), None, [])]),
            ("participants", "block", (31, 1, 32, 8), (31, 1, 31, 13), None, []),
            ("table", "block", (34, 1, 35, 8), (34, 1, 34, 6), None, [])]),
    ]
    assert index.outline() == list(index.symbols)


def test_the_folds_are_the_header_each_block_of_several_lines_and_each_run_of_comments(index: AgendaIndex) -> None:
    assert index.folds() == [(1, 2), (3, 7), (9, 19), (12, 15), (16, 18), (22, 37), (24, 26), (28, 29), (31, 32),
                             (34, 35)]


@pytest.mark.parametrize(("line", "column", "expected"), [
    (14, 9, None), (14, 10, ("budget", (14, 11, 14, 17))), (14, 18, ("budget", (14, 11, 14, 17))), (14, 19, None),
    (12, 11, None), (12, 12, ("open", (12, 14, 12, 18))), (12, 19, ("open", (12, 14, 12, 18))), (12, 20, None),
    (13, 12, None), (18, 14, ("open", (18, 15, 18, 19))), (18, 20, ("open", (18, 15, 18, 19))),
])
def test_the_label_under_the_cursor_from_one_edge_to_the_other(index: AgendaIndex, line: int, column: int,
                                                                expected: tuple | None) -> None:
    found = index.label_at(line, column)
    assert (found and (found[0], tuple(found[1]))) == expected


def test_references_renames_and_labelled_items(index: AgendaIndex) -> None:
    assert [tuple(s) for s in index.references_to("open")] == [(18, 14, 18, 20)]
    assert [tuple(s) for s in index.references_to("budget")] == [(14, 10, 14, 18)]
    assert [tuple(s) for s in index.name_spans("open")] == [(12, 14, 12, 18), (18, 15, 18, 19)]
    assert index.name_spans("nothing") == []
    assert index.item_labelled("budget").title.plain == "Budget"
    assert index.item_labelled("nothing") is None
    assert {label: [tuple(s) for s in spans] for label, spans in index.definitions.items()} == {
        "open": [(12, 12, 12, 19)], "budget": [(16, 11, 16, 20)]}


def test_a_label_defined_twice_has_both_places_and_names_the_first_item() -> None:
    index = AgendaIndex(parse("1. A {#x}\n2. B {#x}\n").agenda)
    assert {label: [tuple(s) for s in spans] for label, spans in index.definitions.items()} == {
        "x": [(1, 6, 1, 10), (2, 6, 2, 10)]}
    assert index.item_labelled("x").title.plain == "A"


def test_every_date_and_time_the_agenda_gives(index: AgendaIndex) -> None:
    assert [d.text for d in index.dates()] == ["10 March 2026", "1 March 2026", "10 March 2026", "7-11 December 2026",
                                               "3 March 2027", "1 January 2026", "2 March 2026"]
    assert [t.text for t in index.times()] == ["09:00-12:00", "10:00", "09:00-10:00", "09:00-09:10"]


def test_numbers_links_and_where_the_body_starts(index: AgendaIndex) -> None:
    agenda = index.agenda
    assert [index.numbers_in(entry) for entry in agenda.body] == [("1.", "1.1", "2.", None), (), ()]
    series, url = index.link(index.docrefs[0])
    assert (series.name, url) == ("T", "https://example.org/T-5")
    assert [r.text for r in index.docrefs] == ["T-5", "T-6"]
    assert index.series == agenda.meeting.series
    assert body_start(agenda) == 9
    assert body_start(parse("body: B\n").agenda) is None


def test_an_untitled_heading_is_named_by_its_level() -> None:
    index = AgendaIndex(parse("##\n\n1. A\n").agenda)
    assert [(s.name, s.kind.value, [c.name for c in s.children]) for s in index.symbols] == [("##", "group", ["1. A"])]


# ------------------------------------------------------------------ checks: text no output can carry
# Control characters, bidirectional overrides, text over 2,000 characters and empty titles: the
# whole diagnostic (code, message, place, hint) for each kind of value they can hide in.

from agendadsl import analyse  # noqa: E402

CONTROL_HINT = "delete it (it is often pasted in from another program)"
TEXT_CODES = ("control-character", "bidi-control", "text-too-long", "empty-title")


def text_findings(source: str) -> list[tuple]:
    _agenda, diagnostics = analyse(source)
    return [(d.code, d.message, tuple(d.span), d.hint) for d in diagnostics if d.code in TEXT_CODES]


def control(code: int, line: int, column: int, what: str = "invisible control character") -> tuple:
    return ("control-character", f"{what} U+{code:04X} in the text", (line, column, line, column + 1), CONTROL_HINT)


@pytest.mark.parametrize(("source", "expected"), [
    ("body: B\x01x\n\n1. A\n", [control(1, 1, 8)]),
    ("body: B\nfields: Room\nRoom: x\x02\n\n1. A\n", [control(2, 3, 8)]),
    ("body: B\nstatus: draft for \x03 comments\n\n1. A\n", [control(3, 2, 13)]),
    ("body: B\n\n# H\n  @place R\x04\n\n1. A\n", [control(4, 4, 11)]),
    ("body: B\nreference: R\x05\n\n1. A\n", [control(5, 2, 13)]),
    ("body: B\nseries T: T-{n}\x06\n\n1. A [T-1]\n", [control(6, 2, 13)]),
    ("body: B\n\n1. A\n   @presenter Ro\x07le: Name\n", [control(7, 4, 17)]),
    ("body: B\nfields: Room\n\n1. A\n   @room   x\x0b  \n", [control(11, 5, 13)]),
    ("body: B\n\n1. A\n   @docs [T\x0e1]\n", [control(14, 4, 11)]),
    ("body: B\n\n1. A\n\nnext meetings:\n  - 1 May 2027, Pa\x0fris, hosted by Fr\x10ance\n",
     [control(15, 6, 19), control(16, 6, 27)]),
    ("body: B\n\n1. A\n\npast meetings:\n  - 1 May 2025, Pa\x0fris\n", [control(15, 6, 19)]),
    ("body: B\n\n1. A [li\x11nk](https://x.org)\n", [control(17, 3, 8)]),
    ("body: B\n\n1. A \u202eevil\n",
     [("bidi-control", "bidirectional control character U+202E in the text: it can make the published text read "
       "differently from the source", (3, 6, 3, 7), "delete it; right-to-left text displays correctly without it")]),
    ("body: B\n\n1. A \u2066x\x01\n",
     [("bidi-control", "bidirectional control character U+2066 in the text: it can make the published text read "
       "differently from the source", (3, 6, 3, 7), "delete it; right-to-left text displays correctly without it"),
      control(1, 3, 8)]),
    ("body: B\n\n1. A \ufffd\n",
     [control(0xFFFD, 3, 6, "replacement character (the text was damaged when copied or converted)")]),
    ("body: B\n\n1. A \ufdd0\n", [control(0xFDD0, 3, 6, "Unicode noncharacter")]),
    ("body: B\n\n1. A \U0001fffe\n", [control(0x1FFFE, 3, 6, "Unicode noncharacter")]),
    ("body: B\n\n1. A \x7f\n", [control(0x7F, 3, 6)]),
    ("body: B\n\n1. A \ud800\n", [control(0xD800, 3, 6)]),
    ("body: B\n\n1. A \x9f\n", [control(0x9F, 3, 6)]),
    ("body: B\n\n1. A \tb\n", []),
    ("body: B\nmeeting: M\x01\nplatform: P\x01\nplace: Pl\x01\ntitle: T\x01\nchair: C\x01\nhost: H\x01\n"
     "contact: c\x01\noriginal: o\x01\nfields: F\x01\n\n1. A\n",
     [control(1, 2, 11), control(1, 3, 12), control(1, 4, 10), control(1, 5, 9), control(1, 6, 9), control(1, 7, 8),
      control(1, 8, 11), control(1, 9, 12), control(1, 10, 10)]),
], ids=["body", "custom-field", "status-words", "heading-place", "reference", "series", "presenter", "item-field",
        "document",
        "next-meeting", "past-meeting", "link-text", "bidi", "bidi-and-control", "replacement", "noncharacter",
        "noncharacter-plane-1", "delete", "surrogate", "c1-control", "tab-allowed", "header-fields"])
def test_characters_no_output_can_carry_are_reported_where_they_are(source: str, expected: list) -> None:
    assert text_findings(source) == expected


TOO_LONG_HINT = "shorten it, or move the detail into '>' note lines"


@pytest.mark.parametrize(("source", "expected"), [
    ("body: B\n\n1. " + "x" * 2001 + "\n",
     [("text-too-long", "this text is 2,001 characters long; the limit is 2,000", (3, 4, 3, 5), TOO_LONG_HINT)]),
    ("body: B\n\n1. " + "x" * 2000 + "\n", []),
    ("body: " + "x" * 2001 + "\n\n1. A\n",
     [("text-too-long", "this text is 2,001 characters long; the limit is 2,000", (1, 7, 1, 8), TOO_LONG_HINT)]),
    ("body: B\n\n1. " + "\x01" * 2001 + "\n",
     [("text-too-long", "this text is 2,001 characters long; the limit is 2,000", (3, 4, 3, 5), TOO_LONG_HINT)]),
    ("body: B\nseries T: T-{n} https://example.org/" + "x" * 2001 + "\n\n1. A [T-1]\n", []),
    ("body: B\n\n1. A\n   > " + "y" * 12345 + "\n",
     [("text-too-long", "this text is 12,345 characters long; the limit is 2,000", (4, 6, 4, 7), TOO_LONG_HINT)]),
], ids=["title", "title-at-limit", "header", "control-characters-too", "series-url-exempt", "note"])
def test_text_over_2000_characters_is_reported_once(source: str, expected: list) -> None:
    assert text_findings(source) == expected


def test_items_and_bullets_without_text_are_reported() -> None:
    hint = "write the item's title after its number"
    assert text_findings("body: B\n\n1.\n#.\n*\n2. A\n   -\n") == [
        ("empty-title", "item 1. has no title", (3, 1, 3, 3), hint),
        ("empty-title", "this item has no title", (4, 1, 4, 3), hint),
        ("empty-title", "this item has no title", (5, 1, 5, 2), hint),
        ("empty-title", "this bullet has no text", (7, 4, 7, 5), "write its text after the '-'"),
    ]


# ------------------------------------------------------------------ checks: dates and times
# Every date and time check: its whole diagnostic (code, severity, message, place, hint, and the
# related places it points to), on each side of its condition.

DATE_CODES = {"impossible-date", "incomplete-date", "weekday-mismatch", "date-range-reversed", "next-meeting-not-after",
              "next-meetings-order", "past-meeting-not-before", "past-meetings-order", "local-times-without-time",
              "time-slot-reversed", "time-slot-overlap", "time-slot-order", "time-outside-sitting",
              "duration-mismatch"}


def D(code: str, severity: str, message: str, span: tuple, hint: str, *related: tuple) -> tuple:
    return (code, severity, message, span, hint, list(related))


def date_findings(source: str) -> list[tuple]:
    _agenda, diagnostics = analyse(source)
    return [(d.code, d.severity.value, d.message, tuple(d.span), d.hint,
             [(tuple(r.span), r.message) for r in d.related])
            for d in diagnostics if d.code in DATE_CODES]


DATE_CASES = [
    ("body: B\ndate: 31 February 2026\n\n1. A\n",
     [D("impossible-date", "error",
        "31 February 2026 does not exist",
        (2, 7, 2, 23),
        "check the day and the month")]),
    ("body: B\ndate: 29 February 2021\n\n1. A\n",
     [D("impossible-date", "error",
        "29 February 2021 does not exist",
        (2, 7, 2, 23),
        "check the day and the month")]),
    ("body: B\ndate: Tuesday 11 March 2026\n\n1. A\n",
     [D("weekday-mismatch", "error",
        "11 March 2026 is a Wednesday, not a Tuesday",
        (2, 7, 2, 28),
        "write 'Wednesday 11 March 2026', or correct the date")]),
    ("body: B\ndate: 12-10 March 2026\n\n1. A\n",
     [D("date-range-reversed", "error",
        "the range ends (10 March 2026) before it starts (12 March 2026)",
        (2, 7, 2, 23),
        "swap the two dates or correct one of them")]),
    ("body: B\ndate: 10 March 2026\n\n1. A\n\nnext meetings:\n  - 10 March 2026\n  - 5 May 2026\n"
     "  - 1 May 2026\n",
     [D("next-meeting-not-after", "error",
        "this next meeting starts on 10 March 2026, not after the meeting this agenda is for",
        (7, 5, 7, 18),
        "check the year of the date",
        ((2, 7, 2, 20), "this meeting's date")),
      D("next-meetings-order", "error",
        "the next meetings are not in chronological order",
        (9, 5, 9, 15),
        "list the next meetings from the soonest to the latest",
        ((8, 5, 8, 15), "this meeting is listed before it but comes later"))]),
    ("body: B\ndate: 10-11 March 2026\n\n1. A\n\nnext meetings:\n  - 11 March 2026\n  - 12 March 2026\n",
     [D("next-meeting-not-after", "error",
        "this next meeting starts on 11 March 2026, not after the meeting this agenda is for",
        (7, 5, 7, 18),
        "check the year of the date",
        ((2, 7, 2, 23), "this meeting's date"))]),
    ("body: B\ndate: 10 March 2026\n\n1. A\n\npast meetings:\n  - 10 March 2026\n  - 9 March 2026\n",
     [D("past-meeting-not-before", "error",
        "this past meeting ends on 10 March 2026, not before the meeting this agenda is for",
        (7, 5, 7, 18),
        "check the year of the date, or list the meeting under 'next meetings:'",
        ((2, 7, 2, 20), "this meeting's date"))]),
    ("body: B\ndate: 10 March 2026\n\n1. A\n\npast meetings:\n  - 1 January 2026\n  - 1 February 2026\n"
     "  - 1 February 2026\n  - 15 January 2026\n",
     [D("past-meetings-order", "warning",
        "the past meetings are not in one chronological order",
        (10, 5, 10, 20),
        "list them from the earliest to the latest, as the first two are",
        ((9, 5, 9, 20), "the meeting listed just before it"))]),
    ("body: B\ndate: 10 March 2026\n\n1. A\n\npast meetings:\n  - 1 February 2026\n  - 1 January 2026\n"
     "  - 15 January 2026\n",
     [D("past-meetings-order", "warning",
        "the past meetings are not in one chronological order",
        (9, 5, 9, 20),
        "list them from the latest to the earliest, as the first two are",
        ((8, 5, 8, 19), "the meeting listed just before it"))]),
    ("body: B\nlocal times: Asia/Tokyo\n\n1. A\n",
     [D("local-times-without-time", "warning",
        "local times are given, but the meeting has no date to convert from",
        (2, 14, 2, 24),
        "give the meeting its date and its time with a zone, like 'time: 20:00 UTC'")]),
    ("body: B\ndate: 10 March 2026\nlocal times: Asia/Tokyo\n\n1. A\n",
     [D("local-times-without-time", "warning",
        "local times are given, but the meeting has no time to convert from",
        (3, 14, 3, 24),
        "give the meeting its date and its time with a zone, like 'time: 20:00 UTC'")]),
    ("body: B\ndate: 10 March 2026\ntime: 10:00\nlocal times: Asia/Tokyo\n\n1. A\n",
     [D("local-times-without-time", "warning",
        "local times are given, but the meeting has no time zone on its time to convert from",
        (4, 14, 4, 24),
        "give the meeting its date and its time with a zone, like 'time: 20:00 UTC'")]),
    ("body: B\ndate: 10 March 2026\ntime: 10:00 UTC\nlocal times: Asia/Tokyo\n\n1. A\n",
     []),
    ("body: B\ntime: 10:00-10:00\n\n1. A\n   @time 11:00-10:59\n",
     [D("time-slot-reversed", "error",
        "the slot ends at 10:00 but starts at 10:00",
        (2, 7, 2, 18),
        "swap the two times or correct one of them"),
      D("time-outside-sitting", "warning",
        "this item's time (11:00-10:59) is outside the meeting (10:00-10:00)",
        (5, 10, 5, 21),
        "correct the item's @time, or the time of its heading, or move the item under the heading it belongs to",
        ((2, 7, 2, 18), "the sitting's time")),
      D("time-slot-reversed", "error",
        "the slot ends at 10:59 but starts at 11:00",
        (5, 10, 5, 21),
        "swap the two times or correct one of them")]),
    ("body: B\n\n1. A\n   @time 10:00-11:00\n2. B\n   @time 10:59-11:30\n3. C\n   @time 10:30\n4. D\n"
     "5. E\n   @time 11:30-12:00\n",
     [D("time-slot-overlap", "warning",
        "this item starts at 10:59, before the item above it ends (11:00)",
        (6, 10, 6, 21),
        "shorten the earlier slot or start this one later",
        ((4, 10, 4, 21), "the overlapping slot")),
      D("time-slot-order", "warning",
        "this item starts at 10:30, before the item above it (10:59)",
        (8, 10, 8, 15),
        "order the items by time, or correct the times",
        ((6, 10, 6, 21), "the earlier item's slot"))]),
    ("body: B\n\n1. A\n   @time 10:00-11:00\n   1.1 x\n       @time 10:30-10:40\n   1.2 y\n"
     "       @time 10:20\n",
     [D("time-slot-order", "warning",
        "this item starts at 10:20, before the item above it (10:30)",
        (8, 14, 8, 19),
        "order the items by time, or correct the times",
        ((6, 14, 6, 25), "the earlier item's slot"))]),
    ("body: B\ndate: 10-11 March 2026\n\n# 10 March 2026\n\n1. A\n   @time 15:00\n\n# 11 March 2026\n\n"
     "2. B\n   @time 09:00\n",
     []),
    ("body: B\ntime: 09:00-12:00\n\n1. A\n   @time 08:59-09:30\n2. B\n   @time 11:30-12:01\n3. C\n"
     "   @time 09:00-12:00\n   3.1 x\n       @time 12:00-12:30\n",
     [D("time-outside-sitting", "warning",
        "this item's time (08:59-09:30) is outside the meeting (09:00-12:00)",
        (5, 10, 5, 21),
        "correct the item's @time, or the time of its heading, or move the item under the heading it belongs to",
        ((2, 7, 2, 18), "the sitting's time")),
      D("time-outside-sitting", "warning",
        "this item's time (11:30-12:01) is outside the meeting (09:00-12:00)",
        (7, 10, 7, 21),
        "correct the item's @time, or the time of its heading, or move the item under the heading it belongs to",
        ((2, 7, 2, 18), "the sitting's time")),
      D("time-slot-order", "warning",
        "this item starts at 09:00, before the item above it (11:30)",
        (9, 10, 9, 21),
        "order the items by time, or correct the times",
        ((7, 10, 7, 21), "the earlier item's slot")),
      D("time-outside-sitting", "warning",
        "this item's time (12:00-12:30) is outside the meeting (09:00-12:00)",
        (11, 14, 11, 25),
        "correct the item's @time, or the time of its heading, or move the item under the heading it belongs to",
        ((2, 7, 2, 18), "the sitting's time"))]),
    ("body: B\ntime: 09:00-12:00\n\n# Afternoon\n  @time 14:00-17:00\n\n1. A\n   @time 13:00\n\n"
     "# 14:00-15:00\n\n2. B\n   @time 16:00\n",
     [D("time-outside-sitting", "warning",
        "this item's time (13:00) is outside the sitting 'Afternoon' (14:00-17:00)",
        (8, 10, 8, 15),
        "correct the item's @time, or the time of its heading, or move the item under the heading it belongs to",
        ((5, 9, 5, 20), "the sitting's time")),
      D("time-outside-sitting", "warning",
        "this item's time (16:00) is outside its sitting (14:00-15:00)",
        (13, 10, 13, 15),
        "correct the item's @time, or the time of its heading, or move the item under the heading it belongs to",
        ((10, 3, 10, 14), "the sitting's time"))]),
    ("body: B\ntime: 09:00\n\n1. A\n   @time 08:00\n",
     []),
    ("body: B\ntime: 09:00-12:00 and 14:00-17:00\n\n1. A\n   @time 13:00\n2. B\n   @time 14:00-17:00\n",
     [D("time-outside-sitting", "warning",
        "this item's time (13:00) is outside the meeting (09:00-12:00 and 14:00-17:00)",
        (5, 10, 5, 15),
        "correct the item's @time, or the time of its heading, or move the item under the heading it belongs to",
        ((2, 7, 2, 34), "the sitting's time"))]),
    ("body: B\n\n1. A\n   @time 10:00-11:00\n   @duration 45 min\n2. B\n   @time 10:00-11:00\n"
     "   @duration 60 min\n3. C\n   @time approx. 11:00-11:30\n   @duration 10 min\n",
     [D("duration-mismatch", "warning",
        "@duration says 45 min but the slot 10:00-11:00 lasts 60 min",
        (5, 14, 5, 20),
        "write '@duration 60 min', or correct the slot's end",
        ((4, 10, 4, 21), "the slot")),
      D("time-slot-overlap", "warning",
        "this item starts at 10:00, before the item above it ends (11:00)",
        (7, 10, 7, 21),
        "shorten the earlier slot or start this one later",
        ((4, 10, 4, 21), "the overlapping slot"))]),
    ("body: B\ndate: 10 March\n\n1. A\n",
     [D("incomplete-date", "error",
        "the date 10 March has no year",
        (2, 7, 2, 15),
        "write the date in full, for example '23 November 2020'")]),
    # Two next meetings on one day are in order; a slot of no length has no duration to compare.
    ("body: B\ndate: 10 March 2026\n\n1. A\n\nnext meetings:\n  - 5 May 2026\n  - 5 May 2026\n", []),
    ("body: B\n\n1. A\n   @time 10:00-10:00\n   @duration 5 min\n",
     [D("time-slot-reversed", "error",
        "the slot ends at 10:00 but starts at 10:00",
        (4, 10, 4, 21),
        "swap the two times or correct one of them")]),
]


@pytest.mark.parametrize(("source", "expected"), DATE_CASES)
def test_date_and_time_checks_report_exactly(source: str, expected: list) -> None:
    assert date_findings(source) == expected


# ------------------------------------------------------------------ checks after a syntax error
# What the checks still report when bad lines were left out: a finding a left-out line may have
# caused (the name it defines, a gap where it stood, a header field it may have been) is not.


@pytest.mark.parametrize(("source", "expected"), [
    ("body: B\n\n1. A\nbogus x\n3. C\n", [("not-an-item", (4, 1, 4, 6))]),
    ("body: B\n\n1. A\n3. C\nbogus x\n", [("numbering-gap", (4, 1, 4, 3)), ("not-an-item", (5, 1, 5, 6))]),
    ("body: B\n\n1. A\n   1.1 x\n   bogus\n   1.3 y\n2. B\n4. C\n",
     [("not-an-item", (5, 4, 5, 9)), ("numbering-gap", (8, 1, 8, 3))]),
    ("body: B\n\n1. A\nbogus x\n2. B see {x}\n", [("not-an-item", (4, 1, 4, 6))]),
    ("body: B\n\n1. A\nbogus y\n2. B see {x}\n", [("not-an-item", (4, 1, 4, 6)), ("unknown-label", (5, 10, 5, 13))]),
    ("body: B\n\n1. A\nbogus yx\n2. B see {x}\n", [("not-an-item", (4, 1, 4, 6)), ("unknown-label", (5, 10, 5, 13))]),
    ("body: B\n\n1. A\nbogus y-x\n2. B see {x}\n",
     [("not-an-item", (4, 1, 4, 6)), ("unknown-label", (5, 10, 5, 13))]),
    ("body: B\n\n1. A [^n]\nbogus n\n", [("not-an-item", (4, 1, 4, 6))]),
    ("body: B\n\n1. A [^n]\nbogus m\n", [("unknown-footnote", (3, 6, 3, 10)), ("not-an-item", (4, 1, 4, 6))]),
    ("body: B\nseries T: T-{n}\n\n1. A\nbogus T-1\n", [("not-an-item", (5, 1, 5, 6))]),
    ("body: B\nseries T: T-{n}\n\n1. A\nbogus S-1\n",
     [("unused-series", (2, 8, 2, 16)), ("not-an-item", (5, 1, 5, 6))]),
    ("body: B\n\n1. A {annex B}\nbogus B\n", [("not-an-item", (4, 1, 4, 6))]),
    ("body: B\n\nbogus\n", [("not-an-item", (3, 1, 3, 6))]),
    ("body: B\nlangage: en, fr\n\n1. A\n   fr: Un\n", [("unknown-field", (2, 1, 2, 9))]),
    ("body: B\ncolour: red\n\n1. A\n   fr: Un\n", [("unknown-field", (2, 1, 2, 8)),
                                                   ("undeclared-translation", (5, 4, 5, 10))]),
    ("body: B\nnumbres: free\n\n1. A\n3. B\n", [("unknown-field", (2, 1, 2, 9))]),
    ("body: B\n\n1. A\n   @time 10:00-11:00\n   @duration 30 min\n   bogus\n2. B\n   @time 10:00-11:00\n"
     "   @duration 30 min\n",
     [("duration-mismatch", (5, 14, 5, 20)), ("not-an-item", (6, 4, 6, 9)), ("time-slot-overlap", (8, 10, 8, 21)),
      ("duration-mismatch", (9, 14, 9, 20))]),
    # A header line left out that may have been the field a finding rests on, or may not.
    ("body: B\ndate: 10 March 2026\ndatte: x\n\n1. A\n\nnext meetings:\n  - 1 March 2026\n",
     [("unknown-field", (3, 1, 3, 7))]),
    ("body: B\ndate: 10 March 2026\ncolour: x\n\n1. A\n\nnext meetings:\n  - 1 March 2026\n",
     [("unknown-field", (3, 1, 3, 8)), ("next-meeting-not-after", (8, 5, 8, 17))]),
    ("body: B\nseries T: T-{n}\nsiries: x\n\n1. A [T-x]\n", [("unknown-field", (3, 1, 3, 8))]),
    ("body: B\nseries T: T-{n}\ncolour: x\n\n1. A [T-x]\n",
     [("unknown-field", (3, 1, 3, 8)), ("docref-pattern", (5, 6, 5, 11))]),
    ("body: B\nlocal times: Asia/Tokyo\nlocal tims: x\n\n1. A\n", [("unknown-field", (3, 1, 3, 6))]),
    ("body: B\nlocal times: Asia/Tokyo\ncolour: x\n\n1. A\n",
     [("local-times-without-time", (2, 14, 2, 24)), ("unknown-field", (3, 1, 3, 8))]),
    ("body: B\ndate: 10 March 2026\ntime: 09:00-10:00\ncolour: x\n\n1. A\n   @time 11:00\n",
     [("unknown-field", (4, 1, 4, 8)), ("time-outside-sitting", (7, 10, 7, 15))]),
    # A line left out inside an item may be its translation; the next item's is still missing.
    ("body: B\nlanguage: en, fr\n\n1. A\n   fr: Un\n2. B\n   bogus\n3. C\n",
     [("not-an-item", (7, 4, 7, 9)), ("missing-translation", (8, 1, 8, 5))]),
    # Under '#.' parents, a line left out before a sibling may explain its number.
    ("body: B\n\n#. A\n   #. x\n   bogus\n   #. y\n   1.5 z\n", [("not-an-item", (5, 4, 5, 9))]),
], ids=["gap-where-it-stood", "gap-before-it", "gap-among-sub-items", "label-it-may-define", "other-label",
        "label-inside-a-word", "label-after-a-hyphen", "footnote-it-may-define", "other-footnote",
        "series-it-may-use", "other-series", "annex-it-may-define", "empty-agenda", "language-field",
        "other-field", "numbers-field", "neighbours-after-it", "date-field", "not-the-date-field", "series-field",
        "not-the-series-field", "local-times-field", "not-the-local-times-field", "not-the-time-field",
        "translation-inside", "auto-numbered-parents"])
def test_after_a_syntax_error_only_what_the_left_out_lines_cannot_explain_is_reported(source: str,
                                                                                      expected: list) -> None:
    _agenda, diagnostics = analyse(source)
    assert [(d.code, tuple(d.span)) for d in diagnostics] == expected


# ------------------------------------------------------------------ checks: labels, series, footnotes, annexes

REFERENCE_CODES = {"duplicate-label", "unknown-label", "invalid-series", "unused-series", "docref-pattern",
                   "unknown-footnote", "duplicate-footnote", "unused-footnote", "unknown-annex", "duplicate-annex"}

REFERENCE_CASES = [
    ("body: B\n\n1. A {#x}\n2. B {#x}\n3. C {#x}\n",
     [D("duplicate-label", "error",
        "the label {#x} is already used",
        (4, 6, 4, 10),
        "give each item a label of its own",
        ((3, 6, 3, 10), "first used here")),
      D("duplicate-label", "error",
        "the label {#x} is already used",
        (5, 6, 5, 10),
        "give each item a label of its own",
        ((3, 6, 3, 10), "first used here"))]),
    ("body: B\n\n1. A {#budget}\n2. See {budgte} and {zzz}\n",
     [D("unknown-label", "error",
        "no item is labelled {#budgte}",
        (4, 8, 4, 16),
        "did you mean {budget}? (write \\{ for a literal brace)"),
      D("unknown-label", "error",
        "no item is labelled {#zzz}",
        (4, 21, 4, 26),
        "label the item you mean with '{#zzz}' at the end of its line (write \\{ for a literal brace)")]),
    ("body: B\n\n1. See {zzz}\n",
     [D("unknown-label", "error",
        "no item is labelled {#zzz}",
        (3, 8, 3, 13),
        "label the item you mean with '{#zzz}' at the end of its line (write \\{ for a literal brace)")]),
    ("body: B\nseries T: T-{n}\nseries U: U-{n}\n\n1. A [T-1] [T-x]\n",
     [D("unused-series", "warning",
        "no document reference belongs to series U",
        (3, 8, 3, 16),
        "check the series' name against the references (they start with U), or remove the declaration"),
      D("docref-pattern", "error",
        "the reference T-x does not match its series' pattern T-{n}",
        (5, 12, 5, 17),
        "references of series T look like T-{n}",
        ((2, 8, 2, 16), "series declared here"))]),
    ("body: B\nseries T: T-{nope}\n\n1. A [T-1]\n",
     [D("invalid-series", "error",
        "series T: unknown placeholder {nope}; use {year}, {n}, {text}, {suffix}",
        (2, 8, 2, 19),
        "write the pattern with {year}, {n} and {text}, e.g. 'T-ES({year}){n}', and use only {ref} and "
        "the pattern's own placeholders in the URL")]),
    ("body: B\n\n1. A [^1] [^2]\n\n[^1]: One\n[^1]: Again\n[^3]: Three\n",
     [D("unknown-footnote", "error",
        "footnote [^2] has no text",
        (3, 11, 3, 15),
        "write its text on a line of its own at the end: '[^2]: ...'"),
      D("duplicate-footnote", "error",
        "footnote [^1] is written twice",
        (6, 1, 6, 12),
        "keep one of the two lines, or give the second another label",
        ((5, 1, 5, 10), "first written here")),
      D("unused-footnote", "warning",
        "no text refers to footnote [^3]",
        (7, 1, 7, 12),
        "mark where it belongs with [^3], or remove the footnote")]),
    ("body: B\n\n1. A {annex A} {annex C}\n\nannexes:\n  - A. One\n  - A. Two\n  - B. Three\n",
     [D("unknown-annex", "error",
        "no annex is labelled C",
        (3, 16, 3, 25),
        "the annexes listed under 'annexes:' are A, B; add annex C there, or correct the label"),
      D("duplicate-annex", "error",
        "two annexes are labelled A",
        (7, 3, 7, 11),
        "give each annex a label of its own",
        ((6, 3, 6, 11), "first here"))]),
    ("body: B\n\n1. A {annex C}\n",
     [D("unknown-annex", "error",
        "no annex is labelled C",
        (3, 6, 3, 15),
        "the annexes listed under 'annexes:' are none; add annex C there, or correct the label")]),
    # A label as alike as 60 gets a suggestion; one less alike does not.
    ("body: B\n\n1. A {#abcde}\n2. See {abcxy} and {abxyz}\n",
     [D("unknown-label", "error",
        "no item is labelled {#abcxy}",
        (4, 8, 4, 15),
        "did you mean {abcde}? (write \\{ for a literal brace)"),
      D("unknown-label", "error",
        "no item is labelled {#abxyz}",
        (4, 20, 4, 27),
        "label the item you mean with '{#abxyz}' at the end of its line (write \\{ for a literal brace)")]),
    # A third annex of one label is also related to the first.
    ("body: B\n\n1. A\n\nannexes:\n  - A. One\n  - A. Two\n  - A. Three\n",
     [D("duplicate-annex", "error",
        "two annexes are labelled A",
        (7, 3, 7, 11),
        "give each annex a label of its own",
        ((6, 3, 6, 11), "first here")),
      D("duplicate-annex", "error",
        "two annexes are labelled A",
        (8, 3, 8, 13),
        "give each annex a label of its own",
        ((6, 3, 6, 11), "first here"))]),
]


@pytest.mark.parametrize(("source", "expected"), REFERENCE_CASES)
def test_reference_checks_report_exactly(source: str, expected: list) -> None:
    _agenda, diagnostics = analyse(source)
    found = [(d.code, d.severity.value, d.message, tuple(d.span), d.hint,
              [(tuple(r.span), r.message) for r in d.related]) for d in diagnostics if d.code in REFERENCE_CODES]
    assert found == expected


# ------------------------------------------------------------------ checks: translations, structure

TRANSLATION_CODES = {"undeclared-translation", "missing-translation", "empty-agenda", "unknown-language",
                     "table-row-width"}


def findings_of(source: str, codes: set[str]) -> list[tuple]:
    _agenda, diagnostics = analyse(source)
    return [(d.code, d.severity.value, d.message, tuple(d.span), d.hint,
             [(tuple(r.span), r.message) for r in d.related]) for d in diagnostics if d.code in codes]


TRANSLATION_CASES = [
    ("body: B\n\n1. A\n   fr: Un\n",
     [D("undeclared-translation", "error",
        "a translation into 'fr', but the header does not say which languages the agenda is written in",
        (4, 4, 4, 10),
        "declare them in the header, its own language first: 'language: en, fr'")]),
    ("body: B\nlanguage: en\n\n1. A\n   en: One\n",
     [D("undeclared-translation", "error",
        "'en' is the agenda's own language: its text is already in it",
        (5, 4, 5, 11),
        "translate into another language, or remove the line")]),
    ("body: B\nlanguage: en, de\n\n1. A\n   fr: Un\n",
     [D("undeclared-translation", "error",
        "a translation into 'fr', which the header's languages (en, de) do not list",
        (5, 4, 5, 10),
        "add it: 'language: en, de, fr', or correct the language code")]),
    ("body: B\nlanguage: en, fr\nfr: Conseil\n\n1. A\n   fr: Un\n   > Note\n   fr: Note FR\n   - bullet\n"
     "     fr: puce\n     - sub\n       de: unter\n\n# H\n  de: H\n  > g\n  de: g\n\n> text\nit: testo\n\n"
     "annexes:\n  - A. Annex\n  es: anexo\n\n[^1]: Foot\nnl: voet\n",
     [D("undeclared-translation", "error",
        "a translation into 'de', which the header's languages (en, fr) do not list",
        (12, 8, 12, 17),
        "add it: 'language: en, fr, de', or correct the language code"),
      D("undeclared-translation", "error",
        "a translation into 'de', which the header's languages (en, fr) do not list",
        (15, 3, 15, 8),
        "add it: 'language: en, fr, de', or correct the language code"),
      D("undeclared-translation", "error",
        "a translation into 'de', which the header's languages (en, fr) do not list",
        (17, 3, 17, 8),
        "add it: 'language: en, fr, de', or correct the language code"),
      D("undeclared-translation", "error",
        "a translation into 'it', which the header's languages (en, fr) do not list",
        (20, 1, 20, 10),
        "add it: 'language: en, fr, it', or correct the language code"),
      D("undeclared-translation", "error",
        "a translation into 'es', which the header's languages (en, fr) do not list",
        (24, 3, 24, 12),
        "add it: 'language: en, fr, es', or correct the language code"),
      D("undeclared-translation", "error",
        "a translation into 'nl', which the header's languages (en, fr) do not list",
        (27, 1, 27, 9),
        "add it: 'language: en, fr, nl', or correct the language code")]),
    ("body: B\nlanguage: en, fr\n\n1. A\n   fr: Un\n2. B\n#. C\n* D\n   1.1 x\n       fr: x\n   1.2 y\n\n"
     "# H1\n  fr: H1\n\n# 10 March 2026\n\n## H2\n",
     [D("missing-translation", "warning",
        "item 2 has no translation into 'fr', though other items beside it have one",
        (6, 1, 6, 5),
        "add the line 'fr: ...' under it",
        ((5, 4, 5, 10), "a translation beside it")),
      D("missing-translation", "warning",
        "item 3 has no translation into 'fr', though other items beside it have one",
        (7, 1, 7, 5),
        "add the line 'fr: ...' under it",
        ((5, 4, 5, 10), "a translation beside it")),
      D("missing-translation", "warning",
        "this item has no translation into 'fr', though other items beside it have one",
        (8, 1, 8, 4),
        "add the line 'fr: ...' under it",
        ((5, 4, 5, 10), "a translation beside it")),
      D("missing-translation", "warning",
        "item 1.2 has no translation into 'fr', though other items beside it have one",
        (11, 4, 11, 9),
        "add the line 'fr: ...' under it",
        ((10, 8, 10, 13), "a translation beside it"))]),
    ("body: B\nde: Rat\nlanguage: en\n\n1. A\n",
     [D("undeclared-translation", "error",
        "a translation into 'de', which the header's languages (en) do not list",
        (2, 1, 2, 8),
        "add it: 'language: en, de', or correct the language code")]),
    ("body: B\nlanguage: en, fr\n\n# H1\n  fr: H1\n\n1. A\n\n# H3\n\n2. B\n",
     [D("missing-translation", "warning",
        "this heading has no translation into 'fr', though other headings beside it have one",
        (9, 1, 9, 5),
        "add the line 'fr: ...' under it",
        ((5, 3, 5, 9), "a translation beside it"))]),
]

STRUCTURE_CASES = [
    ("body: B\n",
     [D("empty-agenda", "error",
        "the agenda has no items",
        (1, 1, 1, 2),
        "add at least one item, such as '1. Opening of the meeting'")]),
    ("body: B\n\n> only text\n",
     [D("empty-agenda", "error",
        "the agenda has no items",
        (1, 1, 1, 2),
        "add at least one item, such as '1. Opening of the meeting'")]),
    ("body: B\nlanguage: xx, en\n\n1. A\n",
     [D("unknown-language", "warning",
        "there is no wording for the language 'xx'; rendered agendas will use English",
        (2, 11, 2, 13),
        "use one of de, en, fr, it, ru, or add templates/i18n/xx.toml")]),
    ("body: B\nlanguage: en, xx\n\n1. A\n   xx: Un\n",
     []),
    ("body: B\n\n1. A\n\ntable:\n  K | V\n  a\n  a | b | c\n  a | b\n  | a | b | c | d |\n",
     [D("table-row-width", "warning",
        "this row has 1 cell, the header row 2",
        (7, 3, 7, 4),
        "separate the cells with '|' (write '\\|' for a '|' in a cell), or leave a cell empty between two '|'",
        ((6, 3, 6, 5), "the header row")),
      D("table-row-width", "warning",
        "this row has 3 cells, the header row 2",
        (8, 3, 8, 12),
        "separate the cells with '|' (write '\\|' for a '|' in a cell), or leave a cell empty between two '|'",
        ((6, 3, 6, 5), "the header row")),
      D("table-row-width", "warning",
        "this row has 4 cells, the header row 2",
        (10, 4, 10, 19),
        "separate the cells with '|' (write '\\|' for a '|' in a cell), or leave a cell empty between two '|'",
        ((6, 3, 6, 5), "the header row"))]),
    ("body: B\nlanguage: Xy-GB\n\n1. A\n",
     [D("unknown-language", "warning",
        "there is no wording for the language 'Xy-GB'; rendered agendas will use English",
        (2, 11, 2, 16),
        "use one of de, en, fr, it, ru, or add templates/i18n/xy-gb.toml")]),
    ("body: B\nlanguage: EN-GB\n\n1. A\n",
     []),
]


@pytest.mark.parametrize(("source", "expected"), TRANSLATION_CASES + STRUCTURE_CASES)
def test_translation_and_structure_checks_report_exactly(source: str, expected: list) -> None:
    assert findings_of(source, TRANSLATION_CODES) == expected


def test_every_kind_of_text_is_checked_where_it_is_written() -> None:
    """Headings, their translations and notes; an item's translation, notes, bullets and their
    translations and sub-bullets; text blocks; annexes and their translations; a next meeting's
    remark; table cells; footnotes and their translations."""
    source = ("body: B\nlanguage: en, fr\n\n# H\x01\n  fr: H\x01\n  > g\x01\n\n1. A\n   fr: A\x01\n   > n\x01\n"
              "   - b\x01\n     fr: b\x01\n     - s\x01\n\n> t\x01\n\nannexes:\n  - A. X\x01\n  fr: X\x01\n\n"
              "next meetings:\n  - 1 May 2027; r\x01\n\ntable:\n  K\x01 | V\n\n[^1]: F\x01\nfr: F\x01\n")
    _agenda, diagnostics = analyse(source)
    assert [tuple(d.span)[:2] for d in diagnostics if d.code == "control-character"] == [
        (4, 4), (5, 8), (6, 6), (9, 9), (10, 7), (11, 7), (12, 11), (13, 9), (15, 4), (18, 9), (19, 8), (22, 18),
        (25, 4), (27, 8), (28, 6)]


# ------------------------------------------------------------------ highlights: what an editor colours


def test_highlights_give_each_piece_once_in_source_order() -> None:
    from agendadsl.checks.highlights import highlights

    text = "date: 10 March 2026\n\n1. A {#a}\n   @time 09:00-10:00\n   @docs [T-1] of 2 March 2026\n   > See {a}.\n"
    assert [(tuple(span), kind.value) for span, kind in highlights(text)] == [
        ((1, 1, 1, 5), "field"), ((1, 7, 1, 20), "date"), ((3, 1, 3, 3), "number"), ((3, 6, 3, 10), "label"),
        ((4, 4, 4, 9), "attribute"), ((4, 10, 4, 21), "time"), ((5, 4, 5, 9), "attribute"),
        ((5, 10, 5, 15), "docref"), ((5, 19, 5, 31), "date"), ((6, 4, 6, 5), "marker"), ((6, 10, 6, 13), "xref")]
    # Two pieces side by side are both kept.
    assert [(tuple(span), kind.value) for span, kind in highlights("1. A {#a}\n   > See [T-1]{a}.\n")] == [
        ((1, 1, 1, 3), "number"), ((1, 6, 1, 10), "label"), ((2, 4, 2, 5), "marker"), ((2, 10, 2, 15), "docref"),
        ((2, 15, 2, 18), "xref")]
    # A text that does not parse: the tokens up to the first bad line, no free-text pieces.
    assert [(tuple(span), kind.value) for span, kind in highlights("1. A {#a}\n  bad {\n")] == [
        ((1, 1, 1, 3), "number")]


def test_a_headings_title_is_compared_as_written_and_its_notes_as_text() -> None:
    old = "body: B\n\n# See [T-1]\n  > old note\n\n1. A\n"
    new = "body: B\n\n# See [T-2]\n  > new note\n\n1. A\n"
    assert raw_changes(old, new) == [
        Change("heading", "See T-2", fields=(FieldChange("title", "See [T-1]", "See [T-2]"),), old_line=3, new_line=3),
        Change("text", "> new note", fields=(FieldChange("text", "> old note", "> new note"),), old_line=4,
               new_line=4),
    ]


# ------------------------------------------------------------------ the diff as printed and as JSON


def test_the_diff_as_printed_shows_every_change_with_its_fields_and_a_count() -> None:
    import json

    from agendadsl.cli.diff_report import format_text, to_json
    from agendadsl.render.localise import locale

    head = "body: Board\nlanguage: en, fr\n\n"
    old = (head + "1. Opening\n2. Budget and accounts\n   @time 10:00\n   > The draft budget for 2027.\n"
           "3. Reports of the committees\n4. Elections\n5. Any other business\n   fr: Divers\n\n> Welcome.\n\n"
           "next meetings:\n  - 7 December 2026, Paris\n")
    new = (head.replace("Board", "Board of trustees") + "1. Opening\n2. Budget\n   @time 10:30\n"
           "   > The revised draft budget for 2027.\n3. Accounts 2026\n4. Reports of the standing committees\n"
           "5. Any other business\n   fr: Divers et varia\n   @status withdrawn\n\n> Welcome all.\n\n"
           "next meetings:\n  - 7 December 2026, Lyon\n  - 1 March 2027\n")
    found = diff(parse(old).agenda, parse(new).agenda)
    assert format_text(found, "old.agenda", "new.agenda", locale("en")) == """\
--- old.agenda
+++ new.agenda
split                 2. → 2.\u20133.  Budget and accounts
                                  time: 10:00 → 10:30
                                  notes
                                    - > The draft budget for 2027.
                                    + > The revised draft budget for 2027.
                                  into 2. Budget; 3. Accounts 2026
renumbered            3. → 4.     after the split of 2.
retitled              3. → 4.     Reports of the standing committees
                                  was: Reports of the committees
deleted               4.          Elections
withdrawn             5.          Any other business
                                  fr: Divers → Divers et varia
                                  status: (none) → withdrawn
header                            body
                                  body: Board → Board of trustees
text changed                      > Welcome all.
                                  text: > Welcome. → > Welcome all.
next meeting changed              7 December 2026, Lyon
                                  meeting: 7 December 2026, Paris → 7 December 2026, Lyon
next meeting added                1 March 2027
1 split, 1 renumbered, 1 retitled, 1 deleted, 1 withdrawn, 1 header, 1 text changed, 1 next meeting changed, \
1 next meeting added
"""
    assert format_text([], "old.agenda", "new.agenda", locale("en")) == "no changes between old.agenda and new.agenda\n"
    assert json.loads(to_json(found[1:2], "old.agenda", "new.agenda")) == {
        "version": 2, "old": "old.agenda", "new": "new.agenda", "changes": [{
            "kind": "renumbered", "title": "Reports of the standing committees", "old_number": "3.",
            "new_number": "4.", "last_old_number": "3.", "last_new_number": "4.", "items": 1, "fields": [],
            "parts": [], "after": [{"kind": "split", "number": "2.", "title": "Budget and accounts", "line": 5}],
            "old_line": 8, "new_line": 9}]}


@pytest.mark.parametrize(("source", "expected"), [
    ("// a\n// b\nbody: B\n// c\ndate: 1 May 2026\n// d\n// e\n// f\n\n1. A\n   > n\n2. B\n",
     [(1, 2), (3, 5), (6, 8), (10, 11)]),
    ("1. A\n", []),
    ("body: B\n\n1. A\n", []),
], ids=["comment-runs", "one-line", "one-line-header"])
def test_folds_of_comment_runs_the_header_and_items(source: str, expected: list) -> None:
    assert AgendaIndex(parse(source).agenda).folds() == expected


@pytest.mark.parametrize(("key", "keys", "expected"), [
    # Words: "budget" is all of one title's words (100, weighed 0.95).
    ("budget", ["budget 2027 and accounts"], {0: 95.0}),
    # A stretch: "abcdef" is inside the longer title (100, weighed 0.9); its words are not.
    ("abcdef", ["zzabcdefzz yyyy"], {0: 90.0}),
    # Characters: 7 of 8 alike (87.5); titles of one length are not searched for a stretch.
    ("abcdefgh", ["abcdefgx"], {0: 87.5}),
    # A title of two letters is compared by characters only: 2 x 2 of 7 letters.
    ("ab", ["ab xy"], {0: pytest.approx(400 / 7)}),
    ("abcdefgh", ["zzzzzzzz"], {}),
    ("budget", ["x", "budget 2027 and accounts", "budget"], {2: 100.0, 1: 95.0}),
], ids=["words", "stretch", "characters", "short-title", "nothing-alike", "several"])
def test_how_alike_two_titles_are_scored(key: str, keys: list[str], expected: dict) -> None:
    assert alignment._scores(key, keys) == expected


# ------------------------------------------------------------------ the table of checks


def test_every_code_a_check_can_report_in_table_order() -> None:
    import agendadsl.checks  # noqa: F401 - registers the checks
    from agendadsl.checks.registry import all_codes

    assert all_codes() == [
        "impossible-date", "incomplete-date", "weekday-mismatch", "date-range-reversed", "next-meeting-not-after",
        "next-meetings-order", "past-meeting-not-before", "past-meetings-order", "local-times-without-time",
        "time-slot-reversed", "time-slot-overlap", "time-slot-order", "time-outside-sitting", "duration-mismatch",
        "numbering-gap", "numbering-duplicate", "numbering-order", "numbering-prefix", "numbering-depth",
        "numbering-scheme", "numbering-roman", "numbering-mismatch", "numbering-insertion", "numbering-format",
        "numbering-overflow", "invalid-numbering", "number-too-long", "duplicate-label", "unknown-label",
        "invalid-series", "unused-series", "docref-pattern", "unknown-footnote", "duplicate-footnote",
        "unused-footnote", "unknown-annex", "duplicate-annex", "empty-agenda", "unknown-language", "table-row-width",
        "control-character", "bidi-control", "text-too-long", "empty-title", "undeclared-translation",
        "missing-translation"]


def test_a_next_meeting_is_matched_by_its_date_before_its_month_and_unchanged_says_nothing() -> None:
    old = "body: B\n\n1. A\n\nnext meetings:\n  - 3 December 2026, Alpha\n  - 17 December 2026, Beta\n"
    new = "body: B\n\n1. A\n\nnext meetings:\n  - 17 December 2026, Beta\n  - 20 December 2026, Gamma\n"
    assert raw_changes(old, new) == [
        Change("next-meeting", "20 December 2026, Gamma",
               fields=(FieldChange("meeting", "3 December 2026, Alpha", "20 December 2026, Gamma"),), old_line=6,
               new_line=7)]
