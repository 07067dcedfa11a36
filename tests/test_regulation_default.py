"""The regulation body and Lampiran I of the default PDF. Expected values were read off the
PDF's pages 1-6 (title block, konsiderans, Pasal 1-6, closing formulas), page 7 (Lampiran I
header block) and pages 14-17 (Tabel 3.1 and 3.2), not copied from the output."""

from __future__ import annotations

from collections import Counter

from pipeline.normalize.jdihn import JDIHN_KEYS
from pipeline.run import DocumentResult


def test_dokumen_metadata(default_result: DocumentResult) -> None:
    d = default_result.dokumen
    assert (d.jenis, d.singkatan_jenis, d.daerah, d.provinsi) == (
        "Peraturan Bupati", "Perbup", "Kabupaten Magetan", "Jawa Timur",
    )  # fmt: skip
    assert (d.nomor, d.tahun) == ("14", 2020)
    assert d.tentang == "ROAD MAP REFORMASI BIROKRASI PEMERINTAH KABUPATEN MAGETAN TAHUN 2018-2023"
    assert (d.tempat_penetapan, d.tanggal_penetapan) == ("Magetan", "2020-03-26")
    assert (d.tempat_pengundangan, d.tanggal_pengundangan) == ("Magetan", "2020-03-26")
    assert d.penandatangan is not None
    assert (d.penandatangan.jabatan, d.penandatangan.nama) == ("BUPATI MAGETAN", "SUPRAWOTO")
    assert d.sekretaris_daerah is not None
    assert d.sekretaris_daerah.nama == "BAMBANG TRIANTO"
    assert (d.berita_daerah_tahun, d.berita_daerah_nomor) == (2020, "14")
    assert d.jumlah_halaman == 41
    # Lampiran I's number is printed in its header block (p7); Lampiran II prints none, and
    # its number is the one the body cites it by ("tercantum dalam Lampiran II").
    assert [(lp.nomor, lp.urutan, lp.halaman_awal, lp.halaman_akhir) for lp in d.lampiran] == [
        ("I", 1, 7, 19),
        ("II", 2, 20, 41),
    ]
    lamp1 = d.lampiran[0]
    assert (lamp1.kepala_nomor, lamp1.kepala_tahun, lamp1.kepala_tanggal) == (
        "14",
        2020,
        "2020-03-26",
    )
    assert d.lampiran[1].kepala is None  # Lampiran II prints no header block


def test_jdihn_record_has_exactly_the_feed_keys(default_result: DocumentResult) -> None:
    j = default_result.jdihn
    assert list(j) == list(JDIHN_KEYS)
    assert j["noPeraturan"] == "14" and j["tanggal_pengundangan"] == "2020-03-26"
    assert j["singkatanJenis"] == "PERBUP"
    assert j["sumber"] == "Berita Daerah Kabupaten Magetan Tahun 2020 Nomor 14"
    assert j["isbn"] == "-"


def test_konsiderans(default_result: DocumentResult) -> None:
    (m,) = default_result.menimbang  # one point, without a letter
    assert m.no is None and m.teks.startswith("bahwa dalam rangka pelaksanaan reformasi birokrasi")
    rows = {r.id: r for r in default_result.dasar_hukum}
    assert len([r for r in rows.values() if r.mengubah_id is None]) == 9  # items 1-9
    ubah = rows["mengingat__angka_2__perubahan_1"]
    assert (ubah.jenis, ubah.nomor, ubah.tahun, ubah.mengubah_id, ubah.hubungan) == (
        "Undang-Undang", "15", 2019, "mengingat__angka_2", "diubah",
    )  # fmt: skip
    ubah3 = rows["mengingat__angka_3__perubahan_1"]
    assert (ubah3.nomor, ubah3.tahun, ubah3.hubungan) == ("9", 2015, "diubah_terakhir")
    pmdn = rows["mengingat__angka_7__perubahan_1"]
    assert (pmdn.jenis_lengkap, pmdn.nomor, pmdn.berita_negara_tahun, pmdn.berita_negara_nomor) == (
        "Peraturan Menteri Dalam Negeri", "120", 2019, "157",
    )  # fmt: skip
    perda = rows["mengingat__angka_8"]
    assert (perda.lembaran_daerah_tahun, perda.lembaran_daerah_nomor) == (2016, "12")
    assert perda.tambahan_lembaran_daerah_nomor == "64"


def test_pasal_tree(default_result: DocumentResult) -> None:
    by_id = {n.id: n for n in default_result.simpul}
    pasal = [n.id for n in default_result.simpul if n.tingkat == "pasal"]
    assert pasal == [
        "bab_1__pasal_1",
        "bab_2__bagian_1__pasal_2",
        "bab_2__bagian_2__pasal_3",
        "bab_3__pasal_4",
        "bab_3__pasal_5",
        "bab_4__pasal_6",
    ]
    assert [by_id[f"bab_{k}"].judul for k in range(1, 5)] == [
        "KETENTUAN UMUM", "MAKSUD DAN TUJUAN", "ROAD MAP REFORMASI BIROKRASI", "KETENTUAN PENUTUP",
    ]  # fmt: skip
    assert (by_id["bab_2__bagian_1"].nomor, by_id["bab_2__bagian_1"].judul) == ("Kesatu", "Maksud")
    # "... sebagaimana dimaksud pada" / "ayat (1) dilakukan ..." is one ayat, not two.
    ayat = by_id["bab_3__pasal_5__ayat_2"]
    assert ayat.teks is not None and "pada ayat (1) dilakukan oleh Tim Pengarah" in ayat.teks
    assert ayat.induk_id == "bab_3__pasal_5"
    # Pasal 4 ayat (2) holds the sistematika list; "BAB I : PENDAHULUAN" is not a BAB node.
    ayat2 = by_id["bab_3__pasal_4__ayat_2"]
    assert ayat2.teks is not None and ayat2.teks.endswith("BAB V : PENUTUP")
    assert Counter(n.tingkat for n in default_result.simpul)["bab"] == 4
    assert Counter(n.tingkat for n in default_result.simpul)["ayat"] == 5


def test_definisi(default_result: DocumentResult) -> None:
    rows = default_result.definisi
    assert [d.no for d in rows] == [str(n) for n in range(1, 31)]
    short = {d.istilah: d.singkatan for d in rows if d.singkatan}
    assert short["Satuan Kerja Perangkat Daerah"] == "SKPD"
    assert short["Dinas Komunikasi dan Informatika"] == "Dinas Kominfo"
    assert short["Badan Kepegawaian Daerah"] == "BKD"
    assert short["Tim Penilaian Mandiri Pelaksanaan Reformasi Birokrasi"] == "Tim PMPRB"
    d16 = next(d for d in rows if d.no == "16")
    assert (d16.istilah, d16.singkatan, d16.definisi) == (
        "Dinas Arpus", None, "Dinas Arsip dan Perpustakaan Kabupaten Magetan.",
    )  # fmt: skip
    assert {d.halaman for d in rows} == {3, 4}


def test_lampiran_1_text_and_tables(default_result: DocumentResult) -> None:
    nodes = {n.id: n for n in default_result.lampiran_simpul}
    babs = [n.judul for n in default_result.lampiran_simpul if n.tingkat == "bab"]
    assert babs[:3] == [
        "PENDAHULUAN",
        "GAMBARAN BIROKRASI PEMERINTAH KABUPATEN",
        "AGENDA REFORMASI BIROKRASI PEMERINTAH KABUPATEN",
    ]
    assert len(babs) == 5
    assert nodes["lampiran_1__bab_4__bagian_a"].judul == "Monitoring"
    areas = default_result.area_perubahan
    assert [a.no for a in areas] == [str(n) for n in range(1, 9)]
    assert (areas[0].area, areas[0].tabel) == ("Organisasi", "tabel_3_1")
    per_program = Counter(p.no for p in default_result.program)
    # Counted on pages 15-17: kegiatan per program 1..8 (program 8: one on page 16, five on
    # page 17, the first of them opening the page with a row of its own).
    assert [per_program[str(n)] for n in range(1, 9)] == [9, 3, 2, 5, 10, 9, 2, 6]
    first = default_result.program[0]
    assert (first.program, first.kegiatan) == (
        "Manajemen Perubahan (Mental Aparatur/Pola Pikir dan Budaya Kerja)",
        "Penguatan tim reformasi birokrasi",
    )
