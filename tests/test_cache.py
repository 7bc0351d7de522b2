"""The per-user cache (agendadsl/support/cache.py): used when safe, ignored when not, never needed for
correctness. Each test gives the command its own cache directory through AGENDA_CACHE_DIR."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLES

SEED = SAMPLES / "lanzarote-2020-11-23.agenda"


def render(tmp_path: Path, cache: str | None, fmt: str = "latex", **env_extra: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k not in ("AGENDA_CACHE_DIR", "XDG_CACHE_HOME")}
    env.update(env_extra)
    if cache is not None:
        env["AGENDA_CACHE_DIR"] = cache
    out = tmp_path / f"out.{fmt}"
    done = subprocess.run([sys.executable, "-m", "agendadsl", "render", str(SEED), "--to", fmt, "-o", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return out.read_bytes()


def test_the_first_run_fills_the_cache_and_later_runs_give_the_same_bytes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    uncached = render(tmp_path, "")
    first = render(tmp_path, str(cache))
    names = sorted(p.name for p in cache.iterdir())
    assert any(name.startswith("grammar-lark-") for name in names)
    # agenda, preamble, fragment and its parts: commands, masthead, run, item, parts, foreign, meetings, closing
    assert sum(name.startswith("template-") for name in names) == 11
    stamps = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    second = render(tmp_path, str(cache))
    assert first == second == uncached
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps, "a warm run rewrote the cache"
    assert (cache.stat().st_mode & 0o777) == 0o700


def test_damaged_cache_files_are_replaced_not_trusted(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = render(tmp_path, str(cache), "html")
    for path in cache.iterdir():
        path.write_bytes(b"\x80garbage" * 10)
    assert render(tmp_path, str(cache), "html") == expected
    assert all(not p.read_bytes().startswith(b"\x80garbage") for p in cache.iterdir())


def test_a_directory_others_can_write_to_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    render(tmp_path, str(shared))
    assert list(shared.iterdir()) == []


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    render(tmp_path, "", HOME=str(home), XDG_CACHE_HOME=str(home / "xdg"))
    assert list(home.rglob("*")) == []


def test_without_a_setting_the_cache_is_under_xdg_cache_home(tmp_path: Path) -> None:
    render(tmp_path, None, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    assert any((tmp_path / "xdg" / "agendadsl").iterdir())


def test_a_cache_path_that_cannot_be_a_directory_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert render(tmp_path, str(blocker / "cache"), "markdown") == render(tmp_path, "", "markdown")


def test_a_house_template_edited_between_renders_is_compiled_again(tmp_path: Path) -> None:
    from agendadsl import parse
    from agendadsl.render import Options, render_text

    style = tmp_path / "style"
    shutil.copytree(ROOT / "templates" / "house-styles" / "secretariat", style)
    agenda = parse(SEED.read_text(encoding="utf-8")).agenda
    template = style / "markdown" / "agenda.md.j2"
    if not template.exists():
        template.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "templates" / "markdown" / "agenda.md.j2", template)
    options = Options(templates=style)
    before = render_text(agenda, "markdown", options)
    template.write_text("edited: {{ view.meeting.body }}\n", encoding="utf-8")
    os.utime(template, (1, 1))  # a different modification time, whatever the clock's resolution
    after = render_text(agenda, "markdown", options)
    assert before != after and after.startswith("edited: ")


def test_a_house_template_that_is_included_and_edited_between_renders_is_compiled_again(tmp_path: Path) -> None:
    """The file a render includes for each title with markup (Markdown's inline text), edited after
    a first render: the next render prints the edited file, although only the including file is
    asked for. (A title of plain text alone is printed without it: ItemView.title_text.)"""
    from agendadsl import parse
    from agendadsl.render import Options, render_text

    style = tmp_path / "style"
    (style / "markdown").mkdir(parents=True)
    parts = style / "markdown" / "parts.md.j2"
    shutil.copy(ROOT / "templates" / "markdown" / "parts.md.j2", parts)
    agenda = parse("1. Opening [A-1]\n2. Closing [A-2]\n").agenda
    options = Options(templates=style)
    assert "* **1.** Opening A-1\n" in render_text(agenda, "markdown", options)
    parts.write_text("{% for part in parts %}<{{ part.text }}>{% endfor %}", encoding="utf-8")
    os.utime(parts, (1, 1))
    after = render_text(agenda, "markdown", options)
    assert "* **1.** <Opening ><A-1>\n" in after and "* **2.** <Closing ><A-2>\n" in after


def test_a_render_looks_at_each_template_file_once_not_at_every_include(monkeypatch) -> None:
    """LaTeX includes a file for each title with markup and each item's notes: 40 items, 80
    includes; a render compares each of the few files it has compiled with the file once, before
    it starts."""
    from agendadsl import parse
    from agendadsl.render import render_text

    agenda = parse("".join(f"{n}. Item [A-{n}]\n   > A note.\n" for n in range(1, 41))).agenda
    render_text(agenda, "latex")  # every template compiled and kept
    looked: list[str] = []
    getmtime = os.path.getmtime

    def counted(path):
        looked.append(str(path))
        return getmtime(path)

    monkeypatch.setattr(os.path, "getmtime", counted)
    render_text(agenda, "latex")
    assert looked, "the templates were not compared with their files"
    # Each file once: those of this render, and any other that earlier renders compiled.
    assert len(looked) == len(set(looked)) <= len(list((ROOT / "templates" / "latex").glob("*.j2")))


def test_a_house_wording_file_edited_between_runs_is_read_again(tmp_path: Path) -> None:
    """The wording files are kept parsed in the cache (render/localise.py): a run after an edit of
    a house style's wording file reads the edit, even one of the same size under the same time
    stamp, and the shipped wording stays as it was."""
    style = tmp_path / "style"
    (style / "i18n").mkdir(parents=True)
    wording = style / "i18n" / "en.toml"
    wording.write_text('[labels]\nagenda = "Order of business"\n', encoding="utf-8")
    cache = str(tmp_path / "cache")

    def first_heading() -> str:
        out = tmp_path / "out.md"
        env = {k: v for k, v in os.environ.items() if k not in ("AGENDA_CACHE_DIR", "XDG_CACHE_HOME")}
        env["AGENDA_CACHE_DIR"] = cache
        done = subprocess.run([sys.executable, "-m", "agendadsl", "render", str(SEED), "--to", "markdown",
                               "--templates", str(style), "-o", str(out)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        return out.read_text(encoding="utf-8")

    before = first_heading()
    assert "Order of business" in before
    assert first_heading() == before  # read from the cache: the same
    assert any(p.name.startswith("wording-") for p in (tmp_path / "cache").iterdir())
    stamp = wording.stat().st_mtime_ns
    wording.write_text('[labels]\nagenda = "Order of businesS"\n', encoding="utf-8")  # the same size
    os.utime(wording, ns=(stamp, stamp))  # and the same time stamp: the bytes tell
    after = first_heading()
    assert "Order of businesS" in after and "Order of business" not in after
    assert render(tmp_path, cache, "markdown") == render(tmp_path, "", "markdown")
