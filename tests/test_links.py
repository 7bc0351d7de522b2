"""Links: '[text](address)' and bare web addresses become links in every format, but only for
http, https and mailto; anything else stays text, and no format makes a link, an image or raw
HTML of it (Markdown's reference definitions and autolinks included)."""

from __future__ import annotations

import html5lib
import pytest
from markdown_it import MarkdownIt

from agendadsl import analyse
from agendadsl.render import Options, View, render_text

MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def agenda_of(title: str, note: str = "Note."):
    agenda, diagnostics = analyse(f"body: Board\ndate: 1 May 2026\n\n1. {title}\n   > {note}\n")
    assert agenda is not None and not [d for d in diagnostics if d.is_error], diagnostics
    return agenda


def html_links(page: str) -> list[tuple[str, str]]:
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    return [(a.get("href"), "".join(a.itertext())) for a in document.iter("a") if "link" in (a.get("class") or "")]


def markdown_links(text: str) -> list[str]:
    hrefs = []
    for token in MARKDOWN.parse(text):
        for child in token.children or ():
            if child.type == "link_open":
                hrefs.append(child.attrGet("href"))
            assert child.type not in ("image", "html_inline"), child
        assert token.type != "html_block"
    return hrefs


SAFE = [
    ("see [the note](https://rm.coe.int/note-42) now", "https://rm.coe.int/note-42", "the note"),
    ("slides at https://example.org/a_(b).pdf.", "https://example.org/a_(b).pdf", "https://example.org/a_(b).pdf"),
    ("write to mailto:secretariat@example.org", "mailto:secretariat@example.org", "mailto:secretariat@example.org"),
    ('[x](https://e.example/"><script>alert(1)</script>)', 'https://e.example/"><script>alert(1)</script>', "x"),
    ("<https://ok.example>", "https://ok.example", "https://ok.example"),
]


@pytest.mark.parametrize(("title", "url", "text"), SAFE, ids=[s[1][:30] for s in SAFE])
def test_a_safe_address_is_one_link_in_every_format(title: str, url: str, text: str) -> None:
    agenda = agenda_of(title)
    assert html_links(render_text(agenda, "html")) == [(url, text)]
    # The Markdown reader normalises the address as a browser would (" becomes %22, < %3C).
    assert markdown_links(render_text(agenda, "markdown")) == [MARKDOWN.normalizeLink(url)]
    latex = render_text(agenda, "latex")
    assert latex.count("\\href{") == 1  # (inside \\href's address, < and " are characters of the address)


UNSAFE = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "[x](ftp://files.example/a)",
    "<javascript:alert(1)>",
    "[click][1] and [1]: javascript:alert(1)",
    "![img](javascript:alert(1))",
]


@pytest.mark.parametrize("title", UNSAFE)
@pytest.mark.parametrize("view", list(View), ids=lambda v: v.value)
def test_any_other_address_stays_text_in_every_format(title: str, view: View) -> None:
    agenda = agenda_of(title, note=title)
    page = render_text(agenda, "html", Options(view=view))
    assert html_links(page) == []
    assert "javascript:" not in "".join(a.get("href") or "" for a in html5lib.parse(page).iter(
        "{http://www.w3.org/1999/xhtml}a"))
    assert markdown_links(render_text(agenda, "markdown", Options(view=view))) == []
    assert "\\href" not in render_text(agenda, "latex", Options(view=view))
    from agendadsl.language.nodes import Link

    assert not [part for part in agenda.items[0].title.parts if isinstance(part, Link)]


def test_links_and_their_text_reach_the_json_and_round_trip_through_fmt() -> None:
    from agendadsl import format_source, to_json

    source = r"1. See [the \[draft\] note](https://example.org/n) and https://example.org/x" + "\n"
    agenda = agenda_of(source[3:].strip())
    import json

    parts = json.loads(to_json(agenda))["items"][0]["title_parts"]
    assert [p["link"] for p in parts if "link" in p] == [
        {"text": "the [draft] note", "url": "https://example.org/n"},
        {"text": "https://example.org/x", "url": "https://example.org/x"}]
    formatted = format_source(source).text
    assert format_source(formatted).text == formatted and r"[the \[draft\] note](https://example.org/n)" in formatted
