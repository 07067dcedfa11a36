"""manifest.json of a published folder: what it holds, each file's sha256 and size in rows."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from pipeline.digest import sha256_of as sha256_of

MANIFEST_NAME = "manifest.json"


def manifest(folder: Path, source_sha256: str, pipeline_version: str) -> dict[str, Any]:
    """Describe every file under `folder` except `manifest.json` itself.

    Returns {"sumber_sha256", "versi_pipeline", "berkas": [{"nama", "sha256", "baris"}]},
    `berkas` sorted by `nama`, the path relative to `folder` with "/" separators (files in
    subfolders included). `baris`: the number of records of a .csv after its header (RFC 4180:
    a quoted line break does not start a record), the length of a .json whose top level is an
    array, None for anything else. Depends only on the folder's contents, never on the clock.
    """
    files = sorted(
        (p for p in folder.rglob("*") if p.is_file() and p != folder / MANIFEST_NAME),
        key=lambda p: p.relative_to(folder).as_posix(),
    )
    return {
        "sumber_sha256": source_sha256,
        "versi_pipeline": pipeline_version,
        "berkas": [
            {
                "nama": p.relative_to(folder).as_posix(),
                "sha256": sha256_of(p),
                "baris": row_count(p),
            }
            for p in files
        ],
    }


# A published cell may be longer than the csv module's default limit of 131,072 characters
# (a table printed as one cell, a long lampiran node); counting its rows must not fail.
CSV_FIELD_LIMIT = 2**31 - 1


def row_count(path: Path) -> int | None:
    """Records after the header of a .csv (0 for an empty file), the length of a top-level
    JSON array in a .json, None for other files and for JSON that is not an array."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            if csv.field_size_limit() < CSV_FIELD_LIMIT:
                csv.field_size_limit(CSV_FIELD_LIMIT)
            records = sum(1 for _ in csv.reader(handle))
        return max(records - 1, 0)
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        return len(data) if isinstance(data, list) else None
    return None


def verify(folder: Path) -> list[tuple[str, str]]:
    """What is wrong with `folder` against its manifest.json: (file name, problem) pairs,
    in file-name order; empty when every file is there with its recorded sha256 and no file
    is there that the manifest does not list. Hidden files (temporary ones) are ignored.
    Problems: "manifest-tidak-ada", "manifest-rusak", "hilang", "berubah", "tidak-terdaftar"."""
    path = folder / MANIFEST_NAME
    try:
        data = json.loads(path.read_text("utf-8"))
        listed = {str(e["nama"]): str(e["sha256"]) for e in data["berkas"]}
    except FileNotFoundError:
        return [(MANIFEST_NAME, "manifest-tidak-ada")]
    except (OSError, ValueError, KeyError, TypeError):
        return [(MANIFEST_NAME, "manifest-rusak")]
    on_disk = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file()
        and p != path
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }
    problems: list[tuple[str, str]] = []
    for name in sorted(listed.keys() | on_disk):
        if name not in on_disk:
            problems.append((name, "hilang"))
        elif name not in listed:
            problems.append((name, "tidak-terdaftar"))
        elif sha256_of(folder / name) != listed[name]:
            problems.append((name, "berubah"))
    return problems
