"""Mutation testing of the library's logic with mutmut 3 (docs/testing.md says how to read it).

    .venv/bin/python tests/mutation/run.py                      # every module [tool.mutmut] names
    .venv/bin/python tests/mutation/run.py agendadsl.render.ics  # one module (or several, or globs)

mutmut copies the package into ``mutants/`` (git ignores it), runs the tests once to learn which
tests reach each function, then runs only those tests against each mutant of it, in one worker by
default (``--workers N``): the machine is shared, and the run is long (docs/testing.md has figures).
A later run reuses the results of mutants whose function has not changed, and the map of which
tests reach which function: a new test file goes in ``[tool.mutmut]``'s list of test files, and
``mutants/mutmut-stats.json`` (or ``mutants/``) is deleted, so that its tests run against the mutants.

At the end it prints the score per module and the surviving mutants, and exits 1 when the score
of the modules asked for is under ``--bar`` (default 90 %). ``mutmut show NAME`` (from the
repository root) prints a survivor's diff.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUTMUT = [sys.executable, "-m", "mutmut"]
# Statuses that are neither a kill nor a survivor: no test reaches the function, or mutmut did not run it.
NOT_SCORED = {"no tests", "not checked", "skipped", "check was interrupted by user"}
KILLED = {"killed", "timeout", "segfault", "caught by type check"}


def pattern(module: str) -> str:
    """mutmut names a mutant ``package.module.x_function__mutmut_N``: a module's mutants by glob."""
    return module if "*" in module else f"{module}.*"


def results() -> dict[str, str]:
    """Each mutant's status, as ``mutmut results --all`` reports it."""
    out = subprocess.run([*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True)
    statuses = {}
    for line in out.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            statuses[name] = status
    return statuses


def module_of(mutant: str) -> str:
    """``agendadsl.render.ics.x_event__mutmut_3`` (or ``.xǁClassǁmethod__mutmut_3``) is render.ics's."""
    return mutant.split(".x", 1)[0]


def report(statuses: dict[str, str], modules: list[str]) -> float:
    """Print the score per module and the survivors; return the overall score (killed / scored)."""
    import fnmatch

    chosen = {name: status for name, status in statuses.items()
              if not modules or any(fnmatch.fnmatch(name, pattern(m)) for m in modules)}
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in chosen.items():
        by_module[module_of(name)][status] += 1
    killed = scored = 0
    print(f"{'module':45} {'killed':>7} {'survived':>9} {'no tests':>9} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        k = sum(counts[s] for s in KILLED)
        n = sum(v for s, v in counts.items() if s not in NOT_SCORED)
        killed, scored = killed + k, scored + n
        print(f"{module:45} {k:7} {counts['survived'] + counts['suspicious']:9} {counts['no tests']:9} "
              f"{100 * k / n if n else 100:6.1f}%")
    score = 100 * killed / scored if scored else 100.0
    print(f"{'all':45} {killed:7} {scored - killed:9} {'':9} {score:6.1f}%")
    survivors = sorted(name for name, status in chosen.items() if status in ("survived", "suspicious"))
    if survivors:
        print("\nsurvivors (mutmut show NAME):")
        print("\n".join(f"  {name}" for name in survivors))
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="dotted module names or mutant-name globs (default: all)")
    parser.add_argument("--workers", type=int, default=1, help="mutants run at once (default 1: a shared machine)")
    parser.add_argument("--bar", type=float, default=90.0, help="the lowest score that passes, in per cent")
    parser.add_argument("--report-only", action="store_true", help="report the last run's results, run nothing")
    args = parser.parse_args()
    if not args.report_only:
        names = [pattern(m) for m in args.modules]
        # The property tests draw a few fixed examples (tests/conftest.py): each runs once per mutant.
        env = {**os.environ, "AGENDA_MUTATION": "1"}
        run = subprocess.run([*MUTMUT, "run", "--max-children", str(args.workers), *names], cwd=ROOT, env=env,
                             check=False)
        if run.returncode != 0:
            print(f"mutation: mutmut run failed (exit {run.returncode})", file=sys.stderr)
            return 2
    score = report(results(), args.modules)
    return 0 if score >= args.bar else 1


if __name__ == "__main__":
    sys.exit(main())
