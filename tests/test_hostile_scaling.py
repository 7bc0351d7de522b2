"""The inputs of issue 14 (point 6) that once took quadratic time: each test counts the work that
grew with the input, on a case that tells the two algorithms apart. Nothing here is timed: the
figures are in benchmarks/hostile.py and docs/performance.md."""

from __future__ import annotations

import collections
import collections.abc

from agendadsl import analyse
from agendadsl.language import docrefs


def _counting(monkeypatch, module, name: str) -> collections.Counter:
    """Count the calls of ``module.name`` by their first argument (its id if it has no hash),
    calling through."""
    calls: collections.Counter = collections.Counter()
    original = getattr(module, name)

    def counted(first, *args, **kwargs):
        calls[first if isinstance(first, collections.abc.Hashable) else id(first)] += 1
        return original(first, *args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_each_series_pattern_is_compiled_once_however_many_series(monkeypatch) -> None:
    # 300 series, more than compile_pattern's LRU cache holds, referred to in turn: each reference
    # recompiled its series' pattern when the cache was all there was.
    count = 300
    series = "".join(f"series S{n}X: S{n}X-{{n}}\n" for n in range(count))
    refs = "".join(f"#. Report [S{n % count}X-{n}]\n" for n in range(3 * count))
    calls = _counting(monkeypatch, docrefs, "compile_pattern")
    found = analyse(series + "\n" + refs + "#. Wrong [S7X-seven]\n")[1]
    assert [(d.code, d.span.line) for d in found] == [("docref-pattern", count + 2 + 3 * count)]
    assert len(calls) == count and max(calls.values()) == 1


def test_a_heading_tried_as_a_date_looks_for_no_misspelt_month(monkeypatch) -> None:
    # "# Sitting, 10:00" is tried as a date from each word on; each failed try once looked for the
    # month "Sitting" was closest to (six difflib searches a heading), for a hint nobody read.
    import difflib

    calls = _counting(monkeypatch, difflib, "get_close_matches")
    agenda, found = analyse("date: 1 May 2026\n\n" + "# Sitting, 10:00\n#. a\n" * 50)
    assert found == [] and not calls
    assert len(agenda.groups) == 50 and {str(group.time.start) for group in agenda.groups} == {"10:00"}


def test_a_misspelt_month_is_still_named_in_the_hint() -> None:
    [problem] = analyse("date: 23 Novembr 2020\n\n1. A\n")[1]
    assert problem.code == "date-syntax" and problem.hint.startswith("did you mean 'November'? Write a date like")


def test_the_walk_of_an_agenda_is_made_once_and_follows_its_body() -> None:
    # The checks and the view walk the agenda some forty times: 30 ms each at 200,000 items.
    import dataclasses

    text = "# Morning\n1. A\n## Part\n2. B\n# Afternoon\n3. C\n"
    agenda = analyse(text)[0]
    walk = agenda.groups_and_body()
    assert agenda.groups_and_body() is walk
    assert [type(entry).__name__ for entry in walk] == ["Group", "Item", "Group", "Item", "Group", "Item"]
    assert agenda == analyse(text)[0]  # the walk kept is not part of what the agenda means
    shorter = dataclasses.replace(agenda, body=agenda.body[:1])
    assert [type(entry).__name__ for entry in shorter.groups_and_body()] == ["Group", "Item", "Group", "Item"]


def test_json_makes_each_item_as_it_writes_it(monkeypatch) -> None:
    # All the items' dictionaries made before the first byte took 200,000 items to 560 MB.
    import json

    from agendadsl.render import json_export

    calls = _counting(monkeypatch, json_export._Exporter, "item")
    agenda = analyse("#. Item\n" * 2000)[0]
    pieces = json_export.json_pieces(agenda)
    first = next(pieces)
    assert first.startswith("{") and 0 < sum(calls.values()) < 2000
    whole = first + "".join(pieces)
    assert sum(calls.values()) == 2000
    assert [item["number"] for item in json.loads(whole)["items"]][-2:] == ["1999.", "2000."]
    assert json.loads(json_export.to_json(analyse("1. Only\n")[0]))["items"][0]["title"] == "Only"
    assert json.loads(json_export.to_json(analyse("> No items\n")[0]))["items"] == []


def test_the_checks_gather_the_texts_once(monkeypatch) -> None:
    # Six checks read every text; each walked the whole agenda again for it.
    from agendadsl.checks.context import CheckContext

    calls = _counting(monkeypatch, CheckContext, "_gather_texts")
    found = analyse("1. A see {b}\n2. B {#b} [^1]\n   > Note with {annex Z}\n\n[^1]: Footnote\n")[1]
    assert [d.code for d in found] == ["unknown-annex"]
    assert sum(calls.values()) == 1


def test_a_long_heading_is_searched_for_a_date_in_bounded_pieces(monkeypatch) -> None:
    # "# 1, 1, 1, ..." was read as a date from every comma on, at every length, each length read
    # again: 1,500 characters took three minutes. Now each start tries at most MAX_VALUE_TOKENS
    # lengths, and only the starts near the end are tried.
    from agendadsl.language import when

    calls = _counting(monkeypatch, when, "parse_dates")
    agenda = analyse("# " + ", ".join(["1"] * 500) + "\n1. A\n")[0]
    assert agenda.groups[0].dates is None and agenda.groups[0].time is None
    most = when.MAX_VALUE_TOKENS
    assert sum(calls.values()) <= (2 * most + 2) * most  # was about 250,000 parses of up to 1,000 tokens
    assert max(len(when._lex(text)) for text in calls) <= most


def test_a_long_title_still_ends_with_its_date_and_time() -> None:
    group = analyse("# " + "Report, " * 300 + "8, 9 and 10 October 2025, 09:30-12:30\n1. A\n")[0].groups[0]
    assert (group.dates.text, group.time.text) == ("8, 9 and 10 October 2025", "09:30-12:30")
    listed = analyse("# Sittings, 1, 2, 3, 4, 5, 6, 7 and 8 December 2025\n1. A\n")[0].groups[0]
    assert listed.dates.text == "1, 2, 3, 4, 5, 6, 7 and 8 December 2025"
