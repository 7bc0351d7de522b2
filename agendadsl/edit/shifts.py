"""Renumberings summarised as an editor would: "items I.3-I.6 renumbered after the removal of
I.2", one change for a run of siblings shifted by the same insertions, removals or moves, their
sub-items included, instead of one line per item."""

from __future__ import annotations

from dataclasses import dataclass, field

from .alignment import Entry
from .change_types import Change, ItemRef


@dataclass
class Shifts:
    """The alignment the runs are read from; ``events`` names what each added, removed or moved
    item counts as when it causes a renumbering (a split's new part: ``split`` of the original)."""

    old: list[Entry]
    new: list[Entry]
    pairs: dict[int, int]
    moved: set[int]
    events: dict[tuple[str, int], ItemRef] = field(default_factory=dict)
    """("old" or "new", entry index) -> the event, where it is not the item itself."""
    own: set[int] = field(default_factory=set)
    """New indexes of split and merged items: their change gives their numbers."""


def runs(shifts: Shifts) -> dict[int, Change]:
    """New index of a run's first item -> the run's change, for every item whose number alone
    changed (other changes of the same item are reported on their own)."""
    old, new, pairs = shifts.old, shifts.new, shifts.pairs
    kept = {n for n in pairs if n not in shifts.moved}
    renumbered = {n for n in kept if new[n].number != old[pairs[n]].number and n not in shifts.own}
    children: dict[int | None, list[int]] = {}
    old_children: dict[int | None, list[int]] = {}
    for entry in new:
        children.setdefault(entry.parent, []).append(entry.index)
    for entry in old:
        old_children.setdefault(entry.parent, []).append(entry.index)
    out: dict[int, Change] = {}
    covered: set[int] = set()  # renumbered under an item whose own change says it (a run, a move)
    for entry in new:  # parents before children, so ``covered`` is known when a parent's children come
        parent = entry.parent
        if parent is not None and (parent in covered or parent in shifts.moved or parent in shifts.own):
            if entry.index in renumbered:
                covered.add(entry.index)
            continue
        if entry.position != 0 or (parent is not None and parent not in kept):
            continue
        old_parent = pairs[parent] if parent is not None else None
        for first, members, after in _groups(shifts, children[parent], old_children.get(old_parent, []),
                                             old_parent, kept, renumbered):
            items = 0
            for member in members:
                items += _cover(member, children, renumbered, covered)
            last = members[-1]
            out[first] = Change("renumbered", new[first].title, old[pairs[first]].number, new[first].number,
                                old_line=old[pairs[first]].item.span.line, new_line=new[first].item.span.line,
                                last_old_number=old[pairs[last]].number, last_new_number=new[last].number,
                                items=items, after=after)
    return out


def _groups(shifts: Shifts, siblings: list[int], old_siblings: list[int], old_parent: int | None,
            kept: set[int], renumbered: set[int]) -> list[tuple[int, list[int], tuple[ItemRef, ...]]]:
    """The runs among one parent's children: consecutive renumbered siblings with the same cause."""
    old, new, pairs = shifts.old, shifts.new, shifts.pairs
    here = [n for n in siblings if n in kept and old[pairs[n]].parent == old_parent]
    old_here = {pairs[n] for n in here}
    out: list[tuple[int, list[int], tuple[ItemRef, ...]]] = []
    cause: tuple[ItemRef, ...] = ()
    old_at, new_at = 0, 0
    previous: int | None = None
    for n in here:
        gap: list[ItemRef] = []
        while old_at < len(old_siblings) and old_siblings[old_at] != pairs[n]:
            if old_siblings[old_at] not in old_here:
                gap.append(_event(shifts, "old", old_siblings[old_at]))
            old_at += 1
        old_at += 1
        while new_at < len(siblings) and siblings[new_at] != n:
            if siblings[new_at] not in here:
                gap.append(_event(shifts, "new", siblings[new_at]))
            new_at += 1
        new_at += 1
        if gap:
            cause = tuple(dict.fromkeys(gap))
        if n in renumbered:
            # Its place among its siblings changed: the events before it explain its new number.
            # Else its number was corrected by hand or by fmt --renumber: no cause.
            reason = cause if new[n].position != old[pairs[n]].position else ()
            if out and out[-1][1][-1] == previous and out[-1][2] == reason:
                out[-1][1].append(n)
            else:
                out.append((n, [n], reason))
        previous = n
    return out


def _event(shifts: Shifts, side: str, index: int) -> ItemRef:
    """What an item that is not kept in place counts as, as the cause of a renumbering."""
    if (side, index) in shifts.events:
        return shifts.events[(side, index)]
    entry = (shifts.old if side == "old" else shifts.new)[index]
    if side == "old":
        kind = "moved" if index in shifts.pairs.values() else "removed"
    else:
        kind = "moved" if index in shifts.pairs else "added"
    return ItemRef(kind, entry.number, entry.title, entry.item.span.line)


def _cover(index: int, children: dict[int | None, list[int]], renumbered: set[int], covered: set[int]) -> int:
    """Mark the renumbered descendants of a run's member as covered by it; how many items that is."""
    count, stack = 1, [index]
    covered.add(index)
    while stack:
        for child in children.get(stack.pop(), []):
            if child in renumbered:
                covered.add(child)
                count += 1
                stack.append(child)
    return count
