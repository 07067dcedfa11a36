"""Per-cell borders with gaps (Chromium's rules with gaps; a row broken by the page end
going on at the top of the next page under no rule of its own): the cells are still read
one by one, not as one block across the table (tests/fixtures/zoo ch-legal-gaps). Group
titles inside a table whose left cells are printed on every row, not merged."""

from __future__ import annotations

from typing import Any

from pipeline.extract.tables import LogicalTable
from pipeline.extract.tables.grid import Cell, _cut_around_cells
from pipeline.extract.tables.ruling import BRIDGE, _bridges
from pipeline.extract.tables.stitch import LogicalRow


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "x0": x0, "top": top, "x1": x1, "bottom": bottom,
        "orientation": "v" if x1 - x0 < bottom - top else "h",
    }  # fmt: skip


def test_a_rectangle_closed_around_cells_is_cut_back_to_the_merged_cell() -> None:
    """pdfplumber closes [0, 0, 100, 50] around the cells right of x=40 (their borders
    start under the rule at y=0) and the strip under the merged cell: it is the merged
    cell [0, 0, 40, 45]."""
    block = (0.0, 0.0, 100.0, 50.0)
    inner = [(40.0, 5.0, 100.0, 25.0), (40.0, 25.0, 100.0, 50.0), (0.0, 45.0, 40.0, 50.0)]
    assert _cut_around_cells([block, *inner], 1.5) == [(0.0, 0.0, 40.0, 45.0), *inner]


def test_cells_side_by_side_are_kept() -> None:
    grid = [(0.0, 0.0, 40.0, 25.0), (40.0, 0.0, 100.0, 25.0), (0.0, 25.0, 100.0, 50.0)]
    assert _cut_around_cells(grid, 1.5) == grid


def test_a_side_starting_under_the_rule_above_is_carried_up_to_it() -> None:
    header_rule = _edge(0.0, 69.0, 300.0, 69.0)
    side = _edge(150.0, 72.0, 150.0, 100.0)
    bridged = _bridges([header_rule, side])
    assert [(b["x0"], b["top"], b["bottom"]) for b in bridged] == [(150.0, 69.0, 100.0)]


def test_a_side_far_from_any_rule_or_beside_it_is_left_alone() -> None:
    header_rule = _edge(0.0, 69.0, 300.0, 69.0)
    far = _edge(150.0, 69.0 + BRIDGE + 2, 150.0, 100.0)
    beside = _edge(320.0, 72.0, 320.0, 100.0)
    touching = _edge(100.0, 69.0, 100.0, 100.0)
    assert _bridges([header_rule, far, beside, touching]) == []


def _table(below_left: tuple[str, str]) -> LogicalTable:
    """Row 0: "1." | "Mental Aparatur" | a title running to the right edge; row 1: the
    left cells printed again (not merged) with `below_left`, then "a." | an aksi."""

    def cell(row: int, col: int, text: str, colspan: int = 1) -> Cell:
        return Cell(row=row, col=col, rowspan=1, colspan=colspan, text=text, bold=False)

    no, area = cell(0, 0, "1."), cell(0, 1, "Mental Aparatur")
    title = cell(0, 2, "Manajemen Perubahan", colspan=2)
    no2, area2 = cell(1, 0, below_left[0]), cell(1, 1, below_left[1])
    item, aksi = cell(1, 2, "a."), cell(1, 3, "Membentuk Tim")
    rows = [LogicalRow(cells=[no, area, title, title], physical=[(1, 0)]),
            LogicalRow(cells=[no2, area2, item, aksi], physical=[(1, 1)])]  # fmt: skip
    return LogicalTable(columns=[], header_cells=[], rows=rows, numbering_cols=set(),
                        mark_cols=set())  # fmt: skip


def test_a_group_title_beside_text_repeated_on_every_row_is_a_group_row() -> None:
    """Group titles printed inside the table, where the No/Area cells are printed again on
    every row instead of merged (zoo: lo-f4-inline-repeated-plain): the title is the
    group's, as beside merged cells."""
    assert _table(("1.", "Mental  Aparatur")).group_cell(0) is not None
    assert _table(("2.", "Penataan Peraturan")).group_cell(0) is None
