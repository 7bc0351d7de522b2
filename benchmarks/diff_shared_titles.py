"""Benchmark: `agenda diff` on about 1 MB of agenda whose items share a few titles, and on the
cases that would make matching quadratic: every title changed (similar titles scored in a window),
and a removal at the top of a long flat list (one renumbering run of every item after it).

    python benchmarks/diff_shared_titles.py            # each case at about 1 MB per version
    python benchmarks/diff_shared_titles.py --size 0.25

Prints, for each case, the seconds of the two stages in this process (parsing both versions, and
the diff itself), then the seconds and peak memory of the whole `agenda diff` command, and
whether that meets the bar of issue 14 (5 s and 500 MB at 1 MB of input). Nothing here is
asserted by the tests; docs/performance.md has the figures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMIT_SECONDS, LIMIT_MB = 5.0, 500
_PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
         "stderr=subprocess.PIPE, text=True); "
         "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def shared_titles(size: int) -> tuple[str, str]:
    """Sections of "Report" items with "Discussion" and "Vote" sub-items; in the new version every
    tenth report is removed and every seventh discussion gains a note."""
    old, new = [], []
    section = 0
    while sum(map(len, old)) < size:
        section += 1
        old.append("#. Reports\n")
        new.append("#. Reports\n")
        for n in range(20):
            block = "   #. Report\n      #. Discussion\n      #. Vote\n"
            old.append(block)
            if n % 10 == 3:
                continue
            noted = block.replace("#. Discussion\n", "#. Discussion\n         > Postponed.\n")
            new.append(noted if n % 7 == 0 else block)
    return "".join(old), "".join(new)


def all_retitled(size: int) -> tuple[str, str]:
    """Distinct titles, each reworded in the new version: every item goes to the similarity stage."""
    old, new = [], []
    n = 0
    while sum(map(len, old)) < size:
        n += 1
        old.append(f"#. Report of working group {n} on budget line {n * 7}\n")
        new.append(f"#. Report of the working group {n} on budget line {n * 7} (revised)\n")
    return "".join(old), "".join(new)


def flat_removal(size: int) -> tuple[str, str]:
    """A flat list of identical items, the first removed: one renumbering run of all the others."""
    count = size // len("#. a\n")
    return "#. a\n" * count, "#. a\n" * (count - 1)


def shared_headings(size: int) -> tuple[str, str]:
    """Headings that share one title, each over one item; the new version drops every fifth."""
    block = "# Session\n\n#. Statement by the delegation\n\n"
    count = size // len(block)
    return block * count, "".join(block for n in range(count) if n % 5)


CASES = {"many items sharing titles": shared_titles, "headings sharing a title": shared_headings,
         "every title changed": all_retitled, "flat list, first removed": flat_removal}


def stages(old_text: str, new_text: str) -> tuple[float, float]:
    """Seconds to parse both versions, and to diff them, in this process."""
    from agendadsl import diff, parse

    start = time.perf_counter()
    old, new = parse(old_text).agenda, parse(new_text).agenda
    parsed = time.perf_counter()
    diff(old, new)
    return parsed - start, time.perf_counter() - parsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=1.0, help="MB of each version")
    size = int(parser.parse_args().size * 1_000_000)
    agenda = str(Path(sys.executable).parent / "agenda")
    met = True
    with tempfile.TemporaryDirectory() as folder:
        for name, make in CASES.items():
            old_text, new_text = make(size)
            old, new = Path(folder) / "old.agenda", Path(folder) / "new.agenda"
            old.write_text(old_text, encoding="utf-8")
            new.write_text(new_text, encoding="utf-8")
            parse_seconds, diff_seconds = stages(old_text, new_text)
            start = time.perf_counter()
            run = subprocess.run([sys.executable, "-c", _PEAK, agenda, "diff", str(old), str(new)],
                                 capture_output=True, text=True, check=True)
            seconds = time.perf_counter() - start
            code, peak = run.stdout.split()
            megabytes = int(peak) // 1024
            ok = seconds <= LIMIT_SECONDS and megabytes <= LIMIT_MB and code == "0"
            met = met and ok
            print(f"{name:26} {len(old_text) / 1e6:5.2f} MB  parse {parse_seconds:6.2f} s  "
                  f"diff {diff_seconds:6.2f} s  command {seconds:6.2f} s {megabytes:5d} MB peak  exit {code}  "
                  f"{'meets' if ok else 'MISSES'} the bar")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
