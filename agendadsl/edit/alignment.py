"""Which item of the new version is which item of the old one: by label, then by identical title,
then by similar title, words as well as characters, anywhere in the agenda (a moved and retitled
item is still the same item).

Every stage is near-linear in the number of items: labels and titles are hashed, each title's
unused items are taken in order (many items may share a title), and similar titles are scored
in C by rapidfuzz, all against all while the items left over are few, and in a window around
each item's place when they are many. Moves are what lies off the longest increasing run of
matched positions (O(n log n)).
"""

from __future__ import annotations

import bisect
from collections import deque
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process, utils

from ..language.nodes import Agenda, Item, walk
from ..language.resolution import resolve

SIMILARITY = 62.0
"""The lowest score (0-100) at which two different titles are taken for the same item."""
ALL_PAIRS = 100_000
"""Up to this many (old, new) pairs of unmatched items, every pair is scored; beyond, a window."""
WINDOW = 12
"""Unmatched old items looked at on each side of a new item's place, beyond ALL_PAIRS."""
NEAR_BONUS = 4.0
"""Added to the score of a candidate under the same parent, and again for the same number: two
equally similar titles are told apart by place."""


@dataclass(slots=True)
class Entry:
    """An item in document order, with what the diff needs to know about its place."""

    item: Item
    depth: int
    number: str | None
    parent: int | None
    """Index of the parent entry."""
    index: int
    position: int
    """Its place among its siblings, from 0."""
    title: str
    """Its title as plain text."""
    key: str
    """Its title as compared: plain text, lower case, punctuation as spaces (rapidfuzz's)."""


def entries(agenda: Agenda) -> list[Entry]:
    """Every item of ``agenda`` in document order."""
    resolution = resolve(agenda)
    out: list[Entry] = []
    parents: list[int] = []  # stack of entry indexes by depth
    counts: dict[int | None, int] = {}
    for item, depth in walk(agenda.items):
        del parents[depth - 1:]
        parent = parents[-1] if parents else None
        position = counts.get(parent, 0)
        counts[parent] = position + 1
        title = item.title.plain
        out.append(Entry(item, depth, resolution.number_of(item), parent, len(out), position, title,
                         utils.default_process(title)))
        parents.append(len(out) - 1)
    return out


def align(old: list[Entry], new: list[Entry]) -> dict[int, int]:
    """new index -> old index, for every item of ``new`` that is an item of ``old``."""
    pairs: dict[int, int] = {}
    by_label = {e.item.label.value: e.index for e in old if e.item.label is not None}
    for entry in new:
        if entry.item.label is not None and entry.item.label.value in by_label:
            pairs[entry.index] = by_label[entry.item.label.value]
    _same_titles(old, new, pairs)
    _similar_titles(old, new, pairs)
    return pairs


def _same_titles(old: list[Entry], new: list[Entry], pairs: dict[int, int]) -> None:
    """Identical titles: the one with the same number first, else the first unused, in order."""
    used = set(pairs.values())
    by_title: dict[str, deque[int]] = {}
    by_number: dict[tuple[str, str | None], int] = {}
    for entry in old:
        if entry.index not in used:
            by_title.setdefault(entry.title, deque()).append(entry.index)
            by_number.setdefault((entry.title, entry.number), entry.index)
    for entry in new:
        if entry.index in pairs:
            continue
        title = entry.title
        choice = by_number.get((title, entry.number))
        if choice is None or choice in used:
            queue = by_title.get(title)
            while queue and queue[0] in used:
                queue.popleft()
            choice = queue.popleft() if queue else None
        if choice is not None:
            pairs[entry.index] = choice
            used.add(choice)


def _similar_titles(old: list[Entry], new: list[Entry], pairs: dict[int, int]) -> None:
    """Similar titles among the items left: the best-scoring pairs first."""
    used = set(pairs.values())
    left_old = [e.index for e in old if e.index not in used]
    left_new = [e for e in new if e.index not in pairs]
    if not left_old or not left_new:
        return
    everything = len(left_old) * len(left_new) <= ALL_PAIRS
    expected = _expected_places(new, pairs)
    candidates: list[tuple[float, int, int]] = []
    for entry in left_new:
        if everything:
            pool = left_old
        else:
            middle = bisect.bisect_left(left_old, expected[entry.index])
            pool = left_old[max(0, middle - WINDOW):middle + WINDOW]
        for at, alike in _scores(entry.key, [old[i].key for i in pool]).items():
            before = old[pool[at]]
            same_parent = (before.parent == pairs.get(entry.parent, -1) if entry.parent is not None
                           else before.parent is None)
            score = alike + NEAR_BONUS * (before.number == entry.number) + NEAR_BONUS * same_parent
            if score >= SIMILARITY:
                candidates.append((-score, entry.index, before.index))
    candidates.sort()
    for _, new_index, old_index in candidates:
        if new_index not in pairs and old_index not in used:
            pairs[new_index] = old_index
            used.add(old_index)


# Each measure, its weight, and the shortest title it is trusted on: a changed word or a typo
# (characters), an extended or shortened title (words: "Budget" in "Budget 2027 and accounts"),
# an inserted phrase (the best-matching stretch). Word and stretch scores count a little less
# than a whole-title score, and not at all on titles too short to carry them.
_MEASURES = ((fuzz.ratio, 1.0, 0), (fuzz.token_set_ratio, 0.95, 3), (fuzz.partial_ratio, 0.9, 6))
_BEST = 8
"""Candidates kept per measure: enough for the best pairs to be found, few enough to stay linear."""
_STRETCH = 0.85
"""The best-matching stretch is looked for only where one title is at most this part of the
other's length: between titles of about the same length the whole-title score says as much, and
the stretch costs ten times more."""


def _scores(key: str, keys: list[str]) -> dict[int, float]:
    """How alike ``key`` is to each of ``keys`` that may reach SIMILARITY (0-100): the best of the
    weighted measures, each computed by rapidfuzz in C over the list."""
    cut = SIMILARITY - 2 * NEAR_BONUS
    out: dict[int, float] = {}
    for scorer, weight, shortest in _MEASURES:
        if len(key) < shortest:
            continue
        places: list[int] | range = range(len(keys))
        if scorer is fuzz.partial_ratio:
            places = [at for at in places if min(len(key), len(keys[at])) <= _STRETCH * max(len(key), len(keys[at]))]
        choices = keys if isinstance(places, range) else [keys[at] for at in places]
        for _, score, at in process.extract(key, choices, scorer=scorer, processor=None, limit=_BEST,
                                            score_cutoff=cut / weight):
            if len(choices[at]) >= shortest:
                out[places[at]] = max(out.get(places[at], 0.0), weight * score)
    return out


def _expected_places(new: list[Entry], pairs: dict[int, int]) -> dict[int, int]:
    """For each new item, where its old version most likely stood: as far after the old version
    of the nearest matched item before it as it stands after that item now."""
    out: dict[int, int] = {}
    anchor_new, anchor_old = 0, 0
    for entry in new:
        if entry.index in pairs:
            anchor_new, anchor_old = entry.index, pairs[entry.index]
        out[entry.index] = anchor_old + entry.index - anchor_new
    return out


def moved(old: list[Entry], new: list[Entry], pairs: dict[int, int]) -> set[int]:
    """The new indexes of moved items: under another parent, or out of order among the siblings
    that stayed with them. Of the siblings, those that stay in place are the heaviest run in
    increasing old order, each weighing its lines (an item with its sub-items): swapping a short
    item with a long one moves the short one. Sub-items that travel with their item did not move."""
    size = [1] * len(new)
    for entry in reversed(new):
        if entry.parent is not None:
            size[entry.parent] += size[entry.index]
    out: set[int] = set()
    groups: dict[int | None, list[int]] = {}
    for new_index in sorted(pairs):
        entry = new[new_index]
        if old[pairs[new_index]].parent != (pairs.get(entry.parent, -1) if entry.parent is not None else None):
            out.add(new_index)
        else:
            groups.setdefault(entry.parent, []).append(new_index)
    for siblings in groups.values():
        keep = _heaviest_run([old[pairs[n]].position for n in siblings], [size[n] for n in siblings])
        out.update(n for at, n in enumerate(siblings) if at not in keep)
    return out


def _heaviest_run(values: list[int], weights: list[int]) -> set[int]:
    """The places of the increasing run of ``values`` (all different) with the greatest total
    weight: a Fenwick tree of best totals by value, O(n log n)."""
    if all(a < b for a, b in pairwise(values)):  # nothing moved (most siblings): all of them
        return set(range(len(values)))
    ranks = {value: rank + 1 for rank, value in enumerate(sorted(values))}
    tree_total, tree_at = [0] * (len(values) + 1), [-1] * (len(values) + 1)
    back: list[int] = []
    best_total, best_at = 0, -1
    for at, value in enumerate(values):
        total, before, rank = 0, -1, ranks[value] - 1
        while rank > 0:  # best run ending below this value
            if tree_total[rank] > total:
                total, before = tree_total[rank], tree_at[rank]
            rank -= rank & -rank
        total += weights[at]
        back.append(before)
        if total > best_total:
            best_total, best_at = total, at
        rank = ranks[value]
        while rank <= len(values):
            if total > tree_total[rank]:
                tree_total[rank], tree_at[rank] = total, at
            rank += rank & -rank
    keep: set[int] = set()
    while best_at >= 0:
        keep.add(best_at)
        best_at = back[best_at]
    return keep
