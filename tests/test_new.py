"""`agenda new`: a starter agenda that checks clean and is canonical, and with --git the semantic
diff that real git then uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from agendadsl import analyse, format_source

AGENDA = Path(sys.executable).parent / "agenda"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{AGENDA.parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd)}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_starter_checks_clean_and_is_canonical(tmp_path) -> None:
    result = run(str(AGENDA), "new", "board.agenda", "--body", "City Council", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "board.agenda").read_text(encoding="utf-8")
    assert "body: City Council\n" in text
    assert analyse(text)[1] == []
    assert format_source(text).text == text
    again = run(str(AGENDA), "new", "board.agenda", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert (tmp_path / "board.agenda").read_text(encoding="utf-8") == text


def test_with_git_a_changed_title_shows_as_retitled_in_git_diff(tmp_path) -> None:
    run("git", "init", "-q", cwd=tmp_path)
    run("git", "config", "user.email", "secretariat@example.org", cwd=tmp_path)
    run("git", "config", "user.name", "Secretariat", cwd=tmp_path)
    result = run(str(AGENDA), "new", "board.agenda", "--git", "--pre-commit", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".gitattributes").read_text(encoding="utf-8") == "*.agenda diff=agenda\n"
    hooks = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "id: agenda-check" in hooks and "id: agenda-fmt" in hooks
    run("git", "add", "-A", cwd=tmp_path)
    assert run("git", "commit", "-qm", "starter", cwd=tmp_path).returncode == 0
    path = tmp_path / "board.agenda"
    path.write_text(path.read_text(encoding="utf-8").replace("4. Any other business", "4. Other business"),
                    encoding="utf-8")
    shown = run("git", "diff", cwd=tmp_path).stdout
    assert "retitled" in shown and "Other business" in shown
    assert "@@" not in shown  # the semantic diff, not git's line diff
