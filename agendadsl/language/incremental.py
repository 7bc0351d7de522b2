"""Parsing a text again after an edit, reading only the top-level item the edit fell in.

An editor sends a change for every key typed; parsing a 1,000-item agenda again takes tens of
milliseconds, while the edit touched one item. When the edit stays inside the lines of one item
written at the top level (its line, its attributes, notes, sub-items and translations, up to the
next line that starts something else at the top level), that item is parsed again on its own,
with the header above it (which decides how dates and declared fields read) and blank lines in
place of the rest, so that every line keeps its number. The new item then takes the old one's
place in the agenda.

This is only taken when it cannot differ from a full parse: the line count is unchanged, the old
text parsed without errors, and the item's lines parse again without errors into exactly one
top-level item on the same line. Anything else returns None, and the caller parses the whole text.
tests/test_incremental.py checks the result against a full parse for generated edits.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .diagnostics import sort_key
from .nodes import Agenda, Entry, Group, Item
from .parser import ParseResult, parse
from .scripts import scripts_of
from .source import normalise_newlines


@dataclass(frozen=True)
class Reparsed:
    """The parse of the new text, and where it was read again."""

    result: ParseResult
    start: int
    """The first line of the item parsed again (1-based)."""
    end: int
    """Its last line: every line outside ``start``-``end`` is as it was, and reads as it did."""
    text: str
    """What was parsed: the header, blank lines, and the item's lines, each at its own number."""


def reparse(previous: ParseResult, before: str, after: str) -> Reparsed | None:
    """The parse of ``after``, from ``previous`` (the parse of ``before``) and the item an edit
    changed; None when that shortcut does not apply (or nothing changed)."""
    agenda = previous.agenda
    if agenda is None or any(d.is_error for d in previous.diagnostics):
        return None
    before, after = normalise_newlines(before), normalise_newlines(after)
    if before.startswith("\ufeff") or after.startswith("\ufeff"):
        return None  # columns of the first line are counted after the mark: not worth the care
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return None  # every span after the edit would move
    first = next((n for n, (a, b) in enumerate(zip(old, new, strict=True), 1) if a != b), None)
    if first is None:
        return None
    last = next(n for n in range(len(new), 0, -1) if old[n - 1] != new[n - 1])
    found = _item_around(agenda, first, last, len(new))
    if found is None:
        return None
    path, start, end, header_end = found
    text = "\n".join([*new[:header_end], *[""] * (start - 1 - header_end), *new[start - 1:end]])
    again = parse(text)
    fresh = again.agenda
    if (fresh is None or any(d.is_error for d in again.diagnostics) or fresh.footnotes
            or len(fresh.body) != 1 or not isinstance(fresh.body[0], Item) or fresh.body[0].span.line != start):
        return None
    inside = range(start, end + 1)
    comments = sorted([*(c for c in agenda.comments if c.span.line not in inside),
                       *(c for c in fresh.comments if c.span.line in inside)], key=lambda c: c.span.line)
    diagnostics = sorted([*(d for d in previous.diagnostics if d.span.line not in inside),
                          *(d for d in again.diagnostics if d.span.line in inside)], key=sort_key)
    scripts, right_to_left = scripts_of(after)
    return Reparsed(ParseResult(Agenda(agenda.meeting, _replaced(agenda.body, path, fresh.body[0]), tuple(comments),
                                       agenda.footnotes, right_to_left, scripts), tuple(diagnostics)),
                    start, end, text)


def _item_around(agenda: Agenda, first: int, last: int,
                 line_count: int) -> tuple[tuple[int, ...], int, int, int] | None:
    """The top-level item whose lines hold lines ``first`` to ``last``: its place in the body (the
    index in each group on the way), its first and last line, and the last line of the header."""
    starts = sorted({*(entry.span.line for entry in agenda.groups_and_body()),
                     *(note.span.line for note in agenda.footnotes)})
    if not starts or first < starts[0]:
        return None  # the header, or text before the first entry
    for path, item in _top_level_items(agenda.body, ()):
        start = item.span.line
        if start > first:
            return None
        after = bisect_right(starts, start)  # the next line that starts something at the top level
        following = starts[after] if after < len(starts) else line_count + 1
        if last < following:
            return path, start, following - 1, starts[0] - 1
    return None


def _top_level_items(body: tuple[Entry, ...], path: tuple[int, ...]) -> Iterator[tuple[tuple[int, ...], Item]]:
    """Every item written at the top level, those under headings included, in source order."""
    for index, entry in enumerate(body):
        if isinstance(entry, Item):
            yield (*path, index), entry
        elif isinstance(entry, Group):
            yield from _top_level_items(entry.body, (*path, index))


def _replaced(body: tuple[Entry, ...], path: tuple[int, ...], item: Item) -> tuple[Entry, ...]:
    index, rest = path[0], path[1:]
    if rest:
        group = body[index]
        assert isinstance(group, Group)
        entry: Entry = replace(group, body=_replaced(group.body, rest, item))
    else:
        entry = item
    return (*body[:index], entry, *body[index + 1:])

