"""Footnote marks printed raised beside a cell's text (grid.footnote_marks, README
"Footnote marks"): published beside the value, never inside it or inside a column name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.tables.grid import footnote_marks, raised_to_superscript
from pipeline.normalize.accounting import FOOTNOTE_MARK
from pipeline.normalize.generic_table import NOTE_SUFFIX
from pipeline.run import process
from tests.conftest import RealCorpus


def _glyph(text: str, x0: float, top: float, size: float) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 0.5 * size, "top": top, "bottom": top + size,
            "size": size, "fontname": "F"}  # fmt: skip


def _word(text: str, x0: float, top: float, size: float) -> list[dict[str, Any]]:
    return [_glyph(ch, x0 + k * 0.5 * size, top, size) for k, ch in enumerate(text)]


def test_a_raised_run_with_a_bracket_or_letter_is_a_mark() -> None:
    """A "1980" then "1)" set smaller with its bottom raised: the value is 1980, the mark
    "1)"; "Kesesuaian" then a raised "(a)" the same."""
    chars = _word("1980", 0, 10, 12) + _word("1)", 24, 10, 7)  # bottom 17 <= 22 - 3
    rest, marks = footnote_marks(chars)
    assert "".join(c["text"] for c in rest) == "1980"
    assert [m.text for m in marks] == ["1)"]
    chars = _word("Uji", 0, 10, 12) + _word("(a)", 18, 10, 8)
    rest, marks = footnote_marks(chars)
    assert "".join(c["text"] for c in rest) == "Uji"
    assert [m.text for m in marks] == ["(a)"]


def test_text_on_the_baseline_and_exponents_are_no_marks() -> None:
    """A "(a)" of the text's size on its baseline opens an item ("(a) Iluminasi"); a
    small "(a)" on the baseline (not raised) is text too; a raised "o" after a figure is a
    degree sign; raised digits alone are an exponent ("10⁻²" stays a superscript)."""
    item = _word("(a)", 0, 10, 12) + _word("Iluminasi", 24, 10, 12)
    assert footnote_marks(item) == (item, ())
    low = _word("Uji", 0, 10, 12) + _word("(a)", 18, 14, 8)  # bottom 22: on the line
    assert footnote_marks(low)[1] == ()
    degree = _word("3", 0, 10, 12) + _word("o", 6, 10, 8)  # Perban 2/2022 p26 "≤ 3°"
    assert footnote_marks(degree) == (degree, ())
    power = _word("10", 0, 10, 12) + _word("-2", 12, 10, 8)
    rest, marks = footnote_marks(power)
    assert marks == ()
    assert "".join(c["text"] for c in raised_to_superscript(rest)) == "10⁻²"


def _marked_table(path: Path) -> Path:
    """A ruled table: "Parameter" + raised "(a)" | "Durasi"; "(a) Iluminasi" | "1980" +
    raised "1)"; "(b) Kolimasi" | "90"."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    xs, ys = [60.0, 260.0, 360.0], [100.0, 122.0, 144.0, 166.0]
    for y in ys:
        canvas.line(xs[0], height - y, xs[-1], height - y)
    for x in xs:
        canvas.line(x, height - ys[0], x, height - ys[-1])

    def put(x: float, y: float, text: str, size: float = 10.0) -> None:
        canvas.setFont("Helvetica", size)
        canvas.drawString(x, height - y, text)

    put(64, 115, "Parameter")
    put(64 + canvas.stringWidth("Parameter", "Helvetica", 10), 111, "(a)", 6)
    put(264, 115, "Durasi")
    put(64, 137, "(a) Iluminasi")
    put(264, 137, "1980")
    put(264 + canvas.stringWidth("1980", "Helvetica", 10), 133, "1)", 6)
    put(64, 159, "(b) Kolimasi")
    put(264, 159, "90")
    canvas.showPage()
    canvas.save()
    return path


def test_marks_are_published_beside_the_value(tmp_path: Path) -> None:
    result = process(_marked_table(tmp_path / "marks.pdf"))
    table = result.flat_tables[0]
    assert table.columns[:2] == ["parameter", "durasi"]
    rows = [(r["parameter"], r["durasi"], r.get("durasi" + NOTE_SUFFIX)) for r in table.rows]
    assert rows == [("(a) Iluminasi", "1980", "1)"), ("(b) Kolimasi", "90", None)]
    assert [r["durasi__nilai"] for r in table.rows] == [1980, 90]
    index = next(t for t in result.tabel if t.id == table.id)
    assert "durasi" + NOTE_SUFFIX in index.kolom
    assert "parameter" + NOTE_SUFFIX not in index.kolom
    # the header's mark names no column and is no value: a leftover
    assert [(s.halaman, s.teks) for s in result.sisa if s.alasan == FOOTNOTE_MARK] == [(1, "(a)")]


PERKA_SIB = "perka_bapeten_2014_16_surat_izin_bekerja_petugas_tertentu"
PERBAN = "perban_bapeten_2022_02_perubahan_uji_kesesuaian_pesawat_sinar_x"


def test_real_footnote_marks(real_corpus: RealCorpus) -> None:
    """Perka BAPETEN 16/2014 p53 prints TOTAL DURASI "1980¹⁾ | 1575²⁾ | 1395³⁾ | 1245⁴⁾",
    the notes under the table ("1) : setara dengan 33 jam; ..."); Perban BAPETEN 2/2022
    p16 prints "Parameter Uji Kesesuaian⁽ᵃ⁾" in the header and "(f) Kebocoran wadah
    tabung⁽ᵇ⁾" in a row (seen on the rendered pages)."""
    result, _ = real_corpus.get(PERKA_SIB)
    total = [
        r for t in result.flat_tables for r in t.rows
        if r["halaman_awal"] == 53 and r.get("materi_pelatihan_ujian_2") == "TOTAL DURASI"
    ]  # fmt: skip
    assert len(total) == 1
    columns = ["ppr_industri_durasi_pelatihan_menit_" + k for k in ("1", "1_ri", "2", "3")]
    assert [(total[0][c], total[0][c + NOTE_SUFFIX]) for c in columns] == [
        ("1980", "1)"),
        ("1575", "2)"),
        ("1395", "3)"),
        ("1245", "4)"),
    ]
    result, _ = real_corpus.get(PERBAN)
    table = next(t for t in result.flat_tables if t.rows[0]["halaman_awal"] == 16)
    assert table.columns[0] == "parameter_uji_kesesuaian"
    row = next(r for r in table.rows if str(r["parameter_uji_kesesuaian"]).startswith("(f)"))
    assert row["parameter_uji_kesesuaian"] == "(f) Kebocoran wadah tabung"
    assert row["parameter_uji_kesesuaian" + NOTE_SUFFIX] == "(b)"
    assert (16, "(a)") in [(s.halaman, s.teks) for s in result.sisa if s.alasan == FOOTNOTE_MARK]
