"""Write one document's datasets atomically: a temporary folder swapped in at the end."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel

from pipeline.models import Record, Temuan
from pipeline.normalize.jdihn import MISSING, jdihn_feed
from pipeline.publish.files import (
    LIST_SEPARATOR,
    TMP_PREFIX,
    dir_mode,
    write_atomically,
    write_json,
    write_temporary,
)
from pipeline.publish.manifest import manifest
from pipeline.publish.package import datapackage, generic_resource
from pipeline.publish.paths import checked_id, document_path
from pipeline.publish.xlsx import write_xlsx
from pipeline.result import Dataset, DocumentResult
from pipeline.version import pipeline_version


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


def tables(result: Dataset) -> list[tuple[str, Sequence[Record], type[Record]]]:
    """Every published table of a document: (file stem, records, model), in the registry's
    order (pipeline.result.REGISTRY)."""
    return [(t.name, records, t.model) for t, records in result.published()]  # type: ignore[misc]


def write_temuan(folder: Path, temuan: Sequence[Temuan]) -> None:
    write_csv(folder / "temuan.csv", temuan, Temuan)
    write_json(folder / "temuan.json", [t.model_dump() for t in temuan])


def render_temuan(temuan: Sequence[Temuan]) -> dict[str, str]:
    """The text of temuan.csv and temuan.json, exactly as write_temuan writes them."""
    rows = [{k: _csv_value(v) for k, v in t.model_dump().items()} for t in temuan]
    frame = pd.DataFrame(rows, columns=list(Temuan.model_fields), dtype=object)
    return {
        "temuan.csv": frame.to_csv(index=False, lineterminator="\n"),
        "temuan.json": json.dumps([t.model_dump() for t in temuan], ensure_ascii=False, indent=2)
        + "\n",
    }


def write_tables(folder: Path, result: DocumentResult) -> None:
    """Every logical lampiran table: tabel/<id>.csv and .json (indexed by tabel.csv)."""
    (folder / "tabel").mkdir(exist_ok=True)
    for flat in result.flat_tables:
        columns = flat.published_columns()
        rows = [{c: _csv_value(r.get(c)) for c in columns} for r in flat.rows]
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        frame.to_csv(folder / "tabel" / f"{flat.id}.csv", index=False, lineterminator="\n")
        write_json(
            folder / "tabel" / f"{flat.id}.json",
            [{c: r.get(c) for c in columns} for r in flat.rows],
        )


def package_created(result: DocumentResult) -> str | None:
    """datapackage.json's `created`, from the data, never the clock: the day the regulation
    was promulgated (or, failing that, enacted), as an ISO 8601 date-time."""
    day = result.dokumen.tanggal_pengundangan or result.dokumen.tanggal_penetapan
    return f"{day}T00:00:00Z" if day else None


def package_sources(feed: dict[str, str]) -> list[dict[str, str]]:
    """The source regulation: its JDIHN title and its download URL (or file name)."""
    title = feed["judul"] if feed["judul"] != MISSING else feed["idData"]
    path = feed["urlDownload"] if feed["urlDownload"] != MISSING else feed["fileDownload"]
    return [{"title": title, "path": path}]


def write_package(
    folder: Path, result: DocumentResult, temuan: Sequence[Temuan], feed: dict[str, str]
) -> None:
    """datapackage.json, the analysts' workbook, and last the manifest of every file."""
    csv_tables: list[tuple[str, type[BaseModel]]] = [(n, m) for n, _, m in tables(result)]
    csv_tables.append(("temuan", Temuan))
    title = result.dokumen.tentang or result.dokumen_id
    package = datapackage(
        result.dokumen_id, title, csv_tables, created=package_created(result),
        sources=package_sources(feed),
    )  # fmt: skip
    for flat in result.flat_tables:
        name = flat.id.replace("_", "-")
        package["resources"].append(
            generic_resource(name, f"tabel/{flat.id}.csv", flat.published_columns(), flat.types)
        )
    write_json(folder / "datapackage.json", package)
    sheets = [(name, records, model) for name, records, model in tables(result)]
    write_xlsx(folder / f"{result.dokumen_id}.xlsx", sheets, temuan, result.dokumen)
    write_json(folder / "manifest.json", manifest(folder, result.sha256, pipeline_version()))


def stage(
    result: DocumentResult,
    out_dir: Path,
    temuan: Sequence[Temuan] = (),
    base_url: str | None = None,
) -> Path:
    """Write `result` and its findings, complete with their manifest, into a new hidden
    folder out_dir/.tmp-<dokumen_id>-*; `commit` then puts it in place. Nothing is written
    for an id that cannot name a folder. `base_url`: where the PDFs are served, for the
    JDIHN feed's urlDownload."""
    checked_id(result.dokumen_id, result.path)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{result.dokumen_id}-", dir=out_dir))
    try:
        os.chmod(tmp, dir_mode())
        for name, records, model in tables(result):
            write_csv(tmp / f"{name}.csv", records, model)
            write_json(tmp / f"{name}.json", [r.model_dump() for r in records])
        write_json(tmp / "dokumen.json", result.dokumen.model_dump())
        feed = jdihn_feed(result.jdihn, base_url)
        write_json(tmp / "jdihn.json", feed)
        write_json(tmp / "sisa.json", [s.model_dump() for s in result.sisa])
        write_tables(tmp, result)
        write_temuan(tmp, temuan)
        write_package(tmp, result, temuan, feed[0])
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def publish(
    result: DocumentResult,
    out_dir: Path,
    temuan: Sequence[Temuan] = (),
    base_url: str | None = None,
) -> Path:
    """Write `result` and its findings to out_dir/<dokumen_id>/; a failure leaves the old
    folder intact."""
    final = document_path(out_dir, result.dokumen_id, result.path)
    commit(stage(result, out_dir, temuan, base_url), final)
    return final


def commit(staged: Path, final: Path) -> None:
    """Put the complete folder `staged` in place of `final`, atomically: a reader sees the
    old folder or the new one, never a missing or half-written one.

    A new `final` is one rename. An existing one is swapped with renameat2(RENAME_EXCHANGE)
    (Linux 3.15+, local file systems), and the old version, now at the staged name, removed;
    a crash before that leaves only a hidden `.tmp-*` folder, which the next run sweeps.
    Where the exchange is not supported (another OS, some network file systems) the old
    folder is renamed aside first: then, for the moment between two renames, `final` is
    missing (documented in the README)."""
    if not final.exists():
        staged.rename(final)
        return
    if _exchange(staged, final):
        shutil.rmtree(staged)
        return
    old = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}old-{final.name}-", dir=final.parent))
    final.replace(old / final.name)
    staged.rename(final)
    shutil.rmtree(old)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with renameat2(2); False where the call or the flag is not
    supported, OSError for any other failure."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def sweep(folder: Path) -> list[Path]:
    """Remove what an interrupted run left in `folder`: hidden `.tmp-*` files and folders
    (staged documents and reports, old versions, catalog and stamp temp files) and `.old-*`
    folders of earlier versions. Only under the run lock (pipeline/publish/lock.py)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in sorted([*folder.glob(f"{TMP_PREFIX}*"), *folder.glob(".old-*")]):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


__all__ = ["commit", "publish", "stage", "sweep", "write_atomically", "write_temporary"]
