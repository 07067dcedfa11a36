"""OCR words to pdfplumber chars, measured in the page image (no Tesseract needed)."""

from __future__ import annotations

import numpy as np

from pipeline.extract.ocr import SCALE, _chars

LINE = (1, 1, 1, 1)


def _word(text: str, x0: int, x1: int, top: int = 10, bottom: int = 50):
    """A word whose box spans pixels x0..x1, in PDF points as Tesseract's words are."""
    return (text, 90.0, x0 * SCALE, top * SCALE, x1 * SCALE, bottom * SCALE, LINE)


def _text(chars: list[dict]) -> str:
    import pdfplumber.utils

    return pdfplumber.utils.extract_text(chars)


def _ink(width: int = 400, height: int = 60) -> np.ndarray:
    return np.zeros((height, width), dtype=bool)


def test_a_slash_that_tesseract_left_out_of_its_box_glues_the_words() -> None:
    # "SKPD/" boxed 10..100, but its slash is inked at 106..118; "Unit" starts at 122.
    ink = _ink()
    ink[12:48, 10:100] = ink[12:48, 106:118] = ink[12:48, 122:200] = True
    words = [_word("SKPD/", 10, 100), _word("Unit", 122, 200)]
    assert _text(_chars(words, 1, 800.0, ink)) == "SKPD/Unit"
    # Without the image the box gap (22 px, over half the line height) reads as a space.
    assert _text(_chars(words, 1, 800.0)) == "SKPD/ Unit"


def test_a_real_space_after_a_slash_stays() -> None:
    ink = _ink()
    ink[12:48, 10:100] = ink[12:48, 130:200] = True  # 30 px of paper after "desa/"
    words = [_word("desa/", 10, 100), _word("kelurahan", 130, 200)]
    assert _text(_chars(words, 1, 800.0, ink)) == "desa/ kelurahan"


def test_thick_strokes_make_a_bold_word() -> None:
    ink = _ink(width=700)
    words = []
    for k in range(5):  # five regular words: stems 4 px wide
        x0 = 10 + k * 110
        for stem in range(x0, x0 + 80, 12):
            ink[12:48, stem : stem + 4] = True
        words.append(_word(f"kata{k}", x0, x0 + 80))
    for stem in range(570, 650, 14):  # one bold word: stems 8 px wide
        ink[12:48, stem : stem + 8] = True
    words.append(_word("TEBAL", 570, 650))
    fonts = {c["text"]: c["fontname"] for c in _chars(words, 1, 800.0, ink) if c["text"] != " "}
    assert fonts["T"] == "OCR-Bold"
    assert fonts["k"] == "OCR"
