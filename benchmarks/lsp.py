"""The language server's latency, as an editor sees it: `agenda lsp` in its own process, driven
over stdio by pygls's client, on the synthetic agendas of generate.py.

    python benchmarks/lsp.py                  # 1,000 items
    python benchmarks/lsp.py --sizes 100,1000,10000 --repeat 20
    python benchmarks/lsp.py --raw            # a bare JSON-RPC client instead of pygls's

For each size: from sending a change (one character of a title) to receiving its diagnostics, and
the round trip of each request that follows a change (outline, semantic tokens, folding, hover).
Warm: the document is opened and changed a few times before timing. Medians; nothing is asserted.

pygls's client turns each response into lsprotocol objects before the timer stops (10 ms for an
outline of 1,000 items), which an editor written in another language does not do. `--raw` drives
the server with a bare client instead: the timer stops when the response is read and decoded
with json.loads, which every client does. It also reports the CPU time the server process spent
on each (Linux's /proc/PID/schedstat), which a busy machine does not inflate as it does wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
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


class RawClient:
    """JSON-RPC over the server's stdio, framed with Content-Length headers, and nothing else."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "agendadsl", "lsp"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method: str, params: object, request: bool = False) -> int | None:
        message: dict[str, object] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return self.next_id if request else None

    def receive(self) -> dict:
        assert self.process.stdout is not None
        length = 0
        while (line := self.process.stdout.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def cpu(self) -> float:
        """Seconds of CPU the server has used so far (Linux's schedstat, in nanoseconds): on a
        shared machine, what the server itself spent, however long it waited for a core."""
        with open(f"/proc/{self.process.pid}/schedstat") as stat:
            return int(stat.read().split()[0]) / 1e9

    def until(self, wanted) -> dict:
        while not wanted(message := self.receive()):
            pass
        return message

    def request(self, method: str, params: object) -> dict:
        number = self.send(method, params, request=True)
        return self.until(lambda message: message.get("id") == number)


def measure_raw(size: int, repeat: int) -> dict[str, float]:
    client = RawClient()
    client.request("initialize", {"capabilities": {}})
    client.send("initialized", {})
    text, _markdown = agenda(size)
    client.send("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "agenda", "version": 1,
                                                          "text": text}})
    published = "textDocument/publishDiagnostics"
    client.until(lambda message: message.get("method") == published)
    document = {"textDocument": {"uri": URI}}
    line = text.splitlines().index(next(t for t in text.splitlines() if t.startswith("1. ")))
    times: dict[str, list[float]] = {}
    for version in range(2, repeat + 5):
        change = {"range": {"start": {"line": line, "character": 3}, "end": {"line": line, "character": 4}},
                  "text": "ab"[version % 2]}
        sent, used = time.perf_counter(), client.cpu()
        client.send("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                               "contentChanges": [change]})
        client.until(lambda message: message.get("method") == published)
        timed = {"diagnostics after a change": time.perf_counter() - sent,
                 "diagnostics, server CPU": client.cpu() - used}
        for name, method, extra in (("outline", "textDocument/documentSymbol", {}),
                                    ("semantic tokens", "textDocument/semanticTokens/full", {}),
                                    ("folding", "textDocument/foldingRange", {}),
                                    ("hover", "textDocument/hover", {"position": {"line": line, "character": 5}})):
            start, used = time.perf_counter(), client.cpu()
            client.request(method, {**document, **extra})
            timed[name] = time.perf_counter() - start
            timed[f"{name}, server CPU"] = client.cpu() - used
        if version >= 5:  # the first changes warm the server up
            for name, seconds in timed.items():
                times.setdefault(name, []).append(seconds)
    client.request("shutdown", None)
    client.send("exit", None)
    client.process.wait(10)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--raw", action="store_true", help="a bare JSON-RPC client instead of pygls's")
    options = parser.parse_args()
    for size in (int(s) for s in options.sizes.split(",")):
        results = measure_raw(size, options.repeat) if options.raw else asyncio.run(measure(size, options.repeat))
        print(f"{size:,} items: " + ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
