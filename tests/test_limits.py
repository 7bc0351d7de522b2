"""Every limit of docs/limits.md, checked at the exact values the page gives: just under, at, and
just over. The numbers are written here as the page writes them (not imported from the code),
so that a change of either the code or the page fails a test."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from agendadsl import analyse, resolve
from agendadsl.language.nodes import walk

MIB = 1024 * 1024
LIMIT_BYTES = 20 * MIB
assert LIMIT_BYTES == 20_971_520  # as limits.md writes it
TEXT_LIMIT = 2000


def found(text: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of every diagnostic."""
    return [(d.code, d.span.line, d.span.column) for d in analyse(text)[1]]


def codes(text: str) -> list[str]:
    return [code for code, _line, _column in found(text)]


def numbers(text: str) -> list[str | None]:
    agenda, diagnostics = analyse(text)
    assert agenda is not None and not [d for d in diagnostics if d.is_error], diagnostics
    resolution = resolve(agenda)
    return [resolution.number_of(item) for item, _ in walk(agenda.items)]


# ---------------------------------------------------------------------------------- file size

def at_most(size: int, last: bytes = b"\n") -> bytes:
    """A valid agenda of exactly ``size`` bytes: one item and a long comment."""
    head = b"1. Opening of the meeting\n// "
    return head + b"x" * (size - len(head) - len(last)) + last


def test_a_file_of_exactly_20_mib_is_read_and_checked(cli, tmp_path) -> None:
    path = tmp_path / "limit.agenda"
    path.write_bytes(at_most(LIMIT_BYTES))
    assert path.stat().st_size == 20_971_520
    run = cli("check", str(path))
    assert run.exit_code == 0, run.stderr
    # Every byte is read: a bad byte at the very end is found, at its place.
    path.write_bytes(at_most(LIMIT_BYTES, last=b"\xff"))
    run = cli("check", "--color", "never", str(path))
    assert run.exit_code == 1 and f"{path}:2:{LIMIT_BYTES - 26}: error[invalid-utf8]" in run.stderr


def test_one_byte_more_is_refused_before_anything_else_is_checked(cli, tmp_path) -> None:
    path = tmp_path / "over.agenda"
    path.write_bytes(b"1. A\n3. B\n\xff" + at_most(LIMIT_BYTES + 1 - 11))  # a gap and bad UTF-8, unreported
    assert path.stat().st_size == 20_971_521
    run = cli("check", "--format", "json", str(path))
    diagnostics = json.loads(run.stdout)["files"][0]["diagnostics"]
    assert run.exit_code == 1
    assert [(d["code"], d["span"]["start"]) for d in diagnostics] == [("file-too-large", {"line": 1, "column": 1})]
    assert "20,971,521 bytes" in diagnostics[0]["message"]


def test_standard_input_has_the_same_limit(cli) -> None:
    assert cli("check", "-", input=at_most(LIMIT_BYTES)).exit_code == 0
    run = cli("check", "--color", "never", "-", input=at_most(LIMIT_BYTES + 1))
    assert run.exit_code == 1 and "-:1:1: error[file-too-large]" in run.stderr


def test_only_the_first_20_mib_and_one_byte_are_ever_read(tmp_path) -> None:
    """An endless standard input: agenda stops reading at the limit and says the file is too large."""
    errors = tmp_path / "stderr"
    with open(errors, "wb") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "agendadsl", "check", "--color", "never", "-"],
                                   cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=stderr)
    written = 0
    chunk = b"// " + b"x" * (64 * 1024 - 4) + b"\n"
    try:
        while written < 200 * MIB:  # blocks once agenda stops reading; fails once it has exited
            process.stdin.write(chunk)
            written += len(chunk)
        process.stdin.close()
    except BrokenPipeError:
        pass
    finally:
        assert process.wait(timeout=60) == 1
    assert b"-:1:1: error[file-too-large]" in errors.read_bytes()
    assert written < LIMIT_BYTES + 2 * MIB  # the rest of the stream was never read


# ------------------------------------------------------------------------------ nesting depth

def chain(levels: int, step: str = " ") -> str:
    """Items nested ``levels`` deep, each indented one ``step`` more than its parent."""
    return "".join(step * depth + f"#. Level {depth + 1}\n" for depth in range(levels))


@pytest.mark.parametrize("step", [" ", "  ", "\t"], ids=["one-space", "two-spaces", "tab"])
def test_items_nest_33_deep_at_most(step: str) -> None:
    assert found(chain(33, step)) == []  # the deepest at level 32
    assert len(numbers(chain(33, step))) == 33
    # An item at level 33, on line 34: reported there, where its text starts.
    assert found(chain(34, step)) == [("nesting-too-deep", 34, len(step) * 33 + 1)]


@pytest.mark.parametrize("line", ["@for decision", "> a note", "! an internal note", "- a bullet"])
def test_items_at_level_32_cannot_have_attributes_notes_or_bullets(line: str) -> None:
    assert found(chain(33) + " " * 33 + line + "\n") == [("nesting-too-deep", 34, 34)]
    assert found(chain(32) + " " * 32 + line + "\n") == []


def test_checking_stops_at_the_line_that_goes_too_deep() -> None:
    text = chain(34) + "#. Back at the top\n1. A number out of order\n   @for voting\n"
    assert found(text) == [("nesting-too-deep", 34, 34)]


def test_next_meetings_use_one_level() -> None:
    text = chain(33) + "\nnext meetings:\n" + "".join(" " * 32 + f"- {day} June 2031\n" for day in (1, 2))
    assert found(text) == []


# -------------------------------------------------------------------------------- text length

def _next_meeting(text: str) -> str:
    return f"date: 1 May 2026\n\n1. A\n\nnext meetings:\n  - 2 June 2026, {text}\n"


# Where each limited piece of text goes, and the (line, column) where it starts.
PLACES = {
    "title": (lambda t: f"1. {t}\n", (1, 4)),
    "note": (lambda t: f"1. A\n   > {t}\n", (2, 6)),
    "internal note": (lambda t: f"1. A\n   ! {t}\n", (2, 6)),
    "bullet": (lambda t: f"1. A\n   - {t}\n", (2, 6)),
    "presenter": (lambda t: f"1. A\n   @presenter {t}\n", (2, 15)),
    "docs reference": (lambda t: f"1. A\n   @docs [B-1], [{t}]\n", (2, 17)),
    "body": (lambda t: f"body: {t}\n\n1. A\n", (1, 7)),
    "meeting": (lambda t: f"meeting: {t}\n\n1. A\n", (1, 10)),
    "platform": (lambda t: f"platform: {t}\n\n1. A\n", (1, 11)),
    "place": (lambda t: f"place: {t}\n\n1. A\n", (1, 8)),
    "reference": (lambda t: f"reference: {t}\n\n1. A\n", (1, 12)),
    "next meeting place": (lambda t: _next_meeting(t), (6, 18)),
    "quoted next meeting place": (lambda t: _next_meeting(f'"{t}"'), (6, 18)),
    "next meeting remark": (lambda t: f"date: 1 May 2026\n\n1. A\n\nnext meetings:\n  - 2 June 2026; {t}\n", (6, 18)),
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("char", ["x", "é", "日", "\U0001F600"], ids=["ascii", "latin", "cjk", "astral"])
def test_text_of_2000_characters_passes_and_2001_fails(place: str, char: str) -> None:
    """Characters, not bytes: 2,000 of them pass whatever their UTF-8 length."""
    write, (line, _column) = PLACES[place]
    assert codes(write("a" + char * (TEXT_LIMIT - 1))) == []
    assert [(c, l) for c, l, _ in found(write("a" + char * TEXT_LIMIT))] == [("text-too-long", line)]


@pytest.mark.parametrize("place", [p for p in PLACES if p not in ("title", "note", "internal note", "bullet")])
def test_text_too_long_is_reported_where_the_text_starts(place: str) -> None:
    write, (line, column) = PLACES[place]
    assert found(write("x" * 2001)) == [("text-too-long", line, column)]


@pytest.mark.parametrize("place", ["title", "note", "internal note", "bullet"])
@pytest.mark.parametrize("text", ["x" * 2001, "x" * 1990 + " [" + "r" * 10 + "]"], ids=["plain", "with-reference"])
def test_text_too_long_in_titles_and_notes_is_reported_where_the_text_starts(place: str, text: str) -> None:
    write, (line, column) = PLACES[place]
    assert found(write(text)) == [("text-too-long", line, column)]


@pytest.mark.parametrize("source", ["1. Hello [R-1] world\n", "1. A\n   > Hello [R-1] world\n"])
def test_a_line_of_text_spans_all_of_its_text(source: str) -> None:
    from agendadsl import parse

    item = parse(source).agenda.items[0]
    text = item.title if source.count("\n") == 1 else item.notes[0].lines[0]
    line = source.splitlines()[text.span.line - 1]
    start = line.index("Hello") + 1
    assert text.span.column <= start and text.span.end_column >= len(line) + 1


def test_references_count_in_the_length_of_their_line() -> None:
    # The reference's text counts, without its brackets: 1,989 + 1 + 10 = 2,000.
    assert codes(f"1. {'x' * 1989} [{'r' * 10}]\n") == []
    assert codes(f"1. {'x' * 1990} [{'r' * 10}]\n") == ["text-too-long"]
    assert codes(f"1. A\n   > {'x' * 1990} [{'r' * 10}]\n") == ["text-too-long"]


def test_labels_and_comments_are_not_limited() -> None:
    assert codes(f"1. A {{#{'l' * 5000}}}\n") == []
    assert codes(f"// {'c' * 50_000}\n1. A\n   // {'c' * 50_000}\n") == []


@pytest.mark.parametrize("series", [
    "series X: X-{n} https://example.org/" + "a" * 2100 + "/{ref}",
    "series X: X-{n}" + "b" * 2100,
])
def test_series_patterns_and_urls_are_not_limited(series: str) -> None:
    # (a reference would have to match the long pattern, so none belongs to the series)
    assert codes(f"{series}\n\n1. A\n") == ["unused-series"]


def test_a_text_that_is_too_long_gets_no_control_character_error() -> None:
    assert codes(f"1. {'x' * 2001}\x01\n") == ["text-too-long"]
    assert codes(f"1. {'x' * 1999}\x01\n") == ["control-character"]


def test_long_lines_are_cut_to_100_characters_around_the_problem(cli, tmp_path) -> None:
    path = tmp_path / "long.agenda"
    path.write_text(f"1. {'a' * 900}\x01{'b' * 900}\n", encoding="utf-8")
    run = cli("check", "--color", "never", str(path))
    assert f"{path}:1:904: error[control-character]" in run.stderr
    excerpt = run.stderr.splitlines()[2]
    caret = run.stderr.splitlines()[3]
    assert excerpt.startswith("1 | …") and excerpt.endswith("…")
    shown = excerpt[len("1 | …"):-1]
    assert len(shown) == 100 and "\u2401" in shown  # the control character, made visible
    assert caret.index("^") == excerpt.index("\u2401")


# ---------------------------------------------------------------------------------- tab width

@pytest.mark.parametrize(("indent", "width"), [
    ("\t", 4), ("  \t", 4), (" \t", 4), ("   \t", 4), ("\t ", 5), ("\t\t", 8), ("    \t", 8), ("\t  \t", 8),
])
def test_a_tab_and_spaces_of_its_width_are_one_mixed_indent_error(indent: str, width: int) -> None:
    # A sub-item indented with the tab, its sibling with the spaces a 4-column tab is worth: an
    # editor showing tabs 2 or 8 wide shows another nesting, so the line is refused, once, and
    # no numbering error follows from a guess.
    assert found(f"1. A\n{indent}1.1 B\n{' ' * width}1.2 C\n1.3 D\n") == [("mixed-indent", 3, width + 1)]
    assert found(f"1. A\n{' ' * width}1.1 B\n{indent}1.2 C\n") == [("mixed-indent", 3, len(indent) + 1)]


@pytest.mark.parametrize("tab", ["\t", "\t\t"])
def test_tabs_alone_nest_as_spaces_alone_do(tab: str) -> None:
    assert found(f"1. A\n{tab}1.1 B\n{tab * 2}1.1.1 C\n{tab}1.2 D\n2. E\n") == []


def test_spaces_after_a_tab_that_are_deeper_at_every_tab_width_nest() -> None:
    assert found("1. A\n\t1.1 B\n\t    1.1.1 C\n\t    1.1.2 D\n\t1.2 E\n") == []


def test_tabs_elsewhere_in_a_line_are_text() -> None:
    agenda, diagnostics = analyse("1. Budget\t2027\n   > a\tnote\n   @presenter Ms\tRuiz\n")
    assert diagnostics == []
    item = agenda.items[0]
    assert (item.title.plain, item.notes[0].lines[0].plain, item.presenters[0].name) == (
        "Budget\t2027", "a\tnote", "Ms\tRuiz")


def test_tabs_show_as_four_spaces_in_excerpts(cli) -> None:
    run = cli("check", "--color", "never", "-", input="1. A\n\t 1.1 B\n    1.2 x\tC\n")
    assert "3 |     1.2 x    C\n" in run.stderr


# ------------------------------------------------------------------------- numbering schemes

@pytest.mark.parametrize("last", ["MMMCMXCVIII.", "mmmcmxcviii."])
def test_roman_numerals_stop_at_3999(last: str) -> None:
    text = f"1. Sessions\n   @numbering {last}\n   #. a\n   #. b\n   #. c\n"
    assert found(text) == [("numbering-overflow", 5, 4)]
    written = f"1. Sessions\n   @numbering {last}\n   {last} a\n   {'MMMCMXCIX.' if last.isupper() else 'mmmcmxcix.'} b\n"
    assert numbers(written)[-1].lower() == "mmmcmxcix."
    assert codes(written + f"   {'MMMM.' if last.isupper() else 'mmmm.'} c\n") == ["numbering-roman"]


def test_numbers_start_at_0_and_have_up_to_15_digits() -> None:
    assert numbers("numbering: 0.\n\n0. a\n#. b\n") == ["0.", "1."]
    big = 10**15 - 1  # written with 15 digits; the automatic number after it goes on with 16
    assert numbers(f"numbering: {big}.\n\n{big}. a\n#. b\n") == [f"{big}.", f"{big + 1}."]
    assert codes(f"numbering: {big}.\n\n{big}. a\n{big + 1}. b\n") == ["number-too-long"]


def test_letters_go_on_after_z_written_up_to_3_letters() -> None:
    assert numbers("numbering: y)\n\ny) a\nz) b\naa) c\n#. d\n") == ["y)", "z)", "aa)", "ab)"]
    # zzz is the 18,278th; a written number has at most 3 letters, an automatic one goes on.
    assert numbers("1. A\n   @numbering zzy.\n   zzy. a\n   zzz. b\n   #. c\n")[1:] == ["zzy.", "zzz.", "aaaa."]
    assert codes("1. A\n   @numbering zzy.\n   zzy. a\n   zzz. b\n   aaaa. c\n") != []


LATIN = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"]


def test_insertions_after_digits_go_bis_to_decies_or_a_to_z() -> None:
    assert numbers("1. a\n" + "".join(f"1{s}. x\n" for s in LATIN) + "2. b\n")[-2:] == ["1decies.", "2."]
    assert codes("1. a\n" + "".join(f"1{s}. x\n" for s in [*LATIN, "undecies"]) + "2. b\n") != []
    letters = "abcdefghijklmnopqrstuvwxyz"
    assert numbers("1. a\n" + "".join(f"1{c}. x\n" for c in letters) + "2. b\n")[-2:] == ["1z.", "2."]


@pytest.mark.parametrize("scheme", [("I.", "I", "II"), ("A.", "A", "B"), ("i)", "i", "ii"), ("(a)", "a", "b")])
def test_roman_and_letter_parts_take_bis_to_sexies_only(scheme: tuple[str, str, str]) -> None:
    example, first, second = scheme
    wrap = (lambda n: f"({n})") if example.startswith("(") else (lambda n: f"{n}{example[-1]}")
    head = f"numbering: {example}\n\n{wrap(first)} a\n"
    inserted = "".join(f"{wrap(first + s)} x\n" for s in LATIN[:5])
    assert numbers(head + inserted + f"{wrap(second)} b\n")[-2:] == [wrap(first + "sexies"), wrap(second)]
    assert codes(head + inserted + f"{wrap(first + 'septies')} x\n{wrap(second)} b\n") != []


# ------------------------------------------------------------------- what the outputs can carry

def test_an_agenda_at_every_limit_renders_everywhere_and_its_pdf_shows_all_of_it(tmp_path) -> None:
    # The limits are chosen below what TeX, Jinja and the browsers can carry: 33 levels of items,
    # each title 2,000 characters (one of them a single unbreakable word), a 2,000-character note
    # and next-meeting remark. Every level's text must reach the page: indentation that kept
    # growing pushed levels 16-32 off the PDF's pages before the LaTeX indentation was capped.
    import html5lib

    from conftest import need

    from agendadsl.render import render_bytes

    need("lualatex")
    pdftotext = need("pdftotext")
    lines = ["body: Limits committee", "date: 23 November 2020", ""]
    for depth in range(33):
        lines.append("    " * depth + "#. " + (f"Level{depth} " + "long title words " * 120)[:TEXT_LIMIT])
    lines += ["#. " + "Unbreakable" * 180, "   > " + ("note " * 400)[:TEXT_LIMIT], "", "next meetings:",
              "  - 7-11 December 2020, Strasbourg; " + ("remark " * 300)[:TEXT_LIMIT]]
    agenda, diagnostics = analyse("\n".join(lines) + "\n")
    assert [d.code for d in diagnostics] == []
    for fmt in ("markdown", "json", "ics", "latex"):
        assert render_bytes(agenda, fmt)
    document = html5lib.parse(render_bytes(agenda, "html"), namespaceHTMLElements=False)
    assert all(f"Level{depth} " in "".join(document.itertext()) for depth in range(33))
    pdf = tmp_path / "limits.pdf"
    pdf.write_bytes(render_bytes(agenda, "pdf"))
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    assert [depth for depth in range(33) if f"Level{depth} " not in text] == []
    assert "Unbreakable" * 3 in text.replace(" ", "")
