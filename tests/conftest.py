from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.models import Temuan
from pipeline.run import DocumentResult, process
from pipeline.validate.engine import dataset_of, validate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDF = ROOT / "raw" / "perbup-magetan-14-2020.pdf"
GOLDEN_DIR = ROOT / "extracted" / "perbup-magetan-14-2020"
GOLDEN_REPORT = ROOT / "validations" / "reports" / "perbup-magetan-14-2020.html"


@pytest.fixture(scope="session")
def default_result() -> DocumentResult:
    """The default PDF, processed once for the whole session."""
    return process(DEFAULT_PDF)


@pytest.fixture(scope="session")
def default_temuan(default_result: DocumentResult) -> list[Temuan]:
    """The findings of the default PDF, computed once."""
    return validate(dataset_of(default_result), ROOT)
