"""The language server: pygls over stdio, one Analysis per open document, each request answered
from the analysis of the document's current text."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from agendadsl import __version__

from . import actions, completion, highlighting, navigation, outline
from .analysis import Analysis
from .problems import to_protocol


class AgendaServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("agenda-lsp", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.analyses: dict[str, Analysis] = {}
        self.docs: str | None = _local_docs()
        """Where docs/diagnostics.md is; each diagnostic's code links to its section there."""

    def analysis(self, uri: str) -> Analysis:
        """The analysis of the document's current text (analysed now if it changed since)."""
        text = self.workspace.get_text_document(uri).source
        known = self.analyses.get(uri)
        if known is None or known.text != text:
            known = Analysis(text, self.workspace.position_encoding or types.PositionEncodingKind.Utf16, known)
            self.analyses[uri] = known
        return known

    def publish(self, uri: str, version: int | None) -> None:
        analysis = self.analysis(uri)
        found = [to_protocol(d, analysis.lines, uri, self.docs) for d in analysis.diagnostics]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, found, version))


def _local_docs() -> str | None:
    from agendadsl.support.resources import data_dir

    try:
        return (data_dir("docs") / "diagnostics.md").as_uri()
    except FileNotFoundError:
        return None


server = AgendaServer()


@server.feature(types.INITIALIZE)
def initialize(ls: AgendaServer, params: types.InitializeParams) -> None:
    options: Any = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("diagnosticsDocs"), str):
        ls.docs = options["diagnosticsDocs"]


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: AgendaServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri, params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: AgendaServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.publish(params.text_document.uri, params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: AgendaServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.analyses.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(params.text_document.uri, []))


_ANSWERS: dict[str, tuple[Callable[[Analysis, Any], Any], Any]] = {
    types.TEXT_DOCUMENT_DOCUMENT_SYMBOL: (outline.document_symbols, None),
    types.TEXT_DOCUMENT_FOLDING_RANGE: (outline.folding_ranges, None),
    types.TEXT_DOCUMENT_FORMATTING: (actions.formatting, None),
    types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL: (highlighting.semantic_tokens, highlighting.LEGEND),
    types.TEXT_DOCUMENT_HOVER: (navigation.hover, None),
    types.TEXT_DOCUMENT_DEFINITION: (navigation.definition, None),
    types.TEXT_DOCUMENT_REFERENCES: (navigation.references, None),
    types.TEXT_DOCUMENT_PREPARE_RENAME: (navigation.prepare_rename, None),
    types.TEXT_DOCUMENT_COMPLETION: (completion.complete,
                                     types.CompletionOptions(trigger_characters=completion.TRIGGERS)),
}
"""The requests answered from the document's analysis and the request alone: each method, its
answer and the options the server announces for it."""


def _answering(answer: Callable[[Analysis, Any], Any]) -> Callable[[AgendaServer, Any], Any]:
    def handler(ls: AgendaServer, params: Any) -> Any:
        return answer(ls.analysis(params.text_document.uri), params)
    return handler


for _method, (_answer, _options) in _ANSWERS.items():
    server.feature(_method, _options)(_answering(_answer))


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: AgendaServer, params: types.RenameParams):
    uri = params.text_document.uri
    try:
        return navigation.rename(ls.analysis(uri), params.position, uri, params.new_name)
    except navigation.Refused as reason:  # the writer's mistake, not the server's: said, not raised
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Error, str(reason)))
        return None


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: AgendaServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    return actions.quick_fixes(ls.analysis(uri), params.range, uri, ls.docs)


class _OneLine(logging.Formatter):
    """pygls logs a message it cannot read with its traceback; the editor's log gets one line."""

    def format(self, record: logging.LogRecord) -> str:
        return f"agenda lsp: {record.levelname.lower()}: {record.getMessage()}"


def run_language_server() -> None:
    """Serve the language server protocol over standard input and output until the client exits."""
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    server.start_io()
