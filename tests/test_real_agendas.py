"""The corpus of real agendas (samples/real/): every translation is clean under --strict, in
canonical form, renders in every format and view, and its LaTeX compiles to a PDF. Each keeps its
original beside it, with the source address, and a row in the corpus table."""

from __future__ import annotations

import re

import pytest

from agendadsl import analyse, format_source
from agendadsl.render import Options, View, render_bytes, render_text
from conftest import ROOT, need

REAL = ROOT / "samples" / "real"
AGENDAS = sorted(REAL.glob("*.agenda"))
KINDS = ("intergovernmental", "parliament", "standards body", "open-source foundation", "university",
         "municipal council", "company or non-profit board")


def _kind(path) -> str:
    return path.with_suffix(".txt").read_text(encoding="utf-8").splitlines()[1].removeprefix("Body kind:").strip()


def test_the_corpus_is_large_and_varied() -> None:
    assert len(AGENDAS) >= 12
    assert len({_kind(path) for path in AGENDAS}) >= 6
    assert {_kind(path) for path in AGENDAS} <= set(KINDS)


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.stem)
def test_translation_keeps_its_original_and_its_row(path) -> None:
    original = path.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
    assert re.fullmatch(r"Source: https?://\S+", original[0])
    assert original[0].removeprefix("Source: ") in path.read_text(encoding="utf-8")
    assert f"| [{path.stem}]({path.name})" in (REAL / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.stem)
def test_translation_is_clean_canonical_and_renders_everywhere(path) -> None:
    text = path.read_text(encoding="utf-8")
    agenda, diagnostics = analyse(text)
    assert agenda is not None and diagnostics == [], [d.message for d in diagnostics]  # --strict: no warning
    assert not format_source(text).changed
    for view in View:
        for fmt in ("html", "latex", "markdown", "json", "ics"):
            assert render_text(agenda, fmt, Options(view=view))


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.stem)
def test_translation_compiles_to_pdf(path) -> None:
    need("lualatex")
    agenda = analyse(path.read_text(encoding="utf-8"))[0]
    assert agenda is not None
    assert render_bytes(agenda, "pdf").startswith(b"%PDF-")
