"""Rendered files checked by real tools: lualatex and pdftotext, an HTML5 parser, markdown-it,
the icalendar parser and headless Chromium. In CI (AGENDA_REQUIRE_TOOLS=1) a missing tool fails
the run instead of skipping, so these checks can never silently stop running."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import html5lib
import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt

from agendadsl import parse
from agendadsl.render import Options, render_bytes, render_text
from agendadsl.render.view import View
from conftest import ROOT, need

SAMPLES = sorted((ROOT / "samples").glob("*.agenda"))
SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"




def load(path):
    return parse(path.read_text(encoding="utf-8")).agenda


def shown_title(item: dict) -> str:
    """The title as readers see it: cross-references show the number of the item they name."""
    return "".join(part.get("text") or (part["docref"]["text"] if "docref" in part else part["number"])
                   for part in item["title_parts"])


def numbered(path) -> list[tuple[str, str]]:
    """(number, title) of every numbered item, in order, from the JSON rendering."""
    document = json.loads(render_text(load(path), "json"))
    out, stack = [], list(reversed(document["items"]))
    while stack:
        item = stack.pop()
        if item["number"]:
            out.append((item["number"], shown_title(item)))
        stack.extend(reversed(item["children"]))
    return out


def normalise(text: str) -> str:
    """One line of text, hyphenated line ends joined, page numbers (a line of digits before a page
    break) left out."""
    text = re.sub(r"\n[ \t]*[0-9]+[ \t]*\n\f", "\n", text)
    return re.sub(r"\s+", " ", re.sub(r"-\n\s*", "-", text)).strip()


_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff]")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_pdf_holds_every_number_and_title_in_order(path, tmp_path) -> None:
    need("lualatex")
    pdftotext = need("pdftotext")
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(render_bytes(load(path), "pdf", Options(view=View.INTERNAL)))
    text = normalise(subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                    text=True, check=True).stdout)
    position = 0
    for number, title in numbered(path):
        # pdftotext writes Hebrew and Arabic in visual order, as presentation forms: a title is
        # compared up to its first right-to-left letter (their order: tests/test_pdf_hostile.py).
        title = _RIGHT_TO_LEFT.split(title)[0]
        found = text.find(normalise(f"{number} {title}"), position)
        assert found >= 0, f"{number} {title!r} not found in order in the PDF text"
        position = found


HOSTILE_TITLE = (r"\input\{/etc/passwd\} \write18\{id\} 100% & #1 _x_ ^2 ~ \{ \} lone \ backslash "
                 r"\directlua\{os.exit(1)\} -- `` '' Ελληνικά Кириллица 日本語 Ça été")
HOSTILE_LITERAL = HOSTILE_TITLE.replace("\\{", "{").replace("\\}", "}")


def test_hostile_title_compiles_and_prints_literally(tmp_path) -> None:
    need("lualatex")
    pdftotext = need("pdftotext")
    agenda = parse(f"body: Test\ndate: 1 May 2026\n\n1. {HOSTILE_TITLE}\n").agenda
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(render_bytes(agenda, "pdf"))
    text = subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert normalise(HOSTILE_LITERAL) in normalise(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_html_is_valid_html5_with_anchors_and_times(path) -> None:
    page = render_text(load(path), "html", Options(view=View.INTERNAL))
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert document.get("lang")
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    numbers = [n for n, _ in numbered(path)]
    shown = ["".join(e.itertext()) for e in document.iter("span") if e.get("class") == "number"]
    assert shown == numbers
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.get("datetime")) for t in document.iter("time"))
    # Self-contained: nothing is fetched (links are followed only when clicked).
    assert not re.search(r"<(?:link|script|img|iframe|object)\b|\bsrc=|@import|url\(", page)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_markdown_round_trips_numbers_and_order(path) -> None:
    text = render_text(load(path), "markdown", Options(view=View.INTERNAL))
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(text)
    items = []
    for index, token in enumerate(tokens):
        if token.type != "inline" or index < 2 or tokens[index - 2].type != "list_item_open":
            continue
        children = [c for c in token.children or [] if not (c.type == "text" and not c.content)]
        if children and children[0].type == "strong_open":
            line = []
            for child in children[3:]:
                if child.type in ("softbreak", "hardbreak"):
                    break
                line.append(child.content if child.type == "text" else "")  # s_open: withdrawn
            items.append((children[1].content, "".join(line).strip()))
    assert items == [(number, re.sub(r"\s+", " ", title)) for number, title in numbered(path)]
    assert all(t.type != "ordered_list_open" for t in tokens)


C, T = "CONFIRMED", "TENTATIVE"
NEXT_MEETING_STATUSES = {
    "city-council-2026-03-10": [C, C, C],
    "interfaith-council-2026-09-14": [],  # no next meetings
    "lanzarote-2020-11-23": [T, T, T, T],
    "lanzarote-2020-11-23-en-fr": [T, T, T, T],
    "oss-steering-2026-04-02": [C, C, C],
    "university-board-2026-05-20": [C, T, C],  # "Pavillon Marie-Guyart (tbc)": the place alone
}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_ics_imports_with_tentative_and_stable_uids(path) -> None:
    agenda = load(path)
    text = render_text(agenda, "ics")
    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    dates, time = agenda.meeting.dates, agenda.meeting.time
    days = 0 if dates is None else 1 if time is None else (dates.last.to_date() - dates.start.to_date()).days + 1
    assert len(events) == days + len(agenda.next_meetings)  # with hours, one event a day
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    # Read off each sample's "next meetings:" block by hand: tentative where a date, place or kind is tbc.
    assert [str(e["STATUS"]) for e in events[days:]] == NEXT_MEETING_STATUSES[path.stem]
    assert render_text(load(path), "ics") == text


def test_a_next_meeting_keeps_its_uid_when_its_own_agenda_is_published() -> None:
    # The seed lists "7-11 December 2020 (tbc)"; the agenda of that meeting, published for those
    # dates, is the same calendar event. (UIDs are per day, so two meetings of one body in a month
    # are two events; a meeting moved to another day is another event.)
    earlier = Calendar.from_ical(render_text(load(SEED), "ics"))
    later = parse("body: Lanzarote Committee\nkind: virtual\ndate: 7-11 December 2020\n\n1. Opening\n").agenda
    (current,) = Calendar.from_ical(render_text(later, "ics")).walk("VEVENT")
    listed = [e for e in earlier.walk("VEVENT") if str(e["DTSTART"].to_ical()) .startswith("b'202012")]
    assert [str(e["UID"]) for e in listed] == [str(current["UID"])]


def test_html_screenshot_in_headless_chromium(tmp_path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        need("chromium")
    page = tmp_path / "seed.html"
    page.write_bytes(render_bytes(load(SEED), "html"))
    shot = ROOT / "tests" / "output" / "lanzarote-2020-11-23.png"
    shot.parent.mkdir(exist_ok=True)
    shot.unlink(missing_ok=True)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,1400", "--hide-scrollbars",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=False)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a page with text, not a blank canvas


@pytest.mark.parametrize("path", sorted((ROOT / "samples").glob("*.agenda")), ids=lambda p: p.stem)
def test_the_html_prints_on_no_more_pages_than_the_pdf(path, tmp_path) -> None:
    """Chromium's print of the page against the LaTeX PDF: the print stylesheet must not waste
    pages (an item with sub-items kept whole left the seed's first page with only the masthead)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        need("chromium")
    need("lualatex")
    pdfinfo = need("pdfinfo")
    agenda = load(path)
    page = tmp_path / "agenda.html"
    page.write_bytes(render_bytes(agenda, "html"))
    (tmp_path / "agenda.pdf").write_bytes(render_bytes(agenda, "pdf"))
    printed = tmp_path / "printed.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                    "--disable-background-networking", "--disable-component-update", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={printed}", page.as_uri()],
                   capture_output=True, timeout=120, check=False)

    def pages(pdf) -> int:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))

    assert pages(printed) <= pages(tmp_path / "agenda.pdf")


def test_the_status_keeps_its_case_in_print(tmp_path) -> None:
    """'Rev.1' is printed as written, not 'REV.1': read back from the PDF and from Chromium's print."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        need("chromium")
    need("lualatex")
    pdftotext = need("pdftotext")
    agenda = load(ROOT / "samples" / "university-board-2026-05-20.agenda")
    page = tmp_path / "agenda.html"
    page.write_bytes(render_bytes(agenda, "html"))
    (tmp_path / "agenda.pdf").write_bytes(render_bytes(agenda, "pdf"))
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                    "--no-pdf-header-footer", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--print-to-pdf={tmp_path / 'printed.pdf'}", page.as_uri()], capture_output=True, timeout=120,
                   check=False)
    for pdf in ("agenda.pdf", "printed.pdf"):
        text = subprocess.run([pdftotext, "-l", "1", str(tmp_path / pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Provisional Rev.1" in text and "REV.1" not in text, (pdf, text[:200])
