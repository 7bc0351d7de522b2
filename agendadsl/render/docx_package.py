"""The Word package around the agenda: the reference document whose styles it uses, its list
definitions (numbering.xml), its properties, and bytes that are the same for the same agenda.

Like pandoc's ``--reference-doc``, the styles come from a ``reference.docx``: the shipped one
(``templates/docx/``), or a house style's ``DIR/docx/reference.docx``. A style the house document
lacks is copied from the shipped one, so that any Word document can serve as a reference.
"""

from __future__ import annotations

import copy
import datetime
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..language.diagnostics import AgendaError
from ..support.resources import data_dir
from .docx_numbering import Level, WordList

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import BaseStyle

REFERENCE = "reference.docx"

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold (controls, lone surrogates) shown as U+FFFD:
    a Word document has no markup to inject, but such a character would make it unreadable."""
    return _NOT_XML.sub("\ufffd", text)


def reference_path(house: Path | None) -> Path:
    """The house style's ``docx/reference.docx`` if it has one, else the shipped one."""
    if house is not None and (house / "docx" / REFERENCE).is_file():
        return house / "docx" / REFERENCE
    return data_dir("templates") / "docx" / REFERENCE


def open_reference(path: Path) -> Document:
    """A new document with the styles, page and lists of ``path`` and none of its text."""
    import docx
    from docx.opc.exceptions import OpcError
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, OpcError) as problem:
        raise AgendaError(f"{path}: not a Word document to take styles from ({problem}); save a .docx "
                          "from Word or LibreOffice there, or remove it to use the built-in styles") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


class Styles:
    """The styles of the document by name; one the reference lacks comes from the shipped one."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.names = {style.name for style in document.styles}
        self.shipped: Document | None = None

    def __getitem__(self, name: str) -> BaseStyle:
        if name not in self.names:
            if self.shipped is None:
                self.shipped = open_reference(reference_path(None))
            self.document.styles.element.append(copy.deepcopy(self.shipped.styles[name].element))
            self.names.add(name)
        return self.document.styles[name]


def add_lists(document: Document, lists: list[WordList], indents: dict[int, tuple[int, int]]) -> dict[int, int]:
    """Write each list as an abstractNum and a num after those the reference has; the numId of each.
    ``indents`` are the (left, hanging) indents of each level in twips, for the lists of items:
    the list's indents win over the paragraph style's, so they repeat the style's."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract_ids = [int(a) for a in numbering.xpath("./w:abstractNum/@w:abstractNumId")] or [0]
    num_ids = [int(n) for n in numbering.xpath("./w:num/@w:numId")] or [0]
    first_num = numbering.num_lst[0] if numbering.num_lst else None
    ids: dict[int, int] = {}
    for offset, word_list in enumerate(lists, start=1):
        abstract_id, num_id = max(abstract_ids) + offset, max(num_ids) + offset
        levels = "".join(_level_xml(index, word_list.levels.get(index),
                                    indents.get(index) if word_list.kind == "multilevel" else None)
                         for index in range(9))
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="{word_list.kind}"/>{levels}</w:abstractNum>')
        if first_num is not None:  # the schema wants every abstractNum before the first num
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                   f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
        ids[word_list.index] = num_id
    return ids


def _level_xml(index: int, level: Level | None, indent: tuple[int, int] | None) -> str:
    """One ``w:lvl``. Levels no item uses still get a plain definition: Word expects all nine."""
    from xml.sax.saxutils import quoteattr

    if level is None:
        level = Level("decimal", 1, (index,))
    ind = f'<w:pPr><w:ind w:left="{indent[0]}" w:hanging="{indent[1]}"/></w:pPr>' if indent else ""
    return (f'<w:lvl w:ilvl="{index}"><w:start w:val="{level.start}"/><w:numFmt w:val="{level.format}"/>'
            f'<w:lvlText w:val={quoteattr(xml_text(level.text))}/><w:lvlJc w:val="left"/>{ind}</w:lvl>')


def number_paragraph(paragraph: object, num_id: int, level: int) -> None:
    """Make ``paragraph`` (a python-docx Paragraph) part of list ``num_id`` at ``level``."""
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def set_properties(document: Document, *, title: str, author: str, language: str, subject: str,
                   stamp: datetime.datetime) -> None:
    """The document's core properties (what Word's File > Info shows), and its text's language for
    spelling and hyphenation; dates fixed to ``stamp`` so that the bytes never depend on the clock."""
    from xml.sax.saxutils import quoteattr

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    props = document.core_properties
    props.title, props.author, props.language, props.subject = (xml_text(title), xml_text(author), language,
                                                                xml_text(subject))
    props.created = props.modified = props.last_printed = stamp.replace(tzinfo=None)
    props.last_modified_by = props.keywords = props.comments = props.category = ""
    props.content_status = props.identifier = props.version = ""
    props.revision = 1
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        document.styles.element.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, run_defaults)
    rpr = run_defaults.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        run_defaults.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val={quoteattr(xml_text(language))}/>'))


def document_bytes(document: Document, stamp: datetime.datetime) -> bytes:
    """The saved document with every zip entry dated ``stamp`` (python-docx dates them now)."""
    saved = io.BytesIO()
    document.save(saved)
    when = max(stamp.timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # the zip format starts in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info))
    return out.getvalue()
