"""Scanned page images (extract/raster.py): ruling lines from pixels that survive broken,
faded and doubled rules, deskew, and pages fed in turned. Images are drawn here at 300 dpi."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.extract import raster
from tests.pdfgen import _FONT_DIR

DPI = 300
WORDS = [
    "Peraturan",
    "Bupati",
    "ini",
    "mulai",
    "berlaku",
    "pada",
    "tanggal",
    "diundangkan",
    "agar",
    "setiap",
    "orang",
    "mengetahuinya",
    "memerintahkan",
    "pengundangan",
    "dengan",
    "penempatannya",
    "dalam",
    "Berita",
    "Daerah",
]


def _font(size: int = 34) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(os.path.join(_FONT_DIR, "Vera.ttf"), size)


def _grid() -> tuple[Image.Image, list[int], list[int]]:
    """A 3 x 3 table: one horizontal rule broken by gaps, one faded to grey, one doubled;
    one vertical rule broken, one faded; words in the cells."""
    image = Image.new("L", (2400, 1600), 255)
    draw = ImageDraw.Draw(image)
    ys, xs = [200, 500, 800, 1100], [200, 900, 1600, 2200]
    for k, y in enumerate(ys):
        if k == 1:  # broken: 8-px gaps every 150 px
            for x in range(xs[0], xs[-1], 150):
                draw.line((x, y, min(x + 142, xs[-1]), y), fill=0, width=3)
        elif k == 2:
            draw.line((xs[0], y, xs[-1], y), fill=185, width=3)  # faded
        elif k == 3:
            draw.line((xs[0], y - 4, xs[-1], y - 4), fill=0, width=2)  # doubled
            draw.line((xs[0], y + 4, xs[-1], y + 4), fill=0, width=2)
        else:
            draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for k, x in enumerate(xs):
        if k == 1:
            for y in range(ys[0], ys[-1], 120):
                draw.line((x, y, x, min(y + 112, ys[-1])), fill=0, width=3)
        else:
            draw.line((x, ys[0], x, ys[-1]), fill=0 if k != 2 else 185, width=3)
    font = _font()
    for r in range(3):
        for c in range(3):
            draw.text((xs[c] + 30, ys[r] + 40), "Ilham lll 11\nTerbitnya", fill=0, font=font)
    return image, ys, xs


def test_rulings_survive_broken_faded_and_doubled_rules() -> None:
    image, ys, xs = _grid()
    horizontal, vertical = raster.rulings(raster.as_gray(image), DPI)
    assert len(horizontal) == 4  # the doubled rule is one
    assert [abs(p - y) <= 3 for (p, *_), y in zip(horizontal, ys, strict=True)] == [True] * 4
    assert [abs(p - x) <= 3 for (p, *_), x in zip(vertical, xs, strict=True)] == [True] * 4
    for _, start, end, _ in horizontal:
        assert start <= xs[0] + 3 and end >= xs[-1] - 3  # the broken one is whole
    # The letters "Ilham lll 11" (stems side by side, line above line) make no rule.
    assert len(vertical) == 4


def test_scan_border_is_no_rule() -> None:
    """Regression (Pergub Sulut 6/2016): the paper's edge and the lid's shadow along the
    image's border were taken as rules, giving a phantom last column and a frame around
    a whole table; the table's own rules still count."""
    image, ys, xs = _grid()
    draw = ImageDraw.Draw(image)
    w, h = image.size
    draw.line((0, 1, w - 1, 1), fill=0, width=3)  # the top edge of the paper
    draw.line((w - 2, 0, w - 2, h // 2), fill=40, width=4)  # the lid's shadow at the right
    horizontal, vertical = raster.rulings(raster.as_gray(image), DPI)
    assert [round(p) for p, *_ in horizontal] == [pytest.approx(y, abs=3) for y in ys]
    assert [round(p) for p, *_ in vertical] == [pytest.approx(x, abs=3) for x in xs]


def test_skewed_page_is_straightened() -> None:
    image, ys, _ = _grid()
    turned = image.rotate(1.2, resample=Image.Resampling.BICUBIC, fillcolor=255)
    gray = raster.as_gray(turned)
    angle = raster.skew_angle(gray, DPI)
    assert abs(angle + 1.2) <= 0.1
    horizontal, _ = raster.rulings(raster.straighten(gray, angle), DPI)
    assert len(horizontal) == 4


def _text_page() -> Image.Image:
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = _font(40)
    rng = np.random.default_rng(3)
    for line in range(40):
        words = [WORDS[int(i)] for i in rng.integers(0, len(WORDS), 7)]
        draw.text((200, 200 + line * 75), " ".join(words), fill=0, font=font)
    return image


def test_page_fed_sideways_or_upside_down_is_turned_upright() -> None:
    page = raster.as_gray(_text_page())
    assert raster.quarter_turns(page, DPI) == 0
    # Fed turned clockwise by 90 degrees: one quarter turn counter-clockwise makes it upright.
    assert raster.quarter_turns(np.ascontiguousarray(np.rot90(page, -1)), DPI) == 1
    assert raster.quarter_turns(np.ascontiguousarray(np.rot90(page, 1)), DPI) == 3
    assert raster.quarter_turns(np.ascontiguousarray(np.rot90(page, 2)), DPI) == 2


def _figures_page(rng_seed: int = 5) -> np.ndarray:
    """A table of decimal figures in capitals' company ("JUMLAH 1.315,50 ..."), drawn
    without rules: what Tesseract's orientation model is often unsure of."""
    image = Image.new("L", (3300, 2500), 255)
    draw = ImageDraw.Draw(image)
    font = _font(34)
    rng = np.random.default_rng(rng_seed)
    for row in range(18):
        label = ["MINAHASA", "BOLMONG TIMUR", "KOTAMOBAGU", "JUMLAH"][row % 4]
        draw.text((150, 300 + row * 100), label, fill=0, font=font)
        for col in range(12):
            value = f"{int(rng.integers(0, 2000)):,}".replace(",", ".")
            figure = f"{value},{int(rng.integers(0, 100)):02d}"
            draw.text((700 + col * 210, 300 + row * 100), figure, fill=0, font=font)
    return raster.as_gray(image)


def test_dots_tell_upright_from_upside_down() -> None:
    """Sulut 6/2016 pp. 19, 23, 34, 44-45 (tables of figures, the orientation model unsure)
    were read upside down. Stops and commas sit on the baseline; the dot of an i over its
    stem."""
    figures = _figures_page()
    up, down = raster.dot_votes(figures, DPI)
    assert up >= raster.DOT_VOTES and down * raster.DOT_RATIO <= up
    down, up = raster.dot_votes(np.ascontiguousarray(np.rot90(figures, 2)), DPI)
    assert up >= raster.DOT_VOTES and down * raster.DOT_RATIO <= up
    assert not raster.upside_down(figures, DPI)
    assert raster.upside_down(np.ascontiguousarray(np.rot90(figures, 2)), DPI)
    prose = raster.as_gray(_text_page())
    up, down = raster.dot_votes(prose, DPI)
    assert up >= raster.DOT_VOTES and down * raster.DOT_RATIO <= up
    # Sideways figures: the lines' direction, then the dots.
    assert raster.quarter_turns(np.ascontiguousarray(np.rot90(figures, -1)), DPI) == 1
    assert raster.quarter_turns(np.ascontiguousarray(np.rot90(figures, 1)), DPI) == 3


def test_despeckle_removes_a_1bit_scanners_noise_and_keeps_full_stops() -> None:
    """Why a 1-bit scan changed every id (scan zoo 200-bw-speckle, p20): its black specks
    survived the cleaning and were read as stops, dashes and bars ("a ©" for "1.")."""
    image = Image.new("L", (900, 200), 255)
    draw = ImageDraw.Draw(image)
    draw.text((40, 60), "1. Manajemen Perubahan.", fill=0, font=_font(29))  # 7 pt at 300 dpi
    clean = raster.as_gray(image)
    rng = np.random.default_rng(3)
    noisy = clean.copy()
    for y, x in zip(rng.integers(0, 200, 400), rng.integers(0, 900, 400), strict=True):
        noisy[y : y + 2, x : x + 3] = 0  # a 200-dpi speck, rendered at 300 dpi
    out = raster.despeckle(noisy, DPI)
    text = clean < 128
    # specks that touch one another or a glyph stay (a few)
    assert ((out < 128) & ~text).sum() < 0.1 * ((noisy < 128) & ~text).sum()
    assert ((out < 128) & text).sum() >= 0.98 * text.sum()  # glyphs and full stops kept


SULUT = "pergub_sulut_2016_06_het_pupuk_bersubsidi_ocr_layer.pdf"


def test_no_column_rule_runs_up_through_a_merged_header_on_a_real_scan() -> None:
    """Regression for bridging broken rules (branch scan4's c2267d2, tried again on scan5):
    Pergub Sulut 6/2016 p26 (printed sideways) heads its month columns with one merged
    cell 'Kebutuhan Pupuk (Ton)'. On the rendered page three column rules reach the
    table's top rule: Kabupaten/Kota | Total, Total | JAN and the right frame (the left
    frame is cut by the page edge). The bridging ran the MEI | JUNI rule up over the 'K'
    of 'Kebutuhan' (the glyph no wider than the test's 2 pt past the rule on either side)
    to the top rule: a fourth, which split the header cell."""
    import pdfplumber

    from tests.conftest import REAL_DIR

    with pdfplumber.open(REAL_DIR / SULUT) as pdf:
        gray = raster.as_gray(pdf.pages[25].to_image(resolution=DPI).original)
    turns = raster.quarter_turns(gray, DPI)
    assert turns  # printed sideways
    gray = np.ascontiguousarray(np.rot90(gray, turns))
    horizontal, vertical = raster.rulings(gray, DPI)
    longest = max(end - start for _, start, end, _ in horizontal)
    top = min((h for h in horizontal if h[2] - h[1] > longest / 2), key=lambda h: h[0])
    near = 3 * DPI / 72 + top[3]
    reaching = [v for v in vertical if abs(v[1] - top[0]) <= near]
    assert len(reaching) == 3, [tuple(round(x) for x in v) for v in reaching]


def _faded_table() -> tuple[Image.Image, list[int], list[int], int]:
    """A table whose rules are faded to grey and broken by 6-px gaps 50 px apart on
    average (few unbroken pieces as long as PIECE_PT, 42 px: the scan zoo's
    300-grey-faded), with a merged header cell over
    the first two columns whose word 'Kebutuhan' sets its 'K' on the place of the
    column rule between them (as on Pergub Sulut 6/2016 p26)."""
    image = Image.new("L", (2400, 1300), 255)
    draw = ImageDraw.Draw(image)
    ys, xs, header = [340, 400, 800, 1200], [200, 900, 1600, 2200], 400

    rng = np.random.default_rng(7)

    def broken(x0: int, y0: int, x1: int, y1: int, width: int = 3) -> None:
        t, length = 0, max(x1 - x0, y1 - y0)
        while t < length:
            n = min(t + int(rng.exponential(50)) + 1, length)  # 6-px gaps, 50 px apart
            if x0 == x1:
                draw.line((x0, y0 + t, x0, y0 + n), fill=170, width=width)
            else:
                draw.line((x0 + t, y0, x0 + n, y0), fill=170, width=width)
            t = n + 6

    for y in ys:
        broken(xs[0], y, xs[-1], y, 7 if y == header else 3)  # a scan's thick rule
    for x in xs:
        broken(x, header if x == xs[1] else ys[0], x, ys[-1])
    font = ImageFont.truetype(os.path.join(_FONT_DIR, "VeraBd.ttf"), 46)  # stems < PIECE_PT
    left, top, _, bottom = draw.textbbox((0, 0), "K", font=font)
    # The K's stem on x 900, 8 px under the top rule, its foot 12 px over the header's
    # rule: further from the column rule below than GAP_PT, within it of the header's.
    draw.text((xs[1] - left - 4, header - 12 - bottom), "Kebutuhan", fill=0, font=font)
    assert header - 12 - (bottom - top) >= ys[0] + 8
    for r in range(1, 3):
        for c in range(3):
            draw.text((xs[c] + 30, ys[r] + 40), "Ilham lll 11\nTerbitnya", fill=0, font=_font())
    return image, ys, xs, header


def test_faded_broken_rules_are_whole_and_a_glyph_on_a_rules_place_is_no_rule() -> None:
    """A rule faded and broken every few points is one line (scan zoo 300-grey-faded:
    0 records before); a column rule is not run on over a glyph on its place into the
    merged header cell above it (the 'K' of 'Kebutuhan', Pergub Sulut 6/2016 p26)."""
    image, ys, xs, header = _faded_table()
    horizontal, vertical = raster.rulings(raster.as_gray(image), DPI)
    assert [round(p) for p, *_ in horizontal] == [pytest.approx(y, abs=3) for y in ys]
    assert [round(p) for p, *_ in vertical] == [pytest.approx(x, abs=3) for x in xs]
    for _, start, end, _ in horizontal:
        assert start <= xs[0] + 3 and end >= xs[-1] - 3
    tops = [round(start) for _, start, _, _ in vertical]
    assert tops == [pytest.approx(t, abs=4) for t in (ys[0], header, ys[0], ys[0])]
    assert all(end >= ys[-1] - 3 for _, _, end, _ in vertical)
