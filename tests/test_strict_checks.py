"""Which findings of the checks still hold after a syntax error (checks/partial.py), case by case.

After a bad line is left out, a finding that the left-out line may have caused is not reported,
and every other finding is. Each case below is one left-out line and one finding, once where the
line may explain it (the finding goes) and once where it cannot (the finding stays), with the
complete list of (line, code) the user sees, written by hand."""

from __future__ import annotations

import pytest

from agendadsl import analyse, parse
from agendadsl.checks.index import AgendaIndex, Symbol, body_start
from agendadsl.language.span import Span


def found(text: str) -> list[tuple[int, str]]:
    return [(d.span.line, d.code) for d in analyse(text)[1]]


CASES = {
    # Nothing is left but the bad line: an agenda with no item says nothing new.
    "only item left out: no empty-agenda": (
        "1.Opening\n", [(1, "missing-space")]),
    # A name used in the rest and defined (or used) on the left-out line.
    "label defined on the left-out line": (
        "1. Opening {adopt}\n2.Adoption {#adopt}\n", [(2, "missing-space")]),
    "label name only inside another word of the left-out line": (
        "1. Opening {adopt}\n2.Adoption {#xadopt}\n", [(1, "unknown-label"), (2, "missing-space")]),
    "label name after a hyphen on the left-out line": (
        "1. Opening {adopt}\n2.Adoption {#pre-adopt}\n", [(1, "unknown-label"), (2, "missing-space")]),
    "footnote marker on the left-out line": (
        "1. Opening[^1]\n2.Close[^1]\n", [(2, "missing-space")]),
    "another footnote on the left-out line": (
        "1. Opening[^1]\n2.Close\n\n[^2]: x\n", [(1, "unknown-footnote"), (2, "missing-space")]),
    "annex named on the left-out line": (
        "1. See {annex B}\n2.Close B\n\nannexes:\n  - A. Report\n", [(2, "missing-space")]),
    "annex label only inside a word of the left-out line": (
        "1. See {annex B}\n2.Close AB\n\nannexes:\n  - A. Report\n",
        [(1, "unknown-annex"), (2, "missing-space")]),
    "series used on the left-out line": (
        "series gh: gh-{n} https://github.com/x/y/issues/{n}\n\n1. Opening\n2.Close [gh-12]\n",
        [(4, "missing-space")]),
    "series name only inside another reference on the left-out line": (
        "series gh: gh-{n} https://github.com/x/y/issues/{n}\n\n1. Opening\n2.Close [xgh-12]\n",
        [(1, "unused-series"), (4, "missing-space")]),
    # A finding that rests on a header field, and a left-out header line that may have been it.
    "a left-out header line spelt like 'language'": (
        "langauge x: en\n\n1. Opening\n   fr: Ouverture\n", [(1, "unknown-field")]),
    "a left-out header line that cannot be 'language'": (
        "venue x: en\n\n1. Opening\n   fr: Ouverture\n", [(1, "unknown-field"), (4, "undeclared-translation")]),
    # Findings that compare an item with its siblings.
    "a sibling before the gap left out": (
        "1. A\n2.Opening\n4. C\n", [(2, "missing-space")]),
    "only the next sibling left out": (
        "1. A\n3. B\n4.Close\n", [(2, "numbering-gap"), (3, "missing-space")]),
    "a line under the item left out": (
        "1. Reports\n   1.1 First\n   1.3 Third\n      1.3.1Bad\n2. Close\n", [(4, "missing-space")]),
    # A line left out under an earlier sibling, deeper than the item: not one of its siblings.
    "a line under an earlier sibling, deeper than the item": (
        "1. Reports\n   1.1 First\n      1.1.1Bad\n   1.3 Third\n2. Close\n",
        [(3, "missing-space"), (4, "numbering-gap")]),
    "a line under another parent": (
        "1. Reports\n   1.1Bad\n2. Close\n   2.1 First\n   2.3 Third\n",
        [(2, "missing-space"), (5, "numbering-gap")]),
    # An example of '@numbering' that cannot be read, under an item '#.' numbers: its number, the
    # start of its children's, counts the items before it, one of which was left out.
    "a sibling of a '#.' parent left out": (
        "#. First\n#.Bad\n#. Third\n   @numbering 1a\n   #. Sub\n", [(2, "not-an-item")]),
    "a sibling of a parent numbered as written left out": (
        "1. First\n2.Opening\n3. Third\n   @numbering 1a\n   #. Sub\n",
        [(2, "missing-space"), (4, "invalid-numbering")]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_finding_is_kept_unless_the_left_out_line_may_explain_it(name: str) -> None:
    text, expected = CASES[name]
    assert found(text) == expected


def test_the_left_out_lines_are_the_bad_ones() -> None:
    """The cases above rest on which lines the parse leaves out: each bad line, with its block."""
    assert parse("1. Opening[^1]\n2.Close[^1]\n").skipped == frozenset({2})
    assert parse("langauge x: en\n\n1. Opening\n   fr: Ouverture\n").skipped == frozenset({1})
    assert parse("1. Reports\n   1.1Bad\n2. Close\n   2.1 First\n   2.3 Third\n").skipped == frozenset({2})


# The editor index (checks/index.py): the outline, folds, dates and times, and what is under the
# cursor, for an agenda with every kind of entry the outline names.

INDEXED = """\
date: 2 April 2026
issued: 20 March 2026, 10:00
time: 15:00 UTC
series gh: gh-{n} https://github.com/x/y/issues/{n}

# Morning, 3 April 2026
  @time 09:00-12:00

1. Opening {#open}
   @time 09:00

## 10.30-11.00 Coffee break

#

2.
   2.1 See {open} and [gh-12]
       @docs [T-ES(2020)23] of 5 May 2020, [gh-3]

next meetings:
  - 7-11 December 2026, Strasbourg

past meetings:
  - 15 March 2025

annexes:
  - A. Report

table:
  Term | Meaning
  a | b
"""


def indexed() -> AgendaIndex:
    result = parse(INDEXED)
    assert result.agenda is not None and result.diagnostics == ()
    return AgendaIndex(result.agenda)


def rows(symbols: tuple[Symbol, ...] | list[Symbol], depth: int = 0) -> list[tuple]:
    out: list[tuple] = []
    for s in symbols:
        out.append((depth, s.name, s.kind.value, tuple(s.span), tuple(s.selection), s.detail))
        out.extend(rows(s.children, depth + 1))
    return out


def test_the_outline_names_every_kind_of_entry_with_its_extent_and_heading_line() -> None:
    assert rows(indexed().symbols) == [
        (0, "Morning, 3 April 2026", "group", (6, 1, 12, 28), (6, 1, 6, 24), None),
        (1, "1. Opening", "item", (9, 1, 10, 15), (9, 1, 9, 19), None),
        (1, "10.30-11.00 Coffee break", "group", (12, 1, 12, 28), (12, 1, 12, 28), "break"),
        (0, "#", "group", (14, 1, 18, 50), (14, 1, 14, 2), None),  # a heading with no title
        (1, "2.", "item", (16, 1, 18, 50), (16, 1, 16, 3), None),  # an item with no title: its number
        (2, "2.1 See {open} and gh-12", "item", (17, 4, 18, 50), (17, 4, 17, 30), None),
        (0, "next meetings", "meetings", (20, 1, 21, 35), (20, 1, 20, 14), None),
        (1, "7-11 December 2026", "meeting", (21, 3, 21, 35), (21, 5, 21, 23), "Strasbourg"),
        (0, "past meetings", "meetings", (23, 1, 24, 18), (23, 1, 23, 14), None),
        (1, "15 March 2025", "meeting", (24, 3, 24, 18), (24, 5, 24, 18), None),
        (0, "annexes", "block", (26, 1, 27, 14), (26, 1, 26, 8), None),
        (0, "table", "block", (29, 1, 31, 8), (29, 1, 29, 6), None),
    ]


def test_an_item_with_neither_number_nor_title_is_named_untitled() -> None:
    result = parse("*\n")
    assert result.agenda is not None
    assert [s.name for s in AgendaIndex(result.agenda).outline()] == ["(untitled item)"]


def test_folds_dates_and_times_cover_the_header_headings_meetings_and_documents() -> None:
    index = indexed()
    assert index.folds() == [(1, 4), (6, 12), (9, 10), (14, 18), (16, 18), (17, 18), (20, 21), (23, 24),
                             (26, 27), (29, 31)]
    assert [(d.text, tuple(d.span)) for d in index.dates()] == [
        ("2 April 2026", (1, 7, 1, 19)), ("20 March 2026", (2, 9, 2, 22)), ("3 April 2026", (6, 12, 6, 24)),
        ("7-11 December 2026", (21, 5, 21, 23)), ("15 March 2025", (24, 5, 24, 18)),
        ("5 May 2020", (18, 32, 18, 42))]
    assert [t.text for t in index.times()] == ["15:00 UTC", "10:00", "09:00-12:00", "10.30-11.00", "09:00"]
    assert body_start(index.agenda) == 6


@pytest.mark.parametrize(("line", "column", "expected"), [
    (9, 11, None),                                      # the space before "{#open}"
    (9, 12, ("open", Span(9, 14, 9, 18))),              # on its brace
    (9, 19, ("open", Span(9, 14, 9, 18))),              # right after it: the cursor at its end
    (9, 20, None),
    (17, 11, None),
    (17, 12, ("open", Span(17, 13, 17, 17))),           # the reference "{open}"
    (17, 18, ("open", Span(17, 13, 17, 17))),
    (17, 19, None),
    (16, 12, None),                                     # another line
])
def test_the_label_under_the_cursor_and_where_its_name_is_written(
        line: int, column: int, expected: tuple[str, Span] | None) -> None:
    assert indexed().label_at(line, column) == expected


def test_labels_numbers_and_links_of_the_index() -> None:
    index = indexed()
    opening = index.item_labelled("open")
    assert opening is not None and opening.title.plain.strip() == "Opening"
    assert index.item_labelled("close") is None
    assert index.number_of(opening) == "1."
    assert index.references_to("open") == [Span(17, 12, 17, 18)]
    assert index.name_spans("open") == [Span(9, 14, 9, 18), Span(17, 13, 17, 17)]
    assert [ref.text for ref in index.docrefs] == ["gh-12", "T-ES(2020)23", "gh-3"]
    series, url = index.link(index.docrefs[0])
    assert series is not None and series.name == "gh" and url == "https://github.com/x/y/issues/12"
    assert index.link(index.docrefs[1]) == (None, None)
