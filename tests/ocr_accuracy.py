"""OCR accuracy on a scan of a PDF: `make ocr-accuracy` (or python -m tests.ocr_accuracy).

The PDF (default: the default input) is scanned the way the tests do it (rendered at DPI,
turned 0.25 degrees, Gaussian noise, back to an image-only PDF), run through the pipeline,
and its records are compared with those of the text-layer run:

* records identical: the same id, and the same text in every text field and the same years,
  after whitespace normalisation (runs of whitespace -> one space), and for Rencana Aksi
  again with all whitespace removed (line joins such as "program/ kegiatan" aside);
* records present: text-layer ids that the scan run also has;
* Rencana Aksi first, then every other dataset (every content field compared), then the
  total over all of them, with and without jadwal (one row per ticked year of a Rencana
  Aksi record, so it weighs ticks heavily).

Not a test (it takes minutes on a fresh cache); the figures go into the README.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.run import process
from tests.conftest import DEFAULT_PDF
from tests.test_ocr import scan_of

FIELDS = (
    "area", "hasil_indikator", "program", "rencana_aksi", "kriteria_keberhasilan",
    "indikator_target", "penanggung_jawab_teks",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--dpi", type=int, action="append", help="scan resolution(s)")
    parser.add_argument("--out", type=Path, default=Path(".cache") / "ocr-accuracy")
    parser.add_argument("--show", action="store_true", help="print every difference")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    base = process(args.pdf)
    text = {r.id: r for r in base.rencana_aksi}
    for dpi in args.dpi or [200, 300]:
        scan = args.out / f"{args.pdf.stem}-scan{dpi}.pdf"
        if not scan.exists():
            scan_of(args.pdf, scan, dpi=dpi)
        result = process(scan)
        ocr = {r.id: r for r in result.rencana_aksi}
        print(f"scan at {dpi} dpi: {len(text)} text-layer records, {len(ocr)} OCR records")
        print(f"  present (same id): {len(text.keys() & ocr.keys())}/{len(text)}")
        if args.show:
            _show(text, ocr)
        for label, norm in NORMS:
            same, wrong = 0, Counter[str]()
            for rid, rec in text.items():
                other = ocr.get(rid)
                if other is None:
                    continue
                bad = [f for f in FIELDS if norm(getattr(rec, f)) != norm(getattr(other, f))]
                if rec.tahun_pelaksanaan != other.tahun_pelaksanaan:
                    bad.append("tahun_pelaksanaan")
                wrong.update(bad)
                same += not bad
            print(f"  identical ({label}): {same}/{len(text)} = {same / len(text):.1%}")
            print(f"    records differing per field: {dict(wrong.most_common())}")
        print("  other datasets, records identical (whitespace collapsed) / present / text layer:")
        totals = {"rencana_aksi": _compare(base.rencana_aksi, result.rencana_aksi, False)}
        for name in OTHER:
            totals[name] = _compare(getattr(base, name), getattr(result, name), args.show)
            print(f"    {name}: " + "/".join(map(str, totals[name])))
        print(f"    sisa (leftovers): {len(result.sisa)}, text layer {len(base.sisa)}")
        for label, names in (
            ("all datasets", totals),
            ("without jadwal", totals.keys() - {"jadwal"}),
        ):
            same, present, count = (sum(totals[n][k] for n in names) for k in range(3))
            print(
                f"  {label}: identical {same}/{count} = {same / count:.1%}, present {present}/{count}"
            )


NORMS = (
    ("whitespace collapsed", lambda s: re.sub(r"\s+", " ", s or "").strip()),
    ("whitespace removed", lambda s: re.sub(r"\s+", "", s or "")),
)
OTHER = ("simpul", "menimbang", "dasar_hukum", "definisi", "lampiran_simpul",
         "area_perubahan", "program", "jadwal")  # fmt: skip
# Provenance and OCR bookkeeping, not content.
NOT_CONTENT = {"sumber_teks", "keyakinan_ocr", "sumber_sha256", "dokumen_id"}


def _compare(text: list[Any], ocr: list[Any], show: bool) -> tuple[int, int, int]:
    """Records of one dataset: identical (every content field, whitespace collapsed),
    present (same id), and the text-layer count."""
    collapse = NORMS[0][1]
    by_id = {r.id: r for r in ocr}
    same = 0
    for rec in text:
        other = by_id.get(rec.id)
        if other is None:
            continue
        a, b = rec.model_dump(exclude=NOT_CONTENT), other.model_dump(exclude=NOT_CONTENT)
        differs = [k for k in a if (collapse(a[k]) if isinstance(a[k], str) else a[k])
                   != (collapse(b[k]) if isinstance(b[k], str) else b[k])]  # fmt: skip
        same += not differs
        if show and differs:
            print(f"      {rec.id}: " + "; ".join(f"{k}: {a[k]!r} -> {b[k]!r}" for k in differs))
    present = len({r.id for r in text} & by_id.keys())
    return same, present, len(text)


def _show(text: dict[str, Any], ocr: dict[str, Any]) -> None:
    for rid in sorted(text.keys() - ocr.keys()):
        print(f"    missing {rid}")
    for rid in sorted(ocr.keys() - text.keys()):
        print(f"    extra {rid}")
    for rid, rec in text.items():
        other = ocr.get(rid)
        for f in FIELDS if other is not None else ():
            a, b = getattr(rec, f) or "", getattr(other, f) or ""
            if re.sub(r"\s+", " ", a).strip() != re.sub(r"\s+", " ", b).strip():
                print(f"    {rid} {f}\n      text: {a!r}\n      ocr:  {b!r}")


if __name__ == "__main__":
    main()
