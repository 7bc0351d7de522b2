"""Printing a semantic diff: aligned text for people, in the agenda's language and coloured on a
terminal; versioned JSON of kinds, numbers and fields for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..edit.change_types import Change
from ..render import change_words as words
from ..render.localise import Locale
from .report import visible

JSON_VERSION = 2
"""2: one change per item with ``fields`` ({field, old, new}) instead of English ``details``;
renumbering runs, splits and merges."""
_GREEN, _RED, _DEFAULT, _DIM, _RESET = "\x1b[32m", "\x1b[31m", "\x1b[33m", "\x1b[2m", "\x1b[0m"


def _colour(kind: str) -> str:
    if kind.endswith("added"):
        return _GREEN
    return _RED if kind.endswith("removed") or kind == "withdrawn" else _DEFAULT


def format_text(changes: Sequence[Change], old_name: str, new_name: str, loc: Locale, *,
                color: bool = False) -> str:
    """One line per change (kind, number, title), then what changed indented beneath it; a last
    line counting the items of each kind. Text from the agendas shows control characters as
    escapes, so that an agenda cannot drive the terminal."""
    if not changes:
        return visible(words.phrase(loc, "no_changes", old=old_name, new=new_name)) + "\n"
    rows = [(words.kind(loc, c), words.number(loc, c), c) for c in changes]
    width = max(len(kind) for kind, _, _ in rows)
    numbers = max(len(number) for _, number, _ in rows)
    indent = " " * (width + numbers + 4)
    dim, reset = (_DIM, _RESET) if color else ("", "")
    lines = [visible(f"--- {old_name}"), visible(f"+++ {new_name}")]
    for kind, number, change in rows:
        shown = f"{_colour(change.kind)}{kind.ljust(width)}{_RESET}" if color else kind.ljust(width)
        lines.append(f"{shown}  {visible(number).ljust(numbers)}  {visible(words.headline(loc, change))}".rstrip())
        for detail, edited in words.details(loc, change):
            lines.append(f"{indent}{dim}{visible(detail)}{reset}")
            if edited is not None and edited.field == "notes":  # the lines that changed, beneath
                lines.extend(f"{indent}  {dim}{visible(line)}{reset}" for line in words.notes(edited))
    lines.append(words.count(loc, list(changes)))
    return "\n".join(lines) + "\n"


def to_json(changes: Sequence[Change], old_name: str, new_name: str) -> str:
    """The versioned JSON of ``agenda diff --format json`` (docs/json.md)."""
    document = {"version": JSON_VERSION, "old": old_name, "new": new_name,
                "changes": [change.as_dict() for change in changes]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
