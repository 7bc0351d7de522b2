"""The layers of docs/architecture.md hold: import-linter's contract in pyproject.toml, ruff and
mypy on the package. CI runs the same three commands; running them here makes the README's test
command catch a broken layer too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, REQUIRE_TOOLS


def _tool(name: str) -> str:
    path = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(path).exists():
        if REQUIRE_TOOLS:
            pytest.fail(f"{name} is required in CI but not installed")
        pytest.skip(f"{name} is not installed (pip install '.[test]')")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_layers_import_one_way() -> None:
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def _with_planted_import(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the package with ``line`` added to ``module``."""
    copy = tmp_path / "agendadsl"
    shutil.copytree(ROOT / "agendadsl", copy, ignore=shutil.ignore_patterns("__pycache__"))
    with open(copy / module, "a", encoding="utf-8") as handle:
        handle.write(f"\n{line}  # planted\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300, check=False, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})


def test_a_planted_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    """The contract has teeth: a copy of the package whose language imports the renderer fails it."""
    result = _with_planted_import(tmp_path, "language/dates.py", "from ..render import escape")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "agendadsl.language.dates -> agendadsl.render.escape" in result.stdout


def test_the_command_line_and_the_editor_server_never_import_each_other(tmp_path: Path) -> None:
    """`agenda lsp` reaches the server through the public API only: a direct import breaks the contract."""
    result = _with_planted_import(tmp_path, "cli/language_server.py", "from ..lsp import server")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "agendadsl.cli.language_server -> agendadsl.lsp.server" in result.stdout


def test_ruff_finds_nothing() -> None:
    result = _run(_tool("ruff"), "check", "--no-cache", "agendadsl")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = _run(_tool("mypy"), "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, result.stdout + result.stderr
