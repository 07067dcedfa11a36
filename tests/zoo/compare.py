"""What a zoo PDF (or another rendering) gives, against the default's published records:
the pipeline's own diff (pipeline.diff.compare.diff_table), dataset by dataset."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from pipeline.diff.compare import Perubahan, diff_table
from pipeline.run import DocumentResult, process
from pipeline.validate.dataset import Dataset, load_folder
from tests.zoo.source import DEFAULT

# The datasets a zoo PDF is compared on (tests/fixtures/zoo/README.md says why these).
DATASETS: tuple[str, ...] = (
    "rencana_aksi",
    "jadwal",
    "penanggung_jawab",
    "area_perubahan",
    "program",
    "pasal",
    "definisi",
    "dasar_hukum",
    "menimbang",
)
_RESULT_FIELD = {"pasal": "simpul", "lampiran": "lampiran_simpul"}


def records(result: DocumentResult, dataset: str) -> list[BaseModel]:
    return list(getattr(result, _RESULT_FIELD.get(dataset, dataset)))


def default_dataset() -> Dataset:
    return load_folder(DEFAULT)


@dataclass(frozen=True)
class Outcome:
    path: Path
    seconds: float
    counts: dict[str, int]  # dataset -> records given
    changes: dict[str, list[Perubahan]]  # dataset -> diff against the default
    identical_ra: int  # default Rencana Aksi records given unchanged (same id, same content)
    notices: list[str]

    @property
    def changed(self) -> list[str]:
        return [d for d in DATASETS if self.changes[d]]


def outcome(path: Path, default: Dataset) -> Outcome:
    start = time.perf_counter()
    result = process(path)
    seconds = time.perf_counter() - start
    counts: dict[str, int] = {}
    changes: dict[str, list[Perubahan]] = {}
    for d in DATASETS:
        mine = records(result, d)
        counts[d] = len(mine)
        changes[d] = diff_table(d, default.table(d), mine)
    touched = {c.id_lama for c in changes["rencana_aksi"] if c.jenis != "ditambah"}
    identical = sum(1 for r in default.rencana_aksi if r.id not in touched)
    return Outcome(path, seconds, counts, changes, identical, list(result.notices))


def summary(changes: list[Perubahan]) -> str:
    """One line: how many changes of each kind, and the fields most often changed."""
    kinds = Counter(c.jenis for c in changes)
    fields = Counter(k for c in changes if c.jenis == "diubah" for k in c.kolom)
    text = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    if fields:
        text += " (" + ", ".join(f"{k} x{n}" for k, n in fields.most_common(4)) + ")"
    return text
