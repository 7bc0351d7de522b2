"""Legal input that broke the PDF or printed it wrong (issue 14, point 6), each typeset by a real
LuaLaTeX and read back with pdftotext: a paragraph past TeX's line buffer, a failure whose log
is gone, words too long for a line, right-to-left titles, numbers too long to typeset."""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest

from agendadsl import parse
from agendadsl.language.diagnostics import AgendaError
from agendadsl.render import escape, render_bytes, render_text, tex_lines
from agendadsl.render.pdf import compile_latex
from conftest import need


def _pdf(cli, tmp_path, text: str) -> bytes:
    need("lualatex")
    source, pdf = tmp_path / "agenda.agenda", tmp_path / "agenda.pdf"
    source.write_text(text, encoding="utf-8")
    run = cli("render", "--to", "pdf", str(source), "-o", str(pdf))
    assert run.exit_code == 0, run.stderr
    return pdf.read_bytes()


def _pdftotext(pdf: bytes, tmp_path, *options: str) -> str:
    pdftotext = need("pdftotext")
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    return subprocess.run([pdftotext, "-enc", "UTF-8", *options, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


# ---------------------------------------------------------------- a paragraph past the line buffer

LONG_PARAGRAPH = "1. Opening\n" + "".join(f"   > line {n} " + "lorem ipsum " * 150 + "\n" for n in range(130))


def test_the_paragraph_is_one_latex_line_past_texs_buffer_unless_broken(monkeypatch) -> None:
    agenda = parse(LONG_PARAGRAPH).agenda
    assert max(len(line) for line in render_text(agenda, "latex").splitlines()) <= tex_lines.MAX_LINE
    monkeypatch.setattr(tex_lines, "MAX_LINE", 10**9)
    assert max(len(line.encode()) for line in render_text(agenda, "latex").splitlines()) > 200_000


def test_a_paragraph_past_texs_line_buffer_prints(cli, tmp_path) -> None:
    text = _pdftotext(_pdf(cli, tmp_path, LONG_PARAGRAPH), tmp_path)
    assert text.split().count("lorem") == text.split().count("ipsum") == 130 * 150
    assert "line 0 lorem" in text and "line 129 lorem" in text


def test_short_lines_are_left_as_they_are() -> None:
    lines = ["\\agendaitem{1}{1.}{Opening}", "x " * (tex_lines.MAX_LINE // 2)]
    assert tex_lines.fold_all("\n".join(lines)) == "\n".join(lines)


def test_a_long_line_breaks_at_a_space_or_after_a_brace() -> None:
    spaced = "word " * 5000
    folded = tex_lines.fold(spaced)
    assert max(map(len, folded.split("\n"))) <= tex_lines.MAX_LINE
    assert folded.replace("\n", " ") == spaced  # a line end in place of a space, nothing else
    braced = "\\textbackslash{}" * 2000  # no space at all
    folded = tex_lines.fold(braced)
    assert max(map(len, folded.split("\n"))) <= tex_lines.MAX_LINE + 1
    assert folded.replace("%\n", "") == braced and "{}%\n\\" in folded
    controls = tex_lines.fold("\\ a " * 4000)  # a control space is kept whole
    assert controls.count("\n") > 0 and "\\\n" not in controls


def test_broken_lines_typeset_exactly_as_long_ones(tmp_path, monkeypatch) -> None:
    """Every construct of an item, folded at every few characters, gives the same words at the
    same places on the page as the unbroken source."""
    need("lualatex")
    text = ("body: Board & Co. 100% {x} #1 ~ ^ _ \\ end\n\n"
            "1. A title with [a link](https://example.org/a_b%20c) and {braces} and a \\[bracket\\] "
            "and a longwordwithoutanyspaceatallthatmaybreak_anywhere_at_all\n"
            "   @presenter Ann O'Neill\n"
            "   > First note line with \\backslash and $dollars$\n"
            "   > second line    with spaces\n"
            "   - a bullet ~ tilde\n"
            "2. Any other business\n")
    agenda = parse(text).agenda
    whole = render_bytes(agenda, "pdf")
    lines = render_text(agenda, "latex").count("\n")
    monkeypatch.setattr(tex_lines, "MAX_LINE", 12)
    assert render_text(agenda, "latex").count("\n") > lines + 100  # the folding took effect
    folded = render_bytes(agenda, "pdf")

    def words(pdf: bytes) -> list[str]:
        return [line for line in _pdftotext(pdf, tmp_path, "-bbox").splitlines() if "<word" in line]

    assert words(folded) == words(whole)
    assert any(">longwordwithout" in line for line in words(whole))


# ------------------------------------------------------------------------ a failure explained

def test_a_latex_error_quotes_the_lines_of_its_log() -> None:
    need("lualatex")
    with pytest.raises(AgendaError) as failure:
        compile_latex("\\documentclass{article}\\begin{document}\n\\undefinedthing x\n\\end{document}\n")
    assert str(failure.value) == ("lualatex could not typeset the agenda: Undefined control sequence. (line 3 of "
                                  "the generated LaTeX); the LaTeX log says: l.3 \\undefinedthing")


def test_a_line_too_long_for_tex_is_named_not_a_deleted_log() -> None:
    need("lualatex")
    with pytest.raises(AgendaError) as failure:  # written to the terminal only, not to the log
        compile_latex("\\documentclass{article}\\begin{document}\n" + "word " * 50_000 + "\n\\end{document}\n")
    assert "Unable to read an entire line---bufsize=200000" in str(failure.value)
    assert "agenda.log" not in str(failure.value)


# ---------------------------------------------------------------------------- long words

COMPOUND = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" * 3  # 174 letters, no space
URL_LIKE = "https://example.org/" + "x" * 190


def test_a_word_longer_than_thirty_characters_may_break_between_any_two() -> None:
    assert escape.latex("a" * 30) == "a" * 30
    assert escape.latex("a" * 31) == escape.WORD_BREAK.join("a" * 31)
    assert escape.latex("see " + "b" * 31 + " now") == "see " + escape.WORD_BREAK.join("b" * 31) + " now"
    # The parts between slashes of an address count as words: a slash is a break already.
    assert escape.WORD_BREAK not in escape.latex("https://example.org/" + "/".join(["c" * 30] * 5))


def test_a_long_word_is_found_after_a_space_a_slash_or_at_the_start() -> None:
    """The search for long words starts only where a word starts: after a space, after a slash
    (an address's last part), or at the start; written out by hand."""
    brk = "\\penalty5000{}"
    assert escape.latex("x/" + "d" * 31) == "x/\\allowbreak{}" + brk.join("d" * 31)
    assert escape.latex("see " + "e" * 31 + "/f") == "see " + brk.join("e" * 31) + "/\\allowbreak{}f"
    assert escape.latex("g" * 31 + " h") == brk.join("g" * 31) + " h"
    assert escape.latex("g" * 30 + " " + "h" * 30 + "/" + "i" * 30) == (
        "g" * 30 + " " + "h" * 30 + "/\\allowbreak{}" + "i" * 30)


@pytest.mark.parametrize("word", [
    "e\u0301" * 20,  # accents
    "\u0915\u094d\u0937" * 15,  # a Devanagari conjunct: ka, virama, ssa
    "\U0001f44d\U0001f3fd" * 20,  # thumbs up, skin tone
    "\U0001f1eb\U0001f1f7" * 20,  # flags
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629" * 5,  # Arabic letters join
])
def test_a_long_word_never_breaks_inside_what_reads_as_one_character(word: str) -> None:
    pieces = escape.latex(word).split(escape.WORD_BREAK)
    assert "".join(pieces) == word
    for piece in pieces[1:]:
        assert not unicodedata.combining(piece[0]) and unicodedata.category(piece[0]) not in ("Mn", "Mc")
        assert not 0x1F3FB <= ord(piece[0]) <= 0x1F3FF


def test_a_long_word_stays_inside_the_text_block(cli, tmp_path) -> None:
    text = (f"1. {COMPOUND}\n   > {URL_LIKE}\n   > {COMPOUND}\n\n"
            f"table:\n  Name | Meaning\n  {COMPOUND} | {URL_LIKE}\n")
    pdf = _pdf(cli, tmp_path, text)
    boxes = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                       _pdftotext(pdf, tmp_path, "-bbox"))
    right_edge = 595.28 - 2.4 / 2.54 * 72  # A4, less the right margin of 2.4 cm
    assert max(float(x_max) for _, x_max, _ in boxes) < right_edge + 1
    assert "".join(word for _, _, word in boxes).count("Donaudampf") == 9
    assert "".join(word for _, _, word in boxes).count("x" * 30) >= 2  # the address, in the note and the cell


# --------------------------------------------------------------------------- right to left

RTL = ("body: \u05d5\u05e2\u05d3 \u05d4\u05de\u05e0\u05d4\u05dc\u05d9\u05dd\n\n"  # ועד המנהלים
       "1. \u05e1\u05d3\u05e8 \u05d4\u05d9\u05d5\u05dd \u05e9\u05dc \u05d4\u05d9\u05e9\u05d9\u05d1\u05d4\n"  # סדר היום של הישיבה
       "2. \u062c\u062f\u0648\u0644 \u0623\u0639\u0645\u0627\u0644 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639\n"
       "3. Budget with \u05e2\u05d1\u05e8\u05d9\u05ea \u05de\u05e2\u05d5\u05e8\u05d1\u05ea inside\n")


def test_hebrew_and_arabic_words_keep_their_order(cli, tmp_path) -> None:
    text = unicodedata.normalize("NFKC", _pdftotext(_pdf(cli, tmp_path, RTL), tmp_path))
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")  # pdftotext's direction marks
    assert "\u05e1\u05d3\u05e8 \u05d4\u05d9\u05d5\u05dd \u05e9\u05dc \u05d4\u05d9\u05e9\u05d9\u05d1\u05d4" in text
    assert "\u062c\u062f\u0648\u0644 \u0623\u0639\u0645\u0627\u0644 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639" in text
    assert "\u05d5\u05e2\u05d3 \u05d4\u05de\u05e0\u05d4\u05dc\u05d9\u05dd" in text


def test_bidirectional_typesetting_only_for_right_to_left_text() -> None:
    assert "bidi=basic" in render_text(parse(RTL).agenda, "latex")
    plain = render_text(parse("1. Opening \u00e9\u00e8 \u4e2d\u6587 \u0395\u03bb\u03bb\u03ac\u03b4\u03b1\n").agenda,
                        "latex")
    assert "babel" not in plain and "bidi" not in plain


# ------------------------------------------------------------------------------ long numbers

def test_a_number_of_3000_digits_is_a_diagnostic_not_a_tex_error(cli, tmp_path) -> None:
    path = tmp_path / "huge.agenda"
    path.write_text("1. Opening\n" + "9" * 3000 + ". Huge\n", encoding="utf-8")
    run = cli("render", "--to", "pdf", str(path), "-o", str(tmp_path / "huge.pdf"))
    assert run.exit_code == 1 and "error[number-too-long]" in run.stderr
    assert "Dimension too large" not in run.stderr and not (tmp_path / "huge.pdf").exists()


def test_the_widest_numbers_allowed_typeset(cli, tmp_path) -> None:
    # 15 digits a part, 33 levels deep (a number of 79 characters in its box), titles of 300 digits.
    lines = ["numbering: 999999999999990.", ""] + ["   " * depth + f"#. Level{depth} " + "8" * 300
                                                  for depth in range(33)]
    text = _pdftotext(_pdf(cli, tmp_path, "\n".join(lines) + "\n"), tmp_path)
    assert "999999999999990. Level0" in text and "999999999999990.1.1.1.1.1.1.1.1.1.1 Level10" in text
    assert text.count("8" * 40) >= 33


# ------------------------------------------------------------------------- scripts and fonts

LIVING = {  # a word in each script the main fallback chain lacks, and the font that has it
    "Bengali": ("বাংলা", "NotoSerifBengali"), "Gurmukhi": ("ਪੰਜਾਬੀ", "NotoSerifGurmukhi"),
    "Gujarati": ("ગુજરાતી", "NotoSerifGujarati"), "Oriya": ("ଓଡ଼ିଆ", "NotoSansOriya"),
    "Tamil": ("தமிழ்", "NotoSerifTamil"), "Telugu": ("తెలుగు", "NotoSerifTelugu"),
    "Kannada": ("ಕನ್ನಡ", "NotoSerifKannada"), "Malayalam": ("മലയാളം", "NotoSerifMalayalam"),
    "Sinhala": ("සිංහල", "NotoSerifSinhala"), "Lao": ("ລາວ", "NotoSerifLao"),
    "Tibetan": ("བོད", "NotoSerifTibetan"), "Myanmar": ("မြန်မာ", "NotoSerifMyanmar"),
    "Khmer": ("ភាសាខ្មែរ", "NotoSerifKhmer"), "Mongolian": ("ᠮᠣᠩᠭᠣᠯ", "NotoSansMongolian"),
    "Cherokee": ("ᏣᎳᎩ", "NotoSansCherokee"), "Tifinagh": ("ⵜⴰⵎⴰⵣⵉⵖⵜ", "NotoSansTifinagh"),
    "Javanese": ("ꦗꦮ", "NotoSansJavanese"), "Syriac": ("ܣܘܪܝܝܐ", "NotoSansSyriac"),
    "Thaana": ("ދިވެހި", "NotoSansThaana"), "NKo": ("ߒߞߏ", "NotoSansNKo"),
    "Canadian syllabics": ("ᐃᓄᒃᑎᑐᑦ", "NotoSansCanadianAboriginal"), "Yi": ("ꆈꌠ", "NotoSansYi"),
    "Vai": ("ꕙꔤ", "NotoSansVai"), "Ol Chiki": ("ᱥᱟᱱᱛᱟᱲᱤ", "NotoSansOlChiki"),
    "Balinese": ("ᬩᬲ", "NotoSerifBalinese"), "Adlam": ("𞤀𞤣𞤤𞤢𞤥", "NotoSansAdlam"),
}


def test_the_scripts_of_a_text_are_found_once_in_the_source() -> None:
    from agendadsl.language.scripts import scripts_of

    assert scripts_of("1. Opening é ß Ωμέγα Щука – “quoted” ✅ 🎉\n") == (frozenset(), False)
    assert scripts_of("1. বাংলা and 中文 and עברית\n") == (frozenset({"BENGALI", "CJK", "HEBREW"}), True)
    assert parse("1. தமிழ்\n").agenda.scripts == {"TAMIL"}


def test_each_script_gets_its_font_in_the_pdf(cli, tmp_path) -> None:
    pdffonts = need("pdffonts")
    text = "".join(f"{n}. {name} {word}\n" for n, (name, (word, _)) in enumerate(LIVING.items(), start=1))
    path = tmp_path / "read.pdf"
    path.write_bytes(_pdf(cli, tmp_path, text))  # every character has a glyph, or LuaLaTeX stops
    embedded = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True).stdout
    for name, (_, font) in LIVING.items():
        assert f"+{font}-Regular " in embedded, name


def test_an_agenda_in_the_main_scripts_loads_no_more_fonts() -> None:
    latex = render_text(parse("1. Opening ✅ 中文 한국어 हिन्दी ไทย Ελληνικά\n").agenda, "latex")
    assert not any(font in latex for _, font in LIVING.values())
    assert "NotoSerifTamil-Regular" in render_text(parse("1. தமிழ்\n").agenda, "latex")


def test_a_character_no_font_has_is_shown_at_its_line_and_column(cli, tmp_path) -> None:
    need("lualatex")
    path = tmp_path / "mro.agenda"
    path.write_text("body: X\n\n1. Opening\n2. Mro script: \U00016a40 end\n", encoding="utf-8")
    run = cli("render", "--to", "pdf", str(path), "-o", str(tmp_path / "mro.pdf"))
    assert run.exit_code == 2
    assert run.stderr.startswith(f"agenda: error: {path}:4:16: lualatex could not typeset the agenda: the "
                                 "character \U00016a40 (U+16A40) is in none of the installed fonts")


def test_a_lua_error_is_quoted_not_the_fatal_error_after_it() -> None:
    need("lualatex")
    with pytest.raises(AgendaError) as failure:
        compile_latex("\\documentclass{article}\n\\directlua{x = = 1}\n\\begin{document}x\\end{document}\n")
    assert "unexpected symbol near '='" in str(failure.value) and "l.3 \\directlua" in str(failure.value)
