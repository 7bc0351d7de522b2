"""Translation checks: each ``fr:`` line in a language the agenda declares, and no item left
untranslated among siblings that are translated."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..language.diagnostics import Diagnostic, Related, error, warning
from ..language.nodes import Bullet, Group, Item, Note, TextBlock, Translation
from .context import CheckContext
from .registry import check


def _all_translations(context: CheckContext) -> Iterator[Translation]:
    """Every translation of the agenda's texts (the header's are checked apart: they are not Translations)."""
    def of_notes(blocks: tuple[Note | Bullet, ...]) -> Iterator[Translation]:
        stack = list(blocks)
        while stack:
            block = stack.pop()
            yield from block.translations
            if isinstance(block, Bullet):
                stack.extend(block.children)

    agenda = context.agenda
    for entry in context.non_items:
        if isinstance(entry, Group):
            yield from entry.translations
            yield from of_notes(entry.notes)
        elif isinstance(entry, TextBlock):
            yield from of_notes(entry.parts)
        elif hasattr(entry, "annexes"):
            for annex in entry.annexes:
                yield from annex.translations
    for item, _depth in context.items:  # walked once for every check
        if item.translations:
            yield from item.translations
        if item.notes:
            yield from of_notes(item.notes)
    for note in agenda.footnotes:
        yield from note.translations


@check("undeclared-translation")
def undeclared_translation(context: CheckContext) -> Iterable[Diagnostic]:
    """A translation into a language that ``language:`` does not list after the agenda's own."""
    meeting = context.agenda.meeting
    declared = meeting.languages
    own = declared[0] if declared else None
    found = [(t.language, t.span) for t in _all_translations(context)]
    found += [(t.language, t.span) for t in meeting.translations]
    for language, span in found:
        if language in declared[1:]:
            continue
        if own is None:
            yield error("undeclared-translation", f"a translation into '{language}', but the header does not say "
                        "which languages the agenda is written in", span,
                        f"declare them in the header, its own language first: 'language: en, {language}'")
        elif language == own:
            yield error("undeclared-translation", f"'{language}' is the agenda's own language: its text is already "
                        "in it", span, "translate into another language, or remove the line")
        else:
            listed = ", ".join(declared)
            yield error("undeclared-translation", f"a translation into '{language}', which the header's languages "
                        f"({listed}) do not list", span, f"add it: 'language: {listed}, {language}', or correct "
                        "the language code")


@check("missing-translation")
def missing_translation(context: CheckContext) -> Iterable[Diagnostic]:
    """An item (or heading) without a translation into a language that a sibling is translated into."""
    languages = context.agenda.meeting.languages[1:]
    if not languages:
        return
    groups = context.groups
    siblings: list[tuple[Item | Group, ...]] = [tuple(context.agenda.items)]
    siblings += [tuple(g for g in groups if g.level == level) for level in sorted({g.level for g in groups})]
    siblings += [item.children for item, _depth in context.items if item.children]
    for family in siblings:
        for language in languages:
            translated = [node for node in family if any(t.language == language for t in node.translations)]
            if not translated:
                continue
            example = translated[0]
            for node in family:
                # A heading that is only a date or a time needs none: each language writes its own.
                text = node.name if isinstance(node, Group) and node.name is not None else node.title
                if node in translated or not text.parts:
                    continue
                what = "heading" if isinstance(node, Group) else "item"
                number = context.resolution.number_of(node) if isinstance(node, Item) else None
                name = f"item {number.removesuffix('.')}" if number else f"this {what}"
                yield warning("missing-translation", f"{name} has no translation into '{language}', though other "
                              f"{what}s beside it have one", node.title.span,
                              f"add the line '{language}: ...' under it",
                              (Related(example.translations[0].span, "a translation beside it"),))
