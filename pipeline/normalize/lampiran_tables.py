"""Thin layers for the narrative lampiran's summary tables, on the generic LogicalTable:
area perubahan (No, Area, Hasil) and program (No, Program, Kegiatan, Hasil).

Each kind is recognised by its header text alone. One record per table row; cells merged
over several rows (a program spanning its kegiatan) are repeated on every row.
"""

from __future__ import annotations

import re

from pipeline.extract.tables import Cell, LogicalTable
from pipeline.extract.tables.header import fold
from pipeline.models import AreaPerubahan, Program
from pipeline.normalize.rencana_aksi import cell_boxes
from pipeline.normalize.text import or_none, slug, strip_number
from pipeline.result import CellBox

# Column roles: header phrases (folded, whole words); first match wins.
ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hasil", ("hasil",)),
    ("kegiatan", ("kegiatan",)),
    ("program", ("program",)),
    ("area", ("area",)),
    ("no", ("no", "nomor")),
)
KINDS: dict[str, frozenset[str]] = {
    "program": frozenset({"no", "program", "kegiatan", "hasil"}),
    "area_perubahan": frozenset({"no", "area", "hasil"}),
}
TABLE_LABEL_RE = re.compile(r"^(?:Tabel|Table)\s+([\w.]+)", re.I)


def _roles(table: LogicalTable) -> dict[str, int]:
    found: dict[str, int] = {}
    for col in table.columns:
        text = f" {fold(' '.join(col.path))} "
        for role, phrases in ROLES:
            if any(f" {p} " in text for p in phrases):
                found.setdefault(role, col.index)
                break
    return found


def table_kind(table: LogicalTable) -> str | None:
    roles = set(_roles(table))
    for kind, needed in KINDS.items():
        if roles == needed:
            return kind
    return None


def table_name(table: LogicalTable, fallback: int) -> str:
    m = TABLE_LABEL_RE.match(table.caption)
    return f"tabel_{slug(m.group(1))}" if m else f"tabel_{fallback}"


def map_summary_table(
    table: LogicalTable,
    kind: str,
    name: str,
    dokumen_id: str,
    lampiran: int,
    boxes: dict[tuple[str, str], tuple[CellBox, ...]] | None = None,
) -> tuple[list[AreaPerubahan] | list[Program], frozenset[int]]:
    """The records of a summary table and the ids of the cells they took; with `boxes`,
    also where each record's cells are printed, under (kind, record id)."""
    roles = _roles(table)
    consumed: set[int] = {id(c) for c in table.header_cells}

    def take(cell: Cell) -> str | None:
        consumed.add(id(cell))
        return or_none(cell.text)

    areas: list[AreaPerubahan] = []
    programs: list[Program] = []
    counter: dict[str, int] = {}
    for row in table.rows:
        cells = {role: row.cells[c] for role, c in roles.items()}
        values = {role: take(cell) for role, cell in cells.items()}
        no = strip_number(values["no"] or "") or None
        first, last = row.pages[0], row.pages[-1]
        base = f"lampiran_{lampiran}__{name}__no_{slug(no or '') or 'x'}"
        fields = {"no": "no", "area": "area", "hasil": "hasil", "program": "program",
                  "kegiatan": "kegiatan"}  # fmt: skip
        where = cell_boxes((fields[role], cell) for role, cell in cells.items())
        if kind == "area_perubahan":
            areas.append(
                AreaPerubahan(
                    id=base, dokumen_id=dokumen_id, lampiran=lampiran, tabel=name, no=no,
                    area=values["area"], hasil=values["hasil"],
                    halaman_awal=first, halaman_akhir=last, keyakinan_ocr=row.confidence,
                )
            )  # fmt: skip
        else:
            counter[base] = counter.get(base, 0) + 1
            programs.append(
                Program(
                    id=f"{base}__kegiatan_{counter[base]}", dokumen_id=dokumen_id,
                    lampiran=lampiran, tabel=name, no=no, program=values["program"],
                    kegiatan_ke=counter[base], kegiatan=values["kegiatan"],
                    hasil=values["hasil"], halaman_awal=first, halaman_akhir=last,
                    keyakinan_ocr=row.confidence,
                )
            )  # fmt: skip
        if boxes is not None:
            made = areas[-1] if kind == "area_perubahan" else programs[-1]
            boxes[(kind, made.id)] = where
    return (areas if kind == "area_perubahan" else programs), frozenset(consumed)
