"""The canonical printer: agenda source in one layout, printed from the AST, comments kept.

Layout rules (docs/formatting.md): header fields in a fixed order, a blank line after the header;
children indented under their parent's title; attributes in a fixed order, then notes and
bullets, then children; a blank line before every top-level item and around items that have
children; dates, times and durations in one style. A comment stays just before the line that
followed it in the source.

``format_source`` proves itself before anyone writes its result (black's discipline): the result
parses to the same agenda, formatting it again changes nothing, and every comment survived.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..language import dates
from ..language.breaks import names_a_break
from ..language.grammar import terminal_regex
from ..language.nodes import (
    Agenda,
    Annex,
    Annexes,
    AnnexRef,
    Attr,
    Bullet,
    Comment,
    DateRange,
    DateValue,
    DocGroup,
    DocRef,
    Duration,
    Entry,
    FootnoteRef,
    Group,
    Item,
    Link,
    Meeting,
    NextMeeting,
    NextMeetings,
    Note,
    NumberMark,
    Participant,
    Participants,
    RichText,
    Table,
    Text,
    TextBlock,
    TimeSlot,
    Translation,
    XRef,
)
from ..language.parser import parse

HEADER_ORDER = ("body", "meeting", "title", "kind", "platform", "place", "date", "time", "local times", "chair", "host",
                "contact", "reference", "issued", "issued in", "distribution", "original", "status", "language",
                "numbers", "numbering", "number label", "series", "list of documents", "fields", "custom")
GROUP_INDENT = 2
"""How far a heading's attributes and notes are indented."""
NEXT_INDENT = 2


class FormatError(Exception):
    """The formatter could not prove its output equivalent; nothing must be written."""


@dataclass(frozen=True)
class FormatResult:
    text: str
    changed: bool


def escape_text(text: str) -> str:
    """Text as it must be written in a title, note or bullet to mean exactly ``text``."""
    return "".join("\\" + c if c in "[]{}\\" else c for c in text)


def _docref(ref: DocRef) -> str:
    # A leading "^" is escaped: "[^1]" is a footnote marker, "[\^1]" a document called "^1".
    text = _escape_brackets(ref.text)
    return "[" + ("\\" + text if text.startswith("^") else text) + "]"


def rich(text: RichText) -> str:
    out = []
    for part in text.parts:
        if isinstance(part, Text):
            out.append(escape_text(part.value))
        elif isinstance(part, DocRef):
            out.append(_docref(part))
        elif isinstance(part, XRef):
            out.append("{" + part.label + "}")
        elif isinstance(part, FootnoteRef):
            out.append("[^" + part.label + "]")
        elif isinstance(part, AnnexRef):
            out.append("{annex " + part.label + "}")
        elif isinstance(part, Link):
            out.append(part.url if part.bare else f"[{_escape_brackets(part.text)}]({part.url})")
    return "".join(out)


def _escape_brackets(text: str) -> str:
    """Text as written between brackets (a reference, a link's text): brackets and backslashes escaped."""
    return "".join("\\" + c if c in "[]\\" else c for c in text)


def date_value(value: DateValue, *, with_month: bool = True, with_year: bool = True) -> str:
    if value.iso and value.month is not None and value.year is not None:
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    parts = []
    if value.weekday is not None:
        parts.append(dates.WEEKDAYS[value.weekday])
    parts.append(str(value.day))
    if with_month and value.month is not None:
        parts.append(dates.MONTHS[value.month - 1])
    if with_year and value.year is not None:
        parts.append(str(value.year))
    return " ".join(parts)


def date_range(value: DateRange) -> str:
    """The dates as the writer wrote them; for dates made by a program, the canonical form:
    ``7-11 December 2020``, ``28 June - 2 July 2021``, ``30 December 2026 - 2 January 2027``."""
    if value.text:
        return value.text
    start, end = value.start, value.end
    if end is None:
        return date_value(start)
    if start.iso or end.iso:
        return f"{date_value(start)} - {date_value(end)}"
    same_year = start.year == end.year
    if same_year and start.month == end.month:
        if start.weekday is None and end.weekday is None:
            return f"{start.day}-{date_value(end)}"
        return f"{date_value(start, with_month=False, with_year=False)} - {date_value(end)}"
    return f"{date_value(start, with_year=not same_year)} - {date_value(end)}"


def time_slot(slot: TimeSlot) -> str:
    """The time as the writer wrote it (``3.15 p.m.``, ``18 h 30``), else ``09:30-10:00 Europe/Paris``."""
    if slot.text:
        return slot.text
    text = str(slot.start) + (f"-{slot.end}" if slot.end is not None else "")
    return text + (f" {slot.zone}" if slot.zone else "")


def duration(value: Duration) -> str:
    if value.text:
        return value.text
    hours, minutes = divmod(value.minutes, 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    return f"{hours} h" if hours else f"{minutes} min"


_HOST_WORD = re.compile(r"host(?:ed[ \t]+by)?[ \t]", re.IGNORECASE)
"""A place starting with these words would be read as the host."""


def _place(text: str) -> str:
    """A next meeting's place, quoted when it could be read as something else."""
    # A place starting with a digit is quoted too: after a comma, a digit goes on the date ("March 4, 2025").
    bare = text and not any(c in text for c in ',;"') and "(tbc)" not in text.lower() and text.lower().replace(
        "-", " ") not in ("in person", "virtual", "hybrid", "kind") and text[0] not in " \t(" and not text[0].isdigit()
    bare = bare and _HOST_WORD.match(text) is None
    return text if bare else f'"{text}"'


class _Printer:
    def __init__(self, agenda: Agenda) -> None:
        self.agenda = agenda
        self.lines: list[tuple[str, int]] = []  # (text, source line it came from, or 0)
        self.comments = sorted(agenda.comments, key=lambda c: c.span.line)
        self.comment_lines = [c.span.line for c in self.comments]
        self.next_comment = 0

    # Comments are emitted before the first printed line whose source line comes after them.
    def emit(self, text: str, source_line: int, indent: int) -> None:
        if source_line > 0:
            stop = bisect.bisect_left(self.comment_lines, source_line)
            while self.next_comment < stop:
                comment = self.comments[self.next_comment]
                self.lines.append((" " * indent + "// " + comment.text if comment.text else " " * indent + "//", 0))
                self.next_comment += 1
        self.lines.append((" " * indent + text, source_line))

    def blank(self) -> None:
        if self.lines and self.lines[-1][0] != "":
            self.lines.append(("", 0))

    def run(self) -> str:
        first = _first_line(self.agenda)
        if first and self.comment_lines and self.comment_lines[0] < first:
            # The comments that open the file stay a block of their own, set off by a blank line.
            while self.next_comment < len(self.comments) and self.comment_lines[self.next_comment] < first:
                self.lines.append(("// " + self.comments[self.next_comment].text, 0))
                self.next_comment += 1
            self.blank()
        self.header(self.agenda.meeting)
        self.entries(self.agenda.body)
        if self.agenda.footnotes:
            self.blank()
        for note in self.agenda.footnotes:
            self.emit(f"[^{note.label}]: {rich(note.text)}".rstrip(" \t"), note.span.line, 0)
            self.translations(note.translations, 0)
        while self.next_comment < len(self.comments):
            comment = self.comments[self.next_comment]
            self.lines.append(("// " + comment.text if comment.text else "//", 0))
            self.next_comment += 1
        while self.lines and self.lines[-1][0] == "":
            self.lines.pop()
        # All the comments that end up before the first line (the opening ones, and one that stood
        # before a header field the canonical order moves to the top) form the opening block: one
        # run of comments and a blank line, as the next run would read them.
        lead = 0
        while lead < len(self.lines) and (self.lines[lead][0] == "" or self.lines[lead][0].startswith("//")):
            lead += 1
        if lead < len(self.lines):
            comments = [line for line in self.lines[:lead] if line[0]]
            self.lines[:lead] = [*comments, ("", 0)] if comments else []
        return "\n".join(text.rstrip(" \t") for text, _ in self.lines) + "\n" if self.lines else ""

    def entries(self, body: tuple[Entry, ...]) -> None:
        for entry in body:
            self.blank()
            if isinstance(entry, Item):
                self.item(entry, 0)
            elif isinstance(entry, NextMeetings):
                self.next_meetings(entry)
            elif isinstance(entry, TextBlock):
                self.notes(entry.parts, 0)
            elif isinstance(entry, Annexes):
                self.emit("annexes:", entry.span.line, 0)
                for annex in entry.annexes:
                    self.emit(annex_line(annex), annex.span.line, NEXT_INDENT)
                    self.translations(annex.translations, NEXT_INDENT)
            elif isinstance(entry, Table):
                self.emit("table:", entry.span.line, 0)
                for row in (entry.header, *entry.rows):
                    self.emit(table_row_line(row), row[0].span.line if row else entry.span.line, NEXT_INDENT)
            elif isinstance(entry, Participants):
                self.emit("participants:", entry.span.line, 0)
                for person in entry.people:
                    self.emit(participant_line(person), person.span.line, NEXT_INDENT)
            else:
                self.group(entry)

    # ------------------------------------------------------------------ header
    def header(self, m: Meeting) -> None:
        for key, value, line in header_fields(m):
            if key == "series":
                self.emit(f"series {value}", line, 0)
            elif key in ("custom", "translation"):
                self.emit(value, line, 0)
            else:
                self.emit(f"{key}: {value}", line, 0)

    # ------------------------------------------------------------------ groups
    def group(self, group: Group) -> None:
        self.emit(f"{'#' * group.level} {rich(group.title)}".rstrip(" \t"), group.span.line, 0)
        self.translations(group.translations, GROUP_INDENT)
        for text, line in group_attribute_lines(group):
            self.emit(text, line, GROUP_INDENT)
        self.notes(group.notes, GROUP_INDENT)
        self.entries(group.body)

    # ------------------------------------------------------------------ text
    def notes(self, notes: tuple[Note | Bullet, ...], indent: int) -> None:
        """Paragraphs and bullets; two paragraphs of one kind in a row are parted by a bare marker."""
        previous: Note | Bullet | None = None
        for block in notes:
            if isinstance(block, Note):
                mark = _mark(block)
                if isinstance(previous, Note) and _mark(previous) == mark:
                    self.emit(mark, 0, indent)
                for number, text_line in enumerate(block.lines):
                    start = block.span.line + number if number == 0 else 0
                    written = text_line.plain if block.verbatim else rich(text_line)
                    self.emit(f"{mark} {written}", text_line.span.line or start, indent)
                self.translations(block.translations, indent)
            else:
                self.bullet(block, indent)
            previous = block

    def bullet(self, bullet: Bullet, indent: int) -> None:
        self.emit(bullet_line(bullet), bullet.span.line, indent)
        self.translations(bullet.translations, indent + 2)
        for child in bullet.children:
            self.bullet(child, indent + 2)

    def translations(self, translations: tuple[Translation, ...], indent: int) -> None:
        """A text's translations, on the lines after it: ``fr: Ouverture de la réunion``."""
        for translation in translations:
            for line in translation.lines:
                self.emit(f"{translation.language}: {rich(line)}".rstrip(" \t"), line.span.line, indent)

    # ------------------------------------------------------------------ items
    def item(self, item: Item, indent: int) -> None:
        if item.mark is NumberMark.EXPLICIT and item.number is not None:
            marker = item.number.value
        else:
            marker = "#." if item.mark is NumberMark.AUTO else "*"
        title = rich(item.title)
        if item.label is not None:
            title = f"{title} {{#{item.label.value}}}" if title else f"{{#{item.label.value}}}"
        self.emit(f"{marker} {title}".rstrip(" \t"), item.span.line, indent)
        inner = indent + len(marker) + 1
        self.translations(item.translations, inner)
        attributes = attribute_lines(item)
        for text, line in attributes:
            self.emit(text, line, inner)
        self.notes(item.notes, inner)
        # Items of one line are packed; items with lines under them are set off by blank lines.
        has_body = bool(attributes or item.notes or item.translations)
        for index, child in enumerate(item.children):
            earlier = item.children[index - 1] if index else None
            if _has_lines(child) or (earlier is not None and _has_lines(earlier)) or (index == 0 and has_body):
                self.blank()
            self.item(child, inner)

    # ------------------------------------------------------------------ next meetings
    def next_meetings(self, block: NextMeetings) -> None:
        self.emit("past meetings:" if block.past else "next meetings:", block.span.line, 0)
        for meeting in block.meetings:
            self.emit(next_meeting_line(meeting), meeting.span.line, NEXT_INDENT)


def bullet_line(bullet: Bullet) -> str:
    """A bullet, or an action item with its status and owner: ``- [ ] @alex Draft the report``."""
    if bullet.status is None:
        line = f"- {rich(bullet.text)}".rstrip(" \t")
        if terminal_regex("ACTION_MARK").match(line):
            # "[ in force ]": a document reference that reads like a status once its spaces are
            # trimmed keeps a space inside its brackets, which the status mark does not allow.
            line = "- [ " + line[3:].replace("]", " ]", 1)
        return line
    mark = {"open": " ", "done": "x"}.get(bullet.status, bullet.status)
    owner = f"@{bullet.owner} " if bullet.owner else ""
    return f"- [{mark}] {owner}{rich(bullet.text)}".rstrip(" \t")


def annex_line(annex: Annex) -> str:
    """An annex as its line in the source: ``- A. Draft resolution [CM(2020)26]``."""
    return f"- {annex.label}. {rich(annex.title)}".rstrip(" \t")


def table_row_line(row: tuple[RichText, ...]) -> str:
    """A table row as its line: ``Emoji | Meaning``; between bars when its first or last cell is
    empty, which would otherwise be lost (``| | Meaning |``)."""
    cells = [rich(cell).replace("|", "\\|") for cell in row]
    line = " | ".join(cells)
    return f"| {line} |".replace("|  |", "| |") if cells and (not cells[0] or not cells[-1]) else line


def participant_line(person: Participant) -> str:
    """A participant as its line in the source: ``- Ms Jane Doe, Chair, Ireland (voting) (excused)``."""
    # An affiliation without a role keeps its empty place: "- @bnoordhuis, , TSC".
    parts = [person.name, person.role or "", person.affiliation] if person.affiliation else \
        [p for p in (person.name, person.role) if p]
    flags = "".join(f" ({flag})" for flag in (person.voting, person.attendance) if flag)
    return "- " + ", ".join(parts) + flags


def next_meeting_line(meeting: NextMeeting) -> str:
    """A next meeting as its line in the source: ``- 7-11 December 2020 (tbc), Strasbourg``."""
    text = "- " + date_range(meeting.dates) + (" (tbc)" if meeting.dates_tbc else "")
    if meeting.place is not None:
        text += ", " + _place(meeting.place.value) + (" (tbc)" if meeting.place_tbc else "")
    if meeting.kind is not None:
        kind = meeting.kind.value.value if meeting.kind.value is not None else "kind"
        text += f", {kind}" + (" (tbc)" if meeting.kind_tbc else "")
    if meeting.host is not None:
        text += f", hosted by {meeting.host.value}" + (" (tbc)" if meeting.host_tbc else "")
    if meeting.remark is not None:
        text += f"; {rich(meeting.remark)}"
    return text.rstrip(" \t")


def header_fields(m: Meeting) -> list[tuple[str, str, int]]:
    """The header as (keyword, value, source line), in the canonical order."""
    fields: dict[str, list[tuple[str, int]]] = {}

    def add(key: str, value: str, line: int) -> None:
        fields.setdefault(key, []).append((value, line))

    for key, attr in (("body", m.body), ("meeting", m.title), ("platform", m.platform), ("place", m.place)):
        if attr is not None:
            add(key, attr.value, attr.span.line)
    if m.kind is not None:
        add("kind", m.kind.value.value, m.kind.span.line)
    if m.dates is not None:
        add("date", date_range(m.dates), m.dates.span.line)
    if m.time is not None:
        add("time", time_slot(m.time), m.time.span.line)
    if m.local_times:
        add("local times", ", ".join(f"{p.label} ({p.written})" if p.label else p.written for p in m.local_times),
            m.local_times[0].span.line)
    if m.reference is not None:
        add("reference", m.reference.text, m.reference.span.line)
    if m.status is not None:
        words = [m.status.stage.value] if m.status.stage else []
        if m.status.revision is not None:
            words.append(f"Rev.{m.status.revision}")
        if m.status.words:
            words.append(m.status.words)
        add("status", " ".join(words), m.status.span.line)
    for key, attr in (("title", m.document_title), ("chair", m.chair), ("host", m.host), ("contact", m.contact),
                      ("original", m.original)):
        if attr is not None:
            add(key, attr.value, attr.span.line)
    if m.issued is not None:
        at = f" {time_slot(m.issued_time)}" if m.issued_time is not None else ""
        add("issued", date_range(m.issued) + at, m.issued.span.line)
    if m.issued_in is not None:
        add("issued in", m.issued_in.value, m.issued_in.span.line)
    if m.distribution is not None:
        add("distribution", m.distribution.value.value, m.distribution.span.line)
    if m.fields:
        add("fields", ", ".join(name.value for name in m.fields), m.fields[0].span.line)
    for custom in m.custom:
        add("custom", f"{custom.name}: {custom.value}", custom.span.line)
    if m.language is not None:
        add("language", ", ".join(m.languages), m.language.span.line)
    if m.frozen is not None:
        add("numbers", "frozen" if m.frozen.value else "free", m.frozen.span.line)
    if m.numbering:
        add("numbering", " / ".join(e.value for e in m.numbering), m.numbering[0].span.line)
    for series in m.series:
        tail = f" {series.url}" if series.url else ""
        add("series", f"{series.name}: {series.pattern}{tail}", series.span.line)
    if m.number_label is not None:
        add("number label", m.number_label.value, m.number_label.span.line)
    if m.documents_list is not None:
        add("list of documents", "yes" if m.documents_list.value else "no", m.documents_list.span.line)
    ordered = [(key, value, line) for key in HEADER_ORDER for value, line in fields.get(key, [])]
    if not m.translations:
        return ordered
    # Each translation on the line after its field: ("translation", "fr: Comité de Lanzarote", line).
    keyword = {"issued_in": "issued in"}
    out: list[tuple[str, str, int]] = []
    for key, value, line in ordered:
        out.append((key, value, line))
        name = value.partition(":")[0] if key == "custom" else key
        out.extend(("translation", f"{t.language}: {t.value}", t.span.line) for t in m.translations
                   if keyword.get(t.key, t.key) == name)
    return out


def attribute_lines(item: Item) -> list[tuple[str, int]]:
    """An item's attribute lines (``@time 09:30-10:00``) with their source lines, in canonical order."""
    out: list[tuple[str, int]] = []

    def simple(word: str, attr: Attr | None) -> None:
        if attr is not None:
            value = attr.value.value if hasattr(attr.value, "value") else attr.value
            out.append((f"@{word} {value}", attr.span.line))

    if item.time is not None:
        out.append((f"@time {time_slot(item.time)}", item.time.span.line))
    if item.duration is not None:
        out.append((f"@duration {duration(item.duration)}", item.duration.span.line))
    for presenter in item.presenters:
        written = f"{presenter.role}: {presenter.name}" if presenter.role else presenter.name
        out.append((f"@presenter {written}", presenter.span.line))
    if item.actions:
        out.append(("@for " + ", ".join(a.value.value for a in item.actions), item.actions[0].span.line))
    simple("status", item.status)
    simple("session", item.session)
    simple("visibility", item.visibility)
    for group in item.document_groups or ((DocGroup(None, item.documents),) if item.documents else ()):
        entries = ", ".join(_docref(ref) + (f" of {date_range(ref.date)}" if ref.date else "") for ref in group.refs)
        label = f"{group.label}: " if group.label else ""
        out.append((f"@docs {label}{entries}", group.refs[0].span.line))
    simple("documents", item.documents_state)
    simple("numbering", item.child_numbering)
    for custom in item.fields:
        out.append((f"@{'-'.join(custom.name.lower().split())} {custom.value}", custom.span.line))
    return out


def group_attribute_lines(group: Group) -> list[tuple[str, int]]:
    """A heading's attribute lines, in canonical order."""
    out: list[tuple[str, int]] = []
    if group.dates is not None and "dates" not in group.from_heading:
        out.append((f"@date {date_range(group.dates)}", group.dates.span.line))
    if group.time is not None and "time" not in group.from_heading:
        out.append((f"@time {time_slot(group.time)}", group.time.span.line))
    for word, attr in (("place", group.place), ("kind", group.kind), ("session", group.session)):
        if attr is not None:
            value = attr.value.value if hasattr(attr.value, "value") else attr.value
            out.append((f"@{word} {value}", attr.span.line))
    if group.child_numbering is not None:
        out.append((f"@numbering {group.child_numbering.value}", group.child_numbering.span.line))
    name = group.name if group.name is not None else group.title
    if group.is_break and not (group.time is not None and names_a_break(name.plain)):
        out.append(("@break", 0))
    return out


def _mark(note: Note) -> str:
    return "!" if note.internal else ">>" if note.annotation else "|" if note.verbatim else ">"


def _has_lines(item: Item) -> bool:
    """Whether an item has anything printed under its own line."""
    return bool(item.children or item.notes or item.translations or item.documents or item.child_numbering
                or item.presenters or item.actions or item.fields or any(getattr(item, name) is not None for name in
                                                      ("time", "duration", "status", "session", "visibility",
                                                       "documents_state")))


def _first_line(agenda: Agenda) -> int:
    """The source line of the first header field or item (0 when there is none)."""
    m = agenda.meeting
    values: tuple[Any, ...] = (m.body, m.title, m.kind, m.platform, m.place, m.dates, m.time, m.reference, m.status,
                               m.language, m.frozen, m.document_title, m.chair, m.host, m.contact, m.issued,
                               m.distribution, m.original, m.documents_list, m.number_label,
                               m.issued_in)
    lines = [a.span.line for a in values if a is not None]
    repeated: tuple[Any, ...] = (*m.numbering, *m.series, *m.fields, *m.custom, *m.local_times)
    lines += [e.span.line for e in repeated]
    lines += [entry.span.line for entry in agenda.body[:1]]
    return min((line for line in lines if line > 0), default=0)


def print_agenda(agenda: Agenda) -> str:
    """The canonical source text of ``agenda`` (no safety checks: see format_source)."""
    return _Printer(agenda).run()


def _comment_texts(comments: tuple[Comment, ...]) -> Counter:
    return Counter(c.text for c in comments)


def format_source(text: str) -> FormatResult:
    """Format agenda source; FormatError unless the result is proven equivalent and stable.

    The input must parse (callers check it first and report its diagnostics)."""
    before = parse(text)
    if before.agenda is None:
        raise FormatError("the agenda has syntax errors; fix them first (agenda check shows them)")
    return format_agenda(before.agenda, text)


def format_agenda(agenda: Agenda, original: str) -> FormatResult:
    """Print ``agenda`` and prove the result: same meaning, stable, no comment lost."""
    result = print_agenda(agenda)
    after = parse(result)
    if after.agenda is None:
        raise FormatError("the formatted text does not parse (a bug in agendadsl: please report it)")
    if after.agenda != agenda:
        raise FormatError("the formatted text would change the agenda's meaning (a bug in agendadsl: please "
                          "report it)")
    if _comment_texts(after.agenda.comments) != _comment_texts(agenda.comments):
        raise FormatError("a comment would be lost (a bug in agendadsl: please report it)")
    if print_agenda(after.agenda) != result:
        raise FormatError("formatting is not stable on this agenda (a bug in agendadsl: please report it)")
    return FormatResult(result, result != original)
