"""The wording of each language: German, Italian and Russian ship beside English and French, each
file complete; a house style adds a language, or changes a shipped one, with one file of its own
(keys it leaves out come from the shipped wording, then English)."""

from __future__ import annotations

import tomllib

import pytest

from agendadsl import analyse
from agendadsl.render import Options, render_bytes, render_text
from conftest import ROOT, need

I18N = ROOT / "templates" / "i18n"
SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"


def keys(path) -> set[str]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return {f"{table}.{key}" for table, values in data.items() for key in values}


@pytest.mark.parametrize("language", ["fr", "de", "it", "ru"])
def test_every_shipped_language_has_every_key_of_english(language: str) -> None:
    # Keys a language may add: its own time pattern (French "19 h 30"), an elided "from" before
    # some numbers (Italian "dall'11"). Every other key is the same set.
    optional = {"when.time", "when.from_date_elided", "when.elide_before"}
    assert keys(I18N / f"{language}.toml") - optional == keys(I18N / "en.toml")


@pytest.mark.parametrize(("language", "title", "date", "next_meetings"), [
    ("de", "# Tagesordnung", "Virtuelle Sitzung, 23. November 2020", "## Termine der nächsten Sitzungen"),
    ("it", "# Ordine del giorno", "Riunione virtuale, 23 novembre 2020", "## Date delle prossime riunioni"),
    ("ru", "# Повестка дня", "Виртуальное заседание, 23 ноября 2020\u202fг.", "## Даты следующих заседаний"),
])
def test_the_seed_in_each_working_language(language: str, title: str, date: str, next_meetings: str) -> None:
    agenda, _ = analyse(SEED.read_text(encoding="utf-8"))
    text = render_text(agenda, "markdown", Options(language=language))
    assert title in text and date in text and next_meetings in text


def test_russian_compiles_to_pdf() -> None:
    need("lualatex")
    agenda, _ = analyse(SEED.read_text(encoding="utf-8"))
    assert render_bytes(agenda, "pdf", Options(language="ru")).startswith(b"%PDF-")


def test_a_house_style_adds_a_language_with_one_file(tmp_path, cli) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "nl.toml").write_text(
        '[locale]\nbabel = "nl_NL"\n\n[labels]\nnext_meetings = "Volgende vergaderingen"\n', encoding="utf-8")
    refused = cli("render", str(SEED), "--to", "markdown", "--language", "nl")
    assert refused.exit_code == 2 and "no wording for language 'nl'" in refused.stderr
    run = cli("render", str(SEED), "--to", "markdown", "--language", "nl", "--templates", str(tmp_path))
    assert run.exit_code == 0, run.stderr
    assert "## Volgende vergaderingen" in run.stdout  # the house style's word
    assert "Virtual meeting, 23 november 2020" in run.stdout  # English wording, Dutch dates (Babel)


def test_a_house_style_changes_one_word_of_a_shipped_language(tmp_path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "fr.toml").write_text('[labels]\nagenda = "Projet d\'ordre du jour"\n', encoding="utf-8")
    agenda, _ = analyse(SEED.read_text(encoding="utf-8"))
    text = render_text(agenda, "markdown", Options(language="fr", templates=tmp_path))
    assert "# Projet d'ordre du jour" in text
    assert "## Dates des prochaines réunions" in text  # the rest of the shipped French wording
