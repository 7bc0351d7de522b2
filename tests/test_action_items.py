"""Action items: '- [status] @owner text'. Which brackets make a status (and which stay a document
reference), how every format shows the status and the owner, and that fmt writes them back."""

from __future__ import annotations

import json

import html5lib
import pytest

from agendadsl import analyse, format_source
from agendadsl.language.nodes import Bullet
from agendadsl.render import Options, render_text

HEAD = "body: Board\ndate: 1 May 2026\n\n1. Review of action points\n"


def bullet_of(line: str) -> Bullet:
    agenda, diagnostics = analyse(HEAD + f"   {line}\n")
    assert agenda is not None and not [d for d in diagnostics if d.is_error], diagnostics
    (bullet,) = agenda.items[0].notes
    assert isinstance(bullet, Bullet)
    return bullet


@pytest.mark.parametrize(("line", "status", "owner"), [
    ("- [ ] @alex Draft the report", "open", "alex"),
    ("- [x] @amos Send the minutes", "done", "amos"),
    ("- [X] Send the minutes", "done", None),
    ("- [In Progress] @henrik Move the shop", "in progress", "henrik"),
    ("- [postponed] Move the shop", "postponed", None),
    ("- [waiting for message texts] @sysadmin Mail the contacts", "waiting for message texts", "sysadmin"),
    ("- [second draft sent] @francesco Reply to Packt", "second draft sent", "francesco"),
])
def test_a_status_in_brackets_makes_an_action_item(line: str, status: str, owner: str | None) -> None:
    bullet = bullet_of(line)
    assert (bullet.status, bullet.owner) == (status, owner)
    assert "@" not in "".join(str(p) for p in bullet.text.parts)


@pytest.mark.parametrize("line", [
    "- [A] of the report",          # a document reference
    "- [sic] text",                  # one unknown word
    "- [doc 12] of the report",      # digits: a reference, not a status
    "- [Second Draft] of the report",  # capitalised words: a reference
    "- [the note](https://example.org/n) is out",  # a link
])
def test_other_brackets_keep_the_bullet_a_bullet(line: str) -> None:
    assert bullet_of(line).status is None


def test_every_format_shows_the_status_in_the_output_language_and_the_owner() -> None:
    agenda, _ = analyse(HEAD + "   - [postponed] @amos Open the shop\n"
                               "   - [x] @amos Send the minutes\n"
                               "   - [waiting for message texts] @sysadmin Mail the contacts\n")
    assert agenda is not None
    page = render_text(agenda, "html", Options(language="fr"))
    items = html5lib.parse(page, namespaceHTMLElements=False).iter("li")
    actions = [("".join(li.itertext()), li.get("class")) for li in items if "action" in (li.get("class") or "")]
    assert actions == [("☐ reporté amos Open the shop", "action"),
                       ("☑ fait amos Send the minutes", "action done"),
                       ("☐ waiting for message texts sysadmin Mail the contacts", "action")]
    markdown = render_text(agenda, "markdown", Options(language="en"))
    assert "*postponed* **amos**: Open the shop" in markdown
    latex = render_text(agenda, "latex", Options(language="fr"))
    assert "reporté" in latex and "waiting for message texts" in latex and "sysadmin" in latex
    notes = json.loads(render_text(agenda, "json"))["items"][0]["notes"]
    assert [(n["kind"], n["status"], n["owner"]) for n in notes] == [
        ("action", "postponed", "amos"), ("action", "done", "amos"),
        ("action", "waiting for message texts", "sysadmin")]


def test_fmt_writes_action_items_back_and_is_stable() -> None:
    source = HEAD + ("   - [ ] @alex Draft the report\n"
                     "   - [X] Send the minutes\n"
                     "   - [In Progress] @henrik Move the shop\n"
                     "   - [waiting for message texts] @sysadmin Mail the contacts\n"
                     "   - [A] of the report\n")
    formatted = format_source(source).text
    assert formatted.endswith("   - [ ] @alex Draft the report\n"
                              "   - [x] Send the minutes\n"
                              "   - [in progress] @henrik Move the shop\n"
                              "   - [waiting for message texts] @sysadmin Mail the contacts\n"
                              "   - [A] of the report\n"), formatted
    assert format_source(formatted).text == formatted


@pytest.mark.parametrize("line", ["- [ x ] of the report", "- [ in force ] since May", "- [ done ] as such"])
def test_fmt_keeps_a_spaced_reference_that_reads_like_a_status_a_reference(line: str) -> None:
    # Found by hypothesis: "[ of of ]" printed as "[of of]" became a status.
    source = HEAD + f"   {line}\n"
    formatted = format_source(source).text
    assert bullet_of(formatted.removeprefix(HEAD).strip()).status is None
    assert format_source(formatted).text == formatted
