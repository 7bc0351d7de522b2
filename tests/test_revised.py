"""Revised agendas: the new version rendered with what changed since an earlier one marked."""

from __future__ import annotations

import html5lib
from markdown_it import MarkdownIt

from agendadsl import parse
from agendadsl.edit.changes import diff
from agendadsl.edit.formatter import print_agenda
from agendadsl.render import Options, render_text
from agendadsl.edit.renumbering import renumber
from conftest import DATA, ROOT

SEED_TEXT = (ROOT / "samples" / "lanzarote-2020-11-23.agenda").read_text(encoding="utf-8")


def versions():
    old = parse(SEED_TEXT).agenda
    edited = "".join(line for line in SEED_TEXT.splitlines(True) if not line.strip().startswith("I.2 "))
    new = parse(print_agenda(renumber(parse(edited).agenda))).agenda
    return old, new


def test_diff_of_a_deletion_is_one_removal_and_the_renumberings() -> None:
    old, new = versions()
    changes = diff(old, new)
    assert [c.kind for c in changes].count("removed") == 1
    assert {c.kind for c in changes} == {"removed", "renumbered"}
    assert [(c.old_number, c.new_number) for c in changes if c.kind == "renumbered"][:2] == [("I.3", "I.2"),
                                                                                              ("I.3.1", "I.2.1")]


def test_diff_of_itself_is_empty_and_a_pure_renumbering_is_only_renumberings() -> None:
    old, _ = versions()
    assert diff(old, old) == []
    misnumbered = parse(SEED_TEXT.replace("\n       I.5 Non", "\n       I.7 Non")).agenda
    changes = diff(misnumbered, parse(print_agenda(renumber(misnumbered))).agenda)
    assert [(c.kind, c.old_number, c.new_number) for c in changes] == [("renumbered", "I.7", "I.5")]


def test_typed_changes() -> None:
    old = parse("date: 1 May 2026\n\n1. Opening {#open}\n2. Budget\n   @time 10:00\n3. AOB\n").agenda
    new = parse("date: 2 May 2026\n\n1. Opening of the meeting {#open}\n2. Budget 2027\n   @time 10:30\n"
                "3. New business\n4. AOB\n   @status withdrawn\n").agenda
    kinds = {(c.kind, c.new_number or c.old_number) for c in diff(old, new)}
    assert ("retitled", "1.") in kinds and ("added", "3.") in kinds and ("withdrawn", "4.") in kinds
    assert ("renumbered", "4.") in kinds and ("header", None) in kinds
    assert any(c.kind == "changed" and "time: 10:00 -> 10:30" in c.details for c in diff(old, new))


def test_revised_html_marks_the_changes(golden) -> None:
    old, new = versions()
    page = render_text(new, "html", Options(since=("previous version", old)))
    golden(DATA / "render" / "lanzarote-revised.html", page)
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    deleted = [e for e in document.iter("li") if {"item", "change-removed"} <= set((e.get("class") or "").split())]
    assert len(deleted) == 1 and "Article 20" in "".join(deleted[0].itertext())
    assert len(document.findall(".//section[@class='changes']//li")) == 17
    assert any("I.3" in "".join(d.itertext()) for d in document.iter("del"))


def test_revised_markdown_and_latex_mark_the_changes() -> None:
    old, new = versions()
    markdown = render_text(new, "markdown", Options(since=("previous version", old)))
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(markdown)
    struck = ["".join(c.content for c in t.children or [] if c.type == "text") for t in tokens if t.type == "inline"
              and any(c.type == "s_open" for c in t.children or [])]
    assert any("Article 20" in text for text in struck)
    latex = render_text(new, "latex", Options(since=("previous version", old)))
    assert "\\agendadeleted{" in latex and "\\agendabar{red}" in latex and "(was I.3)" in latex


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from test_properties import tree, write  # noqa: E402

TITLES = st.lists(st.text("abcdefghij klmnop", min_size=3, max_size=25).map(str.strip).filter(bool),
                  min_size=60, max_size=60, unique=True)


def _titled(outline, titles, numbers=None) -> str:
    lines = write(outline, [], numbers).splitlines()
    return "\n".join(line.replace("Item title", titles[i % len(titles)]) for i, line in enumerate(lines)) + "\n"


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(tree(), TITLES)
def test_diff_of_an_agenda_with_itself_is_empty(outline, titles) -> None:
    agenda = parse(_titled(outline, titles)).agenda
    assert diff(agenda, agenda) == []


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(tree(), TITLES, st.data())
def test_diff_of_a_pure_renumbering_reports_only_renumberings(outline, titles, data) -> None:
    from agendadsl.language.nodes import walk
    from agendadsl.language.resolution import resolve

    automatic = parse(_titled(outline, titles)).agenda
    resolution = resolve(automatic)
    numbers = [resolution.number_of(item) for item, _ in walk(automatic.items)]
    explicit = [n for n in numbers]
    numbered = [i for i, n in enumerate(numbers) if n is not None and "." in n and n.count(".") == 1 and
                n.endswith(".")]
    if not numbered:
        return
    index = data.draw(st.sampled_from(numbered))  # misnumber one top-level item: 3. -> 7.
    explicit[index] = str(int(numbers[index][:-1]) + 4) + "."
    wrong = parse(_titled(outline, titles, explicit)).agenda
    fixed = parse(print_agenda(renumber(wrong))).agenda
    changes = diff(wrong, fixed)
    assert changes and {c.kind for c in changes} == {"renumbered"}
