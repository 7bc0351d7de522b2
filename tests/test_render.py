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


from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import strategies  # noqa: E402
from test_properties import tree  # noqa: E402


@st.composite
def titled_agenda(draw) -> tuple[str, list[str]]:
    """A valid outline of items whose titles are drawn from a wide, hostile alphabet: the source,
    and each item's title as a reader should see it, in reading order."""
    lines, titles = ["body: Board", "date: 1 May 2026", ""], []
    pending = list(reversed([(node, 0) for node in draw(tree())]))
    while pending:
        (mark, children), depth = pending.pop()
        title = draw(strategies.free_text(max_size=30))
        titles.append(title)
        lines.append("    " * depth + f"{mark} {strategies.escape(title)}")
        pending.extend(reversed([(child, depth + 1) for child in children]))
    return "\n".join(lines) + "\n", titles


def _json_titles(items: list[dict]) -> list[str]:
    return [title for item in items for title in (item["title"], *_json_titles(item["children"]))]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(titled_agenda())
def test_every_item_of_a_valid_agenda_is_published_in_every_text_format(case: tuple[str, list[str]]) -> None:
    """Not only that rendering succeeds: every title reaches every format, as text, in order."""
    import json

    import html5lib
    import icalendar

    from agendadsl import analyse

    source, titles = case
    agenda, diagnostics = analyse(source)
    assert agenda is not None
    assume(not any(d.is_error for d in diagnostics))  # a hostile snippet may hold a reference of no series
    for view in View:
        document = json.loads(render_text(agenda, "json", Options(view=view)))
        assert _json_titles(document["items"]) == titles
        page = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(
            render_text(agenda, "html", Options(view=view)))
        shown = ["".join(e.itertext()) for e in page.iter() if e.get("class") == "title"]
        assert [" ".join(t.split()) for t in shown] == [" ".join(t.split()) for t in titles]
        markdown = render_text(agenda, "markdown", Options(view=view))
        assert markdown.count("\n* ") + markdown.startswith("* ") >= len(agenda.items)
        latex = render_text(agenda, "latex", Options(view=view))
        assert latex.count("\\begin{document}") == latex.count("\\end{document}") == 1
        calendar = icalendar.Calendar.from_ical(render_text(agenda, "ics", Options(view=view)))
        (event,) = calendar.walk("VEVENT")
        assert str(event["DTSTART"].dt) == "2026-05-01"


# Issue 14: JSON could lose each reference's URL, or the whole @docs list, and only a golden file noticed.
DOCS = ("series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}\nseries RFC: RFC {n} https://www.rfc-editor.org/rfc/rfc{n}\n\n"
        "1. Exchange of views on [T-ES(2020)23]\n   @docs [T-ES(2020)23], [RFC 9110], [Other 1]\n"
        "   @docs for decision: [RFC 9111]\n")


def test_json_keeps_every_document_reference_with_its_series_and_url() -> None:
    import json

    from agendadsl import analyse

    agenda, diagnostics = analyse(DOCS)
    assert agenda is not None and diagnostics == []
    item = json.loads(render_text(agenda, "json"))["items"][0]
    tes = {"text": "T-ES(2020)23", "series": "T-ES", "url": "https://rm.coe.int/T-ES%282020%2923"}
    rfc = {"text": "RFC 9110", "series": "RFC", "url": "https://www.rfc-editor.org/rfc/rfc9110"}
    other = {"text": "Other 1", "series": None, "url": None}
    rfc_9111 = {"text": "RFC 9111", "series": "RFC", "url": "https://www.rfc-editor.org/rfc/rfc9111"}
    assert item["documents"] == [tes, rfc, other, rfc_9111]
    assert item["document_groups"] == [{"label": None, "documents": [tes, rfc, other]},
                                       {"label": "for decision", "documents": [rfc_9111]}]
    assert {"docref": tes} in item["title_parts"]


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


def test_the_typeset_format_compiles_a_whole_latex_document_even_when_a_fragment_is_asked(monkeypatch) -> None:
    """`agenda render --fragment` gives the body alone in the text formats; LuaLaTeX needs the whole
    document, preamble and all, whatever the options say (the compiler itself is stubbed here:
    tests/test_publish_real.py runs the real one)."""
    from agendadsl.render import pdf, render_chunks

    compiled = []
    monkeypatch.setattr(pdf, "compile_latex", lambda latex, epoch=None: compiled.append(latex) or b"%PDF")
    assert b"".join(render_chunks(load(SEED), "pdf", Options(fragment=True))) == b"%PDF"
    assert compiled[0].startswith("\\documentclass") and "\\end{document}" in compiled[0]


@pytest.mark.parametrize("tone", ["\U0001f3fb", "\U0001f3fc", "\U0001f3fd", "\U0001f3fe", "\U0001f3ff"])
def test_latex_never_breaks_a_long_word_between_an_emoji_and_its_skin_tone(tone: str) -> None:
    """A word of over 30 characters may break anywhere (escape.WORD_BREAK) but inside what reads as one
    character; each of the five skin tones stays with its thumbs up (tests/test_pdf_hostile.py has the
    other scripts, and the PDF itself)."""
    from agendadsl.render import escape

    word = ("\U0001f44d" + tone) * 20
    pieces = escape.latex(word).split(escape.WORD_BREAK)
    assert "".join(pieces) == word
    assert not [piece for piece in pieces if piece.startswith(tone)]


def test_a_latex_line_one_character_over_the_limit_is_broken() -> None:
    """TeX's buffer (render/tex_lines.py): a line of MAX_LINE + 1 characters, the first of the output,
    is broken at a space; tests/test_pdf_hostile.py typesets long ones."""
    from agendadsl.render import tex_lines

    line = "a " * (tex_lines.MAX_LINE // 2) + "b"
    assert len(line) == tex_lines.MAX_LINE + 1
    out = "".join(tex_lines.short_lines([line + "\n", "\\end{document}\n"]))
    assert out.replace("\n", " ") == line + " \\end{document} "
    assert max(len(text) for text in out.split("\n")) <= tex_lines.MAX_LINE


def test_a_verbatim_note_keeps_its_spaces_where_french_typography_would_change_them() -> None:
    """A '|' note is kept as written; a '>' note takes the output language's spacing (French: a
    no-break space before ':' and a narrow one before ';' and '?')."""
    agenda = parse("language: fr\n\n1. Ouverture\n   | Code : x = 1 ; y = 2 ?\n   > Note : ceci ; cela ?\n").agenda
    page = render_text(agenda, "markdown")
    assert "Code : x = 1 ; y = 2 ?\n" in page
    assert "Note\u00a0: ceci\u202f; cela\u202f?\n" in page


def test_a_field_of_ones_own_without_a_translation_is_published_as_written() -> None:
    source = "body: Board\nfr: Conseil\nlanguage: en, fr\nfields: Quorum\nQuorum: 14 members\n\n1. Opening\nfr: Ouverture\n"
    page = render_text(parse(source).agenda, "markdown", Options(language="fr"))
    assert "**Conseil**" in page and "**Quorum:** 14 members\n" in page


def test_publishing_as_final_is_refused_for_an_item_still_to_be_confirmed() -> None:
    """`agenda render --final` (tests/test_render_cli.py runs the command on the seed, whose open points
    are all in its next meetings)."""
    from agendadsl.render.final import unconfirmed

    found = unconfirmed(parse("1. Opening\n   @status tbc\n2. Close\n").agenda)
    assert [(d.code, d.message, d.span.line) for d in found] == [("not-final", "this item is still to be confirmed", 2)]
