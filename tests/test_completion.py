"""Shell completion (--install-completion): the installed `agenda` command completes its commands
and options when the shell asks, as bash does through its completion variables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

AGENDA = Path(sys.executable).parent / "agenda"


def complete(words: str) -> list[str]:
    parts = words.split(" ")
    env = {**os.environ, "_AGENDA_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    result = subprocess.run([str(AGENDA)], env=env, capture_output=True, text=True, timeout=60)
    return result.stdout.split()


def test_the_shell_completes_commands_and_options() -> None:
    assert complete("agenda re") == ["render"]
    assert "--language" in complete("agenda render --la")
    assert complete("agenda render --view i") == ["internal"]


def test_the_completion_script_is_shown_for_a_shell() -> None:
    # Typer names the shell it is run from (shellingham reads the parent processes), so run it
    # from bash as a user does: under a test runner started without a shell it finds none.
    run = subprocess.run(["bash", "-c", f"'{AGENDA}' --show-completion"], capture_output=True, text=True,
                         timeout=60)
    assert "_AGENDA_COMPLETE=complete_bash" in run.stdout, (run.returncode, run.stderr)
