"""Mutation testing of the library's logic with mutmut 3 (docs/testing.md says how to read it).

    nice -n 19 .venv/bin/python tests/mutation/run.py --sample 40 --seed 2026   # a stratified sample: about an hour
    nice -n 19 .venv/bin/python tests/mutation/run.py --report-only    # the recorded sample's score again
    nice -n 19 .venv/bin/python tests/mutation/run.py --all            # every mutant [tool.mutmut] names: a night
    nice -n 19 .venv/bin/python tests/mutation/run.py agendadsl.render.ics   # every mutant of one module

mutmut copies the package into ``mutants/`` (git ignores it), runs the tests once to learn which
tests reach each function, then runs only those tests against each mutant of it, in one worker by
default (``--workers N``): the machine is shared. A later run reuses the results of mutants whose
function has not changed, and the map of which tests reach which function: a new test file goes in
``[tool.mutmut]``'s list of test files, and ``mutants/mutmut-stats.json`` (or ``mutants/``) is
deleted, so that its tests run against the mutants.

The whole library has some 21,000 mutants, days of work on a shared machine. ``--sample N`` draws N
mutants at random from each layer (language, checks, render, edit) with a fixed seed, writes the
sample, the seed and the commit to ``tests/mutation/sample.txt``, runs just those, and estimates the
kill rate per layer and for the library with a 95 % confidence interval (Wilson). Mutants judged
equivalent are listed, each with its reason, in docs/testing.md ("Equivalent mutants"); they leave
the count. A mutant that no test reaches counts as a survivor here: nothing would notice it.
mutmut runs the mutants it is given fastest first, so a run stopped early is no random sample of
the draw: let it finish (a later run goes on with what is not killed yet).

The run exits 1 when the estimate is under ``--bar`` (default 90 %). ``mutmut show NAME`` (from the
repository root) prints a survivor's diff.
"""

from __future__ import annotations

import argparse
import fnmatch
import math
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUTMUT = [sys.executable, "-m", "mutmut"]
SAMPLE = Path(__file__).with_name("sample.txt")
DOCS = ROOT / "docs" / "testing.md"
LAYERS = ("language", "checks", "render", "edit")
# Statuses that are neither a kill nor a survivor: mutmut did not run the mutant.
NOT_RUN = {"not checked", "skipped", "check was interrupted by user"}
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
Z95 = 1.959964
# The property tests draw a few fixed examples (tests/conftest.py): each runs once per mutant. No disk
# cache (support/cache.py): the compiled grammar, the zone tables and the compiled templates would be
# read from it, built by the unmutated code, and a mutant of what builds them would never run.
ENV = {**os.environ, "AGENDA_MUTATION": "1", "AGENDA_CACHE_DIR": ""}


def pattern(module: str) -> str:
    """mutmut names a mutant ``package.module.x_function__mutmut_N``: a module's mutants by glob."""
    return module if "*" in module else f"{module}.*"


def results() -> dict[str, str]:
    """Each mutant's status, as ``mutmut results --all`` reports it (after mutants are generated)."""
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


def layer_of(mutant: str) -> str:
    """``agendadsl.render.ics.x_event__mutmut_3`` is in the render layer."""
    return mutant.split(".")[1]


def generate() -> None:
    """Write every mutant into ``mutants/`` without running any, so that a sample can be drawn.

    These are the first steps of ``mutmut run`` (mutmut 3.8); the run that follows finds the
    files generated and does not generate them again."""
    code = (
        "from os import makedirs\n"
        "import mutmut.__main__ as m\n"
        "from mutmut.mutation.trampoline import set_mutant_under_test\n"
        "set_mutant_under_test('mutant_generation')\n"
        "makedirs('mutants', exist_ok=True)\n"
        "m.copy_src_dir(); m.copy_also_copy_files(); m.setup_source_paths()\n"
        "print(m.create_mutants(1))\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def draw(population: list[str], per_layer: int, seed: int, drawn: int) -> list[str]:
    """``per_layer`` mutants from each layer: the first of ``drawn`` drawn in turn with ``seed`` from
    the names in sorted order. The first k of a random sample are a random sample of k, so a run cut
    short keeps the draw of a longer one (as this one was: 40 drawn, 25 run)."""
    rng = random.Random(seed)
    chosen = []
    for layer in LAYERS:
        names = sorted(name for name in population if layer_of(name) == layer)
        chosen += sorted(rng.sample(names, min(max(drawn, per_layer), len(names)))[:per_layer])
    return chosen


def head_commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                         check=False)
    return out.stdout.strip() or "unknown"


def write_sample(chosen: list[str], population: list[str], seed: int, per_layer: int, drawn: int) -> None:
    sizes = Counter(layer_of(name) for name in population)
    lines = [
        f"# seed {seed}, {per_layer} per layer (the first of {drawn} drawn), drawn at commit {head_commit()}"
        " by tests/mutation/run.py",
        "# population: " + ", ".join(f"{layer} {sizes[layer]}" for layer in LAYERS),
        *chosen,
    ]
    SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_sample() -> tuple[list[str], dict[str, int], str]:
    """The recorded sample: its mutants, each layer's population, and its header."""
    text = SAMPLE.read_text(encoding="utf-8").splitlines()
    header = [line for line in text if line.startswith("#")]
    sizes = {layer: int(n) for layer, n in re.findall(r"(\w+) (\d+)", header[1].split(":", 1)[1])}
    return [line for line in text if line and not line.startswith("#")], sizes, header[0]


def equivalents() -> dict[str, str]:
    """The mutants judged equivalent, and why: the lines ``- `name`: why`` of docs/testing.md's
    "Equivalent mutants" section."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Equivalent mutants", 1)[-1].split("\n#", 1)[0] if "### Equivalent mutants" in text else ""
    return dict(re.findall(r"^- `([^`]+)`: (.+)$", section, flags=re.MULTILINE))


def wilson(killed: float, n: float, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``killed / n``."""
    if n <= 0:
        return 0.0, 1.0
    p = killed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class Stratum:
    population: int
    killed: int = 0
    survived: int = 0
    equivalent: int = 0
    not_run: int = 0

    @property
    def scored(self) -> int:
        return self.killed + self.survived

    @property
    def rate(self) -> float:
        return self.killed / self.scored if self.scored else 1.0


def stratified(strata: dict[str, Stratum]) -> tuple[float, tuple[float, float]]:
    """The library's kill rate, each layer weighted by its share of the mutants, with a Wilson interval
    on the effective sample size (Kish: the size a simple random sample of the same variance would have)."""
    total = sum(s.population for s in strata.values() if s.scored)
    weights = {layer: s.population / total for layer, s in strata.items() if s.scored}
    rate = sum(weights[layer] * strata[layer].rate for layer in weights)
    n = sum(strata[layer].scored for layer in weights)
    variance = sum(w * w * strata[layer].rate * (1 - strata[layer].rate) / strata[layer].scored
                   for layer, w in weights.items())
    effective = rate * (1 - rate) / variance if variance > 0 else n
    return rate, wilson(rate * effective, effective)


def survivors(statuses: dict[str, str], chosen: list[str]) -> list[str]:
    """The mutants of the sample neither killed nor judged equivalent: those to run again after a new test."""
    equivalent = equivalents()
    return [name for name in chosen if statuses.get(name) not in KILLED and name not in equivalent]


def report_sample(statuses: dict[str, str], chosen: list[str], sizes: dict[str, int], header: str) -> float:
    """Print the score per layer and for the library, the survivors and the equivalent mutants."""
    equivalent = equivalents()
    strata = {layer: Stratum(sizes.get(layer, 0)) for layer in LAYERS}
    survivors, equal, not_run = [], [], []
    for name in chosen:
        stratum, status = strata[layer_of(name)], statuses.get(name, "not checked")
        if status in NOT_RUN:
            stratum.not_run += 1
            not_run.append(name)
        elif status in KILLED:
            stratum.killed += 1
        elif name in equivalent:
            stratum.equivalent += 1
            equal.append(name)
        else:  # survived, suspicious, or reached by no test
            stratum.survived += 1
            survivors.append(f"{name} ({status})")
    print(header)
    print(f"{'layer':10} {'mutants':>8} {'sampled':>8} {'killed':>7} {'survived':>9} {'equiv.':>7} {'not run':>8}"
          f" {'score':>7}  95 % interval")
    for layer, s in strata.items():
        low, high = wilson(s.killed, s.scored)
        print(f"{layer:10} {s.population:8} {s.scored + s.equivalent + s.not_run:8} {s.killed:7} {s.survived:9}"
              f" {s.equivalent:7} {s.not_run:8} {100 * s.rate:6.1f}%  {100 * low:.1f}-{100 * high:.1f} %")
    rate, (low, high) = stratified(strata)
    print(f"{'library':10} {sum(sizes.values()):8} {len(chosen):8} {'':7} {'':9} {'':7} {'':8}"
          f" {100 * rate:6.1f}%  {100 * low:.1f}-{100 * high:.1f} % (layers weighted by their mutants)")
    for title, names in (("survivors", survivors), ("equivalent (docs/testing.md)", equal), ("not run", not_run)):
        if names:
            print(f"\n{title}:")
            print("\n".join(f"  {name}" for name in names))
    return 100 * rate


def report_modules(statuses: dict[str, str], modules: list[str]) -> float:
    """Print the score per module and the survivors of a full run; return the overall score."""
    chosen = {name: status for name, status in statuses.items()
              if not modules or any(fnmatch.fnmatch(name, pattern(m)) for m in modules)}
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in chosen.items():
        by_module[module_of(name)][status] += 1
    killed = scored = 0
    print(f"{'module':45} {'killed':>7} {'survived':>9} {'no tests':>9} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        k = sum(counts[s] for s in KILLED)
        n = sum(v for s, v in counts.items() if s not in NOT_RUN | {"no tests"})
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


def run_mutants(names: list[str], workers: int) -> bool:
    run = subprocess.run([*MUTMUT, "run", "--max-children", str(workers), *names], cwd=ROOT, env=ENV, check=False)
    if run.returncode != 0:
        print(f"mutation: mutmut run failed (exit {run.returncode})", file=sys.stderr)
    return run.returncode == 0


def against(names: list[str], tests: list[str]) -> int:
    """Run ``tests`` (pytest arguments) against each mutant, each in a fresh process in ``mutants/``
    (mutmut's copy, where ``MUTANT_UNDER_TEST`` switches a mutant on): for a test outside
    ``[tool.mutmut]``'s selection, or a mutant mutmut found no test for. Prints each verdict;
    returns how many survived."""
    alive = 0
    for name in names:
        env = {**ENV, "MUTANT_UNDER_TEST": name}
        run = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                              *tests], cwd=ROOT / "mutants", env=env, capture_output=True, text=True, check=False)
        verdict = {0: "survived", 1: "killed"}.get(run.returncode, f"error (pytest exit {run.returncode})")
        alive += run.returncode != 1
        print(f"{name}: {verdict}")
    return alive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="dotted module names or mutant-name globs: every mutant of them")
    parser.add_argument("--sample", type=int, metavar="N", help="draw N mutants per layer, record and run them")
    parser.add_argument("--seed", type=int, default=14, help="the seed of the sample (default 14, the issue's)")
    parser.add_argument("--drawn", type=int, metavar="M", help="draw M per layer, run the first N (default N)")
    parser.add_argument("--all", action="store_true", help="every mutant of every module [tool.mutmut] names")
    parser.add_argument("--rerun", nargs="*", metavar="NAME",
                        help="run these mutants again (no name: the recorded sample's survivors)")
    parser.add_argument("--against", nargs="+", metavar="TEST",
                        help="with --rerun NAME...: run these tests (pytest arguments) against each mutant")
    parser.add_argument("--workers", type=int, default=1, help="mutants run at once (default 1: a shared machine)")
    parser.add_argument("--bar", type=float, default=90.0, help="the lowest score that passes, in per cent")
    parser.add_argument("--report-only", action="store_true", help="report the last run's results, run nothing")
    args = parser.parse_args()
    start = time.monotonic()
    if args.against:
        return 1 if against(args.rerun or [], args.against) else 0
    if args.modules or args.all:
        if not args.report_only and not run_mutants([pattern(m) for m in args.modules], args.workers):
            return 2
        score = report_modules(results(), args.modules)
    else:
        if args.sample and not args.report_only:
            generate()
            population = sorted(results())
            drawn = args.drawn or args.sample
            write_sample(draw(population, args.sample, args.seed, drawn), population, args.seed, args.sample, drawn)
        chosen, sizes, header = read_sample()
        if not args.report_only:
            # Like mutmut itself, keep a kill of a function that has not changed since (its result is reset
            # when the function changes); mutmut runs every mutant it is given by name.
            statuses = results()
            names = ([name for name in chosen if statuses.get(name) not in KILLED] if args.rerun is None
                     else args.rerun or survivors(statuses, chosen))
            if not run_mutants(names, args.workers):
                return 2
        score = report_sample(results(), chosen, sizes, header)
    print(f"\n{time.monotonic() - start:.0f} s")
    return 0 if score >= args.bar else 1


if __name__ == "__main__":
    sys.exit(main())
