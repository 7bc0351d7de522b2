"""Numbering resolution: the number every item displays, and every way its number is wrong.

The renderers and the numbering checks share this one pass, so the checker, the JSON and every
output format agree on what "the number of this item" is. Explicit numbers are displayed exactly
as written; automatic ones (``#.``) follow the declared style of their level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import numbering as num
from .diagnostics import Diagnostic, Fix, Related, error, warning
from .nodes import AS_WRITTEN, Agenda, Attr, Entry, Group, Item, NumberMark
from .span import Span


@dataclass
class Resolution:
    """Display numbers by item identity, and the numbering diagnostics found on the way."""

    numbers: dict[int, str] = field(default_factory=dict)
    expected: dict[int, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def number_of(self, item: Item) -> str | None:
        """The number ``item`` displays, or None for an unnumbered item."""
        return self.numbers.get(id(item))


def level_styles(agenda: Agenda, resolution: Resolution) -> list[num.Style | None]:
    """The header's declared styles, level by level; None for an example that cannot be read."""
    styles: list[num.Style | None] = []
    for example in agenda.meeting.numbering:
        if example.value == AS_WRITTEN:
            return []
        try:
            styles.append(num.style_from_example(example.value, literal_prefix=False))
        except num.NumberingError as problem:
            resolution.diagnostics.append(_bad_example(example, problem))
            styles.append(None)
    return styles


_last: list[tuple[Agenda, Resolution]] = []
"""The last agenda resolved and its numbers (at most one entry)."""


def resolve(agenda: Agenda) -> Resolution:
    """Number every item of ``agenda`` and report numbering problems. Iterative: no recursion.

    The last result is kept: ``check`` and then ``render`` of one agenda resolve it once. Agendas
    are immutable, so the same object always has the same numbers."""
    if _last and _last[0][0] is agenda:
        return _last[0][1]
    resolution = _resolve(agenda)
    _last[:] = [(agenda, resolution)]
    return resolution


def _resolve(agenda: Agenda) -> Resolution:
    resolution = Resolution()
    styles = level_styles(agenda, resolution)
    everything_as_written = any(example.value == AS_WRITTEN for example in agenda.meeting.numbering)
    # Each entry: a parent, its children, their depth, and the nearest numbered ancestor's number
    # (children of an unnumbered heading take their prefix from it, or else number as a top level).
    pending: list[tuple[Item | None, tuple[Item, ...], int, tuple[str, ...] | None]] = []
    # The top-level items: one sequence across headings, except under a heading with '@numbering'.
    for heading, siblings in reversed(_top_level_runs(agenda.body)):
        if heading is None or heading.child_numbering is None:
            pending.append((None, siblings, 1, None))
            continue
        style, checked = _example_style(heading.child_numbering, False, resolution)
        _SiblingRun(style, None, resolution if checked else Resolution(resolution.numbers),
                    as_written=heading.child_numbering.value == AS_WRITTEN).run(siblings)
        pending.extend((item, item.children, 2, None) for item in reversed(siblings) if item.children)
    while pending:
        parent, siblings, depth, inherited = pending.pop()
        style, checked = _style_for(parent, depth, styles, resolution)
        parent_base = _base(resolution.number_of(parent)) if parent is not None else None
        if parent is not None and parent.mark is NumberMark.NONE:
            parent_base = inherited
            if inherited is None and parent.child_numbering is None and style.prefix is num.Prefix.INHERIT:
                style = styles[0] or num.TOP_LEVEL if styles else num.TOP_LEVEL
        # Children numbered after what their misnumbered parent should have been are not errors too.
        also = _base(resolution.expected.get(id(parent))) if parent is not None else None
        as_written = everything_as_written or (parent is not None and parent.child_numbering is not None
                                               and parent.child_numbering.value == AS_WRITTEN)
        run = _SiblingRun(style, parent_base, resolution if checked else Resolution(resolution.numbers), also,
                          as_written=as_written)
        run.run(siblings)
        pending.extend((item, item.children, depth + 1, parent_base) for item in reversed(siblings) if item.children)
    return resolution


def _top_level_runs(body: tuple[Entry, ...]) -> list[tuple[Group | None, tuple[Item, ...]]]:
    """The top-level items in the sequences they are numbered in: one that runs across headings,
    and one for each heading with '@numbering' (its items start again)."""
    main: list[Item] = []
    runs: list[tuple[Group | None, list[Item]]] = [(None, main)]

    def visit(entries: tuple[Entry, ...], current: list[Item]) -> None:
        for entry in entries:
            if isinstance(entry, Item):
                current.append(entry)
            elif isinstance(entry, Group):
                if entry.child_numbering is not None:
                    own: list[Item] = []
                    runs.append((entry, own))
                    visit(entry.body, own)
                else:
                    visit(entry.body, current)

    visit(body, main)
    return [(heading, tuple(items)) for heading, items in runs]


def _example_style(example: Attr[str], literal_prefix: bool, resolution: Resolution) -> tuple[num.Style, bool]:
    """The style an '@numbering' example declares (any style for 'as written')."""
    if example.value == AS_WRITTEN:
        return num.TOP_LEVEL, True
    try:
        return num.style_from_example(example.value, literal_prefix=literal_prefix), True
    except num.NumberingError as problem:
        resolution.diagnostics.append(_bad_example(example, problem))
        return num.TOP_LEVEL, False


def _style_for(parent: Item | None, depth: int, styles: list[num.Style | None],
               resolution: Resolution) -> tuple[num.Style, bool]:
    """The style of the children of ``parent``, and whether it was readable (else: not checked)."""
    fallback = num.TOP_LEVEL if depth == 1 else num.DEEPER_LEVEL
    if parent is not None and parent.child_numbering is not None:
        if parent.child_numbering.value == AS_WRITTEN:
            return fallback, True
        try:
            return num.style_from_example(parent.child_numbering.value, literal_prefix=True), True
        except num.NumberingError as problem:
            resolution.diagnostics.append(_bad_example(parent.child_numbering, problem))
            return fallback, False
    if depth <= len(styles):
        declared = styles[depth - 1]
        return (declared, True) if declared is not None else (fallback, False)
    return fallback, True


def _base(number: str | None) -> tuple[str, ...] | None:
    if number is None:
        return None
    try:
        return num.split_label(number).base
    except num.NumberingError:
        return None


def _bad_example(example: Attr[str], problem: Exception) -> Diagnostic:
    if isinstance(problem, num.NumberTooLong):
        return _too_long("numbering example", example.span, problem)
    return error("invalid-numbering", f"cannot read the numbering example: {problem}", example.span,
                 "declare each level by its first number, for example '1.', '1.1', '(a)', 'i.' or 'I.1'")


class _SiblingRun:
    """Numbers one list of siblings, comparing each explicit number with the expected one."""

    def __init__(self, style: num.Style, parent_base: tuple[str, ...] | None, resolution: Resolution,
                 alternative_base: tuple[str, ...] | None = None, *, as_written: bool = False) -> None:
        self.style = style
        self.as_written = as_written
        """Numbers shown as written and checked for nothing ('numbering: as written')."""
        self.parent_base = parent_base
        self.expected_prefix = style.prefix_for(parent_base)
        self.alternative_prefix = style.prefix_for(alternative_base) if alternative_base else None
        self.resolution = resolution
        self.previous: tuple[int, int] | None = None  # (value, suffix rank) of the last numbered sibling
        self.previous_auto = False
        self.counted = 0
        self.seen: dict[tuple[int, int], Span] = {}
        self.unseen: list[tuple[int, list[Item]]] = []
        """Runs of automatic numbers (the first value, the items) not yet entered in ``seen``: only
        an explicit number reads it, and most lists have none."""
        self.insertions: dict[int, list[tuple[int, str, Span]]] = {}

    def run(self, siblings: tuple[Item, ...]) -> None:
        autos: list[Item] = []  # consecutive automatic numbers, given together by _autos()
        for item in siblings:
            if item.mark is NumberMark.AUTO:
                autos.append(item)
                continue
            if item.mark is NumberMark.NONE:
                continue
            if autos:
                self._autos(autos)
                autos = []
            if self.as_written and item.mark is NumberMark.EXPLICIT and item.number is not None:
                self.resolution.numbers[id(item)] = item.number.value
                continue
            if self._explicit(item):
                self.counted += 1
        if autos:
            self._autos(autos)
        self._check_insertions_complete()

    @property
    def expected_value(self) -> int:
        return self.style.start if self.previous is None else self.previous[0] + 1

    def _display(self, value: int) -> str:
        return self.style.format(self.parent_base, value) or str(value)

    def _autos(self, items: list[Item]) -> None:
        """_auto() for each of ``items``, consecutive automatic numbers: per item, the common case
        costs one formatted string and one dict entry."""
        first = self.expected_value
        texts = self.style.format_run(self.parent_base, first, len(items))
        if texts is None:  # some cannot be written: one at a time, each reported
            self._enter_unseen()
            for item in items:
                self._auto(item)
                self.counted += 1
            return
        self.resolution.numbers.update(zip(map(id, items), texts, strict=True))
        self.unseen.append((first, items))
        self.previous = (first + len(items) - 1, 0)
        self.previous_auto = True
        self.counted += len(items)

    def _enter_unseen(self) -> None:
        """Enter the automatic numbers given since ``seen`` was last written, in their order."""
        for first, items in self.unseen:
            for value, item in enumerate(items, first):
                self.seen.setdefault((value, 0), item.span)
        self.unseen.clear()

    def _auto(self, item: Item) -> None:
        value = self.expected_value
        text = self.style.format(self.parent_base, value)
        if text is None:
            self._report(error("numbering-overflow", f"item number {value} cannot be written in "
                               f"{self.style.scheme.described}", item.span,
                               "give this item an explicit number, or declare another numbering scheme"))
            text = str(value)
        self.resolution.numbers[id(item)] = text
        self._advance(value, 0, item.span, auto=True)

    def _explicit(self, item: Item) -> bool:
        """Check one explicit number; False for an insertion (2.1bis), which takes no place in the count."""
        assert item.number is not None
        self._enter_unseen()
        text, span = item.number.value, item.number.span
        self.resolution.numbers[id(item)] = text
        try:
            label = num.split_label(text)
            head, suffix = num.split_suffix(label.last, self.style.scheme)
            value = num.value_in(head, self.style.scheme)
        except num.NumberingError as problem:
            self._unreadable(text, span, problem)
            self._advance(self.expected_value, 0, span, auto=False)
            return True
        self._check_prefix(label, span)
        self._check_decoration(label, span)
        rank = num.suffix_rank(suffix)
        expected = self.expected_value
        if not suffix and value in (expected, self.style.start + self.counted):
            pass  # in sequence, or back in step after an earlier mistake (no cascade of errors)
        elif (value, rank) in self.seen:
            self._report(error("numbering-duplicate", f"item number {text} is used twice at this level", span,
                               f"number this item {self._display(self.expected_value)}; {_AS_PRINTED}",
                               (Related(self.seen[(value, rank)], "first used here"),),
                               (_number_it(span, self._display(self.expected_value)),)))
        elif suffix:
            if self._check_insertion(text, value, rank, span):
                self._advance(value, rank, span, auto=False)
            return False
        else:
            self._check_sequence(text, value, span)
            self.resolution.expected[id(item)] = self._display(expected)
        self._advance(value, rank, span, auto=False)
        return not suffix

    def _advance(self, value: int, rank: int, span: Span, *, auto: bool) -> None:
        self.seen.setdefault((value, rank), span)
        self.previous = (value, rank)
        self.previous_auto = auto

    def _check_sequence(self, text: str, value: int, span: Span) -> None:
        expected = self.expected_value
        want = self._display(expected)
        if self.previous is None and value < expected:
            self._report(error("numbering-order", f"item number {text} comes before the first number of this "
                               f"level, {want}", span, f"number it {want}, or declare where this level starts, "
                               f"for example 'numbering: {self._display(value)}' in the header",
                               fixes=(_number_it(span, want),)))
        elif value < expected:
            self._report(error("numbering-order", f"item number {text} comes after {self._display(expected - 1)}",
                               span, f"number this item {want}, or move it to its place in the order; {_AS_PRINTED}",
                               fixes=(_number_it(span, want),)))
        elif self.previous_auto:
            self._report(error("numbering-mismatch", f"item number {text} contradicts the automatic numbering, "
                               f"which gives {want} here", span,
                               f"write {want}, or '#.' to let agendadsl number it",
                               fixes=(_number_it(span, want), Fix("Number this item automatically (#.)", span, "#."))))
        else:
            missing = self._display(expected)
            self._report(error("numbering-gap", f"item number {text} skips {missing}", span,
                               f"number this item {want}; if an item was dropped on purpose, keep it in the "
                               f"agenda with '@status withdrawn'; {_AS_PRINTED}",
                               fixes=(_number_it(span, want), _withdrawn_before(span, missing))))

    def _check_insertion(self, text: str, value: int, rank: int, span: Span) -> bool:
        """Whether an inserted number (2.1bis) stands right after its base; reports it if not."""
        if self.previous is None or self.previous[0] != value:
            base = self._display(value)
            self._report(error("numbering-insertion", f"inserted item {text} must follow item {base}", span,
                               f"move it right after {base}"))
            return False
        if rank <= self.previous[1]:
            self._report(error("numbering-order", f"inserted item {text} is out of order", span,
                               "order insertions as bis, ter, quater (or a, b, c)"))
        self.insertions.setdefault(value, []).append((rank, text, span))
        return True

    def _check_insertions_complete(self) -> None:
        """Insertions after one item go bis, ter, quater (a, b, c) with none left out."""
        for ranks in self.insertions.values():
            present = {rank for rank, _, _ in ranks}
            if present != set(range(1, len(present) + 1)):
                rank, text, span = max(ranks)
                missing = min(set(range(1, rank)) - present)
                self._report(error("numbering-insertion", f"inserted item {text} comes without "
                                   f"{_with_suffix(text, missing)}", span,
                                   "insertions go bis, ter, quater (or a, b, c) with none left out",
                                   fixes=(_number_it(span, _with_suffix(text, missing)),)))

    def _check_prefix(self, label: num.Label, span: Span) -> None:
        expected = self.expected_prefix
        if self.style.prefix is num.Prefix.INHERIT and self.parent_base is None:
            return  # under an unnumbered item there is no number to inherit
        want = self._display(self.expected_value)
        if len(label.prefix) != len(expected):
            self._report(error("numbering-depth", f"item number {label_text(label)} has {len(label.prefix) + 1} "
                               f"level(s), but this item is nested where numbers have {len(expected) + 1}", span,
                               f"number it like {want}, or indent it to the level its number says",
                               fixes=(_number_it(span, want),)))
        elif label.prefix != expected and label.prefix != self.alternative_prefix:
            owner = "the declared prefix" if self.style.prefix is num.Prefix.LITERAL else "its parent's number"
            self._report(error("numbering-prefix", f"item number {label_text(label)} does not start with "
                               f"{owner} {'.'.join(expected)}", span, f"number it like {want}",
                               fixes=(_number_it(span, want),)))

    def _check_decoration(self, label: num.Label, span: Span) -> None:
        if (label.opener, label.closer) != (self.style.opener, self.style.closer):
            want = self._display(self.expected_value)
            self._report(warning("numbering-format", f"item number {label_text(label)} is not written like the "
                                 f"other numbers of this level ({want})", span,
                                 f"write it as {want}, or declare this level's style with 'numbering:' or "
                                 "'@numbering'", fixes=(_number_it(span, want),)))

    def _unreadable(self, text: str, span: Span, problem: Exception) -> None:
        try:
            last = num.split_label(text).last
        except num.NumberingError:
            last = text
        head = num.split_suffix(last, num.Scheme.ARABIC)[0]
        if isinstance(problem, num.NumberTooLong):
            self._report(_too_long("item number", span, problem))
            return
        if isinstance(problem, num.MalformedRoman):
            code, message = "numbering-roman", str(problem)
        elif num.schemes_of(head):
            found = num.schemes_of(head)[0]
            code = "numbering-scheme"
            message = (f"item number {text} is written in {found.described}, but this level is numbered "
                       f"with {self.style.scheme.described}")
        else:
            code, message = "numbering-scheme", f"cannot read item number {text}: {problem}"
        want = self._display(self.expected_value)
        hint = (f"number it {want}, or declare this level's scheme with 'numbering:' in the header or "
                "'@numbering' on the parent item")
        fixes: tuple[Fix, ...] = (_number_it(span, want),)
        number = text[:len(text) - len(last)]
        if len(last) > 1 and last.isalpha() and number.endswith(".") and not num.schemes_of(last):
            # "2.Bee keeping": a title glued to its number, whose first word reads as a last segment
            hint = f"if '{last}' begins the title, write a space after '{number}' ('{number} {last}'); or {hint}"
            fixes = (Fix(f"Write a space after {number}", span, f"{number} {last}"), *fixes)
        self._report(error(code, message, span, hint, fixes=fixes))

    def _report(self, diagnostic: Diagnostic) -> None:
        self.resolution.diagnostics.append(diagnostic)


def _too_long(what: str, span: Span, problem: num.NumberTooLong) -> Diagnostic:
    # The number itself is not quoted: it can be thousands of digits long.
    return error("number-too-long", f"this {what} {problem}", span,
                 f"write each part of the number with at most {num.MAX_PART} digits or letters")


_AS_PRINTED = "if the agenda prints its numbers this way, write '@numbering as written' on the heading or item above"
"""How to switch the sequence checks off, in the hints of the checks it switches off."""


def _number_it(span: Span, number: str) -> Fix:
    """The quick fix of a hint that says "number this item ...": the number replaced."""
    return Fix(f"Number this item {number}", span, number)


def _withdrawn_before(span: Span, missing: str) -> Fix:
    """The quick fix of a gap left by a dropped item: the missing number back, as a withdrawn item
    (what the hint of numbering-gap advises), before the item that skips it."""
    return Fix(f"Insert item {missing} as withdrawn", Span(span.line, span.column, span.line, span.column),
               f"{missing} Withdrawn item\n   @status withdrawn\n")


def _with_suffix(text: str, rank: int) -> str:
    """``1ter.`` with the suffix of ``rank`` instead: rank 1 gives ``1bis.`` (or ``1a.`` for letters)."""
    for suffix in sorted(num.SUFFIXES, key=len, reverse=True):
        at = text.rfind(suffix)
        if at > 0:
            return text[:at] + num.SUFFIXES[rank - 1] + text[at + len(suffix):]
    body = text.rstrip(".)")
    return body[:-1] + chr(ord(body[-1]) - num.suffix_rank(body[-1]) + rank) + text[len(body):]


def label_text(label: num.Label) -> str:
    return label.opener + ".".join(label.base) + label.closer

