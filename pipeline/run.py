"""The pipeline as a library: one PDF in, its records and report out (no file writing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract.document import ExtractedDocument, extract_document
from pipeline.models import Akuntansi, RencanaAksi, Sisa
from pipeline.normalize.accounting import account_table, outside_lines
from pipeline.normalize.dokumen import dokumen_id_from_title
from pipeline.normalize.rencana_aksi import map_columns, map_rencana_aksi
from pipeline.normalize.text import slug
from pipeline.settings import SETTINGS, Settings


@dataclass(slots=True)
class DocumentResult:
    path: Path
    dokumen_id: str
    sha256: str
    page_count: int
    rencana_aksi: list[RencanaAksi]
    sisa: list[Sisa]
    akuntansi: list[Akuntansi]
    notices: list[str] = field(default_factory=list)


def dokumen_id_of(doc: ExtractedDocument, notices: list[str]) -> str:
    first_pages = "\n".join(ln.text for p in doc.pages[:2] for ln in p.lines)
    found = dokumen_id_from_title(first_pages)
    if found:
        return found
    fallback = slug(doc.path.stem).replace("_", "-")
    notices.append(f"no title block found; dokumen_id taken from the file name: {fallback}")
    return fallback


def process(path: Path, settings: Settings = SETTINGS) -> DocumentResult:
    doc = extract_document(path, settings)
    notices: list[str] = []
    dokumen_id = dokumen_id_of(doc, notices)
    records: list[RencanaAksi] = []
    sisa: list[Sisa] = []
    akuntansi: list[Akuntansi] = []
    for t_index, table in enumerate(doc.tables):
        cmap = map_columns(table)
        if cmap is None:
            continue
        lampiran = doc.lampiran_of(table)
        if lampiran is None:
            notices.append(
                f"Rencana Aksi table on page {table.pages[0]} is outside any lampiran; "
                "numbered as lampiran 0"
            )
        mapped = map_rencana_aksi(table, cmap, dokumen_id, lampiran or 0, doc.sha256)
        records.extend(mapped.records)
        name = f"rencana_aksi (lampiran {lampiran}, hlm {table.pages[0]}-{table.pages[-1]})"
        summary, left = account_table(name, table, mapped.consumed)
        caption_keys = {ln.key for ln in doc.captions.get(t_index, [])}
        for page_no in table.pages:
            page = doc.pages[page_no - 1]
            others = [ln for ln in page.lines if ln.key not in caption_keys]
            # Only the lines of pages that hold nothing but this table are accounted here;
            # text pages around a table belong to the body parser.
            if len(page.table_tops) == 1:
                left.extend(outside_lines(others))
        akuntansi.append(summary)
        sisa.extend(left)
    if not records:
        notices.append("no Rencana Aksi table found; no rencana_aksi records")
    return DocumentResult(
        path=path,
        dokumen_id=dokumen_id,
        sha256=doc.sha256,
        page_count=doc.page_count,
        rencana_aksi=records,
        sisa=sorted(sisa, key=lambda s: (s.halaman, s.lokasi)),
        akuntansi=akuntansi,
        notices=notices,
    )
