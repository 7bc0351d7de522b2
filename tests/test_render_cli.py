"""The render command: where outputs go, what it refuses, and that failures never leave half files."""

from __future__ import annotations

import shutil

import pytest

from conftest import REQUIRE_TOOLS, ROOT, need

SEED = "samples/lanzarote-2020-11-23.agenda"
COUNCIL = "samples/city-council-2026-03-10.agenda"


def test_one_text_format_goes_to_stdout(cli) -> None:
    run = cli("render", SEED, "--to", "markdown")
    assert run.exit_code == 0 and run.stdout.startswith("**Lanzarote Committee**")


def test_all_formats_into_a_folder(cli, tmp_path) -> None:
    formats = "html,latex,markdown,json,ics" + (",pdf" if shutil.which("lualatex") or REQUIRE_TOOLS else "")
    run = cli("render", SEED, COUNCIL, "--to", formats, "-o", str(tmp_path) + "/")
    assert run.exit_code == 0, run.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    expected = {f"{stem}{ext}" for stem in ("lanzarote-2020-11-23", "city-council-2026-03-10")
                for ext in (".html", ".tex", ".md", ".json", ".ics") + ((".pdf",) if "pdf" in formats else ())}
    assert set(names) == expected


@pytest.mark.parametrize(("args", "message"), [
    (["--to", "html,latex"], "need an output folder"),
    (["--to", "pdf"], "not written to the terminal"),
    (["--to", "odt"], "unknown format"),
    (["--to", "docx"], "a Word document is not written to the terminal: add -o FILE.docx"),
    (["--to", "docx", "--fragment", "-o", "out.docx"], "--fragment applies to html and latex, not to docx"),
    (["--to", "docx", "-o", "agenda.doc"], "does not end in .docx"),
    (["--to", "html", "--language", "tlh"], "no wording for language"),
    (["--to", "html", "--templates", "no/such/folder"], "not a folder"),
    (["--to", "json", "--fragment"], "--fragment applies to html and latex, not to json"),
    (["--to", "html,latex", "-o", "published"], "write -o published/ (with the slash)"),
    (["--to", "html,pdf", "--fragment", "-o", "out/"], "not to pdf"),
])
def test_usage_errors_exit_2(cli, args, message) -> None:
    run = cli("render", SEED, *args)
    assert run.exit_code == 2 and message in run.stderr


def test_an_agenda_with_errors_is_not_rendered_and_the_old_file_stays(cli, tmp_path) -> None:
    broken = tmp_path / "broken.agenda"
    broken.write_text("1. A\n3. B\n", encoding="utf-8")
    target = tmp_path / "out.html"
    target.write_text("previous", encoding="utf-8")
    run = cli("render", str(broken), "--to", "html", "-o", str(target))
    assert run.exit_code == 1 and "numbering-gap" in run.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.agenda", "out.html"]


def test_failed_pdf_leaves_the_previous_pdf_and_no_temporary_file(cli, tmp_path) -> None:
    need("lualatex")
    style = tmp_path / "style" / "latex"
    style.mkdir(parents=True)
    (style / "preamble.tex.j2").write_text("\\usepackage{no-such-package-anywhere}\n", encoding="utf-8")
    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF previous")
    run = cli("render", SEED, "--to", "pdf", "-o", str(target), "--templates", str(tmp_path / "style"))
    assert run.exit_code == 2
    assert "no-such-package-anywhere" in run.stderr and "Traceback" not in run.stderr
    assert target.read_bytes() == b"%PDF previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf", "style"]


def test_final_refuses_while_anything_is_tbc(cli) -> None:
    run = cli("render", SEED, "--to", "html", "--final")
    assert run.exit_code == 1
    assert run.stderr.count("error[not-final]") == 4


def test_house_style_overrides_by_name(cli, tmp_path) -> None:
    style = ROOT / "templates" / "house-styles" / "secretariat"
    run = cli("render", SEED, "--to", "latex", "--templates", str(style))
    assert run.exit_code == 0 and "fancyhdr" in run.stdout and "\\agendaitem{4}{I.3.2}" in run.stdout
    own = tmp_path / "html"
    own.mkdir()
    (own / "style.html.j2").write_text("<style>body { color: red; }</style>\n", encoding="utf-8")
    run = cli("render", SEED, "--to", "html", "--templates", str(tmp_path))
    assert "color: red" in run.stdout and 'id="item-I-3-2"' in run.stdout


def test_latex_fragment_is_only_the_body(cli) -> None:
    run = cli("render", SEED, "--to", "latex", "--fragment")
    assert run.exit_code == 0
    assert "\\documentclass" not in run.stdout and "\\providecommand{\\agendaitem}" in run.stdout


def test_ics_and_json_to_stdout(cli) -> None:
    assert cli("render", SEED, "--to", "ics").stdout.startswith("BEGIN:VCALENDAR")
    assert '"number": "III.3.2"' in cli("render", SEED, "--to", "json").stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--to", "html,markdown", "-o", "x.html"], "several outputs need a folder"),
    (["--to", "html", "-o", "agenda.pdf"], "does not end in .html"),
])
def test_output_names_that_do_not_fit_are_refused(cli, tmp_path, args, message) -> None:
    args = [a if not a.endswith((".html", ".pdf")) else str(tmp_path / a) for a in args]
    run = cli("render", SEED, *args)
    assert run.exit_code == 2 and message in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_pdf_is_byte_identical_between_runs(tmp_path) -> None:
    need("lualatex")
    from agendadsl import parse
    from agendadsl.render import render_bytes

    agenda = parse((ROOT / SEED).read_text(encoding="utf-8")).agenda
    assert render_bytes(agenda, "pdf") == render_bytes(agenda, "pdf")


def test_keep_withdrawn_refuses_what_it_cannot_number(cli, tmp_path) -> None:
    path = tmp_path / "kw.agenda"
    text = "1. Opening\n1bis. Late item\n2. Withdrawn\n   @status withdrawn\n3. Other\n"
    path.write_text(text, encoding="utf-8")
    run = cli("fmt", "--renumber", "--keep-withdrawn", str(path))
    assert run.exit_code == 2 and "not renumbered" in run.stderr
    assert path.read_text(encoding="utf-8") == text


def test_ics_shows_numbers_for_cross_references_and_utc_for_offsets(cli, tmp_path) -> None:
    from icalendar import Calendar

    path = tmp_path / "x.agenda"
    path.write_text("body: Board\ndate: 16 June 2026\ntime: 9h30-12:00 UTC+1\n\n1. Opening {#open}\n"
                    "2. Follow-up of {open}\n", encoding="utf-8")
    text = cli("render", str(path), "--to", "ics").stdout
    (event,) = Calendar.from_ical(text).walk("VEVENT")
    assert "2. Follow-up of 1." in str(event["DESCRIPTION"])
    assert event["DTSTART"].dt.isoformat() == "2026-06-16T08:30:00+00:00"
    assert "TZID" not in text


def test_a_public_page_never_links_to_an_item_it_hides(cli, tmp_path) -> None:
    path = tmp_path / "x.agenda"
    path.write_text("1. Open\n2. Hidden {#hidden}\n   @visibility internal\n3. See {hidden}\n", encoding="utf-8")
    page = cli("render", str(path), "--to", "html").stdout
    assert "#item-hidden" not in page and "See 2." in page


def test_an_html_fragment_for_a_website(cli) -> None:
    import html5lib

    run = cli("render", SEED, "--to", "html", "--fragment")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith('<div class="agenda view-public" lang="en">\n<header class="masthead">')
    fragment = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(run.stdout)
    tags = {element.tag for element in fragment.iter()}
    assert not tags & {"html", "head", "body", "style", "title"} and {"header", "main", "ol"} <= tags
    page = cli("render", SEED, "--to", "html").stdout
    assert run.stdout.removeprefix('<div class="agenda view-public" lang="en">\n').removesuffix("</div>\n") in page


def test_the_pdf_carries_its_title_body_and_language(cli, tmp_path) -> None:
    import subprocess

    from conftest import need

    need("lualatex")
    info = need("pdfinfo")
    out = tmp_path / "seed.pdf"
    assert cli("render", SEED, "--to", "pdf", "-o", str(out)).exit_code == 0
    fields = dict(line.split(":", 1) for line in subprocess.run([info, str(out)], capture_output=True, text=True,
                                                                  check=True).stdout.splitlines() if ":" in line)
    assert fields["Title"].strip() == "Lanzarote Committee \u2013 Agenda"
    assert fields["Author"].strip() == "Lanzarote Committee"
    import re
    import zlib

    # The catalogue sits in a compressed object stream (PDF 1.5): read the streams as a reader does.
    raw = out.read_bytes()
    streams = [zlib.decompress(m.group(1)) for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S)
               if m.group(1)[:1] == b"x"]
    assert any(re.search(rb"/Lang\s*\(en\)", text) for text in (raw, *streams))


def test_render_lists_the_files_it_wrote_unless_quiet(cli, tmp_path) -> None:
    run = cli("render", SEED, "--to", "html,json", "-o", str(tmp_path) + "/")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines() == [f"wrote {tmp_path / 'lanzarote-2020-11-23.html'}",
                                       f"wrote {tmp_path / 'lanzarote-2020-11-23.json'}"]
    quiet = cli("render", SEED, "--to", "html,json", "-o", str(tmp_path) + "/", "--quiet")
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_the_shipped_house_style_extends_the_defaults_in_a_few_lines() -> None:
    style = ROOT / "templates" / "house-styles" / "secretariat"
    files = [p for p in style.rglob("*") if p.is_file()]
    assert files and all(len(p.read_text(encoding="utf-8").splitlines()) < 30 for p in files)
    for template in (p for p in files if p.suffix == ".j2"):
        assert 'extends "default/' in template.read_text(encoding="utf-8"), template


def test_a_revised_agenda_in_the_house_style_has_its_change_marks(cli, tmp_path) -> None:
    import html5lib

    old = tmp_path / "old.agenda"
    old.write_text((ROOT / SEED).read_text(encoding="utf-8").replace("3. Any other business\n", ""),
                   encoding="utf-8")
    style = ROOT / "templates" / "house-styles" / "secretariat"
    html = cli("render", SEED, "--to", "html", "--templates", str(style), "--changes-since", str(old)).stdout
    page = html5lib.parse(html, namespaceHTMLElements=False)
    marked = [li for li in page.iter("li") if {"item", "change-added"} <= set((li.get("class") or "").split())]
    assert len(marked) == 1 and "Any other business" in "".join(marked[0].itertext())
    css = "".join(page.find("head/style").itertext())
    assert ".change-mark" in css and "#003399" in css  # the default's rules, then the house's
    latex = cli("render", SEED, "--to", "latex", "--templates", str(style), "--changes-since", str(old)).stdout
    assert "\\agendabar{green!50!black}" in latex and "fancyhdr" in latex


def test_a_house_style_replaces_the_masthead_block(cli, tmp_path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "body.html.j2").write_text(
        '{% extends "default/body.html.j2" %}\n{% block masthead %}<header class="masthead">'
        '<p>{{ view.meeting.body }} · Secretariat</p></header>\n{% endblock %}\n', encoding="utf-8")
    run = cli("render", SEED, "--to", "html", "--templates", str(tmp_path))
    assert run.exit_code == 0, run.stderr
    assert "<p>Lanzarote Committee · Secretariat</p></header>" in run.stdout
    assert 'id="item-I-3-2"' in run.stdout  # the rest of the page is the default's


@pytest.mark.parametrize(("command", "shown"), [
    ("render", ["{FILE...}", "-t, --to FORMATS", "-o, --output DIR/|FILE|-", "-l, --language CODE",
                "--templates DIR", "--changes-since OLD"]),
    ("check", ["{FILE|DIR...}"]),
    ("fmt", ["{FILE|DIR...}"]),
    ("diff", ["{OLD} {NEW}"]),
])
def test_help_shows_what_to_write_not_types_or_parameter_names(cli, command: str, shown: list[str]) -> None:
    run = cli(command, "--help")
    assert run.exit_code == 0
    assert all(text in run.stdout for text in shown), run.stdout
    assert "<str>" not in run.stdout and "{files}" not in run.stdout and "<path>" not in run.stdout.lower()
