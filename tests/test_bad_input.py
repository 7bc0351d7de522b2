"""Bad input is ordinary input: a clear diagnostic or success, never a traceback, exit 0/1/2."""

from __future__ import annotations

import pytest

from agendadsl import analyse
from agendadsl.language.layout import MAX_DEPTH

GOOD = "1. Opening of the meeting\n2. Any other business\n"

CASES = {
    "empty": b"",
    "only-comments": b"// nothing here yet\n// still nothing\n",
    "only-blank-lines": b"\n\n   \n\t\n",
    "bom": b"\xef\xbb\xbf" + GOOD.encode(),
    "crlf": GOOD.replace("\n", "\r\n").encode(),
    "lone-cr": GOOD.replace("\n", "\r").encode(),
    "tabs": b"1. A\n\t1.1 B\n\t\t1.1.1 C\n",
    "invalid-utf8": b"1. Ouverture de la r\xe9union\n",
    "truncated-utf8": b"1. Caf\xc3",
    "nul": b"1. A\x00B\n",
    "control-characters": b"1. A\x1b[31mred\x07\n",
    "ten-megabyte-line": b"1. " + b"x" * 10_000_000 + b"\n",
    "nesting-10000-deep": "".join(" " * i + f"{'1.' * (i + 1)} T\n" for i in range(10_000)).encode(),
    "huge-number": b"99999999999999999999. Item\n",
    "huge-roman": b"numbering: I.\nMMMMMMMMMMMMMMMMMMMMMMMM. Item\n",
    "empty-title": b"1.\n2. B\n",
    "blank-title": b"1.    \n2. B\n",
    "hostile-title": b"1. \\input{/etc/passwd} <script>alert(1)</script> *#_ %&^~ \\\n",
    "unbalanced-brackets": b"1. [[[ {{{ ]]] }}}\n",
    "binary-garbage": bytes(range(256)) * 4,
    "deep-indent-no-items": b"  " * 5000 + b"x\n",
    "only-header": b"body: Committee\ndate: 1 May 2026\n",
    "lonely-bracket-end": b"1. Title [",
}


@pytest.mark.parametrize("name", CASES)
def test_cli_never_crashes(cli, tmp_path, name: str) -> None:
    path = tmp_path / f"{name}.agenda"
    path.write_bytes(CASES[name])
    run = cli("check", "--color", "never", str(path))
    assert run.exit_code in (0, 1), run.stderr
    assert "Traceback" not in run.stderr
    if run.exit_code == 1:
        assert f"{path}:" in run.stderr and "hint:" in run.stderr
    json_run = cli("check", "--format", "json", str(path))
    assert json_run.exit_code == run.exit_code


def test_accepted_variants_check_clean(cli, tmp_path) -> None:
    for name in ("bom", "crlf", "lone-cr", "tabs"):
        path = tmp_path / f"{name}.agenda"
        path.write_bytes(CASES[name])
        assert cli("check", str(path)).exit_code == 0, name


def test_invalid_utf8_says_where(cli, tmp_path) -> None:
    path = tmp_path / "latin1.agenda"
    path.write_bytes(b"1. A\n2. Ouverture de la r\xe9union\n")
    run = cli("check", str(path))
    assert run.exit_code == 1
    assert f"{path}:2:21: error[invalid-utf8]" in run.stderr


def test_deep_nesting_is_cut_at_the_limit() -> None:
    text = "".join(" " * i + "#. T\n" for i in range(MAX_DEPTH + 5))
    _agenda, diagnostics = analyse(text)
    assert [d.code for d in diagnostics] == ["nesting-too-deep"]
    assert diagnostics[0].span.line == MAX_DEPTH + 2
    _agenda, diagnostics = analyse("".join(" " * i + "#. T\n" for i in range(MAX_DEPTH + 1)))
    assert diagnostics == []


def test_ten_megabyte_line_excerpt_stays_short(cli, tmp_path) -> None:
    path = tmp_path / "long.agenda"
    path.write_bytes(CASES["ten-megabyte-line"])
    run = cli("check", "--color", "never", str(path))
    assert "text-too-long" in run.stderr
    assert max(len(line) for line in run.stderr.splitlines()) < 300


def test_missing_file_and_directory_exit_2(cli, tmp_path) -> None:
    run = cli("check", str(tmp_path / "nope.agenda"))
    assert run.exit_code == 2 and "no such file" in run.stderr
    assert cli("check", str(tmp_path)).exit_code == 2


def test_bad_option_exits_2(cli) -> None:
    assert cli("check", "--format", "xml", "samples/lanzarote-2020-11-23.agenda").exit_code == 2
    assert cli("frobnicate").exit_code == 2


def test_stdin(cli) -> None:
    assert cli("check", "-", input=GOOD).exit_code == 0
    run = cli("check", "--color", "never", "-", input="1. A\n3. B\n")
    assert run.exit_code == 1 and run.stderr.startswith("-:2:1: error[numbering-gap]")


@pytest.mark.parametrize("package", ["typer", "lark", "jinja2"])
def test_a_missing_dependency_is_one_clear_line_not_a_traceback(package: str, tmp_path) -> None:
    # As when the command is run from a checkout without installing it: the import fails.
    import subprocess
    import sys

    from conftest import SAMPLES

    script = (f"import sys; sys.modules[{package!r}] = None; "
              f"sys.argv = ['agenda', 'render', {str(SAMPLES / 'lanzarote-2020-11-23.agenda')!r}, '--to', 'html', "
              f"'-o', {str(tmp_path / 'out.html')!r}]; from agendadsl.cli.entry import main; main()")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr == (f"agenda: error: the Python package '{package}' that agendadsl needs is not installed; "
                          "install agendadsl with pip (see the README), which installs it too\n")


def test_the_language_server_answers_an_unreadable_message_without_a_traceback() -> None:
    """A client that sends something that is not JSON gets an error message; the editor's log
    (the server's stderr) gets one line, and the server goes on until its input ends."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "agendadsl", "lsp"], input=b"Content-Length: 5\r\n\r\nnotjs",
                          capture_output=True, timeout=60, check=False)
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr
    assert done.stderr.decode().strip() == "agenda lsp: error: Unable to handle message"
    assert b'"method": "window/showMessage"' in done.stdout


def test_an_attribute_given_twice_on_a_heading_points_to_the_first_and_says_which_to_keep() -> None:
    source = "# Morning, 09:00-12:00\n  @place Room 1\n  @place Room 2\n  @time 10:00-12:00\n\n1. X\n"
    assert [(d.code, d.message, d.hint, d.span.line, [(r.message, r.span.line) for r in d.related])
            for d in analyse(source)[1]] == [
        ("duplicate-attribute", "this heading already has a place: it has one", "keep one of the two", 3,
         [("first given here", 2)]),
        ("duplicate-attribute", "this heading already has a time: its heading gives one", "keep one of the two", 4,
         [("first given here", 1)])]
