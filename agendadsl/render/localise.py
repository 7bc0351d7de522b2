"""Fixed wording and date formats per language: one TOML file per language under
``templates/i18n/``, dates and month names from Babel (CLDR)."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..language.nodes import DateRange, DateValue, Duration, TimeOfDay, TimeSlot
from ..support.cache import content_stamp, load_stored, store
from ..support.resources import data_dir
from . import cldr

if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Locale:
    """The wording and formats of one language."""

    code: str
    data: dict[str, Any]
    region: str | None = None
    """The Babel locale of a language code with a region (``en-US`` -> ``en_US``): the new methods
    below (``dates``, ``times``, ``duration_value``) use its CLDR formats. None: the wording
    file's ``babel`` entry. The methods above keep the wording file's patterns."""

    def typeset(self, text: str) -> str:
        """Text spaced by the output language's rules. French: a no-break space before ':' and '»'
        and after '«', a narrow no-break space before ';', '!' and '?', where a space is written."""
        if not self.code.lower().startswith("fr") or " " not in text:
            return text
        return _FRENCH_SPACE.sub(_french_space, text)

    def label(self, key: str, **values: str) -> str:
        """A fixed label, with its ``{placeholders}`` filled in."""
        text = self.data["labels"][key]
        return self.typeset(text.format(**values) if values else text)

    def word(self, table: str, key: str) -> str:
        """An entry of a named table (``kind``, ``stage``, ``action`` ...)."""
        return self.data[table][key]

    def word_or_written(self, table: str, key: str) -> str:
        """An entry of a named table, or ``key`` as the agenda wrote it when the table has none
        (an action item's own status, a participant's own attendance wording)."""
        return self.data.get(table, {}).get(key, key)

    @property
    def babel(self) -> str:
        return self.data["locale"]["babel"]

    def date(self, value: datetime.date, pattern: str = "date") -> str:
        return cldr.format_date(value, self.data["locale"][pattern], self.babel)

    def date_value(self, value: DateValue) -> str:
        real = value.to_date()
        if real is None:  # the checker rejects these before rendering; keep the text honest anyway
            return " ".join(str(p) for p in (value.day, value.month, value.year) if p is not None)
        return self.date(real, "weekday_date" if value.weekday is not None else "date")

    def date_range(self, dates: DateRange) -> str:
        """``7-11 December 2020``, ``28 June - 2 July 2021``, ``30 December 2026 - 2 January 2027``."""
        first, last = dates.start.to_date(), dates.last.to_date()
        if dates.end is None or first is None or last is None or first == last:
            return self.date_value(dates.start)
        fmt = self.data["locale"]
        if dates.start.weekday is not None or dates.end.weekday is not None:
            return self.date_value(dates.start) + fmt["long_range_separator"] + self.date_value(dates.end)
        if (first.year, first.month) == (last.year, last.month):
            return self.date(first, "day") + fmt["range_separator"] + self.date(last)
        if first.year == last.year:
            return self.date(first, "day_month") + fmt["long_range_separator"] + self.date(last)
        return self.date(first) + fmt["long_range_separator"] + self.date(last)

    def time(self, value: TimeOfDay) -> str:
        if value.hour == 24:
            value = TimeOfDay(0, value.minute)
        return cldr.format_time(datetime.time(value.hour, value.minute), self.data["locale"]["time"], self.babel)

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        table = self.data["minutes"]
        if hours and rest:
            return table["hours_minutes"].format(h=hours, m=rest)
        if hours:
            return table["hours"].format(h=hours)
        return table["minutes"].format(m=rest)

    # ---------------------------------------------------------------- dates and times (CLDR)

    @property
    def cldr(self) -> str:
        """The Babel locale of the new formatting methods."""
        return self.region or self.babel

    def _cldr_locale(self) -> str:
        """The CLDR locale Babel reads :attr:`cldr` as."""
        return cldr.locale_id(self.cldr, self.babel)

    def _when(self, key: str, **values: str) -> str:
        return self.data.get("when", {}).get(key, _ENGLISH_WHEN[key]).format(**values)

    def dates(self, value: DateRange) -> str:
        """A date, range or list of days through CLDR's formats (an en dash between thin spaces):
        "7-11 December 2020", "28 June - 2 July 2021", "8 and 9 October 2025", "from 11 December
        2025". A date that is not a real, complete one is printed as written."""
        loc = self._cldr_locale()
        everything = (value.start, *value.days, *((value.end,) if value.end else ()))
        real = [day.to_date() for day in everything]
        if any(day is None for day in real):
            return value.text or " ".join(str(p) for p in (value.start.day, value.start.month, value.start.year)
                                          if p is not None)
        days = [day for day in real if day is not None]
        weekday = any(day.weekday is not None for day in everything)
        if value.days:
            last = days[-1]
            if all((day.year, day.month) == (last.year, last.month) for day in days):
                first_half, second_half = _interval_pattern(loc, weekday, "d")
                first_half = first_half.rstrip(_DASHES_AND_SPACES)  # "d\u2009\u2013\u2009": a list has no dash
                middle = first_half if "M" not in first_half else ("EEEE d" if weekday else "d")
                items = [cldr.format_date(days[0], first_half, loc)]
                items += [cldr.format_date(day, middle, loc) for day in days[1:-1]]
                items.append(cldr.format_date(last, second_half, loc))
            else:
                items = [self._one_date(day, weekday) for day in days]
            return cldr.format_list(items, loc)
        if value.open_end:
            return self._from_date(self._one_date(days[0], weekday))
        if value.end is None or days[0] == days[-1]:
            return self._one_date(days[0], weekday)
        start, end = days[0], days[-1]
        field = "y" if start.year != end.year else ("M" if start.month != end.month else "d")
        first_half, second_half = _interval_pattern(loc, weekday, field)
        return cldr.format_date(start, first_half, loc) + cldr.format_date(end, second_half, loc)

    def _from_date(self, date: str) -> str:
        """"from 11 December 2025"; a wording may elide its word before a date that starts with a
        vowel sound (``from_date_elided`` before the ``elide_before`` numbers: Italian "dall'11
        dicembre", "dall'8", but "dal 12")."""
        when = self.data.get("when", {})
        number = date[:len(date) - len(date.lstrip("0123456789"))]
        if number and number in when.get("elide_before", ()) and "from_date_elided" in when:
            return str(when["from_date_elided"]).format(date=date)
        return self._when("from_date", date=date)

    def _one_date(self, day: datetime.date, weekday: bool) -> str:
        return cldr.format_date(day, "full" if weekday else "long", self._cldr_locale())

    def _twelve_hours(self) -> bool:
        pattern = cldr.time_pattern(self._cldr_locale(), "short")
        return bool(re.search(r"[hK]", re.sub(r"'[^']*'", "", pattern)))

    def _clock(self, value: TimeOfDay, pattern: str | None = None) -> str:
        """One time: the wording file's ``[when] time`` pattern where it has one (French "18 h 30"),
        else the locale's short time (en-GB "18:30", en-US "6:30 PM"); 24:00 stays 24:00."""
        loc = self._cldr_locale()
        pattern = pattern or self.data.get("when", {}).get("time") or cldr.time_pattern(loc, "short")
        text = cldr.format_time(datetime.time(value.hour % 24, value.minute), pattern, loc)
        if value.hour == 24 and not self._twelve_hours():
            text = re.sub(r"^0{1,2}", "24", text)
        return text

    def _slot(self, slot: TimeSlot) -> str:
        if slot.end is None:
            text = self._clock(slot.start)
            if slot.open_end:
                text = self._when("from_time", time=text)
        elif "time" in self.data.get("when", {}) or slot.end.hour == 24:
            text = self._when("slot", start=self._clock(slot.start), end=self._clock(slot.end))
        else:
            loc = self._cldr_locale()
            twelve = self._twelve_hours()
            skeleton = "hm" if twelve else "Hm"
            start, end = slot.start, slot.end
            if twelve and (start.hour < 12) != (end.hour < 12):
                field = "a"
            elif start.hour != end.hour:
                field = "h" if twelve else "H"
            else:
                field = "m"
            halves = cldr.interval(loc, skeleton, field)
            if halves is None or start == end:
                return self._when("slot", start=self._clock(start), end=self._clock(end))
            first_half, second_half = halves
            text = cldr.format_time(datetime.time(start.hour, start.minute), first_half, loc) \
                + cldr.format_time(datetime.time(end.hour, end.minute), second_half, loc)
        if slot.approximate:
            text = self._when("approx_time", time=text)
        return text

    def city(self, zone: str) -> str | None:
        """The city CLDR names a zone by, in this language ("Moscou" for Europe/Moscow in French);
        None for UTC or an offset."""
        if "/" not in zone:
            return None
        return cldr.zone_city(zone, self._cldr_locale())

    def local_time(self, start: datetime.datetime, end: datetime.datetime | None) -> str:
        """The meeting's time somewhere else: its weekday and date there, then the time or slot
        ("Thursday, 18 February 2016, 12:00"); an end on another day is given with its date."""
        day = self._one_date(start.date(), True)
        first = TimeOfDay(start.hour, start.minute)
        if end is None:
            return self._when("local_time", date=day, time=self._clock(first))
        if end.date() == start.date():
            slot = self._slot(TimeSlot(first, TimeOfDay(end.hour, end.minute)))
            return self._when("local_time", date=day, time=slot)
        later = self._when("local_time", date=self._one_date(end.date(), True), time=self._clock(
            TimeOfDay(end.hour, end.minute)))
        return self._when("local_time", date=day, time=self._clock(first)) + " \u2013 " + later

    def times(self, value: TimeSlot) -> str:
        """A time or slot: en-GB "15:15-16:00", en-US "3:15 - 4:00 PM" (CLDR's interval formats,
        with an en dash), fr "15 h 15 - 16 h 00" (the wording file's pattern); "approx. 11:20",
        "from 08:30"; several slots joined by the locale's "and"; the zone as the source wrote it."""
        from ..language.when import written_zone

        slots = [self._slot(slot) for slot in (value, *value.also)]
        text = slots[0] if len(slots) == 1 else cldr.format_list(slots, self._cldr_locale())
        zone = written_zone(value, self.code)
        return f"{text} {zone}" if zone else text

    def duration_value(self, value: Duration) -> str:
        """``1 h 30 min``; a sum as written in parts: ``10 + 5 min``."""
        if value.parts:
            return self.data["minutes"]["minutes"].format(m=" + ".join(str(part) for part in value.parts))
        return self.duration(value.minutes)


_DASHES_AND_SPACES = " \u2009\u202f\u00a0\u2013\u2014-"

_ENGLISH_WHEN = {"from_date": "from {date}", "from_time": "from {time}", "approx_time": "approx. {time}",
                 "slot": "{start}\u2013{end}", "local_time": "{date}, {time}"}
"""The wording of dates and times where a wording file has no ``[when]`` table."""


def _interval_pattern(loc: str, weekday: bool, field: str) -> tuple[str, str]:
    """CLDR's interval pattern halves for a day range whose greatest difference is ``field``
    (``d``, ``M`` or ``y``), with full month and weekday names: CLDR gives intervals for
    abbreviated months only (``yMMMd``), and its own rule is to widen the fields to the request."""
    halves = cldr.interval(loc, "yMMMEd" if weekday else "yMMMd", field)
    if halves is None:
        fallback = cldr.interval_fallback(loc)
        single = cldr.date_pattern(loc, "full" if weekday else "long")
        head, _, tail = fallback.partition("{1}")
        return head.replace("{0}", single), single + tail
    first, second = halves
    return _widen(first), _widen(second)


def _widen(pattern: str) -> str:
    """``MMM`` -> ``MMMM`` and ``E`` -> ``EEEE`` outside quoted text."""
    pieces = re.split(r"('(?:[^']|'')*')", pattern)
    for index in range(0, len(pieces), 2):
        piece = re.sub(r"(?<![ML])([ML])\1\1(?![ML])", r"\1\1\1\1", pieces[index])
        pieces[index] = re.sub(r"(?<!E)E{1,3}(?!E)", "EEEE", piece)
    return "".join(pieces)


@functools.cache
def locale(code: str | None, house: Path | None = None) -> Locale:
    """The Locale for a language code (``en``, ``fr``, ``fr-CH`` -> ``fr``); English when unknown.

    A region refines the language's dates and times (``en-US``: month first, 12-hour clock) when
    the wording file is that language's; a language without a wording file (``de``) is rendered
    wholly in English, dates included, so that an agenda never mixes two languages ("from 11.
    Dezember 2025"): its dates follow the English file's ``babel`` locale.

    A house style (``--templates DIR``) brings its own wording in ``DIR/i18n/<code>.toml``: a
    language of its own, or changes to a shipped one. Keys a file leaves out are taken from the
    shipped file of that language, then from English, so that a new language can start small."""
    folder = data_dir("templates") / "i18n"
    written = (code or "").lower().replace("_", "-")
    folders = ([house / "i18n"] if house is not None else []) + [folder]
    for candidate in (written, written.split("-")[0], DEFAULT_LANGUAGE):
        layers = [f / f"{candidate}.toml" for f in folders if candidate and (f / f"{candidate}.toml").is_file()]
        if layers:
            data = _wording((folder / f"{DEFAULT_LANGUAGE}.toml", *reversed(layers)))
            region = None
            parts = written.split("-")
            if len(parts) > 1 and parts[0] == candidate.split("-")[0] and re.fullmatch(r"[a-z]{2}|[0-9]{3}", parts[-1]):
                region = f"{parts[0]}_{parts[-1].upper()}"
            return Locale(candidate, data, region)
    raise FileNotFoundError(f"no wording file for {DEFAULT_LANGUAGE!r} in {folder}")


def _wording(paths: tuple[Path, ...]) -> dict[str, Any]:
    """The wording files read in order, each table of a later file updating the earlier ones; kept
    parsed in the cache (support/cache.py) under a checksum of their bytes, which spares a cold
    render importing tomllib and parsing them (about 3 ms). The bytes are read every time: an
    edited house-style file is never taken for the old one, whatever its time stamp says."""
    import zlib

    paths = tuple(dict.fromkeys(paths))
    texts = [path.read_bytes() for path in paths]
    stamp = [(str(path), *content_stamp(text)) for path, text in zip(paths, texts, strict=True)]
    where = zlib.crc32("\0".join(map(str, paths)).encode())  # one cache file per set of folders
    name = f"wording-{'-'.join(path.stem for path in paths)}-{where:08x}.marshal"
    kept = load_stored(name, stamp)
    if isinstance(kept, dict):
        return kept
    data = _parse_wording(texts)
    store(name, stamp, data)
    return data


def _parse_wording(texts: list[bytes]) -> dict[str, Any]:
    import tomllib

    data: dict[str, Any] = {}
    for text in texts:
        for table, values in tomllib.loads(text.decode("utf-8")).items():
            data[table] = {**data.get(table, {}), **values} if isinstance(values, dict) else values
    return data


_FRENCH_SPACE = re.compile(r"(?<=\S) ([:;!?\u00bb])|(\u00ab) (?=\S)")


def _french_space(match: re.Match[str]) -> str:
    if match.group(2):
        return "\u00ab\u00a0"
    mark = match.group(1)
    return ("\u00a0" if mark in ":\u00bb" else "\u202f") + mark
