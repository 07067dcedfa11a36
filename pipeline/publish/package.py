"""A Frictionless Data Package descriptor (datapackage.json) for one published document folder.

The Table Schema of each CSV is generated from its pydantic record model, so the models stay
the one contract: types from the annotations, descriptions from the fields, `required` from
optionality, primary and foreign keys from the fixed tables below.
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from pipeline.models import CONTRACT_VERSION
from pipeline.result import REGISTRY

# How the CSV writer (publish/writer.py) spells values that CSV has no type for.
LIST_SEPARATOR = ";"
TRUE_VALUES = ["True"]  # pandas writes Python booleans as True/False
FALSE_VALUES = ["False"]
MISSING_VALUES = [""]  # None is written as an empty cell

PRIMARY_KEY = "id"
# Tables keyed by other columns than "id" (a schedule row is a record and a year).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    t.name: t.key for t in REGISTRY if t.key != (PRIMARY_KEY,)
}

# The published data are the text of regulations, which have no copyright in Indonesia
# (UU 28/2014 tentang Hak Cipta, Pasal 42); the datasets are dedicated to the public domain.
LICENSES: list[dict[str, str]] = [
    {
        "name": "CC0-1.0",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
        "title": "Creative Commons Zero v1.0 Universal (peraturan perundang-undangan tidak "
        "dilindungi hak cipta: UU 28/2014 Pasal 42)",
    }
]

# (table, column) -> (referenced table, referenced column). "" is frictionless' spelling of
# "this same resource". temuan.record_id is left out on purpose: it points at rows of any table.
FOREIGN_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    (t.name, column): target for t in REGISTRY for column, target in t.references
}

# Descriptions (Bahasa Indonesia) for model fields that carry none. Looked up first as
# "table.column", then as "column"; the one place such texts live.
FALLBACK_DESCRIPTIONS: dict[str, str] = {
    "alasan": "Alasan teks tidak diambil oleh record mana pun",
    "area": "Area perubahan sebagaimana tercetak",
    "berita_daerah_nomor": "Nomor Berita Daerah",
    "berita_daerah_tahun": "Tahun Berita Daerah",
    "berita_negara_nomor": "Nomor Berita Negara",
    "berita_negara_tahun": "Tahun Berita Negara",
    "definisi": "Definisi sebagaimana tercetak",
    "dokumen_id": "Id dokumen dari blok judul, mis. perbup-magetan-14-2020",
    "halaman": "Halaman PDF (mulai 1)",
    "halaman_akhir": "Halaman PDF (mulai 1) akhir",
    "halaman_awal": "Halaman PDF (mulai 1) awal",
    "hasil": "Hasil yang diharapkan sebagaimana tercetak",
    "hasil_target_catatan": "Sisa teks target hasil",
    "hasil_target_nilai": "Nilai target hasil (persen 0-100)",
    "hasil_target_pembanding": "Pembanding target hasil: =, >= (minimal), <= (maksimal)",
    "hasil_target_satuan": "Satuan kanonik target hasil (data/satuan.csv)",
    "hasil_target_status": (
        "Status target hasil: ok, placeholder, tanpa_target, tidak_konsisten, format_rusak, "
        "bukan_angka"
    ),
    "hasil_target_terbilang": "Terbilang target hasil sebagaimana tercetak",
    "hasil_target_terbilang_cocok": "Terbilang target hasil sesuai angka",
    "hasil_target_teks": "Target hasil sebagaimana tercetak dalam hasil_indikator",
    "id": "Id stabil dari struktur dokumen",
    "istilah": "Istilah yang didefinisikan",
    "jadwal.tahun": "Tahun pelaksanaan yang dicentang",
    "jenis": "Jenis peraturan (singkat)",
    "jenis_lengkap": "Jenis peraturan lengkap",
    "kegiatan": "Kegiatan sebagaimana tercetak",
    "kegiatan_ke": "Urutan kegiatan dalam program",
    "lampiran": "Nomor urut lampiran (urutan di lampiran.csv) tempat tabel dicetak",
    "lembaran_daerah_nomor": "Nomor Lembaran Daerah",
    "lembaran_daerah_tahun": "Tahun Lembaran Daerah",
    "lembaran_negara_nomor": "Nomor Lembaran Negara",
    "lembaran_negara_tahun": "Tahun Lembaran Negara",
    "no": "Nomor sebagaimana tercetak, tanpa titik penutup",
    "nomor": "Nomor peraturan",
    "program": "Program sebagaimana tercetak",
    "sumber_sha256": "sha256 berkas PDF sumber",
    "tabel": "Tabel sumber dalam lampiran, mis. tabel_3_1",
    "tahun": "Tahun peraturan",
    "tambahan_lembaran_daerah_nomor": "Nomor Tambahan Lembaran Daerah",
    "tambahan_lembaran_negara_nomor": "Nomor Tambahan Lembaran Negara",
    "teks": "Teks sebagaimana tercetak",
    "tentang": "Judul peraturan (tentang)",
    "urutan": "Urutan bagian dalam sel",
}

LIST_NOTE = f'Daftar nilai dipisah "{LIST_SEPARATOR}" (CSV tidak mengenal tipe daftar).'
# A list of integers as the CSV writer joins it, e.g. "2019;2020". Table Schema patterns are
# XML Schema regular expressions (implicitly anchored, no non-capturing groups).
INT_LIST_PATTERN = f"-?[0-9]+({LIST_SEPARATOR}-?[0-9]+)*"

# Scalar Python types -> Table Schema field type. bool before int: bool subclasses int.
_SCALAR_TYPES: dict[type, str] = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    datetime.datetime: "datetime",
    datetime.date: "date",
}


def primary_key(stem: str) -> tuple[str, ...]:
    """The columns that key a row of published table `stem`."""
    return PRIMARY_KEYS.get(stem, (PRIMARY_KEY,))


def datapackage(
    dokumen_id: str,
    title: str,
    csv_tables: Sequence[tuple[str, type[BaseModel]]],
    version: str = CONTRACT_VERSION,
    created: str | None = None,
    sources: Sequence[dict[str, str]] = (),
) -> dict[str, Any]:
    """The tabular Data Package descriptor of one document folder.

    One resource per (file stem, model) in `csv_tables`, in the order given, `path`
    "<stem>.csv"; `licenses` (LICENSES), `version` (of the data contract), `created` (a
    date-time the caller derives from the data, e.g. the regulation's promulgation date;
    left out when None) and `sources`. The result depends only on the arguments (no wall
    clock, fixed key order), so the same tables give a byte-identical datapackage.json.
    Foreign keys are emitted only where both ends are among `csv_tables` (or are a self
    reference). Raises TypeError for a field type with no CSV representation.
    """
    stems = {stem for stem, _ in csv_tables}
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": dokumen_id,
        "title": title,
        "version": version,
        "licenses": [dict(item) for item in LICENSES],
    }
    if created is not None:
        package["created"] = created
    if sources:
        package["sources"] = [dict(item) for item in sources]
    package["resources"] = [_resource(stem, model, stems) for stem, model in csv_tables]
    return package


def _resource(stem: str, model: type[BaseModel], stems: set[str]) -> dict[str, Any]:
    return {
        "profile": "tabular-data-resource",
        "name": stem,
        "path": f"{stem}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": table_schema(stem, model, stems),
    }


def table_schema(
    stem: str, model: type[BaseModel], stems: set[str] | None = None
) -> dict[str, Any]:
    """The Table Schema of `stem`.csv written from `model`: fields in model order,
    `missingValues` [""], `primaryKey` "id" when the model has it, and the foreign keys of
    FOREIGN_KEYS whose referenced table is in `stems` (all of them when `stems` is None)."""
    fields = [_field(stem, name, info) for name, info in model.model_fields.items()]
    schema: dict[str, Any] = {"fields": fields, "missingValues": list(MISSING_VALUES)}
    key = primary_key(stem)
    if all(column in model.model_fields for column in key):
        schema["primaryKey"] = key[0] if len(key) == 1 else list(key)
    foreign_keys = [
        {"fields": column, "reference": {"resource": target, "fields": target_column}}
        for (table, column), (target, target_column) in sorted(FOREIGN_KEYS.items())
        if table == stem
        and column in model.model_fields
        and (target == "" or stems is None or target in stems)
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def _field(stem: str, name: str, info: FieldInfo) -> dict[str, Any]:
    optional, is_list, scalars = _unpack(info.annotation, f"{stem}.{name}")
    description = info.description or _fallback_description(stem, name)
    field: dict[str, Any] = {"name": name}
    constraints: dict[str, Any] = {}
    if is_list:
        # An empty list is written as an empty cell, so a list column is never required.
        field["type"] = "string"
        field["description"] = f"{description}. {LIST_NOTE}" if description else LIST_NOTE
        if scalars == {int}:
            constraints["pattern"] = INT_LIST_PATTERN
    else:
        field["type"] = _scalar_type(scalars, f"{stem}.{name}")
        if description:
            field["description"] = description
        if field["type"] == "boolean":
            field["trueValues"] = list(TRUE_VALUES)
            field["falseValues"] = list(FALSE_VALUES)
        if not optional:
            constraints["required"] = True
        constraints.update(_bounds(info))
        allowed = [v for m in _union_members(info.annotation) for v in _literal_values(m)]
        if allowed:
            constraints["enum"] = allowed
    if name == PRIMARY_KEY:
        constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _fallback_description(stem: str, name: str) -> str | None:
    return FALLBACK_DESCRIPTIONS.get(f"{stem}.{name}", FALLBACK_DESCRIPTIONS.get(name))


def _unpack(annotation: Any, where: str) -> tuple[bool, bool, set[type]]:
    """(optional, is a list, the scalar types) of a field annotation such as `int | None`,
    `list[int]` or `int | float`."""
    optional = False
    members = _union_members(annotation)
    if type(None) in members:
        optional = True
        members = [m for m in members if m is not type(None)]
    if len(members) == 1 and typing.get_origin(members[0]) is list:
        (item,) = typing.get_args(members[0]) or (str,)
        return optional, True, set(_union_members(item))
    # A Literal of strings ("teks" | "ocr") is a string column with those values.
    members = [str if _literal_values(m) else m for m in members]
    if any(not isinstance(m, type) for m in members):
        raise TypeError(f"{where}: annotation {annotation!r} has no CSV column type")
    return optional, False, set(members)


def _literal_values(annotation: Any) -> list[str]:
    """The values of a Literal of strings; empty for any other annotation."""
    if typing.get_origin(annotation) is not typing.Literal:
        return []
    values = list(typing.get_args(annotation))
    return values if all(isinstance(v, str) for v in values) else []


def _union_members(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return list(typing.get_args(annotation))
    return [annotation]


def _scalar_type(scalars: set[type], where: str) -> str:
    if scalars == {int, float} or scalars == {float}:
        return "number"
    if len(scalars) == 1:
        (only,) = scalars
        if only in _SCALAR_TYPES:
            return _SCALAR_TYPES[only]
    names = " | ".join(sorted(t.__name__ for t in scalars))
    raise TypeError(f"{where}: type {names!r} has no Table Schema type")


def _bounds(info: FieldInfo) -> dict[str, Any]:
    """minimum/maximum from pydantic's ge/le metadata (gt/lt have no Table Schema form)."""
    bounds: dict[str, Any] = {}
    for item in info.metadata:
        ge = getattr(item, "ge", None)
        le = getattr(item, "le", None)
        if ge is not None:
            bounds["minimum"] = ge
        if le is not None:
            bounds["maximum"] = le
    return bounds


# Column type of a generic lampiran table -> Table Schema type of its typed "__nilai" column.
GENERIC_VALUE_TYPES: dict[str, str] = {
    "bilangan": "number",
    "rupiah": "number",
    "persen": "number",
    "tahun": "integer",
    "tanggal": "date",
    "centang": "boolean",
}


def generic_resource(
    name: str, path: str, columns: Sequence[str], types: dict[str, str]
) -> dict[str, Any]:
    """The resource of one generic lampiran table (tabel/<id>.csv): printed columns are
    strings; each typed "<column>__nilai" column has its column type's Table Schema type, each
    "<column>__keyakinan" (a table read by OCR) is a number from 0 to 100."""
    fields: list[dict[str, Any]] = []
    for column in columns:
        base = column.removesuffix("__nilai")
        if column in ("halaman_awal", "halaman_akhir"):
            field: dict[str, Any] = {"name": column, "type": "integer",
                                     "description": "Halaman PDF (mulai 1) baris ini"}  # fmt: skip
        elif column != base:
            field = {"name": column, "type": GENERIC_VALUE_TYPES[types[base]],
                     "description": f"Nilai bertipe dari kolom {base}"}  # fmt: skip
            if field["type"] == "boolean":
                field.update(trueValues=["True"], falseValues=["False"])
        elif column.endswith("__keyakinan"):  # generic_table.CONFIDENCE_SUFFIX
            read = column.removesuffix("__keyakinan")
            field = {"name": column, "type": "number",
                     "constraints": {"minimum": 0, "maximum": 100},
                     "description": f"Keyakinan OCR terendah (0-100) atas kata-kata sel tempat "
                     f"nilai kolom {read} dibaca; kosong bila nilainya kosong atau dari lapisan "
                     f"teks"}  # fmt: skip
        elif column.endswith("__catatan_kaki"):  # generic_table.NOTE_SUFFIX
            noted = column.removesuffix("__catatan_kaki")
            field = {"name": column, "type": "string",
                     "description": f"Tanda catatan kaki yang tercetak kecil dan terangkat pada "
                     f"nilai kolom {noted} (catatannya tercetak di bawah tabel)"}  # fmt: skip
        elif column == "id":
            field = {"name": "id", "type": "string", "description": "Id baris dari penomoran tabel",
                     "constraints": {"required": True, "unique": True}}  # fmt: skip
        else:
            field = {
                "name": column,
                "type": "string",
                "description": f"Kolom {column}, sebagaimana tercetak",
            }
        fields.append(field)
    resource = _resource(name, BaseModel, set())
    resource.update(path=path, name=name)
    resource["schema"] = {"fields": fields, "missingValues": [""], "primaryKey": ["id"]}
    return resource
