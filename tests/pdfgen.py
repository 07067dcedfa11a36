"""Draw small ruled-table PDFs for tests, with full control over page breaks.

A table is a list of rows; a row is a list of `C` cells (None where a merged cell from the
left or above covers the position, as in the printed grid). Each page gets its own slice
of rows, so a test decides exactly where a row breaks: the first part on one page, the
rest (`C` cells holding the continued text) at the top of the next.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

_FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
pdfmetrics.registerFont(TTFont("Vera", os.path.join(_FONT_DIR, "Vera.ttf")))
pdfmetrics.registerFont(TTFont("VeraBd", os.path.join(_FONT_DIR, "VeraBd.ttf")))

FONT_SIZE = 7
LEADING = 8.5
PAD = 3.0
F4_LANDSCAPE = (936.0, 609.99)


@dataclass
class C:
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False


@dataclass
class PageSpec:
    rows: Sequence[Sequence[C | None]]
    title: str | None = None
    page_label: str | None = None
    extra_lines: list[str] = field(default_factory=list)  # plain text lines above the table


def wrap(text: str, width: float, bold: bool) -> list[str]:
    """Word-wrap `text` (keeping its own line breaks) to fit `width` pt."""
    font = "VeraBd" if bold else "Vera"
    out: list[str] = []
    for given in text.split("\n"):
        line = ""
        for word in given.split(" "):
            trial = f"{line} {word}" if line else word
            if line and pdfmetrics.stringWidth(trial, font, FONT_SIZE) > width - 2 * PAD:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return out


def _row_heights(rows: Sequence[Sequence[C | None]], xs: Sequence[float]) -> list[float]:
    heights = []
    for row in rows:
        lines = [
            len(wrap(c.text, xs[k + c.colspan] - xs[k], c.bold))
            for k, c in enumerate(row)
            if c is not None and c.rowspan == 1
        ]
        heights.append(max(lines, default=1) * LEADING + 2 * PAD)
    return heights


def draw_table(
    canvas: Canvas,
    x: float,
    top: float,
    widths: Sequence[float],
    rows: Sequence[Sequence[C | None]],
    page_h: float | None = None,
) -> float:
    """Draw `rows` with their top edge `top` pt below the page top; return the bottom.
    `page_h`: the height of the drawing space when it is rotated (default: the page's)."""
    page_h = page_h if page_h is not None else canvas._pagesize[1]
    xs = [x]
    for w in widths:
        xs.append(xs[-1] + w)
    heights = _row_heights(rows, xs)
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            x0, x1 = xs[c], xs[c + cell.colspan]
            y0, y1 = ys[r], ys[r + cell.rowspan]
            canvas.rect(x0, page_h - y1, x1 - x0, y1 - y0, stroke=1, fill=0)
            canvas.setFont("VeraBd" if cell.bold else "Vera", FONT_SIZE)
            for k, line in enumerate(wrap(cell.text, x1 - x0, cell.bold)):
                if line:
                    canvas.drawString(x0 + PAD, page_h - (y0 + PAD + FONT_SIZE + k * LEADING), line)
    return ys[-1]


def draw_horizontals_only_table(canvas: Canvas) -> None:
    """A three-column tariff table ruled with horizontal rules only (no rule runs down),
    its top rule 300 pt under the page top (A4)."""
    cols = [40.0, 80.0, 200.0, 320.0]
    height = A4[1]
    rows = [("No", "Jenis", "Tarif"), ("1.", "Sewa aula", "500.000"), ("2.", "Sewa kursi", "5.000")]
    for k, y in enumerate([300.0, 320.0, 340.0, 360.0]):
        for a, b in zip(cols, cols[1:], strict=False):
            canvas.line(a, height - y, b, height - y)
        if k < len(rows):
            canvas.setFont("Helvetica", 8)
            for x, text in zip(cols, rows[k], strict=False):
                canvas.drawString(x + 3, height - (y + 10), text)


def make_pdf(
    path: Path,
    widths: Sequence[float],
    pages: Sequence[PageSpec],
    pagesize: tuple[float, float] = landscape(A4),
    x: float = 40,
) -> Path:
    canvas = Canvas(str(path), pagesize=pagesize, invariant=1)
    for spec in pages:
        top = 30.0
        if spec.page_label:
            canvas.setFont("Vera", 10)
            canvas.drawCentredString(pagesize[0] / 2, pagesize[1] - top, spec.page_label)
            top += 24
        for line in ([spec.title] if spec.title else []) + spec.extra_lines:
            canvas.setFont("VeraBd", 10)
            canvas.drawString(x, pagesize[1] - top, line)
            top += 16
        if spec.rows:
            draw_table(canvas, x, top + 6, widths, spec.rows)
        canvas.showPage()
    canvas.save()
    return path
