"""`agenda watch` and `agenda serve` against real saves: the command runs as a process of its own,
the test rewrites the file as an editor would (a new file renamed over the old one), and looks at
what the command wrote or serves."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

GOOD = "body: Board\ndate: 12 May 2026\n\n1. Opening of the meeting\n"
RETITLED = "body: Board\ndate: 12 May 2026\n\n1. Adoption of the agenda\n"
BROKEN = "body: Board\ndate: 12 May 2026\n\n1. Adoption of the agenda\n3. Skipped a number\n"


def save(path: Path, text: str) -> None:
    """Write as editors do: a new file, renamed over the old one."""
    fresh = path.with_name(path.name + ".new")
    fresh.write_text(text, encoding="utf-8")
    os.replace(fresh, path)


def until(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail("the change was not seen in time")


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "agendadsl", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"})


def stop(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        _, errors = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, errors = process.communicate()
    return errors


def test_watch_renders_again_at_each_save_and_keeps_the_last_good_output(tmp_path) -> None:
    agenda = tmp_path / "board.agenda"
    agenda.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out" / "board.html"
    process = start("watch", str(agenda), "--to", "html", "-o", str(out.parent) + "/")
    try:
        assert "watching" in process.stdout.readline() + process.stdout.readline()
        until(lambda: out.exists() and "Opening of the meeting" in out.read_text(encoding="utf-8"))
        save(agenda, RETITLED)
        until(lambda: "Adoption of the agenda" in out.read_text(encoding="utf-8"))
        before = out.read_bytes()
        save(agenda, BROKEN)
        errors: list[str] = []
        until(lambda: errors.append(process.stderr.readline()) or "numbering-gap" in errors[-1])
        until(lambda: "not rendered" in process.stderr.readline())
        assert out.read_bytes() == before
    finally:
        errors.append(stop(process))
    assert "Traceback" not in "".join(errors)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=40) as response:
        return response.read().decode("utf-8")


def test_serve_reloads_the_browser_at_each_save_and_shows_errors_over_the_last_good_page(tmp_path) -> None:
    agenda = tmp_path / "board.agenda"
    agenda.write_text(GOOD, encoding="utf-8")
    process = start("serve", str(agenda), "--port", "0")
    try:
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        page = get(url)
        assert "Opening of the meeting" in page and "var version = 1;" in page and "/__agenda/wait" in page
        assert "agenda-live-problems" not in page
        # A browser waiting for the next version is answered when the file is saved, not before.
        answer: dict = {}
        waiting = threading.Thread(target=lambda: answer.update(json.loads(get(url + "__agenda/wait?since=1"))))
        waiting.start()
        time.sleep(0.5)
        assert waiting.is_alive()
        save(agenda, RETITLED)
        waiting.join(timeout=30)
        assert answer == {"version": 2}
        assert "Adoption of the agenda" in get(url)
        save(agenda, BROKEN)
        until(lambda: json.loads(get(url + "__agenda/wait?since=2"))["version"] == 3)
        page = get(url)
        assert "agenda-live-problems" in page and "numbering-gap" in page
        assert "Adoption of the agenda" in page and "Skipped a number</span>" not in page  # the last good page
        with pytest.raises(urllib.error.HTTPError):
            get(url + "elsewhere")
    finally:
        stop(process)
