"""OCR engines compared on scan-zoo pages (not a test; the figures go into the README).

`prep` renders Rencana Aksi pages of the default PDF through scan-zoo settings (without
skew, so the born-digital cell boxes hold) and writes, per page, the page image and every
table cell's crop with its text from the text layer (the truth). `run --engine E` reads
them with E (tesseract: pytesseract as the pipeline calls it; rapidocr: the
rapidocr-onnxruntime package, models from its wheel) and prints the character error rate
over the cells (CER, Levenshtein distance over truth length, whitespace ignored) and the
seconds per whole page. `run` needs only Pillow, numpy and the engine, so an engine can be
tried in its own virtualenv without entering the project's dependencies:

    python -m tests.ocr_engines prep --out .cache/ocr-engines
    python tests/ocr_engines.py run --engine rapidocr --out .cache/ocr-engines
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from tests.scan_zoo import distance

SETTINGS = ("300-grey-q90", "200-bw-speckle", "150-grey-q60", "200-grey-q40-blur")
CELL_INSET = 3  # points inside the cell's rules


def prep(out: Path, pages: int, settings: tuple[str, ...] = SETTINGS) -> None:
    from dataclasses import replace

    import numpy as np
    import pdfplumber

    from tests.conftest import DEFAULT_PDF
    from tests.scan_zoo import VARIANTS, _degrade, lampiran_pages

    out.mkdir(parents=True, exist_ok=True)
    index: list[dict[str, Any]] = []
    rng = np.random.default_rng(17)
    with pdfplumber.open(DEFAULT_PDF) as pdf:
        for name in settings:
            v = replace(next(x for x in VARIANTS if x.name == name), skew=0.0)
            for n in lampiran_pages(pages):
                page = pdf.pages[n - 1]
                image = _degrade(page, v, rng).convert("L")
                stem = f"{name}-p{n}"
                image.save(out / f"{stem}.png")
                scale = v.dpi / 72
                cells = []
                for table in page.find_tables():
                    for x0, top, x1, bottom in table.cells:
                        text = page.crop((x0, top, x1, bottom)).extract_text() or ""
                        if not text.strip():
                            continue
                        box = [
                            round((x0 + CELL_INSET) * scale), round((top + CELL_INSET) * scale),
                            round((x1 - CELL_INSET) * scale), round((bottom - CELL_INSET) * scale),
                        ]  # fmt: skip
                        crop = f"{stem}-c{len(cells)}.png"
                        image.crop(tuple(box)).save(out / crop)
                        cells.append({"crop": crop, "text": text})
                index.append({"page": f"{stem}.png", "setting": name, "cells": cells})
    (out / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), "utf-8")


def _engine(name: str) -> Any:
    from PIL import Image, ImageOps

    if name == "tesseract":
        import pytesseract

        def read(path: Path) -> str:
            image = Image.open(path).convert("L")
            image = image.resize((round(image.width * 1.5), round(image.height * 1.5)))
            image = ImageOps.expand(image, 20, fill=255)
            return str(pytesseract.image_to_string(image, lang="eng+ind", config="--psm 6"))

        return read
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()

    def read_rapid(path: Path) -> str:
        image = ImageOps.expand(Image.open(path).convert("RGB"), 20, fill=(255, 255, 255))
        import numpy as np

        result, _ = engine(np.array(image))
        if not result:
            return ""
        lines = sorted(result, key=lambda r: (r[0][0][1], r[0][0][0]))
        return " ".join(str(r[1]) for r in lines)

    return read_rapid


def run(out: Path, engine: str, max_cells: int) -> None:
    read = _engine(engine)
    index = json.loads((out / "index.json").read_text("utf-8"))
    by_setting: dict[str, list[float]] = {}
    for entry in index:
        errors = total = 0
        for cell in entry["cells"][:max_cells]:
            truth = "".join(cell["text"].split())
            got = "".join(read(out / cell["crop"]).split())
            errors += distance(truth, got)
            total += len(truth)
        start = time.perf_counter()
        read(out / entry["page"])
        seconds = time.perf_counter() - start
        stats = by_setting.setdefault(entry["setting"], [0, 0, 0.0, 0])
        stats[0] += errors
        stats[1] += total
        stats[2] += seconds
        stats[3] += 1
    print(f"engine {engine}")
    print("| setting | CER | s/page (whole page) |")
    for setting, (errors, total, seconds, count) in by_setting.items():
        print(f"| {setting} | {errors / max(total, 1):.3f} | {seconds / count:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("prep", "run"))
    parser.add_argument("--engine", choices=("tesseract", "rapidocr"), default="tesseract")
    parser.add_argument("--out", type=Path, default=Path(".cache") / "ocr-engines")
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument(
        "--settings", default=",".join(SETTINGS), help="zoo settings, comma-separated"
    )
    parser.add_argument("--max-cells", type=int, default=10_000, help="cells read per page")
    args = parser.parse_args()
    if args.step == "prep":
        prep(args.out, args.pages, tuple(args.settings.split(",")))
    else:
        run(args.out, args.engine, args.max_cells)


if __name__ == "__main__":
    main()
