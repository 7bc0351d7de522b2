"""Babel's answers kept across runs (agendadsl/render/cldr.py): the same answers as Babel's, the same
bytes from a warm run as from a cold one, and Babel left unimported when every answer is known."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date, format_time, get_timezone_location
from babel.lists import format_list
from conftest import ROOT, SAMPLES

from agendadsl.render import cldr
from agendadsl.support import cache


@pytest.fixture
def answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh set of answers in this process, kept in a cache folder of the test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("AGENDA_CACHE_DIR", str(folder))
    cache.cache_dir.cache_clear()
    fresh = cldr._Answers()
    monkeypatch.setattr(cldr, "_ANSWERS", fresh)
    monkeypatch.setattr(cldr, "_ask", fresh.ask)
    yield folder
    cache.cache_dir.cache_clear()


DAY = datetime.date(2025, 10, 8)


def test_each_answer_is_babels(answers: Path) -> None:
    for loc in ("en", "en_US", "en_GB", "fr", "ar"):
        assert cldr.format_date(DAY, "full", loc) == format_date(DAY, "full", locale=loc)
        assert cldr.format_date(DAY, "d MMMM", loc) == format_date(DAY, "d MMMM", locale=loc)
        assert cldr.format_time(datetime.time(18, 5), "short", loc) == format_time(datetime.time(18, 5), "short",
                                                                                  locale=loc)
        assert cldr.format_list(["a", "b", "c"], loc) == format_list(["a", "b", "c"], locale=loc)
        assert cldr.zone_city("Europe/Moscow", loc) == get_timezone_location("Europe/Moscow", locale=loc,
                                                                             return_city=True)
        assert cldr.language_name("fr", loc) == Locale.parse("fr").get_display_name(loc)
        parsed = Locale.parse(loc)
        assert cldr.time_pattern(loc, "short") == parsed.time_formats["short"].pattern
        assert cldr.date_pattern(loc, "long") == parsed.date_formats["long"].pattern
        assert cldr.interval(loc, "yMMMd", "d") == tuple(parsed.interval_formats["yMMMd"]["d"])
        assert cldr.interval_fallback(loc) == parsed.interval_formats[None]
    assert cldr.interval("en", "yMMMd", "no such field") is None
    assert cldr.zone_city("Mars/Olympus_Mons", "en") is None
    assert cldr.language_name("qqq_xx", "en") is None
    assert cldr.locale_id("en_GB", "en") == "en_GB"
    assert cldr.locale_id("fr_ZZ", "en") == str(Locale.parse("fr_ZZ"))


def test_answers_are_kept_under_babels_version_and_read_back(answers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cldr.format_date(DAY, "long", "en") == "October 8, 2025"
    cldr.save()
    name = f"cldr-{cache.babel_version()}.marshal"
    assert (answers / name).is_file()
    # A planted answer is what a later process reads: the file is read, not Babel asked again.
    cache.store(name, cldr._FORMAT, {("date", DAY.toordinal(), "long", "en"): "planted"})
    later = cldr._Answers()
    monkeypatch.setattr(cldr, "_ask", later.ask)
    assert cldr.format_date(DAY, "long", "en") == "planted"
    # Under another stamp (another layout of the answers) the file is not trusted.
    cache.store(name, cldr._FORMAT + 1, {("date", DAY.toordinal(), "long", "en"): "planted"})
    again = cldr._Answers()
    monkeypatch.setattr(cldr, "_ask", again.ask)
    assert cldr.format_date(DAY, "long", "en") == "October 8, 2025"


def test_another_babel_version_reads_another_file(answers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.store(f"cldr-{cache.babel_version()}.marshal", cldr._FORMAT,
                {("date", DAY.toordinal(), "long", "en"): "planted"})
    monkeypatch.setattr(cldr, "babel_version", lambda: "0.0.test")
    assert cldr.format_date(DAY, "long", "en") == "October 8, 2025"


def test_at_most_limit_answers_are_kept(answers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cldr, "LIMIT", 2)
    days = [DAY + datetime.timedelta(days=n) for n in range(3)]
    texts = [cldr.format_date(day, "long", "en") for day in days]
    assert texts == [format_date(day, "long", locale="en") for day in days]
    cldr.save()
    kept = cache.load_stored(f"cldr-{cache.babel_version()}.marshal", cldr._FORMAT)
    assert sorted(kept) == sorted(("date", day.toordinal(), "long", "en") for day in days[:2])


def test_with_no_folder_to_keep_them_in_babel_answers_and_nothing_is_written(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENDA_CACHE_DIR", "")
    cache.cache_dir.cache_clear()
    try:
        fresh = cldr._Answers()
        monkeypatch.setattr(cldr, "_ANSWERS", fresh)
        monkeypatch.setattr(cldr, "_ask", fresh.ask)
        assert cldr.format_date(DAY, "full", "fr") == format_date(DAY, "full", locale="fr")
        cldr.save()
        assert cache.load_stored(f"cldr-{cache.babel_version()}.marshal", cldr._FORMAT) is None
    finally:
        cache.cache_dir.cache_clear()


def test_babels_version_is_read_without_importing_babel() -> None:
    code = ("import sys; from agendadsl.support.cache import babel_version; "
            "print(babel_version(), 'babel' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=True)
    import babel

    assert done.stdout.split() == [babel.__version__, "False"]


_RENDER = """
import sys
from agendadsl.language.parser import parse
from agendadsl.render import Options, render_text
path, fmt, language = sys.argv[1:]
agenda = parse(open(path, encoding="utf-8").read()).agenda
text = render_text(agenda, fmt, Options(language=language or None))
sys.stdout.write(repr(("babel.dates" in sys.modules, "babel" in sys.modules)) + "\\n" + text)
"""

@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.agenda")), ids=lambda p: p.stem)
def test_a_warm_run_from_the_disk_cache_gives_the_same_bytes_without_importing_babel(sample: Path, tmp_path: Path) -> None:
    env = {**os.environ, "AGENDA_CACHE_DIR": str(tmp_path / "cache")}

    def run(fmt: str, language: str) -> tuple[str, str]:
        done = subprocess.run([sys.executable, "-c", _RENDER, str(sample), fmt, language], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        flags, _, text = done.stdout.partition("\n")
        return flags, text

    for fmt in ("latex", "html", "markdown"):
        for language in ("", "fr"):
            _, cold = run(fmt, language)
            flags, warm = run(fmt, language)
            assert warm == cold, (fmt, language)
            assert flags == "(False, False)", f"{fmt} {language or 'own language'}: Babel was imported on a warm run"
