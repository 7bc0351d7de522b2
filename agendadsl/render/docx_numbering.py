"""Word list numbering for an agenda's items: Word counts, and shows exactly the agenda's numbers.

Each list of the agenda (its items; the sub-items of an item with ``@numbering``; the items of a
heading with ``@numbering``) becomes one Word list, an abstractNum with a level per depth: the
level's number format (decimal, roman, letters), start and text (``%1.``, ``%1.%2``, ``I.%3``,
``(%4)``) come from the declared numbering styles. Then Word's counting is replayed paragraph by
paragraph: an item whose number Word would show differently (``2.1bis``, ``6a``, ``as written``,
letters past Z, deeper than Word's nine levels) keeps its number as literal text and takes no
part in Word's count. So the numbers shown are always the agenda's, never Word's guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..language import numbering as num
from ..language.nodes import AS_WRITTEN
from .view_model import AgendaView, ItemView

WORD_LEVELS = 9
"""Word lists have levels 0 to 8: items deeper than nine keep their numbers as text."""

NUMBER_FORMATS = {num.Scheme.ARABIC: "decimal", num.Scheme.UPPER_ROMAN: "upperRoman",
                  num.Scheme.LOWER_ROMAN: "lowerRoman", num.Scheme.UPPER_ALPHA: "upperLetter",
                  num.Scheme.LOWER_ALPHA: "lowerLetter"}


@dataclass(frozen=True)
class Level:
    """One level of a Word list. ``parts`` is its number text: literal strings, and ints for the
    levels (0-based) whose counters Word writes there (``%1.%2`` is (0, ".", 1))."""

    format: str
    start: int
    parts: tuple[str | int, ...]

    @property
    def text(self) -> str:
        """The level's ``w:lvlText``."""
        return "".join(part if isinstance(part, str) else f"%{part + 1}" for part in self.parts)


@dataclass
class WordList:
    """A Word list (an abstractNum and the one num that uses it): its levels by depth, and the
    counters Word holds while it numbers the paragraphs in order."""

    index: int
    levels: dict[int, Level]
    counters: dict[int, int] = field(default_factory=dict)
    kind: str = "multilevel"
    """``multilevel`` for items; ``hybridMultilevel`` for bullets, as Word writes them."""

    def take(self, depth: int, wanted: str) -> bool:
        """Whether Word, numbering the next paragraph of this list at ``depth``, shows ``wanted``;
        if it does, Word's counters move on as they will in the document."""
        level = self.levels.get(depth - 1)
        if level is None:
            return False
        value = self.counters[depth - 1] + 1 if depth - 1 in self.counters else level.start
        shown = []
        for part in level.parts:
            if isinstance(part, str):
                shown.append(part)
                continue
            count = value if part == depth - 1 else self.counters.get(part)
            written = None if count is None else word_number(count, self.levels[part].format)
            if written is None:  # a level Word has not counted yet: what it shows is not certain
                return False
            shown.append(written)
        if "".join(shown) != wanted:
            return False
        self.counters[depth - 1] = value
        for deeper in [lvl for lvl in self.counters if lvl > depth - 1]:  # Word restarts the levels below
            del self.counters[deeper]
        return True


def bullets(index: int) -> WordList:
    """The list that bullets and action items belong to: a mark per level, as Word's own bullets."""
    marks = ("•", "–", "◦")  # noqa: RUF001 (an en dash is the second level's mark)
    return WordList(index, {lvl: Level("bullet", 1, (marks[lvl % 3],)) for lvl in range(WORD_LEVELS)},
                    kind="hybridMultilevel")


def word_number(value: int, fmt: str) -> str | None:
    """A counter as Word writes it in ``fmt`` (letters go A..Z, AA, BB: not the agenda's AA, AB);
    None where Word's form is not certain."""
    if fmt == "decimal":
        return str(value) if value >= 0 else None
    if fmt in ("upperRoman", "lowerRoman"):
        roman = num.to_roman(value)
        return None if roman is None else roman if fmt == "upperRoman" else roman.lower()
    if value < 1:
        return None
    letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    return letter if fmt == "upperLetter" else letter.lower()


@dataclass
class NumberingPlan:
    """How each item is numbered: ``numbered`` maps an item's id to (its list's index, its Word
    level); an item with a number that is not there prints it as text. ``lists`` are the lists
    used."""

    lists: list[WordList] = field(default_factory=list)
    numbered: dict[str, tuple[int, int]] = field(default_factory=dict)


class _Styles:
    """The declared numbering styles, and the Word levels they make."""

    def __init__(self, view: AgendaView) -> None:
        header = view.meeting.numbering
        self.as_written = AS_WRITTEN in header
        self.header: list[num.Style | None] = []
        for example in () if self.as_written else header:
            self.header.append(_style(example, literal_prefix=False))
        self.label = next((item.number_label for item in view.items if item.number_label), None)

    def at(self, depth: int) -> num.Style | None:
        """The header's style of ``depth``, or the default one."""
        if depth <= len(self.header):
            return self.header[depth - 1]
        return num.TOP_LEVEL if depth == 1 else num.DEEPER_LEVEL

    def word_list(self, plan: NumberingPlan, first_depth: int, first: num.Style | None) -> WordList:
        """A new list whose items start at ``first_depth`` in style ``first``; deeper ones follow
        the header's styles."""
        levels: dict[int, Level] = {}
        bases: dict[int, tuple[str | int, ...] | None] = {}
        for depth in range(first_depth, WORD_LEVELS + 1):
            style = first if depth == first_depth else self.at(depth)
            above = bases.get(depth - 1)
            base = _base(style, depth, above if depth > first_depth else None)
            bases[depth] = base
            if style is None or base is None:
                continue
            parts: tuple[str | int, ...] = (style.opener, *base, style.closer)
            if depth == 1 and self.label:  # "Item No. 3": the words, and the final dot dropped after them
                parts = (self.label + " ", *(parts[:-1] if style.closer == "." else parts))
            levels[depth - 1] = Level(NUMBER_FORMATS[style.scheme], style.start, tuple(p for p in parts if p != ""))
        made = WordList(len(plan.lists), levels)
        plan.lists.append(made)
        return made


def _style(example: str, *, literal_prefix: bool) -> num.Style | None:
    try:
        return num.style_from_example(example, literal_prefix=literal_prefix)
    except num.NumberingError:  # reported by check
        return None


def _base(style: num.Style | None, depth: int, above: tuple[str | int, ...] | None) -> tuple[str | int, ...] | None:
    """A level's number without its decorations (``%1.%2``), which the level below inherits; None
    where Word cannot write it (a prefix with '%', or an inherited prefix the list does not hold)."""
    if style is None:
        return None
    if style.prefix is num.Prefix.LITERAL:
        if any("%" in segment for segment in style.literal):
            return None
        return (".".join(style.literal) + ".", depth - 1)
    if style.prefix is num.Prefix.INHERIT and above is not None:
        return (*above, ".", depth - 1)
    if style.prefix is num.Prefix.INHERIT and depth > 1 and above is None:
        return None  # the parent's number is outside this list
    return (depth - 1,)


def plan(view: AgendaView) -> NumberingPlan:
    """Which items Word numbers, in which list and level; the others print their numbers as text."""
    styles = _Styles(view)
    result = NumberingPlan()
    main = None if styles.as_written else styles.word_list(result, 1, styles.at(1))
    scopes: list[tuple[int, WordList | None]] = []  # headings with '@numbering': (level, their list)
    for block in view.blocks:
        if block.heading is not None:
            while scopes and scopes[-1][0] >= block.heading.level:
                scopes.pop()
            example = block.heading.numbering
            if example is not None:
                own = None if example == AS_WRITTEN else styles.word_list(
                    result, 1, _style(example, literal_prefix=False))
                scopes.append((block.heading.level, own))
        elif block.item is not None:
            _place(block.item, scopes[-1][1] if scopes else main, styles, result)
    return result


def _place(top: ItemView, word_list: WordList | None, styles: _Styles, result: NumberingPlan) -> None:
    """Number ``top`` and its sub-items in document order (iteratively: items nest 33 deep)."""
    stack: list[tuple[ItemView, WordList | None]] = [(top, word_list)]
    while stack:
        item, current = stack.pop()
        wanted = item.shown_number
        if (current is not None and wanted is not None and item.change != "removed"
                and item.depth <= WORD_LEVELS and current.take(item.depth, wanted)):
            result.numbered[item.id] = (current.index, item.depth - 1)
        below = current
        if item.numbering is not None:
            below = None if item.numbering == AS_WRITTEN else styles.word_list(
                result, item.depth + 1, _style(item.numbering, literal_prefix=True))
        stack.extend((child, below) for child in reversed(item.children))
