"""What keeps an agenda from being final: everything still to be confirmed."""

from __future__ import annotations

from ..language.diagnostics import Diagnostic, error
from ..language.nodes import Agenda, ItemStatus, walk


def unconfirmed(agenda: Agenda) -> list[Diagnostic]:
    """One diagnostic per "tbc" left in the agenda (items, next meetings' dates, places, kinds,
    hosts)."""
    found = []
    hint = "confirm it and remove the tbc, or publish without --final"
    for item, _ in walk(agenda.items):
        if item.status is not None and item.status.value is ItemStatus.TBC:
            found.append(error("not-final", "this item is still to be confirmed", item.status.span, hint))
    for meeting in agenda.next_meetings:
        flags = [name for name, flag in (("dates", meeting.dates_tbc), ("place", meeting.place_tbc),
                                         ("kind", meeting.kind_tbc), ("host", meeting.host_tbc)) if flag]
        if flags:
            listed = ", ".join(flags[:-1]) + " and " + flags[-1] if len(flags) > 1 else flags[0]
            verb = "are" if len(flags) > 1 or flags[0] == "dates" else "is"
            found.append(error("not-final", f"this next meeting's {listed} {verb} still to be confirmed",
                               meeting.span, hint))
    return found
