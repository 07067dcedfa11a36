"""Normalised targets, schedule and units on the default PDF (values read off Lampiran II)."""

from __future__ import annotations

from collections import Counter

from pipeline.run import DocumentResult


def _rec(result: DocumentResult, suffix: str):
    (rec,) = [r for r in result.rencana_aksi if r.id == f"lampiran_2__{suffix}"]
    return rec


def test_jadwal_is_the_long_form_of_tahun_pelaksanaan(default_result: DocumentResult) -> None:
    long = Counter(j.record_id for j in default_result.jadwal)
    for r in default_result.rencana_aksi:
        assert long[r.id] == len(r.tahun_pelaksanaan)
    # keyed by (record_id, tahun): no schedule row twice
    keys = {(j.record_id, j.tahun) for j in default_result.jadwal}
    assert len(keys) == len(default_result.jadwal)


def test_targets_read_off_the_pdf(default_result: DocumentResult) -> None:
    # Page 34: "Jumlah anggaran kegiatan APIP (5 (lima)milyar/tahun)".
    apip = _rec(default_result, "area_6__program_7__aksi_d__indikator_1")
    assert (apip.target_nilai, apip.target_satuan, apip.target_periode) == (
        5_000_000_000,
        "rupiah",
        "tahun",
    )
    # Page 40: QuickWins 1, "(... (.....) layanan)".
    qw = _rec(default_result, "kelompok_quickwins_reformasi_birokasi__aksi_1__indikator_1")
    assert (qw.target_status, qw.target_nilai) == ("placeholder", None)
    # Page 20: "(12 (dua belas) kegiatan/tahun+ rekomendasi)".
    rapat = _rec(default_result, "area_1__program_1__aksi_c__indikator_1")
    assert (rapat.target_nilai, rapat.target_terbilang, rapat.target_terbilang_cocok) == (
        12,
        "dua belas",
        True,
    )
    assert rapat.indikator_target and rapat.indikator  # raw kept next to the normalised
    # Hasil of area 1: "(80 % (delapan puluh persen) aparatur integritasnya tinggi)".
    assert (rapat.hasil_target_nilai, rapat.hasil_target_satuan) == (80, "persen")
    statuses = Counter(r.target_status for r in default_result.rencana_aksi)
    assert statuses["placeholder"] == 2  # QuickWins 1 and 2 (page 40)


def test_responsible_units(default_result: DocumentResult) -> None:
    unresolved = {(p.teks, p.saran) for p in default_result.penanggung_jawab if p.unit is None}
    # Page 27 prints "Disarplus" (twice); the document defines "Dinas Arpus".
    assert unresolved == {("Disarplus", "Dinas Arpus")}
    both = _rec(
        default_result, "area_4__program_2__aksi_c__indikator_2"
    )  # "BPPKAD dan Dinas Kominfo"
    assert both.penanggung_jawab == [
        "Badan Pendapatan, Pengelolaan Keuangan dan Aset Daerah",
        "Dinas Komunikasi dan Informatika",
    ]
    assert both.penanggung_jawab_teks == "BPPKAD dan Dinas Kominfo"
