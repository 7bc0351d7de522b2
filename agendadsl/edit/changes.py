"""Semantic diff of two agendas: items aligned by label, then title, then title similarity, and
typed changes (added, removed, withdrawn, moved, renumbered, retitled, changed), with header and
next-meeting changes. Positions never count: a renumbering alone is reported as just that.

Alignment is near-linear: labels and exact titles are hashed, similar titles are looked for in a
bounded window around the item's place, and moves are found as what lies off the longest
increasing run of matched positions (O(n log n)).
"""

from __future__ import annotations

import bisect
import difflib
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
    walk,
)
from ..language.resolution import resolve
from . import formatter

SIMILARITY = 0.6
WINDOW = 40


@dataclass(frozen=True)
class Change:
    """One difference. ``kind`` is one of: added, removed, withdrawn, moved, renumbered, retitled,
    changed (attributes or notes), header, heading-added, heading-removed, heading (a heading's
    title, date, time, place, kind or session), text-added, text-removed, text (text that is not
    an item), next-meeting-added, next-meeting-removed, next-meeting, and the same for past-meeting."""

    kind: str
    title: str
    old_number: str | None = None
    new_number: str | None = None
    details: tuple[str, ...] = ()
    old_line: int | None = None
    new_line: int | None = None

    def as_dict(self) -> dict:
        return {"kind": self.kind, "title": self.title, "old_number": self.old_number,
                "new_number": self.new_number, "details": list(self.details), "old_line": self.old_line,
                "new_line": self.new_line}


@dataclass
class _Entry:
    item: Item
    depth: int
    number: str | None
    parent: int | None  # index of the parent entry
    index: int


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


def _entries(agenda: Agenda) -> list[_Entry]:
    resolution = resolve(agenda)
    entries: list[_Entry] = []
    parents: list[int] = []  # stack of entry indexes by depth
    for item, depth in walk(agenda.items):
        del parents[depth - 1:]
        entries.append(_Entry(item, depth, resolution.number_of(item), parents[-1] if parents else None,
                              len(entries)))
        parents.append(len(entries) - 1)
    return entries


def _align(old: list[_Entry], new: list[_Entry]) -> dict[int, int]:
    """new index -> old index."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_label = {e.item.label.value: e.index for e in old if e.item.label is not None}
    for entry in new:
        if entry.item.label is not None and entry.item.label.value in by_label:
            pairs[entry.index] = by_label[entry.item.label.value]
            used.add(pairs[entry.index])
    by_title: dict[str, list[int]] = {}
    for entry in old:
        if entry.index not in used:
            by_title.setdefault(entry.item.title.plain, []).append(entry.index)
    for entry in new:
        if entry.index in pairs:
            continue
        candidates = [i for i in by_title.get(entry.item.title.plain, []) if i not in used]
        if candidates:
            same = [i for i in candidates if old[i].number == entry.number]
            choice = (same or candidates)[0]
            pairs[entry.index] = choice
            used.add(choice)
    for entry in new:
        if entry.index in pairs:
            continue
        best, best_score = None, SIMILARITY
        low = max(0, entry.index - WINDOW)
        for candidate in old[low:entry.index + WINDOW]:
            if candidate.index in used:
                continue
            matcher = difflib.SequenceMatcher(None, candidate.item.title.plain, entry.item.title.plain)
            if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
                continue
            score = matcher.ratio() + (0.05 if candidate.number == entry.number else 0)
            if score > best_score:
                best, best_score = candidate.index, score
        if best is not None:
            pairs[entry.index] = best
            used.add(best)
    return pairs


def _stable(pairs: dict[int, int]) -> set[int]:
    """New indexes on the longest increasing run of old indexes: the items that did not move."""
    order = sorted(pairs)
    tails: list[int] = []
    tail_at: list[int] = []
    back: dict[int, int | None] = {}
    for new_index in order:
        value = pairs[new_index]
        position = bisect.bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
            tail_at.append(new_index)
        else:
            tails[position] = value
            tail_at[position] = new_index
        back[new_index] = tail_at[position - 1] if position else None
    keep: set[int] = set()
    current = tail_at[-1] if tail_at else None
    while current is not None:
        keep.add(current)
        current = back[current]
    return keep


def _notes(item: Item) -> list[str]:
    return _text_lines(item.notes)


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


def compare(old: Agenda, new: Agenda) -> Comparison:
    """Every change from ``old`` to ``new``, in the order of the new agenda (removals where they were)."""
    result = Comparison()
    old_entries, new_entries = _entries(old), _entries(new)
    result.old_numbers_all = {id(e.item): e.number for e in old_entries}
    pairs = _align(old_entries, new_entries)
    stable = _stable(pairs)
    last_change: list[int] = []  # per new entry: index of the last change reported up to it
    for entry in new_entries:
        _item_changes(entry, old_entries, pairs, stable, result)
        last_change.append(len(result.changes) - 1)
    _place_removals(old_entries, pairs, last_change, result)
    result.changes.extend(_header_changes(old, new))
    result.changes.extend(_group_changes(old, new))
    result.changes.extend(_text_changes(old, new))
    result.changes.extend(_next_meeting_changes(old.next_meetings, new.next_meetings))
    result.changes.extend(_next_meeting_changes(old.past_meetings, new.past_meetings, "past-meeting"))
    return result


def _item_changes(entry: _Entry, old_entries: list[_Entry], pairs: dict[int, int], stable: set[int],
                  result: Comparison) -> None:
    item, key, title = entry.item, id(entry.item), entry.item.title.plain
    if entry.index not in pairs:
        result.changes.append(Change("added", title, None, entry.number, new_line=item.span.line))
        result.kinds[key] = {"added"}
        return
    before = old_entries[pairs[entry.index]]
    result.matches[key] = id(before.item)
    result.old_numbers[key] = before.number
    kinds: set[str] = set()
    lines = {"old_line": before.item.span.line, "new_line": item.span.line}

    def report(kind: str, details: tuple[str, ...] = ()) -> None:
        kinds.add(kind)
        result.changes.append(Change(kind, title, before.number, entry.number, details, **lines))

    new_parent = pairs.get(entry.parent) if entry.parent is not None else None
    if entry.index not in stable or before.parent != new_parent:
        report("moved")
    if before.number != entry.number:
        report("renumbered")
    if before.item.title != item.title:
        report("retitled", (f"was: {before.item.title.plain}",))
    was, now = _attributes(before.item), _attributes(item)
    withdrawn = now.get("status") == "withdrawn" and was.get("status") != "withdrawn"
    if withdrawn:
        report("withdrawn")
    details = tuple(f"{name}: {was.get(name, '(none)')} -> {now.get(name, '(none)')}"
                    for name in sorted(set(was) | set(now))
                    if was.get(name) != now.get(name) and not (withdrawn and name == "status"))
    if _notes(before.item) != _notes(item):
        details += ("notes changed",)
    if details:
        report("changed", details)
    result.kinds[key] = kinds


def _place_removals(old_entries: list[_Entry], pairs: dict[int, int], last_change: list[int],
                    result: Comparison) -> None:
    """Removed items, each placed after the changes of the nearest earlier item that remains."""
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
        anchor += 0.001
        order.append((anchor + 0.5, Change("removed", entry.item.title.plain, entry.number,
                                           old_line=entry.item.span.line)))
        result.removed.append((entry.item, entry.depth, kept))
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
    return [Change("header", key, details=(f"{was.get(key, '(none)')} -> {now.get(key, '(none)')}",))
            for key in list(dict.fromkeys([*was, *now])) if was.get(key) != now.get(key)]


def _group_changes(old: Agenda, new: Agenda) -> list[Change]:
    """Headings matched by title (then by place among those left), each reported once."""
    def describe(group: Group) -> dict[str, str]:
        lines = dict(text[1:].split(" ", 1) for text, _ in formatter.group_attribute_lines(group))
        translated = {t.language: formatter.rich(t.text) for t in group.translations}
        return {"title": formatter.rich(group.title), "level": "#" * group.level, **lines, **translated}

    changes: list[Change] = []
    left = list(old.groups)
    pairs: list[tuple[Group | None, Group]] = []
    for group in new.groups:
        same = next((g for g in left if g.title == group.title and g.level == group.level), None)
        if same is not None:
            left.remove(same)
        pairs.append((same, group))
    unmatched_new = [g for same, g in pairs if same is None]
    for group in unmatched_new:  # a retitled heading: the one left in the same place
        index = new.groups.index(group)
        candidate = old.groups[index] if index < len(old.groups) and old.groups[index] in left else None
        if candidate is not None:
            left.remove(candidate)
            pairs[index] = (candidate, group)
    for same, group in pairs:
        title = group.title.plain
        if same is None:
            changes.append(Change("heading-added", title, new_line=group.span.line))
        elif describe(same) != describe(group):  # its items and text are compared on their own
            was, now = describe(same), describe(group)
            details = tuple(f"{key}: {was.get(key, '(none)')} -> {now.get(key, '(none)')}"
                            for key in dict.fromkeys([*was, *now]) if was.get(key) != now.get(key))
            changes.append(Change("heading", title, details=details, old_line=same.span.line,
                                  new_line=group.span.line))
    changes.extend(Change("heading-removed", g.title.plain, old_line=g.span.line) for g in left)
    return changes


def _text_changes(old: Agenda, new: Agenda) -> list[Change]:
    """Text that is not an item: paragraphs and bullets of the agenda's preamble, closing text and
    headings, compared line by line; an edited paragraph shows its old and new text."""
    def lines(agenda: Agenda) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        for entry in agenda.groups_and_body():
            notes = entry.parts if isinstance(entry, TextBlock) else entry.notes if isinstance(entry, Group) else ()
            for block in notes:
                for text in _text_lines((block,)):
                    out.append((text, block.span.line))
        out.extend((f"[^{note.label}]: {formatter.rich(note.text)}", note.span.line) for note in agenda.footnotes)
        out.extend((formatter.participant_line(person), person.span.line) for entry in agenda.groups_and_body()
                   if isinstance(entry, Participants) for person in entry.people)
        out.extend((formatter.annex_line(annex), annex.span.line) for entry in agenda.groups_and_body()
                   if isinstance(entry, Annexes) for annex in entry.annexes)
        out.extend((formatter.table_row_line(row), row[0].span.line if row else entry.span.line)
                   for entry in agenda.groups_and_body() if isinstance(entry, Table)
                   for row in (entry.header, *entry.rows))
        return out

    was, now = lines(old), lines(new)
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=[t for t, _ in was], b=[t for t, _ in now], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            for k in range(max(i2 - i1, j2 - j1)):
                before = was[i1 + k] if i1 + k < i2 else None
                after = now[j1 + k] if j1 + k < j2 else None
                if before and after:
                    changes.append(Change("text", after[0], details=(f"was: {before[0]}",), old_line=before[1],
                                          new_line=after[1]))
                elif after:
                    changes.append(Change("text-added", after[0], new_line=after[1]))
                elif before:
                    changes.append(Change("text-removed", before[0], old_line=before[1]))
        elif tag == "insert":
            changes.extend(Change("text-added", t, new_line=line) for t, line in now[j1:j2])
        else:
            changes.extend(Change("text-removed", t, old_line=line) for t, line in was[i1:i2])
    return changes


def _next_meeting_changes(old: tuple[NextMeeting, ...], new: tuple[NextMeeting, ...],
                          kind: str = "next-meeting") -> list[Change]:
    text = formatter.next_meeting_line
    changes: list[Change] = []
    unmatched = list(old)
    for meeting in new:
        start = meeting.dates.start.to_date()
        same = next((m for m in unmatched if m.dates.start.to_date() == start), None)
        if same is None:
            month = (start.year, start.month) if start else None
            same = next((m for m in unmatched if (d := m.dates.start.to_date()) and (d.year, d.month) == month), None)
        if same is None and len(old) == len(new):
            same = next((m for m in unmatched if old.index(m) == new.index(meeting)), None)
        if same is None:
            changes.append(Change(f"{kind}-added", text(meeting)[2:], new_line=meeting.span.line))
            continue
        unmatched.remove(same)
        if same != meeting:
            changes.append(Change(kind, text(meeting)[2:], details=(f"was: {text(same)[2:]}",),
                                  old_line=same.span.line, new_line=meeting.span.line))
    changes.extend(Change(f"{kind}-removed", text(m)[2:], old_line=m.span.line) for m in unmatched)
    return changes
