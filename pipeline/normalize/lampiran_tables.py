"""Thin layers for the narrative lampiran's summary tables, on the generic LogicalTable:
area perubahan (No, Area, Hasil) and program (No, Program, Kegiatan, Hasil).

Each kind is recognised by its header text alone. One record per table row; cells merged
over several rows (a program spanning its kegiatan) are repeated on every row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.extract.tables import Cell, LogicalTable
from pipeline.extract.tables.header import fold
from pipeline.models import AreaPerubahan, Program, ReadRecord
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
    """The published table (a KINDS key) whose header this table prints, if any."""
    roles = set(_roles(table))
    return next((name for name, kind in KINDS.items() if roles == kind.roles), None)


def table_name(table: LogicalTable, fallback: int) -> str:
    m = TABLE_LABEL_RE.match(table.caption)
    return f"tabel_{slug(m.group(1))}" if m else f"tabel_{fallback}"


@dataclass(frozen=True, slots=True)
class Row:
    """One table row as a kind's builder sees it: its cells' text by column role, its id
    base, and where it was printed."""

    values: dict[str, str | None]
    no: str | None
    base: str  # lampiran_<n>__<table>__no_<no>
    dokumen_id: str
    lampiran: int
    tabel: str
    pages: tuple[int, int]
    confidence: float | None


def _area_perubahan(row: Row, seen: int) -> ReadRecord:
    return AreaPerubahan(
        id=row.base, dokumen_id=row.dokumen_id, lampiran=row.lampiran, tabel=row.tabel,
        no=row.no, area=row.values["area"], hasil=row.values["hasil"],
        halaman_awal=row.pages[0], halaman_akhir=row.pages[1], keyakinan_ocr=row.confidence,
    )  # fmt: skip


def _program(row: Row, seen: int) -> ReadRecord:
    """One kegiatan; `seen` counts the rows of its program so far (kegiatan_ke)."""
    return Program(
        id=f"{row.base}__kegiatan_{seen}", dokumen_id=row.dokumen_id, lampiran=row.lampiran,
        tabel=row.tabel, no=row.no, program=row.values["program"], kegiatan_ke=seen,
        kegiatan=row.values["kegiatan"], hasil=row.values["hasil"],
        halaman_awal=row.pages[0], halaman_akhir=row.pages[1], keyakinan_ocr=row.confidence,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TableKind:
    """A summary table kind: the column roles its header has (exactly), and the builder of
    one record per row."""

    roles: frozenset[str]
    build: Callable[[Row, int], ReadRecord]


# Published table (pipeline.result.REGISTRY) -> its kind; the first whose roles match wins.
KINDS: dict[str, TableKind] = {
    "program": TableKind(frozenset({"no", "program", "kegiatan", "hasil"}), _program),
    "area_perubahan": TableKind(frozenset({"no", "area", "hasil"}), _area_perubahan),
}


def map_summary_table(
    table: LogicalTable,
    kind: str,
    name: str,
    dokumen_id: str,
    lampiran: int,
    boxes: dict[tuple[str, str], tuple[CellBox, ...]] | None = None,
) -> tuple[list[ReadRecord], frozenset[int]]:
    """The records of a table of `kind` (a KINDS key), and the ids of the cells they took;
    with `boxes`, also where each record's cells are printed, under (kind, record id)."""
    roles = _roles(table)
    build = KINDS[kind].build
    consumed: set[int] = {id(c) for c in table.header_cells}

    def take(cell: Cell) -> str | None:
        consumed.add(id(cell))
        return or_none(cell.text)

    records: list[ReadRecord] = []
    counter: dict[str, int] = {}
    for row in table.rows:
        values = {role: take(row.cells[c]) for role, c in roles.items()}
        no = strip_number(values["no"] or "") or None
        base = f"lampiran_{lampiran}__{name}__no_{slug(no or '') or 'x'}"
        counter[base] = counter.get(base, 0) + 1
        pages = (row.pages[0], row.pages[-1])
        here = Row(values, no, base, dokumen_id, lampiran, name, pages, row.confidence)
        made = build(here, counter[base])
        records.append(made)
        if boxes is not None:
            record_id = made.id  # type: ignore[attr-defined]  # every summary kind has one
            boxes[(kind, record_id)] = cell_boxes((role, row.cells[c]) for role, c in roles.items())
    return records, frozenset(consumed)
