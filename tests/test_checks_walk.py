"""The checks read an agenda walked once (checks/context.py: the entries of each kind, every text,
every translation), not once per check (issue 14: a flat list of 200,000 items). What each check
looks at must still be everything: every block of a kind, every text, every translation."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from strategies import Generated, agendas

from agendadsl import analyse, parse
from agendadsl.checks import CheckContext
from agendadsl.language.nodes import AnnexRef, DocRef, FootnoteRef, Link, XRef, walk


def codes(source: str) -> list[tuple[str, int]]:
    """Each diagnostic's code and line."""
    return [(d.code, d.span.line) for d in analyse(source)[1]]


def test_every_table_is_checked_not_only_the_first() -> None:
    source = ("date: 5 May 2026\n\ntable:\n  A | B\n  1 | 2\n\n1. Opening\n\n"
              "table:\n  A | B\n  1 | 2 | 3\n\n2. Close\n\n# Part\ntable:\n  C | D\n  4\n")
    assert codes(source) == [("table-row-width", 11), ("table-row-width", 18)]


def test_every_annexes_block_counts() -> None:
    source = ("date: 5 May 2026\n\n1. See {annex A} and {annex B}\n\nannexes:\n  - A. Report\n\n"
              "2. Close\n\nannexes:\n  - B. Budget\n  - A. Draft\n")
    assert codes(source) == [("duplicate-annex", 12)]


def test_next_and_past_meetings_are_told_apart() -> None:
    source = ("date: 5 May 2026\n\n1. Opening\n\nnext meetings:\n  - 1 March 2026, Paris\n\n"
              "past meetings:\n  - 1 June 2026, Rome\n")
    assert codes(source) == [("next-meeting-not-after", 6), ("past-meeting-not-before", 9)]


def test_a_text_with_a_control_and_a_bidi_character_reports_both() -> None:
    source = "date: 5 May 2026\n\n1. Bell \x07 and override \u202e here\n"
    assert codes(source) == [("control-character", 3), ("bidi-control", 3)]


def test_translations_and_texts_under_items_notes_are_read() -> None:
    source = ("language: en, fr\ndate: 5 May 2026\n\n1. Opening\n   > A note, see {nowhere}\n"
              "   de: Eine Notiz\n   - A bullet\n     it: Un punto\n")
    assert codes(source) == [("unknown-label", 5), ("undeclared-translation", 6), ("undeclared-translation", 8)]


def test_two_sub_items_out_of_time_order_are_found() -> None:
    # Siblings of one item are compared too; only a lone sub-item has nothing to be out of order with.
    source = ("date: 5 May 2026\n\n1. Sitting\n   1.1 Late\n       @time 11:00-12:00\n"
              "   1.2 Early\n       @time 09:00-10:00\n2. Alone\n   2.1 Only\n       @time 09:00-10:00\n")
    assert codes(source) == [("time-slot-order", 7)]


def test_sub_items_are_held_to_their_sittings_time() -> None:
    source = ("date: 5 May 2026\n\n# Morning, 09:00-12:00\n1. Opening\n   @time 09:00-09:30\n"
              "   1.1 Late detail\n       @time 12:30-13:00\n       1.1.1 Later still\n           @time 13:00-13:30\n")
    assert codes(source) == [("time-outside-sitting", 7), ("time-outside-sitting", 9)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agendas(max_depth=5))
def test_the_checks_walk_the_items_as_walk_does(generated: Generated) -> None:
    agenda = parse(generated.text).agenda
    assert agenda is not None
    assert CheckContext.of(agenda).items == walk(agenda.items)


def test_the_checks_walk_deep_and_flat_items_as_walk_does() -> None:
    agenda = parse("1. A\n   1.1 B\n      1.1.1 C\n   1.2 D\n2. E\n* F\n   - G\n").agenda
    assert agenda is not None
    assert CheckContext.of(agenda).items == walk(agenda.items)
    assert [depth for _, depth in walk(agenda.items)] == [1, 2, 3, 2, 1, 1]


KINDS = (XRef, DocRef, FootnoteRef, AnnexRef, Link)


def _each_kind_in_order(context: CheckContext) -> None:
    for kind in KINDS:
        every = [part for text, _item in context.texts() for part in text.parts if isinstance(part, kind)]
        assert context.parts(kind) == every


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agendas())
def test_the_parts_of_a_kind_are_those_of_every_text(generated: Generated) -> None:
    agenda = parse(generated.text).agenda
    assert agenda is not None
    _each_kind_in_order(CheckContext.of(agenda))


def test_the_parts_of_a_kind_are_those_of_every_text_even_alone_in_one() -> None:
    agenda = parse("series T: T-{n}\n\n1. {b}\n2. [T-3] {#b}\n3. [^1]\n4. {annex A}\n5. <https://x.org>\n"
                   "6. Text [T-4] and {b}\n   > see {annex A} [^1]\n\n[^1]: Note\n").agenda
    assert agenda is not None
    context = CheckContext.of(agenda)
    _each_kind_in_order(context)
    assert [len(context.parts(kind)) for kind in KINDS] == [2, 2, 2, 2, 1]
