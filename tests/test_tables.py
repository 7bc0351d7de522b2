"""``table:``: rows of cells between "|", the first row the header, as TC39 writes its emoji key.
What the parser reads (a Markdown table pasted as it is included), what fmt writes back, the
width check, and what each format prints, hostile cells included."""

from __future__ import annotations

import json

import html5lib
import pytest
from markdown_it import MarkdownIt

from agendadsl import analyse, format_source
from agendadsl.edit.changes import diff
from agendadsl.language.nodes import Group, Link, Table
from agendadsl.render import Options, render_text

KEY = """body: Ecma TC39
date: 14 April 2025

# Agenda key
  > When applicable, use these emoji as a prefix to the agenda item topic.

table:
  Emoji | Meaning
  ❄️ | hard schedule constraints apply to this agenda item (e.g. presenter)
  🔁 | continuation of a [previous item](https://github.com/tc39/agendas) \\| see notes

1. Opening
"""


def table_of(source: str) -> Table:
    agenda, diagnostics = analyse(source)
    assert agenda is not None and not [d for d in diagnostics if d.is_error], [d.code for d in diagnostics]
    tables = [e for e in agenda.groups_and_body() if isinstance(e, Table)]
    assert len(tables) == 1
    return tables[0]


def texts(table: Table) -> list[list[str]]:
    return [[cell.plain for cell in row] for row in (table.header, *table.rows)]


def test_rows_and_cells() -> None:
    table = table_of(KEY)
    assert texts(table) == [
        ["Emoji", "Meaning"],
        ["❄️", "hard schedule constraints apply to this agenda item (e.g. presenter)"],
        ["🔁", "continuation of a previous item | see notes"]]
    links = [p for p in table.rows[1][1].parts if isinstance(p, Link)]
    assert [(link.text, link.url) for link in links] == [("previous item", "https://github.com/tc39/agendas")]


def test_the_table_belongs_to_the_heading_before_it() -> None:
    agenda, _ = analyse(KEY)
    (group,) = [e for e in agenda.body if isinstance(e, Group)]
    assert isinstance(group.body[0], Table)


def test_a_markdown_table_pasted_as_it_is() -> None:
    source = KEY.replace("""  Emoji | Meaning
  ❄️ | hard""", """  | Emoji | Meaning |
  | :---: | :--- |
  | ❄️ | hard""").replace("(e.g. presenter)\n", "(e.g. presenter) |\n")
    assert texts(table_of(source)) == texts(table_of(KEY))
    formatted = format_source(source).text
    assert formatted == KEY


@pytest.mark.parametrize(("row", "cells"), [
    ("a | b | c", ["a", "b", "c"]),
    ("| a | b | c |", ["a", "b", "c"]),
    ("| | b | c |", ["", "b", "c"]),
    ("| a | b | |", ["a", "b", ""]),
    ("a |  | c", ["a", "", "c"]),
    ("a \\| b | c | d", ["a | b", "c", "d"]),
])
def test_cells_and_empty_cells_read_and_written_back(row: str, cells: list[str]) -> None:
    source = f"date: 1 May 2026\n\ntable:\n  A | B | C\n  {row}\n\n1. Opening\n"
    assert texts(table_of(source))[1] == cells
    formatted = format_source(source).text
    assert texts(table_of(formatted))[1] == cells
    assert format_source(formatted).text == formatted


def test_a_row_of_another_width_is_reported() -> None:
    _agenda, diagnostics = analyse("date: 1 May 2026\n\ntable:\n  A | B\n  a | b | c\n  d\n\n1. Opening\n")
    assert [(d.code, d.span.line, d.message) for d in diagnostics] == [
        ("table-row-width", 5, "this row has 3 cells, the header row 2"),
        ("table-row-width", 6, "this row has 1 cell, the header row 2")]


def test_html_table() -> None:
    agenda, _ = analyse(KEY)
    page = render_text(agenda, "html", Options())
    document = html5lib.parse(page, namespaceHTMLElements=False)
    (table,) = [t for t in document.iter("table") if "text-table" in t.get("class", "")]
    rows = [[("".join(c.itertext()), c.tag) for c in row] for row in table.iter("tr")]
    assert rows[0] == [("Emoji", "th"), ("Meaning", "th")]
    assert rows[2] == [("🔁", "td"), ("continuation of a previous item | see notes", "td")]
    assert [a.get("href") for a in table.iter("a")] == ["https://github.com/tc39/agendas"]


def test_markdown_table() -> None:
    agenda, _ = analyse(KEY)
    text = render_text(agenda, "markdown", Options())
    document = html5lib.parse(MarkdownIt("commonmark").enable("table").render(text), namespaceHTMLElements=False)
    (table,) = document.iter("table")
    rows = [["".join(c.itertext()) for c in row] for row in table.iter("tr")]
    assert rows == [["Emoji", "Meaning"],
                    ["❄️", "hard schedule constraints apply to this agenda item (e.g. presenter)"],
                    ["🔁", "continuation of a previous item | see notes"]]


def test_latex_longtable_and_json_cells() -> None:
    agenda, _ = analyse(KEY)
    tex = render_text(agenda, "latex", Options())
    assert "\\begin{longtable}" in tex and "\\raggedright\\textbf{Meaning}" in tex
    body = json.loads(render_text(agenda, "json", Options()))["body"]
    table = body[0]["body"][0]
    assert table["type"] == "table" and table["line"] == 7
    assert [c["text"] for c in table["header"]] == ["Emoji", "Meaning"]
    assert table["rows"][1][1]["parts"][1] == {"link": {"text": "previous item",
                                                         "url": "https://github.com/tc39/agendas"}}


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "\\\\input{/etc/passwd}", "$x^2$ & % #",
                                     "**bold** _em_ `code`", "[click](javascript:alert(1))"])
def test_hostile_cells_stay_text(hostile: str) -> None:
    agenda, diagnostics = analyse(f"date: 1 May 2026\n\ntable:\n  Name | Value\n  x | {hostile}\n\n1. Opening\n")
    assert not [d for d in diagnostics if d.is_error]
    shown = agenda.body[0].rows[0][1].plain
    page = render_text(agenda, "html", Options())
    document = html5lib.parse(page, namespaceHTMLElements=False)
    cells = ["".join(td.itertext()) for td in document.iter("td")]
    assert shown in cells
    assert not [e for e in document.iter("script")] and "javascript:" not in "".join(
        a.get("href", "") for a in document.iter("a"))
    markdown = MarkdownIt("commonmark").enable("table").render(render_text(agenda, "markdown", Options()))
    md_cells = ["".join(td.itertext()) for td in html5lib.parse(markdown, namespaceHTMLElements=False).iter("td")]
    assert shown in md_cells
    tex = render_text(agenda, "latex", Options())
    assert "\\input{" not in tex.replace("\\textbackslash{}input", "") and "$x^2$" not in tex


def test_diff_shows_an_edited_row() -> None:
    old, _ = analyse(KEY)
    new, _ = analyse(KEY.replace("🔁 | continuation", "🔁 | a continuation"))
    (change,) = diff(old, new)
    assert change.kind == "text" and change.title.startswith("🔁 | a continuation")
