"""Coverage-guided fuzzing of the whole pipeline with atheris.

    mkdir -p /tmp/agenda-fuzz && python fuzz/fuzz_agenda.py /tmp/agenda-fuzz fuzz/corpus -max_total_time=60

(the first folder receives the inputs atheris finds; fuzz/corpus, the seed inputs, stays as it is).

Any bytes go in: decoding, parsing, checking, and for agendas without errors formatting (with
its own proofs) and rendering to every text format. The only acceptable outcomes are values
and the project's own errors; anything else is a crash, which atheris reports with the input
that caused it (save it as a regression test in tests/data/fuzz/).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from agendadsl import analyse
    from agendadsl.language.diagnostics import AgendaError
    from agendadsl.edit.formatter import FormatError, format_agenda
    from agendadsl.render import render_text
    from agendadsl.language.source import decode


def one_input(data: bytes) -> None:
    source, diagnostics = decode(data, "fuzz")
    if source is None:
        assert diagnostics
        return
    agenda, diagnostics = analyse(source)
    if agenda is None or any(d.is_error for d in diagnostics):
        return
    try:
        format_agenda(agenda, source.text)
    except FormatError as problem:  # the printer could not prove itself: a bug worth a test
        raise AssertionError(f"formatter guard failed: {problem}") from None
    for fmt in ("html", "latex", "markdown", "json", "ics"):
        try:
            render_text(agenda, fmt)
        except AgendaError:
            pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
