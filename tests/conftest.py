from __future__ import annotations

import os
from pathlib import Path

import pytest

# Runs in the suite do not print each report to PDF (a few seconds in Chromium each);
# tests/test_report_pdf.py prints on purpose.
os.environ.setdefault("PIPELINE_REPORT_PDF", "0")

from pipeline.models import Temuan
from pipeline.run import DocumentResult, process
from pipeline.validate.engine import dataset_of, validate

# The goldens (tests/golden/, written by `make golden`), named here for the tests.
from tests.golden import GOLDEN as GOLDEN
from tests.golden import GOLDEN_DIR as GOLDEN_DIR
from tests.golden import GOLDEN_REPORT as GOLDEN_REPORT

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDF = ROOT / "raw" / "perbup-magetan-14-2020.pdf"


@pytest.fixture(scope="session")
def default_result() -> DocumentResult:
    """The default PDF, processed once for the whole session."""
    return process(DEFAULT_PDF)


@pytest.fixture(scope="session")
def default_temuan(default_result: DocumentResult) -> list[Temuan]:
    """The findings of the default PDF, computed once."""
    return validate(dataset_of(default_result), ROOT)


REAL_DIR = ROOT / "tests" / "fixtures" / "real"
REAL_PDFS = sorted(p.stem for p in REAL_DIR.glob("*.pdf"))


class RealCorpus:
    """The real regulations of tests/fixtures/real, each processed (and validated) once
    per session, on first use."""

    def __init__(self) -> None:
        self._results: dict[str, tuple[DocumentResult, list[Temuan]]] = {}

    def get(self, stem: str) -> tuple[DocumentResult, list[Temuan]]:
        if stem not in self._results:
            result = process(REAL_DIR / f"{stem}.pdf")
            self._results[stem] = (result, validate(dataset_of(result), ROOT))
        return self._results[stem]


@pytest.fixture(scope="session")
def real_corpus() -> RealCorpus:
    return RealCorpus()
