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
from pydantic import BaseModel

from pipeline.models import Temuan
from pipeline.publish.files import file_mode, write_atomically
from pipeline.publish.package import FOREIGN_KEYS, LICENSES, primary_key, table_schema
from pipeline.publish.paths import document_folders
from pipeline.validate.dataset import TABLES
from pipeline.vocabulary import SEVERITIES

CATALOG_DB = "katalog.sqlite"
CATALOG_CSV = "katalog.csv"
CATALOG_METADATA = "katalog.metadata.json"  # Datasette's metadata for the catalog (make serve)
DATABASE = CATALOG_DB.removesuffix(".sqlite")  # the name Datasette gives the catalog
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
                # The folder's document keys its rows, whatever a row says.
                tables[name].append({**{k: _cell(v) for k, v in rec.items()}, "dokumen_id": doc_id})
        temuan = [Temuan.model_validate(t) for t in _load(folder / "temuan.json")]
        for level in SEVERITIES:
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
    # One row per (document, status, other document), however often it is stated.
    keyed = {(r["dokumen_id"], r["status"], r["dokumen_tujuan"]): r for r in relations}
    relations = [keyed[k] for k in sorted(keyed)]

    # Built under unique hidden names and renamed into place: a reader (or a run killed
    # half-way) sees the old catalog or the new one, and concurrent builds never collide.
    db = out_dir / CATALOG_DB
    fd, tmp_name = tempfile.mkstemp(prefix=f".tmp-{CATALOG_DB}-", dir=out_dir)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            with conn:
                _fill(conn, documents, relations, tables)
        finally:
            conn.close()
        os.chmod(tmp, file_mode())
        tmp.replace(db)
    finally:
        tmp.unlink(missing_ok=True)
    write_atomically(out_dir / CATALOG_METADATA, _dumps(datasette_metadata()))
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


# Table Schema type -> SQLite column type (lists are ";"-joined text, booleans 0/1).
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
# Columns searched by full text: printed text, not ids, hashes or vocabulary codes.
_NOT_TEXT = ("id", "dokumen_id", "sumber_sha256", "sumber_teks", "berkas")
TEMUAN_TABLE = "temuan"

# Views for the README's example queries (their filters left to the reader).
VIEWS: dict[str, tuple[str, str]] = {
    "target_per_unit": (
        "Semua target per unit penanggung jawab, lintas dokumen",
        "SELECT p.unit, r.dokumen_id, r.id, r.indikator, r.target_nilai, r.target_satuan, "
        "r.target_periode FROM rencana_aksi r JOIN penanggung_jawab p "
        "ON p.record_id = r.id AND p.dokumen_id = r.dokumen_id",
    ),
    "temuan_per_tingkat": (
        "Jumlah temuan per dokumen dan tingkat, untuk Bagian Hukum",
        "SELECT dokumen_id, tingkat, COUNT(*) AS jumlah FROM temuan GROUP BY dokumen_id, tingkat",
    ),
    "aksi_per_tahun_area": (
        "Jumlah rencana aksi per tahun pelaksanaan, kelompok dan area (area_cadangan bila "
        "kolom area kosong; kosong untuk kelompok tanpa area, mis. QuickWins)",
        "SELECT j.tahun, r.dokumen_id, r.kelompok, COALESCE(r.area, r.area_cadangan) AS area, "
        "COUNT(*) AS aksi FROM jadwal j JOIN rencana_aksi r "
        "ON r.id = j.record_id AND r.dokumen_id = j.dokumen_id "
        "GROUP BY j.tahun, r.dokumen_id, r.kelompok, COALESCE(r.area, r.area_cadangan)",
    ),
}


def _models() -> dict[str, type[BaseModel]]:
    return {**TABLES, TEMUAN_TABLE: Temuan}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(stem: str) -> list[tuple[str, str]]:
    """(column, SQLite type) of a catalog table: dokumen_id first, then the model's fields."""
    fields = table_schema(stem, _models()[stem])["fields"]
    out = [("dokumen_id", "TEXT")]
    out += [
        (f["name"], SQL_TYPES.get(f["type"], "TEXT")) for f in fields if f["name"] != "dokumen_id"
    ]
    return out


def text_columns(stem: str) -> list[str]:
    """The columns of `stem` searched by its FTS5 table: strings that are printed text."""
    fields = table_schema(stem, _models()[stem])["fields"]
    return [
        f["name"]
        for f in fields
        if f["type"] == "string"
        and "enum" not in f.get("constraints", {})
        and f["name"] not in _NOT_TEXT
        and not f["name"].endswith("_id")
        and "pattern" not in f.get("constraints", {})
    ]


def _table_sql(stem: str) -> str:
    cols = [f"{_quote(c)} {t}" for c, t in _columns(stem)]
    key = ", ".join(_quote(c) for c in ("dokumen_id", *primary_key(stem)))
    cols.append(f"PRIMARY KEY ({key})")
    cols.append('FOREIGN KEY ("dokumen_id") REFERENCES "dokumen" ("dokumen_id")')
    for (table, column), (target, target_column) in sorted(FOREIGN_KEYS.items()):
        if table == stem:
            other = target or stem
            cols.append(
                f'FOREIGN KEY ("dokumen_id", {_quote(column)}) REFERENCES {_quote(other)} '
                f'("dokumen_id", {_quote(target_column)})'
            )
    return f"CREATE TABLE {_quote(stem)} (\n  " + ",\n  ".join(cols) + "\n)"


def _sql_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "INTEGER"
    return "TEXT"


def _insert(
    conn: sqlite3.Connection, table: str, columns: list[str], rows: list[dict[str, Any]]
) -> None:
    marks = ", ".join("?" for _ in columns)
    names = ", ".join(_quote(c) for c in columns)
    conn.executemany(
        f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})",
        [tuple(_cell(row.get(c)) for c in columns) for row in rows],
    )


def _fill(
    conn: sqlite3.Connection,
    documents: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    tables: dict[str, list[dict[str, Any]]],
) -> None:
    """Every table with its keys, an FTS5 index over its text columns, and the views."""
    doc_columns = _doc_columns(documents)
    decl = [f"{_quote(c)} {_sql_type([d.get(c) for d in documents])}" for c in doc_columns]
    conn.execute(
        'CREATE TABLE "dokumen" (\n  ' + ",\n  ".join(decl) + ',\n  PRIMARY KEY ("dokumen_id")\n)'
    )
    _insert(conn, "dokumen", doc_columns, documents)
    conn.execute(
        'CREATE TABLE "relasi" (\n  "dokumen_id" TEXT, "status" TEXT, "dokumen_tujuan" TEXT, '
        '"judul" TEXT,\n  PRIMARY KEY ("dokumen_id", "status", "dokumen_tujuan")\n)'
    )
    _insert(conn, "relasi", ["dokumen_id", "status", "dokumen_tujuan", "judul"], relations)
    for stem, rows in tables.items():
        conn.execute(_table_sql(stem))
        _insert(conn, stem, [c for c, _ in _columns(stem)], rows)
        if "record_id" in dict(_columns(stem)):
            conn.execute(
                f'CREATE INDEX "ix_{stem}_record" ON {_quote(stem)} ("dokumen_id", "record_id")'
            )
        text = text_columns(stem)
        if text:
            fts = _quote(f"{stem}_fts")
            conn.execute(
                f"CREATE VIRTUAL TABLE {fts} USING fts5("
                + ", ".join(_quote(c) for c in text)
                + f", content={_quote(stem)}, content_rowid=rowid, "
                "tokenize='unicode61 remove_diacritics 2')"
            )
            conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    for name, (_, sql) in VIEWS.items():
        conn.execute(f"CREATE VIEW {_quote(name)} AS {sql}")


def datasette_metadata() -> dict[str, Any]:
    """Datasette's metadata of the catalog: title, license, every table's and column's
    description (from the models), its full-text table, the views, and the README's
    example queries as canned queries with parameters."""
    tables_meta: dict[str, Any] = {
        "dokumen": {
            "description": "Satu baris per dokumen terbitan, dengan jumlah baris tiap tabel"
        },
        "relasi": {"description": "Mengubah / Diubah, Mencabut / Dicabut, dua arah"},
    }
    for stem, model in _models().items():
        fields = table_schema(stem, model)["fields"]
        entry: dict[str, Any] = {
            "description": (model.__doc__ or stem).strip().splitlines()[0],
            "columns": {f["name"]: f["description"] for f in fields if f.get("description")},
        }
        if text_columns(stem):
            entry["fts_table"] = f"{stem}_fts"
            entry["fts_pk"] = "rowid"
        tables_meta[stem] = entry
    for name, (description, _) in VIEWS.items():
        tables_meta[name] = {"description": description}
    title = "Katalog peraturan dan lampirannya"
    description = (
        "Setiap dokumen terbitan dengan seluruh tabelnya; baris dikunci oleh dokumen_id dan id "
        "(jadwal: record_id dan tahun). Klik dokumen_id untuk membuka dokumennya; kotak cari "
        "memakai indeks teks penuh (FTS5) tiap tabel."
    )
    return {
        "title": title,
        "description": description,
        "license": LICENSES[0]["name"],
        "license_url": LICENSES[0]["path"],
        "databases": {
            DATABASE: {
                "title": title,
                "description": description,
                "tables": tables_meta,
                "queries": {
                    "target_unit": {
                        "title": "Semua target satu unit penanggung jawab",
                        "sql": "SELECT * FROM target_per_unit WHERE unit = :unit "
                        "ORDER BY dokumen_id, id",
                    },
                    "aksi_tahun": {
                        "title": "Rencana aksi pada satu tahun, per area",
                        "sql": "SELECT dokumen_id, kelompok, area, aksi FROM aksi_per_tahun_area "
                        "WHERE tahun = :tahun ORDER BY aksi DESC",
                    },
                },
            }
        },
    }


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
