"""Where the zoo PDFs live (no producer imported: the tests read the PDFs only)."""

from __future__ import annotations

from pathlib import Path

from tests.zoo.variants import Variant

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "zoo"
STEM = "perbup-magetan-14-2020"


def pdf_path(v: Variant) -> Path:
    return OUT / f"{STEM}.{v.name}.pdf"
