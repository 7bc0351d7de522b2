"""Babel's answers about CLDR (formatted dates and times, lists, zone cities, language names, the
patterns a locale prints with), kept across runs.

A cold render spends about 20 ms importing ``babel.dates`` and loading a locale's CLDR data to
format a handful of dates. Each answer depends only on Babel's version and the question, so the
answers are kept in one file of the per-user cache (support/cache.py), stamped with Babel's
version and read once per process; Babel is imported only for a question not asked before.
Without a cache folder every question goes to Babel, as it would without this module.

Only Babel's own answers are kept, never anything this package derives from them: a change to
agendadsl cannot leave a stale answer behind. :func:`save` writes what was learnt; the renderer
calls it when a document is finished.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from ..support.cache import babel_version, load_stored, store

LIMIT = 20_000
"""At most this many answers are kept: an archive of agendas with a calendar of years of
sittings would otherwise grow the file without end. Past it, answers are computed, not kept."""

_FORMAT = 1
"""Bump when the questions' keys or the answers' shapes change."""

class _Answers:
    """The answers known in this process: those read from the cache file, and those learnt since."""

    def __init__(self) -> None:
        self.known: dict[tuple[Any, ...], Any] | None = None
        self.learnt = False

    def ask(self, question: tuple[Any, ...], babel: Callable[[], Any]) -> Any:
        """The answer to ``question``, kept from an earlier run, else Babel's (and then kept)."""
        known = self.known
        if known is None:
            stored = load_stored(_file(), _FORMAT) if babel_version() else None
            known = self.known = stored if isinstance(stored, dict) else {}
        try:
            return known[question]
        except KeyError:
            pass
        answer = babel()
        if len(known) < LIMIT:
            known[question] = answer
            self.learnt = True
        return answer

    def save(self) -> None:
        if self.learnt and self.known is not None and babel_version():
            store(_file(), _FORMAT, self.known)
        self.learnt = False


_ANSWERS = _Answers()
_ask = _ANSWERS.ask


def _file() -> str:
    return f"cldr-{babel_version()}.marshal"


def save() -> None:
    """Write the answers learnt since the file was read (a no-op when nothing is new)."""
    _ANSWERS.save()


def locale_id(identifier: str, fallback: str) -> str:
    """The CLDR locale Babel reads ``identifier`` as (``en_GB``), or ``fallback``'s when Babel does
    not know it."""
    def babel() -> str:
        from babel.core import Locale, UnknownLocaleError

        try:
            return str(Locale.parse(identifier))
        except (ValueError, LookupError, UnknownLocaleError):  # the last is neither: fr_XK, en_QQ
            return str(Locale.parse(fallback))

    return _ask(("locale", identifier, fallback), babel)


def format_date(day: datetime.date, pattern: str, locale: str) -> str:
    """babel.dates.format_date: ``pattern`` is a CLDR pattern or a width (``full``, ``long``)."""
    def babel() -> str:
        from babel.dates import format_date

        return format_date(day, pattern, locale=locale)

    return _ask(("date", day.toordinal(), pattern, locale), babel)


def format_time(time: datetime.time, pattern: str, locale: str) -> str:
    """babel.dates.format_time, for a time of day without a zone."""
    def babel() -> str:
        from babel.dates import format_time

        return format_time(time, pattern, locale=locale)

    return _ask(("time", time.hour, time.minute, pattern, locale), babel)


def format_list(items: list[str], locale: str) -> str:
    """babel.lists.format_list: "8 and 9 October", "8 et 9 octobre"."""
    def babel() -> str:
        from babel.lists import format_list

        return format_list(items, locale=locale)

    return _ask(("list", tuple(items), locale), babel)


def zone_city(zone: str, locale: str) -> str | None:
    """The city CLDR names the zone by in ``locale``, or None when Babel does not know the zone."""
    def babel() -> str | None:
        from babel.dates import get_timezone_location

        try:
            return get_timezone_location(zone, locale=locale, return_city=True)
        except LookupError:
            return None

    return _ask(("city", zone, locale), babel)


def language_name(code: str, locale: str) -> str | None:
    """The name of the language ``code`` (``fr``, ``pt_BR``) in ``locale``; None when Babel does
    not know the code."""
    def babel() -> str | None:
        from babel.core import Locale, UnknownLocaleError

        try:
            return Locale.parse(code).get_display_name(locale)
        except (UnknownLocaleError, ValueError):
            return None

    return _ask(("language", code, locale), babel)


def date_pattern(locale: str, width: str) -> str:
    """The locale's date pattern of a width (``full``: "EEEE d MMMM y")."""
    def babel() -> str:
        from babel.core import Locale

        return Locale.parse(locale).date_formats[width].pattern

    return _ask(("date pattern", width, locale), babel)


def time_pattern(locale: str, width: str) -> str:
    """The locale's time pattern of a width (``short``: "HH:mm", "h:mm a")."""
    def babel() -> str:
        from babel.core import Locale

        return Locale.parse(locale).time_formats[width].pattern

    return _ask(("time pattern", width, locale), babel)


def interval(locale: str, skeleton: str, field: str) -> tuple[str, str] | None:
    """The two halves of the locale's interval format for ``skeleton`` whose greatest difference
    is ``field`` (``yMMMd``, ``M``: "d MMM" and " \u2013 d MMM y"), or None when CLDR has none."""
    def babel() -> tuple[str, str] | None:
        from babel.core import Locale

        halves = Locale.parse(locale).interval_formats.get(skeleton, {}).get(field)
        return (str(halves[0]), str(halves[1])) if halves else None

    return _ask(("interval", skeleton, field, locale), babel)


def interval_fallback(locale: str) -> str:
    """The locale's pattern for an interval it has no format for ("{0} \u2013 {1}")."""
    def babel() -> str:
        from babel.core import Locale

        return Locale.parse(locale).interval_formats.get(None, "{0} \u2013 {1}")

    return _ask(("interval fallback", locale), babel)
