"""One document's published tables (pipeline.result.Dataset) read back from its folder."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from pipeline.errors import PipelineError
from pipeline.models import Dokumen, Sisa, Temuan
from pipeline.result import REGISTRY, TABLES, Dataset

__all__ = ["TABLES", "Dataset", "load_folder", "load_temuan"]


def load_folder(folder: Path) -> Dataset:
    """Read a published document folder; rows that fail their model are kept aside as
    `invalid` (they become findings), never dropped silently."""
    try:
        dokumen = Dokumen.model_validate(json.loads((folder / "dokumen.json").read_text("utf-8")))
    except FileNotFoundError as exc:
        raise PipelineError(folder, "not a published document folder (no dokumen.json)") from exc
    except (ValueError, ValidationError) as exc:
        raise PipelineError(folder, f"dokumen.json does not match its schema: {exc}") from exc
    data = Dataset(dokumen=dokumen)
    for spec in REGISTRY:
        name, model = spec.name, spec.model
        path = folder / f"{name}.json"
        if not path.exists():
            continue
        rows = json.loads(path.read_text("utf-8"))
        good = []
        for i, row in enumerate(rows):
            try:
                good.append(model.model_validate(row))
            except ValidationError as exc:
                data.invalid.append((name, i, row, _short(exc)))
        setattr(data, name, good)
    for t in data.tabel:
        path = folder / t.berkas.replace(".csv", ".json")
        data.tabel_isi[t.id] = json.loads(path.read_text("utf-8")) if path.exists() else []
    sisa_path = folder / "sisa.json"
    if sisa_path.exists():
        data.sisa = [Sisa.model_validate(r) for r in json.loads(sisa_path.read_text("utf-8"))]
    return data


def _short(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}"


def load_temuan(folder: Path) -> list[Temuan]:
    path = folder / "temuan.json"
    return (
        [Temuan.model_validate(t) for t in json.loads(path.read_text("utf-8"))]
        if path.exists()
        else []
    )
