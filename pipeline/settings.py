"""Named constants and the one settings object of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = Path("raw")
    out_dir: Path = Path("extracted")
    reports_dir: Path = Path("validations") / "reports"
    # Distance (pt) under which two ruling-line coordinates are the same grid edge.
    edge_tolerance: float = 1.5
    # Two table pieces on consecutive pages are one table when their column edges,
    # relative to the table width, differ by less than this fraction.
    column_match_tolerance: float = 0.02
    # Page-number headers ("- 25 -") are looked for in this top/bottom fraction of the page.
    margin_fraction: float = 0.12


SETTINGS = Settings()
