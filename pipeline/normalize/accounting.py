"""Cell accounting: every printed cell of a table lands in a record or in the leftovers."""

from __future__ import annotations

from pipeline.extract.glyphs import UNREADABLE
from pipeline.extract.layout import TextLine
from pipeline.extract.tables import LogicalTable
from pipeline.models import Akuntansi, Sisa
from pipeline.normalize.text import join_lines

UNMAPPED_CELL = "sel tabel tidak masuk ke rekaman mana pun"
FRAMED_TEXT = "teks di dalam bingkai tabel tidak terbaca sebagai sel; masuk ke teks naratif"
UNREADABLE_GLYPH = (
    "sel tabel memuat glif yang tidak dapat dibaca (font tanpa peta Unicode yang benar); "
    "ditandai \ufffd, periksa karakter yang tercetak di PDF"
)

FOOTNOTE_MARK = (
    "tanda catatan kaki (dicetak kecil dan terangkat) pada sel yang tidak diterbitkan "
    "bersama kolom <kolom>__catatan_kaki, mis. pada kepala kolom; catatannya tercetak di "
    "bawah tabel"
)


def account_table(
    name: str, table: LogicalTable, consumed: frozenset[int], noted: frozenset[int] = frozenset()
) -> tuple[Akuntansi, list[Sisa]]:
    """Every printed cell of `table` placed (its id in `consumed`) or left over; every
    footnote mark printed in it published (its cell's id in `noted`) or left over."""
    seen = placed = 0
    leftovers: list[Sisa] = []
    cells = list(table.header_cells) + table.body_cells()
    for cell in cells:
        for part in cell.parts:
            if id(cell) not in noted:
                leftovers.extend(
                    Sisa(halaman=part.page, teks=m.text, alasan=FOOTNOTE_MARK,
                         lokasi=f"p{part.page}@{m.x0:.1f},{m.top:.1f}")
                    for m in part.marks
                )  # fmt: skip
            if not part.text.strip():
                continue
            seen += 1
            published = id(cell) in consumed
            placed += published
            # Not published, or published but not as printed (a glyph nobody could read).
            reason = (
                UNMAPPED_CELL
                if not published
                else UNREADABLE_GLYPH
                if UNREADABLE in part.text
                else None
            )
            if reason:
                leftovers.append(
                    Sisa(
                        halaman=part.page,
                        teks=join_lines(part.text),
                        alasan=reason,
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


def framed_leftovers(lines: list[TextLine], framed: set[str]) -> list[Sisa]:
    """Content lines printed inside a table frame that no table piece read (`framed`, their
    keys): table text that went to the narrative text, each a leftover, so a table whose
    grid was not built never reads "left over 0"."""
    return [
        Sisa(halaman=ln.page, teks=ln.text, alasan=FRAMED_TEXT, lokasi=ln.key)
        for ln in lines
        if ln.key in framed
    ]
