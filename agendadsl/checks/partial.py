"""Which findings of the checks still hold when the parse left bad lines out.

After a syntax error the checks run on the rest of the agenda (language/recovery.py), and a
finding that a left-out line may have caused is not reported: the gap in the numbering where the
bad item stood, the label it defined, the series its header line declared. Whatever the checks
find elsewhere is reported with the syntax errors, so one run shows every problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..language.diagnostics import Diagnostic
from ..language.layout import line_indent
from ..language.nodes import Agenda
from ..language.recovery import inert, translation

_NAMED = {
    "unknown-label": r"\{([^}]*)\}",
    "unknown-footnote": r"\[\^([^\]]*)\]",
    "unused-footnote": r"\[\^([^\]]*)\]",
    "unknown-annex": r"\{annex\s+([^}]*)\}",
    "unused-series": r"([^\s:]+)",
}
"""Findings about a name that a left-out line may define or use, and how to read the name at
the finding's place (patterns that ``re`` compiles on first use: only after a syntax error)."""

_NEIGHBOURS = ("numbering-", "invalid-numbering", "duration-mismatch", "time-slot-", "missing-translation")
"""Findings that compare an item with its siblings, its children or the line after it."""

_HEADER = {
    "numbering-": ("numbering", "numbers"), "invalid-numbering": ("numbering", "numbers"),
    "undeclared-translation": ("language",), "unknown-language": ("language",),
    "local-times-without-time": ("local times", "time"), "time-outside-sitting": ("time", "date"),
    "docref-pattern": ("series",), "invalid-series": ("series",),
    "next-meeting-not-after": ("date",), "past-meeting-not-before": ("date",),
}
"""Findings that rest on header fields: they do not hold when a header line left out may have
been one of those fields (its name is close to theirs, or cannot be read)."""


def still_holding(found: Iterable[Diagnostic], agenda: Agenda, text: str,
                  skipped: frozenset[int]) -> list[Diagnostic]:
    """The findings in ``found`` that no line in ``skipped`` may have caused."""
    lines = text.split("\n")
    gaps = _Gaps(lines, skipped, agenda.body[0].span.line if agenda.body else len(lines) + 1)
    return [d for d in found if not gaps.may_cause(d)]


def _field_name(line: str) -> str:
    """The name of the header field on ``line`` as written, lower-case; empty if it has none."""
    name, colon, _ = line.partition(":")
    return name.strip().lower() if colon else ""


def _may_be(name: str, fields: tuple[str, ...]) -> bool:
    """Whether a header line whose field is written ``name`` may have been one of ``fields``."""
    from rapidfuzz import fuzz

    from ..language.syntax_errors import FIELD_SYNONYMS

    name = FIELD_SYNONYMS.get(name, name)
    return bool(fields) and (not name or any(fuzz.ratio(name, field) >= 75 for field in fields))


class _Gaps:
    def __init__(self, lines: list[str], skipped: frozenset[int], body_start: int) -> None:
        self.lines = lines
        self.skipped = skipped
        self.text = "\n".join(lines[n - 1] for n in sorted(skipped) if n <= len(lines))
        self.header_fields = [_field_name(lines[n - 1]) for n in sorted(skipped) if n < body_start]
        self.everywhere = bool(skipped)

    def may_cause(self, diagnostic: Diagnostic) -> bool:
        code = diagnostic.code
        if code == "empty-agenda":
            return self.everywhere
        if code in _NAMED:
            match = re.search(_NAMED[code], self._at(diagnostic))
            name = match.group(1).strip() if match else ""
            # A name's start: a series is used as "[gh-12]", "[RFC 9999]".
            return bool(name) and re.search(r"(?<![\w-])" + re.escape(name), self.text) is not None
        fields = next((names for start, names in _HEADER.items() if code.startswith(start)), ())
        if any(_may_be(name, fields) for name in self.header_fields):
            return True
        if code.startswith(_NEIGHBOURS):
            # An item's number starts with its parent's, which '#.' counts from the items before it.
            return self._next_to(diagnostic.span.line, up=code.startswith(("numbering-", "invalid-numbering")))
        return False

    def _at(self, diagnostic: Diagnostic) -> str:
        span = diagnostic.span
        line = self.lines[span.line - 1] if 0 < span.line <= len(self.lines) else ""
        return line[span.column - 1: span.end_column - 1 if span.end_line == span.line else None]

    def _indent(self, number: int) -> int:
        return line_indent(self.lines[number - 1])

    def _depth(self, number: int) -> int | None:
        """The indentation of line ``number``, None for a blank line or a comment."""
        return None if inert(self.lines[number - 1]) else self._indent(number)

    def _next_to(self, line: int, up: bool = False) -> bool:
        """A line was left out among the siblings before ``line`` (a numbering run, a schedule, is
        judged as a whole), or inside its own block (the lines indented under it, and its
        translation straight after). With ``up``, also among the siblings before each parent that
        '#.' numbers, since its number, the start of this one's, counts them."""
        if not 0 < line <= len(self.lines):
            return False
        own = self._indent(line)
        number = line + 1
        while number <= len(self.lines):  # its own block
            depth = self._depth(number)
            if number in self.skipped and (depth != own or translation(self.lines[number - 1])):
                return True  # a line under it, or its translation; not the next sibling
            if depth is not None and depth <= own:
                break
            number += 1
        number = line - 1
        while number > 0:  # back to its parent, over the siblings before it and their blocks
            if number in self.skipped:
                first, probe = number, number - 1
                while probe > 0 and (probe in self.skipped or self._depth(probe) is None):
                    first = probe if probe in self.skipped else first
                    probe -= 1
                if self._indent(first) <= own:  # the error's own line, not a line of a block it took along
                    return True
                number = probe
                continue
            depth = self._depth(number)
            if depth is not None and depth < own:
                if not (up and self.lines[number - 1].lstrip().startswith("#.")):
                    break  # a parent whose number is written out: what came before it does not matter
                own = depth
            number -= 1
        return False
