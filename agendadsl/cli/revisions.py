"""Reading an agenda from a file or from git (``HEAD~1:agendas/board.agenda``).

On Windows a path has a drive (``C:\\agendas\\board.agenda``) and backslashes: a drive is never
read as a revision, and the backslashes of a ``REVISION:PATH`` become the slashes git wants."""

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
    if spec == "-" or os.path.exists(spec) or is_drive_path(spec):
        return decode(read_bytes(spec), spec)
    if ":" not in spec:
        git = shutil.which("git")
        known = git and subprocess.run([git, "rev-parse", "--verify", "--quiet", "--end-of-options", spec],
                                       capture_output=True, check=False).returncode == 0
        if known:
            raise AgendaError(f"{spec}: is a git revision, not a file; name the file in it too, "
                              f"for example {spec}:board.agenda")
        return decode(read_bytes(spec), spec)
    git = shutil.which("git")
    if git is None:
        raise AgendaError(f"{spec}: no such file, and git is not installed to read it as REVISION:PATH")
    revision, _, path = spec.partition(":")
    if revision.startswith("-"):  # '--output=FILE:x' would be an option of git show, writing FILE
        raise AgendaError(f"{spec}: no such file, and '{revision}' cannot be a git revision (it starts with '-'); "
                          f"to name a file whose name starts with '-', write ./{spec}")
    path = git_path(path)
    if path and not path.startswith(("/", "./")) and not path.startswith(".."):
        # git show REV:PATH takes PATH from the repository root; accept paths from here too.
        prefix = subprocess.run([git, "rev-parse", "--show-prefix"], capture_output=True, text=True,
                                check=False).stdout.strip()
        path = prefix + path if prefix and not path.startswith(prefix) else path
    result = subprocess.run([git, "show", "--end-of-options", f"{revision}:{path.removeprefix('./')}"],
                            capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AgendaError(f"{spec}: {message[-1] if message else 'not found in git'}")
    return decode(result.stdout, spec)


def is_drive_path(spec: str) -> bool:
    """Whether ``spec`` starts with a Windows drive (``C:\\``, ``d:/``): a file, whatever the
    platform, since a one-letter revision followed by an absolute path is not something git reads."""
    return len(spec) > 2 and spec[0].isascii() and spec[0].isalpha() and spec[1] == ":" and spec[2] in "\\/"


def git_path(path: str, *, windows: bool | None = None) -> str:
    """The path part of ``REVISION:PATH`` as git reads it: with ``/`` only. On Windows a ``\\`` is a
    folder separator (as in the path just typed); elsewhere it is a character of a file's name."""
    if windows is None:
        windows = os.sep == "\\"
    return path.replace("\\", "/") if windows else path
