"""Syntax errors as coded diagnostics with human wording. No Lark name reaches the user.

``EXAMPLES`` is the table of malformed inputs and the code each must produce; the tests run every
example. ``translate`` classifies a Lark failure by what the parser expected at that point and
what it found there.
"""

from __future__ import annotations

import difflib
import re

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .diagnostics import Diagnostic, error
from .span import Span

HEADER_FIELDS = ("body", "meeting", "kind", "platform", "place", "date", "time", "reference", "status",
                 "language", "numbering", "series", "numbers")
ATTRIBUTES = ("@time", "@duration", "@presenter", "@for", "@status", "@session", "@visibility", "@docs",
              "@numbering")
FIELD_SYNONYMS = {"location": "place", "venue": "place", "room": "place", "title": "meeting", "name": "meeting",
                  "committee": "body", "organisation": "body", "organization": "body", "lang": "language",
                  "ref": "reference", "symbol": "reference", "dates": "date", "day": "date", "start": "time",
                  "format": "kind", "type": "kind", "mode": "kind"}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")

_CHOICES = {
    "ACTION": ("decision", "information", "discussion", "adoption", "approval", "consultation"),
    "ITEM_STATUS": ("withdrawn", "postponed", "tbc"),
    "SESSION": ("public", "closed"),
    "VISIBILITY": ("public", "internal"),
    "KIND": ("in person", "virtual", "hybrid"),
    "STATUS": ("draft", "provisional", "revised", "adopted", "final"),
    "FREEZE": ("frozen", "free"),
}

_NAMES = {
    "NUMBER": "an item number (1., 2.1, (a))",
    "AUTO": "'#.'",
    "UNNUMBERED": "'*'",
    "BULLET": "'-'",
    "NOTE": "'>'",
    "INTERNAL": "'!'",
    "NEXT_MEETINGS": "'next meetings:'",
    "INLINE": "text",
    "LINE": "text",
    "DOCREF": "a document reference such as [T-ES(2020)23]",
    "_COLON": "':'",
    "COLON": "':'",
    "DASH": "'-'",
    "PLACE": "a place",
    "TBC": "'(tbc)'",
    "LANG": "a language code such as en or fr",
    "REVISION": "a revision such as Rev.1",
    "SERIES_NAME": "a series name",
    "SERIES_PATTERN": "a pattern such as T-ES({year}){n}",
    "SERIES_URL": "a URL",
    "WEEKDAY": "a weekday",
    "MONTH": "a month name",
    "DAY": "a day of the month",
    "YEAR": "a four-digit year",
    "ISO_DATE": "a date such as 2020-11-23",
    "TIME": "a time such as 09:30",
    "INT": "a number",
    "ZONE": "a time zone such as UTC or Europe/Paris",
    "HOURS": "'h'",
    "MINUTES": "'min'",
    "NUMBER_EXAMPLE": "a numbering example such as 1., 1.1 or (a)",
    "_NL": "the end of the line",
    "_INDENT": "an indented line",
    "_DEDENT": "a line indented less",
    "$END": "the end of the file",
    "COMMA": "','",
    "SEMICOLON": "';'",
    "SLASH": "'/'",
}
for _name, _values in _CHOICES.items():
    _NAMES[_name] = "one of " + ", ".join(f"'{v}'" for v in _values)

EXAMPLES: dict[str, tuple[str, ...]] = {
    "not-an-item": ("Opening of the meeting\n", "1. A\nAny other business\n"),
    "missing-space": ("1.Opening of the meeting\n", "2.1Chapter I\n"),
    "unknown-attribute": ("1. A\n   @chair Ms Doe\n", "1. A\n   @for decision\n   @room 12\n"),
    "unknown-field": ("titel: 31st meeting\n1. A\n", "Date: 23 November 2020\n1. A\n"),
    "field-after-items": ("1. A\ndate: 23 November 2020\n",),
    "unexpected-indent": ("body: X\n   1. A\n", "1. A\n   - bullet\n      - sub-bullet\n"),
    "invalid-value": ("1. A\n   @for voting\n", "kind: online\n1. A\n", "1. A\n   @session secret\n"),
    "date-syntax": ("date: 23 Novmber 2020\n1. A\n", "date: tomorrow\n1. A\n"),
    "time-syntax": ("1. A\n   @time 9 am\n",),
    "missing-indent": ("next meetings:\n- 7 December 2020\n1. A\n",),
    "syntax-error": ("1. A\n   @docs T-ES(2020)23\n",),
}


def translate(failure: UnexpectedInput, text: str) -> Diagnostic:
    """One diagnostic for a Lark failure, worded for people."""
    line = getattr(failure, "line", None) or 1
    column = getattr(failure, "column", None) or 1
    if line < 0 or column < 0:  # Lark reports -1 at the end of the input
        line, column = _end_of(text)
    expected = _expected(failure)
    token = getattr(failure, "token", None)
    found_type = token.type if isinstance(token, Token) else None
    line_text = _line(text, line)
    found = _found(line_text, column, token)
    span = Span(line, column, line, column + max(1, min(len(found), 200)))
    at_line_start = line_text[: column - 1].strip() == ""

    if found_type == "_INDENT":
        hint = ("remove the spaces before it: the first line starts in the first column" if line == 1 else
                "only items can contain indented lines; align this line with the line above it")
        return error("unexpected-indent", "this line is indented more than the line above allows",
                     Span.point(line, column), hint)
    if expected == {"_INDENT"}:
        return error("missing-indent", "the lines of this block must be indented", Span.point(line, column),
                     "indent the lines under 'next meetings:' by two spaces")
    if at_line_start and "NUMBER" in expected:
        return _line_start(found, line_text, expected, span)
    for name, values in _CHOICES.items():
        if name in expected and not expected & {"PLACE", "INLINE", "LINE"}:
            close = difflib.get_close_matches(found.lower(), values, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "write one of: " + ", ".join(values)
            message = f"'{found}' is not allowed here" if found else "a value is missing here"
            return error("invalid-value", f"{message}; expected {_NAMES[name]}", span, hint)
    if expected & {"MONTH", "DAY", "WEEKDAY", "ISO_DATE", "YEAR"}:
        close = difflib.get_close_matches(found.capitalize(), MONTH_NAMES, n=1)
        hint = f"did you mean '{close[0]}'?" if close and "MONTH" in expected else \
            "write dates like '23 November 2020', 'Monday 23 November 2020' or '2020-11-23'"
        date_parts = [name for name in ("WEEKDAY", "DAY", "MONTH", "YEAR", "ISO_DATE") if name in expected]
        wanted = _NAMES["MONTH"] if "MONTH" in expected and found[:1].isalpha() else \
            _describe(set(date_parts)) if not found[:1].isalpha() else _describe(expected)
        return error("date-syntax", f"expected {wanted}, found '{found}'" if found else f"expected {wanted}",
                     span, hint)
    if "TIME" in expected:
        return error("time-syntax", f"expected a time such as 09:30, found '{found}'", span,
                     "write times on the 24-hour clock: 09:30, 14:00-15:30")
    message = (f"unexpected '{found}'; expected {_describe(expected)}" if found
               else f"the line ends too early; expected {_describe(expected)}")
    hint = "see docs/language.md for the form of each line"
    if "DOCREF" in expected and found and not found.startswith("["):
        hint = f"write document references in brackets: [{found.rstrip(',')}]"
    elif "ZONE" in expected and found:
        hint = "write the time zone as UTC, an offset such as UTC+1, or a zone name such as Europe/London"
    return error("syntax-error", message, span, hint)


def _line_start(found: str, line_text: str, expected: set[str], span: Span) -> Diagnostic:
    word = found.split(":", 1)[0]
    if line_text.strip().lower().startswith("next meetings"):
        return error("unexpected-indent", "'next meetings:' must not be indented: the list stands at the top "
                     "level of the agenda", span, "start the 'next meetings:' line in the first column")
    number = _number_prefix(found)
    if number:
        rest = line_text.strip()[len(number):]
        return error("missing-space", "an item number must be followed by a space", span,
                     f"write '{number} {rest}'")
    top_level = "NOTE" not in expected
    if top_level and (found in ATTRIBUTES or found[:1] in (">", "!", "-")):
        what = "an attribute" if found.startswith("@") else "a note or a bullet"
        return error("not-an-item", f"{what} must be indented under the item "
                     "it belongs to", span, "indent it under an item, or write the item first")
    if found.startswith("@"):
        close = difflib.get_close_matches(found, ATTRIBUTES, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "attributes are " + ", ".join(ATTRIBUTES)
        return error("unknown-attribute", f"unknown attribute '{found}'", span, hint)
    if ":" in line_text and " " not in word.strip():
        if word in HEADER_FIELDS:
            return error("field-after-items", f"the header field '{word}:' comes after the first item", span,
                         "move it to the header at the top of the file, before the first item")
        if word.lower().startswith("next"):
            return error("unknown-field", f"unknown header field '{line_text.strip().split(':')[0]}:'", span,
                         "did you mean 'next meetings:'?")
        close = [FIELD_SYNONYMS[word.lower()]] if word.lower() in FIELD_SYNONYMS else \
            difflib.get_close_matches(word.lower(), HEADER_FIELDS, n=1)
        hint = f"did you mean '{close[0]}:'?" if close else "header fields are " + ", ".join(HEADER_FIELDS)
        return error("unknown-field", f"unknown header field '{word}:'", span, hint)
    markers = ["a number ('3. Title')", "'#.' for an automatic number", "'*' for an unnumbered item"]
    if "NOTE" in expected:  # under an item, not at the top level
        markers += ["'-' for a bullet", "'>' for a note", "'@' for an attribute"]
    return error("not-an-item", "this line does not start with an item number or a line marker", span,
                 "start it with " + ", ".join(markers[:-1]) + " or " + markers[-1])


def _number_prefix(word: str) -> str | None:
    """The longest start of ``word`` that is an item number ending in '.' or ')' ('II.Title' -> 'II.')."""
    from .grammar import lark_parser

    pattern = lark_parser().get_terminal("NUMBER").pattern.to_regexp()
    regex = re.compile(pattern, re.MULTILINE)
    for end in range(min(len(word), 40), 0, -1):
        if word[end - 1] in ".)" and end < len(word) and regex.fullmatch(word[:end]):
            return word[:end]
    return None


def _expected(failure: UnexpectedInput) -> set[str]:
    """What the parser could have taken here, including the layout's _INDENT/_DEDENT, which the
    contextual lexer (and so its error) knows nothing about."""
    from .grammar import lark_parser

    state = getattr(failure, "state", None)
    position = getattr(state, "position", state)
    if isinstance(position, int):
        table = lark_parser().parser.parser._parse_table
        if position in table.states:
            return set(table.states[position])
    if isinstance(failure, UnexpectedCharacters):
        return set(failure.allowed or ())
    if isinstance(failure, (UnexpectedToken, UnexpectedEOF)):
        return set(failure.expected or ())
    return set()


def _describe(expected: set[str]) -> str:
    from .grammar import lark_parser

    names: list[str] = []
    for name in sorted(expected):
        described: str | None
        if name in _NAMES:
            described = _NAMES[name]
        else:
            try:
                pattern = lark_parser().get_terminal(name).pattern
            except KeyError:
                continue
            described = f"'{pattern.value}'" if pattern.type == "str" else None
            if described is None:
                continue
        if described not in names:
            names.append(described)
    if not names:
        return "something else"
    if len(names) > 6:
        return ", ".join(names[:6]) + " or another line"
    return ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1]


def _line(text: str, line: int) -> str:
    lines = text.split("\n", line)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _found(line_text: str, column: int, token: Token | None) -> str:
    """The word at the error, shortened for a message."""
    if isinstance(token, Token) and token.type in ("_INDENT", "_DEDENT", "_NL", "$END"):
        return ""
    rest = line_text[column - 1 :].strip()
    word = rest.split()[0] if rest.split() else ""
    return word if len(word) <= 40 else word[:40] + "…"


def _end_of(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1
