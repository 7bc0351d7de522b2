"""Source text and positions.

A ``SourceFile`` is the decoded, newline-normalised text of one input (positions in it are
``Span`` values, span.py). Decoding is the one place where bytes become text, so every encoding
problem is reported here as a diagnostic.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, Severity
from .span import Span

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Inputs larger than this are refused: no real agenda comes near it (documented in docs/limits.md)."""


@dataclass(frozen=True)
class SourceFile:
    """Decoded text of one input, with ``path`` as the user named it (``-`` for stdin)."""

    path: str
    text: str
    _line_starts: list[int] = field(default_factory=list, compare=False, repr=False)
    bom: bool = field(default=False, compare=False)
    """Whether the file started with a UTF-8 byte order mark (``agenda fmt`` writes it back)."""
    line_end: str = field(default="\n", compare=False)
    """The line end the file's lines mostly end with: ``"\n"``, ``"\r\n"`` or ``"\r"`` (``agenda fmt``
    writes every line with it)."""

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts.extend(starts)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` without its newline ('' when out of range)."""
        if not 1 <= number <= len(self._line_starts):
            return ""
        start = self._line_starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that every later stage sees one kind of line end."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def dominant_line_end(text: str) -> str:
    """The line end most lines of ``text`` end with; LF on a tie, and for a text of one line."""
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    return max(counts, key=lambda end: counts[end])  # max keeps the first of equals: LF


def encode(text: str, line_end: str = "\n", bom: bool = False) -> bytes:
    """The bytes of ``text`` (with LF line ends, as decode makes them) written with ``line_end``
    and, if ``bom``, a byte order mark: decode's inverse for a file whose lines all end alike."""
    if line_end != "\n":
        text = text.replace("\n", line_end)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def decode(data: bytes, path: str, size: int | None = None) -> tuple[SourceFile | None, list[Diagnostic]]:
    """Decode UTF-8 input (a BOM is allowed) into a SourceFile, or say exactly where it is not UTF-8.
    ``size`` is the file's real size when known (only the limit plus one byte is ever read)."""
    if len(data) > MAX_FILE_BYTES:
        told = f"the file is {size:,} bytes" if size and size > MAX_FILE_BYTES else "the file is larger than that"
        return None, [
            Diagnostic(
                "file-too-large",
                Severity.ERROR,
                f"{told}; agendas are limited to {MAX_FILE_BYTES:,} bytes",
                Span.point(1, 1),
                "split the agenda into several files",
            )
        ]
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        bad = data[error.start : error.end].hex(" ")
        return None, [
            Diagnostic(
                "invalid-utf8",
                Severity.ERROR,
                f"the file is not valid UTF-8: byte(s) {bad} at line {line}",
                Span.point(line, column),
                "save the file as UTF-8 (most editors offer 'Save with encoding')",
            )
        ]
    line_end = dominant_line_end(text) if "\r" in text else "\n"
    return SourceFile(path, normalise_newlines(text), bom=bom, line_end=line_end), []
