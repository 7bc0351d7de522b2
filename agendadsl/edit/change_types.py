"""The values of the semantic diff: a change, the fields it changed, the items it names. Words
are the renderer's (render/change_words.py): here there are only kinds, field names and values,
so that JSON gets data and each language its own sentences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldChange:
    """One field of an item, heading, header or next meeting, before and after; None where it
    was or is not written. ``field`` is the name the agenda language uses (``time``, ``presenter``,
    ``date``), or ``title``, ``notes``, ``text``, ``meeting``."""

    field: str
    old: str | None
    new: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class ItemRef:
    """An item named by a change: the parts of a split or a merge, the cause of a renumbering."""

    kind: str
    """What happened to it: ``added``, ``removed``, ``moved``, or ``part`` (of a split or merge)."""
    number: str | None
    title: str
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "number": self.number, "title": self.title, "line": self.line}


@dataclass(frozen=True)
class Change:
    """One difference, one per item however many things changed in it.

    ``kind``, for items: ``added``, ``removed``, ``moved`` (to another place or parent; perhaps
    retitled and changed too), ``retitled``, ``withdrawn``, ``changed`` (fields or notes only),
    ``renumbered`` (items whose number alone changed: one change for a run of siblings that an
    insertion, removal or move shifted, with their sub-items), ``split`` (one item became several:
    ``parts`` are the new items), ``merged`` (several became one: ``parts`` are the old items).
    Elsewhere: ``header``, ``heading-added``, ``heading-removed``, ``heading``, ``text-added``,
    ``text-removed``, ``text``, ``next-meeting-added``, ``next-meeting-removed``, ``next-meeting``,
    and the same for ``past-meeting``."""

    kind: str
    title: str
    old_number: str | None = None
    new_number: str | None = None
    fields: tuple[FieldChange, ...] = ()
    old_line: int | None = None
    new_line: int | None = None
    parts: tuple[ItemRef, ...] = ()
    last_old_number: str | None = None
    """A renumbered run: the old and new numbers of its last sibling (its first's are
    ``old_number`` and ``new_number``)."""
    last_new_number: str | None = None
    items: int = 1
    """A renumbered run: how many items it renumbered, sub-items included."""
    after: tuple[ItemRef, ...] = ()
    """A renumbered run: the insertions, removals and moves just before it that shifted it; none
    when the numbers were corrected with nothing else changed."""

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "old_number": self.old_number,
                "new_number": self.new_number, "last_old_number": self.last_old_number,
                "last_new_number": self.last_new_number, "items": self.items,
                "fields": [f.as_dict() for f in self.fields], "parts": [p.as_dict() for p in self.parts],
                "after": [a.as_dict() for a in self.after], "old_line": self.old_line, "new_line": self.new_line}
