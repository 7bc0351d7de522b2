"""PDF through LuaLaTeX, run for the user in a fresh temporary directory with no shell escape and
file access limited to that directory. Escaping in the LaTeX output stays the real defence:
under LuaLaTeX, ``\\directlua`` could read any file if user text ever reached TeX unescaped."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..language.diagnostics import AgendaError

ENGINE = "lualatex"
TIMEOUT_SECONDS = 300
INSTALL_HINT = ("install TeX Live with LuaLaTeX and the Noto fonts; on Debian or Ubuntu: "
                "sudo apt-get install texlive-luatex texlive-latex-recommended fonts-noto-core fonts-noto-cjk")


class MissingCharacter(AgendaError):
    """A character that none of the PDF's fonts has: the caller can point at it in the source."""

    def __init__(self, message: str, char: str) -> None:
        super().__init__(message)
        self.char = char


def engine() -> str:
    """The path of lualatex, or AgendaError saying how to install it."""
    path = shutil.which(ENGINE)
    if path is None:
        raise AgendaError(f"cannot make a PDF: {ENGINE} is not installed; {INSTALL_HINT}")
    return path


def compile_latex(source: str, *, epoch: int | None = None) -> bytes:
    """Typeset a LaTeX document and return the PDF's bytes; AgendaError in plain words on failure."""
    lualatex = engine()
    with tempfile.TemporaryDirectory(prefix="agenda-pdf-") as folder:
        work = Path(folder)
        # The PDF's /ID comes from the source, so the same agenda gives the same bytes.
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32].upper()
        (work / "agenda.tex").write_text(f"\\pdfvariable trailerid {{[<{digest}> <{digest}>]}}\n" + source,
                                         encoding="utf-8")
        command = [lualatex, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error",
                   "-file-line-error", "agenda.tex"]
        try:
            result = subprocess.run(command, cwd=work, env=tex_environment(epoch), stdin=subprocess.DEVNULL,
                                    capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise AgendaError(f"{ENGINE} did not finish within {TIMEOUT_SECONDS} s") from None
        pdf = work / "agenda.pdf"
        if result.returncode != 0 or not pdf.exists():
            # The folder and its log are removed on return: the message quotes what it needs. Some
            # errors (a line too long to read) go to the standard error only, not to the log.
            log_file = work / "agenda.log"
            log = log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""
            printed = [stream.decode("utf-8", "replace") for stream in (result.stderr, result.stdout)]
            message = f"{ENGINE} could not typeset the agenda: {explain(log, *printed)}"
            missing = _MISSING.search(log)
            if missing:
                raise MissingCharacter(message, missing.group(1))
            raise AgendaError(message)
        return pdf.read_bytes()


def tex_environment(epoch: int | None) -> dict[str, str]:
    """The environment LuaLaTeX runs in: no TEXMF overrides, files read and written only in its own
    folder, no shell escape, and with ``epoch`` a fixed date for reproducible PDFs."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEXMF")}
    # TEXINPUTS: this folder, then (the empty entry after the separator) TeX's own search path. The
    # separator is the system's: ':' would make Windows' TeX look in a folder named '.:' only.
    env.update({"openin_any": "p", "openout_any": "p", "shell_escape": "f", "TEXINPUTS": "." + os.pathsep,
                "max_print_line": "1000"})
    if epoch is not None:
        env.update({"SOURCE_DATE_EPOCH": str(epoch), "FORCE_SOURCE_DATE": "1"})
    return env


def explain(log: str, *printed: str) -> str:
    """The first TeX error of the log, or else of what TeX printed, in plain words where we know
    them, with the lines TeX gives as its context."""
    for text in (log, *printed):
        error = _error(text)
        if error:
            return error
    # No error line: the last lines printed are the details.
    last = printed[-1] if printed else log
    tail = " | ".join(line.strip() for line in last.strip().splitlines()[-3:] if line.strip())[-300:]
    return f"no PDF was produced; the end of the LaTeX log: {tail}" if tail else "no PDF was produced"


_MISSING = re.compile(r"Missing character: There is no (.) \(U\+([0-9A-F]+)\) in font ([^!\n]*)")


def _error(log: str) -> str | None:
    """The first TeX error in ``log``, in words, or None."""
    missing = _MISSING.search(log)
    if missing:
        char, code = missing.group(1), missing.group(2)
        return (f"the character {char} (U+{code}) is in none of the installed fonts; remove it from the agenda "
                "or install a font that has it (Debian: fonts-noto-extra, fonts-noto-cjk, fonts-noto-color-emoji)")
    font = re.search(r'The font "([^"]+)" cannot be found', log)
    if font:
        return f"the font {font.group(1)} is not installed; {INSTALL_HINT}"
    # An error line starts with '! ' (or 'agenda.tex:12: ' with -file-line-error), after any ')'
    # that closes a file TeX had opened on the same line.
    error = re.search(r"^(?:(?:\./)?agenda\.tex:(\d+): |\)*! )(.*)$", log, flags=re.MULTILINE)
    if error:
        message = error.group(2)
        line = f" (line {error.group(1)} of the generated LaTeX)" if error.group(1) else ""
        if message.strip().startswith("==> Fatal error"):  # the error itself (a Lua one) came before
            before = [text.strip() for text in log[:error.start()].splitlines()[-30:]]
            context = max((i for i, text in enumerate(before) if re.match(r"l\.\d+ ", text)), default=len(before))
            quoted = " | ".join(text[:160] for text in before[max(0, context - 1):context + 1] if text)
            return f"no PDF was produced{line}; the LaTeX log says: {quoted}"
        if "File `" in message and "not found" in message:
            package = re.search(r"File `([^']+)'", message)
            return f"the LaTeX package {package.group(1) if package else ''} is missing; {INSTALL_HINT}"
        return message.strip() + line + _context(log[error.end():])
    return None


def _context(after: str) -> str:
    """What TeX prints after an error line, up to the input line it stopped in ('l.12 ...'), cut
    and joined: the message must stand alone, as the log is removed with its folder."""
    lines: list[str] = []
    for raw in after.splitlines()[1:8]:
        text = raw.strip()
        if text:
            lines.append(text if len(text) <= 160 else text[:160] + "…")
        if re.match(r"l\.\d+ ", text):
            break
    return "; the LaTeX log says: " + " | ".join(lines) if lines else ""
