"""Great Expectations suites, one per published table, stored as JSON under
validations/expectations/ and run in an ephemeral, offline, quiet context on DataFrames.

The suites are written from SPEC by `make schemas` (a test fails when a stored suite is
stale); the runner reads the stored JSON. Document-specific bounds (page count, the
regulation's period) are suite parameters filled in at run time.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
import types
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel

from pipeline.errors import PipelineError
from pipeline.normalize.target import Status, canonical_units
from pipeline.result import REGISTRY
from pipeline.validate.dataset import Dataset
from pipeline.validate.rules.base import Hit
from pipeline.validate.rules.dasar_hukum import HIERARCHY
from pipeline.validate.rules.schedule import regulation_period
from pipeline.vocabulary import KINDS, TINDAKAN

SUITE_DIR = Path("validations") / "expectations"
# The stored suites belong to the code, not to the working directory: a run started anywhere
# reads the project's own suites (a missing one is an error, never a silently skipped check).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
PAGE = {"min_value": 1, "max_value": {"$PARAMETER": "jumlah_halaman"}}
YEAR = {"min_value": {"$PARAMETER": "tahun_awal"}, "max_value": {"$PARAMETER": "tahun_akhir"}}
LEVELS = [
    "judul",
    "menimbang",
    "mengingat",
    "memperhatikan",
    "menetapkan",
    "penutup",
    "bab",
    "bagian",
    "paragraf",
    "pasal",
    "ayat",
    "huruf",
    "angka",
    "subbagian",
]


def _where(column: str, value: str) -> dict[str, Any]:
    """A row condition (GX Condition object, as JSON): column == value."""
    return {"type": "comparison", "column": {"name": column}, "operator": "==", "parameter": value}


def _e(kind: str, **kwargs: Any) -> dict[str, Any]:
    return {"type": f"expect_{kind}", "kwargs": kwargs}


def _common(
    table: str, pages: tuple[str, ...] = ("halaman_awal", "halaman_akhir")
) -> list[dict[str, Any]]:
    out = [
        _e("column_values_to_not_be_null", column="id"),
        _e("column_values_to_be_unique", column="id"),
    ]
    out += [_e("column_values_to_be_between", column=c, **PAGE) for c in pages]
    return out


def spec() -> dict[str, list[dict[str, Any]]]:
    """The expectations of every published table with a suite (the registry's `suite`), in
    the registry's order: the source of the stored suites. A table with no expectations of
    its own gets the common ones (id present and unique, pages within the document)."""
    own = _expectations()
    unknown = set(own) - {t.name for t in REGISTRY if t.suite}
    if unknown:
        raise KeyError(f"expectations for tables without a suite in the registry: {unknown}")
    return {
        t.name: own.get(t.name) or _common(t.name, _pages(t.model)) for t in REGISTRY if t.suite
    }


def _pages(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(f for f in ("halaman", "halaman_awal", "halaman_akhir") if f in model.model_fields)


def _expectations() -> dict[str, list[dict[str, Any]]]:
    statuses = sorted(s.value for s in Status)
    return {
        "pasal": _common("pasal")
        + [
            _e("column_values_to_be_in_set", column="tingkat", value_set=LEVELS),
        ],
        "menimbang": _common("menimbang") + [_e("column_values_to_not_be_null", column="teks")],
        "dasar_hukum": _common("dasar_hukum")
        + [
            _e("column_values_to_not_be_null", column="nomor"),
            # Every kind the citation grammar reads (the one table of kinds), ranked or not.
            _e(
                "column_values_to_be_in_set",
                column="jenis",
                value_set=sorted(set(HIERARCHY) | {k.jenis for k in KINDS}),
            ),
            _e(
                "column_values_to_be_between",
                column="tahun",
                min_value=1945,
                max_value={"$PARAMETER": "tahun_dokumen"},
            ),
        ],
        "definisi": _common("definisi", ("halaman",))
        + [
            _e("column_values_to_not_be_null", column="istilah"),
            _e("column_values_to_not_be_null", column="definisi"),
            _e("column_values_to_be_unique", column="istilah"),
        ],
        "perubahan_pasal": _common("perubahan_pasal")
        + [
            _e(
                "column_values_to_be_in_set",
                column="tindakan",
                value_set=list(TINDAKAN),
            ),
            _e("column_values_to_not_be_null", column="teks"),
        ],
        "penjelasan": _common("penjelasan")
        + [
            _e(
                "column_values_to_be_in_set",
                column="bagian",
                value_set=["judul", "umum", "pasal_demi_pasal", "penutup"],
            ),
            _e(
                "column_values_to_be_in_set",
                column="tingkat",
                value_set=[
                    "judul",
                    "umum",
                    "pasal_demi_pasal",
                    "pasal",
                    "ayat",
                    "huruf",
                    "angka",
                    "penutup",
                ],
            ),  # fmt: skip
        ],
        "lampiran": _common("lampiran")
        + [
            _e("column_values_to_be_in_set", column="tingkat", value_set=LEVELS),
        ],
        "area_perubahan": _common("area_perubahan")
        + [
            _e("column_values_to_not_be_null", column="no"),
            _e("column_values_to_not_be_null", column="area"),
        ],
        "program": _common("program")
        + [
            _e("column_values_to_not_be_null", column="program"),
            _e("column_values_to_not_be_null", column="kegiatan"),
        ],
        "rencana_aksi": _common("rencana_aksi")
        + [
            _e("column_values_to_not_be_null", column="rencana_aksi"),
            _e("column_values_to_not_be_null", column="indikator_target"),
            _e("column_values_to_be_in_set", column="target_status", value_set=statuses),
            _e("column_values_to_be_in_set", column="target_satuan", value_set=canonical_units()),
            _e(
                "column_values_to_be_in_set",
                column="target_pembanding",
                value_set=["=", ">=", "<="],
            ),
            _e(
                "column_values_to_be_in_set",
                column="target_periode",
                value_set=[
                    "tahun",
                    "semester",
                    "triwulan",
                    "caturwulan",
                    "bulan",
                    "minggu",
                    "hari",
                ],
            ),
            _e(
                "column_values_to_be_between",
                column="target_nilai",
                min_value=0,
                max_value=100,
                row_condition=_where("target_satuan", "persen"),
            ),
            _e(
                "column_values_to_be_between",
                column="hasil_target_nilai",
                min_value=0,
                max_value=100,
                row_condition=_where("hasil_target_satuan", "persen"),
            ),
        ],
        "jadwal": [
            _e("column_values_to_not_be_null", column="record_id"),
            _e("compound_columns_to_be_unique", column_list=["record_id", "tahun"]),
            _e("column_values_to_be_between", column="tahun", **YEAR),
        ],
        "penanggung_jawab": [
            _e("column_values_to_be_unique", column="id"),
            _e(
                "column_values_to_be_in_set",
                column="cara",
                value_set=["definisi", "singkatan", "nama_lengkap", "alias", "tidak_dikenal"],
            ),
            _e("column_values_to_not_be_null", column="teks"),
        ],
    }


def suite_json(table: str, expectations: list[dict[str, Any]]) -> str:
    return (
        json.dumps({"name": table, "expectations": expectations}, ensure_ascii=False, indent=2)
        + "\n"
    )


def write_suites(root: Path = PROJECT_ROOT) -> list[Path]:
    folder = root / SUITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, expectations in spec().items():
        path = folder / f"{table}.json"
        path.write_text(suite_json(table, expectations), encoding="utf-8")
        written.append(path)
    return written


# Modules Great Expectations imports when it is imported but uses only inside expectations
# this pipeline never runs (KL divergence: its charts and statistics); about 0.8 of its 2.2
# CPU-seconds of import. They are loaded on first use instead (`_defer`).
UNUSED_AT_IMPORT = ("altair", "scipy.stats")


class _Deferred(types.ModuleType):
    """Stands in sys.modules for a module not yet loaded: the first attribute read loads the
    real module (which then takes its place in sys.modules) and is answered from it, as is
    every later one."""

    def __getattr__(self, attr: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attr)


def _defer(names: tuple[str, ...]) -> None:
    """Put a `_Deferred` stand-in for each module of `names` not imported yet (and
    installed) in sys.modules: importing it costs nothing until it is used."""
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except ImportError:  # its package is missing: Great Expectations' import says so
            continue
        if spec is None:
            continue
        stand_in = _Deferred(name)
        stand_in.__spec__ = spec
        sys.modules[name] = stand_in


def _gx() -> Any:
    """The great_expectations package, imported without what it does not need here."""
    # Offline and quiet: no usage statistics.
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    _defer(UNUSED_AT_IMPORT)
    import great_expectations as gx

    return gx


@cache
def context() -> Any:
    gx = _gx()  # offline and quiet: no usage statistics, no progress bars
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        progress_bars=ProgressBarsConfig(globally=False),
        analytics_enabled=False,
    )
    return gx.get_context(project_config=config, mode="ephemeral")


@cache
def _whole_frame() -> Any:
    """The one batch definition every table is validated through: a pandas data source with
    one DataFrame asset, the DataFrame given per batch. Made once per process: each data
    source, asset or batch definition added to a context re-serialises the context's whole
    configuration (YAML), which cost more than a small table's validation when made anew
    for every table of every run."""
    source = context().data_sources.add_or_update_pandas("pipeline")
    return source.add_dataframe_asset("tabel").add_batch_definition_whole_dataframe("utuh")


def _stored(table: str, root: Path) -> str:
    path = root / SUITE_DIR / f"{table}.json"
    if not path.is_file():
        raise PipelineError(path, "Great Expectations suite missing", hint="make schemas writes it")
    return path.read_text("utf-8")


@cache
def _suite(table: str, stored: str) -> Any:
    """The suite of `table` built from its stored JSON (read on every run, so an edited suite
    is never stale; built once per text)."""
    return _gx().ExpectationSuite(name=table, expectations=json.loads(stored)["expectations"])


def warm(root: Path = PROJECT_ROOT) -> None:
    """Build the context, the batch definition and the stored suites now (each once per
    process), e.g. while a helper process extracts; the helper that runs the suites
    (validate/background.py) is forked from this process and finds them built. A suite that
    cannot be read is left to run_expectations, which reports it."""
    _whole_frame()
    for table in spec():
        try:
            _suite(table, _stored(table, root))
        except Exception:  # met and reported by run_expectations
            continue


def run_expectations(data: Dataset, root: Path = PROJECT_ROOT) -> Iterator[Hit]:
    """Each failed expectation as hits naming the rows it failed on."""

    period = regulation_period(data) or (1945, 2100)
    params = {
        "jumlah_halaman": data.dokumen.jumlah_halaman,
        "tahun_awal": period[0],
        "tahun_akhir": period[1],
        "tahun_dokumen": data.dokumen.tahun or 2100,
    }
    for table in spec():  # every table with expectations; its stored suite must exist
        stored = _stored(table, root)
        rows = [r.model_dump() for r in data.table(table)]
        if not rows:
            continue
        frame = pd.DataFrame(rows)
        batch = _whole_frame().get_batch(batch_parameters={"dataframe": frame})
        result = batch.validate(
            _suite(table, stored), result_format="COMPLETE", expectation_parameters=params
        )
        for res in result.results:
            if res.success:
                continue
            column = res.expectation_config.kwargs.get("column")
            kind = res.expectation_config.type.removeprefix("expect_")
            for index, value in zip(
                res.result.get("unexpected_index_list") or [],
                res.result.get("unexpected_list") or [],
                strict=False,
            ):
                row = rows[int(index)]
                page = row.get("halaman_awal") or row.get("halaman")
                yield Hit(
                    "ekspektasi-gagal",
                    table,
                    row.get("id") or row.get("record_id"),
                    column,
                    page,
                    "kosong" if value is None or value != value else str(value),
                    {"ekspektasi": kind, "kolom": column},
                )
