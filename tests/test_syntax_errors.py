"""Every malformed example in the syntax-error table gives its code, in plain words."""

from __future__ import annotations

import pytest

from agendadsl import parse
from agendadsl.language.syntax_errors import EXAMPLES

CASES = [(code, example) for code, examples in EXAMPLES.items() for example in examples]
LARK_WORDS = ("$END", "__ANON", "_NL", "_INDENT", "_DEDENT", "Token(", "NUMBER", "TEXT", "PLACE")


@pytest.mark.parametrize(("code", "example"), CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)])
def test_example_gives_its_code(code: str, example: str) -> None:
    result = parse(example)
    # Date and time values, a header line "Name: value" and an "@name" line (fields of the writer's own) are read
    # after the line is parsed: the parse goes on and the agenda is kept, the value reported.
    assert result.agenda is None or code in ("unknown-field", "unknown-attribute", "date-syntax", "time-syntax")
    assert [d.code for d in result.diagnostics if d.is_error][-1:] == [code]


@pytest.mark.parametrize(("code", "example"), CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)])
def test_no_lark_name_reaches_the_user(code: str, example: str) -> None:
    for diagnostic in parse(example).diagnostics:
        for word in LARK_WORDS:
            assert word not in diagnostic.message
            assert word not in (diagnostic.hint or "")
        assert diagnostic.hint


def test_error_points_at_the_offending_line_and_column() -> None:
    diagnostic = parse("1. A\n   @for voting\n").diagnostics[0]
    assert (diagnostic.span.line, diagnostic.span.column, diagnostic.span.end_column) == (2, 9, 15)
    assert "did you mean" not in (diagnostic.hint or "") or "decision" in diagnostic.hint


def test_did_you_mean_for_misspelt_month_and_attribute() -> None:
    month = parse("date: 23 Novmber 2020\n1. A\n").diagnostics[0]
    assert month.code == "date-syntax" and "November" in month.hint
    attribute = parse("1. A\n   @presentr Ms Doe\n").diagnostics[0]
    assert attribute.code == "unknown-attribute" and "@presenter" in attribute.hint
