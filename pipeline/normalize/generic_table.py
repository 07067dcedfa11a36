"""Every lampiran table as a clean, flat table, whatever its columns.

On top of the generic LogicalTable: group rows (one cell across the width) and heading rows
(a number whose text runs to the right edge: "1. Tim Reformasi Birokrasi") become parent
columns (`kelompok`, `<column>_induk`), so each data row stands alone; merged cells are
repeated on every row they cover; columns are typed (Indonesian numbers, rupiah, percent,
years, dates, checkmarks) with the printed text kept next to the typed value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.tables import LogicalTable
from pipeline.extract.tables.stitch import NUMBERING_RE
from pipeline.normalize.text import join_lines, slug, strip_number
from pipeline.normalize.values import (
    infer_column_type,
    is_blank,
    parse_amount,
    typed_value,
    unwrap_figure,
)

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


def is_total_label(text: str) -> bool:
    """Whether a cell is the label of a total row ("Jumlah", "TOTAL", "Sub Total")."""
    return TOTAL_RE.match(text) is not None


@dataclass(slots=True)
class FlatTable:
    id: str
    columns: list[str]  # printed columns, then parent columns
    types: dict[str, str]  # column -> inferred type
    rows: list[dict[str, Any]] = field(default_factory=list)  # with halaman_awal/akhir
    numbering: list[str] = field(default_factory=list)  # numbering columns
    consumed: frozenset[int] = frozenset()
    units: frozenset[str] = frozenset()  # numeric columns whose amounts carry a unit

    def published_columns(self) -> list[str]:
        out = ["id"]
        for c in self.columns:
            out.append(c)
            if self.types.get(c, "teks") != "teks":
                out.append(c + TYPED_SUFFIX)
            if c in self.units:
                out.append(c + UNIT_SUFFIX)
        return [*out, "halaman_awal", "halaman_akhir"]


def flatten(table: LogicalTable, table_id: str) -> FlatTable:
    ncols = len(table.columns)
    names = [c.name for c in table.columns]
    consumed: set[int] = {id(c) for c in table.header_cells}
    parents: dict[str, str] = {}  # parent column -> current value
    parent_order: list[str] = []
    raw_rows: list[tuple[dict[str, str], dict[str, str], list[int]]] = []
    # The text a cell is typed from: a figure wrapped inside its cell joined back.
    figures: list[dict[str, str]] = []
    nested = _NestedList(table, names)
    for i, row in enumerate(table.rows):
        for cell in row.distinct():
            consumed.add(id(cell))
        group = table.group_cell(i)
        if group is not None:
            _set_parent(parents, parent_order, "kelompok", join_lines(group.text))
            # A new group closes the headings under the previous one.
            for key in [k for k in parents if k != "kelompok"]:
                parents.pop(key)
            nested.close(parents)
            continue
        heading = _heading(table, i)
        if heading is not None:
            col, text = heading
            _set_parent(parents, parent_order, f"{names[col]}_induk", text)
            nested.close(parents)
            continue
        values = {names[c]: join_lines(row.cells[c].text) for c in range(ncols)}
        if not any(values.values()):
            continue
        if nested.heading(i, values, parents, parent_order):
            continue
        raw_rows.append((values, dict(parents), row.pages))
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
    flat = FlatTable(
        id=table_id, columns=columns, types=types, consumed=frozenset(consumed), units=units
    )
    flat.numbering = [names[c] for c in sorted(table.numbering_cols)]
    seen: dict[str, int] = {}
    for k, ((values, parent_values, pages), figure) in enumerate(
        zip(raw_rows, figures, strict=True)
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
        record["halaman_awal"], record["halaman_akhir"] = pages[0], pages[-1]
        is_total = any(is_total_label(str(values.get(c) or "")) for c in names[:3])
        if is_total:
            key = "jumlah"
        else:
            key = _row_key(record, flat.numbering, parent_order) or f"baris_{k + 1}"
        seen[key] = seen.get(key, 0) + 1
        record["id"] = f"{table_id}__{key}" + (f"__ke_{seen[key]}" if seen[key] > 1 else "")
        flat.rows.append(record)
    return flat


# An item number opening a text cell: "a. Tanah", "1) Izin", "(1) Pemakaian", "(a) Senin".
LEAD_NUMBER_RE = re.compile(r"^(\(?(?:\d{1,3}|[a-zA-Z]|[IVXLC]{1,6})[.)])\s+\S")


def _lead_style(text: str) -> tuple[str, str] | None:
    """The kind of item number opening a cell (digits, lower or upper letters, with its
    punctuation: "1." and "1)" are different levels), or None."""
    m = LEAD_NUMBER_RE.match(text)
    if m is None:
        return None
    number = m.group(1)
    core = number.strip("().")
    kind = "angka" if core.isdigit() else "huruf" if core.islower() else "HURUF"
    return kind, "".join(ch for ch in number if ch in "().")


class _NestedList:
    """Nested list numbering inside the first text column ("a. Tanah untuk ..." over
    "1) Lahan Sawah ..."; "b) Dinas/Instansi" over "(1) Pemakaian Siang" over "(a) Senin"):
    a numbered row whose other cells are all empty heads the rows numbered one level
    deeper below it, and becomes their parent column (<column>_induk, <column>_induk_2,
    ...). Levels are the numbering styles in the order they first appear; a style seen
    again closes every deeper level. A numbered row is a heading only when the next row
    goes one level deeper (so a plain list of items without values stays data), and only
    in a table some of whose other columns carry values."""

    def __init__(self, table: LogicalTable, names: list[str]) -> None:
        self.names = names
        skip = set(table.numbering_cols) | set(table.mark_cols)
        # The text column: the first one where an item number opens some cell's text.
        self.text_col = next(
            (
                c
                for c in range(len(names))
                if c not in skip and any(LEAD_NUMBER_RE.match(r.cells[c].text) for r in table.rows)
            ),
            None,
        )
        first = self.text_col if self.text_col is not None else 0
        skip |= set(range(first))  # columns left of it number the table's own items
        self.others = [names[c] for c in range(len(names)) if c not in skip and c != self.text_col]
        self.numbers = [names[c] for c in sorted(skip - set(table.mark_cols))]
        self.texts = [
            join_lines(r.cells[self.text_col].text) if self.text_col is not None else ""
            for r in table.rows
        ]
        self.has_values = any(
            r.cells[c].text.strip()
            for r in table.rows
            for c in range(len(names))
            if c not in skip and c != self.text_col
        )
        self.styles: list[tuple[str, str]] = []
        self.keys: list[str] = []

    def close(self, parents: dict[str, str], depth: int = 0) -> None:
        for key in self.keys[depth:]:
            parents.pop(key, None)
        del self.styles[depth:], self.keys[depth:]

    def heading(
        self, i: int, values: dict[str, str], parents: dict[str, str], order: list[str]
    ) -> bool:
        """Track the levels at row i; True when row i is a heading (now a parent)."""
        if self.text_col is None or not self.has_values:
            return False
        if any(values.get(n) for n in self.numbers):
            self.close(parents)  # a new item of the table's own numbering
        text = values[self.names[self.text_col]]
        style = _lead_style(text)
        if style is None:
            return False
        depth = self.styles.index(style) if style in self.styles else len(self.styles)
        self.close(parents, depth)
        if any(values.get(o) for o in self.others) or any(values.get(n) for n in self.numbers):
            return False
        following = next((t for t in self.texts[i + 1 :] if t), "")
        deeper = _lead_style(following)
        if deeper is None or deeper == style or deeper in self.styles:
            return False
        name = self.names[self.text_col]
        key = f"{name}_induk" if depth == 0 else f"{name}_induk_{depth + 1}"
        self.styles.append(style)
        self.keys.append(key)
        _set_parent(parents, order, key, text)
        return True


def _set_parent(parents: dict[str, str], order: list[str], key: str, value: str) -> None:
    parents[key] = value
    if key not in order:
        order.append(key)


def _heading(table: LogicalTable, i: int) -> tuple[int, str] | None:
    """A numbered row whose text cell runs on to the right edge: a heading over the rows
    below it, e.g. "1." + "Tim Reformasi Birokrasi" across all remaining columns."""
    row = table.rows[i]
    ncols = len(row.cells)
    for c in sorted(table.numbering_cols):
        if c + 1 >= ncols or not table.starts_here(i, c):
            continue
        number, text = row.cells[c], row.cells[c + 1]
        if (
            NUMBERING_RE.match(number.text.strip())
            and text.col == c + 1
            and text.col + text.colspan >= ncols
            and not text.is_empty
        ):
            return c, f"{number.text.strip()} {join_lines(text.text)}"
    return None


def _row_key(record: dict[str, Any], numbering: list[str], parents: list[str]) -> str:
    parts = []
    for p in parents:
        if p.endswith("_induk") and record.get(p):
            parts.append(slug(strip_number(str(record[p]).split(" ", 1)[0])))
    for c in numbering:
        value = record.get(c)
        if value and NUMBERING_RE.match(str(value)):
            parts.append(f"{slug(c)}_{slug(strip_number(str(value)))}")
    return "__".join(p for p in parts if p)
