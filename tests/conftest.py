from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.run import DocumentResult, process

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDF = ROOT / "raw" / "perbup-magetan-14-2020.pdf"
GOLDEN_DIR = ROOT / "extracted" / "perbup-magetan-14-2020"


@pytest.fixture(scope="session")
def default_result() -> DocumentResult:
    """The default PDF, processed once for the whole session."""
    return process(DEFAULT_PDF)
