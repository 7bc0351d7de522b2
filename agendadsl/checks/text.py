"""Text checks: what no output format can carry (control characters, empty or huge titles)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from ..language.diagnostics import Diagnostic, error
from ..language.nodes import Bullet, DocRef, Link, NumberMark, Text
from ..language.span import Span
from .context import CheckContext
from .registry import check

MAX_TEXT_LENGTH = 2000
"""Longest title, note line, bullet or header value, in characters (docs/limits.md)."""

def _values(context: CheckContext, *, series: bool = True) -> Iterator[tuple[str, Span]]:
    """Every piece of user text outside titles, notes and bullets, with where it is (without the
    series patterns and URLs if not ``series``: the length limit does not apply to them)."""
    meeting = context.agenda.meeting
    for value in (meeting.body, meeting.title, meeting.platform, meeting.place, meeting.document_title,
                  meeting.chair, meeting.host, meeting.contact, meeting.original, *meeting.fields):
        if value is not None:
            yield value.value, value.span
    for custom in meeting.custom:
        yield custom.name + ": " + custom.value, custom.span
    if meeting.status is not None and meeting.status.words:
        yield meeting.status.words, meeting.status.span
    for group in context.groups:
        if group.place is not None:
            yield group.place.value, group.place.span
    if meeting.reference is not None:
        yield meeting.reference.text, meeting.reference.span
    for declared in meeting.series if series else ():
        yield declared.pattern + " " + (declared.url or ""), declared.span
    for item, _depth in context.items:
        for presenter in item.presenters:
            yield ((presenter.role + ": ") if presenter.role else "") + presenter.name, presenter.span
        for custom in item.fields:  # its span is the whole "@name value": the value ends it
            span = custom.span
            yield custom.value, Span(span.line, span.end_column - len(custom.value), span.end_line, span.end_column)
        for ref in item.documents:
            yield ref.text, ref.span
    for meeting_ in (*context.next_meetings, *context.past_meetings):
        for value in (meeting_.place, meeting_.host):  # the remark is rich text: texts() has it
            if value is not None:
                yield value.value, value.span


def _strings(context: CheckContext) -> Iterator[tuple[str, Span]]:
    """Every piece of user text an output format will print, with where it starts."""
    yield from _values(context)
    for text, _item in context.texts():
        for part in text.parts:
            if isinstance(part, Text):
                yield part.value, part.span
            elif isinstance(part, DocRef):
                yield part.text, part.span
            elif isinstance(part, Link):
                yield part.text + " " + part.url, part.span


_PLANES = range(0, 0x110000, 0x10000)
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in _PLANES)
# One regex finds the first suspect character at C speed; _unprintable then says what it is.
# Control characters (category Cc) are U+0000-U+001F and U+007F-U+009F; tab is allowed. Both
# patterns stay text until a text is not printable: re compiles and caches them then, and the
# cold check of an ordinary agenda never pays for them.
_SUSPECT = f"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffd{_NONCHARACTERS}]"
_BIDI = "[\u202a-\u202e\u2066-\u2069]"


def _unprintable(char: str) -> str:
    """Why a character that _SUSPECT found cannot go into any output."""
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cs"):
        return "invisible control character"
    if code == 0xFFFD:
        return "replacement character (the text was damaged when copied or converted)"
    return "Unicode noncharacter"


def _at(span: Span, offset: int) -> Span:
    """The one-character span ``offset`` characters into a text that starts at ``span``."""
    column = span.column + offset
    return Span(span.line, column, span.line, column + 1)


@check("control-character", "bidi-control")
def unprintable(context: CheckContext) -> Iterable[Diagnostic]:
    """Control characters (NUL, escape, ...) that would corrupt or vanish from the output, and
    bidirectional overrides that make the text display differently from what it says. One pass for
    both: only text that is not printable (or holds U+FFFD) can have either."""
    for value, span in _strings(context):
        if value.isprintable() and "\ufffd" not in value:
            continue
        found = None if len(value) > MAX_TEXT_LENGTH else re.search(_SUSPECT, value)  # text-too-long says enough
        if found is not None:
            char = found.group()
            yield error("control-character", f"{_unprintable(char)} U+{ord(char):04X} in the text",
                        _at(span, found.start()), "delete it (it is often pasted in from another program)")
        found = re.search(_BIDI, value)
        if found is not None:
            offset = found.start()
            yield error("bidi-control", f"bidirectional control character U+{ord(value[offset]):04X} in the "
                        "text: it can make the published text read differently from the source",
                        _at(span, offset), "delete it; right-to-left text displays correctly without it")


@check("text-too-long")
def text_too_long(context: CheckContext) -> Iterable[Diagnostic]:
    """A title, note line or value longer than MAX_TEXT_LENGTH characters."""
    # A line's text starts after its marker or number: at its first part.
    lines = ((text.plain, text.parts[0].span if text.parts else text.span) for text, _item in context.texts())
    for value, span in itertools.chain(lines, _values(context, series=False)):
        if len(value) > MAX_TEXT_LENGTH:
            yield error("text-too-long", f"this text is {len(value):,} characters long; the limit is "
                        f"{MAX_TEXT_LENGTH:,}", Span(span.line, span.column, span.line, span.column + 1),
                        "shorten it, or move the detail into '>' note lines")


@check("empty-title")
def empty_title(context: CheckContext) -> Iterable[Diagnostic]:
    """An item with a number or marker but no title."""
    for item, _depth in context.items:
        if not item.title.plain.strip():
            what = f"item {item.number.value}" if item.mark is NumberMark.EXPLICIT and item.number else "this item"
            yield error("empty-title", f"{what} has no title", item.span, "write the item's title after its number")
        for block in item.notes:
            if isinstance(block, Bullet) and not block.text.plain.strip():
                yield error("empty-title", "this bullet has no text", block.span, "write its text after the '-'")
