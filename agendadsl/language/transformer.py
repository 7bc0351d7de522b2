"""Lark tree to AST. Runs inside the LALR parser (no tree is built); the only place positions enter.

Each callback receives the children of one grammar rule, already transformed. Problems that the
grammar cannot rule out (a header field given twice) become diagnostics in the parse sink.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lark import Token, Transformer

from . import nodes as n
from .diagnostics import Related, error, warning
from .inline import docref, split
from .layout import current_sink, token_span
from .span import Span

_MONTHS = {name: i for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WEEKDAYS = {name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))}


@dataclass(frozen=True, slots=True)
class _Field:
    """A header field or item attribute before it is placed on its node."""

    name: str
    value: Any
    span: Span


@dataclass(frozen=True, slots=True)
class _Head:
    mark: n.NumberMark
    number: n.Attr[str] | None
    text: Token | None
    span: Span


@dataclass(frozen=True, slots=True)
class _NoteLine:
    internal: bool
    text: n.RichText
    span: Span


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


def _span_of(tokens: list[Token], fallback: Span) -> Span:
    if not tokens:
        return fallback
    return token_span(tokens[0]).to(token_span(tokens[-1]))


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
        body = []
        for child in children:
            if isinstance(child, n.Meeting):
                meeting = child
            else:
                body.append(child)
        return n.Agenda(meeting, tuple(body), tuple(current_sink().comments))

    # ------------------------------------------------------------------ header
    def header(self, fields: list[_Field]) -> n.Meeting:
        values: dict[str, Any] = {}
        seen: dict[str, _Field] = {}
        series: list[n.Series] = []
        for f in fields:
            attribute = _MEETING_ATTRIBUTE.get(f.name, f.name)
            if f.name == "series":
                clash = next((s for s in series if s.name == f.value.name), None)
                if clash is not None:
                    _report(error("duplicate-field", f"series {f.value.name!r} is declared twice", f.span,
                                  "keep one declaration per series", (Related(clash.span, "first declared here"),)))
                    continue
                series.append(f.value)
                continue
            if f.name in seen:
                _report(error("duplicate-field", f"the header gives '{f.name}' twice", f.span,
                              f"keep one '{f.name}:' line", (Related(seen[f.name].span, "first given here"),)))
                continue
            seen[f.name] = f
            values[attribute] = f.value
        return n.Meeting(series=tuple(series), **values)

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

    def date_field(self, children: list) -> _Field:
        return _Field("date", children[0], children[0].span)

    def time_field(self, children: list) -> _Field:
        slot: n.TimeSlot = children[0]
        if len(children) > 1:
            zone = children[1]
            slot = n.TimeSlot(slot.start, slot.end, zone.value, slot.span.to(token_span(zone)))
        return _Field("time", slot, slot.span)

    def reference_field(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        return _Field("reference", n.DocRef(value.value, value.span), value.span)

    def status_field(self, children: list) -> _Field:
        return _Field("status", children[0], children[0].span)

    def status_value(self, children: list[Token]) -> n.Status:
        stage = None
        revision = None
        for token in children:
            if token.type == "STATUS":
                stage = _enum(n.Stage, token)
            else:
                revision = int(token.value[4:].strip())
        return n.Status(stage, revision, _span_of(children, Span.point(1, 1)))

    def language_field(self, children: list[Token]) -> _Field:
        token = children[0]
        return _Field("language", n.Attr(token.value, token_span(token)), token_span(token))

    def numbering_field(self, children: list[Token]) -> _Field:
        examples = tuple(n.Attr(t.value, token_span(t)) for t in children)
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
    def explicit_head(self, children: list[Token]) -> _Head:
        number = children[0]
        return _Head(n.NumberMark.EXPLICIT, n.Attr(number.value, token_span(number)), _inline(children),
                     _span_of(children, token_span(number)))

    def auto_head(self, children: list[Token]) -> _Head:
        return _Head(n.NumberMark.AUTO, None, _inline(children), _span_of(children, token_span(children[0])))

    def unnumbered_head(self, children: list[Token]) -> _Head:
        return _Head(n.NumberMark.NONE, None, _inline(children), _span_of(children, token_span(children[0])))

    def item(self, children: list) -> n.Item:
        head: _Head = children[0]
        title, anchors = split(head.text, head.span)
        values: dict[str, Any] = {}
        seen: dict[str, Span] = {}
        for anchor in anchors:
            name = anchor.value
            if not (name[:1].isascii() and name[:1].isalpha()) or not all(
                    c.isascii() and (c.isalnum() or c in "_.-") for c in name):
                _report(error("invalid-label", f"'{{#{name}}}' is not a valid label", anchor.span,
                              "a label starts with a letter and has only letters, digits, '_', '.' and '-', "
                              "such as {#adoption} or {#item-2bis}"))
        anchors = [a for a in anchors if a.value[:1].isascii() and a.value[:1].isalpha()]
        if anchors:
            values["label"] = anchors[0]
            for extra in anchors[1:]:
                _report(error("duplicate-attribute", "an item can have only one label", extra.span,
                              "remove the second '{#...}'", (Related(anchors[0].span, "first label"),)))
        if len(children) == 1:  # nothing indented under the item's line: most items
            return n.Item(mark=head.mark, title=title, number=head.number, span=head.span, **values)
        notes: list[n.Note | n.Bullet] = []
        note_lines: list[_NoteLine] = []
        children_items: list[n.Item] = []

        def end_paragraph() -> None:
            if note_lines:
                span = note_lines[0].span.to(note_lines[-1].span)
                notes.append(n.Note(tuple(line.text for line in note_lines), note_lines[0].internal, span))
                note_lines.clear()

        blank_between = current_sink().blank_between
        for child in children[1:]:
            if isinstance(child, _NoteLine):
                if note_lines and (note_lines[-1].internal != child.internal
                                   or blank_between(note_lines[-1].span.end_line, child.span.line)):
                    end_paragraph()
                if child.text.parts:
                    note_lines.append(child)
                else:
                    end_paragraph()
                continue
            end_paragraph()
            if isinstance(child, n.Item):
                children_items.append(child)
            elif isinstance(child, n.Bullet):
                notes.append(child)
            elif isinstance(child, _Field):
                if child.name in seen:
                    _report(error("duplicate-attribute", f"this item already has '@{_ATTR_WORD[child.name]}'",
                                  child.span, "keep one of the two lines",
                                  (Related(seen[child.name], "first given here"),)))
                    continue
                seen[child.name] = child.span
                values[child.name] = child.value
        end_paragraph()
        return n.Item(mark=head.mark, title=title, number=head.number, notes=tuple(notes),
                      children=tuple(children_items), span=head.span, **values)

    def note(self, children: list[Token]) -> _NoteLine:
        return self._note_line(children, internal=False)

    def internal_note(self, children: list[Token]) -> _NoteLine:
        return self._note_line(children, internal=True)

    def _note_line(self, children: list[Token], internal: bool) -> _NoteLine:
        span = _span_of(children, token_span(children[0]))
        text, anchors = split(_inline(children), span)
        _no_anchors(anchors)
        return _NoteLine(internal, text, span)

    def bullet(self, children: list[Token]) -> n.Bullet:
        span = _span_of(children, token_span(children[0]))
        text, anchors = split(_inline(children), span)
        _no_anchors(anchors)
        return n.Bullet(text, span)

    # ------------------------------------------------------------------ item attributes
    def time_attr(self, children: list) -> _Field:
        return _Field("time", children[0], children[0].span)

    def duration_attr(self, children: list) -> _Field:
        return _Field("duration", children[0], children[0].span)

    def presenter_attr(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        return _Field("presenter", value, value.span)

    action_attr = _enum_attr("action", n.Action)
    status_attr = _enum_attr("status", n.ItemStatus)
    session_attr = _enum_attr("session", n.Session)
    visibility_attr = _enum_attr("visibility", n.Visibility)

    def docs_attr(self, children: list[Token]) -> _Field:
        refs = tuple(docref(t.value, token_span(t)) for t in children)
        return _Field("documents", refs, _span_of(children, Span.point(1, 1)))

    def numbering_attr(self, children: list[Token]) -> _Field:
        token = children[0]
        return _Field("child_numbering", n.Attr(token.value, token_span(token)), token_span(token))

    # ------------------------------------------------------------------ next meetings
    def next_meetings(self, children: list) -> n.NextMeetings:
        meetings = tuple(c for c in children if isinstance(c, n.NextMeeting))
        span = token_span(children[0]) if isinstance(children[0], Token) else meetings[0].span
        return n.NextMeetings(meetings, span)

    def next_meeting(self, children: list) -> n.NextMeeting:
        bullet, dates, rest = children[0], children[1], children[2:]
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
                            if name == "place" else "give each meeting at most one kind")
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
        place = _stripped(token)
        if place.value.startswith('"'):
            place = n.Attr(place.value[1:-1].strip(), place.span)
        return _Field("place", (place, tbc), span)

    def remark(self, children: list[Token]) -> _Field:
        value = _stripped(children[0])
        return _Field("remark", value, value.span)

    # ------------------------------------------------------------------ dates and times
    def date(self, children: list[Token]) -> n.DateValue:
        span = _span_of(children, Span.point(1, 1))
        values: dict[str, Any] = {}
        for token in children:
            kind = token.type
            if kind == "ISO_DATE":
                year, month, day = (int(part) for part in token.value.split("-"))
                return n.DateValue(day, month, year, iso=True, span=span)
            if kind == "WEEKDAY":
                values["weekday"] = _WEEKDAYS[token.value[:3].lower()]
            elif kind == "DAY":
                values["day"] = int(token.value)
            elif kind == "MONTH":
                values["month"] = _MONTHS[token.value[:3].lower()]
            elif kind == "YEAR":
                values["year"] = int(token.value)
        return n.DateValue(values["day"], values.get("month"), values.get("year"), values.get("weekday"), span=span)

    def date_range(self, children: list) -> n.DateRange:
        start = children[0]
        if len(children) == 1:
            return n.DateRange(start, None, start.span)
        end = children[-1]
        month = start.month if start.month is not None else end.month
        year = start.year if start.year is not None else end.year
        if start.year is None and year is not None and month is not None and end.month is not None \
                and month > end.month:
            year -= 1  # "30 December - 2 January 2027" starts in 2026
        start = n.DateValue(start.day, month, year, start.weekday, start.iso, start.span)
        return n.DateRange(start, end, start.span.to(end.span))

    def time_slot(self, children: list[Token]) -> n.TimeSlot:
        times = [_time(t) for t in children if t.type == "TIME"]
        return n.TimeSlot(times[0], times[1] if len(times) > 1 else None, span=_span_of(children, Span.point(1, 1)))

    def duration(self, children: list[Token]) -> n.Duration:
        minutes = 0
        factor = 60
        for token in children:
            if token.type == "INT":
                minutes += int(token.value) * factor
                factor = 1  # after the hours, a number counts minutes ("1h30")
            elif token.type == "HOURS":
                factor = 1
        if children[1].type == "MINUTES":
            minutes = int(children[0].value)
        return n.Duration(minutes, _span_of(children, Span.point(1, 1)))


_MEETING_ATTRIBUTE = {"date": "dates", "meeting": "title", "numbers": "frozen"}
"""Header keywords whose Meeting attribute has another name."""

_ATTR_WORD = {"time": "time", "duration": "duration", "presenter": "presenter", "action": "for",
              "status": "status", "session": "session", "visibility": "visibility", "documents": "docs",
              "child_numbering": "numbering"}


def _kind(token: Token) -> n.MeetingKind | None:
    word = token.value.lower().replace("-", " ")
    return None if word == "kind" else n.MeetingKind(word)


def _time(token: Token) -> n.TimeOfDay:
    hour, minute = token.value.replace("h", ":").split(":")
    return n.TimeOfDay(int(hour), int(minute))


def _no_anchors(anchors: list[n.Attr[str]]) -> None:
    for anchor in anchors:
        _report(warning("misplaced-label", "a label '{#...}' belongs on an item line; it is ignored here",
                        anchor.span, "move it to the end of the item's line"))
