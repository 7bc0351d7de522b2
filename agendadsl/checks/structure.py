"""Structure checks: the agenda as a whole."""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic, error
from ..source import Span
from .context import CheckContext
from .registry import check


@check("empty-agenda")
def empty_agenda(context: CheckContext) -> Iterable[Diagnostic]:
    """A file with no items at all (empty, or only a header and comments)."""
    if not context.agenda.items:
        yield error("empty-agenda", "the agenda has no items", Span.point(1, 1),
                    "add at least one item, such as '1. Opening of the meeting'")
