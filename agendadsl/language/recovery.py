"""What the parser leaves out to go on after a syntax error, so that one run reports every error.

The language is line-based, so a bad line can be set aside and the text parsed again. A bad line
takes with it the lines that belong to it: those indented under it and the translations ('fr: ...')
written straight after it. Otherwise they would land under the line above and be reported again
as errors they are not, or change what that line means. Left-out lines become comments, which the
parser ignores wherever they stand, so every other line keeps its number and columns and nothing
is invented in their place.

An error that the lines left out caused is not reported: the next unindented line of a block whose
first line was not indented either, or a block ('next meetings:') left empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .grammar import terminal_regex
from .layout import line_indent

MAX_ERRORS = 50
"""Errors one parse reports at most; a compiler's limit, so a wrong file type does not flood."""

_SAME_CAUSE = {"unexpected-indent", "missing-indent"}
"""Codes that, on the line straight after lines left out for the same code, share their cause."""


def translation(line: str) -> bool:
    """A translation line ('fr: ...'), by the grammar's own TRANSLATION terminal."""
    return terminal_regex("TRANSLATION").match(line.lstrip(" \t")) is not None


def inert(line: str) -> bool:
    """A blank line or a comment: neither ends the block of the line above."""
    stripped = line.strip()
    return not stripped or stripped.startswith("//")


@dataclass
class Recovery:
    """The text as parsed so far with bad lines left out, and what is left out."""

    lines: list[str]
    skipped: set[int] = field(default_factory=set)
    """1-based numbers of the lines left out."""
    reparses: int = 0
    """How many more times the text may be parsed: a bound on the work of recovering, so that a
    large file with many errors stops early rather than taking minutes (50 times an agenda of
    up to 40 KB, twice a 1 MB one)."""
    last: tuple[Diagnostic, range] | None = None
    """The last error reported or passed over, and the lines left out for it."""

    @classmethod
    def of(cls, text: str) -> Recovery:
        return cls(text.split("\n"), reparses=min(MAX_ERRORS, max(1, 2_000_000 // max(1, len(text)))))

    @property
    def exhausted(self) -> bool:
        """No more parses are allowed: the errors after this point go unreported."""
        return self.reparses <= 0

    def text(self) -> str:
        return "\n".join(self.lines)

    def step(self, failure: Diagnostic) -> tuple[bool, bool]:
        """Leave out what ``failure`` stands on: whether to report it (the lines left out did not
        cause it), and whether the text may be parsed again (something was left out)."""
        line, report = failure.span.line, True
        if self.last is not None:
            before, lines = self.last
            if failure.code in _SAME_CAUSE and failure.code == before.code and line == lines.stop:
                report = False  # the next line of the same badly indented run
        if report and failure.code == "missing-indent":
            opener = self._opener(line, failure.span.column)
            if self._emptied(opener):  # the block's lines were left out: the block goes too
                line, report = opener, False
        left_out = self._skip(line)
        if left_out is not None:
            self.last = (failure, left_out)
        return report, left_out is not None

    def _skip(self, line: int) -> range | None:
        """Leave out ``line`` and the lines that belong to it; None when there is nothing to leave
        out there (a blank line, the end of the text) or no parse left, and recovery must stop."""
        index = line - 1
        if not 0 <= index < len(self.lines) or inert(self.lines[index]) or self.reparses <= 0:
            return None
        self.reparses -= 1
        own = line_indent(self.lines[index])
        end = index + 1
        translations = True  # translations follow their line directly, before anything else
        while end < len(self.lines):
            text = self.lines[end]
            if not inert(text):
                deeper = line_indent(text) > own
                own_translation = translations and line_indent(text) == own and translation(text)
                if not deeper and not own_translation:
                    break
                translations = translations and not deeper
            end += 1
        while end - 1 > index and inert(self.lines[end - 1]):  # trailing blank lines stay
            end -= 1
        for number in range(index, end):
            if not inert(self.lines[number]):
                self.lines[number] = "//"
            self.skipped.add(number + 1)
        return range(line, end + 1)

    def _opener(self, line: int, column: int) -> int:
        """The first line of the block that a missing-indent error at ``line`` and ``column`` is
        about: that line when the error is at its end (the block has no lines), else the last
        line above that is neither blank nor a comment."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if column > len(text) and not inert(text):
            return line
        above = line - 1
        while above > 1 and inert(self.lines[above - 1]):
            above -= 1
        return max(above, 1)

    def _emptied(self, opener: int) -> bool:
        """Whether the lines under ``opener`` were there, and were all left out."""
        number = opener + 1
        while number <= len(self.lines) and number not in self.skipped and inert(self.lines[number - 1]):
            number += 1
        return number in self.skipped
