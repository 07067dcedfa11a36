"""Header rows: recognised by their text and type face, never by position or width.

A table's header is the band of rows at its top whose printed cells are set in a bold
face and which is not a single cell spanning the whole width (such a row is a group row
of the body). A header set in the plain face is recognised by what it says: its cells
name columns the way such tables do ("No", "Uraian", "Satuan", "Tarif (Rp)", "Program",
"Indikator Kinerja", a year; the vocabulary is `pipeline/data/label_kolom.txt`), and no
cell of it holds a value (an amount, an item number with its text), or by its ruling: a
header of two ruled levels, an upper cell spanning columns that the row under it divides
while a cell beside it is merged down over both (see `_two_level_rows`). Without any of
these, a table's header is the rows before the first one that opens with an item number
or holds a value.
Repeated headers on later pages are recognised by their text signature, wherever they
occur.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources

from pipeline.extract.tables.grid import Cell, TablePiece
from pipeline.vocabulary import ITEM_LINE_RE, ITEM_NUMBER_LOOSE_RE, ITEM_NUMBER_RE

_NON_WORD = re.compile(r"[^0-9a-z]+")
# A column number under a header: "3", "(3)", or a column formula "(16) = (6) + (9)"
# (a brace typed for the bracket, "{18)", is still one).
_COLUMN_REF = r"[({]?\d{1,2}\)?"
COLUMN_NUMBER_RE = re.compile(rf"^{_COLUMN_REF}(?:\s*[-=+x*/:]\s*{_COLUMN_REF})*$")
# An item number as OCR may read it ("1." read as "1," or "1:").
LOOSE_NUMBER_RE = ITEM_NUMBER_LOOSE_RE


def fold(text: str) -> str:
    """Case-, accent- and space-insensitive form of a header text, for comparison."""
    text = unicodedata.normalize("NFKD", text).lower()
    return _NON_WORD.sub(" ", text).strip()


def _load_labels() -> frozenset[tuple[str, ...]]:
    text = resources.files("pipeline").joinpath("data/label_kolom.txt").read_text("utf-8")
    lines = (ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return frozenset(tuple(fold(ln).split()) for ln in lines)


LABELS = _load_labels()
_LONGEST_LABEL = max(len(label) for label in LABELS)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# Words that join the words of a label ("Hasil yang diharapkan", "Tarif (Rp)"); they
# count neither way, and neither does a letter alone (a word broken at the line end).
_JOINING = frozenset(
    ["yang", "dan", "di", "per", "dari", "untuk", "atau", "serta", "dengan", "ke", "pada"]
    + ["dalam", "rp"]
)
# A header cell is short: a label with a few words around it ("Hasil yang diharapkan",
# "Nilai jabatan (Tunjangan Kinerja) Per Kelas Jabatan (Rp)").
LABEL_MAX_WORDS = 16
# A cell that holds a value is body, never header: a figure ("10.000", "0,05%",
# "Rp26.324.000,00") or an item number opening text ("1. Suntikan", "a) Bayi").
_VALUE_RE = re.compile(r"^(?:rp\.?\s*)?[-+(]?\d[\d.,]*\s*%?\)?(?:\s*/\s*\w+)*$", re.I)
_ITEM_OPENS_RE = ITEM_LINE_RE  # on text with its spaces joined: a word follows


def is_label(text: str) -> bool:
    """A header cell's text: short, and at least half of its words are words of column
    labels of the vocabulary (`LABELS`) or years. "Hasil yang diharapkan" is;
    "Pembangunan Unit Kerja untuk memperoleh predikat ..." is not."""
    words = fold(header_text(text)).split()
    if not 0 < len(words) <= LABEL_MAX_WORDS:
        return False
    words = [w for w in words if w not in _JOINING and (len(w) > 1 or w.isdigit())]
    covered = i = 0
    while i < len(words):
        if _YEAR_RE.fullmatch(words[i]):
            covered, i = covered + 1, i + 1
            continue
        for k in range(min(_LONGEST_LABEL, len(words) - i), 0, -1):
            if tuple(words[i : i + k]) in LABELS:
                covered, i = covered + k, i + k
                break
        else:
            i += 1
    return covered > 0 and covered * 2 >= len(words)


def holds_value(text: str) -> bool:
    """A body cell's text: a figure, or an item number opening its text. A year or a
    column number alone is neither (both print in headers)."""
    text = " ".join(text.split())
    if COLUMN_NUMBER_RE.match(text) or _YEAR_RE.fullmatch(text):
        return False
    return bool(_VALUE_RE.match(text) or _ITEM_OPENS_RE.match(text) or LOOSE_NUMBER_RE.match(text))


def _labelled_rows(piece: TablePiece) -> int:
    """Header rows recognised by content: the rows at the top, each printing two cells at
    least (one, under a header cell merged over it), most of them labels (see
    `is_label`) and none holding a value. Two labels at least in all."""
    n = labels = 0
    for r in range(len(piece.grid)):
        printed = [c for c in piece.anchored(r) if not c.is_empty]
        if not printed:
            if n == 0:
                break
            continue
        if n and is_numbering_row(piece, r):
            break
        if is_full_width(piece, r) or any(holds_value(c.text) for c in printed):
            break
        hits = sum(is_label(c.text) for c in printed)
        if hits * 2 < len(printed) or (n == 0 and len(printed) < 2):
            break
        labels += hits
        n = r + 1
    return n if labels >= 2 else 0


def row_signature(piece: TablePiece, r: int) -> tuple[str, ...]:
    return tuple(fold(c.text) for c in piece.anchored(r))


def is_full_width(piece: TablePiece, r: int) -> bool:
    anchored = [c for c in piece.anchored(r) if not c.is_empty]
    return len(anchored) == 1 and anchored[0].colspan == piece.ncols


def _leading_rows_without_type_face(piece: TablePiece) -> int:
    """Without bold type (OCR, plain-font tables): the rows before the first one that opens
    with an item number (alone in its cell, or opening its text: a section row "A.
    Generator dan Tabung Sinar-X"), spans the whole width, or holds a value in any cell
    (a figure: Permenkes 2/2020 p66/p70 print "Anak laki-laki (g) | Interval | Anak
    perempuan (g)" in the plain face over "2083 | 0-3 bulan | 1784" and "6.6 | 0-2 bulan |
    6.1"; a header cell never holds one)."""
    for r in range(len(piece.grid)):
        printed = [c for c in piece.anchored(r) if not c.is_empty]
        if not printed:
            continue
        first = " ".join(printed[0].text.split())
        if (
            is_full_width(piece, r)
            or LOOSE_NUMBER_RE.match(first)
            or _ITEM_OPENS_RE.match(first)
            or any(holds_value(c.text) for c in printed)
        ):
            return r
    return 0


def detect_header_rows(piece: TablePiece) -> int:
    """Number of header rows at the top of `piece` (0 if it opens with body rows): the
    bold band, else the labelled band, else (no bold type at all) the rows before the
    first item number. A sub-table cut out of the table around it knows its own."""
    if piece.known_header:
        return piece.known_header
    n = _bold_rows(piece) or _labelled_rows(piece) or _two_level_rows(piece)
    if n:
        return _with_merged_and_numbers(piece, n)
    if not any(c.bold for row in piece.grid for c in row) and len(piece.grid) > 1:
        n = _leading_rows_without_type_face(piece)
        if 0 < n < len(piece.grid):
            # A row of column numbers right under the header belongs to it (as below).
            if n + 1 < len(piece.grid) and is_numbering_row(piece, n):
                n += 1
            return n
    return 0


# A header band of ruled levels is this many rows at most.
_MAX_HEADER_LEVELS = 3


def _two_level_rows(piece: TablePiece) -> int:
    """A header of two (or more) ruled levels, recognised by its geometry whatever its type
    face or words: the top row prints two cells at least; one of them spans columns that
    the row under it divides into two printed cells at least (the upper label over the
    lower ones: "Kadar Tertinggi (Bq/l)" over "Air" | "Udara"), and another is merged down
    beside them over the lower level ("RADIONUKLIDA", "No."). The band ends where all its
    cells end together, and none of its cells holds a value. A body row with a cell merged
    down beside a divided one (a group cell over its items) does not pass: its upper cell
    would have to span columns with nothing printed over the others."""
    rows = len(piece.grid)
    top = piece.anchored(0)
    printed = [c for c in top if not c.is_empty]
    if len(printed) < 2 or is_full_width(piece, 0) or len(top) != len(printed):
        return 0
    n = max(c.row + c.rowspan for c in top)
    if not 2 <= n <= _MAX_HEADER_LEVELS:
        return 0
    divided = any(
        c.rowspan == 1
        and c.colspan >= 2
        and sum(
            1 for d in piece.anchored(1) if not d.is_empty and c.col <= d.col < c.col + c.colspan
        )
        >= 2
        for c in top
    )
    if not divided:
        return 0
    while True:  # the band closes where every cell that starts in it ends
        end = max(c.row + c.rowspan for r in range(n) for c in piece.anchored(r))
        if end == n:
            break
        if end > _MAX_HEADER_LEVELS:
            return 0
        n = end
    if n >= rows:
        return 0
    band = [c for r in range(n) for c in piece.anchored(r) if not c.is_empty]
    if any(holds_value(c.text) for c in band if not COLUMN_NUMBER_RE.match(c.text.strip())):
        return 0
    return n


def _bold_rows(piece: TablePiece) -> int:
    """The bold rows at the top; a section row ends them: one printed cell opening with an
    item number beside empty cells of its own ("A. Generator dan Tabung Sinar-X", shaded
    and bold like the header above it), or an item number in a cell of its own before
    the section's text ("I." | "PERIZINAN" under "No" | "JENIS PNBP"; not a row of
    numbers only, such as column numbers)."""
    n = 0
    for r in range(len(piece.grid)):
        printed = [c for c in piece.anchored(r) if not c.is_empty]
        if not printed or is_full_width(piece, r) or not all(c.bold for c in printed):
            break
        first = " ".join(printed[0].text.split())
        if n and len(printed) == 1 and _ITEM_OPENS_RE.match(first):
            break
        if (
            n
            and ITEM_NUMBER_RE.match(first)
            and first[-1] in ".)"
            and not all(LOOSE_NUMBER_RE.match(c.text.strip()) for c in printed)
        ):
            break
        n = r + 1
    return n


def _with_merged_and_numbers(piece: TablePiece, n: int) -> int:
    # A header cell merged downwards pulls the rows it covers into the header band; one
    # that runs to the piece's bottom beside body rows (no rule under a repeated header
    # cell over a merged body cell) does not.
    rows = len(piece.grid)
    ends = [c.row + c.rowspan for r in range(n) for c in piece.anchored(r)]
    deepest = max([e for e in ends if e < rows] or ends)
    n = min(max(n, deepest), len(piece.grid))
    # A row of column numbers right under the header ("(1) (2) (3)") belongs to it.
    if n < len(piece.grid) and is_numbering_row(piece, n):
        n += 1
    return n


def header_signature(piece: TablePiece, nrows: int) -> tuple[tuple[str, ...], ...]:
    return tuple(row_signature(piece, r) for r in range(nrows))


def is_numbering_row(piece: TablePiece, r: int) -> bool:
    """A row of column numbers under a header: "(1) (2) (3)" or "1 2 3", numbering every
    column. Numbers under an upper header cell, beside header cells merged down over them
    ("PPR MEDIK" over "1" | "2" | "3"), are the lower level of the header: names."""
    printed = [c for c in piece.anchored(r) if not c.is_empty]
    if any(c.row != r for c in piece.grid[r]):
        return False
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
