"""Reference checks: item labels, cross-references to them, and document references."""

from __future__ import annotations

from collections.abc import Iterable

from ..language import docrefs
from ..language.diagnostics import Diagnostic, Related, error, warning
from ..language.nodes import Annexes, AnnexRef, FootnoteRef
from ..language.span import Span
from .context import CheckContext
from .registry import check


def labels(context: CheckContext) -> dict[str, Span]:
    """Each label with where it is first defined."""
    found: dict[str, Span] = {}
    for item, _depth in context.items:
        if item.label is not None:
            found.setdefault(item.label.value, item.label.span)
    return found


@check("duplicate-label")
def duplicate_label(context: CheckContext) -> Iterable[Diagnostic]:
    """Two items with the same label: cross-references to it would be ambiguous."""
    first = labels(context)
    for item, _depth in context.items:
        label = item.label
        if label is not None and first[label.value] != label.span:
            yield error("duplicate-label", f"the label {{#{label.value}}} is already used", label.span,
                        "give each item a label of its own", (Related(first[label.value], "first used here"),))


MAX_SUGGESTIONS = 200
"""Unknown labels that get a "did you mean" (docs/limits.md); the later ones get the plain hint."""


@check("unknown-label")
def unknown_label(context: CheckContext) -> Iterable[Diagnostic]:
    """A cross-reference ``{label}`` to a label that no item has."""
    known = labels(context)
    suggested = 0
    for xref in context.xrefs():
        if xref.label not in known:
            # difflib's get_close_matches measure (its cut-off of 0.6) in C, for the first MAX_SUGGESTIONS
            # only: each compares the label with every label, and 23,000 of them would take minutes.
            close = None
            if suggested < MAX_SUGGESTIONS:
                from rapidfuzz import fuzz, process  # here: an agenda with no misspelt label never loads it

                suggested += 1
                close = process.extractOne(xref.label, known.keys(), scorer=fuzz.ratio, processor=None,
                                           score_cutoff=60)
            hint = (f"did you mean {{{close[0]}}}?" if close else
                    "label the item you mean with '{#" + xref.label + "}' at the end of its line")
            yield error("unknown-label", f"no item is labelled {{#{xref.label}}}", xref.span,
                        hint + " (write \\{ for a literal brace)")


@check("invalid-series")
def invalid_series(context: CheckContext) -> Iterable[Diagnostic]:
    """A series declaration whose pattern cannot be used."""
    declared = context.agenda.meeting.series
    for series in declared:
        try:
            docrefs.compiled(series, declared)
            docrefs.check_url(series)
        except docrefs.SeriesError as problem:
            yield error("invalid-series", f"series {series.name}: {problem}", series.span,
                        problem.hint or "write the pattern with {year}, {n} and {text}, e.g. 'T-ES({year}){n}', "
                        "and use only {ref} and the pattern's own placeholders in the URL")


@check("unused-series")
def unused_series(context: CheckContext) -> Iterable[Diagnostic]:
    """A declared series that no reference of the agenda belongs to: most often a misspelt name."""
    declared = context.agenda.meeting.series
    if not declared:
        return
    owners = {id(owner) for ref in context.docrefs() if (owner := docrefs.series_of(ref, declared)) is not None}
    for series in declared:
        try:
            docrefs.compiled(series, declared)
        except docrefs.SeriesError:
            continue  # reported by invalid-series
        if id(series) not in owners:
            yield warning("unused-series", f"no document reference belongs to series {series.name}", series.span,
                          f"check the series' name against the references (they start with {series.name}), or "
                          "remove the declaration")


@check("docref-pattern")
def docref_pattern(context: CheckContext) -> Iterable[Diagnostic]:
    """A document reference of a declared series that does not have the series' shape."""
    series = context.agenda.meeting.series
    if not series:
        return
    for ref in context.docrefs():
        owner = docrefs.series_of(ref, series)
        if owner is None:
            continue
        try:
            ok = docrefs.matches(ref, owner)
        except docrefs.SeriesError:
            continue  # reported by invalid-series
        if not ok:
            yield error("docref-pattern", f"the reference {ref.text} does not match its series' pattern "
                        f"{owner.pattern}", ref.span, f"references of series {owner.name} look like {owner.pattern}",
                        (Related(owner.span, "series declared here"),))


@check("unknown-footnote", "duplicate-footnote", "unused-footnote")
def footnotes(context: CheckContext) -> Iterable[Diagnostic]:
    """Footnote markers ``[^1]`` without a ``[^1]: text`` line, a footnote written twice, and a
    footnote that no marker uses."""
    written: dict[str, Span] = {}
    for note in context.agenda.footnotes:
        if note.label in written:
            yield error("duplicate-footnote", f"footnote [^{note.label}] is written twice", note.span,
                        "keep one of the two lines, or give the second another label",
                        (Related(written[note.label], "first written here"),))
            continue
        written[note.label] = note.span
    used: set[str] = set()
    for part in context.parts(FootnoteRef):
        used.add(part.label)
        if part.label not in written:
            yield error("unknown-footnote", f"footnote [^{part.label}] has no text", part.span,
                        f"write its text on a line of its own at the end: '[^{part.label}]: ...'")
    for label, span in written.items():
        if label not in used:
            yield warning("unused-footnote", f"no text refers to footnote [^{label}]", span,
                          f"mark where it belongs with [^{label}], or remove the footnote")


@check("unknown-annex", "duplicate-annex")
def annexes(context: CheckContext) -> Iterable[Diagnostic]:
    """A reference ``{annex C}`` to an annex the agenda does not list, and two annexes with one label."""
    listed: dict[str, Span] = {}
    for entry in context.entries(Annexes):
        for annex in entry.annexes:
            if annex.label in listed:
                yield error("duplicate-annex", f"two annexes are labelled {annex.label}", annex.span,
                            "give each annex a label of its own", (Related(listed[annex.label], "first here"),))
            listed.setdefault(annex.label, annex.span)
    for part in context.parts(AnnexRef):
        if part.label not in listed:
            known = ", ".join(listed) or "none"
            yield error("unknown-annex", f"no annex is labelled {part.label}", part.span,
                        f"the annexes listed under 'annexes:' are {known}; add annex {part.label} there, or "
                        "correct the label")
