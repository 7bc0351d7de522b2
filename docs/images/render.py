"""Side-by-side pictures of the seed agenda: the HTML page as Chromium prints it, and the PDF as
LuaLaTeX sets it, page by page at the same size, in each language, and of its translated version
in two columns (--bilingual). They are looked at whenever the publishing changes (a template, the
wording, a house style):

    python docs/images/render.py          # writes docs/images/<render>-<page>.png

Needs the project installed, Chromium, LuaLaTeX and poppler-utils (pdftoppm). Each picture is one
A4 page of the HTML print (left) beside the same page of the PDF (right), made by Chromium from a
small page that shows the two page images side by side.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent.parent / "samples"
RENDERS = {  # picture name: the agenda and the options it is rendered with
    "seed-en": (SAMPLES / "lanzarote-2020-11-23.agenda", ("--language", "en")),
    "seed-fr": (SAMPLES / "lanzarote-2020-11-23.agenda", ("--language", "fr")),
    "bilingual": (SAMPLES / "lanzarote-2020-11-23-en-fr.agenda", ("--bilingual",)),
}
DPI = 60  # an A4 page is 496 x 702 pixels: small files, and the layout stays readable


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("render.py: Chromium is not installed")


def run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True, timeout=180)


def pages(pdf: Path, stem: Path) -> list[Path]:
    """The PDF's pages as PNG files at DPI."""
    run("pdftoppm", "-png", "-r", str(DPI), pdf, stem)
    return sorted(stem.parent.glob(f"{stem.name}-*.png"))


def main() -> None:
    browser = chromium()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for language, (source, options) in RENDERS.items():
            html, pdf = work / f"{language}.html", work / f"{language}.pdf"
            run(sys.executable, "-m", "agendadsl", "render", source, "--to", "html", *options, "-o", html)
            run(sys.executable, "-m", "agendadsl", "render", source, "--to", "pdf", *options, "-o", pdf)
            printed = work / f"{language}-print.pdf"
            run(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={printed}", html.as_uri())
            left, right = pages(printed, work / f"{language}-html"), pages(pdf, work / f"{language}-pdf")
            for old in HERE.glob(f"{language}-*.png"):
                old.unlink()
            for number in range(max(len(left), len(right))):
                cells = "".join(
                    f'<figure><img src="{side[number].as_uri()}"><figcaption>{label}</figcaption></figure>'
                    if number < len(side) else "<figure></figure>"
                    for side, label in ((left, "HTML, printed by Chromium"), (right, "PDF, LuaLaTeX")))
                board = work / f"{language}-{number + 1}.html"
                board.write_text(
                    "<!DOCTYPE html><meta charset='utf-8'><style>body{margin:0;display:flex;gap:12px;"
                    "padding:12px;background:#8a8f96;font:12px sans-serif}figure{margin:0;width:496px}"
                    "img{display:block;width:496px;box-shadow:0 1px 4px #0006;background:#fff}"
                    f"figcaption{{color:#fff;padding-top:4px}}</style>{cells}", encoding="utf-8")
                out = HERE / f"{language}-{number + 1}.png"
                run(browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={work / 'profile'}", "--window-size=1028,750", f"--screenshot={out}",
                    board.as_uri())
                print(out.relative_to(HERE.parent.parent))


if __name__ == "__main__":
    main()
