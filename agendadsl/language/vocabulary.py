"""The words an editor offers while an agenda is written: the attribute names and header fields
the grammar defines, and what is being written at a place in a line.

The names come from the grammar itself (grammar/agenda.lark), so a new attribute or field needs
no second list here.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

from lark.lexer import PatternStr

from .grammar import lark_parser
from .transformer import attribute_word


@functools.cache
def attribute_names() -> tuple[str, ...]:
    """Every fixed attribute keyword (``@duration``, ``@date``, ``@break`` ...), sorted."""
    words = {t.pattern.value for t in lark_parser().terminals
             if isinstance(t.pattern, PatternStr) and t.pattern.value.startswith("@")}
    return tuple(sorted(words))


@functools.cache
def header_fields() -> tuple[str, ...]:
    """Every fixed header field name (``body``, ``date``, ``issued in`` ...), sorted: the keyword
    that starts each ``*_field`` rule of the grammar."""
    parser = lark_parser()
    names = set()
    for rule in parser.rules:
        if rule.origin.name.endswith("_field") and rule.expansion and rule.expansion[0].is_term:
            pattern = parser.get_terminal(rule.expansion[0].name).pattern
            if isinstance(pattern, PatternStr):
                names.add(pattern.value)
    return tuple(sorted(names))


def custom_attribute_names(declared: tuple[str, ...]) -> tuple[str, ...]:
    """The attributes that the header's ``fields:`` declares: ``Convened by`` gives ``@convened-by``."""
    return tuple("@" + attribute_word(name) for name in declared)


class Completing(enum.Enum):
    """What the word before the cursor is."""

    ATTRIBUTE = "attribute"   # "   @dur"
    FIELD = "field"           # "dat" at the start of a header line
    LABEL = "label"           # "see {adop"
    SERIES = "series"         # "[T-E"


@dataclass(frozen=True)
class Context:
    """What is being written, and where the word being written starts (a column index into the line)."""

    kind: Completing
    start: int


def completion_context(before: str, *, in_header: bool) -> Context | None:
    """What the text ``before`` the cursor on its line is in the middle of, if anything an editor
    can complete: a cross-reference in ``{...}`` (its label), a document reference in ``[...]``
    (its series), an attribute line (its ``@name``) or, in the header, a field name."""
    brace, bracket = before.rfind("{"), before.rfind("[")
    if brace > before.rfind("}") and brace > bracket:
        word = before[brace + 1:]
        if not word.startswith("#") and all(c.isalnum() or c in "_.-" for c in word):
            return Context(Completing.LABEL, brace + 1)
        return None
    if bracket > before.rfind("]") and not any(c.isspace() for c in before[bracket + 1:]):
        return Context(Completing.SERIES, bracket + 1)
    stripped = before.lstrip(" \t")
    if stripped.startswith("@") and not any(c.isspace() for c in stripped):
        return Context(Completing.ATTRIBUTE, len(before) - len(stripped))
    if in_header and stripped == before and ":" not in before:
        return Context(Completing.FIELD, 0)
    return None
