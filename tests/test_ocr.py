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
from pipeline.normalize.generic_table import CONFIDENCE_SUFFIX
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
    (table,) = result.flat_tables
    values = {row["jenis_retribusi"]: row.get("tarif_rp__nilai") for row in table.rows}
    assert values["Rawat inap"] == 150000
    assert values["Laboratorium"] == 40000
    assert values["Jumlah"] == 230000
    assert {row["kelompok"] for row in table.rows} == {"A. RETRIBUSI JASA UMUM"}
    assert result.dokumen.halaman_ocr == [1]
    assert [t.sumber_teks for t in result.tabel] == ["ocr"]
    assert result.tabel[0].keyakinan_ocr is not None
    # Every value read carries its own confidence beside it, its column's included in the
    # published columns (issue 17, item 5); an empty value has none.
    published = table.published_columns()
    for column in table.columns:
        assert column + CONFIDENCE_SUFFIX in published, column
        for row in table.rows:
            sure = row[column + CONFIDENCE_SUFFIX]
            if row[column]:
                assert sure is not None and 0 <= sure <= 100, (column, row)
            else:
                assert sure is None, (column, row)
    kinds = dict(zip(result.tabel[0].kolom, result.tabel[0].tipe_kolom, strict=True))
    assert kinds["jenis_retribusi" + CONFIDENCE_SUFFIX] == "keyakinan"
    # The table's confidence is its least sure cell's (header included): no value is lower.
    least = min(r[c + CONFIDENCE_SUFFIX] or 100 for r in table.rows for c in table.columns)
    assert result.tabel[0].keyakinan_ocr <= least
    original = process(pdf)  # the born-digital original: no confidence column at all
    assert original.tabel[0].sumber_teks == "teks"
    assert not [c for c in original.tabel[0].kolom if c.endswith(CONFIDENCE_SUFFIX)]
    assert not [k for r in original.flat_tables[0].rows for k in r if k.endswith(CONFIDENCE_SUFFIX)]


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
    # Every value read carries its own confidence (issue 17, item 5).
    values = (
        rec.keyakinan_area, rec.keyakinan_hasil_indikator, rec.keyakinan_program,
        rec.keyakinan_rencana_aksi, rec.keyakinan_kriteria_keberhasilan,
        rec.keyakinan_indikator_target, rec.keyakinan_penanggung_jawab,
    )  # fmt: skip
    assert all(v is not None and 0 <= v <= 100 for v in values), str(values)
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
    and nearly all cell texts identical (95 % when measured; the full-document figures are in
    the README)."""
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
    assert same / len(text) >= 0.93, [(text[k], ocr[k]) for k in text if ocr[k] != text[k]]


@pytest.fixture(scope="module")
def perda_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A generated two-page regulation (bold headings, lists ending in ";") and its scan."""
    from tests.test_body_generated import CLOSING, PREAMBLE, TITLE
    from tests.textpdf import H, L, make_text_pdf

    body = [
        H("BAB I"), H("KETENTUAN UMUM"), H("Pasal 1"),
        L("Dalam Peraturan Daerah ini yang dimaksud dengan:"),
        L("1. Daerah adalah Provinsi Jawa Timur."),
        L("2. Arsip adalah rekaman kegiatan."),
        H("Pasal 2"), L("Peraturan Daerah ini mulai berlaku pada tanggal diundangkan."),
    ]  # fmt: skip
    folder = tmp_path_factory.mktemp("perda-scan")
    pdf = make_text_pdf(folder / "perda.pdf", [TITLE + PREAMBLE + body, CLOSING])
    return pdf, scan_of(pdf, folder / "perda-scan.pdf", dpi=300)


def test_scanned_body_records_carry_their_ocr_confidence(perda_scan: tuple[Path, Path]) -> None:
    pdf, scan_pdf = perda_scan
    text, scan = process(pdf), process(scan_pdf)
    assert [n.id for n in scan.simpul] == [n.id for n in text.simpul]  # "BAB |" is "BAB I"
    for name in ("simpul", "menimbang", "dasar_hukum", "definisi"):
        scanned, born_digital = getattr(scan, name), getattr(text, name)
        assert scanned and len(scanned) == len(born_digital), name
        assert all(r.sumber_teks == "ocr" and 0 <= r.keyakinan_ocr <= 100 for r in scanned)
        assert all(r.sumber_teks == "teks" and r.keyakinan_ocr is None for r in born_digital)
    # Every Menimbang and Mengingat point ends with ";", however OCR read it.
    assert [r.teks[-1] for r in scan.menimbang] == [r.teks[-1] for r in text.menimbang]
    assert [r.teks[-1] for r in scan.dasar_hukum] == [r.teks[-1] for r in text.dasar_hukum]


def test_bold_is_read_from_the_ink(perda_scan: tuple[Path, Path]) -> None:
    """Bold headings (BAB, Pasal) are bold on the scan too: their strokes are thicker."""
    from pipeline.extract.document import extract_document

    pdf, scan_pdf = perda_scan
    printed = {ln.text: ln.bold for p in extract_document(pdf).pages for ln in p.lines}
    scanned = {ln.text: ln.bold for p in extract_document(scan_pdf).pages for ln in p.lines}
    same_text = printed.keys() & scanned.keys()
    assert {t for t in same_text if printed[t]} >= {"KETENTUAN UMUM", "Pasal 1", "Pasal 2"}
    assert len(same_text) >= 0.8 * len(printed)
    assert {t: scanned[t] for t in same_text} == {t: printed[t] for t in same_text}


def test_scanned_page_with_a_text_layer_page_number(tmp_path: Path) -> None:
    """A signed title page scanned into a born-digital file: the image holds the title, the
    text layer only the page number beside it ("i"). Before: the page counted as text, was
    never OCR'd, and the title was lost (the id came from the file name)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from tests.test_reliability_crash import regulation_pdf

    text = regulation_pdf(tmp_path / "text.pdf", nomor=7, pages=1)
    with pdfplumber.open(text) as doc:
        page = doc.pages[0]
        width, height = float(page.width), float(page.height)
        image = page.to_image(resolution=300).original.convert("L")
    top = image.crop((0, 0, image.width, int(image.height * 0.6)))  # the title block
    mixed = tmp_path / "halaman-i.pdf"
    canvas = Canvas(str(mixed), pagesize=(width, height), invariant=1)
    canvas.drawImage(ImageReader(top), 0, height * 0.4, width, height * 0.6)
    canvas.drawString(width / 2, 30, "i")
    canvas.showPage()
    canvas.save()
    with pdfplumber.open(mixed) as doc:
        assert [c["text"] for c in doc.pages[0].chars] == ["i"]  # the only text layer
    result = process(mixed)
    assert result.dokumen.halaman_ocr == [1]
    assert result.dokumen_id == "perbup-contoh-7-2021"
    assert (result.dokumen.nomor, result.dokumen.tahun) == ("7", 2021)
