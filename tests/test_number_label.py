"""``number label: Item No.``: the words printed before each top-level item's number."""

from __future__ import annotations

import json

import html5lib

from agendadsl import analyse, format_source
from agendadsl.render import Options, render_text

SOURCE = """body: Board of Supervisors
date: 21 May 2024
number label: Item No.

1. Approval of the minutes

2. Budget hearing
   > See {hearing}.

   2.1 Public comment {#hearing}
"""


def test_top_level_lines_print_the_label_sub_items_and_references_do_not() -> None:
    agenda, diagnostics = analyse(SOURCE)
    assert diagnostics == []
    page = html5lib.parse(render_text(agenda, "html", Options()), namespaceHTMLElements=False)
    numbers = ["".join(s.itertext()) for s in page.iter("span") if s.get("class") == "number"]
    assert numbers == ["Item No. 1", "Item No. 2", "2.1"]
    assert "See 2.1." in "".join(page.find("body").itertext())
    markdown = render_text(agenda, "markdown", Options())
    assert "* **Item No. 1** Approval of the minutes" in markdown and "  * **2.1** Public comment" in markdown
    assert "}{Item No. 2}{" in render_text(agenda, "latex", Options())
    data = json.loads(render_text(agenda, "json", Options()))
    assert data["meeting"]["number_label"] == "Item No." and data["items"][1]["number"] == "2."


def test_fmt_keeps_it() -> None:
    assert format_source(SOURCE).text == SOURCE
