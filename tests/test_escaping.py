"""Hostile text renders literally in every format: no markup, command or link is ever injected."""

from __future__ import annotations

import json

import html5lib
import pytest
from markdown_it import MarkdownIt

from agendadsl import analyse
from agendadsl.render import Options, View, render_text
from agendadsl.language.urls import safe_url

# Titles as a writer types them (brackets and braces escaped as the language requires).
HOSTILE = [
    r"\input\{/etc/passwd\}",
    r"\write18\{rm -rf /\}",
    r"100% & #1 _x_ ^2 ~home \{ \} and a lone \ backslash",
    r"\directlua\{os.execute('id')\} \catcode`\@=11",
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "<img src=x onerror=alert(1)>",
    "*bold* _em_ **strong** `code` ~~gone~~",
    "# heading | table | cell",
    "1. not a list",
    r"\[x\](javascript:alert(1))",
    r"\[x\]: javascript:alert(1)",
    "<javascript:alert(1)> <evil.example>",  # (a web address is a link: test_links.py)
    "&amp; &lt;b&gt; &#x3C;",
    "$x^2$ and $$y$$",
    "-- --- `` '' << >>",
]
LITERAL = [text.replace("\\{", "{").replace("\\}", "}").replace("\\[", "[").replace("\\]", "]") for text in HOSTILE]


def agenda_with(title: str):
    agenda, diagnostics = analyse(f"body: Test\ndate: 1 May 2026\n\n1. {title}\n   > {title}\n   - {title}\n")
    assert agenda is not None and not [d for d in diagnostics if d.is_error], diagnostics
    return agenda


@pytest.mark.parametrize(("source", "literal"), list(zip(HOSTILE, LITERAL)), ids=list(range(len(HOSTILE))))
def test_html_prints_hostile_text_literally(source: str, literal: str) -> None:
    page = render_text(agenda_with(source), "html", Options(view=View.ANNOTATED))
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert document.findall(".//script") == []
    for element in document.iter():
        assert not any(name.startswith("on") for name in element.attrib), element.attrib
    title = document.find(".//li[@id='item-1']//span[@class='title']")
    assert "".join(title.itertext()) == literal
    assert sum(1 for a in document.iter("a") if a.get("href", "").startswith("javascript")) == 0


def _markdown_tokens(text: str):
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(text)


@pytest.mark.parametrize(("source", "literal"), list(zip(HOSTILE, LITERAL)), ids=list(range(len(HOSTILE))))
def test_markdown_prints_hostile_text_literally(source: str, literal: str) -> None:
    text = render_text(agenda_with(source), "markdown", Options(view=View.ANNOTATED))
    tokens = _markdown_tokens(text)
    kinds = {t.type for t in tokens}
    children = {c.type for t in tokens if t.children for c in t.children}
    assert not kinds & {"table_open", "ordered_list_open", "html_block", "code_block", "fence"}
    assert not children & {"link_open", "html_inline", "code_inline", "em_open", "s_open", "image"}
    assert {c.type for t in tokens if t.children for c in t.children if c.type == "strong_open"} <= {"strong_open"}
    rendered = [t.content for t in tokens if t.type == "inline" and t.content.startswith("**1.**")]
    assert len(rendered) == 1
    plain = "".join(c.content for t in tokens if t.type == "inline" and t.content.startswith("**1.**")
                    for c in t.children if c.type == "text")
    assert plain == "1. " + literal


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "//evil.example/",
    "http:evil", "https:/x", "file:///etc/passwd",
])
def test_unsafe_urls_are_refused(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize("url", ["https://rm.coe.int/t-es-2020-23", "http://example.org/a?b=c", "mailto:sec@coe.int"])
def test_safe_urls_pass(url: str) -> None:
    assert safe_url(url) == url


def test_a_series_with_a_javascript_url_is_never_linked() -> None:
    """The grammar takes only http, https and mailto addresses as a series' URL, so written in a file
    a javascript: address never becomes one (it is refused). The renderers must not trust that
    alone: a series given such a URL (as a tool building an Agenda could) still links nothing."""
    from dataclasses import replace

    _agenda, diagnostics = analyse("series X: X-{n} javascript:alert('{n}')\n1. See [X-1]\n")
    assert any(d.is_error for d in diagnostics)
    agenda, diagnostics = analyse("series X: X-{n} https://ok.example/{n}\n1. See [X-1]\n   @docs [X-1]\n")
    assert agenda is not None and diagnostics == []
    # The reference is of the series: with a safe URL it is linked in every format.
    for fmt in ("html", "markdown", "latex", "json"):
        assert "https://ok.example/1" in render_text(agenda, fmt), fmt
    (series,) = agenda.meeting.series
    hostile = replace(agenda, meeting=replace(agenda.meeting, series=(replace(series, url="javascript:alert('{n}')"),)))
    for fmt in ("html", "markdown", "latex"):
        text = render_text(hostile, fmt)
        assert "javascript" not in text and "alert" not in text, fmt
    # JSON is data: it lists the series as declared, but gives its references no URL.
    item = json.loads(render_text(hostile, "json"))["items"][0]
    assert item["documents"] == [{"text": "X-1", "series": "X", "url": None}]
    assert {"docref": {"text": "X-1", "series": "X", "url": None}} in item["title_parts"]
