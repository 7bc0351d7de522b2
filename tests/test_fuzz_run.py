"""fuzz/run, CI's fuzz pass, reports a crash, and also a fuzzer that did not run: one that fails to
start (atheris missing, an import error in the target) or runs nothing once said "no crash".
The fuzzer is replaced by a stand-in for ``python`` (the ``PYTHON`` variable fuzz/run reads), so
these tests need neither atheris nor time."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import ROOT


def fuzz_run(tmp_path: Path, fuzzer: str) -> subprocess.CompletedProcess[str]:
    """Run fuzz/run with a stand-in python whose 'pip install' works and whose fuzzer runs ``fuzzer``
    (shell lines; the artifact prefix fuzz/run gives is in $CRASH)."""
    stand_in = tmp_path / "python"
    stand_in.write_text("#!/usr/bin/env bash\n"
                        'if [ "$1" = "-m" ]; then exit 0; fi\n'  # -m pip install --quiet atheris
                        'for arg in "$@"; do\n'
                        '  case $arg in -artifact_prefix=*) CRASH=${arg#-artifact_prefix=};; esac\n'
                        'done\n'
                        + fuzzer + "\n", encoding="utf-8")
    stand_in.chmod(0o755)
    return subprocess.run(["bash", str(ROOT / "fuzz" / "run"), "1"], capture_output=True, text=True, timeout=60,
                          check=False, env={**os.environ, "PYTHON": str(stand_in)})


def test_a_run_without_a_crash_passes(tmp_path: Path) -> None:
    run = fuzz_run(tmp_path, 'echo "Done 1234 runs in 1 second(s)"; echo "stat::number_of_executed_units: 1234"')
    assert run.returncode == 0, run.stderr
    assert "fuzz: no crash in 1 s (1234 inputs)" in run.stdout


def test_a_fuzzer_that_fails_to_start_fails(tmp_path: Path) -> None:
    run = fuzz_run(tmp_path, 'echo "ModuleNotFoundError: No module named \'atheris\'" >&2; exit 1')
    assert run.returncode == 1
    assert "did not run to the end (exit 1" in run.stderr and "No module named 'atheris'" in run.stderr
    assert "no crash" not in run.stdout


def test_a_fuzzer_that_runs_nothing_fails(tmp_path: Path) -> None:
    run = fuzz_run(tmp_path, 'echo "Done 0 runs in 0 second(s)"; echo "stat::number_of_executed_units: 0"')
    assert run.returncode == 1 and "0 inputs run" in run.stderr


def test_a_crash_fails_and_shows_its_input(tmp_path: Path) -> None:
    kept = ROOT / "fuzz" / "crash-test-fuzz-run"  # fuzz/run keeps the input there, for a regression test
    try:
        run = fuzz_run(tmp_path, 'printf "1. x" > "${CRASH}test-fuzz-run"; echo "==1== ERROR: deadly signal"; exit 77')
        assert run.returncode != 0 and "a crash was found" in run.stderr
        assert kept.read_bytes() == b"1. x"
    finally:
        kept.unlink(missing_ok=True)
