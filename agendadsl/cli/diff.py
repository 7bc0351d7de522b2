"""``agenda diff`` and git's diff driver: what changed between two versions, item by item (the
bodies: diffing.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import diffing
from .common import ColorMode, OutputFormat


def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier agenda: a file, or REVISION:PATH in git.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later agenda: a file, or REVISION:PATH in git.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="text for people, json for "
                                                        "tools.")] = OutputFormat.text,
    color: Annotated[ColorMode, typer.Option("--color", help="Colour the changes.")] = ColorMode.auto,
    language: Annotated[str | None, typer.Option("--language", "-l", metavar="CODE", help="Language of the text "
                                                 "(default: the new version's language:).")] = None,
) -> None:
    """Show what changed between two versions of an agenda, item by item.

    Items are matched by label, then by title, then by similar words, so an insertion reports one
    added item and one line for the renumbering it caused, not a wall of changed lines. Exit 0
    whatever the changes (like git diff without --exit-code); 1 when a version has errors; 2 when
    one cannot be read.
    """
    diffing.diff(old=old, new=new, output_format=output_format, color=color, language=language)


def git_diff_driver(
    arguments: Annotated[list[str], typer.Argument(metavar="ARG...",
                                                   help="The seven arguments git gives a diff driver.")],
) -> None:
    """git's external diff driver for *.agenda files (docs/git.md): a semantic diff."""
    diffing.git_diff_driver(arguments=arguments)
