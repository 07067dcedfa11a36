"""Scans: a page without a text layer is OCR'd (Tesseract, Indonesian), its ruling lines
found in the image, and the same table machinery reads it. The scan is made by the test
from a generated PDF (rendered at 200 dpi, turned 0.25 degrees, with noise)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from pipeline.extract.ocr import ocr_available
from pipeline.run import DocumentResult, process
from tests.conftest import DEFAULT_PDF
from tests.pdfgen import PageSpec, make_pdf
from tests.test_generic_tables import TARIF

pytestmark = pytest.mark.skipif(
    not ocr_available(),
    reason="Tesseract with the Indonesian model is not installed (make test installs it)",
)


def scan_of(pdf: Path, out: Path, dpi: int = 200, angle: float = 0.25) -> Path:
    rng = np.random.default_rng(7)
    pages = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            image = page.to_image(resolution=dpi).original.convert("L")
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            noisy = np.array(image).astype(np.int16) + rng.normal(
                0, 12, (image.height, image.width)
            )
            pages.append(Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)))
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out


def test_scanned_tariff_table(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "tarif.pdf", [40, 260, 120],
                   [PageSpec(rows=TARIF, title="LAMPIRAN TARIF RETRIBUSI")])  # fmt: skip
    scan = scan_of(pdf, tmp_path / "tarif-scan.pdf")
    with pdfplumber.open(scan) as doc:
        assert not doc.pages[0].chars  # an image only
    result = process(scan)
    (table,) = result.tabel_isi
    values = {row["jenis_retribusi"]: row.get("tarif_rp__nilai") for row in table.rows}
    assert values["Rawat inap"] == 150000
    assert values["Laboratorium"] == 40000
    assert values["Jumlah"] == 230000
    assert {row["kelompok"] for row in table.rows} == {"A. RETRIBUSI JASA UMUM"}
    assert result.dokumen.halaman_ocr == [1]
    assert [t.sumber_teks for t in result.tabel] == ["ocr"]
    assert process(pdf).tabel[0].sumber_teks == "teks"  # the born-digital original


def test_scanned_rencana_aksi_records_say_they_come_from_ocr(tmp_path: Path) -> None:
    from tests.ra_builder import RA
    from tests.test_tables_generated import TITLE, YEARS

    ra = RA(YEARS)
    rows = ra.one_aksi(
        program="Program Satu",
        area="Area Satu",
        hasil="Hasil Satu",
        aksi="Menyusun dokumen",
        kriteria="Tersusunnya dokumen",
        indikator="Jumlah dokumen (2 (dua) dokumen)",
        marks="2019 2021",
        pj="BKD",
    )
    pdf = make_pdf(tmp_path / "ra.pdf", ra.widths, [PageSpec(rows=rows, title=TITLE)])
    (rec,) = process(scan_of(pdf, tmp_path / "ra-scan.pdf", dpi=300)).rencana_aksi
    assert rec.sumber_teks == "ocr" and rec.keyakinan_ocr is not None
    assert rec.tahun_pelaksanaan == [2019, 2021]  # ticks read from the ink
    assert rec.penanggung_jawab_teks == "BKD"


def _cells(pdf: Path) -> dict[tuple[int, int, int], str]:
    """(page, row, column) -> the cell's text without whitespace, for every table cell."""
    from pipeline.extract.document import extract_document

    out = {}
    for table in extract_document(pdf).tables:
        for piece in table.pieces:
            for row in piece.grid:
                for cell in row:
                    for part in cell.parts:
                        if part.page == piece.page:
                            out[(piece.page, cell.row, cell.col)] = "".join(part.text.split())
    return out


def test_scanned_rencana_aksi_pages_read_like_their_text_layer(
    tmp_path: Path, default_result: DocumentResult
) -> None:
    """Two Rencana Aksi pages of the default PDF, scanned: the same cells, the same ticks,
    and nearly all cell texts identical (the full-document figures are in the README)."""
    from pypdf import PdfReader, PdfWriter

    first = min(r.halaman_awal for r in default_result.rencana_aksi)
    writer = PdfWriter()
    for index in (first - 1, first):
        writer.add_page(PdfReader(DEFAULT_PDF).pages[index])
    original = tmp_path / "pages.pdf"
    writer.write(original)
    text, ocr = _cells(original), _cells(scan_of(original, tmp_path / "pages-scan.pdf"))
    assert text.keys() == ocr.keys()  # the ruling lines found in the image make the same grid
    ticks = {k for k, v in text.items() if v == "√"}
    assert ticks and {k for k, v in ocr.items() if v == "√"} == ticks  # decided by the ink
    same = sum(1 for k, v in text.items() if ocr[k] == v)
    assert same / len(text) >= 0.9, [(text[k], ocr[k]) for k in text if ocr[k] != text[k]]
