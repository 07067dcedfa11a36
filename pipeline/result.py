"""What processing one PDF gives: its Dataset (the published tables) and, apart, the run's own
statistics; and the one registry of published tables that the writer, workbook, catalog, diff,
expectations, schemas and the OCR rule all read.

A light module on purpose: the writer, the validators and `pipeline diff` read results without
loading the extraction stack (pdfplumber, spaCy, OCR) that `pipeline.run` needs to make them.

Adding a published table: its model (pipeline/models.py), its mapper, and one `published(...)`
field on `Dataset` below. tests/test_table_registry.py walks the registry, so a table missing
from a consumer fails there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from pipeline.models import (
    AreaPerubahan,
    DasarHukum,
    Definisi,
    Dokumen,
    HasilArea,
    Jadwal,
    Menimbang,
    PenanggungJawab,
    Penjelasan,
    PerubahanPasal,
    Program,
    RencanaAksi,
    Simpul,
    Sisa,
    Tabel,
)

if TYPE_CHECKING:
    from pipeline.models import Akuntansi
    from pipeline.normalize.generic_table import FlatTable


@dataclass(frozen=True, slots=True)
class PublishedTable:
    """One published table: `<name>.csv` / `.json` in every document folder, a workbook sheet,
    a catalog table, a schema, and (with `suite`) a Great Expectations suite."""

    name: str
    model: type[BaseModel]
    # The columns that key a row (datapackage primaryKey, catalog primary key).
    key: tuple[str, ...] = ("id",)
    # column -> (referenced table, referenced column); "" is "this same table".
    references: tuple[tuple[str, tuple[str, str]], ...] = ()
    # The diff: its place among the tables compared by default (None: compared only on request),
    # the printed numbering (compared, but left out of the similarity text), the fields that
    # name a record in a one-line summary, and the fields that say what the item itself is
    # (empty: all content fields but the numbering).
    diff_rank: int | None = None
    numbering: frozenset[str] = frozenset()
    labels: tuple[str, ...] = ()
    similarity: tuple[str, ...] = ()
    # The fields quoted by the low-OCR-confidence finding (first non-empty wins); empty for a
    # table whose records carry no keyakinan_ocr.
    quoted: tuple[str, ...] = ()
    # Whether validations/expectations/<name>.json holds a suite for it.
    suite: bool = True


def published(model: type[BaseModel], **spec: Any) -> Any:
    """A Dataset field that is a published table (see PublishedTable for `spec`)."""
    return field(default_factory=list, metadata={"published": {"model": model, **spec}})


_RA_NUMBERING = (
    "area_no", "area_no_tercetak", "program_no", "program_no_tercetak", "aksi_no",
    "aksi_no_tercetak", "indikator_ke",
)  # fmt: skip


@dataclass(slots=True)
class Dataset:
    """One document's published tables as typed records: what `process()` makes and
    `load_folder()` reads back. Field order is the published order."""

    dokumen: Dokumen
    pasal: list[Simpul] = published(
        Simpul, references=(("induk_id", ("", "id")),), diff_rank=1,
        numbering=frozenset({"nomor"}), labels=("judul", "teks"), quoted=("teks", "judul"),
    )  # fmt: skip
    menimbang: list[Menimbang] = published(
        Menimbang, diff_rank=4, numbering=frozenset({"no"}), labels=("teks",), quoted=("teks",)
    )
    dasar_hukum: list[DasarHukum] = published(
        DasarHukum, references=(("mengubah_id", ("", "id")),), diff_rank=3,
        numbering=frozenset({"no"}), labels=("teks",), quoted=("teks",),
    )  # fmt: skip
    definisi: list[Definisi] = published(
        Definisi, diff_rank=2, numbering=frozenset({"no"}), labels=("istilah",),
        quoted=("istilah",),
    )  # fmt: skip
    perubahan_pasal: list[PerubahanPasal] = published(
        PerubahanPasal, references=(("isi_id", ("pasal", "id")),),
        numbering=frozenset({"no"}), quoted=("teks",),
    )  # fmt: skip
    penjelasan: list[Penjelasan] = published(
        Penjelasan, references=(("induk_id", ("", "id")), ("simpul_id", ("pasal", "id"))),
        numbering=frozenset({"nomor"}), labels=("judul", "teks"), quoted=("teks", "judul"),
    )  # fmt: skip
    lampiran: list[Simpul] = published(
        Simpul, references=(("induk_id", ("", "id")),), diff_rank=7,
        numbering=frozenset({"nomor"}), labels=("judul", "teks"), quoted=("teks", "judul"),
    )  # fmt: skip
    area_perubahan: list[AreaPerubahan] = published(
        AreaPerubahan, diff_rank=5, numbering=frozenset({"no"}), labels=("area", "hasil"),
        quoted=("area", "hasil"),
    )  # fmt: skip
    program: list[Program] = published(
        Program, diff_rank=6, numbering=frozenset({"no", "kegiatan_ke"}),
        labels=("kegiatan", "program"), quoted=("program", "kegiatan"),
    )  # fmt: skip
    rencana_aksi: list[RencanaAksi] = published(
        RencanaAksi, references=(("duplikat_dari", ("", "id")),), diff_rank=0,
        numbering=frozenset(_RA_NUMBERING), labels=("indikator_target", "rencana_aksi", "program"),
        # Rows inherit their area/program context; a moved row keeps its own cells only.
        similarity=("rencana_aksi", "kriteria_keberhasilan", "indikator_target",
                    "tahun_pelaksanaan", "penanggung_jawab_teks"),
        quoted=("rencana_aksi", "indikator_target"),
    )  # fmt: skip
    hasil_area: list[HasilArea] = published(
        HasilArea, references=(("record_pertama", ("rencana_aksi", "id")),),
        numbering=frozenset({"area_no", "hasil_ke"}), labels=("hasil_indikator", "area"),
        quoted=("hasil_indikator",),
    )  # fmt: skip
    tabel: list[Tabel] = published(Tabel, quoted=("judul", "id"), suite=False)
    # The rows of every generic table, by table id (free columns: plain dicts).
    tabel_isi: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Never published: per generic table, per row id, the columns whose value is a cell
    # merged down from the row before (printed once, repeated on each row it covers), as
    # the run's grid knows it. A folder read back (load_folder) has none.
    tabel_gabungan: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    jadwal: list[Jadwal] = published(
        Jadwal, key=("record_id", "tahun"), references=(("record_id", ("rencana_aksi", "id")),)
    )
    penanggung_jawab: list[PenanggungJawab] = published(
        PenanggungJawab, references=(("record_id", ("rencana_aksi", "id")),),
        numbering=frozenset({"urutan"}),
    )  # fmt: skip
    sisa: list[Sisa] = field(default_factory=list)
    # Rows of a published file that failed their model: (table, row index, row, error).
    invalid: list[tuple[str, int, dict[str, Any], str]] = field(default_factory=list)

    def table(self, name: str) -> list[Any]:
        return list(getattr(self, name))

    def published(self) -> list[tuple[PublishedTable, list[Any]]]:
        """Every published table with its records, in the published order."""
        return [(t, getattr(self, t.name)) for t in REGISTRY]


# The registry: every published table, in the published order.
REGISTRY: tuple[PublishedTable, ...] = tuple(
    PublishedTable(name=f.name, **f.metadata["published"])
    for f in fields(Dataset)
    if "published" in f.metadata
)
# Published table -> its record model.
TABLES: dict[str, type[BaseModel]] = {t.name: t.model for t in REGISTRY}
BY_NAME: dict[str, PublishedTable] = {t.name: t for t in REGISTRY}


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


@dataclass(slots=True, kw_only=True)
class DocumentResult(Dataset):
    """A processed PDF: its Dataset, and apart from it the run's own statistics (never
    published as tables)."""

    path: Path
    dokumen_id: str
    sha256: str
    page_count: int
    jdihn: dict[str, str]
    # Every lampiran table as a flat table (its columns, types and the cells it took); the
    # published rows are Dataset.tabel_isi.
    flat_tables: list[FlatTable] = field(default_factory=list)
    akuntansi: list[Akuntansi] = field(default_factory=list)
    teks: list[TextAccount] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # Page number -> its characters, for the report's highlights (upright pages only).
    glyphs: dict[int, PageGlyphs] = field(default_factory=dict)
    # (published table, record id) -> the boxes of the cells the record was read from
    # (rencana_aksi, area_perubahan, program), for the report's highlights.
    kotak: dict[tuple[str, str], tuple[CellBox, ...]] = field(default_factory=dict)

    # The names these tables had before the contract (kept for callers written before it).
    @property
    def simpul(self) -> list[Simpul]:
        return self.pasal

    @property
    def lampiran_simpul(self) -> list[Simpul]:
        return self.lampiran
