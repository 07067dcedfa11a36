"""Text a reader does not see is not read (pipeline/extract/visible.py), and glyphs whose
text layer names another character are read as printed (pipeline/extract/glyphs.py)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from fontTools.ttLib.standardGlyphOrder import standardGlyphOrder
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.glyphs import _misread
from pipeline.extract.visible import visible_page


def _words(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [w["text"] for w in visible_page(doc.pages[0]).extract_words()]


def test_text_under_a_white_box_painted_after_it_is_not_read(tmp_path: Path) -> None:
    """A signature block's white box laid over the right part of a table hides the figures
    it covers (Pergub Sulut 4/2017 p7); a white cell background painted before its text
    hides nothing, nor does a grey shading painted over text."""
    pdf = tmp_path / "box.pdf"
    canvas = Canvas(str(pdf), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 10)
    canvas.setFillGray(1)
    canvas.rect(50, 700, 200, 20, stroke=0, fill=1)  # a white background first
    canvas.setFillGray(0)
    canvas.drawString(60, 705, "Manado 27,744,564,654")
    canvas.drawString(300, 705, "Bitung 7,504,550,810")
    canvas.drawString(60, 650, "Tomohon 6,792,263")
    canvas.setFillGray(1)
    canvas.rect(290, 690, 200, 40, stroke=0, fill=1)  # the white box over "Bitung ..."
    canvas.setFillGray(0.5)
    canvas.rect(55, 645, 150, 20, stroke=0, fill=1)  # grey shading over "Tomohon ..."
    canvas.setFillGray(0)
    canvas.drawString(300, 715, "GUBERNUR")  # printed inside the box, after it
    canvas.save()
    words = _words(pdf)
    assert "Bitung" not in words and "7,504,550,810" not in words
    assert {"Manado", "27,744,564,654", "Tomohon", "GUBERNUR"} <= set(words)


def _identity(names: list[str], chars: dict[str, str]) -> dict[int, str]:
    return {gid: chars[name] for gid, name in enumerate(names) if name in chars}


def test_a_glyph_the_map_reads_as_another_letter_is_read_by_its_name() -> None:
    """Word's ToUnicode map of Perban BAPETEN 2/2022 gives glyph 148 ('lessequal' in the
    standard Macintosh order the font keeps) the code of 'f', which glyph 73 ('f') has too."""
    letters = {n: n for n in "abcdefghijklmnopqrstuvwxyz"}
    mapped = _identity(list(standardGlyphOrder), letters)
    assert len(mapped) == 26
    lessequal, radical = standardGlyphOrder.index("lessequal"), standardGlyphOrder.index("radical")
    mapped[lessequal], mapped[radical] = "f", "a"
    assert _misread(mapped, list(standardGlyphOrder)) == {lessequal: "≤", radical: "√"}
    # a glyph mapped to a character no other glyph has is left as the map says
    mapped[radical] = "@"
    assert _misread(mapped, list(standardGlyphOrder)) == {lessequal: "≤"}


def test_glyph_names_that_do_not_fit_the_font_are_not_used() -> None:
    """A font whose glyphs are not in the standard order (its map disagrees with the order
    on most glyphs) keeps its map."""
    shifted = {gid + 7: chr(ord("a") + k) for k, gid in enumerate(range(68, 94))}
    shifted[148] = "f"
    assert _misread(shifted, list(standardGlyphOrder)) == {}
