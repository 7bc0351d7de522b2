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


def test_diff_of_a_deletion_is_one_removal_and_one_renumbering_line() -> None:
    old, new = versions()
    removed, renumbered = diff(old, new)
    assert (removed.kind, removed.old_number, removed.new_number) == ("removed", "I.2", None)
    # I.3-I.6 with their 12 sub-items: one change, caused by the removal of I.2
    assert (renumbered.kind, renumbered.old_number, renumbered.new_number) == ("renumbered", "I.3", "I.2")
    assert (renumbered.last_old_number, renumbered.last_new_number, renumbered.items) == ("I.6", "I.5", 16)
    assert [(a.kind, a.number) for a in renumbered.after] == [("removed", "I.2")]


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
    changes = [(c.kind, c.old_number, c.new_number, [f.as_dict() for f in c.fields]) for c in diff(old, new)]
    assert changes == [
        ("retitled", "1.", "1.", [{"field": "title", "old": "Opening", "new": "Opening of the meeting"}]),
        ("retitled", "2.", "2.", [{"field": "title", "old": "Budget", "new": "Budget 2027"},
                                  {"field": "time", "old": "10:00", "new": "10:30"}]),
        ("added", None, "3.", []),
        ("renumbered", "3.", "4.", []),
        ("withdrawn", "3.", "4.", [{"field": "status", "old": None, "new": "withdrawn"}]),
        ("header", None, None, [{"field": "date", "old": "1 May 2026", "new": "2 May 2026"}]),
    ]


def test_a_long_agenda_retitled_throughout_pairs_each_item_with_its_old_version() -> None:
    """Past 100,000 pairs of unmatched items (alignment.ALL_PAIRS) an item is compared only with
    the old items near where it should stand: after the nearest item that kept its title, as far
    on as it is now. Every item but one in fifty gains ", revised": each is retitled, none moved,
    added or removed."""
    words = ["budget", "audit", "staffing", "premises", "outreach", "archives", "training", "elections"]
    titles = [f"Report {n} on {words[n % 8]} and {words[n * 3 % 8]} in region {n * 37 % 101}" for n in range(400)]
    old = "date: 1 March 2026\n\n" + "".join(f"* {title}\n" for title in titles)
    new = "date: 1 March 2026\n\n" + "".join(f"* {title}{'' if n % 50 == 0 else ', revised'}\n"
                                             for n, title in enumerate(titles))
    assert [change.kind for change in diff(parse(old).agenda, parse(new).agenda)] == ["retitled"] * 392


def test_a_moved_and_retitled_item_is_one_change() -> None:
    old = parse("1. Opening\n2. Minutes\n3. Budget\n4. Reports of the committees\n5. AOB\n").agenda
    new = parse("1. Opening\n2. Reports of the standing committees\n3. Minutes\n4. Budget\n5. AOB\n").agenda
    changes = [(c.kind, c.old_number, c.new_number, c.last_new_number, [f.field for f in c.fields])
               for c in diff(old, new)]
    # the move shifted Minutes and Budget down: one line for them
    assert changes == [("moved", "4.", "2.", None, ["title"]), ("renumbered", "2.", "3.", "4.", [])]


def test_swapped_siblings_are_reported_moved() -> None:
    old = parse("1. Opening\n2. Minutes\n3. Budget\n4. AOB\n").agenda
    new = parse("1. Opening\n2. Budget\n3. Minutes\n4. AOB\n").agenda
    changes = diff(old, new)
    # equal weights: the first stays where the run of unmoved items keeps it, the other moved
    assert [(c.kind, c.old_number, c.new_number) for c in changes] == [("renumbered", "3.", "2."), ("moved", "2.", "3.")]
    assert [(a.kind, a.number) for a in changes[0].after] == [("moved", "2.")]


def test_edited_notes_show_the_old_and_new_text() -> None:
    old = parse("1. Budget\n   > The draft budget for 2027.\n").agenda
    new = parse("1. Budget\n   > The revised draft budget for 2027.\n   > Vote expected.\n").agenda
    [change] = diff(old, new)
    assert change.kind == "changed"
    assert [f.as_dict() for f in change.fields] == [{"field": "notes", "old": "> The draft budget for 2027.",
                                                     "new": "> The revised draft budget for 2027.\n> Vote expected."}]


def test_revised_html_marks_the_changes(golden) -> None:
    old, new = versions()
    page = render_text(new, "html", Options(since=("previous version", old)))
    golden(DATA / "render" / "lanzarote-revised.html", page)
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    deleted = [e for e in document.iter("li") if {"item", "change-removed"} <= set((e.get("class") or "").split())]
    assert len(deleted) == 1 and "Article 20" in "".join(deleted[0].itertext())
    summary = document.findall(".//section[@class='changes']//li")
    assert ["".join(li.itertext()) for li in summary] == [
        "deleted I.2 Article 20 of the Lanzarote Convention and child self-generated sexual images and/or videos",
        "renumbered I.3–I.6 → I.2–I.5 after the removal of I.2 (16 items)"]
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
