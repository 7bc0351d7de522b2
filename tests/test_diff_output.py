"""What `agenda diff` prints: text in the agenda's language with old and new values, JSON of
fields rather than sentences, and text from the agendas that cannot drive the terminal."""

from __future__ import annotations

import json
from pathlib import Path

OLD = """language: {language}

1. Opening
2. Budget and accounts
   @time 10:00
   > The draft budget for 2027.
3. Reports of the committees
4. Elections
5. Any other business
"""
NEW = """language: {language}

1. Opening
2. Budget
   @time 10:30
   > The revised draft budget for 2027.
3. Accounts 2026
4. Reports of the standing committees
5. Any other business
"""


def versions(tmp_path: Path, language: str = "en") -> tuple[str, str]:
    old, new = tmp_path / "old.agenda", tmp_path / "new.agenda"
    old.write_text(OLD.format(language=language), encoding="utf-8")
    new.write_text(NEW.format(language=language), encoding="utf-8")
    return str(old), str(new)


def test_text_shows_each_change_once_with_old_and_new_values(cli, tmp_path) -> None:
    old, new = versions(tmp_path)
    run = cli("diff", old, new)
    assert run.exit_code == 0
    assert run.stdout.splitlines()[2:] == [
        "split       2. → 2.–3.  Budget and accounts",
        "                        time: 10:00 → 10:30",
        "                        notes",
        "                          - > The draft budget for 2027.",
        "                          + > The revised draft budget for 2027.",
        "                        into 2. Budget; 3. Accounts 2026",
        "renumbered  3. → 4.     after the split of 2.",
        "retitled    3. → 4.     Reports of the standing committees",
        "                        was: Reports of the committees",
        "deleted     4.          Elections",
        "1 split, 1 renumbered, 1 retitled, 1 deleted",
    ]


def test_text_is_in_the_agendas_language_or_the_one_asked_for(cli, tmp_path) -> None:
    old, new = versions(tmp_path, "fr")
    french = cli("diff", old, new).stdout
    assert "renuméroté     3. → 4.     après la scission de 2.\n" in french
    assert "ancien titre\u00a0: Reports of the committees" in french
    assert "time\u00a0: 10:00 → 10:30\n" in french  # French spacing before the colon, as above
    assert "supprimé" in french and "deleted" not in french
    german = cli("diff", "--language", "de", old, new).stdout
    assert "neu nummeriert" in german and "nach der Teilung von 2." in german


def test_an_unknown_language_is_a_usage_error(cli, tmp_path) -> None:
    old, new = versions(tmp_path)
    run = cli("diff", "--language", "xx", old, new)
    assert run.exit_code == 2 and "no wording for language 'xx'" in run.stderr


def test_json_gives_fields_not_sentences(cli, tmp_path) -> None:
    old, new = versions(tmp_path)
    document = json.loads(cli("diff", "--format", "json", old, new).stdout)
    assert document["version"] == 2
    split, renumbered, retitled, deleted = document["changes"]
    assert split["kind"] == "split" and split["fields"] == [
        {"field": "time", "old": "10:00", "new": "10:30"},
        {"field": "notes", "old": "> The draft budget for 2027.", "new": "> The revised draft budget for 2027."}]
    assert [(p["number"], p["title"]) for p in split["parts"]] == [("2.", "Budget"), ("3.", "Accounts 2026")]
    assert (renumbered["old_number"], renumbered["new_number"], renumbered["items"]) == ("3.", "4.", 1)
    assert renumbered["after"] == [{"kind": "split", "number": "2.", "title": "Budget and accounts", "line": 4}]
    assert retitled["fields"] == [{"field": "title", "old": "Reports of the committees",
                                   "new": "Reports of the standing committees"}]
    assert (deleted["kind"], deleted["old_number"], deleted["new_number"]) == ("removed", "4.", None)
    # Where each change stands in the old and the new file, for an editor to jump to.
    assert [(c["old_line"], c["new_line"]) for c in document["changes"]] == [(4, 4), (7, 8), (7, 8), (8, None)]
    assert "details" not in split  # the English sentences of version 1 are gone


def test_control_characters_in_titles_are_shown_as_escapes(cli, tmp_path) -> None:
    """An OSC sequence in a title would retitle the terminal's window; a bidi override would
    reorder the line."""
    old, new = tmp_path / "old.agenda", tmp_path / "new.agenda"
    old.write_text("1. Opening\n2. Budget\n", encoding="utf-8")
    new.write_text("1. Opening\n2. Budget\x1b]0;pwned\x07 \u202eevil\n", encoding="utf-8")
    run = cli("diff", str(old), str(new))
    assert run.exit_code == 0
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout and "\u202e" not in run.stdout
    assert "Budget\u241b]0;pwned\u2407 \ufffdevil" in run.stdout
    document = json.loads(cli("diff", "--format", "json", str(old), str(new)).stdout)
    assert document["changes"][0]["title"] == "Budget\x1b]0;pwned\x07 \u202eevil"  # data stays exact in JSON


# ------------------------------------------------------------------------------ moves
# Issue 14: with the sibling reordering in edit/alignment.py disabled, no test noticed; these do.
SWAP_OLD = "1. Opening\n2. Budget\n   2.1 Draft\n   2.2 Staff costs\n3. Elections\n4. Any other business\n"


def test_two_swapped_siblings_are_one_move_and_one_renumbering() -> None:
    from agendadsl import diff, parse

    new = "1. Opening\n2. Elections\n3. Budget\n   3.1 Draft\n   3.2 Staff costs\n4. Any other business\n"
    changes = diff(parse(SWAP_OLD).agenda, parse(new).agenda)
    # The heavier item (Budget with its two sub-items) stays in place: the short one moved past it.
    assert [(c.kind, c.title, c.old_number, c.new_number) for c in changes] == [
        ("moved", "Elections", "3.", "2."), ("renumbered", "Budget", "2.", "3.")]
    assert changes[1].items == 3 and [(p.kind, p.title) for p in changes[1].after] == [("moved", "Elections")]


def test_an_item_moved_under_another_parent_is_moved(cli, tmp_path) -> None:
    old, new = tmp_path / "old.agenda", tmp_path / "new.agenda"
    old.write_text(SWAP_OLD, encoding="utf-8")
    new.write_text("1. Opening\n2. Budget\n   2.1 Draft\n3. Elections\n   3.1 Staff costs\n4. Any other business\n",
                   encoding="utf-8")
    document = json.loads(cli("diff", "--format", "json", str(old), str(new)).stdout)
    assert [(c["kind"], c["title"], c["old_number"], c["new_number"]) for c in document["changes"]] == [
        ("moved", "Staff costs", "2.2", "3.1")]
    text = cli("diff", str(old), str(new)).stdout
    assert "moved" in text and "Staff costs" in text
