"""Table structure on generated PDFs, each case drawn after a pattern of the real regulations
(tests/fixtures/real): headers found by what they say, item numbers inside text cells at a
page break, captions that start tables, shading that is no ruling, nested numbering drawn
as a staircase of cells, heading rows as parents. Expected values are written here from
the table drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.tables.grid import _without_overprinted
from pipeline.extract.tables.header import is_label
from pipeline.extract.tables.stitch import _counts_up, starts_item
from pipeline.run import DocumentResult, process
from tests.pdfgen import C, PageSpec, draw_table, make_pdf


def _rows(result: DocumentResult, index: int = 0) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in row.items() if v is not None and not k.endswith("__nilai")
         and k not in ("id", "halaman_awal", "halaman_akhir")}
        for row in result.flat_tables[index].rows
    ]  # fmt: skip


TARIF_WIDTHS = [40, 260, 100, 90]
TARIF_HEADER = [C("NO"), C("JENIS PELAYANAN"), C("SATUAN"), C("TARIF (Rp)")]


@pytest.mark.parametrize(
    ("above", "top", "rows"),
    [
        # The next item of the list of rows (b) then c)) starts a row of its own.
        ("b) Perawatan luka bakar sedang", "c) Perawatan luka bakar besar", 2),
        # The next item of a list inside the cell above goes on with that cell.
        ("1) Kasa steril\n2) Plester", "3) Perban elastis", 1),
    ],
)
def test_item_number_at_the_top_of_a_page(tmp_path: Path, above: str, top: str, rows: int) -> None:
    """Banjarnegara p14/15: "c) Perawatan luka bakar besar" opens p15 under "b) ..." (a row
    of its own, though it opens in lower case); a list inside a cell goes on instead."""
    page1 = [TARIF_HEADER,
             [C("1."), C(above), C("Per Tindakan"), C("30.000")]]  # fmt: skip
    page2 = [TARIF_HEADER, [C(""), C(top), C("Per Tindakan"), C("60.000")]]
    pdf = make_pdf(
        tmp_path / "tarif.pdf", TARIF_WIDTHS, [PageSpec(rows=page1), PageSpec(rows=page2)]
    )
    published = _rows(process(pdf))
    assert len(published) == rows
    if rows == 2:
        assert [r["jenis_pelayanan"] for r in published] == [above, top]
        assert [r["tarif_rp"] for r in published] == ["30.000", "60.000"]
    else:
        assert published[0]["jenis_pelayanan"] == f"{above} {top}".replace("\n", " ")


@pytest.mark.parametrize(
    ("above", "text", "starts"),
    [
        ("8. Perumusan dan penetapan Kebijakan", "9.\nPembangunan/ pengembangan", True),
        ("5. Penanganan abortus (AVM)", "6. Pelayanan pra rujukan", True),
        ("b) Perawatan luka bakar sedang", "c) Perawatan luka bakar besar", True),
        ("1. BERPERILAKU RAMAH\n2. BEREMPATI\n3. TIDAK MEROKOK", "4. MENJAGA NORMA", False),
        ("a. Pelayanan", "1) Pengambilan", None),  # another list: undecided
        ("Penanganan abortus", "6. Pelayanan", None),  # nothing numbered above
        ("5. Penanganan", "secara terbuka", None),  # no number: undecided
    ],
)
def test_starts_item(above: str, text: str, starts: bool | None) -> None:
    assert starts_item(above, text) is starts


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Program/Pokj\na", True),
        ("Hasil yang\ndiharapkan", True),
        ("TARIF (Rp)", True),
        ("Nilai jabatan (Tunjangan Kinerja) Per Kelas Jabatan (Rp)", True),
        ("201\n9", True),
        ("Pembangunan Unit Kerja untuk memperoleh predikat menuju WBK/WBBM", False),
        ("Penguatan Pengawasan", False),
        ("473.156.408", False),
    ],
)
def test_column_labels_come_from_the_vocabulary(text: str, label: bool) -> None:
    assert is_label(text) is label


PLAIN_HEADER: list[list[C | None]] = [
    [C("Program/Pokja", rowspan=2), C("Kegiatan", rowspan=2), C("Indikator Kinerja", colspan=2),
     None],
    [None, None, C("Outcome"), C("Output")],
]  # fmt: skip


def test_plain_header_found_by_its_labels_and_dropped_where_repeated(tmp_path: Path) -> None:
    """LAPAN p47/p63-64: a header in the plain face over a first row of text only (no item
    number); the next page repeats it. The first row is data, the repeat is dropped."""
    page1: list[list[C | None]] = [*PLAIN_HEADER,
             [C("Penguatan Tatalaksana", rowspan=2), C("1. Perluasan penerapan e-government"),
              C("Nilai E-Government"), C("IT Masterplan")],
             [None, C("2. Penerapan efisiensi"), C("Terselenggaranya proses"),
              C("Perka LAPAN tentang Business Process")]]  # fmt: skip
    page2: list[list[C | None]] = [*PLAIN_HEADER,
             [C(""), C("3. Penerapan sistem kearsipan"), C("Terselenggaranya kearsipan"),
              C("Sistem Informasi Kearsipan")]]  # fmt: skip
    pdf = make_pdf(tmp_path / "plain.pdf", [100, 150, 150, 150],
                   [PageSpec(rows=page1, title="B. KRITERIA KEBERHASILAN"), PageSpec(rows=page2)])  # fmt: skip
    result = process(pdf)
    assert len(result.flat_tables) == 1
    table = result.flat_tables[0]
    assert table.columns[:4] == [
        "program_pokja", "kegiatan", "indikator_kinerja_outcome", "indikator_kinerja_output"
    ]  # fmt: skip
    assert [r["kegiatan"] for r in table.rows] == [
        "1. Perluasan penerapan e-government", "2. Penerapan efisiensi",
        "3. Penerapan sistem kearsipan",
    ]  # fmt: skip
    assert [r["program_pokja"] for r in table.rows] == ["Penguatan Tatalaksana"] * 3


SPM_HEADER = [C("NO", bold=True), C("JENIS", bold=True), C("INDIKATOR", bold=True),
              C("KETERANGAN", bold=True)]  # fmt: skip


@pytest.mark.parametrize(("caption", "tables"), [("C. PELAYANAN", 2), ("Lanjutan", 1)])
def test_a_caption_of_its_own_starts_a_table(tmp_path: Path, caption: str, tables: int) -> None:
    """Sulut 75/2017 p11: table C opens a page under its caption "C. PELAYANAN" with the
    header of table B; it is a table of its own. A caption saying it goes on does not
    start one."""
    page1 = [SPM_HEADER, [C("1."), C("EXTERIOR KENDARAAN"), C("TERPASANG"), C("")]]
    page2 = [SPM_HEADER, [C("1."), C("ETIKA"), C("BISA"), C("")]]
    pdf = make_pdf(tmp_path / "spm.pdf", [40, 200, 150, 150],
                   [PageSpec(rows=page1, title="B. KENDARAAN"),
                    PageSpec(rows=page2, title=caption)])  # fmt: skip
    result = process(pdf)
    assert len(result.tabel) == tables
    assert [t.judul for t in result.tabel] == ["B. KENDARAAN", caption][:tables]
    assert [len(t.rows) for t in result.flat_tables] == [1, 1] if tables == 2 else [2]


def test_shading_is_no_ruling(tmp_path: Path) -> None:
    """Donggala p7: a header cell's lines each on a shaded band narrower than the cell
    (an Excel export) gave the table 27 columns for its 19; shading bounds no column."""
    path = tmp_path / "shade.pdf"
    canvas = Canvas(str(path), pagesize=landscape(A4), invariant=1)
    page_h = landscape(A4)[1]
    canvas.setFillColorRGB(1.0, 1.0, 0.0)  # yellow bands behind the header text lines
    for k in range(2):
        canvas.rect(48, page_h - (60 + 12 * (k + 1)), 80, 11, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    rows = [
        [C("No."), C("Nama Desa Kecamatan"), C("Jumlah Penduduk")],
        [C("1"), C("Pantolobete"), C("905")],
        [C("2"), C("Bonemarawa"), C("2005")],
    ]
    draw_table(canvas, 40, 60, [30, 120, 100], rows)
    canvas.showPage()
    canvas.save()
    result = process(path)
    (table,) = result.flat_tables
    assert table.columns == ["no", "nama_desa_kecamatan", "jumlah_penduduk"]
    assert [r["nama_desa_kecamatan"] for r in table.rows] == ["Pantolobete", "Bonemarawa"]


def test_nested_numbering_drawn_as_a_staircase_is_one_column_with_parents(
    tmp_path: Path,
) -> None:
    """Banjarnegara p100: under one "JENIS PELAYANAN" header, each level of the list is
    one cell further right (its number in a cell of its own). The rulings between those
    cells run through some rows only: one column, and the heading rows (text, no tarif)
    are the parents of the rows under them."""
    rows = [
        [C("NO"), C("JENIS PELAYANAN", colspan=4), None, None, None, C("TARIF (Rp)")],
        [C("1.", rowspan=5), C("Pelayanan Tempat Rekreasi:", colspan=4), None, None, None, C("")],
        [None, C("a."), C("Dataran Tinggi Dieng:", colspan=3), None, None, C("")],
        [None, C(""), C("1)"), C("Wisatawan Mancanegara", colspan=2), None, C("50.000")],
        [None, C(""), C("2)"), C("Wisatawan Nusantara", colspan=2), None, C("30.000")],
        [None, C("b."), C("Telaga Sewiwi", colspan=3), None, None, C("20.000")],
    ]
    pdf = make_pdf(tmp_path / "tangga.pdf", [40, 20, 20, 20, 200, 100], [PageSpec(rows=rows)])
    result = process(pdf)
    (table,) = result.flat_tables
    assert table.columns == ["no", "jenis_pelayanan", "tarif_rp", "no_induk",
                             "jenis_pelayanan_induk"]  # fmt: skip
    assert _rows(result) == [
        {"no": "1.", "jenis_pelayanan": "1) Wisatawan Mancanegara", "tarif_rp": "50.000",
         "no_induk": "1. Pelayanan Tempat Rekreasi:",
         "jenis_pelayanan_induk": "a. Dataran Tinggi Dieng:"},
        {"no": "1.", "jenis_pelayanan": "2) Wisatawan Nusantara", "tarif_rp": "30.000",
         "no_induk": "1. Pelayanan Tempat Rekreasi:",
         "jenis_pelayanan_induk": "a. Dataran Tinggi Dieng:"},
        {"no": "1.", "jenis_pelayanan": "b. Telaga Sewiwi", "tarif_rp": "20.000",
         "no_induk": "1. Pelayanan Tempat Rekreasi:"},
    ]  # fmt: skip
    assert sum(a.sel_sisa for a in result.akuntansi) == 0


@pytest.mark.parametrize(
    ("labels", "counts"),
    [
        (["1.", "2.", "3.", "4."], True),
        (["a.", "b.", "1.", "a.", "b."], True),  # lists start again
        (["I", "II", "III", "IV"], True),
        (["A.", "B.", "C.", "D."], True),  # C is a letter here, not 100
        (["17", "16", "15", "14", "13"], False),  # Perlem p11: "Kelas Jabatan"
        (["258", "193", "543", "411"], False),  # Donggala: households, not numbers
    ],
)
def test_a_numbering_column_counts_up(labels: list[str], counts: bool) -> None:
    assert _counts_up(labels) is counts


def _char(text: str, x0: float, x1: float, top: float = 100.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 12}


def test_glyphs_printed_over_are_not_read() -> None:
    """Banjarnegara p100: a space drawn inside the "D" of "Dataran" (Word's tab leader)
    and a list number "2" drawn under the "T" of "Tarif" are not what a reader sees."""
    dataran = [_char("D", 146.5, 156.1), _char(" ", 147.9, 151.7), _char("a", 156.1, 163.1)]
    assert [c["text"] for c in _without_overprinted(dataran)] == ["D", "a"]
    tarif = [_char("2", 167.8, 175.2), _char("T", 165.6, 173.1), _char("a", 173.1, 180.0)]
    assert [c["text"] for c in _without_overprinted(tarif)] == ["T", "a"]
    # Glyphs side by side, and a space between words, stay.
    words = [_char("a", 10, 17), _char(" ", 17, 20), _char("b", 20, 27), _char("c", 26.5, 33)]
    assert _without_overprinted(words) == words


def test_continuation_row_wider_than_the_row_it_continues() -> None:
    """Regression (Pergub Sulut 6/2016, a scan): a continuation row on the next page with
    more columns than the row it continues crashed stitch._merge_into (IndexError)."""
    from pipeline.extract.tables.grid import Cell, TablePiece
    from pipeline.extract.tables.stitch import LogicalRow, _merge_into

    def cell(col: int, text: str) -> Cell:
        return Cell(row=0, col=col, rowspan=1, colspan=1, text=text, bold=False)

    last = LogicalRow(cells=[cell(0, "1."), cell(1, "Penyusunan")], physical=[(1, 0)])
    grid = [[cell(0, ""), cell(1, "Road Map"), cell(2, "2016")]]
    piece = TablePiece(page=2, bbox=(0, 0, 300, 20), col_edges=[0, 100, 200, 300], grid=grid)
    _merge_into(piece, 0, last)
    assert [c.text for c in last.cells] == ["1.", "Penyusunan\nRoad Map", "2016"]


def _unruled_rows_pdf(path: Path, body: list[list[str]]) -> Path:
    """One table: a ruled header, then one ruled band printing `body` line by line, one
    row per line, with no rule between the rows (as Pergub Sulut 6/2016's allocation
    tables), then a ruled total row."""
    canvas = Canvas(str(path), pagesize=landscape(A4))
    xs, top, step = [60, 200, 300, 400], 500, 14
    header, total = ["Kabupaten/Kota", "Total", "JAN"], ["JUMLAH", "9", "9"]
    bottom = top - step * (len(body) + 2) - 8
    for y in (top, top - step - 2, bottom + step + 2, bottom):
        canvas.line(xs[0], y, xs[-1], y)
    for x in xs:
        canvas.line(x, top, x, bottom)
    canvas.setFont("Helvetica", 9)
    for c, text in enumerate(header):
        canvas.drawString(xs[c] + 4, top - step + 2, text)
    for r, row in enumerate(body):
        for c, text in enumerate(row):
            canvas.drawString(xs[c] + 4, top - step * (r + 2) - 2, text)
    for c, text in enumerate(total):
        canvas.drawString(xs[c] + 4, bottom + 5, text)
    canvas.save()
    return path


def test_unruled_rows_of_numbers_are_rows(tmp_path: Path) -> None:
    """Regression (Pergub Sulut 6/2016): rows of figures printed without rules between
    them were one row holding every line."""
    import pdfplumber

    from pipeline.extract.tables.grid import build_piece
    from pipeline.extract.tables.ruling import find_tables

    body = [
        ["Bolaang", "376,00", "35,00"],
        ["Minahasa", "102,50", "12,20"],
        ["Bitung", "1,00", "0,00"],
    ]
    with pdfplumber.open(_unruled_rows_pdf(tmp_path / "t.pdf", body)) as pdf:
        page = pdf.pages[0]
        (table,) = find_tables(page)
        piece = build_piece(page, table, 1, 3.0)
    assert piece is not None
    assert [[c.text for c in row] for row in piece.grid] == [
        ["Kabupaten/Kota", "Total", "JAN"],
        *body,
        ["JUMLAH", "9", "9"],
    ]


def test_wrapped_text_in_one_band_stays_one_row(tmp_path: Path) -> None:
    """Lines of words side by side (a wrapped paragraph beside another) are no rows."""
    import pdfplumber

    from pipeline.extract.tables.grid import build_piece
    from pipeline.extract.tables.ruling import find_tables

    body = [["Penyusunan", "Road", "Map"], ["dokumen", "Reformasi", "Birokrasi"]]
    with pdfplumber.open(_unruled_rows_pdf(tmp_path / "t.pdf", body)) as pdf:
        page = pdf.pages[0]
        (table,) = find_tables(page)
        piece = build_piece(page, table, 1, 3.0)
    assert piece is not None
    assert len(piece.grid) == 3
    assert piece.grid[1][0].text == "Penyusunan\ndokumen"


def test_years_wrapped_in_narrow_header_cells_are_no_rows() -> None:
    """Regression (LibreOffice's F4 rendering of the default): "2019" .. "2023" wrapped as
    "201" over "9" in five narrow header cells was cut into two header rows, and the
    table lost every Rencana Aksi record."""
    from pipeline.extract.tables.grid import _number_row_cuts

    years = [[("201", 10.0, 18.0), (str(y), 20.0, 28.0)] for y in range(9, 14)]
    assert _number_row_cuts(years) == []
    rows = [
        [(str(v), 10.0 * i, 10.0 * i + 8) for i, v in enumerate(col)] for col in [(1, 2, 3)] * 2
    ]
    assert _number_row_cuts(rows) == [9.0, 19.0]


@pytest.mark.parametrize(
    ("first", "second"),
    [(("2083", "0-3 bulan", "1784"), ("1733", "1-4 bulan", "1542")),
     (("6.6", "0-2 bulan", "6.1"), ("5.4", "1-3 bulan", "4.8"))],
)  # fmt: skip
def test_plain_header_over_figures_without_item_numbers(
    tmp_path: Path, first: tuple[str, ...], second: tuple[str, ...]
) -> None:
    """Permenkes 2/2020 p66/p70: a header in the plain face whose words are no column
    labels of the vocabulary ("Anak laki-laki (g)" | "Interval" | "Anak perempuan (g)"),
    over rows of figures that open with no item number: the header is the rows above the
    first row holding a value (p66's first rows were glued into the header up to "940",
    read as an item number; p70's header was a data row under kolom_1..3)."""
    header = [C("Anak laki-laki (g)"), C("Interval"), C("Anak perempuan (g)")]
    rows: list[list[C | None]] = [header, [C(t) for t in first], [C(t) for t in second]]
    pdf = make_pdf(tmp_path / "plain_figures.pdf", [120, 120, 120], [PageSpec(rows=rows)])
    result = process(pdf)
    assert len(result.flat_tables) == 1
    table = result.flat_tables[0]
    assert table.columns[:3] == ["anak_laki_laki_g", "interval", "anak_perempuan_g"]
    assert [tuple(r[c] for c in table.columns[:3]) for r in table.rows] == [first, second]
