"""``list of documents: yes``: every reference the shown items cite, grouped by series, with its
link, its date and the numbers of the items that cite it."""

from __future__ import annotations

import html5lib

from agendadsl import analyse, format_source
from agendadsl.render import Options, View, render_text
from agendadsl.render.view import build

SOURCE = """body: Lanzarote Committee
date: 23 November 2020
series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}
series RFC: RFC {n} https://www.rfc-editor.org/rfc/rfc{n}
list of documents: yes

1. Adoption of the agenda [T-ES(2020)04]
2. Report
   @docs [T-ES(2020)23], [RFC 9110] of 3 June 2022
   > See also [T-ES(2020)23] and [CM(2020)1].
   2.1 Details
       - citing [RFC 9110]
3. Secretariat only [T-ES(2020)99]
   @visibility internal
"""


def index(source: str = SOURCE, view: View = View.PUBLIC):
    agenda, diagnostics = analyse(source)
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return [(group.name, [(c.ref.text, c.ref.url, c.ref.date, c.items) for c in group.refs])
            for group in build(agenda, view=view).documents]


def test_grouped_by_series_in_the_header_order_with_the_citing_items() -> None:
    assert index() == [
        ("T-ES", [("T-ES(2020)04", "https://rm.coe.int/T-ES%282020%2904", None, ("1",)),
                  ("T-ES(2020)23", "https://rm.coe.int/T-ES%282020%2923", None, ("2",))]),
        ("RFC", [("RFC 9110", "https://www.rfc-editor.org/rfc/rfc9110", "3 June 2022", ("2", "2.1"))]),
        (None, [("CM(2020)1", None, None, ("2",))])]


def test_internal_items_count_only_in_the_run_sheet() -> None:
    assert "T-ES(2020)99" not in str(index())
    assert ("T-ES(2020)99", "https://rm.coe.int/T-ES%282020%2999", None, ("3",)) in index(view=View.INTERNAL)[0][1]


def test_off_unless_asked() -> None:
    assert index(SOURCE.replace("list of documents: yes\n", "")) == []
    assert index(SOURCE.replace("list of documents: yes", "list of documents: no")) == []
    _agenda, diagnostics = analyse(SOURCE.replace("list of documents: yes", "list of documents: maybe"))
    assert [(d.code, d.span.line) for d in diagnostics] == [("invalid-value", 5)]


def test_every_format_prints_it() -> None:
    agenda, _ = analyse(SOURCE)
    page = render_text(agenda, "html", Options())
    document = html5lib.parse(page, namespaceHTMLElements=False)
    (section,) = [s for s in document.iter("section") if s.get("class") == "documents-list"]
    assert ["".join(li.itertext()) for li in section.iter("li")] == [
        "T-ES(2020)04: item 1", "T-ES(2020)23: item 2", "RFC 9110 (3 June 2022): items 2, 2.1", "CM(2020)1: item 2"]
    assert "- [RFC 9110](<https://www.rfc-editor.org/rfc/rfc9110>) (3 June 2022): items 2, 2.1" in render_text(
        agenda, "markdown", Options())
    assert "(3 juin 2022)\u00a0: points 2, 2.1" in render_text(agenda, "markdown", Options(language="fr"))
    assert "\\section*{List of documents}" in render_text(agenda, "latex", Options())


def test_fmt_keeps_the_header_line() -> None:
    formatted = format_source(SOURCE).text
    assert "list of documents: yes\n" in formatted
    assert format_source(formatted).text == formatted
