"""Word output (``--to docx``): the view model laid out in paragraphs and tables with python-docx.

What the HTML shows, in the same order, with Word's own means: every paragraph and run takes a
style by name from the reference document (docx_package), so a house style restyles the document
by bringing its own ``reference.docx``; the items are a real Word multi-level list whose numbers
are the agenda's (docx_numbering). All wording comes from the view's labels, as for every format.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .docx_numbering import WORD_LEVELS, bullets, plan
from .docx_package import (
    Styles,
    add_lists,
    document_bytes,
    number_paragraph,
    open_reference,
    reference_path,
    set_properties,
    xml_text,
)
from .view import build
from .view_model import AgendaView, Block, HeadingView, ItemView, NoteView, Segment, TableView

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.document import Document
    from docx.shared import Length
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from ..language.nodes import Agenda
    from . import Options

BULLET_STEP_CM = 0.6
"""How much further in each level of bullets starts; the mark hangs in the space before."""


def to_docx(agenda: Agenda, options: Options) -> bytes:
    """The agenda as a Word document: the bytes of a .docx, the same for the same agenda."""
    from ..language.diagnostics import AgendaError
    from .ics import _stamp

    if options.bilingual:
        raise AgendaError("--bilingual sets two columns in html and latex, not in docx")

    view = build(agenda, view=options.view, language=options.language, since=options.since,
                 templates=options.templates)
    document = open_reference(reference_path(options.templates))
    _Writer(document, view).write()
    meeting = view.meeting
    stamp = _stamp(agenda)
    set_properties(document, title=view.title, author=meeting.body or "", language=view.language,
                   subject=meeting.heading or "", stamp=stamp)
    return document_bytes(document, stamp)


def item_style(depth: int) -> str:
    """``Agenda Item`` for a top-level item, ``Agenda Item 2`` ... ``Agenda Item 9`` below, as
    Word names ``List Number 2``; deeper items take the ninth."""
    depth = min(depth, WORD_LEVELS)
    return "Agenda Item" if depth == 1 else f"Agenda Item {depth}"


class _Writer:
    def __init__(self, document: Document, view: AgendaView) -> None:
        self.document = document
        self.view = view
        self.labels = view.labels
        self.styles = Styles(document)
        self.plan = plan(view)
        bullet_list = bullets(len(self.plan.lists))
        num_ids = add_lists(document, [*self.plan.lists, bullet_list],
                            {depth - 1: self.hanging(depth) for depth in range(1, WORD_LEVELS + 1)})
        self.list_ids = num_ids
        self.bullet_id = num_ids[bullet_list.index]

    # ------------------------------------------------------------------ paragraphs and runs
    def paragraph(self, style: str, text: str | None = None) -> Paragraph:
        paragraph = self.document.add_paragraph()
        paragraph.style = self.styles[style]  # type: ignore[assignment]
        if text:
            self.run(paragraph, text)
        return paragraph

    def run(self, paragraph: Paragraph, text: str, style: str | None = None) -> Run:
        run = paragraph.add_run(xml_text(text))
        if style is not None:
            run.style = self.styles[style]  # type: ignore[assignment]
        return run

    def segments(self, paragraph: Paragraph, parts: tuple[Segment, ...], style: str | None = None) -> None:
        for part in parts:
            if part.url and part.kind in ("link", "docref"):
                self.hyperlink(paragraph, part.url, part.text)
            elif part.kind == "footnote":
                self.run(paragraph, part.text, "Agenda Footnote Reference")
            else:
                self.run(paragraph, part.text, style)

    def hyperlink(self, paragraph: Paragraph, url: str, text: str) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.text.run import Run

        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), paragraph.part.relate_to(xml_text(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        element = OxmlElement("w:r")
        link.append(element)
        run = Run(element, paragraph)
        run.text = xml_text(text)
        run.style = self.styles["Hyperlink"]  # type: ignore[assignment]
        paragraph._p.append(link)

    def hanging(self, depth: int) -> tuple[int, int]:
        """The (left, hanging) indents of the item style of ``depth``, in twips."""
        fmt = self.styles[item_style(depth)].paragraph_format  # type: ignore[attr-defined]
        left, first = fmt.left_indent, fmt.first_line_indent
        return int(left.twips if left else 0), max(0, int(-first.twips if first else 0))

    def indent_of(self, depth: int) -> Length | None:
        """The left edge of an item's title at ``depth``: where its details and notes start."""
        return self.styles[item_style(depth)].paragraph_format.left_indent  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ the document
    def write(self) -> None:
        self.masthead()
        self.changes()
        for block in self.view.blocks:
            self.block(block)
        self.documents()
        self.footnotes()

    def masthead(self) -> None:
        m, labels = self.view.meeting, self.labels
        if m.banner:
            self.paragraph("Agenda Banner", m.banner)
        if m.body or m.reference:
            line = self.paragraph("Agenda Body", m.body)
            if m.reference:
                self.run(line, "\t")
                self.segments(line, (Segment("docref", m.reference.text, url=m.reference.url),))
        if m.issued_in and m.issued:
            self.paragraph("Agenda Place and Date", labels["place_date"].format(place=m.issued_in, date=m.issued.text))
        title = (labels["run_sheet"] if self.view.view == "internal" else m.document_title
                 or (labels["annotated_agenda"] if self.view.view == "annotated" else labels["agenda"]))
        self.paragraph("Title", f"{title} ({m.status})" if m.status and not m.banner else title)
        if m.heading:
            self.paragraph("Subtitle", m.heading)
        where = [m.kind if m.title else None, m.place, m.platform,
                 labels["time"].format(time=m.time) if m.time else None]
        if any(where):
            self.paragraph("Agenda Meeting Facts", " · ".join(p for p in where if p))
        facts = [labels["chair"].format(name=m.chair) if m.chair else None,
                 labels["host"].format(name=m.host) if m.host else None,
                 labels["contact"].format(name=m.contact) if m.contact else None,
                 *(f"{name}: {value}" for name, value in m.fields)]
        for fact in facts:
            if fact:
                self.paragraph("Agenda Meeting Facts", fact)
        if m.local_times:
            self.paragraph("Agenda Meeting Facts", labels["local_times"] + ": " +
                           "; ".join(f"{place}: {when}" for place, when in m.local_times))
        issued = None
        if m.issued and not m.issued_in:
            issued = (labels["issued_at"].format(date=m.issued.text, time=m.issued_time) if m.issued_time
                      else labels["issued"].format(date=m.issued.text))
        issue = [issued, labels["distribution"].format(value=m.distribution_label) if m.distribution_label else None,
                 labels["original"].format(language=m.original) if m.original else None]
        if any(issue):
            self.paragraph("Agenda Issue", " · ".join(p for p in issue if p))

    def changes(self) -> None:
        if not self.view.changes_since:
            return
        self.paragraph("Heading 1", self.labels["changes"])
        for change in self.view.changes:
            line = self.bullet_paragraph(None, 0)
            self.run(line, change.label, "Agenda Change Mark")
            self.run(line, " " + " ".join(p for p in (change.number, change.title) if p))

    def block(self, block: Block) -> None:
        if block.item is not None:
            stack = [block.item]
            while stack:  # iteratively: items nest 33 deep
                item = stack.pop()
                self.item(item)
                stack.extend(reversed(item.children))
        elif block.heading is not None:
            self.heading(block.heading)
        elif block.type == "text":
            self.notes(block.notes, None)
        elif block.type == "annexes":
            self.paragraph("Heading 1", self.labels["annexes"])
            for annex in block.annexes:
                line = self.paragraph("Agenda Note", f"{annex.label}. ")
                self.segments(line, annex.title)
        elif block.table is not None:
            self.table(block.table)
        elif block.type == "participants":
            self.paragraph("Heading 1", self.labels["participants"])
            rows = [(p.name, p.role or "", p.affiliation or "", ", ".join(s for s in (p.voting, p.attendance) if s))
                    for p in block.participants]
            self.grid([], [[(Segment("text", cell),) for cell in row] for row in rows])
        elif block.type in ("next_meetings", "past_meetings"):
            self.meetings(block)

    def heading(self, heading: HeadingView) -> None:
        if heading.is_break:
            line = self.paragraph("Agenda Break", f"{heading.when}\t" if heading.when else None)
            self.segments(line, heading.title)
        else:
            line = self.paragraph(f"Heading {min(heading.level, WORD_LEVELS)}")
            self.segments(line, heading.title)
            if heading.when:
                self.run(line, (", " if heading.plain_title else "") + heading.when)
            facts = [f for f in (heading.place, heading.kind, heading.session_label) if f]
            if facts:
                self.paragraph("Agenda Item Details", " · ".join(facts))
        self.notes(heading.notes, None)

    def item(self, item: ItemView) -> None:
        line = self.paragraph(item_style(item.depth))
        removed = item.change == "removed"
        placed = self.plan.numbered.get(item.id)
        if placed is not None:
            number_paragraph(line, self.list_ids[placed[0]], placed[1])
        else:  # a number Word's counters cannot give keeps its text; no number keeps the title's place
            if item.shown_number:
                self.run(line, item.shown_number, "Agenda Deleted" if removed else None)
            self.run(line, "\t")
        if item.old_number and not removed:
            self.run(line, item.old_number, "Agenda Deleted")
            self.run(line, " ")
        title_style = ("Agenda Deleted" if removed else "Agenda Inserted" if item.change == "added"
                       else "Agenda Withdrawn" if item.withdrawn else None)
        self.segments(line, item.title, title_style)
        if item.change:
            self.run(line, " " + self.labels.get(f"change_{item.change}", ""), "Agenda Change Mark")
        if removed:
            return
        indent = self.indent_of(item.depth)
        meta = [item.time, item.duration, item.action, item.session_label, item.status_label, item.documents_label,
                *item.presenters, self.labels["internal_item"] if item.internal else None]
        details = [" · ".join(p for p in meta if p)] if any(meta) else []
        details += [f"{name}: {value}" for name, value in item.fields]
        for text in details:
            self.paragraph("Agenda Item Details", text).paragraph_format.left_indent = indent
        for group in item.document_groups:
            line = self.paragraph("Agenda Item Details",
                                  f"{group.label}: " if group.label else self.labels["documents"].format(list=""))
            line.paragraph_format.left_indent = indent
            for index, ref in enumerate(group.refs):
                if index:
                    self.run(line, ", ")
                self.segments(line, (Segment("docref", ref.text, url=ref.url),))
                if ref.date:
                    self.run(line, f" ({ref.date})")
        self.notes(item.notes, indent)

    def notes(self, notes: tuple[NoteView, ...], indent: Length | None) -> None:
        for note in notes:
            if note.kind == "bullet":
                self.bullet(note, indent, 0)
                continue
            line = self.paragraph("Agenda Note")
            if indent is not None:
                line.paragraph_format.left_indent = indent
            label = {"internal": "internal_note", "annotation": "annotation"}.get(note.kind)
            if label:
                self.run(line, self.labels[label] + " ").bold = True
            for index, text in enumerate(note.lines):
                if index:
                    self.run(line, "").add_break()
                self.segments(line, text)

    def bullet_paragraph(self, indent: Length | None, level: int) -> Paragraph:
        from docx.shared import Cm, Length

        line = self.paragraph("Agenda Bullet")
        number_paragraph(line, self.bullet_id, min(level, WORD_LEVELS - 1))
        base = indent or Cm(0)
        line.paragraph_format.left_indent = Length(base + Cm(BULLET_STEP_CM * (level + 1)))
        line.paragraph_format.first_line_indent = Cm(-0.45)
        return line

    def bullet(self, note: NoteView, indent: Length | None, level: int) -> None:
        stack = [(note, level)]
        while stack:
            current, depth = stack.pop()
            line = self.bullet_paragraph(indent, depth)
            if current.status:
                self.run(line, ("☑ " if current.done else "☐ ") + current.status + " ")
                if current.owner:
                    self.run(line, current.owner + " ").bold = True
            self.segments(line, current.lines[0])
            stack.extend((child, depth + 1) for child in reversed(current.children))

    # ------------------------------------------------------------------ tables
    def grid(self, header: Sequence[tuple[Segment, ...]], rows: Sequence[Sequence[tuple[Segment, ...]]]) -> None:
        """A table with a repeated header row (when there is one), in the reference's table style."""
        from docx.oxml import OxmlElement

        width = max(len(row) for row in [header, *rows])
        table = self.document.add_table(rows=0, cols=width)
        table.style = self.styles["Table Grid"]
        for index, cells in enumerate([header, *rows] if header else rows):
            row = table.add_row()
            if header and index == 0:
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
            for cell, parts in zip(row.cells, cells, strict=False):
                line = cell.paragraphs[0]
                line.style = self.styles["Agenda Table Text"]
                self.segments(line, parts)
                if header and index == 0:
                    for run in line.runs:
                        run.bold = True

    def table(self, table: TableView) -> None:
        self.grid(list(table.header), [list(row) for row in table.rows])

    def meetings(self, block: Block) -> None:
        past = block.type == "past_meetings"
        self.paragraph("Heading 1", self.labels["past_meetings" if past else "next_meetings"])
        header = [(Segment("text", self.labels["column_date"]),)]
        header += [(Segment("text", self.labels[f"column_{column}"]),) for column in block.columns]
        rows = []
        for meeting in block.meetings:
            row = [(Segment("text", meeting.dates.text),)]
            for column in block.columns:
                if column == "remark":
                    note = (Segment("text", meeting.tbc_note + (" " if meeting.remark else "")),) \
                        if meeting.tbc_note else ()
                    row.append((*note, *(meeting.remark or ())))
                else:
                    row.append((Segment("text", getattr(meeting, column) or ""),))
            rows.append(row)
        self.grid(header, rows)

    # ------------------------------------------------------------------ after the body
    def documents(self) -> None:
        if not self.view.documents:
            return
        self.paragraph("Heading 1", self.labels["documents_list"])
        for group in self.view.documents:
            if group.name or len(self.view.documents) > 1:
                self.paragraph("Heading 2", group.name or self.labels["other_documents"])
            for cited in group.refs:
                line = self.paragraph("Agenda Note")
                self.segments(line, (Segment("docref", cited.ref.text, url=cited.ref.url),))
                if cited.ref.date:
                    self.run(line, f" ({cited.ref.date})")
                if cited.items:
                    key = "cited_item" if len(cited.items) == 1 else "cited_items"
                    self.run(line, self.labels[key].format(items=", ".join(cited.items)))

    def footnotes(self) -> None:
        if not self.view.footnotes:
            return
        self.paragraph("Heading 1", self.labels["footnotes"])
        for note in self.view.footnotes:
            line = self.paragraph("Agenda Note", f"{note.number}. ")
            self.segments(line, note.parts)
