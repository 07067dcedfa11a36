"""JSON Schemas of every published table, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from pipeline.models import Dokumen, Sisa, Temuan
from pipeline.validate.dataset import TABLES

SCHEMA_DIR = Path("schemas")


def published_models() -> dict[str, type[BaseModel]]:
    return {**TABLES, "dokumen": Dokumen, "sisa": Sisa, "temuan": Temuan}


def schema_text(model: type[BaseModel]) -> str:
    return (
        json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )


def write_schemas(root: Path = Path(".")) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in published_models().items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written
