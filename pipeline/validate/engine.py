"""Run every rule, the schema check and the expectation suites; turn hits into findings."""

from __future__ import annotations

import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.models import Temuan
from pipeline.result import DocumentResult
from pipeline.validate.catalog import CATALOG
from pipeline.validate.dataset import Dataset
from pipeline.validate.expectations import PROJECT_ROOT, run_expectations
from pipeline.validate.links import link_findings
from pipeline.validate.rules import Hit, all_rules
from pipeline.vocabulary import SEVERITY_ORDER


def dataset_of(result: DocumentResult) -> Dataset:
    """The result's published tables (a DocumentResult is its Dataset plus run statistics)."""
    return result


# What manifest.verify reports, as the findings say it.
MANIFEST_PROBLEMS = {
    "manifest-tidak-ada": "tidak ada, sehingga isi folder tidak dapat diperiksa",
    "manifest-rusak": "rusak, sehingga isi folder tidak dapat diperiksa",
    "hilang": "tercantum dalam manifest.json tetapi tidak ada",
    "berubah": "berbeda dari sidik (sha256) yang tercatat di manifest.json",
    "tidak-terdaftar": "tidak tercantum dalam manifest.json",
}
INTEGRITY_CODE = "berkas-tidak-cocok"


def manifest_hits(folder: Path) -> list[Hit]:
    """One `berkas-tidak-cocok` galat per file of a published folder that is missing, edited
    or unlisted against its manifest.json (or for the manifest itself, missing or torn)."""
    from pipeline.publish.manifest import verify

    return [
        Hit(INTEGRITY_CODE, name.split("/")[0].rsplit(".", 1)[0], None, None, None, name,
            {"berkas": name, "masalah": MANIFEST_PROBLEMS[problem]})
        for name, problem in verify(folder)
    ]  # fmt: skip


def validate(data: Dataset, root: Path = PROJECT_ROOT, folder: Path | None = None) -> list[Temuan]:
    """All findings of a dataset, in a fixed order. Never raises on bad data. With the
    dataset's published `folder`, its files are checked against manifest.json first."""
    return findings(data, rule_hits(data, folder), run_expectations(data, root))


def rule_hits(data: Dataset, folder: Path | None = None) -> list[Hit]:
    """The hits of the manifest check (with a `folder`), every rule and the schema check:
    everything but the expectation suites."""
    hits: list[Hit] = manifest_hits(folder) if folder is not None else []
    for rule in all_rules():
        hits.extend(rule(data))
    for table, index, row, error in data.invalid:
        hits.append(
            Hit(
                "skema-tidak-valid",
                table,
                row.get("id") or row.get("record_id"),  # jadwal rows: their record
                None,
                row.get("halaman_awal") or row.get("halaman"),
                None,
                {"baris": index + 1, "tabel": table, "alasan": error},
            )
        )
    return hits


def findings(data: Dataset, hits: list[Hit], expected: Iterable[Hit]) -> list[Temuan]:
    """The findings of the rules' `hits` and the expectation suites' hits `expected`."""
    # An expectation that restates a rule's finding on the same cell adds nothing.
    covered = {(h.record_id, _printed_column(h.kolom)) for h in hits}
    added = [h for h in expected if (h.record_id, _printed_column(h.kolom)) not in covered]
    return link_findings(to_temuan([*hits, *added]), data)


def _printed_column(column: str | None) -> str | None:
    """The printed cell a normalised column comes from (target_nilai -> indikator_target)."""
    if column and column.startswith("hasil_target_"):
        return "hasil_indikator"
    if column and column.startswith("target_"):
        return "indikator_target"
    return column


class _Blank(string.Formatter):
    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        value = kwargs.get(key, "") if isinstance(key, str) else ""
        return "" if value is None else value


def to_temuan(hits: Iterable[Hit]) -> list[Temuan]:
    fmt = _Blank()
    ordered = sorted(
        hits,
        key=lambda h: (
            h.halaman if h.halaman is not None else 10**6,
            SEVERITY_ORDER[CATALOG[h.kode].tingkat],
            h.tabel,
            h.record_id or "",
            h.kode,
            h.kolom or "",
            h.kutipan or "",
        ),
    )
    out: list[Temuan] = []
    seen: dict[str, int] = {}
    for h in ordered:
        rule = CATALOG[h.kode]
        values = {"kutipan": h.kutipan or "", "kolom": h.kolom or "", **h.params}
        base = f"{h.kode}__{h.record_id or h.tabel}" + (f"__{h.kolom}" if h.kolom else "")
        seen[base] = seen.get(base, 0) + 1
        out.append(
            Temuan(
                id=base if seen[base] == 1 else f"{base}__{seen[base]}",
                kode=h.kode,
                tingkat=rule.tingkat,
                tabel=h.tabel,
                record_id=h.record_id,
                kolom=h.kolom,
                halaman=h.halaman,
                kutipan=h.kutipan,
                pesan=fmt.format(rule.pesan, **values),
                saran=fmt.format(rule.saran, **values) if rule.saran else None,
            )
        )
    return out
