"""The git workflow against real git in a temporary repository: the diff driver, revisions as
diff inputs, and the pre-commit hooks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, need

SEED = (ROOT / "samples" / "lanzarote-2020-11-23.agenda").read_text(encoding="utf-8")


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Secretariat", "GIT_AUTHOR_EMAIL": "sec@example.org",
           "GIT_COMMITTER_NAME": "Secretariat", "GIT_COMMITTER_EMAIL": "sec@example.org", "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    need("git")  # skipped without git, but a failure under AGENDA_REQUIRE_TOOLS=1 (CI)
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "seed.agenda").write_text(SEED, encoding="utf-8")
    git(tmp_path, "add", "seed.agenda")
    git(tmp_path, "commit", "-q", "-m", "Agenda as circulated")
    return tmp_path


def agenda(repo: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-m", "agendadsl", *args], cwd=repo, env=env, input=stdin,
                          capture_output=True, text=True)


def delete_i2_and_renumber(repo: Path) -> None:
    path = repo / "seed.agenda"
    path.write_text("".join(l for l in SEED.splitlines(True) if not l.strip().startswith("I.2 ")), encoding="utf-8")
    assert agenda(repo, "fmt", "--renumber", "seed.agenda").returncode == 0


def test_git_diff_shows_the_semantic_diff(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.agenda diff=agenda\n", encoding="utf-8")
    git(repo, "config", "diff.agenda.command", f"{sys.executable} -m agendadsl git-diff-driver")
    delete_i2_and_renumber(repo)
    shown = git(repo, "diff").stdout
    assert "agenda diff seed.agenda" in shown
    assert "deleted     I.2  " in shown and "renumbered  I.3–I.6 → I.2–I.5  after the removal of I.2" in shown
    assert "1 deleted, 16 renumbered" in shown
    assert "@@" not in shown  # no line diff: the driver replaced it


def test_diff_between_a_revision_and_the_working_file(repo: Path) -> None:
    delete_i2_and_renumber(repo)
    run = agenda(repo, "diff", "HEAD:seed.agenda", "seed.agenda", "--format", "json")
    assert run.returncode == 0, run.stderr
    import json

    changes = json.loads(run.stdout)["changes"]
    assert [(c["kind"], c["old_number"], c["last_old_number"], c["items"]) for c in changes] == [
        ("removed", "I.2", None, 1), ("renumbered", "I.3", "I.6", 16)]
    git(repo, "commit", "-q", "-am", "I.2 dropped")
    assert "1 deleted" in agenda(repo, "diff", "HEAD~1:seed.agenda", "HEAD:seed.agenda").stdout
    missing = agenda(repo, "diff", "HEAD~5:seed.agenda", "seed.agenda")
    assert missing.returncode == 2 and "HEAD~5" in missing.stderr


def _pre_commit() -> str:
    beside = Path(sys.executable).parent / "pre-commit"  # installed in the same environment as the tests
    return str(beside) if beside.exists() else need("pre-commit")


def test_pre_commit_hooks_in_a_real_repository(repo: Path, tmp_path_factory) -> None:
    pre_commit = _pre_commit()
    if not (ROOT / ".git").exists():
        pytest.skip("the hooks are tried from this checkout, which is not a git repository")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    (repo / "bad.agenda").write_text("1. A\n3. B\n", encoding="utf-8")
    (repo / "messy.agenda").write_text("1.   A\n", encoding="utf-8")
    git(repo, "add", "bad.agenda", "messy.agenda")

    def hook(name: str, *files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([pre_commit, "try-repo", str(ROOT), name, "--files", *files], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=600)

    failed = hook("agenda-check", "bad.agenda")
    assert failed.returncode == 1 and "numbering-gap" in failed.stdout
    assert hook("agenda-check", "seed.agenda").returncode == 0
    messy = hook("agenda-fmt", "messy.agenda")
    assert messy.returncode == 1 and "would reformat messy.agenda" in messy.stdout
    assert hook("agenda-fmt", "seed.agenda").returncode == 0


@pytest.mark.parametrize("command", [
    ("diff", "--", "--output=pwned:seed.agenda", "seed.agenda"),
    ("render", "--changes-since=--output=pwned:seed.agenda", "--to", "html", "-o", "out.html", "seed.agenda"),
])
def test_a_revision_that_starts_with_a_dash_is_not_an_option_of_git(repo: Path, command: tuple[str, ...]) -> None:
    need("git")
    run = agenda(repo, *command)
    # git show --output=FILE writes FILE: nothing may be written, and the message says why.
    assert not (repo / "pwned").exists() and not (repo / "out.html").exists()
    assert run.returncode == 2
    assert "'--output=pwned' cannot be a git revision (it starts with '-')" in run.stderr
