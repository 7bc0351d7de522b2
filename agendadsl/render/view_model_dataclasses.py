"""The view model: the format-neutral classes every template receives (documented in
docs/templates.md). render/view.py builds them from an agenda.

The view's classes are built once per output and never changed, but they are not ``frozen``
dataclasses: a frozen dataclass sets each field through ``object.__setattr__``, which made making
an ItemView four times as slow (10 us against 2.4 us, a sixth of the time to render 10,000 items
to HTML). They compare and hash by value as before.

These are the definitions: support/write_plain_classes.py writes them out as plain classes into
view_model.py, which is what the package imports (``@dataclass`` would compile each class's
methods on every start: 8 ms of a cold render for these 19 classes).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class View(enum.Enum):
    PUBLIC = "public"  # the published agenda: its text and '>' notes
    ANNOTATED = "annotated"  # with the '>>' annotations too
    INTERNAL = "internal"  # a run sheet: internal items and '!' notes too


def _plain_run(segments: tuple[Segment, ...]) -> str | None:
    """The text of ``segments`` when they are one run of plain text in the output's language."""
    if len(segments) != 1:
        return "" if not segments else None
    only = segments[0]
    return only.text if only.kind == "text" and only.lang is None else None


@dataclass(slots=True, unsafe_hash=True)
class Segment:
    """A run of inline text: plain ``text``, a document reference (``url`` when linkable), a
    ``link`` (``url``), a cross-reference (``text`` is the target's number, ``href`` its anchor),
    or a ``footnote`` marker (``text`` its number, ``href`` the note's anchor, ``parts`` its text,
    for formats that print the note where it is marked)."""

    kind: str
    text: str
    url: str | None = None
    href: str | None = None
    parts: tuple[Segment, ...] = ()
    id: str | None = None
    """The anchor of a footnote's first marker, which the note links back to."""
    lang: str | None = None
    """The language of a text that has no translation into the output's language, shown as
    written (None: the output's own language)."""


@dataclass(slots=True, unsafe_hash=True)
class FootnoteView:
    """A footnote, numbered in the order of its first marker."""

    number: str
    id: str
    parts: tuple[Segment, ...]


@dataclass(slots=True, unsafe_hash=True)
class DatesView:
    """A meeting's or heading's dates: as one text, and their first and last day."""

    text: str
    start: str | None
    end: str | None

    @property
    def is_range(self) -> bool:
        return self.end is not None and self.end != self.start


@dataclass(slots=True, unsafe_hash=True)
class RefView:
    """A document reference: its label, its link (None when the series has no URL) and date."""

    text: str
    url: str | None
    date: str | None = None
    """The document's date, as the output language writes it (``of 3 November 2025`` in the source)."""


@dataclass(slots=True, unsafe_hash=True)
class CitedRefView:
    """A reference in the list of documents, with the numbers of the items that cite it."""

    ref: RefView
    items: tuple[str, ...]


@dataclass(slots=True, unsafe_hash=True)
class DocumentSeriesView:
    """The references of one declared series (``name``), or of none (``name`` None), in the order
    the agenda first cites them."""

    name: str | None
    refs: tuple[CitedRefView, ...]


@dataclass(slots=True, unsafe_hash=True)
class DocGroupView:
    """One ``@docs`` line: its label as written (None: the wording's "Documents") and references."""

    label: str | None
    refs: tuple[RefView, ...]


@dataclass(slots=True, unsafe_hash=True)
class NoteView:
    """``kind`` is note, annotation, internal or bullet; ``lines`` are lists of segments, one per
    source line (templates keep the line breaks); a bullet's ``children`` are the bullets under it."""

    kind: str
    lines: tuple[tuple[Segment, ...], ...]
    children: tuple[NoteView, ...] = ()
    status: str | None = None
    """For an action item (kind ``bullet``): its status in the output language ("open", "done")."""
    done: bool = False
    owner: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class HeadingView:
    """A group heading: a day, a sitting, a time slot or a part. ``when`` is its date and time as
    the output language writes them; ``is_break`` a heading with a time and nothing under it (no
    item, no text)."""

    level: int
    id: str
    title: tuple[Segment, ...]
    plain_title: str
    when: str | None
    dates: DatesView | None
    time: str | None
    place: str | None
    kind: str | None
    session_label: str | None
    notes: tuple[NoteView, ...]
    is_break: bool
    numbering: str | None = None
    """``@numbering``: the example the items under it are numbered by, as written (``A.``,
    ``as written``); for formats whose lists count by themselves (Word)."""

    @property
    def text(self) -> str:
        """The heading as one line of text: its title, date and time."""
        return ", ".join(p for p in (self.plain_title, self.when) if p)


@dataclass(slots=True, unsafe_hash=True)
class ItemView:
    """An item as the templates show it: its number, title, details, notes and sub-items."""

    number: str | None
    id: str
    depth: int
    title: tuple[Segment, ...]
    plain_title: str
    title_text: str | None = None
    """The title when it is one run of plain text in the output's language (as ``title`` would
    print it), as most titles are: templates print it without going through its segments. None
    when the title has anything else (a reference, a link, a footnote, another language)."""
    time: str | None = None
    duration: str | None = None
    presenter: str | None = None
    """Every presenter on one line, with their roles (``Rapporteur: Ms X; Mr Y``)."""
    presenters: tuple[str, ...] = ()
    """Each presenter as shown: ``Rapporteur: Ms X``, or the wording's ``Presenter: Mr Y``."""
    details: tuple[str, ...] = ()
    """What the item's line of details shows, in this order: its time, duration, action, session,
    status, documents state, then each presenter; those it does not have left out."""
    fields: tuple[tuple[str, str], ...] = ()
    """The item's fields of the writer's own, (name, value), in the order written."""
    action: str | None = None
    status: str | None = None
    status_label: str | None = None
    documents_label: str | None = None
    """``@documents available`` or ``to follow``, in the output language."""
    session: str | None = None
    session_label: str | None = None
    internal: bool = False
    documents: tuple[RefView, ...] = ()
    document_groups: tuple[DocGroupView, ...] = ()
    """The ``@docs`` lines, each with its label; ``documents`` has all their references."""
    notes: tuple[NoteView, ...] = ()
    children: tuple[ItemView, ...] = ()
    change: str | None = None
    """With --changes-since: added, removed, moved, renumbered, retitled, changed or withdrawn."""
    old_number: str | None = None
    """With --changes-since: the number the item had, when it changed."""
    number_label: str | None = None
    """``number label:`` (top-level items only): the words printed before the number."""
    numbering: str | None = None
    """``@numbering``: the example its sub-items are numbered by, as written (``I.1``, ``(a)``,
    ``as written``); for formats whose lists count by themselves (Word)."""

    @property
    def withdrawn(self) -> bool:
        return self.status == "withdrawn"

    @property
    def shown_number(self) -> str | None:
        """The number as the item's line prints it: "Item No. 3" under ``number label: Item No.``
        (the number's final dot dropped after words), else the number."""
        if self.number and self.number_label:
            return f"{self.number_label} {self.number.removesuffix('.')}"
        return self.number


@dataclass(slots=True, unsafe_hash=True)
class NextMeetingView:
    """A next or past meeting. ``remark`` is rich text (a past meeting's minutes are often a link);
    ``remark_text`` is the same as plain text, for formats without links."""

    dates: DatesView
    place: str | None
    kind: str | None
    tbc_note: str | None
    tentative: bool
    remark: tuple[Segment, ...] | None
    remark_text: str | None = None
    host: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class TableView:
    """A ``table:`` block: its header cells and rows, each cell a list of Segment, every row as
    wide as the widest; ``weights`` is the length of the longest text of each column (3 to 40),
    for formats that share the line's width between the columns."""

    header: tuple[tuple[Segment, ...], ...]
    rows: tuple[tuple[tuple[Segment, ...], ...], ...]
    weights: tuple[int, ...]


@dataclass(slots=True, unsafe_hash=True)
class AnnexView:
    """An annex: its label, its anchor (``annex-A``) and its title."""

    label: str
    id: str
    title: tuple[Segment, ...]


@dataclass(slots=True, unsafe_hash=True)
class ParticipantView:
    """A participant; ``voting`` and ``attendance`` in the words of the output language."""

    name: str
    role: str | None
    affiliation: str | None
    voting: str | None
    attendance: str | None


@dataclass(slots=True, unsafe_hash=True)
class ChangeView:
    """One line of the summary of changes of a revised agenda."""

    kind: str
    label: str
    number: str
    title: str


@dataclass(slots=True, unsafe_hash=True)
class MeetingView:
    """The header: who meets, where, when, and the document's own fields."""

    body: str | None
    title: str | None
    heading: str | None
    heading_title: str | None
    kind: str | None
    platform: str | None
    place: str | None
    dates: DatesView | None
    time: str | None
    reference: RefView | None
    status: str | None
    banner: str | None
    document_title: str | None = None
    chair: str | None = None
    host: str | None = None
    contact: str | None = None
    issued: DatesView | None = None
    issued_time: str | None = None
    issued_in: str | None = None
    """``issued in:``: the place of the place-and-date line under the reference."""
    distribution: str | None = None
    distribution_label: str | None = None
    original: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    """The writer's own header fields, (name, value), in the order of the header."""
    local_times: tuple[tuple[str, str], ...] = ()
    """``local times:``, (place, the meeting's date and time there) in the output language."""
    langs: dict[str, str] | None = None
    """The language of each text field (``body``, ``title``, ``document_title``, ``place``) shown
    untranslated, as written, when the output is in another language."""
    numbering: tuple[str, ...] = ()
    """``numbering:``: the example of each level, as written (``1.``, ``1.1``; ``as written``)."""


@dataclass(slots=True, unsafe_hash=True)
class Block:
    """One entry of the agenda's body in source order: an item, a heading, text that is not an
    item (``notes``), or a next- or past-meetings list. Groups are flattened: a heading block, then what
    the group holds."""

    type: str
    item: ItemView | None = None
    meetings: tuple[NextMeetingView, ...] = ()
    heading: HeadingView | None = None
    notes: tuple[NoteView, ...] = ()
    participants: tuple[ParticipantView, ...] = ()
    annexes: tuple[AnnexView, ...] = ()
    columns: tuple[str, ...] = ()
    """For a meetings list: the columns some meeting fills (of place, kind, host, remark); what is
    still to be confirmed goes in the remark's column."""
    table: TableView | None = None


@dataclass(slots=True, unsafe_hash=True)
class Run:
    """Consecutive top-level items (``type`` "items"), a heading ("heading"), text ("text"), or
    a next- or past-meetings list ("next_meetings", "past_meetings")."""

    type: str
    items: tuple[ItemView, ...] = ()
    meetings: tuple[NextMeetingView, ...] = ()
    heading: HeadingView | None = None
    notes: tuple[NoteView, ...] = ()
    participants: tuple[ParticipantView, ...] = ()
    annexes: tuple[AnnexView, ...] = ()
    columns: tuple[str, ...] = ()
    table: TableView | None = None

    @property
    def flat_items(self) -> list[ItemView]:
        """Every item of the run and its descendants in document order; each carries its depth.
        For formats that show nesting by indentation rather than by nested elements."""
        out: list[ItemView] = []
        stack = list(reversed(self.items))
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(reversed(item.children))
        return out


@dataclass(slots=True, unsafe_hash=True)
class AgendaView:
    """What every template receives: the meeting, the body in source order, the labels in the
    output's language, and what the chosen view shows."""

    language: str
    view: str
    labels: dict[str, str]
    meeting: MeetingView
    blocks: tuple[Block, ...]
    title: str
    changes: tuple[ChangeView, ...] = ()
    changes_since: str | None = None
    footnotes: tuple[FootnoteView, ...] = ()
    """The footnotes marked in what this view shows, in the order of their numbers."""
    documents: tuple[DocumentSeriesView, ...] = ()
    """With ``list of documents: yes``: every reference the shown items cite, by series."""
    anchors: str = ""
    """The prefix of every anchor of this view (the right column of a bilingual agenda: ``fr-``)."""
    tex_languages: dict[str, str] | None = None
    """When the output's language is not the agenda's own: the LaTeX (babel) name of both, from
    each wording file's ``tex`` entry ({"fr": "french", "en": "english"}), the output's first."""
    right_to_left: bool = False
    """Whether the agenda has text in a right-to-left script (Hebrew, Arabic, ...)."""
    scripts: frozenset[str] = frozenset()
    """The scripts of the agenda's letters beyond Latin, Greek and Cyrillic, by the first word of
    their Unicode names (``BENGALI``, ``TAMIL``): for a format that needs a font for each."""

    @property
    def items(self) -> tuple[ItemView, ...]:
        return tuple(block.item for block in self.blocks if block.item is not None)

    @property
    def runs(self) -> tuple[Run, ...]:
        """The body as runs of consecutive items and next-meetings lists, for lists that must
        be closed before the next-meetings section and reopened after it."""
        runs: list[Run] = []
        items: list[ItemView] = []  # the run being gathered: one tuple at its end, not one per item
        for block in self.blocks:
            if block.item is not None:
                items.append(block.item)
                continue
            if items:
                runs.append(Run("items", tuple(items)))
                items = []
            if block.type in ("next_meetings", "past_meetings"):
                runs.append(Run(block.type, meetings=block.meetings, columns=block.columns))
            else:
                runs.append(Run(block.type, heading=block.heading, notes=block.notes,
                                participants=block.participants, annexes=block.annexes, table=block.table))
        if items:
            runs.append(Run("items", tuple(items)))
        return tuple(runs)
