"""The ``agenda`` command line: one module per command (check, render, fmt, diff), the typer app
that gathers them (app.py), and what they share: reading files, planning outputs and reporting.

Nothing here is imported by the library below it; ``entry.py`` answers ``--version`` before typer loads,
and the everyday runs of check, render, fmt and diff skip typer altogether (``fast.py``).
"""
