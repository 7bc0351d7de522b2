"""The language server (`agenda lsp`) driven by a real client over stdio (pytest-lsp): every
feature, with positions in UTF-16 code units as the protocol counts them."""

from __future__ import annotations

import itertools
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = [sys.executable, "-m", "agendadsl", "lsp", "--stdio"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code")))
    SERVER_SAID.append(result)
    yield
    await lsp_client.shutdown_session()


SERVER_SAID: list[types.InitializeResult] = []
"""The server's answer to initialize: its capabilities, the legend of its semantic tokens."""
_numbers = itertools.count()


async def opened(client: LanguageClient, text: str) -> str:
    """Open ``text`` as a new document and wait for its diagnostics; its URI."""
    uri = f"file:///tmp/agenda-{next(_numbers)}.agenda"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri, "agenda", 1, text)))
    await wait_for_diagnostics(client, uri)
    return uri


async def wait_for_diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    while True:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if uri in client.diagnostics:
            return list(client.diagnostics.pop(uri))


def at(line: int, character: int) -> types.Position:
    return types.Position(line, character)


def span(line: int, start: int, end: int) -> types.Range:
    return types.Range(at(line, start), at(line, end))


GAP = """\
body: Board
date: 23 November 2020
numbering: 1.

1. Opening
3. Budget
"""


async def test_diagnostics_on_open_link_their_code_to_the_catalogue(client: LanguageClient):
    uri = f"file:///tmp/agenda-gap-{next(_numbers)}.agenda"
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "agenda", 1, GAP)))
    (found,) = await wait_for_diagnostics(client, uri)
    assert found.code == "numbering-gap"
    assert found.range == span(5, 0, 2)
    assert found.severity == types.DiagnosticSeverity.Error
    assert found.message.startswith("item number 3. skips 2.\nhint: number this item 2.")
    assert found.source == "agendadsl"
    assert found.code_description is not None
    assert found.code_description.href.endswith("/docs/diagnostics.md#numbering-gap")


async def test_diagnostics_follow_each_change(client: LanguageClient):
    uri = await opened(client, GAP)
    fix = types.TextDocumentContentChangePartial(range=span(5, 0, 1), text="2")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=2, uri=uri), [fix]))
    assert await wait_for_diagnostics(client, uri) == []
    broken = types.TextDocumentContentChangePartial(range=span(4, 0, 0), text="@oops\n")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=3, uri=uri), [broken]))
    (found,) = await wait_for_diagnostics(client, uri)
    assert (found.code, found.range.start) == ("unknown-attribute", at(4, 0))


OUTLINE = """\
body: Committee
date: 15 October 2025
// the morning
// in two parts

# Wednesday 15 October 2025
1. Adoption of the agenda {#adoption}
   @presenter the Chair
2. Reports
   2.1 The Secretariat's report
       > see {adoption}
#. Any other business

next meetings:
  - 7-11 December 2025, Strasbourg
"""


async def test_outline_nests_items_under_headings_and_lists_next_meetings(client: LanguageClient):
    uri = await opened(client, OUTLINE)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri)))
    assert symbols is not None

    def tree(nodes):
        return [(s.name, s.kind, tree(s.children or [])) for s in nodes]

    assert tree(symbols) == [
        ("Wednesday 15 October 2025", types.SymbolKind.Namespace, [
            ("1. Adoption of the agenda", types.SymbolKind.Object, []),
            ("2. Reports", types.SymbolKind.Object, [("2.1 The Secretariat's report", types.SymbolKind.Object, [])]),
            ("3. Any other business", types.SymbolKind.Object, []),
        ]),
        ("next meetings", types.SymbolKind.Array, [("7-11 December 2025", types.SymbolKind.Event, [])]),
    ]
    heading = symbols[0]
    assert heading.range == types.Range(at(5, 0), at(11, 21))
    reports = heading.children[1]
    assert (reports.range.start, reports.range.end) == (at(8, 0), at(10, 23))
    assert reports.selection_range == span(8, 0, 10)


async def test_folding_ranges_cover_header_blocks_and_comment_runs(client: LanguageClient):
    uri = await opened(client, OUTLINE)
    ranges = await client.text_document_folding_range_async(
        types.FoldingRangeParams(types.TextDocumentIdentifier(uri)))
    assert ranges is not None
    assert sorted((r.start_line, r.end_line) for r in ranges) == [
        (0, 1), (2, 3), (5, 11), (6, 7), (8, 10), (9, 10), (13, 14)]


async def test_formatting_gives_the_canonical_layout(client: LanguageClient):
    uri = await opened(client, "body:   Board\n\n\n1.    Opening\n      @duration   5 min\n")
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        types.TextDocumentIdentifier(uri), types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert edits is not None
    (edit,) = edits
    assert edit.range == types.Range(at(0, 0), at(5, 0))
    assert edit.new_text == "body: Board\n\n1. Opening\n   @duration 5 min\n"


async def test_formatting_leaves_a_broken_agenda_alone(client: LanguageClient):
    uri = await opened(client, "body: Board\n\n1. Opening\n   @oops\n")
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        types.TextDocumentIdentifier(uri), types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert edits is None


TOKENS = """\
body: Board
series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}
// note
1. Adoption {#adoption}
   @for decision
   > after {adoption}, see [T-ES(2020)23]
"""


def decode(data: list[int], legend: types.SemanticTokensLegend, lines: list[str]) -> list[tuple[str, str]]:
    """The protocol's five-number groups back into (text, token type) pairs (ASCII lines here)."""
    out = []
    line = start = 0
    for at_ in range(0, len(data), 5):
        delta_line, delta_start, length, kind, _modifiers = data[at_:at_ + 5]
        line += delta_line
        start = start + delta_start if delta_line == 0 else delta_start
        out.append((lines[line][start:start + length], legend.token_types[kind]))
    return out


async def test_semantic_tokens_name_each_part_of_a_line(client: LanguageClient):
    uri = await opened(client, TOKENS)
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(types.TextDocumentIdentifier(uri)))
    assert result is not None
    legend = SERVER_SAID[0].capabilities.semantic_tokens_provider.legend
    assert decode(result.data, legend, TOKENS.splitlines()) == [
        ("body", "property"),
        ("series", "property"), ("T-ES", "property"),
        ("// note", "comment"),
        ("1.", "number"), ("{#adoption}", "variable"),
        ("@for", "decorator"), ("decision", "enumMember"),
        (">", "operator"), ("{adoption}", "variable"), ("[T-ES(2020)23]", "namespace"),
    ]


async def test_semantic_tokens_of_dates_and_times(client: LanguageClient):
    text = "date: 23 November 2020\ntime: 09:30-12:00\n\n1. Opening\n   @time 09:30\n"
    uri = await opened(client, text)
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(types.TextDocumentIdentifier(uri)))
    legend = SERVER_SAID[0].capabilities.semantic_tokens_provider.legend
    assert decode(result.data, legend, text.splitlines()) == [
        ("date", "property"), ("23 November 2020", "string"), ("time", "property"), ("09:30-12:00", "string"),
        ("1.", "number"), ("@time", "decorator"), ("09:30", "string")]


HOVER = """\
body: Board
date: 23 November 2020
series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}

1. Opening
2. Adoption of the agenda {#adoption}
3. Reports
   > as adopted under {adoption}: [T-ES(2020)23]
"""


async def hover_text(client: LanguageClient, uri: str, position: types.Position) -> str | None:
    found = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), position))
    return found.contents.value if found is not None else None


async def test_hover_on_a_cross_reference_gives_the_item(client: LanguageClient):
    uri = await opened(client, HOVER)
    assert await hover_text(client, uri, at(7, 25)) == "**2. Adoption of the agenda**"
    assert await hover_text(client, uri, at(7, 4)) is None


async def test_hover_on_a_document_reference_gives_series_and_link(client: LanguageClient):
    uri = await opened(client, HOVER)
    assert await hover_text(client, uri, at(7, 40)) == (
        "`T-ES(2020)23`: series **T-ES** (`T-ES({year}){n}`)\n\n"
        "[https://rm.coe.int/T-ES%282020%2923](https://rm.coe.int/T-ES%282020%2923)")


async def test_hover_on_a_date_gives_its_weekday(client: LanguageClient):
    uri = await opened(client, HOVER)
    assert await hover_text(client, uri, at(1, 10)) == "Monday 23 November 2020"


async def test_definition_and_references_of_a_label(client: LanguageClient):
    uri = await opened(client, OUTLINE)
    document = types.TextDocumentIdentifier(uri)
    found = await client.text_document_definition_async(types.DefinitionParams(document, at(10, 14)))
    assert list(found) == [types.Location(uri, span(6, 26, 37))]
    refs = await client.text_document_references_async(
        types.ReferenceParams(context=types.ReferenceContext(include_declaration=True), text_document=document,
                              position=at(6, 30)))
    assert list(refs) == [types.Location(uri, span(6, 26, 37)), types.Location(uri, span(10, 13, 23))]


async def test_rename_a_label_rewrites_every_reference(client: LanguageClient):
    uri = await opened(client, OUTLINE)
    document = types.TextDocumentIdentifier(uri)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(document, at(10, 16)))
    assert prepared == types.PrepareRenamePlaceholder(span(10, 14, 22), "adoption")
    edit = await client.text_document_rename_async(types.RenameParams(document, at(10, 16), "agenda"))
    assert edit is not None
    assert sorted((e.range.start.line, e.range.start.character, e.range.end.character, e.new_text)
                  for e in edit.changes[uri]) == [(6, 28, 36, "agenda"), (10, 14, 22, "agenda")]


async def test_rename_to_a_name_that_cannot_be_a_label_is_refused_with_a_reason(client: LanguageClient):
    uri = await opened(client, OUTLINE)
    edit = await client.text_document_rename_async(
        types.RenameParams(types.TextDocumentIdentifier(uri), at(10, 16), "2nd item"))
    assert edit is None
    assert "'2nd item' cannot be a label" in client.messages[-1].message
    assert client.messages[-1].type == types.MessageType.Error


# A label after characters outside the BMP: each of 😀 and 𝔸 is two UTF-16 code units.
WIDE = "body: Board\n\n1. Opening {#opening}\n2. 😀 𝔸 after {opening}\n"


async def test_positions_count_utf16_code_units_after_non_bmp_characters(client: LanguageClient):
    uri = await opened(client, WIDE)
    document = types.TextDocumentIdentifier(uri)
    # "2. 😀 𝔸 after {opening}": the reference starts after 3 + 2 + 1 + 2 + 7 = 15 units.
    refs = await client.text_document_references_async(
        types.ReferenceParams(context=types.ReferenceContext(include_declaration=False), text_document=document,
                              position=at(2, 15)))
    assert list(refs) == [types.Location(uri, span(3, 15, 24))]
    found = await client.text_document_definition_async(types.DefinitionParams(document, at(3, 17)))
    assert list(found) == [types.Location(uri, span(2, 11, 21))]
    assert await hover_text(client, uri, at(3, 16)) == "**1. Opening**"
    edit = await client.text_document_rename_async(types.RenameParams(document, at(3, 16), "start"))
    assert sorted((e.range.start.line, e.range.start.character, e.range.end.character)
                  for e in edit.changes[uri]) == [(2, 13, 20), (3, 16, 23)]


async def test_diagnostics_count_utf16_code_units(client: LanguageClient):
    uri = f"file:///tmp/agenda-wide-{next(_numbers)}.agenda"
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri, "agenda", 1, "body: Board\n\n1. 😀𝔸 see {nowhere}\n")))
    (found,) = await wait_for_diagnostics(client, uri)
    assert (found.code, found.range) == ("unknown-label", span(2, 12, 21))


COMPLETE = """\
body: Board
fields: Convened by
series T-ES: T-ES({year}){n}
date: 1 May 2026

1. Opening {#opening}
   @for decision
2. See
   > the note
"""


async def completions(client: LanguageClient, uri: str, position: types.Position) -> dict[str, str]:
    found = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), position))
    if found is None:
        return {}
    items = found.items if isinstance(found, types.CompletionList) else found
    return {item.label: item.text_edit.new_text for item in items}


async def typed(client: LanguageClient, uri: str, version: int, where: types.Range, text: str) -> None:
    """Type ``text`` over ``where``, as a writer does, and wait for the diagnostics."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [types.TextDocumentContentChangePartial(range=where, text=text)]))
    await wait_for_diagnostics(client, uri)


async def test_completion_of_attribute_names_while_the_line_is_half_written(client: LanguageClient):
    uri = await opened(client, COMPLETE)
    await typed(client, uri, 2, span(6, 3, 16), "@d")  # "@d" alone does not parse
    found = await completions(client, uri, at(6, 5))
    assert found["@duration"] == "@duration "
    assert found["@convened-by"] == "@convened-by "
    assert "body" not in found
    edit = (await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), at(6, 5)))).items[0].text_edit
    assert edit.range == span(6, 3, 5)  # "@d" is replaced, the indentation kept


async def test_completion_of_header_fields(client: LanguageClient):
    uri = await opened(client, COMPLETE)
    await typed(client, uri, 2, span(3, 0, 0), "iss\n")
    found = await completions(client, uri, at(3, 3))
    assert found["date"] == "date: "
    assert found["issued in"] == "issued in: "
    assert await completions(client, uri, at(8, 3)) == {}  # an item's line is not a header field


async def test_completion_of_labels_and_series(client: LanguageClient):
    uri = await opened(client, COMPLETE)
    await typed(client, uri, 2, span(7, 6, 6), " {op")
    assert await completions(client, uri, at(7, 10)) == {"opening": "opening"}
    await typed(client, uri, 3, span(8, 5, 13), "[T-")
    assert await completions(client, uri, at(8, 8)) == {"T-ES": "T-ES"}
    assert await completions(client, uri, at(7, 5)) == {}  # plain text


async def fixes(client: LanguageClient, uri: str, line: int) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=span(line, 0, 0),
        context=types.CodeActionContext(diagnostics=[])))
    return [action for action in found or [] if isinstance(action, types.CodeAction)]


def applied(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    start, end = edit.range.start, edit.range.end
    before = "\n".join(lines[:start.line] + [lines[start.line][:start.character]])
    after = "\n".join([lines[end.line][end.character:]] + lines[end.line + 1:])
    return before + edit.new_text + after


async def test_quick_fixes_for_a_gap_renumber_or_put_the_missing_item_back(client: LanguageClient):
    uri = await opened(client, GAP)
    actions = await fixes(client, uri, 5)
    assert [(a.title, a.kind, a.is_preferred) for a in actions] == [
        ("Number this item 2.", types.CodeActionKind.QuickFix, True),
        ("Insert item 2. as withdrawn", types.CodeActionKind.QuickFix, False)]
    assert actions[0].diagnostics[0].code == "numbering-gap"
    renumbered = applied(GAP, actions[0].edit.changes[uri][0])
    assert renumbered.endswith("1. Opening\n2. Budget\n")
    withdrawn = applied(GAP, actions[1].edit.changes[uri][0])
    assert withdrawn.endswith("1. Opening\n2. Withdrawn item\n   @status withdrawn\n3. Budget\n")
    for fixed in (renumbered, withdrawn):
        assert await wait_for_diagnostics(client, await opened_again(client, fixed)) == []


async def opened_again(client: LanguageClient, text: str) -> str:
    """Open ``text`` without waiting: the caller waits for its diagnostics."""
    uri = f"file:///tmp/agenda-fixed-{next(_numbers)}.agenda"
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "agenda", 1, text)))
    return uri


async def test_quick_fixes_keep_the_indentation_of_a_nested_item(client: LanguageClient):
    text = "numbering: 1. / 1.1\n\n1. Reports\n    1.1 First\n    1.3 Third\n"
    uri = await opened(client, text)
    actions = await fixes(client, uri, 4)
    withdrawn = applied(text, actions[1].edit.changes[uri][0])
    assert withdrawn.endswith("    1.1 First\n    1.2 Withdrawn item\n       @status withdrawn\n    1.3 Third\n")


async def test_quick_fix_for_automatic_numbering_offers_the_number_and_the_marker(client: LanguageClient):
    text = "body: Board\n\n#. Opening\n5. Budget\n"
    uri = await opened(client, text)
    actions = await fixes(client, uri, 3)
    assert [(a.title, a.edit.changes[uri][0].new_text) for a in actions] == [
        ("Number this item 2.", "2."), ("Number this item automatically (#.)", "#.")]


async def test_a_document_with_a_syntax_error_keeps_its_outline_and_refuses_a_rename(client: LanguageClient):
    text = "body: Board\n\n1. Opening {#opening}\nfoo bar\n2. Reports, see {opening}\n   2.1 First\n"
    uri = f"file:///tmp/agenda-{next(_numbers)}.agenda"
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "agenda", 1, text)))
    assert [d.code for d in await wait_for_diagnostics(client, uri)] == ["not-an-item"]
    document = types.TextDocumentIdentifier(uri)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(document))
    assert [(s.name, [c.name for c in s.children or []]) for s in symbols] == [
        ("1. Opening", []), ("2. Reports, see {opening}", ["2.1 First"])]
    definition = await client.text_document_definition_async(types.DefinitionParams(document, at(4, 20)))
    assert [(d.range.start.line, d.range.start.character) for d in definition] == [(2, 11)]
    edit = await client.text_document_rename_async(types.RenameParams(document, at(4, 20), "start"))
    assert edit is None
    assert "fix the syntax errors first" in client.messages[-1].message
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(document))
    assert tokens is not None and list(tokens.data[:5]) == [0, 0, 4, 3, 0]  # "body" before the error line
