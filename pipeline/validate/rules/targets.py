"""Targets: the statuses the target parser gave, percentages over 100, unknown units."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.models import RencanaAksi
from pipeline.validate.catalog import USULAN
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.validate.suggest import balanced, target_correction, unclosed_part

STATUS_CODES = {
    "placeholder": "target-placeholder",
    "tanpa_target": "target-kosong",
    "tidak_konsisten": "target-tidak-konsisten",
    "format_rusak": "target-format-rusak",
}


# The printed cell and the prefix of its normalised fields: the indicator's own target, and
# the outcome target inside "Hasil yang diharapkan dan Indikator".
TARGET_CELLS = (("indikator_target", "target_"), ("hasil_indikator", "hasil_target_"))


def target_statuses(data: Dataset) -> Iterator[Hit]:
    seen_hasil: set[str] = set()
    for r in data.rencana_aksi:
        for column, prefix in TARGET_CELLS:
            printed = getattr(r, column)
            if column == "hasil_indikator":
                # One finding per distinct Hasil cell (it is shared by many records).
                if not printed or printed in seen_hasil:
                    continue
                seen_hasil.add(printed)
            yield from _target_hits(r, column, prefix, printed)


def _target_hits(r: RencanaAksi, column: str, prefix: str, printed: str | None) -> Iterator[Hit]:
    def field(name: str) -> Any:
        return getattr(r, f"{prefix}{name}", None)

    status, value, quoted = field("status"), field("nilai"), field("teks")
    if status in STATUS_CODES:
        kutipan = quoted or printed
        params = {"nilai": value, "terbilang": field("terbilang"), "usulan": ""}
        if status == "format_rusak" and kutipan:
            usulan = target_correction(kutipan)
            # A balanced target in an unbalanced cell: the bracket left open is the defect.
            if balanced(kutipan) and printed and (part := unclosed_part(printed, kutipan)):
                kutipan, usulan = part, f"{part})"
            if usulan:
                params["usulan"] = USULAN.format(teks=usulan)
        yield Hit(STATUS_CODES[status], "rencana_aksi", r.id, column, r.halaman_awal,
                  kutipan, params)  # fmt: skip
    if field("satuan") == "persen" and (value or 0) > 100:
        yield Hit("target-persen-lebih-100", "rencana_aksi", r.id, column, r.halaman_awal,
                  quoted, {"nilai": value})  # fmt: skip
    unknown_unit = value is not None and field("satuan") is None and field("catatan")
    if column == "indikator_target" and unknown_unit:
        yield Hit("satuan-tidak-dikenal", "rencana_aksi", r.id, column, r.halaman_awal,
                  quoted, {"catatan": field("catatan")})  # fmt: skip
