"""`agenda fmt` keeps a file as it was written in what the layout does not decide: its line ends
(CR LF stays CR LF) and its UTF-8 byte order mark, unless --line-ends or --bom asks otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from test_fmt import TITLE
from test_properties import escape, tree, write

BOM = b"\xef\xbb\xbf"
MESSY = "body:   Board\n\n1.   Opening\n2. Next\n   @presenter   Ms Doe\n"
CANONICAL = "body: Board\n\n1. Opening\n\n2. Next\n   @presenter Ms Doe\n"


def fmt(*args: str, input: bytes | None = None) -> tuple[int, bytes, str]:
    """The fmt command in-process, with its standard output as bytes (CliRunner's text folds CR LF)."""
    from typer.testing import CliRunner

    from agendadsl.cli.app import app

    result = CliRunner().invoke(app, ["fmt", *args], input=input, catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def test_a_crlf_file_stays_crlf(tmp_path: Path) -> None:
    path = tmp_path / "board.agenda"
    path.write_bytes(crlf(MESSY))
    assert fmt(str(path))[0] == 0
    assert path.read_bytes() == crlf(CANONICAL)


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "board.agenda"
    path.write_bytes(BOM + MESSY.encode())
    assert fmt(str(path))[0] == 0
    assert path.read_bytes() == BOM + CANONICAL.encode()


def test_a_canonical_crlf_file_with_a_bom_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "board.agenda"
    path.write_bytes(BOM + crlf(CANONICAL))
    before = path.stat().st_mtime_ns
    status, _, stderr = fmt("--check", str(path))
    assert status == 0 and "0 files would be reformatted, 1 left unchanged" in stderr
    assert fmt(str(path))[0] == 0
    assert path.read_bytes() == BOM + crlf(CANONICAL) and path.stat().st_mtime_ns == before


def test_old_mac_line_ends_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "board.agenda"
    path.write_bytes(MESSY.replace("\n", "\r").encode())
    assert fmt(str(path))[0] == 0
    assert path.read_bytes() == CANONICAL.replace("\n", "\r").encode()


@pytest.mark.parametrize(("ends", "expected"), [
    (["\r\n", "\r\n", "\n", "\r\n", "\n"], "\r\n"),  # most lines end CR LF: every line does
    (["\n", "\r\n", "\n", "\r\n", "\n"], "\n"),
    (["\r\n", "\n", "\r\n", "\n", "\r"], "\n"),  # a tie between LF and CR LF: LF
])
def test_a_file_with_mixed_line_ends_gets_the_commonest(tmp_path: Path, ends: list[str], expected: str) -> None:
    lines = MESSY.splitlines()
    path = tmp_path / "board.agenda"
    path.write_bytes("".join(line + end for line, end in zip(lines, ends, strict=True)).encode())
    assert fmt(str(path))[0] == 0
    assert path.read_bytes() == CANONICAL.replace("\n", expected).encode()


def test_a_canonical_file_with_mixed_line_ends_is_reported_and_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "board.agenda"
    mixed = CANONICAL.replace("\n", "\r\n", 2).encode()
    path.write_bytes(mixed)
    status, diff, _ = fmt("--diff", str(path))
    assert status == 0 and b"-body: Board\r\n" in diff and b"+body: Board\n" in diff
    assert fmt("--check", str(path))[0] == 1
    assert path.read_bytes() == mixed
    assert fmt(str(path))[0] == 0 and path.read_bytes() == CANONICAL.encode()


@pytest.mark.parametrize(("options", "expected"), [
    (["--line-ends", "lf"], CANONICAL.encode()),
    (["--line-ends", "crlf"], crlf(CANONICAL)),
    (["--bom", "remove"], crlf(CANONICAL)),
    (["--bom", "add", "--line-ends", "lf"], BOM + CANONICAL.encode()),
    (["--line-ends", "keep", "--bom", "keep"], crlf(CANONICAL)),
])
def test_line_ends_and_the_bom_are_changed_on_request(tmp_path: Path, options: list[str], expected: bytes) -> None:
    path = tmp_path / "board.agenda"
    path.write_bytes(crlf(MESSY))
    assert fmt(*options, str(path))[0] == 0
    assert path.read_bytes() == expected
    assert fmt(*options, "-", input=crlf(MESSY))[1] == expected


def test_a_sample_saved_by_a_windows_editor_is_already_canonical(tmp_path: Path) -> None:
    seed = (SAMPLES / "lanzarote-2020-11-23.agenda").read_text(encoding="utf-8")
    path = tmp_path / "seed.agenda"
    path.write_bytes(BOM + crlf(seed))
    assert fmt("--check", str(path))[0] == 0
    assert fmt("--line-ends", "lf", "--bom", "remove", "--check", str(path))[0] == 1


def test_an_unknown_choice_is_a_usage_error() -> None:
    status, _, stderr = fmt("--line-ends", "cr", "-", input=b"1. A\n")
    assert status == 2 and "--line-ends" in stderr


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(tree(), st.lists(TITLE, min_size=12, max_size=12), st.booleans(), st.sampled_from(["\r\n", "\r", "\n"]),
       st.sampled_from(["", " ", "   "]))
def test_fmt_of_a_crlf_or_bom_file_is_the_lf_result_with_them_put_back(outline, titles, bom, end, padding) -> None:
    lines = write(outline, []).splitlines()
    text = "\n".join(line.replace("Item title", padding + escape(titles[i % 12])) for i, line in enumerate(lines))
    status, plain, _ = fmt("-", input=(text + "\n").encode())
    assert status == 0
    status, kept, _ = fmt("-", input=(BOM if bom else b"") + (text + "\n").replace("\n", end).encode())
    assert status == 0
    assert kept == (BOM if bom else b"") + plain.decode().replace("\n", end).encode()
