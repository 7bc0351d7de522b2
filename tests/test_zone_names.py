"""A generic zone name ("Australian Eastern Time", "Moscow Time") stands for its CLDR metazone's main
zone, which Babel does not keep: language/when.py takes it from language/metazones.py (CLDR's
table) where Babel's data still has that zone, and otherwise finds it from the metazone's names,
Windows' mapping and its members' clocks. Both are held here to CLDR's own list
(tests/data/cldr_golden_zones.txt, copied from CLDR's metaZones.xml), by what matters in an
agenda: the same UTC offset on every date. Zone ids may differ where both zones keep the same
clocks (CLDR's Asia/Calcutta is zoneinfo's Asia/Kolkata).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.core import Locale, get_global

from agendadsl.language import metazones, when
from agendadsl.language.when import zone_name

GOLDEN = dict(line.split() for line in (Path(__file__).parent / "data" / "cldr_golden_zones.txt")
              .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
DAYS = [datetime.datetime(year, month, 15, 12) for year in (2024, 2025, 2026) for month in range(1, 13)]


def _clocks(zone: str) -> list[datetime.timedelta | None]:
    info = ZoneInfo(zone)
    return [day.replace(tzinfo=info).utcoffset() for day in DAYS]


def _cases() -> list[tuple[str, str, str]]:
    """(metazone, its English generic name, CLDR's main zone) wherever Babel's CLDR still has a
    member that keeps the main zone's clocks (newer CLDR split some metazones: Hawaii, Apia)."""
    members: dict[str, list[str]] = {}
    for zone, meta in get_global("meta_zones").items():
        members.setdefault(meta, []).append(zone)
    english = Locale.parse("en").meta_zones
    cases = []
    for meta, golden in sorted(GOLDEN.items()):
        generic = english.get(meta, {}).get("long", {}).get("generic")
        if generic and any(_clocks(zone) == _clocks(golden) for zone in members.get(meta, [])):
            cases.append((meta, generic, golden))
    return cases


CASES = _cases()


def test_most_metazones_are_compared() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("meta", "name", "golden"), CASES, ids=[case[0] for case in CASES])
def test_a_generic_name_keeps_its_metazones_main_clock(meta: str, name: str, golden: str) -> None:
    found = zone_name(name)
    assert found is not None
    assert _clocks(found) == _clocks(golden), f"{name} is read as {found}, CLDR's main zone is {golden}"


def test_without_cldrs_table_the_names_still_keep_their_main_clocks(monkeypatch) -> None:
    """The fallback for a metazone that Babel's data has and the table has not (a newer CLDR)."""
    monkeypatch.setattr(metazones, "GOLDEN_ZONES", {})
    table = when._build_zones("en")
    found = {meta: table.get(" ".join(when._fold(name).split())) for meta, name, _ in CASES}
    wrong = [(meta, found[meta], golden) for meta, _, golden in CASES
             if found[meta] is None or _clocks(found[meta]) != _clocks(golden)]
    assert wrong == []


def test_the_shipped_table_is_cldrs() -> None:
    assert metazones.GOLDEN_ZONES == GOLDEN


@pytest.mark.parametrize(("name", "zone"), [
    ("Central European Time", "Europe/Paris"),  # CLDR's main zone; Windows' mapping gives Warsaw
    ("Australian Eastern Time", "Australia/Sydney"),  # not Brisbane, which keeps no summer time
    ("Western European Time", "Atlantic/Canary"),  # not Casablanca, on UTC+1 all year
    ("Moscow Time", "Europe/Moscow"),  # not Minsk
    ("Pacific Time", "America/Los_Angeles"),
])
def test_the_main_zones_of_names_people_write(name: str, zone: str) -> None:
    assert zone_name(name) == zone
