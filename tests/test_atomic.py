"""Outputs are replaced atomically (README: "files are replaced atomically"): an `agenda render`
or `agenda fmt` that is killed, or that fails, leaves the previous file as it was, never a part
of the new one.

What a killed run leaves behind: ``agenda`` writes into a temporary file beside the output
(``.out.html.agenda-unfinished-PID-XXXXXXXX.tmp``) and renames it over the output. Nothing can
clean up after SIGKILL, so a run killed while writing leaves that temporary file (hidden by its
leading dot) until the next run that writes the same output removes it; the output itself is
always either the old file or the whole new one. A run that finishes, or fails with an error,
leaves no temporary file. Kills also land while the per-user cache is being filled (each
test has its own, emptied now and then); the run after them must still work.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agendadsl import format_source, parse
from agendadsl.render import Options, render_text
from conftest import need

PYTHON_AGENDA = [sys.executable, "-m", "agendadsl"]
SOURCES = ("big.agenda",)
SEED = int(os.environ.get("AGENDA_KILL_SEED", "0")) or random.randrange(1, 10**6)


def big_agenda(items: int = 800) -> str:
    """An agenda large enough that rendering and writing take a while (some 300 KB of HTML)."""
    lines = ["body: Assembly\ndate: 1 May 2026\n"]
    for n in range(1, items + 1):
        lines.append(f"#. Item {n} on the budget of {2000 + n % 50} and what follows from it\n"
                     f"   @presenter Ms Example {n}\n   - point {n}\n")
    return "".join(lines)


def temporaries(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if re.fullmatch(rf"\.{re.escape(name)}\..+\.tmp", p.name))


def start(args: list[str], folder: Path) -> subprocess.Popen:
    # The test's own cache (agendadsl/support/cache.py) beside the work folder: the user's is never touched.
    env = {**os.environ, "AGENDA_CACHE_DIR": str(folder.parent / "cache")}
    return subprocess.Popen([*PYTHON_AGENDA, *args], cwd=folder, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_at_random(args: list[str], folder: Path, target: Path, old: bytes, new: bytes, runs: int) -> dict:
    """Run ``args`` ``runs`` times from ``old``, SIGKILLing it at a random moment, or just after its
    temporary file appears; after each run ``target`` must hold ``old`` or ``new`` exactly."""
    rng = random.Random(SEED)
    seen = {"old": 0, "new": 0, "left temporary": 0, "killed while writing": 0}
    began = time.monotonic()
    finished = start(args, folder)  # one undisturbed run: how long a run takes, and that it works
    assert finished.wait(timeout=120) == 0, finished.stderr.read()
    duration = time.monotonic() - began
    assert target.read_bytes() == new and temporaries(folder, target.name) == []
    for run in range(runs):
        target.write_bytes(old)
        if run % 4 >= 2:
            shutil.rmtree(folder.parent / "cache", ignore_errors=True)
        at_temporary = run % 2 == 1
        delay = rng.uniform(0.3, 1.05) * duration
        process = start(args, folder)
        began = time.monotonic()
        while process.poll() is None:
            if at_temporary and temporaries(folder, target.name):
                time.sleep(rng.uniform(0, 0.004))
                seen["killed while writing"] += 1
                break
            if not at_temporary and time.monotonic() - began >= delay:
                break
            time.sleep(0.0005)
        process.send_signal(signal.SIGKILL)
        code = process.wait(timeout=60)
        content = target.read_bytes()
        where = f"run {run} (seed {SEED}, delay {delay:.3f} s, exit {code})"
        assert content in (old, new), f"{where}: {target.name} holds {len(content)} bytes, neither old nor new"
        seen["old" if content == old else "new"] += 1
        left = temporaries(folder, target.name)
        if code == 0:
            assert left == [], f"{where}: a finished run left {left}"
        # A killed run's temporary file: allowed, documented above; the next run removes it.
        seen["left temporary"] += len(left)
        assert sorted(p.name for p in folder.iterdir()) == sorted({target.name, *SOURCES, *left}), where
    # Whatever the kills left (in the cache too), the next run works and removes their temporary files.
    target.write_bytes(old)
    finished = start(args, folder)
    assert finished.wait(timeout=120) == 0, finished.stderr.read()
    assert target.read_bytes() == new and temporaries(folder, target.name) == []
    return seen


def test_a_killed_render_leaves_the_old_output_or_the_whole_new_one(tmp_path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    source = work / "big.agenda"
    source.write_text(big_agenda(), encoding="utf-8")
    new = render_text(parse(source.read_text(encoding="utf-8")).agenda, "html", Options()).encode("utf-8")
    target = work / "out.html"
    seen = kill_at_random(["render", "big.agenda", "--to", "html", "-o", "out.html"], work, target,
                          b"<!DOCTYPE html><p>the previous agenda</p>\n", new, runs=8)
    assert seen["killed while writing"] >= 1, seen


def test_a_killed_fmt_leaves_the_old_file_or_the_whole_formatted_one(tmp_path) -> None:
    messy = big_agenda().replace("   @presenter", "      @presenter").replace("   - point", "      - point")
    messy = messy.replace("\n#. ", "\n\n\n#.    ").encode("utf-8")
    formatted = format_source(messy.decode("utf-8")).text.encode("utf-8")
    assert formatted != messy
    work = tmp_path / "work"
    work.mkdir()
    target = work / "big.agenda"
    target.write_bytes(messy)
    seen = kill_at_random(["fmt", "big.agenda"], work, target, messy, formatted, runs=8)
    assert seen["killed while writing"] >= 1, seen


# ------------------------------------------------------------------------------ failed runs

SEED_AGENDA = "body: Board\ndate: 1 May 2026\n\n1. Opening\n2. Any other business\n"


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_template_error_leaves_the_old_output(cli, tmp_path) -> None:
    (tmp_path / "a.agenda").write_text(SEED_AGENDA, encoding="utf-8")
    style = tmp_path / "style" / "html"
    style.mkdir(parents=True)
    (style / "agenda.html.j2").write_text("<p>{{ view.no_such_thing.at_all }}</p>\n", encoding="utf-8")
    target = tmp_path / "out.html"
    target.write_bytes(b"previous")
    run = cli("render", str(tmp_path / "a.agenda"), "--to", "html", "-o", str(target), "--templates",
              str(tmp_path / "style"))
    assert run.exit_code == 2 and "agenda.html.j2" in run.stderr and "Traceback" not in run.stderr
    assert target.read_bytes() == b"previous"
    assert listing(tmp_path) == ["a.agenda", "out.html", "style"]


@pytest.mark.parametrize("to", ["html", "-"])
def test_a_template_that_fails_after_much_output_leaves_the_old_output(cli, tmp_path, to: str) -> None:
    # Renders are written as the template produces them: several batches reach the temporary
    # file (or would reach standard output) before the error at the end.
    (tmp_path / "a.agenda").write_text(SEED_AGENDA, encoding="utf-8")
    style = tmp_path / "style" / "html"
    style.mkdir(parents=True)
    (style / "agenda.html.j2").write_text("{% for n in range(20000) %}<p>{{ n }}</p>{% endfor %}"
                                          "{{ view.no_such_thing.at_all }}\n", encoding="utf-8")
    target = tmp_path / "out.html"
    target.write_bytes(b"previous")
    output = ["-o", str(target)] if to == "html" else ["--to", "html", "-o", "-"]
    run = cli("render", str(tmp_path / "a.agenda"), *(["--to", "html"] if to == "html" else []), *output,
              "--templates", str(tmp_path / "style"))
    assert run.exit_code == 2 and "agenda.html.j2" in run.stderr
    assert target.read_bytes() == b"previous" and run.stdout == ""
    assert listing(tmp_path) == ["a.agenda", "out.html", "style"]


def test_a_failed_pdf_leaves_the_old_pdf_while_the_other_formats_are_written(cli, tmp_path) -> None:
    need("lualatex")
    (tmp_path / "a.agenda").write_text(SEED_AGENDA, encoding="utf-8")
    style = tmp_path / "style" / "latex"
    style.mkdir(parents=True)
    (style / "preamble.tex.j2").write_text("\\usepackage{fontspec}\n\\undefinedcommandforthetest\n",
                                           encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").write_bytes(b"%PDF previous")
    (out / "a.html").write_bytes(b"previous html")
    run = cli("render", str(tmp_path / "a.agenda"), "--to", "html,pdf", "-o", str(out) + "/", "--templates",
              str(tmp_path / "style"))
    assert run.exit_code == 2 and "Undefined control sequence" in run.stderr, run.stderr
    assert (out / "a.pdf").read_bytes() == b"%PDF previous"
    assert (out / "a.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert listing(out) == ["a.html", "a.pdf"]


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(cli, tmp_path, monkeypatch) -> None:
    (tmp_path / "a.agenda").write_text(SEED_AGENDA, encoding="utf-8")
    target = tmp_path / "out.html"
    target.write_bytes(b"previous")

    def replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    run = cli("render", str(tmp_path / "a.agenda"), "--to", "html", "-o", str(target))
    assert run.exit_code == 2 and "No space left on device" in run.stderr
    assert target.read_bytes() == b"previous"
    assert listing(tmp_path) == ["a.agenda", "out.html"]


def test_an_interrupted_fmt_leaves_the_old_file_and_no_temporary(cli, tmp_path, monkeypatch) -> None:
    path = tmp_path / "a.agenda"
    path.write_bytes(b"1.    Opening\n2.  Any other business\n")

    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)  # Ctrl-C while the new text is being written
    assert cli("fmt", str(path)).exit_code != 0
    assert path.read_bytes() == b"1.    Opening\n2.  Any other business\n"
    assert listing(tmp_path) == ["a.agenda"]


def test_a_refused_fmt_leaves_the_file(cli, tmp_path, monkeypatch) -> None:
    import agendadsl.edit.formatter as formatter

    path = tmp_path / "a.agenda"
    path.write_bytes(b"1.    Opening\n2.  Any other business\n")
    monkeypatch.setattr(formatter, "print_agenda", lambda agenda: "1. Opening\n")  # a printer that loses an item
    run = cli("fmt", str(path))
    assert run.exit_code == 2 and "meaning" in run.stderr
    assert path.read_bytes() == b"1.    Opening\n2.  Any other business\n"
    assert listing(tmp_path) == ["a.agenda"]
