"""The view's fast path for an item with a title and nothing else (view._title_only) makes the
same view as the general path, item() in full."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import Generated, agendas

from agendadsl import parse
from agendadsl.render import view as view_module
from agendadsl.render.view import build
from agendadsl.render.view_model import View

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.agenda"))

PLAIN = """title: Board
number label: Item No.
#. Opening
#. Minutes
   #. Of March
   * Unnumbered
   #. Of April, see {labelled}
1bis. Inserted
#. Labelled {#labelled}
#. Opening
#. Opening
#. Sub-items to come
   @numbering (a)
#. Closed
   @visibility internal
#. Timed
   @time 10:00-10:30
#. Long
   @duration 20 min
#. Discussed
   @for discussion
#. Dropped
   @status withdrawn
#. In camera
   @session closed
#. Presented
   @presenter Ms X
#. With papers
   @docs [CC-2026-04]
#. Papers later
   @documents to follow
#. Annotated
   > A note
#. {labelled}
#. [CC-2026-04]
"""


def _both(text: str, **options) -> None:
    agenda = parse(text).agenda
    assert agenda is not None
    fast = build(agenda, **options)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(view_module, "_title_only", lambda item: False)
        general = build(agenda, **options)
    assert fast == general


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name)
@pytest.mark.parametrize("options", [{}, {"view": View.INTERNAL}, {"language": "fr", "anchors": "fr-"}])
def test_samples_view_the_same_either_way(path: Path, options: dict) -> None:
    _both(path.read_text(encoding="utf-8"), **options)


def test_plain_items_view_the_same_either_way() -> None:
    _both(PLAIN)
    _both(PLAIN, language="de")


def test_titles_spaced_by_their_language_and_translated_view_the_same_either_way() -> None:
    french = "language: fr, en\n#. Ouverture : bienvenue !\n   en: Opening: welcome!\n#. Clôture\n"
    _both(french)
    _both(french, language="en")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agendas())
def test_generated_agendas_view_the_same_either_way(generated: Generated) -> None:
    _both(generated.text)
