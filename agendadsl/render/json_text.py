"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, streamed.

The standard library writes indented JSON only with its pure-Python encoder (its C encoder takes
no indent): a chain of generators that yields every bracket, comma and key on its own, about 120
pieces an item of an agenda, 5.9 of the 9.7 s that ``render --to json`` took on 200,000 items.
This writer appends an element's text to one list instead, strings escaped by the same C function
json uses, and yields every few elements of the document's streamed lists
(json_export._Streamed), so that those are still made and dropped one at a time. tests/test_json_text.py holds it to
json.dumps on generated values."""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring  # what json writes strings with when ensure_ascii=False
from typing import Any

INDENT = "  "
_BEFORE: dict[str, dict[str, str]] = {}
"""By a level's line break and indentation: what precedes each key's value there."""
_KEYS_KEPT = 1000
_PIECES_HELD = 4096
"""A streamed list's text is handed out whenever this many pieces are held (a few dozen items'
worth), not after each element: a join and a yield per item cost 0.1 s over 200,000."""


def pieces(value: Any, streamed: type[list[Any]]) -> Iterator[str]:
    """The JSON text of ``value``, in pieces: one for every few elements of a ``streamed`` list (at
    any depth above the first non-streamed value), and one for what lies between them."""
    out: list[str] = []
    yield from _streaming(value, "\n", streamed, out)
    yield "".join(out)


def _streaming(value: Any, newline: str, streamed: type[list[Any]], out: list[str]) -> Iterator[str]:
    """Write ``value`` to ``out``, handing out what ``out`` holds after each element of a streamed
    list; ``newline`` is the line break and indentation of the value's own level."""
    if isinstance(value, dict) and value and _holds_streamed(value, streamed):
        inner = newline + INDENT
        out.append("{")
        separator = inner
        for key, item in value.items():
            out.append(separator)
            out.append(_key(key))
            out.append(": ")
            yield from _streaming(item, inner, streamed, out)
            separator = "," + inner
        out.append(newline)
        out.append("}")
    elif isinstance(value, streamed) and len(value):
        inner = newline + INDENT
        out.append("[")
        separator = inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            if len(out) >= _PIECES_HELD:
                yield "".join(out)
                out.clear()
            separator = "," + inner
        out.append(newline)
        out.append("]")
    else:
        _write(value, newline, out)


def _holds_streamed(value: dict[Any, Any], streamed: type[list[Any]]) -> bool:
    return any(isinstance(item, streamed) or (isinstance(item, dict) and _holds_streamed(item, streamed))
               for item in value.values())


def _write(value: Any, newline: str, out: list[str]) -> None:
    """Append the JSON text of ``value`` to ``out``, as json.dumps(indent=2) writes it at the level
    whose line break and indentation is ``newline``."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + INDENT
        # What comes before each value: ",\n    \"key\": ", made once per key and depth.
        before = _BEFORE.get(inner)
        if before is None:
            before = _BEFORE[inner] = {}
        out.append("{")
        start = len(out)
        for key, item in value.items():
            text = before.get(key) if type(key) is str else None
            if text is None:
                text = "," + inner + _key(key) + ": "
                if type(key) is str and len(before) < _KEYS_KEPT:  # custom field names are the writer's own
                    before[key] = text
            out.append(text)
            # Most values of an agenda's dictionaries are null, a string or empty: written here.
            if item is None:
                out.append("null")
            elif type(item) is str:
                out.append(encode_basestring(item))
            elif not item and (type(item) is list or type(item) is dict):
                out.append("[]" if type(item) is list else "{}")
            else:
                _write(item, inner, out)
        out[start] = out[start][1:]  # no comma before the first key
        out.append(newline)
        out.append("}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = newline + INDENT
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline)
        out.append("]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """A dictionary key as json writes it: a string as it is; a number, a boolean or None as its
    JSON text, quoted."""
    if isinstance(key, str):
        return encode_basestring(key)
    if key is True or key is False or key is None:
        return encode_basestring("true" if key is True else "false" if key is False else "null")
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    if isinstance(key, float):
        return encode_basestring(_float(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
