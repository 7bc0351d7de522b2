"""A semantic diff's changes in the words of a language (the ``[change]`` and ``[diff]`` tables
of ``templates/i18n/``), for ``agenda diff``'s text and a revised agenda's summary of changes.

The changes themselves (edit/change_types.py) hold only kinds, numbers and values; the words live
here, in the render layer, because the wording files and their loader are the renderer's: the
command line sits above it and borrows them."""

from __future__ import annotations

from ..edit.change_types import Change, FieldChange, ItemRef
from .localise import Locale

_OWN_NAMES = ("title", "notes", "text", "meeting")
"""Fields named by the diff; the others are the agenda language's own keywords (time, date)."""


def phrase(loc: Locale, key: str, **values: str) -> str:
    """An entry of the ``[diff]`` table, with its ``{placeholders}`` filled in."""
    text: str = loc.word("diff", key)
    return loc.typeset(text.format(**values) if values else text)


def kind(loc: Locale, change: Change) -> str:
    """The change's kind: "deleted", "renumbered", "next meeting added"."""
    return loc.word_or_written("change", change.kind)


def number(loc: Locale, change: Change) -> str:
    """The item's number, or its old and new numbers: "I.3 → I.2", "I.3-I.6 → I.2-I.5"
    (the range written as the wording's ``range`` says, with an en dash in English)."""
    old, new = change.old_number, change.new_number
    if change.last_old_number is not None and change.last_old_number != old:
        old = phrase(loc, "range", first=old or "", last=change.last_old_number)
        new = phrase(loc, "range", first=new or "", last=change.last_new_number or "")
    if change.kind == "split" and len(change.parts) > 1:
        new = phrase(loc, "range", first=change.parts[0].number or "", last=change.parts[-1].number or "")
    if change.kind == "merged" and len(change.parts) > 1:
        old = phrase(loc, "range", first=change.parts[0].number or "", last=change.parts[-1].number or "")
    if old and new and old != new:
        return f"{old}{loc.word('diff', 'arrow')}{new}"
    return new or old or ""


def headline(loc: Locale, change: Change) -> str:
    """What follows the kind and number: the title, or for a renumbering what caused it."""
    if change.kind != "renumbered" or change.last_old_number is None:
        return change.title
    parts = [phrase(loc, "after", events=_joined(loc, [_event(loc, e) for e in change.after]))] if change.after else []
    if change.items > 1:
        parts.append(f"({phrase(loc, 'items', n=str(change.items))})")
    return " ".join(parts)


def details(loc: Locale, change: Change) -> list[tuple[str, FieldChange | None]]:
    """One line per changed field ("time: 10:00 → 10:30", "was: Budget") with the field, and the
    parts of a split or merge. Notes are named, not shown: ``notes`` gives their lines."""
    out: list[tuple[str, FieldChange | None]] = [(field(loc, f), f) for f in change.fields]
    if change.kind in ("split", "merged"):
        out.append((phrase(loc, change.kind, parts="; ".join(_part(p) for p in change.parts)), None))
    return out


def field(loc: Locale, change: FieldChange) -> str:
    """A changed field on one line; a title as its old text, notes by name alone."""
    if change.field == "title":
        return phrase(loc, "was", title=change.old or "")
    name = phrase(loc, change.field) if change.field in _OWN_NAMES else change.field
    if change.field == "notes":
        return name
    none = phrase(loc, "none")
    return phrase(loc, "field", name=name) + f"{change.old or none}{loc.word('diff', 'arrow')}{change.new or none}"


def notes(change: FieldChange) -> list[str]:
    """The lines of changed notes as a line diff: "- " before an old line, "+ " before a new one."""
    import difflib

    old, new = (change.old or "").splitlines(), (change.new or "").splitlines()
    return [line for line in difflib.ndiff(old, new) if line[:1] in "-+"]


def count(loc: Locale, changes: list[Change]) -> str:
    """How many of each kind, items counted ("1 deleted, 16 renumbered")."""
    counts: dict[str, int] = {}
    for change in changes:
        counts[change.kind] = counts.get(change.kind, 0) + change.items
    return ", ".join(phrase(loc, "count", n=str(n), kind=loc.word_or_written("change", k)) for k, n in counts.items())


def _event(loc: Locale, event: ItemRef) -> str:
    return phrase(loc, f"event_{event.kind}", number=event.number or event.title)


def _part(part: ItemRef) -> str:
    return f"{part.number} {part.title}" if part.number else part.title


def _joined(loc: Locale, texts: list[str]) -> str:
    if len(texts) < 2:
        return "".join(texts)
    return f"{', '.join(texts[:-1])} {loc.label('and')} {texts[-1]}"
