"""Which writing systems an agenda's text uses, found once in the source: a PDF needs a font for
each of them, and the bidirectional algorithm for right-to-left ones."""

from __future__ import annotations

import re
import unicodedata

# Everything beyond Latin, Greek and Cyrillic, whose letters the main fonts have.
_BEYOND_CYRILLIC = re.compile("[^\\u0000-\\u052f]")
# The blocks of the right-to-left scripts: Hebrew to Arabic Extended-A, the Hebrew and Arabic
# presentation forms, and the historic right-to-left scripts of plane 1.
_RIGHT_TO_LEFT = re.compile("[\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefc"
                            "\\U00010800-\\U00010fff\\U0001e800-\\U0001efff]")


def scripts_of(text: str) -> tuple[frozenset[str], bool]:
    """The scripts of the letters and marks in ``text`` beyond Latin, Greek and Cyrillic, each
    named by the first word of its characters' Unicode names (BENGALI, TAMIL, CJK, HANGUL, OL for
    Ol Chiki), and whether any character is of a right-to-left script. One scan in C; each
    distinct character is looked at once."""
    distinct = set(_BEYOND_CYRILLIC.findall(text))
    names = frozenset(unicodedata.name(c, "").split(" ", 1)[0] for c in distinct
                      if unicodedata.category(c)[0] in "LM") - {""}
    return names, any(_RIGHT_TO_LEFT.match(c) for c in distinct)
