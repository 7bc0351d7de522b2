"""The VS Code extension (editors/vscode/): its TextMate grammar is the one generate_grammar.py
writes from agendadsl's own definitions; VS Code's own tokenizer (vscode-textmate on
vscode-oniguruma, under node) colours every sample as its reviewed golden scope file says; on the
samples that parse, it colours the numbers, markers, attribute and field names, values, document
references, labels, cross-references and comments exactly where the Pygments lexer and the
language server do (checks.highlights); the folder packs into a .vsix with @vscode/vsce; and the
client starts the command its setting names (with stand-ins for VS Code, which does not run here).

The node packages are the extension's dev dependencies (``npm ci --prefix editors/vscode``): without
node or them the tests skip, and fail under AGENDA_REQUIRE_TOOLS=1 (CI).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from conftest import DATA, REQUIRE_TOOLS, ROOT, SAMPLES, need

from agendadsl.checks.highlights import highlights

EXTENSION = ROOT / "editors" / "vscode"
GOLDENS = DATA / "textmate"
ALL_SAMPLES = sorted([*SAMPLES.glob("*.agenda"), *(SAMPLES / "real").glob("*.agenda"),
                      *(SAMPLES / "invalid").glob("*.agenda")])
COMPARED = ("number", "marker", "attribute", "field", "value", "docref", "label", "xref", "comment")
"""The kinds both tokenizers know from the text alone (dates and times need language.when)."""


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_grammar", EXTENSION / "generate_grammar.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _node_packages() -> None:
    """Node and the extension's installed dev dependencies, or skip (fail in CI)."""
    need("node")
    if not (EXTENSION / "node_modules" / "vscode-textmate").is_dir():
        message = "editors/vscode/node_modules is missing: run npm ci --prefix editors/vscode"
        if REQUIRE_TOOLS:
            pytest.fail(message)
        pytest.skip(message)


def _tokenize(paths: list[Path]) -> dict[Path, list[tuple[int, int, int, list[str]]]]:
    """Files tokenized in one node process: (0-based line, UTF-16 start, end, scopes) each."""
    _node_packages()
    run = subprocess.run(["node", str(EXTENSION / "test" / "tokenize.js"), *map(str, paths)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return {Path(name): [tuple(token) for token in tokens] for name, tokens in json.loads(run.stdout).items()}


@pytest.fixture(scope="module")
def scopes() -> dict[Path, list[tuple[int, int, int, list[str]]]]:
    return _tokenize(ALL_SAMPLES)


def _columns(line: str) -> list[int]:
    """For each UTF-16 offset in ``line`` (and its end), the 1-based code point column."""
    columns = []
    for index, char in enumerate(line):
        columns += [index + 1] * (2 if ord(char) > 0xFFFF else 1)
    return [*columns, len(line) + 1]


def _lines(path: Path) -> list[str]:
    """The lines as agendadsl and tokenize.js split them: at CR LF, CR and LF only (splitlines()
    would split at a form feed or U+2028 too)."""
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return re.split(r"\r\n|\r|\n", handle.read().removeprefix("\ufeff"))


def _scoped(path: Path, tokens: list[tuple[int, int, int, list[str]]]) -> list[tuple[int, int, int, list[str], str]]:
    """The tokens with a scope beyond the file's, as (line, column, end column, scopes, text), 1-based."""
    lines = _lines(path)
    found = []
    for line, start, end, names in tokens:
        inner = [name for name in names if name != "source.agenda"]
        if inner:
            columns = _columns(lines[line])
            text = lines[line][columns[start] - 1:columns[end] - 1]
            found.append((line + 1, columns[start], columns[end], inner, text))
    return found


def test_the_committed_grammar_is_the_generated_one() -> None:
    """editors/vscode/generate_grammar.py rewrites it after a change to the grammar."""
    generator = _generator()
    assert generator.OUTPUT.read_text(encoding="utf-8") == generator.render(), \
        "run .venv/bin/python editors/vscode/generate_grammar.py"


def test_the_generated_grammar_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Lark keeps a terminal's flags in a set: analysed afresh (no cache) under another hash seed,
    the grammar must still give the same file, or the test above fails by chance."""
    script = ("import sys; sys.path.insert(0, 'editors/vscode'); import generate_grammar; "
              "sys.stdout.write(generate_grammar.render())")
    outputs = set()
    for seed in ("0", "1", "2", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / seed)}
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda path: str(path.relative_to(SAMPLES)))
def test_the_scopes_of_every_sample(path: Path, scopes, golden) -> None:
    """Each scoped piece, one a line: line:column-end, its scopes (outermost first), its text."""
    dump = [f"{line}:{start}-{end}  {' '.join(names)}  {text!r}"
            for line, start, end, names, text in _scoped(path, scopes[path])]
    relative = path.relative_to(SAMPLES).with_suffix(".scopes")
    (GOLDENS / relative).parent.mkdir(parents=True, exist_ok=True)
    golden(GOLDENS / relative, "\n".join(dump) + "\n")


def test_line_ends_a_byte_order_mark_and_characters_outside_the_bmp_keep_every_scope_in_place(tmp_path: Path) -> None:
    """CR LF and CR end lines, U+2028 does not; an emoji counts two UTF-16 units in VS Code and one
    column here."""
    path = tmp_path / "ends.agenda"
    path.write_bytes("\ufeffkind: virtual\r\n\r\n1. 🎉 Opening \u2028 {#open}\r2. Close, see {open}\n".encode())
    tokens = _tokenize([path])[path]
    found = [(line, start, end, names[-1], text) for line, start, end, names, text in _scoped(path, tokens)]
    kinds = _generator().SCOPES
    assert found == [
        (1, 1, 5, kinds["field"], "kind"), (1, 5, 6, kinds["separator"], ":"), (1, 7, 14, kinds["value"], "virtual"),
        (3, 1, 3, kinds["number"], "1."), (3, 16, 23, kinds["label"], "{#open}"),
        (4, 1, 3, kinds["number"], "2."), (4, 15, 21, kinds["xref"], "{open}")]


READABLE = [path for path in ALL_SAMPLES if path.name != "invalid-utf8.agenda"]


@pytest.mark.parametrize("path", READABLE, ids=lambda path: str(path.relative_to(SAMPLES)))
def test_textmate_and_pygments_agree_on_what_each_piece_is(path: Path, scopes) -> None:
    """Every piece the Pygments lexer colours, TextMate scopes as the same kind, and on the samples
    that are valid, nothing else. In samples/invalid/ TextMate colours more: the lines after the one
    that does not parse (where the Pygments lexer stops) and labels that the checks reject."""
    kinds = {scope: kind for kind, scope in _generator().SCOPES.items() if kind in COMPARED}
    lines = _lines(path)
    textmate = {(line, start, end, kinds[names[-1]]) for line, start, end, names, _text in _scoped(path, scopes[path])
                if names[-1] in kinds}
    ours = {(span.line, span.column, span.end_column, kind.value)
            for span, kind in highlights(path.read_text(encoding="utf-8")) if kind.value in COMPARED}

    def show(pieces: set[tuple[int, int, int, str]]) -> list[str]:
        return [f"{line}:{start} {kind} {lines[line - 1][start - 1:end - 1]!r}"
                for line, start, end, kind in sorted(pieces)]

    assert show(ours - textmate) == [], "TextMate scopes these otherwise"
    if path.parent != SAMPLES / "invalid":
        assert show(textmate - ours) == [], "only TextMate scopes these"


def test_the_extension_packs_with_its_grammar_configuration_and_manifest(tmp_path: Path) -> None:
    _node_packages()
    script = str(EXTENSION / "extension.js")
    check = subprocess.run(["node", "--check", script], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    vsix = tmp_path / "agendadsl.vsix"
    vsce = EXTENSION / "node_modules" / ".bin" / "vsce"
    run = subprocess.run([str(vsce), "package", "--allow-missing-repository", "--out", str(vsix)], cwd=EXTENSION,
                         capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    with zipfile.ZipFile(vsix) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("extension/package.json"))
    assert {"extension/package.json", "extension/syntaxes/agenda.tmLanguage.json",
            "extension/language-configuration.json", "extension/extension.js", "extension/LICENSE.txt",
            "extension/node_modules/vscode-languageclient/package.json"} <= names, sorted(names)
    # Neither the generator, the tests nor the dev dependencies ship.
    assert not [name for name in names if "generate_grammar" in name or "/test/" in name or "vscode-textmate" in name]
    assert manifest["contributes"]["languages"][0] == {
        "id": "agenda", "aliases": ["Agenda", "agendadsl"], "extensions": [".agenda"],
        "configuration": "./language-configuration.json"}
    assert manifest["contributes"]["grammars"][0]["path"] == "./syntaxes/agenda.tmLanguage.json"
    assert manifest["contributes"]["configuration"]["properties"]["agendadsl.command"]["default"] == ["agenda", "lsp"]


def _activate(command: list[str], outcome: str) -> dict:
    """extension.js activated and deactivated with stand-ins for VS Code and its client library."""
    _node_packages()
    run = subprocess.run(["node", str(EXTENSION / "test" / "client.js"), json.dumps(command), outcome],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_client_starts_the_command_the_setting_names_for_agenda_documents() -> None:
    seen = _activate(["/home/me/agendas/.venv/bin/agenda", "lsp"], "ok")
    assert seen["read"] == "agendadsl.command"
    assert seen["server"] == {"command": "/home/me/agendas/.venv/bin/agenda", "args": ["lsp"]}
    assert seen["selector"] == [{"language": "agenda"}]
    assert seen["errors"] == [] and seen["stopped"] and seen["subscriptions"] == 1


def test_a_command_that_does_not_start_is_named_with_what_to_do() -> None:
    (message,) = _activate(["agenda", "lsp"], "fail")["errors"]
    assert '"agenda lsp"' in message and "ENOENT" in message and "agendadsl.command" in message
