"""Every lampiran table as a clean, flat table, whatever its columns.

On top of the generic LogicalTable: group rows (one cell across the width) and heading rows
(text in one column only, the columns right of it left empty or covered: "1. Tim Reformasi
Birokrasi", "A. Pelayanan Persalinan") become parent columns (`kelompok`, `<column>_induk`,
a heading nested under another of the same column `<column>_induk_2`, ...), so each data
row stands alone; merged cells are
repeated on every row they cover; columns are typed (Indonesian numbers, rupiah, percent,
years, dates, checkmarks) with the printed text kept next to the typed value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.tables import LogicalTable
from pipeline.extract.tables.grid import Cell, lowest
from pipeline.normalize.text import join_lines, slug, strip_number
from pipeline.normalize.values import (
    infer_column_type,
    is_blank,
    parse_amount,
    typed_value,
    unwrap_figure,
)
from pipeline.vocabulary import ITEM_BODY, ITEM_LABEL_RE
from pipeline.vocabulary import ITEM_NUMBER_RE as NUMBERING_RE

# A total row's label: the total word alone or with a qualifier that names no item
# ("JUMLAH", "Sub Total", "Jumlah Total", "Total Keseluruhan", "Jumlah I", "Jumlah (Rp)",
# "Jumlah Tahun 2025"). "Total Knee Replacement" or "Subtotal Histerektomi" names a
# procedure: a data row whose name begins with the word.
TOTAL_RE = re.compile(
    r"""^\s*(?:grand\s+|sub\s*-?\s*)?(?:jumlah|total)(?:\s+(?:total|akhir|keseluruhan|seluruhnya
    |semua|umum|kabupaten|kota|provinsi|[ivxlc]{1,5}|[a-z]|\d{1,4}|tahun\s+\d{4}
    |per\s+\w+))?\s*(?:\([^()]*\))?\s*:?\s*$""",
    re.I | re.X,
)
TYPED_SUFFIX = "__nilai"
UNIT_SUFFIX = "__satuan"  # the unit an amount is counted in ("600.000/pemakaian")
# The footnote marks printed raised beside a cell's value ("1980¹⁾": 1980, mark "1)"; see
# grid.footnote_marks), published beside it; the note itself is printed under the table.
NOTE_SUFFIX = "__catatan_kaki"
# A table read by OCR publishes beside each column the confidence (0-100) of each value: the
# lowest word confidence of the cells it was read from (its heading's, for a parent column);
# empty for an empty value or one from the text layer. A text-layer table has no such columns.
CONFIDENCE_SUFFIX = "__keyakinan"


# A total row labelled in capitals with what it totals ("TOTAL DURASI", "JUMLAH
# PENDUDUK"); in running case such a label names a procedure ("Total Knee Replacement").
CAPITAL_TOTAL_RE = re.compile(r"(?:SUB\s*-?\s*)?(?:JUMLAH|TOTAL)(?:\s+[A-Z]{2,}){1,3}\s*:?")


def is_total_label(text: str) -> bool:
    """Whether a cell is the label of a total row ("Jumlah", "TOTAL", "Sub Total", "TOTAL
    DURASI")."""
    return TOTAL_RE.match(text) is not None or CAPITAL_TOTAL_RE.fullmatch(text.strip()) is not None


PARENT_RE = re.compile(r"_induk(?:_\d+)?$")
# An item number opening a cell's text: "1.", "a.", "A.", "1)", "a)", "(1)", "(a)", "IV.".
LABEL_RE = ITEM_LABEL_RE
# A group row's item label, touching its text or not ("III.Diskusi Topik").
_GROUP_LABEL_RE = re.compile(rf"^(\(?)({ITEM_BODY})([.)])")
_ANY_LABEL_RE = NUMBERING_RE


@dataclass(slots=True)
class FlatTable:
    id: str
    columns: list[str]  # printed columns, then parent columns
    types: dict[str, str]  # column -> inferred type
    rows: list[dict[str, Any]] = field(default_factory=list)  # with halaman_awal/akhir
    numbering: list[str] = field(default_factory=list)  # numbering columns
    consumed: frozenset[int] = frozenset()
    units: frozenset[str] = frozenset()  # numeric columns whose amounts carry a unit
    notes: frozenset[str] = frozenset()  # columns with a footnote mark in some value
    # The cells whose footnote marks the table publishes (in <column>__catatan_kaki); any
    # other printed mark (a header's, a heading's) is a leftover (accounting.FOOTNOTE_MARK).
    noted: frozenset[int] = frozenset()
    # Where each row's values were printed (never published): per row, column -> the
    # cells its value was read from (a parent: its heading's number and text cells); a
    # merged cell is the same object in every row and column it covers. With `header`
    # (the printed header cells that name columns, a repeated header on each page it is
    # printed; not a row of column numbers) it lets a
    # reader put every published word back on its page (tests/corpus_report.py).
    sources: list[dict[str, tuple[Cell, ...]]] = field(default_factory=list)
    header: list[Cell] = field(default_factory=list)
    # The printed column numbers under the header ("(1)" ... "(19) = (3) + (17) + (18)"):
    # column -> its number (published in tabel.csv's `nomor_kolom`), and the cells they
    # were read from on every page that prints them (never published).
    column_numbers: dict[str, str] = field(default_factory=dict)
    number_cells: list[Cell] = field(default_factory=list)
    scanned: bool = False  # some of its cells were read by OCR: <column>__keyakinan published

    def published_columns(self) -> list[str]:
        out = ["id"]
        for c in self.columns:
            out.append(c)
            if self.types.get(c, "teks") != "teks":
                out.append(c + TYPED_SUFFIX)
            if c in self.units:
                out.append(c + UNIT_SUFFIX)
            if c in self.notes:
                out.append(c + NOTE_SUFFIX)
            if self.scanned:
                out.append(c + CONFIDENCE_SUFFIX)
        return [*out, "halaman_awal", "halaman_akhir"]


def flatten(table: LogicalTable, table_id: str) -> FlatTable:
    ncols = len(table.columns)
    names = [c.name for c in table.columns]
    paths = [c.path for c in table.columns]
    consumed: set[int] = {id(c) for c in table.header_cells}
    parent_order: list[str] = []
    kelompok: str | None = None
    stack: list[_Heading] = []  # the open headings, outermost first
    raw_rows: list[tuple[dict[str, str], dict[str, str], list[int]]] = []
    marks: list[dict[str, str]] = []  # per row, column -> its value's footnote marks
    noted: set[int] = set()
    sources: list[dict[str, tuple[Cell, ...]]] = []
    group_cell: Cell | None = None
    group_style: tuple[object, ...] | None = None  # the list the group row is an item of
    # The text a cell is typed from: a figure wrapped inside its cell joined back.
    figures: list[dict[str, str]] = []
    styles = _list_styles(table)
    headings = _headings(table, styles)
    for i, row in enumerate(table.rows):
        for cell in row.distinct():
            consumed.add(id(cell))
        group = table.group_cell(i)
        if group is not None:
            kelompok, group_cell = join_lines(group.text), group
            group_label = _GROUP_LABEL_RE.match(group.text.strip())
            group_style = _style(group.col, group_label.group(0)) if group_label else None
            if "kelompok" not in parent_order:
                parent_order.append("kelompok")
            stack.clear()  # a new group closes the headings under the previous one
            continue
        style = headings[i].style if i in headings else styles.get(i)
        opening = _opening_style(table, i)
        if opening is not None and group_style is not None and _same_list(opening, group_style):
            # The next item of the group's own list ("IV. Dialog" after the group row
            # "III. Diskusi Topik" and its items 1.-3.) closes the group.
            kelompok = group_cell = group_style = None
        if style is not None and any(_same_list(h.style, style) for h in stack):
            # The next item of an open heading's list closes it and those under it.
            del stack[next(k for k, h in enumerate(stack) if _same_list(h.style, style)) :]
        if i in headings:
            heading = headings[i]
            base = f"{names[heading.col]}_induk"
            same = sum(1 for h in stack if h.column.startswith(base))
            heading.column = base if same == 0 else f"{base}_{same + 1}"
            stack.append(heading)
            if heading.column not in parent_order:
                parent_order.append(heading.column)
            continue
        values = {names[c]: join_lines(row.cells[c].text) for c in range(ncols)}
        for col in range(ncols):
            cell = row.cells[col]
            if cell.col < col and (
                cell.col + cell.colspan >= ncols or paths[cell.col] == paths[col]
            ):
                # A row's text running on to the right edge over the columns right of it
                # (an item priced in a sub-table of its own), or over the columns of one
                # header cell ("IV. Dialog" across both columns under "MATERI
                # PELATIHAN"), is printed once: the columns it covers are not its.
                values[names[col]] = ""
        if not any(values.values()):
            continue
        parents = {h.column: h.text for h in stack}
        if kelompok is not None:
            parents["kelompok"] = kelompok
        raw_rows.append((values, parents, row.pages))
        marked = {c: row.cells[c] for c in range(ncols) if values[names[c]] and row.cells[c].marks}
        marks.append({names[c]: cell.marks for c, cell in marked.items()})
        noted.update(id(cell) for cell in marked.values())
        origin: dict[str, tuple[Cell, ...]] = {names[c]: (row.cells[c],) for c in range(ncols)}
        origin.update((h.column, h.cells) for h in stack)
        if group_cell is not None:
            origin["kelompok"] = (group_cell,)
        sources.append(origin)
        figures.append(
            {names[c]: f for c in range(ncols) if (f := unwrap_figure(row.cells[c].text))}
        )
    columns = names + parent_order
    numbering_names = {names[c] for c in table.numbering_cols}
    # Item numbers are identifiers, not quantities.
    types = {
        c: "teks"
        if c in numbering_names
        else infer_column_type(
            [f.get(c, v.get(c, "")) for (v, _, _), f in zip(raw_rows, figures, strict=True)]
        )
        for c in names
    }
    units = frozenset(
        c
        for c in names
        if types[c] in ("bilangan", "rupiah")
        and any(parse_amount(v.get(c, ""))[1] for v, _, _ in raw_rows)
    )
    notes = frozenset(c for m in marks for c in m)
    flat = FlatTable(
        id=table_id, columns=columns, types=types, consumed=frozenset(consumed), units=units,
        notes=notes, noted=frozenset(noted),
        sources=sources, header=[c for c in table.header_cells if c not in table.number_cells],
        column_numbers={n: k for n, k in zip(names, table.column_numbers, strict=False) if k},
        number_cells=list(table.number_cells), scanned=table.confidence is not None,
    )  # fmt: skip
    flat.numbering = [names[c] for c in sorted(table.numbering_cols)]
    keys: list[tuple[str, str | None]] = []  # per row: its key, and its own item label
    for k, ((values, parent_values, pages), figure, row_marks, origin) in enumerate(
        zip(raw_rows, figures, marks, sources, strict=True)
    ):
        record: dict[str, Any] = {"id": ""}
        for c in columns:
            printed: str | None = values.get(c, parent_values.get(c, "")) or None
            record[c] = printed
            if types.get(c, "teks") != "teks":
                source = figure.get(c, printed or "")
                if types[c] == "centang":
                    typed = typed_value(source, "centang")  # an empty box is unticked
                else:
                    blank = not printed or is_blank(printed)
                    typed = None if blank else typed_value(source, types[c])
                record[c + TYPED_SUFFIX] = typed
            if c in units:
                record[c + UNIT_SUFFIX] = parse_amount(printed or "")[1]
            if c in notes:
                record[c + NOTE_SUFFIX] = row_marks.get(c)
            if flat.scanned:
                sure = lowest(x.confidence for x in origin.get(c, ())) if printed else None
                record[c + CONFIDENCE_SUFFIX] = sure
        record["halaman_awal"], record["halaman_akhir"] = pages[0], pages[-1]
        is_total = any(is_total_label(str(values.get(c) or "")) for c in names[:3])
        if is_total:
            keys.append(("jumlah", None))
        else:
            key = _row_key(record, flat.numbering, parent_order) or f"baris_{k + 1}"
            keys.append((key, _own_label(values, names, numbering_names)))
        flat.rows.append(record)
    # Rows that share their parents' numbers and numbering (PP 56/2014: "1) Izin baru",
    # "2) Perpanjangan izin", "3) Perubahan izin" under one heading, the item number
    # printed in the text cell) are told apart by their own printed item label; `__ke_<n>`
    # only where nothing printed does.
    shared = Counter(key for key, _ in keys)
    seen: dict[str, int] = {}
    for record, (key, label) in zip(flat.rows, keys, strict=True):
        if shared[key] > 1 and label:
            key = f"{key}__{label}"
        seen[key] = seen.get(key, 0) + 1
        record["id"] = f"{table_id}__{key}" + (f"__ke_{seen[key]}" if seen[key] > 1 else "")
    return flat


def _own_label(values: dict[str, str], names: list[str], numbering: set[str]) -> str | None:
    """The item label a row prints at the start of its first printed text cell ("2)
    Perpanjangan izin": '2'), slugged; None where it opens with none."""
    text = next((values[c] for c in names if c not in numbering and values.get(c)), "").strip()
    match = LABEL_RE.match(text) or _SMALL_ROMAN_LABEL_RE.match(text)
    return slug(strip_number(match.group(0))) or None if match else None


# A label in small roman numerals ("(ii) Perpanjangan izin", PP 56/2014 p18), which the
# item grammar (vocabulary.ITEM_BODY) reads as a letter only when one character long.
_SMALL_ROMAN_LABEL_RE = re.compile(r"^\(?[ivx]{1,5}[.)](?=\s|$)")


def merged_down(table: FlatTable) -> dict[str, frozenset[str]]:
    """Row id -> the printed columns whose value is one cell merged over this row and the
    row before (the same cell in both rows' sources): a figure printed once, which the
    published rows repeat on every row it covers. Rows without such a column are left out."""
    out: dict[str, frozenset[str]] = {}
    names = set(table.columns)
    for k in range(1, min(len(table.rows), len(table.sources))):
        before, here = table.sources[k - 1], table.sources[k]
        same = frozenset(
            c
            for c, cells in here.items()
            if c in names
            and not PARENT_RE.search(c)
            and c != "kelompok"
            and len(cells) == 1
            and cells[0].rowspan > 1
            and any(cell is cells[0] for cell in before.get(c, ()))
        )
        if same:
            out[table.rows[k]["id"]] = same
    return out


@dataclass(slots=True)
class _Heading:
    col: int  # the column its number (or, unnumbered, its text) is printed in
    style: tuple[object, ...]  # its label's column and style: its list (see _list_styles)
    text: str
    cells: tuple[Cell, ...] = ()  # its number's cell and its text's
    column: str = ""  # the parent column it fills


def _label_of(table: LogicalTable, i: int) -> tuple[int, str] | None:
    """The column and text of the item number row i prints: the last cell of its own
    starting at this row that holds a number alone (in a numbering column or not), else
    the number opening its first text cell; None without."""
    row = table.rows[i]
    numbers: list[tuple[int, str]] = []
    opening: tuple[int, str] | None = None
    for c, cell in enumerate(row.cells):
        if cell.is_empty or cell.col != c or not table.starts_here(i, c):
            continue
        text = cell.text.strip()
        if NUMBERING_RE.match(text):
            numbers.append((c, text))
        elif c not in table.numbering_cols and opening is None and not numbers:
            match = LABEL_RE.match(text)
            opening = (c, match.group(0)) if match else (c, "")
    if numbers:
        return numbers[-1]
    return opening if opening and opening[1] else None


def _opening_style(table: LogicalTable, i: int) -> tuple[object, ...] | None:
    """The list style of the item label opening row i's first printed cell (see _style),
    touching its text or not ("VII.Evaluasi"); None when it opens with none."""
    row = table.rows[i]
    for c, cell in enumerate(row.cells):
        if cell.is_empty or cell.col != c or not table.starts_here(i, c):
            continue
        match = _GROUP_LABEL_RE.match(cell.text.strip())
        return _style(c, match.group(0)) if match else None
    return None


def _style(col: int, label: str) -> tuple[object, ...]:
    """A list's style: the column its numbers print in, their bracket, digits or
    letters of a case, and closing mark; so "1." over "a." over "1)" are three lists,
    "I" and "II" in the No column one list, "1" there another, "I.1." and "I.2." under
    them a third."""
    match = _ANY_LABEL_RE.match(label)
    if match is None:
        return (col, label)
    opening, body, closing = match.groups()
    head, *levels = body.split(".")
    kind = "digit" if head.isdigit() else "lower" if head.islower() else "upper"
    if levels:  # a nested item's number ("I.1."): a list of its own under "I."
        kind = f"{kind}+{len(levels)}"
    return (col, opening, kind, closing)


def _same_list(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """Two styles of one list; a closing mark left out is a misprint ("8" after "7.")."""
    if len(a) != 4 or len(b) != 4:
        return a == b
    return a[:3] == b[:3] and (a[3] == b[3] or "" in (a[3], b[3]))


_ROMAN_BODY_RE = re.compile(r"^(?:[ivxlc]{2,6}|[IVXLC]{2,6})$")


def _list_styles(table: LogicalTable) -> dict[int, tuple[object, ...]]:
    """The list style of each numbered row (see _style), a Roman numeral told from a
    letter by the list it goes on: "(ii)" is a numeral; "(i)" is the letter after "(h)"
    in its list, else the first numeral of a list of its own ("(i) Izin" under "(a)
    Konstruksi" opens a list under that item, it does not follow it)."""
    styles: dict[int, tuple[object, ...]] = {}
    last: dict[tuple[object, ...], str] = {}  # each list's last label
    for i in range(len(table.rows)):
        label = _label_of(table, i)
        if label is None:
            continue
        style = _style(*label)
        body = label[1].strip().strip("().")
        if len(style) == 4 and style[2] in ("lower", "upper"):
            roman = (style[0], style[1], f"roman-{style[2]}", style[3])
            if (
                _ROMAN_BODY_RE.match(body)
                or (body in ("i", "I") and last.get(style) not in ("h", "H"))
                or (body in ("v", "V") and last.get(roman) in ("iv", "IV"))
                or (body in ("x", "X") and last.get(roman) in ("ix", "IX"))
            ):
                style = roman
            last[style] = body
        styles[i] = style
    return styles


def _headings(table: LogicalTable, styles: dict[int, tuple[object, ...]]) -> dict[int, _Heading]:
    """Heading rows, by row index: a row that prints text in one column only (after its
    item number, if numbered in a numbering column), with columns to the right of it
    that it leaves empty or covers ("A. Pelayanan Persalinan" over the rows below, its
    SATUAN and TARIF empty; "1." + "Tim Reformasi Birokrasi" running to the right edge).
    A heading heads something: the row after it belongs to another list (numbered
    otherwise, or elsewhere; "3 | Kembangan | (empty)" between "2" and "4" is a data
    row missing its value), and under an unnumbered heading the row after it is
    numbered. Its text (with its number) becomes a parent column of the rows below, until
    the next item of its list, or of a list above it, or a new group."""
    ncols = len(table.columns)
    candidates: dict[int, _Heading] = {}
    for i, row in enumerate(table.rows):
        starting = [c for c in row.distinct() if not c.is_empty and table.starts_here(i, c.col)]
        if not starting or i + 1 >= len(table.rows):
            continue
        text = starting[-1]
        right = text.col + text.colspan
        if text.col in table.numbering_cols or text.col in table.mark_cols:
            continue
        if NUMBERING_RE.match(text.text.strip()) or (right >= ncols and text.colspan < 2):
            continue  # an item number alone, or the last column alone: values
        if any(not row.cells[c].is_empty for c in range(right, ncols)):
            continue
        below = table.rows[i + 1].cells
        numbers = [
            c for c in starting[:-1]
            if c.col in table.numbering_cols or NUMBERING_RE.match(c.text.strip())
        ]  # fmt: skip
        number = numbers[-1] if numbers else None
        # Left of it, only its number and merged cells running on below ("No", "Area").
        if any(c is not number and below[c.col] is not c for c in starting[:-1]):
            continue
        if number is not None:
            style = _style(number.col, number.text.strip())
        elif match := LABEL_RE.match(text.text.strip()):
            style = _style(text.col, match.group(0))
        else:
            style = ("plain", text.col)
        label = f"{number.text.strip()} " if number is not None else ""
        col = number.col if number is not None else text.col
        printed = (number, text) if number is not None else (text,)
        candidates[i] = _Heading(
            col=col, style=styles.get(i, style), text=label + join_lines(text.text),
            cells=printed,
        )  # fmt: skip
    confirmed: dict[int, _Heading] = {}
    for i, heading in candidates.items():
        after = candidates[i + 1].style if i + 1 in candidates else styles.get(i + 1)
        if table.group_cell(i + 1) is not None:
            continue
        if after is None and heading.style[0] == "plain":
            continue  # unnumbered over unnumbered: a row with its values left empty
        if after is not None and _same_list(after, heading.style):
            continue  # the next item of its own list: a data row with values left empty
        confirmed[i] = heading
    return confirmed


def _row_key(record: dict[str, Any], numbering: list[str], parents: list[str]) -> str:
    parts = []
    for p in parents:
        if PARENT_RE.search(p) and record.get(p):
            parts.append(slug(strip_number(str(record[p]).split(" ", 1)[0])))
    for c in numbering:
        value = record.get(c)
        if value and NUMBERING_RE.match(str(value)):
            parts.append(f"{slug(c)}_{slug(strip_number(str(value)))}")
    return "__".join(p for p in parts if p)
