"""Every lampiran table, of any kind, through the generic machinery. Each generated PDF has
its expected CSV written out here by hand from the table drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, portrait

from pipeline.publish.writer import publish
from pipeline.run import DocumentResult, process
from pipeline.validate.engine import dataset_of, validate
from tests.pdfgen import C, PageSpec, draw_table, make_pdf


def H(text: str, **kw: int) -> C:  # noqa: N802 - a header cell, as printed
    return C(text, bold=True, **kw)


def published_csv(result: DocumentResult, tmp: Path, index: int = 0) -> str:
    folder = publish(result, tmp / "out")
    return (folder / result.tabel[index].berkas).read_text("utf-8")


TARIF = [
    [H("No"), H("Jenis Retribusi"), H("Tarif (Rp)")],
    [C("A. RETRIBUSI JASA UMUM", colspan=3, bold=True), None, None],
    [C("1."), C("Pelayanan Kesehatan", colspan=2), None],
    [C("a."), C("Rawat jalan"), C("25.000")],
    [C("b."), C("Rawat inap"), C("150.000")],
    [C("d."), C("Laboratorium"), C("Rp 40.000,-")],
    [C("2."), C("Pelayanan Persampahan", colspan=2), None],
    [C("a."), C("Rumah tangga"), C("5.000")],
    [C("b."), C("Niaga"), C("1O.000")],
    [C(""), C("Jumlah"), C("230.000")],
]
TARIF_CSV = """\
id,no,jenis_retribusi,tarif_rp,tarif_rp__nilai,kelompok,no_induk,halaman_awal,halaman_akhir
lampiran_0__tabel_1__1__no_a,a.,Rawat jalan,25.000,25000,A. RETRIBUSI JASA UMUM,1. Pelayanan Kesehatan,1,1
lampiran_0__tabel_1__1__no_b,b.,Rawat inap,150.000,150000,A. RETRIBUSI JASA UMUM,1. Pelayanan Kesehatan,1,1
lampiran_0__tabel_1__1__no_d,d.,Laboratorium,"Rp 40.000,-",40000,A. RETRIBUSI JASA UMUM,1. Pelayanan Kesehatan,1,1
lampiran_0__tabel_1__2__no_a,a.,Rumah tangga,5.000,5000,A. RETRIBUSI JASA UMUM,2. Pelayanan Persampahan,1,1
lampiran_0__tabel_1__2__no_b,b.,Niaga,1O.000,,A. RETRIBUSI JASA UMUM,2. Pelayanan Persampahan,1,1
lampiran_0__tabel_1__jumlah,,Jumlah,230.000,230000,A. RETRIBUSI JASA UMUM,2. Pelayanan Persampahan,1,1
"""


def test_tariff_table_with_nested_numbering_and_a_total_row(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "tarif.pdf", [40, 260, 120],
                   [PageSpec(rows=TARIF, title="LAMPIRAN TARIF RETRIBUSI")])  # fmt: skip
    result = process(pdf)
    assert published_csv(result, tmp_path) == TARIF_CSV
    (table,) = result.tabel
    assert (table.judul, table.jenis, table.baris) == ("LAMPIRAN TARIF RETRIBUSI", None, 6)
    assert result.akuntansi[0].sel_sisa == 0
    found = {
        (t.kode, t.record_id, t.kutipan)
        for t in validate(dataset_of(result))
        if t.kode.startswith("tabel")
    }
    assert found == {
        ("tabel-jumlah-tidak-cocok", "lampiran_0__tabel_1__jumlah", "230.000"),  # 220.000 counted
        ("tabel-nomor-terlewat", "lampiran_0__tabel_1__1__no_d", "d."),
        ("tabel-tipe-tidak-cocok", "lampiran_0__tabel_1__2__no_b", "1O.000"),  # letter O
    }


def test_two_level_header_is_flattened(tmp_path: Path) -> None:
    rows = [
        [H("No", rowspan=2), H("Kecamatan", rowspan=2), H("Jumlah Penduduk", colspan=2), None,
         H("Keterangan", rowspan=2)],
        [None, None, H("L"), H("P"), None],
        [C("1"), C("Magetan"), C("1.250"), C("1.300"), C("-")],
        [C("2"), C("Maospati"), C("980"), C("1.010"), C("padat")],
    ]  # fmt: skip
    pdf = make_pdf(tmp_path / "dua.pdf", [30, 120, 70, 70, 100], [PageSpec(rows=rows)])
    result = process(pdf)
    assert published_csv(result, tmp_path) == (
        "id,no,kecamatan,jumlah_penduduk_l,jumlah_penduduk_l__nilai,jumlah_penduduk_p,"
        "jumlah_penduduk_p__nilai,keterangan,halaman_awal,halaman_akhir\n"
        "lampiran_0__tabel_1__no_1,1,Magetan,1.250,1250,1.300,1300,-,1,1\n"
        "lampiran_0__tabel_1__no_2,2,Maospati,980,980,1.010,1010,padat,1,1\n"
    )


def test_table_over_three_pages_without_repeated_header(tmp_path: Path) -> None:
    header = [[H("No"), H("Desa"), H("Alokasi (Rp)")]]
    pages = [
        PageSpec(rows=header + [[C("1"), C("Bendo"), C("271.000")], [C("2"), C("Carat"), C("150.500")]]),
        PageSpec(rows=[[C("3"), C("Duwet"), C("90.000")], [C("4"), C("Gebyok\nKulon"), C("")]]),
        PageSpec(rows=[[C(""), C("Wetan"), C("12.000")], [C("5"), C("Kembangan"), C("8.000")]]),
    ]  # fmt: skip
    result = process(make_pdf(tmp_path / "tiga.pdf", [30, 150, 100], pages))
    (table,) = result.tabel
    assert (table.halaman_awal, table.halaman_akhir, table.baris) == (1, 3, 5)
    assert published_csv(result, tmp_path) == (
        "id,no,desa,alokasi_rp,alokasi_rp__nilai,halaman_awal,halaman_akhir\n"
        "lampiran_0__tabel_1__no_1,1,Bendo,271.000,271000,1,1\n"
        "lampiran_0__tabel_1__no_2,2,Carat,150.500,150500,1,1\n"
        "lampiran_0__tabel_1__no_3,3,Duwet,90.000,90000,2,2\n"
        "lampiran_0__tabel_1__no_4,4,Gebyok Kulon Wetan,12.000,12000,2,3\n"
        "lampiran_0__tabel_1__no_5,5,Kembangan,8.000,8000,3,3\n"
    )


def test_two_different_tables_on_one_page(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "dua-tabel.pdf"
    canvas = Canvas(str(path), pagesize=portrait(A4), invariant=1)
    canvas.setFont("VeraBd", 10)
    canvas.drawString(40, 800, "Tabel 1 Jumlah Sekolah")
    bottom = draw_table(canvas, 40, 50, [30, 150], [[H("No"), H("Sekolah")], [C("1"), C("SDN 1")]])
    canvas.setFont("VeraBd", 10)
    canvas.drawString(40, 842 - bottom - 30, "Tabel 2 Anggaran")
    draw_table(canvas, 40, bottom + 40, [120, 100, 80],
               [[H("Kegiatan"), H("Pagu (Rp)"), H("Tahun")], [C("Rehab"), C("1.500.000,50"), C("2021")]])  # fmt: skip
    canvas.showPage()
    canvas.save()
    result = process(path)
    assert [(t.id, t.judul, t.baris) for t in result.tabel] == [
        ("lampiran_0__tabel_1", "Tabel 1 Jumlah Sekolah", 1),
        ("lampiran_0__tabel_2", "Tabel 2 Anggaran", 1),
    ]
    (row,) = result.flat_tables[1].rows
    assert (row["pagu_rp__nilai"], row["tahun__nilai"]) == (1500000.5, 2021)


def test_default_tables_come_from_the_same_machinery(default_result: DocumentResult) -> None:
    assert [
        (t.id, t.jenis, t.baris, t.halaman_awal, t.halaman_akhir) for t in default_result.tabel
    ] == [
        ("lampiran_1__tabel_3_1", "area_perubahan", 8, 14, 14),
        ("lampiran_1__tabel_3_2", "program", 46, 15, 17),
        ("lampiran_2__tabel_1", "rencana_aksi", 169, 20, 41),
    ]
    ra = default_result.flat_tables[2]
    first = ra.rows[0]
    assert first["kelompok"] == "Manajemen Perubahan"
    assert first["rencana_aksi_induk"] == "1. Tim Reformasi Birokrasi"
    assert first["waktu_pelaksanaan_2020__nilai"] is True
    assert first["waktu_pelaksanaan_2019__nilai"] is False


def test_repeated_number_and_empty_cell_in_a_full_column(tmp_path: Path) -> None:
    rows = [[H("No"), H("Desa"), H("Alokasi (Rp)")]] + [
        [C(no), C(desa), C(value)]
        for no, desa, value in [
            ("1", "Bendo", "271.000"), ("2", "Carat", "150.500"), ("3", "Duwet", "90.000"),
            ("4", "Gebyok", "12.000"), ("3", "Kembangan", ""), ("6", "Lembeyan", "8.000"),
        ]
    ]  # fmt: skip
    result = process(make_pdf(tmp_path / "desa.pdf", [30, 150, 100], [PageSpec(rows=rows)]))
    found = {
        (t.kode, t.kutipan) for t in validate(dataset_of(result)) if t.kode.startswith("tabel")
    }
    assert found == {
        ("tabel-nomor-ganda", "3"),  # printed again after 4
        ("tabel-nomor-terlewat", "6"),  # 3 then 6
        ("tabel-sel-kosong", None),  # Kembangan has no amount, all others do
    }
    # Limit: a number printed twice on consecutive rows reads like one merged cell.


def test_a_number_printed_without_its_dot_goes_on_its_list(tmp_path: Path) -> None:
    """PP 56/2014's tariff table prints "II.", "III", "IV.": the label missing its dot is the
    next number of the same list, so "IV." skips nothing; a real gap is still reported."""
    rows = [[H("No"), H("Jenis"), H("Tarif (Rp)")]] + [
        [C(no), C(jenis), C(value)]
        for no, jenis, value in [
            ("I.", "Perizinan", "1.000"), ("II.", "Penunjukan", "2.000"),
            ("III", "Ujian", "3.000"), ("IV.", "Pelatihan", "4.000"),
            ("VI.", "Pendidikan", "5.000"),
        ]
    ]  # fmt: skip
    result = process(make_pdf(tmp_path / "romawi.pdf", [40, 150, 100], [PageSpec(rows=rows)]))
    found = {
        (t.kode, t.kutipan) for t in validate(dataset_of(result)) if t.kode.startswith("tabel")
    }
    assert found == {("tabel-nomor-terlewat", "VI.")}  # IV. then VI.; nothing after "III"


def test_column_numbers_repeated_under_a_plain_header_are_no_rows(tmp_path: Path) -> None:
    """No bold anywhere (a scan reads none): the "(1) (2) (3)" row under the header is
    header on every page it is repeated on, never a data row."""
    head = [[C("No"), C("Program"), C("Kegiatan")], [C("(1)"), C("(2)"), C("(3)")]]
    page1 = [*head, [C("1."), C("Satu"), C("Menyusun dokumen")], [C("2."), C("Dua"), C("Rapat")]]
    page2 = [*head, [C("3."), C("Tiga"), C("Evaluasi")], [C("4."), C("Empat"), C("Laporan")]]
    pdf = make_pdf(tmp_path / "plain.pdf", [40, 160, 200],
                   [PageSpec(rows=page1, title="LAMPIRAN PROGRAM"), PageSpec(rows=page2)])  # fmt: skip
    (table,) = process(pdf).flat_tables
    assert [row["no"] for row in table.rows] == ["1.", "2.", "3.", "4."]


def test_amounts_with_a_unit_and_wrapped_figures_are_typed(tmp_path: Path) -> None:
    """A tariff counted per use ("600.000/pemakaian", as Banjarnegara p115 prints it) gets
    its value and unit; a figure wrapped inside its narrow cell ("24,0" over "2", as
    Donggala p12 prints it) is typed as one figure, the printed text kept as printed."""
    rows = [
        [H("No"), H("Uraian"), H("Tarif (Rp)"), H("Skor")],
        [C("1."), C("Senin s.d Jum'at"), C("600.000/pemakaian"), C("26,87")],
        [C("2."), C("Sabtu, Minggu/Hari Libur"), C("1.150.000/pemakaian"), C("24,0\n2")],
        [C("3."), C("Pemakaian Malam"), C("Rp 1.500.000,00"), C("0,63")],
    ]
    result = process(make_pdf(tmp_path / "satuan.pdf", [30, 200, 130, 40], [PageSpec(rows=rows)]))
    (table,) = result.flat_tables
    assert table.published_columns() == [
        "id", "no", "uraian", "tarif_rp", "tarif_rp__nilai", "tarif_rp__satuan", "skor",
        "skor__nilai", "halaman_awal", "halaman_akhir",
    ]  # fmt: skip
    got = [(r["tarif_rp__nilai"], r["tarif_rp__satuan"], r["skor"], r["skor__nilai"])
           for r in table.rows]  # fmt: skip
    assert got == [
        (600000, "pemakaian", "26,87", 26.87),
        (1150000, "pemakaian", "24,0 2", 24.02),
        (1500000, None, "0,63", 0.63),
    ]
    assert not [t for t in validate(dataset_of(result)) if t.kode == "tabel-tipe-tidak-cocok"]


def test_nested_list_numbering_in_the_text_column_becomes_parent_columns(tmp_path: Path) -> None:
    """Banjarnegara p115 prints the use of a hall as nested items in the text column: 'b)
    Dinas/Instansi/Sekolah' over '(1) Pemakaian Siang' over '(a) Senin s.d Jum'at' with
    the tariff. Each numbered row with nothing else printed heads the deeper rows below it;
    a style seen again ('(2)') closes the deeper level."""
    rows = [
        [H("No"), H("Jenis Pelayanan"), H("Tarif (Rp)")],
        [C("1."), C("Gedung Serbaguna"), C("")],
        [C(""), C("a) Umum"), C("")],
        [C(""), C("(1) Pemakaian Siang"), C("")],
        [C(""), C("(a) Senin s.d Jum'at"), C("700.000/pemakaian")],
        [C(""), C("(b) Sabtu, Minggu/Hari Libur"), C("1.300.000/pemakaian")],
        [C(""), C("b) Dinas/Instansi/Sekolah"), C("")],
        [C(""), C("(1) Pemakaian Siang"), C("")],
        [C(""), C("(a) Senin s.d Jum'at"), C("600.000/pemakaian")],
        [C(""), C("(2) Pemakaian Malam"), C("")],
        [C(""), C("(a) Senin s.d Jum'at"), C("1.200.000/pemakaian")],
        [C(""), C("c) Pemakaian Halaman"), C("250.000/hari")],
    ]
    result = process(make_pdf(tmp_path / "nested.pdf", [30, 250, 130], [PageSpec(rows=rows)]))
    (table,) = result.flat_tables
    got = [
        (r.get("no_induk"), r["jenis_pelayanan"], r.get("jenis_pelayanan_induk"),
         r.get("jenis_pelayanan_induk_2"), r["tarif_rp__nilai"], r["tarif_rp__satuan"])
        for r in table.rows
    ]  # fmt: skip
    # "1. Gedung Serbaguna", numbered with nothing else printed, heads the lettered items.
    gedung = "1. Gedung Serbaguna"
    assert got == [
        (gedung, "(a) Senin s.d Jum'at", "a) Umum", "(1) Pemakaian Siang", 700000, "pemakaian"),
        (gedung, "(b) Sabtu, Minggu/Hari Libur", "a) Umum", "(1) Pemakaian Siang", 1300000,
         "pemakaian"),
        (gedung, "(a) Senin s.d Jum'at", "b) Dinas/Instansi/Sekolah", "(1) Pemakaian Siang",
         600000, "pemakaian"),
        (gedung, "(a) Senin s.d Jum'at", "b) Dinas/Instansi/Sekolah", "(2) Pemakaian Malam",
         1200000, "pemakaian"),
        (gedung, "c) Pemakaian Halaman", None, None, 250000, "hari"),
    ]  # fmt: skip
    assert result.akuntansi[0].sel_sisa == 0


def test_a_plain_numbered_list_without_values_stays_data(tmp_path: Path) -> None:
    rows = [
        [H("No"), H("Uraian"), H("Keterangan")],
        [C("1."), C("Persyaratan"), C("wajib")],
        [C(""), C("a. fotokopi KTP"), C("")],
        [C(""), C("b. pas foto"), C("")],
        [C(""), C("c. surat pengantar"), C("")],
    ]
    result = process(make_pdf(tmp_path / "list.pdf", [30, 250, 100], [PageSpec(rows=rows)]))
    (table,) = result.flat_tables
    assert [r["uraian"] for r in table.rows] == [
        "Persyaratan", "a. fotokopi KTP", "b. pas foto", "c. surat pengantar",
    ]  # fmt: skip


def test_a_figure_under_a_figure_at_the_top_of_a_page_starts_a_row(tmp_path: Path) -> None:
    """Donggala 24/2025 Lampiran IV p47 opens with the norma 'tidak terdapat Kebijakan ...'
    (lower case, as a sentence going on would) and the skor 1, under the row closing p46
    with the skor 2: a skor is one figure, never half on each page, so it is a row of its
    own (it was glued into the row above, skor '2 1')."""
    header = [H("Variabel"), H("Norma Penilaian"), H("Skor")]
    page1 = [
        header,
        [C("Kebijakan desa", rowspan=2), C("Adanya kebijakan dan sudah diterapkan"), C("3")],
        [None, C("Adanya kebijakan namun belum diterapkan"), C("2")],
    ]
    page2 = [
        [C(""), C("tidak terdapat kebijakan"), C("1")],
        [C("Kelembagaan", rowspan=3), C("Ada forum yang aktif"), C("3")],
        [None, C("Ada forum namun tidak aktif"), C("2")],
        [None, C("tidak ada forum"), C("1")],
    ]
    pages = [PageSpec(rows=page1, title="INDIKATOR KINERJA"), PageSpec(rows=page2)]
    (table,) = process(make_pdf(tmp_path / "skor.pdf", [120, 220, 40], pages)).flat_tables
    got = [(r["variabel"], r["norma_penilaian"], r["skor"]) for r in table.rows]
    assert got == [
        ("Kebijakan desa", "Adanya kebijakan dan sudah diterapkan", "3"),
        ("Kebijakan desa", "Adanya kebijakan namun belum diterapkan", "2"),
        ("Kebijakan desa", "tidak terdapat kebijakan", "1"),
        ("Kelembagaan", "Ada forum yang aktif", "3"),
        ("Kelembagaan", "Ada forum namun tidak aktif", "2"),
        ("Kelembagaan", "tidak ada forum", "1"),
    ]


def _table_findings(result: DocumentResult) -> set[tuple[str, str | None, str | None]]:
    return {
        (t.kode, t.record_id, t.kutipan)
        for t in validate(dataset_of(result))
        if t.kode.startswith("tabel")
    }


def test_table_findings_fire_only_where_a_value_is_certainly_missing(tmp_path: Path) -> None:
    """As Banjarnegara 8/2025 prints its tariffs: a numbered heading over its lettered items
    (p96 '6. Pabrik Industri') is an item of the list 5., 7. run in, not a gap; a note in
    place of the figures (p95 'Sesuai SSH (standar satuan harga)') is no misprinted figure;
    two services priced by agreement side by side (p28 MOW, MOP) are a pattern, not a
    value forgotten; a row printing dashes for its other figures (p53 '350 PCI') carries
    none; the headings above a row (parent columns) are never a missing cell. One service
    printed without its unit among priced ones (p94 'o. Test Sensitivity') is reported."""
    rows = [
        [H("No"), H("Jenis Pelayanan"), H("Satuan"), H("Jasa (Rp)"), H("Tarif (Rp)")],
        [C("1."), C("Rawat jalan"), C("Per kunjungan"), C("4.000"), C("10.000")],
        [C("2."), C("Pabrik Industri"), C(""), C(""), C("")],
        [C(""), C("a. Besar"), C("Per bulan"), C("80.000"), C("200.000")],
        [C(""), C("b. Kecil"), C("Per bulan"), C("40.000"), C("100.000")],
        [C("3."), C("Gudang"), C("Per bulan"), C("8.000"), C("20.000")],
        [C("4."), C("Transport"), C("Per lokasi"),
         C("Sesuai SSH (standar satuan harga)", colspan=2), None],
        [C("5."), C("MOW"), C("Per tindakan"), C("-"), C("")],
        [C("6."), C("MOP"), C("Per tindakan"), C("-"), C("")],
        [C("7."), C("PCI"), C("Per tindakan"), C("-"), C("")],
        [C("8."), C("Test Sensitivity"), C(""), C("28.000"), C("42.000")],
        [C("9."), C("Sterilisasi ruangan"), C("Per m3"), C("40.000"), C("103.800")],
        [C("10."), C("Konseling"), C("Per pasien"), C("8.000"), C("20.000")],
    ]  # fmt: skip
    pdf = make_pdf(tmp_path / "tarif.pdf", [30, 170, 90, 110, 90], [PageSpec(rows=rows)])
    found = _table_findings(process(pdf))
    assert found == {("tabel-sel-kosong", "lampiran_0__tabel_1__no_8", None)}


def test_a_group_of_one_row_has_no_cell_missing_below_it(tmp_path: Path) -> None:
    """Banjarnegara p88 lists ambulance tariffs by province and regency, the province
    printed once over its regencies; 'Provinsi DKI Jakarta' has no regency: nothing is
    missing. A regency left out inside a province's group is reported."""
    rows = [
        [H("Provinsi"), H("Kabupaten/Kota"), H("Tarif (Rp)")],
        [C("Provinsi Jawa Barat"), C("Kabupaten Bogor"), C("3.995.000")],
        [C(""), C("Kota Bandung"), C("3.840.000")],
        [C(""), C("Kota Depok"), C("4.310.000")],
        [C(""), C("Kota Bekasi"), C("4.105.000")],
        [C(""), C("Kota Bogor"), C("4.355.000")],
        [C("Provinsi DKI Jakarta"), C(""), C("4.864.000")],
        [C("Provinsi Banten"), C("Kabupaten Lebak"), C("4.662.000")],
        [C(""), C(""), C("4.343.000")],
        [C(""), C("Kota Serang"), C("4.222.000")],
        [C(""), C("Kota Cilegon"), C("4.622.000")],
    ]
    pdf = make_pdf(tmp_path / "ambulan.pdf", [130, 150, 100], [PageSpec(rows=rows)])
    result = process(pdf)
    (table,) = result.flat_tables
    missing = next(r["id"] for r in table.rows if r["tarif_rp"] == "4.343.000")
    assert _table_findings(result) == {("tabel-sel-kosong", missing, None)}


def _generic_hits(
    rows: list[dict[str, str]], kolom: list[str], page: int, first: int, kode: str
) -> list[Any]:
    """The generic rules' hits of one code on a one-page table of these rows, whose ids
    are r<first>, r<first+1>, ..."""
    from pipeline.models import Tabel
    from pipeline.validate.dataset import Dataset
    from pipeline.validate.rules.generic_tables import generic_tables

    cols = ["id", *kolom, "halaman_awal", "halaman_akhir"]
    table = Tabel(
        id="lampiran_1__tabel_1", dokumen_id="x", lampiran=1, judul=None, jenis=None,
        halaman_awal=page, halaman_akhir=page, kolom=cols, tipe_kolom=["teks"] * len(cols),
        baris=len(rows), berkas="tabel/lampiran_1__tabel_1.csv",
    )  # fmt: skip
    data = Dataset(dokumen=None, tabel=[table])  # type: ignore[arg-type]
    data.tabel_isi[table.id] = [
        {"id": f"r{i}", "halaman_awal": page, "halaman_akhir": page, **row}
        for i, row in enumerate(rows, first)
    ]
    return [h for h in generic_tables(data) if h.kode == kode]


def _repeats(rows: list[dict[str, str]], kolom: list[str]) -> list[tuple[str, int]]:
    hits = _generic_hits(rows, kolom, 33, 0, "tabel-baris-berulang")
    return [(h.record_id or "", h.params["jumlah"]) for h in hits]


def test_a_block_of_rows_printed_twice_is_a_finding() -> None:
    # Banjarnegara p33: "9 Pan Enteral" with its three part-sachet rows, printed twice.
    block = [
        {"no": "9", "nama": "Pan Enteral", "kode": "Pe", "tarif": "47.000"},
        {"no": "", "nama": "", "kode": "Pe 1/4", "tarif": "13.000"},
        {"no": "", "nama": "", "kode": "Pe 1/3", "tarif": "17.000"},
        {"no": "", "nama": "", "kode": "Pe 1/2", "tarif": "24.000"},
    ]
    after = [{"no": "10", "nama": "Proten", "kode": "Prot", "tarif": "24.000"}]
    kolom = ["no", "nama", "kode", "tarif"]
    assert _repeats(block + block + after, kolom) == [("r4", 4)]
    # Two rows again are a list that repeats, not a block printed twice.
    assert _repeats(block[:2] + block[:2] + after, kolom) == []
    # The same rows under another parent heading (Siang / Malam) are no repeat.
    under = [
        {"waktu_induk": parent, "hari": day, "tarif": "600.000"}
        for parent in ("(1) Pemakaian Siang", "(2) Pemakaian Malam")
        for day in ("(a) Senin", "(b) Sabtu", "(c) Minggu")
    ]
    assert _repeats(under, ["waktu_induk", "hari", "tarif"]) == []


def test_a_scale_column_is_not_numbering() -> None:
    # Perban BAPETEN 2/2022 p42: the first column prints kVp 60, 70, ... 150 (its first value
    # taken into the header by the table reader): a scale in steps of 10, not item numbers
    # with gaps.
    from pipeline.validate.rules.generic_tables import _is_numbering_column

    kvp = [str(v) for v in range(70, 160, 10)]
    assert not _is_numbering_column("kvp_60", 0, kvp)
    # Item numbers with one missing are still numbering.
    assert _is_numbering_column("no", 0, ["1", "2", "3", "5", "6", "7"])
    # Two numbers a few apart are too few to make a scale: still item numbers with a gap.
    assert _is_numbering_column("no", 0, ["1", "3"])


def test_a_figure_with_its_footnote_mark_is_no_misprint() -> None:
    # Perka BAPETEN 16/2014 p53: "TOTAL DURASI 1980¹) 1575²) ...", each total carrying the
    # mark of its note below the table ("1) : setara dengan 33 jam").
    from pipeline.validate.rules.generic_tables import _misprinted

    assert not _misprinted("1980¹)")
    assert not _misprinted("765³")
    # A figure gone wrong still is one.
    assert _misprinted("1O.000")
    assert _misprinted("19801)")


def _empty(rows: list[dict[str, str]], kolom: list[str]) -> list[str]:
    """The rows the generic rules report an empty cell in."""
    return [h.record_id or "" for h in _generic_hits(rows, kolom, 41, 1, "tabel-sel-kosong")]


def test_a_note_row_between_numbered_items_misses_no_value() -> None:
    # Perban BAPETEN 2/2022 p41: under "III. Kombinasi pesawat panoramic/cephalometric" one
    # unnumbered row "Pilih mode panoramic atau cephalometric" with its Nilai Lolos Uji
    # cell empty: an instruction between the numbered parameters, not a missing value.
    kolom = ["parameter", "uraian", "nilai_lolos_uji", "kelompok", "parameter_induk"]
    items = [
        {"parameter": "1.", "uraian": "Akurasi tegangan", "nilai_lolos_uji": "|error| maks 6%"},
        {"parameter": "2.", "uraian": "Linieritas", "nilai_lolos_uji": "CL 0,1"},
        {"parameter_induk": "3. Reproduksibilitas", "uraian": "(a) keluaran radiasi",
         "nilai_lolos_uji": "CV 0,05"},
        {"parameter_induk": "3. Reproduksibilitas", "uraian": "(b) tegangan puncak",
         "nilai_lolos_uji": "CV 0,05"},
        {"parameter": "4.", "uraian": "Kualitas berkas", "nilai_lolos_uji": "2,1 mmAl"},
        {"parameter": "5.", "uraian": "Kebocoran wadah tabung", "nilai_lolos_uji": "L 1 mGy"},
    ]  # fmt: skip
    note = {"kelompok": "III. Kombinasi", "uraian": "Pilih mode panoramic atau cephalometric"}
    assert _empty([*items, note], kolom) == []
    # A numbered item with its value missing is still reported.
    missing = {"parameter": "6.", "uraian": "Kolimasi"}
    assert _empty([*items, missing], kolom) == ["r7"]


def test_an_empty_cell_of_a_column_without_a_header_is_no_finding() -> None:
    # Kepbup Tulang Bawang Barat SOP p1: the identity box of the SOP, label and value
    # cells with no header row; "Tgl Revisi" is left blank in a first edition.
    labels = ["Nomor SOP", "Tgl Pembuatan", "Tgl Revisi", "Tgl Pengesahan", "Disahkan Oleh",
              "Nama SOP"]  # fmt: skip
    values = ["060/ /SOP/2018", "Januari 2018", "", "Agustus 2018", "Kepala Bagian", "Prosedur"]
    rows = [
        {"kolom_1": label, "kolom_2": value} for label, value in zip(labels, values, strict=True)
    ]
    assert _empty(rows, ["kolom_1", "kolom_2"]) == []
    # The same cells under a printed header are reported.
    named = [{"uraian": label, "isi": value} for label, value in zip(labels, values, strict=True)]
    assert _empty(named, ["uraian", "isi"]) == ["r3"]


def test_a_total_labelled_in_capitals_with_what_it_totals() -> None:
    # Perka BAPETEN 16/2014 p53: "TOTAL DURASI" under the training durations is the total
    # row (its label cell in the first column printed empty is no missing value); a
    # procedure named "Total Knee Replacement" is a data row.
    from pipeline.validate.rules.generic_tables import _is_total

    assert _is_total({"a": "", "b": "TOTAL DURASI"}, ["a", "b"])
    assert _is_total({"a": "JUMLAH PENDUDUK"}, ["a"])
    assert not _is_total({"a": "Total Knee Replacement"}, ["a"])
    assert _is_total({"a": "TOTAL"}, ["a", "b"])  # the plain label, as before


def test_a_total_row_labelled_in_capitals_is_the_tables_jumlah_row() -> None:
    # The row id says what the row is by the table's structure: a total row is `jumlah`,
    # however its label is printed ("Jumlah", "TOTAL DURASI"), never its position.
    from pipeline.extract.tables.grid import Cell
    from pipeline.extract.tables.stitch import Column, LogicalRow, LogicalTable
    from pipeline.normalize.generic_table import flatten, is_total_label

    assert is_total_label("TOTAL DURASI") and is_total_label(" Jumlah ")
    assert not is_total_label("Total Knee Replacement")

    def row(k: int, *texts: str) -> LogicalRow:
        cells = [Cell(row=k, col=c, rowspan=1, colspan=1, text=t, bold=False)
                 for c, t in enumerate(texts)]  # fmt: skip
        return LogicalRow(cells=cells, physical=[(56, k)])

    table = LogicalTable(
        columns=[Column(0, "materi", ("Materi",)), Column(1, "menit", ("Menit",))],
        header_cells=[],
        numbering_cols=set(),
        mark_cols=set(),
        rows=[row(0, "Pembukaan", "45"), row(1, "Evaluasi", "45"), row(2, "TOTAL DURASI", "90")],
    )
    assert [r["id"] for r in flatten(table, "t").rows] == ["t__baris_1", "t__baris_2", "t__jumlah"]


def _hits(rows: list[dict[str, object]], scanned: bool) -> list[tuple[str, str]]:
    """(code, row id) of the generic findings on a table of a name and a figure column."""
    from pipeline.models import Tabel
    from pipeline.validate.dataset import Dataset
    from pipeline.validate.rules.generic_tables import generic_tables

    cols = ["id", "kabupaten", "mar", "mar__nilai", "halaman_awal", "halaman_akhir"]
    table = Tabel(
        id="lampiran_3__tabel_23", dokumen_id="x", lampiran=3, judul=None, jenis=None,
        halaman_awal=38, halaman_akhir=38, kolom=cols,
        tipe_kolom=["teks", "teks", "bilangan", "nilai", "teks", "teks"], baris=len(rows),
        berkas="tabel/lampiran_3__tabel_23.csv", sumber_teks="ocr" if scanned else "teks",
    )  # fmt: skip
    data = Dataset(dokumen=None, tabel=[table])  # type: ignore[arg-type]
    data.tabel_isi[table.id] = [
        {"id": f"r{i}", "halaman_awal": 38, "halaman_akhir": 38, **row}
        for i, row in enumerate(rows, 1)
    ]
    return [(h.kode, h.record_id or "") for h in generic_tables(data)]


def test_a_figure_read_with_marks_on_a_scan_is_no_misprint_and_its_total_unchecked() -> None:
    # Pergub Sulut 6/2016 p38 (a scan): "24,50" read "- 24,50" (a ruling beside it), so
    # the total 49,50 looked like 25 against its rows.
    rows = [
        {"kabupaten": "Bolaang Mongondow", "mar": "- 24,50", "mar__nilai": None},
        {"kabupaten": "Minahasa", "mar": "25", "mar__nilai": 25},
        {"kabupaten": "Jumlah", "mar": "49,50", "mar__nilai": 49.5},
    ]
    assert _hits(rows, scanned=True) == []
    # On a text layer the marks are printed: a misprint, and the total differs.
    assert _hits(rows, scanned=False) == [
        ("tabel-tipe-tidak-cocok", "r1"),
        ("tabel-jumlah-tidak-cocok", "r3"),
    ]
    # Letters in a figure stay a finding on a scan too, as on a text layer; the total
    # beside a figure not read as one is a reading to check (ocr-perlu-diperiksa).
    rows[0].update(mar="24,5O")
    assert _hits(rows, scanned=True) == [
        ("tabel-tipe-tidak-cocok", "r1"),
        ("ocr-perlu-diperiksa", "r3"),
    ]
    rows[0].update(mar="20", mar__nilai=20)
    assert _hits(rows, scanned=True) == [("tabel-jumlah-tidak-cocok", "r3")]


def test_a_figure_merged_over_two_rows_counts_once_in_the_total() -> None:
    # Perka BAPETEN 16/2014 p56: "225" printed once in a cell merged over items II.1 and
    # II.2; the published rows repeat it, the total 90 + 225 + 45 = 360 counts it once.
    from pipeline.models import Tabel
    from pipeline.validate.dataset import Dataset
    from pipeline.validate.rules.generic_tables import generic_tables

    cols = ["id", "materi", "menit", "menit__nilai", "halaman_awal", "halaman_akhir"]
    table = Tabel(
        id="t", dokumen_id="x", lampiran=4, judul=None, jenis=None, halaman_awal=56,
        halaman_akhir=56, kolom=cols, tipe_kolom=["teks", "teks", "bilangan", "nilai", "teks",
        "teks"], baris=5, berkas="tabel/t.csv", sumber_teks="teks",
    )  # fmt: skip
    printed = [("1. Kebijakan", 90), ("1. Pencarian", 225), ("2. Kecelakaan", 225),
               ("3. Budaya", 45), ("TOTAL DURASI", 360)]  # fmt: skip
    data = Dataset(dokumen=None, tabel=[table])  # type: ignore[arg-type]
    data.tabel_isi["t"] = [
        {"id": f"r{i}", "materi": m, "menit": str(v), "menit__nilai": v, "halaman_awal": 56,
         "halaman_akhir": 56}
        for i, (m, v) in enumerate(printed, 1)
    ]  # fmt: skip
    # Without the grid's merge (a folder read back), the repeated figure counts twice.
    assert [(h.kode, h.params["dihitung"]) for h in generic_tables(data)] == [
        ("tabel-jumlah-tidak-cocok", "585")
    ]
    data.tabel_gabungan["t"] = {"r3": frozenset({"menit"})}
    assert list(generic_tables(data)) == []
    # Two equal figures printed in two cells are two figures.
    data.tabel_gabungan["t"] = {}
    data.tabel_isi["t"][4].update(menit="585", menit__nilai=585)
    assert list(generic_tables(data)) == []


def test_a_merged_cell_is_known_from_the_cells_the_rows_were_read_from() -> None:
    from pipeline.extract.tables.grid import Cell
    from pipeline.normalize.generic_table import FlatTable, merged_down

    def cell(text: str, rowspan: int = 1) -> Cell:
        return Cell(row=0, col=1, rowspan=rowspan, colspan=1, text=text, bold=False)

    merged, a, b, c = cell("225", rowspan=2), cell("Pencarian"), cell("Kecelakaan"), cell("45")
    table = FlatTable(id="t", columns=["materi", "menit"], types={}, rows=[
        {"id": "r1"}, {"id": "r2"}, {"id": "r3"}])  # fmt: skip
    table.sources = [{"materi": (a,), "menit": (merged,)}, {"materi": (b,), "menit": (merged,)},
                     {"materi": (c,), "menit": (cell("225"),)}]  # fmt: skip
    assert merged_down(table) == {"r2": frozenset({"menit"})}


def test_rows_sharing_their_numbering_are_told_apart_by_their_own_printed_label() -> None:
    # PP 56/2014 p11: "1) Izin baru", "2) Perpanjangan izin", "3) Perubahan izin" under one
    # item, their numbers printed in the text cell: ids by those numbers, not `__ke_<n>`;
    # rows that print no label of their own keep `__ke_<n>` (the default PDF's table 3.2).
    from pipeline.extract.tables.grid import Cell
    from pipeline.extract.tables.stitch import Column, LogicalRow, LogicalTable
    from pipeline.normalize.generic_table import flatten

    def table(texts: list[str]) -> LogicalTable:
        no = Cell(row=0, col=0, rowspan=len(texts), colspan=1, text="1.", bold=False)
        rows = [
            LogicalRow(
                cells=[
                    no,
                    Cell(row=k, col=1, rowspan=1, colspan=1, text=t, bold=False),
                    Cell(row=k, col=2, rowspan=1, colspan=1, text="100", bold=False),
                ],
                physical=[(11, k)],
            )  # fmt: skip
            for k, t in enumerate(texts)
        ]
        return LogicalTable(
            columns=[Column(0, "no", ("No",)), Column(1, "jenis", ("Jenis",)),
                     Column(2, "tarif", ("Tarif",))],
            header_cells=[], numbering_cols={0}, mark_cols=set(), rows=rows,
        )  # fmt: skip

    labelled = table(["1) Izin baru", "2) Perpanjangan izin", "3) Perubahan izin"])
    assert [r["id"] for r in flatten(labelled, "t").rows] == [
        "t__no_1__1",
        "t__no_1__2",
        "t__no_1__3",
    ]
    # PP 56/2014 p18: "(i) Izin", "(ii) Perpanjangan izin", "(iii) Perubahan izin"
    small = table(["(i) Izin", "(ii) Perpanjangan izin", "(iii) Perubahan izin"])
    assert [r["id"] for r in flatten(small, "t").rows] == [
        "t__no_1__i",
        "t__no_1__ii",
        "t__no_1__iii",
    ]
    bare = table(["Izin baru", "Perpanjangan izin"])
    assert [r["id"] for r in flatten(bare, "t").rows] == ["t__no_1", "t__no_1__ke_2"]
