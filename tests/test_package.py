"""datapackage.json, the Excel workbook and manifest.json of a published folder."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import frictionless
import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

from pipeline.models import Jadwal, PerubahanPasal, RencanaAksi, Simpul, Temuan
from pipeline.publish.manifest import manifest
from pipeline.publish.package import datapackage, table_schema
from pipeline.publish.xlsx import write_xlsx
from pipeline.result import REGISTRY
from pipeline.validate.dataset import TABLES, load_folder
from tests.golden import GOLDEN_DIR

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = GOLDEN_DIR
DOKUMEN_ID = "perbup-magetan-14-2020"
TABLES_INDEX = {name: i for i, name in enumerate(TABLES)}


def _csv_tables(folder: Path) -> list[tuple[str, type[BaseModel]]]:
    every: list[tuple[str, type[BaseModel]]] = [*TABLES.items(), ("temuan", Temuan)]
    return [(stem, model) for stem, model in every if (folder / f"{stem}.csv").exists()]


def _write_package(folder: Path) -> Path:
    descriptor = datapackage(DOKUMEN_ID, "Peraturan Bupati Magetan 14/2020", _csv_tables(folder))
    path = folder / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _errors(report: frictionless.Report) -> list[list[str]]:
    return [[str(v) for v in row] for row in report.flatten(["type", "note"])]


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    folder = tmp_path / DOKUMEN_ID
    shutil.copytree(EXAMPLE, folder)
    return folder


# --- datapackage.json ---------------------------------------------------------------------


def test_example_folder_validates(package_dir: Path) -> None:
    report = frictionless.validate(_write_package(package_dir))
    assert report.valid, _errors(report)
    # Every table of the registry, and temuan.csv.
    assert len(report.tasks) == len(_csv_tables(package_dir)) == len(REGISTRY) + 1


def test_descriptor_is_deterministic() -> None:
    tables = _csv_tables(EXAMPLE)
    first = json.dumps(datapackage(DOKUMEN_ID, "t", tables))
    assert json.dumps(datapackage(DOKUMEN_ID, "t", tables)) == first


def test_descriptor_shape() -> None:
    descriptor = datapackage(DOKUMEN_ID, "t", _csv_tables(EXAMPLE))
    assert descriptor["profile"] == "tabular-data-package"
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == [s for s, _ in _csv_tables(EXAMPLE)]
    ra = resources["rencana_aksi"]
    assert ra["path"] == "rencana_aksi.csv"
    assert ra["encoding"] == "utf-8"
    assert ra["dialect"]["lineTerminator"] == "\n"
    schema = ra["schema"]
    assert schema["primaryKey"] == "id"
    assert schema["missingValues"] == [""]
    fields = {f["name"]: f for f in schema["fields"]}
    assert [f["name"] for f in schema["fields"]] == list(RencanaAksi.model_fields)
    assert fields["lampiran"]["type"] == "integer"
    assert fields["lampiran"]["constraints"] == {"required": True}
    assert fields["target_nilai"]["type"] == "number"
    assert "constraints" not in fields["target_nilai"]
    assert fields["target_terbilang_cocok"]["type"] == "boolean"
    assert fields["target_terbilang_cocok"]["trueValues"] == ["True"]
    assert fields["target_terbilang_cocok"]["falseValues"] == ["False"]
    assert fields["tahun_pelaksanaan"]["type"] == "string"
    assert '";"' in fields["tahun_pelaksanaan"]["description"]
    assert fields["indikator_ke"]["constraints"] == {"required": True, "minimum": 1}
    assert fields["sumber_teks"]["constraints"]["enum"] == ["teks", "ocr"]
    # Every field is described, from the model or from the fallback table.
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert field.get("description"), (resource["name"], field["name"])


@pytest.mark.parametrize(
    ("stem", "model", "expected"),
    [
        ("jadwal", Jadwal, [("record_id", "rencana_aksi")]),
        ("pasal", Simpul, [("induk_id", "")]),
        ("temuan", Temuan, []),
        ("rencana_aksi", RencanaAksi, [("duplikat_dari", "")]),
        ("perubahan_pasal", PerubahanPasal, [("isi_id", "pasal")]),
    ],
)
def test_foreign_keys(stem: str, model: type[BaseModel], expected: list[tuple[str, str]]) -> None:
    schema = table_schema(stem, model)
    found = [(fk["fields"], fk["reference"]["resource"]) for fk in schema.get("foreignKeys", [])]
    assert found == expected


def test_foreign_key_to_a_missing_table_is_left_out() -> None:
    descriptor = datapackage(DOKUMEN_ID, "t", [("jadwal", Jadwal)])
    assert "foreignKeys" not in descriptor["resources"][0]["schema"]


def test_unsupported_annotation_is_a_type_error() -> None:
    from pipeline.models import Dokumen

    with pytest.raises(TypeError, match=r"dokumen\.penandatangan"):
        table_schema("dokumen", Dokumen)


def _replace_in_csv(path: Path, row: int, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fieldnames = list(rows[0])
    rows[row][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_broken_foreign_key_makes_the_package_invalid(package_dir: Path) -> None:
    _replace_in_csv(package_dir / "jadwal.csv", 0, "record_id", "lampiran_9__tidak_ada")
    report = frictionless.validate(_write_package(package_dir))
    assert not report.valid
    assert [e[0] for e in _errors(report)] == ["foreign-key"]
    assert "lampiran_9__tidak_ada" in _errors(report)[0][1]


def test_broken_self_reference_makes_the_package_invalid(package_dir: Path) -> None:
    _replace_in_csv(package_dir / "pasal.csv", 20, "induk_id", "bab_99")
    report = frictionless.validate(_write_package(package_dir))
    assert [e[0] for e in _errors(report)] == ["foreign-key"]


@pytest.mark.parametrize(
    ("stem", "column", "value", "error"),
    [
        ("jadwal", "tahun", "20x0", "type-error"),
        ("jadwal", "record_id", "", "constraint-error"),  # required
        ("rencana_aksi", "target_terbilang_cocok", "true", "type-error"),  # pandas writes True
        ("rencana_aksi", "tahun_pelaksanaan", "2019,2020", "constraint-error"),  # pattern
        ("rencana_aksi", "indikator_ke", "0", "constraint-error"),  # minimum
        ("pasal", "sumber_teks", "scan", "constraint-error"),  # enum: teks or ocr
        ("pasal", "keyakinan_ocr", "101", "constraint-error"),  # maximum
    ],
)
def test_bad_cell_makes_the_package_invalid(
    package_dir: Path, stem: str, column: str, value: str, error: str
) -> None:
    _replace_in_csv(package_dir / f"{stem}.csv", 0, column, value)
    report = frictionless.validate(_write_package(package_dir))
    assert error in [e[0] for e in _errors(report)]


def test_duplicate_primary_key_makes_the_package_invalid(package_dir: Path) -> None:
    path = package_dir / "menimbang.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    path.write_text("\n".join([lines[0], lines[1], lines[1], *lines[2:]]), encoding="utf-8")
    report = frictionless.validate(_write_package(package_dir))
    assert "primary-key" in [e[0] for e in _errors(report)]


# --- Excel --------------------------------------------------------------------------------


def _sheets_and_temuan() -> tuple[
    list[tuple[str, list[BaseModel], type[BaseModel]]], list[BaseModel]
]:
    data = load_folder(EXAMPLE)
    assert not data.invalid
    sheets = [(name, list(data.table(name)), model) for name, model in TABLES.items()]
    rows = json.loads((EXAMPLE / "temuan.json").read_text(encoding="utf-8"))
    temuan: list[BaseModel] = [Temuan.model_validate(r) for r in rows]
    return sheets, temuan


def test_xlsx_sheets_header_filter_and_values(tmp_path: Path) -> None:
    sheets, temuan = _sheets_and_temuan()
    path = tmp_path / "data.xlsx"
    write_xlsx(path, sheets, temuan)
    workbook = load_workbook(path)
    assert workbook.sheetnames == [*TABLES, "Temuan", "Panduan_kolom"]
    expected: list[tuple[str, list[BaseModel], type[BaseModel]]] = [
        *sheets,
        ("Temuan", temuan, Temuan),
    ]
    for name, records, model in expected:
        sheet = workbook[name]
        header = [c.value for c in sheet[1]]
        assert header == list(model.model_fields)
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, len(header)).column_letter}{len(records) + 1}"
        )
        assert sheet.max_row == len(records) + 1
        for letter, dimension in sheet.column_dimensions.items():
            assert 10 <= dimension.width <= 60, (name, letter)
    ra = workbook["rencana_aksi"]
    header = [c.value for c in ra[1]]
    first = {h: c.value for h, c in zip(header, ra[2], strict=True)}
    record = sheets[TABLES_INDEX["rencana_aksi"]][1][0]
    assert isinstance(record, RencanaAksi)
    assert first["id"] == record.id
    assert first["tahun_pelaksanaan"] == ";".join(str(t) for t in record.tahun_pelaksanaan)
    assert first["lampiran"] == record.lampiran  # numbers stay numbers
    assert first["area_no_tercetak"] == record.area_no_tercetak
    empty = [h for h, v in record.model_dump().items() if v is None]
    assert empty and all(first[h] is None for h in empty)
    # Long text wraps.
    teks = header.index("hasil_indikator")
    assert ra.cell(2, teks + 1).alignment.wrap_text


def test_xlsx_is_byte_deterministic(tmp_path: Path) -> None:
    sheets, temuan = _sheets_and_temuan()
    write_xlsx(tmp_path / "a.xlsx", sheets, temuan)
    write_xlsx(tmp_path / "b.xlsx", sheets, temuan)
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_xlsx_text_is_never_a_formula_and_temuan_sheet_always_exists(tmp_path: Path) -> None:
    jadwal = Jadwal(record_id="=SUM(1)\x01", tahun=2020)
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [("a" * 40, [jadwal], Jadwal)], [])
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["a" * 31, "Temuan", "Panduan_kolom"]
    cell = workbook["a" * 31]["A2"]
    assert cell.value == "=SUM(1)"
    assert cell.data_type == "s"
    assert [c.value for c in workbook["Temuan"][1]] == list(Temuan.model_fields)


# --- manifest.json ------------------------------------------------------------------------


def test_manifest_hashes_and_row_counts(tmp_path: Path) -> None:
    files = {
        "b.csv": b'id,teks\n1,"dua\nbaris"\n2,x\n',  # a quoted line break is one record
        "a.json": b'[{"id": 1}, {"id": 2}, {"id": 3}]\n',
        "c.json": b'{"id": 1}\n',
        "kosong.csv": b"",
        "d.xlsx": b"PK\x03\x04",
        "manifest.json": b"{}",
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    result = manifest(tmp_path, "abc", "0.1.0")
    assert result == {
        "sumber_sha256": "abc",
        "versi_pipeline": "0.1.0",
        "berkas": [
            {"nama": name, "sha256": hashlib.sha256(files[name]).hexdigest(), "baris": rows}
            for name, rows in [
                ("a.json", 3),
                ("b.csv", 2),
                ("c.json", None),
                ("d.xlsx", None),
                ("kosong.csv", 0),
            ]
        ],
    }


def test_manifest_of_the_example_counts_records() -> None:
    result = manifest(EXAMPLE, "x", "0")
    rows = {b["nama"]: b["baris"] for b in result["berkas"]}
    ra = json.loads((EXAMPLE / "rencana_aksi.json").read_text(encoding="utf-8"))
    assert rows["rencana_aksi.csv"] == rows["rencana_aksi.json"] == len(ra)
    assert rows["dokumen.json"] is None
    assert [b["nama"] for b in result["berkas"]] == sorted(rows)
