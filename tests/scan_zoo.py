"""The scan zoo: `make scan-zoo` (python -m tests.scan_zoo).

The default PDF's first Lampiran II pages (the Rencana Aksi table; the pages come from the
published records, never a fixed list) are scanned the way scanners do it, from a fixed
seed, and put back in place of the text pages; the rest of the document keeps its text
layer. Each variant is one scanner setting: resolution, 1-bit threshold or grey JPEG or
colour, skew, blur, speckle and dust, faded or broken rules, a stamp over the table, a page
fed in turned 90 or 180 degrees, the scanner's own (wrong) OCR text layer.

Measured per variant against the default's published records (tests/golden/.../
rencana_aksi.json) on the scanned pages:

* records: Rencana Aksi records the scan gives on those pages;
* perfect: published records whose id is given and whose every text field and years are
  identical (whitespace collapsed);
* structure: published records whose id (area, program, aksi numbers, indicator) is given
  with the same ticked years;
* CER: character error rate over the text fields of the published records (a missing
  record counts as all its characters lost);
* s/page: the run's wall time, less that of the default PDF itself, over the scanned pages
  (a cold OCR cache).

The PDFs go to .cache/scan-zoo/ (made again from the seed; nothing is committed).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.conftest import DEFAULT_PDF, ROOT
from tests.golden import GOLDEN_DIR

OUT = ROOT / ".cache" / "scan-zoo"
PUBLISHED = GOLDEN_DIR / "rencana_aksi.json"
FIELDS = (
    "area", "hasil_indikator", "program", "rencana_aksi", "kriteria_keberhasilan",
    "indikator_target", "penanggung_jawab_teks",
)  # fmt: skip
SEED = 17


@dataclass(frozen=True)
class Variant:
    name: str
    dpi: int
    mode: str = "grey"  # "bw" (1-bit), "grey" (JPEG), "colour" (JPEG)
    quality: int = 75  # JPEG quality
    skew: float = 0.0  # degrees, the largest; each page draws its own up to this
    blur: float = 0.0  # Gaussian radius in pixels at 300 dpi
    speckle: float = 0.0  # share of pixels flipped to noise
    faded: bool = False  # rules printed light grey and broken
    stamp: bool = False  # a round stamp over the table
    turn: int = 0  # one page fed turned by this many degrees (90, 180)
    wrong_layer: bool = False  # the scanner's own OCR layer, with errors


VARIANTS = (
    Variant("300-grey-q90", 300, quality=90),
    Variant("200-grey-q75-skew", 200, quality=75, skew=0.8),
    Variant("200-bw-speckle", 200, mode="bw", skew=0.4, blur=0.8, speckle=0.002),
    Variant("150-grey-q60", 150, quality=60),
    # A scanner fades a rule to grey (a 1-bit threshold at 150 would erase a rule faded
    # to 170 altogether: no scanner does that to a rule it keeps the text of).
    Variant("300-grey-faded", 300, quality=75, faded=True),
    Variant("200-grey-q40-blur", 200, quality=40, blur=1.2),
    Variant("200-colour-stamp", 200, mode="colour", quality=80, stamp=True),
    Variant("200-grey-turned-90", 200, turn=90),
    Variant("200-grey-turned-180", 200, turn=180),
    Variant("200-grey-skew-1.5", 200, skew=1.5),
    Variant("200-grey-wrong-layer", 200, wrong_layer=True),
    Variant("300-bw-skew-speckle", 300, mode="bw", skew=1.0, speckle=0.001),
)


def lampiran_pages(count: int) -> list[int]:
    """The first `count` pages (1-based) that hold published Rencana Aksi records."""
    records = json.loads(PUBLISHED.read_text("utf-8"))
    first = min(r["halaman_awal"] for r in records)
    return list(range(first, first + count))


def _degrade(page: Any, v: Variant, rng: np.random.Generator) -> Image.Image:
    """A page rendered as that scanner would."""
    image = page.to_image(resolution=v.dpi).original.convert("RGB")
    grey = np.array(image.convert("L")).astype(np.float32)
    if v.faded:
        # Rules (long dark runs) printed light and broken: lighten every dark pixel on a
        # long horizontal or vertical run, and cut gaps into them.
        import cv2

        dark = (grey < 128).astype(np.uint8)
        k = max(v.dpi // 6, 10)
        rules = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((1, k), np.uint8)) | (
            cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((k, 1), np.uint8))
        )
        gaps = rng.random(grey.shape) < 0.002
        gaps = cv2.dilate(gaps.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
        grey = np.where(rules > 0, np.where(gaps, 255, 170), grey)
    if v.stamp:
        stamp = Image.new("L", image.size, 0)
        draw = ImageDraw.Draw(stamp)
        cx, cy = image.width * 0.7, image.height * 0.55
        r = v.dpi * 0.6
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=max(v.dpi // 60, 2))
        draw.ellipse((cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7), outline=255,
                     width=max(v.dpi // 100, 1))  # fmt: skip
        mask = np.array(stamp) > 0
        grey = np.where(mask, np.minimum(grey, 110), grey)
    if v.blur:
        img = Image.fromarray(grey.clip(0, 255).astype(np.uint8))
        grey = np.array(img.filter(ImageFilter.GaussianBlur(v.blur * v.dpi / 300))).astype(
            np.float32
        )
    grey += rng.normal(0, 6, grey.shape)
    if v.speckle:
        flips = rng.random(grey.shape) < v.speckle
        grey = np.where(flips, 255 - grey, grey)
    out = Image.fromarray(grey.clip(0, 255).astype(np.uint8))
    angle = float(rng.uniform(-v.skew, v.skew)) if v.skew else 0.0
    if angle:
        out = out.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if v.mode == "bw":
        return out.point(lambda p: 255 if p >= 150 else 0).convert("1")
    if v.mode == "colour":
        tint = np.array(out).astype(np.float32)
        rgb = np.stack([tint * 0.98 + 4, tint * 0.96 + 6, tint * 0.9 + 14], axis=-1)
        return Image.fromarray(rgb.clip(0, 255).astype(np.uint8), "RGB")
    return out


def _image_page(image: Image.Image, v: Variant) -> bytes:
    buffer = io.BytesIO()
    if v.mode == "bw":
        image.save(buffer, "PDF", resolution=v.dpi)
    else:
        jpeg = io.BytesIO()
        image.save(jpeg, "JPEG", quality=v.quality)
        Image.open(io.BytesIO(jpeg.getvalue())).save(buffer, "PDF", resolution=v.dpi)
    return buffer.getvalue()


def _wrong_layer(page: Any, width: float, height: float, rng: np.random.Generator) -> bytes:
    """An invisible text layer (render mode 3) with the page's words, some misread the way
    scanner OCR does."""
    from reportlab.pdfgen import canvas

    swaps = {"e": "c", "l": "1", "o": "0", "a": "e", "i": "l", "n": "u", "m": "rn"}
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(width, height))
    for word in page.extract_words():
        text = "".join(swaps.get(ch, ch) if rng.random() < 0.15 else ch for ch in word["text"])
        t = c.beginText()
        t.setTextRenderMode(3)
        t.setFont("Helvetica", max(float(word["bottom"] - word["top"]), 4))
        t.setTextOrigin(float(word["x0"]), height - float(word["bottom"]))
        t.textOut(text)
        c.drawText(t)
    c.save()
    return buffer.getvalue()


def make(v: Variant, pages: list[int], out: Path = OUT) -> Path:
    """The default PDF with `pages` replaced by this variant's scans."""
    import pdfplumber
    from pypdf import PdfReader, PdfWriter

    rng = np.random.default_rng([SEED, VARIANTS.index(v) if v in VARIANTS else 99])
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{v.name}.pdf"
    writer = PdfWriter()
    original = PdfReader(DEFAULT_PDF)
    with pdfplumber.open(DEFAULT_PDF) as pdf:
        for n, page in enumerate(original.pages, start=1):
            if n not in pages:
                writer.add_page(page)
                continue
            plumbed = pdf.pages[n - 1]
            image = _degrade(plumbed, v, rng)
            if v.turn and n == pages[1 % len(pages)]:
                image = image.rotate(-v.turn, expand=True)
            scanned = writer.add_page(PdfReader(io.BytesIO(_image_page(image, v))).pages[0])
            if v.wrong_layer:
                w, h = float(scanned.mediabox.width), float(scanned.mediabox.height)
                layer = _wrong_layer(plumbed, w, h, rng)
                scanned.merge_page(PdfReader(io.BytesIO(layer)).pages[0])
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def _norm(value: Any) -> str:
    return " ".join(str(value or "").split())


def distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def measure(
    pdf: Path, pages: list[int], base: float = 0.0, cache: Path | None = None
) -> dict[str, Any]:
    """The scan's records against the published ones (see the module's notes). `cache`:
    a folder whose .cache/ocr is kept between runs (a warm re-measure of repairs made
    after OCR; its seconds are no OCR timing); without it, a cold OCR cache."""
    from pipeline.run import process

    published = [
        r for r in json.loads(PUBLISHED.read_text("utf-8"))
        if r["halaman_awal"] in pages and r["halaman_akhir"] in pages
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as cold:  # a cold OCR cache (.cache/ocr under it)
        here = os.getcwd()
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
        os.chdir(cold if cache is None else cache)
        try:
            start = time.perf_counter()
            result = process(pdf.resolve())
            seconds = time.perf_counter() - start - base
        finally:
            os.chdir(here)
    got = {r.id: r.model_dump(mode="json") for r in result.rencana_aksi}
    on_pages = [r for r in got.values() if r["halaman_awal"] in pages]
    perfect = structure = errors = total = 0
    diffs: list[str] = []
    for rec in published:
        text = " | ".join(_norm(rec[f]) for f in FIELDS)
        total += len(text)
        other = got.get(rec["id"])
        if other is None:
            errors += len(text)
            diffs.append(f"{rec['id']} missing")
            continue
        mine = " | ".join(_norm(other[f]) for f in FIELDS)
        errors += distance(text, mine)
        diffs += [
            f"{rec['id']} {f}: {_norm(rec[f])!r} -> {_norm(other[f])!r}"
            for f in FIELDS if _norm(rec[f]) != _norm(other[f])
        ]  # fmt: skip
        years = rec["tahun_pelaksanaan"] == other["tahun_pelaksanaan"]
        if not years:
            diffs.append(f"{rec['id']} years: {rec['tahun_pelaksanaan']} -> "
                         f"{other['tahun_pelaksanaan']}")  # fmt: skip
        structure += years
        perfect += years and text == mine
    return {
        "records": len(on_pages), "published": len(published), "perfect": perfect,
        "structure": structure, "cer": errors / max(total, 1),
        "s_per_page": seconds / len(pages), "ocr_pages": result.dokumen.halaman_ocr,
        "diffs": diffs,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4, help="Lampiran II pages scanned")
    parser.add_argument("--only", action="append", help="variant names")
    parser.add_argument(
        "--cache", type=Path, help="keep each variant's OCR cache under this folder (warm reruns)"
    )
    parser.add_argument("--diffs", type=Path, help="write every differing field to this file")
    args = parser.parse_args()
    pages = lampiran_pages(args.pages)
    from pipeline.run import process

    start = time.perf_counter()
    process(DEFAULT_PDF)
    base = time.perf_counter() - start
    print(f"pages {pages[0]}-{pages[-1]} scanned; the default PDF itself takes {base:.1f} s")
    print("| scan | records | perfect | structure | CER | s/page |")
    print("|---|--:|--:|--:|--:|--:|")
    for v in VARIANTS:
        if args.only and v.name not in args.only:
            continue
        cache = args.cache / v.name if args.cache else None
        m = measure(make(v, pages), pages, base, cache.resolve() if cache else None)
        n = m["published"]
        if args.diffs:
            with args.diffs.open("a", encoding="utf-8") as handle:
                handle.write("".join(f"{v.name} {d}\n" for d in m["diffs"]))
        print(
            f"| {v.name} | {m['records']} | {m['perfect']}/{n} | {m['structure']}/{n} | "
            f"{m['cer']:.3f} | {m['s_per_page']:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
