"""Text lines of a page, outside its tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfplumber.utils.text import LIGATURES

from pipeline.extract.tables.grid import BOLD_MARKERS, BBox, OcrWords, lowest, ocr_words


@dataclass(frozen=True, slots=True)
class TextLine:
    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    bold: bool
    confidence: float | None = None  # lowest OCR word confidence (0-100); None: text layer
    words: OcrWords = ()  # its OCR words with their confidences; (): text layer

    @property
    def key(self) -> str:
        return f"p{self.page}@{self.x0:.1f},{self.top:.1f}"


def _inside(obj: dict[str, Any], boxes: list[BBox]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def printed_chars(page: pdfplumber.page.Page) -> int:
    """Non-space characters printed on `page` (its text layer, or the OCR text standing in
    for it): what the text accounting starts from."""
    # A ligature glyph may carry two letters: count letters, not glyphs, as the text read
    # from the page spells them (a glyph named "fi", or the one character U+FB01 that
    # pdfplumber's text expands to "fi"), so that a ligature is not counted once printed
    # and twice read.
    return sum(
        1 for c in page.chars for ch in c["text"] for x in LIGATURES.get(ch, ch) if not x.isspace()
    )


def lines_outside(page: pdfplumber.page.Page, page_no: int, boxes: list[BBox]) -> list[TextLine]:
    """Text lines of `page` whose characters lie outside every box in `boxes`."""
    view = page
    if boxes:
        view = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
    out: list[TextLine] = []
    for line in view.extract_text_lines(return_chars=True, strip=True):
        text = line["text"].strip()
        if not text:
            continue
        chars = [c for c in line["chars"] if c["text"].strip()]
        bold = sum(any(m in c["fontname"].lower() for m in BOLD_MARKERS) for c in chars)
        out.append(
            TextLine(
                page=page_no,
                text=text,
                x0=line["x0"],
                top=line["top"],
                x1=line["x1"],
                bottom=line["bottom"],
                bold=bold * 2 > len(chars),
                confidence=lowest(c.get("ocr_confidence") for c in chars),
                words=ocr_words(line["chars"]),
            )
        )
    return out
