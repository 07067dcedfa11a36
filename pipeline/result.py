"""What processing one PDF gives: its records, table by table, and the run's own statistics.

A light module on purpose: the writer, the validators and `pipeline diff` read results without
loading the extraction stack (pdfplumber, spaCy, OCR) that `pipeline.run` needs to make them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.models import (
        Akuntansi,
        AreaPerubahan,
        DasarHukum,
        Definisi,
        Dokumen,
        Jadwal,
        Menimbang,
        PenanggungJawab,
        PerubahanPasal,
        Program,
        RencanaAksi,
        Simpul,
        Sisa,
        Tabel,
    )
    from pipeline.normalize.generic_table import FlatTable


@dataclass(frozen=True, slots=True)
class TextAccount:
    """Characters (non-space) printed on the pages of a text part, counted from the pages
    themselves: how many landed in its nodes, how many elsewhere (table cells, captions,
    page numbers, lampiran header blocks, running heads and footers), and how many nowhere."""

    bagian: str
    karakter_terlihat: int
    karakter_dalam_simpul: int
    karakter_di_luar_simpul: int = 0

    @property
    def karakter_hilang(self) -> int:
        return self.karakter_terlihat - self.karakter_dalam_simpul - self.karakter_di_luar_simpul


# One printed character as the report needs it: text, x0, top, x1, bottom, size.
Glyph = tuple[str, float, float, float, float, float]


@dataclass(frozen=True, slots=True)
class PageGlyphs:
    """The characters read on one page (its text layer, or OCR's words on a scan), kept from
    extraction so that the report finds its quotations without parsing the page again."""

    width: float
    height: float
    bbox: tuple[float, float, float, float]
    chars: tuple[Glyph, ...]

    def char_dicts(self) -> list[dict[str, object]]:
        """pdfplumber-style char objects (the keys its text map reads)."""
        return [
            {"text": t, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
             "upright": True, "size": size, "width": x1 - x0, "height": bottom - top}
            for t, x0, top, x1, bottom, size in self.chars
        ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class CellBox:
    """Where one cell of a table record is printed: the published field it gave (`kolom`),
    its page and its box (x0, top, x1, bottom in pt). Presentation only: the report draws
    a finding inside its record's own cell; nothing is published from it."""

    kolom: str
    halaman: int
    bbox: tuple[float, float, float, float]


@dataclass(slots=True)
class DocumentResult:
    path: Path
    dokumen_id: str
    sha256: str
    page_count: int
    dokumen: Dokumen
    jdihn: dict[str, str]
    simpul: list[Simpul]
    menimbang: list[Menimbang]
    dasar_hukum: list[DasarHukum]
    definisi: list[Definisi]
    perubahan_pasal: list[PerubahanPasal]
    lampiran_simpul: list[Simpul]
    area_perubahan: list[AreaPerubahan]
    program: list[Program]
    rencana_aksi: list[RencanaAksi]
    tabel: list[Tabel]
    tabel_isi: list[FlatTable]
    jadwal: list[Jadwal]
    penanggung_jawab: list[PenanggungJawab]
    sisa: list[Sisa]
    akuntansi: list[Akuntansi]
    teks: list[TextAccount] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # Page number -> its characters, for the report's highlights (upright pages only).
    glyphs: dict[int, PageGlyphs] = field(default_factory=dict)
    # (published table, record id) -> the boxes of the cells the record was read from
    # (rencana_aksi, area_perubahan, program), for the report's highlights.
    kotak: dict[tuple[str, str], tuple[CellBox, ...]] = field(default_factory=dict)
