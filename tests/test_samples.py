"""Every sample is a valid agenda; every invalid sample gives exactly its golden diagnostics."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, SAMPLES

VALID = sorted(SAMPLES.glob("*.agenda"))
INVALID = sorted((SAMPLES / "invalid").glob("*.agenda"))


def test_there_are_samples() -> None:
    assert len(VALID) >= 4
    assert len(INVALID) >= 10


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_sample_checks_clean(cli, path) -> None:
    run = cli("check", "--strict", str(path.relative_to(ROOT)))
    assert run.exit_code == 0, run.stderr
    assert "no problems found" in run.stderr


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_sample_gives_golden_diagnostics(cli, golden, path) -> None:
    run = cli("check", "--color", "never", str(path.relative_to(ROOT)))
    # A reproducer of a warning exits 0 unless --strict; every reproducer fails with it.
    assert run.exit_code == (0 if " 0 errors," in run.stderr else 1)
    assert cli("check", "--strict", "--color", "never", str(path.relative_to(ROOT))).exit_code == 1
    golden(path.with_suffix(".expected"), run.stderr)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_sample_json_matches_text(cli, path) -> None:
    text = cli("check", "--color", "never", str(path.relative_to(ROOT))).stderr
    document = json.loads(cli("check", "--format", "json", str(path.relative_to(ROOT))).stdout)
    assert document["version"] == 1
    codes = [d["code"] for f in document["files"] for d in f["diagnostics"]]
    assert codes and all(f"[{code}]" in text for code in codes)
