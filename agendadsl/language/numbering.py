"""Numbering schemes: read an item number, write the next one, compare them. Pure functions.

A number such as ``I.3.2``, ``(b)`` or ``2.1bis`` is read as: decorations (an opening
parenthesis, a closing ``.`` or ``)``), prefix segments (``I``, ``3``), the value of its last
segment in a scheme (2, arabic) and an insertion suffix (``bis``, or ``a`` in ``6a``).
A numbering *style* says how the numbers of one level are written; it is declared by example
(``1.``, ``1.1``, ``(a)``, ``I.1``), never guessed from the items.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Scheme(enum.Enum):
    ARABIC = "arabic"
    UPPER_ROMAN = "upper-roman"
    LOWER_ROMAN = "lower-roman"
    UPPER_ALPHA = "upper-alpha"
    LOWER_ALPHA = "lower-alpha"

    @property
    def described(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Scheme.ARABIC: "arabic numerals (1, 2, 3)",
    Scheme.UPPER_ROMAN: "upper-case roman numerals (I, II, III)",
    Scheme.LOWER_ROMAN: "lower-case roman numerals (i, ii, iii)",
    Scheme.UPPER_ALPHA: "upper-case letters (A, B, C)",
    Scheme.LOWER_ALPHA: "lower-case letters (a, b, c)",
}

SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
"""Latin insertion suffixes in order: 2.1bis comes after 2.1, 2.1ter after 2.1bis."""

MAX_ROMAN = 3999

MAX_PART = 15
"""The most digits or letters one part of a number may have (docs/limits.md): as long as the longest
roman numeral (MMMDCCCLXXXVIII), and 15 digits stay exact for a JSON reader in JavaScript."""


class Prefix(enum.Enum):
    NONE = "none"  # (a), A., 1.
    INHERIT = "inherit"  # the parent's number, then a dot: 2.1 under 2.
    LITERAL = "literal"  # a declared prefix: I.1 under "2.1 Chapter I"


@dataclass(frozen=True, slots=True)
class Style:
    """How the numbers of one level are written."""

    scheme: Scheme
    start: int = 1
    prefix: Prefix = Prefix.INHERIT
    literal: tuple[str, ...] = ()
    opener: str = ""
    closer: str = ""

    def prefix_for(self, parent_base: tuple[str, ...] | None) -> tuple[str, ...]:
        """The prefix segments expected under a parent whose bare number is ``parent_base``."""
        if self.prefix is Prefix.LITERAL:
            return self.literal
        if self.prefix is Prefix.INHERIT and parent_base:
            return parent_base
        return ()

    def format(self, parent_base: tuple[str, ...] | None, value: int) -> str | None:
        """The number for ``value`` at this level, or None when the scheme cannot write it."""
        segment = to_scheme(value, self.scheme)
        if segment is None:
            return None
        return self.opener + ".".join((*self.prefix_for(parent_base), segment)) + self.closer

    def format_run(self, parent_base: tuple[str, ...] | None, first: int, count: int) -> list[str] | None:
        """format() of ``count`` consecutive values from ``first``, or None when one of them cannot
        be written. The decorations and prefix are joined once for the run, not once per number
        (a flat list of 200,000 automatic items spent 0.16 s in format())."""
        last = first + count - 1
        # Each scheme writes one interval of values (from 0 or 1 up to a bound): the ends tell.
        if to_scheme(first, self.scheme) is None or to_scheme(last, self.scheme) is None:
            return None
        head = self.opener + "".join(f"{segment}." for segment in self.prefix_for(parent_base))
        closer, scheme = self.closer, self.scheme
        if scheme is Scheme.ARABIC:
            return [f"{head}{value}{closer}" for value in range(first, last + 1)]
        return [f"{head}{to_scheme(value, scheme)}{closer}" for value in range(first, last + 1)]


TOP_LEVEL = Style(Scheme.ARABIC, 1, Prefix.NONE, closer=".")
DEEPER_LEVEL = Style(Scheme.ARABIC, 1, Prefix.INHERIT)
"""The default styles when nothing is declared: 1., 2. at the top, 2.1, 2.1.1 below."""


class Label:
    """An item number taken apart. A plain class: one is made for each numbered item, and a
    frozen dataclass set each field through object.__setattr__ (and cost every start 0.5 ms to
    create)."""

    __slots__ = ("closer", "last", "opener", "prefix")

    def __init__(self, opener: str, prefix: tuple[str, ...], last: str, closer: str) -> None:
        self.opener, self.prefix, self.last, self.closer = opener, prefix, last, closer

    def __repr__(self) -> str:
        return f"Label({self.opener!r}, {self.prefix!r}, {self.last!r}, {self.closer!r})"

    @property
    def base(self) -> tuple[str, ...]:
        """The number without decorations, as segments: what children inherit as prefix."""
        return (*self.prefix, self.last)


class NumberingError(ValueError):
    """A number or example that cannot be read; the message is for the user."""


class MalformedRoman(NumberingError):
    """Roman digits that do not form a canonical numeral (IIII, IC)."""


class NumberTooLong(NumberingError):
    """A part of a number longer than MAX_PART: never read, so that no huge value is computed."""

    def __init__(self, segment: str) -> None:
        super().__init__(f"has a part of {len(segment):,} characters; the limit is {MAX_PART}")


def _bounded(segment: str) -> str:
    if len(segment) > MAX_PART:
        raise NumberTooLong(segment)
    return segment


def split_label(text: str) -> Label:
    """Take a number apart into decorations and segments (no scheme involved yet)."""
    opener = closer = ""
    body = text
    if body.startswith("(") and body.endswith(")"):
        opener, closer, body = "(", ")", body[1:-1]
    elif body.endswith(")"):
        closer, body = ")", body[:-1]
    elif body.endswith("."):
        closer, body = ".", body[:-1]
    segments = body.split(".")
    if not body or any(not segment for segment in segments) or "(" in body or ")" in body:
        raise NumberingError(f"'{text}' is not a well-formed number")
    return Label(opener, tuple(segments[:-1]), segments[-1], closer)


def split_suffix(segment: str, scheme: Scheme) -> tuple[str, str]:
    """Split an insertion suffix off a segment: ``1bis`` -> (``1``, ``bis``), ``6a`` -> (``6``, ``a``)."""
    # Roman and letter parts take bis to sexies only (docs/limits.md), however they are written.
    allowed = SUFFIXES if scheme is Scheme.ARABIC else SUFFIXES[:5]
    for suffix in sorted(allowed, key=len, reverse=True):  # "quater" before "ter"
        if segment.endswith(suffix) and len(segment) > len(suffix):
            return segment[: -len(suffix)], suffix
    if scheme is Scheme.ARABIC and len(segment) > 1 and segment[-1].isalpha() and segment[:-1].isdigit():
        return segment[:-1], segment[-1]
    return segment, ""


def suffix_rank(suffix: str) -> int:
    """0 for no suffix, then bis=1, ter=2 ...; letters a=1, b=2 ..."""
    if not suffix:
        return 0
    if suffix in SUFFIXES:
        return SUFFIXES.index(suffix) + 1
    return ord(suffix.lower()) - ord("a") + 1


def value_in(segment: str, scheme: Scheme) -> int:
    """The value of one segment read in ``scheme``; NumberingError when it is not written in it."""
    _bounded(segment)
    if scheme is Scheme.ARABIC:
        if segment.isascii() and segment.isdigit():
            return int(segment)
    elif scheme in (Scheme.UPPER_ROMAN, Scheme.LOWER_ROMAN):
        upper = scheme is Scheme.UPPER_ROMAN
        if segment and (segment.isupper() if upper else segment.islower()) and set(segment.upper()) <= set("IVXLCDM"):
            value = _from_roman(segment.upper())
            canonical = to_roman(value)
            if canonical is None or canonical != segment.upper():
                right = canonical if upper else (canonical or "").lower()
                raise MalformedRoman(
                    f"'{segment}' is not a well-formed roman numeral"
                    + (f" (write '{right}' for {value})" if canonical else "")
                )
            return value
    elif segment.isascii() and segment.isalpha() and (
            segment.isupper() if scheme is Scheme.UPPER_ALPHA else segment.islower()):
        return _from_alpha(segment)
    raise NumberingError(f"'{segment}' is not written in {scheme.described}")


def schemes_of(segment: str) -> list[Scheme]:
    """Every scheme in which ``segment`` reads as a well-formed value (for error messages)."""
    found = []
    for scheme in Scheme:
        try:
            value_in(segment, scheme)
        except NumberingError:
            continue
        found.append(scheme)
    return found


def to_scheme(value: int, scheme: Scheme) -> str | None:
    """Write ``value`` in ``scheme``; None when it has no such form (0 in roman, 4000 in roman)."""
    if scheme is Scheme.ARABIC:
        return str(value) if value >= 0 else None
    if scheme is Scheme.UPPER_ROMAN:
        return to_roman(value)
    if scheme is Scheme.LOWER_ROMAN:
        roman = to_roman(value)
        return roman.lower() if roman else None
    alpha = _to_alpha(value)
    if alpha is None:
        return None
    return alpha if scheme is Scheme.UPPER_ALPHA else alpha.lower()


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(value: int) -> str | None:
    """Canonical upper-case roman numeral for 1..3999."""
    if not 1 <= value <= MAX_ROMAN:
        return None
    out = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def _from_roman(text: str) -> int:
    total = 0
    for index, char in enumerate(text):
        digit = _ROMAN_DIGITS[char]
        following = _ROMAN_DIGITS[text[index + 1]] if index + 1 < len(text) else 0
        total += -digit if digit < following else digit
    return total


def _to_alpha(value: int) -> str | None:
    """Bijective base 26: 1=A ... 26=Z, 27=AA, 28=AB."""
    if value < 1 or value > 10**12:
        return None
    out = []
    while value:
        value, rest = divmod(value - 1, 26)
        out.append(chr(ord("A") + rest))
    return "".join(reversed(out))


def _from_alpha(text: str) -> int:
    value = 0
    for char in text.upper():
        value = value * 26 + ord(char) - ord("A") + 1
    return value


def example_scheme(segment: str) -> tuple[Scheme, int]:
    """Read the last segment of a declared example: ``1``/``0`` arabic, ``i``/``I``/``iv`` roman,
    any other letters alphabetic. Returns the scheme and the start value."""
    _bounded(segment)
    if segment.isascii() and segment.isdigit():
        return Scheme.ARABIC, int(segment)
    if segment in ("i", "I") or (len(segment) > 1 and Scheme.UPPER_ROMAN in schemes_of(segment.upper())):
        scheme = Scheme.UPPER_ROMAN if segment.isupper() else Scheme.LOWER_ROMAN
        try:
            return scheme, value_in(segment, scheme)
        except NumberingError:
            pass
    if segment.isascii() and segment.isalpha() and (segment.isupper() or segment.islower()) and len(segment) <= 3:
        scheme = Scheme.UPPER_ALPHA if segment.isupper() else Scheme.LOWER_ALPHA
        return scheme, _from_alpha(segment)
    raise NumberingError(f"'{segment}' is not a number in any scheme")


def style_from_example(example: str, *, literal_prefix: bool) -> Style:
    """The style declared by an example such as ``1.``, ``1.1``, ``(a)`` or ``I.1``.

    In the header (``literal_prefix=False``) leading segments stand for the parent's number;
    under an item (``@numbering I.1``) they are the literal prefix of the children's numbers.
    """
    label = split_label(example)
    scheme, start = example_scheme(label.last)
    if not label.prefix:
        prefix = Prefix.NONE
    elif literal_prefix:
        prefix = Prefix.LITERAL
    else:
        prefix = Prefix.INHERIT
    return Style(scheme, start, prefix, label.prefix if literal_prefix else (), label.opener, label.closer)
