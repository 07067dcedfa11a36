"""A merged cell cut by the page end whose text runs on under the table's bottom rule
(WeasyPrint prints the rest of a rowspan cell so, line after line: zoo wp-a4-default, Tabel
3.2's "profesionalisme pegawai."). The lines under the rule at the cell's own line spacing
and within its line's ends are the last row's; a note under the table at a paragraph's
margin is not (`grid._overflow_bottom`)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.run import process
from tests.pdfgen import FONT_SIZE, PAD, C, draw_table

WIDTHS = [30.0, 110.0, 200.0, 180.0]
X = 40.0
HEADER = [C("NO", bold=True), C("PROGRAM", bold=True), C("KEGIATAN", bold=True),
          C("HASIL YANG DIHARAPKAN", bold=True)]  # fmt: skip
HASIL = ["Dapat meningkatkan manajemen kinerja", "individu dan sistem informasi",
         "kepegawaian yang terintegrasi, dan", "meningkatkan profesionalisme pegawai."]  # fmt: skip
NOTE = "Keterangan: program dilaksanakan setiap tahun anggaran."
PITCH = FONT_SIZE + 2.5  # the Hasil's line spacing: 2.5 pt between lines, as WeasyPrint's


def _pdf(path: Path, note_gap: float) -> Path:
    """Tabel 3.2-like: program 1 whole; program 2's row drawn two lines high while its Hasil
    prints four, the last two under the bottom rule (the page end cut the merged cell);
    then a note `note_gap` pt under the last line, at the table's left edge."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    h = A4[1]
    canvas.setFont("VeraBd", 10)
    canvas.drawString(X, h - 40, "Tabel 3.2 Program Reformasi Birokrasi")
    rows = [HEADER, [C("1."), C("Penataan Sistem"), C("Penetapan kinerja individu"),
                     C("Dapat meningkatkan kinerja")]]  # fmt: skip
    top = draw_table(canvas, X, 50.0, WIDTHS, rows)
    xs = [X]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    first = top + PAD + FONT_SIZE  # the baseline of the row's first line, from the page top
    # The rule under the row runs just over the third line's glyphs (as WeasyPrint sizes a
    # row by its other cells): the third line starts on it, the fourth one pitch under.
    bottom = first + 2 * PITCH - FONT_SIZE + 0.5
    for a, b in zip(xs, xs[1:], strict=False):
        canvas.rect(a, h - bottom, b - a, bottom - top, stroke=1, fill=0)
    canvas.setFont("Vera", FONT_SIZE)
    for x, text in zip(xs, ("2.", "Penguatan Pengawasan", "Melaksanakan kebijakan"), strict=False):
        canvas.drawString(x + PAD, h - first, text)
    for k, line in enumerate(HASIL):
        canvas.drawString(xs[3] + PAD, h - (first + k * PITCH), line)
    canvas.drawString(X, h - (first + 3 * PITCH + note_gap), NOTE)
    canvas.save()
    return path


def test_a_merged_cell_run_on_under_the_bottom_rule_keeps_its_lines(tmp_path: Path) -> None:
    result = process(_pdf(tmp_path / "luber.pdf", note_gap=20.0))
    hasil = {p.no: p.hasil for p in result.program}
    assert hasil["2"] == " ".join(HASIL)
    assert [s for s in result.sisa] == []
    text = " ".join(str(n.model_dump()) for n in result.simpul)
    assert "profesionalisme" not in text
    assert "Keterangan: program dilaksanakan" in text  # the note stays narrative text


def test_a_line_under_the_cell_at_a_paragraph_margin_is_not_the_cell(tmp_path: Path) -> None:
    """The same table with the note a small margin (6.5 pt, less than a line) under the
    Hasil's last line: more than the cell's line spacing, so not the rest of the cell."""
    result = process(_pdf(tmp_path / "catatan.pdf", note_gap=PITCH + 4.0))
    hasil = {p.no: p.hasil for p in result.program}
    assert hasil["2"] == " ".join(HASIL)
    assert "Keterangan" not in (hasil["2"] or "")
    assert "Keterangan: program dilaksanakan" in " ".join(
        str(n.model_dump()) for n in result.simpul
    )
