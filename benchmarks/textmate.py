"""The VS Code extension's TextMate grammar, as VS Code's own tokenizer runs it (vscode-textmate on
vscode-oniguruma, under node), on the synthetic agendas of generate.py.

    python benchmarks/textmate.py                  # 100 and 1,000 items
    python benchmarks/textmate.py --sizes 100,1000,10000 --repeat 20

For each size: the first pass over the whole file (it compiles the grammar's regular expressions)
and the median of the warm passes after it, in one node process. Needs
`npm ci --prefix editors/vscode`. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent / "editors" / "vscode" / "test" / "bench.js"
sys.path.insert(0, str(HERE))
from generate import agenda  # noqa: E402


def measure(size: int, repeat: int) -> tuple[int, float, float]:
    """(lines, first pass in ms, median warm pass in ms)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"benchmark-{size}.agenda"
        text = agenda(size)[0]
        path.write_text(text, encoding="utf-8")
        run = subprocess.run(["node", str(BENCH), str(path), str(repeat)], capture_output=True, text=True, check=True)
    times = json.loads(run.stdout)
    return text.count("\n") + 1, times["first"], statistics.median(times["runs"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="numbers of items, comma-separated")
    parser.add_argument("--repeat", type=int, default=20, help="warm passes, after the first")
    options = parser.parse_args()
    results = [(size, *measure(size, options.repeat)) for size in map(int, options.sizes.split(","))]
    for size, lines, first, warm in results:
        print(f"{size:,} items ({lines:,} lines): first pass {first:.1f} ms, warm {warm:.1f} ms "
              f"({warm * 1000 / lines:.0f} µs a line)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
