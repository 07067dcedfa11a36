"""Targets: the statuses the target parser gave, percentages over 100, unknown units."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.validate.dataset import Dataset
from pipeline.validate.rules import Hit, rule

STATUS_CODES = {
    "placeholder": "target-placeholder",
    "tanpa_target": "target-kosong",
    "tidak_konsisten": "target-tidak-konsisten",
    "format_rusak": "target-format-rusak",
}


@rule
def target_statuses(data: Dataset) -> Iterator[Hit]:
    seen_hasil: set[str] = set()
    for r in data.rencana_aksi:
        page = r.halaman_awal
        if r.target_status in STATUS_CODES:
            yield Hit(
                STATUS_CODES[r.target_status],
                "rencana_aksi",
                r.id,
                "indikator_target",
                page,
                r.target_teks or r.indikator_target,
                {"nilai": r.target_nilai, "terbilang": r.target_terbilang},
            )
        if r.target_satuan == "persen" and (r.target_nilai or 0) > 100:
            yield Hit(
                "target-persen-lebih-100",
                "rencana_aksi",
                r.id,
                "indikator_target",
                page,
                r.target_teks,
                {"nilai": r.target_nilai},
            )
        if r.target_nilai is not None and r.target_satuan is None and r.target_catatan:
            yield Hit(
                "satuan-tidak-dikenal",
                "rencana_aksi",
                r.id,
                "indikator_target",
                page,
                r.target_teks,
                {"catatan": r.target_catatan},
            )
        # One finding per distinct Hasil cell (it is shared by many records).
        if r.hasil_indikator and r.hasil_indikator not in seen_hasil:
            seen_hasil.add(r.hasil_indikator)
            if r.hasil_target_status in STATUS_CODES:
                yield Hit(
                    STATUS_CODES[r.hasil_target_status],
                    "rencana_aksi",
                    r.id,
                    "hasil_indikator",
                    page,
                    r.hasil_target_teks or r.hasil_indikator,
                    {"nilai": r.hasil_target_nilai, "terbilang": r.hasil_target_terbilang},
                )
            if r.hasil_target_satuan == "persen" and (r.hasil_target_nilai or 0) > 100:
                yield Hit(
                    "target-persen-lebih-100",
                    "rencana_aksi",
                    r.id,
                    "hasil_indikator",
                    page,
                    r.hasil_target_teks,
                    {"nilai": r.hasil_target_nilai},
                )
