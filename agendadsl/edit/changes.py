"""Semantic diff of two agendas: items aligned by label, then title, then title similarity
(edit/alignment.py), and one typed change per item (edit/change_types.py) with the fields it
changed, splits and merges (edit/splits.py), renumberings summarised by their cause
(edit/shifts.py); then header, heading, text and next-meeting changes. Positions never count: a
renumbering alone is reported as just that.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections import deque
from dataclasses import dataclass, field

from ..language.nodes import (
    Agenda,
    Annexes,
    Bullet,
    Group,
    Item,
    NextMeeting,
    Note,
    Participants,
    Table,
    TextBlock,
)
from ..support.gcpause import collector_paused
from . import formatter
from .alignment import Entry, align, entries, moved
from .change_types import Change, FieldChange, ItemRef
from .shifts import Shifts, runs
from .splits import Split, merges, splits

__all__ = ["Change", "Comparison", "FieldChange", "ItemRef", "compare", "diff"]

# The kind of an item's one change, when several things changed in it: the first that applies.
_PRECEDENCE = ("moved", "retitled", "withdrawn", "changed")


@dataclass
class Comparison:
    """The changes, and the item alignment the revised-agenda rendering needs."""

    changes: list[Change] = field(default_factory=list)
    matches: dict[int, int] = field(default_factory=dict)  # id(new item) -> id(old item)
    # Removed items: (old item, its depth, index in new pre-order of the nearest earlier kept item or -1)
    removed: list[tuple[Item, int, int]] = field(default_factory=list)
    old_numbers_all: dict[int, str | None] = field(default_factory=dict)  # id(old item) -> old number
    kinds: dict[int, set[str]] = field(default_factory=dict)  # id(new item) -> change kinds
    old_numbers: dict[int, str | None] = field(default_factory=dict)  # id(new item) -> old number


def _text_lines(notes: tuple[Note | Bullet, ...], indent: str = "") -> list[str]:
    """Paragraphs and bullets as their source lines, for comparing and for showing what changed."""
    out: list[str] = []
    for block in notes:
        if isinstance(block, Note):
            mark = "!" if block.internal else ">>" if block.annotation else "|" if block.verbatim else ">"
            out.extend(f"{mark} {line.plain if block.verbatim else formatter.rich(line)}" for line in block.lines)
        else:
            out.append(indent + formatter.bullet_line(block))
        out.extend(f"{indent}{t.language}: {formatter.rich(line)}" for t in block.translations for line in t.lines)
        if isinstance(block, Bullet):
            out.extend(_text_lines(block.children, indent + "  "))
    return out


def _attributes(item: Item) -> dict[str, str]:
    """Attribute name -> value as written canonically (``time`` -> ``09:30-10:00``); the values of
    a repeated attribute (several presenters) joined by '; '."""
    out: dict[str, str] = {}
    for text, _ in formatter.attribute_lines(item):
        name, _, value = text[1:].partition(" ")
        out[name] = f"{out[name]}; {value}" if name in out else value
    for translation in item.translations:  # "fr: Ouverture -> Ouverture de la réunion"
        out[translation.language] = formatter.rich(translation.text)
    return out


# What an item says of itself: not its sub-items, which are compared on their own, nor its place.
_OWN = tuple(f.name for f in dataclasses.fields(Item) if f.name not in ("children", "span", "number"))


def _fields(before: Item, after: Item) -> tuple[FieldChange, ...]:
    """What changed in an item besides its number and place: title, attributes, notes."""
    # Most items did not change: nothing to print canonically and compare. Comparing the whole
    # items (sub-items too) is one call; only when they differ are the item's own fields looked at.
    if before == after or all(getattr(before, name) == getattr(after, name) for name in _OWN):
        return ()
    out: list[FieldChange] = []
    if before.title != after.title:
        out.append(FieldChange("title", formatter.rich(before.title), formatter.rich(after.title)))
    was, now = _attributes(before), _attributes(after)
    out.extend(FieldChange(name, was.get(name), now.get(name)) for name in sorted(set(was) | set(now))
               if was.get(name) != now.get(name))
    notes_before, notes_after = _text_lines(before.notes), _text_lines(after.notes)
    if notes_before != notes_after:
        out.append(FieldChange("notes", "\n".join(notes_before) or None, "\n".join(notes_after) or None))
    return tuple(out)


def compare(old: Agenda, new: Agenda) -> Comparison:
    """Every change from ``old`` to ``new``, in the order of the new agenda (removals where they were)."""
    with collector_paused():  # an entry per item of both versions: no cycles, and full GC passes cost O(n) each
        return _compare(old, new)


def _compare(old: Agenda, new: Agenda) -> Comparison:
    result = Comparison()
    old_entries, new_entries = entries(old), entries(new)
    result.old_numbers_all = {id(e.item): e.number for e in old_entries}
    pairs = align(old_entries, new_entries)
    displaced = moved(old_entries, new_entries, pairs)
    split, merged = splits(old_entries, new_entries, pairs), merges(old_entries, new_entries, pairs)
    shifts = Shifts(old_entries, new_entries, pairs, displaced)
    own: dict[int, Change | None] = {}  # new index -> its change (None: absorbed by a split)
    _split_changes(shifts, split, merged, own)
    summaries = runs(shifts)
    last_change: list[int] = []  # per new entry: index of the last change reported up to it
    for entry in new_entries:
        if entry.index in summaries:
            result.changes.append(summaries[entry.index])
        change = _item_change(entry, old_entries, pairs, displaced, result)
        if entry.index in own:  # a split or a merge says it
            change = own[entry.index]
        if change is not None:
            result.changes.append(change)
        last_change.append(len(result.changes) - 1)
    merged_away = {part for m in merged for part in m.parts if part not in pairs.values()}
    _place_removals(old_entries, pairs, last_change, merged_away, result)
    result.changes.extend(_header_changes(old, new))
    result.changes.extend(_group_changes(old, new))
    result.changes.extend(_text_changes(old, new))
    result.changes.extend(_next_meeting_changes(old.next_meetings, new.next_meetings))
    result.changes.extend(_next_meeting_changes(old.past_meetings, new.past_meetings, "past-meeting"))
    return result


def _ref(entry: Entry, kind: str = "part") -> ItemRef:
    return ItemRef(kind, entry.number, entry.title, entry.item.span.line)


def _split_changes(shifts: Shifts, split: list[Split], merged: list[Split], own: dict[int, Change | None]) -> None:
    """One change for each split and merge, at the first new part or at the merged item; the
    parts' own changes absorbed; each part, as the cause of a renumbering, named by it."""
    old, new, pairs = shifts.old, shifts.new, shifts.pairs
    for s in split:
        original = old[s.whole]
        first = new[s.parts[0]]
        kept = next(n for n in s.parts if pairs.get(n) == s.whole)
        rest = tuple(f for f in _fields(original.item, new[kept].item) if f.field != "title")
        own[s.parts[0]] = Change("split", original.item.title.plain, original.number, first.number, rest,
                                 original.item.span.line, first.item.span.line,
                                 parts=tuple(_ref(new[n]) for n in s.parts))
        for n in s.parts[1:]:
            own[n] = None
        shifts.own.update(s.parts)
        for n in s.parts:
            if n not in pairs:
                shifts.events[("new", n)] = ItemRef("split", original.number, original.item.title.plain,
                                                    original.item.span.line)
    for m in merged:
        whole = new[m.whole]
        kept = pairs[m.whole]
        rest = tuple(f for f in _fields(old[kept].item, whole.item) if f.field != "title")
        own[m.whole] = Change("merged", whole.item.title.plain, old[m.parts[0]].number, whole.number, rest,
                              old[m.parts[0]].item.span.line, whole.item.span.line,
                              parts=tuple(_ref(old[o]) for o in m.parts))
        shifts.own.add(m.whole)
        for o in m.parts:
            if o != kept:
                shifts.events[("old", o)] = ItemRef("merged", whole.number, whole.item.title.plain,
                                                    whole.item.span.line)


def _item_change(entry: Entry, old_entries: list[Entry], pairs: dict[int, int], moved: set[int],
                 result: Comparison) -> Change | None:
    """The one change of an item, None when only its number changed (a renumbering run reports
    that); and what the revised-agenda rendering marks on the item, with the number it had."""
    item, title, key = entry.item, entry.title, id(entry.item)
    if entry.index not in pairs:
        result.kinds[key] = {"added"}
        return Change("added", title, None, entry.number, new_line=item.span.line)
    before = old_entries[pairs[entry.index]]
    result.matches[key] = id(before.item)
    result.old_numbers[key] = before.number
    fields = _fields(before.item, item)
    if not fields and before.number == entry.number and entry.index not in moved:  # most items: no change
        result.kinds[key] = set()
        return None
    names = {f.field for f in fields}
    applies = {"moved": entry.index in moved, "retitled": "title" in names,
               "withdrawn": any(f.field == "status" and f.new == "withdrawn" for f in fields),
               "changed": bool(names - {"title"}), "renumbered": before.number != entry.number}
    result.kinds[key] = {kind for kind, yes in applies.items() if yes}
    kind = next((k for k in _PRECEDENCE if applies[k]), None)
    if kind is None:
        return None
    return Change(kind, title, before.number, entry.number, fields, before.item.span.line, item.span.line)


def _place_removals(old_entries: list[Entry], pairs: dict[int, int], last_change: list[int], merged_away: set[int],
                    result: Comparison) -> None:
    """Removed items, each placed after the changes of the nearest earlier item that remains; an
    item merged into another is shown removed in a revised agenda but is no change of its own."""
    new_of_old = {old_index: new_index for new_index, old_index in pairs.items()}
    order: list[tuple[float, Change]] = [(float(index), change) for index, change in enumerate(result.changes)]
    anchor = -1.0
    kept = -1
    for entry in old_entries:
        if entry.index in new_of_old:
            kept = new_of_old[entry.index]
            anchor = float(last_change[kept])
            continue
        if entry.parent is not None and entry.parent not in new_of_old:
            continue  # removed with its parent: the parent's removal says it
        result.removed.append((entry.item, entry.depth, kept))
        if entry.index in merged_away:
            continue
        anchor += 0.001
        order.append((anchor + 0.5, Change("removed", entry.title, entry.number,
                                           old_line=entry.item.span.line)))
    result.changes = [change for _, change in sorted(order, key=lambda pair: pair[0])]


def diff(old: Agenda, new: Agenda) -> list[Change]:
    """The typed changes from ``old`` to ``new``."""
    return compare(old, new).changes


def _header_lines(agenda: Agenda) -> dict[str, str]:
    """Header keyword -> value as written canonically; each series under its own key."""
    out: dict[str, str] = {}
    field = ""
    for key, value, _ in formatter.header_fields(agenda.meeting):
        if key == "translation":  # the translation of the field above: "body fr"
            language, _, text = value.partition(": ")
            out[f"{field} {language}"] = text
            continue
        field = f"{key} {value.split(':')[0]}" if key in ("series", "custom") else key
        out[field] = value
    return out


def _header_changes(old: Agenda, new: Agenda) -> list[Change]:
    was, now = _header_lines(old), _header_lines(new)
    return [Change("header", key, fields=(FieldChange(key, was.get(key), now.get(key)),))
            for key in list(dict.fromkeys([*was, *now])) if was.get(key) != now.get(key)]


def _group_changes(old: Agenda, new: Agenda) -> list[Change]:
    """Headings matched by title (then by place among those left), each reported once."""
    def describe(group: Group) -> dict[str, str]:
        lines: dict[str, str] = {}
        for text, _ in formatter.group_attribute_lines(group):
            name, _, value = text[1:].partition(" ")
            lines[name] = value or text  # an attribute without a value (@break) is its own value
        translated = {t.language: formatter.rich(t.text) for t in group.translations}
        return {"title": formatter.rich(group.title), "level": "#" * group.level, **lines, **translated}

    old_groups, new_groups = old.groups, new.groups  # each a walk of the whole agenda: once
    changes: list[Change] = []
    left = set(range(len(old_groups)))  # indexes of the old headings not matched yet
    by_title: dict[tuple, deque[int]] = {}
    for index, group in enumerate(old_groups):
        by_title.setdefault((group.title, group.level), deque()).append(index)
    matched = [_first_left(by_title.get((group.title, group.level)), left) for group in new_groups]
    for index, found in enumerate(matched):  # a retitled heading: the one left in the same place
        if found is None and index in left:
            left.discard(index)
            matched[index] = index
    for found, group in zip(matched, new_groups, strict=True):
        title = group.title.plain
        same = old_groups[found] if found is not None else None
        if same is None:
            changes.append(Change("heading-added", title, new_line=group.span.line))
        elif describe(same) != describe(group):  # its items and text are compared on their own
            was, now = describe(same), describe(group)
            fields = tuple(FieldChange(key, was.get(key), now.get(key))
                           for key in dict.fromkeys([*was, *now]) if was.get(key) != now.get(key))
            changes.append(Change("heading", title, fields=fields, old_line=same.span.line,
                                  new_line=group.span.line))
    changes.extend(Change("heading-removed", old_groups[i].title.plain, old_line=old_groups[i].span.line)
                   for i in sorted(left))
    return changes


def _first_left(queue: deque[int] | None, left: set[int]) -> int | None:
    """The first index of ``queue`` still in ``left``, taken out of both; None if there is none.
    Each index is looked at once, however many share the queue."""
    while queue and queue[0] not in left:
        queue.popleft()
    if not queue:
        return None
    found = queue.popleft()
    left.discard(found)
    return found


def _text_changes(old: Agenda, new: Agenda) -> list[Change]:
    """Text that is not an item: paragraphs and bullets of the agenda's preamble, closing text and
    headings, compared line by line; an edited paragraph shows its old and new text."""
    def lines(agenda: Agenda) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        people: list[tuple[str, int]] = []
        annexes: list[tuple[str, int]] = []
        rows: list[tuple[str, int]] = []
        for entry in agenda.groups_and_body():  # one pass: it holds every item too
            if isinstance(entry, Item):
                continue
            notes = entry.parts if isinstance(entry, TextBlock) else entry.notes if isinstance(entry, Group) else ()
            for block in notes:
                for text in _text_lines((block,)):
                    out.append((text, block.span.line))
            if isinstance(entry, Participants):
                people.extend((formatter.participant_line(person), person.span.line) for person in entry.people)
            elif isinstance(entry, Annexes):
                annexes.extend((formatter.annex_line(annex), annex.span.line) for annex in entry.annexes)
            elif isinstance(entry, Table):
                rows.extend((formatter.table_row_line(row), row[0].span.line if row else entry.span.line)
                            for row in (entry.header, *entry.rows))
        out.extend((f"[^{note.label}]: {formatter.rich(note.text)}", note.span.line) for note in agenda.footnotes)
        return out + people + annexes + rows

    was, now = lines(old), lines(new)
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=[t for t, _ in was], b=[t for t, _ in now], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            for before, after in _paired_lines(was[i1:i2], now[j1:j2]):
                if before and after:
                    changes.append(Change("text", after[0], fields=(FieldChange("text", before[0], after[0]),),
                                          old_line=before[1], new_line=after[1]))
                elif after:
                    changes.append(Change("text-added", after[0], new_line=after[1]))
                elif before:
                    changes.append(Change("text-removed", before[0], old_line=before[1]))
        elif tag == "insert":
            changes.extend(Change("text-added", t, new_line=line) for t, line in now[j1:j2])
        else:
            changes.extend(Change("text-removed", t, old_line=line) for t, line in was[i1:i2])
    return changes


_Line = tuple[str, int]

PAIRED_TEXT = 60.0
"""How alike (rapidfuzz's ratio, 0-100) an old and a new line of text must be to be one edited line."""
PAIRING_LIMIT = 2_500
"""Replaced runs of text up to this many (old, new) pairs are paired by likeness; longer ones in order."""


def _paired_lines(old: list[_Line], new: list[_Line]) -> list[tuple[_Line | None, _Line | None]]:
    """A run of old text lines replaced by a run of new ones, as (old, new) pairs in order: an
    edited line is a pair, an added or removed one has None on the other side. Runs of the same
    length pair line by line (each line was edited in its place); otherwise each line is paired with
    the one it is most like, keeping the order, so that a participant added before an edited annex
    is one line added and one edited, not the annex turned into the participant."""
    if len(old) == len(new) or len(old) * len(new) > PAIRING_LIMIT:
        return [(old[k] if k < len(old) else None, new[k] if k < len(new) else None)
                for k in range(max(len(old), len(new)))]
    from rapidfuzz import fuzz

    # best[i][j]: the greatest likeness of old[i:] paired in order with new[j:]
    rows, columns = len(old), len(new)
    likeness = [[fuzz.ratio(a[0], b[0]) for b in new] for a in old]
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            paired = likeness[i][j] + best[i + 1][j + 1] if likeness[i][j] >= PAIRED_TEXT else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    out: list[tuple[_Line | None, _Line | None]] = []
    i = j = 0
    while i < rows and j < columns:
        if likeness[i][j] >= PAIRED_TEXT and best[i][j] == likeness[i][j] + best[i + 1][j + 1]:
            out.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((old[i], None))
            i += 1
        else:
            out.append((None, new[j]))
            j += 1
    out += [(line, None) for line in old[i:]] + [(None, line) for line in new[j:]]
    return out


def _next_meeting_changes(old: tuple[NextMeeting, ...], new: tuple[NextMeeting, ...],
                          kind: str = "next-meeting") -> list[Change]:
    """Meetings matched by start date, then by month, then (lists of the same length) by place."""
    text = formatter.next_meeting_line
    changes: list[Change] = []
    unmatched = set(range(len(old)))
    by_date: dict[object, deque[int]] = {}
    by_month: dict[tuple[int, int], deque[int]] = {}
    for index, meeting in enumerate(old):
        start = meeting.dates.start.to_date()
        by_date.setdefault(start, deque()).append(index)
        if start:
            by_month.setdefault((start.year, start.month), deque()).append(index)
    for position, meeting in enumerate(new):
        start = meeting.dates.start.to_date()
        found = _first_left(by_date.get(start), unmatched)
        if found is None and start:
            found = _first_left(by_month.get((start.year, start.month)), unmatched)
        if found is None and len(old) == len(new) and position in unmatched:
            unmatched.discard(position)
            found = position
        if found is None:
            changes.append(Change(f"{kind}-added", text(meeting)[2:], new_line=meeting.span.line))
            continue
        same = old[found]
        if same != meeting:
            changes.append(Change(kind, text(meeting)[2:], fields=(FieldChange("meeting", text(same)[2:],
                                                                               text(meeting)[2:]),),
                                  old_line=same.span.line, new_line=meeting.span.line))
    changes.extend(Change(f"{kind}-removed", text(old[i])[2:], old_line=old[i].span.line) for i in sorted(unmatched))
    return changes
