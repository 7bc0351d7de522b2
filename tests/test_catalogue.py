"""Every diagnostic code is documented in docs/diagnostics.md and has a reproducer that reports it."""

from __future__ import annotations

import json
import re

import pytest

from agendadsl.checks import CHECKS, all_codes
from agendadsl.language.parser import PARSE_CODES
from conftest import ROOT

CODES = list(PARSE_CODES) + all_codes()
CATALOGUE = ROOT / "docs" / "diagnostics.md"
NO_REPRODUCER = {"file-too-large"}  # a reproducer would be a 20 MB file; tested in test_bad_input


def test_codes_are_unique_and_kebab_case() -> None:
    assert len(CODES) == len(set(CODES))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in CODES)


def test_every_check_has_a_docstring() -> None:
    assert all(entry.function.__doc__ for entry in CHECKS)


@pytest.mark.parametrize("code", CODES)
def test_code_is_in_the_catalogue(code: str) -> None:
    headings = re.findall(r"^### `?([a-z0-9-]+)`?\s*$", CATALOGUE.read_text(encoding="utf-8"), flags=re.M)
    assert code in headings


@pytest.mark.parametrize("code", [c for c in CODES if c not in NO_REPRODUCER])
def test_code_has_a_reproducer_that_reports_it(cli, code: str) -> None:
    path = ROOT / "samples" / "invalid" / f"{code}.agenda"
    assert path.exists(), f"add samples/invalid/{code}.agenda"
    document = json.loads(cli("check", "--format", "json", str(path.relative_to(ROOT))).stdout)
    assert code in [d["code"] for f in document["files"] for d in f["diagnostics"]]


def test_file_too_large(cli, tmp_path) -> None:
    from agendadsl.language.source import MAX_FILE_BYTES

    path = tmp_path / "huge.agenda"
    path.write_bytes(b"1. A\n" + b"x" * MAX_FILE_BYTES)
    run = cli("check", str(path))
    assert run.exit_code == 1 and "error[file-too-large]" in run.stderr
