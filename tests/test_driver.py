"""The parser's loop (agendadsl/language/driver.py) against Lark's own (``_Parser.parse``): on every
text, with the same lexer, the two must end the same way: the same agenda, or the same exception
with the same token, position, expected terminals and parser state, and the same diagnostics in
the parse sink.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.lexer import LexerThread

from agendadsl.language.grammar import lark_parser, run_parser, text_lexer
from agendadsl.language.layout import close_sink, open_sink
from agendadsl.language.source import normalise_newlines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import agenda  # noqa: E402
from strategies import agendas, mutated  # noqa: E402
from test_lexer import AGENDAS, EDGES, line_soup  # noqa: E402


def _lark_loop(text: str, fast: bool) -> Any:
    """The parse as Lark's own LALR loop runs it."""
    thread = LexerThread.from_text(text_lexer(fast), text)
    return lark_parser().parser.parser.parser.parse(thread, "start")


def outcome(text: str, ours: bool, fast: bool = True) -> dict[str, Any]:
    sink, reset = open_sink(text)
    try:
        result: Any = run_parser(text, text_lexer(fast)) if ours else _lark_loop(text, fast)
    except Exception as failure:  # the exception is what is compared
        token = getattr(failure, "token", None)
        interactive = getattr(failure, "interactive_parser", None)
        result = (type(failure).__name__, str(failure), getattr(failure, "line", None),
                  getattr(failure, "column", None),
                  None if token is None else (token.type, str(token), token.line, token.column, token.end_line,
                                              token.end_column),
                  sorted(getattr(failure, "expected", None) or getattr(failure, "allowed", None) or ()),
                  getattr(getattr(failure, "state", None), "position", None),
                  interactive and (list(interactive.parser_state.state_stack), sorted(interactive.accepts())))
    finally:
        close_sink(reset)
    return {"result": result, "diagnostics": sink.diagnostics, "comments": sink.comments}


def assert_same(text: str, fast: bool = True) -> None:
    assert outcome(text, ours=True, fast=fast) == outcome(text, ours=False, fast=fast)


@pytest.mark.parametrize("path", AGENDAS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_sample_parses_the_same(path: Path) -> None:
    text = normalise_newlines(path.read_text(encoding="utf-8", errors="replace")).removeprefix("\ufeff")
    assert_same(text)


@pytest.mark.parametrize("text", [*EDGES, "1. A\n2. B\n   C\n", "1. A\n  @time\n", "date: 32 May\n", "%\n",
                                  "1. A\n   - b\n     x\n", "table:\n1. A\n", "#. a\n" * 3 + "  #. b\n"])
@pytest.mark.parametrize("fast", [True, False], ids=["line-lexer", "contextual-lexer"])
def test_edge_cases_parse_the_same(text: str, fast: bool) -> None:
    assert_same(text, fast)


def test_a_syntax_error_is_lark_s_own() -> None:
    """Hand-checked, so that the comparison above cannot pass with both sides wrong in one way."""
    found = outcome("body: X\n   1. A\n", ours=True)["result"]  # the loop's own error, not the lexer's
    assert found[0] == "UnexpectedToken"
    assert (found[2], found[3]) == (2, 4)
    assert found[4] == ("_INDENT", "", 2, 4, 2, 4)
    assert {"NUMBER", "AUTO", "DATE", "$END"} <= set(found[5])
    assert "_INDENT" not in found[5]
    assert found[7][0][-1] == found[6]  # the interactive parser goes on from the failing state, as Lark's does


def test_the_benchmark_agendas_parse_the_same() -> None:
    for items in (50, 1000):
        assert_same(agenda(items, seed=items)[0])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), line_soup()))
def test_any_text_parses_the_same(text: str) -> None:
    assert_same(normalise_newlines(text))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(agendas().map(lambda generated: generated.text), mutated()))
def test_generated_agendas_parse_the_same(text: str) -> None:
    assert_same(normalise_newlines(text))
