"""The language server's latency, as an editor sees it: `agenda lsp` in its own process, driven
over stdio by pygls's client, on the synthetic agendas of generate.py.

    python benchmarks/lsp.py                  # 1,000 items
    python benchmarks/lsp.py --sizes 100,1000,10000 --repeat 20

For each size: from sending a change (one character of a title) to receiving its diagnostics, and
the round trip of each request that follows a change (outline, semantic tokens, folding, hover).
Warm: the document is opened and changed a few times before timing. Medians; nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import agenda  # noqa: E402

URI = "file:///benchmark.agenda"


async def measure(size: int, repeat: int) -> dict[str, float]:
    client = LanguageClient("benchmark", "1")
    arrived: asyncio.Queue[float] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(time.perf_counter())

    await client.start_io(sys.executable, "-m", "agendadsl", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    text, _markdown = agenda(size)
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(URI, "agenda", 1, text)))
    await arrived.get()
    document = types.TextDocumentIdentifier(URI)
    line = text.splitlines().index(next(t for t in text.splitlines() if t.startswith("1. ")))
    times: dict[str, list[float]] = {}
    for version in range(2, repeat + 5):
        letter = "ab"[version % 2]
        change = types.TextDocumentContentChangePartial(range=types.Range(types.Position(line, 3),
                                                                          types.Position(line, 4)), text=letter)
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=version, uri=URI), [change]))
        received = await arrived.get()
        requests = {
            "outline": client.text_document_document_symbol_async(types.DocumentSymbolParams(document)),
            "semantic tokens": client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(document)),
            "folding": client.text_document_folding_range_async(types.FoldingRangeParams(document)),
            "hover": client.text_document_hover_async(types.HoverParams(document, types.Position(line, 5))),
        }
        timed = {"diagnostics after a change": received - sent}
        for name, request in requests.items():
            start = time.perf_counter()
            await request
            timed[name] = time.perf_counter() - start
        if version >= 5:  # the first changes warm the server up
            for name, seconds in timed.items():
                times.setdefault(name, []).append(seconds)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    for size in (int(s) for s in options.sizes.split(",")):
        results = asyncio.run(measure(size, options.repeat))
        print(f"{size:,} items: " + ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
