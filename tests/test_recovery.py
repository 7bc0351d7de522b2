"""Every error in one pass (issue 13): the parse goes on after a bad line, reports each syntax error
once, and the checks report what they still find in the rest, with no noise from the lines left out."""

from __future__ import annotations

from collections import Counter

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import agendas

from agendadsl import analyse, parse
from agendadsl.language.parser import PARSE_CODES
from agendadsl.language.recovery import MAX_ERRORS

SLOW = list(settings.default.suppress_health_check)


def found(text: str) -> list[tuple[int, str]]:
    _, diagnostics = analyse(text)
    return [(d.span.line, d.code) for d in diagnostics]


def test_every_syntax_error_and_every_check_in_one_run() -> None:
    text = ("body: Board\n"
            "date: Monday 12 May 2026\n"         # 2: weekday-mismatch (a Tuesday)
            "venue: Paris\n"                     # 3: unknown-field
            "\n"
            "1. Opening {#open}\n"
            "2.Adoption of the agenda\n"         # 6: missing-space
            "3. Minutes\n"
            "   @tim 10:00\n"                    # 8: unknown-attribute
            "4. Reports {nowhere}\n"             # 9: unknown-label
            "   4.1 First\n"
            "   4.3 Third\n"                     # 11: numbering-gap
            "5. Close\n"
            "   @duration ten minutes\n"         # 13: time-syntax
            "\n"
            "next meetings:\n"
            "12 June 2026\n"                     # 16: missing-indent, once for the block
            "13 July 2026\n")
    assert found(text) == [(2, "weekday-mismatch"), (3, "unknown-field"), (6, "missing-space"),
                           (8, "unknown-attribute"), (9, "unknown-label"), (11, "numbering-gap"),
                           (13, "time-syntax"), (16, "missing-indent")]


def test_a_bad_item_takes_its_block_along_and_leaves_no_noise() -> None:
    # Item 2 cannot be read. Without it, item 3 would skip 2, {adopt} would name no item, the bullet
    # and the translation under it would land under item 1, and the note would be misplaced.
    text = ("language: en, fr\n\n"
            "1. Opening\n"
            "   fr: Ouverture\n"
            "2.Adoption of the agenda {#adopt}\n"
            "   fr: Adoption de l'ordre du jour\n"
            "   - with the changes\n"
            "     fr: avec les modifications\n"
            "3. Minutes, see {adopt}\n"
            "   fr: Procès-verbal, voir {adopt}\n")
    assert found(text) == [(5, "missing-space")]
    assert parse(text).skipped == frozenset({5, 6, 7, 8})


def test_the_checks_still_find_what_the_left_out_line_cannot_explain() -> None:
    text = ("1. Opening\n"
            "2.Adoption\n"              # left out
            "3. Minutes\n"              # its level's numbering is not judged: item 2 is not there
            "5. Reports {nowhere}\n"    # no item is labelled 'nowhere': reported
            "   5.1 First\n"
            "   5.3 Third\n"            # skips 5.2, on a level with nothing left out: reported
            "6. Close\n")
    assert found(text) == [(2, "missing-space"), (4, "unknown-label"), (6, "numbering-gap")]


def test_a_line_left_out_under_an_item_silences_what_compares_it_with_its_siblings() -> None:
    # A line left out in an item's block may be what a finding about the item rests on: not judged.
    text = ("1. Reports\n"
            "   1.1 First\n"
            "   1.3 Third\n"          # would skip 1.2
            "      1.3.1Bad\n"        # left out, under it
            "2. Close\n")
    assert found(text) == [(4, "missing-space")]


def test_a_header_line_left_out_silences_what_rests_on_the_header() -> None:
    # 'numbering:' cannot be read, so the items' letters cannot be judged; 'venue' and its
    # translation go together.
    text = "numbering: A!\nvenue: Paris\nfr: Paris\n\nA. Opening\nB. Close\n"
    assert [code for _, code in found(text)] in (["invalid-value", "unknown-field"], ["syntax-error", "unknown-field"])


def test_a_block_without_indentation_is_one_error_and_invents_no_items() -> None:
    result = parse("1. Opening\n\nnext meetings:\n12 June 2026\n13 July 2026\n\n2. Close\n")
    assert [(d.span.line, d.code) for d in result.diagnostics] == [(4, "missing-indent")]
    assert result.agenda is None and result.recovered is not None
    assert [item.number.value for item in result.recovered.items if item.number] == ["1.", "2."]


def test_the_outline_of_what_parses_is_kept_for_editors() -> None:
    result = parse("1. Opening\n2.Broken\n3. Close\n")
    assert result.agenda is None  # output needs the whole text
    assert result.recovered is not None
    assert [item.title.parts[0].value for item in result.recovered.items] == ["Opening", "Close"]


def test_errors_stop_at_the_limit_and_say_so() -> None:
    text = "1. A\n" + "".join(f"%{n} is not a line\n" for n in range(MAX_ERRORS + 10))
    codes = Counter(code for _, code in found(text))
    assert codes == {"not-an-item": MAX_ERRORS, "too-many-errors": 1}


def test_a_large_file_of_errors_stops_early() -> None:
    # A 600 KB file that is not an agenda: a few errors, not a long wait for fifty.
    text = "".join(f"%{n:06} {'x' * 90}\n" for n in range(6000))
    diagnostics = parse(text).diagnostics
    assert [d.code for d in diagnostics][-1] == "too-many-errors"
    assert len(diagnostics) <= 5


@st.composite
def damaged(draw):
    """A generated agenda (it checks with no error) and the number of one line of it, made bad the
    way a slip of the keyboard does: its words are all there, after a '%'."""
    generated = draw(agendas(comments=False))
    lines = generated.text.split("\n")
    candidates = [n for n, line in enumerate(lines, 1) if line.strip()]
    number = draw(st.sampled_from(candidates))
    line = lines[number - 1]
    lines[number - 1] = line[: len(line) - len(line.lstrip(" \t"))] + "%" + line.lstrip(" \t")
    return generated.text, "\n".join(lines), number


@settings(max_examples=40, suppress_health_check=SLOW)
@given(damaged())
def test_one_bad_line_gives_one_error_and_nothing_else_new(case: tuple[str, str, int]) -> None:
    original, text, number = case
    before = analyse(original)[1]
    after = analyse(text)[1]
    syntax = [d for d in after if d.code in PARSE_CODES and d.is_error]
    assume(syntax)  # the line was the text of a block, where anything goes
    assert [d.span.line for d in syntax] == [number]
    old = Counter((d.code, d.span.line) for d in before)
    new = Counter((d.code, d.span.line) for d in after if d.code not in PARSE_CODES)
    assert not new - old, "a check reports what the left-out line caused"
    result = parse(text)
    if result.recovered is not None:  # recovery never invents items
        kept = Counter(item.span.line for item in _all_items(result.recovered.items))
        assert not kept - Counter(item.span.line for item in _all_items(parse(original).agenda.items))


def _all_items(items):
    for item in items:
        yield item
        yield from _all_items(item.children)
