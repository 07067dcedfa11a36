"""Stitch table pieces on consecutive pages into logical tables.

Rules (all derived from the pieces themselves, never from page numbers or widths):

* A piece that opens a page continues the table that closed the previous page when its top
  rows repeat that table's header text, or, when it prints no header, when it has the same
  columns (same count, same relative column edges); never when a caption of its own
  stands right above it (`TablePiece.captioned`: "C. PELAYANAN" over a header that
  repeats table B's is table C).
* Header rows repeated anywhere in a continued table are dropped.
* The first body row of a continued piece is the rest of a row broken by the page end when
  it carries no item number (a numbering column) and no mark a new row would carry
  (a checkmark column while the broken row already has its marks). Its cells' text is
  appended to the cells of the row it continues.
* Otherwise, leading empty cells of that first row continue the merged cells above them
  (a "No"/"Area" cell spanning many rows goes on across the page break).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pipeline.extract.tables.grid import (
    SHADE_MARK,
    Cell,
    CellPart,
    TablePiece,
    break_mark,
    lowest,
)
from pipeline.extract.tables.header import (
    column_names,
    column_paths,
    detect_header_rows,
    header_signature,
    is_full_width,
    is_numbering_row,
    row_signature,
)
from pipeline.extract.tables.nested import split_nested, unstack_groups
from pipeline.vocabulary import ITEM_LABEL_RE, ITEM_NUMBER_RE, TICKS, follows, item_places

# Item numbers as printed in Indonesian regulations: "1.", "a.", "e", "IV.", "1)", "(a)",
# and a nested item's number with its parents', closed by its stop: "I.1.", "2.3." (not
# "1.500", a figure).
NUMBERING_RE = ITEM_NUMBER_RE
# Tick and cross marks of schedule columns, as printed by any producer (the one place
# that names them; the value typing of pipeline/normalize/values.py uses the same), the
# mark a shaded cell reads as (SHADE_MARK) among them.
MARKS = TICKS
# A header that names a year: a column under it holding single marks is a checkmark
# column, whatever its marks look like ("v" is no item number there).
YEAR_HEADER_RE = re.compile(r"^(?:19|20)\d\d$")
# A column is a numbering column when at least this share of its printed cells are numbers.
NUMBERING_SHARE = 0.6
# One figure as a whole cell: "3", "50%", "200.000", "18.987.342,00".
FIGURE_RE = re.compile(r"^[0-9]+(?:[.,][0-9]+)*%?$")
# A column is a value column when at least this share of its printed one-row cells are
# single figures (a skor, a tarif): a figure is never the first half of another figure.
VALUE_SHARE = 0.8
# ... and it prints at least this many of them (two figures say nothing about a column).
VALUE_MIN = 3
# A column prints its text again on every row (No / Program repeated instead of merged)
# when at least this many of its one-row cells print the very words of the cell above and
# none of its cells is merged over rows.
REPEAT_MIN = 2
# A column is filled on every row when at least this share of the rows of one-column cells
# print a one-row cell in it, FILLED_MIN rows at least (`_filled_columns`).
FILLED_SHARE = 0.9
FILLED_MIN = 10


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    name: str
    path: tuple[str, ...]


@dataclass(slots=True)
class LogicalRow:
    """One row of the logical table; `cells[c]` is the (possibly merged) cell at column c."""

    cells: list[Cell]
    physical: list[tuple[int, int]]  # (page, row index in that page's piece)

    @property
    def pages(self) -> list[int]:
        return sorted({p for p, _ in self.physical})

    def distinct(self) -> list[Cell]:
        out: list[Cell] = []
        for cell in self.cells:
            if not any(cell is o for o in out):
                out.append(cell)
        return out

    @property
    def confidence(self) -> float | None:
        """The lowest OCR confidence of the row's cells; None: all from the text layer."""
        return lowest([c.confidence for c in self.distinct()])

    def is_span_row(self) -> bool:
        """True for a row printed as one cell across the whole width (a group row)."""
        printed = [c for c in self.distinct() if not c.is_empty]
        return len(printed) == 1 and printed[0].colspan == len(self.cells)


def _same_words(a: Cell, b: Cell) -> bool:
    """Two cells printing the same words (a text repeated on every row, not merged)."""
    return a.text.split() == b.text.split()


@dataclass(slots=True)
class LogicalTable:
    columns: list[Column]
    header_cells: list[Cell]
    rows: list[LogicalRow]
    numbering_cols: set[int]
    mark_cols: set[int]
    pieces: list[TablePiece] = field(default_factory=list)
    caption: str = ""
    # Header cells of a row of column numbers ("(1)" ... "(19) = (3)+(17)+(18)"): part of
    # the header, but no column's name.
    number_cells: list[Cell] = field(default_factory=list)
    # Per column, the column number printed under its header (its first printing), "" where
    # none is; empty when the table prints no row of column numbers.
    column_numbers: list[str] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({p.page for p in self.pieces})

    def starts_here(self, i: int, c: int) -> bool:
        """True when the cell at (i, c) is not the same merged cell as the one above it."""
        return i == 0 or self.rows[i].cells[c] is not self.rows[i - 1].cells[c]

    @property
    def confidence(self) -> float | None:
        """The lowest OCR confidence of the table's cells; None: all from the text layer."""
        return lowest(c.confidence for c in [*self.header_cells, *self.body_cells()])

    def group_cell(self, i: int) -> Cell | None:
        """The title of a group row at row i, or None. A group row prints one cell, not an
        item number, that runs on to the right edge of the table; either across the whole
        width, or to the right of cells that run on into the next row (the group title
        printed inside the table, beside the "No"/"Area" cells of its first area), merged
        or printed again with the same text on every row, wherever it starts."""
        row = self.rows[i]
        printed = [c for c in row.distinct() if not c.is_empty]
        if len(printed) == 1 and printed[0].colspan == len(row.cells):
            return printed[0]
        if not printed:
            return None
        if len(printed) == 1 and self._section(i, printed[0]):
            return printed[0]
        title = printed[-1]
        if title.col + title.colspan < len(row.cells) or title.colspan < 2 or title.col == 0:
            return None
        if NUMBERING_RE.match(title.text.split(None, 1)[0]) or i + 1 >= len(self.rows):
            return None
        below = self.rows[i + 1].cells
        left = [c for c in row.distinct() if c.col < title.col]
        if not all(below[c.col] is c or _same_words(below[c.col], c) for c in left):
            return None
        return title

    def _section(self, i: int, title: Cell) -> bool:
        """A section row of a numbered table: its one printed cell opens the row, spans
        columns, and opens with a label of another kind than the item number of the row
        under it in that (numbering) column, the row's other cells empty and its own
        ("B. Generator dan Tabung Sinar-X" over "1." ..., shaded, its last cell left
        empty: a group row though not across the width)."""
        row = self.rows[i]
        if title.col != 0 or title.colspan < 2 or 0 not in self.numbering_cols:
            return False
        if i + 1 >= len(self.rows) or not self.starts_here(i, 0):
            return False
        label = _LINE_LABEL_RE.match(title.text.strip())
        below = self.rows[i + 1].cells[0]
        number = NUMBERING_RE.match(below.text.strip()) and _LINE_LABEL_RE.match(below.text.strip())
        if label is None or not number or below is title:
            return False
        if _label_style(label) == _label_style(number):
            return False
        rest = [c for c in row.distinct() if c is not title]
        return all(
            self.starts_here(i, c.col) and self.rows[i + 1].cells[c.col] is not c for c in rest
        )

    def body_cells(self) -> list[Cell]:
        out: list[Cell] = []
        ids: set[int] = set()
        for row in self.rows:
            for cell in row.cells:
                if id(cell) not in ids:
                    ids.add(id(cell))
                    out.append(cell)
        return out


# Two printed rows are "the same text" at this similarity: a repeated header read by OCR
# rarely comes out letter for letter the same.
SAME_TEXT_RATIO = 0.8


def same_text(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal cell texts, or (same number of cells, printed in the same cells) texts nearly
    equal as a whole. A row that leaves cells empty where the other prints is another row,
    however alike the rest: "1." alone (the first line of a row the page end cuts, its
    other cells going on on the next page) is no repeat of the column numbers "(1) (2) (3)
    (4)" (WeasyPrint, zoo wp-legal-repeated-shade: read as a repeated header, the row was
    dropped and its rest joined to the row above)."""
    if a == b:
        return True
    if len(a) != len(b) or not any(a) or [bool(x) for x in a] != [bool(x) for x in b]:
        return False
    return SequenceMatcher(None, " | ".join(a), " | ".join(b)).ratio() >= SAME_TEXT_RATIO


def _own_header(top: tuple[str, ...], header: tuple[str, ...]) -> bool:
    """A piece's first row that repeats at least half of a header's labels in their places
    ("No | Kelompok Jabatan | Indeks | Rating" under "No | Pendidikan | Indeks | Rating"),
    but not all of them: the header of another table laid out alike, not a continuation."""
    printed = [t for t in top if t]
    same = sum(1 for a, b in zip(top, header, strict=False) if a and a == b)
    return len(top) == len(header) and bool(printed) and 2 * same >= len(printed)


def _same_columns(a: TablePiece, b: TablePiece, tolerance: float) -> bool:
    if a.ncols != b.ncols:
        return False
    return all(
        abs(x - y) <= tolerance for x, y in zip(a.relative_edges(), b.relative_edges(), strict=True)
    )


def _compatible_columns(a: TablePiece, b: TablePiece, tolerance: float) -> bool:
    """One piece's column edges (relative to the table width) are all edges of the
    other's: the same columns, one of them printing merged cells where the other prints
    two (a header alone on its page, "Rencana Aksi" over the number and text columns)."""
    coarse, fine = sorted((a.relative_edges(), b.relative_edges()), key=len)
    return all(any(abs(x - y) <= tolerance for y in fine) for x in coarse)


def _outer_columns_unruled(prev: TablePiece, piece: TablePiece, tolerance: float) -> bool:
    """`piece` prints, at the same places on the page, a run of `prev`'s columns flush with
    one of its sides, and fewer of them: a table ruled with horizontal rules only whose
    outer columns (merged cells running on, "No"/"Area") cross no rule on this page, so
    nothing drew them (`horizontal.py`)."""
    edges, own = prev.col_edges, piece.col_edges
    if len(own) < 3 or len(own) >= len(edges):
        return False
    start = next((k for k, x in enumerate(edges) if abs(x - own[0]) <= tolerance), None)
    if start is None or start + len(own) > len(edges):
        return False
    if any(abs(edges[start + k] - x) > tolerance for k, x in enumerate(own)):
        return False
    return start == 0 or start + len(own) == len(edges)


def _widen(piece: TablePiece, edges: list[float]) -> None:
    """`piece` re-gridded onto `edges` (`_outer_columns_unruled`): each column it lacks is
    one empty cell down the whole piece, as a merged cell running on is."""
    start = min(range(len(edges)), key=lambda k: abs(edges[k] - piece.col_edges[0]))
    for cell in piece.cells():
        cell.col += start
    nrows = len(piece.grid)
    _, top, _, bottom = piece.bbox
    extra: dict[int, Cell] = {}
    for k in range(len(edges) - 1):
        if start <= k < start + piece.ncols:
            continue
        box = (edges[k], top, edges[k + 1], bottom)
        extra[k] = Cell(row=0, col=k, rowspan=nrows, colspan=1, text="", bold=False,
                        parts=[CellPart(page=piece.page, bbox=box, text="")])  # fmt: skip
    piece.grid = [
        [extra[k] if k in extra else row[k - start] for k in range(len(edges) - 1)]
        for row in piece.grid
    ]
    piece.col_edges = list(edges)
    piece.bbox = (edges[0], top, edges[-1], bottom)


def refine(piece: TablePiece, relative: list[float]) -> None:
    """Re-grid `piece` onto finer column edges (relative to its width, a superset of its
    own): a cell over several of the new columns spans them all."""
    old = piece.col_edges
    if len(relative) == len(old):
        return
    x0, width = old[0], (old[-1] - old[0]) or 1.0
    new = [x0 + r * width for r in relative]
    ncols = len(new) - 1

    def nearest(x: float) -> int:
        return min(range(len(new)), key=lambda k: abs(new[k] - x))

    spans: dict[int, tuple[int, int]] = {}
    for cell in piece.cells():
        start = nearest(old[cell.col])
        end = max(nearest(old[min(cell.col + cell.colspan, len(old) - 1)]), start + 1)
        spans[id(cell)] = (start, end - start)
    grid: list[list[Cell]] = []
    for row in piece.grid:
        out: list[Cell] = []
        for c in range(ncols):
            mid = (new[c] + new[c + 1]) / 2
            k = next((j for j in range(len(row)) if mid < old[j + 1]), len(row) - 1)
            out.append(row[k])
        grid.append(out)
    for cell in piece.cells():
        cell.col, cell.colspan = spans[id(cell)]
    piece.grid = grid
    piece.col_edges = new


def _replace(piece: TablePiece, old: Cell, new: Cell) -> None:
    for row in piece.grid:
        for c, cell in enumerate(row):
            if cell is old:
                row[c] = new


def join_text(before: str, after: str, sep: str = "\n") -> str:
    if not before:
        return after
    if not after:
        return before
    return before + sep + after


def join_cells(target: Cell, cont: Cell) -> None:
    """`cont`, printed after a page end, goes on with `target`'s text. The page break is a
    line break of the cell: `break_mark` decides it by the last line before it and the
    first after it, as a break inside one page (a candidate split is decided after
    stitching, `resolve_cell_splits`)."""
    sep = "\n"
    if target.tail is not None and cont.head is not None and target.text and cont.text:
        sep = break_mark(target.tail, cont.head)
    target.text = join_text(target.text, cont.text, sep)
    if cont.text:
        target.tail = cont.tail


def _column_kinds(
    groups: list[tuple[TablePiece, list[int]]], ncols: int, paths: list[tuple[str, ...]]
) -> tuple[set[int], set[int]]:
    """Numbering columns (mostly item numbers) and checkmark columns (only marks). A
    column under a year is a checkmark column when all its printed cells are marks,
    even marks that look like item numbers ("v", "x")."""
    printed = [0] * ncols
    numbers: list[list[str]] = [[] for _ in range(ncols)]
    marks = [0] * ncols
    for piece, body in groups:
        for r in body:
            for cell in piece.anchored(r):
                if cell.colspan != 1 or cell.is_empty or cell.col >= ncols:
                    continue
                text = cell.text.strip()
                printed[cell.col] += 1
                if NUMBERING_RE.match(text):
                    numbers[cell.col].append(text)
                marks[cell.col] += text in MARKS
    numbering = {
        c
        for c in range(ncols)
        if len(numbers[c]) >= 2
        and len(numbers[c]) >= NUMBERING_SHARE * printed[c]
        and _counts_up(numbers[c])
    }
    mark_cols = {c for c in range(ncols) if printed[c] and marks[c] == printed[c]}
    years = {
        c for c in mark_cols if c < len(paths) and paths[c] and YEAR_HEADER_RE.match(paths[c][-1])
    }
    return numbering - years, (mark_cols - numbering) | years


def _value_columns(groups: list[tuple[TablePiece, list[int]]], ncols: int) -> set[int]:
    """Columns whose printed one-row cells are mostly single figures (see VALUE_SHARE)."""
    printed = [0] * ncols
    figures = [0] * ncols
    for piece, body in groups:
        for r in body:
            for cell in piece.anchored(r):
                if cell.colspan != 1 or cell.rowspan != 1 or cell.is_empty or cell.col >= ncols:
                    continue
                printed[cell.col] += 1
                figures[cell.col] += bool(FIGURE_RE.match(cell.text.strip()))
    return {c for c in range(ncols) if figures[c] >= max(VALUE_MIN, VALUE_SHARE * printed[c])}


def _repeated_columns(groups: list[tuple[TablePiece, list[int]]], ncols: int) -> set[int]:
    """Columns a producer prints again on every row rather than merging (see REPEAT_MIN)."""
    repeats = [0] * ncols
    merged: set[int] = set()
    for piece, body in groups:
        for r in body:
            for cell in piece.anchored(r):
                if cell.col >= ncols:
                    continue
                if cell.rowspan > 1:
                    merged.add(cell.col)
                if r == 0 or cell.colspan != 1 or cell.rowspan != 1 or cell.is_empty:
                    continue
                above = piece.grid[r - 1][cell.col]
                if above.rowspan == 1 and above.col == cell.col and _same_words(above, cell):
                    repeats[cell.col] += 1
    return {c for c in range(ncols) if repeats[c] >= REPEAT_MIN and c not in merged}


def _filled_columns(groups: list[tuple[TablePiece, list[int]]], ncols: int) -> set[int]:
    """Columns that every row of one-column cells fills with a one-row cell of its own
    (a Penanggung Jawab printed on every row), but for FILLED_SHARE of them at most (the
    rest of a row broken by the page end prints nothing there), FILLED_MIN rows at least.
    Rows with a cell across several columns (a group or program title) say nothing."""
    rows = 0
    filled = [0] * ncols
    for piece, body in groups:
        for r in body:
            anchored = piece.anchored(r)
            if any(c.colspan != 1 for c in anchored) or all(c.is_empty for c in anchored):
                continue
            rows += 1
            for cell in anchored:
                if cell.col < ncols and cell.rowspan == 1 and not cell.is_empty:
                    filled[cell.col] += 1
    return {c for c in range(ncols) if rows >= FILLED_MIN and filled[c] >= FILLED_SHARE * rows}


# Item numbers count up: at least this share of the steps from one to the next goes to
# the next number or starts a list again (at 1, a, A); values that merely look like
# numbers do not ("Kelas Jabatan" 17, 16, 15 ...; household counts 258, 193, 543).
COUNTING_SHARE = 0.5


def _counts_up(labels: list[str]) -> bool:
    """Whether a column's item labels, in order, count up (see COUNTING_SHARE)."""
    places = [item_places(label) for label in labels]
    steps = list(zip(places, places[1:], strict=False))
    if not steps:
        return True
    good = sum(1 for a, b in steps if 1 in b or any(x + 1 in b for x in a))
    return good >= COUNTING_SHARE * len(steps)


def _is_continuation(
    piece: TablePiece,
    r: int,
    last: LogicalRow,
    numbering: set[int],
    marks: set[int],
    values: set[int],
    repeated: frozenset[int] = frozenset(),
    filled: frozenset[int] = frozenset(),
) -> bool:
    """Top of a page: is row r of `piece` the rest of `last` (a row broken by the page end)
    or a row of its own? The rule, strongest evidence first:

    1. A row that prints an item number (a numbering column), or a full-width group row,
       is a row of its own; nothing continues a group row.
    2. In a table with checkmark columns, a new row carries its marks: a row without
       marks is the rest of the one above; one with marks, under a row that has its marks
       already, is new; unless its marks are shaded cells shading the same years as the
       row above (painted again on the rest of a broken row): then 2a, 3 and 4 decide.
    2a. A row that prints a cell in a value column (`_value_columns`: a skor, a tarif) under
       a row whose cell there is one whole figure already is new: a figure is printed on
       one line, never half on each page ("1" under the skor "2"; "Indek Agregat" under
       the skor "1").
    2b. The first item of a list ("a.", "1.", "1)", "(a)") opening a text cell under a
       heading row (its own item number in a numbering column or opening its text, its
       text in that cell, the cells right of it empty, no list of that style inside it)
       starts a row: the heading's first sub-item ("a. Salon, Penjahit" under "4. | Usaha
       Jasa: |", "(a) Izin" under "(1) Diagnostik konvensional:").
    2c. One text cell without an item label under a numbered row that printed its
       figures is the last line of that row's text run over the page end (see `_runs_over`).
    2d. In a table that prints its leading columns again on every row instead of merging
       them (`_repeated_columns`: No / Program repeated), a row that leaves such a column
       empty left of everything it prints, under a row that printed it, is the rest of
       that row: a new row prints them again.
    2e. In a table that fills a column on every row of one-column cells (`_filled_columns`:
       the Penanggung Jawab), a row that leaves it empty in a one-row cell, under a row
       that filled it, is the rest of that row: a new row fills it too (zoo
       wp-a4-gaps-tight p19: "Standard Operating Procedure (SOP) pelayanan" under "Semua
       SKPD/Unit Kerja pelayanan mempunyai", its years shaded again, no Penanggung Jawab).
    3. A cell printing the very words of the cell above (No / Program repeated on every
       row instead of merged; a mark column's shading aside) starts a row of its own: the
       rest of a broken row does not print again what it printed before the page end. An
       item number opening a text cell decides (see `starts_item`): "6. Pelayanan pra
       rujukan" under "5. Penanganan abortus", "c) Perawatan luka bakar besar" under
       "b) Perawatan luka bakar sedang" start rows of their own; "4. PETA WISATA" under
       a cell listing "1." to "3." goes on with that list. The leftmost cell that
       decides, decides.
    4. Otherwise the text of the one-row cells decides (merged cells going on from
       above say nothing; a row printing only those goes on). Text under a cell the row
       above left empty is the rest of that row (a broken row prints its first lines on
       the earlier page); so is text
       under a cell that left a bracket open ("... pengelolaan Mal" over "Pelayanan
       Publik, peningkatan inovasi pelayanan)"), that ends in a word broken at its
       hyphen ("Kemen PAN-" over "RB") or with a comma ("... bebas Korupsi," over
       "Kolusi dan Nepotisme"), text that closes a bracket it never opened ("Pengaduan
       Manual dan Media Elektronik)": no cell begins so), and text that opens in lower case
       ("secara terbuka ..." after "Promosi jabatan dilaksanakan"), which goes on with a
       sentence. Text that opens with a capital or a
       digit under cells the row above filled starts a row of its own ("Melaksanakan
       budaya pelayanan prima ..." under the last kegiatan of a page)."""
    printed = [c for c in piece.anchored(r) if not c.is_empty]
    if not printed or is_full_width(piece, r) or last.is_span_row():
        return False
    if any(c.col in numbering for c in printed):
        return False
    if marks:
        mine = {c.col for c in printed if c.col in marks}
        theirs = {c for c in marks if c < len(last.cells) and not last.cells[c].is_empty}
        # A shaded cell is painted on both parts of a row broken by the page end: the
        # same shaded years as the row above decide nothing, the text does (below).
        shaded = all(c.text.strip() == SHADE_MARK for c in printed if c.col in marks)
        if not (mine and shaded and mine == theirs):
            return not (mine and theirs)
    for cell in printed:
        if cell.col in values and cell.rowspan == 1:
            above = _above(last, cell)
            if above.rowspan == 1 and FIGURE_RE.match(above.text.strip()):
                return False
    if _under_heading(piece, r, last, numbering):
        return False
    if _runs_over(printed, last, numbering, values | marks):
        return True
    first_printed = min(c.col for c in printed)
    for cell in piece.anchored(r):
        if cell.col in repeated and cell.col < first_printed and cell.rowspan == 1:
            above = _above(last, cell)
            if above.rowspan == 1 and not above.is_empty:
                return True
    for c in sorted(filled):
        cell = piece.grid[r][c]
        if cell.row == r and cell.rowspan == 1 and cell.is_empty:
            above = _above(last, cell)
            if above.rowspan == 1 and not above.is_empty:
                return True
    # Merged cells (spanning several rows down this page: a "Hasil" over many kegiatan)
    # say nothing about the row; the one-row cells decide.
    for cell in printed:
        # The words of the cell above printed again (a table that repeats its No / Program
        # on every row instead of merging them): the rest of a broken row never reprints
        # them.
        above = _above(last, cell)
        if (
            cell.col not in marks
            and above is not cell
            and not above.is_empty
            and _same_words(above, cell)
        ):
            return False
        starts = starts_item(above.text, cell.text)
        if starts is not None:
            return not starts
    own = [c for c in printed if c.rowspan == 1]
    if not own:
        return True
    for cell in own:
        above = _above(last, cell)
        if above.is_empty or above.text.count("(") > above.text.count(")"):
            return True
        if _closes_unopened(cell.text):
            return True
        if _BROKEN_AT_HYPHEN.search(above.text) or above.text.rstrip().endswith(","):
            return True
    return any(_opens_lowercase(c.text, _above(last, c).text) for c in own)


# A cell that ends in a word broken at its hyphen ("PAN-"): its word goes on below (so does
# a cell that ends with a comma: its enumeration goes on).
_BROKEN_AT_HYPHEN = re.compile(r"[^\W\d_]-$")


# An item label at the start of a line: "5.", "c)", "(a)", "IV." followed by text.
_LINE_LABEL_RE = ITEM_LABEL_RE


def _label_style(match: re.Match[str]) -> tuple[str, str, str]:
    """An item label's style: its opening bracket, its kind (digit, lower, upper), its
    closing mark. Labels of one list share it; nested lists differ ("1." > "a." > "1)")."""
    opening, body, closing = match.groups()
    kind = "digit" if body.isdigit() else "lower" if body.islower() else "upper"
    return opening, kind, closing


def starts_item(above: str, text: str) -> bool | None:
    """Does a cell at the top of a page that opens with an item label (`text`) start an
    item of its own under the cell `above` (the last row's cell of its column on the page
    before)? True when `above` opens with a label of the same style and another number
    ("9." under "8. Perumusan ..."), the list of rows going on; False when `above` holds a
    list of its own (labels at the start of later lines) and `text` opens with the label
    after its last one ("4." after "1." .. "3." inside the cell), the list inside the cell
    going on; None (undecided) when `text` opens with no label or `above` with none."""
    below = _LINE_LABEL_RE.match(text.strip())
    if below is None:
        return None
    inner = list(_LINE_LABEL_RE.finditer(above.strip()))
    if (
        len(inner) > 1
        and _label_style(inner[-1]) == _label_style(below)
        and follows(inner[-1].group(2), below.group(2))
    ):
        return False
    first = inner[0] if inner and inner[0].start() == 0 else None
    if first is None or _label_style(first) != _label_style(below):
        return None
    return first.group(2) != below.group(2)


# The label a list starts with.
_FIRST_LABELS = frozenset({"1", "a", "A"})


def _opens_sublist(last: LogicalRow, above: Cell, text: str, numbering: set[int]) -> bool:
    """Rule 2b of `_is_continuation`: `text` opens with the first label of a list and
    `above` is the text of a heading row (numbered in a numbering column or by a label
    opening its text, nothing right of it) that holds no list of that style."""
    first = _LINE_LABEL_RE.match(text.strip())
    if first is None or first.group(2) not in _FIRST_LABELS or above.is_empty:
        return False
    style = _label_style(first)
    if any(_label_style(m) == style for m in _LINE_LABEL_RE.finditer(above.text.strip())):
        return False
    numbered = _LINE_LABEL_RE.match(above.text.strip()) is not None or any(
        c < len(last.cells) and c < above.col and NUMBERING_RE.match(last.cells[c].text.strip())
        for c in numbering
    )
    right = [c for c in last.distinct() if c.col >= above.col + above.colspan]
    return numbered and all(c.is_empty for c in right)


def _runs_over(printed: list[Cell], last: LogicalRow, numbering: set[int],
               values: set[int]) -> bool:  # fmt: skip
    """Rule 2c of `_is_continuation`: the row prints one text cell only, with no item
    label, under a numbered row that printed its figures (its number a one-row cell): the
    last line of that row's text, run over the page end ("Staged Lokal Flap (Divison)"
    under "299 | Kulit Dan Jaringan Subkutis. Defect (Deep) | 1 x tindakan | 5.868.000")."""
    if len(printed) != 1 or not numbering or not values:
        return False
    cell = printed[0]
    if cell.col in numbering or cell.col in values or cell.rowspan != 1:
        return False
    if _LINE_LABEL_RE.match(cell.text.strip()):
        return False
    above = [last.cells[c] for c in numbering if c < len(last.cells)]
    numbered = bool(above) and all(
        a.rowspan == 1 and NUMBERING_RE.match(a.text.strip()) for a in above
    )
    figures = any(c < len(last.cells) and FIGURE_RE.match(last.cells[c].text.strip())
                  for c in values)  # fmt: skip
    return numbered and figures


def _under_heading(piece: TablePiece, r: int, last: LogicalRow, numbering: set[int]) -> bool:
    """Row r of `piece` opens a cell with the first item of a list under the heading row
    `last` (rule 2b of `_is_continuation`)."""
    printed = [c for c in piece.anchored(r) if not c.is_empty]
    return any(_opens_sublist(last, _above(last, c), c.text, numbering) for c in printed)


def _above(last: LogicalRow, cell: Cell) -> Cell:
    """The cell of `last` over `cell` (an empty stand-in past its columns)."""
    if cell.col < len(last.cells):
        return last.cells[cell.col]
    return Cell(row=0, col=cell.col, rowspan=1, colspan=1, text="", bold=False)


def _closes_unopened(text: str) -> bool:
    """True when `text` closes a bracket it never opened, item labels ("a)", "1)") aside:
    it is the end of a text begun above ("Pengaduan Manual dan Media Elektronik)")."""
    depth = 0
    for ch in _LINE_LABEL_RE.sub("", text.strip()):
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return True
    return False


def _opens_lowercase(text: str, above: str = "") -> bool:
    """True when the first letter of `text`, before any digit, is lower case. An item
    label opening it ("d. Ekspor ...") is not its first word when the cell `above` holds
    no label of that style (no list inside it going on): the item's text decides."""
    label = _LINE_LABEL_RE.match(text.strip())
    if label is not None and not any(
        _label_style(m) == _label_style(label) for m in _LINE_LABEL_RE.finditer(above.strip())
    ):
        text = text.strip()[label.end() :]
    for ch in text.strip():
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _merge_into(piece: TablePiece, r: int, last: LogicalRow) -> None:
    """Row r of `piece` goes on with `last`: each of its cells joins the cell above. A
    piece may print more columns than the row it continues (a scan's column found on one
    page only): those cells are the row's own."""
    for c in range(piece.ncols):
        cont = piece.grid[r][c]
        if c >= len(last.cells):
            last.cells.append(cont)
            continue
        target = last.cells[c]
        if cont is target or cont.row != r:
            continue
        # One shading painted on both parts of the row is one mark, not two.
        if target.text.strip() != SHADE_MARK or cont.text.strip() != SHADE_MARK:
            join_cells(target, cont)
        target.parts.extend(cont.parts)
        _replace(piece, cont, target)


def _carry_leading(piece: TablePiece, r: int, last: LogicalRow, leaves_open: bool) -> None:
    """A new row at the top of a page: its cells that go on a merged cell above (same
    columns) are that cell, continued. Empty ones: the leading ones ("No", "Area" spanning
    many rows) and any that spans further rows down this page (a "Hasil" merged over the
    kegiatan of one program), or goes on one merged over several rows of the page before,
    when the row's first cell went on (the row is inside the group above, not one opening
    with its own "No"). In such a row, a merged cell with text is the rest of the cell
    above: the "Hasil" of an area whose "No" and "Area" go on, its last words printed on
    this page. Where the table's producer leaves the cells that run on open at a page's
    top (`leaves_open`: a page of it starts under no drawn rule), a cell at the very top
    of a page under a rule drawn over it starts there and goes on with nothing (the empty
    "No"/"Area" cells beside a group printed inside the table, "QuickWins ...", that has
    no area)."""
    anchored = piece.anchored(r)
    drawn = leaves_open and r == 0
    first_printed = next((c.col for c in anchored if not c.is_empty), piece.ncols)
    outer = False  # the row's first cell went on: the row is inside the group above
    for cell in anchored:
        if cell.col >= len(last.cells):
            break
        above = last.cells[cell.col]
        same = above.col == cell.col and above.colspan == cell.colspan
        if drawn and cell.col not in piece.open_top:
            continue
        if cell.is_empty:
            leading = cell.col < first_printed and above.col + above.colspan <= first_printed
            merged = outer and not above.is_empty and (cell.rowspan > 1 or above.rowspan > 1)
            if same and (leading or merged):
                outer = outer or cell.col == 0
                above.parts.extend(cell.parts)
                _replace(piece, cell, above)
                continue
        elif outer and same and cell.rowspan > 1:
            if _siblings(above.text, cell.text):
                # The next item opens here ("c." under "b."): it and the cells right of
                # it are its own, not the rest of the item above.
                outer = False
                continue
            join_cells(above, cell)
            above.parts.extend(cell.parts)
            _replace(piece, cell, above)
            continue


def _item_label(text: str) -> str | None:
    """The item label a cell's text opens with ("c.", "2.", "(a)"), or None."""
    words = text.split(maxsplit=1)
    return words[0] if words and NUMBERING_RE.match(words[0]) and words[0][-1] in ".)" else None


def _siblings(above: str, below: str) -> bool:
    """Two cells of one column that each open with an item label of the same kind (letters,
    digits): "b. ..." over "c. ..." are two items, so a merged cell at the top of a page
    that opens with the next label starts its own item rather than going on with the one
    above. So are two cells that each hold one item label alone, of any kinds ("2." over
    "a.": a program's number at the foot of a page, its first aksi's letter merged over
    that aksi's indicator rows on the next, zoo wp-f4-portrait-whole p7-8): a label alone
    goes on with no other label."""
    a, b = _item_label(above), _item_label(below)
    if a is None or b is None:
        return False
    if (above.strip(), below.strip()) == (a, b) and a != b:
        return True
    kind = lambda label: "digit" if label.strip("().").isdigit() else "letter"  # noqa: E731
    return kind(a) == kind(b) and a != b


def _take_finer(group: list[tuple[TablePiece, int]], piece: TablePiece) -> None:
    """`piece` joins `group` over compatible columns (`_compatible_columns`): the pieces
    printing fewer columns are re-gridded onto the finer ones."""
    first = group[0][0]
    if piece.ncols > first.ncols:
        for earlier, _ in group:
            refine(earlier, piece.relative_edges())
    else:
        refine(piece, first.relative_edges())


def stitch_pieces(pages: list[list[TablePiece]], tolerance: float) -> list[LogicalTable]:
    """Group the pieces of consecutive pages into logical tables and stitch their rows."""
    groups: list[list[tuple[TablePiece, int]]] = []
    last_on_page: dict[int, TablePiece] = {}
    for printed in pages:
        pieces = [part for piece in printed for part in split_nested(unstack_groups(piece))]
        for j, piece in enumerate(pieces):
            header_rows = detect_header_rows(piece)
            joined = False
            if groups and j == 0 and not piece.captioned:
                first, nh = groups[-1][0]
                prev = groups[-1][-1][0]
                if prev.page == piece.page - 1 and last_on_page.get(prev.page) is prev:
                    if not header_rows and _outer_columns_unruled(prev, piece, tolerance):
                        _widen(piece, prev.col_edges)
                    sig = header_signature(first, nh)
                    top = header_signature(piece, nh) if len(piece.grid) > nh else ()
                    if nh and top and all(same_text(a, b) for a, b in zip(top, sig, strict=True)):
                        # The same header over other columns printed merged (a header
                        # alone on the page before): every piece takes the finer grid.
                        if piece.ncols != first.ncols and _compatible_columns(
                            first, piece, tolerance
                        ):
                            _take_finer(groups[-1], piece)
                        groups[-1].append((piece, nh))
                        joined = True
                    elif nh and top and _own_header(top[0], sig[0]):
                        pass  # a header of its own, like the last one's: a new table
                    elif _same_columns(first, piece, tolerance):
                        groups[-1].append((piece, 0))
                        joined = True
                    elif _compatible_columns(first, piece, tolerance):
                        # Different columns printed merged: every piece takes the finer
                        # grid (the header alone on a page, body rows on the next).
                        _take_finer(groups[-1], piece)
                        groups[-1].append((piece, 0))
                        joined = True
                    elif not header_rows and _numbering_goes_on(prev, piece):
                        # As many columns, other widths (a landscape page going on with
                        # a portrait one's table), and its first item number follows
                        # the last one: the same table.
                        groups[-1].append((piece, 0))
                        joined = True
            if not joined:
                groups.append([(piece, header_rows)])
        if pieces:
            last_on_page[pieces[-1].page] = pieces[-1]
    return [_stitch_group(g) for g in groups]


def _numbering_goes_on(prev: TablePiece, piece: TablePiece) -> bool:
    """`piece` prints as many columns as `prev`, and the first item number in its first
    column follows the last one in `prev`'s ("5." after "4.")."""
    if piece.ncols != prev.ncols or piece.ncols < 2:
        return False
    labels = [
        c.text.strip().strip("().")
        for row in prev.grid for c in row[:1]
        if c.col == 0 and NUMBERING_RE.match(c.text.strip())
    ]  # fmt: skip
    first = next(
        (c.text.strip().strip("().") for row in piece.grid for c in row[:1]
         if c.col == 0 and not c.is_empty),
        None,
    )  # fmt: skip
    return bool(labels) and first is not None and follows(labels[-1], first)


def _free_body_of_header(piece: TablePiece, body: list[int], header: list[Cell]) -> None:
    """A header cell printed without a rule under it runs on down beside the body rows
    (a repeated "Program/Pokja" over the empty program cell going on from the page
    before): under the header it is an empty cell of those rows, never their text."""
    ids = {id(c) for c in header}
    standins: dict[int, Cell] = {}
    for r in body:
        for c, cell in enumerate(piece.grid[r]):
            if id(cell) not in ids:
                continue
            if id(cell) not in standins:
                end = cell.row + cell.rowspan
                standins[id(cell)] = Cell(row=r, col=cell.col, rowspan=end - r,
                                          colspan=cell.colspan, text="", bold=False)  # fmt: skip
            piece.grid[r][c] = standins[id(cell)]


# Under one header cell, body text that starts in this many grid columns at least is an
# indented list (nested numbering drawn as a staircase of cells), not so many columns.
INDENT_DEPTHS = 3


def _indented_spans(paths: list[tuple[str, ...]], rows: list[LogicalRow]) -> list[tuple[int, int]]:
    """Runs of grid columns [a, b) under one header cell (the same header path) whose
    body is a staircase: in each row the text starts one or more columns further right
    (an item number in a cell of its own, its text in the next one, the level below one
    column further in), in INDENT_DEPTHS columns at least over the table. Such rulings
    run through some rows only; the columns are the header's: one."""
    spans: list[tuple[int, int]] = []
    grid = [row.cells for row in rows]
    c = 0
    while c < len(paths):
        e = c + 1
        while e < len(paths) and paths[c] and paths[e] == paths[c]:
            e += 1
        if e - c >= INDENT_DEPTHS:
            starts: set[int] = set()
            for i, row in enumerate(rows):
                if row.is_span_row():
                    continue
                texts = [x.col for x in _starting(grid, i, c, e) if not x.is_empty]
                if texts:
                    starts.add(max(texts))
            if len(starts) >= INDENT_DEPTHS:
                spans.append((c, e))
        c = e
    return spans


def _starting(grid: list[list[Cell]], i: int, a: int, b: int) -> list[Cell]:
    """The cells of row i that start in columns [a, b) at this row, left to right."""
    out: list[Cell] = []
    for c in range(a, b):
        cell = grid[i][c]
        above = grid[i - 1][c] if i else None
        if cell.col == c and cell is not above and cell not in out:
            out.append(cell)
    return out


def _collapse(rows: list[LogicalRow], a: int, b: int) -> None:
    """Columns [a, b) become one: per row, the texts that start there joined (item number
    then text: "(1) Wisatawan Mancanegara") in one cell; a row where none starts goes
    on with the cell of the row above (a merged cell); a cell from further left that
    covers them (a group row) stays."""
    previous: Cell | None = None
    originals: list[Cell] | None = None
    grid = [list(row.cells) for row in rows]
    for i, row in enumerate(rows):
        inside = row.cells[a:b]
        cells = list(row.cells)
        if cells[a].col < a:  # covered from the left: nothing starts here
            row.cells = cells[: a + 1] + cells[b:]
            previous, originals = None, None
            continue
        starting = _starting(grid, i, a, b)
        if not starting and previous is not None and originals == inside:
            combined = previous
        else:
            end = max([b, *(x.col + x.colspan for x in starting)])
            printed = [x for x in starting if not x.is_empty]
            combined = Cell(
                row=i, col=a, rowspan=1, colspan=end - a,
                text=" ".join(" ".join(x.text.split()) for x in printed),
                bold=any(x.bold for x in printed),
                parts=[part for x in starting for part in x.parts],
                confidence=lowest(x.confidence for x in printed),
            )  # fmt: skip
        for c in range(a, len(cells)):
            if c < b or any(cells[c] is x for x in starting):
                cells[c] = combined
        row.cells = cells[: a + 1] + cells[b:]
        previous, originals = combined, inside
    seen: set[int] = set()
    for row in rows:
        for cell in row.distinct():
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            if cell.col >= b:
                cell.col -= b - a - 1
            elif cell.col + cell.colspan > a:
                covered = min(cell.col + cell.colspan, b) - max(cell.col, a)
                cell.colspan -= max(covered - 1, 0)


def _shift(cols: set[int], a: int, b: int) -> set[int]:
    """Column indexes after columns [a, b) became one (a text column: no kind)."""
    return {c if c < a else c - (b - a - 1) for c in cols if not a <= c < b}


def _column_numbers(piece: TablePiece, r: int) -> list[str]:
    """Per grid column, the column number printed in row r (a row of column numbers) in
    the cell that starts there, its lines joined ("(16) = (6) + (9) +" over "(12) + (15)")."""
    out = [""] * piece.ncols
    for cell in piece.anchored(r):
        out[cell.col] = " ".join(cell.text.split())
    return out


def _stitch_group(group: list[tuple[TablePiece, int]]) -> LogicalTable:
    first, nh = group[0]
    header_sigs = {row_signature(first, r) for r in range(nh)}
    header_cells: list[Cell] = []
    number_cells: list[Cell] = []  # the header's row of column numbers, naming no column
    numbers: list[str] = []  # per grid column, its printed number (first printing)
    bodies: list[tuple[TablePiece, list[int]]] = []
    for piece, drop in group:
        body: list[int] = []
        for r in range(len(piece.grid)):
            signature = row_signature(piece, r)
            repeated = nh and r >= drop and any(same_text(signature, h) for h in header_sigs)
            if r < drop or repeated:
                header_cells.extend(c for c in piece.anchored(r) if c not in header_cells)
                if is_numbering_row(piece, r):
                    number_cells.extend(piece.anchored(r))
                    if not numbers and piece.ncols == first.ncols:
                        numbers = _column_numbers(piece, r)
            else:
                body.append(r)
        _free_body_of_header(piece, body, header_cells)
        bodies.append((piece, body))
    paths = column_paths(first, nh)
    columns = [
        Column(i, n, p) for i, (n, p) in enumerate(zip(column_names(paths), paths, strict=True))
    ]
    numbering, marks = _column_kinds(bodies, first.ncols, paths)
    values = _value_columns(bodies, first.ncols) - numbering - marks
    reprinted = frozenset(_repeated_columns(bodies, first.ncols) - numbering - marks)
    filled = frozenset(_filled_columns(bodies, first.ncols) - numbering - marks)

    # The producer leaves the cells that run on open at a page's top: a page of the table
    # after the first starts under no drawn rule somewhere.
    leaves_open = any(piece.open_top for piece, _ in group[1:])
    rows: list[LogicalRow] = []
    for gi, (piece, body) in enumerate(bodies):
        body = [r for r in body if any(not c.is_empty for c in piece.anchored(r))]
        for k, r in enumerate(body):
            if k == 0 and gi > 0 and rows:
                last = rows[-1]
                if _is_continuation(piece, r, last, numbering, marks, values, reprinted, filled):
                    _merge_into(piece, r, last)
                    last.physical.append((piece.page, r))
                    continue
                if not _under_heading(piece, r, last, numbering) or (
                    leaves_open and r == 0 and piece.open_top
                ):
                    # (a heading's number is a one-row cell of its own: its first
                    # sub-item, on the next page, does not go on with it; but the cells
                    # a page leaves open at its top go on whatever the row opens with:
                    # "No"/"Area"/"Hasil" beside a group title printed inside the table
                    # at the foot of the page before, zoo wp-letter-sans-inline-once)
                    _carry_leading(piece, r, last, leaves_open)
            rows.append(LogicalRow(cells=list(piece.grid[r]), physical=[(piece.page, r)]))
    for a, b in reversed(_indented_spans(paths, rows)):
        _collapse(rows, a, b)
        paths = paths[: a + 1] + paths[b:]
        if numbers:
            numbers[a:b] = [" ".join(n for n in numbers[a:b] if n)]
        numbering = _shift(numbering, a, b)
        marks = _shift(marks, a, b)
    for row in rows:  # a piece joined by its repeated header may print fewer columns
        row.cells += [
            Cell(row=0, col=c, rowspan=1, colspan=1, text="", bold=False)
            for c in range(len(row.cells), len(paths))
        ]
    if numbers:
        numbers += [""] * (len(paths) - len(numbers))
    if len(paths) != len(columns):
        names = column_names(paths)
        columns = [Column(i, n, p) for i, (n, p) in enumerate(zip(names, paths, strict=True))]
    return LogicalTable(
        columns=columns,
        header_cells=header_cells,
        number_cells=number_cells,
        column_numbers=numbers,
        rows=rows,
        numbering_cols=numbering,
        mark_cols=marks,
        pieces=[p for p, _ in group],
    )
