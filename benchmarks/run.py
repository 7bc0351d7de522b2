"""Benchmarks: per-stage timings in one process, cold runs of the command, peak memory, and pandoc
on the same agendas as Markdown, side by side. Prints a table and writes benchmarks/results.json.

    python benchmarks/run.py                       # sizes 100, 1,000, 10,000 (and the seed)
    python benchmarks/run.py --sizes 100,1000,10000,100000 --repeat 5
    python benchmarks/run.py --all                 # every target of issue 15, and its table (about 25 minutes)

Whole-command comparisons are paired: agenda and pandoc (or one worker and several) run in turn,
A B A B ..., and the ratio quoted is the median of the ratios of each pair, which holds when a
shared machine's speed drifts during the run.

Timings are medians. Nothing here is asserted by the tests: this is how the speed is known.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import agenda  # noqa: E402

SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"


def median_time(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stages(text: str, repeat: int) -> dict[str, float]:
    """Seconds per stage, in this (warm) process."""
    from agendadsl import check, parse
    from agendadsl.render import render_text
    from agendadsl.language.source import decode

    data = text.encode("utf-8")
    out = {"read": median_time(lambda: decode(data, "bench"), repeat)}
    out["parse"] = median_time(lambda: parse(text), repeat)
    # Each check gets a fresh agenda, as after an edit: check() on the same object again would
    # find its numbering already resolved.
    out["check"] = max(0.0, median_time(lambda: check(parse(text).agenda), repeat) - out["parse"])
    agenda_ = parse(text).agenda
    for fmt in ("html", "latex", "markdown", "json"):
        out[f"render {fmt}"] = median_time(lambda fmt=fmt: render_text(agenda_, fmt), repeat)
    return out


# Peak memory is read by a small fresh process that runs the command: a child forked from this
# process, which holds the parsed agendas, would count this process's memory in its own peak.
_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
         "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def cold(command: list[str], repeat: int) -> tuple[float, int]:
    """Median wall time of a whole process, and its peak memory in MB."""
    times = []
    for _ in range(repeat):
        _remove_output(command)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    peak = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True)
    return statistics.median(times), int(peak.stdout) // 1024


def run_once(command: list[str]) -> tuple[float, float]:
    """The wall time of one whole run of the command, and the CPU time (user and system) it used:
    on a shared machine the CPU time says what the command costs, the wall time what it took.

    The output (``-o``) is removed first, not timed: `agenda render` leaves an output alone when
    its bytes would not change, and pandoc always writes; every run writes its files here."""
    _remove_output(command)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _remove_output(command: list[str]) -> None:
    if "-o" in command[:-1]:
        target = Path(command[command.index("-o") + 1])
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)


def medians(command: list[str], repeat: int) -> dict[str, float]:
    runs = [run_once(command) for _ in range(repeat)]
    return {"a": statistics.median(w for w, _ in runs), "a_cpu": statistics.median(c for _, c in runs)}


def paired(a: list[str], b: list[str], repeat: int) -> dict[str, float]:
    """A and B in turn, after one run of each not counted: each one's median wall and CPU time, and
    the medians of the ratios A/B of each pair."""
    run_once(a), run_once(b)
    pairs = [(run_once(a), run_once(b)) for _ in range(repeat)]
    return {"a": statistics.median(x[0] for x, _ in pairs), "b": statistics.median(y[0] for _, y in pairs),
            "a_cpu": statistics.median(x[1] for x, _ in pairs), "b_cpu": statistics.median(y[1] for _, y in pairs),
            "ratio": statistics.median(x[0] / y[0] for x, y in pairs),
            "cpu_ratio": statistics.median(x[1] / y[1] for x, y in pairs)}


def peak_mb(command: list[str]) -> int:
    """The peak memory of the command's process, in MB (decimal, as the targets say)."""
    peak = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True)
    return round(int(peak.stdout) * 1024 / 1e6)


def machine() -> dict[str, str]:
    pandoc = shutil.which("pandoc")
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0] if pandoc else "-"
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    return {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"), "cpu": cpu,
            "cores": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
            "system": f"{platform.system()} {platform.release()}", "python": sys.version.split()[0], "pandoc": version,
            "load average at start": " ".join(f"{x:.1f}" for x in os.getloadavg())}


def issue15(agenda_cmd: list[str], folder: Path, repeat: int) -> list[dict]:
    """Every target of issue 15, measured: one row each, with both sides' medians and the ratio."""
    pandoc = shutil.which("pandoc")
    rows: list[dict] = []

    def row(target: str, a: str, b: str, ratio: str, met: bool) -> None:
        rows.append({"target": target, "agenda": a, "other": b, "ratio": ratio, "met": met})
        print(f"  {'met ' if met else 'MISS'}  {target}: {a} | {b} | {ratio}", flush=True)

    seed_md = folder / "seed.md"
    subprocess.run(agenda_cmd + ["render", str(SEED), "--to", "markdown", "-o", str(seed_md), "-q"], check=True)
    out = str(folder / "out")
    if pandoc:
        latex = paired(agenda_cmd + ["render", str(SEED), "--to", "latex", "-o", out + ".tex", "-q"],
                       [pandoc, "-f", "markdown", "-t", "latex", str(seed_md), "-o", out + "-p.tex"], repeat * 4)
        row("cold seed -> LaTeX <= 1.7x pandoc", f"{latex['a']:.3f} s (CPU {latex['a_cpu']:.3f} s)",
            f"pandoc {latex['b']:.3f} s (CPU {latex['b_cpu']:.3f} s)",
            f"{latex['ratio']:.2f}x (CPU {latex['cpu_ratio']:.2f}x)", latex["ratio"] <= 1.7)
    for name, command in (("check", ["check", str(SEED)]), ("fmt --check", ["fmt", "--check", str(SEED)]),
                          ("diff", ["diff", str(SEED), str(SEED)])):
        run_once(agenda_cmd + command)
        result = medians(agenda_cmd + command, repeat * 4)
        row(f"cold {name} of the seed <= 60 ms", f"{result['a'] * 1000:.0f} ms (CPU {result['a_cpu'] * 1000:.0f} ms)",
            "-", "-", result["a"] <= 0.060)
    per_item: dict[tuple[str, int], float] = {}
    for size, factor in ((1000, 2), (10000, 3), (100000, None)):
        source, markdown = agenda(size)
        path, md = folder / f"{size}.agenda", folder / f"{size}.md"
        path.write_text(source, encoding="utf-8")
        md.write_text(markdown, encoding="utf-8")
        count = size
        runs = repeat if size < 100000 else max(2, repeat // 2)
        for fmt, extension in (("latex", "tex"), ("html", "html"), ("markdown", "md"), ("json", "json")):
            command = agenda_cmd + ["render", str(path), "--to", fmt, "-o", f"{out}.{extension}", "-q"]
            if factor and fmt in ("latex", "html") and pandoc:
                result = paired(command, [pandoc, "-f", "markdown", "-t", fmt, str(md), "-o", f"{out}-p.{extension}"],
                                runs)
                row(f">= {factor}x pandoc's throughput at {size:,} items, {fmt}",
                    f"{result['a']:.3f} s (CPU {result['a_cpu']:.3f} s)",
                    f"pandoc {result['b']:.3f} s (CPU {result['b_cpu']:.3f} s)",
                    f"{1 / result['ratio']:.2f}x (CPU {1 / result['cpu_ratio']:.2f}x)", 1 / result["ratio"] >= factor)
                seconds = result["a"]
            elif size < 100000:
                run_once(command)
                seconds = medians(command, runs)["a"]
            else:  # minutes a run: timed through the process that reads the peak memory, no warm-up
                timed = [(_remove_output(command), time.perf_counter(), peak_mb(command), time.perf_counter())[1:]
                         for _ in range(runs)]
                seconds = statistics.median(end - start for start, _, end in timed)
                peak = max(mb for _, mb, _ in timed)
            per_item[fmt, size] = seconds / count
            if size == 100000:
                small = per_item[fmt, 1000]
                row(f"time per item at 100,000 <= 1.15x at 1,000, cold, {fmt}",
                    f"{seconds / count * 1e6:.0f} us/item", f"1,000: {small * 1e6:.0f} us/item",
                    f"{seconds / count / small:.2f}x", seconds / count / small <= 1.15)
                row(f"peak memory at 100,000 items <= 250 MB, {fmt}", f"{peak} MB", "-", "-", peak <= 250)
        if size == 100000:
            peak = peak_mb(agenda_cmd + ["check", str(path)])
            row("peak memory at 100,000 items <= 250 MB, check", f"{peak} MB", "-", "-", peak <= 250)
    many = folder / "many"
    many.mkdir()
    for number in range(200):
        shutil.copy(SEED, many / f"agenda-{number:03d}.agenda")
    names = sorted(str(p) for p in many.iterdir())
    one = agenda_cmd + ["render", *names, "--to", "latex", "-o", str(folder / "one") + "/", "-q", "--jobs", "1"]
    every = agenda_cmd + ["render", *names, "--to", "latex", "-o", str(folder / "every") + "/", "-q"]
    result = paired(one, every, max(3, repeat // 2))
    same = all((folder / "one" / p).read_bytes() == (folder / "every" / p).read_bytes()
               for p in os.listdir(folder / "one"))
    row(f"200 agendas render >= 1.7x faster on every core ({machine()['cores']}) than on one, same bytes",
        f"{result['b']:.2f} s (CPU {result['b_cpu']:.2f} s)", f"one worker {result['a']:.2f} s (CPU {result['a_cpu']:.2f} s)",
        f"{result['ratio']:.2f}x{'' if same else ' DIFFERENT BYTES'}", result["ratio"] >= 1.7 and same)
    return rows


def table(info: dict[str, str], rows: list[dict]) -> str:
    """The Markdown table of docs/performance.md."""
    lines = [f"Measured {info['date']} on {info['cores']} cores ({info['cpu']}, {info['system']}), Python "
             f"{info['python']}, {info['pandoc']}; load average {info['load average at start']} at the start.", "",
             "| target | agenda (median) | other side (median) | ratio (wall; CPU) | met |", "| --- | ---: | ---: | ---: | --- |"]
    lines += [f"| {r['target']} | {r['agenda']} | {r['other']} | {r['ratio']} | {'yes' if r['met'] else '**no**'} |"
              for r in rows]
    return "\n".join(lines) + "\n"


def targets(results: dict) -> list[dict]:
    """Each speed target of issue 5 that this run measured: met or not, with the figure."""
    cases = {case["case"]: case for case in results["cases"]}
    out = []

    def add(target: str, measured: float, limit: float, text: str) -> None:
        out.append({"target": target, "measured": text, "met": measured <= limit})

    seed = cases["seed"]
    if seed["pandoc_latex"]:
        add("cold render --to latex of the seed <= 1.5x pandoc", seed["latex_ratio"], 1.5,
            f"{seed['cold_latex']:.3f} s = {seed['latex_ratio']:.2f}x pandoc ({seed['pandoc_latex']:.3f} s)")
    add("cold check of the seed <= 0.25 s", seed["cold_check"], 0.25, f"{seed['cold_check']:.3f} s")
    add("agenda --version <= 0.15 s", results["version_seconds"], 0.15, f"{results['version_seconds']:.3f} s")
    warm = seed["stages"]["parse"] + seed["stages"]["check"]
    add("warm parse + check of the seed <= 20 ms", warm, 0.020, f"{warm * 1000:.1f} ms")
    for size, factor in (("1,000 items", 2), ("10,000 items", 5)):
        case = cases.get(size)
        if case and case["pandoc_latex"]:
            worst = max(case["latex_ratio"], case["html_ratio"])
            add(f">= {factor}x pandoc's throughput at {size} (latex and html)", worst, 1 / factor,
                f"{1 / case['latex_ratio']:.2f}x (latex), {1 / case['html_ratio']:.2f}x (html)")
    small, large = cases.get("1,000 items"), cases.get("100,000 items")
    if small and large:
        ratio = large["us_per_item"] / small["us_per_item"]
        warm_small = sum(small["stages"][k] for k in ("parse", "check", "render latex")) / small["items"]
        warm_large = sum(large["stages"][k] for k in ("parse", "check", "render latex")) / large["items"]
        add("time per item at 100,000 <= 1.2x the time at 1,000", warm_large / warm_small, 1.2,
            f"{warm_large / warm_small:.2f}x in one process (parse+check+latex: {warm_small * 1e6:.0f} -> "
            f"{warm_large * 1e6:.0f} us/item); {ratio:.2f}x cold, start-up included")
        add("peak memory at 100,000 items <= 250 MB", large["peak_mb"], 250, f"{large['peak_mb']} MB")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", default=str(HERE / "results.json"))
    parser.add_argument("--all", action="store_true", help="every target of issue 15 and its Markdown table")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    # The installed command, as users run it (python -m agendadsl when run from a checkout).
    script = Path(sys.executable).with_name("agenda")
    agenda_cmd = [str(script)] if script.exists() else [sys.executable, "-m", "agendadsl"]
    if options.all:
        info = machine()
        print(json.dumps(info, indent=2), flush=True)
        with tempfile.TemporaryDirectory() as folder:
            rows = issue15(agenda_cmd, Path(folder), options.repeat)
        text = table(info, rows)
        print("\n" + text)
        Path(options.json).write_text(json.dumps({"machine": info, "targets": rows}, indent=2) + "\n",
                                      encoding="utf-8")
        return 0
    pandoc = shutil.which("pandoc")
    results: dict = {"python": sys.version.split()[0], "pandoc": bool(pandoc), "cases": []}
    with tempfile.TemporaryDirectory() as folder:
        cases = [("seed", SEED.read_text(encoding="utf-8"), None)]
        for size in sizes:
            source, markdown = agenda(size)
            cases.append((f"{size:,} items", source, markdown))
        seed_md = Path(folder) / "seed.md"
        subprocess.run(agenda_cmd + ["render", str(SEED), "--to", "markdown", "-o", str(seed_md)], check=True)
        version = cold(agenda_cmd + ["--version"], options.repeat)[0]
        results["version_seconds"] = version
        print(f"agenda --version: {version:.3f} s   (pandoc: {'yes' if pandoc else 'not installed'})\n")
        header = (f"{'case':>15} {'items':>7} | {'parse':>7} {'check':>7} {'html':>7} {'latex':>7} | "
                  f"{'cold check':>10} {'cold latex':>10} {'cold html':>9} {'peak MB':>7} | "
                  f"{'pandoc tex':>10} {'pandoc html':>11} {'tex ratio':>9} {'html ratio':>10} | {'µs/item':>7}")
        print(header)
        print("-" * len(header))
        for name, source, markdown in cases:
            path = Path(folder) / "case.agenda"
            path.write_text(source, encoding="utf-8")
            from agendadsl import parse
            from agendadsl.language.nodes import walk

            count = len(walk(parse(source).agenda.items))
            repeat = options.repeat if count < 20000 else max(1, options.repeat // 2)
            timing = stages(source, repeat)
            check_s, peak_check = cold(agenda_cmd + ["check", str(path)], repeat)
            latex_s, peak_latex = cold(agenda_cmd + ["render", str(path), "--to", "latex", "-o",
                                                     str(Path(folder) / "out.tex")], repeat)
            html_s, peak_html = cold(agenda_cmd + ["render", str(path), "--to", "html", "-o",
                                                   str(Path(folder) / "out.html")], repeat)
            md_path = seed_md if markdown is None else Path(folder) / "case.md"
            if markdown is not None:
                md_path.write_text(markdown, encoding="utf-8")
            pandoc_tex = pandoc_html = None
            if pandoc:
                pandoc_tex = cold([pandoc, "-f", "markdown", "-t", "latex", str(md_path), "-o",
                                   str(Path(folder) / "p.tex")], repeat)[0]
                pandoc_html = cold([pandoc, "-f", "markdown", "-t", "html", str(md_path), "-o",
                                    str(Path(folder) / "p.html")], repeat)[0]
            case = {"case": name, "items": count, "stages": timing, "cold_check": check_s, "cold_latex": latex_s,
                    "cold_html": html_s, "peak_mb": max(peak_check, peak_latex, peak_html),
                    "pandoc_latex": pandoc_tex, "pandoc_html": pandoc_html,
                    "latex_ratio": latex_s / pandoc_tex if pandoc_tex else None,
                    "html_ratio": html_s / pandoc_html if pandoc_html else None,
                    "us_per_item": latex_s / count * 1e6}
            results["cases"].append(case)

            def f(value: float | None, width: int, digits: int = 3) -> str:
                return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

            print(f"{name:>15} {count:>7} | {f(timing['parse'], 7)} {f(timing['check'], 7)} "
                  f"{f(timing['render html'], 7)} {f(timing['render latex'], 7)} | {f(check_s, 10)} "
                  f"{f(latex_s, 10)} {f(html_s, 9)} {case['peak_mb']:>7} | {f(pandoc_tex, 10)} {f(pandoc_html, 11)} "
                  f"{f(case['latex_ratio'], 9, 2)} {f(case['html_ratio'], 10, 2)} | {case['us_per_item']:>7.0f}")
    results["targets"] = targets(results)
    print("\ntargets (issue 5):")
    for line in results["targets"]:
        print(f"  {'met ' if line['met'] else 'MISS'}  {line['target']}: {line['measured']}")
    Path(options.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nseconds, medians of {options.repeat}; ratios are agenda / pandoc (lower is faster); "
          f"written to {options.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
