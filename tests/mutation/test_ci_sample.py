"""A handful of mutants from the recorded sample (docs/testing.md, "Mutation testing"), each of which
must be killed by the tests named beside it: the CI part of mutation testing.

mutmut needs several minutes to map which tests reach which function before it runs one mutant, so
CI plants these mutants itself: it copies the package with what its tests read, makes the one change
in the named function, and runs the named tests against the copy. The mutant is killed when a test
fails (pytest's exit code 1); any other outcome, a run that passes or one that cannot collect, fails
this test. A change that no longer applies (the function was rewritten) fails too, with the message
to pick another mutant from tests/mutation/sample.txt.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What the tests read besides the package (as [tool.mutmut]'s also_copy says).
COPIED = ("agendadsl", "grammar", "templates", "samples", "docs", "tests", "pyproject.toml", "README.md", "LICENSE")


@dataclass(frozen=True)
class Mutant:
    name: str  # mutmut's name of it in the sample
    path: str
    function: str  # the function (or Class.method) the change is made in
    before: str  # text that occurs exactly once in that function
    after: str
    tests: tuple[str, ...]  # the tests that kill it

    def __str__(self) -> str:
        return self.name.removeprefix("agendadsl.")


MUTANTS: tuple[Mutant, ...] = (
    Mutant("agendadsl.language.when.x__slot__mutmut_47", "agendadsl/language/when.py", "_slot",
           'reader.at("hours", "hrs", "heures", "uhr")', 'reader.at("hours", "hrs", "heures", "UHR")',
           ("tests/test_strict_language_values.py::test_the_words_for_hours_after_a_time_and_after_a_slot",)),
    Mutant("agendadsl.checks.dates.x__days__mutmut_4", "agendadsl/checks/dates.py", "_days",
           "runs.append([])", "runs.append(None)",
           ("tests/test_strict_edit.py::test_date_and_time_checks_report_exactly",)),
    Mutant("agendadsl.render.localise.xǁLocaleǁ_clock__mutmut_10", "agendadsl/render/localise.py", "Locale._clock",
           'self.data.get("when", {}).get("time")', 'self.data.get("XXwhenXX", {}).get("time")',
           ("tests/test_strict_render.py::test_a_time_is_printed_in_the_output_language",)),
    Mutant("agendadsl.edit.changes.x__group_changes__mutmut_16", "agendadsl/edit/changes.py", "_group_changes",
           '"level": "#" * group.level', '"level": "XX#XX" * group.level',
           ("tests/test_strict_edit.py::test_a_headings_attributes_break_translation_and_level_changed",)),
    # A survivor of the sample's first run, killed by a test written for it.
    Mutant("agendadsl.edit.splits.x__words__mutmut_1", "agendadsl/edit/splits.py", "_words",
           "if len(word) >= SHORT}", "if len(word) > SHORT}",
           ("tests/test_mutation_gaps_2028.py::test_an_item_split_into_items_of_four_letter_words_is_a_split",)),
)


def function_span(source: str, qualified: str) -> tuple[int, int]:
    """The first and last line (1-based) of ``function`` or ``Class.method`` in ``source``."""
    body: list[ast.stmt] = ast.parse(source).body
    *owners, name = qualified.split(".")
    for owner in owners:
        body = next((node.body for node in body if isinstance(node, ast.ClassDef) and node.name == owner), [])
    node = next((node for node in body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                 and node.name == name), None)
    assert node is not None, f"{qualified} is gone: pick another killed mutant of tests/mutation/sample.txt"
    return node.lineno, node.end_lineno or node.lineno


def mutate(source: str, mutant: Mutant) -> str:
    """``source`` with ``mutant.before`` replaced by ``mutant.after`` inside its function."""
    lines = source.splitlines(keepends=True)
    first, last = function_span(source, mutant.function)
    body = "".join(lines[first - 1:last])
    assert body.count(mutant.before) == 1, (
        f"{mutant}: {mutant.before!r} no longer occurs once in {mutant.path}'s {mutant.function}: the code changed; "
        "pick another killed mutant of tests/mutation/sample.txt (`mutmut show NAME` gives its change)")
    return "".join(lines[:first - 1]) + body.replace(mutant.before, mutant.after) + "".join(lines[last:])


def run_tests(copy: Path, tests: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    """The tests, run against the copy's package: `python -m pytest` puts the working directory first on sys.path."""
    # No disk cache, as in tests/mutation/run.py: the zone and name tables cached by an unmutated run would
    # hide a mutant of the code that builds them.
    env = {**os.environ, "AGENDA_MUTATION": "1", "AGENDA_CACHE_DIR": ""}
    return subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                           *tests], cwd=copy, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout that the mutants are planted in, one at a time; unmutated, it passes every
    test named, so that a failure with a mutant planted is the mutant's."""
    copy = tmp_path_factory.mktemp("mutation")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "output", "mutation"))
        elif source.exists():
            shutil.copy2(source, copy / name)
    clean = run_tests(copy, tuple(dict.fromkeys(test for mutant in MUTANTS for test in mutant.tests)))
    assert clean.returncode == 0, f"the unmutated copy fails its tests:\n{clean.stdout[-3000:]}"
    return copy


def test_the_mutants_are_the_recorded_samples() -> None:
    """The five come from tests/mutation/sample.txt, one per layer and a survivor: after a new draw they
    are picked again from it."""
    sampled = {line for line in (ROOT / "tests" / "mutation" / "sample.txt").read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")}
    assert [str(m) for m in MUTANTS if m.name not in sampled] == []
    assert {m.name.split(".")[1] for m in MUTANTS} == {"language", "checks", "render", "edit"}


@pytest.mark.parametrize("mutant", MUTANTS, ids=str)
def test_the_sampled_mutant_is_killed_by_its_tests(pristine: Path, mutant: Mutant) -> None:
    target = pristine / mutant.path
    original = target.read_text(encoding="utf-8")
    target.write_text(mutate(original, mutant), encoding="utf-8")
    try:
        run = run_tests(pristine, mutant.tests)
    finally:
        target.write_text(original, encoding="utf-8")
    assert run.returncode == 1, f"{mutant} was not killed (pytest exit {run.returncode}):\n{run.stdout[-3000:]}"
