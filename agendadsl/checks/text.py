"""Text checks: what no output format can carry (control characters, empty or huge titles)."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic, error
from ..nodes import Attr, Bullet, DocRef, NumberMark, Text
from ..source import Span
from .context import CheckContext
from .registry import check

MAX_TEXT_LENGTH = 2000
"""Longest title, note line, bullet or header value, in characters (docs/limits.md)."""

_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _values(context: CheckContext) -> Iterator[tuple[str, Span]]:
    """Every piece of user text outside titles, notes and bullets, with where it is."""
    meeting = context.agenda.meeting
    for value in (meeting.body, meeting.title, meeting.platform, meeting.place):
        if value is not None:
            yield value.value, value.span
    if meeting.reference is not None:
        yield meeting.reference.text, meeting.reference.span
    for series in meeting.series:
        yield series.pattern + " " + (series.url or ""), series.span
    for item, _depth in context.items:
        if item.presenter is not None:
            yield item.presenter.value, item.presenter.span
        for ref in item.documents:
            yield ref.text, ref.span
    for meeting_ in context.agenda.next_meetings:
        for value in (meeting_.place, meeting_.remark):
            if isinstance(value, Attr) and isinstance(value.value, str):
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


def _unprintable(char: str) -> str | None:
    """Why a character cannot go into any output, or None."""
    if char == "\t":
        return None
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cs"):
        return "invisible control character"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return "Unicode noncharacter"
    if code == 0xFFFD:
        return "replacement character (the text was damaged when copied or converted)"
    return None


def _at(span: Span, offset: int) -> Span:
    """The one-character span ``offset`` characters into a text that starts at ``span``."""
    column = span.column + offset
    return Span(span.line, column, span.line, column + 1)


@check("control-character")
def control_character(context: CheckContext) -> Iterable[Diagnostic]:
    """Control characters (NUL, escape, ...) that would corrupt or vanish from the output."""
    for value, span in _strings(context):
        if len(value) > MAX_TEXT_LENGTH:
            continue  # text-too-long says enough
        for offset, char in enumerate(value):
            problem = _unprintable(char)
            if problem is not None:
                yield error("control-character", f"{problem} U+{ord(char):04X} in the text",
                            _at(span, offset), "delete it (it is often pasted in from another program)")
                break


@check("bidi-control")
def bidi_control(context: CheckContext) -> Iterable[Diagnostic]:
    """Bidirectional overrides that make the text display differently from what it says."""
    for value, span in _strings(context):
        offset = next((i for i, c in enumerate(value) if c in _BIDI_CONTROLS), None)
        if offset is not None:
            yield error("bidi-control", f"bidirectional control character U+{ord(value[offset]):04X} in the "
                        "text: it can make the published text read differently from the source",
                        _at(span, offset), "delete it; right-to-left text displays correctly without it")


@check("text-too-long")
def text_too_long(context: CheckContext) -> Iterable[Diagnostic]:
    """A title, note line or value longer than MAX_TEXT_LENGTH characters."""
    lines = ((text.plain, text.span) for text, _item in context.texts())
    for value, span in itertools.chain(lines, _values(context)):
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
