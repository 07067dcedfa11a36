"""JSON Schemas of every published table, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from pipeline.models import CONTRACT_VERSION, Dokumen, Sisa, Temuan
from pipeline.validate.dataset import TABLES

SCHEMA_DIR = Path("schemas")


def published_models() -> dict[str, type[BaseModel]]:
    return {**TABLES, "dokumen": Dokumen, "sisa": Sisa, "temuan": Temuan}


# JSON Schema dialect of pydantic's output, and the URI naming each published schema (a URN:
# the schemas are published with the data, not served from a host).
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(name: str, version: str = CONTRACT_VERSION) -> str:
    """The `$id` of published table `name`'s schema at contract `version`."""
    return f"urn:perbup-pipeline:skema:{name}:{version}"


def schema_text(model: type[BaseModel], name: str) -> str:
    """The JSON Schema of `model`, named `name`, with `$schema`, `$id` and `version` (the
    data contract's, pipeline.models.CONTRACT_VERSION)."""
    schema = {
        "$schema": DIALECT,
        "$id": schema_id(name),
        "version": CONTRACT_VERSION,
        **model.model_json_schema(),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path = Path(".")) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in published_models().items():
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(model, name), encoding="utf-8")
        written.append(path)
    return written
