"""map_rencana_aksi returns its repairs of OCR'd item numbers instead of writing them into
the extracted cells (issue 20: it mutated Cell.text, so what extraction read and what the
records say could not be told apart afterwards)."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract.document import extract_document
from pipeline.normalize.rencana_aksi import map_columns, map_rencana_aksi
from pipeline.settings import SETTINGS

DEFAULT_PDF = Path(__file__).resolve().parents[1] / "raw" / "perbup-magetan-14-2020.pdf"


def test_a_reread_item_number_is_a_repair_and_the_cell_stays_as_read() -> None:
    doc = extract_document(DEFAULT_PDF, SETTINGS)
    table, cmap = next((t, m) for t in doc.tables if (m := map_columns(t)) is not None)
    assert cmap.aksi_no is not None
    # The first aksi "c." of the table, as OCR might read it ("Cc."), with an OCR confidence.
    cell = next(
        c
        for i, row in enumerate(table.rows)
        if (c := row.cells[cmap.aksi_no]).text.strip() == "c."
        and table.starts_here(i, cmap.aksi_no)
    )
    cell.text, cell.confidence = "Cc.", 80.0
    mapped = map_rencana_aksi(table, cmap, "d", 1, "sha")
    assert cell.text == "Cc."  # the extracted cell is left as read
    assert [(r.read, r.text) for r in mapped.repairs] == [("Cc.", "c.")]
    taken = [r for r in mapped.records if r.aksi_no_tercetak == "c."]
    assert taken and not [r for r in mapped.records if r.aksi_no_tercetak == "Cc."]
    # The records say so (issue 17): the number as OCR read it, and its cell's confidence.
    repaired = [r for r in mapped.records if r.nomor_diperbaiki]
    assert repaired and all(r.nomor_diperbaiki == ["aksi_no=Cc."] for r in repaired)
    assert {r.aksi_no_tercetak for r in repaired} == {"c."}
    assert all(r.keyakinan_nomor == 80.0 and r.keyakinan_program is None for r in repaired)


def test_a_text_layer_table_has_no_repairs() -> None:
    doc = extract_document(DEFAULT_PDF, SETTINGS)
    table, cmap = next((t, m) for t in doc.tables if (m := map_columns(t)) is not None)
    mapped = map_rencana_aksi(table, cmap, "d", 1, "sha")
    assert mapped.repairs == ()
    assert not any(r.nomor_diperbaiki or r.keyakinan_nomor is not None for r in mapped.records)
