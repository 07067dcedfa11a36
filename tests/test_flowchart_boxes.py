"""Drawings inside a table's cells are no ruling (ruling.drawings, README "One table, any
rendering"): a flowchart's step box alone in one cell of the table's rules, and the arrows
from it, leave the grid as the rules draw it; a table drawn as one box per cell (borders
with gaps between cells) keeps its boxes as its ruling."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.run import process

HEIGHT = A4[1]
XS = [60.0, 100.0, 200.0, 300.0, 400.0]
YS = [100.0, 120.0, 160.0, 200.0]
HEADER = ["No", "Aktivitas", "Staf", "Kabag"]
ROWS = [["1.", "Usulan", "1", ""], ["2.", "Koreksi", "", "2"]]


def _text(canvas: Canvas, cells: list[list[str]]) -> None:
    canvas.setFont("Helvetica", 9)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text and (r == 0 or c < 2):  # the step numbers are in their boxes
                canvas.drawString(XS[c] + 4, HEIGHT - (YS[r] + 13), text)


def _flowchart(path: Path) -> Path:
    """Step boxes "1" (Staf, row 1) and "2" (Kabag, row 2), each a stroked box inside its
    cell, an arrow from box 1 across the Staf/Kabag rule and down into box 2."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for y in YS:
        canvas.line(XS[0], HEIGHT - y, XS[-1], HEIGHT - y)
    for x in XS:
        canvas.line(x, HEIGHT - YS[0], x, HEIGHT - YS[-1])
    _text(canvas, [HEADER, *ROWS])
    canvas.setFont("Helvetica", 9)
    for c, r in ((2, 1), (3, 2)):
        x, y = XS[c] + 30, YS[r] + 10  # a 40 x 20 box, 10 pt under the rule above
        canvas.setFillGray(0.9)
        canvas.rect(x, HEIGHT - y - 20, 40, 20, stroke=1, fill=1)
        canvas.setFillGray(0)
        canvas.drawString(x + 17, HEIGHT - y - 14, ROWS[r - 1][c])
    # the arrow: right out of box 1 (y = 140), across x = 300, then down into box 2
    canvas.line(XS[2] + 70, HEIGHT - 140, XS[3] + 50, HEIGHT - 140)
    canvas.line(XS[3] + 50, HEIGHT - 140, XS[3] + 50, HEIGHT - 170)
    canvas.showPage()
    canvas.save()
    return path


def test_step_boxes_and_arrows_are_no_ruling(tmp_path: Path) -> None:
    result = process(_flowchart(tmp_path / "flow.pdf"))
    assert len(result.flat_tables) == 1
    table = result.flat_tables[0]
    assert table.columns == ["no", "aktivitas", "staf", "kabag"]
    got = [(r["no"], r["aktivitas"], r["staf"], r["kabag"]) for r in table.rows]
    assert got == [("1.", "Usulan", "1", None), ("2.", "Koreksi", None, "2")]


def _boxed_cells(path: Path) -> Path:
    """A table drawn as one stroked box per cell, 2 pt apart (Chromium's borders with
    gaps), inside a frame drawn with lines."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    left, right, top, bottom = XS[0] - 1, XS[-1] + 1, HEIGHT - YS[0] + 1, HEIGHT - YS[-1] - 1
    for a, b, c, d in ((left, top, right, top), (left, bottom, right, bottom),
                       (left, top, left, bottom), (right, top, right, bottom)):  # fmt: skip
        canvas.line(a, b, c, d)
    for r in range(len(YS) - 1):
        for c in range(len(XS) - 1):
            x0, x1, y0, y1 = XS[c] + 1, XS[c + 1] - 1, YS[r] + 1, YS[r + 1] - 1
            canvas.rect(x0, HEIGHT - y1, x1 - x0, y1 - y0, stroke=1, fill=0)
    canvas.setFont("Helvetica", 9)
    for r, row in enumerate([HEADER, *ROWS]):
        for c, text in enumerate(row):
            if text:
                canvas.drawString(XS[c] + 4, HEIGHT - (YS[r] + 13), text)
    canvas.showPage()
    canvas.save()
    return path


def test_a_box_per_cell_is_the_ruling(tmp_path: Path) -> None:
    result = process(_boxed_cells(tmp_path / "boxes.pdf"))
    table = result.flat_tables[0]
    assert table.columns == ["no", "aktivitas", "staf", "kabag"]
    got = [(r["no"], r["aktivitas"], r["staf"], r["kabag"]) for r in table.rows]
    assert got == [("1.", "Usulan", "1", None), ("2.", "Koreksi", None, "2")]
