"""Header recognition, column mapping, stitching, continuation rows and merged cells,
on small PDFs drawn by the tests (tests/pdfgen.py) in layouts the default PDF lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape, portrait

from pipeline.extract.document import extract_document
from pipeline.normalize.rencana_aksi import map_columns
from pipeline.run import process
from tests.pdfgen import F4_LANDSCAPE, C, PageSpec, make_pdf
from tests.ra_builder import RA

TITLE = "RENCANA AKSI REFORMASI BIROKRASI TAHUN 2019-2021"
YEARS = (2019, 2020, 2021)


def two_page_table(ra: RA, repeat_header: bool) -> list[PageSpec]:
    """Area 1 opens on page 1; aksi b breaks across the page end; aksi c on page 2."""
    page1 = ra.header() + [
        ra.group("Manajemen Perubahan"),
        ra.program(
            "1.",
            "Tim Reformasi",
            no=C("1.", rowspan=3),
            area=C("Mental\nAparatur", rowspan=3),
            hasil=C("Meningkatnya\nintegritas (80 %)", rowspan=3),
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no="a.",
            aksi="Pembentukan Tim",
            kriteria="Terbitnya Keputusan",
            indikator="Jumlah Keputusan (1 (satu)\nKeputusan)",
            marks="2019",
            pj="Bagian\nOrganisasi",
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no="b.",
            aksi="Penguatan Tim Reformasi",
            kriteria="Tim melaksanakan",
            indikator="Jumlah dokumen laporan\npelaksanaan",
            marks="2019 2020 2021",
            pj="Bagian",
        ),
    ]
    cont = [
        ra.row(
            no=C("", rowspan=2),
            area=C("", rowspan=2),
            hasil=C("", rowspan=2),
            aksi_no="",
            aksi="Birokrasi",
            kriteria="tugas dengan baik",
            indikator="(4 (empat) dokumen)",
            pj="Organisasi",
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no="c.",
            aksi="Rapat Tim",
            kriteria="Terlaksananya rapat",
            indikator="Jumlah rapat (2 (dua) kegiatan/tahun)",
            marks="2020",
            pj="Bagian Hukum",
        ),
    ]
    page2 = (ra.header() if repeat_header else []) + cont
    return [
        PageSpec(rows=page1, title=TITLE, page_label="- 1 -"),
        PageSpec(rows=page2, page_label="- 2 -"),
    ]


def records_of(path: Path):
    return process(path).rencana_aksi


@pytest.mark.parametrize(
    "repeat_header", [True, False], ids=["header-repeated", "header-first-page-only"]
)
def test_row_broken_across_pages_is_one_record(tmp_path: Path, repeat_header: bool) -> None:
    ra = RA(YEARS)
    pdf = make_pdf(tmp_path / "t.pdf", ra.widths, two_page_table(ra, repeat_header))
    recs = records_of(pdf)
    assert [r.aksi_no for r in recs] == ["a", "b", "c"]
    b = recs[1]
    assert b.rencana_aksi == "Penguatan Tim Reformasi Birokrasi"
    assert b.kriteria_keberhasilan == "Tim melaksanakan tugas dengan baik"
    assert b.indikator_target == "Jumlah dokumen laporan pelaksanaan (4 (empat) dokumen)"
    assert b.penanggung_jawab_teks == "Bagian Organisasi"
    assert (b.halaman_awal, b.halaman_akhir) == (1, 2)
    assert b.tahun_pelaksanaan == [2019, 2020, 2021]
    # The merged No/Area/Hasil cells go on across the page break.
    c = recs[2]
    assert (c.area_no, c.area, c.program_no, c.program) == (
        1,
        "Mental Aparatur",
        "1",
        "Tim Reformasi",
    )
    assert c.hasil_indikator == "Meningkatnya integritas (80 %)"
    assert c.kelompok == "Manajemen Perubahan"
    assert (c.halaman_awal, c.halaman_akhir) == (2, 2)
    assert recs[0].id == "lampiran_0__area_1__program_1__aksi_a__indikator_1"


def test_header_recognised_by_text_not_position(tmp_path: Path) -> None:
    """Other widths, another paper size, blocks in another order: the same records."""
    order = ("no", "area", "hasil", "aksi", "indikator", "kriteria", "pj", "years")
    ra = RA(YEARS, order=order, scale=0.8)
    pdf = make_pdf(tmp_path / "t.pdf", ra.widths, two_page_table(ra, True), pagesize=F4_LANDSCAPE)
    recs = records_of(pdf)
    assert [r.aksi_no for r in recs] == ["a", "b", "c"]
    assert recs[1].kriteria_keberhasilan == "Tim melaksanakan tugas dengan baik"
    assert recs[2].penanggung_jawab_teks == "Bagian Hukum"
    assert recs[2].tahun_pelaksanaan == [2020]


def test_years_come_from_the_header(tmp_path: Path) -> None:
    ra = RA((2024, 2025, 2026, 2027))
    rows = ra.one_aksi(marks="2025 2027", pj="BKD")
    pdf = make_pdf(
        tmp_path / "t.pdf",
        ra.widths,
        [PageSpec(rows=rows, title=TITLE)],
        pagesize=portrait(A4) if sum(ra.widths) < 520 else landscape(A4),
    )
    (rec,) = records_of(pdf)
    assert rec.tahun_pelaksanaan == [2025, 2027]


def test_empty_year_cells_and_several_indicator_lines(tmp_path: Path) -> None:
    ra = RA(YEARS)
    rows = ra.header() + [
        ra.program(
            "1.",
            "Program",
            no=C("1.", rowspan=4),
            area=C("Area", rowspan=4),
            hasil=C("Hasil", rowspan=4),
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no=C("a.", rowspan=2),
            aksi=C("Aksi dua indikator", rowspan=2),
            kriteria="K1",
            indikator="I1",
            marks="2019",
            pj=C("Dinas\nKesehatan", rowspan=2),
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no=None,
            aksi=None,
            kriteria="K2",
            indikator="I2",
            marks="",
            pj=None,
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no="b",
            aksi="Tanpa tahun",
            kriteria="K3",
            indikator="I3",
            marks="",
            pj="BKD",
        ),
    ]
    pdf = make_pdf(tmp_path / "t.pdf", ra.widths, [PageSpec(rows=rows, title=TITLE)])
    recs = records_of(pdf)
    assert [(r.aksi_no, r.indikator_ke) for r in recs] == [("a", 1), ("a", 2), ("b", 1)]
    assert recs[1].rencana_aksi == "Aksi dua indikator"
    assert recs[1].kriteria_keberhasilan == "K2"
    assert recs[1].penanggung_jawab_teks == "Dinas Kesehatan"  # merged cell repeated
    assert recs[1].tahun_pelaksanaan == []
    assert recs[2].tahun_pelaksanaan == []
    assert recs[1].id.endswith("__aksi_a__indikator_2")


def test_group_without_area_numbers_items_as_aksi(tmp_path: Path) -> None:
    """QuickWins-style: a group row, then numbered items with no area and no program."""
    ra = RA(YEARS)
    rows = ra.header() + [
        ra.group("QuickWins"),
        ra.row(
            no=C("", rowspan=2),
            area=C("", rowspan=2),
            hasil=C("", rowspan=2),
            aksi_no="1.",
            aksi="Mal Pelayanan",
            kriteria="K",
            indikator="I",
            marks="2019",
            pj="DPMPTSP",
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no="2.",
            aksi="Perampingan",
            kriteria="K",
            indikator="I",
            marks="2020",
            pj="BKD",
        ),
    ]
    pdf = make_pdf(tmp_path / "t.pdf", ra.widths, [PageSpec(rows=rows, title=TITLE)])
    recs = records_of(pdf)
    assert [(r.kelompok, r.area_no, r.program_no, r.aksi_no) for r in recs] == [
        ("QuickWins", None, None, "1"),
        ("QuickWins", None, None, "2"),
    ]
    assert recs[0].id == "lampiran_0__kelompok_quickwins__aksi_1__indikator_1"


def test_every_cell_is_accounted_for(tmp_path: Path) -> None:
    ra = RA(YEARS)
    pdf = make_pdf(tmp_path / "t.pdf", ra.widths, two_page_table(ra, True))
    result = process(pdf)
    (acc,) = result.akuntansi
    assert acc.sel_terlihat == acc.sel_ditempatkan > 0
    assert result.sisa == []


def test_unmapped_cell_is_reported_as_leftover(tmp_path: Path) -> None:
    """Text in a year cell that is not a mark is never dropped silently."""
    ra = RA(YEARS)
    rows = ra.one_aksi(y2020=C("Q3"), pj="BKD")
    pdf = make_pdf(tmp_path / "t.pdf", ra.widths, [PageSpec(rows=rows, title=TITLE)])
    result = process(pdf)
    assert [s.teks for s in result.sisa] == ["Q3"]
    assert result.akuntansi[0].sel_sisa == 1


def test_table_pieces_with_other_columns_are_separate_tables(tmp_path: Path) -> None:
    ra = RA(YEARS)
    other = [[C("Kode", bold=True), C("Uraian", bold=True)], [C("1"), C("Satu")]]
    pages = [PageSpec(rows=ra.header() + [ra.group("G")], title=TITLE), PageSpec(rows=other)]
    pdf = make_pdf(tmp_path / "t.pdf", [60, 200], pages[1:])
    doc = extract_document(pdf)
    assert len(doc.tables) == 1 and map_columns(doc.tables[0]) is None


@pytest.mark.parametrize("turn", [90, -90], ids=["text-up", "text-down"])
def test_landscape_table_on_a_portrait_page_reads_the_right_way_up(
    tmp_path: Path, turn: int
) -> None:
    """The table is set landscape and the page turned 90 degrees (no /Rotate): text runs
    sideways in the PDF, and is read upright."""
    from reportlab.pdfgen.canvas import Canvas

    from tests.pdfgen import draw_table

    ra = RA(YEARS)
    rows = ra.one_aksi(
        aksi="Aksi miring", indikator="Jumlah dokumen (1 (satu) dokumen)", marks="2020", pj="BKD"
    )
    w, h = portrait(A4)
    path = tmp_path / "miring.pdf"
    canvas = Canvas(str(path), pagesize=(w, h), invariant=1)
    if turn == 90:
        canvas.translate(w, 0)
    else:
        canvas.translate(0, h)
    canvas.rotate(turn)
    canvas.setFont("VeraBd", 10)
    canvas.drawString(40, w - 40, TITLE)
    draw_table(canvas, 40, 60, ra.widths, rows, page_h=w)
    canvas.showPage()
    canvas.save()
    (rec,) = records_of(path)
    assert (rec.aksi_no, rec.rencana_aksi, rec.tahun_pelaksanaan) == ("a", "Aksi miring", [2020])
    assert rec.indikator_target == "Jumlah dokumen (1 (satu) dokumen)"


def test_text_repeated_on_every_row_continues_the_same_items(tmp_path: Path) -> None:
    """No merged cells: the area's number, name and Hasil and the aksi's number and text are
    printed again on every row. Repeated text goes on with the open area and aksi; a new
    Hasil printed for the same area is taken; a whole line printed twice stays the source's
    own duplicate."""
    ra = RA(YEARS)
    area = {"no": "1.", "area": "Area", "hasil": "Hasil satu"}

    def line(aksi_no: str, aksi: str, n: str, **kw: str) -> list:
        cells = {**area, **kw}
        return ra.row(aksi_no=aksi_no, aksi=aksi, kriteria=f"K{n}", indikator=f"I{n}",
                      marks="2019", pj="BKD", **cells)  # fmt: skip

    rows = ra.header() + [
        ra.program("1.", "Program", **area),
        line("a.", "Aksi dua indikator", "1"),
        line("a.", "Aksi dua indikator", "2"),
        line("b.", "Aksi lain", "3", hasil="Hasil dua"),
        line("b.", "Aksi lain", "3", hasil="Hasil dua"),
    ]
    pdf = make_pdf(tmp_path / "t.pdf", ra.widths, [PageSpec(rows=rows, title=TITLE)])
    recs = records_of(pdf)
    assert [(r.program, r.aksi_no, r.indikator_ke) for r in recs] == [
        ("Program", "a", 1), ("Program", "a", 2), ("Program", "b", 1), ("Program", "b", 1)
    ]  # fmt: skip
    assert [r.hasil_indikator for r in recs] == ["Hasil satu"] * 2 + ["Hasil dua"] * 2
    assert recs[1].id == "lampiran_0__area_1__program_1__aksi_a__indikator_2"
    assert recs[3].id.endswith("__aksi_b__indikator_1__ulang_2")
