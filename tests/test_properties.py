"""Property tests: any text parses to an agenda or diagnostics; generated agendas number consistently."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agendadsl import analyse, parse, resolve
from agendadsl.language.nodes import walk

LINE_STARTS = ["1. ", "2.1 ", "#. ", "* ", "- ", "> ", "! ", "@for ", "@time ", "date: ", "body: ", "next meetings:",
               "  ", "    ", "\t", "// ", "I.1 ", "(a) ", "[", "{", "\\"]


@st.composite
def line_soup(draw) -> str:
    """Text made of lines that look like agenda lines, to reach deep into the grammar."""
    lines = draw(st.lists(st.tuples(st.sampled_from(LINE_STARTS), st.text(max_size=30)), max_size=20))
    return "\n".join(start + rest for start, rest in lines)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), line_soup()))
def test_any_text_gives_an_agenda_or_diagnostics(text: str) -> None:
    agenda, diagnostics = analyse(text)
    assert agenda is not None or any(d.is_error for d in diagnostics)
    for diagnostic in diagnostics:
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
        assert diagnostic.message and diagnostic.code


# Bidirectional controls are refused on purpose (bidi-control), and so are U+FFFD (what a decoder
# leaves for bytes it could not read) and Unicode's noncharacters (control-character): not text a
# title may hold.
NONCHARACTERS = "".join(chr(c) for c in range(0xFDD0, 0xFDF0)) + "".join(
    chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
TITLE_CHARS = st.characters(blacklist_categories=("Cc", "Cs"),
                            blacklist_characters="\n\r\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufffd"
                            + NONCHARACTERS)


def escape(text: str) -> str:
    return "".join("\\" + c if c in "[]{}\\" else c for c in text)


@given(st.text(TITLE_CHARS, min_size=1, max_size=80).map(str.strip).filter(bool))
def test_any_title_survives_escaping(title: str) -> None:
    agenda, diagnostics = analyse(f"1. {escape(title)}\n")
    assert agenda is not None
    assert agenda.items[0].title.plain == title
    assert [d.code for d in diagnostics if d.is_error] == []


STYLES = ["1.", "1.1", "(a)", "a)", "A.", "i.", "(i)", "I.", "0."]


@st.composite
def tree(draw, depth: int = 1) -> list[tuple[str, list]]:
    """A random outline: (mark, children) pairs; mark is '#.' (automatic) or '*' (unnumbered)."""
    count = draw(st.integers(1 if depth == 1 else 0, 5 if depth < 3 else 2))
    out = []
    for _ in range(count):
        mark = draw(st.sampled_from(["#.", "#.", "#.", "*"]))
        children = draw(tree(depth + 1)) if depth < 4 else []
        out.append((mark, children))
    return out


def write(outline: list, numbering: list[str], numbers: list[str | None] | None = None) -> str:
    lines = [f"numbering: {' / '.join(numbering)}", ""] if numbering else []
    counter = iter(numbers or [])
    pending = list(reversed([(node, 0) for node in outline]))
    while pending:
        (mark, children), depth = pending.pop()
        number = next(counter) if numbers is not None else None
        head = number if number is not None else mark
        lines.append("    " * depth + f"{head} Item title")
        pending.extend(reversed([(child, depth + 1) for child in children]))
    return "\n".join(lines) + "\n"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(tree(), st.lists(st.sampled_from(STYLES), max_size=4))
def test_automatic_numbers_written_out_check_clean(outline: list, numbering: list[str]) -> None:
    automatic = write(outline, numbering)
    agenda, diagnostics = analyse(automatic)
    assert agenda is not None
    resolution = resolve(agenda)
    numbers = [resolution.number_of(item) for item, _ in walk(agenda.items)]
    explicit = write(outline, numbering, numbers)
    again, problems = analyse(explicit)
    assert [d for d in problems if d.is_error] == [d for d in diagnostics if d.is_error]
    if not any(d.is_error for d in diagnostics):
        again_resolution = resolve(again)
        assert [again_resolution.number_of(item) for item, _ in walk(again.items)] == numbers


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(tree(), st.data())
def test_changing_one_number_is_reported_on_its_line(outline: list, data) -> None:
    agenda = parse(write(outline, [])).agenda
    resolution = resolve(agenda)
    items = walk(agenda.items)
    numbers = [resolution.number_of(item) for item, _ in items]
    numbered = [i for i, n in enumerate(numbers) if n is not None]
    if not numbered:
        return
    index = data.draw(st.sampled_from(numbered))
    changed = list(numbers)
    head, dot = (changed[index][:-1], ".") if changed[index].endswith(".") else (changed[index], "")
    prefix, _, last = head.rpartition(".")
    changed[index] = (prefix + "." if prefix else "") + str(int(last) + 2) + dot
    _agenda, diagnostics = analyse(write(outline, [], changed))
    line = index + 1
    assert any(d.is_error and d.span.line == line and d.code.startswith("numbering-") for d in diagnostics)
