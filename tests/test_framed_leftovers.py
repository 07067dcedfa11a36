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
from pipeline.extract.tables.ruling import table_frames
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
