"""The published package and the analysts' catalog."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from frictionless import validate as frictionless_validate

from pipeline.publish.katalog import build_catalog
from tests.conftest import GOLDEN, GOLDEN_DIR, ROOT

README_QUERIES = ROOT / "README.md"


def test_committed_package_is_a_valid_data_package() -> None:
    report = frictionless_validate(str(GOLDEN_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_manifest_lists_every_file_with_its_hash() -> None:
    import hashlib

    manifest = json.loads((GOLDEN_DIR / "manifest.json").read_text("utf-8"))
    names = sorted(
        p.relative_to(GOLDEN_DIR).as_posix()
        for p in GOLDEN_DIR.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    )
    assert [e["nama"] for e in manifest["berkas"]] == names
    for entry in manifest["berkas"]:
        digest = hashlib.sha256((GOLDEN_DIR / entry["nama"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], entry["nama"]
    rows = {e["nama"]: e["baris"] for e in manifest["berkas"]}
    assert rows["rencana_aksi.csv"] == rows["rencana_aksi.json"] == 169


def test_catalog_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    """The committed catalog is what the committed folders give (schema included)."""
    shutil.copytree(GOLDEN_DIR, tmp_path / GOLDEN_DIR.name)
    db, csv_path = build_catalog(tmp_path)
    assert db.read_bytes() == (GOLDEN / "katalog.sqlite").read_bytes()
    assert csv_path.read_bytes() == (GOLDEN / "katalog.csv").read_bytes()
    metadata = "katalog.metadata.json"
    assert (tmp_path / metadata).read_bytes() == (GOLDEN / metadata).read_bytes()


def _readme_queries() -> list[str]:
    text = README_QUERIES.read_text("utf-8")
    block = text.split("```sql", 1)[1].split("```", 1)[0]
    return [q.strip() for q in block.split(";") if q.strip()]


@pytest.mark.parametrize("query", _readme_queries())
def test_readme_queries_run_on_the_catalog(query: str) -> None:
    with sqlite3.connect(GOLDEN / "katalog.sqlite") as conn:
        rows = conn.execute(query).fetchall()
    assert rows


def test_amendment_and_amended_are_linked(tmp_path: Path) -> None:
    shutil.copytree(GOLDEN_DIR, tmp_path / GOLDEN_DIR.name)
    ubah = tmp_path / "perbup-magetan-3-2022"
    shutil.copytree(GOLDEN_DIR, ubah)
    dok = json.loads((ubah / "dokumen.json").read_text("utf-8"))
    dok.update(dokumen_id="perbup-magetan-3-2022", nomor="3", tahun=2022,
               tentang="PERUBAHAN ATAS PERATURAN BUPATI MAGETAN NOMOR 14 TAHUN 2020",
               relasi=[{"status": "Mengubah", "dokumen_id": "perbup-magetan-14-2020",
                        "judul": "Peraturan Bupati Magetan Nomor 14 Tahun 2020"}])  # fmt: skip
    (ubah / "dokumen.json").write_text(json.dumps(dok), encoding="utf-8")
    db, _ = build_catalog(tmp_path)
    with sqlite3.connect(db) as conn:
        rel = conn.execute("SELECT dokumen_id, status, dokumen_tujuan FROM relasi").fetchall()
    assert rel == [
        ("perbup-magetan-14-2020", "Diubah", "perbup-magetan-3-2022"),
        ("perbup-magetan-3-2022", "Mengubah", "perbup-magetan-14-2020"),
    ]
