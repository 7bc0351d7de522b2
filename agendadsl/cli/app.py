"""The ``agenda`` command: a typer app whose commands each live in a module of their own.

Diagnostics go to stderr, data to stdout. Exit codes: 0 ok, 1 problems found, 2 usage or I/O
error; report.py decides them, main() makes sure nothing else escapes as a traceback: a bug is one
line and exit 70, with the traceback only under --debug or AGENDA_DEBUG=1.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..language.diagnostics import AgendaError
from . import check, diff, fmt, language_server, new, render, serve, watch
from .report import EXIT_USAGE, internal_error

app = typer.Typer(
    name="agenda",
    help="Check and publish meeting agendas written in the agendadsl language.",
    add_completion=True,  # --install-completion, --show-completion: the shell completes commands and options
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"agenda {__version__}")
        raise typer.Exit()


_debug = [False]
"""Set by --debug: a bug shows its whole traceback."""


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="On an internal error, print the whole traceback "
                                        "(also AGENDA_DEBUG=1).")] = False,
) -> None:
    """Check and publish meeting agendas written in the agendadsl language."""
    _debug[0] = debug


app.command("check")(check.check)
app.command("render")(render.render)
app.command("fmt")(fmt.fmt)
app.command("diff")(diff.diff)
app.command("new")(new.new)
app.command("watch")(watch.watch)
app.command("serve")(serve.serve)
app.command("lsp")(language_server.lsp)
app.command("git-diff-driver", hidden=True)(diff.git_diff_driver)


def main() -> None:
    """Run the ``agenda`` command."""
    try:
        app()
    except AgendaError as problem:
        sys.stderr.write(f"agenda: error: {problem}\n")
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("agenda: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except ModuleNotFoundError:
        raise  # entry.py names a missing dependency, or reports the bug
    except Exception as bug:  # the last guard: whatever escapes is a bug of agendadsl
        internal_error(bug, debug=_debug[0])

