"""Header rows: recognised by their text and type face, never by position or width.

A table's header is the band of rows at its top whose printed cells are set in a bold
face and which is not a single cell spanning the whole width (such a row is a group row
of the body). Tables printed without bold headers fall back to their first row. Repeated
headers on later pages are recognised by their text signature, wherever they occur.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.extract.tables.grid import Cell, TablePiece

_NON_WORD = re.compile(r"[^0-9a-z]+")
COLUMN_NUMBER_RE = re.compile(r"^\(?\d{1,2}\)?$")
# An item number as OCR may read it ("1." read as "1," or "1:").
LOOSE_NUMBER_RE = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[IVXLC]{1,6})[.,:)]?$")


def fold(text: str) -> str:
    """Case-, accent- and space-insensitive form of a header text, for comparison."""
    text = unicodedata.normalize("NFKD", text).lower()
    return _NON_WORD.sub(" ", text).strip()


def row_signature(piece: TablePiece, r: int) -> tuple[str, ...]:
    return tuple(fold(c.text) for c in piece.anchored(r))


def is_full_width(piece: TablePiece, r: int) -> bool:
    anchored = [c for c in piece.anchored(r) if not c.is_empty]
    return len(anchored) == 1 and anchored[0].colspan == piece.ncols


def _leading_rows_without_type_face(piece: TablePiece) -> int:
    """Without bold type (OCR, plain-font tables): the rows before the first one that opens
    with an item number or spans the whole width."""
    for r in range(len(piece.grid)):
        printed = [c for c in piece.anchored(r) if not c.is_empty]
        if not printed:
            continue
        if is_full_width(piece, r) or LOOSE_NUMBER_RE.match(printed[0].text.strip()):
            return r
    return 0


def detect_header_rows(piece: TablePiece) -> int:
    """Number of header rows at the top of `piece` (0 if it opens with body rows)."""
    if not any(c.bold for row in piece.grid for c in row) and len(piece.grid) > 1:
        n = _leading_rows_without_type_face(piece)
        if 0 < n < len(piece.grid):
            # A row of column numbers right under the header belongs to it (as below).
            if n + 1 < len(piece.grid) and is_numbering_row(piece, n):
                n += 1
            return n
    n = 0
    for r in range(len(piece.grid)):
        printed = [c for c in piece.anchored(r) if not c.is_empty]
        if not printed or is_full_width(piece, r) or not all(c.bold for c in printed):
            break
        n = r + 1
    if n == 0:
        return 0
    # A header cell merged downwards pulls the rows it covers into the header band.
    deepest = max(c.row + c.rowspan for r in range(n) for c in piece.anchored(r))
    n = min(max(n, deepest), len(piece.grid))
    # A row of column numbers right under the header ("(1) (2) (3)") belongs to it.
    if n < len(piece.grid) and is_numbering_row(piece, n):
        n += 1
    return n


def header_signature(piece: TablePiece, nrows: int) -> tuple[tuple[str, ...], ...]:
    return tuple(row_signature(piece, r) for r in range(nrows))


def is_numbering_row(piece: TablePiece, r: int) -> bool:
    """A row of column numbers under a header: "(1) (2) (3)" or "1 2 3"."""
    printed = [c for c in piece.anchored(r) if not c.is_empty]
    return len(printed) >= 2 and all(COLUMN_NUMBER_RE.match(c.text.strip()) for c in printed)


_SPLIT_DIGITS_RE = re.compile(r"(?<=\d)\n(?=\d+(?:\n|$))")


def header_text(text: str) -> str:
    """A header cell's lines as one: lines joined by a space, but a number a narrow
    column wrapped ("201" over "9") joined back ("2019")."""
    return " ".join(_SPLIT_DIGITS_RE.sub("", text.strip()).split())


def column_paths(piece: TablePiece, nrows: int) -> list[tuple[str, ...]]:
    """For each grid column, the header texts over it from top to bottom (lines joined);
    a numbering row is not part of the names."""
    paths: list[tuple[str, ...]] = []
    rows = [r for r in range(nrows) if not is_numbering_row(piece, r)]
    for c in range(piece.ncols):
        path: list[str] = []
        seen: list[Cell] = []
        for r in rows:
            cell = piece.grid[r][c]
            if cell in seen or cell.is_empty:
                continue
            seen.append(cell)
            path.append(header_text(cell.text))
        paths.append(tuple(path))
    return paths


def column_names(paths: list[tuple[str, ...]]) -> list[str]:
    """snake_case names from header paths; a header spanning k columns yields name, name_2..."""
    names: list[str] = []
    counts: dict[str, int] = {}
    for i, path in enumerate(paths):
        base = "_".join(fold(p).replace(" ", "_") for p in path) or f"kolom_{i + 1}"
        counts[base] = counts.get(base, 0) + 1
        names.append(base if counts[base] == 1 else f"{base}_{counts[base]}")
    return names
