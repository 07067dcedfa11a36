"""The data contract: frozen records passed between stages and published.

Published field names are Indonesian snake_case, as the data contracts give them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.vocabulary import Severity, SumberTeks, Tindakan

# The version of the published data contract (the models below): in every JSON Schema's
# `$id` and `version` and in datapackage.json. Raise the major number when a published field
# is removed or changes type, the minor one when fields are added.
CONTRACT_VERSION = "3.2.0"


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReadRecord(Record):
    """A record read from the PDF's text: `sumber_teks` says whether OCR read (some of) it,
    which is so exactly when it carries an OCR confidence; builders give only the latter."""

    @model_validator(mode="before")
    @classmethod
    def _source_from_confidence(cls, data: Any) -> Any:
        if isinstance(data, dict) and "sumber_teks" not in data:
            return {**data, "sumber_teks": "teks" if data.get("keyakinan_ocr") is None else "ocr"}
        return data


def _sumber_teks() -> Any:
    return Field("teks", description="teks: lapisan teks PDF; ocr: hasil OCR pindaian")


def _keyakinan_ocr() -> Any:
    return Field(
        None,
        ge=0,
        le=100,
        description="Keyakinan OCR terendah (0-100) atas kata-kata yang dibaca untuk record "
        "ini; kosong bila seluruhnya dari lapisan teks",
    )


def _keyakinan_nilai(nilai: str) -> Any:
    return Field(
        None,
        ge=0,
        le=100,
        description=f"Keyakinan OCR terendah (0-100) atas sel tempat {nilai} dibaca; kosong "
        "bila dari lapisan teks atau tidak tercetak",
    )


class RencanaAksi(ReadRecord):
    """One indicator line of the Rencana Aksi table of a lampiran."""

    id: str = Field(
        description="Id stabil dari struktur: lampiran, area/kelompok, program, aksi, indikator"
    )
    dokumen_id: str = Field(description="Id dokumen dari blok judul, mis. perbup-magetan-14-2020")
    lampiran: int = Field(
        description="Nomor urut lampiran (urutan di lampiran.csv) tempat tabel dicetak"
    )
    kelompok: str | None = Field(
        description="Baris kelompok di atas area (mis. Manajemen Perubahan)"
    )
    area_no: int | None = Field(
        description="Nomor area sebagai bilangan bulat (tercetak: area_no_tercetak); kosong "
        "bila tidak tercetak atau bukan angka"
    )
    area: str | None = Field(description="Area Reformasi Birokrasi, sebagaimana tercetak")
    area_cadangan: str | None = Field(
        None,
        description="Bila kolom area kosong: nama area dari tabel area perubahan yang disebut "
        "baris kelompok (mis. Akuntabilitas dari 'Penguatan Akuntabilitas')",
    )
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
    area_no_tercetak: str | None = Field(None, description="Nomor area persis tercetak (mis. 1.)")
    program_no_tercetak: str | None = Field(None, description="Nomor program persis tercetak")
    aksi_no_tercetak: str | None = Field(None, description="Nomor aksi persis tercetak")
    duplikat_dari: str | None = Field(
        None,
        description="Untuk blok yang tercetak dua kali: id record cetakan pertama (-> "
        "rencana_aksi.id); kosong untuk cetakan pertama dan record lain",
    )
    # Normalised from the printed cells (issue 4); the raw cells above are never overwritten.
    indikator: str | None = Field(None, description="Indikator tanpa targetnya")
    target_teks: str | None = Field(None, description="Target sebagaimana tercetak")
    target_nilai: int | float | None = Field(None, description="Nilai target (persen 0-100)")
    target_nilai_maks: int | float | None = Field(None, description="Batas atas rentang target")
    target_terbilang: str | None = Field(None, description="Terbilang sebagaimana tercetak")
    target_terbilang_cocok: bool | None = Field(None, description="Terbilang sesuai angka")
    target_satuan: str | None = Field(None, description="Satuan kanonik (data/satuan.csv)")
    target_periode: str | None = Field(None, description="tahun, semester, triwulan, bulan")
    target_pembanding: str | None = Field(None, description="=, >= (minimal), <= (maksimal)")
    target_catatan: str | None = Field(None, description="Sisa teks target")
    target_status: str | None = Field(
        None,
        description="ok, placeholder, tanpa_target, tidak_konsisten, format_rusak, bukan_angka",
    )
    hasil_target_teks: str | None = None
    hasil_target_nilai: int | float | None = None
    hasil_target_terbilang: str | None = None
    hasil_target_terbilang_cocok: bool | None = None
    hasil_target_satuan: str | None = None
    hasil_target_pembanding: str | None = None
    hasil_target_catatan: str | None = None
    hasil_target_status: str | None = None
    penanggung_jawab: list[str] = Field(
        default_factory=list, description="Unit kanonik dari glosarium definisi"
    )
    penanggung_jawab_saran: list[str] = Field(
        default_factory=list,
        description="Unit terdekat yang disarankan untuk nama penanggung jawab yang tidak "
        "dikenal (lihat penanggung_jawab.saran); bukan bagian dari naskah",
    )
    halaman_awal: int = Field(ge=1, description="Halaman PDF (mulai 1) awal baris")
    halaman_akhir: int = Field(ge=1, description="Halaman PDF (mulai 1) akhir baris")
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()
    # Per value (issue 17, item 5): the lowest OCR word confidence of the cell(s) each value
    # was read from; empty for text-layer records and for values no cell gave. The ticks of
    # tahun_pelaksanaan are no OCR reading: a scanned tick is counted from its cell's ink.
    keyakinan_nomor: float | None = _keyakinan_nilai("nomor area, program dan aksi")
    keyakinan_area: float | None = _keyakinan_nilai("area")
    keyakinan_hasil_indikator: float | None = _keyakinan_nilai("hasil_indikator")
    keyakinan_program: float | None = _keyakinan_nilai("program")
    keyakinan_rencana_aksi: float | None = _keyakinan_nilai("rencana_aksi")
    keyakinan_kriteria_keberhasilan: float | None = _keyakinan_nilai("kriteria_keberhasilan")
    keyakinan_indikator_target: float | None = _keyakinan_nilai("indikator_target")
    keyakinan_penanggung_jawab: float | None = _keyakinan_nilai("penanggung_jawab_teks")
    nomor_diperbaiki: list[str] = Field(
        default_factory=list,
        description="Nomor hasil OCR yang dibaca lain dan diperbaiki dari urutan nomornya, "
        "sebagai kolom=bacaan OCR (mis. aksi_no=Cc.); nilai kolom itu adalah perbaikannya",
    )
    sumber_sha256: str = Field(description="sha256 berkas PDF sumber")

    @field_validator("area_no", mode="before")
    @classmethod
    def _area_number(cls, value: Any) -> Any:
        """A printed number ("7", "07") as an integer; anything else (a misread "l") is no
        number: the printed text stays in area_no_tercetak."""
        if isinstance(value, str):
            return int(value) if value.strip().isascii() and value.strip().isdigit() else None
        return value


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


class Simpul(ReadRecord):
    """One node of the document tree (pasal.csv): preamble parts, BAB ... angka, penutup."""

    id: str = Field(
        description="Id dari hierarki, gaya eId Akoma Ntoso, mis. bab_3__pasal_4__ayat_2"
    )
    dokumen_id: str
    induk_id: str | None = Field(description="Id simpul induk")
    tingkat: str = Field(description="judul, menimbang, mengingat, menetapkan, bab, bagian, ...")
    nomor: str | None = Field(description="Nomor sebagaimana tercetak: III, Kesatu, 4, (2), a., 1.")
    judul: str | None = Field(description="Judul BAB/Bagian/Paragraf")
    teks: str | None = Field(description="Teks simpul itu sendiri, tanpa anak-anaknya")
    halaman_awal: int = Field(ge=1)
    halaman_akhir: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()
    sumber_sha256: str


class Menimbang(ReadRecord):
    id: str
    dokumen_id: str
    no: str | None = Field(description="Huruf poin (a, b, ...), kosong bila hanya satu poin")
    teks: str
    halaman_awal: int = Field(ge=1)
    halaman_akhir: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class DasarHukum(ReadRecord):
    id: str = Field(description="mengingat__angka_N, dan __perubahan_K untuk peraturan pengubah")
    dokumen_id: str
    no: str = Field(description="Nomor butir Mengingat")
    mengubah_id: str | None = Field(description="Id baris peraturan yang diubah oleh baris ini")
    hubungan: str | None = Field(description="diubah / diubah_terakhir")
    jenis: str
    jenis_lengkap: str
    nomor: str
    tahun: int | None  # None: a Keputusan cited by its register number, without Tahun
    tentang: str
    lembaran_negara_tahun: int | None = None
    lembaran_negara_nomor: str | None = None
    tambahan_lembaran_negara_nomor: str | None = None
    berita_negara_tahun: int | None = None
    berita_negara_nomor: str | None = None
    lembaran_daerah_tahun: int | None = None
    lembaran_daerah_nomor: str | None = None
    tambahan_lembaran_daerah_nomor: str | None = None
    berita_daerah_tahun: int | None = None
    berita_daerah_nomor: str | None = None
    teks: str = Field(description="Butir sebagaimana tercetak")
    halaman_awal: int = Field(ge=1)
    halaman_akhir: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class Definisi(ReadRecord):
    id: str
    dokumen_id: str
    no: str
    istilah: str
    definisi: str
    singkatan: str | None = Field(description="Dari 'yang selanjutnya disingkat/disebut X'")
    halaman: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class PerubahanPasal(ReadRecord):
    """One instruction of an amending regulation's Pasal I ("Ketentuan ayat (2) Pasal 45
    dihapus", "Di antara Pasal 2 dan Pasal 3 disisipkan 1 (satu) pasal, yakni Pasal 2A")."""

    id: str = Field(description="Id simpul instruksi, mis. pasal_i__angka_3")
    dokumen_id: str
    pasal: str = Field(description="Pasal (romawi) peraturan perubahan yang memuat instruksi")
    no: str | None = Field(description="Nomor urut instruksi sebagaimana tercetak")
    tindakan: Tindakan = Field(description="Tindakan atas ketentuan yang diubah")
    sasaran: Literal["lampiran", "pasal", "ayat", "huruf", "angka"] | None = Field(
        description="Tingkat terkecil ketentuan yang dituju"
    )
    sasaran_pasal: str | None = Field(description="Pasal yang dituju (baru: yang disisipkan)")
    sasaran_ayat: str | None = Field(description="Ayat yang dituju")
    sasaran_huruf: str | None = Field(description="Huruf yang dituju")
    sasaran_angka: str | None = Field(description="Angka yang dituju")
    sasaran_lampiran: str | None = Field(description="Lampiran yang dituju")
    teks: str = Field(description="Instruksi sebagaimana tercetak")
    isi_id: str | None = Field(description="Id simpul yang memuat rumusan baru (-> pasal.id)")
    halaman_awal: int = Field(ge=1)
    halaman_akhir: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class Penjelasan(ReadRecord):
    """One part of the Penjelasan (the elucidation printed after the body, "PENJELASAN ATAS
    ..."): its title, the general part (I. UMUM), and each item of II. PASAL DEMI PASAL keyed
    to the Pasal, ayat, huruf or angka it explains; the closing line (Tambahan Lembaran)."""

    id: str = Field(description="umum, pasal_demi_pasal__pasal_4__ayat_2, ...")
    dokumen_id: str
    induk_id: str | None = Field(description="Id bagian penjelasan induk")
    bagian: Literal["judul", "umum", "pasal_demi_pasal", "penutup"] = Field(
        description="Bagian penjelasan: judul, umum, pasal_demi_pasal, penutup"
    )
    tingkat: Literal[
        "judul", "umum", "pasal_demi_pasal", "pasal", "ayat", "huruf", "angka", "penutup"
    ] = Field(
        description="Tingkat: bagian itu sendiri, atau pasal/ayat/huruf/angka yang dijelaskan"
    )
    nomor: str | None = Field(description="Nomor sebagaimana tercetak: I, 4, (2), a, 1")
    judul: str | None = Field(
        description="Baris judul sebagaimana tercetak: I. UMUM, Pasal 4, Ayat (2)"
    )
    pasal: str | None = Field(description="Pasal yang dijelaskan (terdalam)")
    ayat: str | None = Field(description="Ayat yang dijelaskan")
    huruf: str | None = Field(description="Huruf yang dijelaskan")
    angka: str | None = Field(description="Angka yang dijelaskan")
    teks: str | None = Field(description="Teks penjelasan itu sendiri, tanpa anak-anaknya")
    cukup_jelas: bool = Field(description='Penjelasannya hanya "Cukup jelas."')
    simpul_id: str | None = Field(
        description="Id simpul batang tubuh yang dijelaskan (-> pasal.id); kosong bila batang "
        "tubuh tidak memuatnya"
    )
    halaman_awal: int = Field(ge=1)
    halaman_akhir: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class Pejabat(Record):
    jabatan: str
    nama: str | None


class Lampiran(Record):
    nomor: str | None = Field(
        description="Nomor lampiran sebagaimana tercetak (I, IA, II, 2); kosong bila lampiran "
        "dicetak tanpa nomor"
    )
    urutan: int = Field(
        ge=1,
        description="Nomor urut lampiran: nilai nomornya (II -> 2), atau tempat berikutnya "
        "bila nomornya bukan angka (IA sesudah I); dipakai dalam id (lampiran_2__...) dan "
        "kolom lampiran tabel lain",
    )
    judul: str | None
    halaman_awal: int
    halaman_akhir: int
    kepala: str | None = Field(None, description="Blok kepala lampiran sebagaimana tercetak")
    kepala_peraturan: str | None = Field(None, description="Peraturan yang disebut blok kepala")
    kepala_nomor: str | None = None
    kepala_tahun: int | None = None
    kepala_tanggal: str | None = Field(None, description="ISO 8601")
    tahun_jadwal: list[int] = Field(
        default_factory=list, description="Tahun pada kolom jadwal tabel Rencana Aksi lampiran ini"
    )


class Relasi(Record):
    """A relation to another regulation, in the JDIH status vocabulary."""

    status: str = Field(description="Mengubah, Diubah, Mencabut, Dicabut")
    dokumen_id: str = Field(description="Id dokumen yang dituju")
    judul: str = Field(description="Peraturan yang dituju, sebagaimana tercetak")


class Dokumen(Record):
    dokumen_id: str
    jenis: str | None
    singkatan_jenis: str | None
    daerah: str | None
    provinsi: str | None
    nomor: str | None
    tahun: int | None
    tentang: str | None
    tempat_penetapan: str | None
    tanggal_penetapan: str | None = Field(description="ISO 8601")
    penandatangan: Pejabat | None
    tempat_pengundangan: str | None
    tanggal_pengundangan: str | None = Field(description="ISO 8601")
    sekretaris_daerah: Pejabat | None
    berita_daerah_tahun: int | None
    berita_daerah_nomor: str | None
    lampiran: list[Lampiran]
    relasi: list[Relasi] = Field(
        default_factory=list, description="Peraturan yang diubah/dicabut oleh dokumen ini"
    )
    sumber_sha256: str
    jumlah_halaman: int
    halaman_ocr: list[int] = Field(
        default_factory=list,
        description="Halaman pindaian (tanpa lapisan teks) yang dibaca dengan OCR",
    )


class AreaPerubahan(ReadRecord):
    id: str
    dokumen_id: str
    lampiran: int
    tabel: str
    no: str | None
    area: str | None
    hasil: str | None
    halaman_awal: int
    halaman_akhir: int
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class HasilArea(ReadRecord):
    """One Hasil (expected result with its target) of an area of the Rencana Aksi table,
    printed in a merged cell beside all the area's rows: published once here, with how
    many indicator lines it stands beside, instead of being read from every record."""

    id: str = Field(
        description="Id dari struktur: id area rencana aksi dan urutan hasil di area itu, "
        "mis. lampiran_2__area_6__hasil_2"
    )
    dokumen_id: str
    lampiran: int
    kelompok: str | None = Field(description="Baris kelompok di atas area")
    area_no: int | None = Field(description="Nomor area sebagai bilangan bulat")
    area: str | None = Field(description="Area sebagaimana tercetak")
    area_cadangan: str | None = Field(description="Nama area cadangan (lihat rencana_aksi)")
    hasil_ke: int = Field(ge=1, description="Urutan hasil di dalam area")
    hasil_indikator: str | None = Field(description="Hasil yang diharapkan dan indikator")
    hasil_target_teks: str | None = Field(description="Target hasil sebagaimana tercetak")
    hasil_target_nilai: int | float | None = Field(description="Nilai target hasil")
    hasil_target_terbilang: str | None = Field(description="Terbilang target hasil")
    hasil_target_terbilang_cocok: bool | None = Field(description="Terbilang sesuai angka")
    hasil_target_satuan: str | None = Field(description="Satuan kanonik target hasil")
    hasil_target_pembanding: str | None = Field(description="=, >= (minimal), <= (maksimal)")
    hasil_target_status: str | None = Field(description="Status pembacaan target hasil")
    jumlah_indikator: int = Field(
        ge=1,
        description="Banyak baris indikator (record rencana_aksi, tanpa cetakan ulang) "
        "di samping hasil ini",
    )
    record_pertama: str = Field(description="Id record rencana_aksi pertama (-> rencana_aksi.id)")
    halaman_awal: int = Field(ge=1)
    halaman_akhir: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class Program(ReadRecord):
    id: str
    dokumen_id: str
    lampiran: int
    tabel: str
    no: str | None
    program: str | None
    kegiatan_ke: int
    kegiatan: str | None
    hasil: str | None
    halaman_awal: int
    halaman_akhir: int
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()


class Jadwal(Record):
    """tahun_pelaksanaan in long form: one row per record and checked year, keyed by
    (record_id, tahun)."""

    record_id: str = Field(description="rencana_aksi.id")
    tahun: int


class PenanggungJawab(Record):
    """Each piece of a Penanggung Jawab cell and the unit it resolves to."""

    id: str
    record_id: str = Field(description="rencana_aksi.id")
    urutan: int = Field(ge=1)
    teks: str = Field(description="Bagian sel sebagaimana tercetak")
    unit: str | None = Field(description="Unit kanonik (istilah definisi); kosong: tidak dikenal")
    cara: str = Field(description="definisi, singkatan, nama_lengkap, alias, tidak_dikenal")
    saran: str | None = Field(description="Unit terdekat untuk nama yang tidak dikenal")


class Temuan(Record):
    """A finding about the data: never an exception; each points at its place in the PDF."""

    id: str = Field(description="Id stabil: kode dan record/tabel yang ditunjuk")
    kode: str = Field(description="Kode aturan yang stabil, mis. target-placeholder")
    tingkat: Severity = Field(description="galat, peringatan, info")
    tabel: str = Field(description="Tabel terbitan tempat temuan")
    record_id: str | None = Field(description="Id baris yang ditunjuk, bila ada")
    kolom: str | None = Field(description="Kolom yang ditunjuk, bila ada")
    halaman: int | None = Field(description="Halaman PDF (mulai 1)")
    kutipan: str | None = Field(description="Teks yang bermasalah, persis seperti tercetak")
    pesan: str = Field(description="Pesan dalam Bahasa Indonesia")
    saran: str | None = Field(description="Saran perbaikan")


class Tabel(ReadRecord):
    """One logical lampiran table (tabel.csv): every ruled table is published, of any kind."""

    id: str = Field(description="Id tabel: lampiran dan label/urutan tabel")
    dokumen_id: str
    lampiran: int = Field(
        description="Nomor urut lampiran (urutan di lampiran.csv; 0: di luar lampiran)"
    )
    judul: str | None = Field(description="Judul atau keterangan di atas tabel")
    jenis: str | None = Field(
        description="Jenis yang dikenali: rencana_aksi, area_perubahan, program"
    )
    halaman_awal: int = Field(ge=1)
    halaman_akhir: int = Field(ge=1)
    sumber_teks: SumberTeks = _sumber_teks()
    keyakinan_ocr: float | None = _keyakinan_ocr()
    kolom: list[str] = Field(description="Nama kolom berkas tabel/<id>.csv")
    tipe_kolom: list[str] = Field(
        description="Tipe tiap kolom: teks, bilangan, rupiah, persen, ...; nilai untuk kolom "
        "<kolom>__nilai, keyakinan untuk kolom <kolom>__keyakinan (tabel hasil OCR)"
    )
    nomor_kolom: list[str] = Field(
        default_factory=list,
        description="Nomor kolom yang tercetak di bawah kepala tabel, sejajar dengan kolom "
        "(mis. (1), (19) = (3) + (17) + (18)); kosong untuk kolom tanpa nomor; daftar kosong "
        "bila tabel tidak mencetak baris nomor kolom",
    )
    baris: int = Field(ge=0, description="Jumlah baris data")
    berkas: str = Field(description="Berkas CSV tabel, relatif terhadap folder dokumen")
