"""Targets: real strings of the default PDF (read off its Lampiran II pages) and edge cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize.target import Status, canonical_units, parse_target

# (printed cell, nilai, nilai_maks, satuan, periode, pembanding, catatan, status)
REAL = [
    (
        "Jumlah rapat Tim/ Kelompok Kerja Reformasi Birokrasi yang dilaksanakan "
        "(12 (dua belas) kegiatan/tahun+ rekomendasi)",
        12, None, "kegiatan", "tahun", "=", "+ rekomendasi", Status.OK,
    ),
    (
        "Jumlah rapat Tim yang dilaksanakan (2 (dua) kegiatan/tahun dan rekomendasi/ dokumen "
        "hasil evaluasi produk hukum)",
        2, None, "kegiatan", "tahun", "=", "dan rekomendasi/ dokumen hasil evaluasi produk hukum",
        Status.OK,
    ),
    ("Jumlah anggaran kegiatan APIP (5 (lima)milyar/tahun)",
     5_000_000_000, None, "rupiah", "tahun", "=", None, Status.OK),
    (
        "Jumlah Laporan Hasil Pemeriksaan tindak lanjut (1 (satu)-30 (tiga puluh) Laporan Hasil "
        "Pemeriksaan/ tahun)",
        1, 30, "Laporan Hasil Pemeriksaan", "tahun", "=", None, Status.OK,
    ),
    (
        "% (persen) Kepala SKPD yang terlibat secara aktif dan berkelanjutan dalam pelaksanaan "
        "reformasi birokrasi (75% (tujuh puluh lima persen))",
        75, None, "persen", None, "=", None, Status.OK,
    ),
    (
        "Jumlah kegiatan rapat yang dilaksanakan (minimal 1(satu) kegiatan rapat/bulan + notulen "
        "hasil rapat)",
        1, None, "kegiatan", "bulan", ">=", "rapat + notulen hasil rapat", Status.OK,
    ),
    ("Jumlah kegiatan Evaluasi atas pelaksanaan Whistle Blowing System (1 (satu) kegiatan/tribulan)",
     1, None, "kegiatan", "triwulan", "=", None, Status.OK),
    ("Jumlah Peraturan Bupati yang mengatur tentang benturan kepentingan (1 (satu) PeraturanBupati)",
     1, None, "Peraturan Bupati", None, "=", None, Status.OK),
    ("Jumlah pelayanan yang dilaksanakan (... (.....) layanan)",
     None, None, None, None, None, None, Status.PLACEHOLDER),
    ("Meningkatnya profesionalisme Sumber Daya Manusia aparatur (Indeks Profesionalitas aparatur...%)",
     None, None, None, None, None, None, Status.PLACEHOLDER),
    ("Jumlah aplikasi yang di implementasikan",
     None, None, None, None, None, None, Status.NO_TARGET),
    # Words without digits, and a closing bracket with no opening one.
    ("Jumlah Peraturan Bupati tentang UKPBJ (satu) Peraturan Bupati)",
     None, None, None, None, None, None, Status.BROKEN),
    ("Jumlah aplikasi pelayanan online yang Dibuat 1 (satu) aplikasi)",
     1, None, "aplikasi", None, "=", None, Status.BROKEN),
    ("Informasi publik diupload/diinformasikan melalui web: www.magetankab.go.id",
     None, None, None, None, None, None, Status.NOT_A_NUMBER),
    ("Meningkatnya efektifitas pelaksanaan reformasi birokrasi (Indeks Reformasi Birokrasi minimal 65)",
     65, None, None, None, ">=", None, Status.OK),
    ("Meningkatnya kualitas pelayanan publik (Indeks Kepuasan Masyarakat minimal 80%)",
     80, None, "persen", None, ">=", None, Status.OK),
    ("Meningkatnya penyelenggaraan pemerintahan yang bersih (Wajar Tanpa Pengecualian)",
     None, None, None, None, None, None, Status.NOT_A_NUMBER),
    ("Meningkatnya penerapan sistem akuntabilitas kinerja(Nilai Akuntabilitas Kinerja Instansi Pemerintah A)",
     None, None, None, None, None, None, Status.NOT_A_NUMBER),
]  # fmt: skip
EDGE = [
    ("Jumlah dokumen (3 (dua) dokumen)", 3, None, "dokumen", None, "=", None, Status.INCONSISTENT),
    ("Jumlah kegiatan (maksimal 2 (dua) kegiatan/semester)",
     2, None, "kegiatan", "semester", "<=", None, Status.OK),
    ("Jumlah peserta (1.500 (seribu lima ratus) orang)", 1500, None, "orang", None, "=", None, Status.OK),
    ("Cakupan pelayanan (target SPM 100%)", 100, None, "persen", None, "=", None, Status.OK),
    ("", None, None, None, None, None, None, Status.NO_TARGET),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "nilai", "maks", "satuan", "periode", "pembanding", "catatan", "status"), REAL + EDGE
)
def test_parse_target(
    text: str,
    nilai: float | None,
    maks: float | None,
    satuan: str | None,
    periode: str | None,
    pembanding: str | None,
    catatan: str | None,
    status: Status,
) -> None:
    t = parse_target(text)
    assert (t.nilai, t.nilai_maks, t.satuan, t.periode, t.pembanding, t.catatan, t.status) == (
        nilai, maks, satuan, periode, pembanding, catatan, status,
    )  # fmt: skip


def test_indicator_and_target_text_split_without_loss() -> None:
    text = "Jumlah Keputusan Bupati yang disusun (1 (satu) Keputusan Bupati perubahan)"
    t = parse_target(text)
    assert t.indikator == "Jumlah Keputusan Bupati yang disusun"
    assert t.teks == "(1 (satu) Keputusan Bupati perubahan)"
    assert (t.terbilang, t.terbilang_cocok, t.catatan) == ("satu", True, "perubahan")
    assert f"{t.indikator} {t.teks}" == text


def test_number_inside_the_indicator_is_not_the_target() -> None:
    t = parse_target(
        "Jumlah dokumen proyeksi kebutuhan pegawai selama 5 (lima) tahun 1 (satu)dokumen)"
    )
    assert (t.nilai, t.satuan, t.status) == (1, "dokumen", Status.BROKEN)
    assert t.indikator == "Jumlah dokumen proyeksi kebutuhan pegawai selama 5 (lima) tahun"


def test_units_vocabulary_is_canonical() -> None:
    units = canonical_units()
    assert {"dokumen", "kegiatan", "kali", "persen", "rupiah", "SOP", "Peraturan Bupati"} <= set(
        units
    )


@settings(max_examples=300)
@given(st.text())
def test_parse_target_never_raises(text: str) -> None:
    t = parse_target(text)
    assert isinstance(t.status, Status)


@settings(max_examples=200)
@given(
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["dokumen", "kegiatan", "kali", "paket", "aplikasi"]),
)
def test_generated_targets_round_trip(n: int, unit: str) -> None:
    from pipeline.normalize.terbilang import terbilang

    t = parse_target(f"Jumlah sesuatu ({n} ({terbilang(n)}) {unit}/tahun)")
    assert (t.nilai, t.satuan, t.periode, t.status) == (n, unit, "tahun", Status.OK)
