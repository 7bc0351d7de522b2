"""``agenda serve``: the agenda's HTML on a local web server, reloaded in the browser at each save.

A save with errors keeps the last good page and shows the errors over it.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..language.diagnostics import AgendaError
from .common import analyse_file, usage_error
from .render import LanguageOption, TemplatesOption, ViewOption
from .rendering import ViewChoice, render_options

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler

WAIT_SECONDS = 25.0
"""How long a browser's request for the next version is held open before it asks again."""


class _Live:
    """The page of the last good save, its version, and the problems of the last save."""

    def __init__(self, file: str, options) -> None:
        self.file = file
        self.options = options
        self.page = ""
        self.problems = ""
        self.version = 0
        self.changed = threading.Condition()

    def rebuild(self) -> None:
        from ..render import render_text
        from .report import format_text

        report, agenda = analyse_file(self.file)
        errors = agenda is None or any(d.is_error for d in report.diagnostics)
        text = format_text(report)
        if text:
            sys.stderr.write(text)
        page = self.page if errors or agenda is None else render_text(agenda, "html", self.options)
        with self.changed:
            self.page, self.problems = page, text if errors else ""
            self.version += 1
            self.changed.notify_all()

    def wait(self, since: int) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version > since, timeout=WAIT_SECONDS)
            return self.version


def serve(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The agenda to serve.")],
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="The port (0: any free one).")] = 8000,
    view: ViewOption = ViewChoice.public,
    language: LanguageOption = None,
    templates: TemplatesOption = None,
) -> None:
    """Serve FILE as HTML on http://127.0.0.1:PORT/, reloading the page at every save; stop with Ctrl-C."""
    # The web server is imported here, not with the module: every other command would pay for it.
    from http.server import ThreadingHTTPServer

    from .saves import saves

    path = Path(file)
    if not path.is_file():
        usage_error(f"{file}: no such file")
    try:
        options = render_options(view, language, templates, False)
    except AgendaError as problem:
        usage_error(problem)
    live = _Live(file, options)
    following = saves(path)
    live.rebuild()
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), _handler(live, templates))
    except OSError as problem:
        usage_error(f"cannot serve on port {port}: {problem.strerror or problem}")
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdout.write(f"serving {file} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)\n")
    sys.stdout.flush()
    try:
        for _ in following:
            live.rebuild()
    finally:
        server.shutdown()


def _handler(live: _Live, templates: Path | None) -> type[BaseHTTPRequestHandler]:
    import json
    from http.server import BaseHTTPRequestHandler
    from urllib.parse import parse_qs, urlsplit

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            from ..render.live import preview_page

            url = urlsplit(self.path)
            if url.path == "/":
                with live.changed:
                    page, version, problems = live.page, live.version, live.problems
                self.send(200, "text/html; charset=utf-8", preview_page(page, version, problems, templates))
            elif url.path == "/__agenda/wait":
                since = parse_qs(url.query).get("since", ["0"])[0]
                version = live.wait(int(since) if since.isdigit() else 0)
                self.send(200, "application/json", json.dumps({"version": version}))
            else:
                self.send(404, "text/plain; charset=utf-8", "not found\n")

        def send(self, status: int, kind: str, body: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the terminal is for the agenda's diagnostics."""

    return Handler
