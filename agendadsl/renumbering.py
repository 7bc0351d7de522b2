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

from .diagnostics import AgendaError
from .nodes import Agenda, Attr, Item, ItemStatus, NextMeetings, NumberMark, walk
from .resolution import resolve


def map_items(items: tuple[Item, ...], change: Callable[[Item], Item]) -> tuple[Item, ...]:
    """The same tree with ``change`` applied to every item (children first). Depth is bounded by
    the layout's nesting limit, so recursion is safe here."""
    return tuple(change(replace(item, children=map_items(item.children, change))) for item in items)


def _map_agenda(agenda: Agenda, change: Callable[[Item], Item]) -> Agenda:
    body = tuple(entry if isinstance(entry, NextMeetings) else map_items((entry,), change)[0]
                 for entry in agenda.body)
    return replace(agenda, body=body)


def renumber(agenda: Agenda, *, keep_withdrawn: bool = False) -> Agenda:
    """``agenda`` with consistent explicit numbers; AgendaError when its numbers are frozen."""
    if agenda.meeting.frozen is not None and agenda.meeting.frozen.value:
        raise AgendaError("the numbers of this agenda are frozen ('numbers: frozen' in its header): "
                          "renumber by hand, or remove that line first")

    def kept(item: Item) -> bool:
        return keep_withdrawn and item.status is not None and item.status.value is ItemStatus.WITHDRAWN

    was_explicit: list[bool] = [item.mark is NumberMark.EXPLICIT for item, _ in walk(agenda.items)]
    automatic = _map_agenda(agenda, lambda item: item if item.mark is not NumberMark.EXPLICIT or kept(item)
                            else replace(item, mark=NumberMark.AUTO, number=None))
    resolution = resolve(automatic)
    numbers = iter([resolution.number_of(item) for item, _ in walk(automatic.items)])
    flags = iter(was_explicit)

    # walk() is pre-order and map_items is post-order: collect the new numbers in pre-order first.
    assigned: dict[int, str | None] = {}
    for (original, _), number, explicit in zip(walk(agenda.items), numbers, flags):
        assigned[id(original)] = number if explicit else None

    def write_back(item: Item, source: Item) -> Item:
        number = assigned.get(id(source))
        if number is None or item.mark is not NumberMark.EXPLICIT:
            return item
        span = item.number.span if item.number is not None else item.span
        return replace(item, number=Attr(number, span))

    return _map_pairs(agenda, write_back)


def _map_pairs(agenda: Agenda, change: Callable[[Item, Item], Item]) -> Agenda:
    def go(items: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple(change(replace(item, children=go(item.children)), item) for item in items)

    body = tuple(entry if isinstance(entry, NextMeetings) else go((entry,))[0] for entry in agenda.body)
    return replace(agenda, body=body)
