"""``agenda lsp``: the language server for editors, over standard input and output.

The server is another front end (agendadsl/lsp/); the command line reaches it only through the
public API, which imports it (and pygls) on first use, so no other command loads it.
"""

from __future__ import annotations

from typing import Annotated

import typer


def lsp(
    stdio: Annotated[bool, typer.Option("--stdio", help="Talk over standard input and output (the default and only "
                                        "transport; accepted because editors' clients pass it).")] = False,
) -> None:
    """Run the language server: diagnostics as you type, outline, formatting, completion and more
    (docs/editors.md)."""
    from .. import run_language_server

    run_language_server()
