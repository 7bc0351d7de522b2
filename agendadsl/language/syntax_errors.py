"""Syntax errors as coded diagnostics with human wording. No Lark name reaches the user.

``EXAMPLES`` is the table of malformed inputs and the code each must produce; the tests run every
example. ``translate`` classifies a Lark failure by what the parser expected at that point and
what it found there.
"""

from __future__ import annotations

import difflib

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .diagnostics import Diagnostic, error
from .span import Span

HEADER_FIELDS = ("body", "meeting", "title", "kind", "platform", "place", "date", "time", "reference", "status",
                 "language", "numbering", "series", "numbers", "chair", "host", "contact", "issued",
                 "distribution", "original", "fields", "local times", "list of documents",
                 "number label", "issued in")
ATTRIBUTES = ("@time", "@duration", "@presenter", "@for", "@status", "@session", "@visibility", "@docs",
              "@numbering")
GROUP_ATTRIBUTES = ("@date", "@time", "@place", "@kind", "@session")
"""The attributes of a heading (``#``): what its items inherit."""
FIELD_SYNONYMS = {"location": "place", "venue": "place", "room": "place", "name": "meeting",
                  "chairman": "chair", "chairperson": "chair", "president": "chair", "secretary": "contact",
                  "distr": "distribution", "date of issue": "issued", "published": "issued",
                  "committee": "body", "organisation": "body", "organization": "body", "lang": "language",
                  "ref": "reference", "symbol": "reference", "dates": "date", "day": "date", "start": "time",
                  "format": "kind", "type": "kind", "mode": "kind"}

_CHOICES = {
    "ACTION": ("decision", "information", "discussion", "adoption", "approval", "consultation"),
    "ITEM_STATUS": ("withdrawn", "postponed", "tbc"),
    "SESSION": ("public", "closed"),
    "VISIBILITY": ("public", "internal"),
    "KIND": ("in person", "virtual", "hybrid"),
    "DISTRIBUTION": ("public", "general", "restricted", "limited"),
    "FREEZE": ("frozen", "free"),
    "DOCS_STATE": ("available", "to follow"),
}

_NAMES = {
    "NUMBER": "an item number (1., 2.1, (a))",
    "AUTO": "'#.'",
    "UNNUMBERED": "'*'",
    "BULLET": "'-'",
    "ACTION_MARK": "'- [ ]'",
    "NOTE": "'>'",
    "INTERNAL": "'!'",
    "NEXT_MEETINGS": "'next meetings:'",
    "PAST_MEETINGS": "'past meetings:'",
    "TABLE": "'table:'",
    "VERBATIM": "'|'",
    "HOST": "'hosted by' and a name",
    "PARTICIPANTS": "'participants:'",
    "ANNEXES": "'annexes:'",
    "TRANSLATION": "a translation such as 'fr: ...'",
    "FOOTNOTE": "a footnote '[^1]: text'",
    "NEXT_DATE": "a date",
    "HEADING": "'#' for a heading",
    "ANNOTATION": "'>>'",
    "FIELD_NAME": "a field name",
    "INLINE": "text",
    "LINE": "text",
    "DOCREF": "a document reference such as [T-ES(2020)23]",
    "_COLON": "':'",
    "COLON": "':'",
    "DASH": "'-'",
    "PLACE": "a place",
    "TBC": "'(tbc)'",
    "LANG": "a language code such as en or fr",
    "SERIES_NAME": "a series name",
    "SERIES_PATTERN": "a pattern such as T-ES({year}){n}",
    "SERIES_URL": "a URL",
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
    "indent-character": ("1. A\n\u00a0\u00a0\u00a01.1 B\n", "1. A\n  \u202f> note\n"),
    "unknown-attribute": ("1. A\n   @chair Ms Doe\n", "1. A\n   @for decision\n   @room 12\n"),
    "unknown-field": ("titel: 31st meeting\n1. A\n", "Date: 23 November 2020\n1. A\n"),
    "field-after-items": ("1. A\ndate: 23 November 2020\n",),
    "unexpected-indent": ("body: X\n   1. A\n", "1. A\n   - bullet\n      text under it\n"),
    "invalid-value": ("1. A\n   @for voting\n", "kind: online\n1. A\n", "1. A\n   @session secret\n"),
    "date-syntax": ("date: 23 Novmber 2020\n1. A\n", "date: tomorrow\n1. A\n"),
    "time-syntax": ("1. A\n   @time nine\n",),
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
    if at_line_start and (odd := _indent_character(line_text, line)) is not None:
        return odd

    if found_type == "_INDENT":
        hint = ("remove the spaces before it: the first line starts in the first column" if line == 1 else
                "only items, headings and bullets can contain indented lines; align this line with the line "
                "above it")
        return error("unexpected-indent", "this line is indented more than the line above allows",
                     Span.point(line, column), hint)
    under_bullet = {e for e in expected if e.lstrip("_").isupper()} <= {"BULLET", "ACTION_MARK", "TRANSLATION"}
    under_bullet = under_bullet and "BULLET" in expected
    if under_bullet and at_line_start:  # the first line indented under a bullet
        return error("unexpected-indent", "this line is indented more than the line above allows",
                     Span.point(line, column),
                     "only bullets ('- ...') and translations ('fr: ...') can be indented under a bullet; to go on "
                     "with the bullet's text, "
                     "write it on the bullet's line, or align this line with the line above it")
    if expected == {"_INDENT"}:
        return error("missing-indent", "the lines of this block must be indented", Span.point(line, column),
                     "indent the lines under the block's first line ('next meetings:', 'table:' ...) by two spaces")
    if at_line_start and "NUMBER" in expected:
        return _line_start(found, line_text, expected, span)
    for name, values in _CHOICES.items():
        if name in expected and not expected & {"PLACE", "INLINE", "LINE"}:
            close = difflib.get_close_matches(found.lower(), values, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "write one of: " + ", ".join(values)
            message = f"'{found}' is not allowed here" if found else "a value is missing here"
            return error("invalid-value", f"{message}; expected {_NAMES[name]}", span, hint)
    message = (f"unexpected '{found}'; expected {_describe(expected)}" if found
               else f"the line ends too early; expected {_describe(expected)}")
    hint = "see docs/language.md for the form of each line"
    if "DOCREF" in expected and found and not found.startswith("["):
        hint = f"write document references in brackets: [{found.rstrip(',')}]"
    return error("syntax-error", message, span, hint)


def unknown_attribute(found: str, span: Span, declared: tuple[str, ...] = ()) -> Diagnostic:
    """``unknown-attribute`` for an ``@word`` line, suggesting the attribute meant."""
    close = difflib.get_close_matches(found, ATTRIBUTES + declared, n=1)
    if found in GROUP_ATTRIBUTES:
        hint = f"'{found}' is given to a heading ('# ...'), and the items under the heading take it"
    elif close:
        hint = f"did you mean '{close[0]}'?"
    else:
        hint = ("attributes are " + ", ".join(ATTRIBUTES + declared) + "; declare one of your own in the header "
                f"('fields: {found[1:].capitalize()}')")
    return error("unknown-attribute", f"unknown attribute '{found}'", span, hint)


def unknown_field(word: str, span: Span, declared: tuple[str, ...] = ()) -> Diagnostic:
    """``unknown-field`` for a header line ``word: ...``, suggesting the field meant."""
    lower = word.lower()
    close = [FIELD_SYNONYMS[lower]] if lower in FIELD_SYNONYMS else \
        difflib.get_close_matches(lower, HEADER_FIELDS, n=1) or difflib.get_close_matches(word, declared, n=1)
    if close:
        hint = f"did you mean '{close[0]}:'?"
    elif word[:1].isupper():
        hint = (f"declare your own fields in the header: 'fields: {word}'; or start the line with '>' to "
                "write it as text before the first item")
    else:
        hint = "header fields are " + ", ".join(HEADER_FIELDS)
    return error("unknown-field", f"unknown header field '{word}:'", span, hint)


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
    top_level = "ANNOTATION" not in expected  # under an item or a heading, '>>' may come
    if top_level and (found in ATTRIBUTES + GROUP_ATTRIBUTES or found.startswith(">>")):
        what = "an attribute" if found.startswith("@") else "an annotation ('>>')"
        return error("not-an-item", f"{what} must be indented under the item or heading it belongs to", span,
                     "indent it under an item or a heading ('# ...'), or write that line first")
    if found.startswith("@"):
        return unknown_attribute(found, span)
    if ":" in line_text and " " not in word.strip():
        if word in HEADER_FIELDS:
            return error("field-after-items", f"the header field '{word}:' comes after the first item", span,
                         "move it to the header at the top of the file, before the first item")
        if word.lower().startswith("next"):
            return error("unknown-field", f"unknown header field '{line_text.strip().split(':')[0]}:'", span,
                         "did you mean 'next meetings:'?")
        return unknown_field(word, span)
    markers = ["a number ('3. Title')", "'#.' for an automatic number", "'*' for an unnumbered item"]
    if "ANNOTATION" in expected:  # under an item, not at the top level
        markers += ["'-' for a bullet", "'>' for a note", "'@' for an attribute"]
    else:
        markers += ["'#' for a heading", "'>' for text that is not an item"]
    return error("not-an-item", "this line does not start with an item number or a line marker", span,
                 "start it with " + ", ".join(markers[:-1]) + " or " + markers[-1])


def _indent_character(line_text: str, line: int) -> Diagnostic | None:
    """A no-break space, or another space that is not a space or a tab, in a line's indentation:
    pasted from a word processor, it stops the line being read at all (it was reported as the
    number missing its space, or as a line that is not an item)."""
    import unicodedata

    indentation = line_text[: len(line_text) - len(line_text.lstrip())]
    for index, char in enumerate(indentation):
        if char not in " \t":
            name = unicodedata.name(char, "space").lower()
            what = f"{'an' if name[0] in 'aeiou' else 'a'} {name} (U+{ord(char):04X})"
            return error("indent-character", f"the indentation has {what}; only spaces and tabs indent a line",
                         Span(line, index + 1, line, index + 2),
                         f"indent with ordinary spaces instead of {name}s (word processors put them in pasted "
                         "text)")
    return None


def _number_prefix(word: str) -> str | None:
    """The longest start of ``word`` that is an item number ending in '.' or ')', or in a figure
    that a letter follows ('II.Title' -> 'II.', '2.1Chapter' -> '2.1')."""
    from .grammar import terminal_regex

    regex = terminal_regex("NUMBER")
    for end in range(min(len(word), 40), 0, -1):
        ends = word[end - 1] in ".)" or (word[end - 1].isdigit() and word[end:end + 1].isalpha())
        if ends and end < len(word) and regex.fullmatch(word[:end]):
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
