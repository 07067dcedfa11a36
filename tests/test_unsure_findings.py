"""Findings that rest on text OCR may have read wrong: a numbering gap whose missing item
OCR read into a text above is an `ocr-butir-tergabung` finding (Pasal headings included),
and a table check that rests on a figure OCR did not read (a total beside a cell read as
letters or as nothing, an empty figure cell) is an `ocr-perlu-diperiksa` finding, a reading
to check against the scan, instead of a defect of the document. The same input on a text
layer keeps its defect finding, so each test checks both ways."""

from __future__ import annotations

from pipeline.models import Temuan
from pipeline.result import Dataset
from pipeline.validate.engine import validate
from tests.conftest import ROOT
from tests.test_catalog_codes import _base, _generic_table, _node, _row, _scanned


def _codes(data: Dataset) -> list[tuple[str, str | None]]:
    found: list[Temuan] = validate(data, ROOT)
    return sorted((t.kode, t.record_id) for t in found)


def _total_table() -> Dataset:
    return _generic_table([
        _row("1.", "Rawat jalan", "25.000", 25000), _row("2.", "Rawat inap", "li", None),
        _row("3.", "Niaga", "5.000", 5000), _row("", "Jumlah", "41.000", 41000),
    ])  # fmt: skip


def test_a_total_beside_an_unread_figure_is_a_reading_to_check() -> None:
    scanned = _codes(_scanned(_total_table()))
    assert ("ocr-perlu-diperiksa", "lampiran_1__tabel_9__4") in scanned
    assert not any(code == "tabel-jumlah-tidak-cocok" for code, _ in scanned)
    # On a text layer "li" is printed: a misprint, and the total differs from the rows.
    printed = _codes(_total_table())
    assert ("tabel-jumlah-tidak-cocok", "lampiran_1__tabel_9__4") in printed
    assert not any(code == "ocr-perlu-diperiksa" for code, _ in printed)


def test_a_total_over_figures_all_read_stays_a_defect_on_a_scan() -> None:
    rows = [_row("1.", "Rawat jalan", "25.000", 25000), _row("2.", "Rawat inap", "5.000", 5000),
            _row("", "Jumlah", "40.000", 40000)]  # fmt: skip
    assert ("tabel-jumlah-tidak-cocok", "lampiran_1__tabel_9__3") in _codes(
        _scanned(_generic_table(rows))
    )


def _empty_figure() -> Dataset:
    rows = [_row(f"{i}.", f"Desa {i}", "1.000", 1000) for i in range(1, 6)]
    return _generic_table([*rows, _row("6.", "Desa 6", None, None)])


def test_an_empty_figure_cell_of_a_scan_is_a_reading_to_check() -> None:
    assert _codes(_scanned(_empty_figure())) == [("ocr-perlu-diperiksa", "lampiran_1__tabel_9__6")]
    assert _codes(_empty_figure()) == [("tabel-sel-kosong", "lampiran_1__tabel_9__6")]


def _body(bab_text: str, confidence: float | None) -> Dataset:
    ocr = {"keyakinan_ocr": confidence, "sumber_teks": "ocr" if confidence else "teks"}
    nodes = [
        _node("pasal", "bab_1", "bab", None, nomor="I", **ocr),
        _node("pasal", "bab_1__pasal_1", "pasal", "Satu.", nomor="1", induk_id="bab_1", **ocr),
        _node("pasal", "bab_2", "bab", bab_text, nomor="II", **ocr),
        _node("pasal", "bab_2__pasal_3", "pasal", "Tiga.", nomor="3", induk_id="bab_2", **ocr),
    ]
    return _base(pasal=nodes)


def test_a_pasal_heading_read_into_a_text_is_no_gap() -> None:
    glued = _codes(_body("Pasal2 (1) Pupuk bersubsidi terdiri atas pupuk.", 40.0))
    assert ("ocr-butir-tergabung", "bab_2") in glued
    assert not any(code == "nomor-terlewat" for code, _ in glued)
    # A reference to a Pasal inside a sentence is no heading: the gap stands.
    cited = _codes(_body("Sebagaimana dimaksud dalam Pasal 2 Ayat (1).", 40.0))
    assert ("nomor-terlewat", "bab_2__pasal_3") in cited


def _ayat(second: str) -> Dataset:
    ocr = {"keyakinan_ocr": 50.0, "sumber_teks": "ocr"}
    nodes = [_node("pasal", "pasal_4", "pasal", None, nomor="4", **ocr)] + [
        _node(
            "pasal", f"pasal_4__ayat_{i}", "ayat", teks, nomor=f"({n})", induk_id="pasal_4", **ocr
        )
        for i, (n, teks) in enumerate((("1", "Satu."), ("2", second), ("2", "Dua lagi.")), 1)
    ]
    return _base(pasal=nodes)


def test_a_number_repeated_after_a_glued_pasal_heading_is_no_repeat() -> None:
    glued = _codes(_ayat("Dua ini. @ Pasal 5 (1) Kebutuhan pupuk."))
    assert not any(code == "nomor-ganda" for code, _ in glued)
    assert ("nomor-ganda", "pasal_4__ayat_3") in _codes(_ayat("Dua ini."))


def test_an_item_glued_after_an_underscore_speck_is_no_gap() -> None:
    ocr = {"keyakinan_ocr": 30.0, "sumber_teks": "ocr"}
    nodes = [_node("pasal", "pasal_16", "pasal", None, nomor="16", **ocr)] + [
        _node("pasal", f"pasal_16__ayat_{n}", "ayat", teks, nomor=f"({n})", induk_id="pasal_16",
              **ocr)
        for n, teks in (("1", "Satu;"), ("2", "kepada Gubernur; _ (3) Komisi wajib."), ("4", "Empat."))
    ]  # fmt: skip
    found = _codes(_base(pasal=nodes))
    assert ("ocr-butir-tergabung", "pasal_16__ayat_2") in found
    assert not any(code == "nomor-terlewat" for code, _ in found)
