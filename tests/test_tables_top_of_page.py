"""The top of a page: the rest of the row broken by the page end, or a row of its own?

The rule (pipeline/extract/tables/stitch.py, `_is_continuation`) is tested both ways on a
program table (No, Program, Kegiatan, Hasil) whose kegiatan carry no number and no mark,
as Tabel 3.2 of the default PDF, where page 17 opens with a kegiatan of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run import DocumentResult, process
from tests.pdfgen import C, PageSpec, make_pdf
from tests.ra_builder import RA

TITLE = "RENCANA AKSI REFORMASI BIROKRASI TAHUN 2019-2021"
YEARS = (2019, 2020, 2021)

WIDTHS = [30, 110, 200, 180]
HEADER = [C("NO", bold=True), C("PROGRAM", bold=True), C("KEGIATAN", bold=True),
          C("HASIL YANG DIHARAPKAN", bold=True)]  # fmt: skip


def _two_pages(
    tmp_path: Path,
    top_kegiatan: str,
    top_hasil: str = "",
    above: str = "Promosi jabatan dilaksanakan",
) -> DocumentResult:
    """Program 1 with two kegiatan on page 1; page 2 opens with `top_kegiatan` (and
    `top_hasil` in the hasil cell) under merged No/Program/Hasil cells over it and one
    more kegiatan, then program 2."""
    page1 = [
        HEADER,
        [C("1.", rowspan=2), C("Penataan Sistem", rowspan=2), C("Penetapan kinerja individu"),
         C("Dapat meningkatkan kinerja", rowspan=2)],
        [None, None, C(above), None],
    ]  # fmt: skip
    page2 = [
        HEADER,
        [C("", rowspan=2), C("", rowspan=2), C(top_kegiatan), C(top_hasil, rowspan=2)],
        [None, None, C("Mengoptimalkan pemanfaatan teknologi"), None],
        [C("2."), C("Penguatan Pengawasan"), C("Melaksanakan kebijakan gratifikasi"),
         C("Dapat meningkatkan kapasitas")],
    ]  # fmt: skip
    pages = [PageSpec(rows=page1, title="Tabel 3.2 Program"), PageSpec(rows=page2)]
    return process(make_pdf(tmp_path / "program.pdf", WIDTHS, pages))


def _kegiatan(result: DocumentResult) -> list[tuple[str | None, str | None]]:
    return [(p.no, p.kegiatan) for p in result.program]


def test_capitalised_text_under_a_filled_cell_is_a_row_of_its_own(tmp_path: Path) -> None:
    result = _two_pages(tmp_path, "Melaksanakan budaya pelayanan prima")
    assert _kegiatan(result) == [
        ("1", "Penetapan kinerja individu"),
        ("1", "Promosi jabatan dilaksanakan"),
        ("1", "Melaksanakan budaya pelayanan prima"),
        ("1", "Mengoptimalkan pemanfaatan teknologi"),
        ("2", "Melaksanakan kebijakan gratifikasi"),
    ]
    # The merged Hasil cell goes on over the new row.
    assert [p.hasil for p in result.program[2:4]] == ["Dapat meningkatkan kinerja"] * 2


@pytest.mark.parametrize(
    ("above", "top"),
    [
        ("Promosi jabatan dilaksanakan", "secara terbuka khususnya eselon II"),
        # A capital, but the bracket above is still open.
        ("Melaksanakan budaya (pengelolaan Mal", "Pelayanan Publik, inovasi)"),
    ],
)
def test_text_that_goes_on_continues_the_row_above(tmp_path: Path, above: str, top: str) -> None:
    result = _two_pages(tmp_path, top, above=above)
    assert _kegiatan(result) == [
        ("1", "Penetapan kinerja individu"),
        ("1", f"{above} {top}"),
        ("1", "Mengoptimalkan pemanfaatan teknologi"),
        ("2", "Melaksanakan kebijakan gratifikasi"),
    ]


@pytest.mark.parametrize(("above", "joined"), [("Melapor kepada Kemen PAN-", True),
                                               ("Melapor kepada Kemen PAN", False)])  # fmt: skip
def test_a_word_broken_at_its_hyphen_goes_on(tmp_path: Path, above: str, joined: bool) -> None:
    """A cell ending in a word broken at its hyphen ("Kemen PAN-") goes on at the top of
    the next page, even with a capital ("RB"); without the hyphen, the capital starts a
    row of its own (zoo: lo-f4-swapped-shade)."""
    result = _two_pages(tmp_path, "RB dan daerah", above=above)
    rows = [k for _, k in _kegiatan(result)]
    if joined:
        assert rows[1:3] == ["Melapor kepada Kemen PAN-RB dan daerah",
                             "Mengoptimalkan pemanfaatan teknologi"]  # fmt: skip
    else:
        assert rows[1:3] == [above, "RB dan daerah"]


def test_a_cell_ending_with_a_comma_goes_on(tmp_path: Path) -> None:
    """An enumeration cut by the page end after its comma goes on, capital or not
    (zoo: ch-a4-default, "... bebas Korupsi," over "Kolusi dan Nepotisme")."""
    result = _two_pages(tmp_path, "Kolusi dan Nepotisme", above="Bebas Korupsi,")
    assert [k for _, k in _kegiatan(result)][1:3] == [
        "Bebas Korupsi, Kolusi dan Nepotisme",
        "Mengoptimalkan pemanfaatan teknologi",
    ]


def test_the_words_of_the_cell_above_printed_again_start_a_row(tmp_path: Path) -> None:
    """A table that prints its No and Program again on every row (not merged): a page
    opening with them printed again opens a row of its own, even under a number that
    would otherwise go on ("2." under "2.", in a column that does not count up; zoo:
    ch-f4-double-repeated)."""
    row = [C("2."), C("Penataan Sistem")]
    page1 = [HEADER, [*row, C("Penetapan kinerja individu"), C("Dapat meningkatkan")],
             [*row, C("Promosi jabatan dilaksanakan"), C("Dapat meningkatkan")]]  # fmt: skip
    page2 = [HEADER, [*row, C("Melaksanakan budaya"), C("Dapat meningkatkan")],
             [C("3."), C("Penguatan Pengawasan"), C("Melaksanakan kebijakan"),
              C("Dapat meningkatkan kapasitas")]]  # fmt: skip
    pages = [PageSpec(rows=page1, title="Tabel 3.2 Program"), PageSpec(rows=page2)]
    result = process(make_pdf(tmp_path / "ulang.pdf", WIDTHS, pages))
    assert _kegiatan(result) == [
        ("2", "Penetapan kinerja individu"),
        ("2", "Promosi jabatan dilaksanakan"),
        ("2", "Melaksanakan budaya"),
        ("3", "Melaksanakan kebijakan"),
    ]


@pytest.mark.parametrize("kegiatan", ["", "Melaksanakan sesuatu"])
def test_text_under_a_cell_left_empty_continues_the_row(tmp_path: Path, kegiatan: str) -> None:
    """The row above printed nothing in the column (the kegiatan cell of a one-cell
    row); text there at the top of the next page is that row's."""
    page1 = [
        HEADER,
        [C("1."), C("Penataan Sistem"), C("Penetapan kinerja individu"), C("")],
    ]
    page2 = [
        HEADER,
        [C(""), C(""), C(kegiatan), C("Dapat meningkatkan kinerja")],
        [C("2."), C("Penguatan Pengawasan"), C("Melaksanakan kebijakan gratifikasi"),
         C("Dapat meningkatkan kapasitas")],
    ]  # fmt: skip
    pages = [PageSpec(rows=page1, title="Tabel 3.2 Program"), PageSpec(rows=page2)]
    result = process(make_pdf(tmp_path / "kosong.pdf", WIDTHS, pages))
    first = result.program[0]
    assert first.kegiatan == " ".join(x for x in ("Penetapan kinerja individu", kegiatan) if x)
    assert first.hasil == "Dapat meningkatkan kinerja"
    assert len(result.program) == 2


def test_tabel_3_2_of_the_default_pdf_has_46_kegiatan(default_result: DocumentResult) -> None:
    """Counted on the rendered pages 15-17: 46 kegiatan, 6 of them in program 8 (one on
    page 16, five on page 17, the first of which, "Melaksanakan budaya pelayanan prima",
    opens page 17 with a row of its own)."""
    assert len(default_result.program) == 46
    eight = [p for p in default_result.program if p.no == "8"]
    assert len(eight) == 6
    assert eight[1].kegiatan is not None
    assert eight[1].kegiatan.startswith("Melaksanakan budaya pelayanan prima")
    assert eight[1].halaman_awal == 17
    assert eight[0].kegiatan is not None and eight[0].kegiatan.endswith("standar pelayanan))")


def test_a_broken_grid_shows_in_the_leftovers(tmp_path: Path) -> None:
    """A rule missing between "Indikator dan Target" and the 2019 column: the one cell
    holds the indicator and the tick. No field takes it (it would put a tick in the
    indicator's text); it is left over, and the run does not say "left over 0"."""
    ra = RA(YEARS)
    start = ra.cols.index("indikator")
    broken = ra.row(aksi_no="a.", aksi="Pembentukan Tim", kriteria="Terbitnya Keputusan",
                    marks="2020", pj="Bagian Organisasi")  # fmt: skip
    broken[start] = C("Jumlah Keputusan (1 (satu) Keputusan) √", colspan=2)
    broken[start + 1] = None
    rows = [*ra.header(), ra.group("Manajemen Perubahan"),
            ra.program("1.", "Tim Reformasi", no=C("1."), area=C("Mental Aparatur"),
                       hasil=C("Meningkatnya integritas")),
            broken]  # fmt: skip
    pdf = make_pdf(tmp_path / "rusak.pdf", ra.widths, [PageSpec(rows=rows, title=TITLE)])
    result = process(pdf)
    (record,) = result.rencana_aksi
    assert record.indikator_target is None
    assert record.tahun_pelaksanaan == [2020]
    assert sum(a.sel_sisa for a in result.akuntansi) == 1
    assert [s.teks for s in result.sisa] == ["Jumlah Keputusan (1 (satu) Keputusan) √"]


@pytest.mark.parametrize(
    ("above", "below", "siblings"),
    [
        ("b.", "c.", True),  # the next aksi opens in its merged cell at the top of a page
        ("1. Meningkatnya", "2. Terwujudnya", True),
        ("b.", "b.", False),  # the same label printed again is the same item going on
        ("Meningkatnya kualitas", "pelayanan publik", False),  # a merged text cell going on
        ("a. Menyusun rencana", "1. Rapat koordinasi", False),  # another level of numbering
        # Two labels alone, whatever their levels: two items, a label alone going on with
        # no other label ("2." at the foot of p7, its first aksi "a." merged over two
        # indicator rows at the top of p8: zoo wp-f4-portrait-whole, looked at)
        ("2.", "a.", True),
        ("a.", "1.", True),
    ],
)
def test_merged_cell_opening_the_next_item_does_not_go_on(
    above: str, below: str, siblings: bool
) -> None:
    from pipeline.extract.tables.stitch import _siblings

    assert _siblings(above, below) is siblings


@pytest.mark.parametrize("reprinted", [False, True])
def test_leading_columns_left_empty_in_a_table_that_reprints_them(
    tmp_path: Path, reprinted: bool
) -> None:
    """A table that prints No and Program again on every row: a page opening with those
    cells empty goes on with the row above, even with a capital ("Pemerintah" under "...
    Pengendalian Intern"; zoo: lo-f4-inline-repeated-plain); printed again, they open a
    row of its own."""
    row = [C("6."), C("Penguatan Pengawasan")]
    hasil = C("Dapat meningkatkan kapasitas")
    page1 = [HEADER, [*row, C("Melaksanakan kebijakan gratifikasi"), hasil],
             [*row, C("Pembangunan zona integritas"), hasil],
             [*row, C("Peningkatan penerapan Sistem Pengendalian Intern"), hasil]]  # fmt: skip
    lead = row if reprinted else [C(""), C("")]
    page2 = [HEADER, [*lead, C("Pemerintah"), C("")],
             [C("7."), C("Penguatan Akuntabilitas"), C("Mengembangkan budaya kinerja"),
              C("Penerapan Sistem Akuntabilitas")]]  # fmt: skip
    pages = [PageSpec(rows=page1, title="Tabel 3.2 Program"), PageSpec(rows=page2)]
    result = process(make_pdf(tmp_path / "ulang.pdf", WIDTHS, pages))
    rows = [k for _, k in _kegiatan(result)]
    if reprinted:
        assert rows[2:4] == ["Peningkatan penerapan Sistem Pengendalian Intern", "Pemerintah"]
    else:
        assert rows[2:4] == [
            "Peningkatan penerapan Sistem Pengendalian Intern Pemerintah",
            "Mengembangkan budaya kinerja",
        ]


@pytest.mark.parametrize(("top", "joined"), [("Pengaduan Manual dan Media Elektronik)", True),
                                             ("Pengaduan Manual (dan Media Elektronik)", False)])  # fmt: skip
def test_text_closing_a_bracket_it_never_opened_goes_on(
    tmp_path: Path, top: str, joined: bool
) -> None:
    """No cell begins by closing a bracket it did not open: such text at the top of a page
    is the rest of the row above, capital or not (zoo: ch-letter-swapped-shade); with its
    brackets balanced it is a row of its own."""
    above = "Pemantapan layanan melalui Sistem"
    rows = [k for _, k in _kegiatan(_two_pages(tmp_path, top, above=above))]
    if joined:
        assert rows[1:3] == [f"{above} {top}", "Mengoptimalkan pemanfaatan teknologi"]
    else:
        assert rows[1:3] == [above, top]


def test_an_empty_cell_under_a_merged_cell_of_the_group_goes_on_with_it(tmp_path: Path) -> None:
    """The last kegiatan of a program alone at the top of a page, its No, Program and Hasil
    cells empty one-row cells: the Hasil merged over the program's kegiatan on the page
    before goes on over it (zoo: ch-a4-portrait-wrap)."""
    page1 = [
        HEADER,
        [C("1.", rowspan=2), C("Penataan Sistem", rowspan=2), C("Penetapan kinerja individu"),
         C("Dapat meningkatkan kinerja", rowspan=2)],
        [None, None, C("Promosi jabatan dilaksanakan"), None],
    ]  # fmt: skip
    page2 = [
        HEADER,
        [C(""), C(""), C("Monitoring evaluasi"), C("")],
        [C("2."), C("Penguatan Pengawasan"), C("Melaksanakan kebijakan gratifikasi"),
         C("Dapat meningkatkan kapasitas")],
    ]  # fmt: skip
    pages = [PageSpec(rows=page1, title="Tabel 3.2 Program"), PageSpec(rows=page2)]
    result = process(make_pdf(tmp_path / "akhir.pdf", WIDTHS, pages))
    assert [(p.no, p.kegiatan, p.hasil) for p in result.program] == [
        ("1", "Penetapan kinerja individu", "Dapat meningkatkan kinerja"),
        ("1", "Promosi jabatan dilaksanakan", "Dapat meningkatkan kinerja"),
        ("1", "Monitoring evaluasi", "Dapat meningkatkan kinerja"),
        ("2", "Melaksanakan kebijakan gratifikasi", "Dapat meningkatkan kapasitas"),
    ]


def test_a_row_cut_after_its_number_is_no_repeat_of_the_column_numbers() -> None:
    """The first line of a row the page end cuts ("1." alone, its other cells going on on
    the next page) is nearly the text of the header's column numbers "(1) (2) (3) (4)" as a
    whole, but prints in other cells: not a repeated header (it was dropped as one, and
    the row's rest joined to the row above: zoo wp-legal-repeated-shade, Tabel 3.2)."""
    from pipeline.extract.tables.stitch import same_text

    assert not same_text(("1", "", "", ""), ("1", "2", "3", "4"))
    assert same_text(("no", "program", "kegiatan"), ("n0", "program", "kegiatan"))  # OCR
