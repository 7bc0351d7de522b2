# ruff: noqa: RUF001  (agendas write en dashes)
"""The values the language layer makes of what users write, compared whole: every header field, item
attribute, note, heading, block and value form of docs/language.md as it stands in the AST (value
and span), and every diagnostic a wrong form gives (code, message, where, hint, related spans).

Expected values are written by hand from docs/language.md and docs/diagnostics.md, never computed
with the code under test. Spans are compared explicitly: the nodes' ``==`` leaves them out."""

from __future__ import annotations

import datetime

import pytest
from lark import Token

from agendadsl import parse
from agendadsl.language import dates, docrefs, when
from agendadsl.language import nodes as n
from agendadsl.language.inline import split
from agendadsl.language.span import Span
from agendadsl.language.urls import safe_url
from agendadsl.language.when import (
    DATE_HINT,
    DURATION_HINT,
    TIME_HINT,
    ZONE_HINT,
    WhenError,
    parse_dates,
    parse_duration,
    parse_times,
)


def ok(text: str) -> n.Agenda:
    """The agenda of a text that must parse without any diagnostic."""
    result = parse(text)
    assert result.diagnostics == ()
    assert result.agenda is not None
    return result.agenda


def found(text: str) -> list[tuple]:
    """Every diagnostic of a parse: code, message, span, hint and related spans."""
    return [(d.code, d.message, tuple(d.span), d.hint, [(tuple(r.span), r.message) for r in d.related])
            for d in parse(text).diagnostics]


def codes(text: str) -> list[tuple]:
    """Code, message and span of every diagnostic of a parse."""
    return [(d.code, d.message, tuple(d.span)) for d in parse(text).diagnostics]


def at(attr: n.Attr | None) -> tuple | None:
    """An attribute's value with where it is written."""
    return None if attr is None else (attr.value, tuple(attr.span))


# ------------------------------------------------------------------ transformer: the header

FULL_HEADER = """body: Board of Trustees··
meeting: 42nd meeting, // not a comment
kind: In-Person
place: Head office, room 3
platform: Zoom
date: Tuesday 12 May 2026
time: 09:30-12:30 Europe/Paris
status: DRAFT Rev. 2 corrigendum
language: en, fr
numbering: 1. / 1.1 / (a)
numbers: Frozen
series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}
series gh: gh-{n}
title: Annotated agenda
chair: Ms Jane Doe
host: Ministry
contact: Ana Ruiz, ana@example.org
issued: 2005/09/30 1:29 p.m.
issued in: Strasbourg
distribution: Restricted
original: en
number label: Item No.
list of documents: Oui
local times: San Francisco (America/Los_Angeles), Asia/Tokyo, ,UTC+9
reference: T-ES(2020)OJ4
fields: Quorum,  Convened by
Quorum: 14 members
Convened by: the Council

1. Opening
""".replace("·", " ")


def test_every_header_field_is_read_into_the_meeting_with_where_it_is_written() -> None:
    m = ok(FULL_HEADER).meeting
    assert at(m.body) == ("Board of Trustees", (1, 7, 1, 24))
    assert at(m.title) == ("42nd meeting, // not a comment", (2, 10, 2, 40))
    assert at(m.kind) == (n.MeetingKind.IN_PERSON, (3, 7, 3, 16))
    assert at(m.place) == ("Head office, room 3", (4, 8, 4, 27))
    assert at(m.platform) == ("Zoom", (5, 11, 5, 15))
    assert m.dates == n.DateRange(n.DateValue(12, 5, 2026, 1))
    assert (tuple(m.dates.span), m.dates.text) == ((6, 7, 6, 26), "Tuesday 12 May 2026")
    assert m.time == n.TimeSlot(n.TimeOfDay(9, 30), n.TimeOfDay(12, 30), "Europe/Paris")
    assert (tuple(m.time.span), m.time.text) == ((7, 7, 7, 31), "09:30-12:30 Europe/Paris")
    assert m.status == n.Status(n.Stage.DRAFT, 2, words="corrigendum")
    assert tuple(m.status.span) == (8, 9, 8, 33)
    assert at(m.language) == ("en", (9, 11, 9, 13))
    assert [at(a) for a in m.other_languages] == [("fr", (9, 15, 9, 17))]
    assert [at(a) for a in m.numbering] == [("1.", (10, 12, 10, 14)), ("1.1", (10, 17, 10, 20)),
                                            ("(a)", (10, 23, 10, 26))]
    assert at(m.frozen) == (True, (11, 10, 11, 16))
    assert [(s.name, s.pattern, s.url, tuple(s.span)) for s in m.series] == [
        ("T-ES", "T-ES({year}){n}", "https://rm.coe.int/{ref}", (12, 8, 12, 54)),
        ("gh", "gh-{n}", None, (13, 8, 13, 18))]
    assert at(m.document_title) == ("Annotated agenda", (14, 8, 14, 24))
    assert at(m.chair) == ("Ms Jane Doe", (15, 8, 15, 19))
    assert at(m.host) == ("Ministry", (16, 7, 16, 15))
    assert at(m.contact) == ("Ana Ruiz, ana@example.org", (17, 10, 17, 35))
    assert m.issued == n.DateRange(n.DateValue(30, 9, 2005))
    assert (tuple(m.issued.span), m.issued.text) == ((18, 9, 18, 19), "2005/09/30")
    assert m.issued_time == n.TimeSlot(n.TimeOfDay(13, 29))
    assert (tuple(m.issued_time.span), m.issued_time.text) == ((18, 20, 18, 29), "1:29 p.m.")
    assert at(m.issued_in) == ("Strasbourg", (19, 12, 19, 22))
    assert at(m.distribution) == (n.Distribution.RESTRICTED, (20, 15, 20, 25))
    assert at(m.original) == ("en", (21, 11, 21, 13))
    assert at(m.number_label) == ("Item No.", (22, 15, 22, 23))
    assert at(m.documents_list) == (True, (23, 20, 23, 23))
    assert [(p.zone, p.label, tuple(p.span), p.written) for p in m.local_times] == [
        ("America/Los_Angeles", "San Francisco", (24, 14, 24, 49), "America/Los_Angeles"),
        ("Asia/Tokyo", None, (24, 51, 24, 61), "Asia/Tokyo"),
        ("UTC+09:00", None, (24, 64, 24, 69), "UTC+9")]
    assert m.reference == n.DocRef("T-ES(2020)OJ4")
    assert tuple(m.reference.span) == (25, 12, 25, 25)
    assert [at(a) for a in m.fields] == [("Quorum", (26, 9, 26, 15)), ("Convened by", (26, 18, 26, 29))]
    assert [(c.name, c.value, tuple(c.span)) for c in m.custom] == [
        ("Quorum", "14 members", (27, 1, 27, 19)), ("Convened by", "the Council", (28, 1, 28, 25))]
    assert m.translations == ()


@pytest.mark.parametrize(("line", "kind"), [
    ("kind: in person", n.MeetingKind.IN_PERSON), ("kind: IN-PERSON", n.MeetingKind.IN_PERSON),
    ("kind: Virtual", n.MeetingKind.VIRTUAL), ("kind: hybrid", n.MeetingKind.HYBRID)])
def test_the_kind_of_meeting_is_read_in_any_case(line: str, kind: n.MeetingKind) -> None:
    assert ok(line + "\n\n1. A\n").meeting.kind == n.Attr(kind)


@pytest.mark.parametrize(("line", "value"), [
    ("distribution: public", n.Distribution.PUBLIC), ("distribution: GENERAL", n.Distribution.GENERAL),
    ("distribution: restricted", n.Distribution.RESTRICTED), ("distribution: Limited", n.Distribution.LIMITED)])
def test_the_distribution_is_read_in_any_case(line: str, value: n.Distribution) -> None:
    assert ok(line + "\n\n1. A\n").meeting.distribution == n.Attr(value)


@pytest.mark.parametrize(("written", "value"), [("yes", True), ("no", False), ("OUI", True), ("Non", False),
                                                ("Yes  ", True)])
def test_the_list_of_documents_is_yes_or_no_in_english_or_french(written: str, value: bool) -> None:
    assert ok(f"list of documents: {written}\n\n1. A\n").meeting.documents_list == n.Attr(value)


@pytest.mark.parametrize(("written", "frozen"), [("frozen", True), ("FROZEN", True), ("free", False),
                                                 ("Free", False)])
def test_numbers_frozen_or_free(written: str, frozen: bool) -> None:
    assert ok(f"numbers: {written}\n\n1. A\n").meeting.frozen == n.Attr(frozen)


@pytest.mark.parametrize(("written", "status"), [
    ("draft", n.Status(n.Stage.DRAFT)),
    ("Provisional", n.Status(n.Stage.PROVISIONAL)),
    ("revised", n.Status(n.Stage.REVISED)),
    ("ADOPTED", n.Status(n.Stage.ADOPTED)),
    ("final", n.Status(n.Stage.FINAL)),
    ("draft Rev.1", n.Status(n.Stage.DRAFT, 1)),
    ("Rev. 2 corrigendum", n.Status(None, 2, words="corrigendum")),
    ("rev.12", n.Status(None, 12)),
    ("Rev.1234", n.Status(None, 1234)),
    ("Rev.12345", n.Status(None, None, words="Rev.12345")),
    ("Rev. x", n.Status(None, None, words="Rev. x")),
    ("Rev.", n.Status(None, None, words="Rev.")),
    ("Preliminary", n.Status(None, None, words="Preliminary")),
    ("final Rev.1 Rev.2", n.Status(n.Stage.FINAL, 1, words="Rev.2")),
    ("Preliminary draft", n.Status(None, None, words="Preliminary draft")),
    ("draft  Rev. 3   for comments", n.Status(n.Stage.DRAFT, 3, words="for comments")),
])
def test_the_status_is_a_stage_a_revision_and_words_of_ones_own(written: str, status: n.Status) -> None:
    assert ok(f"status: {written}\n\n1. A\n").meeting.status == status


def test_a_series_line_keeps_a_pattern_with_spaces_and_no_url() -> None:
    m = ok("series RFC: RFC {n}\nseries A/HRC: A/HRC/{text} https://undocs.org/{ref}\n\n1. A\n").meeting
    assert m.series == (n.Series("RFC", "RFC {n}", None), n.Series("A/HRC", "A/HRC/{text}", "https://undocs.org/{ref}"))


def test_header_errors_name_the_field_and_point_at_the_value() -> None:
    text = ("kind: kind\ndistribution: public\nlist of documents: maybe\n"
            "local times: Mars (Olympus/Mons), Europe/Paris\nbody: A\nbody: B\nseries X: X{n}\nseries X: Y{n}\n"
            "\n1. A\n")
    assert found(text) == [
        ("invalid-kind", "the meeting's kind must be 'in person', 'virtual' or 'hybrid'", (1, 7, 1, 11),
         "write for example 'kind: hybrid'", []),
        ("invalid-value", "'maybe' is not yes or no", (3, 20, 3, 25),
         "write 'list of documents: yes' to publish the list, or leave the line out", []),
        ("unknown-time-zone", "'Olympus/Mons' is not a known time zone", (4, 14, 4, 33),
         "write a place and its zone, like 'New York (America/New_York)', or a zone alone ('Europe/Paris'); "
         "places are separated by commas", []),
        ("duplicate-field", "the header gives 'body' twice", (6, 7, 6, 8), "keep one 'body:' line",
         [((5, 7, 5, 8), "first given here")]),
        ("duplicate-field", "series 'X' is declared twice", (8, 8, 8, 15), "keep one declaration per series",
         [((7, 8, 7, 15), "first declared here")]),
    ]
    m = parse(text).agenda.meeting
    # What cannot be read is left out; the first of two fields is kept; a bad zone leaves the others.
    assert (m.kind, at(m.body), m.documents_list) == (n.Attr(n.MeetingKind.IN_PERSON), ("A", (5, 7, 5, 8)), None)
    assert [(p.zone, p.label) for p in m.local_times] == [("Europe/Paris", None)]
    assert [s.pattern for s in m.series] == ["X{n}"]


def test_custom_fields_are_checked_against_their_declaration() -> None:
    text = "fields: Quorum\nQuorum: a\nQuorum: b\nOther: c\n\n1. A\n"
    assert found(text) == [
        ("duplicate-field", "the header gives 'Quorum' twice", (3, 1, 3, 7), "keep one 'Quorum:' line",
         [((2, 1, 2, 7), "first given here")]),
        ("unknown-field", "unknown header field 'Other:'", (4, 1, 4, 6),
         "declare your own fields in the header: 'fields: Other'; or start the line with '>' to write it as "
         "text before the first item", []),
    ]
    assert parse(text).agenda.meeting.custom == (n.CustomField("Quorum", "a"),)


def test_a_field_given_twice_keeps_the_first_even_for_dates_issued_and_language() -> None:
    text = ("date: 1 May 2026\ndate: 2 May 2026\nissued: 3 May 2026\nissued: 4 May 2026\nlanguage: fr\n"
            "language: de\n\n1. A\n")
    assert codes(text) == [("duplicate-field", "the header gives 'date' twice", (2, 7, 2, 17)),
                           ("duplicate-field", "the header gives 'issued' twice", (4, 9, 4, 19)),
                           ("duplicate-field", "the header gives 'language' twice", (6, 11, 6, 13))]
    m = parse(text).agenda.meeting
    assert (m.dates, m.issued, m.issued_time, m.language) == (
        n.DateRange(n.DateValue(1, 5, 2026)), n.DateRange(n.DateValue(3, 5, 2026)), None, n.Attr("fr"))


@pytest.mark.parametrize(("written", "dates", "time"), [
    ("9 March 2020", n.DateRange(n.DateValue(9, 3, 2020)), None),
    ("9 March 2020, 14:00", n.DateRange(n.DateValue(9, 3, 2020)), n.TimeSlot(n.TimeOfDay(14, 0))),
    ("Monday 9 March 2020 10 am", n.DateRange(n.DateValue(9, 3, 2020, 0)), n.TimeSlot(n.TimeOfDay(10, 0))),
])
def test_issued_is_a_date_optionally_followed_by_a_time(written: str, dates: n.DateRange,
                                                         time: n.TimeSlot | None) -> None:
    m = ok(f"issued: {written}\n\n1. A\n").meeting
    assert (m.issued, m.issued_time) == (dates, time)


def test_an_issued_date_that_cannot_be_read_is_a_date_syntax_error_and_is_left_out() -> None:
    text = "issued: 9 Marhc 2020 14:00\n\n1. A\n"
    assert codes(text) == [("date-syntax", "'Marhc' is not part of a date", (1, 11, 1, 16))]
    assert parse(text).agenda.meeting.issued is None


# ------------------------------------------------------------------ transformer: items and attributes

ITEM = """fields: Stage, Responsible department

1. Temporal {#temporal}
   @time 18:55-19:55
   @duration 1 h 30 min
   @presenter Rapporteur: Mr Yan Li (EPP)
   @presenter Ms Jane Doe, Rapporteur
   @presenter Chair of the Bureau and more: X
   @presenter A:·
   @for Discussion, decision
   @status Withdrawn
   @session closed
   @visibility INTERNAL
   @docs [T-ES(2020)23], [ RFC 9110 ]
   @docs for decision: [CM(2020)26] of 3 November 2025
   @documents To  Follow
   @numbering I.1
   @stage 3
   @responsible-department Finance
   > A note
   > second line
   - bullet
   #. Sub
""".replace("·", " ")


def test_every_attribute_of_an_item_is_read_with_where_it_is_written() -> None:
    item = ok(ITEM).body[0]
    assert (item.mark, at(item.number), tuple(item.span)) == (n.NumberMark.EXPLICIT, ("1.", (3, 1, 3, 3)),
                                                              (3, 1, 3, 24))
    assert item.title == n.RichText((n.Text("Temporal"),))
    assert (tuple(item.title.span), tuple(item.title.parts[0].span)) == ((3, 1, 3, 24), (3, 4, 3, 13))
    assert at(item.label) == ("temporal", (3, 13, 3, 24))
    assert item.time == n.TimeSlot(n.TimeOfDay(18, 55), n.TimeOfDay(19, 55))
    assert (tuple(item.time.span), item.time.text) == ((4, 10, 4, 21), "18:55-19:55")
    assert item.duration == n.Duration(90)
    assert (tuple(item.duration.span), item.duration.text) == ((5, 14, 5, 24), "1 h 30 min")
    assert [(p.name, p.role, tuple(p.span)) for p in item.presenters] == [
        ("Mr Yan Li (EPP)", "Rapporteur", (6, 15, 6, 42)), ("Ms Jane Doe, Rapporteur", None, (7, 15, 7, 38)),
        ("Chair of the Bureau and more: X", None, (8, 15, 8, 46)), ("A:", None, (9, 15, 9, 17))]
    assert [at(a) for a in item.actions] == [(n.Action.DISCUSSION, (10, 9, 10, 19)),
                                             (n.Action.DECISION, (10, 21, 10, 29))]
    assert at(item.status) == (n.ItemStatus.WITHDRAWN, (11, 12, 11, 21))
    assert at(item.session) == (n.Session.CLOSED, (12, 13, 12, 19))
    assert at(item.visibility) == (n.Visibility.INTERNAL, (13, 16, 13, 24))
    cm = n.DocRef("CM(2020)26", date=n.DateRange(n.DateValue(3, 11, 2025)))
    assert item.documents == (n.DocRef("T-ES(2020)23"), n.DocRef("RFC 9110"), cm)
    assert [tuple(d.span) for d in item.documents] == [(14, 10, 14, 24), (14, 26, 14, 38), (15, 24, 15, 36)]
    assert (tuple(item.documents[2].date.span), item.documents[2].date.text) == ((15, 40, 15, 55), "3 November 2025")
    assert item.document_groups == (n.DocGroup(None, item.documents[:2]), n.DocGroup("for decision", (cm,)))
    assert [tuple(g.span) for g in item.document_groups] == [(14, 10, 14, 38), (15, 24, 15, 36)]
    assert at(item.documents_state) == (n.DocumentsState.TO_FOLLOW, (16, 15, 16, 25))
    assert at(item.child_numbering) == ("I.1", (17, 15, 17, 18))
    assert [(f.name, f.value, tuple(f.span)) for f in item.fields] == [
        ("Stage", "3", (18, 4, 18, 12)), ("Responsible department", "Finance", (19, 4, 19, 35))]
    note = n.Note((n.RichText((n.Text("A note"),)), n.RichText((n.Text("second line"),))))
    bullet = n.Bullet(n.RichText((n.Text("bullet"),)))
    assert item.notes == (note, bullet)
    assert [tuple(x.span) for x in item.notes] == [(20, 4, 21, 17), (22, 4, 22, 12)]
    assert [tuple(line.span) for line in item.notes[0].lines] == [(20, 4, 20, 12), (21, 4, 21, 17)]
    assert item.children == (n.Item(n.NumberMark.AUTO, n.RichText((n.Text("Sub"),))),)
    assert tuple(item.children[0].span) == (23, 4, 23, 10)
    assert item.translations == ()


@pytest.mark.parametrize(("written", "presenter"), [
    ("Rapporteur: Ms X", n.Presenter("Ms X", "Rapporteur")),
    ("Chair of the Bureau: Ms X", n.Presenter("Ms X", "Chair of the Bureau")),
    ("Chair of the Bureau today: Ms X", n.Presenter("Chair of the Bureau today: Ms X")),
    ("Co-rapporteur: Mr Y", n.Presenter("Mr Y", "Co-rapporteur")),
    ("Rapporteur:Ms X", n.Presenter("Rapporteur:Ms X")),
    ("2025: Ms X", n.Presenter("2025: Ms X")),
    ("Rapporteur:  Ms X", n.Presenter("Ms X", "Rapporteur")),
    ("Mr Y", n.Presenter("Mr Y")),
])
def test_a_presenter_has_a_role_of_one_to_four_words_before_a_colon(written: str, presenter: n.Presenter) -> None:
    assert ok(f"1. A\n   @presenter {written}\n").body[0].presenters == (presenter,)


@pytest.mark.parametrize(("line", "field", "value"), [
    ("@for information", "actions", (n.Attr(n.Action.INFORMATION),)),
    ("@for adoption, approval, consultation", "actions",
     (n.Attr(n.Action.ADOPTION), n.Attr(n.Action.APPROVAL), n.Attr(n.Action.CONSULTATION))),
    ("@status postponed", "status", n.Attr(n.ItemStatus.POSTPONED)),
    ("@status TBC", "status", n.Attr(n.ItemStatus.TBC)),
    ("@session Public", "session", n.Attr(n.Session.PUBLIC)),
    ("@visibility public", "visibility", n.Attr(n.Visibility.PUBLIC)),
    ("@documents available", "documents_state", n.Attr(n.DocumentsState.AVAILABLE)),
    ("@documents to follow", "documents_state", n.Attr(n.DocumentsState.TO_FOLLOW)),
    ("@numbering as written", "child_numbering", n.Attr(n.AS_WRITTEN)),
    ("@numbering As Written", "child_numbering", n.Attr(n.AS_WRITTEN)),
    ("@numbering (a)", "child_numbering", n.Attr("(a)")),
    ("@duration 10+5 min", "duration", n.Duration(15, parts=(10, 5))),
])
def test_each_fixed_word_attribute_is_read(line: str, field: str, value: object) -> None:
    assert getattr(ok(f"1. A\n   {line}\n").body[0], field) == value


def test_an_item_without_anything_under_it_has_only_its_mark_title_and_number() -> None:
    agenda = ok("1. Opening\n#. Next\n* Break\n2. Last {#last}\n")
    assert agenda.body == (
        n.Item(n.NumberMark.EXPLICIT, n.RichText((n.Text("Opening"),)), n.Attr("1.")),
        n.Item(n.NumberMark.AUTO, n.RichText((n.Text("Next"),))),
        n.Item(n.NumberMark.NONE, n.RichText((n.Text("Break"),))),
        n.Item(n.NumberMark.EXPLICIT, n.RichText((n.Text("Last"),)), n.Attr("2."), label=n.Attr("last")))
    assert [tuple(i.span) for i in agenda.body] == [(1, 1, 1, 11), (2, 1, 2, 8), (3, 1, 3, 8), (4, 1, 4, 16)]


def test_item_errors_labels_attributes_given_twice_and_unknown_ones() -> None:
    text = ("fields: Quorum\n\n1. A {#bad label} {#ok} {#two}\n   @time 9:00\n   @time 10:00\n"
            "   @quorum 3\n   @quorum 4\n   @foo x\n   > note {#x}\n")
    assert found(text) == [
        ("invalid-label", "'{#bad label}' is not a valid label", (3, 6, 3, 18),
         "a label starts with a letter and has only letters, digits, '_', '.' and '-', such as {#adoption} or "
         "{#item-2bis}", []),
        ("duplicate-attribute", "an item can have only one label", (3, 19, 3, 24), "remove the second '{#...}'",
         [((3, 6, 3, 18), "first label")]),
        ("duplicate-attribute", "an item can have only one label", (3, 25, 3, 31), "remove the second '{#...}'",
         [((3, 6, 3, 18), "first label")]),
        ("duplicate-attribute", "this item already has '@time'", (5, 10, 5, 15), "keep one of the two lines",
         [((4, 10, 4, 14), "first given here")]),
        ("duplicate-attribute", "this item already has '@Quorum'", (7, 4, 7, 11), "keep one of the two lines",
         [((6, 4, 6, 11), "first given here")]),
        ("unknown-attribute", "unknown attribute '@foo'", (8, 4, 8, 8), "did you mean '@for'?", []),
        ("misplaced-label", "a label '{#...}' belongs on an item line; it is ignored here", (9, 11, 9, 15),
         "move it to the end of the item's line", []),
    ]
    item = parse(text).agenda.body[0]
    assert (item.time, item.fields) == (n.TimeSlot(n.TimeOfDay(9, 0)), (n.CustomField("Quorum", "3"),))
    assert item.notes == (n.Note((n.RichText((n.Text("note"),)),)),)


@pytest.mark.parametrize(("line", "word"), [
    ("@duration 5 min", "duration"), ("@presenter X", None), ("@for decision", "for"), ("@status tbc", "status"),
    ("@session public", "session"), ("@visibility public", "visibility"), ("@docs [A]", None),
    ("@numbering 1.", "numbering"), ("@documents available", None)])
def test_an_attribute_given_twice_is_named_in_the_error(line: str, word: str | None) -> None:
    problems = codes(f"1. A\n   {line}\n   {line}\n")
    if word is None:  # presenters and document groups: one line each, as many as wanted
        assert problems == ([] if line != "@documents available" else
                            [("duplicate-attribute", "this item already has '@documents'", (3, 15, 3, 24))])
    else:
        start = 5 + len(word) + 1
        assert problems == [("duplicate-attribute", f"this item already has '@{word}'",
                             (3, start, 3, 4 + len(line)))]


def test_documents_given_twice_is_a_duplicate_attribute_not_a_crash() -> None:
    """@documents twice raised KeyError out of parse() (its word was missing from the table the
    message is written from)."""
    assert found("1. A\n   @documents available\n   @documents to follow\n") == [
        ("duplicate-attribute", "this item already has '@documents'", (3, 15, 3, 24), "keep one of the two lines",
         [((2, 15, 2, 24), "first given here")])]


@pytest.mark.parametrize(("lines", "message", "span"), [
    ("  @break\n  @break\n", "this heading already has a break: it has one", (3, 3, 3, 9)),
    ("  @kind virtual\n  @kind hybrid\n", "this heading already has a kind: it has one", (3, 9, 3, 15)),
    ("  @place X\n  @place Y\n", "this heading already has a place: it has one", (3, 10, 3, 11)),
    ("  @session closed\n  @session closed\n", "this heading already has a session: it has one", (3, 12, 3, 18)),
    ("  @numbering 1.\n  @numbering 1.\n", "this heading already has a numbering: it has one", (3, 14, 3, 16)),
    ("  @date 1 May 2026\n  @date 2 May 2026\n", "this heading already has a date: it has one", (3, 9, 3, 19)),
])
def test_a_heading_attribute_given_twice_is_named_in_words(lines: str, message: str, span: tuple) -> None:
    """A second @break was reported as "a is_break", the field's name inside the program."""
    assert codes("# H\n" + lines + "  @time 10:00\n\n1. A\n") == [("duplicate-attribute", message, span)]


# ------------------------------------------------------------------ transformer: text, paragraphs, bullets

def t(value: str) -> n.RichText:
    """A line of plain text."""
    return n.RichText((n.Text(value),))


TEXT = """> Preamble one
> line two
>
> new para
! internal
| verbatim  text··
|   indented
- [ ] @alex Simplify
- [x] Done thing
- [In Progress] @bo Doing
- [waiting for texts] Wait
  - sub bullet

1. A
""".replace("·", " ")


def test_top_level_text_is_one_block_of_paragraphs_and_bullets() -> None:
    block = ok(TEXT).body[0]
    assert block == n.TextBlock((
        n.Note((t("Preamble one"), t("line two"))),
        n.Note((t("new para"),)),
        n.Note((t("internal"),), internal=True),
        n.Note((t("verbatim  text"), t("  indented")), verbatim=True),
        n.Bullet(t("Simplify"), status="open", owner="alex"),
        n.Bullet(t("Done thing"), status="done"),
        n.Bullet(t("Doing"), status="in progress", owner="bo"),
        n.Bullet(t("Wait"), children=(n.Bullet(t("sub bullet")),), status="waiting for texts"),
    ))
    assert tuple(block.span) == (1, 1, 11, 27)
    assert [tuple(p.span) for p in block.parts] == [(1, 1, 2, 11), (4, 1, 4, 11), (5, 1, 5, 11), (6, 1, 7, 13),
                                                    (8, 1, 8, 21), (9, 1, 9, 17), (10, 1, 10, 26), (11, 1, 11, 27)]
    assert [tuple(line.span) for line in block.parts[3].lines] == [(6, 1, 6, 19), (7, 1, 7, 13)]
    assert [tuple(line.parts[0].span) for line in block.parts[3].lines] == [(6, 2, 6, 19), (7, 2, 7, 13)]
    assert tuple(block.parts[4].text.parts[0].span) == (8, 13, 8, 21)
    assert tuple(block.parts[7].children[0].span) == (12, 3, 12, 15)


@pytest.mark.parametrize(("lines", "notes"), [
    # a blank line, or a line of another kind, ends a paragraph
    ("   > a\n\n   > b\n", (n.Note((t("a"),)), n.Note((t("b"),)))),
    ("   > a\n   ! b\n   ! c\n", (n.Note((t("a"),)), n.Note((t("b"), t("c")), internal=True))),
    ("   > a\n   >> b\n   >> c\n", (n.Note((t("a"),)), n.Note((t("b"), t("c")), annotation=True))),
    ("   > a\n   | b\n", (n.Note((t("a"),)), n.Note((t("b"),), verbatim=True))),
    ("   > a\n   - b\n   > c\n", (n.Note((t("a"),)), n.Bullet(t("b")), n.Note((t("c"),)))),
    ("   >\n   > a\n   >\n", (n.Note((t("a"),)),)),
    ("   |\n   | a\n", (n.Note((t("a"),), verbatim=True),)),
    ("   | \n", ()),
])
def test_paragraphs_under_an_item_end_at_a_blank_line_a_bare_marker_or_another_kind(lines: str,
                                                                                     notes: tuple) -> None:
    assert ok("1. A\n" + lines).body[0].notes == notes


@pytest.mark.parametrize(("line", "status", "owner", "title"), [
    ("- [ ] @alex Simplify", "open", "alex", "Simplify"),
    ("- [X] Send", "done", None, "Send"),
    ("- [Pending] @a.b-c Reply", "pending", "a.b-c", "Reply"),
    ("- [blocked] @alex", "blocked", "alex", None),
    ("- [ ] email@alex X", "open", None, "email@alex X"),
    ("- Plain @alex", None, None, "Plain @alex"),
])
def test_an_action_item_has_a_status_and_an_owner_written_first(line: str, status: str | None, owner: str | None,
                                                                 title: str | None) -> None:
    bullet = ok("1. A\n   " + line + "\n").body[0].notes[0]
    assert (bullet.status, bullet.owner, bullet.text) == (status, owner, t(title) if title else n.RichText(()))


def test_a_label_in_text_is_ignored_with_a_warning_everywhere_but_an_item_line() -> None:
    text = ("# Part {#p}\n  > n {#a}\n\n1. A\n   - b {#b}\n   >> c {#c}\n   ! d {#d}\n\n[^1]: e {#e}\n\n"
            "annexes:\n  - A. f {#f}\n")
    spots = [(1, 8, 1, 12), (2, 7, 2, 11), (5, 8, 5, 12), (6, 9, 6, 13), (7, 8, 7, 12), (9, 9, 9, 13),
             (12, 10, 12, 14)]
    assert [(code, where) for code, _, where in codes(text)] == [("misplaced-label", s) for s in sorted(spots)]


# ------------------------------------------------------------------ transformer: headings and groups

HEADINGS = """date: 15-16 October 2025

# Wednesday 15 October
## Morning, 09.00-12.30
  @place Room 1
  @kind virtual
  @session closed
  @numbering 1.
  > Heading note
  >> annotated
1. Adoption
## 12.30-14.30 Lunch break
## Afternoon
  @time 14:30-18:00
  @date 15 October 2025
  @break
2. Report

> Closing text.
"""


def test_headings_nest_into_groups_with_their_dates_times_and_attributes() -> None:
    day, closing = ok(HEADINGS).body
    assert closing == n.TextBlock((n.Note((t("Closing text."),)),))
    assert (day.level, day.title, day.name, day.from_heading, day.is_break) == (
        1, t("Wednesday 15 October"), n.RichText(()), ("dates",), False)
    assert day.dates == n.DateRange(n.DateValue(15, 10, 2025, 2))  # the year is the meeting's
    assert (tuple(day.dates.span), tuple(day.span)) == ((3, 3, 3, 23), (3, 1, 3, 23))
    morning, lunch, afternoon, report = day.body
    assert morning == n.Group(
        2, t("Morning, 09.00-12.30"), time=n.TimeSlot(n.TimeOfDay(9, 0), n.TimeOfDay(12, 30)),
        place=n.Attr("Room 1"), kind=n.Attr(n.MeetingKind.VIRTUAL), session=n.Attr(n.Session.CLOSED),
        notes=(n.Note((t("Heading note"),)), n.Note((t("annotated"),), annotation=True)),
        body=(n.Item(n.NumberMark.EXPLICIT, t("Adoption"), n.Attr("1.")),), name=t("Morning"),
        child_numbering=n.Attr("1."))
    assert morning.from_heading == ("time",)
    assert (tuple(morning.time.span), tuple(morning.name.span), tuple(morning.name.parts[0].span)) == (
        (4, 13, 4, 24), (4, 4, 4, 11), (4, 4, 4, 11))
    assert [at(a) for a in (morning.place, morning.kind, morning.session, morning.child_numbering)] == [
        ("Room 1", (5, 10, 5, 16)), (n.MeetingKind.VIRTUAL, (6, 9, 6, 16)), (n.Session.CLOSED, (7, 12, 7, 18)),
        ("1.", (8, 14, 8, 16))]
    assert lunch == n.Group(2, t("12.30-14.30 Lunch break"), time=n.TimeSlot(n.TimeOfDay(12, 30), n.TimeOfDay(14, 30)),
                            name=t("Lunch break"), is_break=True)
    assert (tuple(lunch.time.span), tuple(lunch.name.span)) == ((12, 4, 12, 15), (12, 16, 12, 27))
    assert afternoon == n.Group(2, t("Afternoon"), dates=n.DateRange(n.DateValue(15, 10, 2025)),
                                time=n.TimeSlot(n.TimeOfDay(14, 30), n.TimeOfDay(18, 0)), is_break=True)
    assert (afternoon.from_heading, tuple(afternoon.time.span), tuple(afternoon.dates.span)) == (
        (), (14, 9, 14, 20), (15, 9, 15, 24))
    assert report == n.Item(n.NumberMark.EXPLICIT, t("Report"), n.Attr("2."))  # a break holds nothing


@pytest.mark.parametrize(("heading", "dates", "time", "name"), [
    ("# Part A", None, None, None),
    ("# Tuesday, 3 May 2005 at 2.30pm", n.DateRange(n.DateValue(3, 5, 2005, 1)), n.TimeSlot(n.TimeOfDay(14, 30)),
     n.RichText(())),
    ("## Sitting (10:00-13:00)", None, n.TimeSlot(n.TimeOfDay(10, 0), n.TimeOfDay(13, 0)), t("Sitting")),
    ("## Report on 2025", None, None, None),
    ("## Lunch at 12.30", None, None, None),
    ("## Session – 14:00", None, n.TimeSlot(n.TimeOfDay(14, 0)), t("Session")),
    # The dash of a range sets nothing off: this was read as the time 12.30 alone.
    ("## Morning 09.00-12.30", None, None, None),
    ("## Morning 09.00–12.30", None, None, None),
    ("## Morning - 09.00-12.30", None, n.TimeSlot(n.TimeOfDay(9, 0), n.TimeOfDay(12, 30)), t("Morning")),
])
def test_a_heading_gives_its_group_the_date_and_time_its_text_says(heading: str, dates, time, name) -> None:
    group = ok(heading + "\n1. A\n").body[0]
    assert (group.dates, group.time, group.name) == (dates, time, name)


def test_a_heading_date_without_year_takes_the_year_of_the_meeting_day_it_falls_on() -> None:
    agenda = ok("date: 30 December 2026 - 2 January 2027\n\n# 31 December\n1. A\n# 1 January\n2. B\n"
                "# Friday 1 January - Saturday 2 January\n3. C\n")
    assert [g.dates for g in agenda.body] == [
        n.DateRange(n.DateValue(31, 12, 2026)), n.DateRange(n.DateValue(1, 1, 2027)),
        n.DateRange(n.DateValue(1, 1, 2027, 4), n.DateValue(2, 1, 2027, 5))]


def test_a_heading_date_without_year_stays_so_without_a_meeting_year() -> None:
    assert ok("date: 31 December\n\n# 31 December\n1. A\n").body[0].dates == n.DateRange(n.DateValue(31, 12, None))
    assert ok("# 31 December\n1. A\n").body[0].dates == n.DateRange(n.DateValue(31, 12, None))


def test_a_heading_time_given_twice_says_the_heading_gave_it() -> None:
    assert found("## Morning, 09:00-12:00\n  @time 10:00\n1. A\n") == [
        ("duplicate-attribute", "this heading already has a time: its heading gives one", (2, 9, 2, 14),
         "keep one of the two", [((1, 1, 1, 24), "first given here")])]
    assert codes("# 3 May 2026\n  @date 4 May 2026\n1. A\n") == [
        ("duplicate-attribute", "this heading already has a date: its heading gives one", (2, 9, 2, 19))]


def test_a_heading_of_a_kind_alone_is_an_error_and_is_left_without_kind() -> None:
    text = "# H\n  @kind kind\n1. A\n"
    assert found(text) == [("invalid-kind", "'kind' alone says nothing about the meeting", (2, 9, 2, 13),
                            "write the kind: in person, virtual or hybrid", [])]
    assert parse(text).recovered is None and parse(text).agenda.body[0].kind is None


# ------------------------------------------------------------------ transformer and translations.py: two languages

BILINGUAL = """body: Lanzarote Committee
fr: Comité de Lanzarote
fr: Encore
date: 23 November 2020
fr: 23 novembre
language: en, fr
fields: Quorum
Quorum: ten
fr: dix··

> Documents.
fr: Les documents.
- bullet
  fr: puce

## Morning, 09:30-12:30
  fr: Matin, 9 h 30-12 h 30
  de: Morgen

1. Opening {#adoption}
   fr: Ouverture
   - Statement
     fr: Déclaration
   > Note one
   > two
   fr: Note un
   fr: deux
   1.1 Sub
   fr: Sous
   @time 09:30
   fr: bad

next meetings:
  - 7-11 December 2020
fr: x

[^1]: foot
fr: pied
fr: encore

annexes:
  fr: nothing
  - A. Annex
  fr: Annexe
""".replace("·", " ")

PUT = ("put the line 'fr: ...' right after an item's title, a heading, a note, a bullet, a footnote, an annex, "
       "or a header field such as 'body:' or 'title:'")


def test_each_translation_line_goes_on_the_text_above_it() -> None:
    result = parse(BILINGUAL)
    assert [(d.code, d.message, tuple(d.span), d.hint, [(tuple(r.span), r.message) for r in d.related])
            for d in result.diagnostics] == [
        ("duplicate-translation", "this text already has a translation into 'fr'", (3, 1, 3, 11),
         "keep one of the two lines", [((2, 1, 2, 24), "first given here")]),
        ("misplaced-translation", "a translation line translates the text just above it, and 'date:' is not "
         "translated", (5, 1, 5, 16), PUT, []),
        ("duplicate-translation", "this text already has a translation into 'fr'", (31, 4, 31, 11),
         "keep one of the two lines", [((21, 4, 21, 17), "first given here")]),
        ("misplaced-translation", "a translation line translates the text just above it, and 'next meetings:' is "
         "not translated", (35, 1, 35, 6), PUT, []),
        ("duplicate-translation", "this text already has a translation into 'fr'", (39, 1, 39, 11),
         "keep one of the two lines", [((38, 1, 38, 9), "first given here")]),
        ("misplaced-translation", "a translation line translates the text just above it, and 'annexes:' is not "
         "translated", (42, 3, 42, 14), PUT, []),
    ]
    agenda = result.recovered or result.agenda
    assert agenda.meeting.translations == (n.FieldTranslation("body", "fr", "Comité de Lanzarote"),
                                           n.FieldTranslation("Quorum", "fr", "dix"))
    assert [tuple(f.span) for f in agenda.meeting.translations] == [(2, 1, 2, 24), (9, 1, 9, 10)]
    text, morning, meetings, annexes = agenda.body
    assert text == n.TextBlock((n.Note((t("Documents."),), translations=(n.Translation("fr", (t("Les documents."),)),)),
                                n.Bullet(t("bullet"), translations=(n.Translation("fr", (t("puce"),)),))))
    assert morning.translations == (n.Translation("fr", (t("Matin, 9 h 30-12 h 30"),), name=t("Matin")),
                                    n.Translation("de", (t("Morgen"),)))
    opening = morning.body[0]
    assert opening.translations == (n.Translation("fr", (t("Ouverture"),)),)
    assert opening.notes == (
        n.Bullet(t("Statement"), translations=(n.Translation("fr", (t("Déclaration"),)),)),
        n.Note((t("Note one"), t("two")), translations=(n.Translation("fr", (t("Note un"), t("deux"))),)))
    assert tuple(opening.notes[1].translations[0].span) == (26, 4, 27, 12)
    assert opening.children[0].translations == (n.Translation("fr", (t("Sous"),)),)
    assert agenda.footnotes == (n.Footnote("1", t("foot"), translations=(n.Translation("fr", (t("pied"),)),)),)
    assert annexes.annexes == (n.Annex("A", t("Annex"), translations=(n.Translation("fr", (t("Annexe"),)),)),)
    assert meetings.meetings[0].dates == n.DateRange(n.DateValue(7, 12, 2020), n.DateValue(11, 12, 2020))


@pytest.mark.parametrize(("text", "after"), [
    ("fr: x\n\n1. A\n", None),
    ("language: en, fr\nstatus: draft\nfr: x\n\n1. A\n", "'status:' is not translated"),
    ("language: en, fr\nlocal times: UTC\nfr: x\n\n1. A\n", "'local times:' is not translated"),
    ("language: en, fr\n\n1. A\n\nparticipants:\n  - Ms X\nfr: y\n", "'participants:' is not translated"),
    ("language: en, fr\n\n1. A\n\ntable:\n  a | b\nfr: y\n", "'table:' is not translated"),
    ("language: en, fr\n\n1. A\n\npast meetings:\n  - 1 May 2020\nfr: y\n", "'past meetings:' is not translated"),
])
def test_a_translation_after_what_takes_none_names_it(text: str, after: str | None) -> None:
    where = after or "there is no text before it to translate"
    problems = codes(text)
    assert [(code, message) for code, message, _ in problems] == [
        ("misplaced-translation", f"a translation line translates the text just above it, and {where}")]


def test_a_translation_of_a_top_level_item_after_its_attributes_translates_its_title() -> None:
    item = ok("language: en, fr\n\n1. Opening\n   @time 09:30\nfr: Ouverture\n").body[0]
    assert item.translations == (n.Translation("fr", (t("Ouverture"),)),)
    assert tuple(item.translations[0].span) == (5, 1, 5, 14)


# ------------------------------------------------------------------ transformer: next and past meetings, participants,
# tables, annexes

MEETINGS = """date: 25 February 2025

1. Opening

next meetings:
  - 28-29 May 2025, A Coruña, in person, hosted by Igalia (tbc); see [the logistics](https://example.org/may)
  - 23-24 July 2025 (TBC), virtual
  - 15-19 March 2026 (tbc), Strasbourg (tbc), kind (tbc)
  - 28 June - 2 July 2026, "Agora building, Strasbourg", in person; joint meeting, with GRETA
  - 1 August 2026, host City (tbc)
  - 2 August 2026, Paris, Lyon
  - 3 August 2026, kind
  - 4 August 2026, virtual, hybrid
  - 5 Agust 2026, Paris
  - 6 August 2026; remark {#x}

past meetings:
  - 2017-02-24, IRC; #22, minutes circulated
"""


def test_each_next_meeting_has_its_dates_place_kind_host_remark_and_what_is_to_be_confirmed() -> None:
    result = parse(MEETINGS)
    assert [(d.code, d.message, tuple(d.span), d.hint, [(tuple(r.span), r.message) for r in d.related])
            for d in result.diagnostics] == [
        ("duplicate-field", "this meeting already has a place", (11, 27, 11, 31),
         'a place that contains a comma must be written in quotes: "City Hall, Room 2"',
         [((11, 20, 11, 25), "first given here")]),
        ("invalid-kind", "'kind' alone says nothing about the meeting", (12, 20, 12, 24),
         "write 'kind (tbc)' if its kind is not known yet, or the kind: in person, virtual or hybrid", []),
        ("duplicate-field", "this meeting already has a kind", (13, 29, 13, 35), "give each meeting at most one kind",
         [((13, 20, 13, 27), "first given here")]),
        ("date-syntax", "'Agust' is not part of a date", (14, 7, 14, 12),
         "did you mean 'August'? Write a date like 23 November 2020, Monday 23 November 2020, March 4, 2025, "
         "24/06/2025 or 2020-11-23; a range like 7-11 December 2020 or 28 June - 2 July 2021", []),
        ("misplaced-label", "a label '{#...}' belongs on an item line; it is ignored here", (15, 27, 15, 31),
         "move it to the end of the item's line", []),
    ]
    coming, past = result.agenda.body[1:]
    assert (coming.past, past.past, tuple(coming.span), tuple(past.span)) == (False, True, (5, 1, 5, 14),
                                                                              (17, 1, 17, 14))
    d = n.DateValue
    assert coming.meetings == (
        n.NextMeeting(n.DateRange(d(28, 5, 2025), d(29, 5, 2025)), place=n.Attr("A Coruña"),
                      kind=n.Attr(n.MeetingKind.IN_PERSON), host=n.Attr("Igalia"), host_tbc=True,
                      remark=n.RichText((n.Text("see "), n.Link("the logistics", "https://example.org/may")))),
        n.NextMeeting(n.DateRange(d(23, 7, 2025), d(24, 7, 2025)), dates_tbc=True, kind=n.Attr(n.MeetingKind.VIRTUAL)),
        n.NextMeeting(n.DateRange(d(15, 3, 2026), d(19, 3, 2026)), dates_tbc=True, place=n.Attr("Strasbourg"),
                      place_tbc=True, kind=n.Attr(None), kind_tbc=True),
        n.NextMeeting(n.DateRange(d(28, 6, 2026), d(2, 7, 2026)), place=n.Attr("Agora building, Strasbourg"),
                      kind=n.Attr(n.MeetingKind.IN_PERSON), remark=t("joint meeting, with GRETA")),
        n.NextMeeting(n.DateRange(d(1, 8, 2026)), host=n.Attr("City"), host_tbc=True),
        n.NextMeeting(n.DateRange(d(2, 8, 2026)), place=n.Attr("Paris")),
        n.NextMeeting(n.DateRange(d(3, 8, 2026)), kind=n.Attr(None)),
        n.NextMeeting(n.DateRange(d(4, 8, 2026)), kind=n.Attr(n.MeetingKind.VIRTUAL)),
        n.NextMeeting(n.DateRange(d(6, 8, 2026)), remark=t("remark")),
    )
    assert [tuple(m.span) for m in coming.meetings] == [
        (6, 3, 6, 110), (7, 3, 7, 35), (8, 3, 8, 57), (9, 3, 9, 94), (10, 3, 10, 35), (10 + 1, 3, 11, 31),
        (12, 3, 12, 24), (13, 3, 13, 35), (15, 3, 15, 31)]
    first = coming.meetings[0]
    assert [tuple(x.span) for x in (first.place, first.kind, first.host, first.remark)] == [
        (6, 21, 6, 29), (6, 31, 6, 40), (6, 42, 6, 58), (6, 66, 6, 110)]
    assert [tuple(x.span) for x in (coming.meetings[2].place, coming.meetings[2].kind, coming.meetings[3].place)] == [
        (8, 29, 8, 39), (8, 47, 8, 51), (9, 28, 9, 56)]
    assert past.meetings == (n.NextMeeting(n.DateRange(d(24, 2, 2017, iso=True)), place=n.Attr("IRC"),
                                           remark=t("#22, minutes circulated")),)


@pytest.mark.parametrize(("written", "host"), [("hosted by Igalia", "Igalia"), ("Hosted  By Igalia", "Igalia"),
                                               ("host Igalia", "Igalia"), ("HOST Ms X", "Ms X")])
def test_a_next_meetings_host_is_written_after_host_or_hosted_by(written: str, host: str) -> None:
    meeting = ok(f"1. A\n\nnext meetings:\n  - 1 May 2030, {written}\n").body[1].meetings[0]
    assert (meeting.host, meeting.host_tbc, meeting.place) == (n.Attr(host), False, None)


def test_a_quoted_place_and_a_place_that_starts_with_host() -> None:
    meetings = ok('1. A\n\nnext meetings:\n  - 1 May 2030, "Host City Hall"\n  - 2 May 2030, " 10 Downing Street "\n'
                  ).body[1].meetings
    assert [m.place for m in meetings] == [n.Attr("Host City Hall"), n.Attr("10 Downing Street")]


PARTICIPANTS = """1. Opening

participants:
  - Ms Jane Doe, Chair, Ireland, Dublin (voting)
  - Mr Yan Li, Rapporteur, EPP (Voting) (excused)
  - Ms Ana Ruiz (observer)
  - Mr B (non voting) (apologies)
  - Mr C (present)
  - Mr D,  , X (absent) (expected)
  - Mr E (Non-Voting)
"""


def test_each_participant_has_a_name_role_affiliation_voting_status_and_attendance() -> None:
    block = ok(PARTICIPANTS).body[1]
    assert block.people == (
        n.Participant("Ms Jane Doe", "Chair", "Ireland, Dublin", "voting"),
        n.Participant("Mr Yan Li", "Rapporteur", "EPP", "voting", "excused"),
        n.Participant("Ms Ana Ruiz", voting="observer"),
        n.Participant("Mr B", voting="non-voting", attendance="excused"),
        n.Participant("Mr C", attendance="present"),
        n.Participant("Mr D", None, "X", attendance="absent"),
        n.Participant("Mr E", voting="non-voting"),
    )
    assert [tuple(p.span) for p in block.people] == [(4, 3, 4, 49), (5, 3, 5, 50), (6, 3, 6, 27), (7, 3, 7, 34),
                                                     (8, 3, 8, 19), (9, 3, 9, 35), (10, 3, 10, 22)]
    assert tuple(block.span) == (3, 1, 3, 13)


TABLE = """1. A

table:
  | Emoji | Meaning |
  | :---: | --- |
  | a \\| b | [x](https://e.org) |
  |  | c |
  d | e |·
""".replace("·", " ")


def test_a_table_drops_markdowns_bars_and_rule_row_and_keeps_escaped_bars_and_empty_cells() -> None:
    table = ok(TABLE).body[1]
    assert table == n.Table((t("Emoji"), t("Meaning")), (
        (t("a | b"), n.RichText((n.Link("x", "https://e.org"),))),
        (n.RichText(()), t("c")),
        (t("d"), t("e"))))
    assert tuple(table.span) == (3, 1, 3, 6)
    assert [tuple(c.span) for c in table.header] == [(4, 4, 4, 11), (4, 12, 4, 21)]
    assert [[tuple(c.span) for c in row] for row in table.rows] == [
        [(6, 4, 6, 12), (6, 13, 6, 33)], [(7, 4, 7, 6), (7, 7, 7, 10)], [(8, 3, 8, 5), (8, 6, 8, 9)]]
    assert tuple(table.header[0].parts[0].span) == (4, 5, 4, 11)


def test_a_table_of_rule_rows_only_has_no_header() -> None:
    assert ok("1. A\n\ntable:\n  | --- | :--- |\n").body[1] == n.Table((), ())


ANNEXES = """1. A

annexes:
  - A. Auditors' report [BT(2026)07]
  - 12) List
  - AAAA Too long
  - B
  - 3
"""


def test_each_annex_has_its_label_and_title() -> None:
    result = parse(ANNEXES)
    assert [(d.code, d.message, tuple(d.span), d.hint) for d in result.diagnostics] == [
        ("invalid-annex", "an annex starts with its label: a letter or a number", (6, 3, 6, 18),
         "write it like '- A. Draft resolution' or '- 1 List of participants'")]
    block = result.agenda.body[1]
    assert block.annexes == (
        n.Annex("A", n.RichText((n.Text("Auditors' report "), n.DocRef("BT(2026)07")))),
        n.Annex("12", t("List")), n.Annex("?", t("AAAA Too long")), n.Annex("B", n.RichText(())),
        n.Annex("3", n.RichText(())))
    assert [tuple(a.span) for a in block.annexes] == [(4, 3, 4, 37), (5, 3, 5, 13), (6, 3, 6, 18), (7, 3, 7, 6),
                                                      (8, 3, 8, 6)]
    assert tuple(block.annexes[0].title.parts[0].span) == (4, 8, 4, 25)
    assert tuple(block.span) == (3, 1, 3, 8)


def test_a_footnote_has_its_label_and_text() -> None:
    agenda = ok("1. A[^note-1]\n\n[^note-1]: See [X] {annex A}.\n\nannexes:\n  - A. Annex\n")
    assert agenda.footnotes == (n.Footnote("note-1", n.RichText((n.Text("See "), n.DocRef("X"), n.Text(" "),
                                                                  n.AnnexRef("A"), n.Text(".")))),)
    assert tuple(agenda.footnotes[0].span) == (3, 1, 3, 30)
    assert agenda.body[0].title == n.RichText((n.Text("A"), n.FootnoteRef("note-1")))


# ------------------------------------------------------------------ when.py: times, zones and their errors
# Read at column 1 of line 1, so that a span's columns are the text's offsets plus one.


ONE = Span(1, 1, 1, 1)
T = n.TimeOfDay


def slot_of(text: str, language: str | None = None) -> tuple:
    """A slot's values with its span's columns and text, and those of its further slots."""
    s = parse_times(text, ONE, language)
    return (s.start, s.end, s.zone, s.approximate, s.open_end, (s.span.column, s.span.end_column), s.text,
            [(a.start, a.end, a.zone, (a.span.column, a.span.end_column), a.text) for a in s.also])


@pytest.mark.parametrize(("text", "expected"), [
    ("9:00 to noon", (T(9, 0), T(12, 0), None, False, False, (1, 13), "9:00 to noon", [])),
    ("noon", (T(12, 0), None, None, False, False, (1, 5), "noon", [])),
    ("midnight - 1:00", (T(0, 0), T(1, 0), None, False, False, (1, 16), "midnight - 1:00", [])),
    ("12 noon - 2 pm", (T(12, 0), T(14, 0), None, False, False, (1, 15), "12 noon - 2 pm", [])),
    ("9h05 - 10 h", (T(9, 5), T(10, 0), None, False, False, (1, 12), "9h05 - 10 h", [])),
    ("7:00 pm until midnight", (T(19, 0), T(24, 0), None, False, False, (1, 23), "7:00 pm until midnight", [])),
    ("20 hrs", (T(20, 0), None, None, False, False, (1, 7), "20 hrs", [])),
    ("ab 9:00", (T(9, 0), None, None, False, True, (1, 8), "ab 9:00", [])),
    ("dès 8 h 30", (T(8, 30), None, None, False, True, (1, 11), "dès 8 h 30", [])),
    ("à partir de 8 h 30", (T(8, 30), None, None, False, True, (1, 19), "à partir de 8 h 30", [])),
    ("between 9 am and 11 am", (T(9, 0), T(11, 0), None, False, False, (1, 23), "between 9 am and 11 am", [])),
    ("approx. from 9:00", (T(9, 0), None, None, True, True, (1, 18), "approx. from 9:00", [])),
    ("from approx. 9:00", (T(9, 0), None, None, True, True, (1, 18), "from approx. 9:00", [])),
    ("  9:00  ", (T(9, 0), None, None, False, False, (3, 7), "9:00", [])),
    ("  9:00 - 10:30  ", (T(9, 0), T(10, 30), None, False, False, (3, 15), "9:00 - 10:30", [])),
    ("9:00 am - 1", (T(9, 0), T(13, 0), None, False, False, (1, 12), "9:00 am - 1", [])),
    ("10 pm - 1 am", (T(22, 0), T(1, 0), None, False, False, (1, 13), "10 pm - 1 am", [])),
    ("11:30 - 1 pm", (T(11, 30), T(13, 0), None, False, False, (1, 13), "11:30 - 1 pm", [])),
    ("1 - 3 pm", (T(13, 0), T(15, 0), None, False, False, (1, 9), "1 - 3 pm", [])),
    ("10:00 pm - 11", (T(22, 0), T(23, 0), None, False, False, (1, 14), "10:00 pm - 11", [])),
    ("11 am - 1", (T(11, 0), T(13, 0), None, False, False, (1, 10), "11 am - 1", [])),
    ("09:00-12:30 and 14:00-18:00 UTC", (T(9, 0), T(12, 30), "UTC", False, False, (1, 32),
                                         "09:00-12:30 and 14:00-18:00 UTC",
                                         [(T(14, 0), T(18, 0), "UTC", (17, 28), "14:00-18:00")])),
    ("9:00, and 10:00", (T(9, 0), None, None, False, False, (1, 16), "9:00, and 10:00",
                         [(T(10, 0), None, None, (11, 16), "10:00")])),
    ("9:00; 10:00 et 11:00", (T(9, 0), None, None, False, False, (1, 21), "9:00; 10:00 et 11:00",
                              [(T(10, 0), None, None, (7, 12), "10:00"), (T(11, 0), None, None, (16, 21), "11:00")])),
    ("8 a.m. to 5 p.m. EDT (America/New_York)", (T(8, 0), T(17, 0), "America/New_York", False, False, (1, 40),
                                                 "8 a.m. to 5 p.m. EDT (America/New_York)", [])),
    ("9:00 (CET)", (T(9, 0), None, "UTC+01:00", False, False, (1, 11), "9:00 (CET)", [])),
    ("9:00 Europe/Paris (CET)", (T(9, 0), None, "Europe/Paris", False, False, (1, 24), "9:00 Europe/Paris (CET)", [])),
    ("0830-0900 GMT", (T(8, 30), T(9, 0), "UTC", False, False, (1, 14), "0830-0900 GMT", [])),
    ("9.00 UTC-03:30", (T(9, 0), None, "UTC-03:30", False, False, (1, 15), "9.00 UTC-03:30", [])),
    ("9.00 UTC−3", (T(9, 0), None, "UTC-03:00", False, False, (1, 11), "9.00 UTC−3", [])),
    ("9.00 UTC + 5:45", (T(9, 0), None, "UTC+05:45", False, False, (1, 16), "9.00 UTC + 5:45", [])),
    ("9.00 GMT+0", (T(9, 0), None, "UTC", False, False, (1, 11), "9.00 GMT+0", [])),
    ("9.00 UT", (T(9, 0), None, "UTC", False, False, (1, 8), "9.00 UT", [])),
    ("9.00 UTC+14", (T(9, 0), None, "UTC+14:00", False, False, (1, 12), "9.00 UTC+14", [])),
    ("9.00 utc+1:59", (T(9, 0), None, "UTC+01:59", False, False, (1, 14), "9.00 utc+1:59", [])),
    ("9.00 Pacific Time", (T(9, 0), None, "America/Los_Angeles", False, False, (1, 18), "9.00 Pacific Time", [])),
    ("9.00 pacific", (T(9, 0), None, "America/Los_Angeles", False, False, (1, 13), "9.00 pacific", [])),
    ("9.00 CEST", (T(9, 0), None, "UTC+02:00", False, False, (1, 10), "9.00 CEST", [])),
    ("9.00 EST", (T(9, 0), None, "UTC-05:00", False, False, (1, 9), "9.00 EST", [])),
])
def test_times_slots_and_zones_read_with_their_spans(text: str, expected: tuple) -> None:
    assert slot_of(text) == expected


@pytest.mark.parametrize(("text", "message", "start", "end", "code", "hint"), [
    ("", "a time is missing", 0, 1, None, TIME_HINT),
    ("   ", "a time is missing", 0, 1, None, TIME_HINT),
    ("9:3", "'9:3' is not a time", 0, 3, None, TIME_HINT),
    ("9h3", "'9h3' is not a time", 0, 3, None, TIME_HINT),
    ("9 h 5", "'9 h 5' is not a time", 0, 5, None, TIME_HINT),
    ("0830", "'0830' is not a time: write 08:30 (four digits only inside a slot like 0830-0900)", 0, 4, None,
     TIME_HINT),
    ("1305", "'1305' is not a time: write 13:05 (four digits only inside a slot like 0830-0900)", 0, 4, None,
     TIME_HINT),
    ("11", "'11' is not a time", 0, 2, None, TIME_HINT),
    ("11 - 2", "'11' is not a time", 0, 2, None, TIME_HINT),
    ("09 - 11 am", "'09' is not a time", 0, 2, None, TIME_HINT),
    ("9:00 - 11", "'11' is not a time", 7, 9, None, TIME_HINT),
    ("9.", "'9' is not a time", 0, 1, None, TIME_HINT),
    ("123", "'123' is not a time", 0, 3, None, TIME_HINT),
    ("x", "'x' is not a time", 0, 1, None, TIME_HINT),
    ("9:00-", "a time is missing at the end", 5, 6, None, TIME_HINT),
    ("between 9 and", "a time is missing at the end", 13, 14, None, TIME_HINT),
    ("from 9:00 to", "a time is missing at the end", 12, 13, None, TIME_HINT),
    ("between 9:00", "'between 9:00' has no end: write 'between 9:00 to ...'", 0, 12, None, TIME_HINT),
    ("de 18 h", "'de 18 h' has no end: write 'de 18 h to ...'", 0, 7, None, TIME_HINT),
    ("25:00", "'25:00' is not a time of day", 0, 5, "invalid-time",
     "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm"),
    ("09:75", "'09:75' is not a time of day", 0, 5, "invalid-time",
     "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm"),
    ("09:60", "'09:60' is not a time of day", 0, 5, "invalid-time",
     "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm"),
    ("24:30", "'24:30' is not a time of day", 0, 5, "invalid-time",
     "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm"),
    ("2400-2460", "'2460' is not a time of day", 5, 9, "invalid-time",
     "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm"),
    ("24:00-25:00", "'25:00' is not a time of day", 6, 11, "invalid-time",
     "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm"),
    ("13 pm", "'13 pm' is not a time: with am or pm, the hour goes from 1 to 12", 0, 5, None, TIME_HINT),
    ("0 am", "'0 am' is not a time: with am or pm, the hour goes from 1 to 12", 0, 4, None, TIME_HINT),
    ("24:00", "24:00 is allowed only as the end of a slot", 0, 5, None, TIME_HINT),
    ("24:00-01:00", "24:00 is allowed only as the end of a slot", 0, 5, None, TIME_HINT),
    ("9:00 Mars/Base", "'Mars/Base' is not a known time zone", 5, 14, "unknown-time-zone", ZONE_HINT),
    ("9:00 XYZT", "'XYZT' is not a known time zone", 5, 9, "unknown-time-zone", ZONE_HINT),
    ("9:00 UTC+15", "'UTC+15' is not a known time zone", 5, 11, "unknown-time-zone", ZONE_HINT),
    ("9:00 UTC+2:60", "'UTC+2:60' is not a known time zone", 5, 13, "unknown-time-zone", ZONE_HINT),
    ("9:00 ()", "a time zone is missing in '()'", 6, 7, None, ZONE_HINT),
    ("9:00 CET (Mars/Base)", "'Mars/Base' is not a known time zone", 10, 19, "unknown-time-zone", ZONE_HINT),
    ("9:00 Nowhere (CET)", "'Nowhere' is not a known time zone", 5, 12, "unknown-time-zone", ZONE_HINT),
])
def test_a_time_that_cannot_be_read_says_why_and_where(text: str, message: str, start: int, end: int,
                                                       code: str | None, hint: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_times(text, ONE)
    problem = caught.value
    assert (problem.message, str(problem), problem.start, problem.end, problem.code, problem.hint) == (
        message, message, start, end, code, hint)


def test_a_time_error_reaches_the_agenda_with_its_code_and_columns() -> None:
    assert found("time: 9:00 XYZT\n\n1. A\n   @time 25:00\n   @time 9:3\n") == [
        ("unknown-time-zone", "'XYZT' is not a known time zone", (1, 12, 1, 16), ZONE_HINT, []),
        ("invalid-time", "'25:00' is not a time of day", (4, 10, 4, 15),
         "write times as hours 00-23 and minutes 00-59, such as 09:30 or 9.30 pm", []),
        ("duplicate-attribute", "this item already has '@time'", (5, 10, 5, 13), "keep one of the two lines",
         [((4, 10, 4, 15), "first given here")]),
        ("time-syntax", "'9:3' is not a time", (5, 10, 5, 13), TIME_HINT, []),
    ]
    assert codes("1. A\n   @time 9:3\n") == [("time-syntax", "'9:3' is not a time", (2, 10, 2, 13))]


def test_a_very_long_number_in_a_message_is_cut() -> None:
    with pytest.raises(WhenError) as caught:
        parse_times("1" * 50, ONE)
    assert caught.value.message == "'" + "1" * 30 + "...' is not a time"


@pytest.mark.parametrize(("written", "zone"), [
    ("UTC", "UTC"), ("utc", "UTC"), ("GMT", "UTC"), ("UTC+0", "UTC"), ("UTC-00:00", "UTC"), ("UTC+2", "UTC+02:00"),
    ("UTC-03:30", "UTC-03:30"), ("UTC−5", "UTC-05:00"), ("GMT+0530", "UTC+05:30"), ("UTC+14", "UTC+14:00"),
    ("UTC+15", None), ("UTC+1:60", None), ("Europe/Paris", "Europe/Paris"), ("Europe/Nowhere", None),
    ("Pacific", "America/Los_Angeles"), ("Eastern Time", "America/New_York"),
    ("ET", "America/New_York"), ("Mountain", "America/Denver"), ("CEST", "UTC+02:00"),
    ("EDT", "UTC-04:00"), ("BST", "UTC+01:00"), ("JST", "UTC+09:00"), ("", None), ("   ", None),
    ("x" * 61, None), ("Pacific   Time", "America/Los_Angeles"),
])
def test_zone_names(written: str, zone: str | None) -> None:
    assert when.zone_name(written) == zone


def test_the_zone_as_written_is_kept_for_output() -> None:
    assert when.written_zone(parse_times("10:00 to 15:00 EDT (America/New_York)", ONE)) == "EDT (America/New_York)"
    assert when.written_zone(parse_times("10:00 UTC+2", ONE)) == "UTC+2"
    assert when.written_zone(parse_times("10:00", ONE)) is None
    assert when.written_zone(n.TimeSlot(T(10, 0), zone="Mars/Base", text="10:00 Mars/Base")) == "Mars/Base"


# ------------------------------------------------------------------ when.py: durations

@pytest.mark.parametrize(("text", "minutes", "parts", "columns", "written"), [
    ("15 min", 15, (), (1, 7), "15 min"), ("  15min  ", 15, (), (3, 8), "15min"), ("1.55 h", 93, (), (1, 7), "1.55 h"),
    ("1,5 h", 90, (), (1, 6), "1,5 h"), ("10+5 min", 15, (10, 5), (1, 9), "10+5 min"),
    ("10 min + 5 min", 15, (10, 5), (1, 15), "10 min + 5 min"), ("1h30", 90, (), (1, 5), "1h30"),
    ("20m", 20, (), (1, 4), "20m"), ("15'", 15, (), (1, 4), "15'"), ("15’", 15, (), (1, 4), "15’"),
    ("2 hours", 120, (), (1, 8), "2 hours"), ("1 std 5", 65, (), (1, 8), "1 std 5"),
    ("1 hour 30 minutes", 90, (), (1, 18), "1 hour 30 minutes"), ("10 + 5 h", 900, (600, 300), (1, 9), "10 + 5 h"),
    ("1 h + 15 min", 75, (60, 15), (1, 13), "1 h + 15 min"), ("2 Stunden", 120, (), (1, 10), "2 Stunden"),
    ("1 heure 15", 75, (), (1, 11), "1 heure 15"), ("45 mn", 45, (), (1, 6), "45 mn"),
    ("0.25 h", 15, (), (1, 7), "0.25 h"), ("12345 min", 12345, (), (1, 10), "12345 min"),
])
def test_durations_with_their_parts_and_spans(text: str, minutes: int, parts: tuple, columns: tuple,
                                              written: str) -> None:
    d = parse_duration(text, ONE)
    assert (d.minutes, d.parts, (d.span.column, d.span.end_column), d.text) == (minutes, parts, columns, written)


@pytest.mark.parametrize(("text", "message", "start", "end"), [
    ("", "a duration is missing", 0, 1),
    ("45", "'45' has no unit: write '45 min' or '45 h'", 0, 2),
    (" 45 ", "'45' has no unit: write '45 min' or '45 h'", 1, 3),
    ("15 min + 5", "'15 min + 5' has no unit: write '15 min + 5 min' or '15 min + 5 h'", 9, 10),
    ("1 h 2 h", "hours come before minutes", 6, 7),
    ("1 h 30 h", "hours come before minutes", 7, 8),
    ("x", "'x' is not a duration", 0, 1),
    ("+5 min", "'+' is not a duration", 0, 1),
    ("15 min x", "'x' is not part of a duration", 7, 8),
    ("123456 min", "'123456' is not a duration", 0, 6),
    ("1.1234 h", "'1234' is not a duration", 2, 6),
    ("5 + ", "a number is missing at the end", 3, 4),
    ("1.5 min", "'1.5 min' is not a whole number of minutes", 0, 7),
    ("0.01 h", "'0.01 h' is not a whole number of minutes", 0, 6),
    ("1.5 min + 1.5 min", "'1.5 min + 1.5 min' is not a whole number of minutes", 0, 17),
])
def test_a_duration_that_cannot_be_read_says_why_and_where(text: str, message: str, start: int, end: int) -> None:
    with pytest.raises(WhenError) as caught:
        parse_duration(text, ONE)
    assert (caught.value.message, caught.value.start, caught.value.end, caught.value.code, caught.value.hint) == (
        message, start, end, None, DURATION_HINT)


def test_a_duration_error_is_a_time_syntax_error_on_the_attribute() -> None:
    assert found("1. A\n   @duration 45\n") == [
        ("time-syntax", "'45' has no unit: write '45 min' or '45 h'", (2, 14, 2, 16), DURATION_HINT, [])]
    assert parse("1. A\n   @duration 45\n").agenda.body[0].duration is None


# ------------------------------------------------------------------ when.py: dates

D = n.DateValue


def range_of(text: str, language: str | None = None) -> tuple:
    """A date range's values, with the columns of each date, of the range, and its text."""
    r = parse_dates(text, ONE, language)
    dates = [r.start, *([r.end] if r.end else []), *r.days]
    return (r.start, r.end, r.days, r.open_end, [(d.span.column, d.span.end_column) for d in dates],
            (r.span.column, r.span.end_column), r.text)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("4 June 2025 - ?", None, (D(4, 6, 2025), None, (), True, [(1, 12)], (1, 16), "4 June 2025 - ?")),
    ("from 11 December 2025", None, (D(11, 12, 2025), None, (), True, [(6, 22)], (1, 22), "from 11 December 2025")),
    ("à partir du 11 décembre 2025", "fr", (D(11, 12, 2025), None, (), True, [(13, 29)], (1, 29),
                                           "à partir du 11 décembre 2025")),
    ("du 3 au 5 mai 2026", "fr", (D(3, 5, 2026), D(5, 5, 2026), (), False, [(4, 5), (9, 19)], (1, 19),
                                  "du 3 au 5 mai 2026")),
    ("Le mardi 4 octobre 2005", "fr", (D(4, 10, 2005, 1), None, (), False, [(4, 24)], (1, 24),
                                       "Le mardi 4 octobre 2005")),
    ("le 4 octobre 2005", "fr", (D(4, 10, 2005), None, (), False, [(4, 18)], (1, 18), "le 4 octobre 2005")),
    ("the 4th June 2025", None, (D(4, 6, 2025), None, (), False, [(5, 18)], (1, 18), "the 4th June 2025")),
    ("am 7. März 2022", "de", (D(7, 3, 2022), None, (), False, [(4, 16)], (1, 16), "am 7. März 2022")),
    ("8, 9, and 10 October 2025", None, (D(8, 10, 2025), None, (D(9, 10, 2025), D(10, 10, 2025)), False,
                                         [(1, 2), (4, 5), (11, 26)], (1, 26), "8, 9, and 10 October 2025")),
    ("8 et 9 octobre 2025", "fr", (D(8, 10, 2025), None, (D(9, 10, 2025),), False, [(1, 2), (6, 20)], (1, 20),
                                   "8 et 9 octobre 2025")),
    ("8 & 9 October 2025", None, (D(8, 10, 2025), None, (D(9, 10, 2025),), False, [(1, 2), (5, 19)], (1, 19),
                                  "8 & 9 October 2025")),
    ("Tuesday-Wednesday, October 28-29, 2025", None, (D(28, 10, 2025, 1), D(29, 10, 2025, 2), (), False,
                                                      [(20, 30), (31, 39)], (1, 39),
                                                      "Tuesday-Wednesday, October 28-29, 2025")),
    ("mardi-jeudi 14-16 avril 2026", "fr", (D(14, 4, 2026, 1), D(16, 4, 2026, 3), (), False, [(13, 15), (16, 29)],
                                            (1, 29), "mardi-jeudi 14-16 avril 2026")),
    ("Monday 23 - Tuesday 24 November 2020", None, (D(23, 11, 2020, 0), D(24, 11, 2020, 1), (), False,
                                                    [(1, 10), (13, 37)], (1, 37),
                                                    "Monday 23 - Tuesday 24 November 2020")),
    ("30 December - 2 January 2027", None, (D(30, 12, 2026), D(2, 1, 2027), (), False, [(1, 12), (15, 29)], (1, 29),
                                            "30 December - 2 January 2027")),
    ("30 November - 2 December 2026", None, (D(30, 11, 2026), D(2, 12, 2026), (), False, [(1, 12), (15, 30)],
                                             (1, 30), "30 November - 2 December 2026")),
    ("March 4-6, 2025", None, (D(4, 3, 2025), D(6, 3, 2025), (), False, [(1, 8), (9, 16)], (1, 16),
                               "March 4-6, 2025")),
    ("March 30 - April 2, 2025", None, (D(30, 3, 2025), D(2, 4, 2025), (), False, [(1, 9), (12, 25)], (1, 25),
                                        "March 30 - April 2, 2025")),
    ("Oct 28", None, (D(28, 10, None), None, (), False, [(1, 7)], (1, 7), "Oct 28")),
    ("18-Feb-2016", None, (D(18, 2, 2016), None, (), False, [(1, 12)], (1, 12), "18-Feb-2016")),
    ("18-Feb", None, (D(18, 2, None), None, (), False, [(1, 7)], (1, 7), "18-Feb")),
    ("Thu 18-Feb-2016", None, (D(18, 2, 2016, 3), None, (), False, [(1, 16)], (1, 16), "Thu 18-Feb-2016")),
    ("3.9.2024", None, (D(3, 9, 2024), None, (), False, [(1, 9)], (1, 9), "3.9.2024")),
    ("03/09/2024", "en-US", (D(9, 3, 2024), None, (), False, [(1, 11)], (1, 11), "03/09/2024")),
    ("03/09/2024", "en", (D(3, 9, 2024), None, (), False, [(1, 11)], (1, 11), "03/09/2024")),
    ("03/09/2024", "fr", (D(3, 9, 2024), None, (), False, [(1, 11)], (1, 11), "03/09/2024")),
    ("24-06-2025", None, (D(24, 6, 2025), None, (), False, [(1, 11)], (1, 11), "24-06-2025")),
    ("2025/06/24", None, (D(24, 6, 2025), None, (), False, [(1, 11)], (1, 11), "2025/06/24")),
    ("2025-06-24", None, (D(24, 6, 2025, iso=True), None, (), False, [(1, 11)], (1, 11), "2025-06-24")),
    ("2025.06.24", None, (D(24, 6, 2025), None, (), False, [(1, 11)], (1, 11), "2025.06.24")),
    ("21st October 2025", None, (D(21, 10, 2025), None, (), False, [(1, 18)], (1, 18), "21st October 2025")),
    ("1er mai 2026", "fr", (D(1, 5, 2026), None, (), False, [(1, 13)], (1, 13), "1er mai 2026")),
    ("Montag, 7. März 2022", "de", (D(7, 3, 2022, 0), None, (), False, [(1, 21)], (1, 21), "Montag, 7. März 2022")),
    ("Mon. 23 Nov. 2020", None, (D(23, 11, 2020, 0), None, (), False, [(1, 18)], (1, 18), "Mon. 23 Nov. 2020")),
    ("Sept 4 2025", None, (D(4, 9, 2025), None, (), False, [(1, 12)], (1, 12), "Sept 4 2025")),
    ("Thurs, March 4, 2025", None, (D(4, 3, 2025, 3), None, (), False, [(1, 21)], (1, 21), "Thurs, March 4, 2025")),
    ("4, 5 June 2025", None, (D(4, 6, 2025), None, (D(5, 6, 2025),), False, [(1, 2), (4, 15)], (1, 15),
                              "4, 5 June 2025")),
    ("from 4 to 6 June 2025", None, (D(4, 6, 2025), D(6, 6, 2025), (), False, [(6, 7), (11, 22)], (1, 22),
                                     "from 4 to 6 June 2025")),
    ("2025-06-04 - 2025-06-06", None, (D(4, 6, 2025, iso=True), D(6, 6, 2025, iso=True), (), False,
                                       [(1, 11), (14, 24)], (1, 24), "2025-06-04 - 2025-06-06")),
    ("4 June 2025 -- 5 June 2025", None, (D(4, 6, 2025), D(5, 6, 2025), (), False, [(1, 12), (16, 27)], (1, 27),
                                          "4 June 2025 -- 5 June 2025")),
    ("4 June 2025 through 6 June 2025", None, (D(4, 6, 2025), D(6, 6, 2025), (), False, [(1, 12), (21, 32)],
                                               (1, 32), "4 June 2025 through 6 June 2025")),
    ("June 4, 25", None, (D(4, 6, None), None, (D(25, 6, None),), False, [(1, 7), (9, 11)], (1, 11), "June 4, 25")),
    ("  4 June 2025  ", None, (D(4, 6, 2025), None, (), False, [(3, 14)], (3, 14), "4 June 2025")),
    ("31 February 2026", None, (D(31, 2, 2026), None, (), False, [(1, 17)], (1, 17), "31 February 2026")),
])
def test_dates_ranges_and_lists_with_their_spans(text: str, language: str | None, expected: tuple) -> None:
    assert range_of(text, language) == expected


@pytest.mark.parametrize(("text", "language", "message", "start", "end", "code", "hint"), [
    ("", None, "a date is missing", 0, 1, None, DATE_HINT),
    ("23 Novembr 2020", None, "'Novembr' is not part of a date", 3, 10, None,
     "did you mean 'November'? Write a date like 23 November 2020, Monday 23 November 2020, March 4, 2025, "
     "24/06/2025 or 2020-11-23; a range like 7-11 December 2020 or 28 June - 2 July 2021"),
    ("Novmber 4", None, "'Novmber' is not a month or a weekday", 0, 7, None,
     "did you mean 'November'? Write a date like 23 November 2020, Monday 23 November 2020, March 4, 2025, "
     "24/06/2025 or 2020-11-23; a range like 7-11 December 2020 or 28 June - 2 July 2021"),
    ("Mondy 4 June 2025", None, "'Mondy' is not a month or a weekday", 0, 5, None,
     "did you mean 'Monday'? " + DATE_HINT[0].upper() + DATE_HINT[1:]),
    ("Tusday 4 June 2025", None, "'Tusday' is not a month or a weekday", 0, 6, None,
     "did you mean 'Tuesday'? " + DATE_HINT[0].upper() + DATE_HINT[1:]),
    ("4 jnui 2025", "de", "'jnui' is not part of a date", 2, 6, None,
     "did you mean 'Juni'? " + DATE_HINT[0].upper() + DATE_HINT[1:]),
    ("Xyz 4", None, "'Xyz' is not a month or a weekday", 0, 3, None, DATE_HINT),
    ("Mo 4 June 2025", None, "'Mo' is not a month or a weekday", 0, 2, None, DATE_HINT),
    ("4 June 2025 ab", None, "'ab' is not part of a date", 12, 14, None, DATE_HINT),
    ("23/13/2020", None, "'13' is not a month (read as day/month/year)", 3, 5, None, DATE_HINT),
    ("13/23/2020", "en-US", "'13' is not a month (read as month/day/year)", 0, 2, None, DATE_HINT),
    ("2020-13-01", None, "'13' is not a month (read as year-month-day)", 5, 7, None, DATE_HINT),
    ("2020-00-01", None, "'00' is not a month (read as year-month-day)", 5, 7, None, DATE_HINT),
    ("2020-11-32", None, "'32' is not a day of the month", 8, 10, None, DATE_HINT),
    ("2020-11-00", None, "'00' is not a day of the month", 8, 10, None, DATE_HINT),
    ("32/11/2020", None, "'32' is not a day of the month", 0, 2, None, DATE_HINT),
    ("24/06/25", None, "'25' is not a year: write the year with four digits (24/06/2025)", 6, 8, None, DATE_HINT),
    ("123/06/25", None, "'123' is not a year: write the year with four digits (2025-06-24)", 0, 3, None, DATE_HINT),
    ("123/06/2025", None, "'123' is not a day", 0, 3, None, DATE_HINT),
    ("24/123/2025", None, "'123' is not a month", 3, 6, None, DATE_HINT),
    ("2025/123/01", None, "'123' is not a month", 5, 8, None, DATE_HINT),
    ("24 June 25", None, "'25' is not a year: write the year with four digits", 8, 10, None, DATE_HINT),
    ("4 June 1", None, "'1' is not a year: write the year with four digits", 7, 8, None, DATE_HINT),
    ("4 June 202", None, "'202' is not a year: write the year with four digits", 7, 10, None, DATE_HINT),
    ("March", None, "'March' has no day", 0, 5, None, DATE_HINT),
    ("Monday", None, "'Monday' has no day", 0, 6, None, DATE_HINT),
    ("Monday,", None, "'Monday,' has no day", 0, 7, None, DATE_HINT),
    ("32 June 2025", None, "'32' is not a day of the month", 0, 2, "impossible-date", DATE_HINT),
    ("0 June 2025", None, "'0' is not a day of the month", 0, 1, "impossible-date", DATE_HINT),
    ("123 June 2025", None, "'123' is not a day", 0, 3, None, DATE_HINT),
    ("4 June 2025 -", None, "a date is missing at the end", 13, 14, None, DATE_HINT),
    ("4 June 2025 to", None, "a date is missing at the end", 14, 15, None, DATE_HINT),
    ("18-Feb-", None, "a year is missing", 7, 8, None, DATE_HINT),
    ("4 - 6", None, "'4' has no month", 0, 1, None, DATE_HINT),
    ("Tuesday 4", None, "'Tuesday 4' has no month", 0, 9, None, DATE_HINT),
    ("4 x", None, "'x' is not part of a date", 2, 3, None, DATE_HINT),
    ("(", None, "'(' is not part of a date", 0, 1, None, DATE_HINT),
    ("the 4th of June", None, "'of' is not part of a date", 8, 10, None, DATE_HINT),
    ("from 4 June 2025 and 5", None, "'and' is not part of a date", 17, 20, None, DATE_HINT),
    ("Tuesday-Wednesday 28 October 2025", None, "a range of weekdays needs a range of dates", 0, 17, None,
     "write both, like 'Tuesday-Wednesday, October 28-29, 2025', or one weekday and one date"),
    ("Tuesday-Wednesday 28, 29 October 2025", None, "a range of weekdays needs a range of dates", 0, 17, None,
     "write both, like 'Tuesday-Wednesday, October 28-29, 2025', or one weekday and one date"),
    ("Tuesday-Wednesday, Thursday 28 - 29 October 2025", None, "this date has its weekday twice", 19, 30, None,
     "write the weekdays once: before the dates or with each date"),
])
def test_a_date_that_cannot_be_read_says_why_and_where(text: str, language: str | None, message: str, start: int,
                                                       end: int, code: str | None, hint: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_dates(text, ONE, language)
    problem = caught.value
    assert (problem.message, problem.start, problem.end, problem.code, problem.hint) == (
        message, start, end, code, hint)


def test_a_date_error_reaches_the_agenda_with_its_code_and_columns() -> None:
    assert codes("date: 32 June 2025\n\n1. A\n") == [
        ("impossible-date", "'32' is not a day of the month", (1, 7, 1, 9))]
    assert codes("date: 4 June 2025 x\n\n1. A\n") == [("date-syntax", "'x' is not part of a date", (1, 19, 1, 20))]
    assert codes("1. A\n   @docs [X] of 4 Jnue 2025\n") == [("date-syntax", "'Jnue' is not part of a date",
                                                           (2, 19, 2, 23))]


# ------------------------------------------------------------------ transformer: where other translation lines go

def test_a_top_level_bullets_translation_and_a_second_one() -> None:
    text = "language: en, fr\n\n- bullet\nfr: puce\n- two\n  fr: deux\n  fr: again\n\n1. A\n"
    assert found(text) == [("duplicate-translation", "this text already has a translation into 'fr'", (7, 3, 7, 12),
                            "keep one of the two lines", [((6, 3, 6, 11), "first given here")])]
    assert parse(text).agenda.body[0] == n.TextBlock((
        n.Bullet(t("bullet"), translations=(n.Translation("fr", (t("puce"),)),)),
        n.Bullet(t("two"), translations=(n.Translation("fr", (t("deux"),)),))))


@pytest.mark.parametrize(("text", "span"), [
    ("language: en, fr\n\n>\nfr: nothing\n\n1. A\n", (4, 1, 4, 12)),
    ("language: en, fr\n\n1. A\n   >\n   fr: x\n", (5, 4, 5, 9)),
    ("language: en, fr\n\n# H\n  >\n  fr: x\n\n1. A\n", (5, 3, 5, 8)),
])
def test_a_translation_after_a_bare_marker_translates_nothing(text: str, span: tuple) -> None:
    assert codes(text) == [("misplaced-translation", "a translation line translates the text just above it, and "
                            "there is no text before it to translate", span)]


def test_a_top_level_headings_translation_after_its_notes() -> None:
    group = ok("language: en, fr\n\n# Part\n  > note\nfr: Partie\n\n1. A\n").body[0]
    assert (group.translations, group.notes) == ((n.Translation("fr", (t("Partie"),)),), (n.Note((t("note"),)),))
    assert tuple(group.translations[0].span) == (5, 1, 5, 11)


def test_translations_of_sub_items_and_sub_bullets_and_their_duplicates() -> None:
    text = ("language: en, fr\n\n1. A\n   1.1 Sub\n   fr: Sous\n   fr: Sous encore\n   - b\n     - c\n"
            "     fr: cc\n     fr: cc2\n")
    assert codes(text) == [
        ("duplicate-translation", "this text already has a translation into 'fr'", (6, 4, 6, 19)),
        ("duplicate-translation", "this text already has a translation into 'fr'", (10, 6, 10, 13))]
    item = parse(text).agenda.body[0]
    assert item.children[0].translations == (n.Translation("fr", (t("Sous"),)),)
    cc = n.Bullet(t("c"), translations=(n.Translation("fr", (t("cc"),)),))
    assert item.notes == (n.Bullet(t("b"), children=(cc,)),)


def test_a_headings_bullet_takes_its_translation() -> None:
    group = ok("language: en, fr\n\n# H\n  - b\n  fr: bb\n\n1. A\n").body[0]
    assert group.notes == (n.Bullet(t("b"), translations=(n.Translation("fr", (t("bb"),)),)),)
    assert group.translations == ()


def test_an_annex_translation_given_twice_and_a_footnote_translation() -> None:
    text = "language: en, fr\n\n1. A\n\nannexes:\n  - A. Annex\n  fr: Annexe\n  fr: Encore\n"
    assert codes(text) == [("duplicate-translation", "this text already has a translation into 'fr'", (8, 3, 8, 13))]


# ------------------------------------------------------------------ transformer: the space after an item number

@pytest.mark.parametrize(("line", "message", "span", "title", "title_span"), [
    ("1.\u00a0Opening", "a no-break space (U+00A0) follows the item number; it is read as a space", (1, 3, 1, 4),
     "Opening", (1, 4, 1, 11)),
    ("1.\tTwo", "a tab follows the item number; it is read as a space", (1, 3, 1, 4), "Two", (1, 4, 1, 7)),
    ("1.\u202f\u00a0 Three", "a narrow no-break space (U+202F) follows the item number; it is read as a space",
     (1, 3, 1, 6), "Three", (1, 6, 1, 11)),
    ("1.\t\u00a0Four", "a tab follows the item number; it is read as a space", (1, 3, 1, 4), "\u00a0Four",
     (1, 4, 1, 9)),
    ("#.\u00a0Auto", "a no-break space (U+00A0) follows the item number; it is read as a space", (1, 3, 1, 4),
     "Auto", (1, 4, 1, 8)),
])
def test_an_odd_space_after_an_item_number_is_read_as_a_space_with_a_warning(line: str, message: str, span: tuple,
                                                                             title: str, title_span: tuple) -> None:
    result = parse(line + "\n")
    assert found(line + "\n") == [("space-after-number", message, span,
                                   "write an ordinary space there; 'agenda fmt' does it for you", [])]
    item = result.agenda.body[0]
    assert item.title == t(title)
    assert tuple(item.title.parts[0].span) == title_span


def test_a_no_break_space_alone_after_a_number_leaves_no_title() -> None:
    item = parse("5.\u00a0\n").agenda.body[0]
    assert (item.title, tuple(item.span)) == (n.RichText(()), (1, 1, 1, 3))


# ------------------------------------------------------------------ inline.py: text, references, links, escapes



def pieces(text: str, column: int = 1) -> tuple[list, list]:
    """The parts of an inline text written from ``column`` of line 2, each with its columns, and its anchors."""
    token = Token("INLINE", text, 0, 2, column, 2, column + len(text), len(text))
    rich, anchors = split(token, Span(2, 1, 2, column + len(text)))
    return ([(p, p.span.column, p.span.end_column) for p in rich.parts],
            [(a.value, a.span.column, a.span.end_column) for a in anchors])


@pytest.mark.parametrize(("text", "parts", "anchors"), [
    ("Budget 2027 [draft", [(n.Text("Budget 2027 [draft"), 5, 23)], []),
    ("Score {1-5}", [(n.Text("Score {1-5}"), 5, 16)], []),
    ("x [] y", [(n.Text("x [] y"), 5, 11)], []),
    ("[ ] ballot", [(n.Text("[ ] ballot"), 5, 15)], []),
    (r"\[draft\] \{ad hoc\} \\ C:\files", [(n.Text("[draft] {ad hoc} \\ C:\\files"), 5, 37)], []),
    ("see [A\\]B] ok", [(n.Text("see "), 5, 9), (n.DocRef("A]B"), 9, 15), (n.Text(" ok"), 15, 18)], []),
    ("see [ T-ES(2020)23 ]", [(n.Text("see "), 5, 9), (n.DocRef("T-ES(2020)23"), 9, 25)], []),
    ("[t](javascript:alert(1))", [(n.Text("[t](javascript:alert(1))"), 5, 29)], []),
    ("[t](https://a.org/(x))", [(n.Link("t", "https://a.org/(x)"), 5, 27)], []),
    ("[a\\](b)](https://e.org)", [(n.Link("a](b)", "https://e.org"), 5, 28)], []),
    ("mailto:a@b.org.", [(n.Link("mailto:a@b.org", "mailto:a@b.org", bare=True), 5, 19), (n.Text("."), 19, 20)], []),
    ("go https://e.org/a, then", [(n.Text("go "), 5, 8), (n.Link("https://e.org/a", "https://e.org/a", bare=True),
                                                          8, 23), (n.Text(", then"), 23, 29)], []),
    ("http://", [(n.Text("http://"), 5, 12)], []),
    ("ftp://x.org", [(n.Text("ftp://x.org"), 5, 16)], []),
    ("{annex  B} {annex B12} {annexe B}", [(n.AnnexRef("B"), 5, 15), (n.Text(" "), 15, 16), (n.AnnexRef("B12"), 16, 27),
                                           (n.Text(" {annexe B}"), 27, 38)], []),
    ("[^1] [^note_2-x]", [(n.FootnoteRef("1"), 5, 9), (n.Text(" "), 9, 10), (n.FootnoteRef("note_2-x"), 10, 21)], []),
    ("[^] [\\^1]", [(n.DocRef("^"), 5, 8), (n.Text(" "), 8, 9), (n.DocRef("^1"), 9, 14)], []),
    ("{#lab} Title", [(n.Text("Title"), 12, 17)], [("lab", 5, 11)]),
    ("Title {#lab}", [(n.Text("Title"), 5, 11)], [("lab", 11, 17)]),
    ("Title {#lab} rest", [(n.Text("Title rest"), 5, 22)], [("lab", 11, 17)]),
    ("Title {#a b} {#}", [(n.Text("Title"), 5, 11)], [("a b", 11, 17), ("", 18, 21)]),
    ("  lead  ", [(n.Text("lead"), 7, 13)], []),
    ("  [X]  ", [(n.DocRef("X"), 7, 10)], []),
    ("\t Tab [X]\t ", [(n.Text("Tab "), 7, 11), (n.DocRef("X"), 11, 14)], []),
    ("[X] end \t", [(n.DocRef("X"), 5, 8), (n.Text(" end"), 8, 14)], []),
    ("Humm hmm https", [(n.Text("Humm hmm https"), 5, 19)], []),
    ("x{y}z {a.b-c_d}", [(n.Text("x"), 5, 6), (n.XRef("y"), 6, 9), (n.Text("z "), 9, 11), (n.XRef("a.b-c_d"), 11, 20)],
     []),
    ("{é} \\x", [(n.Text("{é} \\x"), 5, 11)], []),
    ("a]b} c\\", [(n.Text("a]b} c\\"), 5, 12)], []),
])
def test_inline_text_splits_into_its_parts(text: str, parts: list, anchors: list) -> None:
    assert pieces(text, column=5) == (parts, anchors)


def test_no_text_after_a_marker_is_an_empty_text_spanning_the_line() -> None:
    rich, anchors = split(None, Span(4, 2, 4, 3))
    assert (rich, tuple(rich.span), anchors) == (n.RichText(()), (4, 2, 4, 3), [])


@pytest.mark.parametrize(("url", "safe"), [
    (None, None), ("", None), ("https://e.org", "https://e.org"), ("HTTPS://e.org", "HTTPS://e.org"),
    ("http://e.org", "http://e.org"), ("mailto:a@b", "mailto:a@b"), ("MAILTO:a@b", "MAILTO:a@b"), ("mailto:", None),
    ("http:e.org", None), ("javascript:x", None), ("java\tscript:x", None), ("https://e.org/&amp;", "https://e.org/&amp;"),
    ("&#106;avascript:x", None), ("https&#58;//e.org", "https&#58;//e.org"), ("https://e.org/\u200b", None),
    ("https://e.org/\u202e", None), (" https://e.org ", "https://e.org"), ("https:", None), ("ftp://x", None),
    ("no scheme", None), ("https://e.org/\u2028", None),
])
def test_only_http_https_and_mailto_addresses_are_safe(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe


# ------------------------------------------------------------------ docrefs.py: series patterns, membership and links



@pytest.mark.parametrize(("pattern", "regex", "ignore_case"), [
    ("T-ES({year}){n}", r"T\-ES\((?P<year>[0-9]{4})\)(?P<n>[0-9]+)", False),
    ("RFC {n}", r"RFC\ (?P<n>[0-9]+)", False),
    ("X{n}-{n}", r"X(?P<n>[0-9]+)\-(?P=n)", False),
    ("A/HRC/{text}", r"A/HRC/(?P<text>\S+?)", False),
    ("CM({year}){n}{suffix}", r"CM\((?P<year>[0-9]{4})\)(?P<n>[0-9]+)(?P<suffix>" + docrefs.SUFFIX + ")", True),
])
def test_a_series_pattern_becomes_a_regular_expression(pattern: str, regex: str, ignore_case: bool) -> None:
    compiled = docrefs.compile_pattern(pattern)
    assert (compiled.pattern, bool(compiled.flags & 2)) == (regex, ignore_case)


@pytest.mark.parametrize(("pattern", "message", "hint"), [
    ("X{bad}", "unknown placeholder {bad}; use {year}, {n}, {text}, {suffix}", None),
    ("X {n} javascript:alert(1)", "the URL javascript:alert(1) has the scheme 'javascript:', which is not allowed; a "
     "series URL starts with http://, https:// or mailto:",
     "write the documents' address with http://, https:// or mailto:, or leave the URL out"),
    ("X {n} HTTPS://x/{ref}", "the URL HTTPS://x/{ref} has its scheme 'HTTPS:' in capitals",
     "write the scheme in lower case: https://x/{ref}"),
    ("X {n} Mailto:a@b", "the URL Mailto:a@b has its scheme 'Mailto:' in capitals",
     "write the scheme in lower case: mailto:a@b"),
])
def test_a_series_pattern_that_cannot_be_used_says_why(pattern: str, message: str, hint: str | None) -> None:
    with pytest.raises(docrefs.SeriesError) as caught:
        docrefs.compile_pattern(pattern)
    assert (str(caught.value), caught.value.hint) == (message, hint)


@pytest.mark.parametrize(("pattern", "text", "matches"), [
    ("CM({year}){n}{suffix}", "CM(2020)26", True), ("CM({year}){n}{suffix}", "cm(2020)26-FINAL", True),
    ("CM({year}){n}{suffix}", "CM(2020)26add1", True), ("CM({year}){n}{suffix}", "CM(2020)26 Corr.1", True),
    ("CM({year}){n}{suffix}", "CM(2020)26xyz", False), ("CM({year}){n}", "cm(2020)26", False),
    ("X{n}-{n}", "X12-12", True), ("X{n}-{n}", "X12-13", False), ("T-ES({year}){n}", "T-ES(20)23", False),
])
def test_a_reference_matches_its_series_shape(pattern: str, text: str, matches: bool) -> None:
    series = n.Series("S", pattern)
    assert docrefs.compiled(series, (series,)).fullmatch(text) is not None is matches or \
        docrefs.matches(n.DocRef(text), series) is matches
    assert docrefs.matches(n.DocRef(text), series) is matches


SERIES = (n.Series("T-ES", "T-ES({year}){n}", "https://rm.coe.int/{ref}"), n.Series("T", "T{n}"),
          n.Series("A/HRC", "A/HRC/{text}", "https://undocs.org/{ref}"),
          n.Series("gh", "gh-{n}", "https://github.com/x/issues/{n}?y={year}"),
          n.Series("bad", "bad{n}", "javascript:{ref}"), n.Series("T", "T-{n}"),
          n.Series("Q", "Q{bad}", "https://q/{ref}"), n.Series("RFC", "RFC {n}", "https://www.rfc-editor.org/rfc/rfc{n}"))


@pytest.mark.parametrize(("text", "name", "url"), [
    ("T-ES(2020)23", "T-ES", "https://rm.coe.int/T-ES%282020%2923"),
    ("T-ES(20)23", "T-ES", "https://rm.coe.int/T-ES%2820%2923"),
    ("T5", "T", None),
    ("A/HRC/59/1", "A/HRC", "https://undocs.org/A/HRC/59/1"),
    ("gh-118", "gh", "https://github.com/x/issues/118?y={year}"),
    ("RFC 9110", "RFC", "https://www.rfc-editor.org/rfc/rfc9110"),
    ("Z1", None, None),
    ("bad1", "bad", None),
    ("Q1", "Q", None),
])
def test_a_reference_belongs_to_the_longest_series_name_and_links_to_its_url(text: str, name: str | None,
                                                                              url: str | None) -> None:
    owner, link = docrefs.link(n.DocRef(text), SERIES)
    assert (owner.name if owner else None, link) == (name, url)
    assert owner is docrefs.series_of(n.DocRef(text), SERIES)


def test_the_first_of_two_series_of_one_name_is_the_one() -> None:
    assert docrefs.series_of(n.DocRef("T-5"), SERIES) is SERIES[1]


def test_url_for_fills_the_placeholders_and_encodes_the_reference() -> None:
    series = n.Series("CM", "CM({year}){n}{suffix}", "https://x/{year}/{n}/{suffix}/{ref}/{other}")
    docrefs.compiled(series, (series,))
    assert docrefs.url_for(n.DocRef("CM(2020)26 add1"), series) == "https://x/2020/26/%20add1/CM%282020%2926%20add1/{other}"
    assert docrefs.url_for(n.DocRef("CM(2020)26"), series) == "https://x/2020/26//CM%282020%2926/{other}"
    assert docrefs.url_for(n.DocRef("nothing like it"), series) == "https://x/{year}/{n}/{suffix}/nothing%20like%20it/{other}"
    assert docrefs.url_for(n.DocRef("CM(2020)26"), n.Series("CM", "CM({year}){n}")) is None


@pytest.mark.parametrize(("series", "message"), [
    (n.Series("gh", "gh-{n}", "https://github.com/x/issues/{n}?y={year}"),
     "the URL uses {year}, which the pattern gh-{n} does not define"),
    (n.Series("x", "x{n}", "https://x/{text}"), "the URL uses {text}, which the pattern x{n} does not define"),
    (n.Series("x", "x{n}", "https://x/{ref}/{n}"), None),
    (n.Series("x", "x{n}", None), None),
])
def test_a_series_url_may_use_only_the_patterns_placeholders(series: n.Series, message: str | None) -> None:
    if message is None:
        assert docrefs.check_url(series) is None
    else:
        with pytest.raises(docrefs.SeriesError, match="^" + message.replace("{", r"\{").replace("}", r"\}") + "$"):
            docrefs.check_url(series)


# ------------------------------------------------------------------ dates.py: validity, ranges, zones, moments



@pytest.mark.parametrize(("value", "problem"), [
    (D(1, None, 2020), "incomplete"), (D(1, 2, None), "incomplete"), (D(31, 2, 2020), "impossible"),
    (D(29, 2, 2020), None), (D(29, 2, 2021), "impossible"), (D(31, 12, 2020), None)])
def test_why_a_date_is_not_a_real_complete_date(value: n.DateValue, problem: str | None) -> None:
    assert dates.problem(value) == problem


@pytest.mark.parametrize(("value", "text"), [
    (D(1, None, None), "1"), (D(23, 11, None), "23 November"), (D(23, 11, 2020), "23 November 2020"),
    (D(5, 1, 1999), "5 January 1999"), (D(5, 12, 1999), "5 December 1999")])
def test_a_date_in_english_for_messages(value: n.DateValue, text: str) -> None:
    assert dates.english(value) == text


def test_the_bounds_of_a_range() -> None:
    assert dates.bounds(n.DateRange(D(1, 2, 2020), D(3, 2, 2020))) == (datetime.date(2020, 2, 1),
                                                                       datetime.date(2020, 2, 3))
    assert dates.bounds(n.DateRange(D(1, 2, 2020))) == (datetime.date(2020, 2, 1), datetime.date(2020, 2, 1))
    assert dates.bounds(n.DateRange(D(1, 2, 2020), days=(D(2, 2, 2020), D(4, 2, 2020)))) == (
        datetime.date(2020, 2, 1), datetime.date(2020, 2, 4))
    assert dates.last_day(n.DateRange(D(1, 2, 2020), days=(D(2, 2, 2020), D(4, 2, 2020)))) == D(4, 2, 2020)
    assert dates.last_day(n.DateRange(D(1, 2, 2020), D(3, 2, 2020))) == D(3, 2, 2020)
    assert dates.last_day(n.DateRange(D(1, 2, 2020))) == D(1, 2, 2020)
    assert dates.bounds(n.DateRange(D(31, 2, 2020))) is None
    assert dates.bounds(n.DateRange(D(1, 2, 2020), D(30, 2, 2020))) is None


@pytest.mark.parametrize(("name", "offset"), [
    ("UTC", 0), ("GMT", 0), ("UTC+2", 120), ("UTC-03:30", -210), ("UTC+14:59", 899), ("UTC+02:00", 120),
    ("UTC+15", None), ("Nowhere/X", None), ("../etc", None), ("", None), ("UTC+2:5", None)])
def test_the_zone_a_name_gives(name: str, offset: int | None) -> None:
    zone = dates.time_zone(name)
    moment = datetime.datetime(2025, 1, 15, 12, 0)
    assert (None if zone is None else zone.utcoffset(moment) // datetime.timedelta(minutes=1)) == offset


def test_a_named_zone_keeps_its_summer_time() -> None:
    zone = dates.time_zone("Europe/Paris")
    offsets = [zone.utcoffset(datetime.datetime(2025, m, 15)) // datetime.timedelta(minutes=1) for m in (1, 7)]
    assert offsets == [60, 120]
    assert dates.time_zone("UTC") is datetime.UTC


def test_the_moments_of_a_slot_on_a_day() -> None:
    day = datetime.date(2020, 1, 1)
    assert dates.moment(day, n.TimeSlot(T(9, 30), T(24, 0))) == (datetime.datetime(2020, 1, 1, 9, 30),
                                                                 datetime.datetime(2020, 1, 2, 0, 0))
    plus_two = datetime.timezone(datetime.timedelta(hours=2))
    assert dates.moment(day, n.TimeSlot(T(9, 30), None, "UTC+2")) == (
        datetime.datetime(2020, 1, 1, 9, 30, tzinfo=plus_two), None)
    assert dates.moment(day, n.TimeSlot(T(9, 30), None, "Mars/X")) is None
    assert dates.moment(datetime.date(9999, 12, 31), n.TimeSlot(T(9, 30), T(24, 0))) is None
    assert dates.in_zone(datetime.datetime(9999, 12, 31, 23, 0, tzinfo=datetime.UTC), plus_two) is None
    assert dates.in_zone(datetime.datetime(2020, 1, 1, 23, 0, tzinfo=datetime.UTC), plus_two) == \
        datetime.datetime(2020, 1, 2, 1, 0, tzinfo=plus_two)


def test_the_meetings_time_on_the_clocks_of_its_local_times() -> None:
    places = (n.LocalTime("America/Los_Angeles", "SF"), n.LocalTime("Mars/X"), n.LocalTime("UTC+09:00"))
    meeting = n.Meeting(dates=n.DateRange(D(18, 2, 2016)), time=n.TimeSlot(T(20, 0), T(21, 30), "UTC"),
                        local_times=places)
    found_times = [(place.zone, start and start.replace(tzinfo=None), end and end.replace(tzinfo=None),
                    start and start.utcoffset() // datetime.timedelta(hours=1))
                   for place, start, end in dates.local_times(meeting)]
    assert found_times == [
        ("America/Los_Angeles", datetime.datetime(2016, 2, 18, 12, 0), datetime.datetime(2016, 2, 18, 13, 30), -8),
        ("Mars/X", None, None, None),
        ("UTC+09:00", datetime.datetime(2016, 2, 19, 5, 0), datetime.datetime(2016, 2, 19, 6, 30), 9)]
    utc = (n.LocalTime("UTC"),)
    without_date = n.Meeting(time=n.TimeSlot(T(20, 0), None, "UTC"), local_times=utc)
    without_zone = n.Meeting(dates=n.DateRange(D(18, 2, 2016)), time=n.TimeSlot(T(20, 0)), local_times=utc)
    without_end = n.Meeting(dates=n.DateRange(D(18, 2, 2016)), time=n.TimeSlot(T(20, 0), None, "UTC"), local_times=utc)
    without_time = n.Meeting(dates=n.DateRange(D(18, 2, 2016)), local_times=utc)
    assert [[(s, e) for _, s, e in dates.local_times(m)] for m in (without_date, without_zone, without_time)] == [
        [(None, None)]] * 3
    assert [(s, e) for _, s, e in dates.local_times(without_end)] == [
        (datetime.datetime(2016, 2, 18, 20, 0, tzinfo=datetime.UTC), None)]


def test_a_list_of_days_lasts_until_its_last_day_for_the_meeting_checks() -> None:
    """A meeting held on "8 and 10 October" ended, for the checks, on the 8th: a past meeting on those
    days, or a next meeting on the 9th of a meeting of "8 and 9 October", was let through."""
    from agendadsl import check

    def problems(text: str) -> list[tuple]:
        return [(d.code, d.message, tuple(d.span)) for d in check(parse(text).agenda)]

    assert problems("date: 9 October 2025\n\n1. A\n\npast meetings:\n  - 8 and 10 October 2025\n") == [
        ("past-meeting-not-before", "this past meeting ends on 10 October 2025, not before the meeting this agenda "
         "is for", (6, 5, 6, 26))]
    assert problems("date: 8 and 9 October 2025\n\n1. A\n\nnext meetings:\n  - 9 October 2025\n") == [
        ("next-meeting-not-after", "this next meeting starts on 9 October 2025, not after the meeting this agenda "
         "is for", (6, 5, 6, 19))]
    assert problems("date: 8 and 10 October 2025\n\n1. A\n\nnext meetings:\n  - 11 October 2025\n\n"
                    "past meetings:\n  - 7 October 2025\n") == []


# ------------------------------------------------------------------ when.py: the date and time of a heading

@pytest.mark.parametrize(("heading", "language", "dates", "time", "title"), [
    ("Morning, 09.00-12.30", None, None, (T(9, 0), T(12, 30), (10, 21)), "Morning"),
    ("Morning: 09.00-12.30", None, None, (T(9, 0), T(12, 30), (10, 21)), "Morning"),
    ("Morning - 09.00", None, None, (T(9, 0), None, (11, 16)), "Morning"),
    ("Morning – 09.00", None, None, (T(9, 0), None, (11, 16)), "Morning"),
    ("Morning — 09.00", None, None, (T(9, 0), None, (11, 16)), "Morning"),
    ("Morning (09.00-12.30)", None, None, (T(9, 0), T(12, 30), (10, 21)), "Morning"),
    ("12.30-14.00 Lunch break", None, None, (T(12, 30), T(14, 0), (1, 12)), "Lunch break"),
    ("12.30-14.00: Lunch break", None, None, (T(12, 30), T(14, 0), (1, 12)), "Lunch break"),
    ("10:30: Lunch", None, None, (T(10, 30), None, (1, 6)), "Lunch"),
    ("Wednesday 15 October 2025, 09:00", None, (D(15, 10, 2025, 2), None, (1, 26)), (T(9, 0), None, (28, 33)), ""),
    ("Tuesday, 3 May 2005 at 2.30pm", None, (D(3, 5, 2005, 1), None, (1, 20)), (T(14, 30), None, (24, 30)), ""),
    ("mardi 14 octobre 2025 à 9 h", "fr", (D(14, 10, 2025, 1), None, (1, 22)), (T(9, 0), None, (25, 28)), ""),
    ("mardi 14 octobre 2025 : matin", "fr", (D(14, 10, 2025, 1), None, (1, 22)), None, "matin"),
    ("Séance, mardi 14 octobre 2025", "fr", (D(14, 10, 2025, 1), None, (9, 30)), None, "Séance"),
    ("Séance, mardi 14 octobre 2025", None, None, None, "Séance, mardi 14 octobre 2025"),
    ("Montag, 7. März 2022 um 10 Uhr", "de", (D(7, 3, 2022, 0), None, (1, 21)), (T(10, 0), None, (25, 31)), ""),
    ("Day 1 (15 October 2025)", None, (D(15, 10, 2025), None, (8, 23)), None, "Day 1"),
    ("Part 2, 15 October 2025", None, (D(15, 10, 2025), None, (9, 24)), None, "Part 2"),
    ("15 October 2025: Morning", None, (D(15, 10, 2025), None, (1, 16)), None, "Morning"),
    ("15 October 2025:", None, (D(15, 10, 2025), None, (1, 16)), None, ""),
    ("Wednesday 15 October 2025: afternoon sitting", None, (D(15, 10, 2025, 2), None, (1, 26)), None,
     "afternoon sitting"),
    ("Session, approx. 11:20", None, None, (T(11, 20), None, (10, 23)), "Session"),
    ("10:00", None, None, (T(10, 0), None, (1, 6)), ""),
    ("Sitting | 10:00", None, None, None, "Sitting | 10:00"),
    ("Sitting / 10:00", None, None, None, "Sitting / 10:00"),
    ("Report on 2025", None, None, None, "Report on 2025"),
    ("Lunch at noon", None, None, None, "Lunch at noon"),
    ("Lunch at 12.30", None, None, None, "Lunch at 12.30"),
    ("(15 October 2025) Day", None, None, None, "(15 October 2025) Day"),
    ("Session, 10:00 extra", None, None, None, "Session, 10:00 extra"),
    ("October 10:00-12:00 Session", None, None, None, "October 10:00-12:00 Session"),
    ("", None, None, None, ""),
    ("Item 5", None, None, None, "Item 5"),
])
def test_a_heading_text_gives_a_date_a_time_and_a_title(heading: str, language: str | None, dates: tuple | None,
                                                       time: tuple | None, title: str) -> None:
    found_dates, found_time, rest = when.heading_when(heading, ONE, language)
    assert (None if found_dates is None else (found_dates.start, found_dates.end,
                                              (found_dates.span.column, found_dates.span.end_column))) == dates
    assert (None if found_time is None else (found_time.start, found_time.end,
                                             (found_time.span.column, found_time.span.end_column))) == time
    assert rest == title


def test_a_heading_date_followed_by_a_colon_keeps_its_year() -> None:
    """"# 15 October 2025: Morning" was read as 15 October without a year, titled "2025: Morning"."""
    group = ok("# 15 October 2025: Morning\n1. A\n").body[0]
    assert (group.dates, group.name) == (n.DateRange(D(15, 10, 2025)), t("Morning"))


def test_a_long_heading_is_searched_without_the_kept_plans() -> None:
    title = "Session " + "x" * 200
    assert when.heading_when(title + ", 10:00", ONE)[1:] == (n.TimeSlot(T(10, 0)), title)


@pytest.mark.parametrize(("language", "key", "order"), [
    (None, "en", "dmy"), ("", "en", "dmy"), ("en", "en", "dmy"), ("en-US", "en_US", "mdy"), ("en_us", "en_US", "mdy"),
    ("EN-gb", "en_GB", "dmy"), ("fr", "fr", "dmy"), ("zh-hant-tw", "zh_Hant_TW", "mdy"), ("x", "en", "dmy"),
    ("toolongtag", "en", "dmy"), ("de-CH", "de_CH", "dmy"), ("123", "en", "dmy"), ("en-US-x-private", "en", "dmy"),
])
def test_a_language_tag_and_the_order_of_its_numeric_dates(language: str | None, key: str, order: str) -> None:
    assert (when._language_key(language), when.numeric_order(language)) == (key, order)


# ------------------------------------------------------------------ transformer: more header and layout forms

def test_local_times_labels_zones_and_spans_with_spaces_around() -> None:
    m = ok("local times:   Tokyo   ( Asia/Tokyo ) ,UTC, New York(EST)\n\n1. A\n").meeting
    assert [(p.zone, p.label, tuple(p.span), p.written) for p in m.local_times] == [
        ("Asia/Tokyo", "Tokyo", (1, 16, 1, 38), "Asia/Tokyo"), ("UTC", None, (1, 40, 1, 43), "UTC"),
        ("UTC-05:00", "New York", (1, 45, 1, 58), "EST")]


def test_fields_names_skip_empty_parts_and_keep_their_columns() -> None:
    m = ok("fields: , Stage ,,  Time box\n\n1. A\n").meeting
    assert [(f.value, tuple(f.span)) for f in m.fields] == [("Stage", (1, 11, 1, 16)), ("Time box", (1, 21, 1, 29))]


def test_an_items_own_field_is_matched_whatever_its_case() -> None:
    item = ok("fields: Time box\n\n1. A\n   @TIME-BOX 3 min\n").body[0]
    assert [(f.name, f.value, tuple(f.span)) for f in item.fields] == [("Time box", "3 min", (4, 4, 4, 19))]


def test_an_issued_date_with_a_time_that_cannot_be_read_reports_the_date_reading() -> None:
    assert codes("issued: 9 March 2020 25:00\n\n1. A\n") == [
        ("date-syntax", "'25' is not part of a date", (1, 22, 1, 24))]
    assert codes("issued: 9 March 2020 x\n\n1. A\n") == [("date-syntax", "'x' is not part of a date", (1, 22, 1, 23))]


def test_numbering_as_written_and_several_other_languages() -> None:
    m = ok("numbering: as written\nlanguage: en, fr, de-CH\n\n1. A\n").meeting
    assert ([at(a) for a in m.numbering], [at(a) for a in m.other_languages]) == (
        [(n.AS_WRITTEN, (1, 12, 1, 22))], [("fr", (2, 15, 2, 17)), ("de-CH", (2, 19, 2, 24))])


def test_what_follows_a_heading_up_to_the_last_item_is_the_groups_and_the_rest_is_the_agendas() -> None:
    agenda = ok("date: 1 May 2026\n\n# Day one\n1. A\n\nnext meetings:\n  - 1 June 2026\n\n2. B\n> text\n\n"
                "# Day two\n3. C\n> closing\n\nparticipants:\n  - X\n")
    day_one, day_two, closing, people = agenda.body
    assert [type(e).__name__ for e in day_one.body] == ["Item", "NextMeetings", "Item", "TextBlock"]
    assert [type(e).__name__ for e in day_two.body] == ["Item"]
    assert closing == n.TextBlock((n.Note((t("closing"),)),))
    assert people == n.Participants((n.Participant("X"),))


def test_a_text_only_agenda_with_headings_keeps_its_text_in_the_groups() -> None:
    agenda = ok("# Part\n> text\n")
    assert agenda.body == (n.Group(1, t("Part"), body=(n.TextBlock((n.Note((t("text"),)),)),)),)


def test_headings_with_a_time_and_a_break_word_are_breaks() -> None:
    agenda = ok("# 11:30 Coffee break\n## Lunch, 12:00\n## Working lunch, 12:00\n  > note\n### Pause, 13:00\n1. A\n")
    coffee, lunch, working = agenda.body
    assert [(g.title.plain, g.is_break, g.body) for g in (coffee, lunch)] == [
        ("11:30 Coffee break", True, ()), ("Lunch, 12:00", True, ())]
    assert (working.is_break, working.name, [(g.title.plain, g.is_break) for g in working.body[:1]]) == (
        False, t("Working lunch"), [("Pause, 13:00", True)])
    assert working.body[1] == n.Item(n.NumberMark.EXPLICIT, t("A"), n.Attr("1."))


def test_a_heading_without_a_time_is_no_break_whatever_its_words() -> None:
    assert ok("# Lunch\n1. A\n").body[0].is_break is False


@pytest.mark.parametrize(("text", "language", "start", "end", "days"), [
    ("1st June 2025", None, D(1, 6, 2025), None, ()),
    ("2nd June 2025", None, D(2, 6, 2025), None, ()),
    ("3rd June 2025", None, D(3, 6, 2025), None, ()),
    ("1re mai 2026", "fr", D(1, 5, 2026), None, ()),
    ("1º junio 2025", "es", D(1, 6, 2025), None, ()),
    ("4 juil. 2025", "fr", D(4, 7, 2025), None, ()),
    ("4 Septem 2025", None, D(4, 9, 2025), None, ()),
    ("4 Janu 2025", None, D(4, 1, 2025), None, ()),
    ("Tuesday - Wednesday, October 28 - 29, 2025", None, D(28, 10, 2025, 1), D(29, 10, 2025, 2), ()),
    ("Tuesday, 4 June 2025", None, D(4, 6, 2025, 1), None, ()),
    ("Thurs 5 June 2025", None, D(5, 6, 2025, 3), None, ()),
    ("4th, 5th June 2025", None, D(4, 6, 2025), None, (D(5, 6, 2025),)),
    ("June 4 2025", None, D(4, 6, 2025), None, ()),
    ("June 4, 2025, 10", None, D(4, 6, 2025), None, (D(10, 6, None),)),
    ("Sonntag 1. Juni 2025", "de", D(1, 6, 2025, 6), None, ()),
    ("dimanche 1 juin 2025", "fr", D(1, 6, 2025, 6), None, ()),
])
def test_more_date_forms(text: str, language: str | None, start: n.DateValue, end: n.DateValue | None,
                         days: tuple) -> None:
    r = parse_dates(text, ONE, language)
    assert (r.start, r.end, r.days) == (start, end, days)


@pytest.mark.parametrize(("text", "language", "message", "start", "end", "hint"), [
    ("4 jui 2025", "fr", "'jui' is not part of a date", 2, 5,
     "did you mean 'Juin'? " + DATE_HINT[0].upper() + DATE_HINT[1:]),
    ("4 June, 2025", None, "'2025' is not a day", 8, 12, DATE_HINT),
    ("June 4, 202", None, "'202' is not a year: write the year with four digits", 8, 11, DATE_HINT),
    ("Xy 4", None, "'Xy' is not a month or a weekday", 0, 2, DATE_HINT),
    ("4 Ju 2025", None, "'Ju' is not part of a date", 2, 4, DATE_HINT),
])
def test_more_date_errors(text: str, language: str | None, message: str, start: int, end: int, hint: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_dates(text, ONE, language)
    assert (caught.value.message, caught.value.start, caught.value.end, caught.value.hint) == (message, start, end,
                                                                                                 hint)


def test_a_note_translated_into_two_languages_has_one_translation_each_in_order() -> None:
    note = ok("language: en, fr, de\n\n1. A\n   > one\n   > two\n   fr: un\n   de: eins\n   fr: deux\n"
              "   de: zwei\n").body[0].notes[0]
    assert note.translations == (n.Translation("fr", (t("un"), t("deux"))), n.Translation("de", (t("eins"), t("zwei"))))
    assert [tuple(x.span) for x in note.translations] == [(6, 4, 8, 12), (7, 4, 9, 12)]


# ------------------------------------------------------------------ when.py: every word a time is written with

@pytest.mark.parametrize("word", ["approx", "approximately", "ca.", "c.", "circa", "around", "about", "vers", "env.",
                                  "environ", "gegen", "etwa", "~", "±", "+/-", "≈"])
def test_every_word_for_approximately(word: str) -> None:
    slot = parse_times(word + " 11:20", ONE)
    assert (slot.start, slot.end, slot.approximate, slot.open_end) == (T(11, 20), None, True, False)


@pytest.mark.parametrize("word", ["to", "till", "until", "til", "à", "a", "bis", "through", "thru", "-", "–", "—",
                                  "--"])
def test_every_word_between_the_two_ends_of_a_slot(word: str) -> None:
    slot = parse_times(f"9:00 {word} 10:00", ONE)
    assert (slot.start, slot.end, slot.text) == (T(9, 0), T(10, 0), f"9:00 {word} 10:00")


@pytest.mark.parametrize("word", ["and", "et", "und", ",", "&", ";"])
def test_every_word_between_two_slots(word: str) -> None:
    assert [(a.start, a.end) for a in parse_times(f"9:00-10:00 {word} 11:00-12:00", ONE).also] == [(T(11, 0), T(12, 0))]


@pytest.mark.parametrize(("word", "open_end"), [("from", True), ("dès", True), ("ab", True), ("de", False),
                                                ("du", False), ("von", False), ("vom", False), ("between", False)])
def test_a_slot_opened_by_from_is_open_and_one_opened_by_between_needs_its_end(word: str, open_end: bool) -> None:
    if open_end:
        slot = parse_times(f"{word} 9:00", ONE)
        assert (slot.start, slot.end, slot.open_end) == (T(9, 0), None, True)
    else:
        with pytest.raises(WhenError) as caught:
            parse_times(f"{word} 9:00", ONE)
        assert caught.value.message == f"'{word} 9:00' has no end: write '{word} 9:00 to ...'"
        assert parse_times(f"{word} 9:00 to 10:00", ONE).end == T(10, 0)


@pytest.mark.parametrize(("word", "alone", "in_slot"), [
    ("hours", T(20, 0), True), ("hrs", T(20, 0), True), ("heures", T(20, 0), True), ("uhr", T(20, 0), True),
    ("Uhr", T(20, 0), True), ("heure", T(20, 0), False), ("h", T(20, 0), False), ("hr", None, False)])
def test_the_words_for_hours_after_a_time_and_after_a_slot(word: str, alone: n.TimeOfDay | None,
                                                           in_slot: bool) -> None:
    if alone is None:
        with pytest.raises(WhenError, match=r"^'20' is not a time$"):
            parse_times("20 " + word, ONE)
    else:
        assert parse_times("20 " + word, ONE).start == alone
    if in_slot:
        assert parse_times(f"18:00 - 20:00 {word}", ONE).end == T(20, 0)
    else:
        with pytest.raises(WhenError, match=f"^'{word}' is not a known time zone$"):
            parse_times(f"18:00 - 20:00 {word}", ONE)


@pytest.mark.parametrize(("word", "alone", "as_end"), [
    ("noon", T(12, 0), T(12, 0)), ("midday", T(12, 0), T(12, 0)), ("midi", T(12, 0), T(12, 0)),
    ("mittag", T(12, 0), T(12, 0)), ("midnight", T(0, 0), T(24, 0)), ("minuit", T(0, 0), T(24, 0)),
    ("mitternacht", T(0, 0), T(24, 0))])
def test_noon_and_midnight_in_each_language(word: str, alone: n.TimeOfDay, as_end: n.TimeOfDay) -> None:
    assert parse_times(word, ONE).start == alone
    assert parse_times("10:00 - " + word, ONE).end == as_end


def test_a_heading_range_over_new_year_without_years_ends_in_the_next_year() -> None:
    """"# 31 December - 1 January" in a meeting of 30 December 2026 - 2 January 2027 ended on 1 January
    2026, and the check reported the range reversed."""
    from agendadsl import check

    agenda = ok("date: 30 December 2026 - 2 January 2027\n\n# 31 December - 1 January\n1. A\n"
                "# 31 December and 1 January\n2. B\n# 2 January\n3. C\n")
    assert [g.dates for g in agenda.body] == [
        n.DateRange(D(31, 12, 2026), D(1, 1, 2027)), n.DateRange(D(31, 12, 2026), days=(D(1, 1, 2027),)),
        n.DateRange(D(2, 1, 2027))]
    assert list(check(agenda)) == []
    same_year = ok("date: 1-5 May 2026\n\n# 1-2 May\n1. A\n# 3 and 4 May\n2. B\n# 4 May - 5 June 2026\n3. C\n")
    assert [g.dates for g in same_year.body] == [
        n.DateRange(D(1, 5, 2026), D(2, 5, 2026)), n.DateRange(D(3, 5, 2026), days=(D(4, 5, 2026),)),
        n.DateRange(D(4, 5, 2026), D(5, 6, 2026))]


@pytest.mark.parametrize(("text", "start", "end"), [
    # a start written 9:30 or 9.30 takes pm from the end; 9h30 and 09:30 are 24-hour times
    ("9:30 - 11 pm", T(21, 30), T(23, 0)), ("9.30 - 11 pm", T(21, 30), T(23, 0)), ("9h30 - 11 pm", T(9, 30), T(23, 0)),
    ("09:30 - 11 pm", T(9, 30), T(23, 0)), ("9 - 11 pm", T(21, 0), T(23, 0)), ("9 h - 11 pm", T(9, 0), T(23, 0)),
    ("12:30 - 1 pm", T(12, 30), T(13, 0)), ("12 - 1 pm", T(12, 0), T(13, 0)), ("12 pm - 1", T(12, 0), T(13, 0)),
    ("12 am - 1", T(0, 0), T(1, 0)), ("9 am - 12", T(9, 0), T(12, 0)), ("8 pm - 11", T(20, 0), T(23, 0)),
    ("12 midday - 1 pm", T(12, 0), T(13, 0)), ("9h30-10h00", T(9, 30), T(10, 0)),
])
def test_am_and_pm_written_once_in_a_slot(text: str, start: n.TimeOfDay, end: n.TimeOfDay) -> None:
    assert (parse_times(text, ONE).start, parse_times(text, ONE).end) == (start, end)


@pytest.mark.parametrize(("text", "also"), [
    ("9:00 and noon", [(T(12, 0), None, False, False)]),
    ("9:00 and about 10:00", [(T(10, 0), None, False, True)]),
    ("9:00, from 10:00", [(T(10, 0), None, True, False)]),
])
def test_a_further_slot_may_be_noon_approximate_or_open(text: str, also: list) -> None:
    assert [(a.start, a.end, a.open_end, a.approximate) for a in parse_times(text, ONE).also] == also


@pytest.mark.parametrize(("text", "message", "start", "end"), [
    ("1030h", "'1030' is not a time", 0, 4),
    ("9 noon", "'9' is not a time", 0, 1),
    ("10:00 Europe/Paris and 11:00", "'Europe/Paris and 11:00' is not a known time zone", 6, 28),
])
def test_more_time_errors(text: str, message: str, start: int, end: int) -> None:
    with pytest.raises(WhenError) as caught:
        parse_times(text, ONE)
    assert (caught.value.message, caught.value.start, caught.value.end) == (message, start, end)


@pytest.mark.parametrize(("line", "owner", "title"), [
    ("- [ ] @1abc Send", None, "@1abc Send"), ("- [ ] @é.x Send", "é.x", "Send"), ("- [ ]  @bo  Send", "bo", "Send")])
def test_an_owner_starts_with_a_letter(line: str, owner: str | None, title: str) -> None:
    bullet = ok("1. A\n   " + line + "\n").body[0].notes[0]
    assert (bullet.owner, bullet.text) == (owner, t(title))


def test_a_docs_line_with_an_empty_label_has_no_label() -> None:
    item = ok("1. A\n   @docs : [X], [Y]\n").body[0]
    assert item.document_groups == (n.DocGroup(None, (n.DocRef("X"), n.DocRef("Y"))),)


def test_a_heading_translation_with_only_a_date_has_an_empty_name() -> None:
    group = ok("language: en, fr\n\n# 15 October 2025\n  fr: 15 octobre 2025\n1. A\n").body[0]
    assert group.translations == (n.Translation("fr", (t("15 octobre 2025"),), name=n.RichText(())),)


# ------------------------------------------------------------------ when.py: the tables of names per language

@pytest.mark.parametrize(("key", "babel_id", "stamped"), [
    ("en", "en_GB", True), ("fr", "fr_FR", True), ("de", "de_DE", True), ("xx", "xx", False), ("en_US", "en_US", False),
    ("zh_Hant_TW", "zh_Hant_TW", False)])
def test_the_locale_of_a_language_is_its_wording_files(key: str, babel_id: str, stamped: bool) -> None:
    assert when._babel_id(key) == babel_id
    assert (when._wording_stamp(key) is not None) is stamped


@pytest.mark.parametrize(("key", "table", "word", "number"), [
    ("en", "months", "sept", 9), ("en", "months", "septe", 9), ("en", "months", "september", 9),
    ("en", "months", "sep", 9), ("en", "months", "se", None), ("en", "months", "ju", None),
    ("en", "months", "jun", 6), ("en", "months", "janua", 1), ("en", "weekdays", "thurs", 3),
    ("en", "weekdays", "thu", 3), ("en", "weekdays", "t", None), ("en", "weekdays", "monday", 0),
    ("en", "weekdays", "sunday", 6), ("fr", "months", "jui", None), ("fr", "months", "juil", 7),
    ("fr", "months", "mai", 5), ("fr", "months", "march", 3), ("fr", "months", "fevrier", 2),
    ("fr", "months", "aout", 8), ("fr", "weekdays", "mer", 2), ("fr", "weekdays", "mar", 1),
    ("fr", "months", "mar", 3), ("de", "months", "marz", 3), ("de", "weekdays", "sonntag", 6),
    ("de", "weekdays", "wednesday", 2), ("xx", "months", "march", 3),
])
def test_month_and_weekday_names_of_a_language_and_of_english(key: str, table: str, word: str,
                                                              number: int | None) -> None:
    assert when._lookup(key, table, word) == number


@pytest.mark.parametrize(("key", "order"), [("en", "dmy"), ("en_US", "mdy"), ("fr", "dmy"), ("de", "dmy"),
                                            ("en_CA", "mdy"), ("xx", "dmy")])
def test_the_order_of_day_and_month_in_each_locale(key: str, order: str) -> None:
    assert when._names(key)["order"] == order


# ------------------------------------------------------------------ inline.py: references, labels and unsafe addresses

@pytest.mark.parametrize(("written", "text"), [("[A\\ ]", "A\\"), ("[A\\\\B]", "A\\B"), ("[ \\^1 ]", "^1"),
                                               ("[ T-ES(2020)23 ]", "T-ES(2020)23"), ("[A\\]B]", "A]B")])
def test_a_document_reference_without_brackets_and_escapes(written: str, text: str) -> None:
    from agendadsl.language.inline import docref

    ref = docref(written, Span(1, 2, 1, 9))
    assert (ref, tuple(ref.span)) == (n.DocRef(text), (1, 2, 1, 9))


def test_where_the_name_of_a_label_or_cross_reference_is() -> None:
    from agendadsl.language.inline import label_name

    assert label_name(Span(2, 5, 2, 15), definition=True) == Span(2, 7, 2, 14)
    assert label_name(Span(2, 5, 2, 15), definition=False) == Span(2, 6, 2, 14)


@pytest.mark.parametrize(("name", "valid"), [("a", True), ("A1", True), ("a_b.c-d", True), ("1a", False), ("", False),
                                             ("é", False), ("aé", False), ("a b", False), ("_a", False),
                                             ("a!", False)])
def test_what_a_label_may_be(name: str, valid: bool) -> None:
    from agendadsl.language.inline import valid_label

    assert valid_label(name) is valid


def test_a_bare_address_with_an_invisible_character_stays_text() -> None:
    assert pieces("see https://e.org/\u200bx now") == ([(n.Text("see https://e.org/\u200bx now"), 1, 25)], [])


@pytest.mark.parametrize(("written", "language", "zone"), [
    ("heure normale d’Europe centrale", "fr", "UTC+01:00"), ("MEZ", "de", "UTC+01:00"), ("MESZ", "de", "UTC+02:00"),
    ("MEZ", None, None), ("heure d’Europe centrale", None, None), ("Moscow Standard Time", None, "UTC+03:00"),
    ("IST", None, "UTC+05:30"), ("AEST", None, "UTC+10:00"), ("Coordinated Universal Time", None, "UTC"),
    ("EST", "fr", "UTC-05:00"),
])
def test_zone_names_in_the_agendas_language_and_in_english(written: str, language: str | None,
                                                           zone: str | None) -> None:
    assert when.zone_name(written, language) == zone


def test_a_time_zone_named_in_the_agendas_language() -> None:
    assert ok("language: de\ntime: 10:00 MESZ\n\n1. A\n").meeting.time == n.TimeSlot(T(10, 0), zone="UTC+02:00")
    assert codes("time: 10:00 MESZ\n\n1. A\n") == [("unknown-time-zone", "'MESZ' is not a known time zone",
                                                    (1, 13, 1, 17))]


@pytest.mark.parametrize(("text", "message"), [
    ("1" * 40, "'" + "1" * 40 + "' is not a time"),
    ("1" * 41, "'" + "1" * 30 + "...' is not a time"),
    ("x" * 41, "'" + "x" * 30 + "...' is not a time"),
    ("x'" * 30, "'" + "x'" * 29 + "x' is not a time"),  # an apostrophe does not make a word long
])
def test_only_words_of_more_than_forty_characters_are_cut_in_messages(text: str, message: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_times(text, ONE)
    assert (caught.value.message, str(caught.value)) == (message, message)


@pytest.mark.parametrize(("word", "folded"), [("Févr.", "fevr"), ("P.M.", "pm"), ("d’été", "d'ete"), ("ÉTÉ", "ete"),
                                              ("Straße", "strasse"), ("Nov", "nov")])
def test_words_are_compared_folded(word: str, folded: str) -> None:
    assert when._fold(word) == folded


def test_folded_forms_read_as_written() -> None:
    assert parse_dates("3 Févr. 2025", ONE, "fr").start == D(3, 2, 2025)
    assert parse_times("3.15 P.M.", ONE).start == T(15, 15)


@pytest.mark.parametrize(("line", "word", "columns"), [
    ("body: A", "body", (7, 8)), ("meeting: M", "meeting", (10, 11)), ("kind: virtual", "kind", (7, 14)),
    ("platform: Zoom", "platform", (11, 15)), ("place: Here", "place", (8, 12)), ("date: 1 May 2026", "date", (7, 17)),
    ("time: 10:00", "time", (7, 12)), ("reference: R1", "reference", (12, 14)), ("status: draft", "status", (9, 14)),
    ("language: en", "language", (11, 13)), ("numbering: 1.", "numbering", (12, 14)),
    ("numbers: frozen", "numbers", (10, 16)), ("title: T", "title", (8, 9)), ("chair: C", "chair", (8, 9)),
    ("host: H", "host", (7, 8)), ("contact: X", "contact", (10, 11)), ("issued: 1 May 2026", "issued", (9, 19)),
    ("issued in: Paris", "issued in", (12, 17)), ("distribution: public", "distribution", (15, 21)),
    ("original: en", "original", (11, 13)), ("number label: Item", "number label", (15, 19)),
    ("list of documents: yes", "list of documents", (20, 23)), ("local times: UTC", "local times", (14, 17)),
    ("fields: Quorum", "fields", (9, 15)),
])
def test_every_header_field_given_twice_is_named_as_written_and_points_at_both_values(line: str, word: str,
                                                                                      columns: tuple) -> None:
    """The fields of more than one word were named as the program calls them ('issued_in')."""
    start, end = columns
    assert found(f"{line}\n{line}\n\n1. A\n") == [
        ("duplicate-field", f"the header gives '{word}' twice", (2, start, 2, end), f"keep one '{word}:' line",
         [((1, start, 1, end), "first given here")])]


def test_a_next_meeting_with_two_hosts_and_one_with_everything_to_be_confirmed() -> None:
    text = ('1. A\n\nnext meetings:\n  - 1 May 2030, host A, hosted by B (tbc)\n'
            '  - 2 May 2030, virtual (tbc), "X" (tbc)\n')
    assert found(text) == [("duplicate-field", "this meeting already has a host", (4, 25, 4, 42),
                            "give each meeting at most one host", [((4, 17, 4, 23), "first given here")])]
    first, second = parse(text).agenda.body[1].meetings
    assert (first.host, first.host_tbc) == (n.Attr("A"), False)
    assert second == n.NextMeeting(n.DateRange(D(2, 5, 2030)), place=n.Attr("X"), place_tbc=True,
                                   kind=n.Attr(n.MeetingKind.VIRTUAL), kind_tbc=True)
    assert (tuple(second.span), tuple(second.place.span), tuple(second.kind.span)) == (
        (5, 3, 5, 41), (5, 32, 5, 35), (5, 17, 5, 24))


def test_header_translations_name_the_fields_that_take_none_as_written() -> None:
    text = ("language: en, fr\nseries X: X{n}\nfr: x\nnumber label: Item\nfr: y\nissued in: Paris\nfr: Paris FR\n"
            "meeting: M\nfr: MM\nfields: Time box\n\n1. A\n   @timebox 3\n   @time-box 4\n")
    assert found(text) == [
        ("misplaced-translation", "a translation line translates the text just above it, and 'series:' is not "
         "translated", (3, 1, 3, 6), PUT, []),
        ("misplaced-translation", "a translation line translates the text just above it, and 'number label:' is not "
         "translated", (5, 1, 5, 6), PUT, []),
        ("unknown-attribute", "unknown attribute '@timebox'", (13, 4, 13, 12), "did you mean '@time-box'?", []),
    ]
    agenda = parse(text).agenda
    assert agenda.meeting.translations == (n.FieldTranslation("issued_in", "fr", "Paris FR"),
                                           n.FieldTranslation("meeting", "fr", "MM"))
    assert agenda.body[0].fields == (n.CustomField("Time box", "4"),)


@pytest.mark.parametrize(("name", "word"), [("Quorum", "quorum"), ("Convened by", "convened-by"),
                                            ("Time  Box", "time-box"), ("Secrétaire", "secrétaire")])
def test_how_an_item_writes_a_declared_field(name: str, word: str) -> None:
    from agendadsl.language.transformer import attribute_word

    assert attribute_word(name) == word


def test_a_nested_heading_date_takes_its_year_and_one_outside_the_meeting_takes_the_first_year() -> None:
    agenda = ok("date: 30 December 2026 - 2 January 2027\n\n# Part one\n## 1 January\n1. A\n# 5 March\n2. B\n")
    part, march = agenda.body
    assert (part.dates, part.body[0].dates, march.dates) == (
        None, n.DateRange(D(1, 1, 2027)), n.DateRange(D(5, 3, 2026)))
    assert ok("date: 2026-12-30\n\n# 31 December\n1. A\n").body[0].dates == n.DateRange(D(31, 12, 2026))
    untouched = ok("date: 1 May 2026\n\n# Part\n## Sub\n1. A\n")
    assert untouched.body[0] == n.Group(1, t("Part"), body=(n.Group(2, t("Sub"), body=(
        n.Item(n.NumberMark.EXPLICIT, t("A"), n.Attr("1.")),)),))


@pytest.mark.parametrize(("text", "language", "start", "end", "days"), [
    ("le 2025-06-04", "fr", D(4, 6, 2025, iso=True), None, ()),
    ("the Tuesday 4 June 2025", None, D(4, 6, 2025, 1), None, ()),
    ("am Montag, 7. März 2022", "de", D(7, 3, 2022, 0), None, ()),
    ("Tuesday to Wednesday, October 28-29, 2025", None, D(28, 10, 2025, 1), D(29, 10, 2025, 2), ()),
    ("vom 3. bis 5. Mai 2026", "de", D(3, 5, 2026), D(5, 5, 2026), ()),
    ("von 3. bis 5. Mai 2026", "de", D(3, 5, 2026), D(5, 5, 2026), ()),
    ("from 3 until 5 May 2026", None, D(3, 5, 2026), D(5, 5, 2026), ()),
    ("3 till 5 May 2026", None, D(3, 5, 2026), D(5, 5, 2026), ()),
    ("3 au 5 mai 2026", "fr", D(3, 5, 2026), D(5, 5, 2026), ()),
    ("3 bis 5 Mai 2026", "de", D(3, 5, 2026), D(5, 5, 2026), ()),
    ("3 thru 5 May 2026", None, D(3, 5, 2026), D(5, 5, 2026), ()),
    ("8 und 9 Mai 2026", "de", D(8, 5, 2026), None, (D(9, 5, 2026),)),
])
def test_every_word_that_opens_joins_or_lists_dates(text: str, language: str | None, start: n.DateValue,
                                                    end: n.DateValue | None, days: tuple) -> None:
    r = parse_dates(text, ONE, language)
    assert (r.start, r.end, r.days, r.open_end) == (start, end, days, False)


@pytest.mark.parametrize(("text", "message", "start", "end"), [
    ("le juin 2025", "'le' is not a month or a weekday", 0, 2),
    ("Tuesday and Wednesday, October 28-29, 2025", "'and' is not a month or a weekday", 8, 11),
    ("Tuesday-June 4 2025", "'-' is not part of a date", 7, 8),
])
def test_an_article_or_weekday_that_leads_nowhere(text: str, message: str, start: int, end: int) -> None:
    with pytest.raises(WhenError) as caught:
        parse_dates(text, ONE, "fr" if text.startswith("le") else None)
    assert (caught.value.message, caught.value.start, caught.value.end) == (message, start, end)


@pytest.mark.parametrize(("text", "parts"), [
    ("[^" + "a" * 20 + "]", [(n.FootnoteRef("a" * 20), 1, 24)]),
    ("[^" + "a" * 21 + "]", [(n.DocRef("^" + "a" * 21), 1, 25)]),
    ("{annex ABCD}", [(n.AnnexRef("ABCD"), 1, 13)]),
    ("{annex ABCDE}", [(n.Text("{annex ABCDE}"), 1, 14)]),
    ("{annex 1}", [(n.AnnexRef("1"), 1, 10)]),
    ("[a](http://x.org)", [(n.Link("a", "http://x.org"), 1, 18)]),
    ("[a](mailto:b@c.org)", [(n.Link("a", "mailto:b@c.org"), 1, 20)]),
    ("[a](https://x.org/a b)", [(n.DocRef("a"), 1, 4), (n.Text("("), 4, 5),
                                (n.Link("https://x.org/a", "https://x.org/a", bare=True), 5, 20),
                                (n.Text(" b)"), 20, 23)]),
    ("https://x.org/a?b=1&c=(2)", [(n.Link("https://x.org/a?b=1&c=(2", "https://x.org/a?b=1&c=(2", bare=True), 1, 25),
                                   (n.Text(")"), 25, 26)]),
    ("see http://a.org; mailto:x@y.org!", [(n.Text("see "), 1, 5), (n.Link("http://a.org", "http://a.org", bare=True),
                                                                   5, 17), (n.Text("; "), 17, 19),
                                           (n.Link("mailto:x@y.org", "mailto:x@y.org", bare=True), 19, 33),
                                           (n.Text("!"), 33, 34)]),
    ("{a}{b}", [(n.XRef("a"), 1, 4), (n.XRef("b"), 4, 7)]),
    ("\\{a\\}", [(n.Text("{a}"), 1, 6)]),
])
def test_the_bounds_of_footnote_markers_annex_references_and_links(text: str, parts: list) -> None:
    assert pieces(text) == (parts, [])


def test_a_reference_looked_up_in_two_agendas_series_in_turn_gets_each_agendas_link() -> None:
    one = (n.Series("X", "X{n}", "https://one.org/{n}"),)
    two = (n.Series("X", "X{n}", "https://two.org/{ref}"), n.Series("XY", "XY{n}", "https://xy.org/{n}"))
    ref, longer = n.DocRef("X5"), n.DocRef("XY7")
    assert [docrefs.link(ref, one)[1], docrefs.link(ref, two)[1], docrefs.link(ref, one)[1]] == [
        "https://one.org/5", "https://two.org/X5", "https://one.org/5"]
    assert (docrefs.link(longer, two)[1], docrefs.link(longer, one)[0]) == ("https://xy.org/7", one[0])


@pytest.mark.parametrize(("text", "zone", "written"), [
    ("9:00 CET (EET)", "UTC+01:00", "CET (EET)"),
    ("9:00 Europe/Paris (America/New_York)", "Europe/Paris", "Europe/Paris (America/New_York)"),
    ("9:00 EDT (America/New_York)", "America/New_York", "EDT (America/New_York)"),
])
def test_a_zone_and_a_second_one_in_parentheses(text: str, zone: str, written: str) -> None:
    slot = parse_times(text, ONE)
    assert (slot.zone, when.written_zone(slot)) == (zone, written)


@pytest.mark.parametrize(("text", "message", "start", "end", "code"), [
    ("9:00 (Europe/Paris) CET", "'(Europe/Paris) CET' is not a known time zone", 5, 23, "unknown-time-zone"),
    ("9:00 CET ()", "a time zone is missing in '()'", 10, 11, None),
    ("9:00 ( )", "a time zone is missing in '()'", 7, 8, None),
    ("9:00 CET (EET) x", "'CET (EET) x' is not a known time zone", 5, 16, "unknown-time-zone"),
])
def test_zones_in_parentheses_that_cannot_be_read(text: str, message: str, start: int, end: int,
                                                 code: str | None) -> None:
    with pytest.raises(WhenError) as caught:
        parse_times(text, ONE)
    assert (caught.value.message, caught.value.start, caught.value.end, caught.value.code) == (message, start, end,
                                                                                                 code)


def test_a_heading_translation_is_read_in_its_own_language() -> None:
    group = ok("language: en, fr\n\n# Tuesday 14 October 2025, morning\n  fr: mardi 14 octobre 2025, matin\n1. A\n"
               ).body[0]
    assert (group.name, group.dates) == (t("morning"), n.DateRange(D(14, 10, 2025, 1)))
    assert group.translations == (n.Translation("fr", (t("mardi 14 octobre 2025, matin"),), name=t("matin")),)


# ------------------------------------------------------------------ when.py: what must be written without a space

@pytest.mark.parametrize(("reader", "text", "message", "start", "end"), [
    ("times", "9. 30", "'9' is not a time", 0, 1),
    ("times", "9 .30", "'9' is not a time", 0, 1),
    ("times", "9 :30 am", "'9' is not a time", 0, 1),
    ("times", "9h300", "'300' is not a known time zone", 2, 5),
    ("duration", "1. 5 h", "'.' is not part of a duration", 1, 2),
    ("duration", "1 .5 h", "'.' is not part of a duration", 2, 3),
    ("duration", "1 ,5 h", "',' is not part of a duration", 2, 3),
    ("dates", "18 -Feb-2016", "'Feb' has no day", 4, 7),
    ("dates", "18- Feb-2016", "'Feb' has no day", 4, 7),
    ("dates", "18-Feb -2016", "'2016' is not a day", 8, 12),
    ("dates", "21 st June 2025", "'st' is not part of a date", 3, 5),
    ("dates", "7 . März 2022", "'.' is not part of a date", 2, 3),
])
def test_what_is_read_only_when_written_without_a_space(reader: str, text: str, message: str, start: int,
                                                        end: int) -> None:
    read = {"times": parse_times, "duration": parse_duration, "dates": parse_dates}[reader]
    with pytest.raises(WhenError) as caught:
        read(text, ONE)
    assert (caught.value.message, caught.value.start, caught.value.end) == (message, start, end)


@pytest.mark.parametrize("text", ["9h 30", "9 h30", "9 h 30", "9h30"])
def test_hours_and_minutes_around_h_with_or_without_spaces(text: str) -> None:
    slot = parse_times(text, ONE)
    assert (slot.start, slot.text, (slot.span.column, slot.span.end_column)) == (T(9, 30), text, (1, 1 + len(text)))


def test_table_rows_with_empty_cells_one_bar_and_escaped_bars() -> None:
    table = ok("1. A\n\ntable:\n  a || b\n  | c\n  d |\n  x \\| y | z\n").body[1]
    assert [[(c.plain, c.span.column, c.span.end_column) for c in row] for row in (table.header, *table.rows)] == [
        [("a", 3, 5), ("", 6, 7), ("b", 7, 9)], [("c", 4, 6)], [("d", 3, 5)], [("x | y", 3, 10), ("z", 11, 13)]]


@pytest.mark.parametrize(("written", "zone"), [
    ("Central European Time", "Europe/Paris"), ("Central", "America/Chicago"), ("Japan Time", "Asia/Tokyo"),
    ("Alaska", "America/Juneau"), ("Atlantic", "America/Halifax"), ("China Time", "Asia/Shanghai"),
    ("Greenwich Mean Time", "UTC"), ("British Summer Time", "UTC+01:00"),
])
def test_a_generic_zone_name_is_cldrs_main_zone_for_it(written: str, zone: str) -> None:
    assert when.zone_name(written) == zone


def test_a_second_translation_of_a_top_level_item_or_heading_is_an_error() -> None:
    text = "language: en, fr\n\n1. A\nfr: x\nfr: y\n# H\nfr: h\nfr: hh\n2. B\n"
    assert found(text) == [
        ("duplicate-translation", "this text already has a translation into 'fr'", (5, 1, 5, 6),
         "keep one of the two lines", [((4, 1, 4, 6), "first given here")]),
        ("duplicate-translation", "this text already has a translation into 'fr'", (8, 1, 8, 7),
         "keep one of the two lines", [((7, 1, 7, 6), "first given here")])]
    item, heading = parse(text).agenda.body
    assert (item.translations, heading.translations) == ((n.Translation("fr", (t("x"),)),),
                                                         (n.Translation("fr", (t("h"),)),))


def test_a_note_line_after_a_translation_starts_a_new_paragraph() -> None:
    notes = ok("language: en, fr\n\n1. A\n   > a\n   fr: aa\n   > b\n   ! c\n   fr: cc\n").body[0].notes
    assert notes == (n.Note((t("a"),), translations=(n.Translation("fr", (t("aa"),)),)),
                     n.Note((t("b"),)),
                     n.Note((t("c"),), internal=True, translations=(n.Translation("fr", (t("cc"),)),)))


@pytest.mark.parametrize(("text", "minutes", "parts"), [
    ("1.250 h", 75, ()), ("0.75 h", 45, ()), ("2,25 hours", 135, ()), ("1 h 30", 90, ()),
    ("1 h 30 min + 5 min", 95, (90, 5)), ("5 + 10 + 15 min", 30, (5, 10, 15)), ("1 + 2 h", 180, (60, 120)),
])
def test_decimal_hours_and_sums_of_several_parts(text: str, minutes: int, parts: tuple) -> None:
    d = parse_duration(text, ONE)
    assert (d.minutes, d.parts, d.text) == (minutes, parts, text)


def test_a_minute_of_three_digits_and_repeated_approximation_words() -> None:
    with pytest.raises(WhenError) as caught:
        parse_times("9:300", ONE)
    assert (caught.value.message, caught.value.start, caught.value.end) == ("'9:300' is not a time", 0, 5)
    slot = parse_times("approx. approx. 9:00", ONE)
    assert (slot.start, slot.approximate, slot.text) == (T(9, 0), True, "approx. approx. 9:00")


def test_the_comments_of_an_agenda_are_kept_with_their_indent() -> None:
    comments = ok("// c\n1. A\n   // d\n").comments
    assert [(c.text, c.indent, tuple(c.span)) for c in comments] == [("c", 0, (1, 1, 1, 5)), ("d", 3, (3, 4, 3, 8))]


def test_a_headings_date_and_time_that_cannot_be_read_are_reported_and_left_out() -> None:
    text = "# H\n  @date 32 May 2026\n  @time 9:3\n  @place  Room 1··\n1. A\n".replace("·", " ")
    assert codes(text) == [("impossible-date", "'32' is not a day of the month", (2, 9, 2, 11)),
                           ("time-syntax", "'9:3' is not a time", (3, 9, 3, 12))]
    group = parse(text).agenda.body[0]
    assert (group.dates, group.time, at(group.place)) == (None, None, ("Room 1", (4, 11, 4, 17)))


@pytest.mark.parametrize(("text", "start", "end", "columns"), [
    ("Monday 2025-06-02", D(2, 6, 2025, 0, iso=True), None, [(1, 18)]),
    ("Monday, 2025-06-02", D(2, 6, 2025, 0, iso=True), None, [(1, 19)]),
    ("4-6 June 2025", D(4, 6, 2025), D(6, 6, 2025), [(1, 2), (3, 14)]),
    ("Monday 2 - Wednesday 4 June 2025", D(2, 6, 2025, 0), D(4, 6, 2025, 2), [(1, 9), (12, 33)]),
])
def test_a_weekday_before_an_iso_date_and_ranges_within_one_month(text: str, start: n.DateValue,
                                                                   end: n.DateValue | None, columns: list) -> None:
    r = parse_dates(text, ONE)
    assert (r.start, r.end, [(d.span.column, d.span.end_column) for d in (r.start, *([r.end] if r.end else []))]) == (
        start, end, columns)


def test_a_two_digit_year_after_a_month_abbreviation_is_refused() -> None:
    with pytest.raises(WhenError) as caught:
        parse_dates("18-Feb-25", ONE)
    assert (caught.value.message, caught.value.start, caught.value.end) == (
        "'25' is not a year: write the year with four digits", 7, 9)


def test_a_docs_reference_dated_with_dots_and_the_blocks_names_in_any_case() -> None:
    agenda = ok("1. A\n   @docs notes: [CM/Notes/1370/1.6] of 3.11.2025\n\nprevious meetings:\n  - 2016-10-28, IRC\n\n"
                "Past Meetings:\n  - 2016-09-16\n\nNEXT MEETINGS:\n  - 1 May 2030\n")
    assert agenda.body[0].document_groups == (
        n.DocGroup("notes", (n.DocRef("CM/Notes/1370/1.6", date=n.DateRange(D(3, 11, 2025))),)),)
    assert tuple(agenda.body[0].documents[0].date.span) == (2, 40, 2, 49)
    assert [(type(b).__name__, b.past) for b in agenda.body[1:]] == [("NextMeetings", True), ("NextMeetings", True),
                                                                    ("NextMeetings", False)]


@pytest.mark.parametrize(("line", "days"), [
    ("language: it\ndate: 1 e 8 ottobre 2027", [(1, 10, 2027), (8, 10, 2027)]),  # was "'e' is not part of a date"
    ("language: ru\ndate: 1 и 8 октября 2027", [(1, 10, 2027), (8, 10, 2027)]),
    ("language: fr\ndate: 1er et 8 octobre 2027", [(1, 10, 2027), (8, 10, 2027)]),
    ("date: 8, 9, and 10 October 2027", [(8, 10, 2027), (9, 10, 2027), (10, 10, 2027)]),
])
def test_a_list_of_days_is_joined_by_and_in_each_shipped_language(line: str, days: list) -> None:
    dates = ok(line + "\n\n1. A\n").meeting.dates
    assert dates is not None
    assert [(d.day, d.month, d.year) for d in (dates.start, *dates.days)] == days


def test_two_times_are_joined_by_the_italian_and() -> None:
    time = ok("language: it\ndate: 1 ottobre 2027\ntime: 10:00 e 14:00\n\n1. A\n").meeting.time
    assert time is not None
    assert ((time.start.hour, time.start.minute), [(s.start.hour, s.start.minute) for s in time.also]) == (
        (10, 0), [(14, 0)])
