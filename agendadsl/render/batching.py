"""Output text joined in batches, so that a large render streams instead of piling up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

BATCH_CHARACTERS = 1 << 18
"""About how much text each batch holds: counted in characters, not pieces, because a piece may
be a few characters (a JSON token) or a few hundred items' markup (one HTML macro call)."""


def batched(pieces: Iterable[str], limit: int = BATCH_CHARACTERS) -> Iterator[str]:
    """Many pieces of text (a template's output, JSON) joined into batches of about ``limit``
    characters: joining a whole generator at once keeps every piece alive until the end (for JSON
    at 100,000 items, 650 MB), and a batch of a fixed number of pieces grows with the pieces."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= limit:
            yield "".join(batch)
            batch.clear()
            held = 0
    yield "".join(batch)
