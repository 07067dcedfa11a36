"""A tick printed as a shaded cell, no glyph (zoo: lo-f4-swapped-shade,
ch-letter-swapped-shade): a narrow empty cell filled by one shading of its own reads as a
mark (grid.SHADE_MARK, one of stitch.MARKS); and a row broken by the page end, whose
shading is painted again on its rest, is continued by its text."""

from __future__ import annotations

from typing import Any

from pipeline.extract.tables.grid import SHADE_MARK, Cell, TablePiece, _read_shaded_marks
from pipeline.extract.tables.stitch import MARKS, LogicalRow, _is_continuation


def _cell(col: int, text: str = "", row: int = 0) -> Cell:
    return Cell(row=row, col=col, rowspan=1, colspan=1, text=text, bold=False)


def _fill(x0: float, top: float, x1: float, bottom: float, grey: float = 0.5) -> dict[str, Any]:
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "fill": True,
            "non_stroking_color": (grey, grey, grey)}  # fmt: skip


def test_a_shaded_narrow_cell_is_a_mark() -> None:
    year, text, white, wide = _cell(0), _cell(1, "Bagian Hukum"), _cell(2), _cell(3)
    cells = [(year, (100.0, 10.0, 130.0, 40.0)), (text, (130.0, 10.0, 170.0, 40.0)),
             (white, (170.0, 10.0, 200.0, 40.0)), (wide, (200.0, 10.0, 230.0, 40.0))]  # fmt: skip
    rects = [
        _fill(101.0, 11.0, 129.0, 39.0),  # the year cell's own shading
        _fill(131.0, 11.0, 169.0, 39.0),  # behind text: the cell prints its text
        _fill(171.0, 11.0, 199.0, 39.0, grey=1.0),  # white: a background, no mark
        _fill(0.0, 5.0, 600.0, 45.0),  # a whole row's shading, not the cell's own
    ]
    _read_shaded_marks(cells, rects)
    assert [c.text for c, _ in cells] == [SHADE_MARK, "Bagian Hukum", "", ""]
    assert SHADE_MARK in MARKS


def _rest_of_row(text: str) -> tuple[TablePiece, LogicalRow]:
    """Last row: "Mengusulkan ..." with years 2019 and 2020 shaded; the next page opens with
    `text` under it, and the same two years shaded again."""
    last = LogicalRow(cells=[_cell(0, "Mengusulkan SKPD"), _cell(1, SHADE_MARK),
                             _cell(2, SHADE_MARK)], physical=[(1, 5)])  # fmt: skip
    grid = [[_cell(0, text), _cell(1, SHADE_MARK), _cell(2, SHADE_MARK)]]
    piece = TablePiece(page=2, bbox=(0.0, 0.0, 300.0, 40.0), col_edges=[0.0, 200.0, 250.0, 300.0],
                       grid=grid)  # fmt: skip
    return piece, last


def test_shading_painted_again_on_the_rest_of_a_row_leaves_the_text_to_decide() -> None:
    piece, last = _rest_of_row("yang memenuhi sebagai zona integritas")
    assert _is_continuation(piece, 0, last, set(), {1, 2}, set())
    piece, last = _rest_of_row("Melaksanakan evaluasi")
    assert not _is_continuation(piece, 0, last, set(), {1, 2}, set())


def test_ticks_printed_again_still_start_a_row() -> None:
    piece, last = _rest_of_row("yang memenuhi sebagai zona integritas")
    for cell in (*piece.grid[0][1:], *last.cells[1:]):
        cell.text = "√"
    assert not _is_continuation(piece, 0, last, set(), {1, 2}, set())
