"""Sample number one: the Lanzarote Committee agenda, item for item."""

from __future__ import annotations

import json
import re

import pytest

from conftest import DATA, ROOT

SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"
NUMBER = re.compile(r"^\s*(?:•\s*)?((?:[0-9]+\.)|(?:[0-9IVX]+(?:\.[0-9]+)+))\s+(.*)$")


def seed_items() -> list[tuple[str, str]]:
    """(number, title) of every numbered line of the original text, typos fixed as the issue asks."""
    out = []
    for line in (DATA / "seed.txt").read_text(encoding="utf-8").splitlines():
        match = NUMBER.match(line)
        if match:
            title = match.group(2).strip().replace("Childself-generated", "Child self-generated")
            out.append((match.group(1), title.replace("selfgenerated", "self-generated")))
    return out


def flatten(items: list[dict]) -> list[dict]:
    out, stack = [], list(reversed(items))
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(reversed(item["children"]))
    return out


def test_json_lists_every_seed_item_with_its_exact_number_in_order(cli) -> None:
    run = cli("render", "samples/lanzarote-2020-11-23.agenda", "--to", "json")
    assert run.exit_code == 0, run.stderr
    document = json.loads(run.stdout)
    numbered = [(i["number"], i["title"]) for i in flatten(document["items"]) if i["number"]]
    assert numbered == seed_items()
    assert len(numbered) == 37


def test_seed_unnumbered_heading_and_next_meetings(cli) -> None:
    document = json.loads(cli("render", "samples/lanzarote-2020-11-23.agenda", "--to", "json").stdout)
    assert [i["title"] for i in document["items"] if i["number"] is None] == ["List of decisions"]
    meetings = document["next_meetings"]
    assert [(m["dates"]["start"]["date"], m["dates"]["end"]["date"]) for m in meetings] == [
        ("2020-12-07", "2020-12-11"), ("2021-03-15", "2021-03-19"),
        ("2021-06-28", "2021-07-02"), ("2021-11-29", "2021-12-03")]
    assert meetings[0]["place"] == "KUDO Platform" and meetings[0]["dates_tbc"] and not meetings[0]["place_tbc"]
    assert all(m["place"] == "Strasbourg" and m["place_tbc"] and m["kind_tbc"] for m in meetings[1:])
    assert document["next_meetings_position"] == 3


def explicit_numbers() -> list[tuple[int, str]]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    out = []
    for index, line in enumerate(lines, start=1):
        match = re.match(r"^\s*((?:[0-9]+\.)|(?:[0-9IVX]+(?:\.[0-9]+)+))\s", line)
        if match:
            out.append((index, match.group(1)))
    return out


def altered(number: str) -> str:
    """The same number with its last value raised by two: 'I.3.2' -> 'I.3.4', '3.' -> '5.'."""
    head, last, dot = re.match(r"^(.*?)([0-9]+)(\.?)$", number).groups()
    return f"{head}{int(last) + 2}{dot}"


@pytest.mark.parametrize(("line", "number"), explicit_numbers(), ids=lambda v: str(v))
def test_changing_any_explicit_number_is_an_error_on_its_line(cli, tmp_path, line, number) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace(number, altered(number), 1)
    broken = tmp_path / "broken.agenda"
    broken.write_text("".join(lines), encoding="utf-8")
    run = cli("check", "--color", "never", str(broken))
    assert run.exit_code == 1
    first = run.stderr.splitlines()[0]
    assert first.startswith(f"{broken}:{line}:"), run.stderr
    assert "error[numbering-" in first
    assert "hint:" in run.stderr
