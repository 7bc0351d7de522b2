"""``agenda check`` and ``agenda render`` over many files, in worker processes (``--jobs``): the same
bytes written, the same diagnostics in the same order, and the same exit status as one worker."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agendadsl.cli.jobs import in_order

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def agenda(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agendadsl", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600, check=False)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good agendas and broken ones (errors, warnings, a syntax error, bad UTF-8), interleaved, as
    files named so that their order on the command line is not the order of their sizes."""
    folder = tmp_path_factory.mktemp("many")
    good = sorted(SAMPLES.glob("*.agenda"))
    bad = sorted((SAMPLES / "invalid").glob("*.agenda"))[:30]
    for number, path in enumerate(good + bad):
        shutil.copy(path, folder / f"{(number * 37) % 101:03d}-{path.name}")
    return folder


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.agenda"))


@pytest.mark.parametrize("output", [[], ["--format", "json"], ["--strict", "--color", "always"]])
def test_check_reports_as_one_worker_does(inputs: Path, output: list[str]) -> None:
    names = [*files(inputs), "missing.agenda"]  # one unreadable file among them
    one = agenda("check", *names, *output, "--jobs", "1", cwd=inputs)
    many = agenda("check", *names, *output, "--jobs", "3", cwd=inputs)
    assert one.returncode == 2  # the missing file
    assert (many.returncode, many.stdout, many.stderr) == (one.returncode, one.stdout, one.stderr)
    reports = one.stdout if "json" in output else one.stderr  # the test sees real reports
    assert reports.count("error") > 10 and reports.count("warning") > 1


def test_render_writes_what_one_worker_writes(inputs: Path, tmp_path: Path) -> None:
    names = files(inputs)
    one = agenda("render", *names, "--to", "html,latex,markdown,json,ics", "-o", str(tmp_path / "one") + "/",
                 "--jobs", "1", "--color", "never", cwd=inputs)
    many = agenda("render", *names, "--to", "html,latex,markdown,json,ics", "-o", str(tmp_path / "many") + "/",
                  "--color", "never", cwd=inputs)  # the default: one worker per core
    assert one.returncode == 1  # the broken agendas are not rendered
    assert many.returncode == one.returncode
    assert many.stderr == one.stderr
    assert many.stdout.replace(str(tmp_path / "many"), "OUT") == one.stdout.replace(str(tmp_path / "one"), "OUT")
    written = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(written) >= 5 * len(list(SAMPLES.glob("*.agenda")))
    assert sorted(p.name for p in (tmp_path / "many").iterdir()) == written
    for name in written:
        assert (tmp_path / "many" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


def _pid_after_a_while(number: int) -> tuple[int, int]:
    time.sleep(0.02)  # long enough that one worker cannot take every batch before the other starts
    return number, os.getpid()


def test_several_workers_share_the_files_and_results_keep_their_order() -> None:
    results = list(in_order(_pid_after_a_while, list(range(40)), 2))
    assert [number for number, _ in results] == list(range(40))
    assert len({pid for _, pid in results[1:]} - {os.getpid()}) == 2  # the first job runs here, the rest in two


def test_one_worker_or_one_file_starts_no_process() -> None:
    assert {pid for _, pid in in_order(_pid_after_a_while, list(range(5)), 1)} == {os.getpid()}
    assert {pid for _, pid in in_order(_pid_after_a_while, [0], 4)} == {os.getpid()}
