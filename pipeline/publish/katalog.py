"""One catalog for analysts: every published document with all its tables, in SQLite
(`extracted/katalog.sqlite`) and one row per document in `extracted/katalog.csv`.

Rebuilt from the published folders (never from memory), so it always says what is on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.models import Temuan
from pipeline.publish.files import file_mode, write_atomically
from pipeline.publish.paths import document_folders
from pipeline.validate.dataset import TABLES

CATALOG_DB = "katalog.sqlite"
CATALOG_CSV = "katalog.csv"
DOCUMENT_COLUMNS = (
    "dokumen_id", "jenis", "singkatan_jenis", "daerah", "provinsi", "nomor", "tahun", "tentang",
    "tempat_penetapan", "tanggal_penetapan", "tempat_pengundangan", "tanggal_pengundangan",
    "berita_daerah_tahun", "berita_daerah_nomor", "sumber_sha256", "jumlah_halaman",
)  # fmt: skip
INVERSE = {"Mengubah": "Diubah", "Mencabut": "Dicabut"}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _folders(out_dir: Path) -> list[Path]:
    return document_folders(out_dir)


def build_catalog(out_dir: Path) -> tuple[Path, Path]:
    """Write katalog.sqlite and katalog.csv for every document folder under out_dir."""
    documents: list[dict[str, Any]] = []
    relations: list[dict[str, Any]] = []
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in [*TABLES, "temuan"]}
    for folder in _folders(out_dir):
        dok = json.loads((folder / "dokumen.json").read_text("utf-8"))
        doc_id = dok["dokumen_id"]
        row = {c: dok.get(c) for c in DOCUMENT_COLUMNS}
        for name in tables:
            path = folder / f"{name}.json"
            records = json.loads(path.read_text("utf-8")) if path.exists() else []
            row[f"jumlah_{name}"] = len(records)
            for rec in records:
                tables[name].append({"dokumen_id": doc_id, **{k: _cell(v) for k, v in rec.items()}})
        temuan = [Temuan.model_validate(t) for t in _load(folder / "temuan.json")]
        for level in ("galat", "peringatan", "info"):
            row[f"temuan_{level}"] = sum(1 for t in temuan if t.tingkat == level)
        row["relasi"] = ";".join(f"{r['status']} {r['dokumen_id']}" for r in dok.get("relasi", []))
        documents.append(row)
        for rel in dok.get("relasi", []):
            status = rel["status"]
            relations.append(
                {"dokumen_id": doc_id, "status": status, "dokumen_tujuan": rel["dokumen_id"],
                 "judul": rel["judul"]}
            )  # fmt: skip
            relations.append(
                {"dokumen_id": rel["dokumen_id"], "status": INVERSE.get(status, status),
                 "dokumen_tujuan": doc_id, "judul": dok.get("tentang")}
            )  # fmt: skip
    relations.sort(key=lambda r: (r["dokumen_id"], r["status"], r["dokumen_tujuan"]))

    # Built under unique hidden names and renamed into place: a reader (or a run killed
    # half-way) sees the old catalog or the new one, and concurrent builds never collide.
    db = out_dir / CATALOG_DB
    fd, tmp_name = tempfile.mkstemp(prefix=f".tmp-{CATALOG_DB}-", dir=out_dir)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with sqlite3.connect(tmp) as conn:
            frame = pd.DataFrame(documents, columns=_doc_columns(documents))
            frame.to_sql("dokumen", conn, index=False)
            pd.DataFrame(
                relations, columns=["dokumen_id", "status", "dokumen_tujuan", "judul"]
            ).to_sql("relasi", conn, index=False)
            for name, rows in tables.items():
                if rows:
                    pd.DataFrame(rows).to_sql(name, conn, index=False)
                    conn.execute(f'CREATE INDEX "ix_{name}_dokumen" ON "{name}" (dokumen_id)')
        conn.close()
        os.chmod(tmp, file_mode())
        tmp.replace(db)
    finally:
        tmp.unlink(missing_ok=True)
    csv_path = out_dir / CATALOG_CSV
    text = pd.DataFrame(documents, columns=_doc_columns(documents)).to_csv(
        index=False, lineterminator="\n"
    )
    write_atomically(csv_path, text)
    return db, csv_path


def _doc_columns(documents: list[dict[str, Any]]) -> list[str]:
    extra = [k for k in (documents[0] if documents else {}) if k not in DOCUMENT_COLUMNS]
    return [*DOCUMENT_COLUMNS, *extra]


def _load(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text("utf-8")) if path.exists() else []
