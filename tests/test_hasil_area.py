"""hasil_area: each Hasil of a Rencana Aksi area once (issue 19 item 4), checked against the
default PDF: Lampiran II prints one Hasil cell beside each of areas 1-8, and a second one in
area 6 beside program 8 ("Meningkatnya efektifitas pelaksanaan reformasi birokrasi (Indeks
Reformasi Birokrasi minimal 65)", first printed on p34, seen on the rendered page)."""

from __future__ import annotations

from pipeline.result import DocumentResult


def test_each_hasil_once_as_printed(default_result: DocumentResult) -> None:
    rows = default_result.hasil_area
    assert [(r.area_no, r.hasil_ke) for r in rows] == [
        (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1), (6, 2), (7, 1), (8, 1)
    ]  # fmt: skip
    second = rows[6]
    assert second.id == "lampiran_2__area_6__hasil_2"
    assert second.hasil_indikator is not None
    assert second.hasil_indikator.startswith("Meningkatnya efektifitas pelaksanaan reformasi")
    assert second.hasil_target_teks == "(Indeks Reformasi Birokrasi minimal 65)"
    assert second.halaman_awal == 34
    assert rows[0].halaman_awal == 20  # Lampiran II's table opens on p20


def test_every_indicator_line_counted_once(default_result: DocumentResult) -> None:
    """The lines beside the hasil cells add up to the records of the areas, the block
    printed twice (duplikat_dari) not counted again; each record_pertama is a record."""
    ids = {r.id for r in default_result.rencana_aksi}
    counted = [
        r for r in default_result.rencana_aksi
        if "__area_" in r.id and r.hasil_indikator and r.duplikat_dari is None
    ]  # fmt: skip
    assert sum(h.jumlah_indikator for h in default_result.hasil_area) == len(counted)
    assert any(r.duplikat_dari for r in default_result.rencana_aksi)
    assert all(h.record_pertama in ids for h in default_result.hasil_area)
