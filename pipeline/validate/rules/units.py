"""Responsible units: names that resolve to no defined unit, abbreviations the document
uses but never defines (resolved only through the curated alias file)."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit


def responsible_units(data: Dataset) -> Iterator[Hit]:
    pages = {r.id: r.halaman_awal for r in data.rencana_aksi}
    reported: set[str] = set()
    for p in data.penanggung_jawab:
        if p.cara == "tidak_dikenal":
            hint = f'Mungkin yang dimaksud "{p.saran}".' if p.saran else "Tambahkan definisinya."
            yield Hit(
                "unit-tidak-dikenal",
                "penanggung_jawab",
                p.record_id,
                "teks",
                pages.get(p.record_id),
                p.teks,
                {"saran_unit": hint},
            )
        elif p.cara == "alias" and p.teks not in reported:
            reported.add(p.teks)  # once per name: the name, not each use, is the problem
            yield Hit(
                "singkatan-tidak-didefinisikan",
                "penanggung_jawab",
                p.record_id,
                "teks",
                pages.get(p.record_id),
                p.teks,
            )
