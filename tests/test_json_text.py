"""The JSON writer (render/json_text.py) writes what json.dumps(indent=2, ensure_ascii=False) writes,
byte for byte, on any value the agenda's JSON can hold, streamed lists included."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from agendadsl.render.json_export import _Streamed
from agendadsl.render.json_text import pieces

_KEYS = st.one_of(st.text(max_size=8), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text())
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
                            st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=25,
)


def _written(value) -> str:
    return "".join(pieces(value, _Streamed))


@given(_VALUES)
def test_any_value_is_written_as_json_dumps_writes_it(value) -> None:
    assert _written(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(st.dictionaries(st.text(max_size=5), _VALUES, max_size=3), st.lists(_VALUES, max_size=5))
def test_a_streamed_list_is_written_as_a_list(head, elements) -> None:
    document = {**head, "items": _Streamed(lambda x: x, elements), "nested": {"body": _Streamed(lambda x: x, [])}}
    expected = json.dumps({**head, "items": elements, "nested": {"body": []}}, ensure_ascii=False, indent=2)
    assert _written(document) == expected


def test_a_streamed_list_is_handed_out_every_few_elements_as_they_are_made() -> None:
    made = []

    def make(n):
        made.append(n)
        return {"n": n, "title": "x" * 20}

    stream = pieces({"a": 1, "items": _Streamed(make, list(range(10_000)))}, _Streamed)
    first = next(stream)
    assert first.startswith('{\n  "a": 1,\n  "items": [\n    {\n      "n": 0,')
    assert len(made) < 1_000  # a few hundred at most made before the first text is handed out, not all
    rest = list(stream)
    assert len(rest) > 10  # and so on through the list
    assert "".join([first, *rest]) == json.dumps(
        {"a": 1, "items": [{"n": n, "title": "x" * 20} for n in range(10_000)]}, ensure_ascii=False, indent=2)


def test_escapes_and_special_numbers_by_hand() -> None:
    assert _written({"t": "a\"b\\c\n\u2028é\x00", "n": float("nan"), "i": float("-inf"), 2: [True, None]}) == (
        '{\n  "t": "a\\"b\\\\c\\n\u2028é\\u0000",\n  "n": NaN,\n  "i": -Infinity,\n  "2": [\n    true,\n    null\n  ]\n}')
