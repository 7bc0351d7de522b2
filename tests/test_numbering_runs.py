"""Runs of automatic numbers are numbered together (Style.format_run, _SiblingRun._autos): the
same numbers and diagnostics as numbering them one at a time, the general path."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agendadsl import parse
from agendadsl.language import resolution as resolution_module
from agendadsl.language.numbering import Prefix, Scheme, Style
from agendadsl.language.resolution import _resolve, _SiblingRun

STYLES = [
    Style(Scheme.ARABIC, 1, Prefix.NONE, closer="."),
    Style(Scheme.ARABIC, 0, Prefix.INHERIT),
    Style(Scheme.UPPER_ROMAN, 1, Prefix.LITERAL, ("I", "2"), "(", ")"),
    Style(Scheme.LOWER_ROMAN, 1, Prefix.NONE, closer=")"),
    Style(Scheme.UPPER_ALPHA, 1, Prefix.INHERIT, closer="."),
    Style(Scheme.LOWER_ALPHA, 1, Prefix.NONE, "(", ")"),
]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("parent_base", [None, (), ("3",), ("II", "b")])
@pytest.mark.parametrize(("first", "count"), [
    (0, 1), (1, 1), (1, 30), (0, 3), (3990, 9), (3990, 10), (3999, 1), (4000, 2), (700, 30),
    (10**12 - 2, 2), (10**12 - 2, 3),
])
def test_format_run_is_format_of_each(style: Style, parent_base: tuple[str, ...] | None, first: int,
                                      count: int) -> None:
    each = [style.format(parent_base, value) for value in range(first, first + count)]
    run = style.format_run(parent_base, first, count)
    assert run == (None if None in each else each)


def _one_at_a_time(self: _SiblingRun, items: list) -> None:
    for item in items:
        self._auto(item)
        self.counted += 1


NUMBERS = ("#.", "#.", "#.", "#.", "*", "1.", "2.", "3.", "2bis.", "2ter.", "4.", "(c)", "iv.", "B.", "x.")


@st.composite
def agenda_text(draw) -> str:
    header = draw(st.sampled_from(["", "numbering: 1. / (a)\n", "numbering: I. / i.\n", "numbering: A.\n",
                                   "numbering: 0.\n", "numbering: as written\n"]))
    lines = []
    for _ in range(draw(st.integers(1, 14))):
        depth = draw(st.integers(0, 1)) if lines else 0
        number = draw(st.sampled_from(NUMBERS))
        if number[0].isdigit() and depth:
            number = "1." + number.rstrip(".")
        lines.append("   " * depth + f"{number} T")
    return header + "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(agenda_text())
def test_runs_give_what_one_at_a_time_gives(text: str) -> None:
    agenda = parse(text).agenda
    assert agenda is not None
    fast = _resolve(agenda)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(resolution_module._SiblingRun, "_autos", _one_at_a_time)
        general = _resolve(agenda)
    assert fast.numbers == general.numbers
    assert list(fast.numbers) == list(general.numbers)
    assert fast.expected == general.expected
    assert fast.diagnostics == general.diagnostics


def test_a_run_past_the_last_roman_numeral_is_reported_item_by_item() -> None:
    agenda = parse("numbering: MMMCMXCVIII.\n" + "#. T\n" * 4).agenda
    assert agenda is not None
    found = _resolve(agenda)
    assert [d.code for d in found.diagnostics] == ["numbering-overflow", "numbering-overflow"]
    assert sorted(found.numbers.values()) == ["4000", "4001", "MMMCMXCIX.", "MMMCMXCVIII."]
