"""Scans: records whose text OCR read with low confidence need a human check."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.validate.dataset import Dataset
from pipeline.validate.rules import Hit, rule

# Below this OCR confidence (0-100) a record's text needs a human check.
OCR_CONFIDENCE_FLOOR = 60.0


@rule
def low_ocr_confidence(data: Dataset) -> Iterator[Hit]:
    for r in data.rencana_aksi:
        if r.keyakinan_ocr is not None and r.keyakinan_ocr < OCR_CONFIDENCE_FLOOR:
            yield Hit("ocr-keyakinan-rendah", "rencana_aksi", r.id, "sumber_teks", r.halaman_awal,
                      r.rencana_aksi, {"keyakinan": round(r.keyakinan_ocr)})  # fmt: skip
