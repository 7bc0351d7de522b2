"""The live preview's page: the agenda's HTML with the panel of live.html.j2 before ``</body>``."""

from __future__ import annotations

from pathlib import Path

from .environments import template


def preview_page(page: str, version: int, problems: str = "", templates: Path | None = None) -> str:
    """``page`` with the reload script, and the last save's ``problems`` shown over it when it had errors."""
    panel = template("html", "live.html.j2", templates).render(version=version, problems=problems)
    head, found, tail = page.rpartition("</body>")
    return head + panel + found + tail if found else page + panel
