"""Findings that are one problem seen from two sides get one advice, naming each other.

- An unused definition and the names the Rencana Aksi prints for that very unit (the pipeline
  itself resolves "Disarpus" to the defined "Dinas Arpus"): the definition is not unused, the
  table just does not write the defined term. The advice for both: write the defined term in
  the table; the definition stays.
- An area of the area table "not found" in the Rencana Aksi, and the Rencana Aksi area with
  no name whose fallback (`area_cadangan`) is that area: naming the area fixes both.

Each linked finding's saran is replaced by the shared advice, which names the other
findings by id (the report links those ids to their cards).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.models import Temuan
from pipeline.validate.catalog import TAUTAN
from pipeline.validate.dataset import Dataset

# Findings about a name the Rencana Aksi prints for a unit.
NAME_CODES = frozenset({"singkatan-tidak-didefinisikan", "unit-tidak-dikenal"})


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(f"\u201c{n}\u201d" for n in names)


def _ids(found: Sequence[Temuan]) -> str:
    return ", ".join(t.id for t in found)


def link_findings(temuan: list[Temuan], data: Dataset) -> list[Temuan]:
    """`temuan` with the saran of related findings replaced by one shared advice (same
    order, same ids)."""
    saran: dict[str, str] = {}
    by_unit: dict[str, set[str]] = {}
    for pj in data.penanggung_jawab:
        unit = pj.unit or pj.saran
        if unit and pj.teks != unit:
            by_unit.setdefault(unit, set()).add(pj.teks)
    for d in (t for t in temuan if t.kode == "istilah-tidak-digunakan" and t.kutipan):
        names = by_unit.get(d.kutipan or "", set())
        related = [
            t
            for t in temuan
            if t.kode in NAME_CODES and t.tabel == "penanggung_jawab" and t.kutipan in names
        ]
        if not related:
            continue
        printed = sorted({t.kutipan for t in related if t.kutipan})
        saran[d.id] = TAUTAN["istilah-dipakai-dengan-nama-lain"].format(
            istilah=d.kutipan, nama=_quoted(printed), terkait=_ids(related)
        )
        for t in related:
            saran[t.id] = TAUTAN["nama-lain-istilah"].format(
                istilah=d.kutipan, nama=t.kutipan, terkait=d.id
            )
    fallback = {r.id: r.area_cadangan for r in data.rencana_aksi if r.area_cadangan}
    nameless = [t for t in temuan if t.kode == "area-tanpa-nama" and t.record_id in fallback]
    for gap in nameless:
        area = fallback[gap.record_id or ""]
        missing = [
            t
            for t in temuan
            if t.kode == "area-tidak-cocok" and t.tabel == "area_perubahan" and t.kutipan == area
        ]
        if not missing:
            continue
        saran[gap.id] = TAUTAN["area-tanpa-nama-cadangan"].format(area=area, terkait=_ids(missing))
        for t in missing:
            saran[t.id] = TAUTAN["area-tidak-cocok-tanpa-nama"].format(area=area, terkait=gap.id)
    return [t.model_copy(update={"saran": saran[t.id]}) if t.id in saran else t for t in temuan]
