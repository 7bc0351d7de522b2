"""Publishing: every sample in every format, golden files for the seed, deterministic output."""

from __future__ import annotations

import pytest

from agendadsl import parse
from agendadsl.render import Options, View, render_text
from conftest import DATA, ROOT

SAMPLES = sorted((ROOT / "samples").glob("*.agenda"))
TEXT_FORMATS = ("html", "latex", "markdown", "json", "ics")
EXTENSIONS = {"html": "html", "latex": "tex", "markdown": "md", "json": "json", "ics": "ics"}
SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"


def load(path):
    return parse(path.read_text(encoding="utf-8")).agenda


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_renders_deterministically(path, fmt) -> None:
    agenda = load(path)
    first = render_text(agenda, fmt)
    assert first and first == render_text(load(path), fmt)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_seed_golden(golden, fmt, language) -> None:
    text = render_text(load(SEED), fmt, Options(language=language))
    golden(DATA / "render" / f"lanzarote.{language}.{EXTENSIONS[fmt]}", text)


def test_seed_in_french() -> None:
    text = render_text(load(SEED), "markdown", Options(language="fr"))
    for expected in ("Ordre du jour", "Réunion virtuelle, 23 novembre 2020", "Dates des prochaines réunions",
                     # CLDR's French intervals: an en dash, closed up between days, between thin spaces between dates
                     "7\u201311 décembre 2020", "28 juin\u2009\u2013\u20092 juillet 2021",
                     "29 novembre\u2009\u2013\u20093 décembre 2021",
                     "(dates exactes et lieu/nature de la réunion à confirmer)"):
        assert expected in text


def test_seed_in_english_reads_like_the_original() -> None:
    text = render_text(load(SEED), "markdown")
    for expected in ("Virtual meeting, 23 November 2020", "Dates of the next meetings",
                     # CLDR's British English intervals: an en dash between thin spaces; a table row
                     "| 7\u2009\u2013\u200911 December 2020 | KUDO Platform | *(exact dates tbc)* |",
                     "| 28 June\u2009\u2013\u20092 July 2021 | Strasbourg | *(exact dates and place/nature of the "
                     "meeting tbc)* |"):
        assert expected in text


COUNCIL = ROOT / "samples" / "city-council-2026-03-10.agenda"


VIEWS = """body: Board
> Published preamble.
! Internal preamble.

1. Accounts
   > Published note.
   >> Annotation for the annotated agenda.
   ! Internal note.
"""


@pytest.mark.parametrize("fmt", ["html", "markdown", "latex"])
def test_views_choose_what_is_shown(fmt: str) -> None:
    """'>' text is published everywhere; '>>' annotations in the annotated agenda and the run
    sheet; '!' internal text only in the run sheet."""
    agenda = parse(VIEWS).agenda
    shown = {view: render_text(agenda, fmt, Options(view=view)) for view in View}
    expected = {View.PUBLIC: ("Published preamble.", "Published note."),
                View.ANNOTATED: ("Published preamble.", "Published note.", "Annotation for the annotated agenda."),
                View.INTERNAL: ("Published preamble.", "Published note.", "Annotation for the annotated agenda.",
                                "Internal preamble.", "Internal note.")}
    everything = expected[View.INTERNAL]
    for view, text in shown.items():
        for sentence in everything:
            assert (sentence in text) == (sentence in expected[view]), (view, sentence)


def test_status_shows_as_a_banner() -> None:
    text = render_text(load(COUNCIL), "html")
    assert '<p class="banner">Draft</p>' in text


from hypothesis import HealthCheck, given, settings  # noqa: E402

from test_properties import line_soup  # noqa: E402


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(line_soup())
def test_every_agenda_without_errors_renders_in_every_text_format(text: str) -> None:
    from agendadsl import analyse

    agenda, diagnostics = analyse(text)
    if agenda is None or any(d.is_error for d in diagnostics):
        return
    for fmt in TEXT_FORMATS:
        for view in View:
            assert render_text(agenda, fmt, Options(view=view)) is not None


def test_json_streams_item_by_item(monkeypatch) -> None:
    """The JSON of a large agenda is written while its items are still being converted, one top-level
    item at a time, rather than after a dictionary of the whole agenda is built (docs/performance.md,
    memory): the first piece comes before most items are converted, and the whole is the same."""
    from agendadsl.render import json_export

    agenda = parse("body: Board\ndate: 1 March 2026\n\n" + "".join(f"{n}. Item {n}\n" for n in range(1, 20001))).agenda
    whole = json_export.to_json(agenda)
    converted = []
    original = json_export._Exporter.item

    def counted(self, item):
        converted.append(item)
        return original(self, item)

    monkeypatch.setattr(json_export._Exporter, "item", counted)
    pieces = json_export.json_pieces(agenda)
    first = next(pieces)
    assert 0 < len(converted) < 10000
    assert first + "".join(pieces) == whole
    assert len(converted) == 20000
