"""Write one document's datasets atomically: a temporary folder swapped in at the end."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel

from pipeline import __version__
from pipeline.models import (
    AreaPerubahan,
    DasarHukum,
    Definisi,
    Jadwal,
    Menimbang,
    PenanggungJawab,
    PerubahanPasal,
    Program,
    Record,
    RencanaAksi,
    Simpul,
    Tabel,
    Temuan,
)
from pipeline.publish.manifest import manifest
from pipeline.publish.package import datapackage, generic_resource
from pipeline.publish.xlsx import write_xlsx
from pipeline.run import DocumentResult

LIST_SEPARATOR = ";"


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def write_csv(path: Path, records: Sequence[Record], model: type[Record]) -> None:
    """UTF-8, header row, RFC 4180 quoting, \\n line endings, lists `;`-joined, None -> ''."""
    columns = list(model.model_fields)
    rows = [{k: _csv_value(v) for k, v in r.model_dump().items()} for r in records]
    # object dtype: integers stay integers next to empty cells (no "12.0").
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def write_json(path: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def tables(result: DocumentResult) -> list[tuple[str, Sequence[Record], type[Record]]]:
    """Every published table of a document: (file stem, records, model), in a fixed order."""
    return [
        ("pasal", result.simpul, Simpul),
        ("menimbang", result.menimbang, Menimbang),
        ("dasar_hukum", result.dasar_hukum, DasarHukum),
        ("definisi", result.definisi, Definisi),
        ("perubahan_pasal", result.perubahan_pasal, PerubahanPasal),
        ("lampiran", result.lampiran_simpul, Simpul),
        ("area_perubahan", result.area_perubahan, AreaPerubahan),
        ("program", result.program, Program),
        ("rencana_aksi", result.rencana_aksi, RencanaAksi),
        ("tabel", result.tabel, Tabel),
        ("jadwal", result.jadwal, Jadwal),
        ("penanggung_jawab", result.penanggung_jawab, PenanggungJawab),
    ]


def write_temuan(folder: Path, temuan: Sequence[Temuan]) -> None:
    write_csv(folder / "temuan.csv", temuan, Temuan)
    write_json(folder / "temuan.json", [t.model_dump() for t in temuan])


def write_tables(folder: Path, result: DocumentResult) -> None:
    """Every logical lampiran table: tabel/<id>.csv and .json (indexed by tabel.csv)."""
    (folder / "tabel").mkdir(exist_ok=True)
    for flat in result.tabel_isi:
        columns = flat.published_columns()
        rows = [{c: _csv_value(r.get(c)) for c in columns} for r in flat.rows]
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        frame.to_csv(folder / "tabel" / f"{flat.id}.csv", index=False, lineterminator="\n")
        write_json(
            folder / "tabel" / f"{flat.id}.json",
            [{c: r.get(c) for c in columns} for r in flat.rows],
        )


def write_package(folder: Path, result: DocumentResult, temuan: Sequence[Temuan]) -> None:
    """datapackage.json, the analysts' workbook, and last the manifest of every file."""
    csv_tables: list[tuple[str, type[BaseModel]]] = [(n, m) for n, _, m in tables(result)]
    csv_tables.append(("temuan", Temuan))
    title = result.dokumen.tentang or result.dokumen_id
    package = datapackage(result.dokumen_id, title, csv_tables)
    for flat in result.tabel_isi:
        name = flat.id.replace("_", "-")
        package["resources"].append(
            generic_resource(name, f"tabel/{flat.id}.csv", flat.published_columns(), flat.types)
        )
    write_json(folder / "datapackage.json", package)
    sheets = [(name, records, model) for name, records, model in tables(result)]
    write_xlsx(folder / f"{result.dokumen_id}.xlsx", sheets, temuan)
    write_json(folder / "manifest.json", manifest(folder, result.sha256, __version__))


def publish(result: DocumentResult, out_dir: Path, temuan: Sequence[Temuan] = ()) -> Path:
    """Write `result` and its findings to out_dir/<dokumen_id>/; a failure leaves the old
    folder intact."""
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / result.dokumen_id
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{result.dokumen_id}-", dir=out_dir))
    try:
        for name, records, model in tables(result):
            write_csv(tmp / f"{name}.csv", records, model)
            write_json(tmp / f"{name}.json", [r.model_dump() for r in records])
        write_json(tmp / "dokumen.json", result.dokumen.model_dump())
        write_json(tmp / "jdihn.json", result.jdihn)
        write_json(tmp / "sisa.json", [s.model_dump() for s in result.sisa])
        write_tables(tmp, result)
        write_temuan(tmp, temuan)
        write_package(tmp, result, temuan)
        _swap(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def _swap(tmp: Path, final: Path) -> None:
    old = final.with_name(f".old-{final.name}")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    if old.exists():
        shutil.rmtree(old)


def write_atomically(path: Path, text: str) -> None:
    """Write a single file through a temporary sibling and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{path.name}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
