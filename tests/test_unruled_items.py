"""Rows from the content where no rulings separate them (PP 56/2014's tariff table, issue
16): one ruled band per page holds nested numbered items, each list at its own indent, a
unit and a tariff printed beside the items that are priced. Generated PDFs with the lines
placed by hand; expected values are written here from the lines drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.run import process
from tests.test_tables_structure import _rows

WIDTHS = (40.0, 240.0, 90.0, 100.0)
X0, TOP, HEADER_H, STEP, SIZE = 40.0, 60.0, 24.0, 20.0, 8.0
# A piece of a printed line: (column, indent in points from the column's left edge, text),
# a fourth item True when it is set in bold.
Line = tuple[int, float, str] | tuple[int, float, str, bool]


def _band_pdf(path: Path, pages: list[list[list[Line]]]) -> Path:
    """One table per page: the bold header "No | Uraian | Satuan | Tarif", then one ruled
    band holding each page's lines (a list per printed line, the pieces on it)."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    _, page_h = A4
    xs = [X0]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    for lines in pages:
        bottom = TOP + HEADER_H + STEP * (len(lines) + 1)
        for c in range(len(WIDTHS)):
            canvas.rect(xs[c], page_h - TOP - HEADER_H, WIDTHS[c], HEADER_H)
            canvas.rect(xs[c], page_h - bottom, WIDTHS[c], bottom - TOP - HEADER_H)
        canvas.setFont("VeraBd", SIZE)
        for c, name in enumerate(("No", "Uraian", "Satuan", "Tarif")):
            canvas.drawString(xs[c] + 4, page_h - TOP - 15, name)
        for k, pieces in enumerate(lines):
            y = page_h - (TOP + HEADER_H + STEP * (k + 1))
            for col, indent, text, *bold in pieces:
                canvas.setFont("VeraBd" if bold and bold[0] else "Vera", SIZE)
                canvas.drawString(xs[col] + 4 + indent, y, text)
        canvas.showPage()
    canvas.save()
    return path


def _priced(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(r["uraian"], r.get("satuan", ""), r["tarif"]) for r in rows]


def _parents(row: dict[str, Any]) -> list[str]:
    return [v for k, v in row.items() if "_induk" in k]


def test_nested_items_without_rulings_are_rows(tmp_path: Path) -> None:
    """Items numbered "I." (in the No column), "A.", "1." at three indents; an item's text
    wrapped onto a hanging line, its unit wrapped beside it; a tariff beside each priced
    item: one row per priced item, the unpriced items above it its parents. The first
    item is set in bold like the header above it: a section of the body ("I." in a cell
    of its own), not a header row."""
    page: list[list[Line]] = [
        [(0, 0, "I.", True), (1, 0, "PELAYANAN", True)],
        [(1, 0, "A. Pelayanan Umum")],
        [(1, 12, "1. Izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 100.000,00")],
        [(1, 12, "2. Perpanjangan izin yang"), (2, 0, "Per permohonan"),
         (3, 0, "Rp 200.000,00")],
        [(1, 24, "diberikan sekali"), (2, 0, "per unit")],
        [(1, 0, "B. Pelayanan Khusus")],
        [(1, 12, "1. Izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 300.000,00")],
    ]  # fmt: skip
    rows = _rows(process(_band_pdf(tmp_path / "t.pdf", [page])))
    assert _priced(rows) == [
        ("1. Izin", "Per permohonan", "Rp 100.000,00"),
        ("2. Perpanjangan izin yang diberikan sekali", "Per permohonan per unit",
         "Rp 200.000,00"),
        ("1. Izin", "Per permohonan", "Rp 300.000,00"),
    ]  # fmt: skip
    assert _parents(rows[0]) == ["I. PELAYANAN", "A. Pelayanan Umum"]
    assert _parents(rows[2]) == ["I. PELAYANAN", "B. Pelayanan Khusus"]


def test_roman_items_under_letters(tmp_path: Path) -> None:
    """Items "(i)", "(ii)" under "(a) Konstruksi": a list of Roman numerals of its own under
    that item, not the letter after "(a)"; "(b) Operasi" closes it."""
    page: list[list[Line]] = [
        [(1, 0, "1. Teleterapi")],
        [(1, 12, "(a) Konstruksi")],
        [(1, 24, "(i) Izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 100.000,00")],
        [(1, 24, "(ii) Perpanjangan izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 200.000,00")],
        [(1, 12, "(b) Operasi")],
        [(1, 24, "(i) Izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 300.000,00")],
    ]  # fmt: skip
    rows = _rows(process(_band_pdf(tmp_path / "t.pdf", [page])))
    assert [(r["uraian"], r["tarif"]) for r in rows] == [
        ("(i) Izin", "Rp 100.000,00"),
        ("(ii) Perpanjangan izin", "Rp 200.000,00"),
        ("(i) Izin", "Rp 300.000,00"),
    ]
    assert [_parents(r) for r in rows] == [
        ["1. Teleterapi", "(a) Konstruksi"],
        ["1. Teleterapi", "(a) Konstruksi"],
        ["1. Teleterapi", "(b) Operasi"],
    ]


def test_items_go_on_across_pages(tmp_path: Path) -> None:
    """A page that ends on a heading ("b. Ekspor:") and the next that opens with its
    first item ("1) Izin", priced): a row of its own under that heading. A page that opens
    with the next heading ("c. Produksi", its text opening in lower case after the label)
    under a priced row: a heading of its own, not the rest of that row."""
    pages: list[list[list[Line]]] = [
        [
            [(1, 0, "a. Impor")],
            [(1, 12, "1) Izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 100.000,00")],
            [(1, 12, "2) Perubahan izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 110.000,00")],
            [(1, 0, "b. Ekspor:")],
        ],
        [
            [(1, 12, "1) Izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 200.000,00")],
            [(1, 12, "2) Perubahan izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 120.000,00")],
        ],
        [
            [(1, 0, "c. Produksi")],
            [(1, 12, "1) Izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 300.000,00")],
            [(1, 12, "2) Perubahan izin"), (2, 0, "Per permohonan"), (3, 0, "Rp 130.000,00")],
        ],
    ]  # fmt: skip
    rows = _rows(process(_band_pdf(tmp_path / "t.pdf", pages)))
    assert [(r["uraian"], r["tarif"], _parents(r)) for r in rows] == [
        ("1) Izin", "Rp 100.000,00", ["a. Impor"]),
        ("2) Perubahan izin", "Rp 110.000,00", ["a. Impor"]),
        ("1) Izin", "Rp 200.000,00", ["b. Ekspor:"]),
        ("2) Perubahan izin", "Rp 120.000,00", ["b. Ekspor:"]),
        ("1) Izin", "Rp 300.000,00", ["c. Produksi"]),
        ("2) Perubahan izin", "Rp 130.000,00", ["c. Produksi"]),
    ]


def test_a_list_in_prose_beside_one_value_stays_one_row(tmp_path: Path) -> None:
    """Only one item has a value beside it: nothing says where the others' rows end, the
    band stays one row (MIN_VALUED_ITEMS)."""
    page: list[list[Line]] = [
        [(0, 0, "1."), (1, 0, "Paket lengkap:"), (2, 0, "Per paket"), (3, 0, "Rp 50.000,00")],
        [(1, 12, "a. konsultasi;")],
        [(1, 12, "b. obat."), ],
    ]  # fmt: skip
    rows = _rows(process(_band_pdf(tmp_path / "t.pdf", [page])))
    assert [(r["uraian"], r["tarif"]) for r in rows] == [
        ("Paket lengkap: a. konsultasi; b. obat.", "Rp 50.000,00")
    ]
