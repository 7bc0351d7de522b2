"""Which findings of the checks still hold after a syntax error (checks/partial.py), case by case.

After a bad line is left out, a finding that the left-out line may have caused is not reported,
and every other finding is. Each case below is one left-out line and one finding, once where the
line may explain it (the finding goes) and once where it cannot (the finding stays), with the
complete list of (line, code) the user sees, written by hand."""

from __future__ import annotations

import pytest

from agendadsl import analyse, parse


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
