"""Date and time checks: real dates, sensible ranges, matching weekdays, ordered meetings and slots."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from ..language import dates
from ..language.diagnostics import Diagnostic, Related, error, warning
from ..language.nodes import DateRange, DateValue, Group, Item, TimeSlot, walk
from .context import CheckContext
from .registry import check


def _ranges(context: CheckContext) -> Iterator[DateRange]:
    """Every date or range: the meeting's, its date of issue, the headings' and the next and past meetings'."""
    meeting = context.agenda.meeting
    for dates_ in (meeting.dates, meeting.issued, *(group.dates for group in context.groups)):
        if dates_ is not None:
            yield dates_
    for listed in (*context.next_meetings, *context.past_meetings):
        yield listed.dates


def _values(context: CheckContext) -> Iterator[DateValue]:
    for dates_ in _ranges(context):
        yield dates_.start
        yield from dates_.days
        if dates_.end is not None:
            yield dates_.end


@check("impossible-date")
def impossible_date(context: CheckContext) -> Iterable[Diagnostic]:
    """A date that does not exist, such as 31 February or 29 February 2021."""
    for value in _values(context):
        if dates.problem(value) == "impossible":
            yield error("impossible-date", f"{dates.english(value)} does not exist", value.span,
                        "check the day and the month")


@check("incomplete-date")
def incomplete_date(context: CheckContext) -> Iterable[Diagnostic]:
    """A date without a month or a year that nothing else in its range supplies."""
    for value in _values(context):
        if dates.problem(value) == "incomplete":
            missing = "month" if value.month is None else "year"
            yield error("incomplete-date", f"the date {dates.english(value)} has no {missing}", value.span,
                        "write the date in full, for example '23 November 2020'")


@check("weekday-mismatch")
def weekday_mismatch(context: CheckContext) -> Iterable[Diagnostic]:
    """A weekday name that does not match its date ("Tuesday 27 November 2018" was a Wednesday)."""
    for value in _values(context):
        real = value.to_date()
        if value.weekday is not None and real is not None and real.weekday() != value.weekday:
            actual = dates.WEEKDAYS[real.weekday()]
            yield error("weekday-mismatch",
                        f"{dates.english(value)} is a {actual}, not a {dates.WEEKDAYS[value.weekday]}", value.span,
                        f"write '{actual} {dates.english(value)}', or correct the date")


@check("date-range-reversed")
def date_range_reversed(context: CheckContext) -> Iterable[Diagnostic]:
    """A range that ends before it starts."""
    for range_ in _ranges(context):
        found = dates.bounds(range_)
        if range_.end is not None and found is not None and found[1] < found[0]:
            yield error("date-range-reversed",
                        f"the range ends ({dates.english(range_.last)}) before it starts "
                        f"({dates.english(range_.start)})", range_.span, "swap the two dates or correct one of them")


@check("next-meeting-not-after")
def next_meeting_not_after(context: CheckContext) -> Iterable[Diagnostic]:
    """A "next meeting" that does not start after this meeting has ended."""
    this = context.agenda.meeting.dates
    this_bounds = dates.bounds(this) if this is not None else None
    if this is None or this_bounds is None:
        return
    for meeting in context.next_meetings:
        found = dates.bounds(meeting.dates)
        if found is not None and found[0] <= this_bounds[1]:
            yield error("next-meeting-not-after",
                        f"this next meeting starts on {dates.english(meeting.dates.start)}, "
                        "not after the meeting this agenda is for", meeting.dates.span,
                        "check the year of the date", (Related(this.span, "this meeting's date"),))


@check("next-meetings-order")
def next_meetings_order(context: CheckContext) -> Iterable[Diagnostic]:
    """Next meetings listed out of chronological order."""
    previous = None
    for meeting in context.next_meetings:
        found = dates.bounds(meeting.dates)
        if found is None:
            continue
        if previous is not None and found[0] < previous[0]:
            yield error("next-meetings-order", "the next meetings are not in chronological order", meeting.dates.span,
                        "list the next meetings from the soonest to the latest",
                        (Related(previous[1].dates.span, "this meeting is listed before it but comes later"),))
        previous = (found[0], meeting)


@check("past-meeting-not-before")
def past_meeting_not_before(context: CheckContext) -> Iterable[Diagnostic]:
    """A "past meeting" that does not end before this meeting starts."""
    this = context.agenda.meeting.dates
    this_bounds = dates.bounds(this) if this is not None else None
    if this is None or this_bounds is None:
        return
    for meeting in context.past_meetings:
        found = dates.bounds(meeting.dates)
        if found is not None and found[1] >= this_bounds[0]:
            yield error("past-meeting-not-before",
                        f"this past meeting ends on {dates.english(dates.last_day(meeting.dates))}, "
                        "not before the meeting this agenda is for", meeting.dates.span,
                        "check the year of the date, or list the meeting under 'next meetings:'",
                        (Related(this.span, "this meeting's date"),))


@check("past-meetings-order")
def past_meetings_order(context: CheckContext) -> Iterable[Diagnostic]:
    """Past meetings listed out of order. Both orders are usual (the latest first, as an archive
    page lists them, or the earliest first); the first two meetings set the direction."""
    listed = [(found[0], meeting) for meeting in context.past_meetings
              if (found := dates.bounds(meeting.dates)) is not None]
    pairs = list(itertools.pairwise(listed))
    direction = next((later[0] > earlier[0] for earlier, later in pairs if later[0] != earlier[0]), None)
    for earlier, later in pairs:
        if later[0] != earlier[0] and (later[0] > earlier[0]) != direction:
            order = "from the earliest to the latest" if direction else "from the latest to the earliest"
            yield warning("past-meetings-order", "the past meetings are not in one chronological order",
                        later[1].dates.span, f"list them {order}, as the first two are",
                        (Related(earlier[1].dates.span, "the meeting listed just before it"),))


@check("local-times-without-time")
def local_times_without_time(context: CheckContext) -> Iterable[Diagnostic]:
    """``local times:`` with nothing to convert: the meeting needs a date and a time with its zone."""
    meeting = context.agenda.meeting
    if not meeting.local_times:
        return
    if meeting.dates is None or meeting.dates.start.to_date() is None:
        missing = "date"
    elif meeting.time is None:
        missing = "time"
    elif meeting.time.zone is None:
        missing = "time zone on its time"
    else:
        return
    yield warning("local-times-without-time", f"local times are given, but the meeting has no {missing} to convert "
                  "from",
                  meeting.local_times[0].span, "give the meeting its date and its time with a zone, like "
                  "'time: 20:00 UTC'")


@check("time-slot-reversed")
def time_slot_reversed(context: CheckContext) -> Iterable[Diagnostic]:
    """A time slot that ends before, or when, it starts."""
    slots = [context.agenda.meeting.time] + [item.time for item, _ in context.items]
    for slot in slots:
        if slot is not None and slot.end is not None and slot.end.minutes <= slot.start.minutes:
            yield error("time-slot-reversed", f"the slot ends at {slot.end} but starts at {slot.start}", slot.span,
                        "swap the two times or correct one of them")


@check("time-slot-overlap", "time-slot-order")
def time_slots(context: CheckContext) -> Iterable[Diagnostic]:
    """Sibling items whose time slots overlap or are out of order. Top-level items are compared
    day by day: the items under a heading with a date of its own start a new day."""
    groups: list[tuple[Item, ...]] = [*_days(context.agenda.body)] + [
        item.children for item, _ in context.items if len(item.children) > 1]  # one item has no order
    for siblings in groups:
        previous: Item | None = None
        for item in siblings:
            if item.time is None:
                continue
            if previous is not None and previous.time is not None:
                before, now = previous.time, item.time
                if now.start.minutes < before.start.minutes:
                    yield warning("time-slot-order", f"this item starts at {now.start}, before the item above it "
                                  f"({before.start})", now.span, "order the items by time, or correct the times",
                                  (Related(before.span, "the earlier item's slot"),))
                elif before.end is not None and now.start.minutes < before.end.minutes:
                    yield warning("time-slot-overlap", f"this item starts at {now.start}, before the item above it "
                                  f"ends ({before.end})", now.span, "shorten the earlier slot or start this one later",
                                  (Related(before.span, "the overlapping slot"),))
            previous = item


def _days(body: tuple) -> list[tuple[Item, ...]]:
    """The top-level items in runs that share a day: a heading with its own date starts a run."""
    runs: list[list[Item]] = [[]]

    def visit(entries: tuple, run: list[Item]) -> None:
        for entry in entries:
            if isinstance(entry, Item):
                run.append(entry)
            elif isinstance(entry, Group):
                if entry.dates is not None:
                    runs.append([])
                    visit(entry.body, runs[-1])
                else:
                    visit(entry.body, run)

    visit(body, runs[0])
    return [tuple(run) for run in runs if run]


def _slots(slot: TimeSlot) -> list[TimeSlot]:
    return [slot, *slot.also]


def _inside(time: TimeSlot, sitting: TimeSlot) -> bool:
    """Whether ``time`` (its start, and its end when it has one) lies within one of ``sitting``'s slots."""
    end = time.end or time.start
    return any(s.start.minutes <= time.start.minutes and (s.end is None or end.minutes <= s.end.minutes)
               for s in _slots(sitting))


def _sittings(context: CheckContext) -> Iterator[tuple[Item, TimeSlot, str]]:
    """Every item (sub-items included) with the time slot of the heading it stands under, or of
    the meeting, and what that slot belongs to."""
    meeting_time = context.agenda.meeting.time

    def visit(body: tuple, slot: TimeSlot | None, owner: str) -> Iterator[tuple[Item, TimeSlot, str]]:
        for entry in body:
            if isinstance(entry, Group):
                inner = entry.time if entry.time is not None else slot
                name = (entry.name if entry.name is not None else entry.title).plain
                here = f"the sitting '{name}'" if name else "its sitting"
                yield from visit(entry.body, inner, here if entry.time else owner)
            elif isinstance(entry, Item) and slot is not None:
                yield entry, slot, owner
                if entry.children:  # most items have none: no walk for them
                    for item, _depth in walk(entry.children):
                        yield item, slot, owner

    yield from visit(context.agenda.body, meeting_time, "the meeting")


@check("time-outside-sitting")
def time_outside_sitting(context: CheckContext) -> Iterable[Diagnostic]:
    """An item's time that falls outside the time of the sitting (the heading) it stands under, or
    of the meeting."""
    for item, sitting, owner in _sittings(context):
        if item.time is None or any(s.end is None and not s.open_end for s in _slots(sitting)):
            continue  # a sitting with only a start time has no end to fall outside
        if not _inside(item.time, sitting):
            yield warning("time-outside-sitting", f"this item's time ({item.time.text or item.time.start}) is "
                          f"outside {owner} ({sitting.text or sitting.start})", item.time.span,
                          "correct the item's @time, or the time of its heading, or move the item under the "
                          "heading it belongs to", (Related(sitting.span, "the sitting's time"),))


@check("duration-mismatch")
def duration_mismatch(context: CheckContext) -> Iterable[Diagnostic]:
    """An item whose @duration is not the length of its @time slot."""
    for item, _depth in context.items:
        slot, duration = item.time, item.duration
        if slot is None or duration is None or slot.end is None or slot.approximate:
            continue
        length = slot.end.minutes - slot.start.minutes
        if length > 0 and length != duration.minutes:
            yield warning("duration-mismatch", f"@duration says {duration.minutes} min but the slot "
                          f"{slot.text or ''} lasts {length} min", duration.span,
                          f"write '@duration {length} min', or correct the slot's end",
                          (Related(slot.span, "the slot"),))
