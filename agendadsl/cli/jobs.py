"""Several inputs on every core: ``agenda check`` and ``agenda render`` hand each file to a pool of
worker processes (the work is pure Python, so threads would share one core) and report the results
in the order of the command line, so the output is the same as one worker's, byte for byte."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def cores() -> int:
    """The processors this process may run on (fewer than the machine's under a CPU affinity mask)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def in_order(work: Callable[[Job], Result], jobs: Sequence[Job], workers: int | None) -> Iterator[Result]:
    """``work`` applied to each job, the results in the jobs' order; in worker processes when there
    are several jobs and more than one worker, else here (no pool to start for one file)."""
    count = min(workers or cores(), len(jobs))
    if count <= 1:
        yield from map(work, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    # The first job runs here: it loads the modules, the parser and the templates that every job
    # needs, and the workers, forked after it, start with them instead of each loading them again.
    yield work(jobs[0])
    jobs = jobs[1:]
    count = min(count, len(jobs))
    # Small batches: few round trips to the workers, and still an even share of uneven files.
    batch = max(1, len(jobs) // (count * 8))
    with ProcessPoolExecutor(max_workers=count) as pool:
        yield from pool.map(work, jobs, chunksize=batch)


def captured(work: Callable[[], Result]) -> tuple[Result, str, str]:
    """Run ``work`` with standard output and error kept as text: what a worker hands back for the
    main process to print in order."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        result = work()
    finally:
        sys.stdout, sys.stderr = saved
    return result, out.getvalue(), err.getvalue()
