"""The data contract: frozen records passed between stages and published.

Published field names are Indonesian snake_case, as the data contracts give them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RencanaAksi(Record):
    """One indicator line of the Rencana Aksi table of a lampiran."""

    id: str = Field(
        description="Id stabil dari struktur: lampiran, area/kelompok, program, aksi, indikator"
    )
    dokumen_id: str = Field(description="Id dokumen dari blok judul, mis. perbup-magetan-14-2020")
    lampiran: int = Field(description="Nomor lampiran tempat tabel dicetak")
    kelompok: str | None = Field(
        description="Baris kelompok di atas area (mis. Manajemen Perubahan)"
    )
    area_no: str | None = Field(description="Nomor area tanpa titik penutup")
    area: str | None = Field(description="Area Reformasi Birokrasi, sebagaimana tercetak")
    hasil_indikator: str | None = Field(description="Hasil yang diharapkan dan indikator")
    program_no: str | None = Field(description="Nomor program tanpa titik penutup")
    program: str | None = Field(description="Nama program")
    aksi_no: str | None = Field(description="Huruf/nomor rencana aksi tanpa titik penutup")
    rencana_aksi: str | None = Field(description="Rencana aksi, sebagaimana tercetak")
    indikator_ke: int = Field(ge=1, description="Urutan baris indikator dalam rencana aksi")
    kriteria_keberhasilan: str | None = Field(description="Kriteria keberhasilan kegiatan")
    indikator_target: str | None = Field(description="Indikator dan target, sebagaimana tercetak")
    tahun_pelaksanaan: list[int] = Field(description="Tahun yang dicentang pada Waktu Pelaksanaan")
    penanggung_jawab_teks: str | None = Field(description="Penanggung jawab, sebagaimana tercetak")
    halaman_awal: int = Field(ge=1, description="Halaman PDF (mulai 1) awal baris")
    halaman_akhir: int = Field(ge=1, description="Halaman PDF (mulai 1) akhir baris")
    sumber_sha256: str = Field(description="sha256 berkas PDF sumber")


class Sisa(Record):
    """A piece of printed text that no record took: reported, never dropped silently."""

    halaman: int
    teks: str
    alasan: str
    lokasi: str = Field(description="Posisi pada halaman (x0,top dalam pt)")


class Akuntansi(Record):
    """Cell accounting of one table: every printed cell is placed or left over."""

    tabel: str
    halaman: list[int]
    sel_terlihat: int
    sel_ditempatkan: int
    sel_sisa: int
