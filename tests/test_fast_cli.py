"""The fast path (agendadsl/cli/fast.py) agrees with typer, which defines the command line.

For each command line, either the fast path declines it (typer reads it, as before) or it calls the
command's body with exactly the arguments typer calls it with: both are recorded here by putting a
recorder in the body's place. Real runs give the same exit code, standard output and error both
ways, whatever the body does (returns, exits, is interrupted, meets a closed pipe, has a bug). A
cold ``agenda check`` loads neither typer nor its click. parameters.py, which the fast path reads,
is what describe.py generates from the typer app.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer
from conftest import ROOT, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agendadsl.cli import describe, fast, guard

SEED = "samples/lanzarote-2020-11-23.agenda"
OTHER = "samples/city-council-2026-03-10.agenda"
GAP = "samples/invalid/numbering-gap.agenda"
WARNED = "samples/invalid/date-range-reversed.agenda"
DIFF = "tests/data/diff/01-lanzarote-delete"

BODIES = {
    "check": "agendadsl.cli.checking:check",
    "render": "agendadsl.cli.rendering:render",
    "fmt": "agendadsl.cli.formatting:fmt",
    "diff": "agendadsl.cli.diffing:diff",
    "git-diff-driver": "agendadsl.cli.diffing:git_diff_driver",
}
"""The bodies the typer commands call, written here rather than read from the fast path's tables."""


# ---------------------------------------------------------------- recording what typer calls

@pytest.fixture(scope="module")
def typer_command() -> Any:
    from typer.main import get_command

    from agendadsl.cli.app import build

    return get_command(build())


class Recorder:
    """The bodies and the root's callback replaced by recorders: what each path calls, for a command
    line, as (the root's arguments, the body, its arguments), or None when nothing was called (typer
    refused the line or answered it itself; the fast path declined it)."""

    def __init__(self, typer_command: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        self.command = typer_command
        self.calls: list[tuple[str, dict[str, Any]]] = []
        for path in BODIES.values():
            module, _, name = path.partition(":")
            monkeypatch.setattr(importlib.import_module(module), name, self._recorder(path))
        monkeypatch.setattr(guard, "configure", self._recorder("agendadsl.cli.guard:configure"))

    def _recorder(self, path: str):
        module, _, name = path.partition(":")

        @functools.wraps(getattr(importlib.import_module(module), name))  # its signature
        def record(**arguments: Any) -> None:
            self.calls.append((path, arguments))
        return record

    def _call(self) -> tuple[dict[str, Any], str, dict[str, Any]] | None:
        if len(self.calls) != 2:  # nothing, or the root's callback alone (typer showed a command's help)
            return None
        (root_name, root_arguments), (body, arguments) = self.calls
        assert root_name == "agendadsl.cli.guard:configure"
        return root_arguments, body, arguments

    def typer(self, argv: list[str]) -> tuple[dict[str, Any], str, dict[str, Any]] | None:
        self.calls.clear()
        try:
            self.command.main(args=list(argv), prog_name="agenda", standalone_mode=False)
        except Exception:  # a usage error, or help shown
            return None
        return self._call()

    def fast(self, argv: list[str]) -> tuple[dict[str, Any], str, dict[str, Any]] | None:
        self.calls.clear()
        try:
            fast.run(argv)
        except SystemExit as done:
            assert done.code == 0  # the body returned
            return self._call()
        assert not self.calls  # declined: nothing was called
        return None


@pytest.fixture
def recorded(typer_command: Any, monkeypatch: pytest.MonkeyPatch) -> Recorder:
    for name in [name for name in os.environ if name.endswith("_COMPLETE")]:  # a shell asking for completions
        monkeypatch.delenv(name)
    return Recorder(typer_command, monkeypatch)


def typed(call: tuple[dict[str, Any], str, dict[str, Any]] | None) -> Any:
    """A call with each value's type beside it: True == 1 and a str is no Path."""
    if call is None:
        return None
    root_arguments, body, arguments = call
    return ({k: (type(v), v) for k, v in root_arguments.items()}, body,
            {k: (type(v), v if not isinstance(v, list) else [(type(x), x) for x in v]) for k, v in arguments.items()})


READ = [
    ["check", SEED],
    ["check", SEED, OTHER, "samples/"],
    ["check", "-"],
    ["check", "--format", "json", SEED], ["check", "-f", "json", SEED], ["check", "-fjson", SEED],
    ["check", "--format=text", SEED], ["check", SEED, "--format", "json"],
    ["check", "--strict", SEED], ["check", SEED, "--strict", "--strict"],
    ["check", "--color", "always", SEED], ["check", "--color=never", SEED],
    ["check", "--jobs", "2", SEED, OTHER], ["check", "-j", "1", SEED], ["check", "-j3", SEED],
    ["check", "--jobs=4", SEED], ["check", "-j", "02", SEED],
    ["check", "--format", "json", "--format", "text", SEED],  # the last one wins
    ["check", "--", "-", SEED], ["check", "--", "--strict"], ["check", SEED, "--", "--format"],
    ["check", "--strict", "--", "--help"], ["check", "-", "--", "--"],
    ["--debug", "check", SEED],
    ["render", SEED],
    ["render", SEED, "--to", "latex"], ["render", "-t", "html,latex", SEED, "-o", "out/"],
    ["render", SEED, "--to=json", "-o", "-"], ["render", SEED, "-tlatex", "-oout.tex"], ["render", SEED, "-o=x"],
    ["render", SEED, "--output", "published/"], ["render", SEED, "--output=-"], ["render", SEED, "--to", ""],
    ["render", SEED, "--view", "internal"], ["render", SEED, "--view=annotated"],
    ["render", SEED, "--language", "fr"], ["render", SEED, "-l", "de"], ["render", SEED, "-lit"],
    ["render", SEED, "--templates", "templates/house-styles"], ["render", SEED, "--templates", "no/such/folder"],
    ["render", SEED, "--templates="],
    ["render", SEED, "--fragment"], ["render", SEED, "--no-fragment"], ["render", SEED, "--fragment", "--no-fragment"],
    ["render", SEED, "--no-fragment", "--fragment"],
    ["render", SEED, "--bilingual", "--no-bilingual", "--bilingual"], ["render", SEED, "--final"],
    ["render", SEED, "--no-final"],
    ["render", SEED, "--changes-since", "HEAD~1:" + SEED], ["render", SEED, "--changes-since=" + OTHER],
    ["render", SEED, "--color", "never"], ["render", SEED, "--quiet"], ["render", SEED, "-q"],
    ["render", SEED, "-qo", "out/"], ["render", SEED, "-qoout/"], ["render", SEED, "-qq"],
    ["render", SEED, "-j", "2", OTHER], ["render", "-", "--to", "markdown"],
    ["render", SEED, OTHER, "--to", "html,latex,json", "-o", "out/", "-q", "--view", "public", "-j", "1"],
    ["render", "--", SEED, "-q"],
    ["--debug", "render", SEED, "--to", "ics"],
    ["fmt", SEED], ["fmt", "--check", SEED], ["fmt", "--diff", SEED, OTHER], ["fmt", "-"],
    ["fmt", "--renumber", "--keep-withdrawn", SEED], ["fmt", SEED, "--renumber"],
    ["fmt", "--line-ends", "crlf", SEED], ["fmt", "--line-ends=lf", SEED], ["fmt", "--bom", "add", SEED],
    ["fmt", "--bom=remove", "--line-ends", "keep", SEED], ["fmt", "--color", "always", "--check", SEED],
    ["fmt", "--check", "--check", "samples/"], ["fmt", "--", "--check"],
    ["diff", f"{DIFF}/old.agenda", f"{DIFF}/new.agenda"],
    ["diff", "--format", "json", f"{DIFF}/old.agenda", f"{DIFF}/new.agenda"],
    ["diff", f"{DIFF}/old.agenda", "-f", "json", f"{DIFF}/new.agenda"],
    ["diff", "-l", "fr", "HEAD~1:" + SEED, SEED], ["diff", "--language=de", "--color", "always", "-", SEED],
    ["diff", "--", "-", SEED],
    ["git-diff-driver", "a.agenda", "/tmp/old", "abc", "100644", "/tmp/new", "def", "100644"],
    ["git-diff-driver", "a.agenda"],  # too few for git, but the body says so, not typer
]
"""Command lines the fast path reads: every option of each command, in each form."""

DECLINED = [
    [], ["--help"], ["-h"], ["--version"], ["--debug"], ["--debug", "--version", "check", SEED],
    ["--install-completion"], ["--show-completion"], ["-x", "check", SEED], ["--", "check", SEED],
    ["chek", SEED], ["new", "x.agenda"], ["watch", SEED], ["serve", SEED], ["lsp"],
    ["check"], ["check", "--help"], ["check", SEED, "-h"], ["check", SEED, "--help"],
    ["check", "--format", "xml", SEED], ["check", "--format", "JSON", SEED], ["check", "-f"], ["check", SEED, "-f"],
    ["check", "--format", "--strict", SEED], ["check", "--strict=yes", SEED], ["check", "--strict=", SEED],
    ["check", "--no-strict", SEED], ["check", "--stric", SEED], ["check", "--jobs", "0", SEED],
    ["check", "--jobs", "-1", SEED], ["check", "--jobs", "+2", SEED], ["check", "--jobs", " 2", SEED],
    ["check", "--jobs", "2_0", SEED], ["check", "--jobs", "٣", SEED], ["check", "--jobs", "two", SEED],
    ["check", "-f=json", SEED], ["check", "-fj", SEED], ["check", "-sf", "json", SEED], ["check", "-5", SEED],
    ["check", "---strict", SEED], ["check", "--debug", SEED],
    ["render"], ["render", SEED, "-o"], ["render", SEED, "-o", "-x"], ["render", SEED, "--to", "--quiet"],
    ["render", SEED, "--fragment=yes"], ["render", SEED, "--view", "Public"], ["render", SEED, "-qx"],
    ["render", SEED, "-Q"], ["render", SEED, "--quiet=1"], ["render", SEED, "--no-quiet"],
    ["fmt"], ["fmt", "--check=true", SEED], ["fmt", "--line-ends", "cr", SEED], ["fmt", "--bom", SEED],
    ["fmt", "-c", SEED],
    ["diff"], ["diff", SEED], ["diff", SEED, OTHER, SEED], ["diff", "--format", "xml", SEED, OTHER],
    ["diff", SEED, "--", OTHER, SEED],
    ["git-diff-driver"], ["git-diff-driver", "--help"],
]
"""Command lines the fast path leaves to typer: help, completion, the root's other options, other
commands, and every kind of mistake (typer's message and exit code are the only ones)."""


@pytest.mark.parametrize("argv", READ, ids=" ".join)
def test_the_fast_path_calls_the_body_as_typer_does(argv: list[str], recorded: Recorder) -> None:
    expected = recorded.typer(argv)
    assert expected is not None, "typer refuses this line: it belongs in DECLINED"
    assert typed(recorded.fast(argv)) == typed(expected)


@pytest.mark.parametrize("argv", DECLINED, ids=lambda argv: " ".join(argv) or "nothing")
def test_the_fast_path_leaves_the_rest_to_typer(argv: list[str], recorded: Recorder) -> None:
    assert recorded.fast(argv) is None


_WORDS = [
    SEED, OTHER, "-", "--", "samples/", "out/", "x.tex", "", "=", "json", "text", "xml", "auto", "never", "latex",
    "html,latex", "public", "internal", "fr", "0", "1", "2", "-1", "keep", "crlf", "add", "HEAD:" + SEED,
    "-h", "--help", "--debug", "--strict", "--no-strict", "--format", "-f", "-fjson", "--format=json", "--color",
    "--color=always", "--jobs", "-j", "-j2", "--jobs=1", "--to", "-t", "--to=latex", "-tlatex", "--output", "-o",
    "-o-", "-oout/", "-qo", "-q", "-qq", "--quiet", "--view", "--view=internal", "--language", "-l", "-lfr",
    "--templates", "--templates=templates", "--fragment", "--no-fragment", "--bilingual", "--no-bilingual",
    "--final", "--no-final", "--changes-since", "--check", "--diff", "--renumber", "--keep-withdrawn",
    "--line-ends", "--line-ends=lf", "--bom", "--bom=add", "-x", "--nope", "--strict=1", "-f=json",
]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the recorder serves every example
@given(command=st.sampled_from(sorted(BODIES)), words=st.lists(st.sampled_from(_WORDS), max_size=7),
       debug=st.booleans())
def test_any_command_line_is_read_as_typer_reads_it_or_left_to_typer(command: str, words: list[str],
                                                                     debug: bool, recorded: Recorder) -> None:
    argv = ["--debug"] * debug + [command, *words]
    read = recorded.fast(argv)
    if read is not None:
        assert typed(read) == typed(recorded.typer(argv))


@pytest.mark.parametrize("environ", [{"_AGENDA_COMPLETE": "bash_complete"},
                                     {"_PYTHON _M AGENDADSL_COMPLETE": "zsh_source"}])
def test_shell_completion_is_typer_s(environ: dict[str, str]) -> None:
    assert fast.read(["check", SEED], environ={}) is not None
    assert fast.read(["check", SEED], environ=environ) is None


def test_windows_wildcards_and_variables_are_typer_s_to_expand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast, "_WINDOWS", True)
    assert fast.read(["check", SEED], environ={}) is not None
    for word in ("samples/*.agenda", "~/a.agenda", "%HOME%/a.agenda", "$HOME/a.agenda", "a[1].agenda"):
        assert fast.read(["check", word], environ={}) is None


def test_an_existing_templates_folder_that_cannot_be_read_is_typer_s(monkeypatch: pytest.MonkeyPatch) -> None:
    """typer refuses an existing --templates path that is not readable (os.access: so even root sees it)."""
    argv = ["render", SEED, "--templates", "templates"]
    assert fast.read(argv, environ={}) is not None
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert fast.read(argv, environ={}) is None
    assert fast.read(["render", SEED, "--templates", "no/such/style"], environ={}) is not None


def test_a_description_older_than_the_body_leaves_the_run_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body that takes a parameter parameters.py does not give (a checkout not regenerated) is
    not called by the fast path: typer, which defines the command, calls it."""
    from agendadsl.cli import checking

    def check(files: list[str], output_format: Any, strict: bool, color: Any, jobs: int | None,
              new_option: bool = False) -> None:
        raise AssertionError("the fast path called a body it does not describe")

    monkeypatch.setattr(checking, "check", check)
    assert fast.read(["check", SEED], environ={}) is not None
    fast.run(["check", SEED])  # returns: typer's to run


# ---------------------------------------------------------------- real runs, both ways

def _run(argv: list[str], capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *,
         fast_path: bool, stdin: str = "") -> tuple[int, str, str]:
    """``agenda`` run in this process as the installed command runs it, with the fast path or not."""
    import io

    from agendadsl.cli import entry

    with monkeypatch.context() as patch:
        patch.chdir(ROOT)
        patch.setattr(sys, "argv", ["agenda", *argv])
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
        patch.setattr(sys, "stdout", sys.stdout)  # restored, should a closed pipe have wrapped it
        patch.setattr(sys, "stderr", sys.stderr)
        if not fast_path:
            patch.setattr(fast, "run", lambda argv: None)
        try:
            entry.main()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 0 if done.code is None else 1
        sys.stdout.flush()
        sys.stderr.flush()
    out, err = capfd.readouterr()
    return code, out, err


RUNS = [
    ["check", SEED], ["check", GAP], ["check", WARNED], ["check", "--strict", WARNED],
    ["check", "--format", "json", SEED, GAP], ["check", SEED, "no/such.agenda"], ["check", "samples/"],
    ["check", "-", "--color", "always"], ["check", "-j", "1", SEED, OTHER], ["check", "--", SEED],
    ["--debug", "check", SEED],
    ["render", SEED, "--to", "latex", "-o", "-"], ["render", SEED, "--to", "markdown,json", "-o", "{tmp}/out/"],
    ["render", SEED, "-qt", "html", "-o", "{tmp}/seed.html"], ["render", GAP, "-o", "-"],
    ["render", SEED, "--to", "json", "--fragment"], ["render", SEED, "--to", "nope"],
    ["render", SEED, "--view", "internal", "--language", "fr", "--to", "markdown", "-o", "-"],
    ["render", SEED, "--language", "xx"], ["render", SEED, "--final", "-o", "-"],
    ["render", SEED, "--changes-since", OTHER, "--to", "markdown", "-o", "-"],
    ["fmt", "--check", SEED], ["fmt", "--diff", "tests/data/fmt/messy.in.agenda"], ["fmt", "-"],
    ["fmt", "--check", "--line-ends", "crlf", "--bom", "add", SEED], ["fmt", "--check", GAP],
    ["diff", f"{DIFF}/old.agenda", f"{DIFF}/new.agenda"], ["diff", "-f", "json", f"{DIFF}/old.agenda", SEED],
    ["diff", "-l", "xx", SEED, SEED], ["diff", SEED, GAP],
    ["git-diff-driver", "a.agenda", f"{DIFF}/old.agenda", "0", "100644", f"{DIFF}/new.agenda", "0", "100644"],
    ["git-diff-driver", "a.agenda"],
    # typer's both ways: help and mistakes
    ["check", "--format", "xml", SEED], ["check"], ["render", SEED, "--bogus"], ["check", "--help"],
    ["diff", SEED], ["fmt", "--check=1", SEED],
]


@pytest.mark.parametrize("argv", RUNS, ids=" ".join)
def test_a_real_run_prints_and_exits_the_same_both_ways(argv: list[str], tmp_path: Path,
                                                        capfd: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    argv = [word.replace("{tmp}", str(tmp_path)) for word in argv]
    stdin = (SAMPLES / "lanzarote-2020-11-23.agenda").read_text(encoding="utf-8") if "-" in argv else ""
    through_typer = _run(argv, capfd, monkeypatch, fast_path=False, stdin=stdin)
    written = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    for path in tmp_path.rglob("*"):
        if path.is_file():
            path.unlink()
    assert _run(argv, capfd, monkeypatch, fast_path=True, stdin=stdin) == through_typer
    assert {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == written


def _raising(problem: BaseException):
    from agendadsl.cli import checking

    @functools.wraps(checking.check)
    def body(**arguments: Any) -> None:
        sys.stdout.write("before\n")
        raise problem
    return body


@pytest.mark.parametrize("problem", [
    KeyboardInterrupt(), EOFError(), BrokenPipeError(32, "Broken pipe"), SystemExit(3), SystemExit(0),
    RuntimeError("a bug"), OSError(5, "Input/output error"), None,  # None: an AgendaError
], ids=lambda p: type(p).__name__ if p is not None else "AgendaError")
def test_a_body_ends_the_same_both_ways(problem: BaseException | None, capfd: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the body raises, the run ends as typer's main ends it: Ctrl-C exit 130, end of input
    "Aborted!" and 1, a closed pipe 1, a bug one line and 70, a user's error one line and 2."""
    from agendadsl.cli import checking
    from agendadsl.language.diagnostics import AgendaError

    monkeypatch.setattr(checking, "check", _raising(problem if problem is not None else AgendaError("no way")))
    both = [_run(["check", SEED], capfd, monkeypatch, fast_path=way) for way in (False, True)]
    assert both[0] == both[1]
    assert both[0][0] == {KeyboardInterrupt: 130, EOFError: 1, BrokenPipeError: 1, SystemExit: problem.code
                          if isinstance(problem, SystemExit) else None, RuntimeError: 70, OSError: 70,
                          type(None): 2}[type(problem)]


# ---------------------------------------------------------------- what a cold run loads

_LOADED = ("import sys\nsys.argv = ['agenda', *sys.argv[1:]]\nfrom agendadsl.cli.entry import main\n"
           "try:\n    main()\nexcept SystemExit:\n    pass\n"
           "import json\nprint(json.dumps(sorted(sys.modules)))")


def _loaded(*argv: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _LOADED, *argv], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=False)
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    return [m for m in modules if m.split(".")[0] in ("typer", "click")]


@pytest.mark.parametrize("argv", [
    ["check", SEED], ["--debug", "check", "--format", "json", SEED], ["fmt", "--check", SEED],
    ["diff", f"{DIFF}/old.agenda", f"{DIFF}/new.agenda"], ["render", SEED, "--to", "markdown", "-o", "-"],
], ids=" ".join)
def test_a_cold_everyday_run_loads_neither_typer_nor_click(argv: list[str]) -> None:
    assert _loaded(*argv) == []


def test_help_still_comes_from_typer() -> None:
    assert "typer" in _loaded("check", "--help")  # the test above can see typer when it is there


# ---------------------------------------------------------------- the description is generated

def test_the_committed_description_is_the_generated_one() -> None:
    committed = (ROOT / "agendadsl" / "cli" / "parameters.py").read_text(encoding="utf-8")
    assert committed == describe.generated(), "run: python -m agendadsl.cli.describe"


def _counted(verbose: Annotated[int, typer.Option("-v", count=True)] = 0) -> None:
    """A command whose option counts how often it is given."""


def _with_variable(name: Annotated[str, typer.Option(envvar="AGENDA_NAME")] = "x") -> None:
    """A command whose option may come from the environment."""


def _params(definition: Any) -> list[Any]:
    from typer.main import get_command

    app = typer.Typer()
    app.command("one")(definition)
    app.command("two")(definition)
    return get_command(app).commands["one"].params  # type: ignore[attr-defined]


def _verbose_body(verbose: int) -> None:
    """The body of _counted."""


def test_the_description_refuses_what_the_fast_path_cannot_read() -> None:
    """A parameter of a kind fast.py does not read stops the generator with a message."""
    with pytest.raises(SystemExit, match=r"an option of a kind fast\.py does not read"):
        describe._level(_params(_counted), _counted, f"{__name__}:_verbose_body")


def _first_and_rest(first: str, rest: list[str]) -> None:
    """A command whose arguments are one word, then one or more."""


def test_the_description_refuses_arguments_the_fast_path_cannot_share_out() -> None:
    with pytest.raises(SystemExit, match=r"arguments of \[1, -1\] words"):
        describe._level(_params(_first_and_rest), _first_and_rest, f"{__name__}:_first_and_rest")


def _name_body(name: str) -> None:
    """The body of _with_variable."""


def test_an_option_typer_may_read_from_the_environment_is_left_to_typer_when_it_is_set() -> None:
    level = describe._level(_params(_with_variable), _with_variable, f"{__name__}:_name_body")
    assert level["environment"] == ["AGENDA_NAME"]
    with pytest.raises(fast._Declined):
        fast._read_level(level, [], {"AGENDA_NAME": "y"}, interspersed=True)
    assert fast._read_level(level, [], {}, interspersed=True) == ({"name": "x"}, [])
