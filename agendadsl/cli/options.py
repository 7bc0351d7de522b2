"""The typer options that several commands declare alike. Only the typer definitions (check.py,
render.py, ...) import this module: the commands' bodies, which the fast path runs, do not."""

from __future__ import annotations

from typing import Annotated

import typer

JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, metavar="N", help="Work on N files at a time, each in a process of its own "
    "(default: one per processor core); the output is the same, in the same order.")]
