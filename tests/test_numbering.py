"""Numbering schemes and the resolution of every item's number."""

from __future__ import annotations

import pytest

from agendadsl import analyse, parse, resolve
from agendadsl.language.nodes import walk
from agendadsl.language.numbering import Scheme, split_suffix, style_from_example, suffix_rank, to_roman, to_scheme, value_in


def numbers(text: str) -> list[str | None]:
    agenda = parse(text).agenda
    resolution = resolve(agenda)
    return [resolution.number_of(item) for item, _ in walk(agenda.items)]


def codes(text: str) -> list[str]:
    return [d.code for d in analyse(text)[1]]


@pytest.mark.parametrize(("value", "scheme", "text"), [
    (1, Scheme.UPPER_ROMAN, "I"), (4, Scheme.UPPER_ROMAN, "IV"), (1994, Scheme.UPPER_ROMAN, "MCMXCIV"),
    (3, Scheme.LOWER_ROMAN, "iii"), (26, Scheme.UPPER_ALPHA, "Z"), (27, Scheme.UPPER_ALPHA, "AA"),
    (28, Scheme.LOWER_ALPHA, "ab"), (52, Scheme.UPPER_ALPHA, "AZ"), (53, Scheme.UPPER_ALPHA, "BA"),
    (0, Scheme.ARABIC, "0"), (12, Scheme.ARABIC, "12"),
])
def test_schemes_round_trip(value: int, scheme: Scheme, text: str) -> None:
    assert to_scheme(value, scheme) == text
    assert value_in(text, scheme) == value


def test_roman_limits() -> None:
    assert to_roman(0) is None and to_roman(4000) is None
    with pytest.raises(ValueError, match="write 'IV'"):
        value_in("IIII", Scheme.UPPER_ROMAN)


def test_suffixes() -> None:
    assert split_suffix("1bis", Scheme.ARABIC) == ("1", "bis")
    assert split_suffix("6a", Scheme.ARABIC) == ("6", "a")
    assert suffix_rank("ter") > suffix_rank("bis") > suffix_rank("")


def test_examples_declare_styles() -> None:
    assert style_from_example("(a)", literal_prefix=False).scheme is Scheme.LOWER_ALPHA
    assert style_from_example("i.", literal_prefix=False).scheme is Scheme.LOWER_ROMAN
    assert style_from_example("0.", literal_prefix=False).start == 0
    assert style_from_example("I.1", literal_prefix=True).literal == ("I",)


def test_automatic_numbers_follow_declared_styles() -> None:
    text = "numbering: 0. / (a) / i.\n#. A\n#. B\n   #. C\n   #. D\n      #. E\n#. F\n"
    assert numbers(text) == ["0.", "1.", "(a)", "(b)", "i.", "2."]
    assert codes(text) == []


def test_default_numbering_and_auto_after_explicit() -> None:
    text = "1. A\n   1.1 B\n   #. C\n#. D\n   #. E\n"
    assert numbers(text) == ["1.", "1.1", "1.2", "2.", "2.1"]


def test_numbering_attribute_reprefixes_and_restarts() -> None:
    text = "1. A\n   @numbering I.1\n   #. B\n      #. C\n   #. D\n2. E\n   @numbering 2.0\n   2.0 F\n   2.1 G\n"
    assert numbers(text) == ["1.", "I.1", "I.1.1", "I.2", "2.", "2.0", "2.1"]
    assert codes(text) == []


def test_letters_continue_after_z() -> None:
    lines = "#. Item\n" * 28
    assert numbers("numbering: A.\n" + lines)[25:] == ["Z.", "AA.", "AB."]


def test_unnumbered_items_do_not_count() -> None:
    assert numbers("1. A\n* Break\n2. B\n") == ["1.", None, "2."]
    assert codes("1. A\n* Break\n2. B\n") == []


def test_insertions() -> None:
    assert codes("1. A\n1bis. A2\n1ter. A3\n2. B\n") == []
    assert codes("1. A\n2bis. X\n2. B\n") == ["numbering-insertion"]
    assert codes("1. A\n1ter. X\n1bis. Y\n2. B\n") == ["numbering-order"]


def test_withdrawn_item_keeps_its_number() -> None:
    assert codes("1. A\n2. B\n   @status withdrawn\n3. C\n") == []


@pytest.mark.parametrize(("text", "code"), [
    ("1. A\n3. B\n", "numbering-gap"),
    ("1. A\n1. B\n", "numbering-duplicate"),
    ("1. A\n2. B\n3. C\n2. D\n", "numbering-duplicate"),
    ("1. A\n2. B\n4. C\n5. D\n", "numbering-gap"),
    ("1. A\n   2.1 B\n", "numbering-prefix"),
    ("1. A\n   1.1.1 B\n", "numbering-depth"),
    ("1. A\nb) B\n", "numbering-scheme"),
    ("numbering: I.\nI. A\nII. B\nIII. C\nIIII. D\n", "numbering-roman"),
    ("#. A\n3. B\n", "numbering-mismatch"),
    ("1. A\n2) B\n", "numbering-format"),
    ("numbering: 1) / (z)\n1) A\n", None),
])
def test_each_numbering_problem_has_its_code(text: str, code: str | None) -> None:
    assert codes(text) == ([code] if code else [])


def test_swapped_items() -> None:
    assert codes("2. A\n1. B\n") == ["numbering-gap", "numbering-order"]
    assert codes("1. A\n1bis. B\n3. C\n") == ["numbering-gap"]


def test_one_wrong_number_gives_one_error() -> None:
    assert codes("1. A\n2. B\n5. C\n4. D\n5. E\n") == ["numbering-gap"]
    assert codes("1. A\n   1.1 B\n3. C\n   2.1 D\n") == ["numbering-gap"]


def test_a_numbering_example_too_long_to_read_says_how_long_and_the_limit() -> None:
    diagnostics = analyse("numbering: 1." + "1" * 40 + "\n\n1. A\n")[1]
    assert [(d.code, d.message, d.span.line) for d in diagnostics] == [
        ("number-too-long", "this numbering example has a part of 40 characters; the limit is 15", 1)]
