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

Kills at random moments look for surprises; kills at each stage of writing (half-written, written
but not renamed, renamed) are made certain by a wrapper that stops the command there, not by
polling for the temporary file and hoping to catch it.
"""

from __future__ import annotations

import contextlib
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
    """Run ``args`` ``runs`` times from ``old``, SIGKILLing it at a random moment; after each run
    ``target`` must hold ``old`` or ``new`` exactly. (Where a kill lands is luck, so nothing is
    asserted about it: the kills at each stage of writing are test_a_run_killed_at_each_stage_…'s.)"""
    rng = random.Random(SEED)
    seen = {"old": 0, "new": 0, "left temporary": 0}
    began = time.monotonic()
    finished = start(args, folder)  # one undisturbed run: how long a run takes, and that it works
    assert finished.wait(timeout=120) == 0, finished.stderr.read()
    duration = time.monotonic() - began
    assert target.read_bytes() == new and temporaries(folder, target.name) == []
    for run in range(runs):
        target.write_bytes(old)
        if run % 4 >= 2:
            shutil.rmtree(folder.parent / "cache", ignore_errors=True)
        delay = rng.uniform(0.3, 1.05) * duration
        process = start(args, folder)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=delay)
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
    kill_at_random(["render", "big.agenda", "--to", "html", "-o", "out.html"], work, target,
                   b"<!DOCTYPE html><p>the previous agenda</p>\n", new, runs=6)


def messy_agenda() -> bytes:
    messy = big_agenda().replace("   @presenter", "      @presenter").replace("   - point", "      - point")
    return messy.replace("\n#. ", "\n\n\n#.    ").encode("utf-8")


def test_a_killed_fmt_leaves_the_old_file_or_the_whole_formatted_one(tmp_path) -> None:
    messy = messy_agenda()
    formatted = format_source(messy.decode("utf-8")).text.encode("utf-8")
    assert formatted != messy
    work = tmp_path / "work"
    work.mkdir()
    target = work / "big.agenda"
    target.write_bytes(messy)
    kill_at_random(["fmt", "big.agenda"], work, target, messy, formatted, runs=6)


# ------------------------------------------------------------------ kills at each stage of writing
# The command runs under a wrapper that stops it at one stage of writing the output, and says so in
# a marker file; the test then SIGKILLs it there. No timing: the stage is reached for certain.
STOP_AT = r"""
import os, runpy, sys, time

stage, target, marker = sys.argv[1:4]


def ours(descriptor):  # the temporary file beside the output, not the cache's or anything else's
    return os.path.basename(os.readlink(f"/proc/self/fd/{descriptor}")).startswith("." + target + ".")


def stop():
    open(marker, "w").close()
    time.sleep(600)


real_fdopen, real_replace = os.fdopen, os.replace


class HalfWritten:
    def __init__(self, stream):
        self.stream = stream

    def __enter__(self):
        return self

    def __exit__(self, *problem):
        return self.stream.__exit__(*problem)

    def write(self, chunk):
        self.stream.write(chunk[: len(chunk) // 2])
        self.stream.flush()
        stop()

    def __getattr__(self, name):
        return getattr(self.stream, name)


def fdopen(descriptor, *args, **kwargs):
    stream = real_fdopen(descriptor, *args, **kwargs)
    return HalfWritten(stream) if stage == "writing" and ours(descriptor) else stream


def replace(source, destination, **kwargs):
    if stage == "written" and os.path.basename(destination) == target:  # written (and synced), not in place
        stop()
    real_replace(source, destination, **kwargs)
    if stage == "renamed" and os.path.basename(destination) == target:
        stop()


os.fdopen, os.replace = fdopen, replace
sys.argv = ["agenda", *sys.argv[4:]]
runpy.run_module("agendadsl", run_name="__main__", alter_sys=True)
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds the output's file through /proc (Linux)")
@pytest.mark.parametrize("stage", ["writing", "written", "renamed"])
@pytest.mark.parametrize("command", ["render", "fmt"])
def test_a_run_killed_at_each_stage_of_writing_leaves_the_old_file_or_the_new_one(tmp_path, command, stage) -> None:
    """Killed half-way through writing, or with the new text written but not yet in place: the old
    file, and a temporary file the next run removes. Killed once the new file is in place: the new
    file, and nothing else."""
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "stop_at.py").write_text(STOP_AT, encoding="utf-8")
    marker = tmp_path / "stopped"
    source = work / "big.agenda"
    if command == "render":
        source.write_text(big_agenda(200), encoding="utf-8")
        target, old = work / "out.html", b"<!DOCTYPE html><p>the previous agenda</p>\n"
        new = render_text(parse(source.read_text(encoding="utf-8")).agenda, "html", Options()).encode("utf-8")
        args = ["render", "big.agenda", "--to", "html", "-o", "out.html"]
    else:
        target, old = source, messy_agenda()
        new = format_source(old.decode("utf-8")).text.encode("utf-8")
        args = ["fmt", "big.agenda"]
    target.write_bytes(old)
    env = {**os.environ, "AGENDA_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, str(tmp_path / "stop_at.py"), stage, target.name, str(marker), *args],
                               cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        while not marker.exists():
            assert process.poll() is None, f"finished (exit {process.returncode}) before '{stage}': " + \
                process.stderr.read().decode()
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    left = temporaries(work, target.name)
    if stage == "renamed":
        assert target.read_bytes() == new and left == []
    else:
        assert target.read_bytes() == old and len(left) == 1
        written = (work / left[0]).read_bytes()
        assert written == new if stage == "written" else 0 < len(written) < len(new) and new.startswith(written)
    # The next run puts the new file in place and removes what the killed one left.
    target.write_bytes(old)
    assert start(args, work).wait(timeout=120) == 0
    assert target.read_bytes() == new and temporaries(work, target.name) == []
    assert sorted(p.name for p in work.iterdir()) == sorted({target.name, *SOURCES})


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


def test_fmt_syncs_the_writers_file_to_the_disk_and_render_only_renames_its_outputs(cli, tmp_path,
                                                                                   monkeypatch) -> None:
    """``agenda fmt`` rewrites the writer's own file: its new text is on the disk before it takes the
    old one's place. A render's output is made again by the next render, and is only renamed."""
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda descriptor: synced.append(os.readlink(f"/proc/self/fd/{descriptor}"))
                        or real(descriptor))
    path = tmp_path / "a.agenda"
    path.write_bytes(b"1.    Opening\n")
    assert cli("render", str(path), "--to", "html,markdown", "-o", f"{tmp_path / 'out'}/").exit_code == 0
    assert synced == []
    assert cli("fmt", str(path)).exit_code == 0
    assert len(synced) == 1 and Path(synced[0]).name.startswith(".a.agenda.")


def test_an_output_that_would_not_change_is_left_as_it_is(cli, tmp_path) -> None:
    """A second render that makes the same bytes leaves the file alone, its time stamp too (make,
    file watchers and open viewers see no change), and says so; a changed agenda writes it again."""
    source = tmp_path / "a.agenda"
    source.write_bytes(b"1. Opening\n2. Any other business\n")
    out = tmp_path / "out"
    first = cli("render", str(source), "--to", "html,markdown", "-o", f"{out}/")
    assert first.exit_code == 0 and first.stdout.splitlines() == [f"wrote {out / 'a.html'}", f"wrote {out / 'a.md'}"]
    os.utime(out / "a.md", ns=(1_000_000_000, 1_000_000_000))
    inode = (out / "a.md").stat().st_ino
    again = cli("render", str(source), "--to", "html,markdown", "-o", f"{out}/")
    assert again.stdout.splitlines() == [f"unchanged {out / 'a.html'}", f"unchanged {out / 'a.md'}"]
    assert (out / "a.md").stat().st_mtime_ns == 1_000_000_000 and (out / "a.md").stat().st_ino == inode
    source.write_bytes(b"1. Opening\n2. Any other business\n3. Close\n")
    changed = cli("render", str(source), "--to", "markdown", "-o", f"{out}/")
    assert changed.stdout.splitlines() == [f"wrote {out / 'a.md'}"]
    assert "Close" in (out / "a.md").read_text(encoding="utf-8")
    assert listing(out) == ["a.html", "a.md"]


@pytest.mark.parametrize("old", [b"", b"1", b"12345", b"123456789", b"1234567890 and more", b"1234X67890"])
def test_an_output_is_replaced_whenever_its_bytes_differ(tmp_path, old: bytes) -> None:
    """Chunks that match the old bytes so far are held, then written with the rest at the first
    difference; an old file that is a prefix of the new, or longer, is replaced too."""
    from agendadsl.cli.files import write_output

    path = tmp_path / "out.txt"
    path.write_bytes(old)
    new = [b"12345", b"67890"]
    assert write_output(path, iter(new)) is (old != b"1234567890")
    assert path.read_bytes() == b"1234567890"
    assert write_output(path, iter(new)) is False
