"""Where rendered outputs go: one file per input and format, named after the input, in a folder;
or one named file; or standard output. Decided before anything is rendered, so a bad
combination of options fails before any work is done."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..language.diagnostics import AgendaError
from ..render import BINARY_FORMATS, EXTENSIONS, FORMATS

_SUFFIXES = {"html": (".html", ".htm"), "latex": (".tex", ".latex"), "markdown": (".md", ".markdown"),
             "json": (".json",), "ics": (".ics", ".ical"), "pdf": (".pdf",), "docx": (".docx",)}
_KINDS = {"pdf": "a PDF", "docx": "a Word document"}


@dataclass(frozen=True)
class Target:
    """Render ``source`` to ``fmt`` and write it to ``path`` (None: standard output)."""

    source: str
    fmt: str
    path: Path | None


def parse_formats(text: str) -> list[str]:
    """``html,latex`` -> [html, latex]; AgendaError for an unknown format."""
    formats = []
    aliases = {"tex": "latex", "md": "markdown", "ical": "ics", "icalendar": "ics"}
    for written in (part.strip().lower() for part in text.split(",")):
        word = aliases.get(written, written)
        if word not in FORMATS:
            raise AgendaError(f"unknown format {word!r}; choose from {', '.join(FORMATS)}")
        if word not in formats:
            formats.append(word)
    if not formats:
        raise AgendaError("--to needs at least one format")
    return formats


def plan(sources: list[str], formats: list[str], output: str | None) -> list[Target]:
    """Every (input, format, destination) to produce."""
    single = len(sources) == 1 and len(formats) == 1
    if output is None or output == "-":
        if not single and output == "-":
            raise AgendaError("only one input in one format can go to standard output; use -o DIR")
        if not single:
            raise AgendaError("several inputs or formats need an output folder: add -o DIR")
        if formats[0] in BINARY_FORMATS and output is None:
            fmt = formats[0]
            raise AgendaError(f"{_KINDS[fmt]} is not written to the terminal: add -o FILE{EXTENSIONS[fmt]} or -o DIR "
                              "(or -o - to pipe it)")
        return [Target(sources[0], formats[0], None)]
    path = Path(output)
    folder = path.is_dir() or output.endswith(("/", "\\"))
    if not folder and path.suffix:
        if not single:
            raise AgendaError(f"{output} names a file, but several outputs need a folder: write -o "
                              f"{path.parent / path.stem}/ (with the slash)")
        if path.suffix.lower() not in _SUFFIXES[formats[0]]:
            raise AgendaError(f"{output} does not end in {EXTENSIONS[formats[0]]}, the extension of {formats[0]}; "
                              "choose a matching name or another --to")
    if not folder and not single:  # "-o published": a folder, or a file without its extension?
        raise AgendaError(f"several outputs need a folder: write -o {output}/ (with the slash), or give one "
                          "input and one format for a file")
    if folder or not single:
        if path.exists() and not path.is_dir():
            raise AgendaError(f"{output} is a file; several outputs need a folder")
        targets = []
        for source in sources:
            stem = "stdin" if source == "-" else Path(source).stem
            for fmt in formats:
                targets.append(Target(source, fmt, path / f"{stem}{EXTENSIONS[fmt]}"))
        names = [t.path for t in targets]
        if len(set(names)) != len(names):
            raise AgendaError("two inputs have the same name; render them into different folders")
        return targets
    return [Target(sources[0], formats[0], path)]
