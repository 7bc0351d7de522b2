"""The JSON export (docs/json.md) gives what tools need that the goldens' samples do not hold:
translations of notes and bullets, dates of document references, and dates that do not exist.
(Written to kill the mutants of render/json_export.py that survived the rest of the suite:
docs/testing.md.)"""

from __future__ import annotations

import json

from agendadsl import analyse
from agendadsl.render import render_text


def exported(source: str) -> dict:
    agenda, _diagnostics = analyse(source)
    assert agenda is not None
    return json.loads(render_text(agenda, "json"))


def test_notes_and_bullets_carry_their_translations() -> None:
    document = exported("body: Board\ndate: 1 May 2026\nlanguage: en, fr\n\n1. Opening\n   fr: Ouverture\n"
                        "   > A note.\n   fr: Une note.\n   - A bullet\n     fr: Une puce\n   - Untranslated\n")
    assert document["items"][0]["notes"] == [
        {"kind": "note", "lines": [[{"text": "A note."}]],
         "translations": {"fr": {"text": "Une note.", "lines": [[{"text": "Une note."}]]}}},
        {"kind": "bullet", "lines": [[{"text": "A bullet"}]],
         "translations": {"fr": {"text": "Une puce", "lines": [[{"text": "Une puce"}]]}}},
        {"kind": "bullet", "lines": [[{"text": "Untranslated"}]]},
    ]


def test_a_document_reference_keeps_its_date() -> None:
    document = exported("body: Board\ndate: 1 May 2026\n\n1. Budget\n"
                        "   @docs [CM(2020)1] of 3 November 2020, [CM(2020)2]\n")
    assert document["items"][0]["documents"] == [
        {"text": "CM(2020)1", "series": None, "url": None,
         "date": {"start": {"date": "2020-11-03", "day": 3, "month": 11, "year": 2020}, "end": None}},
        {"text": "CM(2020)2", "series": None, "url": None},
    ]


def test_a_date_that_does_not_exist_keeps_its_parts_and_has_no_iso_date() -> None:
    # The public to_json takes any agenda that parses, errors and all.
    document = exported("body: Board\ndate: 31 February 2026\n\n1. Budget\n")
    assert document["meeting"]["dates"] == {"start": {"date": None, "day": 31, "month": 2, "year": 2026}, "end": None}


def test_open_ranges_approximate_times_and_several_slots() -> None:
    document = exported("body: Board\ndate: 11 December 2025 - ?\ntime: 09:00-12:30 and 14:00-18:00\n\n"
                        "1. Opening\n   @time approx. 09:20\n2. Lunch\n   @time from 12:30\n3. Close\n   @time 17:50\n")
    assert document["meeting"]["dates"] == {
        "start": {"date": "2025-12-11", "day": 11, "month": 12, "year": 2025}, "end": None, "open_end": True}
    assert document["meeting"]["time"] == {"start": "09:00", "end": "12:30", "zone": None,
                                           "also": [{"start": "14:00", "end": "18:00", "zone": None}]}
    assert [item["time"] for item in document["items"]] == [
        {"start": "09:20", "end": None, "zone": None, "approximate": True},
        {"start": "12:30", "end": None, "zone": None, "open_end": True},
        {"start": "17:50", "end": None, "zone": None},
    ]
