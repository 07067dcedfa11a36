"""Item 4 of issue 15: table text read as narrative is left over. Every word inside a table
frame ends in a cell or in sisa.json: a frame whose grid the reader could not build gives
its lines to the lampiran text, and each of them is a leftover, so the run never reads
"left over 0" then."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import pipeline.extract.document as document
from pipeline.extract.tables.horizontal import rule_stacks
from pipeline.extract.tables.ruling import find_tables, table_frames
from pipeline.normalize.accounting import FRAMED_TEXT
from pipeline.run import process
from tests.pdfgen import C, PageSpec, draw_horizontals_only_table, make_pdf

WIDTHS = [30, 110, 200, 180]
ROWS = [
    [C("NO", bold=True), C("PROGRAM", bold=True), C("KEGIATAN", bold=True),
     C("HASIL YANG DIHARAPKAN", bold=True)],
    [C("1."), C("Penataan Sistem"), C("Penetapan kinerja individu"), C("Dapat meningkatkan")],
    [C("2."), C("Penguatan Pengawasan"), C("Melaksanakan kebijakan gratifikasi"),
     C("Dapat meningkatkan kapasitas")],
]  # fmt: skip


def _pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "bingkai.pdf", WIDTHS, [PageSpec(rows=ROWS, title="Tabel 3.2")])


def test_a_table_read_as_cells_leaves_nothing_over(tmp_path: Path) -> None:
    result = process(_pdf(tmp_path))
    assert [s for s in result.sisa if s.alasan == FRAMED_TEXT] == []
    assert len(result.program) == 2


def test_a_frame_whose_grid_was_not_built_is_left_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grid is not built (as when a table's ruling defeats the reader): its text lands
    in the narrative, and every line of it inside the frame is a leftover."""
    monkeypatch.setattr(document, "build_piece", lambda *args, **kwargs: None)
    result = process(_pdf(tmp_path))
    framed = [s.teks for s in result.sisa if s.alasan == FRAMED_TEXT]
    assert result.program == []
    assert "Tabel 3.2" not in framed  # the caption is above the frame
    for text in ("Penetapan kinerja individu", "Melaksanakan kebijakan gratifikasi"):
        assert any(text in line for line in framed), text


def test_a_box_without_inner_rules_is_no_table_frame(tmp_path: Path) -> None:
    """A border around the page or a boxed paragraph divides nothing into cells."""
    path = tmp_path / "kotak.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.rect(30, 30, A4[0] - 60, A4[1] - 60)
    canvas.rect(100, 500, 300, 100)
    canvas.drawString(110, 560, "Teks di dalam kotak")
    canvas.rect(100, 200, 300, 100)
    canvas.line(250, 200, 250, 300)
    canvas.save()
    with pdfplumber.open(path) as pdf:
        frames = table_frames(pdf.pages[0])
    assert [tuple(round(v) for v in f) for f in frames] == [(100, 542, 400, 642)]


def test_a_horizontals_only_table_whose_grid_was_not_built_is_left_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table ruled with horizontal rules only (each rule in per-column pieces meeting end
    to end) closes no frame, so a frame of its own is the table found there: when its grid
    is not built its text lands in the narrative and each line is a leftover. Counted
    before only inside closed frames, so the run read "left over 0"."""
    path = tmp_path / "horizontal.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    height = A4[1]
    canvas.setFont("Helvetica", 10)
    canvas.drawString(40, height - 270, "Tabel tarif sewa")
    draw_horizontals_only_table(canvas)
    canvas.save()
    with pdfplumber.open(path) as pdf:
        assert table_frames(pdf.pages[0]) == []  # no closed frame: no rule runs down
    monkeypatch.setattr(document, "build_piece", lambda *args, **kwargs: None)
    framed = [s.teks for s in process(path).sisa if s.alasan == FRAMED_TEXT]
    assert "Tabel tarif sewa" not in framed  # the caption is above the table
    for text in ("Sewa aula", "Sewa kursi"):
        assert any(text in line for line in framed), text


def _whole_rules_table(canvas: Canvas, top: float) -> None:
    """A three-column table ruled only by whole horizontal rules, each drawn once across
    the width (a "booktabs" style: no junction marks a column edge)."""
    height = A4[1]
    rows = [("No", "Jenis Layanan", "Tarif (Rp)"), ("1.", "Sewa aula", "500.000"),
            ("2.", "Sewa kursi", "5.000"), ("3.", "Sewa panggung", "250.000")]  # fmt: skip
    for k, row in enumerate(rows):
        y = top + 18 * k
        canvas.line(60, height - y, 420, height - y)
        canvas.setFont("Helvetica", 9)
        for x, text in zip((64, 110, 330), row, strict=False):
            canvas.drawString(x, height - (y + 12), text)
    canvas.line(60, height - (top + 18 * len(rows)), 420, height - (top + 18 * len(rows)))


def test_a_table_of_whole_horizontal_rules_no_finder_reads_is_left_over(tmp_path: Path) -> None:
    """Rules drawn whole across the width give the column finder nothing (no rule runs
    down, no junction in a rule), so the table is not read and its text lands in the
    narrative; the stack of parallel rules of one extent with text in columns between
    them frames it, and every line of it is a leftover. Before, no frame: "left over 0"."""
    path = tmp_path / "garis-utuh.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, A4[1] - 280, "Tabel tarif sewa gedung")
    _whole_rules_table(canvas, 300.0)
    canvas.drawString(60, A4[1] - 420, "Tarif dapat berubah sesuai keputusan bupati.")
    canvas.save()
    with pdfplumber.open(path) as pdf:
        assert table_frames(pdf.pages[0]) == []
        assert find_tables(pdf.pages[0]) == []  # the finders read no table here
    framed = [s.teks for s in process(path).sisa if s.alasan == FRAMED_TEXT]
    for text in ("Jenis Layanan", "Sewa aula", "Sewa kursi", "Sewa panggung"):
        assert any(text in line for line in framed), text
    assert not any("Tabel tarif" in line or "Tarif dapat" in line for line in framed)


def test_underlines_signature_lines_and_ruled_paragraphs_are_no_table(tmp_path: Path) -> None:
    """Horizontal rules that are no table: a heading's underline, signature lines side by
    side, a form's lines to write on (nothing printed between them, the labels left of
    them), a letterhead's double rule, and a paragraph between rules of one extent (text in
    one column). No stack is framed, nothing is left over."""
    path = tmp_path / "bukan-tabel.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    h = A4[1]
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, h - 60, "PEMERINTAH KABUPATEN CONTOH")
    canvas.line(50, h - 70, 540, h - 70)
    canvas.line(50, h - 72, 540, h - 72)
    canvas.drawString(200, h - 110, "SURAT KETERANGAN")
    canvas.line(200, h - 112, 300, h - 112)
    for k, label in enumerate(("Nama", "Alamat", "Pekerjaan", "Tanda tangan")):
        canvas.drawString(60, h - (150 + 20 * k), label)
        canvas.line(160, h - (152 + 20 * k), 420, h - (152 + 20 * k))
    for k in range(3):
        y = 280 + 40 * k
        canvas.line(60, h - y, 420, h - y)
        canvas.drawString(64, h - (y + 14), f"Paragraf {k + 1} menerangkan bahwa yang bersangkutan")
        canvas.drawString(64, h - (y + 26), "benar penduduk desa yang tersebut di atas.")
    canvas.line(60, h - 400, 420, h - 400)
    for x in (80, 330):
        canvas.line(x, h - 560, x + 150, h - 560)
        canvas.drawString(x, h - 575, "Kepala Desa" if x == 80 else "Camat")
    canvas.save()
    with pdfplumber.open(path) as pdf:
        assert rule_stacks(pdf.pages[0], []) == []
    assert [s for s in process(path).sisa if s.alasan == FRAMED_TEXT] == []
