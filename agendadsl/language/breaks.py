"""Which timed headings are breaks: rows such as "12.30-14.00 Lunch" that hold none of the items
after them. Kept apart so that the parser and the formatter agree on the same list."""

from __future__ import annotations

BREAK_WORDS = frozenset({
    "break", "coffee", "tea", "lunch", "luncheon", "dinner", "breakfast", "reception", "recess", "pause",
    "déjeuner", "dejeuner", "café", "repas", "cocktail", "mittagspause", "kaffeepause", "mittagessen",
    "almuerzo", "descanso", "pranzo", "перерыв", "обед",
})
"""First words that make a timed heading a break ("## 12.30-14.00 Lunch", "### 11:30am Break"). Any
other heading is made one with '@break'."""


def names_a_break(title: str) -> bool:
    """Whether a heading titled ``title`` (without its time) names a break by its first word."""
    words = title.strip().split()
    return bool(words) and words[0].strip(",.:;()-").lower() in BREAK_WORDS
