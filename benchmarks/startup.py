"""Where a cold `agenda check` of the seed spends its time, stage by stage, each stage timed in a fresh
process (the best of --repeat runs, so a busy machine shows less than its noise):

    python benchmarks/startup.py --repeat 7

The stages add up to the command: Python itself, typer, the command line built for `check`, the
modules of the parser and the checks (the AST's classes among them), the parser loaded from
the cache, the first analysis (which compiles the lexer's scanners and reads the month names)
and a second one, the agenda work itself.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"

_STAGES = f"""
import time
marks = [("python", time.perf_counter())]
import typer
marks.append(("import typer (and its click)", time.perf_counter()))
from agendadsl.cli.app import build
build("check")
marks.append(("the command line, built for check", time.perf_counter()))
import agendadsl.language.nodes
marks.append(("the AST's classes (language/nodes.py, generated plainly)", time.perf_counter()))
from agendadsl.checks.analyse import analyse
marks.append(("the rest of the parser and checks' modules, lark", time.perf_counter()))
from agendadsl.language.grammar import lark_parser
lark_parser()
marks.append(("the parser, from the cache", time.perf_counter()))
from agendadsl.language.source import decode
source = decode(open({str(SEED)!r}, "rb").read(), "seed")[0]
analyse(source)
marks.append(("the first analysis (the lexer's scanners, month names)", time.perf_counter()))
analyse(source)
marks.append(("a second analysis: the agenda work", time.perf_counter()))
print(repr([(name, end - start) for (_, start), (name, end) in zip(marks, marks[1:])]))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    python = []
    stages: dict[str, list[float]] = {}
    for _ in range(options.repeat):
        timed = subprocess.run([sys.executable, "-c", "import time, subprocess, sys; t = time.perf_counter(); "
                                "subprocess.run([sys.executable, '-c', 'pass']); print(time.perf_counter() - t)"],
                               capture_output=True, text=True, check=True)
        python.append(float(timed.stdout))
        result = subprocess.run([sys.executable, "-c", _STAGES], capture_output=True, text=True, check=True)
        for name, seconds in ast.literal_eval(result.stdout):
            stages.setdefault(name, []).append(seconds)
    print(f"| stage | ms (best of {options.repeat}) |\n| --- | ---: |")
    print(f"| starting and ending Python (`python -c pass`) | {min(python) * 1000:.1f} |")
    for name, times in stages.items():
        print(f"| {name} | {min(times) * 1000:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
