"""The committed JSON Schemas and expectation suites are what the models and SPEC give."""

from __future__ import annotations

import json

import pytest

from pipeline.validate.expectations import SUITE_DIR, spec, suite_json
from pipeline.validate.schemas import SCHEMA_DIR, published_models, schema_text
from tests.conftest import ROOT


@pytest.mark.parametrize("name", sorted(published_models()))
def test_schema_is_fresh(name: str) -> None:
    path = ROOT / SCHEMA_DIR / f"{name}.schema.json"
    assert path.read_text("utf-8") == schema_text(published_models()[name], name), (
        f"{path} is stale: run `make schemas`"
    )


@pytest.mark.parametrize("table", sorted(spec()))
def test_suite_is_fresh(table: str) -> None:
    path = ROOT / SUITE_DIR / f"{table}.json"
    assert path.read_text("utf-8") == suite_json(table, spec()[table]), (
        f"{path} is stale: run `make schemas`"
    )


def test_schemas_describe_the_published_fields() -> None:
    schema = json.loads((ROOT / SCHEMA_DIR / "rencana_aksi.schema.json").read_text("utf-8"))
    assert {"id", "indikator_target", "target_status", "halaman_awal"} <= set(schema["properties"])
