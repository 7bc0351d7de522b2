"""Two languages in one file: where each `fr:` line belongs, what fmt, check, diff and JSON make of
it, and the agenda published in its translation and in two columns, read back by real tools."""

from __future__ import annotations

import json
import re
import subprocess

import html5lib
import pytest

from agendadsl import check, format_source, parse
from agendadsl.render import Options, render_bytes, render_text
from conftest import ROOT, need

BILINGUAL = ROOT / "samples" / "lanzarote-2020-11-23-en-fr.agenda"

EVERY_PLACE = """\
body: Lanzarote Committee
fr: Comité de Lanzarote
title: Draft agenda
fr: Projet d'ordre du jour
date: 23 November 2020
language: en, fr
fields: Quorum
Quorum: 14 members
fr: 14 membres

> Documents will be circulated.
> They are public.
fr: Les documents seront diffusés.
fr: Ils sont publics.

## Morning, 09:30-12:30
  fr: Matin, 9 h 30-12 h 30

1. Opening of the meeting {#open}
   fr: Ouverture de la réunion
   @time 09:30
   - Statement
     fr: Déclaration
     - by the Chair
       fr: par la Présidente
   > The Chair opens the meeting.
   fr: La Présidente ouvre la réunion.

   1.1 Sub-item
       fr: Sous-point
2. Other business [^1]
fr: Divers [^1]

annexes:
  - A. Draft resolution
  fr: Projet de résolution

[^1]: Only in English.
fr: Seulement en anglais.
"""


def parsed(text: str):
    result = parse(text)
    assert result.agenda is not None, result.diagnostics
    return result


def test_each_translation_belongs_to_the_text_above_it() -> None:
    result = parsed(EVERY_PLACE)
    assert [d.code for d in result.diagnostics] == []
    agenda = result.agenda
    meeting = agenda.meeting
    assert meeting.languages == ("en", "fr")
    assert [(t.key, t.language, t.value) for t in meeting.translations] == [
        ("body", "fr", "Comité de Lanzarote"), ("title", "fr", "Projet d'ordre du jour"),
        ("Quorum", "fr", "14 membres")]
    text = agenda.body[0].parts[0]
    assert [line.plain for line in text.translations[0].lines] == ["Les documents seront diffusés.",
                                                                   "Ils sont publics."]
    group = agenda.groups[0]
    assert group.translations[0].text.plain == "Matin, 9 h 30-12 h 30"
    assert group.translations[0].name.plain == "Matin"
    first, second = agenda.items
    assert first.translations[0].text.plain == "Ouverture de la réunion"
    bullet, note = first.notes
    assert bullet.translations[0].text.plain == "Déclaration"
    assert bullet.children[0].translations[0].text.plain == "par la Présidente"
    assert note.translations[0].text.plain == "La Présidente ouvre la réunion."
    assert first.children[0].translations[0].text.plain == "Sous-point"
    assert second.translations[0].text.plain == "Divers [^1]"  # placed after the item, at its column
    annex = agenda.body[-1].annexes[0]
    assert annex.translations[0].text.plain == "Projet de résolution"
    assert agenda.footnotes[0].translations[0].text.plain == "Seulement en anglais."


def test_a_translation_at_a_bullets_own_column_is_the_bullets() -> None:
    agenda = parsed("body: X\nlanguage: en, fr\n\n- Public session\nfr: Séance publique\n\n1. A\n"
                    "   - Statement\n   fr: Déclaration\n").agenda
    assert agenda.body[0].parts[0].translations[0].text.plain == "Séance publique"
    assert agenda.items[0].notes[0].translations[0].text.plain == "Déclaration"
    assert agenda.items[0].translations == ()


def test_a_translation_at_the_items_own_column_comes_before_its_block() -> None:
    agenda = parsed("body: X\nlanguage: en, fr\n\n# Day\nfr: Jour\n  @place Room 1\n\n1. A\nfr: B\n   - C\n"
                    "   fr: D\n     - E\n").agenda
    item = agenda.items[0]
    assert agenda.groups[0].translations[0].text.plain == "Jour"
    assert item.translations[0].text.plain == "B"
    assert item.notes[0].translations[0].text.plain == "D"
    assert item.notes[0].children[0].text.plain == "E"


def test_fmt_puts_each_translation_where_it_belongs_and_keeps_the_agenda() -> None:
    result = format_source(EVERY_PLACE)
    assert "2. Other business [^1]\n   fr: Divers [^1]\n" in result.text  # moved under its item
    assert "  - A. Draft resolution\n  fr: Projet de résolution\n" in result.text
    assert parse(result.text).agenda == parse(EVERY_PLACE).agenda
    assert format_source(result.text).text == result.text


def test_the_bilingual_sample_is_canonical_and_clean() -> None:
    text = BILINGUAL.read_text(encoding="utf-8")
    assert format_source(text).text == text
    agenda = parsed(text).agenda
    assert check(agenda) == []


@pytest.mark.parametrize(("source", "code", "line"), [
    ("body: X\nlanguage: en\n\n1. A\n   fr: B\n", "undeclared-translation", 5),
    ("body: X\n\n1. A\n   fr: B\n", "undeclared-translation", 4),
    ("body: X\nlanguage: en, fr\n\n1. A\n   en: B\n", "undeclared-translation", 5),
    ("body: X\nlanguage: en, fr\n\n1. A\n   fr: B\n   fr: C\n", "duplicate-translation", 6),
    ("body: X\nlanguage: en, fr\n\n1. A\n   fr: B\n   @time 10:00\n   fr: C\n", "duplicate-translation", 7),
    ("date: 1 May 2026\nfr: 1 mai 2026\nlanguage: en, fr\n\n1. A\n", "misplaced-translation", 2),
    ("body: X\nlanguage: en, fr\n\n1. A\nnext meetings:\n  - 3 May 2027\nfr: x\n", "misplaced-translation", 7),
    ("body: X\nlanguage: en, fr\n\n1. A\n   fr: B\n2. C\n3. D\n   fr: E\n", "missing-translation", 6),
])
def test_translation_mistakes_are_reported_where_they_are(source: str, code: str, line: int) -> None:
    from agendadsl import analyse

    diagnostics = analyse(source)[1]
    assert [(d.code, d.span.line) for d in diagnostics] == [(code, line)]


def test_a_heading_that_is_only_a_date_needs_no_translation() -> None:
    from agendadsl import analyse

    source = ("body: X\ndate: 1 May 2026\nlanguage: en, fr\n\n# Friday 1 May 2026\n## Morning, 09:30-12:30\n"
              "  fr: Matin, 9 h 30-12 h 30\n\n1. A\n   fr: B\n")
    assert analyse(source)[1] == []


def test_published_in_french_each_text_takes_its_translation_and_the_rest_is_marked_english() -> None:
    source = EVERY_PLACE.replace("2. Other business [^1]\nfr: Divers [^1]\n", "2. Other business [^1]\n")
    page = render_text(parsed(source).agenda, "html", Options(language="fr"))
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert document.get("lang") == "fr"
    titles = ["".join(e.itertext()) for e in document.iter("span") if e.get("class") == "title"]
    assert titles == ["Ouverture de la réunion", "Sous-point", "Other business 1"]
    english = [("".join(e.itertext()), e.get("lang")) for e in document.iter("span") if e.get("lang")]
    assert english == [("Other business ", "en")]
    body = next(e for e in document.iter("p") if e.get("class") == "body-name")
    assert (body.text, body.get("lang")) == ("Comité de Lanzarote", None)
    assert "Matin, <span class=\"when\">9\u00a0h\u00a030 – 12\u00a0h\u00a030</span>" in page  # noqa: RUF001
    assert "<strong>" not in page.split("La Présidente ouvre la réunion.")[0].rsplit("<p", 1)[1]
    assert "Ils sont publics." in page and "They are public." not in page
    assert "Seulement en anglais." in page and "Projet de résolution" in page


def test_the_latex_marks_english_left_in_a_french_page() -> None:
    agenda = parsed("body: X\nlanguage: en, fr\n\n1. Opening\n   fr: Ouverture\n2. Other\n").agenda
    latex = render_text(agenda, "latex", Options(language="fr"))
    assert "\\babelprovide[import,main]{french}\n\\babelprovide[import]{english}" in latex
    assert "\\agendaitem{1}{1.}{Ouverture}" in latex
    assert "\\agendaitem{1}{2.}{\\foreignlanguage{english}{Other}}" in latex
    assert "babel" not in render_text(agenda, "latex")  # one language: no babel to load


def test_bilingual_html_pairs_every_part_and_keeps_ids_unique() -> None:
    agenda = parsed(BILINGUAL.read_text(encoding="utf-8")).agenda
    page = render_text(agenda, "html", Options(bilingual=True))
    document = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    ids = [e.get("id") for e in document.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    pairs = [e for e in document.iter("div") if e.get("class") == "pair"]  # meetings lists follow at full width
    languages = [[child.get("lang") for child in pair] for pair in pairs]
    assert languages and all(pair == ["en", "fr"] for pair in languages)
    rows = [[next(e for e in side.iter("span") if e.get("class") == "title") for side in pair]
            for pair in pairs if pair[0].tag == "ol"]
    titles = [["".join(title.itertext()) for title in row] for row in rows]
    assert titles[0] == ["Opening of the meeting and adoption of the agenda",
                         "Ouverture de la réunion et adoption de l’ordre du jour"]
    assert titles[-1] == ["List of decisions", "Liste des décisions"]
    assert titles[3] == ["Introduction", "Introduction"]  # I.1: every item is a row, so the two stay level
    assert len(titles) == 38  # the 37 numbered items and the list of decisions
    links = {e.get("href") for e in document.iter("a") if (e.get("href") or "").startswith("#")}
    assert links <= {"#" + i for i in ids}


def test_bilingual_pdf_sets_both_languages_level_on_each_line(tmp_path) -> None:
    need("lualatex")
    pdftotext = need("pdftotext")
    agenda = parsed(BILINGUAL.read_text(encoding="utf-8")).agenda
    pdf = tmp_path / "bilingual.pdf"
    pdf.write_bytes(render_bytes(agenda, "pdf", Options(bilingual=True)))
    text = subprocess.run([pdftotext, "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    assert "Lanzarote Committee Comité de Lanzarote" in lines
    assert "Agenda Ordre du jour" in lines
    assert "3. Any other business 3. Divers" in lines
    assert any(line.startswith("I.3.2 Reservations allowed by I.3.2 Réserves autorisées par") for line in lines)
    info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+[2-5]$", info, re.M)


def test_bilingual_needs_a_second_language_and_a_two_column_format(cli, tmp_path) -> None:
    one = tmp_path / "one.agenda"
    one.write_text("body: X\n\n1. A\n", encoding="utf-8")
    result = cli("render", str(one), "--to", "html", "--bilingual", "-o", str(tmp_path / "out.html"))
    assert result.exit_code == 2
    assert "--bilingual needs a second language" in result.stderr
    result = cli("render", str(BILINGUAL), "--to", "html,markdown", "--bilingual", "-o", str(tmp_path) + "/")
    assert result.exit_code == 2
    assert "not in markdown" in result.stderr
    result = cli("render", str(BILINGUAL), "--to", "html", "--bilingual", "--fragment", "-o", "-")
    assert result.exit_code == 2


def test_json_and_diff_carry_the_translations(tmp_path) -> None:
    agenda = parsed(EVERY_PLACE).agenda
    data = json.loads(render_text(agenda, "json"))
    assert data["meeting"]["languages"] == ["en", "fr"]
    assert data["meeting"]["translations"] == {"fr": {"body": "Comité de Lanzarote",
                                                      "document_title": "Projet d'ordre du jour",
                                                      "Quorum": "14 membres"}}
    assert data["items"][0]["translations"]["fr"]["text"] == "Ouverture de la réunion"
    assert data["items"][0]["notes"][1]["translations"]["fr"]["text"] == "La Présidente ouvre la réunion."
    from agendadsl import diff

    changed = parsed(EVERY_PLACE.replace("fr: Sous-point", "fr: Sous-question")).agenda
    changes = diff(agenda, changed)
    assert [(c.kind, [f.as_dict() for f in c.fields]) for c in changes] == [
        ("changed", [{"field": "fr", "old": "Sous-point", "new": "Sous-question"}])]


def test_an_unnumbered_item_that_names_itself_renders_in_every_language() -> None:
    """A cross-reference to an unnumbered item shows its title, which may name the item itself:
    found by the property tests as endless recursion once titles were looked up in translations."""
    agenda = parsed("body: X\nlanguage: en, fr\n\n* Self {#a} {a}\n  fr: Soi {a}\n1. B {a}\n").agenda
    for language in ("en", "fr"):
        page = render_text(agenda, "html", Options(language=language))
        assert ('>Soi {a}</a>' if language == "fr" else '>Self {a}</a>') in page
