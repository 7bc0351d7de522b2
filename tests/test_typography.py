"""Typography by the output language's rules: French no-break spaces before ':' and '»' and after
'«', narrow ones before ';', '!' and '?', and '19 h 30' held together; English left as written;
text kept as written ('|') untouched. The expected strings are written out, never computed."""

from __future__ import annotations

import pytest

from agendadsl import analyse
from agendadsl.render import Options, render_text

NBSP, NNBSP = "\u00a0", "\u202f"

SOURCE = """body: Conseil communal
date: mardi 5 octobre 2021
time: 19 h 30
chair: Mme Claire Dupont
language: fr

1. Ordre du jour : adoption
   > Votre avis ? « Oui » ; merci !
   | code : gardé tel quel ; ici ?
"""


def rendered(fmt: str, language: str | None = None) -> str:
    agenda, diagnostics = analyse(SOURCE)
    assert not [d for d in diagnostics if d.is_error]
    return render_text(agenda, fmt, Options(language=language))


@pytest.mark.parametrize("fmt", ["html", "markdown", "latex"])
def test_french_spacing_in_every_format(fmt: str) -> None:
    text = rendered(fmt)
    assert f"Ordre du jour{NBSP}: adoption" in text
    assert f"avis{NNBSP}?" in text and f"«{NBSP}Oui{NBSP}»" in text and f"»{NNBSP};" in text
    assert (f"merci{NNBSP}\\!" if fmt == "markdown" else f"merci{NNBSP}!") in text  # Markdown escapes '!'
    assert f"Présidence{NBSP}: Mme Claire Dupont" in text  # the wording too
    assert f"19{NBSP}h{NBSP}30" in text


def test_text_kept_as_written_keeps_its_spaces() -> None:
    assert "code : gardé tel quel ; ici ?" in rendered("html")


def test_english_output_is_not_respaced() -> None:
    text = rendered("markdown", language="en")
    assert "Ordre du jour : adoption" in text and "Votre avis ? « Oui » ; merci" in text


def test_the_pdf_prints_the_spaces(tmp_path) -> None:
    import subprocess

    from agendadsl.render import render_bytes
    from conftest import need

    need("lualatex")
    pdftotext = need("pdftotext")
    agenda, _ = analyse(SOURCE)
    (tmp_path / "fr.pdf").write_bytes(render_bytes(agenda, "pdf"))
    text = subprocess.run([pdftotext, str(tmp_path / "fr.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Ordre du jour" in text and "adoption" in text and "Votre avis" in text
