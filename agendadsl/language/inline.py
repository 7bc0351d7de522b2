"""Inline markup: the text after a line's marker, split into plain text, ``[document references]``,
``[links](https://...)`` and bare web addresses, ``[^footnote]`` markers, ``{cross-references}``,
``{#labels}`` and ``\\`` escapes.

The grammar reads that text as one INLINE token (one token per line keeps the LALR parser fast);
this module is the one place that knows the inline syntax. Nothing here can fail: any bracket or
backslash that starts no markup is ordinary text.
"""

from __future__ import annotations

import re

from lark import Token

from . import nodes as n
from .span import Span, new_span
from .urls import safe_url

_MARKUP = re.compile(r"[\[\]{}\\]")
_SCHEME = re.compile(r"https?://|mailto:", re.IGNORECASE)
DOCREF = r"\[(?:[^\[\]\\]|\\.)+\]"
"""[T-ES(2020)23]; a backslash makes the next character literal. The grammar's DOCREF terminal
(for @docs lines) reads the same references; a test holds the two together."""
_URL_TAIL = r"""[^\s<>"\[\]{}\\]*[^\s<>"\[\]{}\\.,;:!?)']"""
"""What follows a web address's scheme (URL below); a scheme without it is plain text."""
# Tried in this order at each position; the first that matches wins. Every character is in some
# piece: plain text runs a character at a time through "H", "M" and a scheme with no address after it.
_PIECES = re.compile(r"""
    (?P<URL>(?:https?://|mailto:)[^\s<>"\[\]{}\\]*[^\s<>"\[\]{}\\.,;:!?)'])   # https://example.org
  | (?P<TEXT>(?:[^\[\]{}\\hHmM]++|[hH](?!ttps?://)|[mM](?!ailto:)|[HM]|(?:https?://|mailto:)(?!{url_tail}))++)  # text
  | (?P<LINK>\[(?:[^\[\]\\]|\\.)+\]\((?:[^()\s]|\([^()\s]*\))+\))   # [the note](https://example.org/note)
  | (?P<FOOTNOTE>\[\^[A-Za-z0-9_-]{1,20}\])      # [^1]
  | (?P<DOCREF>{docref})                      # [T-ES(2020)23]
  | (?P<XREF>\{[A-Za-z][A-Za-z0-9_.-]*\})     # {adoption}
  | (?P<ANNEX>\{annex[ ]+[A-Za-z0-9]{1,4}\})   # {annex A}
  | (?P<ANCHOR>\{\#[^{}]*\})                  # {#adoption}
  | (?P<ESCAPE>\\[\[\]{}\\])                  # \[ is a literal bracket
  | (?P<STRAY>[\[\]{}\\])                     # any other bracket or backslash is text
""".replace("{docref}", DOCREF).replace("{url_tail}", _URL_TAIL), re.VERBOSE)


def valid_label(name: str) -> bool:
    """Whether ``name`` can be a label: ASCII, a letter first, then letters, digits, '_', '.' and '-'
    (what a ``{cross-reference}`` can name)."""
    return name[:1].isascii() and name[:1].isalpha() and all(c.isascii() and (c.isalnum() or c in "_.-")
                                                             for c in name)


def label_name(span: Span, *, definition: bool) -> Span:
    """Where the name is inside a label's ``{#name}`` or a cross-reference's ``{name}``."""
    return Span(span.line, span.column + (2 if definition else 1), span.end_line, span.end_column - 1)


def split(token: Token | None, span: Span) -> tuple[n.RichText, list[n.Attr[str]]]:
    """The RichText of an INLINE token (None: nothing after the marker) spanning ``span``, and the
    ``{#label}`` anchors found in it, apart: anchors are not part of the text."""
    if token is None:
        return n.RichText((), span), []
    line, start = token.line or 1, token.column or 1
    text = token.value
    if _MARKUP.search(text) is None and (":" not in text or _SCHEME.search(text) is None):  # most lines: plain
        value = text.strip(" \t")
        lead = len(text) - len(text.lstrip(" \t"))
        plain = (n.Text(value, new_span(Span, (line, start + lead, line, start + len(text)))),) if value else ()
        return n.RichText(plain, span), []
    return _split_marked(text, line, start, span)


def _split_marked(text: str, line: int, start: int, span: Span) -> tuple[n.RichText, list[n.Attr[str]]]:
    """split() for a text with brackets or backslashes in it."""
    parts: list[n.Inline] = []
    anchors: list[n.Attr[str]] = []
    buffer: list[str] = []
    buffer_start = 0
    buffer_end = 0

    def flush() -> None:
        if buffer:
            parts.append(n.Text("".join(buffer), Span(line, start + buffer_start, line, start + buffer_end)))
            buffer.clear()

    skip_space = False  # after a removed anchor that followed a space: "Label {#x} title"
    for piece in _PIECES.finditer(text):
        kind, value, begin, end = piece.lastgroup, piece.group(), piece.start(), piece.end()
        if kind == "DOCREF" and not value[1:-1].strip():
            kind = "TEXT"  # "[ ]" is not a reference: a ballot box, say
        if kind == "ANCHOR":
            anchors.append(n.Attr(value[2:-1], Span(line, start + begin, line, start + end)))
            skip_space = bool(buffer) and buffer[-1][-1:] in (" ", "\t")
            continue
        if kind == "ANNEX":
            flush()
            skip_space = False
            parts.append(n.AnnexRef(value[1:-1].split()[1], Span(line, start + begin, line, start + end)))
            continue
        if kind in ("DOCREF", "XREF", "FOOTNOTE"):
            flush()
            skip_space = False
            where = Span(line, start + begin, line, start + end)
            parts.append(docref(value, where) if kind == "DOCREF" else n.XRef(value[1:-1], where)
                         if kind == "XREF" else n.FootnoteRef(value[2:-1], where))
            continue
        if kind in ("LINK", "URL"):
            link = _link(value, kind == "URL", Span(line, start + begin, line, start + end))
            if link is not None:
                flush()
                skip_space = False
                parts.append(link)
                continue
            kind = "TEXT"  # an address that is not http, https or mailto stays text, as written
        if skip_space and kind == "TEXT":
            stripped = value.lstrip(" \t")
            begin += len(value) - len(stripped)
            value = stripped
        skip_space = False
        if not value:
            continue
        if not buffer:
            buffer_start = begin
        buffer.append(value[1] if kind == "ESCAPE" else value)
        buffer_end = end
    flush()
    return n.RichText(_trim(parts), span), anchors


def _link(value: str, bare: bool, span: Span) -> n.Link | None:
    """A link, or None when its address is not a safe http, https or mailto one."""
    if bare:
        return n.Link(value, value, span, bare=True) if safe_url(value) else None
    close = value.rindex("](")  # the address holds no bracket; the text may hold an escaped "\]("
    text, url = docref(value[:close + 1], span).text, value[close + 2:-1]
    return n.Link(text or url, url, span) if safe_url(url) else None


def docref(value: str, span: Span) -> n.DocRef:
    """``[T-ES(2020)23]`` -> DocRef; a backslash inside the brackets makes the next character literal."""
    inner = value[1:-1].strip()
    if "\\" in inner:
        out, chars = [], iter(inner)
        for char in chars:
            out.append(next(chars, "\\") if char == "\\" else char)
        inner = "".join(out)
    return n.DocRef(inner, span)


def _trim(parts: list[n.Inline]) -> tuple[n.Inline, ...]:
    """Strip white space at both ends of a line of text; drop text parts that become empty."""
    if parts and isinstance(parts[0], n.Text) and parts[0].value[:1] in (" ", "\t"):
        first = parts[0]
        value = first.value.lstrip(" \t")
        shift = len(first.value) - len(value)
        parts[0] = n.Text(value, Span(first.span.line, first.span.column + shift, first.span.end_line,
                                      first.span.end_column))
    if parts and isinstance(parts[-1], n.Text) and parts[-1].value[-1:] in (" ", "\t"):
        parts[-1] = n.Text(parts[-1].value.rstrip(" \t"), parts[-1].span)
    return tuple(p for p in parts if not (isinstance(p, n.Text) and not p.value))
