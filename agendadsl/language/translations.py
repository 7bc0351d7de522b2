"""Where a translation line (``fr: Ouverture de la réunion``) belongs: the text on the line before it.

The transformer meets a translation as a line of its own among its neighbours; these helpers put it
on the node it translates, and report the lines that translate nothing or repeat a language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from . import nodes as n
from .diagnostics import Diagnostic, Related, error
from .span import Span

TRANSLATED_FIELDS = ("body", "meeting", "platform", "place", "title", "chair", "host", "contact", "issued_in")
"""The header fields whose text can be translated (besides the writer's own fields)."""

WHAT_TRANSLATES = ("an item's title, a heading, a note, a bullet, a footnote, an annex, or a header field such as "
                   "'body:' or 'title:'")


@dataclass(frozen=True, slots=True)
class TranslationLine:
    """A ``fr:`` line as parsed, before it is placed on the text it translates."""

    language: str
    text: n.RichText
    span: Span

    @property
    def translation(self) -> n.Translation:
        """The line as the translation of a one-line text (a title, a bullet)."""
        return n.Translation(self.language, (self.text,), self.span)


Translatable = TypeVar("Translatable", n.Item, n.Bullet, n.Footnote, n.Annex)


def translated(node: Translatable, line: TranslationLine, report: list[Diagnostic]) -> Translatable:
    """``node`` with ``line`` among its translations; a second translation into one language is an error."""
    problem = repeated(node.translations, line.language, line.span)
    if problem is not None:
        report.append(problem)
        return node
    return replace(node, translations=(*node.translations, line.translation))


def repeated(earlier: Iterable[n.Translation | n.FieldTranslation], language: str, span: Span) -> Diagnostic | None:
    """The error for a translation into ``language`` at ``span`` when the text already has one
    among ``earlier``."""
    first = next((t for t in earlier if t.language == language), None)
    if first is None:
        return None
    return error("duplicate-translation", f"this text already has a translation into '{language}'", span,
                 "keep one of the two lines", (Related(first.span, "first given here"),))


def paragraph_translations(lines: list[TranslationLine]) -> tuple[n.Translation, ...]:
    """A note's translation lines, one translation per language, its lines in the order written."""
    by_language: dict[str, list[TranslationLine]] = {}
    for line in lines:
        by_language.setdefault(line.language, []).append(line)
    return tuple(n.Translation(language, tuple(line.text for line in found), found[0].span.to(found[-1].span))
                 for language, found in by_language.items())


def misplaced(line: TranslationLine, after: str | None) -> Diagnostic:
    """The error for a translation line that follows nothing it can translate."""
    where = f"'{after}' is not translated" if after else "there is no text before it to translate"
    return error("misplaced-translation", f"a translation line translates the text just above it, and {where}",
                 line.span, f"put the line '{line.language}: ...' right after {WHAT_TRANSLATES}")
