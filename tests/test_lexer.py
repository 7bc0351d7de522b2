"""The line lexer (agendadsl/language/lexer.py) against the path it replaces: Lark's contextual lexer
followed by the layout post-lexer. On every text the two must hand the parser the same tokens
(types, values, lines, columns, end positions, offsets), and the parse must end the same way: the
same agenda or the same exception, the same diagnostics and comments in the parse sink.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Token
from lark.lexer import Lexer, LexerState

from agendadsl.language.grammar import run_interactive, run_parser, text_lexer
from agendadsl.language.layout import close_sink, open_sink
from agendadsl.language.source import normalise_newlines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import agenda  # noqa: E402
from strategies import agendas, mutated  # noqa: E402

AGENDAS = sorted({*ROOT.glob("samples/**/*.agenda"), *ROOT.glob("tests/data/**/*.agenda")})


class _Recorder(Lexer):
    """A lexer that passes on another's tokens and keeps a copy of each one's every field."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.tokens: list[tuple] = []

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        for token in self.inner.lex(lexer_state, parser_state):
            self.tokens.append((token.type, token.value, token.start_pos, token.line, token.column,
                                token.end_line, token.end_column, token.end_pos))
            yield token


def run(text: str, fast: bool) -> dict[str, Any]:
    """Everything one parse of ``text`` shows: its tokens, its result or exception, its sink."""
    recorder = _Recorder(text_lexer(fast))
    sink, reset = open_sink(text)
    try:
        outcome: Any = run_parser(text, recorder)
    except Exception as failure:  # the exception is what is compared
        outcome = (type(failure).__name__, str(failure), getattr(failure, "line", None),
                   getattr(failure, "column", None), getattr(getattr(failure, "state", None), "position", None),
                   sorted(getattr(failure, "expected", None) or getattr(failure, "allowed", None) or ()))
    finally:
        close_sink(reset)
    return {"tokens": recorder.tokens, "outcome": outcome, "diagnostics": sink.diagnostics,
            "comments": sink.comments, "comment_lines": sink.comment_lines}


def assert_same(text: str) -> None:
    slow, fast = run(text, fast=False), run(text, fast=True)
    for index, (old, new) in enumerate(zip(slow["tokens"], fast["tokens"], strict=False)):
        assert new == old, f"token {index} differs"
    assert fast == slow


@pytest.mark.parametrize("path", AGENDAS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_sample_lexes_the_same(path: Path) -> None:
    text = normalise_newlines(path.read_text(encoding="utf-8", errors="replace")).removeprefix("\ufeff")
    assert_same(text)


def stepped(text: str, fast: bool) -> tuple[list[tuple], str | None]:
    """The tokens of ``text`` as Lark's interactive parser steps through them (language.lexemes
    reads them so), and the exception that stops it, if any."""
    recorder = _Recorder(text_lexer(fast))
    sink, reset = open_sink(text)
    try:
        interactive = run_interactive(text, recorder)
        for _ in interactive.iter_parse():
            pass
        interactive.feed_eof()
        failure = None
    except Exception as error:  # the exception is what is compared
        failure = f"{type(error).__name__}: {error}"
    finally:
        close_sink(reset)
    return recorder.tokens, failure


@pytest.mark.parametrize("path", [path for path in AGENDAS if "invalid" in path.parts or path.name.startswith("l")],
                         ids=lambda path: path.name)
def test_stepping_through_the_tokens_gives_the_same(path: Path) -> None:
    text = normalise_newlines(path.read_text(encoding="utf-8", errors="replace")).removeprefix("\ufeff")
    assert stepped(text, fast=True) == stepped(text, fast=False)


def test_the_benchmark_agendas_lex_the_same() -> None:
    for items in (50, 1000):
        assert_same(agenda(items, seed=items)[0])


EDGES = [
    "", "\n", "   \n", "// only a comment", "// a comment\n", "\n\n1. A", "  1. A\n", "\t1. A\n", "1. A",
    "1. A\n   1.1 B\n      (a) C\n1. D\n", "1. A\n   1.1 B\n  1.2 C\n", "1. A\n\t1.1 B\n    1.2 C\n",
    "1. A\n  \t1.1 B\n", "1. A\n   > note\n   // indented comment\n// comment\n2. B\n   // last",
    "1. A\n   1.1 B\n// a comment at the end", "#. a\n#.\n#.   \n*\n* x \n", "1.A\n", "1. A\n   @chair X\n",
    "body: X\n   1. A\n", "".join(f"{' ' * (2 * depth)}#. a\n" for depth in range(40)),
    "1. A\r\n", "1. A\n\u00a0\u00a01.1 B\n", "next meetings:\n  - 7 December 2020 (tbc), Strasbourg\n",
]


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases_lex_the_same(text: str) -> None:
    assert_same(text)


LINE_STARTS = ["1. ", "2.1 ", "#. ", "#.", "* ", "- ", "- [ ] ", "> ", ">> ", "! ", "| ", "# ", "## ", "fr: ",
               "[^1]: ", "@for ", "@time ", "@docs ", "@date ", "@break", "@stage ", "date: ", "body: ",
               "fields: ", "Quorum: ", "language: ", "next meetings:", "participants:", "annexes:", "table:",
               "", "  ", "    ", "\t", "  \t", "// ", "   // ", "I.1 ", "(a) ", "1.", "[", "{", "\\", "\u00a0"]


@st.composite
def line_soup(draw: Any) -> str:
    """Lines that look like agenda lines, indented at random, with blank and comment lines among them."""
    lines = draw(st.lists(st.tuples(st.sampled_from(["", "", "  ", "   ", "      ", "\t", " \t"]),
                                    st.sampled_from(LINE_STARTS), st.text(max_size=20)), max_size=25))
    text = "\n".join(indent + start + rest for indent, start, rest in lines)
    return text + draw(st.sampled_from(["", "\n", "\n\n", "\n  ", "\n// end"]))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), line_soup()))
def test_any_text_lexes_the_same(text: str) -> None:
    assert_same(normalise_newlines(text))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(agendas().map(lambda generated: generated.text), mutated()))
def test_generated_agendas_lex_the_same(text: str) -> None:
    assert_same(normalise_newlines(text))


# The item-number terminal as it was written before it was shortened to compile in half the time
# (grammar/agenda.lark, NUMBER): the word-first form as a branch of its own. The grammar's pattern
# must read exactly what this one reads, wherever a match starts.
_PART = r"(?:[IVXLCDMivxlcdm]{4,}|[A-Za-z]{1,3})(?:bis|ter|quater|quinquies|sexies)?"
_SEG = rf"(?:[0-9]+[a-z]{{0,9}}|{_PART})"
_END = r"(?=[. \t\u00a0\u202f]|$)"
_EARLIER_NUMBER = (rf"(?:\([0-9A-Za-z]+\)|[0-9A-Za-z]+\)|[0-9]+[a-z]{{0,9}}(?:\.{_SEG}{_END})*+\.?"
                   rf"|{_PART}\.(?:{_SEG}{_END}(?:\.{_SEG}{_END})*+\.?)?)(?=[ \t\u00a0\u202f]|$)")
_NUMBER_PIECES = ["1", "2", "9", "0", "12", "a", "b", "s", "i", "I", "V", "X", "L", "M", "v", "x", "A", "Z",
                  ".", "(", ")", " ", "\t", "\u00a0", "\u202f", "\n", "bis", "ter", "quater", "quinquies",
                  "sexies", "iv", "VIII", "xii", "1.", "A."]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_PIECES), min_size=1, max_size=12).map("".join), st.integers(0, 3))
def test_the_number_terminal_reads_what_its_earlier_form_read(text: str, start: int) -> None:
    import re

    from agendadsl.language.grammar import terminal_regex

    earlier = re.compile(_EARLIER_NUMBER, re.MULTILINE).match(text, start)
    now = terminal_regex("NUMBER").match(text, start)
    assert (now and now.group()) == (earlier and earlier.group())
