"""Every lampiran table, of any kind, through the generic machinery. Each generated PDF has
its expected CSV written out here by hand from the table drawn."""

from __future__ import annotations

from pathlib import Path

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
