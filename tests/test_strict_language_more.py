"""Behaviour of the language layer that a second, mutation-driven pass over a random sample of its
mutants showed no test pinned: each test names the surviving mutant it was written for and was seen
to fail with that change planted by hand. Expected values are written by hand from
docs/language.md and docs/diagnostics.md, never computed by the code under test."""

from __future__ import annotations

from agendadsl import analyse

HEADER = "body: Board\ndate: 15 October 2025\n\n"


def _found(text: str) -> list[tuple[str, str, int, str | None]]:
    _agenda, found = analyse(HEADER + text)
    return [(d.code, d.message, d.span.line, d.hint) for d in found]


def test_an_explicit_number_back_in_step_after_automatic_ones_and_a_mistake_is_no_error() -> None:
    """language.resolution._SiblingRun.run (mutmut_13): the automatic items were counted down, not
    up, so '3.' after '#.' and a wrong '5.' was reported too, a cascade of one mistake."""
    assert _found("#. A\n5. B\n3. C\n") == [
        ("numbering-mismatch", "item number 5. contradicts the automatic numbering, which gives 2. here", 5,
         "write 2., or '#.' to let agendadsl number it"),
    ]
    assert _found("#. A\n#. B\n9. C\n4. D\n") == [
        ("numbering-mismatch", "item number 9. contradicts the automatic numbering, which gives 3. here", 6,
         "write 3., or '#.' to let agendadsl number it"),
    ]


BILINGUAL = "body: Board\ndate: 15 October 2025\nlanguage: en, fr\n"


def test_each_of_your_own_header_fields_keeps_its_own_translation() -> None:
    """language.transformer._field_translations (mutmut_9): the translation of a field of the
    writer's own was filed under 'custom', not the field's name, so a second such field's
    translation was taken for a duplicate of the first's."""
    agenda, found = analyse(BILINGUAL + "fields: Quorum, Chair\nQuorum: 14 members\nfr: 14 membres\n"
                            "Chair: Ann\nfr: Anne\n\n1. A\n   fr: B\n")
    assert found == []
    assert [(t.key, t.language, t.value, t.span.line, t.span.column, t.span.end_column)
            for t in agenda.meeting.translations] == [
        ("Quorum", "fr", "14 membres", 6, 1, 15),
        ("Chair", "fr", "Anne", 8, 1, 9),
    ]


def test_a_translation_of_the_annexes_line_itself_is_misplaced() -> None:
    """language.transformer.AgendaTransformer.annexes (mutmut_22): the message named the line
    'ANNEXES:', not 'annexes:' as written."""
    _agenda, found = analyse(BILINGUAL + "\n1. A\n   fr: B\n\nannexes:\n  fr: Annexes\n  - A. Report\n")
    assert [(d.code, d.message, d.span.line, d.span.column, d.hint) for d in found] == [
        ("misplaced-translation",
         "a translation line translates the text just above it, and 'annexes:' is not translated", 9, 3,
         "put the line 'fr: ...' right after an item's title, a heading, a note, a bullet, a footnote, an "
         "annex, or a header field such as 'body:' or 'title:'"),
    ]


def test_an_indented_comment_is_kept_with_its_indentation_and_column() -> None:
    """language.layout.Layout.comments (mutmut_10): the spaces were stripped from the wrong end, so
    a comment written indented under an item was not read as a comment."""
    from agendadsl import parse
    from agendadsl.language.nodes import Comment
    from agendadsl.language.span import Span

    result = parse(HEADER + "1. A\n   // keep this\n\t// tab one\n2. B\n")
    assert result.diagnostics == ()
    assert result.agenda is not None
    assert [(c, c.span) for c in result.agenda.comments] == [
        (Comment("keep this", 3), Span(5, 4, 5, 16)),
        (Comment("tab one", 4), Span(6, 2, 6, 12)),
    ]
    assert [i.title.plain for i in result.agenda.items] == ["A", "B"]


def test_an_unambiguous_beginning_of_a_month_or_weekday_name_is_read_and_an_ambiguous_one_is_not() -> None:
    """language.when._build_names (mutmut_77): the beginnings kept were the ambiguous ones, so
    'Sept' and 'Thurs' were no dates and the French 'jui' (juin or juillet?) took one month."""
    for text, language, weekday, month in (("16 Sept 2025", "en", None, 9), ("Thurs 16 Octob 2025", "en", 3, 10),
                                           ("jeudi 16 octob 2025", "fr", 3, 10)):
        agenda, found = analyse(f"body: Board\ndate: {text}\nlanguage: {language}\n\n1. A\n")
        assert found == []
        start = agenda.meeting.dates.start
        assert (start.day, start.month, start.year, start.weekday, agenda.meeting.dates.end) == \
            (16, month, 2025, weekday, None), text
    _agenda, found = analyse("body: Board\ndate: 16 jui 2025\nlanguage: fr\n\n1. A\n")
    assert [(d.code, d.message, d.span.line, d.span.column, d.span.end_column) for d in found] == [
        ("date-syntax", "'jui' is not part of a date", 2, 10, 13),
    ]


def test_an_unreadable_number_still_takes_its_place_in_the_count() -> None:
    """language.resolution._SiblingRun._explicit (mutmut_33): an item whose number is written in
    another scheme ('B.' among arabic numbers) took no place in the count, so the next item, back in
    step with the count ('4.' as the fourth item), was reported too."""
    assert _found("1. A\n5. B\nB. C\n4. D\n") == [
        ("numbering-gap", "item number 5. skips 2.", 5,
         "number this item 2.; if an item was dropped on purpose, keep it in the agenda with '@status "
         "withdrawn'; if the agenda prints its numbers this way, write '@numbering as written' on the heading "
         "or item above"),
        ("numbering-scheme", "item number B. is written in upper-case letters (A, B, C), but this level is "
         "numbered with arabic numerals (1, 2, 3)", 6,
         "number it 6., or declare this level's scheme with 'numbering:' in the header or '@numbering' on the "
         "parent item"),
    ]


def test_a_status_without_a_stage_word_has_no_stage() -> None:
    """language.transformer._status (mutmut_2): a status with no standard stage word first took the
    stage '' (an empty word), not none."""
    from agendadsl.language.nodes import Stage, Status
    from agendadsl.language.span import Span

    for text, expected in (("Rev. 2 corrigendum", Status(None, 2, Span(3, 9, 3, 27), "corrigendum")),
                           ("rev.3", Status(None, 3, Span(3, 9, 3, 14), None)),
                           ("draft Rev.1", Status(Stage.DRAFT, 1, Span(3, 9, 3, 20), None)),
                           ("Preliminary", Status(None, None, Span(3, 9, 3, 20), "Preliminary"))):
        agenda, found = analyse(f"body: Board\ndate: 15 October 2025\nstatus: {text}\n\n1. A\n")
        assert found == []
        status = agenda.meeting.status
        assert (status, status.span, status.stage) == (expected, expected.span, expected.stage), text
        assert status.stage is expected.stage, text


def test_two_time_slots_joined_by_the_agendas_own_word_for_and() -> None:
    """language.when._read_times (mutmut_45): the German 'und' after a comma between two slots
    (', und') was not read, so a German agenda's morning and afternoon written that way were no time."""
    for language, joiner in (("de", " und "), ("fr", " et "), ("en", " and "), ("de", ", und "), ("fr", ", et "),
                             ("en", ", and "), ("en", ", "), ("it", " e "), ("it", ", e "), ("ru", ", и ")):
        agenda, found = analyse(f"body: Board\ndate: 15 October 2025\nlanguage: {language}\n"
                                f"time: 09:00-12:00{joiner}14:00-17:00\n\n1. A\n")
        assert found == [], joiner
        slot = agenda.meeting.time
        assert (slot.start.hour, slot.start.minute, slot.end.hour, slot.end.minute, slot.zone) == (9, 0, 12, 0, None)
        assert (slot.span.column, slot.span.end_column) == (7, 29 + len(joiner))
        assert [(s.start.hour, s.end.hour, s.text, s.span.column, s.span.end_column) for s in slot.also] == [
            (14, 17, "14:00-17:00", 18 + len(joiner), 29 + len(joiner)),
        ], joiner
