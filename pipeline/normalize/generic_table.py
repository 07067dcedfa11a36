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
from pipeline.normalize.values import infer_column_type, is_blank, typed_value

TOTAL_RE = re.compile(r"^\s*(jumlah|total|sub\s*total|jumlah\s+total)\b", re.I)
TYPED_SUFFIX = "__nilai"


@dataclass(slots=True)
class FlatTable:
    id: str
    columns: list[str]  # printed columns, then parent columns
    types: dict[str, str]  # column -> inferred type
    rows: list[dict[str, Any]] = field(default_factory=list)  # with halaman_awal/akhir
    numbering: list[str] = field(default_factory=list)  # numbering columns
    consumed: frozenset[int] = frozenset()

    def published_columns(self) -> list[str]:
        out = ["id"]
        for c in self.columns:
            out.append(c)
            if self.types.get(c, "teks") != "teks":
                out.append(c + TYPED_SUFFIX)
        return [*out, "halaman_awal", "halaman_akhir"]


def flatten(table: LogicalTable, table_id: str) -> FlatTable:
    ncols = len(table.columns)
    names = [c.name for c in table.columns]
    consumed: set[int] = {id(c) for c in table.header_cells}
    parents: dict[str, str] = {}  # parent column -> current value
    parent_order: list[str] = []
    raw_rows: list[tuple[dict[str, str], dict[str, str], list[int]]] = []
    for i, row in enumerate(table.rows):
        for cell in row.distinct():
            consumed.add(id(cell))
        group = table.group_cell(i)
        if group is not None:
            _set_parent(parents, parent_order, "kelompok", join_lines(group.text))
            # A new group closes the headings under the previous one.
            for key in [k for k in parents if k != "kelompok"]:
                parents.pop(key)
            continue
        heading = _heading(table, i)
        if heading is not None:
            col, text = heading
            _set_parent(parents, parent_order, f"{names[col]}_induk", text)
            continue
        values = {names[c]: join_lines(row.cells[c].text) for c in range(ncols)}
        if not any(values.values()):
            continue
        raw_rows.append((values, dict(parents), row.pages))
    columns = names + parent_order
    numbering_names = {names[c] for c in table.numbering_cols}
    # Item numbers are identifiers, not quantities.
    types = {
        c: "teks"
        if c in numbering_names
        else infer_column_type([v.get(c, "") for v, _, _ in raw_rows])
        for c in names
    }
    flat = FlatTable(id=table_id, columns=columns, types=types, consumed=frozenset(consumed))
    flat.numbering = [names[c] for c in sorted(table.numbering_cols)]
    seen: dict[str, int] = {}
    for k, (values, parent_values, pages) in enumerate(raw_rows):
        record: dict[str, Any] = {"id": ""}
        for c in columns:
            printed: str | None = values.get(c, parent_values.get(c, "")) or None
            record[c] = printed
            if types.get(c, "teks") != "teks":
                if types[c] == "centang":
                    typed = typed_value(printed or "", "centang")  # an empty box is unticked
                else:
                    blank = not printed or is_blank(printed)
                    typed = None if blank else typed_value(printed or "", types[c])
                record[c + TYPED_SUFFIX] = typed
        record["halaman_awal"], record["halaman_akhir"] = pages[0], pages[-1]
        is_total = any(TOTAL_RE.match(str(values.get(c) or "")) for c in names[:3])
        if is_total:
            key = "jumlah"
        else:
            key = _row_key(record, flat.numbering, parent_order) or f"baris_{k + 1}"
        seen[key] = seen.get(key, 0) + 1
        record["id"] = f"{table_id}__{key}" + (f"__ke_{seen[key]}" if seen[key] > 1 else "")
        flat.rows.append(record)
    return flat


def _set_parent(parents: dict[str, str], order: list[str], key: str, value: str) -> None:
    parents[key] = value
    if key not in order:
        order.append(key)


def _heading(table: LogicalTable, i: int) -> tuple[int, str] | None:
    """A numbered row whose text cell runs on to the right edge: a heading over the rows
    below it, e.g. "1." + "Tim Reformasi Birokrasi" across all remaining columns. A cell
    merged down over several rows (a "Rating" printed once beside a whole table) is a value
    of each of those rows, never a heading."""
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
            and text.rowspan == 1
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
