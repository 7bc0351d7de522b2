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
