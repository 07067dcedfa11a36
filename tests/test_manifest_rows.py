"""Regression: publishing a document whose CSV holds a cell longer than the csv module's
default field limit (131,072 characters) failed with "field larger than field limit" while
the manifest counted its rows (seen on Perka LAPAN 8/2015)."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.publish.manifest import row_count


def test_a_cell_over_the_default_csv_limit_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "teks"])
        writer.writerow(["a", "x" * 200_000])
        writer.writerow(["b", "pendek"])
    assert row_count(path) == 2
