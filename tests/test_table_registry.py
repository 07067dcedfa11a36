"""The one registry of published tables (pipeline.result.REGISTRY) drives every consumer: the
writer, the workbook, the catalog, the schemas, the expectation suites, the diff and the OCR
rule. Each test walks the registry, so a table that one consumer leaves out fails here by name
(issue 20: the list was written in 8 places and forgetting one failed silently)."""

from __future__ import annotations

import json
import sqlite3
import typing
from dataclasses import fields
from pathlib import Path

import pytest
from pydantic import BaseModel

from pipeline.diff.compare import DEFAULT_TABLES, LABEL_FIELDS, NUMBERING_FIELDS
from pipeline.publish.katalog import CATALOG_DB
from pipeline.publish.package import FOREIGN_KEYS, primary_key
from pipeline.result import REGISTRY, Dataset, DocumentResult
from pipeline.validate.dataset import load_folder
from pipeline.validate.expectations import SUITE_DIR, spec
from pipeline.validate.rules.scans import QUOTED
from pipeline.validate.schemas import SCHEMA_DIR, published_models
from tests.golden import GOLDEN, GOLDEN_DIR

ROOT = Path(__file__).resolve().parents[1]
NAMES = [t.name for t in REGISTRY]
# Dataset fields that hold records but are not published tables: sisa.json is the leftovers
# (no CSV, no sheet), `invalid` the rows a folder failed to load.
NOT_TABLES = {"sisa", "invalid", "tabel_isi", "tabel_gabungan", "dokumen"}


def _golden_folder() -> Path:
    return GOLDEN_DIR


def test_every_dataset_list_of_records_is_registered() -> None:
    hints = typing.get_type_hints(Dataset)
    for f in fields(Dataset):
        if f.name in NOT_TABLES:
            continue
        assert f.name in NAMES, f"Dataset.{f.name} is not a published(...) table"
        (element,) = typing.get_args(hints[f.name])
        assert element is next(t.model for t in REGISTRY if t.name == f.name), f.name


def test_a_document_result_is_its_dataset_plus_run_statistics() -> None:
    assert issubclass(DocumentResult, Dataset)
    run_only = {f.name for f in fields(DocumentResult)} - {f.name for f in fields(Dataset)}
    assert not run_only & set(NAMES)


@pytest.mark.parametrize("table", REGISTRY, ids=NAMES)
def test_the_registry_entry_names_real_fields(table: typing.Any) -> None:
    model: type[BaseModel] = table.model
    named = set(table.numbering) | set(table.labels) | set(table.similarity) | set(table.quoted)
    named |= set(table.key) | {column for column, _ in table.references}
    assert named <= set(model.model_fields), named - set(model.model_fields)
    for _, (target, column) in table.references:
        target_model = (
            model if target == "" else next(t.model for t in REGISTRY if t.name == target)
        )
        assert column in target_model.model_fields
    # Every table whose records carry an OCR confidence is quoted by the low-confidence rule.
    assert bool(table.quoted) == ("keyakinan_ocr" in model.model_fields)


@pytest.mark.parametrize("name", NAMES)
def test_every_consumer_covers_the_table(name: str) -> None:
    table = next(t for t in REGISTRY if t.name == name)
    assert published_models()[name] is table.model
    assert (ROOT / SCHEMA_DIR / f"{name}.schema.json").is_file()
    assert (name in spec()) == table.suite
    assert (ROOT / SUITE_DIR / f"{name}.json").is_file() == table.suite
    assert NUMBERING_FIELDS[name] == table.numbering
    assert LABEL_FIELDS.get(name, ()) == table.labels
    assert (name in DEFAULT_TABLES) == (table.diff_rank is not None)
    assert QUOTED.get(name, ()) == table.quoted
    assert primary_key(name) == table.key
    assert {c for (t, c) in FOREIGN_KEYS if t == name} == {c for c, _ in table.references}


def test_the_golden_folder_holds_every_table_and_reads_back() -> None:
    """The writer wrote each registered table as CSV and JSON, the catalog has it, and
    load_folder reads every row of it back into its Dataset field."""
    folder = _golden_folder()
    data = load_folder(folder)
    assert not data.invalid
    with sqlite3.connect(GOLDEN / CATALOG_DB) as db:
        catalog = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    resources = {r["path"] for r in package["resources"]}
    for name in NAMES:
        assert (folder / f"{name}.csv").is_file(), name
        rows = json.loads((folder / f"{name}.json").read_text("utf-8"))
        assert len(data.table(name)) == len(rows), name
        assert name in catalog, name
        assert f"{name}.csv" in resources, name


def test_the_workbook_has_a_sheet_per_table() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    folder = _golden_folder()
    book = openpyxl.load_workbook(folder / f"{folder.name}.xlsx", read_only=True)
    assert set(NAMES) <= set(book.sheetnames), set(NAMES) - set(book.sheetnames)
