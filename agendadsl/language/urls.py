"""Which links may appear in rendered output: http, https and mailto only, judged after the
clean-up browsers do (entities decoded, white space and control characters dropped, case folded)."""

from __future__ import annotations

import re
import unicodedata

SAFE_SCHEMES = ("http", "https", "mailto")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) or mailto link a browser would follow as such, else None."""
    if not url:
        return None
    if "&" in url:  # an entity to decode (html.unescape returns any other text as it is)
        import html  # with its table of entities, 1 ms of a cold check that seldom needs it

        url_text = html.unescape(url)
    else:
        url_text = url
    cleaned = _INVISIBLE.sub("", url_text)
    scheme, colon, rest = cleaned.partition(":")
    if not colon or scheme.lower() not in SAFE_SCHEMES or not rest:
        return None
    if scheme.lower() != "mailto" and not rest.startswith("//"):
        return None
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in url):
        return None
    return url.strip()
