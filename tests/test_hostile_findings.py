"""What hostile input found (issue 14, point 6): each failure, with the input that showed it.

Tracebacks become diagnostics; a bug that still escapes is one line and its own exit code.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from agendadsl import analyse
from conftest import SAMPLES

SEED = SAMPLES / "lanzarote-2020-11-23.agenda"


def codes(text: str) -> list[str]:
    return [d.code for d in analyse(text)[1]]


# ------------------------------------------------------------------------------------ tracebacks

HUGE = "9" * 5000  # past Python's 4,300-digit limit on reading an int


@pytest.mark.parametrize("text", [
    f"1. Opening\n{HUGE}. Huge\n",
    f"numbering: {HUGE}.\n\n1. Opening\n",
    f"1. Opening\n   @numbering {HUGE}.\n   #. Sub-item\n",
    f"numbering: (a)\n\n(a) Opening\n({'b' * 5000}) Huge\n",  # letters: 26**5000 has 7,000 digits
])
def test_a_huge_number_is_a_diagnostic_that_does_not_quote_it(cli, tmp_path, text: str) -> None:
    path = tmp_path / "huge.agenda"
    path.write_text(text, encoding="utf-8")
    run = cli("check", "--color", "never", str(path))
    assert run.exit_code == 1
    first = run.stderr.splitlines()[0]
    assert "error[number-too-long]" in first and "5,000 characters; the limit is 15" in first
    assert len(first) < 200


def test_fifteen_digits_are_still_a_number() -> None:
    assert codes("numbering: 999999999999998.\n\n#. A\n#. B\n") == []
    assert codes("numbering: 9999999999999999.\n\n#. A\n") == ["number-too-long"]


def test_a_huge_number_is_not_renumbered(cli, tmp_path) -> None:
    path = tmp_path / "huge.agenda"
    path.write_text(f"numbering: {HUGE}.\n\n1. Opening\n", encoding="utf-8")
    run = cli("fmt", "--renumber", str(path))
    assert run.exit_code == 2 and "[number-too-long]" in run.stderr and "withdrawn" not in run.stderr


def test_renumbering_past_roman_3999_says_so_not_withdrawn_items(cli, tmp_path) -> None:
    path = tmp_path / "roman.agenda"
    text = "numbering: MMMCMXCVIII.\n\nMMMCMXCVIII. A\nMMMCMXCIX. B\nX. C\n"
    path.write_text(text, encoding="utf-8")
    run = cli("fmt", "--renumber", str(path))
    assert run.exit_code == 2
    assert run.stderr.splitlines()[0] == (
        f"agenda: error: {path}: not renumbered: line 5: item number 4000 cannot be written in upper-case roman "
        "numerals (I, II, III); declare another numbering scheme for that level")
    assert path.read_text(encoding="utf-8") == text


def test_kept_withdrawn_numbers_that_leave_no_room_still_say_so(cli, tmp_path) -> None:
    path = tmp_path / "withdrawn.agenda"
    path.write_text("1. A\n2. B\n1. C\n   @status withdrawn\n", encoding="utf-8")
    run = cli("fmt", "--renumber", "--keep-withdrawn", str(path))
    assert run.exit_code == 2 and "the numbers kept for withdrawn items leave no room" in run.stderr


@pytest.mark.parametrize("header", [
    "date: 31 December 9999",
    "date: 30-31 December 9999",
    "date: 31 December 9999\ntime: 23:00-24:00",
    "date: 31 December 9999\ntime: 23:00-23:30 UTC-05:00",
    "date: 31 December 9999\ntime: 23:00-23:30 UTC+01:00\nlocal times: Asia/Tokyo",
])
@pytest.mark.parametrize("fmt", ["ics", "html", "json"])
def test_the_last_day_python_can_write_renders(cli, tmp_path, header: str, fmt: str) -> None:
    path = tmp_path / "last.agenda"
    path.write_text(f"{header}\n\n1. Opening\n", encoding="utf-8")
    assert cli("check", str(path)).exit_code == 0
    run = cli("render", "--to", fmt, str(path), "-o", "-")
    assert run.exit_code == 0, run.stderr


def test_a_meeting_on_the_last_days_of_9999_lasts_them_in_the_calendar(cli, tmp_path) -> None:
    from icalendar import Calendar

    path = tmp_path / "last.agenda"
    path.write_text("date: 30-31 December 9999\n\n1. Opening\n", encoding="utf-8")
    event = Calendar.from_ical(cli("render", "--to", "ics", str(path), "-o", "-").stdout).walk("VEVENT")[0]
    assert event.decoded("dtstart").isoformat() == "9999-12-30"
    assert str(event.decoded("duration")) == "2 days, 0:00:00" and "DTEND" not in event


# ---------------------------------------------------------------- a bug is one line, exit 70

_PLANTED = ("import sys, agendadsl.cli.checking as command\n"
            "def planted(path): raise RuntimeError('planted \\x1b]0;owned\\x07 bug')\n"
            "command.analyse_file = planted\n"
            "sys.argv = ['agenda', *sys.argv[1:]]\n"
            "from agendadsl.cli.entry import main; main()\n")


def _run_planted(*args: str, debug_env: bool = False) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "AGENDA_DEBUG"} | ({"AGENDA_DEBUG": "1"} if debug_env else {})
    return subprocess.run([sys.executable, "-c", _PLANTED, *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_a_bug_is_one_line_and_exit_70() -> None:
    run = _run_planted("check", str(SEED))
    assert run.returncode == 70
    assert run.stderr.startswith("agenda: internal error: RuntimeError at ")
    assert "please report it" in run.stderr and run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr and "\x1b" not in run.stderr  # the message may quote the input


@pytest.mark.parametrize("how", ["--debug", "AGENDA_DEBUG=1"])
def test_the_traceback_of_a_bug_on_request(how: str) -> None:
    args = ("--debug", "check", str(SEED)) if how == "--debug" else ("check", str(SEED))
    run = _run_planted(*args, debug_env=how != "--debug")
    assert run.returncode == 70
    assert "Traceback" in run.stderr and "RuntimeError: planted" in run.stderr
    assert run.stderr.splitlines()[-1].startswith("agenda: internal error: RuntimeError")


# -------------------------------------------------------------------------- terminal

OSC = "\x1b]0;owned\x07"  # sets the terminal's title


@pytest.mark.parametrize(("text", "code"), [
    (f"body: X\n{OSC}title: x\n\n1. A\n", "unknown-field"),
    (f"1. A\n   @{OSC} Bob\n", "unknown-attribute"),
])
def test_control_characters_in_a_message_are_shown_not_sent(cli, tmp_path, text: str, code: str) -> None:
    path = tmp_path / "osc.agenda"
    path.write_text(text, encoding="utf-8")
    run = cli("check", "--color", "never", str(path))
    assert f"error[{code}]" in run.stderr
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    assert "\u241b]0;owned\u2407" in run.stderr.splitlines()[0]  # as the excerpt shows them


def test_a_huge_message_is_cut_like_an_excerpt(cli, tmp_path) -> None:
    path = tmp_path / "long.agenda"
    path.write_text("1. A\n   @" + "x" * 100_000 + " Bob\n", encoding="utf-8")
    run = cli("check", "--color", "never", str(path))
    assert "error[unknown-attribute]" in run.stderr
    assert max(len(line) for line in run.stderr.splitlines()) < len(str(path)) + 350
    # cut in the middle, like an excerpt: the quote's end and the rest of the message stay
    assert run.stderr.splitlines()[0].endswith("unknown attribute '@" + "x" * 180 + "…" + "x" * 98 + "'")


@pytest.mark.parametrize("text", [
    "1. A\n   @" + "x" * 100_000 + " Bob\n",                      # unknown-attribute
    "1. A see {" + "y" * 100_000 + "}\n",                          # unknown-label, and its hint
    "series T: T-{n}" + "z" * 100_000 + "\n\n1. A [T-1]\n",        # docref-pattern, and its hint
])
def test_a_message_quoting_100_kb_is_cut_for_every_reader(cli, tmp_path, text: str) -> None:
    # JSON and the editor's hover carried the whole quote: one 200 KB line.
    path = tmp_path / "long.agenda"
    path.write_text(text, encoding="utf-8")
    document = json.loads(cli("check", "--format", "json", str(path)).stdout)
    found = [d for f in document["files"] for d in f["diagnostics"]]
    assert found and all(len(d["message"]) <= 300 and len(d["hint"] or "") <= 300 for d in found)
    quoting = [d for d in found if d["code"] != "text-too-long"]
    assert quoting and all("…" in d["message"] for d in quoting)


def test_a_short_message_is_never_cut() -> None:
    from agendadsl.language.diagnostics import cut

    assert cut("x" * 300) == "x" * 300
    assert cut("ab" * 200, 10) == "ababab…bab"


def test_fmt_diff_shows_control_characters_of_comments_as_escapes(cli, tmp_path) -> None:
    path = tmp_path / "comment.agenda"
    path.write_text(f"// {OSC} and a bidi override \u202e here\n1.   A\n2. B\n", encoding="utf-8")
    run = cli("fmt", "--diff", str(path))
    assert "-1.   A" in run.stdout and "+1. A" in run.stdout
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout and "\u202e" not in run.stdout
    assert f"// \u241b]0;owned\u2407 and a bidi override \ufffd here" in run.stdout


# ------------------------------------------------------------------------------------- files

def test_fmt_writes_through_a_symlink_and_keeps_it(cli, tmp_path) -> None:
    real = tmp_path / "shared" / "board.agenda"
    real.parent.mkdir()
    real.write_text("1.   Opening\n", encoding="utf-8")
    link = tmp_path / "board.agenda"
    link.symlink_to(real)
    assert cli("fmt", str(link)).exit_code == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8") == "1. Opening\n"


def _dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    return int(finished.stdout)


def test_the_next_run_removes_what_a_killed_run_left(cli, tmp_path) -> None:
    import os

    path = tmp_path / "board.agenda"
    path.write_text("1.   Opening\n", encoding="utf-8")
    stale = tmp_path / f".board.agenda.agenda-unfinished-{_dead_pid()}-k1lled.tmp"
    busy = tmp_path / f".board.agenda.agenda-unfinished-{os.getpid()}-wr1ting.tmp"  # a run still writing
    other = tmp_path / f".other.agenda.agenda-unfinished-{_dead_pid()}-k1lled.tmp"  # another output's
    unrelated = tmp_path / ".other.agenda.partial-123-x.tmp"  # not agendadsl's: kept
    for name in (stale, busy, other, unrelated):
        name.write_bytes(b"1. Op")
    assert cli("fmt", str(path)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, busy.name, unrelated.name])


def test_a_folder_is_swept_once_however_many_files_are_written_into_it(tmp_path, monkeypatch) -> None:
    """Writing many outputs into one folder lists it once, not once per file (which was quadratic)."""
    import os

    from agendadsl.cli import files

    listed = []
    real_scandir = os.scandir
    monkeypatch.setattr(files.os, "scandir", lambda folder: listed.append(folder) or real_scandir(folder))
    for n in range(50):
        files.write_atomic(tmp_path / f"out-{n}.tex", b"x")
    assert len(listed) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"out-{n}.tex" for n in range(50))


@pytest.mark.parametrize("text", [
    "date: 1 January 0999\n\n1.   A\n",
    "date: Tuesday 1 January 0999\n\n# Tuesday 1 January 0999\n1.   A\n",
    "date: 0998-12-30\n\n1.   A\n\nnext meetings:\n  - 1 January 0999\n\npast meetings:\n  - 2 March 0997\n",
])
def test_fmt_and_check_agree_on_years_before_1000(cli, tmp_path, text: str) -> None:
    path = tmp_path / "early.agenda"
    path.write_text(text, encoding="utf-8")
    assert cli("check", str(path)).exit_code == 0
    run = cli("fmt", str(path))
    assert run.exit_code == 0, run.stderr
    formatted = path.read_text(encoding="utf-8")
    assert "1. A\n" in formatted and formatted.count(" 099") == text.count(" 099")
    assert cli("check", str(path)).exit_code == 0


# ------------------------------------------------------------------------------------ the PDF

def _pdf_text(cli, tmp_path, text: str) -> str:
    from conftest import need

    need("lualatex")
    pdftotext = need("pdftotext")
    source, pdf = tmp_path / "agenda.agenda", tmp_path / "agenda.pdf"
    source.write_text(text, encoding="utf-8")
    run = cli("render", "--to", "pdf", str(source), "-o", str(pdf))
    assert run.exit_code == 0, run.stderr
    return subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_a_struck_title_that_starts_with_a_bracket_prints(cli, tmp_path) -> None:
    # Inside \strikeThrough{...}, '[draft]' was read as an optional argument: "Undefined color `draft'".
    text = _pdf_text(cli, tmp_path, "1. Opening\n2. \\[draft\\] report\n   @status withdrawn\n3. \\[A\\] and \\[B\\]\n")
    assert "[draft] report" in text and "[A] and [B]" in text


def test_a_meeting_before_1970_gives_the_same_pdf_twice(cli, tmp_path) -> None:
    from conftest import need

    need("lualatex")
    source = tmp_path / "old.agenda"
    source.write_text("body: Council\ndate: 12 April 1961\n\n1. Opening\n", encoding="utf-8")
    outputs = []
    for name in ("a.pdf", "b.pdf"):
        assert cli("render", "--to", "pdf", str(source), "-o", str(tmp_path / name)).exit_code == 0
        outputs.append((tmp_path / name).read_bytes())
        import time

        time.sleep(1.1)  # a PDF stamped with the time of the run differs a second later
    assert outputs[0] == outputs[1]


def test_did_you_mean_for_the_first_200_unknown_labels(cli, tmp_path) -> None:
    from agendadsl.checks.references import MAX_SUGGESTIONS

    lines = [f"#. Item {n} {{#label{n}}} see {{labl{n}x}}\n" for n in range(MAX_SUGGESTIONS + 5)]
    found = [d for d in analyse("".join(lines))[1] if d.code == "unknown-label"]
    assert len(found) == MAX_SUGGESTIONS + 5
    assert [d.hint.startswith("did you mean {label") for d in found] == [True] * 200 + [False] * 5
    assert found[7].hint.startswith("did you mean {label7}?")


def test_an_unnumbered_item_that_refers_to_itself_renders(cli, tmp_path) -> None:
    # Shown by its title, which holds the reference again: the view recursed until Python gave up.
    path = tmp_path / "self.agenda"
    path.write_text("1. Opening\n* Any other business {#aob}, see {aob}\n", encoding="utf-8")
    for fmt in ("html", "markdown", "json"):
        run = cli("render", "--to", fmt, str(path), "-o", "-")
        assert run.exit_code == 0, run.stderr
    assert "see Any other business" in cli("render", "--to", "markdown", str(path), "-o", "-").stdout


@pytest.mark.parametrize(("url", "scheme"), [("javascript:alert(1)", "javascript"), ("data:text/html,{n}", "data"),
                                             ("ftp://docs.example/{ref}", "ftp"), ("file:///etc/{ref}", "file")])
def test_a_series_url_of_another_scheme_is_named_as_such_not_a_pattern_mismatch(url: str, scheme: str) -> None:
    # The grammar reads only http(s) and mailto as the URL: the rest ended the pattern, and each
    # reference was then told it did not match it.
    found = analyse(f"series T: T-{{n}} {url}\n\n1. Report [T-1]\n")[1]
    assert [(d.code, d.message, d.hint) for d in found] == [(
        "invalid-series", f"series T: the URL {url} has the scheme '{scheme}:', which is not allowed; a series URL "
        "starts with http://, https:// or mailto:", "write the documents' address with http://, https:// or "
        "mailto:, or leave the URL out")]


def test_a_series_url_in_capitals_is_told_to_write_it_in_lower_case() -> None:
    [problem] = analyse("series T: T-{n} HTTPS://docs.example/{ref}\n\n1. Report [T-1]\n")[1]
    assert problem.code == "invalid-series" and problem.hint == "write the scheme in lower case: https://docs.example/{ref}"


def test_a_colon_in_a_pattern_is_not_taken_for_a_url() -> None:
    assert analyse("series urn: urn:{n}\nseries R: RFC {n} rev:{n}\n\n1. See [urn:4] and [RFC 7 rev:7]\n")[1] == []


@pytest.mark.parametrize(("text", "line", "column", "what"), [
    ("1. Opening\n\u00a0\u00a0\u00a01.1 Sub-item\n", 2, 1, "a no-break space (U+00A0)"),  # was missing-space
    ("1. Opening\n   1.1 Sub-item\n   \u00a0> A note\n", 3, 4, "a no-break space (U+00A0)"),  # was not-an-item
    ("1. Opening\n \u202f - bullet\n", 2, 2, "a narrow no-break space (U+202F)"),
    ("\u3000body: X\n\n1. Opening\n", 1, 1, "an ideographic space (U+3000)"),
])
def test_a_no_break_space_in_the_indentation_is_named_at_its_column(text: str, line: int, column: int,
                                                                     what: str) -> None:
    [problem] = analyse(text)[1]
    assert (problem.code, problem.span.line, problem.span.column) == ("indent-character", line, column)
    assert problem.message == f"the indentation has {what}; only spaces and tabs indent a line"
    assert problem.hint.startswith("indent with ordinary spaces")
