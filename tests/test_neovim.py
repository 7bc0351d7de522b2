"""A real editor: Neovim headless (Debian's), configured as docs/editors.md says for its version
(tests/data/neovim/init.lua), attaches `agenda lsp` to a *.agenda file with an error and reads
the diagnostic back from the editor."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import DATA, ROOT, need


def test_neovim_shows_the_servers_diagnostic(tmp_path) -> None:
    nvim = need("nvim")
    (tmp_path / "board.agenda").write_text("1. Opening\n3. Close\n", encoding="utf-8")
    out = tmp_path / "diagnostics.txt"
    env = {**os.environ, "AGENDA_LSP_PYTHON": sys.executable, "AGENDA_NVIM_OUT": str(out),
           "PYTHONPATH": str(ROOT), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    subprocess.run([nvim, "--headless", "-n", "-i", "NONE", "-u", str(DATA / "neovim" / "init.lua"),
                    "-c", "lua AgendaReport()", "board.agenda"],
                   cwd=tmp_path, env=env, timeout=60, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    assert out.read_text(encoding="utf-8").splitlines() == ["numbering-gap 2"]
