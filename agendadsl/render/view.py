"""The format-neutral view of an agenda that every template receives (documented in docs/templates.md).

Everything a template shows is computed here once, in the agenda's language: display numbers,
dates, labels, links, what the chosen view (public, annotated, internal) includes. Templates only
lay it out; escaping is the job of each format's Jinja environment.

The view's classes are defined in view_model_dataclasses.py (view_model.py is written from it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar, cast

from ..language import docrefs
from ..language.dates import local_times
from ..language.nodes import (
    Agenda,
    Annexes,
    AnnexRef,
    Bullet,
    DateRange,
    DocRef,
    Entry,
    FieldTranslation,
    FootnoteRef,
    Group,
    Item,
    Link,
    NextMeeting,
    NextMeetings,
    Note,
    Participants,
    Presenter,
    RichText,
    Table,
    Text,
    TextBlock,
    TimeSlot,
    Translation,
    Visibility,
    walk,
)
from ..language.resolution import Resolution, resolve
from . import cldr
from .localise import Locale, locale
from .view_model import (
    AgendaView,
    AnnexView,
    Block,
    ChangeView,
    CitedRefView,
    DatesView,
    DocGroupView,
    DocumentSeriesView,
    FootnoteView,
    HeadingView,
    ItemView,
    MeetingView,
    NextMeetingView,
    NoteView,
    ParticipantView,
    RefView,
    Segment,
    TableView,
    View,
    _plain_run,
)

if TYPE_CHECKING:
    from pathlib import Path

    from ..edit.changes import Comparison


def build(agenda: Agenda, *, view: View = View.PUBLIC, language: str | None = None,
          since: tuple[str, Agenda] | None = None, templates: Path | None = None, anchors: str = "") -> AgendaView:
    """The view of ``agenda`` for one output, in ``language`` (default: the header's): its texts in
    their translation into that language where they have one. With ``since`` (a name and an earlier
    version), a revised agenda: changes marked and summarised. ``templates``: a house style, whose
    ``i18n/`` wording comes before the shipped one. ``anchors``: a prefix for every anchor, for a
    second view on the same page (the other column of a bilingual agenda)."""
    written = agenda.meeting.language.value if agenda.meeting.language else None
    loc = locale(language or written, templates)
    builder = _Builder(agenda, view, loc, since, anchors)
    own = written or "en"
    if language is not None and _primary(language) != _primary(own):
        builder.translated = True
        builder.foreign = own
        builder.publish = language
    built = builder.build()
    if builder.foreign is None:  # one language throughout: nothing to mark
        return built
    names = {code: locale(code, templates).data["locale"].get("tex") for code in (loc.code, own)}
    return replace(built, tex_languages={code: name for code, name in names.items() if name})


def _primary(code: str) -> str:
    """A language code's language, without its region or script: ``en-GB`` -> ``en``."""
    return code.lower().replace("_", "-").split("-")[0]


_Translated = TypeVar("_Translated", Translation, FieldTranslation)


def _in_language(translations: Sequence[_Translated], wanted: str) -> _Translated | None:
    """The translation into ``wanted`` (``fr-CH``): written with that very code, else with its
    language's (``fr``), else None."""
    exact = next((t for t in translations if t.language.lower() == wanted.lower()), None)
    return exact or next((t for t in translations if _primary(t.language) == _primary(wanted)), None)


def _language_name(value: str, babel_locale: str) -> str:
    """``en`` as the output language names it ("English", "anglais"); a name is kept as written."""
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value):
        return value
    return cldr.language_name(value.replace("-", "_"), babel_locale) or value


_NOT_SLUG = re.compile(r"[^A-Za-z0-9]+")


def _slug(text: str) -> str:
    core = text.removesuffix(".")
    if core.isascii() and core.isalnum():  # most numbers ("12." -> "12"): what the pattern would make
        return core
    return _NOT_SLUG.sub("-", text).strip("-") or "x"


def _title_only(item: Item) -> bool:
    """Whether ``item`` shows its number and a title of one run of text and nothing else: no
    reference or link in its title, no attribute, note or sub-item (most items of a long list)."""
    parts = item.title.parts
    return (len(parts) == 1 and parts[0].__class__ is Text
            and not item.children and not item.notes and item.time is None and item.duration is None
            and not item.presenters and not item.actions and item.status is None and item.session is None
            and item.visibility is None and not item.documents and not item.document_groups
            and item.documents_state is None and not item.fields and item.child_numbering is None)


class _Builder:
    def __init__(self, agenda: Agenda, view: View, loc: Locale, since: tuple[str, Agenda] | None = None,
                 anchors: str = "") -> None:
        self.agenda = agenda
        self.anchors = anchors
        self.view = view
        self.loc = loc
        self.resolution: Resolution = resolve(agenda)
        self.number_label = agenda.meeting.number_label.value if agenda.meeting.number_label else None
        self.since = since
        self.comparison: Comparison | None = None
        self.after: dict[int, list[Item]] = {}  # id(new item) -> removed items shown after it
        self.first: dict[int, list[Item]] = {}  # id(new item) -> removed items shown as its first children
        self.top: list[Item] = []  # removed top-level items shown before everything
        if since is not None:
            self._place_removed(since[1])
        self.ids: dict[int, str] = {}
        used: set[str] = set()
        suffixes: dict[str, int] = {}
        self.labelled: dict[str, Item] = {}
        numbers, ids = self.resolution.numbers, self.ids
        for item, _ in walk(agenda.items):
            number = numbers.get(id(item))
            if item.label is not None:
                self.labelled[item.label.value] = item
                base = "item-" + _slug(item.label.value)
            elif number is not None:
                base = "item-" + _slug(number)
            else:
                base = "item-" + _slug(item.title.plain.lower())[:40]
            if base not in used:  # most anchors: their count stays where it was (2)
                used.add(base)
                ids[id(item)] = anchors + base
                continue
            # Resume each base's count where it stopped: sub-items lettered (a), (b)... under every
            # item share a few bases, and counting from 2 each time was quadratic.
            candidate, n = base, suffixes.get(base, 2)
            while candidate in used:
                candidate, n = f"{base}-{n}", n + 1
            used.add(candidate)
            suffixes[base] = n
            ids[id(item)] = anchors + candidate
        self.heading_count = 0
        self.heading_times: dict[tuple[TimeSlot, str], str] = {}
        """Each heading time as the output language writes it, by its value and its text as written
        (which names the zone): the headings of a long agenda repeat a few times (``# Sitting,
        10:00``), and Babel takes 10 us to write one."""
        self.footnote_texts = {note.label: note for note in agenda.footnotes}
        self.annex_labels = {annex.label for entry in agenda.groups_and_body() if isinstance(entry, Annexes)
                             for annex in entry.annexes}
        self.footnote_numbers: dict[str, str] = {}
        self.refs: dict[str, RefView] = {}
        """The view of each reference without a date, by its text: an agenda cites the same
        documents again and again, and finding a reference's series and URL is the slow part."""
        self.translated = False
        """Whether the output language was asked for and is not the agenda's own: headings are then
        reworded, and texts translated (set by build())."""
        self.foreign: str | None = None
        """The agenda's own language, when the output is in another: texts with no translation into
        it are shown as written, marked with this language."""
        self.publish = loc.code
        """The language the texts are published in."""

    def pick(self, lines: tuple[RichText, ...], translations: tuple[Translation, ...]
             ) -> tuple[tuple[RichText, ...], str | None]:
        """The lines of a text in the output's language (its translation, when it has one), and the
        language to mark them with when they stay in the agenda's own."""
        if self.foreign is None:
            return lines, None
        found = _in_language(translations, self.publish)
        return (found.lines, None) if found is not None else (lines, self.foreign)

    def text(self, text: RichText, translations: tuple[Translation, ...]) -> tuple[tuple[Segment, ...], str]:
        """A one-line text (a title) in the output's language: its segments and its plain text."""
        parts = text.parts
        if self.foreign is None and len(parts) == 1 and parts[0].__class__ is Text:  # most titles
            value = parts[0].value
            return (Segment("text", self.loc.typeset(value)),), value
        lines, lang = self.pick((text,), translations)
        return self.segments(lines[0], lang=lang), lines[0].plain

    def _place_removed(self, old: Agenda) -> None:
        """Decide where each removed item is shown: after the nearest earlier item that remains,
        at the removed item's own depth."""
        from ..edit.changes import compare

        self.comparison = comparison = compare(old, self.agenda)
        entries = walk(self.agenda.items)
        parents: list[Item | None] = []
        stack: list[Item] = []
        for item, depth in entries:
            del stack[depth - 1:]
            parents.append(stack[-1] if stack else None)
            stack.append(item)
        index_of = {id(item): i for i, (item, _) in enumerate(entries)}
        for removed, depth, anchor in comparison.removed:
            if anchor < 0:
                self.top.append(removed)
                continue
            item, anchor_depth = entries[anchor]
            if anchor_depth < depth:
                self.first.setdefault(id(item), []).append(removed)
                continue
            while anchor_depth > depth:
                parent = parents[index_of[id(item)]]
                if parent is None:  # cannot happen: an item deeper than the top has a parent
                    break
                item, anchor_depth = parent, anchor_depth - 1
            self.after.setdefault(id(item), []).append(removed)

    def removed(self, item: Item, depth: int) -> ItemView:
        numbers = self.comparison.old_numbers_all if self.comparison else {}
        title, plain = self.text(item.title, item.translations)
        return ItemView(number=numbers.get(id(item)),
                        id=self.anchors + "removed-" + self.ids.get(id(item), _slug(item.title.plain)).removeprefix(
                            self.anchors),
                        depth=depth, title=title, plain_title=plain, change="removed",
                        children=tuple(self.removed(child, depth + 1) for child in item.children))

    def build(self) -> AgendaView:
        meeting = self.meeting()
        blocks = [Block("item", item=self.removed(item, 1)) for item in self.top]
        self.entries(self.agenda.body, blocks)
        labels = {key: self.loc.typeset(value) for key, value in self.loc.data["labels"].items()}
        title = " – ".join(p for p in (meeting.body, labels["agenda"]) if p)  # noqa: RUF001 (typographic dash)
        documents = self.documents(tuple(b.item for b in blocks if b.item is not None)) \
            if self.agenda.meeting.documents_list is not None and self.agenda.meeting.documents_list.value else ()
        return AgendaView(self.loc.code, self.view.value, labels, meeting, tuple(blocks), title,
                          self.change_summary(), self.since[0] if self.since else None, self.footnotes(), documents,
                          anchors=self.anchors,
                          right_to_left=self.agenda.right_to_left or bool(self.since and self.since[1].right_to_left),
                          scripts=self.agenda.scripts | (self.since[1].scripts if self.since else frozenset()))

    def documents(self, items: tuple[ItemView, ...]) -> tuple[DocumentSeriesView, ...]:
        """The list of documents: each reference the shown items cite (in their titles, text and
        @docs), grouped by declared series in the header's order, references of no series last."""
        cited: dict[str, tuple[RefView, list[str]]] = {}
        stack = list(reversed(items))
        while stack:
            item = stack.pop()
            if item.change == "removed":
                continue
            found = [RefView(s.text, s.url) for s in item.title if s.kind == "docref"]
            found += [ref for group in item.document_groups for ref in group.refs] or list(item.documents)
            notes = list(item.notes)
            while notes:
                note = notes.pop(0)
                found += [RefView(s.text, s.url) for line in note.lines for s in line if s.kind == "docref"]
                notes.extend(note.children)
            for ref in found:
                entry = cited.setdefault(ref.text, (ref, []))
                if ref.date and not entry[0].date:
                    cited[ref.text] = entry = (ref, entry[1])
                number = item.number.removesuffix(".") if item.number else None  # "items 2, 2.1"
                if number and number not in entry[1]:
                    entry[1].append(number)
            stack.extend(reversed(item.children))
        series = self.agenda.meeting.series
        groups: dict[str | None, list[CitedRefView]] = {s.name: [] for s in series}
        groups[None] = []
        for text, (ref, numbers) in cited.items():
            owner = docrefs.series_of(DocRef(text), series)
            groups[owner.name if owner else None].append(CitedRefView(ref, tuple(numbers)))
        return tuple(DocumentSeriesView(name, tuple(refs)) for name, refs in groups.items() if refs)

    def entries(self, body: tuple[Entry, ...], blocks: list[Block]) -> None:
        for entry in body:
            if isinstance(entry, Item):
                item = self.item(entry, 1)
                if item is not None:
                    blocks.append(Block("item", item))
                if self.after and id(entry) in self.after:  # a revised agenda's removed items
                    blocks.extend(Block("item", item=self.removed(gone, 1)) for gone in self.after[id(entry)])
            elif isinstance(entry, NextMeetings):
                meetings = tuple(self.next_meeting(m) for m in entry.meetings)
                columns = tuple(name for name in ("place", "kind", "host", "remark")
                                if any(getattr(m, name) or (name == "remark" and m.tbc_note) for m in meetings))
                blocks.append(Block("past_meetings" if entry.past else "next_meetings", meetings=meetings,
                                    columns=columns))
            elif isinstance(entry, TextBlock):
                notes = self.note_views(entry.parts)
                if notes:
                    blocks.append(Block("text", notes=notes))
            elif isinstance(entry, Annexes):
                blocks.append(Block("annexes", annexes=tuple(
                    AnnexView(a.label, f"{self.anchors}annex-{a.label}", self.text(a.title, a.translations)[0])
                    for a in entry.annexes)))
            elif isinstance(entry, Table):
                blocks.append(Block("table", table=self.table(entry)))
            elif isinstance(entry, Participants):
                word = self.loc.word_or_written
                blocks.append(Block("participants", participants=tuple(
                    ParticipantView(p.name, p.role, p.affiliation,
                                    word("participation", p.voting) if p.voting else None,
                                    word("participation", p.attendance) if p.attendance else None)
                    for p in entry.people)))
            else:
                blocks.append(Block("heading", heading=self.heading(entry)))
                self.entries(entry.body, blocks)

    def heading(self, group: Group) -> HeadingView:
        """In the agenda's own language the heading reads as written, followed by what its
        attributes add; in another language, its title without the date and time it gave, then
        that date and time as the output language writes them."""
        loc = self.loc
        dates = self.dates(group.dates)
        time = self.heading_time(group.time) if group.time is not None else None
        lang = None
        if self.translated:
            name = group.name if group.name is not None else group.title
            lines, lang = self.pick((name,), tuple(
                replace(t, lines=(t.name,)) if t.name is not None else t for t in group.translations))
            name = lines[0]
            shown = (dates.text if dates else None, time)
        else:
            name = group.title
            shown = (dates.text if dates and "dates" not in group.from_heading else None,
                     time if "time" not in group.from_heading else None)
        when = ", ".join(p for p in shown if p) or None
        self.heading_count += 1
        return HeadingView(
            level=group.level, id=f"{self.anchors}part-{self.heading_count}", title=self.segments(name, lang=lang),
            plain_title=name.plain, when=when, dates=dates, time=time,
            place=group.place.value if group.place else None,
            kind=loc.word("kind", group.kind.value.value) if group.kind else None,
            session_label=loc.word("session", group.session.value.value) if group.session else None,
            notes=self.note_views(group.notes),
            is_break=group.is_break or (not group.body and not group.notes and group.time is not None),
            numbering=group.child_numbering.value if group.child_numbering else None)

    def presenter_text(self, presenter: Presenter) -> str:
        """``Rapporteur: Ms X`` for a presenter with a role, else the wording's ``Presenter: Mr Y``."""
        if presenter.role:
            return f"{presenter.role}: {presenter.name}"
        return self.loc.label("presenter", name=presenter.name)

    def heading_time(self, slot: TimeSlot) -> str:
        """time_text(), once for each time the headings give."""
        key = (slot, slot.text)  # a slot's equality leaves out its text, from which the zone is written
        found = self.heading_times.get(key)
        if found is None:
            found = self.heading_times[key] = self.time_text(slot)
        return found

    def time_text(self, slot: TimeSlot) -> str:
        """A time or a slot, as the output language writes it (approximate, open, several slots)."""
        return self.loc.times(slot)

    def change_summary(self) -> tuple[ChangeView, ...]:
        """One line per change: its kind, number and title, what changed in brackets; a renumbering
        as its range and cause ("I.3-I.6 → I.2-I.5 after the removal of I.2")."""
        if self.comparison is None:
            return ()
        from . import change_words as words  # with the diff's change types: only a revised agenda's

        out: list[ChangeView] = []
        for change in self.comparison.changes:
            detail = "; ".join(text for text, _ in words.details(self.loc, change))
            title = words.headline(self.loc, change)
            out.append(ChangeView(change.kind, words.kind(self.loc, change), words.number(self.loc, change),
                                  f"{title} ({detail})" if detail else title))
        return tuple(out)

    # ------------------------------------------------------------------ header
    def dates(self, dates: DateRange | None) -> DatesView | None:
        return None if dates is None else self.date_range(dates)

    def date_range(self, dates: DateRange) -> DatesView:
        first, last = dates.start.to_date(), dates.last.to_date()
        return DatesView(self.loc.dates(dates), first.isoformat() if first else None,
                         last.isoformat() if last and dates.end is not None else None)

    def ref(self, ref: DocRef) -> RefView:
        if ref.date is None:  # most references: their view depends on their text alone
            found = self.refs.get(ref.text)
            if found is None:
                found = self.refs[ref.text] = RefView(ref.text, docrefs.link(ref, self.agenda.meeting.series)[1])
            return found
        return RefView(ref.text, docrefs.link(ref, self.agenda.meeting.series)[1], self.loc.dates(ref.date))

    def field(self, key: str, value: str | None, langs: dict[str, str]) -> str | None:
        """A header text field in the output's language: its translation, else as written (its
        language then noted in ``langs``)."""
        if value is None:
            return None
        if self.foreign is None:
            return self.loc.typeset(value)
        chosen = _in_language([t for t in self.agenda.meeting.translations if t.key == key], self.publish)
        if chosen is not None:
            return self.loc.typeset(chosen.value)
        langs[key] = self.foreign
        return value

    def meeting(self) -> MeetingView:
        m = self.agenda.meeting
        langs: dict[str, str] = {}
        dates = self.dates(m.dates)
        kind = self.loc.word("kind", m.kind.value.value) if m.kind else None
        title = self.field("meeting", m.title.value if m.title else None, langs)
        heading_title = title or kind
        heading = (self.loc.label("heading", title=heading_title, date=dates.text) if heading_title and dates
                   else heading_title or (dates.text if dates else None))
        time = self.time_text(m.time) if m.time is not None else None
        status = banner = None
        if m.status is not None:
            parts = []
            if m.status.stage is not None:
                parts.append(self.loc.word("stage", m.status.stage.value))
            if m.status.revision is not None:
                parts.append(self.loc.label("revision", n=str(m.status.revision)))
            status = " ".join(parts)
            banner = status if (m.status.stage is None or m.status.stage.value not in ("adopted", "final")) else None
        if m.status is not None and m.status.words:
            status = " ".join(p for p in (status, m.status.words) if p)
            banner = status if banner is not None or m.status.stage is None else banner
        distribution = m.distribution.value.value if m.distribution else None
        text = {key: self.field(key, attr.value if attr else None, langs) for key, attr in (
            ("body", m.body), ("title", m.document_title), ("place", m.place), ("platform", m.platform),
            ("chair", m.chair), ("host", m.host), ("contact", m.contact), ("issued_in", m.issued_in))}
        if "meeting" in langs:
            langs["heading"] = langs["meeting"]
        return MeetingView(
            body=text["body"], title=title, heading=heading,
            heading_title=heading_title,
            kind=kind,
            platform=text["platform"],
            place=text["place"],
            dates=dates, time=time, reference=self.ref(m.reference) if m.reference else None,
            status=status, banner=banner,
            document_title=text["title"],
            chair=text["chair"], host=text["host"],
            contact=text["contact"], issued=self.dates(m.issued),
            issued_time=self.time_text(m.issued_time) if m.issued_time is not None else None,
            issued_in=text["issued_in"],
            distribution=distribution,
            distribution_label=self.loc.word("distribution", distribution) if distribution else None,
            original=_language_name(m.original.value, self.loc.babel) if m.original else None,
            fields=tuple((f.name, self.field(f.name, f.value, langs) or "") for f in m.custom),
            local_times=self.local_times(), langs=langs, numbering=tuple(example.value for example in m.numbering))

    def local_times(self) -> tuple[tuple[str, str], ...]:
        """Each place of ``local times:`` with the meeting's start (and end) on its clock."""
        return tuple((place.label or self.loc.city(place.zone) or place.written, self.loc.local_time(start, end))
                     for place, start, end in local_times(self.agenda.meeting) if start is not None)

    def table(self, table: Table) -> TableView:
        width = max(len(row) for row in (table.header, *table.rows))
        grid = [[*row, *(RichText(()),) * (width - len(row))] for row in (table.header, *table.rows)]
        weights = tuple(min(40, max(3, *(len(row[i].plain) for row in grid))) for i in range(width))
        cells = tuple(tuple(self.segments(cell) for cell in row) for row in grid)
        return TableView(cells[0], cells[1:], weights)

    # ------------------------------------------------------------------ items
    def segments(self, text: RichText, *, verbatim: bool = False, lang: str | None = None) -> tuple[Segment, ...]:
        """The parts of a line of text for a template; its text spaced by the output language's
        rules, unless it is kept as written (``|``) or left in another language (``lang``)."""
        out = []
        parts = text.parts
        for index, part in enumerate(parts):
            if isinstance(part, Text):
                kept = verbatim or lang is not None
                out.append(Segment("text", part.value if kept else self.loc.typeset(part.value), lang=lang))
            elif isinstance(part, DocRef):
                ref = self.ref(part)
                out.append(Segment("docref", ref.text, url=ref.url))
            elif isinstance(part, Link):
                out.append(Segment("link", part.text, url=part.url))
            elif isinstance(part, FootnoteRef):
                out.append(self.footnote_marker(part.label))
            elif isinstance(part, AnnexRef):
                shown = self.loc.label("annex", label=part.label)
                out.append(Segment("xref", shown, href=f"#{self.anchors}annex-{part.label}")
                           if part.label in self.annex_labels
                           else Segment("text", shown))
            else:
                target = self.labelled.get(part.label)
                number = self.resolution.number_of(target) if target is not None else None
                if target is None:
                    out.append(Segment("text", "{" + part.label + "}"))
                else:
                    # The target's plain title only: a title may refer to its own item.
                    shown = number or self.pick((target.title,), target.translations)[0][0].plain
                    after = parts[index + 1] if index + 1 < len(parts) else None
                    if shown.endswith(".") and isinstance(after, Text) and after.value.startswith("."):
                        shown = shown[:-1]  # "see item {adoption}." ends its sentence with one dot: "1."
                    hidden = (target.visibility is not None and target.visibility.value is Visibility.INTERNAL
                              and self.view is not View.INTERNAL)
                    out.append(Segment("text", shown) if hidden else
                               Segment("xref", shown, href="#" + self.ids[id(target)]))
        return tuple(out)

    def footnote_marker(self, label: str) -> Segment:
        """The marker of footnote ``label``: numbered 1, 2, 3 in the order of first markers."""
        note = self.footnote_texts.get(label)
        if note is None:  # reported by check; shown as written
            return Segment("text", f"[^{label}]")
        first = label not in self.footnote_numbers
        if first:
            self.footnote_numbers[label] = str(len(self.footnote_numbers) + 1)
        number = self.footnote_numbers[label]
        return Segment("footnote", number, href=f"#{self.anchors}fn-{number}",
                       parts=self.text(note.text, note.translations)[0],
                       id=f"{self.anchors}fnref-{number}" if first else None)

    def footnotes(self) -> tuple[FootnoteView, ...]:
        """The footnotes that are marked, in the order of their numbers."""
        notes = {label: self.footnote_texts[label] for label in self.footnote_numbers}
        return tuple(FootnoteView(number, f"{self.anchors}fn-{number}",
                                  self.text(notes[label].text, notes[label].translations)[0])
                     for label, number in self.footnote_numbers.items())

    def note_views(self, notes: tuple[Note | Bullet, ...]) -> tuple[NoteView, ...]:
        """The paragraphs and bullets this view shows: '>' text always, '>>' annotations in the
        annotated agenda and the run sheet, '!' internal notes in the run sheet only."""
        out = []
        for block in notes:
            if isinstance(block, Bullet):
                out.append(self.bullet(block))
                continue
            if block.internal and self.view is not View.INTERNAL:
                continue
            if block.annotation and self.view is View.PUBLIC:
                continue
            kind = ("internal" if block.internal else "annotation" if block.annotation else
                    "verbatim" if block.verbatim else "note")
            lines, lang = self.pick(block.lines, block.translations)
            out.append(NoteView(kind, tuple(self.segments(line, verbatim=block.verbatim, lang=lang) for line in lines)))
        return tuple(out)

    def bullet(self, bullet: Bullet) -> NoteView:
        status = None
        if bullet.status is not None:
            status = self.loc.word_or_written("action_status", bullet.status)
        return NoteView("bullet", (self.text(bullet.text, bullet.translations)[0],),
                        tuple(self.bullet(c) for c in bullet.children),
                        status, bullet.status == "done", bullet.owner)

    def item(self, item: Item, depth: int) -> ItemView | None:
        if self.comparison is None and self.foreign is None and _title_only(item):
            return self.title_only(item, depth)
        internal = item.visibility is not None and item.visibility.value is Visibility.INTERNAL
        if internal and self.view is not View.INTERNAL:
            return None
        loc = self.loc
        time = self.time_text(item.time) if item.time is not None else None
        # Per item, the common case costs nothing: no removed item (only a revised agenda has
        # them), and no generator for a list the item does not have.
        first = self.first
        built: list[ItemView] = ([self.removed(gone, depth + 1) for gone in first.get(id(item), ())]
                                 if first else [])
        after = self.after
        for child in item.children:
            view = self.item(child, depth + 1)
            if view is not None:
                built.append(view)
            if after and id(child) in after:
                built.extend(self.removed(gone, depth + 1) for gone in after[id(child)])
        children = tuple(built)
        change, old_number = self._change_of(item)
        title, plain_title = self.text(item.title, item.translations)
        status = item.status.value.value if item.status else None
        session = item.session.value.value if item.session else None
        presenters = tuple(self.presenter_text(p) for p in item.presenters) if item.presenters else ()
        duration = loc.duration_value(item.duration) if item.duration else None
        action = ", ".join(loc.word("action", a.value.value) for a in item.actions) or None if item.actions else None
        status_label = loc.word("status", status) if status else None
        documents = item.documents_state
        documents_label = loc.word("documents_state", documents.value.value) if documents else None
        session_label = loc.word("session", session) if session else None
        return ItemView(
            number=self.resolution.number_of(item),
            id=self.ids[id(item)],
            depth=depth,
            title=title,
            plain_title=plain_title,
            title_text=_plain_run(title),
            time=time,
            duration=duration,
            presenter="; ".join(presenters) or None,
            presenters=presenters,
            details=tuple(filter(None, (time, duration, action, session_label, status_label, documents_label,
                                        *presenters))),
            action=action,
            fields=tuple((custom.name, custom.value) for custom in item.fields) if item.fields else (),
            status=status,
            status_label=status_label,
            documents_label=documents_label,
            session=session,
            session_label=session_label,
            internal=internal,
            documents=tuple(self.ref(ref) for ref in item.documents) if item.documents else (),
            document_groups=tuple(DocGroupView(g.label, tuple(self.ref(ref) for ref in g.refs))
                                  for g in item.document_groups) if item.document_groups else (),
            notes=self.note_views(item.notes) if item.notes else (),
            children=children,
            change=change,
            old_number=old_number,
            number_label=self.number_label if depth == 1 else None,
            numbering=item.child_numbering.value if item.child_numbering else None,
        )

    def title_only(self, item: Item, depth: int) -> ItemView:
        """What item() makes of an item with a number and a title of one run of text and nothing
        else, in the agenda's own language, outside a revised agenda: the fields it leaves at their
        defaults are not passed. Per item, 27 keyword arguments cost more than all the rest (0.45 s
        for 200,000 items, against 0.08 s)."""
        value = cast(Text, item.title.parts[0]).value  # one run of text: what text() and _plain_run() make of it
        shown = self.loc.typeset(value)
        key = id(item)
        return ItemView(self.resolution.numbers.get(key), self.ids[key], depth, (Segment("text", shown),), value,
                        shown, number_label=self.number_label if depth == 1 else None)

    _PRIORITY = ("added", "withdrawn", "retitled", "changed", "moved", "renumbered")

    def _change_of(self, item: Item) -> tuple[str | None, str | None]:
        """The change to mark on an item of a revised agenda, and its former number if it had another."""
        if self.comparison is None:
            return None, None
        kinds = self.comparison.kinds.get(id(item), set())
        change = next((kind for kind in self._PRIORITY if kind in kinds), None)
        old = self.comparison.old_numbers.get(id(item))
        return change, old if old != self.resolution.number_of(item) else None

    # ------------------------------------------------------------------ next meetings
    def next_meeting(self, meeting: NextMeeting) -> NextMeetingView:
        loc = self.loc
        parts = []
        if meeting.dates_tbc:
            single = meeting.dates.end is None
            parts.append(loc.label("exact_date" if single else "exact_dates"))
        if meeting.place_tbc and meeting.kind_tbc:
            parts.append(loc.label("place_and_kind"))
        elif meeting.place_tbc:
            parts.append(loc.label("place"))
        elif meeting.kind_tbc:
            parts.append(loc.label("kind"))
        if meeting.host_tbc:
            parts.append(loc.label("host_part"))
        note = None
        if parts:
            joined = f" {loc.label('and')} ".join(parts)
            note = loc.label("tbc_note", parts=joined, tbc=loc.label("tbc"))
        kind = None
        if meeting.kind is not None and meeting.kind.value is not None:
            kind = loc.word("kind", meeting.kind.value.value)
        return NextMeetingView(
            dates=self.date_range(meeting.dates),
            place=meeting.place.value if meeting.place else None,
            kind=kind,
            tbc_note=note,
            tentative=meeting.dates_tbc or meeting.place_tbc or meeting.kind_tbc,
            remark=self.segments(meeting.remark) if meeting.remark else None,
            remark_text=meeting.remark.plain if meeting.remark else None,
            host=meeting.host.value if meeting.host else None,
        )
