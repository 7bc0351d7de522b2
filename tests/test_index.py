"""The index an editor asks about an agenda (agendadsl/checks/index.py), called in-process: the
outline, the folding ranges and the places a rename rewrites. tests/test_lsp.py drives the same
through a real client, in a subprocess that mutation testing cannot see into."""

from __future__ import annotations

from agendadsl import parse
from agendadsl.checks.index import AgendaIndex, SymbolKind
from agendadsl.language.span import Span

AGENDA = """\
date: 2 April 2026
time: 15:00-16:30 UTC

# Morning
  @time 09:00-12:00

1. Opening {#open}
   - first point

2. Reports
   2.1 Treasurer, see {open}
   2.2 Secretary, see {missing}

// a comment
// and another

next meetings:
  - 7-11 December 2026 (tbc), Strasbourg
  - 15 March 2027

participants:
  - Ms Jane Doe, Chair, Ireland (voting)
"""


def index() -> AgendaIndex:
    result = parse(AGENDA)
    assert result.agenda is not None and not result.diagnostics
    return AgendaIndex(result.agenda)


def outline_rows(symbols, depth=0):
    """Each symbol as (depth, name, kind, first line, last line, heading line, detail)."""
    for s in symbols:
        yield depth, s.name, s.kind, s.span.line, s.span.end_line, s.selection.line, s.detail
        yield from outline_rows(s.children, depth + 1)


def test_the_outline_nests_headings_items_meetings_and_blocks_with_their_lines() -> None:
    assert list(outline_rows(index().outline())) == [
        (0, "Morning", SymbolKind.GROUP, 4, 12, 4, None),
        (1, "1. Opening", SymbolKind.ITEM, 7, 8, 7, None),
        (1, "2. Reports", SymbolKind.ITEM, 10, 12, 10, None),
        (2, "2.1 Treasurer, see {open}", SymbolKind.ITEM, 11, 11, 11, None),
        (2, "2.2 Secretary, see {missing}", SymbolKind.ITEM, 12, 12, 12, None),
        (0, "next meetings", SymbolKind.MEETINGS, 17, 19, 17, None),
        (1, "7-11 December 2026", SymbolKind.MEETING, 18, 18, 18, "Strasbourg"),
        (1, "15 March 2027", SymbolKind.MEETING, 19, 19, 19, None),
        (0, "participants", SymbolKind.BLOCK, 21, 22, 21, None),
    ]


def test_a_heading_extends_to_the_end_of_its_last_items_last_line() -> None:
    # "   2.2 Secretary, see {missing}" is 31 characters: the heading ends after the 31st.
    assert index().outline()[0].span == Span(4, 1, 12, 32)


def test_folds_cover_the_header_each_block_over_several_lines_and_each_run_of_comments() -> None:
    assert index().folds() == [(1, 2), (4, 12), (7, 8), (10, 12), (14, 15), (17, 19), (21, 22)]


def test_a_rename_rewrites_the_definition_and_every_reference() -> None:
    assert index().name_spans("open") == [Span(7, 14, 7, 18), Span(11, 24, 11, 28)]


def test_a_label_never_defined_is_renamed_where_it_is_referred_to() -> None:
    assert index().name_spans("missing") == [Span(12, 24, 12, 31)]
