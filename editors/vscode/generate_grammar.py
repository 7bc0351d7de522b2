"""Writes syntaxes/agenda.tmLanguage.json, the TextMate grammar of the VS Code extension, from
agendadsl's own definitions, so that editors colour what the parser reads:

- the line markers, item numbers, values and block keywords are the Lark grammar's terminals
  (grammar/agenda.lark, through ``lark_parser()``), their regular expressions copied as they are;
- which terminals are values is ``language.lexemes``' table, the one the Pygments lexer colours by;
- the attribute and header field names are ``language.vocabulary``'s (the grammar's keywords), and
  which values follow which keyword is read from the grammar's rules;
- the pieces of inline text (document references, labels, cross-references, footnote markers,
  links, escapes) are ``language.inline``'s own regular expression;
- the month and weekday names of dates in headings are CLDR's (Babel), in the languages agendadsl
  words (templates/i18n/), as language.when reads them.

What this file adds is the TextMate structure (which line holds what) and the scope names. The
grammar is line-based like the language, except the blocks (``next meetings:``, ``table:``, ...),
whose lines mean something else and which end at the next line at the left margin.

    .venv/bin/python editors/vscode/generate_grammar.py          # rewrites the grammar
    .venv/bin/python editors/vscode/generate_grammar.py --check  # exit 1 if it is out of date

tests/test_textmate.py holds the committed file to what this writes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from lark.lexer import PatternStr

from agendadsl.language import inline, lexemes
from agendadsl.language.grammar import lark_parser
from agendadsl.language.vocabulary import attribute_names, header_fields

OUTPUT = Path(__file__).resolve().parent / "syntaxes" / "agenda.tmLanguage.json"

SCOPES = {
    # The kinds of checks.highlights (the Pygments lexer's and the language server's), by value.
    "number": "constant.numeric.item-number.agenda",
    "marker": "keyword.operator.marker.agenda",
    "attribute": "entity.other.attribute-name.agenda",
    "field": "keyword.other.field.agenda",
    "value": "constant.language.value.agenda",
    "docref": "entity.name.namespace.document-reference.agenda",
    "comment": "comment.line.double-slash.agenda",
    "label": "entity.name.label.agenda",
    "xref": "variable.other.cross-reference.agenda",
    "date": "constant.other.date.agenda",
    "time": "constant.other.time.agenda",
    # Only the TextMate grammar has these.
    "footnote-ref": "entity.name.footnote-reference.agenda",
    "annex-ref": "variable.other.annex-reference.agenda",
    "link": "markup.underline.link.agenda",
    "link-text": "string.other.link.title.agenda",
    "escape": "constant.character.escape.agenda",
    "owner": "variable.other.owner.agenda",
    "separator": "punctuation.separator.agenda",
    "heading": "markup.heading.agenda",
    "quote": "markup.quote.agenda",
}
"""Scope names by kind. The standard scopes every colour theme colours; ``.agenda`` last."""

VALUE_TERMINALS = tuple(name for name, kind in lexemes._BY_NAME.items() if kind is lexemes.LexemeKind.VALUE)
"""The terminals that are values: those language.lexemes (the Pygments lexer's) calls values."""

_OPEN_ENDED = ("NUMBER_EXAMPLE", "LANG")

WHOLE_VALUES = {"@date": "date", "date": "date", "issued": "date", "@time": "time", "time": "time",
                "reference": "docref"}
"""The keywords whose whole value is one piece: a date or a time (language.when reads them, in every
form agendas print them; no regex can), or the agenda's own document reference."""

_END_OF_BLOCK = r"^(?=[ \t]*[^ \t\n/]|[ \t]*/(?!/))(?![ \t])"
"""A block (``next meetings:``, ``table:``) ends at a line that starts at the left margin and is not
a comment; blank, indented and comment lines stay in it."""


def terminal(name: str) -> str:
    """A terminal's regular expression as Oniguruma reads it: Python's ``m`` flag (``^`` and ``$`` at
    line ends, which they always are in TextMate) would be Oniguruma's dot-matches-newline."""
    pattern = lark_parser().get_terminal(name).pattern
    # Lark keeps a terminal's flags in a set, whose order follows Python's hash seed when the
    # grammar is analysed afresh: in sorted order, the same grammar always gives the same file.
    regex = type(pattern)(pattern.value, (), pattern.raw).to_regexp()
    for flag in sorted(pattern.flags):
        regex = f"(?{flag}:{regex})"
    return re.sub(r"\(\?([a-z]*)m([a-z]*):", r"(?\1\2:", regex)


def keyword_regex(words: tuple[str, ...] | list[str]) -> str:
    """Alternatives for fixed words, longest first (``issued in`` before ``issued``)."""
    return "|".join(re.escape(word).replace(r"\ ", "[ \\t]+") for word in sorted(words, key=lambda w: (-len(w), w)))


def _values_after_keywords() -> dict[str, list[str]]:
    """For each keyword (``@status``, ``kind``), the value terminals its rule takes, in the grammar's
    order: read from the rules that start with the keyword, and the helper rules they use."""
    parser = lark_parser()
    rules: dict[str, list[list[str]]] = {}
    for rule in parser.rules:
        rules.setdefault(rule.origin.name, []).append([symbol.name for symbol in rule.expansion])

    def reachable(name: str, seen: set[str]) -> list[str]:
        found: list[str] = []
        for expansion in rules.get(name, []):
            for symbol in expansion:
                if symbol in rules and symbol not in seen:
                    seen.add(symbol)
                    found += reachable(symbol, seen)
                elif symbol in (*VALUE_TERMINALS, "DOCREF") and symbol not in found:
                    found.append(symbol)
        return found

    patterns = {terminal.name: terminal.pattern for terminal in parser.terminals}
    values: dict[str, list[str]] = {}
    for name, expansions in rules.items():
        first = expansions[0][0] if expansions[0] else ""
        pattern = patterns.get(first)
        if isinstance(pattern, PatternStr) and all(e[:1] == [first] for e in expansions):
            # The open-ended values last: "as written" is not the example numbers "as" and "written".
            found = dict.fromkeys(reachable(name, {name}))
            values[pattern.value] = sorted(found, key=lambda value: value in _OPEN_ENDED)
    return values


def _value_patterns(keyword: str, values: dict[str, list[str]]) -> list[dict[str, Any]]:
    """What the rest of a keyword's line holds."""
    if keyword in WHOLE_VALUES:
        return [{"match": r"\S(?:.*\S)?", "name": SCOPES[WHOLE_VALUES[keyword]]}]
    patterns: list[dict[str, Any]] = []
    for value in values.get(keyword, []):
        kind = "docref" if value == "DOCREF" else "value"
        patterns.append({"match": f"(?<![^ \\t,:/]){terminal(value)}", "name": SCOPES[kind]})
    if patterns:
        patterns.append({"match": "[,/]", "name": SCOPES["separator"]})
    return patterns


def _inline() -> dict[str, Any]:
    """inline.py's own pieces, in its order, each group a capture with its scope: text after a marker.
    Its alternative for plain text is left out: TextMate looks for the next piece itself, and other
    patterns (a heading's dates) may start inside that text."""
    names = {"URL": "link", "LINK": "link-text", "FOOTNOTE": "footnote-ref", "DOCREF": "docref",
             "XREF": "xref", "ANNEX": "annex-ref", "ANCHOR": "label", "ESCAPE": "escape"}
    source = "\n".join(line for line in inline._PIECES.pattern.splitlines() if "(?P<TEXT>" not in line)
    pattern = re.compile(source, re.VERBOSE)
    captures = {str(pattern.groupindex[group]): {"name": SCOPES[kind]} for group, kind in names.items()}
    return {"match": "(?x)" + re.sub(r"\(\?P<(\w+)>", "(", source), "captures": captures}


def _names(attribute: str) -> str:
    """CLDR's month or weekday names (wide and abbreviated) in the languages agendadsl words
    (templates/i18n/), as language.when reads them, for a regular expression."""
    from babel.core import Locale

    from agendadsl.support.resources import data_dir

    words: set[str] = set()
    for wording in sorted((data_dir("templates") / "i18n").glob("*.toml")):
        names = getattr(Locale.parse(wording.stem), attribute)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(names.get(context, {}).get(width, {}).values())
    return keyword_regex(sorted(words))


def _heading_when() -> list[dict[str, Any]]:
    """The dates and times a heading names (``# Wednesday 15 October 2025``, ``## Morning, 09.00-12.30``):
    language.when reads every form; these patterns, the common ones."""
    day, year = r"(?:[0-3]?[0-9])(?:\.|er)?", r"[12][0-9]{3}"
    to, dash = "[-\u2013]", "[-\u2013\u2014]"  # a hyphen, an en dash; and an em dash between times
    month = rf"(?i:{_names('months')})"
    written = rf"{day}(?:[ \t]*{to}[ \t]*{day})?[ \t]+{month}(?:[ \t]+{year})?|{month}[ \t]+{day}(?:,[ \t]*{year})?"
    numeric = rf"{year}[-/][01]?[0-9][-/][0-3]?[0-9]|[0-3]?[0-9][./][01]?[0-9][./]{year}"
    date = rf"(?:(?i:{_names('days')}),?[ \t]+)?(?:{written}|{numeric})"
    clock = r"(?:[01]?[0-9]|2[0-3])(?:(?:[:.h][ \t]?[0-5][0-9])?[ \t]?(?i:[ap]\.?[ \t]?m\.?)|[:.h][0-5][0-9])"
    time = rf"{clock}(?:[ \t]*{dash}[ \t]*{clock})?|[0-2][0-9][0-5][0-9][ \t]*{dash}[ \t]*[0-2][0-9][0-5][0-9]"
    return [{"match": rf"(?<![\w.:/-])(?:{date})(?:[ \t]*{to}[ \t]*(?:{date}))?(?![\w])", "name": SCOPES["date"]},
            {"match": rf"(?<![\w.:/-])(?:{time})(?![\w:])", "name": SCOPES["time"]}]


def _line(begin: str, captures: dict[str, str], *, rest: str = "inline", name: str | None = None,
          content: str | None = None, more: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A line that starts with ``begin`` (its groups scoped by ``captures``), then ``rest``; ``name``
    scopes the whole match, ``content`` what follows ``begin``."""
    rule: dict[str, Any] = {
        "begin": begin,
        "beginCaptures": {group: {"name": SCOPES[kind]} for group, kind in captures.items()},
        "end": "$",
        "patterns": [*(more or []), {"include": f"#{rest}"}] if rest else (more or []),
    }
    if name:
        rule["name"] = SCOPES[name]
    if content:
        rule["contentName"] = SCOPES[content]
    return rule


def _marker(terminal_name: str, *, content: str | None = None, rest: str = "inline") -> dict[str, Any]:
    return _line(rf"^[ \t]*({terminal(terminal_name)})", {"1": "marker"}, content=content, rest=rest)


def _block(keyword_terminals: tuple[str, ...], lines: list[dict[str, Any]]) -> dict[str, Any]:
    """A block keyword line (``next meetings:``) and the indented lines under it."""
    keywords = "|".join(terminal(name) for name in keyword_terminals)
    return {
        "begin": rf"^({keywords})[ \t]*(:)",
        "beginCaptures": {"1": {"name": SCOPES["field"]}, "2": {"name": SCOPES["separator"]}},
        "end": _END_OF_BLOCK,
        "patterns": [{"include": "#comment"}, *lines],
    }


def _bullet_line(rest: list[dict[str, Any]]) -> dict[str, Any]:
    return {"begin": rf"^[ \t]+({terminal('BULLET')})", "beginCaptures": {"1": {"name": SCOPES["marker"]}},
            "end": "$", "patterns": rest}


def _next_meeting() -> list[dict[str, Any]]:
    """``- 15-19 March 2021 (tbc), Strasbourg (tbc), in person; a remark``."""
    return [
        {"match": rf"\G[ \t]+({terminal('NEXT_DATE')})(?<![ \t])", "captures": {"1": {"name": SCOPES["date"]}}},
        {"match": terminal("TBC"), "name": SCOPES["value"]},
        {"match": rf"(?<=,)[ \t]*({terminal('KIND')})", "captures": {"1": {"name": SCOPES["value"]}}},
        {"begin": ";", "beginCaptures": {"0": {"name": SCOPES["separator"]}}, "end": "$",
         "patterns": [{"include": "#inline"}]},
        {"match": ",", "name": SCOPES["separator"]},
    ]


def _header(values: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Header lines: ``series NAME: pattern URL``, the fixed fields, and fields of the writer's own."""
    rules: list[dict[str, Any]] = [{
        "begin": rf"^(series)[ \t]+({terminal('SERIES_NAME')})[ \t]*(:)",
        "beginCaptures": {"1": {"name": SCOPES["field"]}, "2": {"name": SCOPES["field"]},
                          "3": {"name": SCOPES["separator"]}},
        "end": "$",
        "patterns": [{"match": terminal("SERIES_URL"), "name": SCOPES["link"]}],
    }]
    for field in sorted(header_fields(), key=lambda w: (-len(w), w)):
        if field != "series":
            rules.append(_line(rf"^({keyword_regex([field])})[ \t]*(:)", {"1": "field", "2": "separator"},
                               rest="", more=_value_patterns(field, values)))
    rules.append(_line(rf"^({terminal('FIELD_NAME')})[ \t]*(:)", {"1": "field", "2": "separator"}, rest=""))
    return rules


def _attributes(values: dict[str, list[str]]) -> list[dict[str, Any]]:
    """``@keyword value`` lines, then ``@name value`` for the writer's own fields."""
    rules = [_line(rf"^[ \t]*({re.escape(word)})(?=[ \t]|$)", {"1": "attribute"}, rest="",
                   more=_value_patterns(word, values))
             for word in sorted(attribute_names(), key=lambda w: (-len(w), w))]
    rules.append(_line(rf"^[ \t]*({terminal('CUSTOM_ATTR')})", {"1": "attribute"}, rest=""))
    return rules


def grammar() -> dict[str, Any]:
    """The TextMate grammar, as the JSON object VS Code reads."""
    values = _values_after_keywords()
    return {
        "$comment": "Generated by editors/vscode/generate_grammar.py from agendadsl's grammar; do not edit.",
        "name": "Agenda",
        "scopeName": "source.agenda",
        "fileTypes": ["agenda"],
        "patterns": [
            {"include": "#comment"},
            {"include": "#blocks"},
            {"include": "#header"},
            {"include": "#lines"},
        ],
        "repository": {
            "comment": {"match": r"^[ \t]*(//.*)$", "captures": {"1": {"name": SCOPES["comment"]}}},
            "blocks": {"patterns": [
                _block(("NEXT_MEETINGS", "PAST_MEETINGS"), [_bullet_line(_next_meeting())]),
                _block(("PARTICIPANTS",), [_bullet_line([])]),
                _block(("ANNEXES",), [_bullet_line([{"include": "#inline"}]), {"include": "#translation"}]),
                _block(("TABLE",), [{"match": r"\\\|", "name": SCOPES["escape"]},
                                    {"match": r"\|", "name": SCOPES["separator"]}]),
            ]},
            "header": {"patterns": _header(values)},
            "lines": {"patterns": [
                _line(rf"^[ \t]*({terminal('NUMBER')})", {"1": "number"}),
                _line(rf"^[ \t]*({terminal('AUTO')}|{terminal('UNNUMBERED')})", {"1": "marker"}),
                *_attributes(values),
                _line(rf"^[ \t]*({terminal('ACTION_MARK')})(?:[ \t]+(@[^\s]+))?", {"1": "marker", "2": "owner"}),
                _marker("ANNOTATION", content="quote"),
                _marker("NOTE", content="quote"),
                _marker("INTERNAL"),
                _marker("VERBATIM", rest=""),  # kept exactly as written: no references in it
                _marker("BULLET"),
                _line(rf"^({terminal('HEADING')})", {"1": "marker"}, name="heading", more=_heading_when()),
                _line(rf"^({terminal('FOOTNOTE')})", {"1": "marker"}),
                {"include": "#translation"},
            ]},
            "translation": _line(rf"^[ \t]*({terminal('TRANSLATION')})", {"1": "marker"}),
            "inline": {"patterns": [_inline()]},
        },
    }


def render() -> str:
    """The file's text: sorted keys, two-space indents, one final newline."""
    return json.dumps(grammar(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
