"""Shared test helpers: the CLI runner and golden files.

Golden files are regenerated only on request: ``pytest --update-goldens``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# Timing is the benchmarks' business, not the tests': no per-example deadline (a loaded CI machine
# would make it flaky), and derandomised runs in CI so a failure reproduces.
settings.register_profile("agendadsl", deadline=None)
settings.register_profile("agendadsl-ci", deadline=None, derandomize=True, database=None)
# Mutation testing (tests/mutation/run.py) runs the tests once per mutant: a few fixed examples each.
settings.register_profile("agendadsl-mutation", deadline=None, derandomize=True, database=None, max_examples=10)
settings.load_profile("agendadsl-mutation" if os.environ.get("AGENDA_MUTATION") else
                      "agendadsl-ci" if os.environ.get("CI") else "agendadsl")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"


REQUIRE_TOOLS = os.environ.get("AGENDA_REQUIRE_TOOLS") == "1"


def need(tool: str) -> str:
    """The path of an external tool; skip the test without it, but fail in CI (AGENDA_REQUIRE_TOOLS=1),
    where every tool is installed and a silent skip would hide a broken check."""
    import shutil

    path = shutil.which(tool)
    if path is None:
        if REQUIRE_TOOLS:
            pytest.fail(f"{tool} is required in CI but not installed")
        pytest.skip(f"{tool} is not installed")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli():
    """Run the ``agenda`` command in-process, from the repository root, with colour off."""
    from typer.testing import CliRunner

    from agendadsl.cli.app import app

    def run(*args: str, input: str | bytes | None = None) -> Run:
        runner = CliRunner()
        previous = os.getcwd()
        os.chdir(ROOT)
        try:
            result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        finally:
            os.chdir(previous)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with a golden file, or rewrite the file under --update-goldens."""
    update = request.config.getoption("--update-goldens")

    def compare(path: Path, actual: str) -> None:
        if update or not path.exists():
            if not update:
                pytest.fail(f"missing golden file {path.relative_to(ROOT)}; run pytest --update-goldens")
            with open(path, "w", encoding="utf-8", newline="") as handle:  # keep CRLF (iCalendar) as is
                handle.write(actual)
            return
        with open(path, encoding="utf-8", newline="") as handle:
            expected = handle.read()
        assert actual == expected, f"output differs from {path.relative_to(ROOT)} (pytest --update-goldens rewrites it)"

    return compare
