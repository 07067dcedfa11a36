"""Generators of hostile and broken inputs for tests/test_hostile.py.

Every generator writes one file under the directory it is given and returns its path, so the
corpus lives in the test's tmp_path and nothing is committed.
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tests.pdfgen import C, PageSpec, draw_table, make_pdf
from tests.ra_builder import RA

TITLE = "RENCANA AKSI REFORMASI BIROKRASI TAHUN 2019-2021"
YEARS = (2019, 2020, 2021)
GOOD_ID = "perbup-contoh-3-2021"


def good_pdf(path: Path) -> Path:
    """A small, valid regulation with no lampiran table: published with a notice."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    y = 800.0
    for line in ["PERATURAN BUPATI CONTOH", "NOMOR 3 TAHUN 2021", "TENTANG", "CONTOH HOSTIL"]:
        canvas.drawString(60, y, line)
        y -= 14
    canvas.showPage()
    canvas.save()
    return path


def _text_pages(pages: int) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    width, _ = A4
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 10)
        if n == 1:
            canvas.drawString(60, 800, "PERATURAN BUPATI CONTOH")
            canvas.drawString(60, 786, "NOMOR 3 TAHUN 2021")
        else:
            canvas.drawCentredString(width / 2, 800, f"- {n} -")
        canvas.drawString(60, 760, f"Halaman uji nomor {n} dengan sedikit teks biasa.")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# --- not PDFs at all ---------------------------------------------------------------------


def zero_bytes(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(20240601).randbytes(64 * 1024))
    return path


def html_page(path: Path) -> Path:
    path.write_bytes(
        b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
        b"<body><h1>Not Found</h1><p>The requested URL was not found.</p></body></html>\n"
    )
    return path


# --- broken PDFs ---------------------------------------------------------------------------


def truncated_pdf(path: Path) -> Path:
    data = _text_pages(3)
    path.write_bytes(data[: len(data) // 2])
    return path


def broken_xref_pdf(path: Path) -> Path:
    """A valid reportlab PDF whose xref offsets and startxref number all point to nonsense."""
    data = _text_pages(2)

    def shift(match: re.Match[bytes]) -> bytes:
        return b"%010d 00000 n" % (int(match.group(1)) + 7)

    data, count = re.subn(rb"(\d{10}) 00000 n", shift, data)
    assert count > 0, "no xref entries found"
    data, count = re.subn(rb"startxref\s+(\d+)", lambda m: b"startxref\n%d" % 123, data)
    assert count == 1, "no startxref found"
    path.write_bytes(data)
    return path


def encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(
        str(path), pagesize=A4, invariant=1, encrypt=StandardEncryption("user", "owner")
    )
    canvas.drawString(60, 800, "PERATURAN BUPATI CONTOH")
    canvas.drawString(60, 786, "NOMOR 3 TAHUN 2021")
    canvas.showPage()
    canvas.save()
    return path


def blank_image_pdf(path: Path, pages: int = 3) -> Path:
    """Pages of a 'scan' holding nothing: a grey rectangle and an embedded blank image."""
    from PIL import Image

    image = Image.new("L", (200, 280), color=250)
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    for _ in range(pages):
        canvas.setFillGray(0.9)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.drawImage(ImageReader(image), 40, 40, width - 80, height - 80)
        canvas.showPage()
    canvas.save()
    return path


# --- Rencana Aksi tables in awkward shapes -----------------------------------------------


def _ra_rows(ra: RA, aksi_no: str, aksi: str) -> list[list[C | None]]:
    return ra.one_aksi(
        aksi_no=aksi_no,
        aksi=aksi,
        indikator="Jumlah dokumen (1 (satu) dokumen)",
        marks="2020",
        pj="BKD",
    )


ROTATED_AKSI = ("Aksi miring", "Aksi diputar")


def rotated_pages_pdf(path: Path) -> Path:
    """Page 1: a landscape table drawn sideways on a portrait page (no /Rotate).
    Page 2: a landscape table drawn normally on a portrait-shaped media box, then the page
    turned with /Rotate 90 (pypdf), as scanners and some writers do."""
    ra = RA(YEARS)
    w, h = portrait(A4)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(w, h), invariant=1)
    canvas.translate(w, 0)
    canvas.rotate(90)
    canvas.setFont("VeraBd", 10)
    canvas.drawString(40, w - 40, TITLE)
    draw_table(canvas, 40, 60, ra.widths, _ra_rows(ra, "a.", ROTATED_AKSI[0]), page_h=w)
    canvas.showPage()
    canvas.save()
    sideways = buffer.getvalue()

    # A table laid out for a landscape page, on a page whose content stream is upright
    # landscape; /Rotate 90 then makes viewers show it turned.
    lw, lh = landscape(A4)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(lw, lh), invariant=1)
    canvas.setFont("VeraBd", 10)
    canvas.drawString(40, lh - 40, TITLE)
    draw_table(canvas, 40, 60, ra.widths, _ra_rows(ra, "b.", ROTATED_AKSI[1]))
    canvas.showPage()
    canvas.save()
    upright = buffer.getvalue()

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(sideways)).pages[0])
    turned = PdfReader(io.BytesIO(upright)).pages[0]
    turned.rotate(90)
    writer.add_page(turned)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def many_pages_pdf(path: Path, pages: int = 1000) -> Path:
    path.write_bytes(_text_pages(pages))
    return path


class RAExtra(RA):
    """A Rencana Aksi table with one more column the pipeline does not know, at the end."""

    def __init__(self, header: str, width: float = 70) -> None:
        super().__init__(YEARS)
        self.extra_header = header
        self.cols.append("extra")
        self.widths.append(width)

    def header(self) -> list[list[C | None]]:
        top, sub = super().header()
        return [top + [C(self.extra_header, rowspan=2, bold=True)], sub + [None]]


EXTRA_VALUES = ("12.500.000", "7.250.000")


def extra_column_pdf(path: Path) -> Path:
    ra = RAExtra("Anggaran (Rp)")
    rows = ra.header() + [
        ra.program(
            "1.",
            "Program",
            no=C("1.", rowspan=3),
            area=C("Area", rowspan=3),
            hasil=C("Hasil", rowspan=3),
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no="a.",
            aksi="Aksi pertama",
            kriteria="K1",
            indikator="Jumlah dokumen (1 (satu) dokumen)",
            marks="2019",
            pj="BKD",
            extra=EXTRA_VALUES[0],
        ),
        ra.row(
            no=None,
            area=None,
            hasil=None,
            aksi_no="b.",
            aksi="Aksi kedua",
            kriteria="K2",
            indikator="Jumlah rapat (2 (dua) kegiatan)",
            marks="2020 2021",
            pj="Bagian Hukum",
            extra=EXTRA_VALUES[1],
        ),
    ]
    return make_pdf(path, ra.widths, [PageSpec(rows=rows, title=TITLE)])


HEADERLESS_ROWS: Sequence[Sequence[str]] = (
    ("1", "Bendo", "271.000", "Lunas"),
    ("2", "Carat", "150.500", ""),
    ("3", "Duwet", "90.000", "Sebagian"),
    ("4", "Gebyok", "", "Belum"),
    ("5", "Kembangan", "8.000", "Lunas"),
)


def headerless_table_pdf(path: Path) -> Path:
    """A ruled table of plain (not bold) cells with no header row at all."""
    rows = [[C(text) for text in row] for row in HEADERLESS_ROWS]
    spec = PageSpec(rows=rows, title="LAMPIRAN DAFTAR ALOKASI DESA")
    return make_pdf(path, [30, 150, 100, 90], [spec], pagesize=portrait(A4))


def truncated_pdf_with_eof(path: Path) -> Path:
    """The first half of a PDF with an %%EOF marker glued on: defeats a cheap tail check."""
    data = _text_pages(3)
    path.write_bytes(data[: len(data) // 2] + b"\n%%EOF\n")
    return path
