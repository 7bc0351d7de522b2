"""Indentation to structure: the Lark post-lexer that makes the grammar see _INDENT and _DEDENT.

Blank lines and comment lines do not count for indentation; comments are collected (with their
indentation) for the formatter instead of reaching the parser. Nesting is bounded here, at the
very start, so that no later stage ever sees a tree deeper than MAX_DEPTH.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from contextvars import Token as _ContextToken
from dataclasses import dataclass, field

from lark import Token

from .diagnostics import Diagnostic, error
from .nodes import Comment
from .span import Span, new_span

MAX_DEPTH = 32
"""Most levels of indentation (docs/limits.md): items nest at most 33 deep. TeX, Jinja and Python
recursion carry far more; the limit keeps every later stage bounded."""

TAB_WIDTH = 4
"""A tab in indentation advances to the next multiple of this many columns."""


class LayoutAbort(Exception):
    """Raised from inside the parse when the input cannot be laid out at all (too deep)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class ParseSink:
    """What one parse finds besides its tree: comments, and diagnostics found while building it.

    The Lark parser (with its post-lexer and transformer) is built once and shared, so per-parse
    state lives here, in a context variable that parser.parse() sets around each parse.
    """

    text_length: int = 0
    text: str = ""
    comments: list[Comment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    comment_lines: set[int] = field(default_factory=set)
    language: str | None = None
    """The header's ``language:``, for reading dates written in that language."""
    fields: list[str] = field(default_factory=list)
    """The names declared in the header's ``fields:``, which items may use as attributes."""

    def blank_between(self, first: int, last: int) -> bool:
        """Whether a blank line (not a comment line) separates source lines ``first`` and ``last``."""
        return any(line not in self.comment_lines for line in range(first + 1, last))


_SINK: ContextVar[ParseSink] = ContextVar("agendadsl_parse_sink")


def current_sink() -> ParseSink:
    """The sink of the parse under way."""
    return _SINK.get()


def open_sink(text: str) -> tuple[ParseSink, _ContextToken]:
    """Start collecting for a new parse of ``text``; pass the returned token to close_sink()."""
    sink = ParseSink(len(text), text)
    return sink, _SINK.set(sink)


def close_sink(reset: _ContextToken) -> None:
    _SINK.reset(reset)


def indent_width(whitespace: str, tab: int = TAB_WIDTH) -> int:
    """Columns taken by leading white space, tabs advancing to the next multiple of ``tab``."""
    width = 0
    for char in whitespace:
        width = (width // tab + 1) * tab if char == "\t" else width + 1
    return width


def line_indent(line: str) -> int:
    """Columns taken by ``line``'s indentation."""
    return indent_width(line[: len(line) - len(line.lstrip(" \t"))])


EDITOR_TAB_WIDTHS = (2, 4, 8)
"""The tab widths editors show: a line whose nesting differs between them is ambiguous."""


def _placement(levels: list[str], indentation: str, tab: int) -> tuple[str, int]:
    """Where a line with ``indentation`` goes among the open ``levels`` when a tab is ``tab`` wide:
    deeper than the last, at one of them (its index), or between two."""
    width = indent_width(indentation, tab)
    widths = [indent_width(level, tab) for level in levels]
    if width > widths[-1]:
        return ("deeper", len(levels))
    return ("at", widths.index(width)) if width in widths else ("between", 0)


def tab_dependent(levels: list[str], indentation: str) -> bool:
    """Whether the line's place among the open levels depends on how wide a tab is shown: only when
    tabs and spaces are mixed, in the line or between it and the levels above (tabs alone, or
    spaces alone, nest the same at every width)."""
    if "\t" not in indentation and not any("\t" in level for level in levels):
        return False
    return len({_placement(levels, indentation, tab) for tab in EDITOR_TAB_WIDTHS}) > 1


class Layout:
    """Lark post-lexer: a line end carries the next line's indentation; emit _INDENT/_DEDENT from it.

    Indentation tokens are emitted right after the line end, before the next line is lexed, so
    that the contextual lexer lexes that line in the state the indentation leads to.
    """

    always_accept = ("_NL", "_LEAD")

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        sink = current_sink()
        stack = [""]  # the indentation of each open level, as written
        line_has_token = False
        last: Token | None = None
        for token in stream:
            if token.type in ("_NL", "_LEAD"):
                indentation = self.comments(sink, token)
                if token.type == "_NL" and line_has_token:
                    yield token
                line_has_token = False
                last = token
                if token.end_pos is not None and token.end_pos < sink.text_length:
                    yield from self.indent(sink, stack, indentation, token)
                continue
            if last is None:  # first line of the file: its indentation was skipped as white space
                start = token.start_pos or 0
                yield from self.indent(sink, stack, sink.text[start - (token.column or 1) + 1:start], token)
            line_has_token = True
            last = token
            yield token
        yield from self.close(stack, last, line_has_token)

    @staticmethod
    def close(stack: list[str], last: Token | None, line_has_token: bool) -> Iterator[Token]:
        """At the end of the text: the last line's end if it has none, and the open levels' _DEDENTs."""
        if last is not None and line_has_token:
            yield Token.new_borrow_pos("_NL", "\n", last)
        for _ in stack[1:]:
            yield Token.new_borrow_pos("_DEDENT", "", last) if last is not None else Token("_DEDENT", "")

    @classmethod
    def indent(cls, sink: ParseSink, stack: list[str], indentation: str | None, token: Token) -> Iterator[Token]:
        """The _INDENT/_DEDENT tokens for the line after ``token`` (a line end) indented by ``indentation``
        (None: the file ends on a comment line), updating the open levels ``stack``."""
        if indentation is None:  # the file ends with a comment line: back to the margin
            yield from (cls._marker("_DEDENT", token) for _ in stack[1:])
            del stack[1:]
            return
        if tab_dependent(stack, indentation):
            raise LayoutAbort(
                error(
                    "mixed-indent",
                    "this line's indentation mixes tabs and spaces with the lines above, so how deep it is "
                    "nested depends on how wide an editor shows a tab",
                    cls._next_line(token),
                    f"indent with spaces only (or with tabs only); agendadsl counts a tab as {TAB_WIDTH} "
                    "columns, other editors as 2 or 8",
                )
            )
        width = indent_width(indentation)
        widths = [indent_width(level) for level in stack]
        if width > widths[-1]:
            if len(stack) > MAX_DEPTH:
                raise LayoutAbort(
                    error(
                        "nesting-too-deep",
                        f"this line is indented more than {MAX_DEPTH} levels deep",
                        cls._next_line(token),
                        f"lines may be indented at most {MAX_DEPTH} levels, so items nest at most {MAX_DEPTH + 1} "
                        "deep; flatten this part of the agenda",
                    )
                )
            stack.append(indentation)
            yield cls._marker("_INDENT", token)
            return
        popped = 0
        while width < widths[-1]:
            previous = widths.pop()
            level = stack.pop()
            popped += 1
            if width > widths[-1]:  # between two levels: snap to the nearer one and report it
                sink.diagnostics.append(
                    error(
                        "inconsistent-indent",
                        f"this line is indented {width} columns, which matches no enclosing level "
                        f"({widths[-1]} or {previous})",
                        cls._next_line(token),
                        f"indent it by {previous} columns like the lines above, or "
                        + (f"by {widths[-1]}" if widths[-1] else "not at all")
                        + " like the line their block belongs to",
                    )
                )
                if previous - width <= width - widths[-1]:
                    stack.append(level)
                    popped -= 1
                break
        for _ in range(popped):
            yield cls._marker("_DEDENT", token)

    @classmethod
    def _marker(cls, kind: str, token: Token) -> Token:
        """An indentation token placed where the next line's text starts (for error messages)."""
        span = cls._next_line(token)
        return Token(kind, "", token.end_pos, span.line, span.column, span.line, span.column, token.end_pos)

    @staticmethod
    def _next_line(token: Token) -> Span:
        """The start of the line that follows a line-end token (where its indentation ends)."""
        if token.type not in ("_NL", "_LEAD"):
            return token_span(token)
        segments = token.value.split("\n")
        line = (token.line or 1) + len(segments) - 1
        return Span.point(line, len(segments[-1]) + 1)

    @staticmethod
    def comments(sink: ParseSink, token: Token) -> str | None:
        """Collect the comment lines inside a line-end token; return the next line's indentation
        (None when the token ends on a comment line, at the end of the file)."""
        segments = token.value.split("\n")
        first_line = token.line or 1
        for index, segment in enumerate(segments):
            body = segment.lstrip(" \t")
            if body.startswith("//"):
                indent = indent_width(segment[: len(segment) - len(body)])
                line = first_line + index
                column = len(segment) - len(body) + 1
                sink.comments.append(Comment(body[2:].strip(), indent, Span(line, column, line, len(segment) + 1)))
                sink.comment_lines.add(line)
        tail = segments[-1]
        return None if tail.lstrip(" \t").startswith("//") else tail


def token_span(token: Token) -> Span:
    """The Span of a Lark token: positions enter the AST only from tokens."""
    return token_range(token, token)


def token_range(first: Token, last: Token) -> Span:
    """The Span from the start of token ``first`` to the end of token ``last`` (as
    ``token_span(first).to(token_span(last))``, in one step: the parser makes one per line)."""
    line = last.line or 1
    column = last.column or 1
    end_line = last.end_line or line
    end_column = last.end_column or column + 1
    if end_line == line and end_column <= column:
        end_column = column + 1
    return new_span(Span, (first.line or 1, first.column or 1, end_line, end_column))
