"""Reading inputs and writing outputs: the only module that touches the file system for users.

Reads give a SourceFile or diagnostics; writes are atomic (a temporary file in the same folder,
then a rename), so a failed run never leaves a half-written file behind, and the next run removes
the temporary file of one that was killed.
"""

from __future__ import annotations

import itertools
import os
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from ..language.diagnostics import AgendaError, Diagnostic
from ..language.source import MAX_FILE_BYTES, SourceFile, decode


def expand(paths: list[str]) -> list[str]:
    """A folder stands for the ``*.agenda`` files directly in it, sorted (not those of its subfolders,
    so that ``samples/`` does not take in the broken reproducers of ``samples/invalid/``)."""
    out: list[str] = []
    for path in paths:
        folder = Path(path)
        if path != "-" and folder.is_dir():
            found = [str(p) for p in sorted(folder.glob("*.agenda")) if p.is_file()]
            if not found:
                raise AgendaError(f"{path}: a folder with no .agenda file in it")
            out.extend(found)
        else:
            out.append(path)
    return out


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-`` is standard input); AgendaError when it cannot be read."""
    try:
        if path == "-":
            return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        with open(path, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AgendaError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AgendaError(f"{path}: is a directory, not an agenda file") from None
    except PermissionError:
        raise AgendaError(f"{path}: permission denied") from None
    except OSError as problem:
        raise AgendaError(f"{path}: cannot read: {problem.strerror or problem}") from None


def read_source(path: str) -> tuple[SourceFile | None, list[Diagnostic]]:
    """Read and decode one input; encoding problems come back as diagnostics, I/O failures raise."""
    return decode(read_bytes(path), path, file_size(path))


def file_size(path: str) -> int | None:
    """The size of the file ``path`` when it can be known (not for standard input)."""
    if path == "-":
        return None
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def write_atomic(path: str | Path, data: bytes | Iterable[bytes], *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` (bytes, or chunks written as they come) all at once; the old
    file stays intact if anything fails, making the chunks included. A symbolic link is kept: the
    file it points to is replaced.

    ``durable``: the data is on the disk (fsync) before the new file takes the old one's place, so
    that a power failure cannot leave an empty file where the writer's own was: for files only the
    writer has (``agenda fmt``, ``agenda new``). Renders are only renamed into place, as compilers
    and pandoc write their outputs: readers still never see half a file, and a flush to the disk
    for each output serialised the workers rendering an archive (200 agendas on two cores: no
    faster than one, docs/performance.md)."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    _remove_stale(folder)
    import tempfile  # here: `agenda check` writes nothing and need not load it

    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.{_UNFINISHED}-{os.getpid()}-", suffix=".tmp",
                                             dir=folder)
    except OSError as problem:
        raise AgendaError(f"{target}: cannot write: {problem.strerror or problem}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in [data] if isinstance(data, bytes) else data:
                stream.write(chunk)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        _replace(temporary, target)
    except OSError as problem:
        Path(temporary).unlink(missing_ok=True)
        raise AgendaError(f"{target}: cannot write: {problem.strerror or problem}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


UNCHANGED_LIMIT = 1 << 24
"""Outputs up to this size (16 MiB) are compared with the file they would replace."""


def write_output(path: str | Path, chunks: Iterable[bytes]) -> bool:
    """Write a render's ``chunks`` to ``path`` as write_atomic does (not ``durable``: the next
    render makes it again), unless ``path`` already holds exactly these bytes: then it is left as
    it is, its time stamp too, so that make, file watchers and open viewers see no change; False.

    The chunks are compared as they come and held only while they match the old bytes; at the
    first difference they are written out, the rest streamed after them. Replacing files that did
    not change was also what kept a second core from speeding up the render of an archive here
    (docs/performance.md)."""
    old = _contents(path)
    if old is None:
        write_atomic(path, chunks, durable=False)
        return True
    view = memoryview(old)
    held: list[bytes] = []
    offset = 0
    rest = iter(chunks)
    for chunk in rest:
        if view[offset:offset + len(chunk)] != chunk:
            write_atomic(path, itertools.chain(held, (chunk,), rest), durable=False)
            return True
        held.append(chunk)
        offset += len(chunk)
    if offset == len(old):
        return False
    write_atomic(path, held, durable=False)
    return True


def _contents(path: str | Path) -> bytes | None:
    """The bytes of the regular file ``path`` (through a link), or None: none there, unreadable, or
    larger than UNCHANGED_LIMIT."""
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > UNCHANGED_LIMIT:
                return None
            return stream.read(UNCHANGED_LIMIT + 1)
    except OSError:
        return None


WINDOWS = os.name == "nt"
"""Windows refuses to replace a file that another program holds open (a PDF viewer, Word, a virus
scanner reading the new file), where POSIX systems simply replace it."""


def _replace(temporary: str, target: Path) -> None:
    """``os.replace``; on Windows, retried for a moment while another program holds the file, then
    refused with a message that says so."""
    for attempt in range(10 if WINDOWS else 1):
        try:
            os.replace(temporary, target)
            return
        except PermissionError:
            if not WINDOWS:
                raise
            if attempt == 9:
                raise PermissionError("it is open in another program; close it there and run again") from None
            time.sleep(0.05 * (attempt + 1))


_UNFINISHED = "agenda-unfinished"
"""In the name of a temporary file (``.out.html.agenda-unfinished-PID-XXXXXXXX.tmp``): what it is, and
which process writes it, so that the next run can remove what a killed one left."""


_SWEPT: set[str] = set()
"""The folders this process has cleaned of what killed runs left."""


def _remove_stale(folder: Path) -> None:
    """Remove the temporary files that runs killed while writing left in ``folder`` (those of a
    process still running are being written, and stay). Once per folder and process: listing the
    folder again for each file written made writing an archive of outputs into one folder
    quadratic (0.2 ms a file at 200 files, 2 ms at 2,000)."""
    key = os.path.abspath(folder)
    if key in _SWEPT:
        return
    _SWEPT.add(key)
    marker = f".{_UNFINISHED}-"
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name[:1] == "." and e.name.endswith(".tmp") and marker in e.name]
    except OSError:
        return
    for name in names:
        pid = name.rpartition(marker)[2].partition("-")[0]
        temporary = folder / name
        if pid.isdigit() and not _running(int(pid), temporary):
            temporary.unlink(missing_ok=True)


def _running(pid: int, temporary: Path) -> bool:
    """Whether process ``pid`` may still be writing ``temporary``."""
    if WINDOWS:  # os.kill would end the process there: a day without a change means it is gone
        try:
            return time.time() - temporary.stat().st_mtime < 86_400
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
