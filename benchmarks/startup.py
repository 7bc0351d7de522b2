"""Where a cold `agenda check` of the seed spends its time, stage by stage, each stage timed in a fresh
process (CPU and wall time, each the best of --repeat runs, so a busy machine shows less than its noise):

    python benchmarks/startup.py --repeat 7

The stages add up to the command as the fast path runs it (agendadsl/cli/fast.py): Python itself,
the body of `check` with the reporting it uses, reading the command line from the generated
description (parameters.py), the modules of the parser and the checks (the AST's classes among
them), the parser loaded from the cache, the first analysis (which compiles the lexer's scanners
and reads the month names) and a second one, the agenda work itself. A second table times, in
another process, what the fast path skips and a run through typer still pays (help, a mistake,
the other commands): importing typer with its click, and building the command.
"""

from __future__ import annotations

import argparse
import ast
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"

_MARKS = """
import time
marks = [("python", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
"""
_PRINT = "\nprint(repr([(name, w - v, c - d) for (_, v, d), (name, w, c) in zip(marks, marks[1:])]))"

_STAGES = _MARKS + f"""
import agendadsl.cli.checking, agendadsl.cli.guard
mark("the body of check and the reporting (cli/checking.py, guard.py, report.py)")
from agendadsl.cli import fast
assert fast.read(["check", {str(SEED)!r}]) is not None
mark("the command line read by the fast path (cli/fast.py, parameters.py)")
import agendadsl.language.nodes
mark("the AST's classes (language/nodes.py, generated plainly)")
from agendadsl.checks.analyse import analyse
mark("the rest of the parser and checks' modules, lark")
from agendadsl.language.grammar import lark_parser
lark_parser()
mark("the parser, from the cache")
from agendadsl.language.source import decode
source = decode(open({str(SEED)!r}, "rb").read(), "seed")[0]
analyse(source)
mark("the first analysis (the lexer's scanners, month names)")
analyse(source)
mark("a second analysis: the agenda work")
""" + _PRINT

_TYPER = _MARKS + """
import agendadsl.cli.checking, agendadsl.cli.guard
mark("the body")
import typer
mark("import typer (and its click)")
from typer.main import get_command
from agendadsl.cli.app import build
get_command(build("check"))
mark("the command line, built for check (typer's app and click's command)")
marks.pop(0)
""" + _PRINT


def _python() -> tuple[float, float]:
    """Wall and CPU seconds of starting and ending Python (``python -c pass``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    stages: dict[str, list[tuple[float, float]]] = {"starting and ending Python (`python -c pass`)": []}
    skipped: dict[str, list[tuple[float, float]]] = {}
    for _ in range(options.repeat):
        stages["starting and ending Python (`python -c pass`)"].append(_python())
        for script, into in ((_STAGES, stages), (_TYPER, skipped)):
            result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
            for name, wall, cpu in ast.literal_eval(result.stdout):
                into.setdefault(name, []).append((wall, cpu))
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end\n")
    for title, table in (("stage of the fast path", stages), ("what a run through typer adds", skipped)):
        print(f"| {title} | CPU ms (best of {options.repeat}) | wall ms (best of {options.repeat}) |")
        print("| --- | ---: | ---: |")
        for name, times in table.items():
            print(f"| {name} | {min(c for _, c in times) * 1000:.1f} | {min(w for w, _ in times) * 1000:.1f} |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
