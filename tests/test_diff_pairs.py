"""The semantic diff measured against hand-labelled pairs of agenda versions (tests/data/diff/):
precision and recall of the typed changes over all pairs, each at least 95% (docs/git.md).

Each pair is a folder with ``old.agenda``, ``new.agenda`` (a realistic secretariat edit of a real
agenda) and ``expected``, written by hand, one change a line:

    removed I.2
    renumbered I.3–I.6 -> I.2–I.5 after removed I.2
    moved I.5 -> I.6 : title
    split 4. -> 4., 5.
    merged 1., 2. -> 1.
    header date
    changed "QUERY Method" -> "QUERY Method" : duration

An item without a number is named by its title in quotes. A change counts as found only when
everything on its line matches: kind, numbers, the fields it changed, the cause of a renumbering.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from agendadsl import parse
from agendadsl.edit.changes import Change, diff
from conftest import DATA

PAIRS = sorted(p for p in (DATA / "diff").iterdir() if p.is_dir())
BAR = 0.95


def _name(number: str | None, title: str) -> str:
    return number if number is not None else f'"{title}"'


def key(change: Change) -> tuple:
    """The hand-label form of a change the diff found."""
    name_old, name_new = _name(change.old_number, change.title), _name(change.new_number, change.title)
    if change.kind == "added":
        return ("added", name_new)
    if change.kind == "removed":
        return ("removed", name_old)
    if change.kind == "renumbered":
        old = name_old if change.last_old_number in (None, change.old_number) else f"{name_old}–{change.last_old_number}"
        new = name_new if change.last_new_number in (None, change.new_number) else f"{name_new}–{change.last_new_number}"
        return ("renumbered", old, new, tuple(f"{a.kind} {a.number}" for a in change.after))
    if change.kind == "split":
        return ("split", name_old, tuple(_name(p.number, p.title) for p in change.parts))
    if change.kind == "merged":
        return ("merged", tuple(_name(p.number, p.title) for p in change.parts), name_new)
    if change.kind in ("moved", "retitled", "withdrawn", "changed"):
        return (change.kind, name_old, name_new, tuple(sorted(f.field for f in change.fields)))
    if change.kind == "header":
        return ("header", change.title)
    return (change.kind,)


def label(line: str) -> tuple:
    """A hand-written line of ``expected`` in the same form."""
    kind, _, rest = line.partition(" ")
    after = ()
    if " after " in rest:
        rest, _, causes = rest.partition(" after ")
        after = tuple(c.strip() for c in causes.split(","))
    rest, _, fields = rest.partition(" : ")
    old, _, new = (part.strip() for part in rest.partition(" -> "))
    names = lambda text: tuple(n.strip() for n in text.split(","))  # noqa: E731
    if kind == "added":
        return ("added", rest.strip())
    if kind == "removed":
        return ("removed", rest.strip())
    if kind == "renumbered":
        return ("renumbered", old, new, after)
    if kind == "split":
        return ("split", old, names(new))
    if kind == "merged":
        return ("merged", names(old), new)
    if kind in ("moved", "retitled", "withdrawn", "changed"):
        return (kind, old, new, tuple(sorted(fields.split())))
    if kind == "header":
        return ("header", rest.strip())
    return (kind,)


def _expected(folder) -> Counter:
    lines = (folder / "expected").read_text(encoding="utf-8").splitlines()
    return Counter(label(line) for line in lines if line.strip() and not line.startswith("#"))


def _found(folder) -> Counter:
    old, new = (parse((folder / f"{name}.agenda").read_text(encoding="utf-8")).agenda for name in ("old", "new"))
    assert old is not None and new is not None, folder
    return Counter(key(change) for change in diff(old, new))


def test_there_are_at_least_20_pairs_covering_every_kind_of_edit() -> None:
    assert len(PAIRS) >= 20
    kinds = {k[0] for folder in PAIRS for k in _expected(folder)}
    assert {"added", "removed", "moved", "retitled", "split", "merged", "renumbered", "changed"} <= kinds
    assert sum(1 for folder in PAIRS if sum(_expected(folder).values()) >= 3) >= 4  # several edits in one pair


def test_labels_are_read_as_written() -> None:
    """The reader of the labels, checked on one line of each form, so that a misread label cannot
    pass for a found change."""
    assert label("renumbered I.3–I.6 -> I.2–I.5 after removed I.2") == (
        "renumbered", "I.3–I.6", "I.2–I.5", ("removed I.2",))
    assert label("moved I.5 -> I.6 : title") == ("moved", "I.5", "I.6", ("title",))
    assert label("changed 4.1 -> 4.1 : notes duration") == ("changed", "4.1", "4.1", ("duration", "notes"))
    assert label("merged 1., 2. -> 1.") == ("merged", ("1.", "2."), "1.")
    assert label('removed "Agenda bashing"') == ("removed", '"Agenda bashing"')


def test_precision_and_recall_of_typed_changes_over_all_pairs() -> None:
    found_total = expected_total = right = 0
    misses: list[str] = []
    for folder in PAIRS:
        expected, found = _expected(folder), _found(folder)
        hits = sum((expected & found).values())
        right += hits
        found_total += sum(found.values())
        expected_total += sum(expected.values())
        if expected != found:
            misses.append(f"{folder.name}: missed {sorted((expected - found).elements())}, "
                          f"extra {sorted((found - expected).elements())}")
    precision, recall = right / found_total, right / expected_total
    print(f"\n{len(PAIRS)} pairs, {expected_total} labelled changes: precision {precision:.1%}, recall {recall:.1%}")
    assert precision >= BAR and recall >= BAR, "\n".join(misses)


@pytest.mark.parametrize("folder", PAIRS, ids=lambda p: p.name)
def test_each_pair_parses(folder) -> None:
    for name in ("old", "new"):
        assert parse((folder / f"{name}.agenda").read_text(encoding="utf-8")).agenda is not None


@pytest.mark.parametrize("name", ["08-city-council-split", "09-university-board-merge"])
def test_a_split_or_a_merge_is_found_as_labelled_and_named_as_the_cause_of_the_renumbering(name: str) -> None:
    """Precision and recall over all pairs leave room for a wrong change or two; these two pairs,
    whose renumbering is explained by the split or the merge, must be found exactly."""
    assert _found(DATA / "diff" / name) == _expected(DATA / "diff" / name)
