"""Benchmarks of the hostile inputs of issue 14 (point 6): each shape that once took quadratic time or
gigabytes, at about 1 MB of input, run as the installed command. Bar: 5 s and 500 MB each.

    python benchmarks/hostile.py              # every case, 1 MB
    python benchmarks/hostile.py --bytes 250000 --only flat-items

Prints one line per case (input size, wall and CPU time, peak memory) and writes
benchmarks/hostile.json (a case not run keeps its last figures). The tests never assert timings;
this is how they are known.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# A small fresh process runs the command and reports its children's CPU time and peak memory (a
# child of this process would count this one's memory). CPU seconds are what the command costs;
# wall seconds also count the other programs of a shared machine, which can triple them.
_MEASURE = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "wall = time.perf_counter() - start; used = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(wall, used.ru_utime + used.ru_stime, used.ru_maxrss)")


def measure(command: list[str], repeat: int) -> tuple[float, float, int]:
    """The median wall and CPU seconds of ``repeat`` cold runs, and the peak memory in MB."""
    runs = []
    for _ in range(repeat):
        if "-o" in command:  # every run writes its output: render leaves an unchanged file alone
            Path(command[command.index("-o") + 1]).unlink(missing_ok=True)
        out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
        wall, cpu, peak = out.stdout.split()
        runs.append((float(wall), float(cpu), int(peak) // 1024))
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs))


def flat_items(size: int) -> str:
    """A flat list of automatic items: 199,000 at 1 MB (the view once rebuilt a tuple per item)."""
    return "#. a\n" * (size // 5)


def misspelt_labels(size: int) -> str:
    """Labelled items each referring to a misspelt label: 'did you mean' over every label."""
    lines, n = [], 0
    while sum(map(len, lines)) < size:
        n += 1
        lines.append(f"#. Item {n} {{#label{n}}} see {{labl{n}x}}\n")
    return "".join(lines)


def long_start_number(size: int) -> str:
    """The longest start number allowed (15 digits), then automatic items (once 4,000 digits: 5.3 GB)."""
    return "numbering: 999999999000000.\n\n" + "#. a\n" * (size // 5)


def huge_number(size: int) -> str:
    """One item number of a million digits: a diagnostic, never a computed value."""
    return "1. Opening\n" + "9" * size + ". Huge\n"


def calendar_uids(size: int) -> str:
    """Sittings that share a day and an hour: each needs a UID of its own."""
    head = "body: Assembly\ndate: 1 May 2026\ntime: 10:00\n\n"
    sitting = "# Sitting, 10:00\n#. a\n"
    return head + sitting * ((size - len(head)) // len(sitting))


def series_references(size: int) -> str:
    """Many declared series and many references: each reference looked up among the series."""
    series = "".join(f"series S{n}X: S{n}X-{{n}}\n" for n in range(2000))
    refs, n = [], 0
    while len(series) + sum(map(len, refs)) < size:
        refs.append(f"#. Report [S{n % 2000}X-{n}]\n")
        n += 1
    return series + "\n" + "".join(refs)


EXTENSIONS = {"html": "html", "latex": "tex", "ics": "ics", "markdown": "md", "json": "json"}
CASES = {
    "flat-items": (flat_items, ["render", "--to", "html"]),
    "flat-items-latex": (flat_items, ["render", "--to", "latex"]),
    "flat-items-markdown": (flat_items, ["render", "--to", "markdown"]),
    "flat-items-json": (flat_items, ["render", "--to", "json"]),
    "flat-items-check": (flat_items, ["check"]),
    "misspelt-labels": (misspelt_labels, ["check"]),
    "long-start-number": (long_start_number, ["render", "--to", "html"]),
    "huge-number": (huge_number, ["check"]),
    "calendar-uids": (calendar_uids, ["render", "--to", "ics"]),
    "series-references": (series_references, ["check"]),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_000_000, help="input size of each case")
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", default=str(HERE / "hostile.json"))
    options = parser.parse_args()
    agenda = shutil.which("agenda") or str(Path(sys.executable).parent / "agenda")
    chosen = [name for name in CASES if not options.only or name in options.only.split(",")]
    # Cases not run this time keep their last figures.
    previous = json.loads(Path(options.json).read_text(encoding="utf-8")) if Path(options.json).exists() else []
    results = {case["case"]: case for case in previous}
    print(f"{'case':>19} {'bytes':>9} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}  within 5 s / 500 MB (CPU)")
    with tempfile.TemporaryDirectory() as folder:
        for name in chosen:
            make, command = CASES[name]
            path = Path(folder) / f"{name}.agenda"
            path.write_text(make(options.bytes), encoding="utf-8")
            out = Path(folder) / f"out.{EXTENSIONS.get(command[-1], 'x')}"
            args = [agenda, *command, str(path)] + (["-o", str(out)] if command[0] == "render" else [])
            seconds, cpu, peak = measure(args, options.repeat)
            size = path.stat().st_size
            results[name] = {"case": name, "bytes": size, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
                             "peak_mb": peak}
            within = "yes" if cpu <= 5 and peak <= 500 else "NO"
            print(f"{name:>19} {size:>9,} {seconds:>8.2f} {cpu:>8.2f} {peak:>8}  {within}", flush=True)
    ordered = [results[name] for name in CASES if name in results]
    Path(options.json).write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
