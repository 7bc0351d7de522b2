"""Splits and merges: "Budget and accounts" becoming "Budget" and "Accounts", or the reverse.

The alignment pairs the original with one of the parts (its title is the most alike); a split is
then a new neighbour of that part whose title carries words the original lost, a merge an old
neighbour removed whose words the merged title gained."""

from __future__ import annotations

from dataclasses import dataclass

from .alignment import Entry

SHORT = 4
"""Words shorter than this ("of", "and", "the", "de") say nothing of what an item is about."""


@dataclass(frozen=True)
class Split:
    """``whole``: the item that was split (old index) or the merged item (new index); ``parts``
    the other side's indexes in document order, the aligned one among them."""

    whole: int
    parts: tuple[int, ...]


def _words(entry: Entry) -> set[str]:
    return {word for word in entry.key.split() if len(word) >= SHORT}


def _neighbours(entries: list[Entry], entry: Entry, by_parent: dict[int | None, list[int]]) -> list[int]:
    siblings = by_parent[entry.parent]
    return [siblings[at] for at in (entry.position - 1, entry.position + 1) if 0 <= at < len(siblings)]


def _carries(candidate: Entry, lost: set[str], whole: set[str]) -> bool:
    """Whether an unmatched neighbour is the other part: it has words the aligned part lost (or
    gained, for a merge), and at least half of its words are the whole's."""
    words = _words(candidate)
    return bool(words & lost) and 2 * len(words & whole) >= len(words)


def splits(old: list[Entry], new: list[Entry], pairs: dict[int, int]) -> list[Split]:
    """Each split of an old item into new ones."""
    return _find(old, new, pairs)


def merges(old: list[Entry], new: list[Entry], pairs: dict[int, int]) -> list[Split]:
    """Each merge of old items into a new one."""
    return _find(new, old, {o: n for n, o in pairs.items()})


def _find(before: list[Entry], after: list[Entry], pairs: dict[int, int]) -> list[Split]:
    """Split items of ``before`` into ``after`` (a merge is a split read backwards); ``pairs``
    maps after -> before."""
    by_parent: dict[int | None, list[int]] = {}
    for entry in after:
        by_parent.setdefault(entry.parent, []).append(entry.index)
    out: list[Split] = []
    taken: set[int] = set()
    for index, whole in pairs.items():
        part, original = after[index], before[whole]
        if part.key == original.key:
            continue
        lost = _words(original) - _words(part)
        if not lost:
            continue
        others = [n for n in _neighbours(after, part, by_parent)
                  if n not in pairs and n not in taken and _carries(after[n], lost, _words(original))]
        if others:
            taken.update(others)
            out.append(Split(whole, tuple(sorted([index, *others]))))
    return out
