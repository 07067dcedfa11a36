"""Pages without a text layer (scans): OCR with Tesseract's Indonesian model, and ruling
lines found in the page image, so the same table machinery serves scanned and born-digital
PDFs.

* The page is rendered to a grayscale image; long dark horizontal and vertical runs are the
  ruling lines. They become pdfplumber line objects (the table finder then works as usual)
  and are erased before OCR, so cell borders are not read as "|" or "l".
* Tesseract (pytesseract, `ind`) gives words with boxes and confidences; each word becomes
  pdfplumber char objects (one per character, with a space between words of a line), marked
  with `ocr_confidence`.
* A checkmark is decided by the ink inside its cell (see `ink_ratio`), not by OCR of "√".
* Results are cached by the page image's sha256 under .cache/ocr/; pages are OCR'd in
  parallel worker processes (the PDF renderer is not thread-safe).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DPI = 300
SCALE = 72 / DPI  # image pixels -> PDF points
DARK = 128
MIN_LINE_PX = 120  # a horizontal ruling line is at least this long (about 29 pt)
MIN_VERTICAL_PX = 60  # vertical ones separate short header cells too (about 14 pt)
CACHE_DIR = Path(".cache") / "ocr"
LANG = "ind"
TESSERACT_CONFIG = "--psm 6"


@dataclass(frozen=True, slots=True)
class OcrPage:
    chars: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    ink_bits: np.ndarray  # packed dark-pixel mask without ruling lines, for checkmarks
    shape: tuple[int, int]

    def ink_ratio(self, bbox: tuple[float, float, float, float]) -> float:
        """Share of dark pixels inside a box given in PDF points (borders excluded)."""
        ink = np.unpackbits(self.ink_bits)[: self.shape[0] * self.shape[1]].reshape(self.shape)
        x0, top, x1, bottom = (int(v / SCALE) for v in bbox)
        pad = 8
        window = ink[top + pad : bottom - pad, x0 + pad : x1 - pad]
        return float(window.mean()) if window.size else 0.0


def scan_pages(path: Path) -> list[int]:
    """0-based indexes of the pages that carry images but no fonts (no text layer)."""
    from pypdf import PdfReader

    out = []
    for i, page in enumerate(PdfReader(path).pages):
        resources = page.get("/Resources") or {}
        resources = resources.get_object() if hasattr(resources, "get_object") else resources
        fonts = resources.get("/Font") if hasattr(resources, "get") else None
        images = resources.get("/XObject") if hasattr(resources, "get") else None
        if not fonts and images:
            out.append(i)
    return out


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True at least min_len long, row by row."""
    out = []
    padded = np.pad(mask, ((0, 0), (1, 1)))
    diff = np.diff(padded.astype(np.int8), axis=1)
    for row in range(mask.shape[0]):
        starts = np.flatnonzero(diff[row] == 1)
        ends = np.flatnonzero(diff[row] == -1)
        for s, e in zip(starts, ends, strict=False):
            if e - s >= min_len:
                out.append((row, int(s), int(e)))
    return out


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[float, int, int]]:
    """Runs on neighbouring rows (a thick line) and collinear pieces with small gaps (a line
    broken by noise) -> (position, start, end)."""
    by_row: dict[int, list[tuple[int, int]]] = {}
    for row, s, e in runs:
        by_row.setdefault(row, []).append((s, e))
    bands: list[tuple[list[int], list[tuple[int, int]]]] = []
    for row in sorted(by_row):
        if bands and row - bands[-1][0][-1] <= 3:
            bands[-1][0].append(row)
            bands[-1][1].extend(by_row[row])
        else:
            bands.append(([row], list(by_row[row])))
    out: list[tuple[float, int, int]] = []
    for rows, segments in bands:
        position = sum(rows) / len(rows)
        start, end = None, None
        for s, e in sorted(segments):
            if start is None or end is None:
                start, end = s, e
            elif s <= end + 12:
                end = max(end, e)
            else:
                out.append((position, start, end))
                start, end = s, e
        if start is not None and end is not None:
            out.append((position, start, end))
    return out


def ruling_lines(
    dark: np.ndarray,
) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int]]]:
    """Horizontal and vertical ruling lines of a dark-pixel mask, in pixels."""
    return _merge(_runs(dark, MIN_LINE_PX)), _merge(_runs(dark.T, MIN_VERTICAL_PX))


def deskew(image: Any) -> Any:
    """The page image turned by the small angle (within 1.5 degrees) that makes its ruling
    lines and text lines horizontal: the angle whose row profile is sharpest."""
    from PIL import Image

    small = image.resize((image.width // 4, image.height // 4))
    dark = np.array(small) < DARK
    best, best_score = 0.0, -1.0
    for tenth in range(-15, 16):
        angle = tenth / 10
        turned = np.array(Image.fromarray(dark.astype(np.uint8) * 255).rotate(angle)) > 127
        profile = turned.sum(axis=1).astype(float)
        score = float((profile**2).sum())
        if score > best_score:
            best, best_score = angle, score
    return image.rotate(best, resample=Image.Resampling.BICUBIC, fillcolor=255) if best else image


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


def _chars(data: dict[str, list[Any]], page_no: int, height: float) -> list[dict[str, Any]]:
    chars: list[dict[str, Any]] = []
    previous: tuple[int, int, int, float] | None = None
    order = sorted(
        (k for k, t in enumerate(data["text"]) if t.strip()),
        key=lambda k: (
            data["block_num"][k],
            data["par_num"][k],
            data["line_num"][k],
            data["left"][k],
        ),
    )
    # Words of one OCR line share the line's top and bottom, so they read as one line.
    spans: dict[tuple[int, int, int], tuple[float, float]] = {}
    for k in order:
        key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
        t, b = data["top"][k] * SCALE, (data["top"][k] + data["height"][k]) * SCALE
        lo, hi = spans.get(key, (t, b))
        spans[key] = (min(lo, t), max(hi, b))
    for k in order:
        text = data["text"][k].strip()
        line_key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
        x0, w = data["left"][k] * SCALE, data["width"][k] * SCALE
        top, bottom = spans[line_key]
        h = bottom - top
        conf = float(data["conf"][k])
        if previous is not None and previous[:3] == line_key:
            chars.append(_char(" ", previous[3], top, x0, top + h, page_no, height, conf))
        step = w / len(text)
        for i, ch in enumerate(text):
            chars.append(
                _char(ch, x0 + i * step, top, x0 + (i + 1) * step, top + h, page_no, height, conf)
            )
        previous = (*line_key, x0 + w)
    return chars


def _char(text: str, x0: float, top: float, x1: float, bottom: float, page_no: int,
          height: float, conf: float) -> dict[str, Any]:  # fmt: skip
    return {
        "object_type": "char", "page_number": page_no, "text": text, "fontname": "OCR",
        "size": bottom - top, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top,
        "upright": True, "matrix": (1, 0, 0, 1, x0, height - bottom), "adv": x1 - x0,
        "stroking_color": (0,), "non_stroking_color": (0,), "ocr_confidence": conf,
    }  # fmt: skip


def _tesseract(image: Any, key: str, cache_dir: Path) -> dict[str, list[Any]]:
    cached = cache_dir / f"{key}.json"
    if cached.exists():
        return json.loads(cached.read_text("utf-8"))
    import pytesseract

    data = pytesseract.image_to_data(image, lang=LANG, config=TESSERACT_CONFIG,
                                     output_type=pytesseract.Output.DICT)  # fmt: skip
    keep = {k: data[k] for k in ("text", "conf", "left", "top", "width", "height",
                                 "block_num", "par_num", "line_num")}  # fmt: skip
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(keep), encoding="utf-8")
    return keep


def ocr_page(page: Any, page_no: int, cache_dir: Path = CACHE_DIR) -> OcrPage:
    from PIL import Image

    image = deskew(page.to_image(resolution=DPI).original.convert("L"))
    pixels = np.array(image)
    dark = pixels < DARK
    horizontal, vertical = ruling_lines(dark)
    clean = pixels.copy()
    for pos, s, e in horizontal:
        clean[max(int(pos) - 3, 0) : int(pos) + 4, s:e] = 255
    for pos, s, e in vertical:
        clean[s:e, max(int(pos) - 3, 0) : int(pos) + 4] = 255
    key = hashlib.sha256(clean.tobytes()).hexdigest()
    data = _tesseract(Image.fromarray(clean), key, cache_dir)
    height = float(page.height)
    lines = [
        _line(s * SCALE, pos * SCALE, e * SCALE, pos * SCALE, page_no, height)
        for pos, s, e in horizontal
    ]
    lines += [
        _line(pos * SCALE, s * SCALE, pos * SCALE, e * SCALE, page_no, height)
        for pos, s, e in vertical
    ]
    ink = clean < DARK
    return OcrPage(_chars(data, page_no, height), lines, np.packbits(ink), ink.shape)


def _ocr_one(path: Path, index: int) -> OcrPage:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return ocr_page(pdf.pages[index], index + 1)


def ocr_document(path: Path, indexes: Sequence[int], workers: int = 2) -> dict[int, OcrPage]:
    """OCR the given pages in parallel worker processes; {1-based page number: result}."""
    if not indexes:
        return {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_ocr_one, [path] * len(indexes), indexes))
    return {i + 1: r for i, r in zip(indexes, results, strict=True)}


def ocr_available() -> bool:
    """Tesseract with its Indonesian model is installed."""
    import shutil

    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return LANG in pytesseract.get_languages(config="")
    except Exception:  # a broken install reads as "not available", never as a crash
        return False
