"""Golden renders of every sample: each text format, in English and French, in each view.

The goldens are the published output users depend on, byte for byte. They change only on purpose:
``pytest --update-goldens`` rewrites them, and the diff is reviewed like any other change.
"""

from __future__ import annotations

import pytest

from agendadsl import parse
from agendadsl.render import Options, View, render_text
from conftest import DATA, ROOT

SAMPLES = sorted((ROOT / "samples").glob("*.agenda"))
EXTENSIONS = {"html": "html", "latex": "tex", "markdown": "md", "json": "json", "ics": "ics"}
CASES = [(view, language) for view in ("public", "annotated", "internal") for language in ("en", "fr")]


@pytest.mark.parametrize("fmt", EXTENSIONS)
@pytest.mark.parametrize(("view", "language"), CASES, ids=[f"{v}-{lang}" for v, lang in CASES])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_golden(golden, path, view, language, fmt) -> None:
    agenda = parse(path.read_text(encoding="utf-8")).agenda
    assert agenda is not None
    text = render_text(agenda, fmt, Options(View(view), language))
    golden(DATA / "goldens" / path.stem / f"{view}-{language}.{EXTENSIONS[fmt]}", text)


TRANSLATED = [path for path in SAMPLES if len(parse(path.read_text(encoding="utf-8")).agenda.meeting.languages) > 1]


@pytest.mark.parametrize("fmt", ["html", "latex"])
@pytest.mark.parametrize("view", ["public", "internal"])
@pytest.mark.parametrize("path", TRANSLATED, ids=lambda p: p.stem)
def test_bilingual_golden(golden, path, view, fmt) -> None:
    """A translated sample in its two languages side by side."""
    agenda = parse(path.read_text(encoding="utf-8")).agenda
    text = render_text(agenda, fmt, Options(View(view), bilingual=True))
    golden(DATA / "goldens" / path.stem / f"{view}-bilingual.{EXTENSIONS[fmt]}", text)


def test_a_sample_is_translated() -> None:
    assert TRANSLATED


REAL = sorted((ROOT / "samples" / "real").glob("*.agenda"))


@pytest.mark.parametrize("fmt", EXTENSIONS)
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_agenda_golden(golden, path, fmt) -> None:
    """The real agendas of samples/real/, published as their writers would: the public view, in
    their own language."""
    agenda = parse(path.read_text(encoding="utf-8")).agenda
    assert agenda is not None
    golden(DATA / "goldens" / "real" / path.stem / f"public.{EXTENSIONS[fmt]}", render_text(agenda, fmt))


def test_every_sample_has_its_goldens() -> None:
    """A golden folder for a sample that no longer exists is a test that silently stopped running."""
    folders = {p.name for p in (DATA / "goldens").iterdir()} - {"real"}
    assert folders == {p.stem for p in SAMPLES}
    assert {p.name for p in (DATA / "goldens" / "real").iterdir()} == {p.stem for p in REAL}


def test_every_golden_file_is_compared() -> None:
    """Each sample's folder holds exactly the files the tests above and test_docx.py compare: every
    text format (JSON and iCalendar too) in every view and language, the bilingual pages of a
    translated sample, Word as a dump; a file left over from a removed case fails here."""
    docx = {"public-en.docx.txt", "public-fr.docx.txt", "internal-en.docx.txt"}  # test_docx.py's CASES
    for path in SAMPLES:
        expected = {f"{view}-{language}.{extension}" for view, language in CASES for extension in EXTENSIONS.values()}
        if path in TRANSLATED:
            expected |= {f"{view}-bilingual.{extension}" for view in ("public", "internal")
                         for extension in ("html", "tex")}
        assert {p.name for p in (DATA / "goldens" / path.stem).iterdir()} == expected | docx, path.stem
    for path in REAL:
        assert {p.name for p in (DATA / "goldens" / "real" / path.stem).iterdir()} == {
            f"public.{extension}" for extension in (*EXTENSIONS.values(), "docx.txt")}, path.stem
