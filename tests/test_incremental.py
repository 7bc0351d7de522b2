"""Parsing again only the item an edit fell in (language/incremental.py, issue 13's latency): the
result must be exactly that of parsing the whole new text, spans, comments and diagnostics
included; and the shortcut must actually be taken for the edits it is for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import agendas

from agendadsl.checks.analyse import analysis_of
from agendadsl.language.incremental import reparse
from agendadsl.language.lexemes import lexemes
from agendadsl.language.parser import parse
from agendadsl.lsp.analysis import Analysis

SAMPLES = sorted(p for p in Path(__file__).parent.parent.glob("samples/**/*.agenda") if "invalid" not in p.parts)
SLOW = list(settings.default.suppress_health_check)
# What an edit may type: letters, the language's markers and brackets, spaces and a tab.
TYPED = st.text(st.sampled_from("ab Z1.#*-[]{}@:>!|/^(),\t\u00e9\U0001f600"), max_size=6)


def same(after: str, before: str) -> None:
    """The analysis of ``after`` from that of ``before`` equals the analysis of ``after`` alone, and
    so do the language server's tokens for colours."""
    full = analysis_of(after)
    quick = analysis_of(after, analysis_of(before))
    assert repr(quick.agenda) == repr(full.agenda)  # repr shows spans and comments, which == leaves out
    assert [repr(d) for d in quick.diagnostics] == [repr(d) for d in full.diagnostics]
    assert repr(quick.recovered) == repr(full.recovered)
    first = Analysis(before)
    assert first.lexemes is not None  # computed: what the next version starts from
    assert Analysis(after, previous=first).lexemes == lexemes(after)


def edited(text: str, line: int, start: int, end: int, typed: str) -> str:
    lines = text.split("\n")
    lines[line] = lines[line][:start] + typed + lines[line][end:]
    return "\n".join(lines)


@st.composite
def edits(draw, texts: st.SearchStrategy[str]) -> tuple[str, str]:
    """A text and the same text with a few characters of one line replaced, as typing does."""
    text = draw(texts)
    lines = text.split("\n")
    line = draw(st.integers(0, len(lines) - 1))
    start = draw(st.integers(0, len(lines[line])))
    end = draw(st.integers(start, min(len(lines[line]), start + 4)))
    return text, edited(text, line, start, end, draw(TYPED))


SAMPLE_TEXTS = st.sampled_from([p.read_text(encoding="utf-8") for p in SAMPLES])


@settings(max_examples=150, suppress_health_check=SLOW, deadline=None)
@given(edits(SAMPLE_TEXTS))
def test_an_edit_of_a_sample_analyses_as_the_whole_text_does(case: tuple[str, str]) -> None:
    before, after = case
    same(after, before)


@settings(max_examples=60, suppress_health_check=SLOW, deadline=None)
@given(edits(agendas().map(lambda generated: generated.text)))
def test_an_edit_of_a_generated_agenda_analyses_as_the_whole_text_does(case: tuple[str, str]) -> None:
    before, after = case
    same(after, before)


SEED = (Path(__file__).parent.parent / "samples/lanzarote-2020-11-23.agenda").read_text(encoding="utf-8")
HEADINGS = (Path(__file__).parent.parent / "samples/real/coe-cm-del-2020-03-11.agenda").read_text(encoding="utf-8")


def _line_of(text: str, prefix: str) -> int:
    return next(n for n, line in enumerate(text.split("\n")) if line.lstrip().startswith(prefix))


@pytest.mark.parametrize(("text", "prefix"), [
    (SEED, "1. "),            # a top-level item's title
    (SEED, "I.1.2 "),         # an item three levels down
    (HEADINGS, "1.1"),        # an item under a heading
])
def test_an_edit_inside_one_item_parses_only_that_item(text: str, prefix: str) -> None:
    line = _line_of(text, prefix)
    after = edited(text, line, len(text.split("\n")[line]), len(text.split("\n")[line]), " more")
    quick = reparse(parse(text), text, after)
    assert quick is not None, "the shortcut was not taken"
    assert quick.start <= line + 1 <= quick.end
    assert repr(quick.result.agenda) == repr(parse(after).agenda)
    same(after, text)


@pytest.mark.parametrize("change", [
    lambda text: text.replace("body:", "body:  ", 1),          # the header: it shapes every item
    lambda text: text + "\n3. One more",                        # a line more: every span after it moves
    lambda text: text.replace("\n1. ", "\n1.", 1),              # the edit breaks the item's line
])
def test_edits_it_cannot_take_are_left_to_the_full_parse(change) -> None:
    after = change(SEED)
    assert after != SEED
    assert reparse(parse(SEED), SEED, after) is None
    same(after, SEED)


def test_a_warning_the_edit_brings_or_takes_away_is_found() -> None:
    # A tab after an item's number reads as a space, with a warning (space-after-number), which the
    # parse of the item alone finds again; fixing the tab takes the warning away.
    line = _line_of(SEED, "2. Exchange")
    tabbed = edited(SEED, line, 2, 3, "\t")
    for before, after in ((SEED, tabbed), (tabbed, SEED)):
        quick = reparse(parse(before), before, after)
        assert quick is not None, "the shortcut was not taken"
        assert [d.code for d in quick.result.diagnostics] == [d.code for d in parse(after).diagnostics]
        same(after, before)
    assert "space-after-number" in [d.code for d in parse(tabbed).diagnostics]


def _outline(analysis) -> list:
    from lsprotocol import types
    from pygls.protocol import default_converter

    from agendadsl.lsp import outline

    params = types.DocumentSymbolParams(types.TextDocumentIdentifier("file:///a.agenda"))
    return default_converter().unstructure(outline.document_symbols(analysis, params))


AUTOMATIC = "body: Board\n\n1. Opening\n#. Minutes\n   #. Of May\n# Afternoon\n#. Reports\n   > text\n#. Close\n"


@pytest.mark.parametrize(("before", "after"), [
    (AUTOMATIC, AUTOMATIC.replace("1. Opening", "3. Opening")),   # every later number changes
    (AUTOMATIC, AUTOMATIC.replace("#. Reports", "#. Report")),    # one item under a heading
    (AUTOMATIC, AUTOMATIC.replace("> text", "> more text")),      # the extent of an item
    (SEED, SEED.replace("I.1 Introduction", "I.1 Intro")),
])
def test_the_outline_after_an_edit_is_the_outline_of_the_new_text(before: str, after: str) -> None:
    first = Analysis(before)
    _outline(first)  # what the next version starts from
    assert _outline(Analysis(after, previous=first)) == _outline(Analysis(after))
