"""Escaping user text for each output format. The Jinja environments apply these to every value
a template prints (see environments.py); only ``Raw`` values, made here, pass unchanged."""

from __future__ import annotations

import itertools
import re
import unicodedata


class Raw(str):
    """Text already in the target format (markup made by a filter from escaped parts)."""


_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "%": r"\%",
    "\t": " ",
    "/": r"/\allowbreak{}",  # long URLs and paths may break after a slash instead of running off the page
    # In braces a bracket is never read as the optional argument of the command before it: a title
    # '[draft] report' inside \strikeThrough{...} was taken for a colour ("Undefined color `draft'").
    "[": "{[}",
    "]": "{]}",
}
_LATEX_RE = re.compile("|".join(re.escape(k) for k in _LATEX))


def latex(text: str) -> str:
    """User text as LaTeX that prints it literally: no command, group, comment, math or active
    character survives. (Ligatures such as -- are switched off by the templates' font set-up.)
    A word longer than LONG_WORD characters may break between its characters (WORD_BREAK)."""
    if len(text) <= LONG_WORD or not _LONG_RUN.search(text):
        return _latex_chars(text)
    pieces, last = [], 0
    for run in _LONG_RUN.finditer(text):
        pieces += [_latex_chars(text[last:run.start()]), _breakable(run.group())]
        last = run.end()
    return "".join([*pieces, _latex_chars(text[last:])])


def _latex_chars(text: str) -> str:
    return _LATEX_RE.sub(lambda m: _LATEX[m.group(0)], text)


LONG_WORD = 30
"""Characters without a space or slash past which a word may break anywhere: a long web address, a
compound or a number would otherwise run off the page or out of a table cell, clipped."""
# A slash is a break already. The look-behind starts a match only where a word starts: without it,
# the search tried again from every character of each shorter word (the same matches, twice the time).
_LONG_RUN = re.compile(rf"(?<![^\s/])[^\s/]{{{LONG_WORD + 1},}}")
WORD_BREAK = r"\penalty5000{}"
"""A place to break a line, taken only when a line has no better one (a space costs nothing);
hyperref drops it from the PDF's title."""


def _breakable(word: str) -> str:
    """A long word escaped, with a WORD_BREAK between two characters wherever a line break
    cannot split what the reader sees as one character or a joined-up script."""
    out = [_latex_chars(word[0])]
    for before, after in itertools.pairwise(word):
        if _may_break(before, after):
            out.append(WORD_BREAK)
        out.append(_latex_chars(after))
    return "".join(out)


def _may_break(before: str, after: str) -> bool:
    return not (_joined(before) or _joined(after))


def _joined(char: str) -> bool:
    """A character that a break next to would split: a combining mark or sign (accents, Indic vowel
    signs and viramas), a joiner or variation selector, an emoji modifier, tag or flag half, or a
    letter of a right-to-left script, whose letters join and are shaped as one run."""
    code = ord(char)
    return (unicodedata.category(char) in ("Mn", "Mc", "Me", "Cf")
            or unicodedata.bidirectional(char) in ("R", "AL")
            or 0xFE00 <= code <= 0xFE0F or 0x1F1E6 <= code <= 0x1F1FF or 0x1F3FB <= code <= 0x1F3FF
            or 0xE0000 <= code <= 0xE01EF)


def latex_url(url: str) -> str:
    """A URL for ``\\href``: percent-encode what hyperref would otherwise interpret."""
    return "".join(_URL_IN_TEX.get(c, c) for c in url)


# Inside a macro argument a bare % would start a TeX comment: every percent sign is written \%,
# which hyperref turns back into % in the link.
_URL_IN_TEX = {"\\": "\\%5C", "#": "\\#", "%": "\\%", "{": "\\%7B", "}": "\\%7D", "~": "\\%7E",
               "^": "\\%5E", "&": "\\&", "_": "\\_", "$": "\\%24", " ": "\\%20"}

# Markdown: characters that make inline markup anywhere in a line (autolinks of http(s) and
# e-mail addresses are safe schemes and left alone), and what makes block markup at a line start.
_MD_ANYWHERE = re.compile(r"[\\`*_\[\]<>|~&$!]")
_MD_START = re.compile(r"^([#+=>-]|[0-9]+[.)])")


def markdown(text: str) -> str:
    """User text as CommonMark/GFM inline text: no emphasis, code, link, HTML, table cell,
    strike-through or math, and no heading, list or quote if it lands at the start of a line."""
    text = _MD_ANYWHERE.sub(lambda m: "\\" + m.group(0), text.replace("\n", " "))
    start = _MD_START.match(text)
    if start:
        token = start.group(0)
        text = (token[:-1] + "\\" + token[-1] if token[0].isdigit() else "\\" + token) + text[len(token):]
    return text


_NUMBER_CHARACTERS = re.compile(r"[A-Za-z0-9.()]*")


def markdown_number(number: str) -> str:
    """An item number inside emphasis (``**2.1**``): numbers are letters, digits, dots and
    parentheses, which cannot start markup there; anything else is escaped as text."""
    if _NUMBER_CHARACTERS.fullmatch(number):
        return number
    return markdown(number)


def markdown_url(url: str) -> str:
    """A URL inside ``[text](<url>)``: no angle bracket, space or line end can appear, nor a pipe,
    which would end a table cell."""
    return url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20").replace(
        "|", "%7C").replace("\n", "")
