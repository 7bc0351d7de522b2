"""Hypothesis strategies that write agendas the way people do, from docs/language.md.

``agendas()`` draws a ``Generated`` agenda: valid source text (it checks with no error) together
with what the text means, worked out here independently of agendadsl: every item's title as a
reader sees it, its label and the number it displays, and every comment. The writer varies
everything the language leaves free: header fields in any order, numbering schemes (arabic,
roman, letters, ``(a)``) declared in the header and with ``@numbering``, numbers written out or
left to ``#.``, unnumbered ``*`` items, insertions (``2.1bis``, ``6a``), attributes in any order,
notes, internal notes, bullets, document references of declared series, cross-references, dates
and ranges in every accepted spelling, ``(tbc)``, ``next meetings:`` blocks, ``//`` comments,
blank lines, tabs in indentation and trailing white space.

``mutated()`` damages a generated agenda with the small edits people and tools make by accident;
``mutated_bytes()`` does the same to its bytes (bad UTF-8, a BOM, CR LF, a cut in a character).

Only the strategies live here; the properties that use them are in test_generated.py.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata
from dataclasses import dataclass, field

from hypothesis import strategies as st

# ------------------------------------------------------------------------------------ free text

BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(char: str) -> bool:
    """Whether a character may stand in agenda text (docs: control-character, bidi-control)."""
    code = ord(char)
    return not (unicodedata.category(char) in ("Cc", "Cs") or 0xFDD0 <= code <= 0xFDEF
                or (code & 0xFFFE) == 0xFFFE or code == 0xFFFD or char in BIDI_CONTROLS)


# Pieces of text that mean something in one output format or another, or in the language itself.
HOSTILE_SNIPPETS = [
    r"\input{x}", r"\directlua{os.exit(1)}", r"\\", "\\", "{", "}", "[", "]", "{#x}", "{x}", "[ref]",
    "<script>alert(1)</script>", "<b>", "</li>", "&amp;", "&lt;", "&#60;", "<!--", '"', "'",
    "*", "#", "_", "*#_", "**", "__", "`", "```", "~~", "|", "$", "$$", "%", "&", "~", "^", "^^5c",
    "# ", "1. ", "- ", "> ", "+ ", "=", "//", "http://example.org", "javascript:alert(1)", "[x](y)", "![i](j)",
    "--", "---", "``", "''", "<<", ">>", "@time", "!", ";", ",", ":", "(tbc)", "#.", "\t",
    "Ελληνικά", "Кириллица", "日本語", "Ça été", "ß", "\u00a0", "\u200b", "\u00ad", "e\u0301",
]

WORDS = ["Opening", "of", "the", "meeting", "adoption", "agenda", "Report", "Chair", "budget", "2027", "Any",
         "other", "business", "Exchange", "views", "on", "draft", "Élection", "Président", "Συνεδρίαση", "Заседание",
         "会议", "naïve", "O’Brien", "“quoted”", "–", "…", "Art. 20(3)", "e.g.", "a/b", "No.", "5%", "C:\\files"]

WIDE_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\n\r").filter(printable)
"""Any character agenda text may hold (tabs included)."""

@functools.lru_cache(maxsize=None)
def free_text(min_size: int = 1, max_size: int = 40, alphabet=WIDE_CHARS) -> st.SearchStrategy[str]:
    """Literal text from a wide alphabet mixed with hostile snippets; never empty or blank once
    trimmed the way agendadsl trims (spaces and tabs at both ends), never longer than max_size.
    (Built once per set of arguments: building strategies is what makes drawing slow.)"""
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
    pieces = st.lists(st.one_of(words, st.text(alphabet, min_size=1, max_size=5), st.sampled_from(HOSTILE_SNIPPETS)),
                      min_size=1, max_size=3)
    return (pieces.map("".join).map(lambda t: t.strip(" \t")[:max_size].strip(" \t"))
            .filter(lambda t: len(t) >= min_size and t.strip() != "" and printable_all(t)))


@functools.lru_cache(maxsize=1024)
def _sampled(options: tuple) -> st.SearchStrategy:
    return st.sampled_from(options)


def pick(draw, options):
    """One of ``options``, like draw(st.sampled_from(options)) without building a strategy each time."""
    return draw(_sampled(tuple(options)))


def printable_all(text: str) -> bool:
    return all(printable(c) for c in text) and "\n" not in text and "\r" not in text


def escape(text: str, minimal: bool = False) -> str:
    """Literal text as written in a title, note or bullet (docs: "Brackets, braces and backslashes
    as text"): ``\\[ \\] \\{ \\} \\\\``. ``minimal`` leaves a backslash alone where the language
    keeps it as text anyway: before a letter, a digit or a space."""
    out = []
    for index, char in enumerate(text):
        following = text[index + 1] if index + 1 < len(text) else ""
        if char == "\\" and minimal and following and (following.isalnum() or following == " "):
            out.append(char)
        elif char in "[]{}\\":
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


# ------------------------------------------------------------------------------- references

@dataclass(frozen=True)
class SeriesDecl:
    name: str
    pattern: str
    url: str | None


SERIES = [
    SeriesDecl("T-ES", "T-ES({year}){n}", "https://rm.coe.int/{ref}"),
    SeriesDecl("gh", "gh-{n}", "https://github.com/example/project/issues/{n}"),
    SeriesDecl("RFC", "RFC {n}", "https://www.rfc-editor.org/rfc/rfc{n}"),
    SeriesDecl("SR", "SR-{year}-{n}", "https://portellery.gov/agendas/staff-reports/{ref}.pdf"),
    SeriesDecl("CC", "CC-{year}-{n}", None),
    SeriesDecl("DOC", "DOC/{text}", "mailto:secretariat@example.org?subject={ref}"),
]


@st.composite
def series_reference(draw, series: SeriesDecl) -> str:
    """A reference that has its series' shape."""
    values = {"year": str(draw(st.integers(1990, 2040))), "n": str(draw(st.integers(0, 9999))).zfill(
        draw(st.integers(1, 3))), "text": draw(st.text("abcXYZ019-_.()", min_size=1, max_size=8))}
    out = series.pattern
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out


@st.composite
def reference(draw, declared: tuple[SeriesDecl, ...]) -> str:
    """The text of a document reference: of a declared series, or free text that belongs to none."""
    if declared and draw(st.booleans()):
        return draw(series_reference(pick(draw, declared)))
    text = draw(free_text(max_size=30).map(lambda t: t.strip()).filter(bool))
    if any(text.startswith(s.name) for s in declared):
        text = "§" + text
    return text


def written_reference(text: str, padded: bool = False) -> str:
    """``[A\\]B]``: a reference in brackets, its brackets and backslashes escaped."""
    inner = "".join("\\" + c if c in "[]\\" else c for c in text)
    if inner.startswith("^") and not padded:  # "[^1]" is a footnote marker
        inner = "\\" + inner
    return f"[ {inner} ]" if padded else f"[{inner}]"


# ------------------------------------------------------------------------------------ rich text

@dataclass
class Rich:
    """A line of rich text as written (``source``) and as a reader sees it (``plain``, with
    cross-references shown as ``{label}``, as agendadsl's RichText.plain shows them)."""

    source: str
    plain: str


@st.composite
def rich_text(draw, labels: list[str], declared: tuple[SeriesDecl, ...], max_parts: int = 3) -> Rich:
    """Text with document references and cross-references mixed in."""
    count = draw(st.integers(1, max_parts))
    kinds = draw(st.lists(st.sampled_from(["text", "text", "text", "ref", "xref"]), min_size=count, max_size=count))
    if kinds[0] != "text" and draw(st.booleans()):
        kinds.insert(0, "text")
    source, plain = [], []
    minimal = draw(st.booleans())
    for index, kind in enumerate(kinds):
        if kind == "xref" and labels:
            label = pick(draw, labels)
            source.append("{" + label + "}")
            plain.append("{" + label + "}")
        elif kind == "ref":
            text = draw(reference(declared))
            source.append(written_reference(text, padded=draw(st.booleans())))
            plain.append(text)
        else:
            text = draw(free_text(max_size=50))
            if index > 0:
                text = " " + text
            if index < len(kinds) - 1:
                text += " "
            source.append(escape(text, minimal))
            plain.append(text)
    return Rich("".join(source), "".join(plain))


# -------------------------------------------------------------------------------- numbering

ARABIC, UPPER_ROMAN, LOWER_ROMAN, UPPER_ALPHA, LOWER_ALPHA = "1", "I", "i", "A", "a"


@dataclass(frozen=True)
class Style:
    """How the numbers of one level are written (docs: "Declaring styles by example")."""

    scheme: str
    start: int = 1
    prefix: str = "none"  # none, inherit (the parent's number), literal (@numbering's leading parts)
    literal: tuple[str, ...] = ()
    opener: str = ""
    closer: str = ""


# Examples and what the docs say each one declares, written out by hand rather than computed.
HEADER_EXAMPLES = {
    "1.": Style(ARABIC, 1, closer="."), "1": Style(ARABIC, 1), "0.": Style(ARABIC, 0, closer="."),
    "5.": Style(ARABIC, 5, closer="."), "1)": Style(ARABIC, 1, closer=")"), "(1)": Style(ARABIC, 1, "none", (), "(", ")"),
    "1.1": Style(ARABIC, 1, "inherit"), "9.1.": Style(ARABIC, 1, "inherit", closer="."),
    "1.0": Style(ARABIC, 0, "inherit"), "I.1": Style(ARABIC, 1, "inherit"),
    "(a)": Style(LOWER_ALPHA, 1, "none", (), "(", ")"), "a)": Style(LOWER_ALPHA, 1, closer=")"),
    "a.": Style(LOWER_ALPHA, 1, closer="."), "A.": Style(UPPER_ALPHA, 1, closer="."),
    "(A)": Style(UPPER_ALPHA, 1, "none", (), "(", ")"), "c)": Style(LOWER_ALPHA, 3, closer=")"),
    "v)": Style(LOWER_ALPHA, 22, closer=")"), "x.": Style(LOWER_ALPHA, 24, closer="."),
    "i.": Style(LOWER_ROMAN, 1, closer="."), "(i)": Style(LOWER_ROMAN, 1, "none", (), "(", ")"),
    "I.": Style(UPPER_ROMAN, 1, closer="."), "iv)": Style(LOWER_ROMAN, 4, closer=")"),
    "cc.": Style(LOWER_ROMAN, 200, closer="."), "XL.": Style(UPPER_ROMAN, 40, closer="."),
    "1.a": Style(LOWER_ALPHA, 1, "inherit"), "1.A.": Style(UPPER_ALPHA, 1, "inherit", closer="."),
    "1.i": Style(LOWER_ROMAN, 1, "inherit"), "A": Style(UPPER_ALPHA, 1), "i": Style(LOWER_ROMAN, 1),
}
ITEM_EXAMPLES = {
    **{example: style for example, style in HEADER_EXAMPLES.items() if style.prefix == "none"},
    "I.1": Style(ARABIC, 1, "literal", ("I",)), "III.1": Style(ARABIC, 1, "literal", ("III",)),
    "2.0": Style(ARABIC, 0, "literal", ("2",)), "A.1.": Style(ARABIC, 1, "literal", ("A",), closer="."),
    "x.i": Style(LOWER_ROMAN, 1, "literal", ("x",)), "4.2.a": Style(LOWER_ALPHA, 1, "literal", ("4", "2")),
}
TOP_LEVEL = Style(ARABIC, 1, closer=".")
DEEPER_LEVEL = Style(ARABIC, 1, "inherit")

_ROMAN_VALUES = [("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
                 ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1)]


def in_scheme(value: int, scheme: str) -> str:
    if scheme == ARABIC:
        return str(value)
    if scheme in (UPPER_ROMAN, LOWER_ROMAN):
        assert 1 <= value <= 3999
        out = ""
        for letters, amount in _ROMAN_VALUES:
            while value >= amount:
                out, value = out + letters, value - amount
        return out if scheme == UPPER_ROMAN else out.lower()
    letters = ""
    while value:
        value, rest = divmod(value - 1, 26)
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[rest] + letters
    return letters if scheme == UPPER_ALPHA else letters.lower()


LATIN_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def writable(style: Style, prefix: tuple[str, ...], segment: str) -> bool:
    """Whether a number can be written out, not only reached with '#.'. A number needs a dot, a
    parenthesis or a leading digit (docs: "Numbers"); so 'a' and 'IV' alone cannot be written."""
    return bool(style.opener or style.closer or prefix or segment[:1].isdigit())


# ------------------------------------------------------------------------------------- dates

WEEKDAY_NAMES = [("Monday", ["Mon"]), ("Tuesday", ["Tue", "Tues"]), ("Wednesday", ["Wed"]),
                 ("Thursday", ["Thu", "Thur", "Thurs"]), ("Friday", ["Fri"]), ("Saturday", ["Sat"]),
                 ("Sunday", ["Sun"])]
# No "Mar": the dates are drawn before the agenda's language, and in French "mar." is mardi (Tuesday),
# so "Mar 1, 2000" in a French agenda is rightly read as a weekday without a month.
MONTH_NAMES = [("January", ["Jan"]), ("February", ["Feb"]), ("March", []), ("April", ["Apr"]), ("May", []),
               ("June", ["Jun"]), ("July", ["Jul"]), ("August", ["Aug"]), ("September", ["Sep", "Sept"]),
               ("October", ["Oct"]), ("November", ["Nov"]), ("December", ["Dec"])]
DASHES = ["-", "–", "—"]


@st.composite
def _word(draw, full: str, short: list[str]) -> str:
    word = pick(draw, [full, *short])
    if word != full and draw(st.booleans()):
        word += "."
    return pick(draw, [word, word.lower(), word.upper()])


@st.composite
def written_date(draw, day: datetime.date, month: bool = True, year: bool = True, weekday: bool | None = None) -> str:
    """One date in an accepted spelling: ``Monday, 23 Nov. 2020``, ``23 November``, ``2020-11-23``."""
    if weekday is None:
        weekday = draw(st.booleans())
    parts = []
    if weekday:
        name = draw(_word(*WEEKDAY_NAMES[day.weekday()]))
        parts.append(name + ("," if draw(st.booleans()) else ""))
    parts.append(str(day.day) if draw(st.booleans()) or day.day >= 10 else f"0{day.day}")
    if month:
        parts.append(draw(_word(*MONTH_NAMES[day.month - 1])))
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


@st.composite
def written_range(draw, first: datetime.date, last: datetime.date) -> str:
    """A date or a range in one of the spellings of docs/language.md "Dates"."""
    if draw(st.integers(0, 5)) == 0:
        iso = first.isoformat()
        return iso if first == last else f"{iso} {pick(draw, DASHES)} {last.isoformat()}"
    if first == last and draw(st.integers(0, 3)) == 0:  # month first: "Tuesday, March 4, 2025"
        weekday = draw(_word(*WEEKDAY_NAMES[first.weekday()])) + ", " if draw(st.booleans()) else ""
        ordinal = {1: "st", 2: "nd", 3: "rd"}.get(first.day % 10 if first.day not in (11, 12, 13) else 0, "th")
        day = f"{first.day}{ordinal}" if draw(st.booleans()) else str(first.day)
        return f"{weekday}{draw(_word(*MONTH_NAMES[first.month - 1]))} {day}, {first.year}"
    if first == last:
        return draw(written_date(first))
    dash = pick(draw, DASHES)
    end = draw(written_date(last))
    weekday = draw(st.booleans()) and draw(st.booleans())
    same_year = first.year == last.year
    if same_year and first.month == last.month and draw(st.booleans()):
        start = draw(written_date(first, month=False, year=False, weekday=weekday))
    elif (same_year or (last.year == first.year + 1 and first.month > last.month)) and draw(st.booleans()):
        start = draw(written_date(first, year=False, weekday=weekday))
    else:
        start = draw(written_date(first, weekday=weekday))
    if start.isdigit() and not weekday and draw(st.booleans()):
        return f"{start}{dash}{end}"  # 7-11 December 2020
    return f"{start} {dash} {end}"


@st.composite
def written_time(draw, minutes: int) -> str:
    """A time as agendas print it: ``09:30``, ``9:30``, ``09h30``, ``14.45``, ``18 h 30``,
    ``3.15 p.m.``, ``9 am``, ``11:00 AM`` (docs/language.md "Times")."""
    hour, minute = divmod(minutes, 60)
    form = draw(st.integers(0, 5))
    if form == 4 and hour < 24:  # the 12-hour clock, always with its am or pm
        twelve = hour % 12 or 12
        suffix = pick(draw, ["am", "a.m.", "AM", "A.M."] if hour < 12 else ["pm", "p.m.", "PM", "P.M."])
        clock = f"{twelve}" if minute == 0 and draw(st.booleans()) else f"{twelve}{pick(draw, [':', '.'])}{minute:02d}"
        return f"{clock}{pick(draw, ['', ' '])}{suffix}"
    if form == 5 and hour < 24:  # French
        return f"{hour} h" if minute == 0 and draw(st.booleans()) else f"{hour} h {minute:02d}"
    hours = f"{hour:02d}" if hour >= 10 or draw(st.booleans()) else str(hour)
    return f"{hours}{pick(draw, [':', ':', 'h', '.'])}{minute:02d}"


@st.composite
def time_slot(draw) -> str:
    start = draw(st.integers(0, 23 * 60 + 58))
    slot = draw(written_time(start))
    if draw(st.booleans()):
        end = draw(st.integers(start + 1, 24 * 60))
        end_text = "24:00" if end == 24 * 60 else draw(written_time(end))
        space = pick(draw, ["", " "])
        slot += f"{space}{pick(draw, DASHES)}{space}{end_text}" if draw(st.integers(0, 3)) else f" to {end_text}"
    elif draw(st.integers(0, 4)) == 0:
        slot = pick(draw, ["approx. ", "from ", "+/- ", "ca. "]) + slot
    return slot


@st.composite
def duration(draw) -> str:
    hours, minutes = draw(st.integers(0, 9)), draw(st.integers(0, 59))
    if hours == 0 and minutes == 0:
        minutes = 15

    def unit(words: list[str]) -> str:
        word = pick(draw, words)
        return pick(draw, [word, word.upper(), word.capitalize()])

    minute_words = ["min", "mins", "minutes"] + (["minute"] if minutes == 1 else [])
    hour_words = ["h", "hr", "hrs", "hours"] + (["hour"] if hours == 1 else [])
    if hours == 0:
        return f"{minutes}{pick(draw, ['', ' '])}{unit(minute_words)}"
    if minutes == 0:
        return f"{hours} {unit(hour_words)}"
    form = draw(st.integers(0, 2))
    if form == 0:
        return f"{hours} {unit(hour_words)} {minutes} {unit(minute_words)}"
    if form == 1:
        return f"{hours}h{minutes:02d}"
    return f"{hours} {unit(hour_words)} {minutes}"


# --------------------------------------------------------------------------------- the model

@dataclass
class ItemModel:
    """One item as generated: how it is written and what it means."""

    mark: str  # "explicit", "auto" or "none"
    number: str | None  # the number it displays (None for '*')
    written: str  # the number as written, '#.' or '*'
    base: tuple[str, ...] | None  # its number without decorations, as parts
    title: Rich | None = None
    label: str | None = None
    child_example: str | None = None
    children: list["ItemModel"] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # attributes, notes and bullets, unindented
    indent: int = 0  # how far its own lines are indented under it


@dataclass
class Generated:
    """A generated agenda: its ``text`` and what a correct reader finds in it."""

    text: str
    items: list[tuple[str, str | None, str | None, int]]  # (plain title, label, number, depth) in order
    comments: list[str]  # every comment's text, trimmed, in order
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, title) in order
    text_lines: list[str] = field(default_factory=list)  # every line of top-level text, as read, in order

    def __repr__(self) -> str:  # hypothesis prints the falsifying example: show the text as it reads
        return f"Generated(text=\n{self.text}\n)"


@dataclass
class _Context:
    header_examples: list[str]
    labels: list[str] = field(default_factory=list)
    series: tuple[SeriesDecl, ...] = ()
    translation: str | None = None  # the language of the agenda's "de:" lines, declared in its header

    @property
    def header_styles(self) -> list[Style]:
        return [HEADER_EXAMPLES[example] for example in self.header_examples]


def _style_for(parent: ItemModel | None, depth: int, context: _Context) -> Style:
    if parent is not None and parent.child_example is not None:
        return ITEM_EXAMPLES[parent.child_example]
    if depth <= len(context.header_styles):
        return context.header_styles[depth - 1]
    return TOP_LEVEL if depth == 1 else DEEPER_LEVEL


def _prefix(style: Style, parent_base: tuple[str, ...] | None) -> tuple[str, ...]:
    if style.prefix == "literal":
        return style.literal
    if style.prefix == "inherit" and parent_base:
        return parent_base
    return ()


@st.composite
def _siblings(draw, context: _Context, parent: ItemModel | None, depth: int, run_base: tuple[str, ...] | None,
              max_depth: int, budget: list[int]) -> list[ItemModel]:
    """The children of ``parent`` (the top level when None), numbered by the rules of
    docs/language.md "Numbering"; ``run_base`` is the number their own numbers build on."""
    style = _style_for(parent, depth, context)
    if parent is not None and parent.mark == "none":
        # Under an unnumbered item there is no number to build on: the nearest numbered ancestor's
        # (run_base), or, at the top, the top level's style. (This is what agendadsl does; the docs
        # say otherwise: test_generated.py, test_automatic_sub_items_of_an_unnumbered_item_are_numbered_1_2.)
        if run_base is None and parent.child_example is None and style.prefix == "inherit":
            style = context.header_styles[0] if context.header_styles else TOP_LEVEL
        parent_base = run_base
    else:
        parent_base = parent.base if parent is not None else None
    prefix = _prefix(style, parent_base)
    count = draw(st.integers(1 if depth == 1 else 0, 4 if depth <= 2 else 2))
    value = style.start
    out: list[ItemModel] = []
    for _ in range(count):
        if budget[0] <= 0:
            break
        budget[0] -= 1
        mark = pick(draw, ["auto", "explicit", "explicit", "none"])
        if mark == "none":
            item = ItemModel("none", None, "*", None)
        else:
            segment = in_scheme(value, style.scheme)
            number = style.opener + ".".join((*prefix, segment)) + style.closer
            if mark == "explicit" and not writable(style, prefix, segment):
                mark = "auto"
            item = ItemModel(mark, number, number if mark == "explicit" else "#.", (*prefix, segment))
            value += 1
        out.append(item)
        if item.mark != "none" and draw(st.integers(0, 5)) == 0:
            out.extend(_insertions(draw, style, prefix, value - 1, budget))
    for item in out:
        if depth < max_depth and draw(st.integers(0, 2)) == 0:
            if draw(st.integers(0, 3)) == 0:
                item.child_example = draw(st.sampled_from(sorted(ITEM_EXAMPLES)))
            child_base = item.base if item.mark != "none" else parent_base
            item.children = draw(_siblings(context, item, depth + 1, child_base, max_depth, budget))
            if not item.children:
                item.child_example = None
    return out


def _insertions(draw, style: Style, prefix: tuple[str, ...], value: int, budget: list[int]) -> list[ItemModel]:
    """Items inserted after item ``value``: 2.1bis, 2.1ter or 6a, 6b (docs: "Inserted items")."""
    segment = in_scheme(value, style.scheme)
    latin = LATIN_SUFFIXES if style.scheme == ARABIC else LATIN_SUFFIXES[:5]  # bis to sexies
    suffixes = draw(st.sampled_from([latin, "abcdefghij"] if style.scheme == ARABIC else [latin]))
    out = []
    for suffix in suffixes[: draw(st.integers(1, 3))]:
        if budget[0] <= 0 or not writable(style, prefix, segment + suffix):
            break
        budget[0] -= 1
        number = style.opener + ".".join((*prefix, segment + suffix)) + style.closer
        out.append(ItemModel("explicit", number, number, (*prefix, segment + suffix)))
    return out


def _walk(items: list[ItemModel], depth: int = 1):
    for item in items:
        yield item, depth
        yield from _walk(item.children, depth + 1)


IDENT = st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,10}", fullmatch=True)


@st.composite
def _fill(draw, items: list[ItemModel], context: _Context) -> None:
    """Titles, labels, attributes, notes and bullets; labels first, so text can refer to them."""
    everything = list(_walk(items))
    for item, _depth in everything:
        if draw(st.integers(0, 3)) == 0:
            label = draw(IDENT)
            while label in context.labels:
                label += "-" + str(len(context.labels))
            item.label = label
            context.labels.append(label)
    for item, _depth in everything:
        item.title = draw(rich_text(context.labels, context.series))
        item.lines = draw(_item_lines(item, context))


FIXED_WORDS = {
    "for": ["decision", "information", "discussion", "adoption", "approval", "consultation"],
    "status": ["withdrawn", "postponed", "tbc"],
    "session": ["public", "closed"],
    "visibility": ["public", "internal"],
}
"""The attributes whose value is one of a few words, in any case."""


def _any_case(draw, word: str) -> str:
    return pick(draw, [word, word.upper(), word.capitalize()])


@st.composite
def _item_lines(draw, item: ItemModel, context: _Context) -> list[str]:
    attributes: list[str] = []
    chosen = draw(st.sets(st.sampled_from(["time", "duration", "presenter", "docs", *FIXED_WORDS]), max_size=3))
    for name in sorted(chosen):
        if name == "time":
            attributes.append(f"@time {draw(time_slot())}")
        elif name == "duration":
            attributes.append(f"@duration {draw(duration())}")
        elif name == "presenter":
            attributes.append(f"@presenter {draw(free_text(max_size=60))}")
        elif name == "docs":
            refs = draw(st.lists(reference(context.series), min_size=1, max_size=3))
            attributes.append("@docs " + pick(draw, [", ", ",", " , "]).join(
                written_reference(r, draw(st.booleans())) for r in refs))
        else:
            attributes.append(f"@{name} {_any_case(draw, pick(draw, FIXED_WORDS[name]))}")
    if item.child_example is not None:
        attributes.append(f"@numbering {item.child_example}")
    attributes = draw(st.permutations(attributes))
    translate = context.translation
    if translate and draw(st.booleans()):  # the title's translation, first under the item
        attributes.insert(0, f"{translate}: {draw(rich_text(context.labels, context.series, max_parts=2)).source}")
    texts: list[str] = []
    for _ in range(draw(st.integers(0, 2))):
        kind = pick(draw, [">", ">", ">>", "!", "-"])
        for _line in range(draw(st.integers(1, 2)) if kind != "-" else 1):
            texts.append(f"{kind} {draw(rich_text(context.labels, context.series, max_parts=2)).source}")
        if translate and draw(st.integers(0, 2)) == 0:  # its translation, on the next line
            texts.append(f"{translate}: {draw(rich_text(context.labels, context.series, max_parts=2)).source}")
        if kind == "-" and draw(st.integers(0, 2)) == 0:  # bullets under the bullet, two spaces further in
            for _sub in range(draw(st.integers(1, 2))):
                texts.append(f"  - {draw(rich_text(context.labels, context.series, max_parts=2)).source}")
        if kind != "-" and draw(st.integers(0, 3)) == 0:
            texts.append(kind)  # a marker alone ends the paragraph
    return list(attributes) + texts


# ----------------------------------------------------------------------------------- writing

def indentation(width: int) -> st.SearchStrategy[str]:
    """White space that is ``width`` columns wide: spaces, since a tab mixed with the spaces of other
    lines makes the nesting depend on the tab width and is refused (mixed-indent; tests of tabs
    are in test_limits.py and test_pasted_spaces.py)."""
    return st.just(" " * width)


@st.composite
def comment(draw) -> str:
    text = draw(st.one_of(st.just(""), st.text(st.characters(blacklist_categories=("Cs",),
                                                              blacklist_characters="\n\r"), max_size=30)))
    return "//" + pick(draw, ["", " "]) + text


class _Writer:
    """Collects lines, scattering comments, blank lines and trailing white space among them."""

    def __init__(self, draw) -> None:
        self.draw = draw
        self.lines: list[str] = []
        self.comments: list[str] = []

    def extras(self, comments: bool = True) -> None:
        draw = self.draw
        for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 2)) == 0 else 0):
            if comments and draw(st.booleans()):
                text = draw(comment())
                self.lines.append(draw(indentation(draw(st.integers(0, 12)))) + text)
                self.comments.append(text[2:].strip())
            else:
                self.lines.append(pick(draw, ["", " ", "\t", "   "]))

    def line(self, indent: int, text: str, comments: bool = True) -> None:
        self.extras(comments)
        trailing = pick(self.draw, ["", "", "", " ", "\t", "  "])
        self.lines.append(self.draw(indentation(indent)) + text + trailing)


def _write_items(writer: _Writer, items: list[ItemModel], column: int, draw) -> None:
    for item in items:
        assert item.title is not None
        head = f"{item.written} {item.title.source}"
        if item.label is not None:
            head += f" {{#{item.label}}}"
        writer.line(column, head)
        inner = column + pick(draw, [len(item.written) + 1, 1, 2, 3, 4, 4, 8])
        lines = list(item.lines)
        for text in lines:
            writer.line(inner, text)
        _write_items(writer, item.children, inner, draw)


# ------------------------------------------------------------------------------------- header

HEADER_TEXT_FIELDS = ["body", "meeting", "platform", "place"]
HEADER_ORDER = ["body", "meeting", "kind", "platform", "place", "date", "time", "reference", "status", "language",
                "numbers", "numbering", "series"]
"""The order in which the formatter writes the header (docs/git.md)."""
ZONES = ["UTC", "GMT", "UTC+2", "UTC-03:30", "Europe/Paris", "America/New_York", "America/Argentina/Buenos_Aires",
         "Asia/Kolkata"]
PLACES = ["Strasbourg", "Head office", "KUDO Platform", "Palais de l'Europe (room 1)", "City Hall Council Chambers",
          "Genève", "Онлайн", "東京", "Room 2/3 & annex"]
QUOTED_PLACES = ["City Hall, Council Chambers", "Agora building; room G03", "Hall “A”, room 1", "(tbc) hall",
                 "virtual", "Hybrid"]


@st.composite
def _header(draw, context: _Context, meeting_days: tuple[datetime.date, datetime.date] | None) -> list[str]:
    fields: list[str] = []
    for name in HEADER_TEXT_FIELDS:
        if draw(st.booleans()):
            fields.append(f"{name}: {draw(free_text(max_size=60))}")
    if draw(st.booleans()):
        fields.append(f"kind: {_any_case(draw, pick(draw, ['in person', 'in-person', 'virtual', 'hybrid']))}")
    if meeting_days is not None:
        fields.append(f"date: {draw(written_range(*meeting_days))}")
    if draw(st.booleans()):
        zone = f" {pick(draw, ZONES)}" if draw(st.booleans()) else ""
        fields.append(f"time: {draw(time_slot())}{zone}")
    if draw(st.booleans()):
        fields.append(f"reference: {draw(reference(context.series))}")
    if draw(st.booleans()):
        stage = pick(draw, ["", "draft", "provisional", "revised", "adopted", "final"])
        revision = pick(draw, ["", "Rev.1", "Rev. 2", "rev.3", "REV.10"])
        value = " ".join(part for part in (_any_case(draw, stage) if stage else "", revision) if part)
        fields.append(f"status: {value or 'draft'}")
    if context.translation:  # drawn before the items, which carry its lines
        fields.append(f"language: {pick(draw, ['en', 'fr', 'en-GB', 'fr-CH'])}, {context.translation}")
    elif draw(st.booleans()):
        fields.append(f"language: {pick(draw, ['en', 'fr', 'en-GB', 'en-US', 'fr-CH', 'EN'])}")
    if draw(st.integers(0, 3)) == 0:
        fields.append(f"numbers: {_any_case(draw, pick(draw, ['frozen', 'free']))}")
    if context.header_examples:
        separator = pick(draw, [" / ", "/", " /"])
        fields.append("numbering: " + separator.join(context.header_examples))
    for series in context.series:
        url = f" {series.url}" if series.url else ""
        fields.append(f"series {series.name}: {series.pattern}{url}")
    return list(draw(st.permutations(fields)))


@st.composite
def _next_meeting(draw, first: datetime.date, last: datetime.date) -> str:
    line = "- " + draw(written_range(first, last))
    if draw(st.integers(0, 2)) == 0:
        line += " " + pick(draw, ["(tbc)", "(TBC)", "(Tbc)"])
    parts = []
    if draw(st.booleans()):
        if draw(st.booleans()):
            place = pick(draw, PLACES)
        else:
            place = '"' + draw(st.one_of(st.sampled_from(QUOTED_PLACES), free_text(max_size=30).filter(
                lambda t: '"' not in t and t == t.strip()))) + '"'
        parts.append(place + (" (tbc)" if draw(st.booleans()) else ""))
    if draw(st.booleans()):
        kind = pick(draw, ["in person", "in-person", "virtual", "hybrid", "kind"])
        parts.append(_any_case(draw, kind) + (" (tbc)" if kind == "kind" or draw(st.booleans()) else ""))
    for part in draw(st.permutations(parts)):
        line += ", " + part
    if draw(st.booleans()):
        line += "; " + escape(draw(free_text(max_size=40)))  # the remark is rich text, like a title
    return line


# ------------------------------------------------------------------------------------ agendas

@st.composite
def agendas(draw, max_depth: int = 4, max_items: int = 10, comments: bool = True) -> Generated:
    """A valid agenda: it checks with no error, and ``Generated`` says what it holds."""
    examples = draw(st.lists(st.sampled_from(sorted(HEADER_EXAMPLES)), max_size=3))
    declared = tuple(draw(st.lists(st.sampled_from(SERIES), max_size=3, unique_by=lambda s: s.name)))
    context = _Context(examples, series=declared, translation=pick(draw, [None, None, "de"]))
    items = draw(_siblings(context, None, 1, None, max_depth, [max_items]))
    draw(_fill(items, context))

    days = None
    if draw(st.integers(0, 4)) > 0:
        first = draw(st.dates(datetime.date(1990, 1, 1), datetime.date(2060, 12, 31)))
        days = (first, first + datetime.timedelta(days=pick(draw, [0, 0, 0, 1, 2, 4, 20])))

    writer = _Writer(draw)
    if not comments:
        writer.extras = lambda comments=True: None  # type: ignore[method-assign]
    fields = draw(_header(context, days))
    # In the formatter's order or not: a comment before a field the formatter moves up must
    # still format stably (test_a_comment_between_header_fields_formats_stably).
    if draw(st.booleans()):
        fields.sort(key=lambda line: HEADER_ORDER.index(line.split(":")[0].split(" ")[0]))
    for field_line in fields:
        writer.line(0, field_line)

    # The next meetings: after this meeting, in order, in one or two blocks among the top-level items.
    meetings = []
    cursor = days[1] if days else datetime.date(2030, 1, 1)
    for _ in range(draw(st.integers(0, 4))):
        first = cursor + datetime.timedelta(days=draw(st.integers(1, 200)))
        cursor = first + datetime.timedelta(days=pick(draw, [0, 0, 1, 3, 40]))
        meetings.append(draw(_next_meeting(first, cursor)))
    blocks: dict[int, list[str]] = {}
    if meetings:
        split = draw(st.integers(1, len(meetings)))
        places = sorted(draw(st.lists(st.integers(0, len(items)), min_size=2, max_size=2)))
        blocks[places[0]] = meetings[:split]
        if meetings[split:]:
            blocks.setdefault(places[1], []).extend(meetings[split:])

    # Headings before some top-level items (never before the first one when there is a preamble),
    # and text that is not an item: a preamble, text between items, closing text.
    headings: dict[int, tuple[int, str]] = {}
    for index in sorted(draw(st.sets(st.integers(0, max(len(items) - 1, 0)), max_size=3))):
        if items:
            headings[index] = (draw(st.integers(1, 3)), escape(draw(free_text(max_size=30, alphabet=HEADING_CHARS))))
    text_at: dict[int, list[str]] = {}
    read_text: list[str] = []
    for index in draw(st.sets(st.integers(0, len(items)), max_size=2)):
        text_at[index] = draw(_text_block(context))

    if writer.lines:
        writer.lines.append("")
    for index in range(len(items) + 1):
        if index in text_at:
            for line in text_at[index]:
                writer.line(0 if not line.startswith("  ") else 2, line.lstrip(" "))
                plain = line.lstrip(" ").split(" ", 1)
                if len(plain) == 2 and plain[1].strip(" \t"):
                    read_text.append(_unescape(plain[1]).strip(" \t"))
        if index in headings:
            level, title = headings[index]
            writer.line(0, "#" * level + " " + title)
        if index in blocks:
            writer.line(0, pick(draw, ["next meetings:", "Next meetings:", "NEXT MEETINGS:",
                                                 "next meetings :"]))
            indent = draw(st.integers(1, 4))
            for meeting in blocks[index]:
                writer.line(indent, meeting)
        if index < len(items):
            _write_items(writer, [items[index]], 0, draw)
    writer.extras()
    text = "\n".join(writer.lines) + pick(draw, ["\n", "", "\n\n"])
    expected = [(item.title.plain.strip(" \t"), item.label, item.number, depth) for item, depth in _walk(items)]
    titles = [(level, _unescape(title).strip(" \t")) for _, (level, title) in sorted(headings.items())]
    return Generated(text, expected, writer.comments, titles, read_text)


def _unescape(text: str) -> str:
    """What a reader sees of text written with ``escape``: each escaped character as itself."""
    import re

    return re.sub(r"\\([\[\]{}\\])", r"\1", text)


HEADING_CHARS = st.characters(whitelist_categories=("Lu", "Ll", "Lo"), whitelist_characters=" -,'")
"""Heading titles without digits: a digit could make part of the title a date or a time."""


@st.composite
def _text_block(draw, context: _Context) -> list[str]:
    """Lines of top-level text: '>' and '!' paragraphs, bullets and bullets under bullets."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        kind = pick(draw, [">", ">", "!", "-"])
        words = draw(free_text(max_size=40, alphabet=HEADING_CHARS).filter(lambda t: t.strip()))
        lines.append(f"{kind} {escape(words)}")
        if kind == "-" and draw(st.booleans()):
            lines.append(f"  - {escape(draw(free_text(max_size=20, alphabet=HEADING_CHARS).filter(str.strip)))}")
    return lines


# ----------------------------------------------------------------------------------- damage

HOSTILE_INSERTS = ["\x00", "\t", "\r", "\x1b[31m", "\u202e", "\ufeff", "\ufffd", "[", "]", "{", "}", "\\", "{#",
                   "{#x}", "//", "#. ", "* ", "@", "@time", ":", "next meetings:", "- ", "> ", "1.", " ", "    ",
                   "\u2028", "\x85", "(tbc)", ",", ";", '"', "9999999999999999999999. ", "MMMM.", "\n"]


@st.composite
def mutated(draw, source=None) -> str:
    """A generated agenda (or one drawn from ``source``) after 1 to 4 small accidents: a line
    deleted, duplicated or swapped with another, a hostile character typed in, indentation
    changed, the file cut short."""
    text = draw(source if source is not None else agendas().map(lambda g: g.text))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        edit = pick(draw, ["delete", "duplicate", "swap", "insert", "indent", "truncate"])
        index = draw(st.integers(0, len(lines) - 1))
        if edit == "delete" and len(lines) > 1:
            del lines[index]
        elif edit == "duplicate":
            lines.insert(index, lines[index])
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif edit == "insert":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + pick(draw, HOSTILE_INSERTS) + line[at:]
        elif edit == "indent":
            line = lines[index]
            body = line.lstrip(" \t")
            lines[index] = pick(draw, ["", " ", "  ", "\t", " \t", "     ", " " * 40]) + (
                body if draw(st.booleans()) else line)
        elif edit == "truncate":
            cut = draw(st.integers(0, len(text)))
            lines = text[:cut].split("\n")
        text = "\n".join(lines)
    return text


@st.composite
def mutated_bytes(draw, source=None) -> bytes:
    """A mutated agenda as bytes, perhaps also damaged as bytes: invalid UTF-8 typed in, a BOM,
    CR LF or lone CR line ends, the file cut in the middle of a character."""
    data = draw(mutated(source)).encode("utf-8")
    for _ in range(draw(st.integers(0, 2))):
        edit = pick(draw, ["bad", "bom", "crlf", "cr", "cut"])
        if edit == "bad":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + pick(draw, [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe9", b"\xf4\x90\x80\x80",
                                                     b"\xc0\xaf"]) + data[at:]
        elif edit == "bom":
            data = b"\xef\xbb\xbf" + data
        elif edit == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif edit == "cr":
            data = data.replace(b"\n", b"\r")
        else:
            data = data[: draw(st.integers(0, len(data)))]
    return data
