"""One table on one page as a grid of cells, merged cells resolved from the ruling geometry.

pdfplumber finds the cells (rectangles bounded by ruling lines). Here each cell gets its
grid position and span, and every grid position points at the cell covering it, so a cell
merged over several rows or columns is one object seen from all the positions it covers.

Cells are mutable dataclasses, not frozen records: stitching extends them across pages
(text continued on the next page, spans that go on). They are frozen into records by the
normalize stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pdfplumber.utils

from pipeline.extract.tables.ruling import (
    MAX_RULE_WIDTH,
    is_white,
    unringed,
    without_backgrounds,
)
from pipeline.roman import roman_to_int
from pipeline.vocabulary import ITEM_DIGITS, ITEM_LETTER, SHADE_MARK

BOLD_MARKERS = ("bold", "demi", "black", "heavy", "semibold")

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Mark:
    """A footnote mark printed raised after a word ("¹⁾" read "1)", "⁽ᵃ⁾" read "(a)"),
    where its first glyph starts on the page."""

    text: str
    x0: float
    top: float


@dataclass(frozen=True, slots=True)
class CellPart:
    """A physical, printed piece of a cell: one rectangle on one page. `marks`: the
    footnote marks printed raised in it, left out of `text` (see `footnote_marks`)."""

    page: int
    bbox: BBox
    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def key(self) -> str:
        x0, top, _, _ = self.bbox
        return f"p{self.page}@{x0:.1f},{top:.1f}"


@dataclass(eq=False, slots=True)
class Cell:
    """A (possibly merged) table cell. `text` keeps the printed line breaks as "\\n"."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bold: bool
    parts: list[CellPart] = field(default_factory=list)
    confidence: float | None = None  # lowest OCR word confidence (0-100); None: text layer
    # The first and last printed line as a line break sees them (`break_mark`): a cell that
    # goes on over a page end joins its pieces by the rule of its own line breaks. None:
    # nothing printed, or OCR text (no candidate splits).
    head: LineStart | None = None
    tail: LineEnd | None = None

    @property
    def pages(self) -> list[int]:
        return sorted({p.page for p in self.parts})

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def covers_col(self, col: int) -> bool:
        return self.col <= col < self.col + self.colspan

    @property
    def marks(self) -> str:
        """The footnote marks printed in the cell, in reading order ("1)", "(a) (b)")."""
        return " ".join(m.text for p in self.parts for m in p.marks)


# OCR words with their confidence (0-100), in reading order.
OcrWords = tuple[tuple[str, float], ...]


def ocr_words(chars: Iterable[dict[str, Any]]) -> OcrWords:
    """The OCR words of `chars` with their confidence; () for characters of a text layer.
    OCR spreads a word's characters edge to edge over its box (ocr._chars), so a word ends
    at a space, a gap or a change of line."""
    out: list[tuple[str, float]] = []
    text, sure, end = "", 100.0, (0.0, 0.0)
    for c in [*chars, {"text": " "}]:
        conf = c.get("ocr_confidence")
        printed = bool(c["text"].strip()) and conf is not None
        joined = printed and abs(c["x0"] - end[0]) < 0.01 and abs(c["top"] - end[1]) < 0.01
        if text and not joined:
            out.append((text, sure))
            text = ""
        if printed and conf is not None:
            text, sure = text + c["text"], min(sure, float(conf)) if text else float(conf)
            end = (c["x1"], c["top"])
    return tuple(out)


def lowest(confidences: Iterable[float | None]) -> float | None:
    """The lowest of the OCR confidences that are known; None when none is (text layer)."""
    known = [c for c in confidences if c is not None]
    return min(known) if known else None


@dataclass(slots=True)
class TablePiece:
    """The part of a table printed on one page. `grid[r][c]` is the cell covering (r, c)."""

    page: int
    bbox: BBox
    col_edges: list[float]
    grid: list[list[Cell]]
    # Text right above the piece names it (a caption such as "C. PELAYANAN", not one
    # saying it goes on: "Lanjutan ..."): the piece starts a table of its own.
    captioned: bool = False
    # A sub-table cut out of the table around it (tables/nested.py): the number of its
    # header rows, known from the cut, and the item it is printed under (its caption).
    known_header: int = 0
    heading: str = ""
    # Columns over which the page draws no rule at the piece's top (its frame's top side
    # was added there, `ruling.py`): a cell running on from the page before, left open by
    # a producer that does not close cells at a page break. Empty for a scan's ink.
    open_top: frozenset[int] = frozenset()

    @property
    def ncols(self) -> int:
        return len(self.col_edges) - 1

    def anchored(self, r: int) -> list[Cell]:
        """Cells whose top-left corner is in row r, left to right."""
        seen: list[Cell] = []
        for cell in self.grid[r]:
            if cell.row == r and cell not in seen:
                seen.append(cell)
        return seen

    def cells(self) -> list[Cell]:
        out: list[Cell] = []
        ids: set[int] = set()
        for row in self.grid:
            for cell in row:
                if id(cell) not in ids:
                    ids.add(id(cell))
                    out.append(cell)
        return out

    def relative_edges(self) -> list[float]:
        x0, x1 = self.col_edges[0], self.col_edges[-1]
        width = (x1 - x0) or 1.0
        return [(x - x0) / width for x in self.col_edges]


def _cluster(values: list[float], tolerance: float) -> list[float]:
    edges: list[float] = []
    for v in sorted(values):
        if edges and v - edges[-1] <= tolerance:
            continue
        edges.append(v)
    return edges


def _index(edges: list[float], value: float, tolerance: float) -> int:
    """Index of the edge nearest to `value` (edges are sorted, value is on one of them)."""
    i = bisect_right(edges, value + tolerance) - 1
    return max(0, min(i, len(edges) - 1))


def _holds(outer: BBox, inner: BBox, tolerance: float) -> bool:
    """`inner` lies inside `outer` (within `tolerance`) and is not `outer` itself."""
    return (
        outer != inner
        and outer[0] - tolerance <= inner[0]
        and outer[1] - tolerance <= inner[1]
        and inner[2] <= outer[2] + tolerance
        and inner[3] <= outer[3] + tolerance
        and (inner[2] - inner[0]) * (inner[3] - inner[1])
        < (outer[2] - outer[0]) * (outer[3] - outer[1])
    )


def _cut_around_cells(rects: list[BBox], tolerance: float) -> list[BBox]:
    """Cells as pdfplumber closes them, none around others. Where per-cell borders leave a
    gap wider than the snap tolerance (Chromium's rules with gaps: the first row of a page
    starts a little under the header while the merged cells beside it run on from the top),
    pdfplumber also closes one rectangle around a whole block of cells (from the merged
    "Rencana Aksi" cell to the right edge). Such a rectangle is cut back to the largest
    rectangle from its top-left corner that overlaps none of the cells it holds: the
    merged cell itself."""
    out: list[BBox] = []
    for rect in rects:
        inner = [o for o in rects if _holds(rect, o, tolerance)]
        if not inner:
            out.append(rect)
            continue
        x0, top, x1, bottom = rect
        best: BBox | None = None
        for right in sorted({x1, *(o[0] for o in inner)}):
            if right - x0 <= tolerance:
                continue
            under = [o[1] for o in inner if o[0] < right - tolerance and o[2] > x0 + tolerance]
            low = min([bottom, *under])
            if low - top <= tolerance:
                continue
            cut = (x0, top, right, low)
            if best is None or (right - x0) * (low - top) > (best[2] - x0) * (best[3] - top):
                best = cut
        if best is not None:
            out.append(best)
    return out


def _is_bold(chars: list[dict[str, Any]]) -> bool:
    visible = [c for c in chars if c["text"].strip()]
    if not visible:
        return False
    bold = sum(1 for c in visible if any(m in c["fontname"].lower() for m in BOLD_MARKERS))
    return bold * 2 > len(visible)


# A tick printed as a shaded cell, no glyph (Excel's and some offices' schedules): a narrow
# one-row cell (`_one_row`) that prints nothing and is mostly (SHADE_SHARE) filled by one
# shading of its own (a filled rectangle, not white, thicker than a rule, lying inside the
# cell) reads as SHADE_MARK, one of the marks (vocabulary.TICKS); its printed parts keep no
# text, since no character is printed there.
SHADE_SHARE = 0.5


def _shading(rects: Iterable[dict[str, Any]]) -> list[BBox]:
    return [
        (r["x0"], r["top"], r["x1"], r["bottom"])
        for r in rects
        if r.get("fill")
        and min(r["x1"] - r["x0"], r["bottom"] - r["top"]) > MAX_RULE_WIDTH
        and not is_white(r.get("non_stroking_color"))
    ]


def _overlap(a: BBox, b: BBox) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)


def _one_row(cell: Cell, cells: list[tuple[Cell, BBox]]) -> bool:
    """Whether `cell` spans one row of the table: one grid row, or the grid rows a printed
    cell of its row spans too (the row cut in two by the end of a merged cell beside it:
    WeasyPrint draws a merged cell's border around its text only, zoo wp-a4-gaps-tight)."""
    if cell.rowspan == 1:
        return True
    return any(
        other is not cell and (other.row, other.rowspan) == (cell.row, cell.rowspan)
        and other.text.strip() and other.text != SHADE_MARK
        for other, _ in cells
    )  # fmt: skip


def _read_shaded_marks(cells: list[tuple[Cell, BBox]], rects: Iterable[dict[str, Any]]) -> None:
    shades = _shading(rects)
    if not shades:
        return
    for cell, bbox in cells:
        if cell.text.strip() or bbox[2] - bbox[0] >= MARK_CELL_WIDTH or not _one_row(cell, cells):
            continue
        area = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])
        for shade in shades:
            inside = _overlap(bbox, shade)
            own = (shade[2] - shade[0]) * (shade[3] - shade[1])
            if area > 0 and inside >= SHADE_SHARE * area and inside >= 0.8 * own:
                cell.text = SHADE_MARK
                break


# On a scanned page, a narrow cell whose OCR text is what OCR makes of a tick is a
# checkmark cell: ticked when its inside holds at least MARK_MIN_INK dark pixels.
MARK_CELL_WIDTH = 45.0
MARK_MIN_INK = 30  # dark pixels at 300 dpi: a 7-point tick has about 70, a 10-point one 300
# What OCR makes of a tick: "v", "Vv", "Y", "¥", "J", "/" ...; anything else short that it
# read with little confidence ("KA" at 28) is taken for one too.
TICK_GLYPHS = frozenset("vVyY¥Jj/\\√✓✔|'`‘’,")
MARK_MAX_CHARS = 4
MARK_MAX_CONFIDENCE = 50.0
# An item number keeps its closing stop or parenthesis however OCR misreads its glyph
# ("Cc.", "A,", "l."); a bare number is a number. A tick never reads as either.
NUMBER_LIKE_RE = re.compile(r"[.,:;)]$|^\d{1,4}$")
ITEM_NUMBER_RE = re.compile(rf"^\(?({ITEM_DIGITS}|{ITEM_LETTER})[.)]$")  # "1.", "a.", "(2)"


def _read_marks(cells: list[tuple[Cell, BBox]], ocr: Any) -> None:
    """Checkmark cells of a scanned page, decided by the ink inside them (see above).

    The column decides where the cell alone cannot: one that holds two well-read item
    numbers ("1.", "a."; none a tick's glyph such as "v.") is a numbering column, and its
    unsure cells ("Ls" for "1.") stay text; one that holds two cells read as tick glyphs
    is a checkmark column, and any short cell in it that is not number-like ("Vf") is a
    checkmark however sure OCR was."""
    items, marks = Counter[int](), Counter[int]()
    for cell, _ in cells:
        text = cell.text.strip().replace(" ", "")
        if (m := ITEM_NUMBER_RE.match(text)) and m.group(1) not in TICK_GLYPHS:
            items[cell.col] += 1
        elif text and all(g in TICK_GLYPHS for g in text):
            marks[cell.col] += 1
    numbering = {col for col, n in items.items() if n >= 2}
    checkmarks = {col for col, n in marks.items() if n >= 2} - numbering
    for cell, bbox in cells:
        narrow = bbox[2] - bbox[0] < MARK_CELL_WIDTH and cell.rowspan == 1
        if not narrow or cell.col in numbering:
            continue
        text = cell.text.strip()
        glyphs = text.replace(" ", "")
        sure = (cell.confidence or 0.0) >= MARK_MAX_CONFIDENCE and cell.col not in checkmarks
        unsure = len(glyphs) <= MARK_MAX_CHARS and not sure and not NUMBER_LIKE_RE.search(text)
        if all(g in TICK_GLYPHS for g in glyphs) or unsure:
            cell.text = "√" if ocr.ink_pixels(bbox) >= MARK_MIN_INK else ""
            cell.confidence = None


# Rows of numbers printed without rules between them (an allocation table ruled only
# under its header and over its total): one ruled band holds several rows, each column's
# cell one number per printed line. A band is cut between its lines when at least
# MIN_NUMBER_CELLS of its cells, and at least half of its cells with text, hold nothing
# but numbers, one per line, MIN_NUMBER_ROWS lines at least and the same count in each,
# line beside line; every cell of the band is then cut at the same heights. Wrapped text
# never passes: its lines are words. Nor does a header of years wrapped in narrow columns
# ("201" over "9", two lines each: LibreOffice's F4 rendering of the default).
NUMBER_LINE_RE = re.compile(r"^[-+(]?\d[\d.,]*%?\)?$")
MIN_NUMBER_CELLS = 2
MIN_NUMBER_ROWS = 3


class _CharsByHeight:
    """A page's printed characters ordered by their vertical centre, so the characters of
    a band of cells are found by bisection, not by a pass over the page for every cell
    (with `spaces`, the space characters too, for word building)."""

    def __init__(self, chars: list[dict[str, Any]], *, spaces: bool = False) -> None:
        printed = [
            ((c["top"] + c["bottom"]) / 2, k, c)
            for k, c in enumerate(chars)
            if spaces or c["text"].strip()
        ]
        printed.sort(key=lambda e: (e[0], e[1]))
        self._middles = [m for m, _, _ in printed]
        self._entries = printed

    def inside(self, rect: BBox) -> list[dict[str, Any]]:
        """The characters whose centre lies in `rect`, in the page's order."""
        x0, top, x1, bottom = rect
        lo, hi = bisect_left(self._middles, top), bisect_left(self._middles, bottom)
        found = [(k, c) for _, k, c in self._entries[lo:hi] if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
        return [c for _, c in sorted(found, key=lambda e: e[0])]


def _lines_in(chars: _CharsByHeight, rect: BBox) -> list[tuple[str, float, float]]:
    """The printed lines inside `rect`: (text without spaces, top, bottom), top down."""
    inside = chars.inside(rect)
    lines = pdfplumber.utils.cluster_objects(inside, "top", LINE_TOLERANCE)
    return [
        ("".join(c["text"] for c in sorted(ln, key=lambda c: c["x0"])),
         min(c["top"] for c in ln), max(c["bottom"] for c in ln))
        for ln in lines
    ]  # fmt: skip


def _number_row_cuts(cells: list[list[tuple[str, float, float]]]) -> list[float]:
    """Where a ruled band of cells (their printed lines) is cut into rows (see
    NUMBER_LINE_RE); [] when it is one row."""
    filled = [ls for ls in cells if ls]
    numeric = [
        ls
        for ls in filled
        if len(ls) >= MIN_NUMBER_ROWS and all(NUMBER_LINE_RE.match(t) for t, _, _ in ls)
    ]
    if not numeric:
        return []
    k = Counter(len(ls) for ls in numeric).most_common(1)[0][0]
    numeric = [ls for ls in numeric if len(ls) == k]
    if len(numeric) < MIN_NUMBER_CELLS or 2 * len(numeric) < len(filled):
        return []
    cuts: list[float] = []
    for i in range(k):
        if max(ls[i][1] for ls in numeric) >= min(ls[i][2] for ls in numeric):
            return []  # the i-th lines are not beside one another
        if i + 1 < k:
            above = max(ls[i][2] for ls in numeric)
            below = min(ls[i + 1][1] for ls in numeric)
            if above >= below:
                return []
            cuts.append((above + below) / 2)
    return cuts


# Items printed as numbered lines of one ruled cell, a value beside each ("a. menjelaskan
# ...;" | "√" ... "d. menyusun ..." | "√"): the band is cut into one row per item where
# the numbering is certain: the cell opens with the first label of a list ("1." "a." "A."
# "1)" "(a)"), its labels count up in one style at one margin, every other line of it is
# the hanging rest of an item (further right), and the band's other printed cells either
# print one line beside each item's first line (MIN_ITEM_CELLS of them at least) or one
# line only left of the list (a label such as "IKK": it stays in the first item's row,
# as a number-row band's cells do; merged over the items, a band at the page's end would
# read as running on to the next page).
_ITEM_LINE_RE = re.compile(r"^(\(?)(\d{1,3}|[a-zA-Z])([.)])\s+\S")
_FIRST_LABELS = frozenset({"1", "a", "A"})
MIN_ITEM_CELLS = 1
ITEM_MARGIN = 2.0  # points: labels of one list start at one margin


# A printed line of a cell: (text, top, bottom, x0).
WordLine = tuple[str, float, float, float]


def _word_lines(chars: list[dict[str, Any]], rect: BBox) -> list[WordLine]:
    """The printed lines inside `rect`: (text, top, bottom, x0), top down."""
    x0, top, x1, bottom = rect
    inside = [
        c for c in chars
        if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom
    ]  # fmt: skip
    words = pdfplumber.utils.text.WordExtractor().extract_words(inside)
    lines = pdfplumber.utils.cluster_objects(words, "top", LINE_TOLERANCE)
    return [
        (" ".join(w["text"] for w in ln), min(w["top"] for w in ln),
         max(w["bottom"] for w in ln), min(w["x0"] for w in ln))
        for ln in lines
    ]  # fmt: skip


def _label_counts_up(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and a.isalpha() and ord(b) == ord(a) + 1


def _item_starts(lines: list[tuple[str, float, float, float]]) -> list[int] | None:
    """The indices of the lines that open the items of a list filling the cell (see
    _ITEM_LINE_RE), or None."""
    first = _ITEM_LINE_RE.match(lines[0][0]) if lines else None
    if first is None or first.group(2) not in _FIRST_LABELS:
        return None
    margin, style = lines[0][3], (first.group(1), first.group(3))
    starts, last = [0], first.group(2)
    for i, (text, _, _, x0) in enumerate(lines[1:], 1):
        m = _ITEM_LINE_RE.match(text)
        if abs(x0 - margin) <= ITEM_MARGIN:
            if m is None or (m.group(1), m.group(3)) != style:
                return None
            if not _label_counts_up(last, m.group(2)):
                return None
            starts.append(i)
            last = m.group(2)
        elif x0 < margin:
            return None
    return starts if len(starts) >= 2 else None


def _band_lines(members: list[Any], chars: _CharsByHeight) -> list[list[WordLine]]:
    """The printed lines of each of a band's cells (see _word_lines), read once for the
    item and the nested-item rules."""
    return [_word_lines(chars.inside(tuple(r)), tuple(r)) for r in members]


def _item_row_cuts(members: list[Any], lines: list[list[WordLine]]) -> list[float] | None:
    """Where a ruled band holding a list of numbered items in one cell, a value beside
    each, is cut into rows (see _ITEM_LINE_RE); None when it is one row. `lines`: the
    members' printed lines (_band_lines)."""
    lists = [(k, starts) for k, ls in enumerate(lines) if (starts := _item_starts(ls))]
    if len(lists) != 1:
        return None
    k, starts = lists[0]
    tops = [lines[k][i][1] for i in starts]
    groups: list[list[tuple[str, float, float, float]]] = [
        lines[k][a:b] for a, b in zip(starts, [*starts[1:], len(lines[k])], strict=True)
    ]
    beside: list[list[tuple[str, float, float, float]]] = []
    for j, ls in enumerate(lines):
        if j == k or not ls:
            continue
        if len(ls) == len(tops) and all(
            abs(ln[1] - t) <= LINE_TOLERANCE for ln, t in zip(ls, tops, strict=True)
        ):
            beside.append(ls)
        elif len(ls) == 1 and members[j][2] <= members[k][0] + 1.0:
            continue  # a label left of the list ("IKK"): in the first item's row
        else:
            return None
    if len(beside) < MIN_ITEM_CELLS:
        return None
    cuts: list[float] = []
    for i in range(len(tops) - 1):
        above = max([ln[2] for ln in groups[i]] + [ls[i][2] for ls in beside])
        below = min([tops[i + 1]] + [ls[i + 1][1] for ls in beside])
        if above >= below:
            return None
        cuts.append((above + below) / 2)
    return cuts


# Items of nested lists printed as lines of one ruled band with no rulings between them
# (PP 56/2014's tariff table: "I." | "PERIZINAN", "A. Perizinan ...", "1. Untuk ...",
# "a. Impor ...", "1) Izin" | "Per permohonan" | "Rp 450.000,00"): the band is cut before
# every line opening with an item label (any style, any margin, in any cell of the band)
# when the content makes the rows certain:
# - in each cell, the labels of each style count up (a style met again closes the lists
#   opened under it; a new list starts at its first label, unless it lies left of every
#   list open in the cell: an outer list going on from the page before);
# - every other line of a labelled cell hangs right of the label above it, or stands
#   beside another cell's label (the item's number printed in a cell of its own);
# - the cells without labels (the values) print each line beside an item's first line
#   or under a line of their own that is (a value wrapped in its cell), and at least
#   MIN_VALUED_ITEMS items have a value beside them: a list beside one value stays one
#   row (nothing says the value is the first item's).
_ROMAN = r"[IVXLC]{1,6}|[ivxlc]{1,6}"
_ROW_LABEL_RE = re.compile(
    rf"^(\(?)({ITEM_DIGITS}|{ITEM_LETTER}|{_ROMAN})([.)])(?:\s+\S|$)|^()([IVXLC]{{2,6}})()$"
)
MIN_VALUED_ITEMS = 2
LEADING_SLACK = 1.25  # a line this many leadings under the one above goes on with it
_ROMAN_LABEL_RE = re.compile(_ROMAN)

Label = tuple[str, str, str, float]  # bracket, label, stop, x0


def _roman(text: str) -> int | None:
    """The value of a Roman numeral of I V X L C in either case (the labels' numerals);
    None for other text."""
    return roman_to_int(text) if _ROMAN_LABEL_RE.fullmatch(text) else None


def _row_label(text: str, x0: float) -> Label | None:
    m = _ROW_LABEL_RE.match(text)
    if m is None:
        return None
    if m.group(2) is None:
        # A Roman numeral alone on its line, its stop left out ("III"); one letter alone
        # ("v", "X") is a tick mark.
        return ("", m.group(5), ".", x0)
    return (m.group(1), m.group(2), m.group(3), x0)


def _kinds(label: str) -> list[str]:
    """The sequences a label may belong to: digits, letters of a case, Roman numerals of
    a case ("i" and "v" are both a letter and a numeral)."""
    if label.isdigit():
        return ["digit"]
    case = "lower" if label.islower() else "upper"
    kinds = [case] if len(label) == 1 else []
    if _roman(label) is not None:
        kinds.append(f"roman-{case}")
    return kinds


def _counts_on(kind: str, a: str, b: str) -> bool:
    """b is the item label after a in a sequence of `kind`."""
    if kind.startswith("roman"):
        ra, rb = _roman(a), _roman(b)
        return ra is not None and rb is not None and rb == ra + 1
    return _label_counts_up(a, b)


_Stack = tuple[tuple[tuple[str, str, str], str, float], ...]
_FIRST_OF = {"digit": "1", "lower": "a", "upper": "A", "roman-lower": "i", "roman-upper": "I"}
MAX_READINGS = 16  # readings of ambiguous labels ("i", "v": letter or numeral) kept at once


def _next_stacks(stack: _Stack, k: int, item: Label) -> list[_Stack]:
    """The open lists after one more label, for each way of reading it."""
    bracket, label, stop, x0 = item
    out: list[_Stack] = []
    for kind in _kinds(label):
        style = (bracket, kind, stop)
        open_at = next(
            (
                i
                for i, (s, last, _) in enumerate(stack)
                if s == style and _counts_on(kind, last, label)
            ),
            None,
        )
        if open_at is not None:
            out.append((*stack[:open_at], (style, label, x0)))
        elif label == _FIRST_OF[kind]:
            # a new list under the open item (one of that style restarting there)
            same = next((i for i, (s, _, _) in enumerate(stack) if s == style), len(stack))
            out.append((*stack[:same], (style, label, x0)))
        elif k == 0 or all(x0 < x - ITEM_MARGIN for _, _, x in stack):
            out.append(((style, label, x0),))  # the cell's first, or an outer list going on
    return out


def _lists_count_up(labels: list[Label]) -> bool:
    """The labels of one cell, top down, form nested lists that count up: a list met again
    goes on one up and closes the lists opened under it; a new list starts at its first
    label, unless it lies left of every list open in the cell (an outer list going on from
    the page before) or is the cell's first. A label that may be a letter or a Roman
    numeral ("i", "V") is read both ways until the labels after it decide."""
    stacks: list[_Stack] = [()]
    for k, item in enumerate(labels):
        following: list[_Stack] = []
        for stack in stacks:
            for new in _next_stacks(stack, k, item):
                if new not in following:
                    following.append(new)
        if not following:
            return False
        stacks = following[:MAX_READINGS]
    return True


def _labelled_row_cuts(members: list[Any], lines: list[list[WordLine]]) -> list[float] | None:
    """Where a ruled band holding nested numbered items, a value beside some of them, is
    cut into rows (see _ROW_LABEL_RE); None when it is one row. `lines`: the members'
    printed lines (_band_lines)."""
    labels = [[_row_label(text, x0) for text, _, _, x0 in ls] for ls in lines]
    labelled = [k for k, found in enumerate(labels) if any(found)]
    values = [k for k, ls in enumerate(lines) if ls and k not in labelled]
    if not labelled or not values:
        return None
    if not all(_lists_count_up([f for f in labels[k] if f]) for k in labelled):
        return None

    def beside(top: float, ks: list[int]) -> bool:
        return any(abs(ln[1] - top) <= LINE_TOLERANCE for k in ks for ln in lines[k])

    # Where the values begin. A value of several lines is set at its cell's leading:
    # a line about one leading under the one above goes on with it, even beside an
    # item's label (a value wrapped beside items set at that leading too: "Dimensi berkas
    # sinar-X di / depan slit ..." beside "... dengan:" / "(a) dimensi slit" is one
    # value), and so does a line further down that stands beside no line of the items'
    # text ("Per permohonan" / "per unit", the second line set a little apart). A line
    # beside the items' text begins a value when it stands further down than that, or
    # when every line of its cell stands beside an item's label (a value of one line
    # beside each).
    starts = sorted(
        lines[k][i][1] for k in labelled for i, f in enumerate(labels[k]) if f is not None
    )
    text_lines = [ln[1] for k in labelled for ln in lines[k]]

    def at(top: float, tops: list[float]) -> bool:
        return any(abs(top - t) <= LINE_TOLERANCE for t in tops)

    first_lines: list[float] = []
    for k in values:
        pitches = [b[1] - a[1] for a, b in zip(lines[k], lines[k][1:], strict=False)]
        leading = min(pitches, default=0.0) * LEADING_SLACK
        each = all(at(v[1], starts) for v in lines[k])
        first_lines += [
            ln[1]
            for n, ln in enumerate(lines[k])
            if n == 0 or each or (ln[1] - lines[k][n - 1][1] > leading and at(ln[1], text_lines))
        ]
    for k in labelled:
        # How far right a line must start to be the rest of the item above it: right of
        # its label (a hanging line), or at the margin of an item's text whose label is
        # printed in a cell of its own ("I." | "PENERBITAN KETETAPAN ..." / "PERIZINAN").
        hang: float | None = None
        for (_, top, _, x0), found in zip(lines[k], labels[k], strict=True):
            if found is not None:
                hang = x0 + ITEM_MARGIN
            elif beside(top, [j for j in labelled if j != k]):
                hang = x0 - ITEM_MARGIN
            elif hang is not None and x0 >= hang:
                continue  # the rest of the item above (a value beside it wrapped too)
            else:
                # Not hanging: an unnumbered item, or the rest of a text that does not
                # hang (a narrow cell's "11. Perumusan" / "dan Penetapan"): uncertain.
                return None
    starts = sorted(starts)
    rows: list[float] = []
    for top in starts:
        if not rows or top - rows[-1] > LINE_TOLERANCE:
            rows.append(top)
    if len(rows) < 2:
        return None
    if not all(any(abs(t - r) <= LINE_TOLERANCE for r in rows) for t in first_lines):
        return None  # a value beginning beside no item
    valued = sum(any(abs(t - r) <= LINE_TOLERANCE for t in first_lines) for r in rows)
    if valued < MIN_VALUED_ITEMS:
        return None
    every = [ln for ls in lines for ln in ls]
    cuts: list[float] = []
    for r in rows[1:]:
        above = max((ln[2] for ln in every if ln[1] < r - LINE_TOLERANCE), default=None)
        below = min(ln[1] for ln in every if ln[1] >= r - LINE_TOLERANCE)
        if above is None or above >= below:
            return None
        cuts.append((above + below) / 2)
    return cuts


def _split_unruled_rows(
    rects: list[Any], chars: list[dict[str, Any]], tolerance: float, nested: bool = True
) -> list[Any]:
    """The cell rectangles with every ruled band that prints several rows of numbers cut
    into those rows (see NUMBER_LINE_RE), or a list of numbered items in one cell with a
    value beside each (see _ITEM_LINE_RE), or (`nested`: the text layer) nested numbered
    items with values beside them (see _ROW_LABEL_RE); cells merged over several bands stay
    whole."""
    ys = _cluster([r[1] for r in rects] + [r[3] for r in rects], tolerance)
    bands: dict[int, list[Any]] = {}
    for rect in rects:
        r0, r1 = _index(ys, rect[1], tolerance), _index(ys, rect[3], tolerance)
        if r1 == r0 + 1:
            bands.setdefault(r0, []).append(rect)
    by_height, every_char = _CharsByHeight(chars), _CharsByHeight(chars, spaces=True)
    cuts: dict[int, list[float]] = {}
    for band, members in bands.items():
        found = _number_row_cuts([_lines_in(by_height, r) for r in members])
        if not found:
            lines = _band_lines(members, every_char)
            found = _item_row_cuts(members, lines) or []
            if not found and nested:
                found = _labelled_row_cuts(members, lines) or []
        if found:
            cuts[band] = found
    if not cuts:
        return rects
    out: list[Any] = []
    for rect in rects:
        r0, r1 = _index(ys, rect[1], tolerance), _index(ys, rect[3], tolerance)
        if r1 != r0 + 1 or r0 not in cuts:
            out.append(rect)
            continue
        edges = [rect[1], *cuts[r0], rect[3]]
        out += [(rect[0], a, rect[2], b) for a, b in zip(edges, edges[1:], strict=False)]
    return out


def build_piece(
    page: pdfplumber.page.Page, table: Any, page_no: int, tolerance: float, ocr: Any = None
) -> TablePiece | None:
    """Turn a pdfplumber table into a TablePiece; None if it has no area. `ocr`: the page's
    OcrPage when its text comes from OCR (checkmarks are then read from the ink)."""
    rects = [tuple(c) for c in table.cells]
    if ocr is None:  # drawn rules; a scan's rules are read from its ink (`ocr`)
        rects = _cut_around_cells(rects, tolerance)
    if not rects:
        return None
    # Nested items are cut from the text layer's geometry only: OCR's line boxes do not
    # keep the indents and baselines that rule needs.
    rects = _split_unruled_rows(rects, page.chars, tolerance, nested=ocr is None)
    xs = _cluster([r[0] for r in rects] + [r[2] for r in rects], tolerance)
    ys = _cluster([r[1] for r in rects] + [r[3] for r in rects], tolerance)
    if len(xs) < 2 or len(ys) < 2:
        return None
    nrows, ncols = len(ys) - 1, len(xs) - 1
    grid: list[list[Cell | None]] = [[None] * ncols for _ in range(nrows)]
    cells: list[tuple[Cell, BBox]] = []
    for x0, top, x1, bottom in sorted(rects, key=lambda r: (r[1], r[0])):
        c0, c1 = _index(xs, x0, tolerance), _index(xs, x1, tolerance)
        r0, r1 = _index(ys, top, tolerance), _index(ys, bottom, tolerance)
        if c1 <= c0 or r1 <= r0 or grid[r0][c0] is not None:
            continue
        cell = Cell(row=r0, col=c0, rowspan=r1 - r0, colspan=c1 - c0, text="", bold=False)
        cells.append((cell, (x0, top, x1, bottom)))
        for r in range(r0, r1):
            for c in range(c0, c1):
                if grid[r][c] is None:
                    grid[r][c] = cell
    # Positions no rectangle covers (irregular ruling) become empty 1x1 cells, so the
    # grid is total and no text inside the table can fall through it.
    for r in range(nrows):
        for c in range(ncols):
            if grid[r][c] is None:
                cell = Cell(row=r, col=c, rowspan=1, colspan=1, text="", bold=False)
                grid[r][c] = cell
                cells.append((cell, (xs[c], ys[r], xs[c + 1], ys[r + 1])))

    bottom = _overflow_bottom(page.chars, xs, ys[-1])
    chars_by_cell: dict[int, list[dict[str, Any]]] = {}
    for ch in page.chars:
        x = (ch["x0"] + ch["x1"]) / 2
        y = (ch["top"] + ch["bottom"]) / 2
        if not (xs[0] <= x < xs[-1] and ys[0] <= y < bottom):
            continue
        r = min(bisect_right(ys, y) - 1, nrows - 1)
        size = ch.get("size") or 0.0
        if r > 0 and size and ch["top"] < ys[r] - OVERRUN_EM * size:
            r -= 1  # the last line of the cell above, run over its bottom rule
        hit = grid[r][bisect_right(xs, x) - 1]
        assert hit is not None  # the grid was made total above
        chars_by_cell.setdefault(id(hit), []).append(ch)
    blanks = None if ocr is not None else [c for c in page.chars if not c["text"].strip()]
    sure = blanks is not None and prints_wrap_spaces(page.chars)
    spaces: dict[tuple[str, float], float] = {}
    for blank in blanks or ():
        key = (blank["fontname"], round(blank["size"], 1))
        spaces[key] = max(spaces.get(key, 0.0), blank["x1"] - blank["x0"])
    marks: dict[int, tuple[Mark, ...]] = {}
    for cell, bbox in cells:
        chars = _without_overprinted(chars_by_cell.get(id(cell), []))
        if ocr is None:
            chars, marks[id(cell)] = footnote_marks(chars)
            chars = raised_to_superscript(chars)
        cell.text, cell.head, cell.tail = (
            cell_lines(chars, bbox, blanks, sure, spaces) if chars else ("", None, None)
        )
        cell.bold = _is_bold(chars)
        if ocr is not None:
            cell.confidence = lowest(c["ocr_confidence"] for c in chars if c["text"].strip())
    if ocr is not None:
        _read_marks(cells, ocr)
    for cell, bbox in cells:
        cell.parts.append(
            CellPart(page=page_no, bbox=bbox, text=cell.text, marks=marks.get(id(cell), ()))
        )
    if ocr is None:
        _read_shaded_marks(cells, unringed(page.rects))
    full: list[list[Cell]] = [[c for c in row if c is not None] for row in grid]
    x0, top, x1, _ = table.bbox
    open_top = frozenset() if ocr is not None else _open_top(page, xs, ys[0], tolerance)
    return TablePiece(page=page_no, bbox=(x0, top, x1, max(bottom, table.bbox[3])),
                      col_edges=xs, grid=full, open_top=open_top)  # fmt: skip


def _open_top(page: pdfplumber.page.Page, xs: list[float], top: float,
              tolerance: float) -> frozenset[int]:  # fmt: skip
    """The columns (between `xs`) over whose middle the page draws no horizontal rule at
    the height `top` (see TablePiece.open_top)."""
    rules = [
        e for e in without_backgrounds(page).edges
        if e["orientation"] == "h" and abs(e["top"] - top) <= tolerance
    ]  # fmt: skip
    return frozenset(
        c
        for c in range(len(xs) - 1)
        if not any(e["x0"] <= (xs[c] + xs[c + 1]) / 2 <= e["x1"] for e in rules)
    )


# Line breaks inside a cell. A producer breaks a line at a space, or inside a word too
# long for the column ("pengemba" / "ngan"; "80 %" / "(delapan", printed "80 %(delapan"
# on one line by another producer). The rule (README "Line breaks inside a table cell"):
# a break is a candidate split when the line ends without a printed space character, is
# full (the next line's first word would not have fitted after it) and the next line does
# not start with a capital (a new paragraph, a name) unless the line above ends in a word
# in capitals (a header in capitals: "KASSU" / "BAG", "GUBER" / "NUR"). `resolve_splits`
# joins a candidate without a space
# - where the producer prints the space it wraps at (WRAP_SPACE_SHARE of the page's line
#   ends carry one: LibreOffice, Word) and there was room for it on this line (SURE):
#   when the document prints the joined token, or the joined letters on either side of
#   the break, unbroken somewhere, or the break has punctuation on one side other than a
#   line-ending comma, stop, colon, semicolon, "!" or "?" ("%" / "(",
#   "Membangun/" / "mengembangkan"): two words the producer wrapped between would have
#   had their space printed, and a paragraph (a hard break) rarely ends or starts so;
# - elsewhere: when the document prints the joined letters as one word and one of the two
#   pieces is no word it prints ("pengemb" / "angan"; never "yang" / "terlibat").
# Every other break is one space, or none after a word-internal hyphen
# (normalize.text.join_lines).
SPLIT = "\x1f"  # a candidate split in Cell.text until resolve_splits decides it
SURE = "\x1e"  # a candidate split where the producer would have printed a space
# A candidate split inside a word (letters or digits on both sides), after a line holding
# that word alone, filled to within a glyph: the word did not fit the column by itself and
# was broken ("Mengimplementasi" / "kan"); or a break before a closing bracket (CLOSING).
# It joins unless the document prints the second piece as a word of its own of two letters
# or more ("Menginformasikan" / "dan" filled a line by chance).
WHOLE = "\x1d"
# Line breaking (Unicode UAX #14) never breaks at a space before a closing bracket: a line
# that starts with one was broken inside a token ("(9(sembilan)SKPD" / ")"). Not so for a
# colon: LibreOffice breaks "e-government :" before it.
CLOSING = frozenset(")]}")
WRAP_SPACE_SHARE = 0.2
LINE_TOLERANCE = 3.0  # pdfplumber's y tolerance: characters this close in top share a line
FULL_LINE_SLACK = 1.0  # points a full line may stop short of what it could hold
# ... and a word broken inside (WHOLE): the next glyph would not have fitted, within the
# rounding of the positions. A line that stops a glyph's width short of the column's edge
# could have taken that glyph, so its break was at a space ("Membuatsistempe" / "ndalian/"
# printed with one; "n" fitted by 0.7 pt).
WHOLE_SLACK = 0.25
SPACE_EM = 0.33  # a space's width, in font sizes, where the page prints none in that font


def prints_wrap_spaces(chars: list[dict[str, Any]]) -> bool:
    """Whether the page's producer prints the space at a wrapped line's end: at least
    WRAP_SPACE_SHARE of the line ends (the next character drawn on a lower line, further
    left) are a space character."""
    ends = spaced = 0
    for a, b in zip(chars, chars[1:], strict=False):
        if b["top"] - a["top"] > LINE_TOLERANCE and b["x0"] < a["x0"]:
            ends += 1
            spaced += not a["text"].strip()
    return ends > 0 and spaced >= WRAP_SPACE_SHARE * ends


@dataclass(frozen=True, slots=True)
class LineStart:
    """A printed line's start, as the break before it sees it: its first word and that
    word's width, and the width of its first glyph."""

    word: str
    width: float
    glyph: float


@dataclass(frozen=True, slots=True)
class LineEnd:
    """A printed line's end, as the break after it sees it: where its last word ends, the
    right edge of the text in its cell, whether a space character is printed after it,
    whether a space would have fitted after it, whether the word is alone on its line, and
    whether the page's producer prints its wrapping spaces (`prints_wrap_spaces`)."""

    word: str
    x1: float
    right: float
    spaced: bool
    room: bool
    alone: bool
    sure: bool


def _in_capitals(word: str) -> bool:
    """A word printed in capitals ("KASSU", "GUBER"): after it a line that opens with a
    capital says nothing of a new paragraph or a name, as every word of such text does."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def break_mark(end: LineEnd, start: LineStart) -> str:
    """The separator of two printed lines of one cell (see SPLIT): "\n", or the mark of a
    candidate split for `resolve_splits`. The same rule joins the pieces of a cell broken
    by a page end (the last line of one page, the first of the next)."""
    full = end.x1 + start.width > end.right - FULL_LINE_SLACK
    if end.spaced or not full or (start.word[0].isupper() and not _in_capitals(end.word)):
        return "\n"
    whole = start.word[0] in CLOSING or (
        end.alone
        and end.word[-1].isalnum()
        and start.word[0].isalnum()
        and end.x1 + start.glyph > end.right - WHOLE_SLACK
    )
    return WHOLE if whole else SURE if end.sure and end.room else SPLIT


def cell_text(
    chars: list[dict[str, Any]],
    bbox: BBox,
    blanks: list[dict[str, Any]] | None,
    sure: bool,
    spaces: dict[tuple[str, float], float] | None = None,
) -> str:
    """A cell's text from its characters: words as pdfplumber builds them, printed lines
    joined by "\n", a candidate split by SPLIT or SURE (see above). `blanks`: the page's
    space characters (a line's last space may stand past the cell's edge); None: no
    candidate splits (OCR text). `sure`: the producer prints its wrapping spaces.
    `spaces`: the width of a space per (font, size) as printed on the page."""
    return cell_lines(chars, bbox, blanks, sure, spaces)[0]


def cell_lines(
    chars: list[dict[str, Any]],
    bbox: BBox,
    blanks: list[dict[str, Any]] | None,
    sure: bool,
    spaces: dict[tuple[str, float], float] | None = None,
) -> tuple[str, LineStart | None, LineEnd | None]:
    """`cell_text`, with the cell's first line's start and last line's end (None for OCR
    text, or an empty cell)."""
    words = pdfplumber.utils.text.WordExtractor().extract_words(chars)
    lines = pdfplumber.utils.cluster_objects(words, "top", LINE_TOLERANCE)
    if not lines:
        return "", None, None
    left = min(ln[0]["x0"] for ln in lines)
    right = bbox[2] - max(0.0, left - bbox[0])  # the cell's padding taken as symmetric

    def start_of(line: list[dict[str, Any]]) -> LineStart:
        first = line[0]
        head = next((c for c in chars if c["text"].strip() and abs(c["x0"] - first["x0"]) < 0.01
                     and abs(c["top"] - first["top"]) <= LINE_TOLERANCE), None)  # fmt: skip
        glyph = head["x1"] - head["x0"] if head else first["x1"] - first["x0"]
        return LineStart(word=first["text"], width=first["x1"] - first["x0"], glyph=glyph)

    def end_of(line: list[dict[str, Any]]) -> LineEnd:
        last = line[-1]
        spaced = any(
            abs(c["top"] - last["top"]) <= LINE_TOLERANCE
            and last["x1"] - 0.5 <= c["x0"] <= last["x1"] + 0.5
            for c in blanks or ()
        )
        ch = next((c for c in reversed(chars) if c["text"].strip()
                   and abs(c["x1"] - last["x1"]) < 0.01), None)  # fmt: skip
        size = ch["size"] if ch else last["bottom"] - last["top"]
        space = (spaces or {}).get((ch["fontname"], round(size, 1)) if ch else ("", 0.0))
        room = last["x1"] + (space or SPACE_EM * size) <= right
        return LineEnd(word=last["text"], x1=last["x1"], right=right, spaced=spaced,
                       room=room, alone=len(line) == 1, sure=sure)  # fmt: skip

    out = " ".join(w["text"] for w in lines[0])
    for prev, line in zip(lines, lines[1:], strict=False):
        mark = "\n" if blanks is None else break_mark(end_of(prev), start_of(line))
        out += mark + " ".join(w["text"] for w in line)
    if blanks is None:
        return out, None, None
    return out, start_of(lines[0]), end_of(lines[-1])


_LETTERS_END = re.compile(r"[^\W_]+$")
_LETTERS_START = re.compile(r"^[^\W_]+")
_WORD = re.compile(r"[^\W_]+")


def resolve_splits(pieces: Iterable[TablePiece]) -> None:
    """Decide every candidate split of the document's table cells (see SPLIT); the cells'
    printed parts follow."""
    resolve_cell_splits([cell for piece in pieces for cell in piece.cells()])


def resolve_cell_splits(cells: Iterable[Cell]) -> None:
    """`resolve_splits` over the document's cells, each once (a page break inside a cell
    joined by `break_mark` when the pieces are stitched is decided after stitching)."""
    unique = {id(cell): cell for cell in cells}
    tokens = Counter[str]()  # what the document prints between spaces, on one line
    words = Counter[str]()  # the runs of letters and digits in those
    for cell in unique.values():
        # The pieces either side of a candidate are not counted: they are in question.
        text = re.sub(f"\\S*[{SPLIT}{SURE}{WHOLE}]\\S*", "\n", cell.text)
        for line in text.split("\n"):
            tokens.update(line.split())
            words.update(_WORD.findall(line))

    def decide(m: re.Match[str]) -> str:
        a, mark, b = m.group(1), m.group(2), m.group(3)
        ma, mb = _LETTERS_END.search(a), _LETTERS_START.search(b)
        wa, wb = (ma.group() if ma else ""), (mb.group() if mb else "")
        known = bool(wa and wb and words[wa + wb])
        if mark == WHOLE:
            joined = known or len(wb) < 2 or not words[wb]
        elif mark == SURE:
            punct = not (a[-1:].isalnum() and b[:1].isalnum()) and a[-1:] not in ",.;:!?"
            joined = bool(tokens[a + b]) or known or punct
        else:
            joined = known and not (words[wa] and words[wb])
        return a + ("" if joined else "\n")

    pattern = re.compile(f"(\\S*)([{SPLIT}{SURE}{WHOLE}])(?=(\\S*))")
    for cell in unique.values():
        if SPLIT in cell.text or SURE in cell.text or WHOLE in cell.text:
            cell.text = pattern.sub(decide, cell.text)
            cell.parts = [
                CellPart(
                    page=p.page, bbox=p.bbox, text=pattern.sub(decide, p.text), marks=p.marks
                )  # fmt: skip
                for p in cell.parts
            ]


# Superscripts (README "Superscripts"): a digit or sign set smaller than the glyph beside
# it and raised above its baseline ("10" and a small raised "5": 10 to the fifth) is
# published as the Unicode superscript ("10⁵", "10⁻²", "²²⁷Ac"), never as a plain digit run
# into the figure before it ("105"). Smaller: at most this share of its neighbour's size;
# raised: its bottom at least this share of the neighbour's size above the neighbour's.
SUPERSCRIPTS = dict(zip("0123456789-−+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁺", strict=True))
SUPERSCRIPT_SIZE = 0.85
SUPERSCRIPT_RAISE = 0.25
# A superscript touches what it is printed beside: a gap of at most this share of a size.
SUPERSCRIPT_GAP = 0.5


# Footnote marks (README "Footnote marks"): a run of glyphs set smaller than the glyph it
# follows and raised above its baseline (the SUPERSCRIPT_SIZE / SUPERSCRIPT_RAISE /
# SUPERSCRIPT_GAP measures), that holds anything besides the digits and signs of an
# exponent ("(a)", "1)", "*"), refers to a note printed under the table: it is no part of
# the cell's value ("1980¹⁾" is 1980 with note 1), Perka BAPETEN 16/2014; "Parameter Uji
# Kesesuaian⁽ᵃ⁾" names the column "Parameter Uji Kesesuaian", Perban BAPETEN 2/2022). A run
# of digits alone is an exponent or a mass number (see raised_to_superscript), and a mark
# set at the size of its text on the baseline ("(a) Iluminasi") is text.
MARK_MAX_GLYPHS = 5
DEGREE_MARKS = ("o", "O")


def footnote_marks(chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], tuple[Mark, ...]]:
    """A cell's characters without its footnote marks (see MARK_MAX_GLYPHS), and the marks
    in reading order."""
    glyphs = [c for c in chars if c["text"].strip() and c.get("size")]
    if len({round(c["size"], 1) for c in glyphs}) < 2:
        return chars, ()
    runs: list[list[dict[str, Any]]] = []
    for c in sorted(glyphs, key=lambda c: (round(c["bottom"]), c["x0"])):
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and abs(last["size"] - c["size"]) < 0.5
            and abs(last["bottom"] - c["bottom"]) < 0.25 * c["size"]
            and -1.0 <= c["x0"] - last["x1"] <= SUPERSCRIPT_GAP * c["size"]
        ):
            runs[-1].append(c)
        else:
            runs.append([c])
    found: list[list[dict[str, Any]]] = []
    for run in runs:
        first = run[0]
        text = "".join(c["text"] for c in run)
        if len(run) > MARK_MAX_GLYPHS or all(ch in SUPERSCRIPTS for ch in text):
            continue
        base = next(
            (
                b
                for b in glyphs
                if b["size"] * SUPERSCRIPT_SIZE >= first["size"]
                and -1.0 <= first["x0"] - b["x1"] <= SUPERSCRIPT_GAP * b["size"]
                and first["bottom"] <= b["bottom"] - SUPERSCRIPT_RAISE * b["size"]
                and first["bottom"] > b["top"]
            ),
            None,
        )
        if base is None or (text in DEGREE_MARKS and base["text"].isdigit()):
            continue  # a raised "o" after a figure is a degree sign ("3o": 3°), not a mark
        found.append(run)
    if not found:
        return chars, ()
    taken = {id(c) for run in found for c in run}
    marks = tuple(
        Mark(text="".join(c["text"] for c in run), x0=run[0]["x0"], top=run[0]["top"])
        for run in sorted(found, key=lambda r: (round(r[0]["top"]), r[0]["x0"]))
    )
    return [c for c in chars if id(c) not in taken], marks


def raised_to_superscript(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A cell's characters with every superscript digit or sign (see SUPERSCRIPTS) read as
    its Unicode superscript and set on the line of the glyph it is printed beside (so that
    it joins that word): after a figure ("10⁵"), or before a symbol ("²²⁷Ac"); a run of
    them ("⁻²", "²²⁷") is one superscript as soon as one of its glyphs touches the base."""
    glyphs = [c for c in chars if c["text"].strip() and c.get("size")]
    small = [c for c in glyphs if c["text"] in SUPERSCRIPTS]
    if not small:
        return chars

    def base_of(c: dict[str, Any], others: list[dict[str, Any]]) -> dict[str, Any] | None:
        for b in others:
            if b is c or b["size"] * SUPERSCRIPT_SIZE < c["size"]:
                continue
            gap = max(c["x0"] - b["x1"], b["x0"] - c["x1"])
            if not -1.0 <= gap <= SUPERSCRIPT_GAP * b["size"]:
                continue
            raised = c["bottom"] <= b["bottom"] - SUPERSCRIPT_RAISE * b["size"]
            if raised and c["bottom"] > b["top"]:
                return b
        return None

    base: dict[int, dict[str, Any]] = {}
    for c in small:
        if (b := base_of(c, glyphs)) is not None:
            base[id(c)] = b
    grown = True
    while grown:  # the rest of a run: a glyph of the same size touching a superscript
        grown = False
        for c in small:
            if id(c) in base:
                continue
            for o in small:
                b = base.get(id(o))
                gap = max(c["x0"] - o["x1"], o["x0"] - c["x1"])
                if (
                    b is not None
                    and abs(o["size"] - c["size"]) < 0.5
                    and abs(o["bottom"] - c["bottom"]) < 0.25 * c["size"]
                    and -1.0 <= gap <= SUPERSCRIPT_GAP * c["size"]
                ):
                    base[id(c)] = b
                    grown = True
                    break
    if not base:
        return chars
    # A blank of the superscript's size between it and the symbol after it belongs to the
    # setting of a prescript, not a word gap ("¹²⁹ I" as printed, read "¹²⁹I").
    gaps = [
        (c["x1"], b["x0"], b["size"])
        for c in small
        if (b := base.get(id(c))) and b["x0"] >= c["x1"] - 1.0
    ]
    out: list[dict[str, Any]] = []
    for c in chars:
        b = base.get(id(c))
        if b is None:
            if not c["text"].strip() and any(
                x0 - 1.0 <= c["x0"]
                and c["x1"] <= x1 + 1.0
                and c.get("size", size) < size * SUPERSCRIPT_SIZE
                for x0, x1, size in gaps
            ):
                continue
            out.append(c)
            continue
        out.append(
            {**c, "text": SUPERSCRIPTS[c["text"]], "top": b["top"], "bottom": b["bottom"],
             "size": b["size"]}
        )  # fmt: skip
    return out


def _without_overprinted(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A cell's characters without those a reader never sees because others are printed
    over them, on their line: a blank inside a glyph (Word's tab leader: a space drawn in
    the "D" of "Dataran" would split it into "D ataran"), and a glyph mostly covered by
    one drawn after it (a list number Word also draws under the text: "T2arif")."""
    order = {id(c): k for k, c in enumerate(chars)}
    lines: dict[int, list[dict[str, Any]]] = {}
    for c in chars:
        lines.setdefault(round(c["top"] / OVERPRINT_LINE), []).append(c)
    hidden: set[int] = set()
    for line in lines.values():
        line.sort(key=lambda c: c["x0"])
        for k, c in enumerate(line):
            for o in line[max(0, k - 2) : k + 3]:
                if o is c or not o["text"].strip():
                    continue
                if not c["text"].strip():
                    x = (c["x0"] + c["x1"]) / 2
                    if o["x0"] < x < o["x1"]:
                        hidden.add(id(c))
                    continue
                overlap = min(c["x1"], o["x1"]) - max(c["x0"], o["x0"])
                width = (c["x1"] - c["x0"]) or 1.0
                if overlap >= OVERPRINT_SHARE * width and order[id(o)] > order[id(c)]:
                    hidden.add(id(c))
    return [c for c in chars if id(c) not in hidden] if hidden else chars


# Characters whose tops round to one multiple of this (points) are on one line; a glyph
# covered over this share of its width by a later one is hidden.
OVERPRINT_LINE = 2.0
OVERPRINT_SHARE = 0.5


# A glyph that starts this far (in font sizes) above the rule over its cell is the cell
# above's, run over its bottom rule: a header's last line LibreOffice prints under a
# repeated header of fixed height (and clips), "Indikator" of "Hasil yang diharapkan dan
# Indikator" on the first line of the cell below.
OVERRUN_EM = 0.2


# Text that starts on a table's bottom rule (its top within this many points below it) or
# crosses it (its top above the rule, its middle under it) runs over the rule: a row never
# split across pages, cut by the page end while its text goes on (Chromium; a merged cell
# whose last line the page end cuts: "Pengecualian)"). Such lines, and lines right under
# them, belong to the last row: the next line of the same cell, under the line before
# within OVERFLOW_LEADING_EM of its font size (the cell's own line spacing), not starting
# left of that line nor ending past the column edge right of it (WeasyPrint prints a merged
# cell cut by the page end on, line after line, under the table's bottom rule:
# "profesionalisme pegawai."). A note under the table keeps a paragraph's margin, or
# starts left of the cell.
OVERFLOW_TOUCH = 1.5
OVERFLOW_LEADING_EM = 0.5


def _overflow_bottom(chars: list[dict[str, Any]], xs: list[float], bottom: float) -> float:
    """Where the table's text ends: its bottom rule, or below it the end of the lines
    that run on over it (see OVERFLOW_TOUCH)."""
    inside = [c for c in chars if xs[0] <= (c["x0"] + c["x1"]) / 2 < xs[-1] and c["text"].strip()]
    edge = bottom
    last: list[dict[str, Any]] = []  # the line taken last, run over the rule
    while True:
        over = [c for c in inside if c["top"] <= edge + OVERFLOW_TOUCH
                and (c["top"] + c["bottom"]) / 2 >= edge]  # fmt: skip
        if not over and last:
            left = min(c["x0"] for c in last)
            end = max(c["x1"] for c in last)
            right = min((x for x in xs if x >= end - OVERFLOW_TOUCH), default=xs[-1])
            over = [c for c in inside if edge <= c["top"] <= edge + OVERFLOW_LEADING_EM
                    * c["size"] and left - OVERFLOW_TOUCH <= c["x0"]
                    and c["x1"] <= right + OVERFLOW_TOUCH]  # fmt: skip
            line = [c for c in inside if over and abs(c["top"] - over[0]["top"]) < 1.0]
            if len(line) != len(over):
                over = []  # part of its line lies outside the cell's: no rest of it
        if not over:
            return edge
        last = over
        edge = max(c["bottom"] for c in over) + 0.01
