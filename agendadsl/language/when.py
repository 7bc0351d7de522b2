"""Date, time and duration VALUES: the text after ``date:``, ``time:``, ``@time``, ``@duration``, a
next meeting's date, or the date and time a group heading carries.

The grammar hands these over as plain text (as it does inline text, see ``inline.py``); this module
is the one place that knows how dates and times are written. It reads what real agendas write:
``Tuesday, March 4, 2025``, ``mardi 14 octobre 2025``, ``Montag, 7. März 2022``, ``24/06/2025``,
``3.15 p.m.``, ``18 h 30``, ``from 18.30 to 20.30 hours``, ``10:00 to 15:00 EDT (America/New_York)``,
``1 h 30 min``, ``10+5 min`` ... Values are kept as written: ``31 February 2026`` is a DateValue
(the checks reject it); only what cannot be a value at all (month 13, minute 75, an unknown zone)
raises :class:`WhenError`, and nothing else is ever raised.

Month, weekday and zone names come from Babel's CLDR data: the agenda's language, plus English
always. Babel costs about 16 ms to import and as much per locale, so the common forms (digits,
English names) are read without touching it once the per-language tables are on disk: each table
is built once per process and kept as a small JSON file in the per-user cache
(``agendadsl.support.cache``), keyed by Babel's version and the language.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from ..support.cache import babel_version, content_stamp, load_stored, store
from ..support.resources import data_dir
from .nodes import DateRange, DateValue, Duration, TimeOfDay, TimeSlot
from .span import Span

if TYPE_CHECKING:
    from collections.abc import Callable
    from fractions import Fraction

TIME_HINT = ("write a time like 09:30, 9.30, 9 am, 3.15 p.m. or 18 h 30; "
             "a slot like 09:30-10:00 or 09:30 to 10:00")
ZONE_HINT = ("after the time, name a time zone like UTC, UTC+2, UTC-03:30, Europe/Paris, "
             "CET, EDT or Pacific Time")
DATE_HINT = ("write a date like 23 November 2020, Monday 23 November 2020, March 4, 2025, 24/06/2025 "
             "or 2020-11-23; a range like 7-11 December 2020 or 28 June - 2 July 2021")
DURATION_HINT = "write a duration like 15 min, 15', 1 h 30 min, 1h30, 90 minutes, 1.5 h or 10+5 min"


_LONG_WORD = r"[^\s']{41,}"


class WhenError(Exception):
    """A value that cannot be read: ``message`` says what is wrong, ``start``/``end`` (0-based
    offsets into the text given) where, and ``hint`` names the forms that are accepted."""

    def __init__(self, message: str, start: int, end: int, hint: str, code: str | None = None) -> None:
        message = re.sub(_LONG_WORD, lambda long: long.group()[:30] + "...", message)  # 5,000 digits
        super().__init__(message)
        self.message = message
        self.start = start
        self.end = max(end, start + 1)
        self._hint = hint
        self.suggest: Callable[[], str | None] | None = None
        """What the value may have meant ("did you mean 'November'?"), worked out only when the hint
        is read: a heading is tried as a date from every word on, and the errors of those tries,
        thrown away unread, once spent most of the parse of an agenda of many sittings on it."""
        self.code = code
        """The diagnostic code when it is more precise than date-syntax or time-syntax: a value
        well written but impossible (invalid-time, impossible-date), an unknown zone."""

    @property
    def hint(self) -> str:
        if self.suggest is not None:
            suggestion, self.suggest = self.suggest(), None
            if suggestion:
                self._hint = suggestion + " " + self._hint[0].upper() + self._hint[1:]
        return self._hint

    @hint.setter
    def hint(self, value: str) -> None:
        self._hint = value
        self.suggest = None


# ------------------------------------------------------------------------------------- tokens

_LEX = re.compile(r"""
    (?P<numdate>[0-9]{1,4}(?P<dsep>[-/.])[0-9]{1,4}(?P=dsep)[0-9]{1,4}(?![0-9]))   # 24/06/2025
  | (?P<iana>[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)+)                      # Europe/Paris
  | (?P<num>[0-9]+)
  | (?P<word>[^\W\d_]+(?:[.\u2019'][^\W\d_]+)*\.?)                             # a.m., Nov., d'ete
  | (?P<punct>\+/-|--|\S)
""", re.VERBOSE)


class _Tok:
    """One token of a value. A plain class, as the other two records here: ``@dataclass`` would
    compile their methods at every import (1.6 ms of a cold ``agenda check`` for the three), and
    they are never compared, hashed or printed."""

    __slots__ = ("kind", "text", "key", "start", "end")  # noqa: RUF023 - in the order __init__ takes them

    def __init__(self, kind: str, text: str, key: str, start: int, end: int) -> None:
        self.kind = kind    # numdate, iana, num, word, punct
        self.text = text
        self.key = key      # words: folded, without dots; others: the text
        self.start = start
        self.end = end


def _fold(word: str) -> str:
    """Lower case, without accents or dots: ``Févr.`` -> ``fevr``, ``P.M.`` -> ``pm``."""
    word = word.replace(".", "").replace("\u2019", "'")
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _lex(text: str) -> list[_Tok]:
    tokens = []
    for match in _LEX.finditer(text):
        kind = match.lastgroup or "punct"
        if kind == "dsep":  # pragma: no cover - a named group inside numdate, never the last one
            kind = "numdate"
        value = match.group()
        tokens.append(_Tok(kind, value, _fold(value) if kind == "word" else value, match.start(), match.end()))
    return tokens


class _Reader:
    """A cursor over the tokens of one value."""

    def __init__(self, text: str, tokens: list[_Tok], hint: str) -> None:
        self.text = text
        self.tokens = tokens
        self.i = 0
        self.hint = hint

    @property
    def tok(self) -> _Tok | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def peek(self, ahead: int = 1) -> _Tok | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def at(self, *keys: str) -> bool:
        tok = self.tok
        return tok is not None and tok.key in keys

    def take(self) -> _Tok:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def error(self, message: str, start: int | None = None, end: int | None = None) -> WhenError:
        tok = self.tok
        if start is None:
            start, end = (tok.start, tok.end) if tok else (len(self.text.rstrip()), len(self.text.rstrip()) + 1)
        return WhenError(message, start, end if end is not None else start + 1, self.hint)

    def adjacent(self) -> bool:
        """Whether the current token follows the previous one with no space."""
        return 0 < self.i < len(self.tokens) and self.tokens[self.i - 1].end == self.tokens[self.i].start


def _span(origin: Span, start: int, end: int) -> Span:
    return Span(origin.line, origin.column + start, origin.line, origin.column + end)


def _number(tok: _Tok, most: int, what: str, hint: str) -> int:
    """The value of a num token of at most ``most`` digits (huge numbers are an error, not a crash)."""
    if len(tok.text) > most:
        raise WhenError(f"'{tok.text}' is not {what}", tok.start, tok.end, hint)
    return int(tok.text)


# -------------------------------------------------------------------------------------- times

_APPROX = frozenset({"approx", "approximately", "ca", "c", "circa", "around", "about", "vers", "env", "environ",
                     "gegen", "etwa", "~", "±", "+/-", "≈"})
_OPEN = frozenset({"from", "des", "ab"})  # "from 08.30", "dès 8 h 30" (words are folded: dès -> des)
_FROM = frozenset({"from", "de", "du", "von", "vom", "between"})       # "from 18.30 to 20.30", "de 18 h à 20 h"
_DASHES = ("-", "\u2013", "\u2014", "--")  # hyphen, en dash, em dash
_TO = frozenset({*_DASHES, "to", "till", "until", "til", "a", "bis", "through", "thru"})  # "a": à
_AND_WORDS = ("and", "et", "und", "e", "и")  # the shipped languages' "and": English, French, German, Italian, Russian
_AND = frozenset({*_AND_WORDS, ",", "&", ";"})
_HOURS_WORD = frozenset({"hours", "hrs", "hr", "heures", "heure", "uhr", "h"})
_MERIDIEM = {"am": False, "pm": True}
_NOON = {"noon": 12, "midday": 12, "midi": 12, "mittag": 12, "midnight": 0, "minuit": 0, "mitternacht": 0}
_FAST_SLOT = re.compile(r"\s*([0-9]{1,2})[:h]([0-9]{2})(?:\s*[-\u2013\u2014]\s*([0-9]{1,2})[:h]([0-9]{2}))?\s*")


class _Clock:
    """A time as written, before am/pm are settled between the two ends of a slot."""

    __slots__ = ("hour", "minute", "pm", "free", "bare", "military", "fixed", "start", "end")  # noqa: RUF023

    def __init__(self, hour: int, minute: int, pm: bool | None, free: bool, bare: bool, military: bool,
                 fixed: bool, start: int, end: int) -> None:
        self.hour = hour
        self.minute = minute
        self.pm = pm                # None: no am/pm written
        self.free = free            # a bare 1-12 hour that may take am/pm from the other end
        self.bare = bare            # a number alone ("11" in "11 - 2 pm"), not a time by itself
        self.military = military    # 0830
        self.fixed = fixed          # noon, midnight
        self.start = start
        self.end = end


def parse_times(text: str, origin: Span, language: str | None = None) -> TimeSlot:
    """A time or time slot: ``09:30``, ``9.30-10.00``, ``3.15 p.m.``, ``18 h 30``, ``from 18.30 to
    20.30 hours``, ``approx. 11.20``, ``from 08.30``, ``09:00-12:30 and 14:00-18:00``, with a time
    zone after it (``Europe/Paris``, ``UTC+2``, ``CEST``, ``Pacific Time``)."""
    fast = _FAST_SLOT.fullmatch(text)
    if fast:
        h1, m1, h2, m2 = fast.groups()
        start = TimeOfDay(int(h1), int(m1))
        end = TimeOfDay(int(h2), int(m2)) if h2 is not None else None
        if start.hour < 24 and start.minute < 60 and (end is None or _valid_end(end)):
            a, b = fast.start(1), fast.end(4 if h2 is not None else 2)
            return TimeSlot(start, end, None, _span(origin, a, b), text=text[a:b])
    return _read_times(text, origin, language)[0]


def written_zone(slot: TimeSlot, language: str | None = None) -> str | None:
    """The time zone of a slot as its source wrote it (``EDT (America/New_York)``), None without one."""
    if slot.zone is None:
        return None
    try:
        return _read_times(slot.text, Span(1, 1, 1, 1), language)[1] or slot.zone
    except WhenError:
        return slot.zone


def _read_times(text: str, origin: Span, language: str | None) -> tuple[TimeSlot, str | None]:
    """parse_times(), and the zone as written."""
    tokens = _lex(text)
    reader = _Reader(text, tokens, TIME_HINT)
    if not tokens:
        raise WhenError("a time is missing", 0, 1, TIME_HINT)
    slots = [_slot(reader, origin)]
    while reader.at(*_AND) and _starts_time(reader, 1):
        reader.take()
        if reader.at(*_AND_WORDS):
            reader.take()  # ", and"
        slots.append(_slot(reader, origin))
    written = text[reader.tok.start:].strip() if reader.tok is not None else None
    zone = _zone_at(reader, language)
    last = tokens[reader.i - 1]
    first = slots[0]
    also = tuple(_with(slot, zone=zone) for slot in slots[1:])
    return TimeSlot(first.start, first.end, zone, _span(origin, tokens[0].start, last.end), first.approximate,
                    first.open_end, also, text[tokens[0].start:last.end]), written


def _with(slot: TimeSlot, **changes: Any) -> TimeSlot:
    values = {name: getattr(slot, name) for name in ("start", "end", "zone", "span", "approximate", "open_end",
                                                     "also", "text")}
    values.update(changes)
    return TimeSlot(**values)


def _valid_end(end: TimeOfDay) -> bool:
    return (end.hour < 24 and end.minute < 60) or (end.hour, end.minute) == (24, 0)


def _starts_time(reader: _Reader, ahead: int) -> bool:
    tok = reader.peek(ahead)
    if tok is not None and tok.key in _AND_WORDS:
        tok = reader.peek(ahead + 1)
    return tok is not None and (tok.kind == "num" or tok.key in _APPROX or tok.key in _NOON or tok.key in _FROM)


def _slot(reader: _Reader, origin: Span) -> TimeSlot:
    first = reader.tok
    assert first is not None
    approximate = False
    while reader.at(*_APPROX):
        reader.take()
        approximate = True
    opener = None
    if reader.at(*(_OPEN | _FROM)):
        opener = reader.take().key
    elif _a_partir(reader):
        reader.i += 3  # à partir de 8 h 30
        opener = "des"
    while reader.at(*_APPROX):
        reader.take()
        approximate = True
    start = _clock(reader)
    end = None
    if reader.at(*_TO) or (reader.at("and") and opener == "between"):
        reader.take()
        end = _clock(reader)
    if reader.at("hours", "hrs", "heures", "uhr"):
        reader.take()
    a, b = _settle(reader, start, end)
    last = reader.tokens[reader.i - 1]
    open_end = end is None and opener in _OPEN
    if end is None and opener is not None and not open_end:
        written = reader.text[first.start:last.end]
        raise reader.error(f"'{written}' has no end: write '{written} to ...'", first.start, last.end)
    return TimeSlot(a, b, None, _span(origin, first.start, last.end), approximate, open_end, (),
                    reader.text[first.start:last.end])


def _a_partir(reader: _Reader) -> bool:
    """At "à partir de" / "à partir du"."""
    second, third = reader.peek(), reader.peek(2)
    return reader.at("a") and second is not None and second.key == "partir" and third is not None \
        and third.key in ("de", "du", "d'")


def _clock(reader: _Reader) -> _Clock:
    """One time; am/pm are settled by _settle()."""
    tok = reader.tok
    if tok is None:
        raise reader.error("a time is missing at the end")
    begin = tok.start
    if tok.key in _NOON:
        reader.take()
        hour = _NOON[tok.key]
        return _Clock(hour, 0, None, False, False, False, True, begin, tok.end)
    if tok.kind != "num":
        raise reader.error(f"'{tok.text}' is not a time")
    reader.take()
    if len(tok.text) == 4 and not reader.at(":", ".", "h"):
        hour, minute = int(tok.text[:2]), int(tok.text[2:])
        clock = _Clock(hour, minute, None, False, False, True, False, begin, tok.end)
        return _check_clock(reader, clock, reader.text[begin:tok.end])
    hour = _number(tok, 2, "a time", TIME_HINT)
    minute = 0
    bare = True
    if reader.at(":", ".") and reader.adjacent():
        nxt = reader.peek()
        if nxt is not None and nxt.kind == "num" and nxt.start == reader.tokens[reader.i].end:
            reader.take()
            minute_tok = reader.take()
            if len(minute_tok.text) != 2:
                raise reader.error(f"'{reader.text[begin:minute_tok.end]}' is not a time", begin, minute_tok.end)
            minute = int(minute_tok.text)
            bare = False
    elif reader.at("h"):
        reader.take()
        bare = False
        nxt = reader.tok
        if nxt is not None and nxt.kind == "num" and len(nxt.text) <= 2:
            if len(nxt.text) != 2:
                raise reader.error(f"'{reader.text[begin:nxt.end]}' is not a time", begin, nxt.end)
            minute = int(reader.take().text)
    pm = None
    fixed = False
    if reader.at("am", "pm"):
        pm = _MERIDIEM[reader.take().key]
    elif reader.at("noon", "midday") and hour == 12 and bare:
        reader.take()
        fixed = True
        bare = False
    elif bare and reader.at("hours", "heures", "heure", "uhr", "hrs"):
        reader.take()
        bare = False
    end = reader.tokens[reader.i - 1].end
    after = reader.text[tok.end:tok.end + 1]
    free = pm is None and not fixed and 1 <= hour <= 12 and not tok.text.startswith("0") \
        and (bare or (after != "" and after in ":."))
    clock = _Clock(hour, minute, pm, free, bare and pm is None, False, fixed, begin, end)
    return _check_clock(reader, clock, reader.text[begin:end])


def _check_clock(reader: _Reader, clock: _Clock, written: str) -> _Clock:
    if clock.minute > 59 or clock.hour > 24 or (clock.hour == 24 and clock.minute):
        problem = reader.error(f"'{written}' is not a time of day", clock.start, clock.end)
        problem.code = "invalid-time"
        problem.hint = "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm"
        raise problem
    if clock.pm is not None and not 1 <= clock.hour <= 12:
        raise reader.error(f"'{written}' is not a time: with am or pm, the hour goes from 1 to 12",
                           clock.start, clock.end)
    return clock


def _hour(clock: _Clock, pm: bool | None) -> int:
    if pm is None:
        return clock.hour
    return clock.hour % 12 + (12 if pm else 0)


def _settle(reader: _Reader, start: _Clock, end: _Clock | None) -> tuple[TimeOfDay, TimeOfDay | None]:
    """Both ends as 24-hour times: a 12-hour end gives its am/pm to the start and the other way
    round; an end earlier than the start then means the start was am (``11 - 2 pm``)."""
    if end is None:
        if start.military:
            raise reader.error(f"'{reader.text[start.start:start.end]}' is not a time: write {start.hour:02d}:"
                               f"{start.minute:02d} (four digits only inside a slot like 0830-0900)",
                               start.start, start.end)
        if start.bare:
            raise reader.error(f"'{reader.text[start.start:start.end]}' is not a time", start.start, start.end)
        if start.hour == 24:
            raise reader.error("24:00 is allowed only as the end of a slot", start.start, start.end)
        return TimeOfDay(_hour(start, start.pm), start.minute), None
    start_pm, end_pm = start.pm, end.pm
    if start_pm is None and end_pm is not None and start.free:
        start_pm = end_pm
        if end_pm and _hour(start, True) * 60 + start.minute > _hour(end, True) * 60 + end.minute:
            start_pm = False
    elif end_pm is None and start_pm is not None and end.free:
        end_pm = start_pm
        if _hour(end, end_pm) * 60 + end.minute < _hour(start, start_pm) * 60 + start.minute and not end_pm:
            end_pm = True
    for clock, pm in ((start, start_pm), (end, end_pm)):
        if clock.bare and pm is None:
            raise reader.error(f"'{reader.text[clock.start:clock.end]}' is not a time", clock.start, clock.end)
    if start.hour == 24:
        raise reader.error("24:00 is allowed only as the end of a slot", start.start, start.end)
    end_hour = _hour(end, end_pm)
    if end.fixed and end.hour == 0:
        end_hour = 24  # "until midnight"
    return TimeOfDay(_hour(start, start_pm), start.minute), TimeOfDay(end_hour, end.minute)


# -------------------------------------------------------------------------------------- zones

# Patterns that only some values need (an error, a time zone) stay text until then: re compiles
# and caches each on first use, which a cold check of an agenda without zones never pays.
_OFFSET = r"(?i)(?:UTC|GMT|UT)\s*(?:([+\-\u2212])\s*([0-9]{1,2})(?::?([0-9]{2}))?)?"
_IANA = r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)+"


def _zone_at(reader: _Reader, language: str | None) -> str | None:
    """The time zone written after the times (the rest of the value), or None."""
    tok = reader.tok
    if tok is None:
        return None
    start = tok.start
    rest = reader.text[start:].rstrip()
    reader.i = len(reader.tokens)
    parts: list[tuple[str, int]] = []
    inner = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", rest, re.DOTALL)
    if inner:
        if inner.group(1):
            parts.append((inner.group(1), start))
        parts.append((inner.group(2), start + inner.start(2)))
    else:
        parts.append((rest, start))
    found: list[tuple[str, str]] = []
    for written, offset in parts:
        stripped = written.strip()
        at = offset + len(written) - len(written.lstrip())
        zone = zone_name(stripped, language)
        if zone is None:
            raise WhenError(f"'{stripped}' is not a known time zone" if stripped else "a time zone is missing in '()'",
                            at, at + max(len(stripped), 1), ZONE_HINT, "unknown-time-zone" if stripped else None)
        found.append((stripped, zone))
    for written, zone in found:
        if re.fullmatch(_IANA, written):
            return zone  # "EDT (America/New_York)": the named zone says more than the abbreviation
    return found[0][1]


def zone_name(written: str, language: str | None = None) -> str | None:
    """The zone a text names, as Python's zoneinfo knows it (``Europe/Paris``), ``UTC``, or a fixed
    offset ``UTC+02:00``; None when it names none. Standard and daylight abbreviations are fixed
    offsets (``CEST`` -> ``UTC+02:00``); generic names are the metazone's main zone
    (``Pacific``, ``PT`` -> ``America/Los_Angeles``)."""
    offset = re.fullmatch(_OFFSET, written)
    if offset:
        sign, hours, minutes = offset.groups()
        if sign is None:
            return "UTC"
        if int(hours) > 14 or int(minutes or 0) > 59:
            return None
        if int(hours) == int(minutes or 0) == 0:
            return "UTC"
        sign = "+" if sign == "+" else "-"  # hyphen or minus sign
        return f"UTC{sign}{int(hours):02d}:{int(minutes or 0):02d}"
    if re.fullmatch(_IANA, written):
        return written if _zone_exists(written) else None
    key = " ".join(_fold(written).split())
    if not key or len(key) > 60:
        return None
    return _zones(_language_key(language)).get(key)


@functools.lru_cache(maxsize=256)
def _zone_exists(name: str) -> bool:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, a malformed key (ValueError), an unreadable file
        return False
    return True


_ZONE_LOCALES = ("en", "en_GB", "en_CA", "en_AU", "en_NZ", "en_IN", "en_SG", "en_ZA", "ja")
"""English-speaking regions' CLDR abbreviations (CET and BST are en_GB's, AEST en_AU's, IST en_IN's),
and ja for JST: CLDR gives no English abbreviation for Japan. The agenda's locale comes first."""


def _build_zones(babel_id: str) -> dict[str, str]:
    from zoneinfo import ZoneInfo

    from babel.core import Locale, get_global

    from .metazones import GOLDEN_ZONES  # only when the table is built, not on every start

    members: dict[str, list[str]] = {}
    for zone, meta in get_global("meta_zones").items():
        members.setdefault(meta, []).append(zone)
    windows = list(get_global("windows_zone_mapping").items())
    english_names = Locale.parse("en")

    def main_zone(meta: str, english: dict[str, str]) -> str | None:
        """The metazone's main zone: CLDR's "golden zone" (metazones.py) when Babel's data still
        counts it among the members ("Central European Time": Paris). Else it is found from what
        Babel has: the member that Windows' mapping (CLDR windowsZones, territory 001) gives the
        metazone's English standard name; else the member whose city that name holds; else, when
        the metazone has a daylight name, the members that still change their clocks, and of
        those the first that Windows' mapping names, else the first by name."""
        zones = sorted(members.get(meta) or [])
        if GOLDEN_ZONES.get(meta) in zones:  # CLDR's own choice, where Babel's data still has it
            return GOLDEN_ZONES[meta]
        standard = english.get("standard", "").lower()
        for name, zone in windows:
            if zone in zones and name.lower() == standard:
                return zone
        in_name = [zone for zone in zones if _exemplar_city(english_names, zone) in standard]
        if in_name:
            return in_name[0]
        pool = zones
        if english.get("daylight"):
            pool = [zone for zone in zones if _zone_exists(zone) and len(set(offsets(zone))) > 1] or zones
        named = [zone for _, zone in windows if zone in pool]
        return named[0] if named else (pool[0] if pool else None)

    def offsets(zone: str) -> tuple[str, str]:
        info = ZoneInfo(zone)
        values = sorted(datetime.datetime(2025, month, 15, tzinfo=info).utcoffset() or datetime.timedelta()
                        for month in (1, 7))
        return _fixed(values[0]), _fixed(values[1])

    table: dict[str, str] = {}
    seen: list[str] = []
    for code in (babel_id, *_ZONE_LOCALES):
        if code in seen:
            continue
        seen.append(code)
        try:
            loc = Locale.parse(code)
        except Exception:
            continue
        for meta, names in loc.meta_zones.items():
            main = main_zone(meta, english_names.meta_zones.get(meta, {}).get("long", {}))
            if main is None or not _zone_exists(main):
                continue
            standard, daylight = offsets(main)
            for kind, value in (("standard", standard), ("daylight", daylight), ("generic", main)):
                for width in ("short", "long"):
                    name = names.get(width, {}).get(kind)
                    if not name or "∅" in name:
                        continue
                    table.setdefault(" ".join(_fold(name).split()), value)
                    if kind == "generic" and width == "long" and _fold(name).endswith(" time"):
                        table.setdefault(_fold(name)[:-5].strip(), value)  # "Pacific", "Eastern"
        for zone, names in loc.time_zones.items():
            if not _zone_exists(zone):
                continue
            standard, daylight = offsets(zone)
            for kind, value in (("standard", standard), ("daylight", daylight), ("generic", zone)):
                for width in ("short", "long"):
                    name = names.get(width, {}).get(kind)
                    if name and "∅" not in name:
                        table.setdefault(" ".join(_fold(name).split()), "UTC" if zone == "Etc/UTC" else value)
    return table


def _exemplar_city(english: Any, zone: str) -> str:
    """A zone's city as English names it (``Europe/Moscow``: "moscow"), lower case."""
    city = english.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
    return str(city).lower()


def _fixed(offset: datetime.timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


# ----------------------------------------------------------------------------------- durations

_HOUR_UNITS = frozenset({"h", "hr", "hrs", "hour", "hours", "heure", "heures", "std", "stunde", "stunden"})
_MINUTE_UNITS = frozenset({"m", "min", "mins", "minute", "minutes", "mn", "minuten", "'", "\u2019", "\u2032"})
_FAST_DURATION = re.compile(r"\s*([0-9]{1,4}) ?min\s*")


def parse_duration(text: str, origin: Span) -> Duration:
    """``15 min``, ``15'``, ``1 h 30 min``, ``1h30``, ``2 h``, ``90 minutes``, ``1.5 h``, ``20m``,
    ``10+5 min`` (parts 10 and 5)."""
    fast = _FAST_DURATION.fullmatch(text)
    if fast:
        a, b = fast.start(1), len(text.rstrip())
        return Duration(int(fast.group(1)), _span(origin, a, b), text=text[a:b])
    from fractions import Fraction

    tokens = _lex(text)
    if not tokens:
        raise WhenError("a duration is missing", 0, 1, DURATION_HINT)
    reader = _Reader(text, tokens, DURATION_HINT)
    parts: list[Fraction] = []
    pending: list[Fraction] = []
    while True:
        value, unit = _duration_term(reader)
        if unit is None:
            pending.append(value)
        else:
            parts.extend(number * (60 if unit == "h" else 1) for number in pending)  # "10+5 min"
            pending.clear()
            parts.append(value)
        if reader.at("+"):
            reader.take()
            continue
        break
    if reader.tok is not None:
        raise reader.error(f"'{reader.tok.text}' is not part of a duration")
    if pending:
        last = tokens[-1]
        raise WhenError(f"'{text.strip()}' has no unit: write '{text.strip()} min' or '{text.strip()} h'",
                        last.start, last.end, DURATION_HINT)
    total = sum(parts, Fraction(0))
    for part in (*parts, total):
        if part.denominator != 1:
            raise WhenError(f"'{text.strip()}' is not a whole number of minutes", tokens[0].start, tokens[-1].end,
                            DURATION_HINT)
    a, b = tokens[0].start, tokens[-1].end
    return Duration(int(total), _span(origin, a, b), tuple(int(p) for p in parts) if len(parts) > 1 else (),
                    text[a:b])


def _duration_number(reader: _Reader) -> Fraction:
    from fractions import Fraction

    tok = reader.tok
    if tok is None or tok.kind != "num":
        raise reader.error(f"'{tok.text}' is not a duration" if tok else "a number is missing at the end")
    reader.take()
    value = Fraction(_number(tok, 5, "a duration", DURATION_HINT))
    nxt = reader.peek()
    if reader.at(".", ",") and reader.adjacent() and nxt is not None and nxt.kind == "num" \
            and nxt.start == reader.tokens[reader.i].end:
        reader.take()
        decimals = reader.take()
        value += Fraction(_number(decimals, 3, "a duration", DURATION_HINT), 10 ** len(decimals.text))
    return value


def _duration_unit(reader: _Reader) -> str | None:
    tok = reader.tok
    if tok is None:
        return None
    if tok.key in _HOUR_UNITS:
        reader.take()
        return "h"
    if tok.key in _MINUTE_UNITS:
        reader.take()
        return "min"
    return None


def _duration_term(reader: _Reader) -> tuple[Fraction, str | None]:
    """One number and its unit, in minutes when it has one; hours may be followed by minutes
    (``1 h 30``, ``1h30``). The unit says what a number written before it without one counts."""
    number = _duration_number(reader)
    unit = _duration_unit(reader)
    if unit == "h":
        minutes = number * 60
        if reader.tok is not None and reader.tok.kind == "num":
            more = _duration_number(reader)
            after = _duration_unit(reader)
            if after == "h":
                raise reader.error("hours come before minutes", reader.tokens[reader.i - 1].start)
            minutes += more
        return minutes, "h"
    return number, unit


# -------------------------------------------------------------------------------------- dates

_ORDINAL = frozenset({"st", "nd", "rd", "th", "er", "re", "e", "eme", "o", "º"})
_DATE_FROM = frozenset({"from", "du", "vom", "von"})
_DATE_TO = frozenset({*_DASHES, "to", "till", "until", "through", "thru", "au", "bis"})
_DATE_AND = frozenset({*_AND_WORDS, "&", ","})
_DATE_ARTICLE = frozenset({"le", "the", "am", "el", "il"})
"""An article before a date, as French and German write it: "le mardi 4 octobre", "am 7. März"."""


class _Piece:
    """A date as read, before the pieces of a range complete each other."""

    __slots__ = ("day", "month", "year", "weekday", "iso", "start", "end", "month_first")  # noqa: RUF023

    def __init__(self, day: int, month: int | None, year: int | None, weekday: int | None, iso: bool,
                 start: int, end: int, month_first: bool) -> None:
        self.day = day
        self.month = month
        self.year = year
        self.weekday = weekday
        self.iso = iso
        self.start = start
        self.end = end
        self.month_first = month_first


def numeric_order(language: str | None) -> str:
    """``dmy`` or ``mdy``: how ``03/04/2025`` reads in the agenda's language and region (from
    CLDR's short date pattern: en-US month first, en-GB, fr, de day first; a bare ``en`` as the
    English wording file's ``babel`` locale says)."""
    return str(_names(_language_key(language))["order"])


def parse_dates(text: str, origin: Span, language: str | None = None) -> DateRange:
    """A date, a range or a list of days: ``Monday 23 November 2020``, ``March 4, 2025``,
    ``2020-11-23``, ``24/06/2025``, ``7-11 December 2020``, ``March 4-6, 2025``, ``du 3 au 5 mai
    2026``, ``8, 9 and 10 October 2025``, ``11 December 2025 - ?``, ``Tuesday-Wednesday, October
    28-29, 2025``."""
    tokens = _lex(text)
    if not tokens:
        raise WhenError("a date is missing", 0, 1, DATE_HINT)
    reader = _Reader(text, tokens, DATE_HINT)
    key = _language_key(language)
    opener = False
    following = reader.peek()
    if reader.at(*_DATE_ARTICLE) and following is not None and (
            following.kind in ("num", "numdate") or _lookup(key, "weekdays", following.key) is not None):
        reader.take()  # "Le mardi 4 octobre 2005"
    if reader.at(*_DATE_FROM):
        opener = True
        reader.take()
    elif _a_partir(reader):
        opener = True
        reader.i += 3  # à partir du 11 décembre 2025
    weekdays = _weekday_range(reader, key)
    pieces = [_date_piece(reader, key)]
    open_end = False
    listed = False
    if reader.at(*_DATE_TO):
        reader.take()
        if reader.at("?"):
            reader.take()
            open_end = True
        else:
            pieces.append(_date_piece(reader, key))
    elif reader.at(*_DATE_AND) and not opener:
        listed = True
        while reader.at(*_DATE_AND):
            reader.take()
            if reader.at(*_AND_WORDS, "&"):
                reader.take()  # the Oxford comma: "8, 9, and 10 October"
            pieces.append(_date_piece(reader, key))
    elif opener:
        open_end = True  # "from 11 December 2025"
    if reader.tok is not None:
        tok = reader.tok
        raise _unknown_word(reader.error(f"'{tok.text}' is not part of a date"), tok, key)
    values = _complete(pieces, reader)
    if weekdays is not None:
        if len(values) != 2 or listed:
            raise WhenError("a range of weekdays needs a range of dates", weekdays[2], weekdays[3],
                            "write both, like 'Tuesday-Wednesday, October 28-29, 2025', or one weekday and one date")
        for piece, weekday in zip(values, weekdays[:2], strict=True):
            if piece.weekday is not None:
                raise WhenError("this date has its weekday twice", piece.start, piece.end,
                                "write the weekdays once: before the dates or with each date")
            piece.weekday = weekday
    a, b = tokens[0].start, tokens[-1].end
    span = _span(origin, a, b)
    written = text[a:b]
    dated = [_value(piece, origin) for piece in values]
    if listed:
        return DateRange(dated[0], None, span, tuple(dated[1:]), False, written)
    return DateRange(dated[0], dated[1] if len(dated) > 1 else None, span, (), open_end, written)


def _weekday_range(reader: _Reader, language: str) -> tuple[int, int, int, int] | None:
    """The weekdays of a range written before its dates, ``Tuesday-Wednesday, October 28-29``:
    the two weekdays and where they are written; None (nothing taken) for anything else."""
    first, dash, last = reader.tok, reader.peek(), reader.peek(2)
    if first is None or dash is None or last is None or first.kind != "word" or last.kind != "word" \
            or dash.key not in _DATE_TO:
        return None
    start, end = _lookup(language, "weekdays", first.key), _lookup(language, "weekdays", last.key)
    if start is None or end is None:
        return None
    reader.i += 3
    if reader.at(","):
        reader.take()
    return start, end, first.start, last.end


def _value(piece: _Piece, origin: Span) -> DateValue:
    return DateValue(piece.day, piece.month, piece.year, piece.weekday, piece.iso,
                     _span(origin, piece.start, piece.end))


def _complete(pieces: list[_Piece], reader: _Reader) -> list[_Piece]:
    """Months and years left out are taken from the next date that has them (``7-11 December``,
    ``30 December - 2 January 2027`` starts in 2026), or, month first, from the one before
    (``March 4-6, 2025``)."""
    for index, piece in enumerate(pieces):
        if piece.month is None:
            later = [p.month for p in pieces[index + 1:] if p.month is not None]
            earlier = [p.month for p in pieces[:index] if p.month is not None]
            piece.month = later[0] if later else (earlier[-1] if earlier else None)
            if piece.month is None:
                raise reader.error(f"'{reader.text[piece.start:piece.end]}' has no month", piece.start, piece.end)
        if piece.year is None:
            following = [p for p in pieces[index + 1:] if p.year is not None]
            if following:
                piece.year = following[0].year
                if piece.year is not None and following[0].month is not None and piece.month > following[0].month:
                    piece.year -= 1
    return pieces


def _date_piece(reader: _Reader, language: str) -> _Piece:
    tok = reader.tok
    if tok is None:
        raise reader.error("a date is missing at the end")
    begin = tok.start
    weekday = None
    if tok.kind == "word":
        weekday = _lookup(language, "weekdays", tok.key)
        if weekday is not None:
            reader.take()
            if reader.at(","):
                reader.take()
            tok = reader.tok
            if tok is None:
                raise reader.error(f"'{reader.text[begin:]}' has no day", begin, len(reader.text.rstrip()))
    month: int | None = None
    year: int | None = None
    if tok.kind == "numdate":
        reader.take()
        day, month, year, iso = _numeric_date(tok, language)
        return _Piece(day, month, year, weekday, iso, begin, tok.end, False)
    if tok.kind == "num":
        day = _day(reader)
        if reader.at("-") and reader.adjacent() and _month_at(reader, language, 1) is not None \
                and (reader.peek() or tok).start == reader.tokens[reader.i].end:
            reader.take()  # 18-Feb-2016
            month = _month_at(reader, language, 0)
            reader.take()
            if reader.at("-") and reader.adjacent():
                reader.take()
                year = _year(reader, required=True)
        elif reader.tok is not None and reader.tok.kind == "word":
            month = _month_at(reader, language, 0)
            if month is not None:
                reader.take()
                year = _year(reader, two_digits_refused=True)
        else:
            if reader.at(",") and (reader.peek() or tok).kind == "num" and len((reader.peek() or tok).text) == 4:
                reader.take()  # "March 4-6, 2025": the end's year
                year = _year(reader)
        return _Piece(day, month, year, weekday, False, begin, reader.tokens[reader.i - 1].end, False)
    if tok.kind == "word":
        month = _month_at(reader, language, 0)
        if month is None:
            raise _unknown_word(reader.error(f"'{tok.text}' is not a month or a weekday" if tok.key.isalpha()
                                             else f"'{tok.text}' is not part of a date"), tok, language)
        reader.take()
        if reader.tok is None or reader.tok.kind != "num":
            raise reader.error(f"'{reader.text[begin:tok.end]}' has no day", begin, tok.end)
        day = _day(reader)
        year = None
        if reader.at(","):
            nxt = reader.peek()
            if nxt is not None and nxt.kind == "num" and len(nxt.text) >= 3:
                reader.take()
        if reader.tok is not None and reader.tok.kind == "num":
            year = _year(reader, two_digits_refused=True)
        return _Piece(day, month, year, weekday, False, begin, reader.tokens[reader.i - 1].end, True)
    raise _unknown_word(reader.error(f"'{tok.text}' is not part of a date"), tok, language)


def _unknown_word(problem: WhenError, tok: _Tok, language: str) -> WhenError:
    """A misspelt month or weekday gets the name it is closest to before the accepted forms."""
    import difflib

    if tok.kind != "word" or len(tok.key) < 3:
        return problem

    def suggest() -> str | None:
        names = _names(language)
        for table in ("months", "weekdays"):
            close = difflib.get_close_matches(tok.key, list(names[table]), n=1, cutoff=0.75)
            if close:
                # The table holds every beginning of a name too ("novembe"): suggest the whole name.
                number = names[table][close[0]]
                whole = [word for word, value in names[table].items() if value == number]
                longest = max(len(word) for word in whole)
                best = difflib.get_close_matches(tok.key, [w for w in whole if len(w) == longest], n=1, cutoff=0)
                return f"did you mean '{best[0].capitalize()}'?"
        return None

    problem.suggest = suggest
    return problem


def _month_at(reader: _Reader, language: str, ahead: int) -> int | None:
    tok = reader.peek(ahead)
    if tok is None or tok.kind != "word":
        return None
    return _lookup(language, "months", tok.key)


def _day(reader: _Reader) -> int:
    tok = reader.take()
    day = _number(tok, 2, "a day", DATE_HINT)
    if not 1 <= day <= 31:
        raise WhenError(f"'{tok.text}' is not a day of the month", tok.start, tok.end, DATE_HINT, "impossible-date")
    if reader.tok is not None and reader.adjacent() and (reader.tok.key in _ORDINAL or reader.at(".")):
        reader.take()  # 21st, 1er, 7.
    return day


def _year(reader: _Reader, *, required: bool = False, two_digits_refused: bool = False) -> int | None:
    tok = reader.tok
    if tok is None or tok.kind != "num":
        if required:
            raise reader.error("a year is missing")
        return None
    if len(tok.text) != 4:
        if len(tok.text) <= 2 and not two_digits_refused and not required:
            return None
        raise WhenError(f"'{tok.text}' is not a year: write the year with four digits", tok.start, tok.end,
                        DATE_HINT)
    reader.take()
    return int(tok.text)


def _numeric_date(tok: _Tok, language: str) -> tuple[int, int, int, bool]:
    """``2020-11-23`` (ISO), ``2020/11/23``, and ``24/06/2025``, ``3.9.2024``, ``24-06-2025`` in the
    order of the agenda's language and region."""
    sep = "/" if "/" in tok.text else ("." if "." in tok.text else "-")
    texts = tok.text.split(sep)
    offsets = [tok.start]
    for part in texts[:-1]:
        offsets.append(offsets[-1] + len(part) + 1)
    if len(texts[0]) == 4:
        order = "ymd"
    elif len(texts[2]) == 4:
        order = str(_names(language)["order"])
    else:
        bad = 2 if len(texts[0]) <= 2 else 0
        raise WhenError(f"'{texts[bad]}' is not a year: write the year with four digits ("
                        f"{'24/06/2025' if bad == 2 else '2025-06-24'})", offsets[bad],
                        offsets[bad] + len(texts[bad]), DATE_HINT)
    where = {letter: index for index, letter in enumerate(order)}
    for letter in "dm":
        index = where[letter]
        if len(texts[index]) > 2:
            raise WhenError(f"'{texts[index]}' is not a {'day' if letter == 'd' else 'month'}", offsets[index],
                            offsets[index] + len(texts[index]), DATE_HINT)
    day, month, year = (int(texts[where[letter]]) for letter in "dmy")
    if not 1 <= month <= 12:
        index = where["m"]
        reading = {"ymd": "year-month-day", "dmy": "day/month/year", "mdy": "month/day/year"}[order]
        raise WhenError(f"'{texts[index]}' is not a month (read as {reading})", offsets[index],
                        offsets[index] + len(texts[index]), DATE_HINT)
    if not 1 <= day <= 31:
        index = where["d"]
        raise WhenError(f"'{texts[index]}' is not a day of the month", offsets[index],
                        offsets[index] + len(texts[index]), DATE_HINT)
    return day, month, year, order == "ymd" and sep == "-"


# ------------------------------------------------------------------------------------ headings

_HEADING_JOIN = frozenset({",", ";", ":", *_DASHES, "at", "a", "um", "(", "/", "|"})
"""What may stand between a heading's date and its time: ``Tuesday, 3 May 2005 at 2.30pm``."""


def heading_when(text: str, origin: Span, language: str | None = None
                 ) -> tuple[DateRange | None, TimeSlot | None, str]:
    """The date and/or time a group heading carries, and the rest as its title:
    ``Wednesday 15 October 2025`` -> (date, None, ""); ``Morning, 09.00-12.30`` -> (None, slot,
    "Morning"); ``12.30-14.00 Lunch break`` -> (None, slot, "Lunch break"). The value is either at
    the start (the title follows it) or at the end (the title comes before it). Never raises: what
    cannot be read as a date or time is title text.

    Where the value is depends on the text and the language alone, so it is searched for once per
    text (:func:`_heading_plan`): an agenda of many sittings repeats ``# Sitting, 10:00``, and each
    search tries the text as a date and as a time from several places, at several lengths. Only the
    values found are read again, at this heading's place."""
    plan = _heading_plan(text, language) if len(text) <= _KEPT else _heading_search(text, language)
    if plan is None:
        return None, None, text
    date_at, time_at, title = plan
    dates = parse_dates(text[date_at[0]:date_at[1]], _shift(origin, date_at[0]), language) if date_at else None
    times = parse_times(text[time_at[0]:time_at[1]], _shift(origin, time_at[0]), language) if time_at else None
    return dates, times, title


_At = tuple[int, int] | None
"""Where a value is written in a heading: its start and end offsets, or None."""
_Plan = tuple[_At, _At, str]
"""Where a heading's date and its time are written, and its title."""


def _heading_search(text: str, language: str | None) -> _Plan | None:
    """Where the date and time of a heading are, None where it has neither: the search of
    :func:`heading_when`. A pure function of its arguments (the readers of dates and times read
    nothing else but the per-process tables of names), so it is kept for texts seen again."""
    if not any(c.isdigit() for c in text):  # "Lunch at noon" stays a title: only figures are read
        return None
    tokens = _lex(text)
    if not tokens:
        return None
    found = _leading_value(text, tokens, 0, language)
    if found is not None:
        date_at, time_at, end = found
        return date_at, time_at, _trim(text[end:])
    # A value at the end has a date and a time of MAX_VALUE_TOKENS each at most, the joins between
    # them and a closing parenthesis: where more tokens than that follow, none can start.
    solid = [0] * (len(tokens) + 1)
    for index in range(len(tokens) - 1, -1, -1):
        solid[index] = solid[index + 1] + (tokens[index].key not in _HEADING_JOIN)
    for index in range(1, len(tokens)):
        if solid[index] > 2 * MAX_VALUE_TOKENS + 1:
            continue
        if tokens[index].kind == "punct" and tokens[index].key not in _APPROX:
            continue
        # A value after the title is set off by a comma, a colon or a dash ("Morning, 09.00-12.30"):
        # in "Report on 2025" or "Lunch at 12.30" the figures are part of the title.
        separator = tokens[index - 1]
        if separator.text not in (",", ":", "-", "\u2013", "\u2014", "("):
            continue
        if separator.text in ("-", "\u2013", "\u2014") and not text[:separator.start].endswith((" ", "\t")):
            continue  # the dash of a range ("Morning 09.00-12.30"): what follows it is not the value
        found = _leading_value(text, tokens, index, language, whole=True)
        if found is not None:
            date_at, time_at, _ = found
            return date_at, time_at, _trim(text[:tokens[index].start])
    return None


_heading_plan = functools.lru_cache(maxsize=4096)(_heading_search)
"""The search, kept for the last 4,096 heading texts of at most _KEPT characters: a process that
lives on (the language server) keeps no long text of a file it no longer has open."""
_KEPT = 200


_STARTERS = frozenset({*_DATE_ARTICLE, *_DATE_FROM, *_APPROX, *_OPEN, *_FROM, *_NOON, "a"})
"""The words (and signs) a date or a time may start with besides figures, a month and a weekday:
"le", "from", "approx.", "noon", "à" (partir de)."""


def _may_start(tok: _Tok, language: str | None) -> bool:
    """Whether a date or a time may start with ``tok``. When not, parse_dates() and parse_times()
    refuse every text that starts with it, whatever follows: a heading's title words ("Sitting" of
    "Sitting, 10:00") need not be tried as either, at every length."""
    if tok.kind in ("num", "numdate") or tok.key in _STARTERS:
        return True
    if tok.kind != "word":
        return False
    key = _language_key(language)
    return _lookup(key, "weekdays", tok.key) is not None or _lookup(key, "months", tok.key) is not None


def _trim(title: str) -> str:
    """A heading's title without the punctuation that joined it to its date or time."""
    previous = None
    while previous != title:
        previous = title
        title = title.strip().strip(",;:|" + "".join(_DASHES)).strip()
        if title.endswith("(") or title.startswith(")"):
            title = title.strip("()")
    return title


def _ends_cleanly(tokens: list[_Tok], last: int) -> bool:
    """Whether a value may end before token ``last``: not in the middle of a word or of a time
    (``2018 - 7:00pm`` must not be read as the range 9-7 October 2018). A colon right after it
    ends it when no figure follows the colon (``15 October 2025: Morning``, not ``10:30``)."""
    if last >= len(tokens):
        return True
    before, after = tokens[last - 1], tokens[last]
    if after.key == ":" and (last + 1 == len(tokens) or tokens[last + 1].start != after.end):
        return True
    return before.end != after.start or after.key in (",", ";", ")")


MAX_VALUE_TOKENS = 32
"""The longest date, and the longest time, that a heading is searched for, in tokens: the longest
real ones have about 17 ("1, 2, 3, 4, 5, 6, 7 and 8 December 2025") and 12 ("from 9.30 a.m. to
12.30 p.m. (approx.)"). Each is tried at every length from its start, each try reads it again,
and every place after a comma may start one: a heading of 1,500 characters of "1, 1, 1" took
three minutes (cubic) before the search was bounded."""


_NOWHERE = Span(1, 1, 1, 1)
"""Where the values read by the search of a heading's date and time are said to be: they are thrown
away, only where they are written counts."""


def _leading_value(text: str, tokens: list[_Tok], first: int, language: str | None,
                   whole: bool = False) -> tuple[_At, _At, int] | None:
    """Where the longest date and/or time starting at token ``first`` are written: (where the
    dates are, where the times are, the end offset of both); with ``whole``, only one that runs
    to the end of the text."""
    if not _may_start(tokens[first], language):
        return None
    begin = tokens[first].start
    opened = first > 0 and tokens[first - 1].key == "("
    date_at: _At = None
    time_at: _At = None
    end = begin
    after = first
    for last in range(min(len(tokens), first + MAX_VALUE_TOKENS), first, -1):
        if not _ends_cleanly(tokens, last):
            continue
        stop = tokens[last - 1].end
        try:
            parse_dates(text[begin:stop], _NOWHERE, language)
        except WhenError:
            continue
        end, after = stop, last
        date_at = (begin, stop)
        break
    if date_at is not None:
        while after < len(tokens) and tokens[after].key in _HEADING_JOIN:
            opened = tokens[after].key == "("
            after += 1
    if after < len(tokens) and (date_at is None or after > first):
        start = tokens[after].start
        for last in range(min(len(tokens), after + MAX_VALUE_TOKENS), after, -1):
            if not _ends_cleanly(tokens, last):
                continue
            stop = tokens[last - 1].end
            try:
                parse_times(text[start:stop], _NOWHERE, language)
            except WhenError:
                continue
            end, after = stop, last
            time_at = (start, stop)
            break
    if date_at is None and time_at is None:
        return None
    if opened and after < len(tokens) and tokens[after].key == ")":
        end = tokens[after].end
    if whole and text[end:].strip():
        return None
    return date_at, time_at, end


def _shift(origin: Span, offset: int) -> Span:
    return Span(origin.line, origin.column + offset, origin.end_line, origin.end_column)


# -------------------------------------------------------------------------- names per language

_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _language_key(language: str | None) -> str:
    """A language tag as a cache key: ``en``, ``en_US``, ``fr``; English for nothing or nonsense."""
    if not language or not _TAG.fullmatch(language):
        return "en"
    parts = language.replace("-", "_").split("_")
    fixed = [parts[0].lower()]
    for part in parts[1:]:
        fixed.append(part.title() if len(part) == 4 else part.upper())
    return "_".join(fixed)


def _babel_id(key: str) -> str:
    """The Babel locale for a language key: a region written is kept (en_US); a bare code is what
    its wording file ``templates/i18n/<code>.toml`` says (``en`` -> en_GB), else itself."""
    if "_" in key:
        return key
    try:
        path = data_dir("templates") / "i18n" / f"{key}.toml"
        if path.is_file():
            import tomllib

            with path.open("rb") as handle:
                value = tomllib.load(handle).get("locale", {}).get("babel")
            if isinstance(value, str) and value:
                return value
    except (OSError, ValueError):
        pass
    return key


def _stored(kind: str, key: str, build: Any) -> dict[str, Any]:
    """A table from the disk cache (support/cache.py), else built with Babel and stored there."""
    version = babel_version()
    name = f"when-{kind}-{key}-6.marshal"  # 6: bump when what the tables hold changes (a new file:
    stamp = [version, _wording_stamp(key)]  # two installed versions sharing the cache keep theirs)
    table = load_stored(name, stamp) if version else None
    if table is not None:
        return dict(table)
    table = build()
    if version:
        store(name, stamp, table)
    return table


def _wording_stamp(key: str) -> tuple[int, int] | None:
    """The stamp of the wording file a bare language code reads its locale from, as render's
    wording cache stamps it (support/cache.py)."""
    if "_" in key:
        return None
    try:
        return content_stamp((data_dir("templates") / "i18n" / f"{key}.toml").read_bytes())
    except OSError:
        return None


@functools.cache
def _names(key: str) -> dict[str, Any]:
    return _stored("names", key, lambda: _build_names(_babel_id(key)))


@functools.cache
def _zones(key: str) -> dict[str, str]:
    return _stored("zones", key, lambda: _build_zones(_babel_id(key)))


def _lookup(key: str, table: str, word: str) -> int | None:
    value = _names(key)[table].get(word)
    return int(value) if value is not None else None


def _build_names(babel_id: str) -> dict[str, Any]:
    """Month and weekday names (wide and abbreviated, format and stand-alone) of the locale and of
    English, folded; every unambiguous beginning of 3 letters or more of a wide name too (``Sept``,
    ``Thurs``). The agenda's own language wins where a word names different things."""
    from babel.core import Locale

    locales = []
    for code in (babel_id, babel_id.split("_")[0], _babel_id("en"), "en"):  # unknown: English, as en.toml says
        try:
            locales.append(Locale.parse(code))
            break
        except Exception:
            continue
    english = Locale.parse("en")
    if english not in locales:
        locales.append(english)
    result: dict[str, Any] = {"order": _order(locales[0])}
    for table, attribute in (("months", "months"), ("weekdays", "days")):
        exact: dict[str, int] = {}
        beginnings: dict[str, set[int]] = {}
        for loc in reversed(locales):  # the agenda's language last: it wins
            names = getattr(loc, attribute)
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, name in names.get(context, {}).get(width, {}).items():
                        exact[_fold(name)] = int(number)
                        if width == "wide":
                            folded = _fold(name)
                            for length in range(3, len(folded)):
                                beginnings.setdefault(folded[:length], set()).add(int(number))
        words = {prefix: numbers.pop() for prefix, numbers in beginnings.items() if len(numbers) == 1}
        words.update(exact)
        result[table] = words
    return result


def _order(loc: Any) -> str:
    """``dmy`` or ``mdy``, as the locale's short date pattern puts day and month."""
    pattern = loc.date_formats["short"].pattern
    day, month = pattern.find("d"), pattern.find("M")
    return "mdy" if 0 <= month < day else "dmy"
