"""Pages without a text layer (scans): OCR with Tesseract's Indonesian model, and ruling
lines found in the page image, so the same table machinery serves scanned and born-digital
PDFs.

* The page is rendered to a grayscale image, turned upright and deskewed, and its ruling
  lines are found with OpenCV (extract/raster.py). They become pdfplumber line objects (the
  table finder then works as usual) and are erased before OCR, so cell borders are not read
  as "|" or "l".
* Tesseract (pytesseract, `eng+ind`) reads every table cell on its own (enlarged), and the
  text outside the tables from the page with its tables blanked. Each word becomes
  pdfplumber char objects (one per character, with a space between words of a line),
  marked with `ocr_confidence`; bold (from stroke width) and the space at a slash are
  measured in the image.
* A checkmark is decided by the ink inside its cell (see `ink_pixels`), not by OCR of "√".
* Results are cached by the page image's sha256 under .cache/ocr/; pages are OCR'd in
  parallel worker processes (the PDF renderer is not thread-safe).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DPI = 300
SCALE = 72 / DPI  # image pixels -> PDF points
DARK = 128  # a pixel darker than this is ink (for ruling lines and cell contents)
PAPER_LEVEL = 170  # pixels at least this light are paper (or shading) for Tesseract
CACHE_DIR = Path(".cache") / "ocr"
# A scanned page is refused above this many pixels at DPI (A2 at 300 dpi is 34.8 million,
# A3 17.4, A4 8.7): the memory of one page's OCR grows with its area (README, "Resources").
MAX_PAGE_PIXELS = 36_000_000
CELL_INSET = 8  # pixels inside a cell's ruling lines that are left out (line remnants)
CELL_PAD = 20  # white pixels put around a cell's ink for Tesseract
MIN_CELL_INK = 12  # fewer dark pixels than this in a cell is noise
BOLD_STROKE = 1.4  # a word whose stems are this many times the page's usual width is bold
SLASH_GAP = 0.25  # a gap at a slash narrower than this share of the line height is no space
# English first: the Indonesian model reads "%" as "Yo", "QuickWins" as "GuickWins" and
# the semicolons of the tables as colons.
LANG = "eng+ind"
# Cells are read enlarged 1.5 times. Measured on scans of 7- to 12-point type (text lines 23
# to 41 px high at 300 dpi): 1.5 reads best; 1.0 a little worse, 2.0 far worse.
CELL_ZOOM = 1.5
SHEET_MAX_PX = 6000  # cell tiles are stacked into sheets at most this tall for one OCR call
# A cell of one word (an item number, a tick) read below this is read again, stacked with
# the other unsure ones only (its neighbours in the sheet sway Tesseract: 200-bw-speckle
# p20's program "3." read "2." at 44 among 40 cells, "3." at 95 among the unsure ones).
# Cells of text are not: read again, 150-grey-q60 p22's "kali /tahun" came out surer as
# "kali f/tahun".
REREAD_CONF = 60.0
TESSERACT_CONFIG = "--psm 6"


@dataclass(frozen=True, slots=True)
class OcrPage:
    chars: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    ink_bits: np.ndarray  # dark-pixel mask without ruling lines, packed by row
    # Quarter turns counter-clockwise that made the page upright: chars and lines are in
    # the frame of the page turned that way (see turned_page).
    turns: int = 0
    skew: float = 0.0  # degrees the upright image was turned to straighten it

    def ink_pixels(self, bbox: tuple[float, float, float, float]) -> int:
        """Dark pixels inside a box given in PDF points, away from its borders."""
        x0, top, x1, bottom = (int(v / SCALE) for v in bbox)
        pad = 8
        rows = np.unpackbits(self.ink_bits[max(top + pad, 0) : max(bottom - pad, 0)], axis=1)
        return int(rows[:, x0 + pad : max(x1 - pad, x0 + pad)].sum())


def scan_pages(path: Path) -> list[int]:
    """0-based indexes of the pages that carry images but draw no text (no text layer).

    A page's font resources are not its text layer: producers declare a font on pages that
    show nothing with it (reportlab does on every page), so the content stream itself, and
    the forms it paints, are searched for a text-showing operator."""
    from pypdf import PdfReader

    out = []
    for i, page in enumerate(PdfReader(path).pages):
        resources = page.get("/Resources") or {}
        resources = resources.get_object() if hasattr(resources, "get_object") else resources
        images = resources.get("/XObject") if hasattr(resources, "get") else None
        if images and not _draws_text(page.get("/Contents"), resources, depth=0):
            out.append(i)
    return out


# A text-showing operator (Tj, TJ, ' or ") as a token of a content stream: after a string or
# array operand, before a delimiter. Found in the decoded bytes, not by parsing every operator
# (seconds on a text page); bytes of an inline image that happen to look like one only make a
# page count as text, which is how every page was read before.
_TEXT_SHOWING_RE = re.compile(rb"[)\]>]\s*(?:Tj|TJ|'|\")(?=[\s/\[\]()<>]|$)")


def _draws_text(contents: Any, resources: Any, depth: int) -> bool:
    """A content stream (or a form XObject it paints, to a few levels) shows text."""
    data = _stream_bytes(contents)
    if _TEXT_SHOWING_RE.search(data):
        return True
    if depth >= 3 or b"Do" not in data or not hasattr(resources, "get"):
        return False
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if hasattr(xobjects, "get_object") else xobjects
    for name in re.findall(rb"/([^\s/\[\]()<>{}%]+)\s+Do\b", data):
        xobject: Any = (
            xobjects.get("/" + name.decode("latin-1")) if hasattr(xobjects, "get") else None
        )
        xobject = xobject.get_object() if hasattr(xobject, "get_object") else xobject
        if xobject is None or xobject.get("/Subtype") != "/Form":
            continue
        inner = xobject.get("/Resources")
        inner = inner.get_object() if hasattr(inner, "get_object") else inner
        if _draws_text(xobject, inner if inner is not None else resources, depth + 1):
            return True
    return False


def _stream_bytes(contents: Any) -> bytes:
    """The decoded bytes of a page's /Contents (a stream or an array of them) or a form."""
    contents = contents.get_object() if hasattr(contents, "get_object") else contents
    if contents is None:
        return b""
    if isinstance(contents, list):
        return b"\n".join(_stream_bytes(part) for part in contents)
    return bytes(contents.get_data())


def _run_bounds(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, starts and ends (exclusive) of the runs of True along the rows of a 2-D mask,
    row by row, left to right."""
    steps = np.diff(np.pad(mask.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    rows, starts = np.nonzero(steps == 1)
    return rows, starts, np.nonzero(steps == -1)[1]


BoxPx = tuple[int, int, int, int]  # x0, top, x1, bottom (pixels)


def _line(
    x0: float, top: float, x1: float, bottom: float, page_no: int, height: float
) -> dict[str, Any]:
    return {
        "object_type": "line", "page_number": page_no, "x0": x0, "x1": x1, "top": top,
        "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top,
        "y0": height - bottom, "y1": height - top, "linewidth": 1, "stroke": True,
        "fill": False, "pts": [(x0, top), (x1, bottom)], "stroking_color": (0,),
        "non_stroking_color": (0,),
    }  # fmt: skip


# One recognised word, in PDF points: (text, confidence, x0, top, x1, bottom, line key).
Word = tuple[str, float, float, float, float, float, tuple[int, ...]]


# What Tesseract reads a vertical rule or a page border as.
RULE_GLYPHS = "|¦│┃"


def _words(
    data: dict[str, list[Any]], region: int = 0, dx: float = 0, dy: float = 0, zoom: float = 1.0
) -> list[Word]:
    """Tesseract's words as Words: pixels of an image, enlarged `zoom` times, placed at
    (dx, dy) on the page; the line key keeps `region` (a cell) apart from the others."""
    return [
        (
            str(data["text"][k]).strip(),
            float(data["conf"][k]),
            (data["left"][k] / zoom + dx) * SCALE,
            (data["top"][k] / zoom + dy) * SCALE,
            ((data["left"][k] + data["width"][k]) / zoom + dx) * SCALE,
            ((data["top"][k] + data["height"][k]) / zoom + dy) * SCALE,
            (region, data["block_num"][k], data["par_num"][k], data["line_num"][k]),
        )
        for k in range(len(data["text"]))
        if str(data["text"][k]).strip() and not _border_bar(data, k)
    ]


def _inked(ink: np.ndarray, word: Word) -> bool:
    """Whether a word's box holds any ink (a pixel darker than DARK). Tesseract reads the
    faint specks of a 1-bit scan, lighter than any glyph, as bars: "- 22 - | |" on
    200-bw-speckle p22, which made the page number a table's caption and cut the table
    from the page before."""
    x0, top, x1, bottom = (int(v / SCALE) for v in word[2:6])
    return bool(ink[max(top, 0) : bottom + 1, max(x0, 0) : x1 + 1].any())


def _border_bar(data: dict[str, list[Any]], k: int) -> bool:
    """Word k is a bar that opens a line with more words after it: a page border or rule
    read as text ("| NOMOR 19 TAHUN 2015"). A bar at a line's end is kept: after "BAB" it is
    the Roman one that ocr_repair restores."""
    if str(data["text"][k]).strip().strip(RULE_GLYPHS):
        return False
    line = [data[f][k] for f in ("block_num", "par_num", "line_num")]
    same = [
        j
        for j in range(len(data["text"]))
        if [data[f][j] for f in ("block_num", "par_num", "line_num")] == line
        and str(data["text"][j]).strip()
    ]
    return same[0] == k and len(same) > 1


def _blank_run(ink: np.ndarray | None, x0: float, top: float, x1: float, bottom: float) -> float:
    """The widest run of ink-free columns between x0 and x1 (PDF points) in the rows from
    top to bottom, in points; without an image, the whole distance."""
    if ink is None or x1 <= x0:
        return x1 - x0
    band = ink[int(top / SCALE) : int(bottom / SCALE) + 1, int(x0 / SCALE) : int(x1 / SCALE)]
    _, starts, ends = _run_bounds(~np.asarray(band.any(axis=0, keepdims=True)))
    return float((ends - starts).max()) * SCALE if starts.size else 0.0


def _stroke(ink: np.ndarray, word: Word) -> float:
    """The median width (pixels) of the word's horizontal ink runs: its stems' thickness."""
    x0, top, x1, bottom = (int(v / SCALE) for v in word[2:6])
    _, starts, ends = _run_bounds(ink[max(top, 0) : bottom + 1, max(x0, 0) : x1 + 1])
    return float(np.median(ends - starts)) if starts.size else 0.0


def _bold(words: list[Word], ink: np.ndarray | None) -> list[bool]:
    """Which words are bold: strokes BOLD_STROKE times as thick as the page's usual ones
    (the median over its words of three characters or more)."""
    if ink is None or not words:
        return [False] * len(words)
    strokes = [_stroke(ink, w) for w in words]
    usual = float(np.median([s for s, w in zip(strokes, words, strict=True) if len(w[0]) >= 3]
                            or [0.0]))  # fmt: skip
    return [usual > 0 and s >= BOLD_STROKE * usual for s in strokes]


def _chars(
    words: list[Word], page_no: int, height: float, ink: np.ndarray | None = None
) -> list[dict[str, Any]]:
    """pdfplumber char objects for the words: one per character, evenly spread over the
    word's box, with a space between neighbouring words of one OCR line. Words of one line
    share the line's top and bottom, so they read as one line. A word whose strokes are
    thick in the image is bold (fontname "OCR-Bold"), as a bold font is in a text layer."""
    spans: dict[tuple[int, ...], tuple[float, float]] = {}
    for _, _, _, top, _, bottom, key in words:
        lo, hi = spans.get(key, (top, bottom))
        spans[key] = (min(lo, top), max(hi, bottom))
    chars: list[dict[str, Any]] = []
    previous: tuple[tuple[int, ...], float, str] | None = None
    ordered = sorted(zip(words, _bold(words, ink), strict=True), key=lambda w: (w[0][6], w[0][2]))
    for (text, conf, x0, _, x1, _, key), bold in ordered:
        font = "OCR-Bold" if bold else "OCR"
        top, bottom = spans[key]
        if previous is not None and previous[0] == key:
            # Tesseract splits "pembinaan/pelatihan" at the slash; a gap that narrow is
            # no space (a real one is about a third of the line height or more). The gap
            # is measured in the image: Tesseract's box may leave the slash itself out.
            slash = previous[2].endswith("/") or text.startswith("/")
            gap = _blank_run(ink, previous[1], top, x0, bottom) if slash else 0.0
            if not (slash and gap < SLASH_GAP * (bottom - top)):
                chars.append(_char(" ", previous[1], top, x0, bottom, page_no, height, conf, font))
            else:
                x0 = min(x0, previous[1])  # glued: no gap for pdfplumber to read as a space
        step = (x1 - x0) / len(text)
        for i, ch in enumerate(text):
            chars.append(
                _char(
                    ch, x0 + i * step, top, x0 + (i + 1) * step, bottom, page_no, height, conf, font
                )  # fmt: skip
            )
        previous = (key, x1, text)
    return chars


def _char(text: str, x0: float, top: float, x1: float, bottom: float, page_no: int,
          height: float, conf: float, font: str = "OCR") -> dict[str, Any]:  # fmt: skip
    return {
        "object_type": "char", "page_number": page_no, "text": text, "fontname": font,
        "size": bottom - top, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top,
        "upright": True, "matrix": (1, 0, 0, 1, x0, height - bottom), "adv": x1 - x0,
        "stroking_color": (0,), "non_stroking_color": (0,), "ocr_confidence": conf,
    }  # fmt: skip


def _tesseract(image: Any, cache_dir: Path) -> dict[str, list[Any]]:
    """Tesseract's word table for an image, cached by the image's hash and the settings."""
    settings = f"{LANG} {TESSERACT_CONFIG}".encode()
    key = hashlib.sha256(settings + image.tobytes() + repr(image.size).encode()).hexdigest()
    cached = cache_dir / f"{key}.json"
    try:
        entry = json.loads(cached.read_text("utf-8"))
        if isinstance(entry, dict) and set(entry) >= {"text", "conf", "left", "top"}:
            return entry
    except (OSError, ValueError):
        pass  # missing, or torn by a kill during an old write: a miss, rewritten below
    import pytesseract

    data = pytesseract.image_to_data(image, lang=LANG, config=TESSERACT_CONFIG,
                                     output_type=pytesseract.Output.DICT)  # fmt: skip
    keep = {k: data[k] for k in ("text", "conf", "left", "top", "width", "height",
                                 "block_num", "par_num", "line_num")}  # fmt: skip
    _write_cache(cached, json.dumps(keep))
    return keep


def _write_cache(path: Path, text: str) -> None:
    """A unique temporary sibling renamed into place: never a torn entry, never a clash
    between workers writing the same entry."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cell_boxes(page: Any, lines: list[dict[str, Any]]) -> tuple[list[BoxPx], list[BoxPx]]:
    """Tables and cells (pixel boxes) that pdfplumber's table finder makes of the ruling
    lines: the same cells the table machinery reads later."""
    page._objects = {"char": [], "line": lines, "rect": [], "curve": []}
    tables: list[BoxPx] = []
    cells: list[BoxPx] = []
    for table in page.find_tables():
        tables.append(_px(table.bbox))
        cells.extend(_px(c) for c in table.cells)
    return tables, sorted(set(cells), key=lambda b: (b[1], b[0]))


def _px(bbox: tuple[float, float, float, float]) -> BoxPx:
    x0, top, x1, bottom = bbox
    return int(x0 / SCALE), int(top / SCALE), int(x1 / SCALE), int(bottom / SCALE)


def _cell_words(image: Any, cells: list[BoxPx], cache_dir: Path) -> list[Word]:
    """OCR every cell on its own, so a cell's lines never run into the next column's. The
    cell's inside, trimmed to its ink and enlarged, is one tile; the tiles are stacked, each
    on its own band with white between, into sheets that Tesseract reads in one call each
    (one process per cell cost about 0.3 s a cell, 40 s for a page of 200 cells); every
    word is placed back in the cell whose band holds it."""
    from PIL import Image, ImageOps

    pixels = np.array(image)
    tiles: list[tuple[int, Any, float, float]] = []  # cell number, tile, dx, dy
    for n, (x0, top, x1, bottom) in enumerate(cells):
        inside = pixels[top + CELL_INSET : bottom - CELL_INSET, x0 + CELL_INSET : x1 - CELL_INSET]
        ink = inside < DARK
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        if rows.size == 0 or ink.sum() < MIN_CELL_INK:
            continue
        piece = Image.fromarray(inside[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])
        if CELL_ZOOM != 1:
            size = (round(piece.width * CELL_ZOOM), round(piece.height * CELL_ZOOM))
            piece = piece.resize(size, Image.Resampling.LANCZOS)
        dx = x0 + CELL_INSET + int(cols[0]) - CELL_PAD / CELL_ZOOM
        dy = top + CELL_INSET + int(rows[0]) - CELL_PAD / CELL_ZOOM
        tiles.append((n, ImageOps.expand(piece, CELL_PAD, fill=255), dx, dy))
    by_cell = _read_tiles(list(tiles), cache_dir)
    unsure = [
        t for t in tiles if len(by_cell.get(t[0], ())) == 1 and by_cell[t[0]][0][1] < REREAD_CONF
    ]
    if unsure and len(unsure) < len(tiles):
        # Read again among the unsure cells only; the surer reading of a cell is kept.
        for n, again in _read_tiles(unsure, cache_dir).items():
            if min(w[1] for w in again) > min(w[1] for w in by_cell[n]):
                by_cell[n] = again
    return [w for n in sorted(by_cell) for w in by_cell[n] if not _speck_word(w, by_cell[n])]


# A 1-bit scan's specks beside a cell's words come out as stray marks read with almost no
# confidence (200-bw-speckle: ":" and "," at 0, "—" and "_" at 12 after a cell's last word;
# real marks there read 38 and more).
SPECK_GLYPHS = frozenset(",.:;-_—–|'`~")
SPECK_CONF = 15.0


def _speck_word(word: Word, cell: list[Word]) -> bool:
    """Whether a word is a speck read as a mark: only marks, read below SPECK_CONF, in a
    cell that holds words of letters or digits (a cell of one mark alone keeps it)."""
    if word[1] >= SPECK_CONF or not set(word[0]) <= SPECK_GLYPHS:
        return False
    return any(any(ch.isalnum() for ch in other[0]) for other in cell)


def _read_tiles(
    tiles: list[tuple[int, Any, float, float]], cache_dir: Path
) -> dict[int, list[Word]]:
    """The words of cell tiles (cell number, tile, dx, dy), by cell number: the tiles
    stacked into sheets, each read in one Tesseract call."""
    from PIL import Image

    words: dict[int, list[Word]] = {}
    while tiles:
        sheet_tiles: list[tuple[int, int, Any, float, float]] = []
        height = 0
        while tiles and (not sheet_tiles or height + tiles[0][1].height <= SHEET_MAX_PX):
            sheet_tiles.append((height, *tiles.pop(0)))
            height += sheet_tiles[-1][2].height
        width = max(t[2].width for t in sheet_tiles)
        sheet = Image.new("L", (width, height), 255)
        for y, _, tile, _, _ in sheet_tiles:
            sheet.paste(tile, (0, y))
        data = _tesseract(sheet, cache_dir)
        bands = [y for y, *_ in sheet_tiles]
        for k in range(len(data["text"])):
            middle = data["top"][k] + data["height"][k] / 2
            at = max(int(np.searchsorted(bands, middle, side="right")) - 1, 0)
            y, n, _, dx, dy = sheet_tiles[at]
            one = {key: [value[k]] for key, value in data.items()}
            one["top"] = [data["top"][k] - y]
            found = _words(one, 1 + n, dx, dy, CELL_ZOOM)
            if found:
                words.setdefault(n, []).extend(found)
    return words


def turned_page(path: Path, index: int, turns: int) -> Any:
    """Page `index` of `path` as a one-page pdfplumber PDF turned `turns` quarter turns
    counter-clockwise (a scan fed in sideways or upside down); the caller closes it."""
    import io

    import pdfplumber
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    page = PdfReader(path).pages[index]
    page.rotate((360 - 90 * turns) % 360)
    writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    buffer.seek(0)
    return pdfplumber.open(buffer)


def ocr_page(
    page: Any, page_no: int, cache_dir: Path = CACHE_DIR, path: Path | None = None
) -> OcrPage:
    """OCR one page: turned upright and deskewed, its rulings found in the pixels
    (extract/raster.py), every table cell read on its own, the rest as one block. A page
    that had to be turned is measured in the turned frame; `path` gives that frame's page
    (without it, the page is read as it stands)."""
    from PIL import Image

    from pipeline.extract import raster

    gray = raster.as_gray(page.to_image(resolution=DPI).original)
    # A scanner's own text layer over the image: a witness (see _witnessed).
    witness = [(str(c["text"]), *_centre_px(c)) for c in page.chars if str(c["text"]).strip()]
    turns = raster.quarter_turns(gray, DPI) if path is not None else 0
    copy = None
    if turns:
        gray = np.ascontiguousarray(np.rot90(gray, turns))
        assert path is not None
        copy = turned_page(path, page_no - 1, turns)
        page = copy.pages[0]
    angle = raster.skew_angle(gray, DPI)
    pixels = raster.straighten(gray, angle)
    horizontal, vertical = raster.rulings(pixels, DPI)
    # For reading, light pixels (paper, shading, noise on them) become white while the
    # grey edges of glyphs stay: left to itself, Tesseract binarises a blank or shaded
    # area so that its noise reads as words. (A median filter would also eat the tails of
    # commas: "Korupsi, Kolusi" read as "Korupsi. Kolusi".)
    clean = np.where(pixels >= PAPER_LEVEL, 255, pixels).astype(np.uint8)
    for pos, s, e, half in horizontal:
        clean[max(int(pos - half) - 3, 0) : int(pos + half) + 4, s:e] = 255
    for pos, s, e, half in vertical:
        clean[s:e, max(int(pos - half) - 3, 0) : int(pos + half) + 4] = 255
    clean = raster.despeckle(clean, DPI, DARK)
    height = float(page.height)
    lines = [
        _line(s * SCALE, pos * SCALE, e * SCALE, pos * SCALE, page_no, height)
        for pos, s, e, _ in horizontal
    ]
    lines += [
        _line(pos * SCALE, s * SCALE, pos * SCALE, e * SCALE, page_no, height)
        for pos, s, e, _ in vertical
    ]
    tables, cells = _cell_boxes(page, lines)
    if copy is not None:
        copy.close()
    words = _cell_words(Image.fromarray(clean), cells, cache_dir)
    # Text outside the tables: the page with its tables blanked, read as one block.
    outside = clean.copy()
    for x0, top, x1, bottom in tables:
        outside[top : bottom + 1, x0 : x1 + 1] = 255
    if (outside < DARK).any():
        words += _words(_tesseract(Image.fromarray(outside), cache_dir))
    ink = clean < DARK
    words = [w for w in words if _inked(ink, w)]
    if witness:
        words = _witnessed(words, witness, gray.shape, turns, angle)
    return OcrPage(
        _chars(words, page_no, height, ink), lines, np.packbits(ink, axis=1), turns, angle
    )


def _drawn(page: Any) -> list[tuple[bool, float, float, float]]:
    """The page's drawn rules as (horizontal, position across, start, end) in points:
    its lines and the edges of its thin rectangles."""
    out: list[tuple[bool, float, float, float]] = []
    for obj in [*page.lines, *page.rects]:
        x0, x1, top, bottom = (float(obj[k]) for k in ("x0", "x1", "top", "bottom"))
        if bottom - top <= x1 - x0:
            out.append((True, (top + bottom) / 2, x0, x1))
        if x1 - x0 <= bottom - top:
            out.append((False, (x0 + x1) / 2, top, bottom))
    return out


DRAWN_NEAR_PT = 2.0  # a rule in the pixels this close to a drawn one, along it, is that one


def image_rulings(page: Any, page_no: int) -> list[dict[str, Any]]:
    """The ruling lines of a page whose text and some rules are drawn over a scanned
    image of it (a scan converted to text and vector rules, Adobe ClearScan-style, SKB
    375/2022 p4): its rules found in the pixels (extract/raster.py) that no drawn rule
    already gives and that join two drawn rules across them, i.e. rules of a drawn table
    that the conversion left in the image. The converted page drew only some row rules
    (rows 2-3, 8-10 read as one) and none under the second table's header (its one row
    read as the header)."""
    from pipeline.extract import raster

    drawn = _drawn(page)
    if not drawn:
        return []
    gray = raster.as_gray(page.to_image(resolution=DPI).original)
    horizontal, vertical = raster.rulings(gray, DPI)
    near = DRAWN_NEAR_PT
    out: list[dict[str, Any]] = []
    for flat, found in ((True, horizontal), (False, vertical)):
        for pos_px, s_px, e_px, _ in found:
            pos, start, end = pos_px * SCALE, s_px * SCALE, e_px * SCALE
            same = [d for d in drawn if d[0] == flat and abs(d[1] - pos) <= near]
            covered = sum(max(min(end, d[3]) - max(start, d[2]), 0.0) for d in same)
            if covered >= 0.9 * (end - start):
                continue  # drawn already
            crossing = [
                d for d in drawn
                if d[0] != flat and start - near <= d[1] <= end + near
                and d[2] - near <= pos <= d[3] + near
            ]  # fmt: skip
            if len({round(d[1]) for d in crossing}) < 2:
                continue  # no rule of a drawn table
            if flat:
                out.append(_line(start, pos, end, pos, page_no, float(page.height)))
            else:
                out.append(_line(pos, start, pos, end, page_no, float(page.height)))
    return out


WITNESS_CONFIDENCE = 90.0  # a word the scanner's text layer reads alike is this sure at least


def _centre_px(char: dict[str, Any]) -> tuple[float, float]:
    return (
        (float(char["x0"]) + float(char["x1"])) / 2 / SCALE,
        (float(char["top"]) + float(char["bottom"])) / 2 / SCALE,
    )


def _witnessed(
    words: list[Word],
    witness: list[tuple[str, float, float]],
    shape: tuple[int, ...],
    turns: int,
    angle: float,
) -> list[Word]:
    """Our words checked against a scanner's text layer (characters with their centres in
    the page image as rendered, before it was turned and straightened): where the layer's
    characters inside a word's box read exactly as our word, the word is confirmed and its
    confidence raised to WITNESS_CONFIDENCE; elsewhere the layer is not used, and our
    reading of the pixels stands. The layer never adds, removes or changes a word."""
    import cv2

    height, width = shape[0], shape[1]  # the turned image; before turning, odd turns swap
    h, w = (width, height) if turns % 2 else (height, width)
    points = []
    for text, x, y in witness:
        for _ in range(turns):  # one quarter turn counter-clockwise: (x, y) -> (y, w - x)
            x, y, w, h = y, w - x, h, w
        points.append((text, x, y))
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    placed = [
        (t, (matrix[0, 0] * x + matrix[0, 1] * y + matrix[0, 2]) * SCALE,
         (matrix[1, 0] * x + matrix[1, 1] * y + matrix[1, 2]) * SCALE)
        for t, x, y in points
    ]  # fmt: skip
    out = []
    for word in words:
        text, conf, x0, top, x1, bottom, key = word
        inside = sorted((x, t) for t, x, y in placed if x0 <= x <= x1 and top <= y <= bottom)
        if conf < WITNESS_CONFIDENCE and "".join(t for _, t in inside) == text:
            word = (text, WITNESS_CONFIDENCE, x0, top, x1, bottom, key)
        out.append(word)
    return out


def _ocr_one(path: Path, index: int) -> OcrPage:
    import pdfplumber

    # Pages are the unit of parallelism: one Tesseract thread each, no oversubscription.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    with pdfplumber.open(path) as pdf:
        return ocr_page(pdf.pages[index], index + 1, path=path)


def ocr_document(
    path: Path, indexes: Sequence[int], workers: int | None = None
) -> dict[int, OcrPage]:
    """OCR the given pages in parallel worker processes (default: one per CPU);
    {1-based page number: result}."""
    if not indexes:
        return {}
    check_page_sizes(path, indexes)
    workers = min(len(indexes), workers or os.cpu_count() or 1)
    if workers == 1 or _in_worker():
        results = [_ocr_one(path, i) for i in indexes]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_ocr_one, [path] * len(indexes), indexes))
    return {i + 1: r for i, r in zip(indexes, results, strict=True)}


# Set in the helper process that extracts for a one-document run (extract/background.py):
# that process is the run's own, not a pool worker, and OCRs pages in parallel as the main
# process would.
_POOL_ALLOWED = False


def allow_pool() -> None:
    """Let this (helper) process OCR pages in parallel worker processes."""
    global _POOL_ALLOWED
    _POOL_ALLOWED = True


def _in_worker() -> bool:
    """Inside a worker process (a --jobs pool, a Dask worker): the documents are the unit of
    parallelism there, and a daemonic Dask worker may not start a pool of its own."""
    import multiprocessing

    if _POOL_ALLOWED and not multiprocessing.current_process().daemon:
        return False
    return multiprocessing.current_process().daemon or multiprocessing.parent_process() is not None


def page_pixels(width_pt: float, height_pt: float, dpi: int = DPI) -> int:
    """Pixels of a page rendered at `dpi`."""
    return round(width_pt * dpi / 72) * round(height_pt * dpi / 72)


def check_page_sizes(path: Path, indexes: Sequence[int]) -> None:
    """Refuse, before rendering anything, a scanned page over MAX_PAGE_PIXELS at DPI:
    memory grows with page area, and a 2 KB PDF can declare a page of 200 inches."""
    from pypdf import PdfReader

    from pipeline.errors import InputError

    pages = PdfReader(path).pages
    for i in indexes:
        page = pages[i]
        unit = float(page.get("/UserUnit", 1) or 1)
        width, height = float(page.cropbox.width) * unit, float(page.cropbox.height) * unit
        pixels = page_pixels(width, height)
        if pixels > MAX_PAGE_PIXELS:
            raise InputError(
                path,
                f"scanned page {i + 1} is {width:.0f} x {height:.0f} pt, {pixels / 1e6:.0f} "
                f"megapixels at {DPI} dpi: over the OCR limit of {MAX_PAGE_PIXELS / 1e6:.0f} "
                "megapixels (about A2)",
            )


def ocr_available() -> bool:
    """Tesseract with its Indonesian model is installed."""
    import shutil

    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return set(LANG.split("+")) <= set(pytesseract.get_languages(config=""))
    except Exception:  # a broken install reads as "not available", never as a crash
        return False
