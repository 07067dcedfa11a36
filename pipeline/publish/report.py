"""Write the QA report for Bagian Hukum: validations/reports/<dokumen_id>.html."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.extract.pdf import sha256_of
from pipeline.models import Dokumen, Temuan
from pipeline.publish.writer import write_atomically
from pipeline.report.html import render_report


def find_source(dokumen: Dokumen, raw_dir: Path) -> Path | None:
    """The PDF in raw_dir whose sha256 is the document's source."""
    for pdf in sorted(raw_dir.glob("*.pdf")):
        if sha256_of(pdf) == dokumen.sumber_sha256:
            return pdf
    return None


def write_report(
    dokumen: Dokumen, temuan: Sequence[Temuan], pdf: Path | None, reports_dir: Path
) -> Path:
    path = reports_dir / f"{dokumen.dokumen_id}.html"
    write_atomically(path, render_report(dokumen, temuan, pdf))
    return path
