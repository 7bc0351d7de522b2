"""Lark tree to AST. Runs inside the LALR parser (no tree is built); the only place positions enter.

Each callback receives the children of one grammar rule, already transformed. Problems that the
grammar cannot rule out (a header field given twice) become diagnostics in the parse sink.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from lark import Token, Transformer

from . import nodes as n
from . import when
from .breaks import names_a_break
from .diagnostics import Related, error, warning
from .inline import docref, split, valid_label
from .layout import current_sink, token_range, token_span
from .span import Span
from .translations import (
    TRANSLATED_FIELDS,
    TranslationLine,
    misplaced,
    paragraph_translations,
    repeated,
    translated,
)


# The transformer's own records are plain slotted classes: creating a dataclass costs every start
# 0.4-0.7 ms (docs/performance.md), and nothing compares, hashes or prints these.
class _Field:
    """A header field or item attribute before it is placed on its node."""

    __slots__ = ("name", "span", "value")

    def __init__(self, name: str, value: Any, span: Span) -> None:
        self.name, self.value, self.span = name, value, span


_MARKS = {"NUMBER": n.NumberMark.EXPLICIT, "AUTO": n.NumberMark.AUTO, "UNNUMBERED": n.NumberMark.NONE}
"""The mark of an item by the token its line starts with."""


class _NoteLine:
    """One line of a note (``>``, ``!``, ``>>`` or ``|``), before _Paragraphs joins the lines."""

    __slots__ = ("annotation", "internal", "span", "text", "verbatim")

    def __init__(self, internal: bool, text: n.RichText, span: Span, annotation: bool = False,
                 verbatim: bool = False) -> None:
        self.internal, self.text, self.span, self.annotation, self.verbatim = internal, text, span, annotation, verbatim


class _Later:
    """A header date or time, read once the header's language is known."""

    __slots__ = ("kind", "token")

    def __init__(self, kind: str, token: Token) -> None:
        self.kind, self.token = kind, token


class _Heading:
    """A group's heading line and what is indented under it, before start() nests the groups."""

    __slots__ = ("level", "notes", "span", "title", "values")

    def __init__(self, level: int, title: n.RichText, values: dict[str, Any], notes: tuple[n.Note | n.Bullet, ...],
                 span: Span) -> None:
        self.level, self.title, self.values, self.notes, self.span = level, title, values, notes, span


class _Paragraphs:
    """Gathers note lines into paragraphs: a paragraph ends at a line of another kind, a bare
    marker line (``>`` alone) or a blank line."""

    def __init__(self) -> None:
        self.out: list[n.Note | n.Bullet] = []
        self.lines: list[_NoteLine] = []
        self.translations: list[TranslationLine] = []
        self.bullet_last = False  # the last line added was a bullet, which a translation may follow
        self.blank_between = current_sink().blank_between

    def translate(self, line: TranslationLine) -> bool:
        """Take ``line`` as the translation of the paragraph or bullet just added; False when the
        line before it was neither (it then translates the block's owner, or nothing)."""
        if self.lines:
            self.translations.append(line)
            return True
        if self.bullet_last and self.out and isinstance(self.out[-1], n.Bullet):
            self.out[-1] = translated(self.out[-1], line, current_sink().diagnostics)
            return True
        return False

    def add(self, child: _NoteLine | n.Bullet) -> None:
        self.bullet_last = isinstance(child, n.Bullet)
        if isinstance(child, n.Bullet):
            self.end()
            self.out.append(child)
            return
        last = self.lines[-1] if self.lines else None
        if last is not None and (self.translations or (last.internal, last.annotation, last.verbatim) !=
                                 (child.internal, child.annotation, child.verbatim)
                                 or self.blank_between(last.span.end_line, child.span.line)):
            self.end()
        if child.text.parts:
            self.lines.append(child)
        else:
            self.end()

    def end(self) -> None:
        if self.lines:
            first = self.lines[0]
            span = first.span.to(self.lines[-1].span)
            self.out.append(n.Note(tuple(line.text for line in self.lines), first.internal, span, first.annotation,
                                   first.verbatim, paragraph_translations(self.translations)))
            self.lines.clear()
            self.translations.clear()

    def done(self) -> tuple[n.Note | n.Bullet, ...]:
        self.end()
        return tuple(self.out)


def _piece(token: Token, begin: int, end: int | None = None, kind: str = "INLINE") -> Token:
    """``value[begin:end]`` of a one-line token as a token of its own, with its positions, so that
    what reads it (split(), the date reader) points at the right columns."""
    value = token.value[begin:end]
    start, column = (token.start_pos or 0) + begin, (token.column or 1) + begin
    return Token(kind, value, start, token.line, column, token.line, column + len(value), start + len(value))


def _stripped(token: Token) -> n.Attr[str]:
    """A free-text token without its trailing white space, the span ending where the text does."""
    value = token.value.rstrip(" \t")
    span = token_span(token)
    return n.Attr(value, Span(span.line, span.column, span.line, span.column + max(1, len(value))))


def _report(diagnostic) -> None:
    current_sink().diagnostics.append(diagnostic)


def _enum(enum_type, token: Token):
    return enum_type(token.value.lower())


def _inline(children: list[Token]) -> Token | None:
    """The INLINE token after a line's marker, if the line has any text."""
    return children[1] if len(children) > 1 else None


ODD_SPACES = {"\t": "a tab", "\u00a0": "a no-break space (U+00A0)", "\u202f": "a narrow no-break space (U+202F)"}
"""What word processors put after an item number instead of a space; each is read as a space."""


def _after_number(children: list[Token]) -> list[Token]:
    """An item line's number and title; a warning when the number is followed by a tab or a
    no-break space rather than a space (``agenda fmt`` writes a space). After a no-break space, the
    white space up to the title, no-break spaces included, is the separator; after a tab or a
    space, as always, only spaces and tabs are (a title may start with a no-break space)."""
    if len(children) < 2:
        return children
    number, title = children[0], children[1]  # the title's token starts right after the number
    odd = title.value[:1]
    if odd not in ODD_SPACES:
        return children
    lead = len(title.value) - len(title.value.lstrip(" \t" if odd == "\t" else "".join(ODD_SPACES) + " "))
    start = token_span(number)
    _report(warning("space-after-number", f"{ODD_SPACES[odd]} follows the item number; it is read as a space",
                    Span(start.end_line, start.end_column, start.end_line, (title.column or 1) + lead),
                    "write an ordinary space there; 'agenda fmt' does it for you"))
    rest = [_piece(title, lead)] if lead < len(title.value) else []
    return [number, *rest, *children[2:]]


def _label(anchors: list[n.Attr[str]]) -> dict[str, Any]:
    """An item's label from the ``{#label}`` anchors in its title: the first valid one; the others
    are reported."""
    for anchor in anchors:
        name = anchor.value
        if not valid_label(name):
            _report(error("invalid-label", f"'{{#{name}}}' is not a valid label", anchor.span,
                          "a label starts with a letter and has only letters, digits, '_', '.' and '-', "
                          "such as {#adoption} or {#item-2bis}"))
    anchors = [a for a in anchors if a.value[:1].isascii() and a.value[:1].isalpha()]
    if not anchors:
        return {}
    for extra in anchors[1:]:
        _report(error("duplicate-attribute", "an item can have only one label", extra.span,
                      "remove the second '{#...}'", (Related(anchors[0].span, "first label"),)))
    return {"label": anchors[0]}


def _span_of(tokens: list[Token], fallback: Span) -> Span:
    return token_range(tokens[0], tokens[-1]) if tokens else fallback


_Callback = Callable[[Any, list[Token]], _Field]


def _line_field(name: str) -> _Callback:
    """The transformer method for a header field whose value is the rest of the line."""
    def callback(self: Any, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        return _Field(name, value, value.span)
    return callback


def _enum_attr(name: str, enum_type: Any) -> _Callback:
    """The transformer method for an attribute whose value is one word of ``enum_type``."""
    def callback(self: Any, children: list[Token]) -> _Field:
        token = children[0]
        return _Field(name, n.Attr(_enum(enum_type, token), token_span(token)), token_span(token))
    return callback


class AgendaTransformer(Transformer):
    """Builds nodes.Agenda bottom-up while the parser reduces."""

    # ------------------------------------------------------------------ document
    def start(self, children: list) -> n.Agenda:
        meeting = n.Meeting()
        entries: list = []
        footnotes: list[n.Footnote] = []
        previous: Any = None
        for child in children:
            if isinstance(child, n.Meeting):
                meeting = child
            elif isinstance(child, n.Footnote):
                footnotes.append(child)
            elif isinstance(child, TranslationLine):
                if isinstance(previous, (_NoteLine, n.Bullet, TranslationLine)) and entries:
                    entries.append(child)  # a note's or a bullet's: placed by _text_blocks
                elif isinstance(previous, n.Footnote):
                    footnotes[-1] = translated(footnotes[-1], child, current_sink().diagnostics)
                elif isinstance(previous, (n.Item, _Heading)) and entries:
                    entries[-1] = _translated_entry(entries[-1], child)
                else:
                    _report(misplaced(child, _entry_word(previous)))
                continue
            else:
                entries.append(child)
            previous = child
        body = _nest(_text_blocks(entries)) if any(isinstance(e, (_NoteLine, n.Bullet, _Heading))
                                                  for e in entries) else entries
        if meeting.dates is not None and any(isinstance(e, n.Group) for e in body):
            body = [_with_year(e, meeting.dates) for e in body]
        return n.Agenda(meeting, tuple(body), tuple(current_sink().comments), tuple(footnotes))

    # ------------------------------------------------------------------ header
    def header(self, fields: list[_Field]) -> n.Meeting:
        values: dict[str, Any] = {}
        seen: dict[str, _Field] = {}
        series: list[n.Series] = []
        custom: list[_Field] = []
        fields, translations = _field_translations(fields)
        language = next((f.value[0].value for f in fields if f.name == "language"), None)
        current_sink().language = language
        current_sink().fields = [name.value for f in fields if f.name == "fields" for name in f.value]
        fields = [_Field(f.name, _when_value(f.value.kind, f.value.token), f.span) if isinstance(f.value, _Later)
                  else f for f in fields]
        for f in fields:
            attribute = _MEETING_ATTRIBUTE.get(f.name, f.name)
            if f.name == "custom":
                custom.append(f)
                continue
            if f.name == "series":
                clash = next((s for s in series if s.name == f.value.name), None)
                if clash is not None:
                    _report(error("duplicate-field", f"series {f.value.name!r} is declared twice", f.span,
                                  "keep one declaration per series", (Related(clash.span, "first declared here"),)))
                    continue
                series.append(f.value)
                continue
            if f.name in seen:
                word = _HEADER_WORD.get(f.name, f.name)
                _report(error("duplicate-field", f"the header gives '{word}' twice", f.span,
                              f"keep one '{word}:' line", (Related(seen[f.name].span, "first given here"),)))
                continue
            seen[f.name] = f
            if f.name == "issued" and f.value is not None:
                values["issued"], values["issued_time"] = f.value
            elif f.name == "language":
                values["language"], values["other_languages"] = f.value
            elif f.value is not None:  # None: a value that could not be read, already reported
                values[attribute] = f.value
        if custom:
            values["custom"] = _custom_fields(custom, values.get("fields", ()))
        return n.Meeting(series=tuple(series), translations=translations, **values)

    body_field = _line_field("body")
    meeting_field = _line_field("meeting")
    platform_field = _line_field("platform")
    place_field = _line_field("place")

    def kind_field(self, children: list[Token]) -> _Field:
        token = children[0]
        kind = _kind(token)
        if kind is None:
            _report(error("invalid-kind", "the meeting's kind must be 'in person', 'virtual' or 'hybrid'",
                          token_span(token), "write for example 'kind: hybrid'"))
            kind = n.MeetingKind.IN_PERSON
        return _Field("kind", n.Attr(kind, token_span(token)), token_span(token))

    def date_field(self, children: list[Token]) -> _Field:
        return _Field("date", _Later("dates", children[0]), token_span(children[0]))

    def time_field(self, children: list[Token]) -> _Field:
        return _Field("time", _Later("times", children[0]), token_span(children[0]))

    def reference_field(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        return _Field("reference", n.DocRef(value.value, value.span), value.span)

    def status_field(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        return _Field("status", _status(value.value, value.span), value.span)

    title_field = _line_field("title")
    chair_field = _line_field("chair")
    host_field = _line_field("host")
    contact_field = _line_field("contact")
    number_label_field = _line_field("number_label")
    issued_in_field = _line_field("issued_in")
    original_field = _line_field("original")

    def issued_field(self, children: list[Token]) -> _Field:
        return _Field("issued", _Later("issued", children[0]), token_span(children[0]))

    def distribution_field(self, children: list[Token]) -> _Field:
        token = children[0]
        return _Field("distribution", n.Attr(_enum(n.Distribution, token), token_span(token)), token_span(token))

    def documents_list_field(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        answer = _YES_NO.get(value.value.lower())
        if answer is None:
            _report(error("invalid-value", f"'{value.value}' is not yes or no", value.span,
                          "write 'list of documents: yes' to publish the list, or leave the line out"))
            return _Field("documents_list", None, value.span)
        return _Field("documents_list", n.Attr(answer, value.span), value.span)

    def local_times_field(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        places: list[n.LocalTime] = []
        offset = 0
        for part in value.value.split(","):
            text = part.strip()
            column = value.span.column + offset + (len(part) - len(part.lstrip()))
            offset += len(part) + 1
            if not text:
                continue
            span = Span(value.span.line, column, value.span.line, column + len(text))
            labelled = _LOCAL_TIME.fullmatch(text)
            label, written = (labelled.group(1), labelled.group(2).strip()) if labelled else (None, text)
            zone = when.zone_name(written, current_sink().language)
            if zone is None:
                _report(error("unknown-time-zone", f"'{written}' is not a known time zone", span,
                              "write a place and its zone, like 'New York (America/New_York)', or a zone alone "
                              "('Europe/Paris'); places are separated by commas"))
                continue
            places.append(n.LocalTime(zone, label, span, written))
        return _Field("local_times", tuple(places), value.span)

    def fields_field(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        names: list[n.Attr[str]] = []
        offset = 0
        for part in value.value.split(","):
            name = part.strip()
            start = value.span.column + offset + (len(part) - len(part.lstrip()))
            offset += len(part) + 1
            if name:
                names.append(n.Attr(name, Span(value.span.line, start, value.span.line, start + len(name))))
        return _Field("fields", tuple(names), value.span)

    def custom_field(self, children: list[Token]) -> _Field:
        name, value = children[0], _stripped(children[1])
        span = token_span(name).to(value.span)
        return _Field("custom", n.CustomField(name.value, value.value, span), token_span(name))

    def language_field(self, children: list[Token]) -> _Field:
        first, *others = (n.Attr(token.value, token_span(token)) for token in children)
        return _Field("language", (first, tuple(others)), first.span)

    def translation(self, children: list[Token]) -> TranslationLine:
        tag = children[0]
        span = token_range(children[0], children[-1])
        text, anchors = split(_inline(children), span)
        _no_anchors(anchors)
        return TranslationLine(tag.value[:-1], text, span)

    def numbering_field(self, children: list[Token]) -> _Field:
        examples = tuple(n.Attr(_example(t), token_span(t)) for t in children)
        return _Field("numbering", examples, _span_of(children, Span.point(1, 1)))

    def numbers_field(self, children: list[Token]) -> _Field:
        token = children[0]
        return _Field("numbers", n.Attr(token.value.lower() == "frozen", token_span(token)), token_span(token))

    def series_field(self, children: list[Token]) -> _Field:
        name, pattern = children[0], children[1]
        url = children[2].value if len(children) > 2 else None
        span = _span_of(children, Span.point(1, 1))
        return _Field("series", n.Series(name.value, pattern.value, url, span), span)

    # ------------------------------------------------------------------ items
    def item(self, children: list) -> n.Item:
        # The line's marker and its title come first, as tokens (the grammar writes them in place).
        marker = children[0]
        ends = 2 if len(children) > 1 and children[1].__class__ is Token and children[1].type == "INLINE" else 1
        line = _after_number(children[:ends]) if marker.type != "UNNUMBERED" else children[:ends]
        mark = _MARKS[marker.type]
        number = n.Attr(marker.value, token_span(marker)) if mark is n.NumberMark.EXPLICIT else None
        text, span = _inline(line), token_range(line[0], line[-1])
        title, anchors = split(text, span)
        if not anchors and len(children) == ends:  # no label, nothing indented under the line: most items
            return n.Item(mark, title, number, span=span)
        values: dict[str, Any] = _label(anchors)
        seen: dict[str, Span] = {}
        if len(children) == ends:
            return n.Item(mark=mark, title=title, number=number, span=span, **values)
        paragraphs = _Paragraphs()
        children_items: list[n.Item] = []
        titles: list[n.Translation] = []
        previous: Any = None
        for child in children[ends:]:
            if isinstance(child, TranslationLine):
                # The text just above it: a note or bullet, a sub-item, or else the item's own title.
                if isinstance(previous, n.Item):
                    children_items[-1] = translated(children_items[-1], child, current_sink().diagnostics)
                elif isinstance(previous, (_NoteLine, n.Bullet)):
                    if not paragraphs.translate(child):
                        _report(misplaced(child, None))
                else:
                    _title_translation(titles, child.translation)
                continue
            previous = child
            if isinstance(child, (_NoteLine, n.Bullet)):
                paragraphs.add(child)
                continue
            paragraphs.end()
            if isinstance(child, n.Item):
                children_items.append(child)
            elif isinstance(child, _Field):
                if child.name == "unknown":  # an undeclared attribute, already reported
                    continue
                if child.name == "presenters":  # several presenters: one line each
                    values["presenters"] = (*values.get("presenters", ()), child.value)
                    continue
                if child.name == "document_groups":  # several @docs lines, each with its label
                    values["document_groups"] = (*values.get("document_groups", ()), child.value)
                    values["documents"] = (*values.get("documents", ()), *child.value.refs)
                    continue
                key = f"@{child.value.name}" if child.name == "fields" else child.name
                if key in seen:
                    word = child.value.name if child.name == "fields" else _ATTR_WORD[child.name]
                    _report(error("duplicate-attribute", f"this item already has '@{word}'",
                                  child.span, "keep one of the two lines",
                                  (Related(seen[key], "first given here"),)))
                    continue
                seen[key] = child.span
                if child.name == "fields":
                    values["fields"] = (*values.get("fields", ()), child.value)
                else:
                    values[child.name] = child.value
        return n.Item(mark=mark, title=title, number=number, notes=paragraphs.done(),
                      children=tuple(children_items), span=span, translations=tuple(titles), **values)

    def note(self, children: list[Token]) -> _NoteLine:
        return self._note_line(children, internal=False)

    def internal_note(self, children: list[Token]) -> _NoteLine:
        return self._note_line(children, internal=True)

    def footnote(self, children: list[Token]) -> n.Footnote:
        mark = children[0]
        span = token_range(children[0], children[-1])
        text, anchors = split(_inline(children), span)
        _no_anchors(anchors)
        return n.Footnote(mark.value[2:-2], text, span)

    def annotation(self, children: list[Token]) -> _NoteLine:
        return self._note_line(children, internal=False, annotation=True)

    def verbatim(self, children: list[Token]) -> _NoteLine:
        span = token_range(children[0], children[-1])
        inline = _inline(children)
        text = inline.value.rstrip(" \t") if inline is not None else ""
        text = text.removeprefix(" ")  # the one space after the marker
        parts = (n.Text(text, token_span(inline)),) if inline is not None and text.strip() else ()
        return _NoteLine(False, n.RichText(parts, span), span, verbatim=True)

    def _note_line(self, children: list[Token], internal: bool, annotation: bool = False) -> _NoteLine:
        span = token_range(children[0], children[-1])
        text, anchors = split(_inline(children), span)
        _no_anchors(anchors)
        return _NoteLine(internal, text, span, annotation)

    def bullet(self, children: list) -> n.Bullet:
        tokens = [c for c in children if isinstance(c, Token)]
        span = token_range(tokens[0], tokens[-1])
        inline = _inline(tokens)
        status = owner = None
        if tokens[0].type == "ACTION_MARK":
            written = tokens[0].value[tokens[0].value.index("[") + 1:-1].strip().lower()
            status = {"": "open", "x": "done"}.get(written, written)
            match = _OWNER.match(inline.value) if inline is not None else None
            if match is not None and inline is not None:
                owner = match.group(1)
                inline = _piece(inline, match.end())
        text, anchors = split(inline, span)
        _no_anchors(anchors)
        own: list[n.Translation] = []
        below: list[n.Bullet] = []
        for child in children:
            if isinstance(child, n.Bullet):
                below.append(child)
            elif isinstance(child, TranslationLine):  # under its bullet: the bullet's, after a sub-bullet: that one's
                if below:
                    below[-1] = translated(below[-1], child, current_sink().diagnostics)
                else:
                    _title_translation(own, child.translation)
        return n.Bullet(text, span, tuple(below), status, owner, tuple(own))

    # ------------------------------------------------------------------ groups
    def group(self, children: list) -> _Heading:
        mark = children[0]
        tokens = [c for c in children if isinstance(c, Token)]
        span = _span_of(tokens, token_span(mark))
        inline = _inline(tokens)
        title, anchors = split(inline, span)
        _no_anchors(anchors)
        values: dict[str, Any] = {}
        seen: dict[str, Span] = {}
        if inline is not None:
            values.update(_heading_when(inline))
            seen.update({key: span for key in ("dates", "time") if key in values})
        paragraphs = _Paragraphs()
        titles: list[n.Translation] = []
        previous: Any = None
        for child in children[1:]:
            if isinstance(child, TranslationLine):
                if isinstance(previous, (_NoteLine, n.Bullet)):
                    if not paragraphs.translate(child):
                        _report(misplaced(child, None))
                else:
                    _title_translation(titles, _heading_translation(child))
                continue
            previous = child
            if isinstance(child, (_NoteLine, n.Bullet)):
                paragraphs.add(child)
            elif isinstance(child, _Field):
                paragraphs.end()
                if child.name in seen:
                    word = _ATTR_WORD.get(child.name, child.name)
                    given = "its heading gives" if child.name in values.get("from_heading", ()) else "it has"
                    _report(error("duplicate-attribute", f"this heading already has a {word}: {given} one",
                                  child.span, "keep one of the two", (Related(seen[child.name], "first given here"),)))
                    continue
                seen[child.name] = child.span
                values[child.name] = child.value
        if titles:
            values["translations"] = tuple(titles)
        name = values.get("name", title)
        if values.pop("is_break", False) or (values.get("time") is not None and names_a_break(name.plain)):
            values["is_break"] = True
        return _Heading(len(mark.value), title, values, paragraphs.done(), span)

    def date_attr(self, children: list[Token]) -> _Field:
        return _Field("dates", _when_value("dates", children[0]), token_span(children[0]))

    def place_attr(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        return _Field("place", value, value.span)

    def break_attr(self, children: list[Token]) -> _Field:
        return _Field("is_break", True, token_span(children[0]))

    def kind_attr(self, children: list[Token]) -> _Field:
        token = children[0]
        kind = _kind(token)
        if kind is None:
            _report(error("invalid-kind", "'kind' alone says nothing about the meeting", token_span(token),
                          "write the kind: in person, virtual or hybrid"))
            return _Field("kind", None, token_span(token))
        return _Field("kind", n.Attr(kind, token_span(token)), token_span(token))

    # ------------------------------------------------------------------ item attributes
    def time_attr(self, children: list[Token]) -> _Field:
        return _Field("time", _when_value("times", children[0]), token_span(children[0]))

    def duration_attr(self, children: list[Token]) -> _Field:
        return _Field("duration", _when_value("duration", children[0]), token_span(children[0]))

    def presenter_attr(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        role, _, name = value.value.partition(": ")
        if name.strip() and _ROLE.fullmatch(role):
            return _Field("presenters", n.Presenter(name.strip(), role, value.span), value.span)
        return _Field("presenters", n.Presenter(value.value, None, value.span), value.span)

    def action_attr(self, children: list[Token]) -> _Field:
        actions = tuple(n.Attr(_enum(n.Action, t), token_span(t)) for t in children)
        return _Field("actions", actions, token_range(children[0], children[-1]))

    def custom_attr(self, children: list[Token]) -> _Field:
        name, value = children[0], _stripped(children[1])
        declared = {attribute_word(f): f for f in current_sink().fields}
        word = name.value[1:]
        span = token_span(name)
        if word.lower() not in declared:
            from .syntax_errors import unknown_attribute

            _report(unknown_attribute(name.value, span, tuple("@" + w for w in declared)))
            return _Field("unknown", None, span)
        return _Field("fields", n.CustomField(declared[word.lower()], value.value, span.to(value.span)), span)
    status_attr = _enum_attr("status", n.ItemStatus)

    def documents_attr(self, children: list[Token]) -> _Field:
        token = children[0]
        state = n.DocumentsState(" ".join(token.value.lower().split()))
        return _Field("documents_state", n.Attr(state, token_span(token)), token_span(token))
    session_attr = _enum_attr("session", n.Session)
    visibility_attr = _enum_attr("visibility", n.Visibility)

    def docs_attr(self, children: list) -> _Field:
        label = children[0].value[:-1].strip() if isinstance(children[0], Token) else None
        refs = tuple(c for c in children if isinstance(c, n.DocRef))
        span = refs[0].span.to(refs[-1].span)
        return _Field("document_groups", n.DocGroup(label or None, refs, span), span)

    def docs_entry(self, children: list[Token]) -> n.DocRef:
        ref = docref(children[0].value, token_span(children[0]))
        if len(children) == 1:
            return ref
        written = children[1]
        shift = len(written.value) - len(written.value[2:].lstrip(" \t"))  # after "of "
        return replace(ref, date=_when_value("dates", _piece(written, shift, kind="LINE")))

    def numbering_attr(self, children: list[Token]) -> _Field:
        token = children[0]
        return _Field("child_numbering", n.Attr(_example(token), token_span(token)), token_span(token))

    # ------------------------------------------------------------------ next meetings
    def next_meetings(self, children: list) -> n.NextMeetings:
        meetings = tuple(c for c in children if isinstance(c, n.NextMeeting))
        span = token_span(children[0])
        return n.NextMeetings(meetings, span, past=children[0].type == "PAST_MEETINGS")

    def annexes(self, children: list) -> n.Annexes:
        annexes: list[n.Annex] = []
        for child in children[1:]:
            if isinstance(child, n.Annex):
                annexes.append(child)
            elif isinstance(child, TranslationLine) and annexes:
                annexes[-1] = translated(annexes[-1], child, current_sink().diagnostics)
            elif isinstance(child, TranslationLine):
                _report(misplaced(child, "annexes:"))
        return n.Annexes(tuple(annexes), token_span(children[0]))

    def annex(self, children: list[Token]) -> n.Annex:
        span = token_range(children[0], children[-1])
        inline = _inline(children)
        text = inline.value if inline is not None else ""
        match = _ANNEX_LABEL.match(text)
        if match is None or inline is None:
            _report(error("invalid-annex", "an annex starts with its label: a letter or a number", span,
                          "write it like '- A. Draft resolution' or '- 1 List of participants'"))
            return n.Annex("?", split(inline, span)[0], span)
        title, anchors = split(_piece(inline, match.end()), span)
        _no_anchors(anchors)
        return n.Annex(match.group(1), title, span)

    def table(self, children: list) -> n.Table:
        rows = [c for c in children if isinstance(c, tuple)]
        rows = [row for row in rows if not all(_RULE_CELL.fullmatch(cell.plain) for cell in row)]  # "| :--- |"
        return n.Table(rows[0] if rows else (), tuple(rows[1:]), token_span(children[0]))

    def table_row(self, children: list[Token]) -> tuple[n.RichText, ...]:
        token = children[0]
        text = token.value.rstrip(" \t")
        bounds = [-1, *(m.start() for m in _CELL_BAR.finditer(text)), len(text)]
        if text.startswith("|"):  # "| a | b |", as Markdown writes a row
            bounds.pop(0)
        if len(bounds) > 2 and not text[bounds[-2] + 1:].strip():
            bounds.pop()
        cells = []
        for left, right in itertools.pairwise(bounds):
            cell = _piece(token, left + 1, right)
            column = cell.column or 1
            span = Span(token.line or 1, column, token.line or 1, column + max(1, len(cell.value)))
            rich, anchors = split(cell, span)
            _no_anchors(anchors)
            cells.append(n.RichText(tuple(replace(p, value=p.value.replace("\\|", "|")) if isinstance(p, n.Text)
                                          else p for p in rich.parts), span))
        return tuple(cells)

    def participants(self, children: list) -> n.Participants:
        return n.Participants(tuple(c for c in children if isinstance(c, n.Participant)), token_span(children[0]))

    def participant(self, children: list[Token]) -> n.Participant:
        value = _stripped(children[1])
        text = value.value
        flags: dict[str, str] = {}
        while True:  # "(voting) (excused)" at the end, in any order
            match = _PARTICIPANT_FLAG.search(text)
            if match is None:
                break
            word = match.group(1).lower().replace(" ", "-")
            flags["voting" if word in _VOTING else "attendance"] = _FLAG_WORDS.get(word, word)
            text = text[: match.start()].rstrip()
        name, role, affiliation = ([part.strip() for part in text.split(",", 2)] + [None, None])[:3]
        return n.Participant(name or text, role or None, affiliation or None, flags.get("voting"),
                             flags.get("attendance"), token_span(children[0]).to(value.span))

    def next_meeting(self, children: list) -> n.NextMeeting | None:
        bullet, written, rest = children[0], children[1], children[2:]
        dates = _when_value("dates", written)
        if dates is None:  # reported; the meeting is left out of the list
            return None
        values: dict[str, Any] = {"dates": dates}
        last_span = dates.span
        seen: dict[str, Span] = {}
        for child in rest:
            if isinstance(child, Token) and child.type == "TBC":
                values["dates_tbc"] = True
                last_span = token_span(child)
            elif isinstance(child, _Field) and child.name == "remark":
                values["remark"] = child.value
                last_span = child.span
            elif isinstance(child, _Field):
                name, (value, tbc) = child.name, child.value
                last_span = child.span
                if name in seen:
                    hint = ("a place that contains a comma must be written in quotes: \"City Hall, Room 2\""
                            if name == "place" else f"give each meeting at most one {name}")
                    _report(error("duplicate-field", f"this meeting already has a {name}", child.span, hint,
                                  (Related(seen[name], "first given here"),)))
                    continue
                seen[name] = child.span
                values[name] = value
                values[f"{name}_tbc"] = tbc
        return n.NextMeeting(span=token_span(bullet).to(last_span), **values)

    def meeting_part(self, children: list[Token]) -> _Field:
        token = children[0]
        tbc = len(children) > 1
        span = _span_of(children, token_span(token))
        if token.type == "KIND":
            kind = _kind(token)
            if kind is None and not tbc:
                _report(error("invalid-kind", "'kind' alone says nothing about the meeting", token_span(token),
                              "write 'kind (tbc)' if its kind is not known yet, or the kind: in person, virtual "
                              "or hybrid"))
            return _Field("kind", (n.Attr(kind, token_span(token)), tbc), span)
        if token.type == "HOST":
            host = _stripped(token)
            name = _HOST_WORDS.sub("", host.value)
            return _Field("host", (n.Attr(name, host.span), tbc), span)
        place = _stripped(token)
        if place.value.startswith('"'):
            place = n.Attr(place.value[1:-1].strip(), place.span)
        return _Field("place", (place, tbc), span)

    def remark(self, children: list[Token]) -> _Field:
        text, anchors = split(children[0], token_span(children[0]))
        _no_anchors(anchors)
        return _Field("remark", text, token_span(children[0]))


_YES_NO = {"yes": True, "no": False, "oui": True, "non": False}

_LOCAL_TIME = re.compile(r"(.+?)[ \t]*\(([^()]+)\)")
"""A place of ``local times:`` with its zone in parentheses: ``San Francisco (America/Los_Angeles)``."""

_CELL_BAR = re.compile(r"(?<!\\)\|")
"""A "|" between two cells of a table row; "\\|" is a "|" in a cell."""
_RULE_CELL = re.compile(r"[ \t]*:?-{3,}:?[ \t]*")
"""A cell of a Markdown table's rule row ("| :---: | --- |"), which is layout and is dropped."""

_HOST_WORDS = re.compile(r"^host(?:ed[ \t]+by)?[ \t]+", re.IGNORECASE)
"""The words before a next meeting's host: "hosted by Igalia" is hosted by "Igalia"."""

_MEETING_ATTRIBUTE = {"date": "dates", "meeting": "title", "numbers": "frozen", "title": "document_title"}
"""Header keywords whose Meeting attribute has another name."""

_HEADER_WORD = {"issued_in": "issued in", "number_label": "number label", "documents_list": "list of documents",
                "local_times": "local times"}
"""How the header writes the fields whose names here differ, for messages."""

_ROLE = re.compile(r"[^\W\d_][\w'.-]*(?: [\w'.-]+){0,3}")
"""A presenter's role before a colon: one to four words ("Rapporteur", "Co-rapporteur", "Chair of the
Bureau")."""


_ANNEX_LABEL = re.compile(r"[ \t]*([A-Z]{1,3}|[0-9]{1,3})[.)]?(?=[ \t]|$)[ \t]*")
"""An annex's label at the start of its line: A, B, AA, 1, 12 (a dot or parenthesis may follow)."""

_OWNER = re.compile(r"[ \t]*@([^\W\d][\w.-]*)[ \t]*")
"""An action item's owner, written first: ``@alex``."""

_VOTING = {"voting", "non-voting", "observer"}
_FLAG_WORDS = {"apologies": "excused", "excused": "excused", "absent": "absent", "present": "present",
               "expected": "expected", "voting": "voting", "non-voting": "non-voting", "observer": "observer"}
_PARTICIPANT_FLAG = re.compile(r"\((voting|non[- ]voting|observer|apologies|excused|absent|present|expected)\)\s*$",
                               re.IGNORECASE)
"""What a participant's parentheses may say, at the end of the line: voting status, attendance."""


def attribute_word(field_name: str) -> str:
    """How an item writes a declared field: ``Convened by`` is ``@convened-by``."""
    return "-".join(field_name.lower().split())


_ATTR_WORD = {"time": "time", "duration": "duration", "presenters": "presenter", "actions": "for",
              "dates": "date", "place": "place", "kind": "kind",
              "status": "status", "session": "session", "visibility": "visibility", "documents": "docs",
              "child_numbering": "numbering", "documents_state": "documents", "is_break": "break"}


_WHEN_CODES = {"dates": "date-syntax", "times": "time-syntax", "duration": "time-syntax"}


def _when_value(kind: str, token: Token) -> Any:
    """A date range, time slot or duration read by when.py, or None after reporting why not; for
    ``issued``, a date and optionally the time of issue after it ("2005/09/30 1:29 p.m.")."""
    value = _stripped(token)
    origin = value.span
    if kind == "issued":
        language = current_sink().language
        text = value.value
        try:
            return when.parse_dates(text, origin, language), None
        except when.WhenError:
            for cut in (m.start() for m in re.finditer(r"(?<=[ \t,])\S", text)):  # the date, then a time
                try:
                    dates = when.parse_dates(text[:cut].rstrip(" \t,"), origin, language)
                    slot = when.parse_times(text[cut:], Span(origin.line, origin.column + cut, origin.line,
                                                             origin.end_column), language)
                except when.WhenError:
                    continue
                return dates, slot
        dates = _when_value("dates", token)  # reports why the date cannot be read
        return None if dates is None else (dates, None)
    try:
        if kind == "dates":
            return when.parse_dates(value.value, origin, current_sink().language)
        if kind == "times":
            return when.parse_times(value.value, origin, current_sink().language)
        return when.parse_duration(value.value, origin)
    except when.WhenError as problem:
        start = origin.column + problem.start
        end = max(start + 1, origin.column + problem.end)
        code = problem.code or _WHEN_CODES[kind]
        _report(error(code, problem.message, Span(origin.line, start, origin.line, end), problem.hint))
        return None


def _status(text: str, span: Span) -> n.Status:
    """``draft Rev.1``, ``Rev. 2 corrigendum``, ``Preliminary``: a standard stage word first, a
    revision ``Rev.N`` anywhere, and any other words kept as written."""
    words = text.split()
    stage = None
    if words and words[0].lower() in {s.value for s in n.Stage}:
        stage = n.Stage(words.pop(0).lower())
    revision = None
    rest: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if revision is None and word.lower().startswith("rev."):
            digits = word[4:] or (words[index + 1] if index + 1 < len(words) else "")
            if digits.isdigit() and len(digits) <= 4:
                revision = int(digits)
                index += 1 if word[4:] else 2
                continue
        rest.append(word)
        index += 1
    return n.Status(stage, revision, span, " ".join(rest) or None)


def _custom_fields(found: list[_Field], declared: tuple[n.Attr[str], ...]) -> tuple[n.CustomField, ...]:
    """The writer's own header fields, each checked against the names declared in ``fields:``."""
    from .syntax_errors import unknown_field

    names = {attr.value for attr in declared}
    out: list[n.CustomField] = []
    seen: dict[str, Span] = {}
    for f in found:
        field_value: n.CustomField = f.value
        if field_value.name not in names:
            _report(unknown_field(field_value.name, f.span, tuple(names)))
            continue
        if field_value.name in seen:
            first = Related(seen[field_value.name], "first given here")
            _report(error("duplicate-field", f"the header gives '{field_value.name}' twice", f.span,
                          f"keep one '{field_value.name}:' line", (first,)))
            continue
        seen[field_value.name] = f.span
        out.append(field_value)
    return tuple(out)


def _heading_when(inline: Token) -> dict[str, Any]:
    """The date and time a heading's own text gives, and the rest of it as the group's name."""
    text = inline.value.rstrip(" \t")
    origin = token_span(inline)
    dates, time, rest = when.heading_when(text, origin, current_sink().language)
    if dates is None and time is None:
        return {}
    found: dict[str, Any] = {"from_heading": tuple(k for k, v in (("dates", dates), ("time", time)) if v)}
    if dates is not None:
        found["dates"] = dates
    if time is not None:
        found["time"] = time
    offset = text.find(rest) if rest else -1
    if offset >= 0:
        piece = _piece(inline, offset, offset + len(rest))
        found["name"] = split(piece, token_span(piece))[0]
    else:
        found["name"] = n.RichText(())
    return found


def _text_blocks(entries: list) -> list:
    """Consecutive top-level text lines (``>``, ``!``, ``-``) become one TextBlock each run."""
    out: list = []
    paragraphs: _Paragraphs | None = None
    for entry in entries:
        if isinstance(entry, TranslationLine) and paragraphs is not None:
            if not paragraphs.translate(entry):
                _report(misplaced(entry, None))
            continue
        if isinstance(entry, (_NoteLine, n.Bullet)):
            if paragraphs is None:
                paragraphs = _Paragraphs()
            paragraphs.add(entry)
            continue
        if paragraphs is not None:
            out.extend(_text_block(paragraphs.done()))
            paragraphs = None
        out.append(entry)
    if paragraphs is not None:
        out.extend(_text_block(paragraphs.done()))
    return out


def _title_translation(found: list[n.Translation], translation: n.Translation) -> None:
    """Add a one-line translation of a title to ``found``, unless its language already has one."""
    problem = repeated(found, translation.language, translation.span)
    if problem is not None:
        _report(problem)
    else:
        found.append(translation)


def _heading_translation(line: TranslationLine) -> n.Translation:
    """A heading's translation, with its name apart from the date and time it gives, read in its
    own language ("Matin" of "Matin, 9 h 30-12 h 30")."""
    translation = line.translation
    text = line.text.plain
    dates, time, rest = when.heading_when(text, line.span, line.language)
    if dates is None and time is None:
        return translation
    return replace(translation, name=n.RichText((n.Text(rest, line.span),) if rest else (), line.span))


def _translated_entry(entry: Any, line: TranslationLine) -> Any:
    """A top-level item or heading with the translation written after its lines."""
    if isinstance(entry, n.Item):
        return translated(entry, line, current_sink().diagnostics)
    found = list(entry.values.get("translations", ()))
    _title_translation(found, _heading_translation(line))
    return _Heading(entry.level, entry.title, {**entry.values, "translations": tuple(found)}, entry.notes, entry.span)


def _entry_word(entry: Any) -> str | None:
    """How a top-level entry that cannot be translated reads in a message."""
    words = {n.NextMeetings: "next meetings:", n.Participants: "participants:", n.Table: "table:",
             n.Annexes: "annexes:"}
    if isinstance(entry, n.NextMeetings) and entry.past:
        return "past meetings:"
    return words.get(type(entry))


def _field_translations(fields: list) -> tuple[list, tuple[n.FieldTranslation, ...]]:
    """The header's fields without its translation lines, and those lines as the translations of
    the text fields just above them."""
    kept: list = []
    out: list[n.FieldTranslation] = []
    previous: Any = None
    for f in fields:
        if not isinstance(f, TranslationLine):
            kept.append(f)
            previous = f
            continue
        name = previous.value.name if previous.name == "custom" else previous.name
        if previous.name not in (*TRANSLATED_FIELDS, "custom"):
            _report(misplaced(f, f"{name.replace('_', ' ')}:"))
            continue
        problem = repeated([t for t in out if t.key == name], f.language, f.span)
        if problem is not None:
            _report(problem)
            continue
        out.append(n.FieldTranslation(name, f.language, f.text.plain.rstrip(" \t"), f.span))
    return kept, tuple(out)


def _text_block(parts: tuple[n.Note | n.Bullet, ...]) -> list[n.TextBlock]:
    """The block of these paragraphs, or none when there is no text (bare '>' lines)."""
    return [n.TextBlock(parts, parts[0].span.to(parts[-1].span))] if parts else []


def _nest(entries: list) -> list:
    """Headings become groups holding what follows them up to the next heading of their level or
    above. Text and the next-meetings list after the last item of a group are the agenda's closing
    part, not the group's."""
    tail = len(entries)
    while tail > 0 and isinstance(entries[tail - 1], (n.TextBlock, n.NextMeetings, n.Participants, n.Annexes,
                                                      n.Table)):
        tail -= 1
    if tail == len(entries) or tail == 0 or not isinstance(entries[tail - 1], n.Item):
        tail = len(entries)
    top: list = []
    open_groups: list[tuple[_Heading, list]] = []

    def close(level: int) -> None:
        while open_groups and open_groups[-1][0].level >= level:
            heading, body = open_groups.pop()
            group = n.Group(heading.level, heading.title, notes=heading.notes, body=tuple(body), span=heading.span,
                            **heading.values)
            (open_groups[-1][1] if open_groups else top).append(group)

    for entry in entries[:tail]:
        if isinstance(entry, _Heading) and entry.values.get("is_break"):
            # A break is a row with a time: it holds nothing, and what follows it stays where it was.
            close(entry.level)
            values = {k: v for k, v in entry.values.items() if k != "is_break"}
            (open_groups[-1][1] if open_groups else top).append(
                n.Group(entry.level, entry.title, notes=entry.notes, span=entry.span, is_break=True, **values))
        elif isinstance(entry, _Heading):
            close(entry.level)
            open_groups.append((entry, []))
        else:
            (open_groups[-1][1] if open_groups else top).append(entry)
    close(1)
    top.extend(entries[tail:])
    return top


def _with_year(entry: Any, meeting: n.DateRange) -> Any:
    """A heading's date written without its year ("Tuesday, October 28") takes the year of the
    meeting's dates that it falls in."""
    if not isinstance(entry, n.Group):
        return entry
    body = tuple(_with_year(e, meeting) for e in entry.body)
    dates = entry.dates
    if dates is not None and dates.start.year is None and meeting.start.year is not None:
        years = dict.fromkeys(y for y in (meeting.start.year, meeting.last.year) if y is not None)
        first, last = meeting.start.to_date(), meeting.last.to_date()
        year = next(iter(years))
        for candidate in years:
            day = replace(dates.start, year=candidate).to_date()
            if day is not None and first is not None and last is not None and first <= day <= last:
                year = candidate
        start = dates.start

        def dated(value: n.DateValue) -> n.DateValue:
            """A later day of the heading in the year of its start, or the next one when its month comes
            earlier in the year ("31 December - 1 January": 1 January of the year after)."""
            later = value.month is not None and start.month is not None and \
                (value.month, value.day) < (start.month, start.day)
            return replace(value, year=year + later) if value.year is None else value

        end = dated(dates.end) if dates.end is not None else None
        dates = replace(dates, start=replace(start, year=year), end=end, days=tuple(dated(d) for d in dates.days))
    elif all(new is old for new, old in zip(body, entry.body, strict=True)):
        return entry  # nothing to complete: a copy of each of 45,000 sittings took 0.25 s
    return replace(entry, body=body, dates=dates)


def _example(token: Token) -> str:
    """A numbering example as written, or ``as written`` however it was spelt."""
    return n.AS_WRITTEN if token.type == "AS_WRITTEN" else token.value


def _kind(token: Token) -> n.MeetingKind | None:
    word = token.value.lower().replace("-", " ")
    return None if word == "kind" else n.MeetingKind(word)


def _no_anchors(anchors: list[n.Attr[str]]) -> None:
    for anchor in anchors:
        _report(warning("misplaced-label", "a label '{#...}' belongs on an item line; it is ignored here",
                        anchor.span, "move it to the end of the item's line"))
