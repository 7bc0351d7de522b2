"""Lines of LaTeX short enough for TeX to read. TeX reads its input a line at a time into a buffer
of 200,000 bytes; a longer line stops the run ("Unable to read an entire line"). A paragraph of
many note lines is one line of the generated LaTeX (its lines are joined by ``\\newline``), so a
long one would not typeset. Long lines are broken where a line end changes nothing TeX reads;
lines of a normal agenda are far shorter than the limit and are left exactly as they are."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

MAX_LINE = 10_000
"""Characters per line: at most 40,000 bytes in UTF-8, a fifth of TeX's buffer."""


def short_lines(pieces: Iterable[str]) -> Iterator[str]:
    """The LaTeX of ``pieces`` with every line longer than MAX_LINE broken, piece by piece, so
    that a large output still streams."""
    carry = ""
    for piece in pieces:
        text = carry + piece
        end = text.rfind("\n") + 1
        done, carry = text[:end], text[end:]
        if len(carry) > 2 * MAX_LINE:  # a line still growing: fold what is known, keep its tail
            folded = fold(carry)
            end = folded.rfind("\n") + 1
            done, carry = done + folded[:end], folded[end:]
        if done:
            yield fold_all(done) if _has_long_line(done) else done
    yield fold(carry)


def fold_all(text: str) -> str:
    """Every line of ``text`` folded."""
    return "\n".join(fold(line) for line in text.split("\n"))


def fold(line: str) -> str:
    """One line (no line end in it) as lines of at most MAX_LINE characters, broken at a space
    (TeX reads a line end as a space, and skips the spaces that start a line) or after a closing
    brace, with a comment sign that swallows the line end. Unchanged if short enough."""
    parts: list[str] = []
    while len(line) > MAX_LINE:
        cut = _break_point(line)
        if cut is None:  # no safe place (never made by the templates): TeX will say so
            break
        index, separator = cut
        parts.append(line[:index] + separator)
        line = line[index + 1:] if separator == "" else line[index:]
    parts.append(line)
    return "\n".join(parts)


def _break_point(line: str) -> tuple[int, str] | None:
    """Where to end the first line: (index, "") to put the line end in place of the space at
    ``index``; (index, "%") to end the line with a comment sign before ``index``. The last such
    place within MAX_LINE characters, else the first one after."""
    comment = _COMMENT.search(line)
    stop = comment.end() - 1 if comment else len(line)  # a break in a comment would make text of its rest
    first = len(line) - len(line.lstrip(" "))
    last = len(line.rstrip(" "))
    for index in (*range(min(MAX_LINE, stop), first, -1), *range(MAX_LINE + 1, stop)):
        separator = _separator(line, index, first, last)
        if separator is not None:
            return index, separator
    return None


def _separator(line: str, index: int, first: int, last: int) -> str | None:
    """How to break ``line`` at ``index`` without changing what TeX reads, or None. A space
    becomes the line end, unless it is part of a control space ('\\ ') or of the spaces that
    start or end the line (a line of spaces is an empty line: a new paragraph). After '}', a
    comment sign swallows the line end, unless what follows is another argument (an \\href
    reads its arguments with % as a plain character) or a space, which a line start would drop."""
    char = line[index] if index < len(line) else ""
    if char == " ":
        return "" if first < index < last and line[index - 1] != "\\" else None
    if line[index - 1] == "}" and char not in ("", " ", "{", "["):
        return "%"
    return None


# A comment sign: a '%' after an even number of backslashes (none, or escaped backslashes).
_COMMENT = re.compile(r"(?:^|[^\\])(?:\\\\)*%")


def _has_long_line(text: str) -> bool:
    if len(text) <= MAX_LINE:
        return False
    start = 0
    while True:
        end = text.find("\n", start)
        if (end if end >= 0 else len(text)) - start > MAX_LINE:
            return True
        if end < 0:
            return False
        start = end + 1
