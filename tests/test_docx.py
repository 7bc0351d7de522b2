"""Word output (``--to docx``), read back by python-docx, pandoc and LibreOffice.

The numbers are the point: Word numbers a list paragraph itself, from numbering.xml, so a reader
that only looked at the text would see none. ``word_numbers`` below replays Word's counting from the
document's own list definitions (written here, independently of agendadsl's code); pandoc shows
each list's counters; LibreOffice, a real word processor, prints the numbers as it draws them.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from agendadsl import parse
from agendadsl.render import Options, View, render_bytes
from conftest import DATA, ROOT, need

SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"

# The seed's 37 items as the Council of Europe published them: (depth, number, title).
SEED_ITEMS = [
    (1, "1.", "Opening of the meeting and adoption of the agenda"),
    (1, "2.", "Exchange of views on document T-ES(2020)23 (Legal chapters of the 2nd monitoring round draft "
              "implementation report)"),
    (2, "2.1", "Chapter I: Legal frameworks"),
    (3, "I.1", "Introduction"),
    (4, "I.1.1", "Child self-generated sexual images and/or videos and the Lanzarote Convention"),
    (4, "I.1.2", "Specific reference to child-self-generated sexual material in legal frameworks"),
    (3, "I.2", "Article 20 of the Lanzarote Convention and child self-generated sexual images and/or videos"),
    (3, "I.3", "“Producing and possessing” child self-generated sexual images and/or videos"),
    (4, "I.3.1", "“Child pornography”"),
    (4, "I.3.2", "Reservations allowed by Article 20(3)"),
    (4, "I.3.3", "Criminal liability of children as clarified by the Committee’s Opinion on child sexually "
                 "suggestive or explicit images and/or videos generated, shared and received by children"),
    (3, "I.4", "Sharing child self-generated sexual images and/or videos"),
    (4, "I.4.1", "“Offering, making available, distributing or transmitting” “child pornography”"),
    (4, "I.4.2", "Other offences involving child self-generated material sexual images and/or videos"),
    (3, "I.5", "Non-prosecution and sanctions"),
    (4, "I.5.1", "Prosecution of children as a last resort"),
    (4, "I.5.2", "Non-prosecution in the case of exploitation or abuse"),
    (3, "I.6", "Coercion/extortion involving child self-generated sexual images and/or videos"),
    (4, "I.6.1", "Liability of children subject to coercion/extortion"),
    (4, "I.6.2", "Coercion/extortion to obtain further child self-generated sexual images and/or videos"),
    (4, "I.6.3", "Coercion/extortion for (other) sexual gain"),
    (4, "I.6.4", "Coercion/extortion for financial benefit"),
    (4, "I.6.5", "Coercion/extortion for other personal gain"),
    (2, "2.2", "Chapter III: Investigation and prosecution"),
    (3, "III.1", "Specialised units, services or persons"),
    (4, "III.1.1", "Specialisation in law enforcement"),
    (4, "III.1.2", "Specialisation in prosecution and courts"),
    (4, "III.1.3", "Specialisation in dealing with child offenders"),
    (3, "III.2", "Training of professionals"),
    (4, "III.2.1", "Training of law enforcement agents"),
    (4, "III.2.2", "Training of prosecutors"),
    (4, "III.2.3", "Training of judges"),
    (4, "III.2.4", "Training overall"),
    (3, "III.3", "Effective investigation and prosecution"),
    (4, "III.3.1", "Victim identification"),
    (4, "III.3.2", "Challenges in the prosecution of perpetrators"),
    (1, "3.", "Any other business"),
]


def render(text: str | Path, **options) -> bytes:
    source = text.read_text(encoding="utf-8") if isinstance(text, Path) else text
    agenda = parse(source).agenda
    assert agenda is not None
    return render_bytes(agenda, "docx", Options(**options))


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


# ---------------------------------------------------------------------- Word's counting, replayed
def _roman(value: int) -> str:
    out = ""
    for amount, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, amount)
        out += letters * count
    return out


def _written(value: int, fmt: str) -> str:
    """A counter as Word writes it (its letters double after Z: AA, BB)."""
    if fmt == "decimal":
        return str(value)
    if fmt.endswith("Roman"):
        return _roman(value) if fmt == "upperRoman" else _roman(value).lower()
    letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter if fmt == "upperLetter" else letter.lower()


def list_levels(document) -> dict[int, dict[int, tuple[str, int, str]]]:
    """Each num's levels: numId -> ilvl -> (numFmt, start, lvlText), from numbering.xml."""
    numbering = document.part.numbering_part.element
    abstract = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    out = {}
    for num in numbering.findall(qn("w:num")):
        definition = abstract[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        out[int(num.get(qn("w:numId")))] = {
            int(lvl.get(qn("w:ilvl"))): (lvl.find(qn("w:numFmt")).get(qn("w:val")),
                                         int(lvl.find(qn("w:start")).get(qn("w:val"))),
                                         lvl.find(qn("w:lvlText")).get(qn("w:val")))
            for lvl in definition.findall(qn("w:lvl"))}
    return out


def word_numbers(document) -> list[str | None]:
    """The number Word draws before each paragraph (None: it draws none), counted as Word counts:
    each list keeps one counter per level, a paragraph moves its level's on and restarts those below."""
    levels = list_levels(document)
    counters: dict[int, dict[int, int]] = {}
    out: list[str | None] = []
    for paragraph in document.paragraphs:
        numpr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if numpr is None or numpr.numId is None:
            out.append(None)
            continue
        num_id, ilvl = numpr.numId.val, numpr.ilvl.val
        count = counters.setdefault(num_id, {})
        count[ilvl] = count[ilvl] + 1 if ilvl in count else levels[num_id][ilvl][1]
        for deeper in [lvl for lvl in count if lvl > ilvl]:
            del count[deeper]
        fmt, _, text = levels[num_id][ilvl]
        if fmt == "bullet":
            out.append(text)
            continue
        out.append(re.sub(r"%([1-9])", lambda m: _written(count[int(m[1]) - 1], levels[num_id][int(m[1]) - 1][0]),
                          text))
    return out


def items(document) -> list[tuple[int, str, str]]:
    """(depth, number, title) of each numbered item paragraph: a Word number, or one written as text
    before a tab ("" for an unnumbered item)."""
    out = []
    for paragraph, number in zip(document.paragraphs, word_numbers(document), strict=True):
        style = paragraph.style.name
        if not style.startswith("Agenda Item") or style == "Agenda Item Details":
            continue
        depth = 1 if style == "Agenda Item" else int(style.rsplit(" ", 1)[1])
        text = paragraph.text
        if number is None:
            number, _, text = text.partition("\t")
        out.append((depth, number, text))
    return out


# ---------------------------------------------------------------------- the seed, read three ways
def test_the_seed_read_back_by_python_docx_has_its_37_numbers_and_titles_in_order() -> None:
    document = read(render(SEED))
    assert items(document) == [*SEED_ITEMS, (1, "", "List of decisions")]
    numbered = [p for p in document.paragraphs if p.style.name.startswith("Agenda Item ") or
                p.style.name == "Agenda Item"]
    # Every one of them is numbered by Word itself: no number is typed into the text.
    assert all(p._p.pPr.numPr is not None for p in numbered[:37])
    assert not any(re.match(r"[0-9IVX.]+\t", p.text) for p in numbered)


def test_the_seed_lists_are_real_multi_level_word_lists() -> None:
    document = read(render(SEED))
    levels = list_levels(document)
    used = {}
    for paragraph in document.paragraphs:
        numpr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        if numpr is not None and paragraph.style.name.startswith("Agenda Item"):
            used.setdefault(numpr.numId.val, set()).add(numpr.ilvl.val)
    main, chapter_one, chapter_three = sorted(used)
    assert used == {main: {0, 1}, chapter_one: {2, 3}, chapter_three: {2, 3}}
    assert [levels[main][i] for i in (0, 1, 2)] == [("decimal", 1, "%1."), ("decimal", 1, "%1.%2"),
                                                    ("decimal", 1, "%1.%2.%3")]
    assert [levels[chapter_one][i] for i in (2, 3)] == [("decimal", 1, "I.%3"), ("decimal", 1, "I.%3.%4")]
    assert [levels[chapter_three][i] for i in (2, 3)] == [("decimal", 1, "III.%3"), ("decimal", 1, "III.%3.%4")]
    abstract = document.part.numbering_part.element.findall(qn("w:abstractNum"))
    assert all(len(a.findall(qn("w:lvl"))) == 9 for a in abstract[-4:])


def test_the_seed_read_back_by_pandoc_has_its_titles_in_order_and_each_list_counting_right(tmp_path) -> None:
    """pandoc keeps Word's counters but not the text around them ("I.%3" reads as "1."), so each
    item shows the last part of its number, at its depth."""
    pandoc = need("pandoc")
    path = tmp_path / "seed.docx"
    path.write_bytes(render(SEED))
    text = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(path)], capture_output=True,
                          text=True, check=True).stdout
    found = [(len(m[1]) // 4 + 1, m[2], m[3]) for m in re.finditer(r"(?m)^( *)(\d+)\.  (.*)$", text)]
    assert found == [(depth, number.rstrip(".").rsplit(".", 1)[-1], title) for depth, number, title in SEED_ITEMS]
    assert text.splitlines()[:3] == ["Lanzarote Committee", "", "Agenda"]
    assert "Dates of the next meetings" in text and "15\u2009–\u200919 March 2021" in text


def libreoffice_text(tmp_path: Path, data: bytes) -> str:
    soffice = need("soffice")
    (tmp_path / "in.docx").write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(tmp_path / "in.docx")],
                   capture_output=True, check=True, timeout=180)
    return (tmp_path / "in.txt").read_text(encoding="utf-8-sig")


def test_libreoffice_draws_the_seeds_37_numbers_exactly(tmp_path) -> None:
    text = libreoffice_text(tmp_path, render(SEED))
    found = [(len(m[1]) // 4, m[2], m[3]) for m in re.finditer(r"(?m)^( +)(\S+) (.*)$", text)]
    assert found[:37] == SEED_ITEMS


# ---------------------------------------------------------------------- numbers Word cannot count
ODD = """date: 1 May 2026
numbering: A. / (i)

A. Opening
B. Budget
   (i) Revenue
   (ii) Spending
B bis. Placeholder
Bbis. Inserted after B
C. Staff
   @numbering as written
   3.9 Kept as written
   3.1 Also as written
* Unnumbered
D. Closing
"""


def test_letters_and_roman_come_from_the_numbering_scheme_and_insertions_stay_text() -> None:
    agenda = ODD.replace("B bis. Placeholder\n", "")
    document = read(render(agenda))
    assert items(document) == [(1, "A.", "Opening"), (1, "B.", "Budget"), (2, "(i)", "Revenue"),
                               (2, "(ii)", "Spending"), (1, "Bbis.", "Inserted after B"), (1, "C.", "Staff"),
                               (2, "3.9", "Kept as written"), (2, "3.1", "Also as written"),
                               (1, "", "Unnumbered"), (1, "D.", "Closing")]
    texts = {p.text for p in document.paragraphs}
    # Word counts A-D and (i), (ii); the others are written out, and D still follows C in Word's count.
    assert {"Bbis.\tInserted after B", "3.9\tKept as written", "3.1\tAlso as written", "\tUnnumbered"} <= texts
    first = next(p for p in document.paragraphs if p.text == "Opening")
    levels = list_levels(document)[first._p.pPr.numPr.numId.val]
    assert levels[0] == ("upperLetter", 1, "%1.") and levels[1] == ("lowerRoman", 1, "(%2)")


def test_libreoffice_draws_the_numbers_word_cannot_count_as_written(tmp_path) -> None:
    text = libreoffice_text(tmp_path, render(ODD.replace("B bis. Placeholder\n", "")))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[2:] == ["A. Opening", "B. Budget", "(i) Revenue", "(ii) Spending", "Bbis.\tInserted after B",
                         "C. Staff", "3.9\tKept as written", "3.1\tAlso as written", "Unnumbered", "D. Closing"]


def test_letters_past_z_and_items_deeper_than_nine_levels_keep_their_numbers() -> None:
    # Word writes the 27th letter AA and the 28th BB; the agenda AA, AB.
    letters = "".join(f"#. Item {n}\n" for n in range(1, 29))
    document = read(render(f"date: 1 May 2026\nnumbering: A.\n\n{letters}"))
    numbers = [number for _, number, _ in items(document)]
    assert numbers[25:] == ["Z.", "AA.", "AB."]
    assert [p.text.split("\t")[0] for p in document.paragraphs if p.text.endswith("Item 28")] == ["AB."]
    deep = "".join("   " * d + ("1." if d == 0 else ".".join("1" * (d + 1))) + f" Level {d + 1}\n" for d in range(11))
    document = read(render(f"date: 1 May 2026\nnumbering: 1.\n\n{deep}"))
    assert [n for _, n, _ in items(document)][8:] == ["1.1.1.1.1.1.1.1.1", "1.1.1.1.1.1.1.1.1.1",
                                                      "1.1.1.1.1.1.1.1.1.1.1"]


# ---------------------------------------------------------------------- what else it shows
def test_the_masthead_headings_attributes_notes_and_next_meetings_of_the_board() -> None:
    document = read(render(ROOT / "samples" / "university-board-2026-05-20.agenda"))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Agenda Body"] == ["Board of Governors, Université d’Ardmore-Lévis\tBG/2026/214"]
    assert by_style["Agenda Banner"] == ["Provisional Rev.1"]
    assert by_style["Title"] == ["Agenda"]
    # en-CA, the agenda's language: CLDR's Canadian English date interval
    assert by_style["Subtitle"] == ["214th meeting – spring session, Wednesday, May 20–Friday, May 22, 2026"]
    assert "F.1\tOperating and capital budgets 2026–27" not in by_style["Agenda Item 3"]  # F.1 is Word's
    assert "Operating and capital budgets 2026–27" in by_style["Agenda Item 3"]
    assert "2bis.\tRevised tuition schedule for international students in regulated health programmes" \
        in by_style["Agenda Item 3"]
    assert "9:00–10:30\u202fa.m. · closed session · Presenter: Mr Aurélien Vasseur-Nkemelu, Chair of the Committee" \
        in by_style["Agenda Item Details"]
    assert "for information · Presenter: Me Hélène Tremblay-Qaqqaq, Ombudsperson" in by_style["Agenda Item Details"]
    assert "Documents: BG/2026/181" in by_style["Agenda Item Details"]
    assert "Any governor may ask for an item to be removed from the consent agenda and discussed separately." \
        in by_style["Agenda Note"]
    assert by_style["Heading 1"] == ["Dates of the next meetings"]
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Date", "Place", "Format", "Remarks"]
    assert table.rows[1].cells[0].text == "June 17, 2026"  # en-CA
    links = [rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    assert "https://www.ardmore-levis.ca/gouvernance/documents/2026/181.pdf" in links


def test_a_revised_agenda_marks_the_removed_and_renumbered_items() -> None:
    from agendadsl.edit.formatter import print_agenda
    from agendadsl.edit.renumbering import renumber

    text = SEED.read_text(encoding="utf-8")
    edited = "".join(line for line in text.splitlines(True) if not line.strip().startswith("I.2 "))
    new = parse(print_agenda(renumber(parse(edited).agenda))).agenda
    document = read(render_bytes(new, "docx", Options(since=("Rev.0", parse(text).agenda))))
    shown = [p for p in document.paragraphs if p.style.name.startswith("Agenda Item")]
    removed = next(p for p in shown if "Article 20 of the Lanzarote" in p.text)
    assert removed._p.pPr.numPr is None  # not counted by Word: it is no longer on the agenda
    assert [(r.text, r.style.name) for r in removed.runs][:1] == [("I.2", "Agenda Deleted")]
    assert removed.runs[-1].text == " (deleted)"
    renumbered = next(p for p in shown if "Producing and possessing" in p.text)
    assert renumbered._p.pPr.numPr is not None
    assert [(r.text, r.style.name) for r in renumbered.runs][:1] == [("I.3", "Agenda Deleted")]
    numbers = dict(zip((p.text for p in document.paragraphs), word_numbers(document), strict=True))
    assert numbers[renumbered.text] == "I.2"
    assert "Changes since the previous version" in [p.text for p in document.paragraphs]


def test_french_wording_comes_from_the_same_labels_as_every_format() -> None:
    document = read(render(SEED, language="fr"))
    texts = [p.text for p in document.paragraphs]
    assert "Ordre du jour" in texts and "Dates des prochaines réunions" in texts
    assert document.core_properties.language == "fr"


def test_the_run_sheet_shows_internal_items_and_notes() -> None:
    board = ROOT / "samples" / "university-board-2026-05-20.agenda"
    public = [p.text for p in read(render(board)).paragraphs]
    internal = [p.text for p in read(render(board, view=View.INTERNAL)).paragraphs]
    assert "Litigation report of the General Counsel" not in public
    assert "Litigation report of the General Counsel" in internal and "Run sheet" in internal


# ---------------------------------------------------------------------- styles and house styles
def test_a_house_reference_docx_restyles_the_document(tmp_path) -> None:
    from docx.shared import Pt

    shipped = read(render(SEED))
    house = docx.Document(str(ROOT / "templates" / "docx" / "reference.docx"))
    house.styles["Agenda Item"].font.name = "Courier New"
    house.styles["Title"].font.size = Pt(30)
    (tmp_path / "docx").mkdir()
    house.save(str(tmp_path / "docx" / "reference.docx"))
    styled = read(render(SEED, templates=tmp_path))
    assert shipped.styles["Agenda Item"].font.name == "Arial"
    assert styled.styles["Agenda Item"].font.name == "Courier New"
    assert styled.styles["Title"].font.size == Pt(30)
    assert items(styled)[:37] == SEED_ITEMS


def test_a_house_reference_without_the_agenda_styles_gets_them_from_the_shipped_one(tmp_path) -> None:
    (tmp_path / "docx").mkdir()
    docx.Document().save(str(tmp_path / "docx" / "reference.docx"))  # python-docx's blank: no "Agenda Item"
    document = read(render(SEED, templates=tmp_path))
    assert items(document)[:37] == SEED_ITEMS
    assert document.styles["Agenda Item 4"].paragraph_format.left_indent is not None


def test_a_broken_house_reference_is_a_clear_error(cli, tmp_path) -> None:
    (tmp_path / "docx").mkdir()
    (tmp_path / "docx" / "reference.docx").write_text("not a zip", encoding="utf-8")
    run = cli("render", str(SEED), "--to", "docx", "-o", str(tmp_path / "out.docx"), "--templates", str(tmp_path))
    assert run.exit_code == 2
    assert "reference.docx: not a Word document to take styles from" in run.stderr
    assert "Traceback" not in run.stderr and not (tmp_path / "out.docx").exists()


# ---------------------------------------------------------------------- bytes, properties, safety
def test_the_same_agenda_gives_the_same_bytes_with_fixed_dates_and_its_properties() -> None:
    first, second = render(SEED), render(SEED)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2020, 11, 23, 0, 0, 0)}
    props = read(first).core_properties
    assert (props.title, props.author, props.language) == ("Lanzarote Committee – Agenda", "Lanzarote Committee", "en")
    # python-docx reads the dates back naive before 1.2, in UTC from 1.2 on
    written = {props.created.replace(tzinfo=None).isoformat(), props.modified.replace(tzinfo=None).isoformat()}
    assert written == {"2020-11-23T00:00:00"}


def test_control_characters_in_a_hostile_title_do_not_break_the_document() -> None:
    from agendadsl.language import nodes

    agenda = parse("body: Board\ndate: 1 May 2026\n\n1. Budget\n").agenda
    item = agenda.items[0]
    hostile = nodes.RichText((nodes.Text("Bud\x00get\x0b \x1b[31m <w:p/> & ]]>"),))
    from dataclasses import replace

    agenda = replace(agenda, body=(replace(item, title=hostile),),
                     meeting=replace(agenda.meeting, body=replace(agenda.meeting.body, value="Bo\x08ard")))
    document = read(render_bytes(agenda, "docx"))
    assert ("1.", "Bud\ufffdget\ufffd \ufffd[31m <w:p/> & ]]>") in [(n, t) for _, n, t in items(document)]
    assert document.core_properties.author == "Bo\ufffdard"


def test_bilingual_is_refused_for_word() -> None:
    from agendadsl.language.diagnostics import AgendaError

    with pytest.raises(AgendaError, match="--bilingual sets two columns in html and latex, not in docx"):
        render(SEED, bilingual=True)


def test_the_cli_writes_a_docx_file_atomically(cli, tmp_path) -> None:
    target = tmp_path / "seed.docx"
    run = cli("render", str(SEED), "--to", "docx", "-o", str(target))
    assert run.exit_code == 0, run.stderr
    assert items(read(target.read_bytes()))[:37] == SEED_ITEMS
    assert [p.name for p in tmp_path.iterdir()] == ["seed.docx"]  # no temporary file left beside it


# ---------------------------------------------------------------------- goldens
def dump(data: bytes) -> str:
    """The document as text: its properties, then each paragraph with its style, the number Word
    draws (``#``: Word's own count) and its text (links as <url|text>, styled runs as {style:text}),
    and each table row; then the definitions of the lists used."""
    document = read(data)
    props = document.core_properties
    lines = [f"title: {props.title}", f"author: {props.author}", f"language: {props.language}", ""]
    links = {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.is_external}
    used: set[int] = set()
    body = document.element.body
    numbers = iter(word_numbers(document))
    for block in body.iterchildren():
        if block.tag == qn("w:tbl"):
            for row in block.iterchildren(qn("w:tr")):
                cells = ["".join(t.text or "" for t in c.iter(qn("w:t"))) for c in row.iterchildren(qn("w:tc"))]
                lines.append("  | " + " | ".join(cells) + " |")
            continue
        if block.tag != qn("w:p"):
            continue
        paragraph = docx.text.paragraph.Paragraph(block, document._body)
        number = next(numbers)
        numpr = block.pPr.numPr if block.pPr is not None else None
        if numpr is not None:
            used.add(numpr.numId.val)
        parts = []
        for child in block.iterchildren():
            if child.tag == qn("w:hyperlink"):
                parts.append(f"<{links[child.get(qn('r:id'))]}|{''.join(t.text for t in child.iter(qn('w:t')))}>")
            elif child.tag == qn("w:r"):
                run = docx.text.run.Run(child, paragraph)
                name = run.style.name if run.style is not None else "Default Paragraph Font"
                text = run.text.replace("\t", "⇥").replace("\n", "↵")
                parts.append(text if name == "Default Paragraph Font" else "{" + name + ":" + text + "}")
        shown = f"#{number} " if number is not None else ""
        lines.append(f"[{paragraph.style.name}] {shown}{''.join(parts)}")
    lines.append("")
    for num_id, levels in sorted(list_levels(document).items()):
        if num_id in used:
            lines.append(f"list {num_id}: " + " / ".join(f"{fmt} {start} {text!r}"
                                                         for _, (fmt, start, text) in sorted(levels.items())))
    return "\n".join(lines) + "\n"


SAMPLES = sorted((ROOT / "samples").glob("*.agenda"))
CASES = [("public", "en"), ("public", "fr"), ("internal", "en")]


@pytest.mark.parametrize(("view", "language"), CASES, ids=[f"{v}-{lang}" for v, lang in CASES])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_docx_golden(golden, path, view, language) -> None:
    data = render(path, view=View(view), language=language)
    golden(DATA / "goldens" / path.stem / f"{view}-{language}.docx.txt", dump(data))


@pytest.mark.parametrize("path", sorted((ROOT / "samples" / "real").glob("*.agenda")), ids=lambda p: p.stem)
def test_real_agenda_docx_golden(golden, path) -> None:
    golden(DATA / "goldens" / "real" / path.stem / "public.docx.txt", dump(render(path)))
