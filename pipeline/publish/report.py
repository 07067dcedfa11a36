"""Write the QA report for Bagian Hukum: validations/reports/<dokumen_id>.html."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline.extract.pdf import sha256_of
from pipeline.models import Dokumen, RencanaAksi, Temuan
from pipeline.publish.files import write_atomically, write_temporary
from pipeline.publish.paths import document_path
from pipeline.publish.tindak_lanjut import Keputusan
from pipeline.report.html import render_report
from pipeline.result import CellBox, PageGlyphs


def find_source(dokumen: Dokumen, raw_dir: Path) -> Path | None:
    """The PDF in raw_dir whose sha256 is the document's source."""
    for pdf in sorted(raw_dir.glob("*.pdf")):
        if sha256_of(pdf) == dokumen.sumber_sha256:
            return pdf
    return None


def report_path(dokumen: Dokumen, reports_dir: Path, source: Path | str) -> Path:
    """reports_dir/<dokumen_id>.html, for an id that can name a file there."""
    return document_path(reports_dir, dokumen.dokumen_id, source, ".html")


def write_report(
    dokumen: Dokumen,
    temuan: Sequence[Temuan],
    pdf: Path | None,
    reports_dir: Path,
    source: Path | str | None = None,
    keputusan: Mapping[str, Keputusan] | None = None,
    versi: str | None = None,
    rencana_aksi: Sequence[RencanaAksi] = (),
    texts: Mapping[tuple[str, str], tuple[str, str]] | None = None,
    kotak: Mapping[tuple[str, str], Sequence[CellBox]] | None = None,
    glyphs: Mapping[int, PageGlyphs] | None = None,
) -> Path:
    """Write the report in place (atomically); `source` is the file the id came from;
    `keputusan` the reviewer's decisions by finding id, `versi` the pipeline version that
    made the data (the manifest's versi_pipeline), `rencana_aksi` for the schedule grid,
    `texts` where each record's text starts and ends (pipeline.report.places.record_texts),
    `kotak` the table records' cell boxes and `glyphs` the characters read, when the
    document was just processed (DocumentResult)."""
    path = report_path(dokumen, reports_dir, source or pdf or reports_dir)
    text = render_report(dokumen, temuan, pdf, keputusan, versi, rencana_aksi, glyphs, kotak, texts)
    write_atomically(path, text)
    return path


def stage_report(
    dokumen: Dokumen,
    temuan: Sequence[Temuan],
    pdf: Path,
    reports_dir: Path,
    keputusan: Mapping[str, Keputusan] | None = None,
    versi: str | None = None,
    rencana_aksi: Sequence[RencanaAksi] = (),
    glyphs: Mapping[int, PageGlyphs] | None = None,
    kotak: Mapping[tuple[str, str], Sequence[CellBox]] | None = None,
    texts: Mapping[tuple[str, str], tuple[str, str]] | None = None,
) -> tuple[Path, Path]:
    """Write the report to a new hidden file beside its place; (staged file, its place).
    The caller moves it in with os.replace once the document's folder is in place.
    `glyphs`: the characters extraction read on each page, so quotations are found without
    parsing the pages again; `kotak` and `texts` where each record is printed (see
    pipeline.report.places), so each finding is drawn inside its own record."""
    path = report_path(dokumen, reports_dir, pdf)
    text = render_report(dokumen, temuan, pdf, keputusan, versi, rencana_aksi, glyphs, kotak, texts)
    staged = write_temporary(path, text)
    return staged, path
