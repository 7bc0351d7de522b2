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
