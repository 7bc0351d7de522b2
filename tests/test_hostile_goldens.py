"""Hostile text in every construct of "Real agendas, part 2" (tests/data/hostile/): links with the
javascript:, data: and vbscript: schemes, Markdown reference definitions and autolinks, footnotes,
field names, labels, participants, table cells and past-meeting remarks. Golden renders in every
format and view, reviewed once by hand, and the invariants each format must keep whatever the
goldens say: no link but http, https and mailto, no markup made of text, a PDF that compiles."""

from __future__ import annotations

import json

import html5lib
import pytest
from markdown_it import MarkdownIt

from agendadsl import analyse
from agendadsl.render import Options, View, render_bytes, render_text
from conftest import DATA, need

SOURCE = DATA / "hostile" / "links-and-names.agenda"
EXTENSIONS = {"html": "html", "latex": "tex", "markdown": "md", "json": "json", "ics": "ics"}
SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")


def agenda():
    found, diagnostics = analyse(SOURCE.read_text(encoding="utf-8"))
    assert found is not None and diagnostics == [], [d.message for d in diagnostics]
    return found


@pytest.mark.parametrize("fmt", EXTENSIONS)
@pytest.mark.parametrize("view", [View.PUBLIC, View.INTERNAL], ids=lambda v: v.value)
def test_golden(golden, view: View, fmt: str) -> None:
    golden(DATA / "hostile" / f"{view.value}.{EXTENSIONS[fmt]}", render_text(agenda(), fmt, Options(view=view)))


@pytest.mark.parametrize("view", [View.PUBLIC, View.INTERNAL], ids=lambda v: v.value)
def test_html_has_no_markup_from_the_text(view: View) -> None:
    page = render_text(agenda(), "html", Options(view=view))
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    tags = {element.tag for element in document.iter()}
    assert not tags & {"script", "img", "iframe", "b", "i", "u", "object"}
    for element in document.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib), element.attrib
        href = element.get("href")
        assert href is None or href.startswith(SAFE_SCHEMES), href
    hrefs = [a.get("href") for a in document.iter("a") if "link" in (a.get("class") or "")]
    # A bare address ends before "<" ("<https://ok.example/?q=<script>>", "...&b=<2>").
    assert hrefs == ["https://ok.example/?q=", "https://example.org/a_(b)?x=1&y=\"2\"", "mailto:secretariat@example.org",
                     "https://e.example/\"><script>alert(1)</script>", "https://ok.example",
                     "https://example.org/m?a=1&b="]


@pytest.mark.parametrize("view", [View.PUBLIC, View.INTERNAL], ids=lambda v: v.value)
def test_markdown_has_no_markup_from_the_text(view: View) -> None:
    text = render_text(agenda(), "markdown", Options(view=view))
    reader = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = [t for token in reader.parse(text) for t in (token, *(token.children or ()))]
    assert not [t for t in tokens if t.type in ("html_inline", "html_block", "image")]
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert hrefs and all(str(href).startswith(SAFE_SCHEMES) for href in hrefs), hrefs
    assert len(hrefs) == 6


def test_json_keeps_the_text_exactly() -> None:
    data = json.loads(render_text(agenda(), "json", Options()))
    assert data["meeting"]["body"] == "Board <b>&amp;</b> \\input{x}"
    assert data["meeting"]["fields"]["Chair's note"] == "[x](javascript:alert(1))"
    assert data["footnotes"][0]["text"].startswith("Footnote with <script>alert(1)</script>")


def test_the_pdf_compiles() -> None:
    need("lualatex")
    assert render_bytes(agenda(), "pdf").startswith(b"%PDF-")
