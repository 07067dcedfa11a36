"""Table structure patterns of the BAPETEN regulations (tests/fixtures/real), on generated
PDFs and hand-made glyphs: a header of two ruled levels, items printed as numbered lines of
one ruled cell, a section row that does not span the whole width, superscripts. Expected
values are written here from the table drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.extract.tables.grid import raised_to_superscript
from pipeline.run import process
from tests.pdfgen import C, PageSpec, make_pdf
from tests.test_tables_structure import _rows


def test_two_level_header_in_the_plain_face(tmp_path: Path) -> None:
    """Kepka BAPETEN 1999 p6: "RADIONUKLIDA" merged down beside "Kadar Tertinggi ...
    (Bq/l)" over "Air" | "Udara", no bold, no label of the vocabulary: the two ruled
    levels are the header, the names joined from both; numbers under an upper cell (Perka
    BAPETEN 2014 p42: "PPR MEDIK" over "1" | "2") are names, not a row of column numbers."""
    header = [
        [C("RADIONUKLIDA", rowspan=2), C("Kadar Tertinggi (Bq/l)", colspan=2), None,
         C("PPR MEDIK", colspan=2), None],
        [None, C("Air"), C("Udara"), C("1"), C("2")],
    ]  # fmt: skip
    body = [
        [C("Be-7"), C("7 x 104"), C("7 x 100"), C("√"), C("√")],
        [C("C-14"), C("3 x 104"), C("4 x 100"), C("√"), C("")],
    ]
    pdf = make_pdf(tmp_path / "t.pdf", [90, 80, 80, 50, 50], [PageSpec(rows=header + body)])
    result = process(pdf)
    assert result.flat_tables[0].columns == [
        "radionuklida", "kadar_tertinggi_bq_l_air", "kadar_tertinggi_bq_l_udara",
        "ppr_medik_1", "ppr_medik_2",
    ]  # fmt: skip
    assert [r["radionuklida"] for r in _rows(result)] == ["Be-7", "C-14"]


def test_items_printed_as_lines_of_one_cell(tmp_path: Path) -> None:
    """Perka BAPETEN 2014 p33: "IKK" beside one ruled cell printing "a." ... "c." on lines
    of their own, a tick beside each item's first line: a row per item."""
    rows = [
        [C("No", bold=True), C("KOMPETENSI", colspan=2, bold=True), None, C("PPR 1", bold=True)],
        [C("I.1."), C("Sistem Manajemen", colspan=2), None, C("")],
        [C(""), C("IKK"), C("a. menjelaskan aspek;\nb. menyusun strategi;\nc. membuat rencana."),
         C("√\n√\n√")],
    ]  # fmt: skip
    pdf = make_pdf(tmp_path / "t.pdf", [40, 40, 260, 60], [PageSpec(rows=rows)])
    published = _rows(process(pdf))
    assert [r.get("kompetensi_2") for r in published] == [
        "a. menjelaskan aspek;", "b. menyusun strategi;", "c. membuat rencana."
    ]  # fmt: skip
    assert [r["ppr_1"] for r in published] == ["√", "√", "√"]
    assert all(r["no_induk"] == "I.1. Sistem Manajemen" for r in published)


def test_a_list_beside_one_value_stays_one_row(tmp_path: Path) -> None:
    """The numbering alone is not enough: a list in one cell beside a single tariff is one
    row (nothing says the tariff is the first item's)."""
    rows = [
        [C("No", bold=True), C("Uraian", bold=True), C("Tarif", bold=True)],
        [C("1."), C("Paket:\na. konsultasi;\nb. obat."), C("50.000")],
        [C("2."), C("a. konsultasi;\nb. obat."), C("60.000")],
    ]
    pdf = make_pdf(tmp_path / "t.pdf", [40, 260, 80], [PageSpec(rows=rows)])
    published = _rows(process(pdf))
    assert [r["tarif"] for r in published] == ["50.000", "60.000"]


def test_section_row_not_across_the_width(tmp_path: Path) -> None:
    """Perban BAPETEN 2022 p26: "B. Generator dan Tabung Sinar-X" over the items "1." ...
    of a numbered table, printed across the "Parameter" columns, its value cell empty: a
    group row, not a data row; the items under it are its."""
    rows = [
        [C("Parameter", colspan=2), None, C("Nilai Lolos Uji")],
        [C("A. Kolimasi Berkas Sinar-X", colspan=3), None, None],
        [C("1."), C("Iluminasi"), C("100 lux")],
        [C("B. Generator dan Tabung Sinar-X", colspan=2), None, C("")],
        [C("1."), C("Akurasi tegangan"), C("10%")],
        [C("2."), C("Akurasi waktu penyinaran"), C("10%")],
    ]
    pdf = make_pdf(tmp_path / "t.pdf", [30, 200, 150], [PageSpec(rows=rows)])
    published = _rows(process(pdf))
    assert [(r["parameter_2"], r["kelompok"]) for r in published] == [
        ("Iluminasi", "A. Kolimasi Berkas Sinar-X"),
        ("Akurasi tegangan", "B. Generator dan Tabung Sinar-X"),
        ("Akurasi waktu penyinaran", "B. Generator dan Tabung Sinar-X"),
    ]


def _glyph(text: str, x0: float, top: float, size: float) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 0.5 * size, "top": top, "bottom": top + size,
            "size": size, "fontname": "F"}  # fmt: skip


def test_superscripts() -> None:
    """A digit or sign set smaller and raised beside a glyph is a superscript: "10⁻²",
    and before a symbol "²²⁷Ac" (the blank of superscript size between them is no word
    gap); a smaller digit on the baseline ("H₂O" printed small but not raised) is not."""
    base = [_glyph("1", 0, 10, 12), _glyph("0", 6, 10, 12)]
    raised = [_glyph("-", 12, 10, 8), _glyph("2", 16, 10, 8)]  # bottom 18 < 22 - 3
    out = raised_to_superscript(base + raised)
    assert "".join(c["text"] for c in out) == "10⁻²"
    assert all(c["bottom"] == 22 for c in out)
    pre = [_glyph("2", 0, 10, 8), _glyph("2", 4, 10, 8), _glyph("7", 8, 10, 8),
           {**_glyph(" ", 12, 10, 8), "x1": 13.5}, _glyph("A", 14, 10, 12)]  # fmt: skip
    assert "".join(c["text"] for c in raised_to_superscript(pre)) == "²²⁷A"
    low = [_glyph("H", 0, 10, 12), _glyph("2", 6, 14.5, 8)]  # bottom 22.5: on the line
    assert "".join(c["text"] for c in raised_to_superscript(low)) == "H2"


def test_column_groups_side_by_side(tmp_path: Path) -> None:
    """Perka BAPETEN 7/2017 p4: one frame prints the list as three "Nuklida | Nilai"
    pairs side by side, the header repeated over each: one table of two columns, the
    pairs' rows one after the other, left to right."""
    header = [C("Nuklida"), C("Nilai Batas (Bq/jam)")] * 3
    rows = [
        header,
        [C("Ac-228"), C("6,9"), C("I-131"), C("8,5"), C("Rh-105"), C("1,9")],
        [C("Ag-110m"), C("5,1"), C("I-132"), C("1,1"), C(""), C("")],
    ]
    pdf = make_pdf(tmp_path / "t.pdf", [60, 80] * 3, [PageSpec(rows=rows)])
    result = process(pdf)
    assert result.flat_tables[0].columns == ["nuklida", "nilai_batas_bq_jam"]
    assert [(r["nuklida"], r["nilai_batas_bq_jam"]) for r in _rows(result)] == [
        ("Ac-228", "6,9"), ("Ag-110m", "5,1"), ("I-131", "8,5"), ("I-132", "1,1"),
        ("Rh-105", "1,9"),
    ]  # fmt: skip
