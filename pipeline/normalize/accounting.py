"""Cell accounting: every printed cell of a table lands in a record or in the leftovers."""

from __future__ import annotations

from pipeline.extract.tables import LogicalTable
from pipeline.models import Akuntansi, Sisa
from pipeline.normalize.text import join_lines

UNMAPPED_CELL = "sel tabel tidak masuk ke rekaman mana pun"


def account_table(
    name: str, table: LogicalTable, consumed: frozenset[int]
) -> tuple[Akuntansi, list[Sisa]]:
    seen = placed = 0
    leftovers: list[Sisa] = []
    cells = list(table.header_cells) + table.body_cells()
    for cell in cells:
        for part in cell.parts:
            if not part.text.strip():
                continue
            seen += 1
            if id(cell) in consumed:
                placed += 1
            else:
                leftovers.append(
                    Sisa(
                        halaman=part.page,
                        teks=join_lines(part.text),
                        alasan=UNMAPPED_CELL,
                        lokasi=part.key,
                    )
                )
    leftovers.sort(key=lambda s: (s.halaman, s.lokasi))
    summary = Akuntansi(
        tabel=name,
        halaman=table.pages,
        sel_terlihat=seen,
        sel_ditempatkan=placed,
        sel_sisa=seen - placed,
    )
    return summary, leftovers
