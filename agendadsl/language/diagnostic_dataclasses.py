"""Diagnostics are values: checks and the parser return them, one module (report) prints them.

These definitions are the source of ``diagnostics``, the same module with its dataclasses written
out plainly by ``agendadsl/support/write_plain_classes.py`` (as for the AST, language/node_dataclasses.py): run
the tool after a change here. Type checkers read these definitions, through ``diagnostics.pyi``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .span import Span


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a diagnostic ("first defined here")."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A change that does what a diagnostic's hint says, for editors to offer as a quick fix:
    ``span`` replaced by ``text`` (an empty span inserts). Further lines of ``text`` are written
    without the indentation of the line they go on; ``text_for`` adds it."""

    title: str
    span: Span
    text: str

    def text_for(self, line: str) -> str:
        """The replacement text, its further lines indented like ``line`` (the source line the fix is on)."""
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        return self.text.replace("\n", "\n" + indent)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in an agenda.

    ``code`` is a stable kebab-case name listed in docs/diagnostics.md; ``hint`` says how to
    fix it; ``related`` points at other places that explain it.
    """

    code: str
    severity: Severity
    message: str
    span: Span
    hint: str | None = None
    related: tuple[Related, ...] = ()
    fixes: tuple[Fix, ...] = field(default=(), compare=False)
    """Machine-readable forms of the hint, where it names one exact change."""

    def __post_init__(self) -> None:
        # A message quotes the input ("unknown attribute '@...'"), which may be 100 KB long: cut here,
        # every consumer (the terminal, JSON, an editor's hover) gets a message that fits a screen.
        object.__setattr__(self, "message", cut(self.message))
        if self.hint is not None:
            object.__setattr__(self, "hint", cut(self.hint))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


MESSAGE_LIMIT = 300
"""The longest message or hint, in characters; the real ones are under 210 (docs/limits.md)."""


def cut(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` cut in the middle to ``limit`` characters, "…" marking the cut: what a message says
    before the text it quotes and after it (the fix) both stay, as in the excerpts."""
    if len(text) <= limit:
        return text
    tail = (limit - 1) // 3
    return text[: limit - 1 - tail] + "…" + text[len(text) - tail :]


def error(code: str, message: str, span: Span, hint: str | None = None,
          related: tuple[Related, ...] = (),
          fixes: tuple[Fix, ...] = ()) -> Diagnostic:
    """Shorthand for an error diagnostic."""
    return Diagnostic(code, Severity.ERROR, message, span, hint, related, fixes)


def warning(code: str, message: str, span: Span, hint: str | None = None,
            related: tuple[Related, ...] = (),
            fixes: tuple[Fix, ...] = ()) -> Diagnostic:
    """Shorthand for a warning diagnostic."""
    return Diagnostic(code, Severity.WARNING, message, span, hint, related, fixes)


def sort_key(diagnostic: Diagnostic) -> tuple[int, int, str]:
    """Diagnostics are reported in source order, then by code, so output is deterministic."""
    return (diagnostic.span.line, diagnostic.span.column, diagnostic.code)


class AgendaError(Exception):
    """A usage or I/O failure (unreadable file, bad option): the CLI turns it into exit code 2.

    Problems *in* an agenda are never raised; they are Diagnostic values.
    """
