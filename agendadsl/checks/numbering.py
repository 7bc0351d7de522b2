"""Numbering checks. The rules live in agendadsl.resolution, which the renderers share."""

from __future__ import annotations

from collections.abc import Iterable

from ..language.diagnostics import Diagnostic
from .context import CheckContext
from .registry import check


@check("numbering-gap", "numbering-duplicate", "numbering-order", "numbering-prefix", "numbering-depth",
       "numbering-scheme", "numbering-roman", "numbering-mismatch", "numbering-insertion",
       "numbering-format", "numbering-overflow", "invalid-numbering", "number-too-long")
def numbering(context: CheckContext) -> Iterable[Diagnostic]:
    """Explicit numbers agree with the declared numbering of their level, in order, without gaps."""
    return context.resolution.diagnostics
