"""Output text joined in batches, so that a large render streams instead of piling up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def batched(pieces: Iterable[str], size: int = 4096) -> Iterator[str]:
    """Many small pieces of text (a template's output, JSON) joined ``size`` at a time: joining a
    whole generator at once keeps every small piece alive until the end (for JSON at 100,000
    items, 650 MB)."""
    batch: list[str] = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) == size:
            yield "".join(batch)
            batch.clear()
    yield "".join(batch)

