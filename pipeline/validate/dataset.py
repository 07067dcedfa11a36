"""One document's published tables as typed records: from a run, or from its folder."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from pipeline.errors import PipelineError
from pipeline.models import (
    AreaPerubahan,
    DasarHukum,
    Definisi,
    Dokumen,
    Jadwal,
    Menimbang,
    PenanggungJawab,
    PerubahanPasal,
    Program,
    RencanaAksi,
    Simpul,
    Sisa,
    Tabel,
    Temuan,
)

# Published table -> its record model. The one list of what a document folder holds.
TABLES: dict[str, type[BaseModel]] = {
    "pasal": Simpul,
    "menimbang": Menimbang,
    "dasar_hukum": DasarHukum,
    "definisi": Definisi,
    "perubahan_pasal": PerubahanPasal,
    "lampiran": Simpul,
    "area_perubahan": AreaPerubahan,
    "program": Program,
    "rencana_aksi": RencanaAksi,
    "tabel": Tabel,
    "jadwal": Jadwal,
    "penanggung_jawab": PenanggungJawab,
}


@dataclass(slots=True)
class Dataset:
    dokumen: Dokumen
    pasal: list[Simpul] = field(default_factory=list)
    menimbang: list[Menimbang] = field(default_factory=list)
    dasar_hukum: list[DasarHukum] = field(default_factory=list)
    definisi: list[Definisi] = field(default_factory=list)
    perubahan_pasal: list[PerubahanPasal] = field(default_factory=list)
    lampiran: list[Simpul] = field(default_factory=list)
    area_perubahan: list[AreaPerubahan] = field(default_factory=list)
    program: list[Program] = field(default_factory=list)
    rencana_aksi: list[RencanaAksi] = field(default_factory=list)
    tabel: list[Tabel] = field(default_factory=list)
    # The rows of every generic table, by table id (free columns: plain dicts).
    tabel_isi: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    jadwal: list[Jadwal] = field(default_factory=list)
    penanggung_jawab: list[PenanggungJawab] = field(default_factory=list)
    sisa: list[Sisa] = field(default_factory=list)
    # Rows of a published file that failed their model: (table, row index, row, error).
    invalid: list[tuple[str, int, dict[str, Any], str]] = field(default_factory=list)

    def table(self, name: str) -> list[Any]:
        return list(getattr(self, name))


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
    for name, model in TABLES.items():
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
