"""The installed command works from any directory and finds its grammar (CI installs with
``pip install .``, so this runs against the wheel's copy there)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, need

SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"


def run(args: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(args, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_python_m_agendadsl_from_another_directory(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "agendadsl", "check", str(SEED)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stderr


def test_grammar_is_found_where_the_package_is(tmp_path: Path) -> None:
    code = "import agendadsl, agendadsl.support.resources as r; print(agendadsl.__file__); print(r.grammar_path())"
    result = run([sys.executable, "-c", code], tmp_path)
    assert result.returncode == 0, result.stderr
    package_file, grammar = result.stdout.splitlines()
    assert Path(grammar).is_file()
    if os.environ.get("CI"):
        # CI installs with `pip install .`: the copy in site-packages must carry its own grammar.
        assert "site-packages" in Path(package_file).parts, "tests ran against the checkout, not the install"
        assert "_data" in Path(grammar).parts


def test_agenda_command(tmp_path: Path) -> None:
    beside = Path(sys.executable).parent / "agenda"  # installed with the tests' environment
    agenda = str(beside) if beside.exists() else need("agenda")
    assert run([agenda, "--version"], tmp_path).stdout.startswith("agenda ")
    result = run([agenda, "check", "-"], tmp_path, stdin="1. A\n3. B\n")
    assert result.returncode == 1 and "numbering-gap" in result.stderr
    result = run([agenda, "render", str(SEED), "--to", "json"], tmp_path)
    assert result.returncode == 0 and '"number": "I.3.2"' in result.stdout


def test_version_does_not_load_the_cli_framework(tmp_path: Path) -> None:
    code = ("import sys; sys.argv = ['agenda', '--version']; from agendadsl.cli.entry import main; main(); "
            "print(sorted(m for m in ('typer', 'lark', 'jinja2') if m in sys.modules))")
    result = run([sys.executable, "-c", code], tmp_path)
    assert result.stdout.splitlines() == ["agenda 0.1.0", "[]"]
