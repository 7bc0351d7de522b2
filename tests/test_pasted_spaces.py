"""What word processors leave in pasted agendas: a no-break space or a tab after an item number is
read as a space with a warning that fmt fixes; tabs mixed with spaces give one indentation error
at the line, never numbering errors that come from a guessed nesting."""

from __future__ import annotations

import pytest

from agendadsl import analyse, format_source, parse

SPACES = {"\u00a0": "a no-break space (U+00A0)", "\u202f": "a narrow no-break space (U+202F)", "\t": "a tab"}


def found(text: str) -> list[tuple[str, int, int, int]]:
    return [(d.code, d.span.line, d.span.column, d.span.end_column) for d in analyse(text)[1]]


@pytest.mark.parametrize("space", list(SPACES))
@pytest.mark.parametrize("number", ["1.", "#.", "I.", "2.1bis", "(a)"])
def test_an_odd_space_after_a_number_is_read_as_a_space_with_a_warning(number: str, space: str) -> None:
    plain = f"body: Board\n\n{number} Opening of the meeting\n"
    pasted = plain.replace(f"{number} ", number + space)
    assert parse(pasted).agenda == parse(plain).agenda
    diagnostics = analyse(pasted)[1]
    expected = analyse(plain)[1]
    assert [d for d in diagnostics if d.code != "space-after-number"] == expected
    [warning] = [d for d in diagnostics if d.code == "space-after-number"]
    assert not warning.is_error
    assert warning.message == f"{SPACES[space]} follows the item number; it is read as a space"
    assert (warning.span.line, warning.span.column, warning.span.end_column) == (3, len(number) + 1, len(number) + 2)


def test_the_warning_covers_the_white_space_before_the_title() -> None:
    assert found("1.\u00a0 \u00a0Opening\n") == [("space-after-number", 1, 3, 6)]
    assert parse("1.\u00a0 \u00a0Opening\n").agenda == parse("1. Opening\n").agenda
    assert found("1.\t Opening\n") == [("space-after-number", 1, 3, 5)]


def test_after_an_ordinary_space_or_a_tab_a_title_may_start_with_a_no_break_space() -> None:
    # As before no-break spaces were read after numbers: those titles keep their meaning.
    assert found("1. \u00a0Opening\n") == []
    assert parse("1. \u00a0Opening\n").agenda.items[0].title.plain == "\u00a0Opening"
    assert parse("1.\t\u00a0Opening\n").agenda.items[0].title.plain == "\u00a0Opening"


def test_a_title_of_no_break_spaces_only_is_an_item_without_title() -> None:
    assert parse("1.\u00a0\u00a0\n").agenda == parse("1.\n").agenda


def test_no_break_spaces_inside_a_title_are_kept() -> None:
    agenda = parse("1.\u00a0Article\u00a012 and 10\u202f%\n").agenda
    assert agenda.items[0].title.plain == "Article\u00a012 and 10\u202f%"
    assert found("1. Article\u00a012\n") == []


def test_an_ordinary_space_or_several_give_no_warning() -> None:
    assert found("1. Opening\n2.   Next\n") == []


def test_fmt_replaces_the_odd_space_and_the_warning_goes(cli, tmp_path) -> None:
    path = tmp_path / "pasted.agenda"
    path.write_text("body: Board\n\n1.\u00a0Opening\n2.\tNext\n#.\u202fLast\n", encoding="utf-8")
    assert cli("check", str(path)).stderr.count("warning[space-after-number]") == 3
    assert cli("fmt", "--check", str(path)).exit_code == 1
    assert cli("fmt", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == "body: Board\n\n1. Opening\n\n2. Next\n\n#. Last\n"
    assert "space-after-number" not in cli("check", str(path)).stderr


def test_format_source_writes_an_ordinary_space() -> None:
    assert format_source("1.\u00a0Opening\n").text == "1. Opening\n"


MIXED = "body: Board\n\n1. Opening\n  1.1 Welcome\n\t1.2 Apologies\n  1.3 Minutes\n2. Next\n   2.1 Budget\n"


def test_mixed_tabs_and_spaces_give_one_indentation_error_at_the_line() -> None:
    assert found(MIXED) == [("mixed-indent", 5, 2, 3)]
    # With spaces in place of the tab, the same agenda is clean: nothing else was wrong.
    assert found(MIXED.replace("\t", "  ")) == []


def test_a_tab_under_four_spaces_is_refused_and_fixing_it_leaves_nothing(cli, tmp_path) -> None:
    path = tmp_path / "mixed.agenda"
    path.write_text("1. Opening\n    1.1 Welcome\n\t1.2 Apologies\n2. Next\n", encoding="utf-8")
    run = cli("check", str(path))
    assert run.exit_code == 1
    assert run.stderr.count("error[") == 1 and f"{path}:3:2: error[mixed-indent]" in run.stderr
    assert "numbering" not in run.stderr
    assert cli("fmt", str(path)).exit_code == 1, "fmt must not write a nesting it guessed"


def test_a_file_indented_with_tabs_only_is_read_as_written() -> None:
    text = "1. Opening\n\t1.1 Welcome\n\t\t1.1.1 Chair\n\t1.2 Apologies\n2. Next\n"
    assert found(text) == []
    assert parse(text).agenda == parse(text.replace("\t", "    ")).agenda
    assert [len(item.children) for item in parse(text).agenda.items] == [2, 0]
