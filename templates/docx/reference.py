"""Builds ``reference.docx`` beside this file: the Word styles that ``agenda render --to docx`` uses
by name (docs/templates.md, "Word"). Run it after changing a style here, and look at the result:

    .venv/bin/python templates/docx/reference.py

It starts from python-docx's own blank document (A4 pages, and no thumbnail of a page that is not
the agenda's), and the file it writes is the same for the same python-docx. A house style replaces
the whole file with its own ``DIR/docx/reference.docx``, made in Word from this one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Arial"  # on every Word; LibreOffice draws it with the metric-compatible Liberation Sans
MUTED = RGBColor(0x55, 0x55, 0x55)
TEXT_WIDTH = Cm(16)  # A4 less two margins of 2.5 cm
STEP, NUMBER_WIDTH = Cm(0.75), Cm(1.5)  # each depth further in; the room for a number (III.2.4)


def paragraph_style(doc, name: str, *, base: str = "Normal", size: float | None = None, bold: bool = False,
                    italic: bool = False, color: RGBColor | None = None, before: float = 0, after: float = 0,
                    align=None, keep_with_next: bool = False):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base] if name != base else None
    style.quick_style = True
    # python-docx's theme fonts, colours and letter-spacing; its Subtitle's list level; its linked
    # character styles, which keep the theme fonts
    for old in [*style.element.findall(qn("w:rPr")), *style.element.findall(qn("w:link")),
                *style.element.xpath("./w:pPr/w:numPr")]:
        old.getparent().remove(old)
    font = style.font
    font.name, font.bold, font.italic = FONT, bold, italic
    if size is not None:
        font.size = Pt(size)
    font.color.rgb = color or RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.alignment = align
    fmt.keep_with_next = keep_with_next
    return style


def character_style(doc, name: str, *, size: float | None = None, color: RGBColor | None = None,
                    underline: bool = False, strike: bool = False, superscript: bool = False):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.quick_style = True
    font = style.font
    if size is not None:
        font.size = Pt(size)
    if color is not None:
        font.color.rgb = color
    font.underline, font.strike, font.superscript = underline or None, strike or None, superscript or None
    return style


def border(style, sides: tuple[str, ...], size: int = 8, color: str = "A4262C") -> None:
    """A line on the given sides of a paragraph style (python-docx has no API for it)."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in sides:
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", str(size)), ("space", "4"), ("color", color)):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    ppr.append(borders)


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", Cm(2.5))
    body = doc.element.body
    for child in list(body):  # the blank paragraph: a reference document's content is never used
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for rels, dropped in ((doc.part.package.rels, RT.THUMBNAIL), (doc.part.rels, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")):
        for rel_id, rel in list(rels.items()):
            if rel.reltype == dropped:  # Word 2010 would read its styles from this stale copy
                del rels[rel_id]

    paragraph_style(doc, "Normal", size=11, after=4)
    paragraph_style(doc, "Agenda Banner", size=11, bold=True, color=RGBColor(0xA4, 0x26, 0x2C), after=12)
    border(doc.styles["Agenda Banner"], ("top", "left", "bottom", "right"))
    masthead = paragraph_style(doc, "Agenda Body", size=13, bold=True, after=2)
    masthead.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    paragraph_style(doc, "Agenda Place and Date", size=10, align=WD_ALIGN_PARAGRAPH.RIGHT, after=2)
    title = paragraph_style(doc, "Title", size=20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=24, after=6)
    for child in title.element.pPr.findall(qn("w:pBdr")):  # python-docx's Title has a blue rule
        title.element.pPr.remove(child)
    paragraph_style(doc, "Subtitle", size=13, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    paragraph_style(doc, "Agenda Meeting Facts", size=10, align=WD_ALIGN_PARAGRAPH.CENTER, after=2)
    issue = paragraph_style(doc, "Agenda Issue", size=9, color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER, after=18)
    issue.paragraph_format.space_before = Pt(4)
    for level, size in ((1, 14), (2, 12), (3, 11)):
        paragraph_style(doc, f"Heading {level}", size=size, bold=level < 3, italic=level == 3, before=18 - 4 * level,
                        after=4, keep_with_next=True)
    for depth in range(1, 10):
        name = "Agenda Item" if depth == 1 else f"Agenda Item {depth}"
        style = paragraph_style(doc, name, bold=depth == 1, before=8 if depth == 1 else 3, after=1)
        fmt = style.paragraph_format
        fmt.left_indent = STEP * (depth - 1) + NUMBER_WIDTH
        fmt.first_line_indent = -NUMBER_WIDTH
        fmt.keep_with_next = depth == 1
    paragraph_style(doc, "Agenda Item Details", size=9.5, color=MUTED, after=1)
    paragraph_style(doc, "Agenda Note", size=10, after=3)
    paragraph_style(doc, "Agenda Bullet", size=10, after=1)
    paragraph_style(doc, "Agenda Break", italic=True, before=6, after=6)
    paragraph_style(doc, "Agenda Table Text", size=10, after=0)
    character_style(doc, "Hyperlink", color=RGBColor(0x1F, 0x4E, 0x99), underline=True)
    character_style(doc, "Agenda Change Mark", size=8, color=MUTED)
    character_style(doc, "Agenda Deleted", color=RGBColor(0x7D, 0x1A, 0x1F), strike=True)
    character_style(doc, "Agenda Inserted", underline=True)
    character_style(doc, "Agenda Withdrawn", color=MUTED, strike=True)
    character_style(doc, "Agenda Footnote Reference", superscript=True)
    out = io.BytesIO()
    doc.save(out)
    return _fixed(out.getvalue())


def _fixed(data: bytes) -> bytes:
    """The same bytes on every run: python-docx stamps each zip entry with the time of saving."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), source.read(info),
                            zipfile.ZIP_DEFLATED)
    return out.getvalue()


if __name__ == "__main__":
    (HERE / "reference.docx").write_bytes(build())
