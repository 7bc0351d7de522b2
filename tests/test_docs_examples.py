"""The examples of docs/diagnostics.md are real: each entry's agenda, checked as example.agenda,
prints exactly the output shown under it."""

from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT

CATALOGUE = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
ENTRY = re.compile(r"^### (?P<code>[a-z0-9-]+)\n(?P<body>.*?)(?=^##)", re.M | re.S)
EXAMPLE = re.compile(r"```agenda\n(?P<agenda>.*?)```\s*```text\n(?P<output>.*?)```", re.S)
CASES = [(m.group("code"), e.group("agenda"), e.group("output"))
         for m in ENTRY.finditer(CATALOGUE + "\n##") for e in EXAMPLE.finditer(m.group("body"))]


def test_the_catalogue_has_examples() -> None:
    assert len(CASES) >= 45


@pytest.mark.parametrize(("code", "agenda", "output"), CASES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_catalogue_example_prints_what_the_docs_show(tmp_path, code: str, agenda: str, output: str) -> None:
    from typer.testing import CliRunner

    from agendadsl.cli.app import app

    (tmp_path / "example.agenda").write_text(agenda, encoding="utf-8")
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(app, ["check", "--color", "never", "example.agenda"])
    finally:
        os.chdir(previous)
    printed = result.stderr.rsplit("\n", 2)[0] + "\n"  # without the summary line
    assert f"[{code}]" in output
    assert printed == output


PAGES = {"docs/language.md": (ROOT / "docs" / "language.md").read_text(encoding="utf-8"),
         "README.md": (ROOT / "README.md").read_text(encoding="utf-8")}
BLOCK = re.compile(r"```agenda\n(?P<agenda>.*?)```(?:\s*```text\n(?P<output>.*?)```)?", re.S)
REFERENCE = [(page, m.group("agenda"), m.group("output")) for page, text in PAGES.items() for m in BLOCK.finditer(text)]


def test_the_reference_has_examples() -> None:
    assert len(REFERENCE) >= 20


@pytest.mark.parametrize(("page", "agenda", "output"), REFERENCE,
                         ids=[f"{p}-{i}" for i, (p, _, _) in enumerate(REFERENCE)])
def test_reference_example_reads_as_the_docs_say(tmp_path, page: str, agenda: str, output: str | None) -> None:
    """An example of the reference with no output shown is a clean agenda (a fragment of one: an
    agenda without items is allowed); one with its output shown prints exactly that."""
    from agendadsl import analyse

    if output is None:
        diagnostics = [d for d in analyse(agenda)[1] if d.code != "empty-agenda"]
        assert diagnostics == [], [f"{d.span.line}: {d.code} {d.message}" for d in diagnostics]
        return
    test_catalogue_example_prints_what_the_docs_show(tmp_path, output.split("[", 1)[1].split("]", 1)[0],
                                                     agenda, output)
