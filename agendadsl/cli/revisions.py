"""Reading an agenda from a file or from git (``HEAD~1:agendas/board.agenda``)."""

from __future__ import annotations

import os
import shutil
import subprocess

from ..language.diagnostics import AgendaError
from ..language.source import SourceFile, decode
from .files import read_bytes


def read_version(spec: str) -> tuple[SourceFile | None, list]:
    """The source named by ``spec``: a file path, ``-``, or ``REVISION:PATH`` in the current git
    repository when no such file exists."""
    if spec == "-" or os.path.exists(spec):
        return decode(read_bytes(spec), spec)
    if ":" not in spec:
        git = shutil.which("git")
        known = git and subprocess.run([git, "rev-parse", "--verify", "--quiet", spec], capture_output=True,
                                       check=False).returncode == 0
        if known:
            raise AgendaError(f"{spec}: is a git revision, not a file; name the file in it too, "
                              f"for example {spec}:board.agenda")
        return decode(read_bytes(spec), spec)
    git = shutil.which("git")
    if git is None:
        raise AgendaError(f"{spec}: no such file, and git is not installed to read it as REVISION:PATH")
    revision, _, path = spec.partition(":")
    if path and not path.startswith(("/", "./")) and not path.startswith(".."):
        # git show REV:PATH takes PATH from the repository root; accept paths from here too.
        prefix = subprocess.run([git, "rev-parse", "--show-prefix"], capture_output=True, text=True,
                                check=False).stdout.strip()
        path = prefix + path if prefix and not path.startswith(prefix) else path
    result = subprocess.run([git, "show", f"{revision}:{path.removeprefix('./')}"], capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AgendaError(f"{spec}: {message[-1] if message else 'not found in git'}")
    return decode(result.stdout, spec)
