"""``agenda new``: a starter agenda, and what git and pre-commit need to work with it."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import usage_error

ATTRIBUTES_LINE = "*.agenda diff=agenda\n"


def new(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The agenda to create (it must not exist).")],
    body: Annotated[str, typer.Option(metavar="NAME", help="Who meets.")] = "Board of Trustees",
    language: Annotated[str, typer.Option("--language", "-l", metavar="CODE", help="The agenda's language.")]
    = "en",
    git: Annotated[bool, typer.Option("--git", help="Also set up git's semantic diff for agendas: "
                                      ".gitattributes beside FILE, and the diff driver in the repository.")]
    = False,
    pre_commit: Annotated[bool, typer.Option("--pre-commit", help="Also write a .pre-commit-config.yaml beside "
                                             "FILE that checks and formats-checks every agenda.")] = False,
) -> None:
    """Write a starter agenda to FILE: a header and the usual first and last items, ready to edit."""
    from ..support.resources import data_dir

    if file.exists():
        usage_error(f"{file}: already exists; give another name")
    if any(c in body for c in "\n\r") or not body.strip():
        usage_error("--body: a name on one line")
    day = datetime.date.today() + datetime.timedelta(days=28)
    starter = (data_dir("templates") / "starter" / "agenda.agenda").read_text(encoding="utf-8")
    text = starter.format(body=body.strip(), meeting="Regular meeting", date=_date(day), place="Head office",
                          language=language, next_date=_date(day + datetime.timedelta(days=91)))
    folder = file.parent if str(file.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        sys.stdout.write(f"wrote {file}\n")
        if git:
            _git(folder)
        if pre_commit:
            config = folder / ".pre-commit-config.yaml"
            if config.exists():
                sys.stdout.write(f"{config} exists: add the hooks of docs/git.md to it\n")
            else:
                config.write_text((data_dir("templates") / "starter" / "pre-commit-config.yaml").read_text(
                    encoding="utf-8"), encoding="utf-8")
                sys.stdout.write(f"wrote {config} (run `pre-commit install` once)\n")
    except OSError as problem:
        usage_error(f"{problem.filename or file}: {problem.strerror or problem}")


def _date(day: datetime.date) -> str:
    """A date as the starter writes it: ``12 May 2026`` (English month names: the header's
    ``language:`` changes how it is published, not how it is read)."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _git(folder: Path) -> None:
    """``*.agenda diff=agenda`` in .gitattributes, and the driver in the repository's config."""
    attributes = folder / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if ATTRIBUTES_LINE.strip() not in existing.splitlines():
        attributes.write_text(existing + ("" if not existing or existing.endswith("\n") else "\n") + ATTRIBUTES_LINE,
                              encoding="utf-8")
        sys.stdout.write(f"wrote {attributes}\n")
    import subprocess

    command = ["git", "-C", str(folder), "config", "diff.agenda.command", "agenda git-diff-driver"]
    try:
        done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=30).returncode == 0
    except OSError:
        done = False
    if done:
        sys.stdout.write("set git's diff driver for agendas (diff.agenda.command)\n")
    else:
        sys.stdout.write("not in a git repository: run `git config diff.agenda.command \"agenda git-diff-driver\"` "
                         "in it\n")
