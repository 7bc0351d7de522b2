"""The Pygments lexer (agendadsl/pygments_lexer.py): Pygments finds it by name and file name, it
colours every sample without an error token and gives back exactly the text it was given, the
seed's colours are a reviewed golden file, and a block that does not parse degrades to plain text."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pygments import lex
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Error, Keyword, Name, Number, Operator, Text

from agendadsl.checks.highlights import TextKind
from agendadsl.language.lexemes import LexemeKind
from agendadsl.pygments_lexer import _TOKEN, AgendaLexer
from conftest import DATA, ROOT, SAMPLES
from strategies import agendas, mutated

ALL_SAMPLES = sorted([*SAMPLES.glob("*.agenda"), *(SAMPLES / "real").glob("*.agenda")])
SEED = SAMPLES / "lanzarote-2020-11-23.agenda"


def tokens(text: str) -> list[tuple[object, str]]:
    return list(lex(text, AgendaLexer()))


def test_pygments_finds_the_lexer_by_name_alias_and_file_name() -> None:
    assert isinstance(get_lexer_by_name("agenda"), AgendaLexer)
    assert isinstance(get_lexer_by_name("agendadsl"), AgendaLexer)
    assert isinstance(get_lexer_for_filename("board-2026-05-20.agenda"), AgendaLexer)


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda path: path.name)
def test_every_sample_lexes_to_its_exact_text_without_an_error_token(path) -> None:
    text = path.read_text(encoding="utf-8")
    found = tokens(text)
    assert "".join(value for _token, value in found) == text
    assert not [value for token, value in found if token in Error]
    assert any(token is not Text for token, _value in found)  # coloured, not one plain-text run


def test_blank_lines_around_a_block_are_kept() -> None:
    """Pygments strips them by default; kept, the tokens add up to the text of the block."""
    assert "".join(value for _token, value in tokens("\n\n1. Opening\n\n\n")) == "\n\n1. Opening\n\n\n"


def test_the_seeds_colours(golden) -> None:
    """Each coloured piece of the seed, one a line: line, token, text (reviewed by eye)."""
    lines, dump = 1, []
    for token, value in tokens(SEED.read_text(encoding="utf-8")):
        if token is not Text:
            dump.append(f"{lines:>3}  {str(token).removeprefix('Token.'):<16} {value!r}")
        lines += value.count("\n")
    golden(DATA / "pygments" / "lanzarote-2020-11-23.tokens", "\n".join(dump) + "\n")


def test_colours_follow_the_grammar_not_the_words() -> None:
    """``virtual`` is a value after ``kind:`` and plain text in a title; ``2.1`` is a number only
    where a line starts with it."""
    found = [(token, value) for token, value in tokens("kind: virtual\n\n2.1 A virtual meeting on 2.1 {#meet}\n")
             if token is not Text]
    assert found == [(Keyword, "kind"), (Name.Constant, "virtual"),
                     (Number, "2.1"), (Name.Label, "{#meet}")]


def test_a_block_that_does_not_parse_is_coloured_up_to_the_bad_line_then_plain() -> None:
    text = "1. Opening\n@@@ not a line of the language\n2. Close {#close}\n"
    found = tokens(text)
    assert "".join(value for _token, value in found) == text
    assert [(token, value) for token, value in found if token is not Text] == [(Number, "1.")]


def test_crlf_and_a_byte_order_mark_keep_every_piece_in_place() -> None:
    """Called directly (as some tools do), without Pygments' own newline handling first."""
    text = "\ufeffkind: virtual\r\n\r\n1. Opening {#open}\r2. Close, see {open}\r\n"
    found = list(AgendaLexer().get_tokens_unprocessed(text))
    assert "".join(value for _start, _token, value in found) == text
    assert all(text.startswith(value, start) for start, _token, value in found)
    coloured = [(token, value) for _start, token, value in found if token is not Text]
    assert coloured == [(Keyword, "kind"), (Name.Constant, "virtual"), (Number, "1."), (Name.Label, "{#open}"),
                        (Number, "2."), (Name.Variable, "{open}")]


def test_every_kind_of_piece_has_a_token() -> None:
    assert {kind.value for kind in (*LexemeKind, *TextKind)} == set(_TOKEN)
    assert Operator in _TOKEN.values()


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(agendas(max_items=6).map(lambda generated: generated.text), mutated(), st.text()))
def test_any_text_lexes_to_itself_without_an_error_token(text: str) -> None:
    found = list(AgendaLexer().get_tokens_unprocessed(text))
    assert "".join(value for _start, _token, value in found) == text
    assert not [value for _start, token, value in found if token in Error]


def test_importing_the_lexer_loads_neither_agendadsl_nor_lark() -> None:
    """Pygments imports every plugin lexer while it looks one up: ours must cost nothing until used."""
    code = ("import sys, agendadsl.pygments_lexer; "
            "print(sorted(m for m in ('lark', 'agendadsl.checks', 'agendadsl.language') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_agenda_check_does_not_load_pygments() -> None:
    code = ("import sys; sys.argv = ['agenda', 'check', %r]; from agendadsl.cli.entry import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('pygments' in sys.modules)") % str(SEED)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


def test_the_docs_examples_render_coloured(tmp_path) -> None:
    """docs/highlight.py colours every ```agenda``` block of the docs, the wrong-on-purpose ones of
    diagnostics.md included, without an error token."""
    subprocess.run([sys.executable, str(ROOT / "docs" / "highlight.py"), str(tmp_path)], check=True,
                   capture_output=True)
    for name in ("language", "diagnostics"):
        markdown = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
        html = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        blocks = html.split('<pre><code class="language-agenda">')[1:]
        assert len(blocks) == markdown.count("```agenda\n") > 0
        assert '<span class="err">' not in html
        if name == "language":  # valid examples, each coloured (in diagnostics.md, two fail on their first line)
            assert all("<span class=" in block.split("</code>")[0] for block in blocks)
