"""The docs as HTML pages, their ```agenda``` examples coloured by agendadsl's Pygments lexer: what
Sphinx, MkDocs or GitLab show once agendadsl is installed beside them.

    python docs/highlight.py [OUT]      # docs/*.md to OUT/*.html (default: build/docs)

Needs markdown-it-py (a test dependency). An example that is wrong on purpose (docs/diagnostics.md)
is coloured up to its bad line and plain from there on.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

DOCS = Path(__file__).resolve().parent
FORMATTER = HtmlFormatter(nowrap=True)  # markdown-it wraps each block in <pre><code class="language-…">


def coloured(code: str, language: str, _attrs: str) -> str:
    """A fenced block as Pygments colours it; blocks in languages Pygments does not know stay plain."""
    try:
        lexer = get_lexer_by_name(language) if language else None
    except ClassNotFound:
        lexer = None
    return highlight(code, lexer, FORMATTER) if lexer is not None else ""


def page(markdown: str, title: str) -> str:
    body = MarkdownIt("commonmark", {"highlight": coloured}).enable("table").render(markdown)
    return (f"<!doctype html>\n<meta charset=utf-8>\n<title>{escape(title)}</title>\n"
            f"<style>{FORMATTER.get_style_defs('pre')}</style>\n{body}")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted(DOCS.glob("*.md")):
        (out / f"{source.stem}.html").write_text(page(source.read_text(encoding="utf-8"), source.stem),
                                                 encoding="utf-8")
    print(f"{out}: open language.html")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build/docs"))
