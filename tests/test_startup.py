"""What a command loads, and how it ends: each command imports what it needs and no more (start-up
is most of a small agenda's time, docs/performance.md), builds only its own typer command, and
leaves every output complete when it skips the interpreter's teardown.

These are behaviour tests, not timings: they read ``sys.modules`` in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "lanzarote-2020-11-23.agenda"

# Runs the command in this process as the installed script does, then prints what it loaded.
_LOADED = ("import sys\nsys.argv = ['agenda', *sys.argv[1:]]\nfrom agendadsl.cli.entry import main\n"
           "try:\n    main()\nexcept SystemExit:\n    pass\n"
           "names = sorted(sys.modules)\nimport json\nprint(json.dumps(names))")

NEVER_FOR_CHECKING = (
    "jinja2", "babel", "rapidfuzz", "icalendar", "docx", "pygls", "lsprotocol", "pygments", "watchfiles",
    "agendadsl.render", "agendadsl.edit", "agendadsl.lsp",
    "agendadsl.cli.render", "agendadsl.cli.fmt", "agendadsl.cli.diff", "agendadsl.cli.serve",
    "agendadsl.cli.watch", "agendadsl.cli.new", "agendadsl.cli.language_server",
    "agendadsl.cli.rendering", "agendadsl.cli.formatting", "agendadsl.cli.diffing",
    "json", "multiprocessing", "concurrent.futures",
)
"""What ``agenda check`` of one ordinary agenda must not load: the renderers and the editor server,
the other commands (their typer definitions and their bodies), the "did you mean" matcher (no
label is misspelt), Babel (its month names come from the cache once a first run has made it), JSON
(text output) and the worker pool (one file)."""


def loaded(*args: str, cache: Path) -> set[str]:
    env = os.environ | {"AGENDA_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", _LOADED, *args], capture_output=True, text=True, cwd=ROOT,
                            env=env, timeout=120, check=False)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def found(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache made by one run, as every run after the first finds it."""
    folder = tmp_path_factory.mktemp("cache")
    folder.chmod(0o700)
    loaded("render", str(SEED), "--to", "latex", "-o", str(folder / "seed.tex"), cache=folder)
    return folder


def test_check_loads_neither_renderers_nor_other_commands(cache: Path) -> None:
    modules = loaded("check", str(SEED), cache=cache)
    assert "agendadsl.checks" in modules and "lark" in modules  # the test sees a real check
    assert found(modules, NEVER_FOR_CHECKING) == []


def test_fmt_check_loads_no_renderer(cache: Path) -> None:
    modules = loaded("fmt", "--check", str(SEED), cache=cache)
    assert "agendadsl.edit.formatter" in modules
    assert found(modules, ("jinja2", "babel", "icalendar", "agendadsl.render", "agendadsl.cli.render",
                           "agendadsl.cli.check", "agendadsl.cli.rendering", "agendadsl.cli.checking",
                           "pygls")) == []


def test_render_latex_loads_no_other_format(cache: Path, tmp_path: Path) -> None:
    modules = loaded("render", str(SEED), "--to", "latex", "-o", str(tmp_path / "seed.tex"), cache=cache)
    assert "jinja2" in modules
    assert found(modules, ("icalendar", "docx", "agendadsl.render.ics", "agendadsl.render.docx",
                           "agendadsl.cli.fmt", "agendadsl.cli.check", "agendadsl.cli.formatting",
                           "agendadsl.cli.checking", "pygls")) == []


def test_a_command_built_alone_has_the_help_it_has_among_all() -> None:
    """Running one command builds only its typer command; its options and help are the same."""
    from typer.main import get_command

    from agendadsl.cli.app import COMMANDS, build

    every = get_command(build())
    for name in COMMANDS:
        alone = get_command(build(name))
        assert list(alone.commands) == [name]  # type: ignore[attr-defined]
        context = every.make_context("agenda", [name, "--help"], resilient_parsing=True)
        whole = every.commands[name]  # type: ignore[attr-defined]
        single = alone.commands[name]  # type: ignore[attr-defined]
        assert single.get_help(context) == whole.get_help(context)
        assert [p.opts for p in single.params] == [p.opts for p in whole.params]


@pytest.mark.parametrize(("argv", "expected"), [
    (["check", "a.agenda"], "check"),
    (["--debug", "render", "a.agenda"], "render"),
    (["git-diff-driver"], "git-diff-driver"),
    (["--help"], None), (["-h", "check"], None),  # the app's help lists every command
    (["chek", "a.agenda"], None),  # a misspelt command gets click's "did you mean" among all
    ([], None),
])
def test_the_command_run_is_the_first_word(argv: list[str], expected: str | None) -> None:
    from agendadsl.cli.app import command_run

    assert command_run(argv) == expected


def test_the_installed_command_ends_with_every_output_written(tmp_path: Path) -> None:
    """The fast exit comes after the files are renamed into place and the streams flushed: a large
    render's output and the listing of what was written are complete."""
    source = tmp_path / "big.agenda"
    source.write_text("title: Big\ndate: 1 March 2026\n\n" + "".join(f"{n}. Item {n}\n" for n in range(1, 3001)),
                      encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "agendadsl", "render", str(source), "--to", "html,latex,json",
                             "-o", f"{out}/"], capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"wrote {out / ('big' + ext)}" for ext in (".html", ".tex", ".json")]
    assert (out / "big.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert (out / "big.tex").read_text(encoding="utf-8").rstrip().endswith("\\end{document}")
    assert json.loads((out / "big.json").read_text(encoding="utf-8"))["items"][-1]["title"] == "Item 3000"
    assert sorted(p.name for p in out.iterdir()) == ["big.html", "big.json", "big.tex"]  # no temporary left
