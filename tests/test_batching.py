"""Output joined in batches (render/batching.py): bounded by characters, whatever the pieces' size."""

from __future__ import annotations

from agendadsl.render.batching import batched


def test_large_pieces_are_not_held_a_fixed_number_at_a_time() -> None:
    pieces = [chr(ord("a") + n) * 100_000 for n in range(10)]
    out = list(batched(pieces, limit=250_000))
    assert [len(batch) for batch in out] == [300_000, 300_000, 300_000, 100_000]
    assert "".join(out) == "".join(pieces)


def test_small_pieces_are_joined_up_to_the_limit() -> None:
    out = list(batched(["ab"] * 1000, limit=500))
    assert [len(batch) for batch in out] == [500, 500, 500, 500, 0]


def test_nothing_in_gives_one_empty_batch() -> None:
    assert list(batched([])) == [""]
