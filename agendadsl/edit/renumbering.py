"""Renumbering: rewrite every explicit number so the numbering is consistent again.

Every explicitly numbered item is numbered as if it were automatic (``#.``), following each
level's declared style and each item's ``@numbering``; the result is written back as explicit
numbers. Insertions (``2.1bis``) are absorbed into the sequence. Cross-references name labels,
not numbers, so they follow by themselves. With ``keep_withdrawn``, withdrawn items keep the
number they have and the others are numbered around them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..language.diagnostics import AgendaError
from ..language.nodes import Agenda, Attr, Entry, Group, Item, ItemStatus, NumberMark, walk
from ..language.resolution import resolve


def _rebuild(agenda: Agenda, change: Callable[[Item, Item], Item]) -> Agenda:
    """The same agenda with ``change(rebuilt item, original item)`` applied to every item, children
    first. Depth is bounded by the layout's nesting limit, so recursion is safe here."""
    def go(items: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple(change(replace(item, children=go(item.children)), item) for item in items)

    def entries(body: tuple[Entry, ...]) -> tuple[Entry, ...]:
        return tuple(go((entry,))[0] if isinstance(entry, Item) else
                     replace(entry, body=entries(entry.body)) if isinstance(entry, Group) else entry
                     for entry in body)

    return replace(agenda, body=entries(agenda.body))


def renumber(agenda: Agenda, *, keep_withdrawn: bool = False) -> Agenda:
    """``agenda`` with consistent explicit numbers; AgendaError when its numbers are frozen."""
    if agenda.meeting.frozen is not None and agenda.meeting.frozen.value:
        raise AgendaError("the numbers of this agenda are frozen ('numbers: frozen' in its header): "
                          "renumber by hand, or remove that line first")

    def rewritten(item: Item) -> bool:
        kept = keep_withdrawn and item.status is not None and item.status.value is ItemStatus.WITHDRAWN
        return item.mark is NumberMark.EXPLICIT and not kept

    automatic = _rebuild(agenda, lambda new, old: replace(new, mark=NumberMark.AUTO, number=None)
                         if rewritten(old) else new)
    resolution = resolve(automatic)
    for problem in resolution.diagnostics:
        if problem.code == "numbering-overflow":  # the scheme cannot write every new number
            raise AgendaError(f"line {problem.span.line}: {problem.message}; declare another numbering scheme "
                              "for that level")
    numbers = {id(original): resolution.number_of(auto)
               for (original, _), (auto, _) in zip(walk(agenda.items), walk(automatic.items), strict=True)}

    def write_back(new: Item, old: Item) -> Item:
        number = numbers[id(old)] if rewritten(old) else None
        if number is None:  # kept as it was (every item that is rewritten has a number)
            return new
        return replace(new, number=Attr(number, old.number.span if old.number else old.span))

    return _rebuild(agenda, write_back)
