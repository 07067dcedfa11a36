"""A scanned page image made ready for the table machinery, with OpenCV: its orientation
(turned 0, 90, 180 or 270 degrees), its skew, and its ruling lines.

* Orientation: Tesseract's orientation model (OSD) where it is installed and sure.
  Else a page whose text lines run down the image (turned 90/270) has a sharper column
  profile than row profile once each text line is smeared into a bar; 0 vs 180 (and 90 vs
  270) is then decided by where the small marks sit in their text lines (stops and commas
  on the baseline, the dot of an i over its stem: see dot_votes), and where they are too
  few to tell, by reading the page both ways (the one whose words Tesseract reads surer).
* Skew: the small angle (within MAX_SKEW degrees) whose row profile of the smeared page is
  sharpest, searched coarse then fine on a reduced image.
* Rulings: the page is binarised with an adaptive threshold (a faded grey rule is still
  darker than the paper around it), then opened with a long thin kernel per direction, so
  text goes and rules stay; the opened mask is closed along the line (over gaps up to
  GAP_PT) and across it (a doubled rule is one rule). Runs of pieces on one place are
  one rule where the ink between them on that place has no wider hole and is no glyph's
  (a rule faded or broken every few points); a rule's end runs on over the ink on its
  place from rule across to rule across while that ink is no glyph's (see _ends).
"""

from __future__ import annotations

from typing import Any

import numpy as np

MAX_SKEW = 2.0  # degrees; scanners skew a page by 1.5 degrees at most
# Line lengths and gaps in points (1/72 inch), turned into pixels at the image's dpi.
MIN_H_PT = 29.0  # a horizontal rule is at least this long
MIN_V_PT = 14.0  # vertical ones separate short header cells too
PIECE_PT = 10.0  # pieces of a rule are at least this long (no glyph stem is)
GAP_PT = 3.0  # a rule broken by gaps up to this wide is one rule
# Ink on a rule's place past its pieces is a glyph's, not a broken rule's, where on more
# than GLYPH_SHARE of its points it runs on across SPREAD_PX pixels past the rule.
GLYPH_SHARE = 0.2
DARK = 128  # clearly dark: text (a faded rule, paper shading and its noise are lighter)
SPREAD_PX = 3
BAND_PT = 6.0  # a dark run thicker than this across is a filled band, not a rule
DOUBLE_PT = 2.5  # parallel rules this close (a doubled rule) are one rule
BORDER_PT = 2.0  # a line this close to the image's edge, along it, is the paper's edge
ADAPTIVE_BLOCK_PT = 9.0  # neighbourhood of the adaptive threshold
ADAPTIVE_C = 12  # a pixel this much darker than its neighbourhood is ink
# Tesseract's orientation confidence taken as the answer: prose pages score 2.3-3.8;
# tables of figures score up to 1.9 with wrong answers among them (Sulut 6/2016).
OSD_SURE = 2.0
# Upright or upside down from the small marks (dot_votes): at least this many votes, and
# this many times the other side's, decide; fewer leave it to reading the page both ways.
DOT_VOTES = 8
DOT_RATIO = 3.0
# Reading both ways (_reads_better_turned): the page at half size; turned when its words
# of letters are read this much surer (summed confidence) than as it stands.
READ_SCALE = 0.5
READ_RATIO = 1.3
OSD_SIDE = 1800  # pixels of the longer side the orientation model reads (1200 misreads)
GLYPH_MAX_IN = 0.4  # ink wider or taller than this (inches) is no glyph
SIDEWAYS_RATIO = 1.3  # text lines across the image are this much sharper when sideways
# A speck of ink this small (square points: about 0.7 x 0.7 pt) is dust or a 1-bit
# scanner's noise; the smallest printed mark, a 7-point full stop, is about 0.9 square
# points (15 pixels at 300 dpi).
SPECK_PT2 = 0.5

# One line: position across, start, end along, half thickness (pixels).
Line = tuple[float, int, int, float]
# A rule found: its line (the extent of its pieces), and the start and end along of the
# ink running on along its place past them (how far it may run on, see _ends).
Candidate = tuple[Line, int, int]


def _px(points: float, dpi: int) -> int:
    return max(1, round(points * dpi / 72))


def ink_mask(gray: np.ndarray, dpi: int) -> np.ndarray:
    """uint8 mask (255 = ink): adaptive threshold, so a faded rule on white paper counts,
    together with everything clearly dark."""
    import cv2

    block = _px(ADAPTIVE_BLOCK_PT, dpi) | 1
    adaptive = cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, ADAPTIVE_C
    )
    dark = (gray < DARK).astype(np.uint8) * 255
    out: np.ndarray = cv2.bitwise_or(adaptive, dark)
    return out


def _smeared(gray: np.ndarray, dpi: int, scale: float) -> np.ndarray:
    """The page reduced by `scale`, its ink smeared along the text lines (a closing with a
    wide flat kernel), so each text line is a bar."""
    import cv2

    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.uint8)
    width = max(3, round(dpi * scale * 0.12))  # about 9 pt: the gaps between words
    out: np.ndarray = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, width), np.uint8))
    return out


def _sharpness(mask: np.ndarray) -> float:
    profile = mask.sum(axis=1).astype(float)
    return float(((profile - profile.mean()) ** 2).mean()) if profile.size else 0.0


def _text_mask(gray: np.ndarray, dpi: int, scale: float) -> np.ndarray:
    """The page reduced by `scale` with only its glyph-sized ink (rules, frames, stamps and
    dark bands left out), as a 0/1 uint8 mask."""
    import cv2

    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = max(3, round(dpi * scale * GLYPH_MAX_IN))
    glyph = (stats[:, cv2.CC_STAT_WIDTH] <= big) & (stats[:, cv2.CC_STAT_HEIGHT] <= big)
    glyph[0] = False
    out: np.ndarray = glyph[labels].astype(np.uint8)
    return out


def quarter_turns(gray: np.ndarray, dpi: int) -> int:
    """How many times (0-3) the page must be turned counter-clockwise by 90 degrees to be
    upright. Tesseract's orientation model where it is sure (a page of prose); else the
    direction of the text lines (glyphs smeared along a text line make sharp bars across
    the page) tells sideways from not, and upright from upside down is decided by the small
    marks (dot_votes), else by reading the page both ways. (On tables of figures the model
    is often unsure, and wrong at times: Sulut 6/2016 p42, upright, was "upside down" with
    confidence 1.02.)"""
    import cv2

    osd = _osd_turns(gray)
    if osd is not None and osd[1] >= OSD_SURE:
        return osd[0]
    scale = min(1.0, 60 / dpi)
    mask = _text_mask(gray, dpi, scale)
    if mask.sum() < 50:
        return 0
    width = max(3, round(dpi * scale * 0.12))  # about 9 pt: the gaps between words
    along_rows = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((1, width), np.uint8))
    along_cols = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((width, 1), np.uint8))
    turns = 1 if _sharpness(along_cols.T) > SIDEWAYS_RATIO * _sharpness(along_rows) else 0
    upright = np.ascontiguousarray(np.rot90(gray, turns)) if turns else gray
    return (turns + 2) % 4 if upside_down(upright, dpi) else turns


def upside_down(gray: np.ndarray, dpi: int) -> bool:
    """Whether a page whose text lines run across it is upside down: by the small marks
    (dot_votes) where they are enough to tell, else by reading it both ways."""
    up, down = dot_votes(gray, dpi)
    if max(up, down) >= DOT_VOTES and max(up, down) >= DOT_RATIO * min(up, down):
        return down > up
    return _reads_better_turned(gray)


def dot_votes(gray: np.ndarray, dpi: int) -> tuple[int, int]:
    """Votes (upright, upside down) from the small marks of the text lines. Upright, a stop
    or a comma (a mark with no glyph above or below it in its line) sits on the baseline,
    in the lower part of the line, and the dot of an i or j sits over its stem; turned
    over, both the other way. A table of decimal figures ("1.315,50") has a mark in
    every cell; capitals and digits alone look alike either way up. A mark in the middle
    of its line (a hyphen) votes for neither."""
    import cv2

    ink = (gray < 160).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    x, y, w, h, area = (stats[:, i] for i in range(5))
    biggest = dpi * GLYPH_MAX_IN
    glyph = (w <= biggest) & (h <= biggest) & (area > SPECK_PT2 * (dpi / 72) ** 2)
    glyph[0] = False
    # Text lines (pieces of them): the glyphs smeared along the line, each bar one line.
    width = max(3, round(dpi * 0.12))  # about 9 pt: the gaps between words
    bars = cv2.morphologyEx(glyph[labels].astype(np.uint8), cv2.MORPH_CLOSE,
                            np.ones((1, width), np.uint8))  # fmt: skip
    _, bar_of = cv2.connectedComponentsWithStats(bars, connectivity=8)[:2]
    ids = np.flatnonzero(glyph)
    line = bar_of[y[ids] + h[ids] // 2, x[ids] + w[ids] // 2]
    order = np.argsort(line, kind="stable")
    ids, line = ids[order], line[order]
    up = down = 0
    for group in np.split(ids, np.flatnonzero(np.diff(line)) + 1):
        size = float(np.median(h[group])) if len(group) else 0.0
        if size < 4:
            continue
        big = group[h[group] >= 0.6 * size]
        # A mark: below half a glyph's height (a comma is about 0.45 of a digit), narrow,
        # and of little ink (x-height letters are taller, hyphens count as the middle).
        small = group[
            (h[group] < 0.55 * size) & (w[group] < 0.6 * size)
            & (area[group] < 0.4 * np.median(area[group]))
        ]  # fmt: skip
        if len(big) < 3 or not len(small):
            continue
        top = float(np.percentile(y[big], 10))
        span = max(float(np.percentile(y[big] + h[big], 90)) - top, 1.0)
        for s in small:
            middle = y[s] + h[s] / 2
            over = big[(x[big] < x[s] + w[s]) & (x[big] + w[big] > x[s])]
            if len(over):  # a dot with a stem above or below it
                stem = over[np.argmin(np.abs(y[over] + h[over] / 2 - middle))]
                up += int(middle < y[stem])
                down += int(middle > y[stem] + h[stem])
            else:
                share = (middle - top) / span
                up += int(share > 0.65)
                down += int(share < 0.35)
    return up, down


def _reads_better_turned(gray: np.ndarray) -> bool:
    """Whether Tesseract reads the page's words of letters surer turned over than as it
    stands (the summed confidence of words of three letters or more, the page at half
    size); False where Tesseract is not installed."""
    import re
    import shutil

    if shutil.which("tesseract") is None:
        return False
    import cv2
    import pytesseract

    word = re.compile(r"[^\W\d_]{3,}[.,:;]?")

    def surety(image: np.ndarray) -> float:
        data = pytesseract.image_to_data(image, lang="eng+ind", config="--psm 6",
                                         output_type=pytesseract.Output.DICT)  # fmt: skip
        return sum(
            float(c) for c, t in zip(data["conf"], data["text"], strict=True)
            if float(c) >= 0 and word.fullmatch(str(t).strip())
        )  # fmt: skip

    small = cv2.resize(gray, None, fx=READ_SCALE, fy=READ_SCALE, interpolation=cv2.INTER_AREA)
    turned = np.ascontiguousarray(np.rot90(small, 2))
    return surety(turned) > READ_RATIO * surety(small)


def _osd_turns(gray: np.ndarray) -> tuple[int, float] | None:
    """Quarter turns counter-clockwise from Tesseract's orientation model (OSD) and its
    confidence, or None where it is not installed or finds too little text."""
    import shutil

    if shutil.which("tesseract") is None:
        return None
    import cv2
    import pytesseract

    scale = min(1.0, OSD_SIDE / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    try:
        osd = pytesseract.image_to_osd(small, config="--psm 0 -c min_characters_to_try=10",
                                       output_type=pytesseract.Output.DICT)  # fmt: skip
    except Exception:  # too little text for the model
        return None
    # "rotate" is the clockwise turn that makes the page upright.
    return (4 - int(osd.get("rotate", 0)) // 90) % 4, float(osd.get("orientation_conf", 0))


def skew_angle(gray: np.ndarray, dpi: int) -> float:
    """The angle (degrees, counter-clockwise) that makes the text and rules horizontal."""
    import cv2

    scale = min(1.0, 100 / dpi)
    mask = _smeared(gray, dpi, scale).astype(np.float32)
    h, w = mask.shape
    centre = (w / 2, h / 2)

    def score(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(mask, matrix, (w, h), flags=cv2.INTER_NEAREST)
        return _sharpness(turned)

    coarse = [a / 4 for a in range(int(-MAX_SKEW * 4), int(MAX_SKEW * 4) + 1)]
    best = max(coarse, key=lambda a: (score(a), -abs(a)))
    fine = [best + d / 20 for d in range(-5, 6)]
    best = max(fine, key=lambda a: (score(a), -abs(a)))
    return round(best, 2)


def straighten(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned by `angle` degrees counter-clockwise about its centre (white fill)."""
    import cv2

    if abs(angle) < 0.05:
        return gray
    h, w = gray.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out: np.ndarray = cv2.warpAffine(gray, matrix, (w, h), flags=cv2.INTER_CUBIC,
                                     borderMode=cv2.BORDER_CONSTANT, borderValue=255)  # fmt: skip
    return out


def _place(mask: np.ndarray, line: Line, a: int, b: int) -> np.ndarray:
    """Whether each point along a horizontal line of `mask` from a to b has ink on the
    line's place (its thickness and a pixel either side)."""
    pos, _, _, half = line
    top, bottom = max(round(pos - half) - 1, 0), round(pos + half) + 2
    return np.asarray(mask[top:bottom, max(a, 0) : max(b, 0)].any(axis=0))


def _holes(inked: np.ndarray) -> list[tuple[int, int]]:
    """The runs (start, end) of False in a boolean array."""
    edges = np.diff(np.concatenate(([1], inked.astype(np.int8), [1])))
    starts, ends = np.flatnonzero(edges == -1).tolist(), np.flatnonzero(edges == 1).tolist()
    return list(zip(starts, ends, strict=True))


def _reach(mask: np.ndarray, line: Line, gap: int) -> tuple[int, int]:
    """How far ink runs on along a line's place past its ends with no hole wider than
    `gap`: the start and end along of that ink."""
    _, start, end, _ = line
    after = _place(mask, line, end, mask.shape[1])
    wide = [s for s, e in _holes(after) if e - s > gap]
    last = end + (wide[0] if wide else after.size)
    before = _place(mask, line, 0, start)[::-1]
    wide = [s for s, e in _holes(before) if e - s > gap]
    first = start - (wide[0] if wide else before.size)
    return first, last


def _pieces(mask: np.ndarray, dpi: int) -> list[Line]:
    """Horizontal runs of a uint8 ink mask (transpose it for vertical ones) made of
    unbroken pieces at least PIECE_PT long (no glyph is: an opening with a PIECE_PT-long
    kernel), closed over gaps up to GAP_PT along and over a doubled rule across; any
    length. Their position across is the median of their pieces' pixels."""
    import cv2

    kernel = np.ones((1, _px(PIECE_PT, dpi)), np.uint8)
    pieces = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    gap, double = _px(GAP_PT, dpi), _px(DOUBLE_PT, dpi)
    closed = cv2.morphologyEx(pieces, cv2.MORPH_CLOSE, np.ones((double, gap), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(closed, connectivity=8)
    found: list[Line] = []
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k][:4])
        if h > _px(BAND_PT, dpi):
            continue  # a dark band (a filled area, a stamp), not a rule
        weights = (pieces[y : y + h, x : x + w] > 0).sum(axis=1)
        position = float(y + (weights * np.arange(h)).sum() / max(int(weights.sum()), 1))
        found.append((position, x, x + w, h / 2))
    return found


def _candidates(
    mask: np.ndarray, dark: np.ndarray, found: list[Line], across: list[Line], dpi: int
) -> list[Candidate]:
    """The rules among the runs of pieces `found` in a mask (see _pieces), each with how
    far ink runs on along its place past its ends (see _ends). Runs on one place
    across are one rule where the ink between them on that place has no hole wider
    than GAP_PT and is no glyph's (see _glyph_on): a rule broken every few points
    (faded, 300-grey-faded) keeps few unbroken pieces, but it is there, thin, on both
    sides of each gap. Only the rule's place is looked at, never the mask bridged as a
    whole (bridged over small gaps, a line of text is a bar), and the slab serifs of a
    line of bold type, joined over the gaps between letters, carry the letters' stems
    (200-bw-speckle p20: 'PEMERINTAH')."""
    gap, double, near = _px(GAP_PT, dpi), _px(DOUBLE_PT, dpi), _px(GAP_PT, dpi)

    def glyph(line: Line) -> bool:
        return _glyph_on(dark, line, line[1], line[2], _crossing(line[0], across, near), dpi)

    joined: list[Line] = []
    strokes: set[Line] = set()
    for line in sorted(found, key=lambda ln: (ln[1], ln[0])):
        if glyph(line):  # a glyph's stroke taller than a piece ('b', ')'): joins nothing
            strokes.add(line)
            joined.append(line)
            continue
        for n, other in enumerate(joined):
            if abs(other[0] - line[0]) > double or line[1] < other[2] or other in strokes:
                continue
            between = _place(mask, other, other[2], line[1])
            if any(e - s > gap for s, e in _holes(between)):
                continue
            crossings = _crossing(other[0], across, near)
            if _glyph_on(dark, other, other[2], line[1], crossings, dpi):
                continue
            weight, own = other[2] - other[1], line[2] - line[1]
            position = (other[0] * weight + line[0] * own) / (weight + own)
            joined[n] = (position, other[1], line[2], max(other[3], line[3]))
            break
        else:
            joined.append(line)
    joined.sort()
    out: list[Candidate] = []
    for line in joined:
        start, end = (line[1], line[2]) if line in strokes else _reach(mask, line, gap)
        for other in joined:  # it runs on up to another rule on its place, not over it
            if other is not line and abs(other[0] - line[0]) <= double:
                if other[2] <= line[1]:
                    start = max(start, other[2])
                elif other[1] >= line[2]:
                    end = min(end, other[1])
        out.append((line, start, end))
    return out


def _crossing(pos: float, across: list[Line], near: int) -> list[float]:
    """The positions of the lines across that run over position `pos` (within near)."""
    return sorted(c[0] for c in across if c[1] - near <= pos <= c[2] + near)


def _glyph_on(
    dark: np.ndarray, line: Line, a: int, b: int, crossings: list[float], dpi: int
) -> bool:
    """Whether the ink on a horizontal line's place from a to b (along it) is a glyph's,
    not a broken rule's, in `dark`, the clearly dark pixels (DARK: text; a faded rule,
    shading and the adaptive threshold's noise on it are lighter): on more than
    GLYPH_SHARE of the points with dark ink on the place, away from the rules across
    (within GAP_PT), dark ink beside the rule's thickness runs
    on across, SPREAD_PX pixels out of it (the bowl of a 'b', the arm of a 'K', a
    stroke crossing the place at a slant, a ')' whose unbroken stretch is only part of
    its stroke). A rule's pieces, faded or broken, are no thicker than the rule; text
    touching one here and there stays under that share, and ink beside a rule that runs
    along it further than a glyph (GLYPH_MAX_IN: the edge of a shaded header cell,
    which the adaptive threshold marks as ink) is no glyph."""
    import cv2

    pos, _, _, half = line
    a, b = max(a, 0), min(b, dark.shape[1])
    centre, inner = round(pos), int(np.ceil(half)) + 1
    outer, glyph_px, near = inner + SPREAD_PX, round(GLYPH_MAX_IN * dpi), _px(GAP_PT, dpi)
    if b <= a or centre - outer < 0 or centre + outer >= dark.shape[0]:
        return False
    ink = np.array(dark[centre - outer : centre + outer + 1, a:b] > 0, dtype=np.uint8)
    for c in crossings:
        ink[:, max(round(c) - near - a, 0) : max(round(c) + near + 1 - a, 0)] = 0
    on = ink[SPREAD_PX : SPREAD_PX + 2 * inner + 1].any(axis=0)
    glyph = np.zeros(b - a, bool)
    for side in (ink[:SPREAD_PX], ink[-SPREAD_PX:]):
        # ink across the whole strip beside the rule: joined from its edge to its far side
        _, labels, stats, _ = cv2.connectedComponentsWithStats(
            np.ascontiguousarray(side), connectivity=8
        )
        spreading = stats[:, cv2.CC_STAT_HEIGHT] == SPREAD_PX
        spreading &= stats[:, cv2.CC_STAT_WIDTH] <= glyph_px  # no glyph is longer
        spreading[0] = False
        glyph |= spreading[labels].any(axis=0)
    return int((glyph & on).sum()) > GLYPH_SHARE * max(int(on.sum()), 1)


def _ends(
    candidates: list[Candidate], across: list[Line], dark: np.ndarray, dpi: int, min_pt: float
) -> list[Line]:
    """Each rule's ends. A rule broken short of where it stops (faded) runs on over the
    ink on its place (see _reach) from rule across to rule across, as long as that ink
    is no glyph's (see _glyph_on); it stops on a rule across. Then at least min_pt
    long. A glyph on a rule's place is text in a merged cell: Pergub Sulut 6/2016 p26's
    MEI | JUNI rule run up over the 'K' of the merged header 'Kebutuhan Pupuk (Ton)' to
    the table's top rule split that header, p39's JULI | AGT rule over the '(' of
    '(Ton)' too, and a ')' taller than a piece (p17, p39) became a rule. A run of pieces
    shorter than min_pt does not run on: the upright of a '(' is a 10-pt piece, and run
    on to the rule over it (Perbup Donggala 10/2025 p12 'Medis (') it split its cell."""
    near = _px(GAP_PT, dpi)
    out: list[Line] = []
    for line, start, end in candidates:
        pos, first, last, half = line
        if last - first < _px(min_pt, dpi):
            continue  # a stroke, not a rule to run on: the upright of a '(' (Donggala p12)
        crossings = _crossing(pos, across, near)
        for c in reversed([c for c in crossings if start - near <= c < first - near]):
            if _glyph_on(dark, line, round(c), first, crossings, dpi):
                break
            first = round(c) - 1
        for c in [c for c in crossings if last + near < c <= end + near]:
            if _glyph_on(dark, line, last, round(c), crossings, dpi):
                break
            last = round(c) + 2
        if last - first >= _px(min_pt, dpi):
            out.append((pos, first, last, half))
    return out


def _off_border(lines: list[Line], size: int, dpi: int) -> list[Line]:
    """The lines not lying along the image's border (within BORDER_PT of the edge they
    run along): the edge of the paper or the shadow of the scanner's lid, no rule. A
    table cut by the scan's edge is still closed there (tables/ruling.py closes frames)."""
    edge = _px(BORDER_PT, dpi)
    return [ln for ln in lines if ln[0] - ln[3] > edge and ln[0] + ln[3] < size - 1 - edge]


def rulings(gray: np.ndarray, dpi: int) -> tuple[list[Line], list[Line]]:
    """Horizontal and vertical ruling lines of an upright page image, in pixels; none
    along the image's border (see _off_border). The ends of each direction's rules are
    decided on the other direction's (see _ends), twice: the second time on the other
    direction's rules with their ends decided (a faded frame reaching its corner)."""
    mask = ink_mask(gray, dpi)
    mask_v = np.ascontiguousarray(mask.T)
    dark = (gray < DARK).astype(np.uint8)
    dark_v = np.ascontiguousarray(dark.T)
    found_h, found_v = _pieces(mask, dpi), _pieces(mask_v, dpi)
    cand_h = _candidates(mask, dark, found_h, found_v, dpi)
    cand_v = _candidates(mask_v, dark_v, found_v, found_h, dpi)
    first_h = _ends(cand_h, [c[0] for c in cand_v], dark, dpi, MIN_H_PT)
    first_v = _ends(cand_v, [c[0] for c in cand_h], dark_v, dpi, MIN_V_PT)
    horizontal = _ends(cand_h, first_v, dark, dpi, MIN_H_PT)
    vertical = _ends(cand_v, first_h, dark_v, dpi, MIN_V_PT)
    horizontal = _off_border(horizontal, gray.shape[0], dpi)
    vertical = _off_border(vertical, gray.shape[1], dpi)
    return horizontal, vertical


def despeckle(gray: np.ndarray, dpi: int, dark: int = 128) -> np.ndarray:
    """The image with every speck of ink (a connected run of pixels darker than `dark`,
    SPECK_PT2 square points at most) made white. A 1-bit scan's noise survives the
    paper-level cleaning (its specks are black, not grey) and Tesseract reads it as
    stops, dashes and bars, and the item numbers it sits beside as other glyphs ("a ©"
    for "1."); a grey scan has none this small."""
    import cv2

    ink = (gray < dark).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    small = stats[:, cv2.CC_STAT_AREA] <= SPECK_PT2 * (dpi / 72) ** 2
    small[0] = False  # the background
    if not small.any():
        return gray
    out = gray.copy()
    out[small[labels]] = 255
    return out


def as_gray(image: Any) -> np.ndarray:
    """A PIL image as a contiguous uint8 grey array."""
    return np.ascontiguousarray(np.array(image.convert("L"), dtype=np.uint8))
