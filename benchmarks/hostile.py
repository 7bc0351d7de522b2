"""Benchmarks of the hostile inputs of issue 14 (point 6): each shape that once took quadratic time or
gigabytes, at about 1 MB of input, run as the installed command. Bar: 5 s and 500 MB each.

    python benchmarks/hostile.py              # every case, 1 MB
    python benchmarks/hostile.py --bytes 250000 --only flat-items

Prints one line per case (input size, wall time, peak memory) and writes
benchmarks/hostile.json. The tests never assert timings; this is how they are known.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import cold  # noqa: E402


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


CASES = {
    "flat-items": (flat_items, ["render", "--to", "html"]),
    "flat-items-latex": (flat_items, ["render", "--to", "latex"]),
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
    results = []
    print(f"{'case':>18} {'bytes':>9} {'seconds':>8} {'peak MB':>8}  within 5 s / 500 MB")
    with tempfile.TemporaryDirectory() as folder:
        for name in chosen:
            make, command = CASES[name]
            path = Path(folder) / f"{name}.agenda"
            path.write_text(make(options.bytes), encoding="utf-8")
            out = Path(folder) / f"out.{ {'html': 'html', 'latex': 'tex', 'ics': 'ics'}.get(command[-1], 'x') }"
            args = [agenda, *command, str(path)] + (["-o", str(out)] if command[0] == "render" else [])
            seconds, peak = cold(args, options.repeat)
            size = path.stat().st_size
            results.append({"case": name, "bytes": size, "seconds": round(seconds, 3), "peak_mb": peak})
            within = "yes" if seconds <= 5 and peak <= 500 else "NO"
            print(f"{name:>18} {size:>9,} {seconds:>8.2f} {peak:>8}  {within}")
    Path(options.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
