"""Printing a semantic diff: aligned text for people (coloured on a terminal), versioned JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..edit.changes import Change

JSON_VERSION = 1
_COLOURS = {"added": "\x1b[32m", "next-meeting-added": "\x1b[32m", "heading-added": "\x1b[32m",
            "text-added": "\x1b[32m", "heading-removed": "\x1b[31m", "text-removed": "\x1b[31m", "removed": "\x1b[31m",
            "next-meeting-removed": "\x1b[31m", "withdrawn": "\x1b[31m", "past-meeting-added": "\x1b[32m",
            "past-meeting-removed": "\x1b[31m"}
_DEFAULT, _DIM, _RESET = "\x1b[33m", "\x1b[2m", "\x1b[0m"


def _number(change: Change) -> str:
    if change.old_number and change.new_number and change.old_number != change.new_number:
        return f"{change.old_number} -> {change.new_number}"
    return change.new_number or change.old_number or ""


def format_text(changes: Sequence[Change], old_name: str, new_name: str, *, color: bool = False) -> str:
    """One line per change, then its details indented; a last line counting them."""
    if not changes:
        return f"no changes between {old_name} and {new_name}\n"
    width = max(len(c.kind) for c in changes)
    numbers = max(len(_number(c)) for c in changes)
    lines = [f"--- {old_name}", f"+++ {new_name}"]
    for change in changes:
        kind = change.kind.ljust(width)
        if color:
            kind = f"{_COLOURS.get(change.kind, _DEFAULT)}{kind}{_RESET}"
        lines.append(f"{kind}  {_number(change).ljust(numbers)}  {change.title}".rstrip())
        for detail in change.details:
            lines.append(f"{' ' * (width + numbers + 4)}{_DIM if color else ''}{detail}{_RESET if color else ''}")
    counts: dict[str, int] = {}
    for change in changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    lines.append(", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return "\n".join(lines) + "\n"


def to_json(changes: Sequence[Change], old_name: str, new_name: str) -> str:
    """The versioned JSON of ``agenda diff --format json`` (docs/json.md)."""
    document = {"version": JSON_VERSION, "old": old_name, "new": new_name,
                "changes": [change.as_dict() for change in changes]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
