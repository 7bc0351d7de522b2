"""The language's structure, pinned exactly: numbering resolution, syntax errors, labels, layout and
recovery. Each diagnostic is compared whole (code, severity, message, span, hint, related places and
quick fixes), since a user reads every word of it and an editor applies every edit of its fixes."""

from __future__ import annotations

import pytest
from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from agendadsl import analyse, parse, resolve
from agendadsl.language import layout
from agendadsl.language import numbering as num
from agendadsl.language.diagnostics import Diagnostic
from agendadsl.language.nodes import walk
from agendadsl.language.span import Span
from agendadsl.language.syntax_errors import _describe, translate, unknown_attribute, unknown_field

AS_PRINTED = "if the agenda prints its numbers this way, write '@numbering as written' on the heading or item above"
SCHEME_HINT = "or declare this level's scheme with 'numbering:' in the header or '@numbering' on the parent item"
BAD_EXAMPLE_HINT = "declare each level by its first number, for example '1.', '1.1', '(a)', 'i.' or 'I.1'"
DOCS_HINT = "see docs/language.md for the form of each line"


def full(diagnostic: Diagnostic) -> tuple[object, ...]:
    """Every field of a diagnostic, the quick fixes included (Diagnostic's == leaves them out)."""
    return (diagnostic.code, diagnostic.severity.value, diagnostic.message, tuple(diagnostic.span), diagnostic.hint,
            tuple((tuple(r.span), r.message) for r in diagnostic.related),
            tuple((f.title, tuple(f.span), f.text) for f in diagnostic.fixes))


def resolved(text: str) -> tuple[list[str | None], list[tuple[object, ...]]]:
    result = parse(text)
    assert result.agenda is not None, result.diagnostics
    resolution = resolve(result.agenda)
    return ([resolution.number_of(item) for item, _ in walk(result.agenda.items)],
            [full(d) for d in resolution.diagnostics])


def syntax(text: str) -> list[tuple[object, ...]]:
    result = parse(text)
    assert result.agenda is None
    return [full(d) for d in result.diagnostics]


def withdrawn(number: str, line: int, column: int) -> tuple[str, tuple[int, int, int, int], str]:
    """The quick fix of a gap: the missing number inserted, as a withdrawn item, before the item."""
    return (f"Insert item {number} as withdrawn", (line, column, line, column),
            f"{number} Withdrawn item\n   @status withdrawn\n")


def fix(number: str, span: tuple[int, int, int, int]) -> tuple[str, tuple[int, int, int, int], str]:
    return (f"Number this item {number}", span, number)


# --- resolution.py: every numbering problem, its whole diagnostic and its quick fixes --------------------------

RESOLUTION_CASES = {
    "gap": ("1. A\n3. B\n", ["1.", "3."], [
        ("numbering-gap", "error", "item number 3. skips 2.", (2, 1, 2, 3),
         "number this item 2.; if an item was dropped on purpose, keep it in the agenda with '@status withdrawn'; "
         + AS_PRINTED, (),
         (fix("2.", (2, 1, 2, 3)), withdrawn("2.", 2, 1))),
    ]),
    "duplicate": ("1. A\n1. B\n", ["1.", "1."], [
        ("numbering-duplicate", "error", "item number 1. is used twice at this level", (2, 1, 2, 3),
         "number this item 2.; " + AS_PRINTED, (((1, 1, 1, 3), "first used here"),), (fix("2.", (2, 1, 2, 3)),)),
    ]),
    "swapped": ("2. A\n1. B\n", ["2.", "1."], [
        ("numbering-gap", "error", "item number 2. skips 1.", (1, 1, 1, 3),
         "number this item 1.; if an item was dropped on purpose, keep it in the agenda with '@status withdrawn'; "
         + AS_PRINTED, (),
         (fix("1.", (1, 1, 1, 3)), withdrawn("1.", 1, 1))),
        ("numbering-order", "error", "item number 1. comes after 2.", (2, 1, 2, 3),
         "number this item 3., or move it to its place in the order; " + AS_PRINTED, (), (fix("3.", (2, 1, 2, 3)),)),
    ]),
    "before the declared start": ("numbering: 3.\n1. A\n", ["1."], [
        ("numbering-order", "error", "item number 1. comes before the first number of this level, 3.", (2, 1, 2, 3),
         "number it 3., or declare where this level starts, for example 'numbering: 1.' in the header", (),
         (fix("3.", (2, 1, 2, 3)),)),
    ]),
    "declared start": ("numbering: 3.\n3. A\n#. B\n", ["3.", "4."], []),
    "mismatch after auto": ("#. A\n3. B\n", ["1.", "3."], [
        ("numbering-mismatch", "error", "item number 3. contradicts the automatic numbering, which gives 2. here",
         (2, 1, 2, 3), "write 2., or '#.' to let agendadsl number it", (),
         (fix("2.", (2, 1, 2, 3)), ("Number this item automatically (#.)", (2, 1, 2, 3), "#."))),
    ]),
    "auto then right number": ("#. A\n2. B\n#. C\n", ["1.", "2.", "3."], []),
    "format": ("1. A\n2) B\n", ["1.", "2)"], [
        ("numbering-format", "warning", "item number 2) is not written like the other numbers of this level (2.)",
         (2, 1, 2, 3), "write it as 2., or declare this level's style with 'numbering:' or '@numbering'", (),
         (fix("2.", (2, 1, 2, 3)),)),
    ]),
    "format in parentheses": ("1. A\n(1a) B\n", ["1.", "(1a)"], [
        ("numbering-format", "warning", "item number (1a) is not written like the other numbers of this level (2.)",
         (2, 1, 2, 5), "write it as 2., or declare this level's style with 'numbering:' or '@numbering'", (),
         (fix("2.", (2, 1, 2, 5)),)),
    ]),
    "prefix of the parent": ("1. A\n   2.1 B\n", ["1.", "2.1"], [
        ("numbering-prefix", "error", "item number 2.1 does not start with its parent's number 1", (2, 4, 2, 7),
         "number it like 1.1", (), (fix("1.1", (2, 4, 2, 7)),)),
    ]),
    "declared literal prefix": ("1. A\n   @numbering I.1\n   II.1 B\n", ["1.", "II.1"], [
        ("numbering-prefix", "error", "item number II.1 does not start with the declared prefix I", (3, 4, 3, 8),
         "number it like I.1", (), (fix("I.1", (3, 4, 3, 8)),)),
    ]),
    "depth": ("1. A\n   1.1.1 B\n", ["1.", "1.1.1"], [
        ("numbering-depth", "error", "item number 1.1.1 has 3 level(s), but this item is nested where numbers have 2",
         (2, 4, 2, 9), "number it like 1.1, or indent it to the level its number says", (),
         (fix("1.1", (2, 4, 2, 9)),)),
    ]),
    "under an unnumbered item": ("* A\n   1.1 B\n   #. C\n", [None, "1.1", "2."], [
        ("numbering-depth", "error", "item number 1.1 has 2 level(s), but this item is nested where numbers have 1",
         (2, 4, 2, 7), "number it like 1., or indent it to the level its number says", (), (fix("1.", (2, 4, 2, 7)),)),
        ("numbering-format", "warning", "item number 1.1 is not written like the other numbers of this level (1.)",
         (2, 4, 2, 7), "write it as 1., or declare this level's style with 'numbering:' or '@numbering'", (),
         (fix("1.", (2, 4, 2, 7)),)),
    ]),
    "under an unnumbered item, numbered right": ("* A\n   1. B\n   #. C\n", [None, "1.", "2."], []),
    "under an unnumbered item of a numbered one": ("1. A\n   * B\n      1.1 C\n      #. D\n",
                                                  ["1.", None, "1.1", "1.2"], []),
    "children after a misnumbered parent": ("1. A\n3. B\n   2.1 C\n   3.2 D\n", ["1.", "3.", "2.1", "3.2"], [
        ("numbering-gap", "error", "item number 3. skips 2.", (2, 1, 2, 3),
         "number this item 2.; if an item was dropped on purpose, keep it in the agenda with '@status withdrawn'; "
         + AS_PRINTED, (),
         (fix("2.", (2, 1, 2, 3)), withdrawn("2.", 2, 1))),
    ]),
    "wrong scheme": ("1. A\nb) B\n", ["1.", "b)"], [
        ("numbering-scheme", "error", "item number b) is written in lower-case letters (a, b, c), but this level is "
         "numbered with arabic numerals (1, 2, 3)", (2, 1, 2, 3), "number it 2., " + SCHEME_HINT, (),
         (fix("2.", (2, 1, 2, 3)),)),
    ]),
    "letters read as upper-case letters": ("1. A\nIVX. B\n", ["1.", "IVX."], [
        ("numbering-scheme", "error", "item number IVX. is written in upper-case letters (A, B, C), but this level is "
         "numbered with arabic numerals (1, 2, 3)", (2, 1, 2, 5), "number it 2., " + SCHEME_HINT, (),
         (fix("2.", (2, 1, 2, 5)),)),
    ]),
    "unreadable in any scheme": ("1. A\n12abc. B\n   #. C\n", ["1.", "12abc.", "12abc.1"], [
        ("numbering-scheme", "error", "cannot read item number 12abc.: '12abc' is not written in arabic numerals "
         "(1, 2, 3)", (2, 1, 2, 7), "number it 2., " + SCHEME_HINT, (), (fix("2.", (2, 1, 2, 7)),)),
    ]),
    "title glued to its number": ("1. A\n2.Bee keeping\n", ["1.", "2.Bee"], [
        ("numbering-scheme", "error", "cannot read item number 2.Bee: 'Bee' is not written in arabic numerals "
         "(1, 2, 3)", (2, 1, 2, 6), "if 'Bee' begins the title, write a space after '2.' ('2. Bee'); or number it 2., "
         + SCHEME_HINT, (), (("Write a space after 2.", (2, 1, 2, 6), "2. Bee"), fix("2.", (2, 1, 2, 6)))),
    ]),
    "malformed roman": ("numbering: I.\nI. A\nIIII. B\n", ["I.", "IIII."], [
        ("numbering-roman", "error", "'IIII' is not a well-formed roman numeral (write 'IV' for 4)", (3, 1, 3, 6),
         "number it II., " + SCHEME_HINT, (), (fix("II.", (3, 1, 3, 6)),)),
    ]),
    "number too long": ("1. A\n1234567890123456. B\n", ["1.", "1234567890123456."], [
        ("number-too-long", "error", "this item number has a part of 16 characters; the limit is 15", (2, 1, 2, 18),
         "write each part of the number with at most 15 digits or letters", (), ()),
    ]),
    "number of 15 digits": ("numbering: 123456789012345.\n123456789012345. A\n#. B\n",
                            ["123456789012345.", "123456789012346."], []),
    "overflow of roman": ("numbering: MMMCMXCVIII.\n#. A\n#. B\n#. C\n", ["MMMCMXCVIII.", "MMMCMXCIX.", "4000"], [
        ("numbering-overflow", "error", "item number 4000 cannot be written in upper-case roman numerals (I, II, III)",
         (4, 1, 4, 5), "give this item an explicit number, or declare another numbering scheme", (), ()),
    ]),
    "insertion not after its base": ("1. A\n2bis. X\n2. B\n", ["1.", "2bis.", "2."], [
        ("numbering-insertion", "error", "inserted item 2bis. must follow item 2.", (2, 1, 2, 6),
         "move it right after 2.", (), ()),
    ]),
    "insertion first of all": ("1bis. X\n1. A\n", ["1bis.", "1."], [
        ("numbering-insertion", "error", "inserted item 1bis. must follow item 1.", (1, 1, 1, 6),
         "move it right after 1.", (), ()),
    ]),
    "insertions out of order": ("1. A\n1ter. X\n1bis. Y\n2. B\n", ["1.", "1ter.", "1bis.", "2."], [
        ("numbering-order", "error", "inserted item 1bis. is out of order", (3, 1, 3, 6),
         "order insertions as bis, ter, quater (or a, b, c)", (), ()),
    ]),
    "insertion twice": ("1. A\n1bis. X\n1bis. Y\n2. B\n", ["1.", "1bis.", "1bis.", "2."], [
        ("numbering-duplicate", "error", "item number 1bis. is used twice at this level", (3, 1, 3, 6),
         "number this item 2.; " + AS_PRINTED, (((2, 1, 2, 6), "first used here"),), (fix("2.", (3, 1, 3, 6)),)),
    ]),
    "insertions in order": ("1. A\n1bis. X\n1ter. Y\n1quater. Z\n2. B\n#. C\n",
                            ["1.", "1bis.", "1ter.", "1quater.", "2.", "3."], []),
    "insertion without bis": ("1. A\n1ter. X\n2. B\n", ["1.", "1ter.", "2."], [
        ("numbering-insertion", "error", "inserted item 1ter. comes without 1bis.", (2, 1, 2, 6),
         "insertions go bis, ter, quater (or a, b, c) with none left out", (), (fix("1bis.", (2, 1, 2, 6)),)),
    ]),
    "insertion without ter": ("1. A\n1bis. X\n1quater. Y\n", ["1.", "1bis.", "1quater."], [
        ("numbering-insertion", "error", "inserted item 1quater. comes without 1ter.", (3, 1, 3, 9),
         "insertions go bis, ter, quater (or a, b, c) with none left out", (), (fix("1ter.", (3, 1, 3, 9)),)),
    ]),
    "letter insertion without a": ("1. A\n1c. X\n", ["1.", "1c."], [
        ("numbering-insertion", "error", "inserted item 1c. comes without 1a.", (2, 1, 2, 4),
         "insertions go bis, ter, quater (or a, b, c) with none left out", (), (fix("1a.", (2, 1, 2, 4)),)),
    ]),
    "letter insertion without b": ("1. A\n1a. X\n1c. Y\n", ["1.", "1a.", "1c."], [
        ("numbering-insertion", "error", "inserted item 1c. comes without 1b.", (3, 1, 3, 4),
         "insertions go bis, ter, quater (or a, b, c) with none left out", (), (fix("1b.", (3, 1, 3, 4)),)),
    ]),
    "back in step after a mistake": ("1. A\n2. B\n5. C\n4. D\n5. E\n", ["1.", "2.", "5.", "4.", "5."], [
        ("numbering-gap", "error", "item number 5. skips 3.", (3, 1, 3, 3),
         "number this item 3.; if an item was dropped on purpose, keep it in the agenda with '@status withdrawn'; "
         + AS_PRINTED, (),
         (fix("3.", (3, 1, 3, 3)), withdrawn("3.", 3, 1))),
    ]),
    "unnumbered items take no number": ("1. A\n* Break\n2. B\n", ["1.", None, "2."], []),
    "as written": ("numbering: as written\n1. A\n5. B\n   #. C\n   7. D\n", ["1.", "5.", "5.1", "7."], []),
    "as written on an item": ("1. A\n   @numbering as written\n   5. B\n   #. C\n", ["1.", "5.", "1.1"], []),
    "heading restarts with its own style": ("# H\n   @numbering (a)\n#. A\n#. B\n# K\n#. C\n",
                                            ["(a)", "(b)", "1."], []),
    "heading with its own style checks it": ("# H\n   @numbering (a)\n(a) A\n(c) B\n", ["(a)", "(c)"], [
        ("numbering-gap", "error", "item number (c) skips (b)", (4, 1, 4, 4),
         "number this item (b); if an item was dropped on purpose, keep it in the agenda with '@status withdrawn'; "
         + AS_PRINTED, (),
         (fix("(b)", (4, 1, 4, 4)), withdrawn("(b)", 4, 1))),
    ]),
    "heading numbered as written": ("# H\n   @numbering as written\n4. A\n9. B\n", ["4.", "9."], []),
    "heading's children numbered below its items": ("# H\n   @numbering (a)\n#. A\n   #. B\n", ["(a)", "a.1"], []),
    "literal prefix restarts": ("1. A\n   @numbering I.1\n   #. B\n      #. C\n   #. D\n",
                                ["1.", "I.1", "I.1.1", "I.2"], []),
    "bad header example is not checked": ("numbering: abcd.\n1. A\n5. B\n   #. C\n", ["1.", "5.", "5.1"], [
        ("invalid-numbering", "error", "cannot read the numbering example: 'abcd' is not a number in any scheme",
         (1, 12, 1, 17), BAD_EXAMPLE_HINT, (), ()),
    ]),
    "bad second-level example is not checked": ("numbering: 1. / abcd.\n1. A\n   7. B\n#. C\n", ["1.", "7.", "2."], [
        ("invalid-numbering", "error", "cannot read the numbering example: 'abcd' is not a number in any scheme",
         (1, 17, 1, 22), BAD_EXAMPLE_HINT, (), ()),
    ]),
    "bad heading example is not checked": ("# H\n   @numbering abcd.\n#. A\n3. B\n", ["1.", "3."], [
        ("invalid-numbering", "error", "cannot read the numbering example: 'abcd' is not a number in any scheme",
         (2, 15, 2, 20), BAD_EXAMPLE_HINT, (), ()),
    ]),
    "bad item example is not checked": ("1. A\n   @numbering abcd.\n   5. B\n   #. C\n", ["1.", "5.", "1.6"], [
        ("invalid-numbering", "error", "cannot read the numbering example: 'abcd' is not a number in any scheme",
         (2, 15, 2, 20), BAD_EXAMPLE_HINT, (), ()),
    ]),
    "header example too long": ("numbering: 1.1234567890123456\n1. A\n", ["1."], [
        ("number-too-long", "error", "this numbering example has a part of 16 characters; the limit is 15",
         (1, 12, 1, 30), "write each part of the number with at most 15 digits or letters", (), ()),
    ]),
    "item example too long": ("1. A\n   @numbering 1234567890123456.\n   1. B\n", ["1.", "1."], [
        ("number-too-long", "error", "this numbering example has a part of 16 characters; the limit is 15",
         (2, 15, 2, 32), "write each part of the number with at most 15 digits or letters", (), ()),
    ]),
    "declared scheme of letters": ("# H\n   @numbering 1.x.\n#. A\n3. B\n", ["x.", "3."], [
        ("numbering-scheme", "error", "item number 3. is written in arabic numerals (1, 2, 3), but this level is "
         "numbered with lower-case letters (a, b, c)", (4, 1, 4, 3), "number it y., " + SCHEME_HINT, (),
         (fix("y.", (4, 1, 4, 3)),)),
    ]),
    "children of an unnumbered top-level item take the top level's style": (
        "numbering: (a)\n* A\n   #. B\n   #. C\n", [None, "(a)", "(b)"], []),
    "a duplicate insertion takes no place in the count": ("1. A\n1bis. X\n1bis. Y\n5. B\n3. C\n",
                                                          ["1.", "1bis.", "1bis.", "5.", "3."], [
        ("numbering-duplicate", "error", "item number 1bis. is used twice at this level", (3, 1, 3, 6),
         "number this item 2.; " + AS_PRINTED, (((2, 1, 2, 6), "first used here"),), (fix("2.", (3, 1, 3, 6)),)),
        ("numbering-gap", "error", "item number 5. skips 2.", (4, 1, 4, 3),
         "number this item 2.; if an item was dropped on purpose, keep it in the agenda with '@status withdrawn'; "
         + AS_PRINTED, (),
         (fix("2.", (4, 1, 4, 3)), withdrawn("2.", 4, 1))),
    ]),
    "three times the same number point at the first": ("1. A\n1. B\n1. C\n", ["1.", "1.", "1."], [
        ("numbering-duplicate", "error", "item number 1. is used twice at this level", (2, 1, 2, 3),
         "number this item 2.; " + AS_PRINTED, (((1, 1, 1, 3), "first used here"),), (fix("2.", (2, 1, 2, 3)),)),
        ("numbering-duplicate", "error", "item number 1. is used twice at this level", (3, 1, 3, 3),
         "number this item 2.; " + AS_PRINTED, (((1, 1, 1, 3), "first used here"),), (fix("2.", (3, 1, 3, 3)),)),
    ]),
    "a declared second level inherits the parent's number": (
        "numbering: 1. / 1.1\n1. A\n   #. B\n2. C\n   #. D\n", ["1.", "1.1", "2.", "2.1"], []),
    "items under a heading with its own style take the header's second level below": (
        "numbering: 1. / (a) / i.\n# H\n   @numbering A.\n#. X\n   #. Y\n      #. Z\n", ["A.", "(a)", "i."], []),
    "a sub-heading goes on with its heading's sequence": (
        "# H\n   @numbering (a)\n#. A\n## K\n#. B\n# L\n#. C\n", ["(a)", "(b)", "1."], []),
    "a number no scheme can write is said in digits": (
        "numbering: MMMCMXCIX.\nMMMCMXCIX. A\nX. B\n", ["MMMCMXCIX.", "X."], [
            ("numbering-order", "error", "item number X. comes after MMMCMXCIX.", (3, 1, 3, 3),
             "number this item 4000, or move it to its place in the order; " + AS_PRINTED, (),
             (fix("4000", (3, 1, 3, 3)),)),
        ]),
    "an unreadable number takes its place in the count": ("1. A\n12abc. B\n#. C\n", ["1.", "12abc.", "3."], [
        ("numbering-scheme", "error", "cannot read item number 12abc.: '12abc' is not written in arabic numerals "
         "(1, 2, 3)", (2, 1, 2, 7), "number it 2., " + SCHEME_HINT, (), (fix("2.", (2, 1, 2, 7)),)),
    ]),
    "an insertion after an automatic number": ("#. A\n1bis. B\n2. C\n", ["1.", "1bis.", "2."], []),
    "an automatic number then the same number written": ("#. A\n1. B\n", ["1.", "1."], [
        ("numbering-duplicate", "error", "item number 1. is used twice at this level", (2, 1, 2, 3),
         "number this item 2.; " + AS_PRINTED, (((1, 1, 1, 5), "first used here"),), (fix("2.", (2, 1, 2, 3)),)),
    ]),
    "an unreadable number counts for coming back in step": ("1. A\n12abc. B\n5. C\n4. D\n",
                                                            ["1.", "12abc.", "5.", "4."], [
        ("numbering-scheme", "error", "cannot read item number 12abc.: '12abc' is not written in arabic numerals "
         "(1, 2, 3)", (2, 1, 2, 7), "number it 2., " + SCHEME_HINT, (), (fix("2.", (2, 1, 2, 7)),)),
        ("numbering-gap", "error", "item number 5. skips 3.", (3, 1, 3, 3),
         "number this item 3.; if an item was dropped on purpose, keep it in the agenda with '@status withdrawn'; "
         + AS_PRINTED, (), (fix("3.", (3, 1, 3, 3)), withdrawn("3.", 3, 1))),
    ]),
    "an insertion in the wrong place takes no place": ("1. A\n3bis. X\n#. B\n", ["1.", "3bis.", "2."], [
        ("numbering-insertion", "error", "inserted item 3bis. must follow item 3.", (2, 1, 2, 6),
         "move it right after 3.", (), ()),
    ]),
    "an insertion after an unreadable number": ("1. A\n12abc. B\n2bis. C\n", ["1.", "12abc.", "2bis."], [
        ("numbering-scheme", "error", "cannot read item number 12abc.: '12abc' is not written in arabic numerals "
         "(1, 2, 3)", (2, 1, 2, 7), "number it 2., " + SCHEME_HINT, (), (fix("2.", (2, 1, 2, 7)),)),
    ]),
    "levels declared in the header": ("numbering: 0. / (a) / i.\n#. A\n#. B\n   #. C\n   #. D\n      #. E\n#. F\n",
                                      ["0.", "1.", "(a)", "(b)", "i.", "2."], []),
    "deeper levels than declared": ("numbering: A.\n#. A\n   #. B\n      #. C\n", ["A.", "A.1", "A.1.1"], []),
}


@pytest.mark.parametrize("case", RESOLUTION_CASES, ids=list(RESOLUTION_CASES))
def test_each_numbering_problem_is_reported_whole_with_its_fixes(case: str) -> None:
    text, numbers, diagnostics = RESOLUTION_CASES[case]
    assert resolved(text) == (numbers, diagnostics)


def test_resolving_the_same_agenda_twice_gives_the_same_resolution() -> None:
    first = parse("1. A\n3. B\n").agenda
    second = parse("1. A\n2. B\n").agenda
    assert resolve(first) is resolve(first)
    assert [d.code for d in resolve(second).diagnostics] == []
    assert [d.code for d in resolve(first).diagnostics] == ["numbering-gap"]


def test_numbers_of_a_numbering_problem_are_in_the_checks_too() -> None:
    assert [(d.code, d.span.line) for d in analyse("1. A\n3. B\n")[1]] == [("numbering-gap", 2)]


# --- syntax_errors.py: each Lark failure in words, with its hint --------------------------------------------------

MARKERS_TOP = ("start it with a number ('3. Title'), '#.' for an automatic number, '*' for an unnumbered item, "
               "'#' for a heading or '>' for text that is not an item")
MARKERS_UNDER = ("start it with a number ('3. Title'), '#.' for an automatic number, '*' for an unnumbered item, "
                 "'-' for a bullet, '>' for a note or '@' for an attribute")
UNDER_BULLET = ("only bullets ('- ...') and translations ('fr: ...') can be indented under a bullet; to go on with the "
                "bullet's text, write it on the bullet's line, or align this line with the line above it")
ACTIONS = "'decision', 'information', 'discussion', 'adoption', 'approval', 'consultation'"
BLOCK_INDENT = "indent the lines under the block's first line ('next meetings:', 'table:' ...) by two spaces"

SYNTAX_CASES = {
    "text at the top": ("Opening of the meeting\n", ("not-an-item", "this line does not start with an item number or a "
                        "line marker", (1, 1, 1, 8), MARKERS_TOP)),
    "text under an item": ("1. A\nAny other business\n", ("not-an-item", "this line does not start with an item number "
                           "or a line marker", (2, 1, 2, 4), MARKERS_UNDER)),
    "number without its space": ("1.Opening of the meeting\n", ("missing-space", "an item number must be followed by "
                                 "a space", (1, 1, 1, 10), "write '1. Opening of the meeting'")),
    "roman number without its space": ("II.Title\n", ("missing-space", "an item number must be followed by a space",
                                       (1, 1, 1, 9), "write 'II. Title'")),
    "no-break spaces": ("1. A\n\u00a0\u00a0\u00a01.1 B\n", ("indent-character", "the indentation has a no-break space "
                        "(U+00A0); only spaces and tabs indent a line", (2, 1, 2, 2), "indent with ordinary spaces "
                        "instead of no-break spaces (word processors put them in pasted text)")),
    "narrow no-break space after spaces": ("1. A\n  \u202f> note\n", ("indent-character", "the indentation has a "
                                           "narrow no-break space (U+202F); only spaces and tabs indent a line",
                                           (2, 3, 2, 4), "indent with ordinary spaces instead of narrow no-break "
                                           "spaces (word processors put them in pasted text)")),
    "em space": ("1. A\n\u2003> note\n", ("indent-character", "the indentation has an em space (U+2003); only spaces "
                 "and tabs indent a line", (2, 1, 2, 2), "indent with ordinary spaces instead of em spaces (word "
                 "processors put them in pasted text)")),
    "field after the items": ("1. A\ndate: 23 November 2020\n", ("field-after-items", "the header field 'date:' comes "
                              "after the first item", (2, 1, 2, 6), "move it to the header at the top of the file, "
                              "before the first item")),
    "indented under a header field": ("body: X\n   1. A\n", ("unexpected-indent", "this line is indented more than the "
                                      "line above allows", (2, 4, 2, 5), "only items, headings and bullets can contain "
                                      "indented lines; align this line with the line above it")),
    "indented first line": ("   1. A\n", ("unexpected-indent", "this line is indented more than the line above allows",
                            (1, 4, 1, 5), "remove the spaces before it: the first line starts in the first column")),
    "text indented under a bullet": ("1. A\n   - bullet\n      text under it\n", ("unexpected-indent", "this line is "
                                     "indented more than the line above allows", (3, 7, 3, 8), UNDER_BULLET)),
    "text indented under an action": ("1. A\n   - [ ] x\n      ?? y\n", ("unexpected-indent", "this line is indented "
                                      "more than the line above allows", (3, 7, 3, 8), UNDER_BULLET)),
    "indented next meetings": ("1. A\n   next meetings:\n", ("unexpected-indent", "'next meetings:' must not be "
                               "indented: the list stands at the top level of the agenda", (2, 4, 2, 8),
                               "start the 'next meetings:' line in the first column")),
    "a value not allowed": ("1. A\n   @for voting\n", ("invalid-value", "'voting' is not allowed here; expected "
                            f"one of {ACTIONS}", (2, 9, 2, 15),
                            "write one of: decision, information, discussion, adoption, approval, consultation")),
    "a value misspelt": ("1. A\n   @for decison\n", ("invalid-value", f"'decison' is not allowed here; expected one of "
                         f"{ACTIONS}", (2, 9, 2, 16), "did you mean 'decision'?")),
    "a value missing": ("1. A\n   @for\n", ("invalid-value", f"a value is missing here; expected one of {ACTIONS}",
                        (2, 8, 2, 9), "write one of: decision, information, discussion, adoption, approval, "
                        "consultation")),
    "a kind": ("kind: online\n1. A\n", ("invalid-value", "'online' is not allowed here; expected one of 'in person', "
               "'virtual', 'hybrid'", (1, 7, 1, 13), "write one of: in person, virtual, hybrid")),
    "a session": ("1. A\n   @session secret\n", ("invalid-value", "'secret' is not allowed here; expected one of "
                  "'public', 'closed'", (2, 13, 2, 19), "write one of: public, closed")),
    "a visibility": ("1. A\n   @visibility secret\n", ("invalid-value", "'secret' is not allowed here; expected one of "
                     "'public', 'internal'", (2, 16, 2, 22), "write one of: public, internal")),
    "a distribution": ("distribution: wide\n1. A\n", ("invalid-value", "'wide' is not allowed here; expected one of "
                       "'public', 'general', 'restricted', 'limited'", (1, 15, 1, 19),
                       "write one of: public, general, restricted, limited")),
    "a status": ("1. A\n   @status withdrwn\n", ("invalid-value", "'withdrwn' is not allowed here; expected one of "
                 "'withdrawn', 'postponed', 'tbc'", (2, 12, 2, 20), "did you mean 'withdrawn'?")),
    "next meetings not indented": ("next meetings:\n- 7 December 2020\n1. A\n", ("missing-indent", "the lines of this "
                                   "block must be indented", (2, 1, 2, 2), BLOCK_INDENT)),
    "an empty table at the end": ("table:\n", ("missing-indent", "the lines of this block must be indented",
                                  (1, 7, 1, 8), BLOCK_INDENT)),
    "a document reference without brackets": ("1. A\n   @docs T-ES(2020)23\n", ("syntax-error", "unexpected "
                                              "'T-ES(2020)23'; expected a document reference such as [T-ES(2020)23]",
                                              (2, 10, 2, 22), "write document references in brackets: [T-ES(2020)23]")),
    "a document reference without brackets, then a comma": (
        "1. A\n   @docs T-ES(2020)23, X\n", ("syntax-error", "unexpected 'T-ES(2020)23,'; expected a document "
                                          "reference such as [T-ES(2020)23]", (2, 10, 2, 23),
                                          "write document references in brackets: [T-ES(2020)23]")),
    "no document reference": ("1. A\n   @docs\n", ("syntax-error", "the line ends too early; expected a document "
                              "reference such as [T-ES(2020)23]", (2, 9, 2, 10), DOCS_HINT)),
    "a word after the documents": ("1. A\n   @docs [X] avail\n", ("syntax-error", "unexpected 'avail'; expected ',' or "
                                   "the end of the line", (2, 14, 2, 19), DOCS_HINT)),
    "a long word is cut at 40 characters": (
        "1. A\n   @docs [X] " + "a" * 41 + "\n",
        ("syntax-error", "unexpected '" + "a" * 40 + "…'; expected ',' or the end of the line", (2, 14, 2, 55),
         DOCS_HINT)),
    "a word of 40 characters is whole": (
        "1. A\n   @docs [X] " + "a" * 40 + "\n",
        ("syntax-error", "unexpected '" + "a" * 40 + "'; expected ',' or the end of the line", (2, 14, 2, 54),
         DOCS_HINT)),
    "an empty title": ("title:\n1. A\n", ("syntax-error", "the line ends too early; expected text", (1, 7, 1, 8),
                       DOCS_HINT)),
    "an empty time": ("# H\n   @time\n", ("syntax-error", "the line ends too early; expected text", (2, 9, 2, 10),
                      DOCS_HINT)),
    "a series without a name": ("series: \n", ("syntax-error", "unexpected ':'; expected a series name", (1, 7, 1, 8),
                                DOCS_HINT)),
    "an attribute at the top": ("@time 10:00\n1. A\n", ("not-an-item", "an attribute must be indented under the item "
                                "or heading it belongs to", (1, 1, 1, 6), "indent it under an item or a heading "
                                "('# ...'), or write that line first")),
    "an annotation at the top": (">> note\n1. A\n", ("not-an-item", "an annotation ('>>') must be indented under the "
                                 "item or heading it belongs to", (1, 1, 1, 3), "indent it under an item or a heading "
                                 "('# ...'), or write that line first")),
    "an unknown attribute at the top": ("@foo x\n1. A\n", ("unknown-attribute", "unknown attribute '@foo'",
                                        (1, 1, 1, 5), "did you mean '@for'?")),
    "a misspelt next meetings": ("1. A\nnextmeeting: x\n", ("unknown-field", "unknown header field 'nextmeeting:'",
                                 (2, 1, 2, 13), "did you mean 'next meetings:'?")),
    "an unknown capitalised field after the items": (
        "1. A\nZzyzx: q\n", ("unknown-field", "unknown header field 'Zzyzx:'", (2, 1, 2, 7), "declare your own "
                             "fields in the header: 'fields: Zzyzx'; or start the line with '>' to write it as text "
                             "before the first item")),
    "an unknown field after the items": (
        "1. A\nzzyzx: q\n", ("unknown-field", "unknown header field 'zzyzx:'", (2, 1, 2, 7), "header fields are body, "
                             "meeting, title, kind, platform, place, date, time, reference, status, language, "
                             "numbering, series, numbers, chair, host, contact, issued, distribution, original, "
                             "fields, local times, list of documents, number label, issued in")),
    "a tab, then a no-break space": ("1. A\n\t\u00a0> note\n", ("indent-character", "the indentation has a "
                                     "no-break space (U+00A0); only spaces and tabs indent a line", (2, 2, 2, 3),
                                     "indent with ordinary spaces instead of no-break spaces (word processors put "
                                     "them in pasted text)")),
    "a capitalised next meetings": ("1. A\nNextmeeting: x\n", ("unknown-field", "unknown header field "
                                    "'Nextmeeting:'", (2, 1, 2, 13), "did you mean 'next meetings:'?")),
    "a second reference without brackets": ("1. A\n   @docs [X], T-1\n", ("syntax-error", "unexpected 'T-1'; expected "
                                            "a document reference such as [T-ES(2020)23]", (2, 15, 2, 18),
                                            "write document references in brackets: [T-1]")),
    "a kind of a heading": ("# H\n   @kind online\n", ("invalid-value", "'online' is not allowed here; expected one "
                            "of 'in person', 'virtual', 'hybrid'", (2, 10, 2, 16), "write one of: in person, virtual, "
                            "hybrid")),
    "a capitalised next meetings indented": ("1. A\n   Next meetings:\n", ("unexpected-indent", "'next meetings:' "
                                             "must not be indented: the list stands at the top level of the agenda",
                                             (2, 4, 2, 8), "start the 'next meetings:' line in the first column")),
    "a capitalised header field after the items": ("1. A\nDate: 23 November 2020\n", (
        "unknown-field", "unknown header field 'Date:'", (2, 1, 2, 6), "did you mean 'date:'?")),
    "a value misspelt in capitals": ("1. A\n   @for DECISON\n", ("invalid-value", "'DECISON' is not allowed here; "
                                     f"expected one of {ACTIONS}", (2, 9, 2, 16), "did you mean 'decision'?")),
    "a heading's attribute at the top": ("@place Paris\n1. A\n", ("not-an-item", "an attribute must be indented under "
                                         "the item or heading it belongs to", (1, 1, 1, 7), "indent it under an item "
                                         "or a heading ('# ...'), or write that line first")),
    "a number of 40 characters without its space": (
        "1." * 20 + "Title\n", ("missing-space", "an item number must be followed by a space", (1, 1, 1, 42),
                                 "write '" + "1." * 20 + " Title'")),
    "a misspelt header field": ("titel: 31st meeting\n1. A\n", ("unknown-field", "unknown header field 'titel:'",
                                (1, 1, 1, 7), "did you mean 'title:'?")),
}


@pytest.mark.parametrize("case", SYNTAX_CASES, ids=list(SYNTAX_CASES))
def test_each_syntax_error_is_worded_for_people(case: str) -> None:
    text, (code, message, span, hint) = SYNTAX_CASES[case]
    assert syntax(text) == [(code, "error", message, span, hint, (), ())]


CHECKED_NAMES = {
    "an attribute of a person": ("1. A\n   @chair Ms Doe\n", ("unknown-attribute", "unknown attribute '@chair'",
                                 (2, 4, 2, 10), "attributes are @time, @duration, @presenter, @for, @status, @session, "
                                 "@visibility, @docs, @numbering; declare one of your own in the header "
                                 "('fields: Chair')")),
    "an attribute of a heading": ("1. A\n   @date 1 May 2020\n", ("unknown-attribute", "unknown attribute '@date'",
                                  (2, 4, 2, 9), "'@date' is given to a heading ('# ...'), and the items under the "
                                  "heading take it")),
    "a misspelt attribute": ("1. A\n   @presentr X\n", ("unknown-attribute", "unknown attribute '@presentr'",
                             (2, 4, 2, 13), "did you mean '@presenter'?")),
    "a misspelt attribute of one's own": ("fields: Room\n1. A\n   @rooom 12\n", (
        "unknown-attribute", "unknown attribute '@rooom'", (3, 4, 3, 10), "did you mean '@room'?")),
    "a capitalised header field": ("Date: 23 November 2020\n1. A\n", ("unknown-field", "unknown header field 'Date:'",
                                   (1, 1, 1, 5), "did you mean 'date:'?")),
    "a synonym of a header field": ("location: Paris\n1. A\n", ("unknown-field", "unknown header field 'location:'",
                                    (1, 1, 1, 10), "did you mean 'place:'?")),
}


@pytest.mark.parametrize("case", CHECKED_NAMES, ids=list(CHECKED_NAMES))
def test_unknown_names_are_reported_with_the_name_meant(case: str) -> None:
    text, (code, message, span, hint) = CHECKED_NAMES[case]
    assert [full(d) for d in analyse(text)[1]] == [(code, "error", message, span, hint, (), ())]


@pytest.mark.parametrize(("found", "declared", "hint"), [
    ("@zzzzzz", ("@room",), "attributes are @time, @duration, @presenter, @for, @status, @session, @visibility, @docs, "
                            "@numbering, @room; declare one of your own in the header ('fields: Zzzzzz')"),
    ("@rooom", ("@room",), "did you mean '@room'?"),
    ("@place", (), "'@place' is given to a heading ('# ...'), and the items under the heading take it"),
    ("@kind", (), "'@kind' is given to a heading ('# ...'), and the items under the heading take it"),
    ("@duraton", (), "did you mean '@duration'?"),
])
def test_unknown_attribute_hints(found: str, declared: tuple[str, ...], hint: str) -> None:
    assert full(unknown_attribute(found, Span(3, 4, 3, 9), declared)) == (
        "unknown-attribute", "error", f"unknown attribute '{found}'", (3, 4, 3, 9), hint, (), ())


@pytest.mark.parametrize(("word", "declared", "hint"), [
    ("Rooom", ("Room",), "did you mean 'Room:'?"),
    ("Venue", (), "did you mean 'place:'?"),
    ("CHAIRMAN", (), "did you mean 'chair:'?"),
    ("Titel", (), "did you mean 'title:'?"),
    ("Qqqq", (), "declare your own fields in the header: 'fields: Qqqq'; or start the line with '>' to write it as "
                 "text before the first item"),
])
def test_unknown_field_hints(word: str, declared: tuple[str, ...], hint: str) -> None:
    assert full(unknown_field(word, Span(1, 1, 1, 6), declared)) == (
        "unknown-field", "error", f"unknown header field '{word}:'", (1, 1, 1, 6), hint, (), ())


@pytest.mark.parametrize(("expected", "described"), [
    (set(), "something else"),
    ({"NOT_A_TERMINAL"}, "something else"),
    ({"NUMBER"}, "an item number (1., 2.1, (a))"),
    ({"COLON", "_COLON", "DASH"}, "':' or '-'"),
    ({"TBC", "BODY"}, "'body' or '(tbc)'"),
    ({"NUMBER", "AUTO", "UNNUMBERED", "BULLET", "NOTE", "INTERNAL"},
     "'#.', '-', '!', '>', an item number (1., 2.1, (a)) or '*'"),
    ({"NUMBER", "AUTO", "UNNUMBERED", "BULLET", "NOTE", "INTERNAL", "TABLE"},
     "'#.', '-', '!', '>', an item number (1., 2.1, (a)), 'table:' or another line"),
    ({"DOCS_STATE", "SESSION"}, "one of 'available', 'to follow' or one of 'public', 'closed'"),
    ({"DOCS_LABEL"}, "something else"),
])
def test_what_was_expected_is_listed_in_words(expected: set[str], described: str) -> None:
    assert _describe(expected) == described


def test_an_error_at_the_end_of_the_input_points_after_its_last_character() -> None:
    assert full(translate(UnexpectedEOF(["NUMBER"]), "1. A\n   x")) == (
        "syntax-error", "error", "the line ends too early; expected an item number (1., 2.1, (a))", (2, 5, 2, 6),
        DOCS_HINT, (), ())


def _unexpected(name: str, value: str, line: int, column: int, expected: set[str]) -> UnexpectedToken:
    return UnexpectedToken(Token(name, value, line=line, column=column), expected)


@pytest.mark.parametrize(("text", "failure", "diagnostic"), [
    # A reference already in brackets gets no advice to add them.
    ("1. A\n   @docs [X oops\n", _unexpected("LINE", "[X", 2, 10, {"DOCREF"}),
     ("syntax-error", "error", "unexpected '[X'; expected a document reference such as [T-ES(2020)23]",
      (2, 10, 2, 12), DOCS_HINT, (), ())),
    # Where text may also come, a word is no misspelt value.
    ("1. A\n   @for voting\n", _unexpected("LINE", "voting", 2, 9, {"ACTION", "INLINE"}),
     ("syntax-error", "error", f"unexpected 'voting'; expected one of {ACTIONS} or text", (2, 9, 2, 15), DOCS_HINT,
      (), ())),
    # Nothing expected at the start of a line: not the first line under a bullet.
    ("1. A\n   voting here\n", _unexpected("LINE", "voting", 2, 4, set()),
     ("syntax-error", "error", "unexpected 'voting'; expected something else", (2, 4, 2, 10), DOCS_HINT, (), ())),
    # Under an item ('>>' may come), an attribute of a heading is an unknown attribute, not a misplaced one.
    ("1. A\n   @time 10\n", _unexpected("LINE", "@time", 2, 4, {"ANNOTATION", "NUMBER"}),
     ("unknown-attribute", "error", "unknown attribute '@time'", (2, 4, 2, 9),
      "'@time' is given to a heading ('# ...'), and the items under the heading take it", (), ())),
    ("1. A\n   @time 10\n", _unexpected("LINE", "@time", 2, 4, {"NUMBER"}),
     ("not-an-item", "error", "an attribute must be indented under the item or heading it belongs to", (2, 4, 2, 9),
      "indent it under an item or a heading ('# ...'), or write that line first", (), ())),
    # The end of the input is no word, whatever text the position holds.
    ("1. A\n   @docs x", _unexpected("$END", "", 2, 10, {"DOCREF"}),
     ("syntax-error", "error", "the line ends too early; expected a document reference such as [T-ES(2020)23]",
      (2, 10, 2, 11), DOCS_HINT, (), ())),
    # A single '>' at the top level is no annotation.
    (">x y", _unexpected("LINE", ">x", 1, 1, {"NUMBER"}),
     ("not-an-item", "error", "this line does not start with an item number or a line marker", (1, 1, 1, 3),
      MARKERS_TOP, (), ())),
    # A character no terminal takes: what the lexer allowed there.
    ("1. A\n   ?x", UnexpectedCharacters("1. A\n   ?x", 8, 2, 4, allowed={"BULLET", "NOTE"}),
     ("syntax-error", "error", "unexpected '?x'; expected '-' or '>'", (2, 4, 2, 6), DOCS_HINT, (), ())),
])
def test_a_parser_failure_is_translated_by_what_was_expected(text: str, failure: Exception,
                                                             diagnostic: tuple[object, ...]) -> None:
    assert full(translate(failure, text)) == diagnostic


# --- numbering.py: labels taken apart, values in each scheme, styles declared by example -------------------------

S = num.Scheme


@pytest.mark.parametrize(("text", "parts", "base"), [
    ("(a)", ("(", (), "a", ")"), ("a",)),
    ("a)", ("", (), "a", ")"), ("a",)),
    ("1.", ("", (), "1", "."), ("1",)),
    ("1", ("", (), "1", ""), ("1",)),
    ("I.3.2", ("", ("I", "3"), "2", ""), ("I", "3", "2")),
    ("2.1bis", ("", ("2",), "1bis", ""), ("2", "1bis")),
    ("(1.2)", ("(", ("1",), "2", ")"), ("1", "2")),
])
def test_a_label_is_taken_apart_into_decorations_and_segments(text: str, parts: tuple[object, ...],
                                                               base: tuple[str, ...]) -> None:
    label = num.split_label(text)
    assert (label.opener, label.prefix, label.last, label.closer) == parts
    assert label.base == base
    assert repr(label) == f"Label({parts[0]!r}, {parts[1]!r}, {parts[2]!r}, {parts[3]!r})"


@pytest.mark.parametrize("text", ["", ".", "1..2", "()", "(a", "a(b)", "1.)", "(1.)", "1)2."])
def test_a_label_that_is_no_number_is_refused_with_its_text(text: str) -> None:
    with pytest.raises(num.NumberingError) as caught:
        num.split_label(text)
    assert str(caught.value) == f"'{text}' is not a well-formed number"


@pytest.mark.parametrize(("segment", "scheme", "parts"), [
    ("1quater", S.ARABIC, ("1", "quater")), ("1ter", S.ARABIC, ("1", "ter")), ("1bis", S.ARABIC, ("1", "bis")),
    ("1septies", S.ARABIC, ("1", "septies")), ("1decies", S.ARABIC, ("1", "decies")),
    ("ter", S.ARABIC, ("ter", "")), ("12b", S.ARABIC, ("12", "b")), ("6a", S.ARABIC, ("6", "a")),
    ("b", S.ARABIC, ("b", "")), ("1", S.ARABIC, ("1", "")),
    ("Ibis", S.UPPER_ROMAN, ("I", "bis")), ("Isexies", S.UPPER_ROMAN, ("I", "sexies")),
    ("Isepties", S.UPPER_ROMAN, ("Isepties", "")), ("ab", S.LOWER_ALPHA, ("ab", "")), ("1a", S.LOWER_ALPHA, ("1a", "")),
])
def test_an_insertion_suffix_is_split_off_as_its_scheme_allows(segment: str, scheme: num.Scheme,
                                                                 parts: tuple[str, str]) -> None:
    assert num.split_suffix(segment, scheme) == parts


@pytest.mark.parametrize(("suffix", "rank"), [("", 0), ("bis", 1), ("ter", 2), ("decies", 9), ("a", 1), ("c", 3),
                                              ("C", 3)])
def test_suffixes_rank_in_order(suffix: str, rank: int) -> None:
    assert num.suffix_rank(suffix) == rank


@pytest.mark.parametrize(("segment", "scheme", "error", "message"), [
    ("iv", S.UPPER_ROMAN, num.NumberingError, "'iv' is not written in upper-case roman numerals (I, II, III)"),
    ("IV", S.LOWER_ROMAN, num.NumberingError, "'IV' is not written in lower-case roman numerals (i, ii, iii)"),
    ("iiii", S.LOWER_ROMAN, num.MalformedRoman, "'iiii' is not a well-formed roman numeral (write 'iv' for 4)"),
    ("IC", S.UPPER_ROMAN, num.MalformedRoman, "'IC' is not a well-formed roman numeral (write 'XCIX' for 99)"),
    ("MMMM", S.UPPER_ROMAN, num.MalformedRoman, "'MMMM' is not a well-formed roman numeral"),
    ("a", S.UPPER_ALPHA, num.NumberingError, "'a' is not written in upper-case letters (A, B, C)"),
    ("Ab", S.UPPER_ALPHA, num.NumberingError, "'Ab' is not written in upper-case letters (A, B, C)"),
    ("A", S.LOWER_ALPHA, num.NumberingError, "'A' is not written in lower-case letters (a, b, c)"),
    ("\u00e9", S.LOWER_ALPHA, num.NumberingError, "'\u00e9' is not written in lower-case letters (a, b, c)"),
    ("\u0661", S.ARABIC, num.NumberingError, "'\u0661' is not written in arabic numerals (1, 2, 3)"),
    ("", S.UPPER_ROMAN, num.NumberingError, "'' is not written in upper-case roman numerals (I, II, III)"),
    ("1" * 16, S.ARABIC, num.NumberTooLong, "has a part of 16 characters; the limit is 15"),
    ("a" * 1234, S.LOWER_ALPHA, num.NumberTooLong, "has a part of 1,234 characters; the limit is 15"),
])
def test_a_segment_not_in_its_scheme_is_refused_with_the_reason(segment: str, scheme: num.Scheme,
                                                                  error: type[Exception], message: str) -> None:
    with pytest.raises(num.NumberingError) as caught:
        num.value_in(segment, scheme)
    assert type(caught.value) is error
    assert str(caught.value) == message


@pytest.mark.parametrize(("segment", "scheme", "value"), [
    ("1" * 15, S.ARABIC, 111111111111111), ("MMMCMXCIX", S.UPPER_ROMAN, 3999), ("xliv", S.LOWER_ROMAN, 44),
    ("zz", S.LOWER_ALPHA, 702), ("AAA", S.UPPER_ALPHA, 703), ("CDXLIV", S.UPPER_ROMAN, 444),
])
def test_a_segment_is_read_in_its_scheme(segment: str, scheme: num.Scheme, value: int) -> None:
    assert num.value_in(segment, scheme) == value


@pytest.mark.parametrize(("segment", "schemes"), [
    ("I", [S.UPPER_ROMAN, S.UPPER_ALPHA]), ("i", [S.LOWER_ROMAN, S.LOWER_ALPHA]), ("12", [S.ARABIC]), ("x1", []),
    ("IIII", [S.UPPER_ALPHA]),
])
def test_every_scheme_a_segment_reads_in(segment: str, schemes: list[num.Scheme]) -> None:
    assert num.schemes_of(segment) == schemes


@pytest.mark.parametrize(("value", "scheme", "text"), [
    (-1, S.ARABIC, None), (0, S.ARABIC, "0"), (0, S.LOWER_ROMAN, None), (1, S.LOWER_ROMAN, "i"),
    (3999, S.UPPER_ROMAN, "MMMCMXCIX"), (4000, S.LOWER_ROMAN, None), (4000, S.UPPER_ROMAN, None),
    (0, S.UPPER_ALPHA, None), (1, S.LOWER_ALPHA, "a"), (702, S.UPPER_ALPHA, "ZZ"), (703, S.LOWER_ALPHA, "aaa"),
    (10**12, S.UPPER_ALPHA, "DTMCHRXUN"), (10**12 + 1, S.LOWER_ALPHA, None), (444, S.UPPER_ROMAN, "CDXLIV"),
])
def test_a_value_is_written_in_a_scheme_or_not_at_all(value: int, scheme: num.Scheme, text: str | None) -> None:
    assert num.to_scheme(value, scheme) == text


@pytest.mark.parametrize(("segment", "read"), [
    ("1", (S.ARABIC, 1)), ("0", (S.ARABIC, 0)), ("i", (S.LOWER_ROMAN, 1)), ("I", (S.UPPER_ROMAN, 1)),
    ("iv", (S.LOWER_ROMAN, 4)), ("IV", (S.UPPER_ROMAN, 4)), ("MCM", (S.UPPER_ROMAN, 1900)),
    ("mi", (S.LOWER_ROMAN, 1001)),
    ("x", (S.LOWER_ALPHA, 24)), ("X", (S.UPPER_ALPHA, 24)), ("c", (S.LOWER_ALPHA, 3)), ("AB", (S.UPPER_ALPHA, 28)),
    ("abc", (S.LOWER_ALPHA, 731)), ("ivx", (S.LOWER_ALPHA, 6680)),
    ("abcd", "'abcd' is not a number in any scheme"), ("Ab", "'Ab' is not a number in any scheme"),
    ("1a", "'1a' is not a number in any scheme"), ("IIII", "'IIII' is not a number in any scheme"),
    ("1" * 16, "has a part of 16 characters; the limit is 15"),
])
def test_an_example_declares_its_scheme_and_start(segment: str, read: tuple[num.Scheme, int] | str) -> None:
    if isinstance(read, str):
        with pytest.raises(num.NumberingError, match=r"^" + read.replace("(", r"\(") + "$"):
            num.example_scheme(segment)
    else:
        assert num.example_scheme(segment) == read


@pytest.mark.parametrize(("example", "literal", "style"), [
    ("1.", False, num.Style(S.ARABIC, 1, num.Prefix.NONE, (), "", ".")),
    ("1.1", False, num.Style(S.ARABIC, 1, num.Prefix.INHERIT, (), "", "")),
    ("1.1", True, num.Style(S.ARABIC, 1, num.Prefix.LITERAL, ("1",), "", "")),
    ("(a)", False, num.Style(S.LOWER_ALPHA, 1, num.Prefix.NONE, (), "(", ")")),
    ("b)", True, num.Style(S.LOWER_ALPHA, 2, num.Prefix.NONE, (), "", ")")),
    ("I.1", False, num.Style(S.ARABIC, 1, num.Prefix.INHERIT, (), "", "")),
    ("2.i.", True, num.Style(S.LOWER_ROMAN, 1, num.Prefix.LITERAL, ("2",), "", ".")),
])
def test_a_style_is_declared_by_its_example(example: str, literal: bool, style: num.Style) -> None:
    assert num.style_from_example(example, literal_prefix=literal) == style


def test_a_style_writes_numbers_under_their_parent() -> None:
    literal = num.style_from_example("I.1", literal_prefix=True)
    assert (literal.prefix_for(("9",)), literal.format(("9",), 3)) == (("I",), "I.3")
    assert (num.DEEPER_LEVEL.prefix_for(()), num.DEEPER_LEVEL.prefix_for(None)) == ((), ())
    assert (num.DEEPER_LEVEL.format(("2",), 4), num.TOP_LEVEL.format(("2",), 4)) == ("2.4", "4.")
    assert num.TOP_LEVEL.format(None, -1) is None
    assert num.Style(S.UPPER_ROMAN, 1, num.Prefix.NONE, (), "(", ")").format(None, 4) == "(IV)"
    assert [scheme.described for scheme in S] == [
        "arabic numerals (1, 2, 3)", "upper-case roman numerals (I, II, III)",
        "lower-case roman numerals (i, ii, iii)", "upper-case letters (A, B, C)", "lower-case letters (a, b, c)"]


# --- layout.py and lexer.py: indentation into nesting, its three errors, tabs, comments ----------------------------

MIXED = ("mixed-indent", "error", "this line's indentation mixes tabs and spaces with the lines above, so how deep "
         "it is nested depends on how wide an editor shows a tab")
MIXED_HINT = ("indent with spaces only (or with tabs only); agendadsl counts a tab as 4 columns, other editors as 2 "
              "or 8")


@pytest.mark.parametrize(("text", "span"), [
    ("1. A\n\t1.1 B\n    1.2 C\n", (3, 5, 3, 6)),
    ("1. A\n    1.1 B\n\t  1.2 C\n", (3, 4, 3, 5)),
])
def test_tabs_and_spaces_that_nest_differently_in_editors_stop_the_reading(text: str,
                                                                           span: tuple[int, int, int, int]) -> None:
    result = parse(text)
    assert (result.agenda, result.recovered, result.skipped) == (None, None, frozenset())
    assert [full(d) for d in result.diagnostics] == [(*MIXED, span, MIXED_HINT, (), ())]


def test_tabs_alone_nest_like_spaces() -> None:
    agenda = parse("1. A\n\t1.1 B\n\t\t1.1.1 C\n\t1.2 D\n2. E\n").agenda
    assert [(item.number.value, depth) for item, depth in walk(agenda.items)] == [
        ("1.", 1), ("1.1", 2), ("1.1.1", 3), ("1.2", 2), ("2.", 1)]


def _inconsistent(line: int, width: int, outer: int, inner: int) -> tuple[object, ...]:
    return ("inconsistent-indent", "error", f"this line is indented {width} columns, which matches no enclosing level "
            f"({outer} or {inner})", (line, width + 1, line, width + 2), f"indent it by {inner} columns like the lines "
            f"above, or {f'by {outer}' if outer else 'not at all'} like the line their block belongs to", (), ())


@pytest.mark.parametrize(("text", "diagnostic", "depths"), [
    # Nearer the outer level: a sibling of 1.1.
    ("1. A\n   1.1 B\n      1.1.1 C\n    1.2 D\n", _inconsistent(4, 4, 3, 6), [1, 2, 3, 2]),
    # Nearer the inner level: a sibling of 1.1.1.
    ("1. A\n   1.1 B\n      1.1.1 C\n     1.1.2 D\n", _inconsistent(4, 5, 3, 6), [1, 2, 3, 3]),
    # Halfway: the inner level.
    ("1. A\n  1.1 B\n      1.1.1 C\n    1.1.2 D\n", _inconsistent(4, 4, 2, 6), [1, 2, 3, 3]),
    # Between the margin and an item's children.
    ("1. A\n      1.1 B\n   1.2 C\n", _inconsistent(3, 3, 0, 6), [1, 2, 2]),
])
def test_a_line_between_two_levels_is_reported_and_snapped_to_the_nearer(text: str, diagnostic: tuple[object, ...],
                                                                         depths: list[int]) -> None:
    result = parse(text)
    assert [full(d) for d in result.diagnostics] == [diagnostic]
    assert [depth for _, depth in walk(result.agenda.items)] == depths


def test_nesting_deeper_than_the_limit_stops_the_reading() -> None:
    deepest = "".join(" " * depth + "#. x\n" for depth in range(33))
    assert parse(deepest).ok
    result = parse(deepest + " " * 33 + "#. x\n")
    assert (result.agenda, result.recovered) == (None, None)
    assert [full(d) for d in result.diagnostics] == [
        ("nesting-too-deep", "error", "this line is indented more than 32 levels deep", (34, 34, 34, 35),
         "lines may be indented at most 32 levels, so items nest at most 33 deep; flatten this part of the agenda",
         (), ())]


def test_comments_are_kept_with_their_indentation_and_place() -> None:
    agenda = parse("// top\n1. A\n   //  under A \n   1.1 B\n\t// tabbed\n// last\n").agenda
    assert [(c.text, c.indent, tuple(c.span)) for c in agenda.comments] == [
        ("top", 0, (1, 1, 1, 7)), ("under A", 3, (3, 4, 3, 16)), ("tabbed", 4, (5, 2, 5, 11)),
        ("last", 0, (6, 1, 6, 8))]
    assert [(item.number.value, depth) for item, depth in walk(agenda.items)] == [("1.", 1), ("1.1", 2)]


@pytest.mark.parametrize("text", ["1. A\n   1.1 B\n// end", "1. A\n   1.1 B\n   // end", "1. A\n   1.1 B",
                                  "1. A\n   1.1 B\n\n\n"])
def test_the_file_may_end_on_a_comment_or_without_a_line_end(text: str) -> None:
    result = parse(text)
    assert result.ok
    assert [(item.number.value, depth) for item, depth in walk(result.agenda.items)] == [("1.", 1), ("1.1", 2)]


@pytest.mark.parametrize(("whitespace", "tab", "width"), [
    ("", 4, 0), ("\t", 4, 4), (" \t", 4, 4), ("   \t", 4, 4), ("    \t", 4, 8), ("\t", 2, 2), ("  \t ", 8, 9),
    ("\t\t", 4, 8), ("   ", 4, 3),
])
def test_a_tab_advances_to_the_next_multiple_of_its_width(whitespace: str, tab: int, width: int) -> None:
    assert layout.indent_width(whitespace, tab) == width


def test_a_line_indentation_counts_tabs_and_spaces_only() -> None:
    assert (layout.line_indent("\t  x "), layout.line_indent("x"), layout.line_indent("  \u00a0x")) == (6, 0, 2)


@pytest.mark.parametrize(("levels", "indentation", "dependent"), [
    ([""], "\t", False), (["", "  "], "\t", True), (["", "\t"], "    ", True), (["", "\t"], "\t\t", False),
    (["", "        "], "\t", True), (["", "  "], "    ", False), (["", "\t"], "\t", False),
])
def test_a_line_depends_on_the_tab_width_only_where_tabs_and_spaces_mix(levels: list[str], indentation: str,
                                                                        dependent: bool) -> None:
    assert layout.tab_dependent(levels, indentation) is dependent


@pytest.mark.parametrize(("text", "spans"), [
    ("1. A\r\n2. B\r3. C", [(1, 1, 1, 5), (2, 1, 2, 5), (3, 1, 3, 5)]),
    ("\ufeff1. A\n   1.1 B\n", [(1, 1, 1, 5), (2, 4, 2, 9)]),
    ("1. A\n\n\n   1.1 Bee\n", [(1, 1, 1, 5), (4, 4, 4, 11)]),
])
def test_items_keep_their_lines_and_columns(text: str, spans: list[tuple[int, int, int, int]]) -> None:
    assert [tuple(item.span) for item, _ in walk(parse(text).agenda.items)] == spans


def test_a_token_span_is_never_empty() -> None:
    from lark import Token as LarkToken

    empty = LarkToken("_INDENT", "", 0, 3, 5, 3, 5, 0)
    word = LarkToken("LINE", "abc", 0, 2, 4, 2, 7, 3)
    assert (layout.token_span(empty), layout.token_span(word), layout.token_range(empty, word)) == (
        Span(3, 5, 3, 6), Span(2, 4, 2, 7), Span(3, 5, 2, 7))
    assert layout.token_span(LarkToken("X", "")) == Span(1, 1, 1, 2)


# --- recovery.py: after a syntax error, the bad line and what belongs to it are left out -------------------------

NOT_AN_ITEM_UNDER = ("not-an-item", "error", "this line does not start with an item number or a line marker")


@pytest.mark.parametrize(("text", "errors", "skipped", "outline"), [
    # The lines indented under a bad line, and its translations, go with it.
    ("1. A\nBad line\n   1.1 under bad\n   fr: x\n2. B\nAnother bad\n3. C\n",
     [(*NOT_AN_ITEM_UNDER, (2, 1, 2, 4), MARKERS_UNDER, (), ()),
      (*NOT_AN_ITEM_UNDER, (6, 1, 6, 8), MARKERS_UNDER, (), ())],
     [2, 3, 4, 6], [("1.", 1), ("2.", 1), ("3.", 1)]),
    ("1. A\nBad\nfr: Mauvais\n   1.1 x\n2. B\n", [(*NOT_AN_ITEM_UNDER, (2, 1, 2, 4), MARKERS_UNDER, (), ())],
     [2, 3, 4], [("1.", 1), ("2.", 1)]),
    # Blank lines after a bad line stay.
    ("1. A\nBad\n\n   \n2. B\n", [(*NOT_AN_ITEM_UNDER, (2, 1, 2, 4), MARKERS_UNDER, (), ())], [2],
     [("1.", 1), ("2.", 1)]),
    # A run of over-indented lines is one error.
    ("1. A\n   - b\n      x\n      y\n2. B\n", [("unexpected-indent", "error", "this line is indented more than the "
                                                "line above allows", (3, 7, 3, 8), UNDER_BULLET, (), ())],
     [3, 4], [("1.", 1), ("2.", 1)]),
    # A block written without indentation is one error, and its first line goes with its lines.
    ("next meetings:\n- 7 December 2020\n- 8 December 2020\n1. A\n",
     [("missing-indent", "error", "the lines of this block must be indented", (2, 1, 2, 2), BLOCK_INDENT, (), ())],
     [1, 2, 3, 4], []),
    ("next meetings:\n\n1. A\nbad\n",
     [("missing-indent", "error", "the lines of this block must be indented", (3, 1, 3, 2), BLOCK_INDENT, (), ())],
     [1, 3, 4], []),
    ("1. A\nnext meetings:\n", [("missing-indent", "error", "the lines of this block must be indented", (2, 15, 2, 16),
                                 BLOCK_INDENT, (), ())], [2], [("1.", 1)]),
    # An empty block after a run of over-indented lines is an error of its own.
    ("1. A\n   - b\n      x\nnext meetings:\n",
     [("unexpected-indent", "error", "this line is indented more than the line above allows", (3, 7, 3, 8),
       UNDER_BULLET, (), ()),
      ("missing-indent", "error", "the lines of this block must be indented", (4, 15, 4, 16), BLOCK_INDENT, (), ())],
     [3, 4], [("1.", 1)]),
    # Translations go with a bad line only straight after it, before the lines indented under it.
    ("1. A\nBad\n   x\nfr: y\n2. B\n", [(*NOT_AN_ITEM_UNDER, (2, 1, 2, 4), MARKERS_UNDER, (), ())],
     [2, 3], [("1.", 1), ("2.", 1)]),
    ("1. A\nBad\nfr: y\n   x\n2. B\n", [(*NOT_AN_ITEM_UNDER, (2, 1, 2, 4), MARKERS_UNDER, (), ())],
     [2, 3, 4], [("1.", 1), ("2.", 1)]),
    # A comment between a bad line and the line under it does not end its block.
    ("1. A\nBad\n// note\n   1.1 x\n2. B\n", [(*NOT_AN_ITEM_UNDER, (2, 1, 2, 4), MARKERS_UNDER, (), ())],
     [2, 3, 4], [("1.", 1), ("2.", 1)]),
])
def test_what_recovery_leaves_out_and_what_still_comes_out(text: str, errors: list[tuple[object, ...]],
                                                           skipped: list[int], outline: list[tuple[str, int]]) -> None:
    result = parse(text)
    assert result.agenda is None
    assert [full(d) for d in result.diagnostics] == errors
    assert sorted(result.skipped) == skipped
    assert [(item.number.value, depth) for item, depth in walk(result.recovered.items)] == outline


def test_recovery_stops_after_fifty_errors_and_says_where() -> None:
    result = parse("".join(f"bad {n}\n" for n in range(60)))
    assert (result.agenda, result.recovered, len(result.diagnostics)) == (None, None, 51)
    assert [d.span.line for d in result.diagnostics[:50]] == list(range(1, 51))
    assert full(result.diagnostics[-1]) == (
        "too-many-errors", "error", "stopped after 50 syntax errors: the rest of the file was not read", (50, 1, 50, 2),
        "fix these and check again; is this an agenda file?", (), ())


def test_a_file_too_large_to_parse_often_stops_recovering_early() -> None:
    result = parse("bad 1\nbad 2\nbad 3\n// " + "x" * 2_100_000)
    assert (result.agenda, result.recovered) == (None, None)
    assert [(d.code, d.message, tuple(d.span)) for d in result.diagnostics] == [
        (*NOT_AN_ITEM_UNDER[::2], (1, 1, 1, 4)), (*NOT_AN_ITEM_UNDER[::2], (2, 1, 2, 4)),
        ("too-many-errors", "stopped after 2 syntax errors: the rest of the file was not read", (2, 1, 2, 2))]


def test_the_stop_is_placed_at_the_last_error_reported() -> None:
    result = parse("1. A\n" + "   @for voting\n" * 60)
    assert [tuple(d.span) for d in result.diagnostics[-2:]] == [(51, 9, 51, 15), (51, 9, 51, 10)]
    assert result.diagnostics[-1].code == "too-many-errors"


def test_forty_nine_errors_are_all_reported_and_no_more() -> None:
    result = parse("1. A\n" + "".join(f"bad {n}\n" for n in range(49)))
    assert [d.code for d in result.diagnostics] == ["not-an-item"] * 49
    assert [(item.number.value, depth) for item, depth in walk(result.recovered.items)] == [("1.", 1)]


def test_the_lines_recovery_leaves_out_become_comments() -> None:
    from agendadsl.language.recovery import Recovery, inert, translation

    recovery = Recovery.of("1. A\nBad\n   x\n\n2. B")
    assert (recovery.reparses, recovery.exhausted) == (50, False)
    assert recovery._skip(2) == range(2, 4)
    assert (recovery.text(), recovery.skipped) == ("1. A\n//\n//\n\n2. B", {2, 3})
    assert recovery._skip(4) is None and recovery._skip(9) is None and recovery._skip(0) is None
    assert (inert("  // x"), inert(" \t"), inert("x // y"), translation("   fr: x"), translation("x: y")) == (
        True, True, False, True, False)
    assert Recovery.of("x" * 1_000_000).reparses == 2
    assert Recovery.of("x" * 3_000_000).reparses == 1


# --- source.py: bytes to text, line ends, positions ----------------------------------------------------------------

def test_a_file_that_is_not_utf8_says_which_byte_and_where() -> None:
    from agendadsl.language.source import decode

    for data, message, span in [
        (b"1. A\n\xff\xfeB", "the file is not valid UTF-8: byte(s) ff at line 2", (2, 1, 2, 2)),
        (b"1. A\n  ab\xe9", "the file is not valid UTF-8: byte(s) e9 at line 2", (2, 5, 2, 6)),
        (b"\xef\xbb\xbf\xc3", "the file is not valid UTF-8: byte(s) c3 at line 1", (1, 1, 1, 2)),
    ]:
        source, diagnostics = decode(data, "agenda.txt")
        assert source is None
        assert [full(d) for d in diagnostics] == [
            ("invalid-utf8", "error", message, span, "save the file as UTF-8 (most editors offer 'Save with encoding')",
             (), ())]


def test_a_file_too_large_is_refused_with_its_size() -> None:
    from agendadsl.language.source import MAX_FILE_BYTES, decode

    data = b"x" * (MAX_FILE_BYTES + 1)
    for size, told in [(MAX_FILE_BYTES + 5, "the file is 20,971,525 bytes"), (None, "the file is larger than that"),
                       (MAX_FILE_BYTES, "the file is larger than that")]:
        assert [full(d) for d in decode(data, "big", size)[1]] == [
            ("file-too-large", "error", f"{told}; agendas are limited to 20,971,520 bytes", (1, 1, 1, 2),
             "split the agenda into several files", (), ())]
    assert decode(data[:-1], "big")[0] is not None


def test_a_decoded_file_knows_its_lines_line_end_and_mark() -> None:
    from agendadsl.language.source import decode

    source, diagnostics = decode(b"\xef\xbb\xbf1. A\r\n2. B\r\n3. C\n", "p")
    assert diagnostics == []
    assert (source.path, source.text, source.bom, source.line_end, source.line_count) == (
        "p", "1. A\n2. B\n3. C\n", True, "\r\n", 4)
    assert [source.line(n) for n in range(6)] == ["", "1. A", "2. B", "3. C", "", ""]
    assert [source.position(offset) for offset in (0, 4, 5, 14, 15)] == [(1, 1), (1, 5), (2, 1), (3, 5), (4, 1)]
    plain = decode(b"1. A\n", "q")[0]
    assert (plain.bom, plain.line_end, plain.line(1), plain.line_count) == (False, "\n", "1. A", 2)
    assert decode(b"1. A", "r")[0].line(1) == "1. A"


@pytest.mark.parametrize(("text", "end"), [
    ("a\r\nb\nc", "\n"), ("a\rb\rc\n", "\r"), ("a", "\n"), ("a\r\nb\r\nc\rd\r", "\r\n"), ("a\r\nb", "\r\n"),
])
def test_the_line_end_most_lines_use(text: str, end: str) -> None:
    from agendadsl.language.source import dominant_line_end

    assert dominant_line_end(text) == end


def test_line_ends_are_normalised_and_written_back() -> None:
    from agendadsl.language.source import encode, normalise_newlines

    assert normalise_newlines("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n"
    assert (encode("a\nb", "\r\n", True), encode("a\nb"), encode("a\nb", "\r")) == (
        b"\xef\xbb\xbfa\r\nb", b"a\nb", b"a\rb")


# --- incremental.py: an edit inside one top-level item parses only that item again ------------------------------

BEFORE = "title: T\n1. A\n   @for decision\n2. B\n   - x\n# H\n3. C\n"


@pytest.mark.parametrize(("after", "start", "end", "parsed"), [
    (BEFORE.replace("2. B", "2. Bee"), 4, 5, "title: T\n\n\n2. Bee\n   - x"),
    (BEFORE.replace("3. C", "3. Cee"), 7, 8, "title: T\n\n\n\n\n\n3. Cee\n"),
    (BEFORE.replace("@for decision", "@for adoption"), 2, 3, "title: T\n1. A\n   @for adoption"),
    (BEFORE.replace("1. A", "1. Aa"), 2, 3, "title: T\n1. Aa\n   @for decision"),
])
def test_an_edit_inside_one_item_parses_that_item_again(after: str, start: int, end: int, parsed: str) -> None:
    from agendadsl.language.incremental import reparse

    reparsed = reparse(parse(BEFORE), BEFORE, after)
    assert (reparsed.start, reparsed.end, reparsed.text) == (start, end, parsed)
    assert reparsed.result.agenda == parse(after).agenda
    assert reparsed.result.diagnostics == parse(after).diagnostics


@pytest.mark.parametrize(("before", "after"), [
    (BEFORE, BEFORE.replace("title: T", "title: Tee")),  # the header
    (BEFORE, BEFORE),  # nothing changed
    (BEFORE, BEFORE + "\n"),  # a line more
    ("\ufeff" + BEFORE, "\ufeff" + BEFORE.replace("2. B", "2. Bee")),  # a byte order mark
    ("1. A\nbad\n2. B\n", "1. A\nbad\n2. C\n"),  # the text before had errors
    (BEFORE, BEFORE.replace("# H", "# H2")),  # a heading
    (BEFORE, BEFORE.replace("   - x", "3. x")),  # a new top-level item
    (BEFORE, BEFORE.replace("@for decision", "@for decison")),  # an error in the item
    (BEFORE, BEFORE.replace("2. B", "2. Bb").replace("3. C", "3. Cc")),  # two items
])
def test_an_edit_that_an_item_alone_cannot_hold_parses_everything_again(before: str, after: str) -> None:
    from agendadsl.language.incremental import reparse

    assert reparse(parse(before), before, after) is None


def test_an_edit_keeps_the_warnings_and_comments_outside_the_item() -> None:
    from agendadsl.language.incremental import reparse

    before = "1.\u00a0A\n// mid\n2. B\n   // in B\n3. C\n// end\n"
    after = before.replace("2. B", "2. Bee").replace("// in B", "// in Bee")
    reparsed = reparse(parse(before), before, after)
    assert (reparsed.start, reparsed.end) == (3, 4)
    assert [(d.code, tuple(d.span)) for d in reparsed.result.diagnostics] == [("space-after-number", (1, 3, 1, 4))]
    assert [(c.text, c.span.line) for c in reparsed.result.agenda.comments] == [
        ("mid", 2), ("in Bee", 4), ("end", 6)]
    # An edit of the item with the warning: its warning is found again.
    again = reparse(parse(before), before, before.replace("1.\u00a0A", "1.\u00a0Aa"))
    assert (again.start, again.end, again.text) == (1, 2, "1.\u00a0Aa\n// mid")
    assert [(d.code, tuple(d.span)) for d in again.result.diagnostics] == [("space-after-number", (1, 3, 1, 4))]


def test_an_item_ends_before_the_footnotes_that_follow_it() -> None:
    from agendadsl.language.incremental import reparse

    before = "1. A[^1]\n2. B\n[^1]: note\n"
    reparsed = reparse(parse(before), before, before.replace("2. B", "2. Bee"))
    assert (reparsed.start, reparsed.end, reparsed.text) == (2, 2, "\n2. Bee")


@pytest.mark.parametrize(("before", "after"), [
    # The text before had an error (inconsistent indentation), though it gave an agenda.
    ("1. A\n      1.1 B\n   1.2 C\n2. D\n", "1. A\n      1.1 B\n   1.2 C\n2. E\n"),
    # A line of the item becomes a footnote.
    (BEFORE, BEFORE.replace("   - x", "[^1]: x")),
    # The item's first line is no longer an item: the item parsed again starts lower.
    (BEFORE, BEFORE.replace("2. B\n   - x", "// B\n3. x")),
])
def test_an_edit_that_changes_the_items_around_parses_everything_again(before: str, after: str) -> None:
    from agendadsl.language.incremental import reparse

    assert reparse(parse(before), before, after) is None


# --- parser.py: the whole parse, its result and the text it reads ------------------------------------------------

def test_a_byte_order_mark_is_no_character_of_the_first_line() -> None:
    result = parse("\ufeff1. A\n")
    assert (result.ok, result.diagnostics, tuple(result.agenda.items[0].span)) == (True, (), (1, 1, 1, 5))


def test_the_scripts_of_the_text_are_recorded() -> None:
    agenda = parse("1. Ordre du jour\n2. \u0645\u0631\u062d\u0628\u0627\n").agenda
    assert (agenda.scripts, agenda.right_to_left) == (frozenset({"ARABIC"}), True)
    digits = parse("1. Room \u0663\n").agenda  # an Arabic-Indic digit: right to left, but no letter
    assert (digits.scripts, digits.right_to_left) == (frozenset(), True)
    latin = parse("1. A\n").agenda
    assert (latin.scripts, latin.right_to_left) == (frozenset(), False)


def test_a_parse_with_an_error_but_an_agenda_is_not_ok() -> None:
    result = parse("1. A\n      1.1 B\n   1.2 C\n")
    assert (result.agenda is not None, result.ok) == (True, False)
    assert parse("1. A\n").ok is True
    assert parse("bad\n").ok is False


# --- diagnostics.py: messages cut to fit a screen, frozen values, fixes indented like their line -----------------

@pytest.mark.parametrize(("text", "limit", "out"), [
    ("a" * 300, 300, "a" * 300),
    ("abcdefghij", 7, "abcd…ij"),
    ("abcdefghij", 10, "abcdefghij"),
    ("abcdefghij", 9, "abcdef…ij"),
    ("0123456789" * 31, 300, ("0123456789" * 31)[:200] + "…" + ("0123456789" * 31)[211:]),
])
def test_a_long_message_is_cut_in_the_middle(text: str, limit: int, out: str) -> None:
    from agendadsl.language.diagnostics import cut

    assert cut(text, limit) == out
    assert len(cut(text, limit)) == min(len(text), limit)


def test_a_diagnostic_cuts_its_message_and_hint_but_not_its_code() -> None:
    from agendadsl.language.diagnostics import error

    diagnostic = error("c" * 400, "m" * 301, Span(1, 1, 1, 2), "h" * 301)
    assert (diagnostic.code, diagnostic.message, diagnostic.hint) == (
        "c" * 400, "m" * 200 + "…" + "m" * 99, "h" * 200 + "…" + "h" * 99)
    assert error("c", "m", Span(1, 1, 1, 2)).hint is None


def test_a_diagnostic_is_a_frozen_value() -> None:
    import copy
    import pickle
    from dataclasses import FrozenInstanceError

    from agendadsl.language.diagnostics import Fix, Related, Severity, error, sort_key, warning

    related = (Related(Span(1, 1, 1, 2), "r"),)
    fixes = (Fix("t", Span(1, 2, 1, 3), "x"),)
    diagnostic = error("c", "m", Span(1, 2, 1, 3), "h", related, fixes)
    assert repr(diagnostic) == (
        "Diagnostic(code='c', severity=<Severity.ERROR: 'error'>, message='m', span=Span(line=1, column=2, "
        "end_line=1, end_column=3), hint='h', related=(Related(span=Span(line=1, column=1, end_line=1, end_column=2), "
        "message='r'),), fixes=(Fix(title='t', span=Span(line=1, column=2, end_line=1, end_column=3), text='x'),))")
    again = pickle.loads(pickle.dumps(diagnostic))
    assert (again, again.fixes, copy.copy(diagnostic).fixes) == (diagnostic, fixes, fixes)
    assert diagnostic == error("c", "m", Span(1, 2, 1, 3), "h", related)  # the fixes are not compared
    assert hash(diagnostic) == hash(error("c", "m", Span(1, 2, 1, 3), "h", related))
    assert diagnostic != error("c", "m", Span(1, 2, 1, 3), "h")
    assert diagnostic != warning("c", "m", Span(1, 2, 1, 3), "h", related)
    assert (diagnostic == "c") is False
    assert (diagnostic.is_error, warning("c", "m", Span(1, 1, 1, 2)).is_error) == (True, False)
    assert warning("c", "m", Span(1, 1, 1, 2)).severity is Severity.WARNING
    for value, name in [(diagnostic, "code"), (related[0], "message"), (fixes[0], "text")]:
        with pytest.raises(FrozenInstanceError, match=f"^cannot assign to field '{name}'$"):
            setattr(value, name, "y")
        with pytest.raises(FrozenInstanceError, match=f"^cannot delete field '{name}'$"):
            delattr(value, name)
    assert (related[0] == Related(Span(1, 1, 1, 2), "r"), related[0] == Related(Span(1, 1, 1, 2), "s")) == (True, False)
    assert hash(related[0]) == hash(Related(Span(1, 1, 1, 2), "r"))
    assert (fixes[0] == Fix("t", Span(1, 2, 1, 3), "x"), fixes[0] == Fix("t", Span(1, 2, 1, 3), "y")) == (True, False)
    assert hash(fixes[0]) == hash(Fix("t", Span(1, 2, 1, 3), "x"))
    assert repr(related[0]) == "Related(span=Span(line=1, column=1, end_line=1, end_column=2), message='r')"
    assert pickle.loads(pickle.dumps(related[0])) == related[0]
    assert pickle.loads(pickle.dumps(fixes[0])) == fixes[0]
    ordered = sorted([error("b", "m", Span(2, 1, 2, 2)), error("b", "m", Span(1, 5, 1, 6)),
                      error("a", "m", Span(1, 5, 1, 6)), error("z", "m", Span(1, 1, 1, 2))], key=sort_key)
    assert [(d.code, d.span.line, d.span.column) for d in ordered] == [("z", 1, 1), ("a", 1, 5), ("b", 1, 5),
                                                                        ("b", 2, 1)]


def test_a_fix_of_several_lines_is_indented_like_its_line() -> None:
    from agendadsl.language.diagnostics import Fix

    fix_ = Fix("t", Span(1, 1, 1, 1), "a\nb\nc")
    assert (fix_.text_for("\t  x"), fix_.text_for("x"), fix_.text_for("   \u00a0x")) == (
        "a\n\t  b\n\t  c", "a\nb\nc", "a\n   b\n   c")


def test_notes_are_split_by_a_blank_line_but_not_by_a_comment() -> None:
    def notes(text: str) -> list[list[int]]:
        return [[line.span.line for line in note.lines] for note in parse(text).agenda.items[0].notes]

    assert notes("1. A\n   > one\n   // c\n   > two\n") == [[2, 4]]
    assert notes("1. A\n   > one\n\n   > two\n") == [[2], [4]]
    assert notes("1. A\n   > one\n   > two\n") == [[2, 3]]


def test_nesting_by_tabs_stops_at_the_same_limit() -> None:
    deepest = "".join("\t" * depth + "#. x\n" for depth in range(33))
    assert parse(deepest).ok
    result = parse(deepest + "\t" * 33 + "#. x\n")
    assert [(d.code, tuple(d.span)) for d in result.diagnostics] == [("nesting-too-deep", (34, 34, 34, 35))]


def _slow_parse(text: str) -> tuple[object, list[tuple[str, int, tuple[int, ...]]]]:
    """The parse through Lark's contextual lexer and layout.Layout (the path the line lexer must match)."""
    from agendadsl.language.grammar import run_parser, text_lexer

    sink, reset = layout.open_sink(text)
    try:
        agenda = run_parser(text, text_lexer(False))
    finally:
        layout.close_sink(reset)
    return agenda, [(c.text, c.indent, tuple(c.span)) for c in sink.comments]


@pytest.mark.parametrize(("text", "comments"), [
    ("1. A\n   1.1 B\n   // end", [("end", 3, (3, 4, 3, 10))]),
    ("1. A\n   1.1 B\n// end\n", [("end", 0, (3, 1, 3, 7))]),
    ("1. A\n   1.1 B\n      1.1.1 C\n2. D", []),
    ("1. A\n\t1.1 B\n\n  // c\n\t\t1.1.1 C\n2. D\n", [("c", 2, (4, 3, 4, 7))]),
])
def test_the_layout_post_lexer_nests_as_the_line_lexer_does(text: str,
                                                              comments: list[tuple[str, int, tuple[int, ...]]]) -> None:
    agenda, found = _slow_parse(text)
    assert agenda == parse(text).agenda
    assert found == comments


@pytest.mark.parametrize(("text", "code", "span"), [
    ("1. A\n\t1.1 B\n    1.2 C\n", "mixed-indent", (3, 5, 3, 6)),
    ("".join(" " * depth + "#. x\n" for depth in range(34)), "nesting-too-deep", (34, 34, 34, 35)),
])
def test_the_layout_post_lexer_stops_where_the_line_lexer_does(text: str, code: str,
                                                               span: tuple[int, int, int, int]) -> None:
    with pytest.raises(layout.LayoutAbort) as caught:
        _slow_parse(text)
    assert (caught.value.diagnostic.code, tuple(caught.value.diagnostic.span)) == (code, span)
    assert str(caught.value) == caught.value.diagnostic.message


# --- syntax_errors.py: the words for every terminal, every field synonym and every documented example --------------

@pytest.mark.parametrize(("name", "words"), [
    ("NUMBER", "an item number (1., 2.1, (a))"), ("AUTO", "'#.'"), ("UNNUMBERED", "'*'"), ("BULLET", "'-'"),
    ("ACTION_MARK", "'- [ ]'"), ("NOTE", "'>'"), ("INTERNAL", "'!'"), ("NEXT_MEETINGS", "'next meetings:'"),
    ("PAST_MEETINGS", "'past meetings:'"), ("TABLE", "'table:'"), ("VERBATIM", "'|'"),
    ("HOST", "'hosted by' and a name"), ("PARTICIPANTS", "'participants:'"), ("ANNEXES", "'annexes:'"),
    ("TRANSLATION", "a translation such as 'fr: ...'"), ("FOOTNOTE", "a footnote '[^1]: text'"),
    ("NEXT_DATE", "a date"), ("HEADING", "'#' for a heading"), ("ANNOTATION", "'>>'"), ("FIELD_NAME", "a field name"),
    ("INLINE", "text"), ("LINE", "text"), ("DOCREF", "a document reference such as [T-ES(2020)23]"),
    ("_COLON", "':'"), ("COLON", "':'"), ("DASH", "'-'"), ("PLACE", "a place"), ("TBC", "'(tbc)'"),
    ("LANG", "a language code such as en or fr"), ("SERIES_NAME", "a series name"),
    ("SERIES_PATTERN", "a pattern such as T-ES({year}){n}"), ("SERIES_URL", "a URL"),
    ("NUMBER_EXAMPLE", "a numbering example such as 1., 1.1 or (a)"), ("_NL", "the end of the line"),
    ("_INDENT", "an indented line"), ("_DEDENT", "a line indented less"), ("$END", "the end of the file"),
    ("COMMA", "','"), ("SEMICOLON", "';'"), ("SLASH", "'/'"), ("ACTION", f"one of {ACTIONS}"),
    ("ITEM_STATUS", "one of 'withdrawn', 'postponed', 'tbc'"), ("SESSION", "one of 'public', 'closed'"),
    ("VISIBILITY", "one of 'public', 'internal'"), ("KIND", "one of 'in person', 'virtual', 'hybrid'"),
    ("DISTRIBUTION", "one of 'public', 'general', 'restricted', 'limited'"), ("FREEZE", "one of 'frozen', 'free'"),
    ("DOCS_STATE", "one of 'available', 'to follow'"), ("BODY", "'body'"), ("BREAK", "'@break'"),
])
def test_every_token_the_parser_expects_is_named_in_words(name: str, words: str) -> None:
    assert _describe({name}) == words


@pytest.mark.parametrize(("word", "field"), [
    ("location", "place"), ("venue", "place"), ("room", "place"), ("name", "meeting"), ("chairman", "chair"),
    ("chairperson", "chair"), ("president", "chair"), ("secretary", "contact"), ("distr", "distribution"),
    ("date of issue", "issued"), ("published", "issued"), ("committee", "body"), ("organisation", "body"),
    ("organization", "body"), ("lang", "language"), ("ref", "reference"), ("symbol", "reference"), ("dates", "date"),
    ("day", "date"), ("start", "time"), ("format", "kind"), ("type", "kind"), ("mode", "kind"),
])
def test_every_synonym_of_a_header_field_suggests_the_field(word: str, field: str) -> None:
    assert unknown_field(word, Span(1, 1, 1, 2)).hint == f"did you mean '{field}:'?"


DATE_HINT = ("write a date like 23 November 2020, Monday 23 November 2020, March 4, 2025, 24/06/2025 or 2020-11-23; "
             "a range like 7-11 December 2020 or 28 June - 2 July 2021")


@pytest.mark.parametrize(("text", "diagnostic"), [
    ("date: 23 Novmber 2020\n1. A\n", ("date-syntax", "error", "'Novmber' is not part of a date", (1, 10, 1, 17),
                                       "did you mean 'November'? W" + DATE_HINT[1:], (), ())),
    ("date: tomorrow\n1. A\n", ("date-syntax", "error", "'tomorrow' is not a month or a weekday", (1, 7, 1, 15),
                                DATE_HINT, (), ())),
    ("1. A\n   @time nine\n", ("time-syntax", "error", "'nine' is not a time", (2, 10, 2, 14),
                              "write a time like 09:30, 9.30, 9 am, 3.15 p.m. or 18 h 30; a slot like 09:30-10:00 or "
                              "09:30 to 10:00", (), ())),
    ("1. A\n   @for decision\n   @room 12\n", ("unknown-attribute", "error", "unknown attribute '@room'", (3, 4, 3, 9),
                                              "attributes are @time, @duration, @presenter, @for, @status, @session, "
                                              "@visibility, @docs, @numbering; declare one of your own in the header "
                                              "('fields: Room')", (), ())),
])
def test_values_read_after_the_parse_are_reported_whole(text: str, diagnostic: tuple[object, ...]) -> None:
    assert [full(d) for d in analyse(text)[1]] == [diagnostic]


def test_every_documented_example_gives_the_diagnostic_pinned_here() -> None:
    from agendadsl.language.syntax_errors import EXAMPLES

    pinned = {text: code for text, (code, *_) in [*SYNTAX_CASES.values(), *CHECKED_NAMES.values()]}
    pinned.update({"date: 23 Novmber 2020\n1. A\n": "date-syntax", "date: tomorrow\n1. A\n": "date-syntax",
                   "1. A\n   @time nine\n": "time-syntax", "1. A\n   @for decision\n   @room 12\n": "unknown-attribute",
                   "2.1Chapter I\n": "missing-space"})
    assert {code: [pinned.get(text) for text in texts] for code, texts in EXAMPLES.items()} == {
        code: [code] * len(texts) for code, texts in EXAMPLES.items()}


def test_a_decimal_number_without_its_space_is_reported_at_the_number() -> None:
    # The hint is left out: it advises '2. 1Chapter I' (the number cut at its first dot), not '2.1 Chapter I'.
    [diagnostic] = parse("2.1Chapter I\n").diagnostics
    assert (diagnostic.code, diagnostic.message, tuple(diagnostic.span)) == (
        "missing-space", "an item number must be followed by a space", (1, 1, 1, 11))


def test_a_subclass_of_a_diagnostic_value_may_add_attributes_but_not_change_fields() -> None:
    from dataclasses import FrozenInstanceError

    from agendadsl.language.diagnostics import Fix, Related, Severity

    class Noted(Diagnostic):
        pass

    class Pointed(Related):
        pass

    class Fixed(Fix):
        pass

    for value, field_name in [(Noted("c", Severity.ERROR, "m", Span(1, 1, 1, 2)), "message"),
                              (Pointed(Span(1, 1, 1, 2), "r"), "span"), (Fixed("t", Span(1, 1, 1, 2), "x"), "title")]:
        value.note = "kept"
        assert value.note == "kept"
        del value.note
        assert not hasattr(value, "note")
        with pytest.raises(FrozenInstanceError, match=f"^cannot assign to field '{field_name}'$"):
            setattr(value, field_name, "y")
        with pytest.raises(FrozenInstanceError, match=f"^cannot delete field '{field_name}'$"):
            delattr(value, field_name)


@pytest.mark.parametrize(("line", "hint"), [
    ("2.1Chapter I", "write '2.1 Chapter I'"),  # was '2. 1Chapter I': only '.' or ')' ended a number
    ("3.2.1Report", "write '3.2.1 Report'"),
    ("10Items", "write '10 Items'"),
    ("2.1.Chapter", "write '2.1. Chapter'"),
    ("12)Budget", "write '12) Budget'"),
    ("IV.Close", "write 'IV. Close'"),
    ("(a)Report", "write '(a) Report'"),
])
def test_the_missing_space_hint_puts_the_space_after_the_whole_number(line: str, hint: str) -> None:
    assert [(d.code, d.hint) for d in parse(line + "\n").diagnostics] == [("missing-space", hint)]
