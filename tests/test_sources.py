"""raw/SOURCES.md records every input PDF with its current sha256."""

from __future__ import annotations

from pipeline.extract.pdf import sha256_of
from tests.conftest import ROOT


def test_every_raw_pdf_is_recorded_with_its_sha256() -> None:
    sources = (ROOT / "raw" / "SOURCES.md").read_text(encoding="utf-8")
    pdfs = sorted((ROOT / "raw").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        assert f"`{pdf.name}` | `{sha256_of(pdf)}`" in sources, pdf.name
