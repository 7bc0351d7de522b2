"""The ``agenda`` command: a typer app whose commands each live in a module of their own.

Diagnostics go to stderr, data to stdout. Exit codes: 0 ok, 1 problems found, 2 usage or I/O
error; report.py decides them, guard.py makes sure nothing else escapes as a traceback: a bug is one
line and exit 70, with the traceback only under --debug or AGENDA_DEBUG=1.

These definitions are the command line. The everyday runs of check, render, fmt and diff skip
typer (fast.py) by reading parameters.py, which describe.py generates from them.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated

import typer

from . import guard

COMMANDS = {
    "check": ("check", "check"), "render": ("render", "render"), "fmt": ("fmt", "fmt"), "diff": ("diff", "diff"),
    "new": ("new", "new"), "watch": ("watch", "watch"), "serve": ("serve", "serve"),
    "lsp": ("language_server", "lsp"), "git-diff-driver": ("diff", "git_diff_driver"),
}
"""Each command's name, and the module of this package and the function that define it."""
HIDDEN = {"git-diff-driver"}


def build(only: str | None = None) -> typer.Typer:
    """The typer app, with every command, or with ``only`` that one: running a command needs neither
    the other commands' modules nor their click commands (about a tenth of a cold `agenda check`)."""
    app = typer.Typer(
        name="agenda",
        help="Check and publish meeting agendas written in the agendadsl language.",
        add_completion=True,  # --install-completion, --show-completion: the shell completes commands and options
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(root)
    for name, (module, function) in COMMANDS.items():
        if only is None or name == only:
            command = getattr(importlib.import_module(f".{module}", __package__), function)
            app.command(name, hidden=name in HIDDEN)(command)
    return app


def __getattr__(name: str) -> typer.Typer:
    # ``app``: the whole command line, built on first use (typer's test runner, tools that list commands).
    if name == "app":
        app = globals()["app"] = build()
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def command_run(argv: list[str]) -> str | None:
    """The command ``argv`` runs, when it names one and asks for no help of the whole app or
    shell completion (both need every command); None otherwise."""
    if os.environ.get("_AGENDA_COMPLETE"):
        return None
    # The app's own options take no value, so the command is the first word that is not an option.
    for word in argv:
        if word in ("-h", "--help"):
            return None
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"agenda {__version__}")
        raise typer.Exit()


def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="On an internal error, print the whole traceback "
                                        "(also AGENDA_DEBUG=1).")] = False,
) -> None:
    """Check and publish meeting agendas written in the agendadsl language."""
    guard.configure(debug=debug)


def main() -> None:
    """Run the ``agenda`` command through typer (guard.py decides how a run that fails ends)."""

    def run() -> None:  # the app is built inside the guard: a failure to build it is reported too
        build(command_run(sys.argv[1:]))()

    guard.run_guarded(run)
