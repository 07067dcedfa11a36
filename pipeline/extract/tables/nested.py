"""A table printed inside another: a piece cut where a sub-table with its own header starts.

A tariff table may print, under one of its items ("f. Pelayanan Ambulan ..."), a table of
its own: a header row ("KECAMATAN | RSUD BANJARNEGARA (Rp) | ...") and rows ruled into
other columns than the table around it (Banjarnegara 8/2025 p18). Read as one grid, the
two sets of rulings give every row the columns of both, and the sub-table's header is
none of the outer table's: each cell is copied over the columns it covers and the
columns are named `kolom_N`.

`split_nested` cuts such a piece in two where, from a row down to the piece's end, every
row is ruled alike into at least two columns that no row above uses, and that first row
prints no figure while a row under it does (a header over values). Each part keeps only
the column rulings its own rows use; the lower part is a table of its own, its first row
its header (`TablePiece.known_header`), named by the last row above it (the item it
prices). A cell merged across the cut (the item's "No" running down beside the sub-table)
stays in the upper part; the sub-table's columns that print nothing in any of its rows
(that cell's continuation) are dropped. Nothing printed is dropped.
"""

from __future__ import annotations

from pipeline.extract.tables.grid import Cell, TablePiece

# A sub-table rules at least this many column boundaries the rows above do not use.
MIN_OWN_BOUNDARIES = 2
# A sub-table has its header and at least this many rows under it.
MIN_BODY_ROWS = 2


def _boundaries(piece: TablePiece, r: int) -> frozenset[int]:
    """The inner column edges (indexes into col_edges) that row r is ruled at."""
    row = piece.grid[r]
    return frozenset(c for c in range(1, piece.ncols) if row[c - 1] is not row[c])


def _has_figure(cells: list[Cell]) -> bool:
    from pipeline.extract.tables.stitch import FIGURE_RE

    return any(FIGURE_RE.match(c.text.strip()) for c in cells if not c.is_empty)


def _cut_row(piece: TablePiece) -> int | None:
    """The first row of a sub-table inside `piece`, or None."""
    rows = len(piece.grid)
    bounds = [_boundaries(piece, r) for r in range(rows)]
    for k in range(1, rows - MIN_BODY_ROWS):
        lower = bounds[k]
        if any(b != lower for b in bounds[k:]):
            continue
        upper = frozenset().union(*bounds[:k])
        if len(lower - upper) < MIN_OWN_BOUNDARIES or not upper - lower:
            continue
        if _has_figure(piece.anchored(k)):
            continue
        if any(_has_figure(piece.anchored(r)) for r in range(k + 1, rows)):
            return k
    return None


def _part(piece: TablePiece, start: int, end: int, drop_empty: bool) -> TablePiece:
    """Rows [start, end) of `piece` as a piece of their own, over the column rulings
    they use; cells running on from above `start` are empty stand-ins."""
    used = frozenset().union(*(_boundaries(piece, r) for r in range(start, end)))
    keep = [0, *sorted(used), piece.ncols]
    if drop_empty:
        while len(keep) > 2 and _empty_span(piece, start, end, keep[0], keep[1]):
            keep = keep[1:]
        while len(keep) > 2 and _empty_span(piece, start, end, keep[-2], keep[-1]):
            keep = keep[:-1]
    made: dict[int, Cell] = {}
    grid: list[list[Cell]] = []
    for r in range(start, end):
        row: list[Cell] = []
        for k in range(len(keep) - 1):
            cell = piece.grid[r][keep[k]]
            if id(cell) not in made:
                first_row = max(cell.row, start)
                end_row = min(cell.row + cell.rowspan, end)
                first = max((i for i, e in enumerate(keep[:-1]) if e <= cell.col), default=0)
                end_col = cell.col + cell.colspan
                last = next((i for i, e in enumerate(keep) if e >= end_col), len(keep) - 1)
                runs_on = cell.row < start
                made[id(cell)] = Cell(
                    row=first_row - start, col=first, rowspan=end_row - first_row,
                    colspan=max(last - first, 1),
                    text="" if runs_on else cell.text, bold=cell.bold,
                    parts=[] if runs_on else list(cell.parts), confidence=cell.confidence,
                )  # fmt: skip
            row.append(made[id(cell)])
        grid.append(row)
    edges = [piece.col_edges[e] for e in keep]
    tops = [p.bbox[1] for c in piece.anchored(start) for p in c.parts if p.page == piece.page]
    bottoms = [
        p.bbox[3] for r in range(start, end) for c in piece.anchored(r) for p in c.parts
        if p.page == piece.page
    ]  # fmt: skip
    x0, top, x1, bottom = piece.bbox
    top = min(tops) if start and tops else top
    bottom = max(bottoms) if end < len(piece.grid) and bottoms else bottom
    return TablePiece(
        page=piece.page, bbox=(edges[0], top, edges[-1], bottom), col_edges=edges, grid=grid,
        captioned=piece.captioned if start == 0 else True,
    )  # fmt: skip


def _empty_span(piece: TablePiece, start: int, end: int, a: int, b: int) -> bool:
    """Columns [a, b) print nothing that starts in rows [start, end)."""
    for r in range(start, end):
        for c in range(a, b):
            cell = piece.grid[r][c]
            if cell.row >= start and not cell.is_empty:
                return False
    return True


def split_nested(piece: TablePiece) -> list[TablePiece]:
    """`piece`, cut before each sub-table printed inside it (see the module)."""
    k = _cut_row(piece)
    if k is None:
        return [piece]
    upper = _part(piece, 0, k, drop_empty=False)
    lower = _part(piece, k, len(piece.grid), drop_empty=True)
    above = [c for c in piece.anchored(k - 1) if not c.is_empty]
    lower.heading = " ".join(" ".join(c.text.split()) for c in above[-1:])
    lower.known_header = 1
    return [upper, *split_nested(lower)]


def _group_width(piece: TablePiece) -> int:
    """The width (columns) of side-by-side column groups of one table printed in one
    frame, or 0: the top row prints one label per column, its sequence of labels repeated
    across the width at least twice ("Nuklida | Nilai Batas ... | Nuklida | Nilai Batas
    ..."), none of them a value, and no cell of the piece crosses a group's edge."""
    from pipeline.extract.tables.header import fold, holds_value

    top = piece.anchored(0)
    if len(piece.grid) < 2 or len(top) != piece.ncols:
        return 0
    if any(c.colspan != 1 or c.rowspan != 1 or c.is_empty or holds_value(c.text) for c in top):
        return 0
    labels = [fold(c.text) for c in top]
    for width in range(2, piece.ncols // 2 + 1):
        if piece.ncols % width or labels != labels[:width] * (piece.ncols // width):
            continue
        if all(c.col // width == (c.col + c.colspan - 1) // width for c in piece.cells()):
            return width
    return 0


def unstack_groups(piece: TablePiece) -> TablePiece:
    """One table printed as column groups side by side in one frame (Perka BAPETEN
    7/2017 p4: three "Nuklida | Nilai Batas" pairs, the list running down each pair in
    turn): one piece of the group's columns, the header once, then the rows of each
    group from left to right. Otherwise `piece` itself."""
    width = _group_width(piece)
    if not width:
        return piece
    groups = piece.ncols // width
    body = len(piece.grid) - 1
    grid: list[list[Cell]] = [piece.grid[0][:width]]
    for g in range(groups):
        for r in range(1, len(piece.grid)):
            grid.append(piece.grid[r][g * width : (g + 1) * width])
    for g in range(1, groups):  # the repeated headers are printed words: their parts
        for k, cell in enumerate(piece.grid[0][g * width : (g + 1) * width]):
            grid[0][k].parts.extend(cell.parts)
    moved: set[int] = set()
    for row in grid[1:]:
        for cell in row:
            if id(cell) in moved:
                continue
            moved.add(id(cell))
            g = cell.col // width
            cell.col -= g * width
            cell.row = 1 + g * body + (cell.row - 1)
    return TablePiece(
        page=piece.page, bbox=piece.bbox, col_edges=piece.col_edges[: width + 1], grid=grid,
        captioned=piece.captioned, known_header=1, heading=piece.heading,
    )  # fmt: skip
