"""The agenda AST: frozen dataclasses shaped like agendas, not like grammar rules.

Every node carries a ``span`` that is excluded from equality, so ``a == b`` means "the same
agenda" whatever the layout: the formatter and the semantic diff rely on that. Collections are
tuples. Values that a check may reject (31 February) are kept as written, not coerced.

These definitions are the AST's source; the code imports ``nodes``, the same classes written out
plainly from them by ``agendadsl/support/write_plain_classes.py`` (``@dataclass`` compiles each class's methods
at import, a tenth of a cold ``agenda check``). After a change here, run that tool;
tests/test_generated_nodes.py fails until ``nodes.py`` is regenerated. Type checkers read these
definitions themselves, through ``nodes.pyi``.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .span import Span

T = TypeVar("T")

NO_SPAN = Span(0, 0, 0, 0)

AS_WRITTEN = "as written"
"""The numbering (``numbering: as written``, ``@numbering as written``) whose numbers are shown as
written and checked for no sequence: theme codes, letters kept out of order."""


@dataclass(frozen=True, slots=True)
class Attr(Generic[T]):
    """A simple value as written in the source, with where it was written."""

    value: T
    span: Span = field(default=NO_SPAN, compare=False)


# ----------------------------------------------------------------------------- inline text


@dataclass(frozen=True, slots=True)
class Text:
    """Literal text inside a title, note or bullet."""

    value: str
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class DocRef:
    """A document reference such as ``T-ES(2020)23``, written ``[T-ES(2020)23]``; in ``@docs``, it
    may carry the document's date (``[CM/Notes/1370/1.6] of 3.11.2025``)."""

    text: str
    span: Span = field(default=NO_SPAN, compare=False)
    date: DateRange | None = None


@dataclass(frozen=True, slots=True)
class XRef:
    """A cross-reference ``{adoption}`` to the item labelled ``{#adoption}``."""

    label: str
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Link:
    """A link: ``[the Secretariat's note](https://example.org/note)``, or a bare web address
    (``text`` is then the address). Only http, https and mailto addresses are links."""

    text: str
    url: str
    span: Span = field(default=NO_SPAN, compare=False)
    bare: bool = False
    """Written as a bare address, not in ``[text](address)`` form."""


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote marker ``[^1]``; the text is the agenda's footnote with that label."""

    label: str
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class AnnexRef:
    """A reference ``{annex A}`` to the annex labelled ``A``."""

    label: str
    span: Span = field(default=NO_SPAN, compare=False)


Inline = Text | DocRef | XRef | Link | FootnoteRef | AnnexRef


@dataclass(frozen=True, slots=True)
class RichText:
    """A line of user text: literal text interleaved with references."""

    parts: tuple[Inline, ...]
    span: Span = field(default=NO_SPAN, compare=False)

    @property
    def plain(self) -> str:
        """The text as a reader sees it, cross-references shown as ``{label}``."""
        parts = self.parts
        if len(parts) == 1 and parts[0].__class__ is Text:  # most titles and lines: one run of text
            return parts[0].value
        out = []
        for part in parts:
            if isinstance(part, Text):
                out.append(part.value)
            elif isinstance(part, (DocRef, Link)):
                out.append(part.text)
            elif isinstance(part, FootnoteRef):
                out.append("[^" + part.label + "]")
            elif isinstance(part, AnnexRef):
                out.append("{annex " + part.label + "}")
            else:
                out.append("{" + part.label + "}")
        return "".join(out)


@dataclass(frozen=True, slots=True)
class Translation:
    """A text's translation, written on the line after it (``fr: Ouverture de la réunion``); a note
    of several lines may take as many lines. ``name``: for a heading that gives a date or a time,
    the translation without them ("Matin" of "Matin, 9 h 30-12 h 30")."""

    language: str
    lines: tuple[RichText, ...]
    span: Span = field(default=NO_SPAN, compare=False)
    name: RichText | None = None

    @property
    def text(self) -> RichText:
        return self.lines[0]


@dataclass(frozen=True, slots=True)
class FieldTranslation:
    """A header field's translation: ``fr: Comité de Lanzarote`` after ``body: Lanzarote Committee``.
    ``key`` names the field: its keyword (``body``, ``title``, ``issued_in``) or the name of a field
    of the writer's own."""

    key: str
    language: str
    value: str
    span: Span = field(default=NO_SPAN, compare=False)


# ----------------------------------------------------------------------------- dates and times


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date as written; ``month``/``year`` are None when the writer left them out
    and nothing supplied them. ``weekday`` is 0 for Monday, when a weekday name was written."""

    day: int
    month: int | None
    year: int | None
    weekday: int | None = None
    iso: bool = False
    span: Span = field(default=NO_SPAN, compare=False)

    def to_date(self) -> datetime.date | None:
        """The real date, or None when incomplete or impossible (31 February)."""
        if self.month is None or self.year is None:
            return None
        try:
            return datetime.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class DateRange:
    """One day, or a range of days: ``7-11 December 2020``, ``28 June - 2 July 2021``.

    ``days`` lists the further single days of a list (``8 and 9 October 2025``: start 8, days (9,));
    ``open_end`` is a range whose end is not known yet (``11 December 2025 - ?``). ``text`` is
    the value as written, which ``agenda fmt`` keeps."""

    start: DateValue
    end: DateValue | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    days: tuple[DateValue, ...] = ()
    open_end: bool = False
    text: str = field(default="", compare=False)

    @property
    def last(self) -> DateValue:
        return self.end or self.start


@dataclass(frozen=True, slots=True)
class TimeOfDay:
    """A clock time, 24-hour: ``09:30`` is hour 9, minute 30."""

    hour: int
    minute: int

    def __str__(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    @property
    def minutes(self) -> int:
        return self.hour * 60 + self.minute


@dataclass(frozen=True, slots=True)
class TimeSlot:
    """``09:30`` or ``09:30-10:00``, with a time zone where one is named (``Europe/Paris``).

    ``approximate``: written ``approx. 11.20`` or ``+/- 11.20``; ``open_end``: written
    ``from 08.30``, a start with no end; ``also``: further slots of the same day
    (``09:00-12:30 and 14:00-18:00``). ``text`` is the value as written, which ``agenda fmt`` keeps."""

    start: TimeOfDay
    end: TimeOfDay | None = None
    zone: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    approximate: bool = False
    open_end: bool = False
    also: tuple[TimeSlot, ...] = ()
    text: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Duration:
    """``15 min``, ``1 h 30 min``; ``parts`` when written as a sum (``10+5 min``: (10, 5))."""

    minutes: int
    span: Span = field(default=NO_SPAN, compare=False)
    parts: tuple[int, ...] = ()
    text: str = field(default="", compare=False)


# ----------------------------------------------------------------------------- enumerations


class MeetingKind(enum.Enum):
    IN_PERSON = "in person"
    VIRTUAL = "virtual"
    HYBRID = "hybrid"


class Stage(enum.Enum):
    DRAFT = "draft"
    PROVISIONAL = "provisional"
    REVISED = "revised"
    ADOPTED = "adopted"
    FINAL = "final"


class Action(enum.Enum):
    DECISION = "decision"
    INFORMATION = "information"
    DISCUSSION = "discussion"
    ADOPTION = "adoption"
    APPROVAL = "approval"
    CONSULTATION = "consultation"


class ItemStatus(enum.Enum):
    WITHDRAWN = "withdrawn"
    POSTPONED = "postponed"
    TBC = "tbc"


class Session(enum.Enum):
    PUBLIC = "public"
    CLOSED = "closed"


class DocumentsState(enum.Enum):
    """Whether an item's documents are out (``@documents available``) or still to come."""

    AVAILABLE = "available"
    TO_FOLLOW = "to follow"


class Visibility(enum.Enum):
    PUBLIC = "public"
    INTERNAL = "internal"


class Distribution(enum.Enum):
    """Who may read the document: ``public`` (or the UN's ``general``), ``restricted`` (or ``limited``)."""

    PUBLIC = "public"
    GENERAL = "general"
    RESTRICTED = "restricted"
    LIMITED = "limited"


class NumberMark(enum.Enum):
    """How an item is numbered: as written, automatically (``#.``), or not at all (``*``)."""

    EXPLICIT = "explicit"
    AUTO = "auto"
    NONE = "none"


# ----------------------------------------------------------------------------- header


@dataclass(frozen=True, slots=True)
class Status:
    """``draft``, ``provisional Rev.2``, ``Rev.1``."""

    stage: Stage | None
    revision: int | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    words: str | None = None
    """Status words beyond the standard ones, as written: ``Preliminary``, ``corrigendum``."""


@dataclass(frozen=True, slots=True)
class Series:
    """A declared document series: references starting with ``name`` must match ``pattern``;
    ``url`` (with ``{ref}``, ``{year}``, ``{n}`` placeholders) lets renderers link them."""

    name: str
    pattern: str
    url: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class CustomField:
    """A header field of the writer's own (``Quorum: 14 members``), declared in ``fields:``."""

    name: str
    value: str
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Meeting:
    """The header: everything about the meeting that is not an item."""

    body: Attr[str] | None = None
    title: Attr[str] | None = None
    kind: Attr[MeetingKind] | None = None
    platform: Attr[str] | None = None
    place: Attr[str] | None = None
    dates: DateRange | None = None
    time: TimeSlot | None = None
    reference: DocRef | None = None
    status: Status | None = None
    language: Attr[str] | None = None
    numbering: tuple[Attr[str], ...] = ()
    series: tuple[Series, ...] = ()
    frozen: Attr[bool] | None = None
    """``numbers: frozen``: the agenda is published, its numbers must not be rewritten."""
    document_title: Attr[str] | None = None
    """``title:``, the document's own title: "Draft agenda", "Order of business"."""
    chair: Attr[str] | None = None
    host: Attr[str] | None = None
    contact: Attr[str] | None = None
    issued: DateRange | None = None
    """``issued:``, the date of issue of the document (not of the meeting)."""
    issued_in: Attr[str] | None = None
    """``issued in: Strasbourg``: the place of the place-and-date line ("Strasbourg, 9 March 2020")."""
    issued_time: TimeSlot | None = None
    """The time of issue, when ``issued:`` gives one after the date ("2005/09/30 1:29 p.m.")."""
    distribution: Attr[Distribution] | None = None
    original: Attr[str] | None = None
    """``original:``, the language the document was written in: a code (``en``) or a name."""
    fields: tuple[Attr[str], ...] = ()
    """The names declared in ``fields:`` for the writer's own header fields."""
    number_label: Attr[str] | None = None
    """``number label: Item No.``: the words printed before each top-level item's number."""
    documents_list: Attr[bool] | None = None
    """``list of documents: yes``: publish every reference in an annex, by series, with its items."""
    local_times: tuple[LocalTime, ...] = ()
    """``local times:``, the places whose clock time of the meeting is printed under its time."""
    custom: tuple[CustomField, ...] = ()
    other_languages: tuple[Attr[str], ...] = ()
    """The languages after the first in ``language: en, fr``: those the agenda's texts are translated into."""
    translations: tuple[FieldTranslation, ...] = ()
    """The header fields' translations, in the order written."""

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language the agenda is written in, its own first (none when it names none)."""
        own = (self.language.value,) if self.language is not None else ()
        return own + tuple(other.value for other in self.other_languages)


# ----------------------------------------------------------------------------- items


@dataclass(frozen=True, slots=True)
class Note:
    """A paragraph of text: published (``>`` lines), internal (``!`` lines: only the internal run
    sheet shows it) or an annotation (``>>`` lines: the annotated agenda). Each source line is
    kept as one element of ``lines``: line breaks are the writer's."""

    lines: tuple[RichText, ...]
    internal: bool = False
    span: Span = field(default=NO_SPAN, compare=False)
    annotation: bool = False
    verbatim: bool = False
    """Formal text kept exactly as written (``|`` lines: a draft resolution): no references, no
    escapes, the spaces at the start of a line kept."""
    translations: tuple[Translation, ...] = ()


@dataclass(frozen=True, slots=True)
class Bullet:
    """A bullet line (``-``): text, not an agenda item; bullets indented under it are its ``children``."""

    text: RichText
    span: Span = field(default=NO_SPAN, compare=False)
    children: tuple[Bullet, ...] = ()
    status: str | None = None
    """For an action item (``- [ ] ...``): ``open``, ``done``, ``in progress`` ...; None for a bullet."""
    owner: str | None = None
    """For an action item, who owns it: ``@alex`` written first."""
    translations: tuple[Translation, ...] = ()


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Text that is not an item, at the top level or under a heading: paragraphs and bullets.
    Before the first item it is the preamble; after the last, the closing text."""

    parts: tuple[Note | Bullet, ...]
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class DocGroup:
    """One ``@docs`` line: its references, under the label written before them
    (``@docs for decision: [A], [B]``) or none."""

    label: str | None
    refs: tuple[DocRef, ...]
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Presenter:
    """Who presents an item, with the role given before a colon (``Rapporteur: Ms X (EPP)``)."""

    name: str
    role: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Item:
    """An agenda item. ``number`` is the number exactly as written (only when ``mark`` is
    EXPLICIT); numbering.resolve() computes the number every item displays."""

    mark: NumberMark
    title: RichText
    number: Attr[str] | None = None
    label: Attr[str] | None = None
    time: TimeSlot | None = None
    duration: Duration | None = None
    presenters: tuple[Presenter, ...] = ()
    actions: tuple[Attr[Action], ...] = ()
    status: Attr[ItemStatus] | None = None
    session: Attr[Session] | None = None
    visibility: Attr[Visibility] | None = None
    documents: tuple[DocRef, ...] = ()
    child_numbering: Attr[str] | None = None
    notes: tuple[Note | Bullet, ...] = ()
    children: tuple[Item, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)
    fields: tuple[CustomField, ...] = ()
    """The item's fields of the writer's own (``@stage 2.7``), under their declared names."""
    document_groups: tuple[DocGroup, ...] = ()
    """The ``@docs`` lines, each with its label; ``documents`` holds all their references in order."""
    documents_state: Attr[DocumentsState] | None = None
    """``@documents available`` or ``@documents to follow``."""
    translations: tuple[Translation, ...] = ()
    """The title's translations (``fr: Ouverture de la réunion``)."""


@dataclass(frozen=True, slots=True)
class LocalTime:
    """A place whose clock the agenda also gives the meeting's time in (``local times:``): its
    label ("San Francisco"; None: the zone's city in the output language) and its zone."""

    zone: str
    label: str | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    written: str = ""
    """The zone as written ("EST", "America/New_York"); ``zone`` is what it names."""


@dataclass(frozen=True, slots=True)
class NextMeeting:
    """One entry of a "next meetings" or "past meetings" list, each part with its own "to be
    confirmed" flag. ``kind`` holds None as value when only "kind (tbc)" was written; the remark
    may hold links and references (the minutes of a past meeting)."""

    dates: DateRange
    dates_tbc: bool = False
    place: Attr[str] | None = None
    place_tbc: bool = False
    kind: Attr[MeetingKind | None] | None = None
    kind_tbc: bool = False
    remark: RichText | None = None
    span: Span = field(default=NO_SPAN, compare=False)
    host: Attr[str] | None = None
    """Who hosts the meeting ("hosted by Igalia")."""
    host_tbc: bool = False


@dataclass(frozen=True, slots=True)
class NextMeetings:
    """The "next meetings" block, or with ``past`` the "past meetings" block (earlier meetings,
    with their minutes); it stands among the top-level items where it was written."""

    meetings: tuple[NextMeeting, ...]
    span: Span = field(default=NO_SPAN, compare=False)
    past: bool = False


@dataclass(frozen=True, slots=True)
class Comment:
    """A ``//`` comment line: never rendered, kept by the formatter."""

    text: str
    indent: int
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Group:
    """A heading (``#`` day, ``##`` sitting, ``###`` below) and what follows it up to the next
    heading of its level or above. Never an item: its items are top-level items, numbered on
    across headings. Its date, time, place, kind and session are its items' unless they say
    otherwise. A group with a time and nothing under it is a break (``## 12.30-14.00 Lunch``)."""

    level: int
    title: RichText
    dates: DateRange | None = None
    time: TimeSlot | None = None
    place: Attr[str] | None = None
    kind: Attr[MeetingKind] | None = None
    session: Attr[Session] | None = None
    notes: tuple[Note | Bullet, ...] = ()
    body: tuple[Entry, ...] = ()
    span: Span = field(default=NO_SPAN, compare=False)
    name: RichText | None = None
    """The heading without the date and time it gives ("Morning" of "Morning, 09.00-12.30"), to be
    shown beside them as the output language writes them; None when the heading gives neither."""
    from_heading: tuple[str, ...] = field(default=(), compare=False)
    """Which of ``dates`` and ``time`` the heading's own text gave (not an attribute line)."""
    is_break: bool = False
    """A break (lunch, coffee, or ``@break``): a row with its time that holds none of the items
    after it."""
    child_numbering: Attr[str] | None = None
    """``@numbering``: the numbering of the items under the heading, which then start again
    (``@numbering 1.``), or ``as written``."""
    translations: tuple[Translation, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        """The top-level items of the group, its subgroups' included, in order."""
        return _items(self.body)


@dataclass(frozen=True, slots=True)
class Participant:
    """One line of a ``participants:`` block: ``Ms Jane Doe, Chair, Ireland (voting) (excused)``:
    the name, then a role and an affiliation after commas, then what the parentheses say."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    voting: str | None = None
    """``voting``, ``non-voting`` or ``observer``, when written."""
    attendance: str | None = None
    """``expected``, ``present``, ``excused`` or ``absent``, when written."""
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Participants:
    """The ``participants:`` block: who is invited, with roles and attendance."""

    people: tuple[Participant, ...]
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Table:
    """A ``table:`` block: its header row and its rows, each cell a line of rich text."""

    header: tuple[RichText, ...]
    rows: tuple[tuple[RichText, ...], ...]
    span: Span = field(default=NO_SPAN, compare=False)


@dataclass(frozen=True, slots=True)
class Annex:
    """One annex: its label (``A``, ``1``, ``AA``) and its title, which may hold a reference or a link."""

    label: str
    title: RichText
    span: Span = field(default=NO_SPAN, compare=False)
    translations: tuple[Translation, ...] = ()


@dataclass(frozen=True, slots=True)
class Annexes:
    """The ``annexes:`` block: the documents annexed to the agenda, each with its label."""

    annexes: tuple[Annex, ...]
    span: Span = field(default=NO_SPAN, compare=False)


Entry = Item | NextMeetings | TextBlock | Group | Participants | Annexes | Table
"""What the body of an agenda or a group is made of, in source order."""


def _items(body: tuple[Entry, ...]) -> tuple[Item, ...]:
    out: list[Item] = []
    stack = list(reversed(body))
    while stack:
        entry = stack.pop()
        if isinstance(entry, Item):
            out.append(entry)
        elif isinstance(entry, Group):
            stack.extend(reversed(entry.body))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote's text, written ``[^1]: text`` on a line of its own at the top level."""

    label: str
    text: RichText
    span: Span = field(default=NO_SPAN, compare=False)
    translations: tuple[Translation, ...] = ()


@dataclass(frozen=True, slots=True)
class Agenda:
    """A whole agenda: the header, then its body in source order: top-level items, groups, text
    blocks and the next-meetings block; and its footnotes."""

    meeting: Meeting
    body: tuple[Entry, ...] = ()
    comments: tuple[Comment, ...] = field(default=(), compare=False)
    footnotes: tuple[Footnote, ...] = ()
    right_to_left: bool = field(default=False, compare=False)
    """Whether the text has letters of a right-to-left script (Hebrew, Arabic, ...), which a PDF
    must set with the bidirectional algorithm; found once in the source, not in every node."""
    scripts: frozenset[str] = field(default=frozenset(), compare=False)
    """The scripts of its letters beyond Latin, Greek and Cyrillic, by the first word of their
    Unicode names (``BENGALI``, ``CJK``, ``TAMIL``): the fonts a PDF needs (language/scripts.py)."""
    _entries: tuple[Entry, ...] | None = field(default=None, init=False, compare=False, repr=False)
    """``groups_and_body()``, kept once walked: the checks and the view ask for it some forty times,
    and each walk of a 200,000-item agenda took 30 ms."""
    _top_items: tuple[Item, ...] | None = field(default=None, init=False, compare=False, repr=False)
    """``items``, kept once gathered (40 ms at 200,000 items; the JSON export alone asks three times)."""

    @property
    def items(self) -> tuple[Item, ...]:
        """The top-level items, those under headings included: numbering runs across headings."""
        if self._top_items is not None:
            return self._top_items
        if not any(isinstance(entry, Group) for entry in self.body):
            items = tuple(entry for entry in self.body if isinstance(entry, Item))
        else:
            items = _items(self.body)
        object.__setattr__(self, "_top_items", items)  # the agenda is immutable: so are its items
        return items

    @property
    def next_meetings(self) -> tuple[NextMeeting, ...]:
        return tuple(m for entry in self.groups_and_body() if isinstance(entry, NextMeetings) and not entry.past
                     for m in entry.meetings)

    @property
    def past_meetings(self) -> tuple[NextMeeting, ...]:
        return tuple(m for entry in self.groups_and_body() if isinstance(entry, NextMeetings) and entry.past
                     for m in entry.meetings)

    @property
    def groups(self) -> tuple[Group, ...]:
        """Every group, subgroups included, in document order."""
        return tuple(entry for entry in self.groups_and_body() if isinstance(entry, Group))

    def groups_and_body(self) -> tuple[Entry, ...]:
        """Every entry of the body, descending into groups, in document order."""
        if self._entries is not None:
            return self._entries
        out: list[Entry] = []
        stack = list(reversed(self.body))
        while stack:
            entry = stack.pop()
            out.append(entry)
            if isinstance(entry, Group):
                stack.extend(reversed(entry.body))
        entries = tuple(out)
        object.__setattr__(self, "_entries", entries)  # the agenda is immutable: so is its walk
        return entries


def walk(items: tuple[Item, ...]) -> list[tuple[Item, int]]:
    """Every item with its depth (1 = top level), in document order, without recursion."""
    out: list[tuple[Item, int]] = []
    stack = [(item, 1) for item in reversed(items)]
    pop, push, add = stack.pop, stack.extend, out.append
    while stack:
        pair = pop()
        add(pair)
        children = pair[0].children
        if children:  # most items have none: no generator made for them
            deeper = pair[1] + 1
            push([(child, deeper) for child in reversed(children)])
    return out
