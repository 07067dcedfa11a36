"""Read one PDF into pages (classified, furniture removed) and logical tables."""

from __future__ import annotations

import gc
import io
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pdfplumber
from pypdf import PdfReader, PdfWriter
from tqdm import tqdm

from pipeline.errors import InputError
from pipeline.extract.layout import TextLine, lines_outside, printed_chars
from pipeline.extract.ocr import (
    OcrPage,
    image_rulings,
    ocr_available,
    ocr_document,
    scan_pages,
    turned_page,
)
from pipeline.extract.ocr_repair import Corroboration, DecimalMarks, SelfLexicon, repair_marks
from pipeline.extract.pages import PageInfo, classify, split_furniture
from pipeline.extract.pdf import open_pdf, sha256_of
from pipeline.extract.tables import LogicalTable, TablePiece, build_piece, stitch_pieces
from pipeline.extract.tables.grid import resolve_cell_splits, resolve_splits
from pipeline.extract.tables.horizontal import rule_stacks
from pipeline.extract.tables.ruling import find_tables, table_frames, without_backgrounds
from pipeline.extract.turn import TurnedPage, can_turn, sideways_turn
from pipeline.extract.visible import visible_page
from pipeline.result import PageGlyphs
from pipeline.settings import SETTINGS, Settings
from pipeline.vocabulary import ITEM_LINE_RE

# Caption lines sit right above their table: at most this many; the last one at most
# CAPTION_TABLE_GAP line heights above the table, the others in one block of lines no
# further apart than CAPTION_GAP_FACTOR line heights.
CAPTION_MAX_LINES = 4
CAPTION_TABLE_GAP = 3.0
CAPTION_GAP_FACTOR = 1.8
CAPTION_LABEL_RE = re.compile(r"^(?:Tabel|Table|Daftar|Lampiran)\s+[\dIVXLC]", re.I)
# A note under the table above, not a caption of the next one: "Keterangan:", "Catatan:",
# "Sumber:", or a line opening with a bullet mark (the note's items).
NOTE_LINE_RE = re.compile(
    r"^(?:(?:Keterangan|Catatan|Sumber|Ket\.)\s*:|[\u27a2\u2022\u25cf\u25aa\u25a0\u25c6\u2023\u2043*]\s)",
    re.I,
)
# A line no further left than the note line above it (less this, pt) that opens with no
# item label is that note wrapped, not the caption.
NOTE_INDENT = 1.0
# The generations the per-page collection examines (see _collect_per_page): 0 is what the
# page made since the last one, 1 also what survived earlier pages' collections.
PAGE_GENERATION = 1


@dataclass(slots=True)
class ExtractedDocument:
    path: Path
    sha256: str
    page_count: int
    pages: list[PageInfo]
    tables: list[LogicalTable]
    captions: dict[int, list[TextLine]]  # table index -> caption lines
    ocr_pages: list[int]  # 1-based numbers of the pages read by OCR
    # 1-based page number -> the characters read on it (upright pages; see PageGlyphs)
    glyphs: dict[int, PageGlyphs] = field(default_factory=dict)

    def lampiran_of(self, table: LogicalTable) -> int | None:
        return self.pages[table.pages[0] - 1].lampiran


def _progress(total: int, desc: str) -> tqdm[None]:
    return tqdm(total=total, desc=desc, unit="hlm", leave=False, disable=not sys.stderr.isatty())


@contextmanager
def _collect_per_page() -> Iterator[Callable[[], None]]:
    """Python's cyclic garbage collector run once per page read (on what that page made)
    instead of by allocation counts: pdfminer's layout objects form cycles, so the collector
    cannot simply be off (the default PDF's extract stage then peaks at twice the memory),
    but its automatic full passes walk everything read so far, again and again (about 15%
    of the stage's CPU time on the default PDF). The collector's state is restored after."""
    was_enabled = gc.isenabled()
    if not was_enabled:
        yield lambda: None
        return
    gc.disable()

    def page_read() -> None:
        gc.collect(PAGE_GENERATION)

    try:
        yield page_read
    finally:
        gc.enable()


def extract_document(path: Path, settings: Settings = SETTINGS) -> ExtractedDocument:
    """Read `path`; raise InputError when it is not a usable, text-bearing PDF."""
    sha = sha256_of(path)
    pages: list[PageInfo]
    pieces_by_page: list[list[TablePiece]]
    block_numbers: list[int | None]
    with open_pdf(path) as pdf:
        count = len(pdf.pages)
        scanned = ocr_document(path, scan_pages(path)) if ocr_available() else {}

        def read(
            i: int, ocr: OcrPage | None, merge: bool = False, replace: bool = False
        ) -> tuple[int, bool, bool]:
            """Read page i (1-based) into pages/pieces_by_page/block_numbers[i - 1]: its
            printed characters, whether it is an image page with a text layer only
            beside the image (see _image_without_text), and whether it is a scan carrying
            the scanner's own text layer (see _scanner_layer)."""
            original = pdf.pages[i - 1]
            turned: pdfplumber.PDF | None = None  # a turned copy of the page, parsed anew
            upright: pdfplumber.page.Page | None = None  # the page turned, if it had to be
            if ocr is None:
                turn = sideways_turn(original)
                if turn is not None and can_turn(original):
                    upright = TurnedPage(original, turn)
                elif turn is not None:
                    turned = upright_copy(path, i - 1, turn)
            elif ocr.turns:  # OCR found the page turned: its words are in the upright frame
                turned = turned_page(path, i - 1, ocr.turns)
            if turned is not None:
                upright = turned.pages[0]
            page = visible_page(upright if upright is not None else original)
            if ocr is not None and replace:
                # A scanner's text layer was only a witness for our OCR (ocr._witnessed).
                objects = dict(page.objects)
                objects["char"] = ocr.chars
                objects["line"] = [*objects.get("line", []), *ocr.lines]
                page._objects = objects
            elif ocr is not None and not page.chars:
                # The OCR text and the ruling lines found in the image stand in for
                # the missing text layer; the table machinery reads them as usual.
                page._objects = {"char": ocr.chars, "line": ocr.lines, "rect": [], "curve": []}
            elif ocr is not None and merge:
                # A scanned image with a text layer beside it (a page number): the
                # layer's characters stay, the OCR's words over the image join them.
                images = _large_images(page)
                objects = dict(page.objects)
                objects["char"] = [
                    *page.chars, *(c for c in ocr.chars if _overlaps(c, images))
                ]  # fmt: skip
                objects["line"] = [
                    *objects.get("line", []), *(ln for ln in ocr.lines if _overlaps(ln, images))
                ]  # fmt: skip
                page._objects = objects
            partial = ocr is None and _image_without_text(page)
            layered = ocr is None and _scanner_layer(page)
            if ocr is None and not layered and _converted_scan(page):
                # A scan converted to text and vector rules: rules left in the image.
                objects = dict(page.objects)
                objects["line"] = [*objects.get("line", []), *image_rulings(page, i)]
                page._objects = objects
            ruled = without_backgrounds(page)
            found = find_tables(ruled, drawn=ocr is None)
            pieces = [
                p
                for t in found
                if (p := build_piece(page, t, i, settings.edge_tolerance, ocr)) is not None
            ]
            info = PageInfo(number=i, width=float(page.width), height=float(page.height))
            info.table_tops = [p.bbox[1] for p in pieces]
            info.printed_chars = printed_chars(page)
            lines = lines_outside(page, i, [p.bbox for p in pieces])
            if ocr is None:
                # A table found on the page is a frame too, whatever its ruling (one ruled
                # with horizontal rules only has no closed frame): text inside it that no
                # piece read is misplaced.
                frames = [*table_frames(ruled), *(tuple(t.bbox) for t in found)]
                # And a stack of whole horizontal rules with text in columns between them
                # that no finder read (horizontal.rule_stacks): a table all the same.
                frames += rule_stacks(ruled, frames)
                info.framed = [ln.key for ln in lines if _inside_any(ln, frames)]
            block_numbers[i - 1] = split_furniture(info, lines, settings.margin_fraction)
            pages[i - 1] = info
            pieces_by_page[i - 1] = pieces
            seen = len(page.chars)
            if upright is None:
                glyphs[i] = page_glyphs(page)
            else:
                glyphs.pop(i, None)  # its characters are in the turned page's frame
            original.close()  # release pdfplumber's per-page caches: memory stays flat
            if turned is not None:
                turned.close()
            return seen, partial, layered

        pages = [PageInfo(number=i, width=0.0, height=0.0) for i in range(1, count + 1)]
        pieces_by_page = [[] for _ in range(count)]
        block_numbers = [None] * count
        glyphs: dict[int, PageGlyphs] = {}
        seen_by_page: dict[int, int] = {}
        partial: list[int] = []
        layered: list[int] = []
        with _progress(count, path.name) as bar, _collect_per_page() as page_read:
            for i in range(1, count + 1):
                seen_by_page[i], is_partial, is_layered = read(i, scanned.get(i))
                page_read()
                if is_partial:
                    partial.append(i - 1)
                elif is_layered:
                    layered.append(i - 1)
                bar.update(1)
        if partial and ocr_available():
            more = ocr_document(path, partial)
            for i, ocr in more.items():
                seen_by_page[i], _, _ = read(i, ocr, merge=True)
            scanned.update(more)
        if layered and ocr_available():
            more = ocr_document(path, layered)
            for i, ocr in more.items():
                seen_by_page[i], _, _ = read(i, ocr, replace=True)
            scanned.update(more)
        chars_seen = sum(seen_by_page.values())
    if chars_seen == 0:
        reason = "no text layer, and OCR found no text" if scanned else "no text layer (a scan?)"
        hint = None if ocr_available() else "install Tesseract (make run does) to read scans"
        raise InputError(path, reason, hint=hint)
    resolve_splits(p for ps in pieces_by_page for p in ps)
    if scanned:
        _repair_ocr_text(pages, pieces_by_page, set(scanned))
    classify(pages, block_numbers)
    tables, captions = stitch_document(pages, pieces_by_page, settings)
    return ExtractedDocument(
        path=path, sha256=sha, page_count=count, pages=pages, tables=tables, captions=captions,
        ocr_pages=sorted(scanned), glyphs=glyphs,
    )  # fmt: skip


def stitch_document(
    pages: list[PageInfo], pieces_by_page: list[list[TablePiece]], settings: Settings = SETTINGS
) -> tuple[list[LogicalTable], dict[int, list[TextLine]]]:
    """The document's logical tables and, by table index, their caption lines. A piece
    with a caption of its own starts a table (see `_names_a_table`)."""
    for pieces in pieces_by_page:
        for piece in pieces:
            piece.captioned = _names_a_table(_caption(pages[piece.page - 1], piece))
    tables = stitch_pieces(pieces_by_page, settings.column_match_tolerance)
    # The page breaks inside a cell, joined by stitching (`stitch.join_cells`).
    resolve_cell_splits(
        [
            *(c for pieces in pieces_by_page for piece in pieces for c in piece.cells()),
            *(c for t in tables for c in [*t.header_cells, *t.number_cells, *t.body_cells()]),
        ]
    )
    captions = {i: _caption(pages[t.pages[0] - 1], t.pieces[0]) for i, t in enumerate(tables)}
    for i, lines in captions.items():
        tables[i].caption = " ".join(line.text for line in lines) or tables[i].pieces[0].heading
    return tables, captions


def _repair_ocr_text(
    pages: list[PageInfo], pieces_by_page: list[list[TablePiece]], scanned: set[int]
) -> None:
    """Misreadings in the OCR'd cells and lines repaired from the document itself (see
    ocr_repair): punctuation and numbers first (decimal marks among them), then rare
    words one typical confusion away from common ones."""
    cells = list(
        {
            id(c): c for pieces in pieces_by_page for p in pieces for row in p.grid for c in row
        }.values()
    )
    ocr_cells = [c for c in cells if c.confidence is not None and c.text]

    def each(fix: Callable[[str], str]) -> None:
        for cell in ocr_cells:
            cell.text = fix(cell.text)
            cell.parts = [replace(part, text=fix(part.text)) for part in cell.parts]
        for page in pages:
            if page.number in scanned:
                page.lines = [replace(ln, text=fix(ln.text)) for ln in page.lines]

    each(repair_marks)
    decimals = DecimalMarks([c.text for c in ocr_cells])
    each(decimals.correct)
    texts = [c.text for c in cells] + [ln.text for p in pages for ln in p.lines]
    lexicon = SelfLexicon(texts)
    each(lexicon.correct)

    # A text line's confidence: its least sure word the document does not corroborate
    # (Corroboration). A table cell keeps its least sure word: a table's findings stand for
    # all its cells, and Sulut 6/2016's tables hold misread cells ('11' read 'li', titles
    # cut) beside a right but unsure word, so corroborating cells dropped 8 of its 28 real
    # table findings (measured); a per-cell finding would allow it.
    def fix(word: str) -> str:
        return lexicon.correct(decimals.correct(repair_marks(word)))

    scanned_lines = [ln for p in pages if p.number in scanned for ln in p.lines]
    layer = [c.text for c in cells if c.confidence is None] + [
        ln.text for p in pages if p.number not in scanned for ln in p.lines
    ]
    read = [w for ln in scanned_lines for w in ln.words]
    corroboration = Corroboration(layer, read, fix)
    for page in pages:
        if page.number in scanned:
            page.lines = [
                replace(ln, confidence=corroboration.confidence(ln.words)) if ln.words else ln
                for ln in page.lines
            ]


# An image covering this share of the page, with no text over it, is the page's content
# printed as a picture (a signed title page scanned into a born-digital document).
IMAGE_PAGE_SHARE = 0.4


def _image_without_text(page: pdfplumber.page.Page) -> bool:
    """A large image with no character of the text layer over it: the text layer, if any,
    is only beside the image (a page number), so the image must be read by OCR."""
    images = _large_images(page)
    return bool(images) and not any(_overlaps(c, images) for c in page.chars)


# A scan with the scanner's text layer: one image covering this share of the page, and
# most of the page's characters over it are never painted (render mode 3 or 7).
SCAN_PAGE_SHARE = 0.8


def _scanner_layer(page: pdfplumber.page.Page) -> bool:
    """The page is a scanned image carrying the scanner's invisible OCR text: that text
    is a witness, not the truth (the page is OCR'd, see ocr._witnessed)."""
    area = float(page.width) * float(page.height)
    images = [
        im for im in page.images
        if (im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= SCAN_PAGE_SHARE * area
    ]  # fmt: skip
    over = [c for c in page.chars if _overlaps(c, images)] if images else []
    hidden = [c for c in over if not c.get("fill", True) and not c.get("stroke", False)]
    return bool(over) and len(hidden) * 2 > len(page.chars)


def _converted_scan(page: pdfplumber.page.Page) -> bool:
    """The page is a scanned image under painted text and drawn rules (a scan converted
    to text and vectors: see ocr.image_rulings)."""
    area = float(page.width) * float(page.height)
    images = [
        im for im in page.images
        if (im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= SCAN_PAGE_SHARE * area
    ]  # fmt: skip
    return (
        bool(images)
        and bool(page.lines or page.rects)
        and any(_overlaps(c, images) for c in page.chars)
    )


def _large_images(page: pdfplumber.page.Page) -> list[dict[str, Any]]:
    area = float(page.width) * float(page.height)
    return [
        im for im in page.images
        if (im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) >= IMAGE_PAGE_SHARE * area
    ]  # fmt: skip


def _overlaps(obj: dict[str, Any], boxes: Sequence[dict[str, Any]]) -> bool:
    """Whether obj's centre lies inside one of boxes (pdfplumber objects)."""
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return any(b["x0"] <= x <= b["x1"] and b["top"] <= y <= b["bottom"] for b in boxes)


def page_glyphs(page: pdfplumber.page.Page) -> PageGlyphs:
    """The page's characters as the report needs them (see PageGlyphs)."""
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    return PageGlyphs(
        width=float(page.width),
        height=float(page.height),
        bbox=(x0, top, x1, bottom),
        chars=tuple(
            (
                str(c["text"]),
                float(c["x0"]),
                float(c["top"]),
                float(c["x1"]),
                float(c["bottom"]),
                float(c.get("size", 0.0)),
            )
            for c in page.chars
        ),  # fmt: skip
    )


def upright_copy(path: Path, index: int, turn: int) -> pdfplumber.PDF:
    """Page `index` of `path` as a one-page PDF shown turned by `turn` degrees (/Rotate added),
    parsed anew: for a sideways page that pipeline.extract.turn cannot turn from what was
    read of it (a page already rotated, or whose media box does not start at 0, 0)."""
    writer = PdfWriter()
    turned = PdfReader(path).pages[index]
    turned.rotate(turn)
    writer.add_page(turned)
    buffer = io.BytesIO()
    writer.write(buffer)
    buffer.seek(0)
    return pdfplumber.open(buffer)


# A caption that says the table goes on from the page before.
CONTINUED_RE = re.compile(r"\blanjutan\b|\(lanj", re.I)


def _names_a_table(caption: list[TextLine]) -> bool:
    """Caption lines that name a table (any, except one saying it goes on)."""
    text = " ".join(line.text for line in caption)
    return bool(text.strip()) and not CONTINUED_RE.search(text)


def _caption(page: PageInfo, piece: TablePiece) -> list[TextLine]:
    """The block of lines right above the table's first piece."""
    top = piece.bbox[1]
    above = [ln for ln in page.lines if ln.bottom <= top + 1]
    picked: list[TextLine] = []
    edge = top
    for line in reversed(above):
        height = max(line.bottom - line.top, 1.0)
        factor = CAPTION_GAP_FACTOR if picked else CAPTION_TABLE_GAP
        if edge - line.bottom > factor * height:
            break
        picked.append(line)
        edge = line.top
    picked.reverse()
    # The whole block is read for notes (a note item wrapped over three lines starts
    # further up than the caption's last lines), then the caption is its last lines.
    picked = _after_notes(picked)[-CAPTION_MAX_LINES:]
    # A caption that names itself ("Tabel 3.1") starts there; the lines above are text.
    labelled = [i for i, ln in enumerate(picked) if CAPTION_LABEL_RE.match(ln.text.strip())]
    return picked[labelled[-1] :] if labelled else picked


def _after_notes(lines: list[TextLine]) -> list[TextLine]:
    """The lines below the last note of the table above ("Keterangan:" and its bulleted
    items, with their wrapped lines): those belong to the lampiran text, not the caption."""
    notes = [i for i, ln in enumerate(lines) if NOTE_LINE_RE.match(ln.text.strip())]
    if not notes:
        return lines
    at, x0 = notes[-1] + 1, lines[notes[-1]].x0
    while at < len(lines) and _note_goes_on(lines[at], x0):
        at += 1
    return lines[at:]


def _note_goes_on(line: TextLine, x0: float) -> bool:
    text = line.text.strip()
    starts = CAPTION_LABEL_RE.match(text) or ITEM_LINE_RE.match(text)
    return line.x0 >= x0 - NOTE_INDENT and not starts


def _inside_any(line: TextLine, boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether the middle of `line` lies inside one of `boxes`."""
    x, y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)
