"""Scans: records whose text OCR read with low confidence need a human check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.models import Tabel
from pipeline.normalize.generic_table import CONFIDENCE_SUFFIX
from pipeline.normalize.rencana_aksi import VALUE_CONFIDENCE
from pipeline.result import REGISTRY
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit

# Below this OCR confidence (0-100) a record's text needs a human check.
OCR_CONFIDENCE_FLOOR = 60.0
# Every dataset whose records carry keyakinan_ocr, with the field quoted in the finding.
QUOTED = {t.name: t.quoted for t in REGISTRY if t.quoted}


def _same_passage(
    a: tuple[int | None, str, str | None], b: tuple[int | None, str, str | None]
) -> bool:
    """Whether two records stand for one printed passage: on the same page, the same record
    in two datasets (a Mengingat item is a `dasar_hukum` record and a `pasal` node; a
    definition a `definisi` record and a `pasal` node), or a record and its own part
    (`mengingat__angka_2__perubahan_1`, the amendment named in item 2) quoting the same
    text."""
    (page_a, id_a, quote_a), (page_b, id_b, quote_b) = a, b
    if page_a != page_b:
        return False
    if id_a == id_b:
        return True
    nested = id_a.startswith(id_b + "__") or id_b.startswith(id_a + "__")
    return nested and quote_a is not None and quote_a == quote_b


def low_ocr_confidence(data: Dataset) -> Iterator[Hit]:
    """One finding per printed passage read with low confidence: a passage published in
    several datasets is reported once, in the first of them."""
    scanned = sorted(data.dokumen.halaman_ocr)
    reported: list[tuple[int | None, str, str | None]] = []
    for table, quoted in QUOTED.items():
        for r in data.table(table):
            if r.keyakinan_ocr is None or r.keyakinan_ocr >= OCR_CONFIDENCE_FLOOR:
                continue
            if (
                table == "tabel"
                and r.jenis is None
                and any(c.endswith(CONFIDENCE_SUFFIX) for c in r.kolom)
            ):
                # A generic table read by OCR carries each value's confidence: its unsure
                # rows are reported; the table itself only when something no row holds
                # (a header cell) is less sure than every row.
                rows = data.tabel_isi.get(r.id, [])
                yield from _unsure_rows(r, rows)
                if r.keyakinan_ocr >= _least_sure_value(r, rows):
                    continue
            page = r.halaman if hasattr(r, "halaman") else r.halaman_awal
            quote = next((q for f in quoted if (q := getattr(r, f))), None)
            field, sure = "keyakinan_ocr", r.keyakinan_ocr
            # A record that carries each value's confidence (rencana_aksi): the least sure
            # value below the floor is the one named and quoted.
            values = [
                (getattr(r, f), f, kolom) for f, kolom in VALUE_CONFIDENCE.items()
                if getattr(r, f, None) is not None
            ]  # fmt: skip
            if values and min(values)[0] < OCR_CONFIDENCE_FLOOR:
                sure, field, kolom = min(values)
                printed = getattr(r, kolom[0], None)
                quote = printed if isinstance(printed, str) and printed else quote
            last = getattr(r, "halaman_akhir", page)
            if scanned and page not in scanned:
                # A record that starts on a text page and runs on into a scanned one: the
                # OCR'd text is on the scanned page; the text quoted here is not from it.
                page = next((p for p in scanned if page <= p <= last), page)
                quote = None
            passage = (page, r.id, quote)
            if any(_same_passage(passage, seen) for seen in reported):
                continue
            reported.append(passage)
            yield Hit("ocr-keyakinan-rendah", table, r.id, field, page, quote,
                      {"keyakinan": round(sure)})  # fmt: skip


def _row_values(t: Tabel, row: dict[str, Any]) -> list[tuple[float, str]]:
    """(confidence, column) of each value of a generic table's row that OCR read."""
    columns = [c.removesuffix(CONFIDENCE_SUFFIX) for c in t.kolom if c.endswith(CONFIDENCE_SUFFIX)]
    return [
        (float(sure), c) for c in columns
        if (sure := row.get(c + CONFIDENCE_SUFFIX)) is not None and row.get(c)
    ]  # fmt: skip


def _least_sure_value(t: Tabel, rows: list[dict[str, Any]]) -> float:
    """The lowest confidence of a value in the table's rows (100 without)."""
    return min((sure for r in rows for sure, _ in _row_values(t, r)), default=100.0)


def _unsure_rows(t: Tabel, rows: list[dict[str, Any]]) -> Iterator[Hit]:
    """One finding per row of a generic table with a value read below the floor, naming
    its least sure value (`kolom`, the column) and quoting it, as for a Rencana Aksi
    record: a row's other unsure values are in its `<kolom>__keyakinan` columns. A value
    the row just above was reported for (the same column, text and confidence: a merged
    cell, or a heading repeated on the rows under it) is one printed cell, reported once."""
    last: tuple[float, str, object] | None = None
    for r in rows:
        values = _row_values(t, r)
        if not values or min(values)[0] >= OCR_CONFIDENCE_FLOOR:
            last = None
            continue
        sure, kolom = min(values)
        reported, last = last, (sure, kolom, r[kolom])
        if reported == last:
            continue
        yield Hit("ocr-keyakinan-rendah", t.id, r["id"], kolom, r["halaman_awal"],
                  str(r[kolom]), {"keyakinan": round(sure)})  # fmt: skip
