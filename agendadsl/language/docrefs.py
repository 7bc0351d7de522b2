"""Document references and their declared series: which series a reference belongs to, whether
it has the series' shape, and the URL it links to. Pure functions."""

from __future__ import annotations

import functools
import re
from urllib.parse import quote

from .nodes import DocRef, Series

SUFFIX = r"(?:[-_./ ]?(?:prov|add|addendum|rev|corr|corrigendum|final|def|fin)\.?[0-9]*)*"
"""The suffixes a document symbol may carry: ``prov2``, ``add1``, ``rev``, ``Corr.1``, ``final``,
one after another (``rev1add2``), each perhaps after a dash, dot, slash or space."""
PLACEHOLDERS = {"year": r"[0-9]{4}", "n": r"[0-9]+", "text": r"\S+?", "suffix": SUFFIX}
"""What each ``{placeholder}`` of a series pattern stands for."""

_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")


_OTHER_SCHEME = re.compile(r"\s(?P<url>(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?!\{)\S*)$")
"""A web address with a scheme other than http, https and mailto at the end of a pattern: the
grammar reads only those three as the series' URL, so ``javascript:alert(1)`` ends the pattern."""


class SeriesError(ValueError):
    """A series pattern that cannot be used; the message is for the user, and so is the hint
    when there is one more precise than the general one."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


@functools.lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Turn ``T-ES({year}){n}`` into a regular expression with named groups."""
    other = _OTHER_SCHEME.search(pattern)
    if other is not None:
        from .urls import SAFE_SCHEMES

        *first, last = (f"{scheme}://" if scheme != "mailto" else "mailto:" for scheme in SAFE_SCHEMES)
        allowed = f"{', '.join(first)} or {last}"
        url, scheme = other["url"], other["scheme"]
        if scheme.lower() in SAFE_SCHEMES:
            raise SeriesError(f"the URL {url} has its scheme '{scheme}:' in capitals",
                              f"write the scheme in lower case: {url.replace(scheme, scheme.lower(), 1)}")
        raise SeriesError(f"the URL {url} has the scheme '{scheme}:', which is not allowed; a series URL "
                          f"starts with {allowed}", f"write the documents' address with {allowed}, or leave "
                          "the URL out")
    out = []
    position = 0
    used: set[str] = set()
    for match in _PLACEHOLDER.finditer(pattern):
        name = match.group(1)
        if name not in PLACEHOLDERS:
            raise SeriesError(f"unknown placeholder {{{name}}}; use {', '.join('{' + p + '}' for p in PLACEHOLDERS)}")
        out.append(re.escape(pattern[position : match.start()]))
        out.append(f"(?P<{name}>{PLACEHOLDERS[name]})" if name not in used else f"(?P={name})")
        used.add(name)
        position = match.end()
    out.append(re.escape(pattern[position:]))
    return re.compile("".join(out), re.IGNORECASE if "suffix" in used else 0)


def series_of(ref: DocRef, series: tuple[Series, ...]) -> Series | None:
    """The declared series a reference belongs to: the longest series name it starts with
    (``T-ES(2020)23`` and ``RFC9110`` belong to ``T-ES`` and ``RFC``; the pattern then says
    whether the rest is right)."""
    names, lengths = _index(series)
    for length in lengths:
        found = names.get(ref.text[:length])
        if found is not None:
            return found
    return None


_last_index: list[tuple[tuple[Series, ...], dict[str, Series], list[int]]] = []
"""The series of the last agenda looked up, by name, and their names' lengths, longest first: each
reference then costs a few dictionary look-ups, not one comparison per declared series."""

_patterns: dict[str, re.Pattern[str]] = {}
"""The compiled patterns of the last agenda's series, emptied when another agenda is looked up. The
LRU cache of ``compile_pattern`` alone is too small for an agenda with more series than it holds:
references that cycle through 2,000 series recompiled a pattern each time (7.5 s at 1 MB)."""


def _index(series: tuple[Series, ...]) -> tuple[dict[str, Series], list[int]]:
    if not _last_index or _last_index[0][0] is not series:
        names: dict[str, Series] = {}
        for candidate in series:
            names.setdefault(candidate.name, candidate)  # the first of two with one name, as before
        _last_index[:] = [(series, names, sorted({len(name) for name in names}, reverse=True))]
        _patterns.clear()
    return _last_index[0][1], _last_index[0][2]


def compiled(series: Series, declared: tuple[Series, ...]) -> re.Pattern[str]:
    """The compiled pattern of ``series``, one of the agenda's ``declared`` series, compiled once
    per agenda; SeriesError when it cannot be used."""
    _index(declared)
    return _compiled(series)


def _compiled(series: Series) -> re.Pattern[str]:
    found = _patterns.get(series.pattern)
    if found is None:
        found = _patterns[series.pattern] = compile_pattern(series.pattern)
    return found


def matches(ref: DocRef, series: Series) -> bool:
    """Whether the reference has the shape its series declares."""
    return _compiled(series).fullmatch(ref.text) is not None


def url_for(ref: DocRef, series: Series) -> str | None:
    """The reference's URL from the series' URL template, or None when it has none."""
    if series.url is None:
        return None
    match = _compiled(series).fullmatch(ref.text)
    # Slashes stay: a symbol such as A/HRC/59/1 is a path on most document servers.
    values = {"ref": quote(ref.text, safe="/")}
    if match:
        values.update({k: quote(v or "", safe="/") for k, v in match.groupdict().items()})
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), series.url)


def check_url(series: Series) -> None:
    """SeriesError when the URL names a placeholder that the pattern does not fill."""
    if series.url is None:
        return
    known = {"ref"} | set(_PLACEHOLDER.findall(series.pattern))
    for name in _PLACEHOLDER.findall(series.url):
        if name not in known:
            raise SeriesError(f"the URL uses {{{name}}}, which the pattern {series.pattern} does not define")


def link(ref: DocRef, series: tuple[Series, ...]) -> tuple[Series | None, str | None]:
    """The series of a reference and its URL, when that URL is a safe http, https or mailto link."""
    from .urls import safe_url

    owner = series_of(ref, series)
    if owner is None:
        return None, None
    try:
        return owner, safe_url(url_for(ref, owner))
    except SeriesError:
        return owner, None
