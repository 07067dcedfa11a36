"""Generic ruled-table machinery: find tables, build grids with merged cells, recognise
header rows, stitch pieces across pages. Knows nothing of any particular kind of table."""

from pipeline.extract.tables.grid import Cell, CellPart, TablePiece, build_piece
from pipeline.extract.tables.stitch import Column, LogicalRow, LogicalTable, stitch_pieces

__all__ = [
    "Cell",
    "CellPart",
    "Column",
    "LogicalRow",
    "LogicalTable",
    "TablePiece",
    "build_piece",
    "stitch_pieces",
]
