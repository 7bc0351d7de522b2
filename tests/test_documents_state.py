"""``@documents available`` and ``@documents to follow``: the per-item mark that an item's
documents are out, or come later ("paper to follow")."""

from __future__ import annotations

import json

import pytest

from agendadsl import analyse, format_source
from agendadsl.language.nodes import DocumentsState
from agendadsl.render import Options, render_text

SOURCE = """date: 1 May 2026

1. Budget 2027
   @docs [CM(2026)12]
   @documents available

2. Report of the auditors
   @documents To  Follow

3. Any other business
"""


def test_the_mark_is_read_in_any_case_and_spacing() -> None:
    agenda, diagnostics = analyse(SOURCE)
    assert diagnostics == []
    states = [item.documents_state.value if item.documents_state else None for item in agenda.items]
    assert states == [DocumentsState.AVAILABLE, DocumentsState.TO_FOLLOW, None]


def test_fmt_writes_it_in_lower_case_after_the_references() -> None:
    formatted = format_source(SOURCE).text
    assert "   @docs [CM(2026)12]\n   @documents available\n" in formatted
    assert "   @documents to follow\n" in formatted
    assert format_source(formatted).text == formatted


@pytest.mark.parametrize(("language", "words"), [("en", ("documents available", "documents to follow")),
                                                 ("fr", ("documents disponibles", "documents à suivre"))])
def test_published_in_the_output_language(language: str, words: tuple[str, str]) -> None:
    agenda, _ = analyse(SOURCE)
    for fmt in ("html", "markdown", "latex"):
        text = render_text(agenda, fmt, Options(language=language))
        assert all(word in text for word in words), fmt


def test_json_and_an_unknown_state() -> None:
    agenda, _ = analyse(SOURCE)
    items = json.loads(render_text(agenda, "json", Options()))["items"]
    assert [item["documents_state"] for item in items] == ["available", "to follow", None]
    _agenda, diagnostics = analyse("date: 1 May 2026\n\n1. Budget\n   @documents soon\n")
    assert [d.code for d in diagnostics] == ["invalid-value"]
    assert "'available', 'to follow'" in diagnostics[0].message
