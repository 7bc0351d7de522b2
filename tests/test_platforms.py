"""Windows and macOS, simulated on the machine the tests run on: each difference that can be made
here (no ``os.getuid``, ``sys.platform``, Windows paths, a file held open by another program, the
TeX path separator) is made, and the command must still work or say plainly why not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, need

SEED = SAMPLES / "lanzarote-2020-11-23.agenda"

WINDOWS = "import os; del os.getuid; del os.geteuid\n"
"""What Windows lacks that agendadsl used: the POSIX user id."""
MACOS = "import sys; real = sys.platform; sys.platform = 'darwin'; import platformdirs; sys.platform = real\n"
"""platformdirs as it is on macOS (it chooses its folders when imported); the rest of the process
stays on this system, whose other libraries cannot run as if on macOS."""


def agenda(prelude: str, *args: str, cwd: Path = ROOT, **env_extra: str) -> subprocess.CompletedProcess[str]:
    """The ``agenda`` command in a fresh interpreter that first runs ``prelude`` (the simulation)."""
    env = {k: v for k, v in os.environ.items() if k not in ("AGENDA_CACHE_DIR", "XDG_CACHE_HOME", "PYTHONPATH")}
    env.update(env_extra)
    code = prelude + "import sys; sys.argv = ['agenda', *sys.argv[1:]]\nfrom agendadsl.cli.entry import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_without_user_ids_the_cache_in_the_profile_folder_is_used(tmp_path: Path) -> None:
    profile = tmp_path / "Users" / "ana"
    cache = profile / "AppData" / "Local" / "agendadsl" / "Cache"
    done = agenda(WINDOWS, "check", str(SEED), AGENDA_CACHE_DIR=str(cache), USERPROFILE=str(profile))
    assert done.returncode == 0, done.stderr
    assert any(p.name.startswith("grammar-lark-") for p in cache.iterdir())


def test_without_user_ids_a_folder_outside_the_profile_is_never_used(tmp_path: Path) -> None:
    profile = tmp_path / "Users" / "ana"
    profile.mkdir(parents=True)
    shared = tmp_path / "Temp" / "agendadsl"
    done = agenda(WINDOWS, "render", str(SEED), "--to", "html", "-o", str(tmp_path / "out.html"),
                  AGENDA_CACHE_DIR=str(shared), USERPROFILE=str(profile))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.html").stat().st_size > 0
    assert not shared.exists() or list(shared.iterdir()) == []


def test_without_user_ids_a_link_out_of_the_profile_is_not_followed(tmp_path: Path) -> None:
    profile = tmp_path / "Users" / "ana"
    profile.mkdir(parents=True)
    shared = tmp_path / "Temp"
    shared.mkdir()
    (profile / "cache").symlink_to(shared, target_is_directory=True)
    done = agenda(WINDOWS, "check", str(SEED), AGENDA_CACHE_DIR=str(profile / "cache"), USERPROFILE=str(profile))
    assert done.returncode == 0, done.stderr
    assert list(shared.iterdir()) == []


def test_on_macos_the_cache_is_in_library_caches(tmp_path: Path) -> None:
    done = agenda(MACOS, "check", str(SEED), HOME=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert any((tmp_path / "Library" / "Caches" / "agendadsl").iterdir())
    assert not (tmp_path / ".cache").exists()


def test_on_macos_a_cache_folder_others_can_write_to_is_not_used(tmp_path: Path) -> None:
    caches = tmp_path / "Library" / "Caches" / "agendadsl"
    caches.mkdir(parents=True)
    caches.chmod(0o777)
    done = agenda(MACOS, "check", str(SEED), HOME=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert list(caches.iterdir()) == []


def test_a_windows_path_is_a_file_never_a_revision() -> None:
    done = agenda("", "diff", "C:\\agendas\\board.agenda", str(SEED))
    assert done.returncode == 2
    assert "C:\\agendas\\board.agenda: no such file" in done.stderr
    assert "git" not in done.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git = need("git")
    env = {**os.environ, "GIT_AUTHOR_NAME": "S", "GIT_AUTHOR_EMAIL": "s@example.org", "GIT_COMMITTER_NAME": "S",
           "GIT_COMMITTER_EMAIL": "s@example.org"}
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "board.agenda").write_bytes(SEED.read_bytes())
    for command in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "circulated"]):
        subprocess.run([git, *command], cwd=tmp_path, env=env, check=True, capture_output=True)
    text = SEED.read_text(encoding="utf-8").replace("adoption of the agenda", "adoption of the draft agenda")
    (tmp_path / "agendas" / "board.agenda").write_text(text, encoding="utf-8")
    return tmp_path


def test_on_windows_backslashes_in_a_revision_path_reach_git_as_slashes(repo: Path) -> None:
    done = agenda("import os; os.sep = '\\\\'\n", "diff", "HEAD:agendas\\board.agenda", "agendas/board.agenda",
                  cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "retitled" in done.stdout and "draft agenda" in done.stdout


def test_elsewhere_a_backslash_in_a_revision_path_is_part_of_a_name(repo: Path) -> None:
    done = agenda("", "diff", "HEAD:agendas\\board.agenda", "agendas/board.agenda", cwd=repo)
    assert done.returncode == 2
    assert "agendas\\board.agenda" in done.stderr


def test_on_windows_a_file_held_open_is_retried_then_refused_with_the_reason(tmp_path: Path, monkeypatch) -> None:
    from agendadsl.cli import files
    from agendadsl.language.diagnostics import AgendaError

    target = tmp_path / "board.html"
    target.write_bytes(b"old")
    refusals = []

    def held_open(source: str, destination: Path) -> None:  # what Windows does while a viewer has the file
        refusals.append(destination)
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(files, "WINDOWS", True)
    monkeypatch.setattr(files.os, "replace", held_open)
    with pytest.raises(AgendaError, match=r"board\.html: cannot write: it is open in another program; close it"):
        files.write_atomic(target, b"new")
    assert len(refusals) == 10
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["board.html"], "the temporary file was left behind"


def test_on_windows_a_file_released_meanwhile_is_written(tmp_path: Path, monkeypatch) -> None:
    from agendadsl.cli import files

    target = tmp_path / "board.html"
    target.write_bytes(b"old")
    replace = os.replace
    refusals = []

    def released_after_two(source: str, destination: Path) -> None:
        if len(refusals) < 2:
            refusals.append(destination)
            raise PermissionError(13, "Access is denied")
        replace(source, destination)

    monkeypatch.setattr(files, "WINDOWS", True)
    monkeypatch.setattr(files.os, "replace", released_after_two)
    files.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_tex_finds_its_own_files_with_the_systems_path_separator(monkeypatch) -> None:
    from agendadsl.render import pdf

    assert pdf.tex_environment(None)["TEXINPUTS"] == ".:"
    monkeypatch.setattr(pdf.os, "pathsep", ";")
    assert pdf.tex_environment(None)["TEXINPUTS"] == ".;"
