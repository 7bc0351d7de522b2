"""Fixed wording and date formats per language: one TOML file per language under
``templates/i18n/``, dates and month names from Babel (CLDR)."""

from __future__ import annotations

import datetime
import functools
import tomllib
from dataclasses import dataclass
from typing import Any

from ..language.nodes import DateRange, DateValue, TimeOfDay
from ..support.resources import data_dir

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Locale:
    """The wording and formats of one language."""

    code: str
    data: dict[str, Any]

    def label(self, key: str, **values: str) -> str:
        """A fixed label, with its ``{placeholders}`` filled in."""
        text = self.data["labels"][key]
        return text.format(**values) if values else text

    def word(self, table: str, key: str) -> str:
        """An entry of a named table (``kind``, ``stage``, ``action`` ...)."""
        return self.data[table][key]

    @property
    def babel(self) -> str:
        return self.data["locale"]["babel"]

    def date(self, value: datetime.date, pattern: str = "date") -> str:
        from babel.dates import format_date

        return format_date(value, self.data["locale"][pattern], locale=self.babel)

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
        from babel.dates import format_time

        return format_time(datetime.time(value.hour, value.minute), self.data["locale"]["time"], locale=self.babel)

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        table = self.data["minutes"]
        if hours and rest:
            return table["hours_minutes"].format(h=hours, m=rest)
        if hours:
            return table["hours"].format(h=hours)
        return table["minutes"].format(m=rest)


@functools.cache
def locale(code: str | None) -> Locale:
    """The Locale for a language code (``en``, ``fr``, ``fr-CH`` -> ``fr``); English when unknown."""
    folder = data_dir("templates") / "i18n"
    for candidate in ((code or "").lower(), (code or "").lower().split("-")[0], DEFAULT_LANGUAGE):
        path = folder / f"{candidate}.toml"
        if candidate and path.is_file():
            with path.open("rb") as handle:
                return Locale(candidate, tomllib.load(handle))
    raise FileNotFoundError(f"no wording file for {DEFAULT_LANGUAGE!r} in {folder}")
